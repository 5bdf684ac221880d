//! What one request may take: a slot among the requests in flight (429 beyond), a body no larger
//! than `max_body` (413), and a time limit for reading the body (408) and for the work (503).

use crate::error::{internal, ApiError};
use crate::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use tokio::sync::OwnedSemaphorePermit;
use tokio::time::Instant;

/// A request's slot among those in flight. The handler hands a clone to its blocking work, so
/// the slot is freed when both the response is sent and the work has ended.
#[derive(Clone)]
pub(crate) struct Slot {
    _permit: Arc<OwnedSemaphorePermit>,
}

/// When the request arrived: its time limit counts from here.
#[derive(Clone, Copy)]
pub(crate) struct Arrival(Instant);

/// Middleware: admits a request if a slot is free, else answers 429 at once.
pub(crate) async fn admit(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let Ok(permit) = state.in_flight.clone().try_acquire_owned() else {
        return ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_requests",
            format!("the server is handling its limit of {} requests; retry shortly", state.config.max_in_flight),
        )
        .into_response();
    };
    request.extensions_mut().insert(Slot { _permit: Arc::new(permit) });
    request.extensions_mut().insert(Arrival(Instant::now()));
    next.run(request).await
}

/// The whole body of a request, refused with 413 beyond `max_body` (whether announced by
/// `Content-Length` or found while reading a chunked body) and with 408 when it arrives too slowly.
pub(crate) async fn read_body(
    state: &AppState,
    arrival: Arrival,
    body: Body,
    length: Option<u64>,
) -> Result<axum::body::Bytes, ApiError> {
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            format!("the request body is larger than the limit of {} bytes", state.config.max_body),
        )
    };
    if length.is_some_and(|n| n > state.config.max_body as u64) {
        return Err(too_large());
    }
    let deadline = arrival.0 + state.config.timeout;
    match tokio::time::timeout_at(deadline, axum::body::to_bytes(body, state.config.max_body)).await {
        Err(_) => Err(ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "request_timeout",
            format!("the request body did not arrive within the time limit of {} ms", state.config.timeout.as_millis()),
        )),
        Ok(Err(error)) if is_length_limit(&error) => Err(too_large()),
        Ok(Err(error)) => Err(ApiError::bad_request("bad_body", format!("cannot read the request body: {error}"))),
        Ok(Ok(bytes)) => Ok(bytes),
    }
}

/// Whether reading failed on the size limit rather than on the connection.
fn is_length_limit(error: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(error) = source {
        if error.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = error.source();
    }
    false
}

/// The declared `Content-Length`, if any.
pub(crate) fn content_length(headers: &axum::http::HeaderMap) -> Option<u64> {
    headers.get(header::CONTENT_LENGTH)?.to_str().ok()?.parse().ok()
}

/// Runs CPU work on the blocking pool within what is left of the request's time limit. On
/// timeout the client gets 503 at once; the work runs to its end holding the request's slot, so
/// abandoned work still counts against the in-flight limit. A panic in the work becomes a 500.
pub(crate) async fn run_cpu<T: Send + 'static>(
    state: &AppState,
    slot: Slot,
    arrival: Arrival,
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let task = tokio::task::spawn_blocking(move || {
        let result = work();
        drop(slot);
        result
    });
    match tokio::time::timeout_at(arrival.0 + state.config.timeout, task).await {
        Err(_) => Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            format!("the work took longer than the time limit of {} ms", state.config.timeout.as_millis()),
        )),
        Ok(Err(_panicked)) => Err(internal()),
        Ok(Ok(result)) => result,
    }
}
