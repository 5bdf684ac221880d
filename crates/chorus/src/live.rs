//! Live events: a stream of articles kept in a [`Store`], each assigned to an event, every
//! event's brief kept current as versions. `chorus stream`, `events`, `brief` and `chorus serve
//! --store` are thin layers over this module, so they behave the same.
//!
//! [`Live`] is the one writer of a store: it owns the clusterer, rebuilt on open by replaying the
//! stored articles in order. [`Live::add`] assigns a batch of stream lines and commits them in
//! one transaction; [`Live::settle`] then briefs the events that changed. Readers ([`events`],
//! [`event`], [`brief`], [`history`]) take only a `&Store`, so within one process they run while
//! the writer works (redb gives each read a consistent snapshot).
//!
//! ```
//! use chorus::{live, Budget, Summarizer};
//!
//! let dir = tempfile::tempdir()?;
//! let summarizer = Summarizer::new(chorus::DEFAULT_METHOD, Budget::words(40))?;
//! let mut live = live::Live::open(dir.path(), summarizer)?;
//! let line = r#"{"id": "a1", "date": "2026-03-02", "title": "Flood", "text": "The river rose two metres overnight. Schools closed on Monday."}"#;
//! let acks = live.add(vec![(1, Ok(line.to_owned()))])?;
//! assert_eq!(acks, [live::Ack::Acknowledged { id: "a1".into(), event: "e0".into() }]);
//! assert!(live.settle()?.is_empty(), "every changed event has a brief");
//! let listed = live::events(live.store(), None)?;
//! assert_eq!((listed[0].id.as_str(), listed[0].version), ("e0", Some(1)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::{Brief, Cluster, Format, Summarizer};
use chorus_cluster::{Article, Assignment, Clusterer, Config};
use chorus_store::{BriefVersion, EventRecord, NewArticle, Store, StoreError};
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

/// Why a live operation failed. Messages are one line that names the store or the event.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LiveError {
    /// The store failed (in use, damaged, disk full): the stream cannot go on.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The store holds something this chorus cannot replay or read back.
    #[error("{0}")]
    Inconsistent(String),
    /// Not an event id (`e3` or `3`).
    #[error("{0:?} is not an event id (e.g. e3, as `chorus events` lists them)")]
    BadEventId(String),
    /// No such event in the store (never, or expired).
    #[error("{store}: no event e{event}")]
    UnknownEvent {
        /// The store's file.
        store: String,
        /// The event asked for.
        event: u64,
    },
    /// The event has no brief of that version.
    #[error("e{event} has no brief version {version} (the latest is {latest})")]
    UnknownVersion {
        /// The event.
        event: u64,
        /// The version asked for.
        version: u32,
        /// Its latest version (0 before any brief).
        latest: u32,
    },
    /// Every article of the event was covered by that version already.
    #[error("e{event}: nothing new since version {since}")]
    NothingNew {
        /// The event.
        event: u64,
        /// The version the reader has read.
        since: u32,
    },
    /// No store in that directory: a reader given a mistyped path, which must not create an
    /// empty store and list nothing.
    #[error("{0}: no store here (no {file}); `chorus stream --store {0}` makes one", file = chorus_store::FILE)]
    NoStore(String),
    /// The event's articles could not be briefed (no complete sentence, nothing fits).
    #[error("e{event}: {error}")]
    Brief {
        /// The event.
        event: u64,
        /// The summarizer's reason.
        error: crate::Error,
    },
}

/// What became of one line of a stream: `{"id", "event"}` once committed, or `{"line", "error"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Ack {
    /// The article is stored in this event (`e17`).
    Acknowledged {
        /// The article's id.
        id: String,
        /// Its event.
        event: String,
    },
    /// The line was not taken; the others go on.
    Error {
        /// Its 1-based line number.
        line: usize,
        /// Why (one line).
        error: String,
    },
}

/// Opens the store in `dir` for reading (`events`, `brief`, `store expire`): unlike
/// [`Live::open`], a directory without a store is an error rather than a new, empty store.
pub fn open_existing(dir: &Path) -> Result<Store, LiveError> {
    if !dir.join(chorus_store::FILE).is_file() {
        return Err(LiveError::NoStore(dir.display().to_string()));
    }
    Ok(Store::open(dir)?)
}

/// One line of a stream: its 1-based number and its text, or why it could not be read.
pub type Line = (usize, Result<String, String>);

/// The writer of a live store: the store, the clusterer rebuilt from it, and the summarizer that
/// briefs changed events.
pub struct Live {
    store: Arc<Store>,
    clusterer: Clusterer,
    events: Events,
    summarizer: Summarizer,
}

