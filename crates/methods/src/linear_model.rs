//! A linear sentence scorer: fitted by ridge regression, stored as a small text file that a
//! person can read and that `chorus train` reproduces exactly.
//!
//! File format (UTF-8, tab-separated, `#` lines are comments):
//!
//! ```text
//! chorus-sentence-scorer<TAB>1
//! intercept<TAB><value>
//! <feature name><TAB><weight>      one line per feature, in FEATURE_NAMES order
//! ```
//!
//! Weights apply to the raw features: the standardisation used while fitting is folded in, so
//! scoring is one dot product.

use crate::features::{FEATURES, FEATURE_NAMES};
use std::fmt;

const MAGIC: &str = "chorus-sentence-scorer";
const VERSION: &str = "1";

/// Ridge penalty on standardised weights, relative to the number of rows. Small: the model has
/// few features and many rows; it only keeps near-collinear features from trading huge weights.
const RIDGE: f64 = 1e-3;

/// Why a model could not be read or fitted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ModelError {
    /// A model file line that cannot be read.
    #[error("line {line}: {problem}")]
    Format {
        /// 1-based line of the model file.
        line: usize,
        /// What is wrong on it.
        problem: String,
    },
    /// The training rows cannot determine a model (too few, or constant).
    #[error("cannot fit a model: {0}")]
    Fit(&'static str),
}

/// Score = intercept + Σ weight · feature.
#[derive(Debug, Clone, PartialEq)]
pub struct LinearModel {
    intercept: f64,
    weights: [f64; FEATURES],
}

impl LinearModel {
    /// The scores of feature rows.
    pub fn score(&self, features: &[f64; FEATURES]) -> f64 {
        self.intercept + self.weights.iter().zip(features).map(|(w, x)| w * x).sum::<f64>()
    }

    /// Least squares with a small ridge penalty on standardised features. Sums run in row
    /// order, so the same rows always give the same model, bit for bit.
    pub fn fit(rows: &[[f64; FEATURES]], labels: &[f64]) -> Result<LinearModel, ModelError> {
        if rows.is_empty() || rows.len() != labels.len() {
            return Err(ModelError::Fit("need as many labels as feature rows, and at least one"));
        }
        let n = rows.len() as f64;
        let mut mean = [0.0; FEATURES];
        rows.iter().flatten().zip((0..FEATURES).cycle()).for_each(|(x, j)| mean[j] += x / n);
        let mut scale = [0.0; FEATURES];
        for row in rows {
            for j in 0..FEATURES {
                scale[j] += (row[j] - mean[j]).powi(2) / n;
            }
        }
        // A constant feature gets scale 1 and, standardised, is all zeros: the ridge sets its weight to 0.
        scale.iter_mut().for_each(|s| *s = if *s > 1e-12 { s.sqrt() } else { 1.0 });
        let label_mean = labels.iter().sum::<f64>() / n;
        let mut gram = [[0.0; FEATURES]; FEATURES];
        let mut moment = [0.0; FEATURES];
        for (row, label) in rows.iter().zip(labels) {
            let z: Vec<f64> = (0..FEATURES).map(|j| (row[j] - mean[j]) / scale[j]).collect();
            for a in 0..FEATURES {
                moment[a] += z[a] * (label - label_mean);
                for b in 0..FEATURES {
                    gram[a][b] += z[a] * z[b];
                }
            }
        }
        for (a, row) in gram.iter_mut().enumerate() {
            row[a] += RIDGE * n;
        }
        let standardised = solve(gram, moment).ok_or(ModelError::Fit("singular system"))?;
        let mut weights = [0.0; FEATURES];
        let mut intercept = label_mean;
        for j in 0..FEATURES {
            weights[j] = standardised[j] / scale[j];
            intercept -= weights[j] * mean[j];
        }
        Ok(LinearModel { intercept, weights })
    }

