//! Which incident a count is about, read from the places its clause names.
//!
//! A cluster may tell several incidents of one kind: the embassy bombings in Nairobi and in
//! Dar es Salaam, the blasts in Argun and elsewhere in Chechnya. Their tolls share counted
//! thing and event, and the place that tells them apart is often far from the number (`the
//! bombing of the U.S. Embassy in Tanzania killed 11 people`). The places that matter are the
//! ones the cluster names right after a count (`11 of them in Tanzania`, `5,400 injured in
//! Kenya`: [`crate::place`]); other names join them as aliases when a clause says where they
//! lie (`Nairobi, Kenya`, `Nairobi in neighboring Kenya`, `the Kenyan capital Nairobi`). Each
//! count then gets the set of places its clause names: one place, several (a total, also for
//! `both` and `twin`), or none, when the incident cannot be told (see `crate::group`).

use crate::place::{is_never_a_place, Place};
use crate::token::{lexicon_list, Token};
use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

const LEXICON: &str = include_str!("../lexicon/incident.txt");

/// The words of list `kind` in `lexicon/incident.txt`.
fn list(kind: &str) -> Vec<&'static str> {
    lexicon_list(LEXICON, kind)
}

static CLAUSE_BREAKS: LazyLock<Vec<&str>> = LazyLock::new(|| list("clause_break"));
static SEVERAL: LazyLock<Vec<&str>> = LazyLock::new(|| list("several"));
static WITHIN: LazyLock<Vec<&str>> = LazyLock::new(|| list("within"));
static CAPITAL: LazyLock<Vec<&str>> = LazyLock::new(|| list("capital"));
static DEMONYM_ENDINGS: LazyLock<Vec<&str>> = LazyLock::new(|| list("demonym_ending"));

/// Words a place name may have (`Dar es Salaam`).
const NAME_WORDS: usize = 3;

/// How far a count's clause is read on each side, in tokens: a clause longer than that names
/// its places within it too, and the bound keeps a sentence of thousands of counts linear.
const CLAUSE_REACH: usize = 40;

/// The words of the clause around tokens `start..end` (a count), without the count's own
/// words, as written, at most [`CLAUSE_REACH`] tokens each side: what [`Gazetteer::regions`]
/// reads places from.
pub fn clause_around(tokens: &[Token], start: usize, end: usize) -> Vec<String> {
    let is_break = |t: &Token| t.is_any(&CLAUSE_BREAKS);
    let lowest = start.saturating_sub(CLAUSE_REACH);
    let from = tokens[lowest..start].iter().rposition(is_break).map_or(lowest, |b| lowest + b + 1);
    let highest = tokens.len().min(end + CLAUSE_REACH);
    let to = tokens[end..highest].iter().position(is_break).map_or(highest, |b| end + b);
    tokens[from..start].iter().chain(&tokens[end..to]).map(|t| t.text.to_string()).collect()
}

/// A place set of a count: the regions its clause names, and whether it says `both`.
pub type Regions = BTreeSet<usize>;

/// The places of a cluster that counts are limited to, each with its aliases.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// Lowercase name (words joined by one space) to place: an index into `names`.
    region_of: HashMap<String, usize>,
    /// The places named after a count, in order of first mention.
    names: Vec<String>,
    /// The place each place lies in (itself for a region's first place): `Nairobi, Kenya`
    /// joins two places named after counts into one region.
    within: Vec<usize>,
}

/// The region standing for `both`, `twin`: several places, not named.
const SEVERAL_PLACES: usize = usize::MAX;

