//! MEAD's centroid method (Radev, Jing, Styś & Tam 2004): a sentence is worth the centroid
//! weights of its words, plus a bonus for coming early in its report and for sharing words with
//! the report's first sentence.

use crate::classic;
use crate::selection::{descending, in_order};
use crate::vectors::{sentence_idf, Vectors};
use crate::Method;
use chorus_core::{Budget, Corpus, TermId};
use rustc_hash::FxHashMap as HashMap;

/// MEAD's centroid method.
pub struct Centroid;

/// How many of the highest-weighted terms make up the centroid. MEAD keeps only the words whose
/// centroid weight passes a threshold, so that the score measures topicality rather than length;
/// a fixed count does the same without depending on the scale of the idf table.
const CENTROID_TERMS: usize = 100;

/// Weights of the centroid, position and first-sentence features: MEAD's equal weighting.
const CENTROID_WEIGHT: f64 = 1.0;
const POSITION_WEIGHT: f64 = 1.0;
const FIRST_SENTENCE_WEIGHT: f64 = 1.0;

impl Method for Centroid {
    fn name(&self) -> &'static str {
        "centroid"
    }

    fn description(&self) -> &'static str {
        "MEAD: centroid (mean tf·idf) words, position in the report, overlap with its first sentence"
    }

    fn reference(&self) -> &'static str {
        "Radev, Jing, Styś & Tam 2004, Information Processing and Management"
    }

    /// Score = C + P + F, where C sums the centroid weight (mean count per report × sentence idf,
    /// see `Vectors::with_sentence_idf`: MEAD's idf came from a background corpus, which also
    /// keeps the event's own words; the cluster's document idf zeroes them) of the
    /// sentence's terms, P = C_max·(n − i)/n for the sentence at position i of n in its report
    /// (C_max = best C in that report), and F is the inner product of the normalised tf·idf
    /// vectors of the sentence and its report's first sentence (MEAD's SimWithFirst, in [0, 1]).
    /// MEAD's redundancy reranker is the shared selection's same-thing filter. Candidates are the
    /// classic DUC pool (`classic`).
    fn select(&self, corpus: &Corpus, budget: &Budget) -> Vec<usize> {
        let centroid = centroid(corpus);
        let content: Vec<f64> = corpus
            .sentences
            .iter()
            .map(|s| s.terms.iter().map(|t| centroid.get(t).copied().unwrap_or(0.0)).sum())
            .collect();
        let vectors = Vectors::new(corpus);
        let weighted = Vectors::with_sentence_idf(corpus);
        let reports = Reports::new(corpus, &content);
        let scores: Vec<f64> = corpus
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let report = &reports.of[&s.doc];
                let position =
                    report.best_content * (report.length - s.position.min(report.length)) as f64 / report.length as f64;
                let first_overlap = f64::from(weighted.cosine(i, report.first));
                CENTROID_WEIGHT * content[i] + POSITION_WEIGHT * position + FIRST_SENTENCE_WEIGHT * first_overlap
            })
            .collect();
        let mut order: Vec<usize> = (0..scores.len()).collect();
        order.sort_by(|&a, &b| descending(scores[a], scores[b]).then(a.cmp(&b)));
        in_order(corpus, &vectors, budget, classic::pool_first(corpus, order))
    }
}

/// The top [`CENTROID_TERMS`] terms by mean count per report × idf.
fn centroid(corpus: &Corpus) -> HashMap<TermId, f64> {
    let mut counts: HashMap<TermId, f64> = HashMap::default();
    for term in corpus.sentences.iter().flat_map(|s| s.terms.iter()) {
        *counts.entry(*term).or_default() += 1.0;
    }
    let reports = corpus.documents.max(1) as f64;
    let idf = sentence_idf(corpus);
    let mut weighted: Vec<(TermId, f64)> = counts
        .into_iter()
        .map(|(t, count)| (t, count / reports * f64::from(idf.get(t as usize).copied().unwrap_or(0.0))))
        .collect();
    weighted.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    weighted.truncate(CENTROID_TERMS);
    weighted.into_iter().collect()
}

/// Per report: its length in sentences, its first sentence, and its best centroid score.
struct Reports {
    of: HashMap<usize, Report>,
}

struct Report {
    length: usize,
    first: usize,
    best_content: f64,
}

impl Reports {
    fn new(corpus: &Corpus, content: &[f64]) -> Self {
        let mut of: HashMap<usize, Report> = HashMap::default();
        for (i, s) in corpus.sentences.iter().enumerate() {
            let report = of.entry(s.doc).or_insert(Report { length: 0, first: i, best_content: 0.0 });
            report.length = report.length.max(s.position + 1);
            if s.position < corpus.sentences[report.first].position {
                report.first = i;
            }
            report.best_content = report.best_content.max(content[i]);
        }
        Reports { of }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_corpus::corpus;

    #[test]
    fn centroid_keeps_the_heaviest_terms_only() {
        let text: Vec<String> = (0..150).map(|i| format!("word{i} word{i}")).collect();
        let c = corpus(&[&format!("{} rare", text.join(" "))]);
        let weights = centroid(&c);
        assert_eq!(weights.len(), CENTROID_TERMS);
        let rare = c.vocabulary.iter().position(|w| w == "rare").map(|t| t as TermId);
        assert!(rare.is_some_and(|t| !weights.contains_key(&t)));
    }

    #[test]
    fn position_and_first_sentence_overlap_lift_the_opening_sentence() {
        // Equal centroid content; the opening sentence gains position and similarity to itself.
        let c = corpus(&["quake shakes city. rain soaks valley"]);
        assert_eq!(Centroid.select(&c, &Budget::words(3)), vec![0]);
    }
}
