//! The offset syntax of `--from` / `--to` (design.md §4, after rpk).
//!
//! | text                    | meaning |
//! |-------------------------|---------|
//! | `start`                 | the log start offset of each partition |
//! | `end`                   | the end offset (the next record to be written) |
//! | `N`                     | exactly offset N |
//! | `+N`                    | N records after the start |
//! | `-N`                    | N records before the end |
//! | `@2025-01-01T00:00:00Z` | the first record at or after that time (RFC 3339; a date alone is midnight UTC; digits are epoch ms) |
//! | `@-1h`                  | the first record at or after one hour ago (any [`crate::units::parse_duration`] unit) |
//! | `a:b`                   | a range: from `a` to `b`, either side optional (`:end`, `@-1h:`) |

use std::collections::BTreeSet;
use std::time::Duration;

use super::time::parse_rfc3339_or_date;
use crate::units::parse_duration;

/// One position in a partition, as written by the user. Resolving it to a concrete offset needs
/// the broker (start/end offsets, ListOffsets by timestamp) and is the caller's job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffsetSpec {
    /// `start`: the log start offset.
    Start,
    /// `end`: the end offset (high watermark or last stable offset).
    End,
    /// `N`: exactly this offset.
    Exact(i64),
    /// `+N`: this many records after the start.
    AfterStart(i64),
    /// `-N`: this many records before the end.
    BeforeEnd(i64),
    /// `@TIME`: the first record with a timestamp at or after this instant (epoch ms).
    Timestamp(i64),
    /// `@-DURATION`: the first record at or after this long before now.
    Ago(Duration),
}

impl OffsetSpec {
    /// For [`OffsetSpec::Ago`], the absolute timestamp relative to `now_ms`; other forms unchanged.
    pub fn at(self, now_ms: i64) -> OffsetSpec {
        match self {
            OffsetSpec::Ago(d) => OffsetSpec::Timestamp(
                now_ms.saturating_sub(i64::try_from(d.as_millis()).unwrap_or(i64::MAX)),
            ),
            other => other,
        }
    }

    /// The instant a time form stands for at `now_ms` (epoch ms); None for the offset forms.
    pub fn time(self, now_ms: i64) -> Option<i64> {
        match self.at(now_ms) {
            OffsetSpec::Timestamp(t) => Some(t),
            _ => None,
        }
    }

    /// The offset this stands for in a partition whose log runs from `low` to `high` (the end).
    /// A time form takes `by_time`, the first offset at or after that time, and is the end when
    /// there is none (no record that late).
    pub fn resolve(self, low: i64, high: i64, by_time: Option<i64>) -> i64 {
        match self {
            OffsetSpec::Start => low,
            OffsetSpec::End => high,
            OffsetSpec::Exact(n) => n,
            OffsetSpec::AfterStart(n) => low.saturating_add(n).min(high),
            OffsetSpec::BeforeEnd(n) => high.saturating_sub(n).max(low),
            OffsetSpec::Timestamp(_) | OffsetSpec::Ago(_) => by_time.unwrap_or(high),
        }
    }
}

impl std::fmt::Display for OffsetSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OffsetSpec::Start => f.write_str("start"),
            OffsetSpec::End => f.write_str("end"),
            OffsetSpec::Exact(n) => write!(f, "{n}"),
            OffsetSpec::AfterStart(n) => write!(f, "+{n}"),
            OffsetSpec::BeforeEnd(n) => write!(f, "-{n}"),
            OffsetSpec::Timestamp(ms) => write!(f, "@{}", super::time::format_rfc3339(*ms)),
            OffsetSpec::Ago(d) => write!(f, "@-{}", crate::units::format_duration(*d)),
        }
    }
}

impl std::str::FromStr for OffsetSpec {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_offset(s)
    }
}

/// A range `from:to`; either side may be absent (the caller picks the default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OffsetRange {
    /// Where to begin, when given.
    pub from: Option<OffsetSpec>,
    /// Where to stop, when given.
    pub to: Option<OffsetSpec>,
}

const FORMS: &str = "start, end, N, +N, -N, @2025-01-01T00:00:00Z or @-1h";

fn count(digits: &str, s: &str) -> Result<i64, String> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("invalid offset {s:?}: expected {FORMS}"));
    }
    digits
        .parse()
        .map_err(|_| format!("invalid offset {s:?}: number too large"))
}

