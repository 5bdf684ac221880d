//! The heap memory of a brief of one large report, counted allocation by allocation (so the
//! test cannot fail on a slow or busy machine): issue 15 asks for memory proportional to the
//! largest document. The `memory` example prints the same count stage by stage.

mod counting;

use chorus::{Budget, Cluster, Document, Format, Summarizer};
use counting::Counting;

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Most heap the whole of `summarize` may hold at once, in multiples of the report's size.
/// Measured 6.3× (6.5× before term lists were shared) (the example reports repeated to 4 MB); before sentences shared their text, a
/// large report peaked at 11.5×.
const MAX_PEAK_TIMES: f64 = 7.5;

/// Most bytes of the JSON of its 100-word brief, whatever the report's size: what the JSON lists
/// of the figures is capped (`render/json.rs`). Measured 165,644 bytes, and the same within
/// 10 bytes for the report repeated to 1 MB or to 16 MB.
const MAX_JSON_BYTES: usize = 200_000;

#[test]
fn a_large_report_peaks_at_a_bounded_multiple_of_its_size() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/in-amenas");
    let mut files: Vec<_> = std::fs::read_dir(folder).expect("the example").map(|e| e.expect("entry").path()).collect();
    files.sort();
    let texts: Vec<String> = files.iter().map(|f| std::fs::read_to_string(f).expect("text")).collect();
    let mut report = String::new();
    while report.len() < 4_000_000 {
        texts.iter().for_each(|text| report.extend([text.as_str(), "\n\n"]));
    }
    let size = report.len();
    let summarizer = Summarizer::new(chorus::DEFAULT_METHOD, Budget::words(100)).expect("the default method");

    Counting::restart();
    let before = Counting::held();
    let cluster = Cluster { id: "large".into(), documents: vec![Document::new("0", report)], query: None };
    let brief = summarizer.summarize(cluster).expect("a brief");
    let json = chorus::render(&brief, Format::Json).len();
    let peak = (Counting::peak() - before) as f64 / size as f64;

    assert!(brief.words > 0 && brief.words <= 100, "{} words", brief.words);
    eprintln!("peak heap {peak:.2}× a report of {size} bytes");
    assert!(json <= MAX_JSON_BYTES, "the JSON brief is {json} bytes, over {MAX_JSON_BYTES}");
    assert!(peak <= MAX_PEAK_TIMES, "peak heap {peak:.2}× the report's {size} bytes, over {MAX_PEAK_TIMES}×");
}
