//! Bounds on a runaway `--where` program: jq is Turing-complete, so `last(range(1e12))`, `[range(1e9)]`
//! or `def f: 1 + f; f` would spin, eat memory or recurse without end on the first record. A
//! watchdog thread, started with the first program, samples the evaluation in progress every
//! 50 ms; one that has run longer than [`MAX_TIME`], or grown the process by more than
//! [`MAX_GROWTH`] since it was first seen running, ends the process with exit 2 and says why.
//! An evaluation costs two atomic stores; the samples read `/proc/self/statm` only while one runs
//! long. (Deep recursion shows as memory growth: the binary runs commands on a thread with a large
//! stack, see src/main.rs.)

use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The longest one record's evaluation may take.
pub const MAX_TIME: Duration = Duration::from_secs(5);
/// How much one record's evaluation may grow the process's resident memory.
pub const MAX_GROWTH: u64 = 512 * 1024 * 1024;

const TICK: Duration = Duration::from_millis(50);

static SEQ: AtomicU64 = AtomicU64::new(0);
static ACTIVE: AtomicBool = AtomicBool::new(false);
static START: Once = Once::new();
static OFF: AtomicBool = AtomicBool::new(false);

/// Turns the watchdog off for the rest of the process: for a host with limits of its own (a
/// fuzzer, which reports a runaway program as a timeout or out-of-memory input instead of an exit).
pub fn disable() {
    OFF.store(true, Ordering::Relaxed);
}

/// Marks one evaluation; dropping it ends the evaluation.
pub(super) struct Running;

impl Drop for Running {
    fn drop(&mut self) {
        ACTIVE.store(false, Ordering::Release);
    }
}

/// Starts an evaluation (and the watchdog, the first time).
pub(super) fn enter() -> Running {
    if OFF.load(Ordering::Relaxed) {
        return Running;
    }
    START.call_once(|| {
        let _ = std::thread::Builder::new()
            .name("evctl-where-watch".into())
            .spawn(watch);
    });
    SEQ.fetch_add(1, Ordering::Relaxed);
    ACTIVE.store(true, Ordering::Release);
    Running
}

fn watch() {
    // (sequence number, first seen at, resident bytes then) of the evaluation seen running
    let mut seen: Option<(u64, Instant, u64)> = None;
    loop {
        std::thread::sleep(TICK);
        let seq = SEQ.load(Ordering::Relaxed);
        if !ACTIVE.load(Ordering::Acquire) {
            seen = None;
            continue;
        }
        match seen {
            Some((s, since, base)) if s == seq => {
                let grown = resident().saturating_sub(base);
                let took = since.elapsed() + TICK;
                if took > MAX_TIME {
                    give_up(&format!(
                        "ran for more than {}s on one record",
                        MAX_TIME.as_secs()
                    ));
                }
                if grown > MAX_GROWTH {
                    give_up(&format!(
                        "took more than {} MiB of memory on one record",
                        MAX_GROWTH >> 20
                    ));
                }
            }
            _ => seen = Some((seq, Instant::now(), resident())),
        }
    }
}

fn give_up(what: &str) -> ! {
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "error: the --where expression {what}: stopped (a runaway program: unbounded `range`, `repeat` or recursion?)"
    );
    std::process::exit(2);
}

/// The process's resident memory in bytes (0 where /proc is not there).
fn resident() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    pages * 4096
}
