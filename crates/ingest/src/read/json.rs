//! A cluster as one JSON object: `{"id": ..., "documents": [...]}` where each document is a
//! string or an object `{"id"?, "text", "title"?, "date"?}`. Other fields (`summaries`, `line`,
//! ...) are ignored, so evaluation records read as they are.

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
    let mut documents = Vec::with_capacity(items.len());
    for (position, item) in items.into_iter().enumerate() {
        documents.extend(json_document(position, item)?);
    }
    if documents.is_empty() {
        return Err(Problem::NotACluster(format!("cluster \"{id}\" is empty: no document has any text")));
    }
    Ok(Cluster { id, documents })
}

/// One entry of `documents`; `None` when it has no text (skipped, like a blank file piece).
fn json_document(position: usize, item: Value) -> Result<Option<Document>, Problem> {
    let (text, fields) = match item {
        Value::String(text) => (text, Map::new()),
        Value::Object(mut fields) => match fields.remove("text") {
            Some(Value::String(text)) => (text, fields),
            _ => return Err(Problem::NotACluster(format!("documents[{position}] has no \"text\" string"))),
        },
        _ => return Err(Problem::NotACluster(format!("documents[{position}] is neither a string nor an object"))),
    };
    if !has_text(&text) {
        return Ok(None);
    }
    let id = fields.get("id").and_then(json_id).unwrap_or_else(|| position.to_string());
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
}
