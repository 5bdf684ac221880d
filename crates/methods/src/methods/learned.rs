//! A sentence scorer learned from human summaries: a linear model over cheap features
//! ([`crate::features`]) predicts how much of each sentence a reference summary would contain;
//! the best-scoring sentences fill the budget, skipping any that repeat a chosen one.

use crate::features::features_with;
use crate::linear_model::LinearModel;
use crate::selection::by_score;
use crate::vectors::Vectors;
use crate::Method;
use chorus_core::{Budget, Corpus};
use std::sync::OnceLock;

pub struct Learned;

/// The model `chorus train` fitted on the Multi-News training split (see the crate README:
/// derived from Multi-News, for research use only).
const BUNDLED_MODEL: &str = include_str!("../../models/sentence-scorer.tsv");

/// The bundled model, parsed once. A test checks that it parses; should it ever fail, every
/// sentence scores alike and the choice falls back to reading order.
pub fn bundled_model() -> &'static Option<LinearModel> {
    static MODEL: OnceLock<Option<LinearModel>> = OnceLock::new();
    MODEL.get_or_init(|| LinearModel::parse(BUNDLED_MODEL).ok())
}

impl Method for Learned {
    fn name(&self) -> &'static str {
        "learned"
    }

    fn description(&self) -> &'static str {
        "learned sentence scorer (position, length, centrality, cross-report support) with redundancy control"
    }

    fn reference(&self) -> &'static str {
        "supervised extraction as in Kupiec, Pedersen & Chen 1995, SIGIR; fitted to Multi-News (Fabbri et al. 2019)"
    }

    fn select(&self, corpus: &Corpus, budget: &Budget) -> Vec<usize> {
        let vectors = Vectors::new(corpus);
        by_score(corpus, &vectors, budget, &learned_scores(corpus, &vectors))
    }
}

/// The bundled model's score of every sentence of `corpus` (all 0 should the model not parse).
pub(crate) fn learned_scores(corpus: &Corpus, vectors: &Vectors) -> Vec<f64> {
    match bundled_model() {
        Some(model) => features_with(corpus, vectors).iter().map(|row| model.score(row)).collect(),
        None => vec![0.0; corpus.sentences.len()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_corpus::generated;

    #[test]
    fn bundled_model_parses() {
        assert!(bundled_model().is_some());
    }

    #[test]
    fn same_input_same_choice_within_budget() {
        let c = generated(7, 4, 15);
        let budget = Budget::words(60);
        let chosen = Learned.select(&c, &budget);
        assert!(!chosen.is_empty());
        assert_eq!(chosen, Learned.select(&c, &budget));
        assert!(chosen.iter().map(|&s| c.sentences[s].words).sum::<usize>() <= 60);
        assert!(chosen.iter().all(|&s| c.sentences[s].is_eligible()));
    }
}
