//! `chorus eval`: ROUGE of every chosen method (or of a system's outputs) against the human
//! summaries of a data set, with bootstrap confidence intervals, in one table.

use crate::data::{read_items, Item};
use crate::options::{BudgetArgs, TableFormat};
use crate::output::{self, outln};
use anyhow::{bail, Context};
use chorus::methods::Method;
use chorus::rouge::{bootstrap_ci, one_sentence_per_line, Convention, Metric, Prf, Scorer, Scores, Truncation};
use chorus::{Brief, Budget, Figures, Limit, Prepared};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// The metrics a table reports, in order; those a convention lacks are left out.
const REPORTED: [Metric; 5] = [Metric::Rouge1, Metric::Rouge2, Metric::RougeL, Metric::RougeLsum, Metric::RougeSU4];
const RESAMPLES: usize = 1000;
const SEED: u64 = 2004;

pub const EXAMPLES: &str = "Examples:
  chorus eval --data ../shared/data/multi_news/validation.jsonl.gz --methods lead,consensus --words 250 --truncate
  chorus eval --data ../shared/data/tac2011_multiling_en/test.jsonl --methods all --rouge rouge155 --compact
  chorus eval --data val.jsonl --system llm-outputs.jsonl --format json";

#[derive(clap::Args)]
pub struct Args {
    /// JSONL of clusters with references: {"id", "documents": [...], "summaries": [...]}, `.gz` too
    #[arg(long)]
    pub data: PathBuf,
    /// Comma-separated methods to run, or `all` [default: the default method, unless --system is given]
    #[arg(long)]
    pub methods: Option<String>,
    /// Score a system's outputs instead: JSONL of {"id", "summary"} (repeatable)
    #[arg(long)]
    pub system: Vec<PathBuf>,
    #[command(flatten)]
    pub budget: BudgetArgs,
    /// Quote whole sentences: do not drop day names, trailing attributions, parentheticals
    #[arg(long)]
    pub no_compress: bool,
    /// Scoring convention: `rouge-score` (Google's package: F1, stemmed) or `rouge155` (ROUGE-1.5.5 -n 4 -m -a -c 95 -r 1000 -f A -p 0.5 -t 0, -l/-b from the budget)
    #[arg(long, default_value = "rouge-score")]
    pub rouge: String,
    /// Output format
    #[arg(long, value_enum, default_value_t = TableFormat::Markdown)]
    pub format: TableFormat,
    /// One row per system: each metric's headline measure (F1 for rouge-score, recall for
    /// rouge155) with its interval, words per summary and time per cluster
    #[arg(long)]
    pub compact: bool,
    /// Also write every cluster's scores to this CSV file
    #[arg(long)]
    pub per_cluster: Option<PathBuf>,
    /// Only the first N clusters
    #[arg(long, value_parser = crate::options::at_least_one)]
    pub limit: Option<usize>,
    /// No progress bar
    #[arg(long, short)]
    pub quiet: bool,
}

/// One cluster's result for one system.
#[derive(Clone)]
struct ClusterScore {
    id: String,
    words: usize,
    /// Time to summarize it; `None` for outputs read from a file.
    seconds: Option<f64>,
    scores: Scores,
    failed: bool,
}

/// The mean of a measure over clusters, with its 95% bootstrap interval.
#[derive(Serialize)]
struct Estimate {
    mean: f64,
    ci95: (f64, f64),
}

#[derive(Serialize)]
struct MetricRow {
    metric: &'static str,
    precision: Estimate,
    recall: Estimate,
    f1: Estimate,
}

#[derive(Serialize)]
struct SystemReport {
    system: String,
    clusters: usize,
    failed: usize,
    words_per_summary: f64,
    /// Unknown (`None`) for outputs read from a file.
    ms_per_cluster: Option<f64>,
    metrics: Vec<MetricRow>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let budget = args.budget.budget();
    let convention = convention(&args.rouge, budget)?;
    let scorer = Scorer::new(convention);
    let methods = method_list(args.methods.as_deref(), args.system.is_empty())?;
    let items = read_items(&args.data, args.limit)?;
    let references: Vec<_> = items
        .par_iter()
        .map(|item| scorer.prepare(&item.references.iter().map(|r| prepared(r, convention)).collect::<Vec<_>>()))
        .collect::<Result<_, _>>()
        .context("reference summaries")?;

