//! Burrow's evaluation rules over a window of samples (linkedin/Burrow
//! `core/internal/evaluator/caching.go`, as ../shared/docs/lag-and-dlq.md §A2 describes them).
//!
//! Burrow reads commit timestamps from `__consumer_offsets`; evctl samples the committed offsets
//! with OffsetFetch, so a commit's time is the sample at which the committed offset was first seen
//! at its value. Per partition, over the window:
//!
//! 1. Too few samples (under 2), or a current lag within `allowed_lag`: OK.
//! 2. STOP: no new commit for longer than the window of commits spans (`now - last_commit >
//!    last_commit - first_commit`), unless the lag was zero at some recent sample.
//! 3. REWIND: a committed offset went down, and no later one got back to where it was.
//! 4. If the lag was above `allowed_lag` at every sample: STALL when the committed offset never
//!    moved, WARN when the lag never decreased.
//! 5. Otherwise OK.
//!
//! A group's status is its worst partition's, with STOP, STALL and REWIND counted as ERR.

use std::collections::VecDeque;

use serde::Serialize;

/// One observation of a partition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample {
    /// When it was taken (epoch ms).
    pub at_ms: i64,
    /// The committed offset, if any.
    pub committed: Option<i64>,
    /// The log end offset.
    pub log_end: i64,
}

impl Sample {
    fn lag(&self) -> Option<i64> {
        self.committed.map(|c| (self.log_end - c).max(0))
    }
}

/// Burrow's statuses, mildest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Status {
    Ok,
    Warn,
    Err,
    Stop,
    Stall,
    Rewind,
}

impl Status {
    /// The group-level form: STOP, STALL and REWIND are ERR.
    pub fn for_group(self) -> Status {
        match self {
            Status::Stop | Status::Stall | Status::Rewind => Status::Err,
            s => s,
        }
    }

    /// Severity for ordering a group's partitions (ERR-like ones above WARN).
    pub fn severity(self) -> u8 {
        match self {
            Status::Ok => 0,
            Status::Warn => 1,
            _ => 2,
        }
    }

    /// The upper-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "OK",
            Status::Warn => "WARN",
            Status::Err => "ERR",
            Status::Stop => "STOP",
            Status::Stall => "STALL",
            Status::Rewind => "REWIND",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A partition's last `capacity` samples.
#[derive(Debug, Clone)]
pub struct Window {
    samples: VecDeque<Sample>,
    capacity: usize,
}

impl Window {
    /// An empty window of `capacity` samples (Burrow's `intervals`, 10 by default).
    pub fn new(capacity: usize) -> Self {
        Window {
            samples: VecDeque::with_capacity(capacity),
            capacity: capacity.max(2),
        }
    }

    /// Adds a sample, dropping the oldest beyond the capacity.
    pub fn push(&mut self, s: Sample) {
        if self.samples.len() == self.capacity {
            self.samples.pop_front();
        }
        self.samples.push_back(s);
    }

    /// The samples, oldest first.
    pub fn samples(&self) -> impl Iterator<Item = &Sample> {
        self.samples.iter()
    }

    /// Records consumed per second over the window (committed offsets), when known.
    pub fn consume_rate(&self) -> Option<f64> {
        let (t0, c0) = self
            .samples
            .iter()
            .find_map(|s| s.committed.map(|c| (s.at_ms, c)))?;
        let (t1, c1) = self
            .samples
            .iter()
            .rev()
            .find_map(|s| s.committed.map(|c| (s.at_ms, c)))?;
        let dt = (t1 - t0) as f64 / 1000.0;
        (dt > 0.0).then(|| (c1 - c0) as f64 / dt)
    }

    /// Records produced per second over the window (log end offsets), when known.
    pub fn produce_rate(&self) -> Option<f64> {
        let first = self.samples.front()?;
        let last = self.samples.back()?;
        let dt = (last.at_ms - first.at_ms) as f64 / 1000.0;
        (dt > 0.0).then(|| (last.log_end - first.log_end) as f64 / dt)
    }

