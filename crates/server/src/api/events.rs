//! `GET /v1/events`, `/v1/events/{id}` and `/v1/events/{id}/brief`: the live store's events, as
//! `chorus events` and `chorus brief --store` give them, read while articles are being added.

use crate::api::brief::content_type;
use crate::error::ApiError;
use crate::input::Options;
use crate::limits::{run_cpu, Arrival, Slot};
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use chorus::live::{self, EventSummary, VersionSummary};
use chorus::Summarizer;
use serde::Serialize;

/// One event with what each version of its brief added.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct EventDetail {
    #[serde(flatten)]
    event: EventSummary,
    /// Every version of its brief, oldest first.
    versions: Vec<VersionSummary>,
}

/// Lists the events, newest activity first (the latest report date, then the latest arrival).
///
/// `limit=N` gives only the first N: only those have their brief looked up, so a page that polls
/// a large store asks for what it shows.
#[utoipa::path(
    get,
    path = "/v1/events",
    params(("limit" = Option<usize>, Query, description = "At most this many events (all when absent)")),
    responses(
        (status = 200, description = "The events, as `chorus events --format json` lists them", body = Vec<EventSummary>),
        (status = 400, description = "A `limit` that is not a whole number, or another parameter", body = crate::error::ErrorBody),
        (status = 404, description = "The server has no store", body = crate::error::ErrorBody),
        (status = 503, description = "The store failed, or the time limit passed", body = crate::error::ErrorBody),
    )
)]
pub(crate) async fn list(
    State(state): State<AppState>,
    Extension(slot): Extension<Slot>,
    Extension(arrival): Extension<Arrival>,
    Query(query): Query<Vec<(String, String)>>,
) -> Result<Json<Vec<EventSummary>>, ApiError> {
    let live = state.live()?;
    let mut limit = None;
    for (name, value) in &query {
        if name != "limit" {
            return Err(ApiError::bad_request("unknown_field", format!("unknown parameter '{name}' (limit)")));
        }
        let number = value.trim().parse::<usize>().map_err(|_| {
            ApiError::bad_request("bad_field", format!("limit: expected a whole number, got '{value}'"))
        })?;
        limit = Some(number);
    }
    Ok(Json(run_cpu(&state, slot, arrival, move || Ok(live::events(live.store(), limit)?)).await?))
}

/// One event, with the history of its brief.
#[utoipa::path(
    get,
    path = "/v1/events/{id}",
    params(("id" = String, Path, description = "The event, as listed (`e3`)")),
    responses(
        (status = 200, description = "The event and what each version of its brief added", body = EventDetail),
        (status = 404, description = "No such event (or no store)", body = crate::error::ErrorBody),
        (status = 503, description = "The store failed, or the time limit passed", body = crate::error::ErrorBody),
    )
)]
pub(crate) async fn get(
    State(state): State<AppState>,
    Extension(slot): Extension<Slot>,
    Extension(arrival): Extension<Arrival>,
    Path(id): Path<String>,
) -> Result<Json<EventDetail>, ApiError> {
    let live = state.live()?;
    let detail = run_cpu(&state, slot, arrival, move || {
        let number = live::parse_event(&id)?;
        Ok(EventDetail { event: live::event(live.store(), number)?, versions: live::history(live.store(), number)? })
    })
    .await?;
    Ok(Json(detail))
}

/// An event's brief of all its reports, or with `since`, what is new since that version.
///
/// With `since=V` the articles version V covered are the reader's seen reports and the update
/// brief leads with the rest. The other parameters are those of `/v1/brief`: `method`, one of
/// `words`, `bytes`, `sentences`, `truncate`, and `format` (or the `Accept` header).
#[utoipa::path(
    get,
    path = "/v1/events/{id}/brief",
    params(
        ("id" = String, Path, description = "The event, as listed (`e3`)"),
        ("since" = Option<u32>, Query, description = "The version the reader has read (`version` of the event)"),
        ("method" = Option<String>, Query, description = "Summarization method"),
        ("words" = Option<usize>, Query, description = "Budget in words (default 100)"),
        ("bytes" = Option<usize>, Query, description = "Budget in bytes"),
        ("sentences" = Option<usize>, Query, description = "Budget in sentences"),
        ("truncate" = Option<bool>, Query, description = "Cut the last sentence at the budget"),
        ("format" = Option<String>, Query, description = "json (default), text, markdown or html"),
    ),
    responses(
        (status = 200, description = "The brief: the JSON of `chorus summarize --format json` (or text, Markdown, HTML)", content((Object = "application/json"), (String = "text/plain"), (String = "text/markdown"), (String = "text/html"))),
        (status = 400, description = "`since` is not a version of the event's brief, or a bad budget, method, format or parameter", body = crate::error::ErrorBody),
        (status = 404, description = "No such event (or no store)", body = crate::error::ErrorBody),
        (status = 406, description = "No acceptable output format in `Accept`", body = crate::error::ErrorBody),
        (status = 409, description = "Nothing new since that version: the reader is up to date", body = crate::error::ErrorBody),
        (status = 422, description = "No sentence to summarize, or none fits the budget", body = crate::error::ErrorBody),
        (status = 503, description = "The store failed, or the time limit passed", body = crate::error::ErrorBody),
    )
)]
pub(crate) async fn brief(
    State(state): State<AppState>,
    Extension(slot): Extension<Slot>,
    Extension(arrival): Extension<Arrival>,
    Path(id): Path<String>,
    Query(query): Query<Vec<(String, String)>>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let live = state.live()?;
    let mut options = Options::default();
    let mut since = None;
    for (name, value) in &query {
        if name == "since" {
            let version = value.trim().parse::<u32>().map_err(|_| {
                ApiError::bad_request(
                    "bad_since",
                    format!("since: expected a version number (1, 2, ...), got '{value}'"),
                )
            })?;
            since = Some(version);
        } else {
            options.set(name, value)?;
        }
    }
    let format = options.format(&headers)?;
    let budget = options.budget()?;
    let method = options.method().to_owned();
    let body = run_cpu(&state, slot, arrival, move || {
        let summarizer = Summarizer::new(&method, budget)?;
        let number = live::parse_event(&id)?;
        let brief = live::brief(live.store(), &summarizer, number, since)?;
        Ok(chorus::render(&brief, format))
    })
    .await?;
    Ok(([(header::CONTENT_TYPE, content_type(format))], body).into_response())
}
