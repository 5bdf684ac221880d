//! Whether an article belongs to a candidate event: a logistic model over several similarities
//! of the two, instead of one cosine against one threshold.
//!
//! Why: one cosine mixes what makes two reports the same story (shared rare names and numbers)
//! with what only makes them long or short. Reports of one event from different outlets share
//! few words, so a short report's best cosine is low even with its own event; separate features
//! (the nearest article's cosine, its share from numbers, the event's centroid, the overlap of
//! the article's rarest terms, lengths, the lead over the other candidates) let a linear model
//! weigh each, as in
//! Miranda et al. (2018), "Multilingual clustering of streaming news". The weights are a data
//! file (`data/link.tsv`), retrained from a labelled stream by `chorus cluster --fit-link`.

use std::fmt;

/// The features of an (article, event) pair, in the order of [`Features`]' fields.
pub const FEATURE_NAMES: [&str; FEATURES] =
    ["near", "near_numbers", "centroid", "overlap", "article_terms", "member_terms", "lead"];

/// How many features a pair has.
pub const FEATURES: usize = 7;

/// The similarities of an article and a candidate event that decide whether it joins.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Features(pub [f32; FEATURES]);

impl Features {
    /// `near`: cosine with the nearest of the event's latest articles; `near_numbers`: the part
    /// of it from number terms; `centroid`: cosine with the event's centroid; `overlap`: share
    /// of the article's query weight on terms of the centroid; then the article's and the
    /// nearest article's term counts (natural logs); `lead`: how
    /// much higher `near` is than with any other candidate event (a clear winner is likelier
    /// right than the best of several close ones).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        near: f32,
        near_numbers: f32,
        centroid: f32,
        overlap: f32,
        article_terms: usize,
        member_terms: usize,
        lead: f32,
    ) -> Features {
        let ln = |n: f32| (1.0 + n).ln();
        Features([near, near_numbers, centroid, overlap, ln(article_terms as f32), ln(member_terms as f32), lead])
    }

    /// The cosine with the nearest article (what [`crate::Assignment::score`] reports).
    pub fn near(&self) -> f32 {
        self.0[0]
    }
}

/// A logistic model of `P(same event | features)`: a weight per feature and a bias.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkModel {
    weights: [f32; FEATURES],
    bias: f32,
}

/// The shipped weights (`data/link.tsv`), fitted on the Multi-News train split.
const SHIPPED: &str = include_str!("../data/link.tsv");

impl Default for LinkModel {
    fn default() -> Self {
        LinkModel::parse(SHIPPED).expect("the shipped link weights parse")
    }
}

impl LinkModel {
    /// The log-odds that the pair is one event.
    pub fn logit(&self, features: &Features) -> f32 {
        self.bias + self.weights.iter().zip(features.0).map(|(w, f)| w * f).sum::<f32>()
    }

    /// Reads `name<TAB>weight` lines (every feature of [`FEATURE_NAMES`] and `bias` once; `#`
    /// starts a comment).
    pub fn parse(text: &str) -> Result<LinkModel, String> {
        let mut weights = [None; FEATURES];
        let mut bias = None;
        for (number, line) in text.lines().enumerate().map(|(n, line)| (n + 1, line.trim())) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, value) =
                line.split_once('\t').ok_or_else(|| format!("line {number}: expected name<TAB>weight"))?;
            let value: f32 = value
                .trim()
                .parse()
                .ok()
                .filter(|v: &f32| v.is_finite())
                .ok_or_else(|| format!("line {number}: not a number: {value:?}"))?;
            let slot = match FEATURE_NAMES.iter().position(|&n| n == name) {
                Some(i) => &mut weights[i],
                None if name == "bias" => &mut bias,
                None => return Err(format!("line {number}: unknown feature {name:?}")),
            };
            if slot.replace(value).is_some() {
                return Err(format!("line {number}: {name} given twice"));
            }
        }
        let missing = FEATURE_NAMES.iter().zip(&weights).find(|(_, w)| w.is_none()).map(|(n, _)| *n);
        match (missing, bias) {
            (Some(name), _) => Err(format!("no weight for {name}")),
            (None, None) => Err("no bias".to_string()),
            (None, Some(bias)) => Ok(LinkModel { weights: weights.map(|w| w.expect("checked")), bias }),
        }
    }

    /// Fits the weights to labelled pairs by Newton's method on the L2-regularised logistic
    /// loss (features standardised while fitting). Deterministic.
    pub fn fit(pairs: &[(Features, bool)]) -> Result<LinkModel, String> {
        let positives = pairs.iter().filter(|(_, same)| *same).count();
        if positives == 0 || positives == pairs.len() {
            return Err(format!("{} pairs, {positives} of them the same event: need both kinds", pairs.len()));
        }
        const N: usize = FEATURES + 1;
        let count = pairs.len() as f64;
        let mut mean = [0f64; FEATURES];
        let mut scale = [0f64; FEATURES];
        for (features, _) in pairs {
            features.0.iter().zip(&mut mean).for_each(|(&f, m)| *m += f64::from(f) / count);
        }
        for (features, _) in pairs {
            for ((&f, m), s) in features.0.iter().zip(&mean).zip(&mut scale) {
                *s += (f64::from(f) - m).powi(2) / count;
            }
        }
        scale.iter_mut().for_each(|s| *s = if *s > 1e-12 { s.sqrt() } else { 1.0 });
        let row = |features: &Features| {
            let mut x = [1f64; N];
            for i in 0..FEATURES {
                x[i + 1] = (f64::from(features.0[i]) - mean[i]) / scale[i];
            }
            x
        };
        let ridge = 1e-3 * count;
        let mut beta = [0f64; N];
        for _ in 0..30 {
            let mut gradient = [0f64; N];
            let mut hessian = [[0f64; N]; N];
            for (features, same) in pairs {
                let x = row(features);
                let p = 1.0 / (1.0 + (-x.iter().zip(&beta).map(|(a, b)| a * b).sum::<f64>()).exp());
                let w = (p * (1.0 - p)).max(1e-9);
                for i in 0..N {
                    gradient[i] += (p - f64::from(u8::from(*same))) * x[i];
                    for j in 0..N {
                        hessian[i][j] += w * x[i] * x[j];
                    }
                }
            }
            for i in 1..N {
                gradient[i] += ridge * beta[i];
                hessian[i][i] += ridge;
            }
            let step = solve(hessian, gradient).ok_or("the pairs' features are degenerate")?;
            beta.iter_mut().zip(&step).for_each(|(b, s)| *b -= s);
            if step.iter().map(|s| s.abs()).fold(0.0, f64::max) < 1e-9 {
                break;
            }
        }
        let mut weights = [0f32; FEATURES];
        let mut bias = beta[0];
        for i in 0..FEATURES {
            weights[i] = (beta[i + 1] / scale[i]) as f32;
            bias -= beta[i + 1] * mean[i] / scale[i];
        }
        Ok(LinkModel { weights, bias: bias as f32 })
    }
}

