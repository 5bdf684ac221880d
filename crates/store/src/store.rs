//! The store: one redb file, its tables, and the schema version checked on open.

use crate::error::StoreError;
use crate::records::{BriefVersion, EventRecord, NewArticle, StoredArticle};
use redb::{Database, DatabaseError, ReadableDatabase, ReadableTable, ReadableTableMetadata, TableDefinition};
use std::fmt::Display;
use std::path::{Path, PathBuf};

/// The version of the schema below. Bump it when a table's key or value changes meaning; a
/// store of another version is refused on open (see the README for migration).
pub const SCHEMA_VERSION: u64 = 1;

/// The file of a store, inside its directory.
pub const FILE: &str = "chorus.redb";

/// redb's page cache.
const CACHE_BYTES: usize = 64 << 20;

/// `"schema"` → [`SCHEMA_VERSION`] of the writer; `"next_event"` → the number the next new event
/// gets (numbers are never reused); `"expired"` → 1 once events were expired.
const META: TableDefinition<&str, u64> = TableDefinition::new("meta");
/// Sequence (from 1, arrival order) → the stream record as received.
const ARTICLES: TableDefinition<u64, &str> = TableDefinition::new("articles");
/// Article id → (sequence, event number).
const ARTICLE_IDS: TableDefinition<&str, (u64, u64)> = TableDefinition::new("article_ids");
/// Event number → [`EventRecord`] as JSON.
const EVENTS: TableDefinition<u64, &str> = TableDefinition::new("events");
/// (event number, version from 1) → [`BriefVersion`] as JSON.
const BRIEFS: TableDefinition<(u64, u32), &str> = TableDefinition::new("briefs");
/// Event number → the sequence of its latest article, for the events whose brief has not been
/// brought up to date since (a crash between an article's commit and its event's brief).
const STALE: TableDefinition<u64, u64> = TableDefinition::new("stale");

/// An open store. One process at a time: opening a store another process holds fails with
/// [`StoreError::InUse`].
pub struct Store {
    db: Database,
    path: String,
}

