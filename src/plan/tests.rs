use super::*;

fn entry(name: &str, value: &str, source: ConfigSource) -> ConfigEntry {
    ConfigEntry {
        name: name.into(),
        value: Some(value.into()),
        source,
        read_only: false,
        sensitive: false,
    }
}

fn actual(
    name: &str,
    partitions: i32,
    rf: i16,
    configs: Vec<ConfigEntry>,
) -> (String, ActualTopic) {
    (
        name.to_string(),
        ActualTopic {
            name: name.into(),
            partitions,
            replication_factor: rf,
            internal: name.starts_with("__"),
            configs,
        },
    )
}

fn desired(
    name: &str,
    partitions: Option<i32>,
    rf: Option<i16>,
    configs: &[(&str, Desired)],
) -> DesiredTopic {
    DesiredTopic {
        name: name.into(),
        partitions,
        replication_factor: rf,
        configs: configs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    }
}

fn set(v: &str) -> Desired {
    Desired::Set(v.into())
}

fn run(d: &[DesiredTopic], a: Vec<(String, ActualTopic)>, opts: Options) -> Plan {
    let actual: BTreeMap<String, ActualTopic> = a.into_iter().collect();
    let own = Ownership {
        managed: &|t: &str| t.starts_with("app."),
        protected: &|t: &str| t.starts_with("__") || t.ends_with("-changelog"),
        ignored_config: &|k: &str| k.starts_with("confluent."),
    };
    plan(d, &actual, opts, &own, Capabilities::default())
}

#[test]
fn creates_missing_topics_with_their_configs() {
    let p = run(
        &[desired(
            "app.a",
            Some(12),
            Some(3),
            &[
                ("retention.ms", set("604800000")),
                ("segment.bytes", Desired::ClusterDefault),
            ],
        )],
        vec![],
        Options::default(),
    );
    assert_eq!(
        p.actions,
        vec![Action::CreateTopic {
            topic: "app.a".into(),
            partitions: 12,
            replication_factor: 3,
            configs: [("retention.ms".to_string(), "604800000".to_string())]
                .into_iter()
                .collect(),
        }]
    );
    // not given = cluster default
    let p = run(
        &[desired("app.b", None, None, &[])],
        vec![],
        Options::default(),
    );
    assert!(matches!(
        &p.actions[0],
        Action::CreateTopic {
            partitions: -1,
            replication_factor: -1,
            ..
        }
    ));
}

#[test]
fn equal_effective_value_is_no_change_whatever_its_source() {
    let a = actual(
        "app.a",
        6,
        3,
        vec![
            entry("retention.ms", "604800000", ConfigSource::DefaultConfig),
            entry(
                "cleanup.policy",
                "delete,compact",
                ConfigSource::DynamicTopicConfig,
            ),
        ],
    );
    let p = run(
        &[desired(
            "app.a",
            Some(6),
            Some(3),
            &[
                ("retention.ms", set("604800000")),
                ("cleanup.policy", set("compact,delete")),
            ],
        )],
        vec![a],
        Options::default(),
    );
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(p.in_sync_topics, 1);
}

#[test]
fn set_config_shows_old_value_and_source_and_marks_destructive() {
    let a = actual(
        "app.a",
        6,
        3,
        vec![
            entry(
                "retention.ms",
                "604800000",
                ConfigSource::DynamicTopicConfig,
            ),
            entry(
                "cleanup.policy",
                "compact",
                ConfigSource::DynamicTopicConfig,
            ),
        ],
    );
    let p = run(
        &[desired(
            "app.a",
            None,
            None,
            &[
                ("retention.ms", set("86400000")),
                ("cleanup.policy", set("delete")),
                ("max.message.bytes", set("2097152")),
            ],
        )],
        vec![a],
        Options::default(),
    );
    assert_eq!(p.actions.len(), 3);
    let find = |k: &str| {
        p.actions
            .iter()
            .find(|a| matches!(a, Action::SetConfig { key, .. } if key == k))
            .unwrap()
    };
    assert!(
        matches!(find("retention.ms"), Action::SetConfig { from: Some(f), from_source: Some(ConfigSource::DynamicTopicConfig), to, destructive: Some(_), .. } if f == "604800000" && to == "86400000")
    );
    assert!(find("cleanup.policy").is_destructive());
    assert!(matches!(
        find("max.message.bytes"),
        Action::SetConfig {
            from: None,
            destructive: None,
            ..
        }
    ));
    // retention increase, or from infinite to finite
    assert_eq!(
        destructive_reason("retention.ms", Some("1000"), "2000"),
        None
    );
    assert!(destructive_reason("retention.ms", Some("-1"), "2000").is_some());
    assert_eq!(destructive_reason("retention.ms", Some("2000"), "-1"), None);
}

