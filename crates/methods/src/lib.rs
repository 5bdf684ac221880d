//! Extractive summarization methods: each scores the sentences of a [`Corpus`] in its own way and
//! chooses some of them under a [`Budget`].
//!
//! Every method shares the same plumbing, so that they differ only in what the paper they follow
//! says: sentence vectors (`vectors`), the notion of two sentences saying the same thing
//! (`similarity`), the budget-respecting selector (`selection`), lazy greedy maximisation of
//! submodular objectives (`greedy`) and graph centrality (`graph`).
#![deny(missing_docs)]

mod classic;
mod clustering;
pub mod concept;
mod features;
pub mod focus;
mod graph;
mod greedy;
mod linear_model;
mod methods;
pub mod round_robin;
mod selection;
pub mod sentence_scorer;
mod similarity;
mod support;
#[cfg(test)]
mod test_corpus;
mod unigrams;
mod vectors;

use chorus_core::{Budget, Corpus};

pub use linear_model::{LinearModel, ModelError};
pub use methods::{Centroid, Concepts, Consensus, KlSum, Lead, Learned, LexRank, Mmr, Submodular, SumBasic, TextRank};
pub use support::Support;

/// What `chorus train` needs to fit the `learned` method's sentence scorer.
pub mod training {
    pub use crate::features::{sentence_features, FEATURES, FEATURE_NAMES};
}

/// A summarization method: chooses sentences of a corpus under a budget.
pub trait Method: Send + Sync {
    /// Short identifier used on the command line: `"lead"`, `"lexrank"`, …
    fn name(&self) -> &'static str;
    /// One line saying what the method does.
    fn description(&self) -> &'static str;
    /// The paper the method follows.
    fn reference(&self) -> &'static str;
    /// Indices into `corpus.sentences`, in the order the method chose them.
    ///
    /// Every chosen sentence is eligible, no two say the same thing, and together they fit the
    /// budget — except that with `budget.truncate` the last one may overflow it (the caller cuts
    /// it). An empty corpus, or one without eligible sentences, gives an empty choice.
    fn select(&self, corpus: &Corpus, budget: &Budget) -> Vec<usize>;
}

/// The method used when none is asked for. Measured (see README): `consensus` is the only method
/// near the top on both kinds of input — best on the full-length, cased TAC 2011 reports at 250
/// words and within 0.2 ROUGE-1 of `lead` at 100, while 0.3 ahead of `lead` on Multi-News, where
/// `learned` (0.4 ahead of it) falls far behind `lead` on TAC. Its concept coverage is what
/// DUC-style clusters reward, where lead baselines are weak.
pub const DEFAULT_METHOD: &str = "consensus";

/// Why [`method`] found no method to run.
#[derive(Debug, Clone, thiserror::Error)]
pub enum MethodError {
    /// No method has that name.
    #[error("unknown method '{name}'{}; `chorus methods` lists them", suggestion.map(|s| format!(" (did you mean '{s}'?)")).unwrap_or_default())]
    Unknown {
        /// The name asked for.
        name: String,
        /// The closest name, when one is close enough to be a typo.
        suggestion: Option<&'static str>,
    },
    /// The method needs the bundled model, which does not load.
    #[error("method '{name}' cannot run: its bundled model does not load: {error}")]
    Model {
        /// The method's name.
        name: &'static str,
        /// Why the model does not load.
        error: ModelError,
    },
}

/// All built-in methods that can run, from the simplest baseline to the strongest optimisers.
pub fn methods() -> &'static [Box<dyn Method>] {
    &methods::registry().available
}

/// The built-in method called `name`.
pub fn method(name: &str) -> Result<&'static dyn Method, MethodError> {
    let registry = methods::registry();
    if let Some(found) = registry.available.iter().find(|m| m.name() == name) {
        return Ok(found.as_ref());
    }
    if let Some(&(name, error)) = registry.unavailable.iter().find(|(n, _)| *n == name) {
        return Err(MethodError::Model { name, error: error.clone() });
    }
    let names = registry.available.iter().map(|m| m.name()).chain(registry.unavailable.iter().map(|(n, _)| *n));
    Err(MethodError::Unknown { name: name.to_owned(), suggestion: closest(name, names) })
}

/// The name within two edits of `typed` (and closer than half its length), if any: a typo, not a
/// different word.
fn closest(typed: &str, names: impl Iterator<Item = &'static str>) -> Option<&'static str> {
    let typed = typed.to_lowercase();
    names
        .map(|name| (edit_distance(&typed, name), name))
        .filter(|&(distance, _)| distance <= 2 && distance * 2 < typed.chars().count().max(1))
        .min()
        .map(|(_, name)| name)
}

/// Levenshtein distance over chars, one row at a time.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_method_is_found_by_its_unique_name() {
        let names: HashSet<_> = methods().iter().map(|m| m.name()).collect();
        assert_eq!(names.len(), methods().len());
        for m in methods() {
            assert_eq!(method(m.name()).map(|found| found.name()).ok(), Some(m.name()));
            assert!(!m.description().is_empty() && !m.reference().is_empty());
        }
        assert!(matches!(method("no-such-method"), Err(MethodError::Unknown { suggestion: None, .. })));
    }

    #[test]
    fn a_typo_gets_a_suggestion_and_another_word_does_not() {
        let Err(error) = method("lexrnak") else { panic!("a typo is not a method") };
        assert!(matches!(error, MethodError::Unknown { suggestion: Some("lexrank"), .. }), "{error:?}");
        assert!(error.to_string().contains("did you mean 'lexrank'?"), "{error}");
        assert!(matches!(method("Consensus"), Err(MethodError::Unknown { suggestion: Some("consensus"), .. })));
        assert!(matches!(method("bm25"), Err(MethodError::Unknown { suggestion: None, .. })));
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn default_method_exists() {
        assert!(method(DEFAULT_METHOD).is_ok());
    }
}
