//! `chorus events --store DIR`: the events of a store, newest activity first (`chorus::live`).

use chorus::live::EventSummary;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The store's directory
    #[arg(long)]
    pub store: PathBuf,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// How `events` writes its list.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ListFormat {
    /// One block per event
    Text,
    /// One JSON array
    Json,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = chorus::live::open_existing(&args.store)?;
    let listed = chorus::live::events(&store, None)?;
    let text = match args.format {
        ListFormat::Json => serde_json::to_string_pretty(&listed)? + "\n",
        ListFormat::Text => listed.iter().map(block).collect(),
    };
    // A closed pipe (`| head`) is the reader's choice, not an error.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    Ok(ExitCode::SUCCESS)
}

fn block(event: &EventSummary) -> String {
    let days = match (&event.first, &event.last) {
        (Some(first), Some(last)) if first != last => format!("{first} to {last}"),
        (Some(first), _) => first.clone(),
        _ => "undated".into(),
    };
    let brief = match (event.version, event.disputed) {
        (Some(version), Some(disputed)) => format!("brief v{version}, {disputed} disputed figures"),
        _ => "no brief yet".into(),
    };
    format!(
        "{}  {}\n    {days}; {} report{}; {brief}\n    {}\n",
        event.id,
        event.title.as_deref().unwrap_or("(untitled)"),
        event.reports,
        if event.reports == 1 { "" } else { "s" },
        event.articles.join(" ")
    )
}
