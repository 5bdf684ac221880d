//! Bad, messy and extreme input to `chorus summarize`: each case ends either in a valid, clean
//! brief or in a clear message naming the file and the problem, with a failure exit and never a
//! panic.

mod common;

use common::{assert_citations, chorus_with_stdin, cited_text, normalised, sentence_texts, summarize, word_count};
use serde_json::Value;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

/// A sentence that segmentation keeps as a whole body sentence.
const ARTICLE: &str = "Algerian troops stormed the gas plant on Thursday to end the siege, officials said.\n\
                       Dozens of foreign workers were freed after four days in captivity.\n";

/// Random-looking bytes with NULs in them, as in an image or an archive.
fn binary_bytes(len: usize) -> Vec<u8> {
    // A fixed linear congruential sequence: varied bytes, the same on every run.
    let mut state: u32 = 12_345;
    (0..len)
        .map(|i| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            if i % 64 == 0 {
                0
            } else {
                (state >> 16) as u8
            }
        })
        .collect()
}

/// `chorus summarize PATH --format json`, expected to succeed with a brief citing `original`.
/// Whole sentences (`--no-compress`): these tests check cleaning, and compare the brief with the
/// cleaned text.
fn brief_of(path: &Path, original: impl Fn(&str) -> String) -> Value {
    let brief = summarize(path, &["--format", "json", "--no-compress"]).json();
    assert!(!sentence_texts(&brief).is_empty(), "an empty brief");
    assert_citations(&brief, original);
    brief
}

/// The text of `name` in `dir`, for citations of files written as UTF-8.
fn file_text(dir: &Path) -> impl Fn(&str) -> String + '_ {
    move |name| fs::read_to_string(dir.join(name)).expect("a UTF-8 file")
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

#[test]
fn missing_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("no-such-cluster");
    summarize(&missing, &[]).assert_fails_with(&[&display(&missing), "no such file"]);
}

#[test]
fn empty_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    summarize(dir.path(), &[]).assert_fails_with(&[&display(dir.path()), "empty folder"]);
}

#[test]
fn folder_of_unsupported_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("figures.csv"), "killed,37\n").expect("write");
    fs::write(dir.path().join("photo.jpg"), binary_bytes(500)).expect("write");
    summarize(dir.path(), &[]).assert_fails_with(&[&display(dir.path()), "no .txt, .md, .html or .htm files"]);
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("empty.txt");
    fs::write(&path, "").expect("write");
    summarize(&path, &[]).assert_fails_with(&[&display(&path), "empty: no text"]);
}

#[test]
fn whitespace_only_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("blank.txt");
    fs::write(&path, " \n\t\r\n\u{a0}\n").expect("write");
    summarize(&path, &[]).assert_fails_with(&[&display(&path), "empty: no text"]);
}

#[test]
fn empty_stdin() {
    chorus_with_stdin(&["summarize", "-"], b"").assert_fails_with(&["-: empty: no text"]);
}

#[test]
fn separated_reports_on_stdin() {
    let second = "The army said 32 militants were killed in the final assault on the plant on Saturday.\n";
    let input = format!("{ARTICLE}|||||{second}");
    let run = chorus_with_stdin(&["summarize", "-", "--format", "json"], input.as_bytes());
    let brief = run.json();
    assert_eq!(brief["id"], "stdin");
    let pieces = [ARTICLE, second];
    assert_eq!(brief["documents"].as_array().map(Vec::len), Some(pieces.len()));
    for sentence in brief["sentences"].as_array().expect("sentences") {
        let piece = pieces[sentence["doc_index"].as_u64().expect("doc_index") as usize];
        assert_eq!(
            cited_text(piece, sentence).as_deref(),
            sentence["text"].as_str(),
            "spans index each report's own text"
        );
    }
}

#[test]
fn binary_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("scan.txt");
    fs::write(&path, binary_bytes(4096)).expect("write");
    summarize(&path, &[]).assert_fails_with(&[&display(&path), "binary file"]);
}

#[test]
fn folder_with_one_readable_article() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("only.txt"), ARTICLE).expect("write");
    let brief = brief_of(dir.path(), file_text(dir.path()));
    assert_eq!(brief["documents"].as_array().map(Vec::len), Some(1));
    assert!(brief["summary"].as_str().is_some_and(|s| s.contains("stormed the gas plant")));
}

/// One unreadable file in a folder fails the whole cluster, naming that file: a brief that
/// silently leaves out a report would misstate what the sources say.
#[test]
fn folder_with_one_binary_file_among_good_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("a.txt"), ARTICLE).expect("write");
    fs::write(dir.path().join("b.txt"), binary_bytes(2048)).expect("write");
    fs::write(dir.path().join("c.txt"), ARTICLE.replace("Thursday", "Friday")).expect("write");
    let bad = dir.path().join("b.txt");
    summarize(dir.path(), &[]).assert_fails_with(&[&display(&bad), "binary file"]);
}

