//! `evctl group` on Kafka: the group list with types, the liveness check judged by each group's
//! own protocol, reset plans and their one commit, DeleteGroups and OffsetDelete.
//!
//! Requests of a reset, whatever the partition count: FindCoordinator, DescribeGroups (and
//! ConsumerGroupDescribe for a group of the new protocol), OffsetFetch, Metadata, then one
//! ListOffsets per partition leader for each offset asked (log start, log end, a time), and with
//! `--execute` the same check again and one OffsetCommit.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use kafka_protocol::ResponseError;
use kafka_protocol::messages::offset_delete_request::{
    OffsetDeleteRequestPartition, OffsetDeleteRequestTopic,
};
use kafka_protocol::messages::{DeleteGroupsRequest, GroupId, OffsetDeleteRequest, TopicName};
use kafka_protocol::protocol::StrBytes;

use super::groups::{by_coordinator, describe_groups, list_groups};
use super::offsets::{
    Isolation, OffsetQuery, commit_each, committed_offsets, list_offsets, live_group_error,
    log_bounds,
};
use super::{Client, KafkaError, Route};
use crate::error::{refused, usage, usage_hint};
use crate::group::{
    COMMITTED, DeleteReport, Deletion, GroupList, GroupSummary, Known, LIVE_HINT, Liveness,
    NOTHING, ResetPlan, Row, Scope, Target, TopicPartition, TopicScope, UNCHANGED, resolve,
};

/// The groups of the cluster, with their type, state, protocol, member count and coordinator.
pub async fn list(
    client: &Client,
    pattern: Option<&regex::Regex>,
    group_type: Option<&str>,
) -> Result<GroupList, KafkaError> {
    let listed: Vec<_> = list_groups(client)
        .await?
        .into_iter()
        .filter(|g| pattern.is_none_or(|re| re.is_match(&g.group)))
        .collect();
    let names: Vec<String> = listed.iter().map(|g| g.group.clone()).collect();
    let described = if names.is_empty() {
        Vec::new()
    } else {
        describe_groups(client, &by_coordinator(client, &names).await?).await?
    };
    let mut out = Vec::new();
    for g in listed {
        let d = described.iter().find(|d| d.group == g.group);
        // share and streams groups are not described by DescribeGroups: their listing is all
        let other = matches!(g.group_type.as_str(), "share" | "streams");
        let d = d.filter(|_| !other);
        let group_type = match (&g.group_type, d) {
            (t, _) if !t.is_empty() => t.clone(),
            (_, Some(d)) => d.group_type.clone(),
            _ => String::new(),
        };
        let summary = GroupSummary {
            group_type,
            state: d.map_or(g.state.clone(), |d| d.state.clone()),
            protocol_type: g.protocol_type,
            protocol: d.map(|d| d.protocol.clone()).unwrap_or_default(),
            members: d.map(|d| d.members.len()),
            coordinator: d.map(|d| d.coordinator),
            group: g.group,
        };
        out.push(summary);
    }
    out.retain(|s| group_type.is_none_or(|t| s.group_type == t));
    Ok(GroupList(out))
}

/// `evctl group describe`: lag's collection of one group (members, assignments, committed
/// offsets, lag in offsets and time); an unknown group is an error naming similar ones.
pub async fn describe(
    client: &std::sync::Arc<Client>,
    group: &str,
) -> Result<crate::group::GroupDetail, KafkaError> {
    let sel = crate::lag::Selection {
        groups: vec![group.to_string()],
        time_lag: true,
        ..Default::default()
    };
    let report = super::lag::collect(client, &sel).await?;
    if let Some(e) = super::lag::missing_groups(client, &report).await.pop() {
        return Err(e);
    }
    let g = report.groups.into_iter().next().unwrap_or_default();
    Ok(crate::group::GroupDetail(g))
}

