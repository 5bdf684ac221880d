//! A cluster as one JSON object: `{"id": ..., "documents": [...]}` where each document is a
//! string or an object `{"id"?, "text", "title"?, "date"?}`. Two optional fields make an update
//! or a focused brief: `"seen"`, the reports the reader has already read (same shapes as
//! `documents`), and `"query"`, a string saying what the reader wants to know. Other fields
//! (`summaries`, `line`, ...) are ignored, so evaluation records read as they are.

use super::decode::has_text;
use super::{article_document, file_stem};
use crate::error::{IngestError, Problem};
use chorus_core::{Cluster, Date, Document};
use serde_json::{Map, Value};
use std::path::Path;

/// Parses a JSON cluster object. `source` names where the text came from, for errors, and its
/// file stem is the cluster id when the object has none.
pub fn cluster_from_json(text: &str, source: &str) -> Result<Cluster, IngestError> {
    parse_cluster(text, &file_stem(Path::new(source))).map_err(|e| IngestError::new(source, e))
}

/// Parses a JSON cluster object, naming it `fallback_id` when it has no `id`.
pub(crate) fn parse_cluster(text: &str, fallback_id: &str) -> Result<Cluster, Problem> {
    let value: Value = serde_json::from_str(text).map_err(|e| Problem::Json(e.to_string()))?;
    let Value::Object(mut fields) = value else {
        return Err(Problem::NotACluster("expected an object with a \"documents\" array".into()));
    };
    let id = fields.get("id").and_then(json_id).unwrap_or_else(|| fallback_id.to_owned());
    let Some(Value::Array(items)) = fields.remove("documents") else {
        return Err(Problem::NotACluster("no \"documents\" array".into()));
    };
    let documents = json_documents("documents", items, "")?;
    if documents.is_empty() {
        return Err(Problem::NotACluster(format!("cluster \"{id}\" is empty: no document has any text")));
    }
    let query = match fields.remove("query") {
        None | Some(Value::Null) => None,
        Some(Value::String(query)) if has_text(&query) => Some(query.trim().to_owned()),
        Some(_) => return Err(Problem::NotACluster("\"query\" is not a non-blank string".into())),
    };
    let mut cluster = Cluster { id, documents, query };
    match fields.remove("seen") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => cluster.add_seen(json_documents("seen", items, "seen-")?),
        Some(_) => return Err(Problem::NotACluster("\"seen\" is not an array of documents".into())),
    }
    Ok(cluster)
}

/// The entries of the array `field`; a document without an id of its own is named by
/// `id_prefix` and its position.
fn json_documents(field: &str, items: Vec<Value>, id_prefix: &str) -> Result<Vec<Document>, Problem> {
    let mut documents = Vec::with_capacity(items.len());
    for (position, item) in items.into_iter().enumerate() {
        documents.extend(json_document(field, position, item, id_prefix)?);
    }
    Ok(documents)
}

/// One entry of `documents`; `None` when it has no text (skipped, like a blank file piece).
fn json_document(field: &str, position: usize, item: Value, id_prefix: &str) -> Result<Option<Document>, Problem> {
    let (text, fields) = match item {
        Value::String(text) => (text, Map::new()),
        Value::Object(mut fields) => match fields.remove("text") {
            Some(Value::String(text)) => (text, fields),
            _ => return Err(Problem::NotACluster(format!("{field}[{position}] has no \"text\" string"))),
        },
        _ => return Err(Problem::NotACluster(format!("{field}[{position}] is neither a string nor an object"))),
    };
    if !has_text(&text) {
        return Ok(None);
    }
    let id = fields.get("id").and_then(json_id).unwrap_or_else(|| format!("{id_prefix}{position}"));
    let mut document = article_document(id, text, false)?;
    if let Some(title) = fields.get("title").and_then(Value::as_str).filter(|t| has_text(t)) {
        document.title = Some(title.trim().to_owned());
    }
    if let Some(date) = fields.get("date").and_then(Value::as_str).and_then(Date::parse) {
        document.date = Some(date.to_string());
    }
    Ok(Some(document))
}

