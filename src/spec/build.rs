//! From the merged YAML tree to a [`Spec`]: field checks, value normalisation, profile resolution
//! and the cross-checks, recording every problem with its place.

use std::collections::{BTreeMap, HashMap};

use super::pattern::{KeyPattern, check_glob};
use super::values::{self, KNOWN_KEYS};
use super::yaml::{FIRST_CLASS, Key, Kind, Node, Pos, show};
use super::{
    ConfigValue, ConsumerSpec, Layer, Managed, Problems, Provenance, SchemaReference, SchemaSpec,
    SourceText, Spec, TopicSpec,
};
use crate::dlq::dialect::{
    BUILTIN_DIALECTS, CustomDialect, REPLAY_COUNT_HEADER, is_builtin_dialect,
};
use crate::schema::{Format, Mode, Policy};

const TOP_FIELDS: &[&str] = &[
    "defaults",
    "profiles",
    "managed",
    "protected",
    "ignore_configs",
    "topics",
    "consumers",
    "schemas",
    "dialects",
    "acls",
    "quotas",
];

/// Fields of defaults and profiles (topics add `name` and `profile`).
const LEVEL_FIELDS: &[&str] = &[
    "partitions",
    "replication_factor",
    "retention",
    "retention_bytes",
    "compression",
    "cleanup_policy",
    "min_insync_replicas",
    "max_message_bytes",
    "configs",
];

const TOPIC_FIELDS: &[&str] = &[
    "name",
    "profile",
    "partitions",
    "replication_factor",
    "retention",
    "retention_bytes",
    "compression",
    "cleanup_policy",
    "min_insync_replicas",
    "max_message_bytes",
    "configs",
    "acls",
];

const MANAGED_FIELDS: &[&str] = &["prefixes", "topics", "principals"];
const CONSUMER_FIELDS: &[&str] = &["group", "topics", "max_lag", "max_time_lag"];
const SCHEMA_FIELDS: &[&str] = &[
    "subject",
    "file",
    "compatibility",
    "type",
    "policy",
    "references",
];
const REFERENCE_FIELDS: &[&str] = &["name", "file"];
const DIALECT_FIELDS: &[&str] = &[
    "name",
    "original_topic",
    "original_partition",
    "original_offset",
    "original_timestamp",
    "error_class",
    "error_message",
    "attempts",
];

/// Builds the spec from the merged tree (None when no file could be read), recording problems.
pub(crate) fn build(tree: Option<&Node>, sources: Vec<SourceText>, p: &mut Problems) -> Spec {
    let mut spec = Spec {
        sources,
        ..Spec::default()
    };
    let Some(tree) = tree else {
        return spec;
    };
    let Some(top) = tree.as_map() else {
        p.at(
            tree.pos,
            format!(
                "expected a mapping with `topics:` (and optionally {}), found {}",
                TOP_FIELDS
                    .iter()
                    .filter(|f| **f != "topics")
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", "),
                tree.kind.type_name()
            ),
        );
        return spec;
    };
    check_fields(top, TOP_FIELDS, "the spec", p);

    let defaults = match section_map(tree, "defaults", p) {
        Some(m) => level(m, Layer::Defaults, "defaults", LEVEL_FIELDS, p),
        None => Level::new(Layer::Defaults),
    };
    let mut profiles: Vec<(String, Level)> = Vec::new();
    if let Some(m) = section_map(tree, "profiles", p) {
        for (name, node) in m {
            let ctx = format!("profile `{}`", show(&name.name));
            let lvl = match &node.kind {
                Kind::Null => Level::new(Layer::Profile(name.name.clone())),
                Kind::Map(fields) => level(
                    fields,
                    Layer::Profile(name.name.clone()),
                    &ctx,
                    LEVEL_FIELDS,
                    p,
                ),
                other => {
                    p.at(
                        node.pos,
                        format!(
                            "{ctx} must be a mapping of topic settings, found {}",
                            other.type_name()
                        ),
                    );
                    Level::new(Layer::Profile(name.name.clone()))
                }
            };
            profiles.push((name.name.clone(), lvl));
        }
    }
    spec.profiles = profiles.iter().map(|(n, _)| n.clone()).collect();

    if let Some(m) = section_map(tree, "managed", p) {
        spec.managed = managed(m, p);
    }
    if let Some(list) = section_list(tree, "protected", p) {
        for item in list {
            if let Some(g) = string_item(item, "protected", p) {
                match check_glob(g) {
                    Ok(()) => spec.protected.push(g.to_string()),
                    Err(e) => p.at(item.pos, format!("protected pattern `{}`: {e}", show(g))),
                }
            }
        }
    }
    if let Some(list) = section_list(tree, "ignore_configs", p) {
        spec.ignore_configs.clear();
        for item in list {
            if let Some(pat) = string_item(item, "ignore_configs", p) {
                match KeyPattern::new(pat) {
                    Ok(_) => spec.ignore_configs.push(pat.to_string()),
                    Err(e) => p.at(
                        item.pos,
                        format!("ignore_configs pattern `{}`: {e}", show(pat)),
                    ),
                }
            }
        }
    }
    if let Some(list) = section_list(tree, "topics", p) {
        spec.topics = topics(list, &defaults, &profiles, p);
    }
    if let Some(list) = section_list(tree, "consumers", p) {
        spec.consumers = list.iter().filter_map(|c| consumer(c, p)).collect();
    }
    if let Some(list) = section_list(tree, "schemas", p) {
        spec.schemas = list.iter().filter_map(|s| schema(s, p)).collect();
    }
    if let Some(list) = section_list(tree, "dialects", p) {
        spec.dialects = list.iter().filter_map(|d| dialect(d, p)).collect();
    }
    let mut acls = Vec::new();
    if let Some(list) = section_list(tree, "acls", p) {
        acls = super::acls::section(list, p);
    }
    let topic_nodes = match tree.get("topics").map(|n| &n.kind) {
        Some(Kind::Seq(items)) => items.as_slice(),
        _ => &[],
    };
    for t in topic_nodes {
        if let (Some(name), Some(node)) = (t.get("name").and_then(Node::as_str), t.get("acls")) {
            acls.extend(super::acls::of_topic(name, node, p));
        }
    }
    spec.acls = super::acls::dedupe(acls, p);
    if let Some(list) = section_list(tree, "quotas", p) {
        spec.quotas = super::quotas::section(list, p);
    }
    spec
}

