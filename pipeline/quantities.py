"""Quantities: every checkable number in the article as a ``QuantityMention``.

Runs after the entity fixes. Reading starts at spaCy's numeric entities
(CARDINAL, MONEY, PERCENT, QUANTITY, ORDINAL) and at numerals the model left
untagged, and reads the phrase token by token as the corpus guidelines cut it:

    [qualifier] amount [to|-|and amount] [percent | currency word | unit] [a day] [or more]

An amount is digits ("10,000", "5.5bn", "£12m"), number words ("three",
"twenty-five", "a dozen"), a fraction ("one-fifth", "half") or a vague
numeral ("several hundred", "thousands"). What a count counts comes from the
dependency parse (the noun the number modifies), not from the next word: that
is ``pipeline/counted_nouns.py``.
DATE and TIME entities are left to the dates stage; years, ages and clock
times tagged CARDINAL are dropped here.

Libraries: ``pint`` names measure units that the lexicon's table does not list
(only the symbols news uses). Runs of number words are read here: word2number,
tried first, returns 1 for "one trillion" and 1,201,000,200 for "one billion two
hundred million", and it reads no fractions or vague numerals.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

import pint
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .counted_nouns import CountedNouns, title_case_line
from .extensions import QuantityMention, article_of, in_ranges, register_extensions
from .lexicon import LexiconComponent, phrase_at, phrase_ending_at, phrase_table

# A numeral token: currency prefix ("HK$10"), digits, attached suffix ("bn", "%", "km").
_NUMERAL = re.compile(
    r"^(?P<cur>[A-Za-z]{0,3}\$|[€£¥₹₽₩₴₺₪₦])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<suf>[^\d\s]*)$"
)
# "20-25"; "10-$20" after a currency sign the tokenizer split off; "5.25%-5.50" before a "%".
_RANGE_TOKEN = re.compile(r"^(?P<low>\d[\d,]*(?:\.\d+)?)%?[-–][$€£]?(?P<high>\d[\d,]*(?:\.\d+)?)$")
_GLUED_CENTS = re.compile(r"^\d+(?:\.\d+)?c$")  # "21c"
_SLASH_FRACTION = re.compile(r"^(?P<num>\d+)/(?P<den>\d+)$")
_DIGIT_ORDINAL = re.compile(r"^(?P<num>\d+)(?:st|nd|rd|th)$", re.IGNORECASE)
_YEAR = re.compile(r"^\d{4}$")
_DIGITS = re.compile(r"^\d[\d,]*(?:\.\d+)?$")
# A temperature scale named anywhere in the article ("1.5 degrees Celsius", "47.2C", "108F").
_SCALES_NAMED = {
    "°C": re.compile(r"celsius|centigrade|\d\s?°?\s?C\b", re.IGNORECASE),
    "°F": re.compile(r"fahrenheit|\d\s?°?\s?F\b", re.IGNORECASE),
}


@dataclass
class Amount:
    """One number as read from tokens ``start:end``, before qualifiers and units are applied."""

    start: int
    end: int
    value: float | None  # None when vague
    kind: str = "number"  # number | fraction | vague | ordinal
    scale: float = 1.0
    high: float | None = None  # set when one token holds a range ("20-25")
    currency: str | None = None
    percent_unit: str | None = None
    unit_suffix: str | None = None  # a unit glued to the digits ("45km")


class QuantityReader:
    """Reads quantity phrases out of a parsed Doc, configured by the quantities lexicon."""

    def __init__(self, lexicon: dict[str, Any]) -> None:
        self.lex = lexicon
        phrases = lambda key: phrase_table(lexicon[key])  # noqa: E731
        self.qualifiers_before = phrases("qualifiers_before")
        self.qualifiers_after = phrases("qualifiers_after")
        self.percent_phrases = phrases("percent_phrases")
        self.measure_units = phrases("measure_units")
        self.rate_suffixes = phrases("rate_suffixes")
        self.currency_adjectives = phrases("currency_adjectives")
        self.scales: dict[str, float] = {k: float(v) for k, v in lexicon["scales"].items()}
        self.glued_scales = set(lexicon["attached_scales_need_no_space"])
        self.number_words = set(lexicon["number_words"])
        self.multipliers: dict[str, float] = lexicon["multiplier_words"]
        vague = {tuple(p.split()) for p in lexicon["vague_words"]}
        self.vague_words = sorted(vague, key=len, reverse=True)  # longest first
        self.vague_plurals = set(lexicon["vague_plural_scales"])
        self.denominators: dict[str, int] = lexicon["fraction_denominators"]
        self.ordinals: dict[str, int] = lexicon["ordinals"]
        self.currency_symbols: dict[str, str] = lexicon["currency_symbols"]
        self.code_aliases: dict[str, str] = lexicon["code_aliases"]
        self.currency_codes = set(lexicon["currency_codes"])
        self.currency_words: dict[str, str] = lexicon["currency_words"]
        self.money_label_words = set(lexicon["currency_words_needing_money_label"])
        self.subunits = phrases("currency_subunits")
        self.range_openers = set(lexicon["range_openers"])
        self.range_connectors = set(lexicon["range_connectors"])
        self.date_openers_after_number = set(lexicon["date_openers_after_number"])
        self.age_before = set(lexicon["age_before"])
        self.age_after = re.compile(lexicon["age_after_pattern"], re.IGNORECASE)
        self.time_after = re.compile(lexicon["time_after_pattern"], re.IGNORECASE)
        self.year_low, self.year_high = lexicon["year_range"]
        self.pint_excluded = set(lexicon["pint_excluded_words"])
        self.pint_symbols: dict[str, str] = lexicon["pint_symbols"]
        self.glued_units: dict[str, str] = lexicon["glued_units"]
        self.duration_units = set(lexicon["duration_units"])
        self.pound_words = set(lexicon["pound_words"])
        self.weight_markers = set(lexicon["weight_markers_after"])
        self.ordinal_idioms = [tuple(p.split()) for p in lexicon["ordinal_idioms"]]
        self.rank_after = re.compile(lexicon["rank_words_after_hyphen_pattern"], re.IGNORECASE)
        self.hyphen_not_quantity = re.compile(lexicon["hyphen_not_quantity_pattern"], re.IGNORECASE)
        self.month_words = set(lexicon["month_words"])
        self.determiner_numbers = set(lexicon["determiner_numbers"])
        self.one_limiters = set(lexicon["one_limiters"])
        self.one_casualty_verbs = set(lexicon["one_casualty_verbs"])
        self.one_ratios = phrase_table({p: True for p in lexicon["one_ratios"]})
        self.ratio_connectors = [tuple(p.split()) for p in lexicon["ratio_connectors"]]
        self.not_a_rate_after = set(lexicon["not_a_rate_after"])
        self.percent_conversions: dict[str, list[Any]] = lexicon["percent_unit_conversions"]
        self.frequency_words: dict[str, str] = lexicon["frequency_words"]
        self.frequency_adverbs: dict[str, float] = lexicon["frequency_adverbs"]
        self.multiplicative_after = set(lexicon["multiplicative_after"])
        self.negative_words = set(lexicon["negative_words"])
        self.prefix_units: dict[str, str] = lexicon["prefix_units"]
        self.duration_nouns = set(lexicon["duration_nouns"])
        self.currency_by_place: dict[str, dict[str, str]] = lexicon["currency_words_by_place"]
        self.margin_after = set(lexicon["margin_words_after"])
        self.margin_verbs = set(lexicon["margin_verbs"])
        self.glued_subunits: dict[str, list[Any]] = lexicon["glued_subunits"]
        self.openers_in_span = set(lexicon["range_openers_in_span"])
        self.change_verbs = set(lexicon["change_verbs"])
        self.change_nouns = set(lexicon["change_nouns"])
        self.measure_per = set(lexicon["measure_per_units"])
        self.temperature_words = set(lexicon["temperature_words"])
        self.share_point_context = set(lexicon["share_point_context"])
        self.index_words = set(lexicon["index_words"])
        self.weak_share_context = set(lexicon["weak_share_context"])
        self.polling_words = set(lexicon["polling_words"])
        self.comparatives = set(lexicon["comparative_qualifiers"])
        self._polling_story = False
        self._pint_cache: dict[str, str | None] = {}
        self.length_words = set(lexicon["length_words"])
        self._length_story = False
        self._rand_story = False
        self.cent_currencies = set(lexicon["cent_currencies"])
        self.weight_context = set(lexicon["weight_context_words"])
        self.designations = set(lexicon["designations"])
        self.fraction_points = phrase_table({p: True for p in lexicon["fraction_points"]})
        self.glued_codes = {code: code for code in lexicon["glued_currency_codes"]} | dict(
            lexicon["glued_currency_prefixes"]
        )
        self.speed_units: dict[str, str] = lexicon["speed_units"]
        # Places the current document names, for currency words that are also verbs ("won").
        self._places: Counter[str] = Counter()
        self._scales_named: set[str] = set()  # temperature scales the current document names
        self.nouns = CountedNouns(lexicon, self._rate_after)

    @cached_property
    def units(self) -> pint.UnitRegistry:
        """Built on first use: pint's registry takes a moment to load."""
        return pint.UnitRegistry()

    @cached_property
    def pint_dimensions(self) -> list[Any]:
        return [self.units.get_dimensionality(d) for d in self.lex["pint_dimensions"]]

    # -- the document -------------------------------------------------------

    def read_doc(self, doc: Doc) -> list[QuantityMention]:
        """Every quantity of the document outside boilerplate, sorted by start."""
        meta = article_of(doc)
        numeric = set(self.lex["numeric_labels"])
        blocking = set(self.lex["blocking_labels"])
        # Built once per Doc: ``doc.text`` and ``doc.ents`` rebuild themselves on every access.
        ents, lowers, doc_text = doc.ents, [t.lower_ for t in doc], doc.text
        self._places = Counter(e.text.lower() for e in ents if e.label_ in ("GPE", "NORP"))
        self._polling_story = any(low in self.polling_words for low in lowers)
        self._length_story = any(low in self.length_words for low in lowers)
        self._rand_story = "rand" in lowers or any(
            self._places[place] for place in self.currency_by_place.get("rand", {})
        )
        self._scales_named = {
            unit for unit, named in _SCALES_NAMED.items() if named.search(doc_text)
        }
        rescued = [
            e
            for e in ents
            if (e.label_ == "DATE" and self._count_tagged_date(e))
            or self._measure_tagged_date(e, lowers)
        ]
        blocked = {t.i for e in ents if e.label_ in blocking and e not in rescued for t in e}
        fractions = self._fractions_tagged_date(ents, lowers)
        blocked -= {i for start, end in fractions for i in range(start, end)}
        leading = self._numbers_before_date(ents, lowers) + self._occasions_in_date(ents, lowers)
        leading += self._halves_ending_date(ents, lowers)
        blocked -= {i for start, end in leading for i in range(start, end)}
        scores = _score_tokens(doc) | _model_designations(doc)  # "4-1", "Dash 8-100"
        blocked |= scores
        consumed: set[int] = set()
        found: list[tuple[QuantityMention, Span]] = []
        seeds = self._seeds(doc, ents, numeric) + [(e.start, e.end, "") for e in rescued]
        seeds += [(end - 2, end - 1, "") for _, end in fractions]
        seeds += [(start, end, "") for start, end in leading]
        for seed_start, seed_end, label in sorted(seeds):
            if seed_start in consumed or seed_start in scores:
                continue
            allowed = blocked - set(range(seed_start, seed_end))
            taken = consumed | allowed
            start = seed_start
            while start < seed_end:
                result = self._read_at(doc, lowers, doc_text, start, label, taken, found)
                if result is None:
                    start += 1
                    continue
                mention, span = result
                if in_ranges(mention.start, mention.end, meta.boilerplate):
                    break
                if any(t.i in consumed for t in span):
                    break
                consumed.update(t.i for t in span)
                taken = taken | consumed
                found.append((mention, span))
                # An entity may hold a second figure ("84% to 16%" read as two).
                start = max(span.end, start + 1)
        self._localise_currencies(found, lowers)
        self._cents_of_the_currency_before(found, lowers)
        return sorted((m for m, _ in found), key=lambda m: m.start)

    def _cents_of_the_currency_before(
        self, found: list[tuple[QuantityMention, Span]], lowers: list[str]
    ) -> None:
        """ "27.5 euro cents per kWh, down from a peak of 46 cents": a plain "cents" is in the
        currency of the money said just before (same or previous sentence), if it has cents,
        else in the story's main currency ("42 cents a litre" in a story in euros)."""
        previous: tuple[str, int] | None = None  # (currency, sentence start)
        currencies = Counter(m.unit.split("/")[0] for m, _ in found if m.kind == "money" and m.unit)
        main = next((c for c, _ in currencies.most_common() if c in self.cent_currencies), None)
        for mention, span in found:
            if mention.kind != "money" or not mention.unit:
                continue
            sentence = span.sent.start
            plain_cents = (
                lowers[span.end - 1] in ("cent", "cents")
                and (span.end - span.start < 2 or lowers[span.end - 2] not in self.currency_words)
            ) or bool(_GLUED_CENTS.match(span.doc[span.end - 1].text))
            earlier = span.doc[sentence - 1].sent.start if sentence > 0 else sentence
            recent = previous is not None and previous[1] >= earlier
            if plain_cents and recent and previous and previous[0] in self.cent_currencies:
                mention.unit = previous[0]
            elif plain_cents and main and mention.unit.startswith("USD") and main != "USD":
                mention.unit = main + mention.unit[3:]
            previous = (mention.unit.split("/")[0], sentence)

    def _localise_currencies(
        self, found: list[tuple[QuantityMention, Span]], lowers: list[str]
    ) -> None:
        """ "dirhams" are Moroccan in an article about Morocco: a currency word several countries
        use takes the code of the country the article names most, else its default."""
        places = self._places
        for mention, span in found:
            if mention.kind != "money" or not mention.unit:
                continue
            for i in range(span.start, span.end):
                codes = self.currency_by_place.get(lowers[i])
                if not codes:
                    continue
                named = [(places[place], code) for place, code in codes.items() if places[place]]
                if named:
                    code, _, rate = mention.unit.partition("/")
                    local = max(named)[1]
                    mention.unit = f"{local}/{rate}" if rate else local

    def _seeds(
        self, doc: Doc, ents: Sequence[Span], numeric: set[str]
    ) -> list[tuple[int, int, str]]:
        """Where to start reading: numeric entities, and untagged tokens that can open an amount."""
        seeds = [(e.start, e.end, e.label_) for e in ents if e.label_ in numeric]
        # A bare numeral the NER took for a name ("757 ballots" tagged PRODUCT) is still a number.
        seeds += [
            (e.start, e.end, "")
            for e in ents
            if len(e) == 1
            and e.label_ not in numeric
            and (
                (_NUMERAL.match(e[0].text) and e[0].pos_ == "NUM")
                or self._glued_money(e[0].text)
                or self._glued_percent(e[0].text)  # "a 30pc stake" tagged LOC
                or self._glued_code(e[0].text)  # "EUR25" tagged PERSON
            )
            and not self._is_year(e[0])
        ]
        seeds += [(t.i, t.i + 1, "") for e in ents for t in self._figures_inside_name(e, numeric)]
        skip = set(self.lex["extra_seed_skip"])
        for token in doc:
            if token.ent_iob_ != "O":
                continue
            if token.lower_ in skip:
                following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
                counted_one = token.lower_ == "one" and self._counted_one(doc, token.i, token.i + 1)
                if (
                    token.lower_ == "one" and following not in self.denominators and not counted_one
                ) or (
                    token.lower_ != "one"
                    and following not in self.multipliers
                    and not self._a_fraction(doc, token.i)
                    and not self._whole_point_at(doc, token.i)
                ):
                    continue
            if (
                self._opens_amount(token)
                or self._a_fraction(doc, token.i)
                or self._whole_point_at(doc, token.i)
            ):
                seeds.append((token.i, token.i + 1, ""))
        return sorted(seeds)

    def _glued_percent(self, text: str) -> bool:
        numeral = _NUMERAL.match(text)
        return bool(numeral and (numeral["suf"].lower(),) in self.percent_phrases)

    def _glued_money(self, text: str) -> bool:
        """ "110p", "HK$48.50": digits with a currency written on, which the NER may take for
        a name."""
        numeral = _NUMERAL.match(text)
        return bool(numeral and (numeral["cur"] or numeral["suf"].lower() in self.glued_subunits))

    def _figures_inside_name(self, ent: Span, numeric: set[str]) -> list[Token]:
        """Numerals the NER swallowed into a longer name, mostly in title-case headlines
        ("Boeing to Cut 17,000 Jobs" tagged ORG, "EU Fines Apple 1.8 Billion Euros"): a figure
        followed by a scale word or a plural noun counts something; "Boeing 737" does not."""
        if len(ent) < 2 or ent.label_ in numeric or ent.label_ in self.lex["blocking_labels"]:
            return []
        figures = []
        for token in ent:
            following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else token
            if (
                _NUMERAL.match(token.text)
                and token.pos_ == "NUM"
                and not self._is_year(token)
                and (
                    (token.i < ent.end - 1 and following.lower_ in self.scales)
                    or (token.i < ent.end - 1 and following.tag_ == "NNS")
                    or self.nouns.table_header_noun(ent) is not None  # "CDP 148" in a table
                )
            ):
                figures.append(token)
        return figures

    def _count_tagged_date(self, ent: Span) -> bool:
        """A DATE entity with no date in it: numbers no year could be, number words and
        fractions ("8046 ballots", "between 10 and 20", "One eighth", "one and a [half]",
        "Between 10 and 20 dollars")."""
        rest = [t.lower_ for t in ent[1:]]
        glued = self._glued_code(ent[0].text) or self._glued_money(ent[0].text)
        if glued and (not rest or tuple(rest) in self.rate_suffixes):
            return True  # "R370 a month", "EUR25 a day" tagged DATE
        glue = self.range_openers | self.range_connectors | {"a", "an", "and", "-"}
        glue |= {
            "daily",
            "weekly",
            "monthly",
            "quarterly",
            "yearly",
            "annual",
        }  # "31mn monthly users"
        numerals, words = 0, 0
        for token in ent:
            low = token.lower_
            numeral = _NUMERAL.match(token.text)
            ranged = _RANGE_TOKEN.match(token.text)
            if ranged and not any(self._is_year_text(ranged[end]) for end in ("low", "high")):
                numerals += 1  # "Between 20-25 people", tagged DATE
            elif _DIGITS.match(token.text):
                if self.year_low <= _to_float(token.text) <= self.year_high:
                    return False
                numerals += 1
            elif numeral and numeral["suf"].lower() in self.scales:
                numerals += 1  # "had 31mn users", tagged DATE
            elif low in self.number_words or low in self.denominators:
                words += 1
            elif not (
                low in glue
                or low in self.currency_words
                or (low,) in self.percent_phrases
                or (low,) in self.measure_units
            ):
                return False
        return numerals <= 2 and numerals + words > 0

    def _fractions_tagged_date(
        self, ents: Sequence[Span], lowers: list[str]
    ) -> list[tuple[int, int]]:
        """ "rose by a fifth last year", "up about a quarter": spaCy tags the fraction as part
        of a DATE. Token ranges of "[qualifier] a <denominator>", not "a quarter (of a) century"."""
        ranges = []
        for ent in ents:
            if ent.label_ != "DATE":
                continue
            for i in range(ent.start, ent.end - 1):
                if lowers[i] not in ("a", "an") or lowers[i + 1] not in self.denominators:
                    continue
                after = lowers[i + 2 : i + 5]
                if after[:1] and after[0] in self.duration_nouns:
                    continue
                if after[:2] == ["of", "a"] and after[2:] and after[2] in self.duration_nouns:
                    continue
                qualifier = phrase_ending_at(lowers, i, self.qualifiers_before, set())
                start = i - qualifier[1] if qualifier and i - qualifier[1] >= ent.start else i
                ranges.append((start, i + 2))
        return ranges

    def _halves_ending_date(self, ents: Sequence[Span], lowers: list[str]) -> list[tuple[int, int]]:
        """ "over the last three months half a percentage point above": the "half" that spaCy
        put at the end of a DATE."""
        return [
            (ent.end - 1, ent.end)
            for ent in ents
            if ent.label_ == "DATE"
            and len(ent) > 1
            and lowers[ent.end - 1] == "half"
            and lowers[ent.end : ent.end + 1] == ["a"]
            and phrase_at(lowers, ent.end + 1, self.fraction_points)
        ]

    def _numbers_before_date(
        self, ents: Sequence[Span], lowers: list[str]
    ) -> list[tuple[int, int]]:
        """ "up from 900 a year earlier": spaCy tags a figure and the date after it as one DATE.
        Token ranges of the figure, when a determiner opens the date right after it."""
        ranges = []
        for ent in ents:
            if ent.label_ != "DATE" or self._is_year(ent[0]):
                continue
            k = ent.start
            while k < ent.end and (
                _DIGITS.match(lowers[k])
                or lowers[k] in self.number_words
                or (k > ent.start and lowers[k] in self.scales)
            ):
                k += 1
            if ent.start < k < ent.end and lowers[k] in self.date_openers_after_number:
                ranges.append((ent.start, k))
        return ranges

    def _on_before(self, lowers: list[str], i: int) -> bool:
        """ "on 332 days", "on a record 332 days", "on as many as 21 days": days counted as
        occasions, not a duration."""
        qualifier = phrase_ending_at(lowers, i, self.qualifiers_before, set())
        k = i - (qualifier[1] if qualifier else 0) - 1
        while k >= 0 and lowers[k] in ("a", "record", "total", "of"):
            k -= 1
        return k >= 0 and lowers[k] == "on"

    def _occasions_in_date(self, ents: Sequence[Span], lowers: list[str]) -> list[tuple[int, int]]:
        """ "outages on a record 332 days last year", tagged DATE whole: the figure counts days."""
        ranges = []
        for ent in ents:
            if ent.label_ != "DATE":
                continue
            for k in range(ent.start, ent.end - 1):
                days = k + 1
                if days + 1 < ent.end and ent.doc[days].pos_ in ("ADJ", "VERB"):
                    days += 1  # "on 29 selected days"
                if (
                    _DIGITS.match(lowers[k])
                    and lowers[days] in self.duration_nouns
                    and self._on_before(lowers, k)
                ):
                    qualifier = phrase_ending_at(lowers, k, self.qualifiers_before, set())
                    start = k - qualifier[1] if qualifier else k
                    ranges.append((max(start, ent.start), k + 1))
        return ranges

    def _measure_tagged_date(self, ent: Span, lowers: list[str]) -> bool:
        """A DATE or TIME entity that is a measure: "1.6C" glued, or "31 seconds" (a margin)."""
        if ent.label_ not in ("DATE", "TIME"):
            return False
        for token in ent:
            numeral = _NUMERAL.match(token.text)
            if numeral and numeral["suf"].lower() in self.glued_units:
                return True
        if phrase_ending_at(lowers, ent.end, self.percent_phrases, set()):
            return True  # "between 15 and 20 per cent"
        unit = phrase_ending_at(lowers, ent.end, self.measure_units, set())
        return bool(unit and ent.end - unit[1] > ent.start)  # "31 seconds", "10 to 15 miles"

    def _a_fraction(self, doc: Doc, i: int) -> bool:
        """ "a fifth", "a quarter of": an article and a denominator that no noun follows."""
        if i + 1 >= len(doc) or doc[i].lower_ not in ("a", "an"):
            return False
        if doc[i + 1].lower_ not in self.denominators:
            return False
        following = doc[i + 2] if i + 2 < len(doc) else None
        lowers = [t.lower_ for t in doc[i + 2 : i + 5]]
        if phrase_at(lowers, 0, self.fraction_points):
            return True  # "a quarter point", "a half-point cut"
        if following is not None and following.text == "-" and not doc[i + 1].whitespace_:
            return False  # "a third-party platform"
        return following is None or following.pos_ not in ("NOUN", "PROPN", "ADJ")

    def _opens_amount(self, token: Token) -> bool:
        low = token.lower_
        return bool(
            _NUMERAL.match(token.text)
            or self._glued_code(token.text)
            or _RANGE_TOKEN.match(token.text)
            or low in self.number_words
            or low in self.vague_plurals
            or low == "several"
            or low in self.frequency_adverbs
            or low in self.currency_symbols
            or token.text in self.currency_codes
        )

    # -- one quantity ---------------------------------------------------------

    def _read_at(
        self,
        doc: Doc,
        lowers: list[str],
        doc_text: str,
        start: int,
        label: str,
        taken: set[int],
        found: list[tuple[QuantityMention, Span]],
    ) -> tuple[QuantityMention, Span] | None:
        """Read a quantity whose amount begins at ``start`` (a qualifier may come before it)."""
        qualifier, begin = None, start
        # A qualifier opening the entity ("as many as 10,000"), or one just before it.
        match = phrase_at(lowers, start, self.qualifiers_before)
        if match and self._class_threshold(doc, lowers, start):
            begin = start = start + match[1]  # the class's threshold is not part of the figure
        elif match:
            qualifier, length = match
            start += length
        else:
            before = phrase_ending_at(lowers, start, self.qualifiers_before, taken)
            if before and not self._class_threshold(doc, lowers, start - before[1]):
                qualifier, length = before
                begin = start - length
            elif self._past_a_level(doc, lowers, start, taken):
                qualifier, begin = "more_than", start - 1  # "lifting its total past 300 million"
        if qualifier == "approximate":
            # "within roughly 1 km", "up to about 300": the bound is what the figure says.
            outer = phrase_ending_at(lowers, begin, self.qualifiers_before, taken)
            if outer and outer[0] != "approximate":
                qualifier, begin = outer[0], begin - outer[1]
        free_before = 0 < start < len(doc) and start - 1 not in taken
        counters = {*self.multipliers, *self.scales}
        if free_before and (
            (lowers[start - 1] in ("a", "an") and lowers[start] in counters)
            or self._a_fraction(doc, start - 1)
        ):
            start -= 1  # spaCy tags "dozen" in "a dozen"
            begin = min(begin, start)
        elif free_before and begin == start and self._code_left_out(doc, start):
            start = begin = start - 1
        opener = lowers[start] if start < len(doc) and lowers[start] in self.range_openers else None
        if opener:
            start += 1
        elif begin == start and start > 0 and lowers[start - 1] in self.range_openers:
            opener, begin = lowers[start - 1], start - 1
        if start < len(doc) and lowers[start] in self.frequency_adverbs:
            return self._frequency_adverb(doc, lowers, begin, start, qualifier)
        first = self._read_amount(doc, lowers, start, label, taken)
        if first is None:
            return None
        word_before = (
            lowers[begin - 1] if begin == start and begin > 0 and begin - 1 not in taken else ""
        )
        prefix_unit = self.prefix_units.get(word_before) if _plain(first) else None
        negative = word_before in self.negative_words and first.value is not None
        if negative and begin >= 3 and lowers[begin - 3 : begin - 1] == ["plus", "or"]:
            negative = False  # "plus or minus 2.5 points": a margin, not a negative figure
        if prefix_unit or negative:
            begin -= 1  # "magnitude 6.8", "minus 100 degrees"
        if negative and first.value is not None:
            first = replace(first, value=-first.value, high=_times(first.high, -1.0))
        second = self._read_range_end(doc, lowers, first, opener, label, taken)
        end = (second or first).end
        if second is None and first.high is None:
            ratio = self._read_ratio(doc, lowers, first, label, taken)
            if ratio is not None:
                first, end = ratio, ratio.end
        if second is None and opener and qualifier is None:
            begin = start  # "from 10" is not a range: leave the preposition out
        if second is None and first.high is not None:
            second = replace(first, value=first.high, high=None)
        if second is not None:
            shared = _share_units(first, second)
            if _descending(*shared) and _plain(first) and _plain(second):
                # "voted 52 to 21": a tally, one mention with no single value.
                first, second = replace(first, value=None), None
            elif _descending(*shared):
                # "voted 84% to 16%", "fell from 5% to 3%": two figures, not a range.
                second, end = None, first.end
                if opener and qualifier is None:
                    begin = start
            elif opener == "from" and self._change_between(doc, start - 1):
                # "lifts the fare from $1.75 to $2.25": a change between two figures.
                second, end = None, first.end
                if qualifier is None:
                    begin = start
            else:
                first, second = shared
                if opener not in self.openers_in_span and begin == start - 1:
                    begin = start  # "ranges from 10 to 20": the preposition stays out
        last = second or first
        unit, end = self._unit_after(doc, lowers, last, end, label, taken)
        if unit and "/" not in unit:
            per = self._per_measure(lowers, end, taken)
            if per:
                unit, end = f"{unit}/{per[0]}", end + per[1]  # "5.9 tonnes a hectare"
        if unit == "°":
            unit = self._temperature_scale(doc[begin:end], last.value)
        if prefix_unit and unit is None:
            unit = prefix_unit
        if second is None and unit in self.duration_units:
            first, unit, end = self._add_smaller_unit(doc, lowers, first, unit, end, label, taken)
        plain_count = not (last.currency or last.percent_unit) and last.kind != "fraction"
        if unit is None and plain_count and end < len(doc) and lowers[end] in self.frequency_words:
            if self._multiplicative(doc, lowers, end + 1):
                return None  # "three times as many": a comparison, not a count
            unit, end = self.frequency_words[lowers[end]], end + 1  # "14 times"
        unit, end = self._with_rate(lowers, end, unit, last.currency)
        after = phrase_at(lowers, end, self.qualifiers_after)
        if after and qualifier is None and all(i not in taken for i in range(end, end + after[1])):
            qualifier, end = after[0], end + after[1]
            unit, end = self._with_rate(lowers, end, unit, last.currency)  # "$10 or less a month"
        span = doc[begin:end]
        counted = unit is not None or not (last.currency or last.percent_unit)
        if (
            counted
            and self._a_duration(doc, lowers, span, unit)
            and not self._margin(doc, lowers, span)
        ):
            return None  # "delayed by 23 minutes", "four hours": durations, for the dates stage
        if self._not_a_quantity(doc, lowers, doc_text, first, span, unit):
            return None
        if qualifier is None and second is None and self._determiner_number(span, first, unit):
            return None
        mention = self._mention(span, first, second, qualifier, unit, found)
        return mention, span

    def _with_rate(
        self, lowers: list[str], end: int, unit: str | None, currency: str | None
    ) -> tuple[str | None, int]:
        """A measure or sum followed by "a day", "per year": the unit over that time, once
        ("euros a year" -> "EUR/year"; "25 miles an hour" -> "mph")."""
        if not (unit or currency) or (unit and "/" in unit):
            return unit, end
        rate = self._rate_after(lowers, end)
        if rate is None:
            across = self._rate_after_of_phrase(lowers, end)
            if across is not None and unit and unit not in self.duration_units:
                # "8 liters of water a day": the span ends at liters
                return f"{unit}/{across}", end
            return unit, end
        with_rate = f"{unit or currency}/{rate[0]}"
        return self.speed_units.get(with_rate, with_rate), end + rate[1]

    def _rate_after_of_phrase(self, lowers: list[str], end: int) -> str | None:
        """The rate after the "of" phrase of a measure or count ("8 liters of water a day",
        "four trucks of cooking gas a day"): the time unit, if one follows within three words."""
        if end >= len(lowers) or lowers[end] != "of":
            return None
        for k in range(end + 2, min(end + 5, len(lowers))):
            if lowers[k] in ("and", "or", ",", ".", "to", "from", "for", "in", "on", "at"):
                return None
            rate = self._rate_after(lowers, k)
            if rate is not None:
                return rate[0]
        return None

    def _change_between(self, doc: Doc, i: int) -> bool:
        """Whether "from" at ``i`` belongs to a verb of change ("raised the rate from"), directly
        or through the thing changed."""
        head = doc[i].head
        if head.dep_ in ("dobj", "nsubj", "nsubjpass") and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in self.change_verbs:
            return True
        if head.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in self.change_nouns for c in head.children
        ):
            return True  # "approved a rise in the levy from 8% to 9%"
        # "a rise in contributions from 11.5% to 12%": a noun of change, through "in"
        for _ in range(3):
            if head.pos_ == "NOUN" and head.lemma_.lower() in self.change_nouns:
                return True
            if head.head is head:
                break
            head = head.head
        return False

    def _a_duration(self, doc: Doc, lowers: list[str], span: Span, unit: str | None) -> bool:
        """An amount of time: a time unit ("23 minutes") or a time noun counted ("four hours");
        not a time to the hundredth ("won in 9.77 seconds"), which is a measured result."""
        if unit is not None:
            timed = unit == "s" and any("." in t.text and t.like_num for t in span)
            return unit in self.duration_units and not timed
        if span.end >= len(doc):
            return False
        noun = doc[span.end]
        occasions = self._on_before(lowers, span.start)  # "outages on 332 days"
        compound = (  # "485,000 day-trippers"
            span.end + 1 < len(doc) and doc[span.end + 1].text == "-" and not noun.whitespace_
        )
        return (
            lowers[span.end] in self.duration_nouns
            and noun.pos_ == "NOUN"
            and span.root.dep_ == "nummod"
            and not occasions
            and not compound
        )

    def _margin(self, doc: Doc, lowers: list[str], span: Span) -> bool:
        """A winning or record margin is a measure: "31 seconds behind", "won by 14 seconds"."""
        end = span.end
        if end < len(doc) and lowers[end] in self.duration_nouns:
            end += 1
        if end < len(doc) and lowers[end] in self.margin_after:
            return True
        if span.start == 0 or lowers[span.start - 1] != "by":
            return False
        return doc[span.start - 1].head.lemma_.lower() in self.margin_verbs

    def _read_ratio(
        self, doc: Doc, lowers: list[str], first: Amount, label: str, taken: set[int]
    ) -> Amount | None:
        """ "one in 20", "three out of four": a proportion, kind fraction."""
        if not _plain(first) or not first.value:
            return None
        for phrase in self.ratio_connectors:
            n = len(phrase)
            if tuple(lowers[first.end : first.end + n]) != phrase:
                continue
            if any(k in taken for k in range(first.end, first.end + n)):
                return None
            second = self._read_amount(doc, lowers, first.end + n, label, taken)
            if second is None or not _plain(second) or second.value is None:
                return None
            if second.value < first.value or self._is_year(doc[second.start]):
                return None
            return Amount(first.start, second.end, first.value / second.value, kind="fraction")
        return None

    def _is_year_text(self, text: str) -> bool:
        return bool(_YEAR.match(text)) and self.year_low <= int(text) <= self.year_high

    def _is_year(self, token: Token) -> bool:
        return bool(_YEAR.match(token.text)) and self.year_low <= int(token.text) <= self.year_high

    def _determiner_number(self, span: Span, first: Amount, unit: str | None) -> bool:
        """A lone "one" ("one diplomat said", "one of the largest") singles a thing out;
        it is not a count a fact-checker would check, unless the sentence counts it."""
        if not (_plain(first) and unit is None and span.text.lower() in self.determiner_numbers):
            return False
        return not self._counted_one(span.doc, span.start, span.end)

    def _counted_one(self, doc: Doc, start: int, end: int) -> bool:
        """ "only one case", "one nurse for every six patients", "one of its ships": a "one"
        (tokens ``start:end``) that the sentence counts."""
        before = doc[start - 1].lower_ if start > 0 else ""
        if before in self.one_limiters:
            return True
        if before in ("every", "not", "no", "any", "each"):
            return False  # "every one of these figures is a family"
        if start > 0 and doc[start - 1].lemma_ in self.one_casualty_verbs:
            return True  # "killing one woman"
        if before in ("and", "or") and any(
            t.like_num and t.lower_ != "one" for t in doc[max(0, start - 8) : start - 1]
        ):
            return True  # "13 Israelis, 10 Thais and one Filipino"
        if end + 1 < len(doc) and doc[end].tag_ == "NN":
            predicate = [t.lower_ for t in doc[end + 1 : end + 3]]
            if phrase_at(predicate, 0, self.nouns.people_predicates):
                return True  # "one woman killed"
        if end + 2 < len(doc) and doc[end].tag_ == "NN":
            # a ratio: "one nurse for every six patients", "one kettle between 22 rooms"
            ratio = phrase_at([t.lower_ for t in doc[end + 1 : end + 3]], 0, self.one_ratios)
            base = end + 1 + ratio[1] if ratio else None
            if base is not None and base < len(doc) and doc[base].like_num:
                return True
        if end + 2 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].tag_ in ("DT", "PRP$"):
            # a partitive over a plain plural: "one of their fishing boats", not "one of the
            # largest ports"
            for token in doc[end + 2 : end + 5]:
                if token.tag_ == "NNS":
                    return True
                if token.tag_ not in ("NN", "NNP"):
                    return False
        return False

    def _read_range_end(
        self,
        doc: Doc,
        lowers: list[str],
        first: Amount,
        opener: str | None,
        label: str,
        taken: set[int],
    ) -> Amount | None:
        """The second figure of a range ("10 to 20", "between 10 and 15"), if one follows."""
        i = first.end
        if i + 1 < len(doc) and i not in taken and doc[i].lower_ == "or":
            return self._either_figure(doc, lowers, first, label, taken)
        if i + 1 >= len(doc) or i in taken or doc[i].lower_ not in self.range_connectors:
            return None
        if doc[i].lower_ == "and" and opener != "between":
            return None
        glued = not doc[i - 1].whitespace_ and not doc[i].whitespace_
        if doc[i].lower_ != "and" and opener == "between" and not glued:
            return None  # "between 20-25 people" is a range; "between 10 to 20" is not English
        second = self._read_amount(doc, lowers, i + 1, label, taken)
        if second is None or second.kind in ("vague", "ordinal") or first.kind == "vague":
            return None
        if first.percent_unit and not second.percent_unit:
            return None  # "soars 37% to 430,000 offences": a change, then a level
        if doc[i].lower_ == "to" and first.start > 0 and lowers[first.start - 1] == "by":
            # "jumped by 249,000 to 1.1 million": a change, then a level far above it; "down by
            # 100 to 150 naira" is a range of the change.
            low, high = _share_units(first, second)
            if low.value is not None and high.value is not None and high.value >= 3 * low.value:
                return None
        priced_at = first.start > 0 and lowers[first.start - 1] == "at"  # "priced at 10 to 12"
        if (
            doc[i].lower_ == "to"
            and doc[i].head.pos_ in ("VERB", "AUX")
            and opener != "between"
            and not priced_at
        ):
            # "rose 2% to 4.3%" is a change, not a range; "voted 52 to 21" is a tally.
            tally = _plain(first) and _plain(second) and _descending(first, second)
            return second if tally else None
        return second

    def _either_figure(
        self, doc: Doc, lowers: list[str], first: Amount, label: str, taken: set[int]
    ) -> Amount | None:
        """ "three or four strips", "eight or nine sectors a day": two neighbouring whole
        numbers joined by "or" are a range; not "10 or more" nor "one or two of them" apart."""
        second = self._read_amount(doc, lowers, first.end + 1, label, taken)
        if second is None or not (_plain(first) and _plain(second)):
            return None
        low, high = first.value, second.value
        if low is None or high is None or not (low.is_integer() and high.is_integer()):
            return None
        return second if 0 < high - low <= max(2.0, low / 2) else None

    def _unit_after(
        self, doc: Doc, lowers: list[str], last: Amount, end: int, label: str, taken: set[int]
    ) -> tuple[str | None, int]:
        """A measure unit after the amount ("45 kilometers", "2 million barrels a day")."""
        if last.currency or last.percent_unit or last.kind == "ordinal":
            return None, end
        unit = last.unit_suffix
        if unit is None:
            # "a 300-metre stretch": the unit joined by a hyphen belongs to the measure.
            hyphen = (
                end + 1 < len(doc)
                and doc[end].text == "-"
                and not doc[end - 1].whitespace_
                and not doc[end].whitespace_
                and end not in taken
            )
            k = end + 1 if hyphen else end
            match = phrase_at(lowers, k, self.measure_units, taken)
            if match and (match[0] != "lb" or label != "MONEY"):
                unit, end = match[0], k + match[1]
            elif k < len(doc) and k not in taken:
                unit = self._pint_symbol(doc[k])
                if unit:
                    end = k + 1
        return unit, end

    def _per_measure(self, lowers: list[str], end: int, taken: set[int]) -> tuple[str, int] | None:
        """ "a hectare", "per hectolitre" after a measure: the unit it is measured over."""
        if end >= len(lowers) or lowers[end] not in self.measure_per:
            return None
        match = phrase_at(lowers, end + 1, self.measure_units, taken)
        if match is None or "/" in match[0]:
            return None
        return match[0], 1 + match[1]

    def _temperature_scale(self, span: Span, value: float | None) -> str:
        """Bare "degrees" of a temperature: the scale the article names; else, below zero or by
        the words around it, Fahrenheit above 60 (no weather reaches 60 °C) and Celsius below;
        else an angle, "°"."""
        if len(self._scales_named) == 1:
            return next(iter(self._scales_named))
        below_zero = value is not None and value < 0  # "at minus 10 degrees": no angle
        sentence = span.sent
        warming = "industrial" in sentence.text.lower()  # "1.53 degrees above pre-industrial"
        if not (below_zero or warming) and not any(
            t.lower_ in self.temperature_words for t in sentence
        ):
            return "°"
        return "°F" if value is not None and value > 60 else "°C"

    def _rate_after(self, lowers: list[str], end: int) -> tuple[str, int] | None:
        """ "a day", "per second" after a measure or sum makes it a rate ("euros a year").

        Not when "a <period>" starts a comparison or a date ("a year earlier", "a month more").
        DATE tokens are not checked: spaCy often tags the "a year" of a rate as a DATE."""
        rate = phrase_at(lowers, end, self.rate_suffixes)
        if rate is None:
            return None
        following = end + rate[1]
        if (
            lowers[end] in ("a", "an")  # "per year" is always a rate
            and following < len(lowers)
            and lowers[following] in self.not_a_rate_after
        ):
            return None
        return rate

    def _frequency_adverb(
        self, doc: Doc, lowers: list[str], begin: int, i: int, qualifier: str | None
    ) -> tuple[QuantityMention, Span] | None:
        """ "twice", "thrice" as a frequency: a count without unit; not "twice as many"."""
        if self._multiplicative(doc, lowers, i + 1):
            return None
        span = doc[begin : i + 1]
        amount = Amount(i, i + 1, self.frequency_adverbs[lowers[i]])
        mention = self._mention(span, amount, None, qualifier, None, [])
        mention.unit = None  # a count of occasions: the noun after it is not what is counted
        return mention, span

    def _multiplicative(self, doc: Doc, lowers: list[str], i: int) -> bool:
        """A comparison follows: "as", "the", "that", or a comparative ("higher", "more")."""
        if i >= len(doc):
            return False
        return lowers[i] in self.multiplicative_after or doc[i].tag_ in ("JJR", "RBR")

    def _add_smaller_unit(
        self,
        doc: Doc,
        lowers: list[str],
        first: Amount,
        unit: str | None,
        end: int,
        label: str,
        taken: set[int],
    ) -> tuple[Amount, str | None, int]:
        """ "2 minutes and 11 seconds" is one measure, 131 s."""
        if end + 1 >= len(doc) or doc[end].lower_ != "and" or end in taken or first.value is None:
            return first, unit, end
        part = self._read_amount(doc, lowers, end + 1, label, taken)
        if part is None or not _plain(part) or part.value is None:
            return first, unit, end
        smaller, part_end = self._unit_after(doc, lowers, part, part.end, label, taken)
        if smaller not in self.duration_units or smaller == unit:
            return first, unit, end
        total = self.units.Quantity(first.value, unit) + self.units.Quantity(part.value, smaller)
        value = float(total.to(smaller).magnitude)
        return replace(first, value=value, end=part_end), smaller, part_end

    def _pint_symbol(self, token: Token) -> str | None:
        """A unit pint knows, of a dimension news measures (not time: that is a date)."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        return self._pint_text(token.text)

    # -- amounts --------------------------------------------------------------

    def _read_amount(
        self, doc: Doc, lowers: list[str], i: int, label: str, taken: set[int]
    ) -> Amount | None:
        """Read [currency] number [scale] [percent | currency word] from token ``i``."""
        if i >= len(doc) or i in taken:
            return None
        currency = self._currency_symbol(doc[i])
        start = i
        if currency:
            i += 1
        core = self._read_core(doc, lowers, i, taken, allow_ordinal=label == "ORDINAL")
        if core is None:
            return None
        core.start = start
        if currency:
            if core.currency:
                return None
            core.currency = currency
        return self._read_suffix(doc, lowers, core, label, taken)

    def _code_left_out(self, doc: Doc, start: int) -> bool:
        """ "CAD 3.03": a currency code or sign before the entity that spaCy did not include."""
        return bool(self._currency_symbol(doc[start - 1]) and not self._currency_symbol(doc[start]))

    def _currency_symbol(self, token: Token) -> str | None:
        if token.text in self.currency_codes:
            return self.code_aliases.get(token.text, token.text)
        return self.currency_symbols.get(token.lower_)

    def _read_core(
        self, doc: Doc, lowers: list[str], i: int, taken: set[int], allow_ordinal: bool
    ) -> Amount | None:
        """One amount at token ``i``: a range token, a fraction, an ordinal, digits, a vague
        numeral or number words."""
        if i >= len(doc) or i in taken:
            return None
        token, low = doc[i], lowers[i]
        ranged = _RANGE_TOKEN.match(token.text)
        if ranged:
            amount = Amount(i, i + 1, _to_float(ranged["low"]), high=_to_float(ranged["high"]))
            return self._read_scale(doc, amount, taken)
        slash = _SLASH_FRACTION.match(token.text)
        if slash and _season_years(slash):
            return None  # "the 2023/24 season"
        if slash and int(slash["den"]):
            return Amount(i, i + 1, int(slash["num"]) / int(slash["den"]), kind="fraction")
        ordinal = _DIGIT_ORDINAL.match(token.text)
        if ordinal:
            return (
                Amount(i, i + 1, float(ordinal["num"]), kind="ordinal") if allow_ordinal else None
            )
        numeral = _NUMERAL.match(token.text)
        if numeral:
            return self._read_numeral(doc, i, numeral, taken)
        glued = self._glued_code(token.text)
        if glued:
            money = self._read_numeral(doc, i, glued[1], taken)
            if money is not None:
                money.currency = glued[0]
            return money
        whole_point = self._a_whole_point(lowers, i, taken)
        if whole_point is not None:
            return whole_point
        vague = self._read_vague(lowers, i, taken)
        if vague is not None:
            return vague
        words = self._read_words(lowers, i, taken)
        if words is not None:
            return words
        if allow_ordinal and low in self.ordinals:
            return Amount(i, i + 1, float(self.ordinals[low]), kind="ordinal")
        return None

    def _whole_point_at(self, doc: Doc, i: int) -> bool:
        token = doc[i]
        if token.lower_ not in ("a", "an") or (i > 0 and doc[i - 1].lower_ in self.denominators):
            return False
        return self._a_whole_point([t.lower_ for t in doc[i : i + 5]], 0, set()) is not None

    def _a_whole_point(self, lowers: list[str], i: int, taken: set[int]) -> Amount | None:
        """ "raised its rate by a full percentage point": one point, said with an article (not
        the "a" of "half a percentage point")."""
        if lowers[i] not in ("a", "an") or (i > 0 and lowers[i - 1] in self.denominators):
            return None
        j = i + 1
        if j < len(lowers) and lowers[j] in ("full", "whole"):
            j += 1
        percent = phrase_at(lowers, j, self.percent_phrases, taken)
        if not percent or percent[0] not in ("percentage_point", "basis_point"):
            return None
        return Amount(i, j + percent[1], 1.0, percent_unit=percent[0])

    def _read_numeral(
        self, doc: Doc, i: int, numeral: re.Match[str], taken: set[int]
    ) -> Amount | None:
        """Digits with what is written onto them: a currency sign, a scale ("5.5bn"), a percent
        sign, a unit ("45km"), pence; ``None`` for a name ("5G")."""
        amount = Amount(i, i + 1, _to_float(numeral["num"]))
        if numeral["cur"]:
            amount.currency = self._currency_symbol_text(numeral["cur"])
        suffix = numeral["suf"]
        if suffix:
            lowered = suffix.lower()
            if lowered in self.scales:
                amount.scale = self.scales[lowered]
                amount.value = _times(amount.value, amount.scale)
            elif (lowered,) in self.percent_phrases:
                amount.percent_unit = self.percent_phrases[(lowered,)]
            elif (lowered,) in self.measure_units:
                amount.unit_suffix = self.measure_units[(lowered,)]
            elif suffix == "c" and not numeral["cur"] and not self._temperature_sentence(doc[i]):
                # "about 21c of every rand": cents, in the story's currency (set later)
                amount.currency, amount.value = "USD", _times(amount.value, 0.01)
            elif lowered in self.glued_units:
                amount.unit_suffix = self.glued_units[lowered]
            elif lowered in self.glued_subunits and not numeral["cur"]:
                code, factor = self.glued_subunits[lowered]
                amount.currency, amount.value = code, _times(amount.value, float(factor))
            elif suffix not in ("-",):
                amount.unit_suffix = self._pint_text(suffix)
                if amount.unit_suffix is None and suffix.isalpha() and suffix.isupper():
                    return None  # "5G", "4K", "3D": a name, not an amount
        # "2 1/2"
        if i + 1 < len(doc) and i + 1 not in taken:
            slash = _SLASH_FRACTION.match(doc[i + 1].text)
            if slash and int(slash["den"]) and amount.value is not None and amount.scale == 1:
                amount.value += int(slash["num"]) / int(slash["den"])
                amount.end = i + 2
        return self._read_scale(doc, amount, taken)

    def _currency_symbol_text(self, text: str) -> str | None:
        return self.currency_symbols.get(text.lower())

    def _glued_code(self, text: str) -> tuple[str, re.Match[str]] | None:
        """ "EUR40", "Rs113.4bn": a currency code or sign written onto the digits (not
        "COP28", a conference)."""
        for length in (3, 2):
            prefix, rest = text[:length], text[length:]
            numeral = _NUMERAL.match(rest) if prefix in self.glued_codes else None
            if numeral and not numeral["cur"]:
                return self.glued_codes[prefix], numeral
        if text[:1] == "R" and self._rand_story:  # "R150bn" in a story about South Africa
            numeral = _NUMERAL.match(text[1:])
            if numeral and not numeral["cur"] and numeral["suf"].lower() in ("", "bn", "m", "tn"):
                return "ZAR", numeral
        return None

    def _pint_text(self, text: str) -> str | None:
        """The symbol of a unit pint knows, of a dimension news measures; remembered per text,
        since pint is slow on the words it does not know."""
        if text in self._pint_cache:
            return self._pint_cache[text]
        if len(self._pint_cache) > 50_000:
            self._pint_cache.clear()  # bounded in long batch runs
        symbol = None
        if text.lower() not in self.pint_excluded:
            try:
                unit = self.units.parse_units(text)
            except Exception:  # pint raises several error types for words it does not know
                unit = None
            if unit is not None and unit.dimensionality in self.pint_dimensions:
                symbol = self.pint_symbols.get(f"{unit:~}")
        self._pint_cache[text] = symbol
        return symbol

    def _read_scale(self, doc: Doc, amount: Amount, taken: set[int]) -> Amount:
        """Scale words after digits: "1.5 million", "12m", "1.5-billion"."""
        j = amount.end
        while j < len(doc) and j not in taken:
            low = doc[j].lower_
            if low.endswith(".") and low[:-1] in self.glued_scales:
                low = low[:-1]  # "£38.2m." at the end of a sentence: the tokenizer keeps the dot
            glued = doc[j - 1].whitespace_ == ""
            if low == "-" and glued and j + 1 < len(doc) and doc[j + 1].lower_ in self.scales:
                j += 1
                continue
            if low not in self.scales or (low in self.glued_scales and not glued):
                break
            if low == "m" and self._metres_not_millions(doc, amount, j):
                break  # "cleared 6.25m in Paris"
            amount.scale *= self.scales[low]
            amount.value = _times(amount.value, self.scales[low])
            amount.high = _times(amount.high, self.scales[low])
            j += 1
        amount.end = j
        return amount

    def _past_a_level(self, doc: Doc, lowers: list[str], start: int, taken: set[int]) -> bool:
        """ "past" after a verb, before a figure, passes a level: "pushed its population past
        2,000"; not "the past 10 years"."""
        if start < 2 or start - 1 in taken or lowers[start - 1] != "past":
            return False
        return doc[start - 2].pos_ in ("VERB", "NOUN", "PROPN", "ADJ", "ADV")

    def _class_threshold(self, doc: Doc, lowers: list[str], i: int) -> bool:
        """ "asteroids larger than 140 metres": a comparative right after a noun names a class
        by a threshold, where the figure is exact; "the runway was shorter than 1,200 metres"
        bounds it."""
        return lowers[i] in self.comparatives and i > 0 and doc[i - 1].pos_ in ("NOUN", "PROPN")

    def _temperature_sentence(self, token: Token) -> bool:
        return any(t.lower_ in self.temperature_words for t in token.sent)

    def _metres_not_millions(self, doc: Doc, amount: Amount, j: int) -> bool:
        """A glued "m" is metres, not millions, in a story that measures lengths, when no
        currency goes with the figure and no noun follows it ("bar at 6.00m", not "6m
        people" or "£6m")."""
        if not self._length_story or amount.currency:
            return False
        if doc[j].text.endswith("."):
            return True  # "won bronze at 5.90m." ends its sentence: nothing follows
        if amount.start > 0 and self._currency_symbol(doc[amount.start - 1]):
            return False  # "£31m"
        following = doc[j + 1] if j + 1 < len(doc) else None
        return following is None or following.pos_ not in ("NOUN", "PROPN")

    def _read_vague(self, lowers: list[str], i: int, taken: set[int]) -> Amount | None:
        """ "thousands", "tens of thousands", "several hundred", "a few dozen"."""
        j = i
        for phrase in self.vague_words:
            if tuple(lowers[i : i + len(phrase)]) == phrase:
                j = i + len(phrase)
                break
        if j == i or any(k in taken for k in range(i, j)):
            return None
        if lowers[j - 1] in self.vague_plurals:
            # "hundreds of thousands": the second scale belongs to the numeral
            if j + 1 < len(lowers) and lowers[j] == "of" and lowers[j + 1] in self.vague_plurals:
                j += 2
        elif j < len(lowers) and (lowers[j] in self.scales or lowers[j] in self.multipliers):
            j += 1
        elif lowers[i] != "several":
            return None  # "a few" alone counts nothing checkable
        return Amount(i, j, None, kind="vague")

    def _read_words(self, lowers: list[str], i: int, taken: set[int]) -> Amount | None:
        """Number words, fractions and "a dozen"/"a million"/"half a million"."""
        words: list[str] = []
        j = i
        if lowers[i] in ("a", "an"):
            nxt = lowers[i + 1] if i + 1 < len(lowers) else ""
            if nxt in self.scales or nxt in self.multipliers or nxt in self.denominators:
                words, j = ["one"], i + 1
        while j < len(lowers) and j not in taken:
            low = lowers[j]
            if low in self.number_words or (
                low in self.scales and words and low not in self.glued_scales
            ):
                words.append(low)
            elif low in ("-", "and") and words and self._number_word_follows(lowers, j, low):
                pass
            else:
                break
            j += 1
        if j < len(lowers) and j not in taken and words:
            if lowers[j] in self.denominators:
                numerator = _words_to_number(words)
                if numerator is None:
                    return None
                fraction = Amount(
                    i, j + 1, numerator / self.denominators[lowers[j]], kind="fraction"
                )
                scaled = self._fraction_of_scale(lowers, fraction, taken)
                return scaled or self._fraction_of_percent(lowers, fraction, taken)
            mixed = self._and_a_fraction(lowers, j, taken)
            whole = _words_to_number(words) if mixed else None
            if mixed and whole is not None:
                # "two and a half percent", "one and a half million barrels"
                amount = Amount(i, mixed[1], whole + mixed[0])
                return self._scaled_words(lowers, amount, taken)
            if lowers[j] in self.multipliers:
                numerator = _words_to_number(words)
                if numerator is None:
                    return None
                return Amount(i, j + 1, numerator * self.multipliers[lowers[j]])
        if not words:
            if lowers[i] in ("half", "halves"):
                return self._read_half(lowers, i, taken)
            return None
        # "lakh" and "crore" close a run ("twelve lakh"): they multiply what comes before.
        extra = 1.0
        while words and words[-1] not in self.number_words:
            extra *= self.scales[words.pop()]
        value = _words_to_number(words)
        if value is None:
            return None
        scale = extra
        for word in reversed(words):
            if word not in self.scales:
                break
            scale *= self.scales[word]
        return Amount(i, j, value * extra, scale=scale)

    def _and_a_fraction(
        self, lowers: list[str], j: int, taken: set[int]
    ) -> tuple[float, int] | None:
        """ "and a half" after a whole number: (0.5, the index after it)."""
        if lowers[j : j + 2] not in (["and", "a"], ["and", "an"]) or j + 2 >= len(lowers):
            return None
        if any(k in taken for k in range(j, j + 3)) or lowers[j + 2] not in self.denominators:
            return None
        return 1 / self.denominators[lowers[j + 2]], j + 3

    def _scaled_words(self, lowers: list[str], amount: Amount, taken: set[int]) -> Amount:
        """A scale word after a number read from words ("one and a half million")."""
        j = amount.end
        while j < len(lowers) and j not in taken and lowers[j] in _LARGE_SCALES:
            amount.scale *= _LARGE_SCALES[lowers[j]]
            amount.value = _times(amount.value, _LARGE_SCALES[lowers[j]])
            j += 1
        amount.end = j
        return amount

    def _fraction_of_scale(
        self, lowers: list[str], fraction: Amount, taken: set[int]
    ) -> Amount | None:
        """ "a quarter million", "a third of a million": a number, not a fraction."""
        j = fraction.end
        if lowers[j : j + 2] in (["of", "a"], ["of", "an"]):
            j += 2
        if j >= len(lowers) or j in taken or lowers[j] not in _LARGE_SCALES:
            return None
        scale = _LARGE_SCALES[lowers[j]]
        return Amount(fraction.start, j + 1, _times(fraction.value, scale), scale=scale)

    def _fraction_of_percent(self, lowers: list[str], amount: Amount, taken: set[int]) -> Amount:
        """ "a quarter of a percentage point" is 0.25 points, not a fraction; so are "a quarter
        point" and "a quarter-point cut"."""
        j = amount.end
        point = phrase_at(lowers, j, self.fraction_points, taken)
        if point:
            return replace(amount, end=j + point[1], kind="number", percent_unit="percentage_point")
        if lowers[j : j + 2] in (["of", "a"], ["of", "an"]) and j + 1 not in taken:
            percent = phrase_at(lowers, j + 2, self.percent_phrases, taken)
            if percent:
                return replace(
                    amount, end=j + 2 + percent[1], kind="number", percent_unit=percent[0]
                )
        return amount

    def _number_word_follows(self, lowers: list[str], j: int, joiner: str) -> bool:
        """ "twenty-five", "one-fifth", "one hundred and five": the joiner is inside the number."""
        following = lowers[j + 1] if j + 1 < len(lowers) else ""
        if joiner == "-":
            return following in self.number_words or following in self.denominators
        return following in self.number_words

    def _read_half(self, lowers: list[str], i: int, taken: set[int]) -> Amount:
        """ "half" is a fraction; "half a million" is 500,000, "half a percentage point" 0.5,
        "a half-point cut" 0.5 percentage points."""
        point = phrase_at(lowers, i + 1, self.fraction_points, taken)
        if point:
            return Amount(i, i + 1 + point[1], 0.5, percent_unit="percentage_point")
        if i + 2 < len(lowers) and lowers[i + 1] in ("a", "an") and i + 2 not in taken:
            if lowers[i + 2] in self.scales and lowers[i + 2] not in self.glued_scales:
                scale = self.scales[lowers[i + 2]]
                return Amount(i, i + 3, 0.5 * scale, scale=scale)
            if lowers[i + 2] in self.multipliers:  # "half a dozen"
                return Amount(i, i + 3, 0.5 * self.multipliers[lowers[i + 2]])
            percent = phrase_at(lowers, i + 2, self.percent_phrases, taken)
            if percent:
                return Amount(i, i + 2 + percent[1], 0.5, percent_unit=percent[0])
        return Amount(i, i + 1, 0.5, kind="fraction")

    def _read_suffix(
        self, doc: Doc, lowers: list[str], amount: Amount, label: str, taken: set[int]
    ) -> Amount:
        """A percent sign or word, or a currency word or code, after the number."""
        if amount.percent_unit or amount.kind == "ordinal":
            return amount
        j = amount.end
        percent = phrase_at(lowers, j, self.percent_phrases, taken)
        if percent and amount.currency is None:
            amount.percent_unit, amount.end = percent[0], j + percent[1]
            return amount
        if (
            amount.kind == "vague"
            and lowers[j : j + 1] == ["of"]
            and j + 1 < len(lowers)
            and lowers[j + 1] in self.currency_words
            and j + 1 not in taken
        ):
            # "trillions of dollars", "hundreds of millions of euros"
            amount.currency, amount.end = self.currency_words[lowers[j + 1]], j + 2
            return amount
        if amount.currency is None and self._share_points(doc, lowers, j):
            amount.percent_unit, amount.end = "percentage_point", j + 1
            return amount
        hyphened = j + 1 < len(doc) and lowers[j] == "-" and not doc[j - 1].whitespace_
        percent = phrase_at(lowers, j + 1, self.percent_phrases, taken) if hyphened else None
        if amount.currency is None and percent and percent[0] != "percent":
            # "the 2.3-percentage-point gap", "a 25-basis-point cut"
            amount.percent_unit, amount.end = percent[0], j + 1 + percent[1]
            return amount
        if amount.currency is None and hyphened and self._share_points(doc, lowers, j + 1):
            # "Poll: X holds 20-point lead", not "a 22-point lead" in a game
            amount.percent_unit, amount.end = "percentage_point", j + 2
            return amount
        adjective = phrase_at(lowers, j, self.currency_adjectives, taken)
        k = j + adjective[1] if adjective else j
        if (
            not adjective
            and k + 1 < len(doc)
            and doc[k].text == "-"
            and not doc[k - 1].whitespace_
            and not doc[k].whitespace_
        ):
            k += 1  # "each 10-cent rise"
        subunit = phrase_at(lowers, k, self.subunits, taken) if k < len(doc) else None
        if subunit and amount.currency is None:
            # "43 cents", "27.5 euro cents"; a plain "cents" takes the article's currency later.
            (code, factor), length = subunit
            amount.currency = adjective[0] if adjective else code
            amount.value = _times(amount.value, float(factor))
            amount.end = k + length
            return amount
        if k < len(doc) and k not in taken:
            word = lowers[k]
            code = None
            if doc[k].text in self.currency_codes:
                code = self.code_aliases.get(doc[k].text, doc[k].text)
            elif (
                word in self.currency_words
                and not self._weight_in_pounds(doc, k)
                and (
                    word not in self.money_label_words
                    or label == "MONEY"
                    or (label == "QUANTITY" and word not in self.pound_words)  # "5,100 rand a ton"
                    or adjective
                    or self._pounds_of_money(doc, lowers, amount, k)
                    or self._currency_of_named_place(doc, k)
                )
            ):
                code = adjective[0] if adjective else self.currency_words[word]
            if code and (amount.currency is None or amount.currency == code):
                amount.currency, amount.end = code, k + 1
        return amount

    def _share_points(self, doc: Doc, lowers: list[str], j: int) -> bool:
        """ "a fall of more than 14 points in the party's vote share", "59% and 33%, a gap of 26
        points": points of a share are percentage points, not those of an index."""
        if j >= len(doc) or lowers[j] not in ("point", "points"):
            return False
        sentence = doc[j].sent
        if any(t.lower_ in self.index_words for t in sentence):
            return False  # "the Nikkei fell 4.6%, or 1,800 points"
        shares = [t for t in sentence if t.lower_ in ("%", "percent") and t.i < j]
        context = set(self.share_point_context)
        if not self._polling_story:
            context -= self.weak_share_context  # "a 24-point swing" in a basketball game
        return any(t.lower_ in context for t in sentence) or len(shares) >= 2

    def _currency_of_named_place(self, doc: Doc, k: int) -> bool:
        """ "shares rose to 58,700 won" in an article that names South Korea: a currency word that
        is also a verb, with no object after it, in an article about a country that uses it."""
        places = self.currency_by_place.get(doc[k].lower_, {})
        if not any(self._places[place] for place in places):
            return False
        following = doc[k + 1] if k + 1 < len(doc) else None
        objects = ("DET", "NUM", "NOUN", "PROPN", "ADJ", "PRON")  # "won the vote", "won 3 seats"
        return following is None or following.pos_ not in objects

    def _weight_in_pounds(self, doc: Doc, k: int) -> bool:
        """Pounds in a sentence about weight are lb, even where the NER says MONEY."""
        return doc[k].lower_ in self.pound_words and any(
            t.lower_ in self.weight_context for t in doc[k].sent
        )

    def _pounds_of_money(self, doc: Doc, lowers: list[str], amount: Amount, k: int) -> bool:
        """ "several hundred pounds", "73 million pounds": sums too large to be weights; and any
        pounds in an article about Britain (or Egypt...); not "2 million pounds of beef", nor
        pounds in a sentence about weight ("weighs 6,000 kilograms (13,000 pounds)")."""
        if lowers[k] not in self.pound_words:
            return False
        following = lowers[k + 1] if k + 1 < len(lowers) else ""
        if following in self.weight_markers:
            return False
        big = amount.kind == "vague" or amount.scale >= 100
        places = self.currency_by_place.get(lowers[k], {})
        return big or any(self._places[place] for place in places)

    # -- filters and the mention ----------------------------------------------

    def _not_a_quantity(
        self,
        doc: Doc,
        lowers: list[str],
        doc_text: str,
        first: Amount,
        span: Span,
        unit: str | None,
    ) -> bool:
        """Years, ages, clock times, day numbers, scores and names that the NER tagged CARDINAL."""
        if first.kind == "ordinal":
            return self._not_a_rank(doc, lowers, doc_text, first)
        root = span.root
        bare = first.currency is None and first.percent_unit is None and unit is None
        if bare and first.kind == "number" and first.end - first.start == 1:
            text = doc[first.start].text
            if _YEAR.match(text) and self.year_low <= int(text) <= self.year_high:
                counts_plural = root.dep_ == "nummod" and root.head.tag_ in ("NNS", "NNPS")
                if not counts_plural:
                    return True
        after = doc_text[span.end_char : span.end_char + 16]
        if bare and (self.age_after.match(after) or self.time_after.match(after)):
            return True
        if bare and span.start > 0 and doc[span.start - 1].lower_ in self.age_before:
            return True
        if bare and root.dep_ == "appos" and root.head.ent_type_ == "PERSON":
            return True  # "John Smith, 45, said"
        if bare and self.hyphen_not_quantity.match(doc_text[span.end_char : span.end_char + 24]):
            return True  # "a two-time champion", "a five-and-a-half-year voyage"
        if bare and span.start > 0 and doc[span.start - 1].lower_ in self.month_words:
            return True  # "Feb. 18" that the NER did not tag DATE
        if bare and self._age_between_commas(doc, span):
            return True
        if bare and self._model_number(doc, span):
            return True
        if self._designation(doc, span):
            return True  # "5G networks"
        return bool(bare and ":" in doc[first.start].text) or self._inside_name(doc, first)

    def _exchange_rate_currency(self, span: Span) -> str | None:
        """ "The pound slid to about 49.5 to the dollar": a rate quoted against another
        currency is money in the currency the sentence is about."""
        doc = span.doc
        after = [t.lower_ for t in doc[span.end : span.end + 3]]
        if not (
            after[:2] == ["per", "dollar"]
            or after[:3] in (["to", "the", "dollar"], ["against", "the", "dollar"])
            or after[:3] == ["to", "the", "euro"]
        ):
            return None
        for token in doc[span.sent.start : span.start]:
            word = token.lower_
            if word in self.currency_words and word not in ("dollar", "dollars"):
                places = self.currency_by_place.get(word, {})
                named = [(self._places[place], code) for place, code in places.items()]
                named = [(count, code) for count, code in named if count]
                return max(named)[1] if named else self.currency_words[word]
        return None

    def _designation(self, doc: Doc, span: Span) -> bool:
        """ "5G", "4K", "3D", however the tokenizer split them."""
        end = span.end
        text = span.text.lower()
        if end < len(doc) and not doc[end - 1].whitespace_ and doc[end].is_alpha:
            text += doc[end].lower_
        return text in self.designations

    def _model_number(self, doc: Doc, span: Span) -> bool:
        """ "a Falcon 9 rocket", "a Boeing 757", "a Dash 8-100": digits after a name, counting
        no plural noun, are part of the name ("gave Ukraine 300 tanks" counts tanks)."""
        if span.start == 0:
            return False
        if not ((len(span) == 1 and span[0].is_digit) or _RANGE_TOKEN.match(span.text)):
            return False
        name = doc[span.start - 1]
        if name.pos_ != "PROPN" or not name.is_title or name.is_sent_start:
            return False
        if title_case_line(name) and not name.ent_type_:
            return False  # "Police Arrest 45 After Clashes": every word is capitalised
        if self.nouns.table_header_noun(span) is not None:
            return False  # "CDP 148 (98)", a row under "Results by party (seats won):"
        following = doc[span.end] if span.end < len(doc) else None
        return following is None or following.tag_ not in ("NNS", "NNPS")

    def _age_between_commas(self, doc: Doc, span: Span) -> bool:
        """ "Maria Lopez, 34, said": a lone number set off by commas after a person."""
        if len(span) != 1 or span.start < 2 or span.end >= len(doc):
            return False
        return (
            doc[span.start - 1].text == ","
            and doc[span.end].text == ","
            and (doc[span.start - 2].ent_type_ == "PERSON" or doc[span.start - 2].pos_ == "PROPN")
        )

    def _inside_name(self, doc: Doc, first: Amount) -> bool:
        """A number word between two capitalised names ("Erik ten Hag") is part of a name."""
        i = first.start
        if first.end - i != 1 or not doc[i].is_alpha or i == 0 or i + 1 >= len(doc):
            return False
        return all(doc[k].pos_ == "PROPN" and doc[k].is_title for k in (i - 1, i + 1))

    def _not_a_rank(self, doc: Doc, lowers: list[str], doc_text: str, first: Amount) -> bool:
        """ "first proposed", "in the first place", "third-party": ordinals that rank nothing."""
        token = doc[first.start]
        if token.pos_ == "ADV":
            return True
        for idiom in self.ordinal_idioms:
            for offset, word in enumerate(idiom):
                begin = token.i - offset
                if (
                    begin >= 0
                    and word == token.lower_
                    and tuple(lowers[begin : begin + len(idiom)]) == idiom
                ):
                    return True
        after = doc_text[token.idx + len(token) : token.idx + len(token) + 24]
        return after.startswith("-") and not self.rank_after.match(after)

    def _mention(
        self,
        span: Span,
        first: Amount,
        second: Amount | None,
        qualifier: str | None,
        unit: str | None,
        found: list[tuple[QuantityMention, Span]],
    ) -> QuantityMention:
        """The mention for a read amount: kind and unit from what was read (money, percent,
        measure) or from the counted noun, and value or bounds from the qualifier."""
        last = second or first
        if last.currency:
            kind, unit = "money", unit or last.currency  # "EUR/year" when a rate was read
        elif last.percent_unit:
            kind, unit = "percent", last.percent_unit
            if unit in self.percent_conversions:  # basis points are recorded as points
                unit, factor = self.percent_conversions[unit][0], self.percent_conversions[unit][1]
                first = replace(first, value=_times(first.value, factor))
                second = second and replace(second, value=_times(second.value, factor))
        elif unit in self.frequency_words.values():
            kind = "count"  # "14 times"
        elif unit:
            kind = "measure"
        elif first.kind == "fraction":
            kind = "fraction"
        elif first.kind == "ordinal":
            kind = "ordinal"
        elif first.kind == "number" and self._exchange_rate_currency(span):
            kind, unit = "money", self._exchange_rate_currency(span)  # "slid to 49.5 to the dollar"
        else:
            figure, figures = span.doc[last.start : last.end], span.doc[first.start : last.end]
            kind, unit = self.nouns.what_is_counted(
                span, figure, figures, second is not None, last.scale, found, last.value
            )
        end_char = span.end_char
        if span[-1].text.endswith(".") and span[-1].lower_[:-1] in self.glued_scales:
            end_char -= 1  # the sentence's full stop is not part of "£38.2m"
        mention = QuantityMention(span.start_char, end_char, kind, unit=unit)
        if first.kind == "vague":
            mention.qualifier = "vague"
        elif second is not None:
            mention.qualifier, mention.low, mention.high = "range", first.value, second.value
        else:
            mention.qualifier = qualifier or "exact"
            if mention.qualifier in ("at_most", "less_than"):
                mention.high = first.value
            elif mention.qualifier in ("at_least", "more_than"):
                mention.low = first.value
            else:
                mention.value = first.value
        return mention


