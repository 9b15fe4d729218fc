"""Ingest: decode news files, find boilerplate and headings, read metadata.

Nothing here changes the text: boilerplate is recorded as character ranges so
that every later offset still points into the decoded input. Decoding happens
before spaCy (``decode_bytes``, ``read_article``); the text analysis runs as the
first pipeline component (``claims_ingest``) so that ``nlp(text)`` alone gives
the same result as the batch path. The component also marks sentence starts at
line breaks, before the parser runs, so a headline or an "ADVERTISEMENT" line
never fuses with the prose around it.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import ArticleMeta, article_of, register_extensions
from .lexicon import LexiconComponent

# About 80,000 words, far beyond any news article. Longer inputs are refused with a clear
# error rather than parsed: spaCy's memory and time grow with length (a 924 kB text took 585 s
# and 3.3 GB RSS on the reference machine), and one such file would stall a whole batch.
MAX_INPUT_BYTES = 500_000


class InputError(ValueError):
    """An input that cannot become an article; ``kind`` names the problem for error files."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


# --------------------------------------------------------------------------- decoding


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Decode an article's bytes: UTF-8 (BOM dropped), UTF-16 with BOM, else cp1252/latin-1.

    Returns the text and warnings; CRLF is kept, since offsets index the decoded text.
    """
    warnings: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), warnings
        except UnicodeDecodeError as exc:
            raise InputError("undecodable", f"invalid UTF-16 text: {exc}") from exc
    if b"\x00" in data[:4096]:
        raise InputError("binary", "looks like a binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError as exc:
        first_error = exc
    try:
        text = data.decode("cp1252")
        warnings.append(
            f"not valid UTF-8 (byte 0x{data[first_error.start]:02x} at {first_error.start}); "
            "decoded as cp1252"
        )
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        warnings.append("not valid UTF-8 or cp1252; decoded as latin-1")
    if _looks_binary(text):
        raise InputError("binary", "looks like a binary file, not text")
    return text, warnings


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t\f")
    return control / len(sample) > 0.05


@dataclass
class RawArticle:
    """An article ready for the pipeline: decoded text plus what the input said about it."""

    text: str
    doc_id: str
    path: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    headline: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = ()

    def meta(self) -> ArticleMeta:
        return ArticleMeta(
            doc_id=self.doc_id,
            path=self.path,
            outlet=self.outlet,
            headline=self.headline,
            published=self.published,
            published_basis="input" if self.published else None,
            warnings=list(self.warnings),
        )


def read_article(
    path: str | Path,
    *,
    doc_id: str | None = None,
    published: dt.date | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
) -> RawArticle:
    """Read one news file; raise ``InputError`` with a clear message when it cannot be used."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError("too_large", f"{size} bytes is over the limit of {max_bytes}")
        data = path.read_bytes()
    except InputError:
        raise
    except OSError as exc:
        raise InputError("unreadable", f"cannot read {path}: {exc.strerror or exc}") from exc
    return article_from_bytes(data, doc_id=doc_id or path.stem, path=str(path), published=published)


def article_from_bytes(
    data: bytes,
    *,
    doc_id: str,
    path: str | None = None,
    published: dt.date | None = None,
) -> RawArticle:
    text, warnings = decode_bytes(data)
    if not text.strip():
        raise InputError("empty", "the input holds no text")
    return RawArticle(
        text=text, doc_id=doc_id, path=path, published=published, warnings=tuple(warnings)
    )


