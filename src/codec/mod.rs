//! Registry-encoded keys and values: Confluent's framing ([`framing`]) and the Avro, Protobuf and
//! JSON Schema data behind it, decoded for `tail` and `dlq` and encoded for `publish`.
//!
//! A [`Codec`] asks the registry once per schema id (or GUID) in a run and keeps the compiled
//! schema, or the failure, for the rest of it. Decoding replaces a key or value with its JSON
//! text and tags the [`Message`] with the schema ([`SchemaTag`]); anything that cannot be decoded
//! stays as it was, with a note. Encoding is the reverse: a tagged (or `--value-schema`) JSON
//! text becomes the framed datum.

pub mod avro;
pub mod flags;
pub mod framing;
pub mod json_schema;
pub mod protobuf;

use std::collections::HashMap;
use std::sync::Arc;

use bytes::Bytes;

use self::avro::{AvroCodec, AvroJson};
use self::framing::{Frame, SchemaKey};
use self::json_schema::JsonCodec;
use self::protobuf::ProtoCodec;
use crate::record::{Message, SchemaTag};
use crate::schema::Format;
use crate::schema::registry::{Registry, RegistryError, SchemaBody, SchemaRef, SubjectVersion};

/// Size of the chunks decoded values are kept in.
const ARENA_CHUNK: usize = 256 << 10;

/// A compiled registry schema.
pub enum Compiled {
    Avro(Box<AvroCodec>),
    Protobuf(ProtoCodec),
    Json(JsonCodec),
}

/// One schema of the registry, compiled.
pub struct Loaded {
    pub id: i32,
    pub guid: Option<String>,
    pub format: Format,
    pub compiled: Compiled,
    /// The subject versions holding it.
    pub versions: Vec<SubjectVersion>,
}

/// Which key or value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Key,
    Value,
}

impl Part {
    /// `key` or `value`.
    pub fn name(self) -> &'static str {
        match self {
            Part::Key => "key",
            Part::Value => "value",
        }
    }

    fn header(self) -> &'static str {
        match self {
            Part::Key => framing::KEY_HEADER,
            Part::Value => framing::VALUE_HEADER,
        }
    }

    fn suffix(self) -> &'static str {
        match self {
            Part::Key => "-key",
            Part::Value => "-value",
        }
    }
}

/// A tag's cache key: id or GUID, header framing, part, topic, Protobuf index path.
type TagKey = (SchemaKey, bool, Part, Arc<str>, Option<Vec<usize>>);

/// Decodes and encodes registry data, with the run's schema cache.
pub struct Codec {
    registry: Registry,
    avro_json: AvroJson,
    schemas: HashMap<SchemaKey, Result<Arc<Loaded>, LoadError>>,
    tags: HashMap<TagKey, Arc<SchemaTag>>,
    /// Decoding's scratch buffer, and the chunk decoded values are kept in.
    scratch: Vec<u8>,
    arena: bytes::BytesMut,
    /// The tag of the last record (a run mostly sees one schema per topic).
    last_tag: Option<(TagKey, Arc<SchemaTag>)>,
    /// Ids already reported as unknown to the registry.
    unknown_noted: std::collections::HashSet<SchemaKey>,
    /// Requests sent to the registry.
    pub requests: u64,
    /// Schemas fetched (ids and GUIDs).
    pub fetched: u64,
}

/// What decoding a message found worth saying: `(part, why)`.
pub type Notes = Vec<(Part, String)>;

impl Codec {
    /// A codec over `registry`; nothing is sent yet.
    pub fn new(registry: Registry, avro_json: AvroJson) -> Codec {
        Codec {
            registry,
            avro_json,
            schemas: HashMap::new(),
            tags: HashMap::new(),
            last_tag: None,
            scratch: Vec::new(),
            arena: bytes::BytesMut::new(),
            unknown_noted: Default::default(),
            requests: 0,
            fetched: 0,
        }
    }

    /// Fails when the registry cannot be reached (or refuses the credentials).
    pub async fn probe(&mut self) -> Result<(), RegistryError> {
        self.requests += 1;
        self.registry.probe().await
    }

    /// The schema for an id or GUID, fetched and compiled on first use.
    pub async fn load(&mut self, key: SchemaKey) -> Result<Arc<Loaded>, LoadError> {
        if let Some(r) = self.schemas.get(&key) {
            return r.clone();
        }
        let r = self.fetch(key).await;
        self.fetched += 1;
        self.schemas.insert(key, r.clone());
        r
    }

