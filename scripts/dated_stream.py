#!/usr/bin/env python3
"""Builds a dated, time-ordered labelled stream from a cluster file whose documents carry dates,
for measuring event clustering's time window (`chorus cluster --window`).

usage: dated_stream.py CLUSTERS.jsonl[.gz] STREAM.jsonl LABELS.jsonl

Each cluster is one event, its documents the event's articles (as make_stream.py). A document's
date comes from its id in `doc_ids` (DUC newswire ids such as APW19980807.0233 carry YYYYMMDD),
else from a dateline among its first four non-empty lines ("Saturday, January 8, 2005" or
"2005/01/08", as TAC 2011's WikiNews articles have). STREAM: one {"id", "title"?, "text", "date"} per line, in date
order (ties by cluster and position, so the order is fixed); `title` from `doc_headlines` where
the file has them. LABELS: one {"id", "event"} per line. A document with no date found is
reported on stderr and left out (so is a line that is no cluster); the exit code is then 1,
after writing every dated one. An unreadable file: a one-line error, exit code 2.
"""
import argparse
import datetime
import gzip
import json
import re
import sys

MONTHS = {m: n for n, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
ID_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)")
WORDS_DATE = re.compile(r"\b(" + "|".join(MONTHS) + r")\s+(\d{1,2}),\s+((?:19|20)\d{2})(?!\d)", re.IGNORECASE)
SLASH_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})/(\d{2})/(\d{2})(?!\d)")
DATELINE_LINES = 4


def day(year, month, date):
    """The ISO date, or None if it is no calendar day."""
    try:
        return datetime.date(int(year), int(month), int(date)).isoformat()
    except ValueError:
        return None


def date_of(doc_id, text):
    """The document's date from its id, else from a dateline near its top; None if neither."""
    found = ID_DATE.search(doc_id or "")
    if found and day(*found.groups()):
        return day(*found.groups())
    head = "\n".join([line for line in text.splitlines() if line.strip()][:DATELINE_LINES])
    found = WORDS_DATE.search(head)
    if found and day(found.group(3), MONTHS[found.group(1).lower()], found.group(2)):
        return day(found.group(3), MONTHS[found.group(1).lower()], found.group(2))
    found = SLASH_DATE.search(head)
    if found:
        return day(*found.groups())
    return None


def read(path):
    """The dated documents of a cluster file as (date, line, position, row, event), and how many
    documents or lines were left out (each named on stderr)."""
    opener = gzip.open if path.endswith(".gz") else open
    rows, skipped = [], 0
    with opener(path, "rt", encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                cluster = json.loads(line)
                documents, cluster_id = cluster["documents"], cluster["id"]
            except (json.JSONDecodeError, KeyError, TypeError) as problem:
                why = f"no {problem} field" if isinstance(problem, KeyError) else str(problem)
                print(f"{path}: line {number}: not a cluster: {why}", file=sys.stderr)
                skipped += 1
                continue
            ids = cluster.get("doc_ids") or []
            titles = cluster.get("doc_headlines") or []
            for i, doc in enumerate(documents):
                text = doc if isinstance(doc, str) else doc.get("text", "")
                if not text.strip():
                    continue
                doc_id = ids[i] if i < len(ids) else ""
                date = date_of(doc_id, text)
                name = f"{cluster_id}-{i}"
                if date is None:
                    print(f"{path}: line {number}: {name} ({doc_id or 'no doc id'}): no date found",
                          file=sys.stderr)
                    skipped += 1
                    continue
                row = {"id": name, "text": text, "date": date}
                if i < len(titles) and titles[i]:
                    row["title"] = titles[i]
                rows.append((date, number, i, row, str(cluster_id)))
    return rows, skipped


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("clusters")
    ap.add_argument("stream")
    ap.add_argument("labels")
    a = ap.parse_args()
    try:
        rows, skipped = read(a.clusters)
    except (OSError, UnicodeDecodeError, EOFError) as problem:
        print(f"{a.clusters}: cannot read: {problem}", file=sys.stderr)
        return 2
    rows.sort(key=lambda r: r[:3])
    try:
        with open(a.stream, "w", encoding="utf-8") as s, open(a.labels, "w", encoding="utf-8") as l:
            for _, _, _, row, event in rows:
                s.write(json.dumps(row) + "\n")
                l.write(json.dumps({"id": row["id"], "event": event}) + "\n")
    except OSError as problem:
        print(f"cannot write the stream: {problem}", file=sys.stderr)
        return 2
    days = sorted({r[0] for r in rows})
    span = f", {days[0]} to {days[-1]}" if days else ""
    print(f"{len(rows)} articles, {len({r[4] for r in rows})} events{span}; {skipped} left out")
    return 1 if skipped else 0


if __name__ == "__main__":
    sys.exit(main())
