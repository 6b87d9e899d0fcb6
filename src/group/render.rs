//! The tables of `evctl group`.

use super::{COMMITTED, DeleteReport, GroupDetail, GroupList, ResetPlan, UNCHANGED};
use crate::output::{Cell, Render, Styles, sanitize, table_string};

fn dash<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(|| "-".to_string(), |v| v.to_string())
}

impl Render for ResetPlan {
    fn table(&self, s: &Styles) -> String {
        let l = &self.liveness;
        let what = if !l.exists {
            "new group".to_string()
        } else {
            let members = match l.members.len() {
                0 => "no members".to_string(),
                n => format!("{n} member(s)"),
            };
            let kind = if l.group_type.is_empty() {
                "classic"
            } else {
                &l.group_type
            };
            format!("{kind}, {}, {members}", l.state)
        };
        let verb = if self.executed {
            "changed"
        } else {
            "would change"
        };
        let mut out = format!(
            "{} {} ({what}), {}: {} of {} partition(s) {verb}\n",
            s.bold("Group"),
            sanitize(&self.group),
            self.target,
            self.changes,
            self.partitions.len(),
        );
        let mut header = vec!["TOPIC", "PARTITION", "OFFSET", "LAG", "NOTE"];
        if self.executed {
            header.push("RESULT");
        }
        let mut t = s.table(&header);
        for r in &self.partitions {
            let offset = if r.changes() {
                format!("{} → {}", dash(r.current), r.new)
            } else {
                format!("{} (same)", r.new)
            };
            let mut row = vec![
                Cell::new(sanitize(&r.topic)),
                Cell::new(r.partition),
                Cell::new(offset),
                Cell::new(format!("{} → {}", dash(r.lag_before), r.lag_after)),
                Cell::new(r.note.map_or("", |m| m.text())),
            ];
            if self.executed {
                row.push(Cell::new(match r.result.as_deref() {
                    Some(COMMITTED) => s.good(COMMITTED),
                    Some(UNCHANGED) | None => UNCHANGED.to_string(),
                    Some(e) => s.bad(&sanitize(e)),
                }));
            }
            t.add_row(row);
        }
        out.push_str(&table_string(&t));
        if let Some(f) = &self.undo_file {
            out.push_str(&format!("prior offsets saved to {f}\n"));
        }
        out
    }
}

impl Render for GroupList {
    fn table(&self, s: &Styles) -> String {
        if self.0.is_empty() {
            return "no groups\n".into();
        }
        let mut t = s.table(&[
            "GROUP",
            "TYPE",
            "STATE",
            "PROTOCOL",
            "MEMBERS",
            "COORDINATOR",
        ]);
        for g in &self.0 {
            t.add_row(vec![
                Cell::new(sanitize(&g.group)),
                Cell::new(if g.group_type.is_empty() {
                    "-"
                } else {
                    &g.group_type
                }),
                Cell::new(if g.state.is_empty() { "-" } else { &g.state }),
                Cell::new(if g.protocol.is_empty() {
                    "-".into()
                } else {
                    sanitize(&g.protocol)
                }),
                Cell::new(dash(g.members)),
                Cell::new(dash(g.coordinator)),
            ]);
        }
        table_string(&t)
    }
}

impl Render for GroupDetail {
    fn table(&self, s: &Styles) -> String {
        let g = &self.0;
        let mut out = crate::lag::render::group_table(g, s, false);
        let kind = if g.group_type.is_empty() {
            "-"
        } else {
            &g.group_type
        };
        let line = format!("  type {kind}  coordinator {}\n", dash(g.coordinator));
        let at = out.find('\n').map_or(out.len(), |i| i + 1);
        out.insert_str(at, &line);
        if !g.members.is_empty() {
            let mut t = s.table(&["MEMBER-ID", "ASSIGNMENT"]);
            for m in &g.members {
                let parts: Vec<String> = m
                    .assignment
                    .iter()
                    .map(|(t, p)| format!("{}/{p}", sanitize(t)))
                    .collect();
                t.add_row(vec![
                    Cell::new(sanitize(&m.member_id)),
                    Cell::new(if parts.is_empty() {
                        "-".into()
                    } else {
                        parts.join(" ")
                    }),
                ]);
            }
            out.push('\n');
            out.push_str(&table_string(&t));
        }
        out
    }
}

impl Render for DeleteReport {
    fn table(&self, s: &Styles) -> String {
        let mut t = s.table(&[
            if self.group.is_some() {
                "PARTITION"
            } else {
                "GROUP"
            },
            "RESULT",
        ]);
        for d in &self.items {
            let result = if d.deleted {
                s.good(&d.result)
            } else if self.executed {
                s.bad(&sanitize(&d.result))
            } else {
                sanitize(&d.result).into_owned()
            };
            t.add_row(vec![Cell::new(sanitize(&d.name)), Cell::new(result)]);
        }
        table_string(&t)
    }
}
