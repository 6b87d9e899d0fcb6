//! Human units: durations (`500ms`, `90s`, `12h`, `7d`) and sizes (`1GiB`, `100MB`, `64KiB`).

use std::time::Duration;

/// Parses a duration: an integer with a unit `ms`, `s`, `m`, `h`, `d` or `w`.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    if num.is_empty() {
        return Err(format!(
            "invalid duration {s:?}: expected a number and a unit, like 10s, 500ms, 5m, 12h or 7d"
        ));
    }
    let n: u64 = num
        .parse()
        .map_err(|_| format!("invalid duration {s:?}: number too large"))?;
    let ms_per: u64 = match unit.trim() {
        "ms" => 1,
        "s" => 1_000,
        "m" => 60_000,
        "h" => 3_600_000,
        "d" => 86_400_000,
        "w" => 604_800_000,
        "" => {
            return Err(format!(
                "invalid duration {s:?}: add a unit (ms, s, m, h, d or w)"
            ));
        }
        u if u.starts_with('.') => {
            return Err(format!(
                "invalid duration {s:?}: use a whole number in a smaller unit (e.g. 36h, not 1.5d)"
            ));
        }
        other => {
            return Err(format!(
                "invalid duration {s:?}: unknown unit {other:?} (use ms, s, m, h, d or w)"
            ));
        }
    };
    n.checked_mul(ms_per)
        .map(Duration::from_millis)
        .ok_or_else(|| format!("invalid duration {s:?}: too large"))
}

/// Formats a duration in the largest unit that divides it exactly (`7d`, `90s`, `1500ms`).
pub fn format_duration(d: Duration) -> String {
    let ms = d.as_millis() as u64;
    for (unit, per) in [
        ("d", 86_400_000u64),
        ("h", 3_600_000),
        ("m", 60_000),
        ("s", 1_000),
    ] {
        if ms >= per && ms.is_multiple_of(per) {
            return format!("{}{unit}", ms / per);
        }
    }
    format!("{ms}ms")
}

/// Parses a rate in records per second: `500`, `2.5` or `500/s`.
pub fn parse_rate(s: &str) -> Result<f64, String> {
    let t = s.trim().trim_end_matches("/s");
    match t.parse::<f64>() {
        Ok(r) if r > 0.0 && r.is_finite() => Ok(r),
        _ => Err(format!(
            "invalid rate {s:?}: expected records per second, like 500 or 500/s"
        )),
    }
}

/// Formats milliseconds for people, to two units at most (`850ms`, `4.2s`, `3m05s`, `2h10m`,
/// `3d04h`).
pub fn human_duration_ms(ms: i64) -> String {
    let ms = ms.max(0);
    let s = ms / 1000;
    match ms {
        0..1_000 => format!("{ms}ms"),
        1_000..60_000 => format!("{:.1}s", ms as f64 / 1000.0),
        60_000..3_600_000 => format!("{}m{:02}s", s / 60, s % 60),
        3_600_000..86_400_000 => format!("{}h{:02}m", s / 3600, (s % 3600) / 60),
        _ => format!("{}d{:02}h", s / 86_400, (s % 86_400) / 3600),
    }
}

/// Size units and their multipliers: SI (powers of 1000) and IEC (powers of 1024). Matched
/// case-insensitively, so `1gib` and `100mb` work too.
const SIZE_UNITS: &[(&str, u64)] = &[
    ("B", 1),
    ("KB", 1_000),
    ("MB", 1_000_000),
    ("GB", 1_000_000_000),
    ("TB", 1_000_000_000_000),
    ("KiB", 1 << 10),
    ("MiB", 1 << 20),
    ("GiB", 1 << 30),
    ("TiB", 1 << 40),
];

/// Parses a size in bytes: a plain integer (bytes) or an integer with a unit `B`, `KB`, `MB`,
/// `GB`, `TB` (powers of 1000) or `KiB`, `MiB`, `GiB`, `TiB` (powers of 1024).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    if num.is_empty() {
        return Err(format!(
            "invalid size {s:?}: expected a number of bytes, or a number and a unit, like 512MiB, 1GiB or 100MB"
        ));
    }
    let n: u64 = num
        .parse()
        .map_err(|_| format!("invalid size {s:?}: number too large"))?;
    let unit = unit.trim();
    let per = if unit.is_empty() {
        1
    } else if unit.starts_with('.') {
        return Err(format!(
            "invalid size {s:?}: use a whole number in a smaller unit (e.g. 1536MiB, not 1.5GiB)"
        ));
    } else {
        match SIZE_UNITS
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(unit))
        {
            Some((_, per)) => *per,
            None => {
                return Err(format!(
                    "invalid size {s:?}: unknown unit {unit:?} (use B, KB, MB, GB, TB, KiB, MiB, GiB or TiB)"
                ));
            }
        }
    };
    n.checked_mul(per)
        .ok_or_else(|| format!("invalid size {s:?}: too large"))
}

/// Formats a size in the largest IEC unit that divides it exactly (`1GiB`, `512MiB`), else in the
/// largest SI unit that does (`100MB`), else in bytes (`1500B`).
pub fn format_size(bytes: u64) -> String {
    for (unit, per) in SIZE_UNITS
        .iter()
        .skip(5)
        .rev()
        .chain(SIZE_UNITS[1..5].iter().rev())
    {
        if bytes >= *per && bytes.is_multiple_of(*per) {
            return format!("{}{unit}", bytes / per);
        }
    }
    format!("{bytes}B")
}

