//! The typed hand-offs between the stages of the chorus pipeline.
//!
//! ```text
//! ingest ──Cluster──▶ segment ──Corpus──▶ methods ──selection──▶ chorus (order, support, render) ──Brief
//! ```
//!
//! Every stage crate depends on this one and on nothing else of chorus, so each can be built,
//! tested and replaced on its own.
#![deny(missing_docs)]

mod aligned;
mod budget;
pub mod caption;
mod corpus;
mod date;
mod document;
mod shared;

pub use aligned::{AlignedText, Edit};
pub use budget::{Budget, Limit, Usage};
pub use corpus::{Corpus, Sentence, SentenceKind, TermId};
pub use date::{month_named, weekday_named, Date};
pub use document::{CleanCluster, Cluster, ClusterCleaner, Document, Span};
pub use shared::SharedStr;
