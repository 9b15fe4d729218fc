"""The evaluator on tiny hand-made cases whose right scores are known."""

from __future__ import annotations

import json

import pytest

from pipeline.evaluate import failures_under, match, overlap_score, score_corpus
from pipeline.schema import DocumentRecord, sha256_text

TEXT = "Mayor Lena Ortiz said on Monday that 40 buses would run. Ortiz added: “Fares stay.”"
#       0         1         2         3         4         5         6         7         8


def span(text: str, occurrence: int = 1) -> dict:
    start = -1
    for _ in range(occurrence):
        start = TEXT.index(text, start + 1)
    return {"text": text, "start": start, "end": start + len(text)}


def claim(cid: str, sentence: str, source: str, cue: str, content: str, kind: str, **extra) -> dict:
    return {
        "id": cid,
        "kind": kind,
        **span(sentence),
        "source": {
            **span(source),
            "canonical": extra.pop("canonical", "Lena Ortiz"),
            "type": "person",
        },
        "cue": {**span(cue), "lemma": cue},
        "content": span(content),
        **extra,
    }


def record(entities=(), quantities=(), dates=(), claims=()) -> DocumentRecord:
    return DocumentRecord.model_validate(
        {
            "doc_id": "bus",
            "text_sha256": sha256_text(TEXT),
            "entities": list(entities),
            "quantities": list(quantities),
            "dates": list(dates),
            "claims": list(claims),
        },
        context={"text": TEXT},
    )


ORTIZ = {"id": "e1", **span("Lena Ortiz"), "label": "PERSON", "canonical": "Lena Ortiz"}
ORTIZ_2 = {"id": "e2", **span("Ortiz", 2), "label": "PERSON", "canonical": "Lena Ortiz"}
BUSES = {"id": "q1", **span("40"), "kind": "count", "value": 40.0, "unit": "bus"}
MONDAY = {
    "id": "d1",
    **span("Monday"),
    "kind": "point",
    "value": "2025-03-03",
    "granularity": "day",
}
SAID = claim(
    "c1",
    "Mayor Lena Ortiz said on Monday that 40 buses would run.",
    "Mayor Lena Ortiz",
    "said",
    "40 buses would run",
    "indirect",
    statement_date="2025-03-03",
)
ADDED = claim("c2", "Ortiz added: “Fares stay.”", "Ortiz", "added", "Fares stay", "direct")
GOLD = record([ORTIZ, ORTIZ_2], [BUSES], [MONDAY], [SAID, ADDED])


def test_perfect_prediction_scores_one_everywhere():
    report = score_corpus({"bus": GOLD}, {"bus": GOLD})
    for key, value in report.flat().items():
        assert value == pytest.approx(1.0), key


def test_missing_prediction_scores_zero_recall():
    report = score_corpus({"bus": GOLD}, {})
    assert report.micro["claims"]["r"] == 0.0
    assert report.micro["entities_label"]["r"] == 0.0
    assert report.micro["quantities"]["value_unit_acc"] == 0.0


def test_one_missed_claim_and_one_spurious_entity():
    wrong_label = {**ORTIZ_2, "label": "ORG"}
    extra = {"id": "e3", **span("Mayor"), "label": "PERSON", "canonical": "Mayor"}
    pred = record([ORTIZ, wrong_label, extra], [BUSES], [MONDAY], [SAID])
    report = score_corpus({"bus": GOLD}, {"bus": pred})
    claims = report.micro["claims"]
    assert (claims["p"], claims["r"]) == (1.0, 0.5)
    assert claims["f1"] == pytest.approx(2 / 3)
    exact = report.micro[
        "entities_label"
    ]  # span + label: 1 of 3 predicted right, 1 of 2 gold found
    assert (exact["p"], exact["r"]) == (pytest.approx(1 / 3), 0.5)
    assert report.micro["entities_exact"]["label_acc"] == 0.5
    errors = report.errors["bus"]
    assert errors.missed["claims"] and "Fares stay" in errors.missed["claims"][0]
    assert any("'Mayor'" in item for item in errors.spurious["entities"])


def test_claim_details_on_a_matched_claim():
    shorter = claim(
        "c1",
        "Mayor Lena Ortiz said on Monday that 40 buses would run.",
        "Lena Ortiz",
        "said",
        "40 buses",
        "direct",
        statement_date=None,
    )
    report = score_corpus({"bus": GOLD}, {"bus": record(claims=[shorter, ADDED])})
    claims = report.micro["claims"]
    assert claims["f1"] == 1.0  # "40 buses" covers 8/18 of the gold content: over 30%
    assert claims["source_exact"] == 0.5 and claims["source_overlap"] == 1.0
    assert claims["kind_acc"] == 0.5
    assert claims["statement_date_acc"] == 0.0
    precision, recall = 1.0, 8 / 18
    expected = (2 * precision * recall / (precision + recall) + 1.0) / 2
    assert claims["content_char_f1"] == pytest.approx(expected)


def test_surname_source_resolution_is_scored():
    unresolved = {**ADDED, "source": {**ADDED["source"], "canonical": "Ortiz"}}
    report = score_corpus({"bus": GOLD}, {"bus": record(claims=[SAID, unresolved])})
    assert report.micro["claims"]["source_resolved"] == 0.0  # only c2 needs resolving


def test_optional_gold_items_neither_reward_nor_penalise():
    optional = {"bus": ["c2", "q1"]}
    without = score_corpus({"bus": GOLD}, {"bus": record(claims=[SAID])}, optional)
    with_it = score_corpus({"bus": GOLD}, {"bus": record([], [BUSES], [], [SAID, ADDED])}, optional)
    for report in (without, with_it):
        assert report.micro["claims"]["p"] == report.micro["claims"]["r"] == 1.0
    assert with_it.micro["quantities"]["p"] == 1.0  # matched optional item is not a false positive


def test_quantity_value_and_unit_must_both_be_right():
    wrong_unit = {**BUSES, "unit": "vehicle"}
    report = score_corpus({"bus": GOLD}, {"bus": record(quantities=[wrong_unit])})
    q = report.micro["quantities"]
    assert q["f1"] == 1.0 and q["value_acc"] == 1.0
    assert q["unit_acc"] == 0.0 and q["value_unit_acc"] == 0.0


def test_greedy_matching_is_one_to_one_by_best_overlap():
    class S:
        def __init__(self, start, end):
            self.start, self.end = start, end

    gold = [S(0, 10), S(12, 20)]
    pred = [S(0, 10), S(2, 18)]
    assert sorted(match(gold, pred, overlap_score)) == [(0, 0), (1, 1)]


def test_fail_under_names_the_scores_below_threshold():
    report = score_corpus({"bus": GOLD}, {"bus": record(claims=[SAID])})
    assert failures_under(report, {"claims.f1": 0.9, "claims.p": 0.9}) == [
        "claims.f1 = 0.667 < 0.9"
    ]
    assert "no such score" in failures_under(report, {"claims.nonsense": 0.1})[0]


def test_report_is_json_serialisable():
    report = score_corpus({"bus": GOLD}, {"bus": record(claims=[SAID])})
    assert json.loads(json.dumps(report.to_json()))["n_docs"] == 1
