//! `chorus batch`: one output line per input line, in input order, bad lines reported in place.

mod common;

use common::{chorus, chorus_with_stdin, cited_text, Run};
use flate2::write::GzEncoder;
use flate2::Compression;
use serde_json::{json, Value};
use std::fs;
use std::io::Write;
use std::path::Path;

/// A cluster line whose two reports are each one plain sentence naming `n`.
fn good_line(n: usize) -> String {
    json!({
        "id": format!("cluster-{n}"),
        "documents": [
            format!("Troops stormed gas plant number {n} on Thursday to end the siege, officials said."),
            {"id": "wire", "text": format!("Dozens of workers at plant number {n} were freed after four days, the ministry said.")}
        ]
    })
    .to_string()
}

/// Each output line parsed as JSON.
fn records(run: &Run) -> Vec<Value> {
    run.assert_no_panic();
    run.stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}")))
        .collect()
}

/// Checks a successful record against the input line it answers: its id, and every sentence
/// found at its cited bytes of the cited document.
fn assert_brief_for(record: &Value, input: &str) {
    let cluster: Value = serde_json::from_str(input).expect("a good input line");
    assert_eq!(record["id"], cluster["id"], "{record}");
    let sentences = record["sentences"].as_array().unwrap_or_else(|| panic!("no sentences: {record}"));
    assert!(!sentences.is_empty(), "{record}");
    for sentence in sentences {
        let document = &cluster["documents"][sentence["doc_index"].as_u64().expect("doc_index") as usize];
        let text = document.as_str().or_else(|| document["text"].as_str()).expect("document text");
        assert_eq!(cited_text(text, sentence).as_deref(), sentence["text"].as_str(), "{record}");
    }
}

fn write_lines(path: &Path, lines: &[String]) {
    fs::write(path, lines.join("\n") + "\n").expect("write");
}

#[test]
fn bad_lines_are_reported_in_place_and_fail_the_run() {
    let lines = vec![
        good_line(1),
        r#"{"id": "cut-off", "documents": ["Troops stormed the plant"#.to_owned(),
        r#"{"id": "no-reports", "documents": []}"#.to_owned(),
        r#"{"id": "headlines", "documents": ["Hostage drama ends", "Air strike on gas plant"]}"#.to_owned(),
        good_line(5),
    ];
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("clusters.jsonl");
    write_lines(&path, &lines);
    let run = chorus(&["batch".as_ref(), path.as_os_str()]);
    assert_eq!(run.code, Some(1), "a failed cluster fails the run; stderr:\n{}", run.stderr);
    assert!(run.stderr.contains("3 cluster(s) failed"), "{}", run.stderr);
    let out = records(&run);
    assert_eq!(out.len(), lines.len(), "one output line per input line:\n{}", run.stdout);
    for (n, record) in out.iter().enumerate() {
        assert_eq!(record["line"], n + 1, "in input order: {record}");
    }
    assert_brief_for(&out[0], &lines[0]);
    assert_brief_for(&out[4], &lines[4]);
    for (record, problem) in out[1..4].iter().zip(["invalid JSON", "empty", "no complete sentence"]) {
        let error = record["error"].as_str().unwrap_or_else(|| panic!("no error: {record}"));
        let line = format!("line {}", record["line"]);
        assert!(error.contains(&line) && error.contains(problem), "{error:?} should name {line:?} and {problem:?}");
        assert!(record.get("summary").is_none(), "{record}");
    }
    assert_eq!(out[3]["id"], "headlines");
}

#[test]
fn good_lines_only_succeed_quietly() {
    let lines: Vec<String> = (0..3).map(good_line).collect();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("clusters.jsonl");
    write_lines(&path, &lines);
    let run = chorus(&["batch".as_ref(), path.as_os_str(), "--quiet".as_ref()]);
    run.assert_success();
    assert_eq!(run.stderr, "", "--quiet prints nothing when all is well");
    let out = records(&run);
    assert_eq!(out.len(), 3);
    for (record, line) in out.iter().zip(&lines) {
        assert_brief_for(record, line);
    }
}

#[test]
fn gzip_and_stdin_give_the_same_briefs_as_a_plain_file() {
    let lines: Vec<String> = (0..4).map(good_line).collect();
    let dir = tempfile::tempdir().expect("tempdir");
    let plain = dir.path().join("clusters.jsonl");
    write_lines(&plain, &lines);
    let gzipped = dir.path().join("clusters.jsonl.gz");
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    encoder.write_all((lines.join("\n") + "\n").as_bytes()).expect("compress");
    fs::write(&gzipped, encoder.finish().expect("compress")).expect("write");

    let expected = chorus(&["batch".as_ref(), plain.as_os_str(), "--quiet".as_ref()]);
    expected.assert_success();
    assert_eq!(records(&expected).len(), 4);
    let from_gzip = chorus(&["batch".as_ref(), gzipped.as_os_str(), "--quiet".as_ref()]);
    from_gzip.assert_success();
    assert_eq!(from_gzip.stdout, expected.stdout);
    let from_stdin = chorus_with_stdin(&["batch", "-", "--quiet"], (lines.join("\n") + "\n").as_bytes());
    from_stdin.assert_success();
    assert_eq!(from_stdin.stdout, expected.stdout);
}

#[test]
fn clusters_read_from_stdin_without_an_id_are_named_after_it() {
    let line = r#"{"documents": ["Troops stormed the gas plant on Thursday to end the siege, officials said."]}"#;
    let run = chorus_with_stdin(&["batch", "-", "--quiet"], format!("{line}\n{line}\n").as_bytes());
    run.assert_success();
    let ids: Vec<Value> = records(&run).iter().map(|record| record["id"].clone()).collect();
    assert_eq!(ids, [json!("stdin-1"), json!("stdin-2")]);
}

#[test]
fn many_clusters_keep_their_input_order() {
    // More clusters than one read-ahead chunk, and a small chunk too, so that briefs summarized in
    // parallel across several chunks must be put back in order.
    let lines: Vec<String> = (0..320).map(good_line).collect();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("clusters.jsonl");
    write_lines(&path, &lines);
    for chunk in ["256", "7"] {
        let run = chorus(&["batch".as_ref(), path.as_os_str(), "--quiet".as_ref(), "--chunk".as_ref(), chunk.as_ref()]);
        run.assert_success();
        let out = records(&run);
        assert_eq!(out.len(), lines.len());
        for (n, (record, line)) in out.iter().zip(&lines).enumerate() {
            assert_eq!(record["line"], n + 1);
            assert_brief_for(record, line);
            let marker = format!("number {n} ");
            assert!(record["summary"].as_str().is_some_and(|s| s.contains(&marker)), "{record}");
        }
    }
}

#[test]
fn a_missing_file_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("none.jsonl");
    let run = chorus(&["batch".as_ref(), missing.as_os_str()]);
    run.assert_fails_with(&[&missing.display().to_string(), "no such file"]);
}
