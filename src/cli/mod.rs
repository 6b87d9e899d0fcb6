//! Command-line parsing and dispatch. Each command is a file (a folder where it has subcommands:
//! `config/`, `dlq/`, `schema/`) with its arguments and a `run` that turns them into options, connects, calls
//! one library function, prints, and returns an exit status; `config::args` resolves the global
//! flags, the environment and the config file, and [`terminal`] holds what needs a person at a
//! terminal (confirmations, progress bars, the stop signal). No command drives a transport.

pub mod apply;
pub mod cluster;
pub mod completion;
pub mod config;
pub mod dlq;
pub mod export;
pub mod generate_docs;
pub mod group;
pub mod jobs;
pub mod lag;
pub mod orphans;
pub mod plan;
pub mod publish;
pub mod schema;
pub mod tail;
pub mod terminal;
pub mod trim;
pub mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::parser::ValueSource;
use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, Subcommand};

pub use crate::config::args::GlobalArgs;
use crate::config::args::{LoadedConfig, cli_layers, resolve_settings};
use crate::config::{Layer, Settings};
use crate::error::{ExitStatus, status_for, usage_hint};
use crate::kafka;
use crate::output::{OutputFormat, Printer, Verbosity};

const AFTER_HELP: &str =
    "Connection settings come from flags, then EVCTL_* environment variables, then the selected \
context of ~/.config/evctl/config.yaml (see `evctl config --help`).

Exit codes: 0 ok, 1 operational failure, 2 usage or input error, 3 a check found a problem, \
130 interrupted.";

/// evctl: run Kafka-compatible event infrastructure from the command line.
///
/// Inspect clusters, manage topics declaratively, publish and tail events, gate schema changes in
/// CI, watch consumer lag and recover dead-letter queues.
#[derive(Debug, Parser)]
#[command(name = "evctl", version, propagate_version = true, after_help = AFTER_HELP, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the cluster: id, controller, brokers, topic and partition counts, API versions.
    Cluster(cluster::ClusterArgs),
    /// Manage connection contexts in the config file.
    Config(config::ConfigArgs),
    /// Check schema compatibility (the CI gate), and read or register schemas in a registry.
    Schema(schema::SchemaArgs),
    /// Check spec files (topics.yaml) offline: every problem with its file:line:col.
    Validate(validate::ValidateArgs),
    /// Show what `evctl apply` would change in the cluster, without changing anything.
    Plan(plan::PlanCommand),
    /// Make the cluster's topics match the spec (after showing the plan and asking).
    Apply(apply::ApplyCommand),
    /// Write the cluster's topics as a topics.yaml spec.
    Export(export::ExportArgs),
    /// List topics in the cluster that the spec does not list.
    Orphans(orphans::OrphansArgs),
    /// Publish records: a value, lines or JSON-lines records from stdin or a file.
    Publish(publish::PublishArgs),
    /// Read records: follow a topic, or dump a range and exit; filters and formats.
    Tail(tail::TailArgs),
    /// Consumer lag: offsets and time behind, health, thresholds, watch until caught up.
    Lag(lag::LagArgs),
    /// Consumer groups: list, describe, reset offsets (plan first), delete.
    Group(crate::group::flags::GroupArgs),
    /// Dead-letter topics: inspect, replay without loss, drain, purge.
    Dlq(dlq::DlqArgs),
    /// Trim a Redis stream, refusing to delete entries a group has not read (or --force).
    Trim(crate::redis::trim::TrimArgs),
    /// BullMQ queues in Redis: counts, jobs, promote, pause and resume.
    Jobs(crate::redis::bullmq::flags::JobsArgs),
    /// Print a shell completion script.
    Completion(completion::CompletionArgs),
    /// Regenerate completions/ and man/ from the command definitions (for maintainers).
    #[command(hide = true)]
    GenerateDocs(generate_docs::GenerateDocsArgs),
}

