//! Protobuf schemas: parsing with `protox` (pure Rust, no `protoc`) and Confluent Schema Registry's
//! Protobuf compatibility diff, re-implemented from its documented behaviour.
//!
//! [`parse`] compiles a `.proto` file together with the files it imports: the schema's registry
//! references, the registry's built-in imports (`confluent/meta.proto`,
//! `confluent/type/decimal.proto` and the common `google/type/*.proto`) and the
//! well-known `google/protobuf/*.proto` types. [`backward`] lists every difference between two
//! versions as Confluent's `compare(original = old, update = new)` does; FORWARD is the caller
//! swapping the arguments.

mod builtin;
mod diff;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::path::Path;

use prost_reflect::FileDescriptor;
use protox::file::{File, FileResolver, GoogleFileResolver};

use crate::schema::{Change, ParseError, Source};

/// File name used for a schema whose [`Source::name`] is empty.
const DEFAULT_NAME: &str = "schema.proto";

/// A compiled Protobuf schema: the descriptor of its main file, inside a pool that also holds
/// every file it imports (references, built-ins, well-known types).
#[derive(Debug, Clone)]
pub struct ProtoSchema {
    file: FileDescriptor,
}

impl ProtoSchema {
    /// The compiled main file.
    pub fn file(&self) -> &FileDescriptor {
        &self.file
    }

    /// The main file's package (empty when it declares none).
    pub fn package(&self) -> &str {
        self.file.package_name()
    }
}

/// Parses a `.proto` schema: `source.name` is its file name, `source.text` its content, and
/// `source.references` are other `.proto` files, by import path, that it may import (Confluent
/// references). Imports of `google/protobuf/*.proto` and of the registry's built-ins resolve
/// without references; a reference of the same name takes precedence over a built-in.
///
/// Errors carry the line and column (1-based, column in characters) when the compiler reports a
/// span. An error inside a reference is named after that reference, and its message says which
/// schema imported it.
///
/// `strict` is meant for a new schema, with previous versions parsed leniently as Confluent does.
/// `protox` has no lenient mode (it always validates names, numbers and imports like `protoc`), so
/// both are parsed the same way and `strict` is currently ignored.
pub fn parse(source: &Source, strict: bool) -> Result<ProtoSchema, ParseError> {
    let _ = strict;
    let main = if source.name.is_empty() {
        DEFAULT_NAME
    } else {
        source.name.as_str()
    };
    let resolver = Resolver {
        main: main.to_string(),
        main_text: source.text.clone(),
        references: source
            .references
            .iter()
            .map(|r| (r.name.clone(), r.text.clone()))
            .collect(),
        google: GoogleFileResolver::new(),
    };
    let mut compiler = protox::Compiler::with_file_resolver(resolver);
    compiler.include_imports(true);
    // protox and prost-reflect index past empty lists on some malformed descriptors
    let opened = crate::diag::contain("the Protobuf compiler", || {
        compiler.open_file(main).map(|_| ())
    })
    .map_err(|why| ParseError::new(&source.name, why))?;
    if let Err(err) = opened {
        return Err(parse_error(source, main, &err));
    }
    let file = compiler
        .descriptor_pool()
        .get_file_by_name(main)
        .ok_or_else(|| ParseError::new(&source.name, "compiled file missing from its pool"))?;
    Ok(ProtoSchema { file })
}

/// Every difference between `old` (the original) and `new` (the update), as Confluent's BACKWARD
/// check (`compare(original = old, update = new)`) finds them, each flagged compatible or not.
///
/// Fields are matched by tag number across the whole message (oneof members included); message
/// types by name at each nesting level; message-typed fields whose types share a simple name are
/// compared recursively (each pair of types once, so recursive types terminate). Paths are
/// `#/` for the package, `#/Outer/Inner` for a message (relative to its file's package, or by full
/// name for a type from another file), `#/Message/<tag>` for a field,
/// `#/Message/<oneof>[/<tag>]` for oneof changes and `#/Enum/<number>` for enum values.
///
/// Like Confluent, it does not look at `reserved` ranges and names, options, services,
/// extensions or the syntax; and, Confluent's AST having no label for a proto3 field declared
/// without `optional`/`repeated`, labels are compared only where both versions state one.
pub fn backward(old: &ProtoSchema, new: &ProtoSchema) -> Vec<Change> {
    diff::compare(&old.file, &new.file)
}

/// Resolves imports by name: the main file, then references, then Confluent's built-ins, then the
/// well-known `google/protobuf` files that `protox` ships.
struct Resolver {
    main: String,
    main_text: String,
    references: HashMap<String, String>,
    google: GoogleFileResolver,
}

impl FileResolver for Resolver {
    fn resolve_path(&self, path: &Path) -> Option<String> {
        // Only the main file is opened by path; its name may be any label (`subject v3`, an
        // absolute path), so map it to itself rather than let protox judge it as a path.
        (path == Path::new(&self.main)).then(|| self.main.clone())
    }

    fn open_file(&self, name: &str) -> Result<File, protox::Error> {
        if name == self.main {
            return open_text(name, &self.main_text);
        }
        if let Some(text) = self.references.get(name) {
            return open_text(name, text);
        }
        if let Some(text) = builtin::get(name) {
            return File::from_source(name, text);
        }
        self.google.open_file(name)
    }
}

/// A schema's text: `.proto` source, or (as some clients register it and registries may answer
/// with `?format=serialized`) a base64-encoded `FileDescriptorProto`, taken under `name`.
fn open_text(name: &str, text: &str) -> Result<File, protox::Error> {
    use base64::Engine as _;
    use prost_reflect::prost::Message as _;

    let looks_base64 = !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b));
    if looks_base64
        && let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(text)
        && let Ok(mut fd) = prost_reflect::prost_types::FileDescriptorProto::decode(&bytes[..])
        && (!fd.message_type.is_empty() || !fd.enum_type.is_empty() || fd.syntax.is_some())
    {
        fd.name = Some(name.to_string());
        return Ok(File::from_file_descriptor_proto(fd));
    }
    File::from_source(name, text)
}

/// Converts a compiler error, locating it by the first labelled span when there is one.
fn parse_error(source: &Source, main: &str, err: &protox::Error) -> ParseError {
    use miette::Diagnostic;

    let mut message = err.to_string();
    if let Some(help) = err.help() {
        message = format!("{message} ({help})");
    }
    let file = err.file().unwrap_or(main);
    let (name, text) = if file == main {
        (source.name.clone(), Some(source.text.as_str()))
    } else {
        message = format!("{message} (in '{file}', imported by '{}')", source.name);
        let text = source
            .references
            .iter()
            .find(|r| r.name == file)
            .map(|r| r.text.as_str())
            .or_else(|| builtin::get(file));
        (file.to_string(), text)
    };
    // Where several places are labelled (a duplicate and its first definition, a number and the
    // reserved range it falls in), point at the offending one.
    let labels: Vec<_> = err.labels().map(Iterator::collect).unwrap_or_default();
    let offset = labels
        .iter()
        .find(|l| matches!(l.label(), Some("defined again here" | "found here")))
        .or(labels.first())
        .map(|l| l.offset());
    match (text, offset) {
        (Some(text), Some(offset)) => {
            let (line, column) = crate::diag::line_col(text, offset);
            ParseError::at(&name, line, column, message)
        }
        _ => ParseError::new(&name, message),
    }
}
