//! Publication dates as `YYYY-MM-DD`. Pages and JSON give dates in many shapes
//! (`2013-01-19T10:00:00Z`, `Sat, 19 Jan 2013 10:00 GMT`, `January 19, 2013`); a brief only needs
//! the day, to order events, so anything that is not clearly a day is dropped rather than guessed.

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

/// The day `raw` names, as `YYYY-MM-DD`, or `None` when it names no clear day.
pub(crate) fn normalise_date(raw: &str) -> Option<String> {
    numeric_date(raw).or_else(|| worded_date(raw))
}

/// `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYY.MM.DD` at the start, with anything (a time) after it.
fn numeric_date(raw: &str) -> Option<String> {
    let mut parts = raw.trim().splitn(3, ['-', '/', '.']);
    let year = parts.next()?;
    let month = parts.next()?;
    let day: String = parts.next()?.chars().take_while(char::is_ascii_digit).collect();
    if year.len() != 4 || month.len() > 2 || day.is_empty() || day.len() > 2 {
        return None;
    }
    format_day(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// A month name with a day next to it and a four-digit year somewhere.
fn worded_date(raw: &str) -> Option<String> {
    let words: Vec<&str> = raw.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let month_at = words.iter().position(|w| month_number(w).is_some())?;
    let month = month_number(words[month_at])?;
    let is_number = |w: &&str, digits: usize| w.len() <= digits && w.chars().all(|c| c.is_ascii_digit());
    let year = words.iter().find(|w| w.len() == 4 && is_number(w, 4))?.parse().ok()?;
    let is_day = |w: &&&str| is_number(w, 2);
    // The day sits right next to the month: "January 19" or "19 January".
    let after = words.get(month_at + 1).filter(is_day);
    let before = month_at.checked_sub(1).and_then(|at| words.get(at)).filter(is_day);
    let day = after.or(before)?.parse().ok()?;
    format_day(year, month, day)
}

/// The month a name or abbreviation (`Jan`, `Sept`, `March`) stands for.
fn month_number(word: &str) -> Option<u32> {
    let word = word.to_ascii_lowercase();
    let word = if word == "sept" { "sep" } else { word.as_str() };
    if word.len() < 3 {
        return None;
    }
    MONTHS.iter().position(|month| month.starts_with(word)).map(|index| index as u32 + 1)
}

fn format_day(year: u32, month: u32, day: u32) -> Option<String> {
    let plausible = (1800..=2200).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day);
    plausible.then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_dates_keep_the_day() {
        assert_eq!(normalise_date("2013-01-19T10:00:00Z").as_deref(), Some("2013-01-19"));
        assert_eq!(normalise_date("2013/1/9").as_deref(), Some("2013-01-09"));
        assert_eq!(normalise_date("2013-13-01"), None);
    }

    #[test]
    fn worded_dates_in_either_order() {
        assert_eq!(normalise_date("Sat, 19 Jan 2013 10:00:00 GMT").as_deref(), Some("2013-01-19"));
        assert_eq!(normalise_date("January 19, 2013").as_deref(), Some("2013-01-19"));
        assert_eq!(normalise_date("Sept. 3, 2020").as_deref(), Some("2020-09-03"));
    }

    #[test]
    fn vague_dates_are_dropped() {
        assert_eq!(normalise_date("yesterday"), None);
        assert_eq!(normalise_date("Marine 12, 2013"), None);
        assert_eq!(normalise_date("January 2013"), None);
    }
}
