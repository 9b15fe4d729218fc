"""The small Python API that the CLI, the evaluator and batch runs are built on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import register_extensions
from .ingest import RawArticle, parse_iso_date
from .model import load
from .records import doc_to_record
from .schema import DocumentRecord

__all__ = ["extract", "extract_many", "load", "make_doc"]


def make_doc(nlp: Language, article: RawArticle) -> Doc:
    """A tokenised Doc carrying the article's input metadata, ready for ``nlp.pipe``."""
    register_extensions()
    doc = nlp.make_doc(article.text)
    doc._.article = article.meta()
    return doc


def extract(
    text: str,
    nlp: Language | None = None,
    *,
    doc_id: str = "stdin",
    published: dt.date | str | None = None,
    path: str | None = None,
) -> DocumentRecord:
    """Extract one article's record from its text."""
    nlp = nlp or load()
    if isinstance(published, str):
        published = parse_iso_date(published)
    article = RawArticle(text=text, doc_id=doc_id, path=path, published=published)
    return doc_to_record(nlp(make_doc(nlp, article)))


def extract_many(
    articles: Iterable[RawArticle], nlp: Language, *, batch_size: int = 16
) -> Iterator[DocumentRecord]:
    """Records for a stream of articles, in input order, through ``nlp.pipe`` in batches."""
    docs = (make_doc(nlp, article) for article in articles)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield doc_to_record(doc)
