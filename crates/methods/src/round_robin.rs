//! The order in which a reader meets the reports' sentences when reading every report's opening
//! first: the lead baseline's order, and the order in which other methods fill what their
//! objective leaves of the budget.

use chorus_core::Corpus;

/// Eligible sentences in round robin over documents by rank among each document's eligible
/// sentences, so a headline at position 0 does not cost its report a turn. Other methods fill
/// what their objective leaves of the budget in this order.
pub fn round_robin(corpus: &Corpus) -> Vec<usize> {
    let mut eligible: Vec<usize> = (0..corpus.sentences.len()).filter(|&s| corpus.sentences[s].is_eligible()).collect();
    eligible.sort_by_key(|&s| (corpus.sentences[s].doc, corpus.sentences[s].position, s));
    let mut turn = vec![0; eligible.len()];
    for i in 1..eligible.len() {
        if corpus.sentences[eligible[i]].doc == corpus.sentences[eligible[i - 1]].doc {
            turn[i] = turn[i - 1] + 1;
        }
    }
    let mut order: Vec<(usize, usize, usize)> =
        eligible.iter().zip(&turn).map(|(&s, &t)| (t, corpus.sentences[s].doc, s)).collect();
    order.sort_unstable();
    order.into_iter().map(|(_, _, s)| s).collect()
}
