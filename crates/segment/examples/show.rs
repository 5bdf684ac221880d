//! Prints the sentences of a folder of text files, one per line with its kind: for eyeballing
//! segmentation. `cargo run -p chorus-segment --example show -- examples/in-amenas`
use chorus_core::{Cluster, Document};
use chorus_segment::Segmenter;
use std::{env, fs, process::ExitCode};

fn main() -> ExitCode {
    let Some(folder) = env::args().nth(1) else {
        eprintln!("usage: show <folder of .txt files>");
        return ExitCode::FAILURE;
    };
    let mut paths = match fs::read_dir(&folder) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect::<Vec<_>>(),
        Err(e) => {
            eprintln!("{folder}: {e}");
            return ExitCode::FAILURE;
        }
    };
    paths.sort();
    let mut cluster = Cluster::default();
    for path in paths {
        match fs::read_to_string(&path) {
            Ok(text) => cluster.documents.push(Document::new(path.display().to_string(), text)),
            Err(e) => eprintln!("skipping {}: {e}", path.display()),
        }
    }
    for sentence in Segmenter::new().segment(&chorus_ingest::Cleaning::default().clean(cluster)).sentences {
        println!("{}:{} {:?}\t{}", sentence.doc, sentence.position, sentence.kind, sentence.text);
    }
    ExitCode::SUCCESS
}
