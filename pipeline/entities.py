"""Entity fixes: the corrections a careful reader makes to the small model's NER on news.

Runs after ``ner`` (an ``entity_ruler`` before it already pins known places and
organisations from ``configs/entity_patterns.jsonl``). In order:

1. drop entities inside boilerplate and title phrases ("Secretary of State"),
   and drop units after numbers ("800 MW"), common nouns opening a sentence
   ("Glaciers"), and spans with no capital letter ("health ministry");
2. trim a leading "the" and a trailing possessive ("Russia’s" -> "Russia"), a date
   after "on" ("Council on Tuesday"), lowercase glosses ("state Assembly", "X
   province"); split at an inner possessive ("Egypt’s Ministry of Water");
3. repair a name cut short ("Choe Son" + "Hui", "Jannik" + "Sinner"), an organisation
   cut at "for"/"of" ("Center" -> "Center for a New American Security") or at "and"
   ("Rivia Bakers and Confectioners Association"), a club split from its town
   ("Leeds" + "United"), a firm named in the possessive ("Moody's"), a region of a
   continent ("West Africa" LOC); one-word amounts the model took for names ("R150bn")
   get a numeric label;
4. relabel from the words around a name: a role noun makes a person ("military
   watcher Yury Butusov", "X, her lawyer"); a class noun before it or heading its
   appositive says ORG / GPE / LOC / PRODUCT / FAC ("the accounting firm X", "the
   city of X", "X, a charity"); a product or facility noun after it ("the agency's
   X spacecraft"); an organisation word ending it ("X Holdings", "Port of X
   Authority") makes an ORG; a head word sets other kinds ("X Mosque" FAC, "Lake X"
   LOC, "Hurricane X" EVENT); an acronym is no PERSON; a match score is cut off;
5. make labels agree within the article: context cues first, then a person's name
   parts, a place after "in" ("builders in Dhaka"), club names ("Dortmund" after
   "Borussia Dortmund", unless the article says "in Dortmund"), the gazetteer, else
   the majority label per name;
6. tag repeated names the model missed (often in the headline), with the
   article's label for them, and numbered facilities ("Line 14");
7. set ``span._.canonical``: "Flynn" and "Kim" become the full names met in the
   article.

Numeric and temporal entities stay in ``doc.ents`` for the quantity and date
stages; ``pipeline.records`` keeps them out of ``entities``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .extensions import ArticleMeta, article_of, in_ranges, register_extensions
from .lexicon import LexiconComponent

# "R150bn", "Rs9.7bn", "S$6.71", "340ml": an amount written as one word, which the model
# may take for a name. A prefix of capitals alone needs a decimal or suffix ("K9" is a name).
_AMOUNT = re.compile(
    r"^(?P<cur>[A-Z]{1,2}\$|[A-Z][a-z]?|\$)?(?P<num>\d[\d,]*(?P<dec>\.\d+)?)(?P<suf>[a-z]{1,3})?$"
)
_SCORE = re.compile(r"\s\d+ ?[-–] ?\d+$")  # a match score glued to a team name: "Dortmund 2-0"


def _label_map(groups: dict[str, Any]) -> dict[str, str]:
    """{"ORG": ["firm", ...]} -> {"firm": "ORG", ...} (keys starting "_" are comments)."""
    return {
        word.lower(): label
        for label, words in groups.items()
        if not label.startswith("_")
        for word in words
    }


class EntityFixStage(LexiconComponent):
    lexicon_file = "entity_fixes.json"

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self._nouns: frozenset[str] | None = None

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
        self.club_suffixes = lower("club_suffixes")
        self.org_final_words = lower("org_final_words") | self.club_suffixes
        self.title_phrases = {tuple(p) for p in lexicon.get("title_phrases", [])}
        self.title_phrase_lengths = sorted({len(p) for p in self.title_phrases})
        self.max_extension = int(lexicon.get("max_name_extension", 2))
        self.scale_suffixes = lower("scale_suffixes")
        self.continents = lower("continents")
        self.compass_words = lower("compass_words")
        self.relabel_after_locative = set(lexicon.get("labels_meaning_place_after_locative", []))
        self.not_amount_suffixes = lower("suffixes_not_amounts")
        self.max_coordinated_words = int(lexicon.get("max_coordinated_name_words", 6))
        self.law_heads = lower("law_heads")
        self.class_before = _label_map(lexicon.get("class_nouns", {}))
        self.class_after = _label_map(lexicon.get("class_nouns_after", {}))
        self.class_of = lower("class_nouns_taking_of")
        self.locatives = lower("locative_prepositions")
        self.date_words = lower("date_words_after_on")
        self.trailing_class_nouns = lower("trailing_class_nouns") | set(self.class_before)
        self.final_heads = _label_map(lexicon.get("name_final_words", {}))
        self.first_heads = _label_map(lexicon.get("name_first_words", {}))
        self.numbered_facilities = lower("numbered_facility_words")
        self.not_names = set(lexicon.get("not_names", []))
        self.countries = set(lexicon.get("countries", []))

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_lexicon()
        meta = article_of(doc)
        title_tokens = self._title_phrase_tokens(doc)
        lowered = Counter(t.text for t in doc if t.is_lower)
        cue_votes: dict[str, Counter[str]] = defaultdict(Counter)
        fixed: list[Span] = []
        for ent in doc.ents:
            if in_ranges(ent.start_char, ent.end_char, meta.boilerplate):
                continue
            if ent.label_ in self.numeric_labels:
                fixed.append(ent)
                continue
            if any(t.i in title_tokens for t in ent) and len(ent) <= 2:
                continue
            if ent.text in self.not_names:
                continue
            if self._unit_after_number(ent) or self._common_word_opening_sentence(ent, lowered):
                continue
            amount = self._amount_label(ent)
            if amount is not None:
                fixed.append(Span(doc, ent.start, ent.end, label=amount))
                continue
            ent = self._acronym_not_person(ent)
            trimmed = self._trim(ent)
            if trimmed is None or trimmed.text == meta.section:
                continue
            for span in self._split_at_possessive(trimmed):
                span = self._extend(span)
                span = self._continent_region(span)
                span = self._possessive_firm_name(span)
                span = self._relabel_person(span)
                span = self._relabel_by_org_head(span)
                span = self._relabel_by_name_head(span)
                cue = self._context_label(span)
                if span.text in self.countries and span.label_ != "NORP":
                    cue = "GPE"  # "Cameroon began ...": a country acts as its government
                if cue is not None:
                    cue_votes[span.text][cue] += 1
                    if cue != span.label_:
                        span = Span(doc, span.start, span.end, label=cue)
                start = self._after_titles(doc, span.start, span.end)
                if span.label_ == "PERSON" and start > span.start:  # was ORG: "Executive X"
                    span = self._extend(Span(doc, start, span.end, label="PERSON"))
                fixed.append(span)
        doc.ents = filter_spans(fixed)
        self._join_coordinated_orgs(doc)
        self._add_defined_acronyms(doc)
        self._add_titled_people(doc, meta.boilerplate)
        self._add_numbered_facilities(doc, meta.boilerplate)
        self._add_missed_surnames(doc, meta.boilerplate)
        cued = {text: votes.most_common(1)[0][0] for text, votes in cue_votes.items()}
        self._harmonise_labels(doc, cued)
        self._add_repeated_names(doc, meta)
        self._set_canonical(doc)
        return doc

    # -- span repairs -------------------------------------------------------

    def _unit_after_number(self, ent: Span) -> bool:
        """ "800 MW", "10:00 GMT": a capitalised unit or zone after a number is no name
        (but "10,000 RMT workers" counts workers of an organisation)."""
        start, doc = ent.start, ent.doc
        return (
            len(ent) == 1
            and not (ent.end < len(doc) and doc[ent.end].pos_ == "NOUN")
            and ent.text.isupper()
            and ent.text.isalpha()
            and start > 0
            and (doc[start - 1].like_num or doc[start - 1].text[-1:].isdigit())
        )

    def _amount_label(self, ent: Span) -> str | None:
        """The numeric label of a one-word amount the model took for a name: MONEY with a
        currency ("R150bn", "S$6.71"), CARDINAL with a scale ("300bn"), else QUANTITY."""
        match = _AMOUNT.match(ent.text) if len(ent) == 1 else None
        if match is None or ent.label_ in self.numeric_labels:
            return None
        cur, suf = match["cur"] or "", match["suf"] or ""
        if suf in self.not_amount_suffixes:  # "5th", "10pm"
            return None
        if not ("$" in cur or cur[1:].islower() and cur or match["dec"] or suf):
            return None
        if cur:
            return "MONEY"
        return "CARDINAL" if suf in self.scale_suffixes else "QUANTITY"

    def _common_word_opening_sentence(self, ent: Span, lowered: Counter[str]) -> bool:
        """ "Turnout was low", "Glaciers lost ...": a dictionary noun capitalised only
        because it opens a sentence, seen lowercase elsewhere or in its plural."""
        token = ent[0]
        if len(ent) != 1 or ent.ent_id_ or not token.is_title or ent.label_ == "NORP":
            return False  # "Republicans" opens sentences too
        previous = ent.doc[ent.start - 1] if ent.start > 0 else None
        if not (token.is_sent_start or previous is None or "\n" in previous.text_with_ws):
            return False
        nouns = self._dictionary_nouns()
        lower = token.lower_
        # No person is named "Turnout": a dictionary noun the model took for one opens
        # the sentence as a common noun, seen lowercase elsewhere or not.
        lone_person = ent.label_ == "PERSON" and not self._in_longer_name(ent)
        if (lowered[lower] or lone_person) and lower in nouns:
            return True
        return lower.endswith("s") and lower[:-1] in nouns and lower[:-1] not in {"", "ha"}

    def _in_longer_name(self, ent: Span) -> bool:
        """ "Zhou" after "Zhou Xiaoming": a word of another, longer name in the article."""
        return any(len(e) > 1 and ent.text in e.text.split() for e in ent.doc.ents)

    def _dictionary_nouns(self) -> frozenset[str]:
        """Common nouns from the lemmatizer's own tables (empty if the pipeline has none)."""
        if self._nouns is None:
            self._nouns = frozenset()
            if "lemmatizer" in self.nlp.pipe_names:
                lookups = getattr(self.nlp.get_pipe("lemmatizer"), "lookups", None)
                if lookups is not None and lookups.has_table("lemma_index"):
                    self._nouns = frozenset(lookups.get_table("lemma_index").get("noun", []))
        return self._nouns

    def _acronym_not_person(self, ent: Span) -> Span:
        """ "JAXA", "TxDOT" tagged PERSON: a word of three capitals, or all capitals, names
        an organisation ("McDonald" and "DeSantis" have two); so does a short mixed-case
        one ("DoT", "TfL"), tagged PERSON or PRODUCT (not "iOS": a capital opens it)."""
        text = ent.text
        capitals = sum(c.isupper() for c in text)
        if len(ent) != 1 or not text.isalpha() or ent.label_ not in {"PERSON", "PRODUCT"}:
            return ent
        short_mixed = capitals >= 2 and len(text) <= 4 and text[0].isupper() and not text.isupper()
        if ent.label_ == "PERSON" and (capitals >= 3 or (capitals >= 2 and text.isupper())):
            return Span(ent.doc, ent.start, ent.end, label="ORG")
        if short_mixed:
            return Span(ent.doc, ent.start, ent.end, label="ORG")
        return ent

    def _trim(self, ent: Span) -> Span | None:
        start, end = ent.start, ent.end
        # NER ignores line breaks: keep only the part before the first one.
        for token in ent:
            if token.is_space and "\n" in token.text:
                end = token.i
                break
        # "Democratic Alliance (DA": the acronym after the name is a mention of its own.
        opening = next((t.i for t in ent.doc[start:end] if t.text == "("), None)
        if opening is not None and not any(t.text == ")" for t in ent.doc[opening:end]):
            end = opening
        while start < end and ent.doc[start].lower_ in self.leading_trim:
            start += 1
        while end > start and (
            ent.doc[end - 1].lower_ in self.trailing_trim
            or ent.doc[end - 1].is_punct
            or ent.doc[end - 1].is_space
        ):
            end -= 1
        score = _SCORE.search(ent.doc[start:end].text) if end > start else None
        if score is not None:  # "Borussia Dortmund 2-0"
            cut = ent.doc[start].idx + score.start()
            end = next(t.i for t in ent.doc[start:end] if t.idx >= cut)
        if ent.label_ == "PERSON":
            start = self._after_titles(ent.doc, start, end)
        start, end = self._trim_glosses(ent.doc, start, end)
        text = ent.doc[start:end].text
        if start >= end or not any(c.isupper() or c.isdigit() for c in text):
            return None  # "health ministry", "n’t": no name without a capital letter
        return Span(ent.doc, start, end, label=ent.label_)

    def _after_titles(self, doc: Doc, start: int, end: int) -> int:
        """Where a person's name starts after titles ("President X") and a capitalised
        role ("Entomologist X", "Chief Executive X")."""
        while start < end - 1 and (
            doc[start].lower_ in self.titles
            or (doc[start].is_title and doc[start].lower_ in self.role_nouns)
        ):
            start += 1
        return start

    def _trim_glosses(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        """Cut the words the model glued to a name: a date after "on" ("City Council on
        Tuesday"), lowercase words before it ("state Assembly", "a European Cup") and a
        class noun after it ("Equateur province")."""
        for i in range(start + 1, end - 1):
            if doc[i].lower_ == "on" and doc[i + 1].lower_ in self.date_words:
                end = i
                break
        while start < end - 1 and doc[start].is_lower and doc[end - 1].text[:1].isupper():
            start += 1
        while (
            end - 1 > start
            and doc[end - 1].is_lower
            and doc[end - 1].lower_ in self.trailing_class_nouns
            and doc[end - 2].text[:1].isupper()
        ):
            end -= 1
        return start, end

    def _continent_region(self, span: Span) -> Span:
        """A part of a continent is a region (LOC), its compass word inside the name:
        "West Africa", "sub-Saharan Africa" (not "northern" in "northern Europe")."""
        doc = span.doc
        if span[-1].lower_ not in self.continents or span.label_ not in {"GPE", "LOC", "NORP"}:
            return span
        if span.text in self.countries:  # "South Africa"
            return span
        if len(span) == 2 and span[0].lower_ in self.compass_words:
            return Span(doc, span.start, span.end, label="LOC")
        if len(span) != 1 or span.start == 0:
            return span
        before = doc.text[: span.start_char]
        if not before.endswith(" "):
            return span
        word_start = (
            len(before.rstrip()) - len(before.rstrip().split()[-1]) if before.strip() else 0
        )
        word = doc.text[word_start : span.start_char - 1]
        region = doc.char_span(word_start, span.end_char, label="LOC")
        # A lowercase compass word is the writer's description ("northern Europe"), as a
        # lowercase gloss is elsewhere; "sub-Saharan" is written as part of the name.
        if word.lower() not in self.compass_words or word.islower() or region is None:
            return span
        return region

    def _possessive_firm_name(self, span: Span) -> Span:
        """A firm named in the possessive ("Moody's", "Sainsbury's"): an "'s" that owns
        nothing, followed by a verb or a clause break, belongs to the name, if the article
        never writes the name without it ("Kelly's raised $2m" after "Kelly said")."""
        doc, end = span.doc, span.end
        if span.label_ != "ORG" or end >= len(doc) or span[-1].whitespace_:
            return span
        mark = doc[end]
        if mark.tag_ != "POS" or len(mark) != 2:
            return span
        after = doc[end + 1] if end + 1 < len(doc) else None
        if not (after is None or after.pos_ in {"VERB", "AUX"} or after.text in {".", ";"}):
            return span
        bare = re.compile(rf"\b{re.escape(span.text)}\b(?![’']s\b)")
        if bare.search(doc.text):
            return span
        return Span(doc, span.start, end + 1, label="ORG")

    def _split_at_possessive(self, span: Span) -> list[Span]:
        """ "Egypt’s Ministry of Water" is two names: "Egypt" and "Ministry of Water".

        The owner takes the label the model gives the same name elsewhere in the
        article, else the span's label; the owned name keeps the span's label.
        """
        doc = span.doc
        # "’s" only: a bare apostrophe is a plural's ("Shippers' Council"), part of the name.
        cut = next((t.i for t in span[1:-1] if t.tag_ == "POS" and len(t) == 2), None)
        if cut is None or not doc[cut + 1].text[:1].isupper():
            return [span]
        owner, owned = doc[span.start : cut], doc[cut + 1 : span.end]
        labels = Counter(e.label_ for e in doc.ents if e.text == owner.text)
        if len(owned) == 1 and owned[0].lower_ in self.org_words and not labels:
            return [span]  # "Moody's Ratings": the firm's own name
        owner_label = labels.most_common(1)[0][0] if labels else span.label_
        return [
            Span(doc, owner.start, owner.end, label=owner_label),
            Span(doc, owned.start, owned.end, label=span.label_),
        ]

    def _extend(self, span: Span) -> Span:
        doc, end = span.doc, span.end
        # "Newcastle" + "United": a club's suffix the model split off (or took for a name).
        if (
            span.label_ in {"GPE", "ORG"}
            and end < len(doc)
            and span[-1].whitespace_ == " "
            and doc[end].is_title
            and doc[end].lower_ in self.club_suffixes
        ):
            return Span(doc, span.start, end + 1, label="ORG")
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
            start = self._given_names_before(span)
            if (start, end) == (span.start, span.end):
                return span
            return Span(doc, start, end, label=span.label_)
        # "Center" + "for a New American Security": take the of/for phrase of proper nouns.
        if (
            span[-1].lower_ in self.org_heads
            and end + 1 < len(doc)
            and doc[end].lower_ in {"for", "of", "on"}
        ):
            probe = end + 1
            while (
                probe < len(doc)
                and doc[probe].lower_ not in self.date_words  # "Board on Monday"
                and (doc[probe].is_title or doc[probe].lower_ in {"a", "an", "the", "and", "&"})
            ):
                probe += 1
            if probe > end + 1 and doc[probe - 1].is_title:
                return Span(doc, span.start, probe, label="ORG")
        return span

    def _given_names_before(self, span: Span) -> int:
        """Where a person's name starts when the model cut its first words off ("Jannik"
        + "Sinner", "Marc-André" + "Roy"): up to two untagged capitalised proper nouns
        before it, hyphenated ones whole, never a title, a role or a dictionary noun
        ("Premier", "Speaker": titles the lexicon may lack)."""
        doc, start = span.doc, span.start
        meta = article_of(doc)
        taken = 0
        while start > 0 and taken < self.max_extension:
            first = start - 1
            if doc[first].text in {"-", "‐"} and not doc[first].whitespace_ and first > 0:
                first -= 1  # "Marc-André": the hyphen glues two given names
                if doc[first].whitespace_:
                    break
            elif not doc[first].whitespace_:
                break
            word = doc[first]
            if (
                word.pos_ != "PROPN"
                or not word.is_title
                or len(word) < 3  # "Dr", "Ms", "TD"
                or word.lower_ in self._dictionary_nouns()  # "Premier", "Speaker"
                or word.lemma_.lower() in self._dictionary_nouns()  # "Justices"
                or word.lower_[:-1] in self._dictionary_nouns()  # "Governors"
                or word.ent_type_
                or word.lower_ in self.titles | self.role_nouns | self.org_words
                or in_ranges(word.idx, word.idx + len(word), meta.boilerplate)
            ):
                break
            start, taken = first, taken + 1
        return start

    def _relabel_person(self, span: Span) -> Span:
        if span.label_ != "ORG" or not 2 <= len(span) <= 3:
            return span
        if any(t.lower_ in self.org_words or not t.is_title for t in span):
            return span
        previous = span.doc[span.start - 1] if span.start > 0 else None
        if previous is not None and previous.lower_ in self.role_nouns:
            return Span(span.doc, span.start, span.end, label="PERSON")
        return span

    def _relabel_by_org_head(self, span: Span) -> Span:
        """A name ending in an org word is an ORG, whatever the model said: "Port of X
        Authority" (tagged FAC), "X Holdings" (tagged PERSON)."""
        last = span[-1]
        if span.label_ == "ORG" or len(span) < 2 or not last.is_title:
            return span
        if last.lower_ in self.org_final_words:
            return Span(span.doc, span.start, span.end, label="ORG")
        return span

    def _relabel_by_name_head(self, span: Span) -> Span:
        """A head word inside a multi-word name says its kind: "Tinmel Mosque" (FAC),
        "Lake Nasser" (LOC), "Hurricane Milton" (EVENT), "Terminal 2" (FAC)."""
        if len(span) < 2 or not span[0].is_title:
            return span
        label = None
        if span[-1].is_title:
            label = self.final_heads.get(span[-1].lower_)
        last = span[-1].lower_
        # not "Lake County": a class or org word at the end decides instead
        if (
            label is None
            and len(span) == 2
            and span[1].is_title
            and last not in self.class_before
            and last not in self.org_words
        ):
            label = self.first_heads.get(span[0].lower_)
        if label is None and len(span) == 2 and span[1].like_num:
            label = "FAC" if span[0].lower_ in self.numbered_facilities else None
        if label is None or label == span.label_:
            return span
        return Span(span.doc, span.start, span.end, label=label)

    def _name_like(self, span: Span) -> bool:
        """Up to four capitalised words (hyphens allowed), none of them an org word."""
        words = [t for t in span if t.text not in {"-", "‐"}]
        return (
            0 < len(words) <= 4
            and all(t.is_title for t in words)
            and not any(t.lower_ in self.org_words for t in words)
        )

    def _context_label(self, span: Span) -> str | None:
        """The kind of thing the words around a name say it is.

        A lowercase class noun before it ("the accounting firm X", "the asteroid X",
        "the city of X", "military blogger X") or heading its appositive ("X, a charity
        based in ...", "X, her lawyer"); a product or facility noun after a name the
        model took for a person or that follows a possessive ("the agency's X spacecraft").
        """
        doc = span.doc
        cue = self._class_noun_before(span)
        if cue is None:
            appositives = [
                t
                for t in doc[span.end : min(span.end + 8, len(doc))]
                if t.dep_ == "appos" and t.head.i in range(span.start, span.end) and t.is_lower
            ]
            if appositives:
                cue = self._class_of_noun(appositives[0])
        if cue is None and span.end < len(doc):
            after = doc[span.end]
            before = doc[span.start - 1] if span.start > 0 else None
            owned = before is not None and (before.tag_ == "POS" or before.lower_ == "its")
            if after.is_lower and (span.label_ == "PERSON" or owned):
                cue = self.class_after.get(after.lower_)
        if cue == "PERSON" and not self._name_like(span):
            return None
        return cue

    def _class_noun_before(self, span: Span) -> str | None:
        if span.start == 0:
            return None
        doc = span.doc
        before = doc[span.start - 1]
        if before.lower_ == "of" and span.start >= 2:
            noun = doc[span.start - 2]
            return "GPE" if noun.is_lower and noun.lower_ in self.class_of else None
        if not before.is_lower or "\n" in before.whitespace_:
            return None
        # "the asteroid Didymos", not "the asteroid NASA hit": the noun and name are one phrase.
        if before.head.i not in range(span.start, span.end) and span.root.head.i != before.i:
            return None
        return self._class_of_noun(before)

    def _class_of_noun(self, noun: Token) -> str | None:
        for form in (noun.lower_, noun.lemma_.lower()):
            if form in self.role_nouns:
                return "PERSON"
            if form in self.class_before:
                return self.class_before[form]
        return None

    def _title_phrase_tokens(self, doc: Doc) -> set[int]:
        inside: set[int] = set()
        lowers = [t.lower_ for t in doc]
        for i in range(len(lowers)):
            for n in self.title_phrase_lengths:
                if i + n <= len(lowers) and tuple(lowers[i : i + n]) in self.title_phrases:
                    inside.update(range(i + 1, i + n))  # "Secretary" itself is no entity either
        return inside

    # -- article-level agreement -------------------------------------------

    def _join_coordinated_orgs(self, doc: Doc) -> None:
        """One organisation named with "and": "Rivia Bakers, Millers and Grocers Union",
        cut by the model into "Rivia Bakers" + "Millers and Grocers Union" or "Rivia
        Bakers and Millers" + "Grocers Union". It opens with a multi-word ORG ending in a
        common noun, the word after "and" is a common noun too, and it ends on an
        organisation word."""
        nouns = self._dictionary_nouns()

        def common(token: Token) -> bool:
            return token.lower_ in nouns or token.lower_[:-1] in nouns

        def trade(token: Token) -> bool:  # "Dentists", "Housing"; not "Ford" (Motor Company)
            lower = token.lower_
            return (lower.endswith("s") and lower[:-1] in nouns) or (
                lower.endswith("ing") and lower in nouns
            )

        joined = []
        for ent in doc.ents:
            words = [t for t in ent if t.is_title]
            if ent.label_ != "ORG" or len(words) < 2 or not common(words[-1]):
                continue
            end, crossed = ent.end, False
            while doc[end - 1].lower_ in {"and", "&", ","}:  # the model kept "Rivia Bakers and"
                end -= 1
            while end + 1 < len(doc) and end - ent.end < self.max_coordinated_words:
                token, following = doc[end], doc[end + 1]
                if token.lower_ in {"and", "&"} and following.is_title and trade(following):
                    crossed = True
                elif not (token.text == "," and not crossed and following.is_title):
                    if not token.is_title:
                        break
                    if crossed and token.lower_ in self.org_final_words:
                        joined.append(Span(doc, ent.start, end + 1, label="ORG"))
                        break
                end += 1
        if joined:
            taken = {i for span in joined for i in range(span.start, span.end)}
            kept = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
            doc.ents = filter_spans([*kept, *joined])

    def _add_defined_acronyms(self, doc: Doc) -> None:
        """Tag the acronym a name defines in brackets, with the name's label: "the Joint
        Council for Qualifications (JCQ)"; later mentions follow as repeated names."""
        added = []
        for ent in doc.ents:
            end = ent.end
            # not a place: "Germany (AfD)" is the tail of a name the model cut short
            if ent.label_ not in {"ORG", "LAW", "FAC", "EVENT", "PRODUCT"} or end + 2 >= len(doc):
                continue
            acronym = doc[end + 1]
            if (
                doc[end].text == "("
                and doc[end + 2].text == ")"
                and not acronym.ent_type_
                and acronym.text.isalpha()
                and sum(c.isupper() for c in acronym.text) >= 2
                and len(acronym.text) <= 8
            ):
                added.append(Span(doc, end + 1, end + 2, label=ent.label_))
        if added:
            doc.ents = filter_spans([*doc.ents, *added])

    def _add_titled_people(self, doc: Doc, boilerplate: list[tuple[int, int]]) -> None:
        """Tag "Councillor Mira Sandoval": two or three proper nouns after a title word."""
        added = []
        for token in doc:
            if not (token.is_title and token.lower_ in self.titles) or token.ent_type_:
                continue
            first = token.i + 1  # past a second title or role: "Chief Executive Mira Sandoval"
            while (
                first < len(doc)
                and doc[first].is_title
                and not doc[first].ent_type_
                and doc[first].lower_ in self.titles | self.role_nouns
            ):
                first += 1
            end = first
            while (
                end < len(doc)
                and end - first < 3
                and doc[end].pos_ == "PROPN"
                and doc[end].is_title
                and not doc[end].ent_type_
                and doc[end].lower_ not in self.titles | self.org_words
                and doc[end - 1].whitespace_ == " "
            ):
                end += 1
            if end - first >= 2 and not in_ranges(token.idx, doc[end - 1].idx, boilerplate):
                added.append(Span(doc, first, end, label="PERSON"))
        if added:
            doc.ents = filter_spans([*doc.ents, *added])

    def _add_numbered_facilities(self, doc: Doc, boilerplate: list[tuple[int, int]]) -> None:
        """Tag "Line 14", "Terminal 2", "Gate 5": a capitalised facility word and a number,
        which the model leaves untagged or splits into a name and a count."""
        ents = doc.ents
        single = {e.start: e for e in ents if len(e) == 1}
        added = []
        for token in doc[:-1]:
            number = doc[token.i + 1]
            word_ent, number_ent = single.get(token.i), single.get(number.i)
            if (
                token.is_title
                and token.lower_ in self.numbered_facilities
                and token.whitespace_ == " "
                and number.text.isdigit()
                and (token.ent_iob_ == "O" or (word_ent is not None and not word_ent.ent_id_))
                and (number.ent_iob_ == "O" or (number_ent and number_ent.label_ == "CARDINAL"))
                and not in_ranges(token.idx, number.idx + len(number), boilerplate)
            ):
                added.append(Span(doc, token.i, token.i + 2, label="FAC"))
        if added:
            taken = {i for span in added for i in range(span.start, span.end)}
            kept = [e for e in ents if not taken.intersection(range(e.start, e.end))]
            doc.ents = filter_spans([*kept, *added])

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

    def _harmonise_labels(self, doc: Doc, cued: dict[str, str]) -> None:
        """One label per name: what context words said, a person's name parts stay PERSON,
        else the majority label."""
        ents = doc.ents  # rebuilt by spaCy on every access: read once
        places = {e.text for e in ents if e.start > 0 and doc[e.start - 1].lower_ in self.locatives}
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
            elif (
                ent.label_ == "GPE"
                and ent[0].is_title
                and ent.text not in places
                and self._club_like_org(ent, orgs)
            ):
                pinned[ent.text] = "ORG"
            elif ent[-1].lower_ in self.law_heads and ent.label_ != "LAW" and len(ent) > 1:
                pinned[ent.text] = "LAW"
            votes[ent.text][ent.label_] += 1
            if ent.ent_id_:  # pinned by the entity ruler
                pinned.setdefault(ent.text, ent.label_)
        # "flooding in Velmora": no person is "in" somewhere, and where the model itself
        # tags the name a place after "in", that beats its other guesses elsewhere.
        after_locative: dict[str, Counter[str]] = defaultdict(Counter)
        for ent in ents:
            if ent.text in places and ent.start > 0 and doc[ent.start - 1].lower_ in self.locatives:
                after_locative[ent.text][ent.label_] += 1
        for text, labels in after_locative.items():
            if set(labels) <= self.relabel_after_locative | {"GPE", "LOC"}:
                pinned.setdefault(text, "LOC" if votes[text]["LOC"] > votes[text]["GPE"] else "GPE")
        for text, label in cued.items():
            if not any(e.ent_id_ for e in ents if e.text == text):
                pinned[text] = label
        relabelled = []
        for ent in ents:
            label = ent.label_
            if ent.label_ not in self.numeric_labels:
                label = pinned.get(ent.text) or votes[ent.text].most_common(1)[0][0]
            relabelled.append(ent if label == ent.label_ else Span(doc, ent.start, ent.end, label))
        doc.ents = relabelled

    def _add_repeated_names(self, doc: Doc, meta: ArticleMeta) -> None:
        """Tag a name again where the model missed it (often in the headline): "Poland" in
        a title-case headline when "Poland" is an entity elsewhere in the article."""
        ents = doc.ents
        known: dict[tuple[str, ...], str] = {}
        for ent in ents:
            if ent.label_ not in self.numeric_labels and ent.text[:1].isupper():
                known.setdefault(tuple(t.text for t in ent), ent.label_)
        for country in self.countries:  # "Gabon, where forest covers ..." left untagged
            known.setdefault(tuple(country.split()), "GPE")
        # Candidate lengths per first word, longest first: one dictionary look-up per token.
        lengths: dict[str, list[int]] = defaultdict(list)
        for key in sorted(known, key=len, reverse=True):
            lengths[key[0]].append(len(key))
        texts = [t.text for t in doc]
        taken = {i for e in ents for i in range(e.start, e.end)}
        added = []
        i = 0
        while i < len(texts):
            for n in lengths.get(texts[i], ()):
                words = tuple(texts[i : i + n])
                if (
                    words in known
                    and not taken.intersection(range(i, i + n))
                    and self._whole_name(doc, i, i + n)
                    and not self._unit_after_number(doc[i : i + n])
                    and " ".join(words) != meta.section
                    and not in_ranges(doc[i].idx, doc[i + n - 1].idx + 1, meta.boilerplate)
                ):
                    added.append(Span(doc, i, i + n, label=known[words]))
                    i += n - 1
                    break
            i += 1
        if added:
            doc.ents = filter_spans([*ents, *added])

    def _whole_name(self, doc: Doc, start: int, end: int) -> bool:
        """No capitalised word glued on either side ("Olympic" in "Olympic Games"), and
        not a line of its own."""
        left = doc[start - 1] if start > 0 else None
        right = doc[end] if end < len(doc) else None
        glued_left = (
            left is not None
            and left.whitespace_ == " "
            and left.is_title
            and not left.is_sent_start
        )
        glued_right = right is not None and doc[end - 1].whitespace_ == " " and right.is_title
        # A line holding only the name is a section label ("Athletics"), not a mention.
        alone = (left is None or "\n" in left.text_with_ws) and (
            right is None or "\n" in right.text
        )
        return not (glued_left or glued_right or alone)

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
            "PERSON": {e.text for e in named["PERSON"] if len(e) > 1},
            "ORG": {e.text for e in named["ORG"] if self._linkable_org_name(e)},
        }
        # "London" is no short form of "London Underground" if the article also has the city.
        places = {e.text for e in ents if e.label_ in {"GPE", "LOC"}}
        for ent in ents:
            if ent.label_ in self.numeric_labels:
                continue
            canonical = ent.text
            if ent.label_ == "PERSON" or (
                ent.label_ == "ORG" and ent[0].is_title and ent.text not in places
            ):
                found = _full_name(ent.text, full_names[ent.label_], named[ent.label_], ent)
                canonical = found or canonical
            ent._.canonical = canonical

    def _linkable_org_name(self, ent: Span) -> bool:
        """A full organisation name short forms link to: capitalised words, acronyms and
        suffixes allowed ("Nordvik AB", "Reform UK"), no "of" ("Bank of England")."""
        return len(ent) > 1 and ent[0].is_title and all(t.text[:1].isupper() for t in ent)

    def _plain_name(self, ent: Span) -> bool:
        """Several capitalised words, no acronym ("Borussia Dortmund"; not "Bank of England")."""
        return len(ent) > 1 and all(t.is_title for t in ent)

    def _club_like_org(self, ent: Span, orgs: list[Span]) -> bool:
        """A place name that is the first or last word of a plain ORG name in the article.

        "Dortmund" after "Borussia Dortmund" is the club (unless the article also
        says "in Dortmund"); "England" after "Bank of England"
        stays a place, and so does "Washington" after "Washington Post" (an org word).
        """
        for org in orgs:
            if (
                len(org) != 2
                or not self._plain_name(org)
                or any(t.lower_ in self.org_words for t in org)
            ):
                continue
            words = org.text.split()
            if ent.text in (words[0], words[-1]):
                return True
        return False


def _full_name(short: str, full_names: set[str], named: list[Span], ent: Span) -> str | None:
    """A longer name in the article that ``short`` begins or ends: the first one met
    before ``ent``, else the first met after it."""
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
    first_seen = {e.text: e.start for e in reversed(named)}
    return min(candidates, key=lambda n: (first_seen[n] > ent.start, first_seen[n]))


@Language.factory("claims_entity_fixes")
def make_entity_fixes(nlp: Language, name: str) -> EntityFixStage:
    register_extensions()
    return EntityFixStage(nlp, name)
