//! The Protobuf diff: Confluent Schema Registry's `Difference.Type` values, re-implemented from
//! the documented behaviour (compiled descriptors stand in for Confluent's AST).

use std::collections::{BTreeMap, BTreeSet, HashSet};

use prost_reflect::{
    Cardinality, EnumDescriptor, FieldDescriptor, FileDescriptor, Kind, MessageDescriptor,
    OneofDescriptor, Syntax,
};

use crate::schema::Change;

/// The difference types that keep a schema compatible (Confluent's `COMPATIBLE_CHANGES`); every
/// other type breaks it.
const COMPATIBLE: &[&str] = &[
    "MESSAGE_ADDED",
    "MESSAGE_MOVED",
    "ENUM_ADDED",
    "ENUM_REMOVED",
    "ENUM_CONST_ADDED",
    "ENUM_CONST_CHANGED",
    "ENUM_CONST_REMOVED",
    "FIELD_ADDED",
    "FIELD_REMOVED",
    "FIELD_NAME_CHANGED",
    "FIELD_STRING_OR_BYTES_LABEL_CHANGED",
    "ONEOF_ADDED",
    "ONEOF_REMOVED",
    "ONEOF_FIELD_ADDED",
    "ONEOF_FIELD_MOVED_TO_TOP_LEVEL",
];

/// Whether a difference type keeps the schema compatible.
pub(super) fn is_compatible(kind: &str) -> bool {
    COMPATIBLE.contains(&kind)
}

/// Every difference between `old` (original) and `new` (update).
pub(super) fn compare(old: &FileDescriptor, new: &FileDescriptor) -> Vec<Change> {
    let mut diff = Diff {
        new_main: new.name().to_string(),
        changes: Vec::new(),
        compared: HashSet::new(),
    };
    if old.package_name() != new.package_name() {
        diff.push(
            "PACKAGE_CHANGED",
            "#/".to_string(),
            format!(
                "package changed from {} to {}, which renames every type",
                package_label(old.package_name()),
                package_label(new.package_name())
            ),
        );
    }
    diff.types(
        "#",
        old.messages().collect(),
        old.enums().collect(),
        new.messages().collect(),
        new.enums().collect(),
    );
    diff.changes
}

fn package_label(package: &str) -> String {
    if package.is_empty() {
        "no package".to_string()
    } else {
        format!("'{package}'")
    }
}

struct Diff {
    /// The update's main file: its messages get paths relative to its package.
    new_main: String,
    changes: Vec<Change>,
    /// Pairs of message types (old full name, new full name) already compared, so that a type
    /// reached from several fields, or from itself, is compared once.
    compared: HashSet<(String, String)>,
}

impl Diff {
    fn push(&mut self, kind: &str, path: String, description: String) {
        let compatible = is_compatible(kind);
        self.changes
            .push(Change::new(kind, path, description, compatible));
    }

    /// Message and enum types declared at one level (a file or a message), matched by name.
    fn types(
        &mut self,
        parent: &str,
        old_messages: Vec<MessageDescriptor>,
        old_enums: Vec<EnumDescriptor>,
        new_messages: Vec<MessageDescriptor>,
        new_enums: Vec<EnumDescriptor>,
    ) {
        // Map entries are synthesized types, not declared ones.
        let old_messages: Vec<_> = old_messages
            .into_iter()
            .filter(|m| !m.is_map_entry())
            .collect();
        let new_messages: Vec<_> = new_messages
            .into_iter()
            .filter(|m| !m.is_map_entry())
            .collect();
        for (old_index, old) in old_messages.iter().enumerate() {
            let path = format!("{parent}/{}", old.name());
            match new_messages.iter().position(|m| m.name() == old.name()) {
                None => self.push(
                    "MESSAGE_REMOVED",
                    path,
                    format!("message type '{}' was removed", old.full_name()),
                ),
                Some(new_index) => {
                    if new_index != old_index {
                        self.push(
                            "MESSAGE_MOVED",
                            path,
                            format!(
                                "message type '{}' moved from index {old_index} to {new_index} \
                                 among its siblings",
                                old.full_name()
                            ),
                        );
                    }
                    self.message(old, &new_messages[new_index]);
                }
            }
        }
        for new in &new_messages {
            if !old_messages.iter().any(|m| m.name() == new.name()) {
                self.push(
                    "MESSAGE_ADDED",
                    format!("{parent}/{}", new.name()),
                    format!("message type '{}' was added", new.full_name()),
                );
            }
        }
        for old in &old_enums {
            let path = format!("{parent}/{}", old.name());
            match new_enums.iter().find(|e| e.name() == old.name()) {
                None => self.push(
                    "ENUM_REMOVED",
                    path,
                    format!("enum '{}' was removed", old.full_name()),
                ),
                Some(new) => self.enumeration(&path, old, new),
            }
        }
        for new in &new_enums {
            if !old_enums.iter().any(|e| e.name() == new.name()) {
                self.push(
                    "ENUM_ADDED",
                    format!("{parent}/{}", new.name()),
                    format!("enum '{}' was added", new.full_name()),
                );
            }
        }
    }

