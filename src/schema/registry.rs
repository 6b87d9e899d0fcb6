//! A thin client for the Confluent Schema Registry REST API (and the registries that speak it:
//! Redpanda, Karapace, Apicurio's ccompat API): compatibility checks, versions, registration.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::{Format, Mode, Policy};
use crate::tls::TlsOptions;

const CONTENT_TYPE: &str = "application/vnd.schemaregistry.v1+json";

/// How to authenticate. Secrets are never printed (see `Debug`).
#[derive(Clone, PartialEq, Eq, Default)]
pub enum Auth {
    #[default]
    None,
    Basic {
        username: String,
        password: String,
    },
    Bearer(String),
}

impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Auth::None => f.write_str("None"),
            Auth::Basic { username, .. } => write!(f, "Basic({username}, ***)"),
            Auth::Bearer(_) => f.write_str("Bearer(***)"),
        }
    }
}

/// Where the registry is and how to reach it.
#[derive(Debug, Clone)]
pub struct RegistryOptions {
    pub url: String,
    pub auth: Auth,
    /// TLS settings for https URLs (CA file, client certificate); system roots by default.
    pub tls: TlsOptions,
    pub timeout: Duration,
}

/// A registry failure.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    /// Could not talk to the registry at all.
    #[error("schema registry {url} unreachable: {reason}")]
    Unreachable { url: String, reason: String },
    /// The registry answered with an error.
    #[error("schema registry: {message} (HTTP {status}, error code {code})")]
    Api {
        status: u16,
        code: i64,
        message: String,
    },
    /// The answer was not what the API documents.
    #[error("schema registry {url}: unexpected response: {reason}")]
    Decode { url: String, reason: String },
    /// Bad client settings (CA file, URL).
    #[error("schema registry settings: {0}")]
    Config(String),
}

impl RegistryError {
    /// The registry error code (40401 subject not found, ...), if the registry sent one.
    pub fn code(&self) -> Option<i64> {
        match self {
            RegistryError::Api { code, .. } => Some(*code),
            _ => None,
        }
    }
}

/// A schema reference: `name` (Avro full name, Protobuf import path, JSON `$ref`) resolved to a
/// subject version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchemaRef {
    pub name: String,
    pub subject: String,
    pub version: i64,
}

/// The body of checks and registrations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SchemaBody {
    pub schema: String,
    #[serde(rename = "schemaType", skip_serializing_if = "Option::is_none")]
    pub schema_type: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<SchemaRef>,
}

impl SchemaBody {
    pub fn new(format: Format, schema: String, references: Vec<SchemaRef>) -> Self {
        SchemaBody {
            schema,
            // AVRO is the default and older registries reject an explicit schemaType for it
            schema_type: (format != Format::Avro).then(|| format.registry_type().to_string()),
            references,
        }
    }
}

/// One stored version of a subject.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchemaVersion {
    pub subject: String,
    pub version: i64,
    pub id: i64,
    #[serde(rename = "schemaType", default)]
    pub schema_type: Option<String>,
    #[serde(default)]
    pub references: Vec<SchemaRef>,
    pub schema: String,
}

impl SchemaVersion {
    /// The format, a missing `schemaType` meaning AVRO.
    pub fn format(&self) -> Option<Format> {
        Format::from_registry_type(self.schema_type.as_deref())
    }
}

/// A schema as `GET /schemas/ids/{id}` and `GET /schemas/guids/{guid}` answer it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct StoredSchema {
    pub schema: String,
    #[serde(rename = "schemaType", default)]
    pub schema_type: Option<String>,
    #[serde(default)]
    pub references: Vec<SchemaRef>,
    /// The schema's GUID (Confluent 8.0+; other registries leave it out).
    #[serde(default)]
    pub guid: Option<String>,
    /// The id (in GUID lookups).
    #[serde(default)]
    pub id: Option<i64>,
}

impl StoredSchema {
    /// The format, a missing `schemaType` meaning AVRO.
    pub fn format(&self) -> Option<Format> {
        Format::from_registry_type(self.schema_type.as_deref())
    }
}

/// A subject version that holds a schema id.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SubjectVersion {
    pub subject: String,
    pub version: i64,
}

/// The answer of a compatibility check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Compatibility {
    pub is_compatible: bool,
    /// The reasons (only with `verbose=true`, and not from every registry).
    #[serde(default)]
    pub messages: Vec<String>,
}

/// A subject's compatibility settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectConfig {
    pub mode: Mode,
    pub policy: Option<Policy>,
}

