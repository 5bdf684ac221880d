//! Numbers that are not counts of anything: dates, years, ages, times, scores, phone numbers,
//! addresses, ordinals and identifiers, and units nobody compares (`degrees`, `barrels`).
//! Measures with units of `lexicon/units.txt` are read before these rules (see
//! `crate::measure`); the unit words here (`lexicon/traps.txt`) catch what is left, such as
//! `two years ago`.
//!
//! Each rule looks at the number and its immediate neighbours only. Compounds written as one
//! token (`40-year-old`, `two-day`, `3-1`, `17/01/2013`, `10:30`, `AK-47`, `7th`) never become
//! numbers in the first place (see [`crate::number`]); the rules here catch the ones written
//! as separate words.

use crate::day::month_of;
use crate::number::NumberMatch;
use crate::token::Token;
use chorus_core::Date;
use std::sync::LazyLock;

const LEXICON: &str = include_str!("../lexicon/traps.txt");

/// The words of list `name` of `lexicon/traps.txt`.
fn list(name: &str) -> Vec<&'static str> {
    LEXICON
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.strip_prefix(name)?.strip_prefix(':'))
        .flat_map(str::split_whitespace)
        .collect()
}

/// Words after a number that make it a measure, a duration, a sum of money, a share or a time.
static UNITS: LazyLock<Vec<&str>> = LazyLock::new(|| list("units"));
/// Words before a number that make it a label, an age, a price or a score.
static LABELS: LazyLock<Vec<&str>> = LazyLock::new(|| list("labels"));
/// Street words: a number beside one is a house number.
static STREETS: LazyLock<Vec<&str>> = LazyLock::new(|| list("streets"));

/// Whether the number at token `start` (ending at `found.end`) is something other than a count.
pub fn is_trap(tokens: &[Token], start: usize, found: &NumberMatch) -> bool {
    let previous = start.checked_sub(1).and_then(|i| tokens.get(i));
    let next = tokens.get(found.end);
    let next_is_digits = next.is_some_and(Token::is_digits);
    let previous_is_digits = previous.is_some_and(Token::is_digits);
    is_year(tokens, start, found)
        || is_date(tokens, start, found)
        || previous.is_some_and(|t| t.is_any(&LABELS))
        || is_numbered_label(tokens, start, found)
        || next.is_some_and(|t| t.is_any(&UNITS))
        || (found.in_digits && (next_is_digits || previous_is_digits))
        || is_dashed_pair(tokens, start, found)
        || is_one_of(tokens, start, found)
        || is_fraction_of(tokens, start)
        || is_address(tokens, found)
        || is_spaced_clock(tokens, found)
}

/// `1 p. m.`, `10 a. m.`: a clock time whose abbreviation the copy spaced out.
fn is_spaced_clock(tokens: &[Token], found: &NumberMatch) -> bool {
    let at = |k: usize, w: &str| tokens.get(found.end + k).is_some_and(|t| t.is(w));
    (at(0, "a") || at(0, "p")) && at(1, ".") && at(2, "m")
}

/// `1993`, `2013`: four plain digits in the years of [`Date::YEARS`]. Counts that large are
/// written with a comma (`2,000 troops`) in edited news, so this loses little.
fn is_year(tokens: &[Token], start: usize, found: &NumberMatch) -> bool {
    let text = tokens[start].text;
    found.in_digits
        && found.end == start + 1
        && text.len() == 4
        && text.parse::<i32>().is_ok_and(|y| Date::YEARS.contains(&y))
}

/// `January 17`, `Jan. 17`, `17 January`, `on 22 May`.
fn is_date(tokens: &[Token], start: usize, found: &NumberMatch) -> bool {
    let is_month = |i: Option<usize>| i.and_then(|i| tokens.get(i)).and_then(month_of).is_some();
    let before = start.checked_sub(1);
    let before_dot = start.checked_sub(2).filter(|_| before.and_then(|i| tokens.get(i)).is_some_and(|t| t.text == "."));
    found.in_digits && (is_month(before) || is_month(before_dot) || is_month(Some(found.end)))
}

