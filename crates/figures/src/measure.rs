//! Measures with units: `350 feet`, `107 metres`, `195 mph`, `$270 million`, `52.4 percent`,
//! `category 4`, `a 2,500-foot escarpment`.
//!
//! The units, their dimension and their factor to the dimension's base unit are data
//! (`lexicon/units.txt`), so that `350 feet` and `107 metres` can be compared: two amounts of
//! one dimension agree when they are equal in one unit, or, written in two units, when they are
//! within [`CONVERSION_TOLERANCE`] of each other (a conversion is rounded: `10 miles (15
//! kilometers)` is 7 % off). Money, percentages and magnitudes convert to nothing: only the same
//! unit compares (`percent` and `percentage points` are different things).

use crate::number::{number_at, Value};
use crate::token::{lexicon_list, Token};
use serde::{Serialize, Serializer};
use std::sync::LazyLock;

/// Word lists of this module (`lexicon/measure_words.txt`).
const LEXICON_MEASURE_WORDS: &str = include_str!("../lexicon/measure_words.txt");

/// How far apart, relative to the larger, two amounts written in different units of one
/// dimension may be and still be the same figure. Reports round conversions to a round number
/// (`10 miles (15 kilometers)`, `90 pounds (40 kilograms)`: 7 % and 2 %); wider would let
/// `about 150 miles` (241 km) absorb `270 kilometers` (11 % apart), which reports dispute.
pub const CONVERSION_TOLERANCE: f64 = 0.075;

const LEXICON: &str = include_str!("../lexicon/units.txt");

/// A unit of the lexicon: a handle into it, cheap to copy and compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Unit(u16);

struct UnitInfo {
    code: &'static str,
    dimension: &'static str,
    /// To the dimension's base unit; none when the unit converts to no other.
    factor: Option<f64>,
}

/// The words that name a unit, and on which side of the number they stand.
struct UnitWords {
    words: Vec<&'static str>,
    before: bool,
    unit: Unit,
}

struct Lexicon {
    units: Vec<UnitInfo>,
    words: Vec<UnitWords>,
}

static UNITS: LazyLock<Lexicon> = LazyLock::new(|| parse_lexicon(LEXICON));

/// Reads `lexicon/units.txt`. The file is part of the crate and checked by the tests, so a
/// malformed line is a programming error.
fn parse_lexicon(text: &'static str) -> Lexicon {
    let mut lexicon = Lexicon { units: Vec::new(), words: Vec::new() };
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [code, dimension, factor, side, words] = fields[..] else {
            panic!("lexicon/units.txt: not five tab-separated fields: {line:?}")
        };
        let factor = (factor != "-").then(|| factor.parse().unwrap_or_else(|_| panic!("units.txt: factor {factor:?}")));
        let index = match lexicon.units.iter().position(|u| u.code == code) {
            Some(index) => index,
            None => {
                lexicon.units.push(UnitInfo { code, dimension, factor });
                lexicon.units.len() - 1
            }
        };
        let unit = Unit(u16::try_from(index).expect("fewer than 65,536 units"));
        for phrase in words.split(',').map(str::trim) {
            lexicon.words.push(UnitWords { words: phrase.split(' ').collect(), before: side == "before", unit });
        }
    }
    lexicon
}

impl Unit {
    fn info(self) -> &'static UnitInfo {
        &UNITS.units[usize::from(self.0)]
    }

    /// The unit's code: `ft`, `km/h`, `usd`, `%`.
    pub fn code(self) -> &'static str {
        self.info().code
    }

    /// What it measures: `length`, `speed`, `area`, `weight`, `duration`, `money`, `percent`,
    /// `magnitude`.
    pub fn dimension(self) -> &'static str {
        self.info().dimension
    }

    /// The unit of that code, if the lexicon has it.
    pub fn named(code: &str) -> Option<Unit> {
        UNITS.units.iter().position(|u| u.code == code).map(|i| Unit(i as u16))
    }

    /// `amount` of this unit in unit `to`, when the two convert (the same unit, or one
    /// dimension with factors).
    pub fn convert(self, amount: f64, to: Unit) -> Option<f64> {
        if self == to {
            return Some(amount);
        }
        let (from, into) = (self.info(), to.info());
        (from.dimension == into.dimension).then_some(())?;
        Some(amount * from.factor? / into.factor?)
    }
}

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// An amount of a unit, to a thousandth of the unit (`52.94 percent`, `$17.50`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Amount {
    thousandths: u64,
    /// The unit it is written in.
    pub unit: Unit,
}

