//! Edits of the config file's contexts that keep everything else as it was: comments, blank lines,
//! key order, quoting, and keys evctl does not touch (a lossless YAML tree, `yaml-edit`). Secrets
//! are never written: only references to them (`password_env`, `password_file`, `token_env`, ...).

use std::str::FromStr;

use yaml_edit::{Document, Mapping};

use super::SecretRef;

/// What `evctl config set-context` writes into a context; `None` leaves a key as it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContextEdit {
    pub brokers: Option<Vec<String>>,
    pub client_id: Option<String>,
    pub timeout: Option<String>,
    pub tls: Option<bool>,
    pub tls_ca: Option<String>,
    pub tls_cert: Option<String>,
    pub tls_key: Option<String>,
    pub tls_server_name: Option<String>,
    pub tls_insecure: Option<bool>,
    pub sasl_mechanism: Option<String>,
    pub sasl_username: Option<String>,
    pub sasl_password: Option<SecretRef>,
    pub registry_url: Option<String>,
    pub registry_username: Option<String>,
    pub registry_password: Option<SecretRef>,
    pub registry_token: Option<SecretRef>,
    pub registry_ca: Option<String>,
}

impl ContextEdit {
    /// The sections and keys to write, in the file's order: (section or "", key, YAML value).
    fn entries(&self) -> Vec<(&'static str, &'static str, String)> {
        let mut out = Vec::new();
        let mut put = |section: &'static str, key: &'static str, v: Option<String>| {
            if let Some(v) = v {
                out.push((section, key, v));
            }
        };
        put(
            "",
            "brokers",
            self.brokers.as_ref().map(|b| {
                format!(
                    "[{}]",
                    b.iter().map(|s| scalar(s)).collect::<Vec<_>>().join(", ")
                )
            }),
        );
        put("", "client_id", self.client_id.as_deref().map(scalar));
        put("", "timeout", self.timeout.as_deref().map(scalar));
        put("tls", "enabled", self.tls.map(|b| b.to_string()));
        put("tls", "ca_file", self.tls_ca.as_deref().map(scalar));
        put("tls", "cert_file", self.tls_cert.as_deref().map(scalar));
        put("tls", "key_file", self.tls_key.as_deref().map(scalar));
        put(
            "tls",
            "server_name",
            self.tls_server_name.as_deref().map(scalar),
        );
        put(
            "tls",
            "insecure_skip_verify",
            self.tls_insecure.map(|b| b.to_string()),
        );
        put(
            "sasl",
            "mechanism",
            self.sasl_mechanism.as_deref().map(scalar),
        );
        put(
            "sasl",
            "username",
            self.sasl_username.as_deref().map(scalar),
        );
        put(
            "schema_registry",
            "url",
            self.registry_url.as_deref().map(scalar),
        );
        put(
            "schema_registry",
            "username",
            self.registry_username.as_deref().map(scalar),
        );
        put(
            "schema_registry",
            "ca_file",
            self.registry_ca.as_deref().map(scalar),
        );
        for (section, prefix, secret) in [
            ("sasl", "password", &self.sasl_password),
            ("schema_registry", "password", &self.registry_password),
            ("schema_registry", "token", &self.registry_token),
        ] {
            if let Some(s) = secret {
                let (key, value) = secret_key(prefix, s);
                out.push((section, key, value));
            }
        }
        out
    }

    /// True when nothing would be written.
    pub fn is_empty(&self) -> bool {
        self.entries().is_empty()
    }
}

/// The reference key for a secret (`password_env` / `password_file`) and its YAML value.
fn secret_key(prefix: &str, s: &SecretRef) -> (&'static str, String) {
    let key = match (prefix, s) {
        ("password", SecretRef::Env(_)) => "password_env",
        ("password", SecretRef::File(_)) => "password_file",
        (_, SecretRef::Env(_)) => "token_env",
        (_, SecretRef::File(_)) => "token_file",
    };
    let value = match s {
        SecretRef::Env(v) => scalar(v),
        SecretRef::File(p) => scalar(&p.display().to_string()),
    };
    (key, value)
}

