//! The one record writer: a stream of records as `-o pretty`, `-o json` (JSON lines), `-o raw`
//! (values only) or `--format TEMPLATE`, buffered, and escaped for a terminal when it writes to
//! one. This is also the one place that says which `-o` values a record stream takes.

use std::io::{self, Write};

use super::template::Template;
use super::{OutputFormat, Styles};
use crate::record::Record;

/// How records are written.
#[derive(Debug, Clone)]
pub enum RecordFormat {
    /// Readable blocks (`-o pretty`), coloured by the styles.
    Pretty,
    /// One JSON-lines record each (design.md §4), as `publish --format json` reads them.
    Json,
    /// The value's bytes and a newline.
    Raw,
    /// `--format TEMPLATE`.
    Template(Template),
}

impl RecordFormat {
    /// The format for `-o` (`explicit` when it was given on the command line): pretty on a
    /// terminal and JSON lines into a pipe by default (a `--format` template is the caller's
    /// [`RecordFormat::Template`], checked after `-o`). YAML and
    /// Prometheus are not record streams: the error says what is, after the command's name.
    pub fn choose(
        output: OutputFormat,
        explicit: bool,
        terminal: bool,
    ) -> Result<RecordFormat, &'static str> {
        Ok(match (output, explicit) {
            (_, false) if terminal => RecordFormat::Pretty,
            (_, false) => RecordFormat::Json,
            (OutputFormat::Pretty | OutputFormat::Table | OutputFormat::Wide, true) => {
                RecordFormat::Pretty
            }
            (OutputFormat::Json, true) => RecordFormat::Json,
            (OutputFormat::Raw, true) => RecordFormat::Raw,
            (OutputFormat::Yaml | OutputFormat::Prometheus, true) => {
                return Err("writes -o pretty, json or raw (or --format TEMPLATE)");
            }
        })
    }
}

/// Size at which the buffer is written out even in the middle of a batch.
const FLUSH_AT: usize = 1 << 20;

/// Writes records to `out` through a buffer: call [`RecordWriter::flush`] after each batch.
pub struct RecordWriter<W: Write> {
    out: W,
    buf: Vec<u8>,
    format: RecordFormat,
    styles: Styles,
    /// The output is a terminal: strings from records are escaped.
    escape: bool,
}

impl<W: Write> RecordWriter<W> {
    /// A writer to `out`; `escape` when `out` is a terminal.
    pub fn new(out: W, format: RecordFormat, styles: Styles, escape: bool) -> Self {
        RecordWriter {
            out,
            buf: Vec::with_capacity(FLUSH_AT),
            format,
            styles,
            escape,
        }
    }

    /// Adds one record, writing the buffer out when it is full.
    pub fn write(&mut self, r: &Record) -> io::Result<()> {
        self.encode(r);
        if self.buf.len() >= FLUSH_AT {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    /// Writes out what is buffered and flushes `out`.
    pub fn flush(&mut self) -> io::Result<()> {
        if !self.buf.is_empty() {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        self.out.flush()
    }

    /// The sink, after a final [`RecordWriter::flush`].
    pub fn into_inner(mut self) -> io::Result<W> {
        self.flush()?;
        Ok(self.out)
    }

    fn encode(&mut self, r: &Record) {
        let out = &mut self.buf;
        match &self.format {
            RecordFormat::Template(t) => t.render(out, r, self.escape),
            RecordFormat::Json if self.escape => {
                let mut line = Vec::new();
                crate::record::json::encode_line(&mut line, r);
                out.extend_from_slice(&super::escape_json_for_terminal(&line));
            }
            RecordFormat::Json => crate::record::json::encode_line(out, r),
            RecordFormat::Pretty => super::pretty::write_pretty(out, r, &self.styles, self.escape),
            RecordFormat::Raw => {
                let v = r.msg.value.as_deref().unwrap_or_default();
                if self.escape {
                    out.extend_from_slice(super::sanitize(&String::from_utf8_lossy(v)).as_bytes());
                } else {
                    out.extend_from_slice(v);
                }
                out.push(b'\n');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    fn rec(value: &[u8]) -> Record {
        Record {
            topic: "t".into(),
            at: crate::record::Position::Offset {
                partition: 1,
                offset: 7,
            },
            msg: crate::record::Message {
                timestamp: 0,
                value: Some(Bytes::copy_from_slice(value)),
                ..crate::record::Message::default()
            },
            ..Record::default()
        }
    }

    fn written(format: RecordFormat, escape: bool, r: &Record) -> String {
        let mut w = RecordWriter::new(Vec::new(), format, Styles::PLAIN, escape);
        w.write(r).unwrap();
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    #[test]
    fn formats_by_output_flag_and_terminal() {
        let choose = RecordFormat::choose;
        assert!(matches!(
            choose(OutputFormat::Table, false, true),
            Ok(RecordFormat::Pretty)
        ));
        assert!(matches!(
            choose(OutputFormat::Table, false, false),
            Ok(RecordFormat::Json)
        ));
        assert!(matches!(
            choose(OutputFormat::Wide, true, false),
            Ok(RecordFormat::Pretty)
        ));
        assert!(matches!(
            choose(OutputFormat::Raw, true, true),
            Ok(RecordFormat::Raw)
        ));
        assert!(choose(OutputFormat::Yaml, true, false).is_err());
        assert!(choose(OutputFormat::Prometheus, true, false).is_err());
    }

    #[test]
    fn raw_is_the_value_and_escaped_only_on_a_terminal() {
        let r = rec(b"a\x1b[31mb");
        assert_eq!(written(RecordFormat::Raw, false, &r), "a\x1b[31mb\n");
        assert_eq!(written(RecordFormat::Raw, true, &r), "a\\u{1b}[31mb\n");
        let mut tombstone = rec(b"");
        tombstone.msg.value = None;
        assert_eq!(written(RecordFormat::Raw, false, &tombstone), "\n");
    }

    #[test]
    fn json_lines_and_templates() {
        let r = rec(b"{\"a\":1}");
        let line = written(RecordFormat::Json, false, &r);
        assert!(
            line.ends_with('\n') && line.contains("\"offset\":7"),
            "{line}"
        );
        let t = Template::parse(r"{topic}/{partition}@{offset} {value}\n").unwrap();
        assert_eq!(
            written(RecordFormat::Template(t), false, &r),
            "t/1@7 {\"a\":1}\n"
        );
    }
}
