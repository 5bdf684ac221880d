//! `chorus stream --store DIR`: articles in on stdin (the `chorus cluster` JSONL format), each
//! assigned to an event and committed with it, acknowledged (`{"id", "event"}`) once committed;
//! the briefs of the events a batch changed are brought up to date after it (`chorus::live`).

use crate::options::{LineLimitArgs, MethodArgs};
use anyhow::Context;
use chorus::ingest::Lines;
use chorus::live::{Ack, Line, Live};
use chorus::Limits;
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

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(args.batch > 0, "--batch must be at least 1");
    let mut live = Live::open(&args.store, args.method.summarizer()?)?;
    // Briefs a crash left behind their articles.
    report(live.settle()?);

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
        received += batch.iter().filter(|(_, line)| line.as_ref().map_or(true, |l| !l.trim().is_empty())).count();
        let acks = live.add(batch)?;
        let mut text = String::new();
        for ack in &acks {
            if let Ack::Error { line, error } = ack {
                failed += 1;
                eprintln!("chorus: stdin: line {line}: {error}");
            }
            text += &serde_json::to_string(ack)?;
            text.push('\n');
        }
        out.write_all(text.as_bytes()).and_then(|()| out.flush()).context("stdout: cannot acknowledge")?;
        report(live.settle()?);
    }
    if received == 0 {
        eprintln!("chorus: stdin: no articles; nothing stored");
    }
    if failed > 0 {
        eprintln!("chorus: stdin: {failed} lines had errors (error records in the output)");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The events that could not be briefed yet, on stderr.
fn report(notes: Vec<String>) {
    for note in notes {
        eprintln!("chorus: {note}");
    }
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
