//! Budgeted maximisation of a monotone submodular objective: the cost-scaled greedy of Khuller,
//! Moss & Naor (1999) as used by Lin & Bilmes (2010, 2011), with lazy gain evaluation (Minoux
//! 1978) and the best-single-sentence safeguard that gives the (1 − 1/e)/2 guarantee.

use crate::selection::{cost, Selection};
use crate::vectors::Vectors;
use chorus_core::{Budget, Corpus, Usage};
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// A monotone submodular set function, evaluated incrementally.
pub trait Objective: Clone {
    /// How much adding `sentence` to what was added so far would increase the objective. Must
    /// never grow as more is added (submodularity): lazy evaluation relies on it.
    fn gain(&self, sentence: usize) -> f64;
    fn add(&mut self, sentence: usize);
}

/// Greedily adds the candidate with the best `gain / cost^exponent` that the selection admits,
/// until the budget is spent or no candidate adds anything. If the best single sentence that fits
/// the budget alone beats that summary, the greedy is rerun starting from it, so the result is
/// never worse than either.
pub fn maximize<O: Objective>(
    corpus: &Corpus,
    vectors: &Vectors,
    budget: &Budget,
    objective: &O,
    candidates: &[usize],
    exponent: f64,
) -> Vec<usize> {
    let run =
        |seed: Option<usize>| Run::new(corpus, vectors, budget, objective.clone(), seed).complete(candidates, exponent);
    let greedy = run(None);
    let fits_alone = |&sentence: &usize| {
        let s = &corpus.sentences[sentence];
        Selection::new(corpus, vectors, budget).admits(sentence)
            && budget.allows(Usage::default().with(s.words, s.text.len()))
    };
    let best_single = candidates
        .iter()
        .copied()
        .filter(fits_alone)
        .map(|sentence| (sentence, objective.gain(sentence)))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
    match best_single {
        Some((sentence, value)) if value > greedy.value => run(Some(sentence)).chosen,
        _ => greedy.chosen,
    }
}

struct Run<'a, O> {
    selection: Selection<'a>,
    objective: O,
    value: f64,
    budget: Budget,
    corpus: &'a Corpus,
}

struct Outcome {
    chosen: Vec<usize>,
    value: f64,
}

impl<'a, O: Objective> Run<'a, O> {
    fn new(corpus: &'a Corpus, vectors: &'a Vectors, budget: &Budget, objective: O, seed: Option<usize>) -> Self {
        let mut run =
            Run { selection: Selection::new(corpus, vectors, budget), objective, value: 0.0, budget: *budget, corpus };
        if let Some(sentence) = seed {
            run.add(sentence);
        }
        run
    }

    fn add(&mut self, sentence: usize) {
        self.value += self.objective.gain(sentence);
        self.objective.add(sentence);
        self.selection.take(sentence);
    }

    fn complete(mut self, candidates: &[usize], exponent: f64) -> Outcome {
        let (corpus, budget) = (self.corpus, self.budget);
        let scale = |sentence: usize| cost(&corpus.sentences[sentence], &budget).powf(exponent);
        // Keys are upper bounds of each candidate's current scaled gain: exact when pushed, and
        // gains only shrink afterwards.
        let mut heap: BinaryHeap<Keyed> = candidates
            .iter()
            .filter(|&&s| self.selection.admits(s))
            .map(|&sentence| Keyed { key: self.objective.gain(sentence) / scale(sentence), sentence })
            .collect();
        while let Some(top) = heap.pop() {
            if self.selection.is_closed() {
                break;
            }
            if !self.selection.admits(top.sentence) {
                continue;
            }
            let gain = self.objective.gain(top.sentence);
            if gain <= 0.0 {
                continue; // it can only stay useless
            }
            let key = gain / scale(top.sentence);
            if heap.peek().is_some_and(|next| next.key > key) {
                heap.push(Keyed { key, sentence: top.sentence });
            } else {
                self.add(top.sentence);
            }
        }
        Outcome { chosen: self.selection.into_chosen(), value: self.value }
    }
}

/// A heap entry: larger key first, then the earlier sentence.
struct Keyed {
    key: f64,
    sentence: usize,
}

impl Ord for Keyed {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key.total_cmp(&other.key).then(other.sentence.cmp(&self.sentence))
    }
}

impl PartialOrd for Keyed {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Keyed {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Keyed {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_corpus::corpus;
    use chorus_core::Limit;
    use std::collections::HashSet;

    /// Coverage of a sentence's distinct terms, each worth 1.
    #[derive(Clone)]
    struct TermCoverage<'a> {
        corpus: &'a Corpus,
        covered: HashSet<u32>,
    }

    impl Objective for TermCoverage<'_> {
        fn gain(&self, sentence: usize) -> f64 {
            let terms: HashSet<_> =
                self.corpus.sentences[sentence].terms.iter().filter(|t| !self.covered.contains(t)).collect();
            terms.len() as f64
        }
        fn add(&mut self, sentence: usize) {
            self.covered.extend(self.corpus.sentences[sentence].terms.iter().copied());
        }
    }

    #[test]
    fn prefers_gain_per_word_and_stops_when_nothing_is_gained() {
        let c =
            corpus(&["alpha beta gamma delta epsilon zeta eta theta iota kappa. alpha beta. gamma delta. the of and"]);
        let v = Vectors::new(&c);
        let objective = TermCoverage { corpus: &c, covered: HashSet::new() };
        let budget = Budget { limit: Limit::Words(9), truncate: false };
        assert_eq!(maximize(&c, &v, &budget, &objective, &[0, 1, 2, 3], 1.0), vec![1, 2]);
    }

    #[test]
    fn best_single_sentence_wins_when_the_greedy_summary_is_worth_less() {
        // Ratio greedy takes the dense two-word sentence first, then the long one no longer fits.
        let c = corpus(&["alpha beta. gamma delta epsilon zeta eta theta iota kappa lambda mu xi"]);
        let v = Vectors::new(&c);
        let objective = TermCoverage { corpus: &c, covered: HashSet::new() };
        let budget = Budget { limit: Limit::Words(11), truncate: false };
        assert_eq!(maximize(&c, &v, &budget, &objective, &[0, 1], 1.0), vec![1]);
    }
}
