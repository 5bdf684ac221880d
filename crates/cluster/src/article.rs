//! One record of a stream: `{"id", "text" | "html", "title"?, "date"?, "source"?, "url"?}`.

use crate::day::Day;
use serde_json::{Map, Value};

/// A news article as it arrives. Build one with [`Article::new`] or [`Article::from_json`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// Unique per article: the same id twice is the same article.
    pub id: String,
    /// Plain text; cleaned (mojibake, furniture, whitespace) before it is read.
    pub text: Option<String>,
    /// A whole HTML page, reduced to its article text, used when `text` is absent.
    pub html: Option<String>,
    /// The headline, whose terms weigh more than the body's.
    pub title: Option<String>,
    /// The day it was published, which the time window compares.
    pub date: Option<Day>,
    /// The outlet, kept for callers (not a feature).
    pub source: Option<String>,
    /// The address, kept for callers (not a feature).
    pub url: Option<String>,
}

/// Why an article cannot be assigned. One line, without the record's position: callers add it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ArticleError {
    /// The line is not a JSON object.
    #[error("invalid JSON: {0}")]
    Json(String),
    /// No `id`, or an id that is neither a non-empty string nor a number.
    #[error("missing id: an article needs an \"id\" string or number")]
    MissingId,
    /// A field of the wrong type.
    #[error("field \"{0}\" must be a string")]
    NotAString(&'static str),
    /// `date` is neither `YYYY-MM-DD` nor an RFC 3339 timestamp.
    #[error("bad date {0:?}: expected YYYY-MM-DD or an RFC 3339 timestamp")]
    BadDate(String),
    /// Neither `text` nor `html` holds any word once cleaned.
    #[error("no text: the article has no words once cleaned")]
    NoText,
    /// The `html` page has no readable article in it.
    #[error("{0}")]
    Html(String),
}

impl Article {
    /// A plain-text article with nothing else known.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Article { id: id.into(), text: Some(text.into()), ..Article::default() }
    }

    /// The article one JSON line describes. Unknown fields are ignored.
    pub fn from_json(line: &str) -> Result<Article, ArticleError> {
        let value: Value = serde_json::from_str(line).map_err(|e| ArticleError::Json(e.to_string()))?;
        let Value::Object(fields) = value else {
            return Err(ArticleError::Json("expected an object".into()));
        };
        let id = match fields.get("id") {
            Some(Value::String(id)) if !id.trim().is_empty() => id.clone(),
            Some(Value::Number(id)) => id.to_string(),
            _ => return Err(ArticleError::MissingId),
        };
        let date = match string_field(&fields, "date")? {
            Some(raw) => Some(Day::parse(raw.trim()).ok_or_else(|| ArticleError::BadDate(raw.to_owned()))?),
            None => None,
        };
        let owned = |name| string_field(&fields, name).map(|field| field.map(str::to_owned));
        Ok(Article {
            text: owned("text")?,
            html: owned("html")?,
            title: owned("title")?,
            source: owned("source")?,
            url: owned("url")?,
            id,
            date,
        })
    }
}

/// A field that, when present and not null, must be a string.
fn string_field<'a>(fields: &'a Map<String, Value>, name: &'static str) -> Result<Option<&'a str>, ArticleError> {
    match fields.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(_) => Err(ArticleError::NotAString(name)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_field_and_ignores_others() {
        let article = Article::from_json(
            r#"{"id": 7, "text": "Body.", "title": "T", "date": "2013-01-19T10:00:00Z", "source": "AP", "url": "u", "x": 1}"#,
        )
        .expect("valid");
        assert_eq!(article.id, "7");
        assert_eq!(article.text.as_deref(), Some("Body."));
        assert_eq!(article.title.as_deref(), Some("T"));
        assert_eq!(article.date, Day::parse("2013-01-19"));
        assert_eq!((article.source.as_deref(), article.url.as_deref()), (Some("AP"), Some("u")));
    }

    #[test]
    fn each_problem_has_its_own_error() {
        let error = |line| Article::from_json(line).expect_err(line).to_string();
        assert!(error("{\"id\": ").starts_with("invalid JSON"));
        assert_eq!(error("[1]"), "invalid JSON: expected an object");
        assert!(error(r#"{"text": "x"}"#).starts_with("missing id"));
        assert!(error(r#"{"id": " ", "text": "x"}"#).starts_with("missing id"));
        assert_eq!(error(r#"{"id": "a", "text": 3}"#), "field \"text\" must be a string");
        assert_eq!(
            error(r#"{"id": "a", "text": "x", "date": "19/01/2013"}"#),
            "bad date \"19/01/2013\": expected YYYY-MM-DD or an RFC 3339 timestamp"
        );
    }
}
