//! Reading order for the chosen sentences: the sentence that states the event first, then the
//! rest in the order the reports were written.

use chorus_core::{Cluster, Corpus};
use std::sync::OnceLock;

/// A sentence among the first this many body sentences of its report is a lead: news writing
/// states the event (what, who, where, when, the count) there.
const LEAD: usize = 3;

/// Orders `chosen` for reading. The opener is a lead sentence that does not lean on an earlier
/// one (no `He`, `The man`, `But` first: see `data/leaning_openings.txt`): from the latest dated
/// report (the latest count), then the earliest in its report (a report's first sentence states
/// its event), then the method's earliest pick (`picked` is the selection in the order the method
/// chose). Without such a lead, the first sentence fit to open by the same keys opens. The others
/// follow by report (dated reports first, by date), then by position. Without a sentence fit to
/// open, the order is by report and position alone.
pub fn reading_order(corpus: &Corpus, cluster: &Cluster, picked: &[usize], chosen: &mut [usize]) {
    let date = |doc: usize| cluster.documents[doc].date.as_deref();
    chosen.sort_by(|&a, &b| {
        let (sa, sb) = (&corpus.sentences[a], &corpus.sentences[b]);
        // Undated reports sort after dated ones: their place in time is unknown.
        let key = |doc: usize| (date(doc).is_none(), date(doc));
        key(sa.doc).cmp(&key(sb.doc)).then(sa.doc.cmp(&sb.doc)).then(sa.position.cmp(&sb.position))
    });
    let rank = |i: usize| picked.iter().position(|&p| p == i).unwrap_or(usize::MAX);
    let opener = (0..chosen.len()).filter(|&at| !leans_back(&corpus.sentences[chosen[at]].text)).min_by_key(|&at| {
        let (doc, lead) = (corpus.sentences[chosen[at]].doc, lead_index(corpus, chosen[at]));
        (lead >= LEAD, date(doc).is_none(), std::cmp::Reverse(date(doc)), lead, rank(chosen[at]))
    });
    if let Some(at) = opener {
        chosen[..=at].rotate_right(1);
    }
}

/// How many body sentences of its report come before sentence `index` (0 for the first).
fn lead_index(corpus: &Corpus, index: usize) -> usize {
    let doc = corpus.sentences[index].doc;
    corpus.sentences[..index].iter().rev().take_while(|s| s.doc == doc).filter(|s| s.is_eligible()).count()
}

/// Whether a sentence opens with words that refer to something said before it, or leans on an
/// antecedent another way (words with no speaker: see `antecedent`).
fn leans_back(text: &str) -> bool {
    leaning_opening(text).is_some() || crate::antecedent::leans_back(text)
}

/// The opening of `data/leaning_openings.txt` a sentence starts with (`["the", "man"]`), if any.
pub(crate) fn leaning_opening(text: &str) -> Option<&'static [&'static str]> {
    static OPENINGS: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    let openings = OPENINGS.get_or_init(|| {
        include_str!("../data/leaning_openings.txt")
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(|line| line.split_whitespace().collect())
            .collect()
    });
    let words: Vec<String> = text
        .split_whitespace()
        .take(2)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .collect();
    openings
        .iter()
        .find(|opening| opening.len() <= words.len() && opening.iter().zip(&words).all(|(o, w)| o == w))
        .map(Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chorus_core::{Document, Sentence, SentenceKind, Span};

    fn sentence(doc: usize, position: usize, text: &str) -> Sentence {
        Sentence {
            doc,
            position,
            text: text.into(),
            clean: 0..0,
            span: Span { start: 0, end: 0 },
            words: 0,
            terms: Default::default(),
            kind: SentenceKind::Body,
        }
    }

    fn cluster(dates: &[Option<&str>]) -> Cluster {
        let mut cluster = Cluster::default();
        for (i, date) in dates.iter().enumerate() {
            let mut d = Document::new(i.to_string(), "x");
            d.date = date.map(str::to_owned);
            cluster.documents.push(d);
        }
        cluster
    }

    #[test]
    fn the_latest_lead_opens_then_dated_reports_in_date_order_then_position() {
        let cluster = cluster(&[None, Some("2013-01-19"), Some("2013-01-17")]);
        let corpus = Corpus {
            sentences: vec![
                sentence(0, 0, "Undated lead."),
                sentence(1, 0, "Saturday lead: 23 hostages dead."),
                sentence(1, 1, "Second of Saturday."),
                sentence(1, 2, "Third of Saturday."),
                sentence(1, 3, "Fourth of Saturday, no lead."),
                sentence(2, 0, "Thursday lead."),
            ],
            ..Corpus::default()
        };
        let mut chosen = vec![0, 4, 1, 5];
        reading_order(&corpus, &cluster, &[5, 0, 4, 1], &mut chosen);
        assert_eq!(chosen, vec![1, 5, 4, 0], "Saturday's lead first, then Thursday, Saturday, undated");
    }

    #[test]
    fn a_sentence_leaning_on_an_earlier_one_never_opens() {
        let cluster = cluster(&[None, None]);
        let corpus = Corpus {
            sentences: vec![
                sentence(0, 0, "He said the plant was stormed."),
                sentence(0, 1, "The army stormed the plant."),
                sentence(1, 0, "\"But it was over,\" she said."),
            ],
            ..Corpus::default()
        };
        let mut chosen = vec![0, 1, 2];
        // The method picked the pronoun sentence first; the first sentence fit to open opens.
        reading_order(&corpus, &cluster, &[0, 2, 1], &mut chosen);
        assert_eq!(chosen, vec![1, 0, 2]);
        let mut none_fit = vec![2, 0];
        reading_order(&corpus, &cluster, &[2, 0], &mut none_fit);
        assert_eq!(none_fit, vec![0, 2], "report and position order when nothing is fit to open");
    }

    #[test]
    fn a_reports_first_sentence_opens_before_a_later_lead() {
        let cluster = cluster(&[None, None]);
        let corpus = Corpus {
            sentences: vec![
                sentence(0, 0, "Rescuers reached the village after the flood."),
                sentence(0, 1, "The river rose three metres overnight."),
                sentence(1, 0, "Officials said ten people were missing."),
            ],
            ..Corpus::default()
        };
        let mut chosen = vec![0, 1, 2];
        // The method picked the river first, then the officials: the first of the first sentences.
        reading_order(&corpus, &cluster, &[1, 2, 0], &mut chosen);
        assert_eq!(chosen, vec![2, 0, 1]);
    }

    #[test]
    fn without_a_lead_fit_to_open_a_later_sentence_fit_to_open_opens() {
        let cluster = cluster(&[None]);
        let corpus = Corpus {
            sentences: vec![
                sentence(0, 0, "But the army moved."),
                sentence(0, 1, "``It is over.''"),
                sentence(0, 2, "He left."),
                sentence(0, 3, "The plant was stormed at dawn."),
            ],
            ..Corpus::default()
        };
        let mut chosen = vec![0, 1, 3];
        reading_order(&corpus, &cluster, &[0, 1, 3], &mut chosen);
        assert_eq!(chosen, vec![3, 0, 1]);
    }

    #[test]
    fn leaning_openings() {
        for text in
            ["He left.", "They said so.", "\"It is over,\" he said.", "The man was held.", "But the army moved."]
        {
            assert!(leans_back(text), "{text}");
        }
        for text in
            ["The army stormed the plant.", "Algerian troops left.", "Hezbollah fired rockets.", "Theresa May spoke."]
        {
            assert!(!leans_back(text), "{text}");
        }
    }
}
