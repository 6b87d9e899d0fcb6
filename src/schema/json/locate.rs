//! Finds where a JSON pointer's value starts in a JSON text, as a 1-based line and column, so that
//! a schema error can point into the file. The text is known to be valid JSON (serde_json parsed it).

/// The line and column (1-based, columns in characters) of the value at `pointer` (`/a/0/b`, RFC
/// 6901 escapes) in `text`, or None when the text has no such value.
pub(crate) fn locate(text: &str, pointer: &str) -> Option<(usize, usize)> {
    let segments: Vec<String> = if pointer.is_empty() {
        Vec::new()
    } else {
        pointer
            .strip_prefix('/')?
            .split('/')
            .map(|s| s.replace("~1", "/").replace("~0", "~"))
            .collect()
    };
    let mut s = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
    };
    s.skip_ws();
    for seg in &segments {
        match s.peek()? {
            b'{' => {
                s.pos += 1;
                loop {
                    s.skip_ws();
                    if s.peek()? == b'}' {
                        return None;
                    }
                    let key = s.string()?;
                    s.skip_ws();
                    s.expect(b':')?;
                    s.skip_ws();
                    if &key == seg {
                        break;
                    }
                    s.skip_value()?;
                    s.skip_ws();
                    if s.peek()? == b',' {
                        s.pos += 1;
                    }
                }
            }
            b'[' => {
                let index: usize = seg.parse().ok()?;
                s.pos += 1;
                for _ in 0..index {
                    s.skip_ws();
                    if s.peek()? == b']' {
                        return None;
                    }
                    s.skip_value()?;
                    s.skip_ws();
                    s.expect(b',')?;
                }
                s.skip_ws();
                if s.peek()? == b']' {
                    return None;
                }
            }
            _ => return None,
        }
    }
    Some(s.line_col())
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn expect(&mut self, b: u8) -> Option<()> {
        (self.peek()? == b).then(|| self.pos += 1)
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Reads a string literal, decoding the escapes that can occur in a key.
    fn string(&mut self) -> Option<String> {
        self.expect(b'"')?;
        let start = self.pos;
        let mut escaped = false;
        loop {
            match self.peek()? {
                b'"' => break,
                b'\\' => {
                    escaped = true;
                    self.pos += 2;
                }
                _ => self.pos += 1,
            }
        }
        let raw = &self.bytes[start..self.pos];
        self.pos += 1;
        if escaped {
            let quoted = &self.bytes[start - 1..self.pos];
            serde_json::from_slice(quoted).ok()
        } else {
            String::from_utf8(raw.to_vec()).ok()
        }
    }

    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => {
                self.string()?;
            }
            open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.pos += 1;
                loop {
                    self.skip_ws();
                    match self.peek()? {
                        c if c == close => {
                            self.pos += 1;
                            break;
                        }
                        b',' | b':' => self.pos += 1,
                        _ => self.skip_value()?,
                    }
                }
            }
            _ => {
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                ) {
                    self.pos += 1;
                }
            }
        }
        Some(())
    }

    fn line_col(&self) -> (usize, usize) {
        let before = &self.bytes[..self.pos];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::locate;

    #[test]
    fn finds_nested_values() {
        let text = "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a/b\": {\"type\": 12},\n    \"list\": [1, {\"x\": \"é\"}, [3]]\n  }\n}";
        assert_eq!(locate(text, ""), Some((1, 1)));
        assert_eq!(locate(text, "/type"), Some((2, 11)));
        assert_eq!(locate(text, "/properties/a~1b/type"), Some((4, 21)));
        assert_eq!(locate(text, "/properties/list/2"), Some((5, 29)));
        assert_eq!(locate(text, "/properties/list/1/x"), Some((5, 23)));
        assert_eq!(locate(text, "/properties/missing"), None);
        assert_eq!(locate(text, "/properties/list/7"), None);
    }
}
