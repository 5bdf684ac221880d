//! The public entry point: a convention, references prepared once per cluster, summaries scored
//! against them, and per-cluster scores averaged the way each convention reports.

use crate::profile::Profile;
use crate::scores::{Metric, Prf, Scores};
use crate::vocabulary::Vocabulary;
use crate::{rouge155, rouge_score};

/// How much of each summary (and reference) ROUGE-1.5.5 reads: `-l N` words or `-b N` bytes.
/// A limit of 0 means no limit, as in the script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truncation {
    /// Keep the first N words (`-l N`).
    Words(usize),
    /// Keep the first N bytes (`-b N`).
    Bytes(usize),
}

/// Whose numbers to reproduce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Convention {
    /// Google's `rouge-score` 0.1.2, `use_stemmer=True`; several references: best F1 per metric.
    RougeScore,
    /// ROUGE-1.5.5 `-n 4 -m -a -c 95 -r 1000 -f A -p 0.5 -t 0 -2 4 -u` plus the truncation, fed
    /// through `shared/tools/rouge155.py`.
    Rouge155 {
        /// The `-l`/`-b` cut applied to summaries and references, if any.
        truncate: Option<Truncation>,
    },
}

impl Convention {
    /// The metrics this convention defines (ROUGE-1.5.5 has no `rougeLsum`: its ROUGE-L is
    /// summary-level already).
    pub fn metrics(self) -> &'static [Metric] {
        match self {
            Convention::RougeScore => rouge_score::METRICS,
            Convention::Rouge155 { .. } => rouge155::METRICS,
        }
    }
}

/// Why a cluster cannot be scored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RougeError {
    /// The cluster has no reference summary.
    #[error("no reference summaries: ROUGE needs at least one reference to score against")]
    NoReferences,
}

/// Scores summaries under one [`Convention`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scorer {
    convention: Convention,
}

impl Scorer {
    /// A scorer following `convention`.
    pub fn new(convention: Convention) -> Scorer {
        Scorer { convention }
    }

    /// The convention it follows.
    pub fn convention(&self) -> Convention {
        self.convention
    }

    /// Tokenizes and indexes a cluster's references once, for scoring many summaries against them.
    pub fn prepare<S: AsRef<str>>(&self, references: &[S]) -> Result<References, RougeError> {
        if references.is_empty() {
            return Err(RougeError::NoReferences);
        }
        let mut vocabulary = Vocabulary::default();
        let prepared = match self.convention {
            Convention::RougeScore => Prepared::RougeScore(
                references
                    .iter()
                    .map(|r| {
                        let text = rouge_score::tokenize(r.as_ref());
                        rouge_score::Reference::new(Profile::new(&text, |t| vocabulary.intern(t)))
                    })
                    .collect(),
            ),
            Convention::Rouge155 { truncate } => Prepared::Rouge155 {
                truncate,
                references: references
                    .iter()
                    .map(|r| Profile::new(&rouge155::tokenize(r.as_ref(), truncate), |t| vocabulary.intern(t)))
                    .collect(),
            },
        };
        Ok(References { vocabulary, prepared })
    }

    /// Scores one summary against its references (prepares them; use [`Scorer::prepare`] and
    /// [`References::score`] to score several summaries of one cluster).
    pub fn score<S: AsRef<str>>(&self, summary: &str, references: &[S]) -> Result<Scores, RougeError> {
        Ok(self.prepare(references)?.score(summary))
    }

    /// Averages per-cluster scores as the convention reports them: the arithmetic mean for
    /// `RougeScore`; for `Rouge155` the perl script's bootstrap average (five decimals), which
    /// depends on the order of the clusters: pass them in the order the wrapper numbers them
    /// (sorted by cluster id). A metric missing from a cluster counts as 0; no clusters give 0.
    pub fn average(&self, per_cluster: &[Scores]) -> Scores {
        match self.convention {
            Convention::RougeScore => arithmetic_mean(per_cluster, rouge_score::METRICS),
            Convention::Rouge155 { .. } => rouge155::average(per_cluster),
        }
    }
}

fn arithmetic_mean(per_cluster: &[Scores], metrics: &[Metric]) -> Scores {
    let mut means = Scores::default();
    let count = per_cluster.len().max(1) as f64;
    for &metric in metrics {
        let sum = per_cluster.iter().filter_map(|s| s.get(metric)).fold(Prf::default(), |sum, prf| Prf {
            precision: sum.precision + prf.precision,
            recall: sum.recall + prf.recall,
            f1: sum.f1 + prf.f1,
        });
        means.set(metric, Prf { precision: sum.precision / count, recall: sum.recall / count, f1: sum.f1 / count });
    }
    means
}

/// A cluster's references, tokenized and indexed under one convention.
#[derive(Debug, Clone)]
pub struct References {
    vocabulary: Vocabulary,
    prepared: Prepared,
}

#[derive(Debug, Clone)]
enum Prepared {
    RougeScore(Vec<rouge_score::Reference>),
    Rouge155 { truncate: Option<crate::Truncation>, references: Vec<Profile> },
}

impl References {
    /// The scores of `summary` for every metric of the convention.
    pub fn score(&self, summary: &str) -> Scores {
        let lookup = |t: &str| self.vocabulary.lookup(t);
        match &self.prepared {
            Prepared::RougeScore(references) => {
                rouge_score::score(references, &Profile::new(&rouge_score::tokenize(summary), lookup))
            }
            Prepared::Rouge155 { truncate, references } => {
                rouge155::score(references, &Profile::new(&rouge155::tokenize(summary, *truncate), lookup))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_references_is_an_error() {
        let scorer = Scorer::new(Convention::RougeScore);
        assert_eq!(scorer.score::<String>("a summary", &[]), Err(RougeError::NoReferences));
    }

    #[test]
    fn each_convention_reports_its_own_metrics() {
        let refs = ["The cat sat on the mat."];
        let rouge_score = Scorer::new(Convention::RougeScore).score("The cat sat.", &refs);
        assert!(rouge_score.is_ok_and(|s| s.get(Metric::RougeLsum).is_some()));
        let perl = Scorer::new(Convention::Rouge155 { truncate: None }).score("The cat sat.", &refs);
        assert!(perl.is_ok_and(|s| s.get(Metric::RougeLsum).is_none() && s.get(Metric::RougeSU4).is_some()));
    }

    #[test]
    fn rouge_score_average_is_the_arithmetic_mean() {
        let scorer = Scorer::new(Convention::RougeScore);
        let perfect = scorer.score("a b c", &["a b c"]).unwrap_or_default();
        let nothing = scorer.score("x y z", &["a b c"]).unwrap_or_default();
        let average = scorer.average(&[perfect, nothing]);
        assert_eq!(average.get(Metric::Rouge1), Some(Prf { precision: 0.5, recall: 0.5, f1: 0.5 }));
    }
}