/// A top-level section that must be a mapping; None when absent or null.
fn section_map<'a>(tree: &'a Node, name: &str, p: &mut Problems) -> Option<&'a [(Key, Node)]> {
    let node = tree.get(name)?;
    match &node.kind {
        Kind::Null => None,
        Kind::Map(m) => Some(m),
        other => {
            p.at(
                node.pos,
                format!("`{name}` must be a mapping, found {}", other.type_name()),
            );
            None
        }
    }
}

/// A section that must be a list; None when absent, null, or wrong.
fn section_list<'a>(tree: &'a Node, name: &str, p: &mut Problems) -> Option<&'a [Node]> {
    let node = tree.get(name)?;
    list_of(node, name, p)
}

pub(super) fn list_of<'a>(node: &'a Node, name: &str, p: &mut Problems) -> Option<&'a [Node]> {
    match &node.kind {
        Kind::Null => None,
        Kind::Seq(items) => Some(items),
        other => {
            p.at_help(
                node.pos,
                format!("`{name}` must be a list, found {}", other.type_name()),
                format!("write `{name}: [a, b]` or one `- item` per line"),
            );
            None
        }
    }
}

fn string_item<'a>(item: &'a Node, list: &str, p: &mut Problems) -> Option<&'a str> {
    match &item.kind {
        Kind::Str(s) => Some(s),
        other => {
            p.at(
                item.pos,
                format!(
                    "`{list}` entries must be strings, found {}",
                    other.type_name()
                ),
            );
            None
        }
    }
}

/// Records unknown fields of a mapping, with a suggestion when one is close.
pub(super) fn check_fields(map: &[(Key, Node)], allowed: &[&str], ctx: &str, p: &mut Problems) {
    for (k, _) in map {
        if allowed.contains(&k.name.as_str()) {
            continue;
        }
        let message = format!("unknown field `{}` in {ctx}", show(&k.name));
        let kafka_key = k.name.replace('_', ".");
        let help = if allowed.contains(&"configs")
            && (KNOWN_KEYS.contains(&k.name.as_str()) || KNOWN_KEYS.contains(&kafka_key.as_str()))
        {
            let key = if KNOWN_KEYS.contains(&k.name.as_str()) {
                k.name.clone()
            } else {
                kafka_key
            };
            match FIRST_CLASS.iter().find(|(_, kk)| *kk == key) {
                Some((field, _)) => format!(
                    "did you mean `{field}`? Kafka config keys such as `{key}` go under `configs:`"
                ),
                None => format!("Kafka config keys such as `{key}` go under `configs:`"),
            }
        } else {
            did_you_mean(&k.name, allowed)
        };
        p.at_help(k.pos, message, help);
    }
}

