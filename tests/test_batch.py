"""Batch runs: inputs of every kind, nothing lost, order kept, resumable, same on Dask."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from typer.testing import CliRunner

from pipeline.batch import BatchConfig, iter_jsonl_items, run_batch
from pipeline.cli import app

runner = CliRunner()

ARTICLES = {
    "bridge": "The mayor of Eastford said on Monday that the old bridge would reopen in May.",
    "power": "Officials in Lakeside estimated that about 200 homes had lost power overnight.",
    "strike": "The union said 40 workers at the Marlow plant had joined the strike.",
    "budget": "Councillors approved a budget of $3 million, the town clerk said.",
    "library": "The new library will open next week, according to the county.",
    "ferry": "Ferry crossings to Gull Island were cancelled on Friday because of high winds.",
}


def write_articles(folder: Path, names: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        path = folder / f"{name}.txt"
        path.write_text(ARTICLES[name] + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def cli_uses_session_model(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process CLI runs reuse the session pipeline instead of loading their own."""
    monkeypatch.setattr("pipeline.model.load", lambda model=None: nlp)


def test_folder_jsonl_and_stdin_inputs(tmp_path: Path, cli_uses_session_model: None) -> None:
    write_articles(tmp_path / "news" / "local", ["bridge"])
    write_articles(tmp_path / "news", ["power"])
    (tmp_path / "news" / "notes.md").write_text("Not an article.", encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    line = {"id": "w-17", "text": ARTICLES["strike"], "published": "2024-03-01",
            "outlet": "Marlow Gazette", "headline": "Plant strike grows"}  # fmt: skip
    feed.write_text(json.dumps(line) + "\n\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"

    result = runner.invoke(
        app,
        [
            "batch",
            str(tmp_path / "news"),
            str(feed),
            "-",
            "-o",
            str(out),
            "--published",
            "2024-06-10",
        ],  # fmt: skip
        input=ARTICLES["ferry"].encode(),
    )

    assert result.exit_code == 0, result.output
    records = read_jsonl(out)
    assert [r["doc_id"] for r in records] == ["bridge", "power", "w-17", "stdin"]
    assert [r["source"]["path"] for r in records] == [
        str(tmp_path / "news" / "local" / "bridge.txt"),
        str(tmp_path / "news" / "power.txt"),
        str(feed),
        None,
    ]
    assert [r["source"]["published"] for r in records] == [
        "2024-06-10", "2024-06-10", "2024-03-01", "2024-06-10"
    ]  # fmt: skip
    assert records[2]["source"]["outlet"] == "Marlow Gazette"
    assert records[2]["source"]["headline"] == "Plant strike grows"
    assert "4 ok, 0 failed, 0 skipped" in result.stderr
    assert not Path(f"{out}.partial").exists()


def test_jsonl_from_stdin_to_stdout(cli_uses_session_model: None) -> None:
    lines = [{"id": 1, "text": ARTICLES["budget"]}, {"id": 2, "text": ARTICLES["library"]}]
    stdin = "".join(json.dumps(line) + "\n" for line in lines)

    result = runner.invoke(app, ["batch", "-", "--stdin-format", "jsonl", "-o", "-"], input=stdin)

    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["doc_id"], r["source"]["path"]) for r in records] == [("1", None), ("2", None)]


def test_each_bad_input_gives_one_error_line_and_the_batch_goes_on(
    tmp_path: Path, cli_uses_session_model: None
) -> None:
    news = tmp_path / "news"
    write_articles(news, ["bridge", "power"])
    (news / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 20)
    (news / "blank.txt").write_text("  \n\n", encoding="utf-8")
    (news / "broken_utf16.txt").write_bytes(b"\xff\xfe" + "Tide".encode("utf-16-le") + b"\x00")
    (news / "huge.txt").write_text("Word " * 300, encoding="utf-8")
    (news / "feed.jsonl").write_text(
        json.dumps({"id": "ok-1", "text": ARTICLES["strike"]}) + "\n"
        + '{"id": "cut", "text": "The council\n'
        + json.dumps({"id": "late", "text": ARTICLES["budget"], "published": "last May"}) + "\n"
        + json.dumps({"text": ARTICLES["library"]}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"

    result = runner.invoke(
        app,
        ["batch", str(news), "-o", str(out), "--errors", str(errors), "--max-bytes", "1000"],
    )

    assert result.exit_code == 1
    assert [r["doc_id"] for r in read_jsonl(out)] == ["bridge", "ok-1", "power"]
    bad = {(e["path"], e["doc_id"], e["error"]["type"]) for e in read_jsonl(errors)}
    feed = str(news / "feed.jsonl")
    assert bad == {
        (str(news / "binary.txt"), "binary", "binary"),
        (str(news / "blank.txt"), "blank", "empty"),
        (str(news / "broken_utf16.txt"), "broken_utf16", "undecodable"),
        (str(news / "huge.txt"), "huge", "too_large"),
        (feed, None, "bad_jsonl"),
        (feed, "late", "bad_metadata"),
        (feed, None, "bad_jsonl"),
    }
    assert all(set(e) == {"path", "doc_id", "error"} for e in read_jsonl(errors))
    assert all(set(e["error"]) == {"type", "message"} for e in read_jsonl(errors))
    assert "3 ok, 7 failed" in result.stderr


@Language.component("test_batch_fails_on_boom")
def _fails_on_boom(doc: Doc) -> Doc:
    if "BOOM" in doc.text:
        raise RuntimeError("component gave up")
    return doc


def three_article_feed(tmp_path: Path, middle: str) -> tuple[Path, Path, Path]:
    """A JSONL feed of a calm article, ``middle`` and another calm one; output and errors paths."""
    feed = tmp_path / "feed.jsonl"
    texts = {"a": "Calm day.", "b": middle, "c": "Calm again."}
    feed.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in texts.items()))
    return feed, tmp_path / "out.jsonl", tmp_path / "errors.jsonl"


