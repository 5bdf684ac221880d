//! Reading inputs into a [`Cluster`] whose documents are not cleaned yet (`clean` is the
//! identity alignment of `original`): reading and cleaning are separate so each can be timed.
//!
//! One file per input shape: [`folder`] (one article per file), [`separated`] (`|||||` between
//! articles), [`json`] (one cluster object), [`jsonl`] (a stream of cluster objects), [`html`]
//! (a web page reduced to its article). [`decode`] turns bytes into text for all of them.

mod decode;
mod folder;
mod html;
mod json;
mod jsonl;
mod limits;
mod lines;
mod separated;

pub use json::cluster_from_json;
pub use jsonl::{open_text, parse_cluster_line, read_clusters, ClusterLine, ClusterLines};
pub use limits::Limits;
pub use lines::Lines;

use crate::error::{IngestError, Problem};
use chorus_core::{Cluster, Document};
use std::fs;
use std::io::Read;
use std::path::Path;

/// The path that means standard input.
const STDIN: &str = "-";

/// What one file (or stdin) holds, told apart by extension first and content second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// `{"id": ..., "documents": [...]}`.
    Json,
    /// One web page: one article.
    Html,
    /// Articles separated by `|||||`, or one plain article.
    Separated,
}

impl Format {
    fn detect(extension: Option<&str>, text: &str) -> Format {
        match extension.map(str::to_ascii_lowercase).as_deref() {
            Some("json") => Format::Json,
            Some("html" | "htm") => Format::Html,
            _ if text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}').starts_with('{') => {
                Format::Json
            }
            _ if html::looks_like_html_page(text) => Format::Html,
            _ => Format::Separated,
        }
    }
}

/// Reads one cluster: a folder of article files, a `|||||`-separated (or single-article) text
/// file, an HTML page, a JSON cluster object, or `-` for stdin (JSON or separated text).
pub fn read_cluster(path: &Path) -> Result<Cluster, IngestError> {
    read_cluster_with(path, Limits::default())
}

/// [`read_cluster`] with other size limits: a file (or stdin) over `limits.max_input_bytes` is
/// an error naming it, found before it is read into memory.
pub fn read_cluster_with(path: &Path, limits: Limits) -> Result<Cluster, IngestError> {
    let origin = path.display().to_string();
    if path == Path::new(STDIN) {
        let bytes =
            read_capped(std::io::stdin().lock(), limits.max_input_bytes, 0).map_err(|e| IngestError::new(STDIN, e))?;
        let text = decode::decode(bytes).map_err(|e| IngestError::new(STDIN, e))?;
        let format = Format::detect(None, &text);
        return cluster_from_text(text, format, STDIN, &file_stem(path), None);
    }
    if fs::metadata(path).map_err(|e| IngestError::new(&origin, e))?.is_dir() {
        return folder::read_folder(path, limits);
    }
    let text = read_text_file(path, limits)?;
    let format = Format::detect(path.extension().and_then(|e| e.to_str()), &text);
    let file = path.file_name().map(|name| name.to_string_lossy().into_owned());
    cluster_from_text(text, format, &origin, &file_stem(path), file)
}

/// A cluster from the whole text of one input. `file` names the file it came from, recorded on
/// the document when the input is a single article.
fn cluster_from_text(
    text: String,
    format: Format,
    origin: &str,
    cluster_id: &str,
    file: Option<String>,
) -> Result<Cluster, IngestError> {
    let documents = match format {
        Format::Json => return json::parse_cluster(&text, cluster_id).map_err(|e| IngestError::new(origin, e)),
        Format::Html => article_document("0".into(), text, true).map(|document| vec![document]),
        Format::Separated => separated::split_documents(text),
    };
    let mut documents = documents.map_err(|e| IngestError::new(origin, e))?;
    if let [only] = documents.as_mut_slice() {
        only.file = file;
    }
    Ok(Cluster { id: cluster_id.to_owned(), documents, ..Default::default() })
}

/// A document from one article's text; a whole HTML page (`is_html`, or clearly one by its
/// content) is first reduced to its article, which then becomes the document's `original`.
fn article_document(id: String, text: String, is_html: bool) -> Result<Document, Problem> {
    if !(is_html || html::looks_like_html_page(&text)) {
        return Ok(Document::new(id, text));
    }
    let article = html::extract_article(&text)?;
    let mut document = Document::new(id, article.text);
    document.title = article.title;
    document.date = article.date;
    Ok(document)
}

/// One article given as an HTML page (a stream record's `html` field): its readable text becomes
/// the document's `original`, with the page's title and date.
pub fn html_document(id: impl Into<String>, html: String) -> Result<Document, Problem> {
    article_document(id.into(), html, true)
}

/// One article file's bytes as a document, as a folder member or an uploaded file becomes one:
/// the file's stem is the id and its name the document's `file`; an `.html`/`.htm` file (or a
/// whole page by its content) is reduced to its article. `origin` names the file in errors.
pub fn document_from_bytes(file_name: &str, bytes: Vec<u8>, origin: &str) -> Result<Document, IngestError> {
    let path = Path::new(file_name);
    let is_html = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    let mut document = decode::decode(bytes)
        .and_then(|text| article_document(file_stem(path), text, is_html))
        .map_err(|e| IngestError::new(origin, e))?;
    document.file = Some(file_name.to_owned());
    Ok(document)
}

/// The decoded text of a file, with errors that name it.
fn read_text_file(path: &Path, limits: Limits) -> Result<String, IngestError> {
    let origin = || path.display().to_string();
    let bytes = read_file_capped(path, limits.max_input_bytes).map_err(|e| IngestError::new(origin(), e))?;
    decode::decode(bytes).map_err(|e| IngestError::new(origin(), e))
}

