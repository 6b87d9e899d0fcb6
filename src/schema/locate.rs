//! Where a change's path points in a schema's text: the line and column of the value a JSON
//! pointer names (Avro `/fields/3/type`, JSON Schema `#/properties/id`), or of the field a
//! Protobuf path names (`#/Outer/Inner/4`: message `Inner` in `Outer`, field number 4). For CI
//! annotations that sit on the offending line.

use super::Format;

/// The 1-based line and column `path` points to in `text`, when it can be found.
pub fn locate(format: Format, text: &str, path: &str) -> Option<(usize, usize)> {
    let offset = match format {
        Format::Avro | Format::Json => json_pointer(text, path.trim_start_matches('#'))?,
        Format::Protobuf => proto_path(text, path)?,
    };
    Some(line_col(text, offset))
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The byte offset of the value `pointer` (RFC 6901) names in the JSON `text`.
fn json_pointer(text: &str, pointer: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut at = skip_ws(b, 0);
    if pointer.is_empty() || pointer == "/" {
        return Some(at);
    }
    for raw in pointer.strip_prefix('/')?.split('/') {
        let token = raw.replace("~1", "/").replace("~0", "~");
        at = match b.get(at)? {
            b'{' => member(b, at, &token)?,
            b'[' => element(b, at, token.parse().ok()?)?,
            _ => return None,
        };
    }
    Some(at)
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The index just past the string starting at `i` (a `"`).
fn string_end(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// The index just past the value starting at `i`.
fn value_end(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        b'"' => string_end(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = string_end(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']') && !b[j].is_ascii_whitespace()
            {
                j += 1;
            }
            Some(j)
        }
    }
}

/// The start of the value of member `key` of the object at `i`.
fn member(b: &[u8], i: usize, key: &str) -> Option<usize> {
    let mut j = skip_ws(b, i + 1);
    while b.get(j)? == &b'"' {
        let end = string_end(b, j)?;
        let name: String = serde_json::from_slice(&b[j..end]).ok()?;
        j = skip_ws(b, end);
        if b.get(j)? != &b':' {
            return None;
        }
        let v = skip_ws(b, j + 1);
        if name == key {
            return Some(v);
        }
        j = skip_ws(b, value_end(b, v)?);
        if b.get(j) == Some(&b',') {
            j = skip_ws(b, j + 1);
        }
    }
    None
}

/// The start of element `n` of the array at `i`.
fn element(b: &[u8], i: usize, n: usize) -> Option<usize> {
    let mut j = skip_ws(b, i + 1);
    for _ in 0..n {
        if b.get(j)? == &b']' {
            return None;
        }
        j = skip_ws(b, value_end(b, j)?);
        if b.get(j)? != &b',' {
            return None;
        }
        j = skip_ws(b, j + 1);
    }
    (b.get(j)? != &b']').then_some(j)
}

/// The byte offset of the field (or message) a Protobuf change path names in the `.proto` text.
fn proto_path(text: &str, path: &str) -> Option<usize> {
    let parts: Vec<&str> = path
        .trim_start_matches('#')
        .trim_matches('/')
        .split('/')
        .collect();
    let (field, messages) = match parts.last()?.parse::<u32>() {
        Ok(n) => (Some(n), &parts[..parts.len() - 1]),
        Err(_) => (None, &parts[..]),
    };
    let (mut start, mut end) = (0, text.len());
    let mut at = None;
    for m in messages {
        let re = regex::Regex::new(&format!(r"\bmessage\s+{}\s*\{{", regex::escape(m))).ok()?;
        let found = re.find(&text[start..end])?;
        let open = start + found.end() - 1;
        at = Some(start + found.start());
        start = open + 1;
        end = matching_brace(text.as_bytes(), open)?;
    }
    if let Some(n) = field {
        // the message's own fields only: nested blocks (messages, enums, oneof options) masked
        let scope = mask_nested(&text[start..end]);
        let re = regex::Regex::new(&format!(r"(?m)^[^\n=]*=\s*{n}\s*[;\[]")).ok()?;
        let found = re.find(&scope)?;
        let line_start = start + found.start();
        let indent = text[line_start..]
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(0);
        return Some(line_start + indent);
    }
    at
}

/// `scope` with everything inside nested `{...}` blocks blanked (newlines kept, so offsets hold).
/// A `oneof` block's fields belong to the message: its body is kept.
fn mask_nested(scope: &str) -> String {
    let mut out = String::with_capacity(scope.len());
    let mut depth = 0usize;
    let mut keep_depth = None;
    for (i, c) in scope.char_indices() {
        match c {
            '{' => {
                depth += 1;
                if depth == 1
                    && scope[..i].trim_end().rsplit(char::is_whitespace).nth(1) == Some("oneof")
                {
                    keep_depth = Some(1);
                }
                out.push(if depth == 1 { c } else { ' ' });
            }
            '}' => {
                if keep_depth == Some(depth) {
                    keep_depth = None;
                }
                depth = depth.saturating_sub(1);
                out.push(' ');
            }
            '\n' => out.push('\n'),
            _ if depth == 0 || keep_depth.is_some() => out.push(c),
            _ => out.extend(std::iter::repeat_n(' ', c.len_utf8())),
        }
    }
    out
}

fn matching_brace(b: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (j, c) in b.iter().enumerate().skip(open) {
        match c {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const AVRO: &str = r#"{
  "type": "record",
  "name": "Order",
  "fields": [
    {"name": "id", "type": "long"},
    {"name": "note", "type": ["null", "string"], "default": null},
    {
      "name": "total",
      "type": "double"
    }
  ]
}"#;

    #[test]
    fn json_pointers_find_their_value() {
        assert_eq!(locate(Format::Avro, AVRO, "/fields/0"), Some((5, 5)));
        assert_eq!(locate(Format::Avro, AVRO, "/fields/1/type"), Some((6, 30)));
        assert_eq!(locate(Format::Avro, AVRO, "/fields/2"), Some((7, 5)));
        assert_eq!(locate(Format::Avro, AVRO, "/fields/2/type"), Some((9, 15)));
        assert_eq!(locate(Format::Avro, AVRO, "/fields/3"), None);
        assert_eq!(locate(Format::Avro, AVRO, "/nope"), None);
        let js = "{\"properties\": {\"a/b\": {\"type\": \"string\"},\n \"id\": {\"type\": \"integer\"}}}";
        assert_eq!(
            locate(Format::Json, js, "#/properties/id/type"),
            Some((2, 17))
        );
        assert_eq!(locate(Format::Json, js, "#/properties/a~1b"), Some((1, 24)));
        assert_eq!(
            locate(Format::Json, "{\"a\": 1", "/b"),
            None,
            "truncated text"
        );
    }

    #[test]
    fn protobuf_paths_find_the_field_line() {
        let proto = "syntax = \"proto3\";\nmessage Outer {\n  string id = 1;\n  message Inner {\n    int32 n = 1;\n    repeated string tags = 4 [packed = true];\n  }\n  Inner inner = 4;\n  oneof pick {\n    string a = 5;\n  }\n}\n";
        assert_eq!(locate(Format::Protobuf, proto, "#/Outer/1"), Some((3, 3)));
        assert_eq!(locate(Format::Protobuf, proto, "#/Outer/4"), Some((8, 3)));
        assert_eq!(
            locate(Format::Protobuf, proto, "#/Outer/Inner/4"),
            Some((6, 5))
        );
        assert_eq!(
            locate(Format::Protobuf, proto, "#/Outer/Inner"),
            Some((4, 3))
        );
        assert_eq!(
            locate(Format::Protobuf, proto, "#/Outer/5"),
            Some((10, 5)),
            "in a oneof"
        );
        assert_eq!(locate(Format::Protobuf, proto, "#/Outer/9"), None);
        assert_eq!(locate(Format::Protobuf, proto, "#/Missing/1"), None);
    }
}