impl Store {
    /// Opens the store in `dir`, creating the directory and an empty store if needed, and checks
    /// its schema version.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        let file: PathBuf = dir.join(FILE);
        let path = file.display().to_string();
        std::fs::create_dir_all(dir)
            .map_err(|e| StoreError::Io { path: path.clone(), reason: format!("cannot create the directory: {e}") })?;
        // redb caches pages it read up to a limit (1 GiB by default): a smaller one keeps the
        // memory of a long stream flat at little cost, since a stream mostly appends.
        let db = Database::builder().set_cache_size(CACHE_BYTES).create(&file).map_err(|e| match e {
            DatabaseError::DatabaseAlreadyOpen => StoreError::InUse(path.clone()),
            other => StoreError::Open { path: path.clone(), reason: other.to_string() },
        })?;
        let store = Store { db, path };
        store.check_schema()?;
        Ok(store)
    }

    /// The store's file, for messages.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Records the schema version in a new store, refuses a store of another version, and
    /// makes sure every table exists (so that readers need not handle a missing one).
    fn check_schema(&self) -> Result<(), StoreError> {
        let txn = self.db.begin_write().map_err(|e| self.io(e))?;
        {
            let mut meta = txn.open_table(META).map_err(|e| self.io(e))?;
            let found = meta.get("schema").map_err(|e| self.io(e))?.map(|v| v.value());
            match found {
                None => {
                    meta.insert("schema", SCHEMA_VERSION).map_err(|e| self.io(e))?;
                }
                Some(SCHEMA_VERSION) => {}
                Some(found) => {
                    let hint = if found > SCHEMA_VERSION {
                        "it was written by a newer chorus: use that one"
                    } else {
                        "no migration from that version exists: rebuild it by streaming its articles again"
                    };
                    return Err(StoreError::Version { path: self.path.clone(), found, expected: SCHEMA_VERSION, hint });
                }
            }
            txn.open_table(ARTICLES).map_err(|e| self.io(e))?;
            txn.open_table(ARTICLE_IDS).map_err(|e| self.io(e))?;
            txn.open_table(EVENTS).map_err(|e| self.io(e))?;
            txn.open_table(BRIEFS).map_err(|e| self.io(e))?;
            txn.open_table(STALE).map_err(|e| self.io(e))?;
        }
        txn.commit().map_err(|e| self.io(e))
    }

    /// Commits articles and their assignments in one transaction: afterwards all of them are
    /// stored, or (after a crash) none. Each id must not be stored yet ([`Store::article`]).
    pub fn commit(&self, articles: &[NewArticle]) -> Result<(), StoreError> {
        let txn = self.db.begin_write().map_err(|e| self.io(e))?;
        {
            let mut records = txn.open_table(ARTICLES).map_err(|e| self.io(e))?;
            let mut ids = txn.open_table(ARTICLE_IDS).map_err(|e| self.io(e))?;
            let mut events = txn.open_table(EVENTS).map_err(|e| self.io(e))?;
            let mut stale = txn.open_table(STALE).map_err(|e| self.io(e))?;
            let mut meta = txn.open_table(META).map_err(|e| self.io(e))?;
            let mut next_event = meta.get("next_event").map_err(|e| self.io(e))?.map_or(0, |v| v.value());
            let first = records.last().map_err(|e| self.io(e))?.map_or(1, |(key, _)| key.value() + 1);
            for (next, article) in (first..).zip(articles) {
                if ids.get(article.id.as_str()).map_err(|e| self.io(e))?.is_some() {
                    return Err(self.io(format!("article {:?} is already stored", article.id)));
                }
                records.insert(next, article.record.as_str()).map_err(|e| self.io(e))?;
                ids.insert(article.id.as_str(), (next, article.event)).map_err(|e| self.io(e))?;
                let stored = events.get(article.event).map_err(|e| self.io(e))?.map(|v| v.value().to_owned());
                let mut event = match stored {
                    Some(json) => self.decode::<EventRecord>("events", &json)?,
                    None => EventRecord::default(),
                };
                event.absorb(next, article);
                events.insert(article.event, self.encode(&event).as_str()).map_err(|e| self.io(e))?;
                stale.insert(article.event, next).map_err(|e| self.io(e))?;
                next_event = next_event.max(article.event + 1);
            }
            meta.insert("next_event", next_event).map_err(|e| self.io(e))?;
        }
        txn.commit().map_err(|e| self.io(e))
    }

    /// Where an article is, if it is stored.
    pub fn article(&self, id: &str) -> Result<Option<StoredArticle>, StoreError> {
        let txn = self.db.begin_read().map_err(|e| self.io(e))?;
        let ids = txn.open_table(ARTICLE_IDS).map_err(|e| self.io(e))?;
        let found = ids.get(id).map_err(|e| self.io(e))?.map(|v| v.value());
        Ok(found.map(|(sequence, event)| StoredArticle { sequence, event }))
    }

    /// The record of the article at a sequence number.
    pub fn record(&self, sequence: u64) -> Result<Option<String>, StoreError> {
        let txn = self.db.begin_read().map_err(|e| self.io(e))?;
        let records = txn.open_table(ARTICLES).map_err(|e| self.io(e))?;
        let found = records.get(sequence).map_err(|e| self.io(e))?.map(|v| v.value().to_owned());
        Ok(found)
    }

    /// How many articles are stored.
    pub fn len(&self) -> Result<u64, StoreError> {
        let txn = self.db.begin_read().map_err(|e| self.io(e))?;
        let records = txn.open_table(ARTICLES).map_err(|e| self.io(e))?;
        records.len().map_err(|e| self.io(e))
    }

    /// Whether no article is stored.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.len()? == 0)
    }

    /// Calls `visit(sequence, record, event)` for every stored article in arrival order, one at
    /// a time (memory does not grow with the store), stopping at its first error.
    pub fn replay<E: From<StoreError>>(&self, mut visit: impl FnMut(u64, &str, u64) -> Result<(), E>) -> Result<(), E> {
        let txn = self.db.begin_read().map_err(|e| self.io(e))?;
        let records = txn.open_table(ARTICLES).map_err(|e| self.io(e))?;
        let ids = txn.open_table(ARTICLE_IDS).map_err(|e| self.io(e))?;
        for entry in records.iter().map_err(|e| self.io(e))? {
            let (sequence, record) = entry.map_err(|e| self.io(e))?;
            let record = record.value();
            let id = crate::records::record_id(record)
                .ok_or_else(|| self.damaged("articles", format!("record {} has no id", sequence.value())))?;
            let (_, event) = ids
                .get(id.as_str())
                .map_err(|e| self.io(e))?
                .ok_or_else(|| self.damaged("article_ids", format!("article {id:?} is missing")))?
                .value();
            visit(sequence.value(), record, event)?;
        }
        Ok(())
    }

    /// One event, if it exists.
    pub fn event(&self, event: u64) -> Result<Option<EventRecord>, StoreError> {
        let txn = self.db.begin_read().map_err(|e| self.io(e))?;
        let events = txn.open_table(EVENTS).map_err(|e| self.io(e))?;
        let found = events.get(event).map_err(|e| self.io(e))?.map(|v| v.value().to_owned());
        found.map(|json| self.decode("events", &json)).transpose()
    }

    /// Every event, by number.
    pub fn events(&self) -> Result<Vec<(u64, EventRecord)>, StoreError> {
        let txn = self.db.begin_read().map_err(|e| self.io(e))?;
        let events = txn.open_table(EVENTS).map_err(|e| self.io(e))?;
        let mut all = Vec::new();
        for entry in events.iter().map_err(|e| self.io(e))? {
            let (number, json) = entry.map_err(|e| self.io(e))?;
            all.push((number.value(), self.decode("events", json.value())?));
        }
        Ok(all)
    }

    /// How many events are stored.
    pub fn event_count(&self) -> Result<u64, StoreError> {
        let txn = self.db.begin_read().map_err(|e| self.io(e))?;
        let events = txn.open_table(EVENTS).map_err(|e| self.io(e))?;
        events.len().map_err(|e| self.io(e))
    }

    /// The number the next new event gets: one more than any event ever stored, expired or not.
    pub fn next_event(&self) -> Result<u64, StoreError> {
        self.meta("next_event").map(|v| v.unwrap_or(0))
    }

    /// Whether events were ever expired: the stored articles then no longer replay into the
    /// same event numbers, and a replay maps them instead.
    pub fn expired(&self) -> Result<bool, StoreError> {
        Ok(self.meta("expired")?.is_some())
    }

    fn meta(&self, key: &str) -> Result<Option<u64>, StoreError> {
        let txn = self.db.begin_read().map_err(|e| self.io(e))?;
        let meta = txn.open_table(META).map_err(|e| self.io(e))?;
        let value = meta.get(key).map_err(|e| self.io(e))?.map(|v| v.value());
        Ok(value)
    }

    /// Deletes, in one transaction, every event whose latest report is dated before `before`
    /// (compared as text: `YYYY-MM-DD`), with its articles and briefs; undated events stay.
    /// Returns how many events and articles went.
    pub fn expire(&self, before: &str) -> Result<(usize, usize), StoreError> {
        let txn = self.db.begin_write().map_err(|e| self.io(e))?;
        let (mut events_gone, mut articles_gone) = (0, 0);
        {
            let mut events = txn.open_table(EVENTS).map_err(|e| self.io(e))?;
            let mut records = txn.open_table(ARTICLES).map_err(|e| self.io(e))?;
            let mut ids = txn.open_table(ARTICLE_IDS).map_err(|e| self.io(e))?;
            let mut briefs = txn.open_table(BRIEFS).map_err(|e| self.io(e))?;
            let mut stale = txn.open_table(STALE).map_err(|e| self.io(e))?;
            let mut old = Vec::new();
            for entry in events.iter().map_err(|e| self.io(e))? {
                let (number, json) = entry.map_err(|e| self.io(e))?;
                let event: EventRecord = self.decode("events", json.value())?;
                if event.last.as_deref().is_some_and(|last| last < before) {
                    old.push((number.value(), event));
                }
            }
            for (number, event) in old {
                events.remove(number).map_err(|e| self.io(e))?;
                stale.remove(number).map_err(|e| self.io(e))?;
                briefs.retain_in((number, 0)..=(number, u32::MAX), |_, _| false).map_err(|e| self.io(e))?;
                for (sequence, id) in event.articles.iter().zip(&event.ids) {
                    records.remove(sequence).map_err(|e| self.io(e))?;
                    ids.remove(id.as_str()).map_err(|e| self.io(e))?;
                }
                events_gone += 1;
                articles_gone += event.articles.len();
            }
            if events_gone > 0 {
                txn.open_table(META).map_err(|e| self.io(e))?.insert("expired", 1).map_err(|e| self.io(e))?;
            }
        }
        txn.commit().map_err(|e| self.io(e))?;
        Ok((events_gone, articles_gone))
    }

    /// The events whose brief is not up to date with their articles, by number.
    pub fn stale(&self) -> Result<Vec<u64>, StoreError> {
        let txn = self.db.begin_read().map_err(|e| self.io(e))?;
        let stale = txn.open_table(STALE).map_err(|e| self.io(e))?;
        let mut events = Vec::new();
        for entry in stale.iter().map_err(|e| self.io(e))? {
            events.push(entry.map_err(|e| self.io(e))?.0.value());
        }
        Ok(events)
    }

    /// Settles stale events in one transaction: stores the next version of each one's brief, if
    /// it has one, and returns its number (from 1). Without a brief (the event cannot be briefed
    /// yet) the event is no longer stale either: its next article tries again.
    pub fn settle(&self, settled: &[(u64, Option<BriefVersion>)]) -> Result<Vec<Option<u32>>, StoreError> {
        let txn = self.db.begin_write().map_err(|e| self.io(e))?;
        let mut versions = Vec::with_capacity(settled.len());
        {
            let mut stale = txn.open_table(STALE).map_err(|e| self.io(e))?;
            let mut briefs = txn.open_table(BRIEFS).map_err(|e| self.io(e))?;
            for (event, brief) in settled {
                stale.remove(event).map_err(|e| self.io(e))?;
                let Some(brief) = brief else {
                    versions.push(None);
                    continue;
                };
                let last = match briefs.range((*event, 0)..=(*event, u32::MAX)).map_err(|e| self.io(e))?.next_back() {
                    Some(entry) => entry.map_err(|e| self.io(e))?.0.value().1,
                    None => 0,
                };
                briefs.insert((*event, last + 1), self.encode(brief).as_str()).map_err(|e| self.io(e))?;
                versions.push(Some(last + 1));
            }
        }
        txn.commit().map_err(|e| self.io(e))?;
        Ok(versions)
    }

    /// Every version of an event's brief, oldest first.
    pub fn briefs(&self, event: u64) -> Result<Vec<(u32, BriefVersion)>, StoreError> {
        let txn = self.db.begin_read().map_err(|e| self.io(e))?;
        let briefs = txn.open_table(BRIEFS).map_err(|e| self.io(e))?;
        let mut versions = Vec::new();
        for entry in briefs.range((event, 0)..=(event, u32::MAX)).map_err(|e| self.io(e))? {
            let (key, json) = entry.map_err(|e| self.io(e))?;
            versions.push((key.value().1, self.decode("briefs", json.value())?));
        }
        Ok(versions)
    }

    /// One version of an event's brief, or the latest when `version` is `None`, with its number.
    pub fn brief(&self, event: u64, version: Option<u32>) -> Result<Option<(u32, BriefVersion)>, StoreError> {
        let txn = self.db.begin_read().map_err(|e| self.io(e))?;
        let briefs = txn.open_table(BRIEFS).map_err(|e| self.io(e))?;
        let range = match version {
            Some(version) => (event, version)..=(event, version),
            None => (event, 0)..=(event, u32::MAX),
        };
        let Some(entry) = briefs.range(range).map_err(|e| self.io(e))?.next_back() else {
            return Ok(None);
        };
        let (key, json) = entry.map_err(|e| self.io(e))?;
        Ok(Some((key.value().1, self.decode("briefs", json.value())?)))
    }

    fn encode(&self, value: &impl serde::Serialize) -> String {
        serde_json::to_string(value).expect("records serialize")
    }

    fn decode<T: serde::de::DeserializeOwned>(&self, table: &'static str, json: &str) -> Result<T, StoreError> {
        serde_json::from_str(json).map_err(|e| self.damaged(table, e))
    }

    fn damaged(&self, table: &'static str, reason: impl Display) -> StoreError {
        StoreError::Damaged { path: self.path.clone(), table, reason: reason.to_string() }
    }

    fn io(&self, reason: impl Display) -> StoreError {
        StoreError::Io { path: self.path.clone(), reason: reason.to_string() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, date: &str, event: u64) -> NewArticle {
        let record = format!(r#"{{"id": "{id}", "date": "{date}", "title": "T {id}", "text": "words"}}"#);
        NewArticle::new(id, record, event)
    }

    #[test]
    fn commits_articles_events_and_replays_in_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path()).expect("opens");
        store.commit(&[article("a", "2026-03-02", 1), article("b", "2026-03-01", 2)]).expect("commits");
        store.commit(&[article("c", "2026-03-04", 1)]).expect("commits");
        assert_eq!(store.article("c").expect("reads"), Some(StoredArticle { sequence: 3, event: 1 }));
        assert_eq!(store.article("z").expect("reads"), None);
        let event = store.event(1).expect("reads").expect("exists");
        assert_eq!(event.ids, ["a", "c"]);
        assert_eq!(event.articles, [1, 3]);
        assert_eq!((event.first.as_deref(), event.last.as_deref()), (Some("2026-03-02"), Some("2026-03-04")));
        assert_eq!(event.title.as_deref(), Some("T a"));
        let mut seen = Vec::new();
        store
            .replay(|sequence, record, event| {
                seen.push((sequence, record.contains("\"c\""), event));
                Ok::<(), StoreError>(())
            })
            .expect("replays");
        assert_eq!(seen, [(1, false, 1), (2, false, 2), (3, true, 1)]);
        assert!(store.commit(&[article("a", "2026-03-05", 1)]).is_err(), "an id is stored once");
        assert_eq!(store.len().expect("reads"), 3);
    }

    #[test]
    fn brief_versions_count_per_event() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path()).expect("opens");
        let version = |n: u64| BriefVersion { articles: vec![n], ..BriefVersion::default() };
        store.commit(&[article("a", "2026-03-02", 1), article("b", "2026-03-02", 2)]).expect("commits");
        assert_eq!(store.stale().expect("reads"), [1, 2]);
        assert_eq!(store.settle(&[(1, Some(version(1)))]).expect("adds"), [Some(1)]);
        assert_eq!(store.stale().expect("reads"), [2]);
        assert_eq!(store.settle(&[(2, None)]).expect("settles"), [None]);
        assert_eq!(store.stale().expect("reads"), [] as [u64; 0]);
        let settled = store.settle(&[(2, Some(version(2))), (1, Some(version(3)))]).expect("adds");
        assert_eq!(settled, [Some(1), Some(2)]);
        assert_eq!(store.brief(1, None).expect("reads"), Some((2, version(3))));
        assert_eq!(store.briefs(1).expect("reads"), [(1, version(1)), (2, version(3))]);
        assert_eq!(store.brief(1, Some(1)).expect("reads"), Some((1, version(1))));
        assert_eq!(store.brief(1, Some(3)).expect("reads"), None);
        assert_eq!(store.brief(3, None).expect("reads"), None);
    }

    #[test]
    fn reopens_and_refuses_another_schema_version() {
        let dir = tempfile::tempdir().expect("temp dir");
        {
            let store = Store::open(dir.path()).expect("opens");
            store.commit(&[article("a", "2026-03-02", 1)]).expect("commits");
        }
        assert_eq!(Store::open(dir.path()).expect("reopens").len().expect("reads"), 1);
        {
            let db = Database::create(dir.path().join(FILE)).expect("opens");
            let txn = db.begin_write().expect("writes");
            txn.open_table(META).expect("table").insert("schema", SCHEMA_VERSION + 1).expect("inserts");
            txn.commit().expect("commits");
        }
        let error = Store::open(dir.path()).err().expect("refused").to_string();
        assert!(error.contains("schema version 2, but this chorus reads version 1"), "{error}");
        assert!(error.contains("newer chorus"), "{error}");
    }

    #[test]
    fn expiry_deletes_old_events_whole_and_never_reuses_their_numbers() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(dir.path()).expect("opens");
        let undated = NewArticle::new("u", r#"{"id": "u", "text": "words"}"#, 3);
        store.commit(&[article("a", "2026-03-02", 1), article("b", "2026-03-20", 2), undated]).expect("commits");
        store.commit(&[article("c", "2026-03-04", 1)]).expect("commits");
        store.settle(&[(1, Some(BriefVersion::default()))]).expect("briefs");
        assert_eq!((store.next_event().expect("reads"), store.expired().expect("reads")), (4, false));
        assert_eq!(store.expire("2026-03-10").expect("expires"), (1, 2));
        assert_eq!(store.events().expect("reads").iter().map(|(n, _)| *n).collect::<Vec<_>>(), [2, 3]);
        assert_eq!((store.article("a").expect("reads"), store.record(1).expect("reads")), (None, None));
        assert_eq!(store.brief(1, None).expect("reads"), None);
        assert_eq!(store.stale().expect("reads"), [2, 3]);
        assert_eq!((store.next_event().expect("reads"), store.expired().expect("reads")), (4, true));
        assert_eq!(store.len().expect("reads"), 2);
        assert_eq!(store.event_count().expect("reads"), 2);
    }

    #[test]
    fn a_file_that_is_not_a_store_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join(FILE), "not a database, just some text").expect("writes");
        let error = Store::open(dir.path()).err().expect("refused").to_string();
        assert!(error.contains("chorus.redb") && error.contains("cannot open the store"), "{error}");
    }
}
