//! The cluster's unigram distribution over content terms, which SumBasic and KL-Sum start from.

use chorus_core::{Corpus, TermId};
use rustc_hash::FxHashMap as HashMap;

/// Probability of each content term: its count over all sentences divided by the total count.
pub fn distribution(corpus: &Corpus) -> HashMap<TermId, f64> {
    let mut counts: HashMap<TermId, f64> = HashMap::default();
    for term in corpus.sentences.iter().flat_map(|s| s.terms.iter()) {
        *counts.entry(*term).or_default() += 1.0;
    }
    let total: f64 = counts.values().sum();
    counts.values_mut().for_each(|count| *count /= total);
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_corpus::corpus;

    #[test]
    fn probabilities_are_relative_counts() {
        let c = corpus(&["storm storm coast. storm town"]);
        let p = distribution(&c);
        let storm = c.vocabulary.iter().position(|w| w == "storm").map(|i| i as TermId);
        assert_eq!(storm.and_then(|t| p.get(&t)).copied(), Some(0.6));
        assert!((p.values().sum::<f64>() - 1.0).abs() < 1e-12);
    }
}
