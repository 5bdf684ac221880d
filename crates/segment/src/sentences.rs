//! Sentence boundaries in cleaned text.
//!
//! A rule-based splitter of our own rather than `sentencex`: it returns exact, trimmed byte
//! ranges, runs one pass over the bytes, and makes the news-specific calls explicit (see the
//! README for the measured comparison). The rules, in order:
//!
//! - Every line break ends a sentence, so headlines and captions without a full stop stand alone.
//! - A candidate boundary is a run of `.`, `!`, `?` or `…`, then any closing quotes and brackets
//!   (which stay with the sentence), then whitespace. No whitespace, no boundary (`3.5`, `U.S.-led`).
//! - The next word must be able to start a sentence: a lowercase letter or a continuing mark
//!   (`,` `;` `)` …) after the stop means the sentence goes on (`"Why?" he asked.`).
//! - `?` and `!` end the sentence. An ellipsis ends it only when attached to its word (`wait...
//!   Then`): news quotes elide with a spaced ` ... ` mid-sentence.
//! - A full stop after a title (`Mr.`, `Gen.`) never ends a sentence. After another abbreviation
//!   (`U.S.`, `p.m.`, `No.`, `Inc.`, initials) it ends one only when an opening quote or bracket
//!   or a capitalised function word follows (`the U.S. They`, but `U.S. President`, `3 p.m.
//!   Thursday`, `No. 2`, `George W. Bush`): names follow abbreviations, function words start
//!   sentences.
//! - A straight `"` after the stop, separated by a space, closes the sentence's quote when one is
//!   open on the line (the spaced quotes of tokenised corpora: `over . " Then`); else it opens
//!   the next sentence.

use crate::abbreviations::{classify_period, Period};
use crate::stopwords::is_stopword_any_case;
use std::ops::Range;

const ELLIPSIS: &str = "\u{2026}";
const CLOSERS: [&str; 6] = ["\"", "'", ")", "]", "\u{201d}", "\u{2019}"];
const OPENERS: [char; 6] = ['"', '\'', '(', '[', '\u{201c}', '\u{2018}'];
/// Marks after which a sentence carries on rather than starts.
const CONTINUERS: [char; 8] = [',', ';', ':', ')', ']', '}', '\u{201d}', '\u{2019}'];

/// Byte ranges of the sentences of `text`, in order, trimmed of surrounding whitespace; never
/// empty, never across a line break.
pub fn sentence_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        split_line(line, line_start, &mut ranges);
        line_start += line.len() + 1;
    }
    ranges
}

/// Appends the sentences of one line, which starts at byte `offset` of the text.
fn split_line(line: &str, offset: usize, ranges: &mut Vec<Range<usize>>) {
    let bytes = line.as_bytes();
    let mut sentence_start = 0;
    let mut in_quote = false;
    let mut i = 0;
    while i < bytes.len() {
        if terminator_len(bytes, i).is_none() {
            if bytes[i] == b'"' {
                in_quote = !in_quote;
            }
            i += 1;
            continue;
        }
        let stop_start = i;
        let mut end = i;
        while let Some(len) = terminator_len(bytes, end) {
            end += len;
        }
        let stop = &line[stop_start..end];
        while let Some(closer) = CLOSERS.iter().find(|c| bytes[end..].starts_with(c.as_bytes())) {
            in_quote ^= *closer == "\"";
            end += closer.len();
        }
        let mut next = skip_whitespace(line, end);
        if next == end {
            i = end;
            continue;
        }
        if in_quote && bytes.get(next) == Some(&b'"') && is_space_or_end(line, next + 1) {
            in_quote = false;
            end = next + 1;
            next = skip_whitespace(line, end);
        }
        if next < bytes.len() && is_boundary(line, sentence_start, stop_start, stop, next) {
            push_trimmed(line, offset, sentence_start..end, ranges);
            sentence_start = next;
        }
        i = next;
    }
    push_trimmed(line, offset, sentence_start..bytes.len(), ranges);
}

/// Byte length of the sentence-ending mark at `at`, if there is one. Called on every byte of
/// the text, so the ellipsis is compared only at its first byte.
fn terminator_len(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at)? {
        b'.' | b'!' | b'?' => Some(1),
        &first if first == ELLIPSIS.as_bytes()[0] && bytes[at..].starts_with(ELLIPSIS.as_bytes()) => {
            Some(ELLIPSIS.len())
        }
        _ => None,
    }
}

