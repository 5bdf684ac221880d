//! Score values: precision/recall/F of each metric.

use std::fmt;

/// Precision, recall and F-measure of one metric (all in `[0, 1]`).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    /// Share of the summary's units found in the references.
    pub precision: f64,
    /// Share of the references' units found in the summary.
    pub recall: f64,
    /// Harmonic mean of precision and recall (both conventions weigh them equally).
    pub f1: f64,
}

impl Prf {
    /// Precision and recall combined as `rouge-score` does, `2PR / (P + R)`, evaluated in the same
    /// order of floating-point operations so the result is bit-identical.
    pub(crate) fn from_precision_recall(precision: f64, recall: f64) -> Prf {
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Prf { precision, recall, f1 }
    }
}

/// A ROUGE variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Metric {
    /// Unigram overlap.
    Rouge1,
    /// Bigram overlap.
    Rouge2,
    /// Trigram overlap.
    Rouge3,
    /// 4-gram overlap.
    Rouge4,
    /// Longest common subsequence. `RougeScore`: of the whole texts. `Rouge155`: the perl script's
    /// ROUGE-L, which is summary-level (union LCS over sentences, like `rougeLsum`).
    RougeL,
    /// Summary-level LCS over newline-separated sentences (`RougeScore` only).
    RougeLsum,
    /// Skip-bigrams at most 4 words apart plus unigrams (ROUGE-1.5.5 `-2 4 -u`).
    RougeSU4,
}

impl Metric {
    /// Every metric, in report order.
    pub const ALL: [Metric; 7] = [
        Metric::Rouge1,
        Metric::Rouge2,
        Metric::Rouge3,
        Metric::Rouge4,
        Metric::RougeL,
        Metric::RougeLsum,
        Metric::RougeSU4,
    ];

    /// The name the reference scorers print (`rouge-score` keys; ROUGE-1.5.5 uses `ROUGE-1` etc.).
    pub fn name(self) -> &'static str {
        match self {
            Metric::Rouge1 => "rouge1",
            Metric::Rouge2 => "rouge2",
            Metric::Rouge3 => "rouge3",
            Metric::Rouge4 => "rouge4",
            Metric::RougeL => "rougeL",
            Metric::RougeLsum => "rougeLsum",
            Metric::RougeSU4 => "rougeSU4",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The scores of one summary (or an average over clusters): one [`Prf`] per metric the convention
/// defines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    by_metric: [Option<Prf>; Metric::ALL.len()],
}

impl Scores {
    /// The score of `metric`, or `None` if the convention does not define it.
    pub fn get(&self, metric: Metric) -> Option<Prf> {
        self.by_metric[metric.index()]
    }

    /// The defined metrics with their scores, in [`Metric::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Metric, Prf)> + '_ {
        Metric::ALL.into_iter().filter_map(|m| self.get(m).map(|prf| (m, prf)))
    }

    pub(crate) fn set(&mut self, metric: Metric, prf: Prf) {
        self.by_metric[metric.index()] = Some(prf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_is_the_harmonic_mean_and_zero_without_matches() {
        let prf = Prf::from_precision_recall(0.5, 0.25);
        assert!((prf.f1 - 1.0 / 3.0).abs() < 1e-15);
        assert_eq!(Prf::from_precision_recall(0.0, 0.0).f1, 0.0);
    }

    #[test]
    fn scores_hold_only_the_metrics_that_were_set() {
        let mut scores = Scores::default();
        scores.set(Metric::Rouge2, Prf::from_precision_recall(1.0, 1.0));
        assert_eq!(scores.get(Metric::Rouge2).map(|p| p.f1), Some(1.0));
        assert_eq!(scores.get(Metric::Rouge1), None);
        assert_eq!(scores.iter().map(|(m, _)| m).collect::<Vec<_>>(), [Metric::Rouge2]);
    }
}
