//! Replication-factor changes: where the replicas go (spread over racks when brokers have
//! racks, onto the brokers holding the fewest replicas, the preferred leader kept), and the
//! reassignment that moves them, throttled, watched until it completes, the throttle removed.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use super::cluster::Outcome;
use super::{Action, Move, Plan};
use crate::kafka::admin::{self, AlterOp, BROKER_RESOURCE};
use crate::kafka::offsets::TopicPartition;
use crate::kafka::{Client, ClusterMetadata, Route, reassign};

/// New replica lists at replication factor `to` for partitions with `replicas` (the first is the
/// preferred leader, which is kept). Added replicas go to brokers on racks the partition does
/// not use yet (when brokers have racks), then to those with the fewest replicas; removed ones
/// are taken from racks holding two of the partition's replicas first, then from the most loaded
/// brokers. `load` (replicas per broker) is updated as replicas are placed.
pub fn place(
    replicas: &[i32],
    to: usize,
    racks: &BTreeMap<i32, Option<String>>,
    load: &mut BTreeMap<i32, usize>,
) -> Vec<i32> {
    let mut r = replicas.to_vec();
    let rack = |b: &i32| racks.get(b).cloned().flatten();
    while r.len() < to {
        let used: BTreeSet<Option<String>> = r.iter().map(rack).collect();
        let Some(b) = (racks.keys())
            .filter(|b| !r.contains(b))
            .min_by_key(|b| {
                let same_rack = rack(b).is_some() && used.contains(&rack(b));
                (same_rack, load.get(*b).copied().unwrap_or(0), **b)
            })
            .copied()
        else {
            break;
        };
        r.push(b);
        *load.entry(b).or_default() += 1;
    }
    while r.len() > to && r.len() > 1 {
        let count = |x: &Option<String>| r.iter().filter(|b| &rack(b) == x).count();
        let Some(i) = (1..r.len()).max_by_key(|i| {
            let b = r[*i];
            let shared = rack(&b).is_some() && count(&rack(&b)) > 1;
            (shared, load.get(&b).copied().unwrap_or(0), b)
        }) else {
            break;
        };
        let b = r.remove(i);
        if let Some(n) = load.get_mut(&b) {
            *n = n.saturating_sub(1);
        }
    }
    r
}

/// Fills the moves of the plan's replication-factor changes from the cluster's metadata, and
/// notes (instead of planning) topics whose partitions are being reassigned right now.
pub fn fill(
    plan: &mut Plan,
    meta: &ClusterMetadata,
    ongoing: &BTreeMap<TopicPartition, reassign::Ongoing>,
) {
    let racks: BTreeMap<i32, Option<String>> = meta
        .brokers
        .iter()
        .map(|(id, b)| (*id, b.rack.clone()))
        .collect();
    let mut load: BTreeMap<i32, usize> = racks.keys().map(|b| (*b, 0)).collect();
    for t in meta.topics.values() {
        for p in &t.partitions {
            for b in &p.replicas {
                *load.entry(*b).or_default() += 1;
            }
        }
    }
    let mut busy: BTreeMap<&str, usize> = BTreeMap::new();
    for (t, _) in ongoing.keys() {
        *busy.entry(t.as_str()).or_default() += 1;
    }
    for (t, n) in &busy {
        plan.warnings.push(format!(
            "{t}: a reassignment of {n} partition(s) is in progress"
        ));
    }
    plan.actions.retain(|a| match a {
        Action::ChangeReplication { topic, .. } => !busy.contains_key(topic.as_str()),
        _ => true,
    });
    for a in &mut plan.actions {
        let Action::ChangeReplication {
            topic, to, moves, ..
        } = a
        else {
            continue;
        };
        let Some(t) = meta.topics.get(topic.as_str()) else {
            continue;
        };
        for p in &t.partitions {
            let new = place(&p.replicas, *to as usize, &racks, &mut load);
            if new != p.replicas {
                moves.push(Move {
                    partition: p.partition,
                    from: p.replicas.clone(),
                    to: new,
                });
            }
        }
    }
}

/// How `apply` runs a reassignment.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReassignOptions {
    /// Bytes per second each broker may replicate for it (removed at the end).
    pub throttle: Option<u64>,
    /// Return once the reassignment is started.
    pub no_wait: bool,
}

const LEADER_RATE: &str = "leader.replication.throttled.rate";
const FOLLOWER_RATE: &str = "follower.replication.throttled.rate";
const LEADER_REPLICAS: &str = "leader.replication.throttled.replicas";
const FOLLOWER_REPLICAS: &str = "follower.replication.throttled.replicas";

