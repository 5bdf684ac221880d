//! The example cluster end to end: every method under every kind of budget gives a brief that
//! keeps its budget, cites its sources exactly, and reads cleanly; every output format renders;
//! `chorus methods` documents every method.

mod common;

use common::{
    assert_citations, chorus, example_dir, jaccard, method_names, sentence_texts, summarize, word_count, FURNITURE,
};
use serde_json::Value;
use std::collections::HashMap;
use std::fs;

/// A budget as given on the command line, and a check that a summary keeps it.
struct BudgetCase {
    flag: &'static str,
    size: usize,
}

const BUDGETS: [BudgetCase; 5] = [
    BudgetCase { flag: "--words", size: 50 },
    BudgetCase { flag: "--words", size: 100 },
    BudgetCase { flag: "--words", size: 250 },
    BudgetCase { flag: "--bytes", size: 600 },
    BudgetCase { flag: "--sentences", size: 3 },
];

impl BudgetCase {
    fn used(&self, brief: &Value) -> usize {
        let summary = brief["summary"].as_str().expect("summary");
        match self.flag {
            "--words" => word_count(summary),
            "--bytes" => summary.len(),
            _ => brief["sentences"].as_array().expect("sentences").len(),
        }
    }
}

/// The texts of the example's files, which the spans of every brief point into.
fn example_texts() -> HashMap<String, String> {
    fs::read_dir(example_dir())
        .expect("the example folder")
        .map(|entry| {
            let path = entry.expect("an entry").path();
            let name = path.file_name().expect("a file name").to_string_lossy().into_owned();
            (name, fs::read_to_string(&path).expect("the example files are UTF-8"))
        })
        .collect()
}

#[test]
fn every_method_and_budget_gives_a_faithful_brief() {
    let texts = example_texts();
    let methods = method_names();
    assert!(methods.len() >= 2, "chorus methods lists {methods:?}");
    for method in &methods {
        for budget in &BUDGETS {
            for truncate in [false, true] {
                let size = budget.size.to_string();
                let mut args = vec!["--method", method, budget.flag, &size];
                if truncate {
                    args.push("--truncate");
                }
                let case = args.join(" ");
                args.extend(["--format", "json"]);
                let brief = summarize(&example_dir(), &args).json();
                check_brief(&brief, &case, budget, truncate, &texts);
            }
        }
    }
}

/// Everything a brief of the example must satisfy whatever the method: within budget, cited
/// exactly, free of page furniture and near-duplicates, cut only at its end.
fn check_brief(brief: &Value, case: &str, budget: &BudgetCase, truncate: bool, texts: &HashMap<String, String>) {
    let sentences = sentence_texts(brief);
    assert!(!sentences.is_empty(), "{case}: empty brief");
    assert_eq!(brief["summary"].as_str(), Some(sentences.join(" ").as_str()), "{case}: summary is its sentences");
    let used = budget.used(brief);
    assert!(used <= budget.size, "{case}: {used} over the budget of {}", budget.size);

    assert_citations(brief, |file| texts.get(file).unwrap_or_else(|| panic!("{case}: unknown file {file}")).clone());

    for text in &sentences {
        for furniture in FURNITURE {
            assert!(!text.contains(furniture), "{case}: page furniture {furniture:?} chosen: {text:?}");
        }
    }
    for (i, a) in sentences.iter().enumerate() {
        for b in &sentences[i + 1..] {
            assert!(jaccard(a, b) < 0.6, "{case}: near-duplicates chosen:\n  {a:?}\n  {b:?}");
        }
    }

    let truncated: Vec<bool> =
        brief["sentences"].as_array().expect("sentences").iter().map(|s| s["truncated"] == true).collect();
    let cut_before_last = truncated.iter().rev().skip(1).any(|&cut| cut);
    assert!(!cut_before_last, "{case}: only the last sentence may be truncated: {truncated:?}");
    if !truncate {
        assert!(!truncated.contains(&true), "{case}: truncated without --truncate");
    }
}

#[test]
fn truncate_fills_a_word_budget_the_whole_sentences_leave_short() {
    // With whole sentences only, a budget is rarely met exactly; cutting the last one fills it.
    let whole = summarize(&example_dir(), &["--format", "json", "--words", "55"]).json();
    let cut = summarize(&example_dir(), &["--format", "json", "--words", "55", "--truncate"]).json();
    let words = |brief: &Value| word_count(brief["summary"].as_str().expect("summary"));
    assert!(words(&whole) < 55, "the example's sentences do not add up to exactly 55 words");
    assert_eq!(words(&cut), 55);
    let last = cut["sentences"].as_array().and_then(|s| s.last()).expect("a sentence");
    assert_eq!(last["truncated"], true);
}