/// Lower-case snake_case form of a word, for comparing spellings (`replicationFactor`,
/// `replication-factor` and `replication.factor` are all `replication_factor`).
fn normalise_word(w: &str) -> String {
    let mut out = String::with_capacity(w.len() + 4);
    let mut prev_lower = false;
    for c in w.chars() {
        if c.is_ascii_uppercase() && prev_lower {
            out.push('_');
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        out.push(match c {
            '.' | '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        });
    }
    out
}

/// The help under an unknown word: the likely intent, or every word that would do.
pub(super) fn did_you_mean(word: &str, candidates: &[&str]) -> String {
    match suggest(word, candidates) {
        Some(s) => format!("did you mean `{s}`?"),
        None => format!("expected one of: {}", candidates.join(", ")),
    }
}

/// The candidate closest to `word`, when it is close enough to be a likely misspelling.
pub(crate) fn suggest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let w = normalise_word(word);
    if let Some(c) = candidates.iter().find(|c| normalise_word(c) == w) {
        return Some(c);
    }
    let (best, d) = candidates
        .iter()
        .map(|c| (*c, strsim::damerau_levenshtein(&w, &normalise_word(c))))
        .min_by_key(|(_, d)| *d)?;
    let limit = (best.chars().count() / 3).clamp(1, 3);
    if d <= limit {
        return Some(best);
    }
    // a truncated word: `replication` for `replication_factor`
    candidates
        .iter()
        .find(|c| w.chars().count() >= 5 && normalise_word(c).starts_with(&w))
        .copied()
}

/// One level of settings (defaults, a profile, or a topic's own fields), normalised.
struct Level {
    layer: Layer,
    partitions: Option<(i32, Pos)>,
    replication_factor: Option<(i16, Pos)>,
    configs: BTreeMap<String, (ConfigValue, Pos)>,
}

impl Level {
    fn new(layer: Layer) -> Self {
        Level {
            layer,
            partitions: None,
            replication_factor: None,
            configs: BTreeMap::new(),
        }
    }
}

fn level(
    map: &[(Key, Node)],
    layer: Layer,
    ctx: &str,
    allowed: &[&str],
    p: &mut Problems,
) -> Level {
    check_fields(map, allowed, ctx, p);
    let mut lvl = Level::new(layer);
    // (Kafka key, field, place of the field's key), to find keys given both ways
    let mut first_class: Vec<(&str, &str, Pos)> = Vec::new();
    for (k, v) in map {
        match k.name.as_str() {
            "partitions" => {
                lvl.partitions =
                    int_field(v, "partitions", i32::MAX as i64, p).map(|n| (n as i32, v.pos));
            }
            "replication_factor" => {
                lvl.replication_factor = int_field(v, "replication_factor", i16::MAX as i64, p)
                    .map(|n| (n as i16, v.pos));
            }
            "configs" => match &v.kind {
                Kind::Null => {}
                Kind::Map(entries) => {
                    for (ck, cv) in entries {
                        if !check_config_key(ck, p) {
                            continue;
                        }
                        match values::normalize(&ck.name, &ck.name, cv) {
                            Ok(Some(value)) => {
                                lvl.configs.insert(ck.name.clone(), (value, cv.pos));
                            }
                            Ok(None) => {}
                            Err(bad) => push_bad(p, bad),
                        }
                    }
                }
                other => p.at_help(
                    v.pos,
                    format!(
                        "`configs` must be a mapping of Kafka config keys, found {}",
                        other.type_name()
                    ),
                    "write `configs: {segment.bytes: 512MiB}` or one `key: value` per line",
                ),
            },
            field => {
                let Some((_, key)) = FIRST_CLASS.iter().find(|(f, _)| *f == field) else {
                    continue; // unknown: reported by check_fields
                };
                if !v.is_null() {
                    first_class.push((key, field, k.pos));
                }
                match values::normalize(key, field, v) {
                    Ok(Some(value)) => {
                        lvl.configs.insert(key.to_string(), (value, v.pos));
                    }
                    Ok(None) => {}
                    Err(bad) => push_bad(p, bad),
                }
            }
        }
    }
    if let Some(configs) = map
        .iter()
        .find(|(k, _)| k.name == "configs")
        .and_then(|(_, v)| v.as_map())
    {
        for (key, field, field_pos) in first_class {
            if let Some((ck, _)) = configs
                .iter()
                .find(|(ck, cv)| ck.name == key && !cv.is_null())
            {
                let line = p.line(field_pos);
                p.at_help(
                    ck.pos,
                    format!(
                        "`{key}` is given twice in {ctx}: here and as `{field}` on line {line}"
                    ),
                    "keep one of them",
                );
            }
        }
    }
    lvl
}

fn push_bad(p: &mut Problems, bad: values::Bad) {
    match bad.help {
        Some(h) => p.at_help(bad.pos, bad.message, h),
        None => p.at(bad.pos, bad.message),
    }
}

/// partitions / replication_factor: a whole number from 1 to `max`, or -1 (the cluster default).
fn int_field(v: &Node, field: &str, max: i64, p: &mut Problems) -> Option<i64> {
    let help = "-1 means the cluster default";
    match &v.kind {
        Kind::Null => None,
        Kind::Int(-1) => Some(-1),
        Kind::Int(n) if *n < 1 => {
            p.at_help(
                v.pos,
                format!("`{field}` must be at least 1, not {n}"),
                help,
            );
            None
        }
        Kind::Int(n) if *n > max => {
            p.at(
                v.pos,
                format!("`{field}`: {n} is too large (at most {max})"),
            );
            None
        }
        Kind::Int(n) => Some(*n),
        Kind::BigInt(t) => {
            p.at(
                v.pos,
                format!("`{field}`: {t} is too large (at most {max})"),
            );
            None
        }
        Kind::Str(s) if crate::units::looks_like_unit_value(s) => {
            p.at(
                v.pos,
                format!("`{field}` takes no unit, but `{}` has one", show(s)),
            );
            None
        }
        other => {
            p.at_help(
                v.pos,
                format!(
                    "`{field}` expects a whole number, found {}",
                    other.type_name()
                ),
                help,
            );
            None
        }
    }
}

/// Checks a key under `configs:`; false when it cannot be used.
fn check_config_key(k: &Key, p: &mut Problems) -> bool {
    let key = k.name.as_str();
    if let Some((field, kafka)) = FIRST_CLASS.iter().find(|(f, _)| *f == key) {
        p.at_help(
            k.pos,
            format!("`{key}` is not a Kafka config key"),
            format!("write `{field}:` beside `configs:`, or use the Kafka key `{kafka}` here"),
        );
        return false;
    }
    if [
        "partitions",
        "replication_factor",
        "replication.factor",
        "num.partitions",
    ]
    .contains(&key)
    {
        let field = if key.contains("part") {
            "partitions"
        } else {
            "replication_factor"
        };
        p.at_help(
            k.pos,
            format!("`{key}` is not a topic config"),
            format!("write `{field}:` beside `configs:`"),
        );
        return false;
    }
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
    {
        p.at(k.pos, format!("`{}` is not a valid config key", show(key)));
        return false;
    }
    if !KNOWN_KEYS.contains(&key)
        && let Some(s) = KNOWN_KEYS
            .iter()
            .filter(|c| strsim::damerau_levenshtein(key, c) <= 2)
            .min_by_key(|c| strsim::damerau_levenshtein(key, c))
    {
        p.at_help(
            k.pos,
            format!("unknown topic config `{key}`"),
            format!("did you mean `{s}`?"),
        );
        return false;
    }
    true
}

/// Why a topic name is not valid in Kafka, and the byte offset of the bad character if one is.
fn topic_name_problem(name: &str) -> Option<(String, Option<usize>)> {
    if name.is_empty() {
        return Some(("the topic name is empty".into(), None));
    }
    if name == "." || name == ".." {
        return Some((format!("`{name}` is not a valid topic name"), None));
    }
    if name.len() > 249 {
        return Some((
            format!(
                "the topic name is {} characters long; Kafka allows at most 249",
                name.len()
            ),
            None,
        ));
    }
    let (i, c) = name
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || "._-".contains(*c)))?;
    Some((
        format!(
            "invalid character `{}` in topic name `{}`: Kafka allows only letters, digits, `.`, `_` and `-`",
            show(&c.to_string()),
            show(name)
        ),
        Some(i),
    ))
}

