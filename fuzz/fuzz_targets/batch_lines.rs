//! A JSONL stream of clusters (plain or gzip): every non-blank line gives one record, a cluster
//! or an error naming its line, in order, under a small line limit.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::Write;

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("chorus-fuzz-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let plain = dir.join("lines.jsonl");
    std::fs::write(&plain, data).expect("write");
    let gzip = dir.join("lines.jsonl.gz");
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(data).expect("compress");
    std::fs::write(&gzip, encoder.finish().expect("compress")).expect("write");
    let limits = chorus::Limits { max_line_bytes: 4096, ..chorus::Limits::default() };
    for path in [&plain, &gzip] {
        let mut last = 0;
        for line in chorus::ingest::read_clusters(path).expect("opens").with_limits(limits) {
            assert!(line.line > last, "line numbers increase");
            last = line.line;
            if let Err(error) = &line.result {
                assert!(error.to_string().contains(&format!("line {}", line.line)), "{error}");
            }
        }
    }
});
