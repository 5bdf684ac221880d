//! What a number counts: the noun phrase after it, normalised, and the key under which counts
//! of the same thing from different reports meet.
//!
//! Normalised form (`Claim::counted`): lowercase, modifiers kept, head noun made singular
//! (`Algerian workers` → `algerian worker`). Key (`FigureGroup::counted`): the normalised form
//! with synonyms folded, under two rules:
//! - heads of one class become one word: `terrorist`, `captor`, `kidnapper`, `gunman`, … →
//!   `militant`; `captive` → `hostage`; `people` → `person`;
//! - an origin (a demonym, `foreign`, `western`) on a role-neutral head (`hostage`, `worker`,
//!   `national`, `citizen`, `person`, …) becomes the origin alone: `American hostages`,
//!   `Americans` and `U.S. citizens` would all be `american`, `foreign workers` and
//!   `foreigners` both `foreign`.
//!
//! Every other modifier is kept, on purpose: `foreign hostage`s are a subset of `hostage`s, `BP
//! employee`s a subset of `employee`s, `other hostage`s an addition. Subsets never meet totals.

use crate::event::{event_at, Event};
use crate::number::number_at;
use crate::token::{lexicon_list, lexicon_pairs, lexicon_words, Token};
use std::sync::LazyLock;

/// Word lists of this module (`lexicon/counted.txt`).
const LEXICON_COUNTED: &str = include_str!("../lexicon/counted.txt");

/// The counted noun phrase after a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NounPhrase {
    /// Token index after the phrase.
    pub end: usize,
    /// Normalised words, modifiers first, the head (singular) last.
    pub words: Vec<String>,
    /// An event written as an adjective before the noun: `dead hostages`, `freed Americans`.
    pub event: Option<Event>,
}

/// Words that cannot be part of a counted noun phrase: they end it.
static NOT_IN_PHRASE: LazyLock<Vec<&str>> =
    LazyLock::new(|| lexicon_words(include_str!("../lexicon/not_in_phrase.txt")));

/// Words for people that are the same whatever the noun: plural without a final `s`, or
/// already singular in form.
static PLURAL_WITHOUT_S: LazyLock<Vec<&str>> = LazyLock::new(|| lexicon_list(LEXICON_COUNTED, "plural_without_s"));

/// The longest phrase taken: a head with up to three modifiers.
const MAX_WORDS: usize = 4;

/// The noun phrase counted by a number that ends at token `from`, with `plural` telling whether
/// the head is expected to be plural (any count but one): the phrase then ends at its first
/// plural noun, so `six freed Americans left Algeria` stops at `Americans`.
pub fn noun_phrase_after(tokens: &[Token], from: usize, plural: bool) -> Option<NounPhrase> {
    let mut k = skip_partitive(tokens, from);
    let mut taken: Vec<&Token> = Vec::new();
    let mut event = None;
    while let Some(token) = tokens.get(k) {
        if taken.len() == MAX_WORDS {
            break;
        }
        if is_quote(token) {
            k += 1;
            continue;
        }
        if !token.is_word || token.lower.ends_with("'s") {
            break;
        }
        if let Some((found, len)) = event_at(tokens, k) {
            if !taken.is_empty() || len > 1 {
                break;
            }
            event = Some(found);
            k += 1;
            continue;
        }
        let word = token.lower.as_str();
        let verb_like = !taken.is_empty() && (word.ends_with("ed") || word.ends_with("ing"));
        if token.is_any(&NOT_IN_PHRASE)
            || word.ends_with("ly")
            || verb_like
            || number_at(tokens, k).is_some()
            || word.bytes().any(|b| b.is_ascii_digit())
        {
            break;
        }
        taken.push(token);
        k += 1;
        if plural && looks_plural(word) && !heads_a_compound(word, tokens.get(k)) {
            break;
        }
    }
    let (head, modifiers) = taken.split_last()?;
    let mut words: Vec<String> = modifiers.iter().map(|t| t.lower.clone()).collect();
    words.push(singular(&head.lower));
    Some(NounPhrase { end: k, words, event })
}

/// Words between `of` and a partitive's total or noun: `14 of the 18`, `12 of them Americans`.
static PARTITIVE_DETERMINERS: LazyLock<Vec<&str>> =
    LazyLock::new(|| lexicon_list(LEXICON_COUNTED, "partitive_determiner"));

/// `14 of the 18 BP employees`, `two of its citizens`: the part counts what follows `of`.
fn skip_partitive(tokens: &[Token], from: usize) -> usize {
    if !tokens.get(from).is_some_and(|t| t.is("of")) {
        return from;
    }
    let mut k = from + 1;
    if tokens.get(k).is_some_and(|t| t.is_any(&PARTITIVE_DETERMINERS)) {
        k += 1;
    }
    match number_at(tokens, k) {
        Some(total) => total.end,
        None => k,
    }
}

