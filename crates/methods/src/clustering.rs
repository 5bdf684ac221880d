//! Spherical k-means over tf·idf vectors: groups sentences by topic, for the diversity reward of
//! the submodular method.

use crate::vectors::SparseVector;
use chorus_core::TermId;
use rustc_hash::FxHashMap as HashMap;

/// Rounds of k-means; assignments settle within a few on sentence vectors.
const ROUNDS: usize = 10;

/// A cluster label in `0..k` for each vector. Deterministic: the first centre is the first
/// vector, each next one the vector least similar to every centre so far (farthest-first), then
/// Lloyd rounds with cosine similarity. Empty vectors join cluster 0.
pub fn k_means(vectors: &[&SparseVector], k: usize) -> Vec<usize> {
    let k = k.clamp(1, vectors.len().max(1));
    let mut centres: Vec<HashMap<TermId, f32>> = Vec::new();
    let mut nearest = vec![f32::NEG_INFINITY; vectors.len()];
    let mut next = 0;
    while centres.len() < k && next < vectors.len() {
        let centre: HashMap<TermId, f32> = vectors[next].entries().iter().copied().collect();
        for (closest, vector) in nearest.iter_mut().zip(vectors) {
            *closest = closest.max(dot(&centre, vector));
        }
        centres.push(centre);
        next = (0..vectors.len()).min_by(|&a, &b| nearest[a].total_cmp(&nearest[b]).then(a.cmp(&b))).unwrap_or(0);
    }
    let mut labels = vec![0; vectors.len()];
    for _ in 0..ROUNDS {
        let assigned: Vec<usize> = vectors.iter().map(|v| closest_centre(&centres, v)).collect();
        if assigned == labels && centres.len() == k {
            break;
        }
        labels = assigned;
        centres = recentred(&centres, vectors, &labels);
    }
    labels
}

fn dot(centre: &HashMap<TermId, f32>, vector: &SparseVector) -> f32 {
    vector.entries().iter().map(|(t, w)| w * centre.get(t).copied().unwrap_or(0.0)).sum()
}

fn closest_centre(centres: &[HashMap<TermId, f32>], vector: &SparseVector) -> usize {
    (0..centres.len())
        .max_by(|&a, &b| dot(&centres[a], vector).total_cmp(&dot(&centres[b], vector)).then(b.cmp(&a)))
        .unwrap_or(0)
}

/// Each centre moved to the normalised mean of its members; a centre without members stays.
fn recentred(old: &[HashMap<TermId, f32>], vectors: &[&SparseVector], labels: &[usize]) -> Vec<HashMap<TermId, f32>> {
    let mut sums: Vec<HashMap<TermId, f32>> = vec![HashMap::default(); old.len()];
    for (vector, &label) in vectors.iter().zip(labels) {
        for &(term, weight) in vector.entries() {
            *sums[label].entry(term).or_default() += weight;
        }
    }
    sums.into_iter()
        .zip(old)
        .map(|(mut sum, previous)| {
            let norm = sum.values().map(|w| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                sum.values_mut().for_each(|w| *w /= norm);
                sum
            } else {
                previous.clone()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_corpus::corpus;
    use crate::vectors::Vectors;

    #[test]
    fn sentences_on_the_same_topic_share_a_cluster() {
        let c = corpus(&["storm hits coast. storm floods coast. markets rally strongly. markets rally again"]);
        let v = Vectors::new(&c);
        let rows: Vec<&SparseVector> = (0..4).map(|s| v.get(s)).collect();
        let labels = k_means(&rows, 2);
        assert_eq!(labels[0], labels[1]);
        assert_eq!(labels[2], labels[3]);
        assert_ne!(labels[0], labels[2]);
    }

    #[test]
    fn no_vectors_no_labels() {
        assert!(k_means(&[], 3).is_empty());
    }
}
