//! Diagnostics for input files: what is wrong and where (file:line:col), rendered by miette with the
//! offending line underlined. [`FileErrors`] carries several of them (every problem of a file, not
//! just the first), rendered one after another.

use std::path::Path;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceSpan};

/// An error in an input file (config, topics.yaml, a schema), pointing at the place when known.
#[derive(Debug, thiserror::Error)]
#[error("{}{location}: {message}", .path)]
pub struct FileError {
    pub path: String,
    /// `:line:col`, or empty when the place is unknown.
    pub location: String,
    pub message: String,
    pub help: Option<String>,
    src: Option<NamedSource<Arc<str>>>,
    span: Option<SourceSpan>,
}

impl Diagnostic for FileError {
    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn std::fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.src.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.span?;
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some("here".to_string()),
            span,
        ))))
    }
}

impl FileError {
    /// An error about a whole file (unreadable, empty, ...).
    pub fn whole(path: &Path, message: impl Into<String>) -> Self {
        FileError {
            path: path.display().to_string(),
            location: String::new(),
            message: message.into(),
            help: None,
            src: None,
            span: None,
        }
    }

    /// An error at a byte offset of the file's text, underlining the token there.
    pub fn at(path: &Path, text: &str, offset: usize, message: impl Into<String>) -> Self {
        Self::spanned(path, &display_text(text), offset, 0, message)
    }

    /// An error underlining `len` bytes from a byte offset of the file's text (`len` 0: the token
    /// there). The text is shared, so many errors in one file do not copy it; pass it through
    /// [`display_text`] first, since its lines are printed.
    pub fn spanned(
        path: &Path,
        text: &Arc<str>,
        offset: usize,
        len: usize,
        message: impl Into<String>,
    ) -> Self {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let (line, col) = line_col(text, offset);
        let rest = &text[offset..];
        let len = if len > 0 {
            // up to the end of the line: a multi-line value is underlined on its first line
            len.min(rest.find('\n').unwrap_or(rest.len())).max(1)
        } else {
            // underline to the end of the token (or one character)
            rest.find(|c: char| c.is_whitespace() || c == ',' || c == '}' || c == ']')
                .unwrap_or(rest.len())
                .max(1)
        };
        let mut len = len.min(rest.len().max(1));
        while offset + len < text.len() && !text.is_char_boundary(offset + len) {
            len += 1;
        }
        FileError {
            path: path.display().to_string(),
            location: format!(":{line}:{col}"),
            message: message.into(),
            help: None,
            src: Some(NamedSource::new(path.display().to_string(), text.clone())),
            span: Some(SourceSpan::new(
                offset.into(),
                if offset < text.len() { len } else { 0 },
            )),
        }
    }

    /// The underlined byte range, when the place is known.
    pub fn span(&self) -> Option<std::ops::Range<usize>> {
        self.span.map(|s| s.offset()..s.offset() + s.len())
    }

    /// From a YAML (de)serialisation error, with its place when the parser knows it.
    pub fn from_yaml(path: &Path, text: &str, err: &serde_yaml_ng::Error) -> Self {
        let message = strip_location(&err.to_string());
        match err.location() {
            Some(loc) => Self::at(path, text, loc.index(), message),
            None => Self::whole(path, message),
        }
    }

    /// Adds a hint.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// Several errors in input files, in the order they should be shown (by file, then by place).
#[derive(Debug, thiserror::Error)]
#[error("{}", .errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
pub struct FileErrors {
    pub errors: Vec<FileError>,
}

impl FileErrors {
    /// Wraps a list of errors (which should not be empty).
    pub fn new(errors: Vec<FileError>) -> Self {
        FileErrors { errors }
    }

