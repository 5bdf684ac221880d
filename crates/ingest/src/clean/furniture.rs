//! Drops page furniture: lines that belong to the web page around a report rather than to the
//! report (share buttons, "Related content:", photo credits, contributor notes, video blurbs,
//! links to other stories). Each rule is a *shape* of furniture, never a string of one site, and
//! each is limited to short lines so that a paragraph of news is never dropped for one phrase.
//!
//! Photo and video labels, credits, contributor notes and video blurbs are the caption and
//! credit rules of [`chorus_core::caption`], which segment shares; the rest is page chrome.
//!
//! Runs after whitespace and quote normalisation, so lines are trimmed and quotes are ASCII.
//! A dropped line goes with its line break, keeping one `\n` between the lines that remain.

use super::TextCleaner;
use chorus_core::{caption, Edit};
use std::ops::Range;

/// Drops web-page furniture lines: share prompts, photo credits, contributor lines.
pub struct Furniture;

/// No furniture line is longer than this (a long contributor list is about 50 words).
const MAX_FURNITURE_WORDS: usize = 80;
/// Link lines are short.
const MAX_LINK_WORDS: usize = 30;

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

/// Starts (lowercased) of link and call-to-action lines. Picture and video labels and credits
/// are caption rules.
#[rustfmt::skip]
const LINK_PREFIXES: [&str; 10] = [
    "click here", "opinion:", "read more:", "related:", "see also:", "more:", "sign up", "subscribe to",
    "follow us on", "share this",
];

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
        || caption::is_credit_line(line, &lower, words)
}

fn is_label(lower: &str) -> bool {
    LABELS.contains(&lower.trim_end_matches([':', '.', ' ']))
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
