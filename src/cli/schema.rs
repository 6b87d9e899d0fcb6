//! `evctl schema`: the CI schema gate (`check`) and registry access (`get`, `list`, `register`).

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Ctx;
use crate::config::{RegistryConfig, SecretRef, expand_home};
use crate::diag::FileError;
use crate::error::{ExitStatus, usage, usage_hint};
use crate::output::{Render, Styles, sanitize};
use crate::schema::registry::{self, Auth, Registry, RegistryOptions, SchemaBody, SchemaRef};
use crate::schema::{
    self, Change, Direction, Format, Mode, ParseError, Parsed, Policy, Source, local,
};

const CHECK_HELP: &str = "\
Examples:
  evctl schema check schemas/user.avsc --against-git origin/main
  evctl schema check user-v3.avsc --against user-v1.avsc user-v2.avsc --mode FULL_TRANSITIVE
  evctl schema check event.proto --against-dir schemas/event/ --mode BACKWARD_TRANSITIVE --all-versions
  evctl schema check --spec topics.yaml --against-git origin/main --format github
  evctl schema check user.avsc --registry http://127.0.0.1:8081 --subject user-value

Exit codes: 0 compatible, 3 incompatible, 2 unparsable schema or bad usage, 1 registry unreachable.";

/// Check schema compatibility, and read or register schemas in a registry.
#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    #[command(subcommand)]
    pub command: SchemaCommand,
}

/// `evctl schema` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum SchemaCommand {
    /// Check that a new schema is compatible with earlier versions (files, a directory, a git ref or a registry).
    #[command(after_help = CHECK_HELP)]
    Check(Box<CheckArgs>),
    /// Print a schema version from the registry.
    Get(GetArgs),
    /// List the registry's subjects, or one subject's versions.
    List(ListArgs),
    /// Register a schema under a subject (exit 3 when the registry finds it incompatible).
    Register(RegisterArgs),
}

/// Where the schema registry is. Defaults come from the context's `schema_registry`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct RegistryArgs {
    /// Schema registry URL [default: the context's schema_registry.url].
    #[arg(
        long,
        env = "EVCTL_REGISTRY_URL",
        value_name = "URL",
        help_heading = "Schema registry"
    )]
    pub registry: Option<String>,
    /// Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file).
    #[arg(
        long,
        env = "EVCTL_REGISTRY_USER",
        value_name = "USER",
        help_heading = "Schema registry"
    )]
    pub registry_user: Option<String>,
    /// File holding the registry password.
    #[arg(
        long,
        env = "EVCTL_REGISTRY_PASSWORD_FILE",
        value_name = "FILE",
        help_heading = "Schema registry"
    )]
    pub registry_password_file: Option<PathBuf>,
    /// File holding a bearer token (or set EVCTL_REGISTRY_TOKEN).
    #[arg(
        long,
        env = "EVCTL_REGISTRY_TOKEN_FILE",
        value_name = "FILE",
        help_heading = "Schema registry"
    )]
    pub registry_token_file: Option<PathBuf>,
    /// PEM file of the CA that signs the registry's certificate [default: system roots].
    #[arg(
        long,
        env = "EVCTL_REGISTRY_CA",
        value_name = "FILE",
        help_heading = "Schema registry"
    )]
    pub registry_ca: Option<PathBuf>,
}

/// How `check` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Lines `path: KIND - description (against vN)`; -o json / -o yaml for documents.
    Text,
    /// GitHub Actions workflow annotations (::error file=...).
    Github,
}

