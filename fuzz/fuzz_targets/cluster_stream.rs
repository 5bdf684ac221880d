//! An arbitrary JSONL article stream through the online clusterer: a bad line is an error, never
//! a panic; scores lie in [0, 1]; an event is new exactly when its id was not seen before; and
//! clustering is online (a prefix of the stream gets the same assignments on its own).
#![no_main]

use chorus::cluster::{Article, Clusterer, Config};
use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;

/// The assignments of a stream's lines, as (event, new_event) or None for a refused line.
fn assign(lines: &[&str]) -> Vec<Option<(u64, bool)>> {
    let mut clusterer = Clusterer::new(Config::default());
    let mut seen = HashSet::new();
    lines
        .iter()
        .map(|line| {
            let article = Article::from_json(line).ok()?;
            let assignment = clusterer.add(&article).ok()?;
            assert!((0.0..=1.0 + 1e-9).contains(&assignment.score), "score {}", assignment.score);
            assert_eq!(assignment.new_event, seen.insert(assignment.event.0), "new_event iff a new id");
            Some((assignment.event.0, assignment.new_event))
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lines: Vec<&str> = text.split('\n').take(64).collect();
    let all = assign(&lines);
    let half = lines.len() / 2;
    assert_eq!(assign(&lines[..half]), all[..half], "a prefix is assigned as in the whole stream");
});
