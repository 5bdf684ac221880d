//! The brief: what a summarizer hands to a renderer, and the JSON schema scripts rely on.

use chorus_core::Budget;
use chorus_figures::{Claim, FigureGroup};
use serde::Serialize;

/// A summary with its provenance: every sentence says where it came from and who else says it.
#[derive(Debug, Clone, Serialize)]
pub struct Brief {
    /// The cluster's id.
    pub id: String,
    pub method: String,
    pub budget: Budget,
    /// The brief's plain text: its sentences joined by single spaces.
    pub summary: String,
    /// Whitespace words in `summary`.
    pub words: usize,
    pub sentences: Vec<BriefSentence>,
    pub documents: Vec<DocumentInfo>,
    /// Every group of figures found across the reports, disputed or not.
    pub figures: Vec<FigureGroup>,
    /// Every quantitative claim found; `figures[..].claims` and `.values[..].claims` index here.
    pub claims: Vec<CitedClaim>,
    pub timings: Timings,
}

/// One sentence of a brief, with its citation.
#[derive(Debug, Clone, Serialize)]
pub struct BriefSentence {
    pub text: String,
    /// Id of the document it was taken from.
    pub doc: String,
    /// Index of that document in `documents`.
    pub doc_index: usize,
    /// Byte offsets of the sentence in that document's original text.
    pub start: usize,
    pub end: usize,
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
    pub id: String,
    pub file: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    /// Length of the original text, in bytes.
    pub bytes: usize,
    /// Id of the earlier document this one repeats; such a document is counted once.
    pub duplicate_of: Option<String>,
}

/// Time spent in each stage, in microseconds.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Timings {
    pub clean_us: u64,
    pub segment_us: u64,
    pub select_us: u64,
    pub figures_us: u64,
}

/// The figures of a cluster on their own: every group, the claims behind them, and the reports.
#[derive(Debug, Clone, Serialize)]
pub struct FigureReport {
    pub id: String,
    pub groups: Vec<FigureGroup>,
    pub claims: Vec<CitedClaim>,
    pub documents: Vec<DocumentInfo>,
}

/// A claim with the byte span of its words in its document's original text, so a figure can be
/// checked at its source like any sentence of the brief.
#[derive(Debug, Clone, Serialize)]
pub struct CitedClaim {
    #[serde(flatten)]
    pub claim: Claim,
    pub start: usize,
    pub end: usize,
}
