"""Date resolution benchmark: our dates stage against ``dateparser.search.search_dates``.

Cases come from public test suites converted in ``shared/external/`` (read there,
never copied into the project):

* ``recognizers_text/datetime_en.jsonl`` and ``datetime_parser_en.jsonl`` —
  microsoft/Recognizers-Text specs, MIT licence (see that folder's LICENSE);
* ``duckling/time_en.jsonl`` — facebook/duckling corpus, BSD licence (see that
  folder's LICENSE). Cases tagged ``future_default`` (Duckling's
  scheduling-assistant reading of "monday", "march 3") are left out: news wants
  the past reading.

Only gold mentions with a ``spec_value`` (the value in our record convention)
are scored. Three columns, one run, the same reference date for every system:

* ``pipeline``: the full claims pipeline on the input, published = reference date;
* ``resolve``: ``resolve_date_text`` on the gold mention text (resolution alone);
* ``dateparser``: ``search_dates`` on the input; its datetime is formatted at the
  gold granularity (a head start we give it: it reports no granularity), so it can
  never match intervals or durations.

``score_dates(pred, gold)`` is the reusable part: the gold-split scoring will call
it with mentions from records.

The project's gold test split (``corpus/gold``, whole articles, optional dates
left out) is scored the same way, first.

Run: ``.venv/bin/python benchmarks/bench_dates.py [--external DIR] [--limit N]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateparser.search import search_dates

import pipeline
from pipeline.dates import resolve_date_text
from pipeline.evaluate import load_records, select_split
from pipeline.ingest import read_article
from pipeline.paths import CORPUS_DIR, PROJECT_ROOT

EXTERNAL = PROJECT_ROOT.parent / "shared" / "external"
GOLD_SOURCE = "gold/test"
SOURCES = {
    "recognizers/datetime": "recognizers_text/datetime_en.jsonl",
    "recognizers/parser": "recognizers_text/datetime_parser_en.jsonl",
    "duckling/time": "duckling/time_en.jsonl",
}


@dataclass
class Mention:
    start: int
    end: int
    value: str | None


def score_dates(pred: Iterable[Mention], gold: Iterable[Mention]) -> dict[str, int]:
    """Counts for one text: a gold mention is found when a prediction overlaps it,
    and right when the first overlapping prediction has the same value."""
    pred, gold = list(pred), list(gold)
    found = right = 0
    used: set[int] = set()
    for g in gold:
        match = next(
            (
                i
                for i, p in enumerate(pred)
                if i not in used and p.start < g.end and g.start < p.end
            ),
            None,
        )
        if match is None:
            continue
        used.add(match)
        found += 1
        right += pred[match].value == g.value
    return {"gold": len(gold), "pred": len(pred), "found": found, "right": right}


def _add(total: dict[str, int], counts: dict[str, int]) -> None:
    for key, n in counts.items():
        total[key] = total.get(key, 0) + n


# -- the cases ------------------------------------------------------------------------


@dataclass
class Case:
    source: str
    text: str
    reference: dt.date
    gold: list[Mention]
    gold_texts: list[str]
    granularities: list[str | None]


def load_cases(external: Path) -> Iterator[Case]:
    for source, rel in SOURCES.items():
        path = external / rel
        if not path.exists():
            continue
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            if "future_default" in row.get("tags", []):
                continue
            expected = [e for e in row["expected"] if e.get("spec_value")]
            if not expected:
                continue
            yield Case(
                source=source,
                text=row["input"],
                reference=dt.date.fromisoformat(row["reference_date"][:10]),
                gold=[
                    Mention(e["start"], e["start"] + len(e["text"]), e["spec_value"])
                    for e in expected
                ],
                gold_texts=[e["text"] for e in expected],
                granularities=[e.get("granularity") for e in expected],
            )


def load_gold_cases(corpus: Path = CORPUS_DIR, split: str = "test") -> Iterator[Case]:
    """The project's gold split: whole articles, optional gold dates left out."""
    optional = json.loads((corpus / "optional.json").read_text(encoding="utf-8"))
    gold = select_split(load_records(corpus / "gold"), split, corpus)
    for doc_id, record in gold.items():
        dates = [d for d in record.dates if d.id not in optional.get(doc_id, [])]
        yield Case(
            source=f"gold/{split}",
            text=read_article(corpus / "raw" / f"{doc_id}.txt").text,
            reference=dt.date.fromisoformat(record.source.published or "2024-01-01"),
            gold=[Mention(d.start, d.end, d.value) for d in dates],
            gold_texts=[d.text for d in dates],
            granularities=[d.granularity for d in dates],
        )


