//! Claims from all reports about the same quantity, side by side.
//!
//! Grouping rule: two claims are about the same quantity when they have the same counted key
//! (synonyms folded, subsets kept apart: see `crate::counted`), the same event, the same
//! phase, the same scope (`since 2011`, `in two earlier blasts`: see `crate::scope`) and the
//! same place (`aboard`, `on the ground`, `in Kenya`: see `crate::place`). Claims without an
//! event group only with claims of the same value: `275 guests` in two reports agree, but
//! `five Americans` against `seven Americans` says nothing about whether the five and the seven
//! are one quantity, and pairing them would invent disputes.

use crate::bound::{side, Side};
use crate::claim::Claim;
use crate::confidence::{confidence, SHOWN_CONFIDENCE};
use crate::event::Event;
use crate::incident::{Gazetteer, Regions};
use crate::measure::Amount;
use crate::number::Value;
use crate::phase::Phase;
use crate::place::Place;
use crate::scope::Scope;
use crate::verdict::{judge, Verdict};
use serde::Serialize;
use std::collections::HashMap;

/// One quantity as the reports give it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureGroup {
    /// The counted key shared by the group's claims.
    pub counted: String,
    /// The event shared by the group's claims (always set: claims without one are not grouped).
    pub event: Option<Event>,
    /// The phase shared by the group's claims.
    pub phase: Option<Phase>,
    /// The scope shared by the group's claims.
    pub scope: Option<Scope>,
    /// Where the count is limited to; a named place only when the reports name several.
    pub place: Option<Place>,
    /// Indices into the claims given to [`group`], in reading order.
    pub claims: Vec<usize>,
    /// Each distinct value with who gives it, in order of first appearance.
    pub values: Vec<FigureValue>,
    /// Whether the values agree, and if not why.
    pub verdict: Verdict,
    /// When `verdict` is `Updated`: the value given last.
    pub latest: Option<u64>,
    /// How far the group can be trusted, from 0 to 1, from the evidence of its claims (see
    /// `crate::confidence`).
    pub confidence: f64,
}

/// One value of a group and its sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureValue {
    /// The value, exact or vague.
    pub value: Value,
    /// Indices into the claims given to [`group`].
    pub claims: Vec<usize>,
    /// `Document::id` of each report giving it, sorted, once each.
    pub docs: Vec<String>,
    /// Each distinct attribution, in order of first appearance.
    pub attributions: Vec<String>,
    /// Each distinct day named with it, in order of first appearance.
    pub days: Vec<String>,
}

impl FigureGroup {
    /// Whether different reports give different values: a reader must see them all.
    pub fn is_disputed(&self) -> bool {
        matches!(self.verdict, Verdict::Disagree | Verdict::Updated)
    }

    /// Whether a brief shows the group among the figures the reports disagree on: disputed,
    /// with a confidence of at least [`SHOWN_CONFIDENCE`].
    pub fn is_shown(&self) -> bool {
        self.is_disputed() && self.confidence >= SHOWN_CONFIDENCE
    }
}

/// Counted key, event, phase, scope, place (aboard, on the ground), for a claim without an
/// event its value, for a measure the side its hedge bounds it from (`more than 50 percent` is
/// not `50 percent needed`), and the incident (see [`Incident`]).
type GroupKey<'a> =
    (&'a str, Option<Event>, Option<Phase>, Option<Scope>, Option<&'a Place>, Option<Value>, Option<Side>, Incident);

/// Which incident a claim is about, when the claims of its quantity name several places.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Incident {
    /// The claims of the quantity name one place or none: the story's own.
    Story,
    /// The places the claim's clause names (several: a total of places).
    At(Regions),
    /// The claim's clause names none of them: it cannot be told apart, so it stays alone (the
    /// claim's index).
    Unknown(usize),
}

