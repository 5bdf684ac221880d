//! Prints the claims and the disputed groups of a folder of plain-text reports, as JSON.
//!
//! `cargo run -p chorus-figures --example figures -- <folder> [--all]`
//!
//! Sentences are cut by the tests' simple splitter, so this is a tool for looking at results,
//! not a pipeline.

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(folder) = args.next().map(PathBuf::from) else {
        eprintln!("usage: figures <folder of .txt reports> [--all]");
        return ExitCode::FAILURE;
    };
    let show_all = args.next().is_some_and(|a| a == "--all");
    if !folder.is_dir() {
        eprintln!("{}: not a folder", folder.display());
        return ExitCode::FAILURE;
    }
    let documents = common::example_documents(&folder);
    let corpus = common::corpus_of(&documents);
    let claims = chorus_figures::extract(&corpus, &documents);
    let groups = chorus_figures::group(&claims);
    let shown: Vec<_> = groups.iter().filter(|g| show_all || g.is_disputed()).collect();
    let report = serde_json::json!({ "claims": claims, "groups": shown });
    match serde_json::to_string_pretty(&report) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: cannot write JSON: {e}", folder.display());
            ExitCode::FAILURE
        }
    }
}
