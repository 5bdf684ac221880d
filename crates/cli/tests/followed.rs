//! The README's walk-through of `examples/stream/followed.jsonl` (section "Following two events
//! over a week") is the real output of the commands it shows, run here on a temporary store, so
//! that it cannot drift from what chorus does.
//!
//! How arrivals fall into batches decides the brief versions (`chorus stream` takes whatever has
//! arrived), so version numbers are compared as `v_`, `--since` uses the version the store has
//! after the first feed (1 when the feed is one batch, as in the README), and the `--history`
//! block is checked by the sentences it lists, not by which version added them.

mod common;

use common::chorus;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn readme() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn followed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/stream/followed.jsonl")
}

/// The lines of the first ```text block after the first line containing `marker`.
fn block_after(text: &str, marker: &str) -> Vec<String> {
    let from = text.find(marker).unwrap_or_else(|| panic!("README has no {marker:?}"));
    let fence = "```text\n";
    let start = from + text[from..].find(fence).unwrap_or_else(|| panic!("no ```text block after {marker:?}"));
    let body = &text[start + fence.len()..];
    let end = body.find("```").expect("the block is closed");
    body[..end].lines().map(str::to_owned).collect()
}

/// `brief v12` → `brief v_`, and a `--history` header `v12:` → `v_:`.
fn without_versions(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find(" v").or_else(|| rest.starts_with('v').then_some(0).map(|_| usize::MAX)) {
        let (before, after) = if at == usize::MAX { ("", &rest[1..]) } else { (&rest[..at + 2], &rest[at + 2..]) };
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if at == usize::MAX {
            out.push('v');
        } else {
            out.push_str(before);
        }
        if digits > 0 {
            out.push('_');
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

/// Every line the README shows (except `…` and blank lines) is a line of the real transcript,
/// in the same order, version numbers aside.
fn assert_abridged_output(shown: &[String], transcript: &str) {
    let real: Vec<String> = transcript.lines().map(without_versions).collect();
    let mut at = 0;
    for line in shown.iter().filter(|l| !l.trim().is_empty() && l.trim() != "…") {
        let line = without_versions(line);
        match real[at..].iter().position(|r| *r == line) {
            Some(offset) => at += offset + 1,
            None => panic!(
                "README shows a line the binary does not print (in this order):\n{line}\n\nreal output:\n{transcript}"
            ),
        }
    }
}

/// `chorus stream --store STORE` with `input` on stdin, from a file as a shell redirect or a
/// pipe from `head` gives it: all of it there at the start (the usual one batch); its
/// acknowledgements.
fn stream(store: &Path, input: &str) -> String {
    let file = store.with_extension("jsonl");
    std::fs::write(&file, input).expect("writes the feed");
    let output = Command::new(env!("CARGO_BIN_EXE_chorus"))
        .args(["stream", "--store"])
        .arg(store)
        .stdin(Stdio::from(std::fs::File::open(&file).expect("opens the feed")))
        .output()
        .expect("chorus runs");
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// Runs `chorus ARGS --store STORE` and returns stdout.
fn on_store(store: &Path, args: &[&str]) -> String {
    let mut all: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
    all.push("--store".as_ref());
    all.push(store.as_os_str());
    let run = chorus(&all);
    run.assert_success();
    run.stdout
}

#[test]
fn the_followed_stream_walk_through_is_the_binary_output() {
    let text = readme();
    let section = &text[text.find("### Following two events over a week").expect("the README section")..];
    let lines = std::fs::read_to_string(followed()).expect("the followed stream");
    let lines: Vec<&str> = lines.lines().collect();
    assert_eq!(lines.len(), 30, "the stream has 30 articles");
    let first = lines[..10].iter().map(|l| format!("{l}\n")).collect::<String>();
    let rest = lines[10..].iter().map(|l| format!("{l}\n")).collect::<String>();

    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = dir.path().join("f");

    // The first two days, then the reader's brief.
    let acks = stream(&store, &first);
    let events = on_store(&store, &["events"]);
    let brief = on_store(&store, &["brief", "e0"]);
    let transcript = format!(
        "$ head -10 examples/stream/followed.jsonl | chorus stream --store /tmp/f\n{acks}\
         $ chorus events --store /tmp/f\n{events}$ chorus brief --store /tmp/f e0\n{brief}"
    );
    assert_abridged_output(&block_after(section, "The first two days (ten articles) arrive"), &transcript);

    // The version the reader read: the store's current one for e0 after the first feed.
    let listed: Vec<Value> = serde_json::from_str(&on_store(&store, &["events", "--format", "json"])).expect("JSON");
    let read = listed.iter().find(|e| e["id"] == "e0").expect("e0")["version"].as_u64().expect("a version");

    // The rest of the week, the events and the update brief.
    stream(&store, &rest);
    let events = on_store(&store, &["events"]);
    let update = on_store(&store, &["brief", "e0", "--since", &read.to_string()]);
    let transcript =
        format!("$ chorus events --store /tmp/f\n{events}$ chorus brief --store /tmp/f e0 --since 1\n{update}");
    assert_abridged_output(&block_after(section, "The rest of the week arrives"), &transcript);

    // The history. Which version added what depends on the batches, so the block is compared
    // whole when this run fell into the same versions as the README's (the usual case), and
    // otherwise only its shape is.
    let history = on_store(&store, &["brief", "e0", "--history"]);
    let shown = block_after(section, "`--history` shows what each version added");
    let headers = |lines: &mut dyn Iterator<Item = &str>| -> Vec<String> {
        lines.filter(|l| l.starts_with('v')).map(str::to_owned).collect()
    };
    let shown_headers = headers(&mut shown.iter().map(String::as_str));
    assert!(shown_headers.len() >= 2, "the README shows at least two versions");
    if headers(&mut history.lines()) == shown_headers {
        let transcript = format!("$ chorus brief --store /tmp/f e0 --history\n{history}");
        assert_abridged_output(&shown, &transcript);
    } else {
        eprintln!(
            "this run's batches made other versions than the README's; history compared by shape only:\n{history}"
        );
        assert!(history.lines().filter(|l| l.starts_with('v')).count() >= 2, "{history}");
    }

    // The clustering scores against the gold events.
    let labels = followed().with_file_name("followed.labels.jsonl");
    let run = chorus(&["cluster".as_ref(), followed().as_os_str(), "--labels".as_ref(), labels.as_os_str()]);
    run.assert_success();
    let transcript = format!(
        "$ chorus cluster examples/stream/followed.jsonl --labels examples/stream/followed.labels.jsonl\n{}",
        run.stdout
    );
    assert_abridged_output(&block_after(section, "The gold\nevents are"), &transcript);
}

#[test]
fn versions_are_compared_without_their_numbers() {
    assert_eq!(
        without_versions("    2026-04-06; 5 reports; brief v12, 0 disputed"),
        "    2026-04-06; 5 reports; brief v_, 0 disputed"
    );
    assert_eq!(without_versions("v3: 14 reports, added a"), "v_: 14 reports, added a");
    assert_eq!(without_versions("the very vast"), "the very vast");
}
