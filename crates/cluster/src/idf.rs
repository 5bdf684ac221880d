//! Document frequencies learned from the stream itself, in a fixed-size table.
//!
//! A table indexed by a term's hash, not a map, keeps memory constant on an endless stream; two
//! terms that share a slot only share a count, which raises both a little (2²¹ slots hold the
//! few hundred thousand stems of a large news stream with few collisions). The formula is the
//! one of chorus-segment: `ln((N + 1) / (df + 0.5))`.

use crate::terms::Term;

const SLOTS_LOG2: u32 = 21;

pub(crate) struct DocumentFrequencies {
    counts: Vec<u32>,
    documents: u64,
}

impl DocumentFrequencies {
    pub fn new() -> Self {
        DocumentFrequencies { counts: vec![0; 1 << SLOTS_LOG2], documents: 0 }
    }

    /// Counts one document with these distinct terms.
    pub fn add_document(&mut self, terms: impl Iterator<Item = Term>) {
        self.documents += 1;
        for term in terms {
            let slot = &mut self.counts[slot(term)];
            *slot = slot.saturating_add(1);
        }
    }

    pub fn idf(&self, term: Term) -> f32 {
        ((self.documents as f32 + 1.0) / (self.counts[slot(term)] as f32 + 0.5)).ln()
    }
}

/// The top bits of a multiplicative mix: FxHash's low bits alone are poorly spread.
fn slot(term: Term) -> usize {
    (u64::from(term).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - SLOTS_LOG2)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rarer_terms_weigh_more() {
        let mut frequencies = DocumentFrequencies::new();
        frequencies.add_document([1, 2].into_iter());
        frequencies.add_document([1].into_iter());
        assert!(frequencies.idf(2) > frequencies.idf(1));
        assert!(frequencies.idf(3) > frequencies.idf(2));
        assert!((frequencies.idf(1) - (3.0f32 / 2.5).ln()).abs() < 1e-6);
    }
}
