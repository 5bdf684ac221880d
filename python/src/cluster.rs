//! `chorus.Clusterer`: online event clustering of an article stream (`chorus cluster`), one
//! article at a time.

use crate::chorus_error;
use chorus::cluster::{Article, Clusterer as Engine, Config};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// Assigns each article to an event as it arrives, from the articles before it only.
#[pyclass(module = "chorus")]
pub struct Clusterer {
    engine: Engine,
}

#[pymethods]
impl Clusterer {
    /// `threshold`: the probability (by the link model, between 0 and 1) that an article belongs
    /// to an event for it to join; `window_days`: how long a
    /// dated event may stay idle and still take articles (`None` keeps the default, `0` turns
    /// the window off). Both default to `chorus cluster`'s measured defaults.
    #[new]
    #[pyo3(signature = (threshold=None, window_days=None))]
    fn new(threshold: Option<f32>, window_days: Option<u32>) -> Self {
        let mut config = Config::default();
        if let Some(threshold) = threshold {
            config.threshold = threshold;
        }
        if let Some(days) = window_days {
            config.window_days = (days > 0).then_some(days);
        }
        Clusterer { engine: Engine::new(config) }
    }

    /// Adds one article, a dict (or the JSON text of a stream line) `{"id", "text" | "html",
    /// "title", "date", "source", "url"}`, and returns `{"id", "event", "new_event", "score",
    /// "duplicate_of", "retired"}`. The same id twice is the same article: the second is
    /// reported as its duplicate, in the same event.
    fn add<'py>(&mut self, py: Python<'py>, article: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
        let line: String = match article.extract::<String>() {
            Ok(text) => text,
            Err(_) => py.import("json")?.call_method1("dumps", (article,))?.extract()?,
        };
        let article = Article::from_json(&line).map_err(chorus_error)?;
        let engine = &mut self.engine;
        let assignment = py.detach(|| engine.add(&article)).map_err(chorus_error)?;
        let out = PyDict::new(py);
        out.set_item("id", &article.id)?;
        out.set_item("event", assignment.event.to_string())?;
        out.set_item("new_event", assignment.new_event)?;
        out.set_item("score", assignment.score)?;
        out.set_item("duplicate_of", assignment.duplicate_of)?;
        out.set_item("retired", assignment.retired.iter().map(|e| e.to_string()).collect::<Vec<_>>())?;
        Ok(out)
    }

    /// Events that can still take articles.
    #[getter]
    fn live_events(&self) -> usize {
        self.engine.live_events()
    }
}
