//! The pipeline from a raw cluster to a brief.

use crate::brief::{Brief, BriefSentence, CitedClaim, DocumentInfo, FigureReport, Timings};
use crate::order::reading_order;
use chorus_core::{Budget, Cluster, Corpus, Limit, SentenceKind};
use chorus_figures::{Claim, FigureGroup};
use chorus_methods::{Method, Support};
use chorus_segment::{word_count, Segmenter};
use std::time::Instant;

/// Why a cluster could not be summarized.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("unknown method '{0}' (see `chorus methods`)")]
    UnknownMethod(String),
    #[error("{0}: the cluster has no documents")]
    NoDocuments(String),
    #[error("{0}: no complete sentence to summarize in any report")]
    NoSentences(String),
    #[error("the budget must be greater than zero")]
    EmptyBudget,
    /// Every eligible sentence is longer than the budget (and, with `truncate`, not even its
    /// first word fits): an empty brief would look like a summary of nothing.
    #[error("{0}: no sentence fits in the budget; raise it, or let the last sentence be cut (--truncate)")]
    NothingFits(String),
}

/// A configured summarizer; cheap to share across threads.
pub struct Summarizer {
    segmenter: Segmenter,
    method: &'static dyn Method,
    budget: Budget,
    figures: bool,
}

impl Summarizer {
    pub fn new(method: &str, budget: Budget) -> Result<Self, Error> {
        let method = chorus_methods::method(method).ok_or_else(|| Error::UnknownMethod(method.to_owned()))?;
        let size = match budget.limit {
            Limit::Words(n) | Limit::Bytes(n) | Limit::Sentences(n) => n,
        };
        if size == 0 {
            return Err(Error::EmptyBudget);
        }
        Ok(Summarizer { segmenter: Segmenter::new(), method, budget, figures: true })
    }

    /// Uses another segmenter, such as one whose idf comes from background statistics
    /// (`Segmenter::with_background`).
    pub fn with_segmenter(mut self, segmenter: Segmenter) -> Self {
        self.segmenter = segmenter;
        self
    }

    /// Whether to find the figures the reports disagree on (on by default). A batch run whose
    /// output leaves them out saves the work.
    pub fn with_figures(mut self, figures: bool) -> Self {
        self.figures = figures;
        self
    }

