"""Coding in context: agents, titles and appositions, dated roles, ambiguity, acronyms, lists."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, span, expected", [
    ("Egyptian police arrested dozens.", "Egyptian police", ("EGYCOP", "EGY", "COP", "state")),
    ("Iranian students gathered outside.", "Iranian students", ("IRNEDU", "IRN", "EDU", "group")),
    ("Several authoritarian Arab regimes condemned it.", "Arab regimes", ("ARBGOV", None, "GOV", "group")),
    ("Britain's parliament voted.", "Britain's parliament", ("GBRLEG", "GBR", "LEG", "state")),
    ("The army of Egypt deployed.", "army of Egypt", ("EGYMIL", "EGY", "MIL", "state")),
    ("Hamas officials denied it.", "Hamas officials", ("HAMAS", "PSE", "REB", "organization")),
    ("The Hamas-run health ministry said 20 died.", "Hamas-run health ministry", ("HAMAS", "PSE", "REB",
                                                                                "organization")),
    ("A US terrorist attack killed him.", "US", ("USA", "USA", None, "state")),
])
def test_agents(code, text, span, expected, mention):
    a = mention(code(text), span)
    assert (a.code, a.country, a.sector, a.kind) == expected


def test_modifiers_are_not_actors(code):
    state = code("The Iran-backed militias and non-Iranian fighters clashed.")
    assert not any(m.actor.code == "IRN" for m in state.mentions)


def test_verbs_do_not_make_agents(code, mention):
    state = code("Egypt hosted world leaders at the summit.")
    assert mention(state, "Egypt").code == "EGY"


@pytest.mark.parametrize("text, name, date, code_", [
    ("Iran's Foreign Minister, Hossein Amir Abdollahian, met envoys.", "Hossein Amir Abdollahian", "2022-02-09",
     "IRNGOV"),
    ("President Ebrahim Raisi addressed the assembly.", "Ebrahim Raisi", "2023-09-21", "IRNGOV"),
    ("Judiciary chief Ebrahim Raisi ordered an inquiry.", "Ebrahim Raisi", "2020-11-02", "IRNJUD"),
    ("Palestinian Prime Minister Ismail Haniyeh met diplomats.", "Ismail Haniyeh", "2006-05-02", "PSEGOV"),
    ("Ismail Haniyeh met diplomats.", "Ismail Haniyeh", "2021-12-25", "HAMAS"),
    ("Qasem Soleimani was remembered.", "Qasem Soleimani", "2023-01-03", "IRNMIL"),  # former: last role
])
def test_people_are_coded_for_the_article_date(code, text, name, date, code_, mention):
    a = mention(code(text, date), name)
    assert a.kind == "person" and a.code == code_ and a.affiliation == code_


@pytest.mark.parametrize("text, name, expected", [
    ("Ahmed Nasser, the foreign minister of Sudan, said the truce held.", "Ahmed Nasser", ("SDNGOV", "SDN", "GOV")),
    ("Egypt's foreign minister, Sameh Shoukry, warned Israel.", "Sameh Shoukry", ("EGYGOV", "EGY", "GOV")),
    ("Hamas spokesman Fawzi Barhoum welcomed the release.", "Fawzi Barhoum", ("HAMAS", "PSE", "REB")),
    ("Karim Bouzid, a spokesman for the Algerian foreign ministry, objected.", "Karim Bouzid",
     ("DZAGOV", "DZA", "GOV")),
    ("Gangs in Haiti forced Prime Minister Ariel Henry to resign.", "Ariel Henry", ("HTIGOV", "HTI", "GOV")),
    ("The head of the Political Bureau of Hamas, Omar Example, spoke.", "Omar Example", ("HAMAS", "PSE", "REB")),
])
def test_people_not_in_the_base_are_coded_from_their_title(code, text, name, expected, mention):
    a = mention(code(text), name)
    assert a.kind == "person" and (a.code, a.country, a.sector) == expected


def test_unknown_people_keep_their_code_on_later_surname(code, mention):
    state = code("Ahmed Nasser, the foreign minister of Sudan, arrived. Nasser then met the envoy.")
    assert mention(state, "Nasser").code == "SDNGOV"


@pytest.mark.parametrize("text, span, code_", [
    ("Jordan recalled its ambassador from Israel.", "Jordan", "JOR"),
    ("King Abdullah of Jordan met Biden.", "Jordan", "JOR"),
    ("Michael Jordan's sneakers sold at auction.", "Jordan", None),
    ("Georgia's parliament passed the law despite protests in Tbilisi.", "Georgia's parliament", "GEOLEG"),
    ("Republicans in Georgia hoped to win the Senate race near Atlanta.", "Georgia", None),
    ("Sudanese refugees crossed into Chad.", "Chad", "TCD"),
    ("Chad Smith scored twice.", "Chad", None),
    ("Soldiers in Niger detained the president.", "Niger", "NER"),
    ("Gunmen attacked a village in the Niger Delta.", "Niger", None),
])
def test_ambiguous_names(code, text, span, code_, mention):
    a = mention(code(text), span)
    assert (a.code if a else None) == code_


@pytest.mark.parametrize("text, span, code_", [
    ("Tehran said it would not renegotiate.", "Tehran", "IRN"),
    ("Washington imposed fresh sanctions on Moscow.", "Washington", "USA"),
    ("Washington imposed fresh sanctions on Moscow.", "Moscow", "RUS"),
    ("Iranian students gathered in Tehran.", "Tehran", None),
    ("The missiles can reach Tel Aviv.", "Tel Aviv", None),
    ("Protesters filled Tehran's Azadi Square.", "Tehran", None),
])
def test_capitals_are_governments_only_as_metonyms(code, text, span, code_, mention):
    a = mention(code(text), span)
    assert (a.code if a else None) == code_


def test_acronym_in_parentheses_introduces_a_new_actor(code, mention):
    state = code("The Sahel Liberation Front (SLF) claimed the attack. Later the SLF said more would follow.")
    codes = [(m.text, m.actor.code) for m in state.mentions if m.actor.code == "SLF"]
    assert codes == [("Sahel Liberation Front", "SLF"), ("SLF", "SLF"), ("SLF", "SLF")]
    assert mention(state, "SLF").sector == "REB"


def test_acronym_in_parentheses_aliases_a_known_actor(code):
    state = code("The Islamic Resistance Movement (Hamas) rejected the plan.")
    assert {m.actor.code for m in state.mentions} == {"HAMAS"}


def test_a_list_stays_three_actors(code, mention):
    state = code("Hamas' relationship with Iran angered Saudi Arabia, Egypt, and the UAE.")
    listed = [m for m in state.mentions if m.text in ("Saudi Arabia", "Egypt", "UAE")]
    assert [m.actor.code for m in listed] == ["SAU", "EGY", "ARE"]
    assert len({m.actor.key for m in listed}) == 3
    assert listed[0].coordination is not None and len({m.coordination for m in listed}) == 1
    assert mention(state, "Iran").code == "IRN" and not any(m.text == "Iran" and m.coordination for m in
                                                             state.mentions)


def test_group_with_members(code, mention):
    a = mention(code("Gulf countries called for restraint."), "Gulf countries")
    assert a.kind == "group" and a.code == "PGS" and "SAU" in a.members


def test_nothing_crashes_on_odd_text(code):
    for text in ["", "...", "ÆØÅ İstanbul ﬁne", "(((", "Hamas (", "A) B (C D (E)", "he she it they"]:
        code(text)


def test_a_person_with_two_roles_takes_the_one_the_context_names():
    from eventcoder.actors.knowledge import build
    from eventcoder.actors.stage import code_actors
    from eventcoder.document import Article
    from eventcoder.pipeline import Analysis
    from eventcoder.text.sentences import split_sentences

    kb = build({
        "states.tsv": "SDN\tSudan\t\tSudanese\tKhartoum\t\n",
        "organizations.tsv": "RSF\tRSF\tRapid Support Forces\tRSF\tSDN\tREB\torganization\n",
        "people/x.tsv": "Mohamed Dagalo\tHemedti\tSDN\tRSF\tREB\tRSF commander\t2013\t\n"
                        "Mohamed Dagalo\tHemedti\tSDN\tSDNGOV\tGOV\tDeputy head of state\t2019-08-21\t2023-05-19\n",
    })

    def coded(text):
        state = Analysis(article=Article(id="x", text=text, published="2023-05-01"))
        state.sentences = split_sentences(text)
        state.parses = [None] * len(state.sentences)
        code_actors(kb, state)
        return next(m.actor.code for m in state.mentions if m.text == "Hemedti")

    assert coded("Hemedti met the envoy.") == "SDNGOV"  # an office of state first
    assert coded("The RSF fought on. Hemedti met the envoy.") == "RSF"  # the article is about the RSF