/// Whether `group` exists and who is in it, judged by its own protocol: its type from
/// ListGroups on its coordinator, DescribeGroups, then ConsumerGroupDescribe for a group of the
/// new protocol (which DescribeGroups calls Dead); and its committed offsets. A group whose
/// coordinator cannot be found is an error, never taken for empty.
pub async fn liveness(
    client: &Client,
    group: &str,
) -> Result<(Liveness, HashMap<TopicPartition, i64>), KafkaError> {
    let names = [group.to_string()];
    let by_coord = by_coordinator(client, &names).await?;
    let Some(&coord) = by_coord.keys().next() else {
        return Err(KafkaError::broker(
            format!("finding the coordinator of group {group}"),
            ResponseError::CoordinatorNotAvailable,
            Some("who is in the group cannot be judged: nothing was changed".into()),
        ));
    };
    let (listed, described, committed) = tokio::try_join!(
        super::groups::listed_on(client, coord),
        describe_groups(client, &by_coord),
        committed_offsets(client, group, None)
    )?;
    let listed = listed.into_iter().find(|g| g.group == group);
    let d = described.into_iter().find(|d| d.group == group);
    let known = d.as_ref().is_some_and(|d| !d.dead_and_empty());
    let kind = listed
        .as_ref()
        .map(|l| l.group_type.clone())
        .unwrap_or_default();
    let live = Liveness {
        exists: known || listed.is_some() || !committed.is_empty(),
        group_type: match &d {
            // share and streams groups: DescribeGroups does not know them
            Some(d) if known || kind.is_empty() => d.group_type.clone(),
            _ => kind,
        },
        state: match (&d, &listed) {
            (Some(d), _) if known => d.state.clone(),
            (_, Some(l)) if !l.state.is_empty() => l.state.clone(),
            (d, _) => d
                .as_ref()
                .map_or_else(|| "Dead".into(), |d| d.state.clone()),
        },
        members: d
            .filter(|_| known)
            .map(|d| d.members.iter().map(super::lag::member).collect())
            .unwrap_or_default(),
    };
    Ok((live, committed))
}

/// Works out a reset: the scope's partitions, their log bounds (and the time's offsets), and
/// each one's new offset. Unknown topics and partitions, and `--shift-by` on partitions without
/// a committed offset, are usage errors naming them.
pub async fn plan_reset(
    client: &Client,
    group: &str,
    scope: &Scope,
    target: &Target,
) -> anyhow::Result<ResetPlan> {
    let (live, committed) = liveness(client, group).await?;
    let given = given_offsets(client, target).await?;
    let parts = partitions(client, group, scope, given.as_ref(), &committed, target).await?;
    let times: Vec<_> = match target {
        Target::Time(ms) => (parts.iter())
            .map(|tp| (tp.clone(), OffsetQuery::FirstAt(*ms)))
            .collect(),
        _ => Vec::new(),
    };
    // log start, log end and the time's offsets together: one ListOffsets per leader each
    let ((start, end), at_time) = tokio::try_join!(
        log_bounds(client, &parts, Isolation::ReadUncommitted),
        list_offsets(client, &times, Isolation::ReadUncommitted)
    )?;
    let mut rows = Vec::with_capacity(parts.len());
    let mut unshiftable = Vec::new();
    for tp in &parts {
        let log_end = end.get(tp).copied().unwrap_or(0);
        let k = Known {
            log_start: start.get(tp).copied().unwrap_or(0),
            log_end,
            current: committed.get(tp).copied(),
            // None: no record at or after the time
            at_time: at_time.get(tp).copied(),
            given: given.as_ref().and_then(|g| g.get(tp).copied()),
        };
        match resolve(target, &k) {
            Ok(r) => rows.push(Row::new(tp, &k, r)),
            Err(_) => unshiftable.push(format!("{}/{}", tp.0, tp.1)),
        }
    }
    if !unshiftable.is_empty() {
        return Err(usage_hint(
            format!(
                "--shift-by: group {group} has no committed offset on {}",
                unshiftable.join(", ")
            ),
            "there is nothing to shift: reset those partitions with --to-offset, --to-time or --to-earliest",
        ));
    }
    Ok(ResetPlan::new(group, live, target, rows))
}

/// The offsets a file or another group gives.
async fn given_offsets(
    client: &Client,
    target: &Target,
) -> anyhow::Result<Option<BTreeMap<TopicPartition, i64>>> {
    Ok(match target {
        Target::File(f) => Some(
            f.offsets
                .iter()
                .map(|(k, (o, _))| (k.clone(), *o))
                .collect(),
        ),
        Target::Group(g) => {
            let o = committed_offsets(client, g, None).await?;
            if o.is_empty() {
                return Err(usage(format!(
                    "--to-group {g}: that group has no committed offsets to copy"
                )));
            }
            Some(crate::group::sorted(&o))
        }
        _ => None,
    })
}