/// `evctl schema check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The new schema file.
    #[arg(required_unless_present = "spec")]
    pub new: Option<PathBuf>,
    /// Earlier versions, oldest first.
    #[arg(long, num_args = 1.., value_name = "OLD", conflicts_with_all = ["against_dir", "against_git"])]
    pub against: Vec<PathBuf>,
    /// Compare with the same path at this git ref (e.g. origin/main).
    #[arg(long, value_name = "REF", conflicts_with = "against_dir")]
    pub against_git: Option<String>,
    /// A directory holding the earlier versions; file names sort into version order (v1, v2, ..., v10).
    #[arg(long, value_name = "DIR")]
    pub against_dir: Option<PathBuf>,
    /// Schema format [default: from the file extension: .avsc, .json, .proto].
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    pub schema_type: Option<Format>,
    /// Compatibility mode [default: BACKWARD; with --registry and no --mode, the subject's level, checked by the registry].
    #[arg(long, value_enum, value_name = "MODE")]
    pub mode: Option<Mode>,
    /// JSON Schema policy: strict (Confluent's default) or lenient.
    #[arg(long, value_enum, value_name = "POLICY")]
    pub policy: Option<Policy>,
    /// With a transitive mode, report every failing version instead of stopping at the first.
    #[arg(long)]
    pub all_versions: bool,
    /// A referenced schema: NAME=FILE (Avro full type name, Protobuf import path, JSON $ref file).
    #[arg(long = "reference", value_name = "NAME=FILE")]
    pub references: Vec<String>,
    /// Directory to search for Protobuf imports (besides the schema's own directory).
    #[arg(short = 'I', long = "include", value_name = "DIR")]
    pub include: Vec<PathBuf>,
    /// Check every schema of a topics.yaml `schemas:` section that changed, each under its own mode.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["new", "against", "against_dir"])]
    pub spec: Option<PathBuf>,
    /// Registry subject to check against (with --registry).
    #[arg(long, value_name = "SUBJECT")]
    pub subject: Option<String>,
    /// Report format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

/// `evctl schema get`.
#[derive(Debug, clap::Args)]
#[command(disable_version_flag = true)]
pub struct GetArgs {
    /// The subject.
    #[arg(long)]
    pub subject: String,
    /// Version number or `latest`.
    #[arg(long, default_value = "latest")]
    pub version: String,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

/// `evctl schema list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// List this subject's versions instead of the subjects.
    #[arg(long)]
    pub subject: Option<String>,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

/// `evctl schema register`.
#[derive(Debug, clap::Args)]
pub struct RegisterArgs {
    /// The schema file.
    pub file: PathBuf,
    /// The subject to register under.
    #[arg(long)]
    pub subject: String,
    /// Schema format [default: from the file extension].
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    pub schema_type: Option<Format>,
    /// A reference to a registered schema: NAME=SUBJECT:VERSION.
    #[arg(long = "reference", value_name = "NAME=SUBJECT:VERSION")]
    pub references: Vec<String>,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

/// One incompatibility, as reported.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    pub path: String,
    pub kind: String,
    pub description: String,
    /// The earlier version it breaks against.
    pub against: String,
    pub direction: Option<Direction>,
}

/// The outcome for one schema.
#[derive(Debug, Clone, Serialize)]
pub struct SchemaResult {
    /// The schema file checked.
    pub schema: String,
    pub subject: Option<String>,
    pub format: Format,
    pub mode: Option<Mode>,
    pub compatible: bool,
    /// `local` or `registry`.
    pub checked_by: &'static str,
    /// The earlier versions checked, newest first.
    pub against: Vec<String>,
    /// Why nothing or little was checked (new schema, unchanged, new subject).
    pub note: Option<String>,
    pub problems: Vec<Problem>,
    /// Compatible differences found by local checks (e.g. FIELD_ADDED), for reviewers.
    pub changes: Vec<Change>,
}

/// `evctl schema check` output.
#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub compatible: bool,
    pub results: Vec<SchemaResult>,
}

impl Render for CheckReport {
    fn table(&self, s: &Styles) -> String {
        let mut out = String::new();
        for r in &self.results {
            for p in &r.problems {
                let path = if p.path.is_empty() {
                    String::new()
                } else {
                    format!("{}: ", sanitize(&p.path))
                };
                // in a FORWARD check "new" and "old" in descriptions are reader and writer swapped
                let direction = match p.direction {
                    Some(Direction::Forward) => ", forward",
                    _ => "",
                };
                out.push_str(&format!(
                    "{path}{} - {} (against {}{direction})\n",
                    s.bad(&p.kind),
                    sanitize(&p.description),
                    sanitize(&p.against)
                ));
            }
            let what = match &r.subject {
                Some(sub) => format!("{} ({})", sanitize(&r.schema), sanitize(sub)),
                None => sanitize(&r.schema).into_owned(),
            };
            let how = match (&r.mode, r.against.is_empty()) {
                (Some(m), false) => format!("{m} against {}", r.against.join(", ")),
                (Some(m), true) => m.to_string(),
                (None, _) => "the subject's level".to_string(),
            };
            let verdict = if r.compatible {
                s.good("compatible")
            } else {
                s.bad("incompatible")
            };
            let note = r
                .note
                .as_ref()
                .map(|n| format!("; {n}"))
                .unwrap_or_default();
            let count = if r.problems.is_empty() {
                String::new()
            } else {
                format!(", {} problem(s)", r.problems.len())
            };
            out.push_str(&format!(
                "{what}: {verdict} ({how}, checked by {}{count}{note})\n",
                r.checked_by
            ));
        }
        out
    }
}

