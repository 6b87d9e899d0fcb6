//! JSON Schema compatibility with Confluent Schema Registry's semantics (doc
//! `schema-compat.md` §3), re-implemented from its documented behaviour.
//!
//! [`parse`] reads a schema (and the schemas it references), checks it against its draft's
//! meta-schema when it is a new schema, and resolves every `$ref` into a graph. [`backward`] walks
//! two such graphs together and reports every difference as a [`Change`] named after Confluent's
//! `Difference.Type`, flagged compatible or not under the chosen [`Policy`]:
//!
//! - `$ref`s are followed (local pointers, `$defs`/`definitions`, `$id`s, anchors and the
//!   references), with memoisation; a pair of schemas met again inside itself (a recursive type)
//!   is taken as equal there, so cycles terminate;
//! - `type` may be a string or an array; `integer` → `number` widens (TYPE_EXTENDED), a type array
//!   is a sum type (`"string"` → `["string", "null"]` is SUM_TYPE_EXTENDED);
//! - adding a property is judged by the original's content model (open, partially open, closed),
//!   removing one by the update's;
//! - `oneOf`/`anyOf`/`allOf` subschemas are paired by a maximum-cardinality matching of the
//!   compatible pairs; `not` is compared in reverse; annotations (`title`, `description`, `$id`,
//!   `default`) change compatibly; two `connect.type: bytes` schemas are equal.
//!
//! A definition reached along several paths is compared once and its differences are reported
//! at the first path (in key order). Chains of more than 128 nested distinct `$ref` targets are
//! not followed further (the stack is finite; nothing realistic gets near).
//!
//! FORWARD is the caller's business: `backward(new, old)`.

mod diff;
mod ir;
mod kinds;
pub(crate) mod locate;
#[cfg(test)]
mod tests;

use serde_json::Value;

use crate::schema::{Change, ParseError, Policy, Source};
use ir::{Doc, Draft, Graph};

/// A parsed JSON Schema: the document as written, plus the graph of its subschemas with every
/// `$ref` (local or into `Source::references`) resolved.
#[derive(Debug, Clone)]
pub struct JsonSchema {
    value: Value,
    graph: Graph,
}

impl JsonSchema {
    /// The schema document as parsed.
    pub fn value(&self) -> &Value {
        &self.value
    }
}

/// Parses a JSON Schema.
///
/// Invalid JSON gives a [`ParseError`] with the line and column. With `strict` (a new schema),
/// the schema and its references are validated against their draft's meta-schema (drafts 4, 6,
/// 7, 2019-09 and 2020-12 by `$schema`; draft 7, Confluent's default, when it names none or an
/// unknown one), and the first violation is reported with its JSON pointer, position and the
/// number of further problems. Previous versions (`strict` false) are taken as they are.
/// `source.references` hold the schemas that `$ref`s name by URL or file name
/// (`"$ref": "payload.json#/$defs/Money"`); nothing is fetched. A `$ref` that resolves to nothing
/// is an error either way.
pub fn parse(source: &Source, strict: bool) -> Result<JsonSchema, ParseError> {
    let value = read(&source.name, &source.text, strict)?;
    let mut refs = Vec::with_capacity(source.references.len());
    for r in &source.references {
        refs.push(read(&r.name, &r.text, strict)?);
    }
    let main_draft = Draft::detect(&value).unwrap_or(Draft::D7);
    let base_of = |v: &Value, draft: Draft, name: &str| {
        let key = if draft == Draft::D4 { "id" } else { "$id" };
        match v.get(key).and_then(Value::as_str) {
            Some(id) => ir::join_uri(name, id.split('#').next().unwrap_or("")),
            None => name.to_string(),
        }
    };
    // ids and anchors below the root are looked for only when the text may have some
    let nested_ids = |text: &str, v: &Value| {
        let at_root = |key: &str| usize::from(v.get(key).is_some_and(Value::is_string));
        text.contains("\"$anchor\"")
            || text.matches("\"$id\"").count() > at_root("$id")
            || text.matches("\"id\"").count() > at_root("id")
    };
    let mut docs = vec![Doc {
        name: &source.name,
        value: &value,
        base: base_of(&value, main_draft, ""),
        draft: main_draft,
        nested_ids: nested_ids(&source.text, &value),
    }];
    for (r, v) in source.references.iter().zip(&refs) {
        let draft = Draft::detect(v).unwrap_or(main_draft);
        docs.push(Doc {
            name: &r.name,
            value: v,
            base: base_of(v, draft, &r.name),
            draft,
            nested_ids: nested_ids(&r.text, v),
        });
    }
    let graph = ir::build(&docs).map_err(|e| {
        let (name, text) = if e.doc == 0 {
            (&source.name, &source.text)
        } else {
            let r = &source.references[e.doc - 1];
            (&r.name, &r.text)
        };
        let ptr = if e.ptr.is_empty() { "/" } else { &e.ptr };
        let message = format!("{ptr}: {}", e.message);
        match locate::locate(text, &e.ptr) {
            Some((line, column)) => ParseError::at(name, line, column, message),
            None => ParseError::new(name, message),
        }
    })?;
    Ok(JsonSchema { value, graph })
}

