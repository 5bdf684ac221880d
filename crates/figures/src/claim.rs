//! Quantitative claims: every count in every sentence, with what it counts, what happened to
//! it, who says so, in which report and for which day.

use crate::attribution::{is_quoted, sources, Source};
use crate::counted::{key, noun_phrase_after, singular};
use crate::day::{day_mentions, parse_report_date, Moment};
use crate::event::{event_at, event_before, event_for, Event};
use crate::incident::clause_around;
use crate::measure::{measure_at, Amount, MeasureMatch};
use crate::measured::measured_thing;
use crate::number::{number_at, qualifier_before, NumberMatch, Value};
use crate::phase::{phase_at, phase_markers, Phase};
use crate::place::{place_after, place_end, Place};
use crate::scope::{scope_of, Scope};
use crate::token::{lexicon_list, lexicon_words, nearest, tokenize, Token};
use crate::trap::is_trap;
use chorus_core::{Corpus, Document, Sentence};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

/// One figure given by one report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// The report's `Document::id` (as `BriefSentence::doc`).
    pub doc: String,
    /// Index of the report in the cluster (as `BriefSentence::doc_index`).
    pub doc_index: usize,
    /// Index into `Corpus::sentences`.
    pub sentence: usize,
    /// How many: an exact number, or a vague amount.
    pub value: Value,
    /// The number as written: `Twenty-three`, `685`, `several`.
    pub number_text: String,
    /// The hedge before it, lowercased: `at least`, `some`, `about`.
    pub qualifier: Option<String>,
    /// What is counted, normalised: lowercase, singular head (`algerian worker`).
    pub counted: String,
    /// What is counted, with synonyms folded: the grouping key (`algerian`, `militant`).
    pub counted_key: String,
    /// What happened to the counted things, when a word of the sentence says.
    pub event: Option<Event>,
    /// What a measure measures, when the sentence says (`cruising speed`, `depth`: see
    /// `crate::measured`); part of `counted_key`. Like an event, it makes different values one
    /// quantity.
    pub measured: Option<String>,
    /// The phase of the story the figure is limited to, if any (`final` assault).
    pub phase: Option<Phase>,
    /// A further limit on what is counted: a period, a rate, other incidents, one part.
    pub scope: Option<Scope>,
    /// Where the count is limited to: aboard, on the ground, a named place (`crate::place`).
    pub place: Option<Place>,
    /// The words of the count's clause around it, as written, without the count's own words:
    /// where `crate::group` reads which incident it is about (`crate::incident`).
    #[serde(skip)]
    pub clause: Vec<String>,
    /// The number sits inside a direct quotation.
    pub quoted: bool,
    /// Who gives the figure, as written: `the Algerian interior ministry said`.
    pub attribution: Option<String>,
    /// The day as the sentence names it: `on Saturday`, `by Friday`, `January 17`.
    pub day: Option<String>,
    /// When the figure holds: the named day, else the report's date, else the latest weekday the
    /// report names (see `crate::day`). What verdicts order claims by.
    pub when: Option<Moment>,
    /// Bytes of the number in the sentence's text.
    pub number_range: Range<usize>,
    /// Bytes of the whole claim in the sentence's text: hedge, number and counted phrase.
    pub claim_range: Range<usize>,
    /// The count takes its noun from an earlier count of the sentence (`five Norwegians are
    /// missing while eight are safe`).
    pub elliptical: bool,
}

/// Claims read from one report at most. A news report gives a few dozen figures; a "report"
/// with millions (a table, a dump) would hold hundreds of bytes per claim in memory, many
/// times the report's own size, for figures no reader will compare.
pub const MAX_CLAIMS_PER_REPORT: usize = 1_000;

/// All claims of a cluster, in reading order, at most `MAX_CLAIMS_PER_REPORT` (1,000) of each report.
/// Sentences whose `doc` has no entry in `documents` are skipped: there is no report to cite.
pub fn extract(corpus: &Corpus, documents: &[Document]) -> Vec<Claim> {
    let mut per_report = vec![0usize; documents.len()];
    let report_days: Vec<Option<i64>> =
        documents.iter().map(|d| d.date.as_deref().and_then(parse_report_date)).collect();
    let mut reports: Vec<ReportState> = vec![ReportState::default(); documents.len()];
    let mut claims = Vec::new();
    for (index, sentence) in corpus.sentences.iter().enumerate() {
        let (Some(document), Some(report)) = (documents.get(sentence.doc), reports.get_mut(sentence.doc)) else {
            continue;
        };
        if per_report[sentence.doc] >= MAX_CLAIMS_PER_REPORT {
            continue;
        }
        let context = Context { index, document, report_day: report_days[sentence.doc] };
        let before = claims.len();
        claims_in_sentence(sentence, &context, report, &mut claims);
        per_report[sentence.doc] += claims.len() - before;
    }
    for claim in claims.iter_mut().filter(|c| c.when.is_none() && c.day.is_none()) {
        claim.when = match report_days[claim.doc_index] {
            Some(day) => Some(Moment::of_day_number(day)),
            None => reports[claim.doc_index].latest_weekday.map(|w| Moment { day_number: None, weekday: Some(w) }),
        };
    }
    forget_things_given_twice(&mut claims);
    claims
}

