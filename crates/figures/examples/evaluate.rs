//! Precision and recall of disputed groups on a labelled set of real clusters (`--set real`, the
//! default, `--set heldout`, `--set fresh` or `--set fresh2`), through the CLI's pipeline; with `--groups`, also every
//! disputed group found, and with `--claims`, every claim (number, counted key, event, scope,
//! hedge, report), to read the errors.
//!
//! `cargo run -p chorus-figures --release --example evaluate [-- --set heldout] [--groups] [--claims]`
//! (data from `$CHORUS_DATA`, else `<workspace>/../shared/data`).

#[path = "../tests/real_data/mod.rs"]
mod real_data;

use chorus_figures::eval::Score;
use std::process::ExitCode;

fn main() -> ExitCode {
    let flags: Vec<String> = std::env::args().skip(1).collect();
    let show_groups = flags.iter().any(|a| a == "--groups");
    let show_claims = flags.iter().any(|a| a == "--claims");
    let set = flags.iter().position(|a| a == "--set").and_then(|i| flags.get(i + 1)).map_or("real", String::as_str);
    let scored = real_data::data_files(set).and_then(|files| real_data::evaluate(&files, &real_data::labels_of(set)?));
    let scored = match scored {
        Ok(scored) => scored,
        Err(e) => {
            eprintln!("evaluate: {e}");
            return ExitCode::FAILURE;
        }
    };
    for cluster in &scored {
        let s = cluster.score;
        println!("{:<28} found {:>2}  expected {:>2}  matched {:>2}", cluster.cluster, s.found, s.expected, s.matched);
        if show_claims {
            for claim in &cluster.claims {
                let event = claim.event.map_or("-".to_string(), |e| format!("{e:?}"));
                let scope = claim.scope.map_or("-".to_string(), |s| format!("{s:?}"));
                let quoted = if claim.quoted { "quoted" } else { "" };
                let hedge = claim.qualifier.as_deref().unwrap_or("");
                println!(
                    "    claim {hedge:>10} {:>8} {:<24} {:<9} {:<11} doc {} {quoted}",
                    claim.number_text, claim.counted_key, event, scope, claim.doc
                );
            }
        }
        if show_groups {
            for disputed in cluster.groups.iter().filter(|g| g.is_disputed()) {
                let values: Vec<String> = disputed
                    .values
                    .iter()
                    .filter_map(|v| v.value.exact().map(|n| format!("{n} {:?}", v.docs)))
                    .collect();
                println!(
                    "    {} {:?} {:?} {:?}: {}",
                    disputed.counted,
                    disputed.event,
                    disputed.phase,
                    disputed.scope,
                    values.join(", ")
                );
            }
        }
    }
    let total: Score = scored.iter().map(|s| s.score).sum();
    println!(
        "clusters {}  found {}  expected {}  matched {}",
        scored.len(),
        total.found,
        total.expected,
        total.matched
    );
    println!("precision {:.3}  recall {:.3}", total.precision(), total.recall());
    ExitCode::SUCCESS
}
