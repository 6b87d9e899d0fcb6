//! The one printer: data on stdout (table, JSON or YAML), diagnostics on stderr, colour decided per
//! stream, and untrusted text escaped before it reaches a terminal. Beside it: [`table`] (tables
//! laid out on visible width), [`records`] (the one record writer: pretty, JSON lines, raw,
//! templates), [`pretty`] and [`template`]. This layer imports no transport and no command.

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};
use std::sync::Mutex;

use anstyle::{AnsiColor, Effects, Style};
use serde::Serialize;

pub mod pretty;
pub mod records;
pub mod table;
pub mod template;

pub use table::{Cell, Table, table_string, visible_width};

/// Output format of data (`-o`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OutputFormat {
    /// Human-readable tables.
    #[default]
    Table,
    /// Tables with nothing cut to fit the terminal (long names, ids and addresses in full).
    Wide,
    /// JSON (one document; streaming commands write JSON lines).
    Json,
    /// YAML.
    Yaml,
    /// Records as people read them (`tail`; other commands print tables).
    Pretty,
    /// Record values only, as bytes (`tail`).
    Raw,
    /// The Prometheus text exposition format (`lag`).
    Prometheus,
}

/// When to colour output (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when the stream is a terminal and NO_COLOR is not set.
    #[default]
    Auto,
    /// Always colour, even into a pipe (NO_COLOR is ignored).
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// Resolves the choice for one stream. `--color always|never` beats the environment; in auto,
    /// a non-empty NO_COLOR turns colour off, and so does a stream that is not a terminal.
    pub fn resolve(self, is_terminal: bool, no_color: Option<&str>) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal && no_color.is_none_or(|v| v.is_empty()),
        }
    }
}

/// Something a command prints as data: serialisable for JSON and YAML, and with its own table form.
pub trait Render: Serialize {
    /// The human-readable form (ends with a newline).
    fn table(&self, style: &Styles) -> String;
}

/// Styles for human output; all plain when colour is off.
#[derive(Debug, Clone, Copy)]
pub struct Styles {
    pub color: bool,
    /// The width tables fit: the terminal's columns, or None (a pipe, `-o wide`): nothing cut.
    pub width: Option<usize>,
}

impl Styles {
    fn paint(&self, style: Style, text: &str) -> String {
        if self.color {
            format!("{}{}{}", style.render(), text, style.render_reset())
        } else {
            text.to_string()
        }
    }
    pub fn bold(&self, text: &str) -> String {
        self.paint(Style::new().effects(Effects::BOLD), text)
    }
    pub fn good(&self, text: &str) -> String {
        self.paint(AnsiColor::Green.on_default(), text)
    }
    pub fn bad(&self, text: &str) -> String {
        self.paint(AnsiColor::Red.on_default().effects(Effects::BOLD), text)
    }
    pub fn warn(&self, text: &str) -> String {
        self.paint(AnsiColor::Yellow.on_default(), text)
    }
    pub fn dim(&self, text: &str) -> String {
        self.paint(Style::new().effects(Effects::DIMMED), text)
    }

    /// Plain styles: no colour, no width to fit (tests, files).
    pub const PLAIN: Styles = Styles {
        color: false,
        width: None,
    };

    /// A table with kubectl-like plain columns: a bold header row and aligned cells, no borders,
    /// fitting [`Styles::width`].
    pub fn table(&self, header: &[&str]) -> Table {
        Table::new(header.iter().map(|h| self.bold(h)).collect(), self.width)
    }
}

/// The columns of the terminal on `stream` (1 stdout, 2 stderr), when it is one: `COLUMNS` when
/// set (as shells export it), else the terminal's size.
fn terminal_width(is_terminal: bool, fd: i32) -> Option<usize> {
    if !is_terminal {
        return None;
    }
    if let Some(c) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<usize>().ok())
        .filter(|c| *c > 0)
    {
        return Some(c);
    }
    let size = if fd == 2 {
        terminal_size::terminal_size_of(io::stderr())
    } else {
        terminal_size::terminal_size_of(io::stdout())
    };
    size.map(|(w, _)| w.0 as usize).filter(|w| *w > 0)
}

/// Whether `c` is a Unicode bidirectional formatting control (embeddings, overrides, isolates and
/// the implicit marks), which can make a terminal show text in a different order than it is.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
    )
}

/// True for the characters untrusted text must not send to a terminal as they are: control
/// characters (C0 and C1) and bidi controls.
pub fn is_terminal_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// A frame drawn over the last one: home, each line then erase to its end, erase below. The
/// screen is cleared once, so nothing scrolls into the terminal's history frame after frame.
pub fn redraw(header: &str, table: &str, first: bool) -> String {
    let mut screen = String::from(if first { "\x1b[H\x1b[2J" } else { "\x1b[H" });
    for line in header.lines().chain(table.lines()) {
        screen.push_str(line);
        screen.push_str("\x1b[K\n");
    }
    screen.push_str("\x1b[J");
    screen
}

