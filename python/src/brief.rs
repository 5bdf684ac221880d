//! The brief as Python sees it: attributes for the parts scripts use most, renderings for the
//! rest. Nested structures (figures, claims, documents) become plain dicts and lists, the same
//! as in the JSON schema, so there is one description of them: the README's.

use chorus::{Brief as RustBrief, Format};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde::Serialize;

/// A summary with its provenance: every sentence cites its report and byte span.
#[pyclass(frozen, module = "chorus")]
pub struct Brief {
    inner: RustBrief,
}

impl Brief {
    pub fn new(inner: RustBrief) -> Self {
        Brief { inner }
    }
}

/// A value as plain Python objects, through its JSON form (the schema scripts rely on).
fn to_python<'py>(py: Python<'py>, value: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value).map_err(crate::chorus_error)?;
    py.import("json")?.getattr("loads")?.call1((text,))
}

#[pymethods]
impl Brief {
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    #[getter]
    fn method(&self) -> &str {
        &self.inner.method
    }

    #[getter]
    fn summary(&self) -> &str {
        &self.inner.summary
    }

    #[getter]
    fn words(&self) -> usize {
        self.inner.words
    }

    #[getter]
    fn sentences(&self) -> Vec<Sentence> {
        self.inner.sentences.iter().map(|s| Sentence { inner: s.clone() }).collect()
    }

    #[getter]
    fn budget<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner.budget)
    }

    #[getter]
    fn documents<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner.documents)
    }

    #[getter]
    fn figures<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner.figures)
    }

    #[getter]
    fn claims<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner.claims)
    }

    fn to_json(&self) -> String {
        chorus::render(&self.inner, Format::Json)
    }

    fn to_markdown(&self) -> String {
        chorus::render(&self.inner, Format::Markdown)
    }

    fn to_html(&self) -> String {
        chorus::render(&self.inner, Format::Html)
    }

    fn __str__(&self) -> String {
        chorus::render(&self.inner, Format::Text)
    }

    fn __repr__(&self) -> String {
        format!(
            "<chorus.Brief {:?}: {} sentences, {} words>",
            self.inner.id,
            self.inner.sentences.len(),
            self.inner.words
        )
    }
}

/// One sentence of a brief, with its citation.
#[pyclass(frozen, module = "chorus")]
pub struct Sentence {
    inner: chorus::BriefSentence,
}

#[pymethods]
impl Sentence {
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    #[getter]
    fn doc(&self) -> &str {
        &self.inner.doc
    }

    #[getter]
    fn doc_index(&self) -> usize {
        self.inner.doc_index
    }

    #[getter]
    fn start(&self) -> usize {
        self.inner.start
    }

    #[getter]
    fn end(&self) -> usize {
        self.inner.end
    }

    #[getter]
    fn spans(&self) -> Vec<(usize, usize)> {
        self.inner.spans.iter().map(|&[start, end]| (start, end)).collect()
    }

    #[getter]
    fn support(&self) -> Vec<String> {
        self.inner.support.clone()
    }

    #[getter]
    fn truncated(&self) -> bool {
        self.inner.truncated
    }

    #[getter]
    fn disputed(&self) -> Vec<usize> {
        self.inner.disputed.clone()
    }

    fn __repr__(&self) -> String {
        format!(
            "<chorus.Sentence from {:?} bytes {}..{}: {:?}>",
            self.inner.doc, self.inner.start, self.inner.end, self.inner.text
        )
    }
}

/// A report of a [`crate::Cluster`] as a dict `{"id", "text", "title", "date"}`.
pub fn document_dict<'py>(py: Python<'py>, document: &chorus::Document) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("id", &document.id)?;
    dict.set_item("text", &document.original)?;
    dict.set_item("title", &document.title)?;
    dict.set_item("date", &document.date)?;
    Ok(dict)
}
