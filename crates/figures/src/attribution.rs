//! Who gives a figure: `the Algerian interior ministry said`, `militants claimed`, `according
//! to state media`, `Hague told reporters`.
//!
//! A source is a speech verb with its subject (read leftwards to the start of its clause, or
//! rightwards for `…," said Hague`), or an `according to …` / `citing …` phrase. A figure takes
//! the nearest source of its sentence; a bare pronoun (`it said`) stands for the last named
//! source of the same report, which the caller keeps.

use crate::token::{lexicon_list, lexicon_phrases, lexicon_words, Token};
use std::ops::Range;
use std::sync::LazyLock;

/// Word lists of this module (`lexicon/attribution.txt`).
const LEXICON_ATTRIBUTION: &str = include_str!("../lexicon/attribution.txt");

static SPEECH_VERBS: LazyLock<Vec<&str>> = LazyLock::new(|| lexicon_words(include_str!("../lexicon/speech_verbs.txt")));

static INTRODUCERS: LazyLock<Vec<Vec<&str>>> = LazyLock::new(|| lexicon_phrases(LEXICON_ATTRIBUTION, "introducer"));

/// Words that end a subject read leftwards from its verb.
static SUBJECT_BOUNDARIES: LazyLock<Vec<&str>> =
    LazyLock::new(|| lexicon_list(LEXICON_ATTRIBUTION, "subject_boundary"));

static PRONOUNS: LazyLock<Vec<&str>> = LazyLock::new(|| lexicon_list(LEXICON_ATTRIBUTION, "pronoun"));

/// The longest subject or source phrase taken, in tokens.
const MAX_PHRASE: usize = 8;

/// One source in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The speech verb or introducer: where the source sits in the sentence.
    pub token: usize,
    /// Bytes of the whole phrase in the sentence.
    pub range: Range<usize>,
    /// The subject is a bare pronoun: the phrase names nobody.
    pub is_pronoun: bool,
}

/// Whether token `at` sits inside a direct quotation: an odd number of double quote marks
/// before it in the sentence. A witness's own words (`"there were two people injured"`) are
/// weaker than the report's own count, and verdicts treat them so.
pub fn is_quoted(tokens: &[Token], at: usize) -> bool {
    tokens[..at.min(tokens.len())].iter().filter(|t| matches!(t.text, "\"" | "“" | "”")).count() % 2 == 1
}

/// Every source of a sentence, in order.
pub fn sources(tokens: &[Token]) -> Vec<Source> {
    (0..tokens.len()).filter_map(|i| introduced_source(tokens, i).or_else(|| spoken_source(tokens, i))).collect()
}

/// `according to Algerian state media reports`, `citing the state oil company`.
fn introduced_source(tokens: &[Token], i: usize) -> Option<Source> {
    let introducer = INTRODUCERS.iter().find(|words| {
        tokens.get(i..i + words.len()).is_some_and(|window| window.iter().zip(words.iter()).all(|(t, w)| t.is(w)))
    })?;
    let from = i + introducer.len();
    let end = phrase_end(tokens, from);
    (end > from).then(|| Source {
        token: i,
        range: tokens[i].range.start..tokens[end - 1].range.end,
        is_pronoun: false,
    })
}

/// `X said`, `X told reporters`, `…," said X`.
fn spoken_source(tokens: &[Token], i: usize) -> Option<Source> {
    let verb = &tokens[i];
    // A capitalised `Said` inside a sentence is a name (`Mohamed Said said`).
    if !verb.is_any(&SPEECH_VERBS) || (i > 0 && verb.is_capitalised()) {
        return None;
    }
    // After a determiner the word is a noun: `the claims of 35 victims`.
    if i > 0 && tokens[i - 1].is_any(&["the", "a", "an", "his", "her", "its", "their", "these", "those"]) {
        return None;
    }
    let start = subject_start(tokens, i);
    // `23 hostages reported dead`: the "subject" is the thing counted, not a source.
    if start > 0 && tokens[start - 1].text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if start < i {
        let is_pronoun = i - start == 1 && tokens[start].is_any(&PRONOUNS);
        let end = if verb.is_any(&["told", "tells"]) { told_whom(tokens, i + 1) } else { i + 1 };
        return Some(Source { token: i, range: tokens[start].range.start..tokens[end - 1].range.end, is_pronoun });
    }
    // Inverted order (`…," said Hague`): only right after punctuation, and only before a name.
    let after_punctuation = i > 0 && !tokens[i - 1].is_word;
    let names_follow = tokens.get(i + 1).is_some_and(|t| t.is_capitalised() || t.is("the"));
    let end = phrase_end(tokens, i + 1);
    (after_punctuation && names_follow && end > i + 1).then(|| Source {
        token: i,
        range: verb.range.start..tokens[end - 1].range.end,
        is_pronoun: false,
    })
}