/// What every command gets: the printer and the resolved settings.
pub struct Ctx<'a> {
    pub printer: &'a Printer,
    pub settings: Settings,
    /// The config file path in use, and its parsed content when it exists.
    pub config_path: Option<PathBuf>,
    pub config: LoadedConfig,
    /// True when `-o` was given on the command line (commands with their own default use it).
    pub output_explicit: bool,
    /// The connection settings given as flags on this command line (not from the environment):
    /// what `config set-context` writes.
    pub flags: Layer,
}

impl Ctx<'_> {
    /// Connects to the cluster the settings name.
    pub async fn client(&self) -> anyhow::Result<kafka::Client> {
        let opts = self.settings.client_options()?;
        if opts.bootstrap.is_empty() {
            return Err(usage_hint(
                "no brokers configured",
                "pass --brokers HOST:PORT, set EVCTL_BROKERS, or add a context with `brokers:` to the config file",
            ));
        }
        if opts
            .connect
            .tls
            .as_ref()
            .is_some_and(|t| t.insecure_skip_verify)
        {
            self.printer.warn("TLS certificate verification is off (--tls-insecure): anyone on the path can impersonate the broker");
        }
        tracing::info!(brokers = ?opts.bootstrap, tls = opts.connect.tls.is_some(), sasl = opts.connect.sasl.is_some(), "connecting");
        Ok(kafka::Client::connect(opts).await?)
    }
}

/// The registry codec when a registry is configured (and `off` is false). With `check`, the
/// registry must answer before any record is read (an unreachable one is exit 1); without, a
/// broken registry setting only matters once a record needs it.
pub async fn codec(
    ctx: &Ctx<'_>,
    off: bool,
    avro_json: crate::codec::avro::AvroJson,
    check: bool,
) -> anyhow::Result<Option<crate::codec::Codec>> {
    let opts = match ctx.settings.registry_options() {
        Ok(Some(o)) if !off => o,
        Err(e) if check => return Err(e),
        _ => return Ok(None),
    };
    let registry = crate::schema::registry::Registry::new(&opts);
    let registry = match registry {
        Ok(r) => r,
        Err(e) if check => return Err(e.into()),
        Err(_) => return Ok(None),
    };
    let mut codec = crate::codec::Codec::new(registry, avro_json);
    if check {
        codec.probe().await?;
    }
    Ok(Some(codec))
}

/// Fails when `group` does not exist, naming the groups it may have meant; `hint` says how to
/// start a new one on purpose.
pub async fn require_group(client: &kafka::Client, group: &str, hint: &str) -> anyhow::Result<()> {
    kafka::groups::require_group(client, group)
        .await
        .map_err(|e| match e {
            e @ kafka::KafkaError::NoSuchGroup { .. } => {
                crate::error::failure_hint(e.to_string(), hint)
            }
            e => e.into(),
        })
}

fn init_tracing(verbosity: u8, quiet: bool, color: bool) {
    use tracing::Level;
    let level = match (quiet, verbosity) {
        (true, _) => Level::ERROR,
        (_, 0) => Level::WARN,
        (_, 1) => Level::INFO,
        (_, 2) => Level::DEBUG,
        _ => Level::TRACE,
    };
    use tracing_subscriber::filter::{LevelFilter, Targets};
    use tracing_subscriber::layer::SubscriberExt;
    // lapin logs what evctl handles and reports itself (a failed probe, a returned message)
    let amqp = if verbosity >= 2 {
        LevelFilter::from_level(level)
    } else {
        LevelFilter::OFF
    };
    let targets = Targets::new()
        .with_default(level)
        .with_target("lapin", amqp)
        .with_target("amq_protocol", amqp);
    let fmt = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_max_level(level)
        .with_target(verbosity >= 3)
        .with_ansi(color)
        .without_time()
        .finish();
    let _ = tracing::subscriber::set_global_default(fmt.with(targets));
}

