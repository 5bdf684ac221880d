//! Words and content terms.
//!
//! A word is a maximal run of letters and digits, lowercased, that may keep a joiner inside it:
//! an apostrophe or hyphen between letters or digits (`don't`, `al-qaeda`, `40-year-old`), a point
//! or comma between digits (`3.5`, `1,000`), and the points of a dotted acronym (`u.s`, `a.m`).
//! Keeping those whole keeps `u.s` apart from the stopword `us` and `3.5` apart from `3` and `5`.
//! A content term is the Snowball (Porter 2) English stem of a word that is not a stopword.

use crate::stopwords::is_stopword;
use rust_stemmers::{Algorithm, Stemmer};
use std::borrow::Cow;

/// Whitespace-separated words: the unit of word budgets.
///
/// Counts the starts of words: non-whitespace characters after whitespace or at the start.
/// This runs on every sentence, so ASCII text, most sentences, is counted by comparing
/// neighbouring bytes, a loop without branches that the compiler vectorises; other text is
/// read byte by byte, decoding only the lead bytes of multi-byte characters.
pub fn word_count(text: &str) -> usize {
    if text.is_ascii() {
        let bytes = text.as_bytes();
        let first = usize::from(bytes.first().is_some_and(|&b| !is_ascii_space(b)));
        let later = bytes.windows(2).filter(|pair| is_ascii_space(pair[0]) & !is_ascii_space(pair[1])).count();
        return first + later;
    }
    let mut count = 0;
    let mut after_space = true;
    for (at, &byte) in text.as_bytes().iter().enumerate() {
        let is_space = match byte {
            0..=0x7f => is_ascii_space(byte),
            // A continuation byte belongs to the character its lead byte classified.
            0x80..=0xbf => continue,
            _ => text[at..].chars().next().is_some_and(char::is_whitespace),
        };
        count += usize::from(after_space && !is_space);
        after_space = is_space;
    }
    count
}

/// The ASCII characters `char::is_whitespace` accepts (unlike `u8::is_ascii_whitespace`, it
/// includes the vertical tab).
fn is_ascii_space(byte: u8) -> bool {
    byte == b' ' || (b'\t'..=b'\r').contains(&byte)
}

/// Splits text into lowercased words and content terms without allocating per token.
pub struct Tokenizer {
    stemmer: Stemmer,
}

impl Default for Tokenizer {
    fn default() -> Self {
        Tokenizer::new()
    }
}

impl Tokenizer {
    /// A tokenizer with the English Snowball stemmer, the one every stage shares.
    pub fn new() -> Self {
        Tokenizer { stemmer: Stemmer::create(Algorithm::English) }
    }

    /// Calls `out` with each lowercased word of `text`, stopwords included, in order.
    /// One buffer is reused for every word.
    pub fn words(&self, text: &str, out: &mut impl FnMut(&str)) {
        let mut word = String::new();
        let mut chars = text.chars().peekable();
        let mut previous: Option<char> = None;
        // Letters since the last joiner: an acronym point joins only single letters (`u.s`).
        let mut segment_len = 0usize;
        while let Some(c) = chars.next() {
            if c.is_alphanumeric() {
                push_lowercase(&mut word, c);
                segment_len += 1;
                previous = Some(c);
                continue;
            }
            let next = chars.peek().copied();
            let joiner = match (previous, next) {
                (Some(before), Some(after)) if !word.is_empty() => joins(c, before, after, segment_len, &chars),
                _ => None,
            };
            match joiner {
                Some(joiner) => {
                    word.push(joiner);
                    segment_len = 0;
                }
                None if !word.is_empty() => {
                    out(&word);
                    word.clear();
                    segment_len = 0;
                }
                None => {}
            }
            previous = Some(c);
        }
        if !word.is_empty() {
            out(&word);
        }
    }

    /// The content term of a lowercased word: its stem, or `None` for a stopword. Numbers and
    /// dotted acronyms are kept as they are: the stemmer would cut `u.s` to `u.`.
    pub fn content_term<'w>(&self, lowercase_word: &'w str) -> Option<Cow<'w, str>> {
        if is_stopword(lowercase_word) {
            None
        } else if lowercase_word.bytes().any(|b| b == b'.' || b.is_ascii_digit()) {
            Some(Cow::Borrowed(lowercase_word))
        } else {
            Some(self.stemmer.stem(lowercase_word))
        }
    }

    /// Calls `out` with each content term of `text`, in order.
    pub fn content_terms(&self, text: &str, out: &mut impl FnMut(&str)) {
        self.words(text, &mut |word| {
            if let Some(term) = self.content_term(word) {
                out(&term);
            }
        });
    }
}

