//! KL-Sum (Haghighi & Vanderwende 2009): grow the summary whose word distribution stays closest
//! to the cluster's, measured by KL divergence.

use crate::classic;
use crate::selection::Selection;
use crate::unigrams::distribution;
use crate::vectors::{term_counts, Vectors};
use crate::Method;
use chorus_core::{Budget, Corpus, TermId};
use rustc_hash::FxHashMap as HashMap;

/// Greedy KL-divergence minimisation.
pub struct KlSum;

/// Additive smoothing of the summary distribution, so that words the summary lacks have a
/// finite (and large) cost instead of an infinite one. Haghighi & Vanderwende do not give
/// theirs. The smaller it is, the more the normaliser log(N + δ|V|) rewards short sentences:
/// at 0.01 KL-Sum chose sentences of 10 to 13 words. Of 0.001, 0.01, 0.05, 0.1, 0.2, 0.5 and 1,
/// 0.05 scored best on DUC 2006 at 100 words (ROUGE-2 5.93 against 4.91 at 0.01, quotes then
/// left out of the pool) and on TAC 2011 at 100 and 250 words.
const SMOOTHING: f64 = 0.05;

impl Method for KlSum {
    fn name(&self) -> &'static str {
        "klsum"
    }

    fn description(&self) -> &'static str {
        "KL-Sum: greedily add the sentence that minimises KL(cluster unigrams ‖ summary unigrams)"
    }

    fn reference(&self) -> &'static str {
        "Haghighi & Vanderwende 2009, NAACL-HLT"
    }

    /// P is the cluster's unigram distribution over content terms, Q the summary's with additive
    /// smoothing δ = 0.05 over the cluster vocabulary; candidates are the classic DUC pool
    /// (`classic`: at least 10 words, the rest once that is spent). Since
    /// KL(P‖Q) = Σ P log P − Σ_w P(w) log(c(w) + δ) + log(N + δ|V|),
    /// adding a sentence changes only its own words' terms and the normaliser, so each
    /// candidate's effect costs as much as its length.
    fn select(&self, corpus: &Corpus, budget: &Budget) -> Vec<usize> {
        let vectors = Vectors::new(corpus);
        let cluster = distribution(corpus);
        let smoothing_mass = SMOOTHING * cluster.len() as f64;
        let counts: Vec<Vec<(TermId, f32)>> = corpus.sentences.iter().map(|s| term_counts(&s.terms)).collect();
        let mut summary: HashMap<TermId, f64> = HashMap::default();
        let mut summary_length = 0.0;
        let mut selection = Selection::new(corpus, &vectors, budget);
        for mut candidates in classic::tiers(corpus) {
            while !selection.is_closed() {
                let change = |s: usize| {
                    let added: f64 = counts[s]
                        .iter()
                        .map(|(term, count)| {
                            let before = summary.get(term).copied().unwrap_or(0.0) + SMOOTHING;
                            cluster.get(term).copied().unwrap_or(0.0)
                                * ((before + f64::from(*count)).ln() - before.ln())
                        })
                        .sum();
                    let length = corpus.sentences[s].terms.len() as f64;
                    ((summary_length + length + smoothing_mass) / (summary_length + smoothing_mass)).ln() - added
                };
                let Some(best) = selection.best_admitted(&mut candidates, |s| -change(s)) else {
                    break;
                };
                selection.take(best);
                for (term, count) in &counts[best] {
                    *summary.entry(*term).or_default() += f64::from(*count);
                }
                summary_length += corpus.sentences[best].terms.len() as f64;
            }
        }
        selection.into_chosen()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_corpus::corpus;
    use chorus_core::Limit;

    #[test]
    fn first_choice_matches_the_cluster_distribution_best() {
        let c = corpus(&[
            "plant attack killed workers",
            "plant attack killed foreign workers",
            "attack on plant",
            "football scores today",
        ]);
        let chosen = KlSum.select(&c, &Budget { limit: Limit::Sentences(1), truncate: false });
        assert_eq!(chosen, vec![1]);
    }

    #[test]
    fn takes_short_sentences_only_once_the_pool_is_spent() {
        // The short sentences are made of the cluster's most frequent words, which is what
        // KL-Sum would otherwise fill a brief with.
        let c = corpus(&[
            "plant attack killed workers. the army stormed the gas plant in the desert after the attack killed workers",
            "plant attack killed workers. he said \"the attack on the plant killed many of our workers today\"",
            "attack killed workers. militants from mali crossed the border before the attack on the plant",
        ]);
        let pool = [1, 3, 5];
        let chosen = KlSum.select(&c, &Budget { limit: Limit::Words(60), truncate: false });
        assert!(chosen.len() > pool.len(), "the rest fills what the pool leaves: {chosen:?}");
        let (first, then) = chosen.split_at(pool.len());
        assert!(first.iter().all(|s| pool.contains(s)), "{chosen:?}");
        assert!(then.iter().all(|&s| c.sentences[s].words < crate::classic::MIN_WORDS), "{chosen:?}");
    }
}
