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
    let stream_path = example.join("../stream/articles.jsonl");
    let store = dir.path().join("store");
    let stream = std::fs::read(&stream_path).expect("the example stream");
    chorus_with_stdin(&["stream".as_ref(), "--store".as_ref(), store.as_os_str()], &stream).assert_success();
    let (ex, d, s, st) = (example.as_os_str(), data.as_os_str(), system.as_os_str(), store.as_os_str());
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
        vec!["cluster".as_ref(), stream_path.as_os_str()],
        vec!["events".as_ref(), "--store".as_ref(), st],
        vec!["events".as_ref(), "--store".as_ref(), st, "--format".as_ref(), "json".as_ref()],
        vec!["brief".as_ref(), "--store".as_ref(), st, "e0".as_ref()],
        vec!["brief".as_ref(), "--store".as_ref(), st, "e0".as_ref(), "--history".as_ref()],
        vec!["store".as_ref(), "expire".as_ref(), "--store".as_ref(), st, "--before".as_ref(), "2000-01-01".as_ref()],
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
fn cluster_and_stream_of_nothing_say_so_and_succeed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = write(dir.path(), "empty.jsonl", "\n");
    let run = chorus(&["cluster".as_ref(), empty.as_os_str()]);
    assert_eq!((run.code, run.stdout.as_str()), (Some(0), ""), "{}", run.stderr);
    assert!(run.stderr.contains("empty.jsonl: no articles in the input"), "{}", run.stderr);
    let store = dir.path().join("store");
    let run = chorus_with_stdin(&["stream".as_ref(), "--store".as_ref(), store.as_os_str()], b"");
    assert_eq!((run.code, run.stdout.as_str()), (Some(0), ""), "{}", run.stderr);
    assert!(run.stderr.contains("stdin: no articles; nothing stored"), "{}", run.stderr);
}

#[test]
fn reading_a_store_that_is_not_there_is_an_error_not_an_empty_store() {
    let dir = tempfile::tempdir().expect("tempdir");
    let typo = dir.path().join("sotre");
    let t = typo.as_os_str();
    for args in [
        vec!["events".as_ref(), "--store".as_ref(), t],
        vec!["brief".as_ref(), "--store".as_ref(), t, "e0".as_ref()],
        vec!["store".as_ref(), "expire".as_ref(), "--store".as_ref(), t, "--before".as_ref(), "2026-01-01".as_ref()],
    ] {
        chorus(&args).assert_fails_with(&[&format!("{}: no store here", typo.display())]);
        assert!(!typo.exists(), "{args:?} made a store");
    }
}

#[test]
fn a_limit_of_zero_clusters_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = write(dir.path(), "data.jsonl", &format!("{}\n", cluster_line("a")));
    let model = dir.path().join("model");
    for command in ["eval", "bench", "train"] {
        let mut args: Vec<&std::ffi::OsStr> =
            vec![command.as_ref(), "--data".as_ref(), data.as_os_str(), "--limit".as_ref(), "0".as_ref()];
        if command == "train" {
            args.extend(["--out".as_ref(), model.as_os_str()]);
        }
        chorus(&args).assert_fails_with(&["--limit", "must be at least 1"]);
    }
    assert!(!model.exists());
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

/// A paragraph of real-looking sentences, each with figures, `n` times over.
fn numbered_report(sentences: usize) -> String {
    (0..sentences)
        .map(|i| {
            format!(
                "Rescuers found {} survivors near bridge {} on day {}, the police said. ",
                i % 50 + 3,
                i % 7 + 1,
                i % 28 + 1
            )
        })
        .collect()
}

#[test]
fn a_one_megabyte_token_does_not_make_a_one_megabyte_brief() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = format!(
        "{}\n\nThe storm reached the {} coast on Monday, officials said.\n\n{}",
        numbered_report(20),
        "x".repeat(1 << 20),
        numbered_report(20)
    );
    let path = write(dir.path(), "token.txt", &text);
    for truncate in [false, true] {
        let mut args = vec!["summarize".as_ref(), path.as_os_str(), "--format".as_ref(), "json".as_ref()];
        if truncate {
            args.push("--truncate".as_ref());
        }
        let run = chorus(&args);
        let brief = run.json();
        let summary = brief["summary"].as_str().expect("summary");
        assert!(summary.len() < 2_000, "a 100-word brief of {} bytes", summary.len());
        assert!(run.stdout.len() < 200_000, "JSON of {} bytes", run.stdout.len());
    }
}

