//! Precision and recall of disputed groups against hand-written labels.
//!
//! Match rule: a found disputed group matches a labelled one when both have the same counted
//! key, event, phase and scope, and their (value, report) pairs overlap by at least half (Jaccard
//! ≥ 0.5): the right quantity with most of the right figures. Matching is one to one, each
//! labelled group taken by the first found group that matches it. Precision = matched / found
//! disputed groups; recall = matched / labelled groups.
//!
//! The issue 13 format labels every figure group of a cluster, not only the disputed ones; it is
//! scored by [`story`] (recall, right verdicts, forbidden pairings, precision of shown disputes).
//!
//! A folder of label files ([`read_labels`]) is how a whole labelled set is scored: the caller
//! runs the pipeline on every cluster that has a label and adds up the [`Score`]s.

use crate::event::Event;
use crate::group::FigureGroup;
use crate::phase::Phase;
use crate::scope::Scope;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

pub mod story;

/// The labels of one cluster.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct LabelSet {
    /// Id of the cluster labelled; the file is named after it.
    pub cluster: String,
    /// Every quantity on which the reports give different values (the older format).
    pub disputed: Vec<LabelledGroup>,
    /// Whether `groups` labels every figure group of the cluster (see [`story`]).
    #[serde(default = "yes")]
    pub complete: bool,
    /// Every figure group, with its verdict (the issue 13 format; empty in older label sets).
    #[serde(default)]
    pub groups: Vec<story::StoryGroup>,
    /// Pairs of `groups` (by id) that are different quantities.
    #[serde(default)]
    pub must_not_pair: Vec<story::MustNotPair>,
}

fn yes() -> bool {
    true
}

/// One quantity the reports give different values for, as a person labelled it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct LabelledGroup {
    /// The counted key, as [`crate::Claim::counted_key`] spells it.
    pub counted: String,
    /// The event, as [`crate::FigureGroup::event`].
    pub event: Option<Event>,
    /// The phase, when the quantity is limited to one.
    #[serde(default)]
    pub phase: Option<Phase>,
    /// The scope, when the quantity is limited by one.
    #[serde(default)]
    pub scope: Option<Scope>,
    /// Each value given, with the reports that give it.
    pub values: Vec<LabelledValue>,
}

/// One value of a labelled group and who gives it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct LabelledValue {
    /// The number given.
    pub value: u64,
    /// `Document::id` of each report giving it.
    pub docs: Vec<String>,
}

impl LabelSet {
    /// Parses one label file's JSON.
    pub fn from_json(json: &str) -> Result<LabelSet, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// A `must_not_pair` side that names no group.
    fn unknown_pair_id(&self) -> Option<&str> {
        self.must_not_pair
            .iter()
            .flat_map(|entry| [entry.a.as_str(), entry.b.as_str()])
            .find(|id| !self.groups.iter().any(|g| g.id == *id))
    }
}

/// A label file that cannot be used, named with the problem.
#[derive(Debug)]
pub struct LabelError {
    /// The file (or folder) at fault.
    pub path: PathBuf,
    /// What is wrong with it, for the user.
    pub problem: String,
}

impl std::fmt::Display for LabelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.problem)
    }
}

impl std::error::Error for LabelError {}

/// Every `*.json` label file directly in `dir`, by cluster id. A file must be named after the
/// cluster it labels (`<cluster id>.json`), so a renamed or copied file cannot silently score
/// the wrong cluster; two files for one cluster are therefore impossible.
pub fn read_labels(dir: &Path) -> Result<BTreeMap<String, LabelSet>, LabelError> {
    let fail = |path: &Path, problem: String| LabelError { path: path.to_path_buf(), problem };
    let entries = std::fs::read_dir(dir).map_err(|e| fail(dir, format!("cannot read the label folder: {e}")))?;
    let mut labels = BTreeMap::new();
    for entry in entries {
        let path = entry.map_err(|e| fail(dir, format!("cannot list the label folder: {e}")))?.path();
        if !path.is_file() || path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let json = std::fs::read_to_string(&path).map_err(|e| fail(&path, format!("cannot read: {e}")))?;
        let set = LabelSet::from_json(&json).map_err(|e| fail(&path, format!("invalid labels: {e}")))?;
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        if set.cluster != stem {
            return Err(fail(&path, format!("labels cluster {:?}, but the file is named after {stem:?}", set.cluster)));
        }
        if let Some(id) = set.unknown_pair_id() {
            return Err(fail(&path, format!("must_not_pair names {id:?}, which is no group id")));
        }
        labels.insert(set.cluster.clone(), set);
    }
    Ok(labels)
}

/// Counts behind precision and recall; add (`+`) the scores of several clusters for a micro average.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Score {
    /// Disputed groups the pipeline found.
    pub found: usize,
    /// Disputed groups the labels list.
    pub expected: usize,
    /// Found groups that match a labelled one (one to one).
    pub matched: usize,
}

impl Score {
    /// 1 when nothing was found: no false dispute was shown.
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.found)
    }

    /// 1 when nothing was expected.
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.expected)
    }
}

impl std::iter::Sum for Score {
    fn sum<I: Iterator<Item = Score>>(scores: I) -> Score {
        scores.fold(Score::default(), |total, score| total + score)
    }
}

impl std::ops::Add for Score {
    type Output = Score;

