#!/usr/bin/env python3
"""The selection recipe of heldout2026b/ (see README.md): the rule of ../dev2026/selection.py on
Multi-News train, a different sample of the same matching clusters (914 when run: every 27th
starting at number 13, where dev2026 and heldout2026 took every 27th starting at 0). Prints
the 33 chosen clusters, numbered, in file order, then the DUC 2006 topics of this folder's
own rule (at most 3). Reads only cluster ids, text and topic narratives; writes nothing.

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
NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:, ?\d{3})+|\d+(?:\.\d+)?)(?!\w)")
# The folders of the issue 13 sets, this one included: the matches are counted without them
# excluded, as dev2026's recipe counted them, so the numbering is the same.
ISSUE_13 = ("dev2026", "heldout2026", "heldout2026b")
WANTED = 33
# DUC topics not in any label folder whose narrative asks for casualties, votes or money, in
# file order, at most DUC_WANTED of them.
DUC_NARRATIVE = re.compile(r"\b(casualties|killed|deaths|dead|injured|victims|votes|cost|costs|damage|money)\b", re.I)
DUC_WANTED = 3


def figures(text):
    """Numbers written in digits, years (19xx, 20xx) left out."""
    numbers = (m.group(1).replace(",", "").replace(" ", "") for m in NUMBER.finditer(text))
    return [n for n in numbers if not re.fullmatch(r"(19|20)\d\d", n)]


def label_ids(exclude):
    """Clusters the label folders hold, the folders named in `exclude` aside."""
    paths = glob.glob(os.path.join(LABELS, "*", "*.json"))
    return {os.path.basename(p)[:-5] for p in paths if os.path.basename(os.path.dirname(p)) not in exclude}


def multi_news(path, used):
    """The matches of dev2026's rule, in file order."""
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
    return matches


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: selection.py MULTI_NEWS_TRAIN.jsonl.gz DUC2006.jsonl")
    matches = multi_news(sys.argv[1], label_ids(ISSUE_13))
    labelled = label_ids(("heldout2026b",))
    print(f"{len(matches)} matching clusters, step {len(matches) // WANTED}")
    # dev2026's step (len // 33), started half a step later: disjoint from its numbers 0, 27, ….
    step = len(matches) // WANTED
    for k, number in enumerate(range(step // 2, step * WANTED, step)):
        cid = matches[number]
        if cid in labelled:
            sys.exit(f"{cid} (number {number}) is already in a label folder")
        print(k + 1, number, cid)
    topics = []
    with open(sys.argv[2]) as lines:
        for line in lines:
            topic = json.loads(line)
            if topic["id"] not in labelled and DUC_NARRATIVE.search(topic["query_narrative"]):
                topics.append((topic["id"], topic["query_title"]))
    for tid, title in topics[:DUC_WANTED]:
        print(tid, title)


if __name__ == "__main__":
    main()