#[test]
fn a_megabyte_without_sentence_ends_is_not_a_sentence() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text =
        format!("{}\n\n{}\n\n{}", numbered_report(10), "and the water rose ".repeat(60_000), numbered_report(10));
    let path = write(dir.path(), "run-on.txt", &text);
    let run = chorus(&["summarize".as_ref(), path.as_os_str(), "--format".as_ref(), "json".as_ref()]);
    let brief = run.json();
    assert!(brief["summary"].as_str().expect("summary").len() < 2_000);
    for sentence in brief["sentences"].as_array().expect("sentences") {
        assert!(sentence["text"].as_str().expect("text").len() <= 2_000);
    }
}

#[test]
fn the_json_of_a_brief_is_in_proportion_to_the_brief() {
    let dir = tempfile::tempdir().expect("tempdir");
    // About 4 MB, with some 60,000 figures.
    let text = numbered_report(60_000);
    let path = write(dir.path(), "numbers.txt", &text);
    let run = chorus(&["summarize".as_ref(), path.as_os_str(), "--format".as_ref(), "json".as_ref()]);
    let brief = run.json();
    assert!(
        run.stdout.len() < 400_000,
        "{} bytes of JSON for a 100-word brief of a {}-byte report",
        run.stdout.len(),
        text.len()
    );
    let figures = brief["figures"].as_array().expect("figures");
    assert!(figures.len() <= 50);
    assert!(brief["figures_total"].as_u64().expect("figures_total") >= figures.len() as u64);
    let claims = brief["claims"].as_array().expect("claims").len();
    // 60,000 figures in the report; at most 1,000 claims are read from one report.
    let total = brief["claims_total"].as_u64().expect("claims_total");
    assert!((500..=1_000).contains(&total), "{total} claims read");
    assert!(claims as u64 <= total);
    // Every index still points at a listed claim or group.
    for group in figures {
        for value in group["values"].as_array().expect("values") {
            assert!(value["claims"].as_array().expect("claims").len() <= 20);
            assert!(value["docs"].as_array().expect("docs").len() <= 20);
            for claim in value["claims"].as_array().expect("claims") {
                assert!((claim.as_u64().expect("index") as usize) < claims);
            }
        }
    }
    for sentence in brief["sentences"].as_array().expect("sentences") {
        for group in sentence["disputed"].as_array().expect("disputed") {
            assert!((group.as_u64().expect("index") as usize) < figures.len());
        }
    }
}

#[test]
fn a_figure_line_of_many_reports_names_a_few_and_counts_the_rest() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut docs: Vec<String> = (0..300)
        .map(|i| {
            // Words of its own, so that no report is a near-duplicate of another.
            let own: Vec<String> = (0..30).map(|w| format!("w{i}x{w}")).collect();
            format!(
                "The flood killed 12 people in the valley on Monday, officials said. Witnesses saw {}.",
                own.join(" ")
            )
        })
        .collect();
    docs.push("The flood killed 40 people in the valley on Monday, the governor said.".into());
    let path = write(dir.path(), "many.json", &serde_json::json!({"id": "many", "documents": docs}).to_string());
    let run = chorus(&["figures".as_ref(), path.as_os_str()]);
    run.assert_success();
    let line = run.stdout.lines().find(|l| l.contains(" vs ")).expect("the toll is disputed");
    assert!(line.contains("and 280 more]"), "{line}");
    assert!(line.len() < 1_000, "{line}");
}

#[test]
fn deeply_nested_html_is_read_as_plain_text_without_a_hang() {
    let dir = tempfile::tempdir().expect("tempdir");
    let n = 50_000;
    let page = format!(
        "<!DOCTYPE html><html><body>{}<p>{}</p>{}</body></html>",
        "<div>".repeat(n),
        numbered_report(8),
        "</div>".repeat(n)
    );
    let path = write(dir.path(), "deep.html", &page);
    let started = std::time::Instant::now();
    let brief = chorus(&["summarize".as_ref(), path.as_os_str(), "--format".as_ref(), "json".as_ref()]).json();
    assert!(brief["summary"].as_str().expect("summary").contains("survivors"));
    // The same page as a document of a batch line.
    let line = serde_json::json!({"id": "deep", "documents": [page]}).to_string();
    let run = chorus_with_stdin(&["batch", "-"], format!("{line}\n").as_bytes());
    run.assert_success();
    assert!(run.stdout.contains("survivors"), "{}", run.stdout);
    assert!(started.elapsed() < std::time::Duration::from_secs(30), "took {:?}", started.elapsed());
}

