//! What the commands share with the person at the terminal: the yes/no question before a change,
//! the progress bar, and the stop signal (Ctrl-C or SIGTERM).

use std::io::IsTerminal;

use crate::error::usage_hint;
use crate::output::{Printer, Verbosity};

/// Asks `prompt` (default no) on the terminal. Off a terminal there is nobody to ask: a usage
/// error, `refusal` saying what was not done and `hint` how to do it without asking.
pub fn confirm(prompt: &str, refusal: &str, hint: &str) -> anyhow::Result<bool> {
    if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Err(usage_hint(refusal, hint));
    }
    Ok(dialoguer::Confirm::new()
        .with_prompt(prompt)
        .default(false)
        .interact()?)
}

/// A progress bar on stderr with this indicatif template, when stderr is a terminal and output
/// is not quieted; `None` otherwise (bars only on a terminal).
pub fn progress_bar(printer: &Printer, len: u64, template: &str) -> Option<indicatif::ProgressBar> {
    (std::io::stderr().is_terminal() && printer.verbosity >= Verbosity::Normal).then(|| {
        indicatif::ProgressBar::new(len).with_style(
            indicatif::ProgressStyle::with_template(template)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        )
    })
}

/// Resolves on Ctrl-C: the commands that have nothing to finish stop right there (SIGTERM keeps
/// its default, ending the process).
pub async fn interrupt() {
    let _ = tokio::signal::ctrl_c().await;
}

/// Resolves on Ctrl-C or SIGTERM: the commands that stop cleanly (finish what is in flight,
/// commit, print their summary) wait on this.
pub async fn stop_signal() {
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(s) => s,
                Err(_) => {
                    let _ = tokio::signal::ctrl_c().await;
                    return;
                }
            };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
