//! The last stage: a selection becomes a brief. The chosen sentences are put in reading order,
//! a sentence leaning on what the brief does not say is rewritten or left out (`antecedent`),
//! the last one is cut at the budget when asked, and each sentence gets its citation (its bytes
//! in its report, the other reports that say the same, the disputed figures it carries).

use crate::antecedent::{reading, Name, Reading};
use crate::brief::{Brief, BriefSentence, DocumentInfo, Timings};
use crate::figure_stage::Figures;
use crate::order::reading_order;
use crate::prepared::Prepared;
use crate::selection::Selection;
use crate::Error;
use chorus_core::{Budget, Corpus, Limit, SentenceKind};
use chorus_methods::Support;
use chorus_segment::word_count;
use std::ops::Range;

impl Brief {
    /// Assembles the brief of a prepared cluster from a method's selection and the figures
    /// (pass `Figures::default()` to leave them out). A selection of which nothing fits the
    /// budget is an error, not an empty brief.
    pub fn assemble(prepared: &Prepared, selection: Selection, figures: Figures) -> Result<Brief, Error> {
        let (cluster, budget) = (prepared.cluster.cluster(), selection.budget);
        // Lengths are those of the sentences as printed (compressed); support is found between
        // whole sentences.
        let choices = prepared.choices();
        // A chosen sentence left out (see `read`) gives its room to the method's next picks.
        let mut left_out = Vec::new();
        let (mut kept, overflow) = loop {
            let reserve = if left_out.is_empty() { &[][..] } else { &selection.reserve[..] };
            let picks: Vec<usize> =
                selection.sentences.iter().chain(reserve).copied().filter(|i| !left_out.contains(i)).collect();
            let (mut fitting, overflow) = split_overflow(choices, &picks, &budget);
            reading_order(choices, cluster, &selection.sentences, &mut fitting);
            let mut kept = Vec::with_capacity(fitting.len());
            let before = left_out.len();
            for index in fitting {
                match read(prepared, &kept, index) {
                    Some(name) => kept.push((index, name)),
                    None => left_out.push(index),
                }
            }
            let overflow = overflow.and_then(|last| match read(prepared, &kept, last) {
                Some(name) => Some((last, name)),
                None => {
                    left_out.push(last);
                    None
                }
            });
            if left_out.len() == before {
                break (kept, overflow);
            }
        };
        fit_names(prepared, &mut kept, &budget);
        let support = Support::new(&prepared.corpus);
        let cite = |index: usize, len: Option<usize>, name: Option<&Name>| {
            cite(prepared, &support, index, len, name, &figures)
        };
        let mut sentences: Vec<BriefSentence> = kept.iter().map(|(i, name)| cite(*i, None, name.as_ref())).collect();
        // The last pick, past the budget, is cut to the room left (the more room when sentences
        // leaning on what the brief does not say were left out).
        if let Some((last, name)) = overflow {
            let full = printed(prepared, last, name.as_ref());
            let used: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
            let cut = cut_to_budget(&full, &used, &budget)
                .filter(|cut| name.as_ref().is_none_or(|name| cut.len() > name.text.len()))
                .map(str::len);
            if let Some(cut) = cut {
                let mut sentence = cite(last, Some(cut), name.as_ref());
                sentence.truncated = cut < full.len();
                sentences.push(sentence);
            }
        }
        if sentences.is_empty() {
            return Err(Error::NothingFits(cluster.id.clone()));
        }
        let summary = sentences.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join(" ");
        let timings = Timings { select_us: selection.select_us, figures_us: figures.figures_us, ..prepared.timings };
        Ok(Brief {
            id: cluster.id.clone(),
            method: selection.method,
            budget,
            query: cluster.query.clone(),
            words: word_count(&summary),
            summary,
            sentences,
            documents: DocumentInfo::of(prepared),
            figures: figures.groups,
            claims: figures.claims,
            updates: figures.updates,
            timings,
        })
    }
}

