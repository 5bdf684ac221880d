//! The NLTK English stopword list, shared by the tokenizer (which drops stopwords) and the
//! sentence splitter (which reads a capitalised stopword after an abbreviation as a new sentence).
//!
//! NLTK's list (179 function words) rather than the crate's default ISO list: the ISO list also
//! drops `said`, `two`, `million` and other words that carry the content of news.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// The longest NLTK stopword is 10 bytes (`themselves`); longer words are never stopwords.
const LONGEST_STOPWORD: usize = 10;

fn stopwords() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| stop_words::get("en").iter().copied().collect())
}

/// Whether a lowercased word is a stopword.
pub(crate) fn is_stopword(lowercase_word: &str) -> bool {
    lowercase_word.len() <= LONGEST_STOPWORD && stopwords().contains(lowercase_word)
}

/// Whether a word is a stopword once lowercased, without allocating (`The`, `It's`, `THEY`).
pub(crate) fn is_stopword_any_case(word: &str) -> bool {
    let bytes = word.as_bytes();
    if bytes.len() > LONGEST_STOPWORD || !word.is_ascii() {
        return false;
    }
    let mut lower = [0u8; LONGEST_STOPWORD];
    for (slot, byte) in lower.iter_mut().zip(bytes) {
        *slot = byte.to_ascii_lowercase();
    }
    // ASCII in, ASCII out: always valid UTF-8.
    std::str::from_utf8(&lower[..bytes.len()]).is_ok_and(is_stopword)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nltk_list_keeps_news_content_words() {
        for word in ["the", "they", "it's", "we've", "s", "themselves"] {
            assert!(is_stopword(word), "{word}");
        }
        for word in ["said", "two", "million", "hostages"] {
            assert!(!is_stopword(word), "{word}");
        }
        assert!(stop_words::get("en").iter().all(|w| w.len() <= LONGEST_STOPWORD));
    }

    #[test]
    fn any_case_lowercases_ascii_words() {
        assert!(is_stopword_any_case("The"));
        assert!(is_stopword_any_case("THEY"));
        assert!(!is_stopword_any_case("President"));
        assert!(!is_stopword_any_case("Thé"));
    }
}