/// The partitions of the reset, each checked against the cluster's metadata.
async fn partitions(
    client: &Client,
    group: &str,
    scope: &Scope,
    given: Option<&BTreeMap<TopicPartition, i64>>,
    committed: &HashMap<TopicPartition, i64>,
    target: &Target,
) -> anyhow::Result<Vec<TopicPartition>> {
    // where each partition came from, for the message when it does not exist
    let mut wanted: BTreeMap<TopicPartition, String> = BTreeMap::new();
    let mut whole: Vec<&TopicScope> = Vec::new();
    if scope.all_topics {
        if committed.is_empty() {
            return Err(usage_hint(
                format!("group {group} has no committed offsets: --all-topics selects nothing"),
                "name the partitions with --topic TOPIC[:P,...]",
            ));
        }
        for tp in committed.keys() {
            wanted.insert(tp.clone(), format!("group {group}'s committed offsets"));
        }
    }
    for t in &scope.topics {
        match &t.partitions {
            Some(ps) => {
                for p in ps {
                    wanted.insert((t.topic.clone(), *p), format!("--topic {}", t.topic));
                }
            }
            None => whole.push(t),
        }
    }
    let topics: BTreeSet<String> = (wanted.keys().map(|tp| tp.0.clone()))
        .chain(whole.iter().map(|t| t.topic.clone()))
        .chain(
            given
                .into_iter()
                .flat_map(|g| g.keys().map(|tp| tp.0.clone())),
        )
        .collect();
    let topics: Vec<String> = topics.into_iter().collect();
    let meta = client.metadata(Some(&topics)).await?;
    let exists = |topic: &str| -> anyhow::Result<Vec<i32>> {
        match meta.require(topic) {
            Ok(t) => Ok(t.partitions.iter().map(|p| p.partition).collect()),
            Err(e) if e.response_error() == Some(ResponseError::UnknownTopicOrPartition) => {
                Err(usage(format!("the cluster has no topic {topic:?}")))
            }
            Err(e) => Err(e.into()),
        }
    };
    for t in whole {
        let ps = exists(&t.topic).map_err(|e| e.context(format!("--topic {}", t.topic)))?;
        for p in ps {
            wanted.insert((t.topic.clone(), p), format!("--topic {}", t.topic));
        }
    }
    if let Some(g) = given {
        let keep: Vec<TopicPartition> = if scope.is_empty() {
            g.keys().cloned().collect()
        } else {
            wanted
                .keys()
                .filter(|tp| g.contains_key(*tp))
                .cloned()
                .collect()
        };
        if keep.is_empty() {
            return Err(usage(format!(
                "{}: no offsets for the partitions named",
                target.describe()
            )));
        }
        let place = |tp: &TopicPartition| match target {
            Target::File(f) => f.place(tp),
            _ => target.describe(),
        };
        wanted = keep
            .into_iter()
            .map(|tp| {
                let at = place(&tp);
                (tp, at)
            })
            .collect();
    }
    for (tp, from) in &wanted {
        let ps = exists(&tp.0).map_err(|e| e.context(from.clone()))?;
        if !ps.contains(&tp.1) {
            return Err(usage(format!(
                "{from}: topic {} has no partition {} (it has {})",
                tp.0,
                tp.1,
                ps.len()
            )));
        }
    }
    Ok(wanted.into_keys().collect())
}

/// Executes a reset: checks again that the group has no members and that its committed offsets
/// are still those the plan was made from, saves the prior offsets to the undo file (`undo`, or
/// the state directory), then commits the changes in one OffsetCommit and fills each row's
/// result. A member that joined in between is refused the same way, by the check or by the
/// broker's answer; a request that fails as a whole leaves the changed rows "not confirmed".
pub async fn execute_reset(
    client: &Client,
    plan: &mut ResetPlan,
    undo: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    let (live, fresh) = liveness(client, &plan.group).await?;
    if let Some(why) = live.refusal(&plan.group) {
        return Err(refused(why, LIVE_HINT));
    }
    let moved: Vec<String> = (plan.partitions.iter())
        .filter(|r| r.changes() && fresh.get(&r.tp()).copied() != r.current)
        .map(|r| format!("{}/{}", r.topic, r.partition))
        .collect();
    if !moved.is_empty() {
        return Err(refused(
            format!(
                "the committed offsets of group {} moved since the plan ({}): nothing was changed",
                plan.group,
                moved.join(", ")
            ),
            "a consumer committed meanwhile: run the reset again to plan from the offsets as they are now",
        ));
    }
    plan.undo_file = crate::group::csv::save_undo(plan, undo)?.map(|p| p.display().to_string());
    let commits = plan.commits();
    plan.executed = true;
    let mut index: HashMap<TopicPartition, usize> = HashMap::new();
    for (i, r) in plan.partitions.iter_mut().enumerate() {
        r.result = Some(if r.changes() { NO_ANSWER } else { UNCHANGED }.into());
        index.insert(r.tp(), i);
    }
    let results = match commit_each(client, &plan.group, &commits, "evctl group reset").await {
        Ok(r) => r,
        Err(e) => {
            for r in plan.partitions.iter_mut().filter(|r| r.changes()) {
                r.result = Some(format!("not confirmed: {e}"));
            }
            return Ok(());
        }
    };
    let mut live_refusals = 0;
    let failures = results.iter().filter(|(_, e)| e.is_some()).count();
    for (tp, e) in results {
        let Some(&i) = index.get(&tp) else {
            continue;
        };
        plan.partitions[i].result = Some(match e {
            None => COMMITTED.into(),
            Some(e) => {
                live_refusals += usize::from(e.response_error().is_some_and(live_group_error));
                e.to_string()
            }
        });
    }
    if failures > 0 && live_refusals == failures && failures == plan.changes {
        // nothing was written: a member joined between the check and the commit
        let (live, _) = liveness(client, &plan.group).await?;
        let why = live.refusal(&plan.group).unwrap_or_else(|| {
            format!(
                "group {} gained members: the broker refused the commit",
                plan.group
            )
        });
        return Err(refused(why, LIVE_HINT));
    }
    Ok(())
}

