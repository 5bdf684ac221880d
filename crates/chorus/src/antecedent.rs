//! Sentences whose subject leans on something said before them (`He said…`, `The man was…`).
//! A brief quotes sentences out of their reports, so the sentence that said who `he` is may not be
//! in it. Each such sentence keeps its subject only when the brief gives the antecedent just
//! before it; a `he` or `she` is otherwise replaced by the name its report gives, cited by its
//! bytes; a sentence with no safe rewrite is left out.

use crate::order::leaning_opening;
use chorus_core::Corpus;
use chorus_segment::Tokenizer;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// How many sentences before a pronoun its report's name for the person is looked for in: the
/// nearest ones, since a report names a person again when it has been a while.
const WINDOW: usize = 3;

/// How the brief prints a chosen sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Reading {
    /// As its report has it: its subject leans on nothing, or the brief says what it leans on
    /// just before it.
    AsIs,
    /// With its pronoun subject replaced by the person's name the report gives.
    Named(Name),
    /// Left out: it leans on what the brief does not say, and no rewrite is safe.
    Dropped,
}

/// A person's name in a report, to print in place of a pronoun subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Name {
    /// The name as the report writes it (`John Smith`).
    pub text: String,
    /// Where it sits in the report's cleaned text.
    pub clean: Range<usize>,
    /// Where its last word, the surname, sits in the report's cleaned text: what the brief prints
    /// when the full name would not fit the budget.
    pub surname: Range<usize>,
    /// The bytes of the pronoun it replaces at the start of the printed sentence (`He`).
    pub pronoun: usize,
    /// Those bytes and the spaces after them: the name and one space take their place.
    pub replaces: usize,
}

impl Name {
    /// The name cut to its surname (`Smith`).
    pub fn surname_only(self) -> Name {
        let text = self.text[self.text.len() - self.surname.len()..].to_owned();
        Name { text, clean: self.surname.clone(), ..self }
    }
}

