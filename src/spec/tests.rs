use std::path::{Path, PathBuf};
use std::time::Duration;

use super::*;

const FILE: &str = "topics.yaml";

fn no_env(_: &str) -> Option<String> {
    None
}

fn load_with(files: &[(&str, &str)], env: &[(&str, &str)]) -> Result<Spec, SpecError> {
    let env: Vec<(String, String)> = env
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let lookup = move |k: &str| env.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    load_texts(
        files
            .iter()
            .map(|(p, t)| (PathBuf::from(p), t.to_string()))
            .collect(),
        &lookup,
    )
}

#[track_caller]
fn ok(yaml: &str) -> Spec {
    match load_with(&[(FILE, yaml)], &[]) {
        Ok(s) => s,
        Err(e) => panic!("expected a valid spec, got:\n{e}"),
    }
}

/// Every problem as "file:line:col: message".
#[track_caller]
fn errors(yaml: &str) -> Vec<String> {
    errors_of(load_with(&[(FILE, yaml)], &[]))
}

#[track_caller]
fn errors_of(r: Result<Spec, SpecError>) -> Vec<String> {
    match r {
        Ok(_) => panic!("expected errors, the spec is valid"),
        Err(e) => e.errors.iter().map(|e| e.to_string()).collect(),
    }
}

/// The one problem of a spec, with its hint.
#[track_caller]
fn only_error(yaml: &str) -> (String, Option<String>) {
    let e = load_with(&[(FILE, yaml)], &[]).expect_err("expected an error");
    assert_eq!(e.errors.len(), 1, "expected one error, got:\n{e}");
    (e.errors[0].to_string(), e.errors[0].help.clone())
}

fn topic<'a>(spec: &'a Spec, name: &str) -> &'a TopicSpec {
    spec.topic(name)
        .unwrap_or_else(|| panic!("no topic {name}"))
}

fn cfg<'a>(spec: &'a Spec, name: &str, key: &str) -> Option<&'a ConfigValue> {
    topic(spec, name).configs.get(key)
}

fn set(s: &str) -> Option<ConfigValue> {
    Some(ConfigValue::Set(s.to_string()))
}

/// The Kafka string one `key: value` line of a topic's own fields resolves to.
fn one(field_line: &str, key: &str) -> Option<ConfigValue> {
    let spec = ok(&format!("topics:\n  - name: t\n    {field_line}\n"));
    cfg(&spec, "t", key).cloned()
}

// ---------------------------------------------------------------- units and normalisation

#[test]
fn durations_in_every_unit() {
    for (v, ms) in [
        ("500ms", "500"),
        ("90s", "90000"),
        ("5m", "300000"),
        ("12h", "43200000"),
        ("7d", "604800000"),
        ("2w", "1209600000"),
        ("365d", "31536000000"),
    ] {
        assert_eq!(
            one(&format!("retention: {v}"), "retention.ms"),
            set(ms),
            "{v}"
        );
        assert_eq!(
            one(&format!("configs: {{segment.ms: {v}}}"), "segment.ms"),
            set(ms),
            "{v}"
        );
    }
    // `.ms` keys take bare integers as milliseconds (the key says the unit)
    assert_eq!(
        one(
            "configs: {delete.retention.ms: 86400000}",
            "delete.retention.ms"
        ),
        set("86400000")
    );
    assert_eq!(
        one("configs: {segment.ms: \"3600000\"}", "segment.ms"),
        set("3600000")
    );
}

#[test]
fn sizes_in_every_unit() {
    for (v, bytes) in [
        ("1048576", "1048576"),
        ("10B", "10"),
        ("1KB", "1000"),
        ("100MB", "100000000"),
        ("2GB", "2000000000"),
        ("1TB", "1000000000000"),
        ("64KiB", "65536"),
        ("512MiB", "536870912"),
        ("1GiB", "1073741824"),
        ("2TiB", "2199023255552"),
    ] {
        assert_eq!(
            one(&format!("retention_bytes: {v}"), "retention.bytes"),
            set(bytes),
            "{v}"
        );
    }
    assert_eq!(
        one("max_message_bytes: 1MiB", "max.message.bytes"),
        set("1048576")
    );
    assert_eq!(
        one("configs: {segment.bytes: 512MiB}", "segment.bytes"),
        set("536870912")
    );
    assert_eq!(
        one(
            "configs: {segment.index.bytes: 10485760}",
            "segment.index.bytes"
        ),
        set("10485760")
    );
}