/// A changed row's result until the broker answers for it.
const NO_ANSWER: &str = "no answer from the broker";

/// The groups to delete: refused when one has members (named), before anything is deleted;
/// with `execute`, DeleteGroups for each (through its coordinator, retried when it moves) and
/// each group's result.
pub async fn delete_groups(
    client: &Client,
    groups: &[String],
    execute: bool,
) -> anyhow::Result<DeleteReport> {
    let mut items = Vec::new();
    for g in groups {
        let (live, _) = liveness(client, g).await?;
        if !live.exists {
            return Err(no_such_group(client, g).await.into());
        }
        if let Some(why) = live.refusal(g) {
            return Err(refused(why, LIVE_HINT));
        }
        items.push(Deletion::planned(g.clone()));
    }
    if execute {
        for item in &mut items {
            let g = item.name.clone();
            let resp = client
                .call::<DeleteGroupsRequest, _, _>(
                    Route::Group(g.clone()),
                    |_| {
                        DeleteGroupsRequest::default()
                            .with_groups_names(vec![GroupId(StrBytes::from_string(g.clone()))])
                    },
                    |r| {
                        let code = r.results.first().map_or(0, |x| x.error_code);
                        coordinator_moved(&format!("deleting group {g}"), code)
                    },
                )
                .await?;
            let code = resp.results.first().map_or(0, |r| r.error_code);
            (item.deleted, item.result) = outcome(&g, code, "deleting group");
        }
    }
    Ok(DeleteReport {
        group: None,
        executed: execute,
        refusal: None,
        items,
    })
}

/// The group is unknown: an error naming the groups it may have meant.
async fn no_such_group(client: &Client, group: &str) -> KafkaError {
    KafkaError::NoSuchGroup {
        group: group.to_string(),
        suggestions: super::groups::similar_groups(client, group)
            .await
            .unwrap_or_default(),
    }
}

/// A coordinator that moved or is loading: an error `call` retries (after finding it again).
fn coordinator_moved(context: &str, code: i16) -> Option<KafkaError> {
    match ResponseError::try_from_code(code) {
        Some(
            e @ (ResponseError::NotCoordinator
            | ResponseError::CoordinatorLoadInProgress
            | ResponseError::CoordinatorNotAvailable),
        ) => Some(KafkaError::broker(context, e, None)),
        _ => None,
    }
}

/// A per-item answer as (deleted, result), with a live group's refusal in the same words.
fn outcome(name: &str, code: i16, what: &str) -> (bool, String) {
    match ResponseError::try_from_code(code) {
        None => (true, "deleted".into()),
        Some(ResponseError::NonEmptyGroup) => (
            false,
            "refused: the group has members (it gained some since the check)".into(),
        ),
        Some(ResponseError::GroupSubscribedToTopic) => (
            false,
            "refused: the group is subscribed to the topic (its members read it)".into(),
        ),
        Some(e) => (
            false,
            KafkaError::broker(format!("{what} {name}"), e, None).to_string(),
        ),
    }
}

