//! The topics.yaml model: strict parsing with places, validation, and normalisation of values to
//! the strings Kafka takes.
//!
//! [`load`] reads one or more files (later ones override earlier ones), expands `${VAR}` and
//! `${VAR:-default}` in values, checks everything that can be checked without a cluster, and
//! returns a [`Spec`] whose topics are fully resolved (defaults < profile < the topic's own
//! fields) with every config value already a Kafka string. Problems come back all at once as a
//! [`SpecError`], each with its file:line:col and the offending text underlined.
//!
//! ```yaml
//! defaults: {partitions: 6, replication_factor: 3, retention: 7d, compression: zstd}
//! profiles:
//!   audit: {retention: 365d, retention_bytes: infinite, min_insync_replicas: 2}
//! managed: {prefixes: ["platform."]}
//! protected: ["legacy-*"]            # added to the built-in patterns
//! ignore_configs: ['^confluent\.']   # the default
//! topics:
//!   - name: platform.user.events.v1
//!     partitions: 12
//!   - name: platform.security.events.v1
//!     profile: audit
//!     configs: {cleanup.policy: delete, max.message.bytes: 1MiB}
//! consumers:
//!   - {group: notification-group, topics: [platform.user.events.v1], max_lag: 10000, max_time_lag: 5m}
//! schemas:
//!   - {subject: platform.user.events.v1-value, file: schemas/user-event.avsc, compatibility: BACKWARD}
//! dialects:                          # dead-letter headers of your own, for `evctl dlq`
//!   - {name: orders-dlq, original_topic: x-source-topic, error_message: x-error, attempts: x-tries}
//! ```
//!
//! Values: `-1` means the cluster default everywhere (for partitions and replication_factor it is
//! sent as -1 to CreateTopics; for a config key it means "no override"). Durations (`retention` and
//! keys ending in `.ms`) take `500ms`, `90s`, `5m`, `12h`, `7d`, `2w`; sizes (`retention_bytes`,
//! `max_message_bytes`, keys ending in `.bytes`) take bytes or `64KiB`, `512MiB`, `1GiB`, `100MB`;
//! both take `infinite`/`unlimited` for Kafka's "-1, no limit". Integers, booleans and lists become
//! Kafka strings (lists comma-joined).
//!
//! `dialects` entries name the headers a service of yours writes on its dead letters: `name` and
//! at least one of `original_topic`, `original_partition`, `original_offset`,
//! `original_timestamp`, `error_class`, `error_message` and `attempts` (header names; see
//! [`crate::dlq::dialect`] for how their values are read). A built-in dialect's name (`connect`,
//! `spring_dlt`…) cannot be taken, and a header can carry only one thing.
//!
//! `${VAR}` expands in values (not in keys or comments); an unquoted value is typed after expansion,
//! so `partitions: ${N}` is an integer. Files merge in order: mappings key by key, `topics` and
//! `dialects` by name, `consumers` by group and `schemas` by subject (field by field, a first-class
//! field and its Kafka key replacing each other), any other value (lists included) replaced; a
//! top-level section left empty in a later file keeps the earlier one.

mod acls;
mod build;
mod pattern;
mod quotas;
mod values;
pub mod view;
mod yaml;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;

use crate::diag::{FileError, FileErrors};
use crate::schema::{Format, Mode, Policy};

pub use pattern::{KeyPattern, glob_match, glob_match_bytes};
pub use values::humanize;

/// Every problem found in the spec files, each with its place. Rendered one after another by the
/// printer; exit code 2.
pub type SpecError = FileErrors;

/// Topic-name patterns that are always protected from deletion, whatever the spec says.
pub const BUILTIN_PROTECTED: &[&str] = &[
    "__*",
    "_schemas",
    "_connect-*",
    "*-changelog",
    "_confluent*",
];

/// The `ignore_configs` patterns used when the spec gives none: keys Confluent Cloud sets itself.
pub const DEFAULT_IGNORE_CONFIGS: &[&str] = &[r"^confluent\."];

/// Where something was written: file, 1-based line and column (in characters), and the byte range.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    /// Byte offset in the file.
    pub offset: usize,
    /// Length in bytes of the text (0 when unknown).
    pub len: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.column)
    }
}

