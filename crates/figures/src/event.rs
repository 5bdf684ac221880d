//! What happened to the things counted: a small closed set of events, each with its synonyms,
//! and the rule that ties an event word to a number in a sentence.

use crate::number::number_at;
use crate::token::{lexicon_list, Token};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::LazyLock;

/// Word lists of this module (`lexicon/event_grammar.txt`).
const LEXICON_EVENT_GRAMMAR: &str = include_str!("../lexicon/event_grammar.txt");

/// What happened to the things counted; figures group only with figures of the same event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Event {
    /// Killed, dead, died, lost their lives: the death toll.
    Killed,
    /// Injured, wounded, hurt, hospitalised.
    Injured,
    /// Missing, unaccounted for, feared dead.
    Missing,
    /// Held, captured, seized, kidnapped: reports use these interchangeably for the count of
    /// people in captivity, so they are one quantity.
    Held,
    /// Freed, released, rescued, liberated.
    Freed,
    /// Escaped, fled.
    Escaped,
    /// Safe, unharmed.
    Safe,
    /// Arrested, detained, in custody.
    Arrested,
    /// Present somewhere (`at the plant`, `on board`, `working at the site`): a total, the
    /// weakest event, used only when nothing else happened to the thing counted.
    Present,
}

/// The name JSON uses, so text and JSON output say the same. Label files use it too.
impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Event::Killed => "killed",
            Event::Injured => "injured",
            Event::Missing => "missing",
            Event::Held => "held",
            Event::Freed => "freed",
            Event::Escaped => "escaped",
            Event::Safe => "safe",
            Event::Arrested => "arrested",
            Event::Present => "present",
        })
    }
}

impl Event {
    /// Every event, in the order of the enum.
    const ALL: [Event; 9] = [
        Event::Killed,
        Event::Injured,
        Event::Missing,
        Event::Held,
        Event::Freed,
        Event::Escaped,
        Event::Safe,
        Event::Arrested,
        Event::Present,
    ];

    /// The event of that name (`killed`, as [`fmt::Display`] writes it).
    fn named(name: &str) -> Option<Event> {
        Event::ALL.into_iter().find(|e| e.to_string() == name)
    }
}

/// Words and phrases for each event (`lexicon/events.txt`), longest phrases first, so that
/// `feared dead` is read as missing rather than killed.
static LEXICON: LazyLock<Vec<(Vec<&'static str>, Event)>> = LazyLock::new(|| {
    let mut phrases: Vec<(Vec<&'static str>, Event)> = include_str!("../lexicon/events.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .flat_map(|line| {
            let (name, phrases) = line.split_once(':').unwrap_or_else(|| panic!("events.txt: no `:` in {line:?}"));
            let event = Event::named(name.trim()).unwrap_or_else(|| panic!("events.txt: no event {name:?}"));
            phrases.split(',').map(move |p| (p.split_whitespace().collect(), event))
        })
        .collect();
    phrases.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    phrases
});

/// The event phrase starting at token `i`, with how many tokens it spans.
pub fn event_at(tokens: &[Token], i: usize) -> Option<(Event, usize)> {
    LEXICON.iter().find_map(|(phrase, event)| {
        let window = tokens.get(i..i + phrase.len())?;
        window.iter().zip(phrase.iter()).all(|(t, w)| t.is(w)).then_some((*event, phrase.len()))
    })
}

/// Words that end the clause a number sits in: past them, an event word belongs to something else.
static CLAUSE_BREAKS: LazyLock<Vec<&str>> = LazyLock::new(|| lexicon_list(LEXICON_EVENT_GRAMMAR, "clause_break"));

/// Auxiliaries and verbs that open a new verb phrase after `and`: `… were killed and six were injured`.
static VERB_OPENERS: LazyLock<Vec<&str>> = LazyLock::new(|| lexicon_list(LEXICON_EVENT_GRAMMAR, "verb_opener"));

static NEGATIONS: LazyLock<Vec<&str>> = LazyLock::new(|| lexicon_list(LEXICON_EVENT_GRAMMAR, "negation"));

/// Event words that are nouns of a tally: after a preposition they describe the counted
/// things (`three countries with the greatest death toll`) rather than say what happened to them.
/// (`injuries` is not one: `three children with serious injuries` were injured.)
static TALLY_NOUNS: LazyLock<Vec<&str>> = LazyLock::new(|| lexicon_list(LEXICON_EVENT_GRAMMAR, "tally_noun"));

static PREPOSITIONS: LazyLock<Vec<&str>> = LazyLock::new(|| lexicon_list(LEXICON_EVENT_GRAMMAR, "preposition"));

