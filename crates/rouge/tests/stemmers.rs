//! Both stemmers against the stems their originals produced (fixtures/check_stemmers.py).

mod common;

use chorus_rouge::stem::{nltk_porter, rouge155_stem};
use std::collections::BTreeMap;

#[derive(serde::Deserialize)]
struct Stems {
    nltk: BTreeMap<String, String>,
    rouge155: BTreeMap<String, String>,
}

#[test]
fn nltk_porter_matches_nltk_on_the_example_cluster_and_rule_lists() {
    let stems: Stems = common::load("stems.json");
    assert!(stems.nltk.len() > 1000);
    let wrong: Vec<_> = stems.nltk.iter().filter(|(w, s)| nltk_porter(w) != **s).collect();
    assert!(wrong.is_empty(), "{} of {} differ: {:?}", wrong.len(), stems.nltk.len(), &wrong[..wrong.len().min(10)]);
}

#[test]
fn rouge155_stem_matches_the_perl_script_on_the_example_cluster_and_rule_lists() {
    let stems: Stems = common::load("stems.json");
    assert!(stems.rouge155.len() > 1000);
    let wrong: Vec<_> = stems.rouge155.iter().filter(|(w, s)| rouge155_stem(w) != **s).collect();
    assert!(
        wrong.is_empty(),
        "{} of {} differ: {:?}",
        wrong.len(),
        stems.rouge155.len(),
        &wrong[..wrong.len().min(10)]
    );
}
