//! A request as a cluster and its options. Two shapes are read:
//! - `application/json`: the cluster object that `chorus summarize` reads from a `.json` file,
//!   `{"id", "documents": [...]}`, whose other fields are the options (`method`, `words`, ...);
//! - `multipart/form-data`: one part per report file (`.txt`, `.md`, `.html`, `.htm`, named by
//!   its filename) and one text part per option.

use crate::error::ApiError;
use crate::limits::{content_length, read_body, Arrival, Slot};
use crate::AppState;
use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{header, HeaderMap, StatusCode};
use chorus::{Budget, Cluster, Format, Limit};
use serde::Deserialize;
use std::str::FromStr;

/// File extensions read from a multipart upload, as from a folder.
const REPORT_EXTENSIONS: [&str; 4] = ["txt", "md", "html", "htm"];

/// Options of `POST /v1/brief` and `POST /v1/figures`, as fields of the JSON object or as parts
/// of the multipart form; the same as the options of `chorus summarize`.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct Options {
    /// Summarization method (`GET /v1/methods`); the default method when absent.
    method: Option<String>,
    /// Budget in whitespace-separated words (the default budget is 100 words).
    words: Option<usize>,
    /// Budget in UTF-8 bytes of the summary text.
    bytes: Option<usize>,
    /// Budget in sentences.
    sentences: Option<usize>,
    /// Cut the last sentence at the budget instead of keeping whole sentences only.
    truncate: Option<bool>,
    /// `json` (default), `text`, `markdown` or `html`; overrides the `Accept` header.
    format: Option<String>,
    /// With JSON output: add `text`, the original text that `start`/`end` byte offsets index,
    /// to each entry of `documents` (for an HTML report, the extracted article text).
    include_text: Option<bool>,
}

/// A request read: its cluster, options, and the slot and arrival time its work runs under.
pub(crate) struct Input {
    pub cluster: Cluster,
    pub options: Options,
    pub headers: HeaderMap,
    pub slot: Slot,
    pub arrival: Arrival,
}

impl Options {
    /// The budget, as `chorus summarize` builds it: one of words, bytes or sentences.
    pub fn budget(&self) -> Result<Budget, ApiError> {
        let limit = match (self.words, self.bytes, self.sentences) {
            (None, None, None) => Limit::Words(100),
            (Some(n), None, None) => Limit::Words(n),
            (None, Some(n), None) => Limit::Bytes(n),
            (None, None, Some(n)) => Limit::Sentences(n),
            _ => return Err(ApiError::bad_request("bad_budget", "give at most one of words, bytes and sentences")),
        };
        Ok(Budget { limit, truncate: self.truncate.unwrap_or(false) })
    }

    pub fn method(&self) -> &str {
        self.method.as_deref().unwrap_or(chorus::DEFAULT_METHOD)
    }

    pub fn include_text(&self) -> bool {
        self.include_text.unwrap_or(false)
    }

    /// The output format: the `format` option, else the first acceptable type of `Accept` (by
    /// quality), else JSON.
    pub fn format(&self, headers: &HeaderMap) -> Result<Format, ApiError> {
        if let Some(name) = &self.format {
            return Format::from_str(name).map_err(|message| ApiError::bad_request("unknown_format", message));
        }
        let Some(accept) = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()) else {
            return Ok(Format::Json);
        };
        let mut ranges: Vec<(f32, &str)> = accept
            .split(',')
            .map(|range| {
                let mut parts = range.split(';').map(str::trim);
                let media = parts.next().unwrap_or_default();
                let quality = parts.find_map(|p| p.strip_prefix("q=")).and_then(|q| q.parse().ok()).unwrap_or(1.0);
                (quality, media)
            })
            .filter(|(quality, _)| *quality > 0.0)
            .collect();
        ranges.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranges
            .iter()
            .find_map(|(_, media)| match media.to_ascii_lowercase().as_str() {
                "application/json" | "application/*" | "*/*" => Some(Format::Json),
                "text/plain" | "text/*" => Some(Format::Text),
                "text/markdown" => Some(Format::Markdown),
                "text/html" => Some(Format::Html),
                _ => None,
            })
            .ok_or_else(|| {
                ApiError::new(
                    StatusCode::NOT_ACCEPTABLE,
                    "not_acceptable",
                    format!(
                        "cannot answer in any of '{accept}' (application/json, text/plain, text/markdown, text/html)"
                    ),
                )
            })
    }

    /// Sets an option from a multipart text field or a query parameter.
    pub(crate) fn set(&mut self, name: &str, value: &str) -> Result<(), ApiError> {
        let number = |value: &str| {
            value.trim().parse::<usize>().map_err(|_| {
                ApiError::bad_request("bad_field", format!("{name}: expected a whole number, got '{value}'"))
            })
        };
        match name {
            "method" => self.method = Some(value.to_owned()),
            "words" => self.words = Some(number(value)?),
            "bytes" => self.bytes = Some(number(value)?),
            "sentences" => self.sentences = Some(number(value)?),
            "truncate" => self.truncate = Some(flag(name, value)?),
            "include_text" => self.include_text = Some(flag(name, value)?),
            "format" => self.format = Some(value.to_owned()),
            other => {
                return Err(ApiError::bad_request(
                    "unknown_field",
                    format!("unknown form field '{other}' (report files, id, method, words, bytes, sentences, truncate, format, include_text)"),
                ))
            }
        }
        Ok(())
    }
}

