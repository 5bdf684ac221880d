//! Lin & Bilmes (2011): a summary should cover every sentence of the cluster up to a saturation
//! point, and reward drawing from many topics; both terms are monotone submodular, so a
//! cost-scaled greedy is near-optimal.

use crate::classic;
use crate::clustering::k_means;
use crate::greedy::{maximize, Objective};
use crate::selection::{cost, descending, fill};
use crate::similarity::InvertedIndex;
use crate::vectors::{SparseVector, Vectors};
use crate::Method;
use chorus_core::{Budget, Corpus};
use rustc_hash::FxHashMap as HashMap;

/// Saturated coverage plus a diversity reward.
pub struct Submodular;

/// Saturation α = a / N with a = 5: sentence i stops adding coverage once the summary is as
/// similar to it as five average sentences would be (the paper's DUC-04 setting).
const SATURATION: f64 = 5.0;
/// λ, the weight of the diversity reward (the paper's DUC-04 setting).
const DIVERSITY: f64 = 6.0;
/// r in gain / cost^r: the paper's scaling, which favours short sentences less than a ratio.
const COST_EXPONENT: f64 = 0.3;
/// Topic clusters for the diversity reward: K = 0.2 N, as in the paper.
const CLUSTER_SHARE: f64 = 0.2;
/// Candidates considered: the best by an upper bound of their first gain. Each candidate needs
/// its similarities to every sentence; a fixed pool keeps that linear in the cluster size while
/// coverage is still measured against all sentences.
const POOL: usize = 300;

impl Method for Submodular {
    fn name(&self) -> &'static str {
        "submodular"
    }

    fn description(&self) -> &'static str {
        "Lin & Bilmes: saturated coverage of all sentences plus a topic-diversity reward, cost-scaled greedy"
    }

    fn reference(&self) -> &'static str {
        "Lin & Bilmes 2011, ACL-HLT"
    }

    /// F(S) = Σᵢ min(Cᵢ(S), α·Cᵢ(V)) + λ·Σₖ √(Σ_{j ∈ Pₖ ∩ S} rⱼ), with Cᵢ(S) = Σ_{j∈S} cos(i, j)
    /// over tf·idf vectors (idf over the cluster's sentences, `Vectors::with_sentence_idf`, so
    /// that words every report uses still count), rⱼ = Cⱼ(V) / N and Pₖ the k-means clusters of
    /// the candidates, drawn from the classic DUC pool (`classic`).
    /// Cᵢ(V) is one dot product with the sum of all vectors, so only the candidates' own
    /// similarity rows are ever computed (through an inverted index).
    fn select(&self, corpus: &Corpus, budget: &Budget) -> Vec<usize> {
        let vectors = Vectors::with_sentence_idf(corpus);
        let whole = whole_similarity(&vectors);
        let pool = candidates(corpus, &vectors, budget, &whole);
        let shared = Shared::new(&vectors, &pool, &whole);
        let plain = Vectors::new(corpus);
        let covering = maximize(corpus, &plain, budget, &shared.empty(), &pool, COST_EXPONENT);
        // What the pool cannot fill goes to the most central of the other sentences.
        let mut central: Vec<usize> = (0..whole.len()).collect();
        central.sort_by(|&a, &b| descending(whole[a], whole[b]).then(a.cmp(&b)));
        fill(corpus, &plain, budget, &covering, classic::pool_first(corpus, central))
    }
}

/// Cᵢ(V) for every sentence: its summed similarity to all sentences, itself included.
fn whole_similarity(vectors: &Vectors) -> Vec<f64> {
    let total = vectors.sum();
    (0..vectors.len()).map(|i| f64::from(total.dot(vectors.get(i)))).collect()
}

/// The [`POOL`] eligible sentences with the best bound (Cⱼ(V) + λ√rⱼ) / cost^r on their first
/// gain, in sentence order.
fn candidates(corpus: &Corpus, vectors: &Vectors, budget: &Budget, whole: &[f64]) -> Vec<usize> {
    let n = vectors.len().max(1) as f64;
    let mut pool: Vec<usize> =
        classic::tiers(corpus)[0].iter().copied().filter(|&s| !vectors.get(s).is_empty()).collect();
    let bound = |s: usize| {
        (whole[s] + DIVERSITY * (whole[s] / n).sqrt()) / cost(&corpus.sentences[s], budget).powf(COST_EXPONENT)
    };
    pool.sort_by(|&a, &b| descending(bound(a), bound(b)).then(a.cmp(&b)));
    pool.truncate(POOL);
    pool.sort_unstable();
    pool
}

/// What does not change while the summary grows.
struct Shared {
    /// Sentence → its position in the candidate pool.
    slot: HashMap<usize, usize>,
    /// Per candidate: its non-zero similarities to every sentence.
    rows: Vec<Vec<(usize, f32)>>,
    /// α·Cᵢ(V) per sentence.
    caps: Vec<f64>,
    /// rⱼ per candidate.
    rewards: Vec<f64>,
    /// Topic cluster per candidate.
    labels: Vec<usize>,
}

impl Shared {
    fn new(vectors: &Vectors, pool: &[usize], whole: &[f64]) -> Self {
        let n = vectors.len().max(1) as f64;
        let index = InvertedIndex::new(vectors);
        let pool_vectors: Vec<&SparseVector> = pool.iter().map(|&s| vectors.get(s)).collect();
        let clusters = (CLUSTER_SHARE * pool.len() as f64).ceil() as usize;
        Shared {
            slot: pool.iter().enumerate().map(|(slot, &s)| (s, slot)).collect(),
            rows: pool_vectors.iter().map(|v| index.similarities(v)).collect(),
            caps: whole.iter().map(|w| SATURATION / n * w).collect(),
            rewards: pool.iter().map(|&s| whole[s] / n).collect(),
            labels: k_means(&pool_vectors, clusters),
        }
    }

