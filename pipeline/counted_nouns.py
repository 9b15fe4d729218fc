"""What a count counts: the unit of a count quantity.

The quantities stage (``pipeline/quantities.py``) reads amounts, qualifiers and
units; for a bare count it asks ``CountedNouns.what_is_counted``, which takes the
noun the figure modifies from the dependency parse ("10,000 North Korean
troops" -> "troop") and falls back, in order, to a plural noun the parse lost
("700 deployed ... missiles"), people described by a predicate ("five dead"),
the label of a fact-box line ("New park-and-ride spaces: 1,150"), and a noun
said before for an elided figure ("159 seats, short of the 201 it needs", "Of
those households, 74,530 ..."). A rate after the noun joins the unit ("4,000
steps a day" -> "step/day"). The first noun to the right is never taken as such:
the right-hand scan only crosses modifiers of one noun phrase.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any

from spacy.tokens import Doc, Span, Token

from .extensions import QuantityMention
from .lexicon import phrase_at, phrase_table

Found = list[tuple[QuantityMention, Span]]
RateReader = Callable[[list[str], int], "tuple[str, int] | None"]


class CountedNouns:
    """Reads the counted noun of count quantities; built once per lexicon."""

    def __init__(self, lexicon: dict[str, Any], rate_after: RateReader) -> None:
        self.rate_after = rate_after  # the quantities stage's "a day", "per year" reader
        self.lemma_overrides: dict[str, str] = lexicon["lemma_overrides"]
        self.not_counted = set(lexicon["not_counted_nouns"])
        self.compound_units = set(lexicon["compound_units"])
        self.partitive_pronouns = set(lexicon["partitive_pronouns"])
        self.collective_nouns = set(lexicon["collective_nouns"])
        self.level_verbs = set(lexicon["level_verbs"])
        self.locative_prepositions = set(lexicon["locative_prepositions"])
        self.level_prepositions = set(lexicon["level_prepositions"])
        self.amount_plurals = set(lexicon["amount_plurals"])
        self.duration_units = set(lexicon["duration_units"])
        self.elision_followers = set(lexicon["elision_followers"])
        self.number_of_words = set(lexicon["number_of_words"])
        self.anaphoric_nouns = set(lexicon["anaphoric_nouns"])
        self.comparative_heads = set(lexicon["comparative_heads"])
        self.table_header_skip = set(lexicon["table_header_skip"])
        self.vague_plurals = set(lexicon["vague_plural_scales"])
        self.people_predicates = phrase_table({p: True for p in lexicon["people_predicates"]})
        self.participles = set(lexicon["participle_modifiers"])
        self.forecast_verbs = set(lexicon["forecast_verbs"])
        self.belief_verbs = set(lexicon["belief_verbs"])
        self.limit_nouns = set(lexicon["limit_nouns"])
        self.population_nouns = set(lexicon["population_nouns"])
        self.level_nouns = set(lexicon["level_nouns"])
        self.quake_nouns = set(lexicon["quake_nouns"])
        self.casualty_verbs = set(lexicon["casualty_verbs"])

    def what_is_counted(
        self,
        span: Span,
        figure: Span,
        figures: Span,
        is_range: bool,
        scale: float,
        found: Found,
        value: float | None = None,
    ) -> tuple[str, str | None]:
        """(kind, unit) of a bare count: ``span`` is the whole mention, ``figure`` the tokens
        of its last number, ``figures`` those of all its numbers, ``value`` the last number's
        value; ``found`` the mentions read so far in the document. The kind turns to money or
        a measure only for an elided figure that repeats one ("below the 7.52 billion
        forecast", "spent 300 cedis a week ... now needs close to 700")."""
        # The figure's own tokens: "up to about 300 people" hangs off "up" in the parse, and
        # the noun of a range follows its last figure ("from 3,167 to 3,925 tigers").
        plural = _plural_noun_after(span, self.participles if _inside_a_phrase(span) else ())
        per_figure = self._per_figure(span)
        sum_said_before = plural is None and self._sum_before_a_noun(span, scale)
        forecasters = self._forecasters_after(span) or self._believed_to(span)
        skip = per_figure or sum_said_before or forecasters
        unit = None if skip else self._counted_noun(figure, found)
        if unit is None and plural is not None and not per_figure and not forecasters:
            unit = self._noun_lemma(plural)  # the parse lost it: "700 deployed ... missiles"
        if unit is None and is_range:
            unit = self._counted_noun(figures, found)
        if unit is not None:
            return "count", self._count_rate(span, unit)
        if self._describes_people(span):
            return "count", "person"  # "five dead and 50,000 cut off"
        label = _label_before_colon(span)
        if label is not None:  # "New park-and-ride spaces: 1,150", "Staff hired: about 60"
            noun = next(
                (t for t in label if t.tag_ == "NNS" or t.lower_ in self.collective_nouns), None
            )
            if noun is None:
                # "- Blocks offered: 602": a plural capitalised because it opens the line
                opener = next((t for t in label if t.is_alpha), None)
                capital = opener is not None and opener.tag_ in ("NNP", "NNPS", "VBZ")
                if capital and opener is not None and _plural_s(opener.lower_):
                    return "count", _singular(opener.lower_)
            return "count", self._noun_lemma(noun) if noun is not None else None
        header = self.table_header_noun(span)
        if header is not None:  # "Results by party (seats won):" then "LDP 191 (247)"
            return "count", self._noun_lemma(header)
        if self._indian_sum(span, figures, found):
            return "money", "INR"  # "Punjab Kings paid 11.75 crore": rupees, in an Indian story
        if self._quake_magnitude(span):
            return "measure", "magnitude"  # "the quake measured 7.2"
        if self._casualties(span):
            return "count", "person"  # "Heat Wave Kills Dozens"
        if sum_said_before or forecasters or self._elliptical(span):
            return self._elided_unit(span, found, sums=scale >= 1e6, value=value)
        return "count", None

    def table_header_noun(self, span: Span) -> Token | None:
        """A figure in a line of names and numbers only, under a header line that ends with a
        colon: the first plural noun the header counts."""
        doc = span.doc
        line = _line_of(span)
        if any(t.pos_ in ("VERB", "AUX") for t in line):
            return None
        k = line.start - 1
        while k >= 0 and (doc[k].is_space or _line_of(doc[k : k + 1]) == line):
            k -= 1
        if k < 0:
            return None
        header = _line_of(doc[k : k + 1])
        if not header[-1].text.endswith(":"):
            # another row of the same table: the header is above it
            return self.table_header_noun(header) if header.start < span.start else None
        return next(
            (t for t in header if t.tag_ == "NNS" and t.lower_ not in self.table_header_skip), None
        )

    def _counted_noun(self, span: Span, found: Found) -> str | None:
        """The noun the number modifies, as a singular lemma; "X of them": the last one counted."""
        root = span.root
        head = root.head
        if root.lower_ in self.vague_plurals or head.lower_ in self.comparative_heads:
            # "Dozens of the blocks", "several thousand more of the processors"
            for holder in (root, head):
                for prep in holder.children:
                    objects = [c for c in prep.children if c.dep_ == "pobj" and c.tag_ == "NNS"]
                    if prep.lower_ == "of" and prep.i >= span.end and objects:
                        return self._noun_lemma(objects[0])
        if (
            head.i >= span.end
            and (head.lower_ in self.comparative_heads or head.pos_ == "NUM")
            and head.head.i > head.i
            and head.head.pos_ in ("NOUN", "PROPN")
        ):
            head = head.head  # "seven more Patriot systems", "three of 36 economists"
        after = span.doc[span.end : span.end + 3]
        if len(after) >= 2 and after[0].lower_ == "of" and after[1].lower_ in ("them", "us", "you"):
            return _last_counted_unit(found)  # "two of them time trials": the stages counted
        if _hyphen_joined(span) and _noun_like(span.doc[span.end + 1]):
            return self._noun_lemma(span.doc[span.end + 1])  # "a 22-member alliance"
        if (
            head.i >= span.end
            and head.pos_ in ("NOUN", "PROPN")
            and head.ent_type_ not in ("DATE", "TIME")  # "fell to about 678,000 last year"
            and root.dep_ != "appos"
            and not any(_finite_verb(t) for t in span.doc[span.end : head.i])
        ):
            nearer = _plural_noun_after(span)
            if (
                nearer is not None
                and nearer.i < head.i
                and nearer.head == head
                and nearer.dep_ in ("nmod", "compound")
                and any(t.tag_ == "CC" for t in span.doc[nearer.i : head.i])
            ):
                return self._noun_lemma(nearer)  # "700 flights and rail operators"
            # "comparison shopping services", "12 men's records": the noun the phrase is about.
            while (
                head.dep_ in ("compound", "poss", "nmod")
                and head.head.i > head.i
                and head.head.pos_ in ("NOUN", "PROPN")
                and not _plural_possessor(head)
                and not (
                    head.tag_ == "NNS"
                    and head.dep_ in ("compound", "nmod")
                    and head.head.lower_ not in self.collective_nouns
                )  # "armed forces personnel" counts personnel
            ):
                head = head.head  # "180 county and town plows", not "25 typhoons form"
            if head.lower_ in self.anaphoric_nouns:
                return _last_counted_unit(found)  # "destroyed 412 homes and damaged 57 others"
            if head.tag_ == "NNP" and not _group_name(head):
                return None  # "Hospital Galway with 54": a name, not what is counted
            return self._noun_lemma(self._coordinated_head(head))
        for child in root.children:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i >= span.end:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if not objects:
                    return None
                noun = objects[0]
                if noun.lower_ in self.partitive_pronouns:
                    return _last_counted_unit(found)
                if noun.i + 1 < len(span.doc) and _possessive(span.doc[noun.i + 1]):
                    # "500 of the administration's posts": the possessor is not what is counted
                    owned = _plural_noun_after(span.doc[noun.i + 1 : noun.i + 2], skip_amounts=True)
                    noun = owned or noun
                if noun.pos_ in ("NOUN", "PROPN"):
                    return self._noun_lemma(noun)
        return None

    def _count_rate(self, span: Span, unit: str) -> str:
        """ "4,000 steps a day" counts steps per day: the rate after the counted noun joins the
        unit ("step/day"), as it does for measures and money."""
        doc = span.doc
        for token in doc[span.end : span.end + 6]:
            if token.pos_ in ("NOUN", "PROPN") and self._noun_lemma(token) == unit:
                after = token.i + 1
                if after < len(doc) and doc[after].tag_ == "VBN":
                    after += 1  # "90,000 new homes completed each year"
                lowers = [t.lower_ for t in doc[after : after + 3]]
                rate = self.rate_after(lowers, 0) or self._rate_after_conjunct(token)
                rate = rate or self._rate_after_of_phrase(doc, after)
                if rate:
                    return f"{unit}/{rate[0]}"
                per = doc[after + 1] if after + 1 < len(doc) else None
                if lowers[:1] == ["per"] and per is not None and per.pos_ == "NOUN":
                    base = self._noun_lemma(per)  # "1.68 children per woman"
                    return f"{unit}/{base}" if base else unit
                return unit
            if token.is_punct or token.pos_ == "VERB":
                break
        return unit

    def _rate_after_of_phrase(self, doc: Doc, after: int) -> tuple[str, int] | None:
        """ "four trucks of cooking gas a day": the rate after the noun's "of" phrase."""
        if after >= len(doc) or doc[after].lower_ != "of":
            return None
        for k in range(after + 2, min(after + 5, len(doc))):
            if doc[k].is_punct or doc[k].pos_ in ("VERB", "AUX", "ADP", "CCONJ"):
                return None
            rate = self.rate_after([t.lower_ for t in doc[k : k + 3]], 0)
            if rate is not None:
                return rate
        return None

    def _rate_after_conjunct(self, noun: Token) -> tuple[str, int] | None:
        """ "53 crashes and 19 deaths every hour": the rate after the next conjunct counts for
        this one too."""
        doc = noun.doc
        if noun.i + 3 >= len(doc) or doc[noun.i + 1].lower_ not in ("and", "or"):
            return None
        if not doc[noun.i + 2].like_num:
            return None
        for token in doc[noun.i + 3 : noun.i + 6]:
            if token.pos_ == "NOUN":
                lowers = [t.lower_ for t in doc[token.i + 1 : token.i + 4]]
                return self.rate_after(lowers, 0)
        return None

    def _indian_sum(self, span: Span, figures: Span, found: Found) -> bool:
        """A figure in lakh or crore with no noun after it, in a story that counts rupees."""
        if not any(t.lower_ in ("crore", "crores", "lakh", "lakhs") for t in figures):
            return False
        if not self._elliptical(span):
            return False
        same_sentence = [m for m, o in found if span.sent.start <= o.start < span.start]
        if same_sentence and same_sentence[-1].kind == "count" and same_sentence[-1].unit:
            return False  # "10.1 crore people ..., and another 13.6 crore with prediabetes"
        rupees = any(m.kind == "money" and (m.unit or "").startswith("INR") for m, _ in found)
        return rupees or "rupee" in span.doc.text.lower()

    def _quake_magnitude(self, span: Span) -> bool:
        """ "the quake measured 7.2", "an aftershock registered 6.1": a magnitude."""
        root = _figure_anchor(span)
        verb = root.head
        if root.dep_ not in ("dobj", "attr", "npadvmod") or verb.lemma_ not in (
            "measure",
            "register",
        ):
            return False
        return any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in self.quake_nouns
            for c in verb.children
        )

    def _casualties(self, span: Span) -> bool:
        """A bare figure or vague amount that a casualty verb takes as its object ("killing
        dozens", "injured 40") counts people."""
        root = _figure_anchor(span)
        return (
            root.dep_ == "dobj"
            and root.head.lemma_.lower() in self.casualty_verbs
            and self._elliptical(span)
        )

    def _forecasters_after(self, span: Span) -> bool:
        """ "well short of the 175,000 economists had forecast": the plural after the figure is
        who forecast it, and the figure is an amount said before."""
        doc, end = span.doc, span.end
        if end + 1 >= len(doc) or doc[end].tag_ != "NNS":
            return False
        k = end + 1
        if doc[k].lower_ in ("had", "have", "has"):
            k += 1
        if k >= len(doc) or doc[k].lower_ not in self.forecast_verbs:
            return False
        return k + 1 >= len(doc) or doc[k + 1].lower_ != "to"  # not "120 workers expected to"

    def _believed_to(self, span: Span) -> bool:
        """ "fewer than half of the roughly 25,000 thought to exist": a figure followed by a
        verb of belief and "to" stands for a noun said before it."""
        doc, end = span.doc, span.end
        return (
            end + 1 < len(doc)
            and doc[end].lower_ in self.belief_verbs
            and doc[end + 1].lower_ == "to"
        )

    def _per_figure(self, span: Span) -> bool:
        """ "45 per 100,000 inhabitants": the noun belongs to the base, not to the 45."""
        doc, end = span.doc, span.end
        return end + 1 < len(doc) and doc[end].lower_ == "per" and doc[end + 1].like_num

    def _sum_before_a_noun(self, span: Span, scale: float) -> bool:
        """ "slightly below the 7.52 billion forecast": a scaled figure before a singular noun
        is an amount said before (money), not a count of forecasts; so is any figure before a
        noun of limit ("twice the 345,000 ceiling", "past the 50,000 mark")."""
        if span.end >= len(span.doc):
            return False
        following = span.doc[span.end]
        if following.lower_ in self.limit_nouns and span.start > 0:
            return span.doc[span.start - 1].lower_ in ("the", "a", "its", "their", "his", "her")
        if scale < 1e6:
            return False
        return following.tag_ == "NN" and following.lower_ not in self.collective_nouns

    def _describes_people(self, span: Span) -> bool:
        lowers = [t.lower_ for t in span.doc[span.end : span.end + 2]]
        return phrase_at(lowers, 0, self.people_predicates) is not None

    def _coordinated_head(self, noun: Token) -> Token:
        """ "85 wind and solar projects": a singular noun that a count's parse attaches to,
        coordinated with a plural one, is a modifier of the plural, which is counted."""
        if noun.tag_ != "NN" or noun.lower_ in self.collective_nouns:
            return noun
        for child in noun.children:
            if child.dep_ == "conj" and child.tag_ == "NNS":
                return child
        return noun

    def _elliptical(self, span: Span) -> bool:
        """A number standing for a noun said before it ("159 seats, short of the 201 it needs",
        "45 per 100,000 inhabitants")."""
        if span.end >= len(span.doc):
            return True
        following = span.doc[span.end]
        if following.lower_ == "per" and span.end + 1 < len(span.doc):
            return span.doc[span.end + 1].like_num
        if following.ent_type_ in ("DATE", "TIME") or following.lower_ in self.elision_followers:
            return True  # "fell to about 40 last year", "10 million more"
        if following.pos_ == "ADV" and span.end + 1 < len(span.doc):
            after = span.doc[span.end + 1]
            return after.is_punct or after.tag_ == "CC"  # "including 23 abroad,"
        return following.pos_ not in ("NOUN", "PROPN", "ADJ", "ADV", "NUM")

    def _elided_unit(
        self, span: Span, found: Found, sums: bool = False, value: float | None = None
    ) -> tuple[str, str | None]:
        """What an elliptical number counts: "the number of patients ... at 6.3 million", else
        the last count or measure in this sentence or the one before; a scaled figure
        (``sums``) may also be the sum said just before ("to 7.45 billion crowns, below the
        7.52 billion forecast"), and so may a figure of the same order as a sum said earlier
        in its sentence ("spent 300 cedis a week ... now needs close to 700")."""
        population = self._population_counted(span)
        if population is not None:
            return "count", population
        level = self._level_said_before(span, found)
        if level is not None:
            return "count", level
        subject = self._level_subject(span)
        if subject is not None:
            return "count", self._noun_lemma(subject)
        sent = span.sent
        for token in span.doc[sent.start : span.start]:
            if token.lower_ in self.number_of_words:
                for prep in token.children:
                    objects = [c for c in prep.children if c.dep_ == "pobj"]
                    if prep.lower_ == "of" and objects and objects[0].pos_ == "NOUN":
                        return "count", self._noun_lemma(objects[0])
        for token in span.doc[sent.start : span.start]:
            # "Of those households, 74,530 included children": a fronted partitive names it.
            opens = all(t.is_punct for t in span.doc[sent.start : token.i])
            if token.lower_ == "of" and opens:
                objects = [
                    c for c in token.children if c.dep_ == "pobj" and c.tag_ == "NNS" and c.is_alpha
                ]
                if objects:
                    return "count", self._noun_lemma(objects[0])
                pronouns = [c for c in token.children if c.lower_ in self.partitive_pronouns]
                if pronouns:  # "Of those, 9,757 were lost": what was counted before, no rate
                    return "count", _last_counted_unit(found)
        parallel = self._parallel_subject(span, found)
        if parallel is not None:
            return "count", parallel
        earliest = span.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        fallback: tuple[str, str | None] = ("count", None)
        before = [(m, o) for m, o in found if o.start < span.start]
        nearest = before[-1][0] if before else None
        for mention, other in reversed(found):
            if other.start < earliest or other.start >= span.start or not mention.unit:
                continue
            if other.start > 0 and span.doc[other.start - 1].lower_ == "per":
                continue  # the base of a rate ("per 100,000 inhabitants") is not what is counted
            same_sentence = other.start >= sent.start
            if mention.kind == "money" and same_sentence and sums:
                return "money", mention.unit
            if (
                mention.kind == "percent"
                and mention.unit == "percent"
                and same_sentence
                and mention is nearest
                and _same_order(value, mention.value)
                and not any(
                    m.kind == "count" and m.unit and sent.start <= o.start < span.start
                    for m, o in found
                )
            ):
                return "percent", "percent"  # "priced as a 25% drug, it came in below 23"
            if (
                mention.kind == "money"
                and (same_sentence or mention is nearest)
                and _same_order(value, mention.value)
            ):
                # "I used to pay 15,000 naira. Now I need almost 50,000."
                return "money", mention.unit.split("/")[0]
            if mention.kind == "count" and self._counts_places(other):
                # "infected 100,000 people in 110 countries and killed about 200": the places
                # say where; the figure counts what was counted before them, if anything was.
                fallback = fallback if fallback[1] else ("count", mention.unit)
                continue
            if mention.kind == "count":
                return "count", mention.unit  # "1.68 children per woman, from 1.79"
            timed = "." in span.text and mention.unit == "s"  # "in 9.77 seconds ... in 9.82"
            if mention.kind == "measure" and (
                timed or (same_sentence and mention.unit not in self.duration_units)
            ):
                return "measure", mention.unit
        if fallback[1] is None:
            # "Madhya Pradesh has the most tigers, with 785": the noun a superlative compared.
            for token in span.doc[sent.start : span.start]:
                if token.tag_ == "NNS" and any(
                    c.dep_ == "amod" and c.lower_ in ("most", "fewest", "more", "fewer")
                    for c in token.children
                ):
                    fallback = ("count", self._noun_lemma(token))
        return fallback

    def _parallel_subject(self, span: Span, found: Found) -> str | None:
        """ "Ten people, including two children, were flown to Russia, while 13 went to
        Germany": an elided figure that is a clause's subject counts what the sentence's
        subject counted before it, not the last noun counted."""
        if span.root.dep_ not in ("nsubj", "nsubjpass", "conj"):
            return None
        sent = span.sent
        for mention, other in reversed(found):
            if other.start < sent.start or other.start >= span.start:
                continue
            if mention.kind != "count" or not mention.unit:
                continue
            noun = other.root.head if other.root.dep_ == "nummod" else other.root
            if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i < span.start:
                return _without_rate(mention.unit)
        return None

    def _counts_places(self, span: Span) -> bool:
        """A count inside a phrase of place ("in 110 countries", "across 12 states")."""
        noun = span.root.head if span.root.dep_ == "nummod" else span.root
        return noun.dep_ == "pobj" and noun.head.lower_ in self.locative_prepositions

    def _level_said_before(self, span: Span, found: Found) -> str | None:
        """ "shrunk to about 500,000 active-duty troops from more than 690,000": the figure
        after "from" counts what the figure of the same verb counted."""
        root = _figure_anchor(span)
        if root.dep_ != "pobj" or root.head.lower_ != "from":
            return None
        verb = root.head.head
        for mention, other in reversed(found):
            if other.start >= span.start or other.start < span.sent.start:
                continue
            noun = other.root.head if other.root.dep_ == "nummod" else other.root
            if mention.kind == "count" and mention.unit and noun.head.head == verb:
                return mention.unit  # the same rate too: "1.68 children per woman, from 1.79"
        return None

    def _population_counted(self, span: Span) -> str | None:
        """ "the city's population has grown by almost 400,000" counts people; "the tiger
        population rose to 3,682" (or "tiger count") counts tigers."""
        root = _figure_anchor(span)
        if root.dep_ != "pobj" or root.head.lower_ not in (*self.level_prepositions, "by"):
            return None
        verb = root.head.head
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in self.population_nouns:
                kind = next((c for c in child.children if c.dep_ == "compound"), None)
                if kind is not None and kind.pos_ == "NOUN":
                    return self._noun_lemma(kind)
                return "person" if child.lower_ == "population" else None
        return None

    def _level_subject(self, span: Span) -> Token | None:
        """ "Deaths rose to 410", "arrests reached 1,200": a figure that a verb of level gives
        its plural subject counts that subject; not "payrolls rose by 114,000" (a change) nor
        "sales reached 1.3 million" (a plural that is an amount, not things counted)."""
        root = _figure_anchor(span)
        prep = root.head
        if (
            root.dep_ == "pobj"
            and prep.lower_ == "of"
            and prep.head.lower_ in self.level_nouns
            and prep.head.dep_ in ("dobj", "attr")
        ):
            verb = prep.head.head  # "arrests hit a record of more than 23,000"
        elif root.dep_ == "pobj" and root.head.lower_ in self.level_prepositions:
            verb = root.head.head
        elif root.dep_ in ("dobj", "attr"):
            verb = root.head
        else:
            return None
        if verb.lemma_.lower() not in self.level_verbs:
            return None
        for child in verb.children:
            if child.dep_ != "nsubj" or child.tag_ != "NNS":
                continue
            if child.lower_ not in self.amount_plurals:
                return child
            # "Sales of battery-electric cars fell to 524,219": the amount is of the cars
            for prep in child.children:
                if prep.lower_ == "of":
                    objects = [c for c in prep.children if c.dep_ == "pobj" and c.tag_ == "NNS"]
                    return objects[0] if objects else None
        return None

    def _noun_lemma_of_word(self, noun: Token) -> str | None:
        """The lemma of one token, without looking at the hyphens around it."""
        lemma = self.lemma_overrides.get(noun.lower_) or noun.lemma_.lower()
        return None if lemma in self.not_counted else lemma

    def _noun_lemma(self, noun: Token) -> str | None:
        """The unit a counted noun gives: its singular lemma; hyphenated words whole, model and
        group names in their own case, fixed compounds from the lexicon."""
        doc = noun.doc
        if (
            noun.i + 2 < len(doc)
            and doc[noun.i + 1].text == "-"
            and not noun.whitespace_
            and not doc[noun.i + 1].whitespace_
            and doc[noun.i + 2].pos_ == "NOUN"
        ):
            # "11 co-defendants": the tokenizer splits the word and the parse counts "co".
            last = self._noun_lemma_of_word(doc[noun.i + 2])
            return f"{noun.lower_}-{last}" if last else None
        if (
            noun.i >= 2
            and doc[noun.i - 1].text == "-"
            and not doc[noun.i - 1].whitespace_
            and not doc[noun.i - 2].whitespace_
            and doc[noun.i - 2].is_alpha
            and not doc[noun.i - 2].like_num  # "a nine-member panel" counts members
            and noun.is_alpha
        ):
            # "485,000 day-trippers", "4.2 million sign-ups": the parse heads the last part
            last = noun.lower_[:-1] if noun.lower_ in ("ups", "ins", "outs", "offs") else None
            last = last or self._noun_lemma_of_word(noun)
            return f"{doc[noun.i - 2].lower_}-{last}" if last else None
        lemma = self.lemma_overrides.get(noun.lower_) or noun.lemma_.lower()
        plural = noun.tag_ in ("NNS", "NNPS")
        if plural and noun.lower_.endswith("ies") and lemma == noun.lower_[:-1]:
            lemma = (
                noun.lower_[:-3] + "y"
            )  # an unknown "narrowbodies": the lemmatizer drops only "s"
        if any(c.isdigit() for c in noun.text) and any(c.isalpha() for c in noun.text):
            # "18 older A320s": a model name keeps its case; a final "s" is a plural.
            text = noun.text
            plural_s = bool(_MODEL_PLURAL.match(text))
            return text[:-1] if plural or plural_s else text
        if any(c.isupper() for c in noun.text[1:]) or _group_name(noun):
            # "CubeSats", "SUVs", "Americans": a coined, acronym or group name keeps its case,
            # and the lemmatizer leaves its plural as it is.
            lemma = noun.text[:-1] if plural and _plural_s(noun.text) else noun.text
        elif noun.tag_ == "NNPS" and _plural_s(lemma):
            lemma = lemma[:-1]
        if noun.lower_ in self.not_counted or lemma in self.not_counted:
            return None
        # A fixed compound from the lexicon keeps its modifier ("member states" -> "member state").
        for child in noun.children:
            if child.dep_ == "compound" and child.i == noun.i - 1:
                compound = f"{child.lower_} {lemma}"
                if compound in self.compound_units:
                    return compound
        return lemma


