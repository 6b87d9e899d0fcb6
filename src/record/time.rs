//! RFC 3339 timestamps with millisecond precision, to and from epoch milliseconds (UTC).
//!
//! Formatting always writes `YYYY-MM-DDTHH:MM:SS.mmmZ`. Kafka timestamps are `i64` milliseconds, so
//! years outside 0000..=9999 can occur; they are written with ISO 8601's expanded year (`+10000-…`,
//! `-0001-…`), which [`parse_rfc3339`] also reads, so every `i64` round-trips.

const MS_PER_DAY: i64 = 86_400_000;

/// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date of a day number since 1970-01-01 (Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn push_padded(out: &mut Vec<u8>, n: u64, width: usize) {
    let mut buf = itoa::Buffer::new();
    let s = buf.format(n);
    for _ in s.len()..width {
        out.push(b'0');
    }
    out.extend_from_slice(s.as_bytes());
}

/// The current time in epoch milliseconds (0 if the clock is before 1970).
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// Appends `ms` (epoch milliseconds) as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
pub fn write_rfc3339(out: &mut Vec<u8>, ms: i64) {
    push_date(out, ms.div_euclid(MS_PER_DAY));
    out.push(b'T');
    push_time(out, ms.rem_euclid(MS_PER_DAY) as u64);
    out.push(b'Z');
}

/// `YYYY-MM-DD` (years outside 0000..=9999 expanded) of a day number since 1970-01-01.
fn push_date(out: &mut Vec<u8>, days: i64) {
    let (y, m, d) = civil_from_days(days);
    if (0..=9999).contains(&y) {
        push_padded(out, y as u64, 4);
    } else {
        out.push(if y < 0 { b'-' } else { b'+' });
        push_padded(out, y.unsigned_abs(), 4);
    }
    out.push(b'-');
    push_padded(out, u64::from(m), 2);
    out.push(b'-');
    push_padded(out, u64::from(d), 2);
}

/// `HH:MM:SS.mmm` of milliseconds into a day.
fn push_time(out: &mut Vec<u8>, rem: u64) {
    push_padded(out, rem / 3_600_000, 2);
    out.push(b':');
    push_padded(out, rem / 60_000 % 60, 2);
    out.push(b':');
    push_padded(out, rem / 1000 % 60, 2);
    out.push(b'.');
    push_padded(out, rem % 1000, 3);
}

/// Appends an instant given in units of `10^-digits` seconds (`digits` 3, 6 or 9) as RFC 3339
/// with that many fraction digits, in UTC (`Z`) or, for a local timestamp, without a zone.
pub fn write_rfc3339_units(out: &mut Vec<u8>, value: i64, digits: u32, utc: bool) {
    let per_ms = 10i64.pow(digits.saturating_sub(3));
    let ms = value.div_euclid(per_ms);
    push_date(out, ms.div_euclid(MS_PER_DAY));
    out.push(b'T');
    write_time_units(out, value, digits);
    if utc {
        out.push(b'Z');
    }
}

/// Appends the time of day of an instant in units of `10^-digits` seconds as
/// `HH:MM:SS.fff` with that many fraction digits (the date is left out).
pub fn write_time_units(out: &mut Vec<u8>, value: i64, digits: u32) {
    let per_ms = 10i64.pow(digits.saturating_sub(3));
    push_time(out, value.div_euclid(per_ms).rem_euclid(MS_PER_DAY) as u64);
    if digits > 3 {
        push_padded(out, value.rem_euclid(per_ms) as u64, digits as usize - 3);
    }
}

/// Parses RFC 3339 (a missing zone read as UTC when `local`) into units of `10^-digits` seconds.
pub fn parse_rfc3339_units(s: &str, digits: u32, local: bool) -> Result<i64, String> {
    let zoned;
    let text = if local && !has_zone(s) {
        zoned = format!("{s}Z");
        zoned.as_str()
    } else {
        s
    };
    let ms = parse_rfc3339(text)?;
    let per_ms = 10i64.pow(digits.saturating_sub(3));
    // the fraction's digits beyond milliseconds
    let frac = text
        .split_once('.')
        .map(|(_, f)| {
            f.bytes()
                .take_while(u8::is_ascii_digit)
                .collect::<Vec<u8>>()
        })
        .unwrap_or_default();
    let mut extra = 0i64;
    for k in 3..digits as usize {
        extra = extra * 10 + frac.get(k).map_or(0, |b| i64::from(b - b'0'));
    }
    ms.checked_mul(per_ms)
        .and_then(|v| v.checked_add(extra))
        .ok_or_else(|| format!("timestamp {s:?} out of range"))
}

