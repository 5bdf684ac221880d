//! `chorus._chorus`: the native half of the `chorus` Python package, a thin layer over the
//! `chorus` facade crate. Argument shapes (documents as lists or dicts, keyword defaults) are
//! settled in `chorus/__init__.py`; this module takes JSON text and plain values, releases the
//! GIL for every summary, and turns errors into `ChorusError` with the command line's messages.

mod batch;
mod brief;
mod cluster;

use chorus::{Budget, Limit, Summarizer};
use chorus_rouge::{Convention, Scorer};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

pyo3::create_exception!(
    chorus,
    ChorusError,
    PyValueError,
    "Input chorus cannot use, with the same message the `chorus` command prints."
);

/// Any error of the pipeline as a `ChorusError` carrying its message.
fn chorus_error(error: impl std::fmt::Display) -> PyErr {
    ChorusError::new_err(error.to_string())
}

/// The reports of one event, read but not yet summarized.
#[pyclass(frozen, module = "chorus")]
struct Cluster {
    inner: chorus::Cluster,
}

#[pymethods]
impl Cluster {
    /// Reads a cluster as `chorus summarize PATH` does: a folder of reports, a `|||||`-separated
    /// file, an HTML page or a JSON cluster.
    #[staticmethod]
    fn read(py: Python<'_>, path: &str) -> PyResult<Cluster> {
        let inner = py.detach(|| chorus::read_cluster(path)).map_err(chorus_error)?;
        Ok(Cluster { inner })
    }

    /// Parses a JSON cluster object; `source` names it in errors and is its id when it has none.
    #[staticmethod]
    fn from_json(text: &str, source: &str) -> PyResult<Cluster> {
        Ok(Cluster { inner: chorus::ingest::cluster_from_json(text, source).map_err(chorus_error)? })
    }

    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// Each report as a dict `{"id", "text", "title", "date"}`: `text` is the original text
    /// that sentence spans point into.
    #[getter]
    fn documents<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, pyo3::types::PyDict>>> {
        self.inner.documents.iter().map(|d| brief::document_dict(py, d)).collect()
    }

    fn __len__(&self) -> usize {
        self.inner.documents.len()
    }

    fn __repr__(&self) -> String {
        format!("<chorus.Cluster {:?}: {} reports>", self.inner.id, self.inner.documents.len())
    }
}

/// A summarizer from the keyword arguments of `summarize` and `batch`. At most one of `words`,
/// `bytes`, `sentences` is set (checked in Python); none means 100 words.
fn summarizer(
    method: &str,
    words: Option<usize>,
    bytes: Option<usize>,
    sentences: Option<usize>,
    truncate: bool,
) -> PyResult<Summarizer> {
    let limit = match (words, bytes, sentences) {
        (_, Some(n), _) => Limit::Bytes(n),
        (_, _, Some(n)) => Limit::Sentences(n),
        (n, _, _) => Limit::Words(n.unwrap_or(100)),
    };
    Summarizer::new(method, Budget { limit, truncate }).map_err(chorus_error)
}

#[pyfunction]
#[pyo3(signature = (cluster, method, words, bytes, sentences, truncate, seen=None, query=None))]
#[allow(clippy::too_many_arguments)]
fn summarize(
    py: Python<'_>,
    cluster: &Cluster,
    method: &str,
    words: Option<usize>,
    bytes: Option<usize>,
    sentences: Option<usize>,
    truncate: bool,
    seen: Option<&Cluster>,
    query: Option<String>,
) -> PyResult<brief::Brief> {
    let summarizer = summarizer(method, words, bytes, sentences, truncate)?;
    let mut cluster = cluster.inner.clone();
    if let Some(seen) = seen {
        cluster.add_seen(seen.inner.documents.clone());
    }
    if let Some(query) = query {
        if query.trim().is_empty() {
            return Err(chorus_error("the query is blank"));
        }
        cluster.query = Some(query);
    }
    let brief = py.detach(|| summarizer.summarize(cluster)).map_err(chorus_error)?;
    Ok(brief::Brief::new(brief))
}

/// Every group of figures of a cluster, as JSON text (`chorus figures --json`).
#[pyfunction]
fn figures(py: Python<'_>, cluster: &Cluster) -> PyResult<String> {
    let cluster = cluster.inner.clone();
    let report = py
        .detach(|| {
            chorus::prepare(cluster).map(|prepared| chorus::FigureReport::new(&prepared, chorus::figures(&prepared)))
        })
        .map_err(chorus_error)?;
    serde_json::to_string(&report).map_err(chorus_error)
}

/// `(name, description, reference, is_default)` of every method.
#[pyfunction]
fn methods() -> Vec<(&'static str, &'static str, &'static str, bool)> {
    chorus::methods::methods()
        .iter()
        .map(|m| (m.name(), m.description(), m.reference(), m.name() == chorus::DEFAULT_METHOD))
        .collect()
}

/// `(metric, precision, recall, f1)` of a summary against its references.
#[pyfunction]
fn rouge(
    py: Python<'_>,
    summary: &str,
    references: Vec<String>,
    convention: &str,
) -> PyResult<Vec<(&'static str, f64, f64, f64)>> {
    let convention = match convention {
        "rouge-score" => Convention::RougeScore,
        "rouge155" => Convention::Rouge155 { truncate: None },
        other => return Err(chorus_error(format!("unknown ROUGE convention '{other}' (rouge-score, rouge155)"))),
    };
    let scores = py.detach(|| Scorer::new(convention).score(summary, &references)).map_err(chorus_error)?;
    Ok(scores.iter().map(|(metric, prf)| (metric.name(), prf.precision, prf.recall, prf.f1)).collect())
}

#[pymodule]
fn _chorus(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("ChorusError", m.py().get_type::<ChorusError>())?;
    m.add("DEFAULT_METHOD", chorus::DEFAULT_METHOD)?;
    m.add_class::<Cluster>()?;
    m.add_class::<brief::Brief>()?;
    m.add_class::<brief::Sentence>()?;
    m.add_class::<batch::Batch>()?;
    m.add_class::<cluster::Clusterer>()?;
    m.add_function(wrap_pyfunction!(summarize, m)?)?;
    m.add_function(wrap_pyfunction!(figures, m)?)?;
    m.add_function(wrap_pyfunction!(methods, m)?)?;
    m.add_function(wrap_pyfunction!(rouge, m)?)?;
    Ok(())
}
