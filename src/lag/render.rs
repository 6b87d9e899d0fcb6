//! Lag output: the summary table, the per-partition table, the Prometheus exposition format and
//! the one-line Nagios plugin output.

use std::fmt::Write as _;

use crate::output::Cell;

use super::{GroupLag, LagReport, PartitionLag, Quality};
use crate::output::{Render, Styles, sanitize, table_string};
use crate::units::human_duration_ms;

fn dash<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(|| "-".to_string(), |v| v.to_string())
}

fn time_lag(ms: Option<i64>, q: Quality) -> String {
    match (ms, q) {
        (Some(ms), Quality::Exact) => human_duration_ms(ms),
        (Some(ms), Quality::Estimated) => format!("~{}", human_duration_ms(ms)),
        _ => "-".to_string(),
    }
}

fn group_time_lag(g: &GroupLag) -> String {
    let estimated = g
        .partitions
        .iter()
        .filter(|p| p.time_lag_ms == g.max_time_lag_ms)
        .all(|p| p.time_lag_quality == Quality::Estimated);
    match g.max_time_lag_ms {
        Some(ms) if estimated && ms > 0 => format!("~{}", human_duration_ms(ms)),
        Some(ms) => human_duration_ms(ms),
        None => "-".into(),
    }
}

fn status_cell(s: &Styles, status: Option<super::Status>) -> String {
    match status {
        None => "-".into(),
        Some(st) => match st.severity() {
            0 => s.good(st.as_str()),
            1 => s.warn(st.as_str()),
            _ => s.bad(st.as_str()),
        },
    }
}

/// The summary: one row per group.
pub fn summary_table(r: &LagReport, s: &Styles, watch: bool) -> String {
    if r.groups.is_empty() {
        return "No consumer groups.\n".into();
    }
    let mut header = vec![
        "GROUP",
        "STATE",
        "MEMBERS",
        "PROTOCOL",
        "TOTAL-LAG",
        "MAX-LAG",
        "MAX-TIME-LAG",
        "WORST",
    ];
    if watch {
        header.extend(["STATUS", "TREND", "RATE", "ETA"]);
    }
    let mut t = s.table(&header);
    for g in &r.groups {
        let mut row = vec![
            Cell::new(sanitize(&g.group)),
            Cell::new(&g.state),
            Cell::new(g.members.len()),
            Cell::new(if g.protocol.is_empty() {
                "-".to_string()
            } else {
                sanitize(&g.protocol).into_owned()
            }),
            Cell::new(g.total_lag),
            Cell::new(dash(g.max_lag)),
            Cell::new(group_time_lag(g)),
            Cell::new(g.worst_partition.as_deref().map_or("-".into(), sanitize)),
        ];
        if watch {
            row.extend([
                Cell::new(status_cell(s, g.status)),
                Cell::new(g.trend.as_deref().unwrap_or("-")),
                Cell::new(g.consume_rate.map_or("-".into(), |r| format!("{r:.1}/s"))),
                Cell::new(
                    g.eta_seconds
                        .map_or("-".into(), |e| human_duration_ms((e * 1000.0) as i64)),
                ),
            ]);
        }
        t.add_row(row);
    }
    let mut out = table_string(&t);
    data_loss_note(
        &mut out,
        s,
        r.groups.iter().map(|g| g.data_loss_partitions).sum(),
    );
    out
}

fn data_loss_note(out: &mut String, s: &Styles, partitions: usize) {
    if partitions > 0 {
        let _ = writeln!(
            out,
            "{} {partitions} partition(s) committed below the log start: records were deleted before the group read them",
            s.bad("data loss:")
        );
    }
}

