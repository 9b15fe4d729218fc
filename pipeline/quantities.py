"""quantities stage (placeholder: being written; writes an empty list)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import register_extensions
from .lexicon import LexiconComponent


class QuantityStage(LexiconComponent):
    lexicon_file = "quantities.json"

    def __call__(self, doc: Doc) -> Doc:
        doc._.quantities = []
        return doc


@Language.factory("claims_quantities")
def make_quantities(nlp: Language, name: str) -> QuantityStage:
    register_extensions()
    return QuantityStage(nlp, name)
