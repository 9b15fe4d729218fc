"""The one place a processed ``Doc`` becomes a validated ``DocumentRecord``.

Stages leave plain mention objects on ``Doc`` extensions; here they get ids,
are cut to the record contract, linked (which entities, quantities and dates
fall inside a claim's content) and validated once, with the offsets checked
against the text.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from spacy.tokens import Doc

from .extensions import ArticleMeta, ClaimMention, article_of, in_ranges
from .schema import DocumentRecord, Entity, sha256_text

ENTITY_LABELS = set(Entity.model_fields["label"].annotation.__args__)  # type: ignore[union-attr]

Item = dict[str, Any]


def _span(text: str, start: int, end: int) -> Item:
    return {"text": text[start:end], "start": start, "end": end}


def _ids_inside(items: list[Item], start: int, end: int) -> list[str]:
    return [item["id"] for item in items if start <= item["start"] and item["end"] <= end]


def doc_to_record(doc: Doc, *, validate_offsets: bool = True) -> DocumentRecord:
    """Build the record for one processed article."""
    meta: ArticleMeta = article_of(doc)
    text = doc.text

    entities: list[Item] = []
    entity_ids: dict[tuple[int, int], str] = {}
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS or in_ranges(
            ent.start_char, ent.end_char, meta.boilerplate
        ):
            continue
        ent_id = f"e{len(entities) + 1}"
        entity_ids[(ent.start_char, ent.end_char)] = ent_id
        entities.append(
            {
                "id": ent_id,
                **_span(text, ent.start_char, ent.end_char),
                "label": ent.label_,
                "canonical": ent._.canonical or ent.text,
            }
        )
    quantities = [
        {"id": f"q{i}", **asdict(q), **_span(text, q.start, q.end)}
        for i, q in enumerate(doc._.quantities or [], start=1)
    ]
    dates = [
        {"id": f"d{i}", **asdict(d), **_span(text, d.start, d.end)}
        for i, d in enumerate(doc._.dates or [], start=1)
    ]
    claims = [
        _claim(f"c{i}", claim, text, entities, quantities, dates, entity_ids)
        for i, claim in enumerate(doc._.claims or [], start=1)
    ]
    data = {
        "doc_id": meta.doc_id,
        "source": {
            "path": meta.path,
            "outlet": meta.outlet,
            "headline": meta.headline,
            "section": meta.section,
            "published": meta.published.isoformat() if meta.published else None,
            "published_basis": meta.published_basis,
        },
        "text_sha256": sha256_text(text),
        "entities": entities,
        "quantities": quantities,
        "dates": dates,
        "claims": claims,
        "warnings": list(meta.warnings),
    }
    # One validation enforces every contract rule, the offsets against the text included.
    context = {"text": text} if validate_offsets else None
    return DocumentRecord.model_validate(data, context=context)


def _claim(
    claim_id: str,
    claim: ClaimMention,
    text: str,
    entities: list[Item],
    quantities: list[Item],
    dates: list[Item],
    entity_ids: dict[tuple[int, int], str],
) -> Item:
    c_start, c_end = claim.content_start, claim.content_end
    return {
        "id": claim_id,
        "kind": claim.kind,
        **_span(text, claim.start, claim.end),
        "source": {
            **_span(text, claim.source_start, claim.source_end),
            "canonical": claim.source_canonical,
            "entity_id": entity_ids.get(claim.source_entity) if claim.source_entity else None,
            "type": claim.source_type,
        },
        "cue": {**_span(text, claim.cue_start, claim.cue_end), "lemma": claim.cue_lemma},
        "content": _span(text, c_start, c_end),
        "statement_date": claim.statement_date,
        "entity_ids": _ids_inside(entities, c_start, c_end),
        "quantity_ids": _ids_inside(quantities, c_start, c_end),
        "date_ids": _ids_inside(dates, c_start, c_end),
        "confidence": round(claim.confidence, 3),
    }