/// What a leaning subject needs to be read.
enum Subject {
    /// `he` (`female` false) or `she` (true): a person the report names.
    Person { female: bool },
    /// `they`, `his`, `her`, `their`, or a pronoun after a connective (`But he`): someone no
    /// name safely replaces.
    Pronoun,
    /// `The man`: a definite description naming its head noun.
    Description(&'static str),
    /// A quotation with no speaker outside it (`"We will win."`, or the end of a quotation begun
    /// in the sentence before), or a first person outside quotation marks (`I think…`): words
    /// whose speaker the brief does not give.
    Speaker,
}

/// Pronouns that stand for someone or something named before (`Which is a good thing for…`).
const PRONOUNS: [&str; 7] = ["he", "she", "they", "his", "her", "their", "which"];

/// Whether a sentence leans on an earlier one in a way the brief must answer for: a pronoun or
/// definite description subject, or words with no speaker. Such a sentence does not open a
/// brief (`order`).
pub(crate) fn leans_back(printed: &str) -> bool {
    subject(printed).is_some()
}

/// Words that say the writer of a report is speaking.
const FIRST_PERSON: [&str; 4] = ["i", "we", "my", "our"];

/// Whether a sentence could be left out or renamed, whatever stands before it in the brief:
/// only a sentence with a leaning subject can (see [`reading`]).
pub(crate) fn may_lean(printed: &str) -> bool {
    subject(printed).is_some()
}

/// The subject of a printed sentence, when it leans back: a personal pronoun or a definite
/// description of `data/leaning_openings.txt` as its first word, or after a connective of that
/// list (`But he`); or words with no speaker.
fn subject(printed: &str) -> Option<Subject> {
    // A sentence that opens by closing a quotation began inside one.
    if unspoken(printed) || ["''", "\u{201d}"].iter().any(|mark| printed.starts_with(mark)) {
        return Some(Subject::Speaker);
    }
    if spoken_by_pronoun(printed) {
        return Some(Subject::Pronoun);
    }
    // A list item's dash does not change what its words lean on.
    let text = printed.trim_start_matches(['-', '_', ' ']);
    if !text.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    let mut words = text.split_whitespace().map(|w| {
        let end = w.find(|c: char| !c.is_alphabetic()).unwrap_or(w.len());
        w[..end].to_lowercase()
    });
    let first = words.next()?;
    let quoted = ["``", "''", "\"", "\u{201c}", "\u{201d}"].iter().any(|mark| text.contains(mark));
    if FIRST_PERSON.contains(&first.as_str()) && !quoted {
        return Some(Subject::Speaker);
    }
    // `He's` is `he` too, though no name replaces it (`pronoun_len`).
    match (first.as_str(), leaning_opening(text)) {
        ("he", _) => Some(Subject::Person { female: false }),
        ("she", _) => Some(Subject::Person { female: true }),
        (word, _) if PRONOUNS.contains(&word) => Some(Subject::Pronoun),
        (_, Some(["the", head])) => Some(Subject::Description(head)),
        (_, Some([_])) => words.next().filter(|second| PRONOUNS.contains(&second.as_str())).map(|_| Subject::Pronoun),
        _ => None,
    }
}

/// Whether a quotation's speaker is a pronoun: `` ``We won,'' she said. ``.
fn spoken_by_pronoun(text: &str) -> bool {
    let closing = ["''", "\u{201d}", ",\"", ", \"", ".\"", "?\"", "!\""];
    closing.iter().any(|mark| {
        text.match_indices(mark).any(|(at, mark)| {
            let mut words = text[at + mark.len()..].split_whitespace().map(|w| w.trim_end_matches([',', '.']));
            let (who, verb) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
            ["he", "she", "they"].contains(&who) && lists().speech.contains(&verb)
        })
    })
}

/// Whether a sentence is all quotation, with no word outside its quotation marks to say who
/// speaks: `` ``You lose that.'' ``, or `…the same.''` ending a quotation an earlier sentence
/// began.
fn unspoken(text: &str) -> bool {
    let marks = ["``", "''", "\"", "\u{201c}", "\u{201d}"];
    // A mark after a digit is a unit (`5h 34' 28"`), not a quotation mark.
    let mark_at = |at: usize| {
        let after_digit = text[..at].ends_with(|c: char| c.is_ascii_digit());
        marks.iter().find(|m| !after_digit && text[at..].starts_with(**m)).copied()
    };
    let first_mark = (0..text.len()).filter(|&at| text.is_char_boundary(at)).find_map(|at| Some((at, mark_at(at)?)));
    let Some((first, mark)) = first_mark else {
        return false;
    };
    // A closing mark first: the sentence opened inside a quotation.
    let closes = |at: usize, mark: &str| {
        matches!(mark, "''" | "\u{201d}")
            || (mark == "\"" && text[..at].ends_with(|c: char| !c.is_whitespace()) && at > 0)
    };
    let mut inside = closes(first, mark);
    let mut outside_word = false;
    let mut at = 0;
    while at < text.len() {
        if let Some(mark) = mark_at(at) {
            inside = match mark {
                "``" | "\u{201c}" => true,
                "''" | "\u{201d}" => false,
                _ => !inside,
            };
            at += mark.len();
            continue;
        }
        let c = text[at..].chars().next().unwrap_or(' ');
        outside_word |= !inside && c.is_alphanumeric();
        at += c.len_utf8();
    }
    !outside_word
}

/// The bytes a pronoun subject takes at the start of `printed` (`He`), and with the spaces after
/// it, when what follows reads after a name: a space, then a word (`He said`, not `He, 45, said`
/// or `He's`).
fn pronoun_len(printed: &str) -> Option<(usize, usize)> {
    let len = printed.find(|c: char| !c.is_alphabetic())?;
    let rest = &printed[len..];
    let after = rest.trim_start();
    let spaced = printed.len() - after.len();
    (spaced > len && after.starts_with(|c: char| c.is_alphanumeric())).then_some((len, spaced))
}

/// How the brief prints sentence `index` of `whole` (`printed` is its text as the brief prints
/// it), given the brief sentence just before it (its index and printed text) and every earlier
/// one's printed text.
pub(crate) fn reading(
    whole: &Corpus,
    index: usize,
    printed: &str,
    previous: Option<(usize, &str)>,
    earlier: &[&str],
) -> Reading {
    let Some(subject) = subject(printed) else {
        return Reading::AsIs;
    };
    if previous.is_some_and(|(before, _)| precedes(whole, before, index)) {
        return Reading::AsIs;
    }
    match subject {
        Subject::Description(head) if earlier.iter().any(|text| has_word(text, head)) => Reading::AsIs,
        Subject::Description(_) | Subject::Pronoun | Subject::Speaker => Reading::Dropped,
        Subject::Person { female } => match (person_before(whole, index, female), pronoun_len(printed)) {
            (Some(name), Some((pronoun, replaces))) => {
                let surname = &name.text[name.text.len() - name.surname.len()..];
                if previous.is_some_and(|(_, text)| has_word(text, surname)) {
                    Reading::AsIs
                } else {
                    Reading::Named(Name { pronoun, replaces, ..name })
                }
            }
            _ => Reading::Dropped,
        },
    }
}

/// Whether sentence `before` is the one its report has just before sentence `index` (only
/// sentences no brief may choose, such as captions, between them).
fn precedes(whole: &Corpus, before: usize, index: usize) -> bool {
    let doc = whole.sentences[index].doc;
    before < index
        && whole.sentences[before..index].iter().all(|s| s.doc == doc)
        && whole.sentences[before + 1..index].iter().all(|s| !s.is_eligible())
}

/// Whether `text` has a word starting with `word` (`suspects` for `suspect`), in any case.
fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.len() >= word.len() && w.is_char_boundary(word.len()) && w[..word.len()].eq_ignore_ascii_case(word))
}

