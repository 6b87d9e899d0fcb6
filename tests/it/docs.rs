//! completions/ and man/ must match what the clap definitions generate.
//! Regenerate with `scripts/gen-docs.sh`.

use std::path::Path;

#[test]
fn generated_docs_are_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = evctl::docs::render_all().unwrap();
    let mut stale = Vec::new();
    for (rel, content) in &files {
        match std::fs::read(root.join(rel)) {
            Ok(on_disk) if on_disk == *content => {}
            _ => stale.push(rel.display().to_string()),
        }
    }
    for entry in std::fs::read_dir(root.join("man")).unwrap().flatten() {
        let rel = Path::new("man").join(entry.file_name());
        if !files.iter().any(|(p, _)| *p == rel) {
            stale.push(format!("{} (no longer generated)", rel.display()));
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated docs, run scripts/gen-docs.sh: {stale:?}"
    );
    // one man page per command
    for page in [
        "evctl.1",
        "evctl-cluster.1",
        "evctl-config.1",
        "evctl-config-use.1",
        "evctl-completion.1",
        "evctl-validate.1",
    ] {
        assert!(
            files.iter().any(|(p, _)| p.ends_with(page)),
            "{page} not generated"
        );
    }
    for shell in [
        "evctl.bash",
        "_evctl",
        "evctl.fish",
        "_evctl.ps1",
        "evctl.elv",
    ] {
        assert!(
            files.iter().any(|(p, _)| p.ends_with(shell)),
            "{shell} not generated"
        );
    }
}

/// The example spec at the repo root parses, names valid topics once each, and its schema files exist.
#[test]
fn example_topics_yaml_is_valid() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("topics.yaml")).unwrap();
    let v: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).unwrap();
    let topics = v["topics"].as_sequence().unwrap();
    assert!(topics.len() >= 10);
    let mut names: Vec<&str> = topics.iter().map(|t| t["name"].as_str().unwrap()).collect();
    for n in &names {
        assert!(
            n.len() <= 249
                && n.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c)),
            "{n}"
        );
    }
    names.sort();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len(), "duplicate topic names");
    for s in v["schemas"].as_sequence().unwrap() {
        let file = s["file"].as_str().unwrap();
        assert!(root.join(file).is_file(), "{file} missing");
    }
}
