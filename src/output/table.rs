//! Plain, kubectl-like tables: a header row and aligned columns, two spaces apart, no borders.
//!
//! Widths are those of what a terminal shows: styling (ANSI SGR sequences, added by [`Styles`])
//! counts for nothing and wide characters count two. On a terminal, a table wider than the screen
//! gives way in its text columns (names, ids, addresses, messages), widest first, down to a floor:
//! their cells end in `…` and no row wraps. Numeric columns never give way. Into a pipe, or with
//! `-o wide`, nothing is cut.
//!
//! [`Styles`]: super::Styles

use unicode_width::UnicodeWidthChar;

/// Columns narrower than this (or their header, when wider) are never cut further.
const MIN_FLEX: usize = 8;
/// Between two columns.
const GAP: usize = 2;

/// One cell: any text, styled or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell(String);

impl Cell {
    pub fn new(value: impl ToString) -> Cell {
        Cell(value.to_string())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell(s)
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell(s.to_string())
    }
}

impl From<&String> for Cell {
    fn from(s: &String) -> Cell {
        Cell(s.clone())
    }
}

/// A table to render with [`table_string`].
#[derive(Debug, Clone)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    /// The width to fit, when there is one (a terminal, not `-o wide`).
    width: Option<usize>,
}

impl Table {
    /// A table with this (already styled) header, fitting `width` columns when given.
    pub fn new(header: Vec<String>, width: Option<usize>) -> Table {
        Table {
            header,
            rows: Vec::new(),
            width,
        }
    }

