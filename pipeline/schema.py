"""The claim-record contract (``shared/spec/records.md``) as pydantic models.

These models are the single source of truth: ``claims schema`` prints their JSON
Schema, gold files and pipeline output both validate against them. Field names
are fixed by the contract; only optional fields may be added.

Cross-field rules live in ``model_validator(mode="after")`` hooks: a span's
``start``/``end`` are ordered, ids are unique, every referenced id exists, and,
when the original text is passed as validation context (``{"text": ...}``),
every span satisfies ``text[start:end] == span.text``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

SCHEMA_VERSION = "1.0"

EntityLabel = Literal[
    "PERSON",
    "ORG",
    "GPE",
    "NORP",
    "LOC",
    "FAC",
    "EVENT",
    "PRODUCT",
    "LAW",
    "WORK_OF_ART",
    "LANGUAGE",
]
QuantityKind = Literal["count", "money", "percent", "measure", "fraction", "ordinal"]
QuantityQualifier = Literal[
    "exact", "approximate", "at_least", "at_most", "more_than", "less_than", "range", "vague"
]
DateKind = Literal["point", "interval", "duration", "set"]
Granularity = Literal["day", "week", "month", "quarter", "year", "decade", "century"]
DateQualifier = Literal["exact", "approximate", "more_than", "less_than", "early", "mid", "late"]
ClaimKind = Literal["direct", "indirect", "mixed", "according_to"]
SourceType = Literal["person", "organization", "country", "group", "document", "unknown"]
PublishedBasis = Literal["input", "inferred"]


def sha256_text(text: str) -> str:
    """The ``text_sha256`` of a decoded article (UTF-8 bytes, as the contract says)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """Characters ``start:end`` of the original, decoded article text."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"span {self.text!r} has {len(self.text)} characters but covers "
                f"{self.start}:{self.end}"
            )
        return self


class Source(_Model):
    path: str | None = None
    outlet: str | None = None
    headline: str | None = None
    section: str | None = None
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    published_basis: PublishedBasis | None = None


class Entity(Span):
    id: str = Field(pattern=r"^e\d+$")
    label: EntityLabel
    canonical: str


# One spelling per measure unit, so that consumers compare units as strings: what people
# (and other tools) write on the left, the symbol records carry on the right. A rate's parts
# are spelled one by one ("sq km/year" -> "km²/year").
UNIT_SPELLINGS = {
    "sq km": "km²", "square km": "km²", "km2": "km²", "sq mi": "mi²", "mi2": "mi²",
    "sq ft": "ft²", "ft2": "ft²", "sq m": "m²", "m2": "m²", "km3": "km³", "m3": "m³",
    "L": "l", "kph": "km/h", "kt": "kn", "knot": "kn", "tonne": "t",
    # unit names written out, and "hour" in rates ("USD/hour" and "USD/h" are one unit)
    "hour": "h", "hr": "h", "bushel": "bu", "hectare": "ha", "litre": "l", "liter": "l",
    "megatonne": "Mt", "gigatonne": "Gt", "gigalitre": "GL", "megalitre": "ML",
    "kilometre": "km", "kilometer": "km", "metre": "m", "meter": "m", "mile": "mi",
}  # fmt: skip


def unit_spelling(unit: str | None) -> str | None:
    """The record spelling of a unit ("sq km" -> "km²"); other units pass unchanged."""
    if not unit:
        return unit
    return "/".join(UNIT_SPELLINGS.get(part, part) for part in unit.split("/"))


class Quantity(Span):
    id: str = Field(pattern=r"^q\d+$")
    kind: QuantityKind
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: QuantityQualifier = "exact"
    unit: str | None = None

    @field_validator("unit")
    @classmethod
    def _one_spelling(cls, unit: str | None) -> str | None:
        return unit_spelling(unit)


class DateMention(Span):
    id: str = Field(pattern=r"^d\d+$")
    kind: DateKind
    value: str | None = None
    granularity: Granularity | None = None
    qualifier: DateQualifier = "exact"


class ClaimSource(Span):
    canonical: str
    entity_id: str | None = None
    type: SourceType = "unknown"


class Cue(Span):
    lemma: str


class Claim(Span):
    id: str = Field(pattern=r"^c\d+$")
    kind: ClaimKind
    source: ClaimSource
    cue: Cue
    content: Span
    statement_date: str | None = None
    entity_ids: list[str] = Field(default_factory=list)
    quantity_ids: list[str] = Field(default_factory=list)
    date_ids: list[str] = Field(default_factory=list)
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)


class DocumentRecord(_Model):
    """One article's extraction: the unit written per line in JSONL output."""

    schema_version: str = SCHEMA_VERSION
    doc_id: str
    source: Source = Field(default_factory=Source)
    text_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    entities: list[Entity] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def spans(self) -> Iterator[tuple[str, Span]]:
        """Every span in the record with a readable path, for offset checks."""
        for group in ("entities", "quantities", "dates"):
            for item in getattr(self, group):
                yield f"{group}.{item.id}", item
        for claim in self.claims:
            yield f"claims.{claim.id}", claim
            yield f"claims.{claim.id}.source", claim.source
            yield f"claims.{claim.id}.cue", claim.cue
            yield f"claims.{claim.id}.content", claim.content

    @model_validator(mode="after")
    def _ids_and_references(self) -> DocumentRecord:
        known: dict[str, set[str]] = {}
        for group in ("entities", "quantities", "dates", "claims"):
            ids = [item.id for item in getattr(self, group)]
            duplicates = sorted({i for i in ids if ids.count(i) > 1})
            if duplicates:
                raise ValueError(f"duplicate {group} ids: {', '.join(duplicates)}")
            known[group] = set(ids)
        for claim in self.claims:
            refs = [
                ("entities", [*claim.entity_ids, *filter(None, [claim.source.entity_id])]),
                ("quantities", claim.quantity_ids),
                ("dates", claim.date_ids),
            ]
            for group, ids in refs:
                missing = [i for i in ids if i not in known[group]]
                if missing:
                    raise ValueError(f"claim {claim.id} refers to unknown {group}: {missing}")
        return self

    @model_validator(mode="after")
    def _offsets_match_text(self, info: ValidationInfo) -> DocumentRecord:
        context: Any = info.context
        text = context.get("text") if isinstance(context, dict) else None
        if text is None:
            return self
        if sha256_text(text) != self.text_sha256:
            raise ValueError("text_sha256 does not match the text given for validation")
        for path, span in self.spans():
            if text[span.start : span.end] != span.text:
                raise ValueError(
                    f"{path}: text[{span.start}:{span.end}] is "
                    f"{text[span.start : span.end]!r}, not {span.text!r}"
                )
        return self


def validate_record(data: dict[str, Any] | str, text: str | None = None) -> DocumentRecord:
    """Validate a record (dict or JSON string); with ``text`` also check every offset."""
    context = {"text": text} if text is not None else None
    if isinstance(data, str):
        return DocumentRecord.model_validate_json(data, context=context)
    return DocumentRecord.model_validate(data, context=context)


def json_schema() -> dict[str, Any]:
    """The published JSON Schema of a DocumentRecord."""
    schema = DocumentRecord.model_json_schema()
    schema["$id"] = f"https://news-claims.invalid/schema/{SCHEMA_VERSION}/document-record.json"
    schema["title"] = "DocumentRecord"
    return schema
