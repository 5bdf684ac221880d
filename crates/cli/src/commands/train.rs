//! `chorus train`: fits the `learned` method's sentence scorer on clusters with human summaries,
//! and writes the model file that the binary bundles (`crates/methods/models/`).
//!
//! Each eligible sentence of each cluster is one example: its features as the method computes
//! them, and as label how much of it the reference summary contains (the mean of its ROUGE-1 and
//! ROUGE-2 precision against the reference, by Google's `rouge-score`). The fit is deterministic:
//! examples are gathered in input order, whatever the number of threads.

use crate::data::read_items;
use anyhow::Context;
use chorus::methods::training::{sentence_features, FEATURES};
use chorus::methods::LinearModel;
use chorus::rouge::{Convention, Metric, Scorer, Scores};
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

pub const EXAMPLES: &str = "Examples:
  chorus train --data ../shared/data/multi_news/train.jsonl.gz --out crates/methods/models/sentence-scorer.tsv";

#[derive(clap::Args)]
pub struct Args {
    /// JSONL of clusters with references: {"id", "documents": [...], "summaries": [...]}, `.gz` too
    #[arg(long)]
    pub data: PathBuf,
    /// Where to write the model (the bundled one is crates/methods/models/sentence-scorer.tsv)
    #[arg(long)]
    pub out: PathBuf,
    /// Only the first N clusters
    #[arg(long, value_parser = crate::options::at_least_one)]
    pub limit: Option<usize>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let clock = Instant::now();
    let items = read_items(&args.data, args.limit)?;
    let clusters = items.len();
    let scorer = Scorer::new(Convention::RougeScore);
    let examples: Vec<Vec<([f64; FEATURES], f64)>> = items
        .into_par_iter()
        .map(|item| {
            let id = item.cluster.id.clone();
            let corpus = match chorus::prepare(item.cluster) {
                Ok(prepared) => prepared.corpus,
                // A cluster without documents has no sentence to learn from.
                Err(chorus::Error::NoDocuments(_)) => return Ok(Vec::new()),
                Err(error) => return Err(error.into()),
            };
            let references = scorer.prepare(&item.references).with_context(|| format!("cluster {id}"))?;
            let features = sentence_features(&corpus);
            Ok(corpus
                .sentences
                .iter()
                .zip(features)
                .filter(|(sentence, _)| sentence.is_eligible())
                .map(|(sentence, row)| (row, label(&references.score(&sentence.text))))
                .collect())
        })
        .collect::<anyhow::Result<_>>()?;
    let (rows, labels): (Vec<[f64; FEATURES]>, Vec<f64>) = examples.into_iter().flatten().unzip();
    let model = LinearModel::fit(&rows, &labels)?;
    let header = format!(
        "# Sentence scorer of the `learned` method, fitted by `chorus train` on {clusters} clusters \
         ({} sentences) of {}.\n# Derived from Multi-News (Fabbri et al. 2019): for non-commercial \
         research and education only.\n",
        rows.len(),
        args.data.file_name().map_or_else(|| args.data.display().to_string(), |n| n.to_string_lossy().into_owned()),
    );
    std::fs::write(&args.out, format!("{header}{model}"))
        .with_context(|| format!("{}: cannot write", args.out.display()))?;
    eprintln!(
        "trained on {clusters} clusters, {} sentences in {:.1} s; wrote {}",
        rows.len(),
        clock.elapsed().as_secs_f64(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// How much of a sentence the reference contains: mean ROUGE-1 and ROUGE-2 precision.
fn label(scores: &Scores) -> f64 {
    let precision = |metric| scores.get(metric).map_or(0.0, |prf| prf.precision);
    (precision(Metric::Rouge1) + precision(Metric::Rouge2)) / 2.0
}
