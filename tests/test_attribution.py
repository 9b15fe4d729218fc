"""The attribution stage, one pattern per test, on sentences written for the tests."""

from __future__ import annotations

import pytest

from pipeline.schema import Claim


@pytest.fixture(scope="module")
def claims_of(extract):
    def run(text: str) -> list[Claim]:
        return extract(text, published="2024-03-15").claims

    return run


def only(claims: list[Claim]) -> Claim:
    assert len(claims) == 1, [c.content.text for c in claims]
    return claims[0]


def shape(claim: Claim) -> tuple[str, str, str, str, str, str]:
    return (
        claim.source.text,
        claim.source.canonical,
        claim.cue.text,
        claim.cue.lemma,
        claim.content.text,
        claim.kind,
    )


def test_that_clause(claims_of):
    claim = only(
        claims_of(
            "Harbour master Ingrid Solberg said that the northern pier would close for repairs."
        )
    )
    assert shape(claim) == (
        "Harbour master Ingrid Solberg",
        "Ingrid Solberg",
        "said",
        "say",
        "the northern pier would close for repairs",
        "indirect",
    )
    assert claim.source.type == "person"
    assert (
        claim.text
        == "Harbour master Ingrid Solberg said that the northern pier would close for repairs."
    )


def test_bare_complement(claims_of):
    claim = only(claims_of("Local farmers said the drought had cut their wheat harvest by half."))
    assert shape(claim) == (
        "Local farmers",
        "Local farmers",
        "said",
        "say",
        "the drought had cut their wheat harvest by half",
        "indirect",
    )
    assert claim.source.type == "group"


def test_sentence_final_source_and_cue(claims_of):
    claim = only(claims_of("The new bridge will carry 40,000 vehicles a day, city engineers said."))
    assert shape(claim) == (
        "city engineers",
        "city engineers",
        "said",
        "say",
        "The new bridge will carry 40,000 vehicles a day",
        "indirect",
    )
    assert claim.source.type == "group"


def test_inverted_said_after_quote(claims_of):
    claim = only(
        claims_of(
            "“We expect the river to peak on Sunday,” said Tomas Berger, "
            "a hydrologist at the agency."
        )
    )
    assert shape(claim) == (
        "Tomas Berger",
        "Tomas Berger",
        "said",
        "say",
        "We expect the river to peak on Sunday",
        "direct",
    )


def test_according_to_at_end(claims_of):
    claim = only(
        claims_of("Grain exports rose 12% last year, according to the Finnish Customs Board.")
    )
    assert shape(claim) == (
        "the Finnish Customs Board",
        "Finnish Customs Board",
        "according to",
        "according to",
        "Grain exports rose 12% last year",
        "according_to",
    )
    assert claim.source.type == "organization"
    assert claim.source.entity_id is not None


def test_according_to_in_front(claims_of):
    claim = only(
        claims_of("According to the regional council, the new tram line will open in 2027.")
    )
    assert shape(claim)[2:] == (
        "According to",
        "according to",
        "the new tram line will open in 2027",
        "according_to",
    )
    assert claim.source.text == "the regional council"


def test_direct_quote_speaker_before(claims_of):
    claim = only(
        claims_of("Mayor Lena Hartmann said: “Nobody will lose their home because of this plan.”")
    )
    assert shape(claim) == (
        "Mayor Lena Hartmann",
        "Lena Hartmann",
        "said",
        "say",
        "Nobody will lose their home because of this plan",
        "direct",
    )


def test_direct_quote_speaker_after(claims_of):
    text = (
        "Paolo Ricci chairs the fisheries board. "
        "“The stocks are recovering faster than we hoped,” Ricci told reporters."
    )
    claim = only(claims_of(text))
    assert shape(claim) == (
        "Ricci",
        "Paolo Ricci",
        "told",
        "tell",
        "The stocks are recovering faster than we hoped",
        "direct",
    )
    assert claim.text == "“The stocks are recovering faster than we hoped,” Ricci told reporters."


def test_direct_quote_speaker_between_halves(claims_of):
    text = "“The real question,” Ricci added, “is who pays for the new nets.”"
    claim = only(claims_of(text))
    assert shape(claim) == (
        "Ricci",
        "Ricci",
        "added",
        "add",
        "The real question,” Ricci added, “is who pays for the new nets",
        "direct",
    )


