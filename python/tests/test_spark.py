"""chorus on Spark, both routes, in local mode: `RDD.pipe` over `chorus batch -`, and
`mapPartitions` with the Python package. Each must equal `chorus batch` on the whole file.

Each partition is a batch of its own, so its records count lines from 1 within the partition;
the test maps them back to lines of the file (the partition sizes are known) and then asks for
equality, record for record. A cluster without an id is named after its line
(`stdin-LINE`), so in a Spark job every cluster should carry an `id`, and jobs join on it.
"""

from __future__ import annotations

import json
import os
import re
import sys

import pyspark
import pytest

from conftest import generated_lines


@pytest.fixture(scope="module")
def spark_context():
    # Workers run `python3` from PATH unless told: use this interpreter, which has chorus.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    conf = (
        pyspark.SparkConf()
        .setMaster("local[2]")
        .setAppName("chorus-test")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
        .set("spark.ui.enabled", "false")
    )
    context = pyspark.SparkContext(conf=conf)
    context.setLogLevel("ERROR")
    yield context
    context.stop()


@pytest.fixture(scope="module")
def fixture_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("spark") / "clusters.jsonl"
    path.write_text("".join(line + "\n" for line in generated_lines(300)), encoding="utf-8")
    return path


def file_records(run_cli, path):
    result = run_cli("batch", "-", "--quiet", stdin=path.read_text(encoding="utf-8"))
    assert result.returncode == 1, "the fixture has bad lines: exit 1"
    return [json.loads(line) for line in result.stdout.splitlines()]


def renumbered(partitions, sizes):
    """Records of per-partition batches, with lines counted in the whole file: the `line`, the
    line an error message names, and the id of a cluster without one (`stdin-LINE`)."""
    records, offset = [], 0
    for outputs, size in zip(partitions, sizes):

        def shift(match: re.Match) -> str:
            return f"{match[1]}{int(match[2]) + offset}"

        for output in outputs:
            record = json.loads(output)
            record["line"] += offset
            if record["id"] is not None:
                record["id"] = re.sub(r"^(stdin-)(\d+)$", shift, record["id"])
            if "error" in record:
                record["error"] = re.sub(r"^(-, line |line )(\d+)", shift, record["error"])
                record["error"] = re.sub(r"(\bstdin-)(\d+)", shift, record["error"])
            records.append(record)
        offset += size
    return records


def test_rdd_pipe_equals_chorus_batch(spark_context, fixture_file, chorus_bin, run_cli):
    rdd = spark_context.textFile(str(fixture_file), minPartitions=5)
    sizes = rdd.glom().map(len).collect()
    assert len(sizes) >= 5 and sum(sizes) == 300
    # The documented command: an absolute path (pipe runs it without a shell, in an empty
    # environment); failed clusters are records, so the exit code is not checked.
    partitions = rdd.pipe(f"{chorus_bin} batch - --quiet").glom().collect()
    assert renumbered(partitions, sizes) == file_records(run_cli, fixture_file)


def test_map_partitions_equals_chorus_batch(spark_context, fixture_file, run_cli):
    def brief_partition(lines):
        import json

        import chorus

        # Spark runs one task per core already: one thread per task.
        return (json.dumps(record) for record in chorus.batch(lines, threads=1))

    rdd = spark_context.textFile(str(fixture_file), minPartitions=5)
    sizes = rdd.glom().map(len).collect()
    partitions = rdd.mapPartitions(brief_partition).glom().collect()
    assert renumbered(partitions, sizes) == file_records(run_cli, fixture_file)


def test_empty_partitions_neither_hang_nor_fail(spark_context, chorus_bin):
    lines = generated_lines(3)
    rdd = spark_context.parallelize(lines, 8)
    assert sum(1 for part in rdd.glom().collect() if not part) >= 5
    # checkCode=True: an empty partition must exit 0.
    out = spark_context.parallelize([], 4).pipe(f"{chorus_bin} batch - --quiet", checkCode=True).collect()
    assert out == []
    piped = rdd.pipe(f"{chorus_bin} batch - --quiet").collect()
    assert len(piped) == sum(1 for line in lines if line.strip())
