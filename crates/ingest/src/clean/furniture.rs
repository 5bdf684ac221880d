//! Drops page furniture: lines that belong to the web page around a report rather than to the
//! report (share buttons, "Related content:", photo credits, contributor notes, video blurbs,
//! links to other stories). Each rule is a *shape* of furniture, never a string of one site, and
//! each is limited to short lines so that a paragraph of news is never dropped for one phrase.
//!
//! Runs after whitespace and quote normalisation, so lines are trimmed and quotes are ASCII.
//! A dropped line goes with its line break, keeping one `\n` between the lines that remain.

use super::TextCleaner;
use chorus_core::Edit;
use std::ops::Range;

/// Drops web-page furniture lines: share prompts, photo credits, contributor lines.
pub struct Furniture;

/// No furniture line is longer than this (a long contributor list is about 50 words).
const MAX_FURNITURE_WORDS: usize = 80;
/// Labels, link lines and credits are short.
const MAX_LINK_WORDS: usize = 30;
const MAX_CREDIT_WORDS: usize = 8;
/// A video blurb is a sentence or two of description and a sign-off.
const MAX_BLURB_WORDS: usize = 60;

/// Whole lines (lowercased, without trailing `:`/`.`) that are page chrome.
#[rustfmt::skip]
const LABELS: [&str; 36] = [
    "advertisement", "sponsored", "sponsored content", "share", "share this", "share this article",
    "share this story", "share on facebook", "share on twitter", "tweet", "email", "print", "comments",
    "related", "related content", "related articles", "related stories", "related coverage", "discuss as",
    "read more", "more", "see also", "continue reading", "story continues below",
    "story continues below advertisement", "skip to main content", "back to top", "follow us", "play video",
    "watch video", "close", "loading", "image", "photo", "video", "caption",
];

/// Starts (lowercased) of link, credit and call-to-action lines.
#[rustfmt::skip]
const LINK_PREFIXES: [&str; 22] = [
    "click here", "opinion:", "photo:", "photos:", "photograph:", "photo by ", "photograph by ", "image:",
    "video:", "watch:", "read more:", "related:", "see also:", "more:", "sign up", "subscribe to",
    "follow us on", "share this", "credit:", "(photo:", "\u{a9}", "all rights reserved",
];

/// Phrases that only notes on who contributed to a report contain.
const CONTRIBUTOR_PHRASES: [&str; 4] =
    ["contributed to this report", "contributed to this story", "contributed to this article", "contributed reporting"];
const CONTRIBUTOR_PREFIXES: [&str; 5] =
    ["reporting by ", "(reporting by ", "writing by ", "editing by ", "compiled by "];

/// Words (lowercased) naming picture agencies, one of which a `Name / Agency` credit contains.
#[rustfmt::skip]
const PICTURE_AGENCIES: [&str; 18] = [
    "ap", "afp", "reuters", "getty", "epa", "bloomberg", "xinhua", "sipa", "rex", "shutterstock", "alamy",
    "corbis", "anadolu", "nurphoto", "zuma", "efe", "ansa", "tass",
];

/// Verbs that end a broadcast sign-off: "NBC News' Annabel Roberts reports."
const SIGN_OFF_VERBS: [&str; 5] = ["reports", "explains", "discusses", "talks", "speaks"];

impl TextCleaner for Furniture {
    fn edits(&self, text: &str) -> Vec<Edit> {
        let mut blocks: Vec<Range<usize>> = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            let end = start + line.len();
            if is_furniture(line) {
                match blocks.last_mut() {
                    Some(block) if block.end + 1 == start => block.end = end,
                    _ => blocks.push(start..end),
                }
            }
            start = end + 1;
        }
        blocks
            .into_iter()
            .map(|block| match block {
                _ if block.end < text.len() => Edit::delete(block.start..block.end + 1),
                _ if block.start > 0 => Edit::delete(block.start - 1..block.end),
                _ => Edit::delete(block),
            })
            .collect()
    }
}

fn is_furniture(line: &str) -> bool {
    // Words are separated by single spaces (whitespace is normalised before this step); the
    // spaces are counted with a fast byte search, and no further than the limit needs.
    let words = memchr::memchr_iter(b' ', line.as_bytes()).take(MAX_FURNITURE_WORDS).count() + 1;
    if line.is_empty() || words > MAX_FURNITURE_WORDS {
        return false;
    }
    let lower = line.to_lowercase();
    is_label(&lower)
        || (words <= MAX_LINK_WORDS && LINK_PREFIXES.iter().any(|p| lower.starts_with(p)))
        || is_contributor_note(&lower)
        || (words <= MAX_CREDIT_WORDS && is_picture_credit(line))
        || (words <= MAX_BLURB_WORDS && is_video_blurb(line))
}