/// The person a `he` or `she` opening sentence `index` refers to: the nearest person named in
/// the [`WINDOW`] sentences before it in its report, of the pronoun's sex when a title says it.
fn person_before(whole: &Corpus, index: usize, female: bool) -> Option<Name> {
    let doc = whole.sentences[index].doc;
    let tokenizer = Tokenizer::new();
    let first = index.saturating_sub(WINDOW);
    for at in (first..index).rev().filter(|&at| whole.sentences[at].doc == doc) {
        let sentence = &whole.sentences[at];
        for person in people(&sentence.text, &tokenizer).into_iter().rev() {
            if person.female.is_some_and(|f| f != female) {
                continue;
            }
            let found = if person.words.len() >= 2 {
                Some((at, person.words))
            } else {
                full_name(whole, at, &sentence.text[person.words[0].clone()], &tokenizer)
            };
            if let Some((at, words)) = found {
                let (text, start) = (&whole.sentences[at].text, whole.sentences[at].clean.start);
                let (first, last) = (&words[0], &words[words.len() - 1]);
                return Some(Name {
                    text: text[first.start..last.end].to_owned(),
                    clean: start + first.start..start + last.end,
                    surname: start + last.start..start + last.end,
                    pronoun: 0,
                    replaces: 0,
                });
            }
        }
    }
    None
}

/// The full name a report gave before sentence `upto` (inclusive) to the person it now calls by
/// `surname` alone: the latest one of two or more words ending with it.
fn full_name(whole: &Corpus, upto: usize, surname: &str, tokenizer: &Tokenizer) -> Option<(usize, Vec<Range<usize>>)> {
    let doc = whole.sentences[upto].doc;
    (0..=upto).rev().take_while(|&at| whole.sentences[at].doc == doc).find_map(|at| {
        let text = &whole.sentences[at].text;
        let runs = capitalized_runs(text, tokenizer);
        runs.iter().rev().map(|run| after_title(text, &run.words).1).find_map(|words| {
            let fits = (2..=4).contains(&words.len()) && text[words[words.len() - 1].clone()] == *surname;
            let blocked = words.iter().any(|w| lists().blockers.contains(&text[w.clone()].to_lowercase().as_str()));
            (fits && !blocked).then(|| (at, words.to_vec()))
        })
    })
}

/// A mention of a person in a sentence.
struct Person {
    /// The byte ranges of the words of its name (one when only the surname is given).
    words: Vec<Range<usize>>,
    /// Whether a title says the person is a woman (`Mrs.`) or a man (`Mr.`).
    female: Option<bool>,
}

