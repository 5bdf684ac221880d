//! `chorus stream --store DIR`: articles in on stdin (the `chorus cluster` JSONL format), each
//! assigned to an event and committed with it, acknowledged (`{"id", "event"}`) once committed;
//! the briefs of the events a batch changed are brought up to date after it (`chorus::live`).

use crate::options::MethodArgs;
use anyhow::Context;
use chorus::live::{Ack, Line, Live};
use std::io::{BufRead, Write};
use std::path::PathBuf;
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
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(args.batch > 0, "--batch must be at least 1");
    let mut live = Live::open(&args.store, args.method.summarizer()?)?;
    // Briefs a crash left behind their articles.
    report(live.settle()?);

    let (sender, lines) = mpsc::sync_channel::<Line>(args.batch * 4);
    std::thread::spawn(move || read_stdin(sender));
    let mut out = std::io::stdout().lock();
    let mut failed = 0usize;
    while let Ok(first) = lines.recv() {
        let mut batch = vec![first];
        while batch.len() < args.batch {
            match lines.try_recv() {
                Ok(line) => batch.push(line),
                Err(_) => break,
            }
        }
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

/// Sends each line of stdin, numbered from 1, until its end or a read error.
fn read_stdin(sender: mpsc::SyncSender<Line>) {
    let mut input = std::io::stdin().lock();
    let mut bytes = Vec::new();
    for number in 1.. {
        bytes.clear();
        let line = match input.read_until(b'\n', &mut bytes) {
            Ok(0) => return,
            Ok(_) => String::from_utf8(std::mem::take(&mut bytes)).map_err(|_| "not UTF-8".to_owned()),
            Err(error) => {
                let _ = sender.send((number, Err(format!("cannot read: {error}"))));
                return;
            }
        };
        if sender.send((number, line)).is_err() {
            return;
        }
    }
}
