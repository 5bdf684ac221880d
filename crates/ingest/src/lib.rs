//! chorus-ingest: the first stage of the chorus pipeline. It reads the reports of one event
//! from a folder, a `|||||`-separated file, a JSON object, HTML pages or a JSONL stream, and
//! cleans them into a [`Cluster`](chorus_core::Cluster) whose cleaned texts stay aligned to the
//! original bytes.
//!
//! Reading ([`read_cluster`], [`read_clusters`], [`cluster_from_json`]) and cleaning
//! ([`Cleaning`], a composable sequence of [`clean`] steps) are separate calls so each can be
//! timed and tested on its own; cleaning turns a raw `Cluster` into a
//! [`CleanCluster`](chorus_core::CleanCluster), the only input the next stage takes.

#![deny(missing_docs)]

pub mod clean;
mod error;
mod read;

pub use clean::Cleaning;
pub use error::{IngestError, Problem};
pub use read::{
    cluster_from_json, document_from_bytes, html_document, open_text, parse_cluster_line, read_cluster,
    read_cluster_with, read_clusters, ClusterLine, ClusterLines, Limits, Lines,
};
