//! `chorus summarize PATH`: one cluster, one brief.

use crate::options::{LimitArgs, MethodArgs};
use chorus::Format;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub const EXAMPLES: &str = "Examples:
  chorus summarize examples/in-amenas
  chorus summarize examples/in-amenas --format markdown --words 250
  chorus summarize reports/ --method lexrank --sentences 5 --format json
  cat a.txt b.txt | chorus summarize -";

#[derive(clap::Args)]
pub struct Args {
    /// A folder of .txt/.md/.html files, a `|||||`-separated file, a JSON cluster, or `-` for stdin
    pub path: PathBuf,
    #[command(flatten)]
    pub method: MethodArgs,
    #[command(flatten)]
    pub limits: LimitArgs,
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
    if is_jsonl(&args.path) {
        anyhow::bail!(
            "{}: a JSONL file holds one cluster per line; use `chorus batch {}`",
            args.path.display(),
            args.path.display()
        );
    }
    let summarizer = args.method.summarizer()?;
    let limits = args.limits.limits();
    let mut cluster = chorus::read_cluster_with(&args.path, limits)?;
    for path in &args.since {
        let mut seen = chorus::read_cluster_with(path, limits)?;
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
    let id = cluster.id.clone();
    let brief =
        summarizer.summarize(cluster).map_err(|e| super::at_origin(&args.path.display().to_string(), &id, e))?;
    crate::output::print(&chorus::render(&brief, args.format))?;
    Ok(ExitCode::SUCCESS)
}

/// `.jsonl` or `.jsonl.gz`: a stream of clusters, which is `batch`'s input.
fn is_jsonl(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    name.ends_with(".jsonl") || name.ends_with(".jsonl.gz") || name.ends_with(".ndjson")
}
