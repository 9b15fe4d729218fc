"""Dates: every temporal expression as a resolved ``DateMentionData`` on ``doc._.dates``.

Detection is spaCy's DATE/TIME entities (they already carry "more than", "as
many as", ...), minus boilerplate, trimmed to the corpus guidelines (no leading
"the" or preposition; "since 2014" and "between 2010 and 2012" whole).

Resolution (``resolve_date_text``) works on the cleaned mention text alone, so
the attribution stage and the benchmark can reuse it without a Doc. Our own
rules come first, for what dateparser gets wrong or does not do at all for news:
decades and their parts, quarters, fiscal years, "N years ago" at year
granularity, ISO weeks, durations, open and closed intervals, and "the latest
month or weekday not after publication". Whatever is left goes to dateparser
(relative to the publication date, preferring the past), whose ``period`` gives
the granularity. Every word list lives in ``configs/dates.json``.

The stage adds what the model misses or gets wrong: "between X and Y" tagged as
two dates, dates swallowed into an ORG ("Council on Feb. 18"), rates ("$5 billion
a year"), race times and margins (measures, not dates). It decides whether a date
points ahead from its verb (future auxiliary or "due"/"scheduled", a present tense
outside headlines, "until") and passes the last dated point of the same or the
previous sentence as the anchor for "a year later" / "that month".
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any, NamedTuple

import srsly
from dateparser.date import DateDataParser
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .extensions import DateMentionData, article_of, in_ranges, register_extensions
from .lexicon import LexiconComponent
from .paths import CONFIG_DIR

_QUARTER_CODE = re.compile(r"^q([1-4])(?:\s+(\d{4}))?$")


@dataclass(frozen=True)
class ResolvedDate:
    """A mention's resolution; ``trim_start``/``trim_end`` say how many characters
    of the input text were cut from each end to reach the mention span."""

    kind: str
    value: str | None
    granularity: str | None
    qualifier: str = "exact"
    trim_start: int = 0
    trim_end: int = 0


class _Core(NamedTuple):
    kind: str
    value: str | None
    granularity: str | None
    qualifier: str | None = None  # set by the core itself ("mid-", "earlier this year")


def _alternation(words: Any) -> str:
    """A regex alternation of ``words``, longest first so "more than" beats "more"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _shift_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _number(amount: float) -> str:
    """ISO duration amounts: 6 not 6.0."""
    return str(int(amount)) if amount.is_integer() else f"{amount:g}"


