//! What segmentation hands on: every sentence of a cluster, tokenized into term ids, with the
//! statistics that scoring methods share.

use crate::{SharedStr, Span};
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// Index into [`Corpus::vocabulary`].
pub type TermId = u32;

/// What kind of text a sentence is. Only [`SentenceKind::Body`] sentences may be chosen for a
/// brief: the others are real text (and count as support) but read badly on their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SentenceKind {
    /// A complete declarative sentence.
    Body,
    /// A title or section heading: a line without closing punctuation.
    Headline,
    /// A question: rhetorical in news text, and it reads as a teaser when quoted alone.
    Question,
    /// A photo caption or credit, a byline, or a similar label.
    Caption,
    /// Text of the web page or archive around a report, not of the report: a tweet-location
    /// notice, a web-archive crawl notice, a sign-up or cookie prompt, slideshow controls.
    Boilerplate,
    /// Too short, or not a whole sentence (no verb-like shape, unbalanced quotes, cut off).
    Fragment,
}

/// A lowercase name, for listings of sentences and their kinds.
impl fmt::Display for SentenceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SentenceKind::Body => "body",
            SentenceKind::Headline => "headline",
            SentenceKind::Question => "question",
            SentenceKind::Caption => "caption",
            SentenceKind::Boilerplate => "boilerplate",
            SentenceKind::Fragment => "fragment",
        })
    }
}

/// One sentence of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Index of its document in the cluster.
    pub doc: usize,
    /// Its index among its document's sentences (0 = first).
    pub position: usize,
    /// The cleaned text of the sentence: a share of its document's cleaned text, not a copy.
    pub text: SharedStr,
    /// Where `text` sits in the document's cleaned text.
    pub clean: Range<usize>,
    /// Where it came from in the document's original text.
    pub span: Span,
    /// Whitespace-separated words in `text`: the unit of word budgets.
    pub words: usize,
    /// Content terms in order: lowercased, stemmed, stopwords and punctuation removed. Shared:
    /// the compressed corpus methods choose from holds the same lists for the sentences it did not
    /// shorten.
    pub terms: Arc<[TermId]>,
    /// What kind of text it is; only [`SentenceKind::Body`] may be chosen.
    pub kind: SentenceKind,
}

impl Sentence {
    /// Whether a method may choose this sentence for a brief.
    pub fn is_eligible(&self) -> bool {
        self.kind == SentenceKind::Body
    }

    /// Consecutive pairs of content terms: the "concepts" of bigram-coverage methods.
    pub fn bigrams(&self) -> impl Iterator<Item = (TermId, TermId)> + '_ {
        self.terms.windows(2).map(|w| (w[0], w[1]))
    }
}

/// All sentences of a cluster, with shared term statistics.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Sentences of every document, document by document, each in reading order. Sentences of a
    /// document that repeats an earlier one (`Document::duplicate_of`) are left out.
    pub sentences: Vec<Sentence>,
    /// The stem behind each term id.
    pub vocabulary: Vec<String>,
    /// For each term, how many (distinct) documents of the cluster contain it.
    pub document_frequency: Vec<u32>,
    /// For each term, its inverse document frequency; from background statistics where the
    /// segmenter has them, else from the cluster alone.
    pub idf: Vec<f32>,
    /// How many distinct documents the cluster has.
    pub documents: usize,
}

impl Corpus {
    /// The stem behind a term id (for debugging and feature names).
    pub fn term(&self, id: TermId) -> &str {
        &self.vocabulary[id as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_display_in_lowercase() {
        let shown: Vec<String> = [
            SentenceKind::Body,
            SentenceKind::Headline,
            SentenceKind::Question,
            SentenceKind::Caption,
            SentenceKind::Boilerplate,
            SentenceKind::Fragment,
        ]
        .iter()
        .map(SentenceKind::to_string)
        .collect();
        assert_eq!(shown, ["body", "headline", "question", "caption", "boilerplate", "fragment"]);
    }
}