/// GitHub Actions annotation escaping.
fn gh_escape(s: &str, property: bool) -> String {
    let s = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    if property {
        s.replace(':', "%3A").replace(',', "%2C")
    } else {
        s
    }
}

fn github_annotations(report: &CheckReport) -> String {
    let mut out = String::new();
    for r in &report.results {
        // the schema's text, to put each annotation on the line its path points to
        let text = std::fs::read_to_string(&r.schema).ok();
        for p in &r.problems {
            let at = text
                .as_deref()
                .and_then(|t| crate::schema::locate::locate(r.format, t, &p.path))
                .map(|(line, col)| format!(",line={line},col={col}"))
                .unwrap_or_default();
            out.push_str(&format!(
                "::error file={}{at},title={}::{}{} (against {})\n",
                gh_escape(&r.schema, true),
                gh_escape(&format!("schema {}", p.kind), true),
                gh_escape(
                    &if p.path.is_empty() {
                        String::new()
                    } else {
                        format!("{}: ", p.path)
                    },
                    false
                ),
                gh_escape(&p.description, false),
                gh_escape(&p.against, false),
            ));
        }
        if r.compatible {
            out.push_str(&format!(
                "::notice file={}::compatible{}\n",
                gh_escape(&r.schema, true),
                r.note
                    .as_ref()
                    .map(|n| format!(" ({})", gh_escape(n, false)))
                    .unwrap_or_default()
            ));
        }
    }
    out
}

fn parse_error(path: &Path, text: &str, mut e: ParseError) -> anyhow::Error {
    // engines that know only a JSON pointer ("... (at /fields/0/type)"): find its line in the text
    if e.line.is_none()
        && let Some(start) = e.message.rfind("(at /")
        && let Some(end) = e.message[start..].find(')')
        && let Some((line, col)) =
            crate::schema::json::locate::locate(text, &e.message[start + 4..start + end])
    {
        e.line = Some(line);
        e.column = Some(col);
    }
    match (e.line, e.column) {
        (Some(line), col) => {
            let offset = crate::diag::offset_of(text, line, col.unwrap_or(1));
            FileError::at(path, text, offset, e.message).into()
        }
        _ => FileError::whole(path, e.message).into(),
    }
}

/// The format of a file: the flag, else its extension.
fn format_of(path: &Path, flag: Option<Format>) -> anyhow::Result<Format> {
    flag.or_else(|| Format::from_path(path)).ok_or_else(|| {
        usage_hint(
            format!("cannot tell the schema format of {}", path.display()),
            "pass --type avro|json|protobuf (extensions .avsc, .json and .proto are recognised)",
        )
    })
}

fn explicit_refs(specs: &[String]) -> anyhow::Result<Vec<(String, PathBuf)>> {
    specs
        .iter()
        .map(|s| {
            s.split_once('=')
                .map(|(n, f)| (n.to_string(), PathBuf::from(f)))
                .ok_or_else(|| usage(format!("--reference {s:?}: expected NAME=FILE")))
        })
        .collect()
}

/// A schema loaded from a file (or text), parsed.
struct Loaded {
    label: String,
    parsed: Parsed,
}

fn load(
    path: &Path,
    label: String,
    text: String,
    format: Format,
    strict: bool,
    refs: &[(String, PathBuf)],
    include: &[PathBuf],
) -> anyhow::Result<Loaded> {
    let references = local::references(Some(path), format, &text, refs, include)?;
    let source = Source {
        name: path.display().to_string(),
        text,
        references,
    };
    let parsed =
        schema::parse(format, &source, strict).map_err(|e| parse_error(path, &source.text, e))?;
    Ok(Loaded { label, parsed })
}

