//! The live store of `chorus serve --store DIR`. The server owns the store: one writer (the
//! [`Live`] behind a mutex: `POST /v1/articles` batches take turns) and any number of readers
//! (`GET /v1/events...` read the shared [`Store`] beside it, each in its own redb snapshot), so
//! events are read while articles are being added, which separate processes cannot do (redb
//! locks the file for one process).

use crate::error::ApiError;
use axum::http::StatusCode;
use chorus::live::{Ack, Line, Live, LiveError};
use chorus::store::Store;
use chorus::{Budget, Summarizer};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// The store's writer and its readers' handle.
pub(crate) struct LiveStore {
    /// `None` once a commit failed: the clusterer may then be ahead of the store, so nothing more
    /// is written until the server restarts (and replays the store).
    writer: Mutex<Option<Live>>,
    store: Arc<Store>,
}

impl LiveStore {
    /// Opens the store, replays it, and briefs the events a crash left stale. Blocking.
    pub(crate) fn open(dir: &Path) -> std::io::Result<LiveStore> {
        let failed = |error: String| std::io::Error::other(error);
        // The same defaults as `chorus stream`: the versions are the same briefs.
        let summarizer =
            Summarizer::new(chorus::DEFAULT_METHOD, Budget::words(100)).map_err(|e| failed(e.to_string()))?;
        let live = Live::open(dir, summarizer).map_err(|e| failed(e.to_string()))?;
        for note in live.settle().map_err(|e| failed(e.to_string()))? {
            eprintln!("chorus: {note}");
        }
        Ok(LiveStore { store: Arc::clone(live.store()), writer: Mutex::new(Some(live)) })
    }

    /// The store, for reading.
    pub(crate) fn store(&self) -> &Store {
        &self.store
    }

    /// Adds a batch and briefs the events it changed; returns once both are committed. Blocking.
    pub(crate) fn add(&self, lines: Vec<Line>) -> Result<Vec<Ack>, ApiError> {
        // A poisoned lock is a panic mid-batch: the clusterer cannot be trusted either.
        let mut writer = self.writer.lock().map_err(|_| broken())?;
        let live = writer.as_mut().ok_or_else(broken)?;
        let added = live.add(lines).and_then(|acks| {
            for note in live.settle()? {
                eprintln!("chorus: {note}");
            }
            Ok(acks)
        });
        added.map_err(|error| {
            *writer = None;
            eprintln!("chorus: {error}");
            ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "store_failed", error.to_string())
        })
    }

    /// Waits for the batch being written, if any, to be committed. Blocking.
    pub(crate) fn finish(&self) {
        drop(self.writer.lock());
    }
}

fn broken() -> ApiError {
    ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "store_failed",
        "an earlier write to the store failed; nothing more is written until the server restarts",
    )
}

/// What a live read or write refuses, in the API's error shape.
impl From<LiveError> for ApiError {
    fn from(error: LiveError) -> Self {
        let message = error.to_string();
        match error {
            LiveError::BadEventId(_) | LiveError::UnknownEvent { .. } => {
                ApiError::new(StatusCode::NOT_FOUND, "unknown_event", message)
            }
            LiveError::UnknownVersion { .. } => ApiError::bad_request("bad_since", message),
            LiveError::NothingNew { .. } => ApiError::new(StatusCode::CONFLICT, "nothing_new", message),
            LiveError::Brief { error, .. } => ApiError { message, ..ApiError::from(error) },
            LiveError::Store(_) => ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "store_failed", message),
            _ => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "store_damaged", message),
        }
    }
}
