//! The label folders of issue 13 (`tests/labels/dev2026/`, `tests/labels/heldout2026/`) are
//! well formed: the current reader still reads them, and the fields it does not know yet
//! (groups with verdicts and units, must-not-pair entries; schema in `dev2026/README.md`) hold
//! together. Needs no data and runs no figures code on the clusters: it reads label files only.

use chorus_figures::eval::read_labels;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

const VERDICTS: &[&str] = &["agree", "consistent", "disagree", "updated", "one_report"];
const EVENTS: &[&str] = &["killed", "injured", "missing", "held", "freed", "escaped", "safe", "arrested", "present"];
/// Measure kinds and the units each allows (see the table in `dev2026/README.md`).
const UNITS: &[(&[&str], &[&str])] = &[
    (&["depth", "distance", "altitude", "height", "length"], &["m", "km", "ft", "mi", "nmi"]),
    (&["speed"], &["km/h", "mph", "knot", "m/s", "ft/min"]),
    (&["area"], &["ha", "acre", "km2", "sq mi"]),
    (&["weight"], &["kg", "lb", "t", "ton"]),
    (&["duration"], &["s", "min", "h", "day", "week", "year"]),
    (&["money"], &["usd", "kes", "rub"]),
    (&["percent"], &["%", "point"]),
    (&["magnitude"], &["M-class", "category", "magnitude"]),
    (&["time"], &["clock"]),
    (&["age"], &["year"]),
];

fn folder(set: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/labels").join(set)
}

fn str_of<'a>(value: &'a Value, field: &str, what: &str) -> &'a str {
    value[field].as_str().unwrap_or_else(|| panic!("{what}: no string {field:?}"))
}

fn list<'a>(value: &'a Value, field: &str, what: &str) -> &'a Vec<Value> {
    value[field].as_array().unwrap_or_else(|| panic!("{what}: no list {field:?}"))
}

/// (value, doc) pairs and (doc, byte offset) mentions of one labelled group.
type Sides = (BTreeSet<(String, String)>, BTreeSet<(String, u64)>);

/// Checks one group and returns its pairs and mentions.
fn check_group(group: &Value, what: &str) -> Sides {
    assert!(VERDICTS.contains(&str_of(group, "verdict", what)), "{what}: unknown verdict");
    for also in group["also"].as_array().into_iter().flatten() {
        assert!(also.as_str().is_some_and(|a| VERDICTS.contains(&a)), "{what}: unknown verdict in also: {also}");
    }
    if let Some(event) = group.get("event") {
        assert!(event.as_str().is_some_and(|e| EVENTS.contains(&e)), "{what}: event {event} not in the closed set");
    }
    let allowed: Option<&[&str]> = group.get("measure").map(|measure| {
        let kind = measure.as_str().unwrap_or_else(|| panic!("{what}: measure is not a string"));
        let (_, units) =
            UNITS.iter().find(|(kinds, _)| kinds.contains(&kind)).unwrap_or_else(|| panic!("{what}: measure {kind}"));
        assert!(units.contains(&str_of(group, "unit", what)), "{what}: group unit not one of {units:?}");
        *units
    });
    let (mut pairs, mut mentions) = Sides::default();
    let values = list(group, "values", what);
    assert!(!values.is_empty(), "{what}: no values");
    for value in values {
        let number = value["value"].as_f64().unwrap_or_else(|| panic!("{what}: value {value} is not a number"));
        assert!(!str_of(value, "text", what).is_empty(), "{what}: empty text");
        if let (Some(units), Some(unit)) = (allowed, value.get("unit")) {
            assert!(
                unit.as_str().is_some_and(|u| units.contains(&u)),
                "{what}: value unit {unit} not one of {units:?}"
            );
        }
        let docs = list(value, "docs", what);
        let at = list(value, "at", what);
        assert!(!docs.is_empty() && docs.len() == at.len(), "{what}: docs and at differ in length: {value}");
        for (doc, at) in docs.iter().zip(at) {
            let doc = doc.as_str().unwrap_or_else(|| panic!("{what}: doc id {doc} is not a string")).to_owned();
            let at = at.as_u64().unwrap_or_else(|| panic!("{what}: at {at} is not an offset"));
            pairs.insert((number.to_string(), doc.clone()));
            mentions.insert((doc, at));
        }
    }
    (pairs, mentions)
}

