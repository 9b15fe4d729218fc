"""Build ``corpus/gold/`` from the hand annotations in ``corpus/annotations/``.

Annotators anchor items by their exact text (see ``corpus/README.md``); this
script finds the offsets, assigns ids, links claims to the mentions inside
their content, and validates each record against the contract with every offset
checked. It fails loudly on an anchor that does not resolve: nothing is filled
in from the pipeline.

    python corpus/build_gold.py            # build all, write gold/, splits.json, optional.json
    python corpus/build_gold.py --check    # only check that the annotations resolve
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from pipeline.ingest import read_article
from pipeline.schema import DocumentRecord, sha256_text

CORPUS = Path(__file__).resolve().parent


class AnchorError(ValueError):
    pass


def find_all(text: str, needle: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Start offsets of ``needle`` in ``text[lo:hi]`` at word boundaries."""
    if not needle:
        raise AnchorError("empty anchor text")
    hi = len(text) if hi is None else hi
    before = r"(?<!\w)" if needle[0].isalnum() else ""
    after = r"(?!\w)" if needle[-1].isalnum() else ""
    pattern = re.compile(before + re.escape(needle) + after)
    return [m.start() for m in pattern.finditer(text, lo, hi)]


def resolve(
    text: str, item: dict[str, Any], default: Any, lo: int = 0, hi: int | None = None
) -> list[tuple[int, int]]:
    needle = item["text"]
    starts = find_all(text, needle, lo, hi)
    wanted = item.get("occurrence", default)
    if wanted == "all":
        chosen = starts
    else:
        numbers = wanted if isinstance(wanted, list) else [wanted]
        try:
            chosen = [starts[n - 1] for n in numbers]
        except IndexError:
            raise AnchorError(
                f"{needle!r}: occurrence {wanted} asked, {len(starts)} found"
            ) from None
    if not chosen:
        raise AnchorError(f"{needle!r} not found")
    return [(s, s + len(needle)) for s in chosen]


def build_record(annotation: dict[str, Any], text: str) -> tuple[DocumentRecord, list[str]]:
    optional: list[str] = []

    def add_optional(item: dict[str, Any], item_id: str) -> None:
        if item.get("optional"):
            optional.append(item_id)

    ent_spans: list[tuple[int, int, dict[str, Any]]] = []
    for item in annotation.get("entities", []):
        for start, end in resolve(text, item, "all"):
            ent_spans.append((start, end, item))
    # A short form inside a longer annotated name ("Kim" in "Kim Jong Un") is not a mention.
    ent_spans = [
        (s, e, it)
        for s, e, it in ent_spans
        if not any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2, _ in ent_spans)
    ]
    ent_spans = sorted({(s, e): (s, e, it) for s, e, it in ent_spans}.values(), key=lambda x: x[0])
    entities = []
    for i, (start, end, item) in enumerate(ent_spans, start=1):
        entities.append(
            {
                "id": f"e{i}",
                "text": text[start:end],
                "start": start,
                "end": end,
                "label": item["label"],
                "canonical": item.get("canonical") or item["text"],
            }
        )
        add_optional(item, f"e{i}")

    def mentions(key: str, prefix: str, fields: tuple[str, ...]) -> list[dict[str, Any]]:
        found = []
        for item in annotation.get(key, []):
            for start, end in resolve(text, item, 1):
                found.append((start, end, item))
        found.sort(key=lambda x: x[0])
        out = []
        for i, (start, end, item) in enumerate(found, start=1):
            record = {"id": f"{prefix}{i}", "text": text[start:end], "start": start, "end": end}
            record.update({f: item.get(f) for f in fields})
            out.append(record)
            add_optional(item, f"{prefix}{i}")
        return out

    quantities = mentions("quantities", "q", ("kind", "value", "low", "high", "qualifier", "unit"))
    dates = mentions("dates", "d", ("kind", "value", "granularity", "qualifier"))

    claims = []
    claim_items = []
    for item in annotation.get("claims", []):
        for start, end in resolve(text, item, 1):
            claim_items.append((start, end, item))
    claim_items.sort(key=lambda x: x[0])
    for i, (start, end, item) in enumerate(claim_items, start=1):
        parts = {}
        for part in ("source", "cue", "content"):
            sub = item[part]
            spans = resolve(text, sub, 1, start, end)
            if len(spans) != 1:
                raise AnchorError(f"claim {item['text'][:40]!r}: {part} must resolve once")
            parts[part] = spans[0]
        (ss, se), (cs, ce), (ks, ke) = parts["source"], parts["cue"], parts["content"]

        def inside(m: dict[str, Any], lo: int = ks, hi: int = ke) -> bool:
            return lo <= m["start"] and m["end"] <= hi

        in_source = [e for e in entities if inside(e, ss, se)]
        canonical = item["source"].get("canonical") or item["source"]["text"]
        source_entity = next((e for e in in_source if e["canonical"] == canonical), None) or (
            max(in_source, key=lambda e: e["end"] - e["start"]) if in_source else None
        )
        claims.append(
            {
                "id": f"c{i}",
                "kind": item["kind"],
                "text": text[start:end],
                "start": start,
                "end": end,
                "source": {
                    "text": text[ss:se],
                    "start": ss,
                    "end": se,
                    "canonical": canonical,
                    "entity_id": source_entity["id"] if source_entity else None,
                    "type": item["source"].get("type", "unknown"),
                },
                "cue": {
                    "text": text[cs:ce],
                    "start": cs,
                    "end": ce,
                    "lemma": item["cue"].get("lemma") or item["cue"]["text"].lower(),
                },
                "content": {"text": text[ks:ke], "start": ks, "end": ke},
                "statement_date": item.get("statement_date"),
                "entity_ids": [e["id"] for e in entities if inside(e)],
                "quantity_ids": [q["id"] for q in quantities if inside(q)],
                "date_ids": [d["id"] for d in dates if inside(d)],
                "confidence": 1.0,
            }
        )
        add_optional(item, f"c{i}")

    data = {
        "doc_id": annotation["doc_id"],
        "source": {
            "path": None,
            "outlet": annotation.get("outlet"),
            "headline": annotation.get("headline"),
            "section": annotation.get("section"),
            "published": annotation.get("published"),
            "published_basis": "input" if annotation.get("published") else None,
        },
        "text_sha256": sha256_text(text),
        "entities": entities,
        "quantities": quantities,
        "dates": dates,
        "claims": claims,
    }
    return DocumentRecord.model_validate(data, context={"text": text}), optional


