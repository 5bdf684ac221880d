#!/usr/bin/env python3
"""The selection recipe of dev2026/ and heldout2026/ (see README.md): prints the chosen
clusters with their set, in file order. Reads only cluster ids and text; writes nothing.

    python3 selection.py ../shared/data/multi_news/train.jsonl.gz ../shared/data/duc2006/test.jsonl
"""
import glob
import gzip
import json
import os
import re
import sys

LABELS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOPIC = re.compile(
    r"\b(earthquake|quake|tsunami|hurricane|typhoon|cyclone|tornado|flood|floods|flooding|landslide|"
    r"mudslide|avalanche|wildfire|eruption|volcano|explosion|blast|bombing|bomber|suicide|gunman|gunmen|"
    r"shooting|massacre|militants|plane crash|crashed|derailed|derailment|collision|capsized|sank|ferry|"
    r"shipwreck|election|elections|turnout|referendum|ballots|epidemic|outbreak|cholera|ebola|measles|"
    r"pandemic)\b",
    re.I,
)
# DUC topics: the title names one incident (an attack, a crash, a disaster) or an election.
DUC_TOPIC = re.compile(r"\b(bombing|attacks|crash|disaster|election)\b", re.I)
NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:, ?\d{3})+|\d+(?:\.\d+)?)(?!\w)")
WANTED = 33


def figures(text):
    """Numbers written in digits, years (19xx, 20xx) left out."""
    numbers = (m.group(1).replace(",", "").replace(" ", "") for m in NUMBER.finditer(text))
    return [n for n in numbers if not re.fullmatch(r"(19|20)\d\d", n)]


def used_ids():
    """Clusters an earlier label folder already holds (this recipe's own folders and later ones
    aside, so it gives the same list after they are written)."""
    paths = glob.glob(os.path.join(LABELS, "*", "*.json"))
    own = ("dev2026", "heldout2026", "heldout2026b")
    return {os.path.basename(p)[:-5] for p in paths if os.path.basename(os.path.dirname(p)) not in own}


def multi_news(path, used):
    matches = []
    with gzip.open(path, "rt") as lines:
        for line in lines:
            cluster = json.loads(line)
            documents = cluster["documents"]
            if len(documents) < 2 or cluster["id"] in used:
                continue
            if sum(1 for d in documents if TOPIC.search(d)) < 2:
                continue
            counts = [len(figures(d)) for d in documents]
            if sum(counts) >= 12 and sum(1 for n in counts if n >= 3) >= 2:
                matches.append(cluster["id"])
    step = len(matches) // WANTED
    return [matches[k * step] for k in range(WANTED)]


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: selection.py MULTI_NEWS_TRAIN.jsonl.gz DUC2006.jsonl")
    for k, cid in enumerate(multi_news(sys.argv[1], used_ids())):
        print(cid, "heldout2026" if k % 3 == 2 else "dev2026")
    with open(sys.argv[2]) as lines:
        for line in lines:
            cluster = json.loads(line)
            if DUC_TOPIC.search(cluster["query_title"]):
                print(cluster["id"], cluster["query_title"])


if __name__ == "__main__":
    main()
