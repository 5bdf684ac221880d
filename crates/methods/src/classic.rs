//! The sentences the classic DUC-era methods choose from. Their systems were run on DUC
//! clusters with sentences too short to carry a fact left out. Without that pool a
//! unigram-matching objective such as KL-Sum fills a 100-word brief with ten short sentences,
//! many of them quotes (issue 14). Leaving out every quoted sentence as well was measured and
//! not kept: it changed DUC 2006 and TAC 2011 by a few tenths either way and cost every classic
//! method 0.3 to 0.7 ROUGE-1 on Multi-News, where quoted sentences score well.

use chorus_core::{Corpus, Sentence};

/// Fewest words a candidate sentence has: the usual DUC cut (8 to 10 words). Measured on DUC
/// 2006 at 100 words (with quotes left out too), 10 beat 0 and 8 for KL-Sum and SumBasic and
/// cost no other method.
pub const MIN_WORDS: usize = 10;

/// Whether `sentence` is one the classic methods choose from: eligible, and at least
/// [`MIN_WORDS`] words.
pub fn is_candidate(sentence: &Sentence) -> bool {
    sentence.is_eligible() && sentence.words >= MIN_WORDS
}

/// The eligible sentences in two tiers: the classic pool, then the rest. A method chooses from
/// the pool, and from the rest only once nothing in the pool is admitted any more. On DUC and TAC
/// clusters the pool fills all but the last few words of the budget; Multi-News inputs, cut to
/// ~440 words, may hold too few long sentences for 250 words, and a brief cut short is worse
/// than one with a short sentence in it.
pub fn tiers(corpus: &Corpus) -> [Vec<usize>; 2] {
    let (pool, rest) = (0..corpus.sentences.len())
        .filter(|&s| corpus.sentences[s].is_eligible())
        .partition(|&s| is_candidate(&corpus.sentences[s]));
    [pool, rest]
}

/// The sentences of `order` in the pool, in that order, followed by its other eligible ones.
pub fn pool_first(corpus: &Corpus, order: impl IntoIterator<Item = usize>) -> Vec<usize> {
    let (pool, rest): (Vec<usize>, Vec<usize>) = order
        .into_iter()
        .filter(|&s| corpus.sentences.get(s).is_some_and(Sentence::is_eligible))
        .partition(|&s| is_candidate(&corpus.sentences[s]));
    pool.into_iter().chain(rest).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_corpus::corpus;

    const LONG: &str = "the army stormed the gas plant in the desert on thursday morning after talks failed";

    #[test]
    fn short_sentences_come_after_the_pool() {
        let c = corpus(&[&format!("militants seized the plant. #{LONG}. the army stormed it. {LONG}")]);
        assert_eq!(tiers(&c), [vec![3], vec![0, 2]]);
        assert_eq!(pool_first(&c, [2, 1, 0, 3, 99]), vec![3, 2, 0]);
    }
}
