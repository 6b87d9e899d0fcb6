//! Topic config values: which keys take durations or sizes, human units to Kafka strings, YAML
//! scalars and lists to Kafka strings, and checks of the values of well-known keys.

use super::ConfigValue;
use super::yaml::{Kind, Node, Pos, show};
use crate::units;

/// Topic config keys Kafka knows (Apache Kafka 3.x/4.x `TopicConfig`). Others are passed through
/// (vendors add their own), unless they look like a misspelling of one of these.
pub(crate) const KNOWN_KEYS: &[&str] = &[
    "cleanup.policy",
    "compression.gzip.level",
    "compression.lz4.level",
    "compression.type",
    "compression.zstd.level",
    "delete.retention.ms",
    "file.delete.delay.ms",
    "flush.messages",
    "flush.ms",
    "follower.replication.throttled.replicas",
    "index.interval.bytes",
    "leader.replication.throttled.replicas",
    "local.retention.bytes",
    "local.retention.ms",
    "max.compaction.lag.ms",
    "max.message.bytes",
    "message.downconversion.enable",
    "message.format.version",
    "message.timestamp.after.max.ms",
    "message.timestamp.before.max.ms",
    "message.timestamp.difference.max.ms",
    "message.timestamp.type",
    "min.cleanable.dirty.ratio",
    "min.compaction.lag.ms",
    "min.insync.replicas",
    "preallocate",
    "remote.log.copy.disable",
    "remote.log.delete.on.disable",
    "remote.storage.enable",
    "retention.bytes",
    "retention.ms",
    "segment.bytes",
    "segment.index.bytes",
    "segment.jitter.ms",
    "segment.ms",
    "unclean.leader.election.enable",
];

/// Size keys Kafka types as a 32-bit int (the other `*.bytes` keys are 64-bit longs).
const INT_SIZE_KEYS: &[&str] = &[
    "index.interval.bytes",
    "max.message.bytes",
    "segment.bytes",
    "segment.index.bytes",
];

const BOOLEAN_KEYS: &[&str] = &[
    "message.downconversion.enable",
    "preallocate",
    "remote.log.copy.disable",
    "remote.log.delete.on.disable",
    "remote.storage.enable",
    "unclean.leader.election.enable",
];

const COMPRESSION_TYPES: &[&str] = &["uncompressed", "zstd", "lz4", "snappy", "gzip", "producer"];

/// What unit a key's value takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Milliseconds; `unit_required`: a bare integer is refused (the first-class `retention`, where
    /// `7` is more likely a mistake than 7 ms).
    Duration { unit_required: bool },
    /// Bytes, at most `max`.
    Size { max: i64 },
    /// No unit.
    Plain,
}

/// The unit of a Kafka key: `*.ms` durations, `*.bytes` sizes.
pub(crate) fn unit_of(key: &str) -> Unit {
    if key.ends_with(".ms") {
        Unit::Duration {
            unit_required: false,
        }
    } else if key.ends_with(".bytes") {
        Unit::Size {
            max: if INT_SIZE_KEYS.contains(&key) {
                i32::MAX as i64
            } else {
                i64::MAX
            },
        }
    } else {
        Unit::Plain
    }
}

/// A value that cannot be used, and where.
#[derive(Debug)]
pub(crate) struct Bad {
    pub pos: Pos,
    pub message: String,
    pub help: Option<String>,
}

fn bad(pos: Pos, message: impl Into<String>) -> Bad {
    Bad {
        pos,
        message: message.into(),
        help: None,
    }
}

fn bad_help(pos: Pos, message: impl Into<String>, help: impl Into<String>) -> Bad {
    Bad {
        pos,
        message: message.into(),
        help: Some(help.into()),
    }
}

/// True for `-1`, written as an integer or a string.
pub(crate) fn is_minus_one(node: &Node) -> bool {
    match &node.kind {
        Kind::Int(-1) => true,
        Kind::Str(s) => s.trim() == "-1",
        _ => false,
    }
}

const DURATION_HELP: &str = "durations take a unit: 500ms, 90s, 5m, 12h, 7d or 2w; `infinite` means no limit (Kafka's -1); -1 means the cluster default";
const SIZE_HELP: &str = "sizes are bytes, or take a unit: 64KiB, 512MiB, 1GiB (powers of 1024) or 100MB (powers of 1000); `infinite` means no limit (Kafka's -1); -1 means the cluster default";

