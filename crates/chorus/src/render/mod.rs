//! Renderers: one file per output format, each a pure function of the [`Brief`].

mod html;
mod json;
mod markdown;
mod text;

use crate::{Brief, Change, CitedClaim, DocumentInfo, FigureReport, FigureUpdate};
use chorus_figures::{FigureGroup, FigureValue};
use std::str::FromStr;

/// An output format of `chorus summarize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The plain brief, then the figures the reports disagree on.
    Text,
    /// The brief with `[n]` citations, the disputed figures, and a numbered source list.
    Markdown,
    /// Everything in the brief (schema in the README).
    Json,
    /// A standalone page: the Markdown view with links from citations to sources.
    Html,
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "text" => Ok(Format::Text),
            "markdown" | "md" => Ok(Format::Markdown),
            "json" => Ok(Format::Json),
            "html" => Ok(Format::Html),
            other => Err(format!("unknown format '{other}' (text, markdown, json, html)")),
        }
    }
}

/// The brief written in `format`.
pub fn render(brief: &Brief, format: Format) -> String {
    match format {
        Format::Text => text::render(brief),
        Format::Markdown => markdown::render(brief),
        Format::Json => json::render(brief),
        Format::Html => html::render(brief),
    }
}

/// 1-based number of a document in the source list.
fn source_number(documents: &[DocumentInfo], doc: &str) -> usize {
    documents.iter().position(|d| d.id == doc).map_or(0, |i| i + 1)
}

/// The disputed figure groups confident enough to show (`FigureGroup::is_shown`), with their
/// index in `brief.figures`; in an update brief, those not shown as updates.
fn disputed(brief: &Brief) -> impl Iterator<Item = (usize, &FigureGroup)> {
    let updated = |i: usize| brief.updates.iter().any(|u| u.group == i);
    brief.figures.iter().enumerate().filter(move |&(i, g)| g.is_shown() && !updated(i))
}

/// One line of a figure that changed since the seen reports: the new value(s), then the last
/// earlier value it replaces, then any other earlier ones, each with its reports.
/// `hostage killed: at least 23 [2, 3], down from 35 [1, 4]; earlier also multiple [1]`
fn describe_update(brief: &Brief, update: &FigureUpdate) -> String {
    let group = &brief.figures[update.group];
    let value = |v: &usize| describe_value(&group.values[*v], &brief.claims, &brief.documents);
    let now: Vec<String> = update.now.iter().map(value).collect();
    let (last, others) = update.earlier.split_last().expect("an update has an earlier value");
    let change = match update.change {
        Change::Up => "up from",
        Change::Down => "down from",
        Change::Changed => "changed from",
    };
    let mut line = format!("{}: {}, {change} {}", group_label(group), now.join(" and "), value(last));
    if !others.is_empty() {
        line.push_str(&format!("; earlier also {}", others.iter().map(value).collect::<Vec<_>>().join(" and ")));
    }
    line
}

/// How a document is named in a source list: its file, else its id, with its title.
fn source_name(doc: &DocumentInfo) -> String {
    let name = doc.file.as_deref().unwrap_or(&doc.id);
    match &doc.title {
        Some(title) => format!("{name} ({title})"),
        None => name.to_owned(),
    }
}

/// What a group counts, in words: `hostage killed`, `militant killed (final)`.
fn group_label(group: &FigureGroup) -> String {
    let mut label = group.counted.clone();
    if let Some(event) = group.event {
        label.push(' ');
        label.push_str(&event.to_string());
    }
    if let Some(phase) = group.phase {
        label.push_str(&format!(" ({phase})"));
    }
    label
}

/// One line of a disputed group: what is counted, and each value as written, with who gave it,
/// when, and in which reports.
fn describe_group(brief: &Brief, group: &FigureGroup) -> String {
    describe(group, &brief.claims, &brief.documents)
}

fn describe(group: &FigureGroup, claims: &[CitedClaim], documents: &[DocumentInfo]) -> String {
    let values: Vec<String> = group.values.iter().map(|v| describe_value(v, claims, documents)).collect();
    format!("{}: {} — {}", group_label(group), values.join(" vs "), group.verdict)
}

/// One value as written, with who gave it, when, and in which reports: `at least 23 (the
/// ministry said), Saturday [2, 3]`.
fn describe_value(v: &FigureValue, claims: &[CitedClaim], documents: &[DocumentInfo]) -> String {
    let claim = v.claims.first().map(|&c| &claims[c].claim);
    let mut said = claim.map_or_else(String::new, |c| match &c.qualifier {
        Some(q) => format!("{q} {}", c.number_text),
        None => c.number_text.clone(),
    });
    if !v.attributions.is_empty() {
        said.push_str(&format!(" ({})", v.attributions.join("; ")));
    }
    let mut days: Vec<&str> = v.days.iter().map(|d| d.strip_prefix("on ").unwrap_or(d)).collect();
    days.dedup();
    if !days.is_empty() {
        said.push_str(&format!(", {}", days.join(", ")));
    }
    let mut numbers: Vec<usize> = v.docs.iter().map(|d| source_number(documents, d)).collect();
    numbers.sort_unstable();
    // Ten thousand reports of one value make a line of ten thousand numbers otherwise.
    let mut reports: Vec<String> = numbers.iter().take(json::MAX_PER_VALUE).map(usize::to_string).collect();
    if numbers.len() > json::MAX_PER_VALUE {
        reports.push(format!("and {} more", numbers.len() - json::MAX_PER_VALUE));
    }
    format!("{said} [{}]", reports.join(", "))
}

/// The `chorus figures` view: every group, disputed first, each with its confidence, then the
/// numbered reports.
pub fn render_figures(report: &FigureReport) -> String {
    let mut groups: Vec<&FigureGroup> = report.groups.iter().collect();
    groups.sort_by_key(|g| !g.is_disputed());
    let mut out = String::new();
    for group in groups {
        out.push_str(&describe(group, &report.claims, &report.documents));
        out.push_str(&format!(" (confidence {:.2})\n", group.confidence));
    }
    if out.is_empty() {
        out.push_str("no figures found\n");
    }
    out.push('\n');
    out.push_str(&report_list(&report.documents));
    out
}

/// The numbered reports that `[n]` in a figure line refers to.
fn report_list(documents: &[DocumentInfo]) -> String {
    let mut out = String::from("Reports:\n");
    for (i, doc) in documents.iter().enumerate() {
        let seen = if doc.seen { " — seen" } else { "" };
        out.push_str(&format!("[{}] {}{seen}\n", i + 1, source_name(doc)));
    }
    out
}
