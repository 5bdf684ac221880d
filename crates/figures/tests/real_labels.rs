//! Precision and recall of disputed groups on real clusters, scored through the CLI's pipeline
//! on the shared data, for each labelled set (see the README in each folder):
//! - `tests/labels/real/`: labelled before tuning, then used for tuning;
//! - `tests/labels/heldout/`: labelled after that, before the next round of changes, and not
//!   tuned on, but its errors were read;
//! - `tests/labels/fresh/`: from the training split, labelled before the round that added
//!   interval verdicts for hedged figures;
//! - `tests/labels/fresh2/`: 41 other clusters of the training split, labelled before a tried
//!   same-incident rule (reverted: it cost more than it gained).
//!
//! The data may not be copied into the repository, so this test reads it from `$CHORUS_DATA`
//! or `<workspace>/../shared/data`. These tests are opt-in (`cargo test -- --ignored`; `.ci/run`
//! runs them), so that a fresh clone without the data passes; once asked for, a missing data
//! file fails, saying where it looked: a skipped evaluation would look green.

mod real_data;

use chorus_figures::eval::Score;

/// Scores one labelled set and checks it against floors set a little below the measured
/// values, so a change that costs one more false or missed dispute fails.
fn check(set: &str, min_clusters: usize, min_precision: f64, min_recall: f64) {
    let files = real_data::data_files(set).unwrap_or_else(|e| panic!("{e}"));
    let labels = real_data::labels_of(set).unwrap_or_else(|e| panic!("{e}"));
    assert!(labels.len() >= min_clusters, "only {} label files in tests/labels/{set}", labels.len());
    let scored = real_data::evaluate(&files, &labels).unwrap_or_else(|e| panic!("{e}"));
    for cluster in &scored {
        let s = cluster.score;
        println!(
            "{set}: {:<28} found {:>2}  expected {:>2}  matched {:>2}",
            cluster.cluster, s.found, s.expected, s.matched
        );
    }
    let total: Score = scored.iter().map(|s| s.score).sum();
    let (precision, recall) = (total.precision(), total.recall());
    println!("{set}: precision {precision:.3}  recall {recall:.3}");
    assert!(precision >= min_precision, "{set}: precision {precision:.3} < {min_precision}");
    assert!(recall >= min_recall, "{set}: recall {recall:.3} < {min_recall}");
}

/// The tuning set, measured at precision 6/6 = 1.000 and recall 6/9 = 0.667 (before interval
/// verdicts: 7/7 and 7/9; the dispute lost is one its labels draw between two lower bounds,
/// `at least 23` and `at least 27`, which the interval rule reads as consistent).
#[test]
#[ignore = "needs the research data (../shared/data or $CHORUS_DATA); .ci/run runs it"]
fn disputed_groups_on_the_tuning_set_reach_the_measured_floors() {
    check("real", 30, 0.9, 0.6);
}

/// The held-out set, measured at precision 6/10 = 0.600 and recall 6/8 = 0.750 (before
/// interval verdicts: 7/13 and 7/8; the dispute lost is again two lower bounds, `at least 17`
/// and `more than 20`).
#[test]
#[ignore = "needs the research data (../shared/data or $CHORUS_DATA); .ci/run runs it"]
fn disputed_groups_on_the_held_out_set_reach_the_measured_floors() {
    check("heldout", 21, 0.55, 0.7);
}

/// The fresh set from the training split, measured at precision 1/9 = 0.111 and recall 1/2 =
/// 0.500 (before interval verdicts: 1/11 and 1/2). Its false disputes are counts of parts and
/// of other incidents that no marker word sets apart.
#[test]
#[ignore = "needs the research data (../shared/data or $CHORUS_DATA); .ci/run runs it"]
fn disputed_groups_on_the_fresh_set_reach_the_measured_floors() {
    check("fresh", 41, 0.105, 0.45);
}

/// The second fresh set, measured at precision 3/10 = 0.300 and recall 3/7 = 0.429. Its false
/// disputes are again counts of other incidents or parts (two cities' tolls, one ship's dead
/// against the battle's).
#[test]
#[ignore = "needs the research data (../shared/data or $CHORUS_DATA); .ci/run runs it"]
fn disputed_groups_on_the_second_fresh_set_reach_the_measured_floors() {
    check("fresh2", 41, 0.28, 0.4);
}

#[test]
fn missing_data_is_an_error_that_says_where_it_looked() {
    // Run in a child process so the variable does not leak into the test above.
    if std::env::var_os("CHORUS_FIGURES_MISSING_DATA_CHILD").is_some() {
        let error = real_data::data_files("real").expect_err("no data in an empty folder");
        assert!(error.contains("/nowhere/multi_news/validation.jsonl.gz"), "{error}");
        assert!(error.contains("CHORUS_DATA"), "{error}");
        return;
    }
    let exe = std::env::current_exe().unwrap_or_else(|e| panic!("test binary: {e}"));
    let status = std::process::Command::new(exe)
        .args(["missing_data_is_an_error_that_says_where_it_looked", "--exact", "--nocapture"])
        .env("CHORUS_DATA", "/nowhere")
        .env("CHORUS_FIGURES_MISSING_DATA_CHILD", "1")
        .status()
        .unwrap_or_else(|e| panic!("cannot rerun the test binary: {e}"));
    assert!(status.success(), "the child check failed");
}

/// The issue 13 measures of labelled set `set`, against floors just below the measured ones
/// (crate README, "Evaluation").
fn check_story(set: &str, min_groups: usize, min_recall: f64, min_right: f64, max_violations: usize) {
    let files = real_data::data_files(set).unwrap_or_else(|e| panic!("{e}"));
    let labels = real_data::labels_of(set).unwrap_or_else(|e| panic!("{e}"));
    let scored = real_data::evaluate(&files, &labels).unwrap_or_else(|e| panic!("{e}"));
    let total: chorus_figures::eval::story::StoryScore = scored.into_iter().map(|s| s.story).sum();
    println!("{set}: {total}");
    assert!(total.groups >= min_groups, "only {} labelled groups", total.groups);
    assert!(total.matched as f64 >= min_recall * total.groups as f64, "recall {}/{}", total.matched, total.groups);
    assert!(total.right as f64 >= min_right * total.matched as f64, "right verdicts {}/{}", total.right, total.matched);
    assert!(total.violations.len() <= max_violations, "forbidden pairings {:?}", total.violations);
}

#[test]
#[ignore = "needs the research data (../shared/data or $CHORUS_DATA); .ci/run runs it"]
fn every_figure_group_of_dev2026_reaches_the_measured_floors() {
    // Measured 151/178, 137/151, 0/84.
    check_story("dev2026", 178, 0.84, 0.9, 0);
}

#[test]
#[ignore = "needs the research data (../shared/data or $CHORUS_DATA); .ci/run runs it"]
fn every_figure_group_of_heldout2026_reaches_the_measured_floors() {
    // Spent as a held-out set after its one run; measured since then 87/132, 79/87, 2/77.
    check_story("heldout2026", 132, 0.65, 0.9, 2);
}