/// One group in detail: a row per partition, then its members.
pub fn group_table(g: &GroupLag, s: &Styles, watch: bool) -> String {
    let mut out = format!(
        "{} {}  state {}  members {}  protocol {}  total lag {}  max time lag {}\n",
        s.bold("Group"),
        sanitize(&g.group),
        g.state,
        g.members.len(),
        if g.protocol.is_empty() {
            "-"
        } else {
            &g.protocol
        },
        g.total_lag,
        group_time_lag(g),
    );
    if let Some(w) = s.width
        && crate::output::visible_width(out.trim_end()) > w
    {
        // too wide for the terminal: the name on its own line, the figures under it
        out = out.replacen("  state ", "\n  state ", 1);
    }
    if g.protocol_type == "stream" {
        out.push_str(&stream_tables(g, s, watch));
        return out;
    }
    if g.partitions.is_empty() {
        out.push_str("  (no committed offsets and no assigned partitions)\n");
    } else {
        let mut header = vec![
            "TOPIC",
            "PARTITION",
            "COMMITTED",
            "LOG-START",
            "LOG-END",
            "LAG",
            "TIME-LAG",
            "MEMBER",
        ];
        if watch {
            header.push("STATUS");
        }
        let mut t = s.table(&header);
        for p in &g.partitions {
            let committed = match (p.committed, p.data_loss) {
                (Some(c), true) => format!("{c} {}", s.bad("(data loss)")),
                (c, _) => dash(c),
            };
            let member = p.owner.as_ref().map_or_else(
                || "- (unassigned)".to_string(),
                |o| format!("{} ({})", sanitize(&o.client_id), sanitize(&o.host)),
            );
            let mut row = vec![
                Cell::new(sanitize(&p.topic)),
                Cell::new(dash(p.partition)),
                Cell::new(committed),
                Cell::new(p.log_start),
                Cell::new(p.log_end),
                Cell::new(dash(p.lag)),
                Cell::new(time_lag(p.time_lag_ms, p.time_lag_quality)),
                Cell::new(member),
            ];
            if watch {
                row.push(Cell::new(status_cell(s, p.status)));
            }
            t.add_row(row);
        }
        out.push_str(&table_string(&t));
        data_loss_note(&mut out, s, g.data_loss_partitions);
    }
    if !g.members.is_empty() {
        let mut t = s.table(&["MEMBER-ID", "CLIENT-ID", "HOST", "PARTITIONS"]);
        for m in &g.members {
            t.add_row(vec![
                Cell::new(sanitize(&m.member_id)),
                Cell::new(sanitize(&m.client_id)),
                Cell::new(sanitize(&m.host)),
                Cell::new(m.assignment.len()),
            ]);
        }
        out.push('\n');
        out.push_str(&table_string(&t));
    }
    out
}

/// A stream group in detail: a row per stream (entries read and added, lag, the age of the
/// oldest undelivered entry, pending entries and the age of the oldest), then its consumers.
fn stream_tables(g: &GroupLag, s: &Styles, watch: bool) -> String {
    let mut out = String::new();
    let mut header = vec![
        "STREAM",
        "ENTRIES-READ",
        "FIRST",
        "ADDED",
        "LAG",
        "TIME-LAG",
        "PENDING",
        "OLDEST-PENDING",
    ];
    if watch {
        header.push("STATUS");
    }
    let mut t = s.table(&header);
    for p in &g.partitions {
        let read = match (p.committed, p.data_loss) {
            (Some(c), true) => format!("{c} {}", s.bad("(data loss)")),
            (c, _) => dash(c),
        };
        let mut row = vec![
            Cell::new(sanitize(&p.topic)),
            Cell::new(read),
            Cell::new(p.log_start),
            Cell::new(p.log_end),
            Cell::new(dash(p.lag)),
            Cell::new(time_lag(p.time_lag_ms, p.time_lag_quality)),
            Cell::new(dash(p.pending)),
            Cell::new(p.oldest_pending_ms.map_or("-".into(), human_duration_ms)),
        ];
        if watch {
            row.push(Cell::new(status_cell(s, p.status)));
        }
        t.add_row(row);
    }
    out.push_str(&table_string(&t));
    if g.data_loss_partitions > 0 {
        out.push_str(&format!(
            "{} {} stream(s) lost entries the group had not read (trimmed or deleted)\n",
            s.bad("!"),
            g.data_loss_partitions
        ));
    }
    if !g.members.is_empty() {
        let mut t = s.table(&["CONSUMER", "STREAM", "PENDING", "IDLE", "INACTIVE"]);
        for m in &g.members {
            let ms = |v: Option<i64>| v.map_or("-".into(), human_duration_ms);
            t.add_row(vec![
                Cell::new(sanitize(&m.member_id)),
                Cell::new(sanitize(m.stream.as_deref().unwrap_or("-"))),
                Cell::new(dash(m.pending)),
                Cell::new(ms(m.idle_ms)),
                Cell::new(ms(m.inactive_ms)),
            ]);
        }
        out.push('\n');
        out.push_str(&table_string(&t));
    }
    out
}

/// The text view: the summary, or each named group in detail.
pub struct TextView<'a> {
    pub report: &'a LagReport,
    pub detail: bool,
    pub watch: bool,
}

impl serde::Serialize for TextView<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        self.report.serialize(ser)
    }
}