/// Checks a topic name written at `node`, underlining the bad character when it can.
fn check_topic_name(name: &str, node: &Node, p: &mut Problems) -> bool {
    match topic_name_problem(name) {
        None => true,
        Some((message, at)) => {
            let pos = match at {
                Some(i) if p.source(node.pos) == Some(name) => {
                    let len = name[i..].chars().next().map_or(1, char::len_utf8);
                    node.pos.sub(i, len)
                }
                _ => node.pos,
            };
            p.at(pos, message);
            false
        }
    }
}

fn managed(m: &[(Key, Node)], p: &mut Problems) -> Managed {
    check_fields(m, MANAGED_FIELDS, "`managed`", p);
    let mut out = Managed::default();
    for (k, v) in m {
        let Some(items) = (match k.name.as_str() {
            "prefixes" | "topics" | "principals" => list_of(v, &k.name, p),
            _ => None,
        }) else {
            continue;
        };
        for item in items {
            let Some(s) = string_item(item, &k.name, p) else {
                continue;
            };
            if k.name == "principals" {
                match crate::acl::check_principal(s) {
                    Ok(()) => out.principals.push(s.to_string()),
                    Err(e) => p.at(item.pos, e),
                }
            } else if k.name == "prefixes" {
                if s.is_empty() {
                    p.at(
                        item.pos,
                        "an empty prefix would make the spec own every topic",
                    );
                } else if let Some(c) = s
                    .chars()
                    .find(|c| !(c.is_ascii_alphanumeric() || "._-".contains(*c)))
                {
                    p.at(
                        item.pos,
                        format!("invalid character `{}` in prefix `{}`: topic names use only letters, digits, `.`, `_` and `-`", show(&c.to_string()), show(s)),
                    );
                } else {
                    out.prefixes.push(s.to_string());
                }
            } else if check_topic_name(s, item, p) {
                out.topics.push(s.to_string());
            }
        }
    }
    out
}

