//! Test inputs: documents from the example folder or from fixture files, and a `Corpus` built
//! by a deliberately simple sentence splitter (the segment crate is not a dependency).
// Each test binary and the example use a different part of this module.
#![allow(dead_code)]

use chorus_core::{Corpus, Document, Sentence, SentenceKind, Span};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct FixtureFile {
    documents: Vec<FixtureDocument>,
}

#[derive(Deserialize)]
struct FixtureDocument {
    id: String,
    date: Option<String>,
    text: String,
}

pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The reports of `examples/in-amenas`, each named by its file stem, in file-name order.
pub fn example_documents(folder: &Path) -> Vec<Document> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            Document::new(stem, text)
        })
        .collect()
}

/// The reports of a fixture file `tests/fixtures/<name>.json`.
pub fn fixture_documents(name: &str) -> Vec<Document> {
    let path = crate_dir().join("tests/fixtures").join(format!("{name}.json"));
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let file: FixtureFile = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    file.documents
        .into_iter()
        .map(|d| {
            let mut document = Document::new(d.id, d.text);
            document.date = d.date;
            document
        })
        .collect()
}

/// Every sentence of every document, split by [`sentence_ranges`].
pub fn corpus_of(documents: &[Document]) -> Corpus {
    let mut sentences = Vec::new();
    for (doc, document) in documents.iter().enumerate() {
        let text = document.clean.as_str();
        for (position, range) in sentence_ranges(text).into_iter().enumerate() {
            let sentence = &text[range.clone()];
            sentences.push(Sentence {
                doc,
                position,
                text: sentence.into(),
                clean: range.clone(),
                span: Span { start: range.start, end: range.end },
                words: sentence.split_whitespace().count(),
                terms: Default::default(),
                kind: SentenceKind::Body,
            });
        }
    }
    Corpus { sentences, documents: documents.len(), ..Corpus::default() }
}

const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "St", "No", "Jan", "Feb", "Aug", "Sept",
    "Oct", "Nov", "Dec",
];

/// Sentences: each line, cut after `.`, `?` or `!` (and any closing quote) when whitespace and
/// a capital, digit or opening quote follow, unless the word before is an abbreviation
/// (`Mr.`, `U.S.`, a single initial).
pub fn sentence_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut start = line_start;
        for (i, c) in line.char_indices() {
            if !matches!(c, '.' | '?' | '!') {
                continue;
            }
            let mut end = i + 1;
            while line[end..].starts_with(['"', '”', '\'']) {
                end += line[end..].chars().next().map_or(1, char::len_utf8);
            }
            let rest = &line[end..];
            let next = rest.trim_start();
            let spaced = rest.len() > next.len();
            let opens =
                next.chars().next().is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“'));
            let word_before = line[..i].rsplit(|ch: char| ch.is_whitespace()).next().unwrap_or_default();
            let abbreviation = ABBREVIATIONS.contains(&word_before)
                || word_before.contains('.')
                || (word_before.len() == 1 && word_before.bytes().all(|b| b.is_ascii_uppercase()));
            if spaced && opens && !(c == '.' && abbreviation) {
                push_trimmed(text, start, line_start + end, &mut ranges);
                start = line_start + end;
            }
        }
        push_trimmed(text, start, line_start + line.len(), &mut ranges);
        line_start += line.len();
    }
    ranges
}

fn push_trimmed(text: &str, start: usize, end: usize, ranges: &mut Vec<std::ops::Range<usize>>) {
    let piece = &text[start..end];
    let leading = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        ranges.push(start + leading..start + leading + trimmed.len());
    }
}
