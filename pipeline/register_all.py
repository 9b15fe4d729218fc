"""Import every stage so its factory is registered (entry points do this for spacy.load)."""

from . import attribution, dates, entities, ingest, quantities  # noqa: F401
