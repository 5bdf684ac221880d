//! TextRank for sentences (Mihalcea & Tarau 2004): PageRank over a graph whose edges count the
//! words two sentences share, normalised by their lengths.

use crate::classic;
use crate::graph::{centrality, edges, nodes, ranked};
use crate::selection::in_order;
use crate::vectors::Vectors;
use crate::Method;
use chorus_core::{Budget, Corpus, Sentence, TermId};

/// TextRank over word overlap.
pub struct TextRank;

impl Method for TextRank {
    fn name(&self) -> &'static str {
        "textrank"
    }

    fn description(&self) -> &'static str {
        "TextRank: PageRank over sentence word overlap normalised by log sentence lengths"
    }

    fn reference(&self) -> &'static str {
        "Mihalcea & Tarau 2004, EMNLP"
    }

    /// Similarity |Sᵢ ∩ Sⱼ| / (log|Sᵢ| + log|Sⱼ|) over content terms, damping 0.85, threshold
    /// 10⁻⁴. The graph is limited to the `GRAPH_LIMIT` (500) sentences nearest the
    /// tf·idf centroid; only the classic DUC pool (`classic`) is chosen from.
    fn select(&self, corpus: &Corpus, budget: &Budget) -> Vec<usize> {
        let vectors = Vectors::new(corpus);
        let nodes = nodes(corpus, &vectors);
        let words: Vec<Words> = corpus.sentences.iter().map(Words::of).collect();
        let graph = edges(&nodes, |a, b| overlap(&words[a], &words[b]));
        // Sentences outside the graph (no weighted term) come last, so a brief is never empty
        // while an eligible sentence fits.
        let order = ranked(&nodes, &centrality(&graph)).into_iter().chain(0..corpus.sentences.len());
        in_order(corpus, &vectors, budget, classic::pool_first(corpus, order))
    }
}

/// A sentence as TextRank sees it: its length in content terms and its distinct terms, sorted.
struct Words {
    length: usize,
    distinct: Vec<TermId>,
}

impl Words {
    fn of(sentence: &Sentence) -> Self {
        let mut distinct = sentence.terms.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        Words { length: sentence.terms.len(), distinct }
    }
}

/// TextRank's similarity. Sentences whose log lengths sum to zero (one term each) have no edge:
/// the formula is undefined there and such sentences say too little to be central.
fn overlap(a: &Words, b: &Words) -> f64 {
    let norm = (a.length as f64).ln() + (b.length as f64).ln();
    if norm <= 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.distinct.len() && j < b.distinct.len() {
        match a.distinct[i].cmp(&b.distinct[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / norm
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_corpus::corpus;

    #[test]
    fn overlap_counts_shared_words_over_log_lengths() {
        let c = corpus(&["storm hits coast hard. storm hits town. rain"]);
        let expected = 2.0 / (4f64.ln() + 3f64.ln());
        let words: Vec<Words> = c.sentences.iter().map(Words::of).collect();
        assert!((overlap(&words[0], &words[1]) - expected).abs() < 1e-12);
        assert_eq!(overlap(&words[2], &words[2]), 0.0);
    }
}
