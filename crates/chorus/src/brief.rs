//! The brief: what a summarizer hands to a renderer, and the JSON schema scripts rely on.

use chorus_core::Budget;
use chorus_figures::{Claim, FigureGroup};
use serde::Serialize;

/// A summary with its provenance: every sentence says where it came from and who else says it.
#[derive(Debug, Clone, Serialize)]
pub struct Brief {
    /// The cluster's id.
    pub id: String,
    /// The method that chose the sentences.
    pub method: String,
    /// The budget the brief keeps to.
    pub budget: Budget,
    /// The reader's query the brief is focused on, if any.
    pub query: Option<String>,
    /// The brief's plain text: its sentences joined by single spaces.
    pub summary: String,
    /// Whitespace words in `summary`.
    pub words: usize,
    /// The sentences, in reading order.
    pub sentences: Vec<BriefSentence>,
    /// The reports of the cluster, in input order; `sentences[..].doc_index` indexes here.
    pub documents: Vec<DocumentInfo>,
    /// Every group of figures found across the reports, disputed or not.
    pub figures: Vec<FigureGroup>,
    /// Every quantitative claim found; `figures[..].claims` and `.values[..].claims` index here.
    pub claims: Vec<CitedClaim>,
    /// The figures that changed since the seen reports (empty unless some report is seen).
    pub updates: Vec<FigureUpdate>,
    /// Time spent in each stage.
    pub timings: Timings,
}

/// One sentence of a brief, with its citation.
#[derive(Debug, Clone, Serialize)]
pub struct BriefSentence {
    /// The sentence as cleaned and compressed (cut at the budget when `truncated`).
    pub text: String,
    /// Id of the document it was taken from.
    pub doc: String,
    /// Index of that document in `documents`.
    pub doc_index: usize,
    /// Byte offset in that document's original text where the first cited span starts.
    pub start: usize,
    /// Where the last cited span ends (exclusive): `start..end` holds every span.
    pub end: usize,
    /// The spans of the original text the sentence's pieces come from, in order: one for a
    /// sentence printed whole, several when compression dropped words between them.
    pub spans: Vec<[usize; 2]>,
    /// Ids of the other documents that say the same thing.
    pub support: Vec<String>,
    /// Whether the sentence was cut at the budget (`--truncate`).
    pub truncated: bool,
    /// Indices into `figures` of disputed groups that a figure of this sentence belongs to.
    pub disputed: Vec<usize>,
}

/// A source report, as the brief's citations name it.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentInfo {
    /// The document's id (file stem, JSON id, or position).
    pub id: String,
    /// The file it was read from, if it had one of its own.
    pub file: Option<String>,
    /// Its title, or else its opening headline.
    pub title: Option<String>,
    /// Its publication date, `YYYY-MM-DD`, when known.
    pub date: Option<String>,
    /// Length of the original text, in bytes.
    pub bytes: usize,
    /// Id of the earlier document this one repeats; such a document is counted once.
    pub duplicate_of: Option<String>,
    /// Whether the reader has already read it: it is never cited as news.
    pub seen: bool,
}

/// Time spent in each stage, in microseconds.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Timings {
    /// Cleaning.
    pub clean_us: u64,
    /// Sentence splitting and tokenizing.
    pub segment_us: u64,
    /// Compressing the sentences a brief may choose.
    pub compress_us: u64,
    /// Finding the candidates: what is new since the seen reports, what answers the query.
    pub focus_us: u64,
    /// The method's choice.
    pub select_us: u64,
    /// Finding and grouping figures.
    pub figures_us: u64,
}

/// The figures of a cluster on their own: every group, the claims behind them, and the reports.
#[derive(Debug, Clone, Serialize)]
pub struct FigureReport {
    /// The cluster's id.
    pub id: String,
    /// Every group of figures.
    pub groups: Vec<FigureGroup>,
    /// Every claim; the groups index here.
    pub claims: Vec<CitedClaim>,
    /// The reports.
    pub documents: Vec<DocumentInfo>,
}

/// A figure the new reports give otherwise than the seen ones: `now` replaces `earlier`.
#[derive(Debug, Clone, Serialize)]
pub struct FigureUpdate {
    /// Index into `figures`.
    pub group: usize,
    /// Indices into the group's `values` that only new reports give, in order of appearance.
    pub now: Vec<usize>,
    /// Indices into the group's `values` that seen reports give, in order of appearance except
    /// that the one `now` is compared with comes last (the last count, when `now` is a count).
    pub earlier: Vec<usize>,
    /// How the last of `now` compares with the last of `earlier`: `up`, `down`, or `changed`
    /// when either is vague (`several`).
    pub change: Change,
}

/// The direction of a [`FigureUpdate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// The new count is higher.
    Up,
    /// The new count is lower.
    Down,
    /// One of the two is vague, or they differ otherwise.
    Changed,
}

/// A claim with the byte span of its words in its document's original text, so a figure can be
/// checked at its source like any sentence of the brief.
#[derive(Debug, Clone, Serialize)]
pub struct CitedClaim {
    #[serde(flatten)]
    /// The claim.
    pub claim: Claim,
    /// Byte offset of its words in its document's original text.
    pub start: usize,
    /// End of that span (exclusive).
    pub end: usize,
}
