//! Calendar days: the one calendar, month table and year window of chorus.
//!
//! Dates reach chorus in many shapes: a page's `2013-01-19T10:00:00Z`, a feed's
//! `Sat, 19 Jan 2013 10:00 GMT`, a report's `January 19, 2013`, a sentence's `Jan. 17`. A brief
//! only needs the day, to order reports and to place figures in time, so a [`Date`] is a day of
//! the proleptic Gregorian calendar, and anything that does not clearly name one is refused
//! rather than guessed.

use serde::{Serialize, Serializer};
use std::fmt;
use std::ops::RangeInclusive;

/// Month names, January first. A month is also named by its first three letters, and September
/// by `sept`.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names, Monday first (the ISO 8601 order, which [`Date::weekday`] follows).
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// A day of the calendar. Ordered chronologically; displayed and serialised as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    // Field order makes the derived order chronological.
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The years a four-digit number is read as a year in: news text names years of the last two
    /// centuries and a few ahead, while `2,500 troops` is written with a comma and `3000` of
    /// anything is a count. Both reading a date and telling a year from a count use it.
    pub const YEARS: RangeInclusive<i32> = 1800..=2100;

    /// The day `day` of month `month` (1 = January) of `year`, if the month has that day.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month: month as u8, day: day as u8 })
    }

    /// The day `days` after 1970-01-01 (before it when negative).
    pub fn from_days(days: i64) -> Date {
        // The inverse of `days`: shift to eras starting on March 1st of year 0, whose length in
        // days is fixed, so leap days fall at the end of each shifted year.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
        let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date { year: year as i32, month: month as u8, day: day as u8 }
    }

    /// Days since 1970-01-01: dates as numbers, to count the days between two of them.
    pub fn days(self) -> i64 {
        let month = i64::from(self.month);
        let y = i64::from(self.year) - i64::from(month <= 2);
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3 from Monday).
        (self.days() + 3).rem_euclid(7) as u8
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 = January.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// The day `raw` names, or `None` when it names no clear day: `YYYY-MM-DD` (also with `/` or
    /// `.`, and with anything after the day, such as the time of an RFC 3339 timestamp), or a
    /// month name with the day next to it and a four-digit year somewhere (`January 19, 2013`,
    /// `Sat, 19 Jan 2013 10:00 GMT`). The year must be in [`Date::YEARS`].
    pub fn parse(raw: &str) -> Option<Date> {
        numeric(raw).or_else(|| worded(raw)).filter(|date| Date::YEARS.contains(&date.year))
    }
}

/// The month (1 = January) a word names, in any case: its full name, its first three letters,
/// or `sept`.
pub fn month_named(word: &str) -> Option<u32> {
    let word = word.to_ascii_lowercase();
    let names =
        |m: &&str| *m == word || (word.len() == 3 && m.starts_with(&word)) || (word == "sept" && *m == "september");
    MONTHS.iter().position(names).map(|m| m as u32 + 1)
}

/// The weekday (0 = Monday) a word names in full, in any case.
pub fn weekday_named(word: &str) -> Option<u8> {
    WEEKDAYS.iter().position(|d| d.eq_ignore_ascii_case(word)).map(|d| d as u8)
}

fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYY.MM.DD` at the start, with anything (a time) after it.
fn numeric(raw: &str) -> Option<Date> {
    let mut parts = raw.trim().splitn(3, ['-', '/', '.']);
    let year = parts.next()?;
    let month = parts.next()?;
    let rest = parts.next()?;
    let day = &rest[..rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len())];
    if year.len() != 4 || month.len() > 2 || day.is_empty() || day.len() > 2 {
        return None;
    }
    Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// A month name with a day right next to it (`January 19`, `19 January`) and a four-digit year
/// somewhere.
fn worded(raw: &str) -> Option<Date> {
    let words: Vec<&str> = raw.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let month_at = words.iter().position(|w| month_named(w).is_some())?;
    let month = month_named(words[month_at])?;
    let is_number = |w: &str, digits: usize| w.len() <= digits && w.chars().all(|c| c.is_ascii_digit());
    let year = words.iter().find(|w| w.len() == 4 && is_number(w, 4))?.parse().ok()?;
    let is_day = |w: &&&str| is_number(w, 2);
    let after = words.get(month_at + 1).filter(is_day);
    let before = month_at.checked_sub(1).and_then(|at| words.get(at)).filter(is_day);
    let day = after.or(before)?.parse().ok()?;
    Date::new(year, month, day)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(raw: &str) -> Option<String> {
        Date::parse(raw).map(|d| d.to_string())
    }

    #[test]
    fn calendar_round_trips_and_knows_weekdays() {
        let epoch = Date::new(1970, 1, 1).unwrap();
        assert_eq!(epoch.days(), 0);
        let day = Date::new(2013, 1, 19).unwrap();
        assert_eq!(day.days(), 15_724);
        assert_eq!(day.weekday(), 5, "2013-01-19 was a Saturday");
        assert_eq!(epoch.weekday(), 3, "1970-01-01 was a Thursday");
        for days in [-800_000, -1, 0, 59, 60, 11_016, 15_724, 47_541, 200_000] {
            assert_eq!(Date::from_days(days).days(), days);
        }
        assert_eq!(Date::from_days(11_016), Date::new(2000, 2, 29).unwrap());
        assert_eq!(Date::from_days(11_017), Date::new(2000, 3, 1).unwrap());
    }

    #[test]
    fn only_real_days_exist() {
        assert!(Date::new(2012, 2, 29).is_some());
        assert!(Date::new(2013, 2, 29).is_none());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2013, 4, 31).is_none());
        assert!(Date::new(2013, 13, 1).is_none());
        assert!(Date::new(2013, 1, 0).is_none());
    }

    #[test]
    fn order_is_chronological() {
        let mut dates: Vec<Date> =
            ["2013-01-19", "2012-12-31", "2013-01-02"].iter().filter_map(|d| Date::parse(d)).collect();
        dates.sort();
        let shown: Vec<String> = dates.iter().map(Date::to_string).collect();
        assert_eq!(shown, ["2012-12-31", "2013-01-02", "2013-01-19"]);
    }

    #[test]
    fn numeric_dates_and_timestamps_keep_the_day() {
        assert_eq!(parsed("2013-01-19").as_deref(), Some("2013-01-19"));
        assert_eq!(parsed("2013-01-19T23:30:00-05:00").as_deref(), Some("2013-01-19"));
        assert_eq!(parsed("2013/1/9").as_deref(), Some("2013-01-09"));
        assert_eq!(parsed("2013.01.09").as_deref(), Some("2013-01-09"));
        assert_eq!(parsed("2013-13-01"), None);
        assert_eq!(parsed("2013-02-30"), None);
        assert_eq!(parsed("13-01-19"), None);
    }

    #[test]
    fn worded_dates_in_either_order() {
        assert_eq!(parsed("Sat, 19 Jan 2013 10:00:00 GMT").as_deref(), Some("2013-01-19"));
        assert_eq!(parsed("January 19, 2013").as_deref(), Some("2013-01-19"));
        assert_eq!(parsed("Sept. 3, 2020").as_deref(), Some("2020-09-03"));
    }

    #[test]
    fn vague_or_implausible_dates_are_refused() {
        assert_eq!(parsed("yesterday"), None);
        assert_eq!(parsed("Marine 12, 2013"), None);
        assert_eq!(parsed("January 2013"), None);
        assert_eq!(parsed("garbage"), None);
        assert_eq!(parsed(""), None);
        assert_eq!(parsed("2101-01-01"), None, "outside the year window");
        assert_eq!(parsed("January 1, 1799"), None);
    }

    #[test]
    fn one_month_table_for_names_and_abbreviations() {
        assert_eq!(month_named("January"), Some(1));
        assert_eq!(month_named("jan"), Some(1));
        assert_eq!(month_named("SEPT"), Some(9));
        assert_eq!(month_named("Sep"), Some(9));
        assert_eq!(month_named("december"), Some(12));
        assert_eq!(month_named("ja"), None);
        assert_eq!(month_named("marine"), None);
        assert_eq!(weekday_named("Thursday"), Some(3));
        assert_eq!(weekday_named("thu"), None);
    }

    #[test]
    fn serialises_as_its_display() {
        let day = Date::new(2013, 1, 9).unwrap();
        assert_eq!(serde_json::to_string(&day).unwrap(), "\"2013-01-09\"");
    }
}
