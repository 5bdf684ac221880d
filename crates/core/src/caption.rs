//! Captions and credits: the text around a report's pictures and videos, and the notes on who
//! took, wrote or edited it. None of it is news, yet it sits in the page text beside the news.
//!
//! Two stages act on it, so the rules live here, where both can reach them: ingest drops whole
//! lines of it as page furniture ([`is_credit_line`]), and segment marks the sentences that
//! remain as captions ([`is_caption`]), which may support a brief but never be chosen for it.
//! Each rule is a *shape* of caption or credit, never a string of one site; the word lists are
//! data, in `data/captions.txt`.

use std::ops::Range;
use std::sync::OnceLock;

/// Credits, bylines and sign-offs are at most this many words (`Anis Belghoul / AP`, `NBC News'
/// Annabel Roberts reports.`); longer text saying the same is a sentence about it.
pub const MAX_CREDIT_WORDS: usize = 8;

/// The lists of `data/captions.txt`, read once.
struct Lists {
    credit_line_openings: Vec<&'static str>,
    contributor_phrases: Vec<&'static str>,
    contributor_openings: Vec<&'static str>,
    picture_agencies: Vec<&'static str>,
    sign_off_verbs: Vec<&'static str>,
    caption_openings: Vec<&'static str>,
    caption_phrases: Vec<&'static str>,
    places_in_picture: Vec<&'static str>,
    seen_in_picture: Vec<&'static str>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let data = include_str!("../data/captions.txt");
        let list = |name: &str| section(data, name);
        Lists {
            credit_line_openings: list("credit line openings"),
            contributor_phrases: list("contributor phrases"),
            contributor_openings: list("contributor openings"),
            picture_agencies: list("picture agencies"),
            sign_off_verbs: list("sign-off verbs"),
            caption_openings: list("caption openings"),
            caption_phrases: list("caption phrases"),
            places_in_picture: list("places in picture"),
            seen_in_picture: list("seen in picture"),
        }
    })
}

/// The entries under `[name]` in `data`, quotes removed. The file is part of the crate, so a
/// missing section is a bug caught by this module's tests, not a user error.
fn section(data: &'static str, name: &str) -> Vec<&'static str> {
    let header = format!("[{name}]");
    let entries: Vec<&'static str> = data
        .lines()
        .map(str::trim)
        .skip_while(|line| *line != header)
        .skip(1)
        .take_while(|line| !line.starts_with('['))
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| line.strip_prefix('"').and_then(|l| l.strip_suffix('"')).unwrap_or(line))
        .collect();
    assert!(!entries.is_empty(), "data/captions.txt has no entries under {header}");
    entries
}

/// Whether a whole line (lowercased in `lower`, as written in `line`, `words` words long) is a
/// caption or credit line: a picture or video label, a note on contributors, a `Name / Agency`
/// credit, or a video blurb ending in a broadcast sign-off. Ingest drops such lines; the word
/// limits keep a paragraph of news from ever being dropped for one phrase.
pub fn is_credit_line(line: &str, lower: &str, words: usize) -> bool {
    /// Label lines are short.
    const MAX_LABEL_WORDS: usize = 30;
    /// A video blurb is a sentence or two of description and a sign-off.
    const MAX_BLURB_WORDS: usize = 60;
    (words <= MAX_LABEL_WORDS && lists().credit_line_openings.iter().any(|p| lower.starts_with(p)))
        || is_contributor_note(lower)
        || (words <= MAX_CREDIT_WORDS && is_picture_credit(line))
        || (words <= MAX_BLURB_WORDS && is_video_blurb(line))
}