/// The old-format disputes a file must carry: its non-context `disagree`/`updated` groups with
/// an event and whole values, values merged by number, docs sorted.
fn legacy_disputes(groups: &[Value]) -> Vec<Value> {
    let mut disputes = Vec::new();
    for group in groups {
        let disputed = matches!(group["verdict"].as_str(), Some("disagree" | "updated"));
        let whole = list(group, "values", "group").iter().all(|v| v["value"].is_u64());
        if !disputed || group.get("context").is_some() || group.get("measure").is_some() || !whole {
            continue;
        }
        let Some(event) = group.get("event") else { continue };
        let mut by_value: Vec<(u64, BTreeSet<String>)> = Vec::new();
        for value in list(group, "values", "group") {
            let number = value["value"].as_u64().unwrap_or_default();
            let docs = list(value, "docs", "value").iter().filter_map(|d| d.as_str().map(str::to_owned));
            match by_value.iter_mut().find(|(n, _)| *n == number) {
                Some((_, known)) => known.extend(docs),
                None => by_value.push((number, docs.collect())),
            }
        }
        let values: Vec<Value> =
            by_value.into_iter().map(|(n, docs)| serde_json::json!({"value": n, "docs": docs})).collect();
        disputes.push(serde_json::json!({"counted": group["counted"], "event": event, "values": values}));
    }
    disputes
}

fn check_folder(set: &str, min_clusters: usize) {
    let dir = folder(set);
    let labels = read_labels(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert!(labels.len() >= min_clusters, "{set}: only {} label files", labels.len());
    for cluster in labels.keys() {
        let path = dir.join(format!("{cluster}.json"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let file: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let groups = list(&file, "groups", cluster);
        let mut sides: BTreeMap<&str, Sides> = BTreeMap::new();
        for group in groups {
            let id = str_of(group, "id", cluster);
            let what = format!("{cluster} {id}");
            assert!(sides.insert(id, check_group(group, &what)).is_none(), "{what}: id used twice");
        }
        for entry in list(&file, "must_not_pair", cluster) {
            let (a, b) = (str_of(entry, "a", cluster), str_of(entry, "b", cluster));
            let what = format!("{cluster} must_not_pair {a} {b}");
            let (Some(sa), Some(sb)) = (sides.get(a), sides.get(b)) else { panic!("{what}: names no group") };
            assert!(!str_of(entry, "why", &what).is_empty(), "{what}: no reason");
            // Each side needs a pair or a mention of its own, or no pairing could be detected.
            let by_pairs = sa.0.difference(&sb.0).next().is_some() && sb.0.difference(&sa.0).next().is_some();
            let by_mentions = sa.1.difference(&sb.1).next().is_some() && sb.1.difference(&sa.1).next().is_some();
            assert!(a != b && (by_pairs || by_mentions), "{what}: the two sides cannot be told apart");
        }
        assert_eq!(
            list(&file, "disputed", cluster),
            &legacy_disputes(groups),
            "{cluster}: disputed is not derived from groups"
        );
    }
}

#[test]
fn the_dev_labels_of_issue_13_are_well_formed() {
    check_folder("dev2026", 20);
}

#[test]
fn the_held_out_labels_of_issue_13_are_well_formed() {
    check_folder("heldout2026", 10);
}

#[test]
fn a_malformed_group_is_caught() {
    let group = serde_json::json!({"id": "x", "verdict": "disputed", "values": []});
    let result = std::panic::catch_unwind(|| check_group(&group, "t x"));
    assert!(result.is_err(), "an unknown verdict passed");
    let group = serde_json::json!({"id": "x", "verdict": "agree", "measure": "depth", "unit": "m",
        "values": [{"value": 3, "text": "3 feet", "unit": "furlong", "docs": ["0"], "at": [4]}]});
    assert!(std::panic::catch_unwind(|| check_group(&group, "t x")).is_err(), "an unknown unit passed");
    let group = serde_json::json!({"id": "x", "verdict": "agree",
        "values": [{"value": 3, "text": "three", "docs": ["0", "1"], "at": [4]}]});
    assert!(std::panic::catch_unwind(|| check_group(&group, "t x")).is_err(), "docs without offsets passed");
}