    fn add(self, other: Score) -> Score {
        Score {
            found: self.found + other.found,
            expected: self.expected + other.expected,
            matched: self.matched + other.matched,
        }
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

const MIN_OVERLAP: f64 = 0.5;

/// Scores the disputed groups a brief shows (`FigureGroup::is_shown`) among `groups` against
/// `labels`.
pub fn score(groups: &[FigureGroup], labels: &LabelSet) -> Score {
    let found: Vec<&FigureGroup> = groups.iter().filter(|g| g.is_shown()).collect();
    let mut taken = vec![false; labels.disputed.len()];
    let mut matched = 0;
    for group in &found {
        let pairs = found_pairs(group);
        let hit = labels.disputed.iter().enumerate().position(|(i, label)| {
            !taken[i]
                && label.counted == group.counted
                && label.event == group.event
                && label.phase == group.phase
                && label.scope == group.scope
                && jaccard(&pairs, &labelled_pairs(label)) >= MIN_OVERLAP
        });
        if let Some(i) = hit {
            taken[i] = true;
            matched += 1;
        }
    }
    Score { found: found.len(), expected: labels.disputed.len(), matched }
}

fn found_pairs(group: &FigureGroup) -> BTreeSet<(u64, &str)> {
    group
        .values
        .iter()
        .filter_map(|v| v.value.exact().map(|n| (n, v)))
        .flat_map(|(n, v)| v.docs.iter().map(move |d| (n, d.as_str())))
        .collect()
}

fn labelled_pairs(label: &LabelledGroup) -> BTreeSet<(u64, &str)> {
    label.values.iter().flat_map(|v| v.docs.iter().map(move |d| (v.value, d.as_str()))).collect()
}

fn jaccard(a: &BTreeSet<(u64, &str)>, b: &BTreeSet<(u64, &str)>) -> f64 {
    let union = a.union(b).count();
    ratio(a.intersection(b).count(), union)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::group::FigureValue;
    use crate::number::Value;
    use crate::verdict::Verdict;

    fn value(n: u64, docs: &[&str]) -> FigureValue {
        FigureValue {
            value: Value::Exact(n),
            claims: vec![],
            docs: docs.iter().map(|d| d.to_string()).collect(),
            attributions: vec![],
            days: vec![],
        }
    }

    fn found(counted: &str, verdict: Verdict, values: Vec<FigureValue>) -> FigureGroup {
        FigureGroup {
            counted: counted.into(),
            event: Some(Event::Killed),
            phase: None,
            scope: None,
            place: None,
            claims: vec![],
            values,
            verdict,
            latest: None,
            confidence: 1.0,
        }
    }

    fn labels() -> LabelSet {
        LabelSet::from_json(r#"{"cluster": "t", "disputed": [
            {"counted": "hostage", "event": "killed", "values": [{"value": 35, "docs": ["a"]}, {"value": 23, "docs": ["b", "c"]}]}
        ]}"#)
        .unwrap_or_else(|e| panic!("labels: {e}"))
    }

    #[test]
    fn a_matching_group_counts_once_and_extra_disputes_cost_precision() {
        let groups = [
            found("hostage", Verdict::Updated, vec![value(35, &["a"]), value(23, &["b"])]),
            found("hostage", Verdict::Disagree, vec![value(35, &["a"]), value(23, &["b"])]),
            found("militant", Verdict::Disagree, vec![value(1, &["a"]), value(2, &["b"])]),
            found("person", Verdict::Agree, vec![value(3, &["a"])]),
        ];
        let score = score(&groups, &labels());
        assert_eq!(score, Score { found: 3, expected: 1, matched: 1 });
        assert!((score.precision() - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(score.recall(), 1.0);
    }

    #[test]
    fn too_little_overlap_is_no_match() {
        let groups = [found("hostage", Verdict::Disagree, vec![value(35, &["a"]), value(7, &["b"]), value(9, &["c"])])];
        assert_eq!(score(&groups, &labels()).matched, 0);
    }

    #[test]
    fn scores_add_up_to_a_micro_average() {
        let parts = [Score { found: 2, expected: 1, matched: 1 }, Score { found: 0, expected: 3, matched: 0 }];
        let total: Score = parts.into_iter().sum();
        assert_eq!(total, Score { found: 2, expected: 4, matched: 1 });
        assert_eq!(total.precision(), 0.5);
        assert_eq!(total.recall(), 0.25);
    }

    #[test]
    fn a_label_folder_is_read_by_cluster_and_checked_against_file_names() {
        let dir = std::env::temp_dir().join(format!("chorus-figures-labels-{}", std::process::id()));
        let write =
            |name: &str, json: &str| std::fs::write(dir.join(name), json).unwrap_or_else(|e| panic!("{name}: {e}"));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        write("a.json", r#"{"cluster": "a", "disputed": []}"#);
        write("notes.txt", "not a label");
        let labels = read_labels(&dir).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(labels.keys().collect::<Vec<_>>(), ["a"]);
        write("b.json", r#"{"cluster": "a", "disputed": []}"#);
        let error = read_labels(&dir).expect_err("misnamed file");
        assert!(error.to_string().contains("b.json: labels cluster \"a\""), "{error}");
        write("b.json", r#"{"cluster": "b"}"#);
        let error = read_labels(&dir).expect_err("no disputed list");
        assert!(error.to_string().contains("b.json: invalid labels"), "{error}");
        std::fs::remove_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        assert!(read_labels(&dir).expect_err("gone").to_string().contains("cannot read the label folder"));
    }

    #[test]
    fn bad_labels_are_an_error() {
        assert!(LabelSet::from_json(
            r#"{"cluster": "t", "disputed": [{"counted": "x", "event": "exploded", "values": []}]}"#
        )
        .is_err());
    }
}