    async fn fetch(&mut self, key: SchemaKey) -> Result<Arc<Loaded>, LoadError> {
        self.requests += 1;
        let (stored, id) = match key {
            SchemaKey::Id(id) => (self.registry.schema_by_id(id).await, id),
            SchemaKey::Guid(g) => {
                let text = SchemaKey::guid_text(&g);
                let s = self.registry.schema_by_guid(&text).await;
                // a registry that does not say the id: -1 (the GUID still names the schema)
                let id = s.as_ref().ok().and_then(|s| s.id).unwrap_or(-1);
                let id = i32::try_from(id)
                    .map_err(|_| LoadError::Failed(format!("schema id {id} out of range")))?;
                (s, id)
            }
        };
        let stored = stored.map_err(|e| match e.code() {
            Some(40403) | Some(404) => LoadError::Unknown(match key {
                SchemaKey::Id(id) => format!("schema id {id} is unknown to the registry"),
                SchemaKey::Guid(g) => format!(
                    "schema GUID {} is unknown to the registry",
                    SchemaKey::guid_text(&g)
                ),
            }),
            _ => LoadError::Failed(e.to_string()),
        })?;
        let format = stored.format().ok_or_else(|| {
            LoadError::Failed(format!(
                "schema id {id} has an unknown schemaType {:?}",
                stored.schema_type
            ))
        })?;
        let references =
            (self.reference_texts(&stored.references).await).map_err(LoadError::Failed)?;
        let compiled = compile(format, &stored.schema, &references).map_err(LoadError::Failed)?;
        self.requests += 1;
        let versions = self
            .registry
            .id_versions(i64::from(id))
            .await
            .unwrap_or_default();
        Ok(Arc::new(Loaded {
            id,
            guid: stored.guid.clone(),
            format,
            compiled,
            versions,
        }))
    }

    fn tag(
        &mut self,
        loaded: &Loaded,
        frame: &Frame,
        part: Part,
        topic: &Arc<str>,
        path: Option<Vec<usize>>,
        message: Option<&str>,
    ) -> Arc<SchemaTag> {
        if let Some((k, t)) = &self.last_tag
            && k.0 == frame.schema
            && k.1 == frame.header.is_some()
            && k.2 == part
            && Arc::ptr_eq(&k.3, topic)
            && k.4 == path
        {
            return t.clone();
        }
        let key = (
            frame.schema,
            frame.header.is_some(),
            part,
            topic.clone(),
            path,
        );
        if let Some(t) = self.tags.get(&key) {
            self.last_tag = Some((key, t.clone()));
            return t.clone();
        }
        let own = format!("{topic}{}", part.suffix());
        let holder = loaded
            .versions
            .iter()
            .filter(|v| v.subject == own)
            .max_by_key(|v| v.version)
            .or_else(|| loaded.versions.first());
        let guid = match frame.schema {
            SchemaKey::Guid(g) => Some(SchemaKey::guid_text(&g)),
            SchemaKey::Id(_) => None,
        };
        let t = Arc::new(SchemaTag {
            id: loaded.id,
            subject: holder.map(|v| v.subject.clone()),
            version: holder.map(|v| v.version),
            format: loaded.format.registry_type().to_string(),
            message: message.map(str::to_string),
            guid,
        });
        self.tags.insert(key.clone(), t.clone());
        self.last_tag = Some((key, t.clone()));
        t
    }

    /// Decodes the registry-framed key and value of `msg` in place; notes say what was left as
    /// it was and why.
    pub async fn decode(&mut self, topic: &Arc<str>, msg: &mut Message) -> Notes {
        let mut notes = Notes::new();
        for part in [Part::Key, Part::Value] {
            if let Err(why) = self.decode_part(topic, msg, part).await {
                notes.push((part, why));
            }
        }
        notes
    }

    async fn decode_part(
        &mut self,
        topic: &Arc<str>,
        msg: &mut Message,
        part: Part,
    ) -> Result<(), String> {
        let slot = match part {
            Part::Key => &mut msg.key,
            Part::Value => &mut msg.value,
        };
        let Some(bytes) = slot.take() else {
            return Ok(());
        };
        // neither a prefix frame nor a header: nothing to look up
        let framed = bytes.len() >= 5 || !msg.headers.is_empty();
        let decoded = match framed {
            true => self.decode_bytes(topic, &bytes, &msg.headers, part).await,
            false => Ok(None),
        };
        let (slot, tag_slot) = match part {
            Part::Key => (&mut msg.key, &mut msg.key_schema),
            Part::Value => (&mut msg.value, &mut msg.value_schema),
        };
        match decoded {
            Ok(Some((out, tag))) => {
                *slot = Some(out);
                *tag_slot = Some(tag);
                Ok(())
            }
            other => {
                *slot = Some(bytes);
                other.map(|_| ())
            }
        }
    }

