//! What ROUGE-1.5.5 actually reads, given a summary as `shared/tools/rouge155.py` hands it over.
//!
//! That wrapper splits sentences (see [`crate::sentences`]), HTML-escapes `&`, `<`, `>` and writes
//! one sentence per line; the perl script then reads each line's text up to the first `<` or line
//! end, lowercases ASCII, truncates (`-l` words / `-b` bytes) and keeps runs of `[a-z0-9]` as
//! tokens. The consequences are reproduced on purpose: `&` becomes the token `amp`, the text after a
//! newline inside a sentence is lost, word limits count whitespace-separated words (so `U.S.-led`
//! is one word but three tokens), and byte limits count UTF-8 bytes of the escaped text.

use crate::profile::Tokenized;
use crate::scorer::Truncation;
use crate::sentences::split_sentences;
use crate::stem::rouge155_stem;

/// The lowercased sentence texts the perl script extracts from the wrapper's HTML file.
fn perl_sentences(text: &str) -> Vec<Vec<u8>> {
    split_sentences(text)
        .into_iter()
        .map(|sentence| {
            let escaped = sentence.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
            // The line regex captures up to the line end, newline included.
            let line = match escaped.find('\n') {
                Some(newline) => &escaped[..=newline],
                None => escaped.as_str(),
            };
            line.as_bytes().to_ascii_lowercase()
        })
        .collect()
}

/// Perl's `\s` on byte strings.
fn is_perl_space(b: &u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Perl's `split(/\s+/, $s)`: a leading empty field when `s` starts with whitespace, no trailing
/// empty fields.
fn perl_words(s: &[u8]) -> Vec<&[u8]> {
    let mut words: Vec<&[u8]> = s.split(is_perl_space).filter(|w| !w.is_empty()).collect();
    if s.first().is_some_and(is_perl_space) && !words.is_empty() {
        words.insert(0, &[]);
    }
    words
}

/// The first `count` words of `words` joined by single spaces.
fn first_words(words: &[&[u8]], count: usize) -> Vec<u8> {
    words[..count.min(words.len())].join(&b' ')
}

/// `readText`: the text ROUGE-N, ROUGE-SU and ROUGE-L's token counts see.
fn read_text(sentences: &[Vec<u8>], limit: Option<Truncation>) -> Vec<u8> {
    let Some(limit) = limit else {
        return sentences.join(&b' ');
    };
    let mut text = Vec::new();
    let mut used = 0;
    for sentence in sentences {
        let (size, cut) = match limit {
            Truncation::Words(n) => {
                let words = perl_words(sentence);
                (words.len(), (used + words.len() >= n).then(|| first_words(&words, n - used)))
            }
            Truncation::Bytes(n) => {
                (sentence.len(), (used + sentence.len() >= n).then(|| sentence[..n - used].to_vec()))
            }
        };
        if used > 0 {
            text.push(b' ');
        }
        match cut {
            Some(cut) => {
                text.extend_from_slice(&cut);
                break;
            }
            None => {
                text.extend_from_slice(sentence);
                used += size;
            }
        }
    }
    text
}

/// `readText_LCS`: the sentences ROUGE-L aligns. Under a byte limit the script never adds up the
/// sentence lengths, so it keeps every sentence shorter than the limit until one reaches it.
fn read_sentences(sentences: &[Vec<u8>], limit: Option<Truncation>) -> Vec<Vec<u8>> {
    let mut kept = Vec::new();
    let mut used = 0;
    for sentence in sentences {
        match limit {
            None => kept.push(sentence.clone()),
            Some(Truncation::Words(n)) => {
                let words = perl_words(sentence);
                if used + words.len() < n {
                    used += words.len();
                    kept.push(sentence.clone());
                } else {
                    kept.push(first_words(&words, n - used));
                    break;
                }
            }
            Some(Truncation::Bytes(n)) => {
                if sentence.len() < n {
                    kept.push(sentence.clone());
                } else {
                    kept.push(sentence[..n].to_vec());
                    break;
                }
            }
        }
    }
    kept
}

/// Runs of `[a-z0-9]`, stemmed as `-m` does.
fn tokens(text: &[u8]) -> Vec<String> {
    text.split(|b| !(b.is_ascii_lowercase() || b.is_ascii_digit()))
        .filter(|token| !token.is_empty())
        .map(|token| rouge155_stem(&String::from_utf8_lossy(token)))
        .collect()
}

/// Tokens and ROUGE-L sentences of `text` as ROUGE-1.5.5 sees them under `limit` (a limit of 0
/// means none, as in the script).
pub(crate) fn tokenize(text: &str, limit: Option<Truncation>) -> Tokenized {
    let limit = limit.filter(|l| !matches!(l, Truncation::Words(0) | Truncation::Bytes(0)));
    let sentences = perl_sentences(text);
    let lcs_sentences: Vec<Vec<String>> = read_sentences(&sentences, limit).iter().map(|s| tokens(s)).collect();
    // Only under a byte limit do the two readers keep different text.
    let tokens = match limit {
        Some(Truncation::Bytes(_)) => tokens(&read_text(&sentences, limit)),
        _ => lcs_sentences.concat(),
    };
    Tokenized { tokens, sentences: lcs_sentences }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_and_embedded_newlines_follow_the_wrapper() {
        let text = tokenize("AT&T bid <b>.\nSecond line\nlost here.", None);
        assert_eq!(text.tokens, ["at", "amp", "t", "bid", "lt", "b", "gt", "second", "line"]);
        assert_eq!(text.sentences.len(), 2);
    }

    #[test]
    fn word_limit_counts_whitespace_words_across_sentences() {
        let text = tokenize("U.S.-led forces. Then rested today.", Some(Truncation::Words(3)));
        assert_eq!(text.tokens, ["u", "s", "led", "forc", "then"]);
        assert_eq!(text.sentences, [vec!["u", "s", "led", "forc"], vec!["then"]]);
    }

    #[test]
    fn byte_limit_cuts_inside_a_word_but_rouge_l_keeps_short_sentences() {
        let text = tokenize("Abcdef ghij. Klmnop qrst.", Some(Truncation::Bytes(15)));
        // readText: "abcdef ghij." is 12 bytes, then 3 bytes of the next sentence.
        assert_eq!(text.tokens, ["abcdef", "ghij", "klm"]);
        // readText_LCS compares each sentence alone with the limit: both are shorter.
        assert_eq!(text.sentences, [vec!["abcdef", "ghij"], vec!["klmnop", "qrst"]]);
    }

    #[test]
    fn both_readers_agree_without_a_byte_limit() {
        let sentences = perl_sentences("One two three. Four five! Six seven eight nine.");
        for limit in [None, Some(Truncation::Words(4)), Some(Truncation::Words(100))] {
            let joined: Vec<String> = read_sentences(&sentences, limit).iter().flat_map(|s| tokens(s)).collect();
            assert_eq!(tokens(&read_text(&sentences, limit)), joined, "{limit:?}");
        }
    }

    #[test]
    fn perl_split_keeps_a_leading_empty_field() {
        assert_eq!(perl_words(b" a  b "), [&b""[..], b"a", b"b"]);
        assert!(perl_words(b"  ").is_empty());
    }
}