/// Deletes a group's committed offsets of some partitions (OffsetDelete, one request through
/// the coordinator): each partition's result. Unknown topics and partitions are usage errors;
/// named partitions without a commit are listed as such. As the broker rules, offsets of a topic
/// the group's members read cannot go: that is refused (naming the members) before anything is
/// deleted, for both protocols (and for every topic while a member's assignment is unknown);
/// other topics' offsets can go while the group runs.
pub async fn delete_offsets(
    client: &Client,
    group: &str,
    topics: &[TopicScope],
    execute: bool,
) -> anyhow::Result<DeleteReport> {
    let (live, committed) = liveness(client, group).await?;
    if !live.exists {
        return Err(no_such_group(client, group).await.into());
    }
    if matches!(live.group_type.as_str(), "share" | "streams") {
        return Err(refused(live.refusal(group).unwrap_or_default(), LIVE_HINT));
    }
    let scope = Scope {
        topics: topics.to_vec(),
        all_topics: false,
    };
    let named = partitions(client, group, &scope, None, &committed, &Target::Earliest).await?;
    let read: BTreeSet<&str> = (live.members.iter())
        .flat_map(|m| m.assignment.iter().map(|(t, _)| t.as_str()))
        .collect();
    // a member whose assignment the broker does not show may read anything
    let unknown = live.members.iter().any(|m| m.assignment.is_empty());
    let blocked: BTreeSet<&str> = (named.iter())
        .map(|tp| tp.0.as_str())
        .filter(|t| unknown || read.contains(t))
        .collect();
    let refusal = (!blocked.is_empty()).then(|| {
        let topics: Vec<&str> = blocked.iter().copied().collect();
        format!(
            "group {group} reads {}: {}; the offsets of a topic its members read can only be deleted once they stop",
            topics.join(", "),
            live.member_names()
        )
    });
    if let Some(why) = refusal.as_ref().filter(|_| execute) {
        return Err(refused(why.clone(), LIVE_HINT));
    }
    let mut items: Vec<Deletion> = Vec::new();
    let mut by_topic: BTreeMap<&str, Vec<i32>> = BTreeMap::new();
    for tp in &named {
        let mut item = Deletion::planned(format!("{}/{}", tp.0, tp.1));
        if !committed.contains_key(tp) {
            item.result = NOTHING.into();
        } else if blocked.contains(tp.0.as_str()) {
            item.result = "refused: the group's members read this topic".into();
        } else {
            by_topic.entry(&tp.0).or_default().push(tp.1);
        }
        items.push(item);
    }
    if items.iter().all(|i| i.result == NOTHING) {
        return Err(usage(format!(
            "group {group} has no committed offsets on the partitions named"
        )));
    }
    if execute {
        let resp = client
            .call::<OffsetDeleteRequest, _, _>(
                Route::Group(group.to_string()),
                |_| offset_delete_request(group, &by_topic),
                |r| coordinator_moved(&format!("deleting offsets of group {group}"), r.error_code),
            )
            .await?;
        if let Some(e) = ResponseError::try_from_code(resp.error_code) {
            if e == ResponseError::NonEmptyGroup {
                let (live, _) = liveness(client, group).await?;
                let why = (live.refusal(group))
                    .unwrap_or_else(|| format!("group {group} has members: the broker refused"));
                return Err(refused(why, LIVE_HINT));
            }
            return Err(
                KafkaError::broker(format!("deleting offsets of group {group}"), e, None)
                    .as_denied("Delete", format!("group {group}"))
                    .into(),
            );
        }
        for t in resp.topics {
            for p in t.partitions {
                let name = format!("{}/{}", &*t.name.0, p.partition_index);
                if let Some(item) = items.iter_mut().find(|i| i.name == name) {
                    (item.deleted, item.result) =
                        outcome(&name, p.error_code, "deleting the offset of");
                }
            }
        }
    }
    Ok(DeleteReport {
        group: Some(group.to_string()),
        executed: execute,
        refusal,
        items,
    })
}

fn offset_delete_request(group: &str, by_topic: &BTreeMap<&str, Vec<i32>>) -> OffsetDeleteRequest {
    let topic = |(t, ps): (&&str, &Vec<i32>)| {
        OffsetDeleteRequestTopic::default()
            .with_name(TopicName(StrBytes::from_string(t.to_string())))
            .with_partitions(
                ps.iter()
                    .map(|p| OffsetDeleteRequestPartition::default().with_partition_index(*p))
                    .collect(),
            )
    };
    OffsetDeleteRequest::default()
        .with_group_id(GroupId(StrBytes::from_string(group.to_string())))
        .with_topics(by_topic.iter().map(topic).collect())
}
