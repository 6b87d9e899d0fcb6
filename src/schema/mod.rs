//! Schema compatibility with Confluent Schema Registry semantics.
//!
//! Each format has one check, "is `new` a backward-compatible successor of `old`", returning every
//! difference it finds ([`Change`]), each flagged compatible or not. The modes are built on it as
//! Confluent builds them: FORWARD is the same check with the arguments swapped, FULL runs both,
//! `*_TRANSITIVE` checks every earlier version (newest first), NONE checks nothing.
//!
//! Around the engines ([`avro`], [`json`], [`protobuf`]): [`registry`] (the REST client),
//! [`local`] (files, directories and git refs as earlier versions), [`check`] (the CI gate of
//! `evctl schema check`, for one file or a spec's `schemas:`), [`report`] (its lines, documents
//! and GitHub annotations) and [`locate`] (a change's line in a schema's text).

use serde::Serialize;

pub mod avro;
pub mod check;
pub mod json;
pub mod local;
pub mod locate;
pub mod protobuf;
pub mod registry;
pub mod report;

/// A parsed schema of any format.
pub enum Parsed {
    Avro(avro::AvroSchema),
    Json(json::JsonSchema),
    Protobuf(protobuf::ProtoSchema),
}

impl Parsed {
    /// The schema's format.
    pub fn format(&self) -> Format {
        match self {
            Parsed::Avro(_) => Format::Avro,
            Parsed::Json(_) => Format::Json,
            Parsed::Protobuf(_) => Format::Protobuf,
        }
    }
}

/// Parses a schema of `format`. `strict` for a new schema; earlier versions are parsed leniently,
/// as Confluent does.
pub fn parse(format: Format, source: &Source, strict: bool) -> Result<Parsed, ParseError> {
    Ok(match format {
        Format::Avro => Parsed::Avro(avro::parse(source, strict)?),
        Format::Json => Parsed::Json(json::parse(source, strict)?),
        Format::Protobuf => Parsed::Protobuf(protobuf::parse(source, strict)?),
    })
}

/// Confluent's check "is `new` a backward-compatible successor of `old`": every difference found.
pub fn backward(old: &Parsed, new: &Parsed, policy: Policy) -> Vec<Change> {
    match (old, new) {
        (Parsed::Avro(o), Parsed::Avro(n)) => avro::backward(o, n),
        (Parsed::Json(o), Parsed::Json(n)) => json::backward(o, n, policy),
        (Parsed::Protobuf(o), Parsed::Protobuf(n)) => protobuf::backward(o, n),
        (o, n) => vec![Change::new(
            "SCHEMA_TYPE_CHANGED",
            "",
            format!(
                "Incompatible because of different schema type ({:?} → {:?})",
                o.format(),
                n.format()
            ),
            false,
        )],
    }
}

/// Schema format.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Apache Avro (.avsc).
    Avro,
    /// JSON Schema (.json).
    Json,
    /// Protocol Buffers (.proto).
    Protobuf,
}

impl Format {
    /// The format a file's extension says.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "avsc" | "avro" => Some(Format::Avro),
            "json" => Some(Format::Json),
            "proto" => Some(Format::Protobuf),
            _ => None,
        }
    }

    /// The registry's `schemaType` (absent means AVRO).
    pub fn registry_type(self) -> &'static str {
        match self {
            Format::Avro => "AVRO",
            Format::Json => "JSON",
            Format::Protobuf => "PROTOBUF",
        }
    }

    /// From a registry `schemaType` (None = AVRO).
    pub fn from_registry_type(t: Option<&str>) -> Option<Format> {
        match t.map(|s| s.to_ascii_uppercase()).as_deref() {
            None | Some("AVRO") => Some(Format::Avro),
            Some("JSON") => Some(Format::Json),
            Some("PROTOBUF") => Some(Format::Protobuf),
            _ => None,
        }
    }
}

/// Compatibility mode (Confluent's compatibility levels).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[value(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Mode {
    /// New schema can read data written with the latest previous one.
    Backward,
    /// New schema can read data written with every previous one.
    BackwardTransitive,
    /// Data written with the new schema can be read with the latest previous one.
    Forward,
    /// Data written with the new schema can be read with every previous one.
    ForwardTransitive,
    /// Backward and forward against the latest previous schema.
    Full,
    /// Backward and forward against every previous schema.
    FullTransitive,
    /// No check.
    None,
}

impl Mode {
    /// Parses a Confluent level name, case-insensitively (`backward_transitive`, `FULL`, ...).
    pub fn parse(s: &str) -> Option<Mode> {
        Some(
            match s.trim().to_ascii_uppercase().replace('-', "_").as_str() {
                "BACKWARD" => Mode::Backward,
                "BACKWARD_TRANSITIVE" => Mode::BackwardTransitive,
                "FORWARD" => Mode::Forward,
                "FORWARD_TRANSITIVE" => Mode::ForwardTransitive,
                "FULL" => Mode::Full,
                "FULL_TRANSITIVE" => Mode::FullTransitive,
                "NONE" => Mode::None,
                _ => return None,
            },
        )
    }

