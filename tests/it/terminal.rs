//! What a person sees on a terminal: evctl run in a real pseudo-terminal of a given size (tmux),
//! its rendered screen read back. Tables line up and fit at 80 and 200 columns, prompts take y and
//! n, the progress bar leaves a clean summary, `lag --watch` redraws in place, `tail -f` stops on
//! Ctrl-C with its summary and exit 130, and escape sequences inside records stay text.
//! Screens at 80 columns are insta snapshots (addresses, ids and times redacted).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Kind, broker, evctl_bin};

/// A tmux server of its own with one window of `cols` x `rows` running one command.
struct Screen {
    socket: String,
}

fn tmux_available(test: &str) -> bool {
    if Command::new("tmux").arg("-V").output().is_ok() {
        return true;
    }
    assert!(
        std::env::var("CI").is_err(),
        "tmux must be installed under CI (scripts/setup.sh)"
    );
    crate::support::skip(test, "tmux not installed");
    false
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

impl Screen {
    /// Runs `evctl ARGS` in a `cols` x `rows` terminal, with HOME at `home` and `env` set; the
    /// shell prints `[exit N]` when it ends, and the window stays for reading.
    fn run(cols: usize, rows: usize, home: &Path, env: &[(&str, &str)], args: &[&str]) -> Screen {
        Screen::shell(
            cols,
            rows,
            home,
            env,
            &format!(
                "{} {}",
                shell_quote(evctl_bin().to_str().unwrap()),
                args.iter()
                    .map(|a| shell_quote(a))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        )
    }

    fn shell(cols: usize, rows: usize, home: &Path, env: &[(&str, &str)], cmd: &str) -> Screen {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let socket = format!(
            "evctl-it-{}-{}",
            std::process::id(),
            N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        );
        let mut vars = vec![
            format!("HOME={}", shell_quote(home.to_str().unwrap())),
            "TERM=xterm-256color".to_string(),
        ];
        vars.extend(env.iter().map(|(k, v)| format!("{k}={}", shell_quote(v))));
        let script = format!(
            "trap true INT; env -u NO_COLOR -u COLUMNS -u LINES {} sh -c {}; echo \"[exit $?]\"; sleep 120",
            vars.join(" "),
            shell_quote(cmd)
        );
        let status = Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d"])
            .args(["-x", &cols.to_string(), "-y", &rows.to_string()])
            .args(["sh", "-c", &script])
            .stdin(Stdio::null())
            .status()
            .expect("tmux");
        assert!(status.success(), "tmux new-session failed");
        Screen { socket }
    }

    /// The visible screen as text (no styling), trailing blank lines dropped.
    fn text(&self) -> String {
        self.capture(&[])
    }

    /// The visible screen with its styling as escape sequences (`capture-pane -e`).
    fn styled(&self) -> String {
        self.capture(&["-e"])
    }

    /// The visible screen with wrapped lines joined.
    fn joined(&self) -> String {
        self.capture(&["-J"])
    }

    /// Everything the window showed, scrolled-off history included.
    fn history(&self) -> String {
        self.capture(&["-S", "-"])
    }

    fn capture(&self, extra: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p"])
            .args(extra)
            .output()
            .expect("tmux capture-pane");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let mut lines: Vec<&str> = text.lines().collect();
        while lines.last().is_some_and(|l| l.trim().is_empty()) {
            lines.pop();
        }
        lines.join("\n")
    }

    fn keys(&self, keys: &[&str]) {
        Command::new("tmux")
            .args(["-L", &self.socket, "send-keys"])
            .args(keys)
            .status()
            .expect("tmux send-keys");
    }

    /// Waits until the screen shows `what`, and returns it.
    #[track_caller]
    fn wait_for(&self, what: &str, limit: Duration) -> String {
        let start = Instant::now();
        loop {
            let t = self.text();
            if t.contains(what) {
                return t;
            }
            assert!(
                start.elapsed() < limit,
                "the screen never showed {what:?}; it shows:\n{t}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits for the command to end; its exit code.
    #[track_caller]
    fn exit_code(&self, limit: Duration) -> i32 {
        let t = self.wait_for("[exit ", limit);
        let tail = &t[t.rfind("[exit ").unwrap() + 6..];
        tail[..tail.find(']').unwrap()].parse().unwrap()
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .stderr(Stdio::null())
            .status();
    }
}

/// Checks a table as shown: every line fits the screen (none wrapped), and each column's cells
/// start where its header starts (left-aligned under it).
#[track_caller]
fn assert_table(screen: &str, header_start: &str, rows: usize, cols: usize) {
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with(header_start))
        .unwrap_or_else(|| panic!("no table headed {header_start:?} on:\n{screen}"));
    let header = lines[at];
    let starts: Vec<usize> = {
        let chars: Vec<char> = header.chars().collect();
        (0..chars.len())
            .filter(|&i| {
                chars[i] != ' '
                    && (i == 0 || (i >= 2 && chars[i - 1] == ' ' && chars[i - 2] == ' '))
            })
            .collect()
    };
    for l in &lines[at..(at + 1 + rows).min(lines.len())] {
        assert!(
            l.chars().count() <= cols,
            "a line wider than the screen ({cols}):\n{screen}"
        );
    }
    for row in &lines[at + 1..(at + 1 + rows).min(lines.len())] {
        let chars: Vec<char> = row.chars().collect();
        for &s in &starts[1..] {
            if s < chars.len() {
                assert!(
                    chars[s - 1] == ' ',
                    "column at {s} is not aligned under its header in {row:?}:\n{screen}"
                );
            }
        }
    }
    assert!(
        lines.len() > at + rows,
        "{rows} rows expected under the header (a wrapped row takes two):\n{screen}"
    );
}

/// Redacts what changes from run to run: addresses, ids, pids, times.
fn redact(s: &str, pid: u32) -> String {
    // names carry the pid as 7 digits, so their width is the same in every run
    let s = s.replace(&format!("{pid:07}"), "#######");
    // ports and counts keep their width, so the columns stay where they were
    let s = regex::Regex::new(r"127\.0\.0\.1:(\d+)")
        .unwrap()
        .replace_all(&s, |c: &regex::Captures| {
            format!("127.0.0.1:{}", "#".repeat(c[1].len()))
        })
        .into_owned();
    // temporary homes
    let s = regex::Regex::new(r"/\.tmp[A-Za-z0-9]{6}")
        .unwrap()
        .replace_all(&s, "/.tmpXXXXXX")
        .into_owned();
    // the controller and the cluster's topic count change from run to run
    let s = regex::Regex::new(r"(?m)^(Controller: +|Topics: +).*$")
        .unwrap()
        .replace_all(&s, "${1}(redacted)")
        .into_owned();
    let s = regex::Regex::new(r"(?m)\b(controller|voter)$")
        .unwrap()
        .replace_all(&s, "ROLE")
        .into_owned();
    let s = regex::Regex::new(r"\d+(\.\d+)?(ms|s|m|h)\b")
        .unwrap()
        .replace_all(&s, |c: &regex::Captures| "T".repeat(c[0].len()))
        .into_owned();
    let s = match std::env::var("EVCTL_TEST_KAFKA_CLUSTER_ID") {
        Ok(id) if !id.is_empty() => s.replace(&id, "CLUSTER-ID"),
        _ => s,
    };
    // every digit: ports, pids (even half a truncated one), counts; widths stay as shown
    let s: String = s
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect();
    s.replace("leader epoch ##", "leader epoch #")
}

fn publish(addr: &str, topic: &str, input: &str) {
    crate::support::Evctl::new()
        .args(["-b", addr, "publish", topic])
        .stdin(input.to_string())
        .run()
        .expect_code(0);
}

fn home() -> (tempfile::TempDir, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().to_path_buf();
    (d, p)
}

thread_local! {
    static DLQ: std::cell::RefCell<Option<(String, String)>> = const { std::cell::RefCell::new(None) };
}

fn tables_fit_and_align(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    if !tmux_available(test) {
        return;
    }
    let pid = std::process::id();
    let long = format!("it.term.platform.billing.invoice-line-items.recalculated.v1.{pid:07}");
    crate::support::create_topics(&addr, &[(&long, 3)]);
    publish(&addr, &long, "a\nb\nc\nd\ne\nf\n");
    let group = format!("it-term-billing-invoice-recalculation-consumer-{pid:07}");
    crate::support::Evctl::new()
        .args([
            "-b", &addr, "tail", &long, "--group", &group, "-p", "0", "--from", "start", "-n", "2",
            "-o", "raw",
        ])
        .run()
        .expect_code(0);
    let (_h, home) = home();
    let b = addr.as_str();
    for cols in [80, 200] {
        // cluster: id, quorum and one row per broker
        let s = Screen::run(cols, 30, &home, &[], &["-b", b, "cluster"]);
        assert_eq!(s.exit_code(Duration::from_secs(30)), 0);
        let t = s.text();
        assert_table(&t, "ID  ADDRESS", kind.node_ids().len(), cols);
        if cols == 80 {
            insta::assert_snapshot!("cluster_80", redact(&t, pid));
        }
        // lag, one group in detail: a row per partition
        let s = Screen::run(cols, 30, &home, &[], &["-b", b, "lag", &group]);
        assert_eq!(s.exit_code(Duration::from_secs(30)), 0);
        let t = s.text();
        assert_table(&t, "TOPIC", 3, cols);
        if cols == 80 {
            assert!(
                t.contains('…'),
                "the long topic gives way at 80 columns:\n{t}"
            );
            insta::assert_snapshot!("lag_group_80", redact(&t, pid));
        } else {
            assert!(t.contains(&long), "unabridged at 200 columns:\n{t}");
        }
        // the summary of the test's groups
        let s = Screen::run(
            cols,
            30,
            &home,
            &[],
            &[
                "-b",
                b,
                "lag",
                "--group-pattern",
                &format!("^it-term-.*-{pid:07}$"),
            ],
        );
        assert_eq!(s.exit_code(Duration::from_secs(30)), 0);
        let t = s.text();
        assert_table(&t, "GROUP", 1, cols);
        if cols == 80 {
            insta::assert_snapshot!("lag_summary_80", redact(&t, pid));
        }
        // -o wide: nothing cut, even at 80 columns (rows may wrap: the user asked for it)
        if cols == 80 {
            let s = Screen::run(
                cols,
                30,
                &home,
                &[],
                &["-b", b, "-o", "wide", "lag", &group],
            );
            assert_eq!(s.exit_code(Duration::from_secs(30)), 0);
            let joined = Command::new("tmux")
                .args(["-L", &s.socket, "capture-pane", "-p", "-J"])
                .output()
                .unwrap();
            assert!(
                String::from_utf8_lossy(&joined.stdout).contains(&long),
                "-o wide prints the whole name"
            );
        }
        // dlq inspect, a replay's report, a drain's dry run, orphans
        if cols == 80 {
            let dlq = format!("it.term.dlqi.{pid:07}");
            let dest = format!("it.term.dlqi.dest.{pid:07}");
            crate::support::create_topics(&addr, &[(&dlq, 1), (&dest, 1)]);
            crate::support::Evctl::new()
                .args(["-b", b, "publish", &dlq])
                .args(["-H", "kafka_dlt-exception-fqcn=com.example.billing.invoices.InvoiceRecalculationFailedException"])
                .args(["-H", "kafka_dlt-exception-message=could not recalculate the invoice lines: the tax service answered 503 Service Unavailable after 3 attempts"])
                .args(["-H", &format!("kafka_dlt-original-topic={long}")])
                .stdin("a\nb\n")
                .run()
                .expect_code(0);
            DLQ.with(|d| *d.borrow_mut() = Some((dlq, dest)));
        }
        let (dlq, dest) = DLQ.with(|d| d.borrow().clone()).unwrap();
        let s = Screen::run(cols, 30, &home, &[], &["-b", b, "dlq", "inspect", &dlq]);
        assert_eq!(s.exit_code(Duration::from_secs(30)), 0);
        assert_table(&s.text(), "COUNT", 1, cols);
        if cols == 80 {
            insta::assert_snapshot!("dlq_inspect_80", redact(&s.text(), pid));
        }
        let s = Screen::run(
            cols,
            30,
            &home,
            &[],
            &["-b", b, "dlq", "replay", &dlq, "--to", &dest, "--dry-run"],
        );
        assert_eq!(s.exit_code(Duration::from_secs(30)), 0);
        assert_table(&s.text(), "DESTINATION", 1, cols);
        if cols == 80 {
            insta::assert_snapshot!("dlq_replay_dry_run_80", redact(&s.text(), pid));
        }
        let s = Screen::run(
            cols,
            30,
            &home,
            &[],
            &[
                "-b",
                b,
                "dlq",
                "drain",
                &dlq,
                "--group",
                &group,
                "--dry-run",
            ],
        );
        assert_eq!(s.exit_code(Duration::from_secs(30)), 0);
        assert_table(&s.text(), "PARTITION", 1, cols);
        if cols == 80 {
            insta::assert_snapshot!("dlq_drain_dry_run_80", redact(&s.text(), pid));
        }
        let spec = home.join("orphans.yaml");
        std::fs::write(&spec, "topics:\n  - name: nothing-else\n").unwrap();
        let s = Screen::run(
            cols,
            400,
            &home,
            &[],
            &["-b", b, "orphans", spec.to_str().unwrap()],
        );
        let code = s.exit_code(Duration::from_secs(30));
        assert!(code == 0 || code == 3, "{}", s.text());
        assert_table(&s.text(), "TOPIC", 1, cols);
        // the members of a live group (kcat's consumer): their table lines up too
        if cols == 80 {
            let live = format!("it-term-live-{pid:07}");
            let mut kcat = Command::new("kcat")
                .args([
                    "-b",
                    b,
                    "-G",
                    &live,
                    "-q",
                    "-X",
                    "client.id=it-term-member-with-a-long-client-id",
                    &long,
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("kcat");
            let deadline = Instant::now() + Duration::from_secs(30);
            loop {
                let s = Screen::run(cols, 40, &home, &[], &["-b", b, "lag", &live]);
                s.exit_code(Duration::from_secs(30));
                let t = s.text();
                // once the member owns its partitions (not while the group rebalances)
                if t.contains("MEMBER-ID") && t.contains("state Stable") && t.contains("TOPIC") {
                    assert_table(&t, "MEMBER-ID", 1, cols);
                    assert_table(&t, "TOPIC", 3, cols);
                    break;
                }
                assert!(
                    Instant::now() < deadline,
                    "kcat's member never showed:\n{t}"
                );
                std::thread::sleep(Duration::from_millis(500));
            }
            let _ = kcat.kill();
            let _ = kcat.wait();
        }
        // config list and show
        let cfg = home.join(".config/evctl");
        std::fs::create_dir_all(&cfg).unwrap();
        std::fs::write(
            cfg.join("config.yaml"),
            format!("current_context: it\ncontexts:\n  it:\n    brokers: [{b}]\n  a-context-with-a-rather-long-name-for-the-staging-cluster:\n    brokers: [kafka-1.staging.internal.example:9093, kafka-2.staging.internal.example:9093, kafka-3.staging.internal.example:9093]\n    sasl: {{mechanism: SCRAM-SHA-512, username: ops, password_env: X}}\n"),
        )
        .unwrap();
        let s = Screen::run(cols, 30, &home, &[], &["config", "list"]);
        assert_eq!(s.exit_code(Duration::from_secs(30)), 0);
        assert_table(&s.text(), "CURRENT", 2, cols);
        if cols == 80 {
            insta::assert_snapshot!("config_list_80", redact(&s.text(), pid));
        }
        let s = Screen::run(cols, 30, &home, &[], &["config", "show"]);
        assert_eq!(s.exit_code(Duration::from_secs(30)), 0);
        assert_table(&s.text(), "SETTING", 3, cols);
        if cols == 80 {
            insta::assert_snapshot!("config_show_80", redact(&s.text(), pid));
        }
        std::fs::remove_file(cfg.join("config.yaml")).unwrap();
        // colour: the header is bold, and NO_COLOR gives the same layout without escapes
        let s = Screen::run(cols, 30, &home, &[], &["-b", b, "lag", &group]);
        s.exit_code(Duration::from_secs(30));
        let colored = s.text();
        assert!(s.styled().contains("\x1b[1m"), "bold header on a terminal");
        let s = Screen::run(
            cols,
            30,
            &home,
            &[("NO_COLOR", "1")],
            &["-b", b, "lag", &group],
        );
        s.exit_code(Duration::from_secs(30));
        assert!(!s.styled().contains("\x1b[1m"), "NO_COLOR: no styling");
        let strip = |t: &str| redact(t, pid);
        assert_eq!(
            strip(&s.text()).lines().nth(1),
            strip(&colored).lines().nth(1),
            "the same layout with and without colour"
        );
    }
}
crate::on_kafka!(tables_fit_and_align);

fn prompts_progress_watch_and_ctrl_c(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    if !tmux_available(test) {
        return;
    }
    let pid = std::process::id();
    let (_h, home) = home();
    let b = addr.as_str();
    let dir = tempfile::tempdir().unwrap();

    // apply asks; n changes nothing, y applies
    let topic = format!("it.term.prompt.{pid}");
    let spec = dir.path().join("t.yaml");
    std::fs::write(&spec, kind_topic_yaml(kind, &topic)).unwrap();
    let spec_s = spec.to_str().unwrap();
    let s = Screen::run(100, 30, &home, &[], &["-b", b, "apply", spec_s]);
    s.wait_for("Apply these changes", Duration::from_secs(30));
    s.keys(&["n"]);
    assert_eq!(s.exit_code(Duration::from_secs(30)), 0);
    let plan = crate::support::Evctl::new()
        .args(["-b", b, "plan", spec_s, "--detailed-exitcode"])
        .run();
    assert_eq!(plan.code, 3, "n applied nothing: {}", plan.stdout);
    let s = Screen::run(100, 30, &home, &[], &["-b", b, "apply", spec_s]);
    s.wait_for("Apply these changes", Duration::from_secs(30));
    s.keys(&["y"]);
    assert_eq!(s.exit_code(Duration::from_secs(30)), 0);
    assert!(
        s.text().contains("Applied 1 of 1 change(s)."),
        "{}",
        s.text()
    );
    crate::support::Evctl::new()
        .args(["-b", b, "plan", spec_s, "--detailed-exitcode"])
        .run()
        .expect_code(0);

    // dlq replay on a terminal shows its routing table and asks
    let (dlq, dest) = (format!("it.term.dlq.{pid}"), format!("it.term.dest.{pid}"));
    crate::support::create_topics(&addr, &[(&dlq, 1), (&dest, 1)]);
    publish(&addr, &dlq, "x\ny\n");
    let s = Screen::run(
        120,
        30,
        &home,
        &[],
        &["-b", b, "dlq", "replay", &dlq, "--to", &dest],
    );
    let t = s.wait_for("Replay 2 record(s)", Duration::from_secs(30));
    assert!(t.contains("DESTINATION") && t.contains(&dest), "{t}");
    s.keys(&["y"]);
    assert_eq!(s.exit_code(Duration::from_secs(30)), 0);

    // publish's progress bar leaves one clean summary line
    let file = dir.path().join("records.txt");
    std::fs::write(
        &file,
        (0..200_000).map(|i| format!("r{i}\n")).collect::<String>(),
    )
    .unwrap();
    let s = Screen::run(
        100,
        20,
        &home,
        &[],
        &["-b", b, "publish", &topic, "--file", file.to_str().unwrap()],
    );
    assert_eq!(s.exit_code(Duration::from_secs(60)), 0);
    let t = s.joined();
    let lines: Vec<&str> = t.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(
        lines[0].starts_with("published 200000 records"),
        "the summary is the first line, no bar left:\n{t}"
    );
    assert_eq!(lines.len(), 2, "summary and exit only:\n{t}");

    // lag --watch redraws in place: one header in all the window ever showed
    let group = format!("it-term-watch-{pid}");
    crate::support::Evctl::new()
        .args([
            "-b", b, "tail", &topic, "--group", &group, "--from", "start", "-n", "5", "-o", "raw",
        ])
        .run()
        .expect_code(0);
    let s = Screen::run(
        100,
        20,
        &home,
        &[],
        &["-b", b, "lag", &group, "--watch", "500ms"],
    );
    s.wait_for("evctl lag every", Duration::from_secs(30));
    std::thread::sleep(Duration::from_secs(3));
    let all = s.history();
    assert_eq!(
        all.matches("evctl lag every").count(),
        1,
        "redrawn in place, not scrolled:\n{all}"
    );
    s.keys(&["C-c"]);
    assert_eq!(s.exit_code(Duration::from_secs(30)), 130);

    // tail -f: records with escape sequences stay text; Ctrl-C prints the summary and exits 130
    let ttopic = format!("it.term.tail.{pid}");
    crate::support::create_topics(&addr, &[(&ttopic, 1)]);
    let s = Screen::run(120, 30, &home, &[], &["-b", b, "tail", &ttopic]);
    s.wait_for("tailing", Duration::from_secs(30));
    publish(
        &addr,
        &ttopic,
        "plain\n\x1b[31mRED\x1b[0m \x1b]0;pwned\x07 \u{202e}txet\n",
    );
    let t = s.wait_for("RED", Duration::from_secs(30));
    assert!(
        t.contains("\\u{1b}[31mRED"),
        "the escape is shown as text:\n{t}"
    );
    assert!(
        t.contains("\\u{202e}"),
        "bidi controls are shown as text:\n{t}"
    );
    assert!(
        !s.styled().contains("\x1b[31m"),
        "the record did not colour the screen"
    );
    s.keys(&["C-c"]);
    assert_eq!(s.exit_code(Duration::from_secs(30)), 130);
    assert!(s.text().contains("2 records printed"), "{}", s.text());
}
crate::on_kafka!(prompts_progress_watch_and_ctrl_c);

fn kind_topic_yaml(kind: Kind, topic: &str) -> String {
    format!("topics:\n{}", kind.topic_yaml(topic, 1, ""))
}