def test_quote_continues_after_the_cue_sentence(claims_of):
    text = "“The water came in an hour,” she said. “We had no time to move the animals.”"
    claim = only(claims_of(text))
    assert (
        claim.content.text
        == "The water came in an hour,” she said. “We had no time to move the animals"
    )
    assert claim.kind == "direct"
    assert claim.text == text


def test_multi_sentence_quote(claims_of):
    text = (
        "“Prices went up. Then the buyers disappeared. Now we wait,” "
        "said Anna Kowalska, who runs a bakery."
    )
    claim = only(claims_of(text))
    assert shape(claim) == (
        "Anna Kowalska",
        "Anna Kowalska",
        "said",
        "say",
        "Prices went up. Then the buyers disappeared. Now we wait",
        "direct",
    )


def test_multi_paragraph_quote(claims_of):
    text = (
        "“The first winter was the hardest,” said Omar Haddad, a volunteer at the shelter. "
        "“We had forty beds.\n\n"
        "“By spring we had two hundred, and still people slept outside.”\n\n"
        "The shelter closed in May."
    )
    claim = only(claims_of(text))
    assert claim.source.text == "Omar Haddad"
    assert claim.content.text.startswith("The first winter was the hardest")
    assert claim.content.text.endswith("still people slept outside")
    assert claim.kind == "direct"


def test_told_reporters(claims_of):
    claim = only(
        claims_of("Coach Miriam Adler told reporters that the team would not change its lineup.")
    )
    assert shape(claim) == (
        "Coach Miriam Adler",
        "Miriam Adler",
        "told",
        "tell",
        "the team would not change its lineup",
        "indirect",
    )


def test_in_a_statement(claims_of):
    claim = only(
        claims_of(
            "The railway operator said in a statement "
            "that all night trains would run again from June."
        )
    )
    assert shape(claim) == (
        "The railway operator",
        "The railway operator",
        "said",
        "say",
        "all night trains would run again from June",
        "indirect",
    )


def test_pronoun_source_resolves_to_earlier_person(claims_of):
    text = (
        "Judge Helena Marsh opened the hearing on Monday. "
        "The court had been warned twice, she said."
    )
    claim = only(claims_of(text))
    assert shape(claim) == (
        "she",
        "Helena Marsh",
        "said",
        "say",
        "The court had been warned twice",
        "indirect",
    )
    assert claim.source.type == "person"


def test_surname_source_gets_full_name(claims_of):
    text = (
        "Engineer Rafael Ortiz inspected the dam in May. "
        "Ortiz noted that two of the gates were rusted shut."
    )
    claim = only(claims_of(text))
    assert shape(claim) == (
        "Ortiz",
        "Rafael Ortiz",
        "noted",
        "note",
        "two of the gates were rusted shut",
        "indirect",
    )


def test_anonymous_source(claims_of):
    claim = only(
        claims_of("Two people familiar with the talks said the deal could be signed within weeks.")
    )
    assert shape(claim) == (
        "Two people familiar with the talks",
        "Two people familiar with the talks",
        "said",
        "say",
        "the deal could be signed within weeks",
        "indirect",
    )
    assert claim.source.type == "group"


def test_document_source(claims_of):
    claim = only(
        claims_of(
            "A report by the Baltic Marine Institute estimated "
            "that cod stocks had fallen by a third."
        )
    )
    assert shape(claim)[2:] == (
        "estimated",
        "estimate",
        "cod stocks had fallen by a third",
        "indirect",
    )
    assert claim.source.text == "A report by the Baltic Marine Institute"
    assert claim.source.type == "document"


def test_nested_citing_gives_outer_and_inner_claim(claims_of):
    text = (
        "The mill will shut in April, according to the Daily Courier, citing a letter to employees."
    )
    outer, inner = claims_of(text)
    assert (outer.source.text, outer.cue.lemma, outer.kind) == (
        "the Daily Courier",
        "according to",
        "according_to",
    )
    assert (inner.source.text, inner.cue.text, inner.cue.lemma) == (
        "a letter to employees",
        "citing",
        "cite",
    )
    assert outer.content.text == inner.content.text == "The mill will shut in April"
    assert inner.confidence < outer.confidence