/// Every group, single-source ones included, in order of each group's first claim.
///
/// Places keep claims apart only when claims of the same counted thing, event, phase and scope
/// name at least two of them (see `crate::incident`): then `5,400 injured in Kenya`, `70 in
/// Tanzania` and `5,470 injured in both` are three quantities, and a claim naming neither is
/// a group of its own. A single place named is the story's own.
pub fn group(claims: &[Claim]) -> Vec<FigureGroup> {
    let gazetteer =
        Gazetteer::of(claims.iter().filter_map(|c| c.place.as_ref()), claims.iter().map(|c| c.clause.as_slice()));
    let regions: Vec<Regions> = claims
        .iter()
        .map(|claim| match &claim.place {
            Some(place @ Place::Named(_)) => gazetteer.regions(&[place_words(place)]),
            _ => gazetteer.regions(&claim.clause),
        })
        .collect();
    let mut named: HashMap<GroupKey, Vec<&Regions>> = HashMap::new();
    for (claim, regions) in claims.iter().zip(&regions).filter(|(_, r)| !r.is_empty()) {
        let known = named.entry(unplaced_key(claim)).or_default();
        if !known.contains(&regions) {
            known.push(regions);
        }
    }
    let mut index_of: HashMap<GroupKey, usize> = HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    // The place each group shows, by its first claim.
    let mut places: HashMap<usize, Place> = HashMap::new();
    for (i, claim) in claims.iter().enumerate() {
        let mut key = unplaced_key(claim);
        if named.get(&key).is_some_and(|places| places.len() >= 2) {
            key.7 = if regions[i].is_empty() { Incident::Unknown(i) } else { Incident::At(regions[i].clone()) };
        }
        let place = match (&key.7, &claim.place) {
            (Incident::At(_), Some(named @ Place::Named(_))) => Some(named.clone()),
            (Incident::At(regions), _) => {
                Some(Place::Named(regions.iter().map(|&r| gazetteer.name(r)).collect::<Vec<_>>().join(" and ")))
            }
            _ => key.4.cloned(),
        };
        let slot = *index_of.entry(key).or_insert_with(|| {
            places.extend(place.map(|p| (i, p)));
            members.push(Vec::new());
            members.len() - 1
        });
        members[slot].push(i);
    }
    let members = join_conversions(claims, apart_repeated_measures(claims, members));
    members
        .into_iter()
        .map(|indices| {
            let unnamed = || claims[indices[0]].place.clone().filter(|p| !matches!(p, Place::Named(_)));
            let place = places.get(&indices[0]).cloned().or_else(unnamed);
            build_group(claims, indices, place)
        })
        .collect()
}

/// The words of a named place, as one clause word for [`Gazetteer::regions`].
fn place_words(place: &Place) -> String {
    match place {
        Place::Named(name) => name.clone(),
        _ => String::new(),
    }
}

fn unplaced_key(claim: &Claim) -> GroupKey<'_> {
    let place = claim.place.as_ref().filter(|p| !matches!(p, Place::Named(_)));
    let value = (claim.event.is_none() && claim.measured.is_none()).then_some(claim.value);
    let side = claim.value.amount().map(|_| side(claim.qualifier.as_deref()));
    (claim.counted_key.as_str(), claim.event, claim.phase, claim.scope, place, value, side, Incident::Story)
}

/// A report that gives one measure twice (`up 73 percent` for two crops, `20 percent` for
/// pensions and for salaries) may be naming two quantities, and nothing says which of its
/// claims the other reports' claims are about: its claims of that amount leave their groups,
/// one group each.
fn apart_repeated_measures(claims: &[Claim], members: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    let mut per_report: HashMap<(usize, Amount), usize> = HashMap::new();
    for claim in claims {
        if let Some(amount) = claim.value.amount() {
            *per_report.entry((claim.doc_index, amount)).or_default() += 1;
        }
    }
    let repeated = |i: &usize| {
        let claim = &claims[*i];
        claim.value.amount().is_some_and(|amount| per_report[&(claim.doc_index, amount)] > 1)
    };
    let mut out = Vec::with_capacity(members.len());
    for group in members {
        let (apart, kept): (Vec<usize>, Vec<usize>) = group.into_iter().partition(repeated);
        if !kept.is_empty() {
            out.push(kept);
        }
        out.extend(apart.into_iter().map(|i| vec![i]));
    }
    out
}

