//! `evctl validate`: loads and checks spec files offline, and shows what they resolve to.

use std::path::PathBuf;

use crate::error::ExitStatus;
use crate::output::Printer;
use crate::spec::{self, view::ValidateView};

const VALIDATE_HELP: &str = "\
Checks everything that can be checked without a cluster: the YAML, unknown fields (with suggestions),
value types and units, ${VAR} expansion, topic names, duplicate topics, partitions,
min.insync.replicas against the replication factor, profiles, consumers and schema files.
Every problem is reported with its file:line:col; the exit code is 2 when there is any.

Several files merge in order, later ones winning: mappings merge key by key, topics merge by name
field by field (consumers by group, schemas by subject), other lists are replaced.

Examples:
  evctl validate topics.yaml
  evctl validate -f topics.yaml -f prod.yaml
  evctl validate topics.yaml -o json      # the resolved topics, configs as Kafka strings";

/// Check spec files (topics.yaml) offline.
#[derive(Debug, clap::Args)]
#[command(after_help = VALIDATE_HELP)]
pub struct ValidateArgs {
    /// Spec files, merged in order (later files override earlier ones).
    #[arg(
        value_name = "FILE",
        required_unless_present = "file",
        conflicts_with = "file"
    )]
    pub files: Vec<PathBuf>,

    /// A spec file; repeat to merge several in order (the same as giving them as arguments).
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub file: Vec<PathBuf>,
}

/// Runs `evctl validate`: needs no cluster and no config file.
pub fn run(printer: &Printer, args: &ValidateArgs) -> anyhow::Result<ExitStatus> {
    let files = if args.file.is_empty() {
        &args.files
    } else {
        &args.file
    };
    let spec = spec::load(files, &|k| std::env::var(k).ok())?;
    printer.data(&ValidateView::new(&spec))?;
    Ok(ExitStatus::Success)
}
