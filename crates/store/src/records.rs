//! The values of the tables, as Rust types. Events and brief versions are stored as JSON, so a
//! field added later (with a default) reads old records without a migration.

use serde::{Deserialize, Serialize};

/// An article to commit: the stream record as received, and the event it was assigned to.
#[derive(Debug, Clone, PartialEq)]
pub struct NewArticle {
    /// The article's id (unique in the store).
    pub id: String,
    /// The JSON line as received; kept verbatim so that a replay sees exactly what the first
    /// run saw.
    pub record: String,
    /// The event number (`e17` is 17).
    pub event: u64,
    /// The record's `"date"` as written (`YYYY-MM-DD` or RFC 3339), for the event's first and
    /// last report time.
    pub date: Option<String>,
    /// The record's `"title"`, the first of which names the event.
    pub title: Option<String>,
}

impl NewArticle {
    /// An article of a record, its `date` and `title` read from the record when it is a JSON
    /// object that has them as strings.
    pub fn new(id: impl Into<String>, record: impl Into<String>, event: u64) -> Self {
        let record = record.into();
        let fields = serde_json::from_str::<serde_json::Value>(&record).ok();
        let field = |name: &str| {
            fields.as_ref()?.get(name)?.as_str().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)
        };
        NewArticle { id: id.into(), date: field("date"), title: field("title"), record, event }
    }
}

/// Where a stored article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredArticle {
    /// Its position in the stream of stored articles, from 1.
    pub sequence: u64,
    /// Its event number.
    pub event: u64,
}

/// An event: its articles in arrival order, and when they were published.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// The title of its first article that has one.
    pub title: Option<String>,
    /// The earliest `date` of its articles (as written; ISO dates compare as text).
    pub first: Option<String>,
    /// The latest `date` of its articles.
    pub last: Option<String>,
    /// Its articles' sequence numbers, in arrival order.
    pub articles: Vec<u64>,
    /// Its articles' ids, in the same order.
    pub ids: Vec<String>,
}

impl EventRecord {
    /// Takes one more article.
    pub(crate) fn absorb(&mut self, sequence: u64, article: &NewArticle) {
        self.articles.push(sequence);
        self.ids.push(article.id.clone());
        if self.title.is_none() {
            self.title = article.title.clone();
        }
        if let Some(date) = &article.date {
            if self.first.as_ref().is_none_or(|first| date < first) {
                self.first = Some(date.clone());
            }
            if self.last.as_ref().is_none_or(|last| date > last) {
                self.last = Some(date.clone());
            }
        }
    }
}

/// One version of an event's brief, and what it added to the version before.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BriefVersion {
    /// The sequence numbers of the articles it summarizes (all of the event's at the time).
    pub articles: Vec<u64>,
    /// Ids of the articles that the previous version did not have.
    pub added_articles: Vec<String>,
    /// Sentences of this brief that the previous version did not have.
    pub added_sentences: Vec<String>,
    /// Figure groups the reports disagree on.
    pub disputed: usize,
    /// The brief itself, as `chorus::render(&brief, Format::Json)` writes it.
    pub brief: serde_json::Value,
}

/// The `"id"` of a stream record (a string, or a number written as text), as the clusterer
/// reads it.
pub(crate) fn record_id(record: &str) -> Option<String> {
    match serde_json::from_str::<serde_json::Value>(record).ok()?.get("id")? {
        serde_json::Value::String(id) => Some(id.clone()),
        serde_json::Value::Number(id) => Some(id.to_string()),
        _ => None,
    }
}
