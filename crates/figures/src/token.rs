//! Words and punctuation of one sentence, each with its byte range.
//!
//! Every later step (numbers, noun phrases, events, attributions, days) reads the same token
//! list, so a sentence is scanned once and every claim can point at its exact bytes.

use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub range: Range<usize>,
    /// `text` lowercased, with curly apostrophes made straight: what lexicons compare against.
    pub lower: String,
    pub is_word: bool,
}

impl Token<'_> {
    pub fn is(&self, word: &str) -> bool {
        self.lower == word
    }

    pub fn is_any(&self, words: &[&str]) -> bool {
        words.contains(&self.lower.as_str())
    }

    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Only ASCII digits, optionally grouped by commas (`1,200`).
    pub fn is_digits(&self) -> bool {
        self.text.bytes().any(|b| b.is_ascii_digit()) && self.text.bytes().all(|b| b.is_ascii_digit() || b == b',')
    }
}

/// Characters that stay inside a word when a letter or digit follows them: `Twenty-three`,
/// `U.S`, `1,200`, `8.2`, `17/01/2013`, `10:30`, `Algeria's`. Keeping such strings whole is
/// what lets a date, a time or a score be recognised as one thing rather than as loose numbers.
fn joins_word(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | ',' | '/' | ':')
}

pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            let end = start + c.len_utf8();
            tokens.push(make_token(text, start..end, false));
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut previous = c;
        while let Some(&(at, next)) = chars.peek() {
            if next.is_alphanumeric() {
                end = at + next.len_utf8();
                previous = next;
                chars.next();
                continue;
            }
            let after = text[at + next.len_utf8()..].chars().next();
            let joins = joins_word(next)
                && after.is_some_and(char::is_alphanumeric)
                && (next != ',' || (previous.is_ascii_digit() && after.is_some_and(|a| a.is_ascii_digit())));
            if !joins {
                break;
            }
            chars.next();
            end = at + next.len_utf8();
            previous = next;
        }
        tokens.push(make_token(text, start..end, true));
    }
    tokens
}

/// The item closest to token `at`, among items sorted by their token position: a binary search,
/// so looking up every number of a long sentence stays n·log n.
pub fn nearest<T>(items: &[T], at: usize, position: impl Fn(&T) -> usize) -> Option<&T> {
    let after = items.partition_point(|item| position(item) < at);
    let before = after.checked_sub(1).and_then(|i| items.get(i));
    [before, items.get(after)].into_iter().flatten().min_by_key(|item| position(item).abs_diff(at))
}

fn make_token(text: &str, range: Range<usize>, is_word: bool) -> Token<'_> {
    let slice = &text[range.clone()];
    Token { text: slice, lower: slice.to_lowercase().replace('’', "'"), range, is_word }
}

/// The words of a word list of `lexicon/`: separated by spaces or lines, `#` lines are comments.
pub fn lexicon_words(text: &'static str) -> Vec<&'static str> {
    text.lines().filter(|l| !l.starts_with('#')).flat_map(str::split_whitespace).collect()
}

/// The lines of a lexicon file that hold list `kind` (`kind: …`), without the prefix.
fn lexicon_lines<'a>(text: &'static str, kind: &'a str) -> impl Iterator<Item = &'static str> + 'a {
    text.lines().filter(|l| !l.starts_with('#')).filter_map(move |l| l.strip_prefix(kind)?.strip_prefix(':'))
}

/// List `kind` of a lexicon file whose lines read `kind: word word …`.
pub fn lexicon_list(text: &'static str, kind: &str) -> Vec<&'static str> {
    lexicon_lines(text, kind).flat_map(str::split_whitespace).collect()
}

/// The phrases of list `kind`, separated by commas: `hedge: at least, more than, about`.
pub fn lexicon_phrases(text: &'static str, kind: &str) -> Vec<Vec<&'static str>> {
    let phrases = lexicon_lines(text, kind).flat_map(|l| l.split(','));
    phrases.map(|p| p.split_whitespace().collect::<Vec<_>>()).filter(|p| !p.is_empty()).collect()
}

/// The pairs of list `kind`, written `a=b`: `demonym_noun: briton=british scot=scottish`.
pub fn lexicon_pairs(text: &'static str, kind: &str) -> Vec<(&'static str, &'static str)> {
    lexicon_list(text, kind).into_iter().filter_map(|pair| pair.split_once('=')).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn keeps_compounds_dates_and_grouped_digits_whole() {
        assert_eq!(
            texts("Twenty-three of 1,200 on 17/01/2013 at 10:30, AK-47s."),
            ["Twenty-three", "of", "1,200", "on", "17/01/2013", "at", "10:30", ",", "AK-47s", "."]
        );
    }

    #[test]
    fn a_comma_between_words_or_after_a_list_item_splits() {
        assert_eq!(texts("hostages,and 3, 4"), ["hostages", ",", "and", "3", ",", "4"]);
    }

    #[test]
    fn ranges_point_at_the_bytes_even_after_multibyte_characters() {
        let text = "“Five” Norwegians";
        let tokens = tokenize(text);
        let five = tokens.iter().find(|t| t.is_word).map(|t| &text[t.range.clone()]);
        assert_eq!(five, Some("Five"));
        assert_eq!(tokens[0].text, "“");
    }

    #[test]
    fn lexicon_lists_phrases_and_pairs() {
        let text = "# a comment: no list\nhedge: at least, about\nword: a b\nword: c\npair: scot=scottish\n";
        assert_eq!(lexicon_list(text, "word"), ["a", "b", "c"]);
        assert_eq!(lexicon_phrases(text, "hedge"), [vec!["at", "least"], vec!["about"]]);
        assert_eq!(lexicon_pairs(text, "pair"), [("scot", "scottish")]);
        assert!(lexicon_list(text, "missing").is_empty());
    }

    #[test]
    fn abbreviations_keep_inner_dots_only() {
        assert_eq!(texts("U.S. official"), ["U.S", ".", "official"]);
    }
}