def test_mixed_quote(claims_of):
    claim = only(
        claims_of("The union said the offer was “an insult to every nurse” and rejected it.")
    )
    assert shape(claim) == (
        "The union",
        "The union",
        "said",
        "say",
        "the offer was “an insult to every nurse” and rejected it",
        "mixed",
    )


def test_statement_date_from_the_cue(claims_of):
    claim = only(
        claims_of("Finance Minister Karl Weiss said on Tuesday that taxes would not rise.")
    )
    assert claim.statement_date == "2024-03-12"
    assert claim.content.text == "taxes would not rise"


def test_no_claim_from_question_heading(claims_of):
    text = "What did the minister say about taxes?\n\nTaxes will rise next year."
    assert claims_of(text) == []


def test_no_claim_from_unattributed_sentence(claims_of):
    assert claims_of("The bridge was closed for three days after the storm.") == []


def test_no_claim_from_negated_cue(claims_of):
    assert claims_of("The ministry did not say whether the border would reopen.") == []


def test_no_claim_from_hypothetical_cue(claims_of):
    assert claims_of("Officials would say that the vote was fair, if anyone asked them.") == []


# -- canonical names of sources ------------------------------------------------


def test_document_source_keeps_its_text_as_canonical(claims_of):
    claim = only(
        claims_of(
            "A study by the Alpine Research Institute estimated last month "
            "that the glaciers had lost a tenth of their ice."
        )
    )
    assert claim.source.text == "A study by the Alpine Research Institute"
    assert claim.source.canonical == "A study by the Alpine Research Institute"
    assert claim.source.type == "document"


def test_unnamed_official_at_an_organisation_keeps_its_text(claims_of):
    claim = only(
        claims_of(
            "An official at the Federal Water Authority, who asked not to be named, "
            "said the dam would be inspected again."
        )
    )
    assert claim.source.text == "An official at the Federal Water Authority"
    assert claim.source.canonical == "An official at the Federal Water Authority"
    assert claim.source.type == "person"


def test_role_noun_after_organisation_name_is_the_head(claims_of):
    claim = only(
        claims_of("A Ministry of Transport spokesperson said that the tunnel would reopen in May.")
    )
    assert claim.source.canonical == "A Ministry of Transport spokesperson"
    assert claim.source.type == "person"


def test_appositive_name_is_the_canonical(claims_of):
    claim = only(
        claims_of("Its director, Clara Voss, said the museum would double its opening hours.")
    )
    assert (claim.source.text, claim.source.canonical, claim.source.type) == (
        "Its director",
        "Clara Voss",
        "person",
    )


def test_outlet_name_in_apposition_after_descriptor(claims_of):
    claim = only(
        claims_of("The mayor will resign next week, according to the news site Daybreak24.")
    )
    assert claim.source.text == "the news site Daybreak24"
    assert claim.source.canonical == "Daybreak24"


def test_company_description_refers_back_to_the_named_company(claims_of):
    text = (
        "Norvik Motors cut its sales target on Monday. "
        "The carmaker said that demand in Europe had weakened."
    )
    claim = only(claims_of(text))
    assert (claim.source.text, claim.source.canonical, claim.source.type) == (
        "The carmaker",
        "Norvik Motors",
        "organization",
    )


def test_description_given_in_apposition_earlier(claims_of):
    text = (
        "The money will go to Lakeside Transit, the regional agency that runs the ferries. "
        "The agency said it would add two boats."
    )
    claim = only(claims_of(text))
    assert (claim.source.text, claim.source.canonical) == ("The agency", "Lakeside Transit")


def test_acronym_source_gets_the_full_name_from_the_article(claims_of):
    text = (
        "The World Meteorological Organization published its report on Monday. "
        "The WMO said the decade had been the warmest on record."
    )
    claim = only(claims_of(text))
    assert (claim.source.text, claim.source.canonical) == (
        "The WMO",
        "World Meteorological Organization",
    )