#[test]
fn partitions_increase_decrease_and_rf_change() {
    let a = actual("app.a", 6, 3, vec![]);
    let p = run(
        &[desired("app.a", Some(12), Some(3), &[])],
        vec![a.clone()],
        Options::default(),
    );
    assert_eq!(
        p.actions,
        vec![Action::AddPartitions {
            topic: "app.a".into(),
            from: 6,
            to: 12
        }]
    );
    let p = run(
        &[desired("app.a", Some(3), Some(1), &[])],
        vec![a.clone()],
        Options::default(),
    );
    // a replication-factor change is a reassignment (its moves are placed with the brokers)
    assert_eq!(
        p.actions,
        vec![Action::ChangeReplication {
            topic: "app.a".into(),
            from: 3,
            to: 1,
            moves: vec![]
        }]
    );
    let reasons: Vec<&str> = p.refusals.iter().map(|r| r.reason).collect();
    assert_eq!(reasons, ["partition_decrease"]);
    assert!(
        p.refusals[0]
            .message
            .contains("Kafka cannot remove partitions")
    );
    // without the reassignment APIs it is refused
    let actual: BTreeMap<String, ActualTopic> = vec![a.clone()].into_iter().collect();
    let own = Ownership {
        managed: &|_: &str| true,
        protected: &|_: &str| false,
        ignored_config: &|_: &str| false,
    };
    let caps = Capabilities {
        reassign: false,
        ..Capabilities::default()
    };
    let p = plan(
        &[desired("app.a", None, Some(1), &[])],
        &actual,
        Options::default(),
        &own,
        caps,
    );
    assert_eq!(p.refusals[0].reason, "replication_factor_change");
    assert!(
        p.refusals[0]
            .message
            .contains("AlterPartitionReassignments")
    );
    // -1 = cluster default: never a change
    assert!(
        run(
            &[desired("app.a", Some(-1), Some(-1), &[])],
            vec![a],
            Options::default()
        )
        .is_empty()
    );
}