/// How sentence `index` reads after the sentences `kept` so far (see [`reading`]): `None` when
/// it is left out, else the name that replaces its pronoun subject, if any.
fn read(prepared: &Prepared, kept: &[(usize, Option<Name>)], index: usize) -> Option<Option<Name>> {
    let texts: Vec<String> = kept.iter().map(|(i, name)| printed(prepared, *i, name.as_ref())).collect();
    let earlier: Vec<&str> = texts.iter().map(String::as_str).collect();
    let previous = kept.last().map(|(i, _)| *i).zip(earlier.last().copied());
    match reading(&prepared.corpus, index, &prepared.choices().sentences[index].text, previous, &earlier) {
        Reading::AsIs => Some(None),
        Reading::Named(name) => Some(Some(name)),
        Reading::Dropped => None,
    }
}

/// Keeps the sentences within the budget after names replaced pronouns: a name longer than its
/// pronoun is cut to the surname (one word, as the pronoun was), latest first; the last sentences
/// go if that is not enough (a byte budget).
fn fit_names(prepared: &Prepared, kept: &mut Vec<(usize, Option<Name>)>, budget: &Budget) {
    let fits = |kept: &[(usize, Option<Name>)]| {
        let usage = kept.iter().fold(chorus_core::Usage::default(), |usage, (i, name)| {
            let text = printed(prepared, *i, name.as_ref());
            usage.with(word_count(&text), text.len())
        });
        budget.allows(usage)
    };
    for at in (0..kept.len()).rev() {
        if fits(kept) {
            return;
        }
        if let Some(name) = kept[at].1.take() {
            kept[at].1 = Some(name.surname_only());
        }
    }
    while !fits(kept) {
        kept.pop();
    }
}

/// Sentence `index` as the brief prints it whole: compressed, its pronoun subject replaced by
/// `name`.
fn printed(prepared: &Prepared, index: usize, name: Option<&Name>) -> String {
    let text = &prepared.choices().sentences[index].text;
    match name {
        Some(name) => format!("{} {}", name.text, &text[name.replaces..]),
        None => text.to_string(),
    }
}

/// Sentence `index` as the brief prints it (its first `len` bytes when cut at the budget), citing
/// the original bytes of each piece it keeps: the name that replaces its pronoun subject, then
/// the rest.
fn cite(
    prepared: &Prepared,
    support: &Support,
    index: usize,
    len: Option<usize>,
    name: Option<&Name>,
    figures: &Figures,
) -> BriefSentence {
    let documents = prepared.cluster.documents();
    let s = &prepared.corpus.sentences[index];
    let text = printed(prepared, index, name);
    let len = len.unwrap_or(text.len());
    // The length of the compressed sentence the printed prefix holds.
    let own = name.map_or(len, |name| len - (name.text.len() + 1) + name.replaces);
    let mut pieces: Vec<Range<usize>> = prepared
        .compressed
        .pieces(&prepared.corpus, index, own)
        .into_iter()
        .map(|piece| s.clean.start + piece.start..s.clean.start + piece.end)
        .collect();
    if let Some(name) = name {
        drop_pronoun(documents[s.doc].clean.as_str(), &mut pieces, name.pronoun);
        pieces.insert(0, name.clean.clone());
    }
    let clean = &documents[s.doc].clean;
    let spans: Vec<[usize; 2]> =
        pieces.into_iter().map(|piece| clean.original_span(piece)).map(|span| [span.start, span.end]).collect();
    let disputed =
        figures.disputed.iter().filter(|(sentence, _)| *sentence == index).map(|&(_, group)| group).collect();
    BriefSentence {
        text: text[..len].to_owned(),
        doc: documents[s.doc].id.clone(),
        doc_index: s.doc,
        start: spans.first().map_or(s.span.start, |span| span[0]),
        end: spans.last().map_or(s.span.start, |span| span[1]),
        spans,
        support: support.of(index).into_iter().map(|d| documents[d].id.clone()).collect(),
        truncated: false,
        disputed,
    }
}

