//! The plain brief with `[n]` citations as Markdown has them (`[2; also 1, 4]`); the figures
//! updated since the seen reports and those the reports disagree on, with their report numbers;
//! then the numbered reports the citations name.

use super::markdown::citation;
use super::{describe_group, describe_update, disputed, report_list};
use crate::Brief;

pub fn render(brief: &Brief) -> String {
    let cited: Vec<String> = brief
        .sentences
        .iter()
        .map(|sentence| {
            let (source, also) = citation(brief, sentence);
            let cut = if sentence.truncated { " …" } else { "" };
            if also.is_empty() {
                format!("{}{cut} [{source}]", sentence.text)
            } else {
                let also: Vec<String> = also.iter().map(usize::to_string).collect();
                format!("{}{cut} [{source}; also {}]", sentence.text, also.join(", "))
            }
        })
        .collect();
    let mut out = cited.join(" ");
    out.push('\n');
    let updates: Vec<String> = brief.updates.iter().map(|u| format!("- {}", describe_update(brief, u))).collect();
    if !updates.is_empty() {
        out.push_str("\nFigures updated since the seen reports:\n");
        out.push_str(&updates.join("\n"));
        out.push('\n');
    }
    let lines: Vec<String> = disputed(brief).map(|(_, g)| format!("- {}", describe_group(brief, g))).collect();
    if !lines.is_empty() {
        out.push_str("\nFigures the reports disagree on:\n");
        out.push_str(&lines.join("\n"));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&report_list(&brief.documents));
    out
}
