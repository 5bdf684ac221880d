#!/usr/bin/env python3
"""Writes the inputs of README "Hostile input and limits" memory table into OUTDIR:
r20.txt (one 21 MB report, as the CLI tests' huge_report makes it) and bomb.jsonl.gz
(a good cluster line, 1 GB of "0" inside one JSON line, a good line; about 1 MB compressed).

    python3 scripts/hostile-inputs.py /tmp/hostile
    /usr/bin/time -v chorus summarize /tmp/hostile/r20.txt --format json > /dev/null
    /usr/bin/time -v chorus batch /tmp/hostile/bomb.jsonl.gz > /dev/null
"""
import gzip
import json
import os
import sys

SUBJECTS = ["Troops", "Militants", "Officials", "Engineers", "Medics", "Pilots", "Guards", "Drivers", "Reporters"]
VERBS = ["reached", "left", "guarded", "searched", "described", "surrounded", "evacuated"]
PLACES = ["the gas plant", "the town", "the border post", "the airport", "the camp"]


def report(megabytes):
    parts, size, i = [], 0, 0
    while size < megabytes << 20:
        s = (f"{SUBJECTS[i % 9]} {VERBS[i // 9 % 7]} {PLACES[i // 63 % 5]} on day {i % 29 + 1} of month "
             f"{i % 12 + 1},\u00a0a \u201cspokesman\u201d numbered {i % 97} said.")
        s += "\n\n" if i % 7 == 6 else " "
        parts.append(s)
        size += len(s.encode())
        i += 1
    return "".join(parts)


def main(out):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "r20.txt"), "w", encoding="utf-8") as f:
        f.write(report(20))
    text = "Troops reached the gas plant on Thursday, officials said. Engineers left the town on Friday, a spokesman said."
    with gzip.open(os.path.join(out, "bomb.jsonl.gz"), "wb", compresslevel=9) as f:
        f.write((json.dumps({"id": "before", "documents": [text] * 3}) + "\n").encode())
        f.write(b'{"id": "bomb", "documents": ["')
        zeros = b"0" * (1 << 24)
        for _ in range(64):
            f.write(zeros)
        f.write(b'"]}\n')
        f.write((json.dumps({"id": "after", "documents": [text] * 3}) + "\n").encode())


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/hostile")
