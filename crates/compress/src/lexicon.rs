//! The word lists of compression, read once from `words/lexicon.txt`.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Every list of `words/lexicon.txt`; words are lowercase, a phrase is its words in order.
pub(crate) struct Lexicon {
    pub days: HashSet<&'static str>,
    pub day_parts: HashSet<&'static str>,
    pub before_day: Vec<Vec<&'static str>>,
    pub kept_after: HashSet<&'static str>,
    pub kept_before: HashSet<&'static str>,
    pub months: HashSet<&'static str>,
    pub attribution: HashSet<&'static str>,
    pub agencies: HashSet<&'static str>,
    pub page_labels: HashSet<&'static str>,
    pub dangling: HashSet<&'static str>,
}

const DATA: &str = include_str!("../words/lexicon.txt");

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let set = |name: &str| section(name).collect::<HashSet<_>>();
        let mut before_day: Vec<Vec<&str>> = section("before a day").map(|p| p.split('_').collect()).collect();
        // Longest phrases first, so `as of` is matched whole.
        before_day.sort_by_key(|phrase| std::cmp::Reverse(phrase.len()));
        Lexicon {
            days: set("days"),
            day_parts: set("day parts"),
            before_day,
            kept_after: set("day kept after"),
            kept_before: set("day kept before"),
            months: set("months"),
            attribution: set("attribution"),
            agencies: set("agencies"),
            page_labels: set("page labels"),
            dangling: set("dangling"),
        }
    })
}

/// The words under `[name]`. The file is part of the crate: a missing section is a bug, caught by
/// the tests below.
fn section(name: &str) -> impl Iterator<Item = &'static str> {
    let header = format!("[{name}]");
    let mut lines = DATA.lines().map(str::trim).skip_while(move |line| *line != header);
    assert!(lines.next().is_some(), "words/lexicon.txt has no [{name}]");
    lines
        .take_while(|line| !line.starts_with('['))
        .filter(|line| !line.starts_with('#'))
        .flat_map(str::split_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_there_and_lowercase() {
        let l = lexicon();
        for list in [
            &l.days,
            &l.day_parts,
            &l.kept_after,
            &l.kept_before,
            &l.months,
            &l.attribution,
            &l.agencies,
            &l.page_labels,
            &l.dangling,
        ] {
            assert!(!list.is_empty());
            assert!(list.iter().all(|w| w.to_lowercase() == *w), "{list:?}");
        }
        assert!(l.days.contains("monday") && l.attribution.contains("said"));
        assert_eq!(l.before_day[0], ["as", "of"], "the phrase comes first");
    }
}
