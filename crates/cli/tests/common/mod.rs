//! Running the built `chorus` binary, and the checks that every test of its output shares.

#![allow(dead_code)] // Each test file uses its own share of these helpers.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The example cluster shipped in the repository.
pub fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/in-amenas")
}

/// What one run of the binary produced.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from_output(output: Output) -> Run {
        Run {
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout).expect("chorus writes UTF-8 on stdout"),
            stderr: String::from_utf8(output.stderr).expect("chorus writes UTF-8 on stderr"),
        }
    }

    /// Asserts a successful run and returns its stdout parsed as one JSON value.
    pub fn json(&self) -> Value {
        self.assert_success();
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    pub fn assert_success(&self) {
        assert_eq!(self.code, Some(0), "chorus failed; stderr:\n{}", self.stderr);
        self.assert_no_panic();
    }

    pub fn assert_no_panic(&self) {
        assert!(!self.stderr.contains("panicked"), "chorus panicked:\n{}", self.stderr);
    }

    /// Asserts a clean failure: a non-zero exit (not a crash by signal), no panic, nothing on
    /// stdout, and a message on stderr containing every one of `needles` (the file, the problem).
    pub fn assert_fails_with(&self, needles: &[&str]) {
        self.assert_no_panic();
        assert!(matches!(self.code, Some(code) if code != 0), "expected a failure exit, got {:?}", self.code);
        assert!(self.stdout.is_empty(), "a failed run printed on stdout:\n{}", self.stdout);
        for needle in needles {
            assert!(self.stderr.contains(needle), "stderr should mention {needle:?}:\n{}", self.stderr);
        }
    }
}

/// Runs `chorus ARGS...` with no input.
pub fn chorus<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Run {
    chorus_with_stdin(args, b"")
}

/// Runs `chorus ARGS...` with `stdin` as its standard input.
pub fn chorus_with_stdin<S: AsRef<std::ffi::OsStr>>(args: &[S], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chorus"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the chorus binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    // A writer thread, so that a large input cannot deadlock against a full stdout pipe; a
    // binary that exits without reading is not a write error worth reporting here.
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().expect("chorus finishes");
    writer.join().expect("the stdin writer does not panic");
    Run::from_output(output)
}

/// Runs `chorus summarize PATH EXTRA...`.
pub fn summarize(path: &Path, extra: &[&str]) -> Run {
    let mut args: Vec<&std::ffi::OsStr> = vec!["summarize".as_ref(), path.as_os_str()];
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    chorus(&args)
}

/// The method names `chorus methods` lists, in its order.
pub fn method_names() -> Vec<String> {
    let run = chorus(&["methods"]);
    run.assert_success();
    run.stdout
        .lines()
        .filter(|line| !line.starts_with(char::is_whitespace) && !line.is_empty())
        .map(|line| line.split_whitespace().next().expect("a name").to_owned())
        .collect()
}

/// Whitespace-separated words: the unit of `--words`.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Text as cleaning leaves it, for comparing a sentence with the span it cites: mojibake of the
/// kinds the tests use repaired, typographic quotes straightened, whitespace collapsed.
pub fn normalised(text: &str) -> String {
    // UTF-8 read as Windows-1252: a right quote, left and right double quotes, e-acute, and a
    // no-break space (which then counts as whitespace).
    const MOJIBAKE: [(&str, &str); 5] = [
        ("\u{e2}\u{20ac}\u{2122}", "'"),
        ("\u{e2}\u{20ac}\u{153}", "\""),
        ("\u{e2}\u{20ac}\u{9d}", "\""),
        ("\u{c3}\u{a9}", "\u{e9}"),
        ("\u{c2}\u{a0}", " "),
    ];
    let mut text = text.to_owned();
    for (broken, repaired) in MOJIBAKE {
        text = text.replace(broken, repaired);
    }
    let straight: String = text
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' => '"',
            c => c,
        })
        .collect();
    straight.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether cleaning can have turned `span` into `text`: equal after normalisation, or equal
/// but for one run that cleaning cut out of the middle (a run of pasted link titles, say).
fn is_cleaned_from(text: &str, span: &str) -> bool {
    let (text, span) = (normalised(text), normalised(span));
    let prefix = text.bytes().zip(span.bytes()).take_while(|(a, b)| a == b).count();
    let suffix = text.bytes().rev().zip(span.bytes().rev()).take_while(|(a, b)| a == b).count();
    text.len() <= span.len() && prefix + suffix >= text.len()
}

