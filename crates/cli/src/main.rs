//! `chorus`: the command line. Each subcommand lives in `commands/`; this file only parses and
//! dispatches, and turns errors into a message and an exit code.

mod commands;
mod data;
mod options;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

// Summarizing allocates many small strings and vectors per cluster; mimalloc serves them faster
// than the system allocator, from every thread at once.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "chorus", version, about = "Many news reports of one event in, one cited brief out.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Summarize one cluster: a folder of reports, a `|||||`-separated file, a JSON file, or `-`.
    Summarize(commands::summarize::Args),
    /// Summarize every cluster of a JSONL file (`.gz` too, or `-`), one JSON brief per line.
    Batch(commands::batch::Args),
    /// List the summarization methods.
    Methods,
    /// Print every group of figures in a cluster, and whether the reports agree on it.
    Figures(commands::figures::Args),
    /// ROUGE of methods or of a system's outputs against human summaries, with confidence intervals.
    Eval(commands::eval::Args),
    /// Assign each article of a JSONL stream to an event, online; score against labels.
    Cluster(commands::cluster::Args),
    /// Read a stream of articles on stdin into a store: each article's event, committed before it
    /// is acknowledged, and each event's brief kept current.
    Stream(commands::stream::Args),
    /// List the events of a store, newest activity first.
    Events(commands::events::Args),
    /// Print an event's current brief from a store, or only what is new since a version.
    Brief(commands::brief::Args),
    /// Upkeep of a live store: expire old events.
    #[command(subcommand)]
    Store(commands::store::Args),
    /// Throughput of each pipeline stage against a bare read-and-tokenize pass.
    Bench(commands::bench::Args),
    /// Fit the `learned` method's sentence scorer on clusters with human summaries.
    Train(commands::train::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Summarize(args) => commands::summarize::run(args),
        Command::Batch(args) => commands::batch::run(args),
        Command::Methods => commands::methods::run(),
        Command::Figures(args) => commands::figures::run(args),
        Command::Eval(args) => commands::eval::run(args),
        Command::Cluster(args) => commands::cluster::run(args),
        Command::Stream(args) => commands::stream::run(args),
        Command::Events(args) => commands::events::run(args),
        Command::Brief(args) => commands::brief::run(args),
        Command::Store(args) => commands::store::run(args),
        Command::Bench(args) => commands::bench::run(args),
        Command::Train(args) => commands::train::run(args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("chorus: {error:#}");
            ExitCode::from(2)
        }
    }
}
