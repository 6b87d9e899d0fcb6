//! What `evctl schema check` found: per schema, its verdict, problems and compatible changes;
//! shown as lines, JSON/YAML documents or GitHub Actions annotations.

use serde::Serialize;

use super::{Change, Direction, Format, Mode};
use crate::output::{Render, Styles, sanitize};

/// One incompatibility, as reported.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    pub path: String,
    pub kind: String,
    pub description: String,
    /// The earlier version it breaks against.
    pub against: String,
    pub direction: Option<Direction>,
}

/// The outcome for one schema.
#[derive(Debug, Clone, Serialize)]
pub struct SchemaResult {
    /// The schema file checked.
    pub schema: String,
    pub subject: Option<String>,
    pub format: Format,
    pub mode: Option<Mode>,
    pub compatible: bool,
    /// `local` or `registry`.
    pub checked_by: &'static str,
    /// The earlier versions checked, newest first.
    pub against: Vec<String>,
    /// Why nothing or little was checked (new schema, unchanged, new subject).
    pub note: Option<String>,
    pub problems: Vec<Problem>,
    /// Compatible differences found by local checks (e.g. FIELD_ADDED), for reviewers.
    pub changes: Vec<Change>,
}

/// `evctl schema check` output.
#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub compatible: bool,
    pub results: Vec<SchemaResult>,
}

impl Render for CheckReport {
    fn table(&self, s: &Styles) -> String {
        let mut out = String::new();
        for r in &self.results {
            for p in &r.problems {
                let path = if p.path.is_empty() {
                    String::new()
                } else {
                    format!("{}: ", sanitize(&p.path))
                };
                // in a FORWARD check "new" and "old" in descriptions are reader and writer swapped
                let direction = match p.direction {
                    Some(Direction::Forward) => ", forward",
                    _ => "",
                };
                out.push_str(&format!(
                    "{path}{} - {} (against {}{direction})\n",
                    s.bad(&p.kind),
                    sanitize(&p.description),
                    sanitize(&p.against)
                ));
            }
            let what = match &r.subject {
                Some(sub) => format!("{} ({})", sanitize(&r.schema), sanitize(sub)),
                None => sanitize(&r.schema).into_owned(),
            };
            let how = match (&r.mode, r.against.is_empty()) {
                (Some(m), false) => format!("{m} against {}", r.against.join(", ")),
                (Some(m), true) => m.to_string(),
                (None, _) => "the subject's level".to_string(),
            };
            let verdict = if r.compatible {
                s.good("compatible")
            } else {
                s.bad("incompatible")
            };
            let note = r
                .note
                .as_ref()
                .map(|n| format!("; {n}"))
                .unwrap_or_default();
            let count = if r.problems.is_empty() {
                String::new()
            } else {
                format!(", {} problem(s)", r.problems.len())
            };
            out.push_str(&format!(
                "{what}: {verdict} ({how}, checked by {}{count}{note})\n",
                r.checked_by
            ));
        }
        out
    }
}

/// GitHub Actions annotation escaping.
fn gh_escape(s: &str, property: bool) -> String {
    let s = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    if property {
        s.replace(':', "%3A").replace(',', "%2C")
    } else {
        s
    }
}

/// The report as GitHub Actions workflow commands: an error per problem on the line its path
/// points to, a notice per compatible schema.
pub fn github_annotations(report: &CheckReport) -> String {
    let mut out = String::new();
    for r in &report.results {
        // the schema's text, to put each annotation on the line its path points to
        let text = std::fs::read_to_string(&r.schema).ok();
        for p in &r.problems {
            let at = text
                .as_deref()
                .and_then(|t| crate::schema::locate::locate(r.format, t, &p.path))
                .map(|(line, col)| format!(",line={line},col={col}"))
                .unwrap_or_default();
            out.push_str(&format!(
                "::error file={}{at},title={}::{}{} (against {})\n",
                gh_escape(&r.schema, true),
                gh_escape(&format!("schema {}", p.kind), true),
                gh_escape(
                    &if p.path.is_empty() {
                        String::new()
                    } else {
                        format!("{}: ", p.path)
                    },
                    false
                ),
                gh_escape(&p.description, false),
                gh_escape(&p.against, false),
            ));
        }
        if r.compatible {
            out.push_str(&format!(
                "::notice file={}::compatible{}\n",
                gh_escape(&r.schema, true),
                r.note
                    .as_ref()
                    .map(|n| format!(" ({})", gh_escape(n, false)))
                    .unwrap_or_default()
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escaping() {
        assert_eq!(gh_escape("a:b,c%\n", true), "a%3Ab%2Cc%25%0A");
        assert_eq!(gh_escape("a:b\r", false), "a:b%0D");
    }
}