/// A report that gives one measured thing two values (the depths of several aftershocks, the
/// speeds of two aircraft) names several incidents, and nothing says which one other reports
/// mean: its measures of that thing group only by value, as if the thing were not read.
fn forget_things_given_twice(claims: &mut [Claim]) {
    let mut amounts: HashMap<(usize, &str), Vec<Amount>> = HashMap::new();
    for claim in claims.iter() {
        if let (Some(thing), Some(amount)) = (&claim.measured, claim.value.amount()) {
            amounts.entry((claim.doc_index, thing.as_str())).or_default().push(amount);
        }
    }
    // Two units of one value (`350 feet`, `107 metres`) are one value.
    let twice: HashSet<(usize, String)> = amounts
        .into_iter()
        .filter(|(_, amounts)| amounts.iter().any(|a| amounts.iter().any(|b| !a.agrees(*b))))
        .map(|((doc, thing), _)| (doc, thing.to_string()))
        .collect();
    for claim in claims.iter_mut() {
        let Some(thing) = claim.measured.take_if(|thing| twice.contains(&(claim.doc_index, thing.clone()))) else {
            continue;
        };
        if let Some(key) = claim.counted_key.strip_suffix(&format!(" {thing}")) {
            claim.counted_key = key.to_string();
        }
    }
}

/// What is carried from one sentence of a report to the next.
#[derive(Debug, Clone, Default)]
struct ReportState {
    /// The last source named by name, for `it said`.
    last_source: Option<String>,
    /// The latest weekday the report names: its day when it has no date.
    latest_weekday: Option<u8>,
}

struct Context<'a> {
    index: usize,
    document: &'a Document,
    report_day: Option<i64>,
}

/// What one sentence offers every claim in it.
struct SentenceParts<'a> {
    text: &'a str,
    tokens: Vec<Token<'a>>,
    days: Vec<crate::day::DayMention>,
    sources: Vec<Source>,
    phases: Vec<crate::phase::PhaseMarker>,
}

fn claims_in_sentence(sentence: &Sentence, context: &Context, report: &mut ReportState, claims: &mut Vec<Claim>) {
    let tokens = tokenize(&sentence.text);
    let parts = SentenceParts {
        text: &sentence.text,
        days: day_mentions(&tokens),
        sources: sources(&tokens),
        phases: phase_markers(&tokens),
        tokens,
    };
    let mut previous: Option<Figure> = None;
    let mut i = 0;
    while i < parts.tokens.len() {
        if let Some(measure) = measure_at(&parts.tokens, i) {
            claims.push(build_claim(&parts, &measured(&parts.tokens, &measure), sentence, context, report));
            i = measure.end;
            continue;
        }
        let Some(found) = number_at(&parts.tokens, i) else {
            i += 1;
            continue;
        };
        // `between 10 and 20 hostages`: one figure, the range, read at its upper end; the lower
        // end is not a count of its own.
        if let Some((low, upper_start, upper)) = range_at(&parts.tokens, i, &found) {
            if !is_trap(&parts.tokens, upper_start, &upper) {
                if let Some(mut figure) = figure_at(&parts, upper_start, upper.end, upper.value, previous.as_ref()) {
                    figure.start = i - 1;
                    figure.range_low = Some(low);
                    claims.push(build_claim(&parts, &figure, sentence, context, report));
                    previous = Some(figure);
                }
            }
            i = upper.end;
            continue;
        }
        if !is_trap(&parts.tokens, i, &found) {
            if let Some(figure) = figure_at(&parts, i, found.end, found.value, previous.as_ref()) {
                claims.push(build_claim(&parts, &figure, sentence, context, report));
                previous = Some(figure);
            }
        }
        i = found.end;
    }
    for weekday in parts.days.iter().filter_map(|d| d.weekday()) {
        report.latest_weekday = report.latest_weekday.max(Some(weekday));
    }
    if let Some(named) = parts.sources.iter().rev().find(|s| !s.is_pronoun) {
        report.last_source = Some(parts.text[named.range.clone()].to_string());
    }
}

