//! The third stage: a method chooses sentences of a prepared cluster under a budget.

use crate::antecedent::may_lean;
use crate::prepared::{micros, Prepared};
use crate::Error;
use chorus_core::{Budget, Limit};
use chorus_methods::Method;
use std::time::Instant;

/// The sentences a method chose, in the order it chose them.
#[derive(Debug, Clone)]
pub struct Selection {
    /// Indices into the prepared corpus's sentences.
    pub sentences: Vec<usize>,
    /// The method's next picks, past the budget, in the order it would add them: what fills the
    /// room of a chosen sentence the brief leaves out (one leaning on what the brief does not
    /// say: see [`Brief::assemble`](crate::Brief::assemble)). Empty when no chosen sentence
    /// can be left out.
    pub reserve: Vec<usize>,
    /// The method's name.
    pub method: String,
    /// The budget it chose under.
    pub budget: Budget,
    /// Microseconds the method took.
    pub select_us: u64,
}

/// Runs `method` on the candidates of a prepared cluster (see [`chorus_methods::focus`]). A zero budget, or a cluster with no sentence any method
/// may choose, is an error rather than an empty choice.
pub fn select(prepared: &Prepared, method: &dyn Method, budget: Budget) -> Result<Selection, Error> {
    if budget_size(&budget) == 0 {
        return Err(Error::EmptyBudget);
    }
    if !prepared.corpus.sentences.iter().any(|s| s.is_eligible()) {
        return Err(Error::NoSentences(prepared.id().to_owned()));
    }
    if !prepared.focus.corpus(prepared.choices()).sentences.iter().any(|s| s.is_eligible()) {
        return Err(Error::NothingNew(prepared.id().to_owned()));
    }
    let clock = Instant::now();
    let sentences = prepared.focus.select(method, prepared.choices(), &budget);
    // The method runs again only when a chosen sentence may be left out: most briefs have none.
    let may_leave_room = sentences.iter().any(|&i| may_lean(&prepared.choices().sentences[i].text));
    let reserve = if may_leave_room {
        let larger = prepared.focus.select(method, prepared.choices(), &larger(&budget));
        larger.into_iter().filter(|i| !sentences.contains(i)).collect()
    } else {
        Vec::new()
    };
    Ok(Selection { sentences, reserve, method: method.name().to_owned(), budget, select_us: micros(clock) })
}

/// A budget twice as large: the method's picks under it, past the budget's, are its next ones
/// (half a budget ran out on briefs of quotations, most of them left out).
fn larger(budget: &Budget) -> Budget {
    let limit = match budget.limit {
        Limit::Words(n) => Limit::Words(n.saturating_mul(2)),
        Limit::Bytes(n) => Limit::Bytes(n.saturating_mul(2)),
        Limit::Sentences(n) => Limit::Sentences(n.saturating_mul(2)),
    };
    Budget { limit, ..*budget }
}

pub(crate) fn budget_size(budget: &Budget) -> usize {
    match budget.limit {
        Limit::Words(n) | Limit::Bytes(n) | Limit::Sentences(n) => n,
    }
}