    /// The JSON of registry-framed bytes and their tag; `None` when they are not framed.
    async fn decode_bytes(
        &mut self,
        topic: &Arc<str>,
        bytes: &Bytes,
        headers: &[(String, Option<Bytes>)],
        part: Part,
    ) -> Result<Option<(Bytes, Arc<SchemaTag>)>, String> {
        let frame = match framing::frame_of(bytes, headers, part.header()) {
            Ok(Some(f)) => f,
            Ok(None) => return Ok(None),
            Err(e) => return Err(format!("{e}; shown as is")),
        };
        let loaded = match self.load(frame.schema).await {
            Ok(l) => l,
            // bytes starting with 0 need not be framed at all: say so once per id
            Err(LoadError::Unknown(e)) if frame.header.is_none() => {
                return if self.unknown_noted.insert(frame.schema) {
                    Err(format!(
                        "starts like a registry frame, but {e}; shown as is (later records with this id too, without a note)"
                    ))
                } else {
                    Ok(None)
                };
            }
            Err(e) => return Err(format!("{e}; shown as is")),
        };
        // a binary key that starts with 0 (a big-endian number) can name the id of a value
        // schema by chance: a key is only decoded with a schema some key subject may hold
        if part == Part::Key
            && frame.header.is_none()
            && !loaded.versions.is_empty()
            && loaded
                .versions
                .iter()
                .all(|v| v.subject.ends_with("-value"))
        {
            return Ok(None);
        }
        let (path_bytes, payload): (&[u8], &[u8]) = match &frame.header {
            Some(h) => (&h[frame.rest_start..], &bytes[..]),
            None => (&bytes[frame.rest_start..], &bytes[frame.rest_start..]),
        };
        let mut out = std::mem::take(&mut self.scratch);
        out.clear();
        let (path, message) = match &loaded.compiled {
            Compiled::Avro(c) => {
                c.decode(payload, self.avro_json, &mut out)?;
                (None, None)
            }
            Compiled::Json(_) => {
                json_schema::decode(payload, &mut out)?;
                (None, None)
            }
            Compiled::Protobuf(c) => {
                let (path, used) = framing::read_path(path_bytes).map_err(|e| e.to_string())?;
                let payload = match frame.header {
                    Some(_) => payload,
                    None => &payload[used..],
                };
                let m = c.message_at(&path)?;
                protobuf::decode(&m, payload, &mut out)?;
                (Some(path), Some(m.full_name().to_string()))
            }
        };
        let tag = self.tag(&loaded, &frame, part, topic, path, message.as_deref());
        let json = self.keep(&out);
        self.scratch = out;
        Ok(Some((json, tag)))
    }

    /// A decoded value as `Bytes` in the current arena chunk: records share large allocations
    /// instead of making one each.
    fn keep(&mut self, json: &[u8]) -> Bytes {
        if self.arena.capacity() < json.len() {
            self.arena = bytes::BytesMut::with_capacity(json.len().max(ARENA_CHUNK));
        }
        self.arena.extend_from_slice(json);
        self.arena.split().freeze()
    }

    /// Encodes the tagged key and value of `msg` in place (tags from the input line, else the
    /// `defaults` resolved from `--key-schema` / `--value-schema`). The error names the part, the
    /// field path and why.
    pub async fn encode(
        &mut self,
        msg: &mut Message,
        defaults: &Defaults,
    ) -> Result<(), EncodeError> {
        for part in [Part::Key, Part::Value] {
            let (tag, default) = match part {
                Part::Key => (msg.key_schema.take(), &defaults.key),
                Part::Value => (msg.value_schema.take(), &defaults.value),
            };
            let bytes = match part {
                Part::Key => msg.key.clone(),
                Part::Value => msg.value.clone(),
            };
            let Some(json) = bytes else { continue };
            let target = match (&tag, default) {
                (Some(t), _) => Target::from_tag(t),
                (None, Some(d)) => d.clone(),
                (None, None) => continue,
            };
            let framed = self
                .encode_part(&json, &target)
                .await
                .map_err(|e| match e {
                    EncodeError::Input(m) => EncodeError::Input(format!("{}: {m}", part.name())),
                    other => other,
                })?;
            msg.headers.retain(|(n, _)| n != part.header());
            match framed {
                Framed::Prefixed(b) => set(msg, part, b),
                Framed::Header(b, h) => {
                    set(msg, part, b);
                    msg.headers
                        .push((part.header().to_string(), Some(Bytes::from(h))));
                }
            }
        }
        Ok(())
    }