/// A measure as a figure: its number is the amount with its unit (`$270 million`, `350 feet`),
/// its hedge is read before that, and what it counts is its dimension (`length`, `money`) and,
/// when the sentence says, the thing it measures.
fn measured(tokens: &[Token], measure: &MeasureMatch) -> Figure {
    let start = qualifier_before(tokens, measure.start).unwrap_or(measure.start);
    let dimension = measure.amount.unit.dimension();
    Figure {
        start,
        range_low: None,
        number_start: measure.start,
        number_end: measure.end,
        end: measure.end,
        value: Value::Amount(measure.amount),
        words: vec![dimension.to_string()],
        measured: measured_thing(tokens, start, measure.end, dimension),
        event: None,
        phase: None,
        elliptical: false,
    }
}

/// `between L and U` with the number `found` (L) at token `i`: L, and where U starts and ends.
fn range_at(tokens: &[Token], i: usize, found: &NumberMatch) -> Option<(u64, usize, NumberMatch)> {
    let low = found.value.exact()?;
    let between = i.checked_sub(1).is_some_and(|b| tokens[b].is("between"));
    let and = tokens.get(found.end).is_some_and(|t| t.is("and"));
    if !(between && and) {
        return None;
    }
    let upper = number_at(tokens, found.end + 1)?;
    upper.value.exact().is_some_and(|high| high > low).then_some((low, found.end + 1, upper))
}

/// A number read as a count: what it counts and what happened to it.
struct Figure {
    /// First token: the hedge if any (`between` for a range), else the number.
    start: usize,
    /// The lower end of a range (`10` of `between 10 and 20`), whose number is the upper end.
    range_low: Option<u64>,
    number_start: usize,
    number_end: usize,
    end: usize,
    value: Value,
    words: Vec<String>,
    /// What a measure measures, when the sentence says.
    measured: Option<String>,
    event: Option<Event>,
    phase: Option<Phase>,
    elliptical: bool,
}

/// Reads the number at tokens `number_start..number_end` as a count, or refuses it.
///
/// - A count needs a counted noun: its own, or for an elliptical count (`… while eight are
///   safe`) the previous count's noun, and then only with an event read after it.
/// - Counts coordinated with the previous one (only `,`, `and`, `or` between them:
///   `the deaths of seven hostages and 11 militants`, `two Americans, three Belgians`) share
///   its event and phase when they have none of their own, unless a verb of their own follows
///   (`the toll passed 121,000, and 5 million people were homeless`).
/// - The total of a partitive (`18` in `14 of the 18 BP employees`) has no event: it names
///   the whole.
/// - A vague amount without an event says nothing checkable and is dropped.
fn figure_at(
    parts: &SentenceParts,
    number_start: usize,
    number_end: usize,
    value: Value,
    previous: Option<&Figure>,
) -> Option<Figure> {
    let tokens = &parts.tokens;
    let start = qualifier_before(tokens, number_start).unwrap_or(number_start);
    let phrase = noun_phrase_after(tokens, number_end, value != Value::Exact(1));
    // `killing 12 people and wounding 31 others`: `others` has no noun of its own; it counts
    // more of the previous count's noun, and without one it counts nothing we can name.
    let others_end = phrase.as_ref().filter(|p| p.words == ["other"]).map(|p| p.end);
    let phrase = phrase.filter(|_| others_end.is_none());
    let elliptical = phrase.is_none();
    let (words, end, event) = match phrase {
        Some(p) => {
            let event = p.event.or_else(|| event_for(tokens, start, p.end));
            (p.words, p.end, event)
        }
        None => {
            let end = others_end.unwrap_or(number_end);
            (borrowed_noun(tokens, start, number_end, previous)?, end, event_for(tokens, start, end))
        }
    };
    let is_partitive_total =
        partitive_of(tokens, number_start).is_some_and(|of| of > 0 && number_at(tokens, of - 1).is_some());
    let coordinated = previous.filter(|p| is_coordinated(tokens, p.end, start));
    let part = previous.filter(|p| is_part_of(tokens, p.end, start));
    let event = match (is_partitive_total, event) {
        (true, _) => None,
        (false, Some(event)) => Some(event),
        // An elliptical count shares the event only when it names its own place: `5,400 injured
        // in Kenya and 70 in Tanzania`.
        // A part named after `including` went through what the whole did: `killing 247 people,
        // including 12 Americans`, `268 remain unaccounted for, including 247 students`.
        (false, None) => coordinated
            .or(part)
            .and_then(|p| p.event)
            .filter(|_| (!elliptical || place_after(tokens, end).is_some()) && !has_own_predicate(tokens, end)),
    };
    if event.is_none() && (elliptical || value == Value::Vague) {
        return None;
    }
    // The phrase may stop before the harm noun, which reads as the event (`multiple traumatic
    // injuries`), so the word after it is checked too.
    let harm_after = tokens.get(end).is_some_and(|t| is_harm(&singular(&t.lower)));
    if value == Value::Vague && (harm_after || words.last().is_some_and(|head| is_harm(head))) {
        return None;
    }
    let phase = phase_at(&parts.phases, number_start).or_else(|| coordinated.and_then(|p| p.phase));
    Some(Figure {
        start,
        range_low: None,
        number_start,
        number_end,
        end,
        value,
        words,
        measured: None,
        event,
        phase,
        elliptical,
    })
}

