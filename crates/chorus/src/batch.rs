//! One cluster of a batch run in, one output record out. `chorus batch` and the Python package
//! both go through here, so they write the same records for the same input.

use crate::brief::{Brief, BriefSentence, CitedClaim, FigureUpdate};
use crate::summarizer::Summarizer;
use chorus_figures::FigureGroup;
use chorus_ingest::ClusterLine;
use serde::Serialize;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// What became of one line of a batch: its brief, or why it has none.
#[derive(Debug)]
pub struct Outcome {
    /// 1-based line number in the input.
    pub line: usize,
    /// The cluster's id, when the line could be read as a cluster.
    pub id: Option<String>,
    /// The brief, or the error message (which names the line).
    pub result: Result<Brief, String>,
}

/// One output line of a batch, as JSON: `{"line", "id", "summary", "sentences"}` (with
/// `figures` and `claims` when asked), or `{"line", "id", "error"}`.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Record<'a> {
    /// The brief of a cluster.
    Brief {
        /// 1-based input line.
        line: usize,
        /// The cluster's id.
        id: &'a str,
        /// The reader's question, when the cluster has one.
        #[serde(skip_serializing_if = "Option::is_none")]
        query: Option<&'a str>,
        /// The brief's text.
        summary: &'a str,
        /// Its sentences with their citations.
        sentences: &'a [BriefSentence],
        /// Every figure group, when asked for.
        #[serde(skip_serializing_if = "Option::is_none")]
        figures: Option<&'a [FigureGroup]>,
        /// Every claim, when asked for.
        #[serde(skip_serializing_if = "Option::is_none")]
        claims: Option<&'a [CitedClaim]>,
        /// Figures changed since the seen reports, when figures are asked for.
        #[serde(skip_serializing_if = "Option::is_none")]
        updates: Option<&'a [FigureUpdate]>,
    },
    /// Why a line has no brief.
    Error {
        /// 1-based input line.
        line: usize,
        /// The cluster's id, when the line could be read as a cluster.
        id: Option<&'a str>,
        /// What went wrong (names the line).
        error: &'a str,
    },
}

/// Summarizes one line of a batch. A panic is a bug, but one cluster's bug must not lose the
/// others' briefs: it becomes this line's error.
pub fn summarize_line(summarizer: &Summarizer, line: ClusterLine) -> Outcome {
    let cluster = match line.result {
        Ok(cluster) => cluster,
        Err(error) => return Outcome { line: line.line, id: None, result: Err(error.to_string()) },
    };
    let id = cluster.id.clone();
    let result = match catch_unwind(AssertUnwindSafe(|| summarizer.summarize(cluster))) {
        Ok(Ok(brief)) => Ok(brief),
        Ok(Err(error)) => Err(error.to_string()),
        Err(_) => Err("internal error while summarizing (a bug: please report it)".to_owned()),
    };
    Outcome { line: line.line, id: Some(id), result: result.map_err(|e| format!("line {}: {e}", line.line)) }
}

impl Outcome {
    /// The output record; `figures` adds each brief's figure groups and claims.
    pub fn record(&self, figures: bool) -> Record<'_> {
        match &self.result {
            Ok(brief) => Record::Brief {
                line: self.line,
                id: &brief.id,
                query: brief.query.as_deref(),
                summary: &brief.summary,
                sentences: &brief.sentences,
                figures: figures.then_some(brief.figures.as_slice()),
                claims: figures.then_some(brief.claims.as_slice()),
                updates: figures.then_some(brief.updates.as_slice()),
            },
            Err(error) => Record::Error { line: self.line, id: self.id.as_deref(), error },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chorus_core::Budget;

    fn outcome(text: &str, line: usize) -> Outcome {
        let summarizer = Summarizer::new(chorus_methods::DEFAULT_METHOD, Budget::words(40)).expect("valid");
        let line = chorus_ingest::parse_cluster_line(text, "-", line).expect("not blank");
        summarize_line(&summarizer, line)
    }

    #[test]
    fn a_brief_record_has_the_documented_fields() {
        let text = r#"{"id": "siege", "documents": ["Troops stormed the gas plant on Thursday, officials said. The siege lasted four days.", "The army said troops stormed the gas plant on Thursday."]}"#;
        let outcome = outcome(text, 3);
        let record = serde_json::to_value(outcome.record(false)).expect("serializes");
        assert_eq!(record["line"], 3);
        assert_eq!(record["id"], "siege");
        assert!(record["summary"].as_str().is_some_and(|s| s.contains("stormed")), "{record}");
        assert!(record["sentences"].as_array().is_some_and(|s| !s.is_empty()));
        assert!(record.get("figures").is_none() && record.get("error").is_none());
        let with_figures = serde_json::to_value(outcome.record(true)).expect("serializes");
        assert!(with_figures["figures"].is_array() && with_figures["claims"].is_array());
    }

    #[test]
    fn an_error_record_names_the_line_and_the_problem() {
        let record = serde_json::to_value(outcome("{\"documents\": 5}", 7).record(false)).expect("serializes");
        assert_eq!(
            record,
            serde_json::json!({"line": 7, "id": null, "error": "-, line 7: not a cluster: no \"documents\" array"})
        );
        let record = serde_json::to_value(outcome(r#"{"documents": ["no sentence here"]}"#, 2).record(false))
            .expect("serializes");
        assert_eq!(record["id"], "stdin-2");
        assert!(record["error"].as_str().is_some_and(|e| e.starts_with("line 2: stdin-2: ")), "{record}");
    }
}