/// Joins the groups of one measure written in two units (`350 feet`, `107 metres`): groups
/// whose keys differ only in the amount, written in different units of one dimension, that
/// agree within the conversion tolerance. Sorted by the amount in the base unit, so each group
/// is compared with its neighbour only.
fn join_conversions(claims: &[Claim], members: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    let convertible = |group: &Vec<usize>| {
        let claim = &claims[group[0]];
        let amount = claim.value.amount()?;
        let side = side(claim.qualifier.as_deref());
        let key = (claim.counted_key.as_str(), claim.event, claim.phase, claim.scope, claim.place.as_ref(), side);
        Some((key, amount.unit.dimension(), amount.in_base()?, amount))
    };
    let mut order: Vec<(usize, _)> =
        members.iter().enumerate().filter_map(|(g, m)| Some((g, convertible(m)?))).collect();
    order.sort_by(|(_, a), (_, b)| (a.0, a.1).cmp(&(b.0, b.1)).then(a.2.total_cmp(&b.2)));
    let mut into: Vec<usize> = (0..members.len()).collect();
    for pair in order.windows(2) {
        let [(first, a), (second, b)] = pair else { continue };
        let joins =
            (a.0, a.1) == (b.0, b.1) && a.3.unit != b.3.unit && claims_agree(claims, &members[into[*first]], b.3);
        if joins {
            into[*second] = into[*first];
        }
    }
    let mut joined: Vec<Vec<usize>> = vec![Vec::new(); members.len()];
    for (g, indices) in members.into_iter().enumerate() {
        joined[into[g]].extend(indices);
    }
    let mut joined: Vec<Vec<usize>> = joined
        .into_iter()
        .filter(|m| !m.is_empty())
        .map(|mut m| {
            m.sort_unstable();
            m
        })
        .collect();
    joined.sort_unstable_by_key(|m| m[0]);
    joined
}

/// Whether `amount` agrees with every amount of the group.
fn claims_agree(claims: &[Claim], group: &[usize], amount: Amount) -> bool {
    group.iter().all(|&i| claims[i].value.amount().is_some_and(|a| a.agrees(amount)))
}

fn build_group(claims: &[Claim], indices: Vec<usize>, place: Option<Place>) -> FigureGroup {
    let first = &claims[indices[0]];
    let (verdict, latest) = judge(indices.iter().map(|&i| &claims[i]));
    let confidence = confidence(indices.iter().map(|&i| &claims[i]));
    FigureGroup {
        counted: first.counted_key.clone(),
        event: first.event,
        phase: first.phase,
        scope: first.scope,
        place,
        values: values_of(claims, &indices),
        claims: indices,
        verdict,
        latest,
        confidence,
    }
}

fn values_of(claims: &[Claim], indices: &[usize]) -> Vec<FigureValue> {
    let mut slot_of: HashMap<Value, usize> = HashMap::new();
    let mut values: Vec<FigureValue> = Vec::new();
    for &i in indices {
        let claim = &claims[i];
        let slot = *slot_of.entry(claim.value).or_insert_with(|| {
            values.push(FigureValue {
                value: claim.value,
                claims: Vec::new(),
                docs: Vec::new(),
                attributions: Vec::new(),
                days: Vec::new(),
            });
            values.len() - 1
        });
        let value = &mut values[slot];
        value.claims.push(i);
        value.docs.push(claim.doc.clone());
        value.attributions.extend(claim.attribution.clone());
        value.days.extend(claim.day.clone());
    }
    for value in &mut values {
        value.docs.sort_unstable();
        value.docs.dedup();
        value.attributions = distinct_in_order(std::mem::take(&mut value.attributions));
        value.days = distinct_in_order(std::mem::take(&mut value.days));
    }
    values
}

/// Drops repeats, keeping first appearances in order, in linear time.
fn distinct_in_order(items: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    items.into_iter().filter(|item| seen.insert(item.clone())).collect()
}
