//! The stemming of ROUGE-1.5.5 `-m`: a WordNet exception lookup, then the script's own Porter port.
//!
//! The perl port tests word shapes with regular expressions over two letter classes, `[aeiou]`
//! and `[aeiouy]`, so a `y` can start either a vowel or a consonant run. Instead of a regex engine
//! this module reads those patterns as a tiling of the word into alternating runs (see
//! [`runs_after_onset`]); each regex of the original becomes a question about that tiling. It picks
//! the *longest* matching suffix in steps 2–4 (regex alternation anchored at the end) and applies
//! `ment`/`ent` after the main step-4 list, which is where it departs from NLTK.

use super::{ascii_to_string, is_plain_token, replace_suffix, wordnet};

/// Stems one token as ROUGE-1.5.5's `-m` does: tokens of three bytes or fewer stay as they are,
/// WordNet irregular forms map to their base form, everything else goes through Porter.
///
/// Expects a lowercase ASCII token (letters and digits), the only kind ROUGE's tokenization yields;
/// anything else is returned unchanged.
pub fn rouge155_stem(token: &str) -> String {
    if token.len() <= 3 || !is_plain_token(token) {
        return token.to_string();
    }
    match wordnet::base_form(token) {
        Some(base) => base.to_string(),
        None => ascii_to_string(&porter(token.as_bytes())),
    }
}

fn is_strict_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn is_vowel_or_y(b: u8) -> bool {
    is_strict_vowel(b) || b == b'y'
}

/// Number of runs after the optional leading consonant run, when `s` is tiled as the perl
/// patterns `(C)?VCVC…` see it: a consonant run `C = [^aeiou][^aeiouy]*` can only end where a
/// `[aeiouy]` starts, a vowel run `V = [aeiouy][aeiou]*` only where a `[^aeiou]` starts, so once the
/// first run's kind is chosen the tiling is forced.
fn runs_after_onset(s: &[u8], starts_with_consonant: bool) -> usize {
    let mut pos = 0;
    let mut consonant = starts_with_consonant;
    let mut runs = 0;
    while pos < s.len() {
        let ends_run = |b: u8| {
            if consonant {
                is_vowel_or_y(b)
            } else {
                !is_strict_vowel(b)
            }
        };
        let next = (pos + 1..s.len()).find(|&i| ends_run(s[i])).unwrap_or(s.len());
        if !(consonant && pos == 0) {
            runs += 1;
        }
        pos = next;
        consonant = !consonant;
    }
    runs
}

/// The run counts of every admissible tiling: a leading `y` may open either kind of run.
fn run_counts(s: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let (consonant_first, vowel_first) = match s.first() {
        None => (false, true),
        Some(b'y') => (true, true),
        Some(&b) if is_strict_vowel(b) => (false, true),
        Some(_) => (true, false),
    };
    let consonant = consonant_first.then(|| runs_after_onset(s, true));
    let vowel = vowel_first.then(|| runs_after_onset(s, false));
    consonant.into_iter().chain(vowel)
}

/// `^(C)?V C` (m > 0) for `pairs == 1`, `^(C)?V C V C` (m > 1) for `pairs == 2`.
fn has_measure_at_least(s: &[u8], pairs: usize) -> bool {
    run_counts(s).any(|runs| runs >= 2 * pairs)
}

/// `^(C)?V C (V)?$` (m = 1).
fn has_measure_one(s: &[u8]) -> bool {
    run_counts(s).any(|runs| runs == 2 || runs == 3)
}

/// `^(C)?[aeiouy]`: some vowel anywhere.
fn has_vowel(s: &[u8]) -> bool {
    s.iter().any(|&b| is_vowel_or_y(b))
}

/// `^C [aeiouy] [^aeiouwxy]$`: a single consonant run, one vowel, one final consonant.
fn is_cvc(s: &[u8]) -> bool {
    let Some(&first) = s.first() else {
        return false;
    };
    if is_strict_vowel(first) {
        return false;
    }
    match (1..s.len()).find(|&i| is_vowel_or_y(s[i])) {
        Some(v) => s.len() == v + 2 && !matches!(s[v + 1], b'a' | b'e' | b'i' | b'o' | b'u' | b'w' | b'x' | b'y'),
        None => false,
    }
}

const STEP2: &[(&str, &str)] = &[
    ("ational", "ate"),
    ("tional", "tion"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("izer", "ize"),
    ("bli", "ble"),
    ("alli", "al"),
    ("entli", "ent"),
    ("eli", "e"),
    ("ousli", "ous"),
    ("ization", "ize"),
    ("ation", "ate"),
    ("ator", "ate"),
    ("alism", "al"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("aliti", "al"),
    ("iviti", "ive"),
    ("biliti", "ble"),
    ("logi", "log"),
];

const STEP3: &[(&str, &str)] =
    &[("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", "")];

/// Step 4's main list; the script tries `ment` and `ent` separately afterwards.
const STEP4: &[&str] =
    &["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ou", "ism", "ate", "iti", "ous", "ive", "ize"];

/// An anchored alternation matches at its leftmost start, i.e. the longest listed suffix.
fn longest_suffix<'a, T>(w: &[u8], table: &'a [T], suffix_of: impl Fn(&T) -> &str) -> Option<&'a T> {
    table.iter().filter(|entry| w.ends_with(suffix_of(entry).as_bytes())).max_by_key(|entry| suffix_of(entry).len())
}

