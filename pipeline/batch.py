"""Batch runs: folders, JSONL files and streams of news articles into JSONL records.

The shape is spaCy's ``spacy apply``: walk the inputs, stream texts through
``nlp.pipe``, write as we go. Inputs are listed lazily as ``WorkItem``s (a file
to read, an article already parsed from a JSONL line, or an input error), cut
into chunks of ``batch_size``, and each chunk goes through ``process_chunk``:
the one function every engine runs, here, in a pool of processes, or on Dask
workers. It returns the chunk's record and error lines as JSON text, so no
``Doc`` outlives its memory zone, and engines hand chunks back in input order.

Records are appended to ``OUT.partial`` with a flush per line, so a killed run
leaves a usable file that ``--resume`` reads; a finished run fsyncs it and
renames it to ``OUT`` in one step.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from fnmatch import fnmatch
from itertools import islice
from pathlib import Path, PurePosixPath
from typing import IO, Annotated, Any, Literal, NamedTuple, Protocol

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.text import Text
from spacy.language import Language

from .api import make_doc
from .ingest import (
    MAX_INPUT_BYTES,
    InputError,
    RawArticle,
    article_from_bytes,
    parse_iso_date,
    read_article,
)
from .records import doc_to_record
from .schema import sha256_text

DEFAULT_GLOBS = ("*.txt", "*.jsonl")
# Error types beyond ingest's InputError kinds (unreadable, binary, empty, undecodable,
# too_large, bad_metadata).
BAD_JSONL = "bad_jsonl"
PROCESSING_ERROR = "processing_error"
TIMEOUT = "timeout"
PARTIAL_SUFFIX = ".partial"


class BatchUsageError(ValueError):
    """A run that cannot start (bad combination of options, missing optional dependency)."""


# --------------------------------------------------------------------------- work items


@dataclass(frozen=True)
class WorkItem:
    """One article to be: a path still to read, or an article or error found while listing."""

    path: str | None
    doc_id: str | None
    article: RawArticle | None = None
    error: tuple[str, str] | None = None  # (type, message)
    # For --resume: SHA-256 of texts with this doc_id that are already in the output.
    done_sha256: frozenset[str] = frozenset()


class Outcome(NamedTuple):
    kind: Literal["record", "error", "skipped"]
    line: str | None  # one JSON object, no newline; None when skipped


@dataclass(frozen=True)
class BatchConfig:
    """What every worker needs to know about the run (sent with each chunk, so keep it small)."""

    model: str | None = None
    batch_size: int = 32
    published: dt.date | None = None
    max_bytes: int = MAX_INPUT_BYTES
    timeout: float | None = None  # seconds one article may take; None: no limit


@dataclass
class BatchSummary:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0

    @property
    def articles_per_second(self) -> float:
        done = self.ok + self.failed
        return done / self.seconds if self.seconds > 0 else 0.0

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def error_line(path: str | None, doc_id: str | None, kind: str, message: str) -> str:
    """One line of the errors file, in the shape records.md fixes."""
    error = {"path": path, "doc_id": doc_id, "error": {"type": kind, "message": message}}
    return json.dumps(error, ensure_ascii=False)


def _is_url(path: str) -> bool:
    return "://" in path


def expand_input(path: str, globs: Sequence[str] = DEFAULT_GLOBS) -> Iterator[str]:
    """Files named by one input: itself, or a folder's matching files (recursive, sorted)."""
    if _is_url(path):
        import fsspec

        try:
            fs, root = fsspec.core.url_to_fs(path)
            found_files = sorted(fs.find(root)) if fs.isdir(root) else None
        except Exception:  # unknown protocol, backend not installed: reported when read
            found_files = None
        if found_files is None:
            yield path
        for found in found_files or ():
            if any(fnmatch(PurePosixPath(found).name, g) for g in globs):
                yield fs.unstrip_protocol(found)
        return
    folder = Path(path)
    if folder.is_dir():
        matches = {f for g in globs for f in folder.rglob(g) if f.is_file()}
        yield from sorted(str(f) for f in matches)
    else:
        yield path  # a missing file is reported as unreadable when it is read