    /// Reads a model written by this type's `Display`. The feature names must be exactly
    /// [`FEATURE_NAMES`], in order: a model fitted on other features would score nonsense.
    pub fn parse(text: &str) -> Result<LinearModel, ModelError> {
        let mut lines = text
            .lines()
            .enumerate()
            .map(|(n, line)| (n + 1, line.trim()))
            .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'));
        let bad = |line: usize, problem: String| ModelError::Format { line, problem };
        let mut field = |expected: &str| -> Result<f64, ModelError> {
            let (n, line) = lines.next().ok_or_else(|| bad(0, format!("ends before '{expected}'")))?;
            let (name, value) =
                line.split_once('\t').ok_or_else(|| bad(n, format!("expected '{expected}<TAB>value'")))?;
            if name != expected {
                return Err(bad(n, format!("expected '{expected}', found '{name}'")));
            }
            value
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| bad(n, format!("'{value}' is not a finite number")))
        };
        let version = field(MAGIC)?;
        if version.to_string() != VERSION {
            return Err(bad(1, format!("version {version}, expected {VERSION}")));
        }
        let intercept = field("intercept")?;
        let mut weights = [0.0; FEATURES];
        for (weight, name) in weights.iter_mut().zip(FEATURE_NAMES) {
            *weight = field(name)?;
        }
        if let Some((n, line)) = lines.next() {
            return Err(bad(n, format!("unexpected line '{line}'")));
        }
        Ok(LinearModel { intercept, weights })
    }
}

impl fmt::Display for LinearModel {
    /// Shortest round-trip float formatting, so parse(display(model)) == model.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{MAGIC}\t{VERSION}")?;
        writeln!(f, "intercept\t{:?}", self.intercept)?;
        for (name, weight) in FEATURE_NAMES.iter().zip(&self.weights) {
            writeln!(f, "{name}\t{weight:?}")?;
        }
        Ok(())
    }
}

/// Solves the symmetric positive definite system `a · x = b` by Gaussian elimination with
/// partial pivoting; `None` when it is singular.
fn solve(mut a: [[f64; FEATURES]; FEATURES], mut b: [f64; FEATURES]) -> Option<[f64; FEATURES]> {
    for col in 0..FEATURES {
        let pivot = (col..FEATURES).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        for row in col + 1..FEATURES {
            let factor = a[row][col] / a[col][col];
            let pivot_row = a[col];
            for (cell, &above) in a[row][col..].iter_mut().zip(&pivot_row[col..]) {
                *cell -= factor * above;
            }
            b[row] -= factor * b[col];
        }
    }
    let mut x = [0.0; FEATURES];
    for row in (0..FEATURES).rev() {
        let rest: f64 = (row + 1..FEATURES).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - rest) / a[row][row];
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows whose label is an exact linear function of two features.
    fn linear_data() -> (Vec<[f64; FEATURES]>, Vec<f64>) {
        let rows: Vec<[f64; FEATURES]> = (0..200)
            .map(|i| {
                let mut row = [0.0; FEATURES];
                for (j, x) in row.iter_mut().enumerate() {
                    *x = ((i * (j + 3) * 7919) % 101) as f64 / 10.0;
                }
                row
            })
            .collect();
        let labels = rows.iter().map(|r| 2.0 + 3.0 * r[0] - 0.5 * r[4]).collect();
        (rows, labels)
    }

    #[test]
    fn fit_recovers_a_linear_rule() {
        let (rows, labels) = linear_data();
        let model = LinearModel::fit(&rows, &labels).expect("fits");
        for (row, label) in rows.iter().zip(&labels) {
            assert!((model.score(row) - label).abs() < 0.05, "{} vs {label}", model.score(row));
        }
    }

    #[test]
    fn written_model_reads_back_identically() {
        let (rows, labels) = linear_data();
        let model = LinearModel::fit(&rows, &labels).expect("fits");
        assert_eq!(LinearModel::parse(&model.to_string()), Ok(model));
    }

    #[test]
    fn bad_files_name_the_line_and_problem() {
        let err = LinearModel::parse("chorus-sentence-scorer\t1\nintercept\tabc\n");
        assert!(matches!(err, Err(ModelError::Format { line: 2, .. })));
        let err = LinearModel::parse("something else\t1\n");
        assert!(matches!(err, Err(ModelError::Format { line: 1, .. })));
        let truncated = LinearModel::parse("chorus-sentence-scorer\t1\nintercept\t0.5\n");
        assert!(matches!(truncated, Err(ModelError::Format { .. })));
    }

    #[test]
    fn fitting_nothing_is_an_error() {
        assert!(LinearModel::fit(&[], &[]).is_err());
    }
}