/// A whole file, read as [`read_capped`] reads, into a buffer with room for the whole file at
/// once: one grown by doubling would hold up to twice it.
fn read_file_capped(path: &Path, limit: u64) -> Result<Vec<u8>, Problem> {
    let file = fs::File::open(path)?;
    let size = file.metadata().map_or(0, |m| m.len());
    read_capped(file, limit, size)
}

/// All of `reader`, unless it holds more than `limit` bytes; then no more than `limit + 1` bytes
/// are ever held. `size` is how many bytes it is expected to hold (0 if unknown).
fn read_capped(reader: impl Read, limit: u64, size: u64) -> Result<Vec<u8>, Problem> {
    let mut bytes = Vec::with_capacity(usize::try_from(size.min(limit.saturating_add(1))).unwrap_or(0));
    reader.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(Problem::TooLarge { what: "input", limit });
    }
    Ok(bytes)
}

/// The file name without its extension: the natural id of what the file holds; `stdin` for `-`,
/// whose ids would otherwise read `-` (and `--1` for line 1 of a JSONL stream).
fn file_stem(path: &Path) -> String {
    if path == Path::new(STDIN) {
        return "stdin".to_owned();
    }
    path.file_stem().map_or_else(|| path.display().to_string(), |stem| stem.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_by_extension_then_content() {
        assert_eq!(Format::detect(Some("JSON"), "not json at all"), Format::Json);
        assert_eq!(Format::detect(Some("htm"), "plain"), Format::Html);
        assert_eq!(Format::detect(None, "\u{feff}\n {\"documents\": []}"), Format::Json);
        assert_eq!(Format::detect(Some("txt"), "<!doctype html><html></html>"), Format::Html);
        assert_eq!(Format::detect(Some("txt"), "One. ||||| Two."), Format::Separated);
    }

    #[test]
    fn single_file_cluster_is_named_by_its_stem() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("story.txt");
        fs::write(&path, "Just one article.\n").expect("write");
        let cluster = read_cluster(&path).expect("reads");
        assert_eq!(cluster.id, "story");
        assert_eq!(cluster.documents.len(), 1);
        assert_eq!(cluster.documents[0].file.as_deref(), Some("story.txt"));
        assert_eq!(cluster.documents[0].clean.as_str(), "Just one article.\n");
    }

    #[test]
    fn uploaded_bytes_become_a_document_named_by_the_file() {
        let text = document_from_bytes("wire.txt", b"Troops stormed the plant.\n".to_vec(), "upload").expect("reads");
        assert_eq!(
            (text.id.as_str(), text.file.as_deref(), text.original.as_str()),
            ("wire", Some("wire.txt"), "Troops stormed the plant.\n")
        );
        let page = "<html><head><title>Siege ends</title></head><body><nav>Home | World</nav><article><h1>Siege ends</h1>\
                    <p>Troops stormed the gas plant on Thursday after a four-day siege, officials said.</p>\
                    <p>Dozens of workers were freed and flown to the capital, the ministry said on Friday.</p></article></body></html>";
        let html = document_from_bytes("siege.HTML", page.as_bytes().to_vec(), "upload").expect("reads");
        assert_eq!(html.id, "siege");
        assert!(html.original.contains("four-day siege") && !html.original.contains("<p>"), "{}", html.original);
        let error = document_from_bytes("photo.txt", vec![0x89, b'P', b'N', b'G', 0, 0], "form: photo.txt")
            .expect_err("binary");
        assert_eq!(error.to_string(), "form: photo.txt: binary file, not text");
    }

    #[test]
    fn a_file_over_the_input_limit_is_refused_by_name() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("big.txt");
        fs::write(&path, "A sentence that is long enough. ".repeat(100)).expect("write");
        let limits = Limits { max_input_bytes: 1000, ..Limits::default() };
        let error = read_cluster_with(&path, limits).expect_err("over the limit");
        assert!(error.to_string().ends_with("big.txt: input over the limit of 1000 bytes"), "{error}");
        assert!(read_cluster_with(&path, Limits { max_input_bytes: 3200, ..limits }).is_ok());
        let folder_error = read_cluster_with(dir.path(), limits).expect_err("in a folder too");
        assert!(folder_error.to_string().contains("big.txt: input over the limit"), "{folder_error}");
    }

    #[test]
    fn stdin_is_named_stdin() {
        assert_eq!(file_stem(Path::new(STDIN)), "stdin");
        assert_eq!(file_stem(Path::new("runs/in-amenas.jsonl")), "in-amenas");
    }

    #[test]
    fn separated_file_gives_one_document_per_article() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("pair.txt");
        fs::write(&path, "First article.|||||Second article.|||||").expect("write");
        let cluster = read_cluster(&path).expect("reads");
        let texts: Vec<&str> = cluster.documents.iter().map(|d| d.original.as_str()).collect();
        assert_eq!(texts, ["First article.", "Second article."]);
        assert!(cluster.documents.iter().all(|d| d.file.is_none()));
    }

    #[test]
    fn missing_binary_and_empty_files_are_named() {
        let dir = tempfile::tempdir().expect("tempdir");
        let missing = dir.path().join("missing.txt");
        let error = read_cluster(&missing).expect_err("missing");
        assert!(error.to_string().contains("missing.txt: no such file"), "{error}");

        let binary = dir.path().join("image.txt");
        fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write");
        let error = read_cluster(&binary).expect_err("binary");
        assert!(error.to_string().ends_with("image.txt: binary file, not text"), "{error}");

        let blank = dir.path().join("blank.txt");
        fs::write(&blank, " \n\n\t").expect("write");
        let error = read_cluster(&blank).expect_err("blank");
        assert!(error.to_string().ends_with("blank.txt: empty: no text"), "{error}");
    }
}