#[test]
fn the_default_method_is_the_one_marked_default() {
    let run = chorus(&["methods"]);
    run.assert_success();
    let marked: Vec<&str> = run.stdout.lines().filter(|line| line.contains("(default)")).collect();
    assert_eq!(marked.len(), 1, "exactly one method is the default:\n{}", run.stdout);
    let default = marked[0].split_whitespace().next().expect("a name");
    let brief = example_brief();
    assert_eq!(brief["method"], default);
}

#[test]
fn methods_have_a_description_and_a_reference() {
    let run = chorus(&["methods"]);
    run.assert_success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2 * method_names().len(), "two lines per method:\n{}", run.stdout);
    for pair in lines.chunks(2) {
        let (name, description) = pair[0].split_once(char::is_whitespace).expect("a name, then a description");
        assert!(word_count(description) >= 3, "{name}: no description");
        let reference = pair[1].trim();
        let has_year = reference
            .split(|c: char| !c.is_ascii_digit())
            .any(|n| n.len() == 4 && (n.starts_with("19") || n.starts_with("20")));
        assert!(
            pair[1].starts_with(' ') && has_year,
            "{name}: the second line should be a dated reference: {:?}",
            pair[1]
        );
    }
}

/// The brief of the example as JSON, with the default method and budget.
fn example_brief() -> Value {
    summarize(&example_dir(), &["--format", "json"]).json()
}

/// The brief in one format, with the default method and budget.
fn rendered(format: &str) -> String {
    let run = summarize(&example_dir(), &["--format", format]);
    run.assert_success();
    run.stdout
}

#[test]
fn text_format_is_the_summary_with_citations() {
    let brief = example_brief();
    let text = rendered("text");
    let first = text.lines().next().expect("a first line");
    let without: String =
        first.split(" [").map(|part| part.split_once(']').map_or(part, |(_, rest)| rest)).collect::<Vec<_>>().join("");
    assert_eq!(without, brief["summary"].as_str().expect("summary"), "the summary, once citations are taken out");
    assert_eq!(
        first.matches(" [").count(),
        brief["sentences"].as_array().map_or(0, Vec::len),
        "one citation a sentence"
    );
    assert!(text.contains("\nReports:\n[1] "), "the numbered reports the citations name:\n{text}");
}

#[test]
fn markdown_cites_every_sentence_and_lists_the_sources() {
    let brief = example_brief();
    let markdown = rendered("markdown");
    let (body, sources) = markdown.split_once("\n## Sources\n").expect("a ## Sources section");
    for sentence in sentence_texts(&brief) {
        let line =
            body.lines().find(|line| line.starts_with(sentence)).unwrap_or_else(|| panic!("{sentence:?} missing"));
        let citation = &line[sentence.len()..];
        assert!(citation.trim_start().starts_with('['), "{sentence:?} has no [n] citation: {line:?}");
    }
    for (i, document) in brief["documents"].as_array().expect("documents").iter().enumerate() {
        let file = document["file"].as_str().expect("file");
        let entry = format!("{}. {file}", i + 1);
        assert!(sources.lines().any(|line| line.starts_with(&entry)), "no source entry {entry:?} in:\n{sources}");
    }
}

#[test]
fn json_format_holds_the_whole_brief() {
    let brief = example_brief();
    assert_eq!(brief["id"], "in-amenas");
    assert_eq!(brief["documents"].as_array().map(Vec::len), Some(4));
    assert_eq!(brief["words"].as_u64(), Some(word_count(brief["summary"].as_str().expect("summary")) as u64));
    assert!(brief["figures"].is_array() && brief["claims"].is_array());
}

#[test]
fn html_format_is_a_page_with_escaped_text() {
    let html = rendered("html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.trim_end().ends_with("</html>"));
    for tag in ["html", "head", "body", "p", "ol"] {
        let opened = html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
        assert_eq!(opened, html.matches(&format!("</{tag}>")).count(), "<{tag}> is not balanced");
    }

    // Markup in a report must come out as text, not as markup.
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("a.txt"),
        "Officials said the <script>alert(1)</script> tag & the 3 < 5 claim were both in the report.\n",
    )
    .expect("write");
    let run = summarize(dir.path(), &["--format", "html"]);
    run.assert_success();
    assert!(!run.stdout.contains("<script>"), "unescaped markup:\n{}", run.stdout);
    assert!(
        run.stdout.contains("&lt;script&gt;") && run.stdout.contains("3 &lt; 5") && run.stdout.contains("&amp; the")
    );
}

#[test]
fn an_unknown_format_is_refused() {
    let run = summarize(&example_dir(), &["--format", "pdf"]);
    run.assert_fails_with(&["pdf"]);
}