    /// A one-line count: "3 errors in topics.yaml and prod.yaml".
    pub fn summary(&self) -> String {
        let mut files: Vec<&str> = Vec::new();
        for e in &self.errors {
            if !files.contains(&e.path.as_str()) {
                files.push(&e.path);
            }
        }
        let n = self.errors.len();
        let files = match files.as_slice() {
            [] => String::new(),
            [one] => one.to_string(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
        };
        format!("{n} error{} in {files}", if n == 1 { "" } else { "s" })
    }
}

impl From<FileError> for FileErrors {
    fn from(e: FileError) -> Self {
        FileErrors { errors: vec![e] }
    }
}

/// Renders an error with a known place as miette's report: the message, the place, the source line
/// with the offending text underlined, and the hint. None when the place is unknown.
pub fn render_report(err: &FileError, color: bool) -> Option<String> {
    if err.location.is_empty() {
        return None;
    }
    let theme = if color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let mut text = String::new();
    let handler = miette::GraphicalReportHandler::new_themed(theme);
    match err.cropped() {
        // a line too long to print (minified JSON, a generated file): only its part around the
        // place, alone
        Some(short) => handler
            .with_context_lines(0)
            .render_report(&mut text, &short)
            .ok()?,
        None => handler.render_report(&mut text, err).ok()?,
    }
    Some(text)
}

thread_local! {
    /// Set while [`contain`] runs on this thread: a panic's message is kept, not printed.
    static CONTAINED: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f`, turning a panic inside it into an error: a dependency's bug on hostile input (a
/// parser indexing past an empty list) becomes "`what` failed on this input: ..." and exit 2,
/// not a crash with a backtrace. Only for calls into code evctl does not own.
pub fn contain<T>(what: &str, f: impl FnOnce() -> T) -> Result<T, String> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let kept = CONTAINED.with(|c| {
                let mut c = c.borrow_mut();
                c.as_mut().map(|slot| {
                    *slot = info
                        .payload()
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| info.payload().downcast_ref::<String>().cloned())
                        .unwrap_or_default();
                })
            });
            if kept.is_none() {
                previous(info);
            }
        }));
    });
    CONTAINED.with(|c| *c.borrow_mut() = Some(String::new()));
    let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    let message = CONTAINED
        .with(|c| c.borrow_mut().take())
        .unwrap_or_default();
    out.map_err(|_| format!("{what} failed on this input ({message}): refused"))
}

/// The largest input file (topics.yaml, a schema) read whole: anything bigger is refused unread.
pub const MAX_INPUT_FILE: u64 = 16 * 1024 * 1024;

/// Reads a text file of at most [`MAX_INPUT_FILE`] bytes. A bigger file is refused before it is
/// read (or, for a pipe, once that much has come); bytes that are not UTF-8 are named by line and
/// column.
pub fn read_text(path: &Path) -> Result<String, Box<FileError>> {
    use std::io::Read;
    let file = std::fs::File::open(path)
        .map_err(|e| Box::new(FileError::whole(path, format!("cannot read: {e}"))))?;
    let too_big = || {
        Box::new(FileError::whole(
            path,
            format!(
                "larger than {} MiB: refused (not an input file evctl reads whole)",
                MAX_INPUT_FILE >> 20
            ),
        ))
    };
    if file
        .metadata()
        .is_ok_and(|m| m.is_file() && m.len() > MAX_INPUT_FILE)
    {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    file.take(MAX_INPUT_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Box::new(FileError::whole(path, format!("cannot read: {e}"))))?;
    if bytes.len() as u64 > MAX_INPUT_FILE {
        return Err(too_big());
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..good]);
        let (line, col) = line_col(&text, good);
        Box::new(FileError::whole(
            path,
            format!(
                "not UTF-8 text: the byte at line {line}, column {col} (offset {good}) is not UTF-8"
            ),
        ))
    })
}

/// Lines longer than this (in bytes) are cropped around the place in snippets.
const SNIPPET_WIDTH: usize = 160;

impl FileError {
    /// This error with its source cut down to the span's line, cropped around the span, when
    /// that line or one printed around it is longer than [`SNIPPET_WIDTH`]; None otherwise.
    fn cropped(&self) -> Option<FileError> {
        let (src, span) = (self.src.as_ref()?, self.span?);
        let text: &str = src.inner();
        let at = span.offset().min(text.len());
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let before = text[..start.saturating_sub(1)]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let after = text[end..]
            .get(1..)
            .map_or(end, |r| end + 1 + r.find('\n').unwrap_or(r.len()));
        let widest = [
            (before, start.saturating_sub(1)),
            (start, end),
            ((end + 1).min(after), after),
        ]
        .iter()
        .map(|(a, b)| b.saturating_sub(*a))
        .max()
        .unwrap_or(0);
        if widest <= SNIPPET_WIDTH {
            return None;
        }
        let floor = |mut i: usize| {
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let from = floor(at.saturating_sub(SNIPPET_WIDTH / 2).max(start));
        let to = floor((from + SNIPPET_WIDTH).min(end));
        let line = text[..start].matches('\n').count();
        let mut short = "\n".repeat(line);
        if from > start {
            short.push('…');
        }
        let offset = short.len() + (at - from);
        short.push_str(&text[from..to]);
        if to < end {
            short.push('…');
        }
        let len = span
            .len()
            .min(to.saturating_sub(at))
            .max(usize::from(at < to));
        Some(FileError {
            path: self.path.clone(),
            location: self.location.clone(),
            message: self.message.clone(),
            help: self.help.clone(),
            src: Some(NamedSource::new(src.name(), Arc::from(short))),
            span: Some(SourceSpan::new(offset.into(), len)),
        })
    }
}

/// The text of a file made safe to print in a snippet: control characters that could drive the
/// terminal (escape sequences, a lone carriage return) become `?`, byte for byte, so offsets into
/// the original still point at the same places.
pub fn display_text(text: &str) -> Arc<str> {
    let unsafe_char = |(i, c): (usize, char)| {
        c.is_control() && c != '\n' && c != '\t' && !(c == '\r' && text[i + 1..].starts_with('\n'))
    };
    if !text.char_indices().any(unsafe_char) {
        return Arc::from(text);
    }
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if unsafe_char((i, c)) {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    Arc::from(out)
}

/// 1-based line and column (in characters) of a byte offset (one inside a character counts as
/// that character).
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, col)
}

/// The byte offset of a 1-based line and (character) column: the inverse of [`line_col`]. A line
/// past the end is the end of the text; a column past the end of its line, the line's start.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let rest = &text[start..];
    let line_text = &rest[..rest.find('\n').map_or(rest.len(), |i| i + 1)];
    start
        + line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(0, |(b, _)| b)
}

/// serde_yaml_ng appends " at line L column C" to messages; the location is shown our own way.
fn strip_location(msg: &str) -> String {
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_of_lines_and_columns() {
        let t = "a: 1\nbé: [x, y]\n";
        assert_eq!(offset_of(t, 1, 1), 0);
        assert_eq!(offset_of(t, 2, 1), 5);
        assert_eq!(offset_of(t, 2, 3), 8);
        for offset in [0, 5, 8, 12] {
            let (l, c) = line_col(t, offset);
            assert_eq!(offset_of(t, l, c), offset);
        }
        assert_eq!(offset_of(t, 9, 1), t.len());
        assert_eq!(offset_of(t, 2, 99), 5);
    }

    #[test]
    fn line_and_column() {
        let t = "a: 1\nbb: [x, y]\n";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 5), (2, 1));
        assert_eq!(line_col(t, 9), (2, 5));
    }

    #[test]
    fn spans_underline_exactly_and_stay_on_one_line() {
        let text: Arc<str> = Arc::from("a: héllo world\nb: |\n  x\n  y\n");
        let e = FileError::spanned(Path::new("f.yaml"), &text, 3, 6, "bad");
        assert_eq!(e.to_string(), "f.yaml:1:4: bad");
        assert_eq!(e.span(), Some(3..9));
        // 0: the token; a span crossing a line end stops at it
        let e = FileError::spanned(Path::new("f.yaml"), &text, 3, 0, "bad");
        assert_eq!(e.span(), Some(3..9));
        let e = FileError::spanned(Path::new("f.yaml"), &text, 23, 100, "bad");
        assert_eq!(e.location, ":3:3");
        assert_eq!(e.span(), Some(23..24));
        // an offset inside a character moves back to its start
        let e = FileError::spanned(Path::new("f.yaml"), &text, 5, 1, "bad");
        assert_eq!(e.span(), Some(4..6));
    }

    #[test]
    fn snippets_do_not_carry_terminal_escapes() {
        let text = "a: \x1b[2Jx\u{9b}y\r\nb: \rz\n";
        let shown = display_text(text);
        assert_eq!(&*shown, "a: ?[2Jx??y\r\nb: ?z\n");
        assert_eq!(shown.len(), text.len());
        let e = FileError::at(Path::new("c.yaml"), text, 14, "bad");
        let report = render_report(&e, false).unwrap();
        assert!(
            !report.contains('\x1b') && !report.contains('\u{9b}'),
            "{report:?}"
        );
    }

    #[test]
    fn several_errors() {
        let text: Arc<str> = Arc::from("a: 1\nb: 2\n");
        let one = FileError::spanned(Path::new("x.yaml"), &text, 0, 1, "first");
        let two =
            FileError::spanned(Path::new("y.yaml"), &text, 5, 1, "second").with_help("a hint");
        let all = FileErrors::new(vec![
            one,
            two,
            FileError::whole(Path::new("z.yaml"), "third"),
        ]);
        assert_eq!(
            all.to_string(),
            "x.yaml:1:1: first\ny.yaml:2:1: second\nz.yaml: third"
        );
        assert_eq!(all.summary(), "3 errors in x.yaml, y.yaml and z.yaml");
        let report = render_report(&all.errors[1], false).unwrap();
        assert!(report.contains("y.yaml:2:1: second"), "{report}");
        assert!(report.contains("b: 2"), "{report}");
        assert!(report.contains("help: a hint"), "{report}");
        assert!(render_report(&all.errors[2], false).is_none());
        let single: FileErrors = FileError::whole(Path::new("w.yaml"), "x").into();
        assert_eq!(single.summary(), "1 error in w.yaml");
    }

    #[test]
    fn yaml_error_points_at_the_place() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct S {
            a: u32,
        }
        let text = "a: 1\nb: 2\n";
        let err = serde_yaml_ng::from_str::<S>(text).unwrap_err();
        let fe = FileError::from_yaml(Path::new("x.yaml"), text, &err);
        assert_eq!(fe.location, ":2:1");
        let shown = fe.to_string();
        assert!(
            shown.starts_with("x.yaml:2:1: unknown field `b`"),
            "{shown}"
        );
    }
}