def raw_path(doc_id: str) -> Path:
    matches = sorted((CORPUS / "raw").glob(f"{doc_id}.*"))
    if not matches:
        raise AnchorError(f"no raw file for {doc_id}")
    return matches[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="check only, write nothing")
    args = parser.parse_args(argv)
    splits: dict[str, list[str]] = {"dev": [], "test": []}
    optional: dict[str, list[str]] = {}
    failures = 0
    records = {}
    for path in sorted((CORPUS / "annotations").glob("*.json")):
        annotation = json.loads(path.read_text(encoding="utf-8"))
        doc_id = annotation["doc_id"]
        try:
            if doc_id != path.stem:
                raise AnchorError(f"doc_id {doc_id!r} differs from file name")
            text = read_article(raw_path(doc_id)).text
            record, optional_ids = build_record(annotation, text)
        except (AnchorError, ValueError, KeyError) as exc:
            failures += 1
            print(f"{path.name}: {exc}", file=sys.stderr)
            continue
        records[doc_id] = record
        splits[annotation.get("split", "dev")].append(doc_id)
        if optional_ids:
            optional[doc_id] = optional_ids
        print(
            f"{doc_id}: {len(record.entities)} entities, {len(record.quantities)} quantities, "
            f"{len(record.dates)} dates, {len(record.claims)} claims, "
            f"{len(optional_ids)} optional"
        )
    if failures:
        print(f"{failures} annotation file(s) failed", file=sys.stderr)
        return 1
    if not args.check:
        gold_dir = CORPUS / "gold"
        gold_dir.mkdir(exist_ok=True)
        for stale in gold_dir.glob("*.json"):
            if stale.stem not in records:
                stale.unlink()
        for doc_id, record in records.items():
            payload = record.model_dump_json(indent=1)
            (gold_dir / f"{doc_id}.json").write_text(payload + "\n", encoding="utf-8")
        dump = lambda obj: json.dumps(obj, indent=1, sort_keys=True) + "\n"  # noqa: E731
        (CORPUS / "splits.json").write_text(dump(splits), encoding="utf-8")
        (CORPUS / "optional.json").write_text(dump(optional), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
