"""Date mentions: spans trimmed to the guidelines, values resolved against publication.

Every sentence is written for its test; the publication date is 2024-12-20 (a
Friday) unless a test says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.dates import resolve_date_text

PUBLISHED = dt.date(2024, 12, 20)


def only_date(extract, sentence: str, published: str | None = "2024-12-20"):
    record = extract(sentence, published=published)
    assert len(record.dates) == 1, [d.text for d in record.dates]
    d = record.dates[0]
    return d.text, d.kind, d.value, d.granularity, d.qualifier


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # AP month abbreviations, the latest such day not after publication
        (
            "The minister spoke on Nov. 4 in Geneva.",
            ("Nov. 4", "point", "2024-11-04", "day", "exact"),
        ),
        (
            "The strike began Sept. 30 at the port.",
            ("Sept. 30", "point", "2024-09-30", "day", "exact"),
        ),
        (
            "The vote was held on Jan. 15, 2023.",
            ("Jan. 15, 2023", "point", "2023-01-15", "day", "exact"),
        ),
        # a month without a year stays a month
        (
            "Prices fell in October, the bureau said.",
            ("October", "point", "2024-10", "month", "exact"),
        ),
        (
            "The bridge was closed in February 2022.",
            ("February 2022", "point", "2022-02", "month", "exact"),
        ),
        ("The index peaked in mid-December.", ("mid-December", "point", "2024-12", "month", "mid")),
        # years, decades and their parts
        ("The mill shut down in 2019.", ("2019", "point", "2019", "year", "exact")),
        (
            "The dam was built in the late 1970s.",
            ("late 1970s", "interval", "1975/1979", "decade", "late"),
        ),
        (
            "The shop opened in the early 1980s.",
            ("early 1980s", "interval", "1980/1984", "decade", "early"),
        ),
        ("The town grew in the 1990s.", ("1990s", "interval", "1990/1999", "decade", "exact")),
        # relative to publication
        ("The mine opened two years ago.", ("two years ago", "point", "2022", "year", "exact")),
        (
            "The war ended more than 70 years ago.",
            ("more than 70 years ago", "point", "1954", "year", "more_than"),
        ),
        (
            "The inspector visited the site last week.",
            ("last week", "point", "2024-W50", "week", "exact"),
        ),
        (
            "The tax was approved earlier this year.",
            ("earlier this year", "point", "2024", "year", "approximate"),
        ),
        (
            "Sales rose in the third quarter.",
            ("third quarter", "point", "2024-Q3", "quarter", "exact"),
        ),
        ("The budget for fiscal 2025 is tight.", ("fiscal 2025", "point", "2025", "year", "exact")),
        # open and closed intervals are mentions whole
        (
            "The firm has traded in the region since 2014.",
            ("since 2014", "interval", "2014/..", "year", "exact"),
        ),
        (
            "Output fell between 2010 and 2012.",
            ("between 2010 and 2012", "interval", "2010/2012", "year", "exact"),
        ),
        # durations: no preposition, ISO durations
        ("She was jailed for six months.", ("six months", "duration", "P6M", "month", "exact")),
        (
            "The siege has lasted more than a year.",
            ("more than a year", "duration", "P1Y", "year", "more_than"),
        ),
        ("The works will take a decade.", ("a decade", "duration", "P10Y", "decade", "exact")),
    ],
)
def test_date_pattern(extract, sentence, expected):
    assert only_date(extract, sentence) == expected


def test_weekday_in_past_tense_is_the_latest_one(extract):
    assert only_date(extract, "The ministers met on Monday.") == (
        "Monday",
        "point",
        "2024-12-16",
        "day",
        "exact",
    )


def test_weekday_after_will_is_the_next_one(extract):
    assert only_date(extract, "The ministers will meet on Monday.") == (
        "Monday",
        "point",
        "2024-12-23",
        "day",
        "exact",
    )


def test_month_after_is_due_to_is_the_next_one(extract):
    assert only_date(extract, "The deal is due to be signed in March.") == (
        "March",
        "point",
        "2025-03",
        "month",
        "exact",
    )


def test_without_publication_date_relative_dates_have_no_value(extract):
    record = extract("The plant shut in 2019 and reopened last week.", published=None)
    assert [(d.text, d.value) for d in record.dates] == [("2019", "2019"), ("last week", None)]


def test_the_days_alone_is_no_date(extract):
    assert extract("Their rifles date back to the days of the empire.").dates == []


def test_clock_time_alone_is_no_date(extract):
    assert extract("The meeting started at 10 a.m. sharp.").dates == []


def test_dates_in_boilerplate_are_skipped(extract):
    text = "Copyright 2024 Example News. All rights reserved.\nThe mill shut down in 2019.\n"
    record = extract(text)
    assert [d.text for d in record.dates] == ["2019"]


def test_recurring_month_is_a_set(extract):
    assert only_date(extract, "Every June the festival returns to the valley.") == (
        "Every June",
        "set",
        None,
        "month",
        "exact",
    )


def test_mentions_are_sorted_by_start(extract):
    record = extract("In 2019 the mill shut; it reopened on Nov. 4 after two years.")
    assert [d.text for d in record.dates] == ["2019", "Nov. 4", "two years"]
    assert [d.start for d in record.dates] == sorted(d.start for d in record.dates)


# -- the pure function, without a Doc ---------------------------------------------


def test_resolve_date_text_reports_trimmed_characters():
    result = resolve_date_text("on Nov. 4,", PUBLISHED)
    assert result is not None
    assert (result.value, result.trim_start, result.trim_end) == ("2024-11-04", 3, 1)


def test_resolve_date_text_absolute_date_without_publication():
    result = resolve_date_text("the late 1970s", None)
    assert result is not None
    assert (result.kind, result.value, result.qualifier) == ("interval", "1975/1979", "late")


def test_resolve_date_text_future_month_moves_ahead():
    result = resolve_date_text("June", PUBLISHED, future=True)
    assert result is not None and result.value == "2025-06"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_resolve_date_text_never_raises_and_trims_inside(text):
    result = resolve_date_text(text, PUBLISHED)
    if result is not None:
        assert result.trim_start >= 0 and result.trim_end >= 0
        assert result.trim_start + result.trim_end < len(text)


DATE_PIECES = [
    "since",
    "2019",
    "Nov. 4",
    "late 1970s",
    "for six months",
    "the days",
    "last week",
    "between 2010 and 2012",
    "mid-December",
    "will meet on Monday",
    "10 a.m.",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(DATE_PIECES), st.text(max_size=12)), max_size=10))
def test_date_offsets_hold_on_arbitrary_text(extract, parts):
    text = " ".join(parts)
    if not text.strip():
        return
    record = extract(text)  # validates text[start:end] == span text for every date
    for mention in record.dates:
        assert mention.text == mention.text.strip() != ""


# -- dates that point ahead ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a present tense in running text points ahead
        ("The new tariff takes effect Jan. 1.", ("Jan. 1", "point", "2025-01-01", "day", "exact")),
        # "due" as the complement of "is"
        (
            "The board's next meeting is due on March 3.",
            ("March 3", "point", "2025-03-03", "day", "exact"),
        ),
        # "would" after a reporting verb: the future seen from the past
        (
            "Analysts said the bank would cut rates again in June.",
            ("June", "point", "2025-06", "month", "exact"),
        ),
        # "until" with no past-tense verb
        (
            "The cartel voted to delay the increase, postponing it until April.",
            ("April", "point", "2025-04", "month", "exact"),
        ),
    ],
)
def test_date_points_ahead(extract, sentence, expected):
    assert only_date(extract, sentence) == expected


def test_scheduled_with_past_auxiliary_stays_in_the_past(extract):
    assert only_date(extract, "The talks were scheduled to end on Monday.") == (
        "Monday",
        "point",
        "2024-12-16",
        "day",
        "exact",
    )


def test_later_on_the_publication_weekday_is_that_day(extract):
    sentence = "The report, due to be released later on Friday, will cover the harbour."
    assert only_date(extract, sentence) == ("Friday", "point", "2024-12-20", "day", "exact")


# -- spans: intervals, attached words, trimmed words ------------------------------------


def test_between_two_tagged_months_is_one_interval(extract):
    sentence = "Prices rose 9% between March 2021 and June 2023, the agency said."
    assert only_date(extract, sentence) == (
        "between March 2021 and June 2023",
        "interval",
        "2021-03/2023-06",
        "month",
        "exact",
    )


def test_between_two_days_shares_the_final_year(extract):
    sentence = "The outage affected users between Feb. 3 and Aug. 30, 2022, the firm said."
    assert only_date(extract, sentence) == (
        "between Feb. 3 and Aug. 30, 2022",
        "interval",
        "2022-02-03/2022-08-30",
        "day",
        "exact",
    )


def test_this_is_attached_to_a_bare_year(extract):
    assert only_date(extract, "The plan is 4% larger than this year’s budget.") == (
        "this year",
        "point",
        "2024",
        "year",
        "exact",
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Exports fell in those three weeks.", ("three weeks", "duration", "P3W", "week", "exact")),
        (
            "Output had dropped for five months in a row.",
            ("five months", "duration", "P5M", "month", "exact"),
        ),
        (
            "The company made a profit in the same period last year.",
            ("last year", "point", "2023", "year", "exact"),
        ),
        (
            "Many patients wait longer than ten weeks.",
            ("longer than ten weeks", "duration", "P10W", "week", "more_than"),
        ),
    ],
)
def test_extra_words_are_trimmed_or_read_as_qualifier(extract, sentence, expected):
    assert only_date(extract, sentence) == expected


# -- anchored and special values ---------------------------------------------------------


def test_a_year_later_counts_from_the_previous_sentence(extract):
    record = extract("The bridge opened in 2012. It was closed a year later for repairs.")
    assert [(d.text, d.kind, d.value, d.granularity) for d in record.dates] == [
        ("2012", "point", "2012", "year"),
        ("a year later", "point", "2013", "year"),
    ]


def test_anchored_date_without_anchor_has_no_value():
    result = resolve_date_text("a month earlier", PUBLISHED)
    assert result is not None
    assert (result.kind, result.value, result.granularity) == ("point", None, "month")


def test_anchored_month_shift_from_a_month_anchor():
    result = resolve_date_text("a month earlier", PUBLISHED, anchor="2024-01")
    assert result is not None and (result.value, result.granularity) == ("2023-12", "month")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The museum was built in the 19th century.",
            ("19th century", "interval", "1800/1899", "century", "exact"),
        ),
        (
            "Hundreds of people visited the fair last weekend.",
            ("last weekend", "point", "2024-W50", "week", "exact"),
        ),
        (
            "Investment has stalled since the summer.",
            ("since the summer", "interval", "2024/..", "year", "exact"),
        ),
        (
            "The mill has stood since the 1950s.",
            ("since the 1950s", "interval", "1950/..", "decade", "exact"),
        ),
        (
            "Growth should pick up in the second half of 2025.",
            ("second half of 2025", "interval", "2025-07/2025-12", "month", "exact"),
        ),
        (
            "The deal was reached more than 30 hours after the deadline.",
            ("more than 30 hours", "duration", "PT30H", None, "more_than"),
        ),
    ],
)
def test_special_values(extract, sentence, expected):
    assert only_date(extract, sentence) == expected


# -- what is no date ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The council counted 5120 ballots, between 10 and 20 per district.",
        "Rich nations pledged $200 billion a year.",
        "The company posted a loss for a third year in a row.",
        "The school teaches 12-year-olds to swim.",
        "She won in two hours, 19 minutes and 12 seconds, finishing 40 seconds ahead.",
        "The agency publishes an annual report.",
        "The coach earns $90,000 annually.",
        "Farmers sowed the winter crop early.",
        "He beat the old record by 2 minutes and 11 seconds.",
    ],
)
def test_no_date(extract, sentence):
    assert extract(sentence).dates == []


# -- round 2: conventions settled in review and general mechanisms ----------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The mill dates from the late 19th century.",
            ("late 19th century", "interval", "1850/1899", "century", "late"),
        ),
        (
            "Visitors flock to the 12th-century abbey.",
            ("12th-century", "interval", "1100/1199", "century", "exact"),
        ),
        (
            "The harvest will begin next summer.",
            ("next summer", "point", "2025", "year", "exact"),
        ),
        (
            "The board will vote later this month.",
            ("later this month", "point", "2024-12", "month", "approximate"),
        ),
        (
            "The firm plans to list its shares before the end of the year.",
            ("end of the year", "point", "2024", "year", "late"),
        ),
        (
            "The port will stay shut until at least Monday.",
            ("at least Monday", "point", "2024-12-23", "day", "more_than"),
        ),
        (
            "The average delay was 23 minutes.",
            ("23 minutes", "duration", "PT23M", None, "exact"),
        ),
        (
            "The orbit was cut from 11 hours and 55 minutes.",
            ("11 hours and 55 minutes", "duration", "PT11H55M", None, "exact"),
        ),
        (
            "The club has not won a title since the 1970s.",
            ("since the 1970s", "interval", "1970/..", "decade", "exact"),
        ),
        (
            "Inspectors visit the mines each year.",
            ("each year", "set", None, "year", "exact"),
        ),
    ],
)
def test_round_two_values(extract, sentence, expected):
    assert only_date(extract, sentence) == expected


def test_a_year_earlier_keeps_a_month_anchor(extract):
    record = extract("Rents rose 4% in October from a year earlier.", published="2024-11-20")
    assert [(d.text, d.value, d.granularity) for d in record.dates] == [
        ("October", "2024-10", "month"),
        ("a year earlier", "2023-10", "month"),
    ]


def test_untensed_month_takes_the_nearest_occurrence(extract):
    sentence = "The regulator said the plant could restart in mid-December."
    assert only_date(extract, sentence, published="2024-10-17") == (
        "mid-December",
        "point",
        "2024-12",
        "month",
        "mid",
    )


def test_infinitive_day_takes_the_nearest_occurrence(extract):
    sentence = "The operator prepared to raise fares from Dec. 15."
    assert only_date(extract, sentence, published="2024-11-14") == (
        "Dec. 15",
        "point",
        "2024-12-15",
        "day",
        "exact",
    )


def test_past_tense_month_stays_in_the_past(extract):
    sentence = "The plant restarted in mid-December."
    assert only_date(extract, sentence, published="2024-10-17")[2] == "2023-12"


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        ("a third last year", "last year", "2023"),  # the model took a fraction along
        ("as early as next week", "next week", "2024-W52"),
        ("Nov. 4 that spring", "Nov. 4", "2024-11-04"),  # ran on into the clause
        ("2023-24 season", "2023-24", "2023/2024"),
        ("2025 fiscal year", "2025 fiscal year", "2025"),
    ],
)
def test_mention_inside_a_longer_entity(text, mention, value):
    result = resolve_date_text(text, PUBLISHED)
    assert result is not None
    assert (text[result.trim_start : len(text) - result.trim_end], result.value) == (
        mention,
        value,
    )


def test_year_leading_an_event_name_is_a_date(extract):
    record = extract("Tickets for the 2026 World Cup sold out.")
    assert [(d.text, d.value, d.granularity) for d in record.dates] == [("2026", "2026", "year")]


# -- round 3: periods under discussion, season years, durations, the publication day ----


def dated(extract, text: str, published: str) -> list[tuple[str, str, str | None, str | None]]:
    record = extract(text, published=published)
    return [(d.text, d.kind, d.value, d.granularity) for d in record.dates]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a season or fiscal year written with a slash is the two years
        (
            "Grain exports will fall in the 2025/26 season.",
            ("2025/26", "interval", "2025/2026", "year", "exact"),
        ),
        # "end of X" takes X whole; the century is the current one
        (
            "The lake may be dry by the end of the century.",
            ("end of the century", "interval", "2000/2099", "century", "late"),
        ),
        (
            "The mill closed at the end of the 1980s.",
            ("end of the 1980s", "interval", "1980/1989", "decade", "late"),
        ),
        # durations: "just" is no qualifier, nor "after" what the model ran on into
        (
            "The lake lost a tenth of its water in just three years.",
            ("three years", "duration", "P3Y", "year", "exact"),
        ),
        (
            "Output hit its lowest level in nearly five decades after months of frost.",
            ("nearly five decades", "duration", "P50Y", "decade", "approximate"),
        ),
        (
            "Ortiz scored three minutes after half-time.",
            ("three minutes", "duration", "PT3M", None, "exact"),
        ),
        # "the July-September period": the noun is no part of the date
        (
            "The bank earned more in the April-June period.",
            ("April-June", "interval", "2024-04/2024-06", "month", "exact"),
        ),
    ],
)
def test_round_three_values(extract, sentence, expected):
    assert only_date(extract, sentence) == expected


def test_season_year_the_model_reads_as_a_number(extract):
    text = "Sales fell to 3 million tonnes, down from 4.2 million tonnes in 2022/23."
    assert ("2022/23", "interval", "2022/2023", "year") in dated(extract, text, "2024-12-20")


def test_month_interval_without_a_year_holding_publication_stays_in_its_year(extract):
    text = "The operator said demand would average about 9,000 MW between April and August."
    assert dated(extract, text, "2024-05-30") == [
        ("between April and August", "interval", "2024-04/2024-08", "month")
    ]


def test_month_interval_without_a_year_in_the_past_ends_before_publication(extract):
    text = "Rainfall was heavy between October and February, the agency said."
    assert dated(extract, text, "2024-12-20") == [
        ("between October and February", "interval", "2023-10/2024-02", "month")
    ]


def test_a_year_earlier_after_a_day_is_that_day_a_year_back(extract):
    text = "The council raised rents from March 1, after a 9% rise a year earlier."
    assert dated(extract, text, "2024-06-12") == [
        ("March 1", "point", "2024-03-01", "day"),
        ("a year earlier", "point", "2023-03-01", "day"),
    ]


def test_a_year_earlier_counts_from_the_quarter_under_discussion(extract):
    text = (
        "The miner earned $3 billion in the July-September period, down from $4 billion "
        "in the second quarter. Net profit rose 20% from a year earlier."
    )
    assert dated(extract, text, "2024-10-31") == [
        ("July-September", "interval", "2024-07/2024-09", "month"),
        ("second quarter", "point", "2024-Q2", "quarter"),
        ("a year earlier", "point", "2023-Q3", "quarter"),
    ]


def test_previous_quarter_counts_from_the_quarter_under_discussion(extract):
    text = "Sales rose in the third quarter of 2023. They fell 2% from the previous quarter."
    assert dated(extract, text, "2024-12-20") == [
        ("third quarter of 2023", "point", "2023-Q3", "quarter"),
        ("previous quarter", "point", "2023-Q2", "quarter"),
    ]


def test_a_year_earlier_with_nothing_dated_before_is_last_year(extract):
    assert dated(extract, "Exports rose 4% from a year earlier.", "2024-12-20") == [
        ("a year earlier", "point", "2023", "year")
    ]


def test_the_day_of_a_statement_is_no_anchor(extract):
    text = "The agency said on Tuesday that output rose 5% from a year earlier."
    assert dated(extract, text, "2024-12-20") == [
        ("Tuesday", "point", "2024-12-17", "day"),
        ("a year earlier", "point", "2023", "year"),
    ]


def test_the_quarter_just_ended_is_this_years_even_ahead(extract):
    text = "The firm said chips would make up half of sales, up from 10% in the second quarter."
    assert ("second quarter", "point", "2024-Q2", "quarter") in dated(extract, text, "2024-07-25")


def test_duration_running_into_a_second_date_gives_two_mentions(extract):
    text = "Prices rose 4% in the 12 months through October."
    assert dated(extract, text, "2024-12-20") == [
        ("12 months", "duration", "P12M", "month"),
        ("October", "point", "2024-10", "month"),
    ]


def test_duration_running_into_a_between_interval_gives_two_mentions(extract):
    text = "The glacier shrank as much as it did in the three decades between 1950 and 1980."
    assert dated(extract, text, "2024-12-20") == [
        ("three decades", "duration", "P30Y", "decade"),
        ("between 1950 and 1980", "interval", "1950/1980", "year"),
    ]


def test_two_durations_from_one_to_the_other(extract):
    text = "The union wants the working week cut from 38 hours to 34 hours."
    assert dated(extract, text, "2024-12-20") == [
        ("38 hours", "duration", "PT38H", None),
        ("34 hours", "duration", "PT34H", None),
    ]


def test_a_date_after_counted_days_is_kept(extract):
    text = "The grid failed on a record 200 days last year, the regulator said."
    assert ("last year", "point", "2023", "year") in dated(extract, text, "2024-12-20")


def test_day_followed_by_the_noun_it_modifies(extract):
    text = "The school counted 900 pupils on its Oct. 1 census day."
    assert dated(extract, text, "2025-02-20") == [("Oct. 1", "point", "2024-10-01", "day")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a past verb of expecting does not point ahead: the publication day itself
        (
            "The utility said on Thursday it expected to avoid cuts.",
            "2024-05-30",
            ("Thursday", "2024-05-30"),
        ),
        # a past verb joined to a future clause keeps its own tense
        (
            "The army will buy more tanks, the minister announced Thursday at a meeting.",
            "2025-01-09",
            ("Thursday", "2025-01-09"),
        ),
        # a schedule word without "will", on that weekday: later today
        (
            "The team was due to parade through the city on Monday.",
            "2024-07-15",
            ("Monday", "2024-07-15"),
        ),
    ],
)
def test_weekday_on_the_publication_day(extract, text, published, expected):
    assert [(d.text, d.value) for d in extract(text, published=published).dates] == [expected]


def test_question_heading_points_ahead(extract):
    text = "Talks resume\n\nWhat happens after March 3?\n\nThe talks will resume next week."
    assert ("March 3", "point", "2025-03-03", "day") in dated(extract, text, "2025-02-20")


# -- fourth round: durations, tense and detection -------------------------------------


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # "over the next decade" is a stretch of time, not a point
        (
            "The council plans to build 800 homes over the next decade.",
            "2024-12-20",
            ("next decade", "duration", "P10Y", "decade", "exact"),
        ),
        # a fortnight is two weeks, and the model leaves it untagged
        (
            "Shops could run out of flour within a fortnight.",
            "2024-12-20",
            ("a fortnight", "duration", "P2W", "week", "exact"),
        ),
        # nights are counted in days
        (
            "Some patients waited three nights on a ward trolley.",
            "2024-12-20",
            ("three nights", "duration", "P3D", "day", "exact"),
        ),
        # "the end of the decade" is the present decade, qualifier late
        (
            "The tram line should carry a million riders by the end of the decade.",
            "2024-06-24",
            ("end of the decade", "interval", "2020/2029", "decade", "late"),
        ),
    ],
)
def test_round4_durations(extract, sentence, published, expected):
    assert only_date(extract, sentence, published) == expected


def test_half_an_hour_is_thirty_minutes():
    found = resolve_date_text("under half an hour", PUBLISHED)
    assert found is not None
    assert (found.kind, found.value, found.qualifier) == ("duration", "PT30M", "less_than")


def test_fractional_hours_stay_hours():
    found = resolve_date_text("12.5 hours", PUBLISHED)
    assert found is not None and found.value == "PT12.5H"


def test_hours_with_a_thousands_separator():
    found = resolve_date_text("more than 120,000 hours", PUBLISHED)
    assert found is not None
    assert (found.value, found.qualifier) == ("PT120000H", "more_than")


def test_minutes_later_is_the_duration(extract):
    record = extract("The keeper saved a penalty and the striker scored six minutes later.")
    assert [(d.text, d.kind, d.value) for d in record.dates] == [
        ("six minutes", "duration", "PT6M")
    ]


def test_the_year_before_counts_from_the_anchor(extract):
    record = extract(
        "Exports reached 40,000 tonnes in 2021, up from 31,000 tonnes the year before."
    )
    assert [(d.text, d.value) for d in record.dates] == [("2021", "2021"), ("year before", "2020")]


def test_month_and_year_followed_by_a_comma_and_a_noun(extract):
    assert only_date(extract, "The pact was renewed in March 2019, weeks after the summit.") == (
        "March 2019",
        "point",
        "2019-03",
        "month",
        "exact",
    )


def test_between_two_months_when_only_the_last_is_tagged(extract):
    record = extract("Storms halted work at sea for 30 days between October and January, he said.")
    assert ("between October and January", "interval", "2023-10/2024-01") in [
        (d.text, d.kind, d.value) for d in record.dates
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "She won the 200 meters in 21.84 seconds on a wet track.",
        "The Belgian held off the chasing group by 14 seconds.",
    ],
)
def test_race_times_and_margins_in_seconds_are_no_dates(extract, sentence):
    assert extract(sentence).dates == []


def test_a_season_with_an_indefinite_article_is_generic(extract):
    assert extract("Even a summer with normal rain would not refill the lake.").dates == []


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # "than expected" looks back, not ahead
        (
            "Factories hired fewer workers than expected in October.",
            "2024-11-05",
            ("October", "point", "2024-10", "month", "exact"),
        ),
        # a baseline figure after "from" was observed, even under a future clause
        (
            "Analysts said the bank would cut 150 jobs, up from 90 on Tuesday.",
            "2024-11-08",
            ("Tuesday", "point", "2024-11-05", "day", "exact"),
        ),
        # the day right after "said on" dates the statement
        (
            "The carmaker said on Thursday it would close two plants.",
            "2024-11-07",
            ("Thursday", "point", "2024-11-07", "day", "exact"),
        ),
        # a period starting "from" under a present verb: the nearest occurrence
        (
            "The suspension runs from May 2, when the test came back positive.",
            "2025-06-18",
            ("May 2", "point", "2025-05-02", "day", "exact"),
        ),
        # an offer "from" a day under a past perfect verb: the nearest occurrence
        (
            "The company had offered a 3% raise from May 1.",
            "2025-04-10",
            ("May 1", "point", "2025-05-01", "day", "exact"),
        ),
        # "until" under a present perfect verb points ahead
        (
            "The government has extended the fuel subsidy until November.",
            "2024-04-23",
            ("November", "point", "2024-11", "month", "exact"),
        ),
        # "before" a month under a modal points ahead
        (
            "Nobody can promise lower prices before March.",
            "2024-10-10",
            ("March", "point", "2025-03", "month", "exact"),
        ),
    ],
)
def test_round4_tense(extract, sentence, published, expected):
    assert only_date(extract, sentence, published) == expected


def test_untensed_headline_takes_the_nearest_month(extract):
    text = "Coalition collapse paving way for early election in March\n\nThe coalition fell apart."
    record = extract(text, published="2024-12-16")
    assert [(d.text, d.value) for d in record.dates] == [("March", "2025-03")]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # quarters named by their last month, by a month range, or as an adjective
        ("Profit rose in the June quarter.", "June quarter", "2024-Q2"),
        ("Sales in the January-March quarter fell.", "January-March quarter", "2024-Q1"),
        ("Growth slowed in the December quarter of 2022.", "December quarter of 2022", "2022-Q4"),
        ("Its third-quarter profit rose 10%.", "third-quarter", "2024-Q3"),
        # a modal on the date's own verb points ahead; on another verb it does not
        ("Service could resume as early as Tuesday.", "Tuesday", "2024-10-22"),
        ("The outage after a fire in September could cost millions.", "September", "2024-09"),
        # a verb of delay points ahead whatever its tense
        ("The council postponed the vote to November.", "November", "2024-11"),
        # a finite past clause inside a future sentence keeps its own tense
        (
            "Pay will rise from January after the board approved the deal on Monday.",
            "Monday",
            "2024-10-14",
        ),
    ],
)
def test_quarters_modals_and_delays(extract, text, span, value):
    dates = [d for d in extract(text, published="2024-10-15").dates if d.text == span]
    assert [d.value for d in dates] == [value]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("She was jailed for four years and three months.", "four years and three months", "P4Y3M"),
        ("The strike lasted one month and two weeks.", "one month and two weeks", "P1M14D"),
    ],
)
def test_durations_joined_by_and_are_one_duration(extract, text, span, value):
    dates = extract(text, published="2024-05-02").dates
    assert [(d.text, d.kind, d.value) for d in dates] == [(span, "duration", value)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The plant closed in March last year.", "March last year", "2023-03"),
        ("Prices should ease by October next year.", "October next year", "2025-10"),
    ],
)
def test_a_month_of_a_named_year_keeps_the_month(extract, text, span, value):
    dates = extract(text, published="2024-05-02").dates
    assert [(d.text, d.value, d.granularity) for d in dates] == [(span, value, "month")]


# (sentence, publication date, the dates it holds as (text, value)): one rule each
SENTENCE_DATES = [
    # a rate a few nouns after its figure is no duration
    ("Users paid 180 rupees a month and booked 3,000 extra seats a week.", "2024-12-20", []),
    # a company that reports results on a weekday: an event ahead
    ("The bank, which reports results on Thursday, cut jobs.", "2024-07-22",
     [("Thursday", "2024-07-25")]),
    # a past verb the tagger calls present ("unfroze" as VBZ) does not point ahead
    ("The Commission unfroze €10.2 billion for Budapest in December, before the summit.",
     "2024-02-01", [("December", "2023-12")]),
    # a past form read as present after a singular subject does not either
    ("The central bank cut its rate in September.", "2024-10-24", [("September", "2024-09")]),
    # a year tagged as a number after a preposition of time is a date
    ("By 2021 its share had fallen to a tenth.", "2024-05-02", [("2021", "2021")]),
    # "should" on the date's own verb points ahead
    ("Most homes should be reconnected by Thursday.", "2025-01-27", [("Thursday", "2025-01-30")]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "published", "expected"), SENTENCE_DATES, ids=[c[0][:40] for c in SENTENCE_DATES]
)
def test_the_dates_a_sentence_holds(extract, text, published, expected):
    record = extract(text, published=published)
    assert [(d.text, d.value) for d in record.dates] == expected
