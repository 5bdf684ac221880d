//! chorus-figures: the numbers in a cluster of news reports, and where the reports disagree.
//!
//! [`extract`] reads every sentence for quantitative claims (value, hedge, what is counted,
//! what happened to it, who says so, for which day); [`group`] puts claims about the same
//! quantity side by side and judges them (`agree`, `consistent`, `disagree`, `updated`). [`eval`] scores
//! disputed groups against hand labels.
//!
//! ```text
//! sentence ─tokens─▶ number ─trap?─▶ counted + event + phase + attribution + day ─▶ Claim
//! claims ─key (counted, event, phase, scope)─▶ FigureGroup ─verdict─▶ agree | consistent | disagree | updated
//! ```
#![deny(missing_docs)]

mod attribution;
mod bound;
mod claim;
mod confidence;
mod counted;
mod day;
pub mod eval;
mod event;
mod group;
mod incident;
mod measure;
mod measured;
mod number;
mod phase;
mod place;
mod scope;
mod token;
mod trap;
mod verdict;

pub use claim::{extract, Claim};
pub use confidence::SHOWN_CONFIDENCE;
pub use day::Moment;
pub use event::Event;
pub use group::{group, FigureGroup, FigureValue};
pub use measure::{Amount, Unit, CONVERSION_TOLERANCE};
pub use number::Value;
pub use phase::Phase;
pub use place::Place;
pub use scope::Scope;
pub use verdict::Verdict;
