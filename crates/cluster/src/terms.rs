//! An article's weighted terms: the content terms of chorus-segment's [`Tokenizer`] (stopwords
//! out, Snowball stems), weighted by sublinear tf times an idf learned online, cut to the
//! strongest few and normalised; plus the word shingles that find near-identical copies.

use crate::idf::DocumentFrequencies;
use crate::sketch::Sketch;
use chorus_segment::Tokenizer;
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;

/// A term is 31 bits of its stem's hash and a bit that marks a number ([`is_number`]): no
/// strings are kept per term, and a (term, weight) pair takes 8 bytes, not 16, which halves the
/// memory of the events' vectors (and the cache misses of comparing them). Two stems share a
/// term by chance: among the ~300,000 stems of a large news stream, a few dozen pairs of rare
/// words, which is too little to change an assignment.
pub(crate) type Term = u32;

const NUMBER: Term = 1 << 31;

/// The term of a stem.
pub(crate) fn term_of(stem: &str, number: bool) -> Term {
    let bits = (hash(stem) >> 33) as Term;
    if number {
        bits | NUMBER
    } else {
        bits
    }
}

/// Whether a term is a number (a word with a digit): numbers are among the most specific
/// terms a report shares with another report of its event, a feature of their own.
pub(crate) fn is_number(term: Term) -> bool {
    term & NUMBER != 0
}

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
    /// Hash of a lowercased word → its term, or `None` for a stopword: each form is stemmed
    /// once. Keyed by the hash the shingles need anyway: no string is stored or compared.
    memo: FxHashMap<u64, Option<Term>>,
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
            let key = hash(word);
            if shingled {
                words.push(key);
            }
            let term = match memo.get(&key) {
                Some(&term) => term,
                None => {
                    let number = word.bytes().any(|b| b.is_ascii_digit());
                    let term = tokenizer.content_term(word).map(|stem| term_of(&stem, number));
                    memo.insert(key, term);
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
        let weight = |word: &str| features.terms.iter().find(|(t, _)| *t == term_of(word, false)).map(|&(_, w)| w);
        assert!(weight("hostag").is_some() && weight("gunmen").is_some() && weight("and").is_none());
        // `gunmen` is new (df 1), `hostag` was seen before (df 2) but occurs twice.
        assert!(weight("gunmen") > weight("freed"), "{:?}", features.terms);
        let norm: f32 = features.terms.iter().map(|(_, w)| w * w).sum();
        assert!((norm - 1.0).abs() < 1e-5);
        assert!(features.terms.windows(2).all(|pair| pair[0].0 < pair[1].0));
    }

    #[test]
    fn numbers_are_marked() {
        let features = Featurizer::new().features(None, "In 2013 hostages were freed.", 2.0, 50, 5).expect("terms");
        assert_eq!(features.terms.iter().filter(|&&(t, _)| is_number(t)).count(), 1);
        assert!(features.terms.iter().any(|&(t, _)| t == term_of("2013", true)));
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
