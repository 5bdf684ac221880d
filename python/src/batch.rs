//! `chorus.batch`: many clusters in, one record per cluster out, in order, on all cores.
//!
//! Like `chorus batch`, it works in chunks: while the worker threads summarize one chunk (with
//! the GIL released), the next chunk is pulled from the Python iterable, so reading overlaps
//! summarizing and memory holds at most two chunks however long the iterable is.

use chorus::batch::summarize_line;
use chorus::Summarizer;
use pyo3::prelude::*;
use pyo3::types::PyIterator;
use rayon::prelude::*;
use std::collections::VecDeque;

/// Lines are named as `chorus batch -` names them, so the records are the same.
const ORIGIN: &str = "-";

/// An iterator of batch records (dicts), made by `chorus.batch`.
#[pyclass(module = "chorus")]
pub struct Batch {
    source: Source,
    summarizer: Summarizer,
    figures: bool,
    /// `None`: rayon's global pool, one thread per core.
    pool: Option<rayon::ThreadPool>,
    chunk_size: usize,
    /// The next chunk, read ahead: (1-based line, JSON text).
    next_chunk: Vec<(usize, String)>,
    /// Records summarized and not yet handed out, as JSON.
    ready: VecDeque<String>,
}

/// The Python iterable of clusters, each as JSON text (one JSONL line).
struct Source {
    lines: Py<PyIterator>,
    /// Lines pulled so far.
    lines_read: usize,
    exhausted: bool,
    /// What the iterable raised: handed on once the records of the lines before it are out.
    error: Option<PyErr>,
}

impl Source {
    /// Pulls up to `n` lines; an exception (or an item that is not a `str`) ends the stream.
    fn read(&mut self, py: Python<'_>, n: usize) -> Vec<(usize, String)> {
        let mut chunk = Vec::new();
        let lines = self.lines.bind(py);
        while !self.exhausted && chunk.len() < n {
            match lines.clone().next().map(|item| item.and_then(|item| item.extract::<String>())) {
                None => self.exhausted = true,
                Some(Ok(text)) => {
                    self.lines_read += 1;
                    chunk.push((self.lines_read, text));
                }
                Some(Err(error)) => {
                    self.exhausted = true;
                    self.error = Some(error);
                }
            }
        }
        chunk
    }
}

#[pymethods]
impl Batch {
    #[new]
    #[pyo3(signature = (lines, method, words, bytes, sentences, truncate, figures, threads, chunk))]
    #[allow(clippy::too_many_arguments)] // the keyword arguments of `chorus.batch`, passed on
    fn new(
        lines: &Bound<'_, PyAny>,
        method: &str,
        words: Option<usize>,
        bytes: Option<usize>,
        sentences: Option<usize>,
        truncate: bool,
        figures: bool,
        threads: Option<usize>,
        chunk: usize,
    ) -> PyResult<Batch> {
        let summarizer = crate::summarizer(method, words, bytes, sentences, truncate)?.with_figures(figures);
        let pool = match threads {
            None => None,
            Some(n) => Some(rayon::ThreadPoolBuilder::new().num_threads(n).build().map_err(crate::chorus_error)?),
        };
        let source = Source { lines: lines.try_iter()?.unbind(), lines_read: 0, exhausted: false, error: None };
        Ok(Batch {
            source,
            summarizer,
            figures,
            pool,
            chunk_size: chunk.max(1),
            next_chunk: Vec::new(),
            ready: VecDeque::new(),
        })
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        loop {
            if let Some(record) = self.ready.pop_front() {
                return py.import("json")?.getattr("loads")?.call1((record,)).map(Some);
            }
            if self.next_chunk.is_empty() {
                self.next_chunk = self.source.read(py, self.chunk_size);
            }
            if self.next_chunk.is_empty() {
                return match self.source.error.take() {
                    Some(error) => Err(error),
                    None => Ok(None),
                };
            }
            self.summarize_next_chunk(py);
        }
    }
}

impl Batch {
    /// Summarizes the read-ahead chunk without the GIL while a worker reads the next one.
    fn summarize_next_chunk(&mut self, py: Python<'_>) {
        let chunk = std::mem::take(&mut self.next_chunk);
        let (summarizer, figures, chunk_size) = (&self.summarizer, self.figures, self.chunk_size);
        let source = &mut self.source;
        let summarize = move || {
            chunk
                .into_par_iter()
                .filter_map(|(line, text)| chorus::ingest::parse_cluster_line(&text, ORIGIN, line))
                .map(|line| {
                    let outcome = summarize_line(summarizer, line);
                    // A record holds only strings, numbers and plain containers.
                    serde_json::to_string(&outcome.record(figures)).expect("a record serialises to JSON")
                })
                .collect::<Vec<String>>()
        };
        let read_ahead = move || Python::attach(|py| source.read(py, chunk_size));
        let pool = self.pool.as_ref();
        let (records, next) = py.detach(move || match pool {
            Some(pool) => pool.install(|| rayon::join(summarize, read_ahead)),
            None => rayon::join(summarize, read_ahead),
        });
        self.ready.extend(records);
        self.next_chunk = next;
    }
}
