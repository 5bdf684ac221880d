//! `GET /openapi.json`: the OpenAPI 3.1 document, generated from the handlers' annotations and
//! the request and response types, so it cannot drift from the code.

use crate::api;
use crate::error::{ErrorBody, ErrorDetail};
use crate::input::Options;
use axum::http::header;
use axum::response::IntoResponse;
use serde::Deserialize;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "chorus",
        description = "Many news reports of one event in, one cited brief out. Byte offsets (`start`, `end`) index each document's original UTF-8 text."
    ),
    paths(
        api::brief::brief,
        api::brief::figures,
        api::methods::list,
        api::example::cluster,
        api::articles::add,
        api::events::list,
        api::events::get,
        api::events::brief,
        crate::health,
        crate::metrics::render,
    ),
    components(schemas(BriefRequest, BriefForm, Document, Options, ErrorBody, ErrorDetail))
)]
struct ApiDoc;

/// A JSON request: the cluster object `chorus summarize` reads, with the options beside it.
#[derive(Deserialize, utoipa::ToSchema)]
#[allow(dead_code)] // It only describes the request in the OpenAPI document; `input` reads it.
pub(crate) struct BriefRequest {
    /// The cluster's id; `request` when absent.
    id: Option<String>,
    /// The reports.
    documents: Vec<Document>,
    #[serde(flatten)]
    options: Options,
}

/// A report: its text alone, or an object with its text.
#[derive(Deserialize, utoipa::ToSchema)]
#[allow(dead_code)] // It only describes the request in the OpenAPI document; `input` reads it.
#[serde(untagged)]
pub(crate) enum Document {
    /// The report's text.
    Text(String),
    /// The report with its metadata.
    Article {
        /// The document id; its position when absent.
        id: Option<String>,
        /// The report's text (HTML pages are reduced to their article).
        text: String,
        /// Its headline.
        title: Option<String>,
        /// Publication date; used to order the brief.
        date: Option<String>,
    },
}

/// A multipart request: report files and option fields.
#[derive(Deserialize, utoipa::ToSchema)]
#[allow(dead_code)] // It only describes the request in the OpenAPI document; `input` reads it.
pub(crate) struct BriefForm {
    /// One part per report file (.txt, .md, .html, .htm); the file stem is the document id.
    #[schema(value_type = Vec<String>, format = Binary)]
    file: Vec<String>,
    /// The cluster's id; `upload` when absent.
    id: Option<String>,
    #[serde(flatten)]
    options: Options,
}

/// The OpenAPI document as JSON.
pub fn openapi_json() -> String {
    ApiDoc::openapi().to_pretty_json().unwrap_or_default()
}

/// Serves the OpenAPI document.
pub(crate) async fn serve() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], openapi_json())
}
