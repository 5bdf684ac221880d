//! `chorus cluster STREAM`: articles in (JSONL), one event per article out, in input order.
//! With `--labels`, the quality of the clustering against gold events, and its speed.

use crate::options::LineLimitArgs;
use anyhow::Context;
use chorus::cluster::{Article, Clusterer, Config, Features, Labels, LinkModel};
use chorus::ingest::Lines;
use serde::Serialize;
use serde_json::Value;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// JSONL of articles (`{"id", "text" | "html", "title"?, "date"?}` per line), `.gz` too, or `-`
    pub stream: PathBuf,
    /// Gold events (`{"id", "event"}` lines): print pairwise and B-cubed scores and articles/s
    /// instead of the assignments (unless --output is given)
    #[arg(long)]
    pub labels: Option<PathBuf>,
    /// Write the assignments to this file instead of stdout
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Lowest probability (by the link model) that an article belongs to an event for it to
    /// join it, between 0 and 1
    #[arg(long, default_value_t = Config::default().threshold)]
    pub threshold: f32,
    /// Link weights to use instead of the shipped ones (the `--fit-link` format)
    #[arg(long)]
    pub link: Option<PathBuf>,
    /// Fit the link model to the candidate pairs of this labelled stream (needs --labels) and
    /// write its weights to this file (the shipped ones are crates/cluster/data/link.tsv)
    #[arg(long, requires = "labels")]
    pub fit_link: Option<PathBuf>,
    /// Days an event may stay idle and still take dated articles
    #[arg(long, default_value_t = Config::default().window_days.expect("a default window"))]
    pub window: u32,
    /// No time window: dated events never retire for being idle
    #[arg(long)]
    pub no_window: bool,
    /// Also print the speed of each slice of this many articles (to see that it stays flat)
    #[arg(long)]
    pub slice: Option<usize>,
    /// Live events kept at most (the least recently joined retire first); bounds memory
    #[arg(long, default_value_t = Config::default().max_events)]
    pub max_events: usize,
    #[command(flatten)]
    pub limits: LineLimitArgs,
}

