//! The live store's endpoints as a client sees them: `chorus serve --store DIR` on a loopback
//! port, real HTTP requests, and the store read back afterwards.

mod common;

use chorus_server::Config;
use common::Server;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// A server with a store in `store` (or none) on a free loopback port.
async fn start_server(store: Option<&Path>) -> Server {
    Server::start(Config { store: store.map(Path::to_path_buf), ..Config::default() }).await
}

/// The bundled stream's lines.
fn stream() -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/stream/articles.jsonl");
    std::fs::read_to_string(path).expect("example stream").lines().map(str::to_owned).collect()
}

async fn post_articles(client: &Client, server: &Server, body: String) -> reqwest::Response {
    client
        .post(server.url("/v1/articles"))
        .header("content-type", "application/x-ndjson")
        .body(body)
        .send()
        .await
        .expect("answer")
}

async fn get_json(client: &Client, url: String) -> Value {
    let response = client.get(url).send().await.expect("answer");
    assert_eq!(response.status(), 200);
    response.json().await.expect("json")
}

/// The error code of a JSON error answer, after checking its status.
async fn error_code(response: reqwest::Response, status: StatusCode) -> String {
    assert_eq!(response.status(), status, "status");
    assert_eq!(response.headers()["content-type"], "application/json");
    let body: Value = response.json().await.expect("a JSON error body");
    assert!(body["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{body}");
    body["error"]["code"].as_str().expect("a code").to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn articles_in_events_and_briefs_out_as_the_cli_gives_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let server = start_server(Some(dir.path())).await;
    let client = Client::new();
    let lines = stream();

    let response = post_articles(&client, &server, lines[..7].join("\n") + "\n").await;
    assert_eq!(response.status(), 200);
    let added: Value = response.json().await.expect("json");
    let events: Vec<&str> =
        added["results"].as_array().expect("results").iter().map(|r| r["event"].as_str().expect("acked")).collect();
    assert_eq!(events, ["e0", "e0", "e0", "e1", "e0", "e2", "e1"]);
    assert_eq!(added["errors"], 0);
    assert_eq!(added["results"][0]["id"], "valley-herald-0302");

    let listed = get_json(&client, server.url("/v1/events")).await;
    let merger = listed.as_array().expect("list").iter().find(|e| e["id"] == "e1").expect("e1 listed").clone();
    assert_eq!(
        merger,
        json!({"id": "e1", "title": "Northway Rail agrees to buy Tessel Freight", "first": "2026-03-03",
               "last": "2026-03-04", "reports": 2, "articles": ["northway-merger-0303", "tessel-unions-0304"],
               "disputed": 0, "version": 1})
    );

    // The rest of the stream, one article object per request (the first one pretty-printed).
    let pretty = serde_json::to_string_pretty(&serde_json::from_str::<Value>(&lines[7]).expect("json")).expect("json");
    for body in std::iter::once(pretty).chain(lines[8..].iter().cloned()) {
        let response = client.post(server.url("/v1/articles")).header("content-type", "application/json").body(body);
        let added: Value = response.send().await.expect("answer").json().await.expect("json");
        assert_eq!(added["errors"], 0, "{added}");
    }
    let listed = get_json(&client, server.url("/v1/events")).await;
    let lasts: Vec<&str> =
        listed.as_array().expect("list").iter().map(|e| e["last"].as_str().expect("dated")).collect();
    assert!(lasts.windows(2).all(|w| w[0] >= w[1]), "newest activity first: {lasts:?}");
    assert_eq!(lasts.len(), 5);
    let newest = get_json(&client, server.url("/v1/events?limit=2")).await;
    assert_eq!(
        newest.as_array().map(|n| &n[..]),
        Some(&listed.as_array().expect("list")[..2]),
        "limit keeps the newest"
    );

    let detail = get_json(&client, server.url("/v1/events/e1")).await;
    assert_eq!((detail["reports"].as_u64(), detail["version"].as_u64()), (Some(3), Some(2)));
    assert_eq!(detail["versions"][1]["added_articles"], json!(["northway-shares-0305"]));
    assert_eq!(detail["versions"][0]["reports"], 2);

    let update =
        client.get(server.url("/v1/events/e1/brief?since=1&words=60&format=text")).send().await.expect("answer");
    assert_eq!(update.status(), 200);
    assert!(update.headers()["content-type"].to_str().expect("ascii").starts_with("text/plain"));
    let text = update.text().await.expect("text");
    assert!(text.starts_with("Shares in Northway Rail rose 6 percent as investors"), "{text}");
    let full = get_json(&client, server.url("/v1/events/e1/brief")).await;
    assert_eq!(full["documents"].as_array().map(Vec::len), Some(3), "{full}");
    let markdown =
        client.get(server.url("/v1/events/1/brief")).header("accept", "text/markdown").send().await.expect("answer");
    assert!(markdown.text().await.expect("text").starts_with("# e1"));

    let metrics = client.get(server.url("/metrics")).send().await.expect("answer").text().await.expect("text");
    assert!(metrics.contains("\nchorus_store_articles 12\n"), "{metrics}");
    assert!(metrics.contains("\nchorus_store_events 5\n"), "{metrics}");
    server.shut_down().await;

    // The store is the CLI's: the same events, readable once the server has stopped.
    let store = chorus::store::Store::open(dir.path()).expect("the server let go of the store");
    let events = chorus::live::events(&store, None).expect("reads");
    assert_eq!(serde_json::to_value(&events).expect("json"), listed);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn errors_have_their_status_and_code() {
    let dir = tempfile::tempdir().expect("temp dir");
    let server = start_server(Some(dir.path())).await;
    let client = Client::new();
    let lines = stream();
    let body = format!("{}\n{{not json\n\n{}\n", lines[3], lines[6]);
    let added: Value = post_articles(&client, &server, body).await.json().await.expect("json");
    assert_eq!(added["errors"], 1);
    assert_eq!(added["results"][1]["line"], 2);
    assert!(added["results"][1]["error"].as_str().is_some_and(|e| e.starts_with("invalid JSON")), "{added}");
    assert_eq!(
        (added["results"][0]["event"].as_str(), added["results"][2]["event"].as_str()),
        (Some("e0"), Some("e1"))
    );
    assert_eq!(added["results"].as_array().map(Vec::len), Some(3), "a blank line has no result");

    // An article fed again keeps its event and is not stored twice.
    let again: Value = post_articles(&client, &server, lines[3].clone()).await.json().await.expect("json");
    assert_eq!(again["results"], json!([{"id": "northway-merger-0303", "event": "e0"}]));
    assert_eq!(get_json(&client, server.url("/v1/events/e0")).await["reports"], 1);

    let cases = [
        (post_articles(&client, &server, "\n \n".into()).await, StatusCode::BAD_REQUEST, "no_articles"),
        (
            client
                .post(server.url("/v1/articles"))
                .header("content-type", "text/plain")
                .body(lines[0].clone())
                .send()
                .await
                .expect("answer"),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            client.get(server.url("/v1/events/e99")).send().await.expect("answer"),
            StatusCode::NOT_FOUND,
            "unknown_event",
        ),
        (
            client.get(server.url("/v1/events/x1/brief")).send().await.expect("answer"),
            StatusCode::NOT_FOUND,
            "unknown_event",
        ),
        (
            client.get(server.url("/v1/events/e99/brief")).send().await.expect("answer"),
            StatusCode::NOT_FOUND,
            "unknown_event",
        ),
        (
            client.get(server.url("/v1/events/e0/brief?since=9")).send().await.expect("answer"),
            StatusCode::BAD_REQUEST,
            "bad_since",
        ),
        (
            client.get(server.url("/v1/events/e0/brief?since=0")).send().await.expect("answer"),
            StatusCode::BAD_REQUEST,
            "bad_since",
        ),
        (
            client.get(server.url("/v1/events/e0/brief?since=latest")).send().await.expect("answer"),
            StatusCode::BAD_REQUEST,
            "bad_since",
        ),
        (
            client.get(server.url("/v1/events/e0/brief?since=1")).send().await.expect("answer"),
            StatusCode::CONFLICT,
            "nothing_new",
        ),
        (
            client.get(server.url("/v1/events/e0/brief?words=0")).send().await.expect("answer"),
            StatusCode::BAD_REQUEST,
            "empty_budget",
        ),
        (
            client.get(server.url("/v1/events/e0/brief?colour=red")).send().await.expect("answer"),
            StatusCode::BAD_REQUEST,
            "unknown_field",
        ),
        (
            client.get(server.url("/v1/events/e0/brief?format=pdf")).send().await.expect("answer"),
            StatusCode::BAD_REQUEST,
            "unknown_format",
        ),
        (
            client.delete(server.url("/v1/events")).send().await.expect("answer"),
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
        ),
    ];
    for (response, status, code) in cases {
        let url = response.url().to_string();
        assert_eq!(error_code(response, status).await, code, "{url}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_store_the_live_endpoints_say_so() {
    let server = start_server(None).await;
    let client = Client::new();
    let list = client.get(server.url("/v1/events")).send().await.expect("answer");
    assert_eq!(error_code(list, StatusCode::NOT_FOUND).await, "no_store");
    let post = post_articles(&client, &server, stream()[0].clone()).await;
    assert_eq!(error_code(post, StatusCode::NOT_FOUND).await, "no_store");
    let metrics = client.get(server.url("/metrics")).send().await.expect("answer").text().await.expect("text");
    assert!(!metrics.contains("chorus_store_articles"), "{metrics}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_store_another_process_holds_is_refused_with_its_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let _held = chorus::store::Store::open(dir.path()).expect("opens");
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let config = Config { store: Some(dir.path().to_path_buf()), ..Config::default() };
    let error = chorus_server::serve(listener, config, std::future::pending()).await.expect_err("refused");
    let message = error.to_string();
    assert!(message.contains("chorus.redb") && message.contains("in use"), "{message}");
}

/// `n` short articles of distinct events, with ids from `prefix`.
fn articles(prefix: &str, n: usize) -> Vec<String> {
    const PLACES: [&str; 8] = ["Alder", "Birch", "Cedar", "Dunmore", "Elmstead", "Fenwick", "Glenrock", "Hollis"];
    (0..n)
        .map(|i| {
            let place = PLACES[i % PLACES.len()];
            json!({
                "id": format!("{prefix}-{i}"),
                "date": format!("2026-04-{:02}", 1 + i % 20),
                "title": format!("Fire at the {place} mill {i}"),
                "text": format!("A fire broke out at the {place} mill number {i} on Monday, officials said. About {} workers left the building. The cause is not known yet.", 10 + i),
            })
            .to_string()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_are_read_while_articles_are_added() {
    let dir = tempfile::tempdir().expect("temp dir");
    let server = start_server(Some(dir.path())).await;
    let client = Client::new();
    let writers: Vec<_> = (0..3)
        .map(|w| {
            let (client, url) = (client.clone(), server.url("/v1/articles"));
            tokio::spawn(async move {
                let mut acked = Vec::new();
                for chunk in articles(&format!("w{w}"), 24).chunks(3) {
                    let response =
                        client.post(&url).header("content-type", "application/x-ndjson").body(chunk.join("\n"));
                    let added: Value = response.send().await.expect("answer").json().await.expect("json");
                    assert_eq!(added["errors"], 0, "{added}");
                    for result in added["results"].as_array().expect("results") {
                        acked.push((
                            result["id"].as_str().expect("id").to_owned(),
                            result["event"].as_str().expect("event").to_owned(),
                        ));
                    }
                }
                acked
            })
        })
        .collect();
    let reader = {
        let (client, url) = (client.clone(), server.url("/v1/events"));
        tokio::spawn(async move {
            let (mut reads, mut most) = (0, 0);
            while most < 72 {
                let response = client.get(&url).send().await.expect("answer");
                assert_eq!(response.status(), 200);
                let listed: Vec<Value> = response.json().await.expect("json");
                let reports: u64 = listed.iter().map(|e| e["reports"].as_u64().expect("count")).sum();
                assert!(reports >= most, "a later read sees no fewer articles ({reports} < {most})");
                most = reports;
                reads += 1;
            }
            reads
        })
    };
    let mut acked = Vec::new();
    for writer in writers {
        acked.extend(writer.await.expect("writer"));
    }
    let reads = reader.await.expect("reader");
    assert!(reads >= 2, "the reader read while the writers wrote ({reads} reads)");
    assert_eq!(acked.len(), 72);
    let listed: Vec<Value> = get_json(&client, server.url("/v1/events")).await.as_array().expect("list").clone();
    for (id, event) in &acked {
        let listed = listed.iter().find(|e| e["id"] == event.as_str()).expect("acknowledged event listed");
        assert!(listed["articles"].as_array().expect("ids").iter().any(|a| a == id.as_str()), "{id} in {event}");
        assert!(listed["version"].as_u64().is_some(), "{event} has a brief once acknowledged");
    }
    server.shut_down().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_in_flight_at_shutdown_is_committed_whole() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().expect("temp dir");
    let server = start_server(Some(dir.path())).await;
    let body = articles("batch", 150).join("\n");
    let address = server.addr.to_string();
    // Half the request, then the shutdown, then the rest: the request is in flight throughout.
    let (half_sent, half_sent_seen) = oneshot::channel::<()>();
    let (stopping, stopping_seen) = std::sync::mpsc::channel::<()>();
    let client = tokio::task::spawn_blocking(move || {
        let mut connection = std::net::TcpStream::connect(address).expect("connects");
        let (head, tail) = body.as_bytes().split_at(body.len() / 2);
        let header = format!(
            "POST /v1/articles HTTP/1.1\r\nhost: x\r\ncontent-type: application/x-ndjson\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
            body.len()
        );
        connection.write_all(header.as_bytes()).expect("writes");
        connection.write_all(head).expect("writes");
        half_sent.send(()).expect("test waits");
        stopping_seen.recv().expect("test signals");
        std::thread::sleep(std::time::Duration::from_millis(50));
        connection.write_all(tail).expect("the server still reads the request in flight");
        let mut answer = String::new();
        connection.read_to_string(&mut answer).expect("reads the answer");
        answer
    });
    half_sent_seen.await.expect("half sent");
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    let stopped = tokio::spawn(server.shut_down());
    stopping.send(()).expect("client waits");
    let answer = client.await.expect("client");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert_eq!(answer.matches("\"event\":").count(), 150, "every article acknowledged");
    stopped.await.expect("the server stopped");

    let store = chorus::store::Store::open(dir.path()).expect("reopens");
    assert_eq!(store.len().expect("reads"), 150, "the whole batch is stored");
    assert!(store.stale().expect("reads").is_empty(), "and every changed event briefed");
}

#[test]
fn the_openapi_document_types_the_live_endpoints() {
    let document: Value = serde_json::from_str(&chorus_server::openapi_json()).expect("json");
    let schema = |path: &str, method: &str, status: &str| {
        document["paths"][path][method]["responses"][status]["content"]["application/json"]["schema"].clone()
    };
    assert_eq!(schema("/v1/articles", "post", "200")["$ref"], "#/components/schemas/Added");
    assert_eq!(schema("/v1/events", "get", "200")["items"]["$ref"], "#/components/schemas/EventSummary");
    assert_eq!(schema("/v1/events/{id}", "get", "200")["$ref"], "#/components/schemas/EventDetail");
    assert_eq!(schema("/v1/events/{id}/brief", "get", "409")["$ref"], "#/components/schemas/ErrorBody");
    let schemas = &document["components"]["schemas"];
    for name in ["Ack", "EventSummary", "VersionSummary", "EventDetail"] {
        assert!(schemas.get(name).is_some(), "{name} in the schemas");
    }
    assert!(schemas["EventSummary"]["properties"].get("version").is_some());
    assert!(schemas["EventSummary"]["properties"].get("newest").is_none(), "internal fields stay out");
    let parameters = document["paths"]["/v1/events/{id}/brief"]["get"]["parameters"].as_array().expect("params");
    assert!(parameters.iter().any(|p| p["name"] == "since" && p["in"] == "query"));
}

/// Whether `actual` is `expected`, where each `…` of `expected` stands for any text.
fn matches_abridged(expected: &str, actual: &str) -> bool {
    let mut parts = expected.split('…');
    let first = parts.next().unwrap_or_default();
    let Some(mut rest) = actual.strip_prefix(first) else { return false };
    let parts: Vec<&str> = parts.collect();
    for (i, part) in parts.iter().enumerate() {
        if i + 1 == parts.len() {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.is_empty()
}

/// The README's curl walk-through of the live store, run against a real server: each answer is
/// the one shown (lines with `…` are abridged there).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_readme_walk_through_is_the_servers_output() {
    let readme =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../README.md")).expect("README");
    let start = readme.find("Walk-through on the bundled stream (real output").expect("the walk-through");
    let block = &readme[start..];
    let block = &block[block.find("```text\n").expect("its block") + 8..];
    let block = &block[..block.find("```").expect("its end")];
    let dir = tempfile::tempdir().expect("temp dir");
    let server = start_server(Some(dir.path())).await;
    let client = Client::new();
    let lines = stream();
    let mut checked = 0;
    for step in block.split("$ ").filter(|s| !s.is_empty()) {
        let (command, shown) = step.split_once('\n').expect("a command line");
        let Some(at) = command.find("http://127.0.0.1:8091") else { continue };
        let path = command[at + "http://127.0.0.1:8091".len()..].split([' ', '\'']).next().expect("a path");
        let answer = if command.starts_with("head -7") {
            post_articles(&client, &server, lines[..7].join("\n")).await
        } else if command.starts_with("tail -n +8") {
            post_articles(&client, &server, lines[7..].join("\n")).await
        } else {
            client.get(server.url(path)).send().await.expect("answer")
        };
        let mut text = answer.text().await.expect("text");
        if command.contains("| grep '^chorus_store'") {
            text = text.lines().filter(|l| l.starts_with("chorus_store")).map(|l| format!("{l}\n")).collect();
        }
        let (shown, text): (Vec<&str>, Vec<&str>) =
            (shown.trim_end().lines().collect(), text.trim_end().lines().collect());
        assert_eq!(shown.len(), text.len(), "{command}: the README shows {shown:?}, the server says {text:?}");
        for (shown, said) in shown.iter().zip(&text) {
            assert!(matches_abridged(shown, said), "{command}:\n README: {shown}\n server: {said}");
        }
        checked += 1;
    }
    assert_eq!(checked, 8, "every request of the walk-through is checked");
}