impl Live {
    /// Opens (or creates) the store in `dir` and rebuilds the clusterer by replaying its
    /// articles. Events a crash left without a current brief are still stale: call
    /// [`Live::settle`] next.
    pub fn open(dir: &Path, summarizer: Summarizer) -> Result<Live, LiveError> {
        let store = Store::open(dir)?;
        let mut clusterer = Clusterer::new(Config::default());
        let mut events = Events { live: HashMap::new(), next: store.next_event()? };
        replay(&store, &mut clusterer, &mut events)?;
        Ok(Live { store: Arc::new(store), clusterer, events, summarizer })
    }

    /// The store, for readers that run beside the writer.
    pub fn store(&self) -> &Arc<Store> {
        &self.store
    }

    /// Assigns a batch of lines and commits the new articles with their events in one
    /// transaction; returns one [`Ack`] per non-blank line, in order, once committed. An id the
    /// store already has is acknowledged with its stored event and not stored twice. A bad line
    /// gets an error ack; only a store failure fails the batch (then nothing of it is stored).
    pub fn add(&mut self, batch: Vec<Line>) -> Result<Vec<Ack>, LiveError> {
        let mut acks = Vec::with_capacity(batch.len());
        let mut new: Vec<NewArticle> = Vec::new();
        let mut pending: HashMap<String, u64> = HashMap::new();
        for (number, line) in batch {
            let line = match line {
                Ok(line) if line.trim().is_empty() => continue,
                Ok(line) => line,
                Err(error) => {
                    acks.push(Ack::Error { line: number, error });
                    continue;
                }
            };
            let article = match Article::from_json(&line) {
                Ok(article) => article,
                Err(error) => {
                    acks.push(Ack::Error { line: number, error: error.to_string() });
                    continue;
                }
            };
            // An article stored before (a stream fed again after a crash) keeps its event.
            let known = match pending.get(&article.id) {
                Some(&event) => Some(event),
                None => self.store.article(&article.id)?.map(|stored| stored.event),
            };
            let event = match known {
                Some(event) => event,
                None => match self.clusterer.add(&article) {
                    Ok(assignment) => {
                        let event = self.events.stored(&assignment);
                        pending.insert(article.id.clone(), event);
                        new.push(NewArticle::new(article.id.clone(), line.trim_end(), event));
                        event
                    }
                    Err(error) => {
                        acks.push(Ack::Error { line: number, error: error.to_string() });
                        continue;
                    }
                },
            };
            acks.push(Ack::Acknowledged { id: article.id, event: format!("e{event}") });
        }
        self.store.commit(&new)?;
        Ok(acks)
    }

    /// Brings every stale event's brief up to date, in one transaction: a new version of each
    /// whose articles changed since its latest one, recording what it added. An event that cannot
    /// be briefed yet (no complete sentence) is settled without one and tried again with its
    /// next article; the returned notes say which (one line each).
    pub fn settle(&self) -> Result<Vec<String>, LiveError> {
        let mut settled = Vec::new();
        let mut notes = Vec::new();
        for event in self.store.stale()? {
            let version = match next_version(&self.store, &self.summarizer, event) {
                Ok(version) => version,
                Err(LiveError::Brief { event, error }) => {
                    notes.push(format!("e{event}: cannot brief: {error}"));
                    None
                }
                Err(error) => return Err(error),
            };
            settled.push((event, version));
        }
        self.store.settle(&settled)?;
        Ok(notes)
    }
}

/// The stored event of each live event of the clusterer. Without expiry the two numberings are
/// the same; after it, a replay renumbers events (fewer articles), so each is mapped to the stored
/// event of its first replayed article, and a new one gets the store's next unused number.
struct Events {
    live: HashMap<u64, u64>,
    next: u64,
}

impl Events {
    /// The stored event of an assignment; forgets the events that retired (they take no more).
    fn stored(&mut self, assignment: &Assignment) -> u64 {
        let next = &mut self.next;
        let event = *self.live.entry(assignment.event.0).or_insert_with(|| {
            *next += 1;
            *next - 1
        });
        for retired in &assignment.retired {
            self.live.remove(&retired.0);
        }
        event
    }
}

