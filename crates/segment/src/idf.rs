//! Inverse document frequency, one formula for cluster and background statistics.

/// `ln((N + 1) / (df + 0.5))` for a term in `document_frequency` of `documents` documents.
///
/// Why smoothed: plain `ln(N / df)` is zero for a term in every document, so with one or two
/// documents (common for a cluster) most terms would weigh nothing; the `+ 1` keeps every idf
/// positive (`df ≤ N`), and the `+ 0.5` gives a term never seen (`df = 0`) a finite, largest
/// weight instead of infinity.
pub(crate) fn smoothed_idf(documents: u64, document_frequency: u64) -> f32 {
    ((documents as f64 + 1.0) / (document_frequency as f64 + 0.5)).ln() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idf_is_positive_finite_and_falls_with_frequency() {
        assert!(smoothed_idf(1, 1) > 0.0);
        assert!(smoothed_idf(3, 3) > 0.0);
        assert!(smoothed_idf(3, 1) > smoothed_idf(3, 2));
        assert!(smoothed_idf(3, 0).is_finite());
        assert!((smoothed_idf(3, 1) - (4.0f32 / 1.5).ln()).abs() < 1e-6);
    }
}
