//! `chorus stream`, `events` and `brief` on a store, through the real binary: acknowledgements,
//! a stream fed twice, bad lines, one process per store, update briefs, and durability under
//! SIGKILL at random moments.

use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

const CHORUS: &str = env!("CARGO_BIN_EXE_chorus");

fn example_stream() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/stream/articles.jsonl");
    std::fs::read_to_string(path).expect("the example stream")
}

/// Runs `chorus stream` on `input` to its end.
fn stream(store: &Path, input: &str, extra: &[&str]) -> Output {
    let mut child = Command::new(CHORUS)
        .args(["stream", "--store"])
        .arg(store)
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chorus runs");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("writes");
    child.wait_with_output().expect("chorus ends")
}

fn chorus(args: &[&str], store: &Path) -> Output {
    Command::new(CHORUS).args(args).arg("--store").arg(store).output().expect("chorus runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8")
}

fn records(output: &Output) -> Vec<Value> {
    stdout(output).lines().map(|line| serde_json::from_str(line).expect("a JSON line")).collect()
}

/// `chorus events --format json`, each event without its brief version (which depends on how
/// the stream was batched), by id.
fn events(store: &Path) -> BTreeMap<String, Value> {
    let output = chorus(&["events", "--format", "json"], store);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let listed: Vec<Value> = serde_json::from_str(&stdout(&output)).expect("a JSON array");
    let mut events = BTreeMap::new();
    for mut event in listed {
        assert!(event["version"].as_u64().is_some_and(|v| v >= 1), "every event has a current brief: {event}");
        event.as_object_mut().expect("an object").remove("version");
        events.insert(event["id"].as_str().expect("an id").to_owned(), event);
    }
    events
}

#[test]
fn acknowledges_each_article_once_stored_and_again_when_fed_twice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = example_stream();
    let first = stream(dir.path(), &input, &[]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let acks = records(&first);
    assert_eq!(acks.len(), input.lines().count(), "one line out per article in");
    let by_id: HashMap<&str, &str> =
        acks.iter().map(|a| (a["id"].as_str().unwrap(), a["event"].as_str().unwrap())).collect();
    assert_eq!(by_id["valley-herald-0302"], by_id["wire-0302-flood"], "one flood story, one event");
    assert_ne!(by_id["valley-herald-0302"], by_id["chess-0303"]);

    let listed = events(dir.path());
    let stored: Vec<&str> =
        listed.values().flat_map(|e| e["articles"].as_array().unwrap()).map(|a| a.as_str().unwrap()).collect();
    assert_eq!(stored.len(), by_id.len(), "the repeated id is stored once");
    let text = stdout(&chorus(&["events"], dir.path()));
    assert!(text.contains("Okafor wins national chess title") && text.contains("chess-0303 chess-0304"), "{text}");

    let again = stream(dir.path(), &input, &[]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(records(&again), acks, "fed again, the same acknowledgements");
    assert_eq!(events(dir.path()), listed, "and nothing stored twice");
}

#[test]
fn a_bad_line_is_reported_and_the_rest_are_stored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut lines: Vec<String> = example_stream().lines().take(3).map(str::to_owned).collect();
    lines.insert(1, r#"{"id": "x", "text": 5}"#.into());
    lines.insert(2, "{not json".into());
    let output = stream(dir.path(), &(lines.join("\n") + "\n"), &[]);
    assert_eq!(output.status.code(), Some(1), "bad lines make the exit non-zero");
    let out = records(&output);
    assert_eq!(out.len(), 5);
    assert_eq!((out[1]["line"].as_u64(), out[1]["error"].as_str()), (Some(2), Some("field \"text\" must be a string")));
    assert_eq!(out[2]["line"].as_u64(), Some(3));
    assert_eq!(out[4]["id"].as_str(), Some("coast-times-0302-flood"));
    assert!(stderr(&output).contains("line 3: invalid JSON"), "{}", stderr(&output));
    assert_eq!(events(dir.path()).values().map(|e| e["reports"].as_u64().unwrap()).sum::<u64>(), 3);
}

#[test]
fn a_second_process_on_the_store_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut child = spawn_stream(dir.path(), &[]);
    let mut stdin = child.stdin.take().expect("stdin");
    let mut acks = BufReader::new(child.stdout.take().expect("stdout"));
    writeln!(stdin, "{}", example_stream().lines().next().unwrap()).expect("writes");
    let mut ack = String::new();
    acks.read_line(&mut ack).expect("an acknowledgement");
    assert!(ack.contains("valley-herald-0302"), "{ack}");
    for args in [&["events"][..], &["stream"][..]] {
        let second = chorus(args, dir.path());
        assert_eq!(second.status.code(), Some(2));
        let message = stderr(&second);
        assert!(message.contains("chorus.redb: the store is in use by another process"), "{message}");
    }
    drop(stdin);
    assert!(child.wait().expect("ends").success());
    assert_eq!(events(dir.path()).len(), 1, "the first process's work is intact");
}