    async fn encode_part(&mut self, json: &[u8], target: &Target) -> Result<Framed, EncodeError> {
        let key = match (&target.guid, target.id) {
            (Some(g), _) => SchemaKey::Guid(
                SchemaKey::parse_guid(g)
                    .ok_or_else(|| EncodeError::Input(format!("invalid schema GUID {g:?}")))?,
            ),
            (None, id) => SchemaKey::Id(id),
        };
        let loaded = self.load(key).await.map_err(|e| match e {
            LoadError::Unknown(e) => EncodeError::Input(e),
            LoadError::Failed(e) => EncodeError::Registry(e),
        })?;
        self.frame(json, target, key, &loaded)
            .map_err(EncodeError::Input)
    }

    fn frame(
        &self,
        json: &[u8],
        target: &Target,
        key: SchemaKey,
        loaded: &Loaded,
    ) -> Result<Framed, String> {
        let mut path = None;
        let payload = match &loaded.compiled {
            Compiled::Avro(c) => {
                let v: serde_json::Value =
                    serde_json::from_slice(json).map_err(|e| format!("not JSON: {e}"))?;
                c.encode(&v)?
            }
            Compiled::Json(c) => {
                let v: serde_json::Value =
                    serde_json::from_slice(json).map_err(|e| format!("not JSON: {e}"))?;
                c.validate(&v)?;
                json.to_vec()
            }
            Compiled::Protobuf(c) => {
                let (m, p) = c.message_named(target.message.as_deref())?;
                path = Some(p);
                protobuf::encode(&m, json)?
            }
        };
        if target.header || target.guid.is_some() {
            let guid = loaded
                .guid
                .as_deref()
                .and_then(SchemaKey::parse_guid)
                .or(match key {
                    SchemaKey::Guid(g) => Some(g),
                    SchemaKey::Id(_) => None,
                })
                .ok_or_else(|| {
                    format!(
                        "the registry gives no GUID for schema id {}: header framing needs Confluent Schema Registry 8.0 or later",
                        loaded.id
                    )
                })?;
            let mut h = framing::header_value(&guid);
            if let Some(p) = &path {
                framing::write_path(&mut h, p);
            }
            return Ok(Framed::Header(payload, h));
        }
        let mut out = Vec::with_capacity(payload.len() + 8);
        framing::write_prefix(&mut out, loaded.id);
        if let Some(p) = &path {
            framing::write_path(&mut out, p);
        }
        out.extend_from_slice(&payload);
        Ok(Framed::Prefixed(out))
    }

    /// Resolves a `--value-schema` / `--key-schema` choice to a schema id for `topic`:
    /// registering a file's schema under the strategy's subject (or, with `register` off, looking
    /// it up there), or reading a subject version.
    pub async fn resolve(
        &mut self,
        choice: &SchemaChoice,
        topic: &str,
        part: Part,
    ) -> Result<Target, String> {
        let id = match &choice.source {
            SchemaSource::Id(id) => *id,
            SchemaSource::Subject(s, v) => {
                self.requests += 1;
                let sv = self
                    .registry
                    .version(s, v)
                    .await
                    .map_err(|e| format!("subject {s:?} version {v}: {e}"))?;
                i32::try_from(sv.id).map_err(|_| format!("schema id {} out of range", sv.id))?
            }
            SchemaSource::File { path, format, text } => {
                let refs = match format {
                    Format::Protobuf => self.import_references(text).await?,
                    _ => vec![],
                };
                let texts = self.reference_texts(&refs).await?;
                let compiled = compile(*format, text, &texts)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                let record = match (&compiled, &choice.message) {
                    (Compiled::Avro(c), _) => c.record_name(),
                    (Compiled::Protobuf(c), m) => {
                        Some(c.message_named(m.as_deref())?.0.full_name().to_string())
                    }
                    (Compiled::Json(c), _) => c.title().map(str::to_string),
                };
                let subject = choice.strategy.subject(topic, part, record.as_deref())?;
                let body = SchemaBody::new(*format, text.clone(), refs);
                self.requests += 1;
                let id = if choice.register {
                    self.registry
                        .register(&subject, &body)
                        .await
                        .map_err(|e| format!("registering under {subject:?}: {e}"))?
                } else {
                    self.registry
                        .lookup(&subject, &body)
                        .await
                        .map_err(|e| match e.code() {
                            Some(40403) | Some(40401) => format!(
                                "{} is not registered under subject {subject:?} (--no-register needs it there)",
                                path.display()
                            ),
                            _ => format!("looking up {subject:?}: {e}"),
                        })?
                        .id
                };
                i32::try_from(id).map_err(|_| format!("schema id {id} out of range"))?
            }
        };
        // compile it now: a bad schema fails before any record is read
        self.load(SchemaKey::Id(id))
            .await
            .map_err(|e| e.to_string())?;
        Ok(Target {
            id,
            guid: None,
            message: choice.message.clone(),
            header: choice.header,
        })
    }
}