/// Escapes control characters (ANSI escapes, carriage returns, ...) and Unicode bidi controls in
/// untrusted text so it cannot drive the terminal or reorder what is shown. Newlines and tabs are
/// escaped too: one value stays on one line.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_terminal_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_terminal_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// How much to say on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

/// The printer every command writes through.
pub struct Printer {
    pub format: OutputFormat,
    pub verbosity: Verbosity,
    out_styles: Styles,
    err_styles: Styles,
    out: Mutex<Box<dyn Write + Send>>,
    err: Mutex<Box<dyn Write + Send>>,
}

impl std::fmt::Debug for Printer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Printer")
            .field("format", &self.format)
            .finish()
    }
}

impl Printer {
    /// A printer on the process's stdout and stderr.
    pub fn stdio(format: OutputFormat, color: ColorChoice, verbosity: Verbosity) -> Self {
        let no_color = std::env::var("NO_COLOR").ok();
        // -o wide is a table with nothing cut
        let wide = format == OutputFormat::Wide;
        let format = if wide { OutputFormat::Table } else { format };
        let (out_tty, err_tty) = (io::stdout().is_terminal(), io::stderr().is_terminal());
        Printer {
            format,
            verbosity,
            out_styles: Styles {
                color: color.resolve(out_tty, no_color.as_deref()),
                width: terminal_width(out_tty && !wide, 1),
            },
            err_styles: Styles {
                color: color.resolve(err_tty, no_color.as_deref()),
                width: terminal_width(err_tty && !wide, 2),
            },
            out: Mutex::new(Box::new(io::stdout())),
            err: Mutex::new(Box::new(io::stderr())),
        }
    }

    /// A printer on given writers (tests).
    pub fn new(
        format: OutputFormat,
        color: bool,
        verbosity: Verbosity,
        out: Box<dyn Write + Send>,
        err: Box<dyn Write + Send>,
    ) -> Self {
        Printer {
            format,
            verbosity,
            out_styles: Styles { color, width: None },
            err_styles: Styles { color, width: None },
            out: Mutex::new(out),
            err: Mutex::new(err),
        }
    }

    /// Styles for stderr text.
    pub fn err_styles(&self) -> Styles {
        self.err_styles
    }

    /// Styles for stdout text.
    pub fn out_styles(&self) -> Styles {
        self.out_styles
    }

    /// Prints data in the selected format.
    pub fn data<T: Render>(&self, value: &T) -> anyhow::Result<()> {
        let text = match self.format {
            OutputFormat::Table
            | OutputFormat::Wide
            | OutputFormat::Pretty
            | OutputFormat::Raw
            | OutputFormat::Prometheus => value.table(&self.out_styles),
            OutputFormat::Json => {
                let mut s = serde_json::to_string_pretty(value)?;
                s.push('\n');
                s
            }
            OutputFormat::Yaml => serde_yaml_ng::to_string(value)?,
        };
        self.write_out(&text)
    }

    /// Writes raw text to stdout.
    pub fn write_out(&self, text: &str) -> anyhow::Result<()> {
        let mut out = self.out.lock().unwrap_or_else(|p| p.into_inner());
        out.write_all(text.as_bytes())?;
        out.flush()?;
        Ok(())
    }

    fn write_err(&self, text: &str) {
        let mut err = self.err.lock().unwrap_or_else(|p| p.into_inner());
        let _ = err.write_all(text.as_bytes());
        let _ = err.flush();
    }

    /// A status line on stderr (hidden by -q).
    pub fn status(&self, msg: &str) {
        if self.verbosity >= Verbosity::Normal {
            self.write_err(&format!("{msg}\n"));
        }
    }

    /// A warning on stderr (shown even with -q).
    pub fn warn(&self, msg: &str) {
        let label = self.err_styles.warn("warning:");
        self.write_err(&format!("{label} {msg}\n"));
    }

