//! chorus: many news reports of one event in, one cited brief out.
//!
//! The pipeline, one crate per stage, each re-exported here as a module:
//! [`ingest`] reads a raw [`Cluster`] and cleans it into a `CleanCluster` → [`segment`] splits
//! it into a `Corpus` of sentences with byte spans and terms → [`compress`](mod@compress) shortens
//! the sentences a brief may choose (dropping day names, trailing attributions, asides), each kept
//! piece cited by its bytes → the candidates for the reader are found — what is new since the
//! cluster's seen reports, what answers its query ([`prepare`] runs these, once per cluster) → a method of [`methods`] chooses among the candidates under a
//! [`Budget`] ([`select`]) →
//! [`figures`](mod@figures) finds the quantitative claims and the ones reports disagree on
//! ([`figures()`]) → [`Brief::assemble`] orders the chosen sentences, finds each one's support in
//! the other reports, and cites its bytes → [`render`] writes it as text, Markdown, JSON or HTML.
//!
//! [`Summarizer`] runs every stage on a raw cluster:
//!
//! ```
//! use chorus::{Budget, Format, Summarizer};
//!
//! let cluster = chorus::read_cluster("../../examples/in-amenas")?;
//! let brief = Summarizer::new(chorus::DEFAULT_METHOD, Budget::words(60))?.summarize(cluster)?;
//! assert!(brief.words <= 60);
//! for sentence in &brief.sentences {
//!     println!("{} [{} bytes {}..{}]", sentence.text, sentence.doc, sentence.start, sentence.end);
//! }
//! println!("{}", chorus::render(&brief, Format::Markdown));
//! # Ok::<(), chorus::Error>(())
//! ```
//!
//! The stages, for work that reuses one stage's output (several methods on one cluster):
//!
//! ```
//! use chorus::{Brief, Budget, Figures};
//!
//! let prepared = chorus::prepare(chorus::read_cluster("../../examples/in-amenas")?)?;
//! for name in ["lead", "lexrank"] {
//!     let method = chorus::methods::method(name)?;
//!     let selection = chorus::select(&prepared, method, Budget::words(60))?;
//!     let brief = Brief::assemble(&prepared, selection, Figures::default())?;
//!     assert_eq!(brief.method, name);
//! }
//! # Ok::<(), chorus::Error>(())
//! ```

#![deny(missing_docs)]

mod antecedent;
mod assemble;
pub mod batch;
mod brief;
mod compress_stage;
mod error;
mod figure_stage;
pub mod live;
mod order;
mod prepared;
mod render;
mod selection;
mod summarizer;

pub use chorus_cluster as cluster;
pub use chorus_compress as compress;
pub use chorus_core as core;
pub use chorus_figures as figures;
pub use chorus_ingest as ingest;
pub use chorus_methods as methods;
pub use chorus_rouge as rouge;
pub use chorus_segment as segment;
pub use chorus_store as store;

pub use brief::{Brief, BriefSentence, Change, CitedClaim, DocumentInfo, FigureReport, FigureUpdate, Timings};
pub use chorus_core::{Budget, Cluster, Document, Limit};
pub use chorus_ingest::Limits;
pub use chorus_methods::DEFAULT_METHOD;
pub use compress_stage::Compressed;
pub use error::Error;
pub use figure_stage::{figures, Figures};
pub use prepared::{prepare, Prepared};
pub use render::{render, render_figures, Format};
pub use selection::{select, Selection};
pub use summarizer::Summarizer;

/// Reads one cluster: a folder of report files (`.txt`, `.md`, `.html`, `.htm`), a
/// `|||||`-separated text file, an HTML page, a JSON cluster, or `-` for standard input.
pub fn read_cluster(path: impl AsRef<std::path::Path>) -> Result<Cluster, Error> {
    Ok(chorus_ingest::read_cluster(path.as_ref())?)
}

/// [`read_cluster`] with other size limits than the defaults.
pub fn read_cluster_with(path: impl AsRef<std::path::Path>, limits: Limits) -> Result<Cluster, Error> {
    Ok(chorus_ingest::read_cluster_with(path.as_ref(), limits)?)
}
