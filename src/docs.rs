//! Completions and man pages, generated from the clap definitions.

use std::path::{Path, PathBuf};

use clap_complete::Shell;

/// Shells completions are generated for, and their file names under completions/.
pub const SHELLS: &[(Shell, &str)] = &[
    (Shell::Bash, "evctl.bash"),
    (Shell::Zsh, "_evctl"),
    (Shell::Fish, "evctl.fish"),
    (Shell::PowerShell, "_evctl.ps1"),
    (Shell::Elvish, "evctl.elv"),
];

/// The completion script for one shell.
pub fn completion(shell: Shell) -> Vec<u8> {
    let mut cmd = crate::cli::completion::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "evctl", &mut out);
    out
}

/// Every generated file: (path relative to the repo root, content).
pub fn render_all() -> anyhow::Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut files = Vec::new();
    for (shell, name) in SHELLS {
        files.push((Path::new("completions").join(name), completion(*shell)));
    }
    let mut cmd = crate::cli::completion::command().disable_help_subcommand(true);
    cmd.build();
    fn walk(cmd: &clap::Command, files: &mut Vec<(PathBuf, Vec<u8>)>) -> anyhow::Result<()> {
        let man = clap_mangen::Man::new(cmd.clone());
        let mut buf = Vec::new();
        man.render(&mut buf)?;
        files.push((Path::new("man").join(man.get_filename()), buf));
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            walk(sub, files)?;
        }
        Ok(())
    }
    walk(&cmd, &mut files)?;
    Ok(files)
}

/// Writes every generated file under `root`, removing stale man pages. Returns how many were written.
pub fn write_all(root: &Path) -> anyhow::Result<usize> {
    let files = render_all()?;
    for dir in ["completions", "man"] {
        std::fs::create_dir_all(root.join(dir))?;
    }
    if let Ok(entries) = std::fs::read_dir(root.join("man")) {
        for e in entries.flatten() {
            let rel = Path::new("man").join(e.file_name());
            if !files.iter().any(|(p, _)| *p == rel) {
                std::fs::remove_file(e.path())?;
            }
        }
    }
    for (rel, content) in &files {
        std::fs::write(root.join(rel), content)?;
    }
    Ok(files.len())
}
