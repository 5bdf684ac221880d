//! Concepts (Gillick & Favre 2009): the distinct content bigrams of a sentence, each weighted by
//! how many reports mention it. Shared by the `concepts` and `consensus` methods.

use chorus_core::{Corpus, TermId};
use rustc_hash::FxHashMap as HashMap;

/// A concept must appear in at least this many reports (Gillick & Favre used 3 of 10 on TAC;
/// news clusters here have 2 to a few dozen reports).
const MIN_REPORTS: u32 = 2;

/// With fewer concepts than this shared by [`MIN_REPORTS`] reports, the reports barely overlap
/// (or there is just one): every bigram then counts, by the number of reports mentioning it.
const MIN_SHARED_CONCEPTS: usize = 10;

/// A concept's index into [`ConceptIndex::weights`]: 32 bits, since a sentence lists each of
/// its concepts and a large report has millions of mentions.
pub type Concept = u32;

/// Which weighted concepts each sentence contains; a concept's weight is the number of reports
/// mentioning it (0 for concepts too rare to count).
pub struct ConceptIndex {
    /// Per sentence: its distinct concepts of positive weight.
    pub concepts: Vec<Vec<Concept>>,
    /// Per concept: the number of reports mentioning it, or 0 when too rare to count.
    pub weights: Vec<f64>,
}

impl ConceptIndex {
    /// The concepts of every sentence of `corpus`.
    pub fn new(corpus: &Corpus) -> Self {
        let mut ids: HashMap<(TermId, TermId), Concept> = HashMap::default();
        // Per concept: the reports mentioning it, and the last one counted (plus 1; 0 for none).
        // Sentences come document by document (`Corpus::sentences`), so a report is counted once
        // when its first mention is met, with no list of every mention to sort.
        let (mut reports, mut last): (Vec<u32>, Vec<usize>) = (Vec::new(), Vec::new());
        let mut concepts: Vec<Vec<Concept>> = corpus
            .sentences
            .iter()
            .map(|sentence| {
                let mut own: Vec<Concept> = sentence
                    .bigrams()
                    .map(|bigram| {
                        let next = ids.len() as Concept;
                        *ids.entry(bigram).or_insert(next)
                    })
                    .collect();
                own.sort_unstable();
                own.dedup();
                reports.resize(ids.len(), 0);
                last.resize(ids.len(), 0);
                for &c in &own {
                    let c = c as usize;
                    if last[c] != sentence.doc + 1 {
                        last[c] = sentence.doc + 1;
                        reports[c] += 1;
                    }
                }
                own
            })
            .collect();
        drop((ids, last));
        let shared = reports.iter().filter(|&&r| r >= MIN_REPORTS).count();
        let threshold = if shared >= MIN_SHARED_CONCEPTS { MIN_REPORTS } else { 1 };
        let weights: Vec<f64> = reports.iter().map(|&r| if r >= threshold { f64::from(r) } else { 0.0 }).collect();
        concepts.iter_mut().for_each(|own| own.retain(|&c| weights[c as usize] > 0.0));
        ConceptIndex { concepts, weights }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_corpus::corpus;

    #[test]
    fn concepts_are_weighted_by_reports_and_rare_ones_dropped_when_enough_are_shared() {
        let shared = "a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12";
        let c = corpus(&[&format!("{shared}. lone pair"), shared, shared]);
        let index = ConceptIndex::new(&c);
        assert_eq!(index.concepts[0].len(), 11);
        assert!(index.concepts[0].iter().all(|&k| index.weights[k as usize] == 3.0));
        assert!(index.concepts[1].is_empty(), "'lone pair' is in one report only");
    }

    #[test]
    fn single_report_falls_back_to_every_bigram() {
        let c = corpus(&["storm hits coast"]);
        let index = ConceptIndex::new(&c);
        assert_eq!(index.concepts[0].iter().map(|&k| index.weights[k as usize]).sum::<f64>(), 2.0);
    }
}
