//! Renderers: one file per output format, each a pure function of the [`Brief`].

mod html;
mod json;
mod markdown;
mod text;

use crate::{Brief, CitedClaim, DocumentInfo, FigureGroup, FigureReport};
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

/// The disputed figure groups, with their index in `brief.figures`.
fn disputed(brief: &Brief) -> impl Iterator<Item = (usize, &FigureGroup)> {
    brief.figures.iter().enumerate().filter(|(_, g)| g.is_disputed())
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
        label.push_str(&lowercase_name(&event));
    }
    if let Some(phase) = group.phase {
        label.push_str(&format!(" ({})", lowercase_name(&phase)));
    }
    label
}

fn lowercase_name(value: &impl std::fmt::Debug) -> String {
    format!("{value:?}").to_lowercase()
}

/// One line of a disputed group: what is counted, and each value as written, with who gave it,
/// when, and in which reports.
fn describe_group(brief: &Brief, group: &FigureGroup) -> String {
    describe(group, &brief.claims, &brief.documents)
}

fn describe(group: &FigureGroup, claims: &[CitedClaim], documents: &[DocumentInfo]) -> String {
    let values: Vec<String> = group
        .values
        .iter()
        .map(|v| {
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
            // Ten thousand reports of one value make a line of ten thousand numbers otherwise.
            let mut reports: Vec<String> =
                v.docs.iter().take(json::MAX_PER_VALUE).map(|d| source_number(documents, d).to_string()).collect();
            if v.docs.len() > json::MAX_PER_VALUE {
                reports.push(format!("and {} more", v.docs.len() - json::MAX_PER_VALUE));
            }
            format!("{said} [{}]", reports.join(", "))
        })
        .collect();
    format!("{}: {} — {}", group_label(group), values.join(" vs "), lowercase_name(&group.verdict).replace('_', " "))
}

/// The `chorus figures` view: every group, disputed first, then the numbered reports.
pub fn render_figures(report: &FigureReport) -> String {
    let mut groups: Vec<&FigureGroup> = report.groups.iter().collect();
    groups.sort_by_key(|g| !g.is_disputed());
    let mut out = String::new();
    for group in groups {
        out.push_str(&describe(group, &report.claims, &report.documents));
        out.push('\n');
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
        out.push_str(&format!("[{}] {}\n", i + 1, source_name(doc)));
    }
    out
}
