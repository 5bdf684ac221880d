"""Types of the native module; the public API and its documentation are in ``chorus``."""

from typing import Any, Dict, Iterator, List, Mapping, Optional, Tuple, Union

DEFAULT_METHOD: str

class ChorusError(ValueError):
    """Input chorus cannot use, with the same message the ``chorus`` command prints."""

class Cluster:
    """The reports of one event, read but not yet summarized (from ``chorus.read``)."""

    @staticmethod
    def read(path: str) -> Cluster: ...
    @staticmethod
    def from_json(text: str, source: str) -> Cluster: ...
    @property
    def id(self) -> str: ...
    @property
    def documents(self) -> List[Dict[str, Optional[str]]]:
        """Each report as ``{"id", "text", "title", "date"}``; spans point into ``text``."""
    def __len__(self) -> int: ...

class Sentence:
    """One sentence of a brief, with its citation."""

    @property
    def text(self) -> str: ...
    @property
    def doc(self) -> str:
        """Id of the report it was taken from."""
    @property
    def doc_index(self) -> int:
        """Index of that report in ``Brief.documents``."""
    @property
    def start(self) -> int:
        """Byte offset in that report's original text where the first cited span starts."""
    @property
    def end(self) -> int:
        """Where the last cited span ends: ``start..end`` holds every span."""
    @property
    def spans(self) -> List[Tuple[int, int]]:
        """The ``(start, end)`` byte spans of the pieces the sentence keeps (several when
        compression dropped words between them)."""
    @property
    def support(self) -> List[str]:
        """Ids of the other reports that say the same thing."""
    @property
    def truncated(self) -> bool:
        """Whether it was cut at the budget (``truncate=True``)."""
    @property
    def disputed(self) -> List[int]:
        """Indices into ``Brief.figures`` of disputed groups this sentence gives a value of."""

class Brief:
    """A summary with its provenance; fields as in the README's JSON schema."""

    @property
    def id(self) -> str: ...
    @property
    def method(self) -> str: ...
    @property
    def summary(self) -> str:
        """The brief's plain text: its sentences joined by single spaces."""
    @property
    def words(self) -> int: ...
    @property
    def sentences(self) -> List[Sentence]: ...
    @property
    def budget(self) -> Dict[str, Any]: ...
    @property
    def documents(self) -> List[Dict[str, Any]]: ...
    @property
    def figures(self) -> List[Dict[str, Any]]:
        """Every group of figures, disputed or not, with its values and verdict."""
    @property
    def claims(self) -> List[Dict[str, Any]]: ...
    def to_json(self) -> str:
        """Exactly what ``chorus summarize --format json`` prints."""
    def to_markdown(self) -> str:
        """The brief with ``[n]`` citations, the disputed figures and a numbered source list."""
    def to_html(self) -> str:
        """A standalone page (``--format html``)."""

class Batch(Iterator[Dict[str, Any]]):
    def __init__(
        self,
        lines: Iterator[str],
        method: str,
        words: Optional[int],
        bytes: Optional[int],
        sentences: Optional[int],
        truncate: bool,
        figures: bool,
        threads: Optional[int],
        chunk: int,
    ) -> None: ...
    def __iter__(self) -> Batch: ...
    def __next__(self) -> Dict[str, Any]: ...

def summarize(
    cluster: Cluster,
    method: str,
    words: Optional[int],
    bytes: Optional[int],
    sentences: Optional[int],
    truncate: bool,
    seen: Optional[Cluster] = None,
    query: Optional[str] = None,
) -> Brief: ...

class Clusterer:
    """Online event clustering: each article's event is decided when it arrives."""
    def __init__(self, threshold: Optional[float] = None, window_days: Optional[int] = None) -> None: ...
    def add(self, article: Union[str, Mapping[str, Any]]) -> Dict[str, Any]: ...
    @property
    def live_events(self) -> int: ...
def figures(cluster: Cluster) -> str: ...
def methods() -> List[Tuple[str, str, str, bool]]: ...
def rouge(summary: str, references: List[str], convention: str) -> List[Tuple[str, float, float, float]]: ...