class DateResolver:
    """Resolves one mention's text against a publication date; built from the lexicon."""

    def __init__(self, lexicon: dict[str, Any]) -> None:
        lx = lexicon
        self.not_dates = {w.lower() for w in lx.get("not_dates", [])}
        self.vague = {w.lower() for w in lx.get("vague_dates", [])}
        self.qualifiers: dict[str, str] = lx.get("qualifiers", {})
        self.part_words: dict[str, str] = lx.get("part_words", {})
        self.decade_parts: dict[str, list[int]] = lx.get("decade_parts", {})
        self.century_parts: dict[str, list[int]] = lx.get("century_parts", {})
        self.approximate_words: dict[str, str] = lx.get("approximate_words", {})
        self.months = [m.lower() for m in lx.get("month_names", [])]
        self.weekdays = [w.lower() for w in lx.get("weekday_names", [])]
        self.abbreviations = {
            **lx.get("month_abbreviations", {}),
            **lx.get("weekday_abbreviations", {}),
        }
        self.day_parts = lx.get("day_parts", [])
        self.seasons: dict[str, int] = lx.get("seasons", {})
        self.numbers: dict[str, float] = lx.get("number_words", {})
        self.vague_counts = lx.get("vague_counts", [])
        self.units: dict[str, list[Any]] = lx.get("duration_units", {})
        self.quarters: dict[str, int] = lx.get("quarter_words", {})
        self.relative: dict[str, int] = lx.get("relative_words", {})
        self.day_words: dict[str, int] = lx.get("day_words", {})
        self.holidays: dict[str, list[int]] = lx.get("holidays", {})
        self.leading_trim = lx.get("leading_trim", [])
        self.trailing_trim = lx.get("trailing_trim_after_number", [])
        self.trailing_unit_trim = lx.get("trailing_trim_after_unit", [])
        self.trailing_nouns = lx.get("trailing_trim_nouns", [])
        self.time_units: dict[str, str] = lx.get("time_units", {})
        self.ordinal_words = lx.get("ordinal_words", [])
        self.half_words: dict[str, int] = lx.get("half_words", {})
        self.frequency_words = {w.lower() for w in lx.get("frequency_words", [])}
        self.anchored_words: dict[str, int] = lx.get("anchored_words", {})
        self.weekend_words: dict[str, int] = lx.get("weekend_words", {})
        self.current_units = set(lx.get("current_unit_words", []))
        self.clause_words = lx.get("clause_words", ["that"])
        self.anaphoric_words = lx.get("anaphoric_words", ["previous"])
        self._compile()

    def _compile(self) -> None:
        flags = re.IGNORECASE
        self.re_leading = re.compile(rf"^(?:{_alternation(self.leading_trim)})\s+", flags)
        # "Nov. 4 after": the model sometimes takes the next word along
        self.re_trailing = re.compile(rf"(?<=\d)\s+(?:{_alternation(self.trailing_trim)})$", flags)
        # "warned on Sept. 1 that ...": the model runs on into the reported clause
        self.re_trailing_clause = re.compile(
            rf"(?<=\d|y)\s+(?:{_alternation(self.clause_words)})(?:\s+\S+)?$", flags
        )
        # "the July-September period": the noun adds nothing to the date before it
        self.re_trailing_noun = re.compile(
            rf"(?<=\w)\s+(?:{_alternation(self.trailing_nouns)})$", flags
        )
        self.re_qualifier = re.compile(rf"^({_alternation(self.qualifiers)})\s+")
        self.re_part = re.compile(rf"^({_alternation(self.part_words)})(?:\s+|-|\s*-\s*)(.+)$")
        self.re_approx = re.compile(rf"^({_alternation(self.approximate_words)})\s+(.+)$")
        self.re_abbrev = re.compile(rf"\b({_alternation(self.abbreviations)})\b\.?")
        month, weekday = _alternation(self.months), _alternation(self.weekdays)
        self.re_weekday = re.compile(rf"^({weekday})$")
        self.re_weekday_prefix = re.compile(rf"^({weekday}),?\s+(.+)$")
        self.re_month_day_year = re.compile(
            rf"^(?:({month})\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({month}))"
            r"(?:,?\s+(\d{4}))?$"
        )
        self.re_month_year = re.compile(rf"^({month})(?:,?\s+|\s+of\s+)?(\d{{4}})?$")
        number = rf"\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{_alternation(self.numbers)}"
        unit = _alternation(self.units)
        self.re_ago = re.compile(rf"^({number})[\s-]+({unit})s?\s+ago$")
        # "a year later", "two months earlier": counted from a date the text gave before
        self.re_anchored = re.compile(
            rf"^({number})[\s-]+({unit})s?\s+({_alternation(self.anchored_words)})$"
        )
        self.re_anchor_same = re.compile(rf"^(that|following) ({unit})$")
        # "the year before", "the month after": one unit from the anchor
        self.re_anchor_bare = re.compile(rf"^({unit}) ({_alternation(self.anchored_words)})$")
        # "the previous quarter": the one before the period the text is discussing
        self.re_anchor_previous = re.compile(
            rf"^(?:the )?({_alternation(self.anaphoric_words)}) (quarter|month|year)$"
        )
        # "four months in a row", "two minutes after", "four decades after months (of rain)"
        self.re_trailing_unit = re.compile(
            rf"\b(?:{unit}|{_alternation(self.time_units)})s?"
            rf"(\s+(?:{_alternation(self.trailing_unit_trim)})(?:\s+(?:{unit})s)?)$",
            flags,
        )
        time_unit = _alternation(self.time_units)
        self.re_time_part = re.compile(rf"^({number})(?:\s+|-)({time_unit})s?$")
        self.re_weekend = re.compile(rf"^(?:({_alternation(self.weekend_words)}) )?weekend$")
        self.re_dateish = re.compile(
            rf"\b(?:\d{{4}}|{month}|{weekday}|{unit}|{_alternation(self.day_words)}"
            rf"|{_alternation(self.day_parts)}|{_alternation(self.seasons)})"
        )
        self.re_duration = re.compile(
            rf"^(?:(past|last|next|previous|prior|coming|first|final)\s+)?({number}|{_alternation(self.vague_counts)})"
            rf"(?:\s+|-)({unit}|centurie)s?(\s+and\s+a\s+half)?(?:\s+(?:long|old))?$"
        )
        self.re_bare_unit_duration = re.compile(
            rf"^(past|previous|prior|coming)\s+({unit})$|^(next)\s+(decade|century)$"
        )
        # "2.4 billion euros in February 2021, days after": the model runs past the year
        self.re_trailing_after_year = re.compile(r"(?<=\d{4}),\s+\w+$")
        # "nine minutes later": a span of clock time counted on from an event is the duration
        self.re_trailing_time_anchor = re.compile(
            rf"\b(?:{_alternation(self.time_units)})s?(\s+(?:later|earlier))$", flags
        )
        self.re_relative = re.compile(
            rf"^({_alternation(self.relative)})\s+(week|month|year|quarter|{weekday}|{month})$"
        )
        self.re_day_part = re.compile(rf"^(.+?)\s+({_alternation(self.day_parts)})$")
        self.re_month_of_year = re.compile(
            rf"^({_alternation(self.months)})\s+({_alternation(self.relative)})\s+year$"
        )
        self.re_quarter = re.compile(
            rf"^({_alternation(self.quarters)})[\s-]+quarter(?:\s+of\s+(.+)|\s+(\d{{4}}))?$"
        )
        self.re_season = re.compile(
            rf"^({_alternation(self.seasons)})"
            r"(?:\s+(?:of\s+)?(\d{4}|this year|last year|next year))?$"
        )
        self.re_relative_season = re.compile(
            rf"^({_alternation(self.relative)})\s+({_alternation(self.seasons)})$"
        )
        self.re_ordinal_unit = re.compile(
            rf"^(?:a |an |the )?(?:\d+(?:st|nd|rd|th)|{_alternation(self.ordinal_words)}) "
            rf"(?:{unit}|{_alternation(self.time_units)}|season|half)s?$"
        )

    # -- entry point ----------------------------------------------------------

    def resolve(
        self,
        text: str,
        published: dt.date | None,
        future: bool | None = False,
        anchor: str | None = None,
    ) -> ResolvedDate | None:
        """The mention in ``text``, or None when it is no date ("the days", a clock time).

        ``anchor`` is the value of the date the text last gave: "a year later" and
        "that month" count from it, and have no value without it.
        """
        start, end = self._trim(text)
        if start >= end:
            return None
        core = self._normalise(text[start:end])
        qualifier = "exact"
        match = self.re_qualifier.match(core)
        if match:
            qualifier = self.qualifiers[match.group(1)]
            core = core[match.end() :]
        try:
            result = self._anchored(core, anchor, published) or self._core(core, published, future)
        except (ValueError, OverflowError):  # an impossible date ("Feb. 30")
            result = _Core("point", None, None)
        if result is None or (result.value is None and result.granularity is None):
            shorter = self._date_at_end(text, start, end, published, future) or (
                self._date_at_start(text, start, end, published, future)
            )
            if shorter is not None:
                return shorter
        if result is None:
            return None
        return ResolvedDate(
            kind=result.kind,
            value=result.value,
            granularity=result.granularity,
            qualifier=result.qualifier or qualifier,
            trim_start=start,
            trim_end=len(text) - end,
        )

    def _date_at_end(
        self, text: str, start: int, end: int, published: dt.date | None, future: bool | None
    ) -> ResolvedDate | None:
        """The model sometimes takes words before a date along ("a fifth last year", "as
        early as next week"): when the whole is no date, the longest tail of up to three
        words that our own rules (not dateparser) resolve to a value is the mention."""
        words = list(re.finditer(r"\S+", text[start:end]))
        for word in words[1:4]:
            tail_start = start + word.start()
            core = self._normalise(text[tail_start:end])
            if self.re_qualifier.match(core):
                continue  # let the tail keep its qualifier whole ("at least Monday")
            found = self._core(core, published, future, fallback=False)
            if found is not None and found.value is not None:
                return ResolvedDate(
                    found.kind,
                    found.value,
                    found.granularity,
                    found.qualifier or "exact",
                    tail_start,
                    len(text) - end,
                )
        return None

    def _date_at_start(
        self, text: str, start: int, end: int, published: dt.date | None, future: bool | None
    ) -> ResolvedDate | None:
        """ "its Oct. 1 census day": the model takes the noun a date modifies along; when
        the whole is no date, the longest head, one or two words shorter, that our own
        rules resolve to a value is the mention."""
        words = list(re.finditer(r"\S+", text[start:end]))
        for word in reversed(words[-3:-1]):
            head_end = start + word.end()
            found = self._core(self._normalise(text[start:head_end]), published, future, False)
            if found is not None and found.value is not None and found.kind != "duration":
                return ResolvedDate(
                    found.kind,
                    found.value,
                    found.granularity,
                    found.qualifier or "exact",
                    start,
                    len(text) - head_end,
                )
        return None

    def _trim(self, text: str) -> tuple[int, int]:
        """Cut leading "the"/prepositions and trailing punctuation or possessives."""
        start, end = 0, len(text)
        while True:
            while start < end and (text[start].isspace() or text[start] in "\"'“‘(,"):
                start += 1
            # sliced: "^" would not match at a ``pos`` past the string's start
            match = self.re_leading.match(text[start:end])
            if not match or start + match.end() >= end:
                break
            qualifier = self.re_qualifier.match(text[start:end].lower())
            if qualifier and len(qualifier.group(1)) > len(match.group(0).rstrip()):
                break  # "at least Monday": "at" starts a qualifier here
            start += match.end()
        while end > start:
            tail = text[start:end]
            if tail[-1].isspace() or tail[-1] in ',;:!?"”’)':
                end -= 1
            elif tail.lower().endswith(("'s", "’s")) and end - start > 2:
                end -= 2
            elif tail[-1] == "." and not self._keeps_period(tail):
                end -= 1
            elif match := (
                self.re_trailing.search(tail) or self.re_trailing_clause.search(tail)
            ):  # "Nov. 4 after", "Sept. 1 that spring"
                end = start + match.start()
            elif match := self._trailing_words(tail):  # "four months in a row", "May 2021, days"
                end = start + match.start(match.lastindex or 0)
            else:
                break
        return start, end

    def _trailing_words(self, tail: str) -> re.Match[str] | None:
        """Words the model runs on with after a duration or a date: "four months in a row",
        "nine minutes later" (the duration is the date), "May 2021, days after", "the
        July-September period". "the year before" is a date whole."""
        if not self.re_anchor_bare.match(self._normalise(tail)) and (
            match := self.re_trailing_unit.search(tail)
        ):
            return match
        match = self.re_trailing_time_anchor.search(tail) or self.re_trailing_after_year.search(
            tail
        )
        if match is None and " " in tail.strip():
            match = self.re_trailing_noun.search(tail)
        return match

    def _keeps_period(self, tail: str) -> bool:
        last = tail[:-1].rsplit(None, 1)[-1].lower() if tail[:-1].strip() else ""
        return last in self.abbreviations or last.endswith((".m", "a.m", "p.m"))

    def _normalise(self, text: str) -> str:
        text = text.lower().replace("’", "'").replace("–", "-").replace("—", "-")
        text = re.sub(r"\s+", " ", text).strip()
        text = self.re_abbrev.sub(lambda m: self.abbreviations[m.group(1)], text)
        return re.sub(r"^the\s+", "", text)

    # -- the rules, most specific first ------------------------------------------

    def _core(
        self, core: str, published: dt.date | None, future: bool | None, fallback: bool = True
    ) -> _Core | None:
        core = re.sub(r"^the\s+", "", core)
        if core in self.not_dates or not re.search(r"[a-z0-9]", core):
            return None
        if core in self.frequency_words:  # "annual", "quarterly": a recurring set
            return _Core("set", None, None)
        if (self.re_ordinal_unit.match(core) and self._century_start(core) is None) or re.search(
            r"years?-olds?$", core
        ):
            return None  # "its fourth month", "8-year-olds": a rank or an age, not a date
        if core in self.vague:
            unit = core.split()[-1].rstrip("s")
            return _Core("interval", None, unit if unit in self.units else None)
        for rule in (
            self._since,
            self._split_year,
            self._between,
            self._part,
            self._approx,
            self._decade,
            self._century,
            self._ago,
            self._clock_duration,
            self._duration,
            self._weekend,
            self._relative,
            self._day_word,
            self._quarter,
            self._month_of_a_year,
            self._half,
            self._fiscal,
            self._year,
            self._season,
            self._holiday,
            self._month_day,
            self._weekday,
            self._day_part,
        ):
            result = rule(core, published, future)
            if result is not None:
                return result
        if re.fullmatch(r"[\d:.\s]*(?:a\.?m\.?|p\.?m\.?|gmt|utc|[a-z]st|[a-z]dt)?", core):
            return None  # a clock time: no date in it
        if not fallback or not self.re_dateish.search(core):
            return None  # "between 10 and 20", "74th minute": numbers, not dates
        return self._dateparser(core, published, future)

    def _since(self, core: str, published: dt.date | None, future: bool | None) -> _Core | None:
        if not core.startswith("since "):
            return None
        inner = self._core(core[6:], published, future)
        if inner is None:
            return None
        # "since the 1950s": open from the start of the period
        value = f"{inner.value.split('/')[0]}/.." if inner.value else None
        return _Core("interval", value, inner.granularity, inner.qualifier)

    def _between(self, core: str, published: dt.date | None, future: bool | None) -> _Core | None:
        match = re.match(r"^between (.+?) and (.+)$", core) or re.match(
            r"^(?:from )?(.+?)\s*(?:\bto\b|\bthrough\b|\buntil\b|-)\s*(.+)$", core
        )
        if not match:
            return None
        left_text, right_text = match.groups()
        if re.fullmatch(r"\d{4}", left_text) and re.fullmatch(r"\d{2}", right_text):
            right_text = left_text[:2] + right_text  # "2024-25"
        elif (
            "-" in core
            and not core.startswith(("between", "from"))
            and not re.fullmatch(r"\d{4}\s*-\s*\d{4}", core)
            and not (left_text in self.months and right_text in self.months)
        ):
            return None  # "mid-2023", ISO dates: not a range ("July-September" is)
        year = re.search(r",?\s+(\d{4})$", right_text)
        if year and not re.search(r"\d{4}$", left_text) and self.re_month_day_year.match(left_text):
            left_text = f"{left_text}, {year.group(1)}"  # "between May 1 and Oct. 31, 2022"
        right = self._core(right_text, published, future, fallback=False)
        left = self._core(left_text, published, future, fallback=False)
        if not (left and right and left.value and right.value) or "P" in left.value + right.value:
            return None
        named_year = re.search(r"\d{4}", left_text + right_text)
        if published is not None and not named_year and left.value > right.value:
            left, right = self._same_year_ends(left, right, published, future)
        return _Core("interval", f"{left.value}/{right.value}", left.granularity)

    def _same_year_ends(
        self, left: _Core, right: _Core, published: dt.date, future: bool | None
    ) -> tuple[_Core, _Core]:
        """ "between April and August" with no year: each end resolved alone can land in
        different years. Both fall in the publication year when that interval holds the
        publication date; else the interval lies wholly ahead or behind, as the tense says."""
        assert left.value is not None and right.value is not None
        this_left = _with_year(left.value, published.year)
        this_right = _with_year(right.value, published.year)
        today = published.isoformat()
        holds_today = this_left <= today[: len(this_left)]
        holds_today = holds_today and today[: len(this_right)] <= this_right
        if holds_today and future is not False:
            return left._replace(value=this_left), right._replace(value=this_right)
        if future:
            right_year = int(left.value[:4]) + (this_right < this_left)
            return left, right._replace(value=_with_year(right.value, right_year))
        left_year = int(right.value[:4]) - (this_right < this_left)
        return left._replace(value=_with_year(left.value, left_year)), right

    def _split_year(
        self, core: str, published: dt.date | None, future: bool | None
    ) -> _Core | None:
        """Marketing, fiscal and sports seasons written "2024/25" or "2024/2025": the two
        years as an interval (dateparser would read "2024/25" as Aug. 25)."""
        match = re.fullmatch(r"(\d{4})\s*/\s*(\d{2}|\d{4})", core)
        if not match:
            return None
        first, second = int(match.group(1)), match.group(2)
        following = first + 1
        if int(second) not in (following, following % 100):
            return None
        return _Core("interval", f"{first}/{following}", "year")

    def _part(self, core: str, published: dt.date | None, future: bool | None) -> _Core | None:
        match = self.re_part.match(core)
        if not match:
            return None
        part = self.part_words[match.group(1)]
        rest = re.sub(r"^the\s+", "", match.group(2))
        if rest in self.current_units:
            rest = f"this {rest}"  # "the end of the year": the current one
        if match.group(1).endswith(" of"):
            # "the end of X" takes X's own value (guidelines); only "late 1970s" narrows X
            inner = self._core(rest, published, future)
            if inner is None or inner.kind == "duration":
                return None
            return _Core(inner.kind, inner.value, inner.granularity, part)
        decade = self._decade_bounds(rest)
        if decade is not None and part in self.decade_parts:
            low, high = self.decade_parts[part]
            return _Core("interval", f"{decade + low}/{decade + high}", "decade", part)
        century = self._century_start(rest)
        if century is not None and part in self.century_parts:
            low, high = self.century_parts[part]
            return _Core("interval", f"{century + low}/{century + high}", "century", part)
        inner = self._core(rest, published, future)
        if inner is None or inner.kind == "duration":
            return None
        return _Core(inner.kind, inner.value, inner.granularity, part)

    def _approx(self, core: str, published: dt.date | None, future: bool | None) -> _Core | None:
        match = self.re_approx.match(core)
        if not match:
            return None
        inner = self._core(match.group(2), published, future)
        if inner is None:
            return None
        return _Core(
            inner.kind, inner.value, inner.granularity, self.approximate_words[match.group(1)]
        )

    def _decade_bounds(self, core: str) -> int | None:
        match = re.fullmatch(r"(\d{3}0)'?s|'(\d0)s", core)
        if not match:
            return None
        if match.group(1):
            return int(match.group(1))
        return 1900 + int(match.group(2))  # "'90s": news rarely means the 2090s

    def _decade(self, core: str, published: dt.date | None, future: bool | None) -> _Core | None:
        start = self._decade_bounds(core)
        if start is None and published is not None and core in ("this decade", "current decade"):
            start = published.year // 10 * 10  # "by the end of the decade": the present one
        return None if start is None else _Core("interval", f"{start}/{start + 9}", "decade")

    def _century_start(self, core: str) -> int | None:
        match = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)[ -]century", core)
        return None if not match else (int(match.group(1)) - 1) * 100

    def _century(self, core: str, published: dt.date | None, future: bool | None) -> _Core | None:
        start = self._century_start(core)
        if start is None and published is not None and core in ("this century", "current century"):
            start = published.year // 100 * 100  # 2024 is in 2000/2099, as "21st century"
        if start is None:
            return None
        # the decade pattern, as the guidelines settle it: "19th century" -> 1800/1899
        return _Core("interval", f"{start}/{start + 99}", "century")

    def _amount(self, text: str) -> float | None:
        if text in self.numbers:
            return float(self.numbers[text])
        try:
            return float(text.replace(",", ""))
        except ValueError:
            return None

    def _ago(self, core: str, published: dt.date | None, future: bool | None) -> _Core | None:
        match = self.re_ago.match(core)
        if not match:
            return None
        amount, unit = self._amount(match.group(1)), match.group(2)
        letter, size, granularity = self.units[unit]
        granularity = "year" if letter == "Y" else granularity
        if published is None or amount is None or not amount.is_integer():
            return _Core("point", None, granularity)
        n = int(amount) * size
        if letter == "Y":
            return _Core("point", str(published.year - n), "year")
        if letter == "M":
            year, month = _shift_months(published, -n)
            return _Core("point", f"{year}-{month:02d}", "month")
        day = published - dt.timedelta(days=n * (7 if letter == "W" else 1))
        if letter == "W":
            return _Core("point", _iso_week(day), "week")
        return _Core("point", day.isoformat(), "day")

    def _anchored(self, core: str, anchor: str | None, published: dt.date | None) -> _Core | None:
        """ "a year later", "a month earlier", "that year": counted from ``anchor``. With
        nothing dated before, "a year earlier" compares with the present: the year before
        publication (what happened "later" cannot be told)."""
        match = self.re_anchored.match(core)
        if match:
            amount, unit = self._amount(match.group(1)), match.group(2)
            step = self.anchored_words[match.group(3)]
        elif match := self.re_anchor_previous.match(core):
            if anchor is None:
                return None  # "the previous week" with nothing dated before: from publication
            return _previous_unit(anchor, match.group(2))
        elif match := self.re_anchor_bare.match(re.sub(r"^the\s+", "", core)):
            amount, unit, step = 1.0, match.group(1), self.anchored_words[match.group(2)]
        else:
            match = self.re_anchor_same.match(re.sub(r"^the\s+", "", core))
            if not match:
                return None
            amount, unit, step = 1.0, match.group(2), 0 if match.group(1) == "that" else 1
        letter, size, granularity = self.units[unit]
        granularity = "year" if letter == "Y" else granularity
        if amount is None or not amount.is_integer():
            return _Core("point", None, granularity)
        n = step * int(amount) * size
        if anchor is None and letter == "Y" and step < 0 and published is not None:
            return _Core("point", str(published.year + n), "year")
        if anchor is None:
            return _Core("point", None, granularity)
        quarter = re.fullmatch(r"(\d{4})-Q([1-4])", anchor)
        if quarter and letter == "Y":  # "profit rose from a year earlier" after a quarter
            return _Core("point", f"{int(quarter.group(1)) + n}-Q{quarter.group(2)}", "quarter")
        parts = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", anchor)
        if parts is None:
            return _Core("point", None, granularity)
        year, month, day = parts.groups()
        if letter == "Y" and month and not day:
            # "prices rose in February from a year earlier": the same month, a year back
            return _Core("point", f"{int(year) + n}-{month}", "month")
        if letter == "Y" and day:  # "a rise from April 1, after one a year earlier"
            moved_day = min(int(day), 28) if (month, day) == ("02", "29") else int(day)
            return _Core("point", dt.date(int(year) + n, int(month), moved_day).isoformat(), "day")
        if letter == "Y":
            return _Core("point", str(int(year) + n), "year")
        if letter == "M" and month:
            shifted_year, shifted_month = _shift_months(dt.date(int(year), int(month), 1), n)
            return _Core("point", f"{shifted_year}-{shifted_month:02d}", "month")
        if day and month:
            moved = dt.date(int(year), int(month), int(day)) + dt.timedelta(
                days=n * (7 if letter == "W" else 1)
            )
            if letter == "W":
                return _Core("point", _iso_week(moved), "week")
            return _Core("point", moved.isoformat(), "day")
        return _Core("point", None, granularity)

    def _clock_duration(
        self, core: str, published: dt.date | None, future: bool | None
    ) -> _Core | None:
        """ "30 hours", "two minutes and 11 seconds": ISO time durations (PT30H)."""
        amounts: dict[str, str] = {}
        for piece in re.split(r",\s+(?:and\s+)?|\s+and\s+", core):
            match = self.re_time_part.match(piece.strip())
            amount = self._amount(match.group(1)) if match else None
            if match is None or amount is None:
                return None
            letter = self.time_units[match.group(2)]
            if letter in "HM" and amount < 1 and (amount * 60).is_integer():
                amount, letter = amount * 60, "M" if letter == "H" else "S"  # half an hour: 30M
            amounts[letter] = _number(amount)
        letters = "".join(f"{amounts[k]}{k}" for k in "HMS" if k in amounts)
        return _Core("duration", f"PT{letters}", None)

    def _weekend(self, core: str, published: dt.date | None, future: bool | None) -> _Core | None:
        """ "last weekend", "this weekend": the ISO week the weekend falls in."""
        match = self.re_weekend.match(core)
        if not match:
            return None
        if published is None:
            return _Core("point", None, "week")
        step = self.weekend_words.get(match.group(1) or "", 1 if future else 0)
        saturday = published + dt.timedelta(days=5 - published.weekday())  # this week's
        if step < 0 or (match.group(1) is None and not future and published.weekday() < 5):
            saturday -= dt.timedelta(weeks=1)  # the one already gone
        elif step > 0:
            saturday += dt.timedelta(weeks=1 if published.weekday() >= 5 else 0)
        return _Core("point", _iso_week(saturday), "week")

    def _duration(self, core: str, published: dt.date | None, future: bool | None) -> _Core | None:
        match = self.re_duration.match(core)
        if match:
            amount = self._amount(match.group(2))
            unit = "century" if match.group(3) == "centurie" else match.group(3)
            if amount is not None and match.group(4):
                amount += 0.5
        else:
            match = self.re_bare_unit_duration.match(core)  # "the past year", "next decade"
            if not match:
                return None
            amount, unit = 1.0, match.group(2) or match.group(4)
        letter, size, granularity = self.units[unit]
        if amount is None:
            return _Core("duration", None, granularity)
        return _Core("duration", f"P{_number(amount * size)}{letter}", granularity)

    def _relative(self, core: str, published: dt.date | None, future: bool | None) -> _Core | None:
        match = self.re_relative.match(core)
        if not match:
            return None
        step, unit = self.relative[match.group(1)], match.group(2)
        granularity = unit if unit in ("week", "month", "year", "quarter") else None
        if published is None:
            return _Core(
                "point", None, granularity or ("day" if unit in self.weekdays else "month")
            )
        if unit == "year":
            return _Core("point", str(published.year + step), "year")
        if unit == "month":
            year, month = _shift_months(published, step)
            return _Core("point", f"{year}-{month:02d}", "month")
        if unit == "week":
            return _Core("point", _iso_week(published + dt.timedelta(weeks=step)), "week")
        if unit == "quarter":
            index = published.year * 4 + (published.month - 1) // 3 + step
            return _Core("point", f"{index // 4}-Q{index % 4 + 1}", "quarter")
        if unit in self.weekdays:
            target, weekday = self.weekdays.index(unit), published.weekday()
            if step < 0:
                offset = -((weekday - target) % 7 or 7)
            elif step > 0:
                offset = (target - weekday) % 7 or 7
            else:  # "this Friday": the one in the publication week
                offset = target - weekday
            return _Core("point", (published + dt.timedelta(days=offset)).isoformat(), "day")
        month, year = self.months.index(unit) + 1, published.year
        if step < 0 and month >= published.month:
            year -= 1
        elif step > 0 and month <= published.month:
            year += 1
        return _Core("point", f"{year}-{month:02d}", "month")

    def _day_word(self, core: str, published: dt.date | None, future: bool | None) -> _Core | None:
        if core not in self.day_words:
            return None
        if published is None:
            return _Core("point", None, "day")
        return _Core(
            "point", (published + dt.timedelta(days=self.day_words[core])).isoformat(), "day"
        )

    def _quarter(self, core: str, published: dt.date | None, future: bool | None) -> _Core | None:
        match = self.re_quarter.match(core)
        code = _QUARTER_CODE.match(core)
        if match:
            quarter, year_text = self.quarters[match.group(1)], match.group(2) or match.group(3)
        elif code:
            quarter, year_text = int(code.group(1)), code.group(2)
        else:
            return None
        if year_text:
            inner = self._core(year_text, published, future)
            if inner is None or inner.granularity != "year":
                return None
            year = inner.value
        elif published is None:
            year = None
        else:
            current, year_number = (published.month - 1) // 3 + 1, published.year
            if future and quarter < current - 1:
                year_number += 1  # the quarter just ended is this year's (results come after)
            elif not future and quarter > current:
                year_number -= 1
            year = str(year_number)
        return _Core("point", f"{year}-Q{quarter}" if year else None, "quarter")

    def _month_of_a_year(
        self, core: str, published: dt.date | None, future: bool | None
    ) -> _Core | None:
        """ "April last year", "December this year": that month of the year named."""
        match = self.re_month_of_year.match(core)
        if match is None or published is None:
            return None
        step = self.relative.get(match.group(2))
        if step is None:
            return None
        month = self.months.index(match.group(1)) + 1
        return _Core("point", f"{published.year + step}-{month:02d}", "month")

    def _half(self, core: str, published: dt.date | None, future: bool | None) -> _Core | None:
        """ "the second half of 2025": six months, as an interval of months."""
        match = re.fullmatch(rf"({_alternation(self.half_words)}) half(?: of | )(.+)", core)
        if not match:
            return None
        inner = self._core(match.group(2), published, future)
        if inner is None or inner.granularity != "year" or not inner.value:
            return None
        first = 1 if self.half_words[match.group(1)] == 1 else 7
        return _Core(
            "interval", f"{inner.value}-{first:02d}/{inner.value}-{first + 5:02d}", "month"
        )

    def _fiscal(self, core: str, published: dt.date | None, future: bool | None) -> _Core | None:
        match = re.fullmatch(
            r"(?:fiscal|financial)(?: year)? '?(\d{4}|\d{2})|fy ?'?(\d{4}|\d{2})"
            r"|(\d{4}) (?:fiscal|financial) year",
            core,
        )
        if not match:
            return None
        digits = match.group(1) or match.group(2) or match.group(3)
        return _Core("point", digits if len(digits) == 4 else f"20{digits}", "year")

    def _year(self, core: str, published: dt.date | None, future: bool | None) -> _Core | None:
        match = re.fullmatch(r"(?:the year )?(\d{4})", core)
        if not match or not 1000 <= int(match.group(1)) <= 2199:
            return None
        return _Core("point", match.group(1), "year")

    def _season(self, core: str, published: dt.date | None, future: bool | None) -> _Core | None:
        """A season is valued as its year (the guidelines' convention); the year is the
        one its first month falls in ("the coming winter" in October -> this year)."""
        relative = self.re_relative_season.match(core)
        match = relative or self.re_season.match(core)
        if not match:
            return None
        name = match.group(2) if relative else match.group(1)
        month = self.seasons[name]
        if not relative and match.group(2):
            inner = self._core(match.group(2), published, future)
            return _Core("point", inner.value if inner else None, "year")
        if published is None:
            return _Core("point", None, "year")
        step = self.relative[match.group(1)] if relative else (1 if future else -1)
        year = published.year
        if (
            step < 0
            and month > published.month
            or relative
            and step < 0
            and month == published.month
        ):
            year -= 1
        elif step > 0 and month <= published.month:
            year += 1
        return _Core("point", str(year), "year")

    def _holiday(self, core: str, published: dt.date | None, future: bool | None) -> _Core | None:
        match = re.fullmatch(rf"({_alternation(self.holidays)})(?:,? (\d{{4}}))?", core)
        if not match:
            return None
        month, day = self.holidays[match.group(1)]
        return self._partial_day(month, day, match.group(2), published, future)

    def _partial_day(
        self,
        month: int,
        day: int,
        year_text: str | None,
        published: dt.date | None,
        future: bool | None,
    ) -> _Core:
        if year_text:
            return _Core("point", dt.date(int(year_text), month, day).isoformat(), "day")
        if published is None:
            return _Core("point", None, "day")
        if future is None:  # the tense does not say: the occurrence nearest publication
            return _Core("point", _nearest(published, month, day).isoformat(), "day")
        step = 1 if future else -1
        for year in range(published.year, published.year + 5 * step, step):
            try:
                candidate = dt.date(year, month, day)
            except ValueError:  # Feb. 29 outside a leap year
                continue
            if (candidate >= published) if future else (candidate <= published):
                return _Core("point", candidate.isoformat(), "day")
        raise ValueError(f"no day {month}-{day}")

    def _month_day(self, core: str, published: dt.date | None, future: bool | None) -> _Core | None:
        prefixed = self.re_weekday_prefix.match(core)  # "Friday, Nov. 8"
        if prefixed:
            core = prefixed.group(2)
        match = self.re_month_day_year.match(core)
        if match:
            month_name = match.group(1) or match.group(4)
            day = int(match.group(2) or match.group(3))
            month = self.months.index(month_name) + 1
            return self._partial_day(month, day, match.group(5), published, future)
        match = self.re_month_year.match(core)
        if not match:
            return None
        month = self.months.index(match.group(1)) + 1
        if match.group(2):
            return _Core("point", f"{match.group(2)}-{month:02d}", "month")
        if published is None:
            return _Core("point", None, "month")
        if future is None:
            middle = _nearest(published, month, 15)
            return _Core("point", f"{middle.year}-{month:02d}", "month")
        year = published.year
        if future and month < published.month:
            year += 1
        elif not future and month > published.month:
            year -= 1
        return _Core("point", f"{year}-{month:02d}", "month")

    def _weekday(self, core: str, published: dt.date | None, future: bool | None) -> _Core | None:
        match = self.re_weekday.match(core)
        if not match:
            return None
        if published is None:
            return _Core("point", None, "day")
        target = self.weekdays.index(match.group(1))
        if future:
            # "will meet on Friday", written on a Friday, means the next one
            day = published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
        else:
            day = published - dt.timedelta(days=(published.weekday() - target) % 7)
        return _Core("point", day.isoformat(), "day")

    def _day_part(self, core: str, published: dt.date | None, future: bool | None) -> _Core | None:
        """ "Tuesday morning", "last night", "this evening": the day the part belongs to."""
        if core in self.day_parts:
            return None
        match = self.re_day_part.match(core)
        if not match:
            return None
        head = {"this": "today", "last": "yesterday", "tomorrow": "tomorrow"}.get(
            match.group(1), match.group(1)
        )
        inner = self._core(head, published, future)
        if inner is None or inner.granularity != "day":
            return None
        return inner

    def _dateparser(self, core: str, published: dt.date | None, future: bool | None) -> _Core:
        """Whatever our rules do not cover; a relative phrase needs the publication date."""
        if published is None and not re.search(r"\b\d{4}\b", core):
            return _Core("point", None, None)
        settings: dict[str, Any] = {"PREFER_DATES_FROM": "future" if future else "past"}
        if published is not None:
            settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
        try:
            data = DateDataParser(languages=["en"], settings=settings).get_date_data(core)
        except Exception:  # dateparser raises assorted errors on odd input; a date is optional
            return _Core("point", None, None)
        if data.date_obj is None:
            return _Core("point", None, None)
        day = data.date_obj.date()
        formats = {
            "day": day.isoformat(),
            "week": _iso_week(day),
            "month": f"{day.year}-{day.month:02d}",
            "year": str(day.year),
        }
        if data.period == "time":
            return _Core("point", None, None)
        period = data.period if data.period in formats else "day"
        return _Core("point", formats[period], period)


