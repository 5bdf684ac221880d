#!/usr/bin/env python3
"""Checks the label files of this folder against the schema of ../dev2026/README.md and against
the data: the checks of tests/labels_2026.rs (verdicts, events, measure kinds and units, docs and
offsets, must-not-pair sides that can be told apart, `disputed` derived from `groups`), plus that
each cluster exists, each doc is one of its reports and each `text` is at its `at` in the raw
report. Reads the label files and the data file only; runs nothing of chorus.

    python3 crates/figures/tests/labels/heldout2026b/check.py \
        ../shared/data/multi_news/train.jsonl.gz ../shared/data/duc2006/test.jsonl
"""
import glob
import gzip
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VERDICTS = {"agree", "consistent", "disagree", "updated", "one_report"}
EVENTS = {"killed", "injured", "missing", "held", "freed", "escaped", "safe", "arrested", "present"}
UNITS = {}
for kinds, units in [
    (("depth", "distance", "altitude", "height", "length"), ("m", "km", "ft", "mi", "nmi")),
    (("speed",), ("km/h", "mph", "knot", "m/s", "ft/min")),
    (("area",), ("ha", "acre", "km2", "sq mi")),
    (("weight",), ("kg", "lb", "t", "ton")),
    (("duration",), ("s", "min", "h", "day", "week", "year")),
    (("money",), ("usd", "kes", "rub")),
    (("percent",), ("%", "point")),
    (("magnitude",), ("M-class", "category", "magnitude")),
    (("time",), ("clock",)),
    (("age",), ("year",)),
]:
    for kind in kinds:
        UNITS[kind] = set(units)
FILE_KEYS = {"cluster", "source", "story", "complete", "disputed", "groups", "must_not_pair"}
# DUC files are labelled partially and carry their reports' dates.
DUC_KEYS = FILE_KEYS | {"covers", "report_dates"}
GROUP_KEYS = {"id", "counted", "action", "event", "measure", "unit", "nouns", "incident", "verdict", "also", "context",
              "values", "note"}
VALUE_KEYS = {"value", "text", "qualifier", "unit", "to", "docs", "at"}


def is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def legacy_disputes(groups):
    """The old-format disputes: non-context `disagree`/`updated` counts with an event and whole
    values, values merged by number in order of first appearance, docs sorted."""
    disputes = []
    for group in groups:
        if group["verdict"] not in ("disagree", "updated") or "context" in group or "measure" in group:
            continue
        if "event" not in group or not all(isinstance(v["value"], int) for v in group["values"]):
            continue
        by_value = {}
        for value in group["values"]:
            by_value.setdefault(value["value"], set()).update(value["docs"])
        values = [{"value": n, "docs": sorted(docs)} for n, docs in by_value.items()]
        disputes.append({"counted": group["counted"], "event": group["event"], "values": values})
    return disputes


def check_file(path, clusters, problems):
    def fail(what):
        problems.append(f"{os.path.basename(path)}: {what}")

    with open(path) as f:
        labels = json.load(f)
    cluster = labels.get("cluster")
    if os.path.basename(path) != f"{cluster}.json":
        fail(f"labels cluster {cluster!r}")
    duc = labels.get("source") == "duc2006/test.jsonl"
    keys = DUC_KEYS if duc else FILE_KEYS
    if set(labels) != keys:
        fail(f"file keys {sorted(set(labels) ^ keys)}")
    if labels.get("source") not in ("multi_news/train.jsonl.gz", "duc2006/test.jsonl") or labels.get("complete") is duc:
        fail("source or complete (DUC files are partial, Multi-News files complete)")
    if cluster not in clusters:
        fail("no such cluster in the data")
        return
    reports = clusters[cluster]["documents"]
    if duc:
        dates = {str(i): re.search(r"(\d{4})(\d\d)(\d\d)", d).expand(r"\1-\2-\3")
                 for i, d in enumerate(clusters[cluster]["doc_ids"])}
        if labels.get("report_dates") != dates or not labels.get("covers"):
            fail("report_dates are not the reports' dates, or covers is empty")
    sides = {}
    for group in labels["groups"]:
        gid = group.get("id", "?")
        what = f"group {gid}"
        if gid in sides:
            fail(f"{what}: id used twice")
        if not set(group) <= GROUP_KEYS or not {"id", "counted", "action", "verdict", "values"} <= set(group):
            fail(f"{what}: keys {sorted(group)}")
        if group["verdict"] not in VERDICTS or not set(group.get("also", [])) <= VERDICTS:
            fail(f"{what}: verdict")
        if group["verdict"] in group.get("also", []):
            fail(f"{what}: also repeats the verdict")
        if "event" in group and group["event"] not in EVENTS:
            fail(f"{what}: event {group['event']!r}")
        if group.get("context", True) is not True:
            fail(f"{what}: context is true or absent")
        allowed = None
        if "measure" in group:
            allowed = UNITS.get(group["measure"])
            if allowed is None or group.get("unit") not in allowed:
                fail(f"{what}: measure {group['measure']!r} in unit {group.get('unit')!r}")
                allowed = set()
        elif "unit" in group:
            fail(f"{what}: a unit without a measure")
        if not group["values"]:
            fail(f"{what}: no values")
        pairs, mentions = set(), set()
        for value in group["values"]:
            if not set(value) <= VALUE_KEYS or not is_number(value.get("value")) or not value.get("text"):
                fail(f"{what}: value {value}")
                continue
            if "to" in value and not (is_number(value["to"]) and value["to"] > value["value"]):
                fail(f"{what}: range {value}")
            if "unit" in value and (allowed is None or value["unit"] not in allowed):
                fail(f"{what}: value unit {value['unit']!r}")
            if allowed is not None and "unit" not in value:
                fail(f"{what}: a measure's value without its unit")
            if not value["docs"] or len(value["docs"]) != len(value["at"]):
                fail(f"{what}: docs and at differ: {value}")
            for doc, at in zip(value["docs"], value["at"]):
                if not doc.isdigit() or int(doc) >= len(reports):
                    fail(f"{what}: no report {doc!r}")
                    continue
                raw = reports[int(doc)].encode()
                text = value["text"].encode()
                if raw[at:at + len(text)] != text:
                    fail(f"{what}: {value['text']!r} is not at {at} in report {doc}")
                pairs.add((value["value"], doc))
                mentions.add((doc, at))
        sides[gid] = (pairs, mentions)
    for entry in labels["must_not_pair"]:
        a, b = entry.get("a"), entry.get("b")
        what = f"must_not_pair {a} {b}"
        if a not in sides or b not in sides or a == b or not entry.get("why"):
            fail(f"{what}: names no group, or no reason")
            continue
        (pa, ma), (pb, mb) = sides[a], sides[b]
        if not ((pa - pb and pb - pa) or (ma - mb and mb - ma)):
            fail(f"{what}: the two sides cannot be told apart")
    if labels["disputed"] != legacy_disputes(labels["groups"]):
        fail("disputed is not derived from groups")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: check.py MULTI_NEWS_TRAIN.jsonl.gz DUC2006.jsonl")
    paths = sorted(glob.glob(os.path.join(HERE, "*.json")))
    wanted = {os.path.basename(p)[:-5] for p in paths}
    clusters = {}
    for data in sys.argv[1:]:
        with (gzip.open(data, "rt") if data.endswith(".gz") else open(data)) as lines:
            for line in lines:
                cluster = json.loads(line)
                if cluster["id"] in wanted:
                    clusters[cluster["id"]] = cluster
    problems = []
    for path in paths:
        check_file(path, clusters, problems)
    for problem in problems:
        print(problem)
    print(f"{len(paths)} files, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
