//! Where a count is limited to, when the words right after it say so: those aboard a vehicle,
//! those on the ground, or a named place (`in Kenya`).
//!
//! `all 109 people on the plane were killed`, `four on the ground` and `113 killed` are three
//! quantities of one crash; `5,400 injured in Kenya` and `70 in Tanzania` two of one bombing.
//! Aboard and on the ground always keep a count apart. A named place does only when the
//! reports name several places for the same counted thing and event (see `crate::group`): most
//! places named beside a count are the story's own (`killed in Paris`), and keeping those apart
//! would only miss disputes.

use crate::number::number_at;
use crate::token::Token;
use serde::Serialize;
use std::sync::LazyLock;

/// The place a count is limited to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// Aboard a vehicle: `aboard`, `on board`, `in the plane`, `on the ship`.
    Aboard,
    /// On the ground, beside a crash.
    Ground,
    /// A named place, as written after `in` (lowercase): `kenya`, `dar es salaam`.
    Named(String),
}

const LEXICON: &str = include_str!("../lexicon/places.txt");

/// The words of list `kind` in `lexicon/places.txt`.
fn words(kind: &str) -> impl Iterator<Item = &'static str> + '_ {
    LEXICON
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(move |l| l.strip_prefix(kind)?.strip_prefix(':'))
        .flat_map(str::split_whitespace)
}

/// Whether the token, without a possessive `'s`, is in list `kind`.
fn is_in(kind: &str, token: &Token) -> bool {
    let bare = token.lower.trim_end_matches("'s");
    words(kind).any(|w| w == bare)
}

/// Whether the lowercase word never names a place (`the`, `Thursday`, `January`).
pub fn is_never_a_place(word: &str) -> bool {
    words("not_a_place").any(|w| w == word)
}

/// How many tokens after a count's phrase its place may start (`four people killed on the
/// ground`: the place follows the verb).
const REACH: usize = 4;
/// Words a place name may have (`Dar es Salaam`).
const NAME_WORDS: usize = 3;

/// Tokens that end the stretch a place is read in: another clause or another count.
static BREAKS: LazyLock<Vec<&str>> = LazyLock::new(|| words("break").collect());

/// The place of the count whose phrase ends before token `end`.
pub fn place_after(tokens: &[Token], end: usize) -> Option<Place> {
    let limit = tokens.len().min(end + REACH);
    let mut k = end;
    while k < limit && !tokens[k].is_any(&BREAKS) {
        if let Some(place) = place_at(tokens, k) {
            return Some(place);
        }
        k += 1;
    }
    None
}

/// The token after the place phrase that starts at token `k`, if one does (`in Kenya`, `on
/// the ground`): what lets `5,400 injured in Kenya and 70 in Tanzania` read the 70 as more of
/// the same count.
pub fn place_end(tokens: &[Token], k: usize) -> Option<usize> {
    place_at(tokens, k)?;
    let end = (k + 1..tokens.len())
        .find(|&e| {
            !(tokens[e].is_capitalised() || tokens[e].is_any(&["the", "board", "ground", "es", "de", "al", "el"]))
        })
        .unwrap_or(tokens.len());
    Some(end)
}

fn place_at(tokens: &[Token], k: usize) -> Option<Place> {
    let is = |i: usize, w: &str| tokens.get(i).is_some_and(|t| t.is(w));
    let token = tokens.get(k)?;
    if token.is("aboard") || (token.is("on") && is(k + 1, "board")) {
        return Some(Place::Aboard);
    }
    if token.is_any(&["on", "in"]) {
        // `on the plane`, `in the aircraft`, `on the ground`
        let noun = if is(k + 1, "the") { k + 2 } else { k + 1 };
        let noun = tokens.get(noun)?;
        if noun.is("ground") && token.is("on") {
            return Some(Place::Ground);
        }
        if is_in("vehicle", noun) && is(k + 1, "the") {
            return Some(Place::Aboard);
        }
    }
    if token.is("in") {
        let name: Vec<&str> = tokens
            .get(k + 1..)
            .unwrap_or_default()
            .iter()
            .take(NAME_WORDS)
            .take_while(|t| t.is_word && (t.is_capitalised() || t.is_any(&["es", "de", "al", "el"])))
            .map(|t| t.lower.as_str())
            .collect();
        let first = tokens.get(k + 1)?;
        if first.is_capitalised() && !is_in("not_a_place", first) && !name.is_empty() {
            // `in Chechnya and its neighboring republic of Dagestan`: a total of places, not
            // the first place's count.
            let and = k + 1 + name.len();
            // Not `in Kenya and 70 in Tanzania`: another count has its own place.
            let joined = tokens.get(and).is_some_and(|t| t.is("and"));
            let others = (and + 1..tokens.len().min(and + 2 + REACH))
                .take_while(|&o| joined && tokens[o].is_word && number_at(tokens, o).is_none());
            let mut name = name.join(" ");
            if let Some(o) =
                others.into_iter().find(|&o| tokens[o].is_capitalised() && !is_in("not_a_place", &tokens[o]))
            {
                name = format!("{name} and {}", tokens[o].lower);
            }
            return Some(Place::Named(name));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    /// The place read after the word `after` of `text`.
    fn place(text: &str, after: &str) -> Option<Place> {
        let tokens = tokenize(text);
        let at = tokens.iter().position(|t| t.text == after).unwrap_or_else(|| panic!("{after} not in {text}"));
        place_after(&tokens, at + 1)
    }

    #[test]
    fn aboard_a_vehicle() {
        assert_eq!(place("all 109 people on the plane were killed", "people"), Some(Place::Aboard));
        assert_eq!(place("All 109 on board were killed", "109"), Some(Place::Aboard));
        assert_eq!(place("All 109 people aboard were killed", "people"), Some(Place::Aboard));
        assert_eq!(place("killing all 109 people in the airplane", "people"), Some(Place::Aboard));
    }

    #[test]
    fn on_the_ground_even_after_the_verb() {
        assert_eq!(place("four people killed on the ground", "people"), Some(Place::Ground));
        assert_eq!(place("as were four on the ground", "four"), Some(Place::Ground));
    }

    #[test]
    fn named_places_but_not_days_or_other_clauses() {
        assert_eq!(place("5,400 injured in Kenya and 70 in Tanzania", "injured"), Some(Place::Named("kenya".into())));
        assert_eq!(place("11 killed in Dar es Salaam", "killed"), Some(Place::Named("dar es salaam".into())));
        let both = place("detained 200 people in Chechnya and its neighboring republic of Dagestan", "people");
        assert_eq!(both, Some(Place::Named("chechnya and dagestan".into())));
        assert_eq!(place("killed 12 in Paris and wounded 40", "12"), Some(Place::Named("paris".into())));
        assert_eq!(place("113 people killed in the Concorde crash", "people"), None);
        assert_eq!(place("12 people killed in Sunday's attack", "people"), None);
        assert_eq!(place("12 people killed, and then in Paris", "people"), None);
        assert_eq!(place("12 people killed in", "in"), None);
        assert_eq!(place_end(&tokenize("killed in"), 2), None);
    }
}
