//! The compression stage: between segmentation and selection, every sentence a brief may choose
//! is shortened (`chorus_compress`), so that a method weighs and counts each sentence as the
//! brief will print it and the budget fills with content rather than day names and attributions.
//!
//! The cluster's corpus stays as segmented: support, the figures and the reader's focus of what
//! is new read whole sentences. Methods choose from a copy of it whose sentences carry the
//! compressed text, word count and terms; sentence indices are the same in both.

use chorus_compress::{Compression, Compressor};
use chorus_core::{Corpus, TermId};
use chorus_segment::{word_count, Tokenizer};
use std::collections::HashMap;
use std::ops::Range;

/// The compressed sentences of a corpus.
#[derive(Debug, Clone, Default)]
pub struct Compressed {
    /// For each sentence of the corpus, its compression when the rules dropped something: the
    /// kept pieces, read by [`Compressed::pieces`]; its text is moved into `corpus`, not copied.
    sentences: Vec<Option<Compression>>,
    /// The corpus methods choose from: the cluster's, with each compressed sentence's text,
    /// words and terms. `None` when no sentence was compressed.
    corpus: Option<Corpus>,
}

impl Compressed {
    /// Compresses every sentence a method may choose.
    pub fn new(corpus: &Corpus, compressor: &Compressor) -> Compressed {
        let mut sentences: Vec<Option<Compression>> = corpus
            .sentences
            .iter()
            .map(|s| if s.is_eligible() { compressor.compress(&s.text) } else { None })
            .collect();
        if sentences.iter().all(Option::is_none) {
            return Compressed::default();
        }
        let ids: HashMap<&str, TermId> =
            corpus.vocabulary.iter().enumerate().map(|(i, v)| (v.as_str(), i as TermId)).collect();
        let tokenizer = Tokenizer::new();
        let mut shortened = corpus.clone();
        for (sentence, compression) in shortened.sentences.iter_mut().zip(&mut sentences) {
            if let Some(c) = compression {
                // Every word of the compressed text is a word of the sentence, so its terms are
                // in the vocabulary; document frequencies stay those of the whole reports.
                let mut terms = Vec::with_capacity(sentence.terms.len());
                tokenizer.content_terms(&c.text, &mut |term| terms.extend(ids.get(term)));
                sentence.terms = terms.into();
                sentence.words = word_count(&c.text);
                sentence.text = std::mem::take(&mut c.text).into();
            }
        }
        Compressed { sentences, corpus: Some(shortened) }
    }

    /// The corpus methods choose from: the compressed one, or `whole` when nothing was compressed.
    pub fn corpus<'c>(&'c self, whole: &'c Corpus) -> &'c Corpus {
        self.corpus.as_ref().unwrap_or(whole)
    }

    /// The byte ranges of sentence `index`'s text (in `whole`, as segmented) that make up the
    /// first `len` bytes of the text the brief prints: the pieces kept, or a prefix of the
    /// sentence when it was not compressed.
    pub fn pieces(&self, whole: &Corpus, index: usize, len: usize) -> Vec<Range<usize>> {
        match self.sentences.get(index) {
            Some(Some(c)) => c.prefix(&whole.sentences[index].text, len),
            _ => std::iter::once(0..len.min(whole.sentences[index].text.len())).collect(),
        }
    }
}
