//! `GET /`: the web page, one self-contained HTML file (no CDN, no build step) embedded in the
//! binary. It talks to the API like any client: `/v1/methods`, `/v1/example`, `/v1/brief`.

use axum::response::Html;

const PAGE: &str = include_str!("page.html");

/// Serves the page.
pub(crate) async fn index() -> Html<&'static str> {
    Html(PAGE)
}