/// Solves `a · x = b` by Gaussian elimination with partial pivoting; `None` if singular.
fn solve<const N: usize>(mut a: [[f64; N]; N], mut b: [f64; N]) -> Option<[f64; N]> {
    for column in 0..N {
        let pivot = (column..N).max_by(|&i, &j| a[i][column].abs().total_cmp(&a[j][column].abs()))?;
        if a[pivot][column].abs() < 1e-12 {
            return None;
        }
        a.swap(column, pivot);
        b.swap(column, pivot);
        let pivot_row = a[column];
        for row in column + 1..N {
            let factor = a[row][column] / pivot_row[column];
            a[row][column..].iter_mut().zip(&pivot_row[column..]).for_each(|(x, p)| *x -= factor * p);
            b[row] -= factor * b[column];
        }
    }
    let mut x = [0f64; N];
    for row in (0..N).rev() {
        let rest: f64 = (row + 1..N).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - rest) / a[row][row];
    }
    Some(x)
}

/// The data-file form that [`LinkModel::parse`] reads.
impl fmt::Display for LinkModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "# Link weights: the log-odds that an article belongs to an event is bias + sum of weight × feature."
        )?;
        writeln!(
            f,
            "# Retrain: chorus cluster STREAM --labels LABELS --fit-link FILE (README, \"Event clustering\")."
        )?;
        for (name, weight) in FEATURE_NAMES.iter().zip(self.weights) {
            writeln!(f, "{name}\t{weight}")?;
        }
        writeln!(f, "bias\t{}", self.bias)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(near: f32, overlap: f32) -> Features {
        Features::new(near, 0.0, near, overlap, 50, 50, near)
    }

    #[test]
    fn the_shipped_weights_parse_and_print_back() {
        let model = LinkModel::default();
        assert_eq!(LinkModel::parse(&model.to_string()), Ok(model.clone()));
        // A near-identical pair is far likelier one event than an unrelated one.
        assert!(model.logit(&pair(0.9, 0.9)) > 0.0 && model.logit(&pair(0.02, 0.0)) < 0.0);
    }

    #[test]
    fn bad_weight_files_say_what_is_wrong() {
        let good = LinkModel::default().to_string();
        assert!(LinkModel::parse(&good.replace("bias", "bais")).unwrap_err().contains("unknown feature \"bais\""));
        assert!(LinkModel::parse(&good.replacen("near\t", "near\tx", 1)).unwrap_err().contains("line 3: not a number"));
        assert_eq!(
            LinkModel::parse(&good.lines().filter(|l| !l.starts_with("near\t")).collect::<Vec<_>>().join("\n")),
            Err("no weight for near".into())
        );
        assert!(LinkModel::parse(&format!("{good}near\t1\n")).unwrap_err().contains("near given twice"));
    }

    #[test]
    fn fitting_learns_which_feature_separates_the_pairs() {
        // Same-event pairs have a high `near` cosine; `overlap` is noise that does not separate.
        let pairs: Vec<(Features, bool)> = (0..400)
            .map(|n| {
                let same = n % 3 == 0;
                let near = if same { 0.4 + (n % 7) as f32 * 0.05 } else { 0.05 + (n % 5) as f32 * 0.05 };
                (pair(near, (n % 11) as f32 / 10.0), same)
            })
            .collect();
        let model = LinkModel::fit(&pairs).expect("fits");
        let right = pairs.iter().filter(|(f, same)| (model.logit(f) > 0.0) == *same).count();
        assert_eq!(right, pairs.len(), "{model}");
        assert!(model.weights[0] > 0.0, "{model}");
        assert!(LinkModel::fit(&pairs[..1]).is_err());
    }
}
