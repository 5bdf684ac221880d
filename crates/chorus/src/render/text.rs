//! The plain brief; when figures are disputed, the values with `[n]` report numbers, and the
//! numbered reports.

use super::{describe_group, describe_update, disputed, report_list};
use crate::Brief;

pub fn render(brief: &Brief) -> String {
    let mut out = brief.summary.clone();
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
    if !lines.is_empty() || !updates.is_empty() {
        out.push('\n');
        out.push_str(&report_list(&brief.documents));
    }
    out
}