/// Rebuilds the clusterer from the stored articles, in order. The clusterer is deterministic, so
/// each must land in its stored event, unless events were expired (then they are mapped).
fn replay(store: &Store, clusterer: &mut Clusterer, events: &mut Events) -> Result<(), LiveError> {
    let expired = store.expired()?;
    let path = store.path().to_owned();
    store.replay(|sequence, record, event| -> Result<(), LiveError> {
        let unreadable = |error: chorus_cluster::ArticleError| {
            LiveError::Inconsistent(format!("{path}: article {sequence}: {error}"))
        };
        let article = Article::from_json(record).map_err(unreadable)?;
        let assignment = clusterer.add(&article).map_err(unreadable)?;
        if !expired && assignment.event.0 != event {
            return Err(LiveError::Inconsistent(format!(
                "{path}: replaying article {:?} gives event {} but the store has e{event}: the store was written by \
                 a chorus that clusters differently",
                article.id, assignment.event
            )));
        }
        events.live.entry(assignment.event.0).or_insert(event);
        for retired in &assignment.retired {
            events.live.remove(&retired.0);
        }
        Ok(())
    })
}

/// The next version of an event's brief, or `None` when the latest is current.
fn next_version(store: &Store, summarizer: &Summarizer, event: u64) -> Result<Option<BriefVersion>, LiveError> {
    let record = store.event(event)?.ok_or_else(|| unknown(store, event))?;
    let previous = store.brief(event, None)?.map(|(_, version)| version);
    if previous.as_ref().is_some_and(|p| p.articles == record.articles) {
        return Ok(None);
    }
    let brief = summarizer
        .summarize(cluster(store, event, &record.articles, &[])?)
        .map_err(|error| LiveError::Brief { event, error })?;
    let had: HashSet<u64> = previous.iter().flat_map(|p| p.articles.iter().copied()).collect();
    let old_sentences: HashSet<&str> = previous
        .iter()
        .flat_map(|p| p.brief["sentences"].as_array().into_iter().flatten())
        .filter_map(|s| s["text"].as_str())
        .collect();
    let rendered = crate::render(&brief, Format::Json);
    Ok(Some(BriefVersion {
        added_articles: (record.articles.iter().zip(&record.ids))
            .filter(|(sequence, _)| !had.contains(sequence))
            .map(|(_, id)| id.clone())
            .collect(),
        added_sentences: (brief.sentences.iter())
            .filter(|s| !old_sentences.contains(s.text.as_str()))
            .map(|s| s.text.clone())
            .collect(),
        disputed: disputed(&brief),
        brief: serde_json::from_str(&rendered)
            .map_err(|e| LiveError::Inconsistent(format!("e{event}: the brief's JSON does not read back: {e}")))?,
        articles: record.articles,
    }))
}

/// Figure groups the reports disagree on.
fn disputed(brief: &Brief) -> usize {
    brief.figures.iter().filter(|g| g.verdict == chorus_figures::Verdict::Disagree).count()
}

fn unknown(store: &Store, event: u64) -> LiveError {
    LiveError::UnknownEvent { store: store.path().to_owned(), event }
}

/// `e17` (as `chorus stream` prints it) or `17` → 17.
pub fn parse_event(text: &str) -> Result<u64, LiveError> {
    text.strip_prefix('e').unwrap_or(text).parse().map_err(|_| LiveError::BadEventId(text.to_owned()))
}

/// One event as `chorus events --format json` and `GET /v1/events` list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventSummary {
    /// `e17`.
    pub id: String,
    /// The title of its first article that has one.
    pub title: Option<String>,
    /// Its earliest report date, as written.
    pub first: Option<String>,
    /// Its latest report date.
    pub last: Option<String>,
    /// How many reports it has.
    pub reports: usize,
    /// Its articles' ids, in arrival order.
    pub articles: Vec<String>,
    /// Figure groups the latest brief finds the reports disagree on (`null` before any brief).
    pub disputed: Option<usize>,
    /// The latest brief's version (`null` before any brief).
    pub version: Option<u32>,
}

/// The events of a store, newest activity first (the latest report date, then the latest
/// arrival), the first `limit` of them when given. Only those listed have their brief looked up.
pub fn events(store: &Store, limit: Option<usize>) -> Result<Vec<EventSummary>, LiveError> {
    let mut all = store.events()?;
    let newest = |event: &EventRecord| event.articles.last().copied().unwrap_or(0);
    all.sort_by(|(_, a), (_, b)| b.last.cmp(&a.last).then(newest(b).cmp(&newest(a))));
    all.into_iter().take(limit.unwrap_or(usize::MAX)).map(|(number, record)| summary(store, number, record)).collect()
}

/// One event's summary.
pub fn event(store: &Store, event: u64) -> Result<EventSummary, LiveError> {
    let record = store.event(event)?.ok_or_else(|| unknown(store, event))?;
    summary(store, event, record)
}

