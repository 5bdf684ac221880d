//! `chorus bench`: throughput of each pipeline stage, against the floor of a bare
//! read-and-tokenize pass over the same input, so the cost of summarizing reads as a ratio.
//!
//! Stages run one after another on one thread over the same clusters held in memory, so each
//! figure is that stage's own cost; `batch` spreads the same work over all cores.

use crate::options::{MethodArgs, TableFormat};
use crate::output::outln;
use anyhow::Context;
use chorus::cluster::{Article, Clusterer};
use chorus::ingest::Cleaning;
use chorus::segment::Segmenter;
use chorus::{Brief, Cluster, Figures, Format, Prepared, Timings};
use serde::Serialize;
use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

pub const EXAMPLES: &str = "Examples:
  chorus bench --data ../shared/data/multi_news/validation.jsonl.gz
  chorus bench --data ../shared/data/multi_news/validation.jsonl.gz --scaling --limit 2400
  chorus bench --data clusters.jsonl --format json";

#[derive(clap::Args)]
pub struct Args {
    /// JSONL of clusters (`.gz` too), e.g. ../shared/data/multi_news/validation.jsonl.gz
    #[arg(long)]
    pub data: PathBuf,
    #[command(flatten)]
    pub method: MethodArgs,
    /// Only the first N clusters
    #[arg(long, value_parser = crate::options::at_least_one)]
    pub limit: Option<usize>,
    /// Output format
    #[arg(long, value_enum, default_value_t = TableFormat::Markdown)]
    pub format: TableFormat,
    /// The same as `--format json` (the old spelling)
    #[arg(long, hide = true)]
    pub json: bool,
    /// Times each stage this many times and keeps the fastest run, the least disturbed by the
    /// rest of the machine
    #[arg(long, default_value_t = 3)]
    pub repeat: usize,
    /// Instead: pool every document of the data into one cluster, and time summarizing 1/8, 1/4,
    /// 1/2 and all of it, to show how cost grows with the number of sentences
    #[arg(long)]
    pub scaling: bool,
}

#[derive(Serialize)]
struct Stage {
    stage: &'static str,
    seconds: f64,
    clusters_per_second: f64,
    mb_per_second: f64,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.scaling {
        return scaling(args);
    }
    // As `batch` runs it: its records carry no figures unless asked.
    let summarizer = args.method.summarizer()?.with_figures(false);
    let limit = args.limit.unwrap_or(usize::MAX);

    // The raw lines are read once up front so that disk speed does not blur the stage figures.
    let raw: Vec<String> = chorus::ingest::open_text(&args.data)?
        .lines()
        .take(limit)
        .collect::<Result<_, _>>()
        .with_context(|| format!("{}: cannot read", args.data.display()))?;
    let bytes: usize = raw.iter().map(String::len).sum();
    let source = args.data.display().to_string();

    let repeat = args.repeat.max(1);
    let (parse_time, clusters) = fastest(repeat, || {
        raw.iter().filter_map(|line| chorus::ingest::cluster_from_json(line, &source).ok()).collect::<Vec<_>>()
    });
    anyhow::ensure!(!clusters.is_empty(), "{source}: no cluster could be read");
    let n = clusters.len();

    let floor_tokenizer = chorus::segment::Tokenizer::default();
    let (tokenize_time, _) = fastest(repeat, || {
        let mut terms = 0usize;
        for line in &raw {
            if let Ok(cluster) = chorus::ingest::cluster_from_json(line, &source) {
                for doc in &cluster.documents {
                    floor_tokenizer.content_terms(&doc.original, &mut |_| terms += 1);
                }
            }
        }
        terms
    });

    // Cleaning consumes the raw clusters: each run gets fresh copies, made outside the clock.
    let cleaning = Cleaning::default();
    let mut clean_time = Duration::MAX;
    let mut cleaned = Vec::new();
    for _ in 0..repeat {
        let raw_copies = clusters.clone();
        let (time, run) = timed(|| raw_copies.into_iter().map(|c| cleaning.clean(c)).collect::<Vec<_>>());
        clean_time = clean_time.min(time);
        cleaned = run;
    }
    let segmenter = Segmenter::new();
    let (segment_time, corpora) = fastest(repeat, || cleaned.iter().map(|c| segmenter.segment(c)).collect::<Vec<_>>());
    let prepared: Vec<Prepared> = cleaned
        .into_iter()
        .zip(corpora)
        .map(|(cluster, corpus)| Prepared::new(cluster, corpus, summarizer.compressor(), Timings::default()))
        .collect();
    let method = summarizer.method();
    let budget = summarizer.budget();
    let (select_time, selections) =
        fastest(repeat, || prepared.iter().map(|p| chorus::select(p, method, budget)).collect::<Vec<_>>());
    let briefs: Vec<Brief> = prepared
        .iter()
        .zip(selections)
        .filter_map(|(p, selection)| Brief::assemble(p, selection.ok()?, Figures::default()).ok())
        .collect();
    let (render_time, _) =
        fastest(repeat, || briefs.iter().map(|b| chorus::render(b, Format::Json).len()).sum::<usize>());
    let (end_to_end, _) = fastest(repeat, || {
        raw.iter()
            .filter_map(|line| chorus::ingest::cluster_from_json(line, &source).ok())
            .filter_map(|c: Cluster| summarizer.summarize(c).ok())
            .map(|b| chorus::render(&b, Format::Json).len())
            .sum::<usize>()
    });

