//! The YAML layer: each file parsed by serde-saphyr into a tree of nodes that know their place,
//! `${VAR}` expansion in values, and the merge of several files into one tree.

use std::collections::HashMap;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{DuplicateKeyPolicy, MessageFormatter, Spanned};

use super::Problems;

/// A place in one of the loaded files: file index and byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Pos {
    pub file: usize,
    pub offset: usize,
    /// 0 when unknown (the token at `offset` is underlined).
    pub len: usize,
}

impl Pos {
    /// The same place narrowed to a sub-range of bytes.
    pub fn sub(self, start: usize, len: usize) -> Pos {
        Pos {
            file: self.file,
            offset: self.offset + start,
            len,
        }
    }
}

/// A YAML value and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub pos: Pos,
    pub kind: Kind,
}

/// A mapping key: always text (YAML integer keys become their decimal text).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Key {
    pub name: String,
    pub pos: Pos,
}

/// The kinds of YAML values.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    Null,
    Bool(bool),
    Int(i64),
    /// An integer literal too large for 64 bits (its text).
    BigInt(String),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Key, Node)>),
}

impl Kind {
    /// The YAML type name, for "expected X, found Y" messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Kind::Null => "nothing (null)",
            Kind::Bool(_) => "a boolean",
            Kind::Int(_) | Kind::BigInt(_) => "an integer",
            Kind::Float(_) => "a number with a fraction",
            Kind::Str(_) => "a string",
            Kind::Seq(_) => "a list",
            Kind::Map(_) => "a mapping",
        }
    }
}

impl Node {
    /// The entries, when this is a mapping.
    pub fn as_map(&self) -> Option<&[(Key, Node)]> {
        match &self.kind {
            Kind::Map(m) => Some(m),
            _ => None,
        }
    }

    /// The value of `key`, when this is a mapping holding it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.as_map()?
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| v)
    }

    /// The text, when this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::Str(s) => Some(s),
            _ => None,
        }
    }

    /// True for YAML null (`~`, `null`, or nothing).
    pub fn is_null(&self) -> bool {
        matches!(self.kind, Kind::Null)
    }
}

