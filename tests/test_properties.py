"""Property tests: any text gives a valid record whose every span matches the input."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.schema import validate_record

NEWSY = st.lists(
    st.sampled_from(
        [
            "The minister said on Nov. 4 that 10,000 troops had left.",
            "“We will win,” she said.",
            "Prices rose 3.5% in the third quarter, according to the bank.",
            "ADVERTISEMENT",
            "(Reuters)",
            "©2024 Wire Ltd.",
            "What happens next?",
            "Kim’s regime sent about 800 personnel in 2019.",
            "\r\n",
            "\n\n",
            " ",
            "—",
            "’s",
        ]
    ),
    max_size=8,
).map(" ".join)

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def check(extract, text: str) -> None:
    record = extract(text)
    # Validation with the text re-checks the hash, ids, references and every offset.
    validate_record(record.model_dump(), text=text)
    for _, span in record.spans():
        assert text[span.start : span.end] == span.text


@SETTINGS
@given(st.text(max_size=300))
def test_any_unicode_text_gives_a_valid_record(extract, text):
    check(extract, text)


@SETTINGS
@given(st.lists(st.one_of(NEWSY, st.text(max_size=40)), max_size=4).map("\n".join))
def test_newsy_mixtures_give_valid_records(extract, text):
    check(extract, text)


def test_empty_and_whitespace_only_text(extract):
    for text in ("", " ", "\n\n", "\r\n\t  \r\n", "\u00a0\u2003"):
        record = extract(text)
        assert record.entities == record.quantities == record.dates == record.claims == []
        check(extract, text)
