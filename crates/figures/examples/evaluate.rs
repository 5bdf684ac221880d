//! Precision and recall of disputed groups on the real held-out clusters, through the CLI's
//! pipeline; with `--groups`, also every disputed group found, to read the errors.
//!
//! `cargo run -p chorus-figures --release --example evaluate [-- --groups]`
//! (data from `$CHORUS_DATA`, else `<workspace>/../shared/data`).

#[path = "../tests/real_data/mod.rs"]
mod real_data;

use chorus_figures::eval::Score;
use std::process::ExitCode;

fn main() -> ExitCode {
    let show_groups = std::env::args().skip(1).any(|a| a == "--groups");
    let scored = real_data::data_files().and_then(|files| real_data::evaluate(&files, &real_data::real_labels()?));
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
        if show_groups {
            for disputed in cluster.groups.iter().filter(|g| g.is_disputed()) {
                let values: Vec<String> = disputed
                    .values
                    .iter()
                    .filter_map(|v| v.value.exact().map(|n| format!("{n} {:?}", v.docs)))
                    .collect();
                println!("    {} {:?} {:?}: {}", disputed.counted, disputed.event, disputed.phase, values.join(", "));
            }
        }
    }
    let total: Score = scored.iter().map(|s| s.score).sum();
    println!("clusters {}  found {}  expected {}  matched {}", scored.len(), total.found, total.expected, total.matched);
    println!("precision {:.3}  recall {:.3}", total.precision(), total.recall());
    ExitCode::SUCCESS
}