    /// Prints an error and its causes, with a hint, on stderr.
    pub fn error(&self, err: &anyhow::Error) {
        let s = self.err_styles;
        if let Some(all) = err
            .chain()
            .find_map(|c| c.downcast_ref::<crate::diag::FileErrors>())
        {
            // every problem, one after another, then how many there were
            let mut text = String::new();
            for e in &all.errors {
                match crate::diag::render_report(e, s.color) {
                    Some(report) => text.push_str(&report),
                    None => {
                        text.push_str(&format!(
                            "{} {}\n",
                            s.bad("error:"),
                            sanitize(&e.to_string())
                        ));
                        if let Some(h) = &e.help {
                            text.push_str(&format!("{} {}\n", s.good("hint:"), sanitize(h)));
                        }
                    }
                }
            }
            if all.errors.len() > 1 {
                text.push_str(&format!(
                    "{} {}\n",
                    s.bad("error:"),
                    sanitize(&all.summary())
                ));
            }
            self.write_err(&text);
            return;
        }
        if let Some(diag) = err
            .chain()
            .find_map(|c| c.downcast_ref::<crate::diag::FileError>())
            && let Some(report) = crate::diag::render_report(diag, s.color)
        {
            // miette's report carries the message, the place and the source line
            self.write_err(&report);
            return;
        }
        let mut text = format!("{} {}\n", s.bad("error:"), sanitize(&err.to_string()));
        for cause in err.chain().skip(1) {
            text.push_str(&format!(
                "  {} {}\n",
                s.dim("caused by:"),
                sanitize(&cause.to_string())
            ));
        }
        for (addr, why) in crate::error::details_for(err) {
            text.push_str(&format!(
                "  {} {}\n",
                s.bold(&format!("{addr}:")),
                sanitize(&why)
            ));
        }
        if let Some(hint) = crate::error::hint_for(err) {
            text.push_str(&format!("{} {hint}\n", s.good("hint:")));
        }
        self.write_err(&text);
    }
}

