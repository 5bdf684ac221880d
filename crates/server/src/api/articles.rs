//! `POST /v1/articles`: articles into the live store, as `chorus stream` takes them.

use crate::error::ApiError;
use crate::limits::{content_length, read_body, run_cpu, Arrival, Slot};
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use chorus::live::{Ack, Line};
use serde::Serialize;

/// What became of the articles of one request.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct Added {
    /// One per non-blank line, in order: `{"id", "event"}` once committed, or `{"line", "error"}`.
    results: Vec<Ack>,
    /// How many lines were refused.
    errors: usize,
}

/// Adds articles to the live store.
///
/// The body is one article (`{"id", "text" | "html", "title"?, "date"?, "source"?, "url"?}`, the
/// record `chorus stream` reads) or JSON lines of them. Each article is assigned to an event and
/// committed with it in one transaction; the answer comes once the batch is committed and the
/// briefs of the events it changed are current. An article whose id is stored already is
/// acknowledged with its stored event and not stored again, so a client may resend after a
/// failure. A bad line gets an error result; the others are stored.
#[utoipa::path(
    post,
    path = "/v1/articles",
    request_body(content((String = "application/x-ndjson"), (Object = "application/json")), description = "One article object, or one per line"),
    responses(
        (status = 200, description = "One result per line (check `errors`)", body = Added),
        (status = 400, description = "No article in the body", body = crate::error::ErrorBody),
        (status = 404, description = "The server has no store (`chorus serve --store DIR`)", body = crate::error::ErrorBody),
        (status = 413, description = "The body is larger than the limit", body = crate::error::ErrorBody),
        (status = 415, description = "Neither JSON nor JSON lines", body = crate::error::ErrorBody),
        (status = 429, description = "Too many requests in flight", body = crate::error::ErrorBody),
        (status = 503, description = "The store failed (nothing of the batch is stored), or the work took longer than the time limit (it still commits)", body = crate::error::ErrorBody),
    )
)]
pub(crate) async fn add(
    State(state): State<AppState>,
    Extension(slot): Extension<Slot>,
    Extension(arrival): Extension<Arrival>,
    request: Request,
) -> Result<Json<Added>, ApiError> {
    let live = state.live()?;
    let (parts, body) = request.into_parts();
    let content_type = crate::input::media_type(&parts.headers);
    let json = ["application/json", "application/x-ndjson", "application/jsonl", "application/json-lines"];
    if !(json.contains(&content_type.as_str()) || content_type.ends_with("+json")) {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!("expected application/json or application/x-ndjson, got '{content_type}'"),
        ));
    }
    let bytes = read_body(&state, arrival, body, content_length(&parts.headers)).await?;
    let lines = lines(&bytes);
    if lines.iter().all(|(_, line)| line.as_ref().is_ok_and(|l| l.trim().is_empty())) {
        return Err(ApiError::bad_request("no_articles", "the body has no article (one JSON object, or one per line)"));
    }
    let results = run_cpu(&state, slot, arrival, move || live.add(lines)).await?;
    let errors = results.iter().filter(|r| matches!(r, Ack::Error { .. })).count();
    Ok(Json(Added { results, errors }))
}

/// The body's articles: the whole body when it is one JSON object (it may span lines), else
/// each line, numbered from 1.
fn lines(body: &[u8]) -> Vec<Line> {
    if let Ok(text) = std::str::from_utf8(body) {
        if serde_json::from_str::<serde_json::Value>(text).is_ok_and(|v| v.is_object()) {
            return vec![(1, Ok(text.to_owned()))];
        }
    }
    let body = body.strip_suffix(b"\n").unwrap_or(body);
    (1..)
        .zip(body.split(|&b| b == b'\n'))
        .map(|(number, line)| (number, String::from_utf8(line.to_vec()).map_err(|_| "not UTF-8".to_owned())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_is_one_object_or_numbered_lines() {
        let pretty = "{\n  \"id\": \"a\",\n  \"text\": \"Words.\"\n}\n";
        assert_eq!(lines(pretty.as_bytes()), [(1, Ok(pretty.to_owned()))]);
        let jsonl = b"{\"id\": \"a\"}\n\n{\"id\": \"b\"}\n\xff\n";
        let read = lines(jsonl);
        assert_eq!(read.len(), 4);
        assert_eq!(read[2], (3, Ok("{\"id\": \"b\"}".to_owned())));
        assert_eq!(read[3], (4, Err("not UTF-8".to_owned())));
    }
}