/// Why a schema could not be had.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The registry does not know the id or GUID.
    #[error("{0}")]
    Unknown(String),
    /// The registry failed, or the schema does not compile.
    #[error("{0}")]
    Failed(String),
}

/// Why a message could not be encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EncodeError {
    /// The input does not fit its schema (or names one the registry does not have).
    Input(String),
    /// The registry failed.
    Registry(String),
}

impl Codec {
    /// [`Registry::reference_texts`], counted.
    async fn reference_texts(
        &mut self,
        refs: &[SchemaRef],
    ) -> Result<Vec<(String, String)>, String> {
        let texts = self.registry.reference_texts(refs).await?;
        self.requests += texts.len() as u64;
        Ok(texts)
    }

    /// A `.proto` file's imports as registry references, by Confluent's convention that an
    /// import is registered under a subject of its own path (well-known and Confluent imports
    /// are built in and need none).
    async fn import_references(&mut self, text: &str) -> Result<Vec<SchemaRef>, String> {
        let re = regex::Regex::new(r#"(?m)^\s*import\s+(?:public\s+|weak\s+)?"([^"]+)"\s*;"#)
            .map_err(|e| e.to_string())?;
        let mut refs = Vec::new();
        for cap in re.captures_iter(text) {
            let name = &cap[1];
            if name.starts_with("google/") || name.starts_with("confluent/") {
                continue;
            }
            self.requests += 1;
            let v = self.registry.version(name, "latest").await.map_err(|e| {
                format!(
                    "import {name:?}: {e}; register it first under its own path (evctl schema register --subject {name} FILE)"
                )
            })?;
            refs.push(SchemaRef {
                name: name.to_string(),
                subject: v.subject,
                version: v.version,
            });
        }
        Ok(refs)
    }
}

fn set(msg: &mut Message, part: Part, b: Vec<u8>) {
    match part {
        Part::Key => msg.key = Some(Bytes::from(b)),
        Part::Value => msg.value = Some(Bytes::from(b)),
    }
}

enum Framed {
    Prefixed(Vec<u8>),
    Header(Vec<u8>, Vec<u8>),
}

/// Compiles a registry schema with its references.
fn compile(format: Format, text: &str, refs: &[(String, String)]) -> Result<Compiled, String> {
    Ok(match format {
        Format::Avro => {
            let texts: Vec<String> = refs.iter().map(|(_, t)| t.clone()).collect();
            Compiled::Avro(Box::new(AvroCodec::new(text, &texts)?))
        }
        Format::Protobuf => Compiled::Protobuf(ProtoCodec::new("schema.proto", text, refs)?),
        Format::Json => Compiled::Json(JsonCodec::new(text, refs)?),
    })
}

/// Where `--value-schema` comes from.
#[derive(Debug, Clone)]
pub enum SchemaSource {
    /// `FILE`: its text and format (from the extension).
    File {
        path: std::path::PathBuf,
        format: Format,
        text: String,
    },
    /// `id:N`.
    Id(i32),
    /// `subject:S[:version|latest]`.
    Subject(String, String),
}

impl SchemaSource {
    /// Parses the flag's value, reading a file.
    pub fn parse(s: &str) -> Result<SchemaSource, String> {
        if let Some(id) = s.strip_prefix("id:") {
            return id
                .parse::<i32>()
                .ok()
                .filter(|i| *i >= 0)
                .map(SchemaSource::Id)
                .ok_or_else(|| format!("{s:?}: expected id:N with N a schema id"));
        }
        if let Some(rest) = s.strip_prefix("subject:") {
            let (subject, version) = match rest.rsplit_once(':') {
                Some((sub, v)) if v == "latest" || v.parse::<u32>().is_ok() => (sub, v),
                _ => (rest, "latest"),
            };
            if subject.is_empty() {
                return Err(format!("{s:?}: expected subject:NAME[:VERSION|latest]"));
            }
            return Ok(SchemaSource::Subject(subject.into(), version.into()));
        }
        let path = std::path::PathBuf::from(s);
        let format = crate::schema::Format::from_path(&path).ok_or_else(|| {
            format!("{s}: unknown schema file type (expected .avsc, .proto or .json; or id:N, subject:S[:V])")
        })?;
        let text = crate::diag::read_text(&path).map_err(|e| e.to_string())?;
        Ok(SchemaSource::File { path, format, text })
    }
}

/// Which subject a schema file is registered under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SubjectStrategy {
    /// `<topic>-value` / `<topic>-key` (Confluent's TopicNameStrategy).
    #[default]
    Topic,
    /// The record's full name (RecordNameStrategy).
    Record,
    /// `<topic>-<record full name>` (TopicRecordNameStrategy).
    TopicRecord,
}

