"""The one place a processed ``Doc`` becomes a validated ``DocumentRecord``.

Stages leave plain mention objects on ``Doc`` extensions; here they get ids,
are cut to the record contract, linked (which entities, quantities and dates
fall inside a claim's content) and validated with the offsets checked against
the text.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .extensions import ArticleMeta, ClaimMention, article_of, in_ranges
from .schema import (
    Claim,
    ClaimSource,
    Cue,
    DateMention,
    DocumentRecord,
    Entity,
    Quantity,
    Source,
    Span,
    sha256_text,
)

ENTITY_LABELS = set(Entity.model_fields["label"].annotation.__args__)  # type: ignore[union-attr]


def _inside(start: int, end: int, outer_start: int, outer_end: int) -> bool:
    return outer_start <= start and end <= outer_end


def doc_to_record(doc: Doc, *, validate_offsets: bool = True) -> DocumentRecord:
    """Build the record for one processed article."""
    meta: ArticleMeta = article_of(doc)
    text = doc.text

    entities: list[Entity] = []
    entity_ids: dict[tuple[int, int], str] = {}
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS or in_ranges(
            ent.start_char, ent.end_char, meta.boilerplate
        ):
            continue
        ent_id = f"e{len(entities) + 1}"
        entity_ids[(ent.start_char, ent.end_char)] = ent_id
        entities.append(
            Entity(
                id=ent_id,
                text=ent.text,
                start=ent.start_char,
                end=ent.end_char,
                label=ent.label_,  # type: ignore[arg-type]
                canonical=ent._.canonical or ent.text,
            )
        )

    quantities = [
        Quantity(
            id=f"q{i}",
            text=text[q.start : q.end],
            start=q.start,
            end=q.end,
            kind=q.kind,  # type: ignore[arg-type]
            value=q.value,
            low=q.low,
            high=q.high,
            qualifier=q.qualifier,  # type: ignore[arg-type]
            unit=q.unit,
        )
        for i, q in enumerate(doc._.quantities or [], start=1)
    ]
    dates = [
        DateMention(
            id=f"d{i}",
            text=text[d.start : d.end],
            start=d.start,
            end=d.end,
            kind=d.kind,  # type: ignore[arg-type]
            value=d.value,
            granularity=d.granularity,  # type: ignore[arg-type]
            qualifier=d.qualifier,  # type: ignore[arg-type]
        )
        for i, d in enumerate(doc._.dates or [], start=1)
    ]
    claims = [
        _claim(f"c{i}", claim, text, entities, quantities, dates, entity_ids)
        for i, claim in enumerate(doc._.claims or [], start=1)
    ]
    data = DocumentRecord(
        doc_id=meta.doc_id,
        source=Source(
            path=meta.path,
            outlet=meta.outlet,
            headline=meta.headline,
            section=meta.section,
            published=meta.published.isoformat() if meta.published else None,
            published_basis=meta.published_basis,  # type: ignore[arg-type]
        ),
        text_sha256=sha256_text(text),
        entities=entities,
        quantities=quantities,
        dates=dates,
        claims=claims,
        warnings=list(meta.warnings),
    )
    # Re-validate from plain data so that every contract rule, offsets included, is enforced.
    context = {"text": text} if validate_offsets else None
    return DocumentRecord.model_validate(data.model_dump(), context=context)


def _claim(
    claim_id: str,
    claim: ClaimMention,
    text: str,
    entities: list[Entity],
    quantities: list[Quantity],
    dates: list[DateMention],
    entity_ids: dict[tuple[int, int], str],
) -> Claim:
    c_start, c_end = claim.content_start, claim.content_end
    return Claim(
        id=claim_id,
        kind=claim.kind,  # type: ignore[arg-type]
        text=text[claim.start : claim.end],
        start=claim.start,
        end=claim.end,
        source=ClaimSource(
            text=text[claim.source_start : claim.source_end],
            start=claim.source_start,
            end=claim.source_end,
            canonical=claim.source_canonical,
            entity_id=entity_ids.get(claim.source_entity) if claim.source_entity else None,
            type=claim.source_type,  # type: ignore[arg-type]
        ),
        cue=Cue(
            text=text[claim.cue_start : claim.cue_end],
            start=claim.cue_start,
            end=claim.cue_end,
            lemma=claim.cue_lemma,
        ),
        content=Span(text=text[c_start:c_end], start=c_start, end=c_end),
        statement_date=claim.statement_date,
        entity_ids=[e.id for e in entities if _inside(e.start, e.end, c_start, c_end)],
        quantity_ids=[q.id for q in quantities if _inside(q.start, q.end, c_start, c_end)],
        date_ids=[d.id for d in dates if _inside(d.start, d.end, c_start, c_end)],
        confidence=round(claim.confidence, 3),
    )