    let mut systems = Vec::new();
    for path in &args.system {
        let found = read_system(path)?;
        if found.is_empty() {
            bail!("{}: no outputs in the file (expected {{\"id\", \"summary\"}} lines)", path.display());
        }
        for (name, outputs) in &found {
            check_ids(name, outputs, &items, &args.data)?;
        }
        systems.extend(found);
    }
    let total = (methods.len() + systems.len()) * items.len();
    let progress = progress_bar(total as u64, args.quiet);
    let mut results: Vec<(String, Vec<ClusterScore>)> = Vec::new();
    // Each cluster is cleaned and segmented once; every method reads the same prepared cluster.
    // A method's time per cluster is that shared preparation plus its own selection.
    let (cleaning, segmenter) = (chorus::ingest::Cleaning::default(), chorus::segment::Segmenter::new());
    let compressor = (!args.no_compress).then(chorus::compress::Compressor::new);
    let by_cluster: Vec<Vec<ClusterScore>> = items
        .par_iter()
        .zip(&references)
        .map(|(item, refs)| {
            let clock = Instant::now();
            let prepared = Prepared::with(item.cluster.clone(), &cleaning, &segmenter, compressor.as_ref());
            let preparation = clock.elapsed().as_secs_f64();
            methods
                .iter()
                .map(|&method| {
                    let clock = Instant::now();
                    let summary = prepared.as_ref().ok().and_then(|p| brief(p, method, budget));
                    let seconds = preparation + clock.elapsed().as_secs_f64();
                    progress.inc(1);
                    let text = summary.as_deref().unwrap_or("");
                    score_summary(item, refs, text, convention, Some(seconds), summary.is_none())
                })
                .collect()
        })
        .collect();
    for (m, method) in methods.iter().enumerate() {
        let scores = by_cluster.iter().map(|cluster| cluster[m].clone()).collect();
        results.push((method.name().to_owned(), scores));
    }
    for (name, outputs) in systems {
        let scores = items
            .par_iter()
            .zip(&references)
            .map(|(item, refs)| {
                progress.inc(1);
                let summary = outputs.get(&item.cluster.id);
                score_summary(item, refs, summary.map_or("", String::as_str), convention, None, summary.is_none())
            })
            .collect();
        results.push((name, scores));
    }
    progress.finish_and_clear();

    let reports: Vec<SystemReport> = results.iter().map(|(name, scores)| report(name, scores, &scorer)).collect();
    if let Some(path) = &args.per_cluster {
        write_csv(path, &results, convention).with_context(|| format!("{}: cannot write", path.display()))?;
    }
    let header = format!(
        "{} clusters of {}, {}, budget {}",
        items.len(),
        args.data.display(),
        args.rouge,
        describe_budget(budget)
    );
    if args.format == TableFormat::Json {
        let json = serde_json::json!({"data": args.data, "clusters": items.len(), "rouge": args.rouge, "budget": budget, "systems": reports});
        outln!("{}", serde_json::to_string_pretty(&json)?)?;
    } else if args.compact {
        output::print(&compact(&header, &reports, convention))?;
    } else {
        output::print(&markdown(&header, &reports, convention))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn convention(name: &str, budget: Budget) -> anyhow::Result<Convention> {
    match name {
        "rouge-score" => Ok(Convention::RougeScore),
        "rouge155" => {
            let truncate = match budget.limit {
                Limit::Words(n) => Some(Truncation::Words(n)),
                Limit::Bytes(n) => Some(Truncation::Bytes(n)),
                Limit::Sentences(_) => None,
            };
            Ok(Convention::Rouge155 { truncate })
        }
        other => bail!("unknown ROUGE convention '{other}' (rouge-score, rouge155)"),
    }
}

/// The summary of a prepared cluster by one method, without figures (ROUGE does not read them);
/// `None` when the method gives no brief.
fn brief(prepared: &Prepared, method: &dyn Method, budget: Budget) -> Option<String> {
    let selection = chorus::select(prepared, method, budget).ok()?;
    Brief::assemble(prepared, selection, Figures::default()).ok().map(|brief| brief.summary)
}

fn method_list(list: Option<&str>, default_needed: bool) -> anyhow::Result<Vec<&'static dyn Method>> {
    if list.is_some_and(|l| l.split(',').all(|s| s.trim().is_empty())) {
        bail!("--methods names no method: give a comma-separated list, or `all` (see `chorus methods`)");
    }
    match list {
        Some("all") => Ok(chorus::methods::methods().iter().map(|m| m.as_ref()).collect()),
        Some(list) => list
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|name| Ok(chorus::methods::method(name)?))
            .collect(),
        None if default_needed => Ok(vec![chorus::methods::method(chorus::DEFAULT_METHOD)?]),
        None => Ok(Vec::new()),
    }
}

