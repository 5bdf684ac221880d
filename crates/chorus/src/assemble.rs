//! The last stage: a selection becomes a brief. The chosen sentences are put in reading order,
//! the last one is cut at the budget when asked, and each sentence gets its citation (its bytes
//! in its report, the other reports that say the same, the disputed figures it carries).

use crate::brief::{Brief, BriefSentence, DocumentInfo, Timings};
use crate::figure_stage::Figures;
use crate::order::reading_order;
use crate::prepared::Prepared;
use crate::selection::Selection;
use crate::Error;
use chorus_core::{Budget, Corpus, Limit, SentenceKind};
use chorus_methods::Support;
use chorus_segment::word_count;

impl Brief {
    /// Assembles the brief of a prepared cluster from a method's selection and the figures
    /// (pass `Figures::default()` to leave them out). A selection of which nothing fits the
    /// budget is an error, not an empty brief.
    pub fn assemble(prepared: &Prepared, selection: Selection, figures: Figures) -> Result<Brief, Error> {
        let (cluster, budget) = (prepared.cluster.cluster(), selection.budget);
        // Lengths are those of the sentences as printed (compressed); support is found between
        // whole sentences.
        let choices = prepared.choices();
        let (mut fitting, overflow) = split_overflow(choices, &selection.sentences, &budget);
        reading_order(choices, cluster, &selection.sentences, &mut fitting);
        let support = Support::new(&prepared.corpus);
        let cite = |index: usize, len: Option<usize>| cite(prepared, &support, index, len, &figures);
        let mut sentences: Vec<BriefSentence> = fitting.iter().map(|&i| cite(i, None)).collect();
        if let Some(last) = overflow {
            let used: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
            if let Some(cut) = cut_to_budget(&choices.sentences[last].text, &used, &budget) {
                let mut sentence = cite(last, Some(cut.len()));
                sentence.truncated = true;
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

/// Sentence `index` as the brief prints it (its first `len` bytes when cut at the budget), citing
/// the original bytes of each piece it keeps.
fn cite(prepared: &Prepared, support: &Support, index: usize, len: Option<usize>, figures: &Figures) -> BriefSentence {
    let documents = prepared.cluster.documents();
    let s = &prepared.corpus.sentences[index];
    let text = &prepared.choices().sentences[index].text;
    let pieces = prepared.compressed.pieces(&prepared.corpus, index, len.unwrap_or(text.len()));
    let clean = &documents[s.doc].clean;
    let spans: Vec<[usize; 2]> = pieces
        .iter()
        .map(|piece| clean.original_span(s.clean.start + piece.start..s.clean.start + piece.end))
        .map(|span| [span.start, span.end])
        .collect();
    let disputed =
        figures.disputed.iter().filter(|(sentence, _)| *sentence == index).map(|&(_, group)| group).collect();
    BriefSentence {
        text: text[..len.unwrap_or(text.len())].to_owned(),
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

/// Splits a selection into the sentences that fit whole and, when the method added one past the
/// budget (allowed with `--truncate`), that last one.
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