    /// Burrow's status at `now_ms`.
    pub fn evaluate(&self, now_ms: i64, allowed_lag: i64) -> Status {
        let s: Vec<&Sample> = self.samples.iter().collect();
        if s.len() < 2 {
            return Status::Ok;
        }
        let Some(current) = s.last().and_then(|x| x.lag()) else {
            return Status::Ok;
        };
        if current <= allowed_lag {
            return Status::Ok;
        }
        // commit times: when each committed value was first seen
        let mut commits: Vec<(i64, i64)> = Vec::new(); // (offset, first seen)
        for x in &s {
            if let Some(c) = x.committed
                && commits.last().is_none_or(|(o, _)| *o != c)
            {
                commits.push((c, x.at_ms));
            }
        }
        if let (Some(first), Some(last)) = (commits.first(), commits.last()) {
            let recent_lag_zero = s.iter().any(|x| x.lag() == Some(0));
            if now_ms - last.1 > last.1 - first.1 && !recent_lag_zero && commits.len() > 1 {
                return Status::Stop;
            }
        }
        // a rewind not yet made good
        let offsets: Vec<i64> = s.iter().filter_map(|x| x.committed).collect();
        for i in 1..offsets.len() {
            if offsets[i] < offsets[i - 1] && !offsets[i..].iter().any(|&o| o >= offsets[i - 1]) {
                return Status::Rewind;
            }
        }
        let always_lagging = s.iter().all(|x| x.lag().is_some_and(|l| l > allowed_lag));
        if always_lagging {
            if offsets.windows(2).all(|w| w[0] == w[1]) {
                return Status::Stall;
            }
            let lags: Vec<i64> = s.iter().filter_map(|x| x.lag()).collect();
            if lags.windows(2).all(|w| w[1] >= w[0]) {
                return Status::Warn;
            }
        }
        Status::Ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A window from (committed, log_end) pairs sampled every 10 s.
    fn window(points: &[(i64, i64)]) -> Window {
        let mut w = Window::new(10);
        for (i, &(c, e)) in points.iter().enumerate() {
            w.push(Sample {
                at_ms: i as i64 * 10_000,
                committed: Some(c),
                log_end: e,
            });
        }
        w
    }

    fn now(points: &[(i64, i64)]) -> i64 {
        (points.len() as i64 - 1) * 10_000
    }

    #[test]
    fn ok_when_caught_up_or_catching_up() {
        let caught_up = [(10, 10), (20, 20), (30, 30)];
        assert_eq!(window(&caught_up).evaluate(now(&caught_up), 0), Status::Ok);
        let catching_up = [(10, 100), (50, 110), (100, 120)];
        assert_eq!(
            window(&catching_up).evaluate(now(&catching_up), 0),
            Status::Ok
        );
        assert_eq!(window(&[(0, 5)]).evaluate(0, 0), Status::Ok, "one sample");
    }

    #[test]
    fn warn_when_lag_never_decreases() {
        let p = [(10, 20), (20, 35), (30, 50), (40, 60)];
        assert_eq!(window(&p).evaluate(now(&p), 0), Status::Warn);
        // within the allowed lag it is fine
        assert_eq!(window(&p).evaluate(now(&p), 100), Status::Ok);
    }

    #[test]
    fn stall_when_commits_do_not_move_while_lagging() {
        let p = [(10, 20), (10, 25), (10, 30)];
        assert_eq!(window(&p).evaluate(now(&p), 0), Status::Stall);
    }

    #[test]
    fn stop_when_commits_stopped_longer_than_the_window() {
        // commits moved between the first two samples, then nothing for 60 s
        let mut w = Window::new(10);
        w.push(Sample {
            at_ms: 0,
            committed: Some(5),
            log_end: 10,
        });
        w.push(Sample {
            at_ms: 10_000,
            committed: Some(8),
            log_end: 10,
        });
        w.push(Sample {
            at_ms: 70_000,
            committed: Some(8),
            log_end: 10,
        });
        assert_eq!(w.evaluate(70_000, 0), Status::Stop);
        // not when the lag was zero recently
        w.push(Sample {
            at_ms: 80_000,
            committed: Some(10),
            log_end: 10,
        });
        w.push(Sample {
            at_ms: 200_000,
            committed: Some(10),
            log_end: 12,
        });
        assert_ne!(w.evaluate(200_000, 0), Status::Stop);
    }

    #[test]
    fn rewind_until_made_good() {
        let p = [(50, 60), (20, 61), (30, 62)];
        assert_eq!(window(&p).evaluate(now(&p), 0), Status::Rewind);
        let healed = [(50, 60), (20, 61), (55, 62)];
        assert_ne!(window(&healed).evaluate(now(&healed), 0), Status::Rewind);
    }

    #[test]
    fn rates_and_group_status() {
        let p = [(0, 100), (50, 110), (100, 120)];
        let w = window(&p);
        assert_eq!(w.consume_rate(), Some(5.0));
        assert_eq!(w.produce_rate(), Some(1.0));
        assert_eq!(Status::Stall.for_group(), Status::Err);
        assert_eq!(Status::Warn.for_group(), Status::Warn);
        assert!(Status::Rewind.severity() > Status::Warn.severity());
    }

    #[test]
    fn window_keeps_the_last_samples() {
        let mut w = Window::new(3);
        for i in 0..5 {
            w.push(Sample {
                at_ms: i,
                committed: Some(i),
                log_end: 10,
            });
        }
        let kept: Vec<i64> = w.samples().map(|s| s.at_ms).collect();
        assert_eq!(kept, [2, 3, 4]);
    }
}
