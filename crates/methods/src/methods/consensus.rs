//! Consensus: what several reports say, told by the sentences that read like a report's lead.

use super::concepts::ConceptIndex;
use super::lead::round_robin;
use super::learned::learned_scores;
use crate::greedy::{maximize, Objective};
use crate::selection::{cost, fill};
use crate::vectors::Vectors;
use crate::Method;
use chorus_core::{Budget, Corpus};
use std::collections::HashMap;

pub struct Consensus;

fn env(name: &str, default: f64) -> f64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

impl Method for Consensus {
    fn name(&self) -> &'static str {
        "consensus"
    }

    fn description(&self) -> &'static str {
        "concepts several reports share, plus a learned per-word sentence quality, greedily under the budget"
    }

    fn reference(&self) -> &'static str {
        "Gillick & Favre 2009 concept coverage with a modular sentence term as in Lin & Bilmes 2011"
    }

    fn select(&self, corpus: &Corpus, budget: &Budget) -> Vec<usize> {
        let index = ConceptIndex::new(corpus);
        let mu = env("C_MU", 1.0);
        let mode = env("C_MODE", 0.0) as u32;
        let exponent = env("C_EXP", 1.0);
        let scores = learned_scores(corpus);
        let ranks = eligible_ranks(corpus);
        let quality: Vec<f64> = (0..corpus.sentences.len())
            .map(|s| {
                let q = match mode {
                    0 => scores[s].max(0.0),
                    1 => 1.0 / (ranks[s] as f64 + 1.0),
                    2 => scores[s].max(0.0) + env("C_POS", 0.1) / (ranks[s] as f64 + 1.0),
                    _ => 0.0,
                };
                mu * q * cost(&corpus.sentences[s], budget)
            })
            .collect();
        let documents = corpus.documents.max(1) as f64;
        let weights: Vec<f64> = index.weights.iter().map(|w| w / documents).collect();
        let candidates: Vec<usize> = (0..corpus.sentences.len()).filter(|&s| corpus.sentences[s].is_eligible()).collect();
        let objective = Agreement { index: &index, weights: &weights, quality: &quality, covered: vec![false; weights.len()] };
        let vectors = Vectors::new(corpus);
        let chosen = maximize(corpus, &vectors, budget, &objective, &candidates, exponent);
        fill(corpus, &vectors, budget, &chosen, round_robin(corpus))
    }
}

fn eligible_ranks(corpus: &Corpus) -> Vec<usize> {
    let mut seen: HashMap<usize, usize> = HashMap::new();
    corpus
        .sentences
        .iter()
        .map(|s| {
            let count = seen.entry(s.doc).or_default();
            let rank = *count;
            *count += usize::from(s.is_eligible());
            rank
        })
        .collect()
}

#[derive(Clone)]
struct Agreement<'a> {
    index: &'a ConceptIndex,
    weights: &'a [f64],
    quality: &'a [f64],
    covered: Vec<bool>,
}

impl Objective for Agreement<'_> {
    fn gain(&self, sentence: usize) -> f64 {
        let concepts: f64 =
            self.index.concepts[sentence].iter().filter(|&&c| !self.covered[c]).map(|&c| self.weights[c]).sum();
        concepts + self.quality[sentence]
    }

    fn add(&mut self, sentence: usize) {
        for &concept in &self.index.concepts[sentence] {
            self.covered[concept] = true;
        }
    }
}
