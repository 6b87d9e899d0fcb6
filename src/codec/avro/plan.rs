//! A writer schema compiled for reading: named types resolved to indexes, record keys, enum
//! symbols and union branch names already written as JSON, so the reader only walks bytes.

use std::collections::HashMap;

use apache_avro::Schema;
use apache_avro::schema::{InnerDecimalSchema, Name, UuidSchema};

use super::AvroJson;

/// Index of a node in [`Plan::nodes`].
pub type NodeId = usize;

/// What one occurrence of a type reads.
#[derive(Debug, Clone)]
pub enum Node {
    Null,
    Boolean,
    Int,
    Long,
    Float,
    Double,
    Bytes,
    String,
    Fixed(usize),
    UuidFixed,
    /// Each symbol as a JSON string.
    Enum(Vec<Vec<u8>>),
    /// Each branch, the `{"<type>":` prefix of the Avro JSON form, and whether it is null.
    Union(Vec<(NodeId, Vec<u8>, bool)>),
    Array(NodeId),
    Map(NodeId),
    /// Each field as `"name":` and its type.
    Record(Vec<(Vec<u8>, NodeId)>),
    Decimal {
        fixed: Option<usize>,
        scale: usize,
    },
    BigDecimal,
    Date,
    TimeMillis,
    TimeMicros,
    Timestamp {
        digits: u32,
        utc: bool,
    },
    Duration,
    /// A placeholder while a named type is being compiled (never read).
    Pending,
}

/// The compiled schema.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub nodes: Vec<Node>,
    /// The node of the schema itself.
    pub top: NodeId,
}

fn json_str(s: &str) -> Vec<u8> {
    let mut v = Vec::with_capacity(s.len() + 2);
    crate::record::json::write_str(&mut v, s);
    v
}

struct Builder<'s> {
    names: &'s HashMap<Name, &'s Schema>,
    named: HashMap<Name, NodeId>,
    nodes: Vec<Node>,
}

impl Plan {
    /// Compiles `top`, resolving references through `names`; `branch` names union branches.
    pub fn new(
        top: &Schema,
        names: &HashMap<Name, &Schema>,
        branch: &dyn Fn(&Schema) -> String,
    ) -> Result<Plan, String> {
        let mut b = Builder {
            names,
            named: HashMap::new(),
            nodes: Vec::new(),
        };
        let top = b.node(top, branch)?;
        Ok(Plan {
            nodes: b.nodes,
            top,
        })
    }
}

impl Builder<'_> {
    fn push(&mut self, n: Node) -> NodeId {
        self.nodes.push(n);
        self.nodes.len() - 1
    }

    /// A named type is compiled once; references (and recursion) point at its node.
    fn named(&mut self, name: &Name) -> NodeId {
        let id = self.push(Node::Pending);
        self.named.insert(name.clone(), id);
        id
    }

    fn node(&mut self, s: &Schema, branch: &dyn Fn(&Schema) -> String) -> Result<NodeId, String> {
        let simple = match s {
            Schema::Null => Some(Node::Null),
            Schema::Boolean => Some(Node::Boolean),
            Schema::Int => Some(Node::Int),
            Schema::Long => Some(Node::Long),
            Schema::Float => Some(Node::Float),
            Schema::Double => Some(Node::Double),
            Schema::Bytes | Schema::Uuid(UuidSchema::Bytes) => Some(Node::Bytes),
            Schema::String | Schema::Uuid(UuidSchema::String) => Some(Node::String),
            Schema::Uuid(UuidSchema::Fixed(_)) => Some(Node::UuidFixed),
            Schema::BigDecimal => Some(Node::BigDecimal),
            Schema::Date => Some(Node::Date),
            Schema::TimeMillis => Some(Node::TimeMillis),
            Schema::TimeMicros => Some(Node::TimeMicros),
            Schema::TimestampMillis => Some(Node::Timestamp {
                digits: 3,
                utc: true,
            }),
            Schema::TimestampMicros => Some(Node::Timestamp {
                digits: 6,
                utc: true,
            }),
            Schema::TimestampNanos => Some(Node::Timestamp {
                digits: 9,
                utc: true,
            }),
            Schema::LocalTimestampMillis => Some(Node::Timestamp {
                digits: 3,
                utc: false,
            }),
            Schema::LocalTimestampMicros => Some(Node::Timestamp {
                digits: 6,
                utc: false,
            }),
            Schema::LocalTimestampNanos => Some(Node::Timestamp {
                digits: 9,
                utc: false,
            }),
            Schema::Duration(_) => Some(Node::Duration),
            Schema::Decimal(d) => Some(Node::Decimal {
                fixed: match &d.inner {
                    InnerDecimalSchema::Bytes => None,
                    InnerDecimalSchema::Fixed(f) => Some(f.size),
                },
                scale: d.scale,
            }),
            _ => None,
        };
        if let Some(n) = simple {
            return Ok(self.push(n));
        }
        match s {
            Schema::Ref { name } => {
                if let Some(&id) = self.named.get(name) {
                    return Ok(id);
                }
                let def = *self
                    .names
                    .get(name)
                    .ok_or_else(|| format!("unknown Avro type {}", name.fullname(None)))?;
                self.node(def, branch)
            }
            Schema::Fixed(f) => {
                let id = self.named(&f.name);
                self.nodes[id] = Node::Fixed(f.size);
                Ok(id)
            }
            Schema::Enum(e) => {
                let id = self.named(&e.name);
                self.nodes[id] = Node::Enum(e.symbols.iter().map(|s| json_str(s)).collect());
                Ok(id)
            }
            Schema::Record(r) => {
                let id = self.named(&r.name);
                let mut fields = Vec::with_capacity(r.fields.len());
                for f in &r.fields {
                    let mut key = json_str(&f.name);
                    key.push(b':');
                    fields.push((key, self.node(&f.schema, branch)?));
                }
                self.nodes[id] = Node::Record(fields);
                Ok(id)
            }
            Schema::Array(a) => {
                let item = self.node(&a.items, branch)?;
                Ok(self.push(Node::Array(item)))
            }
            Schema::Map(m) => {
                let item = self.node(&m.types, branch)?;
                Ok(self.push(Node::Map(item)))
            }
            Schema::Union(u) => {
                let mut branches = Vec::with_capacity(u.variants().len());
                for v in u.variants() {
                    let id = self.node(v, branch)?;
                    let mut prefix = vec![b'{'];
                    prefix.extend_from_slice(&json_str(&branch(v)));
                    prefix.push(b':');
                    branches.push((id, prefix, matches!(self.nodes[id], Node::Null)));
                }
                Ok(self.push(Node::Union(branches)))
            }
            other => Err(format!("unsupported Avro type {other:?}")),
        }
    }
}

/// Whether a union branch prints wrapped.
pub fn wrapped(mode: AvroJson, null: bool) -> bool {
    mode == AvroJson::Avro && !null
}
