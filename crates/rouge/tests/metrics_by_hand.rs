//! Each metric on texts small enough to count by hand: what the numbers mean.

use chorus_rouge::{Convention, Metric, Prf, Scorer, Truncation};

const SUMMARY: &str = "the cat sat on the mat";
const REFERENCE: &str = "the cat lay on the mat";

fn score(convention: Convention, summary: &str, references: &[&str], metric: Metric) -> Prf {
    let scores = Scorer::new(convention).score(summary, references).expect("references given");
    scores.get(metric).unwrap_or_else(|| panic!("{metric} undefined"))
}

fn assert_prf(prf: Prf, precision: f64, recall: f64, f1: f64) {
    let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
    assert!(close(prf.precision, precision) && close(prf.recall, recall) && close(prf.f1, f1), "{prf:?}");
}

#[test]
fn rouge_n_counts_shared_n_grams() {
    let rs = Convention::RougeScore;
    // Unigrams: the ×2, cat, on, mat of 6 on each side.
    assert_prf(score(rs, SUMMARY, &[REFERENCE], Metric::Rouge1), 5.0 / 6.0, 5.0 / 6.0, 5.0 / 6.0);
    // Bigrams: "the cat", "on the", "the mat" of 5.
    assert_prf(score(rs, SUMMARY, &[REFERENCE], Metric::Rouge2), 0.6, 0.6, 0.6);
    // Trigrams: only "on the mat" of 4.
    assert_prf(score(rs, SUMMARY, &[REFERENCE], Metric::Rouge3), 0.25, 0.25, 0.25);
    // 4-grams: none of 3.
    assert_prf(score(rs, SUMMARY, &[REFERENCE], Metric::Rouge4), 0.0, 0.0, 0.0);
}

#[test]
fn rouge_l_is_the_longest_common_subsequence() {
    // "the cat on the mat": 5 of 6.
    assert_prf(score(Convention::RougeScore, SUMMARY, &[REFERENCE], Metric::RougeL), 5.0 / 6.0, 5.0 / 6.0, 5.0 / 6.0);
    // Sentences swapped: over the whole text only "on the mat" stays in order (3 of 6) ...
    let summary = "the cat sat\non the mat";
    let reference = "on the mat\nthe cat lay";
    assert_prf(score(Convention::RougeScore, summary, &[reference], Metric::RougeL), 0.5, 0.5, 0.5);
    // ... while summary-level LCS aligns each reference sentence with every summary sentence:
    // "on the mat" + "the cat" = 5 of 6.
    let lsum = score(Convention::RougeScore, summary, &[reference], Metric::RougeLsum);
    assert_prf(lsum, 5.0 / 6.0, 5.0 / 6.0, 5.0 / 6.0);
}

#[test]
fn rouge_su4_counts_skip_bigrams_and_unigrams() {
    // 6 words: 15 pairs at most 4 words apart + 5 unigrams (the last word's is not counted, as in
    // ROUGE-1.5.5) = 20 grams per side. Shared: the 10 pairs avoiding sat/lay + the, the, cat, on.
    assert_prf(score(Convention::RougeScore, SUMMARY, &[REFERENCE], Metric::RougeSU4), 0.7, 0.7, 0.7);
}

#[test]
fn several_references_best_of_versus_pooled() {
    let refs = ["the cat", "a dog sat"];
    // rouge-score keeps the reference with the best F1: "the cat" (P 2/3, R 1).
    assert_prf(score(Convention::RougeScore, "the cat sat", &refs, Metric::Rouge1), 2.0 / 3.0, 1.0, 0.8);
    // ROUGE-1.5.5 -f A pools: hits 2 + 1 of 2 + 3 reference words, 3 summary words per reference;
    // P and R are rounded to 5 decimals and F computed from the rounded values.
    let pooled = score(Convention::Rouge155 { truncate: None }, "the cat sat", &refs, Metric::Rouge1);
    assert_eq!(pooled, Prf { precision: 0.5, recall: 0.6, f1: 0.54545 });
}

#[test]
fn rouge155_truncates_summaries_and_references_alike() {
    let convention = Convention::Rouge155 { truncate: Some(Truncation::Words(2)) };
    // "the cat sat" → "the cat"; "the cat lay ..." → "the cat".
    assert_eq!(
        score(convention, "the cat sat", &[REFERENCE], Metric::Rouge1),
        Prf { precision: 1.0, recall: 1.0, f1: 1.0 }
    );
    let bytes = Convention::Rouge155 { truncate: Some(Truncation::Bytes(7)) };
    // "the cat sat" → "the cat", "sat the cat" → "sat the": only "the" is shared.
    assert_eq!(
        score(bytes, "the cat sat", &["sat the cat"], Metric::Rouge1),
        Prf { precision: 0.5, recall: 0.5, f1: 0.5 }
    );
}

#[test]
fn empty_summaries_score_zero_and_do_not_fail() {
    for convention in [Convention::RougeScore, Convention::Rouge155 { truncate: Some(Truncation::Words(100)) }] {
        let scores = Scorer::new(convention).score("", &[REFERENCE, ""]).expect("references given");
        assert_eq!(scores.iter().count(), convention.metrics().len());
        assert!(scores.iter().all(|(_, prf)| prf == Prf::default()), "{convention:?}: {scores:?}");
    }
}