def test_pronoun_resolves_to_the_previous_speaker(claims_of):
    text = (
        "Prime Minister Tom Hale promised new funding in 2022. "
        "Its chief executive, Nadia Brook, said the clinic had hired nine nurses. "
        "She added that the waiting room would be rebuilt."
    )
    claims = claims_of(text)
    assert [(c.source.text, c.source.canonical) for c in claims] == [
        ("Its chief executive", "Nadia Brook"),
        ("She", "Nadia Brook"),
    ]


def test_plural_pronoun_resolves_to_earlier_group_source(claims_of):
    text = (
        "Organisers said that 9,000 runners had entered the race. "
        "Most of them finished in under four hours, they noted."
    )
    claims = claims_of(text)
    assert [(c.source.text, c.source.canonical, c.source.type) for c in claims] == [
        ("Organisers", "Organisers", "group"),
        ("they", "Organisers", "group"),
    ]


def test_relative_pronoun_source_is_the_noun_it_follows(claims_of):
    text = (
        "The shoe weighs 140 grams, according to its maker, Velox, "
        "which said the design had taken two years."
    )
    first, second = claims_of(text)
    assert (first.source.text, first.source.canonical, first.cue.lemma) == (
        "its maker",
        "Velox",
        "according to",
    )
    assert (second.source.text, second.cue.text, second.content.text) == (
        "Velox",
        "said",
        "the design had taken two years",
    )


# -- statement dates and second cues -----------------------------------------------


def test_statement_date_inside_in_a_statement(claims_of):
    claim = only(
        claims_of("The union said in a statement on Saturday that the strike would go ahead.")
    )
    assert claim.statement_date == "2024-03-09"
    assert claim.content.text == "the strike would go ahead"


def test_statement_date_of_a_hearing(claims_of):
    claim = only(
        claims_of(
            "During the appeal hearing in January, Moreau insisted that he had acted lawfully."
        )
    )
    assert claim.statement_date == "2024-01"
    assert claim.source.text == "Moreau"


def test_statement_date_after_split_quotation(claims_of):
    text = "“We need more homes,” Dunmore told reporters on Tuesday. “This is a start.”"
    claim = only(claims_of(text))
    assert claim.statement_date == "2024-03-12"
    assert claim.kind == "direct"


def test_no_statement_date_from_a_date_inside_the_quotation(claims_of):
    claim = only(claims_of("“We will finish on Tuesday,” the builder said."))
    assert claim.statement_date is None


def test_second_reporting_verb_gives_a_second_claim(claims_of):
    claims = claims_of(
        "The airline said it was disappointed and argued that it had followed every rule."
    )
    assert [(c.cue.text, c.content.text) for c in claims] == [
        ("said", "it was disappointed"),
        ("argued", "it had followed every rule"),
    ]


def test_participle_adds_second_claim(claims_of):
    text = "The mayor said the bridge would reopen in May, adding that tolls would stay the same."
    first, second = claims_of(text)
    assert shape(first) == (
        "The mayor",
        "The mayor",
        "said",
        "say",
        "the bridge would reopen in May",
        "indirect",
    )
    assert shape(second) == (
        "The mayor",
        "The mayor",
        "adding",
        "add",
        "tolls would stay the same",
        "indirect",
    )
    assert first.text == second.text == text


def test_participle_after_plain_verb_takes_its_subject(claims_of):
    claim = only(
        claims_of("Union leaders rejected the offer, arguing that it failed to cover inflation.")
    )
    assert shape(claim) == (
        "Union leaders",
        "Union leaders",
        "arguing",
        "argue",
        "it failed to cover inflation",
        "indirect",
    )


def test_subordinate_second_cue_splits_content(claims_of):
    first, second = claims_of(
        "Maria Okafor said the trial had gone well, though she conceded that costs had doubled."
    )
    assert (first.cue.text, first.content.text) == ("said", "the trial had gone well")
    assert (second.source.text, second.cue.text, second.content.text) == (
        "she",
        "conceded",
        "costs had doubled",
    )


def test_embedded_question_is_not_a_claim(claims_of):
    assert (
        claims_of(
            "The ministry issued a statement on Monday, explaining why the border had been closed."
        )
        == []
    )


