//! Numbers written in digits or words, and the hedges in front of them.
//!
//! Written by hand rather than with `text2num`: news needs `a dozen`, vague amounts (`several`,
//! `dozens`) kept as such, and compounds such as `two-day` or `40-year-old` refused as a whole;
//! a small state machine over the sentence's tokens does all three and never reads `one of` as
//! a count by accident (that decision belongs to the trap rules).

use crate::measure::Amount;
use crate::token::{lexicon_phrases, Token};
use serde::Serialize;
use std::sync::LazyLock;

/// Word lists of this module (`lexicon/hedges.txt`).
const LEXICON_HEDGES: &str = include_str!("../lexicon/hedges.txt");

/// How many, as far as the text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Value {
    /// A number: written in digits or words.
    Exact(u64),
    /// `several`, `dozens`, `some`, `a few`: an amount with no value to compare.
    Vague,
    /// A measure with its unit: `350 feet`, `$270 million`, `52.4 percent` (see `crate::measure`).
    Amount(Amount),
}

impl Value {
    /// The number, unless the amount is vague.
    pub fn exact(self) -> Option<u64> {
        match self {
            Value::Exact(n) => Some(n),
            Value::Vague | Value::Amount(_) => None,
        }
    }

    /// The measure, when the value is one.
    pub fn amount(self) -> Option<Amount> {
        match self {
            Value::Amount(amount) => Some(amount),
            Value::Exact(_) | Value::Vague => None,
        }
    }
}

/// A number found at some token: its value, whether it was written in digits, and the token
/// just after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberMatch {
    pub value: Value,
    pub in_digits: bool,
    pub end: usize,
}

static HEDGES: LazyLock<Vec<Vec<&str>>> = LazyLock::new(|| lexicon_phrases(LEXICON_HEDGES, "hedge"));

/// The hedge that ends just before token `number` (`at least`, `about`, `some`, …), as the
/// index of its first token.
pub fn qualifier_before(tokens: &[Token], number: usize) -> Option<usize> {
    HEDGES.iter().find_map(|hedge| {
        let start = number.checked_sub(hedge.len())?;
        let matches = tokens[start..number].iter().zip(hedge.iter()).all(|(token, word)| token.is(word));
        matches.then_some(start)
    })
}

fn small_number(word: &str) -> Option<u64> {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    SMALL.iter().position(|w| *w == word).map(|n| n as u64)
}

fn tens(word: &str) -> Option<u64> {
    const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    TENS.iter().position(|w| *w == word).map(|n| (n as u64 + 2) * 10)
}

fn scale(word: &str) -> Option<u64> {
    match word {
        "thousand" => Some(1_000),
        "million" => Some(1_000_000),
        "billion" => Some(1_000_000_000),
        _ => None,
    }
}

/// Amounts that are real but unquantified. `some` is vague only when no number follows it
/// (`some 685` is a hedge, see [`qualifier_before`]).
fn vague_at(tokens: &[Token], i: usize) -> Option<usize> {
    let word = tokens[i].lower.as_str();
    // `how many`, `so many`, `too many`: a question or a degree, not an amount.
    if i > 0 && tokens[i - 1].is_any(&["how", "so", "too", "as"]) {
        return None;
    }
    let next = tokens.get(i + 1);
    let next_is = |w: &str| next.is_some_and(|t| t.is(w));
    match word {
        "several" if next.is_some_and(|t| t.is_any(&["dozen", "hundred", "thousand"])) => Some(i + 2),
        "several" | "dozens" | "hundreds" | "thousands" | "many" | "multiple" | "numerous" => Some(i + 1),
        "scores" if next_is("of") => Some(i + 1),
        "some" if exact_number_at(tokens, i + 1).is_none() => Some(i + 1),
        "a" | "an" if next.is_some_and(|t| t.is_any(&["few", "handful", "number"])) => Some(i + 2),
        "an" if next.is_some_and(|t| t.is_any(&["undetermined", "unspecified", "unknown"]))
            && tokens.get(i + 2).is_some_and(|t| t.is("number")) =>
        {
            Some(i + 3)
        }
        _ => None,
    }
}

/// The number starting at token `i`, if any.
pub fn number_at(tokens: &[Token], i: usize) -> Option<NumberMatch> {
    let token = tokens.get(i)?;
    if !token.is_word {
        return None;
    }
    if token.text.starts_with(|c: char| c.is_ascii_digit()) {
        return digits_at(tokens, i);
    }
    if let Some(end) = vague_at(tokens, i) {
        return Some(NumberMatch { value: Value::Vague, in_digits: false, end });
    }
    words_at(tokens, i)
}

/// A number with a value at token `i`: what makes `some` a hedge rather than an amount.
/// Never vague, so `some some some …` cannot recurse.
fn exact_number_at(tokens: &[Token], i: usize) -> Option<NumberMatch> {
    let token = tokens.get(i).filter(|t| t.is_word)?;
    if token.text.starts_with(|c: char| c.is_ascii_digit()) {
        digits_at(tokens, i)
    } else {
        words_at(tokens, i)
    }
}