def _model_designations(doc: Doc) -> set[int]:
    """ "a Dash 8-100", "the Boeing 737-800": digits hyphened to digits right after a name."""
    tokens: set[int] = set()
    for token in doc[1:-2]:
        name, hyphen, after = doc[token.i - 1], doc[token.i + 1], doc[token.i + 2]
        if (
            token.is_digit
            and name.pos_ == "PROPN"
            and name.is_title
            and not name.is_sent_start
            and hyphen.text in ("-", "–")
            and not token.whitespace_
            and not hyphen.whitespace_
            and after.is_digit
        ):
            tokens |= {token.i, hyphen.i, after.i}
    return tokens


def _score_tokens(doc: Doc) -> set[int]:
    """ "voted 4-1", "won 2-0": a larger number hyphened to a smaller one is a score."""
    tokens: set[int] = set()
    for token in doc:
        ranged = _RANGE_TOKEN.match(token.text)
        if ranged and _to_float(ranged["high"]) < _to_float(ranged["low"]):
            tokens.add(token.i)
        elif token.text in ("-", "–") and 0 < token.i < len(doc) - 1:
            low, high = doc[token.i - 1], doc[token.i + 1]
            glued = not low.whitespace_ and not token.whitespace_
            if glued and low.is_digit and high.is_digit and int(high.text) < int(low.text):
                tokens.update((low.i, token.i, high.i))
    return tokens


