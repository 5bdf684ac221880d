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

use crate::Method;

/// Listing order: baselines, then centrality, then redundancy-aware greedy, then optimisers.
pub static ALL: &[&dyn Method] = &[
    &lead::Lead,
    &centroid::Centroid,
    &lexrank::LexRank,
    &textrank::TextRank,
    &mmr::Mmr,
    &sumbasic::SumBasic,
    &klsum::KlSum,
    &concepts::Concepts,
    &submodular::Submodular,
    &learned::Learned,
    &consensus::Consensus,
];
