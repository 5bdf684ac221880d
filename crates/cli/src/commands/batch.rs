//! `chorus batch FILE`: a JSONL stream of clusters in, a JSONL stream of briefs out, in input
//! order, on all cores, in bounded memory.
//!
//! Clusters are read in chunks; while the worker threads summarize one chunk, the next is read,
//! so reading overlaps summarizing and memory holds at most two chunks.

use crate::options::{LimitArgs, MethodArgs};
use chorus::{Brief, ClusterLine, Summarizer};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{BufRead, BufWriter, IsTerminal, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
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

/// One output line: a brief, or the reason a cluster has none.
#[derive(Serialize)]
#[serde(untagged)]
enum Record<'a> {
    Brief {
        line: usize,
        id: &'a str,
        summary: &'a str,
        sentences: &'a [chorus::BriefSentence],
        #[serde(skip_serializing_if = "Option::is_none")]
        figures: Option<&'a [chorus::FigureGroup]>,
        #[serde(skip_serializing_if = "Option::is_none")]
        claims: Option<&'a [chorus::CitedClaim]>,
    },
    Error {
        line: usize,
        id: Option<&'a str>,
        error: String,
    },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let summarizer = args.method.summarizer()?.with_figures(args.figures);
    let mut lines = chorus::read_clusters(&args.file)?.with_limits(args.limits.limits());
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
        for (line, id, result) in &results {
            seen += 1;
            if let Some(id) = id {
                if !ids.insert(hash(id)) {
                    eprintln!(
                        "chorus: {}: line {line}: cluster id '{id}' was used on an earlier line",
                        args.file.display()
                    );
                }
            }
            let record = match result {
                Ok(brief) => Record::Brief {
                    line: *line,
                    id: &brief.id,
                    summary: &brief.summary,
                    sentences: &brief.sentences,
                    figures: args.figures.then_some(brief.figures.as_slice()),
                    claims: args.figures.then_some(brief.claims.as_slice()),
                },
                Err(error) => {
                    failed += 1;
                    Record::Error { line: *line, id: id.as_deref(), error: error.clone() }
                }
            };
            // A closed pipe (`| head`) ends the run here; `main` makes that a quiet exit.
            serde_json::to_writer(&mut out, &record).map_err(std::io::Error::from)?;
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

type Outcome = (usize, Option<String>, Result<Brief, String>);

fn summarize_line(summarizer: &Summarizer, line: ClusterLine) -> Outcome {
    let cluster = match line.result {
        Ok(cluster) => cluster,
        Err(error) => return (line.line, None, Err(error.to_string())),
    };
    let id = cluster.id.clone();
    // A panic is a bug, but one cluster's bug must not lose the others' briefs.
    let result = match catch_unwind(AssertUnwindSafe(|| summarizer.summarize(cluster))) {
        Ok(Ok(brief)) => Ok(brief),
        Ok(Err(error)) => Err(error.to_string()),
        Err(_) => Err("internal error while summarizing (a bug: please report it)".to_owned()),
    };
    (line.line, Some(id), result.map_err(|e| format!("line {}: {e}", line.line)))
}

/// A progress bar with ETA on a terminal; hidden otherwise. Its length comes from a quick count
/// of the file's non-blank lines, made only when the bar is shown.
fn progress_bar(file: &Path, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() || file.as_os_str() == "-" {
        return ProgressBar::hidden();
    }
    let total = chorus::open_text(file)
        .map(|reader| reader.lines().map_while(Result::ok).filter(|l| !l.trim().is_empty()).count() as u64)
        .unwrap_or(0);
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} clusters  {elapsed} elapsed, ETA {eta}")
            .expect("the progress template is valid"),
    );
    bar
}
