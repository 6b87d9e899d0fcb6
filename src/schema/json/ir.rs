//! The parsed form the diff works on: every subschema becomes a [`Node`] in an arena, `$ref`s
//! become links to the node they name (so cycles are just cycles in the graph), and the keywords a
//! draft spells differently (`items` arrays vs `prefixItems`, `dependencies` vs
//! `dependentRequired`/`dependentSchemas`, draft 4's boolean `exclusiveMaximum`) are normalised.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

use serde_json::{Map, Value};

/// Why the graph could not be built: a `$ref` that names nothing, at `ptr` in document `doc`.
#[derive(Debug, Clone)]
pub(crate) struct BuildError {
    pub(crate) doc: usize,
    pub(crate) ptr: String,
    pub(crate) message: String,
}

/// Index of a node in [`Graph::nodes`].
pub(crate) type NodeId = u32;
/// The schema `true` / `{}`: accepts everything.
pub(crate) const TRUE: NodeId = 0;
/// The schema `false`: accepts nothing.
pub(crate) const FALSE: NodeId = 1;

/// JSON Schema draft, from `$schema` (draft 7, Confluent's default, when absent or unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Draft {
    D4,
    D6,
    D7,
    D2019,
    D2020,
}

impl Draft {
    pub(crate) fn detect(root: &Value) -> Option<Draft> {
        let uri = root.get("$schema")?.as_str()?;
        Some(if uri.contains("draft-04") {
            Draft::D4
        } else if uri.contains("draft-06") {
            Draft::D6
        } else if uri.contains("draft-07") {
            Draft::D7
        } else if uri.contains("2019-09") {
            Draft::D2019
        } else if uri.contains("2020-12") {
            Draft::D2020
        } else {
            return None;
        })
    }
}

/// Instance types as bits. `NUMBER` also admits integers.
pub(crate) mod ty {
    pub(crate) const NULL: u8 = 1;
    pub(crate) const BOOLEAN: u8 = 2;
    pub(crate) const OBJECT: u8 = 4;
    pub(crate) const ARRAY: u8 = 8;
    pub(crate) const NUMBER: u8 = 16;
    pub(crate) const INTEGER: u8 = 32;
    pub(crate) const STRING: u8 = 64;
    pub(crate) const ALL: u8 = 127;

    pub(crate) fn from_name(name: &str) -> Option<u8> {
        Some(match name {
            "null" => NULL,
            "boolean" => BOOLEAN,
            "object" => OBJECT,
            "array" => ARRAY,
            "number" => NUMBER,
            "integer" => INTEGER,
            "string" => STRING,
            _ => return None,
        })
    }

    /// `"string"` or `["integer", "null"]`.
    pub(crate) fn names(mask: u8) -> String {
        let names: Vec<&str> = [
            (STRING, "string"),
            (INTEGER, "integer"),
            (NUMBER, "number"),
            (BOOLEAN, "boolean"),
            (OBJECT, "object"),
            (ARRAY, "array"),
            (NULL, "null"),
        ]
        .iter()
        .filter(|(bit, _)| mask & bit != 0)
        .map(|(_, n)| *n)
        .collect();
        match names.as_slice() {
            [one] => format!("\"{one}\""),
            _ => format!(
                "[{}]",
                names
                    .iter()
                    .map(|n| format!("\"{n}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    /// The type bit of a JSON value (integers as `INTEGER | NUMBER`).
    pub(crate) fn of(v: &serde_json::Value) -> u8 {
        use serde_json::Value;
        match v {
            Value::Null => NULL,
            Value::Bool(_) => BOOLEAN,
            Value::Object(_) => OBJECT,
            Value::Array(_) => ARRAY,
            Value::String(_) => STRING,
            Value::Number(n) => {
                if n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0) {
                    INTEGER | NUMBER
                } else {
                    NUMBER
                }
            }
        }
    }
}

/// Annotations: they never change which documents are valid.
#[derive(Debug, Clone, Default)]
pub(crate) struct Meta {
    /// `$id` (`id` in draft 4), with the keyword used.
    pub(crate) id: Option<(&'static str, String)>,
    pub(crate) title: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) default: Option<Value>,
    /// `"connect.type": "bytes"` (Kafka Connect's marker for a bytes field).
    pub(crate) connect_bytes: bool,
}

impl Meta {
    /// `self` with the unset fields taken from `inner` (annotations beside a `$ref` win).
    fn or(&self, inner: &Meta) -> Meta {
        Meta {
            id: self.id.clone().or_else(|| inner.id.clone()),
            title: self.title.clone().or_else(|| inner.title.clone()),
            description: self
                .description
                .clone()
                .or_else(|| inner.description.clone()),
            default: self.default.clone().or_else(|| inner.default.clone()),
            connect_bytes: self.connect_bytes || inner.connect_bytes,
        }
    }

    fn is_empty(&self) -> bool {
        self.id.is_none()
            && self.title.is_none()
            && self.description.is_none()
            && self.default.is_none()
            && !self.connect_bytes
    }
}

#[derive(Debug, Clone)]
pub(crate) enum Kind {
    /// `false` (or an unsatisfiable `{"not": {}}`).
    False,
    /// A `$ref` (with only annotations beside it, or any siblings in drafts before 2019-09, which
    /// ignore them): the node it names.
    Ref(NodeId),
    Body(Box<Body>),
}

#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub(crate) meta: Meta,
    pub(crate) kind: Kind,
}

/// `additionalProperties`, `unevaluatedProperties`, `additionalItems`, `unevaluatedItems` as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Extra {
    #[default]
    Absent,
    Bool(bool),
    Schema(NodeId),
}

/// Which combinator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Crit {
    All,
    Any,
    One,
}

impl Crit {
    pub(crate) const ALL: [Crit; 3] = [Crit::All, Crit::Any, Crit::One];

