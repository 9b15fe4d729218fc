"""dates stage (placeholder: being written; writes an empty list)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import register_extensions
from .lexicon import LexiconComponent


class DateStage(LexiconComponent):
    lexicon_file = "dates.json"

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = []
        return doc


@Language.factory("claims_dates")
def make_dates(nlp: Language, name: str) -> DateStage:
    register_extensions()
    return DateStage(nlp, name)
