//! `chorus figures PATH`: every group of figures of a cluster.

use anyhow::Context;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// A cluster, as for `chorus summarize`
    pub path: PathBuf,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let brief = chorus::Summarizer::new(chorus::DEFAULT_METHOD, chorus::Budget::words(1))?
        .summarize(chorus::read_cluster(&args.path)?)
        .with_context(|| format!("{}", args.path.display()))?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&brief.figures)?);
    } else {
        print!("{}", chorus::render_figures(&brief));
    }
    Ok(ExitCode::SUCCESS)
}