#[test]
fn a_gzip_bomb_line_in_batch_is_an_error_record_and_the_rest_come_out() {
    use flate2::{write::GzEncoder, Compression};
    use std::io::Write;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bomb.jsonl.gz");
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    writeln!(encoder, "{}", cluster_line("before")).expect("compress");
    encoder.write_all(b"{\"id\": \"bomb\", \"documents\": [\"").expect("compress");
    let zeros = vec![b'0'; 1 << 20];
    for _ in 0..200 {
        encoder.write_all(&zeros).expect("compress");
    }
    encoder.write_all(b"\"]}\n").expect("compress");
    writeln!(encoder, "{}", cluster_line("after")).expect("compress");
    std::fs::write(&path, encoder.finish().expect("compress")).expect("write");
    let run = chorus(&["batch".as_ref(), path.as_os_str(), "--max-line-bytes".as_ref(), "10000000".as_ref()]);
    run.assert_no_panic();
    assert_eq!(run.code, Some(1), "a failed record fails the run: {}", run.stderr);
    let records: Vec<serde_json::Value> =
        run.stdout.lines().map(|l| serde_json::from_str(l).expect("a JSON record")).collect();
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["id"], "before");
    assert!(records[1]["error"].as_str().expect("an error").contains("line 2: line over the limit of 10000000 bytes"));
    assert_eq!(records[2]["id"], "after");
}

#[test]
fn invalid_utf8_in_a_batch_line_is_an_error_record_naming_it() {
    let mut input = cluster_line("good").into_bytes();
    input.extend_from_slice(
        b"\n{\"id\": \"bad\", \"documents\": [\"caf\xe9 au lait is served here every day, they said.\"]}\n",
    );
    let run = chorus_with_stdin(&["batch", "-"], &input);
    assert_eq!(run.code, Some(1));
    let records: Vec<serde_json::Value> = run.stdout.lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
    assert_eq!(records[0]["id"], "good");
    let error = records[1]["error"].as_str().expect("an error record");
    assert!(error.contains("line 2: not UTF-8"), "{error}");
}

#[test]
fn an_input_over_the_size_limit_is_refused_by_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "big.txt", &numbered_report(200));
    chorus(&["summarize".as_ref(), path.as_os_str(), "--max-input-bytes".as_ref(), "1000".as_ref()])
        .assert_fails_with(&["big.txt: input over the limit of 1000 bytes"]);
    chorus(&["summarize".as_ref(), path.as_os_str(), "--max-input-bytes".as_ref(), "100000".as_ref()]).assert_success();
}

#[test]
fn figures_read_ranges_addresses_and_vague_amounts_soundly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cluster = serde_json::json!({"id": "t", "documents": [
        "Between 10 and 20 hostages were killed in the raid on Monday, officials said. Gunmen stormed the hotel at 12 Rue de Paris on Monday, police said.",
        "Fifteen hostages were killed in the raid on Monday, the ministry said. Several militants were killed, the army said.",
        "Four militants were killed, the army said on Monday. Dozens of soldiers were wounded, officials said.",
        "Two soldiers were wounded, officials said."
    ]});
    let path = write(dir.path(), "t.json", &cluster.to_string());
    let report = chorus(&["figures".as_ref(), path.as_os_str(), "--format".as_ref(), "json".as_ref()]).json();
    let claims = report["claims"].as_array().expect("claims");
    let range = claims.iter().find(|c| c["doc_index"] == 0 && c["counted"] == "hostage").expect("the range is a claim");
    assert_eq!((range["number_text"].as_str(), range["qualifier"].as_str()), (Some("20"), Some("between 10 and")));
    assert!(claims.iter().all(|c| c["number_text"] != "10"), "the lower end is not a count of its own");
    assert!(claims.iter().all(|c| c["number_text"] != "12"), "a house number is not a count");
    let verdict = |counted: &str| {
        let groups = report["groups"].as_array().expect("groups");
        let group = groups.iter().find(|g| g["counted"] == counted).unwrap_or_else(|| panic!("no {counted} group"));
        group["verdict"].as_str().expect("verdict").to_owned()
    };
    assert_eq!(verdict("hostage"), "consistent", "15 lies between 10 and 20");
    assert_eq!(verdict("militant"), "consistent", "several is not four, nor against it");
    assert_eq!(verdict("soldier"), "consistent", "dozens is not two, nor against it");
    let text = chorus(&["figures".as_ref(), path.as_os_str()]).stdout;
    assert!(text.contains("between 10 and 20"), "{text}");
}

#[test]
fn errors_name_the_path_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("quiet");
    std::fs::create_dir(&folder).expect("mkdir");
    write(&folder, "a.txt", "Hello there\n");
    let run = chorus(&["summarize".as_ref(), folder.as_os_str()]);
    run.assert_fails_with(&[&format!("{}: no complete sentence", folder.display())]);
    assert!(!run.stderr.contains("quiet: quiet"), "{}", run.stderr);
    let file = folder.join("a.txt");
    let run = chorus(&["summarize".as_ref(), file.as_os_str()]);
    run.assert_fails_with(&[&format!("{}: no complete sentence", file.display())]);
}

