//! The range of counts a hedged figure allows, so that figures that can all be true together
//! are not reported as a dispute.
//!
//! `at least 49 killed` and `more than 50 killed` do not contradict each other, nor does `more
//! than 200` contradict `270`: a lower bound says nothing against a larger value. Reading each
//! figure as the set of counts it allows, two figures contradict only when their sets do not
//! meet. Counts are whole numbers, so every set is a closed range of integers:
//!
//! | hedge | allows |
//! |---|---|
//! | none, `only` | exactly X |
//! | `at least`, `upwards of` | X or more |
//! | `more than`, `over` | X + 1 or more |
//! | `at most`, `up to`, `as many as`, `as high as` | 0 to X |
//! | `fewer than`, `less than` | 0 to X − 1 |
//! | `nearly`, `almost` | X − t to X |
//! | `about`, `around`, `some`, `roughly`, `approximately`, `close to`, `an estimated` | X − t to X + t |
//! | `between L and` (`between 10 and 20`) | L to X |
//!
//! where the tolerance t is a tenth of X, rounded up, and at least 1. A tenth is how far a
//! round figure usually is from the count behind it (`about 20` for 18 to 22); wider would
//! let `about 100` absorb `80`, which reports would call a different count. `nearly 200`
//! falls short of 200 by a little, not by any amount, so it is not a plain upper bound. A
//! hedge this table does not know is read as exact, which keeps a possible dispute visible.

/// The whole counts a figure allows: `low` to `high`, with no upper end when `high` is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub low: u64,
    pub high: Option<u64>,
}

/// Which way a hedge bounds a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    /// `more than 50 percent`, `at least 23`: a floor.
    Floor,
    /// `up to $11,000`, `as many as 50`: a ceiling.
    Ceiling,
    /// A bare figure, or one hedged around it (`about 60 percent`, `nearly 60`).
    Point,
}

/// The side a hedge bounds a figure from, read from the interval it allows.
pub fn side(qualifier: Option<&str>) -> Side {
    let Interval { low, high } = interval_of(100, qualifier);
    match (low, high) {
        (_, None) => Side::Floor,
        (0, Some(_)) => Side::Ceiling,
        _ => Side::Point,
    }
}

/// The counts allowed by `value` said with the hedge `qualifier` (lowercase words separated by
/// single spaces, as [`crate::Claim::qualifier`] holds them).
pub fn interval_of(value: u64, qualifier: Option<&str>) -> Interval {
    let tolerance = value.div_ceil(10).max(1);
    let (low, high) = match qualifier.unwrap_or("") {
        "at least" | "upwards of" => (value, None),
        "more than" | "over" => (value.saturating_add(1), None),
        "at most" | "up to" | "as many as" | "as much as" | "as high as" => (0, Some(value)),
        "fewer than" | "less than" => (0, Some(value.saturating_sub(1))),
        "nearly" | "almost" => (value.saturating_sub(tolerance), Some(value)),
        "about" | "around" | "some" | "roughly" | "approximately" | "close to" | "an estimated" => {
            (value.saturating_sub(tolerance), Some(value.saturating_add(tolerance)))
        }
        range if range.starts_with("between ") => match range_low(range) {
            Some(low) if low <= value => (low, Some(value)),
            _ => (value, Some(value)),
        },
        _ => (value, Some(value)),
    };
    Interval { low, high }
}

/// `L` of the qualifier `between L and` that claim extraction writes for a range.
fn range_low(qualifier: &str) -> Option<u64> {
    qualifier.strip_prefix("between ")?.strip_suffix(" and")?.parse().ok()
}

