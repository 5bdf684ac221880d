//! The first stages, run once per cluster: clean, segment, compress. Every later stage (any
//! number of methods, the figures, the brief) reads the same [`Prepared`] value.

use crate::brief::Timings;
use crate::compress_stage::Compressed;
use crate::Error;
use chorus_compress::Compressor;
use chorus_core::{CleanCluster, Cluster, Corpus, TermId};
use chorus_ingest::Cleaning;
use chorus_methods::focus::{Focus, Reader};
use chorus_segment::{Segmenter, Tokenizer};
use std::collections::HashMap;
use std::time::Instant;

/// A cleaned cluster, its corpus of sentences, and the sentences a brief may choose from, with
/// the time each stage took.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The cluster, cleaned.
    pub cluster: CleanCluster,
    /// Its sentences, tokens and term statistics.
    pub corpus: Corpus,
    /// Its sentences as the brief would print them, shortened (see [`Compressed`]): what methods
    /// choose from.
    pub compressed: Compressed,
    /// The candidates for the reader: what is new since the seen reports, what answers the query.
    pub focus: Focus,
    /// Time spent cleaning and segmenting (the later stages' fields are 0).
    pub timings: Timings,
}

/// Cleans, segments and compresses a cluster with the standard cleaning, segmenter and
/// compressor.
pub fn prepare(cluster: Cluster) -> Result<Prepared, Error> {
    Prepared::with(cluster, &Cleaning::default(), &Segmenter::new(), Some(&Compressor::new()))
}

impl Prepared {
    /// Cleans and segments a cluster with the given stages, and compresses its sentences unless
    /// `compressor` is `None`.
    pub fn with(
        cluster: Cluster,
        cleaning: &Cleaning,
        segmenter: &Segmenter,
        compressor: Option<&Compressor>,
    ) -> Result<Prepared, Error> {
        if cluster.documents.is_empty() {
            return Err(Error::NoDocuments(cluster.id));
        }
        let mut timings = Timings::default();
        let clock = Instant::now();
        let cluster = cleaning.clean(cluster);
        timings.clean_us = micros(clock);
        let clock = Instant::now();
        let corpus = segmenter.segment(&cluster);
        timings.segment_us = micros(clock);
        Ok(Prepared::new(cluster, corpus, compressor, timings))
    }

    /// A cluster cleaned and segmented elsewhere (a benchmark timing each stage), with its
    /// sentences compressed (unless `compressor` is `None`) and its candidates found here;
    /// `timings.compress_us` and `timings.focus_us` are set.
    pub fn new(
        cluster: CleanCluster,
        corpus: Corpus,
        compressor: Option<&Compressor>,
        mut timings: Timings,
    ) -> Prepared {
        let clock = Instant::now();
        let compressed = compressor.map(|c| Compressed::new(&corpus, c)).unwrap_or_default();
        timings.compress_us = micros(clock);
        let clock = Instant::now();
        let focus = focus(&cluster, compressed.corpus(&corpus));
        timings.focus_us = micros(clock);
        Prepared { cluster, corpus, compressed, focus, timings }
    }

    /// The corpus methods choose from: the sentences as the brief prints them.
    pub fn choices(&self) -> &Corpus {
        self.compressed.corpus(&self.corpus)
    }

    /// The cluster's id.
    pub fn id(&self) -> &str {
        self.cluster.id()
    }
}

/// The candidates of a cluster for its reader: its seen reports and its query.
fn focus(cluster: &CleanCluster, corpus: &Corpus) -> Focus {
    let seen: Vec<bool> = cluster.documents().iter().map(|d| d.seen).collect();
    let query = cluster.cluster().query.as_deref().map(|query| query_terms(query, corpus));
    Focus::new(corpus, Reader { seen: &seen, query: query.as_deref() })
}

/// The content terms of a query that occur in the corpus, tokenized as its sentences are.
fn query_terms(query: &str, corpus: &Corpus) -> Vec<TermId> {
    let ids: HashMap<&str, TermId> =
        corpus.vocabulary.iter().enumerate().map(|(i, v)| (v.as_str(), i as TermId)).collect();
    let mut terms = Vec::new();
    Tokenizer::new().content_terms(query, &mut |term| terms.extend(ids.get(term)));
    terms
}

/// Microseconds since `since`.
pub(crate) fn micros(since: Instant) -> u64 {
    since.elapsed().as_micros() as u64
}