#[test]
fn web_page_is_reduced_to_its_article() {
    let page = "<!DOCTYPE html><html><head><title>Siege ends at gas plant</title></head><body>\
                <nav><a href=\"/\">Home</a> | <a href=\"/world\">World</a></nav><article><h1>Siege ends at gas plant</h1>\
                <p>Algerian troops stormed the gas plant on Thursday to end the siege, officials said.</p>\
                <p>Dozens of foreign workers were freed after four days in captivity, the ministry said.</p></article>\
                <footer>Copyright 2013</footer></body></html>";
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("page.html"), page).expect("write");
    // Whole sentences, to compare them with the page's paragraphs.
    let brief = summarize(dir.path(), &["--format", "json", "--no-compress"]).json();
    assert_eq!(brief["documents"][0]["title"], "Siege ends at gas plant");
    let sentences = sentence_texts(&brief);
    assert!(!sentences.is_empty());
    for sentence in sentences {
        assert!(page.contains(&format!("<p>{sentence}</p>")), "{sentence:?} is not a paragraph of the article");
    }
}

#[test]
fn web_page_without_an_article() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("blank.html");
    fs::write(&path, "<html><body><div></div></body></html>").expect("write");
    summarize(&path, &[]).assert_fails_with(&[&display(&path), "HTML page without article text"]);
}

#[test]
fn report_with_only_a_headline() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("headline.txt");
    fs::write(&path, "Algerian hostage drama ends with air strike\n").expect("write");
    summarize(&path, &[]).assert_fails_with(&[&display(&path), "no complete sentence"]);
}

#[test]
fn report_with_only_an_ellipsis() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dots.txt");
    fs::write(&path, "...\n").expect("write");
    summarize(&path, &[]).assert_fails_with(&[&display(&path), "no complete sentence"]);
}

#[test]
fn invalid_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("cluster.json");
    fs::write(&path, "{\"documents\": [\"Troops stormed the plant.\",").expect("write");
    summarize(&path, &[]).assert_fails_with(&[&display(&path), "invalid JSON"]);
}

#[test]
fn json_without_documents() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("cluster.json");
    fs::write(&path, r#"{"id": "siege", "summaries": ["A summary."]}"#).expect("write");
    summarize(&path, &[]).assert_fails_with(&[&display(&path), "no \"documents\""]);
}

#[test]
fn zero_budget() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("a.txt"), ARTICLE).expect("write");
    for flag in ["--words", "--bytes", "--sentences"] {
        summarize(dir.path(), &[flag, "0"]).assert_fails_with(&["budget must be greater than zero"]);
    }
}

#[test]
fn budget_smaller_than_any_sentence() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("a.txt"), ARTICLE).expect("write");
    let name = dir.path().file_name().expect("a name").to_string_lossy().into_owned();
    summarize(dir.path(), &["--words", "3"]).assert_fails_with(&[
        &name,
        "no sentence fits in the budget",
        "--truncate",
    ]);
    let cut = summarize(dir.path(), &["--words", "3", "--truncate", "--format", "json"]).json();
    assert_eq!(cut["summary"], "Algerian troops stormed");
}

#[test]
fn unknown_method() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("a.txt"), ARTICLE).expect("write");
    summarize(dir.path(), &["--method", "oracle"]).assert_fails_with(&["unknown method 'oracle'", "chorus methods"]);
}

#[test]
fn windows_1252_text_comes_out_clean() {
    // The same text as a Rust string, and as the Windows-1252 bytes written to the file.
    let text = "The caf\u{e9} owner said \u{201c}we are safe now\u{201d} after troops ended the siege on Saturday.\n\
                The mayor said it\u{2019}s been a long week for the town and its people.\n";
    let bytes: Vec<u8> = text
        .chars()
        .map(|c| match c {
            '\u{e9}' => 0xe9,
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            '\u{2019}' => 0x92,
            c => u8::try_from(c).expect("ASCII otherwise"),
        })
        .collect();
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("cp1252.txt"), bytes).expect("write");
    let brief = brief_of(dir.path(), |_| text.to_owned());
    let summary = brief["summary"].as_str().expect("summary");
    assert!(summary.contains("The caf\u{e9} owner said \"we are safe now\""), "{summary}");
    assert!(summary.contains("it's been"), "{summary}");
}