/// Normalises the value of Kafka config `key` (written as `field`: the first-class name or the key
/// itself) to Kafka's string. None for null (not given). `-1` is the cluster default for every key.
pub(crate) fn normalize(key: &str, field: &str, node: &Node) -> Result<Option<ConfigValue>, Bad> {
    if node.is_null() {
        return Ok(None);
    }
    if is_minus_one(node) {
        return Ok(Some(ConfigValue::ClusterDefault));
    }
    let unit = if field == "retention" {
        Unit::Duration {
            unit_required: true,
        }
    } else {
        unit_of(key)
    };
    let value = match unit {
        Unit::Duration { unit_required } => duration(field, node, unit_required)?,
        Unit::Size { max } => size(key, field, node, max)?,
        Unit::Plain => plain(field, node)?,
    };
    let value = check_known(key, field, node, value)?;
    Ok(Some(ConfigValue::Set(value)))
}

fn is_unlimited(s: &str) -> bool {
    let s = s.trim();
    s.eq_ignore_ascii_case("infinite") || s.eq_ignore_ascii_case("unlimited")
}

fn int_text(s: &str) -> bool {
    let d = s.strip_prefix('-').unwrap_or(s);
    !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())
}

fn duration(field: &str, node: &Node, unit_required: bool) -> Result<String, Bad> {
    let pos = node.pos;
    let int = |n: i64| -> Result<String, Bad> {
        if unit_required {
            Err(bad_help(
                pos,
                format!("`{field}` needs a unit: {n} what? (e.g. {n}d or {n}h)"),
                DURATION_HELP,
            ))
        } else {
            Ok(n.to_string())
        }
    };
    match &node.kind {
        Kind::Int(n) => int(*n),
        Kind::BigInt(t) => Err(bad(pos, format!("`{field}`: {t} is too large"))),
        Kind::Str(s) if is_unlimited(s) => Ok("-1".into()),
        Kind::Str(s) if int_text(s.trim()) => match s.trim().parse::<i64>() {
            Ok(n) => int(n),
            Err(_) => Err(bad(pos, format!("`{field}`: {} is too large", show(s)))),
        },
        Kind::Str(s) => {
            let d = units::parse_duration(s)
                .map_err(|e| bad_help(pos, format!("`{field}`: {e}"), DURATION_HELP))?;
            let ms = d.as_millis();
            if ms > i64::MAX as u128 {
                return Err(bad(pos, format!("`{field}`: {} is too large", show(s))));
            }
            Ok(ms.to_string())
        }
        other => Err(bad_help(
            pos,
            format!(
                "`{field}` expects a duration like 7d, found {}",
                other.type_name()
            ),
            DURATION_HELP,
        )),
    }
}

fn size(key: &str, field: &str, node: &Node, max: i64) -> Result<String, Bad> {
    let pos = node.pos;
    let too_large = |what: &str| {
        if max == i32::MAX as i64 {
            bad_help(
                pos,
                format!("`{field}`: {what} is too large"),
                format!(
                    "{key} is a 32-bit integer in Kafka: at most 2147483647 bytes (just under 2GiB)"
                ),
            )
        } else {
            bad(pos, format!("`{field}`: {what} is too large"))
        }
    };
    let bytes = |n: i64, what: &str| -> Result<String, Bad> {
        if n > max {
            Err(too_large(what))
        } else {
            Ok(n.to_string())
        }
    };
    match &node.kind {
        Kind::Int(n) => bytes(*n, &n.to_string()),
        Kind::BigInt(t) => Err(too_large(t)),
        Kind::Str(s) if is_unlimited(s) => Ok("-1".into()),
        Kind::Str(s) if int_text(s.trim()) => match s.trim().parse::<i64>() {
            Ok(n) => bytes(n, s.trim()),
            Err(_) => Err(too_large(&show(s))),
        },
        Kind::Str(s) => {
            let n = units::parse_size(s)
                .map_err(|e| bad_help(pos, format!("`{field}`: {e}"), SIZE_HELP))?;
            match i64::try_from(n) {
                Ok(n) => bytes(n, &show(s.trim())),
                Err(_) => Err(too_large(&show(s.trim()))),
            }
        }
        Kind::Float(_) => Err(bad_help(
            pos,
            format!("`{field}` expects a whole number of bytes or a size like 512MiB"),
            "use a whole number in a smaller unit (e.g. 1536MiB, not 1.5GiB)",
        )),
        other => Err(bad_help(
            pos,
            format!(
                "`{field}` expects a size like 512MiB, found {}",
                other.type_name()
            ),
            SIZE_HELP,
        )),
    }
}

