//! NLTK's Porter stemmer in its default `NLTK_EXTENSIONS` mode, the stemmer `rouge-score` uses.
//!
//! NLTK applies each step as an ordered rule list: the *first* rule whose suffix matches decides,
//! and if its condition fails the word is left alone (no later, shorter suffix is tried). That
//! ordering, the irregular-form table and the NLTK-only rules (`ies`/`ied` on 4-letter words,
//! `alli`, `fulli`, `logi`, the two-letter `*o` case, the `y → i` condition) are what make it
//! differ from the textbook algorithm, so they are reproduced exactly.

use super::{ascii_to_string, is_plain_token, replace_suffix};

/// Forms NLTK maps directly, before any rule runs.
const IRREGULAR_FORMS: &[(&str, &str)] = &[
    ("sky", "sky"),
    ("skies", "sky"),
    ("dying", "die"),
    ("lying", "lie"),
    ("tying", "tie"),
    ("news", "news"),
    ("innings", "inning"),
    ("inning", "inning"),
    ("outings", "outing"),
    ("outing", "outing"),
    ("cannings", "canning"),
    ("canning", "canning"),
    ("howe", "howe"),
    ("proceed", "proceed"),
    ("exceed", "exceed"),
    ("succeed", "succeed"),
];

/// Stems one token exactly as `nltk.stem.PorterStemmer().stem(token)` does.
///
/// Expects a lowercase ASCII token (letters and digits), which is all `rouge-score`'s tokenizer
/// produces; anything else is returned unchanged.
pub fn nltk_porter(word: &str) -> String {
    if !is_plain_token(word) {
        return word.to_string();
    }
    if let Some((_, base)) = IRREGULAR_FORMS.iter().find(|(form, _)| *form == word) {
        return (*base).to_string();
    }
    if word.len() <= 2 {
        return word.to_string();
    }
    let mut w = word.as_bytes().to_vec();
    step1a(&mut w);
    step1b(&mut w);
    step1c(&mut w);
    step2(&mut w);
    step3(&mut w);
    step4(&mut w);
    step5a(&mut w);
    step5b(&mut w);
    ascii_to_string(&w)
}

/// Which letters are consonants in Porter's sense: a `y` is a consonant unless it follows one.
fn consonant_flags(word: &[u8]) -> impl Iterator<Item = bool> + '_ {
    let mut previous_is_consonant = false;
    word.iter().enumerate().map(move |(i, &b)| {
        let consonant = match b {
            b'a' | b'e' | b'i' | b'o' | b'u' => false,
            b'y' => i == 0 || !previous_is_consonant,
            _ => true,
        };
        previous_is_consonant = consonant;
        consonant
    })
}

fn is_consonant(word: &[u8], i: usize) -> bool {
    consonant_flags(word).nth(i).unwrap_or(false)
}

/// Porter's *m*: the number of vowel→consonant transitions.
fn measure(word: &[u8]) -> usize {
    let mut count = 0;
    let mut previous_is_vowel = false;
    for consonant in consonant_flags(word) {
        if consonant && previous_is_vowel {
            count += 1;
        }
        previous_is_vowel = !consonant;
    }
    count
}

fn contains_vowel(word: &[u8]) -> bool {
    consonant_flags(word).any(|consonant| !consonant)
}

/// Condition `*d`: ends with a double consonant.
fn ends_double_consonant(word: &[u8]) -> bool {
    let n = word.len();
    n >= 2 && word[n - 1] == word[n - 2] && is_consonant(word, n - 1)
}

/// Condition `*o`: ends consonant-vowel-consonant, the last not `w`, `x` or `y`; NLTK also accepts
/// a two-letter vowel-consonant word.
fn ends_cvc(word: &[u8]) -> bool {
    let n = word.len();
    let flags: Vec<bool> = consonant_flags(word).collect();
    (n >= 3 && flags[n - 3] && !flags[n - 2] && flags[n - 1] && !matches!(word[n - 1], b'w' | b'x' | b'y'))
        || (n == 2 && !flags[0] && flags[1])
}