def _singular(word: str) -> str:
    """An English plural in "s" made singular by its ending ("launches" -> "launch", "cities"
    -> "city", "blocks" -> "block"), for words the lemmatizer saw as names."""
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1]


def _plural_s(word: str) -> bool:
    """A plural made with a final "s" ("Democrats", "NGOs"), not "Swiss" or "Texas"."""
    return len(word) > 2 and word[-1] == "s" and word[-2] not in "su"


def _group_name(noun: Token) -> bool:
    """A capitalised plural name of people ("3,000 Americans", "19 Democrats"), not a word
    capitalised because the whole line is (a title-case headline)."""
    if not noun.is_title or noun.is_sent_start:
        return False
    if noun.tag_ != "NNPS" and noun.ent_type_ != "NORP":
        return False
    return not title_case_line(noun)


def title_case_line(token: Token) -> bool:
    """Whether the sentence capitalises most of its words (a title-case headline), so that a
    capital says nothing about a name."""
    words = [t for t in token.sent if t.is_alpha and len(t) > 3 and not t.ent_type_]
    return sum(t.is_title for t in words) * 2 > len(words)


def _without_rate(unit: str) -> str:
    """ "28 deaths a day. Of those, 9,757 ...": a figure said after a rate counts the thing."""
    return unit.split("/")[0]


