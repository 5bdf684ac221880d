//! One file holding several articles separated by `|||||` (the Multi-News convention). A file
//! without the separator is simply one article.

use super::article_document;
use super::decode::has_text;
use crate::error::Problem;
use chorus_core::Document;

const SEPARATOR: &str = "|||||";

/// The articles of a separated text, with their positions as ids. Each piece is kept exactly as
/// it is in the input (spaces around the separator included: cleaning removes them), so that
/// spans are offsets into the file's own text. Blank pieces (a trailing separator, two
/// separators in a row) are skipped but keep their position, so ids stay positions in the input.
pub(crate) fn split_documents(text: &str) -> Result<Vec<Document>, Problem> {
    let documents = text
        .split(SEPARATOR)
        .enumerate()
        .filter(|(_, piece)| has_text(piece))
        .map(|(position, piece)| article_document(position.to_string(), piece.to_owned(), false))
        .collect::<Result<Vec<_>, _>>()?;
    if documents.is_empty() {
        return Err(Problem::Empty);
    }
    Ok(documents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_keeps_positions_as_ids() {
        let documents = split_documents("First. |||||  ||||| Third.\n").expect("two articles");
        let pairs: Vec<(&str, &str)> = documents.iter().map(|d| (d.id.as_str(), d.original.as_str())).collect();
        assert_eq!(pairs, [("0", "First. "), ("2", " Third.\n")]);
        assert_eq!(documents[1].clean.as_str(), " Third.\n");
    }

    #[test]
    fn text_without_separator_is_one_article() {
        let documents = split_documents("Only one.\nTwo lines.").expect("one article");
        assert_eq!(documents.len(), 1);
        assert_eq!(documents[0].original, "Only one.\nTwo lines.");
    }

    #[test]
    fn only_separators_is_empty() {
        assert!(matches!(split_documents(" ||||| |||||"), Err(Problem::Empty)));
    }
}
