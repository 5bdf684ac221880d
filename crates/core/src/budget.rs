//! How long a brief may be.

use serde::{Deserialize, Serialize};

/// The unit and size of a budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "unit", content = "limit")]
pub enum Limit {
    /// Whitespace-separated words.
    Words(usize),
    /// UTF-8 bytes of the summary text (sentences joined by one space).
    Bytes(usize),
    /// Sentences, whatever their length (the TAC/Multi-News "top k" convention).
    Sentences(usize),
}

/// A limit, and whether the last sentence may be cut at it (the DUC convention).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Budget {
    /// The unit and size (serialised flat, as `unit` and `limit`).
    #[serde(flatten)]
    pub limit: Limit,
    /// Whether the last sentence may be cut at the limit rather than left out (DUC's `-l`/`-b` ROUGE truncation).
    pub truncate: bool,
}

impl Default for Budget {
    fn default() -> Self {
        Budget { limit: Limit::Words(100), truncate: false }
    }
}

/// What a summary has used so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    /// Whitespace-separated words.
    pub words: usize,
    /// UTF-8 bytes, counting one joining space between sentences.
    pub bytes: usize,
    /// Sentences.
    pub sentences: usize,
}

impl Usage {
    /// Usage after appending a sentence of `words` words and `bytes` bytes (plus one joining space).
    pub fn with(self, words: usize, bytes: usize) -> Usage {
        Usage {
            words: self.words + words,
            bytes: self.bytes + bytes + usize::from(self.sentences > 0),
            sentences: self.sentences + 1,
        }
    }
}

impl Budget {
    /// A budget of `n` words, not truncated: the default unit of a brief.
    pub fn words(n: usize) -> Self {
        Budget { limit: Limit::Words(n), truncate: false }
    }

    /// Whether `usage` is within the budget.
    pub fn allows(&self, usage: Usage) -> bool {
        match self.limit {
            Limit::Words(n) => usage.words <= n,
            Limit::Bytes(n) => usage.bytes <= n,
            Limit::Sentences(n) => usage.sentences <= n,
        }
    }

    /// Whether nothing more can be added after `usage`.
    pub fn is_full(&self, usage: Usage) -> bool {
        match self.limit {
            Limit::Words(n) => usage.words >= n,
            Limit::Bytes(n) => usage.bytes >= n,
            Limit::Sentences(n) => usage.sentences >= n,
        }
    }

    /// A rough size of the budget in words, for methods that weigh length against it.
    pub fn approx_words(&self) -> usize {
        match self.limit {
            Limit::Words(n) => n,
            Limit::Bytes(n) => n / 6,
            Limit::Sentences(n) => n * 25,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_counts_joining_spaces_in_bytes() {
        let u = Usage::default().with(2, 10).with(3, 5);
        assert_eq!(u, Usage { words: 5, bytes: 16, sentences: 2 });
        let b = Budget { limit: Limit::Bytes(16), truncate: false };
        assert!(b.allows(u) && b.is_full(u));
        assert!(!Budget { limit: Limit::Bytes(15), truncate: false }.allows(u));
        assert!(Budget { limit: Limit::Sentences(2), truncate: false }.allows(u));
        assert!(!Budget::words(4).allows(u));
    }
}
