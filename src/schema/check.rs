//! The CI schema gate: a new schema checked against earlier versions from files, a directory, a
//! git ref or a registry (locally under an explicit mode, or by the registry under the subject's
//! level), one by one or for every `schemas:` entry of a topics.yaml.

use std::path::{Path, PathBuf};

use super::registry::{Registry, SchemaBody};
use super::report::{Problem, SchemaResult};
use super::{self as schema, Format, Mode, ParseError, Parsed, Policy, Source, local};
use crate::diag::FileError;
use crate::error::{usage, usage_hint};
use crate::spec::SchemaSpec;

/// How schemas are checked.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// The mode to check under, over the spec's and the registry's.
    pub mode: Option<Mode>,
    /// JSON Schema policy, over the spec's.
    pub policy: Option<Policy>,
    /// With a transitive mode, every failing version instead of the first.
    pub all_versions: bool,
    /// The format of a lone schema file, over its extension.
    pub schema_type: Option<Format>,
    /// Referenced schemas of a lone file: (name, file).
    pub references: Vec<(String, PathBuf)>,
    /// Directories searched for Protobuf imports.
    pub include: Vec<PathBuf>,
}

/// What a lone schema file is checked against.
#[derive(Debug)]
pub enum Against {
    /// Earlier versions, oldest first.
    Files(Vec<PathBuf>),
    /// A directory whose files sort into version order.
    Dir(PathBuf),
    /// The same path at a git ref.
    Git(String),
    /// A registry subject's versions.
    Registry(Registry, String),
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
pub fn format_of(path: &Path, flag: Option<Format>) -> anyhow::Result<Format> {
    flag.or_else(|| Format::from_path(path)).ok_or_else(|| {
        usage_hint(
            format!("cannot tell the schema format of {}", path.display()),
            "pass --type avro|json|protobuf (extensions .avsc, .json and .proto are recognised)",
        )
    })
}

/// A schema loaded from a file (or text), parsed.
pub struct Loaded {
    pub label: String,
    pub parsed: Parsed,
}

pub fn load(
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

pub async fn check_with_registry(
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
        let texts = reg.reference_texts(&sv.references).await;
        let references = (texts.map_err(|e| anyhow::anyhow!(e))?)
            .into_iter()
            .map(|(name, text)| schema::Reference { name, text })
            .collect();
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

/// Reads `path` and each (label, file) of `versions` for [`check_local`].
fn read_versions(
    versions: impl IntoIterator<Item = (String, PathBuf)>,
) -> anyhow::Result<Vec<(String, PathBuf, String)>> {
    versions
        .into_iter()
        .map(|(label, p)| Ok((label, p.clone(), local::read(&p)?)))
        .collect()
}

/// Checks one schema file (its text already read), named `subject` in reports, against earlier
/// versions.
pub async fn check_file(
    path: &Path,
    new_text: String,
    subject: Option<String>,
    against: Against,
    opts: &CheckOptions,
) -> anyhow::Result<SchemaResult> {
    let format = format_of(path, opts.schema_type)?;
    let policy = opts.policy.unwrap_or_default();
    let mode = opts.mode.unwrap_or(Mode::Backward);
    let (refs, include) = (&opts.references, &opts.include);
    let local_check = |previous| {
        check_local(
            path,
            subject.clone(),
            format,
            mode,
            policy,
            opts.all_versions,
            new_text.clone(),
            previous,
            refs,
            include,
        )
    };
    // a new schema that does not parse is exit 2 with its line, whatever it is checked against
    let parse_new = || {
        load(
            path,
            "new".into(),
            new_text.clone(),
            format,
            true,
            refs,
            include,
        )
    };
    match against {
        Against::Files(files) => local_check(read_versions(
            files.into_iter().map(|p| (p.display().to_string(), p)),
        )?),
        Against::Dir(dir) => local_check(read_versions(
            local::dir_versions(&dir, format)?.into_iter().map(|p| {
                let label = p.file_name().unwrap_or_default().to_string_lossy();
                (label.into_owned(), p.clone())
            }),
        )?),
        Against::Git(rev) => match local::git_show(path, &rev)? {
            Some(old) => local_check(vec![(rev.clone(), path.to_path_buf(), old)]),
            None => {
                parse_new()?;
                Ok(note_result(
                    path,
                    subject.clone(),
                    format,
                    mode,
                    format!("new at {rev}: nothing to compare"),
                ))
            }
        },
        Against::Registry(reg, subject) => {
            // parse locally first: a broken schema is exit 2 with its line, not a registry
            // round trip
            let new = parse_new()?;
            let Some(mode) = opts.mode else {
                return check_with_registry(&reg, path, &subject, format, new_text).await;
            };
            // an explicit mode is checked here, against the registry's versions: the
            // registry's endpoint cannot take a level
            let olds = registry_versions(&reg, &subject).await?;
            let report = schema::check(mode, &new.parsed, &olds, opts.all_versions, |o, n| {
                schema::backward(o, n, policy)
            });
            let mut r = result_from(path, Some(subject), format, report);
            if olds.is_empty() {
                r.note = Some("new subject: nothing to be compatible with".into());
            }
            Ok(r)
        }
    }
}

/// What the schemas of a spec are checked against.
#[derive(Debug)]
pub enum SpecAgainst {
    /// Each file at a git ref: unchanged and new files are noted, changed ones checked locally.
    Git(String),
    /// Each subject's versions in a registry, under the subject's level.
    Registry(Registry),
}

/// Checks every schema of a spec's `schemas:` section, each under its own compatibility (or
/// the options' mode) and policy.
pub async fn check_spec(
    schemas: &[SchemaSpec],
    against: &SpecAgainst,
    opts: &CheckOptions,
) -> anyhow::Result<Vec<SchemaResult>> {
    let mut results = Vec::new();
    for entry in schemas {
        let path = &entry.file;
        let format = entry.format;
        let new_text = local::read(path)?;
        let refs: Vec<(String, PathBuf)> = entry
            .references
            .iter()
            .map(|r| (r.name.clone(), r.file.clone()))
            .collect();
        let mode = opts.mode.unwrap_or(entry.compatibility);
        let policy = opts.policy.or(entry.policy).unwrap_or_default();
        let subject = Some(entry.subject.clone());
        let result = match against {
            SpecAgainst::Git(rev) => match local::git_show(path, rev)? {
                None => {
                    load(
                        path,
                        "new".into(),
                        new_text,
                        format,
                        true,
                        &refs,
                        &opts.include,
                    )?;
                    note_result(path, subject, format, mode, format!("new at {rev}"))
                }
                Some(old) if old == new_text => note_result(
                    path,
                    subject,
                    format,
                    mode,
                    format!("unchanged since {rev}"),
                ),
                Some(old) => check_local(
                    path,
                    subject,
                    format,
                    mode,
                    policy,
                    opts.all_versions,
                    new_text,
                    vec![(rev.clone(), path.clone(), old)],
                    &refs,
                    &opts.include,
                )?,
            },
            SpecAgainst::Registry(reg) => {
                check_with_registry(reg, path, &entry.subject, format, new_text).await?
            }
        };
        results.push(result);
    }
    Ok(results)
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
}