    /// Confluent's name of the mode.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Backward => "BACKWARD",
            Mode::BackwardTransitive => "BACKWARD_TRANSITIVE",
            Mode::Forward => "FORWARD",
            Mode::ForwardTransitive => "FORWARD_TRANSITIVE",
            Mode::Full => "FULL",
            Mode::FullTransitive => "FULL_TRANSITIVE",
            Mode::None => "NONE",
        }
    }

    /// True when every earlier version is checked, not just the latest.
    pub fn transitive(self) -> bool {
        matches!(
            self,
            Mode::BackwardTransitive | Mode::ForwardTransitive | Mode::FullTransitive
        )
    }

    /// The directions checked.
    pub fn directions(self) -> &'static [Direction] {
        match self {
            Mode::Backward | Mode::BackwardTransitive => &[Direction::Backward],
            Mode::Forward | Mode::ForwardTransitive => &[Direction::Forward],
            Mode::Full | Mode::FullTransitive => &[Direction::Backward, Direction::Forward],
            Mode::None => &[],
        }
    }
}

impl std::fmt::Display for Mode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Which way a check reads: BACKWARD = the new schema reads old data; FORWARD = the old schema reads
/// new data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Backward,
    Forward,
}

/// JSON Schema compatibility policy (Confluent's `compatibilityPolicy`): LENIENT also accepts
/// adding optional properties to open content models and removing properties from closed ones.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Policy {
    #[default]
    Strict,
    Lenient,
}

/// One difference between two versions of a schema.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Confluent's name for the kind of change (`READER_FIELD_MISSING_DEFAULT_VALUE`,
    /// `OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL`, `FIELD_SCALAR_KIND_CHANGED`, ...).
    pub kind: String,
    /// Where: a JSON pointer for Avro (`/fields/1/type`) and JSON Schema (`#/properties/foo`),
    /// `#/Message/field-number` for Protobuf.
    pub path: String,
    /// What changed, in a sentence.
    pub description: String,
    /// Whether this change keeps the direction being checked compatible.
    pub compatible: bool,
}

impl Change {
    pub fn new(
        kind: &str,
        path: impl Into<String>,
        description: impl Into<String>,
        compatible: bool,
    ) -> Change {
        Change {
            kind: kind.to_string(),
            path: path.into(),
            description: description.into(),
            compatible,
        }
    }
}

/// A schema to parse: its text, the name to report it by (a file path, `subject v3`), and the
/// schemas it references by name (Avro full type name, JSON `$ref` URL, Protobuf import path).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Source {
    pub name: String,
    pub text: String,
    pub references: Vec<Reference>,
}

/// A referenced schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub name: String,
    pub text: String,
}

/// Why a schema could not be parsed, and where when the parser knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{name}{}: {message}", location(*.line, *.column))]
pub struct ParseError {
    pub name: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

fn location(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(":{l}:{c}"),
        (Some(l), None) => format!(":{l}"),
        _ => String::new(),
    }
}

impl ParseError {
    pub fn new(name: &str, message: impl Into<String>) -> Self {
        ParseError {
            name: name.to_string(),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    pub fn at(name: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        ParseError {
            name: name.to_string(),
            line: Some(line),
            column: Some(column),
            message: message.into(),
        }
    }
}

/// The result of checking one direction against one earlier version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionCheck {
    /// The earlier version's label (`v3`, a file name, a git ref).
    pub version: String,
    pub direction: Direction,
    pub compatible: bool,
    /// Every difference found (compatible ones included).
    pub changes: Vec<Change>,
}

/// The result of a check under a mode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub mode: Mode,
    pub compatible: bool,
    /// Versions checked, newest first, each direction separately.
    pub checks: Vec<VersionCheck>,
}

impl Report {
    /// The incompatible changes, with the version and direction they were found against.
    pub fn problems(&self) -> impl Iterator<Item = (&VersionCheck, &Change)> {
        self.checks.iter().flat_map(|c| {
            c.changes
                .iter()
                .filter(|ch| !ch.compatible)
                .map(move |ch| (c, ch))
        })
    }
}

