//! Scores found groups against labels of every figure group of a cluster (the issue 13 format,
//! `tests/labels/dev2026/README.md`, "How to score").
//!
//! A labelled group is a set of (canonical value, report) pairs and of mentions (report, byte
//! range in the raw document). A found group matches a labelled one of the same kind when their
//! pairs overlap by at least half (Jaccard ≥ 0.5), one to one, best overlap first. From the
//! matching: recall over the story's groups (context groups left out), right verdicts among the
//! matched, forbidden pairings (one found group holding both sides of a `must_not_pair` entry,
//! by pairs or by mentions) and the precision of the disputes shown.

use super::LabelSet;
use crate::event::Event;
use crate::group::FigureGroup;
use crate::measure::Unit;
use crate::number::Value;
use crate::verdict::Verdict;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One labelled figure group.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StoryGroup {
    /// Unique in its file; `must_not_pair` names groups by it.
    pub id: String,
    /// What happened to the counted things, when the label names one of the closed set.
    pub event: Option<Event>,
    /// The kind of measure (`depth`, `speed`, `money`, …); none for a count.
    pub measure: Option<String>,
    /// The unit the group is stated in (measures).
    pub unit: Option<String>,
    /// `agree`, `consistent`, `one_report`, `disagree` or `updated`.
    pub verdict: String,
    /// Other verdicts a careful reader could defend.
    #[serde(default)]
    pub also: Vec<String>,
    /// A figure of another incident or whole: named by `must_not_pair`, left out of recall.
    #[serde(default)]
    pub context: bool,
    /// The values the reports give.
    pub values: Vec<StoryValue>,
}

/// One way a labelled figure is written.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StoryValue {
    /// The number (the lower end of a range).
    pub value: f64,
    /// The figure as written; its byte length bounds each mention.
    pub text: String,
    /// The unit as written, when it differs from the group's.
    pub unit: Option<String>,
    /// `Document::id` of each report giving it.
    pub docs: Vec<String>,
    /// For each of `docs`, the byte offset of `text` in the raw document.
    #[serde(default)]
    pub at: Vec<usize>,
}

/// Two labelled groups that are different quantities.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct MustNotPair {
    /// One group's id.
    pub a: String,
    /// The other group's id.
    pub b: String,
}

/// A found group as the scorer sees it: the group and where each of its claims' numbers starts.
pub struct Found<'a> {
    /// The group as found.
    pub group: &'a FigureGroup,
    /// (`Document::id`, byte offset of the number in the raw document) of each claim of the group.
    pub numbers: Vec<(&'a str, usize)>,
}

/// Counts behind the issue 13 measures; add (`+`) them over clusters for a micro average.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct StoryScore {
    /// Labelled story groups (not context), and how many a found group matches.
    pub groups: usize,
    /// Labelled groups a found group matches.
    pub matched: usize,
    /// Matched groups whose found verdict is the label's or one of its `also`.
    pub right: usize,
    /// Labelled counts (not measures).
    pub counts: usize,
    /// Of those, matched.
    pub counts_matched: usize,
    /// Counts whose label names an event of the closed set.
    pub with_event: usize,
    /// Of those, matched.
    pub with_event_matched: usize,
    /// Labelled measures (with units).
    pub measures: usize,
    /// Of those, matched.
    pub measures_matched: usize,
    /// Labelled groups with verdict `disagree` or `updated`.
    pub disputed: usize,
    /// Of those, matched.
    pub disputed_matched: usize,
    /// `must_not_pair` entries, and those a found group violates.
    pub pairs: usize,
    /// `must_not_pair` entries a found group violates.
    pub violated: usize,
    /// Found disputed groups (unmatched ones not counted on incomplete files), and those that
    /// match a labelled dispute.
    pub shown: usize,
    /// Of those, the ones matching a labelled dispute.
    pub shown_right: usize,
    /// `a/b` of each violated entry, for the report.
    pub violations: Vec<String>,
    /// `id: found verdict` of each matched group whose verdict is wrong, for the report.
    pub wrong_verdicts: Vec<String>,
    /// The id of each labelled story group no found group matches, for the report.
    pub missed: Vec<String>,
}

impl std::ops::Add for StoryScore {
    type Output = StoryScore;

    fn add(mut self, other: StoryScore) -> StoryScore {
        self.groups += other.groups;
        self.matched += other.matched;
        self.right += other.right;
        self.counts += other.counts;
        self.counts_matched += other.counts_matched;
        self.with_event += other.with_event;
        self.with_event_matched += other.with_event_matched;
        self.measures += other.measures;
        self.measures_matched += other.measures_matched;
        self.disputed += other.disputed;
        self.disputed_matched += other.disputed_matched;
        self.pairs += other.pairs;
        self.violated += other.violated;
        self.shown += other.shown;
        self.shown_right += other.shown_right;
        self.violations.extend(other.violations);
        self.wrong_verdicts.extend(other.wrong_verdicts);
        self.missed.extend(other.missed);
        self
    }
}

