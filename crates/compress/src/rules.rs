//! The rules: each finds the byte ranges of a sentence it would drop. A rule's drop is kept only
//! when the sentence still reads as one (`reads_as_sentence`), so the rules can stay simple.

use crate::lexicon::{lexicon, Lexicon};
use crate::token::Token;
use std::ops::Range;

/// A rule: the byte ranges of a sentence (given with its tokens) it would drop, each on its own.
pub(crate) type Rule = fn(&str, &[Token]) -> Vec<Range<usize>>;

/// The rules, in the order they are tried.
pub(crate) const RULES: [Rule; 6] = [page_label, dateline, parentheticals, times, attribution, ages];

/// `Advertisement the vermont senator pointed to…`: a scraped page's label glued to the front of
/// the sentence after it, not part of the report.
fn page_label(_: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    match tokens {
        [label, _, _, ..] if label.word && lexicon().page_labels.contains(label.lower.as_str()) => {
            std::iter::once(0..label.range.end).collect()
        }
        _ => vec![],
    }
}

/// `PINE RIDGE, S.D. (AP) --`, `WASHINGTON —` or `( reuters ) -` before the sentence proper: where
/// the report was filed, not what happened.
fn dateline(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let lex = lexicon();
    if let Some(close) = agency_at_start(lex, tokens) {
        // `( associated press ) pedro quezada…`: the agency alone, without a place or a dash.
        let end = tokens.get(close + 1).filter(|t| t.is("—") || t.is("-")).map_or(close, |_| close + 1);
        return std::iter::once(0..tokens[end].range.end).collect();
    }
    let Some(dash) = tokens.iter().take(16).position(|t| t.is("—") || t.is("_") || t.is("-")) else {
        return vec![];
    };
    let double = tokens.get(dash + 1).is_some_and(|next| next.is("-") && next.range.start == tokens[dash].range.end);
    let head = &tokens[..dash];
    // An agency in brackets: `(AP)`, `( associated press )`.
    let agency = head.iter().rposition(|t| t.is("(")).is_some_and(|open| {
        let inside: Vec<&str> = head[open + 1..].iter().take_while(|t| !t.is(")")).map(|t| t.lower.as_str()).collect();
        head.last().is_some_and(|t| t.is(")")) && lex.agencies.contains(inside.join("_").as_str())
    });
    let shouting = |t: &Token| !text[t.range.clone()].chars().any(char::is_lowercase);
    let words: Vec<&Token> = head.iter().filter(|t| t.word).collect();
    let place =
        words.first().is_some_and(|t| shouting(t) && t.lower.chars().filter(|c| c.is_alphabetic()).count() >= 2);
    let filed = agency || (place && words.iter().all(|t| shouting(t)));
    if words.is_empty() || !filed || (tokens[dash].is("-") && !double && !agency) {
        return vec![];
    }
    let end = if double { dash + 1 } else { dash };
    std::iter::once(0..tokens[end].range.end).collect()
}

/// The index of the `)` closing an agency's name in brackets that opens the sentence.
fn agency_at_start(lex: &Lexicon, tokens: &[Token]) -> Option<usize> {
    if !tokens.first()?.is("(") {
        return None;
    }
    let close = tokens.iter().take(6).position(|t| t.is(")"))?;
    let inside: Vec<&str> = tokens[1..close].iter().map(|t| t.lower.as_str()).collect();
    lex.agencies.contains(inside.join("_").as_str()).then_some(close)
}

/// `(…)` inside a sentence, up to 15 tokens: an aside the sentence reads without.
fn parentheticals(_: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut drops = Vec::new();
    for (open, t) in tokens.iter().enumerate().skip(1) {
        if !t.is("(") || t.quoted {
            continue;
        }
        let close = tokens[open + 1..].iter().take(16).position(|t| t.is(")") || t.is("("));
        if let Some(close) = close.map(|c| open + 1 + c).filter(|&c| tokens[c].is(")") && c > open + 1) {
            drops.push(t.range.start..tokens[close].range.end);
        }
    }
    drops
}

