//! The first two stages, run once per cluster: clean, then segment. Every later stage (any
//! number of methods, the figures, the brief) reads the same [`Prepared`] value.

use crate::brief::Timings;
use crate::Error;
use chorus_core::{CleanCluster, Cluster, Corpus};
use chorus_ingest::Cleaning;
use chorus_segment::Segmenter;
use std::time::Instant;

/// A cleaned cluster and its corpus of sentences, with the time each stage took.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The cluster, cleaned.
    pub cluster: CleanCluster,
    /// Its sentences, tokens and term statistics.
    pub corpus: Corpus,
    /// Time spent cleaning and segmenting (the later stages' fields are 0).
    pub timings: Timings,
}

/// Cleans and segments a cluster with the standard cleaning and segmenter.
pub fn prepare(cluster: Cluster) -> Result<Prepared, Error> {
    Prepared::with(cluster, &Cleaning::default(), &Segmenter::new())
}

impl Prepared {
    /// Cleans and segments a cluster with the given stages.
    pub fn with(cluster: Cluster, cleaning: &Cleaning, segmenter: &Segmenter) -> Result<Prepared, Error> {
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
        Ok(Prepared { cluster, corpus, timings })
    }

    /// The cluster's id.
    pub fn id(&self) -> &str {
        self.cluster.id()
    }
}

/// Microseconds since `since`.
pub(crate) fn micros(since: Instant) -> u64 {
    since.elapsed().as_micros() as u64
}