impl SubjectStrategy {
    fn subject(self, topic: &str, part: Part, record: Option<&str>) -> Result<String, String> {
        let named = || {
            record.ok_or_else(|| {
                "the record name strategies need a named schema (an Avro record, a Protobuf message or a JSON Schema title)".to_string()
            })
        };
        Ok(match self {
            SubjectStrategy::Topic => format!("{topic}{}", part.suffix()),
            SubjectStrategy::Record => named()?.to_string(),
            SubjectStrategy::TopicRecord => format!("{topic}-{}", named()?),
        })
    }
}

/// A `--value-schema` (or `--key-schema`) with its options.
#[derive(Debug, Clone)]
pub struct SchemaChoice {
    pub source: SchemaSource,
    /// `--value-message`: the Protobuf message (else the first).
    pub message: Option<String>,
    pub strategy: SubjectStrategy,
    /// Register a file's schema (else it must be registered already).
    pub register: bool,
    /// `--schema-id-header`: frame with the header instead of the prefix.
    pub header: bool,
}

/// A resolved schema to encode with.
#[derive(Debug, Clone)]
pub struct Target {
    pub id: i32,
    pub guid: Option<String>,
    pub message: Option<String>,
    pub header: bool,
}

impl Target {
    fn from_tag(t: &SchemaTag) -> Target {
        Target {
            id: t.id,
            guid: t.guid.clone(),
            message: t.message.clone(),
            header: t.guid.is_some(),
        }
    }
}

/// The schemas untagged keys and values are encoded with.
#[derive(Debug, Clone, Default)]
pub struct Defaults {
    pub key: Option<Target>,
    pub value: Option<Target>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_flag_values() {
        assert!(matches!(
            SchemaSource::parse("id:12"),
            Ok(SchemaSource::Id(12))
        ));
        assert!(SchemaSource::parse("id:-1").is_err());
        assert!(SchemaSource::parse("id:x").is_err());
        let s = SchemaSource::parse("subject:orders-value").unwrap();
        assert!(
            matches!(s, SchemaSource::Subject(ref n, ref v) if n == "orders-value" && v == "latest")
        );
        let s = SchemaSource::parse("subject:a:b:3").unwrap();
        assert!(matches!(s, SchemaSource::Subject(ref n, ref v) if n == "a:b" && v == "3"));
        assert!(SchemaSource::parse("subject:").is_err());
        let e = SchemaSource::parse("schema.txt").unwrap_err();
        assert!(e.contains("unknown schema file type"), "{e}");
        let e = SchemaSource::parse("/nonexistent/x.avsc").unwrap_err();
        assert!(e.starts_with("/nonexistent/x.avsc: "), "{e}");
    }

    #[test]
    fn subject_strategies() {
        let s = |st: SubjectStrategy, part, name| st.subject("orders", part, name);
        assert_eq!(
            s(SubjectStrategy::Topic, Part::Value, None).unwrap(),
            "orders-value"
        );
        assert_eq!(
            s(SubjectStrategy::Topic, Part::Key, Some("x.Y")).unwrap(),
            "orders-key"
        );
        assert_eq!(
            s(SubjectStrategy::Record, Part::Value, Some("x.Y")).unwrap(),
            "x.Y"
        );
        assert_eq!(
            s(SubjectStrategy::TopicRecord, Part::Value, Some("x.Y")).unwrap(),
            "orders-x.Y"
        );
        assert!(s(SubjectStrategy::Record, Part::Value, None).is_err());
    }
}
