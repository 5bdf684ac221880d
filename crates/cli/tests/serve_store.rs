//! `chorus serve --store DIR` through the real binary: SIGTERM while a batch of articles is
//! being sent leaves it whole in the store, and the store is then the CLI's to read.

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::Duration;

const CHORUS: &str = env!("CARGO_BIN_EXE_chorus");

/// `n` short dated articles.
fn articles(n: usize) -> String {
    (0..n)
        .map(|i| {
            serde_json::json!({
                "id": format!("a{i}"),
                "date": format!("2026-05-{:02}", 1 + i % 28),
                "title": format!("Bridge {} closes for repairs", i % 9),
                "text": format!("Bridge number {} over the Corran closed on Monday for repairs, the council said. Traffic will use the ring road for {} days.", i % 9, 3 + i),
            })
            .to_string()
                + "\n"
        })
        .collect()
}

#[test]
fn sigterm_with_a_batch_in_flight_commits_it_whole() {
    let store = tempfile::tempdir().expect("temp dir");
    let mut server = Command::new(CHORUS)
        .args(["serve", "--addr", "127.0.0.1:0", "--store"])
        .arg(store.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chorus serve runs");
    let mut line = String::new();
    BufReader::new(server.stdout.take().expect("stdout")).read_line(&mut line).expect("reads");
    let address = line.trim().rsplit("http://").next().expect("an address").to_owned();

    let body = articles(120);
    let (head, tail) = body.as_bytes().split_at(body.len() / 2);
    let mut connection = TcpStream::connect(&address).expect("connects");
    let header = format!(
        "POST /v1/articles HTTP/1.1\r\nhost: x\r\ncontent-type: application/x-ndjson\r\ncontent-length: {}\r\n\
         connection: close\r\n\r\n",
        body.len()
    );
    connection.write_all(header.as_bytes()).expect("writes");
    connection.write_all(head).expect("writes");
    std::thread::sleep(Duration::from_millis(200));
    let killed = Command::new("kill").args(["-TERM", &server.id().to_string()]).status().expect("kill runs");
    assert!(killed.success());
    std::thread::sleep(Duration::from_millis(200));
    connection.write_all(tail).expect("the server still reads the request in flight");
    let mut answer = String::new();
    connection.read_to_string(&mut answer).expect("reads the answer");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert_eq!(answer.matches("\"event\":").count(), 120, "every article acknowledged: {answer}");
    let status = server.wait().expect("the server stops");
    assert!(status.success(), "a clean exit on SIGTERM: {status}");

    let listed =
        Command::new(CHORUS).args(["events", "--format", "json", "--store"]).arg(store.path()).output().expect("runs");
    assert!(listed.status.success(), "{}", String::from_utf8_lossy(&listed.stderr));
    let events: Vec<Value> = serde_json::from_slice(&listed.stdout).expect("json");
    let reports: u64 = events.iter().map(|e| e["reports"].as_u64().expect("count")).sum();
    assert_eq!(reports, 120, "the whole batch is stored");
    assert!(events.iter().all(|e| e["version"].is_u64()), "and every event briefed before the exit");
}
