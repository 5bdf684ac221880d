//! The lines of a text stream (a JSONL file of clusters, a stream of articles), each held in one
//! reused buffer that stops growing at [`Limits::max_line_bytes`]: a gigabyte line, or a gzip
//! bomb inside one line, becomes an error of that line, read past without being held, and the
//! lines after it still come out.

use super::jsonl::open_text;
use super::limits::{read_line_capped, Limits, LineRead};
use crate::error::{IngestError, Problem};
use std::io::BufRead;
use std::path::Path;

/// Capacity the line buffer keeps between lines; a longer line's memory is given back.
const KEPT_BUFFER_BYTES: usize = 1 << 20;

/// Capped lines of a text stream, numbered from 1. Not an `Iterator`: each line is lent from the
/// one buffer, so reading a stream never allocates per line.
pub struct Lines {
    reader: Box<dyn BufRead + Send>,
    origin: String,
    line: usize,
    buffer: Vec<u8>,
    finished: bool,
    pub(super) max_line_bytes: u64,
}

impl Lines {
    /// Lines of `reader`; `origin` names it in errors (a path, `-` for stdin).
    pub fn new(reader: Box<dyn BufRead + Send>, origin: impl Into<String>, limits: Limits) -> Lines {
        Lines {
            reader,
            origin: origin.into(),
            line: 0,
            buffer: Vec::new(),
            finished: false,
            max_line_bytes: limits.max_line_bytes,
        }
    }

    /// Lines of a file (gzip recognised by its content), or of stdin for `-`.
    pub fn open(path: &Path, limits: Limits) -> Result<Lines, IngestError> {
        Ok(Lines::new(open_text(path)?, path.display().to_string(), limits))
    }

    /// What names the stream in errors.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The next line, blank ones included, with its 1-based number: its text (line end included),
    /// or why it is not one: over the limit, not UTF-8 (JSON text is UTF-8; no other decoding is
    /// guessed), or a read error, which also ends the stream. `None` at the end.
    pub fn next_line(&mut self) -> Option<(usize, Result<&str, IngestError>)> {
        if self.finished {
            return None;
        }
        self.buffer.clear();
        // One huge line must not keep its memory for the rest of the stream.
        self.buffer.shrink_to(KEPT_BUFFER_BYTES);
        self.line += 1;
        let problem = match read_line_capped(&mut self.reader, &mut self.buffer, self.max_line_bytes) {
            Ok(LineRead::End) => {
                self.finished = true;
                return None;
            }
            Ok(LineRead::Line) => match std::str::from_utf8(&self.buffer) {
                Ok(text) => return Some((self.line, Ok(text))),
                Err(e) => Problem::NotUtf8(e.valid_up_to()),
            },
            Ok(LineRead::TooLong) => Problem::TooLarge { what: "line", limit: self.max_line_bytes },
            Err(error) => {
                self.finished = true;
                error.into()
            }
        };
        Some((self.line, Err(IngestError::new(&self.origin, problem).at_line(self.line))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &'static [u8], max_line_bytes: u64) -> Vec<(usize, Result<String, String>)> {
        let limits = Limits { max_line_bytes, ..Limits::default() };
        let mut lines = Lines::new(Box::new(input), "s.jsonl", limits);
        let mut out = Vec::new();
        while let Some((number, line)) = lines.next_line() {
            out.push((number, line.map(str::to_owned).map_err(|e| e.to_string())));
        }
        out
    }

    #[test]
    fn bad_lines_are_errors_naming_them_and_the_rest_comes_out() {
        let seen = read_all(b"short\n0123456789abcdef\n\ncaf\xe9\nlast", 8);
        assert_eq!(seen.len(), 5);
        assert_eq!(seen[0], (1, Ok("short\n".to_owned())));
        assert_eq!(seen[1], (2, Err("s.jsonl, line 2: line over the limit of 8 bytes".to_owned())));
        assert_eq!(seen[2], (3, Ok("\n".to_owned())));
        let not_utf8 = seen[3].1.as_ref().expect_err("Latin-1");
        assert!(not_utf8.starts_with("s.jsonl, line 4: not UTF-8"), "{not_utf8}");
        assert_eq!(seen[4], (5, Ok("last".to_owned())));
    }

    #[test]
    fn an_empty_stream_has_no_lines() {
        assert!(read_all(b"", 8).is_empty());
    }
}
