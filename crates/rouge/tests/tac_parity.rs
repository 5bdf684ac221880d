//! `Convention::Rouge155` on TAC 2011 MultiLing (10 clusters × 3 references) against the perl
//! script's numbers for two lead-style systems (fixtures/gen_tac.py). The references are read from
//! the evaluation data, which may not be copied into the repository: `$CHORUS_DATA` or
//! `<workspace>/../shared/data`, so the test is opt-in (`cargo test -- --ignored`; `.ci/run` runs it).

mod common;

use chorus_rouge::{Convention, Metric, Scorer, Scores, Truncation};
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(serde::Deserialize)]
struct Fixture {
    clusters: Vec<SystemSummaries>,
    runs: Vec<Run>,
}

#[derive(serde::Deserialize)]
struct SystemSummaries {
    id: String,
    summaries: BTreeMap<String, String>,
}

#[derive(serde::Deserialize)]
struct Run {
    system: String,
    truncate: BTreeMap<String, usize>,
    per_item: Vec<BTreeMap<String, [f64; 3]>>,
    averages: BTreeMap<String, [f64; 3]>,
}

#[derive(serde::Deserialize)]
struct DataCluster {
    id: String,
    summaries: Vec<String>,
}

const METRICS: [Metric; 6] =
    [Metric::Rouge1, Metric::Rouge2, Metric::Rouge3, Metric::Rouge4, Metric::RougeL, Metric::RougeSU4];

fn tac_references() -> BTreeMap<String, Vec<String>> {
    let data = std::env::var_os("CHORUS_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    let path = data.join("tac2011_multiling_en/test.jsonl");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "TAC 2011 references not found at {} ({e}); set CHORUS_DATA to the evaluation data directory",
            path.display()
        )
    });
    text.lines()
        .enumerate()
        .map(|(n, line)| {
            let cluster: DataCluster =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{} line {}: {e}", path.display(), n + 1));
            (cluster.id, cluster.summaries)
        })
        .collect()
}

#[test]
#[ignore = "needs the research data (../shared/data or $CHORUS_DATA); .ci/run runs it"]
fn lead_baselines_score_as_the_perl_script_says() {
    let fixture: Fixture = common::load("tac2011.json");
    let references = tac_references();
    assert_eq!(fixture.clusters.len(), 10);
    for run in &fixture.runs {
        let limit = match run.truncate.get("words") {
            Some(&n) => Truncation::Words(n),
            None => panic!("TAC runs use word limits: {:?}", run.truncate),
        };
        let scorer = Scorer::new(Convention::Rouge155 { truncate: Some(limit) });
        // The wrapper numbers clusters in sorted-id order; the fixture keeps that order.
        let per_cluster: Vec<Scores> = fixture
            .clusters
            .iter()
            .map(|cluster| {
                let refs = references.get(&cluster.id).unwrap_or_else(|| panic!("no references for {}", cluster.id));
                assert_eq!(refs.len(), 3, "{}", cluster.id);
                scorer.score(&cluster.summaries[&run.system], refs).unwrap_or_else(|e| panic!("{}: {e}", cluster.id))
            })
            .collect();
        let averages = scorer.average(&per_cluster);
        let mut worst = BTreeMap::new();
        for metric in METRICS {
            for (cluster, (ours, perl)) in fixture.clusters.iter().zip(per_cluster.iter().zip(&run.per_item)) {
                let prf = ours.get(metric).unwrap_or_default();
                let expected = perl[metric.name()];
                assert_eq!(
                    [prf.recall, prf.precision, prf.f1],
                    expected,
                    "{} {} {limit:?} {metric}",
                    run.system,
                    cluster.id
                );
            }
            let prf = averages.get(metric).unwrap_or_default();
            let expected = run.averages[metric.name()];
            let diff = [prf.recall - expected[0], prf.precision - expected[1], prf.f1 - expected[2]]
                .iter()
                .fold(0.0f64, |m, d| m.max(d.abs()));
            assert!(diff <= 5e-4, "{} {limit:?} {metric} average: ours {prf:?}, perl R/P/F {expected:?}", run.system);
            worst.insert(metric, diff);
        }
        println!("{} {limit:?}: max |average diff| {worst:?}", run.system);
    }
}
