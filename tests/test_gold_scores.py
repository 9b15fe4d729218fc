"""Regression gate: scores on the held-out test split must not fall below the committed baseline.

The baseline (tests/baseline_scores.json) holds scores measured on the test split
when it was last raised; refresh it with
`claims evaluate --split test --report /tmp/r.json` and copy the numbers in.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluate import failures_under, load_records, predict, score_corpus, select_split
from pipeline.paths import CORPUS_DIR

BASELINE = Path(__file__).with_name("baseline_scores.json")
TOLERANCE = 0.002  # the pipeline is deterministic; this only absorbs float noise


@pytest.mark.slow
def test_test_split_scores_hold_the_baseline(nlp):
    gold = select_split(load_records(CORPUS_DIR / "gold"), "test", CORPUS_DIR)
    assert len(gold) >= 10
    pred = predict(gold, CORPUS_DIR / "raw", nlp=nlp)
    optional = json.loads((CORPUS_DIR / "optional.json").read_text(encoding="utf-8"))
    report = score_corpus(gold, pred, optional)
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    thresholds = {key: value - TOLERANCE for key, value in baseline.items()}
    assert failures_under(report, thresholds) == []