#[test]
fn mojibake_comes_out_clean() {
    // UTF-8 that was read as Windows-1252 and written back: é, curly quotes, no-break space.
    let text = "The caf\u{c3}\u{a9} owner said \u{e2}\u{20ac}\u{153}we are safe now\u{e2}\u{20ac}\u{9d} after troops ended \
                the siege on Saturday.\u{c2}\u{a0}The mayor said it\u{e2}\u{20ac}\u{2122}s been a long week for the town and its people.\n";
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("mojibake.txt"), text).expect("write");
    let brief = brief_of(dir.path(), file_text(dir.path()));
    let summary = brief["summary"].as_str().expect("summary");
    assert_eq!(summary, normalised(text));
    assert!(!summary.contains(['\u{c3}', '\u{c2}', '\u{e2}', '\u{fffd}']), "{summary}");
}

#[test]
fn pasted_link_titles_are_cut_from_a_sentence_whose_span_still_covers_them() {
    let text = "Secretary of State Hillary ClintonHillary Diane Rodham ClintonTrump lashes out at 'rigged' probe \
                Clapper: 'More and more' of dossier true MORE said Thursday that the region was unstable.\n";
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("widget.txt"), text).expect("write");
    let brief = brief_of(dir.path(), file_text(dir.path()));
    assert_eq!(
        sentence_texts(&brief),
        ["Secretary of State Hillary Clinton said Thursday that the region was unstable."]
    );
    let sentence = &brief["sentences"][0];
    assert_eq!((sentence["start"].as_u64(), sentence["end"].as_u64()), (Some(0), Some(text.trim_end().len() as u64)));
}

/// Generous for a shared machine; quadratic work on these inputs would take far longer.
const LIMIT: Duration = Duration::from_secs(20);

#[test]
fn ten_thousand_tiny_reports() {
    let subjects = ["Troops", "Militants", "Officials", "Engineers", "Medics", "Pilots", "Guards", "Drivers"];
    let verbs = ["reached", "left", "guarded", "searched", "described", "surrounded", "evacuated", "mapped"];
    let places = ["the gas plant", "the town", "the border post", "the airport", "the camp", "the pipeline"];
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..10_000 {
        let (s, v, p) = (subjects[i % 8], verbs[i / 8 % 8], places[i / 64 % 6]);
        let text = format!("Report {i}: {s} {v} {p} on day {}, a spokesman said.\n", i % 31 + 1);
        fs::write(dir.path().join(format!("{i:05}.txt")), text).expect("write");
    }
    let started = Instant::now();
    let brief = brief_of(dir.path(), file_text(dir.path()));
    assert!(started.elapsed() < LIMIT, "took {:?}", started.elapsed());
    assert_eq!(brief["documents"].as_array().map(Vec::len), Some(10_000));
    assert!(word_count(brief["summary"].as_str().expect("summary")) <= 100);
}

/// A single report of `megabytes` MB: varied sentences in paragraphs, with curly quotes and
/// no-break spaces to clean.
fn huge_report(megabytes: usize) -> String {
    let subjects =
        ["Troops", "Militants", "Officials", "Engineers", "Medics", "Pilots", "Guards", "Drivers", "Reporters"];
    let verbs = ["reached", "left", "guarded", "searched", "described", "surrounded", "evacuated"];
    let places = ["the gas plant", "the town", "the border post", "the airport", "the camp"];
    let mut text = String::with_capacity(megabytes << 20);
    let mut i = 0usize;
    while text.len() < megabytes << 20 {
        let (s, v, p) = (subjects[i % 9], verbs[i / 9 % 7], places[i / 63 % 5]);
        text.push_str(&format!(
            "{s} {v} {p} on day {} of month {},\u{a0}a \u{201c}spokesman\u{201d} numbered {} said.",
            i % 29 + 1,
            i % 12 + 1,
            i % 97
        ));
        text.push_str(if i % 7 == 6 { "\n\n" } else { " " });
        i += 1;
    }
    text
}

// The full 100 MB report, made by this generator, summarizes in 21-26 s with the test profile and
// about 28 s with `--release` (2 shared cores, figure extraction nearly half of it; peak memory
// about 2 GB): too slow for a test suite that must stay under 30 s. 8 MB runs the same code in a
// few seconds, and quadratic behaviour would already show at this size.
#[test]
fn a_large_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.txt");
    let text = huge_report(8);
    fs::write(&path, &text).expect("write");
    let started = Instant::now();
    let brief = brief_of(&path, |_| text.clone());
    assert!(started.elapsed() < LIMIT, "took {:?}", started.elapsed());
    assert_eq!(brief["documents"][0]["bytes"].as_u64(), Some(text.len() as u64));
    assert!(word_count(brief["summary"].as_str().expect("summary")) <= 100);
}
