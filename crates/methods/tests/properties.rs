//! Rules every method must keep, checked on generated clusters for every kind of budget.

#[path = "../src/test_corpus.rs"]
mod test_corpus;

use chorus_core::{Budget, Corpus, Limit, SentenceKind, Usage};
use chorus_methods::methods;
use std::collections::HashSet;
use test_corpus::{corpus, generated};

fn budgets() -> Vec<Budget> {
    let limits = [
        Limit::Words(40),
        Limit::Words(100),
        Limit::Bytes(250),
        Limit::Bytes(700),
        Limit::Sentences(1),
        Limit::Sentences(4),
    ];
    limits.iter().flat_map(|&limit| [false, true].map(|truncate| Budget { limit, truncate })).collect()
}

fn clusters() -> Vec<Corpus> {
    vec![generated(1, 3, 12), generated(2, 8, 30), generated(3, 1, 40), generated(4, 20, 5)]
}

fn distinct_terms(corpus: &Corpus, s: usize) -> HashSet<u32> {
    corpus.sentences[s].terms.iter().copied().collect()
}

#[test]
fn every_method_respects_every_budget() {
    let mut overflows = 0;
    for corpus in clusters() {
        for budget in budgets() {
            for method in methods() {
                let chosen = method.select(&corpus, &budget);
                let usage = |sentences: &[usize]| {
                    sentences.iter().fold(Usage::default(), |u, &s| {
                        u.with(corpus.sentences[s].words, corpus.sentences[s].text.len())
                    })
                };
                let context = format!("{} {budget:?} chose {chosen:?}", method.name());
                if budget.allows(usage(&chosen)) {
                    continue;
                }
                assert!(budget.truncate && !matches!(budget.limit, Limit::Sentences(_)), "{context}");
                let (_, before_last) = chosen.split_last().map(|(l, rest)| (*l, rest)).unwrap_or((0, &[]));
                let before = usage(before_last);
                assert!(budget.allows(before) && !budget.is_full(before), "only the last may overflow: {context}");
                overflows += 1;
            }
        }
    }
    assert!(overflows > 0, "truncating budgets were never used to overflow: the check above saw nothing");
}

#[test]
fn every_method_uses_a_good_part_of_the_budget() {
    let corpus = generated(5, 8, 30);
    for method in methods() {
        let chosen = method.select(&corpus, &Budget::words(100));
        let words: usize = chosen.iter().map(|&s| corpus.sentences[s].words).sum();
        assert!(words >= 60, "{} filled only {words} of 100 words", method.name());
    }
}

#[test]
fn every_method_chooses_distinct_eligible_sentences_that_say_different_things() {
    for corpus in clusters() {
        for budget in budgets() {
            for method in methods() {
                let chosen = method.select(&corpus, &budget);
                let context = format!("{} {budget:?} chose {chosen:?}", method.name());
                assert_eq!(chosen.iter().collect::<HashSet<_>>().len(), chosen.len(), "{context}");
                for (k, &a) in chosen.iter().enumerate() {
                    assert!(corpus.sentences[a].is_eligible(), "{context}");
                    for &b in &chosen[k + 1..] {
                        assert_ne!(corpus.sentences[a].text, corpus.sentences[b].text, "{context}");
                        let (ta, tb) = (distinct_terms(&corpus, a), distinct_terms(&corpus, b));
                        let overlap = ta.intersection(&tb).count() as f64 / ta.union(&tb).count().max(1) as f64;
                        assert!(overlap < 0.8, "near-duplicates {a} and {b}: {context}");
                    }
                }
            }
        }
    }
}

#[test]
fn empty_or_ineligible_corpora_give_empty_choices() {
    let mut headlines = corpus(&["#storm hits coast. #rescue under way", "#markets fall"]);
    let empty = Corpus::default();
    let mut broken = corpus(&["storm hits coast. rescue under way"]);
    broken.idf.clear();
    broken.document_frequency.clear();
    for method in methods() {
        for budget in budgets() {
            assert!(method.select(&empty, &budget).is_empty(), "{}", method.name());
            assert!(method.select(&headlines, &budget).is_empty(), "{}", method.name());
            // Without idf statistics the methods must still not panic.
            method.select(&broken, &budget);
        }
    }
    headlines.sentences.iter_mut().for_each(|s| s.kind = SentenceKind::Caption);
    assert!(methods().iter().all(|m| m.select(&headlines, &Budget::words(100)).is_empty()));
}

#[test]
fn methods_are_deterministic() {
    let corpus = generated(6, 6, 25);
    for method in methods() {
        assert_eq!(
            method.select(&corpus, &Budget::words(100)),
            method.select(&corpus, &Budget::words(100)),
            "{}",
            method.name()
        );
    }
}
