//! The words and marks of one sentence, with their byte ranges: what the rules look at.

use std::ops::Range;

/// A word (letters, digits and what joins them: `Monday's`, `al-Qaeda`, `U.S`, `1,000`) or a
/// single mark of punctuation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// Its bytes in the sentence.
    pub range: Range<usize>,
    /// Lowercased word, or the mark itself.
    pub lower: String,
    /// Whether it is a word (else a mark).
    pub word: bool,
    /// Whether it stands inside a quotation: a quotation is never shortened.
    pub quoted: bool,
}

impl Token {
    /// Whether this is the mark `mark`.
    pub fn is(&self, mark: &str) -> bool {
        !self.word && self.lower == mark
    }

    /// Whether the word starts with a capital letter.
    pub fn capitalized(&self, text: &str) -> bool {
        text[self.range.clone()].starts_with(|c: char| c.is_uppercase())
    }
}

/// The tokens of `text`, in order.
pub(crate) fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let joins = |i: usize| {
        let (prev, next) = (chars[i - 1].1, chars.get(i + 1).map(|c| c.1));
        matches!(chars[i].1, '\'' | '’' | '-' | '.' | ',' | '&' | '/')
            && prev.is_alphanumeric()
            && next.is_some_and(|n| {
                n.is_alphanumeric() && (chars[i].1 != ',' || (prev.is_ascii_digit() && n.is_ascii_digit()))
            })
    };
    let mut out = Vec::new();
    let mut quoted = false;
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let word = c.is_alphanumeric() || c == '$';
        if word {
            let mut j = i + 1;
            while j < chars.len() && (chars[j].1.is_alphanumeric() || matches!(chars[j].1, '%') || joins(j)) {
                j += 1;
            }
            // A possessive `s'` or `'s` at the end (`Mondays'`) stays with the word.
            let end = chars.get(j).map_or(text.len(), |c| c.0);
            out.push(Token { range: start..end, lower: text[start..end].to_lowercase(), word, quoted });
            i = j;
        } else if matches!(c, '`' | '\'') && chars.get(i + 1).is_some_and(|n| n.1 == c) {
            // ``…'' quotes (DUC newswire): `` opens, '' closes.
            quoted = c == '`';
            out.push(Token {
                range: start..start + 2,
                lower: text[start..start + 2].to_owned(),
                word: false,
                quoted: true,
            });
            i += 2;
        } else {
            let end = start + c.len_utf8();
            if matches!(c, '"' | '“' | '”') {
                quoted = match c {
                    '“' => true,
                    '”' => false,
                    _ => !quoted,
                };
                // The mark belongs to the quotation it opens or closes.
                out.push(Token { range: start..end, lower: c.to_string(), word, quoted: true });
            } else {
                out.push(Token { range: start..end, lower: c.to_string(), word, quoted });
            }
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_their_joins_and_marks_stand_alone() {
        let text = "On Monday's raid, al-Qaeda's 1,000 men (U.S. said) \"left\".";
        let shown: Vec<&str> = tokens(text).iter().map(|t| &text[t.range.clone()]).collect();
        assert_eq!(
            shown,
            [
                "On",
                "Monday's",
                "raid",
                ",",
                "al-Qaeda's",
                "1,000",
                "men",
                "(",
                "U.S",
                ".",
                "said",
                ")",
                "\"",
                "left",
                "\"",
                "."
            ]
        );
        let quoted: Vec<bool> = tokens(text).iter().map(|t| t.quoted).collect();
        assert_eq!(&quoted[12..], [true, true, true, false]);
        let duc = "``We are ready,'' he said.";
        let quoted: Vec<(&str, bool)> = tokens(duc).iter().map(|t| (&duc[t.range.clone()], t.quoted)).collect();
        assert_eq!(quoted[..5], [("``", true), ("We", true), ("are", true), ("ready", true), (",", true)]);
        assert_eq!(quoted[5..], [("''", true), ("he", false), ("said", false), (".", false)]);
    }
}
