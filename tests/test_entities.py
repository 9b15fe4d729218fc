"""Entity fixes on sentences written for these tests."""

from __future__ import annotations


def ents(record):
    return [(e.text, e.label, e.canonical) for e in record.entities]


def test_possessive_and_leading_the_stay_out_of_spans(extract):
    record = extract("The Kremlin’s envoy met the United Nations team in Geneva.")
    texts = {e.text for e in record.entities}
    assert "Kremlin" in texts
    assert not any(t.startswith("the ") or t.endswith("’s") for t in texts)


def test_surname_merges_with_the_full_name_met_earlier(extract):
    record = extract(
        "Defence Minister Hannah Okafor visited the base on Monday. "
        "Okafor said the new radar would be ready by spring."
    )
    assert ("Okafor", "PERSON", "Hannah Okafor") in ents(record)


def test_korean_order_name_keeps_family_name_as_short_form(extract):
    record = extract(
        "Kim Jong Un inspected a missile factory. Later, Kim met his generals in Pyongyang."
    )
    assert ("Kim", "PERSON", "Kim Jong Un") in ents(record)


def test_gazetteer_place_is_not_a_product(extract):
    record = extract("Fighting continued in villages across Kursk and Belgorod this week.")
    labels = {e.text: e.label for e in record.entities}
    assert labels.get("Kursk") == "GPE"
    assert labels.get("Belgorod") == "GPE"


def test_person_after_a_role_noun_is_not_an_organisation(extract):
    record = extract("The claim was repeated by military blogger Yury Butusov on his channel.")
    assert ("Yury Butusov", "PERSON", "Yury Butusov") in ents(record)


def test_title_is_not_part_of_a_person_and_secretary_of_state_is_no_org(extract):
    record = extract("US Secretary of State Antony Blinken landed in Beijing on Friday.")
    found = ents(record)
    assert ("Antony Blinken", "PERSON", "Antony Blinken") in found
    assert not any(text == "State" for text, _, _ in found)


def test_numeric_and_temporal_labels_never_reach_entities(extract):
    record = extract("About 3,000 workers struck for 12 days in March, costing $4 million.")
    assert all(e.label not in {"CARDINAL", "DATE", "MONEY", "QUANTITY"} for e in record.entities)


def test_short_club_name_takes_the_clubs_full_name(extract):
    record = extract("Inter Milan won the derby on Sunday. Milan fans sang until midnight.")
    assert ("Milan", "ORG", "Inter Milan") in ents(record)


def test_acronym_or_prefixed_place_is_not_merged_into_an_org(extract):
    record = extract(
        "The US Geological Survey published the data. The US imports most of its gallium."
    )
    us = [e for e in record.entities if e.text == "US"]
    assert us and all(e.canonical == "US" and e.label == "GPE" for e in us)


def test_company_short_name_takes_the_full_name(extract):
    record = extract(
        "Honda Motor reported record sales on Tuesday. Analysts said Honda had gained share."
    )
    assert ("Honda", "ORG", "Honda Motor") in ents(record)


def test_named_agreements_and_acts_are_laws(extract):
    record = extract(
        "Delegates in Paris signed the Montreal Protocol and praised the Clean Air Act."
    )
    labels = {e.text: e.label for e in record.entities}
    assert labels.get("Clean Air Act") == "LAW"


def test_class_noun_before_a_name_sets_its_label(extract):
    record = extract(
        "Talks stalled, the engineering firm Brantley Okoro said in a filing on Monday."
    )
    assert ("Brantley Okoro", "ORG", "Brantley Okoro") in ents(record)


def test_appositive_role_noun_makes_a_person(extract):
    record = extract(
        "“The ruling is wrong,” said Odile Ferrant, a climate scientist at the university."
    )
    assert ("Odile Ferrant", "PERSON", "Odile Ferrant") in ents(record)


def test_city_of_name_is_a_place(extract):
    record = extract("The storm flattened the coastal city of Tarvosa and cut power to farms.")
    assert ("Tarvosa", "GPE", "Tarvosa") in ents(record)


def test_product_noun_after_a_possessive_name_makes_a_product(extract):
    record = extract(
        "The agency's Quillon spacecraft left orbit on Monday. Quillon will reach Mars in May."
    )
    labels = [e.label for e in record.entities if e.text == "Quillon"]
    assert labels == ["PRODUCT", "PRODUCT"]


def test_organisation_word_at_the_end_makes_an_org(extract):
    record = extract("Tom Baxter Holdings said on Monday it would cut jobs.")
    assert ("Tom Baxter Holdings", "ORG", "Tom Baxter Holdings") in ents(record)


def test_match_score_is_cut_from_a_team_name(extract):
    record = extract("Ajax beat Sporting Lisbon 3-1 at home on Sunday.")
    assert not any("3-1" in e.text for e in record.entities)


def test_country_named_in_an_organisation_stays_a_place(extract):
    record = extract(
        "Statistics Norway said inflation eased. Prices in Norway rose 2%. Norway cut rates."
    )
    norway = [e for e in record.entities if e.text == "Norway"]
    assert norway and all(e.label == "GPE" and e.canonical == "Norway" for e in norway)


def test_name_missed_in_the_headline_is_tagged_like_elsewhere(extract):
    record = extract(
        "Valdoria plans record budget\n\nThe government of Valdoria said on Monday that "
        "Valdoria would borrow more."
    )
    starts = [e.start for e in record.entities if e.text == "Valdoria"]
    assert 0 in starts


def test_a_union_of_states_stays_a_place(extract):
    record = extract("Troops trained in the Soviet Union during the 1970s, the report said.")
    assert ("Soviet Union", "GPE", "Soviet Union") in ents(record)
