#![no_main]
//! Record filters of `tail` and `dlq replay`: `evctl::record::filter::Filter::new` and
//! `Filter::matches`.
//!
//! Input: byte 0 picks the mode.
//! - bit 0 clear, the expression side (what the user types): the rest is the text of a
//!   `--where` jq expression (jaq: lexing, parsing, compiling with the standard library) and
//!   also a `--grep` regex, a `--key` glob and a `--header` spec, each compiled alone and matched
//!   against a small fixed record.
//! - bit 0 set, the record side (what a hostile producer controls): the rest is a record (see
//!   `evctl_fuzz::record_from`) matched by fixed filters of each kind, so its value goes through
//!   the strict JSON check and jaq's JSON reader, and its key and headers through the patterns.
//!
//! Inputs are capped at 4 KiB. jq programs can loop forever (`repeat`, recursive `def`s) or
//! build huge values by design (the expression is the user's own); expressions using the
//! constructs that do so are only compiled, see `UNBOUNDED`.

use evctl::record::Record;
use evctl::record::filter::{Filter, FilterSpec};
use libfuzzer_sys::fuzz_target;

/// Words of jq programs that loop or grow without bound on any input (`repeat`, recursive
/// `def`s, `range(1e18)`, `"x" * 1e12`); expressions containing one are compiled, not run.
/// Doubling chains (`. + . | . + . | ...`) are not caught: they show up as out-of-memory reports
/// of the expression side, not of the record side (see fuzz/README.md).
const UNBOUNDED: &[&str] = &[
    "def", "repeat", "recurse", "while", "until", "range", "infinite", "*",
];

/// Fixed filters for the record side: each kind on its own, then all together.
fn fixed_specs() -> Vec<FilterSpec> {
    let s = |v: &str| v.to_string();
    vec![
        FilterSpec {
            keys: vec![s("order-*"), s("a?c"), s("")],
            ..FilterSpec::default()
        },
        FilterSpec {
            headers: vec![s("trace"), s("kafka_dlt-exception-message=*timeout*")],
            ..FilterSpec::default()
        },
        FilterSpec {
            grep: Some(s(r#"(?i)"status"\s*:\s*"(failed|placed)""#)),
            ..FilterSpec::default()
        },
        FilterSpec {
            grep: Some(s(r"(?-u)\xff\x00")),
            ..FilterSpec::default()
        },
        FilterSpec {
            where_expr: Some(s(
                r#".status == "failed" and (.attempts // 0) > 2 or (.lines | length) > 1"#,
            )),
            ..FilterSpec::default()
        },
        FilterSpec {
            where_expr: Some(s(
                r#"($key // "" | startswith("order")) and ($headers | map(.[0]) | index("trace")) != null and $partition >= 0 and $offset != null and $timestamp > 0 and ($topic | test("^ord"))"#,
            )),
            ..FilterSpec::default()
        },
        FilterSpec {
            where_expr: Some(s(
                r#"[.. | numbers] | add > 10 or (tostring | length) > 3 or (.customer.name | ascii_downcase | contains("ann"))"#,
            )),
            ..FilterSpec::default()
        },
        FilterSpec {
            where_expr: Some(s(
                r#"has("id") and (.id | type) == "number" and (to_entries | length) > 0"#,
            )),
            ..FilterSpec::default()
        },
        FilterSpec {
            keys: vec![s("*")],
            headers: vec![s("trace=*")],
            grep: Some(s("placed")),
            where_expr: Some(s(".id")),
        },
    ]
}

fn check(spec: &FilterSpec, records: &[Record]) {
    let Ok(f) = Filter::new(spec) else { return };
    let _ = f.is_empty();
    for r in records {
        let _ = f.matches(r);
    }
}

fuzz_target!(|data: &[u8]| {
    // libFuzzer's own -timeout and -rss_limit_mb report runaway programs as such (run this
    // target with -fork=1 -ignore_ooms=1 -ignore_timeouts=1); evctl's watchdog would exit
    evctl::record::filter::watch::disable();
    if data.len() > 4096 {
        return;
    }
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode & 1 == 1 {
        let r = evctl_fuzz::record_from(rest);
        for spec in fixed_specs() {
            check(&spec, std::slice::from_ref(&r));
        }
        return;
    }

    let text = String::from_utf8_lossy(rest).into_owned();
    let records = [evctl_fuzz::fixed_record(), Record::default()];
    // every kind alone, so one bad flag does not hide the others
    if UNBOUNDED.iter().any(|w| text.contains(w)) {
        let _ = Filter::new(&FilterSpec {
            where_expr: Some(text.clone()),
            ..FilterSpec::default()
        });
    } else {
        check(
            &FilterSpec {
                where_expr: Some(text.clone()),
                ..FilterSpec::default()
            },
            &records,
        );
    }
    check(
        &FilterSpec {
            grep: Some(text.clone()),
            ..FilterSpec::default()
        },
        &records,
    );
    check(
        &FilterSpec {
            keys: vec![text.clone()],
            ..FilterSpec::default()
        },
        &records,
    );
    check(
        &FilterSpec {
            headers: vec![text],
            ..FilterSpec::default()
        },
        &records,
    );
});