fn skip_whitespace(line: &str, from: usize) -> usize {
    line[from..].find(|c: char| !c.is_whitespace()).map_or(line.len(), |skipped| from + skipped)
}

fn is_space_or_end(line: &str, at: usize) -> bool {
    line[at..].chars().next().is_none_or(char::is_whitespace)
}

/// Whether the stop `stop` at `stop_start`, followed by whitespace and the text at `next`, ends
/// the sentence that began at `sentence_start`.
fn is_boundary(line: &str, sentence_start: usize, stop_start: usize, stop: &str, next: usize) -> bool {
    let next_word = line[next..].split(char::is_whitespace).next().unwrap_or_default();
    let Some(first) = next_word.chars().next() else {
        return false;
    };
    if first.is_lowercase() || CONTINUERS.contains(&first) {
        return false;
    }
    if stop.contains(['?', '!']) {
        return true;
    }
    let word = line[sentence_start..stop_start]
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
        .trim_start_matches(OPENERS);
    if stop != "." {
        // An ellipsis: a boundary only when attached to its word.
        return !word.is_empty();
    }
    match classify_period(word) {
        Period::Title => false,
        Period::Abbreviation => OPENERS.contains(&first) || is_capitalised_function_word(next_word),
        Period::EndsSentence => true,
    }
}

/// `They`, `The`, `It's`, `In`: a stopword written as a sentence start, and not an initial
/// (`S.` of `J. S. Bach`).
fn is_capitalised_function_word(word: &str) -> bool {
    let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    let is_initial = bare.chars().count() == 1 && word[bare.len()..].starts_with('.');
    bare.starts_with(|c: char| c.is_uppercase()) && !is_initial && is_stopword_any_case(bare)
}

