//! `evctl generate-docs DIR` (hidden): writes completions/ and man/ from the clap definitions.
//! `scripts/gen-docs.sh` runs it; a test fails when the committed files differ.

use std::path::PathBuf;

use crate::error::ExitStatus;
use crate::output::Printer;

/// Regenerate completions/ and man/.
#[derive(Debug, clap::Args)]
pub struct GenerateDocsArgs {
    /// Repository root to write completions/ and man/ under.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

/// Runs `evctl generate-docs`.
pub fn run(printer: &Printer, args: &GenerateDocsArgs) -> anyhow::Result<ExitStatus> {
    let written = crate::docs::write_all(&args.dir)?;
    printer.status(&format!(
        "wrote {written} files under {}",
        args.dir.display()
    ));
    Ok(ExitStatus::Success)
}