/// Ids may be strings or numbers in the wild.
fn json_id(value: &Value) -> Option<String> {
    match value {
        Value::String(id) => Some(id.clone()),
        Value::Number(id) => Some(id.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_objects_with_extra_fields() {
        let text = r#"{"id": 7, "line": 3, "summaries": ["s"], "documents": [
            "Plain article.",
            {"id": "afp-1", "text": "Object article.", "title": " Raid ends ", "date": "January 19, 2013", "url": "x"},
            "   "
        ]}"#;
        let cluster = cluster_from_json(text, "data/set.json").expect("valid cluster");
        assert_eq!(cluster.id, "7");
        assert_eq!(cluster.documents.len(), 2);
        assert_eq!(cluster.documents[0].id, "0");
        let second = &cluster.documents[1];
        assert_eq!((second.id.as_str(), second.original.as_str()), ("afp-1", "Object article."));
        assert_eq!(second.title.as_deref(), Some("Raid ends"));
        assert_eq!(second.date.as_deref(), Some("2013-01-19"));
    }

    #[test]
    fn missing_id_falls_back_to_the_file_stem() {
        let cluster = cluster_from_json(r#"{"documents": ["A."]}"#, "runs/in-amenas.json").expect("valid");
        assert_eq!(cluster.id, "in-amenas");
    }

    #[test]
    fn errors_name_the_source_and_the_item() {
        let error = cluster_from_json("{\"documents\": [", "bad.json").expect_err("truncated");
        assert!(error.to_string().starts_with("bad.json: invalid JSON"), "{error}");
        let error = cluster_from_json(r#"{"documents": ["A.", {"title": "t"}]}"#, "x.json").expect_err("no text");
        assert_eq!(error.to_string(), "x.json: not a cluster: documents[1] has no \"text\" string");
        let error = cluster_from_json(r#"[1, 2]"#, "x.json").expect_err("array");
        assert!(error.to_string().contains("expected an object"), "{error}");
        let error = cluster_from_json(r#"{"documents": [" "]}"#, "x.json").expect_err("blank");
        assert_eq!(error.to_string(), "x.json: not a cluster: cluster \"x\" is empty: no document has any text");
    }

    #[test]
    fn seen_reports_come_first_marked_seen_and_the_query_is_kept() {
        let text = r#"{"documents": ["New report."], "seen": ["Old report.", {"id": "a", "text": "Older."}],
            "query": "  How many died?  "}"#;
        let cluster = cluster_from_json(text, "x.json").expect("valid");
        let ids: Vec<(&str, bool)> = cluster.documents.iter().map(|d| (d.id.as_str(), d.seen)).collect();
        assert_eq!(ids, vec![("seen-0", true), ("a", true), ("0", false)]);
        assert_eq!(cluster.query.as_deref(), Some("How many died?"));
        let plain = cluster_from_json(r#"{"documents": ["A."], "seen": null}"#, "x.json").expect("valid");
        assert!(!plain.has_seen() && plain.query.is_none());
    }

    #[test]
    fn malformed_seen_or_query_is_an_error_naming_the_field() {
        let error = cluster_from_json(r#"{"documents": ["A."], "seen": "B."}"#, "x.json").expect_err("not array");
        assert_eq!(error.to_string(), "x.json: not a cluster: \"seen\" is not an array of documents");
        let error = cluster_from_json(r#"{"documents": ["A."], "seen": [3]}"#, "x.json").expect_err("number");
        assert_eq!(error.to_string(), "x.json: not a cluster: seen[0] is neither a string nor an object");
        let error = cluster_from_json(r#"{"documents": ["A."], "query": ["q"]}"#, "x.json").expect_err("array");
        assert_eq!(error.to_string(), "x.json: not a cluster: \"query\" is not a non-blank string");
        let error = cluster_from_json(r#"{"documents": ["A."], "query": " "}"#, "x.json").expect_err("blank");
        assert!(error.to_string().contains("\"query\""), "{error}");
    }
}
