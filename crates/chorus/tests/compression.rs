//! Compression in the brief: every piece a sentence keeps cites its exact bytes, the budget
//! counts the compressed sentences, and `with_compression(false)` quotes whole sentences.

use chorus::{Brief, Budget, Cluster, Document, Figures, Limit, Summarizer};

fn reports() -> Cluster {
    let texts = [
        "On Friday, Algerian troops stormed the gas plant where the militants held their hostages, the state news agency said Saturday. \
         The army said 23 hostages and 32 militants were killed (the toll may rise) in the assault.\n",
        "ALGIERS (AP) -- Twenty-three hostages died in the army's final assault on the desert gas plant, officials said on Saturday. \
         British Prime Minister David Cameron, 46, was told of the deaths late Friday by his Algerian counterpart.\n",
    ];
    Cluster {
        id: "plant".into(),
        documents: texts.iter().enumerate().map(|(i, t)| Document::new(i.to_string(), *t)).collect(),
        ..Default::default()
    }
}

/// The pieces' original bytes, joined as compression joins them, first letter capitalized.
fn cited(original: &str, spans: &[[usize; 2]]) -> String {
    let mut joined = String::new();
    for &[start, end] in spans {
        let piece = &original[start..end];
        if !joined.is_empty() && !piece.starts_with([',', '.', ';', ':', '!', '?', ')']) {
            joined.push(' ');
        }
        joined.push_str(piece);
    }
    let mut chars = joined.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[test]
fn every_kept_piece_cites_its_exact_bytes() {
    let cluster = reports();
    let originals: Vec<String> = cluster.documents.iter().map(|d| d.original.clone()).collect();
    let brief = Summarizer::new("lead", Budget { limit: Limit::Sentences(4), truncate: false })
        .expect("valid")
        .summarize(cluster)
        .expect("brief");
    let texts: Vec<&str> = brief.sentences.iter().map(|s| s.text.as_str()).collect();
    assert!(
        texts.contains(&"Algerian troops stormed the gas plant where the militants held their hostages."),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"Twenty-three hostages died in the army's final assault on the desert gas plant."),
        "{texts:?}"
    );
    assert!(texts.contains(&"The army said 23 hostages and 32 militants were killed in the assault."), "{texts:?}");
    for sentence in &brief.sentences {
        let original = &originals[sentence.doc_index];
        assert_eq!(cited(original, &sentence.spans), sentence.text);
        assert_eq!((sentence.start, sentence.end), (sentence.spans[0][0], sentence.spans[sentence.spans.len() - 1][1]));
        assert!(sentence.spans.windows(2).all(|w| w[0][1] < w[1][0]), "spans in order, apart: {:?}", sentence.spans);
    }
}

#[test]
fn spans_map_through_the_cleaning_on_the_example() {
    // The example's reports have mojibake, curly quotes and page furniture that cleaning rewrites.
    let prepared =
        chorus::prepare(chorus::read_cluster("../../examples/in-amenas").expect("example")).expect("prepared");
    let documents = prepared.cluster.documents();
    let mut compressed = 0;
    for (index, sentence) in prepared.corpus.sentences.iter().enumerate() {
        let text = &prepared.choices().sentences[index].text;
        let pieces = prepared.compressed.pieces(&prepared.corpus, index, text.len());
        compressed += usize::from(pieces.len() > 1 || text != &sentence.text);
        let clean = &documents[sentence.doc].clean;
        let mut joined = String::new();
        for piece in &pieces {
            let range = sentence.clean.start + piece.start..sentence.clean.start + piece.end;
            let kept = &clean.as_str()[range.clone()];
            assert_eq!(kept, &sentence.text[piece.clone()], "the piece is the cleaned text at its range");
            let span = clean.original_span(range);
            assert!(sentence.span.start <= span.start && span.end <= sentence.span.end, "inside the sentence's span");
            if !joined.is_empty() && !kept.starts_with([',', '.', ';', ':', '!', '?', ')']) {
                joined.push(' ');
            }
            joined.push_str(kept);
        }
        assert_eq!(joined.to_lowercase(), text.to_lowercase(), "the text is its pieces");
        assert_eq!(joined.get(1..), text.get(1..), "only the first letter may change");
    }
    assert!(compressed >= 10, "the example has day names to drop: {compressed} sentences compressed");
}

#[test]
fn the_budget_counts_compressed_sentences_and_compression_can_be_turned_off() {
    let budget = Budget::words(40);
    let on = Summarizer::new("lead", budget).expect("valid").summarize(reports()).expect("brief");
    let off =
        Summarizer::new("lead", budget).expect("valid").with_compression(false).summarize(reports()).expect("brief");
    assert!(on.words <= 40 && off.words <= 40);
    assert!(on.sentences.len() > off.sentences.len(), "shorter sentences leave room for another");
    for sentence in &off.sentences {
        assert_eq!(sentence.spans, [[sentence.start, sentence.end]]);
        assert_eq!(&reports().documents[sentence.doc_index].original[sentence.start..sentence.end], sentence.text);
    }
}

#[test]
fn a_cut_sentence_cites_the_pieces_it_keeps() {
    let prepared = chorus::prepare(reports()).expect("prepared");
    let budget = Budget { limit: Limit::Words(5), truncate: true };
    let selection = chorus::select(&prepared, chorus::methods::method("lead").expect("lead"), budget).expect("chosen");
    let brief = Brief::assemble(&prepared, selection, Figures::default()).expect("brief");
    let last = brief.sentences.last().expect("a sentence");
    assert!(last.truncated);
    assert_eq!(last.text.split_whitespace().count(), 5);
    assert_eq!(cited(&reports().documents[last.doc_index].original, &last.spans), last.text);
}
