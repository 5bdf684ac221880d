//! Bootstrap resampling of a mean, with the random numbers of ROUGE-1.5.5.
//!
//! The perl script reports as "average" the mean of 1000 bootstrap resample means, resample `r`
//! drawn after `srand(r)`. With ten clusters that differs from the plain mean by up to ~0.001, more
//! than the parity tolerance, so perl's generator (its built-in drand48) is reproduced exactly.
//! The public [`bootstrap_ci`] uses the same machinery, so it is deterministic for a given seed.

/// Perl's `rand()` since 5.20: the 48-bit linear congruential generator of drand48, seeded by
/// `srand(s)` as `s << 16 | 0x330E`.
struct Drand48 {
    state: u64,
}

impl Drand48 {
    const MASK: u64 = (1 << 48) - 1;

    fn seeded(seed: u32) -> Drand48 {
        Drand48 { state: (u64::from(seed) << 16) | 0x330E }
    }

    /// Uniform in `[0, 1)`.
    fn next_f64(&mut self) -> f64 {
        self.state = self.state.wrapping_mul(0x5_DEEC_E66D).wrapping_add(0xB) & Self::MASK;
        self.state as f64 / (1u64 << 48) as f64
    }
}

/// Means of `resamples` resamples (with replacement) of `values`, sorted ascending. Resample `r`
/// uses a generator seeded with `seed · resamples + r`: for seed 0 that is the perl script's
/// `srand(r)`, and other seeds get disjoint blocks of generator seeds. `values` must not be empty.
fn sorted_resample_means(values: &[f64], resamples: usize, seed: u32) -> Vec<f64> {
    let n = values.len();
    let first_seed = seed.wrapping_mul(resamples as u32);
    let mut means: Vec<f64> = (0..resamples)
        .map(|r| {
            let mut rng = Drand48::seeded(first_seed.wrapping_add(r as u32));
            let sum: f64 = (0..n).map(|_| values[((n as f64 * rng.next_f64()) as usize).min(n - 1)]).sum();
            sum / n as f64
        })
        .collect();
    means.sort_by(f64::total_cmp);
    means
}

/// The 95% interval of sorted resample means, interpolated between neighbours exactly as
/// ROUGE-1.5.5 does (for 1000 resamples: the 26th and the 975th smallest).
fn percentile_interval(sorted: &[f64]) -> (f64, f64) {
    let count = sorted.len() as f64;
    let delta = count * ((100.0 - 95.0) / 2.0) / 100.0;
    let upper = (count - delta - 1.0).max(0.0) as usize;
    let ratio = count - delta - 1.0 - upper as f64;
    let lower = delta as usize;
    let at = |i: usize| sorted[i.min(sorted.len() - 1)];
    let interpolate = |i: usize| at(i) + (at(i + 1) - at(i)) * ratio;
    (interpolate(lower), interpolate(upper))
}

/// The 95% bootstrap confidence interval `(low, high)` of the mean of `values`, from `resamples`
/// resamples (1000 is customary). Reproducible: the same inputs and `seed` give the same interval.
/// With seed 0 and 1000 resamples it is the interval ROUGE-1.5.5 prints for the same per-item
/// values in the same order. `None` when there is nothing to resample.
pub fn bootstrap_ci(values: &[f64], resamples: usize, seed: u64) -> Option<(f64, f64)> {
    if values.is_empty() || resamples == 0 {
        return None;
    }
    let folded_seed = (seed ^ (seed >> 32)) as u32;
    Some(percentile_interval(&sorted_resample_means(values, resamples, folded_seed)))
}

/// The average ROUGE-1.5.5 prints for per-item `values` in its instance order (`-r 1000`): the
/// mean of the resample means, summed in ascending order as the script does. 0 for no values.
pub(crate) fn rouge155_average(values: &[f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let means = sorted_resample_means(values, 1000, 0);
    means.iter().sum::<f64>() / means.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generator_matches_perl_rand() {
        // perl -e 'srand(0); print rand(), " ", rand(); srand(1); print " ", rand()'
        let mut rng = Drand48::seeded(0);
        assert!((rng.next_f64() - 0.17082803610629).abs() < 1e-14);
        assert!((rng.next_f64() - 0.749901980484964).abs() < 1e-14);
        assert!((Drand48::seeded(1).next_f64() - 0.0416303447718782).abs() < 1e-14);
    }

    #[test]
    fn interval_brackets_the_mean_and_is_reproducible() {
        let values: Vec<f64> = (0..50).map(|i| f64::from(i % 7) / 7.0).collect();
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        let (low, high) = bootstrap_ci(&values, 1000, 42).unwrap_or((f64::NAN, f64::NAN));
        assert!(low < mean && mean < high, "{low} {mean} {high}");
        assert!(high - low < 0.25);
        assert_eq!(bootstrap_ci(&values, 1000, 42), Some((low, high)));
        assert_ne!(bootstrap_ci(&values, 1000, 43), Some((low, high)));
    }

    #[test]
    fn constant_values_have_a_degenerate_interval_and_empty_input_none() {
        assert_eq!(bootstrap_ci(&[0.3; 5], 100, 0), Some((0.3, 0.3)));
        assert_eq!(bootstrap_ci(&[], 1000, 0), None);
        assert_eq!(bootstrap_ci(&[0.5], 0, 0), None);
        assert_eq!(rouge155_average(&[]), 0.0);
    }
}
