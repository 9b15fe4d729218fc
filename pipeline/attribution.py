"""attribution stage (placeholder: being written; writes an empty list)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import register_extensions
from .lexicon import LexiconComponent


class AttributionStage(LexiconComponent):
    lexicon_file = "attribution.json"

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = []
        return doc


@Language.factory("claims_attribution")
def make_attribution(nlp: Language, name: str) -> AttributionStage:
    register_extensions()
    return AttributionStage(nlp, name)
