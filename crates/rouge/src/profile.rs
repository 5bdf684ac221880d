//! A tokenized text with its gram tables, built once per reference and once per summary.

use crate::counts::{clipped_overlap, ngram_counts, skip_bigram_counts, total, Counts, Overlap, MAX_N};
use crate::lcs::union_lcs_hits;

/// The output of a convention's tokenizer: the tokens its n-gram metrics see, and the sentences its
/// summary-level LCS sees (the perl script truncates these two differently under `-b`).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Tokenized {
    pub tokens: Vec<String>,
    pub sentences: Vec<Vec<String>>,
}

/// Token ids plus every gram table a metric needs.
#[derive(Debug, Clone)]
pub(crate) struct Profile {
    pub tokens: Vec<u32>,
    pub sentences: Vec<Vec<u32>>,
    ngrams: [Counts; MAX_N],
    skip_bigrams: Counts,
}

impl Profile {
    /// Builds the tables, mapping each token through `id` (interning for references, lookup for
    /// summaries).
    pub(crate) fn new(text: &Tokenized, mut id: impl FnMut(&str) -> u32) -> Profile {
        let tokens: Vec<u32> = text.tokens.iter().map(|t| id(t)).collect();
        let sentences = text.sentences.iter().map(|s| s.iter().map(|t| id(t)).collect()).collect();
        let ngrams = std::array::from_fn(|i| ngram_counts(&tokens, i + 1));
        let skip_bigrams = skip_bigram_counts(&tokens);
        Profile { tokens, sentences, ngrams, skip_bigrams }
    }

    /// ROUGE-N counts with `self` as the reference (`1 <= n <= 4`).
    pub(crate) fn ngram_overlap(&self, summary: &Profile, n: usize) -> Overlap {
        let (reference, candidate) = (&self.ngrams[n - 1], &summary.ngrams[n - 1]);
        Overlap {
            hits: clipped_overlap(reference, candidate),
            reference_total: total(reference),
            summary_total: total(candidate),
        }
    }

    /// ROUGE-SU4 counts with `self` as the reference.
    pub(crate) fn skip_bigram_overlap(&self, summary: &Profile) -> Overlap {
        Overlap {
            hits: clipped_overlap(&self.skip_bigrams, &summary.skip_bigrams),
            reference_total: total(&self.skip_bigrams),
            summary_total: total(&summary.skip_bigrams),
        }
    }

    /// Summary-level LCS counts with `self` as the reference: hits over the reference's sentence
    /// tokens and the summary's tokens.
    pub(crate) fn summary_level_lcs_overlap(&self, summary: &Profile) -> Overlap {
        Overlap {
            hits: union_lcs_hits(&self.sentences, &summary.sentences, &self.ngrams[0], &summary.ngrams[0]),
            reference_total: self.sentences.iter().map(|s| s.len() as u64).sum(),
            summary_total: summary.tokens.len() as u64,
        }
    }
}