/// Escapes, in JSON text bound for a terminal, what JSON itself leaves alone but a terminal acts
/// on: C1 and bidi control characters become `\uXXXX`, which keeps the JSON valid and equal.
pub fn escape_json_for_terminal(json: &[u8]) -> Cow<'_, [u8]> {
    // every such character starts with one of these bytes in UTF-8
    let starts = |b: &u8| matches!(b, 0xC2 | 0xD8 | 0xE2);
    if !json.iter().any(starts) {
        return Cow::Borrowed(json);
    }
    let Ok(text) = std::str::from_utf8(json) else {
        return Cow::Borrowed(json);
    };
    let mut out = Vec::with_capacity(json.len() + 16);
    let mut last = 0;
    for (i, c) in text.char_indices() {
        // C0 controls never stand raw in JSON text (and the line's own newline must stay)
        if !c.is_ascii() && is_terminal_unsafe(c) {
            out.extend_from_slice(&json[last..i]);
            out.extend_from_slice(format!("\\u{:04x}", c as u32).as_bytes());
            last = i + c.len_utf8();
        }
    }
    out.extend_from_slice(&json[last..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_in_the_same_form_for_every_character() {
        assert_eq!(
            sanitize("\0\u{7}\u{1b}\u{9b}\u{202e}"),
            "\\u{0}\\u{7}\\u{1b}\\u{9b}\\u{202e}"
        );
    }

    #[test]
    fn json_for_terminals() {
        let j = "{\"v\":\"a\u{202e}b\u{9b}c\u{e9}\"}".as_bytes();
        let e = escape_json_for_terminal(j);
        assert_eq!(
            std::str::from_utf8(&e).unwrap(),
            "{\"v\":\"a\\u202eb\\u009bc\u{e9}\"}"
        );
        let back: serde_json::Value = serde_json::from_slice(&e).unwrap();
        let orig: serde_json::Value = serde_json::from_slice(j).unwrap();
        assert_eq!(back, orig, "still the same JSON");
        assert!(matches!(escape_json_for_terminal(b"{}"), Cow::Borrowed(_)));
    }

    #[test]
    fn color_resolution() {
        assert!(ColorChoice::Always.resolve(false, Some("1")));
        assert!(!ColorChoice::Never.resolve(true, None));
        assert!(ColorChoice::Auto.resolve(true, None));
        assert!(ColorChoice::Auto.resolve(true, Some("")));
        assert!(!ColorChoice::Auto.resolve(true, Some("1")));
        assert!(!ColorChoice::Auto.resolve(false, None));
    }

    #[test]
    fn sanitizes_terminal_escapes() {
        assert_eq!(sanitize("plain"), "plain");
        assert_eq!(sanitize("a\x1b[31mred"), "a\\u{1b}[31mred");
        assert_eq!(sanitize("l1\nl2\r\t"), "l1\\nl2\\r\\t");
        assert_eq!(sanitize("\u{9b}x"), "\\u{9b}x");
        assert_eq!(sanitize("ünïcode ✓"), "ünïcode ✓");
    }

    #[test]
    fn sanitizes_bidi_controls() {
        // "Trojan source": an override makes `txt.exe` look like `exe.txt`.
        assert_eq!(sanitize("a\u{202e}txt.exe"), "a\\u{202e}txt.exe");
        for c in [
            '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}', '\u{200e}', '\u{200f}', '\u{061c}',
        ] {
            let s = format!("x{c}y");
            assert_eq!(sanitize(&s), format!("x\\u{{{:x}}}y", c as u32));
        }
        // Neighbours of the ranges and right-to-left text itself are left alone.
        for s in [
            "\u{2029}",
            "\u{202f}",
            "\u{2065}",
            "\u{206a}",
            "\u{200d}",
            "שלום",
            "مرحبا",
        ] {
            assert_eq!(sanitize(s), s);
            assert!(matches!(sanitize(s), Cow::Borrowed(_)));
        }
        assert_eq!(sanitize("\u{2067}\x1b"), "\\u{2067}\\u{1b}");
    }

    #[derive(Serialize)]
    struct Row {
        name: String,
        n: u32,
    }
    impl Render for Row {
        fn table(&self, s: &Styles) -> String {
            let mut t = s.table(&["NAME", "N"]);
            t.add_row(vec![self.name.clone(), self.n.to_string()]);
            table_string(&t)
        }
    }

    #[derive(Clone, Default)]
    struct Buf(std::sync::Arc<Mutex<Vec<u8>>>);
    impl Write for Buf {
        fn write(&mut self, b: &[u8]) -> io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    impl Buf {
        fn text(&self) -> String {
            String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
        }
    }

    fn printer(format: OutputFormat) -> (Printer, Buf, Buf) {
        let (o, e) = (Buf::default(), Buf::default());
        let p = Printer::new(
            format,
            false,
            Verbosity::Normal,
            Box::new(o.clone()),
            Box::new(e.clone()),
        );
        (p, o, e)
    }

    #[test]
    fn formats() {
        let row = Row {
            name: "a".into(),
            n: 3,
        };
        let (p, o, _) = printer(OutputFormat::Table);
        p.data(&row).unwrap();
        assert_eq!(o.text(), "NAME  N\na     3\n");
        let (p, o, _) = printer(OutputFormat::Json);
        p.data(&row).unwrap();
        assert_eq!(o.text(), "{\n  \"name\": \"a\",\n  \"n\": 3\n}\n");
        let (p, o, _) = printer(OutputFormat::Yaml);
        p.data(&row).unwrap();
        assert_eq!(o.text(), "name: a\nn: 3\n");
    }

    #[test]
    fn errors_go_to_stderr_with_causes_and_hint() {
        let (p, o, e) = printer(OutputFormat::Table);
        let err = anyhow::Error::from(crate::kafka::KafkaError::NoBrokerReachable {
            attempts: vec![("127.0.0.1:1".into(), crate::kafka::ConnectFailure::Refused)],
        })
        .context("cannot run cluster\x1b[2J");
        p.error(&err);
        assert_eq!(o.text(), "");
        let text = e.text();
        assert!(
            text.starts_with("error: cannot run cluster\\u{1b}[2J\n"),
            "{text}"
        );
        assert!(
            text.contains("caused by: could not connect to 127.0.0.1:1: connection refused"),
            "{text}"
        );
        assert!(text.contains("hint: is the broker running?"), "{text}");
    }

    #[test]
    fn several_file_errors_one_after_another_then_a_count() {
        let (p, o, e) = printer(OutputFormat::Table);
        let text: std::sync::Arc<str> = std::sync::Arc::from("a: 1\nb: 2\n");
        let path = std::path::Path::new("t.yaml");
        let all = crate::diag::FileErrors::new(vec![
            crate::diag::FileError::spanned(path, &text, 3, 1, "first problem"),
            crate::diag::FileError::spanned(path, &text, 8, 1, "second problem"),
            crate::diag::FileError::whole(std::path::Path::new("u.yaml"), "third\x1b[2J")
                .with_help("fix it"),
        ]);
        p.error(&anyhow::Error::from(all));
        assert_eq!(o.text(), "");
        let text = e.text();
        let first = text.find("t.yaml:1:4: first problem").expect(&text);
        let second = text.find("t.yaml:2:4: second problem").expect(&text);
        let third = text
            .find("error: u.yaml: third\\u{1b}[2J\nhint: fix it\n")
            .expect(&text);
        assert!(first < second && second < third, "{text}");
        assert!(
            text.ends_with("error: 3 errors in t.yaml and u.yaml\n"),
            "{text}"
        );
        assert_eq!(
            crate::error::status_for(&anyhow::Error::from(crate::diag::FileErrors::new(vec![]))),
            crate::error::ExitStatus::Usage
        );
    }

    #[test]
    fn quiet_hides_status_not_warnings() {
        let (o, e) = (Buf::default(), Buf::default());
        let p = Printer::new(
            OutputFormat::Table,
            false,
            Verbosity::Quiet,
            Box::new(o),
            Box::new(e.clone()),
        );
        p.status("hello");
        p.warn("careful");
        assert_eq!(e.text(), "warning: careful\n");
    }
}
