//! Cheap, scale-free facts about each sentence that a learned scorer weighs: where it stands in
//! its report, how long it is, how central it is to the cluster, and how much of it other reports
//! say too.
//!
//! Every feature is bounded or a ratio, never a raw count that grows with the input: the scorer
//! is fitted on short Multi-News clusters and must not extrapolate wildly on full-length reports.
//! Capitalisation is deliberately unused: the Multi-News text it is fitted on was lowercased.

use crate::unigrams::distribution;
use crate::vectors::Vectors;
use chorus_core::{Corpus, Sentence, TermId};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Names of the features, in the order [`sentence_features`] gives them.
pub const FEATURE_NAMES: [&str; 16] = [
    "first_in_report",
    "second_in_report",
    "inverse_rank",
    "relative_position",
    "log_words",
    "short",
    "long",
    "centroid_cosine",
    "other_reports_cosine",
    "shared_terms",
    "shared_bigrams",
    "term_probability",
    "content_ratio",
    "has_number",
    "has_quote",
    "pronoun_opening",
];

/// How many features each sentence has.
pub const FEATURES: usize = FEATURE_NAMES.len();

/// Sentences shorter than this many words are "short", longer than [`LONG_WORDS`] "long": the
/// length effect on ROUGE is not linear in the logarithm alone.
const SHORT_WORDS: usize = 12;
const LONG_WORDS: usize = 40;

/// Openings that point back to something the reader may not have seen: a brief that lifts such
/// a sentence out of its report reads badly.
const BACK_POINTERS: [&str; 12] =
    ["he", "she", "it", "they", "this", "that", "these", "those", "his", "her", "its", "their"];

/// The features of every sentence of `corpus`, indexed like `corpus.sentences`.
pub fn sentence_features(corpus: &Corpus) -> Vec<[f64; FEATURES]> {
    feature_rows(corpus, &Vectors::new(corpus)).collect()
}

/// The rows of [`sentence_features`], one sentence at a time, with the corpus's sentence vectors
/// already built (a method needs them for its selection too). A scorer reads each row once: all
/// rows at once would be 128 bytes a sentence, as much as a large report's text.
pub(crate) fn feature_rows<'c>(corpus: &'c Corpus, vectors: &'c Vectors) -> impl Iterator<Item = [f64; FEATURES]> + 'c {
    let cluster = vectors.sum();
    let reports = ReportSums::new(corpus, vectors);
    let probability = distribution(corpus);
    let shared_bigrams = bigrams_in_several_reports(corpus);
    let ranks = eligible_ranks(corpus);
    let lengths = report_lengths(corpus);
    let other_reports = corpus.documents.saturating_sub(1) as f64;
    corpus.sentences.iter().enumerate().map(move |(i, s)| {
        let rank = ranks[i] as f64;
        let distinct: HashSet<TermId> = s.terms.iter().copied().collect();
        let shared_terms = if other_reports > 0.0 && !distinct.is_empty() {
            distinct.iter().map(|&t| f64::from(document_frequency(corpus, t).saturating_sub(1))).sum::<f64>()
                / (distinct.len() as f64 * other_reports)
        } else {
            0.0
        };
        let bigrams = s.terms.len().saturating_sub(1);
        let shared = s.bigrams().filter(|b| shared_bigrams.contains(b)).count();
        let mean_probability = if s.terms.is_empty() {
            0.0
        } else {
            s.terms.iter().map(|t| probability.get(t).copied().unwrap_or(0.0)).sum::<f64>() / s.terms.len() as f64
        };
        [
            f64::from(u8::from(ranks[i] == 0)),
            f64::from(u8::from(ranks[i] == 1)),
            1.0 / (rank + 1.0),
            s.position as f64 / lengths.get(&s.doc).copied().unwrap_or(1).max(1) as f64,
            (s.words.max(1) as f64).ln(),
            f64::from(u8::from(s.words < SHORT_WORDS)),
            f64::from(u8::from(s.words > LONG_WORDS)),
            f64::from(cluster.cosine(vectors.get(i))),
            reports.cosine_to_others(corpus, vectors, i),
            shared_terms,
            if bigrams > 0 { shared as f64 / bigrams as f64 } else { 0.0 },
            // Relative to a uniform distribution, so cluster size does not shift it.
            (1.0 + mean_probability * probability.len() as f64).ln(),
            s.terms.len() as f64 / s.words.max(1) as f64,
            f64::from(u8::from(s.text.chars().any(|c| c.is_ascii_digit()))),
            f64::from(u8::from(has_quote(s))),
            f64::from(u8::from(opens_with_back_pointer(s))),
        ]
    })
}

/// How many reports use `term` (1 for a term the corpus has no count of).
pub(crate) fn document_frequency(corpus: &Corpus, term: TermId) -> u32 {
    corpus.document_frequency.get(term as usize).copied().unwrap_or(1)
}

fn has_quote(sentence: &Sentence) -> bool {
    sentence.text.contains(['"', '\u{201c}', '\u{201d}'])
}

pub(crate) fn opens_with_back_pointer(sentence: &Sentence) -> bool {
    let first = sentence.text.split_whitespace().next().unwrap_or_default();
    let word = first.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    BACK_POINTERS.contains(&word.as_str())
}

