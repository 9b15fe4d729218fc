"""Doc and Span extensions: the only channel between pipeline stages.

Each stage reads what earlier stages wrote here and adds its own results as
plain dataclasses with character offsets into ``doc.text`` (which is always the
original decoded article text). ``pipeline.records`` is the one place that
turns these into JSON records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span


@dataclass
class ArticleMeta:
    """What ingest learnt about an article before or beside the parse."""

    doc_id: str = "stdin"
    path: str | None = None
    outlet: str | None = None
    headline: str | None = None
    section: str | None = None
    published: dt.date | None = None
    published_basis: str | None = None  # "input" | "inferred" | None
    warnings: list[str] = field(default_factory=list)
    # Character ranges of boilerplate (ads, outlet lines, copyright, "Read more").
    boilerplate: list[tuple[int, int]] = field(default_factory=list)
    # Character ranges of headline / section / question-heading lines: text that
    # is part of the article but is not running prose (no claims come from it).
    headings: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class QuantityMention:
    start: int
    end: int
    kind: str  # count | money | percent | measure | fraction | ordinal
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    unit: str | None = None


@dataclass
class DateMentionData:
    start: int
    end: int
    kind: str  # point | interval | duration | set
    value: str | None = None
    granularity: str | None = None
    qualifier: str = "exact"


@dataclass
class ClaimMention:
    start: int
    end: int
    kind: str  # direct | indirect | mixed | according_to
    source_start: int
    source_end: int
    source_canonical: str
    source_type: str
    cue_start: int
    cue_end: int
    cue_lemma: str
    content_start: int
    content_end: int
    # (start_char, end_char) of the entity in doc.ents that the source names, if any.
    source_entity: tuple[int, int] | None = None
    statement_date: str | None = None
    confidence: float = 0.5


def register_extensions() -> None:
    """Register every extension once; safe to call many times."""
    doc_defaults = {
        "article": None,
        "quantities": None,
        "dates": None,
        "claims": None,
    }
    for name, default in doc_defaults.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Span.has_extension("canonical"):
        Span.set_extension("canonical", default=None)


def article_of(doc: Doc) -> ArticleMeta:
    """The article metadata on ``doc``, created empty if ingest did not run."""
    register_extensions()
    if doc._.article is None:
        doc._.article = ArticleMeta()
    meta: ArticleMeta = doc._.article
    return meta


def in_ranges(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    """True when ``start:end`` overlaps any of ``ranges``."""
    return any(start < r_end and r_start < end for r_start, r_end in ranges)


register_extensions()