def _with_year(value: str, year: int) -> str:
    """An ISO day or month value moved to ``year`` (Feb. 29 falls back to Feb. 28)."""
    moved = f"{year}{value[4:]}"
    if moved.endswith("-02-29") and not (year % 4 == 0 and (year % 100 or year % 400 == 0)):
        return f"{year}-02-28"
    return moved


def _previous_unit(anchor: str, unit: str) -> _Core | None:
    """The ``unit`` (quarter, month, year) before the one ``anchor`` falls in; None when the
    anchor is coarser than the unit (a year anchor says nothing of its months)."""
    match = re.fullmatch(r"(\d{4})(?:-Q([1-4])|-(\d{2})(?:-\d{2})?)?", anchor)
    if match is None:
        return None
    year, quarter, month = match.groups()
    if unit == "year":
        return _Core("point", str(int(year) - 1), "year")
    if unit == "quarter" and (quarter or month):
        index = int(year) * 4 + (int(quarter) - 1 if quarter else (int(month) - 1) // 3) - 1
        return _Core("point", f"{index // 4}-Q{index % 4 + 1}", "quarter")
    if unit == "month" and month:
        shifted_year, shifted_month = _shift_months(dt.date(int(year), int(month), 1), -1)
        return _Core("point", f"{shifted_year}-{shifted_month:02d}", "month")
    return None


def _nearest(published: dt.date, month: int, day: int) -> dt.date:
    """The ``month``/``day`` closest to ``published`` (the earlier one on a tie)."""
    candidates = []
    for year in range(published.year - 1, published.year + 2):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:  # Feb. 29 outside a leap year
            continue
    if not candidates:
        raise ValueError(f"no day {month}-{day}")
    return min(candidates, key=lambda d: (abs((d - published).days), d))


@functools.cache
def default_resolver() -> DateResolver:
    """The resolver built from ``configs/dates.json`` (read once; never mutated)."""
    return DateResolver(srsly.read_json(CONFIG_DIR / "dates.json"))


def resolve_date_text(
    text: str,
    published: dt.date | None,
    future: bool | None = False,
    resolver: DateResolver | None = None,
    anchor: str | None = None,
) -> ResolvedDate | None:
    """Resolve one date mention's text ("on Nov. 4", "more than 70 years ago") without a Doc.

    None means the text is no date. ``trim_start``/``trim_end`` locate the mention
    span inside ``text`` (leading "the"/prepositions and trailing punctuation cut).
    """
    return (resolver or default_resolver()).resolve(text, published, future, anchor)


class DateStage(LexiconComponent):
    lexicon_file = "dates.json"

    def set_lexicon(self, lexicon: dict[str, Any]) -> None:
        super().set_lexicon(lexicon)
        self.resolver = DateResolver(lexicon)
        self.labels = set(lexicon.get("labels", ["DATE", "TIME"]))
        self.attach_left = _lowered(lexicon, "attach_left")
        self.future_aux = _lowered(lexicon, "future_auxiliaries")
        self.weak_future_aux = _lowered(lexicon, "weak_future_auxiliaries")
        self.delay_verbs = _lowered(lexicon, "delay_verbs")
        self.future_words = _lowered(lexicon, "future_words")
        self.set_words = _lowered(lexicon, "set_words")
        self.attach_units = _lowered(lexicon, "attach_left_units")
        self.unit_words = set(lexicon.get("duration_units", {}))
        self.margin_words = _lowered(lexicon, "margin_words")
        self.comparison_words = _lowered(lexicon, "comparison_words")
        self.present_not_ahead = _lowered(lexicon, "present_not_ahead")
        self.future_prepositions = _lowered(lexicon, "future_prepositions")
        self.year_led_labels = set(lexicon.get("year_led_labels", ["EVENT"]))
        self.split_words = _lowered(lexicon, "duration_split_words")
        self.baseline_words = _lowered(lexicon, "baseline_words")
        self.past_when_finite = _lowered(lexicon, "past_when_finite")
        self.statement_verbs = _lowered(lexicon, "statement_verbs")
        self.period_prepositions = _lowered(lexicon, "period_prepositions")
        self.untagged_units = _lowered(lexicon, "untagged_duration_units")
        self.generic_determiners = _lowered(lexicon, "generic_determiners")
        self.time_unit_words = set(self.unit_words) | set(lexicon.get("time_units", {}))
        self.seasons = set(lexicon.get("seasons", {}))
        self.month_words = _lowered(lexicon, "month_names") | set(
            lexicon.get("month_abbreviations", {})
        )
        self.calendar_words = {
            w.lower() for w in lexicon.get("month_names", []) + lexicon.get("weekday_names", [])
        }

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_lexicon()
        meta = article_of(doc)
        mentions: list[DateMentionData] = []
        anchor: tuple[int, str] | None = None  # (sentence start, value) of the last point
        # "outages on 332 days": days the quantities stage counted as occasions are no duration.
        occasions = [
            (q.start, q.end)
            for q in doc._.quantities
            if q.kind == "count" and q.unit in self.time_unit_words
        ]
        for candidate in sorted(self._candidate_spans(doc), key=lambda s: s.start):
            if in_ranges(candidate.start_char, candidate.end_char, meta.boilerplate):
                continue
            span = _after_occasions(candidate, occasions, self.time_unit_words)
            if span is None:
                continue
            if self._is_measured_time(span) or self._is_rate(span):
                continue
            sentence = span[0].sent
            near = anchor[1] if anchor and anchor[0] >= _previous_sentence_start(sentence) else None
            # a question heading ("What happens after Jan. 20?") is no past-tense headline
            heading = in_ranges(span.start_char, span.end_char, meta.headings) and not (
                sentence.text.rstrip().endswith("?")
            )
            ahead: bool | None = self._points_ahead(span, heading)
            if ahead and (_follows_later(span) or self._scheduled_today(span, meta.published)):
                ahead = False  # "due later on Friday", written on a Friday: that day
            elif ahead and (self._is_baseline(span, False) or self._dates_statement(span)):
                ahead = False  # "up from 22% on Thursday", "said on Wednesday it would"
            if self._opens_period(span) or self._tense_is_open(span, bool(ahead)):
                ahead = None  # "a raise from April 1", "could restart in mid-December"
            mention = self._mention(span, meta.published, ahead, near)
            if mention is None:
                continue
            mentions.append(mention)
            period = _anchor_value(mention)
            if period and not self._is_baseline(span, mention.granularity == "day"):
                anchor = (sentence.start, period)
        doc._.dates = _joined_durations(_without_overlaps(mentions), doc.text)
        return doc

    def _candidate_spans(self, doc: Doc) -> list[Span]:
        spans = []
        for ent in doc.ents:
            if ent.label_ in self.year_led_labels and re.fullmatch(r"\d{4}", ent[0].text):
                spans.append(Span(doc, ent.start, ent.start + 1, label="DATE"))  # "2028 Olympics"
                continue
            if self._year_tagged_cardinal(ent):
                spans.append(Span(doc, ent.start, ent.end, label="DATE"))  # "by 2022 its share"
                continue
            if ent.label_ == "QUANTITY" and ent[-1].lemma_.lower() in self.time_unit_words:
                pass  # "a little over four hours": the model calls some durations quantities
            elif ent.label_ == "CARDINAL" and re.fullmatch(r"\d{4}/\d{2}(?:\d{2})?", ent.text):
                pass  # "2023/24": a season or fiscal year the model reads as a number
            elif ent.label_ not in self.labels:
                continue
            start, end = ent.start, ent.end
            if start > 0 and doc[start - 1].lower_ in self.attach_left:
                start -= 1  # "since 2014" is one mention
            if (
                start > 0
                and doc[start - 1].lower_ == "between"
                and ("and" in ent.text.split() or self._interval_end(doc, start - 1, end) > end)
            ):
                start -= 1  # "between May 1 and Oct. 31": the model leaves "between" out
            elif (
                start > 2
                and doc[start - 1].lower_ == "and"
                and doc[start - 3].lower_ == "between"
                and doc[start - 2].lower_ in self.calendar_words
            ):
                start -= 3  # "between November and February": the model tags the last only
            if (
                end - start == 1
                and start > 0
                and doc[start].lemma_.lower() in self.unit_words
                and doc[start - 1].lower_ in self.attach_units
            ):
                start -= 1  # the model leaves "this" out of "this year's budget"
            end = self._interval_end(doc, start, end)
            if (
                end - start > 1
                and doc[end - 1].lower_ in ("later", "earlier")
                and end < len(doc)
                and doc[end].lower_ in self.comparison_words
            ):
                end -= 1  # "four days later than planned": the duration is the date
            if (
                doc[end - 1].lower_ == "of"
                and end < len(doc)
                and re.fullmatch(r"\d{4}", doc[end].text)
            ):
                end += 1  # the model stops "the summer of" short of its year
            spans.extend(self._split_after_duration(Span(doc, start, end, label=ent.label_)))
        spans.extend(self._recurring(doc))
        spans.extend(self._untagged(doc))
        return spans

    def _split_after_duration(self, span: Span) -> list[Span]:
        """ "the 12 months through November", "35 hours to 32 hours", "three decades between
        1960 and 1990": a duration the model ran on into a second date gives two mentions."""
        for token in span[2:]:
            before = token.doc[token.i - 1]
            if (
                token.lower_ in self.split_words
                and before.lemma_.lower() in self.time_unit_words
                and before.i > span.start
                and token.doc[before.i - 1].like_num
            ):
                rest = token.i if token.lower_ == "between" else token.i + 1
                parts = [Span(span.doc, span.start, token.i, label=span.label_)]
                if rest < span.end:
                    parts.append(Span(span.doc, rest, span.end, label=span.label_))
                return parts
        return [span]

    def _scheduled_today(self, span: Span, published: dt.date | None) -> bool:
        """ "The squad was due to parade on Monday", written on a Monday: a schedule word
        without "will" names today; "will meet on Monday" means next week's."""
        if published is None or span.text.lower() != self.resolver.weekdays[published.weekday()]:
            return False
        verb = _governing_verb(span)
        return not any(
            c.dep_ == "aux" and c.lower_ in self.future_aux
            for token in (verb, *verb.ancestors)
            for c in token.children
        )

    def _is_baseline(self, span: Span, day: bool) -> bool:
        """ "down from 6.45 trillion won in the second quarter": a date after "from"/"than"
        and a figure is what the figure is compared with, and a day that dates a statement
        ("said on Tuesday") is when it was said; neither is the period being discussed, so
        "a year earlier" later on does not count from it. ("from April 1" is a start.)"""
        doc = span.doc
        figure = False
        for token in reversed(doc[max(span.sent.start, span.start - 6) : span.start]):
            if token.is_punct:
                break
            figure = figure or token.like_num
            if token.lower_ in self.baseline_words:
                return figure
        verb = _governing_verb(span)
        return day and verb.lemma_.lower() in self.statement_verbs

    def _interval_end(self, doc: Doc, start: int, end: int) -> int:
        """ "between December 2021 and August 2023": the model tags two dates; join them."""
        if doc[start].lower_ != "between" or any(t.lower_ == "and" for t in doc[start:end]):
            return end
        if end + 1 < len(doc) and doc[end].lower_ == "and" and doc[end + 1].ent_type_ == "DATE":
            following = end + 2
            while following < len(doc) and doc[following].ent_iob_ == "I":
                following += 1
            return following
        return end

    def _year_tagged_cardinal(self, ent: Span) -> bool:
        """ "by 2022 its share had fallen": a year the model tagged CARDINAL, after a
        preposition of time."""
        if ent.label_ != "CARDINAL" or len(ent) != 1 or not re.fullmatch(r"\d{4}", ent.text):
            return False
        if not 1900 <= int(ent.text) <= 2100 or ent.start == 0:
            return False
        return ent.doc[ent.start - 1].lower_ in ("in", "by", "since", "until", "before", "after")

    def _is_rate(self, span: Span) -> bool:
        """ "$300 billion a year", "2 million barrels a day": a rate, not a date."""
        words = [t.lower_ for t in span]
        if len(words) != 2 or words[0] not in ("a", "an", "per") or span.start == 0:
            return False
        before = span.doc[span.start - 1]
        if before.like_num or before.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL", "PERCENT"):
            return True
        # "209 rupees a month", "40,000 extra appointments a week": a figure a few nouns before
        for token in reversed(span.doc[max(span.sent.start, span.start - 5) : span.start]):
            if token.pos_ in ("VERB", "AUX", "ADP", "PUNCT") and token.lower_ != "of":
                return False
            if token.like_num or token.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL"):
                return True
        return False

    def _is_measured_time(self, span: Span) -> bool:
        """Race times and margins ("31 seconds back", "2 hours, 11 minutes") are measures."""
        units = [t for t in span if t.lemma_.lower() in self.resolver.time_units]
        if span.label_ != "TIME" and not units:
            return False
        doc = span.doc
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.lower_ in self.margin_words:
            return True
        seconds = [t for t in units if t.lemma_.lower() == "second"]
        if seconds and (
            re.search(r"\d\.\d\d\b", span.text)  # "won in 9.77 seconds": timed to the hundredth
            or (span.start > 0 and doc[span.start - 1].lower_ == "by")  # "won by 19 seconds"
        ):
            return True
        # "two hours, 11 minutes and 53 seconds", "2 minutes and 11 seconds" are times
        # measured to the clock; "11 hours and 55 minutes" is a duration
        lemmas = {t.lemma_.lower() for t in units}
        clocked = len(units) > 2 or (
            len(units) > 1 and ("second" in lemmas or any(t.text == "," for t in span))
        )
        if after is not None and after.text == "," and span.end + 1 < len(doc):
            return doc[span.end + 1].ent_type_ == "TIME" or clocked
        if span.start > 1 and doc[span.start - 1].text == ",":
            return doc[span.start - 2].ent_type_ == "TIME" or clocked  # "2 hours, 11 min"
        return clocked

    def _untagged(self, doc: Doc) -> list[Span]:
        """ "on Tuesday", "on Feb. 18" that the model swallowed into an ORG ("Council on Feb.")."""
        found = []
        for token in doc[1:]:
            if token.lower_ in self.untagged_units and not token.ent_type_:
                if doc[token.i - 1].like_num or doc[token.i - 1].lower_ in ("a", "an"):
                    found.append(Span(doc, token.i - 1, token.i + 1, label="DATE"))  # "a fortnight"
                continue
            if doc[token.i - 1].lower_ != "on" or token.ent_type_ in self.labels:
                continue
            if not token.is_title:
                continue
            name = self.resolver.abbreviations.get(token.lower_.rstrip("."), token.lower_)
            if name in self.resolver.weekdays:
                found.append(Span(doc, token.i, token.i + 1, label="DATE"))
            elif (
                name in self.resolver.months
                and token.i + 1 < len(doc)
                and re.fullmatch(r"\d{1,2}", doc[token.i + 1].text)
            ):
                found.append(Span(doc, token.i, token.i + 2, label="DATE"))
        return found

    def _recurring(self, doc: Doc) -> list[Span]:
        """ "every June", "each Monday": sets, which the small model rarely tags."""
        found = []
        for token in doc[:-1]:
            following = doc[token.i + 1]
            if (
                token.lower_ in self.set_words
                and following.lower_ in self.calendar_words
                and not following.ent_type_
            ):
                found.append(Span(doc, token.i, token.i + 2, label="DATE"))
        return found

    def _mention(
        self, span: Span, published: dt.date | None, ahead: bool | None, anchor: str | None
    ) -> DateMentionData | None:
        if span[0].lower_ in self.set_words:
            last = span[-1].lemma_.lower()
            granularity = (
                "month"
                if last in self.resolver.months
                else (last if last in self.resolver.units else "day")
            )
            return DateMentionData(span.start_char, span.end_char, "set", None, granularity)
        if self._describes_a_thing(span):
            return None
        resolved = self.resolver.resolve(span.text, published, ahead, anchor)
        if resolved is None or (span.label_ == "TIME" and resolved.value is None):
            return None
        if resolved.kind == "point" and resolved.value is None and resolved.granularity is None:
            return None  # "the rest of the year", "one night": nothing a reader could date
        start = span.start_char + resolved.trim_start
        end = span.end_char - resolved.trim_end
        if start >= end:
            return None
        return DateMentionData(
            start, end, resolved.kind, resolved.value, resolved.granularity, resolved.qualifier
        )

    def _describes_a_thing(self, span: Span) -> bool:
        """ "annual report", "winter crop", "$250,000 annually": a frequency or season word
        that qualifies a noun or an amount says what kind of thing it is, not when."""
        if len(span) > 1 and span[-1].lower_ in self.seasons:
            return span[-1].dep_ in ("compound", "amod")  # "the middle of the winter holidays"
        if len(span) != 1:
            return False
        token = span[0]
        word = token.lower_
        if word in self.seasons and any(
            c.dep_ == "det" and c.lower_ in self.generic_determiners for c in token.children
        ):
            return True  # "a winter with little snow": any winter, not a dated one
        if word in self.resolver.frequency_words:
            before = token.doc[token.i - 1] if token.i > 0 else None
            is_rate = before is not None and (before.like_num or before.ent_type_ == "MONEY")
            return token.dep_ == "amod" or is_rate
        return word in self.seasons and token.dep_ in ("compound", "amod")

    def _dates_statement(self, span: Span) -> bool:
        """ "said on Wednesday it would cut jobs": a date right after a statement verb says
        when it was said, whatever the reported clause's tense."""
        doc = span.doc
        before = span.start - (1 if span.start > 0 and doc[span.start - 1].lower_ == "on" else 0)
        return before > 0 and doc[before - 1].lemma_.lower() in self.statement_verbs

    def _opens_period(self, span: Span) -> bool:
        """ "The ban runs from April 14", "had set aside money through September": a start
        or end of a period under a present or past-perfect verb may lie either side of
        publication; the resolver takes the occurrence nearest to it."""
        if not any(t.lower_.rstrip(".") in self.month_words for t in span):
            return False
        prep = span.root.head
        verb = _governing_verb(span)
        if prep.lower_ == "from" and verb.tag_ in ("VBZ", "VBP"):
            return True
        return prep.lower_ in self.period_prepositions and any(
            c.dep_ == "aux" and c.lower_ == "had" for c in verb.children
        )

    def _tense_is_open(self, span: Span, ahead: bool) -> bool:
        """A month or day of the month whose verb has no tense that points either way
        ("could begin in mid-December", "to raise fares from Dec. 15", "setting the stage
        for an election on Feb. 23"): the resolver takes the occurrence nearest to
        publication. A past or present verb keeps its direction."""
        if ahead or not any(t.lower_.rstrip(".") in self.month_words for t in span):
            return False
        verb = _governing_verb(span)
        return verb.tag_ not in ("VBD", "VBN", "VBZ", "VBP") and not _has_past_auxiliary(verb)

    def _points_ahead(self, span: Span, heading: bool = False) -> bool:
        """True when the date's verb is future: "will meet on Friday", "is due in March",
        "takes effect Jan. 1" (a present tense in running text; headlines use it for the past)."""
        verb = _governing_verb(span)
        chain = [verb, *list(verb.ancestors)[:2]]
        for token in chain:
            if _has_past_auxiliary(token):
                return False  # "the talks were scheduled to end on Friday"
            if token.lower_ in self.past_when_finite and token.tag_ == "VBD":
                return False  # "it expected to avoid cuts": a past act of expecting
            compared = token.i > 0 and token.doc[token.i - 1].lower_ in self.comparison_words
            if (token.lower_ in self.future_words and not compared) or (
                token.lower_ in self.future_aux
            ):
                return True  # ("fewer jobs than expected in July" looks back)
            if any(
                (c.dep_ == "aux" and c.lower_ in self.future_aux)
                or (c.dep_ in ("acomp", "xcomp") and c.lower_ in self.future_words)
                or (
                    c.dep_ == "aux"
                    and c.lower_ in self.weak_future_aux
                    and _verb_it_hangs_from(span)
                    in (token, *[c for c in token.children if c.dep_ == "xcomp"])
                )
                for c in token.children
            ) and not any(c.lemma_ == "have" and c.dep_ == "aux" for c in token.children):
                return True  # "could return as early as Friday", not "an attack in October could"
            finite = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
            if token.dep_ == "advcl" and token.tag_ == "VBD" and finite:
                return (
                    False  # "will rise from July after the panel handed down its review on Tuesday"
                )
            if token.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "auxpass"):
                break
            if token.dep_ == "conj" and token.tag_ == "VBD":
                return False  # "X will send arms, Austin announced Thursday": past itself
        head = span.root.head
        if head.lower_ in self.future_prepositions and (
            verb.tag_ not in ("VBD", "VBN") or _has_present_perfect(verb)
        ):
            return True  # "postponing the return until April", "has extended it until May"
        if head.lower_ in ("to", "until", "till") and verb.lemma_.lower() in self.delay_verbs:
            return True  # "postponed the start by three months to April"
        # "reports results on Thursday" is an event ahead; "reports that ..." says something
        reports_an_event = verb.lemma_.lower() == "report" and any(
            c.dep_ == "dobj" for c in verb.children
        )
        return (
            not heading
            and verb.pos_ == "VERB"
            and verb.tag_ in ("VBZ", "VBP")
            and (verb.tag_ != "VBZ" or verb.lower_.endswith("s"))  # "unfroze" tagged VBZ
            and not _singular_subject_of_plain_form(verb)  # "The bank cut its rate in September"
            and (verb.lemma_.lower() not in self.present_not_ahead or reports_an_event)
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        )