/// Runs the plan's replication-factor changes: the throttle, one AlterPartitionReassignments,
/// then (unless `no_wait`) waiting for ListPartitionReassignments to show them done, reporting
/// `progress(done, total)`, and removing the throttle. One outcome per action.
pub async fn execute(
    client: &Client,
    actions: &[Action],
    opts: ReassignOptions,
    progress: &dyn Fn(usize, usize),
) -> Vec<Outcome> {
    let changes: Vec<&Action> = (actions.iter())
        .filter(|a| matches!(a, Action::ChangeReplication { .. }))
        .collect();
    if changes.is_empty() {
        return Vec::new();
    }
    let mut moves: Vec<(TopicPartition, Vec<i32>)> = Vec::new();
    let mut from: BTreeMap<TopicPartition, Vec<i32>> = BTreeMap::new();
    for a in &changes {
        if let Action::ChangeReplication {
            topic, moves: m, ..
        } = a
        {
            for x in m {
                moves.push(((topic.clone(), x.partition), x.to.clone()));
                from.insert((topic.clone(), x.partition), x.from.clone());
            }
        }
    }
    let result = run(client, &moves, &from, opts, progress).await;
    let failed: BTreeMap<String, String> = match &result {
        Ok(errors) => errors.clone(),
        Err(e) => changes
            .iter()
            .map(|a| (a.topic().to_string(), e.to_string()))
            .collect(),
    };
    (changes.into_iter())
        .map(|a| Outcome {
            action: a.clone(),
            error: failed.get(a.topic()).cloned(),
        })
        .collect()
}

/// Where the replication throttle is set (to remove it, or to say where it stays).
#[derive(Debug, Default)]
struct Throttled {
    brokers: Vec<String>,
    topics: Vec<String>,
}

impl Throttled {
    fn is_empty(&self) -> bool {
        self.brokers.is_empty() && self.topics.is_empty()
    }

    /// Where the throttle stays and how to remove it.
    fn left_note(&self) -> String {
        format!(
            "the replication throttle stays on brokers {} and topics {}: once the reassignment completes, remove it with kafka-configs --alter --delete-config {LEADER_RATE},{FOLLOWER_RATE} --entity-type brokers --entity-name ID, and --delete-config {LEADER_REPLICAS},{FOLLOWER_REPLICAS} --entity-type topics --entity-name TOPIC",
            self.brokers.join(","),
            self.topics.join(",")
        )
    }
}

/// No partition finishing for this long: the wait stops (the reassignment goes on).
const STALL: Duration = Duration::from_secs(600);

/// The reassignment itself; the errors per topic. A throttle that cannot be set whole is taken
/// back before anything moves; one left in place (the wait failed, the reassignment goes on) is
/// named with how to remove it.
async fn run(
    client: &Client,
    moves: &[(TopicPartition, Vec<i32>)],
    from: &BTreeMap<TopicPartition, Vec<i32>>,
    opts: ReassignOptions,
    progress: &dyn Fn(usize, usize),
) -> anyhow::Result<BTreeMap<String, String>> {
    let mut set = Throttled::default();
    if let Some(rate) = opts.throttle
        && let Err(e) = throttle(client, moves, from, rate, &mut set).await
    {
        let undone = unthrottle(client, &set.brokers, &set.topics).await;
        return Err(match undone {
            Ok(()) => e.context("setting the replication throttle (taken back; nothing moved)"),
            Err(_) => e.context(set.left_note()),
        });
    }
    let mut errors: BTreeMap<String, String> = BTreeMap::new();
    let mut started: BTreeSet<TopicPartition> = BTreeSet::new();
    let results = match reassign::start(client, moves).await {
        Ok(r) => r,
        Err(e) => {
            let undone = unthrottle(client, &set.brokers, &set.topics).await;
            return Err(match undone {
                Ok(()) => e.into(),
                Err(_) => anyhow::Error::from(e).context(set.left_note()),
            });
        }
    };
    for (tp, e) in results {
        match e {
            Some(e) => {
                errors.entry(tp.0.clone()).or_insert_with(|| e.to_string());
            }
            None => {
                started.insert(tp);
            }
        }
    }
    if opts.no_wait {
        return Ok(errors);
    }
    if let Err(e) = wait(client, &started, progress).await {
        let note = if set.is_empty() {
            String::new()
        } else {
            format!("; {}", set.left_note())
        };
        return Err(e.context(format!("the reassignment continues in the cluster{note}")));
    }
    if let Err(e) = unthrottle(client, &set.brokers, &set.topics).await {
        // the replicas moved: only the throttle is left
        tracing::warn!("{e}");
        for tp in &started {
            errors
                .entry(tp.0.clone())
                .or_insert_with(|| format!("moved, but {}", set.left_note()));
        }
    }
    Ok(errors)
}

