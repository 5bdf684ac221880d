//! The brief as JSON, in proportion to the brief: every sentence and document, but only the
//! figure groups a reader needs (those the brief's sentences give a value of or that changed since
//! the seen reports, then the other disputed ones, then the rest, at most [`MAX_GROUPS`]), each
//! with at most [`MAX_VALUES`] of its values, each value with at most [`MAX_CLAIMS_PER_VALUE`] of
//! its claims and [`MAX_PER_VALUE`] of its reports, attributions and days, and only the claims
//! those name. A report of 100 MB has millions of numbers; listing them all made a 100-word brief
//! 300 MB of JSON. A sentence lists at most [`MAX_PER_VALUE`] supporting reports: a cluster of
//! thousands of reports that all say it would otherwise list them all.
//! `figures_total` and `claims_total` say how many there were; `values_total` (of a group) and
//! `support_total` (of a sentence) are there only when the list was cut.

use crate::{Brief, BriefSentence, CitedClaim, DocumentInfo, FigureUpdate, Timings};
use chorus_core::Budget;
use chorus_figures::FigureGroup;
use serde::Serialize;
use std::collections::HashMap;

/// Figure groups listed at most.
pub(crate) const MAX_GROUPS: usize = 50;
/// Reports (and attributions, and days) listed at most per value of a group, and supporting
/// reports per sentence.
pub(crate) const MAX_PER_VALUE: usize = 20;
/// Values listed at most per group: a group whose reports give more than this many different
/// values is a dispute no reader resolves value by value. The example and the TAC 2011 and
/// DUC 2006 clusters have at most 5.
pub(crate) const MAX_VALUES: usize = 10;
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
    sentences: Vec<SentenceView>,
    documents: &'a [DocumentInfo],
    figures: Vec<GroupView>,
    figures_total: usize,
    claims: Vec<&'a CitedClaim>,
    claims_total: usize,
    updates: Vec<FigureUpdate>,
    timings: &'a Timings,
}

/// A sentence, with how many reports support it when not all are listed.
#[derive(Serialize)]
struct SentenceView {
    #[serde(flatten)]
    sentence: BriefSentence,
    #[serde(skip_serializing_if = "Option::is_none")]
    support_total: Option<usize>,
}

/// A figure group, with how many values it has when not all are listed.
#[derive(Serialize)]
struct GroupView {
    #[serde(flatten)]
    group: FigureGroup,
    #[serde(skip_serializing_if = "Option::is_none")]
    values_total: Option<usize>,
}

/// `Some(total)` when a list of `total` items is cut to `max`.
fn total_if_cut(total: usize, max: usize) -> Option<usize> {
    (total > max).then_some(total)
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
    let figures: Vec<GroupView> = order
        .iter()
        .map(|&g| {
            let mut group = brief.figures[g].clone();
            let values_total = total_if_cut(group.values.len(), MAX_VALUES);
            group.values.truncate(MAX_VALUES);
            for value in &mut group.values {
                value.claims.truncate(MAX_CLAIMS_PER_VALUE);
                value.docs.truncate(MAX_PER_VALUE);
                value.attributions.truncate(MAX_PER_VALUE);
                value.days.truncate(MAX_PER_VALUE);
                value.claims = value.claims.iter().map(|&c| keep(c)).collect();
            }
            let listed: Vec<usize> = group.values.iter().flat_map(|v| v.claims.iter().copied()).collect();
            group.claims = listed;
            GroupView { group, values_total }
        })
        .collect();
    let sentences = brief
        .sentences
        .iter()
        .map(|s| SentenceView {
            sentence: BriefSentence {
                support: s.support.iter().take(MAX_PER_VALUE).cloned().collect(),
                disputed: s.disputed.iter().filter_map(|g| new_group.get(g).copied()).collect(),
                ..s.clone()
            },
            support_total: total_if_cut(s.support.len(), MAX_PER_VALUE),
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
