//! What each method is for, on small clusters where the right answer is clear.

#[path = "../src/test_corpus.rs"]
mod test_corpus;

use chorus_core::{Budget, Limit};
use chorus_methods::{method, Support};
use test_corpus::corpus;

/// Three reports of one attack: all three state the main fact, each in its own words, among
/// details only one report gives.
fn attack() -> chorus_core::Corpus {
    corpus(&[
        "officials said weather was cold overnight. islamist militants seized gas plant near amenas taking foreign hostages. local markets closed early",
        "a spokesman declined comment on staffing. islamist militants seized amenas gas plant and took foreign hostages. football match was postponed",
        "the company shares dropped in trading. militants seized gas plant near amenas with foreign hostages. roads were icy across region",
    ])
}

#[test]
fn central_methods_pick_the_shared_main_fact_first() {
    let c = attack();
    for name in ["centroid", "lexrank", "textrank", "concepts", "submodular", "mmr", "klsum", "consensus"] {
        let chosen = method(name).map(|m| m.select(&c, &Budget::words(30))).unwrap_or_default();
        let first = chosen.first().map(|&s| c.sentences[s].text.as_str()).unwrap_or("");
        assert!(first.contains("militants seized"), "{name} chose first: {first:?}");
    }
}

#[test]
fn main_fact_is_told_once_only() {
    let c = attack();
    for name in ["centroid", "lexrank", "concepts", "submodular", "consensus"] {
        let chosen = method(name)
            .map(|m| m.select(&c, &Budget { limit: Limit::Sentences(3), truncate: false }))
            .unwrap_or_default();
        let told = chosen.iter().filter(|&&s| c.sentences[s].text.contains("militants seized")).count();
        assert_eq!(told, 1, "{name} chose {chosen:?}");
    }
}

#[test]
fn lead_takes_the_opening_sentence_of_every_report_first() {
    let c = attack();
    let chosen = method("lead")
        .map(|m| m.select(&c, &Budget { limit: Limit::Sentences(3), truncate: false }))
        .unwrap_or_default();
    assert_eq!(
        chosen.iter().map(|&s| (c.sentences[s].doc, c.sentences[s].position)).collect::<Vec<_>>(),
        vec![(0, 0), (1, 0), (2, 0)]
    );
}

#[test]
fn support_names_the_reports_that_repeat_the_fact_and_not_the_others() {
    let c = attack();
    let fact = c.sentences.iter().position(|s| s.doc == 0 && s.text.contains("militants")).unwrap_or(usize::MAX);
    let support = Support::new(&c);
    assert_eq!(support.of(fact), vec![1, 2]);
    let detail = c.sentences.iter().position(|s| s.text.contains("football")).unwrap_or(usize::MAX);
    assert!(support.of(detail).is_empty());
}

/// Regression: on a huge cluster whose sentences nearest the centroid are all headlines, the
/// graph methods chose nothing ("no sentence fits … (--truncate)" although truncation was on).
#[test]
fn graph_methods_choose_from_a_huge_cluster_crowded_with_headlines() {
    let headlines = vec!["#gas plant siege hostages amenas"; 700].join(". ");
    let c =
        corpus(&[&headlines, "militants seized the gas plant near amenas on wednesday. the army surrounded the plant"]);
    for name in ["lexrank", "textrank"] {
        let chosen = method(name)
            .map(|m| m.select(&c, &Budget { limit: Limit::Words(100), truncate: true }))
            .unwrap_or_default();
        assert!(!chosen.is_empty(), "{name} chose nothing");
        assert!(chosen.iter().all(|&s| c.sentences[s].is_eligible()), "{name}");
    }
}
