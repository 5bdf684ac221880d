#!/usr/bin/env python3
"""Reference scorer of this label format: the rules of README.md ("How to score"), run on the
output of `chorus figures --json`. It is there to measure the baseline before `src/eval.rs`
implements these rules; once it does, delete this script.

    python3 crates/figures/tests/labels/dev2026/score.py /work/main/target/release/chorus \
        crates/figures/tests/labels/dev2026 \
        ../shared/data/multi_news/train.jsonl.gz ../shared/data/duc2006/test.jsonl

It copies the labelled clusters to a temporary file (outside the repository), runs the binary
on them, and prints per-cluster and total scores. The current code states no measures, so a
labelled measure never matches.
"""
import glob
import gzip
import json
import os
import subprocess
import sys
import tempfile

# Factors to each dimension's base unit (the README's table).
UNITS = {
    "length": {"m": 1, "km": 1000, "ft": 0.3048, "mi": 1609.344, "nmi": 1852},
    "speed": {"km/h": 1, "mph": 1.609344, "knot": 1.852, "m/s": 3.6, "ft/min": 0.018288},
    "area": {"ha": 1, "acre": 0.40468564224, "km2": 100, "sq mi": 258.998811},
    "weight": {"kg": 1, "lb": 0.45359237, "t": 1000, "ton": 907.18474},
    "duration": {"s": 1 / 60, "min": 1, "h": 60, "day": 1440, "week": 10080, "year": 525960},
}
DIMENSION = {"depth": "length", "distance": "length", "altitude": "length", "height": "length",
             "length": "length", "speed": "speed", "area": "area", "weight": "weight", "duration": "duration"}
DISPUTED = {"disagree", "updated"}


def canonical(group, value):
    """A labelled value in its group's unit, rounded so conversions compare."""
    dimension = DIMENSION.get(group.get("measure"))
    x = value["value"]
    if dimension:
        table = UNITS[dimension]
        x = x * table[value.get("unit", group["unit"])] / table[group["unit"]]
    return round(float(x), 3)


def pairs(group):
    return {(canonical(group, v), d) for v in group["values"] for d in v["docs"]}


def mentions(group):
    return {(d, a, a + len(v["text"].encode())) for v in group["values"] for d, a in zip(v["docs"], v["at"])}


def found_groups(report):
    """Each found group with its (value, doc) pairs and the raw-document offsets of its numbers."""
    out = []
    for group in report["groups"]:
        found_pairs = {(float(v["value"]["exact"]), d) for v in group["values"]
                       if isinstance(v["value"], dict) and "exact" in v["value"] for d in v["docs"]}
        offsets = set()
        for index in group["claims"]:
            claim = report["claims"][index]
            start = claim["start"] + claim["number_range"]["start"] - claim["claim_range"]["start"]
            offsets.add((claim["doc_id"], start))
        out.append({"group": group, "pairs": found_pairs, "offsets": offsets})
    return out


def holds(found, spans):
    return any(doc == d and a <= offset < b for (d, a, b) in spans for doc, offset in found["offsets"])


def run(binary, labels, files):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as subset:
        for path in files:
            opener = gzip.open if path.endswith(".gz") else open
            with opener(path, "rt") as lines:
                for line in lines:
                    if json.loads(line)["id"] in labels:
                        subset.write(line.rstrip("\n") + "\n")
    try:
        text = subprocess.run([binary, "figures", "--data", subset.name, "--json"], check=True,
                              capture_output=True, text=True).stdout
    finally:
        os.unlink(subset.name)
    decoder, reports, i = json.JSONDecoder(), {}, 0
    while i < len(text):
        while i < len(text) and text[i].isspace():
            i += 1
        if i < len(text):
            report, i = decoder.raw_decode(text, i)
            reports[report["id"]] = report
    return reports


