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
        check_method(&self.method)?;
        Ok(chorus::Summarizer::new(&self.method, self.budget.budget())?)
    }
}

/// An unknown method name is refused with the nearest known one, if one is near: `lexrenk`
/// gets "did you mean `lexrank`?".
pub fn check_method(name: &str) -> anyhow::Result<()> {
    if chorus::method(name).is_some() {
        return Ok(());
    }
    let nearest = chorus::methods()
        .iter()
        .map(|m| (edit_distance(&name.to_lowercase(), m.name()), m.name()))
        .min()
        .filter(|&(distance, known)| distance <= 2.max(known.len() / 3));
    match nearest {
        Some((_, known)) => anyhow::bail!("unknown method '{name}': did you mean '{known}'? (see `chorus methods`)"),
        None => anyhow::bail!("unknown method '{name}' (see `chorus methods`)"),
    }
}

/// Levenshtein distance over chars: insertions, deletions and substitutions each cost one.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

/// Size limits on input (`chorus_ingest::Limits`): a bigger input is refused with an error naming
/// it, before it is held in memory.
#[derive(Args, Debug, Clone)]
pub struct LimitArgs {
    /// Largest file (or stdin) read, in bytes: one report, or one JSON cluster [default: 32 MiB]
    #[arg(long, value_name = "BYTES")]
    pub max_input_bytes: Option<u64>,
    /// Largest JSONL line, in bytes after gzip decompression: one cluster [default: 32 MiB]
    #[arg(long, value_name = "BYTES")]
    pub max_line_bytes: Option<u64>,
}

impl LimitArgs {
    pub fn limits(&self) -> chorus::Limits {
        let default = chorus::Limits::default();
        chorus::Limits {
            max_input_bytes: self.max_input_bytes.unwrap_or(default.max_input_bytes),
            max_line_bytes: self.max_line_bytes.unwrap_or(default.max_line_bytes),
        }
    }
}

/// `--format` of the commands that print a report: a Markdown table or JSON.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    Markdown,
    Json,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("lexrank", "lexrank"), 0);
        assert_eq!(edit_distance("lexrenk", "lexrank"), 1);
        assert_eq!(edit_distance("textrnk", "textrank"), 1);
        assert_eq!(edit_distance("", "lead"), 4);
        assert_eq!(edit_distance("mmr", "lead"), 4);
    }

    #[test]
    fn a_near_typo_gets_a_suggestion_and_a_far_one_does_not() {
        let near = check_method("consensis").expect_err("unknown").to_string();
        assert!(near.contains("did you mean 'consensus'?"), "{near}");
        let far = check_method("bert").expect_err("unknown").to_string();
        assert!(!far.contains("did you mean"), "{far}");
        assert!(check_method("lead").is_ok());
    }
}
