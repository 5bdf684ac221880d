//! `chorus brief --store DIR EVENT [--since VERSION]`: an event's current brief, or what is new
//! since a version of it (the articles that version covered are the reader's seen reports).

use crate::options::MethodArgs;
use chorus::live;
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
    let store = chorus::live::open_existing(&args.store)?;
    let text = if args.history {
        history(live::history(&store, event)?, args.format)?
    } else {
        chorus::render(&live::brief(&store, &summarizer, event, args.since)?, args.format)
    };
    // A closed pipe (`| head`) is the reader's choice, not an error.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    Ok(ExitCode::SUCCESS)
}

/// What each version of an event's brief added.
fn history(versions: Vec<live::VersionSummary>, format: Format) -> anyhow::Result<String> {
    Ok(match format {
        Format::Json => serde_json::to_string_pretty(&versions)? + "\n",
        _ => versions
            .iter()
            .map(|v| {
                let sentences: String = v.added_sentences.iter().map(|s| format!("    + {s}\n")).collect();
                format!(
                    "v{}: {} reports, added {}; {} disputed figures\n{sentences}",
                    v.version,
                    v.reports,
                    v.added_articles.join(" "),
                    v.disputed
                )
            })
            .collect(),
    })
}
