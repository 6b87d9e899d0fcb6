//! `evctl group` on every broker, with groups made by Kafka's own console consumer and every
//! committed offset read back by Kafka's own `kafka-consumer-groups --describe` (the peer): each
//! reset target, the plan/execute split, the undo file, bad input, deletes, the live-group
//! refusal of both rebalance protocols, CSV plans both ways, and the requests a reset sends.

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::Value;

use crate::real_kafka::{CONSUMER, GROUPS, Running, ev, eventually, kafka_group_offsets};
use crate::support::kafka::{available, spawn_tool, tool_ok};
use crate::support::{Kind, Run, broker, create_topics, skip};

const PER_PARTITION: i64 = 4;

/// Epoch ms of the first record of each partition (record i is i seconds later): ten minutes
/// ago at a whole second (noida-db deletes records older than the retention at once).
fn t0() -> i64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    now / 1000 * 1000 - 600_000
}

/// A 3-partition topic with 4 records in each (`p{P}-{i}`, at T0 + i s), one record per batch
/// on tansu (whose end offsets are only right for one-record batches); returns T0.
fn fill(kind: Kind, addr: &str, topic: &str) -> i64 {
    let t0 = t0();
    create_topics(addr, &[(topic, 3)]);
    let line = |p: i64, i: i64| {
        format!(
            "{{\"partition\":{p},\"timestamp\":{},\"value\":\"p{p}-{i}\"}}\n",
            t0 + i * 1000
        )
    };
    let lines: Vec<String> = (0..3)
        .flat_map(|p| (0..PER_PARTITION).map(move |i| line(p, i)))
        .collect();
    let chunks: Vec<String> = if kind == Kind::Tansu {
        lines
    } else {
        vec![lines.concat()]
    };
    for c in chunks {
        crate::support::Evctl::new()
            .args(["-b", addr, "publish", topic, "--format", "json"])
            .stdin(c)
            .run()
            .expect_code(0);
    }
    t0
}

/// The console consumer's extra settings: tansu completes a join only after half the session
/// timeout, so it gets a short one.
fn consumer_props(kind: Kind, protocol: &str) -> Vec<String> {
    let mut props = vec![format!("group.protocol={protocol}")];
    if kind == Kind::Tansu {
        props.push("session.timeout.ms=6000".into());
        props.push("max.poll.interval.ms=7000".into());
    }
    props
        .into_iter()
        .flat_map(|p| ["--consumer-property".to_string(), p])
        .collect()
}

