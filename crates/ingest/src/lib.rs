//! chorus-ingest: the first stage of the chorus pipeline. It reads the reports of one event
//! from a folder, a `|||||`-separated file, a JSON object, HTML pages or a JSONL stream, and
//! cleans them into a [`Cluster`](chorus_core::Cluster) whose cleaned texts stay aligned to the
//! original bytes.
//!
//! Reading ([`read_cluster`], [`read_clusters`], [`cluster_from_json`]) and cleaning
//! ([`clean_cluster`]) are separate calls so each can be timed and tested on its own.

mod clean;
mod error;
mod read;

pub use clean::{clean_cluster, clean_document};
pub use error::{IngestError, Problem};
pub use read::{
    cluster_from_json, open_text, read_cluster, read_cluster_with, read_clusters, ClusterLine, ClusterLines, Limits,
};
