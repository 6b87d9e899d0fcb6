//! Diagnostics for input files: what is wrong and where (file:line:col), rendered by miette with the
//! offending line underlined.

use std::path::Path;

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
    src: Option<NamedSource<String>>,
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

    /// An error at a byte offset of the file's text.
    pub fn at(path: &Path, text: &str, offset: usize, message: impl Into<String>) -> Self {
        let offset = offset.min(text.len());
        let (line, col) = line_col(text, offset);
        // underline to the end of the token (or one character)
        let len = text[offset..]
            .find(|c: char| c.is_whitespace() || c == ',' || c == '}' || c == ']')
            .unwrap_or(text.len() - offset)
            .max(1)
            .min(text.len().saturating_sub(offset).max(1));
        FileError {
            path: path.display().to_string(),
            location: format!(":{line}:{col}"),
            message: message.into(),
            help: None,
            src: Some(NamedSource::new(
                path.display().to_string(),
                text.to_string(),
            )),
            span: Some(SourceSpan::new(
                offset.into(),
                if offset < text.len() { len } else { 0 },
            )),
        }
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

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, col)
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
    fn line_and_column() {
        let t = "a: 1\nbb: [x, y]\n";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 5), (2, 1));
        assert_eq!(line_col(t, 9), (2, 5));
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