    fn enumeration(&mut self, path: &str, old: &EnumDescriptor, new: &EnumDescriptor) {
        // With allow_alias several names share a number: the first one declared stands for it.
        let mut old_values = BTreeMap::new();
        for v in old.values() {
            old_values
                .entry(v.number())
                .or_insert_with(|| v.name().to_string());
        }
        let mut new_values = BTreeMap::new();
        for v in new.values() {
            new_values
                .entry(v.number())
                .or_insert_with(|| v.name().to_string());
        }
        let numbers: BTreeSet<i32> = old_values
            .keys()
            .chain(new_values.keys())
            .copied()
            .collect();
        for number in numbers {
            let path = format!("{path}/{number}");
            let enum_name = new.full_name();
            match (old_values.get(&number), new_values.get(&number)) {
                (Some(o), None) => self.push(
                    "ENUM_CONST_REMOVED",
                    path,
                    format!("enum '{enum_name}' value {o} = {number} was removed"),
                ),
                (None, Some(n)) => self.push(
                    "ENUM_CONST_ADDED",
                    path,
                    format!("enum '{enum_name}' value {n} = {number} was added"),
                ),
                (Some(o), Some(n)) if o != n => self.push(
                    "ENUM_CONST_CHANGED",
                    path,
                    format!("enum '{enum_name}' value {number} was renamed from {o} to {n}"),
                ),
                _ => {}
            }
        }
    }

    /// Where a message of the update is: relative to the package for the main file's types, by
    /// full name for types imported from other files.
    fn message_path(&self, message: &MessageDescriptor) -> String {
        let file = message.parent_file();
        if file.name() == self.new_main {
            let package = file.package_name();
            let local = if package.is_empty() {
                message.full_name()
            } else {
                message
                    .full_name()
                    .strip_prefix(package)
                    .and_then(|s| s.strip_prefix('.'))
                    .unwrap_or(message.full_name())
            };
            format!("#/{}", local.replace('.', "/"))
        } else {
            format!("#/{}", message.full_name())
        }
    }

    fn message(&mut self, old: &MessageDescriptor, new: &MessageDescriptor) {
        let key = (old.full_name().to_string(), new.full_name().to_string());
        if !self.compared.insert(key) {
            return;
        }
        let path = self.message_path(new);

        // Fields by tag across the whole message, oneof members included.
        let old_fields: BTreeMap<u32, FieldDescriptor> =
            old.fields().map(|f| (f.number(), f)).collect();
        let new_fields: BTreeMap<u32, FieldDescriptor> =
            new.fields().map(|f| (f.number(), f)).collect();
        let tags: BTreeSet<u32> = old_fields
            .keys()
            .chain(new_fields.keys())
            .copied()
            .collect();
        for tag in tags {
            let field_path = format!("{path}/{tag}");
            match (old_fields.get(&tag), new_fields.get(&tag)) {
                (Some(o), None) => {
                    let kind = if o.cardinality() == Cardinality::Required {
                        "REQUIRED_FIELD_REMOVED"
                    } else {
                        "FIELD_REMOVED"
                    };
                    let description = format!("{} was removed", describe_field(o));
                    self.push(kind, field_path, description);
                }
                (None, Some(n)) => {
                    let kind = if n.cardinality() == Cardinality::Required {
                        "REQUIRED_FIELD_ADDED"
                    } else {
                        "FIELD_ADDED"
                    };
                    let description = format!("{} was added", describe_field(n));
                    self.push(kind, field_path, description);
                }
                (Some(o), Some(n)) => self.field(&field_path, o, n),
                (None, None) => {}
            }
        }

        self.oneofs(&path, old, new, &old_fields, &new_fields);

        self.types(
            &path,
            old.child_messages().collect(),
            old.child_enums().collect(),
            new.child_messages().collect(),
            new.child_enums().collect(),
        );
    }

