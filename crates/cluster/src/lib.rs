//! chorus-cluster: a stream of news articles in, one event per article out, online.
//!
//! Each article is cleaned by chorus-ingest and tokenized by chorus-segment (stopwords out,
//! Snowball stems), weighted by sublinear tf × an idf learned from the stream so far, and cut to
//! its heaviest terms. Its heaviest few look up, in an inverted index from terms to live events,
//! the events that share them; a logistic [`LinkModel`] over several similarities of the article
//! and each candidate (the cosine with its nearest latest article, numbers shared, the centroid,
//! lengths, the lead over the other candidates) gives the probability that it belongs there; it
//! joins the most probable event (at least [`Config::threshold`], within
//! [`Config::window_days`] when dated), or opens a new event. Near-identical copies (shingle sketches) join their original's event; a repeated id
//! is reported as a duplicate and changes nothing.
//!
//! ```
//! use chorus_cluster::{Article, Clusterer, Config, Day};
//!
//! let mut clusterer = Clusterer::new(Config::default());
//! let mut first = Article::new("a1", "Algerian troops stormed the In Amenas gas plant where militants held hostages.");
//! first.date = Day::parse("2013-01-17");
//! let opened = clusterer.add(&first)?;
//! assert!(opened.new_event);
//!
//! let mut second = Article::new("a2", "Hostages were killed as Algerian troops stormed the gas plant at In Amenas.");
//! second.date = Day::parse("2013-01-18");
//! assert_eq!(clusterer.add(&second)?.event, opened.event);
//!
//! let other = Article::from_json(r#"{"id": "b1", "text": "The central bank raised interest rates on Tuesday."}"#)?;
//! let assignment = clusterer.add(&other)?;
//! assert!(assignment.new_event);
//! println!("{} -> {} (score {:.2})", other.id, assignment.event, assignment.score);
//! # Ok::<(), chorus_cluster::ArticleError>(())
//! ```

#![deny(missing_docs)]

mod article;
mod clusterer;
mod day;
mod event;
mod idf;
mod link;
mod quality;
mod sketch;
mod terms;

pub use article::{Article, ArticleError};
pub use clusterer::{Assignment, Clusterer, Config};
pub use day::Day;
pub use event::EventId;
pub use link::{Features, LinkModel, FEATURES, FEATURE_NAMES};
pub use quality::{Labels, Quality, Scores};