/// Lowercased alphanumeric tokens, for near-duplicate checks.
pub fn tokens(text: &str) -> std::collections::HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).map(str::to_lowercase).collect()
}

/// Token Jaccard similarity of two texts.
pub fn jaccard(a: &str, b: &str) -> f64 {
    let (a, b) = (tokens(a), tokens(b));
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

/// Lines of web-page furniture that must never be chosen for a brief.
pub const FURNITURE: [&str; 6] =
    ["Discuss as:", "Related content:", "Anis Belghoul / AP", "contributed to this report", "ClintonHillary", "MORE"];

/// Checks every citation of a JSON brief against the texts its documents were read from:
/// `original(file)` returns the text spans point into. Each sentence must be the cited span,
/// verbatim or after the normalisation that cleaning does.
pub fn assert_citations(brief: &Value, original: impl Fn(&str) -> String) {
    let documents = brief["documents"].as_array().expect("documents");
    let ids: Vec<&str> = documents.iter().map(|d| d["id"].as_str().expect("document id")).collect();
    for sentence in brief["sentences"].as_array().expect("sentences") {
        let text = sentence["text"].as_str().expect("text");
        let doc = sentence["doc"].as_str().expect("doc");
        let index = sentence["doc_index"].as_u64().expect("doc_index") as usize;
        assert_eq!(ids.get(index), Some(&doc), "doc_index points at the cited doc: {sentence}");
        let file = documents[index]["file"].as_str().expect("a document read from a file names it");
        let original = original(file);
        let (start, end) = cited_bytes(sentence);
        let span = cited_text(&original, sentence)
            .unwrap_or_else(|| panic!("{file}: spans of {start}..{end} are not slices of the text"));
        assert!(
            span == text || is_cleaned_from(text, &span),
            "{file} bytes {start}..{end} do not hold the sentence\n  sentence: {text:?}\n  spans:    {span:?}"
        );
        for other in sentence["support"].as_array().expect("support") {
            let other = other.as_str().expect("support id");
            assert!(other != doc && ids.contains(&other), "support {other:?} is not another document of the cluster");
        }
    }
}

/// What a sentence of a JSON brief cites: the bytes of each of its `spans` of `original`, joined
/// as compression joins the pieces it keeps (a space between pieces, none before punctuation),
/// with the first letter capitalized when the sentence's is (compression capitalizes a piece that
/// was not first). `None` when a span is not a slice of `original`, or the spans are out of order
/// or disagree with `start`/`end`.
pub fn cited_text(original: &str, sentence: &Value) -> Option<String> {
    let spans: Vec<(usize, usize)> = sentence["spans"]
        .as_array()?
        .iter()
        .map(|s| Some((s[0].as_u64()? as usize, s[1].as_u64()? as usize)))
        .collect::<Option<_>>()?;
    let in_order = spans.windows(2).all(|w| w[0].1 <= w[1].0);
    if spans.is_empty() || !in_order || (spans[0].0, spans[spans.len() - 1].1) != cited_bytes(sentence) {
        return None;
    }
    let mut joined = String::new();
    for &(start, end) in &spans {
        let piece = original.get(start..end)?;
        if !joined.is_empty() && !piece.starts_with([',', '.', ';', ':', '!', '?', ')']) {
            joined.push(' ');
        }
        joined.push_str(piece);
    }
    let capital = sentence["text"].as_str().and_then(|t| t.chars().next()).is_some_and(char::is_uppercase);
    match joined.chars().next() {
        Some(first) if capital && first.is_lowercase() => {
            Some(first.to_uppercase().chain(joined.chars().skip(1)).collect())
        }
        _ => Some(joined),
    }
}

/// The byte range a sentence of a JSON brief cites.
pub fn cited_bytes(sentence: &Value) -> (usize, usize) {
    let offset = |field: &str| sentence[field].as_u64().unwrap_or_else(|| panic!("no {field}: {sentence}")) as usize;
    (offset("start"), offset("end"))
}

/// The sentences of a JSON brief, as text.
pub fn sentence_texts(brief: &Value) -> Vec<&str> {
    brief["sentences"].as_array().expect("sentences").iter().map(|s| s["text"].as_str().expect("text")).collect()
}
