//! The example cluster: the figures a reader must see side by side.

mod common;

use chorus_figures::{extract, group, Claim, Event, FigureGroup, Value, Verdict};

fn example() -> (Vec<Claim>, Vec<FigureGroup>, Vec<chorus_core::Document>) {
    let folder = common::crate_dir().join("../../examples/in-amenas");
    let documents = common::example_documents(&folder);
    let corpus = common::corpus_of(&documents);
    let claims = extract(&corpus, &documents);
    let groups = group(&claims);
    (claims, groups, documents)
}

fn find<'a>(groups: &'a [FigureGroup], counted: &str, event: Event) -> &'a FigureGroup {
    groups
        .iter()
        .find(|g| g.counted == counted && g.event == Some(event) && g.phase.is_none())
        .unwrap_or_else(|| panic!("no group {counted} {event:?}"))
}

fn exact_values(group: &FigureGroup) -> Vec<u64> {
    let mut values: Vec<u64> = group.values.iter().filter_map(|v| v.value.exact()).collect();
    values.sort_unstable();
    values
}

#[test]
fn hostage_toll_is_updated_from_the_militants_claim_to_the_ministry_count() {
    let (_, groups, _) = example();
    let hostages = find(&groups, "hostage", Event::Killed);
    assert_eq!(exact_values(hostages), [23, 35]);
    assert_eq!(hostages.verdict, Verdict::Updated);
    assert_eq!(hostages.latest, Some(23));
    let official = hostages.values.iter().find(|v| v.value == Value::Exact(23)).map(|v| v.attributions.clone());
    assert!(official.is_some_and(|a| a.iter().any(|s| s.contains("interior ministry"))));
    assert!(hostages.is_disputed());
}

#[test]
fn militants_terrorists_and_captors_are_one_quantity() {
    let (claims, groups, _) = example();
    let militants = find(&groups, "militant", Event::Killed);
    assert_eq!(exact_values(militants), [15, 32]);
    let counted: Vec<&str> = militants.claims.iter().map(|&i| claims[i].counted.as_str()).collect();
    for synonym in ["terrorist", "captor", "militant"] {
        assert!(counted.contains(&synonym), "{synonym} missing from {counted:?}");
    }
}

#[test]
fn the_final_assault_stays_apart_from_the_total() {
    let (_, groups, _) = example();
    let final_assault =
        groups.iter().find(|g| g.counted == "hostage" && g.event == Some(Event::Killed) && g.phase.is_some());
    let final_assault = final_assault.unwrap_or_else(|| panic!("no final-assault group"));
    assert_eq!(exact_values(final_assault), [7]);
    assert_eq!(final_assault.values[0].docs.len(), 2, "both reports of the final assault");
    assert_eq!(final_assault.verdict, Verdict::Agree);
}

#[test]
fn subsets_do_not_merge_with_totals() {
    let (_, groups, _) = example();
    let algerians = find(&groups, "algerian", Event::Freed);
    assert_eq!(exact_values(algerians), [685]);
    assert_eq!(algerians.values[0].docs.len(), 2, "Algerian workers and Algerian hostages are one quantity");
    assert_eq!(algerians.verdict, Verdict::Agree);
    let foreign = find(&groups, "foreign", Event::Freed);
    assert!(!exact_values(foreign).contains(&685));
    assert!(!exact_values(find(&groups, "hostage", Event::Killed)).contains(&7));
}

#[test]
fn claims_carry_their_source_day_and_bytes() {
    let (claims, _, documents) = example();
    let corpus = common::corpus_of(&documents);
    let twenty_three = claims.iter().find(|c| c.number_text == "Twenty-three");
    let twenty_three = twenty_three.unwrap_or_else(|| panic!("no claim for Twenty-three"));
    assert_eq!(twenty_three.value, Value::Exact(23));
    assert_eq!(twenty_three.counted, "hostage");
    assert_eq!(twenty_three.event, Some(Event::Killed));
    assert_eq!(twenty_three.day.as_deref(), Some("on Saturday"));
    assert_eq!(twenty_three.attribution.as_deref(), Some("the Algerian interior ministry said"));
    assert_eq!(documents[twenty_three.doc_index].id, twenty_three.doc);
    let sentence = &corpus.sentences[twenty_three.sentence].text;
    assert_eq!(&sentence[twenty_three.number_range.clone()], "Twenty-three");
    assert_eq!(&sentence[twenty_three.claim_range.clone()], "Twenty-three hostages");

    let some = claims.iter().find(|c| c.number_text == "685" && c.qualifier.is_some());
    assert_eq!(some.and_then(|c| c.qualifier.as_deref()), Some("some"));
    let by_friday = claims.iter().find(|c| c.number_text == "100");
    assert_eq!(by_friday.and_then(|c| c.day.as_deref()), Some("by Friday"));
    assert_eq!(by_friday.and_then(|c| c.qualifier.as_deref()), Some("around"));
}

#[test]
fn a_pronoun_source_stands_for_the_last_named_one() {
    let (claims, _, _) = example();
    let freed = claims.iter().find(|c| c.number_text == "107" && c.counted == "foreigner");
    assert_eq!(freed.and_then(|c| c.attribution.as_deref()), Some("the Algerian interior ministry said"));
}

#[test]
fn elliptical_counts_borrow_the_noun_of_the_previous_count() {
    let (claims, _, _) = example();
    let eight = claims.iter().find(|c| c.number_text == "eight" && c.elliptical);
    let eight = eight.unwrap_or_else(|| panic!("no elliptical eight"));
    assert_eq!((eight.counted.as_str(), eight.event), ("norwegian", Some(Event::Safe)));
}

#[test]
fn number_traps_in_the_example_give_no_claims() {
    let (claims, _, _) = example();
    let numbers: Vec<&str> = claims.iter().map(|c| c.number_text.as_str()).collect();
    for trap in ["1993", "47", "40", "52", "36", "50", "30", "2013"] {
        assert!(!numbers.contains(&trap), "{trap} read as a count: {numbers:?}");
    }
    assert!(claims.iter().all(|c| !c.counted.contains("year") && !c.counted.contains("kilomet")));
}

#[test]
fn output_serialises() {
    let (claims, groups, _) = example();
    let json = serde_json::to_string(&(claims, groups)).unwrap_or_else(|e| panic!("serialise: {e}"));
    assert!(json.contains("\"verdict\":\"updated\""));
    assert!(json.contains("\"event\":\"killed\""));
}
