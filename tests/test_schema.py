"""The record contract: validation rules and the committed JSON Schema."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from pipeline.paths import PROJECT_ROOT
from pipeline.schema import DocumentRecord, json_schema, sha256_text, validate_record

TEXT = "Officials said the bridge cost $5 million."


def record(**changes):
    data = {
        "doc_id": "bridge",
        "text_sha256": sha256_text(TEXT),
        "entities": [],
        "quantities": [
            {
                "id": "q1",
                "text": "$5 million",
                "start": 31,
                "end": 41,
                "kind": "money",
                "value": 5e6,
                "qualifier": "exact",
                "unit": "USD",
            }
        ],
        "claims": [
            {
                "id": "c1",
                "kind": "indirect",
                "text": TEXT,
                "start": 0,
                "end": 42,
                "source": {
                    "text": "Officials",
                    "start": 0,
                    "end": 9,
                    "canonical": "Officials",
                    "type": "group",
                },
                "cue": {"text": "said", "start": 10, "end": 14, "lemma": "say"},
                "content": {"text": "the bridge cost $5 million", "start": 15, "end": 41},
                "quantity_ids": ["q1"],
            }
        ],
    }
    data.update(changes)
    return data


def test_valid_record_with_offsets_checked_against_text():
    parsed = validate_record(record(), text=TEXT)
    assert parsed.claims[0].content.text == "the bridge cost $5 million"
    assert parsed.quantities[0].value == 5e6


def test_span_that_does_not_match_the_text_is_rejected():
    bad = record()
    bad["quantities"][0].update(start=30, end=40)
    with pytest.raises(ValidationError, match="quantities.q1"):
        validate_record(bad, text=TEXT)


def test_reference_to_unknown_quantity_is_rejected():
    bad = record()
    bad["claims"][0]["quantity_ids"] = ["q9"]
    with pytest.raises(ValidationError, match="unknown quantities"):
        validate_record(bad)


def test_duplicate_ids_are_rejected():
    bad = record()
    bad["quantities"].append(dict(bad["quantities"][0]))
    with pytest.raises(ValidationError, match="duplicate quantities ids"):
        validate_record(bad)


def test_unknown_fields_and_kinds_are_rejected():
    with pytest.raises(ValidationError):
        validate_record(record(colour="blue"))
    bad = record()
    bad["claims"][0]["kind"] = "rumour"
    with pytest.raises(ValidationError):
        validate_record(bad)


def test_text_hash_must_match_the_text_given():
    with pytest.raises(ValidationError, match="text_sha256"):
        validate_record(record(), text=TEXT + " ")


def test_committed_schema_matches_the_models():
    committed = json.loads((PROJECT_ROOT / "pipeline" / "record.schema.json").read_text())
    assert committed == json_schema(), "run `claims schema > pipeline/record.schema.json`"


def test_schema_names_every_contract_field():
    props = json_schema()["properties"]
    assert set(props) == set(DocumentRecord.model_fields)
    assert {
        "schema_version",
        "doc_id",
        "source",
        "text_sha256",
        "entities",
        "quantities",
        "dates",
        "claims",
        "warnings",
    } <= set(props)


def test_unit_spellings_are_one_per_unit():
    from pipeline.schema import unit_spelling

    assert unit_spelling("USD/hour") == unit_spelling("USD/h") == "USD/h"
    assert unit_spelling("bushel/acre") == "bu/acre"
    assert unit_spelling("sq km") == "km²"
    assert unit_spelling(None) is None
