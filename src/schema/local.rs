//! Where earlier versions and references come from when checking without a registry: files, a
//! directory of versions, or the same path at a git ref.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{Format, Reference};
use crate::error::{usage, usage_hint};

/// Reads a schema file.
pub fn read(path: &Path) -> anyhow::Result<String> {
    crate::diag::read_text(path).map_err(|e| usage(e.to_string()))
}

/// Splits a name into digit and non-digit runs, for natural order (v2 < v10).
fn natural_key(s: &str) -> Vec<(u8, u128, String)> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        let digit = c.is_ascii_digit();
        let mut run = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_ascii_digit() != digit {
                break;
            }
            run.push(c);
            chars.next();
        }
        if digit {
            out.push((1, run.parse().unwrap_or(u128::MAX), String::new()));
        } else {
            out.push((0, 0, run));
        }
    }
    out
}

/// The schema files of a directory (of `format`, by extension), in version order: natural order of
/// the file names, so `v2.avsc` comes before `v10.avsc`.
pub fn dir_versions(dir: &Path, format: Format) -> anyhow::Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| usage(format!("cannot read directory {}: {e}", dir.display())))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && Format::from_path(p) == Some(format))
        .collect();
    files.sort_by_cached_key(|p| natural_key(&p.file_name().unwrap_or_default().to_string_lossy()));
    if files.is_empty() {
        return Err(usage(format!(
            "{} holds no {format:?} schema files",
            dir.display()
        )));
    }
    Ok(files)
}

fn git(dir: &Path, args: &[&str]) -> anyhow::Result<std::process::Output> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| usage(format!("cannot run git: {e}")))
}

/// The content of `path` at git revision `rev`; `None` when the file does not exist there (a new
/// schema). A ref missing from a shallow clone gets a message saying how to fetch it.
pub fn git_show(path: &Path, rev: &str) -> anyhow::Result<Option<String>> {
    let abs = std::fs::canonicalize(path)
        .map_err(|e| usage(format!("cannot read {}: {e}", path.display())))?;
    let dir = abs.parent().unwrap_or(Path::new("/"));
    let top = git(dir, &["rev-parse", "--show-toplevel"])?;
    if !top.status.success() {
        return Err(usage(format!(
            "{} is not in a git repository (needed by --against-git)",
            path.display()
        )));
    }
    let top = PathBuf::from(String::from_utf8_lossy(&top.stdout).trim());
    let top = std::fs::canonicalize(&top).unwrap_or(top);
    let rel = abs.strip_prefix(&top).map_err(|_| {
        usage(format!(
            "{} is outside the repository {}",
            path.display(),
            top.display()
        ))
    })?;
    let verify = git(
        &top,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )?;
    if !verify.status.success() {
        let shallow = git(&top, &["rev-parse", "--is-shallow-repository"])?;
        if String::from_utf8_lossy(&shallow.stdout).trim() == "true" {
            let branch = rev.strip_prefix("origin/").unwrap_or(rev);
            return Err(usage_hint(
                format!("git ref {rev:?} is not in this shallow clone"),
                format!(
                    "fetch it before checking: git fetch --no-tags --depth=1 origin {branch}:refs/remotes/origin/{branch} (or clone with fetch-depth: 0)"
                ),
            ));
        }
        return Err(usage(format!("unknown git ref {rev:?}")));
    }
    let rel_str = rel.to_string_lossy().replace('\\', "/");
    let show = git(&top, &["show", &format!("{rev}:{rel_str}")])?;
    if show.status.success() {
        return Ok(Some(String::from_utf8_lossy(&show.stdout).into_owned()));
    }
    let err = String::from_utf8_lossy(&show.stderr);
    if err.contains("does not exist") || err.contains("exists on disk, but not in") {
        return Ok(None);
    }
    Err(usage(format!(
        "git show {rev}:{rel_str} failed: {}",
        err.trim()
    )))
}

