//! A stream of clusters, one JSON object per line (plain or gzip-compressed), as in the
//! evaluation sets. Lines are read one at a time into a reused, capped buffer ([`Lines`]), so
//! memory stays at the size of the longest line however long the file is; a malformed line is
//! reported and the stream goes on.

use super::json::parse_cluster;
use super::limits::Limits;
use super::lines::Lines;
use super::{file_stem, STDIN};
use crate::error::{IngestError, Problem};
use chorus_core::Cluster;
use flate2::bufread::MultiGzDecoder;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader};
use std::path::Path;

/// The first two bytes of every gzip stream.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// One line of a JSONL file: the cluster on it, or what is wrong with it.
#[derive(Debug)]
pub struct ClusterLine {
    /// 1-based line number in the (decompressed) file.
    pub line: usize,
    /// The cluster, or why this line is not one.
    pub result: Result<Cluster, IngestError>,
}

/// The clusters of a JSONL file, read lazily. Blank lines are skipped. A read error (a
/// truncated gzip stream, say) is reported once and ends the stream.
pub struct ClusterLines {
    lines: Lines,
    /// What names the stream in errors, as in `lines`.
    origin: String,
}

/// Opens a JSONL file of clusters (gzip is recognised by its content, not its name); `-` reads
/// stdin.
pub fn read_clusters(path: &Path) -> Result<ClusterLines, IngestError> {
    let lines = Lines::open(path, Limits::default())?;
    Ok(ClusterLines { origin: lines.origin().to_owned(), lines })
}

/// Opens a text file for reading line by line, decompressing gzip (recognised by its content);
/// `-` reads stdin. Shared by every reader of line-oriented data, so `.gz` works everywhere.
pub fn open_text(path: &Path) -> Result<Box<dyn BufRead + Send>, IngestError> {
    let origin = path.display().to_string();
    let raw: Box<dyn BufRead + Send> = if path == Path::new(STDIN) {
        Box::new(BufReader::new(io::stdin()))
    } else {
        if fs::metadata(path).map_err(|e| IngestError::new(&origin, e))?.is_dir() {
            let problem = Problem::NotACluster("a folder, not a JSONL file".into());
            return Err(IngestError::new(&origin, problem));
        }
        Box::new(BufReader::new(File::open(path).map_err(|e| IngestError::new(&origin, e))?))
    };
    maybe_gunzip(raw).map_err(|e| IngestError::new(&origin, e))
}

/// Wraps the reader in a gzip decoder when the stream starts with the gzip magic bytes.
fn maybe_gunzip(mut reader: Box<dyn BufRead + Send>) -> io::Result<Box<dyn BufRead + Send>> {
    if reader.fill_buf()?.starts_with(&GZIP_MAGIC) {
        Ok(Box::new(BufReader::new(MultiGzDecoder::new(reader))))
    } else {
        Ok(reader)
    }
}

impl ClusterLines {
    /// Applies `limits.max_line_bytes`: a longer line (decompressed) becomes an error of its
    /// own, read past without being held, and the stream goes on.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.lines.max_line_bytes = limits.max_line_bytes;
        self
    }
}

/// Parses one line of a JSONL stream of clusters as [`ClusterLines`] does: `origin` names the
/// stream for errors (`-` for stdin) and `line` is its 1-based line number; a cluster without an
/// `id` is named after both. `None` for a blank line, which holds no cluster. The line's end
/// (`\n` or `\r\n`) may be there or not: an unterminated string reads as cut off either way.
///
/// For callers whose lines do not come from a file, such as the Python package, so that their
/// records equal `chorus batch -` on the same lines.
pub fn parse_cluster_line(text: &str, origin: &str, line: usize) -> Option<ClusterLine> {
    if text.bytes().all(|b| b.is_ascii_whitespace()) {
        return None;
    }
    let text = text.strip_suffix('\n').unwrap_or(text);
    let text = text.strip_suffix('\r').unwrap_or(text);
    let fallback_id = format!("{}-{line}", file_stem(Path::new(origin)));
    let result = parse_cluster(text, &fallback_id).map_err(|e| IngestError::new(origin, e).at_line(line));
    Some(ClusterLine { line, result })
}

impl Iterator for ClusterLines {
    type Item = ClusterLine;

