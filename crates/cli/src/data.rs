//! Evaluation data: JSONL lines `{"id", "documents": [...], "summaries": [...]}`, `.gz` too.

use anyhow::Context;
use chorus::Cluster;
use serde::Deserialize;
use std::io::BufRead;
use std::path::Path;

/// A cluster with its human reference summaries.
pub struct Item {
    pub cluster: Cluster,
    pub references: Vec<String>,
}

#[derive(Deserialize)]
struct References {
    #[serde(default)]
    summaries: Vec<String>,
}

/// Reads every cluster that has references; a line that cannot be read is an error naming it.
pub fn read_items(path: &Path, limit: Option<usize>) -> anyhow::Result<Vec<Item>> {
    let source = path.display().to_string();
    let mut items = Vec::new();
    for (n, line) in chorus::ingest::open_text(path)?.lines().enumerate().take(limit.unwrap_or(usize::MAX)) {
        let line = line.with_context(|| format!("{source}: line {}: cannot read", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let cluster = chorus::ingest::cluster_from_json(&line, &format!("{source}:{}", n + 1))?;
        let refs: References = serde_json::from_str(&line).with_context(|| format!("{source}: line {}", n + 1))?;
        anyhow::ensure!(!refs.summaries.is_empty(), "{source}: line {}: no reference summaries (\"summaries\")", n + 1);
        items.push(Item { cluster, references: refs.summaries });
    }
    anyhow::ensure!(!items.is_empty(), "{source}: no clusters");
    Ok(items)
}