fn positive_measure(stem: &[u8]) -> bool {
    measure(stem) > 0
}

fn measure_above_one(stem: &[u8]) -> bool {
    measure(stem) > 1
}

/// One suffix rule: replace `suffix` by `replacement` if `condition` holds for the remaining stem.
struct Rule {
    suffix: &'static str,
    replacement: &'static str,
    condition: fn(&[u8]) -> bool,
}

const fn rule(suffix: &'static str, replacement: &'static str, condition: fn(&[u8]) -> bool) -> Rule {
    Rule { suffix, replacement, condition }
}

/// NLTK's `_apply_rule_list`: the first rule whose suffix matches is the only one considered.
fn apply_first_matching(word: &mut Vec<u8>, rules: &[Rule]) {
    if let Some(rule) = rules.iter().find(|r| word.ends_with(r.suffix.as_bytes())) {
        let stem_len = word.len() - rule.suffix.len();
        if (rule.condition)(&word[..stem_len]) {
            replace_suffix(word, rule.suffix.len(), rule.replacement);
        }
    }
}

fn step1a(w: &mut Vec<u8>) {
    if w.len() == 4 && w.ends_with(b"ies") {
        replace_suffix(w, 3, "ie");
    } else if w.ends_with(b"sses") || w.ends_with(b"ies") {
        w.truncate(w.len() - 2);
    } else if !w.ends_with(b"ss") && w.ends_with(b"s") {
        w.truncate(w.len() - 1);
    }
}

fn step1b(w: &mut Vec<u8>) {
    if w.ends_with(b"ied") {
        let replacement = if w.len() == 4 { "ie" } else { "i" };
        replace_suffix(w, 3, replacement);
        return;
    }
    if w.ends_with(b"eed") {
        if positive_measure(&w[..w.len() - 3]) {
            w.truncate(w.len() - 1);
        }
        return;
    }
    let stem_len = if w.ends_with(b"ed") && contains_vowel(&w[..w.len() - 2]) {
        w.len() - 2
    } else if w.ends_with(b"ing") && contains_vowel(&w[..w.len() - 3]) {
        w.len() - 3
    } else {
        return;
    };
    w.truncate(stem_len);
    if w.ends_with(b"at") || w.ends_with(b"bl") || w.ends_with(b"iz") {
        w.push(b'e');
    } else if ends_double_consonant(w) {
        if !matches!(w.last(), Some(b'l' | b's' | b'z')) {
            w.pop();
        }
    } else if measure(w) == 1 && ends_cvc(w) {
        w.push(b'e');
    }
}

fn step1c(w: &mut [u8]) {
    if let Some(stem_len) = w.len().checked_sub(1).filter(|_| w.ends_with(b"y")) {
        if stem_len > 1 && is_consonant(&w[..stem_len], stem_len - 1) {
            w[stem_len] = b'i';
        }
    }
}

/// NLTK's `logi` rule tests the measure of the stem *with* its `l`.
fn logi_condition(stem: &[u8]) -> bool {
    let mut with_l = stem.to_vec();
    with_l.push(b'l');
    positive_measure(&with_l)
}

const STEP2_RULES: &[Rule] = &[
    rule("ational", "ate", positive_measure),
    rule("tional", "tion", positive_measure),
    rule("enci", "ence", positive_measure),
    rule("anci", "ance", positive_measure),
    rule("izer", "ize", positive_measure),
    rule("bli", "ble", positive_measure),
    rule("alli", "al", positive_measure),
    rule("entli", "ent", positive_measure),
    rule("eli", "e", positive_measure),
    rule("ousli", "ous", positive_measure),
    rule("ization", "ize", positive_measure),
    rule("ation", "ate", positive_measure),
    rule("ator", "ate", positive_measure),
    rule("alism", "al", positive_measure),
    rule("iveness", "ive", positive_measure),
    rule("fulness", "ful", positive_measure),
    rule("ousness", "ous", positive_measure),
    rule("aliti", "al", positive_measure),
    rule("iviti", "ive", positive_measure),
    rule("biliti", "ble", positive_measure),
    rule("fulli", "ful", positive_measure),
    rule("logi", "log", logi_condition),
];