/// rouge-score's ROUGE-Lsum reads one sentence per line; the reference tooling splits both sides
/// into sentences first, and so does this, so the numbers are the ones users compare against.
fn prepared(text: &str, convention: Convention) -> String {
    match convention {
        Convention::RougeScore => one_sentence_per_line(text),
        Convention::Rouge155 { .. } => text.to_owned(),
    }
}

fn score_summary(
    item: &Item,
    references: &chorus::rouge::References,
    summary: &str,
    convention: Convention,
    seconds: Option<f64>,
    failed: bool,
) -> ClusterScore {
    let text = prepared(summary, convention);
    ClusterScore {
        id: item.cluster.id.clone(),
        words: chorus::segment::word_count(summary),
        seconds,
        scores: references.score(&text),
        failed,
    }
}

/// The outputs in a file, by system and cluster id. Lines are `{"id", "summary"}`, with an
/// optional `"system"` naming the system (else the file name), so one file may hold several
/// systems, as the peer runners write them. A malformed line is an error naming it.
fn read_system(path: &Path) -> anyhow::Result<Vec<(String, HashMap<String, String>)>> {
    #[derive(Deserialize)]
    struct Output {
        id: serde_json::Value,
        summary: String,
        system: Option<String>,
    }
    let mut systems: Vec<(String, HashMap<String, String>)> = Vec::new();
    for (n, line) in chorus::ingest::open_text(path)?.lines().enumerate() {
        let line = line.with_context(|| format!("{}: line {}: cannot read", path.display(), n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let output: Output = serde_json::from_str(&line)
            .with_context(|| format!("{}: line {}: expected {{\"id\", \"summary\"}}", path.display(), n + 1))?;
        let id = match output.id {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        };
        let name = output.system.unwrap_or_else(|| path.display().to_string());
        let index = match systems.iter().position(|(n, _)| *n == name) {
            Some(index) => index,
            None => {
                systems.push((name, HashMap::new()));
                systems.len() - 1
            }
        };
        systems[index].1.insert(id, output.summary);
    }
    Ok(systems)
}

/// A system whose ids match no cluster would score all zeros, which looks like a result: refuse
/// it. Some missing ids are scored as empty summaries, with a warning.
fn check_ids(name: &str, outputs: &HashMap<String, String>, items: &[Item], data: &Path) -> anyhow::Result<()> {
    let missing = items.iter().filter(|item| !outputs.contains_key(&item.cluster.id)).count();
    if missing == items.len() {
        let example = outputs.keys().min().map_or(String::new(), |id| format!(" (its ids look like '{id}'"));
        let cluster = items.first().map_or(String::new(), |item| format!(", the data's like '{}')", item.cluster.id));
        bail!(
            "system '{name}': none of its {} ids is a cluster id of {}{example}{cluster}",
            outputs.len(),
            data.display()
        );
    }
    if missing > 0 {
        eprintln!("chorus: system '{name}': no output for {missing} of {} clusters; they score 0", items.len());
    }
    Ok(())
}

fn report(name: &str, scores: &[ClusterScore], scorer: &Scorer) -> SystemReport {
    let n = scores.len().max(1) as f64;
    // ROUGE-1.5.5 reports its own averages, which depend on cluster order: sort as its wrapper does.
    let mut by_id: Vec<&ClusterScore> = scores.iter().collect();
    by_id.sort_by(|a, b| a.id.cmp(&b.id));
    let per_cluster: Vec<Scores> = by_id.iter().map(|c| c.scores.clone()).collect();
    let averages = scorer.average(&per_cluster);
    let metrics = REPORTED
        .iter()
        .filter(|m| scorer.convention().metrics().contains(m))
        .map(|&metric| {
            let values =
                |f: fn(Prf) -> f64| -> Vec<f64> { per_cluster.iter().map(|s| s.get(metric).map_or(0.0, f)).collect() };
            let average = averages.get(metric).unwrap_or(Prf { precision: 0.0, recall: 0.0, f1: 0.0 });
            let estimate = |mean: f64, f: fn(Prf) -> f64| Estimate {
                mean,
                ci95: bootstrap_ci(&values(f), RESAMPLES, SEED).unwrap_or((mean, mean)),
            };
            MetricRow {
                metric: metric.name(),
                precision: estimate(average.precision, |p| p.precision),
                recall: estimate(average.recall, |p| p.recall),
                f1: estimate(average.f1, |p| p.f1),
            }
        })
        .collect();
    SystemReport {
        system: name.to_owned(),
        clusters: scores.len(),
        failed: scores.iter().filter(|c| c.failed).count(),
        words_per_summary: scores.iter().map(|c| c.words as f64).sum::<f64>() / n,
        ms_per_cluster: scores.iter().map(|c| c.seconds).sum::<Option<f64>>().map(|s| s * 1000.0 / n),
        metrics,
    }
}

fn markdown(header: &str, reports: &[SystemReport], convention: Convention) -> String {
    let recall_first = matches!(convention, Convention::Rouge155 { .. });
    let cell = |e: &Estimate| format!("{:.2} [{:.2}, {:.2}]", e.mean * 100.0, e.ci95.0 * 100.0, e.ci95.1 * 100.0);
    let mut out = format!("{header}; mean ×100 [95% bootstrap CI]\n\n");
    out.push_str(if recall_first {
        "| system | metric | R | P | F |\n|---|---|---|---|---|\n"
    } else {
        "| system | metric | P | R | F1 |\n|---|---|---|---|---|\n"
    });
    for report in reports {
        for row in &report.metrics {
            let (first, second) =
                if recall_first { (&row.recall, &row.precision) } else { (&row.precision, &row.recall) };
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                report.system,
                row.metric,
                cell(first),
                cell(second),
                cell(&row.f1)
            ));
        }
    }
    out.push_str("\n| system | clusters | failed | words/summary | ms/cluster |\n|---|---:|---:|---:|---:|\n");
    for r in reports {
        out.push_str(&format!(
            "| {} | {} | {} | {:.1} | {} |\n",
            r.system,
            r.clusters,
            r.failed,
            r.words_per_summary,
            milliseconds(r.ms_per_cluster)
        ));
    }
    out
}

