//! The sentences the classic DUC-era methods choose from. Their systems were run on DUC
//! clusters with sentences too short to carry a fact left out, and quoted speech too, which is
//! attributed opinion rather than the event. Without that pool a unigram-matching objective such
//! as KL-Sum fills a 100-word brief with ten short quotes (issue 14).

use chorus_core::{Corpus, Sentence};

/// Fewest words a candidate sentence has: the usual DUC cut (8 to 10 words). Measured on DUC
/// 2006 at 100 words, 10 beats 0 and 8 for KL-Sum and SumBasic and costs no other method.
pub const MIN_WORDS: usize = 10;

/// Whether `sentence` is one the classic methods choose from: eligible, at least
/// [`MIN_WORDS`] words, and without quotation marks.
pub fn is_candidate(sentence: &Sentence) -> bool {
    sentence.is_eligible() && sentence.words >= MIN_WORDS && !is_quote(&sentence.text)
}

/// Whether a sentence holds quoted speech: straight, curly or TeX-style (Multi-News) quotes.
fn is_quote(text: &str) -> bool {
    text.contains(['"', '\u{201c}', '\u{201d}']) || text.contains("``") || text.contains("''")
}

/// The candidates of a corpus, by sentence index. When no eligible sentence passes (a cluster of
/// short items), every eligible sentence is a candidate: short sentences beat an empty brief.
pub fn candidates(corpus: &Corpus) -> Vec<usize> {
    let strict: Vec<usize> = (0..corpus.sentences.len()).filter(|&s| is_candidate(&corpus.sentences[s])).collect();
    if strict.is_empty() {
        (0..corpus.sentences.len()).filter(|&s| corpus.sentences[s].is_eligible()).collect()
    } else {
        strict
    }
}

/// Per sentence, whether it is among [`candidates`].
pub fn mask(corpus: &Corpus) -> Vec<bool> {
    let mut mask = vec![false; corpus.sentences.len()];
    candidates(corpus).into_iter().for_each(|s| mask[s] = true);
    mask
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_corpus::corpus;

    const LONG: &str = "the army stormed the gas plant in the desert on thursday morning after talks failed";

    #[test]
    fn short_and_quoted_sentences_are_left_out() {
        let c = corpus(&[&format!(
            "{LONG}. militants seized the plant. he said \"we will fight on until the last man stands here\""
        )]);
        assert_eq!(candidates(&c), vec![0]);
        assert_eq!(mask(&c), vec![true, false, false]);
    }

    #[test]
    fn a_cluster_of_short_sentences_keeps_them_all() {
        let c = corpus(&["militants seized the plant. the army stormed it"]);
        assert_eq!(candidates(&c), vec![0, 1]);
    }

    #[test]
    fn every_quote_style_counts() {
        for text in ["he said \u{201c}no\u{201d} today", "he said `` no '' today", "he said \"no\" today"] {
            assert!(is_quote(text), "{text}");
        }
        assert!(!is_quote("the army's assault ended it"));
    }
}
