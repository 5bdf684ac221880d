//! Decodes HTML character references left in text (`&amp;`, `&#8217;`, `&#x2019;`): scraped
//! corpora are full of them, and `AT&amp;T` must read `AT&T` before anything else looks at it.
//! Only references closed by `;` are decoded, so prose like `R&D` or `AT&T;` stays as it is.

use super::cp1252::char_of_byte;
use super::TextCleaner;
use chorus_core::Edit;

/// Decodes HTML character references (`&amp;`, `&#8217;`) left in text.
pub struct Entities;

/// The longest reference looked at, `&` and `;` included.
const MAX_REFERENCE_LEN: usize = 12;

/// The named references that occur in news text; the full HTML list has 2,000 mostly
/// mathematical names that do not.
#[rustfmt::skip]
const NAMED: [(&str, &str); 34] = [
    ("amp", "&"), ("lt", "<"), ("gt", ">"), ("quot", "\""), ("apos", "'"), ("nbsp", "\u{a0}"),
    ("ndash", "\u{2013}"), ("mdash", "\u{2014}"), ("lsquo", "\u{2018}"), ("rsquo", "\u{2019}"),
    ("sbquo", "\u{201a}"), ("ldquo", "\u{201c}"), ("rdquo", "\u{201d}"), ("bdquo", "\u{201e}"),
    ("hellip", "\u{2026}"), ("laquo", "\u{ab}"), ("raquo", "\u{bb}"), ("copy", "\u{a9}"), ("reg", "\u{ae}"),
    ("trade", "\u{2122}"), ("deg", "\u{b0}"), ("euro", "\u{20ac}"), ("pound", "\u{a3}"), ("cent", "\u{a2}"),
    ("eacute", "\u{e9}"), ("egrave", "\u{e8}"), ("aacute", "\u{e1}"), ("iacute", "\u{ed}"),
    ("oacute", "\u{f3}"), ("uacute", "\u{fa}"), ("ntilde", "\u{f1}"), ("ccedil", "\u{e7}"),
    ("uuml", "\u{fc}"), ("ouml", "\u{f6}"),
];

impl TextCleaner for Entities {
    fn edits(&self, text: &str) -> Vec<Edit> {
        text.match_indices('&')
            .filter_map(|(at, _)| {
                let rest = &text[at + 1..];
                let end = rest.bytes().take(MAX_REFERENCE_LEN - 1).position(|b| b == b';')?;
                let decoded = decode_reference(&rest[..end])?;
                Some(Edit::new(at..at + end + 2, decoded))
            })
            .collect()
    }
}

/// What the reference between `&` and `;` stands for.
fn decode_reference(body: &str) -> Option<String> {
    let Some(number) = body.strip_prefix('#') else {
        return NAMED.iter().find(|(name, _)| *name == body).map(|(_, value)| (*value).to_owned());
    };
    let code = match number.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => number.parse().ok()?,
    };
    // HTML reads 128–159 as Windows-1252 (`&#146;` is a right quote), and never yields NUL.
    let c = match u8::try_from(code) {
        Ok(0) => return None,
        Ok(byte @ 0x80..=0x9f) => char_of_byte(byte),
        _ => char::from_u32(code)?,
    };
    Some(c.to_string())
}

#[cfg(test)]
mod tests {
    use super::super::cleaned_with;
    use super::*;

    #[test]
    fn decodes_named_and_numeric_references() {
        assert_eq!(
            cleaned_with(&Entities, "AT&amp;T &lt;3 &#8217; &#x2019; &#146;"),
            "AT&T <3 \u{2019} \u{2019} \u{2019}"
        );
        assert_eq!(cleaned_with(&Entities, "pipe &#124; here"), "pipe | here");
    }

    #[test]
    fn leaves_prose_ampersands_alone() {
        for text in ["R&D and AT&T; Q&A", "&unknown;", "&#0;", "&#xZZ;", "tail &", "&#99999999999;"] {
            assert_eq!(cleaned_with(&Entities, text), text);
        }
    }

    #[test]
    fn adjacent_references_do_not_overlap() {
        assert_eq!(cleaned_with(&Entities, "&amp;&amp;amp;"), "&&amp;");
    }
}
