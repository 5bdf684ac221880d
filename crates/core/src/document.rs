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
    /// The reader has already read this report (a cluster's `seen` reports): it is segmented
    /// with the others, so support and figures see it, but a brief never cites it as news.
    pub seen: bool,
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
            seen: false,
        }
    }
}

/// The reports of one event.
#[derive(Debug, Clone, Default)]
pub struct Cluster {
    /// Name of the event: the folder name, or the record's id in a JSON file.
    pub id: String,
    /// The reports, the seen ones (`Document::seen`) first, so that a new report repeating a
    /// seen one is the one marked as its duplicate.
    pub documents: Vec<Document>,
    /// What the reader wants to know: a brief favours the sentences that answer it.
    pub query: Option<String>,
}

impl Cluster {
    /// Adds reports the reader has already read: they are marked seen and put before the others.
    /// A report given both as new and as seen (the same text) is seen; a seen report whose id
    /// another report has is renamed `seen-ID`, so that every citation names one report.
    pub fn add_seen(&mut self, seen: impl IntoIterator<Item = Document>) {
        let mut documents: Vec<Document> = seen.into_iter().map(|d| Document { seen: true, ..d }).collect();
        self.documents.retain(|new| !documents.iter().any(|old| old.original == new.original));
        for i in 0..documents.len() {
            let mut id = std::mem::take(&mut documents[i].id);
            while self.documents.iter().chain(&documents[..i]).any(|other| other.id == id) {
                id = format!("seen-{id}");
            }
            documents[i].id = id;
        }
        documents.append(&mut self.documents);
        self.documents = documents;
    }

    /// Whether some report has already been read: the brief is then an update.
    pub fn has_seen(&self) -> bool {
        self.documents.iter().any(|d| d.seen)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seen_reports_go_first_replace_their_new_copies_and_get_unique_ids() {
        let mut cluster = Cluster {
            documents: vec![Document::new("0", "Old news."), Document::new("1", "New news.")],
            ..Default::default()
        };
        cluster.add_seen([Document::new("0", "Old news."), Document::new("1", "Older news.")]);
        let ids: Vec<(&str, &str, bool)> =
            cluster.documents.iter().map(|d| (d.id.as_str(), d.original.as_str(), d.seen)).collect();
        assert_eq!(ids, vec![("0", "Old news.", true), ("seen-1", "Older news.", true), ("1", "New news.", false)]);
        assert!(cluster.has_seen());
    }
}
