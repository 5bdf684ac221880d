"""Benchmark (not a test): clusters/s of `chorus batch` alone, of the Python package alone, and of
both Spark routes in local mode, on the same JSONL file, so the overhead of Spark is known.

    python python/bench/spark.py ../shared/data/multi_news/train.jsonl.gz --chorus target/release/chorus

Needs the package installed (`pip install ./python`), pyspark and Java. A `.gz` input is first
decompressed into a temporary folder (not timed): Spark cannot split a gzip file, and would read
it as one partition. Every route writes its JSON lines to a file, as a real job would; Spark's
start-up is timed apart from the runs. Each route is run `--runs` times; the shortest wall time
and the least CPU time (of every process involved) are kept. On a shared machine, CPU time is the
fairer measure of overhead: wall time depends on how many processes compete for the cores.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def plain_copy(data: Path, folder: Path) -> Path:
    if data.suffix != ".gz":
        return data
    plain = folder / data.with_suffix("").name
    with gzip.open(data, "rb") as source, open(plain, "wb") as target:
        shutil.copyfileobj(source, target)
    return plain


def tree_cpu() -> float:
    """CPU seconds used so far by this process and every descendant (the JVM, Spark's Python
    workers, the piped chorus processes), dead children included once reaped. Unlike wall time,
    this does not depend on what else the machine runs."""
    processes = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    stat = f.read()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()
            # ppid, then utime, stime, cutime, cstime (fields 4 and 14-17 of proc(5))
            processes[int(entry)] = (int(fields[1]), sum(int(x) for x in fields[11:15]))
    me, ticks = os.getpid(), 0
    for pid, (_, used) in processes.items():
        ancestor = pid
        while ancestor not in (me, 0, 1) and ancestor in processes:
            ancestor = processes[ancestor][0]
        if ancestor == me:
            ticks += used
    return ticks / os.sysconf("SC_CLK_TCK")


def fastest(runs: int, route) -> tuple:
    """The shortest wall time of `runs` runs, and the least CPU time."""
    wall, cpu = float("inf"), float("inf")
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), tree_cpu()
        route()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, tree_cpu() - start_cpu)
    return wall, cpu


def count_lines(path: Path) -> int:
    with open(path, "rb") as f:
        return sum(1 for line in f if line.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="JSONL of clusters (.gz too)")
    parser.add_argument("--chorus", type=Path, required=True, help="the chorus binary (release build)")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    chorus_bin = str(args.chorus.resolve())

    import chorus
    import pyspark

    with tempfile.TemporaryDirectory(prefix="chorus-bench-") as tmp:
        folder = Path(tmp)
        plain = plain_copy(args.data, folder)
        clusters = count_lines(plain)
        outputs = folder / "out"
        results = []

        def record(route: str, times: tuple, written: int) -> None:
            assert written == clusters, f"{route}: {written} records for {clusters} clusters"
            results.append((route, *times))
            print(f"{route}: {times[0]:.2f} s, {times[1]:.2f} CPU s", file=sys.stderr)

        def cli() -> None:
            with open(outputs, "wb") as out:
                subprocess.run([chorus_bin, "batch", str(plain), "--quiet"], stdout=out, check=False)

        record("chorus batch (2 threads)", fastest(args.runs, cli), count_lines(outputs))

        def package() -> None:
            with open(plain, encoding="utf-8") as lines, open(outputs, "w", encoding="utf-8") as out:
                for brief in chorus.batch(lines):
                    out.write(json.dumps(brief) + "\n")

        record("chorus.batch in Python (2 threads)", fastest(args.runs, package), count_lines(outputs))

        os.environ["PYSPARK_PYTHON"] = sys.executable
        conf = (
            pyspark.SparkConf()
            .setMaster(args.master)
            .setAppName("chorus-bench")
            .set("spark.driver.host", "127.0.0.1")
            .set("spark.driver.bindAddress", "127.0.0.1")
            .set("spark.ui.enabled", "false")
        )
        start = time.perf_counter()
        context = pyspark.SparkContext(conf=conf)
        context.setLogLevel("ERROR")
        context.parallelize([0], 1).count()
        startup = time.perf_counter() - start
        print(f"Spark start-up: {startup:.1f} s", file=sys.stderr)

        spark_outputs = folder / "spark-out"

        def spark_route(transform):
            def run() -> None:
                shutil.rmtree(spark_outputs, ignore_errors=True)
                lines = context.textFile(str(plain), minPartitions=args.partitions)
                transform(lines).saveAsTextFile(str(spark_outputs))
            return run

        def spark_lines() -> int:
            return sum(count_lines(part) for part in spark_outputs.glob("part-*"))

        pipe = spark_route(lambda rdd: rdd.pipe(f"{chorus_bin} batch - --quiet"))
        record(f"Spark {args.master}: RDD.pipe over chorus batch -", fastest(args.runs, pipe), spark_lines())

        def brief_partition(lines):
            import json

            import chorus

            return (json.dumps(record) for record in chorus.batch(lines, threads=1))

        partitions = spark_route(lambda rdd: rdd.mapPartitions(brief_partition))
        record(f"Spark {args.master}: mapPartitions with chorus.batch",
               fastest(args.runs, partitions), spark_lines())
        context.stop()

    size = args.data.name
    print(f"\n{clusters} clusters of {size}, fastest of {args.runs} runs, {args.partitions} Spark partitions,"
          f" Spark start-up ({startup:.1f} s) not included\n")
    print("| route | wall s | clusters/s | CPU s | clusters per CPU s | CPU vs chorus batch |")
    print("|---|---:|---:|---:|---:|---:|")
    base = results[0][2]
    for route, wall, cpu in results:
        print(f"| {route} | {wall:.2f} | {clusters / wall:.0f} | {cpu:.1f} | {clusters / cpu:.0f} | {cpu / base:.2f}x |")

if __name__ == "__main__":
    main()
