//! A compressed sentence: the pieces of the original sentence it keeps, and how they read joined.

use std::ops::Range;

/// A sentence with some of its words dropped. Each kept piece is a byte range of the sentence as
/// segmented, so a citation of the pieces is exact: `text` is the pieces joined by single spaces
/// (none before a piece that opens with punctuation), with the first letter capitalized when the
/// words before it were dropped. That capital is the one byte that may differ from the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compression {
    /// Byte ranges of the sentence that are kept, in order, never empty, never overlapping.
    pub pieces: Vec<Range<usize>>,
    /// The compressed sentence.
    pub text: String,
}

impl Compression {
    /// What is left of `sentence` once `dropped` (sorted or not, overlapping or not) is removed;
    /// whitespace at the edges of each kept piece is left out of it.
    pub(crate) fn without(sentence: &str, dropped: &[Range<usize>]) -> Compression {
        let mut dropped = dropped.to_vec();
        dropped.sort_by_key(|r| r.start);
        let mut pieces = Vec::new();
        let mut at = 0;
        for range in dropped.iter().chain(std::iter::once(&(sentence.len()..sentence.len()))) {
            if range.start > at {
                let kept = &sentence[at..range.start];
                let start = at + (kept.len() - kept.trim_start().len());
                let end = range.start - (kept.len() - kept.trim_end().len());
                if start < end {
                    pieces.push(start..end);
                }
            }
            at = at.max(range.end);
        }
        let mut text = String::with_capacity(sentence.len());
        for piece in &pieces {
            if !text.is_empty() && !attaches(&sentence[piece.clone()]) {
                text.push(' ');
            }
            text.push_str(&sentence[piece.clone()]);
        }
        if let Some(first) = text.chars().next().filter(|c| c.is_lowercase()) {
            text.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
        }
        Compression { pieces, text }
    }

    /// The pieces of `sentence` (the sentence this was made from) that make up the first `len`
    /// bytes of `text`: what a brief cut at its budget cites.
    pub fn prefix(&self, sentence: &str, len: usize) -> Vec<Range<usize>> {
        let mut at = 0;
        let mut kept = Vec::new();
        for (i, piece) in self.pieces.iter().enumerate() {
            if i > 0 && !attaches(&sentence[piece.clone()]) {
                at += 1;
            }
            if at >= len {
                break;
            }
            let take = piece.len().min(len - at);
            kept.push(piece.start..piece.start + take);
            at += piece.len();
        }
        kept
    }
}

/// Whether a piece joins the one before it without a space: it opens with closing punctuation.
fn attaches(piece: &str) -> bool {
    piece.starts_with([',', '.', ';', ':', '!', '?', ')'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_trimmed_and_joined_and_the_first_letter_is_capitalized() {
        let s = "On Monday, troops stormed the plant, officials said.";
        let c = Compression::without(s, &[0..10, 35..51]);
        assert_eq!(c.text, "Troops stormed the plant.");
        assert_eq!(c.pieces, [11..35, 51..52]);
        assert_eq!(&s[c.pieces[0].clone()], "troops stormed the plant");
        assert_eq!(c.prefix(s, "Troops stormed".len()), std::iter::once(11..25).collect::<Vec<_>>());
        assert_eq!(c.prefix(s, c.text.len()), c.pieces);
    }
}