def _last_counted_unit(found: Found) -> str | None:
    """What "of them", "others" or "Of those" refer to: the last plural count ("at least one
    top grade, and 41 of them" counts the students before it)."""
    for mention, _ in reversed(found):
        if mention.kind == "count" and mention.unit and not _counts_one(mention):
            return _without_rate(mention.unit)
    return None


def _counts_one(mention: QuantityMention) -> bool:
    amount = mention.value if mention.value is not None else mention.low or mention.high
    return amount == 1


def _same_order(value: float | None, other: float | None) -> bool:
    """Two figures within a factor of ten of each other (and neither a bare zero)."""
    if not value or not other:
        return False
    return 0.1 <= value / other <= 10


def _figure_anchor(span: Span) -> Token:
    """The token that places a figure in the clause: its root, or the date the parse hung it
    on ("rose to 1,140 last year", with "1,140" a modifier of "year")."""
    root = span.root
    if root.dep_ == "nummod" and root.head.ent_type_ in ("DATE", "TIME") and root.head.i > root.i:
        return root.head
    return root


def _plural_possessor(noun: Token) -> bool:
    """ "the two countries' governments" counts the countries; "12 men's records" the records."""
    return noun.dep_ == "poss" and any(
        c.dep_ == "case" and c.text in ("'", "’") for c in noun.children
    )


