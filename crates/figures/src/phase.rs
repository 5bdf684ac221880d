//! Sub-events: a figure given for one phase of a story (`the final assault … the deaths of
//! seven hostages`) counts something else than the story's total (`23 hostages killed`), so
//! the phase is part of what a figure is about and phase figures never meet totals.

use crate::token::{lexicon_words, nearest, Token};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::LazyLock;

/// A phase of a story a figure can be limited to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// `first assault`, `initial raid`.
    First,
    /// `final assault`, `last push`, `latest operation`.
    Final,
}

/// The name JSON uses, so text and JSON output say the same. Label files use it too.
impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Phase::First => "first",
            Phase::Final => "final",
        })
    }
}

static OPERATIONS: LazyLock<Vec<&str>> =
    LazyLock::new(|| lexicon_words(include_str!("../lexicon/phase_operations.txt")));

/// How far (in tokens) a phase marker reaches: about one clause.
const REACH: usize = 12;

/// A phase marker and the token where it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhaseMarker {
    pub token: usize,
    pub phase: Phase,
}

/// Every phase marker of a sentence: a phase adjective, then within two tokens (quotes and a
/// comma may come between: `"final" assault`, `one last, bloody assault`) an operation noun.
pub fn phase_markers(tokens: &[Token]) -> Vec<PhaseMarker> {
    (0..tokens.len())
        .filter_map(|i| {
            let phase = match tokens[i].lower.as_str() {
                "final" | "last" | "latest" => Phase::Final,
                "first" | "initial" => Phase::First,
                _ => return None,
            };
            let operation_follows = tokens.iter().skip(i + 1).take(3).any(|t| t.is_any(&OPERATIONS));
            operation_follows.then_some(PhaseMarker { token: i, phase })
        })
        .collect()
}

/// The phase of a figure at token `at`, if a marker is near enough.
pub fn phase_at(markers: &[PhaseMarker], at: usize) -> Option<Phase> {
    nearest(markers, at, |m| m.token).filter(|m| m.token.abs_diff(at) <= REACH).map(|m| m.phase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn phase_of(text: &str, word: &str) -> Option<Phase> {
        let tokens = tokenize(text);
        let at = tokens.iter().position(|t| t.text == word).unwrap_or(usize::MAX);
        phase_at(&phase_markers(&tokens), at)
    }

    #[test]
    fn phases() {
        let text =
            "The saga closed after a \"final\" assault, which itself contributed to the deaths of seven hostages";
        assert_eq!(phase_of(text, "seven"), Some(Phase::Final));
        assert_eq!(phase_of("during Algerian forces' first offensive, five Jeeps", "five"), Some(Phase::First));
        assert_eq!(phase_of("At least 23 hostages were killed", "23"), None);
        assert_eq!(phase_of("to free the last few hostages", "few"), None);
    }

    #[test]
    fn a_far_marker_does_not_reach() {
        let text = "officials called it a final push to free the last few hostages in a siege that has left more than 60 people dead";
        assert_eq!(phase_of(text, "60"), None);
    }
}
