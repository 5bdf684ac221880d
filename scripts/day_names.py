#!/usr/bin/env python3
"""Day names in briefs: how many a brief holds on average, and per 100 words.

Usage: scripts/day_names.py BRIEFS.jsonl [REFERENCES.jsonl]

BRIEFS.jsonl is `chorus batch` output ({"id", "summary"} lines; error records are skipped).
With REFERENCES.jsonl (an eval data file with "summaries"), the human summaries are counted too.
"""
import gzip
import json
import re
import sys

DAYS = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)


def lines(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def report(name, texts):
    texts = list(texts)
    days = sum(len(DAYS.findall(t)) for t in texts)
    words = sum(len(t.split()) for t in texts)
    print(f"{name}: {len(texts)} texts, {days / max(len(texts), 1):.2f} day names a text, "
          f"{100 * days / max(words, 1):.2f} per 100 words")


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.strip())
    report(sys.argv[1], (r["summary"] for r in lines(sys.argv[1]) if "summary" in r))
    if len(sys.argv) == 3:
        report(sys.argv[2] + " (human summaries)", (s for r in lines(sys.argv[2]) for s in r.get("summaries", [])))


if __name__ == "__main__":
    main()