/// Where the subject of the verb at `verb` starts, reading leftwards.
fn subject_start(tokens: &[Token], verb: usize) -> usize {
    let mut start = verb;
    while start > 0 && verb - start < MAX_PHRASE {
        let token = &tokens[start - 1];
        let abbreviation_dot = token.text == "." && start >= 2 && tokens[start - 2].text.contains('.');
        let adverb = token.lower.ends_with("ly");
        let clause_word =
            token.is_any(&SUBJECT_BOUNDARIES) || adverb || token.text.starts_with(|c: char| c.is_ascii_digit());
        if !(token.is_word || abbreviation_dot) || clause_word {
            break;
        }
        start -= 1;
    }
    start
}

/// The end of a name read rightwards from `from`: up to punctuation (an abbreviation's dot
/// excepted), a clause word, or the length limit.
fn phrase_end(tokens: &[Token], from: usize) -> usize {
    let mut end = from;
    while let Some(token) = tokens.get(end) {
        let abbreviation_dot = token.text == "."
            && end > from
            && tokens[end - 1].text.contains('.')
            && tokens.get(end + 1).is_some_and(|t| !t.is_capitalised());
        if end - from == MAX_PHRASE
            || !(token.is_word || abbreviation_dot)
            || token.is_any(&["that", "which", "who", "and", "on", "as"])
        {
            break;
        }
        end += 1;
    }
    end
}

/// `told reporters`, `told the BBC`: the hearer completes the phrase.
fn told_whom(tokens: &[Token], from: usize) -> usize {
    let hearer = |k: usize| tokens.get(k).is_some_and(|t| t.is_word && !t.is_any(&["that", "they", "he", "she", "it"]));
    match tokens.get(from) {
        Some(t) if t.is_any(&["the", "a"]) && hearer(from + 1) => from + 2,
        Some(_) if hearer(from) => from + 1,
        _ => from,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn phrases(text: &str) -> Vec<(String, bool)> {
        let tokens = tokenize(text);
        sources(&tokens).into_iter().map(|s| (text[s.range].to_string(), s.is_pronoun)).collect()
    }

    fn first(text: &str) -> String {
        phrases(text).into_iter().next().map(|p| p.0).unwrap_or_default()
    }

    #[test]
    fn subjects_of_speech_verbs() {
        assert_eq!(
            first("At least 23 hostages were killed, the Algerian interior ministry said Saturday."),
            "the Algerian interior ministry said"
        );
        assert_eq!(
            first("A senior U.S. official said two Americans were among that number."),
            "A senior U.S. official said"
        );
        assert_eq!(first("Five British nationals are missing, Hague told reporters."), "Hague told reporters");
        assert_eq!(first("Earlier in the day, militants said air strikes had killed 35 hostages."), "militants said");
        assert_eq!(
            first("The militants claimed that 35 hostages and 15 captors were killed."),
            "The militants claimed"
        );
        assert_eq!(
            first("Algerian Communications Minister Mohamed Said said Thursday that several hostages were freed"),
            "Algerian Communications Minister Mohamed Said said"
        );
    }

    #[test]
    fn introduced_and_inverted_sources() {
        assert_eq!(
            first("the deaths of seven hostages, according to Algerian state media reports."),
            "according to Algerian state media reports"
        );
        assert_eq!(
            first("\"There is no justification,\" said British Prime Minister David Cameron."),
            "said British Prime Minister David Cameron"
        );
    }

    #[test]
    fn no_source_from_a_number_or_a_noun() {
        assert!(phrases("23 hostages reported dead as crisis ends").is_empty());
        assert!(phrases("it would discredit the claims of 35 victims").is_empty());
        assert_eq!(first("The official also said 107 foreign hostages had been released"), "The official also said");
    }

    #[test]
    fn pronouns_are_flagged() {
        assert_eq!(phrases("107 foreigners have been freed, it said."), [("it said".to_string(), true)]);
    }
}
