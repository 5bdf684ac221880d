//! The learned sentence scorer: a linear model over cheap features (the `features` module) that
//! predicts how much of each sentence a reference summary would contain. The `learned` method
//! ranks by it; `consensus` adds it to concept coverage.

use crate::features::feature_rows;
use crate::linear_model::{LinearModel, ModelError};
use crate::vectors::Vectors;
use chorus_core::Corpus;
use std::sync::OnceLock;

/// The model `chorus train` fitted on the Multi-News training split (see the crate README:
/// derived from Multi-News, for research use only).
const BUNDLED_MODEL: &str = include_str!("../models/sentence-scorer.tsv");

/// Scores sentences with a fitted [`LinearModel`].
#[derive(Debug, Clone)]
pub struct SentenceScorer {
    model: LinearModel,
}

impl SentenceScorer {
    /// A scorer with a model of the caller's (for example one written by `chorus train` and read
    /// with [`LinearModel::parse`]).
    pub fn new(model: LinearModel) -> Self {
        SentenceScorer { model }
    }

    /// The scorer of the bundled model, parsed once. A model that does not parse is an error
    /// for every method that needs it, never a silent fall-back to reading order.
    pub fn bundled() -> Result<&'static SentenceScorer, &'static ModelError> {
        static BUNDLED: OnceLock<Result<SentenceScorer, ModelError>> = OnceLock::new();
        BUNDLED.get_or_init(|| LinearModel::parse(BUNDLED_MODEL).map(SentenceScorer::new)).as_ref()
    }

    /// The model's score of every sentence of `corpus`.
    pub(crate) fn scores(&self, corpus: &Corpus, vectors: &Vectors) -> Vec<f64> {
        feature_rows(corpus, vectors).map(|row| self.model.score(&row)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_model_parses() {
        assert!(SentenceScorer::bundled().is_ok());
    }
}
