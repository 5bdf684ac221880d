//! Precision and recall of disputed groups against the hand labels in `tests/labels/`.

mod common;

use chorus_figures::eval::{score, LabelSet, Score};
use chorus_figures::{extract, group};

/// Below these the figures shown to a reader are not trustworthy.
const MIN_PRECISION: f64 = 0.8;
const MIN_RECALL: f64 = 0.8;

fn labels(name: &str) -> LabelSet {
    let path = common::crate_dir().join("tests/labels").join(format!("{name}.json"));
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    LabelSet::from_json(&json).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn score_cluster(name: &str, documents: &[chorus_core::Document]) -> Score {
    let corpus = common::corpus_of(documents);
    let groups = group(&extract(&corpus, documents));
    let labels = labels(name);
    assert_eq!(labels.cluster, name);
    let result = score(&groups, &labels);
    println!("{name:<12} found {:>2}  expected {:>2}  matched {:>2}", result.found, result.expected, result.matched);
    result
}

#[test]
fn disputed_groups_match_the_labels() {
    let example = common::example_documents(&common::crate_dir().join("../../examples/in-amenas"));
    let mut total = score_cluster("in-amenas", &example);
    for fixture in ["kandahar", "nairobi", "manchester", "traps"] {
        total = total + score_cluster(fixture, &common::fixture_documents(fixture));
    }
    println!("precision {:.3}  recall {:.3}", total.precision(), total.recall());
    assert!(total.precision() >= MIN_PRECISION, "precision {:.3} < {MIN_PRECISION}", total.precision());
    assert!(total.recall() >= MIN_RECALL, "recall {:.3} < {MIN_RECALL}", total.recall());
}

#[test]
fn the_trap_fixture_yields_no_dispute_at_all() {
    let documents = common::fixture_documents("traps");
    let corpus = common::corpus_of(&documents);
    let claims = extract(&corpus, &documents);
    let groups = group(&claims);
    let disputed: Vec<_> = groups.iter().filter(|g| g.is_disputed()).collect();
    assert!(disputed.is_empty(), "{disputed:#?}");
    let numbers: Vec<&str> = claims.iter().map(|c| c.number_text.as_str()).collect();
    for trap in [
        "5", "6", "16", "17", "2013", "50", "40", "30", "25", "8.2", "7", "2", "3", "1993", "1998", "0800", "123",
        "10", "12", "1", "0", "4",
    ] {
        assert!(!numbers.contains(&trap), "{trap} read as a count: {numbers:?}");
    }
}