impl std::iter::Sum for StoryScore {
    fn sum<I: Iterator<Item = StoryScore>>(scores: I) -> StoryScore {
        scores.fold(StoryScore::default(), |total, score| total + score)
    }
}

impl std::fmt::Display for StoryScore {
    /// The four measures of the issue on one line each.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ratio = |a: usize, b: usize| {
            if b == 0 {
                format!("{a}/0")
            } else {
                format!("{a}/{b} = {:.3}", a as f64 / b as f64)
            }
        };
        writeln!(
            f,
            "recall {}: counts {} (with an event of the closed set {}), measures {}, disputed groups {}",
            ratio(self.matched, self.groups),
            ratio(self.counts_matched, self.counts),
            ratio(self.with_event_matched, self.with_event),
            ratio(self.measures_matched, self.measures),
            ratio(self.disputed_matched, self.disputed)
        )?;
        writeln!(f, "right verdicts {}", ratio(self.right, self.matched))?;
        writeln!(f, "forbidden pairings {}", ratio(self.violated, self.pairs))?;
        write!(f, "precision of shown disputes {}", ratio(self.shown_right, self.shown))
    }
}

/// A value in thousandths of its group's unit: the README compares values rounded to 0.001.
type Canonical = i64;
type Pair<'a> = (Canonical, &'a str);
/// (report, start, end) of a labelled figure in the raw document.
type Mention<'a> = (&'a str, usize, usize);

/// The dimension of a measure kind whose units convert (`lexicon/units.txt`); the other kinds
/// (money, percent, magnitude, time, age) compare by unit only.
fn dimension(measure: &str) -> Option<&'static str> {
    match measure {
        "depth" | "distance" | "altitude" | "height" | "length" => Some("length"),
        "speed" => Some("speed"),
        "area" => Some("area"),
        "weight" => Some("weight"),
        "duration" => Some("duration"),
        _ => None,
    }
}

/// `amount` of the unit `from` in the unit `to` (codes of `lexicon/units.txt`), when both are
/// known and convert; labels may name units the crate does not read (`clock`, `M-class`).
fn convert(amount: f64, from: &str, to: &str) -> Option<f64> {
    if from == to {
        return Some(amount);
    }
    Unit::named(from)?.convert(amount, Unit::named(to)?)
}

fn thousandths(x: f64) -> Canonical {
    (x * 1000.0).round() as Canonical
}

/// A labelled value in its group's unit.
fn canonical(group: &StoryGroup, value: &StoryValue) -> Canonical {
    let converted = group.measure.as_ref().and_then(|_| {
        let to = group.unit.as_deref()?;
        convert(value.value, value.unit.as_deref().unwrap_or(to), to)
    });
    thousandths(converted.unwrap_or(value.value))
}

fn labelled_pairs(group: &StoryGroup) -> BTreeSet<Pair<'_>> {
    group.values.iter().flat_map(|v| v.docs.iter().map(move |d| (canonical(group, v), d.as_str()))).collect()
}

fn mentions(group: &StoryGroup) -> BTreeSet<Mention<'_>> {
    group
        .values
        .iter()
        .flat_map(|v| v.docs.iter().zip(&v.at).map(move |(d, &at)| (d.as_str(), at, at + v.text.len())))
        .collect()
}

/// The pairs of a found group, its measures converted to the unit of `label` (a measure label's
/// unit; as written otherwise).
fn found_pairs<'a>(found: &Found<'a>, label: &StoryGroup) -> BTreeSet<Pair<'a>> {
    let number = |value: Value| match value {
        Value::Exact(n) => Some(n as f64),
        Value::Amount(amount) => match label.unit.as_deref() {
            Some(to) => convert(amount.value(), amount.unit.code(), to),
            None => Some(amount.value()),
        },
        Value::Vague => None,
    };
    found
        .group
        .values
        .iter()
        .filter_map(|v| number(v.value).map(|n| (thousandths(n), v)))
        .flat_map(|(n, v)| v.docs.iter().map(move |d| (n, d.as_str())))
        .collect()
}

/// Whether a claim of `found` has its number inside one of `spans`.
fn holds<'a>(found: &Found<'_>, spans: impl IntoIterator<Item = &'a Mention<'a>>) -> bool {
    spans
        .into_iter()
        .any(|&(doc, start, end)| found.numbers.iter().any(|&(d, at)| d == doc && (start..end).contains(&at)))
}