/// True when an RFC 3339 text has a zone (`Z`, `+HH:MM`, `-HH:MM`).
pub fn has_zone(s: &str) -> bool {
    let time = s.split_once(['T', 't', ' ']).map_or("", |(_, t)| t);
    time.ends_with(['Z', 'z']) || time.contains('+') || time.rfind('-').is_some()
}

/// Appends a day number since 1970-01-01 as `YYYY-MM-DD`.
pub fn write_date(out: &mut Vec<u8>, days: i64) {
    push_date(out, days);
}

/// Parses `YYYY-MM-DD` into a day number since 1970-01-01.
pub fn parse_date(s: &str) -> Result<i64, String> {
    if s.contains(['T', 't', ' ']) {
        return Err(format!("{s:?} is not a date (YYYY-MM-DD)"));
    }
    Ok(parse(s, true)?.div_euclid(MS_PER_DAY))
}

/// Formats `ms` (epoch milliseconds) as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
pub fn format_rfc3339(ms: i64) -> String {
    let mut out = Vec::with_capacity(24);
    write_rfc3339(&mut out, ms);
    // Only ASCII was written.
    String::from_utf8(out).unwrap_or_default()
}

/// A byte cursor over the text being parsed.
struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn digits(&mut self, exactly: usize, what: &str) -> Result<u32, String> {
        let start = self.i;
        let end = start + exactly;
        match self.s.get(start..end) {
            Some(d) if d.iter().all(u8::is_ascii_digit) => {
                self.i = end;
                Ok(d.iter().fold(0, |n, b| n * 10 + u32::from(b - b'0')))
            }
            _ => Err(format!("expected {exactly} digits for the {what}")),
        }
    }

    fn expect(&mut self, c: u8, what: &str) -> Result<(), String> {
        if self.peek() == Some(c) {
            self.i += 1;
            Ok(())
        } else {
            Err(format!("expected '{}' {what}", c as char))
        }
    }
}

/// Parses an RFC 3339 timestamp (`2025-01-01T00:00:00Z`, `2025-01-01T01:30:00.5+01:30`) into epoch
/// milliseconds. Accepts `t`/space for `T`, `z` for `Z`, any number of fraction digits (beyond
/// milliseconds they are truncated) and the expanded years written by [`write_rfc3339`]. Leap
/// seconds (`:60`) are rejected.
pub fn parse_rfc3339(s: &str) -> Result<i64, String> {
    parse(s, false).map_err(|e| {
        format!("invalid timestamp {s:?}: {e} (expected RFC 3339, like 2025-01-01T00:00:00Z)")
    })
}

/// Like [`parse_rfc3339`], but a date alone (`2025-01-01`) is also accepted, as midnight UTC.
pub fn parse_rfc3339_or_date(s: &str) -> Result<i64, String> {
    parse(s, true).map_err(|e| {
        format!(
            "invalid timestamp {s:?}: {e} (expected RFC 3339, like 2025-01-01T00:00:00Z, or a date)"
        )
    })
}

