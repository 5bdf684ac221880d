//! The evaluation on real clusters: finds the shared data, runs the CLI's pipeline (ingest
//! cleaning, segment's sentence splitter, then figures) on every cluster that has a label in
//! one labelled set (`tests/labels/real/`, the tuning set, `tests/labels/heldout/`,
//! `tests/labels/fresh/`, `tests/labels/fresh2/`, `tests/labels/dev2026/` or
//! `tests/labels/heldout2026/`, spent after its one run and now a second development set), and
//! scores it: the disputed groups, and for labels of every figure group
//! the issue 13 measures. Shared by `tests/real_labels.rs` and
//! `examples/evaluate.rs`.
// The test and the example each use a different part of this module.
#![allow(dead_code)]

use chorus_figures::eval::story::{self, Found, StoryScore};
use chorus_figures::eval::{read_labels, score, LabelSet, Score};
use chorus_figures::{extract, group, Claim, FigureGroup};
use chorus_segment::Segmenter;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The labelled sets, by folder name under `tests/labels/`, each with the data files its
/// clusters come from (relative to the data folder). Each set reads only its own files: the
/// training split is large, and the other sets have nothing in it.
pub const REAL_SETS: &[(&str, &[&str])] = &[
    ("real", &["multi_news/validation.jsonl.gz", "tac2011_multiling_en/test.jsonl"]),
    ("heldout", &["multi_news/validation.jsonl.gz"]),
    ("fresh", &["multi_news/train.jsonl.gz"]),
    ("fresh2", &["multi_news/train.jsonl.gz"]),
    ("dev2026", &["multi_news/train.jsonl.gz", "duc2006/test.jsonl"]),
    ("heldout2026", &["multi_news/train.jsonl.gz", "duc2006/test.jsonl"]),
];

pub fn labels_dir(set: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/labels").join(set)
}

/// The data files of labelled set `set`, in `$CHORUS_DATA` when set, else
/// `<workspace>/../shared/data`; an error that says where it looked when a data file is not
/// there, or that names the sets when `set` is not one.
pub fn data_files(set: &str) -> Result<Vec<PathBuf>, String> {
    let Some((_, data_files)) = REAL_SETS.iter().find(|(name, _)| *name == set) else {
        let names: Vec<&str> = REAL_SETS.iter().map(|(name, _)| *name).collect();
        return Err(format!("unknown labelled set {set:?}; the sets are {names:?}"));
    };
    let dir = match std::env::var_os("CHORUS_DATA") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
    };
    let files: Vec<PathBuf> = data_files.iter().map(|f| dir.join(f)).collect();
    match files.iter().find(|f| !f.is_file()) {
        Some(missing) => Err(format!(
            "the real-data evaluation needs {} (looked in $CHORUS_DATA, else <workspace>/../shared/data); set CHORUS_DATA to the folder holding {}",
            missing.display(),
            data_files.join(" and "),
        )),
        None => Ok(files),
    }
}

/// One labelled cluster: its claims, its groups and their score.
pub struct Scored {
    pub cluster: String,
    pub claims: Vec<Claim>,
    pub groups: Vec<FigureGroup>,
    pub score: Score,
    /// The issue 13 measures (zero when the labels give no figure groups).
    pub story: StoryScore,
}

/// Scores every labelled cluster found in `files`, in file order. Every label must find its
/// cluster: a label whose cluster is gone would otherwise drop out of the average unseen.
pub fn evaluate(files: &[PathBuf], labels: &BTreeMap<String, LabelSet>) -> Result<Vec<Scored>, String> {
    let mut scored = Vec::new();
    for file in files {
        scored.extend(evaluate_file(file, labels)?);
    }
    let unseen: Vec<&String> = labels.keys().filter(|id| !scored.iter().any(|s| &s.cluster == *id)).collect();
    if !unseen.is_empty() {
        return Err(format!("labelled clusters not in the data files: {unseen:?}"));
    }
    Ok(scored)
}

fn evaluate_file(file: &Path, labels: &BTreeMap<String, LabelSet>) -> Result<Vec<Scored>, String> {
    let lines = chorus_ingest::read_clusters(file).map_err(|e| e.to_string())?;
    let segmenter = Segmenter::new();
    let cleaning = chorus_ingest::Cleaning::default();
    let mut scored = Vec::new();
    for line in lines {
        let cluster = line.result.map_err(|e| format!("{}:{}: {e}", file.display(), line.line))?;
        let Some(label) = labels.get(&cluster.id) else { continue };
        let cluster = cleaning.clean(cluster);
        let corpus = segmenter.segment(&cluster);
        let claims = extract(&corpus, cluster.documents());
        let groups = group(&claims);
        let score = score(&groups, label);
        // Where each claim's number starts in its raw document, as the scorer locates mentions.
        let number_at = |c: usize| {
            let claim = &claims[c];
            let sentence = &corpus.sentences[claim.sentence];
            let start = sentence.clean.start + claim.number_range.start;
            let document = &cluster.documents()[sentence.doc];
            (document.id.as_str(), document.clean.original_span(start..start + 1).start)
        };
        let found: Vec<Found> = groups
            .iter()
            .map(|group| Found { group, numbers: group.claims.iter().map(|&c| number_at(c)).collect() })
            .collect();
        let story = story::score(&found, label);
        scored.push(Scored { cluster: cluster.id().to_owned(), claims, groups, score, story });
    }
    Ok(scored)
}

/// The labels of `tests/labels/<set>/`.
pub fn labels_of(set: &str) -> Result<BTreeMap<String, LabelSet>, String> {
    read_labels(&labels_dir(set)).map_err(|e| e.to_string())
}
