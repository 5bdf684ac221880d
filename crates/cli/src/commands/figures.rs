//! `chorus figures`: every group of figures of a cluster; with `--labels DIR`, scores against
//! hand-written labels (`DIR/<cluster id>.json`): precision and recall of the disputed groups
//! (every label format), and, for labels of every figure group (issue 13 format), recall, right
//! verdicts, forbidden pairings and precision of shown disputes.

use crate::options::LimitArgs;
use crate::output::{self, outln};
use anyhow::bail;
use chorus::figures::eval::story::{self, Found, StoryScore};
use chorus::figures::eval::{read_labels, score, Score};
use chorus::{Cluster, FigureReport};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;

pub const EXAMPLES: &str = "Examples:
  chorus figures examples/in-amenas
  chorus figures examples/in-amenas --format json
  chorus figures examples/in-amenas crates/figures/tests/fixtures/*.json --labels crates/figures/tests/labels";

#[derive(clap::Args)]
pub struct Args {
    /// Clusters, as for `chorus summarize`
    #[arg(required_unless_present = "data")]
    pub paths: Vec<PathBuf>,
    /// JSONL data files of clusters (`.gz` too); with --labels, only the labelled clusters are used
    #[arg(long, num_args = 1..)]
    pub data: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = FiguresFormat::Text)]
    pub format: FiguresFormat,
    /// The same as `--format json` (the old spelling)
    #[arg(long, hide = true)]
    pub json: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
    /// Score the disputed groups against the labels in this folder (one `<cluster id>.json` each)
    #[arg(long)]
    pub labels: Option<PathBuf>,
}

/// `--format` of `chorus figures`.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum FiguresFormat {
    Text,
    Json,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let labels = match &args.labels {
        Some(dir) => Some(read_labels(dir)?),
        None => None,
    };
    let mut clusters: Vec<(String, Cluster)> = Vec::new();
    for path in &args.paths {
        clusters.push((path.display().to_string(), chorus::read_cluster_with(path, args.limits.limits())?));
    }
    for file in &args.data {
        for line in chorus::ingest::read_clusters(file)?.with_limits(args.limits.limits()) {
            let cluster = line.result?;
            if labels.as_ref().is_none_or(|l| l.contains_key(&cluster.id)) {
                clusters.push((format!("{}:{}", file.display(), line.line), cluster));
            }
        }
    }
    if clusters.is_empty() {
        let files: Vec<String> = args.data.iter().map(|f| f.display().to_string()).collect();
        let what = if labels.is_some() { "no labelled cluster" } else { "no cluster" };
        bail!("{}: {what} in the data", files.join(", "));
    }
    let mut total = Score::default();
    let mut story_total = StoryScore::default();
    let mut seen = BTreeSet::new();
    for (origin, cluster) in clusters {
        let id = cluster.id.clone();
        let prepared = chorus::prepare(cluster).map_err(|e| super::at_origin(&origin, &id, e))?;
        let report = FigureReport::new(&prepared, chorus::figures(&prepared));
        match &labels {
            Some(labels) => {
                let Some(label) = labels.get(&report.id) else {
                    bail!("{origin}: no label for cluster '{}' in the labels folder", report.id);
                };
                let result = score(&report.groups, label);
                let mut text = format!(
                    "{:<28} found {:>2}  expected {:>2}  matched {:>2}",
                    report.id, result.found, result.expected, result.matched
                );
                total = total + result;
                if !label.groups.is_empty() {
                    let line = story::score(&found_groups(&report), label);
                    text.push_str(&format!(
                        "  | groups {:>3}  matched {:>3}  right verdict {:>3}  forbidden pairings {}/{} {}",
                        line.groups,
                        line.matched,
                        line.right,
                        line.violated,
                        line.pairs,
                        line.violations.join(" ")
                    ));
                    if !line.wrong_verdicts.is_empty() {
                        text.push_str(&format!("  wrong verdicts: {}", line.wrong_verdicts.join(", ")));
                    }
                    if !line.missed.is_empty() {
                        text.push_str(&format!("  missed: {}", line.missed.join(" ")));
                    }
                    story_total = story_total + line;
                }
                outln!("{text}")?;
                seen.insert(report.id);
            }
            None if args.json || args.format == FiguresFormat::Json => {
                outln!("{}", serde_json::to_string_pretty(&report)?)?
            }
            None => output::print(&chorus::render_figures(&report))?,
        }
    }
    if let Some(labels) = &labels {
        if !args.data.is_empty() {
            // A label whose cluster is missing would otherwise drop out of the average unseen.
            let missing: Vec<&String> = labels.keys().filter(|id| !seen.contains(*id)).collect();
            if !missing.is_empty() {
                bail!("labelled clusters not found in the data: {missing:?}");
            }
        }
        outln!(
            "found {}  expected {}  matched {}  precision {:.3}  recall {:.3}",
            total.found,
            total.expected,
            total.matched,
            total.precision(),
            total.recall()
        )?;
        if story_total.groups > 0 {
            outln!("{story_total}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Each group with the raw-document offset of each of its claims' numbers, as the scorer
/// locates mentions.
fn found_groups(report: &FigureReport) -> Vec<Found<'_>> {
    report
        .groups
        .iter()
        .map(|group| Found {
            group,
            numbers: group
                .claims
                .iter()
                .map(|&i| {
                    let cited = &report.claims[i];
                    let claim = &cited.claim;
                    let start = (cited.start + claim.number_range.start).saturating_sub(claim.claim_range.start);
                    (claim.doc.as_str(), start)
                })
                .collect(),
        })
        .collect()
}
