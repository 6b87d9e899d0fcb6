//! `evctl completion SHELL`: a completion script on stdout.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::error::ExitStatus;
use crate::output::Printer;

/// Print a shell completion script.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  evctl completion bash > ~/.local/share/bash-completion/completions/evctl\n  evctl completion zsh > \"${fpath[1]}/_evctl\"\n  evctl completion fish > ~/.config/fish/completions/evctl.fish"
)]
pub struct CompletionArgs {
    /// The shell to generate for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Runs `evctl completion`.
pub fn run(printer: &Printer, args: &CompletionArgs) -> anyhow::Result<ExitStatus> {
    let text = crate::docs::completion(args.shell);
    printer.write_out(&String::from_utf8_lossy(&text))?;
    Ok(ExitStatus::Success)
}

/// The clap command, for generators.
pub fn command() -> clap::Command {
    super::Cli::command()
}