#[test]
fn minus_one_is_the_cluster_default_and_infinite_is_kafkas_minus_one() {
    let spec = ok("\
topics:
  - name: t
    partitions: -1
    replication_factor: -1
    retention: -1
    retention_bytes: \"-1\"
    compression: -1
    configs: {segment.ms: -1, flush.messages: -1}
  - name: forever
    retention: infinite
    retention_bytes: unlimited
    configs: {local.retention.ms: Infinite, local.retention.bytes: UNLIMITED}
");
    let t = topic(&spec, "t");
    assert_eq!(t.partitions, Some(-1));
    assert_eq!(t.replication_factor, Some(-1));
    for key in [
        "retention.ms",
        "retention.bytes",
        "compression.type",
        "segment.ms",
        "flush.messages",
    ] {
        assert_eq!(
            t.configs.get(key),
            Some(&ConfigValue::ClusterDefault),
            "{key}"
        );
    }
    let f = topic(&spec, "forever");
    for key in [
        "retention.ms",
        "retention.bytes",
        "local.retention.ms",
        "local.retention.bytes",
    ] {
        assert_eq!(f.configs.get(key), set("-1").as_ref(), "{key}");
    }
    // not given anywhere: absent, not the cluster default
    assert_eq!(f.partitions, None);
    assert_eq!(f.replication_factor, None);
    assert!(!f.configs.contains_key("compression.type"));
    // infinite is only for durations and sizes: elsewhere it is just a (wrong) value
    assert!(
        errors("topics:\n  - {name: t, compression: infinite}\n")[0]
            .contains("unknown compression `infinite`")
    );
}

#[test]
fn scalars_and_lists_become_kafka_strings() {
    let spec = ok("\
topics:
  - name: t
    cleanup_policy: [compact, delete]
    configs:
      unclean.leader.election.enable: false
      preallocate: TRUE
      min.cleanable.dirty.ratio: 0.10
      flush.messages: 10000
      message.timestamp.type: LogAppendTime
      follower.replication.throttled.replicas: [\"0:1\", \"1:2\"]
      confluent.placement.constraints: '{\"version\":1}'
  - name: u
    cleanup_policy: \"compact, delete\"
");
    assert_eq!(
        cfg(&spec, "t", "cleanup.policy"),
        set("compact,delete").as_ref()
    );
    assert_eq!(
        cfg(&spec, "t", "unclean.leader.election.enable"),
        set("false").as_ref()
    );
    assert_eq!(cfg(&spec, "t", "preallocate"), set("true").as_ref());
    assert_eq!(
        cfg(&spec, "t", "min.cleanable.dirty.ratio"),
        set("0.1").as_ref()
    );
    assert_eq!(cfg(&spec, "t", "flush.messages"), set("10000").as_ref());
    assert_eq!(
        cfg(&spec, "t", "follower.replication.throttled.replicas"),
        set("0:1,1:2").as_ref()
    );
    assert_eq!(
        cfg(&spec, "t", "confluent.placement.constraints"),
        set("{\"version\":1}").as_ref()
    );
    assert_eq!(
        cfg(&spec, "u", "cleanup.policy"),
        set("compact,delete").as_ref()
    );
}

#[test]
fn bad_units_are_errors_at_the_value() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "retention: 7x",
            "topics.yaml:3:16: `retention`: invalid duration \"7x\": unknown unit \"x\" (use ms, s, m, h, d or w)",
            "",
        ),
        (
            "retention: 7",
            "topics.yaml:3:16: `retention` needs a unit: 7 what? (e.g. 7d or 7h)",
            "",
        ),
        (
            "retention: 1.5",
            "topics.yaml:3:16: `retention` expects a duration like 7d, found a number with a fraction",
            "",
        ),
        (
            "retention: 1.5d",
            "topics.yaml:3:16: `retention`: invalid duration \"1.5d\": use a whole number in a smaller unit (e.g. 36h, not 1.5d)",
            "",
        ),
        (
            "retention: true",
            "topics.yaml:3:16: `retention` expects a duration like 7d, found a boolean",
            "",
        ),
        (
            "retention_bytes: 1.5GiB",
            "topics.yaml:3:22: `retention_bytes`: invalid size \"1.5GiB\": use a whole number in a smaller unit (e.g. 1536MiB, not 1.5GiB)",
            "",
        ),
        (
            "max_message_bytes: 1XB",
            "topics.yaml:3:24: `max_message_bytes`: invalid size \"1XB\": unknown unit \"XB\" (use B, KB, MB, GB, TB, KiB, MiB, GiB or TiB)",
            "",
        ),
        (
            "configs: {segment.ms: soon}",
            "topics.yaml:3:27: `segment.ms`: invalid duration \"soon\": expected a number and a unit, like 10s, 500ms, 5m, 12h or 7d",
            "",
        ),
        // a unit on a key that takes none
        (
            "min_insync_replicas: 2d",
            "topics.yaml:3:26: `min_insync_replicas` takes no unit, but `2d` has one",
            "only durations",
        ),
        (
            "configs: {flush.messages: 5m}",
            "topics.yaml:3:31: `flush.messages` takes no unit, but `5m` has one",
            "",
        ),
        (
            "partitions: 12k",
            "topics.yaml:3:17: `partitions` expects a whole number, found a string",
            "",
        ),
        (
            "partitions: 1KB",
            "topics.yaml:3:17: `partitions` takes no unit, but `1KB` has one",
            "",
        ),
    ];
    for (line, want, help) in cases {
        let (got, got_help) = only_error(&format!("topics:\n  - name: t\n    {line}\n"));
        assert_eq!(&got, want, "{line}");
        if !help.is_empty() {
            assert!(got_help.unwrap_or_default().contains(help), "{line}");
        }
    }
}

#[test]
fn overflow_is_an_error() {
    let cases: &[(&str, &str)] = &[
        (
            "configs: {segment.bytes: 4GiB}",
            "topics.yaml:3:30: `segment.bytes`: 4GiB is too large",
        ),
        (
            "max_message_bytes: 2147483648",
            "topics.yaml:3:24: `max_message_bytes`: 2147483648 is too large",
        ),
        (
            "retention_bytes: 99999999999999999999",
            "topics.yaml:3:22: `retention_bytes`: 99999999999999999999 is too large",
        ),
        (
            "retention_bytes: 20000000TiB",
            "topics.yaml:3:22: `retention_bytes`: invalid size \"20000000TiB\": too large",
        ),
        (
            "retention: 99999999999999w",
            "topics.yaml:3:16: `retention`: invalid duration \"99999999999999w\": too large",
        ),
        (
            "retention: 15250284453w",
            "topics.yaml:3:16: `retention`: 15250284453w is too large",
        ),
        (
            "configs: {segment.ms: 99999999999999999999}",
            "topics.yaml:3:27: `segment.ms`: 99999999999999999999 is too large",
        ),
        (
            "partitions: 3000000000",
            "topics.yaml:3:17: `partitions`: 3000000000 is too large (at most 2147483647)",
        ),
        (
            "replication_factor: 40000",
            "topics.yaml:3:25: `replication_factor`: 40000 is too large (at most 32767)",
        ),
    ];
    for (line, want) in cases {
        let (got, _) = only_error(&format!("topics:\n  - name: t\n    {line}\n"));
        assert_eq!(&got, want, "{line}");
    }
    // the largest that fit
    assert_eq!(
        one("max_message_bytes: 2147483647", "max.message.bytes"),
        set("2147483647")
    );
    let (e, _) = only_error("topics:\n  - name: t\n    retention_bytes: 8EiB\n");
    assert!(e.contains("unknown unit \"EiB\""), "{e}");
}

#[test]
fn values_of_well_known_keys_are_checked() {
    for (line, want) in [
        (
            "cleanup_policy: [compact, archive]",
            "topics.yaml:3:21: `cleanup_policy`: unknown cleanup policy `archive`",
        ),
        (
            "configs: {message.timestamp.type: Now}",
            "topics.yaml:3:39: `message.timestamp.type`: unknown timestamp type `Now`",
        ),
        (
            "configs: {preallocate: maybe}",
            "topics.yaml:3:28: `preallocate` must be true or false, not `maybe`",
        ),
        (
            "configs: {min.cleanable.dirty.ratio: 1.5}",
            "topics.yaml:3:42: `min.cleanable.dirty.ratio` must be a number from 0 to 1, not `1.5`",
        ),
        (
            "min_insync_replicas: 0",
            "topics.yaml:3:26: `min_insync_replicas` must be a whole number of at least 1, not `0`",
        ),
        (
            "configs: {follower.replication.throttled.replicas: [[1]]}",
            "topics.yaml:3:57: `follower.replication.throttled.replicas`: list items must be single values, found a list",
        ),
        (
            "configs: {flush.messages: {a: 1}}",
            "topics.yaml:3:31: `flush.messages` expects a value or a list, found a mapping",
        ),
    ] {
        let (got, _) = only_error(&format!("topics:\n  - name: t\n    {line}\n"));
        assert_eq!(got, want, "{line}");
    }
}

