//! Avro schema compatibility as Confluent Schema Registry checks it.
//!
//! Confluent asks Apache Avro (Java) whether the new schema, as a reader, can decode everything
//! written with the old one (`SchemaCompatibility.checkReaderWriterCompatibility(reader = new,
//! writer = old)`). This module re-implements that check from the Avro specification's schema
//! resolution rules, with the checker's six kinds of incompatibility:
//!
//! - `NAME_MISMATCH`: record, enum or fixed whose unqualified names differ, when the reader's
//!   aliases (full names) do not include the writer's full name;
//! - `FIXED_SIZE_MISMATCH`: fixed sizes differ;
//! - `MISSING_ENUM_SYMBOLS`: writer symbols the reader lacks, and the reader enum has no default;
//! - `READER_FIELD_MISSING_DEFAULT_VALUE`: a reader field (matched by name, or by the reader
//!   field's aliases) that the writer lacks and that has no default;
//! - `TYPE_MISMATCH`: different types and no promotion (`int` to `long`, `float` or `double`,
//!   `long` to `float` or `double`, `float` to `double`, `string` to and from `bytes`);
//! - `MISSING_UNION_BRANCH`: a writer type (or writer union branch) no reader union branch reads.
//!
//! Logical types, `doc`, `order`, field defaults' values and custom properties are ignored, as
//! Java's checker ignores them. Paths are JSON pointers into the reader (new) schema as it is
//! walked: a named type defined once and used in two fields is reported under each field.
//!
//! Schemas are parsed with `serde_json` into a small model of their own: every named type is
//! defined once and referenced by index, so a type defined inline in one version and referenced
//! by name in the other compares the same, recursive types are plain cycles, and Confluent
//! schema references add their named types to the same table.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;

use serde_json::{Map, Value};

use crate::schema::{Change, ParseError, Source};

/// Index of a node (one occurrence of a type) in `AvroSchema::nodes`.
type NodeId = u32;
/// Index of a named type in `AvroSchema::named`.
type NamedId = u32;

/// Placeholder for a named reference until every definition is known.
const UNRESOLVED: NamedId = NamedId::MAX;

/// Avro's primitive types; their nodes are the first eight of every schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prim {
    Null,
    Boolean,
    Int,
    Long,
    Float,
    Double,
    Bytes,
    String,
}

const PRIMS: [Prim; 8] = [
    Prim::Null,
    Prim::Boolean,
    Prim::Int,
    Prim::Long,
    Prim::Float,
    Prim::Double,
    Prim::Bytes,
    Prim::String,
];

impl Prim {
    fn from_name(s: &str) -> Option<Prim> {
        PRIMS.iter().copied().find(|p| p.name() == s)
    }

    fn name(self) -> &'static str {
        match self {
            Prim::Null => "null",
            Prim::Boolean => "boolean",
            Prim::Int => "int",
            Prim::Long => "long",
            Prim::Float => "float",
            Prim::Double => "double",
            Prim::Bytes => "bytes",
            Prim::String => "string",
        }
    }

    /// The node every occurrence of this primitive shares.
    fn node(self) -> NodeId {
        self as NodeId
    }

    /// Whether data written as `self` can be read as `reader` (identity or a spec promotion).
    fn reads_as(self, reader: Prim) -> bool {
        use Prim::*;
        self == reader
            || matches!(
                (self, reader),
                (Int, Long | Float | Double)
                    | (Long, Float | Double)
                    | (Float, Double)
                    | (String, Bytes)
                    | (Bytes, String)
            )
    }
}

#[derive(Debug, Clone)]
enum Node {
    Prim(Prim),
    Array(NodeId),
    Map(NodeId),
    Union(Box<[NodeId]>),
    Named(NamedId),
}

#[derive(Debug, Clone)]
struct Named {
    /// Full name (`com.acme.Order`, or `Order` with no namespace).
    full: String,
    /// Where the unqualified name starts in `full`.
    simple_at: usize,
    /// Aliases as full names.
    aliases: Vec<String>,
    body: Body,
}

impl Named {
    fn simple(&self) -> &str {
        &self.full[self.simple_at..]
    }

    fn describe(&self) -> String {
        format!("{} '{}'", self.body.word(), self.full)
    }
}

#[derive(Debug, Clone)]
enum Body {
    Record {
        fields: Vec<Field>,
        by_name: HashMap<String, u32>,
    },
    Enum {
        symbols: Vec<String>,
        default: Option<String>,
    },
    Fixed {
        size: u64,
    },
}

impl Body {
    fn word(&self) -> &'static str {
        match self {
            Body::Record { .. } => "record",
            Body::Enum { .. } => "enum",
            Body::Fixed { .. } => "fixed",
        }
    }
}

