//! What ingest hands on: a cluster of documents, each with its original text and its cleaned,
//! aligned text.

use crate::AlignedText;
use serde::Serialize;

/// A byte range in a document's original text: `&original[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// One report.
#[derive(Debug, Clone)]
pub struct Document {
    /// Stable identifier: the file stem for a folder of files, else the position (`"0"`, `"1"`, …).
    pub id: String,
    /// The file it was read from, when it came from a file of its own.
    pub file: Option<String>,
    /// The text that spans point into: the file's text as decoded (UTF-8, or Windows-1252 when
    /// the bytes are not UTF-8), or the extracted article text for HTML.
    pub original: String,
    /// The cleaned text, aligned to `original`.
    pub clean: AlignedText,
    /// The headline, when the source gives one apart from the text.
    pub title: Option<String>,
    /// Publication date as `YYYY-MM-DD`, when known; used to order a brief.
    pub date: Option<String>,
    /// Index of an earlier document of the cluster that this one nearly repeats (the same wire
    /// story twice); such a document is counted once.
    pub duplicate_of: Option<usize>,
}

impl Document {
    /// A document whose cleaned text is, as yet, its original text.
    pub fn new(id: impl Into<String>, original: impl Into<String>) -> Self {
        let original = original.into();
        Document {
            id: id.into(),
            file: None,
            clean: AlignedText::new(&original),
            original,
            title: None,
            date: None,
            duplicate_of: None,
        }
    }
}

/// The reports of one event.
#[derive(Debug, Clone, Default)]
pub struct Cluster {
    /// Name of the event: the folder name, or the record's id in a JSON file.
    pub id: String,
    /// The reports, in the order they were read; `Sentence::doc` indexes this.
    pub documents: Vec<Document>,
}

/// A cluster whose documents have been cleaned: the only input the segmenter takes.
///
/// It is a type of its own so that cleaning can be neither skipped nor run twice: the one way to
/// make it is [`CleanCluster::clean`], which consumes the raw [`Cluster`], and it hands out its
/// documents read-only.
#[derive(Debug, Clone)]
pub struct CleanCluster(Cluster);

/// Something that cleans the documents of a raw cluster in place (the ingest crate's `Cleaning`
/// is the standard one); it must keep each document's `clean` text aligned to its `original`.
pub trait ClusterCleaner {
    /// Cleans every document of `cluster`, and may mark near-duplicates.
    fn clean_cluster(&self, cluster: &mut Cluster);
}

impl CleanCluster {
    /// Cleans a raw cluster with `cleaner`.
    pub fn clean(mut cluster: Cluster, cleaner: &(impl ClusterCleaner + ?Sized)) -> Self {
        cleaner.clean_cluster(&mut cluster);
        CleanCluster(cluster)
    }

    /// The cleaned cluster, to be read.
    pub fn cluster(&self) -> &Cluster {
        &self.0
    }

    /// The cluster's id.
    pub fn id(&self) -> &str {
        &self.0.id
    }

    /// The cleaned documents.
    pub fn documents(&self) -> &[Document] {
        &self.0.documents
    }
}
