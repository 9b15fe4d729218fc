"""The `claims` command line, through typer's test runner."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.schema import json_schema, validate_record

runner = CliRunner()

ARTICLE = (
    "Politics\n\n"
    "Port Council Backs Ferry Plan\n\n"
    "Councillor Mira Sandoval said on Tuesday that the ferry would carry 400 passengers.\n"
)


def test_extract_prints_one_valid_record_with_checked_offsets(tmp_path, nlp):
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--published", "2025-05-08"])
    assert result.exit_code == 0, result.output
    record = validate_record(json.loads(result.stdout), text=ARTICLE)
    assert record.doc_id == "ferry"
    assert record.source.headline == "Port Council Backs Ferry Plan"
    assert record.source.section == "Politics"
    assert (record.source.published, record.source.published_basis) == ("2025-05-08", "input")
    assert any(e.text == "Mira Sandoval" and e.label == "PERSON" for e in record.entities)


def test_extract_jsonl_is_one_line_and_reads_stdin(nlp):
    result = runner.invoke(app, ["extract", "-", "--jsonl", "--doc-id", "piped"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["doc_id"] == "piped"


def test_extract_show_prints_a_readable_summary(tmp_path, nlp):
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--show"])
    assert result.exit_code == 0, result.output
    assert "Port Council Backs Ferry Plan" in result.stdout
    assert "Mira Sandoval" in result.stdout


def test_extract_bad_file_is_a_clear_error_not_a_traceback(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    assert "empty" in result.output
    assert "Traceback" not in result.output


def test_extract_rejects_a_malformed_date_as_usage_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Text.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--published", "yesterday"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_schema_prints_the_models_json_schema():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json_schema()


def test_assemble_writes_a_pipeline_that_spacy_loads(tmp_path):
    import spacy

    out = tmp_path / "claims_pipeline"
    result = runner.invoke(app, ["assemble", str(out)])
    assert result.exit_code == 0, result.output
    nlp = spacy.load(out)
    assert nlp.pipe_names[0] == "claims_ingest"
    assert "claims_attribution" in nlp.pipe_names
    doc = nlp("ADVERTISEMENT\n\nThe mayor of Lisbon said rents rose.")
    assert doc._.article.boilerplate == [(0, 13)]
