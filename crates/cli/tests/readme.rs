//! The README shows real output: every example it prints as the output of a command is checked
//! here against the current binary, so that the README cannot drift from what chorus does.

mod common;

use common::chorus;
use std::path::Path;

fn readme() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The fenced block of `language` that follows the first line containing `marker`.
fn block_after(text: &str, marker: &str, language: &str) -> Vec<String> {
    let from = text.find(marker).unwrap_or_else(|| panic!("README has no {marker:?}"));
    let fence = format!("```{language}\n");
    let start = from + text[from..].find(&fence).unwrap_or_else(|| panic!("no ```{language} block after {marker:?}"));
    let body = &text[start + fence.len()..];
    let end = body.find("```").expect("the block is closed");
    body[..end].lines().map(str::to_owned).collect()
}

/// Every line the README shows (except `…`, which marks what it leaves out, and blank lines)
/// is a line of the real output, in the same order.
fn assert_abridged_output(shown: &[String], output: &str) {
    let real: Vec<&str> = output.lines().collect();
    let mut at = 0;
    for line in shown.iter().filter(|l| !l.trim().is_empty() && l.trim() != "…") {
        match real[at..].iter().position(|r| r == line) {
            Some(offset) => at += offset + 1,
            None => panic!(
                "README shows a line the binary does not print (in this order):\n{line}\n\nreal output:\n{output}"
            ),
        }
    }
}

#[test]
fn the_sample_brief_is_the_binary_output() {
    let shown =
        block_after(&readme(), "`chorus summarize examples/in-amenas --format markdown --words 250`", "markdown");
    assert!(shown.len() > 10, "the README's sample brief is shown");
    let example = common::example_dir();
    let run = chorus(&[
        "summarize".as_ref(),
        example.as_os_str(),
        "--format".as_ref(),
        "markdown".as_ref(),
        "--words".as_ref(),
        "250".as_ref(),
    ]);
    run.assert_success();
    assert_abridged_output(&shown, &run.stdout);
}

#[test]
fn the_update_brief_is_the_binary_output() {
    let marker = "`chorus summarize examples/in-amenas --since examples/in-amenas/000_721c9108c0229ec8.txt";
    let shown = block_after(&readme(), marker, "text");
    assert!(shown.len() > 5, "the README's update brief is shown");
    let example = common::example_dir();
    let seen = |file: &str| example.join(file).into_os_string();
    let run = chorus(&[
        "summarize".as_ref(),
        example.as_os_str(),
        "--since".as_ref(),
        seen("000_721c9108c0229ec8.txt").as_os_str(),
        "--since".as_ref(),
        seen("003_802d9e333d9d6a38.txt").as_os_str(),
    ]);
    run.assert_success();
    assert_abridged_output(&shown, &run.stdout);
}

#[test]
fn the_clustered_example_stream_is_the_binary_output() {
    let shown = block_after(&readme(), "`chorus cluster examples/stream/articles.jsonl` (13 articles", "");
    assert!(shown.len() > 10, "the README's clustered stream is shown");
    let stream = common::example_dir().join("../stream/articles.jsonl");
    let run = chorus(&["cluster".as_ref(), stream.as_os_str()]);
    run.assert_success();
    assert_abridged_output(&shown, &run.stdout);
}
