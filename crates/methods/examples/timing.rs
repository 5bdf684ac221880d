//! How long each method takes on one large generated cluster (~145,000 words in ~7,000 sentences).
//!
//! `cargo run -p chorus-methods --release --example timing`

#[path = "../src/test_corpus.rs"]
mod test_corpus;

use chorus_core::Budget;
use chorus_methods::{methods, Support};
use std::time::Instant;

fn main() {
    let corpus = test_corpus::generated(42, 71, 100);
    let words: usize = corpus.sentences.iter().map(|s| s.words).sum();
    println!("{} sentences, {} words, {} documents", corpus.sentences.len(), words, corpus.documents);
    for budget in [Budget::words(100), Budget::words(250)] {
        for method in methods() {
            let start = Instant::now();
            let chosen = method.select(&corpus, &budget);
            println!(
                "{:>10} {:>4} words: {:>8.1} ms, {} sentences",
                method.name(),
                budget.approx_words(),
                start.elapsed().as_secs_f64() * 1e3,
                chosen.len()
            );
        }
    }
    let start = Instant::now();
    let support = Support::new(&corpus);
    let supported: usize = (0..10).map(|s| support.of(s).len()).sum();
    println!("support for 10 sentences: {:.1} ms ({supported} documents)", start.elapsed().as_secs_f64() * 1e3);
}