#[test]
fn unset_only_owned_overrides() {
    let a = actual(
        "app.a",
        6,
        3,
        vec![
            entry("segment.bytes", "1048576", ConfigSource::DynamicTopicConfig),
            entry("min.insync.replicas", "2", ConfigSource::DynamicTopicConfig),
            entry(
                "confluent.tier.enable",
                "true",
                ConfigSource::DynamicTopicConfig,
            ),
            entry(
                "retention.ms",
                "604800000",
                ConfigSource::DynamicDefaultBrokerConfig,
            ),
        ],
    );
    let d = desired(
        "app.a",
        None,
        None,
        &[
            ("segment.bytes", Desired::ClusterDefault),
            ("retention.ms", Desired::ClusterDefault),
        ],
    );
    // -1 on an override unsets it; -1 on a broker default is no change; unlisted override: a warning
    let p = run(
        std::slice::from_ref(&d),
        vec![a.clone()],
        Options::default(),
    );
    assert_eq!(p.actions.len(), 1);
    assert!(matches!(&p.actions[0], Action::UnsetConfig { key, .. } if key == "segment.bytes"));
    assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
    assert!(p.warnings[0].contains("min.insync.replicas=2"));
    // --prune-configs removes it; ignored keys stay untouched
    let p = run(
        &[d],
        vec![a],
        Options {
            prune_configs: true,
            ..Options::default()
        },
    );
    let keys: Vec<&str> = p
        .actions
        .iter()
        .filter_map(|a| match a {
            Action::UnsetConfig { key, .. } => Some(key.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(keys, ["segment.bytes", "min.insync.replicas"]);
}

#[test]
fn prune_deletes_only_managed_unprotected_topics() {
    let topics = vec![
        actual("app.keep", 1, 1, vec![]),
        actual("app.old", 1, 1, vec![]),
        actual("app.stream-changelog", 1, 1, vec![]),
        actual("other.team", 1, 1, vec![]),
        actual("__consumer_offsets", 50, 1, vec![]),
    ];
    let d = [desired("app.keep", None, None, &[])];
    assert!(
        run(&d, topics.clone(), Options::default())
            .actions
            .is_empty(),
        "no prune without --prune"
    );
    let p = run(
        &d,
        topics,
        Options {
            prune: true,
            ..Options::default()
        },
    );
    assert_eq!(
        p.actions,
        vec![Action::DeleteTopic {
            topic: "app.old".into()
        }]
    );
    assert!(p.actions[0].is_destructive());
}

#[test]
fn missing_apis_are_refused_before_anything_runs() {
    let actual: BTreeMap<String, ActualTopic> =
        [actual("app.a", 3, 1, vec![])].into_iter().collect();
    let own = Ownership {
        managed: &|_: &str| true,
        protected: &|_: &str| false,
        ignored_config: &|_: &str| false,
    };
    let caps = Capabilities {
        create_partitions: false,
        alter_configs: false,
        ..Capabilities::default()
    };
    let p = plan(
        &[desired(
            "app.a",
            Some(6),
            None,
            &[("retention.ms", set("1"))],
        )],
        &actual,
        Options::default(),
        &own,
        caps,
    );
    assert!(p.actions.is_empty());
    assert_eq!(p.refusals.len(), 2);
    assert!(
        p.refusals[0]
            .message
            .contains("does not support CreatePartitions")
    );
    assert!(
        p.refusals[1]
            .message
            .contains("does not support IncrementalAlterConfigs")
    );
}

#[test]
fn rendering() {
    use super::render::{PlanDocument, human};
    assert_eq!(human("retention.ms", "604800000").as_deref(), Some("7d"));
    assert_eq!(human("retention.ms", "86400000").as_deref(), Some("1d"));
    assert_eq!(
        human("segment.bytes", "1073741824").as_deref(),
        Some("1GiB")
    );
    assert_eq!(human("retention.bytes", "-1").as_deref(), Some("infinite"));
    assert_eq!(human("cleanup.policy", "compact"), None);
    let a = actual(
        "app.a",
        6,
        3,
        vec![entry(
            "retention.ms",
            "604800000",
            ConfigSource::DynamicTopicConfig,
        )],
    );
    let p = run(
        &[
            desired(
                "app.a",
                Some(12),
                None,
                &[("retention.ms", set("86400000"))],
            ),
            desired(
                "app.b",
                Some(3),
                Some(1),
                &[("cleanup.policy", set("compact"))],
            ),
        ],
        vec![a],
        Options::default(),
    );
    let doc = PlanDocument::new(&p, Some("c1".into()));
    let text = crate::output::Render::table(&doc, &crate::output::Styles::PLAIN);
    assert_eq!(
        text,
        "~ app.a\n      partitions 6 → 12\n      retention.ms: 604800000 (7d) [DYNAMIC_TOPIC_CONFIG] → 86400000 (1d)\n        destructive: retention.ms decrease: data older or larger than the new limit is deleted\n+ app.b  create: partitions 3, replication factor 1\n      cleanup.policy = compact\nPlan: 1 to create, 2 to change, 0 to delete (1 destructive).\n"
    );
    let json = serde_json::to_value(&doc).unwrap();
    assert_eq!(json["format"], 1);
    assert_eq!(json["in_sync"], false);
    assert_eq!(json["summary"]["create"], 1);
    assert_eq!(json["actions"][0]["action"], "add_partitions");
    assert_eq!(json["actions"][1]["from_source"], "DYNAMIC_TOPIC_CONFIG");
}

#[test]
fn replication_changes_that_would_hurt_are_refused() {
    let a = actual("app.rf", 3, 1, vec![]);
    // more partitions at the same time: the new ones would be made at the old factor
    let p = run(
        &[desired("app.rf", Some(6), Some(3), &[])],
        vec![a.clone()],
        Options::default(),
    );
    assert!(
        p.refusals
            .iter()
            .any(|r| r.message.contains("apply the partitions first")),
        "{p:?}"
    );
    assert!(
        !p.actions
            .iter()
            .any(|a| matches!(a, Action::ChangeReplication { .. }))
    );
    // min.insync.replicas raised above the current factor before the replicas exist
    let two = [("min.insync.replicas", Desired::Set("2".into()))];
    let p = run(
        &[desired("app.rf", None, Some(3), &two)],
        vec![a.clone()],
        Options::default(),
    );
    assert_eq!(p.refusals[0].reason, "min_insync_above_rf");
    // below the new factor once the replicas exist: the raise waits for a later apply
    let one = [("min.insync.replicas", Desired::Set("1".into()))];
    let p = run(
        &[desired("app.rf", None, Some(3), &one)],
        vec![a],
        Options::default(),
    );
    assert!(p.refusals.is_empty(), "{p:?}");
    // a factor below min.insync.replicas
    let b = actual("app.rf", 3, 3, vec![]);
    let p = run(
        &[desired("app.rf", None, Some(1), &two)],
        vec![b],
        Options::default(),
    );
    assert_eq!(p.refusals[0].reason, "min_insync_above_rf");
}
