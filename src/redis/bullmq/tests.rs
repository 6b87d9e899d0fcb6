use redis::Value;

use super::job::Job;
use super::*;

fn queue() -> Queue {
    Queue {
        prefix: "bull".into(),
        name: "emails".into(),
        version: Some("bullmq:6.7.6".into()),
        layout: Ok(Layout::V6),
        paused: false,
        concurrency: None,
        addr: "127.0.0.1:6379".into(),
    }
}

fn hash(fields: &[(&str, &str)]) -> Value {
    Value::Array(
        fields
            .iter()
            .flat_map(|(k, v)| {
                [
                    Value::BulkString(k.as_bytes().to_vec()),
                    Value::BulkString(v.as_bytes().to_vec()),
                ]
            })
            .collect(),
    )
}

#[test]
fn versions_and_layouts() {
    assert_eq!(Layout::of_version(Some("bullmq:5.81.5")), Ok(Layout::V5));
    assert_eq!(Layout::of_version(Some("bullmq:6.0.0")), Ok(Layout::V6));
    let e = Layout::of_version(Some("bullmq:7.1.0")).unwrap_err();
    assert!(
        e.contains("bullmq 7.1.0") && e.contains("does not know"),
        "{e}"
    );
    assert!(
        Layout::of_version(Some("bullmq-pro:7.3.0"))
            .unwrap_err()
            .contains("not bullmq's")
    );
    assert!(
        Layout::of_version(None)
            .unwrap_err()
            .contains("no version field")
    );
    let mut q = queue();
    q.layout = Layout::of_version(Some("bullmq:4.0.0"));
    let e = q.writable().unwrap_err();
    assert_eq!(
        crate::error::status_for(&e),
        crate::error::ExitStatus::CheckFailed
    );
    assert!(e.to_string().contains("nothing was written"), "{e}");
}

#[test]
fn keys_targets_and_states() {
    let q = queue();
    assert_eq!(q.key("failed"), "bull:emails:failed");
    assert_eq!(q.base(), "bull:emails:");
    assert_eq!(q.target(), "bullmq:emails");
    assert_eq!(target("bullmq:emails"), Some("emails"));
    assert_eq!(target("orders"), None);
    assert_eq!(state("wait").unwrap().1, "wait");
    assert_eq!(state("failed").unwrap().2, Kind::Zset);
    assert!(
        state("done")
            .unwrap_err()
            .to_string()
            .contains("one of waiting")
    );
    assert!(check_name("a:b").is_err());
    assert_eq!(glob_escape("{bull}*"), "{bull}\\*");
    assert!(has_hash_tag("{bull}") && has_hash_tag("app:{jobs}"));
    assert!(!has_hash_tag("bull") && !has_hash_tag("{}x") && !has_hash_tag("}{"));
}

#[test]
fn job_hash_fields() {
    let q = queue();
    let j = Job::parse(
        &q,
        "7",
        &hash(&[
            ("name", "send"),
            ("data", r#"{"to":"a@b"}"#),
            ("opts", r#"{"attempts":3,"kl":10,"lifo":true}"#),
            ("timestamp", "1000"),
            ("finishedOn", "2000"),
            ("atm", "3"),
            ("failedReason", "timeout"),
            ("stacktrace", r#"["Error: timeout\n at x"]"#),
            ("priority", "0"),
        ]),
    )
    .unwrap()
    .unwrap();
    assert_eq!(j.name, "send");
    assert_eq!(j.data["to"], "a@b");
    assert_eq!(j.opts["keepLogs"], 10);
    assert_eq!(j.opts["lifo"], true);
    assert_eq!((j.attempts_made, j.attempts_allowed), (3, 3));
    assert_eq!(j.when(), 2000);
    assert_eq!(j.stacktrace, vec!["Error: timeout\n at x".to_string()]);
    // the legacy field, and data that is not JSON
    let j = Job::parse(
        &q,
        "8",
        &hash(&[
            ("name", "n"),
            ("data", "not json"),
            ("opts", "{}"),
            ("timestamp", "5"),
            ("attemptsMade", "2"),
        ]),
    )
    .unwrap()
    .unwrap();
    assert_eq!(j.data, serde_json::Value::String("not json".into()));
    assert_eq!((j.attempts_made, j.attempts_allowed), (2, 1));
    assert!(
        Job::parse(&q, "9", &Value::Array(vec![]))
            .unwrap()
            .is_none()
    );
    let e = Job::parse(&q, "9", &hash(&[("name", "x"), ("timestamp", "1")])).unwrap_err();
    assert_eq!(
        e,
        "bull:emails:9 has no data, opts fields: not a job the library wrote"
    );
}

#[test]
fn selection_filters() {
    let q = queue();
    let job = |name: &str, reason: &str, finished: i64| Job {
        id: "1".into(),
        name: name.into(),
        data: serde_json::json!({"tenant": "t1"}),
        failed_reason: Some(reason.into()),
        finished_on: Some(finished),
        ..Job::default()
    };
    let sel = list::Select {
        state: "failed".into(),
        names: vec!["send-*".into()],
        reason: Some(regex::Regex::new("^timeout").unwrap()),
        since: Some(100),
        until: Some(200),
        ..list::Select::default()
    };
    assert!(sel.matches(&q, &job("send-mail", "timeout after 5s", 150)));
    assert!(!sel.matches(&q, &job("resize", "timeout", 150)));
    assert!(!sel.matches(&q, &job("send-mail", "refused", 150)));
    assert!(!sel.matches(&q, &job("send-mail", "timeout", 200)));
    let filter = crate::record::filter::Filter::new(&crate::record::filter::FilterSpec {
        where_expr: Some(".tenant == \"t2\"".into()),
        ..Default::default()
    })
    .unwrap();
    let sel = list::Select {
        filter: Some(filter),
        ..list::Select::default()
    };
    assert!(!sel.matches(&q, &job("send-mail", "x", 1)));
}