/// Day names and times (`said Monday`, `on Friday`, `As of mid-morning Monday,`, `last night`):
/// a brief is read after the fact and dated by its reports. A day that carries meaning is kept:
/// after `until`, `since`, `the`…, before `and` or a date, in a name (`Black Friday`), quoted.
fn times(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let lex = lexicon();
    let mut drops = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if !t.word || t.quoted {
            continue;
        }
        if !lex.days.contains(t.lower.as_str()) {
            // A part of the day is a time of its own only after these (`last night`); after a
            // day (`Monday night`) it is found with the day.
            let after = i > 0 && matches!(tokens[i - 1].lower.as_str(), "this" | "last" | "late" | "early");
            if !(after && lex.day_parts.contains(t.lower.as_str())) {
                continue;
            }
        }
        let mut end = i + 1;
        while end < tokens.len() && tokens[end].word && lex.day_parts.contains(tokens[end].lower.as_str()) {
            end += 1;
        }
        if tokens.get(end).is_some_and(|next| kept_before(lex, text, tokens, end, next)) {
            continue;
        }
        let start = extend_left(lex, tokens, i);
        let next = tokens.get(end);
        match start.checked_sub(1).map(|p| &tokens[p]) {
            None => match next {
                Some(comma) if comma.is(",") => drops.push(0..comma.range.end),
                Some(next) if start < i && next.word => drops.push(0..next.range.start),
                _ => {}
            },
            Some(prev) if prev.is(",") => match next {
                // `The army, on Monday, stormed`: both commas go with the time.
                Some(comma) if comma.is(",") => drops.push(prev.range.start..comma.range.end),
                Some(stop) if stop.is(".") && end + 1 == tokens.len() => {
                    drops.push(prev.range.start..tokens[end - 1].range.end)
                }
                _ => {}
            },
            Some(prev) if !prev.word || prev.quoted => {}
            Some(prev) if lex.kept_after.contains(prev.lower.as_str()) => {}
            // `Black Friday`, `Bloody Sunday`: a capitalized word before a day makes a name.
            Some(prev) if start == i && prev.capitalized(text) && lex.days.contains(t.lower.as_str()) => {}
            Some(_) => drops.push(tokens[start].range.start..tokens[end - 1].range.end),
        }
    }
    drops
}

/// Whether the token after a time makes it part of something longer: `Monday and Tuesday`,
/// `Monday to Friday`, `Monday, Jan. 14`, `said Monday Night Football` (a capitalized word after
/// a day that no `on` or `late` leads in). `Monday's` is one word, never a day.
fn kept_before(lex: &Lexicon, text: &str, tokens: &[Token], at: usize, next: &Token) -> bool {
    let dated = |t: Option<&Token>| {
        t.is_some_and(|t| lex.months.contains(t.lower.as_str()) || t.lower.starts_with(|c: char| c.is_ascii_digit()))
    };
    let range = matches!(next.lower.as_str(), "to" | "through" | "until" | "till" | "-" | "–" | "—");
    let day_after = tokens.get(at + 1).is_some_and(|t| lex.days.contains(t.lower.as_str()));
    lex.kept_before.contains(next.lower.as_str())
        || (range && (day_after || dated(tokens.get(at + 1))))
        || dated(Some(next))
        || (next.is(",") && dated(tokens.get(at + 1)))
        || (next.word
            && next.capitalized(text)
            && at >= 2
            && tokens[at - 2].word
            && !lex.before_day.iter().any(|p| p.len() == 1 && p[0] == tokens[at - 2].lower))
}

/// The first token of the time phrase whose day is at `day`: `on`, `late`, `as of mid-morning`.
fn extend_left(lex: &Lexicon, tokens: &[Token], day: usize) -> usize {
    let mut start = day;
    'extend: loop {
        for phrase in &lex.before_day {
            if start >= phrase.len() {
                let words = &tokens[start - phrase.len()..start];
                if words.iter().zip(phrase).all(|(t, w)| t.word && !t.quoted && t.lower == *w) {
                    start -= phrase.len();
                    continue 'extend;
                }
            }
        }
        return start;
    }
}

