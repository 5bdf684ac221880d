//! Marks near-duplicate documents: the same wire story carried twice, perhaps trimmed or lightly
//! edited. A later document is a near-duplicate of an earlier one when most of its word
//! shingles (runs of `SHINGLE_WORDS` words) also occur in the earlier one.
//!
//! Containment of the *later* document is used rather than Jaccard resemblance: a trimmed copy
//! adds nothing and is a duplicate, while a later, longer version adds facts and is kept.
//! Shingles are hashed, and candidates are found through an index from shingle to the documents
//! that have it, so the work is linear in the size of the cluster, not quadratic in its number
//! of documents. A document's distinct shingles are found by sorting its hashes rather than
//! through a hash set: one allocation, and no table rebuilt as it grows. Very large documents keep only a fixed sample of their shingles (those whose
//! hash is divisible by `LARGE_SAMPLING`, Broder's "mod m" sample), so memory stays well below
//! the size of the text while containment is still estimated without bias.

use chorus_core::Document;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Words per shingle: long enough that shared phrases of different stories rarely match.
const SHINGLE_WORDS: usize = 5;
/// Share of a document's shingles found in an earlier document that makes it a near-duplicate.
const MIN_CONTAINMENT: f64 = 0.75;
/// Documents longer than this (in bytes) are fingerprinted by a sample of their shingles.
const LARGE_TEXT: usize = 1 << 20;
/// One shingle in this many is kept for a large document.
const LARGE_SAMPLING: u64 = 16;
/// Further documents remembered per shingle, beyond the first. A shingle in more documents is
/// boilerplate, and capping its list keeps the work linear.
const MAX_EXTRA_HOLDERS: usize = 7;

/// Shingle hashes are already well mixed, so sets and maps of them use them as they are.
#[derive(Default)]
struct AlreadyHashed(u64);

impl Hasher for AlreadyHashed {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(FNV_PRIME);
        }
    }
    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type ShingleMap<V> = HashMap<u64, V, BuildHasherDefault<AlreadyHashed>>;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// The shingles of one document, and the sampling they were kept at.
struct Fingerprint {
    /// Distinct shingle hashes, sorted.
    shingles: Vec<u64>,
    sampling: u64,
}

/// Which earlier documents hold each shingle. Most shingles have one holder, kept inline; the
/// few shared by several documents keep the others aside, so memory is about one entry per
/// shingle.
#[derive(Default)]
struct Index {
    first_holder: ShingleMap<usize>,
    other_holders: ShingleMap<Vec<usize>>,
    sampling: Vec<u64>,
}

/// Sets `duplicate_of` on every document: the earlier document it nearly repeats, or `None`.
/// Only documents that are not themselves duplicates are candidates, so chains point at the
/// first occurrence.
pub(crate) fn mark_near_duplicates(documents: &mut [Document]) {
    let mut index = Index::default();
    for (position, document) in documents.iter_mut().enumerate() {
        let fingerprint = fingerprint(document.clean.as_str());
        document.duplicate_of = index.best_match(&fingerprint);
        index.sampling.push(fingerprint.sampling);
        if document.duplicate_of.is_none() {
            index.add(position, fingerprint.shingles);
        }
    }
}

impl Index {
    fn add(&mut self, document: usize, shingles: Vec<u64>) {
        self.first_holder.reserve(shingles.len());
        for shingle in shingles {
            let first = *self.first_holder.entry(shingle).or_insert(document);
            if first != document {
                let others = self.other_holders.entry(shingle).or_default();
                if others.len() < MAX_EXTRA_HOLDERS {
                    others.push(document);
                }
            }
        }
    }

    /// The earlier document containing the largest share (at least `MIN_CONTAINMENT`) of the
    /// fingerprint's shingles; the earliest one on ties.
    fn best_match(&self, fingerprint: &Fingerprint) -> Option<usize> {
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for shingle in &fingerprint.shingles {
            let first = self.first_holder.get(shingle);
            let others = self.other_holders.get(shingle).into_iter().flatten();
            for &holder in first.into_iter().chain(others) {
                *shared.entry(holder).or_default() += 1;
            }
        }
        // Compared with a sampled document, only the shingles that pass its sampling count.
        let sampled_size = fingerprint.shingles.iter().filter(|&&s| s % LARGE_SAMPLING == 0).count();
        let containment = |holder: usize, count: usize| {
            let sampled = fingerprint.sampling > 1 || self.sampling[holder] > 1;
            let size = if sampled { sampled_size } else { fingerprint.shingles.len() };
            if size == 0 {
                0.0
            } else {
                count as f64 / size as f64
            }
        };
        shared
            .into_iter()
            .map(|(holder, count)| (holder, containment(holder, count)))
            .filter(|&(_, share)| share >= MIN_CONTAINMENT)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(holder, _)| holder)
    }
}

/// Hashes of the distinct `SHINGLE_WORDS`-word windows of `text`, over lower-cased
/// alphanumeric words, streamed through a small ring of word hashes; a text shorter than a
/// window is one shingle.
fn fingerprint(text: &str) -> Fingerprint {
    /// English news averages about six bytes per word, so this rarely reallocates.
    const BYTES_PER_WORD: usize = 6;
    let sampling = if text.len() > LARGE_TEXT { LARGE_SAMPLING } else { 1 };
    let mut shingles = Vec::with_capacity(text.len() / BYTES_PER_WORD / sampling as usize);
    let mut window = [0u64; SHINGLE_WORDS];
    let mut words = 0usize;
    for_each_word_hash(text, |word_hash| {
        window[words % SHINGLE_WORDS] = word_hash;
        words += 1;
        if words >= SHINGLE_WORDS {
            let shingle = window_hash((words..words + SHINGLE_WORDS).map(|i| window[i % SHINGLE_WORDS]));
            if shingle % sampling == 0 {
                shingles.push(shingle);
            }
        }
    });
    if (1..SHINGLE_WORDS).contains(&words) {
        shingles.push(window_hash(window[..words].iter().copied()));
    }
    shingles.sort_unstable();
    shingles.dedup();
    Fingerprint { shingles, sampling }
}