    pub fn method(&self) -> &'static dyn Method {
        self.method
    }

    pub fn budget(&self) -> Budget {
        self.budget
    }

    /// Every group of figures in a cluster, without summarizing it (`chorus figures`).
    pub fn figures(&self, cluster: Cluster) -> Result<FigureReport, Error> {
        let (cluster, corpus) = self.prepare(cluster, &mut Timings::default())?;
        let claims = chorus_figures::extract(&corpus, &cluster.documents);
        let groups = chorus_figures::group(&claims);
        Ok(FigureReport {
            id: cluster.id.clone(),
            groups,
            claims: cite_claims(&cluster, &corpus, claims),
            documents: document_infos(&cluster, &corpus),
        })
    }

    /// Cleans and segments a cluster as read by `chorus_ingest`, timing both stages.
    fn prepare(&self, mut cluster: Cluster, timings: &mut Timings) -> Result<(Cluster, Corpus), Error> {
        if cluster.documents.is_empty() {
            return Err(Error::NoDocuments(cluster.id));
        }
        let clock = Instant::now();
        chorus_ingest::clean_cluster(&mut cluster);
        timings.clean_us = micros(clock);
        let clock = Instant::now();
        let corpus = self.segmenter.segment(&cluster);
        timings.segment_us = micros(clock);
        Ok((cluster, corpus))
    }

    /// Cleans, segments and summarizes a cluster as read by `chorus_ingest`.
    pub fn summarize(&self, cluster: Cluster) -> Result<Brief, Error> {
        let mut timings = Timings::default();
        let (cluster, corpus) = self.prepare(cluster, &mut timings)?;
        if !corpus.sentences.iter().any(|s| s.is_eligible()) {
            return Err(Error::NoSentences(cluster.id));
        }
        let clock = Instant::now();
        let chosen = self.method.select(&corpus, &self.budget);
        timings.select_us = micros(clock);
        let clock = Instant::now();
        let claims = if self.figures { chorus_figures::extract(&corpus, &cluster.documents) } else { Vec::new() };
        let figures = chorus_figures::group(&claims);
        timings.figures_us = micros(clock);
        let disputed = disputed_sentences(&claims, &figures);
        let claims = cite_claims(&cluster, &corpus, claims);
        let brief = self.assemble(&cluster, &corpus, chosen, Figures { groups: figures, claims, disputed }, timings);
        if brief.sentences.is_empty() {
            return Err(Error::NothingFits(brief.id));
        }
        Ok(brief)
    }

    /// Orders the chosen sentences, cuts the last one at the budget when asked, and gathers each
    /// sentence's citation.
    fn assemble(
        &self,
        cluster: &Cluster,
        corpus: &Corpus,
        chosen: Vec<usize>,
        figures: Figures,
        timings: Timings,
    ) -> Brief {
        let (mut fitting, overflow) = split_overflow(corpus, &chosen, &self.budget);
        reading_order(corpus, cluster, &mut fitting);
        let support = Support::new(corpus);
        let mut sentences: Vec<BriefSentence> =
            fitting.iter().map(|&i| self.cite(cluster, corpus, &support, i, &figures)).collect();
        if let Some(last) = overflow {
            let used: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
            if let Some(cut) = cut_to_budget(&corpus.sentences[last].text, &used, &self.budget) {
                let mut sentence = self.cite(cluster, corpus, &support, last, &figures);
                let s = &corpus.sentences[last];
                let span = cluster.documents[s.doc].clean.original_span(s.clean.start..s.clean.start + cut.len());
                sentence.text = cut.to_owned();
                sentence.start = span.start;
                sentence.end = span.end;
                sentence.truncated = true;
                sentences.push(sentence);
            }
        }
        let summary = sentences.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join(" ");
        Brief {
            id: cluster.id.clone(),
            method: self.method.name().to_owned(),
            budget: self.budget,
            words: word_count(&summary),
            summary,
            sentences,
            documents: document_infos(cluster, corpus),
            figures: figures.groups,
            claims: figures.claims,
            timings,
        }
    }

    fn cite(
        &self,
        cluster: &Cluster,
        corpus: &Corpus,
        support: &Support,
        index: usize,
        figures: &Figures,
    ) -> BriefSentence {
        let s = &corpus.sentences[index];
        let doc = &cluster.documents[s.doc];
        let disputed =
            figures.disputed.iter().filter(|(sentence, _)| *sentence == index).map(|&(_, group)| group).collect();
        BriefSentence {
            text: s.text.clone(),
            doc: doc.id.clone(),
            doc_index: s.doc,
            start: s.span.start,
            end: s.span.end,
            support: support.of(index).into_iter().map(|d| cluster.documents[d].id.clone()).collect(),
            truncated: false,
            disputed,
        }
    }
}

/// The figure groups of a cluster, and which sentences carry a disputed one.
struct Figures {
    groups: Vec<FigureGroup>,
    claims: Vec<CitedClaim>,
    /// (sentence index, group index) for every claim in a disputed group.
    disputed: Vec<(usize, usize)>,
}

fn disputed_sentences(claims: &[Claim], groups: &[FigureGroup]) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(usize, usize)> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.is_disputed())
        .flat_map(|(i, g)| g.claims.iter().map(move |&c| (claims[c].sentence, i)))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Maps each claim's range, relative to its sentence, to its document's original text.
fn cite_claims(cluster: &Cluster, corpus: &Corpus, claims: Vec<Claim>) -> Vec<CitedClaim> {
    claims
        .into_iter()
        .map(|claim| {
            let sentence = &corpus.sentences[claim.sentence];
            let start = sentence.clean.start + claim.claim_range.start;
            let end = sentence.clean.start + claim.claim_range.end;
            let span = cluster.documents[sentence.doc].clean.original_span(start..end);
            CitedClaim { claim, start: span.start, end: span.end }
        })
        .collect()
}

