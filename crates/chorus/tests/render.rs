//! The renderers on the example cluster: what a reader needs to follow each citation.

use chorus::{Budget, Format, Summarizer};
use std::path::Path;

fn example_brief(words: usize) -> chorus::Brief {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/in-amenas");
    let cluster = chorus::read_cluster(&folder).expect("the example reads");
    Summarizer::new(chorus::DEFAULT_METHOD, Budget::words(words))
        .expect("default method")
        .summarize(cluster)
        .expect("a brief")
}

#[test]
fn text_lists_the_numbered_reports_that_figure_lines_cite() {
    let brief = example_brief(100);
    let text = chorus::render(&brief, Format::Text);
    // The brief comes first, each sentence followed by its citation as in Markdown.
    let first = &brief.sentences[0];
    assert!(text.starts_with(&format!("{} [", first.text)), "{text}");
    let paragraph = text.lines().next().expect("a first line");
    for sentence in &brief.sentences {
        let at = paragraph.find(&sentence.text).expect("every sentence is in the paragraph");
        let after = &paragraph[at + sentence.text.len()..];
        assert!(after.starts_with(" [") && after[2..].starts_with(char::is_numeric), "no citation after it: {after}");
    }
    let supported = brief.sentences.iter().filter(|s| !s.support.is_empty()).count();
    assert_eq!(paragraph.matches("; also ").count(), supported, "{paragraph}");
    let figures = text.find("Figures the reports disagree on:").expect("the example has disputed figures");
    let reports = text.find("Reports:\n[1] 000_721c9108c0229ec8.txt").expect("a numbered report list");
    assert!(figures < reports);
    assert_eq!(text.matches("\n[").count(), brief.documents.len(), "one line per report");
}

#[test]
fn figure_lines_name_each_day_once() {
    let brief = example_brief(100);
    let markdown = chorus::render(&brief, Format::Markdown);
    let hostages = markdown.lines().find(|l| l.starts_with("- hostage killed")).expect("the hostage toll is disputed");
    assert!(hostages.contains("35") && hostages.contains("23"), "{hostages}");
    assert!(!hostages.contains("Saturday, on Saturday"), "{hostages}");
}

#[test]
fn markdown_cites_every_sentence_and_lists_every_source() {
    let brief = example_brief(250);
    let markdown = chorus::render(&brief, Format::Markdown);
    for sentence in &brief.sentences {
        let opening: String = sentence.text.chars().take(20).collect();
        let line = markdown.lines().find(|l| l.starts_with(&opening)).expect("each sentence is a paragraph");
        assert!(line.contains(" ["), "no citation: {line}");
    }
    let sources = markdown.split("## Sources").nth(1).expect("a source list");
    assert_eq!(sources.lines().filter(|l| l.starts_with(char::is_numeric)).count(), brief.documents.len());
}

/// What a huge cluster repeats (reports supporting a sentence, values, attributions and days of a
/// figure) is listed only up to a cap in the JSON, with how many there were: the JSON grows with
/// the brief, not with the input.
#[test]
fn json_lists_what_the_reports_repeat_only_up_to_a_cap() {
    let brief = example_brief(100);
    let normal = chorus::render(&brief, Format::Json).len();
    let mut huge = brief.clone();
    huge.sentences[0].support = (0..5_000).map(|i| format!("copy{i}")).collect();
    let group = huge.sentences.iter().flat_map(|s| s.disputed.iter().copied()).next().unwrap_or(0);
    let template = huge.figures[group].values[0].clone();
    let values = &mut huge.figures[group].values;
    values[0].attributions = (0..5_000).map(|i| format!("spokesman number {i} said")).collect();
    values[0].days = (0..5_000).map(|i| format!("day {i}")).collect();
    values.extend((0..5_000).map(|i| chorus::figures::FigureValue {
        value: chorus::figures::Value::Exact(1_000_000 + i),
        ..template.clone()
    }));
    let json = chorus::render(&huge, Format::Json);
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");

    let sentence = &parsed["sentences"][0];
    assert_eq!(sentence["support"].as_array().expect("support").len(), 20);
    assert_eq!(sentence["support_total"], 5_000);
    let shown = parsed["figures"].as_array().expect("figures");
    let listed = shown.iter().find(|g| g["values_total"].is_number()).expect("the grown group is listed");
    assert_eq!(listed["values_total"].as_u64(), Some(huge.figures[group].values.len() as u64));
    let values = listed["values"].as_array().expect("values");
    assert_eq!(values.len(), 10);
    assert!(values.iter().all(|v| v["attributions"].as_array().expect("list").len() <= 20));
    assert!(values.iter().all(|v| v["days"].as_array().expect("list").len() <= 20));
    // Uncut lists say nothing of totals: the JSON of a normal brief is as before.
    assert!(parsed["sentences"][1].get("support_total").is_none());
    // 20 supporting reports, 20 attributions, 20 days and 7 more values, not 20,000 items.
    assert!(json.len() < normal + 8_000, "{} bytes against {normal}", json.len());
}
