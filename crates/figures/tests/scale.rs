//! Size and hostile input: many tiny reports, one huge sentence, garbage text. None may panic
//! or take more than linear-log time (a quadratic step would make these tests crawl).

mod common;

use chorus_core::Document;
use chorus_figures::{extract, group};

#[test]
fn ten_thousand_tiny_reports() {
    let documents: Vec<Document> = (0..10_000)
        .map(|i| Document::new(i.to_string(), format!("{} people were killed, police said on Monday.", i % 7 + 1)))
        .collect();
    let corpus = common::corpus_of(&documents);
    let claims = extract(&corpus, &documents);
    assert_eq!(claims.len(), 10_000);
    let groups = group(&claims);
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].values.len(), 7);
    assert!(groups[0].is_disputed());
}

#[test]
fn one_enormous_sentence_with_many_numbers_and_sources() {
    let text = "officials said 3 hostages were freed and ".repeat(50_000);
    let documents = vec![Document::new("big", text)];
    let corpus = common::corpus_of(&documents);
    let claims = extract(&corpus, &documents);
    assert_eq!(claims.len(), 50_000);
    assert!(claims.iter().all(|c| c.attribution.as_deref() == Some("officials said")));
}

#[test]
fn long_runs_of_hedges_and_number_words_do_not_recurse() {
    let runs = ["some ".repeat(200_000), "one thousand ".repeat(100_000), "and ".repeat(100_000) + "hostages"];
    let documents: Vec<Document> =
        runs.iter().enumerate().map(|(i, t)| Document::new(i.to_string(), t.clone())).collect();
    let corpus = common::corpus_of(&documents);
    let claims = extract(&corpus, &documents);
    assert!(claims.iter().all(|c| c.event.is_some() || c.value != chorus_figures::Value::Vague));
}

#[test]
fn garbage_and_edge_text_does_not_panic() {
    let texts = [
        "",
        " ",
        "5",
        "one",
        "of",
        "the 5",
        "$",
        "%%%",
        "999999999999999999999999 hostages were killed",
        "a a a a a hundred",
        "—5— “7” ‘8’ hostages killed",
        "Jan. 99 hostages killed",
        "No. ",
        "said said said",
        "\u{0}\u{7f}\u{feff}12\u{200b} hostages died",
        "二十 人质 killed 5",
        "a dozen dozen dozen people died",
    ];
    let documents: Vec<Document> = texts.iter().enumerate().map(|(i, t)| Document::new(i.to_string(), *t)).collect();
    let corpus = common::corpus_of(&documents);
    let claims = extract(&corpus, &documents);
    let groups = group(&claims);
    for claim in &claims {
        let sentence = &corpus.sentences[claim.sentence].text;
        assert!(sentence.get(claim.number_range.clone()).is_some(), "number range off a char boundary");
        assert!(sentence.get(claim.claim_range.clone()).is_some(), "claim range off a char boundary");
    }
    assert!(groups.iter().all(|g| !g.claims.is_empty()));
}

#[test]
fn sentences_of_unknown_reports_are_skipped() {
    let documents = vec![Document::new("only", "Five hostages were freed.")];
    let mut corpus = common::corpus_of(&documents);
    let mut stray = corpus.sentences[0].clone();
    stray.doc = 9;
    corpus.sentences.push(stray);
    let claims = extract(&corpus, &documents);
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].doc, "only");
}
