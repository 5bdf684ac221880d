//! Concept coverage (Gillick & Favre 2009): a summary is worth the total weight of the distinct
//! content bigrams ("concepts") it contains, each weighted by how many reports mention it.

use super::lead::round_robin;
use crate::greedy::{maximize, Objective};
use crate::selection::fill;
use crate::vectors::Vectors;
use crate::Method;
use chorus_core::{Budget, Corpus, TermId};
use rustc_hash::FxHashMap as HashMap;

pub struct Concepts;

/// A concept must appear in at least this many reports (Gillick & Favre used 3 of 10 on TAC;
/// news clusters here have 2 to a few dozen reports).
const MIN_REPORTS: u32 = 2;

/// With fewer concepts than this shared by [`MIN_REPORTS`] reports, the reports barely overlap
/// (or there is just one): every bigram then counts, by the number of reports mentioning it.
const MIN_SHARED_CONCEPTS: usize = 10;

/// Exponent of the length in the gain-per-cost ratio: 1 is the plain ratio for which Khuller et
/// al.'s (1 − 1/e)/2 guarantee holds.
const COST_EXPONENT: f64 = 1.0;

impl Method for Concepts {
    fn name(&self) -> &'static str {
        "concepts"
    }

    fn description(&self) -> &'static str {
        "concept coverage: maximise the report-frequency weight of distinct content bigrams covered"
    }

    fn reference(&self) -> &'static str {
        "Gillick & Favre 2009, NAACL-HLT Workshop on Integer Linear Programming for NLP"
    }

    /// Gillick & Favre solve the coverage problem exactly with an ILP. An exact solver (the pure
    /// Rust `microlp` behind `good_lp`) takes up to seconds on 500 sentences and grows worse than
    /// polynomially, while clusters here reach thousands of sentences. Coverage is monotone
    /// submodular, so the cost-scaled lazy greedy with the best-single-sentence check
    /// ([`crate::greedy`]) is guaranteed within (1 − 1/e)/2 of the optimum and in practice
    /// close to it, in n·log n. Once no sentence adds a concept, the rest of the budget goes to
    /// the reports' opening sentences (as [`super::lead`] orders them) rather than unused.
    fn select(&self, corpus: &Corpus, budget: &Budget) -> Vec<usize> {
        let index = ConceptIndex::new(corpus);
        let candidates: Vec<usize> = (0..corpus.sentences.len()).filter(|&s| !index.concepts[s].is_empty()).collect();
        let coverage = Coverage { covered: vec![false; index.weights.len()], index: &index };
        let vectors = Vectors::new(corpus);
        let covering = maximize(corpus, &vectors, budget, &coverage, &candidates, COST_EXPONENT);
        fill(corpus, &vectors, budget, &covering, round_robin(corpus))
    }
}

/// Which weighted concepts each sentence contains; a concept's weight is the number of reports
/// mentioning it (0 for concepts too rare to count).
pub(crate) struct ConceptIndex {
    /// Per sentence: its distinct concepts of positive weight.
    pub(crate) concepts: Vec<Vec<usize>>,
    pub(crate) weights: Vec<f64>,
}

impl ConceptIndex {
    pub(crate) fn new(corpus: &Corpus) -> Self {
        let mut ids: HashMap<(TermId, TermId), usize> = HashMap::default();
        let mut mentions: Vec<(usize, usize)> = Vec::new(); // (concept, report)
        let mut concepts: Vec<Vec<usize>> = corpus
            .sentences
            .iter()
            .map(|sentence| {
                let mut own: Vec<usize> = sentence
                    .bigrams()
                    .map(|bigram| {
                        let next = ids.len();
                        *ids.entry(bigram).or_insert(next)
                    })
                    .collect();
                own.sort_unstable();
                own.dedup();
                mentions.extend(own.iter().map(|&c| (c, sentence.doc)));
                own
            })
            .collect();
        mentions.sort_unstable();
        mentions.dedup();
        let mut reports = vec![0u32; ids.len()];
        mentions.iter().for_each(|&(concept, _)| reports[concept] += 1);
        let shared = reports.iter().filter(|&&r| r >= MIN_REPORTS).count();
        let threshold = if shared >= MIN_SHARED_CONCEPTS { MIN_REPORTS } else { 1 };
        let weights: Vec<f64> = reports.iter().map(|&r| if r >= threshold { f64::from(r) } else { 0.0 }).collect();
        concepts.iter_mut().for_each(|own| own.retain(|&c| weights[c] > 0.0));
        ConceptIndex { concepts, weights }
    }
}

/// The concepts a summary covers so far.
#[derive(Clone)]
struct Coverage<'a> {
    index: &'a ConceptIndex,
    covered: Vec<bool>,
}

impl Objective for Coverage<'_> {
    fn gain(&self, sentence: usize) -> f64 {
        let index = self.index;
        index.concepts[sentence].iter().filter(|&&c| !self.covered[c]).map(|&c| index.weights[c]).sum()
    }

    fn add(&mut self, sentence: usize) {
        for &concept in &self.index.concepts[sentence] {
            self.covered[concept] = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_corpus::corpus;

    #[test]
    fn concepts_are_weighted_by_reports_and_rare_ones_dropped_when_enough_are_shared() {
        let shared = "a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12";
        let c = corpus(&[&format!("{shared}. lone pair"), shared, shared]);
        let index = ConceptIndex::new(&c);
        assert_eq!(index.concepts[0].len(), 11);
        assert!(index.concepts[0].iter().all(|&k| index.weights[k] == 3.0));
        assert!(index.concepts[1].is_empty(), "'lone pair' is in one report only");
    }

    #[test]
    fn single_report_falls_back_to_every_bigram() {
        let c = corpus(&["storm hits coast"]);
        let index = ConceptIndex::new(&c);
        assert_eq!(index.concepts[0].iter().map(|&k| index.weights[k]).sum::<f64>(), 2.0);
    }
}
