//! How well a clustering matches gold events: pairwise and B-cubed precision, recall and F1,
//! computed exactly as `check_clusters.py` computes them (same counts, same summation order), so
//! `chorus cluster --labels` prints the same numbers.

use rustc_hash::FxHashMap;
use serde_json::Value;
use std::fmt;
use std::io::BufRead;

/// Gold events: `{"id", "event"}` lines, the later line winning for a repeated id.
pub struct Labels {
    /// Ids in the order they first appear, each with its gold event.
    gold: Vec<(String, String)>,
    position: FxHashMap<String, usize>,
}

/// Precision, recall and F1 of one measure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    /// Share of what was put together that belongs together.
    pub precision: f64,
    /// Share of what belongs together that was put together.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

/// The quality of a clustering of a labelled stream.
#[derive(Debug, Clone, PartialEq)]
pub struct Quality {
    /// Labelled articles.
    pub articles: usize,
    /// Gold events.
    pub events: usize,
    /// Predicted events among the labelled articles.
    pub predicted: usize,
    /// Labelled articles with no prediction; each counts as an event of its own.
    pub missing: usize,
    /// Over pairs of articles.
    pub pairwise: Scores,
    /// Per article, averaged.
    pub bcubed: Scores,
}

impl Labels {
    /// Reads labels; an error names the line and what is wrong with it.
    pub fn read(reader: impl BufRead) -> Result<Labels, String> {
        let mut labels = Labels { gold: Vec::new(), position: FxHashMap::default() };
        for (number, line) in reader.lines().enumerate() {
            let line = line.map_err(|e| format!("line {}: cannot read: {e}", number + 1))?;
            if line.trim().is_empty() {
                continue;
            }
            let value: Value =
                serde_json::from_str(&line).map_err(|e| format!("line {}: invalid JSON: {e}", number + 1))?;
            let (Some(id), Some(event)) = (value.get("id").and_then(text), value.get("event").and_then(text)) else {
                return Err(format!("line {}: expected {{\"id\", \"event\"}}", number + 1));
            };
            labels.insert(id, event);
        }
        if labels.gold.is_empty() {
            return Err("no labels".into());
        }
        Ok(labels)
    }

    fn insert(&mut self, id: String, event: String) {
        match self.position.get(&id) {
            Some(&at) => self.gold[at].1 = event,
            None => {
                self.position.insert(id.clone(), self.gold.len());
                self.gold.push((id, event));
            }
        }
    }

    /// The gold event of an article, if labelled.
    pub fn event_of(&self, id: &str) -> Option<&str> {
        self.position.get(id).map(|&i| self.gold[i].1.as_str())
    }

    /// Scores predicted `(id, event)` pairs (the later winning for a repeated id; ids without
    /// a label are ignored).
    pub fn score<'a>(&self, predicted: impl IntoIterator<Item = (&'a str, &'a str)>) -> Quality {
        let mut predicted_of: Vec<Option<&str>> = vec![None; self.gold.len()];
        for (id, event) in predicted {
            if let Some(&at) = self.position.get(id) {
                predicted_of[at] = Some(event);
            }
        }
        let alone: Vec<String> = self.gold.iter().map(|(id, _)| format!("__alone__{id}")).collect();
        let missing = predicted_of.iter().filter(|p| p.is_none()).count();
        let predicted: Vec<&str> =
            predicted_of.iter().zip(&alone).map(|(p, alone)| p.unwrap_or(alone.as_str())).collect();

        // Counters in first-seen order, as Python's `Counter` iterates.
        let mut pairs: Vec<((&str, &str), u64)> = Vec::new();
        let mut pair_at: FxHashMap<(&str, &str), usize> = FxHashMap::default();
        let mut gold_size: FxHashMap<&str, u64> = FxHashMap::default();
        let mut predicted_size: FxHashMap<&str, u64> = FxHashMap::default();
        for ((_, gold), &predicted) in self.gold.iter().zip(&predicted) {
            let key = (gold.as_str(), predicted);
            let at = *pair_at.entry(key).or_insert_with(|| {
                pairs.push((key, 0));
                pairs.len() - 1
            });
            pairs[at].1 += 1;
            *gold_size.entry(gold).or_default() += 1;
            *predicted_size.entry(predicted).or_default() += 1;
        }
        let c2 = |n: u64| n * n.saturating_sub(1) / 2;
        let together = pairs.iter().map(|&(_, n)| c2(n)).sum::<u64>() as f64;
        let precision = together / predicted_size.values().map(|&n| c2(n)).sum::<u64>().max(1) as f64;
        let recall = together / gold_size.values().map(|&n| c2(n)).sum::<u64>().max(1) as f64;
        let n = self.gold.len() as f64;
        let mut bcubed_precision = 0.0;
        let mut bcubed_recall = 0.0;
        for &((gold, predicted), count) in &pairs {
            let count = count as f64;
            bcubed_precision += count * count / predicted_size[predicted] as f64;
            bcubed_recall += count * count / gold_size[gold] as f64;
        }
        Quality {
            articles: self.gold.len(),
            events: gold_size.len(),
            predicted: predicted_size.len(),
            missing,
            pairwise: Scores::new(precision, recall),
            bcubed: Scores::new(bcubed_precision / n, bcubed_recall / n),
        }
    }
}

impl Scores {
    fn new(precision: f64, recall: f64) -> Scores {
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Scores { precision, recall, f1 }
    }
}

/// The line `check_clusters.py` prints.
impl fmt::Display for Quality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (p, b) = (self.pairwise, self.bcubed);
        write!(
            f,
            "clusters: {} articles, {} events, {} predicted, {} missing; pairwise P {:.3} R {:.3} F1 {:.3}; \
             B-cubed P {:.3} R {:.3} F1 {:.3}",
            self.articles,
            self.events,
            self.predicted,
            self.missing,
            p.precision,
            p.recall,
            p.f1,
            b.precision,
            b.recall,
            b.f1
        )
    }
}

fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(lines: &str) -> Labels {
        Labels::read(lines.as_bytes()).expect("valid labels")
    }

    #[test]
    fn a_perfect_clustering_scores_one_and_singletons_have_no_pairs() {
        let gold =
            labels("{\"id\": \"a\", \"event\": \"x\"}\n{\"id\": \"b\", \"event\": \"x\"}\n{\"id\": 3, \"event\": 9}\n");
        let quality = gold.score([("a", "e1"), ("b", "e1"), ("3", "e2")]);
        assert_eq!((quality.pairwise.f1, quality.bcubed.f1), (1.0, 1.0));
        let apart = gold.score([("a", "e1")]);
        assert_eq!((apart.missing, apart.predicted, apart.pairwise.recall, apart.pairwise.precision), (2, 3, 0.0, 0.0));
        assert!((apart.bcubed.recall - (0.5 + 0.5 + 1.0) / 3.0).abs() < 1e-12);
    }

    #[test]
    fn bad_lines_are_named() {
        assert_eq!(
            Labels::read("{\"id\": \"a\"}".as_bytes()).err().as_deref(),
            Some("line 1: expected {\"id\", \"event\"}")
        );
        assert!(Labels::read("\n".as_bytes()).is_err());
    }
}
