//! Whether the figures of one group agree, disagree, or were updated over time.
//!
//! Only exact values are judged: a vague amount (`several`) contradicts no number.
//! - `Agree`: at most one distinct exact value.
//! - `OneReport`: several values, all from one report. A report giving `60 killed`, then `43 in
//!   Ramadi` and `17 in Fallujah`, is itemising places, phases or subsets, not contradicting
//!   itself; calling that a dispute was the main source of false disputes on real clusters.
//! - `Updated`: several values, every claim placed in time, and all the claims at the latest
//!   moment give one value, which then supersedes the earlier ones (a toll that rises, a
//!   militants' claim followed days later by an official count). `latest` is that value.
//! - `Disagree`: several values that time does not explain: two values at the latest moment,
//!   or a differing claim that cannot be placed in time.
//!
//! Moments are compared by calendar day when every claim of the group has one, else by weekday.

use crate::claim::Claim;
use crate::day::Moment;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Agree,
    OneReport,
    Disagree,
    Updated,
}

/// The verdict on a group's claims, and the value that supersedes the others when `Updated`.
pub fn judge<'a>(claims: impl IntoIterator<Item = &'a Claim>) -> (Verdict, Option<u64>) {
    let exact: Vec<(u64, Option<Moment>, usize)> =
        claims.into_iter().filter_map(|c| c.value.exact().map(|v| (v, c.when, c.doc))).collect();
    let mut values: Vec<u64> = exact.iter().map(|(v, _, _)| *v).collect();
    values.sort_unstable();
    values.dedup();
    if values.len() <= 1 {
        return (Verdict::Agree, None);
    }
    if exact.iter().all(|(_, _, doc)| Some(doc) == exact.first().map(|(_, _, d)| d)) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::Value;

    fn claim(value: Value, when: Option<Moment>) -> Claim {
        // Each test claim from its own report unless a test says otherwise.
        static NEXT_DOC: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        Claim {
            doc: NEXT_DOC.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            doc_id: "0".into(),
            sentence: 0,
            value,
            number_text: String::new(),
            qualifier: None,
            counted: "hostage".into(),
            counted_key: "hostage".into(),
            event: None,
            phase: None,
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
        let claims = [claim(Value::Exact(23), None), claim(Value::Exact(23), weekday(5)), claim(Value::Vague, None)];
        assert_eq!(judge(&claims), (Verdict::Agree, None));
    }

    #[test]
    fn a_later_single_value_updates() {
        let claims = [claim(Value::Exact(35), weekday(3)), claim(Value::Exact(23), weekday(5)), claim(Value::Exact(23), weekday(5))];
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
        let mut parts = [claim(Value::Exact(60), weekday(5)), claim(Value::Exact(43), None), claim(Value::Exact(17), None)];
        for part in &mut parts {
            part.doc = 7;
        }
        assert_eq!(judge(&parts), (Verdict::OneReport, None));
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
