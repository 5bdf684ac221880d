//! What a count is limited to, beyond its noun and event: a stretch of time, a rate, other
//! incidents, or one part of several.
//!
//! `100,000 people have been killed since the conflict began`, `40 killed in two earlier
//! blasts` and `3 crew members on one boat` are true beside `55 killed`, `21 killed` and `7
//! crew members arrested`: they count something else. Without their scope they would meet the
//! figure of the story and make false disputes, which mislead a reader more than a missed one.
//! The scope is part of what is counted, so claims group only with claims of the same scope.
//!
//! Only markers that always restrict are read. A place (`in Damascus`) is not: without a
//! gazetteer `killed in Tanzania` (the whole event) and `killed in Damascus` (one city of a
//! country at war) look the same, and most places named beside a count are the event's own.

use crate::number::{number_at, Value};
use crate::token::{lexicon_list, lexicon_words, Token};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::LazyLock;

/// Word lists of this module (`lexicon/scope.txt`).
const LEXICON_SCOPE: &str = include_str!("../lexicon/scope.txt");

/// What a count is limited to besides its noun, event and phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Summed over a stretch of time: `since 2011`, `this year`, `in recent weeks`.
    Period,
    /// A rate: `20 veterans a day`.
    Rate,
    /// Other or several incidents: `in two blasts`, `in an earlier attack`, `two years ago`,
    /// `in 1939`.
    OtherEvents,
    /// One part of several: `on one boat`, `in Damascus alone`.
    Part,
}

/// The name JSON uses, so text and JSON output say the same. Label files use it too.
impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Scope::Period => "period",
            Scope::Rate => "rate",
            Scope::OtherEvents => "other_events",
            Scope::Part => "part",
        })
    }
}

/// How far a scope marker may sit from the count, in tokens, within the count's clause.
const RIGHT_REACH: usize = 12;
const LEFT_REACH: usize = 6;

/// Tokens that end the stretch of a sentence a count's scope is read in.
static STRETCH_BREAKS: LazyLock<Vec<&str>> = LazyLock::new(|| lexicon_list(LEXICON_SCOPE, "stretch_break"));

static TIME_UNITS: LazyLock<Vec<&str>> = LazyLock::new(|| lexicon_list(LEXICON_SCOPE, "time_unit"));

/// Words that set an incident apart from the one the story is about.
static OTHER_INCIDENT: LazyLock<Vec<&str>> =
    LazyLock::new(|| lexicon_words(include_str!("../lexicon/scope_other_incident.txt")));

/// The scope of the count whose claim spans tokens `start..end`, from the stretch of its
/// clause before and after it.
pub fn scope_of(tokens: &[Token], start: usize, end: usize) -> Option<Scope> {
    let part_right_after = tokens.get(end).is_some_and(|t| t.is_any(&["on", "from", "of", "aboard", "in", "at"]))
        && tokens.get(end + 1).is_some_and(|t| t.is("one"));
    if part_right_after {
        return Some(Scope::Part);
    }
    let after_end = stretch_end(tokens, end);
    let before_start = stretch_start(tokens, start);
    (end..after_end)
        .find_map(|k| marker_at(&tokens[..after_end], k))
        .or_else(|| (before_start..start).find_map(|k| marker_at(&tokens[..start], k)))
}

fn stretch_end(tokens: &[Token], from: usize) -> usize {
    let limit = tokens.len().min(from + RIGHT_REACH);
    (from..limit).find(|&k| tokens[k].is_any(&STRETCH_BREAKS)).unwrap_or(limit)
}

fn stretch_start(tokens: &[Token], to: usize) -> usize {
    let limit = to.saturating_sub(LEFT_REACH);
    (limit..to).rev().find(|&k| tokens[k].is_any(&STRETCH_BREAKS)).map_or(limit, |k| k + 1)
}

/// The scope marker starting at token `k` of `stretch` (the tokens it may read).
fn marker_at(stretch: &[Token], k: usize) -> Option<Scope> {
    let is = |i: usize, w: &str| stretch.get(i).is_some_and(|t| t.is(w));
    let is_any = |i: usize, ws: &[&str]| stretch.get(i).is_some_and(|t| t.is_any(ws));
    let token = &stretch[k];
    if token.is("alone") {
        return Some(Scope::Part);
    }
    if token.is("since") || (token.is_any(&["this", "last"]) && is_any(k + 1, &["year", "month", "week"])) {
        return Some(Scope::Period);
    }
    // `in recent weeks`, `over the past three months`
    let recent = is(k + 1, "recent") && is_any(k + 2, &TIME_UNITS);
    let past = is(k + 1, "the")
        && is_any(k + 2, &["past", "last"])
        && (is_any(k + 3, &TIME_UNITS) || is_any(k + 4, &TIME_UNITS));
    if token.is_any(&["over", "in", "during"]) && (recent || past) {
        return Some(Scope::Period);
    }
    if token.is_any(&["a", "per", "each", "every"]) && is_any(k + 1, &["day", "week", "month", "year"]) {
        return Some(Scope::Rate);
    }
    if token.is_any(&["in", "during", "from", "by"]) && names_other_incidents(stretch, k + 1) {
        return Some(Scope::OtherEvents);
    }
    // `two years ago`, `in 1939`: a count dated to another time is another incident's (a
    // report names its own incident's day, not its year).
    let ago = token.is("ago") && k > 0 && stretch[k - 1].is_any(&TIME_UNITS);
    if ago || (token.is_any(&["in", "during"]) && stretch.get(k + 1).is_some_and(is_year)) {
        return Some(Scope::OtherEvents);
    }
    None
}

