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