/// The other reference key of the same secret: writing one removes the other.
fn other_ref(key: &str) -> Option<&'static str> {
    Some(match key {
        "password_env" => "password_file",
        "password_file" => "password_env",
        "token_env" => "token_file",
        "token_file" => "token_env",
        _ => return None,
    })
}

/// A YAML scalar for `s`: plain when that reads back as the same string, else double-quoted.
fn scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-/:@~".contains(c))
        && !s.starts_with(['-', ':', '@', '~'])
        && !s.contains(": ")
        && serde_yaml_ng::from_str::<serde_yaml_ng::Value>(s).ok()
            == Some(serde_yaml_ng::Value::String(s.to_string()));
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_default()
    }
}

/// Why an edit could not be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EditError {
    #[error("the config file is not a YAML mapping: {0}")]
    NotAMapping(String),
    #[error("`contexts` in the config file is not a mapping")]
    ContextsNotAMapping,
    #[error("no context named {0:?}")]
    NoSuchContext(String),
    #[error("a context named {0:?} already exists")]
    Exists(String),
}

fn parse(text: &str) -> Result<Document, EditError> {
    if text.trim().is_empty() {
        return Document::from_str("{}").map_err(|e| EditError::NotAMapping(e.to_string()));
    }
    let doc = Document::from_str(text).map_err(|e| EditError::NotAMapping(e.to_string()))?;
    if doc.as_mapping().is_none() {
        return Err(EditError::NotAMapping(
            "its top level is not `key: value`".into(),
        ));
    }
    Ok(doc)
}

fn snippet(yaml: &str) -> Mapping {
    Document::from_str(yaml)
        .ok()
        .and_then(|d| d.as_mapping())
        .expect("evctl writes valid YAML mappings")
}

/// Block YAML for the entries of one section (or the top level when `section` is "").
fn block(entries: &[(&'static str, &'static str, String)], section: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    entries
        .iter()
        .filter(|(s, _, _)| *s == section)
        .map(|(_, k, v)| format!("{pad}{k}: {v}\n"))
        .collect()
}

/// A whole new context as block YAML.
fn new_context(entries: &[(&'static str, &'static str, String)]) -> String {
    let mut out = block(entries, "", 0);
    for section in ["tls", "sasl", "schema_registry"] {
        let body = block(entries, section, 2);
        if !body.is_empty() {
            out.push_str(&format!("{section}:\n{body}"));
        }
    }
    out
}

/// Creates context `name` or updates the keys `edit` names in it, keeping everything else.
pub fn set_context(text: &str, name: &str, edit: &ContextEdit) -> Result<String, EditError> {
    let entries = edit.entries();
    if text.trim().is_empty() {
        // a new file: plain block YAML, as a person would write it
        let body: String = new_context(&entries)
            .lines()
            .map(|l| format!("    {l}\n"))
            .collect();
        return Ok(format!("contexts:\n  {}:\n{body}", scalar(name)));
    }
    let doc = parse(text)?;
    let root = doc.as_mapping().ok_or(EditError::ContextsNotAMapping)?;
    let contexts = match root.get("contexts") {
        None => {
            root.set("contexts", snippet(&format!("{}: {{}}\n", scalar(name))));
            root.get_mapping("contexts")
                .ok_or(EditError::ContextsNotAMapping)?
        }
        Some(_) => root
            .get_mapping("contexts")
            .ok_or(EditError::ContextsNotAMapping)?,
    };
    let Some(ctx) = contexts.get_mapping(name).filter(|m| !m.is_empty()) else {
        contexts.set(name, snippet(&new_context(&entries)));
        return Ok(doc.to_string());
    };
    for (section, key, value) in &entries {
        let target = if section.is_empty() {
            ctx.clone()
        } else {
            match ctx.get_mapping(*section) {
                Some(m) => m,
                None => {
                    ctx.set(*section, snippet(&format!("{key}: {value}\n")));
                    continue;
                }
            }
        };
        if let Some(other) = other_ref(key) {
            target.remove(other);
        }
        let value_doc = Document::from_str(&format!("v: {value}\n"))
            .ok()
            .and_then(|d| d.as_mapping())
            .and_then(|m| m.get("v"));
        match value_doc {
            Some(v) => target.set(*key, v),
            None => target.set(*key, value.as_str()),
        }
    }
    Ok(doc.to_string())
}