fn topics(
    list: &[Node],
    defaults: &Level,
    profiles: &[(String, Level)],
    p: &mut Problems,
) -> Vec<TopicSpec> {
    let profile_names: Vec<&str> = profiles.iter().map(|(n, _)| n.as_str()).collect();
    let mut out: Vec<(TopicSpec, Pos)> = Vec::new();
    for item in list {
        let Some(map) = item.as_map() else {
            p.at(
                item.pos,
                format!(
                    "each topic is a mapping with `name:`, found {}",
                    item.kind.type_name()
                ),
            );
            continue;
        };
        let name_node = item.get("name");
        let name = match name_node.map(|n| &n.kind) {
            None | Some(Kind::Null) => {
                p.at(item.pos, "this topic has no `name`");
                None
            }
            Some(Kind::Str(s)) => Some(s.as_str()),
            Some(other) => {
                p.at_help(
                    name_node.map_or(item.pos, |n| n.pos),
                    format!("`name` must be a string, found {}", other.type_name()),
                    "quote names that YAML would read otherwise: name: \"2024\"",
                );
                None
            }
        };
        let ctx = match name {
            Some(n) => format!("topic `{}`", show(n)),
            None => "a topic".to_string(),
        };
        let own = level(map, Layer::Topic, &ctx, TOPIC_FIELDS, p);
        let name_ok = match (name, name_node) {
            (Some(n), Some(node)) => check_topic_name(n, node, p),
            _ => false,
        };
        let profile = match item.get("profile") {
            None => None,
            Some(node) => match &node.kind {
                Kind::Null => None,
                Kind::Str(s) => match profiles.iter().find(|(n, _)| n == s) {
                    Some((n, lvl)) => Some((n.clone(), lvl)),
                    None => {
                        let help = match suggest(s, &profile_names) {
                            Some(close) => format!("did you mean `{close}`?"),
                            None if profile_names.is_empty() => {
                                "no profiles are defined (add them under `profiles:`)".to_string()
                            }
                            None => format!("defined profiles: {}", profile_names.join(", ")),
                        };
                        p.at_help(node.pos, format!("unknown profile `{}`", show(s)), help);
                        None
                    }
                },
                other => {
                    p.at(
                        node.pos,
                        format!(
                            "`profile` must be a profile name, found {}",
                            other.type_name()
                        ),
                    );
                    None
                }
            },
        };
        let (Some(name), Some(name_node), true) = (name, name_node, name_ok) else {
            continue;
        };
        let mut layers: Vec<&Level> = vec![defaults];
        if let Some((_, lvl)) = &profile {
            layers.push(lvl);
        }
        layers.push(&own);
        let topic = resolve(name, name_node.pos, profile.map(|(n, _)| n), &layers, p);
        out.push((topic, name_node.pos));
    }
    // Kafka refuses a topic whose name differs from another's only in `.` versus `_`
    let mut seen: HashMap<String, (&str, Pos)> = HashMap::new();
    for (t, pos) in &out {
        let key = t.name.replace('.', "_");
        match seen.get(&key) {
            Some((other, opos)) if *other != t.name => {
                let line = p.line_ref(*opos, pos.file);
                p.at_help(
                    *pos,
                    format!("topic `{}` collides with `{other}` ({line})", t.name),
                    "Kafka refuses topics whose names differ only in `.` and `_` (their metric names would clash)",
                );
            }
            Some(_) => {}
            None => {
                seen.insert(key, (&t.name, *pos));
            }
        }
    }
    out.into_iter().map(|(t, _)| t).collect()
}

/// Where a value was set, for a message at a place in file `from`: "defaults, line 12",
/// "profile audit, line 20 of base.yaml", "line 40".
fn described(layer: &Layer, pos: Pos, from: usize, p: &Problems) -> String {
    let line = p.line_ref(pos, from);
    match layer {
        Layer::Topic => line,
        other => format!("{other}, {line}"),
    }
}

