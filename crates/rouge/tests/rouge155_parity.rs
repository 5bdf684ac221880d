//! `Convention::Rouge155` against the ROUGE-1.5.5 perl script (fixtures/gen_rouge155.py): every
//! per-item score and every average, under -l 100, -l 250 and -b 665, with 1–4 references.

mod common;

use chorus_rouge::{Convention, Metric, Prf, Scorer, Scores, Truncation};
use std::collections::BTreeMap;

#[derive(serde::Deserialize)]
struct Fixture {
    items: Vec<Item>,
    runs: Vec<Run>,
}

#[derive(serde::Deserialize)]
struct Item {
    summary: String,
    references: Vec<String>,
}

#[derive(serde::Deserialize)]
struct Run {
    truncate: BTreeMap<String, usize>,
    /// per item: metric → [recall, precision, f]
    per_item: Vec<BTreeMap<String, [f64; 3]>>,
    averages: BTreeMap<String, [f64; 3]>,
}

const METRICS: [Metric; 6] =
    [Metric::Rouge1, Metric::Rouge2, Metric::Rouge3, Metric::Rouge4, Metric::RougeL, Metric::RougeSU4];

fn truncation(spec: &BTreeMap<String, usize>) -> Truncation {
    match (spec.get("words"), spec.get("bytes")) {
        (Some(&n), None) => Truncation::Words(n),
        (None, Some(&n)) => Truncation::Bytes(n),
        _ => panic!("fixture truncation must be words or bytes: {spec:?}"),
    }
}

fn recall_precision_f(prf: Prf) -> [f64; 3] {
    [prf.recall, prf.precision, prf.f1]
}

/// Largest |ours − perl| over R/P/F of `metric`, failing the test beyond `tolerance`.
fn compare(what: &str, metric: Metric, ours: Option<Prf>, perl: [f64; 3], tolerance: f64) -> f64 {
    let ours = recall_precision_f(ours.unwrap_or_else(|| panic!("{what}: no {metric}")));
    let diff = ours.iter().zip(perl).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
    assert!(diff <= tolerance, "{what} {metric}: ours R/P/F {ours:?}, perl {perl:?}");
    diff
}

#[test]
fn per_item_scores_and_averages_equal_the_perl_script() {
    let fixture: Fixture = common::load("rouge155.json");
    let reference_counts: Vec<usize> = fixture.items.iter().map(|i| i.references.len()).collect();
    assert!((1..=4).all(|n| reference_counts.contains(&n)), "items must have 1 to 4 references");
    for run in &fixture.runs {
        let limit = truncation(&run.truncate);
        let scorer = Scorer::new(Convention::Rouge155 { truncate: Some(limit) });
        let per_item: Vec<Scores> = fixture
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| scorer.score(&item.summary, &item.references).unwrap_or_else(|e| panic!("item {i}: {e}")))
            .collect();
        let mut worst_item = 0.0f64;
        for (i, (ours, perl)) in per_item.iter().zip(&run.per_item).enumerate() {
            for metric in METRICS {
                let diff = compare(&format!("{limit:?} item {i}"), metric, ours.get(metric), perl[metric.name()], 1e-9);
                worst_item = worst_item.max(diff);
            }
        }
        let averages = scorer.average(&per_item);
        let mut worst_average = BTreeMap::new();
        for metric in METRICS {
            let diff =
                compare(&format!("{limit:?} average"), metric, averages.get(metric), run.averages[metric.name()], 5e-4);
            worst_average.insert(metric, diff);
        }
        println!(
            "{limit:?}: {} items, max |diff| per item {worst_item:e}, averages {worst_average:?}",
            fixture.items.len()
        );
    }
}
