//! Heap memory of each stage of a brief, on one cluster: what is held after the stage, and the
//! peak while it ran. Every allocation is counted (a global allocator that wraps the system's),
//! so this is what the pipeline asks for, without the allocator's own overhead that resident
//! memory adds.
//!
//! ```sh
//! python3 scripts/hostile-inputs.py /tmp/hostile
//! cargo run --release -p chorus --example memory -- /tmp/hostile/r20.txt
//! ```

#[path = "../tests/counting/mod.rs"]
mod counting;
use counting::Counting;

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Prints the stage's line and starts the next stage's peak from what is held now.
fn stage(name: &str, input: usize) {
    let (held, peak) = (Counting::held(), Counting::peak());
    let times = |bytes: usize| bytes as f64 / input.max(1) as f64;
    println!(
        "| {name} | {:.1} | {:.1}× | {:.1} | {:.1}× |",
        held as f64 / 1e6,
        times(held),
        peak as f64 / 1e6,
        times(peak)
    );
    Counting::restart();
}

fn main() -> Result<(), chorus::Error> {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: memory PATH (a cluster, as `chorus summarize PATH` reads it)");
        std::process::exit(2);
    };
    // The input limits are the CLI's to enforce; here any size is measured.
    let cluster =
        chorus::read_cluster_with(&path, chorus::Limits { max_input_bytes: u64::MAX, max_line_bytes: u64::MAX })?;
    let input = cluster.documents.iter().map(|d| d.original.len()).max().unwrap_or(0);
    println!(
        "largest document {:.1} MB; default method and budget; heap in MB and × that document\n",
        input as f64 / 1e6
    );
    println!("| stage | held after | | peak during | |\n|---|---:|---:|---:|---:|");
    stage("read", input);
    let cluster = chorus::ingest::Cleaning::default().clean(cluster);
    stage("clean", input);
    let corpus = chorus::segment::Segmenter::new().segment(&cluster);
    stage("segment", input);
    let prepared =
        chorus::Prepared::new(cluster, corpus, Some(&chorus::compress::Compressor::new()), Default::default());
    stage("compress + focus", input);
    let method = chorus::methods::method(chorus::DEFAULT_METHOD)?;
    let selection = chorus::select(&prepared, method, chorus::Budget::words(100))?;
    stage("select", input);
    let figures = chorus::figures(&prepared);
    stage("figures", input);
    let brief = chorus::Brief::assemble(&prepared, selection, figures)?;
    stage("assemble", input);
    let json = chorus::render(&brief, chorus::Format::Json);
    stage("render (json)", input);
    drop((json, brief, prepared));
    Ok(())
}