/// Collective nouns that also modify a plural head: `crew members`, `police officers`.
static COLLECTIVE_MODIFIERS: LazyLock<Vec<&str>> =
    LazyLock::new(|| lexicon_list(LEXICON_COUNTED, "collective_modifier"));

/// Whether `word`, plural in form, is the first half of a compound whose plural head follows
/// (`seven crew members`): the phrase then ends at the head.
fn heads_a_compound(word: &str, next: Option<&Token>) -> bool {
    COLLECTIVE_MODIFIERS.contains(&word)
        && next
            .is_some_and(|n| n.is_word && !n.is_any(&NOT_IN_PHRASE) && n.lower.ends_with('s') && looks_plural(&n.lower))
}

fn is_quote(token: &Token) -> bool {
    matches!(token.text, "\"" | "“" | "”" | "'" | "‘" | "’")
}

fn looks_plural(word: &str) -> bool {
    PLURAL_WITHOUT_S.contains(&word) || word.ends_with("ese") || (word.ends_with('s') && singular(word) != word)
}

/// The singular of a plural noun, by the regular English rules and a few irregular forms.
pub fn singular(word: &str) -> String {
    match word {
        "people" => return "person".into(),
        "children" => return "child".into(),
        "police" | "personnel" | "staff" | "crew" | "aircraft" | "swiss" | "series" | "news" => return word.into(),
        _ => {}
    }
    if let Some(stem) = word.strip_suffix("men") {
        return format!("{stem}man");
    }
    if let Some(stem) = word.strip_suffix("ies").filter(|s| s.len() > 1) {
        return format!("{stem}y");
    }
    for ending in ["ches", "shes", "sses", "xes", "zes"] {
        if let Some(stem) = word.strip_suffix(ending) {
            return format!("{stem}{}", &ending[..ending.len() - 2]);
        }
    }
    // `crisis`, `analysis`, `bus`, `witness` are singular; `Israelis`, `Iraqis` are not.
    let singular_already = ["ss", "us", "sis", "xis", "tis"].iter().any(|ending| word.ends_with(ending));
    let regular = !word.contains('.') && !singular_already;
    if regular && word.ends_with('s') && word.len() > 2 {
        return word[..word.len() - 1].into();
    }
    word.into()
}

/// Classes of heads that count the same thing: `class: word …` lines (see `lexicon/README.md`).
const CLASSES: &str = include_str!("../lexicon/counted_classes.txt");

/// The class of a head, or of a two-word phrase (`crew member`), if the lexicon lists it.
fn class_entry(words: &str) -> Option<&'static str> {
    CLASSES.lines().filter(|l| !l.starts_with('#')).find_map(|line| {
        let (class, members) = line.split_once(':')?;
        members.split(',').any(|m| m.trim() == words).then_some(class.trim())
    })
}

/// Heads that say nothing beyond "people of that origin" once an origin is given.
static ROLE_NEUTRAL: LazyLock<Vec<&str>> = LazyLock::new(|| lexicon_list(LEXICON_COUNTED, "role_neutral"));

/// Modifiers that describe without restricting: `armed militants` are the militants.
static DESCRIPTIVE: LazyLock<Vec<&str>> = LazyLock::new(|| lexicon_list(LEXICON_COUNTED, "descriptive"));

/// Demonym nouns whose adjective differs from the noun.
static DEMONYM_NOUNS: LazyLock<Vec<(&str, &str)>> = LazyLock::new(|| lexicon_pairs(LEXICON_COUNTED, "demonym_noun"));

/// Demonym adjectives (and nouns equal to them) common in news.
static DEMONYMS: LazyLock<Vec<&str>> = LazyLock::new(|| lexicon_words(include_str!("../lexicon/demonyms.txt")));

/// An origin word (`american`, `foreign`), from an adjective or a demonym noun.
fn origin_of(word: &str) -> Option<&'static str> {
    let from_noun = DEMONYM_NOUNS.iter().find(|(noun, _)| *noun == word).map(|(_, adjective)| *adjective);
    from_noun.or_else(|| DEMONYMS.iter().copied().find(|d| *d == word))
}

fn class_of(head: &str) -> &str {
    class_entry(head).unwrap_or(head)
}

