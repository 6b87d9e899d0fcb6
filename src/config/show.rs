//! What `evctl config list` and `evctl config show` print: the contexts of the file, and every
//! setting with its value (secrets masked) and where it came from.

use serde::Serialize;

use super::{ConfigFile, Settings, Sourced};
use crate::output::{Render, Styles, sanitize, table_string};
use crate::units::format_duration;

/// A row of `config list`.
#[derive(Debug, Serialize)]
pub struct ContextRow {
    pub name: String,
    pub current: bool,
    pub brokers: Vec<String>,
    pub tls: bool,
    pub sasl: Option<String>,
    pub schema_registry: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ContextList(pub Vec<ContextRow>);

impl Render for ContextList {
    fn table(&self, s: &Styles) -> String {
        let mut t = s.table(&[
            "CURRENT",
            "NAME",
            "BROKERS",
            "TLS",
            "SASL",
            "SCHEMA REGISTRY",
        ]);
        for c in &self.0 {
            t.add_row(vec![
                if c.current { "*".into() } else { String::new() },
                sanitize(&c.name).into_owned(),
                sanitize(&c.brokers.join(",")).into_owned(),
                if c.tls { "yes".into() } else { "no".into() },
                c.sasl.clone().unwrap_or_else(|| "-".into()),
                sanitize(c.schema_registry.as_deref().unwrap_or("-")).into_owned(),
            ]);
        }
        table_string(&t)
    }
}

/// One setting as `config show` prints it.
#[derive(Debug, Serialize)]
pub struct SettingRow {
    pub setting: &'static str,
    pub value: String,
    pub source: String,
}

#[derive(Debug, Serialize)]
pub struct SettingList {
    pub config_file: Option<String>,
    pub context: Option<String>,
    pub settings: Vec<SettingRow>,
}

impl Render for SettingList {
    fn table(&self, s: &Styles) -> String {
        let mut out = format!(
            "{} {}\n{} {}\n\n",
            s.bold("Config file:"),
            sanitize(self.config_file.as_deref().unwrap_or("-")),
            s.bold("Context:    "),
            sanitize(self.context.as_deref().unwrap_or("-"))
        );
        let mut t = s.table(&["SETTING", "VALUE", "SOURCE"]);
        for r in &self.settings {
            t.add_row(vec![
                r.setting.to_string(),
                sanitize(&r.value).into_owned(),
                r.source.clone(),
            ]);
        }
        out.push_str(&table_string(&t));
        out
    }
}

fn row<T>(setting: &'static str, v: &Sourced<T>, show: impl Fn(&T) -> String) -> SettingRow {
    SettingRow {
        setting,
        value: show(&v.value),
        source: v.source.to_string(),
    }
}

fn opt_row<T>(
    out: &mut Vec<SettingRow>,
    setting: &'static str,
    v: &Option<Sourced<T>>,
    show: impl Fn(&T) -> String,
) {
    if let Some(v) = v {
        out.push(row(setting, v, show));
    }
}

/// The rows of `config show`: every setting, secrets masked.
pub fn setting_rows(s: &Settings) -> Vec<SettingRow> {
    let mut rows = vec![
        row("brokers", &s.brokers, |b| {
            if b.is_empty() {
                "(none)".into()
            } else {
                b.join(",")
            }
        }),
        row("client_id", &s.client_id, String::clone),
        row("timeout", &s.timeout, |d| format_duration(*d)),
        row("tls", &s.tls, bool::to_string),
    ];
    let path = |p: &std::path::PathBuf| p.display().to_string();
    opt_row(&mut rows, "tls.ca_file", &s.tls_ca, path);
    opt_row(&mut rows, "tls.cert_file", &s.tls_cert, path);
    opt_row(&mut rows, "tls.key_file", &s.tls_key, path);
    opt_row(
        &mut rows,
        "tls.server_name",
        &s.tls_server_name,
        String::clone,
    );
    if s.tls_insecure.value {
        rows.push(row(
            "tls.insecure_skip_verify",
            &s.tls_insecure,
            bool::to_string,
        ));
    }
    opt_row(&mut rows, "sasl.mechanism", &s.sasl_mechanism, |m| {
        m.to_string()
    });
    opt_row(&mut rows, "sasl.username", &s.sasl_username, String::clone);
    opt_row(&mut rows, "sasl.password", &s.sasl_password, |p| p.masked());
    let r = &s.registry;
    opt_row(&mut rows, "schema_registry.url", &r.url, String::clone);
    opt_row(
        &mut rows,
        "schema_registry.username",
        &r.user,
        String::clone,
    );
    opt_row(&mut rows, "schema_registry.password", &r.password, |p| {
        p.masked()
    });
    opt_row(&mut rows, "schema_registry.token", &r.token, |p| p.masked());
    opt_row(&mut rows, "schema_registry.ca_file", &r.ca, path);
    let r = &s.redis;
    // a password wrongly written into a URL is never shown
    let masked = |u: &String| match (u.find("://"), u.rfind('@')) {
        (Some(s), Some(at)) if u[s + 3..at].contains(':') => {
            let colon = s + 3 + u[s + 3..at].find(':').unwrap_or(0);
            format!("{}:****{}", &u[..colon], &u[at..])
        }
        _ => u.clone(),
    };
    opt_row(&mut rows, "redis.url", &r.url, |u| {
        u.iter().map(masked).collect::<Vec<_>>().join(",")
    });
    opt_row(&mut rows, "redis.password", &r.password, |p| p.masked());
    opt_row(&mut rows, "redis.ca_file", &r.ca, path);
    opt_row(&mut rows, "redis.cert_file", &r.cert, path);
    opt_row(&mut rows, "redis.key_file", &r.key, path);
    opt_row(
        &mut rows,
        "redis.insecure_skip_verify",
        &r.insecure,
        bool::to_string,
    );
    rows
}

/// The rows of `config list`; `current` is the selected context.
pub fn context_rows(file: &ConfigFile, current: Option<&str>) -> ContextList {
    ContextList(
        file.contexts
            .iter()
            .map(|(name, c)| ContextRow {
                name: name.clone(),
                current: current == Some(name.as_str()),
                brokers: c.brokers.as_ref().map(|b| b.to_vec()).unwrap_or_default(),
                tls: c.tls.as_ref().is_some_and(|t| t.enabled.unwrap_or(true)),
                sasl: c.sasl.as_ref().and_then(|s| s.mechanism.clone()),
                schema_registry: c.schema_registry.as_ref().and_then(|r| r.url.clone()),
            })
            .collect(),
    )
}
