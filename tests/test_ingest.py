"""Ingest: decoding, boilerplate and metadata, with offsets that never shift."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest
import srsly

from pipeline.extensions import ArticleMeta
from pipeline.ingest import ArticleAnalyser, InputError, decode_bytes, read_article
from pipeline.lexicon import CONFIG_DIR

ARTICLE = (
    "ADVERTISEMENT\n\n"
    "Economy\n\n"
    "Harbour Town Votes to Rebuild Its Sea Wall\n\n"
    "(Coastline News)\n\n"
    "(Coastline News) -- The council of Harbour Town approved a new sea wall on Monday.\n\n"
    "Read more: Storm season arrives early\n\n"
    "Mayor Ana Pires said the work would start in spring.\n\n"
    "©2025 Coastline News Ltd."
)


@pytest.fixture(scope="module")
def analyser() -> ArticleAnalyser:
    return ArticleAnalyser(srsly.read_json(CONFIG_DIR / "boilerplate.json"))


def boilerplate_texts(text: str, meta: ArticleMeta) -> list[str]:
    return [text[s:e] for s, e in meta.boilerplate]


def test_utf8_bom_is_dropped_and_text_kept():
    text, warnings = decode_bytes(codecs.BOM_UTF8 + "Café “quoted”".encode())
    assert text == "Café “quoted”"
    assert warnings == []


def test_cp1252_falls_back_with_a_warning():
    text, warnings = decode_bytes("The €5 “deal” — agreed".encode("cp1252"))
    assert text == "The €5 “deal” — agreed"
    assert len(warnings) == 1 and "cp1252" in warnings[0]


def test_utf16_with_bom_decodes():
    text, _ = decode_bytes("Hello, world".encode("utf-16"))
    assert text == "Hello, world"


def test_crlf_is_kept_so_offsets_index_the_decoded_input(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Headline\r\n\r\nThe minister said so.\r\n")
    article = read_article(path)
    assert article.text == "Headline\r\n\r\nThe minister said so.\r\n"
    assert article.doc_id == "crlf"


@pytest.mark.parametrize(
    ("payload", "kind"),
    [(b"", "empty"), (b"  \n\t\n", "empty"), (b"\x00\x01\x02binary\x00", "binary")],
)
def test_unusable_files_raise_a_clear_input_error(tmp_path, payload, kind):
    path = tmp_path / "bad.txt"
    path.write_bytes(payload)
    with pytest.raises(InputError) as info:
        read_article(path)
    assert info.value.kind == kind


def test_missing_and_oversized_files(tmp_path):
    with pytest.raises(InputError) as missing:
        read_article(tmp_path / "nope.txt")
    assert missing.value.kind == "unreadable"
    big = tmp_path / "big.txt"
    big.write_text("word " * 100)
    with pytest.raises(InputError) as too_large:
        read_article(big, max_bytes=50)
    assert too_large.value.kind == "too_large"


def test_boilerplate_lines_and_dateline_prefix_are_fenced(analyser):
    meta = analyser.analyse(ARTICLE, ArticleMeta())
    assert boilerplate_texts(ARTICLE, meta) == [
        "ADVERTISEMENT",
        "(Coastline News)",
        "(Coastline News) -- ",
        "Read more: Storm season arrives early",
        "©2025 Coastline News Ltd.",
    ]


def test_metadata_from_section_headline_outlet_and_copyright(analyser):
    meta = analyser.analyse(ARTICLE, ArticleMeta())
    assert meta.section == "Economy"
    assert meta.headline == "Harbour Town Votes to Rebuild Its Sea Wall"
    assert meta.outlet == "Coastline News"
    assert meta.published is None  # no explicit date in the text


def test_wire_dateline_gives_outlet_and_published_date(analyser):
    text = (
        "WASHINGTON, March 3 (AP) — Senators met late into the night.\n\n"
        "Copyright 2025 The Associated Press. All rights reserved."
    )
    meta = analyser.analyse(text, ArticleMeta())
    assert meta.outlet == "Associated Press"
    assert meta.published == dt.date(2025, 3, 3)
    assert meta.published_basis == "inferred"
    assert boilerplate_texts(text, meta)[0] == "WASHINGTON, March 3 (AP) — "


def test_reuters_dateline_and_trailer(analyser):
    text = (
        "LONDON (Reuters) - Prices rose on Jan. 14, 2025, the agency said.\n\n"
        "Reporting by Ann Lee; Editing by Tom Ray"
    )
    meta = analyser.analyse(text, ArticleMeta())
    assert meta.outlet == "Reuters"
    assert boilerplate_texts(text, meta) == [
        "LONDON (Reuters) - ",
        "Reporting by Ann Lee; Editing by Tom Ray",
    ]
    assert meta.published == dt.date(2025, 1, 14)


def test_latest_date_not_after_copyright_year_is_the_inferred_publication(analyser):
    text = "Talks began on Nov. 4 and ended on Dec. 2.\n\nIt was agreed in 2019.\n\n© 2024 Wire"
    meta = analyser.analyse(text, ArticleMeta())
    assert meta.published == dt.date(2024, 12, 2)


def test_given_publication_date_wins(analyser):
    given = ArticleMeta(published=dt.date(2025, 6, 1), published_basis="input")
    meta = analyser.analyse("Talks ended on Dec. 2, 2024.", given)
    assert (meta.published, meta.published_basis) == (dt.date(2025, 6, 1), "input")


def test_question_subheadings_are_headings_not_prose(analyser):
    text = "The plan passed.\n\nWhat happens next?\n\nWork starts in May, officials said."
    meta = analyser.analyse(text, ArticleMeta())
    assert [text[s:e] for s, e in meta.headings] == ["What happens next?"]


def test_no_entity_comes_from_boilerplate(extract, analyser):
    record = extract(ARTICLE)
    fenced = analyser.analyse(ARTICLE, ArticleMeta()).boilerplate
    assert fenced, "the article has boilerplate to fence"
    for ent in record.entities:
        assert not any(s < ent.end and ent.start < e for s, e in fenced), ent.text
    assert ("Ana Pires", "PERSON") in {(e.text, e.label) for e in record.entities}
    assert record.source.outlet == "Coastline News"


def test_wire_assistance_trailer_and_sport_sections(analyser):
    text = "Athletics\n\nRunner breaks record\n\nShe won.\n\n--With assistance from Ana Lee."
    meta = analyser.analyse(text, ArticleMeta())
    assert meta.section == "Athletics"
    assert boilerplate_texts(text, meta) == ["--With assistance from Ana Lee."]


@pytest.mark.parametrize(
    ("line", "prefix", "outlet"),
    [
        ("YAOUNDÉ, Cameroon (AP) — Health workers began the campaign.",
         "YAOUNDÉ, Cameroon (AP) — ", "Associated Press"),
        ("Jan 9 (Reuters) - The retailer said it would close stores.",
         "Jan 9 (Reuters) - ", "Reuters"),
        ("LONDON/TOKYO (Reuters) - Shares fell sharply on Monday.",
         "LONDON/TOKYO (Reuters) - ", "Reuters"),
    ],
)  # fmt: skip
def test_datelines_with_accents_slashes_or_only_a_date(analyser, line, prefix, outlet):
    meta = analyser.analyse(line, ArticleMeta())
    assert boilerplate_texts(line, meta)[0] == prefix
    assert meta.outlet == outlet


@pytest.mark.parametrize(
    "line",
    [
        "(Reporting by Ana Silva in Lisbon; Editing by Mark Hunt)",
        "Edited by: Jonas Berg",
        "To contact the reporter on this story: Ana Silva in Lisbon",
        "Sam Lee · CBC News · Posted: Mar 3, 2025",
        "By Ana Silva in Lisbon",
        "By Ana Silva with Reuters bureaus",
        "Transport correspondent, BBC News",
    ],
)
def test_credit_lines_are_boilerplate(analyser, line):
    text = f"Headline here\n\n{line}\n\nThe council met on Monday and approved the plan.\n"
    assert boilerplate_texts(text, analyser.analyse(text, ArticleMeta()))[0] == line


@pytest.mark.parametrize(
    "line",
    [
        "By 2030 the city will need 40,000 more homes, the council said.",
        "The editor of the paper said the story was accurate.",
        "Correspondents said the vote was close.",
    ],
)
def test_prose_that_starts_like_a_credit_line_is_kept(analyser, line):
    text = f"Headline here\n\n{line}\n\nThe council met on Monday.\n"
    assert line not in boilerplate_texts(text, analyser.analyse(text, ArticleMeta()))