fn result_from(
    schema_path: &Path,
    subject: Option<String>,
    format: Format,
    report: schema::Report,
) -> SchemaResult {
    let problems = report
        .problems()
        .map(|(check, c)| Problem {
            path: c.path.clone(),
            kind: c.kind.clone(),
            description: c.description.clone(),
            against: check.version.clone(),
            direction: Some(check.direction),
        })
        .collect();
    let mut against: Vec<String> = report.checks.iter().map(|c| c.version.clone()).collect();
    against.dedup();
    let changes = report
        .checks
        .iter()
        .flat_map(|c| c.changes.iter().filter(|ch| ch.compatible).cloned())
        .collect();
    SchemaResult {
        schema: schema_path.display().to_string(),
        subject,
        format,
        mode: Some(report.mode),
        compatible: report.compatible,
        checked_by: "local",
        against,
        note: None,
        problems,
        changes,
    }
}

/// Checks `new` against earlier versions given as texts (oldest first), locally.
#[allow(clippy::too_many_arguments)]
fn check_local(
    path: &Path,
    subject: Option<String>,
    format: Format,
    mode: Mode,
    policy: Policy,
    all_versions: bool,
    new_text: String,
    previous: Vec<(String, PathBuf, String)>,
    refs: &[(String, PathBuf)],
    include: &[PathBuf],
) -> anyhow::Result<SchemaResult> {
    let new = load(path, "new".into(), new_text, format, true, refs, include)?;
    let mut olds = Vec::new();
    for (label, file, text) in previous {
        let l = load(&file, label, text, format, false, refs, include)?;
        olds.push((l.label, l.parsed));
    }
    let report = schema::check(mode, &new.parsed, &olds, all_versions, |o, n| {
        schema::backward(o, n, policy)
    });
    Ok(result_from(path, subject, format, report))
}

fn secret_from(
    env_var: &str,
    file: &Option<PathBuf>,
    ctx_env: &Option<String>,
    ctx_file: &Option<String>,
) -> anyhow::Result<Option<String>> {
    if let Some(f) = file {
        return SecretRef::File(f.clone()).read().map(Some);
    }
    if std::env::var_os(env_var).is_some() {
        return SecretRef::Env(env_var.to_string()).read().map(Some);
    }
    if let Some(v) = ctx_env {
        return SecretRef::Env(v.clone()).read().map(Some);
    }
    if let Some(f) = ctx_file {
        return SecretRef::File(expand_home(f)).read().map(Some);
    }
    Ok(None)
}

/// Registry settings: flags and EVCTL_REGISTRY_* beat the context's schema_registry.
fn registry_options(ctx: &Ctx<'_>, args: &RegistryArgs) -> anyhow::Result<Option<RegistryOptions>> {
    let cfg: RegistryConfig = ctx.settings.schema_registry.clone().unwrap_or_default();
    let Some(url) = args.registry.clone().or(cfg.url.clone()) else {
        return Ok(None);
    };
    let user = args.registry_user.clone().or(cfg.username.clone());
    let token = secret_from(
        "EVCTL_REGISTRY_TOKEN",
        &args.registry_token_file,
        &cfg.token_env,
        &cfg.token_file,
    )?;
    let auth = match (token, user) {
        (Some(t), _) => Auth::Bearer(t),
        (None, Some(u)) => {
            let pw = secret_from(
                "EVCTL_REGISTRY_PASSWORD",
                &args.registry_password_file,
                &cfg.password_env,
                &cfg.password_file,
            )?
            .ok_or_else(|| {
                usage_hint(
                    format!("registry user {u:?} has no password"),
                    "set EVCTL_REGISTRY_PASSWORD or pass --registry-password-file",
                )
            })?;
            Auth::Basic {
                username: u,
                password: pw,
            }
        }
        (None, None) => Auth::None,
    };
    let tls = crate::kafka::TlsOptions {
        ca_file: args
            .registry_ca
            .clone()
            .or(cfg.ca_file.as_deref().map(expand_home)),
        ..Default::default()
    };
    Ok(Some(RegistryOptions {
        url,
        auth,
        tls,
        timeout: ctx.settings.timeout.value,
    }))
}

fn need_registry(ctx: &Ctx<'_>, args: &RegistryArgs) -> anyhow::Result<Registry> {
    let opts = registry_options(ctx, args)?.ok_or_else(|| {
        usage_hint("no schema registry configured", "pass --registry URL, set EVCTL_REGISTRY_URL, or add schema_registry.url to the context")
    })?;
    Ok(Registry::new(&opts)?)
}

