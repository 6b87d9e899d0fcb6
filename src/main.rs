//! The `evctl` binary: everything happens in the library.

/// The stack of the thread the command runs on: address space reserved, not memory used. A jq
/// `--where` program that recurses without end grows it until the watchdog of
/// `record::filter` stops it for the memory it took, instead of overflowing an 8 MiB stack and
/// aborting.
const STACK: usize = 1 << 30;

fn main() -> std::process::ExitCode {
    match std::thread::Builder::new()
        .name("evctl".into())
        .stack_size(STACK)
        .spawn(evctl::cli::main)
    {
        Ok(t) => t.join().unwrap_or(std::process::ExitCode::from(101)),
        // no address space for it (a tight ulimit -v): run here
        Err(_) => evctl::cli::main(),
    }
}