def _after_occasions(span: Span, occasions: list[tuple[int, int]], units: set[str]) -> Span | None:
    """The span without a leading count of days ("a record 332 days last year" keeps "last
    year"); None when a counted quantity covers the rest of it."""
    for start, end in occasions:
        if not (start < span.end_char and span.start_char < end):
            continue
        rest = [t for t in span if t.idx >= end]
        while rest and rest[0].lemma_.lower() in units:
            rest = rest[1:]  # the counted unit, when the quantity stopped at its number
        if not rest:
            return None
        span = Span(span.doc, rest[0].i, span.end, label=span.label_)
    return span


def _anchor_value(mention: DateMentionData) -> str | None:
    """The period later "a year earlier" / "the previous quarter" count from: a dated point,
    or a month interval that is exactly one quarter ("July-September" is Q3)."""
    value = mention.value
    if not value or "W" in value or "P" in value:
        return None
    if mention.kind == "point":
        return value
    match = re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", value)
    if mention.kind == "interval" and match:
        year, first, last_year, last = match.groups()
        if year == last_year and int(first) % 3 == 1 and int(last) == int(first) + 2:
            return f"{year}-Q{(int(first) - 1) // 3 + 1}"
    return None


def _follows_later(span: Span) -> bool:
    before = [t.lower_ for t in span.doc[max(0, span.start - 2) : span.start]]
    return bool(before) and (before[-1] == "later" or before == ["later", "on"])


