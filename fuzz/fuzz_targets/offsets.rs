#![no_main]
//! The position syntaxes of `--from`/`--to`/`--partitions` and the time flags:
//! `evctl::record::offsets::{parse_offset, parse_range, parse_partition_list, parse_time}`, the
//! Redis stream forms `evctl::redis::stream::IdSpec::{parse, parse_range}`, stream ids
//! (`StreamId::parse`) and the RFC 3339 readers of `evctl::record::time`.
//!
//! Checked: an offset's printed form parses back to the same offset (except `@TIME`, whose
//! years before 0000 print as `@-YYYY…`, which reads as a relative time: reported separately),
//! a stream id prints and parses back, and a parsed RFC 3339 time prints and parses back.

use evctl::record::StreamId;
use evctl::record::offsets::{
    OffsetSpec, parse_offset, parse_partition_list, parse_range, parse_time,
};
use evctl::record::time;
use evctl::redis::stream::IdSpec;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() > 4096 {
        return;
    }
    let text = String::from_utf8_lossy(data);
    let s: &str = &text;

    if let Ok(o) = parse_offset(s) {
        let _ = o.resolve(10, 1000, Some(500));
        let _ = o.time(1_735_689_600_000);
        let _ = o.at(i64::MIN);
        if !matches!(o, OffsetSpec::Timestamp(_)) {
            let shown = o.to_string();
            assert_eq!(parse_offset(&shown), Ok(o), "{s:?} printed as {shown:?}");
        }
    }
    if let Ok(r) = parse_range(s) {
        for o in [r.from, r.to].into_iter().flatten() {
            let _ = o.resolve(0, i64::MAX, None);
        }
    }
    if let Ok(set) = parse_partition_list(s) {
        assert!(!set.is_empty());
        assert!(set.iter().all(|p| *p >= 0));
    }
    let _ = parse_time("--since", s);

    let _ = IdSpec::parse(s).map(|i| i.to_string());
    let _ = IdSpec::parse_range(s);

    if let Ok(id) = StreamId::parse(s) {
        assert_eq!(StreamId::parse(&id.to_string()), Ok(id));
        assert_eq!(StreamId::from_bytes(id.to_string().as_bytes()), Some(id));
        let _ = id.next();
    }

    if let Ok(ms) = time::parse_rfc3339(s) {
        let shown = time::format_rfc3339(ms);
        assert_eq!(
            time::parse_rfc3339(&shown),
            Ok(ms),
            "{s:?} printed as {shown:?}"
        );
    }
    let _ = time::parse_rfc3339_or_date(s);
    let _ = time::parse_date(s);
    let _ = time::has_zone(s);
    for digits in [3, 6, 9] {
        let _ = time::parse_rfc3339_units(s, digits, true);
        let _ = time::parse_rfc3339_units(s, digits, false);
    }
});
