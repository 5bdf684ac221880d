//! Reading order for the chosen sentences.

use chorus_core::{Cluster, Corpus};

/// Orders sentences by report (the report's date first when known, so that events read in the
/// order they were reported), then by their position in the report.
pub fn reading_order(corpus: &Corpus, cluster: &Cluster, chosen: &mut [usize]) {
    chosen.sort_by(|&a, &b| {
        let (sa, sb) = (&corpus.sentences[a], &corpus.sentences[b]);
        let date = |doc: usize| cluster.documents[doc].date.as_deref();
        // Undated reports sort after dated ones: their place in time is unknown.
        let key = |doc: usize| (date(doc).is_none(), date(doc));
        key(sa.doc).cmp(&key(sb.doc)).then(sa.doc.cmp(&sb.doc)).then(sa.position.cmp(&sb.position))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use chorus_core::{Document, Sentence, SentenceKind, Span};

    fn sentence(doc: usize, position: usize) -> Sentence {
        Sentence {
            doc,
            position,
            text: String::new(),
            clean: 0..0,
            span: Span { start: 0, end: 0 },
            words: 0,
            terms: vec![],
            kind: SentenceKind::Body,
        }
    }

    #[test]
    fn dated_reports_come_first_in_date_order_then_position() {
        let mut cluster = Cluster::default();
        for (id, date) in [("a", None), ("b", Some("2013-01-19")), ("c", Some("2013-01-17"))] {
            let mut d = Document::new(id, "x");
            d.date = date.map(str::to_owned);
            cluster.documents.push(d);
        }
        let corpus = Corpus {
            sentences: vec![sentence(0, 0), sentence(1, 3), sentence(1, 1), sentence(2, 5)],
            ..Corpus::default()
        };
        let mut chosen = vec![0, 1, 2, 3];
        reading_order(&corpus, &cluster, &mut chosen);
        assert_eq!(chosen, vec![3, 2, 1, 0]);
    }
}
