//! Small corpora for tests and measurements, built without the segmenter: sentences split at
//! ". ", terms are the lowercased words minus a few stopwords (no stemming). A sentence written
//! with a leading `#` is a headline, hence not eligible.
//!
//! Depends only on `chorus-core` so integration tests and examples can include it by path.

#![allow(dead_code)] // each includer uses a different part

use chorus_core::{Corpus, Sentence, SentenceKind, Span};
use std::collections::HashMap;

const STOPWORDS: &[&str] = &["a", "an", "the", "of", "in", "on", "and", "to", "is", "was", "by", "at"];

/// A corpus with one document per string.
pub fn corpus(documents: &[&str]) -> Corpus {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut vocabulary: Vec<String> = Vec::new();
    let mut sentences = Vec::new();
    for (doc, text) in documents.iter().enumerate() {
        let mut start = 0;
        for (position, piece) in text.split(". ").enumerate() {
            let end = start + piece.len();
            let (kind, body) = match piece.strip_prefix('#') {
                Some(rest) => (SentenceKind::Headline, rest),
                None => (SentenceKind::Body, piece),
            };
            let terms: Vec<u32> = body
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
                .filter(|w| !w.is_empty() && !STOPWORDS.contains(&w.as_str()))
                .map(|w| {
                    *ids.entry(w.clone()).or_insert_with(|| {
                        vocabulary.push(w);
                        vocabulary.len() as u32 - 1
                    })
                })
                .collect();
            sentences.push(Sentence {
                doc,
                position,
                text: body.into(),
                clean: start..end,
                span: Span { start, end },
                words: body.split_whitespace().count(),
                terms: terms.into(),
                kind,
            });
            start = end + 2;
        }
    }
    let mut document_frequency = vec![0u32; vocabulary.len()];
    for doc in 0..documents.len() {
        let mut seen: Vec<u32> =
            sentences.iter().filter(|s| s.doc == doc).flat_map(|s| s.terms.iter().copied()).collect();
        seen.sort_unstable();
        seen.dedup();
        seen.into_iter().for_each(|t| document_frequency[t as usize] += 1);
    }
    let n = documents.len() as f32;
    let idf = document_frequency.iter().map(|&df| ((1.0 + n) / (1.0 + df as f32)).ln() + 1.0).collect();
    Corpus { sentences, vocabulary, document_frequency, idf, documents: documents.len() }
}

/// Texts of a random-looking but reproducible cluster: Zipf-like words, some sentences repeated
/// verbatim or with one word changed from earlier documents, some headlines.
pub fn generated_texts(seed: u64, documents: usize, sentences_per_document: usize) -> Vec<String> {
    let mut random = Random(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut all: Vec<String> = Vec::new();
    let mut texts = Vec::new();
    for _ in 0..documents {
        let mut doc = Vec::new();
        for _ in 0..sentences_per_document {
            let roll = random.below(100);
            let sentence = if roll < 10 && !all.is_empty() {
                all[random.below(all.len())].clone()
            } else if roll < 20 && !all.is_empty() {
                let mut words: Vec<String> = all[random.below(all.len())].split(' ').map(str::to_string).collect();
                let at = random.below(words.len());
                words[at] = format!("w{}", random.below(3000));
                words.join(" ")
            } else {
                let length = 6 + random.below(30);
                let words: Vec<String> = (0..length)
                    .map(|_| {
                        let u = random.below(1_000_000) as f64 / 1e6;
                        format!("w{}", (3000.0 * u * u * u) as usize)
                    })
                    .collect();
                let text = words.join(" ");
                if roll < 25 {
                    format!("#{text}")
                } else {
                    text
                }
            };
            all.push(sentence.trim_start_matches('#').to_string());
            doc.push(sentence);
        }
        texts.push(doc.join(". "));
    }
    texts
}

/// A generated corpus (see [`generated_texts`]).
pub fn generated(seed: u64, documents: usize, sentences_per_document: usize) -> Corpus {
    let texts = generated_texts(seed, documents, sentences_per_document);
    corpus(&texts.iter().map(String::as_str).collect::<Vec<_>>())
}

/// xorshift64: enough randomness for test data, and no dependency.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}
