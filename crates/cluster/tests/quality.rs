//! `Labels::score` prints what `check_clusters.py` prints. The fixture's expected line was
//! produced by that script (`check_clusters.py predicted.jsonl labels.jsonl > expected.txt`); it
//! has missing articles, an unlabelled prediction, a repeated label and a repeated prediction.

use chorus_cluster::Labels;
use serde_json::Value;
use std::fs;
use std::path::Path;

#[test]
fn scores_equal_the_python_scorer_on_the_fixture() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let labels = Labels::read(fs::read(fixtures.join("labels.jsonl")).expect("labels").as_slice()).expect("valid");
    let predicted = fs::read_to_string(fixtures.join("predicted.jsonl")).expect("predictions");
    let pairs: Vec<(String, String)> = predicted
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let record: Value = serde_json::from_str(line).expect("JSON");
            (record["id"].as_str().expect("id").to_owned(), record["event"].as_str().expect("event").to_owned())
        })
        .collect();
    let quality = labels.score(pairs.iter().map(|(id, event)| (id.as_str(), event.as_str())));
    let expected = fs::read_to_string(fixtures.join("expected.txt")).expect("expected");
    assert_eq!(quality.to_string(), expected.trim_end());
}
