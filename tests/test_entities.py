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


def fix_tagged(nlp, text: str, tagged: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """Run the fix stage on ``text`` as if the model had tagged ``tagged`` (substring,
    label, in text order): the misfires these rules repair do not come on every sentence."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "claims_entity_fixes":
            break
        doc = component(doc)
    spans, start = [], 0
    for substring, label in tagged:
        start = text.index(substring, start)
        spans.append(doc.char_span(start, start + len(substring), label=label))
        start += len(substring)
    doc.ents = spans
    doc = nlp.get_pipe("claims_entity_fixes")(doc)
    return [(e.text, e.label_, e._.canonical) for e in doc.ents]


def test_weekday_after_on_is_cut_from_an_organisation(extract):
    record = extract("The Riverside County Board on Monday delayed the vote.")
    assert ents(record) == [("Riverside County Board", "ORG", "Riverside County Board")]


def test_date_glued_by_the_model_is_cut(nlp):
    text = "The Harlow Water Board on Thursday rejected the plan."
    found = fix_tagged(nlp, text, [("Harlow Water Board on Thursday", "ORG")])
    assert found == [("Harlow Water Board", "ORG", "Harlow Water Board")]


def test_lowercase_words_before_a_name_are_cut(nlp):
    text = "Members of the state Assembly met in Carlton."
    found = fix_tagged(nlp, text, [("state Assembly", "ORG"), ("Carlton", "GPE")])
    assert found == [("Assembly", "ORG", "Assembly"), ("Carlton", "GPE", "Carlton")]


def test_a_lowercase_phrase_is_no_entity(nlp):
    text = "A spokesperson for the health ministry declined to comment."
    assert fix_tagged(nlp, text, [("health ministry", "ORG")]) == []


def test_class_noun_after_a_name_is_cut(nlp):
    text = "Farmers in Kivanda province lost half their harvest."
    found = fix_tagged(nlp, text, [("Kivanda province", "GPE")])
    assert found == [("Kivanda", "GPE", "Kivanda")]


def test_a_possessive_inside_a_span_splits_owner_and_owned(nlp):
    text = "Norway said on Friday that Norway’s Directorate of Fisheries would inspect the port."
    found = fix_tagged(nlp, text, [("Norway", "GPE"), ("Norway’s Directorate of Fisheries", "ORG")])
    assert found == [
        ("Norway", "GPE", "Norway"),
        ("Norway", "GPE", "Norway"),
        ("Directorate of Fisheries", "ORG", "Directorate of Fisheries"),
    ]


def test_a_plural_possessive_stays_inside_the_name(nlp):
    text = "The Dairy Farmers' Union called a protest."
    found = fix_tagged(nlp, text, [("Dairy Farmers' Union", "ORG")])
    assert found == [("Dairy Farmers' Union", "ORG", "Dairy Farmers' Union")]


def test_last_word_of_a_name_sets_its_label(nlp):
    text = "Worshippers gathered at the Tarvel Mosque after the quake."
    assert fix_tagged(nlp, text, [("Tarvel Mosque", "PERSON")]) == [
        ("Tarvel Mosque", "FAC", "Tarvel Mosque")
    ]


def test_first_word_of_a_two_word_name_sets_its_label(nlp):
    text = "Hurricane Orla weakened before reaching the coast."
    assert fix_tagged(nlp, text, [("Hurricane Orla", "ORG")]) == [
        ("Hurricane Orla", "EVENT", "Hurricane Orla")
    ]


def test_a_place_class_word_at_the_end_beats_the_first_word(nlp):
    text = "Fires burned across Lake County overnight."
    assert fix_tagged(nlp, text, [("Lake County", "GPE")]) == [
        ("Lake County", "GPE", "Lake County")
    ]


def test_a_numbered_line_is_a_facility(nlp):
    text = "Trains on Line 9 ran late all morning."
    assert fix_tagged(nlp, text, [("Line 9", "ORG")]) == [("Line 9", "FAC", "Line 9")]


def test_a_unit_after_a_number_is_no_organisation(nlp):
    text = "Demand peaked at 31,000 MW on the coldest night."
    assert fix_tagged(nlp, text, [("MW", "ORG")]) == []


def test_an_acronym_before_a_counted_noun_stays_an_organisation(nlp):
    text = "About 4,000 GMB members voted to strike."
    assert ("GMB", "ORG", "GMB") in fix_tagged(nlp, text, [("GMB", "ORG")])


def test_common_noun_opening_a_sentence_is_no_name(nlp):
    text = "Landslides cut the road overnight. Officials said landslides were common here."
    assert fix_tagged(nlp, text, [("Landslides", "PERSON")]) == []


def test_nationality_plural_opening_a_sentence_stays(nlp):
    text = "Norwegians voted on Monday."
    assert fix_tagged(nlp, text, [("Norwegians", "NORP")]) == [("Norwegians", "NORP", "Norwegians")]


def test_an_acronym_is_no_person(nlp):
    text = "Engineers at TRAXA said the probe was healthy."
    assert fix_tagged(nlp, text, [("TRAXA", "PERSON")]) == [("TRAXA", "ORG", "TRAXA")]


def test_short_company_name_links_to_a_name_ending_in_a_legal_suffix(nlp):
    text = "Shares of Velmora AB rose. Analysts said Velmora would gain."
    found = fix_tagged(nlp, text, [("Velmora AB", "ORG"), ("Velmora", "ORG")])
    assert found == [("Velmora AB", "ORG", "Velmora AB"), ("Velmora", "ORG", "Velmora AB")]


def test_a_city_is_no_short_form_of_an_organisation_named_after_it(nlp):
    text = "Rents in London rose. London Transit raised fares, and London said it would object."
    tagged = [("London", "GPE"), ("London Transit", "ORG"), ("London", "ORG")]
    found = fix_tagged(nlp, text, tagged)
    assert [canonical for _, _, canonical in found] == ["London", "London Transit", "London"]


def test_a_dictionary_noun_taken_for_a_person_opens_a_sentence(nlp):
    text = "Attendance fell sharply at the spring fair."
    assert fix_tagged(nlp, text, [("Attendance", "PERSON")]) == []


def test_a_surname_opening_a_sentence_stays_a_person(nlp):
    text = "Mayor Ines Baker opened the bridge. Baker said it cost too much."
    tagged = [("Ines Baker", "PERSON"), ("Baker", "PERSON")]
    found = fix_tagged(nlp, text, tagged)
    assert found == [("Ines Baker", "PERSON", "Ines Baker"), ("Baker", "PERSON", "Ines Baker")]


def test_a_common_abbreviation_is_no_name(nlp):
    text = "Spending on AI tools doubled, the survey found."
    assert fix_tagged(nlp, text, [("AI", "GPE")]) == []


def test_a_country_acting_is_a_place_not_an_organisation(nlp):
    text = "Ecuador signed the deal on Friday."
    assert fix_tagged(nlp, text, [("Ecuador", "ORG")]) == [("Ecuador", "GPE", "Ecuador")]


def test_a_country_the_model_missed_is_tagged(nlp):
    text = "Exports from Paraguay rose by a tenth."
    assert fix_tagged(nlp, text, []) == [("Paraguay", "GPE", "Paraguay")]


def test_a_country_inside_an_organisation_name_is_not_split_off(nlp):
    text = "The Central Bank of Paraguay held rates."
    found = fix_tagged(nlp, text, [("Central Bank of Paraguay", "ORG")])
    assert found == [("Central Bank of Paraguay", "ORG", "Central Bank of Paraguay")]


def test_an_acronym_in_brackets_is_cut_from_the_name_and_tagged(nlp):
    text = "The Northern Ferry Workers Union (NFWU) called a strike. NFWU said talks failed."
    found = fix_tagged(nlp, text, [("Northern Ferry Workers Union (NFWU", "ORG")])
    assert found == [
        ("Northern Ferry Workers Union", "ORG", "Northern Ferry Workers Union"),
        ("NFWU", "ORG", "NFWU"),
        ("NFWU", "ORG", "NFWU"),
    ]


def test_brackets_closed_inside_a_name_stay(nlp):
    text = "The Rivers (Emergency Powers) Act passed."
    found = fix_tagged(nlp, text, [("Rivers (Emergency Powers) Act", "LAW")])
    assert found == [("Rivers (Emergency Powers) Act", "LAW", "Rivers (Emergency Powers) Act")]


def test_an_organisation_named_with_and_is_one_name(nlp):
    text = "The Northland Bakers and Confectioners Association backed the levy."
    tagged = [("Northland Bakers", "ORG"), ("Confectioners Association", "ORG")]
    name = "Northland Bakers and Confectioners Association"
    assert fix_tagged(nlp, text, tagged) == [(name, "ORG", name)]


def test_two_companies_joined_by_and_stay_two(nlp):
    text = "Shares of Volta Motors and Ford Motor Company fell."
    tagged = [("Volta Motors", "ORG"), ("Ford Motor Company", "ORG")]
    assert fix_tagged(nlp, text, tagged) == [
        ("Volta Motors", "ORG", "Volta Motors"),
        ("Ford Motor Company", "ORG", "Ford Motor Company"),
    ]


def test_a_capitalised_role_opening_a_sentence_is_cut_from_the_person(nlp):
    text = "Seismologist Tomas Berg warned of aftershocks."
    tagged = [("Seismologist Tomas Berg", "PERSON")]
    assert fix_tagged(nlp, text, tagged) == [("Tomas Berg", "PERSON", "Tomas Berg")]


def test_a_role_after_a_title_is_not_part_of_the_person(nlp):
    text = "Chief Executive Marta Ilves said sales would rise."
    assert fix_tagged(nlp, text, []) == [("Marta Ilves", "PERSON", "Marta Ilves")]


def test_a_one_word_amount_is_no_name(nlp):
    text = "The treasury set aside R40bn for the rail upgrade."
    assert fix_tagged(nlp, text, [("R40bn", "ORG")]) == [("R40bn", "MONEY", None)]


def test_a_letter_and_number_code_stays_a_name(nlp):
    text = "The army bought new K7 rifles."
    assert fix_tagged(nlp, text, [("K7", "ORG")]) == [("K7", "ORG", "K7")]


def test_a_name_after_in_is_a_place_not_a_person(nlp):
    text = "Floods hit Varnok on Monday. Rescuers in Varnok said more rain was due."
    tagged = [("Varnok", "PERSON"), ("Monday", "DATE"), ("Varnok", "PERSON")]
    assert fix_tagged(nlp, text, tagged) == [
        ("Varnok", "GPE", "Varnok"),
        ("Monday", "DATE", None),
        ("Varnok", "GPE", "Varnok"),
    ]


def test_a_compass_part_of_a_continent_is_a_region(nlp):
    text = "Rainfall across East Asia fell short."
    assert fix_tagged(nlp, text, [("East Asia", "GPE")]) == [("East Asia", "LOC", "East Asia")]


def test_a_capitalised_compound_before_a_continent_joins_the_region(nlp):
    text = "Lenders to sub-Saharan Africa grew wary."
    found = fix_tagged(nlp, text, [("Africa", "LOC")])
    assert found == [("sub-Saharan Africa", "LOC", "sub-Saharan Africa")]


def test_a_lowercase_compass_word_stays_out_of_the_region(nlp):
    text = "Heat gripped northern Europe."
    assert fix_tagged(nlp, text, [("Europe", "LOC")]) == [("Europe", "LOC", "Europe")]


def test_a_facility_word_and_its_number_are_one_name(nlp):
    text = "Trains on Line 4 were suspended after a fire."
    tagged = [("Line", "PERSON"), ("4", "CARDINAL")]
    assert fix_tagged(nlp, text, tagged) == [("Line 4", "FAC", "Line 4")]


def test_a_firm_named_in_the_possessive_keeps_its_s(nlp):
    text = "Halvard's said on Monday that sales fell. Shares in Halvard's dropped."
    tagged = [("Halvard", "ORG"), ("Monday", "DATE"), ("Halvard", "ORG")]
    assert fix_tagged(nlp, text, tagged) == [
        ("Halvard's", "ORG", "Halvard's"),
        ("Monday", "DATE", None),
        ("Halvard's", "ORG", "Halvard's"),
    ]


def test_a_possessive_of_a_name_also_written_bare_is_cut(nlp):
    text = "Orlen said prices would rise. Orlen's rose too."
    tagged = [("Orlen", "ORG"), ("Orlen", "ORG")]
    assert fix_tagged(nlp, text, tagged) == [
        ("Orlen", "ORG", "Orlen"),
        ("Orlen", "ORG", "Orlen"),
    ]


def test_a_club_suffix_split_from_its_town_is_glued_back(nlp):
    text = "Fans of Dunmore Rovers cheered."
    tagged = [("Dunmore", "GPE"), ("Rovers", "PERSON")]
    assert fix_tagged(nlp, text, tagged) == [("Dunmore Rovers", "ORG", "Dunmore Rovers")]


def test_a_club_suffix_makes_a_name_an_organisation(nlp):
    text = "Dunmore United signed a new striker."
    tagged = [("Dunmore United", "PERSON")]
    assert fix_tagged(nlp, text, tagged) == [("Dunmore United", "ORG", "Dunmore United")]


def test_the_models_own_place_label_after_in_wins_over_its_majority(nlp):
    text = "Varnok rents rose. Builders in Varnok were busy. Varnok prices fell."
    tagged = [("Varnok", "ORG"), ("Varnok", "GPE"), ("Varnok", "ORG")]
    assert [label for _, label, _ in fix_tagged(nlp, text, tagged)] == ["GPE", "GPE", "GPE"]


def test_a_short_mixed_case_acronym_is_an_organisation(nlp):
    text = "Fares set by the DfE rose."
    assert fix_tagged(nlp, text, [("DfE", "PRODUCT")]) == [("DfE", "ORG", "DfE")]


def test_a_lowercase_led_product_name_stays_a_product(nlp):
    text = "The update to iOS fixed the bug."
    assert fix_tagged(nlp, text, [("iOS", "PRODUCT")]) == [("iOS", "PRODUCT", "iOS")]


def test_a_common_noun_abbreviation_is_no_organisation(nlp):
    text = "Waits in A&E grew longer."
    assert fix_tagged(nlp, text, [("A&E", "ORG")]) == []


def test_given_names_the_model_cut_off_join_the_person(nlp):
    text = "Striker Tomasz Ilkowski Brandt scored twice."
    tagged = [("Brandt", "PERSON")]
    found = fix_tagged(nlp, text, tagged)
    assert found == [("Tomasz Ilkowski Brandt", "PERSON", "Tomasz Ilkowski Brandt")]


def test_a_title_missing_from_the_lexicon_stays_out_of_the_person(nlp):
    text = "Premier Jannik Ilves opened the bridge."
    found = fix_tagged(nlp, text, [("Ilves", "PERSON")])
    assert found == [("Jannik Ilves", "PERSON", "Jannik Ilves")]