#[derive(Debug, Clone)]
struct Field {
    name: String,
    aliases: Vec<String>,
    ty: NodeId,
    default: Option<Value>,
}

/// A parsed Avro schema: its types, with every named type (its own and those of its references)
/// defined once and referenced by index.
#[derive(Debug, Clone)]
pub struct AvroSchema {
    nodes: Vec<Node>,
    named: Vec<Named>,
    root: NodeId,
}

impl AvroSchema {
    fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    fn named(&self, id: NamedId) -> &Named {
        &self.named[id as usize]
    }

    /// A short description of a type for messages: `int`, `array`, `record 'com.acme.Order'`.
    fn describe(&self, id: NodeId) -> String {
        match self.node(id) {
            Node::Prim(p) => p.name().to_string(),
            Node::Array(_) => "array".to_string(),
            Node::Map(_) => "map".to_string(),
            Node::Union(_) => "union".to_string(),
            Node::Named(n) => self.named(*n).describe(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Parsing

/// Parses an Avro schema. `strict` is for a NEW schema (names validated, defaults validated against
/// their types); previous versions are parsed leniently (`strict = false`), as Confluent does.
/// `source.references` hold other schemas by full type name (Confluent references) whose named
/// types this schema may use.
///
/// Invalid JSON is reported with its line and column; invalid Avro with a message that says what
/// is wrong and where (a JSON pointer into the document).
pub fn parse(source: &Source, strict: bool) -> Result<AvroSchema, ParseError> {
    let mut p = Parser::new(strict);
    for reference in &source.references {
        let note = format!(" (in a schema referenced by {})", source.name);
        p.doc = p.docs.len();
        p.docs.push((reference.name.clone(), note.clone()));
        let value = parse_json(&reference.name, &reference.text).map_err(|mut e| {
            e.message.push_str(&note);
            e
        })?;
        p.parse_type(&value, "", &mut String::new())
            .map_err(|m| p.error(p.doc, m))?;
    }
    p.doc = p.docs.len();
    p.docs.push((source.name.clone(), String::new()));
    let value = parse_json(&source.name, &source.text)?;
    let root = p
        .parse_type(&value, "", &mut String::new())
        .map_err(|m| p.error(p.doc, m))?;
    p.finish(root)
}

fn parse_json(name: &str, text: &str) -> Result<Value, ParseError> {
    serde_json::from_str(text).map_err(|e| {
        let full = e.to_string();
        let message = match full.rfind(" at line ") {
            Some(i) => &full[..i],
            None => &full,
        };
        ParseError::at(
            name,
            e.line(),
            e.column(),
            format!("invalid JSON: {message}"),
        )
    })
}

/// `at /fields/2/type`, or `at the top level` for the root.
fn at(path: &str) -> String {
    if path.is_empty() {
        "at the top level".to_string()
    } else {
        format!("at {path}")
    }
}

/// Avro's name rule: `[A-Za-z_][A-Za-z0-9_]*`.
fn valid_name(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

const NAME_RULE: &str =
    "names must start with a letter or '_' and contain only letters, digits and '_'";

/// A named-type reference to resolve once every definition is known (definitions may follow
/// their first use, and references' types are shared).
struct PendingRef {
    node: NodeId,
    name: String,
    namespace: String,
    path: String,
    doc: usize,
}

struct Pending {
    path: String,
    doc: usize,
}

struct Parser {
    strict: bool,
    nodes: Vec<Node>,
    named: Vec<Named>,
    by_full: HashMap<String, NamedId>,
    refs: Vec<PendingRef>,
    unions: Vec<(NodeId, Pending)>,
    /// Field defaults to validate (strict only): record, field index.
    defaults: Vec<(NamedId, usize, Pending)>,
    /// Names of the documents parsed (references, then the schema) and what to add to their
    /// error messages.
    docs: Vec<(String, String)>,
    doc: usize,
}

type PResult<T> = Result<T, String>;

impl Parser {
    fn new(strict: bool) -> Parser {
        Parser {
            strict,
            nodes: PRIMS.iter().map(|p| Node::Prim(*p)).collect(),
            named: Vec::new(),
            by_full: HashMap::new(),
            refs: Vec::new(),
            unions: Vec::new(),
            defaults: Vec::new(),
            docs: Vec::new(),
            doc: 0,
        }
    }

    fn error(&self, doc: usize, message: String) -> ParseError {
        let (name, note) = &self.docs[doc];
        ParseError::new(name, message + note)
    }

    fn push(&mut self, node: Node) -> NodeId {
        self.nodes.push(node);
        (self.nodes.len() - 1) as NodeId
    }

    fn pending(&self, path: &str) -> Pending {
        Pending {
            path: path.to_string(),
            doc: self.doc,
        }
    }

    /// Parses any schema: a type name, a union (JSON array) or a schema object. `namespace` is
    /// the enclosing namespace; `path` the JSON pointer of `v`, restored on success.
    fn parse_type(&mut self, v: &Value, namespace: &str, path: &mut String) -> PResult<NodeId> {
        match v {
            Value::String(name) => Ok(self.type_name(name, namespace, path)),
            Value::Array(branches) => {
                let mut ids = Vec::with_capacity(branches.len());
                let base = path.len();
                for (i, b) in branches.iter().enumerate() {
                    let _ = write!(path, "/{i}");
                    if b.is_array() {
                        return Err(format!(
                            "a union cannot directly contain another union ({})",
                            at(path)
                        ));
                    }
                    ids.push(self.parse_type(b, namespace, path)?);
                    path.truncate(base);
                }
                let id = self.push(Node::Union(ids.into_boxed_slice()));
                let pending = self.pending(path);
                self.unions.push((id, pending));
                Ok(id)
            }
            Value::Object(obj) => self.parse_object(obj, namespace, path),
            other => Err(format!(
                "expected a schema (a type name, a union array or an object), found {} ({})",
                json_kind(other),
                at(path)
            )),
        }
    }

    /// A type given by name: a primitive, or a named type resolved later.
    fn type_name(&mut self, name: &str, namespace: &str, path: &str) -> NodeId {
        if let Some(p) = Prim::from_name(name) {
            return p.node();
        }
        let node = self.push(Node::Named(UNRESOLVED));
        self.refs.push(PendingRef {
            node,
            name: name.to_string(),
            namespace: namespace.to_string(),
            path: path.to_string(),
            doc: self.doc,
        });
        node
    }

    fn parse_object(
        &mut self,
        obj: &Map<String, Value>,
        namespace: &str,
        path: &mut String,
    ) -> PResult<NodeId> {
        let t = match obj.get("type") {
            None => return Err(format!("schema object has no \"type\" ({})", at(path))),
            Some(Value::String(t)) => t.as_str(),
            Some(other) => {
                return Err(format!(
                    "\"type\" of a schema object must be a string such as \"record\", \"array\", \
                     \"int\" or a type name, found {} ({})",
                    json_kind(other),
                    at(&format!("{path}/type"))
                ));
            }
        };
        if let Some(p) = Prim::from_name(t) {
            // Logical types and other attributes don't change what is read.
            return Ok(p.node());
        }
        match t {
            "record" | "error" => self.parse_record(obj, namespace, path),
            "enum" => self.parse_enum(obj, namespace, path),
            "fixed" => self.parse_fixed(obj, namespace, path),
            "array" | "map" => {
                let key = if t == "array" { "items" } else { "values" };
                let Some(inner) = obj.get(key) else {
                    return Err(format!("{t} has no \"{key}\" ({})", at(path)));
                };
                let base = path.len();
                path.push('/');
                path.push_str(key);
                let inner = self.parse_type(inner, namespace, path)?;
                path.truncate(base);
                Ok(self.push(if t == "array" {
                    Node::Array(inner)
                } else {
                    Node::Map(inner)
                }))
            }
            // `{"type": "com.acme.Money"}`: a reference to a named type.
            name => Ok(self.type_name(name, namespace, &format!("{path}/type"))),
        }
    }

    /// Reads `name`, `namespace` and `aliases` of a record, enum or fixed and registers it.
    /// Returns its id and its namespace (the default for types nested in it).
    fn define(
        &mut self,
        obj: &Map<String, Value>,
        enclosing: &str,
        path: &str,
        word: &str,
        body: Body,
    ) -> PResult<(NamedId, String)> {
        let name = match obj.get("name") {
            Some(Value::String(n)) if !n.is_empty() => n.as_str(),
            Some(Value::String(_)) | None => {
                return Err(format!("{word} has no \"name\" ({})", at(path)));
            }
            Some(other) => {
                return Err(format!(
                    "\"name\" of a {word} must be a string, found {} ({})",
                    json_kind(other),
                    at(&format!("{path}/name"))
                ));
            }
        };
        let (namespace, simple) = match name.rfind('.') {
            Some(i) => (&name[..i], &name[i + 1..]),
            None => match obj.get("namespace") {
                Some(Value::String(ns)) => (ns.as_str(), name),
                None | Some(Value::Null) => (enclosing, name),
                Some(other) => {
                    return Err(format!(
                        "\"namespace\" must be a string, found {} ({})",
                        json_kind(other),
                        at(&format!("{path}/namespace"))
                    ));
                }
            },
        };
        if self.strict {
            let bad = std::iter::once(simple)
                .chain(namespace.split('.').filter(|_| !namespace.is_empty()))
                .find(|part| !valid_name(part));
            if let Some(bad) = bad {
                return Err(format!(
                    "invalid {word} name '{}': '{bad}' is not a valid Avro name; {NAME_RULE} ({})",
                    full_name(namespace, simple),
                    at(&format!("{path}/name"))
                ));
            }
        }
        if simple.is_empty() {
            return Err(format!(
                "invalid {word} name '{name}' ({})",
                at(&format!("{path}/name"))
            ));
        }
        if namespace.is_empty() && Prim::from_name(simple).is_some() {
            return Err(format!(
                "a {word} cannot be named after the primitive type '{simple}' ({})",
                at(&format!("{path}/name"))
            ));
        }
        let full = full_name(namespace, simple);
        let aliases = match obj.get("aliases") {
            None | Some(Value::Null) => Vec::new(),
            Some(v) => string_list(v, &format!("{path}/aliases"))?
                .into_iter()
                .map(|a| {
                    if a.contains('.') {
                        a.to_string()
                    } else {
                        full_name(namespace, a)
                    }
                })
                .collect(),
        };
        let id = self.named.len() as NamedId;
        if self.by_full.insert(full.clone(), id).is_some() {
            return Err(format!(
                "type '{full}' is defined twice (again {})",
                at(path)
            ));
        }
        let namespace = namespace.to_string();
        self.named.push(Named {
            simple_at: full.len() - simple.len(),
            full,
            aliases,
            body,
        });
        Ok((id, namespace))
    }

    fn parse_record(
        &mut self,
        obj: &Map<String, Value>,
        enclosing: &str,
        path: &mut String,
    ) -> PResult<NodeId> {
        let placeholder = Body::Record {
            fields: Vec::new(),
            by_name: HashMap::new(),
        };
        let (id, namespace) = self.define(obj, enclosing, path, "record", placeholder)?;
        let full = self.named(id).full.clone();
        let Some(Value::Array(list)) = obj.get("fields") else {
            return Err(format!(
                "record '{full}' needs a \"fields\" array ({})",
                at(path)
            ));
        };
        let mut fields = Vec::with_capacity(list.len());
        let mut by_name = HashMap::with_capacity(list.len());
        let base = path.len();
        for (i, f) in list.iter().enumerate() {
            let _ = write!(path, "/fields/{i}");
            let Value::Object(f) = f else {
                return Err(format!(
                    "field of record '{full}' must be an object ({})",
                    at(path)
                ));
            };
            let Some(Value::String(name)) = f.get("name") else {
                return Err(format!(
                    "field of record '{full}' has no \"name\" string ({})",
                    at(path)
                ));
            };
            if self.strict && !valid_name(name) {
                return Err(format!(
                    "invalid field name '{name}' in record '{full}': {NAME_RULE} ({})",
                    at(path)
                ));
            }
            if let Some(first) = by_name.insert(name.clone(), i as u32) {
                return Err(format!(
                    "record '{full}' has two fields named '{name}' (/fields/{first} and {path})",
                ));
            }
            let Some(ty) = f.get("type") else {
                return Err(format!(
                    "field '{name}' of record '{full}' has no \"type\" ({})",
                    at(path)
                ));
            };
            let aliases = match f.get("aliases") {
                None | Some(Value::Null) => Vec::new(),
                Some(v) => string_list(v, &format!("{path}/aliases"))?
                    .into_iter()
                    .map(str::to_string)
                    .collect(),
            };
            let default = f.get("default").cloned();
            if self.strict && default.is_some() {
                let pending = self.pending(path);
                self.defaults.push((id, i, pending));
            }
            path.push_str("/type");
            let ty = self.parse_type(ty, &namespace, path)?;
            path.truncate(base);
            fields.push(Field {
                name: name.clone(),
                aliases,
                ty,
                default,
            });
        }
        self.named[id as usize].body = Body::Record { fields, by_name };
        Ok(self.push(Node::Named(id)))
    }

    fn parse_enum(
        &mut self,
        obj: &Map<String, Value>,
        enclosing: &str,
        path: &mut String,
    ) -> PResult<NodeId> {
        let symbols_path = format!("{path}/symbols");
        let symbols: Vec<String> = match obj.get("symbols") {
            Some(v) => string_list(v, &symbols_path)?
                .into_iter()
                .map(str::to_string)
                .collect(),
            None => return Err(format!("enum has no \"symbols\" ({})", at(path))),
        };
        let mut seen = HashSet::with_capacity(symbols.len());
        for (i, s) in symbols.iter().enumerate() {
            if self.strict && !valid_name(s) {
                return Err(format!(
                    "invalid enum symbol '{s}': {NAME_RULE} (at {symbols_path}/{i})"
                ));
            }
            if !seen.insert(s.as_str()) {
                return Err(format!(
                    "enum symbol '{s}' appears twice (at {symbols_path}/{i})"
                ));
            }
        }
        let default = match obj.get("default") {
            None | Some(Value::Null) => None,
            Some(Value::String(d)) if seen.contains(d.as_str()) => Some(d.clone()),
            Some(other) => {
                return Err(format!(
                    "enum default {other} is not one of its symbols (at {path}/default)"
                ));
            }
        };
        let body = Body::Enum { symbols, default };
        let (id, _) = self.define(obj, enclosing, path, "enum", body)?;
        Ok(self.push(Node::Named(id)))
    }

    fn parse_fixed(
        &mut self,
        obj: &Map<String, Value>,
        enclosing: &str,
        path: &mut String,
    ) -> PResult<NodeId> {
        let size = match obj.get("size") {
            None => return Err(format!("fixed has no \"size\" ({})", at(path))),
            Some(v) => match v.as_u64() {
                Some(n) if n <= i32::MAX as u64 => n,
                _ => {
                    return Err(format!(
                        "fixed size must be a non-negative integer, found {v} (at {path}/size)"
                    ));
                }
            },
        };
        let (id, _) = self.define(obj, enclosing, path, "fixed", Body::Fixed { size })?;
        Ok(self.push(Node::Named(id)))
    }

    fn named(&self, id: NamedId) -> &Named {
        &self.named[id as usize]
    }

    /// Resolves named references, then checks what needs resolved types: union branches and
    /// (strict) field defaults.
    fn finish(mut self, root: NodeId) -> Result<AvroSchema, ParseError> {
        for r in std::mem::take(&mut self.refs) {
            let qualified = (!r.name.contains('.') && !r.namespace.is_empty())
                .then(|| full_name(&r.namespace, &r.name));
            let found = qualified
                .as_deref()
                .and_then(|q| self.by_full.get(q))
                .or_else(|| self.by_full.get(&r.name));
            let Some(&id) = found else {
                let tried = match &qualified {
                    Some(q) => format!("'{q}' or '{}'", r.name),
                    None => format!("'{}'", r.name),
                };
                return Err(self.error(
                    r.doc,
                    format!(
                        "unknown type '{}': no primitive or defined type named {tried} ({})",
                        r.name,
                        at(&r.path)
                    ),
                ));
            };
            self.nodes[r.node as usize] = Node::Named(id);
        }
        let schema = AvroSchema {
            nodes: std::mem::take(&mut self.nodes),
            named: std::mem::take(&mut self.named),
            root,
        };
        for (id, p) in &self.unions {
            let Node::Union(branches) = schema.node(*id) else {
                continue;
            };
            let mut seen: HashMap<String, usize> = HashMap::with_capacity(branches.len());
            for (i, b) in branches.iter().enumerate() {
                let key = match schema.node(*b) {
                    Node::Named(n) => schema.named(*n).full.clone(),
                    _ => schema.describe(*b),
                };
                if let Some(first) = seen.insert(key.clone(), i) {
                    return Err(self.error(
                        p.doc,
                        format!(
                            "union has {key} twice, as branches {first} and {i} ({})",
                            at(&p.path)
                        ),
                    ));
                }
            }
        }
        for (record, index, p) in &self.defaults {
            let Body::Record { fields, .. } = &schema.named(*record).body else {
                continue;
            };
            let field = &fields[*index];
            let Some(default) = &field.default else {
                continue;
            };
            if !schema.valid_default(field.ty, default, 0) {
                return Err(self.error(
                    p.doc,
                    format!(
                        "default value {} of field '{}' is not a valid {} (at {}/default)",
                        abbreviate(default),
                        field.name,
                        schema.describe(field.ty),
                        p.path
                    ),
                ));
            }
        }
        Ok(schema)
    }
}

impl AvroSchema {
    /// Whether `v` is a valid default for type `ty`, by the rules Avro Java applies when
    /// validating defaults (a union's default may match any branch, as since Avro 1.12).
    fn valid_default(&self, ty: NodeId, v: &Value, depth: u32) -> bool {
        // A record whose fields default to itself would never end; no sane default is this deep.
        if depth > 64 {
            return false;
        }
        match self.node(ty) {
            Node::Prim(p) => match p {
                Prim::Null => v.is_null(),
                Prim::Boolean => v.is_boolean(),
                Prim::Int => v.as_i64().is_some_and(|n| i32::try_from(n).is_ok()),
                Prim::Long => v.as_i64().is_some(),
                Prim::Float | Prim::Double => v.is_number(),
                Prim::Bytes | Prim::String => v.is_string(),
            },
            Node::Array(items) => v
                .as_array()
                .is_some_and(|a| a.iter().all(|x| self.valid_default(*items, x, depth + 1))),
            Node::Map(values) => v.as_object().is_some_and(|o| {
                o.values()
                    .all(|x| self.valid_default(*values, x, depth + 1))
            }),
            Node::Union(branches) => branches
                .iter()
                .any(|b| self.valid_default(*b, v, depth + 1)),
            Node::Named(n) => match &self.named(*n).body {
                Body::Enum { .. } | Body::Fixed { .. } => v.is_string(),
                Body::Record { fields, .. } => v.as_object().is_some_and(|o| {
                    fields.iter().all(|f| {
                        o.get(&f.name)
                            .or(f.default.as_ref())
                            .is_some_and(|x| self.valid_default(f.ty, x, depth + 1))
                    })
                }),
            },
        }
    }
}

fn full_name(namespace: &str, simple: &str) -> String {
    if namespace.is_empty() {
        simple.to_string()
    } else {
        format!("{namespace}.{simple}")
    }
}

fn string_list<'v>(v: &'v Value, path: &str) -> PResult<Vec<&'v str>> {
    let err = || format!("expected an array of strings (at {path})");
    v.as_array()
        .ok_or_else(err)?
        .iter()
        .map(|s| s.as_str().ok_or_else(err))
        .collect()
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A JSON value for a message, cut short if long.
fn abbreviate(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s
    }
}

// ---------------------------------------------------------------------------------------------
// Compatibility

const NAME_MISMATCH: &str = "NAME_MISMATCH";
const FIXED_SIZE_MISMATCH: &str = "FIXED_SIZE_MISMATCH";
const MISSING_ENUM_SYMBOLS: &str = "MISSING_ENUM_SYMBOLS";
const READER_FIELD_MISSING_DEFAULT_VALUE: &str = "READER_FIELD_MISSING_DEFAULT_VALUE";
const TYPE_MISMATCH: &str = "TYPE_MISMATCH";
const MISSING_UNION_BRANCH: &str = "MISSING_UNION_BRANCH";

/// At most this many problems are kept per named-type pair and reported per check. A named type
/// is reported under every path that uses it, and a schema that shares types like a binary tree
/// (each level using the next twice) would otherwise have exponentially many paths.
const MAX_PROBLEMS: usize = 1000;

/// Every incompatibility of reading data written with `old` (writer) using `new` (reader):
/// Confluent's BACKWARD check (FORWARD is the same with the arguments swapped). All problems are
/// reported, not just the first. Each [`Change`] has `compatible = false`, a `kind` from Avro's
/// `SchemaIncompatibilityType` (`NAME_MISMATCH`, `FIXED_SIZE_MISMATCH`, `MISSING_ENUM_SYMBOLS`,
/// `READER_FIELD_MISSING_DEFAULT_VALUE`, `TYPE_MISMATCH`, `MISSING_UNION_BRANCH`), a `path` that
/// is a JSON pointer into the reader (`new`) schema such as `/fields/1/type/symbols` (`/` for the
/// root), and a description naming the field or type. As in Confluent's messages, "new" means the
/// reader and "old" the writer. A pathological schema with more than a thousand problems has the
/// rest left out.
pub fn backward(old: &AvroSchema, new: &AvroSchema) -> Vec<Change> {
    let mut checker = Checker {
        r: new,
        w: old,
        memo: HashMap::new(),
    };
    checker
        .compare(new.root, old.root)
        .into_iter()
        .take(MAX_PROBLEMS)
        .map(Problem::into_change)
        .collect()
}

/// One incompatibility, with its path relative to the pair of types being compared (prefixed as
/// it bubbles up) and the nearest enclosing reader field, for the message.
#[derive(Debug, Clone)]
struct Problem {
    path: String,
    field: Option<String>,
    detail: Detail,
}

#[derive(Debug, Clone)]
enum Detail {
    NameMismatch {
        reader: String,
        writer: String,
        writer_full: String,
    },
    FixedSize {
        name: String,
        reader: u64,
        writer: u64,
    },
    MissingSymbols {
        name: String,
        symbols: Vec<String>,
    },
    MissingDefault,
    /// A reader enum field without a field default and missing in the writer: Java compares the
    /// enum with the writer record, so Confluent reports a TYPE_MISMATCH here.
    EnumFieldMissing {
        name: String,
    },
    TypeMismatch {
        reader: String,
        writer: String,
    },
    MissingBranch {
        writer: String,
        writer_branch: Option<usize>,
    },
}

impl Problem {
    fn new(path: &str, detail: Detail) -> Problem {
        Problem {
            path: path.to_string(),
            field: None,
            detail,
        }
    }

    fn kind(&self) -> &'static str {
        match self.detail {
            Detail::NameMismatch { .. } => NAME_MISMATCH,
            Detail::FixedSize { .. } => FIXED_SIZE_MISMATCH,
            Detail::MissingSymbols { .. } => MISSING_ENUM_SYMBOLS,
            Detail::MissingDefault => READER_FIELD_MISSING_DEFAULT_VALUE,
            Detail::EnumFieldMissing { .. } | Detail::TypeMismatch { .. } => TYPE_MISMATCH,
            Detail::MissingBranch { .. } => MISSING_UNION_BRANCH,
        }
    }

    fn into_change(self) -> Change {
        let kind = self.kind();
        let path = if self.path.is_empty() {
            "/".to_string()
        } else {
            self.path
        };
        let place = match &self.field {
            Some(f) => format!("field '{f}' at {path}"),
            None if path == "/" => "the schema root".to_string(),
            None => format!("at {path}"),
        };
        let field = self.field.as_deref().unwrap_or_default();
        let description = match &self.detail {
            Detail::NameMismatch {
                reader,
                writer,
                writer_full,
            } => format!(
                "{place}: the new schema's {reader} does not match the old schema's {writer}: \
                 the unqualified names differ and '{writer_full}' is not among the new type's \
                 aliases"
            ),
            Detail::FixedSize {
                name,
                reader,
                writer,
            } => format!(
                "{place}: fixed '{name}' has size {reader} in the new schema but {writer} in the \
                 old schema"
            ),
            Detail::MissingSymbols { name, symbols } => format!(
                "{place}: enum '{name}' in the new schema lacks the old schema's symbol{} {} and \
                 has no default symbol",
                if symbols.len() == 1 { "" } else { "s" },
                symbols.join(", ")
            ),
            Detail::MissingDefault => format!(
                "field '{field}' at {path} in the new schema has no default value and is missing \
                 in the old schema"
            ),
            Detail::EnumFieldMissing { name } => format!(
                "field '{field}' at {path} in the new schema has no default value and is missing \
                 in the old schema (the default symbol of enum '{name}' only stands in for \
                 unknown symbols, not for a missing field)"
            ),
            Detail::TypeMismatch { reader, writer } => {
                format!("{place}: the new schema's {reader} cannot read the old schema's {writer}")
            }
            Detail::MissingBranch {
                writer,
                writer_branch: Some(i),
            } => format!(
                "{place}: no branch of the new schema's union can read branch {i} ({writer}) of \
                 the old schema's union"
            ),
            Detail::MissingBranch {
                writer,
                writer_branch: None,
            } => format!(
                "{place}: no branch of the new schema's union can read the old schema's {writer}"
            ),
        };
        Change::new(kind, path, description, false)
    }
}

/// Prefixes the paths of problems found one level down.
fn nested(mut problems: Vec<Problem>, segment: &str) -> Vec<Problem> {
    for p in &mut problems {
        p.path.insert_str(0, segment);
    }
    problems
}

/// Compares reader and writer types, memoising named-type pairs as Java does: a pair being
/// compared further up counts as compatible (which ends recursion), and a pair compared before
/// is not compared again.
struct Checker<'a> {
    r: &'a AvroSchema,
    w: &'a AvroSchema,
    /// `None` while the pair is being compared; its problems (relative paths) once done.
    memo: HashMap<(NamedId, NamedId), Option<Vec<Problem>>>,
}

impl<'a> Checker<'a> {
    fn compare(&mut self, r: NodeId, w: NodeId) -> Vec<Problem> {
        let (rs, ws): (&'a AvroSchema, &'a AvroSchema) = (self.r, self.w);
        match (rs.node(r), ws.node(w)) {
            (Node::Union(rb), Node::Union(wb)) => {
                // Every writer branch must be readable by some reader branch.
                let mut out = Vec::new();
                for (i, b) in wb.iter().enumerate() {
                    if !self.union_reads(rb, *b) {
                        out.push(Problem::new(
                            "",
                            Detail::MissingBranch {
                                writer: ws.describe(*b),
                                writer_branch: Some(i),
                            },
                        ));
                    }
                }
                out
            }
            (_, Node::Union(wb)) => {
                // A plain reader must read every writer branch.
                let mut out = Vec::new();
                for b in wb.iter() {
                    out.extend(self.compare(r, *b));
                }
                out
            }
            (Node::Union(rb), _) => {
                if self.union_reads(rb, w) {
                    Vec::new()
                } else {
                    vec![Problem::new(
                        "",
                        Detail::MissingBranch {
                            writer: ws.describe(w),
                            writer_branch: None,
                        },
                    )]
                }
            }
            (Node::Named(a), Node::Named(b)) => self.compare_named(*a, *b),
            (Node::Prim(a), Node::Prim(b)) if b.reads_as(*a) => Vec::new(),
            (Node::Array(a), Node::Array(b)) => nested(self.compare(*a, *b), "/items"),
            (Node::Map(a), Node::Map(b)) => nested(self.compare(*a, *b), "/values"),
            _ => vec![self.mismatch(r, w)],
        }
    }

