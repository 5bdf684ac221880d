//! `GET /metrics`: requests by route and status, and a latency histogram by route, in the
//! Prometheus text format. A few counters behind one mutex: no exporter dependency needed.

use crate::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::time::Instant;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 12] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

/// Counts since the server started.
#[derive(Default)]
pub(crate) struct Metrics {
    counts: Mutex<Counts>,
}

#[derive(Default)]
struct Counts {
    /// (route, status) → requests.
    requests: BTreeMap<(String, u16), u64>,
    /// route → latency histogram.
    latency: BTreeMap<String, Histogram>,
}

#[derive(Default)]
struct Histogram {
    /// Observations at or under each bound of `BUCKETS`.
    buckets: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

impl Metrics {
    fn observe(&self, route: String, status: u16, seconds: f64) {
        // A poisoned lock only means another request panicked mid-update; the counts stand.
        let mut counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        *counts.requests.entry((route.clone(), status)).or_default() += 1;
        let histogram = counts.latency.entry(route).or_default();
        for (bucket, bound) in histogram.buckets.iter_mut().zip(BUCKETS) {
            if seconds <= bound {
                *bucket += 1;
            }
        }
        histogram.count += 1;
        histogram.sum += seconds;
    }

    fn text(&self) -> String {
        let counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        let mut out = String::new();
        out.push_str("# HELP chorus_http_requests_total HTTP requests by route and status.\n");
        out.push_str("# TYPE chorus_http_requests_total counter\n");
        for ((route, status), n) in &counts.requests {
            let _ = writeln!(out, "chorus_http_requests_total{{route=\"{route}\",status=\"{status}\"}} {n}");
        }
        out.push_str("# HELP chorus_http_request_duration_seconds Time to answer a request, by route.\n");
        out.push_str("# TYPE chorus_http_request_duration_seconds histogram\n");
        for (route, h) in &counts.latency {
            let name = "chorus_http_request_duration_seconds";
            for (bound, n) in BUCKETS.iter().zip(h.buckets) {
                let _ = writeln!(out, "{name}_bucket{{route=\"{route}\",le=\"{bound}\"}} {n}");
            }
            let _ = writeln!(out, "{name}_bucket{{route=\"{route}\",le=\"+Inf\"}} {}", h.count);
            let _ = writeln!(out, "{name}_sum{{route=\"{route}\"}} {}", h.sum);
            let _ = writeln!(out, "{name}_count{{route=\"{route}\"}} {}", h.count);
        }
        out
    }
}

/// Middleware: times every request and counts it under its route pattern (`unmatched` for
/// unknown paths, so a scan of random URLs cannot grow the table).
pub(crate) async fn record(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let route =
        request.extensions().get::<MatchedPath>().map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let clock = Instant::now();
    let response = next.run(request).await;
    state.metrics.observe(route, response.status().as_u16(), clock.elapsed().as_secs_f64());
    response
}

/// The counts, in the Prometheus text format.
#[utoipa::path(get, path = "/metrics", responses((status = 200, description = "Prometheus text format", body = String, content_type = "text/plain")))]
pub(crate) async fn render(State(state): State<AppState>) -> impl IntoResponse {
    let mut text = state.metrics.text();
    if let Some(live) = state.live {
        // Two counts of one read transaction each: cheap enough to take on every scrape.
        let counts = tokio::task::spawn_blocking(move || {
            let store = live.store();
            Some((store.len().ok()?, store.event_count().ok()?))
        });
        if let Ok(Some((articles, events))) = counts.await {
            text.push_str(&store_text(articles, events));
        }
    }
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], text)
}

/// The live store's gauges.
fn store_text(articles: u64, events: u64) -> String {
    format!(
        "# HELP chorus_store_articles Articles in the live store.\n# TYPE chorus_store_articles gauge\n\
         chorus_store_articles {articles}\n\
         # HELP chorus_store_events Events in the live store.\n# TYPE chorus_store_events gauge\n\
         chorus_store_events {events}\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_are_cumulative_and_counts_per_status() {
        let metrics = Metrics::default();
        metrics.observe("/v1/brief".into(), 200, 0.003);
        metrics.observe("/v1/brief".into(), 200, 0.2);
        metrics.observe("/v1/brief".into(), 429, 0.0001);
        let text = metrics.text();
        assert!(text.contains("chorus_http_requests_total{route=\"/v1/brief\",status=\"200\"} 2\n"), "{text}");
        assert!(text.contains("chorus_http_requests_total{route=\"/v1/brief\",status=\"429\"} 1\n"), "{text}");
        assert!(text.contains("_bucket{route=\"/v1/brief\",le=\"0.001\"} 1\n"), "{text}");
        assert!(text.contains("_bucket{route=\"/v1/brief\",le=\"0.005\"} 2\n"), "{text}");
        assert!(text.contains("_bucket{route=\"/v1/brief\",le=\"0.25\"} 3\n"), "{text}");
        assert!(text.contains("_count{route=\"/v1/brief\"} 3\n"), "{text}");
    }
}
