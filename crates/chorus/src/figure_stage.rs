//! The figures stage: every quantitative claim of a prepared cluster, grouped across reports,
//! each claim cited by its bytes in its report.

use crate::brief::{CitedClaim, DocumentInfo, FigureReport};
use crate::prepared::{micros, Prepared};
use chorus_figures::{Claim, FigureGroup};
use std::time::Instant;

/// The figure groups of a cluster, and which sentences carry a disputed one.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    /// Every group, disputed or not.
    pub groups: Vec<FigureGroup>,
    /// Every claim, with its span; the groups index into it.
    pub claims: Vec<CitedClaim>,
    /// (sentence index, group index) for every claim in a disputed group.
    pub disputed: Vec<(usize, usize)>,
    /// Microseconds the stage took.
    pub figures_us: u64,
}

/// Finds and groups the figures of a prepared cluster.
pub fn figures(prepared: &Prepared) -> Figures {
    let clock = Instant::now();
    let claims = chorus_figures::extract(&prepared.corpus, prepared.cluster.documents());
    let groups = chorus_figures::group(&claims);
    let disputed = disputed_sentences(&claims, &groups);
    let claims = cite_claims(prepared, claims);
    Figures { groups, claims, disputed, figures_us: micros(clock) }
}

impl FigureReport {
    /// The figures of a cluster on their own, as `chorus figures` prints them.
    pub fn new(prepared: &Prepared, figures: Figures) -> FigureReport {
        FigureReport {
            id: prepared.id().to_owned(),
            groups: figures.groups,
            claims: figures.claims,
            documents: DocumentInfo::of(prepared),
        }
    }
}

fn disputed_sentences(claims: &[Claim], groups: &[FigureGroup]) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(usize, usize)> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.is_disputed())
        .flat_map(|(i, g)| g.claims.iter().map(move |&c| (claims[c].sentence, i)))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Maps each claim's range, relative to its sentence, to its document's original text.
fn cite_claims(prepared: &Prepared, claims: Vec<Claim>) -> Vec<CitedClaim> {
    let documents = prepared.cluster.documents();
    claims
        .into_iter()
        .map(|claim| {
            let sentence = &prepared.corpus.sentences[claim.sentence];
            let start = sentence.clean.start + claim.claim_range.start;
            let end = sentence.clean.start + claim.claim_range.end;
            let span = documents[sentence.doc].clean.original_span(start..end);
            CitedClaim { claim, start: span.start, end: span.end }
        })
        .collect()
}
