"""`chorus.rouge` equals Google's `rouge-score` package (stemmed), metric by metric."""

from __future__ import annotations

import random

import pytest
from rouge_score import rouge_scorer

import chorus
from conftest import paragraphs

TYPES = ["rouge1", "rouge2", "rouge3", "rouge4", "rougeL", "rougeLsum"]


def texts(count: int, seed: int):
    """Pieces of the example reports: sentences on separate lines (for rougeLsum), with the
    punctuation, numbers, quotes and capitals real summaries have."""
    rng = random.Random(seed)
    sentences = [s.strip() + "." for p in paragraphs() for s in p.split(". ") if s.strip()]
    return ["\n".join(rng.sample(sentences, rng.randint(1, 4))) for _ in range(count)]


def test_one_reference_equals_rouge_score():
    scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    summaries, references = texts(60, 1), texts(60, 2)
    for summary, reference in zip(summaries, references):
        ours = chorus.rouge(summary, reference)
        theirs = scorer.score(reference, summary)
        for metric in TYPES:
            assert tuple(ours[metric]) == pytest.approx(tuple(theirs[metric]), abs=1e-15), (metric, summary, reference)


def test_several_references_take_the_best_f1_like_score_multi():
    scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    summaries, references = texts(30, 3), texts(90, 4)
    for i, summary in enumerate(summaries):
        refs = references[3 * i:3 * i + 3]
        ours = chorus.rouge(summary, refs)
        theirs = scorer.score_multi(refs, summary)
        for metric in TYPES:
            assert tuple(ours[metric]) == pytest.approx(tuple(theirs[metric]), abs=1e-15), metric


def test_scores_are_named_tuples_like_rouge_scores():
    score = chorus.rouge("The cat sat on the mat.", ["A cat sat on a mat."])["rouge1"]
    assert score._fields == ("precision", "recall", "fmeasure")
    assert score.fmeasure == pytest.approx(4 / 6)


def test_bad_conventions_and_missing_references_are_errors():
    with pytest.raises(chorus.ChorusError, match=r"^unknown ROUGE convention 'bleu' \(rouge-score, rouge155\)$"):
        chorus.rouge("a", "b", convention="bleu")
    with pytest.raises(chorus.ChorusError, match="no reference summaries"):
        chorus.rouge("a", [])
    assert "rougeSU4" in chorus.rouge("a b c", "a b d", convention="rouge155")