/// How far an event word may sit from its number, in tokens.
const RIGHT_REACH: usize = 14;
const LEFT_REACH: usize = 6;

/// The event of the noun phrase `np_start..np_end` (its number included).
///
/// Rule: first a verb governing the count from right before it (`killing 38 people`, `wounded
/// at least 17 others`, `killing all 109 people on board`): nothing but `all` can come between
/// them, so whatever verb follows the phrase belongs to a larger clause (`Six crew members, killing 38 people, have been arrested`).
/// Then the verb phrase after the noun phrase, read up to the end of its clause (`, and`
/// also ends it), crossing coordinated counts (`23 hostages and 32 militants were killed`) but
/// not a count with its own event word (`…, 310,000 injured`), and, right after the phrase,
/// one relative pronoun (`citizens who remained unaccounted for`); a `Present` reading there
/// gives way to any later real event (`nationals who were at the site are safe`); a tally noun
/// after a preposition is skipped (`three countries with the greatest death toll`). Failing that,
/// a governing word just before the number in the same clause (`killed 35 hostages`, `the deaths
/// of seven hostages`). A negated event word (`were not killed`) ends the search.
pub fn event_for(tokens: &[Token], np_start: usize, np_end: usize) -> Option<Event> {
    governing_verb(tokens, np_start).or_else(|| event_after(tokens, np_end)).or_else(|| event_before(tokens, np_start))
}

/// The event of a participle or past verb (`killing`, `wounded`) right before token `np_start`,
/// or before an `all` there.
fn governing_verb(tokens: &[Token], np_start: usize) -> Option<Event> {
    let mut k = np_start.checked_sub(1)?;
    // `killed all 109 people aboard`
    if tokens[k].is("all") {
        k = k.checked_sub(1)?;
    }
    let verb_form = tokens[k].lower.ends_with("ing") || tokens[k].lower.ends_with("ed");
    event_at(tokens, k).filter(|(_, len)| *len == 1 && verb_form && !is_negated(tokens, k)).map(|(event, _)| event)
}

/// The event of the verb phrase after a noun phrase ending at token `np_end`.
pub fn event_after(tokens: &[Token], np_end: usize) -> Option<Event> {
    let mut present = None;
    let mut after_preposition = false;
    let mut k = np_end;
    while k < tokens.len() && k < np_end + RIGHT_REACH {
        if let Some((event, len)) = event_at(tokens, k) {
            if after_preposition && tokens[k].is_any(&TALLY_NOUNS) {
                k += len;
                continue;
            }
            if is_negated(tokens, k) {
                return present;
            }
            if event != Event::Present {
                return Some(event);
            }
            present = present.or(Some(event));
            k += len;
            continue;
        }
        let token = &tokens[k];
        let relative_pronoun = k == np_end && token.is_any(&["who", "which", "that"]);
        // `27 people are said to have been injured`: a passive report verb hedges the verb
        // phrase, it does not end it.
        let passive_report =
            token.is_any(&["said", "says"]) && k > 0 && tokens[k - 1].is_any(&["is", "are", "was", "were", "been"]);
        if token.is_any(&CLAUSE_BREAKS) && !relative_pronoun && !passive_report {
            break;
        }
        let after_comma = k > 0 && tokens[k - 1].text == ",";
        let new_clause = token.is_any(&["and", "or"])
            && (after_comma
                || tokens
                    .get(k + 1)
                    .is_some_and(|next| next.is_any(&VERB_OPENERS) || event_at(tokens, k + 1).is_some()));
        // `766,000 displaced, 310,000 injured`: a count with its own event word keeps it.
        let predicated_count = number_at(tokens, k).is_some_and(|count| event_at(tokens, count.end).is_some());
        if new_clause || predicated_count {
            break;
        }
        after_preposition |= token.is_any(&PREPOSITIONS);
        k += 1;
    }
    present
}

/// The event of a governing word just before a noun phrase starting at token `np_start`.
pub fn event_before(tokens: &[Token], np_start: usize) -> Option<Event> {
    let reach = np_start.saturating_sub(LEFT_REACH);
    for k in (reach..np_start).rev() {
        if let Some((event, _)) = event_at(tokens, k).filter(|(_, len)| k + len <= np_start) {
            return (!is_negated(tokens, k)).then_some(event);
        }
        // `and` too: `nine were killed and 18 were hospitalized`; counts coordinated with the
        // previous one get its event from the caller instead.
        if tokens[k].text == "," || tokens[k].is_any(&CLAUSE_BREAKS) || tokens[k].is_any(&["and", "or"]) {
            return None;
        }
    }
    None
}