def iter_work_items(
    inputs: Sequence[str],
    *,
    globs: Sequence[str] = DEFAULT_GLOBS,
    published: dt.date | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    stdin: IO[bytes] | None = None,
    stdin_format: Literal["text", "jsonl"] = "text",
    done: dict[str, frozenset[str]] | None = None,
) -> Iterator[WorkItem]:
    """Every article the inputs hold, in input order; files are read later, by the workers."""
    done = done or {}

    def with_done(item: WorkItem) -> WorkItem:
        shas = done.get(item.doc_id or "")
        return WorkItem(item.path, item.doc_id, item.article, item.error, shas) if shas else item

    for given in inputs:
        if given == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            if stdin_format == "jsonl":
                items = iter_jsonl_items(stream, None, published=published, max_bytes=max_bytes)
                yield from (with_done(item) for item in items)
            else:
                yield with_done(_stdin_article(stream, published, max_bytes))
            continue
        for path in expand_input(given, globs):
            if path.endswith(".jsonl"):
                try:
                    with _open_binary(path) as stream:
                        items = iter_jsonl_items(
                            stream, path, published=published, max_bytes=max_bytes
                        )
                        yield from (with_done(item) for item in items)
                except (OSError, ImportError, ValueError) as exc:  # fsspec's, for URLs
                    yield WorkItem(path, None, error=("unreadable", f"cannot read {path}: {exc}"))
            else:
                yield with_done(WorkItem(path, PurePosixPath(path).stem))


def _open_binary(path: str) -> contextlib.AbstractContextManager[IO[bytes]]:
    if _is_url(path):
        import fsspec

        return fsspec.open(path, "rb")  # type: ignore[no-any-return]
    return open(path, "rb")  # noqa: SIM115 (the caller's with-block closes it)


def _stdin_article(stream: IO[bytes], published: dt.date | None, max_bytes: int) -> WorkItem:
    data = stream.read(max_bytes + 1)
    try:
        if len(data) > max_bytes:
            raise InputError("too_large", f"standard input is over the limit of {max_bytes} bytes")
        return WorkItem(
            None, "stdin", article_from_bytes(data, doc_id="stdin", published=published)
        )
    except InputError as exc:
        return WorkItem(None, "stdin", error=(exc.kind, str(exc)))


def iter_jsonl_items(
    lines: Iterable[bytes],
    path: str | None,
    *,
    published: dt.date | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
) -> Iterator[WorkItem]:
    """One item per non-blank line: ``id``, ``text`` and optional ``published``, ``outlet``,
    ``headline``, ``url``. A bad line becomes an error item and the file goes on."""
    for lineno, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        doc_id: str | None = None
        try:
            if len(raw) > max_bytes:
                raise InputError("too_large", f"{len(raw)} bytes is over the limit of {max_bytes}")
            try:
                entry = json.loads(raw)
            except ValueError as exc:
                raise InputError(BAD_JSONL, f"not valid JSON: {exc}") from exc
            if not isinstance(entry, dict):
                raise InputError(BAD_JSONL, "a line must hold a JSON object")
            if isinstance(entry.get("id"), str | int) and not isinstance(entry["id"], bool):
                doc_id = str(entry["id"])
            yield WorkItem(path, doc_id, article=_article_from_entry(entry, doc_id, path,
                                                                     published))  # fmt: skip
        except InputError as exc:
            yield WorkItem(path, doc_id, error=(exc.kind, f"line {lineno}: {exc}"))


def _article_from_entry(
    entry: dict[str, Any], doc_id: str | None, path: str | None, published: dt.date | None
) -> RawArticle:
    if doc_id is None:
        raise InputError(BAD_JSONL, "no string or integer 'id' field")
    text = entry.get("text")
    if not isinstance(text, str):
        raise InputError(BAD_JSONL, "no string 'text' field")
    if not text.strip():
        raise InputError("empty", "the input holds no text")

    def optional_str(key: str) -> str | None:
        value = entry.get(key)
        return value if isinstance(value, str) and value else None

    return RawArticle(
        text=text,
        doc_id=doc_id,
        path=path,
        published=parse_iso_date(optional_str("published")) or published,
        outlet=optional_str("outlet"),
        headline=optional_str("headline"),
        url=optional_str("url"),
    )


