//! `chorus`: the command line. Each subcommand lives in `commands/`; this file only parses and
//! dispatches, and turns errors into a message and an exit code.

mod commands;
mod data;
mod options;
mod output;

use clap::{CommandFactory, Parser, Subcommand};
use std::process::ExitCode;

// Summarizing allocates many small strings and vectors per cluster; mimalloc serves them faster
// than the system allocator, from every thread at once.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "chorus",
    version,
    about = "Many news reports of one event in, one cited brief out.",
    after_help = "Examples:\n  chorus summarize examples/in-amenas\n  chorus summarize reports/ --format markdown --words 250\n  chorus batch clusters.jsonl.gz > briefs.jsonl\n  chorus figures examples/in-amenas\n\nExit codes: 0 done (also when the reader of stdout closes it early, as `| head` does), 1 some batch records failed, 2 bad input or usage."
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Summarize one cluster: a folder of reports, a `|||||`-separated file, a JSON file, or `-`.
    #[command(after_help = commands::summarize::EXAMPLES)]
    Summarize(commands::summarize::Args),
    /// Summarize every cluster of a JSONL file (`.gz` too, or `-`), one JSON brief per line.
    #[command(after_help = commands::batch::EXAMPLES)]
    Batch(commands::batch::Args),
    /// List the summarization methods.
    #[command(after_help = "Examples:\n  chorus methods\n  chorus summarize examples/in-amenas --method lexrank")]
    Methods,
    /// Print every group of figures in a cluster, and whether the reports agree on it.
    #[command(after_help = commands::figures::EXAMPLES)]
    Figures(commands::figures::Args),
    /// ROUGE of methods or of a system's outputs against human summaries, with confidence intervals.
    #[command(after_help = commands::eval::EXAMPLES)]
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
    #[command(after_help = commands::bench::EXAMPLES)]
    Bench(commands::bench::Args),
    /// Serve the HTTP API and the web page until SIGTERM or Ctrl-C.
    Serve(commands::serve::Args),
    /// Fit the `learned` method's sentence scorer on clusters with human summaries.
    #[command(after_help = commands::train::EXAMPLES)]
    Train(commands::train::Args),
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  chorus completions bash > ~/.local/share/bash-completion/completions/chorus\n  chorus completions zsh > ~/.zfunc/_chorus\n  chorus completions fish > ~/.config/fish/completions/chorus.fish"
    )]
    Completions {
        /// bash, zsh, fish, elvish or powershell
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    #[command(after_help = "Examples:\n  chorus man > chorus.1 && man ./chorus.1")]
    Man,
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
        Command::Serve(args) => commands::serve::run(args),
        Command::Train(args) => commands::train::run(args),
        Command::Completions { shell } => completions(shell),
        Command::Man => man(),
    };
    match result {
        Ok(code) => code,
        // The reader of stdout went away (`| head`): it has what it wanted; end quietly.
        Err(error) if output::is_closed_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("chorus: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// The completion script, generated into a buffer first: `clap_complete` panics on a write
/// error, and stdout may be a closed pipe.
fn completions(shell: clap_complete::Shell) -> anyhow::Result<ExitCode> {
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "chorus", &mut buffer);
    output::print(&String::from_utf8(buffer)?)?;
    Ok(ExitCode::SUCCESS)
}

/// The man page of `chorus` and its subcommands, in roff.
fn man() -> anyhow::Result<ExitCode> {
    let mut buffer = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut buffer)?;
    for sub in Cli::command().get_subcommands() {
        buffer.extend_from_slice(format!(".SH \"CHORUS {}\"\n", sub.get_name().to_uppercase()).as_bytes());
        clap_mangen::Man::new(sub.clone()).render_description_section(&mut buffer)?;
        clap_mangen::Man::new(sub.clone()).render_options_section(&mut buffer)?;
    }
    output::print(&String::from_utf8(buffer)?)?;
    Ok(ExitCode::SUCCESS)
}