impl Serialize for Origin {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Which level of the spec a resolved value came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    /// `defaults:`.
    Defaults,
    /// A named profile.
    Profile(String),
    /// The topic's own entry.
    Topic,
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Layer::Defaults => f.write_str("defaults"),
            Layer::Profile(p) => write!(f, "profile {p}"),
            Layer::Topic => f.write_str("topic"),
        }
    }
}

/// Where a resolved value came from: the level and the place of the value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Provenance {
    pub layer: Layer,
    pub origin: Origin,
}

/// A desired topic config value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigValue {
    /// Set the topic override to this Kafka string (already normalised: `7d` is `604800000`).
    Set(String),
    /// `-1`: no topic override; the topic follows the cluster's value (the plan unsets an override).
    ClusterDefault,
}

impl ConfigValue {
    /// The Kafka string, or None for the cluster default.
    pub fn as_set(&self) -> Option<&str> {
        match self {
            ConfigValue::Set(s) => Some(s),
            ConfigValue::ClusterDefault => None,
        }
    }
}

impl Serialize for ConfigValue {
    /// The Kafka string, or null for the cluster default.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            ConfigValue::Set(v) => s.serialize_str(v),
            ConfigValue::ClusterDefault => s.serialize_none(),
        }
    }
}

/// One topic, resolved: defaults, then its profile, then its own fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicSpec {
    pub name: String,
    /// None: not given anywhere; Some(-1): the cluster default.
    pub partitions: Option<i32>,
    /// None: not given anywhere; Some(-1): the cluster default.
    pub replication_factor: Option<i16>,
    /// Kafka config key to desired value. Keys not given at any level are absent.
    pub configs: BTreeMap<String, ConfigValue>,
    /// The profile the topic uses, if any.
    pub profile: Option<String>,
    /// The place of the topic's entry (its `name:` value).
    pub origin: Origin,
    /// Where each resolved value came from, keyed by `partitions`, `replication_factor` and the
    /// Kafka config keys.
    pub sources: BTreeMap<String, Provenance>,
}

/// The topics (and principals) this spec owns: only these may ever be deleted by a prune.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Managed {
    /// Name prefixes.
    pub prefixes: Vec<String>,
    /// Exact names.
    pub topics: Vec<String>,
    /// Principals whose ACLs the spec owns (besides those it declares ACLs for).
    pub principals: Vec<String>,
}

/// The client quotas of one entity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuotaSpec {
    pub entity: crate::quota::Entity,
    /// Quota key to value (bytes per second for byte rates).
    pub values: BTreeMap<String, f64>,
    pub origin: Origin,
}

impl Eq for QuotaSpec {}

/// One ACL the spec declares (roles expanded), with the place of its entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AclDecl {
    #[serde(flatten)]
    pub acl: crate::acl::Acl,
    pub origin: Origin,
}

impl Managed {
    /// True when the spec owns `topic` (a prefix or an explicit name matches). With no `managed:`
    /// section nothing is owned.
    pub fn owns(&self, topic: &str) -> bool {
        self.prefixes.iter().any(|p| topic.starts_with(p.as_str()))
            || self.topics.iter().any(|t| t == topic)
    }

    /// True when nothing is owned.
    pub fn is_empty(&self) -> bool {
        self.prefixes.is_empty() && self.topics.is_empty()
    }
}

/// Lag thresholds of a consumer group (`evctl lag`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsumerSpec {
    pub group: String,
    pub topics: Vec<String>,
    /// Most records behind, summed over the group's partitions of these topics.
    pub max_lag: Option<u64>,
    /// Longest time the group may be behind.
    #[serde(serialize_with = "ser_opt_duration")]
    pub max_time_lag: Option<Duration>,
    pub origin: Origin,
}

fn ser_opt_duration<S: serde::Serializer>(d: &Option<Duration>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&crate::units::format_duration(*d)),
        None => s.serialize_none(),
    }
}

/// A schema reference (`references:` of a schema): the name the schema imports it by, and its file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SchemaReference {
    pub name: String,
    /// Resolved against the directory of the spec file that names it; it exists.
    pub file: PathBuf,
}

