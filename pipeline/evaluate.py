"""Scoring extraction against the gold set, field by field.

Matching is one-to-one and greedy by overlap. Optional gold items (listed in
``corpus/optional.json``) neither reward nor penalise: a prediction matched to
one is dropped from both sides. Micro scores pool counts over documents; macro
scores average per-document F1.

Fields:
- entities: exact span+label, exact span, partial (overlapping) span P/R/F1;
  label and canonical accuracy on span matches.
- quantities: span P/R/F1 (overlap); value, unit, qualifier accuracy on matches;
  ``value_unit_acc``: gold quantities whose matched prediction has both right.
- dates: span P/R/F1 (overlap); ``value_acc``: gold dates whose matched
  prediction has the right value; granularity/kind accuracy on matches.
- claims: detection P/R/F1 (content overlap >= 30% of the longer content);
  on matches: source span exact and overlap agreement, cue agreement, content
  character F1, kind accuracy, statement-date accuracy (where gold gives one),
  and resolution of pronoun or surname-only sources.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from spacy.language import Language

from .paths import CORPUS_DIR
from .schema import DocumentRecord

CLAIM_OVERLAP = 0.3
PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them"}


# --------------------------------------------------------------------------- matching


def _overlap(a: Any, b: Any) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match(
    gold: Sequence[Any],
    pred: Sequence[Any],
    score: Callable[[Any, Any], float],
    threshold: float = 0.0,
) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, pred index) by descending score above threshold."""
    candidates = [
        (s, gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(pred)
        if (s := score(g, p)) > threshold
    ]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


def overlap_score(g: Any, p: Any) -> float:
    """Overlap over the longer span, plus a bonus for exact boundaries."""
    ov = _overlap(g, p)
    if ov == 0:
        return 0.0
    return ov / max(g.end - g.start, p.end - p.start) + (
        1.0 if (g.start, g.end) == (p.start, p.end) else 0.0
    )


def content_overlap(g: Any, p: Any) -> float:
    ov = _overlap(g.content, p.content)
    longest = max(g.content.end - g.content.start, p.content.end - p.content.start, 1)
    return ov / longest


def char_f1(g: Any, p: Any) -> float:
    ov = _overlap(g, p)
    if ov == 0:
        return 0.0
    precision, recall = ov / (p.end - p.start), ov / (g.end - g.start)
    return 2 * precision * recall / (precision + recall)


def same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    # Annotators round fractions ("two-thirds" as 0.6667): 0.1% relative tolerance.
    return math.isclose(a, b, rel_tol=1e-3, abs_tol=1e-9)


# --------------------------------------------------------------------------- counting


@dataclass
class Counts:
    """Detection counts plus named accuracies (hits over trials)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    hits: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    trials: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        for k, v in other.hits.items():
            self.hits[k] += v
        for k, v in other.trials.items():
            self.trials[k] += v

    def check(self, name: str, ok: bool | float) -> None:
        """One trial of a named accuracy; a float adds partial credit (content character F1)."""
        self.trials[name] += 1
        self.hits[name] += float(ok)

    def prf(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        if self.tp + self.fp + self.fn == 0:
            p = r = f = 1.0
        return {"p": p, "r": r, "f1": f}

    def scores(self) -> dict[str, float]:
        out = self.prf()
        for name, n in self.trials.items():
            out[name] = self.hits[name] / n if n else 0.0
        return out


@dataclass
class DocErrors:
    missed: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    spurious: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    wrong: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def _detect(
    name: str,
    gold: list[Any],
    pred: list[Any],
    optional: set[str],
    score: Callable[[Any, Any], float],
    threshold: float,
    counts: Counts,
    errors: DocErrors,
    describe: Callable[[Any], str],
) -> list[tuple[Any, Any]]:
    """Match, drop optional gold (and what it matched), count TP/FP/FN, return matched pairs."""
    pairs = match(gold, pred, score, threshold)
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    kept = [(gold[gi], pred[pi]) for gi, pi in pairs if gold[gi].id not in optional]
    counts.tp += len(kept)
    for gi, g in enumerate(gold):
        if gi not in matched_gold and g.id not in optional:
            counts.fn += 1
            errors.missed[name].append(describe(g))
    for pi, p in enumerate(pred):
        if pi not in matched_pred:
            counts.fp += 1
            errors.spurious[name].append(describe(p))
    return kept


def score_document(
    gold: DocumentRecord, pred: DocumentRecord, optional: set[str]
) -> tuple[dict[str, Counts], DocErrors]:
    errors = DocErrors()
    counts = {
        k: Counts()
        for k in ("entities", "entities_exact", "entities_label", "quantities", "dates", "claims")
    }

    # Entities: exact span+label, exact span, partial overlap.
    def same_span(g: Any, p: Any) -> float:
        return 1.0 if (g.start, g.end) == (p.start, p.end) else 0.0

    def ent_text(e: Any) -> str:
        return f"{e.text!r} {e.label} @{e.start}"

    exact = _detect(
        "entities",
        gold.entities,
        pred.entities,
        optional,
        same_span,
        0.0,
        counts["entities_exact"],
        DocErrors(),
        ent_text,
    )
    for g, p in exact:
        counts["entities_exact"].check("label_acc", g.label == p.label)
        counts["entities_exact"].check("canonical_acc", g.canonical == p.canonical)
        if g.canonical != p.canonical:
            errors.wrong["entities"].append(
                f"{g.text!r}: canonical {p.canonical!r} != {g.canonical!r}"
            )

    def span_and_label(g: Any, p: Any) -> float:
        return 1.0 if (g.start, g.end, g.label) == (p.start, p.end, p.label) else 0.0

    _detect(
        "entities",
        gold.entities,
        pred.entities,
        optional,
        span_and_label,
        0.0,
        counts["entities_label"],
        errors,
        ent_text,
    )
    _detect(
        "entities",
        gold.entities,
        pred.entities,
        optional,
        overlap_score,
        0.0,
        counts["entities"],
        DocErrors(),
        ent_text,
    )

    # Quantities.
    def q_text(q: Any) -> str:
        return f"{q.text!r} value={q.value} [{q.low},{q.high}] {q.qualifier} {q.unit}"

    qc = counts["quantities"]
    q_pairs = _detect(
        "quantities",
        gold.quantities,
        pred.quantities,
        optional,
        overlap_score,
        0.0,
        qc,
        errors,
        q_text,
    )
    # value_unit_acc is over all gold quantities: a missed one counts as wrong.
    qc.trials["value_unit_acc"] += sum(1 for g in gold.quantities if g.id not in optional)
    for g, p in q_pairs:
        value_ok = all(same_number(getattr(g, f), getattr(p, f)) for f in ("value", "low", "high"))
        unit_ok = (g.unit or None) == (p.unit or None)
        qc.check("span_exact", (g.start, g.end) == (p.start, p.end))
        qc.check("value_acc", value_ok)
        qc.check("unit_acc", unit_ok)
        qc.check("qualifier_acc", g.qualifier == p.qualifier)
        qc.check("kind_acc", g.kind == p.kind)
        qc.hits["value_unit_acc"] += value_ok and unit_ok
        if not (value_ok and unit_ok):
            errors.wrong["quantities"].append(f"gold {q_text(g)} | pred {q_text(p)}")

    # Dates.
    def d_text(d: Any) -> str:
        return f"{d.text!r} {d.kind} {d.value} {d.granularity} {d.qualifier}"

    dc = counts["dates"]
    d_pairs = _detect(
        "dates", gold.dates, pred.dates, optional, overlap_score, 0.0, dc, errors, d_text
    )
    for g, p in d_pairs:
        dc.check("span_exact", (g.start, g.end) == (p.start, p.end))
        dc.check("granularity_acc", g.granularity == p.granularity)
        dc.check("kind_acc", g.kind == p.kind)
        dc.check("qualifier_acc", g.qualifier == p.qualifier)
        if g.value != p.value:
            errors.wrong["dates"].append(f"gold {d_text(g)} | pred {d_text(p)}")
    dc.trials["value_acc"] += sum(1 for g in gold.dates if g.id not in optional)
    dc.hits["value_acc"] += sum(1 for g, p in d_pairs if g.value == p.value)

    # Claims.
    def c_text(c: Any) -> str:
        return f"[{c.kind}] {c.source.text!r} {c.cue.text!r}: {c.content.text[:90]!r}"

    cc = counts["claims"]
    c_pairs = _detect(
        "claims",
        gold.claims,
        pred.claims,
        optional,
        content_overlap,
        CLAIM_OVERLAP - 1e-9,
        cc,
        errors,
        c_text,
    )
    for g, p in c_pairs:
        source_ok = (g.source.start, g.source.end) == (p.source.start, p.source.end)
        cc.check("source_exact", source_ok)
        cc.check("source_overlap", _overlap(g.source, p.source) > 0)
        cc.check("cue_acc", _overlap(g.cue, p.cue) > 0)
        cc.check("content_char_f1", char_f1(g.content, p.content))
        cc.check("kind_acc", g.kind == p.kind)
        cc.check("canonical_acc", g.source.canonical == p.source.canonical)
        if _needs_resolution(g):
            cc.check("source_resolved", g.source.canonical == p.source.canonical)
        if g.statement_date:
            cc.check("statement_date_acc", g.statement_date == p.statement_date)
        problems = []
        if not source_ok:
            problems.append(f"source {p.source.text!r} != {g.source.text!r}")
        if g.kind != p.kind:
            problems.append(f"kind {p.kind} != {g.kind}")
        if g.source.canonical != p.source.canonical:
            problems.append(f"canonical {p.source.canonical!r} != {g.source.canonical!r}")
        if char_f1(g.content, p.content) < 0.9:
            problems.append(f"content {p.content.text[:70]!r} != {g.content.text[:70]!r}")
        if problems:
            errors.wrong["claims"].append(f"{g.text[:50]!r}: " + "; ".join(problems))
    return counts, errors


def _needs_resolution(claim: Any) -> bool:
    text = claim.source.text.strip()
    return text.lower() in PRONOUNS or (
        len(text.split()) == 1 and text != claim.source.canonical and text[:1].isupper()
    )


# --------------------------------------------------------------------------- reports


@dataclass
class Report:
    micro: dict[str, dict[str, float]]
    macro: dict[str, dict[str, float]]
    n_docs: int
    errors: dict[str, DocErrors]

    def flat(self) -> dict[str, float]:
        """``field.metric`` -> score, micro-averaged (the keys ``--fail-under`` takes)."""
        return {f"{k}.{m}": v for k, scores in self.micro.items() for m, v in scores.items()}

    def to_json(self) -> dict[str, Any]:
        return {
            "n_docs": self.n_docs,
            "micro": self.micro,
            "macro": self.macro,
            "errors": {
                doc: {"missed": e.missed, "spurious": e.spurious, "wrong": e.wrong}
                for doc, e in self.errors.items()
            },
        }


def score_corpus(
    gold: dict[str, DocumentRecord],
    pred: dict[str, DocumentRecord],
    optional: dict[str, list[str]] | None = None,
) -> Report:
    optional = optional or {}
    totals: dict[str, Counts] = defaultdict(Counts)
    per_doc_f1: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, DocErrors] = {}
    for doc_id, g in sorted(gold.items()):
        p = pred.get(doc_id) or DocumentRecord(doc_id=doc_id, text_sha256=g.text_sha256)
        counts, errs = score_document(g, p, set(optional.get(doc_id, [])))
        errors[doc_id] = errs
        for name, c in counts.items():
            totals[name].add(c)
            per_doc_f1[name].append(c.prf()["f1"])
    micro = {name: c.scores() for name, c in totals.items()}
    macro = {name: {"f1": sum(v) / len(v) if v else 0.0} for name, v in per_doc_f1.items()}
    return Report(micro=micro, macro=macro, n_docs=len(gold), errors=errors)


def load_records(path: Path) -> dict[str, DocumentRecord]:
    """Records from a directory of ``<doc_id>.json`` files or one JSONL file."""
    records: dict[str, DocumentRecord] = {}
    if path.is_dir():
        for file in sorted(path.glob("*.json")):
            record = DocumentRecord.model_validate_json(file.read_text(encoding="utf-8"))
            records[record.doc_id] = record
    else:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = DocumentRecord.model_validate_json(line)
                records[record.doc_id] = record
    return records


def select_split(
    gold: dict[str, DocumentRecord], split: str, corpus: Path
) -> dict[str, DocumentRecord]:
    if split == "all":
        return gold
    splits = json.loads((corpus / "splits.json").read_text(encoding="utf-8"))
    wanted = set(splits[split])
    return {k: v for k, v in gold.items() if k in wanted}


def predict(
    gold: dict[str, DocumentRecord],
    raw_dir: Path,
    model: Path | None = None,
    nlp: Language | None = None,
) -> dict[str, DocumentRecord]:
    """Run the pipeline on the raw articles behind ``gold``, each with its gold publication date."""
    from .api import extract_many, load
    from .ingest import parse_iso_date, read_article

    nlp = nlp or load(model)
    articles = []
    for doc_id, record in gold.items():
        path = next(iter(sorted(raw_dir.glob(f"{doc_id}.*"))), None)
        if path is None:
            raise FileNotFoundError(f"no raw article for {doc_id} in {raw_dir}")
        articles.append(read_article(path, published=parse_iso_date(record.source.published)))
    return {r.doc_id: r for r in extract_many(articles, nlp)}


def evaluate(
    gold_dir: Path = CORPUS_DIR / "gold",
    pred: Path | None = None,
    split: str = "all",
    model: Path | None = None,
    docs: Sequence[str] = (),
) -> Report:
    """Score predictions (or a fresh pipeline run) against the gold records; ``docs`` keeps
    only the articles whose doc_id matches one of these glob patterns ("4*")."""
    corpus = gold_dir.parent
    gold = select_split(load_records(gold_dir), split, corpus)
    if docs:
        gold = {k: v for k, v in gold.items() if any(fnmatch(k, pattern) for pattern in docs)}
    predictions = load_records(pred) if pred else predict(gold, corpus / "raw", model)
    optional_file = corpus / "optional.json"
    optional = (
        json.loads(optional_file.read_text(encoding="utf-8")) if optional_file.exists() else {}
    )
    return score_corpus(gold, predictions, optional)


HEADLINE_METRICS = {
    "entities_label": ["p", "r", "f1", "label_acc"],
    "entities_exact": ["f1", "label_acc", "canonical_acc"],
    "entities": ["f1"],
    "quantities": [
        "p",
        "r",
        "f1",
        "span_exact",
        "value_acc",
        "unit_acc",
        "qualifier_acc",
        "value_unit_acc",
    ],
    "dates": ["p", "r", "f1", "span_exact", "granularity_acc", "value_acc"],
    "claims": [
        "p",
        "r",
        "f1",
        "source_exact",
        "source_overlap",
        "source_resolved",
        "cue_acc",
        "content_char_f1",
        "kind_acc",
        "statement_date_acc",
    ],
}
FIELD_TITLES = {
    "entities_label": "entities (exact span + label)",
    "entities_exact": "entities (exact span)",
    "entities": "entities (partial span)",
}


def render(report: Report, console: Console) -> None:
    table = Table(title=f"Scores over {report.n_docs} documents (micro; macro F1 last)")
    table.add_column("field")
    table.add_column("metric")
    table.add_column("score", justify="right")
    for name, metrics in HEADLINE_METRICS.items():
        scores = report.micro.get(name, {})
        for i, metric in enumerate(m for m in metrics if m in scores):
            table.add_row(
                FIELD_TITLES.get(name, name) if i == 0 else "", metric, f"{scores[metric]:.3f}"
            )
        table.add_row(
            "", "macro f1", f"{report.macro.get(name, {}).get('f1', 0):.3f}", end_section=True
        )
    console.print(table)


def render_errors(report: Report, console: Console) -> None:
    for doc_id, errs in report.errors.items():
        lines = []
        for label, group in (
            ("missed", errs.missed),
            ("spurious", errs.spurious),
            ("wrong", errs.wrong),
        ):
            for fld, items in group.items():
                lines += [f"  {label:8} {fld:10} {item}" for item in items]
        if lines:
            console.print(f"[bold]{doc_id}[/bold]")
            for line in lines:
                console.print(line, markup=False, highlight=False, soft_wrap=True)


def parse_thresholds(items: Iterable[str]) -> dict[str, float]:
    out = {}
    for item in items:
        m = re.fullmatch(r"([\w.]+)=([0-9.]+)", item.strip())
        if not m:
            raise typer.BadParameter(f"{item!r}: expected FIELD=SCORE, e.g. claims.f1=0.8")
        out[m.group(1)] = float(m.group(2))
    return out


def failures_under(report: Report, thresholds: dict[str, float]) -> list[str]:
    flat = report.flat()
    failures = []
    for key, minimum in thresholds.items():
        if key not in flat:
            failures.append(f"{key}: no such score (known: {', '.join(sorted(flat))})")
        elif flat[key] + 1e-9 < minimum:
            failures.append(f"{key} = {flat[key]:.3f} < {minimum}")
    return failures


def evaluate_command(
    gold: Annotated[
        Path, typer.Option(exists=True, file_okay=False, help="Gold records.")
    ] = CORPUS_DIR / "gold",
    pred: Annotated[
        Path | None,
        typer.Option(
            exists=True, help="Predictions: JSONL file or directory; default: run the pipeline."
        ),
    ] = None,
    split: Annotated[str, typer.Option(help="dev, test or all (see corpus/splits.json).")] = "all",
    report_file: Annotated[
        Path | None, typer.Option("--report", help="Write the JSON report here.")
    ] = None,
    errors: Annotated[
        bool, typer.Option("--errors", help="List missed, spurious and wrong items per article.")
    ] = False,
    fail_under: Annotated[
        list[str] | None,
        typer.Option("--fail-under", help="FIELD=SCORE, e.g. claims.f1=0.8; repeatable."),
    ] = None,
    model: Annotated[
        Path | None, typer.Option(help="Pipeline directory (default: models/ or assemble).")
    ] = None,
    docs: Annotated[
        list[str] | None,
        typer.Option("--docs", help="Only doc_ids matching this glob, e.g. '4*'; repeatable."),
    ] = None,
) -> None:
    """Score extraction against the gold set, per field."""
    if split not in {"dev", "test", "all"}:
        raise typer.BadParameter("--split must be dev, test or all")
    thresholds = parse_thresholds(fail_under or [])
    try:
        result = evaluate(gold, pred, split, model, docs or ())
    except FileNotFoundError as error:
        Console(stderr=True).print(f"[red]error:[/red] {error}")
        raise typer.Exit(2) from None
    console = Console()
    if errors:
        render_errors(result, console)
    render(result, console)
    if report_file:
        report_file.write_text(json.dumps(result.to_json(), indent=1) + "\n", encoding="utf-8")
    failed = failures_under(result, thresholds)
    for line in failed:
        Console(stderr=True).print(f"[red]below threshold:[/red] {line}")
    if failed:
        raise typer.Exit(1)
