//! Cleaned text that remembers where each of its bytes came from in the original.
//!
//! Cleaning rewrites text (mojibake repair, quote and whitespace normalisation, dropped page
//! furniture), yet every sentence of a brief must cite the exact bytes of the source it came from.
//! `AlignedText` keeps, beside the cleaned text, a sorted list of pieces mapping cleaned ranges to
//! original ranges: a *copied* piece maps byte for byte, a *replaced* piece maps as a whole.
//! Edits compose, so any number of cleaning steps can run one after another and a cleaned range
//! still maps to the original in one binary search. Memory grows with the number of edits, not
//! with the size of the text.

use crate::Span;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    clean_start: usize,
    clean_end: usize,
    orig_start: usize,
    orig_end: usize,
    /// Copied byte for byte (so offsets inside it map one to one), or replaced as a whole.
    copied: bool,
}

/// One replacement of a range of the current cleaned text. An empty `replacement` deletes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The range of the current cleaned text to replace.
    pub range: Range<usize>,
    /// What replaces it; empty to delete.
    pub replacement: String,
}

impl Edit {
    /// Replaces `range` with `replacement`.
    pub fn new(range: Range<usize>, replacement: impl Into<String>) -> Self {
        Edit { range, replacement: replacement.into() }
    }
    /// Deletes `range`: an edit with an empty replacement.
    pub fn delete(range: Range<usize>) -> Self {
        Edit { range, replacement: String::new() }
    }
}

/// Text after cleaning, with its alignment to the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlignedText {
    text: String,
    pieces: Vec<Piece>,
}

impl AlignedText {
    /// The identity alignment: cleaned text equals the original.
    pub fn new(original: &str) -> Self {
        let pieces = if original.is_empty() {
            Vec::new()
        } else {
            vec![Piece {
                clean_start: 0,
                clean_end: original.len(),
                orig_start: 0,
                orig_end: original.len(),
                copied: true,
            }]
        };
        AlignedText { text: original.to_owned(), pieces }
    }

    /// The cleaned text; byte offsets into it are what [`AlignedText::original_span`] maps back.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length of the cleaned text in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether cleaning left no text at all.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Applies edits to the cleaned text. Edits must be sorted, must not overlap, and must fall on
    /// char boundaries; the alignment to the original is carried through.
    ///
    /// # Panics
    /// On unsorted or overlapping edits, or ranges off char boundaries: those are bugs in the
    /// caller, never a property of the input.
    pub fn apply(&mut self, edits: impl IntoIterator<Item = Edit>) {
        let mut text = String::with_capacity(self.text.len());
        let mut pieces = Vec::with_capacity(self.pieces.len() + 8);
        let mut cursor = 0;
        for edit in edits {
            let Range { start, end } = edit.range;
            assert!(cursor <= start && start <= end && end <= self.text.len(), "edits must be sorted and disjoint");
            self.keep(cursor..start, &mut text, &mut pieces);
            if !edit.replacement.is_empty() {
                let (orig_start, orig_end) = if start == end {
                    let at = self.original_offset(start);
                    (at, at)
                } else {
                    let span = self.original_span(start..end);
                    (span.start, span.end)
                };
                let clean_start = text.len();
                text.push_str(&edit.replacement);
                pieces.push(Piece { clean_start, clean_end: text.len(), orig_start, orig_end, copied: false });
            }
            cursor = end;
        }
        self.keep(cursor..self.text.len(), &mut text, &mut pieces);
        self.text = text;
        self.pieces = pieces;
    }

    /// Copies a range of the current text, and the pieces under it, into the next version.
    fn keep(&self, range: Range<usize>, text: &mut String, pieces: &mut Vec<Piece>) {
        if range.is_empty() {
            return;
        }
        let shift = text.len() as isize - range.start as isize;
        text.push_str(&self.text[range.clone()]);
        let first = self.piece_index(range.start);
        for piece in &self.pieces[first..] {
            if piece.clean_start >= range.end {
                break;
            }
            let lo = piece.clean_start.max(range.start);
            let hi = piece.clean_end.min(range.end);
            let (orig_start, orig_end) = if piece.copied {
                (piece.orig_start + (lo - piece.clean_start), piece.orig_start + (hi - piece.clean_start))
            } else {
                (piece.orig_start, piece.orig_end)
            };
            pieces.push(Piece {
                clean_start: (lo as isize + shift) as usize,
                clean_end: (hi as isize + shift) as usize,
                orig_start,
                orig_end,
                copied: piece.copied,
            });
        }
    }