    fn next(&mut self) -> Option<ClusterLine> {
        loop {
            let (line, text) = self.lines.next_line()?;
            match text {
                Err(error) => return Some(ClusterLine { line, result: Err(error) }),
                Ok(text) => {
                    if let Some(cluster) = parse_cluster_line(text, &self.origin, line) {
                        return Some(cluster);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use std::io::Write;

    const LINES: &str = "{\"id\": \"a\", \"documents\": [\"One.\", \"Two.\"], \"summaries\": [\"S.\"]}\n\
                         \n\
                         {\"id\": \"b\", \"documents\": [\n\
                         {\"documents\": [\"Three.\"]}\n";

    fn lines_of(path: &Path) -> Vec<(usize, Result<String, String>)> {
        let lines = read_clusters(path).expect("opens");
        lines.map(|l| (l.line, l.result.map(|c| c.id).map_err(|e| e.to_string()))).collect()
    }

    #[test]
    fn malformed_lines_are_reported_and_the_stream_goes_on() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("set.jsonl");
        fs::write(&path, LINES).expect("write");
        let seen = lines_of(&path);
        assert_eq!(seen.len(), 3);
        assert_eq!(seen[0], (1, Ok("a".to_owned())));
        assert_eq!(seen[1].0, 3);
        let error = seen[1].1.as_ref().expect_err("line 3 is cut off");
        assert!(error.starts_with(&format!("{}, line 3: invalid JSON", path.display())), "{error}");
        assert_eq!(seen[2], (4, Ok("set-4".to_owned())));
    }

    #[test]
    fn a_line_reads_the_same_from_a_file_or_on_its_own() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("cut.jsonl");
        fs::write(&path, "{\"documents\": [\"cut\r\n").expect("write");
        let origin = path.display().to_string();
        let from_file = lines_of(&path).remove(0).1.expect_err("cut off");
        let alone = parse_cluster_line("{\"documents\": [\"cut", &origin, 1).expect("not blank");
        assert_eq!(from_file, alone.result.expect_err("cut off").to_string());
        assert!(from_file.contains("EOF while parsing a string"), "{from_file}");
        assert!(parse_cluster_line(" \t", "-", 4).is_none());
        let named = parse_cluster_line(r#"{"documents": ["A."]}"#, "-", 4).expect("not blank");
        assert_eq!((named.line, named.result.expect("valid").id), (4, "stdin-4".to_owned()));
    }

    #[test]
    fn a_malformed_seen_field_names_its_line_and_the_next_line_still_reads() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("update.jsonl");
        let lines = "{\"id\": \"a\", \"documents\": [\"New.\"], \"seen\": {\"text\": \"Old.\"}}\n\
                     {\"id\": \"b\", \"documents\": [\"New.\"], \"seen\": [\"Old.\"], \"query\": \"what\"}\n";
        fs::write(&path, lines).expect("write");
        let mut read = read_clusters(&path).expect("opens");
        let error = read.next().expect("line 1").result.expect_err("seen is an object");
        let expected = format!("{}, line 1: not a cluster: \"seen\" is not an array of documents", path.display());
        assert_eq!(error.to_string(), expected);
        let cluster = read.next().expect("line 2").result.expect("valid");
        assert!(cluster.documents[0].seen && !cluster.documents[1].seen);
        assert_eq!(cluster.query.as_deref(), Some("what"));
    }

    #[test]
    fn gzip_is_recognised_by_content() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("set.data");
        let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
        encoder.write_all(LINES.as_bytes()).expect("compress");
        fs::write(&path, encoder.finish().expect("compress")).expect("write");
        let ids: Vec<usize> = lines_of(&path).iter().filter(|(_, r)| r.is_ok()).map(|(line, _)| *line).collect();
        assert_eq!(ids, [1, 4]);
    }

    #[test]
    fn truncated_gzip_ends_with_one_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("cut.jsonl.gz");
        let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
        encoder.write_all(LINES.repeat(50).as_bytes()).expect("compress");
        let bytes = encoder.finish().expect("compress");
        fs::write(&path, &bytes[..bytes.len() / 2]).expect("write");
        let seen = lines_of(&path);
        let last = seen.last().expect("some lines");
        assert!(last.1.is_err());
        assert_eq!(seen.iter().filter(|(_, r)| r.as_ref().is_err_and(|e| e.contains("cannot read"))).count(), 1);
    }

    #[test]
    fn invalid_utf8_is_an_error_naming_the_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("set.jsonl");
        fs::write(&path, b"{\"id\": \"a\", \"documents\": [\"caf\xe9 ok.\"]}\n{\"documents\": [\"Fine.\"]}\n")
            .expect("write");
        let seen = lines_of(&path);
        let error = seen[0].1.as_ref().expect_err("line 1 is not UTF-8");
        assert!(error.contains("line 1: not UTF-8"), "{error}");
        assert_eq!(seen[1], (2, Ok("set-2".to_owned())));
    }

    #[test]
    fn a_gzip_bomb_line_is_an_error_and_the_lines_around_it_come_out() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("bomb.jsonl.gz");
        let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
        encoder
            .write_all(b"{\"id\": \"before\", \"documents\": [\"One.\"]}\n{\"id\": \"bomb\", \"documents\": [\"")
            .expect("compress");
        let zeros = vec![b'0'; 1 << 20];
        for _ in 0..64 {
            encoder.write_all(&zeros).expect("compress");
        }
        encoder.write_all(b"\"]}\n{\"id\": \"after\", \"documents\": [\"Two.\"]}\n").expect("compress");
        fs::write(&path, encoder.finish().expect("compress")).expect("write");
        let limits = Limits { max_line_bytes: 1 << 20, ..Limits::default() };
        let seen: Vec<(usize, Result<String, String>)> = read_clusters(&path)
            .expect("opens")
            .with_limits(limits)
            .map(|l| (l.line, l.result.map(|c| c.id).map_err(|e| e.to_string())))
            .collect();
        assert_eq!(seen.len(), 3);
        assert_eq!(seen[0], (1, Ok("before".to_owned())));
        let error = seen[1].1.as_ref().expect_err("the bomb is refused");
        assert!(error.ends_with("line 2: line over the limit of 1048576 bytes"), "{error}");
        assert_eq!(seen[2], (3, Ok("after".to_owned())));
    }

    #[test]
    fn missing_file_and_folder_are_errors() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(read_clusters(&dir.path().join("none.jsonl")).is_err_and(|e| e.to_string().contains("no such file")));
        assert!(read_clusters(dir.path()).is_err_and(|e| e.to_string().contains("a folder")));
    }
}
