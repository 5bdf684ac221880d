//! Which sentences a brief may choose from, whatever the method: for an update brief, only what
//! is new since the reports the reader has seen; for a focused brief, what answers the query.
//!
//! A method is given the focused corpus — the candidate sentences with term statistics counted
//! over them alone — so every method works unchanged, and its choice is mapped back to the
//! cluster's sentences.

use crate::similarity::says_the_same;
use crate::vectors::{term_counts, SparseVector, Vectors};
use chorus_core::{Budget, Corpus, TermId};

/// Share of the eligible sentences, the most relevant first, a query keeps as candidates. A third
/// keeps several briefs' worth of text on a 25-report cluster while dropping the sentences that
/// only share a stray word with the query (measured on DUC 2006: see README).
pub const QUERY_SHARE: f64 = 1.0 / 3.0;

/// What a reader asks of a brief beyond a good summary of the cluster.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reader<'r> {
    /// For each document of the cluster, whether the reader has already read it.
    pub seen: &'r [bool],
    /// The content terms of the reader's query, if any (unknown terms left out).
    pub query: Option<&'r [TermId]>,
}

/// The candidate sentences of a cluster for one reader.
#[derive(Debug, Clone)]
pub struct Focus {
    /// The corpus methods choose from; `None` when it is the whole cluster's.
    corpus: Option<Corpus>,
    /// For each sentence of `corpus`, its index in the cluster's corpus.
    origin: Vec<usize>,
    /// For each sentence of the cluster, whether it restates a seen report.
    restates: Vec<bool>,
}

impl Focus {
    /// The whole cluster: every sentence may be chosen.
    pub fn whole() -> Focus {
        Focus { corpus: None, origin: Vec::new(), restates: Vec::new() }
    }

    /// The sentences `reader` may be given: none of a seen report, none that restates one (says
    /// the same thing as one of its sentences, the test support uses), and with a query the
    /// [`QUERY_SHARE`] of the eligible rest most relevant to it (tf·idf cosine). A query nothing
    /// in the cluster shares a term with restricts nothing.
    pub fn new(corpus: &Corpus, reader: Reader) -> Focus {
        let is_seen = |doc: usize| reader.seen.get(doc).copied().unwrap_or(false);
        if !corpus.sentences.iter().any(|s| is_seen(s.doc)) && reader.query.is_none() {
            return Focus::whole();
        }
        let vectors = Vectors::new(corpus);
        let sentences = &corpus.sentences;
        let seen: Vec<usize> = (0..sentences.len()).filter(|&i| is_seen(sentences[i].doc)).collect();
        let restates: Vec<bool> = (0..sentences.len())
            .map(|i| {
                !is_seen(sentences[i].doc)
                    && seen
                        .iter()
                        .any(|&j| says_the_same(&sentences[i].text, vectors.get(i), &sentences[j].text, vectors.get(j)))
            })
            .collect();
        let mut keep: Vec<bool> = (0..sentences.len()).map(|i| !is_seen(sentences[i].doc) && !restates[i]).collect();
        if let Some(query) = reader.query {
            keep_relevant(corpus, &vectors, query, &mut keep);
        }
        let origin: Vec<usize> = (0..sentences.len()).filter(|&i| keep[i]).collect();
        Focus { corpus: Some(sub_corpus(corpus, &origin)), origin, restates }
    }

    /// The corpus a method chooses from: the focused one, or `whole` when nothing is left out.
    pub fn corpus<'c>(&'c self, whole: &'c Corpus) -> &'c Corpus {
        self.corpus.as_ref().unwrap_or(whole)
    }

    /// Runs a method on the focused corpus; the indices returned are the cluster's.
    pub fn select(&self, method: &dyn crate::Method, whole: &Corpus, budget: &Budget) -> Vec<usize> {
        let chosen = method.select(self.corpus(whole), budget);
        match self.corpus {
            Some(_) => chosen.into_iter().map(|i| self.origin[i]).collect(),
            None => chosen,
        }
    }

    /// Whether sentence `i` of the cluster says the same thing as a sentence of a seen report.
    pub fn restates_seen(&self, i: usize) -> bool {
        self.restates.get(i).copied().unwrap_or(false)
    }
}

