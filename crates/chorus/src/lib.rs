//! chorus: many news reports of one event in, one cited brief out.
//!
//! The pipeline, one crate per stage:
//! [`chorus_ingest`] reads and cleans a [`Cluster`] → [`chorus_segment`] splits it into a
//! [`Corpus`] of sentences with byte spans and terms → a [`Method`] of [`chorus_methods`] selects
//! sentences under a [`Budget`] → this crate orders them, finds each one's support in the other
//! reports, attaches the disputed figures of [`chorus_figures`], and renders the [`Brief`].
//!
//! ```
//! use chorus::{Budget, Format, Summarizer};
//!
//! let cluster = chorus::read_cluster("../../examples/in-amenas".as_ref())?;
//! let brief = Summarizer::new(chorus::DEFAULT_METHOD, Budget::words(60))?.summarize(cluster)?;
//! assert!(brief.words <= 60);
//! for sentence in &brief.sentences {
//!     println!("{} [{} bytes {}..{}]", sentence.text, sentence.doc, sentence.start, sentence.end);
//! }
//! println!("{}", chorus::render(&brief, Format::Markdown));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod brief;
mod order;
mod render;
mod summarizer;

pub use brief::{Brief, BriefSentence, CitedClaim, DocumentInfo, FigureReport, Timings};
pub use chorus_core::{Budget, Cluster, Corpus, Document, Limit, Sentence, Span};
pub use chorus_figures::{Claim, FigureGroup, Verdict};
pub use chorus_ingest::{
    clean_cluster, cluster_from_json, open_text, read_cluster, read_cluster_with, read_clusters, ClusterLine,
    IngestError, Limits,
};
pub use chorus_methods::{method, methods, Method, DEFAULT_METHOD};
pub use chorus_segment::{word_count, Background, Segmenter, Tokenizer};
pub use render::{render, render_figures, Format};
pub use summarizer::{Error, Summarizer};