/// The counted noun of an elliptical count: the previous count's noun without its participles
/// (`766,000 displaced people, 310,000 injured` counts injured people, not displaced ones), or,
/// with no previous count, `person` when an event word follows at once (`222,570 deaths`, `52
/// dead`) or governs the count from just before it in its clause (`the death toll passed
/// 150,000`, `deaths mount to more than 120,000`): news counts people unless it says otherwise.
fn borrowed_noun(tokens: &[Token], start: usize, number_end: usize, previous: Option<&Figure>) -> Option<Vec<String>> {
    match previous {
        Some(previous) => {
            let (head, modifiers) = previous.words.split_last()?;
            let mut words: Vec<String> = modifiers.iter().filter(|m| !m.ends_with("ed")).cloned().collect();
            words.push(head.clone());
            Some(words)
        }
        None => (event_at(tokens, number_end).is_some() || event_before(tokens, start).is_some())
            .then(|| vec!["person".to_string()]),
    }
}

/// Nouns of harm done to a person (`lexicon/harms.txt`).
static HARMS: LazyLock<Vec<&str>> = LazyLock::new(|| lexicon_words(include_str!("../lexicon/harms.txt")));

/// Whether `head` names harm done to a person: `multiple traumatic injuries` counts no people.
fn is_harm(head: &str) -> bool {
    HARMS.contains(&head)
}

/// Whether a verb phrase starts at token `at`, right after a count's noun phrase.
fn has_own_predicate(tokens: &[Token], at: usize) -> bool {
    tokens.get(at).is_some_and(|t| t.is_any(&["is", "are", "was", "were", "has", "have", "had", "remain", "remained"]))
}

/// Whether only list punctuation and conjunctions lie between tokens `from` and `to`, after
/// the previous count's place if it has one (`5,400 injured in Kenya and 70 in Tanzania`).
fn is_coordinated(tokens: &[Token], from: usize, to: usize) -> bool {
    let from = place_end(tokens, from).filter(|&end| end <= to).unwrap_or(from);
    from < to && tokens[from..to].iter().all(|t| t.text == "," || t.is_any(&["and", "or"]))
}

/// Words that open the part of a previous count (`lexicon/event_grammar.txt`).
static PART_OPENERS: LazyLock<Vec<&str>> =
    LazyLock::new(|| lexicon_list(include_str!("../lexicon/event_grammar.txt"), "part_opener"));

/// Whether the count at token `to` is a part of the previous count, which ends at `from`:
/// punctuation and a part opener right before it (`killing 247 people, including 12 Americans`,
/// `268 people are missing -- including 247 students`).
fn is_part_of(tokens: &[Token], from: usize, to: usize) -> bool {
    let opener = to.checked_sub(1).filter(|&o| o > from && tokens[o].is_any(&PART_OPENERS));
    opener.is_some_and(|o| !tokens[o - 1].is_word)
}

/// The `of` just before a number (`of 18`, `of the 18`), if any.
fn partitive_of(tokens: &[Token], number: usize) -> Option<usize> {
    let before = number.checked_sub(1)?;
    if tokens[before].is("of") {
        return Some(before);
    }
    let determiner = tokens[before].is_any(&["the", "its", "their", "his", "her", "our"]);
    let of = before.checked_sub(1)?;
    (determiner && tokens[of].is("of")).then_some(of)
}

