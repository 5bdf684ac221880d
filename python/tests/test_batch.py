"""`chorus.batch`: the records of `chorus batch -`, in order, streamed, errors as records; and
`chorus batch -` itself as `RDD.pipe` needs it."""

from __future__ import annotations

import json

import pytest

import chorus
from conftest import generated_lines


def cli_records(run_cli, lines, *args: str):
    result = run_cli("batch", "-", "--quiet", *args, stdin="".join(line + "\n" for line in lines))
    return result, [json.loads(line) for line in result.stdout.splitlines()]


def test_records_equal_chorus_batch_line_for_line(run_cli):
    lines = generated_lines(120)
    result, expected = cli_records(run_cli, lines)
    assert result.returncode == 1, "the fixture has bad lines"
    records = list(chorus.batch(lines, chunk=16))
    assert records == expected
    # Lines read from a file keep their ends; the records are the same.
    assert list(chorus.batch(line + "\r\n" for line in lines)) == expected
    # One record per non-blank line, in order; the faults are records, not exceptions.
    assert [r["line"] for r in records] == [i + 1 for i, line in enumerate(lines) if line.strip()]
    errors = [r for r in records if "error" in r]
    assert len(errors) == sum(1 for n in range(120) if n % 50 in (17, 41, 43))
    assert errors[0] == {"line": 18, "id": None, "error": errors[0]["error"]}
    assert errors[0]["error"].startswith("-, line 18: invalid JSON")


def test_dicts_lists_and_options_as_in_the_command(run_cli):
    lines = generated_lines(30, seed=5)
    clusters = [json.loads(line) if line.startswith("{\"documents\": [{") else line for line in lines]
    _, expected = cli_records(run_cli, lines, "--sentences", "2", "--figures", "--method", "lead")
    records = list(chorus.batch(clusters, sentences=2, figures=True, method="lead", threads=2, chunk=4))
    assert records == expected
    assert all("figures" in r and "claims" in r for r in records if "error" not in r)
    listed = list(chorus.batch([["Troops stormed the plant on Thursday, officials said."]]))
    assert listed[0]["id"] == "stdin-1" and listed[0]["sentences"][0]["doc"] == "0"


def test_the_iterable_is_read_lazily_a_chunk_ahead():
    lines = generated_lines(40)
    pulled = []

    def source():
        for line in lines:
            pulled.append(line)
            yield line

    records = chorus.batch(source(), chunk=5)
    assert pulled == [], "nothing is read before the first record is asked for"
    first = next(records)
    assert first["line"] == 1 and len(pulled) <= 10
    assert len(list(records)) == sum(1 for line in lines if line.strip()) - 1


def test_an_exception_in_the_iterable_comes_after_the_records_before_it():
    def source():
        yield from generated_lines(7)
        raise OSError("disk gone")

    records = chorus.batch(source(), chunk=3)
    seen = []
    with pytest.raises(OSError, match="disk gone"):
        for record in records:
            seen.append(record["line"])
    assert seen == [1, 2, 3, 4, 5, 6, 7]
    with pytest.raises(TypeError, match="not int"):
        list(chorus.batch([5]))  # type: ignore[list-item]


def test_bad_arguments_raise_at_once():
    with pytest.raises(chorus.ChorusError, match="unknown method 'nope'"):
        chorus.batch([], method="nope")
    with pytest.raises(chorus.ChorusError, match="greater than zero"):
        chorus.batch([], words=0)
    with pytest.raises(chorus.ChorusError, match="threads must be at least 1"):
        chorus.batch([], threads=0)
    assert list(chorus.batch([])) == []


def test_chorus_batch_on_stdin_is_what_rdd_pipe_needs(run_cli):
    lines = generated_lines(60)
    result, records = cli_records(run_cli, lines)
    assert len(records) == sum(1 for line in lines if line.strip())
    assert [r["line"] for r in records] == sorted(r["line"] for r in records)
    empty = run_cli("batch", "-", "--quiet", stdin="")
    assert (empty.returncode, empty.stdout) == (0, "")


def test_summarizing_releases_the_gil_for_the_read_ahead():
    # The next chunk is pulled by a worker thread while the calling thread waits in Rust for
    # the current one: that worker can only run Python if the caller released the GIL.
    import threading

    readers = []

    def source():
        for line in generated_lines(30):
            readers.append(threading.get_ident())
            yield line

    for threads in (None, 2):
        readers.clear()
        records = list(chorus.batch(source(), chunk=4, threads=threads))
        assert len(records) == 29
        assert set(readers[:4]) == {threading.get_ident()}, "the first chunk is read by the caller"
        assert threading.get_ident() not in readers[4:], "later chunks are read ahead by workers"