/// The source list. A report without a title of its own (a plain text file) is named by its
/// opening headline, when it has one.
fn document_infos(cluster: &Cluster, corpus: &Corpus) -> Vec<DocumentInfo> {
    let documents = &cluster.documents;
    let headline = |doc: usize| {
        corpus
            .sentences
            .iter()
            .find(|s| s.doc == doc)
            .filter(|s| s.position == 0 && s.kind == SentenceKind::Headline)
            .map(|s| s.text.clone())
    };
    documents
        .iter()
        .enumerate()
        .map(|(i, d)| DocumentInfo {
            id: d.id.clone(),
            file: d.file.clone(),
            title: d.title.clone().or_else(|| headline(i)),
            date: d.date.clone(),
            bytes: d.original.len(),
            duplicate_of: d.duplicate_of.map(|i| documents[i].id.clone()),
        })
        .collect()
}

fn micros(since: Instant) -> u64 {
    since.elapsed().as_micros() as u64
}

/// Splits a selection into the sentences that fit whole and, when the method added one past the
/// budget (allowed with `--truncate`), that last one.
fn split_overflow(corpus: &Corpus, chosen: &[usize], budget: &Budget) -> (Vec<usize>, Option<usize>) {
    let mut usage = chorus_core::Usage::default();
    let mut fitting = Vec::with_capacity(chosen.len());
    for &i in chosen {
        let s = &corpus.sentences[i];
        let next = usage.with(s.words, s.text.len());
        if !budget.allows(next) {
            return (fitting, budget.truncate.then_some(i));
        }
        usage = next;
        fitting.push(i);
    }
    (fitting, None)
}

/// The longest prefix of `text` (whole words) that still fits after the sentences in `used`.
fn cut_to_budget<'t>(text: &'t str, used: &[&str], budget: &Budget) -> Option<&'t str> {
    let room = match budget.limit {
        Limit::Words(n) => n.checked_sub(used.iter().map(|s| word_count(s)).sum())?,
        Limit::Bytes(n) => {
            let taken: usize = used.iter().map(|s| s.len() + 1).sum();
            n.checked_sub(taken)?
        }
        Limit::Sentences(n) => return (used.len() < n).then_some(text),
    };
    let mut end = 0;
    for (words, (start, word)) in word_starts(text).enumerate() {
        let fits = match budget.limit {
            Limit::Words(_) => words < room,
            _ => start + word.len() <= room,
        };
        if !fits {
            break;
        }
        end = start + word.len();
    }
    (end > 0).then(|| &text[..end])
}

/// Each whitespace-separated word with its byte offset.
fn word_starts(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace().map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_keeps_whole_words_within_the_room_left() {
        let words = Budget { limit: Limit::Words(5), truncate: true };
        assert_eq!(cut_to_budget("one two three four", &["a b"], &words), Some("one two three"));
        assert_eq!(cut_to_budget("one two", &["a b c d e"], &words), None);
        let bytes = Budget { limit: Limit::Bytes(12), truncate: true };
        // "abc" + space leaves 8 bytes: "one two" is 7.
        assert_eq!(cut_to_budget("one two three", &["abc"], &bytes), Some("one two"));
    }

    #[test]
    fn a_budget_no_sentence_fits_is_an_error_not_an_empty_brief() {
        let cluster = || Cluster {
            id: "siege".into(),
            documents: vec![chorus_core::Document::new(
                "0",
                "Troops stormed the gas plant on Thursday, officials said.\n",
            )],
        };
        let tight = Summarizer::new(chorus_methods::DEFAULT_METHOD, Budget::words(3)).expect("valid");
        let error = tight.summarize(cluster()).expect_err("no sentence has 3 words or fewer");
        assert!(matches!(error, Error::NothingFits(ref id) if id == "siege"), "{error}");
        let cut = Summarizer::new(chorus_methods::DEFAULT_METHOD, Budget { limit: Limit::Words(3), truncate: true })
            .expect("valid");
        assert_eq!(cut.summarize(cluster()).expect("the sentence is cut").summary, "Troops stormed the");
    }
}