/// An article line of the `cluster`/`stream` format.
fn article_line(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text}).to_string()
}

/// A gzip stream of an article, a line of `megabytes` MB of `0` inside an article, and another
/// article: a gzip bomb of about 1 kB a megabyte.
fn article_bomb(megabytes: usize) -> Vec<u8> {
    use flate2::{write::GzEncoder, Compression};
    use std::io::Write;
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    writeln!(encoder, "{}", article_line("before", "Troops reached the gas plant on Thursday, officials said."))
        .expect("compress");
    encoder.write_all(b"{\"id\": \"bomb\", \"text\": \"").expect("compress");
    let zeros = vec![b'0'; 1 << 20];
    for _ in 0..megabytes {
        encoder.write_all(&zeros).expect("compress");
    }
    encoder.write_all(b"\"}\n").expect("compress");
    writeln!(encoder, "{}", article_line("after", "Engineers left the town on Friday, a spokesman said."))
        .expect("compress");
    encoder.finish().expect("compress")
}

/// The records of a run's stdout, and the check that the bomb on line 2 is an error record
/// between the two articles.
fn assert_bomb_refused(run: &common::Run, limit: &str) {
    run.assert_no_panic();
    assert_eq!(run.code, Some(1), "a bad line fails the run: {}", run.stderr);
    let records: Vec<serde_json::Value> =
        run.stdout.lines().map(|l| serde_json::from_str(l).expect("a JSON record")).collect();
    assert_eq!(records.len(), 3, "{}", run.stdout);
    assert_eq!(records[0]["id"], "before");
    assert_eq!(records[1]["line"], 2);
    let error = records[1]["error"].as_str().expect("an error record");
    assert_eq!(error, format!("line over the limit of {limit} bytes"));
    assert!(run.stderr.contains(&format!("line 2: line over the limit of {limit} bytes")), "{}", run.stderr);
    assert_eq!(records[2]["id"], "after");
}

#[test]
fn a_gzip_bomb_line_in_cluster_is_an_error_record_and_the_rest_come_out() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bomb.jsonl.gz");
    std::fs::write(&path, article_bomb(20)).expect("write");
    let run = chorus(&["cluster".as_ref(), path.as_os_str(), "--max-line-bytes".as_ref(), "1000000".as_ref()]);
    assert_bomb_refused(&run, "1000000");
    // Under the default limit (32 MiB) the same line is read: it is the limit that refused it.
    let run = chorus(&["cluster".as_ref(), path.as_os_str()]);
    run.assert_success();
    assert!(run.stdout.lines().nth(1).is_some_and(|l| l.contains("\"bomb\"")), "{}", run.stdout);
}

#[test]
fn a_gzip_bomb_line_in_stream_is_an_error_record_and_the_rest_are_stored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let run = chorus_with_stdin(
        &["stream", "--store", store.to_str().expect("UTF-8"), "--max-line-bytes", "1000000"],
        &article_bomb(20),
    );
    assert_bomb_refused(&run, "1000000");
    let events = chorus(&["events".as_ref(), "--store".as_ref(), store.as_os_str()]);
    events.assert_success();
    assert!(events.stdout.contains("before") && events.stdout.contains("after"), "{}", events.stdout);
    assert!(!events.stdout.contains("bomb"), "{}", events.stdout);
}

#[test]
fn a_long_plain_line_in_stream_and_cluster_is_refused_at_the_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let long = article_line("long", &"The convoy reached the border post on Friday. ".repeat(100));
    let input = format!(
        "{}\n{long}\n{}\n",
        article_line("before", "Troops reached the gas plant on Thursday, officials said."),
        article_line("after", "Engineers left the town on Friday, a spokesman said.")
    );
    let path = write(dir.path(), "long.jsonl", &input);
    let limit = (long.len() - 1).to_string();
    assert_bomb_refused(
        &chorus(&["cluster".as_ref(), path.as_os_str(), "--max-line-bytes".as_ref(), limit.as_ref()]),
        &limit,
    );
    let store = dir.path().join("store");
    let store = store.to_str().expect("UTF-8");
    assert_bomb_refused(
        &chorus_with_stdin(&["stream", "--store", store, "--max-line-bytes", &limit], input.as_bytes()),
        &limit,
    );
    // The limit counts the line's end: at the line's length and one, it is an article like the others.
    let limit = (long.len() + 1).to_string();
    let run = chorus(&["cluster".as_ref(), path.as_os_str(), "--max-line-bytes".as_ref(), limit.as_ref()]);
    run.assert_success();
    assert_eq!(run.stdout.lines().count(), 3);
}
