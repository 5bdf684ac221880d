//! `chorus events --store DIR`: the events of a store, newest activity first.

use serde::Serialize;
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

/// One event as listed.
#[derive(Serialize)]
struct Listed {
    id: String,
    title: Option<String>,
    first: Option<String>,
    last: Option<String>,
    reports: usize,
    articles: Vec<String>,
    /// Figure groups the latest brief finds the reports disagree on (`null` before any brief).
    disputed: Option<usize>,
    /// The latest brief's version (`null` before any brief).
    version: Option<u32>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = super::live::open_existing(&args.store)?;
    let mut events = Vec::new();
    for (number, event) in store.events()? {
        let latest = store.brief(number, None)?;
        let newest = event.articles.last().copied().unwrap_or(0);
        events.push((
            newest,
            Listed {
                id: format!("e{number}"),
                title: event.title,
                first: event.first,
                last: event.last,
                reports: event.ids.len(),
                articles: event.ids,
                disputed: latest.as_ref().map(|(_, brief)| brief.disputed),
                version: latest.map(|(version, _)| version),
            },
        ));
    }
    // Newest activity first: the latest report time, then the latest arrival.
    events.sort_by(|(a_newest, a), (b_newest, b)| b.last.cmp(&a.last).then(b_newest.cmp(a_newest)));
    let listed: Vec<Listed> = events.into_iter().map(|(_, listed)| listed).collect();
    let text = match args.format {
        ListFormat::Json => serde_json::to_string_pretty(&listed)? + "\n",
        ListFormat::Text => listed.iter().map(block).collect(),
    };
    // A closed pipe (`| head`) is the reader's choice, not an error.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    Ok(ExitCode::SUCCESS)
}

fn block(event: &Listed) -> String {
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
