//! Sparse tf·idf sentence vectors, built once per corpus and shared by every method that
//! compares sentences.

use chorus_core::{Corpus, Sentence, TermId};
use rustc_hash::FxHashMap as HashMap;

/// A unit-length sparse vector (or the empty vector), entries sorted by term.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SparseVector {
    entries: Vec<(TermId, f32)>,
}

impl SparseVector {
    /// The tf·idf vector of a sentence, scaled to unit length. Terms whose idf is missing or
    /// not positive carry no weight: they say nothing about what a sentence is about.
    pub fn of(sentence: &Sentence, corpus: &Corpus) -> Self {
        Self::of_counts(term_counts(&sentence.terms), corpus)
    }

    /// The tf·idf vector of term counts (sorted by term), as [`SparseVector::of`] weighs them.
    pub fn of_counts(entries: Vec<(TermId, f32)>, corpus: &Corpus) -> Self {
        Self::weighted(entries, |term| idf(corpus, term))
    }

    /// Term counts (sorted by term) weighted by `idf`, scaled to unit length.
    fn weighted(mut entries: Vec<(TermId, f32)>, idf: impl Fn(TermId) -> f32) -> Self {
        for (term, weight) in &mut entries {
            *weight *= idf(*term);
        }
        entries.retain(|&(_, weight)| weight > 0.0);
        Self::normalised(entries)
    }

    /// Scales `entries` (sorted by term) to unit length.
    fn normalised(mut entries: Vec<(TermId, f32)>) -> Self {
        let norm = entries.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            entries.iter_mut().for_each(|(_, w)| *w /= norm);
        } else {
            entries.clear();
        }
        SparseVector { entries }
    }

    pub fn entries(&self) -> &[(TermId, f32)] {
        &self.entries
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Cosine similarity; both vectors are unit length, so this is their dot product.
    pub fn cosine(&self, other: &SparseVector) -> f32 {
        let (mut a, mut b) = (self.entries.iter().peekable(), other.entries.iter().peekable());
        let mut dot = 0.0;
        while let (Some(&&(ta, wa)), Some(&&(tb, wb))) = (a.peek(), b.peek()) {
            match ta.cmp(&tb) {
                std::cmp::Ordering::Less => {
                    a.next();
                }
                std::cmp::Ordering::Greater => {
                    b.next();
                }
                std::cmp::Ordering::Equal => {
                    dot += wa * wb;
                    a.next();
                    b.next();
                }
            }
        }
        dot
    }
}

/// Each distinct term with its count, in term order (a fixed order keeps float sums, and so
/// tie-breaks, reproducible).
pub fn term_counts(terms: &[TermId]) -> Vec<(TermId, f32)> {
    let mut sorted = terms.to_vec();
    sorted.sort_unstable();
    let mut counts: Vec<(TermId, f32)> = Vec::new();
    for term in sorted {
        match counts.last_mut() {
            Some((last, count)) if *last == term => *count += 1.0,
            _ => counts.push((term, 1.0)),
        }
    }
    counts
}

/// The idf of `term`, or 0 when the corpus has no usable value for it.
pub fn idf(corpus: &Corpus, term: TermId) -> f32 {
    corpus.idf.get(term as usize).copied().filter(|w| w.is_finite() && *w > 0.0).unwrap_or(0.0)
}

/// Per term, ln(N / n) where n of the corpus's N sentences contain it (0 for a term in none).
pub fn sentence_idf(corpus: &Corpus) -> Vec<f32> {
    let mut frequency = vec![0u32; corpus.vocabulary.len()];
    for sentence in &corpus.sentences {
        let mut terms = sentence.terms.to_vec();
        terms.sort_unstable();
        terms.dedup();
        for term in terms {
            if let Some(f) = frequency.get_mut(term as usize) {
                *f += 1;
            }
        }
    }
    let n = corpus.sentences.len() as f32;
    frequency.into_iter().map(|f| if f > 0 { (n / f as f32).ln() } else { 0.0 }).collect()
}

/// The tf·idf vector of every sentence of a corpus, indexed like `corpus.sentences`.
#[derive(Debug, Clone)]
pub struct Vectors {
    rows: Vec<SparseVector>,
}

impl Vectors {
    pub fn new(corpus: &Corpus) -> Self {
        Vectors { rows: corpus.sentences.iter().map(|s| SparseVector::of(s, corpus)).collect() }
    }

