//! `chorus figures PATH...`: every group of figures of a cluster; with `--labels DIR`, precision
//! and recall of the disputed groups against hand-written labels (`DIR/<cluster id>.json`).

use anyhow::Context;
use chorus::Summarizer;
use chorus_figures::eval::{score, LabelSet, Score};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Clusters, as for `chorus summarize`
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
    /// Score the disputed groups against the labels in this folder (one `<cluster id>.json` each)
    #[arg(long)]
    pub labels: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    // Figures do not depend on the method or budget; any summarizer finds the same ones.
    let summarizer = Summarizer::new(chorus::DEFAULT_METHOD, chorus::Budget::default())?;
    let mut total: Option<Score> = None;
    for path in &args.paths {
        let report = summarizer
            .figures(chorus::read_cluster(path)?)
            .with_context(|| format!("{}", path.display()))?;
        if let Some(dir) = &args.labels {
            let file = dir.join(format!("{}.json", report.id));
            let json = std::fs::read_to_string(&file).with_context(|| format!("{}: cannot read labels", file.display()))?;
            let labels = LabelSet::from_json(&json).with_context(|| format!("{}: invalid labels", file.display()))?;
            let result = score(&report.groups, &labels);
            println!("{:<16} found {:>2}  expected {:>2}  matched {:>2}", report.id, result.found, result.expected, result.matched);
            total = Some(total.map_or(result, |t| t + result));
        } else if args.json {
            println!("{}", serde_json::to_string_pretty(&report)?);
        } else {
            print!("{}", chorus::render_figures(&report));
        }
    }
    if let Some(total) = total {
        println!("precision {:.3}  recall {:.3}", total.precision(), total.recall());
    }
    Ok(ExitCode::SUCCESS)
}
