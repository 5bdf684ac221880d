//! A sentence scorer learned from human summaries: a linear model over cheap features
//! ([`crate::features`]) predicts how much of each sentence a reference summary would contain;
//! the best-scoring sentences fill the budget, skipping any that repeat a chosen one.

use crate::selection::by_score;
use crate::sentence_scorer::SentenceScorer;
use crate::vectors::Vectors;
use crate::Method;
use chorus_core::{Budget, Corpus};

/// Ranks sentences by a learned scorer.
pub struct Learned {
    scorer: SentenceScorer,
}

impl Learned {
    /// The method with `scorer` (the registry's uses the bundled model).
    pub fn new(scorer: SentenceScorer) -> Self {
        Learned { scorer }
    }
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
        by_score(corpus, &vectors, budget, &self.scorer.scores(corpus, &vectors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_corpus::generated;

    #[test]
    fn same_input_same_choice_within_budget() {
        let c = generated(7, 4, 15);
        let budget = Budget::words(60);
        let learned = Learned::new(SentenceScorer::bundled().expect("the bundled model parses").clone());
        let chosen = learned.select(&c, &budget);
        assert!(!chosen.is_empty());
        assert_eq!(chosen, learned.select(&c, &budget));
        assert!(chosen.iter().map(|&s| c.sentences[s].words).sum::<usize>() <= 60);
        assert!(chosen.iter().all(|&s| c.sentences[s].is_eligible()));
    }
}
