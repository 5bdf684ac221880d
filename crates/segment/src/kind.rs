//! What kind of text a sentence is: only whole declarative sentences may go into a brief.

use crate::boilerplate::is_boilerplate;
use crate::stopwords::is_stopword;
use chorus_core::caption::is_caption;
use chorus_core::SentenceKind;

/// Fewer words than this is a fragment (`Discuss as:`, `Related content:`, `He said.`).
const MIN_BODY_WORDS: usize = 6;
/// A line without a full stop longer than this is a sentence cut off, not a headline.
const MAX_HEADLINE_WORDS: usize = 20;
/// A "sentence" longer than this is text with no sentence ends (a table, a dump, hostile input),
/// not a sentence: the longest real ones in news run to about 100 words, some 700 bytes.
pub(crate) const MAX_SENTENCE_BYTES: usize = 2_000;
/// A "word" longer than this is not one (a URL, a base64 blob, a megabyte of `x`): a sentence
/// with one does not go into a brief, whose length is counted in words.
pub(crate) const MAX_WORD_BYTES: usize = 100;

/// The kind of a sentence of `words` words; `whole_line` when nothing else shares its line.
pub(crate) fn sentence_kind(text: &str, words: usize, whole_line: bool) -> SentenceKind {
    let ending = text.trim_end_matches(['"', '\'', ')', ']', '\u{201d}', '\u{2019}']);
    let closed = ending.ends_with(['.', '!', '?', '\u{2026}']);
    if text.len() > MAX_SENTENCE_BYTES || text.split_whitespace().any(|word| word.len() > MAX_WORD_BYTES) {
        SentenceKind::Fragment
    } else if is_boilerplate(text) {
        SentenceKind::Boilerplate
    } else if is_caption(text, words, closed) {
        SentenceKind::Caption
    } else if ending.ends_with('?') {
        SentenceKind::Question
    } else if whole_line && !closed && words <= MAX_HEADLINE_WORDS && is_complete_title(text) {
        SentenceKind::Headline
    } else if !closed
        || words < MIN_BODY_WORDS
        || !starts_like_a_sentence(text)
        || !is_balanced(text)
        || closes_a_quotation_it_never_opened(text)
    {
        SentenceKind::Fragment
    } else {
        SentenceKind::Body
    }
}

/// A title starts like a sentence and stops on a content word: a line ending in `,`, `:` or a
/// function word (`..., according to`) is cut off.
fn is_complete_title(text: &str) -> bool {
    let last_word = text.rsplit(char::is_whitespace).next().unwrap_or_default();
    let bare = last_word.trim_matches(|c: char| !c.is_alphanumeric());
    starts_like_a_sentence(text) && !text.ends_with([':', ',', ';', '-']) && !bare.is_empty() && !is_stopword(bare)
}

/// Starts with a capital, a digit or an opening mark, not a lowercase word or a closing quote.
fn starts_like_a_sentence(text: &str) -> bool {
    text.chars().next().is_some_and(|first| !first.is_lowercase() && !matches!(first, '\u{201d}' | '\u{2019}'))
}

/// Parentheses pair up. Quotation marks do not decide: a quotation that runs over several
/// sentences opens in one and closes in another, and each of those is still a whole sentence.
/// On Multi-News such sentences (about 6% of all) hold more of the reference summaries' words
/// than the average body sentence, so refusing them cost ROUGE.
fn is_balanced(text: &str) -> bool {
    text.matches('(').count() == text.matches(')').count()
}

