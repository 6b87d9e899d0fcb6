//! Help, usage errors and exit codes.

use crate::support::Evctl;

#[test]
fn help_reads_well() {
    let run = Evctl::new().args(["--help"]).run().expect_code(0);
    for needle in [
        "Usage: evctl [OPTIONS] <COMMAND>",
        "cluster",
        "config",
        "completion",
        "validate",
        "--brokers",
        "[env: EVCTL_BROKERS=]",
        "Exit codes: 0 ok",
    ] {
        assert!(
            run.stdout.contains(needle),
            "{needle} not in:\n{}",
            run.stdout
        );
    }
    assert!(
        !run.stdout.contains("generate-docs"),
        "hidden command shown"
    );
    for sub in [
        &["cluster", "--help"][..],
        &["config", "--help"],
        &["config", "use", "--help"],
        &["completion", "--help"],
        &["validate", "--help"],
    ] {
        let run = Evctl::new().args(sub).run().expect_code(0);
        assert!(run.stdout.contains("Usage: evctl"), "{}", run.stdout);
    }
    let run = Evctl::new().args(["--version"]).run().expect_code(0);
    assert_eq!(run.stdout, format!("evctl {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn usage_errors_exit_2() {
    let run = Evctl::new()
        .args(["cluster", "--bogus"])
        .run()
        .expect_code(2);
    assert!(
        run.stderr.contains("unexpected argument '--bogus'"),
        "{}",
        run.stderr
    );
    let run = Evctl::new()
        .args(["-b", "x:1", "--timeout", "soon", "cluster"])
        .run()
        .expect_code(2);
    assert!(run.stderr.contains("invalid duration"), "{}", run.stderr);
    let run = Evctl::new()
        .args(["-b", "x:1", "-o", "xml", "cluster"])
        .run()
        .expect_code(2);
    assert!(
        run.stderr
            .contains("possible values: table, wide, json, yaml"),
        "{}",
        run.stderr
    );
    Evctl::new()
        .args::<[&str; 0], &str>([])
        .run()
        .expect_code(2);
}

#[test]
fn completion_scripts_print() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = Evctl::new()
            .args(["completion", shell])
            .run()
            .expect_code(0);
        assert!(run.stdout.contains("cluster"), "{shell}: {}", run.stdout);
    }
}

#[test]
fn color_always_and_no_color() {
    let run = Evctl::new()
        .args(["--color", "always", "-b", "127.0.0.1:9", "cluster"])
        .run()
        .expect_code(1);
    assert!(
        run.stderr.contains("\x1b["),
        "colour forced: {:?}",
        run.stderr
    );
    let run = Evctl::new()
        .env("NO_COLOR", "1")
        .args(["-b", "127.0.0.1:9", "cluster"])
        .run()
        .expect_code(1);
    assert!(!run.stderr.contains("\x1b["), "{:?}", run.stderr);
    let run = Evctl::new()
        .env("NO_COLOR", "1")
        .args(["--color", "always", "-b", "127.0.0.1:9", "cluster"])
        .run()
        .expect_code(1);
    assert!(
        run.stderr.contains("\x1b["),
        "--color always beats NO_COLOR"
    );
    let run = Evctl::new()
        .args(["-q", "-b", "127.0.0.1:9", "cluster"])
        .run()
        .expect_code(1);
    assert!(
        run.stderr
            .contains("error: could not connect to 127.0.0.1:9: connection refused"),
        "-q keeps errors: {}",
        run.stderr
    );
}

/// The command definitions: clap's own consistency checks, and a description for every
/// argument and subcommand (the help, completions and man pages are made from them).
#[test]
fn every_command_and_argument_is_described() {
    use clap::CommandFactory;
    fn walk(cmd: &clap::Command, path: &str) {
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            if id == "help" || id == "version" {
                continue;
            }
            assert!(
                a.get_help().is_some(),
                "{path}: argument {id} has no description"
            );
        }
        for sub in cmd.get_subcommands() {
            assert!(
                sub.get_about().is_some(),
                "{path} {}: no description",
                sub.get_name()
            );
            walk(sub, &format!("{path} {}", sub.get_name()));
        }
    }
    evctl::cli::Cli::command().debug_assert();
    walk(&evctl::cli::Cli::command(), "evctl");
}

/// Connection flags given on the command line land in the flag layer, not the environment's.
#[test]
fn flags_land_in_the_flag_layer() {
    use clap::{CommandFactory, FromArgMatches};
    use std::path::PathBuf;
    use std::time::Duration;
    let args = [
        "evctl",
        "-b",
        "a:1,b:2",
        "--timeout",
        "3s",
        "--tls-ca",
        "/ca.pem",
        "--no-tls",
        "cluster",
    ];
    let m = evctl::cli::Cli::command()
        .try_get_matches_from(args)
        .unwrap();
    let cli = evctl::cli::Cli::from_arg_matches(&m).unwrap();
    let (flags, envl) = evctl::config::args::cli_layers(&cli.global, &m);
    assert_eq!(flags.brokers, Some(vec!["a:1".into(), "b:2".into()]));
    assert_eq!(flags.timeout, Some(Duration::from_secs(3)));
    assert_eq!(flags.tls_ca, Some(PathBuf::from("/ca.pem")));
    assert_eq!(flags.tls, Some(false));
    assert_eq!(envl.brokers, None);
}
