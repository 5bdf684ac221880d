//! Cleaning and segmentation of arbitrary text, with the span invariants: every sentence's span
//! is a range of its document's original text on character boundaries, and a sentence's text is
//! what cleaning made of that range.
#![no_main]

use chorus::ingest::Cleaning;
use chorus::segment::Segmenter;
use chorus::{Cluster, Document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // Up to four documents, split where the input has a NUL.
    let documents: Vec<Document> =
        text.split('\0').take(4).enumerate().map(|(i, t)| Document::new(i.to_string(), t.to_owned())).collect();
    let cluster = Cleaning::default().clean(Cluster { id: "fuzz".into(), documents, ..Default::default() });
    let corpus = Segmenter::new().segment(&cluster);
    for sentence in &corpus.sentences {
        let document = &cluster.documents()[sentence.doc];
        let original = document.original.as_str();
        let span = sentence.span;
        assert!(span.start <= span.end && span.end <= original.len(), "span {span:?} outside {}", original.len());
        assert!(
            original.is_char_boundary(span.start) && original.is_char_boundary(span.end),
            "span {span:?} splits a character"
        );
        let clean = document.clean.as_str();
        assert!(sentence.clean.end <= clean.len(), "clean range outside the cleaned text");
        assert_eq!(&clean[sentence.clean.clone()], sentence.text, "a sentence is its clean range");
        assert!(sentence.text.len() <= 2_000 || !sentence.is_eligible(), "an overlong sentence is eligible");
    }
});
