//! SumBasic (Nenkova & Vanderwende 2005): frequent words are what a cluster is about; once a
//! word is in the summary, its probability is squared so the summary moves on to other words.

use crate::classic;
use crate::selection::{descending, Selection};
use crate::unigrams::distribution;
use crate::vectors::Vectors;
use crate::Method;
use chorus_core::{Budget, Corpus, TermId};
use rustc_hash::FxHashMap as HashMap;

/// SumBasic word probabilities with the squaring update.
pub struct SumBasic;

impl Method for SumBasic {
    fn name(&self) -> &'static str {
        "sumbasic"
    }

    fn description(&self) -> &'static str {
        "SumBasic: word probabilities, best average-probability sentence containing the top word, squaring update"
    }

    fn reference(&self) -> &'static str {
        "Nenkova & Vanderwende 2005, Microsoft Research MSR-TR-2005-101"
    }

    /// The paper's steps: p(w) = count / total over content terms; a sentence's weight is the
    /// mean p over its terms; take the best-weighted sentence containing the most probable word
    /// (the next most probable if no admissible sentence contains it); square p of every word of
    /// the taken sentence; repeat until the budget is spent. Candidates are the classic DUC pool
    /// (`classic`).
    fn select(&self, corpus: &Corpus, budget: &Budget) -> Vec<usize> {
        let vectors = Vectors::new(corpus);
        let mut probability = distribution(corpus);
        let weight = |s: usize, p: &HashMap<TermId, f64>| {
            let terms = &corpus.sentences[s].terms;
            terms.iter().map(|t| p.get(t).copied().unwrap_or(0.0)).sum::<f64>() / terms.len().max(1) as f64
        };
        let mut selection = Selection::new(corpus, &vectors, budget);
        for tier in classic::tiers(corpus) {
            let mut containing: HashMap<TermId, Vec<usize>> = HashMap::default();
            for s in tier {
                let mut terms = corpus.sentences[s].terms.to_vec();
                terms.sort_unstable();
                terms.dedup();
                terms.into_iter().for_each(|t| containing.entry(t).or_default().push(s));
            }
            while !selection.is_closed() {
                let mut words: Vec<(TermId, f64)> =
                    containing.keys().map(|&t| (t, probability.get(&t).copied().unwrap_or(0.0))).collect();
                words.sort_by(|a, b| descending(a.1, b.1).then(a.0.cmp(&b.0)));
                let mut next = None;
                for (word, _) in words {
                    let Some(sentences) = containing.get_mut(&word) else {
                        continue;
                    };
                    let best = selection.best_admitted(sentences, |s| weight(s, &probability));
                    if best.is_some() {
                        next = best;
                        break;
                    }
                    // Refusals are final: a word none of whose sentences is admitted stays so.
                    containing.remove(&word);
                }
                let Some(next) = next else { break };
                selection.take(next);
                let mut taken = corpus.sentences[next].terms.to_vec();
                taken.sort_unstable();
                taken.dedup();
                for term in &taken {
                    if let Some(p) = probability.get_mut(term) {
                        *p = p.powi(2);
                    }
                }
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
    fn starts_with_the_most_frequent_word_then_moves_on() {
        let c = corpus(&[
            "siege ended quickly",
            "siege lasted days",
            "siege drew condemnation",
            "workers escaped desert",
            "workers hid desert",
        ]);
        let chosen = SumBasic.select(&c, &Budget { limit: Limit::Sentences(2), truncate: false });
        // 'siege' (3 of 15) leads; squared to 0.04 it falls behind 'workers' (2 of 15).
        assert_eq!(chosen, vec![0, 3]);
    }
}