/// Calls `emit` with the hash of each word of `text` (a maximal run of alphanumeric
/// characters), in order: FNV-1a over its lower-cased characters. The hash is built while
/// scanning, so no word is sliced out and read twice, and ASCII bytes, nearly all of the text,
/// are handled without decoding characters or consulting the Unicode tables.
fn for_each_word_hash(text: &str, mut emit: impl FnMut(u64)) {
    let step = |hash: u64, c: u32| (hash ^ u64::from(c)).wrapping_mul(FNV_PRIME);
    let bytes = text.as_bytes();
    let mut hash = FNV_OFFSET;
    let mut in_word = false;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        let (alphanumeric, len) = if byte.is_ascii() {
            if byte.is_ascii_alphanumeric() {
                hash = step(hash, u32::from(byte.to_ascii_lowercase()));
            }
            (byte.is_ascii_alphanumeric(), 1)
        } else {
            let Some(c) = text[at..].chars().next() else { break };
            if c.is_alphanumeric() {
                hash = c.to_lowercase().fold(hash, |hash, lower| step(hash, u32::from(lower)));
            }
            (c.is_alphanumeric(), c.len_utf8())
        };
        if alphanumeric {
            in_word = true;
        } else if in_word {
            emit(hash);
            hash = FNV_OFFSET;
            in_word = false;
        }
        at += len;
    }
    if in_word {
        emit(hash);
    }
}

/// Combines word hashes in order, then mixes the bits (the SplitMix64 finaliser) so that low
/// bits, used for sampling and hash tables, are as random as the high ones.
fn window_hash(words: impl Iterator<Item = u64>) -> u64 {
    let mut hash = words.fold(FNV_OFFSET, |hash, word| (hash.rotate_left(23) ^ word).wrapping_mul(FNV_PRIME));
    hash = (hash ^ (hash >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    hash = (hash ^ (hash >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    hash ^ (hash >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str =
        "Algerian troops ended a hostage crisis at a remote gas facility Saturday with one last, bloody \
        assault, Algerian and Western officials said, after three days of chaos and confusion left dozens dead and \
        fanned fears of a new terror front in Africa. At least 23 hostages and 32 militants were killed around the \
        sprawling facility in eastern Algeria's desert, the interior ministry said.";

    fn marks(texts: &[&str]) -> Vec<Option<usize>> {
        let mut documents: Vec<Document> =
            texts.iter().enumerate().map(|(i, t)| Document::new(i.to_string(), *t)).collect();
        mark_near_duplicates(&mut documents);
        documents.iter().map(|d| d.duplicate_of).collect()
    }

    #[test]
    fn the_same_wire_story_with_small_edits_is_a_duplicate() {
        let edited = WIRE.replace("Saturday", "on Saturday").replace("23 hostages", "twenty-three hostages");
        let other = "Japan's prime minister called his Algerian counterpart and urged a halt to the operation.";
        assert_eq!(marks(&[other, WIRE, &edited]), [None, None, Some(1)]);
    }

    #[test]
    fn a_trimmed_copy_is_a_duplicate_but_a_longer_version_is_not() {
        let first_sentence = &WIRE[..WIRE.find(" At least").expect("two sentences")];
        assert_eq!(marks(&[WIRE, first_sentence]), [None, Some(0)]);
        assert_eq!(marks(&[first_sentence, WIRE]), [None, None]);
    }

    #[test]
    fn duplicates_point_at_the_first_occurrence() {
        assert_eq!(
            marks(&[WIRE, WIRE, WIRE, "", "Short note.", "short NOTE"]),
            [None, Some(0), Some(0), None, None, Some(4)]
        );
    }

    #[test]
    fn a_copy_of_the_second_of_two_overlapping_stories_is_found() {
        let other = "The militants claimed Friday that they were holding two American hostages and would exchange \
            them for two people held in the United States, officials said after three days of chaos.";
        let overlapping = format!("{other} {}", &WIRE[..WIRE.find(" At least").expect("two sentences")]);
        assert_eq!(marks(&[WIRE, other]), [None, None]);
        assert_eq!(marks(&[WIRE, &overlapping, &overlapping]), [None, None, Some(1)]);
    }

    #[test]
    fn words_are_hashed_lower_cased_and_split_on_anything_not_alphanumeric() {
        let hashes = |text: &str| {
            let mut out = Vec::new();
            for_each_word_hash(text, |hash| out.push(hash));
            out
        };
        assert_eq!(hashes("Émile ZOLA, 1902"), hashes("émile—zola 1902!"));
        assert_eq!(hashes("  Über-Straße  ").len(), 2);
        assert_ne!(hashes("zola"), hashes("zolb"));
        assert!(hashes(" .,; ").is_empty());
    }

    #[test]
    fn a_trimmed_copy_of_a_huge_document_is_found_through_its_sample() {
        let huge: String =
            (0..120_000).map(|i| format!("Paragraph {i} tells of hostages freed at the plant. ")).collect();
        assert!(huge.len() > LARGE_TEXT);
        let excerpt = &huge[..huge.len() / 2];
        let unrelated = "Paragraph one tells nothing of the kind, and this is a different report entirely.";
        assert_eq!(marks(&[&huge, excerpt, unrelated]), [None, Some(0), None]);
    }
}