/// `685`, `1,200`, `5 million`, `1.5 million`. A bare decimal (`8.2`) is a measure, not a count;
/// a leading zero (`0800`) marks a code or a phone number.
fn digits_at(tokens: &[Token], i: usize) -> Option<NumberMatch> {
    let (whole, fraction) = match tokens[i].text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (tokens[i].text, None),
    };
    let digits = grouped_digits(whole)?;
    if fraction.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    if digits.len() > 1 && digits.starts_with('0') {
        return None;
    }
    if let Some(spaced) = spaced_thousands(tokens, i) {
        return Some(spaced);
    }
    let multiplier = tokens.get(i + 1).and_then(|t| scale(&t.lower));
    let value = match (fraction, multiplier) {
        (Some(_), None) => return None,
        (None, None) => digits.parse::<u64>().ok()?,
        (None, Some(m)) => digits.parse::<u64>().ok()?.checked_mul(m)?,
        (Some(f), Some(m)) => {
            let scaled = format!("{digits}.{f}").parse::<f64>().ok()? * m as f64;
            if !scaled.is_finite() || scaled >= u64::MAX as f64 {
                return None;
            }
            scaled.round() as u64
        }
    };
    let end = if multiplier.is_some() { i + 2 } else { i + 1 };
    Some(NumberMatch { value: Value::Exact(value), in_digits: true, end })
}

/// `7, 956 wounded`: a thousands comma followed by a stray space, as wire copy sometimes has
/// it, is 7,956, not 7 and 956. Only one to three digits, the comma against them, one space,
/// exactly three digits, then a word: a list of numbers (`7, 95 and 956`) does not fit.
fn spaced_thousands(tokens: &[Token], i: usize) -> Option<NumberMatch> {
    let [high, comma, low, next] = tokens.get(i..i + 4)? else { return None };
    let digits = |t: &Token, max: usize| t.text.len() <= max && t.text.bytes().all(|b| b.is_ascii_digit());
    let fits = digits(high, 3)
        && comma.text == ","
        && comma.range.start == high.range.end
        && low.text.len() == 3
        && digits(low, 3)
        && low.range.start == comma.range.end + 1
        && next.is_word
        && !next.text.starts_with(|c: char| c.is_ascii_digit());
    if !fits {
        return None;
    }
    // `high` has at most three digits here, so this cannot overflow.
    let value = high.text.parse::<u64>().ok()? * 1000 + low.text.parse::<u64>().ok()?;
    Some(NumberMatch { value: Value::Exact(value), in_digits: true, end: i + 3 })
}

/// The digits of `1,200` or `685`, refusing badly grouped ones (`1,20`, `2,0000`).
fn grouped_digits(whole: &str) -> Option<String> {
    let all_digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let mut groups = whole.split(',');
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let well_grouped = rest.is_empty() || (first.len() <= 3 && rest.iter().all(|g| g.len() == 3 && all_digits(g)));
    (all_digits(first) && well_grouped).then(|| whole.replace(',', ""))
}

/// What the previous word of a number in words was: decides what may follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Start,
    /// The article of `a hundred`, `a dozen`.
    Article,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
}

/// `seven`, `Twenty-three`, `a dozen`, `two dozen`, `six hundred and eighty-five`.
fn words_at(tokens: &[Token], i: usize) -> Option<NumberMatch> {
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut last = Last::Start;
    let mut end = i;
    let mut k = i;
    while let Some(token) = tokens.get(k) {
        if !token.is_word {
            break;
        }
        if token.is("and") && matches!(last, Last::Hundred | Last::Scale) {
            let next_small = tokens
                .get(k + 1)
                .is_some_and(|t| t.lower.split('-').all(|p| small_number(p).is_some() || tens(p).is_some()));
            if next_small {
                k += 1;
                continue;
            }
            break;
        }
        let mut step = (total, current, last);
        let accepted = token.lower.split('-').all(|part| match advance(step, part) {
            Some(next) => {
                step = next;
                true
            }
            None => false,
        });
        if !accepted {
            break;
        }
        (total, current, last) = step;
        k += 1;
        if last != Last::Article {
            end = k;
        }
    }
    if end == i {
        return None;
    }
    Some(NumberMatch { value: Value::Exact(total.checked_add(current)?), in_digits: false, end })
}