/// Resolves a topic over its levels (later ones win) and checks min.insync.replicas against the
/// replication factor.
fn resolve(
    name: &str,
    name_pos: Pos,
    profile: Option<String>,
    layers: &[&Level],
    p: &mut Problems,
) -> TopicSpec {
    let mut partitions = None;
    let mut rf = None;
    let mut configs: BTreeMap<String, (ConfigValue, &Layer, Pos)> = BTreeMap::new();
    for lvl in layers {
        if let Some((n, pos)) = lvl.partitions {
            partitions = Some((n, &lvl.layer, pos));
        }
        if let Some((n, pos)) = lvl.replication_factor {
            rf = Some((n, &lvl.layer, pos));
        }
        for (k, (v, pos)) in &lvl.configs {
            configs.insert(k.clone(), (v.clone(), &lvl.layer, *pos));
        }
    }
    if let (Some((ConfigValue::Set(m), m_layer, m_pos)), Some((r, r_layer, r_pos))) =
        (configs.get("min.insync.replicas"), rf)
        && r > 0
        && m.parse::<i64>().is_ok_and(|m| m > r as i64)
    {
        let at = if **m_layer == Layer::Topic {
            *m_pos
        } else if *r_layer == Layer::Topic {
            r_pos
        } else {
            name_pos
        };
        p.at_help(
            at,
            format!(
                "topic `{name}`: min.insync.replicas {m} ({}) is more than its replication factor {r} ({})",
                described(m_layer, *m_pos, at.file, p),
                described(r_layer, r_pos, at.file, p)
            ),
            "producers with acks=all would always be refused: lower min_insync_replicas or raise replication_factor",
        );
    }
    let mut sources = BTreeMap::new();
    let mut prov = |key: &str, layer: &Layer, pos: Pos| {
        sources.insert(
            key.to_string(),
            Provenance {
                layer: layer.clone(),
                origin: p.origin(pos),
            },
        );
    };
    if let Some((_, layer, pos)) = partitions {
        prov("partitions", layer, pos);
    }
    if let Some((_, layer, pos)) = rf {
        prov("replication_factor", layer, pos);
    }
    for (k, (_, layer, pos)) in &configs {
        prov(k, layer, *pos);
    }
    TopicSpec {
        name: name.to_string(),
        partitions: partitions.map(|(n, _, _)| n),
        replication_factor: rf.map(|(n, _, _)| n),
        configs: configs.into_iter().map(|(k, (v, _, _))| (k, v)).collect(),
        profile,
        origin: p.origin(name_pos),
        sources,
    }
}

/// A required string field of an entry; None (after recording why) when missing or not a string.
pub(super) fn required_str<'a>(
    entry: &'a Node,
    field: &str,
    ctx: &str,
    p: &mut Problems,
) -> Option<(&'a str, &'a Node)> {
    match entry.get(field) {
        None => {
            p.at(entry.pos, format!("{ctx} has no `{field}`"));
            None
        }
        Some(node) => match &node.kind {
            Kind::Str(s) if !s.trim().is_empty() => Some((s, node)),
            Kind::Str(_) | Kind::Null => {
                p.at(node.pos, format!("`{field}` of {ctx} is empty"));
                None
            }
            other => {
                p.at(
                    node.pos,
                    format!("`{field}` must be a string, found {}", other.type_name()),
                );
                None
            }
        },
    }
}

pub(super) fn optional_str<'a>(
    entry: &'a Node,
    field: &str,
    p: &mut Problems,
) -> Option<(&'a str, &'a Node)> {
    let node = entry.get(field)?;
    match &node.kind {
        Kind::Null => None,
        Kind::Str(s) => Some((s, node)),
        other => {
            p.at(
                node.pos,
                format!("`{field}` must be a string, found {}", other.type_name()),
            );
            None
        }
    }
}

/// What a list entry of a section (a consumer, a schema, a dialect) is called and may hold.
struct Entry<'a> {
    /// `consumer`: "each consumer is a mapping with ...", "a consumer".
    noun: &'a str,
    /// The fields the mapping message names.
    shape: &'a str,
    /// The field that names the entry.
    key: &'a str,
    /// How a named entry is called: `consumer group `billing``.
    named: &'a str,
    fields: &'a [&'a str],
}

/// Checks that a list entry is a mapping with known fields, and returns the context its problems
/// are reported with (its name when it has one).
fn open_entry(entry: &Node, e: Entry<'_>, p: &mut Problems) -> Option<String> {
    let Some(map) = entry.as_map() else {
        p.at(
            entry.pos,
            format!(
                "each {} is a mapping with {}, found {}",
                e.noun,
                e.shape,
                entry.kind.type_name()
            ),
        );
        return None;
    };
    let ctx = match entry.get(e.key).and_then(Node::as_str).map(show) {
        Some(name) => format!("{} `{name}`", e.named),
        None => format!("a {}", e.noun),
    };
    check_fields(map, e.fields, &ctx, p);
    Some(ctx)
}