    /// The objective of the empty summary.
    fn empty(&self) -> Coverage<'_> {
        let topics = self.labels.iter().max().map_or(0, |&k| k + 1);
        Coverage { shared: self, covered: vec![0.0; self.caps.len()], topic_mass: vec![0.0; topics] }
    }
}

/// The summary so far: Cᵢ(S) per sentence and Σ rⱼ per topic.
#[derive(Clone)]
struct Coverage<'a> {
    shared: &'a Shared,
    covered: Vec<f64>,
    topic_mass: Vec<f64>,
}

impl Objective for Coverage<'_> {
    fn gain(&self, sentence: usize) -> f64 {
        let shared = self.shared;
        let Some(&slot) = shared.slot.get(&sentence) else {
            return 0.0;
        };
        let coverage: f64 = shared.rows[slot]
            .iter()
            .map(|&(i, w)| {
                let (now, cap) = (self.covered[i], shared.caps[i]);
                (now + f64::from(w)).min(cap) - now.min(cap)
            })
            .sum();
        let mass = self.topic_mass[shared.labels[slot]];
        coverage + DIVERSITY * ((mass + shared.rewards[slot]).sqrt() - mass.sqrt())
    }

    fn add(&mut self, sentence: usize) {
        let shared = self.shared;
        let Some(&slot) = shared.slot.get(&sentence) else {
            return;
        };
        for &(i, w) in &shared.rows[slot] {
            self.covered[i] += f64::from(w);
        }
        self.topic_mass[shared.labels[slot]] += shared.rewards[slot];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_corpus::corpus;
    use chorus_core::Limit;

    fn cluster() -> Corpus {
        corpus(&[
            "militants attacked the remote gas plant at dawn and took foreign workers hostage",
            "the army stormed the gas plant after militants refused to free the hostages",
            "oil prices rose as the gas plant attack raised fears for energy supplies",
            "militants seized foreign hostages at the plant. the army freed some hostages",
            "prices of gas rose sharply. workers fled the plant across the desert",
        ])
    }

    /// F(S), summed gain by gain.
    fn value(shared: &Shared, summary: &[usize]) -> f64 {
        let mut objective = shared.empty();
        summary
            .iter()
            .map(|&s| {
                let gain = objective.gain(s);
                objective.add(s);
                gain
            })
            .sum()
    }

    #[test]
    fn objective_is_monotone_and_has_diminishing_returns() {
        let c = cluster();
        let vectors = Vectors::with_sentence_idf(&c);
        let whole = whole_similarity(&vectors);
        let pool: Vec<usize> = (0..c.sentences.len()).collect();
        let shared = Shared::new(&vectors, &pool, &whole);
        // Along every growing chain A ⊂ B, each sentence gains at least 0, and no more from B.
        for first in &pool {
            let mut smaller = shared.empty();
            let mut larger = shared.empty();
            larger.add(*first);
            for &next in pool.iter().filter(|&&s| s != *first) {
                for &s in &pool {
                    assert!(larger.gain(s) >= -1e-12, "gain of {s} negative");
                    assert!(smaller.gain(s) + 1e-12 >= larger.gain(s), "{s}: more gain from the larger summary");
                }
                smaller.add(next);
                larger.add(next);
            }
        }
    }

    #[test]
    fn greedy_is_within_its_guarantee_of_the_best_pair() {
        let c = cluster();
        let vectors = Vectors::with_sentence_idf(&c);
        let whole = whole_similarity(&vectors);
        let pool: Vec<usize> = (0..c.sentences.len()).collect();
        let shared = Shared::new(&vectors, &pool, &whole);
        let budget = Budget { limit: Limit::Sentences(2), truncate: false };
        let plain = Vectors::new(&c);
        let chosen = maximize(&c, &plain, &budget, &shared.empty(), &pool, COST_EXPONENT);
        assert_eq!(chosen.len(), 2);
        let says_the_same = |a: usize, b: usize| {
            crate::similarity::says_the_same(&c.sentences[a].text, plain.get(a), &c.sentences[b].text, plain.get(b))
        };
        let best = pool
            .iter()
            .flat_map(|&a| pool.iter().filter(move |&&b| b > a).map(move |&b| (a, b)))
            .filter(|&(a, b)| !says_the_same(a, b))
            .map(|(a, b)| value(&shared, &[a, b]))
            .fold(0.0f64, f64::max);
        assert!(value(&shared, &chosen) >= (1.0 - (-1.0f64).exp()) * best, "{chosen:?}");
    }

    #[test]
    fn covers_both_events_of_the_cluster() {
        let c = corpus(&[
            "militants attacked gas plant. army stormed plant",
            "militants attacked remote gas plant at dawn. army stormed site",
            "militants attacked plant workers. army stormed compound",
        ]);
        let chosen = Submodular.select(&c, &Budget { limit: Limit::Sentences(2), truncate: false });
        let texts: Vec<&str> = chosen.iter().map(|&s| c.sentences[s].text.as_str()).collect();
        assert!(texts.iter().any(|t| t.contains("militants")), "{texts:?}");
        assert!(texts.iter().any(|t| t.contains("army")), "{texts:?}");
    }
}