#[derive(Deserialize)]
struct ErrorBody {
    error_code: i64,
    message: String,
}

#[derive(Deserialize)]
struct ConfigBody {
    #[serde(rename = "compatibilityLevel", alias = "compatibility")]
    level: String,
    #[serde(rename = "compatibilityPolicy", default)]
    policy: Option<String>,
}

#[derive(Deserialize)]
struct IdBody {
    id: i64,
}

/// Percent-encodes one path segment (subjects may hold `:`, `/`, spaces, ...).
pub fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Transitive references fetched for one schema at most.
pub const MAX_REFERENCES: usize = 256;

/// A registry client.
#[derive(Debug, Clone)]
pub struct Registry {
    http: reqwest::Client,
    base: String,
    auth: Auth,
}

impl Registry {
    /// Builds a client; nothing is sent yet.
    pub fn new(opts: &RegistryOptions) -> Result<Registry, RegistryError> {
        let base = opts.url.trim_end_matches('/').to_string();
        if !(base.starts_with("http://") || base.starts_with("https://")) {
            return Err(RegistryError::Config(format!(
                "registry URL {base:?} must start with http:// or https://"
            )));
        }
        let tls = crate::tls::client_config(&opts.tls)
            .map_err(|e| RegistryError::Config(e.to_string()))?;
        let http = reqwest::Client::builder()
            .tls_backend_preconfigured(tls)
            .timeout(opts.timeout)
            .connect_timeout(opts.timeout)
            .user_agent(concat!("evctl/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| RegistryError::Config(e.to_string()))?;
        Ok(Registry {
            http,
            base,
            auth: opts.auth.clone(),
        })
    }

    /// The registry's base URL.
    pub fn url(&self) -> &str {
        &self.base
    }

    async fn send<T: for<'de> Deserialize<'de>>(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&SchemaBody>,
    ) -> Result<T, RegistryError> {
        let url = format!("{}{path}", self.base);
        let mut req = self.http.request(method, &url).header(
            reqwest::header::ACCEPT,
            format!("{CONTENT_TYPE}, application/json"),
        );
        req = match &self.auth {
            Auth::None => req,
            Auth::Basic { username, password } => req.basic_auth(username, Some(password)),
            Auth::Bearer(token) => req.bearer_auth(token),
        };
        if let Some(b) = body {
            let json = serde_json::to_vec(b).map_err(|e| RegistryError::Config(e.to_string()))?;
            req = req
                .header(reqwest::header::CONTENT_TYPE, CONTENT_TYPE)
                .body(json);
        }
        let resp = req.send().await.map_err(|e| RegistryError::Unreachable {
            url: self.base.clone(),
            reason: describe_reqwest(&e),
        })?;
        let status = resp.status();
        let bytes = resp.bytes().await.map_err(|e| RegistryError::Unreachable {
            url: self.base.clone(),
            reason: describe_reqwest(&e),
        })?;
        if !status.is_success() {
            return Err(match serde_json::from_slice::<ErrorBody>(&bytes) {
                Ok(e) => RegistryError::Api {
                    status: status.as_u16(),
                    code: e.error_code,
                    message: e.message,
                },
                Err(_) => RegistryError::Api {
                    status: status.as_u16(),
                    code: status.as_u16() as i64,
                    message: String::from_utf8_lossy(&bytes)
                        .chars()
                        .take(200)
                        .collect::<String>()
                        .trim()
                        .to_string(),
                },
            });
        }
        serde_json::from_slice(&bytes).map_err(|e| RegistryError::Decode {
            url: url.clone(),
            reason: e.to_string(),
        })
    }

    /// The subject's compatibility level (the global one when the subject has none).
    pub async fn config(&self, subject: &str) -> Result<SubjectConfig, RegistryError> {
        let path = format!("/config/{}?defaultToGlobal=true", encode_segment(subject));
        let body: ConfigBody = match self.send(reqwest::Method::GET, &path, None).await {
            // registries without defaultToGlobal answer 40408 for a subject without its own level
            Err(e) if e.code() == Some(40408) || e.code() == Some(40401) => {
                self.send(reqwest::Method::GET, "/config", None).await?
            }
            other => other?,
        };
        let mode = Mode::parse(&body.level).ok_or_else(|| RegistryError::Decode {
            url: self.base.clone(),
            reason: format!("unknown compatibility level {:?}", body.level),
        })?;
        let policy = match body
            .policy
            .as_deref()
            .map(str::to_ascii_uppercase)
            .as_deref()
        {
            Some("LENIENT") => Some(Policy::Lenient),
            Some("STRICT") => Some(Policy::Strict),
            _ => None,
        };
        Ok(SubjectConfig { mode, policy })
    }

    /// Checks a schema against every version of the subject, as registration would (honours
    /// `*_TRANSITIVE`). `Ok(None)` when the registry lacks this endpoint (Confluent before 7.0,
    /// Redpanda): check version by version instead.
    pub async fn check_all(
        &self,
        subject: &str,
        body: &SchemaBody,
    ) -> Result<Option<Compatibility>, RegistryError> {
        let path = format!(
            "/compatibility/subjects/{}/versions?verbose=true",
            encode_segment(subject)
        );
        match self.send(reqwest::Method::POST, &path, Some(body)).await {
            Ok(c) => Ok(Some(c)),
            // a subject that does not exist yet: anything is compatible
            Err(e) if e.code() == Some(40401) => Ok(Some(Compatibility {
                is_compatible: true,
                messages: vec![],
            })),
            Err(RegistryError::Api {
                status: 404 | 405,
                code,
                ..
            }) if code < 1000 => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Checks a schema against one version (`latest` or a number), under the subject's level.
    pub async fn check_version(
        &self,
        subject: &str,
        version: &str,
        body: &SchemaBody,
    ) -> Result<Compatibility, RegistryError> {
        let path = format!(
            "/compatibility/subjects/{}/versions/{}?verbose=true",
            encode_segment(subject),
            encode_segment(version)
        );
        match self.send(reqwest::Method::POST, &path, Some(body)).await {
            Err(e) if e.code() == Some(40401) || e.code() == Some(40402) => Ok(Compatibility {
                is_compatible: true,
                messages: vec![],
            }),
            other => other,
        }
    }

    /// The subject's version numbers, oldest first; empty when the subject does not exist.
    pub async fn versions(&self, subject: &str) -> Result<Vec<i64>, RegistryError> {
        let path = format!("/subjects/{}/versions", encode_segment(subject));
        match self.send(reqwest::Method::GET, &path, None).await {
            Err(e) if e.code() == Some(40401) => Ok(vec![]),
            Ok(v) => {
                let mut v: Vec<i64> = v;
                v.sort_unstable();
                Ok(v)
            }
            Err(e) => Err(e),
        }
    }

    /// One version (`latest` or a number) of a subject.
    pub async fn version(
        &self,
        subject: &str,
        version: &str,
    ) -> Result<SchemaVersion, RegistryError> {
        let path = format!(
            "/subjects/{}/versions/{}",
            encode_segment(subject),
            encode_segment(version)
        );
        self.send(reqwest::Method::GET, &path, None).await
    }

    /// Every subject.
    pub async fn subjects(&self) -> Result<Vec<String>, RegistryError> {
        self.send(reqwest::Method::GET, "/subjects", None).await
    }

    /// Registers a schema under a subject; returns its id. An incompatible schema is
    /// `RegistryError::Api` with code 409 or 40901.
    pub async fn register(&self, subject: &str, body: &SchemaBody) -> Result<i64, RegistryError> {
        let path = format!("/subjects/{}/versions", encode_segment(subject));
        let id: IdBody = self.send(reqwest::Method::POST, &path, Some(body)).await?;
        Ok(id.id)
    }
}

impl Registry {
    /// The schema with this id; `RegistryError::Api` with code 40403 when there is none.
    pub async fn schema_by_id(&self, id: i32) -> Result<StoredSchema, RegistryError> {
        self.send(reqwest::Method::GET, &format!("/schemas/ids/{id}"), None)
            .await
    }

    /// The schema with this GUID (Confluent 8.0+).
    pub async fn schema_by_guid(&self, guid: &str) -> Result<StoredSchema, RegistryError> {
        let path = format!("/schemas/guids/{}", encode_segment(guid));
        self.send(reqwest::Method::GET, &path, None).await
    }

    /// The subject versions holding a schema id; empty where the registry cannot say.
    pub async fn id_versions(&self, id: i64) -> Result<Vec<SubjectVersion>, RegistryError> {
        let path = format!("/schemas/ids/{id}/versions");
        match self.send(reqwest::Method::GET, &path, None).await {
            Err(RegistryError::Api {
                status: 404 | 405, ..
            }) => Ok(vec![]),
            other => other,
        }
    }

    /// The version of `subject` that holds this schema (`POST /subjects/{s}`); code 40403 when it
    /// holds no such schema, 40401 when the subject does not exist.
    pub async fn lookup(
        &self,
        subject: &str,
        body: &SchemaBody,
    ) -> Result<SchemaVersion, RegistryError> {
        let path = format!("/subjects/{}", encode_segment(subject));
        self.send(reqwest::Method::POST, &path, Some(body)).await
    }

    /// The texts of schema references, transitively, dependencies first: `(name, text)`. A
    /// subject version referenced twice is fetched once; more than [`MAX_REFERENCES`] (a cycle,
    /// or a hostile registry) is an error.
    pub async fn reference_texts(
        &self,
        refs: &[SchemaRef],
    ) -> Result<Vec<(String, String)>, String> {
        let mut out: Vec<(String, String)> = Vec::new();
        let mut pending: Vec<SchemaRef> = refs.iter().rev().cloned().collect();
        let mut seen = std::collections::HashSet::new();
        while let Some(r) = pending.pop() {
            if !seen.insert((r.subject.clone(), r.version)) {
                continue;
            }
            if seen.len() > MAX_REFERENCES {
                return Err(format!("more than {MAX_REFERENCES} schema references"));
            }
            let v = self
                .version(&r.subject, &r.version.to_string())
                .await
                .map_err(|e| {
                    format!(
                        "reference {:?} ({} version {}): {e}",
                        r.name, r.subject, r.version
                    )
                })?;
            pending.extend(v.references.iter().rev().cloned());
            out.push((r.name, v.schema));
        }
        // dependencies first: the last fetched are the deepest
        out.reverse();
        Ok(out)
    }

    /// Whether the registry answers at all: an unreachable registry, or one refusing the
    /// credentials, is an error; any other answer is not.
    pub async fn probe(&self) -> Result<(), RegistryError> {
        match self
            .send::<serde_json::Value>(reqwest::Method::GET, "/config", None)
            .await
        {
            Ok(_) => Ok(()),
            Err(e @ (RegistryError::Unreachable { .. } | RegistryError::Config(_))) => Err(e),
            Err(
                e @ RegistryError::Api {
                    status: 401 | 403, ..
                },
            ) => Err(e),
            Err(_) => Ok(()),
        }
    }
}

/// True for the registry's "incompatible schema" answer to a registration.
pub fn is_incompatible(err: &RegistryError) -> bool {
    matches!(
        err,
        RegistryError::Api {
            code: 409 | 40901,
            ..
        }
    )
}

/// True for the registry's "invalid schema" answer.
pub fn is_invalid_schema(err: &RegistryError) -> bool {
    matches!(err, RegistryError::Api { code: 42201, .. })
}

fn describe_reqwest(e: &reqwest::Error) -> String {
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg = format!("{msg}: {s}");
        src = s.source();
    }
    if e.is_timeout() {
        format!("timed out ({msg})")
    } else {
        msg
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_encoded() {
        assert_eq!(encode_segment("user.events-value"), "user.events-value");
        assert_eq!(
            encode_segment(":.ctx:sub ject/x"),
            "%3A.ctx%3Asub%20ject%2Fx"
        );
    }

    #[test]
    fn bodies() {
        let b = SchemaBody::new(Format::Avro, "\"int\"".into(), vec![]);
        assert_eq!(
            serde_json::to_string(&b).unwrap(),
            r#"{"schema":"\"int\""}"#
        );
        let b = SchemaBody::new(
            Format::Protobuf,
            "syntax".into(),
            vec![SchemaRef {
                name: "a.proto".into(),
                subject: "a".into(),
                version: 2,
            }],
        );
        assert_eq!(
            serde_json::to_string(&b).unwrap(),
            r#"{"schema":"syntax","schemaType":"PROTOBUF","references":[{"name":"a.proto","subject":"a","version":2}]}"#
        );
    }

    #[test]
    fn auth_debug_hides_secrets() {
        let a = Auth::Basic {
            username: "u".into(),
            password: "pw-123".into(),
        };
        assert!(!format!("{a:?}").contains("pw-123"));
        assert!(!format!("{:?}", Auth::Bearer("tok-9".into())).contains("tok-9"));
    }

    #[test]
    fn rejects_non_http_urls() {
        let opts = RegistryOptions {
            url: "registry:8081".into(),
            auth: Auth::None,
            tls: TlsOptions::default(),
            timeout: Duration::from_secs(1),
        };
        assert!(matches!(
            Registry::new(&opts),
            Err(RegistryError::Config(_))
        ));
    }
}
