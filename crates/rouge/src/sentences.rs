//! The plain sentence split both reference pipelines apply before scoring.
//!
//! `shared/tools/rougescore.py` joins sentences with newlines for ROUGE-Lsum and
//! `shared/tools/rouge155.py` writes one sentence per HTML line for the perl script; both cut with
//! Python's `re.split(r"(?<=[.!?])\s+", text.strip())`. Sentence boundaries change ROUGE-L(sum), so
//! this reproduces that regex exactly, including Python's notion of whitespace.

/// Python's `str.isspace()`, which is what `\s` and `strip()` use on `str`: Unicode `White_Space`
/// plus the ASCII information separators U+001C..U+001F.
fn is_python_whitespace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Splits `text` into sentences at whitespace that follows `.`, `!` or `?`; no empty sentences.
pub fn split_sentences(text: &str) -> Vec<&str> {
    let text = text.trim_matches(is_python_whitespace);
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut previous: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_python_whitespace(c) && matches!(previous, Some('.' | '!' | '?')) {
            sentences.push(&text[start..i]);
            while chars.next_if(|&(_, c)| is_python_whitespace(c)).is_some() {}
            start = chars.peek().map_or(text.len(), |&(j, _)| j);
            previous = None;
            continue;
        }
        previous = Some(c);
    }
    sentences.push(&text[start..]);
    sentences.retain(|s| !s.is_empty());
    sentences
}

/// The text with one sentence per line, as `rougescore.py` prepares both sides for ROUGE-Lsum.
///
/// [`Metric::RougeLsum`](crate::Metric::RougeLsum) under the `RougeScore` convention splits
/// sentences on newlines only (the package's own rule); pass summaries and references through this
/// first to get the numbers the eval table's peers report.
pub fn one_sentence_per_line(text: &str) -> String {
    split_sentences(text).join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_after_terminal_punctuation_followed_by_whitespace() {
        assert_eq!(split_sentences("  One. Two!  Three?\nFour"), ["One.", "Two!", "Three?", "Four"]);
        assert_eq!(split_sentences("3.5 million, U.S.-led. Next"), ["3.5 million, U.S.-led.", "Next"]);
        assert_eq!(split_sentences("Dr. Who"), ["Dr.", "Who"]);
    }

    #[test]
    fn python_whitespace_includes_nbsp_and_separators() {
        assert_eq!(split_sentences("a.\u{a0}b.\u{1c}c"), ["a.", "b.", "c"]);
        assert_eq!(split_sentences("no\u{200b}split. "), ["no\u{200b}split."]);
    }

    #[test]
    fn empty_text_has_no_sentences() {
        assert!(split_sentences("").is_empty());
        assert!(split_sentences(" \n ").is_empty());
        assert_eq!(one_sentence_per_line("A b. C d."), "A b.\nC d.");
    }
}
