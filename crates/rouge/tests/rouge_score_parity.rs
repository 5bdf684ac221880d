//! `Convention::RougeScore` against rouge-score 0.1.2 (fixtures/gen_rouge_score.py).

mod common;

use chorus_rouge::{Convention, Metric, Scorer};
use std::collections::BTreeMap;

#[derive(serde::Deserialize)]
struct Fixture {
    items: Vec<Item>,
}

#[derive(serde::Deserialize)]
struct Item {
    summary: String,
    references: Vec<String>,
    /// rouge type → [precision, recall, fmeasure]
    scores: BTreeMap<String, [f64; 3]>,
}

const TOLERANCE: f64 = 1e-6;

#[test]
fn every_score_equals_rouge_score_within_1e_6() {
    let fixture: Fixture = common::load("rouge_score.json");
    let single = fixture.items.iter().filter(|i| i.references.len() == 1).count();
    assert!(single >= 300, "only {single} single-reference pairs");
    let scorer = Scorer::new(Convention::RougeScore);
    let metrics = [Metric::Rouge1, Metric::Rouge2, Metric::Rouge3, Metric::Rouge4, Metric::RougeL, Metric::RougeLsum];
    let mut max_diff: BTreeMap<Metric, f64> = BTreeMap::new();
    for (index, item) in fixture.items.iter().enumerate() {
        let scores = scorer.score(&item.summary, &item.references).unwrap_or_else(|e| panic!("item {index}: {e}"));
        for metric in metrics {
            let expected = item.scores[metric.name()];
            let prf = scores.get(metric).unwrap_or_else(|| panic!("item {index}: no {metric}"));
            for (ours, theirs) in [prf.precision, prf.recall, prf.f1].into_iter().zip(expected) {
                let diff = (ours - theirs).abs();
                assert!(diff <= TOLERANCE, "item {index} {metric}: ours {prf:?}, rouge-score {expected:?}");
                let worst = max_diff.entry(metric).or_default();
                *worst = worst.max(diff);
            }
        }
    }
    println!("{} items ({single} single-reference), max |diff| per metric: {max_diff:?}", fixture.items.len());
}
