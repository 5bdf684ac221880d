//! `cargo bench -p chorus`: how long a brief takes, on the bundled example (the interactive case)
//! and over the Multi-News validation file (the batch case, all cores) when the data is there.
//!
//! A plain timing loop rather than a benchmark framework: whole-pipeline runs take milliseconds,
//! so the median of a few hundred runs is stable, and the output is two lines a reader can quote.

use chorus::{Budget, Summarizer};
use rayon::prelude::*;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let summarizer = Summarizer::new(chorus::DEFAULT_METHOD, Budget::words(100)).expect("the default method exists");

    let example = chorus::read_cluster(root.join("examples/in-amenas")).expect("the example cluster reads");
    let mut times: Vec<Duration> = (0..300)
        .map(|_| {
            let cluster = example.clone();
            let clock = Instant::now();
            let brief = summarizer.summarize(cluster).expect("the example summarizes");
            std::hint::black_box(chorus::render(&brief, chorus::Format::Json));
            clock.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "summarize examples/in-amenas ({}, 100 words, JSON): median {:.2} ms, min {:.2} ms over {} runs",
        chorus::DEFAULT_METHOD,
        ms(times[times.len() / 2]),
        ms(times[0]),
        times.len()
    );

    let data = std::env::var_os("CHORUS_DATA").map(PathBuf::from).unwrap_or_else(|| root.join("../shared/data"));
    let validation = data.join("multi_news/validation.jsonl.gz");
    let Ok(reader) = chorus::ingest::open_text(&validation) else {
        println!("batch: {} not found (set CHORUS_DATA to the data folder)", validation.display());
        return;
    };
    let lines: Vec<String> = reader.lines().map_while(Result::ok).collect();
    let source = validation.display().to_string();
    // As `chorus batch` runs: its records carry no figures unless asked.
    let summarizer = summarizer.with_figures(false);
    let clock = Instant::now();
    let summarized = lines
        .par_iter()
        .filter_map(|line| chorus::ingest::cluster_from_json(line, &source).ok())
        .filter_map(|cluster| summarizer.summarize(cluster).ok())
        .count();
    let elapsed = clock.elapsed();
    println!(
        "batch multi_news/validation ({} clusters, {} threads): {:.2} s, {:.0} clusters/s",
        summarized,
        rayon::current_num_threads(),
        elapsed.as_secs_f64(),
        summarized as f64 / elapsed.as_secs_f64()
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