/// Checks `new` against `previous` (oldest first, as versions are numbered) under `mode`, with
/// `backward(old, new)` the format's check. Transitive modes check every earlier version newest
/// first and, like Confluent, stop at the first failing version unless `all_versions`.
pub fn check<S, F>(
    mode: Mode,
    new: &S,
    previous: &[(String, S)],
    all_versions: bool,
    backward: F,
) -> Report
where
    F: Fn(&S, &S) -> Vec<Change>,
{
    let mut checks = Vec::new();
    let candidates: Vec<&(String, S)> = if mode.transitive() {
        previous.iter().rev().collect()
    } else {
        previous.last().into_iter().collect()
    };
    for (label, old) in candidates {
        let mut failed = false;
        for dir in mode.directions() {
            let changes = match dir {
                Direction::Backward => backward(old, new),
                Direction::Forward => backward(new, old),
            };
            let compatible = changes.iter().all(|c| c.compatible);
            failed |= !compatible;
            checks.push(VersionCheck {
                version: label.clone(),
                direction: *dir,
                compatible,
                changes,
            });
        }
        if failed && !all_versions {
            break;
        }
    }
    let compatible = checks.iter().all(|c| c.compatible);
    Report {
        mode,
        compatible,
        checks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A toy format: a schema is a set of field names; BACKWARD breaks when the new schema has a
    /// field the old one lacks (like a reader field without default).
    fn toy(old: &Vec<&str>, new: &Vec<&str>) -> Vec<Change> {
        new.iter()
            .filter(|f| !old.contains(f))
            .map(|f| {
                Change::new(
                    "READER_FIELD_MISSING_DEFAULT_VALUE",
                    format!("/fields/{f}"),
                    format!("{f} added"),
                    false,
                )
            })
            .collect()
    }

    fn versions(v: &[Vec<&'static str>]) -> Vec<(String, Vec<&'static str>)> {
        v.iter()
            .enumerate()
            .map(|(i, s)| (format!("v{}", i + 1), s.clone()))
            .collect()
    }

    #[test]
    fn backward_checks_only_the_latest() {
        let prev = versions(&[vec!["a"], vec!["a", "b"]]);
        let r = check(Mode::Backward, &vec!["a", "b"], &prev, false, toy);
        assert!(r.compatible);
        assert_eq!(r.checks.len(), 1);
        assert_eq!(r.checks[0].version, "v2");
        // v1 lacks b, but only the latest counts without TRANSITIVE
        let r = check(Mode::BackwardTransitive, &vec!["a", "b"], &prev, false, toy);
        assert!(!r.compatible);
        assert_eq!(
            r.checks
                .iter()
                .map(|c| c.version.as_str())
                .collect::<Vec<_>>(),
            ["v2", "v1"]
        );
        assert_eq!(r.problems().next().unwrap().1.path, "/fields/b");
    }

    #[test]
    fn forward_swaps_and_full_does_both() {
        let prev = versions(&[vec!["a", "b"]]);
        let r = check(Mode::Forward, &vec!["a"], &prev, false, toy);
        assert!(
            !r.compatible,
            "old schema reads new data: b is missing from new"
        );
        assert_eq!(r.checks[0].direction, Direction::Forward);
        let r = check(Mode::Backward, &vec!["a"], &prev, false, toy);
        assert!(r.compatible);
        let r = check(Mode::Full, &vec!["a"], &prev, false, toy);
        assert!(!r.compatible);
        assert_eq!(r.checks.len(), 2);
        assert!(r.checks[0].compatible && !r.checks[1].compatible);
    }

    #[test]
    fn transitive_stops_at_first_failure_unless_all_versions() {
        let prev = versions(&[vec![], vec!["x"], vec!["a"]]);
        let new = vec!["a", "b"];
        let r = check(Mode::BackwardTransitive, &new, &prev, false, toy);
        assert_eq!(r.checks.len(), 1, "v3 fails (b): stop there");
        let r = check(Mode::BackwardTransitive, &new, &prev, true, toy);
        assert_eq!(
            r.checks
                .iter()
                .map(|c| (c.version.as_str(), c.compatible))
                .collect::<Vec<_>>(),
            [("v3", false), ("v2", false), ("v1", false)]
        );
        assert_eq!(r.problems().count(), 1 + 2 + 2);
    }

    #[test]
    fn none_and_no_previous_versions_are_compatible() {
        let prev = versions(&[vec![]]);
        assert!(check(Mode::None, &vec!["z"], &prev, false, toy).compatible);
        assert!(check(Mode::FullTransitive, &vec!["z"], &[], false, toy).compatible);
    }

    #[test]
    fn names_and_formats() {
        assert_eq!(
            Mode::parse("backward_transitive"),
            Some(Mode::BackwardTransitive)
        );
        assert_eq!(Mode::parse("full-transitive"), Some(Mode::FullTransitive));
        assert_eq!(Mode::parse("sideways"), None);
        assert_eq!(Format::from_path("a/b.avsc".as_ref()), Some(Format::Avro));
        assert_eq!(
            Format::from_path("b.PROTO".as_ref()),
            Some(Format::Protobuf)
        );
        assert_eq!(Format::from_registry_type(None), Some(Format::Avro));
        assert_eq!(Format::from_registry_type(Some("JSON")), Some(Format::Json));
        let e = ParseError::at("s.avsc", 3, 7, "expected value");
        assert_eq!(e.to_string(), "s.avsc:3:7: expected value");
    }
}
