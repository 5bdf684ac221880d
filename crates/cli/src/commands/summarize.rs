//! `chorus summarize PATH`: one cluster, one brief.

use crate::options::MethodArgs;
use anyhow::Context;
use chorus::Format;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// A folder of .txt/.md/.html files, a `|||||`-separated file, a JSON cluster, or `-` for stdin
    pub path: PathBuf,
    #[command(flatten)]
    pub method: MethodArgs,
    /// Output format: text, markdown, json or html
    #[arg(long, short, default_value = "text")]
    pub format: Format,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let summarizer = args.method.summarizer()?;
    let cluster = chorus::read_cluster(&args.path)?;
    let brief = summarizer.summarize(cluster).with_context(|| format!("{}", args.path.display()))?;
    let mut out = std::io::stdout().lock();
    // A closed pipe (`| head`) is the reader's choice, not an error.
    let _ = out.write_all(chorus::render(&brief, args.format).as_bytes());
    Ok(ExitCode::SUCCESS)
}