def _lowered(lexicon: dict[str, Any], key: str) -> set[str]:
    """A lexicon word list as a set of lower-cased words (empty when the key is absent)."""
    return {w.lower() for w in lexicon.get(key, [])}


_SAME_IN_THE_PAST = {
    "cut", "set", "put", "hit", "let", "shut", "cost", "quit", "spread", "bid", "cast", "hurt",
    "split", "upset", "burst", "slit", "thrust",
}  # fmt: skip


def _singular_subject_of_plain_form(verb: Token) -> bool:
    """ "The central bank cut its rate": a plain form (VBP) with a singular noun or he/she/it
    as its subject is a past tense the tagger misread ("cut", "set", "put", "hit")."""
    if verb.tag_ != "VBP" or verb.lower_ not in _SAME_IN_THE_PAST:
        return False
    return any(
        c.dep_ == "nsubj" and (c.tag_ in ("NN", "NNP") or c.lower_ in ("he", "she", "it"))
        for c in verb.children
    )


def _verb_it_hangs_from(span: Span) -> Token | None:
    """The verb a date hangs from, through prepositions and adverbs ("could begin as early as
    Tuesday"); None when it hangs from a noun ("an attack in October")."""
    head = span.root.head
    for _ in range(3):
        if head.pos_ not in ("ADP", "ADV"):
            break
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def _governing_verb(span: Span) -> Token:
    verb: Token = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _has_present_perfect(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in token.children)


