//! The brief as JSON, in proportion to the brief: every sentence and document, but only the
//! figure groups a reader needs (those the brief's sentences give a value of or that changed since
//! the seen reports, then the other disputed ones, then the rest, at most [`MAX_GROUPS`]), each
//! value with at most [`MAX_CLAIMS_PER_VALUE`] of its claims and [`MAX_PER_VALUE`] of its
//! reports, and only the claims those name. A report of 100 MB has millions of numbers; listing
//! them all made a 100-word brief 300 MB of JSON.
//! `figures_total` and `claims_total` say how many there were.

use crate::{Brief, BriefSentence, CitedClaim, DocumentInfo, FigureUpdate, Timings};
use chorus_core::Budget;
use chorus_figures::FigureGroup;
use serde::Serialize;
use std::collections::HashMap;

/// Figure groups listed at most.
pub(crate) const MAX_GROUPS: usize = 50;
/// Reports listed at most per value of a group.
pub(crate) const MAX_PER_VALUE: usize = 20;
/// Claims (mentions, each with its spans) listed at most per value: enough to check the value at
/// its sources; with every group's values this bounds the claims listed to a few hundred.
pub(crate) const MAX_CLAIMS_PER_VALUE: usize = 3;

/// The JSON schema of the README: `Brief`'s fields, with the figures trimmed as above.
#[derive(Serialize)]
struct View<'a> {
    id: &'a str,
    method: &'a str,
    budget: &'a Budget,
    query: Option<&'a str>,
    summary: &'a str,
    words: usize,
    sentences: Vec<BriefSentence>,
    documents: &'a [DocumentInfo],
    figures: Vec<FigureGroup>,
    figures_total: usize,
    claims: Vec<&'a CitedClaim>,
    claims_total: usize,
    updates: Vec<FigureUpdate>,
    timings: &'a Timings,
}

pub fn render(brief: &Brief) -> String {
    // Groups by need: given by a sentence of the brief or updated, disputed, then the rest.
    let cited: Vec<usize> = brief
        .sentences
        .iter()
        .flat_map(|s| s.disputed.iter().copied())
        .chain(brief.updates.iter().map(|u| u.group))
        .collect();
    let mut order: Vec<usize> = (0..brief.figures.len()).collect();
    order.sort_by_key(|&g| (!cited.contains(&g), !brief.figures[g].is_disputed(), g));
    order.truncate(MAX_GROUPS);
    order.sort_unstable();
    let new_group: HashMap<usize, usize> = order.iter().enumerate().map(|(new, &old)| (old, new)).collect();

    let mut new_claim: HashMap<usize, usize> = HashMap::new();
    let mut claims = Vec::new();
    let mut keep = |old: usize| -> usize {
        *new_claim.entry(old).or_insert_with(|| {
            claims.push(&brief.claims[old]);
            claims.len() - 1
        })
    };
    let figures: Vec<FigureGroup> = order
        .iter()
        .map(|&g| {
            let mut group = brief.figures[g].clone();
            for value in &mut group.values {
                value.claims.truncate(MAX_CLAIMS_PER_VALUE);
                value.docs.truncate(MAX_PER_VALUE);
                value.claims = value.claims.iter().map(|&c| keep(c)).collect();
            }
            let listed: Vec<usize> = group.values.iter().flat_map(|v| v.claims.iter().copied()).collect();
            group.claims = listed;
            group
        })
        .collect();
    let sentences = brief
        .sentences
        .iter()
        .map(|s| BriefSentence {
            disputed: s.disputed.iter().filter_map(|g| new_group.get(g).copied()).collect(),
            ..s.clone()
        })
        .collect();
    let view = View {
        id: &brief.id,
        method: &brief.method,
        budget: &brief.budget,
        query: brief.query.as_deref(),
        summary: &brief.summary,
        words: brief.words,
        sentences,
        documents: &brief.documents,
        figures,
        figures_total: brief.figures.len(),
        claims,
        claims_total: brief.claims.len(),
        updates: brief
            .updates
            .iter()
            .filter_map(|u| Some(FigureUpdate { group: *new_group.get(&u.group)?, ..u.clone() }))
            .collect(),
        timings: &brief.timings,
    };
    // The view holds only strings, numbers and plain containers: serialising it cannot fail.
    serde_json::to_string_pretty(&view).expect("a brief serialises to JSON")
}