/// Reads `n` records of `topic` in `group` with the console consumer (which commits them) and
/// returns the values it printed.
fn consume(kind: Kind, addr: &str, topic: &str, group: &str, n: usize) -> Vec<String> {
    let n = n.to_string();
    let mut args: Vec<String> = [
        "--bootstrap-server",
        addr,
        "--topic",
        topic,
        "--group",
        group,
        "--from-beginning",
        "--max-messages",
        &n,
        "--timeout-ms",
        "40000",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.extend(consumer_props(kind, "classic"));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = tool_ok(CONSUMER, &args, None);
    let mut values: Vec<String> = out.lines().map(String::from).collect();
    values.sort();
    values
}

/// A console consumer that stays in `group` until dropped.
fn live(kind: Kind, addr: &str, topic: &str, group: &str, protocol: &str) -> Running {
    let mut args: Vec<String> = [
        "--bootstrap-server",
        addr,
        "--topic",
        topic,
        "--group",
        group,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.extend(consumer_props(kind, protocol));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    Running(spawn_tool(CONSUMER, &args))
}

/// The peer's view: each partition's committed offset, from `kafka-consumer-groups --describe`.
fn peer(addr: &str, group: &str) -> BTreeMap<(String, i64), i64> {
    kafka_group_offsets(addr, group)
        .into_iter()
        .filter(|(_, (current, _, _))| *current >= 0)
        .map(|(tp, (current, _, _))| (tp, current))
        .collect()
}

fn offsets(topic: &str, values: [i64; 3]) -> BTreeMap<(String, i64), i64> {
    (0..3)
        .map(|p| ((topic.to_string(), p), values[p as usize]))
        .collect()
}

fn reset(addr: &str, group: &str, args: &[&str]) -> Run {
    let mut all = vec!["group", "reset", group];
    all.extend_from_slice(args);
    ev(addr, &all)
}

/// Resets with `--execute --yes -o json` and checks the peer reads back `want`.
#[track_caller]
fn reset_to(addr: &str, group: &str, topic: &str, args: &[&str], want: [i64; 3]) -> Run {
    let mut all = args.to_vec();
    all.extend(["--execute", "--yes", "-o", "json"]);
    let run = reset(addr, group, &all).expect_code(0);
    assert_eq!(
        peer(addr, group),
        offsets(topic, want),
        "{args:?}\n{}",
        run.stderr
    );
    let plan = run.json();
    assert_eq!(plan["executed"], true, "{plan:#}");
    for p in plan["partitions"].as_array().unwrap() {
        let n = p["partition"].as_i64().unwrap() as usize;
        assert_eq!(p["new"], want[n], "{args:?}: {p}");
    }
    run
}

/// `ms` as RFC 3339 in UTC without a zone (`2026-01-01T10:00:01.500`), by date(1).
fn rfc3339_no_zone(ms: i64) -> String {
    let out = std::process::Command::new("date")
        .args(["-u", "-d", &format!("@{}", ms / 1000), "+%Y-%m-%dT%H:%M:%S"])
        .output()
        .unwrap();
    format!(
        "{}.{:03}",
        String::from_utf8_lossy(&out.stdout).trim(),
        ms % 1000
    )
}

fn reset_targets_agree_with_kafka_consumer_groups(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    if !available(test) {
        return;
    }
    let id = std::process::id();
    let topic = format!("it.grp.{}.{id}", kind.name());
    let group = format!("it-grp-{}-{id}", kind.name());
    let t0 = fill(kind, &addr, &topic);
    let mut seen = consume(kind, &addr, &topic, &group, 12);
    seen.dedup();
    assert_eq!(seen.len(), 12, "{seen:?}");
    assert_eq!(peer(&addr, &group), offsets(&topic, [4, 4, 4]));

    // a plan changes nothing: exit 0, or 3 with --detailed-exitcode when something would change
    let dry = reset(
        &addr,
        &group,
        &["--all-topics", "--to-earliest", "-o", "json"],
    )
    .expect_code(0);
    assert_eq!(dry.json()["changes"], 3);
    assert_eq!(dry.json()["executed"], false);
    reset(
        &addr,
        &group,
        &["--all-topics", "--to-earliest", "--detailed-exitcode"],
    )
    .expect_code(3);
    reset(
        &addr,
        &group,
        &["--all-topics", "--to-current", "--detailed-exitcode"],
    )
    .expect_code(0);
    assert_eq!(peer(&addr, &group), offsets(&topic, [4, 4, 4]));

    let t = topic.as_str();
    reset_to(
        &addr,
        &group,
        t,
        &["--topic", t, "--to-earliest"],
        [0, 0, 0],
    );
    reset_to(
        &addr,
        &group,
        t,
        &["--all-topics", "--to-latest"],
        [4, 4, 4],
    );
    let p01 = format!("{t}:0,1");
    reset_to(
        &addr,
        &group,
        t,
        &["--topic", &p01, "--to-offset", "2"],
        [2, 2, 4],
    );
    reset_to(
        &addr,
        &group,
        t,
        &["--all-topics", "--shift-by", "-1"],
        [1, 1, 3],
    );
    let run = reset_to(
        &addr,
        &group,
        t,
        &["--all-topics", "--shift-by", "-5"],
        [0, 0, 0],
    );
    assert!(
        run.stderr.contains("clamped to log start"),
        "{}",
        run.stderr
    );
    let run = reset_to(
        &addr,
        &group,
        t,
        &["--all-topics", "--to-offset", "99"],
        [4, 4, 4],
    );
    assert_eq!(
        run.stderr.matches("clamped to log end").count(),
        3,
        "{}",
        run.stderr
    );
    if kind == Kind::Tansu {
        skip(
            test,
            "tansu's ListOffsets by timestamp answers offset 0: --to-time not checked there",
        );
    } else {
        // records at T0 + 0, 1, 2, 3 s: 1.5 s is offset 2; a time without a zone is UTC
        let at = rfc3339_no_zone(t0 + 1500);
        reset_to(
            &addr,
            &group,
            t,
            &["--topic", t, "--to-time", &at],
            [2, 2, 2],
        );
        let ms = (t0 + 500).to_string();
        reset_to(
            &addr,
            &group,
            t,
            &["--topic", t, "--to-time", &ms],
            [1, 1, 1],
        );
        let run = reset_to(
            &addr,
            &group,
            t,
            &["--topic", t, "--to-time", "@-1m"],
            [4, 4, 4],
        );
        assert!(
            run.stderr.contains("no record at or after the time"),
            "{}",
            run.stderr
        );
    }

    // a plan file; the undo file of the next reset restores it exactly
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.csv");
    std::fs::write(&plan, format!("{t},0,1\n{t},1,3\n")).unwrap();
    let plan = plan.to_str().unwrap();
    reset_to(&addr, &group, t, &["--from-file", plan], [1, 3, 4]);
    let other = format!("{group}-other");
    reset(
        &addr,
        &other,
        &["--topic", t, "--to-offset", "3", "--execute", "--yes"],
    )
    .expect_code(0);
    assert_eq!(peer(&addr, &other), offsets(t, [3, 3, 3]));
    let undo = dir.path().join("undo.csv");
    let undo = undo.to_str().unwrap();
    reset_to(
        &addr,
        &group,
        t,
        &["--to-group", &other, "--undo-file", undo],
        [3, 3, 3],
    );
    assert_eq!(
        std::fs::read_to_string(undo).unwrap(),
        format!("{t},0,1\n{t},1,3\n{t},2,4\n")
    );
    reset_to(&addr, &group, t, &["--from-file", undo], [1, 3, 4]);
    // --to-current re-commits what is there: nothing to change
    reset(
        &addr,
        &group,
        &["--all-topics", "--to-current", "--execute", "--yes"],
    )
    .expect_code(0);
    assert_eq!(peer(&addr, &group), offsets(t, [1, 3, 4]));
    // a restarted classic consumer of the group reads from the new offsets (and commits the end)
    reset_to(
        &addr,
        &group,
        t,
        &["--all-topics", "--to-offset", "2"],
        [2, 2, 2],
    );
    let values = consume(kind, &addr, t, &group, 6);
    assert_eq!(values, ["p0-2", "p0-3", "p1-2", "p1-3", "p2-2", "p2-3"]);
    assert_eq!(peer(&addr, &group), offsets(t, [4, 4, 4]));
    reset_to(&addr, &group, t, &["--from-file", undo], [1, 3, 4]);

    bad_input(kind, &addr, &group, t, dir.path());
    deletes(kind, &addr, &group, &other, t, test);
    live_classic_group_is_refused(kind, &addr, &group, t, test);
}
crate::on_each_broker!(reset_targets_agree_with_kafka_consumer_groups);

/// Bad input: exit 2, the place named, and nothing committed.
fn bad_input(kind: Kind, addr: &str, group: &str, t: &str, dir: &std::path::Path) {
    let before = peer(addr, group);
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, format!("{t},0,0\n{t},one,0\n")).unwrap();
    let run = reset(
        addr,
        group,
        &["--from-file", bad.to_str().unwrap(), "--execute", "--yes"],
    )
    .expect_code(2);
    assert!(
        run.stderr.contains("bad.csv:2: partition \"one\""),
        "{}",
        run.stderr
    );
    let missing = dir.join("missing.csv");
    std::fs::write(&missing, format!("{t},0,0\n{t},7,0\n")).unwrap();
    let run = reset(
        addr,
        group,
        &[
            "--from-file",
            missing.to_str().unwrap(),
            "--execute",
            "--yes",
        ],
    )
    .expect_code(2);
    assert!(
        run.stderr.contains("missing.csv:2: topic"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("has no partition 7"), "{}", run.stderr);
    let run = reset(
        addr,
        group,
        &["--topic", "it.grp.no-such-topic", "--to-earliest"],
    )
    .expect_code(2);
    assert!(
        run.stderr.contains("no topic \"it.grp.no-such-topic\""),
        "{}",
        run.stderr
    );
    let p9 = format!("{t}:9");
    let run = reset(addr, group, &["--topic", &p9, "--to-earliest"]).expect_code(2);
    assert!(run.stderr.contains("has no partition 9"), "{}", run.stderr);
    let run = reset(addr, group, &["--topic", t, "--to-earliest", "--to-latest"]).expect_code(2);
    assert!(run.stderr.contains("cannot be used with"), "{}", run.stderr);
    reset(addr, group, &["--to-earliest"]).expect_code(2);
    assert_eq!(peer(addr, group), before, "bad input committed something");

    // an unknown group is created, as kafka-consumer-groups does, and said so
    let fresh = format!("{group}-fresh");
    let run = reset(
        addr,
        &fresh,
        &[
            "--topic",
            t,
            "--to-offset",
            "2",
            "--execute",
            "--yes",
            "-o",
            "json",
        ],
    )
    .expect_code(0);
    if kind != Kind::Tansu {
        assert!(
            run.stderr.contains("does not exist: --execute creates it"),
            "{}",
            run.stderr
        );
    }
    assert_eq!(peer(addr, &fresh), offsets(t, [2, 2, 2]));
    // no prior commit: no undo file, and how to take the new commits back
    assert!(run.json().get("undo_file").is_none(), "{}", run.stdout);
    let back = format!("`evctl group delete-offsets {fresh} --topic {t}:0,1,2`");
    assert!(run.stderr.contains(&back), "{}", run.stderr);
}

/// delete-offsets and delete, checked with the peer.
fn deletes(kind: Kind, addr: &str, group: &str, other: &str, t: &str, test: &str) {
    if kind == Kind::Tansu {
        skip(
            test,
            "tansu has no OffsetDelete (API 47): delete-offsets not run there",
        );
    } else {
        let p0 = format!("{t}:0");
        let dry = ev(
            addr,
            &[
                "group",
                "delete-offsets",
                group,
                "--topic",
                &p0,
                "--dry-run",
            ],
        )
        .expect_code(0);
        assert!(dry.stdout.contains("would delete"), "{}", dry.stdout);
        let run = ev(
            addr,
            &[
                "group",
                "delete-offsets",
                group,
                "--topic",
                &p0,
                "--yes",
                "-o",
                "json",
            ],
        )
        .expect_code(0);
        assert_eq!(run.json()["items"][0]["deleted"], true, "{}", run.stdout);
        let left: Vec<i64> = peer(addr, group).keys().map(|k| k.1).collect();
        assert_eq!(left, vec![1, 2]);
        // --to-current: partition 0 has no commit now, so it goes to the log end, said so
        let run = reset_to(addr, group, t, &["--topic", t, "--to-current"], [4, 3, 4]);
        assert!(
            run.stderr
                .contains(&format!("{t}/0: no committed offset: log end (4)")),
            "{}",
            run.stderr
        );
        reset_to(
            addr,
            group,
            t,
            &["--topic", t, "--to-offset", "1"],
            [1, 1, 1],
        );
    }
    ev(addr, &["group", "delete", other, "--dry-run"]).expect_code(0);
    assert!(!peer(addr, other).is_empty());
    let run = ev(addr, &["group", "delete", other, "--yes", "-o", "json"]).expect_code(0);
    assert_eq!(
        run.json()["items"][0]["result"],
        "deleted",
        "{}",
        run.stdout
    );
    let list = tool_ok(GROUPS, &["--bootstrap-server", addr, "--list"], None);
    assert!(!list.lines().any(|l| l.trim() == other), "{list}");
    // tansu describes any group name as an Empty group: there, a deleted group still "exists"
    if kind != Kind::Tansu {
        let run = ev(addr, &["group", "delete", other, "--yes"]).expect_code(1);
        assert!(run.stderr.contains("does not exist"), "{}", run.stderr);
    }
}

/// A classic group with a live member: reset, delete and delete-offsets are refused (exit 3)
/// before anything is written, naming the member and its host.
fn live_classic_group_is_refused(kind: Kind, addr: &str, group: &str, t: &str, test: &str) {
    let before = peer(addr, group);
    let consumer = live(kind, addr, t, group, "classic");
    let members = eventually(
        Duration::from_secs(60),
        "the console consumer joins",
        || {
            let run = ev(addr, &["group", "describe", group, "-o", "json"]);
            let g: Value = serde_json::from_str(&run.stdout).ok()?;
            (!g["members"].as_array()?.is_empty()).then_some(g["members"].clone())
        },
    );
    let run = reset(
        addr,
        group,
        &["--all-topics", "--to-earliest", "--execute", "--yes"],
    )
    .expect_code(3);
    let member = members[0]["member_id"].as_str().unwrap();
    assert!(
        run.stderr.contains(&format!("group {group} is in use")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(member), "{}", run.stderr);
    // the dry run warns and exits 0
    let dry = reset(addr, group, &["--all-topics", "--to-earliest"]).expect_code(0);
    assert!(
        dry.stderr.contains("--execute would be refused"),
        "{}",
        dry.stderr
    );
    ev(addr, &["group", "delete", group, "--yes"]).expect_code(3);
    if kind != Kind::Tansu {
        let p1 = format!("{t}:1");
        ev(
            addr,
            &["group", "delete-offsets", group, "--topic", &p1, "--yes"],
        )
        .expect_code(3);
    }
    drop(consumer);
    // the consumer read from the committed offsets and committed its own; the refusals wrote
    // nothing of theirs: no offset is below where the group was
    if kind == Kind::Tansu {
        skip(
            test,
            "tansu keeps a killed member in its group (kafka-consumer-groups --describe then fails): offsets after the refusals not read back there",
        );
        return;
    }
    let after = peer(addr, group);
    for (tp, o) in &before {
        assert!(
            after.get(tp).is_some_and(|a| a >= o),
            "{tp:?}: {before:?} -> {after:?}"
        );
    }
}

/// Kafka's consumer-protocol groups (KIP-848): `list` shows their type; a live one is refused
/// (DescribeGroups calls it Dead: the check asks ConsumerGroupDescribe); once it is gone the
/// reset applies and a restarted consumer reads from the new offsets.
fn new_protocol_groups_are_judged_by_their_protocol(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    let id = std::process::id();
    let topic = format!("it.grp848.{id}");
    let group = format!("it-grp848-{id}");
    fill(kind, &addr, &topic);
    let consumer = live(kind, &addr, &topic, &group, "consumer");
    eventually(
        Duration::from_secs(60),
        "the consumer-protocol member joins",
        || {
            let run = ev(
                &addr,
                &["group", "list", "--type", "consumer", "-o", "json"],
            );
            let list: Value = serde_json::from_str(&run.stdout).ok()?;
            list.as_array()?
                .iter()
                .find(|g| g["group"] == group.as_str() && g["members"] == 1)
                .cloned()
        },
    );
    let p = offsets(&topic, [4, 4, 4]);
    eventually(Duration::from_secs(30), "the consumer commits", || {
        (peer(&addr, &group) == p).then_some(())
    });
    let run = reset(
        &addr,
        &group,
        &["--all-topics", "--to-earliest", "--execute", "--yes"],
    )
    .expect_code(3);
    assert!(
        run.stderr.contains("(consumer protocol, state Stable)"),
        "{}",
        run.stderr
    );
    ev(&addr, &["group", "delete", &group, "--yes"]).expect_code(3);
    // the offsets of a topic its members read cannot be deleted: refused, naming them
    let run = ev(
        &addr,
        &[
            "group",
            "delete-offsets",
            &group,
            "--topic",
            &topic,
            "--yes",
            "-o",
            "json",
        ],
    )
    .expect_code(3);
    assert!(
        run.stderr
            .contains(&format!("group {group} reads {topic}: 1 member(s)")),
        "{}",
        run.stderr
    );
    assert_eq!(peer(&addr, &group), p);
    drop(consumer);
    eventually(Duration::from_secs(60), "the group empties", || {
        let run = ev(&addr, &["group", "describe", &group, "-o", "json"]);
        let g: Value = serde_json::from_str(&run.stdout).ok()?;
        g["members"].as_array()?.is_empty().then_some(())
    });
    let t = topic.as_str();
    reset_to(
        &addr,
        &group,
        t,
        &["--all-topics", "--to-offset", "2"],
        [2, 2, 2],
    );
    // a restarted consumer of the group reads from the new offsets
    let args = [
        "--bootstrap-server",
        &addr,
        "--topic",
        t,
        "--group",
        &group,
        "--max-messages",
        "6",
        "--timeout-ms",
        "40000",
        "--consumer-property",
        "group.protocol=consumer",
    ];
    let out = tool_ok(CONSUMER, &args, None);
    let mut values: Vec<&str> = out.lines().collect();
    values.sort();
    assert_eq!(values, ["p0-2", "p0-3", "p1-2", "p1-3", "p2-2", "p2-3"]);
}
crate::on_kafka!(new_protocol_groups_are_judged_by_their_protocol);

/// CSV plans both ways: evctl's --export is taken by `kafka-consumer-groups --from-file`, and
/// Kafka's --export (one group, and two groups with the group column) by evctl's --from-file.
fn csv_plans_interoperate_with_kafka_consumer_groups(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    let id = std::process::id();
    let topic = format!("it.grpcsv.{id}");
    let (a, b) = (format!("it-grpcsv-a-{id}"), format!("it-grpcsv-b-{id}"));
    fill(kind, &addr, &topic);
    let t = topic.as_str();
    let dir = tempfile::tempdir().unwrap();
    let ours = dir.path().join("ours.csv");
    let ours = ours.to_str().unwrap();
    let p = format!("{t}:0,2");
    reset(
        &addr,
        &a,
        &["--topic", &p, "--to-offset", "3", "--export", ours],
    )
    .expect_code(0);
    assert_eq!(
        std::fs::read_to_string(ours).unwrap(),
        format!("{t},0,3\n{t},2,3\n")
    );
    let out = tool_ok(
        GROUPS,
        &[
            "--bootstrap-server",
            &addr,
            "--reset-offsets",
            "--group",
            &a,
            "--from-file",
            ours,
            "--execute",
        ],
        None,
    );
    assert!(!out.contains("Error"), "{out}");
    let want: BTreeMap<_, _> = [((t.to_string(), 0), 3), ((t.to_string(), 2), 3)].into();
    assert_eq!(peer(&addr, &a), want);

    // --export on stdout is the same CSV
    let run = reset(&addr, &a, &["--topic", t, "--to-earliest", "--export"]).expect_code(0);
    assert_eq!(run.stdout, format!("{t},0,0\n{t},1,0\n{t},2,0\n"));

    // Kafka's plan for two groups (group,topic,partition,offset and a blank last line)
    let theirs = tool_ok(
        GROUPS,
        &[
            "--bootstrap-server",
            &addr,
            "--reset-offsets",
            "--group",
            &a,
            "--group",
            &b,
            "--topic",
            t,
            "--to-offset",
            "1",
            "--dry-run",
            "--export",
        ],
        None,
    );
    assert!(theirs.contains(&format!("{b},{t},0,1")), "{theirs}");
    let file = dir.path().join("theirs.csv");
    std::fs::write(&file, &theirs).unwrap();
    reset_to(
        &addr,
        &b,
        t,
        &["--from-file", file.to_str().unwrap()],
        [1, 1, 1],
    );
    let one = tool_ok(
        GROUPS,
        &[
            "--bootstrap-server",
            &addr,
            "--reset-offsets",
            "--group",
            &a,
            "--topic",
            t,
            "--to-offset",
            "2",
            "--dry-run",
            "--export",
        ],
        None,
    );
    std::fs::write(&file, &one).unwrap();
    reset_to(
        &addr,
        &a,
        t,
        &["--from-file", file.to_str().unwrap()],
        [2, 2, 2],
    );
}
crate::on_each_broker!(csv_plans_interoperate_with_kafka_consumer_groups);

/// A reset's requests do not grow with its partitions: one ListOffsets per partition leader for
/// each offset asked and one OffsetCommit for the group (counted in the -vvv protocol trace).
fn resets_are_batched(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    let id = std::process::id();
    let topic = format!("it.grpbatch.{}.{id}", kind.name());
    create_topics(&addr, &[(&topic, 24)]);
    let group = format!("it-grpbatch-{}-{id}", kind.name());
    // a plan first: a new topic's leaders may still move (a retried ListOffsets is not a batch)
    reset(&addr, &group, &["--topic", &topic, "--to-earliest"]).expect_code(0);
    let run = reset(
        &addr,
        &group,
        &[
            "--topic",
            &topic,
            "--to-earliest",
            "--execute",
            "--yes",
            "-vvv",
        ],
    )
    .expect_code(0);
    let count = |api: &str| run.stderr.matches(&format!("api=\"{api}\"")).count();
    let meta = ev(&addr, &["cluster", "-o", "json"]).expect_code(0).json();
    let brokers = meta["brokers"].as_array().unwrap().len();
    // log start and log end: one request per leader each
    assert!(
        count("ListOffsets") <= 2 * brokers,
        "{} ListOffsets",
        count("ListOffsets")
    );
    assert_eq!(count("OffsetCommit"), 1);
    assert_eq!(peer(&addr, &group).len(), 24);
}
crate::on_each_broker!(resets_are_batched);
