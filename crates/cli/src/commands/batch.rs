//! `chorus batch FILE`: a JSONL stream of clusters in, a JSONL stream of briefs out, in input
//! order, on all cores, in bounded memory.
//!
//! Clusters are read in chunks; while the worker threads summarize one chunk, the next is read,
//! so reading overlaps summarizing and memory holds at most two chunks.

use crate::options::{LimitArgs, MethodArgs};
use chorus::batch::summarize_line;
use chorus::ingest::ClusterLine;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::{BufRead, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub const EXAMPLES: &str = "Examples:
  chorus batch clusters.jsonl.gz > briefs.jsonl
  zcat clusters.jsonl.gz | chorus batch - --figures --words 250 > briefs.jsonl
  chorus batch clusters.jsonl --max-line-bytes 500000000   # allow very long lines";

#[derive(clap::Args)]
pub struct Args {
    /// JSONL of clusters (`{"id", "documents": [...]}` per line), `.gz` too, or `-` for stdin
    pub file: PathBuf,
    #[command(flatten)]
    pub method: MethodArgs,
    #[command(flatten)]
    pub limits: LimitArgs,
    /// No progress bar
    #[arg(long, short)]
    pub quiet: bool,
    /// Clusters read ahead and summarized together; bounds memory
    #[arg(long, default_value_t = 256)]
    pub chunk: usize,
    /// Also find the figures the reports disagree on, and add them to each record
    #[arg(long)]
    pub figures: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let summarizer = args.method.summarizer()?.with_figures(args.figures);
    let mut lines = chorus::ingest::read_clusters(&args.file)?.with_limits(args.limits.limits());
    let progress = progress_bar(&args.file, args.quiet);
    let chunk_size = args.chunk.max(1);
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut failed = 0usize;
    let mut seen = 0usize;
    // Hashes of the ids so far: a few bytes per cluster, where the ids could be long.
    let mut ids = std::collections::HashSet::new();
    let mut chunk: Vec<ClusterLine> = lines.by_ref().take(chunk_size).collect();
    while !chunk.is_empty() {
        let (results, next) = rayon::join(
            || chunk.into_par_iter().map(|line| summarize_line(&summarizer, line)).collect::<Vec<_>>(),
            || lines.by_ref().take(chunk_size).collect::<Vec<_>>(),
        );
        for outcome in &results {
            seen += 1;
            failed += usize::from(outcome.result.is_err());
            if let Some(id) = &outcome.id {
                if !ids.insert(hash(id)) {
                    eprintln!(
                        "chorus: {}: line {}: cluster id '{id}' was used on an earlier line",
                        args.file.display(),
                        outcome.line
                    );
                }
            }
            // A closed pipe (`| head`) ends the run here; `main` makes that a quiet exit.
            serde_json::to_writer(&mut out, &outcome.record(args.figures)).map_err(std::io::Error::from)?;
            out.write_all(b"\n")?;
        }
        progress.inc(results.len() as u64);
        chunk = next;
    }
    out.flush()?;
    progress.finish_and_clear();
    if seen == 0 {
        // Not an error: an empty partition is normal when Spark pipes through `chorus batch`.
        eprintln!("chorus: {}: no clusters in the input; nothing to summarize", args.file.display());
    }
    if failed > 0 {
        eprintln!("chorus: {failed} cluster(s) failed; see the records with an \"error\" field");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn hash(id: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(id)
}

/// A progress bar with ETA on a terminal; hidden otherwise. Its length comes from a quick count
/// of the file's non-blank lines, made only when the bar is shown.
fn progress_bar(file: &Path, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() || file.as_os_str() == "-" {
        return ProgressBar::hidden();
    }
    let total = chorus::ingest::open_text(file)
        .map(|reader| reader.lines().map_while(Result::ok).filter(|l| !l.trim().is_empty()).count() as u64)
        .unwrap_or(0);
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} clusters  {elapsed} elapsed, ETA {eta}")
            .expect("the progress template is valid"),
    );
    bar
}
