//! chorus-server: `chorus serve`, the HTTP API and the web page of chorus.
//!
//! One module per concern: `api` holds the `/v1` endpoints (one module per endpoint group:
//! `brief`, `articles` and `events` of the live store, ...), `input` turns a request into a
//! cluster and options, `limits` bounds what one request may take, `live` is the live store the
//! server owns with `Config::store` (one writer, concurrent readers), `metrics` counts requests
//! for `/metrics`, `page` serves the web page, `openapi` documents it all.
//!
//! Summarizing is CPU work: it runs on tokio's blocking pool, never on the async workers, so a
//! slow request does not stall the others, and a panic in it becomes a 500 for that request only.
//!
//! ```no_run
//! let config = chorus_server::Config::default();
//! chorus_server::run("127.0.0.1:8080", config, |addr| println!("listening on http://{addr}"))?;
//! # Ok::<(), std::io::Error>(())
//! ```

#![deny(missing_docs)]

mod api;
mod error;
mod input;
mod limits;
mod live;
mod metrics;
mod openapi;
mod page;

pub use error::ApiError;
pub use openapi::openapi_json;

use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use axum::Router;
use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// The limits a public-facing service needs, and its live store.
#[derive(Debug, Clone)]
pub struct Config {
    /// Largest request body accepted, in bytes; larger ones get 413.
    pub max_body: usize,
    /// Longest a request may take, reading its body and summarizing; beyond it 408 or 503.
    pub timeout: Duration,
    /// Most `/v1` requests handled at once; beyond it 429. A request's slot is held until its
    /// summarizing really ends, even when its client was already answered with a timeout.
    pub max_in_flight: usize,
    /// The live store's directory (`--store DIR`): with it, `POST /v1/articles` and
    /// `GET /v1/events...` serve it; the server is then its one writer.
    pub store: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config { max_body: 10 << 20, timeout: Duration::from_secs(30), max_in_flight: 16, store: None }
    }
}

/// What every handler shares.
#[derive(Clone)]
struct AppState {
    config: Arc<Config>,
    in_flight: Arc<Semaphore>,
    metrics: Arc<metrics::Metrics>,
    live: Option<Arc<live::LiveStore>>,
}

impl AppState {
    /// The live store, or 404 when the server has none.
    fn live(&self) -> Result<Arc<live::LiveStore>, ApiError> {
        self.live.clone().ok_or_else(|| {
            ApiError::new(
                axum::http::StatusCode::NOT_FOUND,
                "no_store",
                "this server has no live store (start it with `chorus serve --store DIR`)",
            )
        })
    }
}

/// The service around a given set of `/v1` routes (tests add a panicking one): the `/v1` API
/// behind the in-flight limit, and the page, health, metrics and OpenAPI document beside it, all
/// counted and protected from panics.
fn app(config: Config, live: Option<Arc<live::LiveStore>>, v1: Router<AppState>) -> Router {
    let state = AppState {
        in_flight: Arc::new(Semaphore::new(config.max_in_flight)),
        config: Arc::new(config),
        metrics: Arc::new(metrics::Metrics::default()),
        live,
    };
    let v1 = v1
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), limits::admit))
        .method_not_allowed_fallback(error::method_not_allowed);
    Router::new()
        .route("/", get(page::index))
        .route("/health", get(health))
        .route("/metrics", get(metrics::render))
        .route("/openapi.json", get(openapi::serve))
        .merge(v1)
        .fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed)
        // Bodies are read by `limits::read_body` against `Config::max_body`, with a JSON 413.
        .layer(DefaultBodyLimit::disable())
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(error::panic_response))
        .layer(axum::middleware::from_fn_with_state(state.clone(), metrics::record))
        .with_state(state)
}

/// `GET /health`: the server is up.
#[utoipa::path(get, path = "/health", responses((status = 200, description = "The server is up", body = String, example = "ok")))]
async fn health() -> &'static str {
    "ok"
}

/// Serves on `listener` until `shutdown` completes; requests in flight then finish before this
/// returns. With `config.store`, the store is opened (and replayed) first; an error names it.
pub async fn serve(
    listener: TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let live = open_store(&config).await?;
    serve_open(listener, config, live, shutdown).await
}

/// Opens `config.store`, if any, on the blocking pool.
async fn open_store(config: &Config) -> std::io::Result<Option<Arc<live::LiveStore>>> {
    let Some(dir) = config.store.clone() else {
        return Ok(None);
    };
    let opened =
        tokio::task::spawn_blocking(move || live::LiveStore::open(&dir)).await.map_err(std::io::Error::other)?;
    Ok(Some(Arc::new(opened?)))
}

/// Serves with the store already open. After the last response, waits for a batch still being
/// written (one whose client was answered 503 on the time limit) to commit, so that a SIGTERM
/// leaves every batch whole in the store.
async fn serve_open(
    listener: TcpListener,
    config: Config,
    live: Option<Arc<live::LiveStore>>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let served = axum::serve(listener, app(config, live.clone(), api::routes())).with_graceful_shutdown(shutdown).await;
    if let Some(live) = live {
        tokio::task::spawn_blocking(move || live.finish()).await.map_err(std::io::Error::other)?;
    }
    served
}

/// Opens the store (if any), binds `addr`, tells `on_bound` the address it listens on (port 0
/// picks a free one), and serves until SIGTERM or Ctrl-C, letting requests in flight finish.
/// Blocks the calling thread.
pub fn run(addr: &str, config: Config, on_bound: impl FnOnce(SocketAddr)) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let live = open_store(&config).await?;
        let listener = TcpListener::bind(addr).await?;
        on_bound(listener.local_addr()?);
        serve_open(listener, config, live, shutdown_signal()).await
    })
}

/// Completes on Ctrl-C or SIGTERM (what `docker stop` and systemd send).
async fn shutdown_signal() {
    let ctrl_c = async {
        // Without a signal handler there is nothing to wait for but the other signal.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_panic_in_a_handler_is_a_json_500_and_the_server_goes_on() {
        async fn buggy() -> &'static str {
            panic!("a bug in one request")
        }
        let routes = api::routes().route("/v1/panic", get(buggy));
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        tokio::spawn(async move { axum::serve(listener, app(Config::default(), None, routes)).await });
        let client = reqwest::Client::new();
        let response = client.get(format!("{base}/v1/panic")).send().await.expect("answer");
        assert_eq!(response.status(), 500);
        let body: serde_json::Value = response.json().await.expect("json");
        assert_eq!(body["error"]["code"], "internal");
        let health = client.get(format!("{base}/health")).send().await.expect("answer");
        assert_eq!(health.status(), 200);
        let metrics = client.get(format!("{base}/metrics")).send().await.expect("answer").text().await.expect("text");
        assert!(metrics.contains("route=\"/v1/panic\",status=\"500\"} 1"), "{metrics}");
    }
}