fn consumer(entry: &Node, p: &mut Problems) -> Option<ConsumerSpec> {
    let ctx = open_entry(
        entry,
        Entry {
            noun: "consumer",
            shape: "`group:` and `topics:`",
            key: "group",
            named: "consumer group",
            fields: CONSUMER_FIELDS,
        },
        p,
    )?;
    let group = required_str(entry, "group", &ctx, p);
    let mut ok = group.is_some();
    let mut topics = Vec::new();
    match entry.get("topics") {
        None => {
            p.at(entry.pos, format!("{ctx} has no `topics`"));
            ok = false;
        }
        Some(node) => match &node.kind {
            Kind::Seq(items) if !items.is_empty() => {
                for item in items {
                    match string_item(item, "topics", p) {
                        Some(t) if check_topic_name(t, item, p) => topics.push(t.to_string()),
                        _ => ok = false,
                    }
                }
            }
            Kind::Seq(_) | Kind::Null => {
                p.at(node.pos, format!("`topics` of {ctx} is empty"));
                ok = false;
            }
            _ => {
                list_of(node, "topics", p);
                ok = false;
            }
        },
    }
    let max_lag = match entry.get("max_lag").map(|n| (n, &n.kind)) {
        None | Some((_, Kind::Null)) => None,
        Some((_, Kind::Int(n))) if *n >= 0 => Some(*n as u64),
        Some((n, Kind::Int(v))) => {
            p.at(n.pos, format!("`max_lag` must not be negative, not {v}"));
            ok = false;
            None
        }
        Some((n, other)) => {
            p.at_help(
                n.pos,
                format!(
                    "`max_lag` expects a whole number of records, found {}",
                    other.type_name()
                ),
                "for a time limit use `max_time_lag: 5m`",
            );
            ok = false;
            None
        }
    };
    let max_time_lag = match entry.get("max_time_lag") {
        None => None,
        Some(n) => match &n.kind {
            Kind::Null => None,
            Kind::Str(s) => match crate::units::parse_duration(s) {
                Ok(d) => Some(d),
                Err(e) => {
                    p.at(n.pos, format!("`max_time_lag`: {e}"));
                    ok = false;
                    None
                }
            },
            other => {
                p.at_help(
                    n.pos,
                    format!(
                        "`max_time_lag` expects a duration like 5m, found {}",
                        other.type_name()
                    ),
                    "durations take a unit: 500ms, 90s, 5m, 12h, 7d or 2w",
                );
                ok = false;
                None
            }
        },
    };
    let (group, group_node) = group?;
    ok.then(|| ConsumerSpec {
        group: group.to_string(),
        topics,
        max_lag,
        max_time_lag,
        origin: p.origin(group_node.pos),
    })
}

/// A schema or reference file: relative to the directory of the spec file that names it; it must
/// exist.
fn existing_file(s: &str, node: &Node, p: &mut Problems) -> Option<std::path::PathBuf> {
    let path = p.dir_of(node.pos.file).join(s);
    if path.is_file() {
        Some(path)
    } else {
        p.at_help(
            node.pos,
            format!("schema file `{}` not found", show(s)),
            format!(
                "looked for {} (paths are relative to the spec file)",
                path.display()
            ),
        );
        None
    }
}