/// References a schema file needs, found next to it: Protobuf `import "x.proto"` and JSON `$ref`
/// to another file are read relative to the schema's directory (and `include` dirs for Protobuf),
/// unless given explicitly as `NAME=FILE`. Avro references are only the explicit ones.
pub fn references(
    path: Option<&Path>,
    format: Format,
    text: &str,
    explicit: &[(String, PathBuf)],
    include: &[PathBuf],
) -> anyhow::Result<Vec<Reference>> {
    let mut refs: Vec<Reference> = Vec::new();
    for (name, file) in explicit {
        refs.push(Reference {
            name: name.clone(),
            text: read(file)?,
        });
    }
    let base = path
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut wanted: Vec<String> = match format {
        Format::Protobuf => proto_imports(text),
        Format::Json => json_file_refs(text),
        Format::Avro => vec![],
    };
    let mut seen: std::collections::HashSet<String> = refs.iter().map(|r| r.name.clone()).collect();
    while let Some(name) = wanted.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let candidates =
            std::iter::once(base.join(&name)).chain(include.iter().map(|d| d.join(&name)));
        let Some(file) = candidates.into_iter().find(|p| p.is_file()) else {
            // the engine knows built-in imports (google/protobuf/*, confluent/*) or reports it
            continue;
        };
        let text = read(&file)?;
        if format == Format::Protobuf {
            wanted.extend(proto_imports(&text));
        }
        refs.push(Reference { name, text });
    }
    Ok(refs)
}

/// `import "a/b.proto";` (also `import public` / `import weak`) paths of a .proto file.
pub fn proto_imports(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter_map(|l| l.strip_prefix("import"))
        .filter_map(|rest| {
            let start = rest.find('"')? + 1;
            let end = start + rest[start..].find('"')?;
            Some(rest[start..end].to_string())
        })
        .collect()
}

/// `$ref` values that name another file (`other.json`, `defs.json#/$defs/x`), without the fragment.
pub fn json_file_refs(text: &str) -> Vec<String> {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(text) else {
        return vec![];
    };
    let mut out = Vec::new();
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(serde_json::Value::String(r)) = m.get("$ref") {
                    let file = r.split('#').next().unwrap_or_default();
                    if !file.is_empty() && !file.contains("://") {
                        out.push(file.to_string());
                    }
                }
                m.values().for_each(|v| walk(v, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    walk(&v, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order() {
        let mut names = vec!["v10.avsc", "v2.avsc", "v1.avsc", "v2b.avsc"];
        names.sort_by_cached_key(|n| natural_key(n));
        assert_eq!(names, ["v1.avsc", "v2.avsc", "v2b.avsc", "v10.avsc"]);
    }

    #[test]
    fn finds_imports_and_refs() {
        let proto = "syntax = \"proto3\";\nimport \"google/protobuf/timestamp.proto\";\nimport public \"common/meta.proto\";\n";
        assert_eq!(
            proto_imports(proto),
            ["google/protobuf/timestamp.proto", "common/meta.proto"]
        );
        let json = r##"{"properties": {"a": {"$ref": "defs.json#/$defs/a"}, "b": {"$ref": "#/definitions/b"}, "c": {"$ref": "https://x/y.json"}}}"##;
        assert_eq!(json_file_refs(json), ["defs.json"]);
    }

    #[test]
    fn dir_versions_in_order_and_local_references() {
        let dir = tempfile::tempdir().unwrap();
        for n in ["v10.proto", "v2.proto", "v1.proto", "notes.txt"] {
            std::fs::write(
                dir.path().join(n),
                "syntax = \"proto3\";\nimport \"common.proto\";\n",
            )
            .unwrap();
        }
        std::fs::write(dir.path().join("common.proto"), "syntax = \"proto3\";\n").unwrap();
        let files = dir_versions(dir.path(), Format::Protobuf).unwrap();
        let names: Vec<_> = files
            .iter()
            .map(|p| p.file_name().unwrap().to_str().unwrap())
            .collect();
        assert_eq!(names, ["common.proto", "v1.proto", "v2.proto", "v10.proto"]);
        let v1 = dir.path().join("v1.proto");
        let refs = references(Some(&v1), Format::Protobuf, &read(&v1).unwrap(), &[], &[]).unwrap();
        assert_eq!(refs.len(), 1);
        assert_eq!(refs[0].name, "common.proto");
        assert!(dir_versions(dir.path(), Format::Avro).is_err());
    }
}