/// What serde-saphyr hands us: values with their locations.
enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<Raw>, Spanned<Raw>)>),
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Raw;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any YAML value")
            }
            fn visit_unit<E>(self) -> Result<Raw, E> {
                Ok(Raw::Null)
            }
            fn visit_none<E>(self) -> Result<Raw, E> {
                Ok(Raw::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
                Raw::deserialize(d)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
                Ok(Raw::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
                Ok(Raw::Int(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
                Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
            }
            fn visit_i128<E>(self, v: i128) -> Result<Raw, E> {
                Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
            }
            fn visit_u128<E>(self, v: u128) -> Result<Raw, E> {
                Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
                Ok(Raw::Float(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
                Ok(Raw::Str(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<Raw, E> {
                Ok(Raw::Str(v))
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Raw, E> {
                String::from_utf8(v.to_vec())
                    .map(Raw::Str)
                    .map_err(|_| E::custom("binary values are not supported"))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Raw, A::Error> {
                let mut v = Vec::new();
                while let Some(x) = a.next_element()? {
                    v.push(x);
                }
                Ok(Raw::Seq(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Raw, A::Error> {
                let mut v = Vec::new();
                while let Some(entry) = a.next_entry()? {
                    v.push(entry);
                }
                Ok(Raw::Map(v))
            }
        }
        d.deserialize_any(V)
    }
}

/// The byte range of a serde-saphyr location in file `file` (offsets from line and column when the
/// parser has no byte offsets for it).
fn range_of(
    problems: &Problems,
    file: usize,
    text: &str,
    loc: &serde_saphyr::Location,
) -> (usize, usize) {
    let span = loc.span();
    match (span.byte_offset(), span.byte_len()) {
        (Some(o), Some(l)) if (o as usize) <= text.len() => {
            (o as usize, (l as usize).min(text.len() - o as usize))
        }
        _ => (
            problems.offset_of(file, loc.line() as usize, loc.column() as usize),
            0,
        ),
    }
}

/// The YAML budget of a file of `len` bytes. Without aliases a node takes at least a byte of text,
/// so a file may hold as many nodes as it has bytes (at least 20,000, at most a million): what
/// aliases can add beyond that is an expansion bomb (billion laughs), refused early while it is
/// still small. Nesting stops at 64 levels.
fn node_budget(len: usize) -> Option<serde_saphyr::Budget> {
    serde_saphyr::budget! {
        max_nodes: len.clamp(20_000, 1_000_000),
        max_depth: 64,
        max_recorded_anchor_bytes: 4 * 1024 * 1024,
    }
}

/// Parses one file's text into a node tree, expanding `${VAR}` in values. Problems (syntax errors,
/// duplicate keys, unset variables) are recorded; the tree is None when the YAML cannot be read.
pub(crate) fn parse(
    file: usize,
    text: &str,
    env: &dyn Fn(&str) -> Option<String>,
    problems: &mut Problems,
) -> Option<Node> {
    let options = serde_saphyr::options! {
        duplicate_keys: DuplicateKeyPolicy::PassThrough,
        strict_booleans: true,
        with_snippet: false,
        budget: node_budget(text.len()),
    };
    match serde_saphyr::from_str_with_options::<Spanned<Raw>>(text, options) {
        Ok(raw) => Some(
            Converter {
                file,
                text,
                env,
                problems,
            }
            .node(raw),
        ),
        Err(e) => {
            let message = serde_saphyr::DefaultMessageFormatter
                .format_message(e.without_snippet())
                .into_owned();
            let pos = e.location().map(|l| {
                let (offset, len) = range_of(problems, file, text, &l);
                Pos { file, offset, len }
            });
            let message = format!("invalid YAML: {message}");
            match pos {
                Some(p) => problems.at(p, message),
                None => problems.whole(file, message),
            }
            None
        }
    }
}

struct Converter<'a> {
    file: usize,
    text: &'a str,
    env: &'a dyn Fn(&str) -> Option<String>,
    problems: &'a mut Problems,
}

impl Converter<'_> {
    fn pos(&self, loc: &serde_saphyr::Location) -> Pos {
        let (offset, len) = range_of(self.problems, self.file, self.text, loc);
        Pos {
            file: self.file,
            offset,
            len,
        }
    }

    /// The source text of a scalar, when its place is known exactly.
    fn source(&self, pos: Pos) -> Option<&str> {
        self.text.get(pos.offset..pos.offset + pos.len)
    }

    fn node(&mut self, raw: Spanned<Raw>) -> Node {
        let pos = self.pos(&raw.referenced);
        let kind = match raw.value {
            Raw::Null => Kind::Null,
            Raw::Bool(b) => Kind::Bool(b),
            Raw::Int(i) => Kind::Int(i),
            Raw::Float(f) => match self.source(pos) {
                // an integer literal past i64 arrives as a float: keep it an integer, too large
                Some(src) if is_int_literal(src) => Kind::BigInt(src.to_string()),
                _ => Kind::Float(f),
            },
            Raw::Str(s) if s.contains('$') => {
                // a plain (unquoted, one-line) scalar is written exactly as its value
                let plain = self.source(pos) == Some(s.as_str());
                match self.expand(&s, pos) {
                    Some(expanded) if plain && expanded != s => resolve_plain(expanded),
                    Some(expanded) => Kind::Str(expanded),
                    None => {
                        // reported; complaints about the unexpanded text would only be noise
                        self.problems.poison(pos);
                        Kind::Str(s)
                    }
                }
            }
            Raw::Str(s) => Kind::Str(s),
            Raw::Seq(items) => Kind::Seq(items.into_iter().map(|i| self.node(i)).collect()),
            Raw::Map(entries) => {
                let mut out: Vec<(Key, Node)> = Vec::with_capacity(entries.len());
                for (k, v) in entries {
                    let kpos = self.pos(&k.referenced);
                    let name = match k.value {
                        Raw::Str(s) => s,
                        Raw::Int(i) => i.to_string(),
                        Raw::Bool(b) => b.to_string(),
                        _ => {
                            self.problems.at(
                                kpos,
                                "keys must be plain words, not lists, mappings or null",
                            );
                            continue;
                        }
                    };
                    let v = self.node(v);
                    if let Some((first, _)) = out.iter().find(|(f, _)| f.name == name) {
                        let line = self.problems.line(first.pos);
                        self.problems.at(
                            kpos,
                            format!(
                                "duplicate key `{}` (first given on line {line})",
                                show(&name)
                            ),
                        );
                        continue;
                    }
                    out.push((Key { name, pos: kpos }, v));
                }
                Kind::Map(out)
            }
        };
        Node { pos, kind }
    }

    /// Expands `${VAR}` and `${VAR:-default}` (default when VAR is unset or empty); `$$` is a literal
    /// `$`. None (after recording the problems) when a variable is unset without a default or the
    /// syntax is wrong.
    fn expand(&mut self, s: &str, pos: Pos) -> Option<String> {
        let src = self.source(pos).map(str::to_string);
        // the place of a `${...}` inside the scalar, when the source shows it
        let place = |needle: &str| -> Pos {
            match src.as_deref().and_then(|t| t.find(needle)) {
                Some(i) => pos.sub(i, needle.len()),
                None => pos,
            }
        };
        let mut out = String::with_capacity(s.len());
        let mut ok = true;
        let mut rest = s;
        while let Some(i) = rest.find('$') {
            out.push_str(&rest[..i]);
            let after = &rest[i + 1..];
            if let Some(tail) = after.strip_prefix('$') {
                out.push('$');
                rest = tail;
            } else if let Some(body) = after.strip_prefix('{') {
                let Some(end) = body.find('}') else {
                    let p = place(&rest[i..]);
                    self.problems.at(
                        p,
                        "unclosed `${`: write ${VAR} or ${VAR:-default} ($$ for a literal $)",
                    );
                    return None;
                };
                let inner = &body[..end];
                let whole = &rest[i..i + 3 + end];
                let (name, default) = match inner.split_once(":-") {
                    Some((n, d)) => (n, Some(d)),
                    None => (inner, None),
                };
                if name.is_empty()
                    || name.starts_with(|c: char| c.is_ascii_digit())
                    || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                {
                    self.problems.at(
                        place(whole),
                        format!(
                            "invalid variable reference `{}`: write ${{VAR}} or ${{VAR:-default}}",
                            show(whole)
                        ),
                    );
                    ok = false;
                } else {
                    match ((self.env)(name), default) {
                        (Some(v), _) if !v.is_empty() => out.push_str(&v),
                        (_, Some(d)) => out.push_str(d),
                        (value, None) => {
                            let state = if value.is_some() { "empty" } else { "not set" };
                            self.problems.at_help(
                                place(whole),
                                format!("environment variable {name} is {state}"),
                                format!("set {name}, or give a default: ${{{name}:-value}}"),
                            );
                            ok = false;
                        }
                    }
                }
                rest = &body[end + 1..];
            } else {
                out.push('$');
                rest = after;
            }
        }
        out.push_str(rest);
        ok.then_some(out)
    }
}

fn is_int_literal(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Types an expanded plain scalar as YAML would have typed the text (so `partitions: ${N}` is an
/// integer): integers, booleans, numbers with a fraction, null; everything else stays a string.
fn resolve_plain(s: String) -> Kind {
    match s.as_str() {
        "~" | "null" | "Null" | "NULL" => return Kind::Null,
        "true" | "True" | "TRUE" => return Kind::Bool(true),
        "false" | "False" | "FALSE" => return Kind::Bool(false),
        _ => {}
    }
    if is_int_literal(&s) {
        return s.parse().map_or(Kind::BigInt(s), Kind::Int);
    }
    let looks_float = s.bytes().any(|b| b.is_ascii_digit())
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b));
    match s.parse::<f64>() {
        Ok(f) if looks_float => Kind::Float(f),
        _ => Kind::Str(s),
    }
}

/// Text from a file, escaped for one line and shortened: safe to put in a message.
pub(crate) fn show(s: &str) -> String {
    let mut out = crate::output::sanitize(s).into_owned();
    if out.chars().count() > 80 {
        out = out.chars().take(77).collect::<String>() + "...";
    }
    out
}

/// The top-level lists whose entries are merged by a field rather than replaced, with that field.
const NAMED_LISTS: &[(&str, &str)] = &[
    ("topics", "name"),
    ("consumers", "group"),
    ("schemas", "subject"),
    ("dialects", "name"),
    ("acls", "principal"),
];

/// Pairs of a first-class field and the Kafka key it sets: setting one in a later file drops the
/// other from the earlier one, so an overlay can override either way.
pub(crate) const FIRST_CLASS: &[(&str, &str)] = &[
    ("retention", "retention.ms"),
    ("retention_bytes", "retention.bytes"),
    ("compression", "compression.type"),
    ("cleanup_policy", "cleanup.policy"),
    ("min_insync_replicas", "min.insync.replicas"),
    ("max_message_bytes", "max.message.bytes"),
];

/// Merges a later file's tree into the earlier one: mappings merge key by key, entries of
/// `topics`/`consumers`/`schemas`/`dialects` merge by name/group/subject/name field by field,
/// anything else (lists included) is replaced. Duplicate names within one file are recorded as problems.
pub(crate) fn merge_files(trees: Vec<Node>, problems: &mut Problems) -> Option<Node> {
    let mut merged: Option<Node> = None;
    for tree in trees {
        let tree = dedupe_named(tree, problems);
        merged = Some(match merged {
            None => tree,
            Some(mut base) => {
                prepare_overrides(&mut base, &tree);
                merge(base, tree, 0)
            }
        });
    }
    merged
}

/// Records duplicate entries of the named lists of one file, keeping the first.
fn dedupe_named(mut tree: Node, problems: &mut Problems) -> Node {
    let Kind::Map(entries) = &mut tree.kind else {
        return tree;
    };
    for (key, value) in entries.iter_mut() {
        let Some((list, field)) = NAMED_LISTS.iter().find(|(l, _)| *l == key.name) else {
            continue;
        };
        let Kind::Seq(items) = &mut value.kind else {
            continue;
        };
        let mut first: HashMap<String, Pos> = HashMap::new();
        let mut kept: Vec<Node> = Vec::with_capacity(items.len());
        for item in items.drain(..) {
            if let Some(id_node) = item.get(field)
                && let Some(id) = id_node.as_str()
            {
                if let Some(first_pos) = first.get(id) {
                    let what = match *list {
                        "topics" => "topic",
                        "consumers" => "consumer group",
                        "dialects" => "dialect",
                        "acls" => "principal",
                        _ => "schema subject",
                    };
                    let line = problems.line(*first_pos);
                    problems.at(
                        id_node.pos,
                        format!(
                            "duplicate {what} `{}` (first defined on line {line})",
                            show(id)
                        ),
                    );
                    continue;
                }
                first.insert(id.to_string(), id_node.pos);
            }
            kept.push(item);
        }
        *items = kept;
    }
    tree
}

fn merge(base: Node, over: Node, depth: usize) -> Node {
    match (base.kind, over.kind) {
        (Kind::Map(mut b), Kind::Map(o)) => {
            for (k, v) in o {
                match b.iter().position(|(bk, _)| bk.name == k.name) {
                    // a section left empty in a later file (`topics:` with everything commented
                    // out) keeps the earlier one rather than wiping it
                    Some(_) if depth == 0 && v.is_null() => {}
                    Some(i) => {
                        let (_, old) = b.remove(i);
                        let named = (depth == 0)
                            .then(|| NAMED_LISTS.iter().find(|(l, _)| *l == k.name))
                            .flatten();
                        let new = match named {
                            Some((_, field)) => merge_named(old, v, field),
                            None => merge(old, v, depth + 1),
                        };
                        b.insert(i, (k, new));
                    }
                    None => b.push((k, v)),
                }
            }
            Node {
                pos: over.pos,
                kind: Kind::Map(b),
            }
        }
        (_, kind) => Node {
            pos: over.pos,
            kind,
        },
    }
}

/// Merges two lists of named entries: entries of `over` with a name already in `base` merge into
/// it field by field (a first-class field and its Kafka key replace each other) and keep their
/// first place; new ones are appended.
fn merge_named(base: Node, over: Node, field: &str) -> Node {
    let (mut b, o) = match (base.kind, over.kind) {
        (Kind::Seq(b), Kind::Seq(o)) => (b, o),
        (_, kind) => {
            return Node {
                pos: over.pos,
                kind,
            };
        }
    };
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, item) in b.iter().enumerate() {
        if let Some(id) = item.get(field).and_then(Node::as_str) {
            index.entry(id.to_string()).or_insert(i);
        }
    }
    for item in o {
        let at = item
            .get(field)
            .and_then(Node::as_str)
            .and_then(|id| index.get(id).copied());
        match at {
            Some(i) => {
                let old = std::mem::replace(
                    &mut b[i],
                    Node {
                        pos: item.pos,
                        kind: Kind::Null,
                    },
                );
                let first_name = old.get(field).cloned();
                let mut merged = merge(drop_overridden(old, &item), item, 1);
                // the entry stays where it was first defined
                if let (Some(name), Kind::Map(entries)) = (first_name, &mut merged.kind)
                    && let Some((_, v)) = entries.iter_mut().find(|(k, _)| k.name == field)
                {
                    *v = name;
                }
                b[i] = merged;
            }
            None => {
                if let Some(id) = item.get(field).and_then(Node::as_str) {
                    index.insert(id.to_string(), b.len());
                }
                b.push(item);
            }
        }
    }
    Node {
        pos: over.pos,
        kind: Kind::Seq(b),
    }
}

/// Drops from `base` (a topic, profile or defaults mapping) the first-class fields whose Kafka key
/// `over` sets under `configs:`, and the `configs:` keys `over` sets as first-class fields.
fn drop_overridden(mut base: Node, over: &Node) -> Node {
    let over_configs = over.get("configs");
    let Kind::Map(entries) = &mut base.kind else {
        return base;
    };
    for (field, key) in FIRST_CLASS {
        if over_configs.and_then(|c| c.get(key)).is_some() {
            entries.retain(|(k, _)| k.name != *field);
        }
        if over.get(field).is_some()
            && let Some((_, configs)) = entries.iter_mut().find(|(k, _)| k.name == "configs")
            && let Kind::Map(c) = &mut configs.kind
        {
            c.retain(|(k, _)| k.name != *key);
        }
    }
    base
}

/// Merges profiles and defaults like topics: a first-class field in a later file replaces its Kafka
/// key from an earlier one and the other way round. Applied to `defaults` and each profile before
/// the generic merge.
fn prepare_overrides(base: &mut Node, over: &Node) {
    let Kind::Map(entries) = &mut base.kind else {
        return;
    };
    for (k, v) in entries.iter_mut() {
        match k.name.as_str() {
            "defaults" => {
                if let Some(o) = over.get("defaults") {
                    *v = drop_overridden(v.clone(), o);
                }
            }
            "profiles" => {
                let Some(o) = over.get("profiles") else {
                    continue;
                };
                if let Kind::Map(profiles) = &mut v.kind {
                    for (name, p) in profiles.iter_mut() {
                        if let Some(op) = o.get(&name.name) {
                            *p = drop_overridden(p.clone(), op);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}