/// Turns Confluent's verbose messages into problems: `{errorType:'X', description:'...'}` entries
/// become kind + description; `{oldSchemaVersion: N}` names the version; the rest is dropped
/// (`{oldSchema: ...}`, `{validateFields: ...}`) or kept as is.
pub fn registry_problems(messages: &[String], default_against: &str) -> Vec<Problem> {
    let field = |m: &str, key: &str| -> Option<String> {
        let start = m.find(&format!("{key}:'"))? + key.len() + 2;
        let rest = &m[start..];
        let end = rest.find("', ").or_else(|| rest.rfind('\''))?;
        Some(rest[..end].to_string())
    };
    let against = messages
        .iter()
        .find_map(|m| {
            m.strip_prefix("{oldSchemaVersion: ")
                .and_then(|r| r.strip_suffix('}'))
                .map(|v| format!("v{}", v.trim()))
        })
        .unwrap_or_else(|| default_against.to_string());
    messages
        .iter()
        .filter(|m| {
            !(m.starts_with("{oldSchemaVersion")
                || m.starts_with("{oldSchema:")
                || m.starts_with("{validateFields"))
        })
        .map(|m| {
            let desc = field(m, "description");
            let path = desc
                .as_deref()
                .and_then(|d| {
                    d.find(" at path '")
                        .map(|i| &d[i + 10..])
                        .and_then(|r| r.split('\'').next())
                })
                .unwrap_or_default()
                .to_string();
            Problem {
                path,
                kind: field(m, "errorType").unwrap_or_else(|| "INCOMPATIBLE".into()),
                description: desc.unwrap_or_else(|| m.clone()),
                against: against.clone(),
                direction: None,
            }
        })
        .collect()
}

async fn check_with_registry(
    reg: &Registry,
    path: &Path,
    subject: &str,
    format: Format,
    text: String,
) -> anyhow::Result<SchemaResult> {
    let body = SchemaBody::new(format, text, vec![]);
    let mut result = SchemaResult {
        schema: path.display().to_string(),
        subject: Some(subject.to_string()),
        format,
        mode: None,
        compatible: true,
        checked_by: "registry",
        against: vec![],
        note: None,
        problems: vec![],
        changes: vec![],
    };
    let versions = reg.versions(subject).await?;
    if versions.is_empty() {
        result.note = Some("new subject: nothing to be compatible with".into());
        return Ok(result);
    }
    let config = reg.config(subject).await?;
    result.mode = Some(config.mode);
    if let Some(c) = reg.check_all(subject, &body).await? {
        result.against = versions.iter().rev().map(|v| format!("v{v}")).collect();
        if !config.mode.transitive() {
            result.against.truncate(1);
        }
        result.compatible = c.is_compatible;
        result.problems = registry_problems(
            &c.messages,
            result
                .against
                .first()
                .map(String::as_str)
                .unwrap_or("latest"),
        );
    } else {
        // no all-versions endpoint (Redpanda, older Confluent): one version at a time
        let targets: Vec<i64> = if config.mode.transitive() {
            versions.iter().rev().copied().collect()
        } else {
            vec![*versions.last().expect("not empty")]
        };
        for v in targets {
            let label = format!("v{v}");
            result.against.push(label.clone());
            let c = reg.check_version(subject, &v.to_string(), &body).await?;
            if !c.is_compatible {
                result.compatible = false;
                result
                    .problems
                    .extend(registry_problems(&c.messages, &label));
                break;
            }
        }
    }
    if !result.compatible && result.problems.is_empty() {
        result.problems.push(Problem {
            path: String::new(),
            kind: "INCOMPATIBLE".into(),
            description: "the registry found the schema incompatible and gave no reason (it may not support verbose checks)".into(),
            against: result.against.first().cloned().unwrap_or_default(),
            direction: None,
        });
    }
    Ok(result)
}

/// Fetches a subject's versions (and their references) for a local check under an explicit mode.
async fn registry_versions(reg: &Registry, subject: &str) -> anyhow::Result<Vec<(String, Parsed)>> {
    let mut out = Vec::new();
    for v in reg.versions(subject).await? {
        let sv = reg.version(subject, &v.to_string()).await?;
        let format = sv.format().ok_or_else(|| {
            anyhow::anyhow!("{subject} v{v}: unknown schemaType {:?}", sv.schema_type)
        })?;
        let mut references = Vec::new();
        let mut pending = sv.references.clone();
        while let Some(r) = pending.pop() {
            let rv = reg.version(&r.subject, &r.version.to_string()).await?;
            pending.extend(rv.references.clone());
            references.push(schema::Reference {
                name: r.name,
                text: rv.schema,
            });
        }
        let source = Source {
            name: format!("{subject} v{v}"),
            text: sv.schema,
            references,
        };
        let parsed = schema::parse(format, &source, false).map_err(|e| usage(format!("{e}")))?;
        out.push((format!("v{v}"), parsed));
    }
    Ok(out)
}

