//! The `evctl` binary: everything happens in the library.

fn main() -> std::process::ExitCode {
    evctl::cli::main()
}