/// Reads one document: JSON syntax, a schema's shape (object or boolean), and with `strict` the
/// meta-schema.
fn read(name: &str, text: &str, strict: bool) -> Result<Value, ParseError> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        // serde_json appends " at line L column C"; the position has its own fields
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m)
            .to_string();
        ParseError::at(
            name,
            e.line(),
            e.column(),
            format!("invalid JSON: {message}"),
        )
    })?;
    if !value.is_object() && !value.is_boolean() {
        return Err(ParseError::at(
            name,
            1,
            1,
            "a JSON Schema must be an object or a boolean",
        ));
    }
    if strict {
        meta_validate(name, text, &value)?;
    }
    Ok(value)
}

/// Checks a schema against its draft's meta-schema. The crate keeps one compiled validator per
/// draft, so this costs one validation pass.
fn meta_validate(name: &str, text: &str, value: &Value) -> Result<(), ParseError> {
    let draft = Draft::detect(value).unwrap_or(Draft::D7);
    let (validator, label) = match draft {
        Draft::D4 => (jsonschema::draft4::meta::validator(), "draft 4"),
        Draft::D6 => (jsonschema::draft6::meta::validator(), "draft 6"),
        Draft::D7 => (jsonschema::draft7::meta::validator(), "draft 7"),
        Draft::D2019 => (jsonschema::draft201909::meta::validator(), "draft 2019-09"),
        Draft::D2020 => (jsonschema::draft202012::meta::validator(), "draft 2020-12"),
    };
    let mut errors = validator.iter_errors(value);
    let Some(first) = errors.next() else {
        return Ok(());
    };
    let more = errors.count();
    let pointer = first.instance_path().as_str().to_string();
    let mut message = format!(
        "not a valid JSON Schema ({label} meta-schema): at {}: {first}",
        if pointer.is_empty() { "/" } else { &pointer }
    );
    if more > 0 {
        message.push_str(&format!(
            " (and {more} more problem{})",
            if more == 1 { "" } else { "s" }
        ));
    }
    Err(match locate::locate(text, &pointer) {
        Some((line, column)) => ParseError::at(name, line, column, message),
        None => ParseError::new(name, message),
    })
}

/// Every difference between `old` (the original) and `new` (the update): Confluent's BACKWARD
/// check, `SchemaDiff.compare(original = old, update = new)`.
///
/// Each [`Change`] has `kind` = Confluent's `Difference.Type` name
/// (`OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL`, `TYPE_EXTENDED`, `MAX_LENGTH_ADDED`, ...),
/// `path` = where, as a JSON pointer fragment into the schemas (`#/properties/foo/maxLength`;
/// `#/` for the root; through a `$ref`, the path of the referring location), a description, and
/// `compatible` = whether `policy` accepts that kind (STRICT, or LENIENT = STRICT plus the
/// lenient extras). The check passes when every change is compatible. For FORWARD, swap the
/// arguments.
pub fn backward(old: &JsonSchema, new: &JsonSchema, policy: Policy) -> Vec<Change> {
    diff::Differ::new(&old.graph, &new.graph, policy)
        .run()
        .into_iter()
        .map(|d| {
            let path = if d.path.is_empty() {
                "#/".to_string()
            } else {
                format!("#{}", d.path)
            };
            Change::new(
                d.kind.name(),
                path,
                d.description,
                d.kind.compatible(policy),
            )
        })
        .collect()
}
