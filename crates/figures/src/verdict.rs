//! Whether the figures of one group agree, disagree, or were updated over time.
//!
//! Only exact values are judged: a vague amount (`several`) contradicts no number, but it is not
//! the same value either, so a group where one stands beside a number (`several` and `four`)
//! or another vague amount (`dozens` and `some`) is `Consistent`, never `Agree`. Nor does a
//! figure inside a direct quotation when the reports also give the figure in their own voice:
//! a witness's `"there were two people injured"` is what one person saw, not a count that
//! disputes the seven the reports give (the group is `Consistent`, not `Agree`). Quoted
//! figures still count when no other exists.
//! - `Agree`: every claim gives the same value (the same number, or the same vague word).
//! - `Consistent`: several values, but the hedges they are stated with let them all be true
//!   (`at least 49` and `more than 50`, `about 20` and `21`): see [`crate::bound`] for the
//!   range of counts each hedge allows. Without hedges, two values are never consistent.
//! - `OneReport`: several values, but no two reports contradict each other: the reports' sets
//!   of values are nested, each contained in the next, so every extra value comes from a
//!   report that also gives all the others. A report giving `60 killed`, then `43 in Ramadi`
//!   and `17 in Fallujah`, is itemising places, phases or subsets, not contradicting itself;
//!   another report giving only `60` agrees with it. So does a report that says `eight people
//!   were injured` and later that rescuers `found seven people injured`, beside one that says
//!   eight. Calling these disputes was the main source of false disputes on real clusters.
//! - `Updated`: several values, every claim placed in time, and all the claims at the latest
//!   moment give one value, which then supersedes the earlier ones (a toll that rises, a
//!   militants' claim followed days later by an official count). `latest` is that value.
//! - `Disagree`: several values that time does not explain: two values at the latest moment,
//!   or a differing claim that cannot be placed in time.
//!
//! Moments are compared by calendar day when every claim of the group has one, else by weekday.

use crate::bound::{all_can_hold, interval_of};
use crate::claim::Claim;
use crate::day::Moment;
use crate::measure::Amount;
use crate::number::Value;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use std::fmt;

/// What the figures of one group say together; the module docs give each rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// At most one distinct exact value.
    Agree,
    /// Several values that the hedges let all be true.
    Consistent,
    /// Several values, but each report's values nest in another's: itemising, not contradicting.
    OneReport,
    /// Several values that time does not explain.
    Disagree,
    /// Several values, superseded by the one at the latest moment.
    Updated,
}

/// The name JSON uses, so text and JSON output say the same.
impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verdict::Agree => "agree",
            Verdict::Consistent => "consistent",
            Verdict::OneReport => "one_report",
            Verdict::Disagree => "disagree",
            Verdict::Updated => "updated",
        })
    }
}

/// The verdict on a group's claims, and the value that supersedes the others when `Updated`.
pub fn judge<'a>(claims: impl IntoIterator<Item = &'a Claim>) -> (Verdict, Option<u64>) {
    let claims: Vec<&Claim> = claims.into_iter().collect();
    if claims.iter().all(|c| matches!(c.value, Value::Amount(_))) {
        return (judge_measures(&claims), None);
    }
    let exact: Vec<&Claim> = claims.iter().copied().filter(|c| c.value.exact().is_some()).collect();
    let in_own_voice = exact.iter().any(|c| !c.quoted);
    let judged: Vec<&Claim> = exact.into_iter().filter(|c| !(in_own_voice && c.quoted)).collect();
    let exact: Vec<(u64, Option<Moment>, usize)> =
        judged.iter().filter_map(|c| c.value.exact().map(|v| (v, c.when, c.doc_index))).collect();
    let mut values: Vec<u64> = exact.iter().map(|(v, _, _)| *v).collect();
    values.sort_unstable();
    values.dedup();
    if values.len() <= 1 {
        return (if all_the_same(&claims) { Verdict::Agree } else { Verdict::Consistent }, None);
    }
    let allowed = judged.iter().filter_map(|c| c.value.exact().map(|v| interval_of(v, c.qualifier.as_deref())));
    if all_can_hold(allowed) {
        return (Verdict::Consistent, None);
    }
    if values_are_nested(exact.iter().map(|(value, _, doc)| (*doc, *value))) {
        return (Verdict::OneReport, None);
    }
    let Some(moments) = exact.iter().map(|(_, when, _)| *when).collect::<Option<Vec<Moment>>>() else {
        return (Verdict::Disagree, None);
    };
    let by_calendar = moments.iter().all(|m| m.day_number.is_some());
    let time_of = |m: &Moment| if by_calendar { m.day_number } else { m.weekday.map(i64::from) };
    let Some(times) = moments.iter().map(time_of).collect::<Option<Vec<i64>>>() else {
        return (Verdict::Disagree, None);
    };
    let latest = times.iter().copied().max();
    let mut at_latest = exact.iter().zip(&times).filter(|(_, t)| Some(**t) == latest).map(|((v, _, _), _)| *v);
    let first = at_latest.next();
    if at_latest.all(|v| Some(v) == first) {
        (Verdict::Updated, first)
    } else {
        (Verdict::Disagree, None)
    }
}