fn schema(entry: &Node, p: &mut Problems) -> Option<SchemaSpec> {
    let ctx = open_entry(
        entry,
        Entry {
            noun: "schema",
            shape: "`subject:`, `file:` and `compatibility:`",
            key: "subject",
            named: "schema",
            fields: SCHEMA_FIELDS,
        },
        p,
    )?;
    let subject = required_str(entry, "subject", &ctx, p);
    let file = required_str(entry, "file", &ctx, p)
        .and_then(|(s, n)| existing_file(s, n, p).map(|f| (f, n)));
    let compatibility = required_str(entry, "compatibility", &ctx, p).and_then(|(s, n)| match Mode::parse(s) {
        Some(m) => Some(m),
        None => {
            p.at_help(
                n.pos,
                format!("unknown compatibility `{}`", show(s)),
                "use one of: BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE, NONE",
            );
            None
        }
    });
    let mut ok = true;
    let type_given = entry.get("type").is_some_and(|n| !n.is_null());
    let explicit = match optional_str(entry, "type", p) {
        None => None,
        Some((s, n)) => match s.to_ascii_lowercase().as_str() {
            "avro" => Some(Format::Avro),
            "json" => Some(Format::Json),
            "protobuf" => Some(Format::Protobuf),
            _ => {
                p.at_help(
                    n.pos,
                    format!("unknown schema type `{}`", show(s)),
                    "use avro, json or protobuf",
                );
                ok = false;
                None
            }
        },
    };
    let format = match (&file, explicit) {
        (_, Some(f)) => Some(f),
        (Some((path, node)), None) if !type_given => match Format::from_path(path) {
            Some(f) => Some(f),
            None => {
                p.at_help(
                    node.pos,
                    format!(
                        "cannot tell the schema type of `{}` from its extension",
                        path.display()
                    ),
                    "add `type: avro`, `type: json` or `type: protobuf`",
                );
                None
            }
        },
        _ => None,
    };
    let policy = match optional_str(entry, "policy", p) {
        None => None,
        Some((s, n)) => match s.to_ascii_lowercase().as_str() {
            "strict" => Some(Policy::Strict),
            "lenient" => Some(Policy::Lenient),
            _ => {
                p.at_help(
                    n.pos,
                    format!("unknown policy `{}`", show(s)),
                    "use strict or lenient",
                );
                ok = false;
                None
            }
        },
    };
    let mut references = Vec::new();
    if let Some(list) = entry
        .get("references")
        .and_then(|n| list_of(n, "references", p))
    {
        for r in list {
            let Some(rmap) = r.as_map() else {
                p.at(
                    r.pos,
                    format!(
                        "each reference is a mapping with `name:` and `file:`, found {}",
                        r.kind.type_name()
                    ),
                );
                ok = false;
                continue;
            };
            let rctx = format!("a reference of {ctx}");
            check_fields(rmap, REFERENCE_FIELDS, &rctx, p);
            let name = required_str(r, "name", &rctx, p);
            let rfile = required_str(r, "file", &rctx, p).and_then(|(s, n)| existing_file(s, n, p));
            match (name, rfile) {
                (Some((name, _)), Some(file)) => references.push(SchemaReference {
                    name: name.to_string(),
                    file,
                }),
                _ => ok = false,
            }
        }
    }
    let (subject, subject_node) = subject?;
    match (file, format, compatibility, ok) {
        (Some((file, _)), Some(format), Some(compatibility), true) => Some(SchemaSpec {
            subject: subject.to_string(),
            file,
            format,
            compatibility,
            policy,
            references,
            origin: p.origin(subject_node.pos),
        }),
        _ => None,
    }
}

/// A custom dead-letter dialect: its name and the names of the headers that carry each piece of
/// context (at least one).
fn dialect(entry: &Node, p: &mut Problems) -> Option<CustomDialect> {
    let ctx = open_entry(
        entry,
        Entry {
            noun: "dialect",
            shape: "`name:` and header names",
            key: "name",
            named: "dialect",
            fields: DIALECT_FIELDS,
        },
        p,
    )?;
    let name = required_str(entry, "name", &ctx, p);
    let mut ok = true;
    if let Some((n, node)) = name
        && is_builtin_dialect(n)
    {
        p.at_help(
            node.pos,
            format!("`{}` is the name of a built-in dialect", show(n)),
            format!(
                "choose another name (built-in: {})",
                BUILTIN_DIALECTS.join(", ")
            ),
        );
        ok = false;
    }
    let header_fields = &DIALECT_FIELDS[1..];
    let mut given: Vec<(&str, &str)> = Vec::new(); // (field, header)
    let mut headers: [Option<String>; 7] = Default::default();
    for (slot, field) in headers.iter_mut().zip(header_fields) {
        if entry
            .get(field)
            .is_some_and(|n| !n.is_null() && n.as_str().is_none())
        {
            ok = false; // the wrong type is reported by optional_str
        }
        let Some((header, node)) = optional_str(entry, field, p) else {
            continue;
        };
        if header.trim().is_empty() {
            p.at(node.pos, format!("`{field}` of {ctx} is empty"));
            ok = false;
        } else if header == REPLAY_COUNT_HEADER {
            p.at_help(
                node.pos,
                format!("`{header}` is evctl's replay counter, not a header of {ctx}"),
                "name the header your application writes",
            );
            ok = false;
        } else if let Some((other, _)) = given.iter().find(|(_, h)| *h == header) {
            p.at(
                node.pos,
                format!(
                    "header `{}` is given for both `{other}` and `{field}` in {ctx}",
                    show(header)
                ),
            );
            ok = false;
        } else {
            given.push((field, header));
            *slot = Some(header.to_string());
        }
    }
    let any_given = header_fields
        .iter()
        .any(|f| entry.get(f).is_some_and(|n| !n.is_null()));
    if !any_given {
        p.at_help(
            entry.pos,
            format!("{ctx} names no headers"),
            format!("give at least one of: {}", header_fields.join(", ")),
        );
        ok = false;
    }
    let (name, _) = name?;
    let [
        original_topic,
        original_partition,
        original_offset,
        original_timestamp,
        error_class,
        error_message,
        attempts,
    ] = headers;
    ok.then(|| CustomDialect {
        name: name.to_string(),
        original_topic,
        original_partition,
        original_offset,
        original_timestamp,
        error_class,
        error_message,
        attempts,
    })
}