impl Gazetteer {
    /// The places named right after the claims' counts, joined by the aliases their clauses
    /// give.
    pub fn of<'a>(places: impl Iterator<Item = &'a Place>, clauses: impl Iterator<Item = &'a [String]>) -> Gazetteer {
        let mut gazetteer = Gazetteer::default();
        for place in places {
            if let Place::Named(name) = place {
                if !gazetteer.region_of.contains_key(name) {
                    gazetteer.region_of.insert(name.clone(), gazetteer.names.len());
                    gazetteer.within.push(gazetteer.names.len());
                    gazetteer.names.push(name.clone());
                }
            }
        }
        if gazetteer.names.len() < 2 {
            return gazetteer;
        }
        for clause in clauses {
            gazetteer.learn_aliases(clause);
        }
        gazetteer
    }

    /// The name of a region, for display.
    pub fn name(&self, region: usize) -> &str {
        self.names.get(region).map_or("several places", String::as_str)
    }

    /// `A, B`, `A in (neighboring) B`, `B's capital A`, `the Bn capital A`, where B is known:
    /// A is in B's region.
    fn learn_aliases(&mut self, clause: &[String]) {
        for at in 0..clause.len() {
            let Some((region, end)) = self.known_at(clause, at) else { continue };
            // Only a place named after a count joins another such place into one region: an
            // alias (`Thursday` in `the Kenyan capital Thursday`) joins nothing.
            let written = clause[at..end].join(" ").to_lowercase();
            let direct = self.names.contains(&written);
            // A before B: `Nairobi, Kenya`; `Nairobi in neighboring Kenya` only when both are
            // places named after counts (`the U.S. Embassy in neighboring Kenya` names no place).
            let lower = |k: usize| clause[k].to_lowercase();
            let comma = at >= 1 && clause[at - 1] == ",";
            let neighboring = at >= 2 && lower(at - 2) == "in" && WITHIN.contains(&lower(at - 1).as_str());
            let before = if comma { at - 1 } else { at.saturating_sub(2) };
            if let Some(name) = (comma || neighboring).then(|| capitalised_run_ending(clause, before)).flatten() {
                if comma || self.names.contains(&name) {
                    self.alias(name, region, direct);
                }
            }
            // A after B: `Tanzania's commercial capital Dar es Salaam`.
            let capital =
                (end..clause.len().min(end + 3)).find(|&k| CAPITAL.contains(&clause[k].to_lowercase().as_str()));
            if let Some(name) = capital.and_then(|k| capitalised_run_starting(clause, k + 1)) {
                self.alias(name, region, direct);
            }
        }
    }

    fn alias(&mut self, name: String, region: usize, direct: bool) {
        match self.region_of.get(&name) {
            Some(&place) if direct && self.names[place] == name => {
                let (a, b) = (self.region(place), self.region(region));
                // The earlier-named place stands for the region.
                self.within[a.max(b)] = a.min(b);
            }
            Some(_) => {}
            None if name.split(' ').any(is_never_a_place) => {}
            None => {
                self.region_of.insert(name, region);
            }
        }
    }

    /// The region place `place` lies in.
    fn region(&self, mut place: usize) -> usize {
        while self.within[place] != place {
            place = self.within[place];
        }
        place
    }

    /// The region of the known name (or its demonym: `Kenyan`, `Tanzanian`, `Tanzania's`) starting
    /// at word `at`, and the word after it.
    fn known_at(&self, clause: &[String], at: usize) -> Option<(usize, usize)> {
        for words in (1..=NAME_WORDS).rev() {
            let Some(name) = clause.get(at..at + words) else { continue };
            let name = name.join(" ").to_lowercase();
            let bare = name.trim_end_matches("'s");
            if let Some(&place) = self.region_of.get(bare) {
                return Some((self.region(place), at + words));
            }
            if words == 1 {
                let ending = |n: &String| bare.strip_prefix(n.as_str()).is_some_and(|e| DEMONYM_ENDINGS.contains(&e));
                let place = self.names.iter().position(ending);
                if let Some(place) = place {
                    return Some((self.region(place), at + 1));
                }
            }
        }
        None
    }

    /// The regions the clause names (empty when it names none).
    pub fn regions(&self, clause: &[String]) -> Regions {
        let mut regions = Regions::new();
        if self.names.len() < 2 {
            return regions;
        }
        let mut at = 0;
        while at < clause.len() {
            if SEVERAL.contains(&clause[at].to_lowercase().as_str()) {
                regions.insert(SEVERAL_PLACES);
            }
            match self.known_at(clause, at) {
                Some((region, end)) => {
                    regions.insert(region);
                    at = end;
                }
                None => at += 1,
            }
        }
        regions
    }
}

