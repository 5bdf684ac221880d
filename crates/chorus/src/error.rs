//! The one error of the facade: what can stop a cluster from becoming a brief.

use chorus_ingest::IngestError;
use chorus_methods::MethodError;

/// Why a cluster could not be read or summarized.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input could not be read into a cluster; the message names the file and the problem.
    #[error(transparent)]
    Ingest(#[from] IngestError),
    /// No method by that name, or it cannot run.
    #[error(transparent)]
    Method(#[from] MethodError),
    /// The cluster has no documents.
    #[error("{0}: the cluster has no documents")]
    NoDocuments(String),
    /// No report has a sentence a method may choose.
    #[error("{0}: no complete sentence to summarize in any report")]
    NoSentences(String),
    /// Every sentence of the new reports restates a seen one: there is nothing to update on.
    #[error("{0}: nothing new: every sentence of the new reports restates a seen report")]
    NothingNew(String),
    /// A budget of zero words, bytes or sentences.
    #[error("the budget must be greater than zero")]
    EmptyBudget,
    /// Every eligible sentence is longer than the budget (and, with `truncate`, not even its
    /// first word fits): an empty brief would look like a summary of nothing.
    #[error("{0}: no sentence fits in the budget; raise it, or let the last sentence be cut (--truncate)")]
    NothingFits(String),
}