/// A `schemas:` entry of topics.yaml.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SpecSchema {
    subject: String,
    file: PathBuf,
    #[serde(default)]
    compatibility: Option<String>,
    #[serde(default, rename = "type")]
    schema_type: Option<Format>,
    #[serde(default)]
    policy: Option<Policy>,
    #[serde(default)]
    references: Vec<SpecReference>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SpecReference {
    name: String,
    file: PathBuf,
}

#[derive(Debug, serde::Deserialize)]
struct SpecSchemas {
    #[serde(default)]
    schemas: Vec<SpecSchema>,
}

async fn check_spec(
    ctx: &Ctx<'_>,
    args: &CheckArgs,
    spec_path: &Path,
) -> anyhow::Result<Vec<SchemaResult>> {
    let text = local::read(spec_path)?;
    let spec: SpecSchemas =
        serde_yaml_ng::from_str(&text).map_err(|e| FileError::from_yaml(spec_path, &text, &e))?;
    if spec.schemas.is_empty() {
        return Err(usage(format!(
            "{} has no `schemas:` entries",
            spec_path.display()
        )));
    }
    let base = spec_path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let registry = registry_options(ctx, &args.registry)?
        .map(|o| Registry::new(&o))
        .transpose()?;
    if args.against_git.is_none() && registry.is_none() {
        return Err(usage(
            "--spec needs --against-git REF or a schema registry (--registry)",
        ));
    }
    let mut results = Vec::new();
    for entry in spec.schemas {
        let path = base.join(&entry.file);
        let format = format_of(&path, entry.schema_type.or(args.schema_type))?;
        let new_text = local::read(&path)?;
        let refs: Vec<(String, PathBuf)> = entry
            .references
            .iter()
            .map(|r| (r.name.clone(), base.join(&r.file)))
            .collect();
        let mode = match (&args.mode, &entry.compatibility) {
            (Some(m), _) => *m,
            (None, Some(c)) => Mode::parse(c).ok_or_else(|| {
                usage(format!(
                    "{}: schema {}: unknown compatibility {c:?}",
                    spec_path.display(),
                    entry.subject
                ))
            })?,
            (None, None) => Mode::Backward,
        };
        let policy = args.policy.or(entry.policy).unwrap_or_default();
        if let Some(rev) = &args.against_git {
            match local::git_show(&path, rev)? {
                None => {
                    load(
                        &path,
                        "new".into(),
                        new_text,
                        format,
                        true,
                        &refs,
                        &args.include,
                    )?;
                    results.push(note_result(
                        &path,
                        Some(entry.subject),
                        format,
                        mode,
                        format!("new at {rev}"),
                    ));
                }
                Some(old) if old == new_text => {
                    results.push(note_result(
                        &path,
                        Some(entry.subject),
                        format,
                        mode,
                        format!("unchanged since {rev}"),
                    ));
                }
                Some(old) => {
                    results.push(check_local(
                        &path,
                        Some(entry.subject),
                        format,
                        mode,
                        policy,
                        args.all_versions,
                        new_text,
                        vec![(rev.clone(), path.clone(), old)],
                        &refs,
                        &args.include,
                    )?);
                }
            }
        } else if let Some(reg) = &registry {
            results.push(check_with_registry(reg, &path, &entry.subject, format, new_text).await?);
        }
    }
    Ok(results)
}

fn note_result(
    path: &Path,
    subject: Option<String>,
    format: Format,
    mode: Mode,
    note: String,
) -> SchemaResult {
    SchemaResult {
        schema: path.display().to_string(),
        subject,
        format,
        mode: Some(mode),
        compatible: true,
        checked_by: "local",
        against: vec![],
        note: Some(note),
        problems: vec![],
        changes: vec![],
    }
}