/// A scalar as Kafka's string: integers in decimal, booleans as true/false, numbers with a fraction
/// in their shortest form.
fn scalar(field: &str, node: &Node) -> Result<String, Bad> {
    match &node.kind {
        Kind::Bool(b) => Ok(b.to_string()),
        Kind::Int(n) => Ok(n.to_string()),
        Kind::BigInt(t) => Ok(t.clone()),
        Kind::Float(f) => Ok(f.to_string()),
        Kind::Str(s) => {
            if units::looks_like_unit_value(s) {
                return Err(bad_help(
                    node.pos,
                    format!("`{field}` takes no unit, but `{}` has one", show(s)),
                    "only durations (`retention` and keys ending in .ms) and sizes (`retention_bytes`, `max_message_bytes` and keys ending in .bytes) take units",
                ));
            }
            Ok(s.clone())
        }
        other => Err(bad(
            node.pos,
            format!("`{field}` expects a value, found {}", other.type_name()),
        )),
    }
}

fn plain(field: &str, node: &Node) -> Result<String, Bad> {
    match &node.kind {
        Kind::Seq(items) => {
            let mut parts = Vec::with_capacity(items.len());
            for item in items {
                if matches!(item.kind, Kind::Seq(_) | Kind::Map(_) | Kind::Null) {
                    return Err(bad(
                        item.pos,
                        format!(
                            "`{field}`: list items must be single values, found {}",
                            item.kind.type_name()
                        ),
                    ));
                }
                parts.push(scalar(field, item)?);
            }
            Ok(parts.join(","))
        }
        Kind::Map(_) => Err(bad(
            node.pos,
            format!("`{field}` expects a value or a list, found a mapping"),
        )),
        _ => scalar(field, node),
    }
}

/// Checks the values of keys whose domain is well known, so that mistakes show here rather than as
/// a broker error at apply time, and puts them in Kafka's spelling (`compact, delete` is
/// `compact,delete`; `TRUE` is `true`).
fn check_known(key: &str, field: &str, node: &Node, value: String) -> Result<String, Bad> {
    let pos = node.pos;
    match key {
        "compression.type" if !COMPRESSION_TYPES.contains(&value.as_str()) => Err(bad_help(
            pos,
            format!("`{field}`: unknown compression `{}`", show(&value)),
            format!("use one of: {}", COMPRESSION_TYPES.join(", ")),
        )),
        "cleanup.policy" => {
            let parts: Vec<&str> = value.split(',').map(str::trim).collect();
            for part in &parts {
                if !["compact", "delete"].contains(part) {
                    return Err(bad_help(
                        pos,
                        format!("`{field}`: unknown cleanup policy `{}`", show(part)),
                        "use delete, compact, or both: [compact, delete]",
                    ));
                }
            }
            Ok(parts.join(","))
        }
        "min.insync.replicas" => match value.trim().parse::<i32>() {
            Ok(n) if n >= 1 => Ok(n.to_string()),
            _ => Err(bad_help(
                pos,
                format!(
                    "`{field}` must be a whole number of at least 1, not `{}`",
                    show(&value)
                ),
                "-1 means the cluster default",
            )),
        },
        "message.timestamp.type" if !["CreateTime", "LogAppendTime"].contains(&value.as_str()) => {
            Err(bad_help(
                pos,
                format!("`{field}`: unknown timestamp type `{}`", show(&value)),
                "use CreateTime or LogAppendTime",
            ))
        }
        "min.cleanable.dirty.ratio" => match value.trim().parse::<f64>() {
            Ok(r) if (0.0..=1.0).contains(&r) => Ok(value),
            _ => Err(bad(
                pos,
                format!(
                    "`{field}` must be a number from 0 to 1, not `{}`",
                    show(&value)
                ),
            )),
        },
        k if BOOLEAN_KEYS.contains(&k) => {
            let lower = value.trim().to_ascii_lowercase();
            if lower == "true" || lower == "false" {
                Ok(lower)
            } else {
                Err(bad(
                    pos,
                    format!("`{field}` must be true or false, not `{}`", show(&value)),
                ))
            }
        }
        _ => Ok(value),
    }
}

/// The human form of a Kafka config value, when its key takes a unit: `604800000` for
/// `retention.ms` is `7d`, `1073741824` for `segment.bytes` is `1GiB`, `-1` is `infinite`. None
/// when the key takes no unit or the value is not a plain number.
pub fn humanize(key: &str, value: &str) -> Option<String> {
    let unit = unit_of(key);
    if unit == Unit::Plain {
        return None;
    }
    let n: i64 = value.trim().parse().ok()?;
    if n == -1 {
        return Some("infinite".into());
    }
    let n = u64::try_from(n).ok()?;
    Some(match unit {
        Unit::Duration { .. } => units::format_duration(std::time::Duration::from_millis(n)),
        _ => units::format_size(n),
    })
}
