//! Everything in the brief, as JSON.

use crate::Brief;

pub fn render(brief: &Brief) -> String {
    // A Brief holds only strings, numbers and plain containers: serialising it cannot fail.
    serde_json::to_string_pretty(brief).expect("a brief serialises to JSON")
}