/// A schema to gate in CI (`evctl schema check`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SchemaSpec {
    pub subject: String,
    /// Resolved against the directory of the spec file that names it; it exists.
    pub file: PathBuf,
    /// From `type:`, else from the file's extension.
    pub format: Format,
    pub compatibility: Mode,
    /// JSON Schema compatibility policy, when given.
    pub policy: Option<Policy>,
    pub references: Vec<SchemaReference>,
    pub origin: Origin,
}

/// The text of a loaded file, kept for diagnostics found after loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceText {
    pub path: PathBuf,
    pub text: Arc<str>,
}

/// A loaded, validated spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// Topics in the order of the files, resolved and normalised.
    pub topics: Vec<TopicSpec>,
    /// Names of the profiles defined.
    pub profiles: Vec<String>,
    pub managed: Managed,
    /// Globs of topics never to delete: the built-in ones, then the spec's.
    pub protected: Vec<String>,
    /// Patterns of config keys the server manages, left out of diffs (see [`ignored_config`]).
    pub ignore_configs: Vec<String>,
    pub consumers: Vec<ConsumerSpec>,
    pub schemas: Vec<SchemaSpec>,
    /// Dead-letter header dialects of your own (`evctl dlq`), in the order of the files.
    pub dialects: Vec<crate::dlq::dialect::CustomDialect>,
    /// ACLs (the `acls:` section and the topics' `acls:`), each once.
    pub acls: Vec<AclDecl>,
    /// Client quotas, one entry per entity.
    pub quotas: Vec<QuotaSpec>,
    /// The files, in the order they were merged.
    pub sources: Vec<SourceText>,
}

impl Default for Spec {
    /// An empty spec with the built-in protected and ignore patterns.
    fn default() -> Self {
        Spec {
            topics: Vec::new(),
            profiles: Vec::new(),
            managed: Managed::default(),
            protected: BUILTIN_PROTECTED.iter().map(|s| s.to_string()).collect(),
            ignore_configs: DEFAULT_IGNORE_CONFIGS
                .iter()
                .map(|s| s.to_string())
                .collect(),
            consumers: Vec::new(),
            schemas: Vec::new(),
            dialects: Vec::new(),
            acls: Vec::new(),
            quotas: Vec::new(),
            sources: Vec::new(),
        }
    }
}

impl Spec {
    /// The principals whose ACLs a prune may delete: `managed.principals` and every principal
    /// the spec declares ACLs for.
    pub fn acl_principals(&self) -> std::collections::BTreeSet<&str> {
        (self.managed.principals.iter().map(String::as_str))
            .chain(self.acls.iter().map(|d| d.acl.principal.as_str()))
            .collect()
    }

    /// The topic named `name`.
    pub fn topic(&self, name: &str) -> Option<&TopicSpec> {
        self.topics.iter().find(|t| t.name == name)
    }
}

/// True when `topic` matches one of the spec's protected globs (the built-in ones included).
pub fn is_protected(spec: &Spec, topic: &str) -> bool {
    spec.protected.iter().any(|g| glob_match(g, topic))
}

/// True when config `key` matches one of the spec's `ignore_configs` patterns. A pattern that does
/// not compile (possible only in a hand-built spec) matches nothing.
pub fn ignored_config(spec: &Spec, key: &str) -> bool {
    spec.ignore_configs
        .iter()
        .filter_map(|p| KeyPattern::new(p).ok())
        .any(|p| p.is_match(key))
}

/// Loads, merges and validates spec files; later files override earlier ones. `env` looks up
/// environment variables for `${VAR}` (pass `&|k| std::env::var(k).ok()`).
pub fn load(files: &[PathBuf], env: &dyn Fn(&str) -> Option<String>) -> Result<Spec, SpecError> {
    let mut texts = Vec::with_capacity(files.len());
    let mut unreadable = Vec::new();
    for path in files {
        match crate::diag::read_text(path) {
            Ok(text) => texts.push((path.clone(), text)),
            Err(e) => unreadable.push(*e),
        }
    }
    if !unreadable.is_empty() {
        return Err(FileErrors::new(unreadable));
    }
    load_texts(texts, env)
}

