//! What `stream`, `events` and `brief` share: turning an event's stored articles into a cluster,
//! and bringing an event's stored brief up to date. The only calls into the summarizer facade.

use anyhow::Context;
use chorus::store::{BriefVersion, Store, StoreError};
use chorus::{Cluster, Format, Summarizer};
use serde_json::{json, Map, Value};
use std::collections::HashSet;

/// Opens the store of a command that reads one (`events`, `brief`, `store expire`): a path where
/// no store is, a typo most likely, is an error rather than a new empty store listing nothing.
pub fn open_existing(dir: &std::path::Path) -> anyhow::Result<Store> {
    let file = dir.join(chorus::store::FILE);
    anyhow::ensure!(
        file.is_file(),
        "{}: no store here (no {}); `chorus stream --store {}` makes one",
        dir.display(),
        chorus::store::FILE,
        dir.display()
    );
    Ok(Store::open(dir)?)
}

/// `e17` (as `chorus stream` prints it) or `17` → 17.
pub fn parse_event(text: &str) -> anyhow::Result<u64> {
    text.strip_prefix('e')
        .unwrap_or(text)
        .parse()
        .map_err(|_| anyhow::anyhow!("{text:?} is not an event id (e.g. e3, as `chorus events` lists them)"))
}

/// The cluster of an event: the articles at `sequences` as its reports, those at `seen` as
/// reports the reader has already read.
pub fn cluster(store: &Store, event: u64, sequences: &[u64], seen: &[u64]) -> anyhow::Result<Cluster> {
    let documents =
        |sequences: &[u64]| -> anyhow::Result<Vec<Value>> { sequences.iter().map(|&s| document(store, s)).collect() };
    let value = json!({"id": format!("e{event}"), "documents": documents(sequences)?, "seen": documents(seen)?});
    Ok(chorus::ingest::cluster_from_json(&value.to_string(), &format!("e{event}"))?)
}

/// One stored article as a JSON cluster document (`{"id", "text", "title"?, "date"?}`); an
/// HTML article becomes its extracted text.
fn document(store: &Store, sequence: u64) -> anyhow::Result<Value> {
    let record = store.record(sequence)?.with_context(|| format!("{}: article {sequence} is missing", store.path()))?;
    let Ok(Value::Object(fields)) = serde_json::from_str::<Value>(&record) else {
        anyhow::bail!("{}: article {sequence} is not a JSON object", store.path());
    };
    let mut document = Map::new();
    for name in ["id", "title", "date"] {
        if let Some(value) = fields.get(name) {
            document.insert(name.into(), value.clone());
        }
    }
    let text = match (fields.get("text"), fields.get("html")) {
        (Some(Value::String(text)), _) => text.clone(),
        (_, Some(Value::String(html))) => {
            chorus::ingest::html_document(sequence.to_string(), html.clone()).map(|d| d.original).unwrap_or_default()
        }
        _ => String::new(),
    };
    document.insert("text".into(), Value::String(text));
    Ok(Value::Object(document))
}

/// Brings stale events' briefs up to date, in one transaction: a new version of each, with what
/// it added, when its articles changed since the latest one. An event that cannot be briefed
/// (no complete sentence yet) is settled without one and reported on stderr.
pub fn rebrief(store: &Store, summarizer: &Summarizer, events: impl IntoIterator<Item = u64>) -> anyhow::Result<()> {
    let mut settled = Vec::new();
    for event in events {
        let version = match next_version(store, summarizer, event) {
            Ok(version) => version,
            // The store failing is the stream's end; an event that cannot be briefed is not.
            Err(error) if error.chain().any(|e| e.is::<StoreError>()) => return Err(error),
            Err(error) => {
                eprintln!("chorus: {error:#}");
                None
            }
        };
        settled.push((event, version));
    }
    store.settle(&settled)?;
    Ok(())
}

/// The next version of an event's brief, or `None` when the latest is current.
fn next_version(store: &Store, summarizer: &Summarizer, event: u64) -> anyhow::Result<Option<BriefVersion>> {
    let record = store.event(event)?.with_context(|| format!("{}: no event e{event}", store.path()))?;
    let previous = store.brief(event, None)?.map(|(_, version)| version);
    if previous.as_ref().is_some_and(|p| p.articles == record.articles) {
        return Ok(None);
    }
    let brief = summarizer
        .summarize(cluster(store, event, &record.articles, &[])?)
        .with_context(|| format!("e{event}: cannot brief"))?;
    let had: HashSet<u64> = previous.iter().flat_map(|p| p.articles.iter().copied()).collect();
    let old_sentences: HashSet<&str> = previous
        .iter()
        .flat_map(|p| p.brief["sentences"].as_array().into_iter().flatten())
        .filter_map(|s| s["text"].as_str())
        .collect();
    Ok(Some(BriefVersion {
        added_articles: (record.articles.iter().zip(&record.ids))
            .filter(|(sequence, _)| !had.contains(sequence))
            .map(|(_, id)| id.clone())
            .collect(),
        added_sentences: (brief.sentences.iter())
            .filter(|s| !old_sentences.contains(s.text.as_str()))
            .map(|s| s.text.clone())
            .collect(),
        disputed: brief.figures.iter().filter(|g| g.verdict == chorus::figures::Verdict::Disagree).count(),
        brief: serde_json::from_str(&chorus::render(&brief, Format::Json))?,
        articles: record.articles,
    }))
}