fn summary(store: &Store, number: u64, event: EventRecord) -> Result<EventSummary, LiveError> {
    let latest = store.brief(number, None)?;
    Ok(EventSummary {
        id: format!("e{number}"),
        reports: event.ids.len(),
        title: event.title,
        first: event.first,
        last: event.last,
        articles: event.ids,
        disputed: latest.as_ref().map(|(_, brief)| brief.disputed),
        version: latest.map(|(version, _)| version),
    })
}

/// What one version of an event's brief added, as `chorus brief --history --format json` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionSummary {
    /// The version, from 1.
    pub version: u32,
    /// How many reports it summarizes.
    pub reports: usize,
    /// Ids of the articles the previous version did not have.
    pub added_articles: Vec<String>,
    /// Its sentences the previous version did not have.
    pub added_sentences: Vec<String>,
    /// Figure groups its reports disagree on.
    pub disputed: usize,
}

/// What each version of an event's brief added, oldest first.
pub fn history(store: &Store, event: u64) -> Result<Vec<VersionSummary>, LiveError> {
    store.event(event)?.ok_or_else(|| unknown(store, event))?;
    Ok(store
        .briefs(event)?
        .into_iter()
        .map(|(version, brief)| VersionSummary {
            version,
            reports: brief.articles.len(),
            added_articles: brief.added_articles,
            added_sentences: brief.added_sentences,
            disputed: brief.disputed,
        })
        .collect())
}

/// An event's brief of all its articles, or with `since`, the update brief of what is new since
/// that version: the articles it covered are the reader's seen reports.
pub fn brief(store: &Store, summarizer: &Summarizer, event: u64, since: Option<u32>) -> Result<Brief, LiveError> {
    let record = store.event(event)?.ok_or_else(|| unknown(store, event))?;
    let seen = match since {
        None => Vec::new(),
        Some(version) => match store.brief(event, Some(version))? {
            Some((_, brief)) => brief.articles,
            None => {
                let latest = store.brief(event, None)?.map_or(0, |(v, _)| v);
                return Err(LiveError::UnknownVersion { event, version, latest });
            }
        },
    };
    let new: Vec<u64> = record.articles.iter().copied().filter(|s| !seen.contains(s)).collect();
    if new.is_empty() {
        return Err(LiveError::NothingNew { event, since: since.unwrap_or(0) });
    }
    summarizer.summarize(cluster(store, event, &new, &seen)?).map_err(|error| LiveError::Brief { event, error })
}

/// The cluster of an event: the articles at `sequences` as its reports, those at `seen` as
/// reports the reader has already read.
fn cluster(store: &Store, event: u64, sequences: &[u64], seen: &[u64]) -> Result<Cluster, LiveError> {
    let documents = |sequences: &[u64]| -> Result<Vec<Value>, LiveError> {
        sequences.iter().map(|&s| document(store, s)).collect()
    };
    let value = json!({"id": format!("e{event}"), "documents": documents(sequences)?, "seen": documents(seen)?});
    chorus_ingest::cluster_from_json(&value.to_string(), &format!("e{event}"))
        .map_err(|error| LiveError::Brief { event, error: error.into() })
}