/// Whether a sentence of `words` words is a caption, credit, byline or similar label; `closed`
/// when it ends in sentence punctuation.
pub fn is_caption(text: &str, words: usize, closed: bool) -> bool {
    let lists = lists();
    let opens_like_a_caption = lists
        .caption_openings
        .iter()
        .any(|opening| text.get(..opening.len()).is_some_and(|start| start.eq_ignore_ascii_case(opening)));
    let is_byline = text.starts_with("By ") && words <= MAX_CREDIT_WORDS && !closed;
    let is_credit = words <= MAX_CREDIT_WORDS && !closed && text.contains('/');
    let is_sign_off = words <= MAX_CREDIT_WORDS && text.ends_with(" reports.");
    opens_like_a_caption
        || is_byline
        || is_credit
        || is_sign_off
        || lists.caption_phrases.iter().any(|phrase| text.contains(phrase))
        || lists.places_in_picture.iter().any(|place| text.contains(place))
        || lists.seen_in_picture.iter().any(|seen| is_seen_in_picture(text, seen))
}

/// `are seen after being released` is a caption; `is seen as a leader` is not.
fn is_seen_in_picture(text: &str, seen: &str) -> bool {
    text.match_indices(seen).any(|(at, _)| {
        let after = &text[at + seen.len()..];
        !after.starts_with("as ") && !after.starts_with("by ")
    })
}

fn is_contributor_note(lower: &str) -> bool {
    let lists = lists();
    lists.contributor_phrases.iter().any(|p| lower.contains(p))
        || lists.contributor_openings.iter().any(|p| lower.starts_with(p))
}

/// `Anis Belghoul / AP`, `(Reuters/Tim Wimborne)`, `Name/AFP/Getty Images`: capitalised names
/// around slashes, one of them a picture agency. Dates (`1/19`) and prose (`and/or`) fail the
/// capitals; headlines (`Israel/Palestine Talks Resume`) name no agency.
fn is_picture_credit(line: &str) -> bool {
    let agencies = &lists().picture_agencies;
    let inner = line.trim_start_matches('(').trim_end_matches(')');
    let parts: Vec<&str> = inner.split('/').map(str::trim).collect();
    let is_name = |part: &&str| !part.is_empty() && part.split(' ').all(is_capitalised);
    let names_agency = |part: &&str| part.split(' ').any(|w| agencies.contains(&w.to_lowercase().as_str()));
    parts.len() >= 2 && !inner.ends_with(['.', '!', '?']) && parts.iter().all(is_name) && parts.iter().any(names_agency)
}

/// A line whose last sentence is a broadcast sign-off: an outlet in the possessive, a name and a
/// sign-off verb, as in `NBC News' Annabel Roberts reports.` or `The Washington Post's Joby
/// Warrick discusses the situation with MSNBC's Alex Witt.`
fn is_video_blurb(line: &str) -> bool {
    let Some(body) = line.strip_suffix('.') else {
        return false;
    };
    let last_sentence = body.rfind(". ").map_or(body, |at| &body[at + 2..]);
    let tokens: Vec<&str> = last_sentence.split(' ').collect();
    is_sign_off(&tokens).unwrap_or(false)
}