def score(label, report, total):
    found = found_groups(report)
    groups = label["groups"]
    candidates = []
    for li, lg in enumerate(groups):
        if lg.get("context") or "measure" in lg:
            continue
        lp = pairs(lg)
        for fi, fg in enumerate(found):
            if "event" in lg and fg["group"]["event"] != lg["event"]:
                continue
            union = len(lp | fg["pairs"])
            j = len(lp & fg["pairs"]) / union if union else 0
            if j >= 0.5:
                shared = sum(1 for span in mentions(lg) if holds(fg, [span]))
                candidates.append((-j, -shared, li, fi))
    match, taken = {}, set()
    for _, _, li, fi in sorted(candidates):
        if li not in match and fi not in taken:
            match[li] = fi
            taken.add(fi)
    line = {"groups": 0, "matched": 0, "right": 0}
    for li, lg in enumerate(groups):
        if lg.get("context"):
            continue
        kind = "measures" if "measure" in lg else "counts"
        disputed = lg["verdict"] in DISPUTED
        classes = ("groups", kind) + (("with event",) if "event" in lg else ()) + (("disputed",) if disputed else ())
        for key in classes:
            total[key] += 1
        line["groups"] += 1
        if li in match:
            verdict = found[match[li]]["group"]["verdict"]
            right = verdict == lg["verdict"] or verdict in lg.get("also", [])
            for key in ("matched",) + tuple(c + " matched" for c in classes[1:]):
                total[key] += 1
            total["right"] += right
            line["matched"] += 1
            line["right"] += right
    by_id = {g["id"]: g for g in groups}
    violated = []
    for entry in label["must_not_pair"]:
        a, b = by_id[entry["a"]], by_id[entry["b"]]
        only_a, only_b = pairs(a) - pairs(b), pairs(b) - pairs(a)
        at_a, at_b = mentions(a) - mentions(b), mentions(b) - mentions(a)
        if any((fg["pairs"] & only_a and fg["pairs"] & only_b) or (holds(fg, at_a) and holds(fg, at_b))
               for fg in found):
            violated.append(entry["a"] + "/" + entry["b"])
    total["pairs"] += len(label["must_not_pair"])
    total["violated"] += len(violated)
    for fi, fg in enumerate(found):
        if fg["group"]["verdict"] not in DISPUTED:
            continue
        li = next((l for l, f in match.items() if f == fi), None)
        if li is None and not label.get("complete", True):
            continue
        total["shown"] += 1
        if li is not None and ({groups[li]["verdict"]} | set(groups[li].get("also", []))) & DISPUTED:
            total["shown right"] += 1
    print(f"{label['cluster']:<24} groups {line['groups']:>3}  matched {line['matched']:>3}  right verdict "
          f"{line['right']:>3}  forbidden pairings {len(violated)}/{len(label['must_not_pair'])} {' '.join(violated)}")


def main():
    if len(sys.argv) < 4:
        sys.exit("usage: score.py CHORUS_BINARY LABEL_DIR DATA_FILE...")
    binary, folder, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    labels = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        with open(path) as f:
            label = json.load(f)
        labels[label["cluster"]] = label
    reports = run(binary, labels, files)
    missing = sorted(set(labels) - set(reports))
    if missing:
        sys.exit(f"labelled clusters not in the data: {missing}")
    keys = ["groups", "matched", "right", "counts", "counts matched", "with event", "with event matched", "measures",
            "measures matched", "disputed", "disputed matched", "pairs", "violated", "shown", "shown right"]
    total = dict.fromkeys(keys, 0)
    for cluster, label in labels.items():
        score(label, reports[cluster], total)

    def ratio(a, b):
        return f"{total[a]}/{total[b]} = {total[a] / total[b]:.3f}" if total[b] else f"{total[a]}/0"
    print(f"recall {ratio('matched', 'groups')}: counts {ratio('counts matched', 'counts')} (with an event of the "
          f"closed set {ratio('with event matched', 'with event')}), measures {ratio('measures matched', 'measures')}, "
          f"disputed groups {ratio('disputed matched', 'disputed')}")
    print(f"right verdicts {ratio('right', 'matched')}")
    print(f"forbidden pairings {ratio('violated', 'pairs')}")
    print(f"precision of shown disputes {ratio('shown right', 'shown')}")


if __name__ == "__main__":
    main()
