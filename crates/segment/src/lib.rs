//! chorus-segment: splits the cleaned documents of a cluster into sentences, tokenizes them into
//! content terms, and hands on a [`chorus_core::Corpus`] whose every sentence knows its byte span
//! in the original text.
//!
//! ```text
//! Cluster ──sentence_ranges──▶ sentences ──Tokenizer──▶ term ids ──Segmenter──▶ Corpus (+ idf)
//! ```
#![deny(missing_docs)]

mod abbreviations;
mod boilerplate;
mod idf;
mod kind;
mod segmenter;
mod sentences;
mod stopwords;
mod tokens;
mod vocabulary;

pub use segmenter::Segmenter;
pub use sentences::sentence_ranges;
pub use tokens::{word_count, Tokenizer};