/// Waits until no partition of `started` is being reassigned, reporting progress; fails when
/// none finishes for [`STALL`].
async fn wait(
    client: &Client,
    started: &BTreeSet<TopicPartition>,
    progress: &dyn Fn(usize, usize),
) -> anyhow::Result<()> {
    let total = started.len();
    let mut last = (usize::MAX, std::time::Instant::now());
    loop {
        let ongoing = reassign::ongoing(client).await?;
        let left = started
            .iter()
            .filter(|tp| ongoing.contains_key(*tp))
            .count();
        progress(total - left, total);
        if left == 0 {
            return Ok(());
        }
        if left != last.0 {
            last = (left, std::time::Instant::now());
        } else if last.1.elapsed() > STALL {
            anyhow::bail!(
                "{left} of {total} partition(s) have not finished moving, and none did for {}",
                crate::units::format_duration(STALL)
            );
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

/// Sets the replication throttle: the rate on every broker the moves touch, and the throttled
/// replicas on each topic (leaders: the current replicas; followers: the new ones); `set` records
/// what was set, step by step.
async fn throttle(
    client: &Client,
    moves: &[(TopicPartition, Vec<i32>)],
    from: &BTreeMap<TopicPartition, Vec<i32>>,
    rate: u64,
    set: &mut Throttled,
) -> anyhow::Result<()> {
    let mut brokers: BTreeSet<i32> = BTreeSet::new();
    let mut leaders: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut followers: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (tp, to) in moves {
        let old = from.get(tp).cloned().unwrap_or_default();
        brokers.extend(old.iter().chain(to));
        for b in &old {
            leaders
                .entry(tp.0.clone())
                .or_default()
                .push(format!("{}:{b}", tp.1));
        }
        for b in to.iter().filter(|b| !old.contains(b)) {
            followers
                .entry(tp.0.clone())
                .or_default()
                .push(format!("{}:{b}", tp.1));
        }
    }
    let rate = rate.to_string();
    for b in &brokers {
        let ops = vec![(
            b.to_string(),
            vec![
                (LEADER_RATE.to_string(), AlterOp::Set(rate.clone())),
                (FOLLOWER_RATE.to_string(), AlterOp::Set(rate.clone())),
            ],
        )];
        broker_configs(client, &ops).await?;
        set.brokers.push(b.to_string());
    }
    let topics: BTreeSet<&String> = leaders.keys().chain(followers.keys()).collect();
    let topic_ops: Vec<(String, Vec<(String, AlterOp)>)> = (topics.iter())
        .map(|t| {
            let list = |m: &BTreeMap<String, Vec<String>>| {
                m.get(*t).cloned().unwrap_or_default().join(",")
            };
            let ops = vec![
                (LEADER_REPLICAS.to_string(), AlterOp::Set(list(&leaders))),
                (
                    FOLLOWER_REPLICAS.to_string(),
                    AlterOp::Set(list(&followers)),
                ),
            ];
            (t.to_string(), ops)
        })
        .collect();
    set.topics = topic_ops.iter().map(|(t, _)| t.clone()).collect();
    check(admin::alter_topic_configs(client, &topic_ops, false).await?)?;
    Ok(())
}

/// Removes the throttle set by [`throttle`].
pub async fn unthrottle(
    client: &Client,
    brokers: &[String],
    topics: &[String],
) -> anyhow::Result<()> {
    let ops = |keys: [&str; 2], names: &[String]| -> Vec<(String, Vec<(String, AlterOp)>)> {
        (names.iter())
            .map(|n| {
                (
                    n.clone(),
                    keys.iter()
                        .map(|k| (k.to_string(), AlterOp::Delete))
                        .collect(),
                )
            })
            .collect()
    };
    broker_configs(client, &ops([LEADER_RATE, FOLLOWER_RATE], brokers)).await?;
    check(
        admin::alter_topic_configs(
            client,
            &ops([LEADER_REPLICAS, FOLLOWER_REPLICAS], topics),
            false,
        )
        .await?,
    )?;
    Ok(())
}

/// Changes brokers' own configs, each through that broker.
async fn broker_configs(
    client: &Client,
    ops: &[(String, Vec<(String, AlterOp)>)],
) -> anyhow::Result<()> {
    for op in ops {
        let id: i32 = op.0.parse().unwrap_or(-1);
        let one = std::slice::from_ref(op);
        check(admin::alter_configs(client, Route::Broker(id), BROKER_RESOURCE, one, false).await?)?;
    }
    Ok(())
}

fn check(results: Vec<admin::TopicResult>) -> anyhow::Result<()> {
    for (_, r) in results {
        r?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replicas_spread_over_racks_and_load() {
        let racks: BTreeMap<i32, Option<String>> = [
            (1, Some("a".into())),
            (2, Some("a".into())),
            (3, Some("b".into())),
        ]
        .into();
        let mut load: BTreeMap<i32, usize> = [(1, 5), (2, 0), (3, 9)].into();
        // rack b first (the partition is on rack a), although broker 2 holds fewer replicas
        assert_eq!(place(&[1], 2, &racks, &mut load), vec![1, 3]);
        assert_eq!(load[&3], 10);
        assert_eq!(place(&[1], 3, &racks, &mut load), vec![1, 3, 2]);
        // going down: the leader stays; a replica on a shared rack goes first
        assert_eq!(place(&[2, 1, 3], 2, &racks, &mut load), vec![2, 3]);
        let flat: BTreeMap<i32, Option<String>> = [(1, None), (2, None), (3, None)].into();
        let mut load: BTreeMap<i32, usize> = [(1, 3), (2, 1), (3, 2)].into();
        assert_eq!(place(&[3], 3, &flat, &mut load), vec![3, 2, 1]);
        assert_eq!(place(&[1, 2, 3], 1, &flat, &mut load), vec![1]);
    }
}
