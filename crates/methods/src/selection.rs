//! Choosing sentences under a budget: the one place that decides whether a sentence may still be
//! added, so that every method obeys the same rules.

use crate::similarity::says_the_same;
use crate::vectors::Vectors;
use chorus_core::{Budget, Corpus, Limit, Sentence, Usage};
use std::cmp::Ordering;

/// A growing choice of sentences. A sentence is admitted when it is eligible, not yet chosen,
/// does not say the same thing as a chosen one, and fits the budget — or, when the budget allows
/// truncation of a word or byte limit, overflows it as the last sentence (the caller cuts it).
/// A sentence count cannot be cut, so a sentence limit never overflows.
///
/// A sentence refused once is refused forever (usage and choice only grow), so methods may drop
/// refused candidates for good.
pub struct Selection<'a> {
    corpus: &'a Corpus,
    vectors: &'a Vectors,
    budget: Budget,
    chosen: Vec<usize>,
    usage: Usage,
    closed: bool,
}

impl<'a> Selection<'a> {
    pub fn new(corpus: &'a Corpus, vectors: &'a Vectors, budget: &Budget) -> Self {
        Selection {
            corpus,
            vectors,
            budget: *budget,
            chosen: Vec::new(),
            usage: Usage::default(),
            closed: budget.is_full(Usage::default()),
        }
    }

    /// Whether `sentence` may be added now.
    pub fn admits(&self, sentence: usize) -> bool {
        let Some(candidate) = self.corpus.sentences.get(sentence) else {
            return false;
        };
        !self.closed
            && candidate.is_eligible()
            && !self.chosen.contains(&sentence)
            && (self.budget.allows(self.after(candidate)) || self.may_overflow())
            && !self.chosen.iter().any(|&chosen| {
                says_the_same(
                    &candidate.text,
                    self.vectors.get(sentence),
                    &self.corpus.sentences[chosen].text,
                    self.vectors.get(chosen),
                )
            })
    }

    /// Adds `sentence`, which must have been admitted.
    pub fn take(&mut self, sentence: usize) {
        debug_assert!(self.admits(sentence));
        let next = self.after(&self.corpus.sentences[sentence]);
        self.closed = !self.budget.allows(next) || self.budget.is_full(next);
        self.usage = next;
        self.chosen.push(sentence);
    }

    /// Adds `sentence` if it is admitted; says whether it was.
    pub fn offer(&mut self, sentence: usize) -> bool {
        let admitted = self.admits(sentence);
        if admitted {
            self.take(sentence);
        }
        admitted
    }

    /// The admitted candidate with the highest score (ties: earlier sentence). Candidates found
    /// refused on the way are dropped from `candidates` for good. Sorting first means a round
    /// costs n·log n however many candidates are refused, and only the top few are checked.
    pub fn best_admitted(&self, candidates: &mut Vec<usize>, score: impl Fn(usize) -> f64) -> Option<usize> {
        let mut scored: Vec<(f64, usize)> = candidates.iter().map(|&s| (score(s), s)).collect();
        scored.sort_by(|a, b| descending(a.0, b.0).then(a.1.cmp(&b.1)));
        let mut refused = Vec::new();
        let best = scored.into_iter().map(|(_, s)| s).find(|&s| {
            let admitted = self.admits(s);
            if !admitted {
                refused.push(s);
            }
            admitted
        });
        if !refused.is_empty() {
            refused.sort_unstable();
            candidates.retain(|s| refused.binary_search(s).is_err());
        }
        best
    }

    /// Whether nothing more can be added.
    pub fn is_closed(&self) -> bool {
        self.closed
    }

    pub fn into_chosen(self) -> Vec<usize> {
        self.chosen
    }

    fn after(&self, sentence: &Sentence) -> Usage {
        self.usage.with(sentence.words, sentence.text.len())
    }

    fn may_overflow(&self) -> bool {
        self.budget.truncate && !matches!(self.budget.limit, Limit::Sentences(_))
    }
}

/// Offers sentences in the given order until the budget is spent.
pub fn in_order(
    corpus: &Corpus,
    vectors: &Vectors,
    budget: &Budget,
    order: impl IntoIterator<Item = usize>,
) -> Vec<usize> {
    let mut selection = Selection::new(corpus, vectors, budget);
    for sentence in order {
        if selection.is_closed() {
            break;
        }
        selection.offer(sentence);
    }
    selection.into_chosen()
}

