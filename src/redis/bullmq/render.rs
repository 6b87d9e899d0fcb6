//! Tables of `evctl jobs` and of `dlq` on BullMQ queues. JSON and YAML are the types themselves.

use serde::Serialize;

use super::control::ControlReport;
use super::job::Job;
use super::retry::JobsReport;
use super::stats::{FailedReport, StatsReport};
use crate::output::{Cell, Render, Styles, sanitize, table_string};
use crate::record::time::format_rfc3339;
use crate::units::human_duration_ms;

fn age(ms: Option<i64>) -> String {
    ms.map(human_duration_ms).unwrap_or_else(|| "-".into())
}

impl Render for StatsReport {
    fn table(&self, s: &Styles) -> String {
        if self.0.is_empty() {
            return "no BullMQ queues\n".into();
        }
        let mut t = s.table(&[
            "QUEUE",
            "WAITING",
            "ACTIVE",
            "DELAYED",
            "PRIORITIZED",
            "CHILDREN",
            "COMPLETED",
            "FAILED",
            "PAUSED",
            "OLDEST-WAITING",
            "VERSION",
        ]);
        for (name, q) in &self.0 {
            let paused = match (q.is_paused, q.paused) {
                (true, Some(n)) => format!("yes ({n})"),
                (true, None) => "yes".into(),
                (false, Some(n)) if n > 0 => format!("no ({n})"),
                _ => "no".into(),
            };
            let failed = if q.failed > 0 {
                s.warn(&q.failed.to_string())
            } else {
                q.failed.to_string()
            };
            t.add_row(vec![
                Cell::new(sanitize(name)),
                Cell::new(q.waiting),
                Cell::new(q.active),
                Cell::new(format!("{} ({} due)", q.delayed, q.delayed_due)),
                Cell::new(q.prioritized),
                Cell::new(q.waiting_children),
                Cell::new(q.completed),
                Cell::new(failed),
                Cell::new(paused),
                Cell::new(age(q.oldest_waiting_ms)),
                Cell::new(sanitize(q.version.as_deref().unwrap_or("?"))),
            ]);
        }
        table_string(&t)
    }
}

/// `jobs list`.
#[derive(Debug, Clone, Serialize)]
pub struct JobList {
    pub queue: String,
    pub state: String,
    pub jobs: Vec<Job>,
    /// Ids looked at to find them.
    pub scanned: u64,
    /// Hashes in the state that are not a job's.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub broken: Vec<String>,
}

fn time(ms: Option<i64>) -> String {
    ms.map(format_rfc3339).unwrap_or_else(|| "-".into())
}

fn cut(s: &str, n: usize) -> String {
    let line = s.lines().next().unwrap_or("");
    let mut out: String = line.chars().take(n).collect();
    if line.chars().count() > n || s.lines().count() > 1 {
        out.push('…');
    }
    sanitize(&out).into_owned()
}

impl Render for JobList {
    fn table(&self, s: &Styles) -> String {
        let mut out = format!(
            "{} {} job{} of {}\n",
            self.jobs.len(),
            self.state,
            if self.jobs.len() == 1 { "" } else { "s" },
            sanitize(&self.queue)
        );
        if !self.jobs.is_empty() {
            let mut t = s.table(&[
                "ID", "NAME", "ATTEMPTS", "ADDED", "FINISHED", "REASON", "DATA",
            ]);
            for j in &self.jobs {
                t.add_row(vec![
                    Cell::new(sanitize(&j.id)),
                    Cell::new(sanitize(&j.name)),
                    Cell::new(format!("{}/{}", j.attempts_made, j.attempts_allowed)),
                    Cell::new(time(j.timestamp)),
                    Cell::new(time(j.finished_on)),
                    Cell::new(cut(j.failed_reason.as_deref().unwrap_or("-"), 60)),
                    Cell::new(cut(&j.data.to_string(), 60)),
                ]);
            }
            out.push_str(&table_string(&t));
        }
        for b in &self.broken {
            out.push_str(&format!("{} {}\n", s.warn("not a job:"), sanitize(b)));
        }
        out
    }
}

impl Render for Job {
    fn table(&self, s: &Styles) -> String {
        let mut out = String::new();
        let mut line = |k: &str, v: &str| {
            out.push_str(&format!("{:<18}{}\n", s.bold(k), v));
        };
        line("id", &sanitize(&self.id));
        line("name", &sanitize(&self.name));
        line("state", self.state.as_deref().unwrap_or("unknown"));
        line(
            "attempts",
            &format!(
                "{} made of {} allowed{}",
                self.attempts_made,
                self.attempts_allowed,
                self.attempts_started
                    .map(|a| format!(", {a} started"))
                    .unwrap_or_default()
            ),
        );
        line("added", &time(self.timestamp));
        line("processed", &time(self.processed_on));
        line("finished", &time(self.finished_on));
        if self.delay.unwrap_or(0) > 0 {
            line("delay", &human_duration_ms(self.delay.unwrap_or(0)));
        }
        if self.priority.unwrap_or(0) > 0 {
            line("priority", &self.priority.unwrap_or(0).to_string());
        }
        if let Some(r) = &self.failed_reason {
            line("failed reason", &sanitize(r));
        }
        if let Some(p) = &self.parent_key {
            line("parent", &sanitize(p));
        }
        line("data", &sanitize(&self.data.to_string()));
        line("options", &sanitize(&self.opts.to_string()));
        if let Some(r) = &self.returnvalue {
            line("return value", &sanitize(&r.to_string()));
        }
        for (i, st) in self.stacktrace.iter().enumerate() {
            out.push_str(&format!("{} {}:\n", s.bold("stacktrace"), i + 1));
            for l in st.lines() {
                out.push_str(&format!("  {}\n", sanitize(l)));
            }
        }
        if !self.logs.is_empty() {
            out.push_str(&format!("{}\n", s.bold("logs")));
            for l in &self.logs {
                out.push_str(&format!("  {}\n", sanitize(l)));
            }
        }
        out
    }
}

