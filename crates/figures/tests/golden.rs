//! The golden table (`tests/golden/claims.tsv`): sentences and the claims the rules must read
//! from them (number as written, counted key, event, place, scope). One row per rule or lexicon
//! entry, so a newcomer adding a synonym or a rule adds a row and sees what else moves.

use chorus_core::{Corpus, Document, Sentence, SentenceKind, Span};
use chorus_figures::{extract, Claim};

const TABLE: &str = include_str!("golden/claims.tsv");

/// The claims of a one-sentence report.
fn claims_of(text: &str) -> Vec<Claim> {
    let sentence = Sentence {
        doc: 0,
        position: 0,
        text: text.into(),
        clean: 0..text.len(),
        span: Span { start: 0, end: text.len() },
        words: text.split_whitespace().count(),
        terms: Default::default(),
        kind: SentenceKind::Body,
    };
    let corpus = Corpus { sentences: vec![sentence], documents: 1, ..Corpus::default() };
    extract(&corpus, &[Document::new("r", text)])
}

/// A claim as a table cell: `number|key|event|place|scope`, each field as JSON names it.
fn cell(claim: &Claim) -> String {
    format!(
        "{}|{}|{}|{}|{}",
        claim.number_text,
        claim.counted_key,
        name(&claim.event),
        name(&claim.place),
        name(&claim.scope)
    )
}

/// `killed`, `aboard`, `kenya` (a named place), `-` for none.
fn name<T: serde::Serialize>(field: &T) -> String {
    match serde_json::to_value(field) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(serde_json::Value::Object(o)) => o.values().next().and_then(|v| v.as_str()).unwrap_or("?").into(),
        _ => "-".into(),
    }
}

#[test]
fn every_sentence_of_the_golden_table_yields_its_claims() {
    let mut failures = Vec::new();
    let mut rows = 0;
    for line in TABLE.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let (sentence, expected) = line.split_once('\t').unwrap_or_else(|| panic!("no tab in row {line:?}"));
        let expected: Vec<String> = expected
            .split(';')
            .map(|c| c.split('|').map(str::trim).collect::<Vec<_>>().join("|"))
            .filter(|c| !c.is_empty())
            .collect();
        let found: Vec<String> = claims_of(sentence).iter().map(cell).collect();
        if found != expected {
            failures.push(format!("{sentence}\n  expected {expected:?}\n  found    {found:?}"));
        }
        rows += 1;
    }
    assert!(rows >= 15, "only {rows} rows");
    assert!(failures.is_empty(), "{} of {rows} rows differ:\n{}", failures.len(), failures.join("\n"));
}

const MEASURES: &str = include_str!("golden/measures.tsv");

/// A measure as a table cell: `number as written|amount|unit|key`.
fn measure_cell(claim: &Claim) -> String {
    match claim.value.amount() {
        Some(amount) => {
            format!("{}|{}|{}|{}", claim.number_text, amount.value(), amount.unit.code(), claim.counted_key)
        }
        None => format!("{}|count|-|{}", claim.number_text, claim.counted_key),
    }
}

#[test]
fn every_sentence_of_the_measures_table_yields_its_measures() {
    let mut failures = Vec::new();
    let mut rows = 0;
    for line in MEASURES.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let (sentence, expected) = line.split_once('\t').unwrap_or_else(|| panic!("no tab in row {line:?}"));
        let expected: Vec<String> = expected
            .split(';')
            .map(|c| c.split('|').map(str::trim).collect::<Vec<_>>().join("|"))
            .filter(|c| !c.is_empty())
            .collect();
        let found: Vec<String> = claims_of(sentence).iter().map(measure_cell).collect();
        if found != expected {
            failures.push(format!("{sentence}\n  expected {expected:?}\n  found    {found:?}"));
        }
        rows += 1;
    }
    assert!(rows >= 10, "only {rows} rows");
    assert!(failures.is_empty(), "{} of {rows} rows differ:\n{}", failures.len(), failures.join("\n"));
}
