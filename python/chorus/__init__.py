"""chorus: many news reports of one event in, one cited brief out.

Every sentence of a brief cites the report and the exact bytes it came from, and lists the other
reports that say the same; figures the reports disagree on are shown side by side.

A folder of reports (here the example of the chorus repository)::

    import chorus
    brief = chorus.summarize(chorus.read("examples/in-amenas"), words=60)
    for sentence in brief.sentences:
        print(sentence.doc, sentence.start, sentence.end, sentence.text)

or documents in memory, as strings or dicts ``{"id", "text", "title", "date"}``:

>>> brief = chorus.summarize([
...     {"id": "afp", "date": "2013-01-17", "text": "Algerian troops stormed the gas plant on "
...      "Thursday, officials said. The siege had lasted two days."},
...     {"id": "bbc", "date": "2013-01-18", "text": "Algerian troops stormed the gas plant on "
...      "Thursday. Hostages were killed, officials said."},
... ], words=20)
>>> [(s.doc, s.support) for s in brief.sentences]
[('afp', ['bbc']), ('afp', [])]
>>> brief.summary
'Algerian troops stormed the gas plant. The siege had lasted two days.'

The first sentence is compressed: "on Thursday" and ", officials said" are dropped, and the
sentence cites the two pieces it keeps (``s.spans``).
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterable, Iterator, List, Mapping, NamedTuple, Optional, Sequence, Union

from ._chorus import DEFAULT_METHOD, Brief, ChorusError, Cluster, Clusterer, Sentence
from . import _chorus

__all__ = [
    "DEFAULT_METHOD",
    "Brief",
    "ChorusError",
    "Cluster",
    "Clusterer",
    "Method",
    "Score",
    "Sentence",
    "batch",
    "figures",
    "methods",
    "read",
    "rouge",
    "summarize",
]

Document = Union[str, Mapping[str, Any]]
"""A report: its text, or a dict ``{"id", "text", "title", "date"}`` (only ``text`` required)."""

Documents = Union[Cluster, Sequence[Document], Mapping[str, Any]]
"""A cluster: from :func:`read`, a list of documents, or a dict ``{"id", "documents": [...]}``."""

# The name in-memory clusters go by in error messages, and their id when they have none.
_SOURCE = "documents"


def read(path: Union[str, "os.PathLike[str]"]) -> Cluster:
    """Reads a cluster as ``chorus summarize PATH`` does.

    ``path`` is a folder of ``.txt``/``.md``/``.html`` reports (one per file, read in name
    order), a file of reports separated by ``|||||``, an HTML page, or a JSON cluster.
    Raises :class:`ChorusError` with the command's message (``examples/x: no such file or
    folder``).
    """
    return Cluster.read(os.fspath(path))


def _cluster(documents: Documents) -> Cluster:
    if isinstance(documents, Cluster):
        return documents
    if isinstance(documents, (str, bytes, os.PathLike)):
        raise TypeError(
            "summarize() takes a list of documents, a cluster dict or a chorus.Cluster; "
            "to read files, use chorus.read(path)"
        )
    return Cluster.from_json(_cluster_json(documents), _SOURCE)


def _cluster_json(documents: Union[str, Sequence[Document], Mapping[str, Any]]) -> str:
    """The JSON text of a cluster, as one line of a JSONL file (``str`` items pass as they are)."""
    if isinstance(documents, str):
        return documents
    if isinstance(documents, Mapping):
        return json.dumps(documents, default=str)
    if isinstance(documents, (list, tuple)):
        return json.dumps({"documents": documents}, default=str)
    raise TypeError(
        f"a cluster is a JSON string, a dict or a list of documents, not {type(documents).__name__}"
    )


def _budget(words: Optional[int], bytes: Optional[int], sentences: Optional[int]) -> None:
    given = [name for name, value in (("words", words), ("bytes", bytes), ("sentences", sentences))
             if value is not None]
    if len(given) > 1:
        raise ChorusError(f"the budget is one of words, bytes or sentences, not {' and '.join(given)}")


def summarize(
    documents: Documents,
    words: Optional[int] = None,
    *,
    method: str = DEFAULT_METHOD,
    bytes: Optional[int] = None,
    sentences: Optional[int] = None,
    truncate: bool = False,
    seen: Optional[Documents] = None,
    query: Optional[str] = None,
) -> Brief:
    """Summarizes one cluster into a cited :class:`Brief`.

    ``documents`` is a :class:`Cluster` (from :func:`read`), a list of documents (strings or
    dicts ``{"id", "text", "title", "date"}``), or a dict ``{"id", "documents": [...]}``.
    The budget is one of ``words`` (default 100), ``bytes`` or ``sentences``, and is never
    exceeded; ``truncate=True`` cuts the last sentence at the budget instead of keeping whole
    sentences only. ``method`` is one of :func:`methods`.

    The GIL is released while summarizing. Raises :class:`ChorusError` with the same message as
    the ``chorus`` command (an unknown method, a cluster without sentences, ...).

    ``seen`` are reports the reader has already read (in the same shapes as ``documents``): the
    brief then covers what is new, never restates them, and shows figures that changed since
    (``brief.to_json()["updates"]``). ``query`` focuses the brief on what answers it.

    >>> brief = chorus.summarize(["Troops stormed the plant on Thursday.", "Troops stormed it."])
    >>> brief.summary
    'Troops stormed the plant on Thursday.'
    """
    _budget(words, bytes, sentences)
    seen_cluster = None if seen is None else _cluster(seen)
    return _chorus.summarize(
        _cluster(documents), method, words, bytes, sentences, truncate, seen_cluster, query
    )


def figures(documents: Documents) -> Dict[str, Any]:
    """Every group of figures in a cluster, and whether the reports agree on it.

    Returns what ``chorus figures --json`` prints: ``{"id", "groups", "claims", "documents"}``;
    each group has ``values`` (who gave each value, and when) and a ``verdict`` (``agree``,
    ``consistent``, ``one_report``, ``disagree`` or ``updated``).

    >>> report = chorus.figures(["Officials said 37 hostages were killed.",
    ...                          "Algeria said 38 hostages were killed in the siege."])
    >>> [(g["counted"], g["verdict"], [v["value"] for v in g["values"]]) for g in report["groups"]]
    [('hostage', 'disagree', [{'exact': 37}, {'exact': 38}])]
    """
    return json.loads(_chorus.figures(_cluster(documents)))


class Method(NamedTuple):
    """A summarization method (``chorus methods``)."""

    name: str
    description: str
    reference: str
    default: bool


def methods() -> List[Method]:
    """The methods :func:`summarize` and :func:`batch` accept, the default one marked."""
    return [Method(*m) for m in _chorus.methods()]


class Score(NamedTuple):
    """Precision, recall and F-measure of one ROUGE metric: ``rouge_score.scoring.Score``."""

    precision: float
    recall: float
    fmeasure: float


def rouge(
    summary: str, references: Union[str, Sequence[str]], convention: str = "rouge-score"
) -> Dict[str, Score]:
    """ROUGE of ``summary`` against one or more reference summaries.

    ``convention="rouge-score"`` gives exactly what Google's ``rouge-score`` package gives with
    ``use_stemmer=True``: ``RougeScorer(...).score(reference, summary)`` for one reference and
    ``score_multi`` (best F1 per metric) for several. As there, ``rougeLsum`` reads one sentence
    per line: put newlines between sentences. ``convention="rouge155"`` reproduces the
    ROUGE-1.5.5 perl script (``-n 4 -m -a -c 95 -r 1000 -f A -p 0.5 -t 0 -2 4 -u``, no length
    limit). Keys are the metric names (``rouge1``, ``rouge2``, ``rougeL``, ``rougeLsum``, ...).

    >>> chorus.rouge("Militants seized the gas plant.", "Militants seized a gas plant in Algeria.")["rouge2"]
    Score(precision=0.5, recall=0.3333333333333333, fmeasure=0.4)
    """
    if isinstance(references, str):
        references = [references]
    return {name: Score(p, r, f) for name, p, r, f in _chorus.rouge(summary, list(references), convention)}


def batch(
    clusters: Iterable[Union[str, Sequence[Document], Mapping[str, Any]]],
    words: Optional[int] = None,
    *,
    method: str = DEFAULT_METHOD,
    bytes: Optional[int] = None,
    sentences: Optional[int] = None,
    truncate: bool = False,
    figures: bool = False,
    threads: Optional[int] = None,
    chunk: int = 256,
) -> Iterator[Dict[str, Any]]:
    """Summarizes many clusters on all cores, yielding one record per cluster, in input order.

    Each cluster is a JSON string (a line of a JSONL file), a dict ``{"id", "documents"}`` or a
    list of documents. The records are exactly what ``chorus batch -`` writes for the same
    clusters as JSON lines: ``{"line", "id", "summary", "sentences"}`` (plus ``figures`` and
    ``claims`` with ``figures=True``), where ``line`` is the 1-based position in ``clusters``.

    A cluster that cannot be summarized does not raise: it yields ``{"line", "id", "error"}``
    and the others still come out, as in ``chorus batch``. A blank string is skipped (it counts
    as a line, like a blank line of a file). A bad argument (an unknown method, a zero budget)
    raises :class:`ChorusError` at once; an exception raised by ``clusters`` itself is raised
    after the records of the clusters before it.

    The iterable is read lazily, ``chunk`` clusters at a time, the next chunk while the current
    one is summarized with the GIL released; ``threads`` workers (default: one per core).

    >>> records = chorus.batch([["Troops stormed the plant on Thursday."], {"documents": []}])
    >>> [sorted(r) for r in records]
    [['id', 'line', 'sentences', 'summary'], ['error', 'id', 'line']]
    """
    _budget(words, bytes, sentences)
    if threads is not None and threads < 1:
        raise ChorusError(f"threads must be at least 1, not {threads}")
    lines = (_cluster_json(cluster) for cluster in clusters)
    return _chorus.Batch(lines, method, words, bytes, sentences, truncate, figures, threads, chunk)
