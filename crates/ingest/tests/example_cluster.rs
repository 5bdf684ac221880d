//! Cleans the In Amenas example cluster (four real, dirty reports) and checks what cleaning
//! promises: furniture and mojibake gone, link-title runs repaired, broken lines joined, and
//! every cleaned line traceable to the original bytes it came from.

use chorus_core::{Cluster, Document};
use chorus_ingest::{read_cluster, Cleaning};
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

fn example_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/in-amenas")
}

fn cleaned_example() -> Cluster {
    let raw = read_cluster(&example_folder()).expect("the example cluster reads");
    Cleaning::default().clean(raw).cluster().clone()
}

/// Each line of the cleaned text with its byte range.
fn lines(document: &Document) -> Vec<(Range<usize>, &str)> {
    let text = document.clean.as_str();
    let mut start = 0;
    text.split('\n')
        .map(|line| {
            let range = start..start + line.len();
            start = range.end + 1;
            (range, line)
        })
        .collect()
}

fn cleaned(text: &str) -> String {
    let mut document = Document::new("probe", text);
    Cleaning::default().clean_document(&mut document);
    document.clean.as_str().to_owned()
}

#[test]
fn reads_the_folder_in_name_order() {
    let cluster = read_cluster(&example_folder()).expect("reads");
    assert_eq!(cluster.id, "in-amenas");
    let ids: Vec<&str> = cluster.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["000_721c9108c0229ec8", "001_93b220b4024a8ce0", "002_56d016e4b737b692", "003_802d9e333d9d6a38"]);
    assert!(cluster.documents.iter().all(|d| d.clean.as_str() == d.original));
}

#[test]
fn no_furniture_remains() {
    let furniture = [
        "Discuss as:",
        "Related content:",
        "Anis Belghoul / AP",
        "contributed to this report",
        "Annabel Roberts reports.",
        "Joby Warrick discusses",
        "Opinion: Algeria situation",
    ];
    for document in cleaned_example().documents {
        for piece in furniture {
            assert!(!document.clean.as_str().contains(piece), "{}: {piece:?} remains", document.id);
        }
        assert!(lines(&document).iter().all(|(_, line)| !line.is_empty() && line.trim() == *line));
    }
}

#[test]
fn no_mojibake_or_typographic_quotes_remain() {
    for document in cleaned_example().documents {
        let text = document.clean.as_str();
        for bad in ['\u{c2}', '\u{a0}', '\u{201c}', '\u{201d}', '\u{2019}'] {
            assert!(!text.contains(bad), "{}: {bad:?} remains", document.id);
        }
        assert!(!text.contains("\u{e2}\u{20ac}"), "{}: mojibake remains", document.id);
    }
    let hague = cleaned_example().documents[1].clean.as_str().to_owned();
    assert!(hague.contains("lives of people from other countries. I think it's actually too early"));
}

#[test]
fn the_clinton_line_is_repaired() {
    let cluster = cleaned_example();
    let text = cluster.documents[0].clean.as_str();
    assert!(text.contains(
        "international community,\" Secretary of State Hillary Clinton said Thursday. \"Instability in Mali"
    ));
    assert!(!text.contains("MORE") && !text.contains("Steele dossier"));
}

#[test]
fn a_sentence_broken_across_lines_is_joined() {
    let cluster = cleaned_example();
    assert!(cluster.documents[3]
        .clean
        .as_str()
        .contains("had threatened to kill the hostages if the army intervened.\n"));
}

#[test]
fn different_reports_are_not_duplicates() {
    assert!(cleaned_example().documents.iter().all(|d| d.duplicate_of.is_none()));
}

#[test]
fn a_repeated_wire_story_is_marked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let story = fs::read_to_string(example_folder().join("003_802d9e333d9d6a38.txt")).expect("example");
    fs::write(dir.path().join("a.txt"), &story).expect("write");
    fs::write(dir.path().join("b.txt"), fs::read(example_folder().join("000_721c9108c0229ec8.txt")).expect("example"))
        .expect("write");
    let edited = story.replace("Thursday", "Thursday morning").replace("35 hostages", "34 hostages");
    fs::write(dir.path().join("c.txt"), edited).expect("write");
    let cluster = Cleaning::default().clean(read_cluster(dir.path()).expect("reads"));
    let marks: Vec<Option<usize>> = cluster.documents().iter().map(|d| d.duplicate_of).collect();
    assert_eq!(marks, [None, None, Some(0)]);
}

#[test]
fn every_line_maps_back_to_the_original() {
    let mut byte_identical = 0;
    for document in cleaned_example().documents {
        for (range, line) in lines(&document) {
            let span = document.clean.original_span(range);
            let source = &document.original[span.start..span.end];
            assert_eq!(cleaned(source), line, "{}: {source:?}", document.id);
            // Plain source text has nothing to clean, so it must be the line byte for byte.
            let plain =
                source.bytes().all(|b| (b' '..=b'~').contains(&b)) && !source.contains("  ") && !source.contains('&');
            if plain {
                assert_eq!(source, line, "{}", document.id);
                byte_identical += 1;
            }
        }
    }
    // Most of the example is plain: 001 has one non-plain line, 003 one joined line.
    assert!(byte_identical >= 80, "only {byte_identical} lines map byte for byte");
}