    // Event clustering (`chorus cluster`): every document an article of one stream, in file order.
    let articles: Vec<Article> = clusters
        .iter()
        .flat_map(|c| c.documents.iter().map(|d| Article::new(format!("{}-{}", c.id, d.id), d.original.as_str())))
        .collect();
    let (cluster_time, _) = fastest(repeat, || {
        let mut clusterer = Clusterer::default();
        articles.iter().filter_map(|article| clusterer.add(article).ok()).count()
    });

    let stage = |stage, time: Duration| Stage {
        stage,
        seconds: time.as_secs_f64(),
        clusters_per_second: n as f64 / time.as_secs_f64(),
        mb_per_second: bytes as f64 / 1e6 / time.as_secs_f64(),
    };
    let stages = [
        stage("read+parse", parse_time),
        stage("clean", clean_time),
        stage("segment+tokenize", segment_time),
        stage("select", select_time),
        stage("render (json)", render_time),
        stage("end to end", end_to_end),
        stage("cluster (event clustering of all documents)", cluster_time),
        stage("floor: read+tokenize", parse_time + tokenize_time),
    ];
    let ratio = end_to_end.as_secs_f64() / (parse_time + tokenize_time).as_secs_f64();
    if args.json || args.format == TableFormat::Json {
        let report = serde_json::json!({"clusters": n, "articles": articles.len(), "bytes": bytes, "method": method.name(), "stages": stages, "end_to_end_over_floor": ratio});
        outln!("{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        outln!(
            "{n} clusters, {:.1} MB, method {}, one thread, fastest of {repeat} runs per stage\n",
            bytes as f64 / 1e6,
            method.name()
        )?;
        outln!("| stage | seconds | clusters/s | MB/s |\n|---|---:|---:|---:|")?;
        for s in &stages {
            outln!("| {} | {:.3} | {:.0} | {:.1} |", s.stage, s.seconds, s.clusters_per_second, s.mb_per_second)?;
        }
        outln!("\nend to end / floor: {ratio:.2}x")?;
        outln!(
            "event clustering: {} articles, {:.0} articles/s",
            articles.len(),
            articles.len() as f64 / cluster_time.as_secs_f64()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Times one ever larger cluster made of all the documents in the data. Cost per sentence that
/// stays flat (or grows like log n) as the cluster doubles is the n log n the pipeline promises.
fn scaling(args: Args) -> anyhow::Result<ExitCode> {
    let summarizer = args.method.summarizer()?;
    let source = args.data.display().to_string();
    let documents: Vec<chorus::Document> = chorus::ingest::open_text(&args.data)?
        .lines()
        .take(args.limit.unwrap_or(usize::MAX))
        .map_while(Result::ok)
        .filter_map(|line| chorus::ingest::cluster_from_json(&line, &source).ok())
        .flat_map(|cluster| cluster.documents)
        .collect();
    anyhow::ensure!(!documents.is_empty(), "{source}: no documents");
    outln!(
        "method {}, one cluster made of the first k of {} documents\n",
        summarizer.method().name(),
        documents.len()
    )?;
    outln!("| documents | words | sentences | ms | µs per sentence |\n|---:|---:|---:|---:|---:|")?;
    for share in [8, 4, 2, 1] {
        let mut cluster = Cluster {
            id: format!("pool-1/{share}"),
            documents: documents[..documents.len() / share].to_vec(),
            ..Default::default()
        };
        for (i, doc) in cluster.documents.iter_mut().enumerate() {
            doc.id = i.to_string();
        }
        let words: usize = cluster.documents.iter().map(|d| chorus::segment::word_count(&d.original)).sum();
        let reports = cluster.documents.len();
        let (time, result) = timed(|| {
            let prepared = summarizer.prepare(cluster)?;
            summarizer.brief(&prepared).map(|_| prepared.corpus.sentences.len())
        });
        let sentences = result.with_context(|| format!("{source}: pooled cluster"))?;
        outln!(
            "| {reports} | {words} | {sentences} | {:.1} | {:.1} |",
            time.as_secs_f64() * 1e3,
            time.as_secs_f64() * 1e6 / sentences as f64
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The fastest of `runs` runs of `work`, with the last run's output.
fn fastest<T>(runs: usize, mut work: impl FnMut() -> T) -> (Duration, T) {
    let (mut best, mut out) = timed(&mut work);
    for _ in 1..runs {
        let (time, next) = timed(&mut work);
        best = best.min(time);
        out = next;
    }
    (best, out)
}

fn timed<T>(work: impl FnOnce() -> T) -> (Duration, T) {
    let clock = Instant::now();
    let out = work();
    (clock.elapsed(), out)
}