/// One stored article as a JSON cluster document (`{"id", "text", "title"?, "date"?}`); an
/// HTML article becomes its extracted text.
fn document(store: &Store, sequence: u64) -> Result<Value, LiveError> {
    let missing = || LiveError::Inconsistent(format!("{}: article {sequence} is missing", store.path()));
    let record = store.record(sequence)?.ok_or_else(missing)?;
    let Ok(Value::Object(fields)) = serde_json::from_str::<Value>(&record) else {
        return Err(LiveError::Inconsistent(format!("{}: article {sequence} is not a JSON object", store.path())));
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
            chorus_ingest::html_document(sequence.to_string(), html.clone()).map(|d| d.original).unwrap_or_default()
        }
        _ => String::new(),
    };
    document.insert("text".into(), Value::String(text));
    Ok(Value::Object(document))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chorus_core::Budget;

    /// The bundled stream's lines, numbered from 1.
    fn stream() -> Vec<Line> {
        let text = include_str!("../../../examples/stream/articles.jsonl");
        text.lines().enumerate().map(|(i, line)| (i + 1, Ok(line.to_owned()))).collect()
    }

    fn open(dir: &Path) -> Live {
        Live::open(dir, Summarizer::new(crate::DEFAULT_METHOD, Budget::words(100)).expect("valid")).expect("opens")
    }

    fn event_of(ack: &Ack) -> &str {
        match ack {
            Ack::Acknowledged { event, .. } => event,
            Ack::Error { error, .. } => panic!("not acknowledged: {error}"),
        }
    }

    #[test]
    fn batches_are_acknowledged_briefed_as_versions_and_replayed_on_open() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut lines = stream();
        let rest = lines.split_off(7);
        let mut live = open(dir.path());
        let first = live.add(lines).expect("commits");
        assert_eq!(first.iter().map(event_of).collect::<Vec<_>>(), ["e0", "e0", "e0", "e1", "e0", "e2", "e1"]);
        assert!(live.settle().expect("briefs").is_empty());
        let merger = events(live.store(), None).expect("lists").into_iter().find(|e| e.id == "e1").expect("listed");
        assert_eq!((merger.reports, merger.version, merger.last.as_deref()), (2, Some(1), Some("2026-03-04")));
        drop(live);

        // A new process: the clusterer is replayed, so the rest lands as in one run.
        let mut live = open(dir.path());
        let second = live.add(rest).expect("commits");
        assert_eq!(event_of(&second[0]), "e0", "an article fed again keeps its event");
        assert_eq!(live.store().len().expect("reads"), 12, "and is not stored twice");
        live.settle().expect("briefs");
        let listed = events(live.store(), None).expect("lists");
        let newest = events(live.store(), Some(2)).expect("lists");
        assert_eq!(newest, listed[..2], "a limit keeps the newest");
        let merger = listed.iter().find(|e| e.id == "e1").expect("listed");
        assert_eq!((merger.reports, merger.version), (3, Some(2)));
        assert!(listed.windows(2).all(|w| w[0].last >= w[1].last), "newest activity first");
        let versions = history(live.store(), 1).expect("reads");
        assert_eq!(versions[1].added_articles, ["northway-shares-0305"]);

        let update = brief(live.store(), &live.summarizer, 1, Some(1)).expect("briefs");
        assert!(update.sentences.iter().all(|s| s.doc == "northway-shares-0305"), "only the new report leads");
        assert!(matches!(
            brief(live.store(), &live.summarizer, 1, Some(2)),
            Err(LiveError::NothingNew { since: 2, .. })
        ));
        let missing = brief(live.store(), &live.summarizer, 1, Some(9)).expect_err("refused").to_string();
        assert_eq!(missing, "e1 has no brief version 9 (the latest is 2)");
        assert!(matches!(event(live.store(), 99), Err(LiveError::UnknownEvent { event: 99, .. })));
    }

    #[test]
    fn a_bad_line_is_acknowledged_with_its_error_and_the_others_are_stored() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut live = open(dir.path());
        let mut lines = stream();
        lines.truncate(2);
        lines.insert(1, (7, Ok("{not json".into())));
        lines.push((8, Err("not UTF-8".into())));
        lines.push((9, Ok("   ".into())));
        let acks = live.add(lines).expect("commits");
        assert_eq!(acks.len(), 4, "a blank line gets no ack: {acks:?}");
        assert!(matches!(&acks[1], Ack::Error { line: 7, error } if error.starts_with("invalid JSON")), "{acks:?}");
        assert_eq!(acks[3], Ack::Error { line: 8, error: "not UTF-8".into() });
        assert_eq!(live.store().len().expect("reads"), 2);
        let json = serde_json::to_string(&acks[1]).expect("serializes");
        assert!(json.starts_with(r#"{"line":7,"error":"#), "{json}");
    }

    #[test]
    fn an_event_without_a_sentence_is_noted_and_briefed_with_its_next_article() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut live = open(dir.path());
        let line = |id: &str, text: &str| Ok(format!(r#"{{"id": "{id}", "title": "Dam", "text": "{text}"}}"#));
        live.add(vec![(1, line("a", "Corran river dam held overnight engineers said"))]).expect("commits");
        let notes = live.settle().expect("settles");
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].starts_with("e0: cannot brief: "), "{notes:?}");
        assert_eq!(event(live.store(), 0).expect("reads").version, None);
        assert!(live.store().stale().expect("reads").is_empty(), "settled without a brief");
        let acks = live
            .add(vec![(2, line("b", "Corran river dam held overnight, engineers said. Roads reopened on Tuesday."))]);
        assert_eq!(acks.expect("commits").iter().map(event_of).collect::<Vec<_>>(), ["e0"]);
        assert!(live.settle().expect("settles").is_empty());
        assert_eq!(event(live.store(), 0).expect("reads").version, Some(1));
    }

    #[test]
    fn event_ids_parse_with_or_without_the_e() {
        assert_eq!(parse_event("e17").expect("parses"), 17);
        assert_eq!(parse_event("3").expect("parses"), 3);
        assert!(parse_event("x1").is_err() && parse_event("e").is_err());
    }
}