/// The people a sentence names, in order. A run of capitalized words names a person when a title
/// stands before it (`President`, `spokesman`: `data/person_titles.txt`), or when a speech verb
/// (`said`: `data/speech_verbs.txt`), `, who` or an age (`, 45,`) follows it; never when `the`
/// stands before it or one of its words names a place, a body or a time
/// (`data/name_blockers.txt`). A name has at most four words.
fn people(text: &str, tokenizer: &Tokenizer) -> Vec<Person> {
    let words = lists();
    let tokens = tokens(text);
    let mut people = Vec::new();
    for run in capitalized_runs(text, tokenizer) {
        let (titled, name) = after_title(text, &run.words);
        let name = name.to_vec();
        let before = run.first.checked_sub(1).map(|t| &tokens[t]);
        let title = titled.map(|t| run.words[t].clone()).or_else(|| {
            before
                .filter(|b| words.titles.contains_key(title_key(&text[b.core.clone()]).as_str()))
                .map(|b| b.core.clone())
        });
        let after = tokens.get(run.first + run.words.len());
        let spoken = after.is_some_and(|a| words.speech.contains(&text[a.core.clone()].to_lowercase().as_str()));
        let comma = run.words.last().is_some_and(|w| text[w.end..].starts_with(','));
        let who = comma && after.is_some_and(|a| &text[a.core.clone()] == "who");
        let aged = comma
            && after.is_some_and(|a| a.core.len() <= 3 && text[a.core.clone()].bytes().all(|b| b.is_ascii_digit()));
        let the = titled.is_none() && before.is_some_and(|b| text[b.core.clone()].eq_ignore_ascii_case("the"));
        let blocked = name.iter().any(|w| words.blockers.contains(&text[w.clone()].to_lowercase().as_str()));
        if name.is_empty() || name.len() > 4 || the || blocked || !(title.is_some() || spoken || who || aged) {
            continue;
        }
        let female = title.and_then(|t| words.titles[title_key(&text[t]).as_str()]);
        people.push(Person { words: name, female });
    }
    people
}

/// The index of the last title in a run of words, and the words after it: the name
/// (`Prime Minister David Cameron`).
fn after_title<'w>(text: &str, words: &'w [Range<usize>]) -> (Option<usize>, &'w [Range<usize>]) {
    let titled = words.iter().rposition(|w| lists().titles.contains_key(title_key(&text[w.clone()]).as_str()));
    (titled, &words[titled.map_or(0, |t| t + 1)..])
}

/// A word as the title list writes it: lowercase, without its final period.
fn title_key(word: &str) -> String {
    word.trim_end_matches('.').to_lowercase()
}

/// A whitespace-separated token of a sentence.
struct Token {
    /// The token without the punctuation around it and without a possessive `'s`.
    core: Range<usize>,
    /// Whether anything follows its core (a comma, a possessive): the next token starts a new
    /// phrase.
    closed: bool,
}

/// The tokens of a sentence.
fn tokens(text: &str) -> Vec<Token> {
    let base = text.as_ptr() as usize;
    text.split_whitespace()
        .filter_map(|raw| {
            let start = raw.as_ptr() as usize - base;
            let word = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
            let lead = raw.len() - word.len();
            let mut core = word.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
            // A title (`Mr.`) and an initial (`J.`) keep their period; a sentence's last word does not.
            let stem = core.trim_end_matches('.');
            if !(lists().titles.contains_key(stem.to_lowercase().as_str()) || stem.chars().count() == 1) {
                core = stem;
            }
            let possessive = core.strip_suffix("'s").or_else(|| core.strip_suffix("\u{2019}s"));
            let core = possessive.unwrap_or(core);
            (!core.is_empty())
                .then(|| Token { core: start + lead..start + lead + core.len(), closed: lead + core.len() < raw.len() })
        })
        .collect()
}

/// A run of consecutive capitalized tokens that are not stopwords (`In`, `The`), within one
/// phrase.
struct Run {
    /// Index of its first token.
    first: usize,
    /// Each word's byte range.
    words: Vec<Range<usize>>,
}

/// The runs of capitalized words of a sentence, in order.
fn capitalized_runs(text: &str, tokenizer: &Tokenizer) -> Vec<Run> {
    let tokens = tokens(text);
    let mut runs: Vec<Run> = Vec::new();
    let mut open = false;
    for (i, token) in tokens.iter().enumerate() {
        let word = &text[token.core.clone()];
        let capitalized = word.starts_with(|c: char| c.is_uppercase())
            && (word.chars().any(char::is_lowercase) || (word.len() == 2 && word.ends_with('.')));
        let name_word = capitalized
            && !word.contains(|c: char| c.is_ascii_digit())
            && tokenizer.content_term(&word.trim_end_matches('.').to_lowercase()).is_some();
        if !name_word {
            open = false;
            continue;
        }
        match runs.last_mut() {
            Some(run) if open => run.words.push(token.core.clone()),
            _ => runs.push(Run { first: i, words: vec![token.core.clone()] }),
        }
        open = !token.closed;
    }
    runs
}

/// The word lists of person names.
struct Lists {
    /// Titles, with the sex each says (`mr` → man, `president` → either).
    titles: HashMap<&'static str, Option<bool>>,
    /// Speech verbs.
    speech: Vec<&'static str>,
    /// Words no person's name has.
    blockers: Vec<&'static str>,
}

