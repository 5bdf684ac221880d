#!/usr/bin/env python3
"""Derives an evaluation set for update and focused briefs from a JSONL set (stdin to stdout).

  --query   adds "query": the record's query_title and query_narrative (DUC 2006), joined.
  --split   moves the earlier half of each cluster's reports to "seen": by the date in each
            report's id (DUC ids such as APW19990707.0045) or its "date" field, else by order.

Nothing is copied into the repository: the output goes wherever the caller sends it.
"""
import json
import re
import sys


def date_of(record, position):
    ids = record.get("doc_ids") or []
    doc = record["documents"][position]
    if isinstance(doc, dict) and doc.get("date"):
        return str(doc["date"])
    if position < len(ids):
        found = re.search(r"(19|20)\d{6}", str(ids[position]))
        if found:
            return found.group(0)
    return ""


def main():
    modes = set(sys.argv[1:])
    if not modes or modes - {"--query", "--split"}:
        sys.exit(__doc__)
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        record = json.loads(line)
        if "--query" in modes:
            parts = [record.get("query_title"), record.get("query_narrative")]
            query = ". ".join(p.strip() for p in parts if p and p.strip())
            if not query:
                sys.exit(f"line {number}: no query_title or query_narrative")
            record["query"] = query
        if "--split" in modes:
            docs = record["documents"]
            order = sorted(range(len(docs)), key=lambda i: (date_of(record, i), i))
            half = len(docs) // 2
            record["seen"] = [docs[i] for i in order[:half]]
            record["documents"] = [docs[i] for i in order[half:]]
        print(json.dumps(record))


if __name__ == "__main__":
    main()
