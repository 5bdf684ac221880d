//! The figures stage: every quantitative claim of a prepared cluster, grouped across reports,
//! each claim cited by its bytes in its report.

use crate::brief::{Change, CitedClaim, DocumentInfo, FigureReport, FigureUpdate};
use crate::prepared::{micros, Prepared};
use chorus_core::Document;
use chorus_figures::{Claim, FigureGroup};
use std::time::Instant;

/// The figure groups of a cluster, and which sentences carry a disputed one.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    /// Every group, disputed or not.
    pub groups: Vec<FigureGroup>,
    /// Every claim, with its span; the groups index into it.
    pub claims: Vec<CitedClaim>,
    /// (sentence index, group index) for every claim in a disputed group the brief shows
    /// (`FigureGroup::is_shown`).
    pub disputed: Vec<(usize, usize)>,
    /// The groups whose value changed since the seen reports.
    pub updates: Vec<FigureUpdate>,
    /// Microseconds the stage took.
    pub figures_us: u64,
}

/// Finds and groups the figures of a prepared cluster.
pub fn figures(prepared: &Prepared) -> Figures {
    let clock = Instant::now();
    let claims = chorus_figures::extract(&prepared.corpus, prepared.cluster.documents());
    let groups = chorus_figures::group(&claims);
    let disputed = disputed_sentences(&claims, &groups);
    let updates = updates(&claims, &groups, prepared.cluster.documents());
    let claims = cite_claims(prepared, claims);
    Figures { groups, claims, disputed, updates, figures_us: micros(clock) }
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
        .filter(|(_, g)| g.is_shown())
        .flat_map(|(i, g)| g.claims.iter().map(move |&c| (claims[c].sentence, i)))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The groups that seen reports give one value of and new reports another, never given by a
/// seen report: the figure changed since the reader last read.
fn updates(claims: &[Claim], groups: &[FigureGroup], documents: &[Document]) -> Vec<FigureUpdate> {
    let is_seen = |claim: usize| documents.get(claims[claim].doc_index).is_some_and(|d| d.seen);
    groups
        .iter()
        .enumerate()
        .filter_map(|(group, g)| {
            let (mut earlier, now): (Vec<usize>, Vec<usize>) =
                (0..g.values.len()).partition(|&v| g.values[v].claims.iter().any(|&c| is_seen(c)));
            let &last_now = now.last()?;
            // A count is compared with the last earlier count, not with `several`.
            let exact = |v: &usize| g.values[*v].value.exact().is_some();
            if let Some(compared) = earlier.iter().rposition(exact).filter(|_| exact(&last_now)) {
                let value = earlier.remove(compared);
                earlier.push(value);
            }
            let &last_earlier = earlier.last()?;
            let change = match (g.values[last_now].value.exact(), g.values[last_earlier].value.exact()) {
                (Some(new), Some(old)) if new > old => Change::Up,
                (Some(new), Some(old)) if new < old => Change::Down,
                _ => Change::Changed,
            };
            Some(FigureUpdate { group, now, earlier, change })
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{prepare, render, Brief, Budget, Format, Summarizer};
    use chorus_core::{Cluster, Document};

    fn thursday_then_saturday() -> Cluster {
        let mut cluster = Cluster {
            id: "siege".into(),
            documents: vec![Document::new(
                "saturday",
                "Gunmen killed 23 hostages at the gas plant, the interior ministry said on Saturday.\n",
            )],
            ..Default::default()
        };
        cluster.add_seen([Document::new(
            "thursday",
            "Gunmen killed seven hostages at the gas plant, officials said on Thursday.\n",
        )]);
        cluster
    }

    #[test]
    fn a_count_that_rose_since_the_seen_reports_is_an_update_citing_both() {
        let figures = figures(&prepare(thursday_then_saturday()).expect("prepared"));
        let [update] = figures.updates.as_slice() else { panic!("one update: {:?}", figures.updates) };
        assert_eq!(update.change, Change::Up);
        let group = &figures.groups[update.group];
        assert_eq!(group.values[update.now[0]].docs, vec!["saturday".to_owned()]);
        assert_eq!(group.values[update.earlier[0]].docs, vec!["thursday".to_owned()]);
        let brief = Summarizer::new("lead", Budget::words(50))
            .expect("valid")
            .summarize(thursday_then_saturday())
            .expect("brief");
        let text = render(&brief, Format::Text);
        assert!(
            text.contains("hostage killed: 23 (the interior ministry said), Saturday [2], up from seven"),
            "{text}"
        );
        assert!(text.contains("[1] thursday — seen"), "{text}");
        assert!(brief.summary.starts_with("Gunmen killed 23"), "{}", brief.summary);
    }

    #[test]
    fn without_seen_reports_there_are_no_updates() {
        let mut cluster = thursday_then_saturday();
        cluster.documents.iter_mut().for_each(|d| d.seen = false);
        let prepared = prepare(cluster).expect("prepared");
        assert!(figures(&prepared).updates.is_empty());
        let selection = crate::select(&prepared, chorus_methods::method("lead").expect("lead"), Budget::words(50));
        let brief = Brief::assemble(&prepared, selection.expect("selection"), figures(&prepared)).expect("brief");
        assert!(brief.updates.is_empty() && brief.documents.iter().all(|d| !d.seen));
    }
}