/// The verdict on a group of measures. Without a measured thing a group holds amounts that
/// agree (see `crate::group`): one figure. With one (`crate::measured`), amounts that agree once
/// converted are one figure, amounts their hedges let hold together (`more than 1,300 mph`,
/// `1,350 mph`) are consistent, and others disagree.
fn judge_measures(claims: &[&Claim]) -> Verdict {
    let amounts: Vec<(Amount, Option<&str>)> =
        claims.iter().filter_map(|c| Some((c.value.amount()?, c.qualifier.as_deref()))).collect();
    let Some(&(first, _)) = amounts.first() else { return Verdict::Agree };
    if amounts.iter().all(|(amount, _)| first.agrees(*amount)) {
        return Verdict::Agree;
    }
    // In thousandths of the first claim's unit, so that the hedges' tolerance applies to decimals.
    let allowed = amounts.iter().filter_map(|(amount, qualifier)| {
        let value = amount.unit.convert(amount.value(), first.unit)?;
        Some(interval_of((value * 1000.0).round() as u64, *qualifier))
    });
    if all_can_hold(allowed) {
        Verdict::Consistent
    } else {
        Verdict::Disagree
    }
}

/// Whether every claim gives one value: equal numbers, or the same vague word (`several`).
fn all_the_same(claims: &[&Claim]) -> bool {
    let said = |c: &Claim| match c.value.exact() {
        Some(n) => (Some(n), String::new()),
        None => (None, c.number_text.to_lowercase()),
    };
    claims.windows(2).all(|pair| said(pair[0]) == said(pair[1]))
}

