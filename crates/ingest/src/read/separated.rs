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
/// A text without a separator becomes its document's `original` as it is, not a copy of it: the
/// largest input is one long report, and a copy would hold it twice.
pub(crate) fn split_documents(text: String) -> Result<Vec<Document>, Problem> {
    if !text.contains(SEPARATOR) {
        return if has_text(&text) {
            Ok(vec![article_document("0".into(), text, false)?])
        } else {
            Err(Problem::Empty)
        };
    }
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
        let documents = split_documents("First. |||||  ||||| Third.\n".into()).expect("two articles");
        let pairs: Vec<(&str, &str)> = documents.iter().map(|d| (d.id.as_str(), d.original.as_str())).collect();
        assert_eq!(pairs, [("0", "First. "), ("2", " Third.\n")]);
        assert_eq!(documents[1].clean.as_str(), " Third.\n");
    }

    #[test]
    fn text_without_separator_is_one_article() {
        let documents = split_documents("Only one.\nTwo lines.".into()).expect("one article");
        assert_eq!(documents.len(), 1);
        assert_eq!(documents[0].original, "Only one.\nTwo lines.");
        assert!(matches!(split_documents(" \n".into()), Err(Problem::Empty)));
    }

    #[test]
    fn only_separators_is_empty() {
        assert!(matches!(split_documents(" ||||| |||||".into()), Err(Problem::Empty)));
    }
}