def read_input(
    path: str, doc_id: str, *, published: dt.date | None = None, max_bytes: int = MAX_INPUT_BYTES
) -> RawArticle:
    """Read one text file, local or any URL fsspec knows (``s3://`` with s3fs installed)."""
    if not _is_url(path):
        return read_article(path, doc_id=doc_id, published=published, max_bytes=max_bytes)
    try:
        import fsspec

        fs, fs_path = fsspec.core.url_to_fs(path)
        size = fs.size(fs_path)
        if size is not None and size > max_bytes:
            raise InputError("too_large", f"{size} bytes is over the limit of {max_bytes}")
        data = fs.cat_file(fs_path)
    except InputError:
        raise
    except Exception as exc:  # fsspec backends raise their own types (and ImportError)
        raise InputError("unreadable", f"cannot read {path}: {exc}") from exc
    return article_from_bytes(data, doc_id=doc_id, path=path, published=published)


def chunked(items: Iterable[WorkItem], size: int) -> Iterator[list[WorkItem]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


# --------------------------------------------------------------------------- processing


def process_chunk(nlp: Language, items: Sequence[WorkItem], config: BatchConfig) -> list[Outcome]:
    """Records and error lines for a chunk of items, in their order; never raises for one bad
    article. The whole chunk is one ``nlp.pipe`` batch inside one memory zone."""
    outcomes: list[Outcome | None] = [None] * len(items)
    todo: list[tuple[int, RawArticle]] = []
    for i, item in enumerate(items):
        try:
            article = _load(item, config)
        except InputError as exc:
            outcomes[i] = Outcome("error", error_line(item.path, item.doc_id, exc.kind, str(exc)))
            continue
        if item.done_sha256 and sha256_text(article.text) in item.done_sha256:
            outcomes[i] = Outcome("skipped", None)
        else:
            todo.append((i, article))
    articles = [article for _, article in todo]
    processed = _process_articles(nlp, articles, config.timeout)
    for (i, _), outcome in zip(todo, processed, strict=True):
        outcomes[i] = outcome
    return [outcome for outcome in outcomes if outcome is not None]


def _load(item: WorkItem, config: BatchConfig) -> RawArticle:
    if item.error is not None:
        raise InputError(*item.error)
    if item.article is not None:
        return item.article
    assert item.path is not None and item.doc_id is not None
    return read_input(
        item.path, item.doc_id, published=config.published, max_bytes=config.max_bytes
    )


class ArticleTimeout(Exception):
    """Raised inside the pipeline when an article runs past its time limit."""


@contextlib.contextmanager
def _deadline(seconds: float | None) -> Iterator[None]:
    """Raise ``ArticleTimeout`` if the block runs longer than ``seconds``. A timer signal
    works only in a process's main thread (our worker processes, a single process); in
    threads (Dask workers) the limit is not applied."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if seconds is None or not usable:
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise ArticleTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _process_articles(
    nlp: Language, articles: list[RawArticle], timeout: float | None = None
) -> list[Outcome]:
    """One ``nlp.pipe`` batch; if an article breaks it or the batch runs past ``timeout``
    seconds per article, the articles are redone one by one to find the culprit."""
    if not articles:
        return []
    with nlp.memory_zone():
        try:
            with _deadline(timeout * len(articles) if timeout else None):
                docs = nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=len(articles))
                return [_record(doc, a) for doc, a in zip(docs, articles, strict=True)]
        except Exception:  # one article broke the batch or was too slow: redo one by one
            pass
    return [_process_one(nlp, article, timeout) for article in articles]


def _record(doc: Any, article: RawArticle) -> Outcome:
    try:
        return Outcome("record", doc_to_record(doc).model_dump_json())
    except Exception as exc:
        return _processing_error(article, exc)


def _process_one(nlp: Language, article: RawArticle, timeout: float | None = None) -> Outcome:
    with nlp.memory_zone():
        try:
            with _deadline(timeout):
                return _record(nlp(make_doc(nlp, article)), article)
        except ArticleTimeout:
            message = f"took longer than {timeout:g} s (--timeout)"
            return Outcome("error", error_line(article.path, article.doc_id, TIMEOUT, message))
        except Exception as exc:
            return _processing_error(article, exc)


def _processing_error(article: RawArticle, exc: Exception) -> Outcome:
    message = f"{type(exc).__name__}: {exc}"
    return Outcome("error", error_line(article.path, article.doc_id, PROCESSING_ERROR, message))


def warm_up(nlp: Language) -> None:
    """Run once outside any memory zone, so strings that components add lazily on their first
    call (matcher patterns, lexicons) are permanent and not freed with the first batch."""
    nlp("Warm-up: the minister said on Monday that 3 people had left.")


# Worker processes (pool or Dask) keep their model here, loaded on first use; keyed by thread
# too, because a Dask worker without processes runs its threads in one shared process and a
# Language is not safe to share between threads.
_WORKER_MODELS: dict[tuple[str | None, int], Language] = {}
_WORKER_MODELS_LOCK = threading.Lock()


def worker_model(model: str | None) -> Language:
    key = (model, threading.get_ident())
    with _WORKER_MODELS_LOCK:
        if key not in _WORKER_MODELS:
            from .model import load

            nlp = load(model)
            warm_up(nlp)
            _WORKER_MODELS[key] = nlp
        return _WORKER_MODELS[key]


def process_chunk_in_worker(items: list[WorkItem], config: BatchConfig) -> list[Outcome]:
    """The per-partition function for pool and Dask workers."""
    return process_chunk(worker_model(config.model), items, config)


# --------------------------------------------------------------------------- engines


class _Future(Protocol):
    def result(self) -> list[Outcome]: ...


def _in_order(
    submit: Callable[[list[WorkItem]], _Future], chunks: Iterable[list[WorkItem]], window: int
) -> Iterator[list[Outcome]]:
    """Keep ``window`` chunks in flight and hand results back in submission order, so memory
    stays bounded and the output order does not depend on which worker finishes first."""
    pending: deque[_Future] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def run_in_process(
    nlp: Language, chunks: Iterable[list[WorkItem]], config: BatchConfig
) -> Iterator[list[Outcome]]:
    warm_up(nlp)
    for chunk in chunks:
        yield process_chunk(nlp, chunk, config)


def run_in_pool(
    chunks: Iterable[list[WorkItem]], config: BatchConfig, workers: int
) -> Iterator[list[Outcome]]:
    """Our own process pool: one model per worker, chunks back in input order. Measured faster
    than ``nlp.pipe(n_process=...)`` here (benchmarks/README.md), and it keeps record building
    and error capture in the workers."""
    with ProcessPoolExecutor(workers, mp_context=_pool_context(config)) as pool:
        try:
            yield from _in_order(
                lambda chunk: pool.submit(process_chunk_in_worker, chunk, config),
                chunks,
                window=2 * workers,
            )
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _pool_context(config: BatchConfig) -> multiprocessing.context.BaseContext:
    """Fork from a parent that has loaded the model (workers start in milliseconds and share its
    pages), but only while this process has no other thread: a fork copies locks held by other
    threads (a progress bar's, say) and the child can hang on them. Spawn otherwise (~3 s more
    per worker, measured)."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        worker_model(config.model)  # inherited by the forked workers through _WORKER_MODELS
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def run_on_dask(
    chunks: Iterable[list[WorkItem]],
    config: BatchConfig,
    workers: int,
    scheduler: str | None = None,
    processes: bool = True,
) -> Iterator[list[Outcome]]:
    """The same per-chunk function on a Dask cluster: the one at ``scheduler``, else a local
    one with ``workers`` single-threaded workers. Workers need this package installed."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise BatchUsageError(
            "--engine dask needs dask[distributed]: pip install 'news-claims[dask]'"
        ) from exc
    with contextlib.ExitStack() as stack:
        if scheduler:
            client = stack.enter_context(Client(scheduler))
            window = 2 * max(1, len(client.scheduler_info().get("workers", {})))
        else:
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=processes,
                    dashboard_address=None,
                )
            )
            client = stack.enter_context(Client(cluster))
            window = 2 * workers
        yield from _in_order(
            lambda chunk: client.submit(process_chunk_in_worker, chunk, config, pure=False),
            chunks,
            window=window,
        )


# --------------------------------------------------------------------------- output


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):  # not every filesystem lets a directory be opened
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def prepare_resume(output: str | Path) -> dict[str, frozenset[str]]:
    """Gather the records already written (final file, then partial file) into a fresh partial
    file, dropping a truncated last line and duplicates; return the done (doc_id -> SHA-256s)."""
    output = Path(output)
    partial = Path(f"{output}{PARTIAL_SUFFIX}")
    scratch = Path(f"{partial}.tmp")
    done: dict[str, set[str]] = {}
    with scratch.open("wb") as out:
        for source in (output, partial):
            if not source.exists():
                continue
            with source.open("rb") as lines:
                for line in lines:
                    try:
                        record = json.loads(line)
                        doc_id, sha = record["doc_id"], record["text_sha256"]
                    except (ValueError, KeyError, TypeError):
                        continue  # a line cut short by the kill, or not a record
                    if sha in done.setdefault(doc_id, set()):
                        continue
                    done[doc_id].add(sha)
                    out.write(line.rstrip(b"\r\n") + b"\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(scratch, partial)
    return {doc_id: frozenset(shas) for doc_id, shas in done.items()}


@dataclass
class _LineFile:
    """A JSONL output written through ``<path>.partial`` and renamed into place when done."""

    path: Path
    append: bool = False
    stream: IO[str] = field(init=False)

    def __post_init__(self) -> None:
        self.partial = Path(f"{self.path}{PARTIAL_SUFFIX}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.stream = self.partial.open("a" if self.append else "w", encoding="utf-8")
        except OSError as exc:
            raise BatchUsageError(f"cannot write {self.path}: {exc.strerror or exc}") from exc

    def write(self, line: str) -> None:
        self.stream.write(line + "\n")
        self.stream.flush()  # a kill -9 loses at most the line being written

    def finish(self) -> None:
        self.stream.flush()
        os.fsync(self.stream.fileno())
        self.stream.close()
        os.replace(self.partial, self.path)
        _fsync_dir(self.path.parent)

    def abandon(self) -> None:
        self.stream.close()


class _Stream:
    """Standard output or error as a line sink."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, line: str) -> None:
        self.stream.write(line + "\n")
        self.stream.flush()

    def finish(self) -> None:
        self.stream.flush()

    def abandon(self) -> None:
        self.stream.flush()


def _sink(target: str, stream: IO[str], append: bool = False) -> _LineFile | _Stream:
    return _Stream(stream) if target == "-" else _LineFile(Path(target), append=append)


# --------------------------------------------------------------------------- the run


def run_batch(
    inputs: Sequence[str],
    output: str,
    *,
    errors: str | None = None,
    nlp: Language | None = None,
    config: BatchConfig | None = None,
    globs: Sequence[str] = DEFAULT_GLOBS,
    stdin_format: Literal["text", "jsonl"] = "text",
    workers: int = 1,
    engine: Literal["local", "dask"] = "local",
    scheduler: str | None = None,
    dask_processes: bool = True,
    resume: bool = False,
    stdin: IO[bytes] | None = None,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> BatchSummary:
    """Process ``inputs`` into JSONL records at ``output`` ("-" for stdout) and error lines at
    ``errors`` (stderr when None). ``nlp`` is used for a single-process local run; workers
    load ``config.model`` themselves."""
    config = config or BatchConfig()
    if not inputs:
        raise BatchUsageError("no inputs given")
    if resume and output == "-":
        raise BatchUsageError("--resume needs an output file, not stdout")
    if engine not in ("local", "dask"):
        raise BatchUsageError(f"unknown engine {engine!r}")
    if scheduler and engine != "dask":
        raise BatchUsageError("--scheduler only applies with --engine dask")
    if workers < 1 or config.batch_size < 1:
        raise BatchUsageError("--workers and --batch-size must be at least 1")

    done = prepare_resume(output) if resume else None
    items = iter_work_items(
        inputs,
        globs=globs,
        published=config.published,
        max_bytes=config.max_bytes,
        stdin=stdin,
        stdin_format=stdin_format,
        done=done,
    )
    chunks = chunked(items, config.batch_size)
    if engine == "dask":
        results = run_on_dask(chunks, config, workers, scheduler, processes=dask_processes)
    elif workers > 1:
        results = run_in_pool(chunks, config, workers)
    else:
        if nlp is None:
            from .model import load

            nlp = load(config.model)
        results = run_in_process(nlp, chunks, config)

    summary = BatchSummary()
    started = time.perf_counter()
    records = _sink(output, stdout or sys.stdout, append=resume)
    error_sink = _sink(errors or "-", stderr or sys.stderr)
    try:
        for outcomes in results:
            for outcome in outcomes:
                if outcome.kind == "record":
                    records.write(outcome.line or "")
                    summary.ok += 1
                elif outcome.kind == "error":
                    error_sink.write(outcome.line or "")
                    summary.failed += 1
                else:
                    summary.skipped += 1
                if on_outcome is not None:
                    on_outcome(outcome)
    except BaseException:
        records.abandon()
        error_sink.abandon()
        raise
    finally:
        summary.seconds = time.perf_counter() - started
    records.finish()
    error_sink.finish()
    return summary


def count_articles(inputs: Sequence[str], globs: Sequence[str] = DEFAULT_GLOBS) -> int | None:
    """How many articles the inputs hold, for the progress bar; None when it cannot be known
    cheaply (standard input, remote files)."""
    if any(given == "-" or _is_url(given) for given in inputs):
        return None
    total = 0
    for given in inputs:
        for path in expand_input(given, globs):
            if not path.endswith(".jsonl"):
                total += 1
                continue
            with contextlib.suppress(OSError), open(path, "rb") as lines:
                total += sum(1 for line in lines if line.strip())
    return total


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "", style="progress.data.speed")


def progress_bar(console: Console) -> Progress:
    """Articles done, rate and ETA; disabled when stderr is not a terminal."""
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        _RateColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=not console.is_terminal,
    )


