//! The `/v1` endpoints, one module per group. Every route here runs behind the in-flight limit.

pub(crate) mod articles;
pub(crate) mod brief;
pub(crate) mod events;
pub(crate) mod example;
pub(crate) mod methods;

use crate::AppState;
use axum::routing::{get, post};
use axum::Router;

/// The `/v1` routes.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/brief", post(brief::brief))
        .route("/v1/figures", post(brief::figures))
        .route("/v1/methods", get(methods::list))
        .route("/v1/example", get(example::cluster))
        .route("/v1/articles", post(articles::add))
        .route("/v1/events", get(events::list))
        .route("/v1/events/{id}", get(events::get))
        .route("/v1/events/{id}/brief", get(events::brief))
}