#[test]
fn brief_since_a_version_covers_only_the_newer_articles() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input: String = example_stream().lines().take(3).map(|l| format!("{l}\n")).collect();
    // One article per transaction: the flood event gets versions 1, 2 and 3.
    let output = stream(dir.path(), &input, &["--batch", "1"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let event = records(&output)[0]["event"].as_str().unwrap().to_owned();
    assert_eq!(events(dir.path())[&event]["reports"].as_u64(), Some(3));

    let since = chorus(&["brief", &event, "--since", "1", "--format", "json"], dir.path());
    assert_eq!(since.status.code(), Some(0), "{}", stderr(&since));
    let brief: Value = serde_json::from_str(&stdout(&since)).expect("JSON");
    let seen: Vec<&str> = brief["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["seen"] == true)
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(seen, ["valley-herald-0302"]);
    assert!(brief["sentences"].as_array().unwrap().iter().all(|s| s["doc"] != "valley-herald-0302"));

    let current = chorus(&["brief", &event], dir.path());
    assert_eq!(current.status.code(), Some(0), "{}", stderr(&current));
    assert!(stdout(&current).contains("Corran"), "{}", stdout(&current));

    let history = chorus(&["brief", &event, "--history", "--format", "json"], dir.path());
    let versions: Vec<Value> = serde_json::from_str(&stdout(&history)).expect("JSON");
    let added: Vec<&Value> = versions.iter().map(|v| &v["added_articles"]).collect();
    assert_eq!(
        added,
        [
            &serde_json::json!(["valley-herald-0302"]),
            &serde_json::json!(["wire-0302-flood"]),
            &serde_json::json!(["coast-times-0302-flood"])
        ]
    );
    assert!(!versions[0]["added_sentences"].as_array().unwrap().is_empty(), "the first version adds its whole brief");
    let text = stdout(&chorus(&["brief", &event, "--history"], dir.path()));
    assert!(text.starts_with("v1: 1 reports, added valley-herald-0302; 0 disputed figures\n    + "), "{text}");

    let nothing = chorus(&["brief", &event, "--since", "3"], dir.path());
    assert_eq!(
        (nothing.status.code(), stderr(&nothing).trim()),
        (Some(2), format!("chorus: {event}: nothing new since version 3").as_str())
    );
    let missing = chorus(&["brief", &event, "--since", "9"], dir.path());
    assert!(stderr(&missing).contains("has no brief version 9 (the latest is 3)"), "{}", stderr(&missing));
    let unknown = chorus(&["brief", "e99"], dir.path());
    assert!(stderr(&unknown).contains("no event e99"), "{}", stderr(&unknown));
}

fn spawn_stream(store: &Path, extra: &[&str]) -> Child {
    Command::new(CHORUS)
        .args(["stream", "--store"])
        .arg(store)
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chorus runs")
}

/// A longer stream: the example's articles in 24 rounds, each round's ids and dates its own,
/// two months apart (so events open, grow and retire), with the example's repeated id in each.
fn long_stream() -> Vec<String> {
    let mut lines = Vec::new();
    for round in 0..24 {
        for line in example_stream().lines() {
            let mut article: Value = serde_json::from_str(line).expect("JSON");
            let id = format!("{}-r{round}", article["id"].as_str().unwrap());
            article["id"] = Value::String(id);
            let date = article["date"].as_str().unwrap().to_owned();
            article["date"] =
                Value::String(date.replacen("2026-03", &format!("{}-{:02}", 2026 + round / 6, 1 + 2 * (round % 6)), 1));
            lines.push(article.to_string());
        }
    }
    lines
}

/// A small deterministic generator (xorshift64*), so that every run kills at the same moments.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }
}

#[test]
fn survives_sigkill_at_random_moments() {
    let lines = long_stream();
    let input: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let reference = tempfile::tempdir().expect("temp dir");
    let output = stream(reference.path(), &input, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let expected = events(reference.path());

    let dir = tempfile::tempdir().expect("temp dir");
    let mut rng = Rng(0x5eed_0010);
    let mut acknowledged: HashMap<String, String> = HashMap::new();
    let kills = 20;
    let mut interrupted = 0;
    for _ in 0..kills {
        let batch = (1 + rng.below(16)).to_string();
        let mut child = spawn_stream(dir.path(), &["--batch", &batch]);
        let mut stdin = child.stdin.take().expect("stdin");
        let chunks: Vec<String> = lines.chunks(16).map(|chunk| chunk.join("\n") + "\n").collect();
        let writer = std::thread::spawn(move || {
            // As a live feed does, in bursts, so that kills find the process at work. The pipe
            // breaks when the process is killed; that is the point.
            for chunk in chunks {
                if stdin.write_all(chunk.as_bytes()).is_err() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(1));
            }
        });
        let mut acks = BufReader::new(child.stdout.take().expect("stdout"));
        let wait_for = rng.below(lines.len() as u64 + 1);
        let mut line = String::new();
        for _ in 0..wait_for {
            line.clear();
            if acks.read_line(&mut line).expect("reads") == 0 {
                break;
            }
            record_ack(&mut acknowledged, &line);
        }
        std::thread::sleep(Duration::from_millis(rng.below(8)));
        if child.try_wait().expect("polls").is_none() {
            interrupted += 1;
        }
        child.kill().expect("SIGKILL");
        // Acknowledgements already written before the kill count too.
        let mut rest = String::new();
        while acks.read_line(&mut rest).unwrap_or(0) > 0 {
            record_ack(&mut acknowledged, &rest);
            rest.clear();
        }
        child.wait().expect("reaped");
        writer.join().expect("writer ends");
    }
    assert!(!acknowledged.is_empty(), "some articles were acknowledged before the kills");
    let before_last = acknowledged.len();
    assert!(interrupted >= kills / 2, "only {interrupted} of {kills} kills caught the process running");

    let last = stream(dir.path(), &input, &[]);
    assert_eq!(last.status.code(), Some(0), "{}", stderr(&last));
    for ack in records(&last) {
        record_ack(&mut acknowledged, &ack.to_string());
    }
    eprintln!(
        "{kills} kills, {interrupted} of them while running; {before_last} of {} articles acknowledged before the last run",
        expected.values().map(|e| e["reports"].as_u64().unwrap()).sum::<u64>()
    );
    let got = events(dir.path());
    assert_eq!(got, expected, "the events equal those of an uninterrupted run");
    let mut home: HashMap<&str, &str> = HashMap::new();
    for (event, listed) in &got {
        for id in listed["articles"].as_array().unwrap() {
            assert!(home.insert(id.as_str().unwrap(), event).is_none(), "{id} is stored twice");
        }
    }
    for (id, event) in &acknowledged {
        assert_eq!(home.get(id.as_str()), Some(&event.as_str()), "{id} was acknowledged in {event}");
    }
}

/// Records an acknowledgement, checking that an article is always acknowledged in one event.
fn record_ack(acknowledged: &mut HashMap<String, String>, line: &str) {
    let Ok(ack) = serde_json::from_str::<Value>(line) else {
        return; // a line cut by the kill was never a whole acknowledgement
    };
    let (id, event) = (ack["id"].as_str().unwrap().to_owned(), ack["event"].as_str().unwrap().to_owned());
    if let Some(before) = acknowledged.insert(id.clone(), event.clone()) {
        assert_eq!(before, event, "{id} acknowledged in two events");
    }
}

#[test]
fn expired_events_go_whole_and_the_stream_goes_on_after_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lines: Vec<Value> = example_stream().lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
    let output = stream(dir.path(), &example_stream(), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let before = events(dir.path());

    let expire = Command::new(CHORUS)
        .args(["store", "expire", "--before", "2026-03-10", "--store"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(expire.status.code(), Some(0), "{}", stderr(&expire));
    assert_eq!(stdout(&expire).trim(), "expired 3 events (10 articles) whose latest report is before 2026-03-10");
    let kept = events(dir.path());
    let late: BTreeMap<String, Value> =
        before.into_iter().filter(|(_, e)| e["last"].as_str() >= Some("2026-03-10")).collect();
    assert_eq!(kept, late, "the March 20 events stay as they were");
    assert_eq!(kept.len(), 2);

    // A follow-up of a kept event joins it; a new story opens an event numbered after every
    // event ever stored, expired ones included.
    let again = |id: &str, new_id: &str, date: &str| {
        let mut article = lines.iter().find(|a| a["id"] == id).expect("in the example").clone();
        article["id"] = Value::String(new_id.into());
        article["date"] = Value::String(date.into());
        article.to_string() + "\n"
    };
    let input = again("ferry-0320", "ferry-0321", "2026-03-21") + &again("chess-0303", "chess-0322", "2026-03-22");
    let output = stream(dir.path(), &input, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let acks = records(&output);
    let ferry = kept.iter().find(|(_, e)| e["articles"][0] == "ferry-0320").map(|(id, _)| id.as_str());
    assert_eq!(acks[0]["event"].as_str(), ferry);
    assert_eq!(acks[1]["event"].as_str(), Some("e5"), "e0 to e4 were all used");

    let bad = Command::new(CHORUS)
        .args(["store", "expire", "--before", "March", "--store"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("expected a day as YYYY-MM-DD"), "{}", stderr(&bad));
}
