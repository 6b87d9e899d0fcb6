//! The layering rules of ../shared/docs/architecture.md §3.1 that hold today, checked on the
//! source so that a new transport cannot quietly undo them: the model (`record`, `output`) imports
//! no transport folder and no command. (Non-test code only: a file's `#[cfg(test)]` part is free.)

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The file's code before its tests.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    match text.find("#[cfg(test)]") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

#[test]
fn the_model_imports_no_transport_and_no_command() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let forbidden = regex::Regex::new(
        r"crate::(kafka|redis|amqp|cli)\b|crate::\{[^}]*\b(kafka|redis|amqp|cli)\b|super::super::(kafka|cli)\b",
    )
    .unwrap();
    let mut files = Vec::new();
    for layer in ["record", "output"] {
        rust_files(&root.join(layer), &mut files);
    }
    assert!(!files.is_empty());
    let mut broken = Vec::new();
    for f in &files {
        for (n, line) in code(f).lines().enumerate() {
            if forbidden.is_match(line) {
                broken.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "the model (record, output) must not import a transport or a command:\n{}",
        broken.join("\n")
    );
}