fn is_label(lower: &str) -> bool {
    LABELS.contains(&lower.trim_end_matches([':', '.', ' ']))
}

fn is_contributor_note(lower: &str) -> bool {
    CONTRIBUTOR_PHRASES.iter().any(|p| lower.contains(p)) || CONTRIBUTOR_PREFIXES.iter().any(|p| lower.starts_with(p))
}

/// `Anis Belghoul / AP`, `(Reuters/Tim Wimborne)`, `Name/AFP/Getty Images`: capitalised names
/// around slashes, one of them a picture agency. Dates (`1/19`) and prose (`and/or`) fail the
/// capitals; headlines (`Israel/Palestine Talks Resume`) name no agency.
fn is_picture_credit(line: &str) -> bool {
    let inner = line.trim_start_matches('(').trim_end_matches(')');
    let parts: Vec<&str> = inner.split('/').map(str::trim).collect();
    let is_name = |part: &&str| !part.is_empty() && part.split(' ').all(is_capitalised);
    let names_agency = |part: &&str| part.split(' ').any(|w| PICTURE_AGENCIES.contains(&w.to_lowercase().as_str()));
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
    let outlet_start = usize::from(tokens.first() == Some(&"The"));
    let outlet_end = (outlet_start..tokens.len().min(outlet_start + 4)).find(|&at| is_possessive(tokens[at]))?;
    let verb_at =
        (outlet_end + 2..tokens.len().min(outlet_end + 5)).find(|&at| SIGN_OFF_VERBS.contains(&tokens[at]))?;
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
    use super::super::cleaned_with;
    use super::*;

    fn dropped(line: &str) -> bool {
        cleaned_with(&Furniture, &format!("Kept.\n{line}\nAlso kept.")) == "Kept.\nAlso kept."
    }

    #[test]
    fn drops_labels_and_link_lines() {
        for line in [
            "Discuss as:",
            "Related content:",
            "ADVERTISEMENT",
            "Share this",
            "Click here to read more",
            "Opinion: Algeria situation is a wake-up call for the U.S.",
            "Photo: A soldier at the plant",
        ] {
            assert!(dropped(line), "{line}");
        }
    }

    #[test]
    fn drops_credits_and_contributor_notes() {
        for line in [
            "Anis Belghoul / AP",
            "(Reuters/Tim Wimborne)",
            "Ludovic Marin/AFP/Getty Images",
            "Reuters and The Associated Press contributed to this report.",
            "CNN's Barbara Starr, Per Nyberg and Tim Lister contributed to this report, as did journalists in Algiers.",
            "(Reporting by Lamine Chikhi; Editing by Giles Elgood)",
        ] {
            assert!(dropped(line), "{line}");
        }
    }

    #[test]
    fn drops_video_blurbs() {
        for line in ["After the attack, Panetta vows to hunt down the militants. NBC News' Annabel Roberts reports.",
            "The standoff is proving frustrating. The Washington Post's Joby Warrick discusses the situation with MSNBC's Alex Witt.",
            "Sky's Alex Crawford reports from Tripoli."] {
            assert!(dropped(line), "{line}");
        }
    }

    #[test]
    fn keeps_news() {
        for line in [
            "The militants demanded an end to the operation.",
            "Crisis highlights pressure, potential on Algeria",
            "More than 30 hostages were killed.",
            "Shares of BP fell.",
            "Shares fell 3% on 1/19.",
            "Israel/Palestine Talks Resume",
            "The Guardian's Luke Harding reports that the ministry denied it.",
            "Hammond said the loss of life was appalling.",
        ] {
            assert!(!dropped(line), "{line}");
        }
    }

    #[test]
    fn first_and_last_lines_go_with_one_newline() {
        assert_eq!(cleaned_with(&Furniture, "Discuss as:\nBody.\nRelated content:"), "Body.");
        assert_eq!(cleaned_with(&Furniture, "Body.\nShare\nAdvertisement"), "Body.");
        assert_eq!(cleaned_with(&Furniture, "Advertisement"), "");
    }
}
