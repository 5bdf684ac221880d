//! When two sentences say the same thing, and fast lookup of a sentence's similar sentences.

use crate::vectors::{SparseVector, Vectors};
use chorus_core::TermId;
use rustc_hash::FxHashMap as HashMap;

/// tf·idf cosine at or above which two sentences are taken to say the same thing. Reports of one
/// event that restate a fact in their own words typically land between 0.5 and 0.8; unrelated
/// sentences of the same cluster rarely pass 0.4. One threshold serves both redundancy (never
/// choose both) and support (the other report says it too), so the two notions agree.
pub const SAME_THING: f32 = 0.5;

/// Whether two sentences say the same thing: their vectors are close, or — when either has no
/// vector (nothing but stopwords or unknown terms) — their texts match up to case and punctuation.
pub fn says_the_same(text_a: &str, a: &SparseVector, text_b: &str, b: &SparseVector) -> bool {
    if a.is_empty() || b.is_empty() {
        normalised(text_a).eq(normalised(text_b))
    } else {
        a.cosine(b) >= SAME_THING
    }
}

fn normalised(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase)
}

/// Term → sentences containing it, with their weights: the similarities of one sentence to all
/// others cost only as much as the postings of its own terms, not a pass over every pair.
pub struct InvertedIndex {
    postings: HashMap<TermId, Vec<(usize, f32)>>,
    sentences: usize,
}

impl InvertedIndex {
    pub fn new(vectors: &Vectors) -> Self {
        let mut postings: HashMap<TermId, Vec<(usize, f32)>> = HashMap::default();
        for sentence in 0..vectors.len() {
            for &(term, weight) in vectors.get(sentence).entries() {
                postings.entry(term).or_default().push((sentence, weight));
            }
        }
        InvertedIndex { postings, sentences: vectors.len() }
    }

    /// Every sentence with a non-zero cosine to `vector`, with that cosine, by sentence index.
    pub fn similarities(&self, vector: &SparseVector) -> Vec<(usize, f32)> {
        let mut accumulated = vec![0.0f32; self.sentences];
        let mut touched = Vec::new();
        for (term, weight) in vector.entries() {
            for &(sentence, other) in self.postings.get(term).map(Vec::as_slice).unwrap_or_default() {
                if accumulated[sentence] == 0.0 {
                    touched.push(sentence);
                }
                accumulated[sentence] += weight * other;
            }
        }
        touched.sort_unstable();
        touched.into_iter().map(|sentence| (sentence, accumulated[sentence])).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_corpus::corpus;

    #[test]
    fn restated_fact_is_the_same_thing_and_another_fact_is_not() {
        let c = corpus(&[
            "gunmen seized gas plant near amenas. oil prices rose sharply",
            "gunmen seized remote gas plant near amenas",
        ]);
        let v = Vectors::new(&c);
        let same = |a: usize, b: usize| says_the_same(&c.sentences[a].text, v.get(a), &c.sentences[b].text, v.get(b));
        assert!(same(0, 2));
        assert!(!same(1, 2));
    }

    #[test]
    fn sentences_without_vectors_compare_by_text() {
        let empty = SparseVector::default();
        assert!(says_the_same("The end.", &empty, "the end", &empty));
        assert!(!says_the_same("The end.", &empty, "the start", &empty));
    }

    #[test]
    fn index_finds_exactly_the_sentences_sharing_terms_with_their_cosines() {
        let c = corpus(&["storm hits coast. storm floods town. markets rally"]);
        let v = Vectors::new(&c);
        let found = InvertedIndex::new(&v).similarities(v.get(0));
        assert_eq!(found.iter().map(|&(s, _)| s).collect::<Vec<_>>(), vec![0, 1]);
        assert!((found[1].1 - v.cosine(0, 1)).abs() < 1e-6);
    }
}
