//! Calendar days, the unit of the time window. A stream gives `YYYY-MM-DD` or an RFC 3339
//! timestamp; events last days, so the day as written is all the clusterer keeps (a timestamp's
//! offset is not applied: the local day is the day the outlet reported).

use chorus_core::Date;

/// Days since 1970-01-01 (the calendar is `chorus_core::Date`'s).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

impl Day {
    /// The day of `YYYY-MM-DD`, or of an RFC 3339 timestamp (`2013-01-19T10:30:00Z`,
    /// `2013-01-19T10:30:00.5+01:00`). Anything else, or an impossible date, is `None`.
    pub fn parse(text: &str) -> Option<Day> {
        let bytes = text.as_bytes();
        if bytes.len() < 10 || !bytes[..10].is_ascii() || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let date = Date::new(digits(&text[0..4])?, digits(&text[5..7])?, digits(&text[8..10])?)?;
        let rest = &text[10..];
        if !rest.is_empty() && !is_rfc3339_time(rest) {
            return None;
        }
        Some(Day(i32::try_from(date.days()).ok()?))
    }
}

fn digits<T: std::str::FromStr>(text: &str) -> Option<T> {
    text.bytes().all(|b| b.is_ascii_digit()).then(|| text.parse().ok()).flatten()
}

/// `THH:MM:SS[.fraction](Z|±HH:MM)`, `t` or a space allowed for `T`.
fn is_rfc3339_time(rest: &str) -> bool {
    let b = rest.as_bytes();
    let clock = |at: usize| {
        b.len() >= at + 8
            && b[at + 2] == b':'
            && b[at + 5] == b':'
            && [0, 1, 3, 4, 6, 7].iter().all(|&i| b[at + i].is_ascii_digit())
            && digits::<u32>(&rest[at..at + 2]).is_some_and(|h| h < 24)
            && digits::<u32>(&rest[at + 3..at + 5]).is_some_and(|m| m < 60)
            && digits::<u32>(&rest[at + 6..at + 8]).is_some_and(|s| s <= 60)
    };
    if !matches!(b[0], b'T' | b't' | b' ') || !clock(1) {
        return false;
    }
    let mut at = 9;
    if b.get(at) == Some(&b'.') {
        at += 1;
        let start = at;
        while b.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
        if at == start {
            return false;
        }
    }
    match &rest[at..] {
        "Z" | "z" => true,
        offset => {
            let o = offset.as_bytes();
            o.len() == 6
                && offset.is_ascii()
                && matches!(o[0], b'+' | b'-')
                && o[3] == b':'
                && digits::<u32>(&offset[1..3]).is_some_and(|h| h < 24)
                && digits::<u32>(&offset[4..6]).is_some_and(|m| m < 60)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_timestamps_name_their_day() {
        assert_eq!(Day::parse("1970-01-01"), Some(Day(0)));
        assert_eq!(Day::parse("2013-01-19"), Some(Day(15_724)));
        assert_eq!(Day::parse("2013-01-19T23:59:59Z"), Some(Day(15_724)));
        assert_eq!(Day::parse("2013-01-19T10:30:00.125+01:00"), Some(Day(15_724)));
        assert_eq!(Day::parse("2000-02-29"), Some(Day(11_016)));
        assert_eq!(Day::parse("2013-01-20").map(|d| d.0 - 15_724), Some(1));
    }

    #[test]
    fn anything_else_is_no_day() {
        for bad in [
            "",
            "2013-1-19",
            "19/01/2013",
            "January 19, 2013",
            "2013-02-30",
            "1900-02-29",
            "2013-13-01",
            "2013-01-19T25:00:00Z",
            "2013-01-19T10:30:00",
            "2013-01-19 junk",
            "2013-01-19T10:30:00.Z",
            "２０１３-01-19",
        ] {
            assert_eq!(Day::parse(bad), None, "{bad:?}");
        }
    }
}