/// Whether the sets of values the reports give form a chain under inclusion. Sorted by size,
/// a chain is exactly a sequence where each set is contained in the next, so this costs a sort
/// and one pass rather than a comparison of every pair of reports.
fn values_are_nested(doc_values: impl Iterator<Item = (usize, u64)>) -> bool {
    let mut by_doc: HashMap<usize, BTreeSet<u64>> = HashMap::new();
    for (doc, value) in doc_values {
        by_doc.entry(doc).or_default().insert(value);
    }
    let mut sets: Vec<BTreeSet<u64>> = by_doc.into_values().collect();
    sets.sort_unstable_by_key(BTreeSet::len);
    sets.windows(2).all(|pair| pair[0].is_subset(&pair[1]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::Value;

    fn claim(value: Value, when: Option<Moment>) -> Claim {
        // Each test claim from its own report unless a test says otherwise.
        static NEXT_DOC: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        Claim {
            doc: "0".into(),
            doc_index: NEXT_DOC.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            sentence: 0,
            value,
            number_text: String::new(),
            qualifier: None,
            counted: "hostage".into(),
            counted_key: "hostage".into(),
            event: None,
            measured: None,
            phase: None,
            scope: None,
            place: None,
            clause: Vec::new(),
            quoted: false,
            attribution: None,
            day: None,
            when,
            number_range: 0..0,
            claim_range: 0..0,
            elliptical: false,
        }
    }

    fn weekday(w: u8) -> Option<Moment> {
        Some(Moment { day_number: None, weekday: Some(w) })
    }

    #[test]
    fn equal_values_agree_and_vague_ones_never_dispute() {
        let claims = [claim(Value::Exact(23), None), claim(Value::Exact(23), weekday(5))];
        assert_eq!(judge(&claims), (Verdict::Agree, None));
        let vague = |word: &str| Claim { number_text: word.into(), ..claim(Value::Vague, None) };
        let with_vague = [claim(Value::Exact(23), None), claim(Value::Exact(23), weekday(5)), vague("several")];
        assert_eq!(judge(&with_vague), (Verdict::Consistent, None), "several is not 23, nor against it");
        assert_eq!(judge(&[vague("dozens"), vague("some")]), (Verdict::Consistent, None));
        assert_eq!(judge(&[vague("Several"), vague("several")]), (Verdict::Agree, None));
        let hedged = [
            claim(Value::Exact(685), None),
            Claim { qualifier: Some("some".into()), ..claim(Value::Exact(685), None) },
        ];
        assert_eq!(judge(&hedged), (Verdict::Agree, None), "some 685 and 685 give one number");
    }

    #[test]
    fn a_later_single_value_updates() {
        let claims = [
            claim(Value::Exact(35), weekday(3)),
            claim(Value::Exact(23), weekday(5)),
            claim(Value::Exact(23), weekday(5)),
        ];
        assert_eq!(judge(&claims), (Verdict::Updated, Some(23)));
    }

    #[test]
    fn same_day_or_undated_differences_disagree() {
        let same_day = [claim(Value::Exact(10), weekday(5)), claim(Value::Exact(8), weekday(5))];
        assert_eq!(judge(&same_day).0, Verdict::Disagree);
        let undated = [claim(Value::Exact(10), weekday(3)), claim(Value::Exact(8), None)];
        assert_eq!(judge(&undated).0, Verdict::Disagree);
    }

    #[test]
    fn one_report_giving_several_values_is_itemising() {
        let mut parts =
            [claim(Value::Exact(60), weekday(5)), claim(Value::Exact(43), None), claim(Value::Exact(17), None)];
        for part in &mut parts {
            part.doc_index = 7;
        }
        assert_eq!(judge(&parts), (Verdict::OneReport, None));
    }

    #[test]
    fn a_report_adding_a_value_to_another_reports_value_is_not_a_dispute() {
        // Report 1 says eight injured; report 2 says eight, and seven found at first.
        let mut claims = [claim(Value::Exact(8), None), claim(Value::Exact(8), None), claim(Value::Exact(7), None)];
        claims[0].doc_index = 1;
        claims[1].doc_index = 2;
        claims[2].doc_index = 2;
        assert_eq!(judge(&claims), (Verdict::OneReport, None));
        // A third report giving only seven contradicts the first.
        let mut with_third = claims.to_vec();
        with_third.push(claim(Value::Exact(7), None));
        with_third[3].doc_index = 3;
        assert_eq!(judge(&with_third).0, Verdict::Disagree);
    }

    fn hedged(value: u64, hedge: &str) -> Claim {
        let mut hedged = claim(Value::Exact(value), None);
        hedged.qualifier = Some(hedge.into());
        hedged
    }

    #[test]
    fn bounds_that_can_all_hold_are_consistent_whatever_the_time() {
        let claims = [hedged(200, "more than"), hedged(270, "more than"), claim(Value::Exact(301), None)];
        assert_eq!(judge(&claims), (Verdict::Consistent, None));
        let dozen = [hedged(12, "more than"), claim(Value::Exact(13), weekday(2))];
        assert_eq!(judge(&dozen), (Verdict::Consistent, None));
    }

    #[test]
    fn a_value_outside_a_bound_is_still_judged_by_time() {
        let undated = [hedged(23, "at least"), claim(Value::Exact(20), None)];
        assert_eq!(judge(&undated).0, Verdict::Disagree);
        let rising = [hedged(100, "up to"), claim(Value::Exact(120), weekday(4))];
        assert_eq!(judge(&rising).0, Verdict::Disagree, "the bound has no time, so no update");
    }

    #[test]
    fn a_quoted_figure_disputes_nothing_beside_the_reports_own() {
        let mut claims = [claim(Value::Exact(7), None), claim(Value::Exact(2), None)];
        claims[1].quoted = true;
        assert_eq!(judge(&claims).0, Verdict::Consistent, "not a dispute, but not the same value either");
        claims[0].quoted = true;
        assert_eq!(judge(&claims).0, Verdict::Disagree);
    }

    #[test]
    fn calendar_days_win_over_weekdays_when_all_have_them() {
        // A Sunday and the Monday after: by weekday alone the Monday would come first.
        let sunday = Moment::of_day_number(17_314);
        let next_monday = Moment::of_day_number(17_315);
        assert_eq!(sunday.weekday, Some(6));
        let claims = [claim(Value::Exact(19), Some(sunday)), claim(Value::Exact(22), Some(next_monday))];
        assert_eq!(judge(&claims), (Verdict::Updated, Some(22)));
    }
}
