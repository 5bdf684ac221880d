//! The plain brief.

use super::{describe_group, disputed};
use crate::Brief;

pub fn render(brief: &Brief) -> String {
    let mut out = brief.summary.clone();
    out.push('\n');
    let lines: Vec<String> = disputed(brief).map(|(_, g)| format!("- {}", describe_group(brief, g))).collect();
    if !lines.is_empty() {
        out.push_str("\nFigures the reports disagree on:\n");
        out.push_str(&lines.join("\n"));
        out.push('\n');
    }
    out
}