def test_an_exception_in_the_pipeline_becomes_an_error_line(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("test_batch_fails_on_boom")
    feed, out, errors = three_article_feed(tmp_path, "BOOM went the test.")

    summary = run_batch([str(feed)], str(out), errors=str(errors), nlp=nlp)

    assert (summary.ok, summary.failed, summary.exit_code) == (2, 1, 1)
    assert [r["doc_id"] for r in read_jsonl(out)] == ["a", "c"]
    assert read_jsonl(errors) == [
        {"path": str(feed), "doc_id": "b",
         "error": {"type": "processing_error", "message": "RuntimeError: component gave up"}}
    ]  # fmt: skip


@Language.component("test_batch_stalls_on_slow")
def _stalls_on_slow(doc: Doc) -> Doc:
    if "SLOW" in doc.text:
        time.sleep(3)
    return doc


def test_an_article_past_the_timeout_becomes_an_error_line_and_the_batch_goes_on(
    tmp_path: Path,
) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("test_batch_stalls_on_slow")
    feed, out, errors = three_article_feed(tmp_path, "A SLOW one.")

    started = time.monotonic()
    summary = run_batch(
        [str(feed)], str(out), errors=str(errors), nlp=nlp, config=BatchConfig(timeout=0.5)
    )

    assert time.monotonic() - started < 2.5  # the slow article was cut short, twice at most
    assert (summary.ok, summary.failed, summary.exit_code) == (2, 1, 1)
    assert [r["doc_id"] for r in read_jsonl(out)] == ["a", "c"]
    assert [(e["doc_id"], e["error"]["type"]) for e in read_jsonl(errors)] == [("b", "timeout")]


def test_jsonl_line_fields_become_the_article() -> None:
    line = json.dumps({"id": "n1", "text": "Rain fell.", "published": "2024-05-02T08:00:00Z",
                       "outlet": "Daily Tide", "url": "https://example.org/n1"})  # fmt: skip
    (item,) = iter_jsonl_items([line.encode()], "feed.jsonl")
    assert item.article is not None
    article = item.article
    assert (article.doc_id, article.text, str(article.published), article.outlet, article.url) == (
        "n1", "Rain fell.", "2024-05-02", "Daily Tide", "https://example.org/n1"
    )  # fmt: skip


def test_urls_are_read_through_fsspec(nlp: Language, tmp_path: Path) -> None:
    import fsspec

    fs = fsspec.filesystem("memory")
    fs.pipe("/batch-test/in/bridge.txt", ARTICLES["bridge"].encode())
    fs.pipe("/batch-test/in/deep/power.txt", ARTICLES["power"].encode())
    fs.pipe(
        "/batch-test/in/feed.jsonl", json.dumps({"id": "s1", "text": ARTICLES["strike"]}).encode()
    )
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"

    summary = run_batch(["memory://batch-test/in", "nosuchfs://x/y.txt"], str(out),
                        errors=str(errors), nlp=nlp)  # fmt: skip

    records = read_jsonl(out)
    assert [(r["doc_id"], r["source"]["path"]) for r in records] == [
        ("bridge", "memory:///batch-test/in/bridge.txt"),
        ("power", "memory:///batch-test/in/deep/power.txt"),
        ("s1", "memory:///batch-test/in/feed.jsonl"),
    ]
    assert [(e["path"], e["error"]["type"]) for e in read_jsonl(errors)] == [
        ("nosuchfs://x/y.txt", "unreadable")
    ]
    assert summary.exit_code == 1


def test_two_workers_give_the_same_output_in_the_same_order(nlp: Language, tmp_path: Path) -> None:
    write_articles(tmp_path / "news", list(ARTICLES))
    (tmp_path / "news" / "blank.txt").write_text("", encoding="utf-8")
    config = BatchConfig(batch_size=1)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    one_err, two_err = tmp_path / "one.err", tmp_path / "two.err"

    run_batch([str(tmp_path / "news")], str(one), errors=str(one_err), nlp=nlp, config=config)
    run_batch([str(tmp_path / "news")], str(two), errors=str(two_err), config=config, workers=2)

    assert len(read_jsonl(one)) == len(ARTICLES)
    assert two.read_text() == one.read_text()
    assert two_err.read_text() == one_err.read_text()


def test_resume_skips_done_articles_and_redoes_a_cut_line(nlp: Language, tmp_path: Path) -> None:
    news = tmp_path / "news"
    write_articles(news, ["bridge", "power", "strike"])
    out = tmp_path / "out.jsonl"
    run_batch([str(news)], str(out), nlp=nlp)
    done = out.read_text().splitlines()
    # An interrupted second run: one record written, the next cut short by the kill.
    out.write_text(done[0] + "\n")
    Path(f"{out}.partial").write_text(done[1] + "\n" + done[2][:40])
    write_articles(news, ["budget"])

    summary = run_batch([str(news)], str(out), nlp=nlp, resume=True)

    assert (summary.ok, summary.skipped, summary.failed) == (2, 2, 0)
    records = read_jsonl(out)
    assert sorted(r["doc_id"] for r in records) == ["bridge", "budget", "power", "strike"]
    assert set(out.read_text().splitlines()[:3]) >= {done[0], done[1]}


def test_usage_errors_exit_with_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["batch", "-o", str(tmp_path / "o.jsonl")]).exit_code == 2
    assert runner.invoke(app, ["batch", str(tmp_path)]).exit_code == 2
    assert runner.invoke(app, ["batch", "-", "-o", "-", "--resume"], input="x").exit_code == 2
    result = runner.invoke(app, ["batch", str(tmp_path), "-o", "-", "--workers", "0"])
    assert result.exit_code == 2


