"""`chorus.summarize`, `chorus.read`, `chorus.figures`, `chorus.methods`: the same results and
messages as the `chorus` command."""

from __future__ import annotations

import doctest
import json

import pytest

import chorus
from conftest import EXAMPLE


def without_timings(brief: dict) -> dict:
    brief = dict(brief)
    assert set(brief.pop("timings")) == {"clean_us", "segment_us", "compress_us", "focus_us", "select_us", "figures_us"}
    return brief


def test_brief_json_and_markdown_equal_the_command(run_cli):
    brief = chorus.summarize(chorus.read(EXAMPLE), words=60)
    cli = run_cli("summarize", str(EXAMPLE), "--words", "60", "--format", "json")
    assert cli.returncode == 0, cli.stderr
    assert without_timings(json.loads(brief.to_json())) == without_timings(json.loads(cli.stdout))
    markdown = run_cli("summarize", str(EXAMPLE), "--words", "60", "--format", "markdown")
    assert brief.to_markdown() == markdown.stdout
    assert str(brief) == run_cli("summarize", str(EXAMPLE), "--words", "60").stdout


def test_sentences_cite_spans_of_the_reports():
    cluster = chorus.read(EXAMPLE)
    # At 150 words the brief holds the statement two reports quote (at 120, since word coverage,
    # it holds none that another report repeats).
    brief = chorus.summarize(cluster, words=150)
    assert 0 < brief.words <= 150
    assert brief.summary == " ".join(s.text for s in brief.sentences)
    texts = {d["id"]: d["text"].encode() for d in cluster.documents}
    assert len(cluster) == len(texts) == 4
    for sentence in brief.sentences:
        original = texts[sentence.doc]
        assert 0 <= sentence.start < sentence.end <= len(original)
        # Cleaning only normalises whitespace, quotes and mojibake: the cited bytes hold the words.
        cited = original[sentence.start:sentence.end].decode()
        # Compression may capitalize a first word that was not first in the report.
        assert sentence.text.split()[0].strip('"“').lower() in cited.lower(), (sentence, cited)
        assert sentence.spans[0][0] == sentence.start and sentence.spans[-1][1] == sentence.end
        assert sentence.doc not in sentence.support and set(sentence.support) <= set(texts)
        assert brief.documents[sentence.doc_index]["id"] == sentence.doc
    assert any(s.support for s in brief.sentences), "the reports repeat each other: some sentence has support"
    assert brief.figures and all("verdict" in g for g in brief.figures)


def test_documents_as_strings_and_dicts():
    documents = [
        {"id": "afp", "text": "Troops stormed the gas plant on Thursday, officials said.", "title": "Raid",
         "date": "January 17, 2013"},
        "Algerian troops stormed the gas plant on Thursday. The siege had lasted two days.",
    ]
    brief = chorus.summarize(documents, words=20)
    assert brief.id == "documents"
    assert [(d["id"], d["title"], d["date"]) for d in brief.documents] == [
        ("afp", "Raid", "2013-01-17"), ("1", None, None)]
    assert brief.words <= 20 and brief.sentences
    named = chorus.summarize({"id": "siege", "documents": documents}, sentences=1)
    assert named.id == "siege" and len(named.sentences) == 1
    assert named.budget == {"unit": "sentences", "limit": 1, "truncate": False}


def test_budgets_and_truncation():
    cluster = chorus.read(EXAMPLE)
    assert len(chorus.summarize(cluster, bytes=300).summary.encode()) <= 300
    cut = chorus.summarize(cluster, words=33, truncate=True)
    assert cut.words == 33 and cut.sentences[-1].truncated
    with pytest.raises(chorus.ChorusError, match="the budget is one of words, bytes or sentences, not words and bytes"):
        chorus.summarize(cluster, words=10, bytes=100)


def cli_error(run_cli, *args: str) -> str:
    result = run_cli(*args)
    assert result.returncode == 2 and result.stderr.startswith("chorus: "), result
    return result.stderr.removeprefix("chorus: ").strip()


def test_errors_carry_the_command_messages(run_cli, tmp_path):
    with pytest.raises(chorus.ChorusError) as error:
        chorus.summarize(chorus.read(EXAMPLE), method="nope")
    assert str(error.value) == cli_error(run_cli, "summarize", str(EXAMPLE), "--method", "nope")
    missing = tmp_path / "missing"
    with pytest.raises(chorus.ChorusError) as error:
        chorus.read(missing)
    assert str(error.value) == cli_error(run_cli, "summarize", str(missing))
    with pytest.raises(chorus.ChorusError) as error:
        chorus.summarize(chorus.read(EXAMPLE), words=0)
    assert str(error.value) == cli_error(run_cli, "summarize", str(EXAMPLE), "--words", "0")
    (tmp_path / "x.json").write_text('{"documents": ["A.", {"title": "t"}]}')
    with pytest.raises(chorus.ChorusError) as error:
        chorus.summarize(["A.", {"title": "t"}])
    assert str(error.value) == 'documents: not a cluster: documents[1] has no "text" string'
    assert cli_error(run_cli, "summarize", str(tmp_path / "x.json")).endswith(str(error.value).removeprefix("documents"))
    with pytest.raises(chorus.ChorusError, match="^documents: no complete sentence to summarize in any report$"):
        chorus.summarize(["no sentence here"])
    assert issubclass(chorus.ChorusError, ValueError)


def test_a_path_string_is_not_taken_for_a_document():
    with pytest.raises(TypeError, match=r"chorus.read\(path\)"):
        chorus.summarize(str(EXAMPLE))  # type: ignore[arg-type]


def test_figures_equal_the_command(run_cli):
    cli = run_cli("figures", "--json", str(EXAMPLE))
    assert cli.returncode == 0, cli.stderr
    report = chorus.figures(chorus.read(EXAMPLE))
    assert report == json.loads(cli.stdout)
    assert any(g["verdict"] in ("disagree", "updated") for g in report["groups"]), "the example's tolls differ"


def test_methods_are_the_commands(run_cli):
    methods = chorus.methods()
    listed = run_cli("methods").stdout.splitlines()[::2]
    assert [m.name for m in methods] == [line.split()[0] for line in listed]
    assert [m.name for m in methods if m.default] == [chorus.DEFAULT_METHOD]
    for method in methods:
        assert chorus.summarize(chorus.read(EXAMPLE), words=50, method=method.name).words <= 50


def test_docstring_examples_hold():
    failures, tried = doctest.testmod(chorus, extraglobs={"chorus": chorus}, optionflags=doctest.ELLIPSIS)
    assert tried >= 5 and failures == 0