def test_cue_after_appositive_subject(claims_of):
    claim = only(
        claims_of("Harbourline, the regional ferry operator, estimated that fares would rise.")
    )
    assert (claim.source.text, claim.cue.text, claim.content.text) == (
        "Harbourline",
        "estimated",
        "fares would rise",
    )


def test_cue_tagged_as_noun(claims_of):
    claim = only(claims_of("Nordvik Energy forecast on Monday that its output would fall sharply."))
    assert shape(claim) == (
        "Nordvik Energy",
        "Nordvik Energy",
        "forecast",
        "forecast",
        "its output would fall sharply",
        "indirect",
    )
    assert claim.statement_date == "2024-03-11"


def test_figure_object_is_a_claim(claims_of):
    claim = only(claims_of("The weather service predicted a 60% chance of snow."))
    assert (claim.source.text, claim.cue.text, claim.content.text, claim.kind) == (
        "The weather service",
        "predicted",
        "a 60% chance of snow",
        "indirect",
    )


def test_object_without_figure_is_not_a_claim(claims_of):
    assert claims_of("The company announced the merger on Friday.") == []


def test_second_cue_shares_statement_date(claims_of):
    first, second = claims_of(
        "The regulator warned on Tuesday that prices could rise, adding that supplies were tight."
    )
    assert (first.content.text, first.statement_date) == ("prices could rise", "2024-03-12")
    assert (second.content.text, second.statement_date) == ("supplies were tight", "2024-03-12")


def test_that_clause_after_reduced_relative(claims_of):
    claim = only(
        claims_of(
            "The charity warned in a paper published last week that rents would keep climbing."
        )
    )
    assert (claim.cue.text, claim.content.text, claim.statement_date) == (
        "warned",
        "rents would keep climbing",
        "2024-W10",
    )


def test_figure_object_of_coordinated_verb_is_not_a_claim(claims_of):
    text = "Selwyn Marsh has 4,000 staff and reported revenue of $2 billion last year."
    assert claims_of(text) == []


def test_organisation_named_like_a_document(claims_of):
    claim = only(
        claims_of("Chile mines most of the world's lithium, according to the US Geological Survey.")
    )
    assert (claim.source.text, claim.source.canonical, claim.source.type) == (
        "the US Geological Survey",
        "US Geological Survey",
        "organization",
    )


def test_name_after_a_description_is_the_source(claims_of):
    claim = only(
        claims_of("The farmers' lobby Terravox said in a statement that fuel costs had doubled.")
    )
    assert (claim.source.text, claim.source.canonical) == (
        "The farmers' lobby Terravox",
        "Terravox",
    )
    assert claim.content.text == "fuel costs had doubled"


def test_description_and_name_after_the_content(claims_of):
    claim = only(
        claims_of(
            "One in five tenants is behind on rent, the housing charity Homewell said on Monday."
        )
    )
    assert shape(claim) == (
        "the housing charity Homewell",
        "Homewell",
        "said",
        "say",
        "One in five tenants is behind on rent",
        "indirect",
    )


def test_person_of_a_named_group_keeps_the_group(claims_of):
    text = (
        "Housing advocate Mira Holt of the group Calgary Tenant Voices said the rent cap "
        "was too weak."
    )
    claim = only(claims_of(text))
    assert (claim.source.text, claim.source.canonical, claim.source.type) == (
        "Housing advocate Mira Holt of the group Calgary Tenant Voices",
        "Mira Holt",
        "person",
    )


def test_abbreviated_title_stays_in_the_source(claims_of):
    claim = only(claims_of("Coun. Dana Whitfield said the library would stay open on Sundays."))
    assert (claim.source.text, claim.source.canonical) == ("Coun. Dana Whitfield", "Dana Whitfield")
    assert claim.text == "Coun. Dana Whitfield said the library would stay open on Sundays."


def test_acronym_in_brackets_belongs_to_the_source(claims_of):
    claim = only(
        claims_of("The Coastal Fisheries Board (CFB) said the cod quota would be cut by a third.")
    )
    assert claim.source.text == "The Coastal Fisheries Board (CFB)"
    assert "(" not in claim.source.canonical
    assert claim.content.text == "the cod quota would be cut by a third"