/// The grouping key of a normalised phrase (see the module documentation).
pub fn key(words: &[String]) -> String {
    let Some((head, mut modifiers)) = words.split_last() else { return String::new() };
    let mut head_class = class_of(head);
    if let Some((last, rest)) = modifiers.split_last() {
        if let Some(class) = class_entry(&format!("{last} {head}")) {
            (head_class, modifiers) = (class, rest);
        }
    }
    let mut origins: Vec<&str> = Vec::new();
    let mut kept: Vec<&str> = Vec::new();
    for modifier in modifiers {
        if let Some(origin) = origin_of(modifier) {
            origins.push(origin);
        } else if !DESCRIPTIVE.contains(&modifier.as_str()) && class_of(modifier) != head_class {
            kept.push(modifier);
        }
    }
    let head_origin = origin_of(head);
    let mut key: Vec<&str> = kept;
    key.extend(origins.iter().copied());
    match head_origin {
        Some(origin) => key.push(origin),
        None if !origins.is_empty() && ROLE_NEUTRAL.contains(&head_class) => {}
        None => key.push(head_class),
    }
    key.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn phrase(text: &str, plural: bool) -> Option<(String, Option<Event>)> {
        let tokens = tokenize(text);
        noun_phrase_after(&tokens, 0, plural).map(|p| (p.words.join(" "), p.event))
    }

    fn key_of(text: &str) -> String {
        let tokens = tokenize(text);
        noun_phrase_after(&tokens, 0, true).map(|p| key(&p.words)).unwrap_or_default()
    }

    #[test]
    fn phrases_end_where_the_noun_ends() {
        assert_eq!(phrase("Algerian workers and 107 foreigners", true), Some(("algerian worker".into(), None)));
        assert_eq!(phrase("freed Americans left Algeria", true), Some(("american".into(), Some(Event::Freed))));
        assert_eq!(phrase("\"terrorists\" were killed", true), Some(("terrorist".into(), None)));
        assert_eq!(phrase("British citizen has already been killed", false), Some(("british citizen".into(), None)));
        assert_eq!(phrase("of the 18 BP employees who", true), Some(("bp employee".into(), None)));
        assert_eq!(phrase("of its citizens were held", true), Some(("citizen".into(), None)));
        assert_eq!(phrase("Japanese unaccounted for", true), Some(("japanese".into(), None)));
        assert_eq!(phrase("hostages killed", true), Some(("hostage".into(), None)));
        assert_eq!(phrase("crew members have been arrested", true), Some(("crew member".into(), None)));
        assert_eq!(phrase("police officers", true), Some(("police officer".into(), None)));
        assert_eq!(phrase("crew were arrested", true), Some(("crew".into(), None)));
    }

    #[test]
    fn no_phrase_without_a_noun() {
        assert_eq!(phrase("are now safe", true), None);
        assert_eq!(phrase("last, bloody assault", false), None);
        assert_eq!(phrase("of the militants", true).map(|p| p.0), Some("militant".into()));
        assert_eq!(phrase("killed", true), None);
    }

    #[test]
    fn singulars() {
        for (plural, one) in [
            ("hostages", "hostage"),
            ("casualties", "casualty"),
            ("gunmen", "gunman"),
            ("people", "person"),
            ("employees", "employee"),
            ("hostage-takers", "hostage-taker"),
            ("witnesses", "witness"),
            ("Japanese", "Japanese"),
            ("police", "police"),
            ("israelis", "israeli"),
            ("crisis", "crisis"),
            ("bus", "bus"),
        ] {
            assert_eq!(singular(plural), one);
        }
    }

    #[test]
    fn synonyms_fold_and_subsets_stay_apart() {
        assert_eq!(key_of("terrorists"), "militant");
        assert_eq!(key_of("captors"), "militant");
        assert_eq!(key_of("Islamist militants"), "militant");
        assert_eq!(key_of("gunmen"), "militant");
        assert_eq!(key_of("captives"), "hostage");
        assert_eq!(key_of("people"), "person");
        assert_eq!(key_of("American hostages"), "american");
        assert_eq!(key_of("Americans"), "american");
        assert_eq!(key_of("Britons"), "british");
        assert_eq!(key_of("foreigners"), "foreign");
        assert_eq!(key_of("foreign workers"), "foreign");
        assert_eq!(key_of("Algerian workers"), "algerian");
        assert_eq!(key_of("BP employees"), "bp employee");
        assert_eq!(key_of("other hostages"), "other hostage");
        assert_eq!(key_of("civilians"), "civilian");
        assert_ne!(key_of("foreign hostages"), key_of("hostages"));
    }

    #[test]
    fn the_lexicon_folds_forces_and_crews() {
        assert_eq!(key_of("servicemen"), "soldier");
        assert_eq!(key_of("troops"), "soldier");
        assert_eq!(key_of("Russian servicemen"), key_of("Russian soldiers"));
        assert_eq!(key_of("sailors"), "crew");
        assert_eq!(key_of("submariners"), "crew");
        assert_eq!(key_of("crew members"), "crew");
        assert_eq!(key_of("members"), "member");
        assert_ne!(key_of("Russian soldiers"), key_of("soldiers"));
    }
}
