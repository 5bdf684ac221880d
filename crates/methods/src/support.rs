//! Which other reports say what a sentence says: the "chorus" behind each line of a brief.

use crate::similarity::says_the_same;
use crate::vectors::Vectors;
use chorus_core::Corpus;

/// Finds the support of sentences of one corpus. Sentence vectors are built once, so citing
/// every sentence of a brief costs one pass over the corpus per sentence, not a rebuild of it.
pub struct Support<'c> {
    corpus: &'c Corpus,
    vectors: Vectors,
}

impl<'c> Support<'c> {
    /// Builds the sentence vectors of `corpus` once.
    pub fn new(corpus: &'c Corpus) -> Self {
        Support { corpus, vectors: Vectors::new(corpus) }
    }

    /// Indices of the documents, other than the sentence's own, that contain a sentence saying
    /// the same thing (the crate's `similarity::SAME_THING` threshold), in increasing order. Empty for an
    /// index out of range.
    pub fn of(&self, sentence: usize) -> Vec<usize> {
        let sentences = &self.corpus.sentences;
        let Some(target) = sentences.get(sentence) else {
            return Vec::new();
        };
        let vector = self.vectors.get(sentence);
        let mut documents: Vec<usize> = sentences
            .iter()
            .enumerate()
            .filter(|(_, other)| other.doc != target.doc)
            .filter(|&(i, other)| says_the_same(&target.text, vector, &other.text, self.vectors.get(i)))
            .map(|(_, other)| other.doc)
            .collect();
        documents.sort_unstable();
        documents.dedup();
        documents
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_corpus::corpus;

    #[test]
    fn finds_the_documents_that_repeat_a_sentence_and_only_those() {
        let c = corpus(&[
            "militants seized gas plant near amenas. army surrounded site",
            "football club won league title",
            "weather was cold. militants seized gas plant near amenas on wednesday",
            "militants seized the gas plant near amenas",
        ]);
        let support = Support::new(&c);
        assert_eq!(support.of(0), vec![2, 3]);
        assert!(support.of(1).is_empty());
        assert!(support.of(99).is_empty());
    }
}
