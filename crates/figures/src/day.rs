//! The day a figure refers to, where the text says it (`on Thursday`, `by Friday`, `January 17`,
//! `yesterday`), and a comparable moment for it.
//!
//! A weekday is placed with the report's date when there is one: the latest such weekday on or
//! before the report date. Without a report date, weekdays are compared by their place in the
//! week (Monday first): the reports of one story usually span a few days of one week, and a
//! story running from a Sunday into a Monday is misordered, a known limit.

use crate::token::{lexicon_list, Token};
use chorus_core::{month_named, weekday_named, Date};
use serde::Serialize;
use std::ops::Range;
use std::sync::LazyLock;

/// Word lists of this module (`lexicon/days.txt`).
const LEXICON_DAYS: &str = include_str!("../lexicon/days.txt");

static LEADING_WORDS: LazyLock<Vec<&str>> = LazyLock::new(|| lexicon_list(LEXICON_DAYS, "leading"));

/// A comparable point in time: a day number (days since 1970-01-01) when the calendar date is
/// known, and the weekday (0 = Monday) whenever either is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Moment {
    /// Days since 1970-01-01, when the calendar date is known.
    pub day_number: Option<i64>,
    /// Day of the week, 0 = Monday.
    pub weekday: Option<u8>,
}

impl Moment {
    /// The moment of a known calendar day.
    pub fn of_day_number(day_number: i64) -> Moment {
        Moment { day_number: Some(day_number), weekday: Some(Date::from_days(day_number).weekday()) }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reference {
    Weekday(u8),
    /// Days from the report date: `yesterday` is -1.
    Relative(i64),
    Date {
        month: u32,
        day: u32,
        year: Option<i32>,
    },
}

/// A day named in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayMention {
    /// Index of the token that names the day.
    pub token: usize,
    /// Bytes of the whole phrase (`by Friday`) in the sentence.
    pub range: Range<usize>,
    reference: Reference,
}

impl DayMention {
    /// The moment meant, given the report's date as a day number.
    pub fn moment(&self, report_day: Option<i64>) -> Option<Moment> {
        match (self.reference, report_day) {
            (Reference::Weekday(w), Some(report)) => {
                let back = (i64::from(Date::from_days(report).weekday()) - i64::from(w)).rem_euclid(7);
                Some(Moment::of_day_number(report - back))
            }
            (Reference::Weekday(w), None) => Some(Moment { day_number: None, weekday: Some(w) }),
            (Reference::Relative(offset), Some(report)) => Some(Moment::of_day_number(report + offset)),
            (Reference::Relative(_), None) => None,
            (Reference::Date { month, day, year }, report) => {
                let year = year.or_else(|| report.map(|r| Date::from_days(r).year()))?;
                Date::new(year, month, day).map(|date| Moment::of_day_number(date.days()))
            }
        }
    }

