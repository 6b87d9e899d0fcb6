//! `evctl schema check`: its flags, and which check they ask for.

use std::path::{Path, PathBuf};

use super::Ctx;
use crate::error::{ExitStatus, usage, usage_hint};
use crate::schema::check::{self, Against, CheckOptions, SpecAgainst};
use crate::schema::report::{CheckReport, github_annotations};
use crate::schema::{Format, Mode, Policy};

pub(super) const CHECK_HELP: &str = "\
Examples:
  evctl schema check schemas/user.avsc --against-git origin/main
  evctl schema check user-v3.avsc --against user-v1.avsc user-v2.avsc --mode FULL_TRANSITIVE
  evctl schema check event.proto --against-dir schemas/event/ --mode BACKWARD_TRANSITIVE --all-versions
  evctl schema check --spec topics.yaml --against-git origin/main --format github
  evctl schema check user.avsc --registry http://127.0.0.1:8081 --subject user-value

Exit codes: 0 compatible, 3 incompatible, 2 unparsable schema or bad usage, 1 registry unreachable.";

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

/// The spec's `schemas:` entries (exit 2 with every problem when the spec is wrong).
fn spec_schemas(spec: &Path) -> anyhow::Result<Vec<crate::spec::SchemaSpec>> {
    let env = |k: &str| std::env::var(k).ok();
    let schemas = crate::spec::load(&[spec.to_path_buf()], &env)?.schemas;
    if schemas.is_empty() {
        return Err(usage(format!(
            "{} has no `schemas:` entries",
            spec.display()
        )));
    }
    Ok(schemas)
}

/// Runs `evctl schema check`.
pub(super) async fn run(ctx: &Ctx<'_>, args: &CheckArgs) -> anyhow::Result<ExitStatus> {
    let opts = CheckOptions {
        mode: args.mode,
        policy: args.policy,
        all_versions: args.all_versions,
        schema_type: args.schema_type,
        references: explicit_refs(&args.references)?,
        include: args.include.clone(),
    };
    let registry = || -> anyhow::Result<Option<crate::schema::registry::Registry>> {
        Ok(match ctx.settings.registry_options()? {
            Some(o) => Some(crate::schema::registry::Registry::new(&o)?),
            None => None,
        })
    };
    let results = if let Some(spec) = &args.spec {
        let schemas = spec_schemas(spec)?;
        let against = match (&args.against_git, registry()?) {
            (Some(rev), _) => SpecAgainst::Git(rev.clone()),
            (None, Some(reg)) => SpecAgainst::Registry(reg),
            (None, None) => {
                return Err(usage(
                    "--spec needs --against-git REF or a schema registry (--registry)",
                ));
            }
        };
        check::check_spec(&schemas, &against, &opts).await?
    } else {
        let path = args.new.as_ref().expect("clap requires NEW without --spec");
        // the file first: an unreadable or untyped schema is named before what it is checked
        // against
        check::format_of(path, opts.schema_type)?;
        let new_text = crate::schema::local::read(path)?;
        let against = if !args.against.is_empty() {
            Against::Files(args.against.clone())
        } else if let Some(dir) = &args.against_dir {
            Against::Dir(dir.clone())
        } else if let Some(rev) = &args.against_git {
            Against::Git(rev.clone())
        } else if let Some(reg) = registry()? {
            let subject = args
                .subject
                .clone()
                .ok_or_else(|| usage("--registry needs --subject"))?;
            Against::Registry(reg, subject)
        } else {
            return Err(usage_hint(
                "nothing to check against",
                "pass --against OLD..., --against-dir DIR, --against-git REF, or --registry URL --subject S",
            ));
        };
        let subject = args.subject.clone();
        vec![check::check_file(path, new_text, subject, against, &opts).await?]
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
