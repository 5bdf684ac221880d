//! ROUGE input handling of arbitrary summaries and references, in both conventions: scores are
//! finite and within [0, 1], or the references are refused with an error.
#![no_main]

use chorus_rouge::{one_sentence_per_line, Convention, Scorer, Truncation};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\0');
    let candidate = parts.next().unwrap_or_default();
    let references: Vec<String> = parts.take(4).map(one_sentence_per_line).collect();
    for convention in [
        Convention::RougeScore,
        Convention::Rouge155 { truncate: None },
        Convention::Rouge155 { truncate: Some(Truncation::Words(20)) },
        Convention::Rouge155 { truncate: Some(Truncation::Bytes(100)) },
    ] {
        let Ok(prepared) = Scorer::new(convention).prepare(&references) else { continue };
        let scores = prepared.score(&one_sentence_per_line(candidate));
        for metric in convention.metrics() {
            if let Some(prf) = scores.get(*metric) {
                for x in [prf.precision, prf.recall, prf.f1] {
                    assert!(x.is_finite() && (0.0..=1.0).contains(&x), "{metric:?} {x}");
                }
            }
        }
    }
});
