//! Repairs double-encoded UTF-8: text whose UTF-8 bytes were decoded as Windows-1252 (or
//! Latin-1) and encoded again, so that `’` reads `â€™`, `é` reads `Ã©` and a no-break space
//! reads `Â` + no-break space.
//!
//! A sequence is repaired only when its characters map back to bytes that form exactly one valid
//! UTF-8 character: a lead byte followed by the right number of continuation bytes. Real text
//! almost never has that shape, because continuation bytes map to symbols (`€ ™ © ¢ ¹ «` and the
//! like) that do not follow accented capitals; a real `Ã` in Portuguese is followed by a plain
//! letter and is left alone. Two-byte leads that would decode to rare scripts (IPA, Armenian,
//! Hebrew, ...) are excluded, as they are likelier to be real `É’` than mojibake.

use super::cp1252::byte_of_char;
use super::TextCleaner;
use chorus_core::Edit;
use std::ops::Range;

/// Repairs double-encoded text (`â€™`, `Â `).
pub struct Mojibake;

/// Text double-encoded twice (`Ã¢â‚¬â„¢`) needs a second repair; more layers do not occur.
const MAX_LAYERS: usize = 3;

impl TextCleaner for Mojibake {
    fn edits(&self, text: &str) -> Vec<Edit> {
        misdecoded_runs(text)
            .into_iter()
            .map(|(range, mut replacement)| {
                for _ in 1..MAX_LAYERS {
                    let deeper = misdecoded_runs(&replacement);
                    if deeper.is_empty() {
                        break;
                    }
                    replacement = splice(&replacement, deeper);
                }
                Edit::new(range, replacement)
            })
            .collect()
    }
}

/// The first UTF-8 byte of every character that can lead a misdecoded sequence: lead bytes
/// 0xC2..=0xF4 read as Windows-1252 or Latin-1 are the characters U+00C2..=U+00F4, all encoded
/// as 0xC3 and one more byte.
const LEAD_CHAR_FIRST_BYTE: u8 = 0xc3;

/// Maximal runs of adjacent misdecoded sequences, with what they decode to.
fn misdecoded_runs(text: &str) -> Vec<(Range<usize>, String)> {
    let mut runs: Vec<(Range<usize>, String)> = Vec::new();
    let mut at = 0;
    // Only a lead character can start a sequence, so the search jumps from one to the next
    // (most texts have none, or only a few accented letters).
    while let Some(skip) = memchr::memchr(LEAD_CHAR_FIRST_BYTE, &text.as_bytes()[at..]) {
        at += skip;
        let Some((len, repaired)) = misdecoded_sequence(&text[at..]) else {
            at += text[at..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        match runs.last_mut() {
            Some((range, decoded)) if range.end == at => {
                range.end = at + len;
                decoded.push(repaired);
            }
            _ => runs.push((at..at + len, repaired.to_string())),
        }
        at += len;
    }
    runs
}

/// The length in bytes of the misdecoded character at the start of `text`, and the character.
fn misdecoded_sequence(text: &str) -> Option<(usize, char)> {
    let mut chars = text.chars();
    let lead_char = chars.next()?;
    let lead = byte_of_char(lead_char)?;
    let continuations = match lead {
        0xc2 | 0xc3 | 0xc5 | 0xc6 | 0xcb | 0xce | 0xcf | 0xd0 | 0xd1 => 1,
        0xe0..=0xef => 2,
        0xf0..=0xf4 => 3,
        _ => return None,
    };
    let mut bytes = [lead, 0, 0, 0];
    let mut len = lead_char.len_utf8();
    for slot in bytes.iter_mut().skip(1).take(continuations) {
        let c = chars.next()?;
        let byte = byte_of_char(c).filter(|b| (0x80..=0xbf).contains(b))?;
        *slot = byte;
        len += c.len_utf8();
    }
    let decoded = std::str::from_utf8(&bytes[..=continuations]).ok()?.chars().next()?;
    Some((len, decoded))
}

/// `text` with the given sorted, disjoint ranges replaced.
fn splice(text: &str, replacements: Vec<(Range<usize>, String)>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    for (range, replacement) in replacements {
        out.push_str(&text[cursor..range.start]);
        out.push_str(&replacement);
        cursor = range.end;
    }
    out.push_str(&text[cursor..]);
    out
}

#[cfg(test)]
mod tests {
    use super::super::cleaned_with;
    use super::*;

    fn repair(text: &str) -> String {
        cleaned_with(&Mojibake, text)
    }

    #[test]
    fn repairs_common_sequences() {
        assert_eq!(repair("It\u{e2}\u{20ac}\u{2122}s"), "It\u{2019}s");
        assert_eq!(repair("caf\u{c3}\u{a9} au lait"), "caf\u{e9} au lait");
        assert_eq!(repair("truth.\u{c2}\u{a0} Next"), "truth.\u{a0} Next");
        assert_eq!(repair("\u{e2}\u{20ac}\u{153}Quote\u{e2}\u{20ac}\u{9d}"), "\u{201c}Quote\u{201d}");
    }

    #[test]
    fn repairs_two_layers() {
        // ’ encoded to UTF-8, read as Windows-1252, twice.
        assert_eq!(repair("don\u{c3}\u{a2}\u{e2}\u{201a}\u{ac}\u{e2}\u{201e}\u{a2}t"), "don\u{2019}t");
    }

    #[test]
    fn leaves_real_accents_alone() {
        for text in [
            "S\u{c3}O PAULO",
            "Jo\u{e3}o and Ant\u{f3}nio",
            "CAF\u{c9}\u{2019}S",
            "na\u{ef}ve \u{a9} 2013",
            "\u{e9}t\u{e9}",
        ] {
            assert_eq!(repair(text), text);
        }
    }

    #[test]
    fn every_lead_character_starts_with_the_searched_byte() {
        for lead in 0xc2..=0xf4u8 {
            let c = super::super::cp1252::char_of_byte(lead);
            assert_eq!(c.to_string().as_bytes()[0], LEAD_CHAR_FIRST_BYTE, "{lead:#x}");
        }
    }

    #[test]
    fn incomplete_sequences_are_left_alone() {
        assert_eq!(repair("x \u{e2}\u{20ac} y"), "x \u{e2}\u{20ac} y");
    }
}