/// `…, the state broadcaster said.`: the last comma's clause when it only says who said it, and
/// the one before when it does too (`…, the ministry said Saturday, according to news services.`).
/// Left alone in a sentence with a quotation (a quote keeps its speaker), and when the clause says
/// more (`adding that…`).
fn attribution(_: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let lex = lexicon();
    let n = tokens.len();
    if n < 3 || !tokens[n - 1].is(".") || tokens.iter().any(|t| t.quoted) {
        return vec![];
    }
    let mut drops = Vec::new();
    // The clause ends where the one after it (already dropped) starts, or at the full stop.
    let mut end = n - 1;
    for comma in (1..n - 1).rev() {
        if !tokens[comma].is(",") {
            continue;
        }
        let tail: Vec<&Token> = tokens[comma + 1..end].iter().filter(|t| t.word).collect();
        let says_more = |t: &&Token| {
            (t.lower.ends_with("ing") && t.lower != "according")
                || matches!(t.lower.as_str(), "that" | "which" | "who" | "but" | "because")
        };
        if tail.len() > 12 || tail.iter().any(says_more) {
            break;
        }
        if !tail.iter().any(|t| lex.attribution.contains(t.lower.as_str())) {
            continue;
        }
        if tokens[..comma].iter().filter(|t| t.word).count() < 6 {
            break;
        }
        drops.push(tokens[comma].range.start..tokens[end - 1].range.end);
        end = comma;
    }
    drops
}

/// `John Smith, 45, said`: an age after a name.
fn ages(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let small =
        |t: &Token| t.word && t.lower.len() <= 3 && t.lower.parse::<u32>().is_ok_and(|n| (1..=120).contains(&n));
    tokens
        .windows(5)
        .filter(|w| {
            w[0].word
                && w[0].capitalized(text)
                && w[1].is(",")
                && small(&w[2])
                && w[3].is(",")
                && w[4].word
                && !matches!(w[4].lower.as_str(), "of" | "from" | "a" | "an" | "the" | "and")
                && !w[2].quoted
        })
        .map(|w| w[1].range.start..w[3].range.end)
        .collect()
}

/// Whether a compressed sentence still reads as one: the original's closing punctuation last, at
/// least five words, and no flaw the original did not have (see [`flaws`]).
pub(crate) fn reads_as_sentence(text: &str, original: &str) -> bool {
    let closes = text.chars().last() == original.trim_end().chars().last();
    let (now, before) = (flaws(text), flaws(original));
    closes && text.split_whitespace().count() >= 5 && now.iter().zip(&before).all(|(now, before)| now <= before)
}

/// What makes a text read badly as a sentence, counted: no capital (or digit, or quote) first, a
/// comma before other punctuation, a last word cut from what it leads to (`…, and.`), a first word
/// followed by a comma (what is left of `Monday, troops…`). A sentence of a report may have some
/// of these already (Multi-News lowercases, some reports open with `( AP ) —`); compression must
/// add none.
fn flaws(text: &str) -> [usize; 4] {
    let lex = lexicon();
    let opens = text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '\'' | '$' | '`'));
    let marks: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let dangling = marks
        .windows(2)
        .filter(|w| matches!(w[0], ',' | ';' | ':' | '(') && matches!(w[1], ',' | ';' | ':' | '.' | '!' | '?' | ')'))
        .count();
    let last_word =
        text.split_whitespace().last().map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()).to_lowercase());
    let cut = last_word.is_some_and(|w| lex.dangling.contains(w.as_str()));
    let pause_at_start = text.split_whitespace().next().is_some_and(|w| w.ends_with(','));
    [usize::from(!opens), dangling, usize::from(cut), usize::from(pause_at_start)]
}