def parse_iso_date(value: str | None) -> dt.date | None:
    """A YYYY-MM-DD string (or a longer ISO timestamp) as a date; None for empty."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InputError("bad_metadata", f"published {value!r} is not a YYYY-MM-DD date") from exc


# --------------------------------------------------------------------------- text analysis

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_NAME = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_EXPLICIT_DATES = [
    re.compile(
        rf"\b(?P<mon>{_MONTH_NAME})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b"
    ),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<mon>{_MONTH_NAME})\s+(?P<year>\d{{4}})\b"),
    re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b"),
]


@dataclass
class Line:
    start: int
    end: int  # exclusive, without the line break
    text: str  # stripped

    @property
    def blank(self) -> bool:
        return not self.text


def iter_lines(text: str) -> Iterator[Line]:
    """Lines with their offsets; ``\\r\\n`` and ``\\n`` both end a line."""
    pos = 0
    for raw in text.split("\n"):
        body = raw[:-1] if raw.endswith("\r") else raw
        lead = len(body) - len(body.lstrip())
        stripped = body.strip()
        yield Line(pos + lead, pos + lead + len(stripped), stripped)
        pos += len(raw) + 1


class ArticleAnalyser:
    """Finds boilerplate, headings and metadata in an article's text using the ingest lexicon."""

    def __init__(self, lexicon: dict[str, Any]) -> None:
        flags = re.IGNORECASE
        self.boilerplate_lines = [re.compile(p, flags) for p in lexicon["boilerplate_lines"]]
        self.dateline = re.compile(lexicon["dateline_prefix"])
        self.copyright = re.compile(lexicon["copyright_outlet"], flags)
        self.published_line = re.compile(lexicon["published_line"], flags)
        self.outlet_names: dict[str, str] = lexicon["outlet_names"]
        self.sections = {s.lower() for s in lexicon["sections"]}
        self.max_headline_words = int(lexicon["max_headline_words"])

    def analyse(self, text: str, meta: ArticleMeta) -> ArticleMeta:
        lines = [line for line in iter_lines(text) if not line.blank]
        outlets: list[str] = []
        dateline_date: str | None = None
        copyright_year: int | None = None
        published_line: str | None = None
        seen_prose = False
        for line in lines:
            match = self._boilerplate_match(line.text)
            if match is not None:
                meta.boilerplate.append((line.start, line.end))
                if match.groupdict().get("outlet"):
                    outlets.append(match.group("outlet"))
                copy = self.copyright.match(line.text)
                if copy:
                    if copy.group("outlet"):
                        outlets.append(copy.group("outlet").strip())
                    if copy.group("year"):
                        copyright_year = int(copy.group("year"))
                pub = self.published_line.match(line.text)
                if pub:
                    published_line = pub.group("date")
                continue
            if not seen_prose and line.text.lower().rstrip(":") in self.sections:
                meta.headings.append((line.start, line.end))
                if meta.section is None:
                    meta.section = line.text.rstrip(":")
                continue
            dateline = self._dateline(line.text)
            if dateline is not None:
                meta.boilerplate.append((line.start, line.start + dateline.end()))
                if dateline.group("outlet"):
                    outlets.append(dateline.group("outlet"))
                dateline_date = dateline_date or dateline.group("date")
                seen_prose = True
                continue
            if self._is_heading(line.text, seen_prose):
                meta.headings.append((line.start, line.end))
                if not seen_prose and meta.headline is None:
                    meta.headline = line.text
                continue
            seen_prose = True
        if meta.outlet is None and outlets:
            meta.outlet = self._outlet_name(outlets[0])
        if meta.published is None:
            published = self._infer_published(
                text, meta, published_line, dateline_date, copyright_year
            )
            if published is not None:
                meta.published, meta.published_basis = published, "inferred"
        return meta

    def _boilerplate_match(self, line: str) -> re.Match[str] | None:
        for pattern in self.boilerplate_lines:
            match = pattern.match(line)
            if match:
                return match
        return None

    def _dateline(self, line: str) -> re.Match[str] | None:
        match = self.dateline.match(line)
        if match is None or match.end() >= len(line):
            return None
        place = match.group("place") or ""
        # A dateline names an outlet, or opens with a place in capitals ("NAIROBI, Kenya —").
        if match.group("outlet") or (place and place.split(",")[0].strip().isupper()):
            return match
        return None

    def _is_heading(self, line: str, seen_prose: bool) -> bool:
        words = line.split()
        if len(words) > self.max_headline_words:
            return False
        if line.endswith("?"):
            return True  # question subheadings ("What happens next?")
        if line[-1] in ".!:;,\"”’'":
            return False
        return not seen_prose or len(words) <= 12

    def _outlet_name(self, raw: str) -> str:
        raw = raw.strip().rstrip(".")
        return self.outlet_names.get(raw, raw)

    def _infer_published(
        self,
        text: str,
        meta: ArticleMeta,
        published_line: str | None,
        dateline_date: str | None,
        copyright_year: int | None,
    ) -> dt.date | None:
        if published_line:
            found = list(explicit_dates(published_line, copyright_year))
            if found:
                return found[0]
        if dateline_date:
            found = list(explicit_dates(dateline_date, copyright_year))
            if found:
                return found[0]
        body = [
            d
            for d in explicit_dates(text, copyright_year, skip=meta.boilerplate)
            if copyright_year is None or d.year <= copyright_year
        ]
        return max(body) if body else None


def explicit_dates(
    text: str, default_year: int | None, skip: list[tuple[int, int]] | None = None
) -> Iterator[dt.date]:
    """Calendar dates written out in ``text`` ("March 3, 2024", "Nov. 4", "2024-03-03")."""
    for pattern in _EXPLICIT_DATES:
        for match in pattern.finditer(text):
            if skip and any(s <= match.start() < e for s, e in skip):
                continue
            mon = match.group("mon")
            month = int(mon) if mon.isdigit() else MONTHS.get(mon[:4].rstrip(".").lower())
            if month is None:
                month = MONTHS.get(mon[:3].lower())
            year = int(match.group("year")) if match.group("year") else default_year
            if not month or not year:
                continue
            try:
                yield dt.date(year, month, int(match.group("day")))
            except ValueError:
                continue


# --------------------------------------------------------------------------- component


class IngestStage(LexiconComponent):
    """First component: fills ``doc._.article`` and marks sentence starts at line breaks."""

    lexicon_file = "boilerplate.json"

    def set_lexicon(self, lexicon: dict[str, Any]) -> None:
        super().set_lexicon(lexicon)
        self.analyser = ArticleAnalyser(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_lexicon()
        meta = article_of(doc)
        self.analyser.analyse(doc.text, meta)
        mark_line_sentence_starts(doc, meta)
        return doc


def mark_line_sentence_starts(doc: Doc, meta: ArticleMeta) -> None:
    """Start a sentence after every paragraph break and around heading/boilerplate lines.

    The parser keeps sentence starts set before it, so structure that the text
    shows by layout is not left to the statistical model.
    """
    fenced = sorted(meta.boilerplate + meta.headings)
    starts = {s for s, _ in fenced}
    ends = {e for _, e in fenced}
    for i, token in enumerate(doc):
        if i == 0:
            continue
        previous = doc[i - 1]
        if token.is_space:
            continue
        if previous.is_space and "\n" in previous.text:
            before = doc.text[: previous.idx].rstrip()
            paragraph_break = previous.text.count("\n") >= 2
            line_end = bool(before) and before[-1] in ".!?\"”’'):"
            if paragraph_break or line_end or token.idx in starts or len(before) in ends:
                token.is_sent_start = True
        elif token.idx in starts or any(token.idx == e for e in ends):
            token.is_sent_start = True


@Language.factory("claims_ingest")
def make_ingest_component(nlp: Language, name: str) -> IngestStage:
    register_extensions()
    return IngestStage(nlp, name)
