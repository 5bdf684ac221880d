//! One file per method; each follows its paper and says which parameters it uses.

mod centroid;
mod concepts;
mod consensus;
mod klsum;
mod lead;
mod learned;
mod lexrank;
mod mmr;
mod submodular;
mod sumbasic;
mod textrank;

pub use centroid::Centroid;
pub use concepts::Concepts;
pub use consensus::Consensus;
pub use klsum::KlSum;
pub use lead::Lead;
pub use learned::Learned;
pub use lexrank::LexRank;
pub use mmr::Mmr;
pub use submodular::Submodular;
pub use sumbasic::SumBasic;
pub use textrank::TextRank;

use crate::linear_model::ModelError;
use crate::sentence_scorer::SentenceScorer;
use crate::Method;
use std::sync::OnceLock;

/// The built-in methods, built once: those that need the bundled model are in `unavailable`,
/// with the reason, if it does not load.
pub(crate) struct Registry {
    pub(crate) available: Vec<Box<dyn Method>>,
    pub(crate) unavailable: Vec<(&'static str, &'static ModelError)>,
}

/// Listing order: baselines, then centrality, then redundancy-aware greedy, then optimisers.
pub(crate) fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let mut available: Vec<Box<dyn Method>> = vec![
            Box::new(Lead),
            Box::new(Centroid),
            Box::new(LexRank),
            Box::new(TextRank),
            Box::new(Mmr),
            Box::new(SumBasic),
            Box::new(KlSum),
            Box::new(Concepts),
            Box::new(Submodular),
        ];
        let mut unavailable = Vec::new();
        match SentenceScorer::bundled() {
            Ok(scorer) => {
                available.push(Box::new(Learned::new(scorer.clone())));
                available.push(Box::new(Consensus::new(scorer.clone())));
            }
            Err(error) => unavailable.extend([("learned", error), ("consensus", error)]),
        }
        Registry { available, unavailable }
    })
}