    /// Oneofs matched by name; proto3 `optional` (synthetic) oneofs are not oneofs here.
    fn oneofs(
        &mut self,
        path: &str,
        old: &MessageDescriptor,
        new: &MessageDescriptor,
        old_fields: &BTreeMap<u32, FieldDescriptor>,
        new_fields: &BTreeMap<u32, FieldDescriptor>,
    ) {
        let old_oneofs: Vec<OneofDescriptor> = old.oneofs().filter(|o| !o.is_synthetic()).collect();
        let new_oneofs: Vec<OneofDescriptor> = new.oneofs().filter(|o| !o.is_synthetic()).collect();
        for o in &old_oneofs {
            let oneof_path = format!("{path}/{}", o.name());
            match new_oneofs.iter().find(|n| n.name() == o.name()) {
                None => self.push(
                    "ONEOF_REMOVED",
                    oneof_path,
                    format!("oneof '{}' was removed", o.name()),
                ),
                Some(n) => self.oneof(&oneof_path, o, n, old_fields, new_fields),
            }
        }
        for n in &new_oneofs {
            if old_oneofs.iter().any(|o| o.name() == n.name()) {
                continue;
            }
            let oneof_path = format!("{path}/{}", n.name());
            self.push(
                "ONEOF_ADDED",
                oneof_path.clone(),
                format!("oneof '{}' was added", n.name()),
            );
            // Existing top-level fields gathered into the new oneof: old data may set several of
            // them, and a reader keeps only one.
            let moved: Vec<String> = n
                .fields()
                .filter(|f| {
                    old_fields
                        .get(&f.number())
                        .is_some_and(|o| real_oneof(o).is_none())
                })
                .map(|f| format!("'{}' ({})", f.name(), f.number()))
                .collect();
            if moved.len() > 1 {
                self.push(
                    "MULTIPLE_FIELDS_MOVED_TO_ONEOF",
                    oneof_path,
                    format!(
                        "{} existing fields were moved into the new oneof '{}': {}; data that \
                         sets more than one of them keeps only one",
                        moved.len(),
                        n.name(),
                        moved.join(", ")
                    ),
                );
            }
        }
    }

    /// Membership changes of a oneof present in both versions.
    fn oneof(
        &mut self,
        path: &str,
        old: &OneofDescriptor,
        new: &OneofDescriptor,
        old_fields: &BTreeMap<u32, FieldDescriptor>,
        new_fields: &BTreeMap<u32, FieldDescriptor>,
    ) {
        let name = new.name();
        let old_tags: BTreeSet<u32> = old.fields().map(|f| f.number()).collect();
        let new_tags: BTreeSet<u32> = new.fields().map(|f| f.number()).collect();
        for &tag in old_tags.difference(&new_tags) {
            let field = &old_fields[&tag];
            let member_path = format!("{path}/{tag}");
            match new_fields.get(&tag) {
                Some(n) if real_oneof(n).is_none() => self.push(
                    "ONEOF_FIELD_MOVED_TO_TOP_LEVEL",
                    member_path,
                    format!(
                        "field '{}' ({tag}) was moved out of oneof '{name}' to the top level",
                        field.name()
                    ),
                ),
                _ => self.push(
                    "ONEOF_FIELD_REMOVED",
                    member_path,
                    format!(
                        "field '{}' ({tag}) was removed from oneof '{name}'",
                        field.name()
                    ),
                ),
            }
        }
        for &tag in new_tags.difference(&old_tags) {
            let field = &new_fields[&tag];
            let member_path = format!("{path}/{tag}");
            match old_fields.get(&tag) {
                Some(o) => {
                    let from = match real_oneof(o) {
                        Some(other) => format!("from oneof '{}'", other.name()),
                        None => "from the top level".to_string(),
                    };
                    self.push(
                        "FIELD_MOVED_TO_EXISTING_ONEOF",
                        member_path,
                        format!(
                            "existing field '{}' ({tag}) was moved {from} into the existing \
                             oneof '{name}'",
                            field.name()
                        ),
                    );
                }
                None => self.push(
                    "ONEOF_FIELD_ADDED",
                    member_path,
                    format!(
                        "field '{}' ({tag}) was added to oneof '{name}'",
                        field.name()
                    ),
                ),
            }
        }
    }

