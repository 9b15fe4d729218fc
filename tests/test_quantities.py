"""The quantities stage: spans, values, qualifiers and units as the corpus guidelines cut them."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from num2words import num2words

from pipeline.schema import Quantity


def quantity(extract, text: str, span: str) -> Quantity:
    """The one quantity of ``text`` whose span text is ``span``."""
    found = [q for q in extract(text).quantities if q.text == span]
    assert len(found) == 1, [q.text for q in extract(text).quantities]
    return found[0]


def outcome(q: Quantity) -> tuple:
    return (q.text, q.kind, q.value, q.low, q.high, q.qualifier, q.unit)


def assert_kind_unit(extract, text, span, kind, unit, value=None) -> None:
    """The quantity ``span`` of ``text`` has this kind and unit (and value, when given)."""
    q = quantity(extract, text, span)
    assert (q.kind, q.unit) == (kind, unit)
    if value is not None:
        assert math.isclose(q.value, value)


def assert_reads(extract, text, span, kind, value, low, high, qualifier, unit) -> None:
    """The quantity ``span`` of ``text`` has this kind, value, bounds, qualifier and unit
    (values compared with a relative tolerance, as the evaluator does)."""
    q = quantity(extract, text, span)
    assert outcome(q)[:2] == (span, kind)
    for got, expected in zip(outcome(q)[2:5], (value, low, high), strict=True):
        assert (got is None and expected is None) or math.isclose(got, expected)
    assert (q.qualifier, q.unit) == (qualifier, unit)


# (sentence, span, kind, value, low, high, qualifier, unit)
CASES = [
    ("The ministry said as many as 4,500 volunteer troops had arrived.",
     "as many as 4,500", "count", None, None, 4500.0, "at_most", "troop"),
    ("The port handled up to 70 ships last season.",
     "up to 70", "count", None, None, 70.0, "at_most", "ship"),
    ("The fund could lose as much as $7.2 billion this year.",
     "as much as $7.2 billion", "money", None, None, 7.2e9, "at_most", "USD"),
    ("Tariffs cover about one-fifth of the country's exports.",
     "about one-fifth", "fraction", 0.2, None, None, "approximate", None),
    ("Roughly two-thirds of the members voted against the plan.",
     "Roughly two-thirds", "fraction", 2 / 3, None, None, "approximate", None),
    ("The report counted at least 40 sailors among the missing.",
     "at least 40", "count", None, 40.0, None, "at_least", "sailor"),
    ("More than 250 doctors signed the letter.",
     "More than 250", "count", None, 250.0, None, "more_than", "doctor"),
    ("Fewer than 90 seats went to the coalition.",
     "Fewer than 90", "count", None, None, 90.0, "less_than", "seat"),
    ("Several hundred miners joined the strike on the coast.",
     "Several hundred", "count", None, None, None, "vague", "miner"),
    ("Thousands of farmers blocked the roads into the capital.",
     "Thousands", "count", None, None, None, "vague", "farmer"),
    ("The navy sent an estimated 6,000 naval personnel to the strait.",
     "an estimated 6,000", "count", 6000.0, None, None, "approximate", "personnel"),
    ("Rebels took three towns near the border.",
     "three", "count", 3.0, None, None, "exact", "town"),
    ("The city hired 1.4 million seasonal workers.",
     "1.4 million", "count", 1.4e6, None, None, "exact", "worker"),
    ("The club paid £12m for the striker.",
     "£12m", "money", 12e6, None, None, "exact", "GBP"),
    ("The bank lent 3 million euros to the farmers.",
     "3 million euros", "money", 3e6, None, None, "exact", "EUR"),
    ("Each ticket cost 500 rubles at the gate.",
     "500 rubles", "money", 500.0, None, None, "exact", "RUB"),
    ("Inflation reached 3.5% in the quarter.",
     "3.5%", "percent", 3.5, None, None, "exact", "percent"),
    ("Turnout fell 12 percent compared with the previous vote.",
     "12 percent", "percent", 12.0, None, None, "exact", "percent"),
    ("The central bank cut its rate by half a percentage point.",
     "half a percentage point", "percent", 0.5, None, None, "exact", "percentage_point"),
    ("Analysts expect growth of 18% to 19% next quarter.",
     "18% to 19%", "percent", None, 18.0, 19.0, "range", "percent"),
    ("The budget gap is between $20 million and $25 million.",
     "between $20 million and $25 million", "money", None, 20e6, 25e6, "range", "USD"),
    ("Police detained 20-25 protesters outside the court.",
     "20-25", "count", None, 20.0, 25.0, "range", "protester"),
    ("The convoy travelled 45 kilometers before stopping.",
     "45 kilometers", "measure", 45.0, None, None, "exact", "km"),
    ("The field pumps 3.2 million barrels a day of crude.",
     "3.2 million barrels a day", "measure", 3.2e6, None, None, "exact", "barrel/day"),
    ("The thermometer showed 38 degrees Celsius at noon.",
     "38 degrees Celsius", "measure", 38.0, None, None, "exact", "°C"),
    ("The fishermen landed a dozen boats at dawn.",
     "a dozen", "count", 12.0, None, None, "exact", "boat"),
    ("Exports fell by 300,000 barrels a day or more.",
     "300,000 barrels a day or more", "measure", None, 300000.0, None, "at_least", "barrel/day"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "low", "high", "qualifier", "unit"),
    CASES,
    ids=[case[1] for case in CASES],
)
def test_pattern(extract, text, span, kind, value, low, high, qualifier, unit):
    assert_reads(extract, text, span, kind, value, low, high, qualifier, unit)


def test_qualifier_outside_the_entity_is_taken_into_the_span(extract):
    q = quantity(extract, "The agency listed over 120 missiles in the report.", "over 120")
    assert outcome(q) == ("over 120", "count", None, 120.0, None, "more_than", "missile")


def test_partitive_pronoun_counts_what_was_counted_before(extract):
    text = "The army has 900,000 soldiers, with 600,000 of them in the north."
    q = quantity(extract, text, "600,000")
    assert outcome(q) == ("600,000", "count", 600000.0, None, None, "exact", "soldier")


def test_year_in_a_date_context_is_not_a_quantity(extract):
    record = extract("The review was published in its 2023 edition.")
    assert [q.text for q in record.quantities] == []


def test_age_is_not_a_quantity(extract):
    record = extract("The 52-year-old pilot landed safely.")
    assert [q.text for q in record.quantities] == []


def test_quantities_inside_boilerplate_are_skipped(extract):
    text = "ADVERTISEMENT\n\nRead more: 10 things to know\n\nThe council approved 14 new schools."
    assert [q.text for q in extract(text).quantities] == ["14"]


def test_quantities_come_sorted_by_start(extract):
    text = "Officials counted 40 tanks, 12 jets and about 300 trucks."
    starts = [q.start for q in extract(text).quantities]
    assert starts == sorted(starts) and len(starts) == 3


# --------------------------------------------------------------------------- properties

_not_a_year = st.integers(min_value=0, max_value=10**9).filter(lambda n: not 1000 <= n <= 2999)


@st.composite
def digit_numbers(draw) -> tuple[str, float]:
    """A number in digits as newspapers write it, and its value."""
    whole = draw(_not_a_year)
    text = f"{whole:,}" if draw(st.booleans()) else str(whole)
    value = float(whole)
    if draw(st.booleans()):
        decimals = draw(st.integers(min_value=1, max_value=99))
        text, value = f"{text}.{decimals:02d}", float(f"{whole}.{decimals:02d}")
    scale = draw(
        st.sampled_from([("", 1.0), (" million", 1e6), (" billion", 1e9), (" thousand", 1e3)])
    )
    return text + scale[0], value * scale[1]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(number=digit_numbers())
def test_digits_round_trip_to_their_value(extract, number):
    text, value = number
    record = extract(f"The agency counted {text} ballots on Monday.")
    found = [q for q in record.quantities if q.text == text]
    assert len(found) == 1, [q.text for q in record.quantities]
    assert math.isclose(found[0].value, value, rel_tol=1e-9)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(
        alphabet=st.sampled_from(list("0123456789,.$%£€- abcmkt\nAs many Half-third")), max_size=80
    )
)
def test_offsets_hold_on_arbitrary_text(extract, text):
    if not text.strip():
        return
    record = extract(text)  # validates text[start:end] == span text
    previous_end = 0
    for q in record.quantities:
        assert q.text == q.text.strip() and q.start < q.end
        assert q.start >= previous_end
        previous_end = q.end


# --------------------------------------------------------------------------- units and shapes

# (sentence, span, kind, value, low, high, qualifier, unit)
MORE_CASES = [
    ("The lake warmed by 0.8C over the summer.",
     "0.8C", "measure", 0.8, None, None, "exact", "°C"),
    ("The bank trimmed its rate by a quarter of a percentage point on Tuesday.",
     "a quarter of a percentage point", "percent", 0.25, None, None, "exact", "percentage_point"),
    ("Sales could drop by a fifth as demand cools.",
     "a fifth", "fraction", 0.2, None, None, "exact", None),
    ("One in 12 voters skipped the ballot.",
     "One in 12", "fraction", 1 / 12, None, None, "exact", None),
    ("Tenants now pay several hundred pounds a month more.",
     "several hundred pounds a month", "money", None, None, None, "vague", "GBP/month"),
    ("Crews closed a 200-metre section of the road.",
     "200-metre", "measure", 200.0, None, None, "exact", "m"),
    ("The cyclist won the stage by 14 seconds.",
     "14 seconds", "measure", 14.0, None, None, "exact", "s"),
    ("She cut the old mark by 3 minutes and 5 seconds.",
     "3 minutes and 5 seconds", "measure", 185.0, None, None, "exact", "s"),
    ("The agency shipped 3 million doses to the region.",
     "3 million", "count", 3e6, None, None, "exact", "dose"),
    ("The city added four bus routes in the spring.",
     "four", "count", 4.0, None, None, "exact", "route"),
    ("More than 300 price comparison services filed complaints.",
     "More than 300", "count", None, 300.0, None, "more_than", "service"),
    ("The 12-member panel met behind closed doors.",
     "12", "count", 12.0, None, None, "exact", "member"),
    ("Regulators found 2,400 suspected cases in the port.",
     "2,400", "count", 2400.0, None, None, "exact", "case"),
    ("Personal data on 9 million account holders leaked online.",
     "9 million", "count", 9e6, None, None, "exact", "account holder"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "low", "high", "qualifier", "unit"),
    MORE_CASES,
    ids=[case[1] for case in MORE_CASES],
)
def test_unit_and_shape(extract, text, span, kind, value, low, high, qualifier, unit):
    assert_reads(extract, text, span, kind, value, low, high, qualifier, unit)


# --------------------------------------------------------------------------- elided nouns


def test_elided_number_counts_the_noun_said_before(extract):
    text = "The party won 88 seats, short of the 120 it needed to rule alone."
    q = quantity(extract, text, "120")
    assert outcome(q) == ("120", "count", 120.0, None, None, "exact", "seat")


def test_number_before_a_verb_is_not_counting_the_object(extract):
    text = "Of the 500 delegates who voted, 320 backed Lindqvist and 180 abstained."
    found = {q.text: q.unit for q in extract(text).quantities}
    assert found == {"500": "delegate", "320": "delegate", "180": "delegate"}


def test_number_of_names_what_an_elided_number_counts(extract):
    text = "The number of licensed clinics in the region fell to about 40 last year."
    q = quantity(extract, text, "about 40")
    assert outcome(q) == ("about 40", "count", 40.0, None, None, "approximate", "clinic")


def test_elided_number_after_a_measure_takes_its_unit(extract):
    text = "The river carried 310 tonnes of silt last year, up from roughly 190 a decade ago."
    q = quantity(extract, text, "roughly 190")
    assert outcome(q) == ("roughly 190", "measure", 190.0, None, None, "approximate", "t")


# --------------------------------------------------------------------------- not quantities


@pytest.mark.parametrize(
    "text",
    [
        "One senior official said the talks had stalled.",
        "The mayor called it one of the worst storms on record.",
        "The files sat on a third-party server.",
        "The plan was first floated by the mayor, who was in the first place against it.",
        "The two-time winner left on a three-and-a-half-year trip.",
        "The council voted 5-2 to approve the plan.",
        "Tomas Berg, 31, crossed the line alone.",
        "Coach Pieter ten Boer resigned on Sunday.",
    ],
)
def test_not_a_quantity(extract, text):
    assert [q.text for q in extract(text).quantities] == []


def test_scale_words_without_a_number_do_not_break_the_stage(extract):
    record = extract("Estimates ran from a million thousand to billion million units.")
    assert all(q.value is None or q.value > 0 for q in record.quantities)


# ------------------------------------------------------------------ rates, frequencies, signs

# (sentence, span, kind, value, low, high, qualifier, unit)
ROUND2_CASES = [
    ("The landlord charges £950 a month for the flat.",
     "£950 a month", "money", 950.0, None, None, "exact", "GBP/month"),
    ("The levy will raise about 45 million euros a year for the city.",
     "about 45 million euros a year", "money", 45e6, None, None, "approximate", "EUR/year"),
    ("The probe travelled at 11 km per second before the burn.",
     "11 km per second", "measure", 11.0, None, None, "exact", "km/s"),
    ("Yields fell 15 basis points on Thursday.",
     "15 basis points", "percent", 0.15, None, None, "exact", "percentage_point"),
    ("The regulator has fined the firm four times since 2020.",
     "four times", "count", 4.0, None, None, "exact", "time"),
    ("The crew rehearsed the landing dozens of times.",
     "dozens", "count", None, None, None, "vague", "time"),
    ("The minister has visited the region twice this year.",
     "twice", "count", 2.0, None, None, "exact", None),
    ("Night temperatures drop to minus 40 degrees Celsius in the valley.",
     "minus 40 degrees Celsius", "measure", -40.0, None, None, "exact", "°C"),
    ("A magnitude 5.9 earthquake shook the coast on Sunday.",
     "magnitude 5.9", "measure", 5.9, None, None, "exact", "magnitude"),
    ("Costs stayed within 3% of the budget.",
     "within 3%", "percent", None, None, 3.0, "at_most", "percent"),
    ("Councillors voted 40 to 12 in favour of the plan.",
     "40 to 12", "count", None, None, None, "exact", None),
    ("The runner finished 12 seconds behind the leader.",
     "12 seconds", "measure", 12.0, None, None, "exact", "s"),
    ("Shares rose by a fifth last year.",
     "a fifth", "fraction", 0.2, None, None, "exact", None),
    ("The tests were up about a quarter from 2023.",
     "about a quarter", "fraction", 0.25, None, None, "approximate", None),
    ("The agency will fly two CubeSats past the moon.",
     "two", "count", 2.0, None, None, "exact", "CubeSat"),
    ("Families in Morocco will receive 2,500 dirhams a month, the Moroccan government said.",
     "2,500 dirhams a month", "money", 2500.0, None, None, "exact", "MAD/month"),
    ("Members pay up to $40,000 annually for the club's services.",
     "up to $40,000 annually", "money", None, None, 40000.0, "at_most", "USD/year"),
    ("Governments spend $1.8 trillion every year on fuel subsidies.",
     "$1.8 trillion every year", "money", 1.8e12, None, None, "exact", "USD/year"),
    ("The lander must touch down within roughly 2 kilometres of the rim.",
     "within roughly 2 kilometres", "measure", None, None, 2.0, "at_most", "km"),
    ("Organisers expect up to about 300 volunteers at the camp.",
     "up to about 300", "count", None, None, 300.0, "at_most", "volunteer"),
    ("The pension fund returned a little over 7% last year.",
     "a little over 7%", "percent", None, 7.0, None, "more_than", "percent"),
    ("A maximum of 40 pupils will be admitted each term.",
     "A maximum of 40", "count", None, None, 40.0, "at_most", "pupil"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "low", "high", "qualifier", "unit"),
    ROUND2_CASES,
    ids=[case[1] for case in ROUND2_CASES],
)
def test_rates_frequencies_and_signs(extract, text, span, kind, value, low, high, qualifier, unit):
    assert_reads(extract, text, span, kind, value, low, high, qualifier, unit)


def test_a_period_before_a_date_word_is_not_a_rate(extract):
    q = quantity(extract, "Rent rose to £900, up from £800 a year ago.", "£800")
    assert outcome(q) == ("£800", "money", 800.0, None, None, "exact", "GBP")


def test_a_descending_pair_of_percentages_is_two_figures(extract):
    record = extract("Members backed the deal by 71% to 29% in the ballot.")
    assert [(q.text, q.value, q.qualifier) for q in record.quantities] == [
        ("71%", 71.0, "exact"),
        ("29%", 29.0, "exact"),
    ]


def test_a_currency_shared_by_countries_defaults_without_a_place(extract):
    q = quantity(extract, "The hotel charges 900 dirhams for a room.", "900 dirhams")
    assert outcome(q) == ("900 dirhams", "money", 900.0, None, None, "exact", "AED")


@pytest.mark.parametrize(
    "text",
    [
        "Exports are now three times as large as they were.",
        "The new reactor is twice the size of the old one.",
        "The ferry was delayed by more than 40 minutes on Monday.",
        "The debate lasted a little over three hours.",
        "The dispute has lasted a quarter of a century.",
        "The airline flies a Boeing 757 to Lisbon.",
        "The satellite rode on a Falcon 9 rocket.",
    ],
)
def test_multiples_durations_and_model_numbers_are_not_quantities(extract, text):
    assert [q.text for q in extract(text).quantities] == []


def test_a_bare_numeral_tagged_as_a_name_is_still_counted(extract):
    q = quantity(extract, "The agency counted 757 ballots on Monday.", "757")
    assert outcome(q) == ("757", "count", 757.0, None, None, "exact", "ballot")


# --------------------------------------------------------------------------- what a count counts

# (sentence, span, unit): news shapes in which the counted noun is not simply the next word.
COUNTED = [
    ("The city will buy 300 new electric buses next year.", "300", "bus"),
    ("Officials said 800 soldiers and laborers were sent to the site.", "800", "soldier"),
    ("Only 40 of its 120 branches will stay open after the merger.", "40", "branch"),
    ("Only 40 of its 120 branches will stay open after the merger.", "120", "branch"),
    ("The storm destroyed 2,400 homes, and 600 of them were in the valley.", "600", "home"),
    ("Inspectors visited 350 farms, 90 of which failed the test.", "90", "farm"),
    ("The hospital treated 64 patients, 12 of whom were in critical condition.", "12", "patient"),
    ("Of the 300 applicants, 45 were accepted by the school.", "45", "applicant"),
    ("Two of the five judges dissented from the ruling.", "Two", "judge"),
    ("The firm employs 3,400 persons across the region.", "3,400", "person"),
    ("A 12-member panel will review the bids next month.", "12", "member"),
    ("The union, which represents 18,000 teachers, called the strike.", "18,000", "teacher"),
    ("The orchestra (95 musicians in all) will tour Asia.", "95", "musician"),
    ("A crowd of about 10,000 protesters gathered in the square.", "about 10,000", "protester"),
    ("Another 200 workers will be laid off in January.", "200", "worker"),
    ("The chain has 150 stores in Germany and another 40 in Austria.", "40", "store"),
    ("The team signed five players in the summer and sold three.", "three", "player"),
    ("Employers added 227,000 jobs in November, after 36,000 in October.", "36,000", "job"),
    ("Some 7.1 million people were unemployed, up from 6.8 million.", "6.8 million", "person"),
    ("Teachers at 47 of the state's 180 schools went on strike.", "47", "school"),
    ("The retailer plans to open 25 more stores in the spring.", "25", "store"),
    ("The number of registered voters rose to 4.2 million.", "4.2 million", "voter"),
    ("Each of the 27 member states must approve the deal.", "27", "member state"),
    ("The charity supports 5,000 refugee children in camps.", "5,000", "child"),
    ("Farmers lost 12,000 sheep in the snow.", "12,000", "sheep"),
    ("Attendance reached 45,000 on the final day.", "45,000", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "unit"), COUNTED, ids=[c[0][:40] for c in COUNTED])
def test_the_counted_noun(extract, text, span, unit):
    q = quantity(extract, text, span)
    assert (q.text, q.kind, q.unit) == (span, "count", unit)


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("At least 15 Palestinians were wounded in the raid.", "At least 15", "Palestinian"),
        ("The list includes 19 Democrats and four Republicans.", "four", "Republican"),
        ("The carmaker will recall 40,000 SUVs over a brake fault.", "40,000", "SUV"),
        ("Police Detain 300 Protesters Outside Parliament", "300", "protester"),
    ],
)
def test_group_and_acronym_names_keep_their_case_but_headline_capitals_do_not(
    extract, text, span, unit
):
    assert quantity(extract, text, span).unit == unit


def test_a_singular_noun_coordinated_with_a_plural_one_is_a_modifier(extract):
    text = "The ministry approved 85 wind and solar projects this year."
    assert quantity(extract, text, "85").unit == "project"


def test_a_collective_noun_coordinated_with_a_plural_one_is_still_counted(extract):
    text = "The charity has 500 staff and volunteers in the city."
    assert quantity(extract, text, "500").unit == "staff"


def test_a_figure_tagged_inside_the_date_after_it_is_still_a_count(extract):
    text = "The company cut 1,200 jobs in March, up from 900 a year earlier."
    q = quantity(extract, text, "900")
    assert outcome(q) == ("900", "count", 900.0, None, None, "exact", "job")


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("Deaths rose to 410 from 380, the ministry said.", "410", "death"),
        ("Arrests climbed to 1,200 over the weekend.", "1,200", "arrest"),
        ("Payrolls rose by 114,000 last month.", "114,000", None),
        ("Sales reached 1.3 million in 2023.", "1.3 million", None),
    ],
)
def test_a_level_verb_gives_its_plural_subject_as_what_is_counted(extract, text, span, unit):
    q = quantity(extract, text, span)
    assert (q.kind, q.unit) == ("count", unit)


def test_an_elided_figure_does_not_count_the_places_before_it(extract):
    text = "The virus infected 5,000 people in 40 countries and killed 120."
    assert quantity(extract, text, "120").unit == "person"


# (headline written for this test, span, unit)
HEADLINE_FIGURES = [
    ("Carmaker to Cut 4,000 Jobs as Sales Slump", "4,000", "job"),
    ("Regulator Fines Bank 2.5 Billion Euros Over Reporting Failures", "2.5 Billion Euros", "EUR"),
    ("Police Arrest 45 After Clashes Outside Stadium", "45", None),
]


@pytest.mark.parametrize(
    ("text", "span", "unit"), HEADLINE_FIGURES, ids=[h[1] for h in HEADLINE_FIGURES]
)
def test_figures_in_title_case_headlines_are_read(extract, text, span, unit):
    assert quantity(extract, text, span).unit == unit


# Sentences written for these tests: (sentence, span, kind, value, low, high, qualifier, unit)
ROUND3_CASES = [
    ("Shares in the chipmaker rose to 71,200 won in Seoul.",
     "71,200 won", "money", 71200.0, None, None, "exact", "KRW"),
    ("The broker cut its target price to 85p from 120p.",
     "85p", "money", 0.85, None, None, "exact", "GBP"),
    ("The ministry will spend 12 billion Congolese francs on clinics.",
     "12 billion Congolese francs", "money", 12e9, None, None, "exact", "CDF"),
    ("The council raised the bus fare from $2.10 to $2.60 last month.",
     "$2.60", "money", 2.6, None, None, "exact", "USD"),
    ("Estimates range from 1,200 to 1,500 wolves across the region.",
     "1,200 to 1,500", "count", None, 1200.0, 1500.0, "range", "wolf"),
    ("The flood destroyed 80 barns and damaged 45 others.",
     "45", "count", 45.0, None, None, "exact", "barn"),
    ("Storm leaves 12 dead and 3,000 stranded",
     "3,000", "count", 3000.0, None, None, "exact", "person"),
    ("The army says it needs at least four more Leopard tanks.",
     "at least four", "count", None, 4.0, None, "at_least", "tank"),
    ("Only two of 30 analysts polled expected the cut.",
     "two", "count", 2.0, None, None, "exact", "analyst"),
    ("The grid imposed blackouts on a record 200 days last year.",
     "200", "count", 200.0, None, None, "exact", "day"),
    ("Barley yields averaged 6.1 tonnes a hectare this season.",
     "6.1 tonnes a hectare", "measure", 6.1, None, None, "exact", "t/ha"),
    ("The terminal can handle up to 9 million TEUs a year.",
     "up to 9 million TEUs a year", "measure", None, None, 9e6, "at_most", "TEU/year"),
    ("The detour adds about 2,000 nautical miles to each voyage.",
     "about 2,000 nautical miles", "measure", 2000.0, None, None, "approximate", "nmi"),
    ("The warehouse covers 250,000 sq ft on the edge of town.",
     "250,000 sq ft", "measure", 250000.0, None, None, "exact", "ft²"),
    ("The forecast is for 30 to 60mm of rain overnight.",
     "30 to 60mm", "measure", None, 30.0, 60.0, "range", "mm"),
    ("Temperatures in the valley reached 104 degrees on Sunday.",
     "104 degrees", "measure", 104.0, None, None, "exact", "°F"),
    ("Night temperatures fell to 4 degrees in the hills.",
     "4 degrees", "measure", 4.0, None, None, "exact", "°C"),
    ("The ship turned 45 degrees to port.",
     "45 degrees", "measure", 45.0, None, None, "exact", "°"),
    ("The party's vote share fell by 9 points.",
     "9 points", "percent", 9.0, None, None, "exact", "percentage_point"),
    ("The province has the most hospitals, with 212.",
     "212", "count", 212.0, None, None, "exact", "hospital"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "low", "high", "qualifier", "unit"),
    ROUND3_CASES,
    ids=[case[1] for case in ROUND3_CASES],
)
def test_currencies_rates_temperatures_and_counted_nouns(
    extract, text, span, kind, value, low, high, qualifier, unit
):
    assert_reads(extract, text, span, kind, value, low, high, qualifier, unit)


def test_won_as_a_verb_is_not_money(extract):
    record = extract("In South Korea, the ruling party won 108 seats.")
    assert [(q.text, q.unit) for q in record.quantities] == [("108", "seat")]


def test_index_points_stay_points(extract):
    assert quantity(extract, "The index fell 2.3 points on Monday.", "2.3").unit == "point"


def test_days_counted_as_occasions_are_not_a_date(extract):
    record = extract("Power cuts could come on as many as 15 days this winter.")
    assert [q.text for q in record.quantities] == ["as many as 15"]
    assert "as many as 15 days" not in [d.text for d in record.dates]


# Number words and fractions, in sentences written for these tests.
WORD_CASES = [
    ("The debt passed one trillion dollars in June.",
     "one trillion dollars", "money", 1e12, None, None, "exact", "USD"),
    ("The bank lent one billion two hundred million euros.",
     "one billion two hundred million euros", "money", 1.2e9, None, None, "exact", "EUR"),
    ("The scheme will create a quarter million jobs.",
     "a quarter million", "count", 250000.0, None, None, "exact", "job"),
    ("Half a dozen ministers resigned.",
     "Half a dozen", "count", 6.0, None, None, "exact", "minister"),
    ("Prices rose by two and a half percent.",
     "two and a half percent", "percent", 2.5, None, None, "exact", "percent"),
    ("The tanker carried one and a half million barrels of crude.",
     "one and a half million barrels", "measure", 1.5e6, None, None, "exact", "barrel"),
    ("One eighth of the budget goes to defence.",
     "One eighth", "fraction", 0.125, None, None, "exact", None),
    ("Between 10 and 20 dollars a week goes on fuel.",
     "Between 10 and 20 dollars a week", "money", None, 10.0, 20.0, "range", "USD/week"),
    ("Seats cost $40-$60 each.",
     "$40-$60", "money", None, 40.0, 60.0, "range", "USD"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "low", "high", "qualifier", "unit"),
    WORD_CASES,
    ids=[case[1] for case in WORD_CASES],
)
def test_number_words_fractions_and_ranges(
    extract, text, span, kind, value, low, high, qualifier, unit
):
    assert_reads(extract, text, span, kind, value, low, high, qualifier, unit)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.integers(min_value=2, max_value=999_999_999_999))
def test_numbers_written_in_words_read_back(extract, number):
    words = num2words(number).replace(",", "")  # "one million, two hundred and three"
    text = f"The agency counted {words} ballots."
    found = [q for q in extract(text).quantities if q.text == words]
    assert len(found) == 1 and found[0].value == number, [q.text for q in extract(text).quantities]


# Currencies, rates and counted nouns from the second batch of new writers; sentences written
# for these tests. (sentence, span, kind, value, low, high, qualifier, unit)
ROUND4_CASES = [
    ("Ericsson said the charge would reach 2.1 billion Swedish crowns.",
     "2.1 billion Swedish crowns", "money", 2.1e9, None, None, "exact", "SEK"),
    ("The court in Lima ordered him to repay 4 million soles.",
     "4 million soles", "money", 4e6, None, None, "exact", "PEN"),
    ("Dhaka set aside 500 million taka for flood relief.",
     "500 million taka", "money", 5e8, None, None, "exact", "BDT"),
    ("In Senegal a fisherman earns about 3,000 francs a day.",
     "about 3,000 francs a day", "money", 3000.0, None, None, "approximate", "XOF/day"),
    ("Tickets cost between 200,000 and 1 million CFA francs.",
     "between 200,000 and 1 million CFA francs", "money", None, 2e5, 1e6, "range", "XOF"),
    ("Households in Spain pay 21.4 euro cents per kilowatt-hour, down from 30 cents.",
     "30 cents", "money", 0.30, None, None, "exact", "EUR"),
    ("The reservoirs hold about 900 terawatt-hours of gas.",
     "about 900 terawatt-hours", "measure", 900.0, None, None, "approximate", "TWh"),
    ("Governments have borrowed trillions of dollars since the crisis.",
     "trillions of dollars", "money", None, None, None, "vague", "USD"),
    ("Jobless claims jumped by 31,000 to 1.9 million last week.",
     "31,000", "count", 31000.0, None, None, "exact", None),
    ("Crews worked through the night at minus 15 degrees.",
     "minus 15 degrees", "measure", -15.0, None, None, "exact", "°C"),
    ("The city recorded 610 murders, or 32 per 100,000 residents.",
     "32", "count", 32.0, None, None, "exact", "murder"),
    ("Sales rose to 4.1 billion euros, just above the 4.05 billion estimate.",
     "4.05 billion", "money", 4.05e9, None, None, "exact", "EUR"),
    ("Nine of the 14 co-defendants were acquitted.",
     "14", "count", 14.0, None, None, "exact", "co-defendant"),
    ("The buyer offered HK$12.40 a share for the company.",
     "HK$12.40", "money", 12.4, None, None, "exact", "HKD"),
    ("The central bank kept its rate in a 4.25%-4.50% range.",
     "4.25%-4.50%", "percent", None, 4.25, 4.5, "range", "percent"),
    ("The treaty limits each side to 800 deployed strategic launchers.",
     "800", "count", 800.0, None, None, "exact", "launcher"),
    ("The storm left about 2 million rural and suburban households without power.",
     "about 2 million", "count", 2e6, None, None, "approximate", "household"),
    ("Cholera deaths pass 500 in Yemen",
     "500", "count", 500.0, None, None, "exact", "death"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "low", "high", "qualifier", "unit"),
    ROUND4_CASES,
    ids=[case[1] for case in ROUND4_CASES],
)
def test_second_batch_patterns(extract, text, span, kind, value, low, high, qualifier, unit):
    assert_reads(extract, text, span, kind, value, low, high, qualifier, unit)


def test_a_season_written_with_a_slash_is_not_a_fraction(extract):
    assert [q.text for q in extract("Exports in the 2023/24 season fell.").quantities] == []


def test_a_change_by_a_figure_to_a_level_is_two_figures(extract):
    record = extract("Jobless claims jumped by 31,000 to 1.9 million last week.")
    assert [q.text for q in record.quantities] == ["31,000", "1.9 million"]


# Third batch of new writers: sentences written for these tests.
ROUND5_CASES = [
    ("In Britain the basic pension rises to 230.25 pounds a week.",
     "230.25 pounds a week", "money", 230.25, None, None, "exact", "GBP/week"),
    ("The rover weighs about 1,000 kilograms (2,200 pounds).",
     "2,200 pounds", "measure", 2200.0, None, None, "exact", "lb"),
    ("She won the final in 21.34 seconds.",
     "21.34 seconds", "measure", 21.34, None, None, "exact", "s"),
    ("The leader held off the pack by 12 seconds.",
     "12 seconds", "measure", 12.0, None, None, "exact", "s"),
    ("The crust may be 20 to 30 miles thick.",
     "20 to 30 miles", "measure", None, 20.0, 30.0, "range", "mi"),
    ("Fares may come down by 20 to 30 rupees.",
     "20 to 30 rupees", "money", None, 20.0, 30.0, "range", "INR"),
    ("The herd has grown to about 3 million head.",
     "about 3 million", "count", 3e6, None, None, "approximate", "head"),
    ("The harvest may reach 40 million quintals.",
     "40 million quintals", "measure", 4e7, None, None, "exact", "q"),
    ("Nitrous oxide reached 337 parts per billion.",
     "337 parts per billion", "measure", 337.0, None, None, "exact", "ppb"),
    ("A slice of cake has about 350 calories.",
     "about 350 calories", "measure", 350.0, None, None, "approximate", "kcal"),
    ("It was 30 degrees Celsius (86 Fahrenheit) at noon.",
     "86 Fahrenheit", "measure", 86.0, None, None, "exact", "°F"),
    ("The 200,000-barrel-a-day plant restarted.",
     "200,000-barrel-a-day", "measure", 2e5, None, None, "exact", "barrel/day"),
    ("The ministry said EUR25 million would go to clinics.",
     "EUR25 million", "money", 2.5e7, None, None, "exact", "EUR"),
    ("Adults should walk at least 7,000 steps a day.",
     "at least 7,000", "count", None, 7000.0, None, "at_least", "step/day"),
    ("About 30 migrants a week reach the island.",
     "About 30", "count", 30.0, None, None, "approximate", "migrant/week"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "low", "high", "qualifier", "unit"),
    ROUND5_CASES,
    ids=[case[1] for case in ROUND5_CASES],
)
def test_third_batch_patterns(extract, text, span, kind, value, low, high, qualifier, unit):
    assert_reads(extract, text, span, kind, value, low, high, qualifier, unit)


def test_a_conference_name_is_not_a_sum_in_a_currency_code(extract):
    assert [q.text for q in extract("Leaders met at COP28 in Dubai.").quantities] == []


def test_a_figure_said_after_a_rate_counts_the_thing_not_the_rate(extract):
    record = extract("About 20 deaths a day were recorded. Of those, 300 were children.")
    assert [(q.text, q.unit) for q in record.quantities] == [
        ("About 20", "death/day"),
        ("300", "death"),
    ]


def test_a_number_before_a_verb_does_not_count_its_object(extract):
    record = extract("Of those families, 2,310 included children.")
    assert quantity(extract, "Of those families, 2,310 included children.", "2,310").unit != "child"
    assert [q.text for q in record.quantities] == ["2,310"]


def test_a_fronted_partitive_names_what_the_figures_count(extract):
    record = extract("Of those families, 2,310 included children. About 900 were housed in hotels.")
    assert [(q.text, q.unit) for q in record.quantities] == [
        ("2,310", "family"),
        ("About 900", "family"),
    ]


def test_times_to_the_hundredth_after_a_time_are_seconds(extract):
    record = extract("She won in 10.85 seconds, ahead of Jones in 10.91 and Ruiz in 10.97.")
    assert [(q.text, q.unit) for q in record.quantities] == [
        ("10.85 seconds", "s"),
        ("10.91", "s"),
        ("10.97", "s"),
    ]


def test_a_hyphenated_count_before_a_noun_counts_the_hyphened_word(extract):
    assert (
        quantity(extract, "The drug cut risk in a 9,000-patient trial.", "9,000").unit == "patient"
    )
    assert quantity(extract, "The city keeps its 4,000-strong fleet.", "4,000").unit != "strong"


# Fourth batch of new writers: sentences written for these tests.
ROUND6_CASES = [
    ("Cleaners in the city earn $18.50 an hour.",
     "$18.50 an hour", "money", 18.5, None, None, "exact", "USD/h"),
    ("Winds of 40 miles an hour brought down trees.",
     "40 miles an hour", "measure", 40.0, None, None, "exact", "mph"),
    ("The rate fell to 1.5 children per woman.",
     "1.5", "count", 1.5, None, None, "exact", "child/woman"),
    ("The carrier will retire 12 ageing A319s next year.",
     "12", "count", 12.0, None, None, "exact", "A319"),
    ("The airline ordered 30 narrowbodies from Airbus.",
     "30", "count", 30.0, None, None, "exact", "narrowbody"),
    ("The number of visitors fell to about 81,000 last year.",
     "about 81,000", "count", 81000.0, None, None, "approximate", "visitor"),
    ("The coalition holds 140 of the 300 seats, 11 short of a majority.",
     "11", "count", 11.0, None, None, "exact", "seat"),
    ("The hackers stole nearly 400 gigabytes of files.",
     "nearly 400 gigabytes", "measure", 400.0, None, None, "approximate", "GB"),
    ("About 30 crashes every hour are recorded on the roads.",
     "About 30", "count", 30.0, None, None, "approximate", "crash/h"),
    ("A 50 basis-point cut is expected.",
     "50 basis-point", "percent", 0.5, None, None, "exact", "percentage_point"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "low", "high", "qualifier", "unit"),
    ROUND6_CASES,
    ids=[case[1] for case in ROUND6_CASES],
)
def test_fourth_batch_patterns(extract, text, span, kind, value, low, high, qualifier, unit):
    assert_reads(extract, text, span, kind, value, low, high, qualifier, unit)


def test_a_model_designation_after_a_name_is_not_a_range(extract):
    assert [
        q.text for q in extract("The carrier flies a Dash 8-100 on the route.").quantities
    ] == []


def test_between_with_a_hyphen_is_one_range(extract):
    q = quantity(extract, "Between 30-40 volunteers turned up.", "Between 30-40")
    assert (q.qualifier, q.low, q.high, q.unit) == ("range", 30.0, 40.0, "volunteer")


def test_a_fact_box_label_names_what_its_figure_counts(extract):
    text = "The plan in numbers:\n\nNew bus shelters: 140\nStaff hired for the launch: about 60\n"
    record = extract(text)
    assert [(q.text, q.unit) for q in record.quantities] == [
        ("140", "shelter"),
        ("about 60", "staff"),
    ]


def test_rows_of_a_results_table_count_what_the_header_names(extract):
    text = (
        "Results by party (seats won, previous seats in brackets):\n\n"
        "Labour 12 (9)\nGreens 4 (6)\nOthers 2\n\nThe count ended at dawn."
    )
    record = extract(text)
    assert [(q.text, q.unit) for q in record.quantities] == [
        ("12", "seat"),
        ("9", "seat"),
        ("4", "seat"),
        ("6", "seat"),
        ("2", "seat"),
    ]


def test_a_rate_after_the_next_conjunct_counts_for_both(extract):
    record = extract("Officials logged about 40 fires and 12 rescues every hour.")
    assert [(q.text, q.unit) for q in record.quantities] == [
        ("about 40", "fire/h"),
        ("12", "rescue/h"),
    ]


def test_a_list_item_with_a_model_name_counts_the_noun_after_it(extract):
    q = quantity(extract, "The deal covers:\n\n- 24 F-16V fighter jets, due in 2027.", "24")
    assert q.unit == "jet"


# Fifth batch of new writers: sentences written for these tests.
ROUND7_CASES = [
    ("The operator paid Rs68.57bn for the licences.",
     "Rs68.57bn", "money", 6.857e10, None, None, "exact", "INR"),
    ("Most buyers can find a plan for $10 or less a month.",
     "$10 or less a month", "money", None, None, 10.0, "at_most", "USD/month"),
    ("Each 10-cent rise in the price adds to growth.",
     "10-cent", "money", 0.1, None, None, "exact", "USD"),
    ("Dozens of the wells on offer lie near villages.",
     "Dozens", "count", None, None, None, "vague", "well"),
    ("The firm will add several thousand more of the chips.",
     "several thousand", "count", None, None, None, "vague", "chip"),
    ("Each cage gives a hen about 67 square inches of space.",
     "about 67 square inches", "measure", 67.0, None, None, "approximate", "in²"),
    ("The carrier bought 97.2 MHz of airwaves.",
     "97.2 MHz", "measure", 97.2, None, None, "exact", "MHz"),
    ("She beat the old record by nearly two minutes, then smashed the course record by 19 seconds.",
     "19 seconds", "measure", 19.0, None, None, "exact", "s"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "low", "high", "qualifier", "unit"),
    ROUND7_CASES,
    ids=[case[1] for case in ROUND7_CASES],
)
def test_fifth_batch_patterns(extract, text, span, kind, value, low, high, qualifier, unit):
    assert_reads(extract, text, span, kind, value, low, high, qualifier, unit)


def test_technology_designations_are_not_amounts(extract):
    assert [
        q.text for q in extract("Carriers rolled out 5G networks and 4K screens.").quantities
    ] == []


def test_list_rows_under_a_colon_count_what_the_line_above_counted(extract):
    text = "Ohio led with 900 sign-ups, followed by:\n\n- Iowa, nearly 700\n- Utah, 450\n"
    assert [(q.text, q.unit) for q in extract(text).quantities] == [
        ("900", "sign-up"),
        ("nearly 700", "sign-up"),
        ("450", "sign-up"),
    ]


def test_a_capitalised_plural_opening_a_fact_box_line_is_what_is_counted(extract):
    text = "At a glance:\n\n- Wells drilled: 41\n"
    assert [(q.text, q.unit) for q in extract(text).quantities] == [("41", "well")]


# Sixth batch of new writers: sentences written for these tests.
ROUND8_CASES = [
    ("Winds reached 190 km/h on the coast.",
     "190 km/h", "measure", 190.0, None, None, "exact", "km/h"),
    ("Farm losses reached NT$2.3 billion.",
     "NT$2.3 billion", "money", 2.3e9, None, None, "exact", "TWD"),
    ("Markets price a half-point cut in March.",
     "a half-point", "percent", 0.5, None, None, "exact", "percentage_point"),
    ("The bank lowered its rate by a quarter point.",
     "a quarter point", "percent", 0.25, None, None, "exact", "percentage_point"),
    ("Some 40,000 day-trippers visited the island.",
     "Some 40,000", "count", 40000.0, None, None, "approximate", "day-tripper"),
    ("The city builds roughly 3,000 homes completed each year.",
     "roughly 3,000", "count", 3000.0, None, None, "approximate", "home/year"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "low", "high", "qualifier", "unit"),
    ROUND8_CASES,
    ids=[case[1] for case in ROUND8_CASES],
)
def test_sixth_batch_patterns(extract, text, span, kind, value, low, high, qualifier, unit):
    assert_reads(extract, text, span, kind, value, low, high, qualifier, unit)


def test_a_change_from_one_rate_to_another_through_an_object_is_two_figures(extract):
    record = extract("The council raised the tax multiplier from 400% to 420%.")
    assert [q.text for q in record.quantities] == ["400%", "420%"]


def test_an_exchange_rate_is_money_in_the_currency_the_sentence_is_about(extract):
    q = quantity(extract, "In Egypt, the pound slid to about 49.5 to the dollar.", "about 49.5")
    assert (q.kind, q.unit) == ("money", "EGP")


def test_a_possessor_after_of_is_not_what_is_counted(extract):
    q = quantity(extract, "The plan cuts around 300 of the ministry's posts.", "around 300")
    assert q.unit == "post"


def test_days_with_an_adjective_counted_as_occasions(extract):
    record = extract("The fee applied on 12 selected days between May 1 and June 30.")
    assert [(q.text, q.unit) for q in record.quantities] == [("12", "day")]


def test_unit_names_written_out_are_read_as_symbols(extract):
    record = extract(
        "Fires released 480 megatonnes of carbon over 184,000 km². Farms grew 4 billion bushels."
    )
    assert [(q.text, q.unit) for q in record.quantities] == [
        ("480 megatonnes", "Mt"),
        ("over 184,000 km²", "km²"),
        ("4 billion bushels", "bu"),
    ]


# --------------------------------------------------------------- session 3: elision and modifiers

# (sentence, span, kind, unit): each written for one rule of the counted-noun reader.
ELIDED_AND_MODIFIED = [
    # a participle the tagger reads as a verb of the figure
    ("The streaming service gained 4.2 million paid subscribers last year.", "4.2 million",
     "count", "subscriber"),
    ("The province now has 2,300 licensed midwives.", "2,300", "count", "midwife"),
    # ... but a verb after a figure that is its subject still ends the phrase
    ("Of the 900 tenants, 120 paid fines last year.", "120", "count", "tenant"),
    # the plural after the figure is who forecast it: the figure repeats the jobs said before
    ("Factories shed 12,000 jobs in May, against the 5,000 analysts had expected.", "5,000",
     "count", "job"),
    ("Only 300 riders came, well below the 800 planners predicted.", "800", "count", "rider"),
    # ... not when the plural is what was counted ("expected to")
    ("About 90 nurses expected to retire this year stayed on.", "About 90", "count", "nurse"),
    # "of them" refers to a plural count, not to "one" said after it
    ("The school entered 80 pupils and won one prize; 30 of them were girls.", "30", "count",
     "pupil"),
    # the possessor's noun phrase read past an adverb and a number
    ("Cuts will close 14 of the district’s nearly 60 primary schools.", "14", "count", "school"),
    # a bare figure of the same order as a sum said earlier in its sentence repeats its currency
    ("A tenant who paid 900 euros a month in 2021 now pays about 1,250.", "about 1,250", "money",
     "EUR"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "span", "kind", "unit"),
    ELIDED_AND_MODIFIED,
    ids=[c[0][:40] for c in ELIDED_AND_MODIFIED],
)
def test_elided_figures_and_participle_modifiers(extract, text, span, kind, unit):
    assert_kind_unit(extract, text, span, kind, unit)


def test_a_small_figure_after_a_sum_is_not_money(extract):
    q = quantity(extract, "He paid $80,000 for the licence and hired 12 of them.", "12")
    assert q.kind == "count"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Inspectors found just one leak in the new pipeline.", "leak"),
        ("The ward has one midwife for every 30 mothers at night.", "midwife"),
        ("The camp shares one tap between 40 families.", "tap"),
        ("The storm sank one of their fishing boats off the cape.", "boat"),
    ],
)
def test_a_lone_one_that_the_sentence_counts_is_a_count(extract, text, unit):
    q = quantity(extract, text, "one")
    assert (q.kind, q.value, q.unit) == ("count", 1, unit)


@pytest.mark.parametrize(
    "text",
    [
        "One farmer said the rain came too late.",
        "Cost is one reason buyers hesitate.",
        "It is one of the busiest ports in Asia.",
        "The deal will not be done in one step.",
    ],
)
def test_a_lone_one_that_singles_a_thing_out_is_not_a_quantity(extract, text):
    assert [q.text for q in extract(text).quantities] == []


@pytest.mark.parametrize(
    ("text", "span", "kind", "unit"),
    [
        (
            "The county council approved an extra Sh2.5 billion for clinics.",
            "Sh2.5 billion",
            "money",
            "KES",
        ),
        ("Mombasa seeks Sh800m for new ferries", "Sh800m", "money", "KES"),
        ("Kampala will spend USh40 billion on drainage.", "USh40 billion", "money", "UGX"),
        # a noun coordinated before the counted plural
        ("Crews sent 75 state and city trucks to clear the roads.", "75", "count", "truck"),
        # a level verb whose subject is an amount of something counted
        ("Sales of electric scooters rose 9% to 41,300 last year.", "41,300", "count", "scooter"),
        # an elided figure followed by an adverb of place
        (
            "The party runs 300 offices, including 12 overseas, and pays its staff well.",
            "12",
            "count",
            "office",
        ),
        # a regular plural possessor is what is counted, an irregular genitive is a category
        ("The deal was signed by the three firms’ chief executives.", "three", "count", "firm"),
        ("She holds four women's titles in the sport.", "four", "count", "title"),
    ],
)
def test_currencies_coordination_levels_and_possessors(extract, text, span, kind, unit):
    assert_kind_unit(extract, text, span, kind, unit)


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "unit"),
    [
        (
            "The survey put Labour on 41% and the Tories on 29%, a gap of 12 points.",
            "12 points",
            "percent",
            12,
            "percentage_point",
        ),
        (
            "Poll: mayor holds 15-point lead as city votes",
            "15-point",
            "percent",
            15,
            "percentage_point",
        ),
        (
            "The margin of error is plus or minus 3 percentage points.",
            "3 percentage points",
            "percent",
            3,
            "percentage_point",
        ),
        # index and game points stay points
        ("The Kospi fell 2.1%, or 55 points, on Monday.", "55", "count", 55, "point"),
        ("The home side shot 51% and won by 9 points.", "9", "count", 9, "point"),
    ],
)
def test_points_of_shares_and_margins(extract, text, span, kind, value, unit):
    q = quantity(extract, text, span)
    assert (q.kind, q.value, q.unit) == (kind, value, unit)


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "unit"),
    [
        (
            "The bank cut its main rate by a full percentage point on Thursday.",
            "a full percentage point",
            "percent",
            1,
            "percentage_point",
        ),
        (
            "Unemployment over the past six months half a percentage point above its low worried "
            "the board.",
            "half a percentage point",
            "percent",
            0.5,
            "percentage_point",
        ),
        # a glued scale inside what spaCy tags as a date
        ("The app had 12mn monthly users in March.", "12mn", "count", 12e6, "user"),
        # an elided sum in the sentence after the money it repeats
        (
            "A bag of rice cost 900 rupees in May. Now it costs about 1,400.",
            "about 1,400",
            "money",
            1400,
            "INR",
        ),
    ],
)
def test_whole_points_glued_scales_and_sums_said_before(extract, text, span, kind, value, unit):
    assert_kind_unit(extract, text, span, kind, unit, value)


def test_a_count_after_a_sum_in_the_sentence_before_is_still_a_count(extract):
    record = extract("The fund paid $40,000 in fees. It hired 30 and fired 12.")
    assert [(q.text, q.kind) for q in record.quantities][1:] == [("30", "count"), ("12", "count")]


def test_a_figure_naming_a_limit_counts_what_was_counted_before(extract):
    text = "The league admitted 64,000 players this year, well above the 50,000 cap set in 2020."
    assert quantity(extract, text, "50,000").unit == "player"


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "unit"),
    [
        # South African rand glued as "R", in a story about South Africa
        (
            "South Africa will spend R42bn on roads and R1.2-trillion in all.",
            "R42bn",
            "money",
            42e9,
            "ZAR",
        ),
        (
            "South Africa will spend R42bn on roads and R1.2-trillion in all.",
            "R1.2-trillion",
            "money",
            1.2e12,
            "ZAR",
        ),
        # glued cents in the story's currency; a glued "C" stays a temperature
        (
            "In South Africa, bread will cost R18, or 45c more than last year.",
            "45c",
            "money",
            0.45,
            "ZAR",
        ),
        ("Temperatures hit 31c in Lisbon on Sunday.", "31c", "measure", 31, "°C"),
        (
            "Diesel costs €1.70 in Spain, and drivers pay about 9 cents a litre more in France.",
            "about 9 cents",
            "money",
            0.09,
            "EUR",
        ),
        # "pc" for percent, rates written with a slash
        ("The fund holds a 30pc stake in the port.", "30pc", "percent", 30, "percent"),
        ("The plant will make 8mn t/yr of ammonia.", "8mn t/yr", "measure", 8e6, "t/year"),
        # a glued "m" is metres in a story that measures lengths, millions elsewhere
        ("She cleared 2.01m, a centimetre short of her best.", "2.01m", "measure", 2.01, "m"),
        ("The club has 2m members and a £40m stadium.", "2m", "count", 2e6, "member"),
        ("The plant makes chips at 5 nanometres.", "5 nanometres", "measure", 5, "nm"),
    ],
)
def test_glued_currencies_cents_percent_rates_and_metres(extract, text, span, kind, value, unit):
    assert_kind_unit(extract, text, span, kind, unit, value)


def test_a_percent_change_then_a_level_is_not_a_range(extract):
    record = extract("Burglary jumped 12% to 81,000 offences last year.")
    assert [(q.text, q.unit) for q in record.quantities][:2] == [
        ("12%", "percent"),
        ("81,000", "offence"),
    ]


@pytest.mark.parametrize(
    ("text", "span", "value", "low", "high", "qualifier"),
    [
        (
            "Turnout was just under 40,000 voters.",
            "just under 40,000",
            None,
            None,
            40000,
            "less_than",
        ),
        (
            "The bill came to just over €2 million.",
            "just over €2 million",
            None,
            2e6,
            None,
            "more_than",
        ),
        ("Waves could reach as high as 4 metres.", "as high as 4 metres", None, None, 4, "at_most"),
        (
            "The runway was shorter than 900 metres.",
            "shorter than 900 metres",
            None,
            None,
            900,
            "less_than",
        ),
        # a comparative after a noun names a class by its threshold: the figure is exact
        ("Farms smaller than 5 hectares are exempt.", "5 hectares", 5, None, None, "exact"),
        (
            "The show pushed its total past 40 million views.",
            "past 40 million",
            None,
            40e6,
            None,
            "more_than",
        ),
        ("Over the past 10 years the lake shrank.", None, None, None, None, None),
        ("Most families own two or three goats.", "two or three", None, 2, 3, "range"),
        ("The shop sells 10 or 12 bikes a week.", "10 or 12", None, 10, 12, "range"),
    ],
)
def test_bounds_said_in_words(extract, text, span, value, low, high, qualifier):
    if span is None:
        assert [q.text for q in extract(text).quantities if "10" in q.text] == []
        return
    q = quantity(extract, text, span)
    assert (q.value, q.low, q.high, q.qualifier) == (value, low, high, qualifier)


def test_an_elided_subject_counts_what_the_first_subject_counted(extract):
    text = "Twelve miners, including three engineers, were rescued, while four stayed below."
    assert quantity(extract, text, "four").unit == "miner"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The blast tore through the market, killing one vendor.", "vendor"),
        ("Storm floods valley, one man dead", "man"),
        ("She admitted 12 counts of theft and one count of fraud.", "count"),
    ],
)
def test_a_lone_one_among_counts_or_casualties_is_a_count(extract, text, unit):
    q = quantity(extract, text, "one")
    assert (q.value, q.unit) == (1, unit)


def test_a_glued_sum_with_a_rate_tagged_as_a_date_is_money(extract):
    q = quantity(extract, "South Africa pays a grant of R350 a month.", "R350 a month")
    assert (q.kind, q.unit) == ("money", "ZAR/month")


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("The district's population grew by about 12,000 in a decade.", "about 12,000", "person"),
        ("The wolf population rose to 1,140 last year.", "1,140", "wolf"),
        (
            "The team won nine of its 30 matches, three of them penalty shoot-outs.",
            "three",
            "match",
        ),
        ("Divers found 40 wrecks, half of the 80 believed to lie in the bay.", "80", "wreck"),
    ],
)
def test_populations_partitives_and_beliefs(extract, text, span, unit):
    assert quantity(extract, text, span).unit == unit


@pytest.mark.parametrize(
    ("text", "span", "kind", "unit"),
    [
        ("Wheat futures in Johannesburg closed at 4,800 rand a ton.", "4,800 rand", "money", "ZAR"),
        (
            "The 1.5-percentage-point gap surprised traders.",
            "1.5-percentage-point",
            "percent",
            "percentage_point",
        ),
        ("Investors expected a 20% cut and got one of below 18.", "below 18", "percent", "percent"),
        ("Each year about 30 cyclones form over the ocean.", "about 30", "count", "cyclone"),
        (
            "The strike forced carriers to cancel 400 flights and ferry firms to stay in port.",
            "400",
            "count",
            "flight",
        ),
        ("The quake measured 6.4 and was felt in the capital.", "6.4", "measure", "magnitude"),
        ("The floods have killed dozens in the north.", "dozens", "count", "person"),
        ("Each soldier carries 5 litres of water a day.", "5 litres", "measure", "l/day"),
        ("The convoy brought six tankers of fuel a week.", "six", "count", "tanker/week"),
        ("The plan brings a rise in the levy from 8% to 9% next year.", "8%", "percent", "percent"),
    ],
)
def test_units_from_the_rest_of_the_sentence(extract, text, span, kind, unit):
    assert_kind_unit(extract, text, span, kind, unit)


def test_a_figure_after_counts_and_a_percent_stays_a_count(extract):
    text = "Only 9 of the 30 members met the 2% goal in 2024, up from three in 2014."
    assert quantity(extract, text, "three").kind == "count"


def test_scaled_values_carry_no_binary_noise(extract):
    assert quantity(extract, "The appeal seeks $4.1 billion.", "$4.1 billion").value == 4.1e9


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "unit"),
    [
        (
            "Abu Dhabi's bank earned Dh1.9 billion and paid 20 fils a share.",
            "Dh1.9 billion",
            "money",
            1.9e9,
            "AED",
        ),
        (
            "Abu Dhabi's bank earned Dh1.9 billion and paid 20 fils a share.",
            "20 fils",
            "money",
            0.2,
            "AED",
        ),
        (
            "The council cut spending by £12.5m. Libraries will close.",
            "£12.5m",
            "money",
            12.5e6,
            "GBP",
        ),
        (
            "The index put 2023 at 1.45 degrees above pre-industrial levels.",
            "1.45 degrees",
            "measure",
            1.45,
            "°C",
        ),
        (
            "The team sold Rao for 6.5 crore rupees and bought Iyer for 4 crore.",
            "4 crore",
            "money",
            4e7,
            "INR",
        ),
        (
            "The city has 2.1 crore residents and another 40 lakh in its suburbs.",
            "40 lakh",
            "count",
            4e6,
            "resident",
        ),
        (
            "The navy has shrunk to 40,000 sailors from more than 60,000 in 1990.",
            "more than 60,000",
            "count",
            None,
            "sailor",
        ),
        (
            "Seizures at the port hit a record of 1,200 last year.",
            "1,200",
            "count",
            1200,
            "seizure",
        ),
        (
            "Shares were priced at 300 to 320 rupees each.",
            "300 to 320 rupees",
            "money",
            None,
            "INR",
        ),
        (
            "Hackers stole the data of 90,000 armed forces personnel.",
            "90,000",
            "count",
            90000,
            "personnel",
        ),
    ],
)
def test_dirhams_crore_levels_said_before_and_prices(extract, text, span, kind, value, unit):
    assert_kind_unit(extract, text, span, kind, unit, value)


def test_a_glued_m_at_the_end_of_a_sentence_is_metres_in_a_story_of_lengths(extract):
    text = "She took bronze at 4.80m. Her best is 4.95 metres."
    assert quantity(extract, text, "4.80m").unit == "m"


def test_a_fact_box_label_in_capitals_is_made_singular_by_its_ending(extract):
    record = extract("Key figures:\n- Launches booked: 30\n- Cities affected: 12\n")
    assert [(q.text, q.unit) for q in record.quantities] == [("30", "launch"), ("12", "city")]