/// Each sentence's rank among the eligible sentences of its report (0 = first), so a headline
/// or byline at the top does not push the lead sentence down; ineligible sentences get the rank
/// of the next eligible one.
pub(crate) fn eligible_ranks(corpus: &Corpus) -> Vec<usize> {
    let mut seen: HashMap<usize, usize> = HashMap::default();
    corpus
        .sentences
        .iter()
        .map(|s| {
            let count = seen.entry(s.doc).or_default();
            let rank = *count;
            *count += usize::from(s.is_eligible());
            rank
        })
        .collect()
}

/// Sentences per report (by the highest position seen).
fn report_lengths(corpus: &Corpus) -> HashMap<usize, usize> {
    let mut lengths: HashMap<usize, usize> = HashMap::default();
    for s in &corpus.sentences {
        let length = lengths.entry(s.doc).or_default();
        *length = (*length).max(s.position + 1);
    }
    lengths
}

/// Content bigrams that occur in at least two reports.
fn bigrams_in_several_reports(corpus: &Corpus) -> HashSet<(TermId, TermId)> {
    let mut first_report: HashMap<(TermId, TermId), usize> = HashMap::default();
    let mut shared = HashSet::default();
    for s in &corpus.sentences {
        for bigram in s.bigrams() {
            let report = *first_report.entry(bigram).or_insert(s.doc);
            if report != s.doc {
                shared.insert(bigram);
            }
        }
    }
    shared
}

/// The tf·idf sum of the whole cluster and of each report, so that a sentence's similarity to
/// what the *other* reports say costs one pass over its own terms.
struct ReportSums {
    cluster: HashMap<TermId, f64>,
    reports: HashMap<usize, HashMap<TermId, f64>>,
}

impl ReportSums {
    fn new(corpus: &Corpus, vectors: &Vectors) -> Self {
        let mut cluster: HashMap<TermId, f64> = HashMap::default();
        let mut reports: HashMap<usize, HashMap<TermId, f64>> = HashMap::default();
        for (i, s) in corpus.sentences.iter().enumerate() {
            let report = reports.entry(s.doc).or_default();
            for &(term, weight) in vectors.get(i).entries() {
                *cluster.entry(term).or_default() += f64::from(weight);
                *report.entry(term).or_default() += f64::from(weight);
            }
        }
        ReportSums { cluster, reports }
    }

    /// Cosine between the sentence's vector and the sum of every other report's sentence
    /// vectors (0 for a single report). The norm of that sum is taken over the sentence's own
    /// terms only, which keeps the cost linear; it ranks sentences of one cluster the same way
    /// up to the missing constant.
    fn cosine_to_others(&self, corpus: &Corpus, vectors: &Vectors, sentence: usize) -> f64 {
        let own = self.reports.get(&corpus.sentences[sentence].doc);
        let (mut dot, mut norm) = (0.0, 0.0);
        for &(term, weight) in vectors.get(sentence).entries() {
            let total = self.cluster.get(&term).copied().unwrap_or(0.0);
            let others = total - own.and_then(|r| r.get(&term)).copied().unwrap_or(0.0);
            let others = others.max(0.0);
            dot += f64::from(weight) * others;
            norm += others * others;
        }
        if norm > 0.0 {
            dot / norm.sqrt()
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_corpus::corpus;

    fn feature(name: &str) -> usize {
        FEATURE_NAMES.iter().position(|&n| n == name).unwrap_or(usize::MAX)
    }

    #[test]
    fn one_row_of_finite_features_per_sentence() {
        let c = corpus(&["storm hits coast. rain soaks valley", "storm hits coast again"]);
        let rows = sentence_features(&c);
        assert_eq!(rows.len(), c.sentences.len());
        assert!(rows.iter().flatten().all(|x| x.is_finite()));
    }

    #[test]
    fn position_counts_eligible_sentences_only() {
        let c = corpus(&["#headline words here. storm hits coast. rain soaks valley"]);
        let rows = sentence_features(&c);
        let first = feature("first_in_report");
        assert_eq!([rows[0][first], rows[1][first], rows[2][first]], [1.0, 1.0, 0.0]);
        assert_eq!(rows[2][feature("second_in_report")], 1.0);
    }

    #[test]
    fn what_other_reports_say_counts_as_shared() {
        let c = corpus(&["militants seized gas plant. weather turned cold", "militants seized gas plant near town"]);
        let rows = sentence_features(&c);
        let (terms, bigrams) = (feature("shared_terms"), feature("shared_bigrams"));
        assert!(rows[0][terms] > rows[1][terms]);
        assert_eq!(rows[0][bigrams], 1.0);
        assert_eq!(rows[1][bigrams], 0.0);
        let others = feature("other_reports_cosine");
        assert!(rows[0][others] > rows[1][others]);
    }

    #[test]
    fn back_pointing_openings_are_flagged() {
        let c = corpus(&["It said the plant closed. Officials said the plant closed"]);
        let rows = sentence_features(&c);
        let pronoun = feature("pronoun_opening");
        assert_eq!((rows[0][pronoun], rows[1][pronoun]), (1.0, 0.0));
    }
}