    pub(crate) fn keyword(self) -> &'static str {
        match self {
            Crit::All => "allOf",
            Crit::Any => "anyOf",
            Crit::One => "oneOf",
        }
    }
}

/// A schema object's assertions, normalised.
#[derive(Debug, Clone, Default)]
pub(crate) struct Body {
    /// `type` as bits; None = any type.
    pub(crate) types: Option<u8>,
    // strings
    pub(crate) min_length: Option<f64>,
    pub(crate) max_length: Option<f64>,
    pub(crate) pattern: Option<String>,
    // numbers (draft 4's boolean exclusive bounds folded into the exclusive ones)
    pub(crate) minimum: Option<f64>,
    pub(crate) maximum: Option<f64>,
    pub(crate) exclusive_minimum: Option<f64>,
    pub(crate) exclusive_maximum: Option<f64>,
    pub(crate) multiple_of: Option<f64>,
    // objects
    pub(crate) properties: Vec<(String, NodeId)>,
    pub(crate) required: BTreeSet<String>,
    pub(crate) additional_properties: Extra,
    pub(crate) pattern_properties: Vec<PatternProperty>,
    pub(crate) unevaluated_properties: Extra,
    pub(crate) property_names: Option<NodeId>,
    pub(crate) min_properties: Option<f64>,
    pub(crate) max_properties: Option<f64>,
    /// (property, required properties, keyword: `dependencies` or `dependentRequired`)
    pub(crate) dependent_required: Vec<(String, Vec<String>, &'static str)>,
    /// (property, schema, keyword: `dependencies` or `dependentSchemas`)
    pub(crate) dependent_schemas: Vec<(String, NodeId, &'static str)>,
    // arrays
    /// `items` as one schema for every item (list validation).
    pub(crate) items: Option<NodeId>,
    /// Tuple validation: `items` as an array (before 2020-12) or `prefixItems`.
    pub(crate) prefix_items: Vec<NodeId>,
    /// `items` or `prefixItems`, whichever holds `prefix_items`.
    pub(crate) prefix_keyword: &'static str,
    /// What may follow the tuple: `additionalItems`, or `items` beside `prefixItems`.
    pub(crate) additional_items: Extra,
    pub(crate) additional_items_keyword: &'static str,
    pub(crate) unevaluated_items: Extra,
    pub(crate) contains: Option<NodeId>,
    pub(crate) min_contains: Option<f64>,
    pub(crate) max_contains: Option<f64>,
    pub(crate) min_items: Option<f64>,
    pub(crate) max_items: Option<f64>,
    pub(crate) unique_items: bool,
    // any type
    /// `enum` values, or `const` as one value; with the keyword.
    pub(crate) enumeration: Option<(&'static str, Vec<Value>)>,
    pub(crate) all_of: Option<Vec<NodeId>>,
    pub(crate) any_of: Option<Vec<NodeId>>,
    pub(crate) one_of: Option<Vec<NodeId>>,
    pub(crate) not: Option<NodeId>,
    pub(crate) if_: Option<NodeId>,
    pub(crate) then_: Option<NodeId>,
    pub(crate) else_: Option<NodeId>,
    /// A `$ref` beside other assertions (2019-09 and later apply both).
    pub(crate) ref_: Option<NodeId>,
    /// Whether any assertion other than the combinators is present.
    pub(crate) own_assertions: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct PatternProperty {
    pub(crate) pattern: String,
    /// None when the pattern does not compile here; it then matches no name.
    pub(crate) regex: Option<fancy_regex::Regex>,
    pub(crate) schema: NodeId,
}

impl Body {
    pub(crate) fn combinator(&self, c: Crit) -> Option<&Vec<NodeId>> {
        match c {
            Crit::All => self.all_of.as_ref(),
            Crit::Any => self.any_of.as_ref(),
            Crit::One => self.one_of.as_ref(),
        }
    }

    pub(crate) fn has_combinators(&self) -> bool {
        self.all_of.is_some() || self.any_of.is_some() || self.one_of.is_some()
    }

    /// The combinator, when the body has exactly one.
    pub(crate) fn single_combinator(&self) -> Option<Crit> {
        let mut present = Crit::ALL
            .into_iter()
            .filter(|c| self.combinator(*c).is_some());
        match (present.next(), present.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    }

    /// The body is exactly one combinator and nothing else (`{"oneOf": [...]}`).
    pub(crate) fn pure_combinator(&self) -> Option<Crit> {
        if self.own_assertions {
            None
        } else {
            self.single_combinator()
        }
    }

    /// No assertion at all: accepts everything.
    pub(crate) fn is_empty(&self) -> bool {
        !self.own_assertions && !self.has_combinators()
    }
}

/// The arena of one parsed schema (and the references it uses).
#[derive(Debug, Clone)]
pub(crate) struct Graph {
    pub(crate) nodes: Vec<Node>,
    pub(crate) root: NodeId,
}

impl Graph {
    /// Follows `$ref` links to the node that has the assertions; the annotations are merged,
    /// outermost first. A chain of `$ref`s that only loops is the empty schema.
    pub(crate) fn deref(&self, mut id: NodeId) -> (NodeId, Cow<'_, Meta>) {
        let mut meta = Cow::Borrowed(&self.nodes[id as usize].meta);
        for _ in 0..self.nodes.len() {
            match &self.nodes[id as usize].kind {
                Kind::Ref(target) => {
                    id = *target;
                    let inner = &self.nodes[id as usize].meta;
                    if meta.is_empty() {
                        meta = Cow::Borrowed(inner);
                    } else if !inner.is_empty() {
                        meta = Cow::Owned(meta.or(inner));
                    }
                }
                _ => return (id, meta),
            }
        }
        (TRUE, meta)
    }

    pub(crate) fn kind(&self, id: NodeId) -> &Kind {
        &self.nodes[id as usize].kind
    }
}

/// One document: the schema itself or a referenced one.
pub(crate) struct Doc<'a> {
    /// The name errors report (the schema's name, or the reference's).
    pub(crate) name: &'a str,
    pub(crate) value: &'a Value,
    /// Base URI of the document root.
    pub(crate) base: String,
    pub(crate) draft: Draft,
    /// Whether `$id`s or anchors below the root may occur (else the walk that finds them is
    /// skipped).
    pub(crate) nested_ids: bool,
}

/// A place in a document: (document index, JSON pointer).
type Loc = (usize, String);

/// A step of a location: from its parent place by a key or an index, or a whole pointer.
#[derive(Debug, Clone)]
enum Seg<'d> {
    Key(&'d str),
    Index(usize),
    Pointer(String),
}

/// Where a subschema is, as a chain of steps; the JSON pointer is only spelled out when needed
/// (a `$ref` to resolve against nested `$id`s, an error).
#[derive(Debug, Clone)]
struct Place<'d> {
    parent: u32,
    seg: Seg<'d>,
}

const NO_PARENT: u32 = u32::MAX;

/// Hasher for the builder's address-keyed tables.
type FxMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<super::diff::Fx>>;

/// Builds the [`Graph`] of `docs[0]`, resolving `$ref`s across all of them.
pub(crate) fn build(docs: &[Doc<'_>]) -> Result<Graph, BuildError> {
    let mut b = Builder {
        docs,
        ids: HashMap::new(),
        anchors: HashMap::new(),
        bases: vec![Vec::new(); docs.len()],
        memo: FxMap::default(),
        ref_cache: HashMap::new(),
        places: Vec::new(),
        queue: Vec::new(),
        nodes: vec![
            Node {
                meta: Meta::default(),
                kind: Kind::Body(Box::default()),
            },
            Node {
                meta: Meta::default(),
                kind: Kind::False,
            },
        ],
    };
    for (i, doc) in docs.iter().enumerate() {
        b.ids.entry(doc.base.clone()).or_insert((i, String::new()));
        let base = doc.base.clone();
        b.index(i, doc.value, String::new(), &base, doc.nested_ids);
    }
    let at = b.place(NO_PARENT, Seg::Pointer(String::new()));
    let root = b.node(0, at, docs[0].value);
    while let Some((doc, at, id, value)) = b.queue.pop() {
        if let Value::Object(map) = value {
            let node = b.build_node(doc, at, map)?;
            b.nodes[id as usize] = node;
        }
    }
    Ok(Graph {
        nodes: b.nodes,
        root,
    })
}

struct Builder<'a, 'd> {
    docs: &'a [Doc<'d>],
    /// Absolute URI (without fragment) → the resource it names.
    ids: HashMap<String, Loc>,
    /// (resource base URI, anchor name) → location.
    anchors: HashMap<(String, String), Loc>,
    /// Per document: (pointer of a subschema with `$id`, its base URI).
    bases: Vec<Vec<(String, String)>>,
    /// (document, address of the subschema's value) → its node.
    memo: FxMap<(usize, usize), NodeId>,
    /// (document, `$ref` text) → its target, for documents without nested `$id`s (where a
    /// reference means the same everywhere).
    ref_cache: HashMap<(usize, &'d str), NodeId>,
    places: Vec<Place<'d>>,
    /// Nodes with an id that still have to be built: (document, place, id, value).
    queue: Vec<(usize, u32, NodeId, &'d Value)>,
    nodes: Vec<Node>,
}

/// Keywords whose values are data, not subschemas: not searched for `$id`s.
const DATA_KEYWORDS: [&str; 5] = ["enum", "const", "default", "examples", "required"];

impl<'d> Builder<'_, 'd> {
    fn id_keyword(&self, doc: usize) -> &'static str {
        if self.docs[doc].draft == Draft::D4 {
            "id"
        } else {
            "$id"
        }
    }

    /// Records the `$id`s and anchors of a document (of its root only, unless `deep`).
    fn index(&mut self, doc: usize, value: &Value, ptr: String, base: &str, deep: bool) {
        match value {
            Value::Object(map) => {
                let mut base = base.to_string();
                if let Some(id) = map.get(self.id_keyword(doc)).and_then(Value::as_str) {
                    let (uri, frag) = split_fragment(id);
                    if !uri.is_empty() {
                        base = join_uri(&base, uri);
                        if !ptr.is_empty() {
                            self.bases[doc].push((ptr.clone(), base.clone()));
                        }
                        self.ids.entry(base.clone()).or_insert((doc, ptr.clone()));
                    }
                    if !frag.is_empty() && !frag.starts_with('/') {
                        self.anchors
                            .insert((base.clone(), frag.to_string()), (doc, ptr.clone()));
                    }
                }
                if let Some(anchor) = map.get("$anchor").and_then(Value::as_str) {
                    self.anchors
                        .insert((base.clone(), anchor.to_string()), (doc, ptr.clone()));
                }
                if !deep {
                    return;
                }
                for (k, v) in map {
                    if (v.is_object() || v.is_array()) && !DATA_KEYWORDS.contains(&k.as_str()) {
                        self.index(doc, v, format!("{ptr}/{}", escape(k)), &base, true);
                    }
                }
            }
            Value::Array(items) if deep => {
                for (i, v) in items.iter().enumerate() {
                    if v.is_object() || v.is_array() {
                        self.index(doc, v, format!("{ptr}/{i}"), base, true);
                    }
                }
            }
            _ => {}
        }
    }

    /// The resource (subschema with `$id`, or the document root) enclosing `ptr`, and its base.
    fn resource(&self, doc: usize, ptr: &str) -> (String, String) {
        self.bases[doc]
            .iter()
            .filter(|(p, _)| ptr == p || ptr.starts_with(&format!("{p}/")))
            .max_by_key(|(p, _)| p.len())
            .cloned()
            .unwrap_or_else(|| (String::new(), self.docs[doc].base.clone()))
    }

    /// Where `reference` (a `$ref` found at place `at` in `doc`) points, and the value there.
    fn resolve(&self, doc: usize, at: u32, reference: &str) -> Result<(Loc, &'d Value), String> {
        let (res_ptr, base) = if self.bases[doc].is_empty() {
            (String::new(), self.docs[doc].base.clone())
        } else {
            self.resource(doc, &self.pointer(at))
        };
        let (uri, frag) = split_fragment(reference);
        let (target_doc, target_ptr, target_base) = if uri.is_empty() {
            (doc, res_ptr, base)
        } else {
            let abs = join_uri(&base, uri);
            let found = self
                .ids
                .get(&abs)
                .or_else(|| self.ids.get(uri))
                .or_else(|| {
                    // a reference registered under a name that differs from its URI: match by file name
                    let file = uri.rsplit('/').next().unwrap_or(uri);
                    self.docs
                        .iter()
                        .enumerate()
                        .skip(1)
                        .find(|(_, d)| d.name == uri || d.name.rsplit('/').next() == Some(file))
                        .and_then(|(i, d)| self.ids.get(&d.base).filter(|l| l.0 == i))
                });
            let (d, p) = found.cloned().ok_or_else(|| {
                format!("unresolved $ref \"{reference}\" (no such reference schema)")
            })?;
            let b = self.resource(d, &p).1;
            (d, p, b)
        };
        let frag = percent_decode(frag);
        let target = if frag.is_empty() {
            (target_doc, target_ptr)
        } else if frag.starts_with('/') {
            (target_doc, format!("{target_ptr}{frag}"))
        } else {
            self.anchors
                .get(&(target_base, frag.clone()))
                .cloned()
                .ok_or_else(|| format!("unresolved $ref \"{reference}\" (no anchor \"{frag}\")"))?
        };
        let docs = self.docs;
        match docs[target.0].value.pointer(&target.1) {
            Some(value) => Ok((target, value)),
            None => Err(format!(
                "unresolved $ref \"{reference}\" (nothing at {})",
                if target.1.is_empty() { "/" } else { &target.1 }
            )),
        }
    }

    fn error(&self, doc: usize, at: u32, message: String) -> BuildError {
        BuildError {
            doc,
            ptr: self.pointer(at),
            message,
        }
    }

    fn place(&mut self, parent: u32, seg: Seg<'d>) -> u32 {
        self.places.push(Place { parent, seg });
        (self.places.len() - 1) as u32
    }

    /// The JSON pointer of a place.
    fn pointer(&self, mut at: u32) -> String {
        let mut segs = Vec::new();
        let mut prefix = "";
        while at != NO_PARENT {
            let place = &self.places[at as usize];
            match &place.seg {
                Seg::Pointer(p) => {
                    prefix = p;
                    break;
                }
                seg => segs.push(seg),
            }
            at = place.parent;
        }
        let mut out = prefix.to_string();
        for seg in segs.iter().rev() {
            out.push('/');
            match seg {
                Seg::Key(k) => out.push_str(&escape(k)),
                Seg::Index(i) => out.push_str(&i.to_string()),
                Seg::Pointer(_) => {}
            }
        }
        out
    }

    fn push(&mut self, node: Node) -> NodeId {
        self.nodes.push(node);
        (self.nodes.len() - 1) as NodeId
    }

    /// The node for the subschema `value` at place `at` in `doc`. Objects get an id at once and
    /// are built from the work queue, so `$ref` cycles and long chains need no recursion.
    fn node(&mut self, doc: usize, at: u32, value: &'d Value) -> NodeId {
        match value {
            Value::Bool(false) => return FALSE,
            Value::Object(_) => {}
            // `true`, or a non-schema a lenient parse let through
            _ => return TRUE,
        }
        let key = (doc, value as *const Value as usize);
        if let Some(id) = self.memo.get(&key) {
            return *id;
        }
        let id = self.push(Node {
            meta: Meta::default(),
            kind: Kind::Body(Box::default()),
        });
        self.queue.push((doc, at, id, value));
        self.memo.insert(key, id);
        id
    }

    /// The subschema `value` found under `segments` below place `at`.
    fn child(&mut self, doc: usize, at: u32, segments: &[Seg<'d>], value: &'d Value) -> NodeId {
        match value {
            Value::Object(_) => {
                let mut at = at;
                for seg in segments {
                    at = self.place(at, seg.clone());
                }
                self.node(doc, at, value)
            }
            Value::Bool(false) => FALSE,
            _ => TRUE,
        }
    }

    fn build_node(
        &mut self,
        doc: usize,
        at: u32,
        map: &'d Map<String, Value>,
    ) -> Result<Node, BuildError> {
        let draft = self.docs[doc].draft;
        let id_keyword = self.id_keyword(doc);
        let k = Keywords::read(map, id_keyword);
        let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_string);
        let meta = Meta {
            id: text(k.id).map(|s| (id_keyword, s)),
            title: text(k.title),
            description: text(k.description),
            default: k.default.cloned(),
            connect_bytes: k.connect_type.and_then(Value::as_str) == Some("bytes"),
        };
        let mut body = Body::default();
        if let Some(r) = k.reference.and_then(Value::as_str) {
            let cacheable = self.bases[doc].is_empty();
            let target = match self.ref_cache.get(&(doc, r)) {
                Some(id) if cacheable => *id,
                _ => {
                    let ((tdoc, tptr), value) = self
                        .resolve(doc, at, r)
                        .map_err(|m| self.error(doc, at, m))?;
                    let place = self.place(NO_PARENT, Seg::Pointer(tptr));
                    let id = self.node(tdoc, place, value);
                    if cacheable {
                        self.ref_cache.insert((doc, r), id);
                    }
                    id
                }
            };
            if draft < Draft::D2019 || k.assertions == 0 {
                return Ok(Node {
                    meta,
                    kind: Kind::Ref(target),
                });
            }
            body.ref_ = Some(target);
        }
        if k.assertions == 1 && k.not.and_then(Value::as_object).is_some_and(Map::is_empty) {
            // {"not": {}} is the old spelling of false
            return Ok(Node {
                meta,
                kind: Kind::False,
            });
        }
        let num = |v: Option<&Value>| v.and_then(Value::as_f64);

        body.types = match k.types {
            Some(Value::String(s)) => ty::from_name(s),
            Some(Value::Array(a)) => Some(
                a.iter()
                    .filter_map(Value::as_str)
                    .filter_map(ty::from_name)
                    .fold(0, |m, t| m | t),
            ),
            _ => None,
        }
        .filter(|mask| *mask != 0);
        body.min_length = num(k.min_length);
        body.max_length = num(k.max_length);
        body.pattern = text(k.pattern);
        body.minimum = num(k.minimum);
        body.maximum = num(k.maximum);
        body.exclusive_minimum = num(k.exclusive_minimum);
        body.exclusive_maximum = num(k.exclusive_maximum);
        // draft 4: a boolean that makes minimum/maximum exclusive
        if k.exclusive_minimum == Some(&Value::Bool(true)) {
            body.exclusive_minimum = body.minimum.take();
        }
        if k.exclusive_maximum == Some(&Value::Bool(true)) {
            body.exclusive_maximum = body.maximum.take();
        }
        body.multiple_of = num(k.multiple_of);

        if let Some(Value::Object(props)) = k.properties {
            body.properties.reserve(props.len());
            for (name, v) in props {
                let id = self.child(doc, at, &[Seg::Key("properties"), Seg::Key(name)], v);
                body.properties.push((name.clone(), id));
            }
        }
        if let Some(Value::Array(req)) = k.required {
            body.required = req
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect();
        }
        body.additional_properties =
            self.extra(doc, at, k.additional_properties, "additionalProperties");
        body.unevaluated_properties =
            self.extra(doc, at, k.unevaluated_properties, "unevaluatedProperties");
        if let Some(Value::Object(pats)) = k.pattern_properties {
            for (pattern, v) in pats {
                let schema = self.child(
                    doc,
                    at,
                    &[Seg::Key("patternProperties"), Seg::Key(pattern)],
                    v,
                );
                body.pattern_properties.push(PatternProperty {
                    pattern: pattern.clone(),
                    regex: fancy_regex::Regex::new(pattern).ok(),
                    schema,
                });
            }
        }
        if let Some(v) = k.property_names {
            body.property_names = Some(self.child(doc, at, &[Seg::Key("propertyNames")], v));
        }
        body.min_properties = num(k.min_properties);
        body.max_properties = num(k.max_properties);
        for (kw, deps) in [
            ("dependencies", k.dependencies),
            ("dependentRequired", k.dependent_required),
            ("dependentSchemas", k.dependent_schemas),
        ] {
            let Some(Value::Object(deps)) = deps else {
                continue;
            };
            for (name, dep) in deps {
                match dep {
                    Value::Array(names) => body.dependent_required.push((
                        name.clone(),
                        names
                            .iter()
                            .filter_map(Value::as_str)
                            .map(str::to_string)
                            .collect(),
                        kw,
                    )),
                    Value::Object(_) | Value::Bool(_) => {
                        let id = self.child(doc, at, &[Seg::Key(kw), Seg::Key(name)], dep);
                        body.dependent_schemas.push((name.clone(), id, kw));
                    }
                    _ => {}
                }
            }
        }

        if let Some(Value::Array(prefix)) = k.prefix_items {
            for (i, v) in prefix.iter().enumerate() {
                let id = self.child(doc, at, &[Seg::Key("prefixItems"), Seg::Index(i)], v);
                body.prefix_items.push(id);
            }
            body.prefix_keyword = "prefixItems";
            body.additional_items = self.extra(doc, at, k.items, "items");
            body.additional_items_keyword = "items";
        } else {
            match k.items {
                Some(Value::Array(tuple)) => {
                    for (i, v) in tuple.iter().enumerate() {
                        let id = self.child(doc, at, &[Seg::Key("items"), Seg::Index(i)], v);
                        body.prefix_items.push(id);
                    }
                    body.prefix_keyword = "items";
                }
                Some(v @ (Value::Object(_) | Value::Bool(_))) => {
                    body.items = Some(self.child(doc, at, &[Seg::Key("items")], v));
                }
                _ => {}
            }
            body.additional_items = self.extra(doc, at, k.additional_items, "additionalItems");
            body.additional_items_keyword = "additionalItems";
        }
        body.unevaluated_items = self.extra(doc, at, k.unevaluated_items, "unevaluatedItems");
        if let Some(v) = k.contains {
            body.contains = Some(self.child(doc, at, &[Seg::Key("contains")], v));
        }
        body.min_contains = num(k.min_contains);
        body.max_contains = num(k.max_contains);
        body.min_items = num(k.min_items);
        body.max_items = num(k.max_items);
        body.unique_items = k.unique_items == Some(&Value::Bool(true));

        if let Some(Value::Array(values)) = k.enumeration {
            body.enumeration = Some(("enum", values.clone()));
        } else if let Some(c) = k.constant {
            body.enumeration = Some(("const", vec![c.clone()]));
        }
        for (c, subs) in [
            (Crit::All, k.all_of),
            (Crit::Any, k.any_of),
            (Crit::One, k.one_of),
        ] {
            if let Some(Value::Array(subs)) = subs {
                let mut ids = Vec::with_capacity(subs.len());
                for (i, v) in subs.iter().enumerate() {
                    ids.push(self.child(doc, at, &[Seg::Key(c.keyword()), Seg::Index(i)], v));
                }
                match c {
                    Crit::All => body.all_of = Some(ids),
                    Crit::Any => body.any_of = Some(ids),
                    Crit::One => body.one_of = Some(ids),
                }
            }
        }
        for (kw, v, slot) in [
            ("not", k.not, &mut body.not),
            ("if", k.if_, &mut body.if_),
            ("then", k.then_, &mut body.then_),
            ("else", k.else_, &mut body.else_),
        ] {
            if let Some(v) = v {
                *slot = Some(self.child(doc, at, &[Seg::Key(kw)], v));
            }
        }
        body.own_assertions = body.ref_.is_some() || k.assertions > k.combinators;
        Ok(Node {
            meta,
            kind: Kind::Body(Box::new(body)),
        })
    }

    fn extra(&mut self, doc: usize, at: u32, value: Option<&'d Value>, kw: &'static str) -> Extra {
        match value {
            Some(Value::Bool(b)) => Extra::Bool(*b),
            Some(v @ Value::Object(_)) => Extra::Schema(self.child(doc, at, &[Seg::Key(kw)], v)),
            _ => Extra::Absent,
        }
    }
}

/// The keywords of a schema object, found in one pass over it.
#[derive(Default)]
struct Keywords<'d> {
    reference: Option<&'d Value>,
    id: Option<&'d Value>,
    title: Option<&'d Value>,
    description: Option<&'d Value>,
    default: Option<&'d Value>,
    connect_type: Option<&'d Value>,
    types: Option<&'d Value>,
    enumeration: Option<&'d Value>,
    constant: Option<&'d Value>,
    min_length: Option<&'d Value>,
    max_length: Option<&'d Value>,
    pattern: Option<&'d Value>,
    minimum: Option<&'d Value>,
    maximum: Option<&'d Value>,
    exclusive_minimum: Option<&'d Value>,
    exclusive_maximum: Option<&'d Value>,
    multiple_of: Option<&'d Value>,
    properties: Option<&'d Value>,
    required: Option<&'d Value>,
    additional_properties: Option<&'d Value>,
    pattern_properties: Option<&'d Value>,
    unevaluated_properties: Option<&'d Value>,
    property_names: Option<&'d Value>,
    min_properties: Option<&'d Value>,
    max_properties: Option<&'d Value>,
    dependencies: Option<&'d Value>,
    dependent_required: Option<&'d Value>,
    dependent_schemas: Option<&'d Value>,
    items: Option<&'d Value>,
    prefix_items: Option<&'d Value>,
    additional_items: Option<&'d Value>,
    unevaluated_items: Option<&'d Value>,
    contains: Option<&'d Value>,
    min_contains: Option<&'d Value>,
    max_contains: Option<&'d Value>,
    min_items: Option<&'d Value>,
    max_items: Option<&'d Value>,
    unique_items: Option<&'d Value>,
    all_of: Option<&'d Value>,
    any_of: Option<&'d Value>,
    one_of: Option<&'d Value>,
    not: Option<&'d Value>,
    if_: Option<&'d Value>,
    then_: Option<&'d Value>,
    else_: Option<&'d Value>,
    /// How many keywords constrain instances (as opposed to annotations and containers of
    /// definitions).
    assertions: usize,
    /// How many of them are allOf/anyOf/oneOf.
    combinators: usize,
}

impl<'d> Keywords<'d> {
    fn read(map: &'d Map<String, Value>, id_keyword: &str) -> Self {
        let mut k = Keywords::default();
        for (key, v) in map {
            match key.as_str() {
                "$ref" => k.reference = Some(v),
                "title" => k.title = Some(v),
                "description" => k.description = Some(v),
                "default" => k.default = Some(v),
                "connect.type" => k.connect_type = Some(v),
                "type" => {
                    k.types = Some(v);
                    k.assertions += 1;
                }
                "enum" => {
                    k.enumeration = Some(v);
                    k.assertions += 1;
                }
                "const" => {
                    k.constant = Some(v);
                    k.assertions += 1;
                }
                "minLength" => {
                    k.min_length = Some(v);
                    k.assertions += 1;
                }
                "maxLength" => {
                    k.max_length = Some(v);
                    k.assertions += 1;
                }
                "pattern" => {
                    k.pattern = Some(v);
                    k.assertions += 1;
                }
                "minimum" => {
                    k.minimum = Some(v);
                    k.assertions += 1;
                }
                "maximum" => {
                    k.maximum = Some(v);
                    k.assertions += 1;
                }
                "exclusiveMinimum" => {
                    k.exclusive_minimum = Some(v);
                    k.assertions += 1;
                }
                "exclusiveMaximum" => {
                    k.exclusive_maximum = Some(v);
                    k.assertions += 1;
                }
                "multipleOf" => {
                    k.multiple_of = Some(v);
                    k.assertions += 1;
                }
                "properties" => {
                    k.properties = Some(v);
                    k.assertions += 1;
                }
                "required" => {
                    k.required = Some(v);
                    k.assertions += 1;
                }
                "additionalProperties" => {
                    k.additional_properties = Some(v);
                    k.assertions += 1;
                }
                "patternProperties" => {
                    k.pattern_properties = Some(v);
                    k.assertions += 1;
                }
                "unevaluatedProperties" => {
                    k.unevaluated_properties = Some(v);
                    k.assertions += 1;
                }
                "propertyNames" => {
                    k.property_names = Some(v);
                    k.assertions += 1;
                }
                "minProperties" => {
                    k.min_properties = Some(v);
                    k.assertions += 1;
                }
                "maxProperties" => {
                    k.max_properties = Some(v);
                    k.assertions += 1;
                }
                "dependencies" => {
                    k.dependencies = Some(v);
                    k.assertions += 1;
                }
                "dependentRequired" => {
                    k.dependent_required = Some(v);
                    k.assertions += 1;
                }
                "dependentSchemas" => {
                    k.dependent_schemas = Some(v);
                    k.assertions += 1;
                }
                "items" => {
                    k.items = Some(v);
                    k.assertions += 1;
                }
                "prefixItems" => {
                    k.prefix_items = Some(v);
                    k.assertions += 1;
                }
                "additionalItems" => {
                    k.additional_items = Some(v);
                    k.assertions += 1;
                }
                "unevaluatedItems" => {
                    k.unevaluated_items = Some(v);
                    k.assertions += 1;
                }
                "contains" => {
                    k.contains = Some(v);
                    k.assertions += 1;
                }
                "minContains" => {
                    k.min_contains = Some(v);
                    k.assertions += 1;
                }
                "maxContains" => {
                    k.max_contains = Some(v);
                    k.assertions += 1;
                }
                "minItems" => {
                    k.min_items = Some(v);
                    k.assertions += 1;
                }
                "maxItems" => {
                    k.max_items = Some(v);
                    k.assertions += 1;
                }
                "uniqueItems" => {
                    k.unique_items = Some(v);
                    k.assertions += 1;
                }
                "allOf" => {
                    k.all_of = Some(v);
                    k.assertions += 1;
                    k.combinators += 1;
                }
                "anyOf" => {
                    k.any_of = Some(v);
                    k.assertions += 1;
                    k.combinators += 1;
                }
                "oneOf" => {
                    k.one_of = Some(v);
                    k.assertions += 1;
                    k.combinators += 1;
                }
                "not" => {
                    k.not = Some(v);
                    k.assertions += 1;
                }
                "if" => {
                    k.if_ = Some(v);
                    k.assertions += 1;
                }
                "then" => {
                    k.then_ = Some(v);
                    k.assertions += 1;
                }
                "else" => {
                    k.else_ = Some(v);
                    k.assertions += 1;
                }
                other if other == id_keyword => k.id = Some(v),
                _ => {}
            }
        }
        k
    }
}

/// Escapes a JSON pointer segment (RFC 6901).
pub(crate) fn escape(segment: &str) -> Cow<'_, str> {
    if segment.contains(['~', '/']) {
        Cow::Owned(segment.replace('~', "~0").replace('/', "~1"))
    } else {
        Cow::Borrowed(segment)
    }
}

fn split_fragment(uri: &str) -> (&str, &str) {
    match uri.split_once('#') {
        Some((u, f)) => (u, f),
        None => (uri, ""),
    }
}

fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(b) = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn has_scheme(uri: &str) -> bool {
    match uri.find(':') {
        Some(i) => {
            i > 0
                && uri[..i]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && !uri[..i].contains('/')
        }
        None => false,
    }
}

/// Resolves `reference` against `base` (RFC 3986, enough of it for schema ids and file names).
pub(crate) fn join_uri(base: &str, reference: &str) -> String {
    if reference.is_empty() {
        return base.to_string();
    }
    if has_scheme(reference) || base.is_empty() {
        return normalize_path(reference);
    }
    if let Some(rest) = reference.strip_prefix("//") {
        let scheme = base.split(':').next().unwrap_or("");
        return format!("{scheme}://{rest}");
    }
    if reference.starts_with('/') {
        // keep scheme and authority
        let authority_end = base
            .find("://")
            .map(|i| i + 3 + base[i + 3..].find('/').unwrap_or(base.len() - i - 3))
            .unwrap_or(0);
        return normalize_path(&format!("{}{reference}", &base[..authority_end]));
    }
    let dir = if let Some(i) = base.find("://") {
        let after = i + 3;
        match base[after..].rfind('/') {
            Some(j) => &base[..after + j + 1],
            // scheme://host with no path
            None => return normalize_path(&format!("{base}/{reference}")),
        }
    } else {
        base.rfind('/').map_or("", |i| &base[..=i])
    };
    normalize_path(&format!("{dir}{reference}"))
}

/// Removes `.` and `..` segments.
fn normalize_path(uri: &str) -> String {
    if !uri.contains("./") {
        return uri.to_string();
    }
    let (prefix, path) = match uri.find("://") {
        Some(i) => {
            let after = i + 3;
            let slash = uri[after..].find('/').map_or(uri.len(), |j| after + j);
            (&uri[..slash], &uri[slash..])
        }
        None => ("", uri),
    };
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "." => {
                if i == segments.len() - 1 {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 || (out.len() == 1 && !out[0].is_empty()) {
                    out.pop();
                }
                if i == segments.len() - 1 {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    format!("{prefix}{}", out.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_joining() {
        assert_eq!(join_uri("", "payload.json"), "payload.json");
        assert_eq!(
            join_uri("https://acme.io/schemas/event.json", "payload.json"),
            "https://acme.io/schemas/payload.json"
        );
        assert_eq!(
            join_uri(
                "https://acme.io/schemas/v1/event.json",
                "../common/meta.json"
            ),
            "https://acme.io/schemas/common/meta.json"
        );
        assert_eq!(
            join_uri("https://acme.io/schemas/event.json", "/other.json"),
            "https://acme.io/other.json"
        );
        assert_eq!(
            join_uri("https://acme.io", "x.json"),
            "https://acme.io/x.json"
        );
        assert_eq!(join_uri("dir/a.json", "b.json"), "dir/b.json");
        assert_eq!(join_uri("a.json", "urn:x:y"), "urn:x:y");
        assert_eq!(percent_decode("/definitions/a%20b"), "/definitions/a b");
    }
}