/// Whether a found group may stand for a labelled one: same event when the label names one; a
/// count for a count; for a measure, a measure of the same dimension, or of the same unit when
/// the kind does not convert.
fn same_kind(found: &FigureGroup, label: &StoryGroup) -> bool {
    let unit = found.values.iter().find_map(|v| v.value.amount()).map(|a| a.unit);
    let kind = match (&label.measure, unit) {
        (None, None) => true,
        (Some(measure), Some(unit)) => match dimension(measure) {
            Some(dimension) => unit.dimension() == dimension,
            None => label.unit.as_deref() == Some(unit.code()),
        },
        _ => false,
    };
    kind && label.event.is_none_or(|e| found.event == Some(e))
}

/// A found verdict as labels write it.
fn name(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Agree => "agree",
        Verdict::Consistent => "consistent",
        Verdict::OneReport => "one_report",
        Verdict::Disagree => "disagree",
        Verdict::Updated => "updated",
    }
}

fn is_dispute(verdict: &str) -> bool {
    matches!(verdict, "disagree" | "updated")
}

const MIN_OVERLAP: f64 = 0.5;

/// Scores the found groups of one cluster against its labelled groups.
pub fn score(found: &[Found<'_>], labels: &LabelSet) -> StoryScore {
    let groups = &labels.groups;
    let label_sides: Vec<BTreeSet<Pair>> = groups.iter().map(labelled_pairs).collect();
    let label_mentions: Vec<BTreeSet<Mention>> = groups.iter().map(mentions).collect();

    // (J, shared mentions, label, found), best first; then one to one.
    let mut candidates: Vec<(f64, usize, usize, usize)> = Vec::new();
    for (li, label) in groups.iter().enumerate().filter(|(_, g)| !g.context) {
        for (fi, group) in found.iter().enumerate().filter(|(_, f)| same_kind(f.group, label)) {
            let sides = found_pairs(group, label);
            let union = label_sides[li].union(&sides).count();
            let shared = label_sides[li].intersection(&sides).count();
            let j = if union == 0 { 0.0 } else { shared as f64 / union as f64 };
            if j >= MIN_OVERLAP {
                let at = label_mentions[li].iter().filter(|m| holds(group, [*m])).count();
                candidates.push((j, at, li, fi));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3)));
    let mut match_of: Vec<Option<usize>> = vec![None; groups.len()];
    let mut label_of: Vec<Option<usize>> = vec![None; found.len()];
    for (_, _, li, fi) in candidates {
        if match_of[li].is_none() && label_of[fi].is_none() {
            match_of[li] = Some(fi);
            label_of[fi] = Some(li);
        }
    }

    let mut score = StoryScore::default();
    for (li, label) in groups.iter().enumerate().filter(|(_, g)| !g.context) {
        let matched = match_of[li];
        let hit = usize::from(matched.is_some());
        score.groups += 1;
        score.matched += hit;
        if label.measure.is_some() {
            score.measures += 1;
            score.measures_matched += hit;
        } else {
            score.counts += 1;
            score.counts_matched += hit;
        }
        if label.event.is_some() {
            score.with_event += 1;
            score.with_event_matched += hit;
        }
        if is_dispute(&label.verdict) {
            score.disputed += 1;
            score.disputed_matched += hit;
        }
        if matched.is_none() {
            score.missed.push(label.id.clone());
        }
        if let Some(fi) = matched {
            let verdict = name(found[fi].group.verdict);
            let right = verdict == label.verdict || label.also.iter().any(|a| a == verdict);
            score.right += usize::from(right);
            if !right {
                score.wrong_verdicts.push(format!("{}: {verdict}", label.id));
            }
        }
    }

    let index = |id: &str| groups.iter().position(|g| g.id == id);
    for entry in &labels.must_not_pair {
        score.pairs += 1;
        // `read_labels` checks the ids; a set built otherwise counts an unknown id as kept apart.
        let (Some(a), Some(b)) = (index(&entry.a), index(&entry.b)) else { continue };
        let only_a: BTreeSet<_> = label_sides[a].difference(&label_sides[b]).collect();
        let only_b: BTreeSet<_> = label_sides[b].difference(&label_sides[a]).collect();
        let at_a: Vec<_> = label_mentions[a].difference(&label_mentions[b]).collect();
        let at_b: Vec<_> = label_mentions[b].difference(&label_mentions[a]).collect();
        let violated = found.iter().any(|group| {
            let by_pairs = found_pairs(group, &groups[a]).iter().any(|p| only_a.contains(p))
                && found_pairs(group, &groups[b]).iter().any(|p| only_b.contains(p));
            by_pairs || (holds(group, at_a.iter().copied()) && holds(group, at_b.iter().copied()))
        });
        if violated {
            score.violated += 1;
            score.violations.push(format!("{}/{}", entry.a, entry.b));
        }
    }

    for (fi, _) in found.iter().enumerate().filter(|(_, f)| f.group.is_shown()) {
        match label_of[fi] {
            None if !labels.complete => {}
            None => score.shown += 1,
            Some(li) => {
                score.shown += 1;
                let label = &groups[li];
                let disputed = is_dispute(&label.verdict) || label.also.iter().any(|v| is_dispute(v));
                score.shown_right += usize::from(disputed);
            }
        }
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::group::FigureValue;

    fn group(event: Event, verdict: Verdict, values: &[(u64, &[&str])]) -> FigureGroup {
        FigureGroup {
            counted: "person".into(),
            event: Some(event),
            phase: None,
            scope: None,
            place: None,
            claims: vec![],
            values: values
                .iter()
                .map(|(n, docs)| FigureValue {
                    value: Value::Exact(*n),
                    claims: vec![],
                    docs: docs.iter().map(|d| d.to_string()).collect(),
                    attributions: vec![],
                    days: vec![],
                })
                .collect(),
            verdict,
            latest: None,
            confidence: 1.0,
        }
    }

    fn labels() -> LabelSet {
        LabelSet::from_json(
            r#"{"cluster": "t", "disputed": [], "complete": true, "groups": [
              {"id": "texas", "event": "killed", "verdict": "disagree", "values": [
                {"value": 13, "text": "13 people", "docs": ["0", "1"], "at": [10, 20]},
                {"value": 14, "text": "14 people", "docs": ["2"], "at": [30]}]},
              {"id": "acuna", "event": "killed", "verdict": "agree", "values": [
                {"value": 3, "text": "three", "docs": ["0"], "at": [50]}]},
              {"id": "tornado", "event": "killed", "verdict": "agree", "context": true, "values": [
                {"value": 13, "text": "13 in the tornado", "docs": ["0"], "at": [70]}]},
              {"id": "depth", "measure": "depth", "unit": "m", "verdict": "agree", "values": [
                {"value": 107, "text": "107 metres", "docs": ["0"], "at": [90]},
                {"value": 350, "text": "350 feet", "unit": "ft", "docs": ["1"], "at": [90]}]}
            ], "must_not_pair": [{"a": "texas", "b": "acuna"}, {"a": "texas", "b": "tornado"}]}"#,
        )
        .unwrap_or_else(|e| panic!("labels: {e}"))
    }

    #[test]
    fn recall_right_verdicts_and_shown_disputes() {
        let groups = [
            group(Event::Killed, Verdict::Disagree, &[(13, &["0", "1"]), (14, &["2"])]),
            group(Event::Killed, Verdict::Disagree, &[(3, &["0"]), (4, &["1"])]),
            group(Event::Injured, Verdict::Agree, &[(3, &["0"])]),
        ];
        let found: Vec<Found> = groups.iter().map(|group| Found { group, numbers: vec![] }).collect();
        let score = score(&found, &labels());
        // 3 story groups (the context one left out): texas matched, acuna too (J = 1/2), the
        // injured group is of another kind; the depth is a measure, which no found group is.
        assert_eq!((score.groups, score.matched, score.right), (3, 2, 1));
        assert_eq!(score.wrong_verdicts, ["acuna: disagree"]);
        assert_eq!((score.counts, score.measures, score.disputed, score.disputed_matched), (2, 1, 1, 1));
        assert_eq!((score.shown, score.shown_right), (2, 1));
        assert_eq!((score.pairs, score.violated), (2, 0));
    }

    #[test]
    fn a_found_group_holding_both_sides_is_a_forbidden_pairing() {
        // By pairs: 13 of texas and 3 of acuna in one group.
        let both = group(Event::Killed, Verdict::Disagree, &[(13, &["0"]), (3, &["0"])]);
        let found = [Found { group: &both, numbers: vec![] }];
        assert_eq!(score(&found, &labels()).violations, ["texas/acuna"]);
        // By mentions: the same pair (13, report 0) at both of its places in report 0.
        let same = group(Event::Killed, Verdict::Agree, &[(13, &["0"])]);
        let found = [Found { group: &same, numbers: vec![("0", 12), ("0", 75)] }];
        assert_eq!(score(&found, &labels()).violations, ["texas/tornado"]);
        let found = [Found { group: &same, numbers: vec![("0", 12), ("1", 75)] }];
        assert!(score(&found, &labels()).violations.is_empty());
    }

    #[test]
    fn measures_compare_in_the_group_unit() {
        let label = &labels().groups[3];
        assert_eq!(labelled_pairs(label).into_iter().map(|(v, _)| v).collect::<Vec<_>>(), [106680, 107000]);
    }

    #[test]
    fn an_unknown_group_in_must_not_pair_is_found() {
        let mut set = labels();
        assert_eq!(set.unknown_pair_id(), None);
        set.must_not_pair.push(MustNotPair { a: "texas".into(), b: "dallas".into() });
        assert_eq!(set.unknown_pair_id(), Some("dallas"));
    }
}
