//! `chorus cluster`: one output line per article in input order, error records for bad lines
//! with a failure exit at the end, and `--labels` scores equal to `check_clusters.py`.

mod common;

use common::{chorus, chorus_with_stdin};
use flate2::write::GzEncoder;
use flate2::Compression;
use serde_json::Value;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

fn example(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/stream").join(file)
}

fn records(stdout: &str) -> Vec<Value> {
    stdout.lines().map(|line| serde_json::from_str(line).expect("a JSON line")).collect()
}

#[test]
fn the_example_stream_is_clustered_in_input_order() {
    let run = chorus(&["cluster".as_ref(), example("articles.jsonl").as_os_str()]);
    run.assert_success();
    let out = records(&run.stdout);
    let input = fs::read_to_string(example("articles.jsonl")).expect("example");
    let ids: Vec<Value> =
        input.lines().map(|l| serde_json::from_str::<Value>(l).expect("JSON")["id"].clone()).collect();
    assert_eq!(out.iter().map(|r| r["id"].clone()).collect::<Vec<_>>(), ids);
    assert_eq!((out[0]["event"].as_str(), out[0]["new_event"].as_bool()), (Some("e0"), Some(true)));
    // The wire copy and the repeated id name their originals.
    assert_eq!(out[2]["duplicate_of"], "wire-0302-flood");
    assert_eq!((out[7]["duplicate_of"].as_str(), out[7]["event"].as_str()), (Some("valley-herald-0302"), Some("e0")));
    // The river floods again 18 days later: a new event.
    assert_ne!(out[11]["event"], out[0]["event"]);
    assert_eq!(out[11]["new_event"], true);
}

/// The expected line is `check_clusters.py` on chorus's own output for the example stream:
/// `chorus cluster examples/stream/articles.jsonl > out.jsonl; check_clusters.py out.jsonl examples/stream/labels.jsonl`.
#[test]
fn labels_give_the_python_scorers_numbers() {
    let run = chorus(&[
        "cluster".as_ref(),
        example("articles.jsonl").as_os_str(),
        "--labels".as_ref(),
        example("labels.jsonl").as_os_str(),
    ]);
    run.assert_success();
    let expected = fs::read_to_string(example("expected-scores.txt")).expect("expected scores");
    let mut lines = run.stdout.lines();
    assert_eq!(lines.next(), Some(expected.trim_end()));
    assert!(lines.next().is_some_and(|speed| speed.starts_with("speed: 13 articles in")), "{}", run.stdout);
}

#[test]
fn bad_lines_get_error_records_and_the_rest_is_assigned() {
    let stream = [
        r#"{"id": "a", "text": "Flood waters rose in the valley and residents were evacuated to shelters."}"#,
        r#"{"id": "b", "text": "Flood waters"#,
        r#"{"text": "No id here, about floods in the valley."}"#,
        r#"{"id": "c", "text": "   "}"#,
        r#"{"id": "d", "text": "Residents were evacuated from the valley as flood waters rose.", "date": "yesterday"}"#,
        "",
        r#"{"id": "e", "text": "Residents were evacuated from the valley as flood waters rose again.", "date": "2026-03-02"}"#,
    ]
    .join("\n");
    let run = chorus_with_stdin(&["cluster", "-"], stream.as_bytes());
    run.assert_no_panic();
    assert_eq!(run.code, Some(1), "stderr: {}", run.stderr);
    let out = records(&run.stdout);
    assert_eq!(out.len(), 6, "{}", run.stdout);
    assert_eq!(out[0]["event"], "e0");
    let errors: Vec<(u64, String)> = out[1..5]
        .iter()
        .map(|r| (r["line"].as_u64().expect("line"), r["error"].as_str().expect("error").to_owned()))
        .collect();
    assert_eq!(errors[0].0, 2);
    assert!(errors[0].1.starts_with("invalid JSON"), "{errors:?}");
    assert_eq!(errors[1], (3, "missing id: an article needs an \"id\" string or number".into()));
    assert_eq!(errors[2], (4, "no text: the article has no words once cleaned".into()));
    assert_eq!(errors[3], (5, "bad date \"yesterday\": expected YYYY-MM-DD or an RFC 3339 timestamp".into()));
    assert_eq!((out[2]["id"].clone(), out[3]["id"].clone()), (Value::Null, Value::from("c")));
    assert_eq!((out[5]["id"].as_str(), out[5]["event"].as_str()), (Some("e"), Some("e0")));
    assert!(run.stderr.contains("-: line 5: bad date"), "{}", run.stderr);
    assert!(run.stderr.contains("4 of 6 lines had errors"), "{}", run.stderr);
}

#[test]
fn gzip_streams_are_read_and_missing_files_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("stream.jsonl.gz");
    let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
    gz.write_all(&fs::read(example("articles.jsonl")).expect("example")).expect("gzip");
    fs::write(&path, gz.finish().expect("gzip")).expect("write");
    let plain = chorus(&["cluster".as_ref(), example("articles.jsonl").as_os_str()]);
    let zipped = chorus(&["cluster".as_ref(), path.as_os_str()]);
    zipped.assert_success();
    assert_eq!(zipped.stdout, plain.stdout);
    let missing = chorus(&["cluster", "no/such/stream.jsonl"]);
    missing.assert_fails_with(&["no/such/stream.jsonl"]);
}

/// `--fit-link` writes weights that `--link` reads back, and clustering with them is the same as
/// with the same weights shipped; a bad weights file or threshold is a one-line error.
#[test]
fn link_weights_are_fitted_read_and_checked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fitted = dir.path().join("link.tsv");
    let run = chorus(&[
        "cluster".as_ref(),
        example("articles.jsonl").as_os_str(),
        "--labels".as_ref(),
        example("labels.jsonl").as_os_str(),
        "--fit-link".as_ref(),
        fitted.as_os_str(),
    ]);
    run.assert_success();
    assert!(run.stderr.contains("link model fitted to"), "{}", run.stderr);
    let weights = fs::read_to_string(&fitted).expect("weights written");
    for name in ["near", "near_numbers", "centroid", "overlap", "lead", "bias"] {
        assert!(weights.lines().any(|l| l.starts_with(&format!("{name}\t"))), "{name} missing:\n{weights}");
    }
    let run =
        chorus(&["cluster".as_ref(), example("articles.jsonl").as_os_str(), "--link".as_ref(), fitted.as_os_str()]);
    run.assert_success();
    assert_eq!(records(&run.stdout).len(), 13);

    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../cluster/data/link.tsv");
    let with_file =
        chorus(&["cluster".as_ref(), example("articles.jsonl").as_os_str(), "--link".as_ref(), shipped.as_os_str()]);
    let default = chorus(&["cluster".as_ref(), example("articles.jsonl").as_os_str()]);
    assert_eq!(with_file.stdout, default.stdout);

    let bad = dir.path().join("bad.tsv");
    fs::write(&bad, weights.replace("lead\t", "lead\tmany")).expect("write");
    chorus(&["cluster".as_ref(), example("articles.jsonl").as_os_str(), "--link".as_ref(), bad.as_os_str()])
        .assert_fails_with(&["bad.tsv", "not a number"]);
    chorus(&["cluster".as_ref(), example("articles.jsonl").as_os_str(), "--threshold".as_ref(), "1.5".as_ref()])
        .assert_fails_with(&["--threshold 1.5", "between 0 and 1"]);
    // Fitting needs gold events.
    let run =
        chorus(&["cluster".as_ref(), example("articles.jsonl").as_os_str(), "--fit-link".as_ref(), fitted.as_os_str()]);
    assert_ne!(run.code, Some(0));
}
