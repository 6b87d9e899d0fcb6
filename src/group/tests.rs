use super::*;

fn known(start: i64, end: i64, current: Option<i64>) -> Known {
    Known {
        log_start: start,
        log_end: end,
        current,
        ..Known::default()
    }
}

#[test]
fn targets_resolve_and_clamp() {
    let k = known(5, 20, Some(12));
    let r = |t: Target, k: &Known| resolve(&t, k);
    assert_eq!(r(Target::Earliest, &k), Ok((5, None)));
    assert_eq!(r(Target::Latest, &k), Ok((20, None)));
    assert_eq!(r(Target::Offset(7), &k), Ok((7, None)));
    assert_eq!(
        r(Target::Offset(2), &k),
        Ok((5, Some(Mark::ClampedToStart)))
    );
    assert_eq!(
        r(Target::Offset(99), &k),
        Ok((20, Some(Mark::ClampedToEnd)))
    );
    assert_eq!(r(Target::ShiftBy(-3), &k), Ok((9, None)));
    assert_eq!(
        r(Target::ShiftBy(-30), &k),
        Ok((5, Some(Mark::ClampedToStart)))
    );
    assert_eq!(
        r(Target::ShiftBy(100), &k),
        Ok((20, Some(Mark::ClampedToEnd)))
    );
    assert_eq!(
        r(Target::ShiftBy(i64::MAX), &k),
        Ok((20, Some(Mark::ClampedToEnd)))
    );
    assert!(r(Target::ShiftBy(1), &known(0, 5, None)).is_err());
    assert_eq!(r(Target::Current, &k), Ok((12, None)));
    assert_eq!(
        r(Target::Current, &known(0, 9, None)),
        Ok((9, Some(Mark::NoCommit)))
    );
    // a commit below the log start (records deleted): --to-current moves it up to the start
    assert_eq!(
        r(Target::Current, &known(5, 9, Some(1))),
        Ok((5, Some(Mark::ClampedToStart)))
    );
    let timed = Known {
        at_time: Some(8),
        ..k
    };
    assert_eq!(r(Target::Time(0), &timed), Ok((8, None)));
    assert_eq!(
        r(Target::Time(0), &k),
        Ok((20, Some(Mark::AfterLastRecord)))
    );
    let given = Known {
        given: Some(3),
        ..k
    };
    assert_eq!(
        r(Target::Group("o".into()), &given),
        Ok((5, Some(Mark::ClampedToStart)))
    );
}

#[test]
fn rows_count_changes_and_lag() {
    let k = known(0, 20, Some(12));
    let row = Row::new(&("t".into(), 1), &k, (4, None));
    assert_eq!((row.lag_before, row.lag_after), (Some(8), 16));
    assert!(row.changes());
    let same = Row::new(&("t".into(), 2), &k, (12, None));
    assert!(!same.changes());
    let fresh = Row::new(
        &("t".into(), 3),
        &known(0, 20, None),
        (20, Some(Mark::NoCommit)),
    );
    assert!(fresh.changes());
    assert_eq!(fresh.lag_before, None);
    let plan = ResetPlan::new(
        "g",
        Liveness::default(),
        &Target::Latest,
        vec![row, same, fresh],
    );
    assert_eq!(plan.changes, 2);
    assert_eq!(
        plan.commits(),
        vec![(("t".to_string(), 1), 4), (("t".to_string(), 3), 20)]
    );
    assert_eq!(
        plan.warnings(),
        vec!["t/3: no committed offset: log end (20)"]
    );
    assert_eq!(plan.first_commits(), vec!["--topic t:3"]);
}

#[test]
fn topic_scopes() {
    assert_eq!(
        TopicScope::parse("orders").unwrap(),
        TopicScope {
            topic: "orders".into(),
            partitions: None
        }
    );
    assert_eq!(
        TopicScope::parse("orders:0,2").unwrap().partitions,
        Some(vec![0, 2])
    );
    assert!(TopicScope::parse(":1").is_err());
    assert!(TopicScope::parse("t:").is_err());
    assert!(TopicScope::parse("t:x").is_err());
    let scope = Scope {
        topics: vec![
            TopicScope::parse("a:1").unwrap(),
            TopicScope::parse("b").unwrap(),
        ],
        all_topics: false,
    };
    assert!(scope.names(&("a".into(), 1)));
    assert!(!scope.names(&("a".into(), 0)));
    assert!(scope.names(&("b".into(), 7)));
}

#[test]
fn a_live_group_is_refused_naming_its_members() {
    let member = |id: &str, host: &str| Member {
        member_id: id.into(),
        client_id: "console-consumer".into(),
        host: host.into(),
        instance_id: None,
        assignment: vec![],
        pending: None,
        idle_ms: None,
        inactive_ms: None,
        stream: None,
    };
    let mut l = Liveness {
        exists: true,
        group_type: "consumer".into(),
        state: "Stable".into(),
        members: vec![],
    };
    assert_eq!(l.refusal("g"), None);
    l.members = vec![member("m-1", "/127.0.0.1"), member("m-2", "/10.0.0.2")];
    assert_eq!(
        l.refusal("g").unwrap(),
        "group g is in use (consumer protocol, state Stable): 2 member(s): m-1 (client console-consumer, host 127.0.0.1), m-2 (client console-consumer, host 10.0.0.2); its offsets can only change while it has no members"
    );
}

#[test]
fn plan_table() {
    let rows = vec![
        Row::new(&("orders".into(), 0), &known(0, 10, Some(10)), (3, None)),
        Row::new(
            &("orders".into(), 1),
            &known(4, 10, None),
            (4, Some(Mark::ClampedToStart)),
        ),
        Row::new(&("orders".into(), 2), &known(0, 10, Some(3)), (3, None)),
    ];
    let live = Liveness {
        exists: true,
        group_type: "classic".into(),
        state: "Empty".into(),
        members: vec![],
    };
    let mut plan = ResetPlan::new("billing", live, &Target::Offset(3), rows);
    let s = crate::output::Styles {
        color: false,
        width: None,
    };
    use crate::output::Render;
    insta::assert_snapshot!("reset_plan", plan.table(&s));
    plan.executed = true;
    plan.partitions[0].result = Some(COMMITTED.into());
    plan.partitions[1].result = Some("not authorized".into());
    plan.partitions[2].result = Some(UNCHANGED.into());
    assert_eq!(plan.failed(), 1);
    insta::assert_snapshot!("reset_done", plan.table(&s));
}