@pytest.mark.slow
def test_dask_local_cluster_gives_the_single_process_output(nlp: Language, tmp_path: Path) -> None:
    write_articles(tmp_path / "news", list(ARTICLES))
    config = BatchConfig(batch_size=2)
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"

    run_batch([str(tmp_path / "news")], str(local), nlp=nlp, config=config)
    summary = run_batch([str(tmp_path / "news")], str(dask), config=config, engine="dask",
                        workers=2, dask_processes=False)  # fmt: skip

    assert summary.ok == len(ARTICLES)
    assert dask.read_text() == local.read_text()


@pytest.mark.slow
def test_a_killed_run_resumes_without_losing_or_repeating_articles(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    for i in range(30):
        name = list(ARTICLES)[i % len(ARTICLES)]
        (news / f"a{i:02d}.txt").write_text(f"Item {i}. {ARTICLES[name]}\n", encoding="utf-8")
    claims = [sys.executable, "-m", "pipeline", "batch", str(news), "--batch-size", "1"]
    whole, resumed = tmp_path / "whole.jsonl", tmp_path / "resumed.jsonl"
    partial = Path(f"{resumed}.partial")

    victim = subprocess.Popen([*claims, "-o", str(resumed)], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 50
    while time.monotonic() < deadline and victim.poll() is None:
        if partial.exists() and partial.read_bytes().count(b"\n") >= 3:
            break
        time.sleep(0.05)
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait()
    assert not resumed.exists(), "the run finished before it could be killed"
    subprocess.run([*claims, "-o", str(resumed), "--resume"], check=True, capture_output=True)
    subprocess.run([*claims, "-o", str(whole)], check=True, capture_output=True)

    resumed_lines = resumed.read_text().splitlines()
    assert len(resumed_lines) == 30
    assert sorted(resumed_lines) == sorted(whole.read_text().splitlines())


def test_output_folders_are_created_and_unwritable_output_is_a_usage_error(
    tmp_path: Path, cli_uses_session_model: None
) -> None:
    write_articles(tmp_path / "news", ["bridge"])
    out = tmp_path / "new" / "deeper" / "out.jsonl"
    result = runner.invoke(app, ["batch", str(tmp_path / "news"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert [r["doc_id"] for r in read_jsonl(out)] == ["bridge"]

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    result = runner.invoke(app, ["batch", str(tmp_path / "news"), "-o", str(blocked / "o.jsonl")])
    assert result.exit_code == 2
    assert "cannot write" in result.output
