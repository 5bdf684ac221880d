//! The example cluster, read straight from its files (as `Document::new`, unedited) and after
//! an edit pass like ingest's, so that spans must map through the alignment.

use chorus_core::{CleanCluster, Cluster, ClusterCleaner, Corpus, Document, Edit, SentenceKind};
use chorus_segment::Segmenter;
use std::fs;
use std::path::Path;

/// Documents as read (`Document::new`, unedited), or with [`clean_like_ingest`].
enum Cleaning {
    AsRead,
    LikeIngest,
}

impl ClusterCleaner for Cleaning {
    fn clean_cluster(&self, cluster: &mut Cluster) {
        if let Cleaning::LikeIngest = self {
            cluster.documents.iter_mut().for_each(clean_like_ingest);
        }
    }
}

fn read_example() -> CleanCluster {
    read_example_with(Cleaning::AsRead)
}

fn read_example_with(cleaning: Cleaning) -> CleanCluster {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/in-amenas");
    let mut paths: Vec<_> = fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|entry| entry.expect("listing the example folder").path())
        .collect();
    paths.sort();
    let documents = paths
        .iter()
        .map(|path| {
            let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let stem = path.file_stem().expect("a file name").to_string_lossy();
            Document::new(stem, text)
        })
        .collect();
    CleanCluster::clean(Cluster { id: "in-amenas".into(), documents, ..Default::default() }, &cleaning)
}

/// What ingest does, in small: curly quotes straightened, blank lines and trailing spaces dropped.
fn clean_like_ingest(document: &mut Document) {
    let text = document.clean.as_str();
    let mut edits = Vec::new();
    for (at, c) in text.char_indices() {
        let straight = match c {
            '\u{201c}' | '\u{201d}' => "\"",
            '\u{2018}' | '\u{2019}' => "'",
            _ => continue,
        };
        edits.push(Edit::new(at..at + c.len_utf8(), straight));
    }
    document.clean.apply(edits);
    let text = document.clean.as_str();
    let mut edits = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let kept = line.trim_end();
        if kept.is_empty() {
            edits.push(Edit::delete(at..at + line.len()));
        } else if kept.len() + 1 < line.len() {
            edits.push(Edit::delete(at + kept.len()..at + line.len() - 1));
        }
        at += line.len();
    }
    document.clean.apply(edits);
}

fn straighten(text: &str) -> String {
    text.replace(['\u{201c}', '\u{201d}'], "\"").replace(['\u{2018}', '\u{2019}'], "'")
}

fn sentence_texts(corpus: &Corpus) -> Vec<&str> {
    corpus.sentences.iter().map(|s| s.text.as_str()).collect()
}

#[test]
fn unedited_documents_slice_identically_in_clean_and_original() {
    let cluster = read_example();
    let corpus = Segmenter::new().segment(&cluster);
    assert_eq!(corpus.documents, 4);
    assert!(corpus.sentences.len() > 100);
    for sentence in &corpus.sentences {
        let document = &cluster.documents()[sentence.doc];
        assert_eq!(sentence.text, &document.clean.as_str()[sentence.clean.clone()]);
        assert_eq!(sentence.text, &document.original[sentence.span.start..sentence.span.end]);
        assert!(!sentence.text.is_empty() && !sentence.text.contains('\n'), "{:?}", sentence.text);
        assert_eq!(sentence.text, sentence.text.trim());
    }
}

#[test]
fn edited_documents_cite_the_original_bytes() {
    let cluster = read_example_with(Cleaning::LikeIngest);
    let corpus = Segmenter::new().segment(&cluster);
    let mut quoted = 0;
    for sentence in &corpus.sentences {
        let document = &cluster.documents()[sentence.doc];
        assert_eq!(sentence.text, &document.clean.as_str()[sentence.clean.clone()]);
        let original = &document.original[sentence.span.start..sentence.span.end];
        assert_eq!(straighten(original), sentence.text);
        quoted += usize::from(original != sentence.text);
    }
    assert!(quoted > 5, "the curly quotes of the example were straightened");
    assert_eq!(
        sentence_texts(&corpus),
        sentence_texts(&Segmenter::new().segment(&read_example())).iter().map(|t| straighten(t)).collect::<Vec<_>>()
    );
}