def _possessive(token: Token) -> bool:
    """ "'s" after a noun; with a curly apostrophe the tagger may call it a conjunction."""
    return token.tag_ == "POS" or token.text in ("'s", "’s", "'", "’")


def _inside_a_phrase(span: Span) -> bool:
    """A figure after a verb, preposition or determiner, not one that opens a clause ("Of the
    900 tenants, 120 paid fines"), where a participle after it is the clause's verb."""
    if span.start == 0 or span[0].is_sent_start:
        return False
    before = span.doc[span.start - 1]
    return not (before.is_punct or before.tag_ == "CC" or before.is_space)


def _finite_verb(token: Token) -> bool:
    """A verb that ends the noun phrase ("207 backed the motion"), not a participle
    describing the noun ("15,600 suspected cases")."""
    return (
        token.pos_ in ("VERB", "AUX")
        and token.tag_ not in ("VBN", "VBG")
        # "1,550 deployed warheads", with "deployed" tagged VBD; not "207 backed Scholz"
        and not (token.dep_ == "amod" and token.head.pos_ == "NOUN")
    )


_MODEL_PLURAL = re.compile(r"^[A-Z][A-Za-z-]*\d+[A-Za-z]*s$")  # "A319s", "F-16s"
_NOUN_MODIFIER_TAGS = {"JJ", "JJR", "JJS", "VBN", "VBD", "VBG", "NN", "NNP", "HYPH", "CC"}