/// The lists of `data/`, read once.
fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
        text.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#'))
    }
    LISTS.get_or_init(|| Lists {
        titles: entries(include_str!("../data/person_titles.txt"))
            .filter_map(|line| {
                let (title, sex) = line.split_once(' ')?;
                Some((
                    title,
                    match sex.trim() {
                        "f" => Some(true),
                        "m" => Some(false),
                        _ => None,
                    },
                ))
            })
            .collect(),
        speech: entries(include_str!("../data/speech_verbs.txt")).collect(),
        blockers: entries(include_str!("../data/name_blockers.txt")).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names of the people a sentence names, with their sex when a title says it.
    fn named(text: &str) -> Vec<(String, Option<bool>)> {
        people(text, &Tokenizer::new())
            .into_iter()
            .map(|p| {
                let (first, last) = (&p.words[0], &p.words[p.words.len() - 1]);
                (text[first.start..last.end].to_owned(), p.female)
            })
            .collect()
    }

    #[test]
    fn a_person_is_a_titled_or_speaking_run_of_capitalized_words() {
        assert_eq!(named("British Prime Minister David Cameron spoke."), [("David Cameron".into(), None)]);
        assert_eq!(named("\"It is over,\" Mrs. Jane Doe said."), [("Jane Doe".into(), Some(true))]);
        assert_eq!(named("The plant's owner, spokesman Tor Hansen, declined."), [("Tor Hansen".into(), Some(false))]);
        assert_eq!(named("In Algiers, John Smith, 45, was held."), [("John Smith".into(), None)]);
        assert_eq!(named("Mr. Smith's car was found."), [("Smith".into(), Some(false))]);
        for text in [
            "The White House said nothing.",
            "Algerian Defense Ministry officials said 20 died.",
            "In Amenas is a gas field.",
            "New York is far from Pine Ridge.",
            "dan brown said so.",
        ] {
            assert_eq!(named(text), [], "{text}");
        }
    }

    #[test]
    fn leaning_subjects() {
        assert!(matches!(subject("He said so."), Some(Subject::Person { female: false })));
        assert!(matches!(subject("She left."), Some(Subject::Person { female: true })));
        assert!(matches!(subject("He's gone."), Some(Subject::Person { female: false })));
        assert_eq!(pronoun_len("He's gone."), None, "no name replaces a contraction's pronoun");
        assert!(matches!(subject("They fled."), Some(Subject::Pronoun)));
        assert!(matches!(subject("But he's not sure."), Some(Subject::Pronoun)));
        assert!(matches!(subject("- His wife left."), Some(Subject::Pronoun)));
        assert!(matches!(subject("I can't say."), Some(Subject::Speaker)));
        assert!(matches!(subject("``We won,'' she said."), Some(Subject::Pronoun)));
        assert!(matches!(subject("\"we won, \" they said, \"again.\""), Some(Subject::Pronoun)));
        assert!(matches!(subject("Which is a good thing."), Some(Subject::Pronoun)));
        assert!(subject("``We won,'' Smith said.").is_none());
        assert!(subject("We are at a turning point,'' Ivers said.").is_none(), "a speaker is given");
        assert!(matches!(subject("'' he said, ``but I"), Some(Subject::Speaker)));
        assert!(subject("Still, the army held.").is_none());
        assert!(matches!(subject("The suspect fled."), Some(Subject::Description("suspect"))));
        assert!(subject("\"He is gone,\" Smith said.").is_none(), "a quotation's pronoun is the speaker's");
        assert!(matches!(subject("He is gone.''"), Some(Subject::Speaker)), "the end of a quotation");
        assert!(subject("Hezbollah fired rockets.").is_none());
        assert_eq!(pronoun_len("He  said so."), Some((2, 4)));
        assert_eq!(pronoun_len("He, 45, said so."), None);
        for text in ["``You lose that if home schooled.''", "\"We will win.\"", "But now it is my school.''"] {
            assert!(unspoken(text), "{text}");
        }
        for text in [
            "``You lose that,'' he said.",
            "It's a rumor,'' said the official.",
            "Brown's \" the lost symbol \" broke records.",
            "The army held.",
            "\"We will win,\" Smith said.",
            "He won stage 15 in a time of 5h 34' 28\".",
        ] {
            assert!(!unspoken(text), "{text}");
        }
        assert!(has_word("Two suspects were held.", "suspect") && !has_word("A man fled.", "suspect"));
    }
}
