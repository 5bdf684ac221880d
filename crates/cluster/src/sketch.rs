//! Near-identical copies (the same wire story run by two outlets) by the smallest hashes of
//! their five-word shingles (a bottom-k sketch): two texts that share most shingles share most
//! of their smallest ones, whatever their length, and a sketch is a few integers.

/// Hashes kept per text.
pub(crate) const SKETCH_SIZE: usize = 8;
/// Shared hashes that make two texts near-identical (Jaccard of shingles about ≥ 0.6).
pub(crate) const SAME_TEXT: usize = 5;
const SHINGLE: usize = 5;

/// The `SKETCH_SIZE` smallest distinct shingle hashes of a text, ascending (fewer for short texts).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Sketch(pub Vec<u64>);

impl Sketch {
    /// The sketch of a text given as the hashes of its words.
    pub fn of(words: &[u64]) -> Sketch {
        let width = SHINGLE.min(words.len());
        let mut smallest: Vec<u64> = Vec::with_capacity(SKETCH_SIZE + 1);
        if width == 0 {
            return Sketch(smallest);
        }
        for window in words.windows(width) {
            let shingle = window
                .iter()
                .fold(0x243f_6a88_85a3_08d3u64, |h, &w| (h.rotate_left(23) ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            if smallest.len() == SKETCH_SIZE && shingle >= smallest[SKETCH_SIZE - 1] {
                continue;
            }
            if let Err(at) = smallest.binary_search(&shingle) {
                smallest.insert(at, shingle);
                smallest.truncate(SKETCH_SIZE);
            }
        }
        Sketch(smallest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terms::hash;

    fn sketch(text: &str) -> Sketch {
        Sketch::of(&text.split_whitespace().map(hash).collect::<Vec<_>>())
    }

    fn shared(a: &Sketch, b: &Sketch) -> usize {
        a.0.iter().filter(|h| b.0.contains(h)).count()
    }

    #[test]
    fn copies_share_their_sketch_and_other_texts_do_not() {
        let story = "algerian troops ended a hostage crisis at a remote gas facility on saturday officials said \
                     after three days of chaos and confusion left dozens dead and fanned fears of a new terror front";
        let copy = format!("{story} the ap reported");
        let other = "the central bank raised interest rates by a quarter point on tuesday citing inflation \
                     that has stayed above its target for two years despite slower growth in the region";
        assert_eq!(sketch(story).0.len(), SKETCH_SIZE);
        assert!(shared(&sketch(story), &sketch(&copy)) >= SAME_TEXT);
        assert_eq!(shared(&sketch(story), &sketch(other)), 0);
        assert_eq!(sketch("two words").0.len(), 1);
        assert!(sketch("").0.is_empty());
    }
}
