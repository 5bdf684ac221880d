//! An article's weighted terms: the content terms of chorus-segment's [`Tokenizer`] (stopwords
//! out, Snowball stems), weighted by sublinear tf times an idf learned online, cut to the
//! strongest few and normalised; plus the word shingles that find near-identical copies.

use crate::idf::DocumentFrequencies;
use crate::sketch::Sketch;
use chorus_segment::Tokenizer;
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;

/// A term is the 64-bit hash of its stem: no strings are kept per term, and a collision of
/// two stems is too rare (2⁻⁶⁴ per pair) to matter.
pub(crate) type Term = u64;

/// Beyond this many distinct word forms the stem memo starts over, so it cannot grow without
/// end; it is a cache, so what it holds never changes a result.
const MEMO_LIMIT: usize = 1 << 20;

/// What the clusterer compares.
pub(crate) struct Features {
    /// The strongest terms, sorted by term, weights of unit length.
    pub terms: Vec<(Term, f32)>,
    /// The heaviest few of `terms`, which look up candidate events.
    pub query: Vec<(Term, f32)>,
    pub sketch: Sketch,
}

/// Turns text into [`Features`], learning document frequencies as it goes.
pub(crate) struct Featurizer {
    tokenizer: Tokenizer,
    /// Lowercased word → its term, or `None` for a stopword: each form is stemmed once.
    memo: FxHashMap<Box<str>, Option<Term>>,
    frequencies: DocumentFrequencies,
    /// Reused per article: term → weighted count.
    counts: FxHashMap<Term, f32>,
    /// Reused per article: hashes of the body's words, for shingles.
    words: Vec<u64>,
}

impl Featurizer {
    pub fn new() -> Self {
        Featurizer {
            tokenizer: Tokenizer::new(),
            memo: FxHashMap::default(),
            frequencies: DocumentFrequencies::new(),
            counts: FxHashMap::default(),
            words: Vec::new(),
        }
    }

    /// The features of one article, or `None` when it has no content term. The article counts
    /// towards document frequencies (before weighting, so that its new terms have `df = 1`).
    pub fn features(
        &mut self,
        title: Option<&str>,
        body: &str,
        title_weight: f32,
        keep: usize,
        query: usize,
    ) -> Option<Features> {
        self.counts.clear();
        self.words.clear();
        if let Some(title) = title {
            self.count(title, title_weight, false);
        }
        self.count(body, 1.0, true);
        if self.counts.is_empty() {
            return None;
        }
        self.frequencies.add_document(self.counts.keys().copied());
        let mut terms: Vec<(Term, f32)> =
            self.counts.iter().map(|(&term, &tf)| (term, (1.0 + tf.ln()) * self.frequencies.idf(term))).collect();
        strongest(&mut terms, keep);
        let norm = terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        terms.iter_mut().for_each(|(_, w)| *w /= norm);
        let mut heaviest = terms.clone();
        strongest(&mut heaviest, query);
        terms.sort_unstable_by_key(|&(term, _)| term);
        Some(Features { terms, query: heaviest, sketch: Sketch::of(&self.words) })
    }

    fn count(&mut self, text: &str, weight: f32, shingled: bool) {
        let Featurizer { tokenizer, memo, counts, words, .. } = self;
        if memo.len() > MEMO_LIMIT {
            memo.clear();
        }
        tokenizer.words(text, &mut |word| {
            if shingled {
                words.push(hash(word));
            }
            let term = match memo.get(word) {
                Some(&term) => term,
                None => {
                    let term = tokenizer.content_term(word).map(|stem| hash(&stem));
                    memo.insert(word.into(), term);
                    term
                }
            };
            if let Some(term) = term {
                *counts.entry(term).or_default() += weight;
            }
        });
    }
}

/// Keeps the `keep` heaviest of `terms` (ties to the smaller term, so the cut is deterministic),
/// in no particular order.
pub(crate) fn strongest(terms: &mut Vec<(Term, f32)>, keep: usize) {
    if terms.len() > keep {
        terms.select_nth_unstable_by(keep, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        terms.truncate(keep);
    }
}

pub(crate) fn hash(text: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(text.as_bytes());
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_stems_without_stopwords_weighted_by_idf() {
        let mut featurizer = Featurizer::new();
        featurizer.features(None, "The hostages were freed.", 2.0, 50, 5).expect("terms");
        let features = featurizer.features(None, "Hostages freed; hostages and gunmen.", 2.0, 50, 5).expect("terms");
        let weight = |word: &str| features.terms.iter().find(|(t, _)| *t == hash(word)).map(|&(_, w)| w);
        assert!(weight("hostag").is_some() && weight("gunmen").is_some() && weight("and").is_none());
        // `gunmen` is new (df 1), `hostag` was seen before (df 2) but occurs twice.
        assert!(weight("gunmen") > weight("freed"), "{:?}", features.terms);
        let norm: f32 = features.terms.iter().map(|(_, w)| w * w).sum();
        assert!((norm - 1.0).abs() < 1e-5);
        assert!(features.terms.windows(2).all(|pair| pair[0].0 < pair[1].0));
    }

    #[test]
    fn only_stopwords_is_no_features() {
        assert!(Featurizer::new().features(Some("The"), "and of the ...", 2.0, 50, 5).is_none());
    }

    #[test]
    fn the_cut_keeps_the_heaviest() {
        let mut terms = vec![(1, 0.1), (2, 0.9), (3, 0.5), (4, 0.5)];
        strongest(&mut terms, 2);
        terms.sort_unstable_by_key(|&(t, _)| t);
        assert_eq!(terms, [(2, 0.9), (3, 0.5)]);
    }
}
