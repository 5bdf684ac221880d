//! Cleaning: turns the text of real reports (mojibake, web-page furniture, pasted link titles,
//! typographic quotes, ragged whitespace) into plain lines a segmenter can trust.
//!
//! Every step only *proposes* edits ([`TextCleaner::edits`]); they are applied through
//! [`AlignedText::apply`](chorus_core::AlignedText::apply), so after any number of steps each
//! cleaned range still maps to the original bytes it came from. One file per step, plus
//! [`duplicates`], which works across the documents of a cluster.

mod cp1252;
mod duplicates;
mod entities;
mod furniture;
mod line_join;
mod link_runs;
mod mojibake;
mod whitespace;

use chorus_core::{Cluster, Document, Edit};

/// One cleaning step over one document's text.
trait TextCleaner {
    /// The edits that clean `text`: sorted, disjoint, on char boundaries.
    fn edits(&self, text: &str) -> Vec<Edit>;
}

/// The steps, in an order where each relies on the ones before it: references and mojibake are
/// decoded before anything reads characters; whitespace and quotes are normalised before the
/// line-based furniture rules read trimmed lines with ASCII quotes; lines are joined last, so
/// that no sentence is glued to a furniture line.
const STEPS: [&dyn TextCleaner; 6] = [
    &entities::Entities,
    &mojibake::Mojibake,
    &whitespace::Whitespace,
    &furniture::Furniture,
    &link_runs::LinkRuns,
    &line_join::LineJoin,
];

/// Cleans one document's `clean` text in place, keeping its alignment to `original`.
pub fn clean_document(document: &mut Document) {
    for step in STEPS {
        let edits = step.edits(document.clean.as_str());
        if !edits.is_empty() {
            document.clean.apply(edits);
        }
    }
}

/// Cleans every document of the cluster and marks near-duplicate documents.
pub fn clean_cluster(cluster: &mut Cluster) {
    for document in &mut cluster.documents {
        clean_document(document);
    }
    duplicates::mark_near_duplicates(&mut cluster.documents);
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
        clean_document(&mut document);
        assert_eq!(document.clean.as_str(), "\"It's over,\" AT&T said if the army intervened.");
        let said = document.clean.as_str().find("said").expect("kept");
        let span = document.clean.original_span(said..said + 4);
        assert_eq!(&original[span.start..span.end], "said");
    }

    #[test]
    fn cleaning_twice_changes_nothing_more() {
        let mut document = Document::new("0", "  A\u{a0}\u{a0}line\n\n\u{2018}quoted\u{2019}\nAdvertisement\n");
        clean_document(&mut document);
        let once = document.clean.as_str().to_owned();
        clean_document(&mut document);
        assert_eq!(document.clean.as_str(), once);
        assert_eq!(once, "A line\n'quoted'");
    }
}