    /// Vectors weighted by *sentence* idf, ln(N / sentences containing the term) over the N
    /// sentences of the cluster, as the sentence-graph papers compute it. The cluster's document
    /// idf gives a word found in every report (the event's own words: `hostage`, `Amenas`) a
    /// weight near zero; sentence idf keeps them, so centrality and coverage are about the event.
    pub fn with_sentence_idf(corpus: &Corpus) -> Self {
        let idf = sentence_idf(corpus);
        let weight = |term: TermId| idf.get(term as usize).copied().unwrap_or(0.0);
        Vectors {
            rows: corpus.sentences.iter().map(|s| SparseVector::weighted(term_counts(&s.terms), weight)).collect(),
        }
    }

    pub fn get(&self, sentence: usize) -> &SparseVector {
        &self.rows[sentence]
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn cosine(&self, a: usize, b: usize) -> f32 {
        self.rows[a].cosine(&self.rows[b])
    }

    /// The sum of all sentence vectors: what the cluster as a whole is about. Its dot product
    /// with a sentence is that sentence's total similarity to every sentence of the cluster.
    pub fn sum(&self) -> Centroid {
        let mut weights: HashMap<TermId, f32> = HashMap::default();
        for row in &self.rows {
            for &(term, weight) in row.entries() {
                *weights.entry(term).or_default() += weight;
            }
        }
        // Summed in term order: a hash map's order changes from run to run, and so would the
        // last bits of the norm, and with them tie-breaks.
        let mut squares: Vec<(TermId, f32)> = weights.iter().map(|(&t, &w)| (t, w * w)).collect();
        squares.sort_unstable_by_key(|&(term, _)| term);
        let norm = squares.iter().map(|&(_, square)| square).sum::<f32>().sqrt();
        Centroid { weights, norm }
    }
}

/// A dense-by-hash sum of sentence vectors, queried against sparse ones.
#[derive(Debug, Clone)]
pub struct Centroid {
    weights: HashMap<TermId, f32>,
    norm: f32,
}

impl Centroid {
    /// Dot product with a sentence vector.
    pub fn dot(&self, vector: &SparseVector) -> f32 {
        vector.entries().iter().map(|(term, w)| w * self.weights.get(term).copied().unwrap_or(0.0)).sum()
    }

    /// Cosine similarity with a (unit-length) sentence vector.
    pub fn cosine(&self, vector: &SparseVector) -> f32 {
        if self.norm > 0.0 {
            self.dot(vector) / self.norm
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_corpus::corpus;

    #[test]
    fn vectors_are_unit_length_and_cosine_reflects_shared_terms() {
        let c = corpus(&["storm hits coast. storm hits coast. markets rally today"]);
        let v = Vectors::new(&c);
        let norm: f32 = v.get(0).entries().iter().map(|(_, w)| w * w).sum();
        assert!((norm - 1.0).abs() < 1e-5);
        assert!((v.cosine(0, 1) - 1.0).abs() < 1e-5);
        assert_eq!(v.cosine(0, 2), 0.0);
    }

    #[test]
    fn missing_idf_gives_an_empty_vector_instead_of_a_panic() {
        let mut c = corpus(&["storm hits coast"]);
        c.idf.clear();
        assert!(Vectors::new(&c).get(0).is_empty());
    }

    #[test]
    fn centroid_prefers_the_sentence_about_the_common_topic() {
        let c = corpus(&["storm hits coast. storm floods coast. markets rally"]);
        let v = Vectors::new(&c);
        let centroid = v.sum();
        assert!(centroid.cosine(v.get(0)) > centroid.cosine(v.get(2)));
    }

    #[test]
    fn sentence_idf_keeps_the_words_every_report_uses() {
        let c = corpus(&["hostages freed. hostages held", "hostages killed. army came"]);
        let idf = sentence_idf(&c);
        let id = |w: &str| c.vocabulary.iter().position(|v| v == w).unwrap_or(usize::MAX);
        assert!((idf[id("hostages")] - (4.0f32 / 3.0).ln()).abs() < 1e-6);
        assert!((idf[id("army")] - 4f32.ln()).abs() < 1e-6);
        let weighted = Vectors::with_sentence_idf(&c);
        let norm: f32 = weighted.get(0).entries().iter().map(|(_, w)| w * w).sum();
        assert!((norm - 1.0).abs() < 1e-5);
        assert!(weighted.cosine(0, 1) > 0.0);
    }
}