/// `Flight 370`, `Chapter 11`, `No. 2`, `Article 5`: digits right after a capitalised word that
/// is not the first of the sentence.
fn is_numbered_label(tokens: &[Token], start: usize, found: &NumberMatch) -> bool {
    if !found.in_digits {
        return false;
    }
    let Some(previous) = start.checked_sub(1) else { return false };
    let abbreviated = tokens[previous].text == "." && previous >= 1 && tokens[previous - 1].is("no");
    abbreviated || (previous > 0 && tokens[previous].is_word && tokens[previous].is_capitalised())
}

/// `3 - 1`, `won 2 – 0`: a score or a range written with spaces around a dash.
fn is_dashed_pair(tokens: &[Token], start: usize, found: &NumberMatch) -> bool {
    let is_dash = |t: &Token| matches!(t.text, "-" | "–" | "—");
    let dash_then_digits =
        tokens.get(found.end).is_some_and(is_dash) && tokens.get(found.end + 1).is_some_and(Token::is_digits);
    let digits_then_dash = start >= 2 && is_dash(&tokens[start - 1]) && tokens[start - 2].is_digits();
    found.in_digits && (dash_then_digits || digits_then_dash)
}

/// `one of the dead hostages`: picks out a member, it does not count a set.
fn is_one_of(tokens: &[Token], start: usize, found: &NumberMatch) -> bool {
    tokens[start].is("one") && tokens.get(found.end).is_some_and(|t| t.is("of"))
}

/// `a quarter of a million`, `half of the 40`: a share of the number, not the number.
fn is_fraction_of(tokens: &[Token], start: usize) -> bool {
    let of = (1..=2).map(|back| start.checked_sub(back)).find_map(|k| k.filter(|&k| tokens[k].is("of")));
    of.and_then(|k| k.checked_sub(1))
        .is_some_and(|k| tokens[k].is_any(&["quarter", "half", "third", "fraction", "two-thirds", "three-quarters"]))
}

/// `10 Downing Street`, `12 Rue de Paris`: a house number followed by up to three capitalised words and a street word.
fn is_address(tokens: &[Token], found: &NumberMatch) -> bool {
    found.in_digits
        && tokens
            .iter()
            .skip(found.end)
            .take(4)
            .take_while(|t| t.is_word && t.is_capitalised())
            .any(|t| t.is_any(&STREETS))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::number_at;
    use crate::token::tokenize;

    /// Whether the first number in `text` that starts a number match is a trap.
    fn first_number_is_trap(text: &str) -> bool {
        let tokens = tokenize(text);
        let (start, found) = (0..tokens.len())
            .find_map(|i| number_at(&tokens, i).map(|m| (i, m)))
            .unwrap_or_else(|| panic!("no number in {text:?}"));
        is_trap(&tokens, start, &found)
    }

    #[test]
    fn traps() {
        for text in [
            "on January 17 the army",
            "on 17 January the army",
            "on Jan. 17 hostages",
            "in 2013 hostages",
            "the 1993 World Trade Center bombing",
            "at 3 p.m. the army",
            "at 5 am",
            "lives at 10 Downing Street",
            "stormed the hotel at 12 Rue de Paris on",
            "the embassy at 5 Via Roma was",
            "call 0800 123 4567 now",
            "call 555 1234 now",
            "they won 3 - 1",
            "fell 8 % to",
            "shares fell 7 percent",
            "a $5 million fund",
            "about 50 kilometers (30 miles) west",
            "for three days of chaos",
            "the No. 2 official",
            "aged 40 hostages",
            "a soldier, 26 year-old Faye Turney",
            "Flight 370 vanished",
            "one of its nationals",
            "an estimated quarter of a million jews",
            "half of the 40 hostages",
        ] {
            assert!(first_number_is_trap(text), "{text:?} should be a trap");
        }
    }

    #[test]
    fn counts_are_not_traps() {
        for text in [
            "killed 35 hostages",
            "Some 685 Algerian workers",
            "2,000 troops",
            "seven Americans",
            "Twenty-three hostages",
            "one Briton",
            "The militants said 35 hostages",
            "At least 23 hostages",
        ] {
            assert!(!first_number_is_trap(text), "{text:?} should be a count");
        }
    }

    #[test]
    fn a_spaced_clock_time_is_no_count() {
        assert!(first_number_is_trap("at 1 p. m. Friday"));
        assert!(first_number_is_trap("by 10 a. m. the crew"));
        assert!(!first_number_is_trap("1 person was killed"));
    }
}