/// One output line.
#[derive(Serialize)]
#[serde(untagged)]
enum Record<'a> {
    Assigned {
        id: &'a str,
        event: String,
        new_event: bool,
        score: f64,
        #[serde(skip_serializing_if = "Option::is_none")]
        duplicate_of: Option<&'a str>,
    },
    Error {
        line: usize,
        id: Option<&'a str>,
        error: String,
    },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let source = args.stream.display().to_string();
    let labels = match &args.labels {
        Some(path) => {
            let file = File::open(path).with_context(|| format!("{}: cannot open", path.display()))?;
            Some(Labels::read(BufReader::new(file)).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?)
        }
        None => None,
    };
    let mut out: Box<dyn Write> = match (&args.output, &labels) {
        (Some(path), _) => Box::new(File::create(path).with_context(|| format!("{}: cannot create", path.display()))?),
        (None, Some(_)) => Box::new(std::io::sink()),
        (None, None) => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(&mut out);
    if !(args.threshold > 0.0 && args.threshold < 1.0) {
        anyhow::bail!("--threshold {}: must be a probability between 0 and 1", args.threshold);
    }
    let link = match &args.link {
        Some(path) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read", path.display()))?;
            LinkModel::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?
        }
        None => LinkModel::default(),
    };
    let config = Config {
        threshold: args.threshold,
        link,
        window_days: (!args.no_window).then_some(args.window),
        max_events: args.max_events,
        ..Config::default()
    };
    let mut clusterer = Clusterer::new(config);
    let mut input = Lines::open(&args.stream, args.limits.limits())?;
    let mut assigned: Vec<(String, String)> = Vec::new();
    // For --fit-link: each candidate pair, and whether it is one gold event (an event's gold
    // event is that of the article that opened it).
    let mut pairs: Vec<(Features, bool)> = Vec::new();
    let mut opened_by: HashMap<u64, String> = HashMap::new();
    let (mut articles, mut failed) = (0usize, 0usize);
    let started = Instant::now();
    let cpu_started = cpu_time();
    let mut slice_started = (Instant::now(), cpu_time());
    while let Some((number, line)) = input.next_line() {
        let line = match line {
            Ok(line) if line.trim().is_empty() => continue,
            Ok(line) => line,
            Err(error) => {
                (articles, failed) = (articles + 1, failed + 1);
                report(&mut out, &source, number, None, error.problem())?;
                continue;
            }
        };
        articles += 1;
        if let Some(size) = args.slice.filter(|&size| size > 0 && articles > 1 && (articles - 1) % size == 0) {
            let (wall, cpu) = slice_started;
            slice_started = (Instant::now(), cpu_time());
            eprintln!(
                "slice {}: {}",
                (articles - 1) / size,
                speed(size, wall.elapsed().as_secs_f64(), cpu.zip(slice_started.1))
            );
        }
        let result = Article::from_json(line).and_then(|article| clusterer.add(&article).map(|a| (article, a)));
        match result {
            Ok((article, assignment)) => {
                if let (Some(labels), Some(_)) = (&labels, &args.fit_link) {
                    let gold = labels.event_of(&article.id).unwrap_or_default();
                    for (event, features) in clusterer.candidates() {
                        pairs.push((*features, opened_by.get(&event.0).is_some_and(|g| g == gold)));
                    }
                    if assignment.new_event {
                        opened_by.insert(assignment.event.0, gold.to_string());
                    }
                }
                let event = assignment.event.to_string();
                let record = Record::Assigned {
                    id: &article.id,
                    event: event.clone(),
                    new_event: assignment.new_event,
                    score: (assignment.score * 1e4).round() / 1e4,
                    duplicate_of: assignment.duplicate_of.as_deref(),
                };
                serde_json::to_writer(&mut out, &record)?;
                out.write_all(b"\n")?;
                if labels.is_some() {
                    assigned.push((article.id, event));
                }
            }
            Err(error) => {
                failed += 1;
                report(&mut out, &source, number, id_of(line).as_deref(), error)?;
            }
        }
    }
    out.flush()?;
    drop(out);
    let seconds = started.elapsed().as_secs_f64();
    if let Some(labels) = labels {
        let quality = labels.score(assigned.iter().map(|(id, event)| (id.as_str(), event.as_str())));
        let memory = peak_memory().map(|kb| format!("; peak memory {:.0} MB", kb as f64 / 1024.0)).unwrap_or_default();
        let mut stdout = std::io::stdout().lock();
        writeln!(stdout, "{quality}")?;
        writeln!(stdout, "speed: {}{memory}", speed(articles, seconds, cpu_started.zip(cpu_time())))?;
    }
    if let Some(path) = &args.fit_link {
        let model = LinkModel::fit(&pairs).map_err(|e| anyhow::anyhow!("{source}: cannot fit the link model: {e}"))?;
        std::fs::write(path, model.to_string()).with_context(|| format!("{}: cannot write", path.display()))?;
        eprintln!("chorus: link model fitted to {} candidate pairs, written to {}", pairs.len(), path.display());
    }
    if articles == 0 {
        // An empty input is normal (an empty partition piped through), but not silent.
        eprintln!("chorus: {source}: no articles in the input; nothing to cluster");
    }
    if failed > 0 {
        eprintln!("chorus: {source}: {failed} of {articles} lines had errors (error records in the output)");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the error record of a line and says on stderr what was wrong with it.
fn report(
    out: &mut impl Write,
    source: &str,
    line: usize,
    id: Option<&str>,
    error: impl ToString,
) -> anyhow::Result<()> {
    let error = error.to_string();
    eprintln!("chorus: {source}: line {line}: {error}");
    serde_json::to_writer(&mut *out, &Record::Error { line, id, error })?;
    out.write_all(b"\n")?;
    Ok(())
}

/// The id of a line that is not a valid article, if it has one, for its error record.
fn id_of(line: &str) -> Option<String> {
    match serde_json::from_str::<Value>(line).ok()?.get("id")? {
        Value::String(id) => Some(id.clone()),
        Value::Number(id) => Some(id.to_string()),
        _ => None,
    }
}

/// Articles per second of wall-clock time, and of the thread's own CPU time when known (on a
/// shared machine the wall clock also counts the time other processes held the core).
fn speed(articles: usize, seconds: f64, cpu: Option<(u64, u64)>) -> String {
    let rate = |seconds: f64| articles as f64 / seconds.max(1e-9);
    let mut text = format!("{articles} articles in {seconds:.2} s, {:.0} articles/s", rate(seconds));
    if let Some((start, end)) = cpu {
        let cpu_seconds = end.saturating_sub(start) as f64 / 1e9;
        text += &format!(" ({:.0} articles/s of CPU time, {cpu_seconds:.2} s)", rate(cpu_seconds));
    }
    text + "; read, clean and cluster on one thread"
}

/// Nanoseconds this thread has run on a CPU (Linux's `schedstat`), when the system tells it.
fn cpu_time() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// Peak resident memory of this process in kB (Linux's `VmHWM`), when the system tells it.
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
