//! The `Rouge155` convention: the official ROUGE-1.5.5 perl script run as
//! `-n 4 -m -a -c 95 -r 1000 -f A -p 0.5 -t 0 -2 4 -u` (plus `-l N` or `-b N`), fed by
//! `shared/tools/rouge155.py`.
//!
//! With several references (`-f A`) the script pools the counts: recall = Σ hits / Σ reference
//! grams, precision = Σ hits / (number of references × summary grams). It rounds every per-item
//! recall and precision to five decimals before computing F from the rounded values, and reports as
//! average the mean of its bootstrap resamples; all of that is reproduced.

mod input;

use crate::bootstrap::rouge155_average;
use crate::counts::Overlap;
use crate::profile::Profile;
use crate::scores::{Metric, Prf, Scores};

pub(crate) use input::tokenize;

/// The metrics the script reports with these flags (its ROUGE-L is already summary-level).
pub(crate) const METRICS: &[Metric] =
    &[Metric::Rouge1, Metric::Rouge2, Metric::Rouge3, Metric::Rouge4, Metric::RougeL, Metric::RougeSU4];

/// `sprintf("%7.5f", x)` read back as a number; Rust's formatting rounds ties to even like glibc.
fn round5(x: f64) -> f64 {
    format!("{x:.5}").parse().unwrap_or(x)
}

/// The script's per-item P/R/F with alpha = 0.5: F = P·R / (0.5·P + 0.5·R) from rounded P and R.
fn rounded_prf(overlap: Overlap) -> Prf {
    let ratio = |total: u64| {
        if total == 0 {
            0.0
        } else {
            round5(overlap.hits as f64 / total as f64)
        }
    };
    let (recall, precision) = (ratio(overlap.reference_total), ratio(overlap.summary_total));
    let denominator = 0.5 * precision + 0.5 * recall;
    let f1 = if denominator > 0.0 { round5(precision * recall / denominator) } else { 0.0 };
    Prf { precision, recall, f1 }
}

fn overlap(reference: &Profile, summary: &Profile, metric: Metric) -> Option<Overlap> {
    Some(match metric {
        Metric::Rouge1 => reference.ngram_overlap(summary, 1),
        Metric::Rouge2 => reference.ngram_overlap(summary, 2),
        Metric::Rouge3 => reference.ngram_overlap(summary, 3),
        Metric::Rouge4 => reference.ngram_overlap(summary, 4),
        Metric::RougeL => reference.summary_level_lcs_overlap(summary),
        Metric::RougeSU4 => reference.skip_bigram_overlap(summary),
        Metric::RougeLsum => return None,
    })
}

/// Per-item scores of `summary` against all `references` (model averaging, `-f A`).
pub(crate) fn score(references: &[Profile], summary: &Profile) -> Scores {
    let mut scores = Scores::default();
    for &metric in METRICS {
        let mut pooled = Overlap::default();
        for reference in references {
            if let Some(counts) = overlap(reference, summary, metric) {
                pooled += counts;
            }
        }
        scores.set(metric, rounded_prf(pooled));
    }
    scores
}

/// The order the script visits items in: it sorts the ids `"0.S"`, `"1.S"`, … as strings, and the
/// bootstrap draws depend on positions in that order.
fn perl_item_order(count: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by_key(|i| i.to_string());
    order
}

/// The averages the script prints, for items given in evaluation-id order (the wrapper numbers
/// clusters in sorted-id order).
pub(crate) fn average(per_item: &[Scores]) -> Scores {
    let order = perl_item_order(per_item.len());
    let mut averages = Scores::default();
    for &metric in METRICS {
        let column = |field: fn(&Prf) -> f64| -> Vec<f64> {
            order.iter().map(|&i| per_item[i].get(metric).map_or(0.0, |prf| field(&prf))).collect()
        };
        let mean = |field: fn(&Prf) -> f64| round5(rouge155_average(&column(field)));
        averages.set(metric, Prf { precision: mean(|p| p.precision), recall: mean(|p| p.recall), f1: mean(|p| p.f1) });
    }
    averages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f_is_computed_from_rounded_precision_and_recall() {
        let prf = rounded_prf(Overlap { hits: 1, reference_total: 3, summary_total: 7 });
        assert_eq!(prf.recall, 0.33333);
        assert_eq!(prf.precision, 0.14286);
        assert_eq!(prf.f1, 0.2);
        assert_eq!(rounded_prf(Overlap::default()), Prf::default());
    }

    #[test]
    fn items_are_visited_in_string_order_of_their_ids() {
        assert_eq!(perl_item_order(12), [0, 1, 10, 11, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
}