    /// Adds a row; a row shorter than the header is padded with empty cells.
    pub fn add_row<I, C>(&mut self, cells: I) -> &mut Self
    where
        I: IntoIterator<Item = C>,
        C: Into<Cell>,
    {
        self.rows
            .push(cells.into_iter().map(|c| c.into().0).collect());
        self
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// The text without ANSI SGR/CSI sequences (what a terminal shows).
pub fn strip_ansi(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('\x1b') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && chars.peek() == Some(&'[') {
            chars.next();
            // parameters and intermediates, up to the final byte (@ to ~)
            for f in chars.by_ref() {
                if ('@'..='~').contains(&f) {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Columns a terminal uses to show `s` (styling excluded).
pub fn visible_width(s: &str) -> usize {
    strip_ansi(s)
        .chars()
        .map(|c| UnicodeWidthChar::width(c).unwrap_or(0))
        .sum()
}

/// `s` cut to at most `width` columns with `…` in the middle, so both ends stay (names differ at
/// their ends as often as at their starts: `platform.user.acc…created.v1`). Styling is dropped when
/// cut.
fn truncate(s: &str, width: usize) -> String {
    if visible_width(s) <= width {
        return s.to_string();
    }
    let plain = strip_ansi(s);
    let chars: Vec<(char, usize)> = plain
        .chars()
        .map(|c| (c, UnicodeWidthChar::width(c).unwrap_or(0)))
        .collect();
    let room = width.saturating_sub(1);
    let (left_room, right_room) = (room - room / 2, room / 2);
    let mut left = String::new();
    let mut used = 0;
    for (c, w) in &chars {
        if used + w > left_room {
            break;
        }
        left.push(*c);
        used += w;
    }
    let mut right: Vec<char> = Vec::new();
    let mut used_right = 0;
    for (c, w) in chars.iter().rev() {
        if used_right + w > right_room + (left_room - used) {
            break;
        }
        right.push(*c);
        used_right += w;
    }
    right.reverse();
    format!("{left}…{}", right.into_iter().collect::<String>())
}

/// How a column may give way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Numbers (and dashes): never cut.
    Number,
    /// Timestamps (`2026-01-02T03:04:05.678Z`): cut only when the text columns are at their floor.
    Time,
    /// Names, ids, addresses, messages: the first to give way.
    Text,
}

fn kind(cells: &[&str]) -> Kind {
    let all = |ok: &dyn Fn(char) -> bool| {
        cells.iter().all(|c| {
            let t = strip_ansi(c);
            let t = t.trim();
            t.is_empty() || t == "-" || t.chars().all(|ch| ok(ch) || ch.is_whitespace())
        })
    };
    if all(&|ch| ch.is_ascii_digit() || ".,-+~%/".contains(ch)) {
        Kind::Number
    } else if all(&|ch| ch.is_ascii_digit() || ".,-+~%/:TZ".contains(ch)) {
        Kind::Time
    } else {
        Kind::Text
    }
}

/// The column widths: natural widths, then the widest text columns narrowed until the table fits
/// `width` (or every one is at its floor).
fn widths(t: &Table) -> Vec<usize> {
    let n = t
        .header
        .len()
        .max(t.rows.iter().map(Vec::len).max().unwrap_or(0));
    fn cell(r: &[String], i: usize) -> &str {
        r.get(i).map_or("", String::as_str)
    }
    let mut w: Vec<usize> = (0..n)
        .map(|i| {
            t.rows
                .iter()
                .map(|r| visible_width(cell(r, i)))
                .chain(t.header.get(i).map(|h| visible_width(h)))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let Some(limit) = t.width else { return w };
    let total = |w: &[usize]| w.iter().sum::<usize>() + GAP * w.len().saturating_sub(1);
    let kinds: Vec<Kind> = (0..n)
        .map(|i| kind(&t.rows.iter().map(|r| cell(r, i)).collect::<Vec<_>>()))
        .collect();
    let floor: Vec<usize> = (0..n)
        .map(|i| {
            let header = t.header.get(i).map_or(0, |h| visible_width(h));
            w[i].min(MIN_FLEX.max(header))
        })
        .collect();
    // text columns first, then timestamps; numbers never
    for phase in [Kind::Text, Kind::Time] {
        while total(&w) > limit {
            // narrow the widest column of this phase that can still give way
            let Some(i) = (0..n)
                .filter(|&i| kinds[i] == phase && w[i] > floor[i])
                .max_by_key(|&i| w[i])
            else {
                break;
            };
            w[i] -= 1;
        }
    }
    w
}

/// Renders a table: one line per row, columns aligned on what is visible, no trailing spaces.
pub fn table_string(t: &Table) -> String {
    let w = widths(t);
    let mut out = String::new();
    let mut line = |cells: &[String]| {
        let mut l = String::new();
        for (i, width) in w.iter().enumerate() {
            let text = cells.get(i).map_or("", String::as_str);
            let shown = truncate(text, *width);
            let pad = width.saturating_sub(visible_width(&shown));
            l.push_str(&shown);
            if i + 1 < w.len() {
                l.push_str(&" ".repeat(pad + GAP));
            }
        }
        out.push_str(l.trim_end());
        out.push('\n');
    };
    line(&t.header);
    for r in &t.rows {
        line(r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOLD: &str = "\x1b[1m";
    const RESET: &str = "\x1b[0m";

    fn styled_header(h: &[&str]) -> Vec<String> {
        h.iter().map(|h| format!("{BOLD}{h}{RESET}")).collect()
    }

    #[test]
    fn styling_takes_no_width() {
        let mut t = Table::new(styled_header(&["ID", "ADDRESS", "ROLE"]), None);
        t.add_row(["1", "127.0.0.1:29094", "\x1b[32mcontroller\x1b[0m"]);
        t.add_row(["22", "h:1", ""]);
        let out = table_string(&t);
        let plain: Vec<String> = out.lines().map(|l| strip_ansi(l).into_owned()).collect();
        assert_eq!(
            plain,
            [
                "ID  ADDRESS          ROLE",
                "1   127.0.0.1:29094  controller",
                "22  h:1"
            ]
        );
    }

    #[test]
    fn a_narrow_terminal_cuts_text_columns_not_numbers() {
        let long = "platform.user.account.created.v1-with-a-long-name";
        let mut t = Table::new(
            styled_header(&["TOPIC", "PARTITION", "LAG", "MEMBER"]),
            Some(60),
        );
        t.add_row([
            Cell::new(long),
            Cell::new(12),
            Cell::new(123456789),
            Cell::new("consumer-billing-7f9c (/10.1.2.3)"),
        ]);
        let out = table_string(&t);
        for l in out.lines() {
            assert!(visible_width(l) <= 60, "{l:?} is {} wide", visible_width(l));
        }
        assert!(out.contains("123456789"), "numbers are never cut:\n{out}");
        assert!(out.contains('…'), "{out}");
        // into a pipe (no width): nothing is cut
        let wide = Table {
            width: None,
            ..t.clone()
        };
        assert!(table_string(&wide).contains(long));
    }

    #[test]
    fn wide_characters_count_two() {
        let mut t = Table::new(vec!["K".into(), "V".into()], None);
        t.add_row(["日本", "x"]);
        t.add_row(["ab", "y"]);
        assert_eq!(table_string(&t), "K     V\n日本  x\nab    y\n");
        assert_eq!(truncate("日本語テキスト", 5), "日…ト");
        assert_eq!(truncate("\x1b[31mred text\x1b[0m", 4), "re…t");
        assert_eq!(
            truncate("platform.user.account.created.v1", 20),
            "platform.u…reated.v1"
        );
        assert_eq!(
            visible_width(&truncate("platform.user.account.created.v1", 20)),
            20
        );
    }
}
