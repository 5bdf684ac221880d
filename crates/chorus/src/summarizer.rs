//! The brief API: a configured pipeline that runs every stage on a raw cluster.

use crate::brief::Brief;
use crate::figure_stage::{figures, Figures};
use crate::prepared::Prepared;
use crate::selection::{budget_size, select};
use crate::Error;
use chorus_compress::Compressor;
use chorus_core::{Budget, Cluster};
use chorus_ingest::Cleaning;
use chorus_methods::Method;
use chorus_segment::Segmenter;

/// A method the summarizer runs: a built-in one, or one of the caller's.
enum MethodRef {
    BuiltIn(&'static dyn Method),
    Own(Box<dyn Method>),
}

impl MethodRef {
    fn get(&self) -> &dyn Method {
        match self {
            MethodRef::BuiltIn(method) => *method,
            MethodRef::Own(method) => method.as_ref(),
        }
    }
}

/// A configured pipeline, from a raw cluster to a brief; cheap to share across threads.
///
/// `summarize` is [`Prepared::with`] → [`select`] → [`figures`] → [`Brief::assemble`]; callers
/// that need one stage's output for several later stages (several methods on one cluster, the
/// figures alone) call the stages themselves.
pub struct Summarizer {
    cleaning: Cleaning,
    segmenter: Segmenter,
    method: MethodRef,
    budget: Budget,
    figures: bool,
    compressor: Option<Compressor>,
}

impl Summarizer {
    /// The built-in method called `method` (see `chorus methods`) under `budget`.
    pub fn new(method: &str, budget: Budget) -> Result<Self, Error> {
        let method = chorus_methods::method(method)?;
        Summarizer::build(MethodRef::BuiltIn(method), budget)
    }

    /// A method of the caller's own under `budget`.
    pub fn with_method(method: impl Method + 'static, budget: Budget) -> Result<Self, Error> {
        Summarizer::build(MethodRef::Own(Box::new(method)), budget)
    }

    fn build(method: MethodRef, budget: Budget) -> Result<Self, Error> {
        if budget_size(&budget) == 0 {
            return Err(Error::EmptyBudget);
        }
        Ok(Summarizer {
            cleaning: Cleaning::default(),
            segmenter: Segmenter::new(),
            method,
            budget,
            figures: true,
            compressor: Some(Compressor::new()),
        })
    }

    /// Uses another cleaning sequence.
    pub fn with_cleaning(mut self, cleaning: Cleaning) -> Self {
        self.cleaning = cleaning;
        self
    }

    /// Uses another segmenter.
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

    /// Whether to compress sentences (on by default): drop day names, trailing attributions,
    /// parentheticals and the like, citing the pieces kept. Off, a brief quotes whole sentences.
    pub fn with_compression(mut self, compress: bool) -> Self {
        self.compressor = compress.then(Compressor::new);
        self
    }

    /// The compressor it runs, if compression is on.
    pub fn compressor(&self) -> Option<&Compressor> {
        self.compressor.as_ref()
    }

    /// The method it runs.
    pub fn method(&self) -> &dyn Method {
        self.method.get()
    }

    /// The budget it keeps to.
    pub fn budget(&self) -> Budget {
        self.budget
    }

    /// Cleans, segments and compresses a cluster with this summarizer's stages.
    pub fn prepare(&self, cluster: Cluster) -> Result<Prepared, Error> {
        Prepared::with(cluster, &self.cleaning, &self.segmenter, self.compressor.as_ref())
    }

    /// The brief of a prepared cluster.
    pub fn brief(&self, prepared: &Prepared) -> Result<Brief, Error> {
        let selection = select(prepared, self.method(), self.budget)?;
        let figures = if self.figures { figures(prepared) } else { Figures::default() };
        Brief::assemble(prepared, selection, figures)
    }

    /// Cleans, segments and summarizes a cluster as read by [`crate::read_cluster`].
    pub fn summarize(&self, cluster: Cluster) -> Result<Brief, Error> {
        self.brief(&self.prepare(cluster)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chorus_core::{Corpus, Limit};

    fn siege() -> Cluster {
        Cluster {
            id: "siege".into(),
            documents: vec![chorus_core::Document::new(
                "0",
                "Troops stormed the gas plant on Thursday, officials said.\n",
            )],
            ..Default::default()
        }
    }

    #[test]
    fn a_budget_no_sentence_fits_is_an_error_not_an_empty_brief() {
        let tight = Summarizer::new(chorus_methods::DEFAULT_METHOD, Budget::words(3)).expect("valid");
        let error = tight.summarize(siege()).expect_err("no sentence has 3 words or fewer");
        assert!(matches!(error, Error::NothingFits(ref id) if id == "siege"), "{error}");
        let cut = Summarizer::new(chorus_methods::DEFAULT_METHOD, Budget { limit: Limit::Words(3), truncate: true })
            .expect("valid");
        assert_eq!(cut.summarize(siege()).expect("the sentence is cut").summary, "Troops stormed the");
    }

    /// A method of the user's own: the last eligible sentence.
    struct Last;

    impl Method for Last {
        fn name(&self) -> &'static str {
            "last"
        }
        fn description(&self) -> &'static str {
            "the last eligible sentence"
        }
        fn reference(&self) -> &'static str {
            "a test"
        }
        fn select(&self, corpus: &Corpus, _: &Budget) -> Vec<usize> {
            (0..corpus.sentences.len()).rev().find(|&s| corpus.sentences[s].is_eligible()).into_iter().collect()
        }
    }

    #[test]
    fn a_method_of_ones_own_runs_through_every_stage() {
        let mut cluster = siege();
        cluster.documents[0] = chorus_core::Document::new(
            "0",
            "Troops stormed the gas plant on Thursday, officials said. Dozens of hostages were freed by the army.\n",
        );
        let brief = Summarizer::with_method(Last, Budget::words(50)).expect("valid").summarize(cluster).expect("brief");
        assert_eq!(brief.method, "last");
        assert_eq!(brief.summary, "Dozens of hostages were freed by the army.");
    }

    #[test]
    fn a_zero_budget_and_an_unknown_method_are_errors() {
        assert!(matches!(Summarizer::new("consensus", Budget::words(0)), Err(Error::EmptyBudget)));
        assert!(matches!(Summarizer::new("lexrnak", Budget::words(10)), Err(Error::Method(_))));
    }
}
