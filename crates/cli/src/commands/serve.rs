//! `chorus serve`: the HTTP API and the web page (crate `chorus-server`).

use anyhow::Context;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(clap::Args)]
pub struct Args {
    /// Address to listen on (port 0 picks a free port)
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: String,
    /// Largest request body accepted, in bytes
    #[arg(long, default_value_t = 10 << 20)]
    pub max_body: usize,
    /// Time limit of one request, in seconds
    #[arg(long, default_value_t = 30.0)]
    pub timeout: f64,
    /// Most API requests handled at once; more get 429
    #[arg(long, default_value_t = 16)]
    pub max_in_flight: usize,
    /// A live store to serve (`POST /v1/articles`, `GET /v1/events`): the server becomes its one
    /// writer and answers reads while it writes; created if missing
    #[arg(long, value_name = "DIR")]
    pub store: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let timeout = Duration::try_from_secs_f64(args.timeout)
        .ok()
        .filter(|t| !t.is_zero())
        .context("--timeout must be a positive number of seconds")?;
    anyhow::ensure!(args.max_in_flight > 0, "--max-in-flight must be at least 1");
    let config = chorus_server::Config {
        max_body: args.max_body,
        timeout,
        max_in_flight: args.max_in_flight,
        store: args.store,
    };
    chorus_server::run(&args.addr, config, |addr| {
        // A closed stdout (a supervisor that does not read it) is no reason not to serve.
        let _ = crate::output::outln!("chorus serve: listening on http://{addr}");
    })
    .with_context(|| format!("serving on {}", args.addr))?;
    Ok(ExitCode::SUCCESS)
}
