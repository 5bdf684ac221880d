//! `POST /v1/brief` and `POST /v1/figures`: a cluster in, its brief or its figures out, with the
//! very JSON of `chorus summarize --format json` and `chorus figures --json`.

use crate::error::ApiError;
use crate::input::{self, Input};
use crate::limits::run_cpu;
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use chorus::{Format, Summarizer};

/// Summarizes a cluster.
///
/// The body is either the JSON cluster object that `chorus summarize` reads (`{"id", "documents":
/// [...]}`, each document a string or `{"id", "text", "title", "date"}`) with the options as
/// further fields, or a multipart form with one part per report file (`.txt`, `.md`, `.html`,
/// `.htm`; the file stem is the document id) and one text part per option. The JSON answer is the
/// schema of `chorus summarize --format json`; `start`/`end` are byte offsets into each
/// document's original text, which `include_text` adds to `documents[].text`.
#[utoipa::path(
    post,
    path = "/v1/brief",
    request_body(content((crate::openapi::BriefRequest = "application/json"), (crate::openapi::BriefForm = "multipart/form-data"))),
    responses(
        (status = 200, description = "The brief: the JSON of `chorus summarize --format json` (or text, Markdown, HTML by `format` or `Accept`)", content((Object = "application/json"), (String = "text/plain"), (String = "text/markdown"), (String = "text/html"))),
        (status = 400, description = "Bad JSON, no documents, zero or conflicting budget, unknown method, format or field", body = crate::error::ErrorBody),
        (status = 406, description = "No acceptable output format in `Accept`", body = crate::error::ErrorBody),
        (status = 408, description = "The body did not arrive within the time limit", body = crate::error::ErrorBody),
        (status = 413, description = "The body is larger than the limit", body = crate::error::ErrorBody),
        (status = 415, description = "Neither JSON nor multipart, or a file that is not .txt/.md/.html/.htm", body = crate::error::ErrorBody),
        (status = 422, description = "A document without text, no sentence to summarize, or none fits the budget", body = crate::error::ErrorBody),
        (status = 429, description = "Too many requests in flight; retry after the `Retry-After` seconds", body = crate::error::ErrorBody),
        (status = 503, description = "Summarizing took longer than the time limit", body = crate::error::ErrorBody),
    )
)]
pub(crate) async fn brief(State(state): State<AppState>, request: Request) -> Result<Response, ApiError> {
    let Input { cluster, options, headers, slot, arrival } = input::read(&state, request).await?;
    let format = options.format(&headers)?;
    let budget = options.budget()?;
    let method = options.method().to_owned();
    let include_text = options.include_text() && format == Format::Json;
    let body = run_cpu(&state, slot, arrival, move || {
        let summarizer = Summarizer::new(&method, budget)?;
        let texts = include_text.then(|| original_texts(&cluster));
        let brief = summarizer.summarize(cluster)?;
        let rendered = chorus::render(&brief, format);
        Ok(match texts {
            Some(texts) => with_texts(&rendered, texts)?,
            None => rendered,
        })
    })
    .await?;
    Ok(([(header::CONTENT_TYPE, content_type(format))], body).into_response())
}

/// Finds every group of figures in a cluster, disputed or not.
///
/// The body is read as for `/v1/brief` (method and budget are ignored: figures do not depend on
/// them). The JSON answer is that of `chorus figures --json`; `format=text` gives its text.
#[utoipa::path(
    post,
    path = "/v1/figures",
    request_body(content((crate::openapi::BriefRequest = "application/json"), (crate::openapi::BriefForm = "multipart/form-data"))),
    responses(
        (status = 200, description = "The figure groups: the JSON of `chorus figures --json` (or its text)", content((Object = "application/json"), (String = "text/plain"))),
        (status = 400, description = "Bad JSON, no documents, unknown format or field", body = crate::error::ErrorBody),
        (status = 406, description = "Neither JSON nor text is acceptable", body = crate::error::ErrorBody),
        (status = 413, description = "The body is larger than the limit", body = crate::error::ErrorBody),
        (status = 415, description = "Neither JSON nor multipart, or a file of another type", body = crate::error::ErrorBody),
        (status = 422, description = "A document without text", body = crate::error::ErrorBody),
        (status = 429, description = "Too many requests in flight", body = crate::error::ErrorBody),
        (status = 503, description = "The work took longer than the time limit", body = crate::error::ErrorBody),
    )
)]
pub(crate) async fn figures(State(state): State<AppState>, request: Request) -> Result<Response, ApiError> {
    let Input { cluster, options, headers, slot, arrival } = input::read(&state, request).await?;
    let format = options.format(&headers)?;
    if !matches!(format, Format::Json | Format::Text) {
        return Err(ApiError::new(StatusCode::NOT_ACCEPTABLE, "not_acceptable", "figures come as json or text"));
    }
    let include_text = options.include_text() && format == Format::Json;
    let body = run_cpu(&state, slot, arrival, move || {
        let texts = include_text.then(|| original_texts(&cluster));
        let prepared = chorus::prepare(cluster)?;
        let report = chorus::FigureReport::new(&prepared, chorus::figures(&prepared));
        if format == Format::Text {
            return Ok(chorus::render_figures(&report));
        }
        let json = serde_json::to_string_pretty(&report).map_err(|_| crate::error::internal())?;
        match texts {
            Some(texts) => with_texts(&json, texts),
            None => Ok(json),
        }
    })
    .await?;
    Ok(([(header::CONTENT_TYPE, content_type(format))], body).into_response())
}

pub(crate) fn content_type(format: Format) -> &'static str {
    match format {
        Format::Json => "application/json",
        Format::Text => "text/plain; charset=utf-8",
        Format::Markdown => "text/markdown; charset=utf-8",
        Format::Html => "text/html; charset=utf-8",
    }
}

/// Each document's original text: what the byte spans of the answer index.
fn original_texts(cluster: &chorus::Cluster) -> Vec<String> {
    cluster.documents.iter().map(|d| d.original.clone()).collect()
}

/// The rendered JSON with `text` added to each entry of its `documents`, in order. Only a field
/// is added, so a client of the plain schema reads the answer unchanged.
fn with_texts(json: &str, texts: Vec<String>) -> Result<String, ApiError> {
    let mut value: serde_json::Value = serde_json::from_str(json).map_err(|_| crate::error::internal())?;
    let documents = value.get_mut("documents").and_then(|d| d.as_array_mut()).ok_or_else(crate::error::internal)?;
    for (document, text) in documents.iter_mut().zip(texts) {
        if let Some(fields) = document.as_object_mut() {
            fields.insert("text".to_owned(), serde_json::Value::String(text));
        }
    }
    serde_json::to_string_pretty(&value).map_err(|_| crate::error::internal())
}
