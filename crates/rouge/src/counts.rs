//! Gram counting and clipped overlap, shared by both conventions.

use rustc_hash::FxHashMap;

/// Gram → number of occurrences. A gram of up to four 32-bit token ids is packed into one `u128`.
pub(crate) type Counts = FxHashMap<u128, u32>;

/// Longest n-gram either convention reports (ROUGE-4).
pub(crate) const MAX_N: usize = 4;

/// How far apart the two words of a ROUGE-SU4 skip-bigram may be: at most 4 words in between.
const SKIP_GAP: usize = 4;

/// Skip-bigram keys use the low 64 bits; unigram keys of ROUGE-SU carry this tag so the two kinds
/// of gram share one table without colliding.
const UNIGRAM_TAG: u128 = 1 << 64;

/// Matched grams and the totals on each side, before any convention turns them into P/R/F.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Overlap {
    pub hits: u64,
    pub reference_total: u64,
    pub summary_total: u64,
}

impl std::ops::AddAssign for Overlap {
    fn add_assign(&mut self, other: Overlap) {
        self.hits += other.hits;
        self.reference_total += other.reference_total;
        self.summary_total += other.summary_total;
    }
}

/// Counts of the contiguous `n`-grams of `tokens` (`1 <= n <= MAX_N`).
pub(crate) fn ngram_counts(tokens: &[u32], n: usize) -> Counts {
    let mut counts = Counts::with_capacity_and_hasher(tokens.len(), Default::default());
    for gram in tokens.windows(n) {
        let key = gram.iter().fold(0u128, |key, &id| (key << 32) | u128::from(id));
        *counts.entry(key).or_insert(0) += 1;
    }
    counts
}

/// The grams of ROUGE-1.5.5's `-2 4 -u`: every pair of words at most [`SKIP_GAP`] words apart, plus
/// each word as a unigram. Like the perl script it counts the unigram of every word except the last
/// (its loop starts a pair at each word that has a successor).
pub(crate) fn skip_bigram_counts(tokens: &[u32]) -> Counts {
    let mut counts = Counts::with_capacity_and_hasher(tokens.len() * (SKIP_GAP + 2), Default::default());
    for (i, &first) in tokens.iter().enumerate().take(tokens.len().saturating_sub(1)) {
        *counts.entry(UNIGRAM_TAG | u128::from(first)).or_insert(0) += 1;
        for &second in tokens.iter().skip(i + 1).take(SKIP_GAP + 1) {
            let key = (u128::from(first) << 32) | u128::from(second);
            *counts.entry(key).or_insert(0) += 1;
        }
    }
    counts
}

/// Σ over grams of min(count in `a`, count in `b`): each occurrence matches at most once.
pub(crate) fn clipped_overlap(a: &Counts, b: &Counts) -> u64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small.iter().map(|(gram, &count)| u64::from(count.min(large.get(gram).copied().unwrap_or(0)))).sum()
}

/// Total number of grams in a table.
pub(crate) fn total(counts: &Counts) -> u64 {
    counts.values().map(|&c| u64::from(c)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bigrams_are_counted_with_multiplicity() {
        let counts = ngram_counts(&[1, 2, 1, 2], 2);
        assert_eq!(total(&counts), 3);
        assert_eq!(counts.get(&((1u128 << 32) | 2)), Some(&2));
        assert!(ngram_counts(&[1], 2).is_empty());
    }

    #[test]
    fn skip_bigrams_reach_five_positions_ahead_and_skip_the_last_unigram() {
        // 7 tokens: pairs (i, j) with 1 <= j - i <= 5 → 5+5+4+3+2+1 = 20, unigrams of the first 6.
        let counts = skip_bigram_counts(&[1, 2, 3, 4, 5, 6, 7]);
        assert_eq!(total(&counts), 26);
        assert!(counts.contains_key(&((1u128 << 32) | 6)));
        assert!(!counts.contains_key(&((1u128 << 32) | 7)));
        assert!(!counts.contains_key(&(UNIGRAM_TAG | 7)));
        assert!(skip_bigram_counts(&[1]).is_empty());
    }

    #[test]
    fn overlap_is_clipped_by_the_smaller_count() {
        let a = ngram_counts(&[1, 1, 1, 2], 1);
        let b = ngram_counts(&[1, 2, 2, 3], 1);
        assert_eq!(clipped_overlap(&a, &b), 2);
        assert_eq!(clipped_overlap(&b, &a), 2);
    }
}