/// Whether one count lies in every interval. On a line, ranges that meet pairwise all share a
/// point (the largest lower end), so this is one pass rather than a comparison of every pair:
/// no two figures contradict each other exactly when it holds.
pub fn all_can_hold(intervals: impl IntoIterator<Item = Interval>) -> bool {
    let mut highest_low = 0;
    let mut lowest_high: Option<u64> = None;
    for interval in intervals {
        highest_low = highest_low.max(interval.low);
        lowest_high = match (lowest_high, interval.high) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    lowest_high.is_none_or(|high| highest_low <= high)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn can_hold(figures: &[(u64, Option<&str>)]) -> bool {
        all_can_hold(figures.iter().map(|&(value, hedge)| interval_of(value, hedge)))
    }

    #[test]
    fn bare_and_unknown_hedges_are_exact() {
        assert_eq!(interval_of(23, None), Interval { low: 23, high: Some(23) });
        assert_eq!(interval_of(23, Some("only")), Interval { low: 23, high: Some(23) });
        assert_eq!(interval_of(23, Some("a reported")), Interval { low: 23, high: Some(23) });
        assert!(!can_hold(&[(23, None), (24, None)]));
    }

    #[test]
    fn a_lower_bound_is_not_contradicted_by_a_larger_value() {
        assert!(can_hold(&[(200, Some("more than")), (270, Some("more than"))]));
        assert!(can_hold(&[(12, Some("more than")), (13, None)]));
        assert!(can_hold(&[(23, Some("at least")), (25, None)]));
        assert!(can_hold(&[(1_400, Some("over")), (1_600, Some("more than"))]));
        // but it is by a smaller one, and `more than 12` excludes 12 itself.
        assert!(!can_hold(&[(23, Some("at least")), (20, None)]));
        assert!(!can_hold(&[(12, Some("more than")), (12, None)]));
    }

    #[test]
    fn a_range_holds_every_count_between_its_ends() {
        assert_eq!(interval_of(20, Some("between 10 and")), Interval { low: 10, high: Some(20) });
        assert_eq!(side(Some("more than")), Side::Floor);
        assert_eq!(side(Some("as much as")), Side::Ceiling);
        assert_eq!(side(Some("nearly")), Side::Point);
        assert_eq!(side(None), Side::Point);
        assert!(can_hold(&[(20, Some("between 10 and")), (15, None)]));
        assert!(!can_hold(&[(20, Some("between 10 and")), (25, None)]));
        assert!(!can_hold(&[(20, Some("between 10 and")), (9, None)]));
    }

    #[test]
    fn an_upper_bound_is_not_contradicted_by_a_smaller_value() {
        assert!(can_hold(&[(50, Some("up to")), (30, None)]));
        assert!(can_hold(&[(10, Some("fewer than")), (9, None)]));
        assert!(!can_hold(&[(10, Some("fewer than")), (10, None)]));
        assert!(!can_hold(&[(50, Some("as many as")), (51, None)]));
    }

    #[test]
    fn a_lower_and_an_upper_bound_contradict_only_when_they_do_not_meet() {
        assert!(can_hold(&[(10, Some("at least")), (10, Some("at most"))]));
        assert!(!can_hold(&[(10, Some("more than")), (10, Some("at most"))]));
    }

    #[test]
    fn approximate_figures_allow_a_tenth_either_way() {
        assert_eq!(interval_of(20, Some("about")), Interval { low: 18, high: Some(22) });
        assert!(can_hold(&[(20, Some("about")), (20, None), (21, Some("around"))]));
        assert!(!can_hold(&[(100, Some("about")), (80, None)]));
        // Small counts get a tolerance of one, never zero.
        assert_eq!(interval_of(5, Some("some")), Interval { low: 4, high: Some(6) });
        assert_eq!(interval_of(0, Some("about")), Interval { low: 0, high: Some(1) });
    }

    #[test]
    fn nearly_falls_a_little_short_and_never_over() {
        assert!(can_hold(&[(200, Some("nearly")), (190, None)]));
        assert!(!can_hold(&[(200, Some("nearly")), (150, None)]));
        assert!(!can_hold(&[(200, Some("almost")), (201, None)]));
    }

    #[test]
    fn extreme_values_do_not_overflow() {
        assert_eq!(interval_of(u64::MAX, Some("more than")).low, u64::MAX);
        assert_eq!(interval_of(u64::MAX, Some("about")).high, Some(u64::MAX));
        assert!(all_can_hold(std::iter::empty()));
    }
}