/// Keeps, of the eligible kept sentences, the [`QUERY_SHARE`] most relevant to the query.
fn keep_relevant(corpus: &Corpus, vectors: &Vectors, query: &[TermId], keep: &mut [bool]) {
    let query = query_vector(corpus, query);
    let mut relevance: Vec<(f32, usize)> = (0..corpus.sentences.len())
        .filter(|&i| keep[i] && corpus.sentences[i].is_eligible())
        .map(|i| (query.cosine(vectors.get(i)), i))
        .collect();
    if !relevance.iter().any(|&(r, _)| r > 0.0) {
        return;
    }
    let kept = ((relevance.len() as f64 * QUERY_SHARE).ceil() as usize).max(1);
    relevance.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (rank, &(r, i)) in relevance.iter().enumerate() {
        keep[i] = rank < kept && r > 0.0;
    }
}

fn query_vector(corpus: &Corpus, terms: &[TermId]) -> SparseVector {
    SparseVector::of_counts(term_counts(terms), corpus)
}

/// The sentences `kept` of `corpus`, with document frequencies counted over them alone: in an
/// update, a fact is shared by several new reports, not by the reports already read.
fn sub_corpus(corpus: &Corpus, kept: &[usize]) -> Corpus {
    let sentences: Vec<_> = kept.iter().map(|&i| corpus.sentences[i].clone()).collect();
    let mut document_frequency = vec![0u32; corpus.vocabulary.len()];
    let mut last_doc = vec![usize::MAX; corpus.vocabulary.len()];
    let mut docs: Vec<usize> = sentences.iter().map(|s| s.doc).collect();
    docs.sort_unstable();
    docs.dedup();
    for s in &sentences {
        for &t in s.terms.iter() {
            if last_doc[t as usize] != s.doc {
                last_doc[t as usize] = s.doc;
                document_frequency[t as usize] += 1;
            }
        }
    }
    Corpus {
        sentences,
        vocabulary: corpus.vocabulary.clone(),
        document_frequency,
        idf: corpus.idf.clone(),
        documents: docs.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_corpus::corpus;

    fn terms(c: &Corpus, words: &[&str]) -> Vec<TermId> {
        words.iter().filter_map(|w| c.vocabulary.iter().position(|v| v == w)).map(|i| i as TermId).collect()
    }

    #[test]
    fn seen_sentences_and_restatements_of_them_are_never_chosen() {
        let c = corpus(&[
            "gunmen seized gas plant near amenas. army surrounded the site",
            "gunmen seized remote gas plant near amenas. army stormed plant on saturday. hostages were freed",
        ]);
        let focus = Focus::new(&c, Reader { seen: &[true, false], query: None });
        assert!(focus.restates_seen(2), "the seizure is restated");
        assert!(!focus.restates_seen(3) && !focus.restates_seen(0));
        for method in crate::methods() {
            let chosen = focus.select(method.as_ref(), &c, &Budget::words(100));
            assert!(!chosen.is_empty(), "{}", method.name());
            assert!(chosen.iter().all(|&i| c.sentences[i].doc == 1 && i != 2), "{}: {chosen:?}", method.name());
        }
    }

    #[test]
    fn document_frequencies_count_only_the_candidates() {
        let c = corpus(&["storm hits coast", "storm floods town. rain stops"]);
        let focus = Focus::new(&c, Reader { seen: &[true, false], query: None });
        let focused = focus.corpus(&c);
        assert_eq!(focused.documents, 1);
        assert_eq!(focused.document_frequency[terms(&c, &["storm"])[0] as usize], 1);
    }

    #[test]
    fn a_query_keeps_the_sentences_that_answer_it() {
        let c = corpus(&[
            "storm hits coast. markets rally on trade news. ministers meet in brussels",
            "flood waters rise in the town. storm damage costs millions. the league title was won",
        ]);
        let query = terms(&c, &["storm", "damage"]);
        assert_eq!(query.len(), 2, "{:?}", c.vocabulary);
        let focus = Focus::new(&c, Reader { seen: &[], query: Some(&query) });
        for method in crate::methods() {
            let chosen =
                focus.select(method.as_ref(), &c, &Budget { limit: chorus_core::Limit::Sentences(1), truncate: false });
            assert!(chosen.iter().all(|&i| c.sentences[i].text.contains("storm")), "{}: {chosen:?}", method.name());
        }
        let unknown = Focus::new(&c, Reader { seen: &[], query: Some(&[]) });
        assert_eq!(unknown.corpus(&c).sentences.len(), c.sentences.len(), "a query matching nothing keeps all");
    }
}
