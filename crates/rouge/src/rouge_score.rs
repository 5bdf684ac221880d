//! The `RougeScore` convention: Google's `rouge-score` 0.1.2 with `use_stemmer=True`.
//!
//! Tokens: Unicode-lowercase the text, treat every character other than `a-z0-9` as a separator,
//! and stem tokens longer than three characters with NLTK's Porter stemmer. Scores are unrounded;
//! with several references each metric takes the reference with the best F1 (`score_multi`).

use crate::counts::Overlap;
use crate::lcs::LcsIndex;
use crate::profile::{Profile, Tokenized};
use crate::scores::{Metric, Prf, Scores};
use crate::stem::nltk_porter;

/// The metrics this convention defines.
pub(crate) const METRICS: &[Metric] = &Metric::ALL;

/// `rouge_score.tokenize.tokenize(text, PorterStemmer())`.
fn tokenize_line(line: &str, tokens: &mut Vec<String>) {
    let flush = |current: &mut String, tokens: &mut Vec<String>| {
        if !current.is_empty() {
            let token = std::mem::take(current);
            tokens.push(if token.len() > 3 { nltk_porter(&token) } else { token });
        }
    };
    let mut current = String::new();
    for lowered in line.chars().flat_map(char::to_lowercase) {
        if lowered.is_ascii_lowercase() || lowered.is_ascii_digit() {
            current.push(lowered);
        } else {
            flush(&mut current, tokens);
        }
    }
    flush(&mut current, tokens);
}

/// Tokens of the whole text, and of each non-empty line (the package's ROUGE-Lsum sentences).
pub(crate) fn tokenize(text: &str) -> Tokenized {
    let sentences: Vec<Vec<String>> = text
        .split('\n')
        .filter(|line| !line.is_empty())
        .map(|line| {
            let mut tokens = Vec::new();
            tokenize_line(line, &mut tokens);
            tokens
        })
        .collect();
    Tokenized { tokens: sentences.concat(), sentences }
}

/// One reference, with the index its plain ROUGE-L needs.
#[derive(Debug, Clone)]
pub(crate) struct Reference {
    profile: Profile,
    lcs: LcsIndex,
}

impl Reference {
    pub(crate) fn new(profile: Profile) -> Reference {
        let lcs = LcsIndex::new(&profile.tokens);
        Reference { profile, lcs }
    }
}

/// Unrounded P/R/F; a side without grams scores 0, as in the package.
fn prf(overlap: Overlap) -> Prf {
    let ratio = |total: u64| {
        if total == 0 {
            0.0
        } else {
            overlap.hits as f64 / total as f64
        }
    };
    Prf::from_precision_recall(ratio(overlap.summary_total), ratio(overlap.reference_total))
}

fn overlap(reference: &Reference, summary: &Profile, metric: Metric) -> Overlap {
    let profile = &reference.profile;
    match metric {
        Metric::RougeL => Overlap {
            hits: reference.lcs.lcs_len(&summary.tokens) as u64,
            reference_total: profile.tokens.len() as u64,
            summary_total: summary.tokens.len() as u64,
        },
        Metric::Rouge1 => profile.ngram_overlap(summary, 1),
        Metric::Rouge2 => profile.ngram_overlap(summary, 2),
        Metric::Rouge3 => profile.ngram_overlap(summary, 3),
        Metric::Rouge4 => profile.ngram_overlap(summary, 4),
        Metric::RougeLsum => profile.summary_level_lcs_overlap(summary),
        Metric::RougeSU4 => profile.skip_bigram_overlap(summary),
    }
}

/// Scores `summary` against every reference and keeps, per metric, the first reference with the
/// highest F1 (`numpy.argmax` in `score_multi`).
pub(crate) fn score(references: &[Reference], summary: &Profile) -> Scores {
    let mut scores = Scores::default();
    for &metric in METRICS {
        let best =
            references.iter().map(|r| prf(overlap(r, summary, metric))).fold(
                None,
                |best: Option<Prf>, prf| match best {
                    Some(b) if b.f1 >= prf.f1 => Some(b),
                    _ => Some(prf),
                },
            );
        scores.set(metric, best.unwrap_or_default());
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizer_lowercases_splits_on_non_alphanumerics_and_stems_long_tokens() {
        let text = tokenize("The U.S.-led talks' 3.5% rise\nwas Agreed, “quickly”");
        assert_eq!(text.tokens, ["the", "u", "s", "led", "talk", "3", "5", "rise", "was", "agre", "quickli"]);
        assert_eq!(text.sentences.len(), 2);
    }

    #[test]
    fn unicode_lowercasing_can_produce_ascii_letters() {
        // U+212A KELVIN SIGN lowercases to `k`; U+0130 to `i` plus a combining dot (a separator).
        assert_eq!(tokenize("\u{212A}m \u{130}stanbul").tokens, ["km", "i", "stanbul"]);
    }

    #[test]
    fn empty_lines_are_not_sentences() {
        let text = tokenize("\n\nA b\n\n c d \n");
        assert_eq!(text.sentences.len(), 2);
        assert_eq!(text.tokens, ["a", "b", "c", "d"]);
    }
}