/// Formats a size for people, rounded to one decimal in IEC units (`1.5 MiB`, `999 B`).
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["KiB", "MiB", "GiB", "TiB", "PiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut v = bytes as f64 / 1024.0;
    let mut unit = UNITS[0];
    for u in &UNITS[1..] {
        if v < 1024.0 {
            break;
        }
        v /= 1024.0;
        unit = u;
    }
    format!("{v:.1} {unit}")
}

/// True when `s` reads as a number followed by a duration or size unit (`7d`, `1GiB`): used to
/// reject units on values that take none.
pub fn looks_like_unit_value(s: &str) -> bool {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let unit = unit.trim();
    !num.is_empty()
        && !unit.is_empty()
        && (["ms", "s", "m", "h", "d", "w"].contains(&unit)
            || SIZE_UNITS.iter().any(|(n, _)| n.eq_ignore_ascii_case(unit)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("500ms").unwrap(), Duration::from_millis(500));
        assert_eq!(parse_duration("10s").unwrap(), Duration::from_secs(10));
        assert_eq!(parse_duration("5m").unwrap(), Duration::from_secs(300));
        assert_eq!(parse_duration("12h").unwrap(), Duration::from_secs(43_200));
        assert_eq!(parse_duration("7d").unwrap(), Duration::from_secs(604_800));
        assert_eq!(
            parse_duration(" 2w ").unwrap(),
            Duration::from_secs(1_209_600)
        );
        assert!(parse_duration("10").unwrap_err().contains("add a unit"));
        assert!(parse_duration("ten s").is_err());
        assert!(parse_duration("3y").unwrap_err().contains("unknown unit"));
        assert!(parse_duration("1.5d").unwrap_err().contains("whole number"));
        assert!(parse_duration("99999999999999999999s").is_err());
    }

    #[test]
    fn formatting() {
        assert_eq!(format_duration(Duration::from_secs(604_800)), "7d");
        assert_eq!(format_duration(Duration::from_secs(10)), "10s");
        assert_eq!(format_duration(Duration::from_millis(1500)), "1500ms");
        assert_eq!(format_duration(Duration::from_secs(90)), "90s");
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("0").unwrap(), 0);
        assert_eq!(parse_size("1048576").unwrap(), 1_048_576);
        assert_eq!(parse_size("10B").unwrap(), 10);
        assert_eq!(parse_size("1KB").unwrap(), 1_000);
        assert_eq!(parse_size("100MB").unwrap(), 100_000_000);
        assert_eq!(parse_size("2GB").unwrap(), 2_000_000_000);
        assert_eq!(parse_size("1TB").unwrap(), 1_000_000_000_000);
        assert_eq!(parse_size("64KiB").unwrap(), 65_536);
        assert_eq!(parse_size("512MiB").unwrap(), 536_870_912);
        assert_eq!(parse_size("1GiB").unwrap(), 1_073_741_824);
        assert_eq!(parse_size("1TiB").unwrap(), 1_099_511_627_776);
        assert_eq!(parse_size(" 1 gib ").unwrap(), 1_073_741_824);
        assert!(parse_size("1.5GiB").unwrap_err().contains("whole number"));
        assert!(parse_size("1XB").unwrap_err().contains("unknown unit"));
        assert!(parse_size("GiB").unwrap_err().contains("expected a number"));
        assert!(parse_size("-1").unwrap_err().contains("expected a number"));
        assert!(
            parse_size("99999999999999999999")
                .unwrap_err()
                .contains("too large")
        );
        assert!(parse_size("20000000TiB").unwrap_err().contains("too large"));
    }

    #[test]
    fn size_formatting() {
        assert_eq!(format_size(1_073_741_824), "1GiB");
        assert_eq!(format_size(536_870_912), "512MiB");
        assert_eq!(format_size(100_000_000), "100MB");
        assert_eq!(format_size(1_048_588), "1048588B");
        assert_eq!(format_size(0), "0B");
        assert_eq!(human_size(999), "999 B");
        assert_eq!(parse_rate("500").unwrap(), 500.0);
        assert_eq!(parse_rate("2.5/s").unwrap(), 2.5);
        assert!(parse_rate("0").is_err());
        assert!(parse_rate("fast").is_err());
        assert_eq!(human_duration_ms(850), "850ms");
        assert_eq!(human_duration_ms(4_200), "4.2s");
        assert_eq!(human_duration_ms(185_000), "3m05s");
        assert_eq!(human_duration_ms(7_800_000), "2h10m");
        assert_eq!(human_duration_ms(273_600_000), "3d04h");
        assert_eq!(human_size(1536), "1.5 KiB");
        assert_eq!(human_size(104_857_600), "100.0 MiB");
        assert_eq!(format_size(1_000), "1KB");
        assert_eq!(format_size(1_024), "1KiB");
    }

    #[test]
    fn unit_lookalikes() {
        for s in ["7d", "500ms", "1GiB", "100 MB", "3w"] {
            assert!(looks_like_unit_value(s), "{s}");
        }
        for s in ["7", "lz4", "compact", "d7", "1.5", "3x"] {
            assert!(!looks_like_unit_value(s), "{s}");
        }
    }
}