#[test]
fn humanized_values() {
    assert_eq!(humanize("retention.ms", "604800000").as_deref(), Some("7d"));
    assert_eq!(humanize("retention.ms", "86400000").as_deref(), Some("1d"));
    assert_eq!(
        humanize("segment.bytes", "1073741824").as_deref(),
        Some("1GiB")
    );
    assert_eq!(
        humanize("retention.bytes", "-1").as_deref(),
        Some("infinite")
    );
    assert_eq!(humanize("cleanup.policy", "compact"), None);
    assert_eq!(humanize("segment.ms", "soon"), None);
}

// ---------------------------------------------------------------- precedence

const LAYERED: &str = "\
defaults:
  partitions: 6
  replication_factor: 3
  retention: 7d
  compression: zstd
  configs:
    segment.bytes: 1GiB
profiles:
  audit:
    retention: 365d
    min_insync_replicas: 2
    configs:
      segment.bytes: 512MiB
      unclean.leader.election.enable: false
topics:
  - name: plain
  - name: audited
    profile: audit
  - name: own
    profile: audit
    partitions: 12
    retention: 30d
    configs:
      segment.bytes: 256MiB
";

#[test]
fn precedence_is_defaults_then_profile_then_topic() {
    let spec = ok(LAYERED);
    assert_eq!(spec.profiles, vec!["audit".to_string()]);

    let plain = topic(&spec, "plain");
    assert_eq!(plain.partitions, Some(6));
    assert_eq!(plain.replication_factor, Some(3));
    assert_eq!(plain.profile, None);
    assert_eq!(plain.configs.get("retention.ms"), set("604800000").as_ref());
    assert_eq!(plain.configs.get("compression.type"), set("zstd").as_ref());
    assert_eq!(
        plain.configs.get("segment.bytes"),
        set("1073741824").as_ref()
    );
    assert_eq!(plain.configs.len(), 3);

    let audited = topic(&spec, "audited");
    assert_eq!(audited.profile.as_deref(), Some("audit"));
    assert_eq!(audited.partitions, Some(6));
    assert_eq!(
        audited.configs.get("retention.ms"),
        set("31536000000").as_ref()
    );
    assert_eq!(
        audited.configs.get("min.insync.replicas"),
        set("2").as_ref()
    );
    assert_eq!(
        audited.configs.get("segment.bytes"),
        set("536870912").as_ref()
    );
    assert_eq!(
        audited.configs.get("unclean.leader.election.enable"),
        set("false").as_ref()
    );
    assert_eq!(
        audited.configs.get("compression.type"),
        set("zstd").as_ref()
    );

    let own = topic(&spec, "own");
    assert_eq!(own.partitions, Some(12));
    assert_eq!(own.configs.get("retention.ms"), set("2592000000").as_ref());
    assert_eq!(own.configs.get("segment.bytes"), set("268435456").as_ref());
    assert_eq!(own.configs.get("min.insync.replicas"), set("2").as_ref());

    // where each value came from
    let src = |t: &TopicSpec, k: &str| {
        let p = &t.sources[k];
        (p.layer.clone(), p.origin.to_string())
    };
    assert_eq!(
        src(own, "partitions"),
        (Layer::Topic, "topics.yaml:21:17".into())
    );
    assert_eq!(
        src(own, "replication_factor"),
        (Layer::Defaults, "topics.yaml:3:23".into())
    );
    assert_eq!(
        src(own, "min.insync.replicas"),
        (Layer::Profile("audit".into()), "topics.yaml:11:26".into())
    );
    assert_eq!(
        src(own, "segment.bytes"),
        (Layer::Topic, "topics.yaml:24:22".into())
    );
    assert_eq!(own.origin.to_string(), "topics.yaml:19:11");
}

