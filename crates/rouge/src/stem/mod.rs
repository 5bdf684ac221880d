//! The two Porter stemmers behind the reference scorers.
//!
//! Google's `rouge-score` uses NLTK's `PorterStemmer` in its default `NLTK_EXTENSIONS` mode; the
//! perl ROUGE-1.5.5 script (`-m`) uses Martin Porter's own regex-based perl port, modified by Chin-Yew
//! Lin, after a WordNet exception lookup. The two disagree on a few percent of English words
//! (`agreement` → `agreement` vs `agreem`), and no published Rust stemmer matches either, so each is
//! ported here and checked word for word against its original (see `tests/fixtures/`).

mod nltk;
mod rouge155;
mod wordnet;

pub use nltk::nltk_porter;
pub use rouge155::rouge155_stem;

/// Both stemmers are defined on the tokens their tokenizers produce: lowercase ASCII letters and digits.
fn is_plain_token(word: &str) -> bool {
    word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// Replaces the last `suffix_len` bytes of `word` with `replacement`.
fn replace_suffix(word: &mut Vec<u8>, suffix_len: usize, replacement: &str) {
    word.truncate(word.len().saturating_sub(suffix_len));
    word.extend_from_slice(replacement.as_bytes());
}

/// The stemmed bytes are ASCII by construction; this keeps that conversion free of panics.
fn ascii_to_string(word: &[u8]) -> String {
    word.iter().map(|&b| char::from(b)).collect()
}
