"""Entity fixes: the corrections a careful reader makes to the small model's NER on news.

Runs after ``ner`` (an ``entity_ruler`` before it already pins known places and
organisations from ``configs/entity_patterns.jsonl``). In order:

1. drop entities inside boilerplate and title phrases ("Secretary of State");
2. trim a leading "the" and a trailing possessive ("Russia’s" -> "Russia");
3. repair a name cut short ("Choe Son" + "Hui") and an organisation cut at
   "for"/"of" ("Center" -> "Center for a New American Security");
4. relabel a person tagged as an organisation when a role noun introduces it
   ("military watcher Yury Butusov");
5. make labels agree within the article (the majority label per name);
6. set ``span._.canonical``: "Flynn" and "Kim" become the full names met in the
   article.

Numeric and temporal entities stay in ``doc.ents`` for the quantity and date
stages; ``pipeline.records`` keeps them out of ``entities``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .extensions import article_of, in_ranges, register_extensions
from .lexicon import LexiconComponent


class EntityFixStage(LexiconComponent):
    lexicon_file = "entity_fixes.json"

    def set_lexicon(self, lexicon: dict[str, Any]) -> None:
        super().set_lexicon(lexicon)
        lower = lambda key: {w.lower() for w in lexicon.get(key, [])}  # noqa: E731
        self.numeric_labels = set(lexicon.get("numeric_labels", []))
        self.leading_trim = lower("leading_tokens_to_trim")
        self.trailing_trim = lower("trailing_tokens_to_trim")
        self.titles = lower("person_titles")
        self.role_nouns = lower("person_role_nouns")
        self.org_words = lower("org_words")
        self.org_heads = lower("org_heads_taking_of_for")
        self.title_phrases = {tuple(p) for p in lexicon.get("title_phrases", [])}
        self.title_phrase_lengths = sorted({len(p) for p in self.title_phrases})
        self.max_extension = int(lexicon.get("max_name_extension", 2))
        self.law_heads = lower("law_heads")

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_lexicon()
        meta = article_of(doc)
        title_tokens = self._title_phrase_tokens(doc)
        fixed: list[Span] = []
        for ent in doc.ents:
            if in_ranges(ent.start_char, ent.end_char, meta.boilerplate):
                continue
            if ent.label_ in self.numeric_labels:
                fixed.append(ent)
                continue
            if any(t.i in title_tokens for t in ent) and len(ent) <= 2:
                continue
            span = self._trim(ent)
            if span is None or span.text == meta.section:
                continue
            span = self._extend(span)
            span = self._relabel_person(span)
            fixed.append(span)
        doc.ents = filter_spans(fixed)
        self._add_titled_people(doc, meta.boilerplate)
        self._add_missed_surnames(doc, meta.boilerplate)
        self._harmonise_labels(doc)
        self._set_canonical(doc)
        return doc

    # -- span repairs -------------------------------------------------------

    def _trim(self, ent: Span) -> Span | None:
        start, end = ent.start, ent.end
        # NER ignores line breaks: keep only the part before the first one.
        for token in ent:
            if token.is_space and "\n" in token.text:
                end = token.i
                break
        while start < end and ent.doc[start].lower_ in self.leading_trim:
            start += 1
        while end > start and (
            ent.doc[end - 1].lower_ in self.trailing_trim
            or ent.doc[end - 1].is_punct
            or ent.doc[end - 1].is_space
        ):
            end -= 1
        if ent.label_ == "PERSON":
            while start < end - 1 and ent.doc[start].lower_ in self.titles:
                start += 1
        if start >= end:
            return None
        return Span(ent.doc, start, end, label=ent.label_)

    def _extend(self, span: Span) -> Span:
        doc, end = span.doc, span.end
        if span.label_ == "PERSON":
            # A name the model cut short: following capitalised proper nouns, outside other ents.
            while (
                end < len(doc)
                and end - span.end < self.max_extension
                and doc[end - 1].whitespace_ == " "
                and doc[end].pos_ == "PROPN"
                and doc[end].is_title
                and not doc[end].ent_type_
                and doc[end].lower_ not in self.org_words
            ):
                end += 1
            return Span(doc, span.start, end, label=span.label_) if end > span.end else span
        # "Center" + "for a New American Security": take the of/for phrase of proper nouns.
        if (
            span[-1].lower_ in self.org_heads
            and end + 1 < len(doc)
            and doc[end].lower_ in {"for", "of", "on"}
        ):
            probe = end + 1
            while probe < len(doc) and (
                doc[probe].is_title or doc[probe].lower_ in {"a", "an", "the", "and", "&"}
            ):
                probe += 1
            if probe > end + 1 and doc[probe - 1].is_title:
                return Span(doc, span.start, probe, label="ORG")
        return span

    def _relabel_person(self, span: Span) -> Span:
        if span.label_ != "ORG" or not 2 <= len(span) <= 3:
            return span
        if any(t.lower_ in self.org_words or not t.is_title for t in span):
            return span
        previous = span.doc[span.start - 1] if span.start > 0 else None
        if previous is not None and previous.lower_ in self.role_nouns:
            return Span(span.doc, span.start, span.end, label="PERSON")
        return span

    def _title_phrase_tokens(self, doc: Doc) -> set[int]:
        inside: set[int] = set()
        lowers = [t.lower_ for t in doc]
        for i in range(len(lowers)):
            for n in self.title_phrase_lengths:
                if i + n <= len(lowers) and tuple(lowers[i : i + n]) in self.title_phrases:
                    inside.update(range(i + 1, i + n))  # "Secretary" itself is no entity either
        return inside

    # -- article-level agreement -------------------------------------------

    def _add_titled_people(self, doc: Doc, boilerplate: list[tuple[int, int]]) -> None:
        """Tag "Councillor Mira Sandoval": two or three proper nouns after a title word."""
        added = []
        for token in doc:
            if not (token.is_title and token.lower_ in self.titles) or token.ent_type_:
                continue
            end = token.i + 1
            while (
                end < len(doc)
                and end - token.i <= 3
                and doc[end].pos_ == "PROPN"
                and doc[end].is_title
                and not doc[end].ent_type_
                and doc[end].lower_ not in self.titles | self.org_words
                and doc[end - 1].whitespace_ == " "
            ):
                end += 1
            if end - token.i >= 3 and not in_ranges(token.idx, doc[end - 1].idx, boilerplate):
                added.append(Span(doc, token.i + 1, end, label="PERSON"))
        if added:
            doc.ents = filter_spans([*doc.ents, *added])

    def _add_missed_surnames(self, doc: Doc, boilerplate: list[tuple[int, int]]) -> None:
        """Tag a bare surname of a person named in full elsewhere ("Okafor said ...")."""
        surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
        added = [
            Span(doc, t.i, t.i + 1, label="PERSON")
            for t in doc
            if t.text in surnames
            and not t.ent_type_
            and t.is_title
            and not in_ranges(t.idx, t.idx + len(t), boilerplate)
        ]
        if added:
            doc.ents = filter_spans([*doc.ents, *added])

    def _harmonise_labels(self, doc: Doc) -> None:
        """One label per name: a person's name parts stay PERSON, else the majority label."""
        ents = doc.ents  # rebuilt by spaCy on every access: read once
        full_names = {e.text for e in ents if e.label_ == "PERSON" and len(e) > 1}
        name_parts = self._person_name_parts(ents)
        orgs = [e for e in ents if e.label_ == "ORG"]
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        pinned: dict[str, str] = {}
        for ent in ents:
            if ent.label_ in self.numeric_labels:
                continue
            if self._is_person_name(ent, full_names, name_parts):
                pinned[ent.text] = "PERSON"
            elif ent.label_ == "GPE" and ent[0].is_title and self._club_like_org(ent, orgs):
                pinned[ent.text] = "ORG"
            elif ent[-1].lower_ in self.law_heads and ent.label_ != "LAW" and len(ent) > 1:
                pinned[ent.text] = "LAW"
            votes[ent.text][ent.label_] += 1
            if ent.ent_id_:  # pinned by the entity ruler
                pinned.setdefault(ent.text, ent.label_)
        relabelled = []
        for ent in ents:
            label = ent.label_
            if ent.label_ not in self.numeric_labels:
                label = pinned.get(ent.text) or votes[ent.text].most_common(1)[0][0]
            relabelled.append(ent if label == ent.label_ else Span(doc, ent.start, ent.end, label))
        doc.ents = relabelled

    def _person_name_parts(self, ents: Sequence[Span]) -> set[str]:
        """First and last words of multi-word PERSON names, and single-word PERSON mentions."""
        parts: set[str] = set()
        for ent in ents:
            if ent.label_ == "PERSON":
                parts.update({ent[0].text, ent[-1].text} if len(ent) > 1 else {ent.text})
        return parts

    def _is_person_name(self, ent: Span, full_names: set[str], name_parts: set[str]) -> bool:
        """ "Wrobel" tagged GPE after "Katarzyna Wrobel"; "Lerato Mahlangu" tagged ORG."""
        if ent.label_ == "PERSON" or any(t.lower_ in self.org_words for t in ent):
            return False
        if len(ent) == 1:
            return any(ent.text in name.split() for name in full_names)
        return len(ent) <= 3 and all(t.is_title for t in ent) and ent[-1].text in name_parts

    def _set_canonical(self, doc: Doc) -> None:
        """Short forms take the full name: "Flynn" is "Charles Flynn", "Toyota" "Toyota Motor"."""
        ents = doc.ents
        named = {label: [e for e in ents if e.label_ == label] for label in ("PERSON", "ORG")}
        full_names = {
            "PERSON": sorted(
                {e.text for e in named["PERSON"] if len(e) > 1}, key=len, reverse=True
            ),
            "ORG": sorted(
                {e.text for e in named["ORG"] if self._plain_name(e)}, key=len, reverse=True
            ),
        }
        for ent in ents:
            if ent.label_ in self.numeric_labels:
                continue
            canonical = ent.text
            if ent.label_ == "PERSON" or (ent.label_ == "ORG" and ent[0].is_title):
                found = _full_name(ent.text, full_names[ent.label_], named[ent.label_], ent)
                canonical = found or canonical
            ent._.canonical = canonical

    def _plain_name(self, ent: Span) -> bool:
        """Several capitalised words, no acronym ("Borussia Dortmund"; not "Bank of England")."""
        return len(ent) > 1 and all(t.is_title for t in ent)

    def _club_like_org(self, ent: Span, orgs: list[Span]) -> bool:
        """A place name that is the first or last word of a plain ORG name in the article.

        "Dortmund" after "Borussia Dortmund" is the club; "England" after "Bank of England"
        stays a place, and so does "Washington" after "Washington Post" (an org word).
        """
        for org in orgs:
            if not self._plain_name(org) or any(t.lower_ in self.org_words for t in org):
                continue
            words = org.text.split()
            if ent.text in (words[0], words[-1]):
                return True
        return False


def _full_name(short: str, full_names: list[str], people: list[Span], ent: Span) -> str | None:
    """The longest person name in the article that ``short`` begins or ends (first seen wins)."""
    parts = short.split()
    candidates = []
    for name in full_names:
        words = name.split()
        if len(words) <= len(parts):
            continue
        if words[: len(parts)] == parts or words[-len(parts) :] == parts:
            candidates.append(name)
    if not candidates:
        return None
    first_seen = {e.text: e.start for e in reversed(people)}
    return min(candidates, key=lambda n: (first_seen.get(n, 10**9) > ent.start, first_seen[n]))


@Language.factory("claims_entity_fixes")
def make_entity_fixes(nlp: Language, name: str) -> EntityFixStage:
    register_extensions()
    return EntityFixStage(nlp, name)