async fn dispatch(cli: Cli, matches: &ArgMatches, printer: &Printer) -> anyhow::Result<ExitStatus> {
    if let Command::Completion(args) = &cli.command {
        return completion::run(printer, args);
    }
    if let Command::GenerateDocs(args) = &cli.command {
        return generate_docs::run(printer, args);
    }
    // offline: no settings, so a broken config file does not stop it
    if let Command::Validate(args) = &cli.command {
        return validate::run(printer, args);
    }
    let (settings, config_path, config) = resolve_settings(&cli.global, matches)?;
    let output_explicit = matches.value_source("output") == Some(ValueSource::CommandLine);
    if printer.format == OutputFormat::Raw && !matches!(cli.command, Command::Tail(_)) {
        return Err(crate::error::usage(
            "-o raw is only for `evctl tail`; use -o table, json or yaml",
        ));
    }
    if printer.format == OutputFormat::Prometheus && !matches!(cli.command, Command::Lag(_)) {
        return Err(crate::error::usage(
            "-o prometheus is only for `evctl lag`; use -o table, json or yaml",
        ));
    }
    let flags = cli_layers(&cli.global, matches).0;
    let ctx = Ctx {
        printer,
        settings,
        config_path,
        config,
        output_explicit,
        flags,
    };
    match cli.command {
        Command::Cluster(args) => cluster::run(&ctx, &args).await,
        Command::Config(args) => config::run(&ctx, &args),
        Command::Schema(args) => schema::run(&ctx, &args).await,
        Command::Plan(args) => plan::run(&ctx, &args).await,
        Command::Apply(args) => apply::run(&ctx, &args).await,
        Command::Export(args) => export::run(&ctx, &args).await,
        Command::Orphans(args) => orphans::run(&ctx, &args).await,
        Command::Publish(args) => publish::run(&ctx, &args).await,
        Command::Tail(args) => tail::run(&ctx, &args).await,
        Command::Lag(args) => lag::run(&ctx, &args).await,
        Command::Group(args) => group::run(&ctx, &args).await,
        Command::Dlq(args) => dlq::run(&ctx, &args).await,
        Command::Trim(args) => trim::run(&ctx, &args).await,
        Command::Jobs(args) => jobs::run(&ctx, &args).await,
        Command::Completion(_) | Command::GenerateDocs(_) | Command::Validate(_) => {
            unreachable!("handled above")
        }
    }
}

/// The program: parse, run, print the error if any, and return the exit code.
pub fn main() -> ExitCode {
    let matches = match Cli::command().try_get_matches() {
        Ok(m) => m,
        Err(e) => {
            let _ = e.print();
            // clap: 0 for --help/--version, 2 for usage errors
            return ExitCode::from(e.exit_code() as u8);
        }
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitStatus::Usage.into();
        }
    };
    let g = &cli.global;
    let verbosity = if g.quiet {
        Verbosity::Quiet
    } else if g.verbose > 0 {
        Verbosity::Verbose
    } else {
        Verbosity::Normal
    };
    let printer = Printer::stdio(g.output, g.color, verbosity);
    init_tracing(g.verbose, g.quiet, printer.err_styles().color);
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            printer.error(&anyhow::Error::from(e).context("cannot start the async runtime"));
            return ExitStatus::Failure.into();
        }
    };
    // publish, tail and dlq replay stop cleanly on Ctrl-C themselves (flush, commit, summary)
    let own_interrupt = matches!(
        cli.command,
        Command::Publish(_)
            | Command::Tail(_)
            | Command::Dlq(dlq::DlqArgs {
                command: dlq::DlqCommand::Replay(_)
            })
    );
    let result = runtime.block_on(async {
        tokio::select! {
            r = dispatch(cli, &matches, &printer) => r,
            _ = terminal::interrupt(), if !own_interrupt => Ok(ExitStatus::Interrupted),
        }
    });
    runtime.shutdown_background();
    match result {
        Ok(ExitStatus::Interrupted) => {
            printer.status("interrupted");
            ExitStatus::Interrupted.into()
        }
        Ok(status) => status.into(),
        Err(err) => {
            let status = status_for(&err);
            if status != ExitStatus::Success {
                printer.error(&err);
            }
            status.into()
        }
    }
}
