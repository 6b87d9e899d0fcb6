//! The reset plans of `kafka-consumer-groups --export` and `--from-file`: lines of
//! `topic,partition,offset` (one group) or `group,topic,partition,offset` (several), no header.
//! evctl writes the one-group shape (its `--export` and the undo file) and reads both.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::TopicPartition;
use crate::error::usage;

/// The offsets a plan file gives one group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanFile {
    pub path: String,
    /// Each partition's offset and the line that gave it.
    pub offsets: BTreeMap<TopicPartition, (i64, usize)>,
}

impl PlanFile {
    /// Reads `path` and keeps the rows of `group`.
    pub fn load(path: &Path, group: &str) -> anyhow::Result<PlanFile> {
        let text = crate::diag::read_text(path).map_err(|e| usage(e.to_string()))?;
        parse(&path.display().to_string(), &text, group).map_err(usage)
    }

    /// The line of the file that names this partition, for messages (`file:line`).
    pub fn place(&self, tp: &TopicPartition) -> String {
        match self.offsets.get(tp) {
            Some((_, line)) => format!("{}:{line}", self.path),
            None => self.path.clone(),
        }
    }
}

/// Parses a plan; errors say `path:line: why`.
pub fn parse(path: &str, text: &str, group: &str) -> Result<PlanFile, String> {
    let mut offsets = BTreeMap::new();
    let mut columns: Option<usize> = None;
    let mut groups: Vec<String> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        // a byte-order mark (a file saved on Windows) is not part of the first topic's name
        let raw = if i == 0 {
            raw.trim_start_matches('\u{feff}')
        } else {
            raw
        };
        let at = |why: String| format!("{path}:{line}: {why}");
        if raw.trim().is_empty() {
            continue;
        }
        // as Kafka's reader: spaces around numbers, quoted fields and CRLF are fine
        let fields: Vec<&str> = (raw.split(','))
            .map(|f| f.trim().trim_matches('"'))
            .collect();
        if fields.len() != 3 && fields.len() != 4 {
            return Err(at(format!(
                "expected topic,partition,offset or group,topic,partition,offset, found {} field(s)",
                fields.len()
            )));
        }
        match columns {
            Some(c) if c != fields.len() => {
                return Err(at(format!(
                    "{} fields, but the lines above have {c}",
                    fields.len()
                )));
            }
            _ => columns = Some(fields.len()),
        }
        let (row_group, rest) = match fields.len() {
            4 => (Some(fields[0]), &fields[1..]),
            _ => (None, &fields[..]),
        };
        let (topic, partition, offset) = (rest[0], rest[1], rest[2]);
        if let Some(g) = row_group {
            if g.is_empty() {
                return Err(at("empty group name".into()));
            }
            if !groups.iter().any(|x| x == g) {
                groups.push(g.to_string());
            }
        }
        if topic.is_empty() {
            return Err(at("empty topic name".into()));
        }
        let partition: i32 = partition
            .parse()
            .ok()
            .filter(|p| *p >= 0)
            .ok_or_else(|| at(format!("partition {partition:?} is not a partition number")))?;
        let offset: i64 = offset.parse().ok().filter(|o| *o >= 0).ok_or_else(|| {
            at(format!(
                "offset {offset:?} is not an offset (a number, 0 or more)"
            ))
        })?;
        if row_group.is_some_and(|g| g != group) {
            continue;
        }
        let tp = (topic.to_string(), partition);
        if let Some((_, first)) = offsets.get(&tp) {
            return Err(at(format!(
                "{topic}/{partition} is given twice (first on line {first})"
            )));
        }
        offsets.insert(tp, (offset, line));
    }
    if offsets.is_empty() {
        return Err(if groups.is_empty() {
            format!("{path}: no offsets in the file")
        } else {
            format!(
                "{path}: no rows for group {group} (the file has {})",
                groups.join(", ")
            )
        });
    }
    Ok(PlanFile {
        path: path.to_string(),
        offsets,
    })
}