/// Completes an earlier choice (in its order) by offering `order` until the budget is spent:
/// for methods whose objective stops paying before the budget is used up.
pub fn fill(
    corpus: &Corpus,
    vectors: &Vectors,
    budget: &Budget,
    chosen: &[usize],
    order: impl IntoIterator<Item = usize>,
) -> Vec<usize> {
    in_order(corpus, vectors, budget, chosen.iter().copied().chain(order))
}

/// Offers eligible sentences from the highest score down (ties: earlier sentence first).
pub fn by_score(corpus: &Corpus, vectors: &Vectors, budget: &Budget, scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> =
        (0..corpus.sentences.len().min(scores.len())).filter(|&s| corpus.sentences[s].is_eligible()).collect();
    order.sort_by(|&a, &b| descending(scores[a], scores[b]).then(a.cmp(&b)));
    in_order(corpus, vectors, budget, order)
}

/// Orders scores from high to low, with NaN last.
pub fn descending(a: f64, b: f64) -> Ordering {
    let key = |x: f64| if x.is_nan() { f64::NEG_INFINITY } else { x };
    key(b).total_cmp(&key(a))
}

/// What a sentence costs in the budget's own unit, for methods that weigh gain against length.
/// Never zero, so gain per cost stays finite.
pub fn cost(sentence: &Sentence, budget: &Budget) -> f64 {
    let units = match budget.limit {
        Limit::Words(_) => sentence.words,
        Limit::Bytes(_) => sentence.text.len(),
        Limit::Sentences(_) => 1,
    };
    units.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_corpus::corpus;

    fn words(n: usize, truncate: bool) -> Budget {
        Budget { limit: Limit::Words(n), truncate }
    }

    #[test]
    fn skips_what_does_not_fit_and_stops_when_full() {
        let c = corpus(&["alpha beta gamma delta. epsilon zeta. eta theta iota"]);
        let v = Vectors::new(&c);
        assert_eq!(in_order(&c, &v, &words(5, false), [0, 1, 2]), vec![0]);
        assert_eq!(in_order(&c, &v, &words(6, false), [2, 0, 1]), vec![2, 1]);
    }

    #[test]
    fn truncation_lets_one_last_sentence_overflow() {
        let c = corpus(&["alpha beta gamma delta. epsilon zeta. eta theta iota"]);
        let v = Vectors::new(&c);
        assert_eq!(in_order(&c, &v, &words(5, true), [0, 2, 1]), vec![0, 2]);
        let sentences = Budget { limit: Limit::Sentences(1), truncate: true };
        assert_eq!(in_order(&c, &v, &sentences, [0, 1]), vec![0]);
    }

    #[test]
    fn refuses_ineligible_repeated_and_same_thing_sentences() {
        let c = corpus(&["#storm hits coast. storm hits coast hard", "storm hits coast hard. markets rally"]);
        let v = Vectors::new(&c);
        assert_eq!(in_order(&c, &v, &words(100, false), [0, 1, 1, 2, 3, 99]), vec![1, 3]);
    }

    #[test]
    fn best_admitted_skips_and_forgets_refused_candidates() {
        let c = corpus(&["#storm hits coast. quake shakes city. rain soaks valley"]);
        let v = Vectors::new(&c);
        let selection = Selection::new(&c, &v, &words(100, false));
        let mut candidates = vec![0, 1, 2];
        assert_eq!(selection.best_admitted(&mut candidates, |s| [3.0, 1.0, 2.0][s]), Some(2));
        assert_eq!(candidates, vec![1, 2]);
    }

    #[test]
    fn fill_keeps_the_earlier_choice_and_adds_what_still_fits() {
        let c = corpus(&["alpha beta. gamma delta. epsilon zeta. eta theta"]);
        let v = Vectors::new(&c);
        assert_eq!(fill(&c, &v, &words(6, false), &[2], [0, 2, 1, 3]), vec![2, 0, 1]);
    }

    #[test]
    fn zero_budget_chooses_nothing() {
        let c = corpus(&["storm hits coast"]);
        let v = Vectors::new(&c);
        assert!(in_order(&c, &v, &words(0, true), [0]).is_empty());
    }

    #[test]
    fn by_score_prefers_high_scores_and_ignores_nan() {
        let c = corpus(&["one alpha. two beta. three gamma"]);
        let v = Vectors::new(&c);
        let chosen = by_score(&c, &v, &Budget { limit: Limit::Sentences(3), truncate: false }, &[f64::NAN, 2.0, 1.0]);
        assert_eq!(chosen, vec![1, 2, 0]);
    }
}
