//! Figures of an arbitrary cluster: claims whose spans lie in their documents, groups whose
//! indices point at claims, and a rendering that does not panic.
#![no_main]

use chorus::{Cluster, Document, FigureReport};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let documents: Vec<Document> =
        text.split('\n').take(8).enumerate().map(|(i, t)| Document::new(i.to_string(), t.to_owned())).collect();
    let lengths: Vec<usize> = documents.iter().map(|d| d.original.len()).collect();
    let cluster = Cluster { id: "fuzz".into(), documents, ..Default::default() };
    let Ok(prepared) = chorus::prepare(cluster) else { return };
    let report = FigureReport::new(&prepared, chorus::figures(&prepared));
    for cited in &report.claims {
        assert!(
            cited.start <= cited.end && cited.end <= lengths[cited.claim.doc_index],
            "claim span outside its document"
        );
    }
    for group in &report.groups {
        assert!(!group.values.is_empty());
        for value in &group.values {
            assert!(value.claims.iter().all(|&c| c < report.claims.len()));
        }
    }
    let _ = chorus::render_figures(&report);
});