#[test]
fn abbreviations_and_titles_do_not_split() {
    let corpus = Segmenter::new().segment(&read_example());
    let texts = sentence_texts(&corpus);
    for expected in [
        "A senior U.S. official said two Americans were among that number.",
        "U.S. President Barack Obama said his administration would work with other countries to \"combat the scourge of terrorism in the region, which has claimed too many innocent lives.",
        "The U.S. government confirmed Friday that one of the dead hostages was Frederick Buttaccio from Texas.",
        "At a joint press conference with U.S. Defense Secretary Leon Panetta, Hammond described the loss of life as \"appalling and unacceptable.\"",
        "\u{201c}We've had success ... in degrading al Qaeda and its affiliates,\u{201d} she added.",
    ] {
        assert!(texts.contains(&expected), "missing: {expected}");
    }
    assert!(
        texts.iter().all(|t| !t.ends_with(" U.S.") || t.starts_with("Opinion:")),
        "no sentence stops at a mid-sentence U.S."
    );
}

#[test]
fn headlines_captions_and_fragments_of_the_example() {
    let corpus = Segmenter::new().segment(&read_example());
    let kind_of = |text: &str| {
        corpus
            .sentences
            .iter()
            .find(|s| s.text == text)
            .map(|s| s.kind)
            .unwrap_or_else(|| panic!("no sentence {text:?}"))
    };
    for headline in [
        "Algerian hostage drama ends with air strike, unknown casualties",
        "Crisis highlights pressure, potential on Algeria",
        "Nations scramble to account for missing",
        "Dramatic tales of escape from terror",
        "Al Qaeda-linked group offered prisoner-hostage exchange",
        "23 hostages reported dead as crisis in Algeria is 'brought to an end'",
    ] {
        assert_eq!(kind_of(headline), SentenceKind::Headline, "{headline}");
    }
    assert_eq!(kind_of("Anis Belghoul / AP"), SentenceKind::Caption);
    assert_eq!(kind_of("Reuters and The Associated Press contributed to this report."), SentenceKind::Caption);
    assert_eq!(kind_of("NBC News' Annabel Roberts reports."), SentenceKind::Caption);
    assert!(corpus
        .sentences
        .iter()
        .any(|s| s.kind == SentenceKind::Caption && s.text.starts_with("Two British hostages -- Peter, left,")));
    assert_eq!(kind_of("Discuss as:"), SentenceKind::Fragment);
    assert_eq!(kind_of("Related content:"), SentenceKind::Fragment);
    assert_eq!(kind_of("intervened."), SentenceKind::Fragment);
    assert_eq!(
        kind_of("Statoil said Thursday that production at the facility had been shut down."),
        SentenceKind::Body
    );
    let body = corpus.sentences.iter().filter(|s| s.is_eligible()).count();
    assert!(
        body * 10 > corpus.sentences.len() * 8,
        "most of the example is body text: {body} of {}",
        corpus.sentences.len()
    );
}

#[test]
fn statistics_cover_the_vocabulary() {
    let corpus = Segmenter::new().segment(&read_example());
    assert_eq!(corpus.document_frequency.len(), corpus.vocabulary.len());
    assert_eq!(corpus.idf.len(), corpus.vocabulary.len());
    let id = |stem: &str| corpus.vocabulary.iter().position(|s| s == stem).unwrap_or_else(|| panic!("no stem {stem}"));
    assert_eq!(corpus.document_frequency[id("hostag")], 4);
    assert_eq!(corpus.document_frequency[id("buttaccio")], 2);
    assert!(corpus.idf[id("buttaccio")] > corpus.idf[id("hostag")]);
    for sentence in &corpus.sentences {
        assert_eq!(sentence.words, sentence.text.split_whitespace().count());
        assert!(sentence.terms.iter().all(|&t| (t as usize) < corpus.vocabulary.len()));
    }
}