/// A year written in digits, 1800 to 2099.
fn is_year(token: &Token) -> bool {
    token.text.len() == 4 && token.text.parse::<u32>().is_ok_and(|y| (1800..2100).contains(&y))
}

/// Words of the phrase after a preposition that may say which incidents it names.
const INCIDENT_PHRASE_WORDS: usize = 4;

/// Whether the phrase at token `k` names other or several incidents: `an earlier attack`,
/// `two blasts`, `a series of bombings`.
fn names_other_incidents(stretch: &[Token], k: usize) -> bool {
    let phrase = stretch.get(k..).unwrap_or_default();
    let several = (0..2).any(|offset| {
        number_at(stretch, k + offset).is_some_and(|n| {
            matches!(n.value, Value::Exact(v) if v > 1)
                && stretch.get(n.end).is_some_and(|t| t.is_word && t.lower.ends_with('s'))
        })
    });
    several || phrase.iter().take(INCIDENT_PHRASE_WORDS).any(|t| t.is_any(&OTHER_INCIDENT))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    /// The scope of the count at word `number`, whose claim ends before word `end` (or at the
    /// sentence's end).
    fn scope(text: &str, number: &str, end: Option<&str>) -> Option<Scope> {
        let tokens = tokenize(text);
        let start = tokens.iter().position(|t| t.text == number).unwrap_or_else(|| panic!("{number} not in {text}"));
        let end = end.map_or(tokens.len(), |w| {
            start + tokens[start..].iter().position(|t| t.text == w).unwrap_or_else(|| panic!("{w} not in {text}"))
        });
        scope_of(&tokens, start, end)
    }

    #[test]
    fn a_stretch_of_time_is_a_period() {
        assert_eq!(
            scope("more than 100,000 people have been killed since the conflict began", "100,000", Some("have")),
            Some(Scope::Period)
        );
        assert_eq!(scope("300 people have died this year", "300", Some("have")), Some(Scope::Period));
        assert_eq!(scope("40 people were killed in recent weeks", "40", Some("were")), Some(Scope::Period));
        assert_eq!(
            scope("12 soldiers were killed over the past three months", "12", Some("were")),
            Some(Scope::Period)
        );
    }

    #[test]
    fn other_incidents_and_rates() {
        assert_eq!(
            scope("killing at least 40 people in two blasts in northern cities", "40", Some("in")),
            Some(Scope::OtherEvents)
        );
        assert_eq!(scope("40 were killed in two earlier blasts", "40", Some("were")), Some(Scope::OtherEvents));
        assert_eq!(scope("five died in an earlier attack", "five", Some("died")), Some(Scope::OtherEvents));
        assert_eq!(scope("20 veterans a day commit suicide", "20", Some("a")), Some(Scope::Rate));
    }

    #[test]
    fn a_count_dated_to_another_time_is_another_incident() {
        assert_eq!(
            scope("a train crash two years ago that killed 101 people", "101", Some("people")),
            Some(Scope::OtherEvents)
        );
        assert_eq!(
            scope("a quake that killed 30,000 people in 1939", "30,000", Some("people")),
            Some(Scope::OtherEvents)
        );
        assert_eq!(scope("the 1939 quake killed 30,000 people", "30,000", Some("people")), None);
    }

    #[test]
    fn one_part_of_several() {
        assert_eq!(scope("three crew members on one boat were detained", "three", Some("on")), Some(Scope::Part));
        assert_eq!(scope("55 were killed in Damascus alone", "55", Some("were")), Some(Scope::Part));
    }

    #[test]
    fn the_event_itself_and_places_are_no_scope() {
        assert_eq!(scope("21 people were killed in a bomb blast in northern Nigeria", "21", Some("were")), None);
        assert_eq!(scope("55 were killed in Damascus on Friday", "55", Some("were")), None);
        assert_eq!(scope("23 people died in the stampede, and since then two more", "23", Some("died")), None);
        assert_eq!(scope("the toll so far is 23 people", "23", None), None);
    }
}
