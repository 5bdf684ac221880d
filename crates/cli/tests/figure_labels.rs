//! `chorus figures --labels` on labels of every figure group (the issue 13 format): the story
//! measures are printed per cluster and in total, after the old disputed-group measure.

mod common;

use common::{chorus, example_dir};
use std::fs;

/// The byte offset of `text` in report `doc` of the example, as labels give mentions.
fn at(doc: &str, text: &str) -> usize {
    let path = example_dir().join(format!("{doc}.txt"));
    let report = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    report.find(text).unwrap_or_else(|| panic!("{text:?} not in {doc}"))
}

#[test]
fn story_measures_are_printed_for_labels_of_every_group() {
    let (a, b, c, d) = ("000_721c9108c0229ec8", "001_93b220b4024a8ce0", "002_56d016e4b737b692", "003_802d9e333d9d6a38");
    let labels = serde_json::json!({
        "cluster": "in-amenas",
        "complete": false,
        "disputed": [],
        "groups": [
            {"id": "hostages", "event": "killed", "verdict": "updated", "also": ["disagree"], "values": [
                {"value": 35, "text": "35", "docs": [a, d], "at": [at(a, "35"), at(d, "35")]},
                {"value": 23, "text": "23", "docs": [b, c], "at": [at(b, "23"), at(c, "23")]}]},
            {"id": "militants", "event": "killed", "verdict": "updated", "also": ["disagree"], "values": [
                {"value": 15, "text": "15", "docs": [d], "at": [at(d, "15")]},
                {"value": 32, "text": "32", "docs": [b, c], "at": [at(b, "32"), at(c, "32")]}]},
            {"id": "depth", "measure": "depth", "unit": "m", "verdict": "agree", "values": [
                {"value": 1, "text": "the", "docs": [a], "at": [0]}]}
        ],
        "must_not_pair": [{"a": "hostages", "b": "militants"}]
    });
    let dir = std::env::temp_dir().join(format!("chorus-figure-labels-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    fs::write(dir.join("in-amenas.json"), labels.to_string()).unwrap_or_else(|e| panic!("write: {e}"));
    let run = chorus(&["figures".as_ref(), example_dir().as_os_str(), "--labels".as_ref(), dir.as_os_str()]);
    fs::remove_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let line = run.stdout.lines().find(|l| l.starts_with("in-amenas")).unwrap_or_else(|| panic!("{}", run.stdout));
    assert!(line.contains("| groups   3  matched   2  right verdict   2  forbidden pairings 0/1"), "{line}");
    assert!(run.stdout.contains("recall 2/3 = 0.667: counts 2/2 = 1.000"), "{}", run.stdout);
    assert!(run.stdout.contains("measures 0/1 = 0.000"), "{}", run.stdout);
    assert!(run.stdout.contains("forbidden pairings 0/1 = 0.000"), "{}", run.stdout);
    assert!(run.stdout.contains("precision of shown disputes 2/2 = 1.000"), "{}", run.stdout);
}

#[test]
fn a_must_not_pair_naming_no_group_is_an_error_naming_the_file() {
    let dir = std::env::temp_dir().join(format!("chorus-figure-labels-bad-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let labels = r#"{"cluster": "in-amenas", "disputed": [], "groups": [], "must_not_pair": [{"a": "x", "b": "y"}]}"#;
    fs::write(dir.join("in-amenas.json"), labels).unwrap_or_else(|e| panic!("write: {e}"));
    let run = chorus(&["figures".as_ref(), example_dir().as_os_str(), "--labels".as_ref(), dir.as_os_str()]);
    fs::remove_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    assert_ne!(run.code, Some(0));
    assert!(run.stderr.contains("in-amenas.json: must_not_pair names \"x\""), "{}", run.stderr);
}

/// The dev set of issue 13 on the shared data, against floors a little below the measured
/// values (recall 67/178, right verdicts 62/67, forbidden pairings 0/84): a change that merges
/// one must-not-pair case, or loses a few groups, fails. Opt-in: it needs the data.
#[test]
#[ignore = "needs the research data (../shared/data or $CHORUS_DATA); .ci/run runs it"]
fn the_issue_13_dev_set_reaches_its_floors() {
    let data = match std::env::var_os("CHORUS_DATA") {
        Some(dir) => std::path::PathBuf::from(dir),
        None => std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
    };
    let files = [data.join("multi_news/train.jsonl.gz"), data.join("duc2006/test.jsonl")];
    for file in &files {
        assert!(file.is_file(), "the dev set needs {} (set CHORUS_DATA to the data folder)", file.display());
    }
    let labels = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../figures/tests/labels/dev2026");
    let mut args = vec!["figures".as_ref(), "--data".as_ref()];
    args.extend(files.iter().map(|f| f.as_os_str()));
    args.extend(["--labels".as_ref(), labels.as_os_str()]);
    let run = chorus(&args);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    println!("{}", run.stdout);
    // `recall 67/178 = 0.376: …`, `right verdicts 62/67 = 0.925`, `forbidden pairings 0/84 = 0.000`
    let fraction = |prefix: &str| -> (usize, usize) {
        let line = run.stdout.lines().find(|l| l.starts_with(prefix)).unwrap_or_else(|| panic!("no {prefix:?} line"));
        let ratio = line[prefix.len()..].split_whitespace().next().unwrap_or_default();
        let (a, b) = ratio.split_once('/').unwrap_or_else(|| panic!("{line}"));
        (a.parse().unwrap_or_else(|e| panic!("{line}: {e}")), b.parse().unwrap_or_else(|e| panic!("{line}: {e}")))
    };
    let (matched, groups) = fraction("recall ");
    let (right, judged) = fraction("right verdicts ");
    let (violated, pairs) = fraction("forbidden pairings ");
    assert_eq!(groups, 178, "the dev labels changed");
    assert!(matched >= 64, "recall fell to {matched}/{groups}");
    assert!(right * 100 >= judged * 88, "right verdicts fell to {right}/{judged}");
    assert_eq!((violated, pairs), (0, 84), "a must-not-pair case is merged");
}