fn push_trimmed(line: &str, offset: usize, range: Range<usize>, ranges: &mut Vec<Range<usize>>) {
    let untrimmed = &line[range.clone()];
    let trimmed = untrimmed.trim();
    if !trimmed.is_empty() {
        let start = offset + range.start + (untrimmed.len() - untrimmed.trim_start().len());
        ranges.push(start..start + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        sentence_ranges(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn plain_sentences_and_trimmed_ranges() {
        let text = "  The siege ended. Dozens died!  Who knew? ";
        assert_eq!(sentences(text), ["The siege ended.", "Dozens died!", "Who knew?"]);
        assert_eq!(sentence_ranges(text)[0], 2..18);
    }

    #[test]
    fn every_line_ends_a_sentence() {
        let text = "Algerian hostage drama ends\n\nTroops stormed the plant. Many died\r\nMore later";
        assert_eq!(
            sentences(text),
            ["Algerian hostage drama ends", "Troops stormed the plant.", "Many died", "More later"]
        );
        assert!(sentence_ranges("\n \n").is_empty());
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(
            sentences("Gen. Smith left. Mr. Jones and Dr. Who stayed."),
            ["Gen. Smith left.", "Mr. Jones and Dr. Who stayed."]
        );
        assert_eq!(sentences("He met (Sen. Kerry) there."), ["He met (Sen. Kerry) there."]);
    }

    #[test]
    fn abbreviations_end_a_sentence_only_before_a_function_word() {
        assert_eq!(sentences("U.S. President Barack Obama spoke."), ["U.S. President Barack Obama spoke."]);
        assert_eq!(sentences("He lives in the U.S. They moved."), ["He lives in the U.S.", "They moved."]);
        assert_eq!(sentences("It ended at 3 p.m. Thursday in Algeria."), ["It ended at 3 p.m. Thursday in Algeria."]);
        assert_eq!(sentences("It ended at 3 p.m. The next day came."), ["It ended at 3 p.m.", "The next day came."]);
        assert_eq!(sentences("It ranks No. 2 on the list."), ["It ranks No. 2 on the list."]);
        assert_eq!(sentences("Statoil Co. said it was safe."), ["Statoil Co. said it was safe."]);
        assert_eq!(sentences("He owns Acme Inc. It is big."), ["He owns Acme Inc.", "It is big."]);
        assert_eq!(
            sentences("It left the U.K. \"We are safe,\" he said."),
            ["It left the U.K.", "\"We are safe,\" he said."]
        );
    }

    #[test]
    fn initials_stay_with_their_name() {
        assert_eq!(
            sentences("J. R. R. Tolkien wrote it. George W. Bush read it."),
            ["J. R. R. Tolkien wrote it.", "George W. Bush read it."]
        );
        assert_eq!(sentences("By J. S. Bach."), ["By J. S. Bach."]);
    }

    #[test]
    fn decimals_and_acronyms_inside_words() {
        assert_eq!(
            sentences("Output rose 3.5 percent. The U.S.-backed plan failed."),
            ["Output rose 3.5 percent.", "The U.S.-backed plan failed."]
        );
        assert_eq!(sentences("It was 2012. 23 hostages died."), ["It was 2012.", "23 hostages died."]);
    }

    #[test]
    fn spaced_ellipses_elide_attached_ones_end() {
        assert_eq!(
            sentences("\"We've had success ... in degrading al Qaeda,\" she added."),
            ["\"We've had success ... in degrading al Qaeda,\" she added."]
        );
        assert_eq!(
            sentences("\"It carried it out ... This attack is a reminder.\""),
            ["\"It carried it out ... This attack is a reminder.\""]
        );
        assert_eq!(sentences("We waited\u{2026} Then it came."), ["We waited\u{2026}", "Then it came."]);
    }

    #[test]
    fn quotes_open_the_next_sentence_and_close_their_own() {
        assert_eq!(sentences("He said. \"Next we go.\" Then left."), ["He said.", "\"Next we go.\"", "Then left."]);
        assert_eq!(sentences("\"I'm afraid,\" he said. \"We know.\""), ["\"I'm afraid,\" he said.", "\"We know.\""]);
        assert_eq!(sentences("\"Why?\" he asked. She left."), ["\"Why?\" he asked.", "She left."]);
        assert_eq!(
            sentences("It was \u{201c}horrific.\u{201d} Dudley said."),
            ["It was \u{201c}horrific.\u{201d}", "Dudley said."]
        );
        assert_eq!(sentences("\" it is over . \" Then they left."), ["\" it is over . \"", "Then they left."]);
        assert_eq!(
            sentences("random house inc. \" we are seeing sales , \" he said."),
            ["random house inc.", "\" we are seeing sales , \" he said."]
        );
    }

    #[test]
    fn brackets_close_with_their_sentence() {
        assert_eq!(sentences("He left (for good.) Then she came."), ["He left (for good.)", "Then she came."]);
        assert_eq!(sentences("It ended. (Photo: AP) Next."), ["It ended.", "(Photo: AP) Next."]);
    }

    #[test]
    fn lowercase_continues_the_sentence() {
        assert_eq!(sentences("the dan brown novel. it sold well"), ["the dan brown novel. it sold well"]);
    }

    #[test]
    fn non_ascii_text_is_sliced_on_char_boundaries() {
        let text = "Émile a dit «\u{a0}non\u{a0}». Ça va… Oui! Über.";
        assert_eq!(sentences(text), ["Émile a dit «\u{a0}non\u{a0}».", "Ça va…", "Oui!", "Über."]);
    }

    /// Ranges stay sorted, disjoint, trimmed, non-empty and within one line on scrambled text.
    #[test]
    fn arbitrary_text_gives_well_formed_ranges() {
        const PIECES: [&str; 16] =
            [" ", "\n", ".", "?", "!", "\"", "'", "(", ")", "U.S.", "Mr", "The", "a", "\u{2026}", "\u{201d}", "\u{a0}"];
        let mut state = 0x2545_f491_u64;
        for _ in 0..300 {
            let mut text = String::new();
            for _ in 0..60 {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                text.push_str(PIECES[(state >> 33) as usize % PIECES.len()]);
            }
            let mut previous_end = 0;
            for range in sentence_ranges(&text) {
                assert!(previous_end <= range.start && range.start < range.end, "{text:?}");
                let sentence = &text[range.clone()];
                assert_eq!(sentence, sentence.trim(), "{text:?}");
                assert!(!sentence.contains('\n'), "{text:?}");
                previous_end = range.end;
            }
        }
    }

    #[test]
    fn long_degenerate_lines_take_linear_time() {
        for unit in ["x. ", "U.S. ", "Mr. ", " ... ", "\" . \" ", "a"] {
            let text = unit.repeat(200_000);
            let start = std::time::Instant::now();
            let ranges = sentence_ranges(&text);
            assert!(!ranges.is_empty());
            assert!(start.elapsed().as_secs() < 5, "{unit:?} took {:?}", start.elapsed());
        }
    }
}