def _has_past_auxiliary(token: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in token.children)


def _previous_sentence_start(sentence: Span) -> int:
    """Token index where the sentence before ``sentence`` starts (or its own start)."""
    if sentence.start == 0:
        return 0
    return sentence.doc[sentence.start - 1].sent.start


_DURATION = re.compile(
    r"^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?$"
)


def _joined_durations(mentions: list[DateMentionData], text: str) -> list[DateMentionData]:
    """ "five years and six months": two durations joined by "and", the second in a smaller
    unit, are one duration (P5Y6M)."""
    joined: list[DateMentionData] = []
    for mention in mentions:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.kind == mention.kind == "duration"
            and last.qualifier == mention.qualifier == "exact"
            and text[last.end : mention.start] == " and "
            and last.value
            and mention.value
        ):
            left, right = _DURATION.match(last.value), _DURATION.match(mention.value)
            if left and right:
                parts = [a or b for a, b in zip(left.groups(), right.groups(), strict=True)]
                used_left = [i for i, g in enumerate(left.groups()) if g]
                used_right = [i for i, g in enumerate(right.groups()) if g]
                if used_left and used_right and max(used_left) < min(used_right):
                    if parts[2] and any(parts[i] for i in (0, 1, 3)):
                        # ISO 8601 keeps weeks alone: "two months and three weeks" is P2M21D
                        days = float(parts[2]) * 7 + float(parts[3] or 0)
                        parts[2], parts[3] = None, _number(days)
                    value = "P" + "".join(
                        f"{p}{unit}" for p, unit in zip(parts, "YMWD", strict=True) if p
                    )
                    granularity = "day" if parts[3] else mention.granularity
                    joined[-1] = DateMentionData(
                        last.start, mention.end, "duration", value, granularity
                    )
                    continue
        joined.append(mention)
    return joined


def _without_overlaps(mentions: list[DateMentionData]) -> list[DateMentionData]:
    """Sorted by start; of two overlapping mentions the longer one stays."""
    kept: list[DateMentionData] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


@Language.factory("claims_dates")
def make_dates(nlp: Language, name: str) -> DateStage:
    register_extensions()
    return DateStage(nlp, name)
