//! Longest common subsequences: the length for ROUGE-L and the union LCS for the summary-level
//! ROUGE-L of both references (`rougeLsum`, and perl's ROUGE-L).
//!
//! ROUGE-L is quadratic in the lengths of one summary and one reference by definition; summaries
//! are short, so this is the one place the crate accepts O(n·m) work.

use crate::counts::Counts;
use rustc_hash::FxHashMap;

/// A reference prepared for bit-parallel LCS lengths (Allison–Dix / Hyyrö): one bit per reference
/// position, so a summary is matched in ⌈m/64⌉ word operations per summary token instead of m.
#[derive(Debug, Clone)]
pub(crate) struct LcsIndex {
    positions: FxHashMap<u32, Vec<u64>>,
    len: usize,
}

impl LcsIndex {
    pub(crate) fn new(reference: &[u32]) -> Self {
        let words = reference.len().div_ceil(64);
        let mut positions: FxHashMap<u32, Vec<u64>> = FxHashMap::default();
        for (i, &token) in reference.iter().enumerate() {
            positions.entry(token).or_insert_with(|| vec![0; words])[i / 64] |= 1 << (i % 64);
        }
        LcsIndex { positions, len: reference.len() }
    }

    /// Length of the longest common subsequence of the reference and `summary`.
    pub(crate) fn lcs_len(&self, summary: &[u32]) -> usize {
        let words = self.len.div_ceil(64);
        // A zero bit at position i means "an LCS ending at reference position i has grown".
        let mut v = vec![u64::MAX; words];
        for token in summary {
            let Some(matches) = self.positions.get(token) else {
                continue;
            };
            let mut carry = false;
            for (vk, &mk) in v.iter_mut().zip(matches) {
                let u = *vk & mk;
                let (sum, c1) = vk.overflowing_add(u);
                let (sum, c2) = sum.overflowing_add(u64::from(carry));
                carry = c1 || c2;
                *vk = sum | (*vk & !mk);
            }
        }
        let mut zeros = 0;
        for (k, vk) in v.iter().enumerate() {
            let valid_bits = (self.len - 64 * k).min(64);
            let valid = if valid_bits == 64 { u64::MAX } else { (1u64 << valid_bits) - 1 };
            zeros += (!vk & valid).count_ones() as usize;
        }
        zeros
    }
}

/// Marks the reference positions of one LCS of `reference` and `summary` in `hit`.
///
/// Both reference implementations fill the same table and walk it back the same way (diagonal on
/// a match, otherwise up unless left is strictly longer), so they pick the same LCS; the union over
/// summary sentences depends on that choice, hence this exact walk.
fn mark_lcs(reference: &[u32], summary: &[u32], hit: &mut [bool], table: &mut Vec<u32>) {
    let (m, n) = (reference.len(), summary.len());
    if m == 0 || n == 0 {
        return;
    }
    let width = n + 1;
    table.clear();
    table.resize((m + 1) * width, 0);
    for (i, &token) in reference.iter().enumerate() {
        let (filled, rest) = table.split_at_mut((i + 1) * width);
        let previous = &filled[i * width..];
        let mut left = 0;
        for ((cell, &word), (&up, &diagonal)) in
            rest[1..width].iter_mut().zip(summary).zip(previous[1..].iter().zip(&previous[..n]))
        {
            left = if token == word { diagonal + 1 } else { up.max(left) };
            *cell = left;
        }
    }
    let (mut i, mut j) = (m, n);
    while i > 0 && j > 0 {
        if reference[i - 1] == summary[j - 1] {
            hit[i - 1] = true;
            i -= 1;
            j -= 1;
        } else if table[i * width + j - 1] > table[(i - 1) * width + j] {
            j -= 1;
        } else {
            i -= 1;
        }
    }
}

/// Summary-level LCS hits (Lin 2004, §3.2, as implemented by ROUGE-1.5.5): for each reference
/// sentence, the union of its LCS with every summary sentence; each token of that union counts
/// once, and only while both sides still have an unused occurrence of it.
pub(crate) fn union_lcs_hits(
    reference_sentences: &[Vec<u32>],
    summary_sentences: &[Vec<u32>],
    reference_unigrams: &Counts,
    summary_unigrams: &Counts,
) -> u64 {
    let mut reference_left = reference_unigrams.clone();
    let mut summary_left = summary_unigrams.clone();
    let mut table = Vec::new();
    let mut hits = 0;
    for sentence in reference_sentences {
        let mut hit = vec![false; sentence.len()];
        for summary_sentence in summary_sentences {
            mark_lcs(sentence, summary_sentence, &mut hit, &mut table);
        }
        for (&token, _) in sentence.iter().zip(&hit).filter(|(_, &h)| h) {
            let key = u128::from(token);
            let (Some(r), Some(s)) = (reference_left.get_mut(&key), summary_left.get_mut(&key)) else {
                continue;
            };
            if *r > 0 && *s > 0 {
                *r -= 1;
                *s -= 1;
                hits += 1;
            }
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::counts::ngram_counts;

    /// The textbook quadratic LCS length, to check the bit-parallel one against.
    fn lcs_len_by_table(a: &[u32], b: &[u32]) -> usize {
        let mut row = vec![0usize; b.len() + 1];
        for &x in a {
            let mut diagonal = 0;
            for (j, &y) in b.iter().enumerate() {
                let up = row[j + 1];
                row[j + 1] = if x == y { diagonal + 1 } else { up.max(row[j]) };
                diagonal = up;
            }
        }
        row[b.len()]
    }

    #[test]
    fn bit_parallel_lcs_equals_the_table_on_pseudo_random_sequences() {
        let mut state = 12345u64;
        let mut next = |alphabet: u64| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((state >> 33) % alphabet) as u32
        };
        for round in 0..200 {
            let (m, n) = (round % 150, (round * 7) % 130);
            let alphabet = 2 + (round as u64 % 9);
            let a: Vec<u32> = (0..m).map(|_| next(alphabet)).collect();
            let b: Vec<u32> = (0..n).map(|_| next(alphabet)).collect();
            assert_eq!(LcsIndex::new(&a).lcs_len(&b), lcs_len_by_table(&a, &b), "m={m} n={n}");
        }
    }

    #[test]
    fn union_lcs_counts_each_token_once() {
        // Reference sentence "1 2 3 4 5"; summary sentences "1 2 6" and "3 5": union = {1,2,3,5}.
        let reference = vec![vec![1, 2, 3, 4, 5]];
        let summary = vec![vec![1, 2, 6], vec![3, 5]];
        let flat_summary: Vec<u32> = summary.concat();
        let hits =
            union_lcs_hits(&reference, &summary, &ngram_counts(&reference[0], 1), &ngram_counts(&flat_summary, 1));
        assert_eq!(hits, 4);
        // A summary word used up by one reference sentence cannot match in the next one.
        let reference = vec![vec![7, 8], vec![7, 9]];
        let summary = vec![vec![7]];
        let hits = union_lcs_hits(&reference, &summary, &ngram_counts(&[7, 8, 7, 9], 1), &ngram_counts(&[7], 1));
        assert_eq!(hits, 1);
    }
}