/// The plan as `kafka-consumer-groups --export` writes it for one group.
pub fn write(offsets: &[(TopicPartition, i64)]) -> String {
    let mut out = String::new();
    for ((t, p), o) in offsets {
        out.push_str(&format!("{t},{p},{o}\n"));
    }
    out
}

/// Writes the plan's offsets as Kafka's CSV to `path`, or returns the text when it is `-`
/// (stdout).
pub fn export(plan: &super::ResetPlan, path: &Path) -> anyhow::Result<Option<String>> {
    let text = write(&plan.offsets());
    if path.as_os_str() == "-" {
        return Ok(Some(text));
    }
    std::fs::write(path, text)
        .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
    Ok(None)
}

/// Saves the offsets the plan's partitions had before the reset (those that had one), in the
/// CSV `--from-file` reads, at `path` or in the state directory; returns where, or None when no
/// partition had a committed offset (nothing to restore but new commits: `first_commits`). The
/// file is written whole before anything is committed; a failure to write stops the reset.
pub fn save_undo(plan: &super::ResetPlan, path: Option<&Path>) -> anyhow::Result<Option<PathBuf>> {
    let prior: Vec<_> = (plan.partitions.iter())
        .filter_map(|r| r.current.map(|c| (r.tp(), c)))
        .collect();
    if prior.is_empty() {
        return Ok(None);
    }
    let path = match path {
        Some(p) => p.to_path_buf(),
        None => {
            let dir = crate::config::state_dir().ok_or_else(|| {
                usage("no state directory (HOME is not set): give --undo-file FILE")
            })?;
            let safe: String = (plan.group.chars())
                .map(|c| {
                    if c.is_ascii_alphanumeric() || "._-".contains(c) {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            let stamp = crate::record::time::format_rfc3339(crate::record::time::now_ms())
                .replace([':', '.'], "");
            dir.join("undo").join(format!("{safe}-{stamp}.csv"))
        }
    };
    let save = || -> std::io::Result<()> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&path, write(&prior))
    };
    save().map_err(|e| {
        anyhow::anyhow!(
            "cannot save the undo file {}: {e}; nothing was committed",
            path.display()
        )
    })?;
    Ok(Some(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_shapes() {
        let one = parse("p.csv", "\u{feff}t,0,5\r\n\"t\", 1 ,\"7\"\n\n", "g").unwrap();
        assert_eq!(one.offsets[&("t".into(), 1)], (7, 2));
        let many = parse("p.csv", "a,t,0,5\nb,t,0,9\nb,u,2,1\n", "b").unwrap();
        assert_eq!(many.offsets.len(), 2);
        assert_eq!(many.offsets[&("t".into(), 0)], (9, 2));
        assert_eq!(many.place(&("u".into(), 2)), "p.csv:3");
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let e = |text: &str| parse("p.csv", text, "g").unwrap_err();
        assert_eq!(
            e("t,0,5\nt,x,1\n"),
            "p.csv:2: partition \"x\" is not a partition number"
        );
        assert_eq!(
            e("t,0,-4\n"),
            "p.csv:1: offset \"-4\" is not an offset (a number, 0 or more)"
        );
        assert_eq!(
            e("t,0\n"),
            "p.csv:1: expected topic,partition,offset or group,topic,partition,offset, found 2 field(s)"
        );
        assert_eq!(
            e("t,0,1\ng,t,1,1\n"),
            "p.csv:2: 4 fields, but the lines above have 3"
        );
        assert_eq!(
            e("t,0,1\nt,0,2\n"),
            "p.csv:2: t/0 is given twice (first on line 1)"
        );
        assert_eq!(
            e("a,t,0,1\n"),
            "p.csv: no rows for group g (the file has a)"
        );
        assert_eq!(e("\n"), "p.csv: no offsets in the file");
    }

    #[test]
    fn writes_what_it_reads() {
        let rows = vec![(("t".to_string(), 0), 5), (("u".to_string(), 3), 0)];
        let text = write(&rows);
        assert_eq!(text, "t,0,5\nu,3,0\n");
        let back = parse("x", &text, "g").unwrap();
        let back: Vec<_> = back.offsets.into_iter().map(|(k, (o, _))| (k, o)).collect();
        assert_eq!(back, rows);
    }
}
