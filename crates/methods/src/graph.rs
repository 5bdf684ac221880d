//! Sentence graphs and their centrality, shared by LexRank and TextRank.
//!
//! Both papers build a complete similarity graph, which is quadratic in the number of sentences.
//! To keep large clusters fast the graph is built over at most [`GRAPH_LIMIT`] sentences: those
//! most similar to the cluster centroid, a cheap linear pre-ranking. A 100- to 250-word summary
//! draws on a handful of sentences, and central sentences are found among the centroid's nearest.

use crate::selection::descending;
use crate::vectors::Vectors;
use chorus_core::Corpus;

/// Most sentences in a graph: 500² similarities take a few milliseconds.
pub const GRAPH_LIMIT: usize = 500;

/// Probability that the random surfer follows an edge rather than jumps: 0.85 in both papers
/// (LexRank's damping d = 0.15 is the jump probability).
pub const FOLLOW: f64 = 0.85;

/// Power iteration stops when the scores move less than this in total (Erkan & Radev's ε).
const TOLERANCE: f64 = 1e-4;
/// …or after this many rounds, which the tolerance is reached well before in practice.
const MAX_ROUNDS: usize = 200;

/// The sentences to build the graph over: those with a vector; if there are more than
/// [`GRAPH_LIMIT`], the eligible ones nearest the cluster centroid first, then ineligible ones if
/// room is left, in sentence order. Eligible first because only they can be chosen: in a huge
/// cluster the sentences nearest the centroid can all be short headlines or captions, and a
/// graph of those alone ranked nothing a brief may hold.
pub fn nodes(corpus: &Corpus, vectors: &Vectors) -> Vec<usize> {
    let centroid = vectors.sum();
    let mut nodes: Vec<usize> = (0..vectors.len()).filter(|&s| !vectors.get(s).is_empty()).collect();
    if nodes.len() > GRAPH_LIMIT {
        let eligible = |s: usize| corpus.sentences.get(s).is_some_and(|s| s.is_eligible());
        let closeness: Vec<f64> = nodes.iter().map(|&s| f64::from(centroid.cosine(vectors.get(s)))).collect();
        let mut by_closeness: Vec<usize> = (0..nodes.len()).collect();
        by_closeness.sort_by(|&a, &b| {
            eligible(nodes[b]).cmp(&eligible(nodes[a])).then(descending(closeness[a], closeness[b])).then(a.cmp(&b))
        });
        by_closeness.truncate(GRAPH_LIMIT);
        by_closeness.sort_unstable();
        nodes = by_closeness.into_iter().map(|i| nodes[i]).collect();
    }
    nodes
}

/// Weighted undirected edges between nodes (indices into `nodes`), without self-loops.
pub fn edges(nodes: &[usize], similarity: impl Fn(usize, usize) -> f64) -> Vec<Vec<(usize, f64)>> {
    let mut edges = vec![Vec::new(); nodes.len()];
    for a in 0..nodes.len() {
        for b in a + 1..nodes.len() {
            let weight = similarity(nodes[a], nodes[b]);
            if weight > 0.0 {
                edges[a].push((b, weight));
                edges[b].push((a, weight));
            }
        }
    }
    edges
}

/// Weighted PageRank: the stationary distribution of a surfer who follows an edge with
/// probability [`FOLLOW`] (in proportion to its weight) and otherwise jumps to any node. A node
/// without edges spreads its score evenly.
pub fn centrality(edges: &[Vec<(usize, f64)>]) -> Vec<f64> {
    let n = edges.len();
    if n == 0 {
        return Vec::new();
    }
    let out: Vec<f64> = edges.iter().map(|e| e.iter().map(|&(_, w)| w).sum()).collect();
    let mut scores = vec![1.0 / n as f64; n];
    for _ in 0..MAX_ROUNDS {
        let dangling: f64 = (0..n).filter(|&i| out[i] <= 0.0).map(|i| scores[i]).sum();
        let base = (1.0 - FOLLOW) / n as f64 + FOLLOW * dangling / n as f64;
        let mut next = vec![base; n];
        for (from, targets) in edges.iter().enumerate() {
            if out[from] > 0.0 {
                let share = FOLLOW * scores[from] / out[from];
                targets.iter().for_each(|&(to, w)| next[to] += share * w);
            }
        }
        let change: f64 = next.iter().zip(&scores).map(|(a, b)| (a - b).abs()).sum();
        scores = next;
        if change < TOLERANCE {
            break;
        }
    }
    scores
}

/// Sentence indices of `nodes`, most central first (ties: earlier sentence first).
pub fn ranked(nodes: &[usize], centrality: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by(|&a, &b| descending(centrality[a], centrality[b]).then(a.cmp(&b)));
    order.into_iter().map(|i| nodes[i]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hub_of_a_star_is_most_central_and_scores_sum_to_one() {
        let edges = edges(&[0, 1, 2, 3], |a, b| if a == 0 || b == 0 { 1.0 } else { 0.0 });
        let scores = centrality(&edges);
        assert!((scores.iter().sum::<f64>() - 1.0).abs() < 1e-6);
        assert!(scores[1..].iter().all(|&s| s < scores[0]));
        assert_eq!(ranked(&[10, 11, 12, 13], &scores)[0], 10);
    }

    #[test]
    fn a_huge_cluster_keeps_its_eligible_sentences_in_the_graph() {
        // 600 headlines made of the cluster's commonest words sit nearest the centroid; the body
        // sentences, further off, must still be in the graph, or nothing could be chosen.
        let headlines = vec!["#gas plant siege hostages"; GRAPH_LIMIT + 100].join(". ");
        let c = crate::test_corpus::corpus(&[&headlines, "militants seized the gas plant near amenas on wednesday"]);
        let nodes = nodes(&c, &Vectors::new(&c));
        assert_eq!(nodes.len(), GRAPH_LIMIT);
        assert!(nodes.contains(&(GRAPH_LIMIT + 100)), "the body sentence is a node");
    }

    #[test]
    fn isolated_nodes_share_evenly() {
        let scores = centrality(&[Vec::new(), Vec::new()]);
        assert!((scores[0] - 0.5).abs() < 1e-9 && (scores[1] - 0.5).abs() < 1e-9);
    }
}
