#!/usr/bin/env python3
"""Dangling pronoun subjects in briefs: brief sentences whose first word is a personal pronoun
(he, she, they, his, her, their) and whose previous brief sentence is not the sentence just
before it in its report (the first sentence of a brief always dangles).

Usage: scripts/dangling.py BRIEFS.jsonl CLUSTERS.jsonl[.gz] [--show]

BRIEFS.jsonl is `chorus batch` output (error records are skipped); CLUSTERS.jsonl is the file
it was made from (`{"id", "documents": [...]}` lines, a document a string or an object with
"text"), read for the reports' original bytes. Two brief sentences follow each other in their
report when they cite the same report and no sentence ending (`.`, `!` or `?`, then a space and
a capital) lies between the first one's last span and the second one's first span. `--show`
prints each dangling sentence.
"""
import gzip
import json
import re
import sys

PRONOUNS = {"he", "she", "they", "his", "her", "their"}
SENTENCE_END = re.compile(rb"[.!?][\"'\xe2\x80\x9d\xe2\x80\x99)]*\s+[\"'\xe2\x80\x9c]?[A-Z]")


def lines(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def first_word(text):
    match = re.match(r"([A-Za-z]+)\b", text)
    return match.group(1).lower() if match else None


def follows(original, before, sentence):
    """Whether `sentence` comes right after `before` in their report."""
    if before["doc_index"] != sentence["doc_index"]:
        return False
    gap_start, gap_end = before["spans"][-1][1], sentence["spans"][0][0]
    return gap_start <= gap_end and not SENTENCE_END.search(original[gap_start:gap_end])


def main():
    args = [a for a in sys.argv[1:] if a != "--show"]
    if len(args) != 2:
        sys.exit(__doc__.strip())
    show = "--show" in sys.argv
    documents = {}
    for cluster in lines(args[1]):
        documents[cluster["id"]] = [
            (d if isinstance(d, str) else d.get("text", "")).encode("utf-8") for d in cluster["documents"]
        ]
    briefs = sentences = pronouns = dangling = 0
    for brief in lines(args[0]):
        if "sentences" not in brief:
            continue
        originals = documents[brief["id"]]
        briefs += 1
        previous = None
        for sentence in brief["sentences"]:
            sentences += 1
            if first_word(sentence["text"]) in PRONOUNS:
                pronouns += 1
                if previous is None or not follows(originals[sentence["doc_index"]], previous, sentence):
                    dangling += 1
                    if show:
                        print(f"{brief['id']}: {sentence['text']}")
            previous = sentence
    print(
        f"{args[0]}: {briefs} briefs, {sentences} sentences, {pronouns} open with a pronoun, "
        f"{dangling} dangling ({dangling / max(briefs, 1):.3f} a brief)"
    )


if __name__ == "__main__":
    main()