def _season_years(slash: re.Match[str]) -> bool:
    """ "2023/24", "2024/2025": a year and the next one."""
    first, second = slash["num"], slash["den"]
    if len(first) != 4 or len(second) not in (2, 4):
        return False
    return int(second) % 100 == (int(first) + 1) % 100


def _descending(first: Amount, second: Amount) -> bool:
    """A "range" whose second figure is smaller: a vote split or a change, not a range."""
    return first.value is not None and second.value is not None and second.value < first.value


def _plain(amount: Amount) -> bool:
    """A bare number: no currency, percent or unit, not vague, a fraction or an ordinal."""
    return (
        amount.kind == "number"
        and amount.high is None
        and not (amount.currency or amount.percent_unit or amount.unit_suffix)
    )


def _share_units(first: Amount, second: Amount) -> tuple[Amount, Amount]:
    """ "10 to 20 million" scales both ends; "$20 to 30", "18 to 19%" share currency, percent."""
    if (
        first.scale == 1
        and second.scale != 1
        and first.value is not None
        and second.value is not None
        and first.value <= second.value / second.scale  # not "300,000 to 1 million"
    ):
        first = replace(first, value=first.value * second.scale, scale=second.scale)
    currency = first.currency or second.currency
    percent = first.percent_unit or second.percent_unit
    unit = first.unit_suffix or second.unit_suffix
    first = replace(first, currency=currency, percent_unit=percent, unit_suffix=unit)
    second = replace(second, currency=currency, percent_unit=percent, unit_suffix=unit)
    return first, second


