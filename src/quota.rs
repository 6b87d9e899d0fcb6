//! Client quotas as evctl models them: an entity (a user, a client id, both, or an IP, each
//! possibly the default), and the quota keys with their values (byte rates in bytes per second,
//! percentages and rates as numbers). The wire is `crate::kafka::quotas`.

use std::fmt;

use serde::Serialize;

/// The default entity of a type, as Kafka writes it (`--entity-default`).
pub const DEFAULT: &str = "<default>";

/// A quota entity: (type, name) pairs sorted by type; a None name is the type's default.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Entity(pub Vec<(String, Option<String>)>);

impl Entity {
    /// True for an IP entity.
    pub fn is_ip(&self) -> bool {
        self.0.iter().any(|(t, _)| t == "ip")
    }
}

impl fmt::Display for Entity {
    /// `user=orders-svc, client-id=<default>`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = (self.0.iter())
            .map(|(t, n)| format!("{t}={}", n.as_deref().unwrap_or(DEFAULT)))
            .collect();
        f.write_str(&parts.join(", "))
    }
}

impl Serialize for Entity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The quota keys of user and client-id entities.
pub const CLIENT_KEYS: &[&str] = &[
    "producer_byte_rate",
    "consumer_byte_rate",
    "request_percentage",
    "controller_mutation_rate",
];

/// The quota keys of IP entities.
pub const IP_KEYS: &[&str] = &["connection_creation_rate"];

/// True for keys whose value is bytes per second.
pub fn is_byte_rate(key: &str) -> bool {
    key.ends_with("_byte_rate")
}

/// Parses a quota value: a byte rate takes a size per second (`10MiB/s`, `1048576`), the others
/// a positive number.
pub fn parse_value(key: &str, text: &str) -> Result<f64, String> {
    if is_byte_rate(key) {
        let t = text.trim().trim_end_matches("/s");
        return crate::units::parse_size(t)
            .map(|b| b as f64)
            .map_err(|e| format!("`{key}`: {e} (bytes per second, like 10MiB/s)"));
    }
    match text.trim().parse::<f64>() {
        Ok(v) if v > 0.0 && v.is_finite() => Ok(v),
        _ => Err(format!("`{key}` expects a positive number, not {text:?}")),
    }
}

/// A value for people and specs: byte rates as sizes per second where exact.
pub fn format_value(key: &str, v: f64) -> String {
    if is_byte_rate(key) && v >= 0.0 && v.fract() == 0.0 && v < 9.0e15 {
        return format!("{}/s", crate::units::format_size(v as u64));
    }
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        return format!("{}", v as i64);
    }
    format!("{v}")
}

/// Two quota values are the same (Kafka keeps doubles).
pub fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        assert_eq!(
            parse_value("producer_byte_rate", "10MiB/s"),
            Ok(10_485_760.0)
        );
        assert_eq!(
            parse_value("consumer_byte_rate", "1048576"),
            Ok(1_048_576.0)
        );
        assert_eq!(parse_value("request_percentage", "50.5"), Ok(50.5));
        assert!(parse_value("request_percentage", "-1").is_err());
        assert!(parse_value("producer_byte_rate", "fast").is_err());
        assert_eq!(format_value("producer_byte_rate", 10_485_760.0), "10MiB/s");
        assert_eq!(format_value("request_percentage", 50.0), "50");
        assert_eq!(format_value("request_percentage", 50.5), "50.5");
        let e = Entity(vec![
            ("client-id".into(), None),
            ("user".into(), Some("a".into())),
        ]);
        assert_eq!(e.to_string(), "client-id=<default>, user=a");
    }
}
