//! Removes runs of link titles pasted into a sentence, the residue of "related person" widgets:
//! `Secretary of State Hillary ClintonHillary Diane Rodham ClintonTrump lashes out at ... MORE
//! said Thursday.` should read `Secretary of State Hillary Clinton said Thursday.`
//!
//! The shape: a lower-case letter glued to a capital inside one token (`ClintonHillary`), and a
//! later `MORE` token on the same line, not too far away. The run from the glue point through
//! `MORE` is deleted. Both signals are needed, so names such as `McDonald` or `MacArthur` alone
//! are never touched.

use super::TextCleaner;
use chorus_core::Edit;

/// Drops runs of concatenated link titles pasted from a page.
pub struct LinkRuns;

/// The widget shows a handful of titles; a `MORE` further away belongs to something else.
const MAX_RUN_WORDS: usize = 80;
/// Letters before the glue point: shorter prefixes are name particles (`Mc`, `De`, `i`).
const MIN_PREFIX_CHARS: usize = 3;
const RUN_END: &str = "MORE";

impl TextCleaner for LinkRuns {
    fn edits(&self, text: &str) -> Vec<Edit> {
        // Every run ends at a `MORE`, which few texts contain: one fast search spares them the
        // word-by-word scan.
        if !text.contains(RUN_END) {
            return Vec::new();
        }
        let mut edits = Vec::new();
        let mut line_start = 0;
        for line in text.split('\n') {
            edits.extend(
                runs_in_line(line).into_iter().map(|(start, end)| Edit::delete(line_start + start..line_start + end)),
            );
            line_start += line.len() + 1;
        }
        edits
    }
}

/// Byte ranges of `line` from a glue point through the `MORE` that closes its run.
fn runs_in_line(line: &str) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    // Where the current run starts (byte offset) and at which word.
    let mut open: Option<(usize, usize)> = None;
    let mut word_start = 0;
    for (index, word) in line.split(' ').enumerate() {
        if open.is_some_and(|(_, first_word)| index - first_word > MAX_RUN_WORDS) {
            open = None;
        }
        if word == RUN_END {
            if let Some((start, _)) = open.take() {
                runs.push((start, word_start + word.len()));
            }
        } else if open.is_none() {
            open = glue_point(word).map(|at| (word_start + at, index));
        }
        word_start += word.len() + 1;
    }
    runs
}

/// Byte offset in `word` of a capital glued to a lower-case letter after a long enough prefix.
fn glue_point(word: &str) -> Option<usize> {
    let mut previous_lowercase = false;
    for (count, (at, c)) in word.char_indices().enumerate() {
        if c.is_uppercase() && previous_lowercase && count >= MIN_PREFIX_CHARS {
            return Some(at);
        }
        previous_lowercase = c.is_lowercase();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::cleaned_with;
    use super::*;

    #[test]
    fn removes_a_run_of_link_titles() {
        let text = "\"It is a challenge,\" Secretary of State Hillary ClintonHillary Diane Rodham ClintonTrump lashes out \
                    at 'rigged' Russia probe in pair of tweets Clapper: 'More and more' of Steele dossier proving to be \
                    true MORE said Thursday. \"Instability in Mali.\"";
        assert_eq!(
            cleaned_with(&LinkRuns, text),
            "\"It is a challenge,\" Secretary of State Hillary Clinton said Thursday. \"Instability in Mali.\""
        );
    }

    #[test]
    fn needs_both_the_glue_and_more() {
        for text in
            ["McDonald and MacArthur met.", "Shares of McDonald's rose. WANT MORE?", "Read ClintonTrump\nMORE of this"]
        {
            assert_eq!(cleaned_with(&LinkRuns, text), text);
        }
    }

    #[test]
    fn more_too_far_away_is_not_a_run_end() {
        let text = format!("Sen. JohnsonSmith said {} MORE", "word ".repeat(MAX_RUN_WORDS));
        assert_eq!(cleaned_with(&LinkRuns, &text), text);
    }
}
