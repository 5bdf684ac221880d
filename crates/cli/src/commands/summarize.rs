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
    /// Reports the reader has already read (a file, a folder or a JSON cluster; repeatable): the
    /// brief covers only what is new, and shows figures that changed since
    #[arg(long, value_name = "SEEN_PATH")]
    pub since: Vec<PathBuf>,
    /// What the reader wants to know: the brief favours the sentences that answer it
    #[arg(long, value_name = "TEXT")]
    pub query: Option<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let summarizer = args.method.summarizer()?;
    let mut cluster = chorus::read_cluster(&args.path)?;
    for path in &args.since {
        let mut seen = chorus::read_cluster(path)?;
        // A single report read from its own file is named by the file, as in a folder.
        if let ([only], Some(stem)) = (seen.documents.as_mut_slice(), path.file_stem()) {
            only.id = stem.to_string_lossy().into_owned();
        }
        cluster.add_seen(seen.documents);
    }
    if let Some(query) = args.query {
        anyhow::ensure!(!query.trim().is_empty(), "--query: the query is blank");
        cluster.query = Some(query);
    }
    let brief = summarizer.summarize(cluster).with_context(|| format!("{}", args.path.display()))?;
    let mut out = std::io::stdout().lock();
    // A closed pipe (`| head`) is the reader's choice, not an error.
    let _ = out.write_all(chorus::render(&brief, args.format).as_bytes());
    Ok(ExitCode::SUCCESS)
}