fn flag(name: &str, value: &str) -> Result<bool, ApiError> {
    match value.trim() {
        "true" | "1" | "on" | "yes" => Ok(true),
        "false" | "0" | "off" | "no" | "" => Ok(false),
        other => Err(ApiError::bad_request("bad_field", format!("{name}: expected true or false, got '{other}'"))),
    }
}

/// The media type of a request, lowercased, without parameters (`application/json` of
/// `application/json; charset=utf-8`); empty when there is none.
pub(crate) fn media_type(headers: &axum::http::HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or_default().trim().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Reads a request of either shape; any other content type is refused with 415.
pub(crate) async fn read(state: &AppState, request: Request) -> Result<Input, ApiError> {
    let (mut parts, body) = request.into_parts();
    let slot = parts.extensions.remove::<Slot>().ok_or_else(crate::error::internal)?;
    let arrival = parts.extensions.remove::<Arrival>().ok_or_else(crate::error::internal)?;
    let content_type = media_type(&parts.headers);
    let is_json = content_type == "application/json" || content_type.ends_with("+json");
    let is_multipart = content_type == "multipart/form-data";
    if !(is_json || is_multipart) {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!("expected application/json or multipart/form-data, got '{content_type}'"),
        ));
    }
    let bytes = read_body(state, arrival, body, content_length(&parts.headers)).await?;
    let headers = parts.headers.clone();
    let (cluster, options) = if is_json {
        from_json(&bytes)?
    } else {
        from_multipart(Request::from_parts(parts, Body::from(bytes))).await?
    };
    Ok(Input { cluster, options, headers, slot, arrival })
}

/// The JSON cluster object and the options among its fields.
fn from_json(bytes: &[u8]) -> Result<(Cluster, Options), ApiError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| ApiError::bad_request("bad_json", format!("request: the body is not UTF-8: {e}")))?;
    let cluster = chorus::ingest::cluster_from_json(text, "request")?;
    let options =
        serde_json::from_str(text).map_err(|e| ApiError::bad_request("bad_field", format!("request: {e}")))?;
    Ok((cluster, options))
}

/// The report files and option fields of a multipart form.
async fn from_multipart(request: Request) -> Result<(Cluster, Options), ApiError> {
    let bad = |e: axum::extract::multipart::MultipartError| ApiError::bad_request("bad_multipart", e.body_text());
    let mut form = Multipart::from_request(request, &())
        .await
        .map_err(|e| ApiError::bad_request("bad_multipart", e.body_text()))?;
    let mut cluster = Cluster { id: "upload".to_owned(), ..Default::default() };
    let mut options = Options::default();
    while let Some(field) = form.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or_default().to_owned();
        match field.file_name().map(str::to_owned) {
            Some(file) => {
                let extension =
                    std::path::Path::new(&file).extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
                if !extension.is_some_and(|e| REPORT_EXTENSIONS.contains(&e.as_str())) {
                    return Err(ApiError::new(
                        StatusCode::UNSUPPORTED_MEDIA_TYPE,
                        "unsupported_media_type",
                        format!("{file}: only .txt, .md, .html and .htm report files are read"),
                    ));
                }
                let bytes = field.bytes().await.map_err(bad)?;
                cluster.documents.push(chorus::ingest::document_from_bytes(&file, bytes.to_vec(), &file)?);
            }
            None if name == "id" => cluster.id = field.text().await.map_err(bad)?,
            None => {
                let value = field.text().await.map_err(bad)?;
                options.set(&name, &value)?;
            }
        }
    }
    Ok((cluster, options))
}
