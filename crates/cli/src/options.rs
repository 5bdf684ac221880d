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
    /// Quote whole sentences: do not drop day names, trailing attributions, parentheticals
    #[arg(long)]
    pub no_compress: bool,
}

impl MethodArgs {
    pub fn summarizer(&self) -> anyhow::Result<chorus::Summarizer> {
        Ok(chorus::Summarizer::new(&self.method, self.budget.budget())?.with_compression(!self.no_compress))
    }
}

/// Size limits on input (`chorus_ingest::Limits`): a bigger input is refused with an error naming
/// it, before it is held in memory.
#[derive(Args, Debug, Clone)]
pub struct LimitArgs {
    /// Largest file (or stdin) read, in bytes: one report, or one JSON cluster [default: 32 MiB]
    #[arg(long, value_name = "BYTES")]
    pub max_input_bytes: Option<u64>,
    #[command(flatten)]
    pub line: LineLimitArgs,
}

impl LimitArgs {
    pub fn limits(&self) -> chorus::Limits {
        chorus::Limits {
            max_input_bytes: self.max_input_bytes.unwrap_or(chorus::Limits::default().max_input_bytes),
            ..self.line.limits()
        }
    }
}

/// The size limit of the commands that read a stream line by line (`cluster`, `stream`): a longer
/// line is an error record of its own, read past without being held.
#[derive(Args, Debug, Clone)]
pub struct LineLimitArgs {
    /// Largest JSONL line, in bytes after gzip decompression: one cluster or article [default: 32 MiB]
    #[arg(long, value_name = "BYTES")]
    pub max_line_bytes: Option<u64>,
}

impl LineLimitArgs {
    pub fn limits(&self) -> chorus::Limits {
        let default = chorus::Limits::default();
        chorus::Limits { max_line_bytes: self.max_line_bytes.unwrap_or(default.max_line_bytes), ..default }
    }
}

/// A count of at least 1, for `--limit N`: `--limit 0` would read no cluster and then call the
/// data empty.
pub fn at_least_one(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("must be at least 1".to_owned()),
        Ok(n) => Ok(n),
        Err(error) => Err(error.to_string()),
    }
}

/// `--format` of the commands that print a report: a Markdown table or JSON.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    Markdown,
    Json,
}