fn compact(header: &str, reports: &[SystemReport], convention: Convention) -> String {
    let recall = matches!(convention, Convention::Rouge155 { .. });
    let measure = if recall { "recall" } else { "F1" };
    let mut out = format!("{header}; {measure} ×100 [95% bootstrap CI]\n\n| system |");
    let metrics: Vec<&str> = reports.first().map(|r| r.metrics.iter().map(|m| m.metric).collect()).unwrap_or_default();
    for metric in &metrics {
        out.push_str(&format!(" {metric} |"));
    }
    out.push_str(" words | ms/cluster |\n|---|");
    out.push_str(&"---|".repeat(metrics.len()));
    out.push_str("---:|---:|\n");
    for report in reports {
        out.push_str(&format!("| {} |", report.system));
        for row in &report.metrics {
            let e = if recall { &row.recall } else { &row.f1 };
            out.push_str(&format!(" {:.2} [{:.2}, {:.2}] |", e.mean * 100.0, e.ci95.0 * 100.0, e.ci95.1 * 100.0));
        }
        out.push_str(&format!(" {:.0} | {} |\n", report.words_per_summary, milliseconds(report.ms_per_cluster)));
    }
    out
}

fn milliseconds(ms: Option<f64>) -> String {
    ms.map_or_else(|| "n/a".to_owned(), |ms| format!("{ms:.2}"))
}

fn write_csv(path: &Path, results: &[(String, Vec<ClusterScore>)], convention: Convention) -> std::io::Result<()> {
    let metrics: Vec<Metric> = REPORTED.iter().copied().filter(|m| convention.metrics().contains(m)).collect();
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    write!(out, "system,id,failed,words,ms")?;
    for m in &metrics {
        write!(out, ",{0}_p,{0}_r,{0}_f", m.name())?;
    }
    writeln!(out)?;
    for (system, scores) in results {
        for c in scores {
            let ms = c.seconds.map_or_else(String::new, |s| format!("{:.3}", s * 1000.0));
            write!(out, "{},{},{},{},{ms}", csv_field(system), csv_field(&c.id), c.failed, c.words)?;
            for &m in &metrics {
                let p = c.scores.get(m).unwrap_or(Prf { precision: 0.0, recall: 0.0, f1: 0.0 });
                write!(out, ",{:.6},{:.6},{:.6}", p.precision, p.recall, p.f1)?;
            }
            writeln!(out)?;
        }
    }
    out.flush()
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn describe_budget(budget: Budget) -> String {
    let truncate = if budget.truncate { ", truncated" } else { "" };
    match budget.limit {
        Limit::Words(n) => format!("{n} words{truncate}"),
        Limit::Bytes(n) => format!("{n} bytes{truncate}"),
        Limit::Sentences(n) => format!("{n} sentences"),
    }
}

fn progress_bar(total: u64, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} summaries  {elapsed} elapsed, ETA {eta}")
            .expect("the progress template is valid"),
    );
    bar
}