/// Takes the first `pronoun` bytes, and the spaces after them, off the pieces (ranges of the
/// cleaned text `clean`) a sentence is printed from.
fn drop_pronoun(clean: &str, pieces: &mut Vec<Range<usize>>, pronoun: usize) {
    let Some(first) = pieces.first_mut() else { return };
    first.start = (first.start + pronoun).min(first.end);
    first.start += clean[first.clone()].len() - clean[first.clone()].trim_start().len();
    if first.start == first.end {
        pieces.remove(0);
    }
}

impl DocumentInfo {
    /// The source list of a prepared cluster. A report without a title of its own (a plain text
    /// file) is named by its opening headline, when it has one.
    pub fn of(prepared: &Prepared) -> Vec<DocumentInfo> {
        let documents = prepared.cluster.documents();
        let corpus = &prepared.corpus;
        let headline = |doc: usize| {
            corpus
                .sentences
                .iter()
                .find(|s| s.doc == doc)
                .filter(|s| s.position == 0 && s.kind == SentenceKind::Headline)
                .map(|s| s.text.to_string())
        };
        documents
            .iter()
            .enumerate()
            .map(|(i, d)| DocumentInfo {
                id: d.id.clone(),
                file: d.file.clone(),
                title: d.title.clone().or_else(|| headline(i)),
                date: d.date.clone(),
                bytes: d.original.len(),
                duplicate_of: d.duplicate_of.map(|i| documents[i].id.clone()),
                seen: d.seen,
            })
            .collect()
    }
}

/// Splits a method's picks into the first ones that fit whole and, when the next one is past the
/// budget, that one if the budget allows cutting it (`--truncate`).
fn split_overflow(corpus: &Corpus, chosen: &[usize], budget: &Budget) -> (Vec<usize>, Option<usize>) {
    let mut usage = chorus_core::Usage::default();
    let mut fitting = Vec::with_capacity(chosen.len());
    for &i in chosen {
        let s = &corpus.sentences[i];
        let next = usage.with(s.words, s.text.len());
        if !budget.allows(next) {
            return (fitting, budget.truncate.then_some(i));
        }
        usage = next;
        fitting.push(i);
    }
    (fitting, None)
}

/// The longest prefix of `text` (whole words) that still fits after the sentences in `used`.
fn cut_to_budget<'t>(text: &'t str, used: &[&str], budget: &Budget) -> Option<&'t str> {
    let room = match budget.limit {
        Limit::Words(n) => n.checked_sub(used.iter().map(|s| word_count(s)).sum())?,
        Limit::Bytes(n) => {
            let taken: usize = used.iter().map(|s| s.len() + 1).sum();
            n.checked_sub(taken)?
        }
        Limit::Sentences(n) => return (used.len() < n).then_some(text),
    };
    let mut end = 0;
    for (words, (start, word)) in word_starts(text).enumerate() {
        let fits = match budget.limit {
            Limit::Words(_) => words < room,
            _ => start + word.len() <= room,
        };
        if !fits {
            break;
        }
        end = start + word.len();
    }
    (end > 0).then(|| &text[..end])
}

/// Each whitespace-separated word with its byte offset.
fn word_starts(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace().map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_keeps_whole_words_within_the_room_left() {
        let words = Budget { limit: Limit::Words(5), truncate: true };
        assert_eq!(cut_to_budget("one two three four", &["a b"], &words), Some("one two three"));
        assert_eq!(cut_to_budget("one two", &["a b c d e"], &words), None);
        let bytes = Budget { limit: Limit::Bytes(12), truncate: true };
        // "abc" + space leaves 8 bytes: "one two" is 7.
        assert_eq!(cut_to_budget("one two three", &["abc"], &bytes), Some("one two"));
    }
}