fn step2(w: &mut Vec<u8>) {
    // NLTK first turns a qualifying `alli` into `al` and runs the step again on the result.
    if w.ends_with(b"alli") && positive_measure(&w[..w.len() - 4]) {
        replace_suffix(w, 4, "al");
        step2(w);
        return;
    }
    apply_first_matching(w, STEP2_RULES);
}

const STEP3_RULES: &[Rule] = &[
    rule("icate", "ic", positive_measure),
    rule("ative", "", positive_measure),
    rule("alize", "al", positive_measure),
    rule("iciti", "ic", positive_measure),
    rule("ical", "ic", positive_measure),
    rule("ful", "", positive_measure),
    rule("ness", "", positive_measure),
];

fn step3(w: &mut Vec<u8>) {
    apply_first_matching(w, STEP3_RULES);
}

fn ion_condition(stem: &[u8]) -> bool {
    measure_above_one(stem) && matches!(stem.last(), Some(b's' | b't'))
}

const STEP4_RULES: &[Rule] = &[
    rule("al", "", measure_above_one),
    rule("ance", "", measure_above_one),
    rule("ence", "", measure_above_one),
    rule("er", "", measure_above_one),
    rule("ic", "", measure_above_one),
    rule("able", "", measure_above_one),
    rule("ible", "", measure_above_one),
    rule("ant", "", measure_above_one),
    rule("ement", "", measure_above_one),
    rule("ment", "", measure_above_one),
    rule("ent", "", measure_above_one),
    rule("ion", "", ion_condition),
    rule("ou", "", measure_above_one),
    rule("ism", "", measure_above_one),
    rule("ate", "", measure_above_one),
    rule("iti", "", measure_above_one),
    rule("ous", "", measure_above_one),
    rule("ive", "", measure_above_one),
    rule("ize", "", measure_above_one),
];

fn step4(w: &mut Vec<u8>) {
    apply_first_matching(w, STEP4_RULES);
}

fn step5a(w: &mut Vec<u8>) {
    if w.ends_with(b"e") {
        let stem = &w[..w.len() - 1];
        let m = measure(stem);
        if m > 1 || (m == 1 && !ends_cvc(stem)) {
            w.pop();
        }
    }
}

fn step5b(w: &mut Vec<u8>) {
    // `ll` → `l` when the word minus its last `l` has m > 1.
    if w.ends_with(b"ll") && measure_above_one(&w[..w.len() - 1]) {
        w.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textbook_examples_from_porters_paper() {
        for (word, stem) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("hopping", "hop"),
            ("falling", "fall"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("generalization", "gener"),
            ("adjustment", "adjust"),
            ("controlling", "control"),
        ] {
            assert_eq!(nltk_porter(word), stem, "{word}");
        }
    }

    #[test]
    fn nltk_extensions_differ_from_the_paper() {
        assert_eq!(nltk_porter("ties"), "tie"); // 4-letter `ies`
        assert_eq!(nltk_porter("died"), "die"); // 4-letter `ied`
        assert_eq!(nltk_porter("dying"), "die"); // irregular form
        assert_eq!(nltk_porter("news"), "news");
        assert_eq!(nltk_porter("enjoy"), "enjoy"); // y after a vowel stays
        assert_eq!(nltk_porter("agreement"), "agreement"); // `ement` matched first, m=1 fails
    }

    #[test]
    fn short_and_foreign_input_is_left_alone() {
        assert_eq!(nltk_porter("is"), "is");
        assert_eq!(nltk_porter("Über"), "Über");
        assert_eq!(nltk_porter(""), "");
    }

    #[test]
    fn y_is_a_consonant_only_after_a_vowel_or_at_the_start() {
        assert_eq!(consonant_flags(b"toy").collect::<Vec<_>>(), [true, false, true]);
        assert_eq!(consonant_flags(b"syzygy").collect::<Vec<_>>(), [true, false, true, false, true, false]);
        assert_eq!(measure(b"trouble"), 1);
        assert_eq!(measure(b"troubles"), 2);
    }
}