/// The last sentence of a quotation that began sentences earlier (`... in North Africa."`): on
/// its own it is an unattributed quote ending in a stray mark. A quotation's *first* sentence
/// stays body (see [`is_balanced`]), and so does a closing one that names its speaker
/// (`..., the minister said.`), which reads as a whole.
fn closes_a_quotation_it_never_opened(text: &str) -> bool {
    let text = text.trim_end();
    let straight = text.ends_with('"') && text.matches('"').count() % 2 == 1;
    let curly = text.ends_with('\u{201d}') && text.matches('\u{201c}').count() < text.matches('\u{201d}').count();
    straight || curly
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::word_count;

    fn kind(text: &str) -> SentenceKind {
        sentence_kind(text, word_count(text), true)
    }

    fn kind_within_line(text: &str) -> SentenceKind {
        sentence_kind(text, word_count(text), false)
    }

    #[test]
    fn body_sentences() {
        assert_eq!(
            kind("Algerian troops ended a hostage crisis at a remote gas facility on Saturday."),
            SentenceKind::Body
        );
        assert_eq!(
            kind_within_line("\"We remain in close contact with the Algerian government,\" Hammond said."),
            SentenceKind::Body
        );
        assert_eq!(kind("Many workers are seen as heroes by their families and friends."), SentenceKind::Body);
    }

    #[test]
    fn overlong_sentences_and_words_are_not_sentences() {
        let long = format!("Troops {} the plant on Thursday, officials said.", "reached and held ".repeat(150));
        assert!(long.len() > MAX_SENTENCE_BYTES);
        assert_eq!(kind(&long), SentenceKind::Fragment);
        let token = format!("Troops reached the {} plant on Thursday, officials said.", "x".repeat(MAX_WORD_BYTES + 1));
        assert_eq!(kind(&token), SentenceKind::Fragment);
        let fine = format!("Troops reached the {} plant on Thursday, officials said.", "x".repeat(MAX_WORD_BYTES));
        assert_eq!(kind(&fine), SentenceKind::Body);
    }

    #[test]
    fn headlines_are_lines_without_a_full_stop() {
        assert_eq!(kind("Algerian hostage drama ends with air strike, unknown casualties"), SentenceKind::Headline);
        assert_eq!(
            kind("23 hostages reported dead as crisis in Algeria is 'brought to an end'"),
            SentenceKind::Headline
        );
        assert_eq!(kind("Crisis highlights pressure, potential on Algeria"), SentenceKind::Headline);
        // The same words inside a paragraph line are not a headline.
        assert_eq!(kind_within_line("Crisis highlights pressure, potential on Algeria"), SentenceKind::Fragment);
    }

    #[test]
    fn page_and_archive_notices_are_boilerplate_even_when_shaped_like_news() {
        assert_eq!(
            kind_within_line("These crawls are part of an effort to archive pages as they are created and archive the pages that they refer to."),
            SentenceKind::Boilerplate
        );
        assert_eq!(
            kind("You always have the option to delete your tweet location history."),
            SentenceKind::Boilerplate
        );
    }

    #[test]
    fn questions_end_with_a_question_mark() {
        assert_eq!(kind("Why did the Algerian army attack before the hostages were freed?"), SentenceKind::Question);
        assert_eq!(kind_within_line("\"Who is responsible?\""), SentenceKind::Question);
    }

    #[test]
    fn captions_credits_and_bylines() {
        assert_eq!(kind("Anis Belghoul / AP"), SentenceKind::Caption);
        assert_eq!(
            kind("Two British hostages -- Peter, left, and Alan, right (no family name available) -- are seen after being released, in a street near the gas plant."),
            SentenceKind::Caption
        );
        assert_eq!(kind("(Photo: Farouk Batiche/AFP/Getty Images)"), SentenceKind::Caption);
        assert_eq!(kind("By Lamine Chikhi and Hamid Ould Ahmed"), SentenceKind::Caption);
        assert_eq!(kind("Reuters and The Associated Press contributed to this report."), SentenceKind::Caption);
        assert_eq!(kind_within_line("NBC News' Annabel Roberts reports."), SentenceKind::Caption);
        assert_eq!(kind("Video: Hostages describe their escape from the plant"), SentenceKind::Caption);
        assert_eq!(kind("Opinion: Algeria situation is a wake-up call for the U.S."), SentenceKind::Caption);
        assert_eq!(
            kind("An Algerian soldier stands guard at the gate (AP Photo/Anis Belghoul)"),
            SentenceKind::Caption
        );
    }

    #[test]
    fn sentences_of_a_quotation_spanning_several_are_body() {
        assert_eq!(
            kind_within_line("\"The blame for this tragedy rests with the terrorists who carried it out."),
            SentenceKind::Body
        );
        assert_eq!(
            kind_within_line("We will not rest until they are found,\u{201d} the minister said."),
            SentenceKind::Body
        );
        assert_eq!(
            kind_within_line("He said the tragedy was \"avoidable\" and \u{201c}deeply sad.\u{201d}"),
            SentenceKind::Body
        );
        assert_eq!(
            kind_within_line("The army (which had surrounded the plant attacked at noon."),
            SentenceKind::Fragment
        );
    }

    #[test]
    fn fragments() {
        assert_eq!(kind("Discuss as:"), SentenceKind::Fragment);
        assert_eq!(kind("Related content:"), SentenceKind::Fragment);
        assert_eq!(kind_within_line("It was unclear."), SentenceKind::Fragment);
        assert_eq!(
            kind_within_line("This attack is another reminder of the threat posed in North Africa.\""),
            SentenceKind::Fragment
        );
        assert_eq!(
            kind_within_line("We will not rest until they are all found and punished.\u{201d}"),
            SentenceKind::Fragment
        );
        assert_eq!(kind("intervened, and the militants were then killed by the army."), SentenceKind::Fragment);
        assert_eq!(
            kind_within_line("\u{201d} the minister said on state television that night."),
            SentenceKind::Fragment
        );
        assert_eq!(kind("The militants said they would kill all the hostages, according to"), SentenceKind::Fragment);
        let cut_off =
            "The hostage-takers who claimed to be led by Mokhtar Belmokhtar, a one-eyed terrorist believed to be \
                       behind several kidnappings in recent years, had threatened to kill the hostages if the army";
        assert_eq!(kind(cut_off), SentenceKind::Fragment);
    }
}