fn build_claim(
    parts: &SentenceParts,
    figure: &Figure,
    sentence: &Sentence,
    context: &Context,
    report: &ReportState,
) -> Claim {
    let tokens = &parts.tokens;
    // A range's qualifier carries its lower end in digits, which `bound` reads back.
    let qualifier = match figure.range_low {
        Some(low) => Some(format!("between {low} and")),
        None => (figure.start < figure.number_start).then(|| {
            tokens[figure.start..figure.number_start].iter().map(|t| t.lower.as_str()).collect::<Vec<_>>().join(" ")
        }),
    };
    let number_range = tokens[figure.number_start].range.start..tokens[figure.number_end - 1].range.end;
    let claim_range = tokens[figure.start].range.start..tokens[figure.end - 1].range.end;
    let day = nearest(&parts.days, figure.number_start, |d| d.token);
    let attribution = nearest(&parts.sources, figure.number_start, |s| s.token).and_then(|source| {
        if source.is_pronoun {
            report.last_source.clone()
        } else {
            Some(parts.text[source.range.clone()].to_string())
        }
    });
    Claim {
        doc: context.document.id.clone(),
        doc_index: sentence.doc,
        sentence: context.index,
        value: figure.value,
        number_text: parts.text[number_range.clone()].to_string(),
        qualifier,
        counted: figure.words.join(" "),
        counted_key: match &figure.measured {
            Some(thing) => format!("{} {thing}", key(&figure.words)),
            None => key(&figure.words),
        },
        event: figure.event,
        measured: figure.measured.clone(),
        phase: figure.phase,
        scope: scope_of(tokens, figure.start, figure.end),
        place: place_after(tokens, figure.end),
        clause: clause_around(tokens, figure.start, figure.end),
        quoted: is_quoted(tokens, figure.number_start),
        attribution,
        day: day.map(|d| parts.text[d.range.clone()].to_string()),
        when: day.and_then(|d| d.moment(context.report_day)),
        number_range,
        claim_range,
        elliptical: figure.elliptical,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chorus_core::{SentenceKind, Span};

    /// (number, counted key, event) of each claim of a one-sentence report.
    fn claims_of(text: &str) -> Vec<(String, String, Option<Event>)> {
        let document = Document::new("r", text);
        let sentence = Sentence {
            doc: 0,
            position: 0,
            text: text.into(),
            clean: 0..text.len(),
            span: Span { start: 0, end: text.len() },
            words: text.split_whitespace().count(),
            terms: Default::default(),
            kind: SentenceKind::Body,
        };
        let corpus = Corpus { sentences: vec![sentence], documents: 1, ..Corpus::default() };
        extract(&corpus, &[document]).into_iter().map(|c| (c.number_text, c.counted_key, c.event)).collect()
    }

    #[test]
    fn a_report_gives_at_most_the_claim_limit() {
        let one = "Rescuers found 12 survivors near the bridge, the police said. ";
        let text = one.repeat(MAX_CLAIMS_PER_REPORT + 50);
        let document = Document::new("r", text.as_str());
        let sentences = (0..MAX_CLAIMS_PER_REPORT + 50)
            .map(|i| Sentence {
                doc: 0,
                position: i,
                text: one.trim_end().into(),
                clean: i * one.len()..(i + 1) * one.len() - 1,
                span: Span { start: i * one.len(), end: (i + 1) * one.len() - 1 },
                words: 10,
                terms: Default::default(),
                kind: SentenceKind::Body,
            })
            .collect();
        let corpus = Corpus { sentences, documents: 1, ..Corpus::default() };
        assert_eq!(extract(&corpus, &[document]).len(), MAX_CLAIMS_PER_REPORT);
    }

    fn claim(number: &str, key: &str, event: Option<Event>) -> (String, String, Option<Event>) {
        (number.to_string(), key.to_string(), event)
    }

    #[test]
    fn others_count_more_of_the_previous_noun_or_nothing() {
        assert_eq!(
            claims_of("The gunman opened fire, killing 12 people and wounding 31 others."),
            [claim("12", "person", Some(Event::Killed)), claim("31", "person", Some(Event::Injured))]
        );
        assert_eq!(claims_of("Four others were wounded on Friday."), []);
    }

    #[test]
    fn a_coordinated_count_with_its_own_verb_does_not_share_the_event() {
        assert_eq!(
            claims_of("The death toll passed 121,000, and 5 million people were homeless."),
            [claim("121,000", "person", Some(Event::Killed)), claim("5 million", "person", None)]
        );
        assert_eq!(
            claims_of("The raid killed seven hostages and 11 militants."),
            [claim("seven", "hostage", Some(Event::Killed)), claim("11", "militant", Some(Event::Killed))]
        );
    }
}
