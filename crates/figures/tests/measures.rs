//! Grouping rules for measures with units and the confidence of groups, on small clusters
//! written for each rule (the units themselves are in `tests/golden/measures.tsv`).

mod common;

use chorus_core::Document;
use chorus_figures::{extract, group, FigureGroup, Verdict, SHOWN_CONFIDENCE};

/// The groups of a cluster of one-line reports, and for each group its numbers as written.
fn groups_of(reports: &[&str]) -> Vec<(FigureGroup, Vec<String>)> {
    let documents: Vec<Document> =
        reports.iter().enumerate().map(|(i, text)| Document::new(i.to_string(), *text)).collect();
    let claims = extract(&common::corpus_of(&documents), &documents);
    group(&claims)
        .into_iter()
        .map(|g| {
            let numbers = g.claims.iter().map(|&c| claims[c].number_text.clone()).collect();
            (g, numbers)
        })
        .collect()
}

fn numbers(groups: &[(FigureGroup, Vec<String>)]) -> Vec<Vec<&str>> {
    groups.iter().map(|(_, n)| n.iter().map(String::as_str).collect()).collect()
}

#[test]
fn a_measure_and_its_conversion_are_one_figure() {
    let groups =
        groups_of(&["The Kursk lies 350 feet down.", "The wreck lies 107 metres down.", "It is 108 metres down."]);
    assert_eq!(numbers(&groups), [vec!["350 feet", "107 metres"], vec!["108 metres"]]);
    assert_eq!(groups[0].0.verdict, Verdict::Agree);
    let groups = groups_of(&["The crash site is 10 miles (15 kilometers) from the town."]);
    assert_eq!(numbers(&groups), [vec!["10 miles", "15 kilometers"]]);
}

#[test]
fn conversions_further_apart_than_the_tolerance_stay_apart() {
    let groups = groups_of(&["The plane fell about 150 miles from Moscow.", "It fell 270 kilometers from Moscow."]);
    assert_eq!(numbers(&groups), [vec!["150 miles"], vec!["270 kilometers"]]);
}

#[test]
fn values_of_one_measured_thing_are_one_figure_that_may_disagree() {
    let groups = groups_of(&[
        "The Kursk lies at a depth of 350 feet.",
        "The Kursk lies at a depth of 330 feet; its take-off speed of 250 mph is moot.",
        "It was 107 metres deep.",
    ]);
    assert_eq!(numbers(&groups), [vec!["350 feet", "330 feet", "107 metres"], vec!["250 mph"]]);
    assert_eq!(groups[0].0.verdict, Verdict::Disagree);
    let groups =
        groups_of(&["Concorde has a cruising speed of 1,350 mph.", "It has a cruising speed of about 1,300 mph."]);
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].0.verdict, Verdict::Consistent);
    let groups = groups_of(&["A depth of 350 feet.", "A depth of 107 metres."]);
    assert_eq!(groups[0].0.verdict, Verdict::Agree);
}

#[test]
fn a_report_giving_one_thing_two_values_names_several_incidents() {
    let groups = groups_of(&[
        "The quake struck at a depth of 35 kilometers; an aftershock struck at a depth of 10 kilometers.",
        "The quake struck at a depth of 30 kilometers.",
    ]);
    assert_eq!(numbers(&groups), [vec!["35 kilometers"], vec!["10 kilometers"], vec!["30 kilometers"]]);
}

#[test]
fn measures_of_unread_things_group_only_by_value() {
    let groups = groups_of(&["Pensions rose by 20 percent.", "Salaries rose by 30 percent."]);
    assert_eq!(numbers(&groups), [vec!["20 percent"], vec!["30 percent"]]);
}

#[test]
fn a_floor_is_not_the_bare_figure() {
    let groups = groups_of(&["Polls gave Putin more than 50 percent.", "Turnout passed the 50 percent needed."]);
    assert_eq!(numbers(&groups), [vec!["50 percent"], vec!["50 percent"]]);
}

#[test]
fn a_report_giving_a_measure_twice_keeps_its_claims_apart() {
    let groups = groups_of(&[
        "The grapefruit crop will grow 73 percent.",
        "Valencias are up 73 percent; grapefruit is up 73 percent.",
    ]);
    assert_eq!(groups.len(), 3, "{:?}", numbers(&groups));
    assert!(groups.iter().all(|(g, _)| g.claims.len() == 1));
}

#[test]
fn confidence_grows_with_the_reports_and_only_confident_disputes_are_shown() {
    let one = groups_of(&["Gunmen killed 23 hostages, the ministry said."]);
    let three = groups_of(&[
        "Gunmen killed 23 hostages, the ministry said.",
        "Gunmen killed 23 hostages, officials said.",
        "Gunmen killed 23 hostages.",
    ]);
    assert!(three[0].0.confidence > one[0].0.confidence);
    let disputed = groups_of(&[
        "Gunmen killed 23 hostages, the ministry said.",
        "Gunmen killed 35 hostages, the militants said.",
        "Gunmen killed 23 hostages, officials said.",
    ]);
    let group = &disputed[0].0;
    assert!(group.is_disputed() && group.confidence >= SHOWN_CONFIDENCE && group.is_shown());
}
