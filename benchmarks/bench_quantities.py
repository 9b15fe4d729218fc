"""Score our quantities stage and quantulum3 side by side on public quantity test cases.

Data: the project's gold test split (whole articles, optional items neither
rewarded nor penalised), and the English number/money/percent/unit cases converted into
/work/shared/external/ (Duckling, BSD; quantulum3, MIT; Recognizers-Text, MIT;
each folder keeps its LICENSE and README). They are read in place, never
copied into the project. quantulum3 runs without its classifier extra.

    .venv/bin/python benchmarks/bench_quantities.py [--external DIR] [--limit N]

``score_quantities(pred, gold)`` scores one text and is meant to be reused for
the corpus gold split: both sides are lists of dicts with ``start``, ``end``,
``kind``, ``value``, ``low``, ``high``, ``unit`` (contract ``Quantity`` dumps
fit; a gold item may carry ``optional``).
"""

from __future__ import annotations

import argparse
import json
import math
import time
import warnings
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import pint

from pipeline.evaluate import load_records, select_split
from pipeline.ingest import read_article
from pipeline.paths import CORPUS_DIR, PROJECT_ROOT

EXTERNAL = PROJECT_ROOT.parent / "shared" / "external"
FILES = {
    "duckling": "duckling/numbers_en.jsonl",
    "quantulum3": "quantulum3/quantities_en.jsonl",
    "recognizers_text": "recognizers_text/numbers_en.jsonl",
}
SCORED_TYPES = {"number", "money", "percent", "quantity"}

# Gold and quantulum3 name units in words ("pound sterling", "degree Celsius", "$"); ours are
# ISO codes and symbols. Everything passes through normalize_unit before comparison.
UNIT_ALIASES = {
    "$": "USD", "dollar": "USD", "us dollar": "USD", "united states dollar": "USD", "€": "EUR",
    "euro": "EUR", "£": "GBP", "pound sterling": "GBP", "british pound": "GBP", "¥": "JPY",
    "yen": "JPY", "japanese yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "chinese yuan": "CNY",
    "rupee": "INR", "indian rupee": "INR", "franc": "CHF", "swiss franc": "CHF", "riyal": "SAR",
    "saudi riyal": "SAR", "rial": "IRR", "dinar": "KWD", "ruble": "RUB", "russian ruble": "RUB",
    "%": "percent", "percentage": "percent", "percent": "percent",
    "c": "°C", "degree celsius": "°C", "f": "°F", "degree fahrenheit": "°F",
    "metric ton": "t", "tonne": "t", "ton": "t",
}  # fmt: skip
SCORE_NOTE = """
found: a prediction overlaps the gold span; value: its value (or first bound) is right;
val+unit: and its unit (bare counts: any counted noun); FP: predictions overlapping no gold.
quantulum3's own file holds its regression tests: it scores ~100% there by construction."""
SUBUNITS = {"cent": ("USD", 0.01), "pence": ("GBP", 0.01), "penny": ("GBP", 0.01)}


@cache
def _units() -> pint.UnitRegistry:
    return pint.UnitRegistry()


