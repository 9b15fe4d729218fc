"""The ``claims`` command line: a thin layer over the Python API.

Exit codes: 0 success, 1 some input failed, 2 usage error (typer's own).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from .batch import batch_command
from .evaluate import evaluate_command
from .ingest import InputError, article_from_bytes, parse_iso_date, read_article
from .paths import DEFAULT_MODEL_DIR, PIPELINE_CONFIG
from .schema import DocumentRecord, json_schema

app = typer.Typer(
    name="claims",
    help="Extract entities, quantities, dates and attributed claims from news articles.",
    no_args_is_help=True,
    add_completion=False,
)
app.command("batch")(batch_command)
app.command("evaluate")(evaluate_command)
err_console = Console(stderr=True)


def _published_option(value: str | None) -> dt.date | None:
    try:
        return parse_iso_date(value)
    except InputError as exc:
        raise typer.BadParameter(str(exc)) from exc


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help="A news file, or - for standard input.")],
    published: Annotated[
        str | None,
        typer.Option(help="Publication date YYYY-MM-DD, when known; relative dates resolve to it."),
    ] = None,
    doc_id: Annotated[
        str | None, typer.Option(help="Record id (default: the file's stem).")
    ] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One line of JSON.")] = False,
    show: Annotated[
        bool, typer.Option("--show", help="A readable summary instead of JSON.")
    ] = False,
    model: Annotated[
        Path | None, typer.Option(help="An assembled pipeline directory (default: models/).")
    ] = None,
) -> None:
    """Extract one article's claim record and print it as JSON."""
    from . import api

    published_date = _published_option(published)
    try:
        if file == "-":
            article = article_from_bytes(
                sys.stdin.buffer.read(), doc_id=doc_id or "stdin", published=published_date
            )
        else:
            article = read_article(file, doc_id=doc_id, published=published_date)
    except InputError as exc:
        err_console.print(f"[red]error[/red] ({exc.kind}): {exc}")
        raise typer.Exit(1) from exc
    nlp = api.load(model)
    record = next(api.extract_many([article], nlp))
    if show:
        print_summary(record)
    else:
        typer.echo(record.model_dump_json(indent=None if jsonl else 2))


def print_summary(record: DocumentRecord) -> None:
    console = Console()
    src = record.source
    console.print(
        f"[bold]{src.headline or record.doc_id}[/bold]  outlet={src.outlet} "
        f"section={src.section} published={src.published} ({src.published_basis})"
    )
    for warning in record.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}")
    claims = Table(title=f"{len(record.claims)} claims", show_lines=True)
    for column in ("kind", "source → canonical", "cue", "content", "date"):
        claims.add_column(column, overflow="fold")
    for claim in record.claims:
        claims.add_row(
            claim.kind,
            f"{claim.source.text} → {claim.source.canonical} ({claim.source.type})",
            claim.cue.text,
            claim.content.text,
            claim.statement_date or "",
        )
    console.print(claims)
    mentions = Table(title="quantities and dates")
    for column in ("text", "kind", "value", "detail"):
        mentions.add_column(column, overflow="fold")
    for q in record.quantities:
        value = q.value if q.value is not None else f"[{q.low}, {q.high}]"
        mentions.add_row(q.text, q.kind, str(value), f"{q.qualifier} {q.unit or ''}")
    for d in record.dates:
        mentions.add_row(d.text, d.kind, str(d.value), f"{d.qualifier} {d.granularity or ''}")
    console.print(mentions)
    names = sorted({(e.canonical, e.label) for e in record.entities})
    console.print(
        f"[bold]{len(names)} entities:[/bold] " + ", ".join(f"{n} ({lab})" for n, lab in names)
    )


@app.command()
def schema() -> None:
    """Print the JSON Schema of a claim record."""
    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


@app.command()
def assemble(
    output: Annotated[
        Path, typer.Argument(help="Where to write the pipeline.")
    ] = DEFAULT_MODEL_DIR,
    config: Annotated[Path, typer.Option(exists=True, dir_okay=False)] = PIPELINE_CONFIG,
    base_model: Annotated[
        str | None, typer.Option(help="Base English model package (default: installed one).")
    ] = None,
) -> None:
    """Assemble the pipeline from configs/ into a directory that spacy.load can read."""
    from .model import assemble as build

    nlp = build(config, base_model=base_model)
    output.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    typer.echo(f"assembled {', '.join(nlp.pipe_names)} -> {output}")


def main() -> None:
    app()
