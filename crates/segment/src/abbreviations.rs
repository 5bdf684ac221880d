//! What a full stop after a word means.
//!
//! Three cases: a title (`Mr.`, `Gen.`) is always followed by a name, so never ends a sentence;
//! other abbreviations (`U.S.`, `p.m.`, `Inc.`, `No.`, `Jan.`, initials) end sentences often
//! enough in news that the next word has to decide (see [`crate::sentences`]); any other word
//! ends its sentence.

use chorus_core::month_named;

/// How a full stop after a word is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Period {
    /// Part of a title before a name: never a boundary.
    Title,
    /// Part of an abbreviation that may also end the sentence.
    Abbreviation,
    /// An ordinary full stop.
    EndsSentence,
}

/// Classifies the full stop after `word` (the word without its final point; `U.S` for `U.S.`).
pub(crate) fn classify_period(word: &str) -> Period {
    if is_title(word) {
        Period::Title
    } else if is_abbreviation(word) || is_month_abbreviation(word) || is_initials(word) {
        Period::Abbreviation
    } else {
        Period::EndsSentence
    }
}

fn is_title(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Mx"
            | "Messrs"
            | "Dr"
            | "Prof"
            | "Rev"
            | "Fr"
            | "Hon"
            | "Pres"
            | "Gov"
            | "Sen"
            | "Sens"
            | "Rep"
            | "Reps"
            | "Atty"
            | "Supt"
            | "Det"
            | "Insp"
            | "Gen"
            | "Gens"
            | "Lt"
            | "Col"
            | "Maj"
            | "Capt"
            | "Cmdr"
            | "Cmdt"
            | "Sgt"
            | "Cpl"
            | "Pvt"
            | "Adm"
            | "Brig"
            | "Mme"
            | "Mlle"
    )
}

fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        // Companies, names and references.
        "Inc" | "Corp" | "Co" | "Ltd" | "Bros" | "Jr" | "Sr" | "St" | "Mt" | "Ft" | "No" | "Nos" | "Vol" | "Fig"
            | "Art" | "Dept" | "Univ" | "Ave" | "Blvd" | "Rd" | "vs" | "etc" | "al" | "approx" | "est" | "pp"
            // US states in AP style.
            | "Ala" | "Ariz" | "Ark" | "Calif" | "Colo" | "Conn" | "Del" | "Fla" | "Ga" | "Ill" | "Ind" | "Kan"
            | "Ky" | "La" | "Md" | "Mass" | "Mich" | "Minn" | "Miss" | "Mo" | "Mont" | "Neb" | "Nev" | "Okla"
            | "Ore" | "Pa" | "Tenn" | "Tex" | "Va" | "Vt" | "Wash" | "Wis" | "Wyo"
    )
}

/// A month abbreviated as dated in news (`Jan. 16`, `Sept. 3`): capitalised, three letters or
/// `Sept`, named by the one month table of [`chorus_core::month_named`]. `May` is a whole word,
/// whose full stop ends a sentence.
fn is_month_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let capitalised = chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.all(|c| c.is_ascii_lowercase());
    (word.len() == 3 || word == "Sept") && word != "May" && capitalised && month_named(word).is_some()
}

/// Single letters, alone or joined by points: initials (`W`), dotted acronyms (`U.S`, `p.m`,
/// `e.g`).
fn is_initials(word: &str) -> bool {
    !word.is_empty()
        && word.split('.').all(|part| {
            let mut chars = part.chars();
            chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_abbreviations_and_words() {
        for title in ["Mr", "Dr", "Gen", "Sen", "Lt"] {
            assert_eq!(classify_period(title), Period::Title, "{title}");
        }
        for abbreviation in ["U.S", "U.K", "a.m", "p.m", "e.g", "W", "J", "Inc", "No", "Jan", "Calif"] {
            assert_eq!(classify_period(abbreviation), Period::Abbreviation, "{abbreviation}");
        }
        for month in ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"] {
            assert_eq!(classify_period(month), Period::Abbreviation, "{month}");
        }
        for word in ["said", "Thursday", "2012", "US", "Ph.D", "mr", "", "May", "June", "JAN", "jan", "Janu"] {
            assert_eq!(classify_period(word), Period::EndsSentence, "{word}");
        }
    }
}
