#![no_main]
//! topics.yaml: `evctl::spec::load_texts` (serde-saphyr, `${VAR}` expansion, the merge of
//! overlays, validation and normalisation), the rendering of its errors, and the unit parsers
//! of `evctl::units` on the words of the text.
//!
//! Input: YAML text. A `0xFF` byte (never part of UTF-8) starts another file: up to three files
//! are loaded as overlays (topics.yaml, prod.yaml, local.yaml), exercising the merge.

use std::path::PathBuf;

use evctl::units;
use libfuzzer_sys::fuzz_target;

/// The environment `${VAR}` reads: set, empty and unset names.
fn env(name: &str) -> Option<String> {
    let v = match name {
        "PARTITIONS" => "12",
        "RF" => "3",
        "ENV" => "prod",
        "TEAM" => "payments",
        "RETENTION" => "7d",
        "TIERED" => "true",
        "N" => "-1",
        "SIZE" => "1GiB",
        "EMPTY" => "",
        "WEIRD" => "${X} $$ {y}: [a, b]\n- c",
        _ => return None,
    };
    Some(v.to_string())
}

const FILES: [&str; 3] = ["topics.yaml", "prod.yaml", "local.yaml"];

fuzz_target!(|data: &[u8]| {
    if data.len() > 64 * 1024 {
        return;
    }
    let files: Vec<(PathBuf, String)> = data
        .split(|&b| b == 0xFF)
        .take(FILES.len())
        .zip(FILES)
        .map(|(text, name)| {
            (
                PathBuf::from(name),
                String::from_utf8_lossy(text).into_owned(),
            )
        })
        .collect();

    match evctl::spec::load_texts(files.clone(), &env) {
        Ok(spec) => {
            for t in &spec.topics {
                let _ = evctl::spec::is_protected(&spec, &t.name);
                for (key, value) in &t.configs {
                    if let Some(v) = value.as_set() {
                        let _ = evctl::spec::humanize(key, v);
                    }
                }
            }
            let _ = spec.acl_principals();
            let _ = evctl::spec::validate_against_brokers(&spec, 1);
            // the ignore_configs patterns backtrack (worst case exponential in their
            // quantifiers): only match the ones with few quantifiers
            let tame = spec
                .ignore_configs
                .iter()
                .all(|p| p.matches(['*', '+', '?']).count() <= 4);
            if tame {
                for key in ["confluent.tier.enable", "retention.ms", "x"] {
                    let _ = evctl::spec::ignored_config(&spec, key);
                }
            }
            // loading is deterministic
            let again = evctl::spec::load_texts(files, &env);
            assert!(
                again.is_ok_and(|s| s == spec),
                "loading the same text twice differed"
            );
        }
        Err(errors) => {
            let _ = errors.to_string();
            let _ = errors.summary();
            for e in errors.errors.iter().take(8) {
                let _ = evctl::diag::render_report(e, false);
            }
        }
    }

    // the unit parsers, on the words of the text
    let text = String::from_utf8_lossy(data);
    for word in text
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | '[' | ']' | '{' | '}'))
        .filter(|w| !w.is_empty())
        .take(64)
    {
        if let Ok(d) = units::parse_duration(word) {
            let shown = units::format_duration(d);
            assert_eq!(
                units::parse_duration(&shown),
                Ok(d),
                "duration {word:?} printed as {shown:?}"
            );
            let _ = units::human_duration_ms(d.as_millis().min(i64::MAX as u128) as i64);
        }
        if let Ok(n) = units::parse_size(word) {
            let shown = units::format_size(n);
            assert_eq!(
                units::parse_size(&shown),
                Ok(n),
                "size {word:?} printed as {shown:?}"
            );
            let _ = units::human_size(n);
        }
        let _ = units::parse_rate(word);
        let _ = units::looks_like_unit_value(word);
        let _ = evctl::quota::parse_value("producer_byte_rate", word);
        let _ = evctl::quota::parse_value("request_percentage", word);
        let _ = evctl::spec::KeyPattern::new(word);
        let _ = evctl::spec::glob_match(word, "orders.events.v1");
        let _ = evctl::schema::Mode::parse(word);
    }
});