async fn run_check(ctx: &Ctx<'_>, args: &CheckArgs) -> anyhow::Result<ExitStatus> {
    let refs = explicit_refs(&args.references)?;
    let results = if let Some(spec) = &args.spec {
        check_spec(ctx, args, spec).await?
    } else {
        let path = args.new.as_ref().expect("clap requires NEW without --spec");
        let format = format_of(path, args.schema_type)?;
        let new_text = local::read(path)?;
        let policy = args.policy.unwrap_or_default();
        let mode = args.mode.unwrap_or(Mode::Backward);
        let local_versions: Option<Vec<(String, PathBuf, String)>> = if !args.against.is_empty() {
            Some(
                args.against
                    .iter()
                    .map(|p| Ok((p.display().to_string(), p.clone(), local::read(p)?)))
                    .collect::<anyhow::Result<_>>()?,
            )
        } else if let Some(dir) = &args.against_dir {
            Some(
                local::dir_versions(dir, format)?
                    .into_iter()
                    .map(|p| {
                        Ok((
                            p.file_name()
                                .unwrap_or_default()
                                .to_string_lossy()
                                .into_owned(),
                            p.clone(),
                            local::read(&p)?,
                        ))
                    })
                    .collect::<anyhow::Result<_>>()?,
            )
        } else {
            None
        };
        if let Some(previous) = local_versions {
            vec![check_local(
                path,
                args.subject.clone(),
                format,
                mode,
                policy,
                args.all_versions,
                new_text,
                previous,
                &refs,
                &args.include,
            )?]
        } else if let Some(rev) = &args.against_git {
            match local::git_show(path, rev)? {
                Some(old) => vec![check_local(
                    path,
                    args.subject.clone(),
                    format,
                    mode,
                    policy,
                    args.all_versions,
                    new_text,
                    vec![(rev.clone(), path.clone(), old)],
                    &refs,
                    &args.include,
                )?],
                None => {
                    load(
                        path,
                        "new".into(),
                        new_text,
                        format,
                        true,
                        &refs,
                        &args.include,
                    )?;
                    vec![note_result(
                        path,
                        args.subject.clone(),
                        format,
                        mode,
                        format!("new at {rev}: nothing to compare"),
                    )]
                }
            }
        } else if let Some(opts) = registry_options(ctx, &args.registry)? {
            let subject = args
                .subject
                .clone()
                .ok_or_else(|| usage("--registry needs --subject"))?;
            let reg = Registry::new(&opts)?;
            // parse locally first: a broken schema is exit 2 with its line, not a registry round trip
            let new = load(
                path,
                "new".into(),
                new_text.clone(),
                format,
                true,
                &refs,
                &args.include,
            )?;
            match args.mode {
                // an explicit mode is checked here, against the registry's versions: the registry's
                // endpoint cannot take a level
                Some(mode) => {
                    let olds = registry_versions(&reg, &subject).await?;
                    let report =
                        schema::check(mode, &new.parsed, &olds, args.all_versions, |o, n| {
                            schema::backward(o, n, policy)
                        });
                    let mut r = result_from(path, Some(subject), format, report);
                    if olds.is_empty() {
                        r.note = Some("new subject: nothing to be compatible with".into());
                    }
                    vec![r]
                }
                None => vec![check_with_registry(&reg, path, &subject, format, new_text).await?],
            }
        } else {
            return Err(usage_hint(
                "nothing to check against",
                "pass --against OLD..., --against-dir DIR, --against-git REF, or --registry URL --subject S",
            ));
        }
    };
    let report = CheckReport {
        compatible: results.iter().all(|r| r.compatible),
        results,
    };
    if args.format == ReportFormat::Github {
        ctx.printer.write_out(&github_annotations(&report))?;
    } else {
        ctx.printer.data(&report)?;
    }
    Ok(if report.compatible {
        ExitStatus::Success
    } else {
        ExitStatus::CheckFailed
    })
}

/// `schema get` output: the schema text in table mode, the whole version otherwise.
#[derive(Serialize)]
struct VersionView(registry::SchemaVersion);

impl Render for VersionView {
    fn table(&self, _s: &Styles) -> String {
        let text = serde_json::from_str::<serde_json::Value>(&self.0.schema)
            .ok()
            .and_then(|v| serde_json::to_string_pretty(&v).ok())
            .unwrap_or_else(|| self.0.schema.clone());
        format!("{}\n", text.trim_end())
    }
}

#[derive(Serialize)]
struct Lines(Vec<String>);

impl Render for Lines {
    fn table(&self, _s: &Styles) -> String {
        self.0
            .iter()
            .map(|l| format!("{}\n", sanitize(l)))
            .collect()
    }
}

