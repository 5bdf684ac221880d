//! Size limits on what is read, so that one hostile input (a gigabyte line, a gzip bomb, a file
//! of zeros) is refused with an error naming it instead of exhausting memory. Files and stdin
//! are read with a cap; JSONL lines are read into a buffer that stops growing at the cap.

use std::io::{self, BufRead};

/// How much one input may hold. The defaults are far above any real report or cluster line
/// (Multi-News lines are a few kB, TAC lines about 100 kB) and far below what exhausts memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes of one file, or of stdin: one report, or one whole JSON cluster.
    pub max_input_bytes: u64,
    /// Bytes of one JSONL line (after gzip decompression): one cluster of a stream.
    pub max_line_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_input_bytes: 32 << 20, max_line_bytes: 32 << 20 }
    }
}

/// What one capped line read found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum LineRead {
    /// The end of the input: nothing was read.
    End,
    /// A whole line (with its `\n`, unless it is the last) is in the buffer.
    Line,
    /// The line was longer than the cap: the buffer holds its first `cap` bytes, and the rest of
    /// the line was read and dropped, so the next read starts on the next line.
    TooLong,
}

/// `read_until(b'\n')` that never holds more than `cap` bytes of one line.
pub(crate) fn read_line_capped(reader: &mut dyn BufRead, buffer: &mut Vec<u8>, cap: u64) -> io::Result<LineRead> {
    let cap = usize::try_from(cap).unwrap_or(usize::MAX);
    let mut read_any = false;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            break;
        }
        read_any = true;
        let (chunk, found_end) = match available.iter().position(|&b| b == b'\n') {
            Some(end) => (&available[..=end], true),
            None => (available, false),
        };
        let used = chunk.len();
        if !too_long {
            let room = cap.saturating_sub(buffer.len());
            if chunk.len() > room {
                buffer.extend_from_slice(&chunk[..room]);
                too_long = true;
            } else {
                buffer.extend_from_slice(chunk);
            }
        }
        reader.consume(used);
        if found_end {
            break;
        }
    }
    Ok(match (read_any, too_long) {
        (false, _) => LineRead::End,
        (true, false) => LineRead::Line,
        (true, true) => LineRead::TooLong,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], cap: u64) -> Vec<(LineRead, Vec<u8>)> {
        // A tiny internal buffer, so that lines span many fill_buf calls.
        let mut reader = io::BufReader::with_capacity(3, input);
        let mut out = Vec::new();
        loop {
            let mut buffer = Vec::new();
            let read = read_line_capped(&mut reader, &mut buffer, cap).expect("reads");
            if read == LineRead::End {
                return out;
            }
            out.push((read, buffer));
        }
    }

    #[test]
    fn lines_under_the_cap_are_whole() {
        let seen = lines(b"ab\ncdef\n\nlast", 10);
        let texts: Vec<&[u8]> = seen.iter().map(|(_, b)| b.as_slice()).collect();
        assert_eq!(texts, [&b"ab\n"[..], b"cdef\n", b"\n", b"last"]);
        assert!(seen.iter().all(|(r, _)| *r == LineRead::Line));
    }

    #[test]
    fn a_long_line_is_cut_and_the_next_one_is_intact() {
        let seen = lines(b"0123456789abcdef\nok\n", 5);
        assert_eq!(seen, [(LineRead::TooLong, b"01234".to_vec()), (LineRead::Line, b"ok\n".to_vec())]);
    }
}