impl Amount {
    /// `value` of `unit`, or none when it is negative, not finite or too large.
    pub fn new(value: f64, unit: Unit) -> Option<Amount> {
        let thousandths = (value * 1000.0).round();
        (thousandths.is_finite() && thousandths >= 0.0 && thousandths < u64::MAX as f64)
            .then_some(Amount { thousandths: thousandths as u64, unit })
    }

    /// The number as written, in its unit.
    pub fn value(self) -> f64 {
        self.thousandths as f64 / 1000.0
    }

    /// The amount in its dimension's base unit (m, km/h, ha, kg, min), when the unit converts.
    pub fn in_base(self) -> Option<f64> {
        Some(self.value() * self.unit.info().factor?)
    }

    /// Whether the two give one figure: equal in one unit, or within [`CONVERSION_TOLERANCE`]
    /// once converted from another unit of the dimension.
    pub fn agrees(self, other: Amount) -> bool {
        if self.unit == other.unit {
            return self == other;
        }
        let Some(converted) = other.unit.convert(other.value(), self.unit) else { return false };
        let larger = self.value().max(converted);
        larger > 0.0 && (self.value() - converted).abs() <= CONVERSION_TOLERANCE * larger
    }
}

impl Serialize for Amount {
    /// `{"value": 52.4, "unit": "%"}`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Amount", 2)?;
        out.serialize_field("value", &self.value())?;
        out.serialize_field("unit", &self.unit)?;
        out.end()
    }
}

/// A measure found in a sentence's tokens.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MeasureMatch {
    /// First token: a unit written before the number (`$`, `category`), else the number.
    pub start: usize,
    /// Tokens of the number (with its scale word: `270 million`).
    pub number_start: usize,
    /// Just after the number's tokens.
    pub number_end: usize,
    /// Just after the measure (after its unit).
    pub end: usize,
    /// The amount.
    pub amount: Amount,
}

/// Words after a duration that make it a point in time or an age, not a measure: `two years
/// ago`, `40 years old`, `four days later`.
static NOT_A_DURATION: LazyLock<Vec<&str>> = LazyLock::new(|| lexicon_list(LEXICON_MEASURE_WORDS, "not_a_duration"));

/// The measure whose number starts at token `i`, if a unit stands right before or after it.
pub fn measure_at(tokens: &[Token], i: usize) -> Option<MeasureMatch> {
    if let Some(compound) = compound_at(tokens, i) {
        return Some(compound);
    }
    let (value, number_end) = amount_at(tokens, i)?;
    let before = i.checked_sub(1).and_then(|b| unit_before(tokens, b));
    let (start, end, unit) = match before {
        Some(unit) => (i - 1, number_end, unit),
        None => {
            let (unit, end) = unit_after(tokens, number_end)?;
            (i, end, unit)
        }
    };
    // `four days after the verdict` is a duration; `four days later`, `two years ago`, `40
    // years old` place something in time or give an age.
    if unit.dimension() == "duration" && tokens.get(end).is_some_and(|t| t.is_any(&NOT_A_DURATION)) {
        return None;
    }
    Some(MeasureMatch { start, number_start: i, number_end, end, amount: Amount::new(value, unit)? })
}

/// A number and a unit written as one hyphenated word: `2,500-foot`, `130-acre`, `11-year`.
fn compound_at(tokens: &[Token], i: usize) -> Option<MeasureMatch> {
    let token = tokens.get(i)?;
    let (number, word) = token.lower.split_once('-')?;
    let value = decimal(number)?;
    let unit = UNITS.words.iter().find(|w| !w.before && w.words == [word])?.unit;
    Some(MeasureMatch { start: i, number_start: i, number_end: i + 1, end: i + 1, amount: Amount::new(value, unit)? })
}

/// The amount at token `i` and the token after it: a count (`two`, `1,200`, `5 million`) or a
/// decimal (`52.4`, `2.7 million`).
fn amount_at(tokens: &[Token], i: usize) -> Option<(f64, usize)> {
    if let Some(found) = number_at(tokens, i) {
        if let Value::Exact(n) = found.value {
            return Some((n as f64, found.end));
        }
        return None;
    }
    let value = decimal(&tokens.get(i)?.lower)?;
    match tokens.get(i + 1).and_then(|t| scale(&t.lower)) {
        Some(scale) => Some((value * scale, i + 2)),
        None => Some((value, i + 1)),
    }
}

