//! The one error type of ingest. Every error names where the problem is (a file, `-` for stdin,
//! and a line for JSONL) so that a user facing a folder of 10,000 reports knows which one to fix.

use std::fmt;
use std::io;

/// Something in the input that ingest cannot turn into a cluster.
///
/// Displays as `origin[, line N]: problem`, e.g.
/// `examples/x: empty folder: no .txt, .md, .html or .htm files`.
#[derive(Debug)]
pub struct IngestError {
    origin: String,
    line: Option<usize>,
    problem: Problem,
}

/// What went wrong, independent of where.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Problem {
    /// The path does not exist.
    #[error("no such file or folder")]
    NotFound,
    /// Any other read error.
    #[error("cannot read: {0}")]
    Io(io::Error),
    /// A folder with no readable report in it.
    #[error("empty folder: no .txt, .md, .html or .htm files")]
    EmptyFolder,
    /// Bytes that are not text (a NUL byte, or too many control bytes).
    #[error("binary file, not text")]
    Binary,
    /// A file with no text after decoding.
    #[error("empty: no text")]
    Empty,
    /// JSON that does not parse.
    #[error("invalid JSON: {0}")]
    Json(String),
    /// Valid JSON that is not a cluster (missing `documents`, a document without text, ...).
    #[error("not a cluster: {0}")]
    NotACluster(String),
    /// An HTML page from which no article text could be extracted.
    #[error("HTML page without article text: {0}")]
    Html(String),
    /// An input over a size limit (see [`Limits`](crate::Limits)); it is not read further.
    #[error("{what} over the limit of {limit} bytes")]
    TooLarge {
        /// What is over the limit: `input` or `line`.
        what: &'static str,
        /// The limit, in bytes.
        limit: u64,
    },
    /// A JSONL line that is not UTF-8: JSON text is UTF-8 (RFC 8259), so no other decoding is
    /// guessed.
    #[error("not UTF-8 (JSON text must be): invalid byte at offset {0} of the line")]
    NotUtf8(usize),
}

impl From<io::Error> for Problem {
    fn from(error: io::Error) -> Self {
        if error.kind() == io::ErrorKind::NotFound {
            Problem::NotFound
        } else {
            Problem::Io(error)
        }
    }
}

impl IngestError {
    /// An error of `problem` in `origin` (a path, or `-` for stdin).
    pub fn new(origin: impl Into<String>, problem: impl Into<Problem>) -> Self {
        IngestError { origin: origin.into(), line: None, problem: problem.into() }
    }

    /// The same error, located at a 1-based line of its file.
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    /// The file or folder (or `-` for stdin) the problem is in.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The 1-based line, for errors inside a JSONL file.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// What went wrong.
    pub fn problem(&self) -> &Problem {
        &self.problem
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.origin)?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        write!(f, ": {}", self.problem)
    }
}

// The problem is already part of the message, so it is not repeated as a `source()`.
impl std::error::Error for IngestError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_origin_line_and_problem() {
        let error = IngestError::new("examples/x", Problem::EmptyFolder);
        assert_eq!(error.to_string(), "examples/x: empty folder: no .txt, .md, .html or .htm files");
        let error = IngestError::new("data.jsonl", Problem::Json("expected value".into())).at_line(7);
        assert_eq!(error.to_string(), "data.jsonl, line 7: invalid JSON: expected value");
        assert_eq!(error.line(), Some(7));
    }

    #[test]
    fn missing_files_are_reported_as_not_found() {
        let error = IngestError::new("nope.txt", io::Error::from(io::ErrorKind::NotFound));
        assert!(matches!(error.problem(), Problem::NotFound));
        assert_eq!(error.to_string(), "nope.txt: no such file or folder");
    }
}