fn parse(s: &str, allow_date_only: bool) -> Result<i64, String> {
    let mut c = Cursor {
        s: s.as_bytes(),
        i: 0,
    };
    let year: i64 = match c.peek() {
        Some(sign @ (b'+' | b'-')) => {
            c.i += 1;
            let start = c.i;
            while c.peek().is_some_and(|b| b.is_ascii_digit()) {
                c.i += 1;
            }
            let digits = &s[start..c.i];
            if digits.len() < 4 {
                return Err("an expanded year needs at least 4 digits".into());
            }
            let y: i64 = digits
                .parse()
                .map_err(|_| "year out of range".to_string())?;
            if sign == b'-' { -y } else { y }
        }
        _ => i64::from(c.digits(4, "year")?),
    };
    c.expect(b'-', "after the year")?;
    let month = c.digits(2, "month")?;
    c.expect(b'-', "after the month")?;
    let day = c.digits(2, "day")?;
    if !(1..=12).contains(&month) {
        return Err(format!("month {month} is not 01..12"));
    }
    let dim = days_in_month(year, month);
    if day < 1 || day > dim {
        return Err(format!("day {day} is not 01..{dim} for that month"));
    }
    if year.unsigned_abs() > 300_000_000 {
        return Err("year out of range".into());
    }
    let days = days_from_civil(year, month, day);
    if allow_date_only && c.peek().is_none() {
        return days
            .checked_mul(MS_PER_DAY)
            .ok_or_else(|| "out of range".to_string());
    }
    match c.peek() {
        Some(b'T' | b't' | b' ') => c.i += 1,
        _ => return Err("expected 'T' between the date and the time".into()),
    }
    let hour = c.digits(2, "hour")?;
    c.expect(b':', "after the hour")?;
    let minute = c.digits(2, "minute")?;
    c.expect(b':', "after the minute")?;
    let second = c.digits(2, "second")?;
    if hour > 23 {
        return Err(format!("hour {hour} is not 00..23"));
    }
    if minute > 59 {
        return Err(format!("minute {minute} is not 00..59"));
    }
    if second == 60 {
        return Err("leap seconds (:60) are not supported".into());
    }
    if second > 59 {
        return Err(format!("second {second} is not 00..59"));
    }
    let mut millis = 0i64;
    if c.peek() == Some(b'.') {
        c.i += 1;
        let start = c.i;
        while c.peek().is_some_and(|b| b.is_ascii_digit()) {
            c.i += 1;
        }
        let frac = &c.s[start..c.i];
        if frac.is_empty() {
            return Err("expected digits after '.'".into());
        }
        for k in 0..3 {
            millis = millis * 10 + frac.get(k).map_or(0, |b| i64::from(b - b'0'));
        }
    }
    let offset_min: i64 = match c.peek() {
        Some(b'Z' | b'z') => {
            c.i += 1;
            0
        }
        Some(sign @ (b'+' | b'-')) => {
            c.i += 1;
            let oh = c.digits(2, "offset hours")?;
            c.expect(b':', "in the offset (use +HH:MM)")?;
            let om = c.digits(2, "offset minutes")?;
            if oh > 23 || om > 59 {
                return Err(format!("offset {oh:02}:{om:02} is out of range"));
            }
            let m = i64::from(oh * 60 + om);
            if sign == b'-' { -m } else { m }
        }
        None => return Err("missing the time zone (add Z for UTC, or +HH:MM)".into()),
        Some(_) => return Err("expected 'Z' or +HH:MM after the time".into()),
    };
    if c.i != c.s.len() {
        return Err(format!(
            "unexpected text {:?} after the time zone",
            &s[c.i..]
        ));
    }
    let tod = i64::from(hour * 3600 + minute * 60 + second) * 1000 + millis;
    // i128: the day's start may lie just outside i64 while the instant itself fits.
    let ms = i128::from(days) * i128::from(MS_PER_DAY) + i128::from(tod)
        - i128::from(offset_min) * 60_000;
    i64::try_from(ms).map_err(|_| "out of range".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(format_rfc3339(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(format_rfc3339(-1), "1969-12-31T23:59:59.999Z");
        assert_eq!(
            format_rfc3339(1_735_689_600_000),
            "2025-01-01T00:00:00.000Z"
        );
        assert_eq!(format_rfc3339(951_782_400_123), "2000-02-29T00:00:00.123Z");
        assert_eq!(
            format_rfc3339(-62_135_596_800_000),
            "0001-01-01T00:00:00.000Z"
        );
        assert_eq!(
            format_rfc3339(-62_167_219_200_000),
            "0000-01-01T00:00:00.000Z"
        );
        assert_eq!(
            format_rfc3339(-62_167_219_200_001),
            "-0001-12-31T23:59:59.999Z"
        );
        assert_eq!(
            format_rfc3339(253_402_300_800_000),
            "+10000-01-01T00:00:00.000Z"
        );
    }

    #[test]
    fn round_trips_every_kind_of_instant() {
        let samples = [
            0,
            1,
            -1,
            999,
            -1000,
            1_700_000_000_123,
            -86_400_000,
            -2_208_988_800_000, // 1900-01-01
            253_402_300_799_999,
            253_402_300_800_000,
            -62_167_219_200_001,
            i64::MAX,
            i64::MIN,
            i64::MAX - 1,
            i64::MIN + 1,
        ];
        for ms in samples {
            let text = format_rfc3339(ms);
            assert_eq!(parse_rfc3339(&text), Ok(ms), "{text}");
        }
        // A walk across centuries, including leap days.
        let mut ms = -5_000_000_000_000i64;
        while ms < 5_000_000_000_000 {
            assert_eq!(parse_rfc3339(&format_rfc3339(ms)), Ok(ms));
            ms += 12_345_678_901;
        }
    }

    #[test]
    fn parses_variants() {
        assert_eq!(parse_rfc3339("2025-01-01T00:00:00Z"), Ok(1_735_689_600_000));
        assert_eq!(parse_rfc3339("2025-01-01t00:00:00z"), Ok(1_735_689_600_000));
        assert_eq!(parse_rfc3339("2025-01-01 00:00:00Z"), Ok(1_735_689_600_000));
        assert_eq!(
            parse_rfc3339("2025-01-01T01:30:00+01:30"),
            Ok(1_735_689_600_000)
        );
        assert_eq!(
            parse_rfc3339("2024-12-31T22:00:00-02:00"),
            Ok(1_735_689_600_000)
        );
        assert_eq!(
            parse_rfc3339("2025-01-01T00:00:00.5Z"),
            Ok(1_735_689_600_500)
        );
        assert_eq!(
            parse_rfc3339("2025-01-01T00:00:00.123456789Z"),
            Ok(1_735_689_600_123)
        );
        assert_eq!(parse_rfc3339("1969-12-31T23:59:59.999Z"), Ok(-1));
        assert_eq!(parse_rfc3339_or_date("2025-01-01"), Ok(1_735_689_600_000));
        assert_eq!(
            parse_rfc3339_or_date("2025-01-01T00:00:00Z"),
            Ok(1_735_689_600_000)
        );
    }

    #[test]
    fn rejects_bad_timestamps_clearly() {
        let err = |s: &str| parse_rfc3339(s).unwrap_err();
        assert!(
            err("2025-01-01").contains("expected 'T'"),
            "{}",
            err("2025-01-01")
        );
        assert!(err("2025-01-01T00:00:00").contains("missing the time zone"));
        assert!(err("2025-13-01T00:00:00Z").contains("month 13"));
        assert!(err("2025-02-29T00:00:00Z").contains("day 29 is not 01..28"));
        assert!(parse_rfc3339("2024-02-29T00:00:00Z").is_ok());
        assert!(err("1900-02-29T00:00:00Z").contains("day 29"));
        assert!(err("2025-01-01T24:00:00Z").contains("hour 24"));
        assert!(err("2025-01-01T00:60:00Z").contains("minute 60"));
        assert!(err("2016-12-31T23:59:60Z").contains("leap seconds"));
        assert!(err("2025-01-01T00:00:00.Z").contains("digits after '.'"));
        assert!(err("2025-01-01T00:00:00+0100").contains("+HH:MM"));
        assert!(err("2025-01-01T00:00:00Zjunk").contains("unexpected text \"junk\""));
        assert!(err("25-01-01T00:00:00Z").contains("4 digits for the year"));
        assert!(err("").contains("invalid timestamp \"\""));
        assert!(err("+99999999999-01-01T00:00:00Z").contains("out of range"));
        assert!(err("+292278994-08-17T07:12:55.808Z").contains("out of range"));
        assert!(parse_rfc3339_or_date("2025-01-01junk").is_err());
    }
}
