//! Continuous LexRank (Erkan & Radev 2004): a sentence is central when sentences similar to it
//! are themselves central — PageRank over the tf·idf cosine graph.

use crate::graph::{centrality, edges, nodes, ranked};
use crate::selection::in_order;
use crate::vectors::Vectors;
use crate::Method;
use chorus_core::{Budget, Corpus};

/// Continuous LexRank.
pub struct LexRank;

impl Method for LexRank {
    fn name(&self) -> &'static str {
        "lexrank"
    }

    fn description(&self) -> &'static str {
        "continuous LexRank: PageRank over the tf·idf cosine similarity graph of sentences"
    }

    fn reference(&self) -> &'static str {
        "Erkan & Radev 2004, Journal of Artificial Intelligence Research"
    }

    /// Edges weighted by idf-modified cosine, no threshold (the continuous variant), damping
    /// 0.15, ε = 10⁻⁴. Every sentence with content votes; only eligible ones are chosen. The
    /// graph is limited to the `GRAPH_LIMIT` (500) sentences nearest the centroid.
    fn select(&self, corpus: &Corpus, budget: &Budget) -> Vec<usize> {
        let vectors = Vectors::new(corpus);
        let nodes = nodes(corpus, &vectors);
        let graph = edges(&nodes, |a, b| f64::from(vectors.cosine(a, b)));
        in_order(corpus, &vectors, budget, ranked(&nodes, &centrality(&graph)))
    }
}
