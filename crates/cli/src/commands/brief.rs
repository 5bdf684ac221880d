//! `chorus brief --store DIR EVENT [--since VERSION]`: an event's current brief, or what is new
//! since a version of it (the articles that version covered are the reader's seen reports).

use super::live;
use crate::options::MethodArgs;
use anyhow::Context;
use chorus::store::Store;
use chorus::Format;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The store's directory
    #[arg(long)]
    pub store: PathBuf,
    /// The event, as `chorus events` lists it (`e3`)
    pub event: String,
    /// Only what is new since this version of the brief (`chorus events` gives the latest)
    #[arg(long, value_name = "VERSION")]
    pub since: Option<u32>,
    /// Output format: text, markdown, json or html
    #[arg(long, short, default_value = "text")]
    pub format: Format,
    #[command(flatten)]
    pub method: MethodArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let summarizer = args.method.summarizer()?;
    let event = live::parse_event(&args.event)?;
    let store = Store::open(&args.store)?;
    let record = store.event(event)?.with_context(|| format!("{}: no event e{event}", store.path()))?;
    let seen = match args.since {
        None => Vec::new(),
        Some(version) => {
            let (_, brief) = store.brief(event, Some(version))?.with_context(|| {
                let latest = store.brief(event, None).ok().flatten().map(|(v, _)| v).unwrap_or(0);
                format!("e{event} has no brief version {version} (the latest is {latest})")
            })?;
            brief.articles
        }
    };
    let new: Vec<u64> = record.articles.iter().copied().filter(|s| !seen.contains(s)).collect();
    anyhow::ensure!(!new.is_empty(), "e{event}: nothing new since version {}", args.since.unwrap_or(0));
    let brief =
        summarizer.summarize(live::cluster(&store, event, &new, &seen)?).with_context(|| format!("e{event}"))?;
    // A closed pipe (`| head`) is the reader's choice, not an error.
    let _ = std::io::stdout().lock().write_all(chorus::render(&brief, args.format).as_bytes());
    Ok(ExitCode::SUCCESS)
}