    /// One field present in both versions (same tag).
    fn field(&mut self, path: &str, old: &FieldDescriptor, new: &FieldDescriptor) {
        let tag = new.number();
        if old.name() != new.name() {
            self.push(
                "FIELD_NAME_CHANGED",
                path.to_string(),
                format!(
                    "field {tag} was renamed from '{}' to '{}' (its JSON name changes)",
                    old.name(),
                    new.name()
                ),
            );
        }
        let (old_shape, new_shape) = (Shape::of(old), Shape::of(new));
        let what = || format!("field '{}' ({tag})", new.name());
        self.shapes(path, &what, &old_shape, &new_shape);

        // Labels count only for scalars, and only where both versions state one.
        if let (Shape::Scalar(old_kind), Shape::Scalar(new_kind)) = (&old_shape, &new_shape)
            && let (Some(old_label), Some(new_label)) = (label(old), label(new))
            && old_label != new_label
        {
            let strings = scalar_group(old_kind) == "STRING_OR_BYTES"
                && scalar_group(new_kind) == "STRING_OR_BYTES";
            let (kind, why) = if strings {
                (
                    "FIELD_STRING_OR_BYTES_LABEL_CHANGED",
                    "string and bytes are read the same either way",
                )
            } else {
                (
                    "FIELD_NUMERIC_LABEL_CHANGED",
                    "numeric values are encoded differently when repeated (packed)",
                )
            };
            self.push(
                kind,
                path.to_string(),
                format!(
                    "{} changed label from {old_label} to {new_label}; {why}",
                    what()
                ),
            );
        }
    }

    /// Compares the types of a field (or of a map's key or value).
    /// `what` names the field in descriptions (built only when there is something to report).
    fn shapes(&mut self, path: &str, what: &dyn Fn() -> String, old: &Shape, new: &Shape) {
        match (old, new) {
            (Shape::Scalar(o), Shape::Scalar(n)) => {
                let (og, ng) = (scalar_group(o), scalar_group(n));
                if og != ng {
                    self.push(
                        "FIELD_SCALAR_KIND_CHANGED",
                        path.to_string(),
                        format!(
                            "{} changed type from {} ({og}) to {} ({ng}), which are not \
                             wire-compatible",
                            what(),
                            kind_name(o),
                            kind_name(n)
                        ),
                    );
                }
            }
            (Shape::Message(o), Shape::Message(n)) => {
                if o.name() != n.name() {
                    self.push(
                        "FIELD_NAMED_TYPE_CHANGED",
                        path.to_string(),
                        format!(
                            "{} changed message type from {} to {}",
                            what(),
                            o.full_name(),
                            n.full_name()
                        ),
                    );
                } else {
                    self.message(o, n);
                }
            }
            (Shape::Map(ok, ov), Shape::Map(nk, nv)) => {
                let (ok, ov, nk, nv) = (Shape::of(ok), Shape::of(ov), Shape::of(nk), Shape::of(nv));
                self.shapes(path, &|| format!("the key of map {}", what()), &ok, &nk);
                self.shapes(path, &|| format!("the value of map {}", what()), &ov, &nv);
            }
            _ => self.push(
                "FIELD_KIND_CHANGED",
                path.to_string(),
                format!(
                    "{} changed from {} to {}",
                    what(),
                    old.describe(),
                    new.describe()
                ),
            ),
        }
    }
}

/// The kind of a field's type as Confluent distinguishes them (enums are scalars).
enum Shape {
    Scalar(Kind),
    Message(MessageDescriptor),
    /// Key and value fields of the map entry.
    Map(FieldDescriptor, FieldDescriptor),
}

