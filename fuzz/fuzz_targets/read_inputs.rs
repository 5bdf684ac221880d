//! Reading every input format from arbitrary bytes: a text, HTML, JSON or extension-less file, a
//! folder holding it, and a JSON string. Reading may refuse the input, but never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;

fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chorus-fuzz-read-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

fuzz_target!(|data: &[u8]| {
    let dir = scratch();
    for name in ["report.txt", "page.html", "cluster.json", "input"] {
        let path = dir.join(name);
        std::fs::write(&path, data).expect("write");
        if let Ok(cluster) = chorus::read_cluster(&path) {
            assert!(!cluster.documents.is_empty(), "a cluster read without an error has documents");
        }
        let _ = chorus::read_cluster(&dir);
        std::fs::remove_file(&path).expect("remove");
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = chorus::ingest::cluster_from_json(text, "fuzz");
    }
});
