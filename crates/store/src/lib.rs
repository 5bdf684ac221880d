//! chorus-store: the live store of `chorus stream`. Every article of a stream as received, the
//! event each was assigned to, and every version of every event's brief, in one redb file
//! (`DIR/chorus.redb`). Re-exported by the facade as `chorus::store`.
//!
//! The store holds facts, not the clusterer: the clusterer's state is a pure function of the
//! articles added in order, so a process rebuilds it by replaying [`Store::replay`]. An article
//! and its assignment are committed in one transaction ([`Store::commit`]), so after a crash
//! the store holds a prefix of the stream, never half an article.
//!
//! ```
//! use chorus_store::{NewArticle, Store};
//!
//! let dir = tempfile::tempdir()?;
//! let store = Store::open(dir.path())?;
//! let record = r#"{"id": "a1", "date": "2026-03-02", "title": "Flood", "text": "The river rose."}"#;
//! store.commit(&[NewArticle::new("a1", record, 1)])?;
//! assert_eq!(store.article("a1")?.map(|stored| stored.event), Some(1));
//! let event = store.event(1)?.expect("stored");
//! assert_eq!((event.ids, event.first.as_deref()), (vec!["a1".to_owned()], Some("2026-03-02")));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![deny(missing_docs)]

mod error;
mod records;
mod store;

pub use error::StoreError;
pub use records::{BriefVersion, EventRecord, NewArticle, StoredArticle};
pub use store::{Store, FILE, SCHEMA_VERSION};
