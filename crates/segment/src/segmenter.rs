//! From a cluster of cleaned documents to a corpus of tokenized sentences.

use crate::idf::smoothed_idf;
use crate::kind::sentence_kind;
use crate::sentences::sentence_ranges;
use crate::tokens::word_count;
use crate::vocabulary::{DocumentFrequencies, Vocabulary};
use chorus_core::{CleanCluster, Corpus, Sentence};
use std::ops::Range;

/// Splits, tokenizes and weighs the documents of a cluster.
///
/// Idf is `ln((N + 1) / (df + 0.5))` (see `idf.rs` for why smoothed), with `N` and `df` from the
/// cluster's own distinct documents. (A background-collection idf was tried and removed: no
/// method measured a gain from it, and no model shipped for it.)
#[derive(Debug, Default)]
pub struct Segmenter {}

impl Segmenter {
    /// A segmenter.
    pub fn new() -> Self {
        Segmenter::default()
    }

    /// Every sentence of every document that does not repeat an earlier one.
    pub fn segment(&self, cluster: &CleanCluster) -> Corpus {
        let originals =
            || cluster.documents().iter().enumerate().filter(|(_, document)| document.duplicate_of.is_none());
        let mut vocabulary = Vocabulary::default();
        vocabulary.reserve_for_text(originals().map(|(_, document)| document.clean.len()).sum());
        let mut frequencies = DocumentFrequencies::default();
        let mut sentences = Vec::new();
        // Terms are gathered here and copied out at their exact length: one allocation per
        // sentence instead of a vector grown term by term.
        let mut terms = Vec::new();
        for (doc, document) in originals() {
            frequencies.start_document();
            let clean = document.clean.as_str();
            for (position, range) in sentence_ranges(clean).into_iter().enumerate() {
                let text = &clean[range.clone()];
                terms.clear();
                vocabulary.terms_of(text, &mut terms);
                frequencies.count(&terms);
                let words = word_count(text);
                sentences.push(Sentence {
                    doc,
                    position,
                    text: document.clean.slice(range.clone()),
                    span: document.clean.original_span(range.clone()),
                    words,
                    terms: terms.as_slice().into(),
                    kind: sentence_kind(text, words, is_whole_line(clean, &range)),
                    clean: range,
                });
            }
        }
        let documents = frequencies.documents();
        let vocabulary = vocabulary.into_stems();
        let document_frequency = frequencies.into_counts(vocabulary.len());
        let idf = document_frequency.iter().map(|&df| smoothed_idf(u64::from(documents), u64::from(df))).collect();
        Corpus { sentences, vocabulary, document_frequency, idf, documents: documents as usize }
    }
}

/// Whether only whitespace shares the line with `range`. Looks no further than the whitespace
/// around the range, so checking every sentence stays linear.
fn is_whole_line(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].chars().rev().find(|&c| c == '\n' || !c.is_whitespace());
    let after = text[range.end..].chars().find(|&c| c == '\n' || !c.is_whitespace());
    before.is_none_or(|c| c == '\n') && after.is_none_or(|c| c == '\n')
}

#[cfg(test)]
mod tests {
    use super::*;
    use chorus_core::{Cluster, ClusterCleaner, Document, SentenceKind};

    /// These tests give the segmenter text exactly as written.
    struct AsWritten;

    impl ClusterCleaner for AsWritten {
        fn clean_cluster(&self, _: &mut Cluster) {}
    }

    fn raw(texts: &[&str]) -> Cluster {
        Cluster {
            id: "test".into(),
            documents: texts.iter().enumerate().map(|(i, text)| Document::new(i.to_string(), *text)).collect(),
            ..Default::default()
        }
    }

    fn cluster(texts: &[&str]) -> CleanCluster {
        CleanCluster::clean(raw(texts), &AsWritten)
    }

    #[test]
    fn sentences_carry_their_document_position_and_kind() {
        let corpus = Segmenter::new().segment(&cluster(&[
            "Hostage crisis ends\nAlgerian troops stormed the gas plant on Saturday. Many hostages died.",
            "Algerian troops freed the hostages at the plant.",
        ]));
        let summary: Vec<_> = corpus.sentences.iter().map(|s| (s.doc, s.position, s.kind, s.words)).collect();
        assert_eq!(
            summary,
            [
                (0, 0, SentenceKind::Headline, 3),
                (0, 1, SentenceKind::Body, 8),
                (0, 2, SentenceKind::Fragment, 3),
                (1, 0, SentenceKind::Body, 8),
            ]
        );
        assert_eq!(corpus.sentences[1].text, "Algerian troops stormed the gas plant on Saturday.");
        assert_eq!(corpus.sentences[1].clean, 20..70);
        assert_eq!(corpus.documents, 2);
    }

    #[test]
    fn terms_statistics_and_cluster_idf() {
        let corpus = Segmenter::new().segment(&cluster(&["Troops freed hostages. Hostages rejoiced.", "Troops left."]));
        let stems: Vec<_> = corpus.sentences[0].terms.iter().map(|&t| corpus.term(t)).collect();
        assert_eq!(stems, ["troop", "freed", "hostag"]);
        let id = |stem: &str| corpus.vocabulary.iter().position(|s| s == stem).expect(stem);
        assert_eq!(corpus.document_frequency[id("troop")], 2);
        assert_eq!(corpus.document_frequency[id("hostag")], 1, "two mentions, one document");
        assert_eq!(corpus.idf[id("troop")], smoothed_idf(2, 2));
        assert!(corpus.idf[id("hostag")] > corpus.idf[id("troop")]);
        assert_eq!(corpus.idf.len(), corpus.vocabulary.len());
    }

    #[test]
    fn duplicates_are_left_out() {
        let mut cluster =
            raw(&["Troops freed hostages today.", "Troops freed hostages today.", "Markets fell sharply."]);
        cluster.documents[1].duplicate_of = Some(0);
        let corpus = Segmenter::new().segment(&CleanCluster::clean(cluster, &AsWritten));
        let docs: Vec<_> = corpus.sentences.iter().map(|s| s.doc).collect();
        assert_eq!(docs, [0, 2], "indices stay those of the cluster");
        assert_eq!(corpus.documents, 2);
        assert!(corpus.document_frequency.iter().all(|&df| df == 1));
    }

    #[test]
    fn empty_cluster_and_empty_documents() {
        let corpus = Segmenter::new().segment(&cluster(&[]));
        assert!(corpus.sentences.is_empty() && corpus.vocabulary.is_empty());
        let corpus = Segmenter::new().segment(&cluster(&["", " \n\n "]));
        assert!(corpus.sentences.is_empty());
        assert_eq!(corpus.documents, 2);
    }

    #[test]
    fn whole_line_ignores_surrounding_spaces_only() {
        let text = "  Title here \nFirst one. Second one.";
        assert!(is_whole_line(text, &(2..12)));
        assert!(!is_whole_line(text, &(14..24)));
        assert!(!is_whole_line(text, &(25..36)));
    }
}
