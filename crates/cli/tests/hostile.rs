//! Hostile input and everyday use (issue 15): a closed pipe, empty inputs, limits, and what a
//! newcomer types. Each case runs the built binary.

mod common;

use common::{chorus, chorus_with_stdin, example_dir};
use std::path::Path;
use std::process::{Command, Stdio};

/// Runs `chorus ARGS...` with stdout a pipe whose reader is already closed: every write fails
/// with EPIPE, as after `| head -c1`. Returns the exit code and stderr.
fn with_closed_stdout(args: &[&std::ffi::OsStr]) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let output = Command::new(env!("CARGO_BIN_EXE_chorus"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("the chorus binary runs");
    (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data.jsonl");
    std::fs::write(&data, format!("{}\n{}\n", cluster_line("a"), cluster_line("b"))).expect("write");
    let system = dir.path().join("system.jsonl");
    std::fs::write(
        &system,
        "{\"id\": \"a\", \"summary\": \"The storm killed 12.\"}\n{\"id\": \"b\", \"summary\": \"Twelve died.\"}\n",
    )
    .expect("write");
    let example = example_dir();
    let (ex, d, s) = (example.as_os_str(), data.as_os_str(), system.as_os_str());
    let cases: Vec<Vec<&std::ffi::OsStr>> = vec![
        vec!["summarize".as_ref(), ex],
        vec!["summarize".as_ref(), ex, "--format".as_ref(), "json".as_ref()],
        vec!["figures".as_ref(), ex, "--format".as_ref(), "json".as_ref()],
        vec!["figures".as_ref(), ex],
        vec!["methods".as_ref()],
        vec!["batch".as_ref(), d],
        vec!["eval".as_ref(), "--data".as_ref(), d, "--quiet".as_ref()],
        vec!["eval".as_ref(), "--data".as_ref(), d, "--system".as_ref(), s, "--quiet".as_ref()],
        vec!["bench".as_ref(), "--data".as_ref(), d, "--repeat".as_ref(), "1".as_ref()],
        vec![
            "bench".as_ref(),
            "--data".as_ref(),
            d,
            "--repeat".as_ref(),
            "1".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
        ],
        vec!["completions".as_ref(), "bash".as_ref()],
        vec!["man".as_ref()],
    ];
    for args in cases {
        let (code, stderr) = with_closed_stdout(&args);
        assert!(!stderr.contains("panicked"), "{args:?} panicked on a closed pipe:\n{stderr}");
        assert_eq!(code, Some(0), "{args:?} on a closed pipe: exit {code:?}, stderr:\n{stderr}");
        assert!(stderr.is_empty(), "{args:?} on a closed pipe says something:\n{stderr}");
    }
}

/// One JSONL cluster line with references, whose brief is about a storm.
fn cluster_line(id: &str) -> String {
    let docs: Vec<String> = (0..3)
        .map(|d| format!("Report {d} says the storm killed 12 people in the town of Ames on Monday. Rescue teams searched the river banks all night. Officials said the damage was severe."))
        .collect();
    serde_json::json!({"id": id, "documents": docs, "summaries": ["The storm killed 12 people in Ames."]}).to_string()
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

#[test]
fn batch_of_nothing_says_so_and_succeeds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = write(dir.path(), "empty.jsonl", "");
    for run in [chorus(&["batch".as_ref(), empty.as_os_str()]), chorus_with_stdin(&["batch", "-"], b"\n\n")] {
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert!(run.stdout.is_empty());
        assert!(run.stderr.contains("no clusters in the input"), "{}", run.stderr);
    }
}

#[test]
fn figures_of_an_empty_data_file_fails_with_a_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = write(dir.path(), "empty.jsonl", "");
    chorus(&["figures".as_ref(), "--data".as_ref(), empty.as_os_str()])
        .assert_fails_with(&[&empty.display().to_string(), "no cluster in the data"]);
}

#[test]
fn eval_that_would_score_nothing_fails_with_a_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = write(dir.path(), "data.jsonl", &format!("{}\n{}\n", cluster_line("a"), cluster_line("b")));
    let d = data.as_os_str();
    chorus(&["eval".as_ref(), "--data".as_ref(), d, "--methods".as_ref(), "".as_ref()])
        .assert_fails_with(&["--methods names no method"]);
    chorus(&["eval".as_ref(), "--data".as_ref(), d, "--methods".as_ref(), " , ".as_ref()])
        .assert_fails_with(&["--methods names no method"]);
    let other = write(
        dir.path(),
        "other.jsonl",
        "{\"id\": \"x-1\", \"summary\": \"S.\"}\n{\"id\": \"x-2\", \"summary\": \"T.\"}\n",
    );
    chorus(&["eval".as_ref(), "--data".as_ref(), d, "--system".as_ref(), other.as_os_str()]).assert_fails_with(&[
        "none of its 2 ids is a cluster id",
        "'x-1'",
        "'a'",
    ]);
    let blank = write(dir.path(), "blank.jsonl", "\n");
    chorus(&["eval".as_ref(), "--data".as_ref(), d, "--system".as_ref(), blank.as_os_str()])
        .assert_fails_with(&[&blank.display().to_string(), "no outputs"]);
}