fn push_lowercase(word: &mut String, c: char) {
    if c.is_ascii() {
        word.push(c.to_ascii_lowercase());
    } else {
        word.extend(c.to_lowercase());
    }
}

/// The character `c` becomes inside a word, if it joins `before` to `after`: apostrophes
/// (straight or curly) and hyphens between alphanumerics, points and commas between digits, and
/// the point of a dotted acronym.
fn joins(
    c: char,
    before: char,
    after: char,
    segment_len: usize,
    rest: &std::iter::Peekable<std::str::Chars<'_>>,
) -> Option<char> {
    let between_alphanumerics = before.is_alphanumeric() && after.is_alphanumeric();
    match c {
        '\'' | '\u{2019}' if between_alphanumerics => Some('\''),
        '-' if between_alphanumerics => Some('-'),
        ',' if before.is_ascii_digit() && after.is_ascii_digit() => Some(','),
        '.' if before.is_ascii_digit() && after.is_ascii_digit() => Some('.'),
        '.' if segment_len == 1 && before.is_alphabetic() && after.is_alphabetic() && is_single_letter(rest) => {
            Some('.')
        }
        _ => None,
    }
}

/// Whether the text after the joiner starts with one letter and then a non-letter (`s.` of `U.S.`).
fn is_single_letter(rest: &std::iter::Peekable<std::str::Chars<'_>>) -> bool {
    let mut ahead = rest.clone();
    ahead.next();
    !ahead.next().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        Tokenizer::new().words(text, &mut |w| out.push(w.to_owned()));
        out
    }

    fn terms(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        Tokenizer::new().content_terms(text, &mut |t| out.push(t.to_owned()));
        out
    }

    #[test]
    fn words_are_lowercased_and_split_on_punctuation() {
        assert_eq!(words("Hostages, FREED (today)!"), ["hostages", "freed", "today"]);
        assert_eq!(words("Émile Zola"), ["émile", "zola"]);
        assert_eq!(words("  "), Vec::<String>::new());
    }

    #[test]
    fn internal_apostrophes_and_hyphens_stay() {
        assert_eq!(
            words("Algeria's al-Qaeda don\u{2019}t 40-year-old"),
            ["algeria's", "al-qaeda", "don't", "40-year-old"]
        );
        assert_eq!(words("'quoted' -- dash - end-"), ["quoted", "dash", "end"]);
    }

    #[test]
    fn numbers_keep_points_and_commas_between_digits() {
        assert_eq!(
            words("3.5 percent of 1,000 people, 7. Then"),
            ["3.5", "percent", "of", "1,000", "people", "7", "then"]
        );
    }

    #[test]
    fn dotted_acronyms_stay_whole_but_run_on_sentences_split() {
        assert_eq!(words("U.S. troops at 3 p.m."), ["u.s", "troops", "at", "3", "p.m"]);
        assert_eq!(words("countries.They"), ["countries", "they"]);
    }

    #[test]
    fn content_terms_drop_stopwords_and_stem() {
        assert_eq!(terms("The militants were demanding an end to it"), ["milit", "demand", "end"]);
        assert_eq!(terms("Algeria's hostages said they were freed"), ["algeria", "hostag", "said", "freed"]);
        assert_eq!(terms("U.S. officials in 1990s"), ["u.s", "offici", "1990s"]);
    }

    #[test]
    fn word_count_counts_whitespace_separated_words() {
        assert_eq!(word_count("  Two British hostages -- Peter,\tleft \n"), 6);
        assert_eq!(word_count(""), 0);
    }

    #[test]
    fn word_count_agrees_with_unicode_whitespace_splitting() {
        for text in [
            "no-break\u{a0}space and\u{3000}ideographic\u{2003}em",
            "\u{b}vertical\u{c}feed\r\nline\u{85}next\u{2028}sep",
            "Émile «\u{202f}non\u{202f}» — über\u{a0}\u{a0}",
            "\u{a0}",
            "word",
            " \t two\u{b}words \r\n",
            "",
        ] {
            assert_eq!(word_count(text), text.split_whitespace().count(), "{text:?}");
        }
    }
}
