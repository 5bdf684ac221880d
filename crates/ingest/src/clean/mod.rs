//! Cleaning: turns the text of real reports (mojibake, web-page furniture, pasted link titles,
//! typographic quotes, ragged whitespace) into plain lines a segmenter can trust.
//!
//! Every step only *proposes* edits ([`TextCleaner::edits`]); they are applied through
//! [`AlignedText::apply`](chorus_core::AlignedText::apply), so after any number of steps each
//! cleaned range still maps to the original bytes it came from. One file per step, plus
//! `duplicates`, which works across the documents of a cluster.

mod cp1252;
mod duplicates;
mod entities;
mod furniture;
mod line_join;
mod link_runs;
mod mojibake;
mod whitespace;

pub use entities::Entities;
pub use furniture::Furniture;
pub use line_join::LineJoin;
pub use link_runs::LinkRuns;
pub use mojibake::Mojibake;
pub use whitespace::Whitespace;

use chorus_core::{CleanCluster, Cluster, ClusterCleaner, Document, Edit};

/// One cleaning step over one document's text.
pub trait TextCleaner: Send + Sync {
    /// The edits that clean `text`: sorted, disjoint, on char boundaries.
    fn edits(&self, text: &str) -> Vec<Edit>;
}

/// A sequence of cleaning steps, run in order over each document, then (optionally) the marking
/// of near-duplicate documents across the cluster.
///
/// [`Cleaning::default`] is the standard sequence; a user with other input can compose their own
/// (`Cleaning::empty().then(Entities).then(Whitespace)`), or add a step of their own.
pub struct Cleaning {
    steps: Vec<Box<dyn TextCleaner>>,
    near_duplicates: bool,
}

impl Default for Cleaning {
    /// The steps, in an order where each relies on the ones before it: references and mojibake
    /// are decoded before anything reads characters; whitespace and quotes are normalised before
    /// the line-based furniture rules read trimmed lines with ASCII quotes; lines are joined last,
    /// so that no sentence is glued to a furniture line. Near-duplicates are marked.
    fn default() -> Self {
        Cleaning::empty()
            .then(Entities)
            .then(Mojibake)
            .then(Whitespace)
            .then(Furniture)
            .then(LinkRuns)
            .then(LineJoin)
            .marking_near_duplicates(true)
    }
}

impl Cleaning {
    /// No step at all, and no near-duplicate marking: text is taken as it is.
    pub fn empty() -> Self {
        Cleaning { steps: Vec::new(), near_duplicates: false }
    }

    /// This sequence followed by `step`.
    pub fn then(mut self, step: impl TextCleaner + 'static) -> Self {
        self.steps.push(Box::new(step));
        self
    }

    /// Whether to mark a document that nearly repeats an earlier one (the same wire story twice),
    /// so that it is counted once.
    pub fn marking_near_duplicates(mut self, mark: bool) -> Self {
        self.near_duplicates = mark;
        self
    }

    /// Cleans a raw cluster: the one way to a [`CleanCluster`].
    pub fn clean(&self, cluster: Cluster) -> CleanCluster {
        CleanCluster::clean(cluster, self)
    }

    /// Cleans one document's `clean` text in place, keeping its alignment to `original`.
    pub fn clean_document(&self, document: &mut Document) {
        for step in &self.steps {
            let edits = step.edits(document.clean.as_str());
            if !edits.is_empty() {
                document.clean.apply(edits);
            }
        }
    }
}

impl ClusterCleaner for Cleaning {
    fn clean_cluster(&self, cluster: &mut Cluster) {
        for document in &mut cluster.documents {
            self.clean_document(document);
        }
        if self.near_duplicates {
            duplicates::mark_near_duplicates(&mut cluster.documents);
        }
    }
}

/// `text` after one step, for the tests of each step.
#[cfg(test)]
fn cleaned_with(step: &dyn TextCleaner, text: &str) -> String {
    let mut aligned = chorus_core::AlignedText::new(text);
    aligned.apply(step.edits(text));
    aligned.as_str().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_compose_and_keep_the_alignment() {
        let original = "Discuss as:\n\n\u{201c}It\u{c3}\u{a2}\u{e2}\u{201a}\u{ac}\u{e2}\u{201e}\u{a2}s over,\u{201d} \
                        AT&amp;T said\u{c2}\u{a0} if the army\nintervened.\nRelated content:";
        let mut document = Document::new("0", original);
        Cleaning::default().clean_document(&mut document);
        assert_eq!(document.clean.as_str(), "\"It's over,\" AT&T said if the army intervened.");
        let said = document.clean.as_str().find("said").expect("kept");
        let span = document.clean.original_span(said..said + 4);
        assert_eq!(&original[span.start..span.end], "said");
    }

    #[test]
    fn cleaning_twice_changes_nothing_more() {
        let mut document = Document::new("0", "  A\u{a0}\u{a0}line\n\n\u{2018}quoted\u{2019}\nAdvertisement\n");
        let cleaning = Cleaning::default();
        cleaning.clean_document(&mut document);
        let once = document.clean.as_str().to_owned();
        cleaning.clean_document(&mut document);
        assert_eq!(document.clean.as_str(), once);
        assert_eq!(once, "A line\n'quoted'");
    }
}
