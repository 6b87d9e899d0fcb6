//! Protobuf data through the registry: the schema (with its references, the registry's built-in
//! imports and the well-known types) compiled with `protox`, messages read and written with
//! `prost-reflect`, JSON in the proto3 JSON mapping with its defaults (camelCase names, enum
//! names, 64-bit integers as strings, default values left out, well-known types in their JSON
//! forms), as Confluent's and Google's deserializers print them.

use prost_reflect::{
    DeserializeOptions, DynamicMessage, FileDescriptor, MessageDescriptor, SerializeOptions,
};

use super::framing::MAX_PATH;
use crate::schema::{self, Reference, Source};

/// A compiled schema file.
pub struct ProtoCodec {
    file: FileDescriptor,
}

impl ProtoCodec {
    /// Compiles `text` (named `name`) with its references, `(import path, text)`.
    pub fn new(
        name: &str,
        text: &str,
        references: &[(String, String)],
    ) -> Result<ProtoCodec, String> {
        let source = Source {
            name: name.to_string(),
            text: text.to_string(),
            references: references
                .iter()
                .map(|(n, t)| Reference {
                    name: n.clone(),
                    text: t.clone(),
                })
                .collect(),
        };
        let parsed =
            schema::protobuf::parse(&source, false).map_err(|e| format!("Protobuf schema: {e}"))?;
        Ok(ProtoCodec {
            file: parsed.file().clone(),
        })
    }

    /// The message at a Confluent message-index path.
    pub fn message_at(&self, path: &[usize]) -> Result<MessageDescriptor, String> {
        let (&first, rest) = path.split_first().ok_or("empty message-index path")?;
        let mut msg = self.file.messages().nth(first).ok_or_else(|| {
            format!("message index {path:?}: the schema has no top-level message {first}")
        })?;
        for &i in rest {
            let child = msg.child_messages().nth(i);
            msg = child.ok_or_else(|| {
                format!(
                    "message index {path:?}: {} has no nested message {i}",
                    msg.full_name()
                )
            })?;
        }
        Ok(msg)
    }

    /// The message named `name` (full name, or relative to the file's package), or the file's
    /// first message, with its message-index path.
    pub fn message_named(
        &self,
        name: Option<&str>,
    ) -> Result<(MessageDescriptor, Vec<usize>), String> {
        let Some(name) = name else {
            let first = self
                .file
                .messages()
                .next()
                .ok_or("the Protobuf schema declares no message")?;
            return Ok((first, vec![0]));
        };
        let package = self.file.package_name();
        let wanted = [name.to_string(), format!("{package}.{name}")];
        let mut stack: Vec<(MessageDescriptor, Vec<usize>)> = self
            .file
            .messages()
            .enumerate()
            .map(|(i, m)| (m, vec![i]))
            .collect();
        while let Some((m, path)) = stack.pop() {
            if wanted.iter().any(|w| w == m.full_name()) {
                return Ok((m, path));
            }
            if path.len() < MAX_PATH {
                for (i, child) in m.child_messages().enumerate() {
                    let mut p = path.clone();
                    p.push(i);
                    stack.push((child, p));
                }
            }
        }
        let names: Vec<String> = self
            .file
            .messages()
            .map(|m| m.full_name().to_string())
            .collect();
        Err(format!(
            "no message {name:?} in the Protobuf schema (it declares {})",
            names.join(", ")
        ))
    }
}

/// Decodes a message and appends it as JSON.
pub fn decode(msg: &MessageDescriptor, bytes: &[u8], out: &mut Vec<u8>) -> Result<(), String> {
    let m = DynamicMessage::decode(msg.clone(), bytes)
        .map_err(|e| format!("Protobuf message {} does not decode: {e}", msg.full_name()))?;
    let mut ser = serde_json::Serializer::new(&mut *out);
    m.serialize_with_options(&mut ser, &SerializeOptions::new())
        .map_err(|e| format!("Protobuf message {} as JSON: {e}", msg.full_name()))
}

/// Encodes JSON (the proto3 JSON mapping) as a message.
pub fn encode(msg: &MessageDescriptor, json: &[u8]) -> Result<Vec<u8>, String> {
    use prost_reflect::prost::Message as _;
    let mut de = serde_json::Deserializer::from_slice(json);
    let m =
        DynamicMessage::deserialize_with_options(msg.clone(), &mut de, &DeserializeOptions::new())
            .map_err(|e| format!("does not match Protobuf message {}: {e}", msg.full_name()))?;
    Ok(m.encode_to_vec())
}
