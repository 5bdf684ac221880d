//! The one error shape of the API: `{"error": {"code", "message"}}` with the status that fits,
//! so a client can branch on `code` and show `message` to a person.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use chorus::ingest::{IngestError, Problem};
use serde::Serialize;
use std::any::Any;

/// A request the server refuses or could not answer.
#[derive(Debug, Clone)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// A stable machine-readable name, such as `bad_json` or `too_many_requests`.
    pub code: &'static str,
    /// One line for a person.
    pub message: String,
}

/// The JSON body of every error response.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    error: ErrorDetail,
}

/// What went wrong.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable name: `bad_json`, `not_a_cluster`, `no_documents`, `empty_budget`, `bad_budget`,
    /// `unknown_method`, `unknown_format`, `unknown_field`, `bad_multipart`, `unreadable_document`,
    /// `no_sentences`, `nothing_fits`, `body_too_large`, `unsupported_media_type`,
    /// `not_acceptable`, `too_many_requests`, `request_timeout`, `timeout`, `not_found`,
    /// `method_not_allowed`, `internal`.
    code: String,
    /// One line for a person.
    message: String,
}

impl ApiError {
    /// An error with this status, code and message.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError { status, code, message: message.into() }
    }

    /// 400: the request is malformed.
    pub(crate) fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, code, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody { error: ErrorDetail { code: self.code.to_owned(), message: self.message } };
        let mut response = (self.status, axum::Json(body)).into_response();
        if self.status == StatusCode::TOO_MANY_REQUESTS || self.status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
        }
        response
    }
}

/// What the summarizer refuses: a bad request (400) or an input with nothing to summarize (422).
impl From<chorus::Error> for ApiError {
    fn from(error: chorus::Error) -> Self {
        let message = error.to_string();
        match error {
            chorus::Error::Method(_) => ApiError::bad_request("unknown_method", message),
            chorus::Error::NoDocuments(_) => ApiError::bad_request("no_documents", message),
            chorus::Error::EmptyBudget => ApiError::bad_request("empty_budget", message),
            chorus::Error::NoSentences(_) => ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "no_sentences", message),
            chorus::Error::NothingFits(_) => ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "nothing_fits", message),
            chorus::Error::NothingNew(_) => ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "nothing_new", message),
            chorus::Error::Ingest(error) => ApiError::from(error),
        }
    }
}

/// What ingest refuses: malformed JSON or a non-cluster is a bad request (400); a document that
/// is well-formed but has no text to read (binary, empty, a page without an article) is 422.
impl From<IngestError> for ApiError {
    fn from(error: IngestError) -> Self {
        let message = error.to_string();
        match error.problem() {
            Problem::Json(_) => ApiError::bad_request("bad_json", message),
            Problem::NotACluster(_) => ApiError::bad_request("not_a_cluster", message),
            Problem::Binary | Problem::Empty | Problem::Html(_) => {
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "unreadable_document", message)
            }
            _ => ApiError::bad_request("bad_input", message),
        }
    }
}

/// Any path the server does not know.
pub(crate) async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such endpoint (see /openapi.json)")
}

/// A known path with the wrong method.
pub(crate) async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this endpoint does not take that method (see /openapi.json)",
    )
}

/// A handler panicked: the request gets a 500, the server goes on.
pub(crate) fn panic_response(_panic: Box<dyn Any + Send + 'static>) -> Response {
    internal().into_response()
}

/// 500: a bug in the server, not the request's fault.
pub(crate) fn internal() -> ApiError {
    ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "internal error while handling the request")
}