    pub fn weekday(&self) -> Option<u8> {
        match self.reference {
            Reference::Weekday(w) => Some(w),
            _ => None,
        }
    }
}

/// Every day named in a sentence's tokens, in order.
pub fn day_mentions(tokens: &[Token]) -> Vec<DayMention> {
    (0..tokens.len()).filter_map(|i| mention_at(tokens, i)).collect()
}

fn mention_at(tokens: &[Token], i: usize) -> Option<DayMention> {
    let token = &tokens[i];
    let name = token.lower.strip_suffix("'s").unwrap_or(&token.lower);
    let (reference, end) = if let Some(w) = weekday_named(name) {
        (Reference::Weekday(w), i + 1)
    } else if let Some(offset) = relative(name) {
        (Reference::Relative(offset), i + 1)
    } else {
        month_date_at(tokens, i)?
    };
    let start = match i.checked_sub(1).map(|p| &tokens[p]) {
        Some(previous) if previous.is_any(&LEADING_WORDS) => previous.range.start,
        _ => token.range.start,
    };
    Some(DayMention { token: i, range: start..tokens[end - 1].range.end, reference })
}

fn relative(word: &str) -> Option<i64> {
    match word {
        "today" | "tonight" => Some(0),
        "yesterday" => Some(-1),
        _ => None,
    }
}

/// The month a token names: the full name or its usual abbreviation. `May` and `March` count
/// only when capitalised, being verbs too.
pub fn month_of(token: &Token) -> Option<u32> {
    let word = token.lower.as_str();
    if matches!(word, "may" | "march" | "mar") && !token.is_capitalised() {
        return None;
    }
    month_named(word)
}

fn day_of_month(token: &Token) -> Option<u32> {
    token.text.parse::<u32>().ok().filter(|d| (1..=31).contains(d))
}

/// `January 17`, `Jan. 17, 2013`, `17 January`. A month name alone is not a day.
fn month_date_at(tokens: &[Token], i: usize) -> Option<(Reference, usize)> {
    let token = &tokens[i];
    if let Some(month) = month_of(token) {
        let mut k = i + 1;
        if tokens.get(k).is_some_and(|t| t.text == ".") {
            k += 1;
        }
        let day = day_of_month(tokens.get(k)?)?;
        let (year, end) = year_after(tokens, k + 1);
        return Some((Reference::Date { month, day, year }, end));
    }
    let day = day_of_month(token)?;
    let month = month_of(tokens.get(i + 1)?)?;
    let (year, end) = year_after(tokens, i + 2);
    Some((Reference::Date { month, day, year }, end))
}

/// `, 2013` or `2013` right after a date.
fn year_after(tokens: &[Token], k: usize) -> (Option<i32>, usize) {
    let at = if tokens.get(k).is_some_and(|t| t.text == ",") { k + 1 } else { k };
    let year = tokens.get(at).filter(|t| t.text.len() == 4).and_then(|t| t.text.parse::<i32>().ok());
    match year {
        Some(y) => (Some(y), at + 1),
        None => (None, k),
    }
}

/// A report date (`YYYY-MM-DD`, as ingest writes it) as a day number.
pub fn parse_report_date(date: &str) -> Option<i64> {
    Date::parse(date).map(Date::days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::{nearest, tokenize};

    fn mentions(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        day_mentions(&tokens).into_iter().map(|m| text[m.range].to_string()).collect()
    }

    #[test]
    fn finds_days_with_their_preposition() {
        assert_eq!(mentions("freed by Friday, said on Saturday"), ["by Friday", "on Saturday"]);
        assert_eq!(mentions("Saturday's last push"), ["Saturday's"]);
        assert_eq!(mentions("on January 17, 2013 and 22 May and Jan. 3"), ["on January 17, 2013", "22 May", "Jan. 3"]);
        assert!(mentions("in March the may be").is_empty());
    }

    #[test]
    fn report_dates() {
        assert_eq!(parse_report_date("1970-01-01"), Some(0));
        assert_eq!(parse_report_date("2013-01-19"), Some(15_724));
        assert_eq!(parse_report_date("2013-13-01"), None);
        assert_eq!(parse_report_date("garbage"), None);
    }

    #[test]
    fn dates_without_a_year_take_the_report_year() {
        let tokens = tokenize("on January 17 and on 3 March 2012");
        let found = day_mentions(&tokens);
        let report = parse_report_date("2013-01-19");
        let days: Vec<Option<i64>> = found.iter().map(|m| m.moment(report).and_then(|m| m.day_number)).collect();
        assert_eq!(days, [parse_report_date("2013-01-17"), parse_report_date("2012-03-03")]);
        assert_eq!(found[0].moment(None), None, "no year to place it in");
    }

    #[test]
    fn weekdays_resolve_against_the_report_date() {
        let tokens = tokenize("on Thursday");
        let mention = &day_mentions(&tokens)[0];
        let report = parse_report_date("2013-01-19");
        assert_eq!(mention.moment(report).and_then(|m| m.day_number), parse_report_date("2013-01-17"));
        assert_eq!(mention.moment(None), Some(Moment { day_number: None, weekday: Some(3) }));
    }

    #[test]
    fn nearest_mention() {
        let tokens = tokenize("on Thursday the army said 35 died and on Saturday 23");
        let found = day_mentions(&tokens);
        let at = |w: &str| tokens.iter().position(|t| t.text == w).unwrap_or(usize::MAX);
        let nearest_day = |word: &str| nearest(&found, at(word), |m| m.token).map(|m| m.token);
        assert_eq!(nearest_day("35"), Some(at("Thursday")));
        assert_eq!(nearest_day("23"), Some(at("Saturday")));
    }
}
