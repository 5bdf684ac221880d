//! What can go wrong with a store, each in one line that names the store.

/// An error of the store. Every message starts with the store's file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// Another process has the store open: redb locks the file for one process at a time.
    #[error(
        "{0}: the store is in use by another process (one at a time: stop the other `chorus stream` first, or read a \
         store that `chorus serve --store` holds through its /v1/events)"
    )]
    InUse(String),
    /// The store was written by another version of chorus, with a schema this one does not read.
    #[error("{path}: store schema version {found}, but this chorus reads version {expected}; {hint}")]
    Version {
        /// The store's file.
        path: String,
        /// The version the store records.
        found: u64,
        /// The version this build writes.
        expected: u64,
        /// What to do about it.
        hint: &'static str,
    },
    /// The file exists but is not a redb database (or is damaged).
    #[error("{path}: cannot open the store: {reason}")]
    Open {
        /// The store's file.
        path: String,
        /// redb's reason.
        reason: String,
    },
    /// A read or a write failed (disk full, I/O error).
    #[error("{path}: {reason}")]
    Io {
        /// The store's file.
        path: String,
        /// What failed.
        reason: String,
    },
    /// A stored value does not decode: the store was changed by something else than chorus.
    #[error("{path}: damaged record in table {table}: {reason}")]
    Damaged {
        /// The store's file.
        path: String,
        /// The table it is in.
        table: &'static str,
        /// What is wrong with it.
        reason: String,
    },
}