/// One word of a number in words: the running `(total, current, last)` after it, or `None`
/// if the word cannot continue the number.
fn advance((total, current, last): (u64, u64, Last), word: &str) -> Option<(u64, u64, Last)> {
    if let Some(n) = small_number(word) {
        let fits = match last {
            Last::Start | Last::Hundred | Last::Scale => true,
            Last::Tens => n < 10,
            _ => false,
        };
        let kind = if n < 10 { Last::Unit } else { Last::Teen };
        return fits.then_some((total, current + n, kind));
    }
    if let Some(n) = tens(word) {
        return matches!(last, Last::Start | Last::Hundred | Last::Scale).then_some((total, current + n, Last::Tens));
    }
    match word {
        "a" | "an" if last == Last::Start => Some((total, 1, Last::Article)),
        "hundred" if matches!(last, Last::Article | Last::Unit | Last::Teen) => {
            Some((total, current.checked_mul(100)?, Last::Hundred))
        }
        "dozen" if matches!(last, Last::Article | Last::Unit | Last::Teen | Last::Tens) => {
            Some((total, current.checked_mul(12)?, Last::Unit))
        }
        _ => {
            let m = scale(word)?;
            let counts = matches!(last, Last::Article | Last::Unit | Last::Teen | Last::Tens | Last::Hundred);
            counts.then(|| Some((total.checked_add(current.checked_mul(m)?)?, 0, Last::Scale)))?
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn value_of(text: &str) -> Option<(Value, usize)> {
        let tokens = tokenize(text);
        number_at(&tokens, 0).map(|m| (m.value, m.end))
    }

    #[test]
    fn a_thousands_comma_with_a_stray_space_is_one_number() {
        assert_eq!(value_of("7, 956 wounded"), Some((Value::Exact(7956), 3)));
        assert_eq!(value_of("7, 95 wounded"), Some((Value::Exact(7), 1)));
        assert_eq!(value_of("7,  956 wounded"), Some((Value::Exact(7), 1)));
        assert_eq!(value_of("7, 956, 12"), Some((Value::Exact(7), 1)));
        // Found by the `figures` fuzz target: a long number before `, 123` overflowed.
        assert_eq!(value_of("18446744073709551, 123 hostages"), Some((Value::Exact(18446744073709551), 1)));
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(value_of("seven Americans"), Some((Value::Exact(7), 1)));
        assert_eq!(value_of("Twenty-three hostages"), Some((Value::Exact(23), 1)));
        assert_eq!(value_of("twenty three hostages"), Some((Value::Exact(23), 2)));
        assert_eq!(value_of("a dozen workers"), Some((Value::Exact(12), 2)));
        assert_eq!(value_of("two dozen workers"), Some((Value::Exact(24), 2)));
        assert_eq!(value_of("six hundred and eighty-five workers"), Some((Value::Exact(685), 4)));
        assert_eq!(value_of("two thousand three hundred people"), Some((Value::Exact(2300), 4)));
        assert_eq!(value_of("a hundred and ten"), Some((Value::Exact(110), 4)));
    }

    #[test]
    fn numbers_in_digits() {
        assert_eq!(value_of("685 Algerian"), Some((Value::Exact(685), 1)));
        assert_eq!(value_of("1,200 troops"), Some((Value::Exact(1200), 1)));
        assert_eq!(value_of("5 million people"), Some((Value::Exact(5_000_000), 2)));
        assert_eq!(value_of("1.5 million people"), Some((Value::Exact(1_500_000), 2)));
    }

    #[test]
    fn vague_amounts_have_no_value() {
        assert_eq!(value_of("several hostages"), Some((Value::Vague, 1)));
        assert_eq!(value_of("several dozen Algerians"), Some((Value::Vague, 2)));
        assert_eq!(value_of("dozens of"), Some((Value::Vague, 1)));
        assert_eq!(value_of("some captives"), Some((Value::Vague, 1)));
        assert_eq!(value_of("a few hostages"), Some((Value::Vague, 2)));
        assert_eq!(value_of("an unspecified number of"), Some((Value::Vague, 3)));
        let tokens = tokenize("how many people");
        assert_eq!(number_at(&tokens, 1), None);
    }

    #[test]
    fn not_numbers() {
        for text in [
            "some 685",
            "a Japanese",
            "two-day",
            "8.2 %",
            "1,20 people",
            "0800",
            "first",
            "second",
            "dozen",
            "one two",
            "AK-47",
            "40-year-old",
            "17/01/2013",
            "3-1",
            "10:30",
            "2,0000",
        ] {
            let tokens = tokenize(text);
            let found = number_at(&tokens, 0);
            let whole_first = found.map(|m| m.value);
            match text {
                "one two" => assert_eq!(found.map(|m| m.end), Some(1), "{text}"),
                _ => assert_eq!(whole_first, None, "{text} should not start a number"),
            }
        }
    }

    #[test]
    fn huge_numbers_overflow_to_nothing_instead_of_panicking() {
        assert_eq!(value_of("99999999999999999999 people"), None);
        assert_eq!(value_of("999999999999 billion people"), None);
    }

    #[test]
    fn hedges() {
        let tokens = tokenize("At least 23 and some 685 and more than 100");
        let at = |word: &str| tokens.iter().position(|t| t.text == word).unwrap_or(usize::MAX);
        assert_eq!(qualifier_before(&tokens, at("23")), Some(0));
        assert_eq!(qualifier_before(&tokens, at("685")), Some(at("some")));
        assert_eq!(qualifier_before(&tokens, at("100")), Some(at("more")));
        assert_eq!(qualifier_before(&tokens, 0), None);
    }
}
