"""Shared fixtures: the repository's example cluster, the `chorus` binary, and generated clusters.

The binary is the one the Python package must agree with: `$CHORUS_BIN`, else the release build
of this checkout (`cargo build --release` first; `.ci/run` does).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
from pathlib import Path
from typing import List

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "in-amenas"


@pytest.fixture(scope="session")
def chorus_bin() -> str:
    path = Path(os.environ.get("CHORUS_BIN", REPO / "target" / "release" / "chorus")).resolve()
    assert path.is_file(), f"{path}: no chorus binary; run `cargo build --release` or set CHORUS_BIN"
    return str(path)


@pytest.fixture(scope="session")
def run_cli(chorus_bin):
    """Runs `chorus ARGS...`, returning the completed process (stdout and stderr as text)."""

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run([chorus_bin, *args], input=stdin, capture_output=True, text=True, timeout=300)

    return run


def paragraphs() -> List[str]:
    """The paragraphs of the example reports: material for clusters of any size."""
    found = []
    for path in sorted(EXAMPLE.glob("*.txt")):
        found += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.split()) > 12]
    return found


def generated_lines(count: int, seed: int = 12) -> List[str]:
    """`count` JSONL lines of clusters made from the example's paragraphs, with the shapes and
    faults real files have: ids or none, dated and titled documents, bare strings, blank lines,
    malformed JSON and clusters without a usable sentence."""
    rng = random.Random(seed)
    pool = paragraphs()
    lines = []
    for n in range(count):
        kind = n % 50
        if kind == 17:
            lines.append('{"id": "cut-%d", "documents": ["Troops stormed' % n)
        elif kind == 29:
            lines.append("")
        elif kind == 41:
            lines.append(json.dumps({"id": f"nothing-{n}", "documents": ["no sentence here"]}))
        elif kind == 43:
            lines.append(json.dumps({"documents": []}))
        else:
            documents = []
            for d in range(rng.randint(2, 5)):
                text = "\n\n".join(rng.sample(pool, rng.randint(1, 4)))
                if rng.random() < 0.3:
                    documents.append(text)
                else:
                    day = rng.randint(16, 22)
                    documents.append({"id": f"r{d}", "text": text, "title": f"Report {d}", "date": f"2013-01-{day}"})
            cluster = {"documents": documents}
            if n % 7:
                cluster["id"] = f"event-{n}"
            lines.append(json.dumps(cluster))
    return lines
