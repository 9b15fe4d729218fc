"""Claim detection against gold records: our attribution stage beside textacy's direct quotations.

    .venv/bin/python benchmarks/bench_attribution.py --gold corpus/gold [--raw corpus/raw]

For every gold record ``<doc_id>.json`` (contract JSON, or JSONL of records) the raw
text is read from ``<raw>/<doc_id>.txt`` with ``pipeline.ingest.read_article`` and run
through the pipeline once; textacy's ``direct_quotations`` runs on the same parsed Doc.
A predicted claim matches a gold claim when their content spans overlap by at least
``--overlap`` (default 0.3) of the longer of the two, one-to-one, best overlap first.
Gold claims marked ``"optional": true`` (or listed in ``corpus/optional.json``) are
neither rewarded nor penalised. Textacy errors are caught per article and counted
(that article then scores no predictions).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pipeline
from pipeline.api import make_doc
from pipeline.ingest import read_article

Interval = tuple[int, int]


@dataclass
class Score:
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    errors: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.true_pos += other.true_pos
        self.false_pos += other.false_pos
        self.false_neg += other.false_neg
        self.errors += other.errors
        self.misses += other.misses

    def line(self, name: str) -> str:
        p = (
            self.true_pos / (self.true_pos + self.false_pos)
            if self.true_pos + self.false_pos
            else 0.0
        )
        r = (
            self.true_pos / (self.true_pos + self.false_neg)
            if self.true_pos + self.false_neg
            else 0.0
        )
        f = 2 * p * r / (p + r) if p + r else 0.0
        return (
            f"{name:<10} P={p:.3f} R={r:.3f} F1={f:.3f}  "
            f"(tp={self.true_pos} fp={self.false_pos} fn={self.false_neg} errors={self.errors})"
        )


def overlap(a: Interval, b: Interval) -> float:
    """Shared characters as a share of the longer span."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    longest = max(a[1] - a[0], b[1] - b[0])
    return max(shared, 0) / longest if longest > 0 else 0.0


def score(
    gold: list[tuple[Interval, bool]], predicted: list[Interval], threshold: float, text: str
) -> Score:
    """One-to-one matching, best overlap first; optional gold claims absorb predictions silently."""
    pairs = sorted(
        (
            (overlap(g, p), gi, pi)
            for gi, (g, _) in enumerate(gold)
            for pi, p in enumerate(predicted)
        ),
        reverse=True,
    )
    gold_used: set[int] = set()
    pred_used: set[int] = set()
    result = Score()
    for value, gi, pi in pairs:
        if value < threshold or gi in gold_used or pi in pred_used:
            continue
        gold_used.add(gi)
        pred_used.add(pi)
        if not gold[gi][1]:
            result.true_pos += 1
    result.false_pos = len(predicted) - len(pred_used)
    for gi, (span, optional) in enumerate(gold):
        if gi not in gold_used and not optional:
            result.false_neg += 1
            result.misses.append(text[span[0] : span[1]][:90])
    return result


def gold_records(gold_dir: Path) -> Iterator[dict[str, Any]]:
    for path in sorted(gold_dir.iterdir()):
        if path.suffix == ".json":
            yield json.loads(path.read_text(encoding="utf-8"))
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    yield json.loads(line)


def textacy_contents(doc: Any) -> list[Interval]:
    from textacy.extract.triples import direct_quotations

    return [(q.content.start_char, q.content.end_char) for q in direct_quotations(doc)]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gold", type=Path, required=True, help="directory of gold records")
    parser.add_argument(
        "--raw", type=Path, default=Path("corpus/raw"), help="directory of raw <doc_id>.txt"
    )
    parser.add_argument(
        "--overlap", type=float, default=0.3, help="content overlap needed for a match"
    )
    parser.add_argument(
        "--split", choices=("dev", "test", "all"), default="all", help="corpus/splits.json split"
    )
    parser.add_argument(
        "--show-misses", action="store_true", help="print the gold claims each system missed"
    )
    args = parser.parse_args()

    nlp = pipeline.load()
    totals = {"claims": Score(), "textacy": Score()}
    articles = 0
    corpus = args.gold.parent
    splits_file, optional_file = corpus / "splits.json", corpus / "optional.json"
    wanted = None
    if args.split != "all" and splits_file.exists():
        wanted = set(json.loads(splits_file.read_text(encoding="utf-8"))[args.split])
    optional_ids = (
        json.loads(optional_file.read_text(encoding="utf-8")) if optional_file.exists() else {}
    )
    for record in gold_records(args.gold):
        doc_id = record["doc_id"]
        if wanted is not None and doc_id not in wanted:
            continue
        skip = set(optional_ids.get(doc_id, []))
        published = (record.get("source") or {}).get("published")
        article = read_article(
            args.raw / f"{doc_id}.txt",
            doc_id=doc_id,
            published=dt.date.fromisoformat(published) if published else None,
        )
        doc = nlp(make_doc(nlp, article))
        text = doc.text
        gold = [
            (
                (c["content"]["start"], c["content"]["end"]),
                bool(c.get("optional")) or c["id"] in skip,
            )
            for c in record["claims"]
        ]
        ours = [(c.content_start, c.content_end) for c in doc._.claims or []]
        totals["claims"].add(score(gold, ours, args.overlap, text))
        try:
            theirs = textacy_contents(doc)
        except Exception:  # noqa: BLE001 — textacy raises on shapes it does not expect; count, go on
            theirs = []
            totals["textacy"].errors += 1
        totals["textacy"].add(score(gold, theirs, args.overlap, text))
        articles += 1

    print(f"{articles} articles, content overlap >= {args.overlap:.0%} of the longer span")
    for name, total in totals.items():
        print(total.line(name))
        if args.show_misses:
            for miss in total.misses:
                print(f"    missed: {miss}")


if __name__ == "__main__":
    main()
