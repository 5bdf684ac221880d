pub mod batch;
pub mod bench;
pub mod brief;
pub mod cluster;
pub mod eval;
pub mod events;
pub mod figures;
pub mod methods;
pub mod serve;
pub mod store;
pub mod stream;
pub mod summarize;
pub mod train;

/// A summarizer error named as the user knows the cluster: by its path (or `file:line`), once.
/// The summarizer names a cluster by its id, which for a folder or file repeats the path's stem
/// (`reports/x: x: no complete sentence`).
pub fn at_origin(origin: &str, id: &str, error: chorus::Error) -> anyhow::Error {
    let message = error.to_string();
    let problem = message.strip_prefix(&format!("{id}: ")).unwrap_or(&message);
    anyhow::anyhow!("{origin}: {problem}")
}
