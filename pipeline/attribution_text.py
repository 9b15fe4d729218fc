"""Quote-aware text structure for the attribution stage.

The small model splits sentences badly around quotations and abbreviations
("Nov. 4", "“A,” | he said"), and a quotation may run over several sentences
or paragraphs. Claims are therefore found on *units*: the model's sentences,
kept inside one paragraph (a line of the input) and merged where the split
falls inside a quotation, after an abbreviation, or before a lower-case word.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span


@dataclass(frozen=True)
class Quote:
    """A quotation: ``start`` is its opening mark, ``end`` is just past its closing mark."""

    start: int
    end: int
    closed: bool


@dataclass
class Unit:
    """A corrected sentence (or several, joined by one quotation) inside one paragraph."""

    start: int
    end: int
    paragraph: int
    span: Span


@dataclass(frozen=True)
class QuoteMarks:
    opening: frozenset[str]
    closing: frozenset[str]
    straight: frozenset[str]

    @property
    def all(self) -> frozenset[str]:
        return self.opening | self.closing | self.straight


_SPACE = " \t\r\n\xa0\u2009\u202f"


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines of the text, stripped: one paragraph each."""
    found = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip(_SPACE)
        if stripped:
            start = offset + line.index(stripped[0])
            found.append((start, start + len(stripped)))
        offset += len(line) + 1
    return found


def find_quotes(text: str, start: int, end: int, marks: QuoteMarks) -> list[Quote]:
    """Quotations in one paragraph; one left open runs to the paragraph's end."""
    quotes: list[Quote] = []
    open_at: int | None = None
    for i in range(start, end):
        char = text[i]
        if char in marks.opening or (char in marks.straight and open_at is None):
            open_at = i if open_at is None or char in marks.opening else open_at
        elif (char in marks.closing or char in marks.straight) and open_at is not None:
            quotes.append(Quote(open_at, i + 1, True))
            open_at = None
    if open_at is not None:
        quotes.append(Quote(open_at, end, False))
    return quotes


def inside(position: int, quotes: list[Quote]) -> Quote | None:
    """The quotation whose text (marks excluded) contains ``position``."""
    for quote in quotes:
        if quote.start < position < quote.end - (1 if quote.closed else 0):
            return quote
    return None


def build_units(
    doc: Doc,
    text: str,
    paras: list[tuple[int, int]],
    quotes: list[Quote],
    abbreviations: set[str],
    marks: QuoteMarks,
    titles: frozenset[str] | set[str] = frozenset(),
) -> list[Unit]:
    """Corrected sentences, in order (see the module docstring); ``text`` is ``doc.text``."""
    units: list[Unit] = []
    sentences = list(doc.sents)
    for number, (p_start, p_end) in enumerate(paras):
        pieces: list[list[int]] = []
        for sent in sentences:
            start, end = max(sent.start_char, p_start), min(sent.end_char, p_end)
            if start >= end:
                continue
            chunk = text[start:end]
            lead = len(chunk) - len(chunk.lstrip(_SPACE))
            trail = len(chunk) - len(chunk.rstrip(_SPACE))
            if lead + trail >= len(chunk):
                continue
            start, end = start + lead, end - trail
            if pieces and _joins(text, pieces[-1][1], start, quotes, abbreviations, marks, titles):
                pieces[-1][1] = end
            else:
                pieces.append([start, end])
        for start, end in pieces:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                units.append(Unit(start, end, number, span))
    return units


def _joins(
    text: str,
    prev_end: int,
    start: int,
    quotes: list[Quote],
    abbreviations: set[str],
    marks: QuoteMarks,
    titles: frozenset[str] | set[str],
) -> bool:
    """Whether the sentence at ``start`` continues the one ending at ``prev_end``."""
    if inside(prev_end, quotes) and inside(start, quotes) is inside(prev_end, quotes):
        return True
    before = text[max(0, prev_end - 2) : prev_end]
    if len(before) == 2 and before[0] == "," and before[1] in marks.closing | marks.straight:
        return True  # “A,” | he said
    first = text[start]
    if first.islower():
        return True
    last_word = text[:prev_end].rsplit(None, 1)[-1].lower() if text[:prev_end].strip() else ""
    if last_word in titles:
        return True  # "Coun. | Ana Ruiz said": a title never ends a sentence
    return last_word in abbreviations and (first.isdigit() or first.islower())