def _to_float(digits: str) -> float:
    return float(digits.replace(",", ""))


def _times(value: float | None, factor: float) -> float | None:
    """``value * factor`` without binary noise in the digits ("$4.1 billion" is 4100000000.0,
    not 4099999999.9999995)."""
    return None if value is None else float(f"{value * factor:.15g}")


_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen")  # fmt: skip
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
_SMALL_NUMBERS = {word: value for value, word in enumerate(_UNITS.split())} | {
    word: 10 * tens for tens, word in enumerate(_TENS.split(), 2)
}
_LARGE_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def _words_to_number(words: list[str]) -> float | None:
    """A run of number words ("twenty five", "one billion two hundred million"); None when the
    words do not make one number ("five four", "million thousand")."""
    total, group, last_scale, previous = 0.0, 0.0, math.inf, ""
    for word in words:
        if word in _SMALL_NUMBERS:
            value = _SMALL_NUMBERS[word]
            if previous in _SMALL_NUMBERS and not (
                _SMALL_NUMBERS[previous] >= 20 and _SMALL_NUMBERS[previous] % 10 == 0 and value < 10
            ):
                return None  # "five four"; "twenty five" is fine
            group += value
        elif word == "hundred":
            if group >= 100:
                return None
            group = (group or 1) * 100
        elif word in _LARGE_SCALES:
            scale = _LARGE_SCALES[word]
            if group == 0 and total:
                if scale <= last_scale:
                    return None  # "million thousand"
                total *= scale  # "three thousand million"
            elif scale >= last_scale:
                return None  # "two million three million"
            else:
                total += (group or 1) * scale
            group, last_scale = 0.0, min(last_scale, scale)
        else:
            return None
        previous = word
    return total + group


class QuantityStage(LexiconComponent):
    """Fills ``doc._.quantities`` with every quantity outside boilerplate, sorted by start."""

    lexicon_file = "quantities.json"

    def set_lexicon(self, lexicon: dict[str, Any]) -> None:
        super().set_lexicon(lexicon)
        self.reader = QuantityReader(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_lexicon()
        doc._.quantities = self.reader.read_doc(doc)
        return doc


@Language.factory("claims_quantities")
def make_quantities(nlp: Language, name: str) -> QuantityStage:
    register_extensions()
    return QuantityStage(nlp, name)
