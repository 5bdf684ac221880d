//! Measures segmentation speed on a JSONL file of clusters (`{"documents": ["text", ...]}` per
//! line, gzip'd or not), against a bare tokenize pass over the same text:
//! `cargo run --release -p chorus-segment --example throughput -- /work/shared/data/multi_news/validation.jsonl.gz`
use chorus_core::{Cluster, Document};
use chorus_segment::{sentence_ranges, Segmenter, Tokenizer};
use flate2::read::MultiGzDecoder;
use std::io::{BufRead, BufReader, Read};
use std::time::Instant;
use std::{env, fs, process::ExitCode};

fn read_clusters(path: &str) -> Result<Vec<Vec<String>>, String> {
    let file = fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let reader: Box<dyn Read> =
        if path.ends_with(".gz") { Box::new(MultiGzDecoder::new(file)) } else { Box::new(file) };
    let mut clusters = Vec::new();
    for (number, line) in BufReader::new(reader).lines().enumerate() {
        let line = line.map_err(|e| format!("{path}:{}: {e}", number + 1))?;
        let value: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| format!("{path}:{}: {e}", number + 1))?;
        let documents = value["documents"].as_array().ok_or_else(|| format!("{path}:{}: no documents", number + 1))?;
        clusters.push(documents.iter().filter_map(|d| d.as_str().map(str::to_owned)).collect());
    }
    Ok(clusters)
}

/// Runs `pass` and prints its speed over `bytes` of text.
fn measure(name: &str, bytes: usize, pass: impl FnOnce() -> usize) {
    let start = Instant::now();
    let count = pass();
    let seconds = start.elapsed().as_secs_f64();
    println!("{name:<28} {:>7.1} MB/s  ({count} items, {seconds:.3} s)", bytes as f64 / 1e6 / seconds);
}

fn main() -> ExitCode {
    let Some(path) = env::args().nth(1) else {
        eprintln!("usage: throughput <clusters.jsonl[.gz]>");
        return ExitCode::FAILURE;
    };
    let clusters = match read_clusters(&path) {
        Ok(clusters) => clusters,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let texts = || clusters.iter().flatten();
    let bytes: usize = texts().map(String::len).sum();
    println!("{} clusters, {} documents, {:.1} MB", clusters.len(), texts().count(), bytes as f64 / 1e6);

    let tokenizer = Tokenizer::new();
    measure("bare tokenize (words)", bytes, || {
        let mut words = 0;
        texts().for_each(|text| tokenizer.words(text, &mut |_| words += 1));
        words
    });
    measure("bare tokenize (stemmed)", bytes, || {
        let mut terms = 0;
        texts().for_each(|text| tokenizer.content_terms(text, &mut |_| terms += 1));
        terms
    });
    measure("sentence_ranges", bytes, || texts().map(|text| sentence_ranges(text).len()).sum());
    // Cleaning is timed elsewhere: the texts go to the segmenter as they are.
    let as_they_are = chorus_ingest::Cleaning::empty();
    let documents: Vec<_> = clusters
        .iter()
        .map(|texts| {
            as_they_are.clean(Cluster {
                id: String::new(),
                documents: texts
                    .iter()
                    .enumerate()
                    .map(|(i, text)| Document::new(i.to_string(), text.as_str()))
                    .collect(),
                ..Default::default()
            })
        })
        .collect();
    let segmenter = Segmenter::new();
    measure("Segmenter::segment", bytes, || {
        documents.iter().map(|cluster| segmenter.segment(cluster).sentences.len()).sum()
    });
    ExitCode::SUCCESS
}