/// Replaces a step-2/3 suffix when the stem before it has m > 0.
fn map_suffix(w: &mut Vec<u8>, table: &[(&str, &str)]) {
    if let Some((suffix, replacement)) = longest_suffix(w, table, |(s, _)| s) {
        if has_measure_at_least(&w[..w.len() - suffix.len()], 1) {
            replace_suffix(w, suffix.len(), replacement);
        }
    }
}

/// Drops `suffix_len` bytes when the stem before them has m > 1.
fn drop_if_long_stem(w: &mut Vec<u8>, suffix_len: usize) {
    if has_measure_at_least(&w[..w.len() - suffix_len], 2) {
        w.truncate(w.len() - suffix_len);
    }
}

fn porter(word: &[u8]) -> Vec<u8> {
    let mut w = word.to_vec();
    if w.len() < 3 {
        return w;
    }
    // An initial y is hidden as Y so that no pattern takes it for a vowel.
    let initial_y = w[0] == b'y';
    if initial_y {
        w[0] = b'Y';
    }
    step1(&mut w);
    map_suffix(&mut w, STEP2);
    map_suffix(&mut w, STEP3);
    step4(&mut w);
    step5(&mut w);
    if initial_y {
        if let Some(first) = w.first_mut() {
            first.make_ascii_lowercase();
        }
    }
    w
}

fn step1(w: &mut Vec<u8>) {
    // 1a
    if w.ends_with(b"sses") || w.ends_with(b"ies") {
        w.truncate(w.len() - 2);
    } else if w.len() >= 2 && w.ends_with(b"s") && w[w.len() - 2] != b's' {
        w.pop();
    }
    // 1b
    if w.ends_with(b"eed") {
        if has_measure_at_least(&w[..w.len() - 3], 1) {
            w.pop();
        }
    } else if let Some(suffix_len) = inflection_suffix_len(w) {
        let stem_len = w.len() - suffix_len;
        if has_vowel(&w[..stem_len]) {
            w.truncate(stem_len);
            let n = w.len();
            if w.ends_with(b"at") || w.ends_with(b"bl") || w.ends_with(b"iz") {
                w.push(b'e');
            } else if n >= 2 && w[n - 1] == w[n - 2] && !b"aeiouylsz".contains(&w[n - 1]) {
                w.pop();
            } else if is_cvc(w) {
                w.push(b'e');
            }
        }
    }
    // 1c
    if w.ends_with(b"y") && has_vowel(&w[..w.len() - 1]) {
        let last = w.len() - 1;
        w[last] = b'i';
    }
}

/// Length of a final `ed` or `ing`.
fn inflection_suffix_len(w: &[u8]) -> Option<usize> {
    if w.ends_with(b"ed") {
        Some(2)
    } else if w.ends_with(b"ing") {
        Some(3)
    } else {
        None
    }
}

fn step4(w: &mut Vec<u8>) {
    if let Some(suffix) = longest_suffix(w, STEP4, |s| s) {
        drop_if_long_stem(w, suffix.len());
    }
    if w.ends_with(b"ment") {
        drop_if_long_stem(w, 4);
    }
    // `ent`, or the `ion` of `sion`/`tion` (keeping the s/t).
    if w.ends_with(b"ent") || w.ends_with(b"sion") || w.ends_with(b"tion") {
        drop_if_long_stem(w, 3);
    }
}

fn step5(w: &mut Vec<u8>) {
    if w.ends_with(b"e") {
        let stem = &w[..w.len() - 1];
        if has_measure_at_least(stem, 2) || (has_measure_one(stem) && !is_cvc(stem)) {
            w.pop();
        }
    }
    if w.ends_with(b"ll") && has_measure_at_least(w, 2) {
        w.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiling_answers_the_measure_patterns() {
        assert!(!has_measure_at_least(b"tr", 1));
        assert!(!has_measure_at_least(b"tree", 1));
        assert!(has_measure_at_least(b"trouble", 1));
        assert!(!has_measure_at_least(b"trouble", 2));
        assert!(has_measure_at_least(b"troubles", 2));
        assert!(has_measure_one(b"oats"));
        assert!(!has_measure_one(b"private"));
        // `y` after a consonant opens a vowel run: "sky" has no VC pair, "syzyg" two.
        assert!(!has_measure_at_least(b"sky", 1));
        assert!(has_measure_at_least(b"syzyg", 2));
    }

    #[test]
    fn cvc_is_one_consonant_run_one_vowel_one_final_consonant() {
        assert!(is_cvc(b"hop"));
        assert!(is_cvc(b"fil"));
        assert!(!is_cvc(b"fail"));
        assert!(!is_cvc(b"how"));
        assert!(!is_cvc(b"ahop"));
    }

    #[test]
    fn porter_keeps_the_scripts_own_choices() {
        assert_eq!(ascii_to_string(&porter(b"agreement")), "agreem"); // `ent` after `ement` failed
        assert_eq!(ascii_to_string(&porter(b"generalization")), "gener");
        assert_eq!(ascii_to_string(&porter(b"yelling")), "yell");
        assert_eq!(ascii_to_string(&porter(b"controlling")), "control");
    }

    #[test]
    fn wordnet_exceptions_win_and_short_tokens_stay() {
        assert_eq!(rouge155_stem("children"), "child");
        assert_eq!(rouge155_stem("went"), "go");
        assert_eq!(rouge155_stem("was"), "was");
        assert_eq!(rouge155_stem("hostages"), "hostag");
        assert_eq!(rouge155_stem("Hostages"), "Hostages");
    }
}
