//! Inputs at the sizes the brief must cope with: many tiny reports, and one huge report. Both are
//! read and cleaned in full; the tests fail if either is lost or takes quadratic time (which at
//! these sizes would not finish in a test run).

use chorus_ingest::{read_cluster, Cleaning};
use std::fs;
use std::time::{Duration, Instant};

/// Generous, so that a slow shared machine does not fail the test; quadratic work on these
/// inputs would take far longer.
const LIMIT: Duration = Duration::from_secs(60);

#[test]
fn ten_thousand_tiny_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..10_000 {
        let text = format!("Report {i}: militants seized hostage number {i} at the plant.\n");
        fs::write(dir.path().join(format!("{i:05}.txt")), text).expect("write");
    }
    let started = Instant::now();
    let cluster = Cleaning::default().clean(read_cluster(dir.path()).expect("reads"));
    let cluster = cluster.cluster();
    assert!(started.elapsed() < LIMIT, "took {:?}", started.elapsed());
    assert_eq!(cluster.documents.len(), 10_000);
    assert_eq!(cluster.documents[42].id, "00042");
    assert_eq!(cluster.documents[42].clean.as_str(), "Report 42: militants seized hostage number 42 at the plant.");
    assert!(cluster.documents.iter().all(|d| d.duplicate_of.is_none()));
}

#[test]
fn a_twenty_megabyte_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.txt");
    let paragraph = "Algeria\u{2019}s army  stormed the plant on Thursday,\u{a0}officials said.\n\nAdvertisement\n";
    let text = paragraph.repeat(20 * 1024 * 1024 / paragraph.len());
    fs::write(&path, &text).expect("write");
    let started = Instant::now();
    let cluster = Cleaning::default().clean(read_cluster(&path).expect("reads"));
    let cluster = cluster.cluster();
    assert!(started.elapsed() < LIMIT, "took {:?}", started.elapsed());
    let document = &cluster.documents[0];
    assert_eq!(document.original.len(), text.len());
    let first_line = document.clean.as_str().lines().next().expect("text");
    assert_eq!(first_line, "Algeria's army stormed the plant on Thursday, officials said.");
    assert!(!document.clean.as_str().contains("Advertisement"));
}
