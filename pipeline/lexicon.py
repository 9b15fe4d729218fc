"""Shared plumbing for stages whose rules live in a JSON lexicon in ``configs/``.

The lexicon is read once in ``initialize`` (from ``[initialize.components.X]
lexicon_path`` in the pipeline config) and saved with the model by
``to_disk``, so an assembled pipeline in ``models/`` is self-contained.
"""

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.util import registry

from .paths import CONFIG_DIR


class LexiconComponent:
    """A pipeline component configured by a JSON lexicon file."""

    lexicon_file: str = ""  # default file name in configs/

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.lexicon: dict[str, Any] = {}

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        lexicon_path: str | Path | None = None,
    ) -> None:
        path = Path(lexicon_path) if lexicon_path else CONFIG_DIR / self.lexicon_file
        self.set_lexicon(srsly.read_json(path))

    def set_lexicon(self, lexicon: dict[str, Any]) -> None:
        """Install a lexicon; subclasses compile what they need from it here."""
        self.lexicon = lexicon

    def ensure_lexicon(self) -> None:
        """Load the default lexicon if nothing initialised this component."""
        if not self.lexicon and self.lexicon_file:
            self.initialize()

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "lexicon.json", self.lexicon)

    def from_disk(
        self, path: str | Path, *, exclude: Iterable[str] = tuple()
    ) -> "LexiconComponent":
        path = Path(path)
        self.set_lexicon(srsly.read_json(path / "lexicon.json"))
        return self


@registry.misc("claims.read_jsonl_list.v1")
def read_jsonl_list(path: Path) -> list[Any]:
    """JSONL patterns as a list: the entity ruler's initialize wants a sequence."""
    return list(srsly.read_jsonl(path))


# -- phrases: lexicon entries of several words, matched on lower-cased tokens


class PhraseTable(dict):
    """Lexicon phrases as token tuples, longest first, with the distinct phrase lengths, so
    a lookup tries one key per length instead of every phrase."""

    lengths: tuple[int, ...] = ()


def phrase_table(entries: dict[str, Any]) -> PhraseTable:
    """Lexicon phrases as token tuples, longest first: sorted once here, not per lookup."""
    table = {tuple(p.split()): v for p, v in entries.items()}
    ordered = PhraseTable((p, table[p]) for p in sorted(table, key=len, reverse=True))
    ordered.lengths = tuple(sorted({len(p) for p in table}, reverse=True))
    return ordered


def _lengths(phrases: dict[tuple[str, ...], Any]) -> tuple[int, ...]:
    lengths = getattr(phrases, "lengths", None)
    return (
        lengths if lengths is not None else tuple(sorted({len(p) for p in phrases}, reverse=True))
    )


def phrase_at(
    lowers: list[str], i: int, phrases: dict[tuple[str, ...], Any], taken: set[int] | None = None
) -> tuple[Any, int] | None:
    """The longest phrase starting at token ``i``: (its value, its length in tokens)."""
    for n in _lengths(phrases):
        key = tuple(lowers[i : i + n])
        if (
            len(key) == n
            and key in phrases
            and not (taken and any(k in taken for k in range(i, i + n)))
        ):
            return phrases[key], n
    return None


def phrase_ending_at(
    lowers: list[str], i: int, phrases: dict[tuple[str, ...], Any], taken: set[int]
) -> tuple[Any, int] | None:
    """The longest phrase that ends just before token ``i``."""
    for n in _lengths(phrases):
        if i - n < 0:
            continue
        key = tuple(lowers[i - n : i])
        if key in phrases and not any(k in taken for k in range(i - n, i)):
            return phrases[key], n
    return None