/// Removes context `name`; when it was the current one, `current_context` goes too. Returns the
/// new text and whether the current context was removed.
pub fn delete_context(text: &str, name: &str) -> Result<(String, bool), EditError> {
    let doc = parse(text)?;
    let root = doc.as_mapping().ok_or(EditError::ContextsNotAMapping)?;
    let contexts = root
        .get_mapping("contexts")
        .ok_or_else(|| EditError::NoSuchContext(name.into()))?;
    if contexts.remove(name).is_none() {
        return Err(EditError::NoSuchContext(name.into()));
    }
    let was_current = is_current(&root, name);
    if was_current {
        root.remove("current_context");
    }
    Ok((doc.to_string(), was_current))
}

/// Renames context `old` to `new` (and `current_context` with it).
pub fn rename_context(text: &str, old: &str, new: &str) -> Result<String, EditError> {
    let doc = parse(text)?;
    let root = doc.as_mapping().ok_or(EditError::ContextsNotAMapping)?;
    let contexts = root
        .get_mapping("contexts")
        .ok_or_else(|| EditError::NoSuchContext(old.into()))?;
    if contexts.get(new).is_some() {
        return Err(EditError::Exists(new.into()));
    }
    if !contexts.rename_key(old, new) {
        return Err(EditError::NoSuchContext(old.into()));
    }
    if is_current(&root, old) {
        root.set("current_context", new);
    }
    Ok(doc.to_string())
}

fn is_current(root: &Mapping, name: &str) -> bool {
    root.get("current_context")
        .map(|v| v.to_string())
        .is_some_and(|v| v.trim().trim_matches(['"', '\'']) == name)
}