impl Render for TextView<'_> {
    fn table(&self, s: &Styles) -> String {
        if !self.detail {
            return summary_table(self.report, s, self.watch);
        }
        let mut out = String::new();
        for (i, g) in self.report.groups.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&group_table(g, s, self.watch));
        }
        if self.report.groups.is_empty() {
            out.push_str("No consumer groups.\n");
        }
        out
    }
}

/// Escapes a Prometheus label value.
fn label(v: &str) -> String {
    v.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// The Prometheus text exposition format (version 0.0.4).
pub fn prometheus(r: &LagReport) -> String {
    let mut out = String::new();
    let metric = |out: &mut String, name: &str, help: &str, kind: &str| {
        let _ = writeln!(out, "# HELP {name} {help}");
        let _ = writeln!(out, "# TYPE {name} {kind}");
    };
    // a stream has no partition label
    let pl = |g: &GroupLag, p: &PartitionLag| {
        format!(
            "group=\"{}\",{}",
            label(&g.group),
            where_label(&p.topic, p.partition)
        )
    };
    metric(
        &mut out,
        "evctl_group_lag",
        "Records the group is behind, per partition (absent without a commit).",
        "gauge",
    );
    for g in &r.groups {
        for p in &g.partitions {
            if let Some(l) = p.lag {
                let _ = writeln!(out, "evctl_group_lag{{{}}} {l}", pl(g, p));
            }
        }
    }
    metric(
        &mut out,
        "evctl_group_lag_seconds",
        "Age of the record at the committed offset, per partition (absent when unknown).",
        "gauge",
    );
    for g in &r.groups {
        for p in &g.partitions {
            if let Some(ms) = p.time_lag_ms {
                let _ = writeln!(
                    out,
                    "evctl_group_lag_seconds{{{},quality=\"{}\"}} {}",
                    pl(g, p),
                    match p.time_lag_quality {
                        Quality::Exact => "exact",
                        Quality::Estimated => "estimated",
                        Quality::Unknown => "unknown",
                    },
                    ms as f64 / 1000.0
                );
            }
        }
    }
    metric(
        &mut out,
        "evctl_group_committed_offset",
        "The group's committed offset, per partition.",
        "gauge",
    );
    for g in &r.groups {
        for p in &g.partitions {
            if let Some(c) = p.committed {
                let _ = writeln!(out, "evctl_group_committed_offset{{{}}} {c}", pl(g, p));
            }
        }
    }
    metric(
        &mut out,
        "evctl_group_data_loss",
        "1 when the committed offset is below the log start offset.",
        "gauge",
    );
    for g in &r.groups {
        for p in &g.partitions {
            if p.committed.is_some() {
                let _ = writeln!(
                    out,
                    "evctl_group_data_loss{{{}}} {}",
                    pl(g, p),
                    u8::from(p.data_loss)
                );
            }
        }
    }
    metric(
        &mut out,
        "evctl_group_lag_total",
        "Records the group is behind, summed over its partitions.",
        "gauge",
    );
    for g in &r.groups {
        let _ = writeln!(
            out,
            "evctl_group_lag_total{{group=\"{}\"}} {}",
            label(&g.group),
            g.total_lag
        );
    }
    metric(
        &mut out,
        "evctl_group_members",
        "Members of the group.",
        "gauge",
    );
    for g in &r.groups {
        let _ = writeln!(
            out,
            "evctl_group_members{{group=\"{}\",state=\"{}\"}} {}",
            label(&g.group),
            label(&g.state),
            g.members.len()
        );
    }
    if r.groups.iter().any(|g| g.status.is_some()) {
        metric(
            &mut out,
            "evctl_group_status",
            "Burrow's status of the group: 0 OK, 1 WARN, 2 ERR.",
            "gauge",
        );
        for g in &r.groups {
            if let Some(st) = g.status {
                let _ = writeln!(
                    out,
                    "evctl_group_status{{group=\"{}\",status=\"{}\"}} {}",
                    label(&g.group),
                    st,
                    st.severity()
                );
            }
        }
    }
    let mut ends: Vec<(&str, Option<i32>, i64, i64)> = r
        .groups
        .iter()
        .flat_map(|g| {
            g.partitions
                .iter()
                .map(|p| (p.topic.as_str(), p.partition, p.log_start, p.log_end))
        })
        .collect();
    ends.sort();
    ends.dedup();
    metric(
        &mut out,
        "evctl_partition_log_end_offset",
        "The partition's log end offset (high watermark).",
        "gauge",
    );
    for (t, p, _, e) in &ends {
        let _ = writeln!(
            out,
            "evctl_partition_log_end_offset{{{}}} {e}",
            where_label(t, *p)
        );
    }
    metric(
        &mut out,
        "evctl_partition_log_start_offset",
        "The partition's log start offset.",
        "gauge",
    );
    for (t, p, s, _) in &ends {
        let _ = writeln!(
            out,
            "evctl_partition_log_start_offset{{{}}} {s}",
            where_label(t, *p)
        );
    }
    pending_metrics(&mut out, r, &pl);
    out
}

/// `topic="t",partition="p"`, or `stream="s"`.
fn where_label(t: &str, p: Option<i32>) -> String {
    match p {
        Some(p) => format!("topic=\"{}\",partition=\"{p}\"", label(t)),
        None => format!("stream=\"{}\"", label(t)),
    }
}

/// A stream group's pending entries and the age of the oldest (Redis only).
fn pending_metrics(
    out: &mut String,
    r: &LagReport,
    pl: &dyn Fn(&GroupLag, &PartitionLag) -> String,
) {
    let rows: Vec<(String, i64, Option<i64>)> = r
        .groups
        .iter()
        .flat_map(|g| {
            g.partitions
                .iter()
                .filter_map(move |p| Some((pl(g, p), p.pending?, p.oldest_pending_ms)))
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "# HELP evctl_group_pending Entries delivered to the group's consumers and not acknowledged."
    );
    let _ = writeln!(out, "# TYPE evctl_group_pending gauge");
    for (l, n, _) in &rows {
        let _ = writeln!(out, "evctl_group_pending{{{l}}} {n}");
    }
    let _ = writeln!(
        out,
        "# HELP evctl_group_oldest_pending_seconds Age of the oldest pending entry."
    );
    let _ = writeln!(out, "# TYPE evctl_group_oldest_pending_seconds gauge");
    for (l, _, ms) in &rows {
        if let Some(ms) = ms {
            let _ = writeln!(
                out,
                "evctl_group_oldest_pending_seconds{{{l}}} {}",
                *ms as f64 / 1000.0
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lag::Owner;

    pub(crate) fn sample_report() -> LagReport {
        let p =
            |partition: i32, committed: Option<i64>, log_end, ms: Option<i64>, q| PartitionLag {
                topic: "orders".into(),
                partition: Some(partition),
                committed,
                log_start: 0,
                log_end,
                lag: committed.map(|c| log_end - c),
                data_loss: false,
                time_lag_ms: ms,
                behind_newest_ms: ms,
                time_lag_quality: q,
                owner: (partition == 0).then(|| Owner {
                    member_id: "m-1".into(),
                    client_id: "billing-1".into(),
                    host: "/10.0.0.1".into(),
                }),
                status: None,
                pending: None,
                oldest_pending_ms: None,
            };
        LagReport {
            taken_at_ms: 1_735_689_600_000,
            groups: vec![GroupLag {
                group: "billing".into(),
                state: "Stable".into(),
                exists: true,
                group_type: "classic".into(),
                protocol_type: "consumer".into(),
                protocol: "range".into(),
                coordinator: None,
                members: vec![crate::lag::Member {
                    member_id: "m-1".into(),
                    client_id: "billing-1".into(),
                    host: "/10.0.0.1".into(),
                    instance_id: None,
                    assignment: vec![("orders".into(), 0)],
                    pending: None,
                    idle_ms: None,
                    inactive_ms: None,
                    stream: None,
                }],
                total_lag: 40,
                max_lag: Some(40),
                max_time_lag_ms: Some(65_000),
                worst_partition: Some("orders/0".into()),
                data_loss_partitions: 0,
                trend: None,
                status: None,
                consume_rate: None,
                publish_rate: None,
                eta_seconds: None,
                partitions: vec![
                    p(0, Some(60), 100, Some(65_000), Quality::Exact),
                    p(1, None, 7, None, Quality::Unknown),
                    p(2, Some(5), 5, Some(0), Quality::Exact),
                ],
            }],
        }
    }

    #[test]
    fn prometheus_exposition() {
        insta::assert_snapshot!(prometheus(&sample_report()));
    }

    #[test]
    fn tables() {
        let s = Styles::PLAIN;
        let r = sample_report();
        insta::assert_snapshot!("summary", summary_table(&r, &s, false));
        insta::assert_snapshot!("group", group_table(&r.groups[0], &s, false));
    }

    #[test]
    fn json_shape() {
        insta::assert_snapshot!(serde_json::to_string_pretty(&sample_report()).unwrap());
    }

    #[test]
    fn label_escaping() {
        assert_eq!(label("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
