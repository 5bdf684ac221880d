//! The brief with numbered citations and a source list.

use super::{describe_group, describe_update, disputed, source_name, source_number};
use crate::{Brief, BriefSentence};

/// `[2]` for a sentence from source 2, `[2; also 1, 4]` when sources 1 and 4 say the same.
pub(super) fn citation(brief: &Brief, sentence: &BriefSentence) -> (usize, Vec<usize>) {
    let source = source_number(&brief.documents, &sentence.doc);
    let also = sentence.support.iter().map(|d| source_number(&brief.documents, d)).collect();
    (source, also)
}

pub fn render(brief: &Brief) -> String {
    let mut out = format!("# {}\n\n", brief.id);
    if let Some(query) = &brief.query {
        out.push_str(&format!("*Focused on:* {query}\n\n"));
    }
    for sentence in &brief.sentences {
        let (source, also) = citation(brief, sentence);
        out.push_str(&sentence.text);
        if sentence.truncated {
            out.push_str(" …");
        }
        if also.is_empty() {
            out.push_str(&format!(" [{source}]"));
        } else {
            let also: Vec<String> = also.iter().map(usize::to_string).collect();
            out.push_str(&format!(" [{source}; also {}]", also.join(", ")));
        }
        if !sentence.disputed.is_empty() {
            out.push_str(" *(figure disputed, see below)*");
        }
        out.push_str("\n\n");
    }
    let updates: Vec<String> = brief.updates.iter().map(|u| format!("- {}", describe_update(brief, u))).collect();
    if !updates.is_empty() {
        out.push_str("## Figures updated since the seen reports\n\n");
        out.push_str(&updates.join("\n"));
        out.push_str("\n\n");
    }
    let groups: Vec<String> = disputed(brief).map(|(_, g)| format!("- {}", describe_group(brief, g))).collect();
    if !groups.is_empty() {
        out.push_str("## Figures the reports disagree on\n\n");
        out.push_str(&groups.join("\n"));
        out.push_str("\n\n");
    }
    out.push_str("## Sources\n\n");
    for (i, doc) in brief.documents.iter().enumerate() {
        // A compressed sentence cites each piece it keeps; its pieces are joined by `+`.
        let spans: Vec<String> = brief
            .sentences
            .iter()
            .filter(|s| s.doc == doc.id)
            .map(|s| s.spans.iter().map(|[start, end]| format!("{start}–{end}")).collect::<Vec<_>>().join(" + "))
            .collect();
        out.push_str(&format!("{}. {}", i + 1, source_name(doc)));
        if let Some(date) = &doc.date {
            out.push_str(&format!(", {date}"));
        }
        if !spans.is_empty() {
            out.push_str(&format!(" — cited bytes {}", spans.join(", ")));
        }
        if doc.seen {
            out.push_str(" — seen");
        }
        if let Some(original) = &doc.duplicate_of {
            out.push_str(&format!(" — repeats {original}, counted once"));
        }
        out.push('\n');
    }
    out
}