def _plural_noun_after(
    span: Span, participles: Collection[str] = (), skip_amounts: bool = False
) -> Token | None:
    """The plural noun a figure's noun phrase ends in, read left to right when the parse went
    astray ("700 deployed intercontinental ballistic missiles", "9 million wireless and
    internet customers", "18.9 million paid subscribers" with ``participles``): modifiers only
    in between, at most six tokens; with ``skip_amounts`` also numbers and adverbs ("41 of the
    agency's roughly 100 bus routes" read after the possessive)."""
    doc = span.doc
    for token in doc[span.end : span.end + 7]:
        if skip_amounts and (token.tag_ in ("CD", "RB") or token.like_num):
            continue
        if token.tag_ in ("NNS", "NNPS") or _MODEL_PLURAL.match(token.text):
            return token
        model_part = any(c.isdigit() for c in token.text) and any(c.isalpha() for c in token.text)
        if model_part:
            continue  # "96 AH-64E Apache attack helicopters"
        if token.tag_ not in _NOUN_MODIFIER_TAGS or (token.tag_ == "CC" and token.i == span.end):
            return None  # "added 25,000 and government payrolls grew": "and" joins clauses
        if token.tag_.startswith("VB") and token.dep_ != "amod" and token.lower_ not in participles:
            return None  # "74,530 included children": a verb, not a modifier
    return None