#[test]
fn a_key_given_both_ways_at_one_level_is_an_error() {
    assert_eq!(
        errors(
            "\
defaults:
  retention: 7d
  configs:
    retention.ms: 1d
topics:
  - name: t
    max_message_bytes: 1MiB
    configs: {max.message.bytes: 2MiB}
"
        ),
        vec![
            "topics.yaml:4:5: `retention.ms` is given twice in defaults: here and as `retention` on line 2",
            "topics.yaml:8:15: `max.message.bytes` is given twice in topic `t`: here and as `max_message_bytes` on line 7",
        ]
    );
    // at different levels it is an override, not a conflict
    let spec = ok("\
defaults: {retention: 7d}
topics:
  - name: t
    configs: {retention.ms: 1d}
");
    assert_eq!(cfg(&spec, "t", "retention.ms"), set("86400000").as_ref());
}

#[test]
fn first_class_names_and_topic_fields_do_not_belong_under_configs() {
    assert_eq!(
        errors("topics:\n  - name: t\n    configs: {retention: 7d, partitions: 3, Bad Key: 1}\n"),
        vec![
            "topics.yaml:3:15: `retention` is not a Kafka config key",
            "topics.yaml:3:30: `partitions` is not a topic config",
            "topics.yaml:3:45: `Bad Key` is not a valid config key",
        ]
    );
}

// ---------------------------------------------------------------- environment

#[test]
fn environment_variables_expand_in_values() {
    let spec = load_with(
        &[(
            FILE,
            "\
# ${NOT_EXPANDED_IN_COMMENTS}
defaults:
  partitions: ${PARTITIONS}
  replication_factor: ${RF:-3}
  retention: ${RETENTION:-7d}
topics:
  - name: ${ENV}.orders.v1
    configs:
      message.timestamp.type: \"${TS_TYPE:-CreateTime}\"
      confluent.tier.enable: ${TIERED}
",
        )],
        &[
            ("PARTITIONS", "12"),
            ("ENV", "prod"),
            ("RETENTION", ""),
            ("TIERED", "true"),
        ],
    );
    let spec = spec.unwrap_or_else(|e| panic!("{e}"));
    let t = topic(&spec, "prod.orders.v1");
    assert_eq!(
        t.partitions,
        Some(12),
        "a plain scalar is typed after expansion"
    );
    assert_eq!(t.replication_factor, Some(3), "the default");
    assert_eq!(
        t.configs.get("retention.ms"),
        set("604800000").as_ref(),
        "an empty variable takes the default"
    );
    assert_eq!(
        t.configs.get("message.timestamp.type"),
        set("CreateTime").as_ref()
    );
    assert_eq!(t.configs.get("confluent.tier.enable"), set("true").as_ref());
    // $$ is a literal $, and the name is then invalid
    let e = errors_of(load_with(&[(FILE, "topics:\n  - name: a$$b\n")], &[]));
    assert_eq!(
        e,
        vec![
            "topics.yaml:2:11: invalid character `$` in topic name `a$b`: Kafka allows only letters, digits, `.`, `_` and `-`"
        ]
    );
    let _ = spec;
}

#[test]
fn unset_variables_and_bad_references_are_errors_with_the_place() {
    let e = load_with(
        &[(
            FILE,
            "\
defaults:
  partitions: ${PARTITIONS}
topics:
  - name: x.${TEAM}.events
  - name: y
    retention: ${1BAD}
  - name: z
    retention: ${OPEN
",
        )],
        &[],
    )
    .unwrap_err();
    let shown: Vec<String> = e.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        shown,
        vec![
            "topics.yaml:2:15: environment variable PARTITIONS is not set",
            "topics.yaml:4:13: environment variable TEAM is not set",
            "topics.yaml:6:16: invalid variable reference `${1BAD}`: write ${VAR} or ${VAR:-default}",
            "topics.yaml:8:16: unclosed `${`: write ${VAR} or ${VAR:-default} ($$ for a literal $)",
        ],
        "one error per problem, none about the unexpanded text"
    );
    assert_eq!(
        e.errors[0].help.as_deref(),
        Some("set PARTITIONS, or give a default: ${PARTITIONS:-value}")
    );
    // the reference itself is underlined
    assert_eq!(e.errors[1].span().map(|r| r.len()), Some("${TEAM}".len()));
    // set but empty, without a default
    let e = errors_of(load_with(
        &[(FILE, "topics:\n  - name: ${TEAM}\n")],
        &[("TEAM", "")],
    ));
    assert_eq!(
        e,
        vec!["topics.yaml:2:11: environment variable TEAM is empty"]
    );
}

#[test]
fn a_quoted_variable_stays_a_string() {
    let e = errors_of(load_with(
        &[(FILE, "topics:\n  - name: t\n    partitions: \"${N}\"\n")],
        &[("N", "3")],
    ));
    assert_eq!(
        e,
        vec!["topics.yaml:3:17: `partitions` expects a whole number, found a string"]
    );
}

// ---------------------------------------------------------------- several files

const BASE: &str = "\
defaults:
  partitions: 3
  replication_factor: 3
  retention: 7d
profiles:
  audit: {retention: 365d, min_insync_replicas: 2}
managed:
  prefixes: [orders., payments.]
topics:
  - name: orders.created.v1
    partitions: 6
    configs:
      segment.bytes: 1GiB
      segment.ms: 1d
  - name: payments.settled.v1
    profile: audit
consumers:
  - {group: billing, topics: [payments.settled.v1], max_lag: 100}
";

const PROD: &str = "\
defaults:
  retention: 14d
profiles:
  audit: {configs: {retention.ms: 730d}}
managed:
  prefixes: [orders.]
topics:
  - name: orders.created.v1
    partitions: 24
    configs:
      segment.bytes: 512MiB
  - name: orders.audit.v1
    profile: audit
consumers:
  - {group: billing, max_time_lag: 5m}
";

#[test]
fn later_files_override_earlier_ones() {
    let spec = load_with(&[("base.yaml", BASE), ("prod.yaml", PROD)], &[])
        .unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = spec.topics.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "orders.created.v1",
            "payments.settled.v1",
            "orders.audit.v1"
        ],
        "topics merge by name; new ones are appended"
    );
    let created = topic(&spec, "orders.created.v1");
    assert_eq!(created.partitions, Some(24));
    assert_eq!(created.replication_factor, Some(3));
    assert_eq!(
        created.configs.get("retention.ms"),
        set("1209600000").as_ref(),
        "defaults merge key-wise"
    );
    assert_eq!(
        created.configs.get("segment.bytes"),
        set("536870912").as_ref(),
        "configs merge key-wise"
    );
    assert_eq!(created.configs.get("segment.ms"), set("86400000").as_ref());
    assert_eq!(
        created.sources["partitions"].origin.to_string(),
        "prod.yaml:9:17"
    );
    assert_eq!(
        created.sources["segment.ms"].origin.to_string(),
        "base.yaml:14:19"
    );
    // the overlay's `configs: {retention.ms}` replaces the base's first-class `retention`
    let audit = topic(&spec, "orders.audit.v1");
    assert_eq!(
        audit.configs.get("retention.ms"),
        set("63072000000").as_ref()
    );
    assert_eq!(audit.configs.get("min.insync.replicas"), set("2").as_ref());
    assert_eq!(
        topic(&spec, "payments.settled.v1")
            .configs
            .get("retention.ms"),
        set("63072000000").as_ref()
    );
    // lists are replaced
    assert_eq!(spec.managed.prefixes, vec!["orders.".to_string()]);
    // consumers merge by group
    assert_eq!(spec.consumers.len(), 1);
    assert_eq!(
        spec.consumers[0].topics,
        vec!["payments.settled.v1".to_string()]
    );
    assert_eq!(spec.consumers[0].max_lag, Some(100));
    assert_eq!(
        spec.consumers[0].max_time_lag,
        Some(Duration::from_secs(300))
    );
    assert_eq!(spec.sources.len(), 2);
}

#[test]
fn merged_topics_keep_their_first_place_and_empty_sections_keep_the_earlier_ones() {
    let spec = load_with(
        &[
            ("base.yaml", BASE),
            (
                "prod.yaml",
                "topics:\n  - name: payments.settled.v1\n    partitions: 9\nconsumers:\n",
            ),
        ],
        &[],
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(spec.topics.len(), 2);
    let t = topic(&spec, "payments.settled.v1");
    assert_eq!(t.origin.to_string(), "base.yaml:15:11");
    assert_eq!(t.partitions, Some(9));
    assert_eq!(
        spec.consumers.len(),
        1,
        "`consumers:` left empty keeps base's"
    );
    // nested nulls do unset: the topic falls back to the defaults
    let spec = load_with(
        &[
            ("base.yaml", BASE),
            (
                "prod.yaml",
                "topics:\n  - name: orders.created.v1\n    partitions: ~\n",
            ),
        ],
        &[],
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(topic(&spec, "orders.created.v1").partitions, Some(3));
}

#[test]
fn messages_name_the_other_file_when_it_differs() {
    let e = errors_of(load_with(
        &[
            (
                "base.yaml",
                "defaults:\n  replication_factor: 3\n  min_insync_replicas: 2\n",
            ),
            (
                "prod.yaml",
                "topics:\n  - name: t\n    replication_factor: 1\n  - name: a.b\n  - name: a_b\n",
            ),
        ],
        &[],
    ));
    assert_eq!(
        e,
        vec![
            "prod.yaml:3:25: topic `t`: min.insync.replicas 2 (defaults, line 3 of base.yaml) is more than its replication factor 1 (line 3)",
            "prod.yaml:5:11: topic `a_b` collides with `a.b` (line 4)",
        ]
    );
}

#[test]
fn a_file_that_does_not_parse_stops_the_checks() {
    // the overlay's use of `audit` would be "unknown profile" without the base
    let e = errors_of(load_with(
        &[
            ("base.yaml", "profiles:\n  audit: {retention: 1d\n"),
            ("prod.yaml", "topics:\n  - {name: t, profile: audit}\n"),
        ],
        &[],
    ));
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].starts_with("base.yaml:"), "{e:?}");
}