# -- the systems ------------------------------------------------------------------------


def pipeline_predictions(case: Case, nlp: Any) -> list[Mention]:
    record = pipeline.extract(case.text, nlp, published=case.reference.isoformat())
    return [Mention(d.start, d.end, d.value) for d in record.dates]


def resolve_predictions(case: Case) -> list[Mention]:
    found = []
    for g, text in zip(case.gold, case.gold_texts, strict=True):
        result = resolve_date_text(text, case.reference)
        found.append(Mention(g.start, g.end, result.value if result else None))
    return found


def _at_granularity(moment: dt.datetime, granularity: str | None) -> str | None:
    day = moment.date()
    year, week, _ = day.isocalendar()
    return {
        "day": day.isoformat(),
        "week": f"{year}-W{week:02d}",
        "month": f"{day.year}-{day.month:02d}",
        "quarter": f"{day.year}-Q{(day.month - 1) // 3 + 1}",
        "year": str(day.year),
    }.get(granularity or "")


def dateparser_predictions(case: Case) -> list[Mention]:
    settings = {
        "RELATIVE_BASE": dt.datetime.combine(case.reference, dt.time()),
        "PREFER_DATES_FROM": "past",
    }
    try:
        hits = search_dates(case.text, languages=["en"], settings=settings) or []
    except Exception:  # search_dates raises on some inputs; count as nothing found
        hits = []
    found, cursor = [], 0
    for text, moment in hits:
        start = case.text.find(text, cursor)
        if start < 0:
            start = case.text.find(text)
        if start < 0:
            continue
        cursor = start + len(text)
        # granularity of the gold mention this hit overlaps: dateparser reports none
        granularity = next(
            (
                gran
                for g, gran in zip(case.gold, case.granularities, strict=True)
                if start < g.end and g.start < start + len(text)
            ),
            None,
        )
        found.append(Mention(start, start + len(text), _at_granularity(moment, granularity)))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--external", type=Path, default=EXTERNAL)
    parser.add_argument("--limit", type=int, default=0, help="cases per source (0: all)")
    args = parser.parse_args()

    nlp = pipeline.load()
    systems = ("pipeline", "resolve", "dateparser")
    totals: dict[tuple[str, str], dict[str, int]] = {}
    seconds = dict.fromkeys(systems, 0.0)
    seen: dict[str, int] = {}
    cases = itertools.chain(load_gold_cases(), load_cases(args.external))
    for case in cases:
        seen[case.source] = seen.get(case.source, 0) + 1
        if args.limit and seen[case.source] > args.limit:
            continue
        for system in systems:
            began = time.perf_counter()
            if system == "pipeline":
                pred = pipeline_predictions(case, nlp)
            elif system == "resolve":
                pred = resolve_predictions(case)
            else:
                pred = dateparser_predictions(case)
            seconds[system] += time.perf_counter() - began
            counts = score_dates(pred, case.gold)
            _add(totals.setdefault((case.source, system), {}), counts)
            if case.source != GOLD_SOURCE:
                _add(totals.setdefault(("all external", system), {}), counts)

    print(f"{'source':22} {'gold':>5}  " + "  ".join(f"{s:>18}" for s in systems))
    for source in [GOLD_SOURCE, *SOURCES, "all external"]:
        row = [totals.get((source, s)) for s in systems]
        if not row[0]:
            continue
        cells = [
            f"{c['right'] / c['gold']:6.1%} (found {c['found'] / c['gold']:4.0%})" for c in row if c
        ]
        print(f"{source:22} {row[0]['gold']:5d}  " + "  ".join(f"{c:>18}" for c in cells))
    print(
        "value accuracy = right value / gold mentions; found = a prediction overlaps the gold span"
    )
    print("seconds: " + ", ".join(f"{s} {t:.1f}" for s, t in seconds.items()))


if __name__ == "__main__":
    main()