impl Render for JobsReport {
    fn table(&self, s: &Styles) -> String {
        let verb = match (self.action.as_str(), self.dry_run) {
            ("retry", true) => "would retry",
            ("retry", false) => "retried",
            ("move", true) => "would move",
            ("move", false) => "moved",
            (_, true) => "would remove",
            (_, false) => "removed",
        };
        let n = if self.dry_run {
            self.selected
        } else {
            self.done
        };
        let mut out = format!(
            "{} {n} {} job{} of {}",
            s.bold(verb),
            self.state,
            if n == 1 { "" } else { "s" },
            sanitize(&self.queue)
        );
        if let Some(to) = &self.to {
            out.push_str(&format!(" to {}", sanitize(to)));
        }
        out.push_str(&format!(
            " ({} selected of {} looked at",
            self.selected, self.scanned
        ));
        if self.skipped > 0 {
            out.push_str(&format!(
                ", {} skipped: no longer {}",
                self.skipped, self.state
            ));
        }
        if self.failed > 0 {
            out.push_str(&format!(", {} failed", self.failed));
        }
        out.push_str(")\n");
        if self.dry_run && !self.ids.is_empty() {
            let shown: Vec<&str> = self.ids.iter().take(50).map(String::as_str).collect();
            let more = self.ids.len().saturating_sub(shown.len());
            out.push_str(&format!("ids: {}", sanitize(&shown.join(" "))));
            if more > 0 {
                out.push_str(&format!(" … and {more} more (-o json lists all)"));
            }
            out.push('\n');
        }
        for n in &self.notes {
            out.push_str(&format!("note: {n}\n"));
        }
        if self.interrupted {
            out.push_str(&s.warn("interrupted: the jobs not yet moved stay where they were\n"));
        }
        out
    }
}

impl Render for ControlReport {
    fn table(&self, _: &Styles) -> String {
        match self.action.as_str() {
            "promote" => format!(
                "promoted {} delayed job(s) of {} to waiting{}\n",
                self.promoted.unwrap_or(0),
                sanitize(&self.queue),
                if self.paused {
                    " (the queue is paused)"
                } else {
                    ""
                }
            ),
            a => format!(
                "{} {}{}\n",
                if a == "pause" { "paused" } else { "resumed" },
                sanitize(&self.queue),
                if self.was_paused == self.paused {
                    " (it already was)"
                } else {
                    ""
                }
            ),
        }
    }
}

impl Render for FailedReport {
    fn table(&self, s: &Styles) -> String {
        let mut out = format!(
            "{} {}: {} failed job{}\n",
            s.bold("Failed jobs in"),
            sanitize(&self.queue),
            self.failed,
            if self.failed == 1 { "" } else { "s" }
        );
        if !self.groups.is_empty() {
            let mut t = s.table(&[
                "COUNT", "REASON", "NAME", "BUCKET", "FIRST", "LAST", "ATTEMPTS", "SAMPLES",
            ]);
            for g in &self.groups {
                let attempts = if g.attempts_min == g.attempts_max {
                    format!("{}/{}", g.attempts_max, g.attempts_allowed)
                } else {
                    format!(
                        "{}-{}/{}",
                        g.attempts_min, g.attempts_max, g.attempts_allowed
                    )
                };
                t.add_row(vec![
                    Cell::new(g.count),
                    Cell::new(cut(&g.failed_reason, 60)),
                    Cell::new(sanitize(&g.name)),
                    Cell::new(&g.bucket),
                    Cell::new(&g.first_failed),
                    Cell::new(&g.last_failed),
                    Cell::new(attempts),
                    Cell::new(sanitize(&g.samples.join(" "))),
                ]);
            }
            out.push('\n');
            out.push_str(&table_string(&t));
        }
        for b in &self.broken {
            out.push_str(&format!("{} {}\n", s.warn("not a job:"), sanitize(b)));
        }
        if !self.missing.is_empty() {
            out.push_str(&format!(
                "{} {}\n",
                s.warn("in the failed set without a job hash:"),
                sanitize(&self.missing.join(" "))
            ));
        }
        out
    }
}
