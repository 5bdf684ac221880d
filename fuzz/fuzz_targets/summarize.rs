//! Every method and budget on an arbitrary cluster: a brief or an error, never a panic, and a
//! brief within its budget whose spans lie in its documents.
#![no_main]

use chorus::{Budget, Cluster, Document, Limit, Summarizer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let documents: Vec<Document> =
        text.split("|||||").take(6).enumerate().map(|(i, t)| Document::new(i.to_string(), t.to_owned())).collect();
    let cluster = Cluster { id: "fuzz".into(), documents, ..Default::default() };
    let methods = chorus::methods::methods();
    let method = methods[selector as usize % methods.len()].name();
    let size = usize::from(selector / 16) * 7 + 1;
    let limit = match selector % 3 {
        0 => Limit::Words(size),
        1 => Limit::Bytes(size * 6),
        _ => Limit::Sentences(size % 5 + 1),
    };
    let budget = Budget { limit, truncate: selector & 8 != 0 };
    let summarizer = Summarizer::new(method, budget).expect("a listed method and a non-zero budget");
    let Ok(brief) = summarizer.summarize(cluster) else { return };
    match limit {
        Limit::Words(n) => assert!(brief.words <= n, "{} words over {n}", brief.words),
        Limit::Bytes(n) => assert!(brief.summary.len() <= n, "{} bytes over {n}", brief.summary.len()),
        Limit::Sentences(n) => assert!(brief.sentences.len() <= n),
    }
    for sentence in &brief.sentences {
        assert!(sentence.start <= sentence.end && sentence.end <= brief.documents[sentence.doc_index].bytes);
    }
    for format in [chorus::Format::Text, chorus::Format::Markdown, chorus::Format::Json, chorus::Format::Html] {
        let _ = chorus::render(&brief, format);
    }
});
