//! Times scoring a whole evaluation set: every cluster's references prepared once, then ten
//! lead-style summaries per cluster (the first 1..=10 sentences of the source documents, cut to
//! about 250 words) scored against them.
//!
//! usage: cargo run --release -p chorus-rouge --example rouge_throughput -- FILE.jsonl [rouge-score|rouge155]
//! (FILE: uncompressed, one {"documents": [...], "summaries": [...]} object per line)

use chorus_rouge::{split_sentences, Convention, Scorer, Truncation};
use std::time::Instant;

#[derive(serde::Deserialize)]
struct Cluster {
    documents: Vec<String>,
    summaries: Vec<String>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).ok_or("usage: rouge_throughput FILE.jsonl [rouge-score|rouge155]")?;
    let convention = match args.get(2).map(String::as_str) {
        Some("rouge155") => Convention::Rouge155 { truncate: Some(Truncation::Words(250)) },
        _ => Convention::RougeScore,
    };
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let clusters: Vec<Cluster> = text
        .lines()
        .enumerate()
        .map(|(n, line)| serde_json::from_str(line).map_err(|e| format!("{path} line {}: {e}", n + 1)))
        .collect::<Result<_, _>>()?;
    let scorer = Scorer::new(convention);
    let started = Instant::now();
    let (mut scored, mut f1_sum) = (0usize, 0.0);
    for cluster in &clusters {
        let references = scorer.prepare(&cluster.summaries)?;
        let sentences: Vec<&str> = cluster.documents.iter().flat_map(|d| split_sentences(d)).collect();
        for method in 1..=10 {
            let summary: Vec<&str> = sentences.iter().skip(method - 1).copied().collect();
            let joined = summary.join(" ");
            let words: Vec<&str> = joined.split_whitespace().take(250).collect();
            let scores = references.score(&words.join(" "));
            f1_sum += scores.iter().map(|(_, prf)| prf.f1).sum::<f64>();
            scored += 1;
        }
    }
    let elapsed = started.elapsed();
    println!(
        "{convention:?}: {} clusters, {scored} summaries in {:.2} s ({:.0} summaries/s, checksum {f1_sum:.3})",
        clusters.len(),
        elapsed.as_secs_f64(),
        scored as f64 / elapsed.as_secs_f64()
    );
    Ok(())
}