_ADJECTIVE_ENDINGS = ("ed", "ing", "al", "ful", "ous", "ive", "ic", "able", "less", "ly")


_HYPHEN_ADJECTIVES = {
    "strong",
    "old",
    "long",
    "high",
    "wide",
    "deep",
    "tall",
    "odd",
    "plus",
    "fold",
}


def _noun_like(token: Token) -> bool:
    """A noun, or a noun the tagger called an adjective after a hyphen ("17,604-patient"); not
    "a 9,000-strong fleet"."""
    if token.pos_ == "NOUN":
        return True
    word = token.lower_
    return (
        token.pos_ == "ADJ"
        and word not in _HYPHEN_ADJECTIVES
        and not word.endswith(_ADJECTIVE_ENDINGS)
    )


def _line_of(span: Span) -> Span:
    """The tokens of the text line that holds ``span`` (newline tokens excluded)."""
    doc = span.doc
    start = span.start
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    end = span.end
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    return doc[start:end]


def _label_before_colon(span: Span) -> Span | None:
    """The label of a fact-box line ("Bus routes redrawn to feed the line: 23"): the figure
    follows a colon and the label starts its line."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != ":":
        return None
    for token in reversed(doc[max(0, span.start - 12) : span.start - 1]):
        if "\n" in token.text or token.is_sent_start and token.i < span.start - 1:
            label = doc[token.i : span.start - 1]
            break
    else:
        return None
    return label


def _hyphen_joined(span: Span) -> bool:
    """ "a 22-member alliance": the number describes the next noun, which is not counted."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text == "-" and not span[-1].whitespace_
