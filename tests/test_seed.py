"""The seed article's expectations from issue #5 (skipped where ../shared/seed is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import read_article

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_d7106082c63f3c31.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="the shared seed article is not here")


@pytest.fixture(scope="module")
def seed_record(extract):
    article = read_article(SEED)
    return extract(article.text, published=article.published)


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("Nov. 4", "2024-11-04", "exact"),
        ("mid-December", "2024-12", "mid"),
        ("late 1970s", "1975/1979", "late"),
    ],
)
def test_seed_dates(seed_record, text, value, qualifier):
    found = [(d.value, d.qualifier) for d in seed_record.dates if d.text == text]
    assert (value, qualifier) in found


@pytest.mark.parametrize(
    ("text", "kind", "value", "high", "unit"),
    [
        ("as many as 10,000", "count", None, 10_000, "troop"),
        ("as much as $5.5 billion", "money", None, 5.5e9, "USD"),
        ("about one-fifth", "fraction", 0.2, None, None),
    ],
)
def test_seed_quantities(seed_record, text, kind, value, high, unit):
    found = [(q.kind, q.value, q.high, q.unit) for q in seed_record.quantities if q.text == text]
    assert found == [(kind, value, high, unit)]