/// Parses one offset: `start`, `end`, `N`, `+N`, `-N`, `@TIME` or `@-DURATION`.
pub fn parse_offset(s: &str) -> Result<OffsetSpec, String> {
    let t = s.trim();
    match t {
        "" => return Err(format!("empty offset: expected {FORMS}")),
        "start" => return Ok(OffsetSpec::Start),
        "end" => return Ok(OffsetSpec::End),
        _ => {}
    }
    if let Some(rest) = t.strip_prefix('+') {
        return count(rest, s).map(OffsetSpec::AfterStart);
    }
    if let Some(rest) = t.strip_prefix('-') {
        return count(rest, s).map(OffsetSpec::BeforeEnd);
    }
    if let Some(when) = t.strip_prefix('@') {
        if let Some(ago) = when.strip_prefix('-') {
            return parse_duration(ago)
                .map(OffsetSpec::Ago)
                .map_err(|e| format!("invalid relative time {s:?}: {e}"));
        }
        if when.is_empty() {
            return Err(format!(
                "invalid offset {s:?}: expected a time after '@', like @2025-01-01T00:00:00Z or @-1h"
            ));
        }
        if when.bytes().all(|b| b.is_ascii_digit()) {
            return when
                .parse()
                .map(OffsetSpec::Timestamp)
                .map_err(|_| format!("invalid offset {s:?}: epoch milliseconds too large"));
        }
        if when.starts_with('+') && parse_duration(&when[1..]).is_ok() {
            return Err(format!(
                "invalid offset {s:?}: a relative time must be in the past, like @-1h"
            ));
        }
        return parse_rfc3339_or_date(when).map(OffsetSpec::Timestamp);
    }
    if t.bytes().all(|b| b.is_ascii_digit()) {
        return count(t, s).map(OffsetSpec::Exact);
    }
    Err(format!("invalid offset {s:?}: expected {FORMS}"))
}

/// Parses a range `from:to` with either side optional (`start:end`, `+10:`, `:-5`,
/// `@2025-01-01T00:00:00Z:@2025-01-02T00:00:00Z`). Text without a range colon is a `from` alone.
/// Colons inside timestamps are told apart from the range colon by trying each split.
pub fn parse_range(s: &str) -> Result<OffsetRange, String> {
    let t = s.trim();
    let side = |part: &str| -> Result<Option<OffsetSpec>, String> {
        if part.trim().is_empty() {
            Ok(None)
        } else {
            parse_offset(part).map(Some)
        }
    };
    let colons: Vec<usize> = t.match_indices(':').map(|(i, _)| i).collect();
    if colons.is_empty() {
        return Ok(OffsetRange {
            from: Some(parse_offset(t)?),
            to: None,
        });
    }
    // The whole text may be one timestamp with colons in it.
    if t.starts_with('@')
        && let Ok(one) = parse_offset(t)
    {
        return Ok(OffsetRange {
            from: Some(one),
            to: None,
        });
    }
    let mut found: Option<OffsetRange> = None;
    let mut first_err: Option<String> = None;
    for &i in &colons {
        match (side(&t[..i]), side(&t[i + 1..])) {
            (Ok(from), Ok(to)) => {
                if found.is_some() {
                    return Err(format!(
                        "ambiguous range {s:?}: more than one ':' splits it"
                    ));
                }
                found = Some(OffsetRange { from, to });
            }
            (Err(e), _) | (_, Err(e)) => {
                first_err.get_or_insert(e);
            }
        }
    }
    match found {
        Some(r) => Ok(r),
        None if colons.len() == 1 => Err(format!(
            "invalid range {s:?}: {}",
            first_err.unwrap_or_default()
        )),
        None => Err(format!(
            "invalid range {s:?}: expected FROM:TO where each side is one of {FORMS}"
        )),
    }
}

/// The most partitions a list may name.
const MAX_PARTITIONS: usize = 1_000_000;

/// Parses a partition list: `0,2,5`, `0-3`, or both (`1-3, 7`).
pub fn parse_partition_list(s: &str) -> Result<BTreeSet<i32>, String> {
    let mut out = BTreeSet::new();
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let num = |t: &str| {
            t.trim()
                .parse::<i32>()
                .ok()
                .filter(|n| *n >= 0)
                .ok_or_else(|| {
                    format!("invalid partition {t:?} in {s:?}: expected a list like 0,2,5 or 0-3")
                })
        };
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (num(a)?, num(b)?);
                if a > b {
                    return Err(format!("invalid partition range {part:?}: {a} > {b}"));
                }
                // a topic has at most a few hundred thousand partitions: a wider range is a typo
                if out.len() + (b - a) as usize >= MAX_PARTITIONS {
                    return Err(format!(
                        "partition range {part:?} is too wide (more than {MAX_PARTITIONS} partitions)"
                    ));
                }
                out.extend(a..=b);
            }
            None => {
                out.insert(num(part)?);
            }
        }
    }
    if out.is_empty() {
        return Err(format!("no partitions in {s:?}"));
    }
    Ok(out)
}