#[derive(Serialize)]
struct Registered {
    subject: String,
    id: i64,
}

impl Render for Registered {
    fn table(&self, _s: &Styles) -> String {
        format!("{}\n", self.id)
    }
}

fn parse_registry_refs(specs: &[String]) -> anyhow::Result<Vec<SchemaRef>> {
    specs
        .iter()
        .map(|s| {
            let bad = || usage(format!("--reference {s:?}: expected NAME=SUBJECT:VERSION"));
            let (name, rest) = s.split_once('=').ok_or_else(bad)?;
            let (subject, version) = rest.rsplit_once(':').ok_or_else(bad)?;
            Ok(SchemaRef {
                name: name.into(),
                subject: subject.into(),
                version: version.parse().map_err(|_| bad())?,
            })
        })
        .collect()
}

/// Runs `evctl schema`.
pub async fn run(ctx: &Ctx<'_>, args: &SchemaArgs) -> anyhow::Result<ExitStatus> {
    match &args.command {
        SchemaCommand::Check(a) => run_check(ctx, a).await,
        SchemaCommand::Get(a) => {
            let reg = need_registry(ctx, &a.registry)?;
            let v = reg.version(&a.subject, &a.version).await?;
            ctx.printer.data(&VersionView(v))?;
            Ok(ExitStatus::Success)
        }
        SchemaCommand::List(a) => {
            let reg = need_registry(ctx, &a.registry)?;
            let lines = match &a.subject {
                Some(s) => {
                    let v = reg.versions(s).await?;
                    if v.is_empty() {
                        return Err(anyhow::anyhow!("subject {s:?} not found in {}", reg.url()));
                    }
                    v.iter().map(|n| n.to_string()).collect()
                }
                None => reg.subjects().await?,
            };
            ctx.printer.data(&Lines(lines))?;
            Ok(ExitStatus::Success)
        }
        SchemaCommand::Register(a) => {
            let reg = need_registry(ctx, &a.registry)?;
            let format = format_of(&a.file, a.schema_type)?;
            let text = local::read(&a.file)?;
            // a schema that does not parse is caught here, with its line
            load(&a.file, "new".into(), text.clone(), format, true, &[], &[])?;
            let body = SchemaBody::new(format, text, parse_registry_refs(&a.references)?);
            match reg.register(&a.subject, &body).await {
                Ok(id) => {
                    ctx.printer.data(&Registered {
                        subject: a.subject.clone(),
                        id,
                    })?;
                    Ok(ExitStatus::Success)
                }
                Err(e) if registry::is_incompatible(&e) => {
                    ctx.printer.warn(&format!("not registered: {e}"));
                    Ok(ExitStatus::CheckFailed)
                }
                Err(e) if registry::is_invalid_schema(&e) => Err(usage(e.to_string())),
                Err(e) => Err(e.into()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confluent_verbose_messages_become_problems() {
        let msgs = vec![
            "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'email' at path '/fields/2' in the new schema has no default value and is missing in the old schema', additionalInfo:'email'}".to_string(),
            "{oldSchemaVersion: 3}".to_string(),
            "{oldSchema: '{\"type\":\"record\"}'}".to_string(),
            "{validateFields: 'false', compatibility: 'BACKWARD'}".to_string(),
        ];
        let p = registry_problems(&msgs, "latest");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].kind, "READER_FIELD_MISSING_DEFAULT_VALUE");
        assert_eq!(p[0].path, "/fields/2");
        assert_eq!(p[0].against, "v3");
        assert!(p[0].description.starts_with("The field 'email'"));
        let p = registry_problems(
            &["Schema being registered is incompatible".to_string()],
            "v7",
        );
        assert_eq!(
            (p[0].kind.as_str(), p[0].against.as_str()),
            ("INCOMPATIBLE", "v7")
        );
    }

    #[test]
    fn github_escaping() {
        assert_eq!(gh_escape("a:b,c%\n", true), "a%3Ab%2Cc%25%0A");
        assert_eq!(gh_escape("a:b\r", false), "a:b%0D");
    }

    #[test]
    fn registry_reference_syntax() {
        let r = parse_registry_refs(&["common.proto=common-value:3".into()]).unwrap();
        assert_eq!(
            r[0],
            SchemaRef {
                name: "common.proto".into(),
                subject: "common-value".into(),
                version: 3
            }
        );
        assert!(parse_registry_refs(&["x".into()]).is_err());
    }
}
