//! Load test of `POST /v1/brief` on the bundled example: N concurrent clients on loopback for a
//! bounded time, against a server in this process.
//!
//! `cargo bench -p chorus-server --bench load -- [--clients N] [--seconds S] [--overload-clients N]`
//!
//! Two phases:
//! 1. nominal: `--clients` clients (default 4) under the default in-flight limit (16): every
//!    answer must be 200; prints requests/s and p50/p99 latency.
//! 2. overload: `--overload-clients` clients (default 64) against a limit of 2 in flight: the
//!    excess must get 429 and nothing else may fail.
//!
//! Memory is the resident set of the whole process (server and clients), sampled every 100 ms:
//! at the start, the peak, and at the end of each phase.

use chorus_server::Config;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

struct Options {
    clients: usize,
    overload_clients: usize,
    seconds: u64,
}

fn options() -> Options {
    let mut options = Options { clients: 4, overload_clients: 64, seconds: 10 };
    let args: Vec<String> = std::env::args().collect();
    for pair in args.windows(2) {
        let number = || pair[1].parse().unwrap_or_else(|_| panic!("{}: expected a number, got '{}'", pair[0], pair[1]));
        match pair[0].as_str() {
            "--clients" => options.clients = number(),
            "--overload-clients" => options.overload_clients = number(),
            "--seconds" => options.seconds = number() as u64,
            _ => {}
        }
    }
    options
}

/// The example as a JSON cluster request with a 100-word budget.
fn example_request() -> Vec<u8> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/in-amenas");
    let mut files: Vec<_> = std::fs::read_dir(dir).expect("example").map(|e| e.expect("entry").path()).collect();
    files.sort();
    let documents: Vec<String> = files.iter().map(|f| std::fs::read_to_string(f).expect("read")).collect();
    serde_json::to_vec(&serde_json::json!({"id": "in-amenas", "documents": documents, "words": 100})).expect("json")
}

/// Resident memory of this process, in MiB (`VmRSS`, or `VmHWM` for the peak so far).
fn memory_mib(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.trim().strip_suffix("kB")?.trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

#[derive(Default)]
struct Outcome {
    /// Latencies of the 200 answers.
    ok: Vec<Duration>,
    too_many: usize,
    other: Vec<u16>,
}

async fn phase(name: &str, config: Config, clients: usize, seconds: u64, body: Arc<Vec<u8>>) -> Outcome {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}/v1/brief", listener.local_addr().expect("addr"));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(chorus_server::serve(listener, config.clone(), async {
        let _ = stopped.await;
    }));

    let rss_start = memory_mib("VmRSS:");
    let running = Arc::new(AtomicBool::new(true));
    let sampler = {
        let running = running.clone();
        tokio::spawn(async move {
            let mut peak: f64 = 0.0;
            while running.load(Ordering::Relaxed) {
                peak = peak.max(memory_mib("VmRSS:"));
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            peak
        })
    };
    let client = reqwest::Client::new();
    let clock = Instant::now();
    let deadline = clock + Duration::from_secs(seconds);
    let workers: Vec<_> = (0..clients)
        .map(|_| {
            let (client, url, body) = (client.clone(), url.clone(), body.clone());
            tokio::spawn(async move {
                let mut outcome = Outcome::default();
                while Instant::now() < deadline {
                    let sent = Instant::now();
                    let response = client
                        .post(&url)
                        .header("content-type", "application/json")
                        .body(body.as_ref().clone())
                        .send()
                        .await
                        .expect("the server answers");
                    let status = response.status().as_u16();
                    let _ = response.bytes().await.expect("the whole answer");
                    match status {
                        200 => outcome.ok.push(sent.elapsed()),
                        429 => {
                            outcome.too_many += 1;
                            // A client told to retry waits a little, as a polite one would.
                            tokio::time::sleep(Duration::from_millis(5)).await;
                        }
                        other => outcome.other.push(other),
                    }
                }
                outcome
            })
        })
        .collect();
    let mut total = Outcome::default();
    for worker in workers {
        let outcome = worker.await.expect("client task");
        total.ok.extend(outcome.ok);
        total.too_many += outcome.too_many;
        total.other.extend(outcome.other);
    }
    let elapsed = clock.elapsed().as_secs_f64();
    running.store(false, Ordering::Relaxed);
    let rss_peak = sampler.await.expect("sampler");
    let rss_end = memory_mib("VmRSS:");
    let _ = stop.send(());
    server.await.expect("server task").expect("server ends cleanly");

    total.ok.sort();
    let percentile = |p: f64| {
        total
            .ok
            .get(((total.ok.len() as f64 * p) as usize).min(total.ok.len().saturating_sub(1)))
            .map_or(f64::NAN, |d| d.as_secs_f64() * 1e3)
    };
    println!(
        "{name:<9} clients {clients:>3}  in-flight limit {:>2}  {:>6.1} s  200: {:>6} ({:>6.1}/s)  p50 {:>7.1} ms  p99 {:>7.1} ms  429: {:>6}  other: {:>3}  RSS MiB start {:.0} peak {:.0} end {:.0}",
        config.max_in_flight,
        elapsed,
        total.ok.len(),
        total.ok.len() as f64 / elapsed,
        percentile(0.50),
        percentile(0.99),
        total.too_many,
        total.other.len(),
        rss_start,
        rss_peak,
        rss_end,
    );
    total
}

fn main() {
    let options = options();
    let body = Arc::new(example_request());
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    runtime.block_on(async {
        let nominal = phase("nominal", Config::default(), options.clients, options.seconds, body.clone()).await;
        let overload = phase(
            "overload",
            Config { max_in_flight: 2, ..Config::default() },
            options.overload_clients,
            options.seconds,
            body,
        )
        .await;
        println!("process peak RSS (VmHWM): {:.0} MiB", memory_mib("VmHWM:"));
        assert!(
            nominal.too_many == 0 && nominal.other.is_empty(),
            "nominal load must only get 200s: {:?}",
            nominal.other
        );
        assert!(overload.too_many > 0, "overload must get 429s");
        assert!(overload.other.is_empty(), "overload must get only 200s and 429s: {:?}", overload.other);
        assert!(!overload.ok.is_empty(), "overload still serves requests");
    });
}
