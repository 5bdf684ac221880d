//! `chorus store expire --store DIR --before DATE`: upkeep of a live store.

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Subcommand)]
pub enum Args {
    /// Delete the events whose latest report is dated before a day, with their articles and
    /// briefs (undated events stay); their numbers are never reused
    Expire {
        /// The store's directory
        #[arg(long)]
        store: PathBuf,
        /// The first day kept, `YYYY-MM-DD`
        #[arg(long)]
        before: String,
    },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let Args::Expire { store, before } = args;
    anyhow::ensure!(
        chorus::cluster::Day::parse(&before).is_some() && before.len() == 10,
        "--before {before:?}: expected a day as YYYY-MM-DD"
    );
    let store = chorus::live::open_existing(&store)?;
    let (events, articles) = store.expire(&before)?;
    crate::output::outln!("expired {events} events ({articles} articles) whose latest report is before {before}")?;
    Ok(ExitCode::SUCCESS)
}
