//! Options shared by several subcommands.

use chorus::{Budget, Limit};
use clap::Args;

/// The length of a brief: one of `--words`, `--bytes`, `--sentences`.
#[derive(Args, Debug, Clone)]
pub struct BudgetArgs {
    /// Budget in whitespace-separated words [default: 100]
    #[arg(long, group = "budget")]
    pub words: Option<usize>,
    /// Budget in UTF-8 bytes of the summary text
    #[arg(long, group = "budget")]
    pub bytes: Option<usize>,
    /// Budget in sentences
    #[arg(long, group = "budget")]
    pub sentences: Option<usize>,
    /// Cut the last sentence at the budget instead of keeping whole sentences only (the DUC convention)
    #[arg(long)]
    pub truncate: bool,
}

impl BudgetArgs {
    pub fn budget(&self) -> Budget {
        let limit = match (self.words, self.bytes, self.sentences) {
            (_, Some(n), _) => Limit::Bytes(n),
            (_, _, Some(n)) => Limit::Sentences(n),
            (n, _, _) => Limit::Words(n.unwrap_or(100)),
        };
        Budget { limit, truncate: self.truncate }
    }
}

/// The summarization method and its budget.
#[derive(Args, Debug, Clone)]
pub struct MethodArgs {
    /// Summarization method (see `chorus methods`)
    #[arg(long, short, default_value = chorus::DEFAULT_METHOD)]
    pub method: String,
    #[command(flatten)]
    pub budget: BudgetArgs,
}

impl MethodArgs {
    pub fn summarizer(&self) -> anyhow::Result<chorus::Summarizer> {
        Ok(chorus::Summarizer::new(&self.method, self.budget.budget())?)
    }
}
