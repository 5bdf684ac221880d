//! A standalone HTML page: citations link to the source list, and hovering one shows its bytes.

use super::markdown::citation;
use super::{describe_group, describe_update, disputed, source_name};
use crate::Brief;

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub fn render(brief: &Brief) -> String {
    let title = escape(&brief.id);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n\
         <style>body{{font-family:Georgia,serif;max-width:46em;margin:2em auto;line-height:1.5}}\
         sup a{{text-decoration:none}}.disputed{{background:#fff3cd}}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    );
    if let Some(query) = &brief.query {
        out.push_str(&format!("<p><em>Focused on:</em> {}</p>\n", escape(query)));
    }
    out.push_str("<p>\n");
    for sentence in &brief.sentences {
        let (source, also) = citation(brief, sentence);
        let class = if sentence.disputed.is_empty() { "" } else { " class=\"disputed\"" };
        out.push_str(&format!("<span{class}>{}</span>", escape(&sentence.text)));
        let span = format!("bytes {}–{} of {}", sentence.start, sentence.end, escape(&sentence.doc));
        out.push_str(&format!("<sup><a href=\"#source-{source}\" title=\"{span}\">[{source}]</a>"));
        for n in also {
            out.push_str(&format!("<a href=\"#source-{n}\" title=\"also reported\">[{n}]</a>"));
        }
        out.push_str("</sup>\n");
    }
    out.push_str("</p>\n");
    let updates: Vec<String> =
        brief.updates.iter().map(|u| format!("<li>{}</li>", escape(&describe_update(brief, u)))).collect();
    if !updates.is_empty() {
        out.push_str(&format!(
            "<h2>Figures updated since the seen reports</h2>\n<ul>\n{}\n</ul>\n",
            updates.join("\n")
        ));
    }
    let groups: Vec<String> =
        disputed(brief).map(|(_, g)| format!("<li>{}</li>", escape(&describe_group(brief, g)))).collect();
    if !groups.is_empty() {
        out.push_str(&format!("<h2>Figures the reports disagree on</h2>\n<ul>\n{}\n</ul>\n", groups.join("\n")));
    }
    out.push_str("<h2>Sources</h2>\n<ol>\n");
    for (i, doc) in brief.documents.iter().enumerate() {
        let seen = if doc.seen { " — seen" } else { "" };
        out.push_str(&format!("<li id=\"source-{}\">{}{seen}</li>\n", i + 1, escape(&source_name(doc))));
    }
    out.push_str("</ol>\n</body>\n</html>\n");
    out
}