fn scale(word: &str) -> Option<f64> {
    match word {
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// Digits, optionally grouped by commas, with an optional decimal part: `52.4`, `1,350`, `17.50`.
fn decimal(text: &str) -> Option<f64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, "0"));
    let groups: Vec<&str> = whole.split(',').collect();
    let grouped = groups.len() == 1
        || (!groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (grouped && groups.iter().all(|g| digits(g)) && digits(fraction)).then_some(())?;
    format!("{}.{fraction}", groups.concat()).parse().ok()
}

/// A unit written before a number, ending at token `at`: `$`, `category`.
fn unit_before(tokens: &[Token], at: usize) -> Option<Unit> {
    let token = &tokens[at];
    UNITS.words.iter().find(|w| w.before && w.words == [token.lower.as_str()]).map(|w| w.unit)
}

/// The longest unit written from token `at` on (`miles per hour` before `miles`), and the token
/// after it.
fn unit_after(tokens: &[Token], at: usize) -> Option<(Unit, usize)> {
    UNITS
        .words
        .iter()
        .filter(|w| !w.before)
        .filter(|w| tokens.get(at..at + w.words.len()).is_some_and(|ts| ts.iter().zip(&w.words).all(|(t, w)| t.is(w))))
        .max_by_key(|w| w.words.len())
        .map(|w| (w.unit, at + w.words.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn measure(text: &str) -> Option<(f64, &'static str)> {
        let tokens = tokenize(text);
        (0..tokens.len()).find_map(|i| measure_at(&tokens, i)).map(|m| (m.amount.value(), m.amount.unit.code()))
    }

    fn amount(value: f64, code: &str) -> Amount {
        Amount::new(value, Unit::named(code).expect("a unit of the lexicon")).expect("an amount")
    }

    #[test]
    fn every_line_of_the_lexicon_reads() {
        let lexicon = parse_lexicon(LEXICON);
        assert!(lexicon.units.len() > 30 && lexicon.words.len() > lexicon.units.len());
        for unit in &lexicon.units {
            assert!(unit.factor.is_none_or(|f| f > 0.0), "{}", unit.code);
        }
    }

    #[test]
    fn units_after_before_and_in_one_word() {
        assert_eq!(measure("the sub lies 350 feet down"), Some((350.0, "ft")));
        assert_eq!(measure("reached 195 miles an hour"), Some((195.0, "mph")));
        assert_eq!(measure("a claim of $270 million"), Some((270e6, "usd")));
        assert_eq!(measure("a claim of $ 3 million"), Some((3e6, "usd")));
        assert_eq!(measure("Putin won 52.94 percent"), Some((52.94, "%")));
        assert_eq!(measure("rose 25 % this week"), Some((25.0, "%")));
        assert_eq!(measure("a lead of 4 percentage points"), Some((4.0, "point")));
        assert_eq!(measure("a Category 4 hurricane"), Some((4.0, "category")));
        assert_eq!(measure("a category five storm"), Some((5.0, "category")));
        assert_eq!(measure("a 2,500-foot escarpment"), Some((2500.0, "ft")));
        assert_eq!(measure("deliberated for four days after the trial"), Some((4.0, "day")));
    }

    #[test]
    fn times_ages_and_bare_numbers_are_no_measure() {
        assert_eq!(measure("two years ago"), None);
        assert_eq!(measure("a man, 40 years old,"), None);
        assert_eq!(measure("a 40-year-old man"), None);
        assert_eq!(measure("275 guests"), None);
        assert_eq!(measure("version 1.2.3"), None);
    }

    #[test]
    fn conversions_agree_within_the_tolerance() {
        assert!(amount(350.0, "ft").agrees(amount(107.0, "m")));
        assert!(amount(10.0, "mi").agrees(amount(15.0, "km")));
        assert!(amount(90.0, "lb").agrees(amount(40.0, "kg")));
        assert!(!amount(270.0, "km").agrees(amount(150.0, "mi")));
        assert!(!amount(52.4, "%").agrees(amount(53.0, "%")));
        assert!(!amount(20.0, "%").agrees(amount(20.0, "point")));
        assert!(!amount(10.0, "usd").agrees(amount(10.0, "eur")));
        assert!((amount(350.0, "ft").unit.convert(350.0, Unit::named("m").unwrap()).unwrap() - 106.68).abs() < 1e-9);
    }
}