    /// Index of the piece holding cleaned byte `offset` (the last piece for `offset == len`).
    fn piece_index(&self, offset: usize) -> usize {
        self.pieces.partition_point(|p| p.clean_end <= offset).min(self.pieces.len().saturating_sub(1))
    }

    /// The original offset where cleaned byte `offset` starts.
    fn original_offset(&self, offset: usize) -> usize {
        if self.pieces.is_empty() {
            return 0;
        }
        let piece = &self.pieces[self.piece_index(offset)];
        if offset >= piece.clean_end {
            piece.orig_end
        } else if piece.copied {
            piece.orig_start + (offset - piece.clean_start)
        } else {
            piece.orig_start
        }
    }

    /// The span of the original text that a range of the cleaned text came from.
    pub fn original_span(&self, clean: Range<usize>) -> Span {
        if self.pieces.is_empty() {
            return Span { start: 0, end: 0 };
        }
        if clean.is_empty() {
            let at = self.original_offset(clean.start);
            return Span { start: at, end: at };
        }
        let start = self.original_offset(clean.start);
        let last = &self.pieces[self.piece_index(clean.end - 1)];
        let end = if last.copied { last.orig_start + (clean.end - last.clean_start) } else { last.orig_end };
        Span { start, end: end.max(start) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice(original: &str, span: Span) -> &str {
        &original[span.start..span.end]
    }

    #[test]
    fn identity_maps_one_to_one() {
        let t = AlignedText::new("Hello world.");
        assert_eq!(t.original_span(6..11), Span { start: 6, end: 11 });
    }

    #[test]
    fn replacement_maps_as_a_whole_and_shifts_the_rest() {
        let original = "It\u{2019}s  here. Then more.";
        let mut t = AlignedText::new(original);
        // curly apostrophe (3 bytes) -> ', double space -> one space
        t.apply([Edit::new(2..5, "'"), Edit::new(6..8, " ")]);
        assert_eq!(t.as_str(), "It's here. Then more.");
        let here = t.as_str().find("here.").unwrap();
        assert_eq!(slice(original, t.original_span(here..here + 5)), "here.");
        assert_eq!(slice(original, t.original_span(0..4)), "It\u{2019}s");
        let then = t.as_str().find("Then").unwrap();
        assert_eq!(slice(original, t.original_span(then..t.len())), "Then more.");
    }

    #[test]
    fn edits_compose_across_steps() {
        let original = "Discuss as:\n\nA caf\u{c3}\u{a9} opened.";
        let mut t = AlignedText::new(original);
        t.apply([Edit::delete(0..13)]);
        assert_eq!(t.as_str(), "A caf\u{c3}\u{a9} opened.");
        let moj = t.as_str().find('\u{c3}').unwrap();
        t.apply([Edit::new(moj..moj + 4, "\u{e9}")]);
        assert_eq!(t.as_str(), "A caf\u{e9} opened.");
        assert_eq!(slice(original, t.original_span(0..t.len())), "A caf\u{c3}\u{a9} opened.");
        let opened = t.as_str().find("opened").unwrap();
        assert_eq!(slice(original, t.original_span(opened..opened + 6)), "opened");
    }

    #[test]
    fn insertion_and_empty_text() {
        let mut t = AlignedText::new("ab");
        t.apply([Edit::new(1..1, "-")]);
        assert_eq!(t.as_str(), "a-b");
        assert_eq!(t.original_span(2..3), Span { start: 1, end: 2 });
        let mut e = AlignedText::new("");
        e.apply([]);
        assert_eq!(e.original_span(0..0), Span { start: 0, end: 0 });
    }
}