/// The lowercase capitalised run (at most [`NAME_WORDS`] words) that ends before word `end`.
fn capitalised_run_ending(clause: &[String], end: usize) -> Option<String> {
    let start = (end.saturating_sub(NAME_WORDS)..end).find(|&k| clause[k..end].iter().all(|w| is_name_word(w)))?;
    (clause[start].chars().next().is_some_and(char::is_uppercase)).then(|| clause[start..end].join(" ").to_lowercase())
}

/// The lowercase capitalised run (at most [`NAME_WORDS`] words) that starts at word `start`.
fn capitalised_run_starting(clause: &[String], start: usize) -> Option<String> {
    let len = clause.get(start..)?.iter().take(NAME_WORDS).take_while(|w| is_name_word(w)).count();
    (len > 0 && clause[start].chars().next().is_some_and(char::is_uppercase))
        .then(|| clause[start..start + len].join(" ").to_lowercase())
}

/// A word of a place name: capitalised, or a particle of one (`Dar es Salaam`).
fn is_name_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) || ["es", "de", "al", "el"].contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn words(text: &str) -> Vec<String> {
        tokenize(text).iter().map(|t| t.text.to_string()).collect()
    }

    fn gazetteer(places: &[&str], sentences: &[&str]) -> Gazetteer {
        let places: Vec<Place> = places.iter().map(|p| Place::Named(p.to_string())).collect();
        let clauses: Vec<Vec<String>> = sentences.iter().map(|s| words(s)).collect();
        Gazetteer::of(places.iter(), clauses.iter().map(Vec::as_slice))
    }

    fn named(g: &Gazetteer, text: &str) -> Vec<String> {
        g.regions(&words(text)).into_iter().map(|r| g.name(r).to_string()).collect()
    }

    #[test]
    fn a_clause_ends_at_while_but_not_at_a_comma() {
        let tokens = tokenize("The U.S. bombing killed 10 people, while a bombing in Kenya killed 224.");
        let ten = tokens.iter().position(|t| t.text == "10").unwrap();
        let clause = clause_around(&tokens, ten, ten + 2);
        assert_eq!(clause, ["The", "U.S", ".", "bombing", "killed", ","]);
    }

    #[test]
    fn aliases_join_the_place_they_lie_in() {
        let g = gazetteer(
            &["kenya", "tanzania", "nairobi"],
            &["the U.S. Embassy in Nairobi, Kenya", "Tanzania's commercial capital Dar es Salaam"],
        );
        assert_eq!(named(&g, "the U.S. Embassy in Nairobi killed 247 people"), ["kenya"]);
        assert_eq!(named(&g, "the Kenyan capital, Nairobi"), ["kenya"]);
        let days = gazetteer(&["kenya", "tanzania"], &["the Kenyan capital Thursday", "in Tanzania, Thursday"]);
        assert_eq!(named(&days, "in Tanzania on Thursday"), ["tanzania"]);
        let embassy = gazetteer(&["kenya", "tanzania"], &["the U.S. Embassy in neighboring Kenya"]);
        assert_eq!(named(&embassy, "the U.S. Embassy in Tanzania"), ["tanzania"]);
        assert_eq!(named(&g, "the bombing in Dar es Salaam killed 11"), ["tanzania"]);
        assert_eq!(named(&g, "The Tanzanian embassy bombing killed 10 people"), ["tanzania"]);
        assert_eq!(named(&g, "embassies in Kenya and Tanzania killed 257"), ["kenya", "tanzania"]);
        assert_eq!(named(&g, "the toll for both bombings rose to 259"), ["several places"]);
        assert!(named(&g, "the blast killed 247 people").is_empty());
        assert_eq!(
            named(
                &gazetteer(&["kenya", "tanzania"], &["the Embassy in Kenya", "the Embassy in Tanzania"]),
                "the Embassy in Kenya"
            ),
            ["kenya"]
        );
    }

    #[test]
    fn one_place_named_is_the_story_own() {
        let g = gazetteer(&["algeria"], &["the gas plant in In Amenas, Algeria"]);
        assert!(named(&g, "killed 37 in Algeria").is_empty());
    }
}
