//! ROUGE scores that equal the reference scorers researchers compare against.
//!
//! Two conventions, each reproducing one reference implementation exactly (checked by committed
//! fixtures produced by the originals, see `tests/fixtures/`):
//!
//! * [`Convention::RougeScore`]: Google's `rouge-score` package with stemming (Multi-News numbers);
//! * [`Convention::Rouge155`]: the official ROUGE-1.5.5 perl script with the DUC/TAC flags, as run
//!   by `shared/tools/rouge155.py`.
//!
//! ```
//! use chorus_rouge::{Convention, Metric, Scorer};
//!
//! let scorer = Scorer::new(Convention::RougeScore);
//! let references = scorer.prepare(&["Militants seized a gas plant in Algeria."])?;
//! let scores = references.score("Militants seized the gas plant.");
//! // Bigrams shared: "militants seized", "gas plant" → P = 2/4, R = 2/6, F1 = 0.4.
//! let rouge2 = scores.get(Metric::Rouge2).map_or(0.0, |prf| prf.f1);
//! assert!((rouge2 - 0.4).abs() < 1e-12);
//! # Ok::<(), chorus_rouge::RougeError>(())
//! ```
#![deny(missing_docs)]

mod bootstrap;
mod counts;
mod lcs;
mod profile;
mod rouge155;
mod rouge_score;
mod scorer;
mod scores;
mod sentences;
pub mod stem;
mod vocabulary;

pub use bootstrap::bootstrap_ci;
pub use scorer::{Convention, References, RougeError, Scorer, Truncation};
pub use scores::{Metric, Prf, Scores};
pub use sentences::{one_sentence_per_line, split_sentences};
