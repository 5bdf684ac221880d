//! Joins a line broken in the middle of a sentence (`...if the army` / `intervened.`): a line
//! that does not end a sentence, followed by one that starts in lower case, is one sentence.
//! A headline followed by a paragraph is not joined, since paragraphs start with a capital.

use super::TextCleaner;
use chorus_core::Edit;

/// Joins lines broken in the middle of a sentence.
pub struct LineJoin;

/// Punctuation after which a line may end a sentence.
const SENTENCE_ENDS: [char; 6] = ['.', '!', '?', ':', ';', '\u{2026}'];
/// Closing marks that may follow the punctuation: `..."stop."` ends a sentence too.
const CLOSERS: [char; 4] = ['"', '\'', ')', ']'];

impl TextCleaner for LineJoin {
    fn edits(&self, text: &str) -> Vec<Edit> {
        text.match_indices('\n')
            .filter(|&(at, _)| {
                let line_end = text[..at].trim_end_matches(CLOSERS).chars().next_back();
                let next_start = text[at + 1..].chars().next();
                line_end.is_some_and(|c| !SENTENCE_ENDS.contains(&c)) && next_start.is_some_and(char::is_lowercase)
            })
            .map(|(at, _)| Edit::new(at..at + 1, " "))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::cleaned_with;
    use super::*;

    #[test]
    fn joins_a_sentence_broken_across_lines() {
        let text = "They threatened to kill the hostages if the army\nintervened.\nNext line.";
        assert_eq!(
            cleaned_with(&LineJoin, text),
            "They threatened to kill the hostages if the army intervened.\nNext line."
        );
        assert_eq!(
            cleaned_with(&LineJoin, "the \"Blood Signatories\"\nbrigade said"),
            "the \"Blood Signatories\" brigade said"
        );
    }

    #[test]
    fn keeps_sentence_and_headline_breaks() {
        for text in [
            "It ended.\nthen more",
            "He said \"stop.\"\nand left",
            "Crisis highlights pressure\nAlgerian forces moved in.",
        ] {
            assert_eq!(cleaned_with(&LineJoin, text), text);
        }
    }
}
