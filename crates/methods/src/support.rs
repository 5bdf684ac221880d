//! Which other reports say what a sentence says: the "chorus" behind each line of a brief.

use crate::similarity::says_the_same;
use crate::vectors::SparseVector;
use chorus_core::Corpus;

/// Indices of the documents, other than the sentence's own, that contain a sentence saying the
/// same thing (see [`crate::similarity::SAME_THING`]), in increasing order. Empty for an index
/// out of range. One pass over the corpus.
pub fn support(corpus: &Corpus, sentence: usize) -> Vec<usize> {
    let Some(target) = corpus.sentences.get(sentence) else {
        return Vec::new();
    };
    let vector = SparseVector::of(target, corpus);
    let mut documents: Vec<usize> = corpus
        .sentences
        .iter()
        .filter(|other| other.doc != target.doc)
        .filter(|other| says_the_same(&target.text, &vector, &other.text, &SparseVector::of(other, corpus)))
        .map(|other| other.doc)
        .collect();
    documents.sort_unstable();
    documents.dedup();
    documents
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
        assert_eq!(support(&c, 0), vec![2, 3]);
        assert!(support(&c, 1).is_empty());
        assert!(support(&c, 99).is_empty());
    }
}