@cache
def normalize_unit(unit: str | None) -> str | None:
    """One spelling per unit: ISO code for money, "percent", else pint's short symbol."""
    if unit is None:
        return None
    key = unit.strip().lower()
    if key in UNIT_ALIASES:
        return UNIT_ALIASES[key]
    if unit.isupper() and len(unit) == 3:
        return unit
    try:
        return f"{_units().parse_units(key.replace(' ', '_')):~}".replace(" ", "")
    except Exception:  # pint raises several error types for names it does not know
        return key


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _primary(q: dict[str, Any]) -> float | None:
    for key in ("value", "low", "high"):
        if q.get(key) is not None:
            return float(q[key])
    return None


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def score_quantities(pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> Counter[str]:
    """Counts for one text: gold items found (overlapping span), with the right value, and unit.

    ``value_ok``: the gold point value (or its first bound) equals one of the predicted
    value/low/high. ``value_unit_ok``: also the same unit after ``normalize_unit``; where gold
    gives no unit (a bare count), any predicted count unit is accepted, since the external
    sets do not name the counted noun. Unmatched predictions count as ``false_positive``
    unless they overlap an optional gold item.
    """
    counts: Counter[str] = Counter()
    used: set[int] = set()
    for g in gold:
        candidates = [(i, _overlap(g, p)) for i, p in enumerate(pred) if i not in used]
        candidates = [(i, o) for i, o in candidates if o > 0]
        if g.get("optional"):
            used.update(i for i, _ in candidates)
            continue
        counts["gold"] += 1
        if not candidates:
            continue
        index = max(candidates, key=lambda c: c[1])[0]
        used.add(index)
        p = pred[index]
        counts["found"] += 1
        if p["start"] == g["start"] and p["end"] == g["end"]:
            counts["exact_span"] += 1
        target = _primary(g)
        numbers = [p.get(k) for k in ("value", "low", "high")]
        value_ok = (
            any(_close(target, n) for n in numbers) if target is not None else _primary(p) is None
        )
        if not value_ok:
            continue
        counts["value_ok"] += 1
        gold_unit, pred_unit = normalize_unit(g.get("unit")), normalize_unit(p.get("unit"))
        if gold_unit == pred_unit or (gold_unit is None and p.get("kind") in ("count", "fraction")):
            counts["value_unit_ok"] += 1
    counts["pred"] += len(pred)
    counts["false_positive"] += sum(
        1 for i, p in enumerate(pred) if i not in used and not any(_overlap(p, g) for g in gold)
    )
    return counts


# --------------------------------------------------------------------------- data and systems


def load_cases(external: Path) -> dict[str, list[dict[str, Any]]]:
    """The cases per source, gold items as contract-like dicts (duration cases left out)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name, rel in FILES.items():
        cases = []
        for line in (external / rel).read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            gold = []
            skip = False
            for e in case["expected"]:
                if e["type"] not in SCORED_TYPES:
                    skip = True  # durations belong to the dates benchmark
                    continue
                unit, value = e.get("unit"), e.get("value")
                low, high = e.get("low"), e.get("high")
                if unit in SUBUNITS:
                    unit, factor = SUBUNITS[unit]
                    value, low, high = (
                        None if v is None else v * factor for v in (value, low, high)
                    )
                end = e["start"] + len(e["text"])
                gold.append({"start": e["start"], "end": end, "kind": e.get("kind"),
                             "value": value, "low": low, "high": high, "unit": unit})  # fmt: skip
            if gold or (not skip and "negative" in case["tags"]):
                cases.append({"id": case["id"], "text": case["input"], "gold": gold})
        out[name] = cases
    return out


def load_gold_cases(corpus: Path = CORPUS_DIR, split: str = "test") -> list[dict[str, Any]]:
    """The project's gold split as cases: whole articles, optional items flagged."""
    optional = json.loads((corpus / "optional.json").read_text(encoding="utf-8"))
    cases = []
    for doc_id, record in select_split(load_records(corpus / "gold"), split, corpus).items():
        skip = set(optional.get(doc_id, []))
        gold = [{**q.model_dump(), "optional": q.id in skip} for q in record.quantities]
        text = read_article(corpus / "raw" / f"{doc_id}.txt").text
        cases.append({"id": doc_id, "text": text, "gold": gold})
    return cases


@cache
def _pipeline() -> Any:
    import pipeline

    return pipeline.load()


def ours(texts: list[str]) -> list[list[dict[str, Any]]]:
    nlp = _pipeline()
    results = []
    for doc in nlp.pipe(texts, batch_size=64):
        results.append([vars(q).copy() for q in doc._.quantities or []])
    return results


def quantulum(texts: list[str]) -> list[list[dict[str, Any]]]:
    from quantulum3 import classifier, parser

    # No classifier extra: scikit-learn may be installed for other tools, and quantulum3 would
    # then try to load its pickled model; the rule-based disambiguation is what we compare with.
    classifier.USE_CLF = False
    results = []
    for text in texts:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = parser.parse(text)
        results.append([_from_quantulum(q) for q in found])
    return results


def _from_quantulum(q: Any) -> dict[str, Any]:
    entity = q.unit.entity.name
    if entity == "currency":
        unit = getattr(q.unit, "currency_code", None) or q.unit.name
        kind = "money"
    elif entity == "dimensionless" and q.unit.name == "percentage":
        unit, kind = "percent", "percent"
    elif entity == "dimensionless":
        unit, kind = None, "count"
    else:
        unit, kind = q.unit.name, "measure"
    low = high = None
    if q.uncertainty:
        low, high = q.value - q.uncertainty, q.value + q.uncertainty
    return {"start": q.span[0], "end": q.span[1], "kind": kind, "value": q.value,
            "low": low, "high": high, "unit": unit}  # fmt: skip


def run(external: Path, limit: int | None) -> dict[str, dict[str, Counter[str]]]:
    report: dict[str, dict[str, Counter[str]]] = {}
    sources = {"gold/test": load_gold_cases(), **load_cases(external)}
    for source, cases in sources.items():
        cases = cases[:limit] if limit else cases
        texts = [c["text"] for c in cases]
        report[source] = {}
        for system, extractor in (("ours", ours), ("quantulum3", quantulum)):
            began = time.perf_counter()
            predictions = extractor(texts)
            total: Counter[str] = Counter()
            for case, pred in zip(cases, predictions, strict=True):
                total += score_quantities(pred, case["gold"])
            total["seconds"] = round(time.perf_counter() - began)
            report[source][system] = total
    return report


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "   n/a"


def print_report(report: dict[str, dict[str, Counter[str]]]) -> None:
    header = (f"{'source':18} {'system':11} {'gold':>5} {'found':>7} {'value':>7} "
              f"{'val+unit':>8} {'FP':>5} {'sec':>4}")  # fmt: skip
    print(header)
    print("-" * len(header))
    for source, systems in report.items():
        for system, c in systems.items():
            print(f"{source:18} {system:11} {c['gold']:5d} {_pct(c['found'], c['gold']):>7} "
                  f"{_pct(c['value_ok'], c['gold']):>7} {_pct(c['value_unit_ok'], c['gold']):>8} "
                  f"{c['false_positive']:5d} {c['seconds']:4d}")  # fmt: skip
    print(__doc__.split("\n\n")[0])
    print(SCORE_NOTE)


def main(argv: Iterable[str] | None = None) -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--external", type=Path, default=EXTERNAL)
    args.add_argument("--limit", type=int, default=None, help="cases per source (for a quick run)")
    options = args.parse_args(list(argv) if argv is not None else None)
    print_report(run(options.external, options.limit))


if __name__ == "__main__":
    main()
