"""Claim extraction for news articles: entities, quantities, dates and attributed claims.

>>> import pipeline
>>> nlp = pipeline.load()
>>> record = pipeline.extract("The minister said on Tuesday that taxes would rise.", nlp)
"""

from __future__ import annotations

from . import register_all  # noqa: F401  (register the stage factories)
from .api import extract, extract_many, load, make_doc
from .schema import DocumentRecord, validate_record

__version__ = "0.1.0"
__all__ = ["DocumentRecord", "extract", "extract_many", "load", "make_doc", "validate_record"]
