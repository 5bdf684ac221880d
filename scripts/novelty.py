#!/usr/bin/env python3
"""Share of a brief's content words that no seen report contains, per cluster, averaged.

  novelty.py SPLIT.jsonl BRIEFS.jsonl

SPLIT.jsonl has each cluster's "seen" reports (see derive_eval_set.py --split); BRIEFS.jsonl is
`chorus batch` output for any variant of those clusters (matched by "id"). Words are lowercased
letter runs of three or more letters, minus a short stopword list: a rough, method-independent
measure of how much of a brief the reader has not read before.
"""
import json
import re
import sys

STOP = set("the and for that with was were are has have had from this said not but his her its they their been who will would about after into more than also which when what there one two".split())


def words(text):
    return [w for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in STOP]


def text_of(doc):
    return doc["text"] if isinstance(doc, dict) else doc


def main():
    split, briefs = sys.argv[1:3]
    seen = {}
    for line in open(split):
        record = json.loads(line)
        seen[str(record["id"])] = {w for d in record.get("seen", []) for w in words(text_of(d))}
    shares = []
    for line in open(briefs):
        record = json.loads(line)
        if "summary" not in record:
            continue
        brief = words(record["summary"])
        if brief:
            shares.append(sum(w not in seen[str(record["id"])] for w in brief) / len(brief))
    print(f"{len(shares)} briefs, novel content words: {100 * sum(shares) / len(shares):.1f}%")


if __name__ == "__main__":
    main()
