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
    /// Instead of a brief, what each version of it added: its new articles and new sentences
    #[arg(long, conflicts_with = "since")]
    pub history: bool,
    /// Output format: text, markdown, json or html (`--history`: text or json)
    #[arg(long, short, default_value = "text")]
    pub format: Format,
    #[command(flatten)]
    pub method: MethodArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let summarizer = args.method.summarizer()?;
    let event = live::parse_event(&args.event)?;
    let store = live::open_existing(&args.store)?;
    let record = store.event(event)?.with_context(|| format!("{}: no event e{event}", store.path()))?;
    if args.history {
        return history(&store, event, args.format);
    }
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

/// What each version of an event's brief added.
fn history(store: &Store, event: u64, format: Format) -> anyhow::Result<ExitCode> {
    let versions = store.briefs(event)?;
    let text = match format {
        Format::Json => {
            let versions: Vec<_> = versions
                .iter()
                .map(|(version, brief)| {
                    serde_json::json!({
                        "version": version,
                        "reports": brief.articles.len(),
                        "added_articles": brief.added_articles,
                        "added_sentences": brief.added_sentences,
                        "disputed": brief.disputed,
                    })
                })
                .collect();
            serde_json::to_string_pretty(&versions)? + "\n"
        }
        _ => versions
            .iter()
            .map(|(version, brief)| {
                let sentences: String = brief.added_sentences.iter().map(|s| format!("    + {s}\n")).collect();
                format!(
                    "v{version}: {} reports, added {}; {} disputed figures\n{sentences}",
                    brief.articles.len(),
                    brief.added_articles.join(" "),
                    brief.disputed
                )
            })
            .collect(),
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    Ok(ExitCode::SUCCESS)
}
