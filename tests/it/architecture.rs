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

/// Rule 2 for the engines on the seam (architecture.md §3.3): the read and send loops (`tail`,
/// `publish`) reach records only through `transport::{Source, Sink}`; `lag` is a report each
/// transport fills (`kafka::lag`, `redis::lag`); `dlq` is the dead-letter model (dialects,
/// selection, routing policy, reports) that `kafka::dlq` and `redis::pending` act on. None of them
/// imports a transport folder, whichever transports exist.
#[test]
fn the_engines_on_the_seam_import_no_transport() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let forbidden = regex::Regex::new(
        r"crate::(kafka|redis|amqp|cli)\b|crate::\{[^}]*\b(kafka|redis|amqp|cli)\b|super::(kafka|redis|amqp|cli)\b",
    )
    .unwrap();
    let mut files: Vec<PathBuf> = ["tail.rs", "publish.rs", "transport.rs"]
        .iter()
        .map(|f| root.join(f))
        .collect();
    rust_files(&root.join("lag"), &mut files);
    rust_files(&root.join("dlq"), &mut files);
    let mut broken = Vec::new();
    for path in &files {
        let f = path.strip_prefix(&root).unwrap().display();
        for (n, line) in code(path).lines().enumerate() {
            if forbidden.is_match(line) {
                broken.push(format!("src/{f}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "the engines must reach transports through the seam only:\n{}",
        broken.join("\n")
    );
}

/// Code with string and char literals and comments blanked out (same length, newlines kept), so
/// braces and words inside them do not count.
fn blank_literals(code: &str) -> String {
    let b = code.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    let keep = |c: u8| if c == b'\n' { b'\n' } else { b' ' };
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    out.push(b' ');
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                while i < b.len() && !(b[i] == b'*' && b.get(i + 1) == Some(&b'/')) {
                    out.push(keep(b[i]));
                    i += 1;
                }
                out.extend_from_slice(b"  ");
                i += 2;
            }
            b'r' if matches!(b.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) =>
            {
                let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                if b.get(i + 1 + hashes) != Some(&b'"') {
                    out.push(b[i]);
                    i += 1;
                    continue;
                }
                let close: Vec<u8> = std::iter::once(b'"')
                    .chain(std::iter::repeat_n(b'#', hashes))
                    .collect();
                let start = i + 2 + hashes;
                let end = b[start..]
                    .windows(close.len())
                    .position(|w| w == close.as_slice())
                    .map_or(b.len(), |p| start + p + close.len());
                out.extend(b[i..end].iter().map(|&c| keep(c)));
                i = end;
            }
            b'"' => {
                out.push(b' ');
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        out.push(b' ');
                        i += 1;
                    }
                    if i < b.len() {
                        out.push(keep(b[i]));
                        i += 1;
                    }
                }
                out.push(b' ');
                i += 1;
            }
            // a char literal ('{', '\'', '\u{7b}'), not a lifetime ('a)
            b'\'' if b.get(i + 2) == Some(&b'\'') || b.get(i + 1) == Some(&b'\\') => {
                let end = b[i + 1..]
                    .iter()
                    .enumerate()
                    .skip(1)
                    .find(|(k, c)| **c == b'\'' && b[i + *k] != b'\\')
                    .map_or(b.len(), |(k, _)| i + 1 + k + 1);
                out.extend(b[i..end].iter().map(|&c| keep(c)));
                i = end;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap()
}

/// Each function of the code: (name, first line, lines from `fn` to its closing brace).
fn functions(code: &str) -> Vec<(String, usize, usize)> {
    let code = blank_literals(code);
    let fn_re = regex::Regex::new(r"\bfn\s+([A-Za-z_][A-Za-z0-9_]*)").unwrap();
    let line_of = |at: usize| code[..at].matches('\n').count() + 1;
    let mut out = Vec::new();
    for m in fn_re.captures_iter(&code) {
        let start = m.get(0).unwrap().start();
        // the body: the first `{` before a `;` (a declaration without one has no body)
        let rest = &code[start..];
        let Some(open) = rest
            .find(['{', ';'])
            .filter(|&k| rest.as_bytes()[k] == b'{')
        else {
            continue;
        };
        let mut depth = 0;
        let mut close = None;
        for (k, c) in rest[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(start + open + k);
                        break;
                    }
                }
                _ => {}
            }
        }
        let close = close.expect("balanced braces");
        out.push((
            m[1].to_string(),
            line_of(start),
            line_of(close) - line_of(start) + 1,
        ));
    }
    out
}

/// The thin CLI of architecture.md §3.1, rule 1: `src/cli/` parses, resolves options, connects,
/// calls one library function, prints and returns an exit status. It may construct a transport
/// (a client, a fetcher, a producer), but never drives one: no read or send loops, no commits,
/// no offset lookups, no raw requests. Its size keeps it so: no file above 400 lines, no function
/// above 80, under 3,500 lines in all.
#[test]
fn the_cli_drives_no_transport_and_stays_thin() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/cli");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(!files.is_empty());
    let driving = regex::Regex::new(
        r"\b(commit_offsets|committed_offsets|list_offsets|log_bounds|delete_records|describe_groups|list_groups|fetch_connection)\s*\(|\.(poll|tick|request|request_stream|call)\s*\(|\bproducer\s*\.\s*send\s*\(|crate::kafka::(conn|frame|fetch_stream|batch::BatchBuilder|offsets::(commit|list|log|delete))",
    )
    .unwrap();
    let (mut broken, mut total) = (Vec::new(), 0);
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let lines = text.lines().count();
        total += lines;
        let name = f.strip_prefix(&root).unwrap().display().to_string();
        if lines > 400 {
            broken.push(format!("src/cli/{name}: {lines} lines (at most 400)"));
        }
        let code = blank_literals(&code(f));
        for (n, line) in code.lines().enumerate() {
            if driving.is_match(line) {
                broken.push(format!(
                    "src/cli/{name}:{}: drives a transport: {}",
                    n + 1,
                    line.trim()
                ));
            }
        }
        for (func, at, len) in functions(&text) {
            if len > 80 {
                broken.push(format!(
                    "src/cli/{name}:{at}: fn {func} is {len} lines (at most 80)"
                ));
            }
        }
    }
    if total >= 3500 {
        broken.push(format!("src/cli/ has {total} lines (under 3,500)"));
    }
    assert!(
        broken.is_empty(),
        "src/cli/ must stay a thin shell (architecture.md §3.1):\n{}",
        broken.join("\n")
    );
}

#[test]
fn the_source_checks_see_through_literals() {
    let code = "fn a() {\n    let s = \"}{ fn b() {\";\n    let c = '}';\n    // }\n    let r = r#\"{\"#;\n}\nfn c<'a>(x: &'a str) -> &'a str { x }\n";
    assert_eq!(
        functions(code),
        [("a".to_string(), 1, 6), ("c".to_string(), 7, 1)]
    );
}
