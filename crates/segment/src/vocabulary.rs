//! Interning of content terms: stems get dense ids, in order of first appearance.
//!
//! Stemming is the costly step of tokenizing, and news repeats its words, so each distinct word
//! form is stemmed once and remembered; after that a token costs one hash lookup.

use crate::tokens::Tokenizer;
use chorus_core::TermId;
use rustc_hash::FxHashMap;

#[derive(Default)]
pub(crate) struct Vocabulary {
    tokenizer: Tokenizer,
    /// Each lowercased word form seen, with its term (`None` for a stopword).
    by_word: FxHashMap<Box<str>, Option<TermId>>,
    by_stem: FxHashMap<Box<str>, TermId>,
    /// The stem behind each id.
    stems: Vec<String>,
}

impl Vocabulary {
    /// Appends the term ids of `text`, in order, to `out`.
    pub(crate) fn terms_of(&mut self, text: &str, out: &mut Vec<TermId>) {
        let Vocabulary { tokenizer, by_word, by_stem, stems } = self;
        tokenizer.words(text, &mut |word| {
            let term = match by_word.get(word) {
                Some(&term) => term,
                None => {
                    let term = tokenizer.content_term(word).map(|stem| intern(by_stem, stems, &stem));
                    by_word.insert(word.into(), term);
                    term
                }
            };
            out.extend(term);
        });
    }

    /// Makes room for the words of about `text_len` more bytes of text, so that the maps are
    /// not rebuilt again and again as they grow. A news cluster of a few kilobytes has about one
    /// distinct word form per 12 bytes (fewer as texts grow longer); past the cap the maps grow
    /// as usual.
    pub(crate) fn reserve_for_text(&mut self, text_len: usize) {
        const BYTES_PER_WORD_FORM: usize = 12;
        const MAX_RESERVED: usize = 1 << 16;
        let word_forms = (text_len / BYTES_PER_WORD_FORM).min(MAX_RESERVED);
        self.by_word.reserve(word_forms);
        self.by_stem.reserve(word_forms);
        self.stems.reserve(word_forms);
    }

    /// The stem behind each id, held no bigger than it is (the reserve of a long text is far
    /// larger than its vocabulary).
    pub(crate) fn into_stems(mut self) -> Vec<String> {
        self.stems.shrink_to_fit();
        self.stems
    }
}

fn intern(by_stem: &mut FxHashMap<Box<str>, TermId>, stems: &mut Vec<String>, stem: &str) -> TermId {
    if let Some(&id) = by_stem.get(stem) {
        return id;
    }
    let id = TermId::try_from(stems.len()).expect("more than 2^32 distinct terms");
    by_stem.insert(stem.into(), id);
    stems.push(stem.to_owned());
    id
}

/// For each term, the number of distinct documents it occurs in.
#[derive(Default)]
pub(crate) struct DocumentFrequencies {
    counts: Vec<u32>,
    /// For each term, the last document (1-based; 0 = none) that counted it.
    last_document: Vec<u32>,
    documents: u32,
}

impl DocumentFrequencies {
    /// Begins counting the terms of a new document.
    pub(crate) fn start_document(&mut self) {
        self.documents += 1;
    }

    /// Counts terms of the current document; repeats within a document count once.
    pub(crate) fn count(&mut self, terms: &[TermId]) {
        for &term in terms {
            let index = term as usize;
            if index >= self.counts.len() {
                self.counts.resize(index + 1, 0);
                self.last_document.resize(index + 1, 0);
            }
            if self.last_document[index] != self.documents {
                self.last_document[index] = self.documents;
                self.counts[index] += 1;
            }
        }
    }

    pub(crate) fn documents(&self) -> u32 {
        self.documents
    }

    /// The document frequency of each of the first `terms` term ids.
    pub(crate) fn into_counts(mut self, terms: usize) -> Vec<u32> {
        self.counts.resize(terms, 0);
        self.counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_forms_of_one_stem_share_an_id() {
        let mut vocabulary = Vocabulary::default();
        let mut terms = Vec::new();
        vocabulary.terms_of("Hostages freed; the hostage was freed", &mut terms);
        assert_eq!(terms, [0, 1, 0, 1]);
        assert_eq!(vocabulary.into_stems(), ["hostag", "freed"]);
    }

    #[test]
    fn document_frequency_counts_each_document_once() {
        let mut frequencies = DocumentFrequencies::default();
        frequencies.start_document();
        frequencies.count(&[0, 0, 1]);
        frequencies.count(&[1]);
        frequencies.start_document();
        frequencies.count(&[1, 2]);
        assert_eq!(frequencies.documents(), 2);
        assert_eq!(frequencies.into_counts(4), [1, 2, 1, 0]);
    }
}