fn is_sign_off(tokens: &[&str]) -> Option<bool> {
    let verbs = &lists().sign_off_verbs;
    let outlet_start = usize::from(tokens.first() == Some(&"The"));
    let outlet_end = (outlet_start..tokens.len().min(outlet_start + 4)).find(|&at| is_possessive(tokens[at]))?;
    let verb_at = (outlet_end + 2..tokens.len().min(outlet_end + 5)).find(|&at| verbs.contains(&tokens[at]))?;
    let capitalised = |range: Range<usize>| tokens[range].iter().all(|t| is_capitalised(t));
    if !capitalised(outlet_start..verb_at) {
        return Some(false);
    }
    let rest = &tokens[verb_at + 1..];
    Some(match tokens[verb_at] {
        // "... reports." or "... reports from Algiers."
        "reports" | "explains" => {
            rest.is_empty() || (rest[0] == "from" && rest.len() <= 4 && rest[1..].iter().all(|t| is_capitalised(t)))
        }
        // "... discusses the situation with MSNBC's Alex Witt."
        _ => {
            rest.len() <= 10
                && rest
                    .iter()
                    .rposition(|t| *t == "with")
                    .is_some_and(|w| w + 1 < rest.len() && rest[w + 1..].iter().all(|t| is_capitalised(t)))
        }
    })
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_possessive(word: &str) -> bool {
    word.len() > 2 && (word.ends_with("'s") || word.ends_with('\''))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credit_line(line: &str) -> bool {
        is_credit_line(line, &line.to_lowercase(), line.split(' ').count())
    }

    fn caption(text: &str) -> bool {
        let closed = text.trim_end_matches(['"', ')']).ends_with(['.', '!', '?']);
        is_caption(text, text.split_whitespace().count(), closed)
    }

    #[test]
    fn every_list_is_read() {
        let lists = lists();
        assert_eq!(lists.credit_line_openings.len(), 12);
        assert_eq!(lists.contributor_phrases.len(), 4);
        assert_eq!(lists.contributor_openings.len(), 5);
        assert_eq!(lists.picture_agencies.len(), 18);
        assert_eq!(lists.sign_off_verbs.len(), 5);
        assert_eq!(lists.caption_openings.len(), 19);
        assert_eq!(lists.caption_phrases.len(), 8);
        assert_eq!(lists.places_in_picture.len(), 9);
        assert_eq!(lists.seen_in_picture, [" is seen ", " are seen "], "quotes keep edge spaces");
        assert!(lists.contributor_openings.contains(&"reporting by "));
    }

    #[test]
    fn each_credit_line_rule_fires() {
        assert!(credit_line("Photo by Anis Belghoul"), "opening");
        assert!(credit_line("\u{a9} 2013 Cable News Network. All rights reserved."), "opening");
        assert!(credit_line("Reuters and The Associated Press contributed to this report."), "contributor phrase");
        assert!(credit_line("(Reporting by Lamine Chikhi; Editing by Giles Elgood)"), "contributor opening");
        assert!(credit_line("Anis Belghoul / AP"), "picture credit");
        assert!(credit_line("Panetta vows to hunt down the militants. NBC News' Annabel Roberts reports."), "blurb");
        assert!(credit_line("Sky's Alex Crawford reports from Tripoli."), "blurb");
    }

    #[test]
    fn credit_line_rules_keep_news() {
        for line in [
            "The militants demanded an end to the operation.",
            "Shares fell 3% on 1/19.",
            "Israel/Palestine Talks Resume",
            "The Guardian's Luke Harding reports that the ministry denied it.",
        ] {
            assert!(!credit_line(line), "{line}");
        }
        let long_photo_line = format!("Photo: {}", "word ".repeat(40));
        assert!(!credit_line(long_photo_line.trim_end()), "labels are short");
    }

    #[test]
    fn each_caption_rule_fires() {
        assert!(caption("Image copyright Getty"), "opening");
        assert!(caption("By Lamine Chikhi and Hamid Ould Ahmed"), "byline");
        assert!(caption("Anis Belghoul / AP"), "slash credit");
        assert!(caption("NBC News' Annabel Roberts reports."), "sign-off");
        assert!(caption("An Algerian soldier stands guard at the gate (AP Photo/Anis Belghoul)"), "phrase");
        assert!(caption("Peter, left, and Alan walk to the bus near the plant."), "place in picture");
        assert!(caption("Two hostages are seen after being released near the plant."), "seen");
    }

    #[test]
    fn caption_rules_keep_news() {
        for text in [
            "Algerian troops ended a hostage crisis at a remote gas facility on Saturday.",
            "Many workers are seen as heroes by their families and friends.",
            "By Saturday the army had taken the plant, officials said.",
            "The minister said 1/3 of the workers were foreigners.",
        ] {
            assert!(!caption(text), "{text}");
        }
    }
}
