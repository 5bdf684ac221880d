//! Sentence compression with citations intact: a sentence of a brief loses the words a reader of
//! the brief does not need — day names and times (`said Monday`, `As of mid-morning Monday,`),
//! a trailing attribution (`…, the state broadcaster said.`), a parenthetical, a dateline, an
//! age after a name — and keeps every other byte exactly as its report has it, so each kept
//! piece still cites its own span.
//!
//! ```
//! use chorus_compress::Compressor;
//!
//! let sentence = "On Friday, the army stormed the plant, the state broadcaster said Monday.";
//! let compressed = Compressor::new().compress(sentence).expect("something to drop");
//! assert_eq!(compressed.text, "The army stormed the plant.");
//! let pieces: Vec<&str> = compressed.pieces.iter().map(|p| &sentence[p.clone()]).collect();
//! assert_eq!(pieces, ["the army stormed the plant", "."]);
//! ```
//!
//! Every rule is a small pattern over the sentence's words; the word lists are data
//! (`words/lexicon.txt`). A rule's drop is kept only if the sentence still reads as one: capital
//! first, its closing punctuation last, no dangling comma, no word left without what it leads to.
//! Quotations are never shortened.

#![deny(missing_docs)]

mod compression;
mod lexicon;
mod rules;
mod token;

pub use compression::Compression;

/// Compresses sentences; cheap to build and to share across threads.
#[derive(Debug, Clone, Copy, Default)]
pub struct Compressor {}

impl Compressor {
    /// The compressor with every rule.
    pub fn new() -> Self {
        Compressor {}
    }

    /// The sentence without what the rules drop, or `None` when they drop nothing.
    pub fn compress(&self, sentence: &str) -> Option<Compression> {
        let tokens = token::tokens(sentence);
        let mut dropped: Vec<std::ops::Range<usize>> = Vec::new();
        for rule in rules::RULES {
            for drop in rule(sentence, &tokens) {
                let mut trial = dropped.clone();
                trial.push(drop);
                if rules::reads_as_sentence(&Compression::without(sentence, &trial).text, sentence) {
                    dropped = trial;
                }
            }
        }
        (!dropped.is_empty()).then(|| Compression::without(sentence, &dropped))
    }
}