#[test]
fn duplicate_cluster_ids_in_batch_are_warned_about() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = write(
        dir.path(),
        "dup.jsonl",
        &format!("{}\n{}\n{}\n", cluster_line("a"), cluster_line("b"), cluster_line("a")),
    );
    let run = chorus(&["batch".as_ref(), data.as_os_str()]);
    run.assert_success();
    assert_eq!(run.stdout.lines().count(), 3, "every cluster still comes out");
    assert!(run.stderr.contains("line 3: cluster id 'a' was used on an earlier line"), "{}", run.stderr);
    assert_eq!(run.stderr.matches("was used on an earlier line").count(), 1, "{}", run.stderr);
}

#[test]
fn a_typo_in_a_method_gets_a_suggestion() {
    let run = chorus(&["summarize".as_ref(), example_dir().as_os_str(), "--method".as_ref(), "lexrenk".as_ref()]);
    run.assert_fails_with(&["unknown method 'lexrenk'", "did you mean 'lexrank'?"]);
    let dir = tempfile::tempdir().expect("tempdir");
    let data = write(dir.path(), "data.jsonl", &format!("{}\n", cluster_line("a")));
    chorus(&["eval".as_ref(), "--data".as_ref(), data.as_os_str(), "--methods".as_ref(), "lead,centriod".as_ref()])
        .assert_fails_with(&["unknown method 'centriod'", "did you mean 'centroid'?"]);
}

#[test]
fn summarize_of_a_jsonl_file_points_to_batch() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = write(dir.path(), "clusters.jsonl", &format!("{}\n", cluster_line("a")));
    let run = chorus(&["summarize".as_ref(), data.as_os_str()]);
    run.assert_fails_with(&["use `chorus batch", "clusters.jsonl"]);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

#[test]
fn every_command_has_examples_in_its_help() {
    for command in ["summarize", "batch", "methods", "figures", "eval", "bench", "train", "completions", "man"] {
        let run = chorus(&[command, "--help"]);
        run.assert_success();
        assert!(run.stdout.contains("Examples:\n  chorus "), "{command} --help has no examples:\n{}", run.stdout);
    }
}

#[test]
fn one_spelling_of_the_output_flag() {
    let run = chorus(&["figures".as_ref(), example_dir().as_os_str(), "--format".as_ref(), "json".as_ref()]);
    assert!(run.json()["groups"].is_array());
    for command in ["summarize", "figures", "eval", "bench"] {
        let help = chorus(&[command, "--help"]).stdout;
        assert!(help.contains("--format <FORMAT>"), "{command} has no --format:\n{help}");
        assert!(!help.contains("--json"), "{command} shows a second spelling:\n{help}");
    }
}

#[test]
fn completions_and_man_page_are_generated() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let run = chorus(&["completions", shell]);
        run.assert_success();
        assert!(run.stdout.contains("summarize") && run.stdout.contains("--format"), "{shell}: {}", run.stdout);
    }
    let man = chorus(&["man"]);
    man.assert_success();
    assert!(man.stdout.contains(".TH chorus 1"), "{}", man.stdout);
    for command in ["SUMMARIZE", "BATCH", "FIGURES", "EVAL"] {
        assert!(man.stdout.contains(&format!("CHORUS {command}")), "no section for {command}");
    }
    chorus(&["completions", "tcsh"]).assert_fails_with(&["tcsh"]);
}
