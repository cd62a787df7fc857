"""Code choice by the conventions of bench/data/GUIDELINES.md ("Conventions for choosing the code")."""

from __future__ import annotations

from types import SimpleNamespace

from eventcoder.actors.knowledge import fold
from eventcoder.actors.match import find_hits
from eventcoder.actors.resolve import DocContext, resolve_sentence
from eventcoder.actors.stage import _persons


def _parse(text: str, *ents: tuple[str, str]):
    """A stand-in for a spaCy Doc with only named entities: the text and (entity text, label) pairs."""
    spans = [SimpleNamespace(text=t, start_char=text.index(t), end_char=text.index(t) + len(t), label_=label)
             for t, label in ents]
    return SimpleNamespace(has_annotation=lambda name: name == "ENT_IOB", ents=spans, text=text)


def test_person_entities_of_either_label_scheme_are_read():
    parse = _parse("Ahmed Nasser met Mona Said in Cairo.", ("Ahmed Nasser", "PER"), ("Mona Said", "PERSON"),
                   ("Cairo", "LOC"))
    assert _persons(parse) == [(0, 12), (17, 26)]


def test_a_person_in_capitals_is_a_misread_dateline():
    parse = _parse("JEDDAH, May 21 - Ahmed Nasser said.", ("JEDDAH", "PER"), ("Ahmed Nasser", "PER"))
    assert _persons(parse) == [(17, 29)]


def test_a_one_word_person_needs_a_form_of_address():
    text = "Ethiopian forces took control of Mekelle, Mr Abiy said."
    parse = _parse(text, ("Mekelle", "PER"), ("Abiy", "PER"))
    assert _persons(parse) == [(text.index("Abiy"), text.index("Abiy") + 4)]


def _resolve(kb, text: str, persons=(), date: str = "2023-06-01"):
    ctx = DocContext(kb, date)
    found = resolve_sentence(ctx, text, fold(text), find_hits(kb, text, fold(text), False), False, list(persons))
    return {text[f.start:f.end]: f.ref for f in found if f.ref is not None}


def test_an_unknown_person_takes_an_ownerless_title_in_apposition(kb):
    text = "Nadia Karimi, a student leader, led a sit-in."
    refs = _resolve(kb, text, [(0, 12)])
    assert refs["Nadia Karimi"].code == "EDU" and refs["Nadia Karimi"].kind == "person"


def test_an_unknown_person_without_a_title_stays_uncoded(kb):
    text = "Nadia Karimi led a sit-in outside the ministry."
    assert _resolve(kb, text, [(0, 12)])["Nadia Karimi"].code is None


def test_the_title_in_the_text_picks_among_roles_held_at_once(kb):
    """Guaido in 2019 both sat in parliament and claimed the interim presidency: "as interim president" names the
    second role, the opposition's (GUIDELINES: an opposition leader claiming an office is XXXOPP)."""
    text = "Brazil endorsed Juan Guaido as Venezuela's interim president."
    assert _resolve(kb, text, date="2019-02-01")["Juan Guaido"].code == "VENOPP"


def test_a_demonym_before_a_place_lived_in_is_its_people(code, mention):
    """GUIDELINES, Codes: places: "attacked Israeli towns" -> ISRCVL; a place only locating something is no actor."""
    assert mention(code("Gunmen attacked Israeli border towns."), "Israeli border towns").code == "ISRCVL"
    assert mention(code("Troops shelled Armenian villages."), "Armenian villages").code == "ARMCVL"
    state = code("Rioters gathered in the Northern Irish town of Ballymena.")
    assert mention(state, "Northern Irish").code == "GBR"
    assert mention(code("The council condemned Israeli settlement building."), "Israeli").code == "ISR"


def test_people_named_by_what_they_are_to_the_story_are_civilians(code, mention):
    assert mention(code("Gunmen released a group of Bangladeshi guests."), "Bangladeshi guests").code == "BGDCVL"
    assert mention(code("The court freed a jailed Australian drug convict."),
                   "Australian drug convict").code == "AUSCVL"


def test_envoys_of_states_are_their_governments(code, mention):
    """GUIDELINES, Codes: envoys: diplomats, envoys and delegations of a state are XXXGOV."""
    state = code("US and Russian delegations held talks in Riyadh.")
    assert mention(state, "US").code == "USAGOV" and mention(state, "Russian delegations").code == "RUSGOV"
    state = code("Envoys from the United States and Iran held talks in Muscat.")
    assert mention(state, "Envoys from the United States").code == "USAGOV"
    assert mention(state, "Iran").code == "IRNGOV"
    assert mention(code("Vietnam bought fighter jets from Russia."), "Russia").code == "RUS"


def test_a_title_with_its_state_names_the_right_king(code, mention):
    state = code("Egypt's president received a call from King Abdullah of Saudi Arabia.", "2014-06-09")
    assert mention(state, "King Abdullah of Saudi Arabia").code == "SAUGOV"


def test_a_ministry_named_in_full_is_the_government_of_its_state(code, mention):
    state = code("The Ministry of Foreign Affairs of Malaysia welcomes the agreement.")
    assert mention(state, "Ministry of Foreign Affairs of Malaysia").code == "MYSGOV"


def test_a_role_described_with_no_one_named_before_is_of_the_state_in_focus(code):
    state = code("Ethiopia's parliament met on Monday. The pardon of the jailed opposition leader surprised many.")
    assert any(m.actor.code == "ETHOPP" for m in state.mentions if "opposition leader" in m.text)
    state = code("Ethiopia's parliament met on Monday. The president's speech surprised many.")
    assert not any("president" in m.text and m.actor.code for m in state.mentions)  # offices wait to be named


def test_a_sector_word_describing_a_thing_leaves_the_state_alone(code, mention):
    assert mention(code("American military aid to Israel rose."), "American").code == "USA"
    assert mention(code("American military officials met in Doha."), "American military officials").code == "USAMIL"


def test_an_acronym_listed_before_a_demonym_shares_its_noun(code, mention):
    assert mention(code("US and Iraqi forces detained 50 insurgents."), "US").code == "USAMIL"


def test_the_warring_parties_of_a_state_stand_for_it(code, mention):
    assert mention(code("Saudi Arabia brought Yemen's warring parties together."),
                   "Yemen's warring parties").code == "YEM"
    assert mention(code("Kenya will host talks between the warring parties in Sudan."), "parties").code == "SDN"
    assert mention(code("Yemen's political parties met."), "Yemen's political parties").code == "YEMPTY"
