//! Concept coverage (Gillick & Favre 2009): a summary is worth the total weight of the distinct
//! content bigrams ("concepts") it contains, each weighted by how many reports mention it.

use crate::classic;
use crate::concept::ConceptIndex;
use crate::greedy::{maximize, Objective};
use crate::round_robin::round_robin;
use crate::selection::fill;
use crate::vectors::Vectors;
use crate::Method;
use chorus_core::{Budget, Corpus};

/// Concept coverage, cost-scaled greedy.
pub struct Concepts;

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
    /// (the `greedy` module) is guaranteed within (1 − 1/e)/2 of the optimum and in practice
    /// close to it, in n·log n. Once no sentence adds a concept, the rest of the budget goes to
    /// the reports' opening sentences (in `round_robin` order) rather than unused.
    fn select(&self, corpus: &Corpus, budget: &Budget) -> Vec<usize> {
        let index = ConceptIndex::new(corpus);
        let candidates: Vec<usize> =
            classic::tiers(corpus)[0].iter().copied().filter(|&s| !index.concepts[s].is_empty()).collect();
        let coverage = Coverage { covered: vec![false; index.weights.len()], index: &index };
        let vectors = Vectors::new(corpus);
        let covering = maximize(corpus, &vectors, budget, &coverage, &candidates, COST_EXPONENT);
        fill(corpus, &vectors, budget, &covering, round_robin(corpus))
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
        index.concepts[sentence]
            .iter()
            .filter(|&&c| !self.covered[c as usize])
            .map(|&c| index.weights[c as usize])
            .sum()
    }

    fn add(&mut self, sentence: usize) {
        for &concept in &self.index.concepts[sentence] {
            self.covered[concept as usize] = true;
        }
    }
}