#[test]
fn errors_point_into_the_file_that_has_them() {
    let e = errors_of(load_with(
        &[
            ("base.yaml", BASE),
            (
                "prod.yaml",
                "topics:\n  - name: orders.created.v1\n    partitoins: 4\n",
            ),
        ],
        &[],
    ));
    assert_eq!(
        e,
        vec!["prod.yaml:3:5: unknown field `partitoins` in topic `orders.created.v1`"]
    );
    // a topic twice in one file is an error; in two files it is an override
    let e = errors_of(load_with(
        &[(
            "one.yaml",
            "topics:\n  - name: a\n  - name: b\n  - name: a\n    partitions: 2\n",
        )],
        &[],
    ));
    assert_eq!(
        e,
        vec!["one.yaml:4:11: duplicate topic `a` (first defined on line 2)"]
    );
}

// ---------------------------------------------------------------- ownership and patterns

#[test]
fn managed_protected_and_ignored() {
    let spec = ok("\
managed:
  prefixes: [team-a.]
  topics: [shared.events]
protected: [legacy-*, \"audit.?\"]
ignore_configs: ['^confluent\\.', '\\.throttled\\.replicas$']
topics: []
");
    assert!(spec.managed.owns("team-a.orders"));
    assert!(spec.managed.owns("shared.events"));
    assert!(!spec.managed.owns("shared.events.v2"));
    assert!(!spec.managed.owns("team-b.orders"));
    assert!(
        !Managed::default().owns("anything"),
        "nothing is owned by default"
    );

    for t in [
        "__consumer_offsets",
        "__transaction_state",
        "_schemas",
        "_connect-configs",
        "app-KSTREAM-AGGREGATE-STATE-STORE-0000000003-changelog",
        "_confluent-telemetry-metrics",
        "legacy-orders",
        "audit.1",
    ] {
        assert!(is_protected(&spec, t), "{t}");
    }
    for t in [
        "orders",
        "_schemas2",
        "schemas",
        "audit.10",
        "my-changelog-v2",
    ] {
        assert!(!is_protected(&spec, t), "{t}");
    }
    assert_eq!(spec.protected.len(), BUILTIN_PROTECTED.len() + 2);

    assert!(ignored_config(&spec, "confluent.placement.constraints"));
    assert!(ignored_config(
        &spec,
        "leader.replication.throttled.replicas"
    ));
    assert!(!ignored_config(&spec, "retention.ms"));

    // the default, and an empty list that ignores nothing
    let default = ok("topics: []\n");
    assert_eq!(default.ignore_configs, vec![r"^confluent\.".to_string()]);
    assert!(ignored_config(&default, "confluent.key.schema.validation"));
    assert!(!ignored_config(&default, "x.confluent.y"));
    let none = ok("ignore_configs: []\ntopics: []\n");
    assert!(!ignored_config(&none, "confluent.key.schema.validation"));
}

#[test]
fn bad_patterns_are_errors_at_the_pattern() {
    assert_eq!(
        errors(
            "\
managed: {prefixes: [\"\", a/b], topics: [\"x y\"]}
protected: [\"a b*\"]
ignore_configs: [\"^(confluent|aws)\\\\.\", 3]
"
        ),
        vec![
            "topics.yaml:1:22: an empty prefix would make the spec own every topic",
            "topics.yaml:1:26: invalid character `/` in prefix `a/b`: topic names use only letters, digits, `.`, `_` and `-`",
            "topics.yaml:1:41: invalid character ` ` in topic name `x y`: Kafka allows only letters, digits, `.`, `_` and `-`",
            "topics.yaml:2:13: protected pattern `a b*`: ` ` cannot appear in a topic name: patterns use topic-name characters, `*` (any run) and `?` (one character)",
            "topics.yaml:3:18: ignore_configs pattern `^(confluent|aws)\\.`: `(` is not supported in ignore_configs patterns (supported: literals, `\\.`, `.`, [classes], `*`, `+`, `?`, `^`, `$` and top-level `|`)",
            "topics.yaml:3:41: `ignore_configs` entries must be strings, found an integer",
        ]
    );
}

// ---------------------------------------------------------------- strictness: each error class

#[test]
fn unknown_fields_with_suggestions() {
    let e = load_with(
        &[(
            FILE,
            "\
defualts: {}
defaults:
  retension: 7d
  replicationFactor: 3
  retention.bytes: 1GiB
  segment.ms: 1d
  colour: blue
topics:
  - name: t
    replication: 3
",
        )],
        &[],
    )
    .unwrap_err();
    let shown: Vec<(String, Option<String>)> = e
        .errors
        .iter()
        .map(|e| (e.to_string(), e.help.clone()))
        .collect();
    let h = |s: &str| Some(s.to_string());
    assert_eq!(
        shown,
        vec![
            (
                "topics.yaml:1:1: unknown field `defualts` in the spec".into(),
                h("did you mean `defaults`?")
            ),
            (
                "topics.yaml:3:3: unknown field `retension` in defaults".into(),
                h("did you mean `retention`?")
            ),
            (
                "topics.yaml:4:3: unknown field `replicationFactor` in defaults".into(),
                h("did you mean `replication_factor`?")
            ),
            (
                "topics.yaml:5:3: unknown field `retention.bytes` in defaults".into(),
                h(
                    "did you mean `retention_bytes`? Kafka config keys such as `retention.bytes` go under `configs:`"
                )
            ),
            (
                "topics.yaml:6:3: unknown field `segment.ms` in defaults".into(),
                h("Kafka config keys such as `segment.ms` go under `configs:`")
            ),
            (
                "topics.yaml:7:3: unknown field `colour` in defaults".into(),
                h(
                    "expected one of: partitions, replication_factor, retention, retention_bytes, compression, cleanup_policy, min_insync_replicas, max_message_bytes, configs"
                )
            ),
            (
                "topics.yaml:10:5: unknown field `replication` in topic `t`".into(),
                h("did you mean `replication_factor`?")
            ),
        ]
    );
}

#[test]
fn misspelt_config_keys_are_caught_unknown_ones_pass() {
    let (e, help) = only_error("topics:\n  - name: t\n    configs: {retention.msx: 1d}\n");
    assert_eq!(e, "topics.yaml:3:15: unknown topic config `retention.msx`");
    assert_eq!(help.as_deref(), Some("did you mean `retention.ms`?"));
    // keys far from any Kafka key are passed through (vendor keys)
    let spec = ok("topics:\n  - name: t\n    configs: {redpanda.remote.read: true}\n");
    assert_eq!(
        cfg(&spec, "t", "redpanda.remote.read"),
        set("true").as_ref()
    );
}

#[test]
fn wrong_types() {
    assert_eq!(
        errors(
            "\
defaults: [partitions]
profiles:
  p: 3
managed: {prefixes: x.}
topics:
  - just-a-name
  - name: 2024
  - name: t
    partitions: \"12\"
    configs: [a, b]
consumers: {group: g}
"
        ),
        vec![
            "topics.yaml:1:11: `defaults` must be a mapping, found a list",
            "topics.yaml:3:6: profile `p` must be a mapping of topic settings, found an integer",
            "topics.yaml:4:21: `prefixes` must be a list, found a string",
            "topics.yaml:6:5: each topic is a mapping with `name:`, found a string",
            "topics.yaml:7:11: `name` must be a string, found an integer",
            "topics.yaml:9:17: `partitions` expects a whole number, found a string",
            "topics.yaml:10:14: `configs` must be a mapping of Kafka config keys, found a list",
            "topics.yaml:11:12: `consumers` must be a list, found a mapping",
        ]
    );
    assert_eq!(
        errors("- a\n- b\n"),
        vec![
            "topics.yaml:1:1: expected a mapping with `topics:` (and optionally defaults, profiles, managed, protected, ignore_configs, consumers, schemas, dialects, acls, quotas), found a list"
        ]
    );
}

#[test]
fn duplicates() {
    assert_eq!(
        errors(
            "\
topics:
  - name: orders
    partitions: 3
    partitions: 4
  - name: payments
  - name: orders
profiles: {}
profiles: {}
"
        ),
        vec![
            "topics.yaml:4:5: duplicate key `partitions` (first given on line 3)",
            "topics.yaml:6:11: duplicate topic `orders` (first defined on line 2)",
            "topics.yaml:8:1: duplicate key `profiles` (first given on line 7)",
        ]
    );
}

#[test]
fn invalid_topic_names() {
    let long = "a".repeat(250);
    assert_eq!(
        errors(&format!(
            "\
topics:
  - name: orders/v1
  - name: \".\"
  - name: \"..\"
  - name: \"\"
  - name: {long}
  - name: ok.{max}
  - name: \"caf\u{e9}\"
",
            max = "b".repeat(246)
        )),
        vec![
            "topics.yaml:2:17: invalid character `/` in topic name `orders/v1`: Kafka allows only letters, digits, `.`, `_` and `-`",
            "topics.yaml:3:11: `.` is not a valid topic name",
            "topics.yaml:4:11: `..` is not a valid topic name",
            "topics.yaml:5:11: the topic name is empty",
            "topics.yaml:6:11: the topic name is 250 characters long; Kafka allows at most 249",
            "topics.yaml:8:11: invalid character `é` in topic name `café`: Kafka allows only letters, digits, `.`, `_` and `-`",
        ]
    );
}

#[test]
fn names_differing_only_in_dot_and_underscore_collide() {
    let (e, help) = only_error("topics:\n  - name: user.events\n  - name: user_events\n");
    assert_eq!(
        e,
        "topics.yaml:3:11: topic `user_events` collides with `user.events` (line 2)"
    );
    assert!(help.unwrap().contains("differ only in `.` and `_`"));
}

#[test]
fn partitions_and_replication_below_one() {
    assert_eq!(
        errors(
            "\
defaults: {replication_factor: 0}
topics:
  - {name: a, partitions: 0}
  - {name: b, partitions: -2}
"
        ),
        vec![
            "topics.yaml:1:32: `replication_factor` must be at least 1, not 0",
            "topics.yaml:3:27: `partitions` must be at least 1, not 0",
            "topics.yaml:4:27: `partitions` must be at least 1, not -2",
        ]
    );
}

#[test]
fn min_insync_replicas_above_the_replication_factor() {
    let e = load_with(
        &[(
            FILE,
            "\
defaults:
  replication_factor: 3
  min_insync_replicas: 2
profiles:
  strict: {min_insync_replicas: 3}
topics:
  - name: a
    replication_factor: 1
  - name: b
    profile: strict
    replication_factor: 2
  - name: c
    min_insync_replicas: 4
  - name: d
    replication_factor: -1
    min_insync_replicas: 5
",
        )],
        &[],
    )
    .unwrap_err();
    let shown: Vec<String> = e.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        shown,
        vec![
            "topics.yaml:8:25: topic `a`: min.insync.replicas 2 (defaults, line 3) is more than its replication factor 1 (line 8)",
            "topics.yaml:11:25: topic `b`: min.insync.replicas 3 (profile strict, line 5) is more than its replication factor 2 (line 11)",
            "topics.yaml:13:26: topic `c`: min.insync.replicas 4 (line 13) is more than its replication factor 3 (defaults, line 2)",
        ],
        "d has the cluster's replication factor: not checkable offline"
    );
}

#[test]
fn unknown_profiles() {
    let (e, help) =
        only_error("profiles: {audit: {}, dlq: {}}\ntopics:\n  - name: t\n    profile: audti\n");
    assert_eq!(e, "topics.yaml:4:14: unknown profile `audti`");
    assert_eq!(help.as_deref(), Some("did you mean `audit`?"));
    let (_, help) =
        only_error("profiles: {audit: {}, dlq: {}}\ntopics:\n  - {name: t, profile: gold}\n");
    assert_eq!(help.as_deref(), Some("defined profiles: audit, dlq"));
    let (_, help) = only_error("topics:\n  - {name: t, profile: gold}\n");
    assert_eq!(
        help.as_deref(),
        Some("no profiles are defined (add them under `profiles:`)")
    );
}

#[test]
fn yaml_syntax_errors_have_a_place() {
    assert_eq!(
        errors("topics:\n  - name: a\n    partitions: [1, 2\n  - name: b\n"),
        vec!["topics.yaml:4:9: invalid YAML: illegal placement of ':' indicator"]
    );
    assert_eq!(
        errors_of(load_with(&[("empty.yaml", "# nothing\n")], &[])),
        vec!["empty.yaml: the file is empty: expected a mapping with `topics:`"]
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let e = errors(
        "\
defaults:
  partitions: 0
  retension: 7d
topics:
  - name: a/b
  - name: ok
    profile: nope
    compression: brotli
  - name: ok
",
    );
    assert_eq!(e.len(), 6, "{e:#?}");
}

// ---------------------------------------------------------------- consumers and schemas

#[test]
fn consumers_are_parsed_and_checked() {
    let spec = ok("\
consumers:
  - group: notification-group
    topics: [user.created.v1, notification.email.v1]
    max_lag: 10000
    max_time_lag: 5m
  - group: indexer
    topics: [canvas.v1]
");
    assert_eq!(spec.consumers.len(), 2);
    let c = &spec.consumers[0];
    assert_eq!(c.group, "notification-group");
    assert_eq!(c.topics, vec!["user.created.v1", "notification.email.v1"]);
    assert_eq!(c.max_lag, Some(10_000));
    assert_eq!(c.max_time_lag, Some(Duration::from_secs(300)));
    assert_eq!(c.origin.to_string(), "topics.yaml:2:12");
    assert_eq!(spec.consumers[1].max_lag, None);

    assert_eq!(
        errors(
            "\
consumers:
  - group: a
    topics: []
    max_lag: -5
  - topics: [x/y]
    max_time_lag: 5
    max_lagg: 1
  - group: a
    topics: [t]
"
        ),
        vec![
            "topics.yaml:3:13: `topics` of consumer group `a` is empty",
            "topics.yaml:4:14: `max_lag` must not be negative, not -5",
            "topics.yaml:5:5: a consumer has no `group`",
            "topics.yaml:5:15: invalid character `/` in topic name `x/y`: Kafka allows only letters, digits, `.`, `_` and `-`",
            "topics.yaml:6:19: `max_time_lag` expects a duration like 5m, found an integer",
            "topics.yaml:7:5: unknown field `max_lagg` in a consumer",
            "topics.yaml:8:12: duplicate consumer group `a` (first defined on line 2)",
        ]
    );
}

// ---------------------------------------------------------------- dialects

use crate::dlq::dialect::CustomDialect;

fn named(name: &str) -> CustomDialect {
    CustomDialect {
        name: name.to_string(),
        ..CustomDialect::default()
    }
}

#[test]
fn dialects_are_parsed() {
    let spec = ok("\
dialects:
  - name: orders-dlq
    original_topic: x-source-topic
    original_partition: x-source-partition
    original_offset: x-source-offset
    original_timestamp: x-source-ts
    error_class: x-error-kind
    error_message: x-error
    attempts: x-tries
  - {name: payments, error_message: failure-reason}
");
    let s = |v: &str| Some(v.to_string());
    assert_eq!(
        spec.dialects,
        vec![
            CustomDialect {
                original_topic: s("x-source-topic"),
                original_partition: s("x-source-partition"),
                original_offset: s("x-source-offset"),
                original_timestamp: s("x-source-ts"),
                error_class: s("x-error-kind"),
                error_message: s("x-error"),
                attempts: s("x-tries"),
                ..named("orders-dlq")
            },
            CustomDialect {
                error_message: s("failure-reason"),
                ..named("payments")
            },
        ]
    );
    assert!(ok("topics: []\n").dialects.is_empty());
    assert!(ok("dialects:\n").dialects.is_empty());
}

#[test]
fn dialect_unknown_field() {
    let (e, help) = only_error(
        "dialects:\n  - name: d\n    original_topc: x-topic\n    error_message: x-error\n",
    );
    assert_eq!(
        e,
        "topics.yaml:3:5: unknown field `original_topc` in dialect `d`"
    );
    assert_eq!(help.as_deref(), Some("did you mean `original_topic`?"));
    let (e, help) = only_error("dialects:\n  - {name: d, error_message: e, colour: blue}\n");
    assert_eq!(e, "topics.yaml:2:33: unknown field `colour` in dialect `d`");
    assert_eq!(
        help.as_deref(),
        Some(
            "expected one of: name, original_topic, original_partition, original_offset, original_timestamp, error_class, error_message, attempts"
        )
    );
}

#[test]
fn dialect_without_a_name_or_headers() {
    assert_eq!(
        errors(
            "\
dialects:
  - original_topic: x-topic
  - name: empty
  - name: \"\"
    error_class: x-class
"
        ),
        vec![
            "topics.yaml:2:5: a dialect has no `name`",
            "topics.yaml:3:5: dialect `empty` names no headers",
            "topics.yaml:4:11: `name` of dialect `` is empty",
        ]
    );
    let (_, help) = only_error("dialects:\n  - name: empty\n");
    assert_eq!(
        help.as_deref(),
        Some(
            "give at least one of: original_topic, original_partition, original_offset, original_timestamp, error_class, error_message, attempts"
        )
    );
}

#[test]
fn dialect_wrong_types() {
    assert_eq!(
        errors(
            "\
dialects:
  - name: 7
    error_class: x
  - name: d
    original_partition: 3
    attempts: [x-tries]
    error_message: \"\"
  - just-a-name
"
        ),
        vec![
            "topics.yaml:2:11: `name` must be a string, found an integer",
            "topics.yaml:5:25: `original_partition` must be a string, found an integer",
            "topics.yaml:6:15: `attempts` must be a string, found a list",
            "topics.yaml:7:20: `error_message` of dialect `d` is empty",
            "topics.yaml:8:5: each dialect is a mapping with `name:` and header names, found a string",
        ]
    );
    assert_eq!(
        errors("dialects: {name: d}\n"),
        vec!["topics.yaml:1:11: `dialects` must be a list, found a mapping"]
    );
}

#[test]
fn dialect_names_and_headers_are_checked() {
    assert_eq!(
        errors(
            "\
dialects:
  - {name: spring-dlt, error_class: x}
  - {name: d, error_class: x-err, error_message: x-err}
  - {name: e, attempts: evctl-replay-count}
  - {name: d, error_class: y}
"
        ),
        vec![
            "topics.yaml:2:12: `spring-dlt` is the name of a built-in dialect",
            "topics.yaml:3:50: header `x-err` is given for both `error_class` and `error_message` in dialect `d`",
            "topics.yaml:4:25: `evctl-replay-count` is evctl's replay counter, not a header of dialect `e`",
            "topics.yaml:5:12: duplicate dialect `d` (first defined on line 3)",
        ]
    );
}

#[test]
fn later_files_override_dialects_by_name() {
    let spec = load_with(
        &[
            (
                "base.yaml",
                "dialects:\n  - {name: a, original_topic: x-topic, error_message: x-error}\n  - {name: b, attempts: x-tries}\n",
            ),
            (
                "prod.yaml",
                "dialects:\n  - {name: a, error_message: x-reason, original_topic: ~}\n  - {name: c, error_class: x-kind}\n",
            ),
        ],
        &[],
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = spec.dialects.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["a", "b", "c"],
        "merged by name, new ones appended"
    );
    assert_eq!(
        spec.dialects[0],
        CustomDialect {
            error_message: Some("x-reason".into()),
            ..named("a")
        },
        "field by field; `~` unsets"
    );
    // an overlay that leaves no header is an error in the overlay
    let e = errors_of(load_with(
        &[
            (
                "base.yaml",
                "dialects:\n  - {name: a, original_topic: x-topic}\n",
            ),
            ("prod.yaml", "dialects:\n  - {name: a, original_topic: ~}\n"),
        ],
        &[],
    ));
    assert_eq!(e, vec!["prod.yaml:2:5: dialect `a` names no headers"]);
}

fn schema_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("schemas")).unwrap();
    for f in [
        "user.avsc",
        "order.json",
        "invoice.proto",
        "money.proto",
        "odd.txt",
    ] {
        std::fs::write(dir.path().join("schemas").join(f), "{}").unwrap();
    }
    dir
}

#[test]
fn schemas_are_parsed_with_files_relative_to_the_spec() {
    let dir = schema_dir();
    let spec_path = dir.path().join("topics.yaml");
    std::fs::write(
        &spec_path,
        "\
schemas:
  - subject: user-value
    file: schemas/user.avsc
    compatibility: BACKWARD
  - subject: order-value
    file: schemas/order.json
    compatibility: full_transitive
    policy: lenient
  - subject: invoice-value
    file: schemas/invoice.proto
    compatibility: NONE
    references: [{name: money.proto, file: schemas/money.proto}]
  - subject: odd-value
    file: schemas/odd.txt
    type: avro
    compatibility: FORWARD
",
    )
    .unwrap();
    let spec = load(std::slice::from_ref(&spec_path), &no_env).unwrap_or_else(|e| panic!("{e}"));
    let s = &spec.schemas;
    assert_eq!(s.len(), 4);
    assert_eq!(s[0].format, Format::Avro);
    assert_eq!(s[0].compatibility, Mode::Backward);
    assert_eq!(s[0].file, dir.path().join("schemas/user.avsc"));
    assert_eq!(s[0].policy, None);
    assert_eq!(s[1].format, Format::Json);
    assert_eq!(s[1].compatibility, Mode::FullTransitive);
    assert_eq!(s[1].policy, Some(Policy::Lenient));
    assert_eq!(s[2].format, Format::Protobuf);
    assert_eq!(s[2].references.len(), 1);
    assert_eq!(s[2].references[0].name, "money.proto");
    assert_eq!(
        s[2].references[0].file,
        dir.path().join("schemas/money.proto")
    );
    assert_eq!(s[3].format, Format::Avro, "type: beats the extension");
}

#[test]
fn schema_errors() {
    let dir = schema_dir();
    let spec_path = dir.path().join("topics.yaml");
    std::fs::write(
        &spec_path,
        "\
schemas:
  - subject: a
    file: schemas/missing.avsc
    compatibility: BACKWARDS
  - subject: b
    file: schemas/odd.txt
    compatibility: FULL
    type: xml
    policy: loose
  - subject: c
    file: schemas/odd.txt
    compatibility: FULL
    references: [{name: m, file: nope.proto}, {file: schemas/money.proto}]
  - file: schemas/user.avsc
  - subject: a
    file: schemas/user.avsc
    compatibility: FULL
",
    )
    .unwrap();
    let e = errors_of(load(std::slice::from_ref(&spec_path), &no_env));
    let p = spec_path.display().to_string();
    let want: Vec<String> = [
        "3:11: schema file `schemas/missing.avsc` not found",
        "4:20: unknown compatibility `BACKWARDS`",
        "8:11: unknown schema type `xml`",
        "9:13: unknown policy `loose`",
        "11:11: cannot tell the schema type of `PATH/schemas/odd.txt` from its extension",
        "13:34: schema file `nope.proto` not found",
        "13:47: a reference of schema `c` has no `name`",
        "14:5: a schema has no `subject`",
        "14:5: a schema has no `compatibility`",
        "15:14: duplicate schema subject `a` (first defined on line 2)",
    ]
    .iter()
    .map(|s| {
        format!(
            "{p}:{}",
            s.replace("PATH", &dir.path().display().to_string())
        )
    })
    .collect();
    assert_eq!(e, want);
}

// ---------------------------------------------------------------- against the cluster

#[test]
fn replication_factor_against_live_brokers() {
    let spec = ok("\
defaults: {replication_factor: 3}
topics:
  - name: a
  - name: b
    replication_factor: 1
  - name: c
    replication_factor: -1
");
    assert!(validate_against_brokers(&spec, 3).is_ok());
    let e = validate_against_brokers(&spec, 1).unwrap_err();
    let shown: Vec<String> = e.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        shown,
        vec![
            "topics.yaml:1:32: topic `a`: replication factor 3 (from defaults) is more than the 1 live broker"
        ]
    );
    let e = validate_against_brokers(&spec, 0).unwrap_err();
    assert_eq!(e.errors.len(), 2);
    assert!(e.errors[1].to_string().starts_with(
        "topics.yaml:5:25: topic `b`: replication factor 1 is more than the 0 live brokers"
    ));
}

// ---------------------------------------------------------------- the repo's example

#[test]
fn the_repo_example_loads() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let spec = load(&[root.join("topics.yaml")], &no_env).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(spec.topics.len(), 12);
    let snap = spec.topic("canvas.document.snapshot.v1").unwrap();
    assert_eq!(
        snap.configs.get("retention.ms"),
        set("-1").as_ref(),
        "compacted: infinite"
    );
    assert_eq!(snap.configs.get("cleanup.policy"), set("compact").as_ref());
    let audit = spec.topic("billing.invoice.issued.v1").unwrap();
    assert_eq!(audit.configs.get("retention.bytes"), set("-1").as_ref());
    assert_eq!(
        audit.configs.get("retention.ms"),
        set("31536000000").as_ref()
    );
}

// ---------------------------------------------------------------- rendered diagnostics

fn rendered(yaml: &str, env: &[(&str, &str)]) -> String {
    let e = load_with(&[(FILE, yaml)], env).unwrap_err();
    e.errors
        .iter()
        .map(|e| crate::diag::render_report(e, false).unwrap())
        .collect::<Vec<_>>()
        .join("")
}

#[test]
fn snapshot_unknown_field() {
    insta::assert_snapshot!(rendered(
        "defaults:\n  partitions: 6\n  retension: 7d\ntopics: []\n",
        &[]
    ));
}

#[test]
fn snapshot_unset_variable() {
    insta::assert_snapshot!(rendered(
        "topics:\n  - name: ${TEAM}.orders.v1\n    partitions: 12\n",
        &[]
    ));
}

#[test]
fn snapshot_min_insync_replicas() {
    insta::assert_snapshot!(rendered(
        "defaults:\n  replication_factor: 3\n  min_insync_replicas: 2\ntopics:\n  - name: orders\n    replication_factor: 1\n",
        &[]
    ));
}

#[test]
fn snapshot_several_errors() {
    insta::assert_snapshot!(rendered(
        "topics:\n  - name: orders/v1\n    retention: 7\n  - name: payments\n    profile: audit\n    configs: {segment.bytes: 4GiB}\n",
        &[]
    ));
}