# --------------------------------------------------------------------------- CLI


def batch_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (searched recursively), .jsonl files or - for standard input.",
            show_default=False,
        ),
    ],
    output: Annotated[
        str, typer.Option("--output", "-o", help="Output JSONL file, or - for standard output.")
    ],
    errors: Annotated[
        str | None,
        typer.Option(help="JSONL file for inputs that failed (default: standard error)."),
    ] = None,
    glob: Annotated[
        list[str] | None,
        typer.Option(help="File pattern inside folders; repeatable. [default: *.txt, *.jsonl]"),
    ] = None,
    stdin_format: Annotated[
        str, typer.Option(help="What - holds: one article's text, or JSONL.")
    ] = "text",
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs without one.")
    ] = None,
    model: Annotated[
        Path | None, typer.Option(help="An assembled pipeline directory (default: models/).")
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per nlp.pipe batch.")] = 32,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    engine: Annotated[str, typer.Option(help="local or dask.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (default: a local cluster).")
    ] = None,
    max_bytes: Annotated[
        int,
        typer.Option(min=1, help="Inputs larger than this many bytes are refused (an error line)."),
    ] = MAX_INPUT_BYTES,
    resume: Annotated[
        bool, typer.Option("--resume", help="Skip articles already in the output.")
    ] = False,
    timeout: Annotated[
        float | None,
        typer.Option(
            min=0.1,
            help="Seconds one article may take; a slower one is an error line (local engine).",
        ),
    ] = None,
) -> None:
    """Process many articles into JSONL claim records, one per line, in input order."""
    console = Console(stderr=True)
    if stdin_format not in ("text", "jsonl"):
        raise typer.BadParameter("must be text or jsonl", param_hint="--stdin-format")
    if engine not in ("local", "dask"):
        raise typer.BadParameter("must be local or dask", param_hint="--engine")
    try:
        published_date = parse_iso_date(published)
    except InputError as exc:
        raise typer.BadParameter(str(exc), param_hint="--published") from exc
    config = BatchConfig(
        model=str(model) if model else None,
        batch_size=batch_size,
        published=published_date,
        max_bytes=max_bytes,
        timeout=timeout,
    )
    globs = tuple(glob) if glob else DEFAULT_GLOBS
    progress = progress_bar(console)
    task = progress.add_task("articles", total=count_articles(inputs, globs)
                             if console.is_terminal else None)  # fmt: skip

    def advance(_: Outcome) -> None:
        # Started on the first article, so worker processes are forked before its thread runs.
        if not progress.live.is_started:
            progress.start()
        progress.advance(task)

    try:
        summary = run_batch(
            inputs,
            output,
            errors=errors,
            config=config,
            globs=globs,
            stdin_format=stdin_format,  # type: ignore[arg-type]
            workers=workers,
            engine=engine,  # type: ignore[arg-type]
            scheduler=scheduler,
            resume=resume,
            on_outcome=advance,
        )
    except BatchUsageError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    except KeyboardInterrupt as exc:
        console.print("interrupted: rerun with --resume to carry on")
        raise typer.Exit(130) from exc
    finally:
        progress.stop()
    console.print(
        f"{summary.ok} ok, {summary.failed} failed, {summary.skipped} skipped "
        f"in {summary.seconds:.1f} s ({summary.articles_per_second:.1f} articles/s)"
    )
    raise typer.Exit(summary.exit_code)