    fn mismatch(&self, r: NodeId, w: NodeId) -> Problem {
        Problem::new(
            "",
            Detail::TypeMismatch {
                reader: self.r.describe(r),
                writer: self.w.describe(w),
            },
        )
    }

    /// Whether some branch of the reader union reads writer type `w` (not a union).
    fn union_reads(&mut self, branches: &[NodeId], w: NodeId) -> bool {
        branches.iter().any(|b| self.compare(*b, w).is_empty())
    }

    fn compare_named(&mut self, a: NamedId, b: NamedId) -> Vec<Problem> {
        match self.memo.get(&(a, b)) {
            Some(None) => return Vec::new(),
            Some(Some(done)) => return done.clone(),
            None => {}
        }
        self.memo.insert((a, b), None);
        let mut problems = self.named_pair(a, b);
        problems.truncate(MAX_PROBLEMS);
        self.memo.insert((a, b), Some(problems.clone()));
        problems
    }

    fn named_pair(&mut self, a: NamedId, b: NamedId) -> Vec<Problem> {
        let (rs, ws): (&'a AvroSchema, &'a AvroSchema) = (self.r, self.w);
        let (rt, wt) = (rs.named(a), ws.named(b));
        if std::mem::discriminant(&rt.body) != std::mem::discriminant(&wt.body) {
            return vec![Problem::new(
                "",
                Detail::TypeMismatch {
                    reader: rt.describe(),
                    writer: wt.describe(),
                },
            )];
        }
        let mut out = Vec::new();
        if rt.simple() != wt.simple() && !rt.aliases.contains(&wt.full) {
            out.push(Problem::new(
                "/name",
                Detail::NameMismatch {
                    reader: rt.describe(),
                    writer: wt.describe(),
                    writer_full: wt.full.clone(),
                },
            ));
        }
        match (&rt.body, &wt.body) {
            (Body::Fixed { size: rsize }, Body::Fixed { size: wsize }) if rsize != wsize => {
                out.push(Problem::new(
                    "/size",
                    Detail::FixedSize {
                        name: rt.full.clone(),
                        reader: *rsize,
                        writer: *wsize,
                    },
                ));
            }
            // A reader default stands in for every unknown symbol.
            (
                Body::Enum {
                    symbols,
                    default: None,
                },
                Body::Enum {
                    symbols: written, ..
                },
            ) => {
                let known: HashSet<&str> = symbols.iter().map(String::as_str).collect();
                let missing: BTreeSet<&str> = written
                    .iter()
                    .map(String::as_str)
                    .filter(|s| !known.contains(s))
                    .collect();
                if !missing.is_empty() {
                    out.push(Problem::new(
                        "/symbols",
                        Detail::MissingSymbols {
                            name: rt.full.clone(),
                            symbols: missing.into_iter().map(str::to_string).collect(),
                        },
                    ));
                }
            }
            (
                Body::Record { fields, .. },
                Body::Record {
                    fields: written,
                    by_name,
                },
            ) => {
                for (i, f) in fields.iter().enumerate() {
                    // By name, then by the reader field's aliases; the writer's aliases don't count.
                    let found = by_name
                        .get(&f.name)
                        .or_else(|| f.aliases.iter().find_map(|alias| by_name.get(alias)));
                    let mut problems = match found {
                        Some(&j) => nested(
                            self.compare(f.ty, written[j as usize].ty),
                            &format!("/fields/{i}/type"),
                        ),
                        None if f.default.is_some() => Vec::new(),
                        None => vec![self.missing_field(i, f)],
                    };
                    for p in &mut problems {
                        if p.field.is_none() {
                            p.field = Some(f.name.clone());
                        }
                    }
                    out.append(&mut problems);
                }
            }
            _ => {}
        }
        out
    }

    /// Reader field `i`, without a default, has no writer field.
    fn missing_field(&self, i: usize, f: &Field) -> Problem {
        if let Node::Named(e) = self.r.node(f.ty) {
            let e = self.r.named(*e);
            if let Body::Enum {
                default: Some(_), ..
            } = e.body
            {
                return Problem::new(
                    &format!("/fields/{i}/type"),
                    Detail::EnumFieldMissing {
                        name: e.full.clone(),
                    },
                );
            }
        }
        Problem::new(&format!("/fields/{i}"), Detail::MissingDefault)
    }
}

#[cfg(test)]
#[path = "avro_tests.rs"]
mod tests;
