//! `chorus stream --store DIR`: articles in on stdin (the `chorus cluster` JSONL format), each
//! assigned to an event and committed with it, acknowledged (`{"id", "event"}`) once committed;
//! the briefs of the events a batch changed are brought up to date after it.

use super::live;
use crate::options::{LineLimitArgs, MethodArgs};
use anyhow::Context;
use chorus::cluster::{Article, Assignment, Clusterer, Config};
use chorus::ingest::Lines;
use chorus::store::{NewArticle, Store};
use chorus::Limits;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;

#[derive(clap::Args)]
pub struct Args {
    /// The store's directory (created if missing)
    #[arg(long)]
    pub store: PathBuf,
    /// Articles committed in one transaction at most; a batch is whatever has arrived, so a slow
    /// stream commits each article at once
    #[arg(long, default_value_t = 256)]
    pub batch: usize,
    #[command(flatten)]
    pub method: MethodArgs,
    #[command(flatten)]
    pub limits: LineLimitArgs,
}

/// One output line.
#[derive(Serialize)]
#[serde(untagged)]
enum Record {
    Acknowledged { id: String, event: String },
    Error { line: usize, error: String },
}

/// A line of stdin, or why it could not be read.
type Line = (usize, Result<String, String>);

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(args.batch > 0, "--batch must be at least 1");
    let summarizer = args.method.summarizer()?;
    let store = Store::open(&args.store)?;
    let mut clusterer = Clusterer::new(Config::default());
    let mut events = Events { live: HashMap::new(), next: store.next_event()? };
    replay(&store, &mut clusterer, &mut events)?;
    // Briefs a crash left behind their articles.
    live::rebrief(&store, &summarizer, store.stale()?)?;

    let (sender, lines) = mpsc::sync_channel::<Line>(args.batch * 4);
    let limits = args.limits.limits();
    std::thread::spawn(move || read_stdin(sender, limits));
    let mut out = std::io::stdout().lock();
    let (mut failed, mut received) = (0usize, 0usize);
    while let Ok(first) = lines.recv() {
        let mut batch = vec![first];
        while batch.len() < args.batch {
            match lines.try_recv() {
                Ok(line) => batch.push(line),
                Err(_) => break,
            }
        }
        let mut records = Vec::with_capacity(batch.len());
        let mut new: Vec<NewArticle> = Vec::new();
        let mut pending: HashMap<String, u64> = HashMap::new();
        for (number, line) in batch {
            let line = match line {
                Ok(line) if line.trim().is_empty() => continue,
                Ok(line) => {
                    received += 1;
                    line
                }
                Err(error) => {
                    failed += 1;
                    records.push(error_record(number, error));
                    continue;
                }
            };
            let article = match Article::from_json(&line) {
                Ok(article) => article,
                Err(error) => {
                    failed += 1;
                    records.push(error_record(number, error.to_string()));
                    continue;
                }
            };
            // An article stored before (a stream fed again after a crash) keeps its event.
            let known = match pending.get(&article.id) {
                Some(&event) => Some(event),
                None => store.article(&article.id)?.map(|stored| stored.event),
            };
            let event = match known {
                Some(event) => event,
                None => match clusterer.add(&article) {
                    Ok(assignment) => {
                        let event = events.stored(&assignment);
                        pending.insert(article.id.clone(), event);
                        new.push(NewArticle::new(article.id.clone(), line.trim_end(), event));
                        event
                    }
                    Err(error) => {
                        failed += 1;
                        records.push(error_record(number, error.to_string()));
                        continue;
                    }
                },
            };
            records.push(Record::Acknowledged { id: article.id, event: format!("e{event}") });
        }
        store.commit(&new)?;
        let mut text = String::new();
        for record in &records {
            text += &serde_json::to_string(record)?;
            text.push('\n');
        }
        out.write_all(text.as_bytes()).and_then(|()| out.flush()).context("stdout: cannot acknowledge")?;
        let changed: BTreeSet<u64> = new.iter().map(|article| article.event).collect();
        live::rebrief(&store, &summarizer, changed)?;
    }
    if received == 0 && failed == 0 {
        eprintln!("chorus: stdin: no articles; nothing stored");
    }
    if failed > 0 {
        eprintln!("chorus: stdin: {failed} lines had errors (error records in the output)");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The stored event of each live event of the clusterer. Without expiry the two numberings are
/// the same; after it, a replay renumbers events (fewer articles), so each is mapped to the stored
/// event of its first replayed article, and a new one gets the store's next unused number.
struct Events {
    live: HashMap<u64, u64>,
    next: u64,
}

impl Events {
    /// The stored event of an assignment; forgets the events that retired (they take no more).
    fn stored(&mut self, assignment: &Assignment) -> u64 {
        let next = &mut self.next;
        let event = *self.live.entry(assignment.event.0).or_insert_with(|| {
            *next += 1;
            *next - 1
        });
        for retired in &assignment.retired {
            self.live.remove(&retired.0);
        }
        event
    }
}

/// Rebuilds the clusterer from the stored articles, in order. The clusterer is deterministic, so
/// each must land in its stored event, unless events were expired (then they are mapped).
fn replay(store: &Store, clusterer: &mut Clusterer, events: &mut Events) -> anyhow::Result<()> {
    let expired = store.expired()?;
    store.replay(|sequence, record, event| -> anyhow::Result<()> {
        let article = Article::from_json(record).with_context(|| format!("{}: article {sequence}", store.path()))?;
        let assignment = clusterer.add(&article).with_context(|| format!("{}: article {sequence}", store.path()))?;
        anyhow::ensure!(
            expired || assignment.event.0 == event,
            "{}: replaying article {:?} gives event {} but the store has e{event}: the store was written by a \
             chorus that clusters differently",
            store.path(),
            article.id,
            assignment.event
        );
        events.live.entry(assignment.event.0).or_insert(event);
        for retired in &assignment.retired {
            events.live.remove(&retired.0);
        }
        Ok(())
    })
}

fn error_record(line: usize, error: String) -> Record {
    eprintln!("chorus: stdin: line {line}: {error}");
    Record::Error { line, error }
}

/// Sends each line of stdin (gzip too), numbered from 1, until its end or a read error; a line
/// over the limit is an error of its own and the next one is read.
fn read_stdin(sender: mpsc::SyncSender<Line>, limits: Limits) {
    let mut input = match Lines::open(Path::new("-"), limits) {
        Ok(input) => input,
        Err(error) => {
            let _ = sender.send((1, Err(error.problem().to_string())));
            return;
        }
    };
    while let Some((number, line)) = input.next_line() {
        let line = line.map(str::to_owned).map_err(|error| error.problem().to_string());
        if sender.send((number, line)).is_err() {
            return;
        }
    }
}
