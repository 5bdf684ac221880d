//! Update and focused briefs from the command line: `--since` the reports already read, and
//! `--query` what the reader wants to know.

mod common;

use common::{assert_citations, chorus, example_dir, summarize};
use serde_json::Value;
use std::fs;

/// The example's two Thursday reports: what a reader of Thursday's news has seen.
const THURSDAY: [&str; 2] = ["000_721c9108c0229ec8.txt", "003_802d9e333d9d6a38.txt"];

fn since_thursday(extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
    for file in THURSDAY {
        args.push("--since".into());
        args.push(example_dir().join(file).display().to_string());
    }
    args
}

fn original(file: &str) -> String {
    fs::read_to_string(example_dir().join(file)).expect("example report")
}

#[test]
fn the_update_brief_leads_with_saturdays_count_and_repeats_no_thursday_claim() {
    let args = since_thursday(&["--format", "json"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let brief = summarize(&example_dir(), &args).json();
    assert_citations(&brief, original);
    let mut seen: Vec<&str> = brief["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .filter(|d| d["seen"] == Value::Bool(true))
        .map(|d| d["file"].as_str().expect("file"))
        .collect();
    seen.sort_unstable();
    assert_eq!(seen, THURSDAY);
    let sentences = brief["sentences"].as_array().expect("sentences");
    let first = sentences[0]["text"].as_str().expect("text");
    // Saturday's report gives the count; compression dropped the day from the sentence itself.
    assert!(first.contains("Twenty-three hostages"), "leads with: {first}");
    assert_eq!(sentences[0]["doc"], "002_56d016e4b737b692", "leads with Saturday's report");
    for sentence in sentences {
        let doc = sentence["doc"].as_str().expect("doc");
        assert!(!THURSDAY.iter().any(|f| f.starts_with(doc)), "cites a seen report: {sentence}");
        let support: Vec<&str> =
            sentence["support"].as_array().expect("support").iter().filter_map(Value::as_str).collect();
        assert!(!THURSDAY.iter().any(|f| support.iter().any(|s| f.starts_with(s))), "restates Thursday: {sentence}");
    }
    let updates = brief["updates"].as_array().expect("updates");
    let hostages = updates
        .iter()
        .find(|u| brief["figures"][u["group"].as_u64().expect("group") as usize]["counted"] == "hostage")
        .expect("the hostage toll is an update");
    assert_eq!(hostages["change"], "down", "{hostages}");
    // The Thursday claims (35 dead by the militants' count, the air strike) are not repeated.
    let summary = brief["summary"].as_str().expect("summary");
    assert!(!summary.contains("35 hostages") && !summary.contains("air strike"), "{summary}");
}

#[test]
fn a_changed_figure_is_shown_as_an_update_citing_both_sides() {
    let args = since_thursday(&["--format", "text"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let text = summarize(&example_dir(), &args).stdout;
    let line = text.lines().find(|l| l.starts_with("- hostage killed:")).unwrap_or_else(|| panic!("{text}"));
    // Sources: the seen reports first ([1] and [2]), then the Saturday ones ([3] and [4]).
    assert!(line.contains("at least 23") && line.contains("[3, 4]"), "{line}");
    assert!(line.contains("down from 35") && line.contains("[1, 2]"), "{line}");
    assert!(text.contains("Figures updated since the seen reports:"), "{text}");
    for format in ["markdown", "html"] {
        let args = since_thursday(&["--format", format]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = summarize(&example_dir(), &args).stdout;
        assert!(out.contains("Figures updated since the seen reports") && out.contains("down from 35"), "{format}");
    }
}

#[test]
fn a_query_focuses_the_brief_and_is_echoed() {
    let brief = summarize(&example_dir(), &["--format", "json", "--query", "What did Obama say?"]).json();
    assert_eq!(brief["query"], "What did Obama say?");
    assert!(brief["summary"].as_str().expect("summary").contains("Obama"), "{}", brief["summary"]);
    let run = summarize(&example_dir(), &["--query", " "]);
    run.assert_fails_with(&["--query", "blank"]);
}

#[test]
fn nothing_new_is_an_error_and_a_bad_seen_path_names_it() {
    let dir = example_dir();
    let run = chorus(&["summarize".as_ref(), dir.as_os_str(), "--since".as_ref(), dir.as_os_str()]);
    run.assert_fails_with(&["nothing new"]);
    let run = chorus(&["summarize".as_ref(), dir.as_os_str(), "--since".as_ref(), "no/such/seen".as_ref()]);
    run.assert_fails_with(&["no/such/seen", "no such file"]);
}

#[test]
fn batch_reads_seen_and_query_from_each_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = |file: &str| fs::read_to_string(example_dir().join(file)).expect("example");
    let line = serde_json::json!({
        "id": "update",
        "seen": [text(THURSDAY[0]), text(THURSDAY[1])],
        "documents": [text("001_93b220b4024a8ce0.txt"), text("002_56d016e4b737b692.txt")],
        "query": "How many hostages were killed?",
    });
    let bad = r#"{"id": "bad", "documents": ["A report."], "seen": "not a list"}"#;
    let path = dir.path().join("clusters.jsonl");
    fs::write(&path, format!("{line}\n{bad}\n")).expect("write");
    let run = chorus(&["batch".as_ref(), path.as_os_str(), "-q".as_ref()]);
    let records: Vec<Value> = run.stdout.lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
    assert_eq!(records.len(), 2, "{}", run.stdout);
    assert_eq!(records[0]["query"], "How many hostages were killed?");
    assert!(records[0]["summary"].as_str().expect("summary").contains("Twenty-three hostages"), "{}", records[0]);
    let error = records[1]["error"].as_str().expect("the bad line is reported");
    assert!(error.contains("line 2") && error.contains("\"seen\" is not an array"), "{error}");
}