def test_definite_description_takes_its_unnamed_antecedent(claims_of):
    claims = claims_of(
        "A Brightmoor spokesperson said the plant would reopen in May. "
        "The spokesperson added that no jobs would be lost."
    )
    assert [(c.source.text, c.source.canonical) for c in claims] == [
        ("A Brightmoor spokesperson", "A Brightmoor spokesperson"),
        ("The spokesperson", "A Brightmoor spokesperson"),
    ]


def test_definite_description_takes_a_named_antecedent(claims_of):
    claims = claims_of(
        "Fisheries Minister Tomas Ekberg said the quota would be cut. "
        "The minister said the cut was needed to save the stock."
    )
    assert [c.source.canonical for c in claims] == ["Tomas Ekberg", "Tomas Ekberg"]


def test_description_ignores_nouns_inside_a_modifier(claims_of):
    claims = claims_of(
        "A person familiar with the company said the sale was close. "
        "The company said it would not comment on rumours."
    )
    assert [(c.source.text, c.source.canonical) for c in claims] == [
        ("A person familiar with the company", "A person familiar with the company"),
        ("The company", "The company"),
    ]


def test_surname_takes_the_full_name_said_earlier(claims_of):
    claims = claims_of(
        "Jean-Luc Marchetti-Dubois opened the hearing on Monday. "
        "Marchetti-Dubois said the firm had misled investors."
    )
    claim = only(claims)
    assert (claim.source.text, claim.source.canonical, claim.source.type) == (
        "Marchetti-Dubois",
        "Jean-Luc Marchetti-Dubois",
        "person",
    )


def test_surname_with_a_particle_and_a_title(claims_of):
    claim = only(
        claims_of(
            "Port chief Anke van Rooijen met the unions on Friday. "
            "Ms van Rooijen said the talks had failed."
        )
    )
    assert (claim.source.text, claim.source.canonical) == ("Ms van Rooijen", "Anke van Rooijen")


def test_full_name_stops_at_a_capitalised_role(claims_of):
    claim = only(
        claims_of(
            "Mayor Petra Lindqvist opened the bridge on Friday. "
            "Lindqvist said the toll would be scrapped."
        )
    )
    assert claim.source.canonical == "Petra Lindqvist"


def test_pronoun_that_is_the_subject_stays_in_content(claims_of):
    claim = only(claims_of("Residents of the valley said that seemed unfair."))
    assert shape(claim) == (
        "Residents of the valley",
        "Residents of the valley",
        "said",
        "say",
        "that seemed unfair",
        "indirect",
    )


def test_possessive_inside_an_organisation_name(claims_of):
    claim = only(
        claims_of("The Dairy Farmers' Union said on Monday that feed prices had risen sharply.")
    )
    assert (claim.source.text, claim.source.canonical, claim.source.type) == (
        "The Dairy Farmers' Union",
        "Dairy Farmers' Union",
        "organization",
    )


def test_named_organisation_noun_loses_its_article(claims_of):
    claim = only(claims_of("The Chilean navy said two fishing boats had sunk in the storm."))
    assert (claim.source.text, claim.source.canonical) == ("The Chilean navy", "Chilean navy")


def test_description_with_a_phrase_after_it_keeps_its_article(claims_of):
    claim = only(claims_of("The regional government in the north said the roads had reopened."))
    assert claim.source.canonical == "The regional government in the north"


def test_organisation_named_later_by_its_first_words(claims_of):
    claims = claims_of(
        "Brightwater Solar Systems builds panels in Ohio. "
        "Brightwater said on Monday that it would hire 300 workers."
    )
    claim = only(claims)
    assert (claim.source.text, claim.source.canonical, claim.source.type) == (
        "Brightwater",
        "Brightwater Solar Systems",
        "organization",
    )


def test_hyphenated_surname_takes_the_full_name(claims_of):
    claims = claims_of(
        "The hospital is run by Dr. Amara Okafor-Reyes. "
        "Okafor-Reyes said the new wing would open in May."
    )
    claim = only(claims)
    assert (claim.source.text, claim.source.canonical, claim.source.type) == (
        "Okafor-Reyes",
        "Amara Okafor-Reyes",
        "person",
    )
