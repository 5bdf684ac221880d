"""`chorus.Clusterer` against `chorus cluster`, and `summarize(seen=, query=)` against
`chorus summarize --since/--query`, on the repository's examples."""

from __future__ import annotations

import json

import pytest

import chorus
from conftest import EXAMPLE, REPO

STREAM = REPO / "examples" / "stream" / "articles.jsonl"


def test_clusterer_assigns_the_events_chorus_cluster_does(run_cli):
    cli = [json.loads(line) for line in run_cli("cluster", str(STREAM)).stdout.splitlines()]
    clusterer = chorus.Clusterer()
    lines = [line for line in STREAM.read_text(encoding="utf-8").splitlines() if line.strip()]
    ours = [clusterer.add(json.loads(line)) for line in lines]
    assert len(ours) == len(cli) > 10
    for mine, theirs in zip(ours, cli):
        assert (mine["id"], mine["event"], mine["new_event"]) == (theirs["id"], theirs["event"], theirs["new_event"])
        assert mine["duplicate_of"] == theirs.get("duplicate_of")
    assert len({o["event"] for o in ours}) >= 3, "the example stream has several events"
    assert 1 <= clusterer.live_events <= len({o["event"] for o in ours})


def test_clusterer_takes_json_text_and_refuses_an_article_without_text():
    clusterer = chorus.Clusterer()
    first = clusterer.add('{"id": "a", "text": "Floods hit the valley town on Monday, officials said."}')
    assert first["new_event"] and first["event"]
    again = clusterer.add({"id": "a", "text": "Floods hit the valley town on Monday, officials said."})
    assert again["event"] == first["event"] and not again["new_event"]
    with pytest.raises(chorus.ChorusError):
        clusterer.add({"id": "b"})


def test_an_update_brief_equals_the_command_line_one(run_cli):
    thursday = ["000_721c9108c0229ec8.txt", "003_802d9e333d9d6a38.txt"]
    args = ["summarize", str(EXAMPLE), "--format", "json"]
    for name in thursday:
        args += ["--since", str(EXAMPLE / name)]
    cli = json.loads(run_cli(*args).stdout)
    seen = [{"id": name[:-4], "text": (EXAMPLE / name).read_text(encoding="utf-8")} for name in thursday]
    brief = chorus.summarize(chorus.read(EXAMPLE), seen=seen)
    assert brief.summary == cli["summary"]
    assert "35 hostages" not in brief.summary
    assert json.loads(brief.to_json())["updates"], "the hostage toll changed since Thursday"


def test_a_query_is_passed_through_and_a_blank_one_refused(run_cli):
    cli = json.loads(run_cli("summarize", str(EXAMPLE), "--format", "json", "--query", "Obama statement").stdout)
    brief = chorus.summarize(chorus.read(EXAMPLE), query="Obama statement")
    assert brief.summary == cli["summary"]
    with pytest.raises(chorus.ChorusError):
        chorus.summarize(chorus.read(EXAMPLE), query="  ")