/// A time flag: RFC 3339 (without a zone: UTC), a date, epoch ms, or a duration ago (`-1h`),
/// with the `@` of the offset syntax optional.
pub fn parse_time(flag: &str, s: &str) -> anyhow::Result<i64> {
    // the `@` forms of the offset syntax, with the `@` optional
    use crate::error::usage;
    let t = s.trim().trim_start_matches('@');
    let zone = if t.contains(['T', 't', ' ']) && !super::time::has_zone(t) {
        "Z"
    } else {
        ""
    };
    match parse_offset(&format!("@{t}{zone}")) {
        Ok(spec) => match spec.at(super::time::now_ms()) {
            OffsetSpec::Timestamp(ms) => Ok(ms),
            _ => Err(usage(format!("{flag}: {s:?} is not a time"))),
        },
        Err(e) => Err(usage(format!("{flag}: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const JAN1: i64 = 1_735_689_600_000;

    fn ok(s: &str) -> OffsetSpec {
        parse_offset(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn range(s: &str) -> (Option<OffsetSpec>, Option<OffsetSpec>) {
        let r = parse_range(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        (r.from, r.to)
    }

    #[test]
    fn parses_every_form() {
        assert_eq!(ok("start"), OffsetSpec::Start);
        assert_eq!(ok("end"), OffsetSpec::End);
        assert_eq!(ok(" end "), OffsetSpec::End);
        assert_eq!(ok("0"), OffsetSpec::Exact(0));
        assert_eq!(ok("12345"), OffsetSpec::Exact(12345));
        assert_eq!(ok("+10"), OffsetSpec::AfterStart(10));
        assert_eq!(ok("-10"), OffsetSpec::BeforeEnd(10));
        assert_eq!(ok("-0"), OffsetSpec::BeforeEnd(0));
        assert_eq!(ok("@2025-01-01T00:00:00Z"), OffsetSpec::Timestamp(JAN1));
        assert_eq!(
            ok("@2025-01-01T01:00:00.250+01:00"),
            OffsetSpec::Timestamp(JAN1 + 250)
        );
        assert_eq!(ok("@2025-01-01"), OffsetSpec::Timestamp(JAN1));
        assert_eq!(ok("@1735689600000"), OffsetSpec::Timestamp(JAN1));
        assert_eq!(ok("@-1h"), OffsetSpec::Ago(Duration::from_secs(3600)));
        assert_eq!(ok("@-500ms"), OffsetSpec::Ago(Duration::from_millis(500)));
        assert_eq!(ok("@-7d"), OffsetSpec::Ago(Duration::from_secs(7 * 86_400)));
        assert_eq!("+3".parse::<OffsetSpec>(), Ok(OffsetSpec::AfterStart(3)));
    }

    #[test]
    fn relative_time_resolves_against_now() {
        assert_eq!(ok("@-1h").at(JAN1), OffsetSpec::Timestamp(JAN1 - 3_600_000));
        assert_eq!(ok("end").at(JAN1), OffsetSpec::End);
    }

    #[test]
    fn display_round_trips() {
        for s in [
            "start",
            "end",
            "42",
            "+3",
            "-7",
            "@2025-01-01T00:00:00.000Z",
            "@-1h",
            "@-90s",
        ] {
            assert_eq!(ok(s).to_string(), s);
            assert_eq!(ok(&ok(s).to_string()), ok(s));
        }
    }

    #[test]
    fn parses_ranges() {
        use OffsetSpec::*;
        assert_eq!(range("start:end"), (Some(Start), Some(End)));
        assert_eq!(range("10:20"), (Some(Exact(10)), Some(Exact(20))));
        assert_eq!(range("+10:"), (Some(AfterStart(10)), None));
        assert_eq!(range(":-5"), (None, Some(BeforeEnd(5))));
        assert_eq!(range(":"), (None, None));
        assert_eq!(range("-5"), (Some(BeforeEnd(5)), None));
        assert_eq!(
            range("@2025-01-01T00:00:00Z"),
            (Some(Timestamp(JAN1)), None)
        );
        assert_eq!(
            range("@2025-01-01T00:00:00Z:@2025-01-02T00:00:00Z"),
            (Some(Timestamp(JAN1)), Some(Timestamp(JAN1 + 86_400_000)))
        );
        assert_eq!(
            range("@2025-01-01T00:00:00+01:00:end"),
            (Some(Timestamp(JAN1 - 3_600_000)), Some(End))
        );
        assert_eq!(
            range("@-1h:@2025-01-01T00:00:00Z"),
            (Some(Ago(Duration::from_secs(3600))), Some(Timestamp(JAN1)))
        );
        assert_eq!(
            range("@2025-01-01:@2025-01-02"),
            (Some(Timestamp(JAN1)), Some(Timestamp(JAN1 + 86_400_000)))
        );
        assert_eq!(range("@-1h:"), (Some(Ago(Duration::from_secs(3600))), None));
        assert_eq!(range("start:+100"), (Some(Start), Some(AfterStart(100))));
    }

    #[test]
    fn rejects_bad_offsets_clearly() {
        let err = |s: &str| parse_offset(s).unwrap_err();
        assert_eq!(
            err("soon"),
            "invalid offset \"soon\": expected start, end, N, +N, -N, @2025-01-01T00:00:00Z or @-1h"
        );
        assert!(err("").starts_with("empty offset"));
        assert!(err("+").contains("expected start"));
        assert!(err("+-3").contains("expected start"));
        assert!(err("1.5").contains("expected start"));
        assert!(err("99999999999999999999").contains("number too large"));
        assert!(err("@").contains("expected a time after '@'"));
        assert!(err("@-1x").contains("invalid relative time \"@-1x\""));
        assert!(err("@-1x").contains("unknown unit"));
        assert!(err("@-h").contains("invalid relative time"));
        assert!(err("@+1h").contains("must be in the past"));
        assert!(err("@2025-13-01T00:00:00Z").contains("month 13"));
        assert!(err("@2025-01-01T00:00:00").contains("time zone"));
        assert!(err("@99999999999999999999").contains("too large"));
        assert!(err("START").contains("expected start"));
    }

    #[test]
    fn rejects_bad_ranges_clearly() {
        let err = |s: &str| parse_range(s).unwrap_err();
        assert!(
            err("start:soon").starts_with("invalid range \"start:soon\": invalid offset \"soon\"")
        );
        assert!(err("a:b:c").contains("expected FROM:TO"));
        assert!(err("1:2:3").contains("expected FROM:TO"));
        assert!(err("@2025-01-01T00:00:00Z:nope").contains("expected FROM:TO"));
        assert!(err("x").starts_with("invalid offset \"x\""));
    }

    #[test]
    fn specs_resolve_per_partition() {
        let (lo, hi) = (10, 100);
        assert_eq!(OffsetSpec::Start.resolve(lo, hi, None), 10);
        assert_eq!(OffsetSpec::End.resolve(lo, hi, None), 100);
        assert_eq!(OffsetSpec::Exact(42).resolve(lo, hi, None), 42);
        assert_eq!(OffsetSpec::AfterStart(5).resolve(lo, hi, None), 15);
        assert_eq!(OffsetSpec::AfterStart(500).resolve(lo, hi, None), 100);
        assert_eq!(OffsetSpec::BeforeEnd(5).resolve(lo, hi, None), 95);
        assert_eq!(OffsetSpec::BeforeEnd(500).resolve(lo, hi, None), 10);
        assert_eq!(OffsetSpec::Timestamp(1).resolve(lo, hi, Some(50)), 50);
        assert_eq!(OffsetSpec::Timestamp(1).resolve(lo, hi, None), 100);
        assert_eq!(
            OffsetSpec::Ago(Duration::from_secs(1)).time(5_000),
            Some(4_000)
        );
        assert_eq!(OffsetSpec::Start.time(5_000), None);
    }

    #[test]
    fn partition_lists() {
        assert_eq!(
            parse_partition_list("0,2,5")
                .unwrap()
                .into_iter()
                .collect::<Vec<_>>(),
            [0, 2, 5]
        );
        assert_eq!(
            parse_partition_list("1-3, 7")
                .unwrap()
                .into_iter()
                .collect::<Vec<_>>(),
            [1, 2, 3, 7]
        );
        assert!(parse_partition_list("3-1").is_err());
        assert!(parse_partition_list("x").is_err());
        assert!(parse_partition_list("").is_err());
        assert!(
            parse_partition_list("0-2147483647")
                .unwrap_err()
                .contains("too wide")
        );
    }
}