impl Shape {
    fn of(field: &FieldDescriptor) -> Shape {
        match field.kind() {
            Kind::Message(m) if field.is_map() => {
                Shape::Map(m.map_entry_key_field(), m.map_entry_value_field())
            }
            Kind::Message(m) => Shape::Message(m),
            kind => Shape::Scalar(kind),
        }
    }

    /// `string`, `acme.Money`, `map<string, int64>`.
    fn type_name(&self) -> String {
        match self {
            Shape::Scalar(k) => kind_name(k),
            Shape::Message(m) => m.full_name().to_string(),
            Shape::Map(k, v) => format!("map<{}, {}>", kind_name(&k.kind()), kind_name(&v.kind())),
        }
    }

    /// The type with its kind: `scalar string`, `message acme.Money`, `map<string, int64>`.
    fn describe(&self) -> String {
        match self {
            Shape::Scalar(_) => format!("scalar {}", self.type_name()),
            Shape::Message(_) => format!("message {}", self.type_name()),
            Shape::Map(..) => self.type_name(),
        }
    }
}

/// Confluent's scalar kind groups: a type change within a group is wire-compatible.
fn scalar_group(kind: &Kind) -> &'static str {
    match kind {
        Kind::Int32 | Kind::Int64 | Kind::Uint32 | Kind::Uint64 | Kind::Bool | Kind::Enum(_) => {
            "GENERAL_NUMBER"
        }
        Kind::Sint32 | Kind::Sint64 => "SIGNED_NUMBER",
        Kind::String | Kind::Bytes => "STRING_OR_BYTES",
        Kind::Fixed32 | Kind::Sfixed32 => "FIXED32",
        Kind::Fixed64 | Kind::Sfixed64 => "FIXED64",
        Kind::Float => "FLOAT",
        Kind::Double => "DOUBLE",
        Kind::Message(_) => "MESSAGE",
    }
}

fn kind_name(kind: &Kind) -> String {
    match kind {
        Kind::Double => "double".into(),
        Kind::Float => "float".into(),
        Kind::Int32 => "int32".into(),
        Kind::Int64 => "int64".into(),
        Kind::Uint32 => "uint32".into(),
        Kind::Uint64 => "uint64".into(),
        Kind::Sint32 => "sint32".into(),
        Kind::Sint64 => "sint64".into(),
        Kind::Fixed32 => "fixed32".into(),
        Kind::Fixed64 => "fixed64".into(),
        Kind::Sfixed32 => "sfixed32".into(),
        Kind::Sfixed64 => "sfixed64".into(),
        Kind::Bool => "bool".into(),
        Kind::String => "string".into(),
        Kind::Bytes => "bytes".into(),
        Kind::Message(m) => m.full_name().to_string(),
        Kind::Enum(e) => format!("enum {}", e.full_name()),
    }
}

/// `'name' (tag, type)` for added and removed fields.
fn describe_field(field: &FieldDescriptor) -> String {
    let shape = Shape::of(field);
    let ty = match &shape {
        Shape::Scalar(_) | Shape::Message(_) if field.is_list() => {
            format!("repeated {}", shape.type_name())
        }
        _ => shape.type_name(),
    };
    let prefix = if field.cardinality() == Cardinality::Required {
        "required field"
    } else {
        "field"
    };
    let oneof = real_oneof(field)
        .map(|o| format!(", in oneof '{}'", o.name()))
        .unwrap_or_default();
    format!(
        "{prefix} '{}' ({}, {ty}{oneof})",
        field.name(),
        field.number()
    )
}

/// The oneof a field belongs to, proto3 `optional`'s synthetic oneofs excepted.
fn real_oneof(field: &FieldDescriptor) -> Option<OneofDescriptor> {
    field.containing_oneof().filter(|o| !o.is_synthetic())
}

/// The label the field's source states, as Confluent's AST keeps it: none for proto3 fields
/// without `optional`/`repeated`, for map fields and for oneof members.
fn label(field: &FieldDescriptor) -> Option<&'static str> {
    if field.is_map() || real_oneof(field).is_some() {
        return None;
    }
    match field.cardinality() {
        Cardinality::Repeated => Some("repeated"),
        Cardinality::Required => Some("required"),
        Cardinality::Optional => (field.field_descriptor_proto().proto3_optional()
            || field.parent_file().syntax() == Syntax::Proto2)
            .then_some("optional"),
    }
}