/// Writes the config file: checked first (it must still load), then written next to it with mode
/// 0600 and renamed over it, so a crash never leaves half a file and nobody else can read it.
pub fn write_file(path: &std::path::Path, text: &str) -> anyhow::Result<()> {
    if let Err(e) = serde_yaml_ng::from_str::<super::ConfigFile>(text) {
        anyhow::bail!(
            "the edited config would not load ({e}); {} is unchanged",
            path.display()
        );
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("yaml.tmp");
    {
        use std::io::Write;
        #[cfg(unix)]
        use std::os::unix::fs::OpenOptionsExt;
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create(true).truncate(true);
        #[cfg(unix)]
        opts.mode(0o600);
        let mut f = opts.open(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o600))?;
    }
    std::fs::rename(&tmp, path)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ConfigFile;

    const FILE: &str = "\
# evctl contexts (hand-written)
current_context: local   # the default one
contexts:
  local:
    brokers: [127.0.0.1:9092]
    timeout: 30s  # a slow laptop
  prod:
    brokers: [kafka-1:9093]
    sasl: {mechanism: PLAIN, username: ops, password_env: PROD_PW}
";

    fn parsed(text: &str) -> ConfigFile {
        serde_yaml_ng::from_str(text).unwrap_or_else(|e| panic!("{e}:\n{text}"))
    }

    #[test]
    fn a_new_context_keeps_the_rest_of_the_file() {
        let edit = ContextEdit {
            brokers: Some(vec!["127.0.0.1:1".into(), "127.0.0.1:2".into()]),
            tls_ca: Some("/certs/my ca: x.pem".into()),
            sasl_mechanism: Some("SCRAM-SHA-512".into()),
            sasl_username: Some("admin".into()),
            sasl_password: Some(SecretRef::Env("KAFKA_PW".into())),
            registry_url: Some("http://127.0.0.1:8081".into()),
            ..Default::default()
        };
        let out = set_context(FILE, "kafka", &edit).unwrap();
        assert!(
            out.starts_with(FILE),
            "the old text is kept as it was:\n{out}"
        );
        let c = &parsed(&out).contexts["kafka"];
        assert_eq!(
            c.brokers.as_ref().unwrap().to_vec(),
            ["127.0.0.1:1", "127.0.0.1:2"]
        );
        assert_eq!(
            c.tls.as_ref().unwrap().ca_file.as_deref(),
            Some("/certs/my ca: x.pem")
        );
        let sasl = c.sasl.as_ref().unwrap();
        assert_eq!(sasl.password_env.as_deref(), Some("KAFKA_PW"));
        assert_eq!(
            c.schema_registry.as_ref().unwrap().url.as_deref(),
            Some("http://127.0.0.1:8081")
        );
    }

    #[test]
    fn an_edit_changes_only_the_keys_given() {
        let edit = ContextEdit {
            sasl_username: Some("root".into()),
            sasl_password: Some(SecretRef::File("/run/secrets/pw".into())),
            timeout: Some("5s".into()),
            ..Default::default()
        };
        let out = set_context(FILE, "prod", &edit).unwrap();
        assert!(out.contains("# evctl contexts (hand-written)"), "{out}");
        assert!(out.contains("timeout: 30s  # a slow laptop"), "{out}");
        let f = parsed(&out);
        let sasl = f.contexts["prod"].sasl.as_ref().unwrap();
        assert_eq!(sasl.mechanism.as_deref(), Some("PLAIN"), "kept");
        assert_eq!(sasl.username.as_deref(), Some("root"));
        assert_eq!(sasl.password_file.as_deref(), Some("/run/secrets/pw"));
        assert_eq!(sasl.password_env, None, "one reference replaces the other");
        assert_eq!(f.contexts["prod"].timeout.as_deref(), Some("5s"));
        assert_eq!(f.contexts["local"].timeout.as_deref(), Some("30s"));
    }

    #[test]
    fn a_new_file_and_one_without_contexts() {
        let edit = ContextEdit {
            brokers: Some(vec!["h:1".into()]),
            ..Default::default()
        };
        let out = set_context("", "dev", &edit).unwrap();
        assert_eq!(out, "contexts:\n  dev:\n    brokers: [h:1]\n");
        let out = set_context("# just a comment\ncurrent_context: dev\n", "dev", &edit).unwrap();
        assert!(out.starts_with("# just a comment\n"), "{out}");
        assert_eq!(
            parsed(&out).contexts["dev"]
                .brokers
                .as_ref()
                .unwrap()
                .to_vec(),
            ["h:1"]
        );
    }

    #[test]
    fn delete_and_rename() {
        let (out, was_current) = delete_context(FILE, "local").unwrap();
        assert!(was_current);
        let f = parsed(&out);
        assert!(!f.contexts.contains_key("local") && f.contexts.contains_key("prod"));
        assert_eq!(f.current_context, None);
        assert!(out.contains("# evctl contexts (hand-written)"));
        assert_eq!(
            delete_context(FILE, "nope"),
            Err(EditError::NoSuchContext("nope".into()))
        );

        let out = rename_context(FILE, "local", "laptop").unwrap();
        let f = parsed(&out);
        assert_eq!(f.current_context.as_deref(), Some("laptop"));
        assert_eq!(f.contexts["laptop"].timeout.as_deref(), Some("30s"));
        assert!(out.contains("# a slow laptop"), "{out}");
        assert_eq!(
            rename_context(FILE, "local", "prod"),
            Err(EditError::Exists("prod".into()))
        );
        assert_eq!(
            rename_context(FILE, "x", "y"),
            Err(EditError::NoSuchContext("x".into()))
        );
    }

    #[test]
    fn scalars_quote_only_when_needed() {
        assert_eq!(scalar("127.0.0.1:9092"), "127.0.0.1:9092");
        assert_eq!(scalar("SCRAM-SHA-512"), "SCRAM-SHA-512");
        assert_eq!(scalar("a b"), "\"a b\"");
        assert_eq!(scalar("true"), "\"true\"");
        assert_eq!(scalar("123"), "\"123\"");
        assert_eq!(scalar("# x"), "\"# x\"");
        assert_eq!(scalar(""), "\"\"");
    }
}
