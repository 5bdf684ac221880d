//! What a measure measures: `a depth of 350 feet`, `a cruising speed of 1,350 mph`, `350 feet
//! deep`. Without it a measure groups only with its own value, since two speeds of one story may
//! be a take-off speed and a cruising speed; with it, different values of the same thing are
//! one quantity, and reports that give different values disagree.
//!
//! The nouns and adjectives that name a measured thing are data (`lexicon/measured.txt`). Only
//! those are read: a measure after any other noun (`a rise of 20 percent`) may be about many
//! things of one story, and pairing them would invent disputes.

use crate::token::{lexicon_list, Token};
use std::sync::LazyLock;

/// Word lists of this module (`lexicon/measure_words.txt`).
const LEXICON_MEASURE_WORDS: &str = include_str!("../lexicon/measure_words.txt");

const LEXICON: &str = include_str!("../lexicon/measured.txt");

/// Words before a noun that say nothing of what is measured.
static DETERMINERS: LazyLock<Vec<&str>> = LazyLock::new(|| lexicon_list(LEXICON_MEASURE_WORDS, "determiner"));

struct Things {
    /// Dimension and a noun naming the thing before `of` and the measure.
    of: Vec<(&'static str, &'static str)>,
    /// Dimension, an adjective after the measure, and the thing it measures.
    after: Vec<(&'static str, &'static str, &'static str)>,
}

static THINGS: LazyLock<Things> = LazyLock::new(|| parse_lexicon(LEXICON));

/// Reads `lexicon/measured.txt`. The file is part of the crate and checked by the tests, so a
/// malformed line is a programming error.
fn parse_lexicon(text: &'static str) -> Things {
    let mut things = Things { of: Vec::new(), after: Vec::new() };
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [dimension, position, words] = fields[..] else {
            panic!("lexicon/measured.txt: not three tab-separated fields: {line:?}")
        };
        for word in words.split(',').map(str::trim) {
            match position {
                "of" => things.of.push((dimension, word)),
                "after" => {
                    let (adjective, thing) =
                        word.split_once('=').unwrap_or_else(|| panic!("measured.txt: {word:?} is not adjective=thing"));
                    things.after.push((dimension, adjective, thing));
                }
                _ => panic!("lexicon/measured.txt: position {position:?} is neither `of` nor `after`"),
            }
        }
    }
    things
}

/// The thing measured by the measure of `dimension` at tokens `start..end` (its hedge
/// included), when a noun before it (`a cruising speed of`) or an adjective after it (`deep`)
/// says: the noun with the word before it unless that is a determiner, or the adjective's noun.
pub fn measured_thing(tokens: &[Token], start: usize, end: usize, dimension: &str) -> Option<String> {
    if let Some(after) = tokens.get(end) {
        let found = THINGS.after.iter().find(|(d, adjective, _)| *d == dimension && after.is(adjective));
        if let Some((_, _, thing)) = found {
            return Some((*thing).to_string());
        }
    }
    let of = start.checked_sub(1)?;
    let noun = of.checked_sub(1)?;
    if !tokens[of].is("of") || !THINGS.of.iter().any(|(d, word)| *d == dimension && tokens[noun].is(word)) {
        return None;
    }
    let modifier = noun.checked_sub(1).map(|m| &tokens[m]).filter(|m| m.is_word && !m.is_any(&DETERMINERS));
    Some(match modifier {
        Some(modifier) => format!("{} {}", modifier.lower, tokens[noun].lower),
        None => tokens[noun].lower.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::measure_at;
    use crate::token::tokenize;

    fn thing(text: &str) -> Option<String> {
        let tokens = tokenize(text);
        let measure = (0..tokens.len()).find_map(|i| measure_at(&tokens, i)).expect("a measure");
        measured_thing(&tokens, measure.start, measure.end, measure.amount.unit.dimension())
    }

    #[test]
    fn every_line_of_the_lexicon_reads() {
        let things = parse_lexicon(LEXICON);
        assert!(!things.of.is_empty() && !things.after.is_empty());
    }

    #[test]
    fn the_noun_before_of_or_the_adjective_after_names_the_thing() {
        assert_eq!(thing("the sub lies at a depth of 350 feet").as_deref(), Some("depth"));
        assert_eq!(thing("it flies at a cruising speed of 1,350 mph").as_deref(), Some("cruising speed"));
        assert_eq!(thing("a take-off speed of 250 mph").as_deref(), Some("take-off speed"));
        assert_eq!(thing("the wreck is 350 feet deep").as_deref(), Some("depth"));
        assert_eq!(thing("a fare of $10,000").as_deref(), Some("fare"));
    }

    #[test]
    fn other_nouns_and_other_dimensions_name_nothing() {
        assert_eq!(thing("a rise of 20 percent"), None);
        assert_eq!(thing("a speed of 350 feet"), None);
        assert_eq!(thing("the wreck lies 350 feet down"), None);
        assert_eq!(thing("a depth of $10"), None);
    }
}
