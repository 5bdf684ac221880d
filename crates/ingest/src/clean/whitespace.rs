//! Normalises whitespace and quotes, keeping line structure: the cleaned text is its non-empty
//! lines, trimmed, separated by exactly one `\n` (the segmenter reads line breaks as boundaries,
//! which is how it finds headlines that lack a full stop). Unicode spaces become one ASCII space,
//! invisible characters (zero-width spaces, soft hyphens, stray controls) go, and typographic
//! quotes become ASCII ones so that later steps and the brief deal with one spelling.
//!
//! Each maximal run of whitespace and invisible characters is replaced as a whole, and only when
//! it differs from what it should be: single spaces and single newlines are left untouched, so
//! most of a clean text maps to its original byte for byte.

use super::TextCleaner;
use chorus_core::Edit;

/// Normalises whitespace and typographic quotes.
pub struct Whitespace;

/// How a character takes part in whitespace normalisation.
enum Class {
    /// Ends a line.
    Break,
    /// Separates words on a line.
    Space,
    /// Has no visible effect: dropped.
    Invisible,
    /// A typographic quote, and its ASCII spelling.
    Quote(&'static str),
    Visible,
}

fn classify(c: char) -> Class {
    match c {
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Class::Break,
        ' ' | '\t' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
            Class::Space
        }
        '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => Class::Invisible,
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' => Class::Quote("\""),
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' => Class::Quote("'"),
        c if c.is_control() => Class::Invisible,
        _ => Class::Visible,
    }
}

/// A run of whitespace and invisible characters between visible ones.
struct Gap {
    start: usize,
    has_break: bool,
    has_space: bool,
}

impl Gap {
    /// What the gap should be: nothing at either end of the text, else one newline if it
    /// crossed a line, else one space if it separated words, else nothing.
    fn canonical(&self, text_len: usize, end: usize) -> &'static str {
        if self.start == 0 || end == text_len {
            ""
        } else if self.has_break {
            "\n"
        } else if self.has_space {
            " "
        } else {
            ""
        }
    }
}

impl TextCleaner for Whitespace {
    fn edits(&self, text: &str) -> Vec<Edit> {
        let mut edits = Vec::new();
        let mut gap: Option<Gap> = None;
        let close_gap = |gap: Gap, end: usize, edits: &mut Vec<Edit>| {
            let canonical = gap.canonical(text.len(), end);
            let current = &text.as_bytes()[gap.start..end];
            // Most gaps are one space or one newline: compared inline, not through memcmp.
            if !current.iter().eq(canonical.as_bytes()) {
                edits.push(Edit::new(gap.start..end, canonical));
            }
        };
        let mut at = 0;
        while let Some(c) = text[at..].chars().next() {
            let plain = plain_ascii_len(&text.as_bytes()[at..]);
            if plain > 0 {
                if let Some(finished) = gap.take() {
                    close_gap(finished, at, &mut edits);
                }
                at += plain;
                continue;
            }
            let class = classify(c);
            if let Class::Break | Class::Space | Class::Invisible = class {
                let current = gap.get_or_insert(Gap { start: at, has_break: false, has_space: false });
                current.has_break |= matches!(class, Class::Break);
                current.has_space |= matches!(class, Class::Space);
            } else {
                if let Some(finished) = gap.take() {
                    close_gap(finished, at, &mut edits);
                }
                if let Class::Quote(ascii) = class {
                    edits.push(Edit::new(at..at + c.len_utf8(), ascii));
                }
            }
            at += c.len_utf8();
        }
        if let Some(finished) = gap {
            close_gap(finished, text.len(), &mut edits);
        }
        edits
    }
}

/// The length of the plain ASCII at the start of `bytes`: printable characters, and single
/// spaces between them, ending on a printable character. Most of any text is plain, and plain
/// text needs no edit, so it is stepped over here without classifying each character or
/// opening a gap at each space.
fn plain_ascii_len(bytes: &[u8]) -> usize {
    let mut len = 0;
    while let Some(&byte) = bytes.get(len) {
        if byte.is_ascii_graphic() {
            len += 1;
        } else if byte == b' ' && len > 0 && bytes.get(len + 1).is_some_and(u8::is_ascii_graphic) {
            len += 2;
        } else {
            break;
        }
    }
    len
}

#[cfg(test)]
mod tests {
    use super::super::cleaned_with;
    use super::*;

    #[test]
    fn collapses_spaces_and_blank_lines_and_trims_lines() {
        let text = "\u{feff}  Title \r\n\r\n  First\u{a0} line.\t\n \n\nSecond\u{2003}line.  \n";
        assert_eq!(cleaned_with(&Whitespace, text), "Title\nFirst line.\nSecond line.");
    }

    #[test]
    fn drops_invisible_characters() {
        assert_eq!(cleaned_with(&Whitespace, "zero\u{200b}width soft\u{ad}hyphen\u{7}"), "zerowidth softhyphen");
    }

    #[test]
    fn straightens_quotes() {
        let text = "\u{201c}It\u{2019}s over,\u{201d} he said. \u{201e}Ja\u{201c}";
        assert_eq!(cleaned_with(&Whitespace, text), "\"It's over,\" he said. \"Ja\"");
    }

    #[test]
    fn plain_ascii_ends_on_a_printable_character() {
        assert_eq!(plain_ascii_len(b"It is over.  Then"), 11);
        assert_eq!(plain_ascii_len(b"word \nnext"), 4);
        assert_eq!(plain_ascii_len(b"word "), 4);
        assert_eq!(plain_ascii_len(b" word"), 0);
        assert_eq!(plain_ascii_len(b"a b\x7fc"), 3);
    }

    #[test]
    fn spaces_and_controls_next_to_plain_text_are_still_cleaned() {
        assert_eq!(cleaned_with(&Whitespace, "a  b \nc\x7fd e\u{a0}f "), "a b\ncd e f");
    }

    #[test]
    fn clean_text_needs_no_edit() {
        assert!(Whitespace.edits("One line.\nAnother line.").is_empty());
    }

    #[test]
    fn blank_text_becomes_empty() {
        assert_eq!(cleaned_with(&Whitespace, " \n\u{a0}\n "), "");
    }
}
