//! Maximal Marginal Relevance (Carbonell & Goldstein 1998): repeatedly take the sentence most
//! relevant to the cluster and least similar to what is already chosen.

use crate::classic;
use crate::selection::Selection;
use crate::vectors::Vectors;
use crate::Method;
use chorus_core::{Budget, Corpus};

/// Maximal Marginal Relevance against the cluster centroid.
pub struct Mmr;

/// Weight of relevance against redundancy. Carbonell & Goldstein found summaries best with a
/// relevance-leaning λ; 0.7 is the customary value for generic multi-document summaries.
const LAMBDA: f64 = 0.7;

impl Method for Mmr {
    fn name(&self) -> &'static str {
        "mmr"
    }

    fn description(&self) -> &'static str {
        "Maximal Marginal Relevance: relevance to the cluster centroid minus similarity to chosen sentences"
    }

    fn reference(&self) -> &'static str {
        "Carbonell & Goldstein 1998, SIGIR"
    }

    /// MMR = argmax λ·cos(s, centroid) − (1 − λ)·max over chosen c of cos(s, c), with the
    /// cluster's tf·idf centroid as the query; idf over the cluster's sentences
    /// (`Vectors::with_sentence_idf`), candidates from the classic DUC pool (`classic`). Each
    /// round costs a sort of the candidates.
    fn select(&self, corpus: &Corpus, budget: &Budget) -> Vec<usize> {
        marginal_relevance(corpus, budget, LAMBDA)
    }
}

/// MMR with relevance weight `lambda` (1 = relevance alone, no redundancy penalty).
fn marginal_relevance(corpus: &Corpus, budget: &Budget, lambda: f64) -> Vec<usize> {
    let vectors = Vectors::new(corpus);
    let weighted = Vectors::with_sentence_idf(corpus);
    let centroid = weighted.sum();
    let relevance: Vec<f64> = (0..vectors.len()).map(|s| f64::from(centroid.cosine(weighted.get(s)))).collect();
    let mut redundancy = vec![0.0f64; vectors.len()];
    let mut selection = Selection::new(corpus, &vectors, budget);
    for mut candidates in classic::tiers(corpus) {
        while !selection.is_closed() {
            let marginal = |s: usize| lambda * relevance[s] - (1.0 - lambda) * redundancy[s];
            let Some(best) = selection.best_admitted(&mut candidates, marginal) else {
                break;
            };
            selection.take(best);
            for (s, redundancy) in redundancy.iter_mut().enumerate() {
                *redundancy = redundancy.max(f64::from(weighted.cosine(s, best)));
            }
        }
    }
    selection.into_chosen()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_corpus::generated;
    use chorus_core::Limit;

    /// Mean cosine between the chosen sentences, over several generated clusters.
    fn mean_similarity(lambda: f64) -> f64 {
        let budget = Budget { limit: Limit::Sentences(4), truncate: false };
        let (mut total, mut pairs) = (0.0, 0);
        for seed in 1..=10 {
            let c = generated(seed, 5, 20);
            let v = Vectors::new(&c);
            let chosen = marginal_relevance(&c, &budget, lambda);
            for (k, &a) in chosen.iter().enumerate() {
                for &b in &chosen[k + 1..] {
                    total += f64::from(v.cosine(a, b));
                    pairs += 1;
                }
            }
        }
        total / f64::from(pairs)
    }

    #[test]
    fn redundancy_term_makes_choices_less_alike_than_relevance_alone() {
        let (mmr, relevance_only) = (mean_similarity(LAMBDA), mean_similarity(1.0));
        assert!(mmr < relevance_only, "MMR {mmr:.3} vs relevance only {relevance_only:.3}");
    }
}
