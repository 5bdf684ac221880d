//! Lead: the opening sentences of each report, in turn. News puts the main facts first, which
//! makes this the baseline every method must beat.

use crate::round_robin::round_robin;
use crate::selection::in_order;
use crate::vectors::Vectors;
use crate::Method;
use chorus_core::{Budget, Corpus};

/// The lead baseline.
pub struct Lead;

impl Method for Lead {
    fn name(&self) -> &'static str {
        "lead"
    }

    fn description(&self) -> &'static str {
        "first sentences of each report in turn (round robin over reports)"
    }

    fn reference(&self) -> &'static str {
        "the lead baseline of the DUC/TAC evaluations (e.g. Nenkova 2005, AAAI)"
    }

    fn select(&self, corpus: &Corpus, budget: &Budget) -> Vec<usize> {
        in_order(corpus, &Vectors::new(corpus), budget, round_robin(corpus))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_corpus::corpus;
    use chorus_core::Limit;

    #[test]
    fn takes_each_reports_first_eligible_sentence_before_any_second() {
        let c = corpus(&[
            "storm hits coast. rescue teams arrive. power restored later",
            "#weather headline. floods cover farms. schools stay closed",
            "ministers meet today. budget talks stall",
        ]);
        let chosen = Lead.select(&c, &Budget { limit: Limit::Sentences(4), truncate: false });
        let texts: Vec<&str> = chosen.iter().map(|&s| c.sentences[s].text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["storm hits coast", "floods cover farms", "ministers meet today", "rescue teams arrive"]
        );
    }
}
