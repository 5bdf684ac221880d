//! The API as a client sees it: a real server on a loopback port, real HTTP requests.

mod common;

use chorus_server::Config;
use common::Server;
use reqwest::multipart::{Form, Part};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/in-amenas")
}

/// The example's four files as a multipart form, as the page sends them.
fn example_form() -> Form {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(example_dir()).expect("example").map(|e| e.expect("entry").path()).collect();
    files.sort();
    let mut form = Form::new().text("id", "in-amenas");
    for path in files {
        let name = path.file_name().expect("name").to_string_lossy().into_owned();
        form = form.part("file", Part::bytes(std::fs::read(&path).expect("read")).file_name(name));
    }
    form
}

/// A JSON cluster of `n` short distinct reports.
fn cluster_json(n: usize) -> Value {
    let documents: Vec<String> = (0..n)
        .map(|i| {
            format!(
                "Rescuers reached the village of Alder {i} on Monday after the flood. Officials said {} people were missing. \
                 The river rose three metres overnight, residents said. Schools in the district stayed closed.\n",
                10 + i
            )
        })
        .collect();
    json!({"id": "flood", "documents": documents})
}

/// The error code of a JSON error answer, after checking its status.
async fn error_code(response: reqwest::Response, status: StatusCode) -> String {
    assert_eq!(response.status(), status, "status");
    assert_eq!(response.headers()["content-type"], "application/json");
    let body: Value = response.json().await.expect("a JSON error body");
    assert!(body["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{body}");
    body["error"]["code"].as_str().expect("a code").to_owned()
}

fn without_timings(mut brief: Value) -> Value {
    brief.as_object_mut().expect("object").remove("timings");
    brief
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn brief_of_the_example_is_the_json_of_chorus_summarize() {
    let server = Server::start(Config::default()).await;
    let response = Client::new()
        .post(server.url("/v1/brief"))
        .multipart(example_form().text("words", "120"))
        .send()
        .await
        .expect("answer");
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    let served: Value = response.json().await.expect("json");

    let cluster = chorus::read_cluster(example_dir()).expect("example");
    let brief = chorus::Summarizer::new(chorus::DEFAULT_METHOD, chorus::Budget::words(120))
        .expect("valid")
        .summarize(cluster)
        .expect("brief");
    let local: Value = serde_json::from_str(&chorus::render(&brief, chorus::Format::Json)).expect("json");
    assert_eq!(without_timings(served), without_timings(local));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn include_text_adds_the_original_texts_that_spans_index() {
    let server = Server::start(Config::default()).await;
    let client = Client::new();
    let plain: Value = client
        .post(server.url("/v1/brief"))
        .multipart(example_form())
        .send()
        .await
        .expect("answer")
        .json()
        .await
        .expect("json");
    assert!(plain["documents"][0].get("text").is_none(), "no text unless asked");

    let brief: Value = client
        .post(server.url("/v1/brief"))
        .multipart(example_form().text("include_text", "true"))
        .send()
        .await
        .expect("answer")
        .json()
        .await
        .expect("json");
    for (i, document) in brief["documents"].as_array().expect("documents").iter().enumerate() {
        let file = example_dir().join(document["file"].as_str().expect("file"));
        assert_eq!(
            document["text"].as_str().expect("text"),
            std::fs::read_to_string(file).expect("read"),
            "document {i}"
        );
    }
    let sentence = &brief["sentences"][0];
    let text =
        brief["documents"][sentence["doc_index"].as_u64().expect("index") as usize]["text"].as_str().expect("text");
    let cited =
        &text[sentence["start"].as_u64().expect("start") as usize..sentence["end"].as_u64().expect("end") as usize];
    assert!(
        // Compression may capitalize a first word that was not first in the report.
        cited.to_lowercase().contains(
            &sentence["text"].as_str().expect("text").split_whitespace().next().expect("a word").to_lowercase()
        ),
        "{cited}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_clusters_html_files_and_every_format() {
    let server = Server::start(Config::default()).await;
    let client = Client::new();
    let mut request = cluster_json(3);
    request["words"] = json!(30);
    let brief: Value =
        client.post(server.url("/v1/brief")).json(&request).send().await.expect("answer").json().await.expect("json");
    assert_eq!(brief["id"], "flood");
    assert!(brief["words"].as_u64().expect("words") <= 30);
    assert_eq!(brief["budget"], json!({"unit": "words", "limit": 30, "truncate": false}));

    for (format, accept, content_type, opening) in [
        (Some("markdown"), None, "text/markdown; charset=utf-8", "# flood"),
        (None, Some("text/html"), "text/html; charset=utf-8", "<!"),
        (None, Some("text/plain;q=0.5, text/markdown"), "text/markdown; charset=utf-8", "# flood"),
        (Some("text"), Some("text/html"), "text/plain; charset=utf-8", "Rescuers"),
    ] {
        let mut request = cluster_json(3);
        if let Some(format) = format {
            request["format"] = json!(format);
        }
        let mut builder = client.post(server.url("/v1/brief")).json(&request);
        if let Some(accept) = accept {
            builder = builder.header("accept", accept);
        }
        let response = builder.send().await.expect("answer");
        assert_eq!(response.status(), 200, "{format:?} {accept:?}");
        assert_eq!(response.headers()["content-type"], content_type, "{format:?} {accept:?}");
        let body = response.text().await.expect("text");
        assert!(body.trim_start().starts_with(opening), "{format:?} {accept:?}: {body}");
    }

    let page = "<!doctype html><html><head><title>Flood in Alder</title></head><body><nav>Home | World</nav><article>\
                <h1>Flood in Alder</h1><p>Rescuers reached the village of Alder on Monday after the flood destroyed the bridge.</p>\
                <p>Officials said twelve people were missing and hundreds had left their homes in the valley.</p>\
                <p>The river rose three metres overnight, residents told reporters at the scene.</p></article></body></html>";
    let form = Form::new()
        .part("file", Part::text(page).file_name("alder.html"))
        .part(
            "file",
            Part::text("Rescuers reached Alder on Monday. Twelve people were missing, officials said.\n")
                .file_name("wire.txt"),
        )
        .text("include_text", "true");
    let brief: Value =
        client.post(server.url("/v1/brief")).multipart(form).send().await.expect("answer").json().await.expect("json");
    assert_eq!(brief["documents"][0]["id"], "alder");
    let article = brief["documents"][0]["text"].as_str().expect("text");
    assert!(
        article.contains("twelve people were missing") && !article.contains("<p>") && !article.contains("Home | World"),
        "{article}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn figures_are_the_json_of_chorus_figures() {
    let server = Server::start(Config::default()).await;
    let response =
        Client::new().post(server.url("/v1/figures")).multipart(example_form()).send().await.expect("answer");
    assert_eq!(response.status(), 200);
    let served: Value = response.json().await.expect("json");
    let cluster = chorus::read_cluster(example_dir()).expect("example");
    let prepared = chorus::prepare(cluster).expect("prepared");
    let report = chorus::FigureReport::new(&prepared, chorus::figures(&prepared));
    assert_eq!(served, serde_json::to_value(&report).expect("json"));
    assert!(
        served["groups"].as_array().expect("groups").iter().any(|g| g["verdict"] == "updated"),
        "the example has a disputed figure"
    );

    let text = Client::new()
        .post(server.url("/v1/figures"))
        .multipart(example_form().text("format", "text"))
        .send()
        .await
        .expect("answer")
        .text()
        .await
        .expect("text");
    assert_eq!(text, chorus::render_figures(&report));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_methods_example_metrics_openapi_and_page() {
    let server = Server::start(Config::default()).await;
    let client = Client::new();
    let get = |path: &str| client.get(server.url(path)).send();

    let health = get("/health").await.expect("answer");
    assert_eq!(health.status(), 200);
    assert_eq!(health.text().await.expect("text"), "ok");

    let methods: Value = get("/v1/methods").await.expect("answer").json().await.expect("json");
    assert_eq!(methods["default"], chorus::DEFAULT_METHOD);
    let names: Vec<&str> =
        methods["methods"].as_array().expect("list").iter().map(|m| m["name"].as_str().expect("name")).collect();
    let expected: Vec<&str> = chorus::methods::methods().iter().map(|m| m.name()).collect();
    assert_eq!(names, expected);

    let example: Value = get("/v1/example").await.expect("answer").json().await.expect("json");
    let files = example["documents"].as_array().expect("documents");
    assert_eq!(files.len(), 4);
    let first = example_dir().join(files[0]["file"].as_str().expect("file"));
    assert_eq!(files[0]["text"].as_str().expect("text"), std::fs::read_to_string(first).expect("read"));

    let page = get("/").await.expect("answer");
    assert_eq!(page.headers()["content-type"], "text/html; charset=utf-8");
    let page = page.text().await.expect("text");
    assert!(
        page.contains("Load the example") && !page.contains("http://") && !page.contains("https://"),
        "self-contained"
    );

    let openapi: Value = get("/openapi.json").await.expect("answer").json().await.expect("json");
    assert!(openapi["openapi"].as_str().expect("version").starts_with("3."));
    for path in ["/v1/brief", "/v1/figures", "/v1/methods", "/v1/example", "/health", "/metrics"] {
        assert!(openapi["paths"].get(path).is_some(), "{path} documented");
    }
    assert!(openapi["paths"]["/v1/brief"]["post"]["responses"].get("429").is_some());
    assert!(openapi["components"]["schemas"]["Options"]["properties"].get("include_text").is_some());

    let _ = get("/nowhere").await.expect("answer");
    let metrics = get("/metrics").await.expect("answer").text().await.expect("text");
    assert!(metrics.contains("chorus_http_requests_total{route=\"/v1/methods\",status=\"200\"} 1\n"), "{metrics}");
    assert!(metrics.contains("chorus_http_requests_total{route=\"unmatched\",status=\"404\"} 1\n"), "{metrics}");
    assert!(metrics.contains("chorus_http_request_duration_seconds_count{route=\"/health\"} 1\n"), "{metrics}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_bad_input_gets_its_status_and_code() {
    let server = Server::start(Config::default()).await;
    let client = Client::new();
    let brief = server.url("/v1/brief");
    let with = |field: &str, value: Value| {
        let mut request = cluster_json(2);
        request[field] = value;
        request
    };
    let mut two_budgets = with("bytes", json!(300));
    two_budgets["words"] = json!(20);
    let cases: Vec<(reqwest::RequestBuilder, StatusCode, &str)> = vec![
        (
            client.post(&brief).header("content-type", "application/json").body("{\"documents\": [\"a\""),
            StatusCode::BAD_REQUEST,
            "bad_json",
        ),
        (client.post(&brief).json(&json!({"documents": []})), StatusCode::BAD_REQUEST, "not_a_cluster"),
        (client.post(&brief).json(&json!([1, 2])), StatusCode::BAD_REQUEST, "not_a_cluster"),
        (client.post(&brief).multipart(Form::new().text("words", "50")), StatusCode::BAD_REQUEST, "no_documents"),
        (client.post(&brief).json(&with("words", json!(0))), StatusCode::BAD_REQUEST, "empty_budget"),
        (client.post(&brief).json(&with("words", json!("ten"))), StatusCode::BAD_REQUEST, "bad_field"),
        (client.post(&brief).json(&two_budgets), StatusCode::BAD_REQUEST, "bad_budget"),
        (client.post(&brief).json(&with("method", json!("oracle"))), StatusCode::BAD_REQUEST, "unknown_method"),
        (client.post(&brief).json(&with("format", json!("pdf"))), StatusCode::BAD_REQUEST, "unknown_format"),
        (client.post(&brief).multipart(example_form().text("colour", "red")), StatusCode::BAD_REQUEST, "unknown_field"),
        (
            client.post(&brief).json(&cluster_json(2)).header("accept", "image/png"),
            StatusCode::NOT_ACCEPTABLE,
            "not_acceptable",
        ),
        (
            client.post(&brief).header("content-type", "text/plain").body("Some report."),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (client.post(&brief).body("Some report."), StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"),
        (
            client
                .post(&brief)
                .multipart(Form::new().part("file", Part::bytes(b"%PDF-1.4".to_vec()).file_name("report.pdf"))),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            client.post(&brief).multipart(
                Form::new().part("file", Part::bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()).file_name("photo.txt")),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
            "unreadable_document",
        ),
        (
            client.post(&brief).json(&json!({"documents": ["flood flood flood"]})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "no_sentences",
        ),
        (client.post(&brief).json(&with("words", json!(2))), StatusCode::UNPROCESSABLE_ENTITY, "nothing_fits"),
        (client.get(&brief), StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
        (client.get(server.url("/v2/brief")), StatusCode::NOT_FOUND, "not_found"),
        (
            client.post(server.url("/v1/figures")).json(&json!({"documents": []})),
            StatusCode::BAD_REQUEST,
            "not_a_cluster",
        ),
        (
            client.post(server.url("/v1/figures")).json(&with("format", json!("html"))),
            StatusCode::NOT_ACCEPTABLE,
            "not_acceptable",
        ),
    ];
    for (i, (request, status, code)) in cases.into_iter().enumerate() {
        let response = request.send().await.expect("answer");
        assert_eq!(error_code(response, status).await, code, "case {i}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_over_the_limit_is_413_with_or_without_a_length() {
    let server = Server::start(Config { max_body: 4096, ..Config::default() }).await;
    let big = cluster_json(40);
    assert!(big.to_string().len() > 4096);
    let response = Client::new().post(server.url("/v1/brief")).json(&big).send().await.expect("answer");
    assert_eq!(error_code(response, StatusCode::PAYLOAD_TOO_LARGE).await, "body_too_large");

    // Chunked, so the server only finds out while reading.
    let body = big.to_string();
    let mut request = String::from("POST /v1/brief HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
    for chunk in body.as_bytes().chunks(1000) {
        request.push_str(&format!("{:x}\r\n{}\r\n", chunk.len(), std::str::from_utf8(chunk).expect("ascii")));
    }
    request.push_str("0\r\n\r\n");
    let answer = raw_exchange(server.addr, request.as_bytes()).await;
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("\"body_too_large\""), "{answer}");

    let small = Client::new().post(server.url("/v1/brief")).json(&cluster_json(2)).send().await.expect("answer");
    assert_eq!(small.status(), 200, "a body under the limit is read");
}

/// Sends raw bytes and reads the whole answer (the request asks the server to close). Plain
/// blocking sockets, on the blocking pool.
async fn raw_exchange(addr: std::net::SocketAddr, request: &[u8]) -> String {
    let request = request.to_vec();
    tokio::task::spawn_blocking(move || {
        let mut stream = TcpStream::connect(addr).expect("connect");
        stream.write_all(&request).expect("write");
        read_answer(stream)
    })
    .await
    .expect("exchange")
}

/// Everything the server sends until it closes the connection (or 10 s pass).
fn read_answer(mut stream: TcpStream) -> String {
    stream.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

/// Opens a request whose body never comes: it holds an in-flight slot until the time limit.
fn stalled_request(addr: std::net::SocketAddr) -> TcpStream {
    let mut stream = TcpStream::connect(addr).expect("connect");
    let head = "POST /v1/brief HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"documents\":";
    stream.write_all(head.as_bytes()).expect("write");
    stream
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn beyond_the_in_flight_limit_is_429_and_a_stalled_body_is_408() {
    let server =
        Server::start(Config { max_in_flight: 1, timeout: Duration::from_millis(1500), ..Config::default() }).await;
    let stalled = stalled_request(server.addr);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let client = Client::new();
    let response = client.post(server.url("/v1/brief")).json(&cluster_json(2)).send().await.expect("answer");
    assert_eq!(response.headers()["retry-after"], "1");
    assert_eq!(error_code(response, StatusCode::TOO_MANY_REQUESTS).await, "too_many_requests");
    let health = client.get(server.url("/health")).send().await.expect("answer");
    assert_eq!(health.status(), 200, "health is not behind the limit");

    let answer = tokio::task::spawn_blocking(move || read_answer(stalled)).await.expect("read");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("\"request_timeout\""), "{answer}");

    let response = client.post(server.url("/v1/brief")).json(&cluster_json(2)).send().await.expect("answer");
    assert_eq!(response.status(), 200, "the slot is free again");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn work_over_the_time_limit_is_503_and_keeps_its_slot_until_it_ends() {
    let server =
        Server::start(Config { max_in_flight: 1, timeout: Duration::from_millis(1), ..Config::default() }).await;
    let client = Client::new();
    // Reports with words of their own, so none is a near-duplicate of another: tens of thousands
    // of sentences, whose brief takes far longer than the 1 ms limit on any machine.
    let documents: Vec<String> = (0..3000)
        .map(|i| {
            (0..10)
                .map(|j| format!("Team t{i}x{j} counted {} survivors in district d{i}y{j} after the storm. ", i + j))
                .collect()
        })
        .collect();
    let heavy = json!({"id": "storm", "documents": documents});
    let response = client.post(server.url("/v1/brief")).json(&heavy).send().await.expect("answer");
    assert_eq!(error_code(response, StatusCode::SERVICE_UNAVAILABLE).await, "timeout");
    // The abandoned work still runs and still holds the only slot.
    let response = client.post(server.url("/v1/brief")).json(&cluster_json(2)).send().await.expect("answer");
    assert_eq!(error_code(response, StatusCode::TOO_MANY_REQUESTS).await, "too_many_requests");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_requests_all_get_the_same_brief() {
    let server = Server::start(Config::default()).await;
    let client = Client::new();
    let requests = (0..8).map(|_| {
        let request = client.post(server.url("/v1/brief")).multipart(example_form().text("words", "80"));
        async move { request.send().await.expect("answer").json::<Value>().await.expect("json") }
    });
    let briefs = futures_join_all(requests).await;
    assert!(briefs
        .iter()
        .all(|b| b["summary"] == briefs[0]["summary"] && !b["summary"].as_str().expect("text").is_empty()));
}

/// Runs futures concurrently on the runtime and collects their outputs in order.
async fn futures_join_all<F>(futures: impl Iterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut outputs = Vec::new();
    for handle in handles {
        outputs.push(handle.await.expect("task"));
    }
    outputs
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_lets_the_request_in_flight_finish() {
    let server = Server::start(Config::default()).await;
    let request = Client::new().post(server.url("/v1/brief")).json(&cluster_json(400)).send();
    let pending = tokio::spawn(request);
    tokio::time::sleep(Duration::from_millis(150)).await;
    server.shut_down().await;
    let response = pending.await.expect("task").expect("answered before the server stopped");
    assert_eq!(response.status(), 200);
}