/// Like [`load`], from texts already read: (path, text) pairs. Paths name the files in messages and
/// anchor relative schema paths.
pub fn load_texts(
    files: Vec<(PathBuf, String)>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Spec, SpecError> {
    let sources: Vec<SourceText> = files
        .into_iter()
        .map(|(path, text)| SourceText {
            path,
            text: Arc::from(text),
        })
        .collect();
    let mut problems = Problems::new(sources.clone());
    let mut trees = Vec::new();
    let mut unparsed = false;
    for (i, src) in sources.iter().enumerate() {
        match yaml::parse(i, &src.text, env, &mut problems) {
            Some(tree) if tree.is_null() => {
                problems.whole(i, "the file is empty: expected a mapping with `topics:`")
            }
            Some(tree) => trees.push(tree),
            None => unparsed = true,
        }
    }
    if unparsed {
        // checking the others without it would report what it defines as missing
        return Err(problems.into_error());
    }
    let merged = yaml::merge_files(trees, &mut problems);
    let spec = build::build(merged.as_ref(), sources, &mut problems);
    problems.into_result(spec)
}

/// Checks what needs the cluster's size: a replication factor above the number of live brokers
/// cannot be satisfied. The plan calls this once it knows the brokers.
pub fn validate_against_brokers(spec: &Spec, live_brokers: usize) -> Result<(), SpecError> {
    let mut problems = Problems::new(spec.sources.clone());
    for t in &spec.topics {
        let Some(rf) = t.replication_factor.filter(|rf| *rf > 0) else {
            continue;
        };
        if rf as usize <= live_brokers {
            continue;
        }
        let at = t
            .sources
            .get("replication_factor")
            .map_or(&t.origin, |p| &p.origin);
        let from = t
            .sources
            .get("replication_factor")
            .filter(|p| p.layer != Layer::Topic)
            .map(|p| format!(" (from {})", p.layer))
            .unwrap_or_default();
        problems.at_origin_help(
            at,
            format!(
                "topic `{}`: replication factor {rf}{from} is more than the {live_brokers} live broker{}",
                t.name,
                if live_brokers == 1 { "" } else { "s" }
            ),
            "lower replication_factor, or use -1 for the cluster default",
        );
    }
    problems.into_result(())
}

/// Byte offsets where the lines of `text` start.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// One problem found while loading.
#[derive(Debug)]
struct Problem {
    file: usize,
    /// Byte offset and length; None for the whole file.
    at: Option<(usize, usize)>,
    message: String,
    help: Option<String>,
    /// Kept even inside a poisoned range (it is the reason for the poisoning).
    root: bool,
}

/// The problems found so far, and the files they are in.
pub(crate) struct Problems {
    sources: Vec<SourceText>,
    /// Byte offsets of the line starts of each file, for line:col of many places quickly.
    line_starts: Vec<Vec<usize>>,
    list: Vec<Problem>,
    /// Values already reported as unusable (an unset variable): later complaints about them are
    /// consequences, and dropped.
    poisoned: Vec<yaml::Pos>,
}

impl Problems {
    fn new(sources: Vec<SourceText>) -> Self {
        let line_starts = sources.iter().map(|s| line_starts(&s.text)).collect();
        Problems {
            sources,
            line_starts,
            list: Vec::new(),
            poisoned: Vec::new(),
        }
    }

    /// A problem at a place.
    pub fn at(&mut self, pos: yaml::Pos, message: impl Into<String>) {
        self.push(pos, message.into(), None);
    }

    /// A problem at a place, with a hint.
    pub fn at_help(&mut self, pos: yaml::Pos, message: impl Into<String>, help: impl Into<String>) {
        self.push(pos, message.into(), Some(help.into()));
    }

    fn push(&mut self, pos: yaml::Pos, message: String, help: Option<String>) {
        self.list.push(Problem {
            file: pos.file,
            at: Some((pos.offset, pos.len)),
            message,
            help,
            root: false,
        });
    }

    /// Marks a value as already reported: the problems recorded so far inside it stay, later ones
    /// about it are dropped.
    pub fn poison(&mut self, pos: yaml::Pos) {
        for p in &mut self.list {
            if p.file == pos.file
                && p.at
                    .is_some_and(|(o, _)| o >= pos.offset && o < pos.offset + pos.len.max(1))
            {
                p.root = true;
            }
        }
        self.poisoned.push(pos);
    }

    /// A problem with a whole file.
    pub fn whole(&mut self, file: usize, message: impl Into<String>) {
        self.list.push(Problem {
            file,
            at: None,
            message: message.into(),
            help: None,
            root: true,
        });
    }

    fn at_origin_help(&mut self, origin: &Origin, message: String, help: &str) {
        let file = self
            .sources
            .iter()
            .position(|s| s.path == origin.file)
            .unwrap_or_else(|| {
                self.sources.push(SourceText {
                    path: origin.file.clone(),
                    text: Arc::from(""),
                });
                self.line_starts.push(vec![0]);
                self.sources.len() - 1
            });
        self.push(
            yaml::Pos {
                file,
                offset: origin.offset,
                len: origin.len,
            },
            message,
            Some(help.to_string()),
        );
    }

    /// The source text at a place, when its length is known.
    pub fn source(&self, pos: yaml::Pos) -> Option<&str> {
        if pos.len == 0 {
            return None;
        }
        self.sources[pos.file]
            .text
            .get(pos.offset..pos.offset + pos.len)
    }

    /// The 1-based line of a place.
    pub fn line(&self, pos: yaml::Pos) -> usize {
        self.origin(pos).line
    }

    /// "line 3" when `pos` is in file `from`, else "line 3 of base.yaml": for messages that point
    /// at one place and mention another.
    pub fn line_ref(&self, pos: yaml::Pos, from: usize) -> String {
        let line = self.line(pos);
        if pos.file == from {
            format!("line {line}")
        } else {
            format!("line {line} of {}", self.sources[pos.file].path.display())
        }
    }

    /// The byte offset of a 1-based line and (character) column of a file.
    pub fn offset_of(&self, file: usize, line: usize, column: usize) -> usize {
        let text = &self.sources[file].text;
        let starts = &self.line_starts[file];
        let Some(&start) = starts.get(line.saturating_sub(1)) else {
            return text.len();
        };
        let rest = &text[start..];
        let line_text = &rest[..rest.find('\n').unwrap_or(rest.len())];
        start
            + line_text
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(line_text.len(), |(b, _)| b)
    }

    /// A place as an [`Origin`].
    pub fn origin(&self, pos: yaml::Pos) -> Origin {
        let src = &self.sources[pos.file];
        let starts = &self.line_starts[pos.file];
        let offset = pos.offset.min(src.text.len());
        let i = starts.partition_point(|&s| s <= offset).max(1) - 1;
        let column = src
            .text
            .get(starts[i]..offset)
            .map_or(1, |t| t.chars().count() + 1);
        let (line, column) = (i + 1, column);
        Origin {
            file: src.path.clone(),
            line,
            column,
            offset: pos.offset,
            len: pos.len,
        }
    }

    /// The directory a file's relative paths are resolved against.
    pub fn dir_of(&self, file: usize) -> &Path {
        self.sources[file]
            .path
            .parent()
            .unwrap_or_else(|| Path::new(""))
    }

    /// `value` when nothing went wrong (consequences of poisoned values aside); else every problem.
    fn into_result<T>(mut self, value: T) -> Result<T, SpecError> {
        let poisoned = std::mem::take(&mut self.poisoned);
        self.list.retain(|p| {
            p.root
                || !poisoned.iter().any(|q| {
                    q.file == p.file
                        && p.at
                            .is_some_and(|(o, _)| o >= q.offset && o < q.offset + q.len.max(1))
                })
        });
        if self.list.is_empty() {
            return Ok(value);
        }
        Err(self.into_error())
    }

    /// Every problem recorded, by file and place, each once.
    fn into_error(mut self) -> FileErrors {
        let shown: Vec<Arc<str>> = self
            .sources
            .iter()
            .map(|s| crate::diag::display_text(&s.text))
            .collect();
        self.list
            .sort_by_key(|p| (p.file, p.at.map_or(0, |a| a.0 + 1)));
        self.list
            .dedup_by(|a, b| a.file == b.file && a.at == b.at && a.message == b.message);
        let errors = self
            .list
            .into_iter()
            .map(|p| {
                let src = &self.sources[p.file];
                let e = match p.at {
                    Some((offset, len)) if !src.text.is_empty() => {
                        FileError::spanned(&src.path, &shown[p.file], offset, len, p.message)
                    }
                    _ => FileError::whole(&src.path, p.message),
                };
                match p.help {
                    Some(h) => e.with_help(h),
                    None => e,
                }
            })
            .collect();
        FileErrors::new(errors)
    }
}
