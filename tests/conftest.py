"""Shared fixtures: the claims pipeline is assembled once per test session."""

from __future__ import annotations

import pytest
from spacy.language import Language

import pipeline
from pipeline.schema import DocumentRecord


@pytest.fixture(scope="session")
def nlp() -> Language:
    return pipeline.load()


@pytest.fixture(scope="session")
def extract(nlp: Language):
    """``extract(text, published=...)`` -> validated DocumentRecord, offsets checked."""

    def run(
        text: str, published: str | None = "2024-12-20", doc_id: str = "test"
    ) -> DocumentRecord:
        return pipeline.extract(text, nlp, doc_id=doc_id, published=published)

    return run