fn is_negated(tokens: &[Token], k: usize) -> bool {
    k.checked_sub(1).and_then(|i| tokens.get(i)).is_some_and(|t| t.is_any(&NEGATIONS))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    /// The event of the noun phrase that starts at word `from` and ends before word `to`.
    fn event_between(text: &str, from: &str, to: Option<&str>) -> Option<Event> {
        let tokens = tokenize(text);
        let after = |w: &str, skip: usize| {
            let found = tokens.iter().skip(skip).position(|t| t.text == w);
            skip + found.unwrap_or_else(|| panic!("{w} not in {text}"))
        };
        let start = after(from, 0);
        let end = to.map_or(tokens.len(), |w| after(w, start));
        event_for(&tokens, start, end)
    }

    #[test]
    fn event_after_coordinated_counts() {
        let text = "At least 23 hostages and 32 terrorists were killed around the facility";
        assert_eq!(event_between(text, "23", Some("and")), Some(Event::Killed));
        assert_eq!(event_between(text, "32", Some("were")), Some(Event::Killed));
    }

    #[test]
    fn governing_word_before_the_number() {
        assert_eq!(
            event_between(
                "air strikes had killed 35 hostages and several militants as the hostages were moved",
                "35",
                Some("and")
            ),
            Some(Event::Killed)
        );
        assert_eq!(event_between("contributed to the deaths of seven hostages", "seven", None), Some(Event::Killed));
        assert_eq!(
            event_between("claimed to have captured seven Americans along with", "seven", Some("along")),
            Some(Event::Held)
        );
    }

    #[test]
    fn each_clause_keeps_its_own_event() {
        let text = "Two people were killed and six people were injured";
        assert_eq!(event_between(text, "Two", Some("were")), Some(Event::Killed));
        assert_eq!(event_between(text, "six", Some("were")), Some(Event::Injured));
        let text = "Five Norwegians are missing while eight are now safe";
        assert_eq!(event_between(text, "Five", Some("are")), Some(Event::Missing));
        assert_eq!(event_between(text, "eight", Some("are")), Some(Event::Safe));
    }

    #[test]
    fn relative_clause_and_present_giving_way() {
        assert_eq!(
            event_between("five British citizens who remained unaccounted for", "five", Some("who")),
            Some(Event::Missing)
        );
        assert_eq!(
            event_between("Three French nationals who were at the site are safe", "Three", Some("who")),
            Some(Event::Safe)
        );
        assert_eq!(
            event_between("five Americans thought to have been at the plant", "five", Some("thought")),
            Some(Event::Present)
        );
    }

    #[test]
    fn a_listed_count_keeps_its_own_event() {
        let text = "left 766,000 displaced people, 310,000 injured and 869 disappeared";
        assert_eq!(event_between(text, "766,000", Some(",")), None);
        let text = "made 1.5 million people homeless, and some estimates of the death toll rise";
        assert_eq!(event_between(text, "1.5", Some("homeless")), None);
    }

    #[test]
    fn an_adjacent_governing_verb_wins_over_a_later_clause() {
        let text = "Six crew members, killing 38 people, have been arrested";
        assert_eq!(event_between(text, "38", Some(",")), Some(Event::Killed));
        assert_eq!(
            event_between("the gunman killed 12 people and wounded 31 others", "31", None),
            Some(Event::Injured)
        );
        assert_eq!(
            event_between("the blast had not killed 12 people who were arrested", "12", Some("who")),
            Some(Event::Arrested)
        );
    }

    #[test]
    fn passive_report_verbs_and_tolls() {
        assert_eq!(
            event_between("At least 27 people are said to have been seriously injured", "27", Some("are")),
            Some(Event::Injured)
        );
        assert_eq!(event_between("27 people, police said, were hurt", "27", Some(",")), None);
        assert_eq!(event_between("Tsunami toll passes 80,000 people", "80,000", None), Some(Event::Killed));
        assert_eq!(event_between("the three countries with the greatest death toll", "three", Some("with")), None);
    }

    #[test]
    fn synonyms_and_negation() {
        assert_eq!(event_between("One Romanian lost his life", "One", Some("lost")), Some(Event::Killed));
        assert_eq!(
            event_between("five nationals are missing or feared dead", "five", Some("are")),
            Some(Event::Missing)
        );
        assert_eq!(event_between("three hostages were not killed", "three", Some("were")), None);
        assert_eq!(
            event_between("nine were killed and 18 people were hospitalized", "18", Some("were")),
            Some(Event::Injured)
        );
        assert_eq!(event_between("seven people were shot, two of whom are dead", "seven", Some("were")), None);
        assert_eq!(event_between("two Americans were among that number", "two", Some("were")), None);
    }
}
