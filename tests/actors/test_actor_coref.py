"""Coreference: pronouns and definite descriptions to the right antecedent."""

from __future__ import annotations


def test_he_and_him(code, mention):
    state = code("In January 2020, Ismail Haniyeh spoke at General Qasem Soleimani's funeral when he called him "
                 "a martyr.", "2021-12-25")
    assert mention(state, "he").name == "Ismail Haniyeh"
    assert mention(state, "him").name == "Qasem Soleimani"


def test_passive_agent_is_the_subject(code, mention):
    state = code("The message was sent to Ismail Haniyeh by Ayatollah Ali Khamenei when he said it.", "2021-12-25")
    assert mention(state, "he").name == "Ali Khamenei"


def test_it_and_expletive_it(code):
    state = code("Turkey said it would back the bid. It appears that talks will resume.")
    its = [m for m in state.mentions if m.text.lower() == "it"]
    assert [m.actor.code for m in its] == ["TUR"]


def test_they_takes_a_list(code):
    state = code("The disagreements involve the Palestinian Authority and Fatah. They consider the axis harmful.")
    assert sorted(m.actor.code for m in state.mentions if m.text == "They") == ["FATAH", "PSEGOV"]


def test_they_takes_a_plural_body(code):
    state = code("Gabonese soldiers appeared on state television. They said they had seized power.")
    assert {m.actor.code for m in state.mentions if m.text.lower() == "they"} == {"GABMIL"}


def test_descriptions(code, mention):
    state = code("Iran's Foreign Minister, Hossein Amir Abdollahian, called the head of the Political Bureau of "
                 "Hamas, Ismail Haniyeh, congratulating the movement. The Iranian minister condemned Britain. "
                 "General Qasem Soleimani helped Hamas. It was through the general that Iran helped. "
                 "This effort by the Hamas leader was welcomed.", "2021-12-25")
    assert mention(state, "movement").code == "HAMAS"
    assert mention(state, "Iranian minister").name == "Hossein Amir-Abdollahian"
    assert mention(state, "general").name == "Qasem Soleimani"
    assert mention(state, "Hamas leader").name == "Ismail Haniyeh"


def test_the_police_belong_to_the_state_in_focus(code, mention):
    state = code("Protests spread across Kenya on Tuesday. The police fired tear gas.")
    assert mention(state, "police").code == "KENCOP"


def test_no_antecedent_no_guess(code):
    state = code("He said the movement would respond.")
    assert not any(m.text in ("He", "movement") for m in state.mentions)


def test_the_group_takes_the_last_sentence_s_subject(code, mention):
    state = code("The Taliban banned women from working for the UN. The group said the rule would stay.")
    assert mention(state, "group").code == "TALIBAN"


def test_the_military_is_that_of_the_state_in_focus(code, mention):
    state = code("Israeli troops killed three hostages in Gaza, the military said. The military capacity grew.")
    assert mention(state, "military").code == "ISRMIL"
    assert len([m for m in state.mentions if m.text == "military"]) == 1  # "the military capacity" is no actor


def test_an_ownerless_state_body_joins_the_state_the_article_is_about(code, mention):
    state = code("Iranian security forces arrested protesters. Iran's judiciary warned them. The United States "
                 "imposed sanctions. An interior ministry spokesman rejected the move.")
    assert mention(state, "interior ministry spokesman").code == "IRNCOP"
    state = code("Iran and the United States traded accusations. An interior ministry spokesman rejected them.")
    assert mention(state, "interior ministry spokesman").code == "COP"  # no state dominates: country unknown


def test_possessive_pronouns_own_the_noun(code, mention):
    assert mention(code("Israel said its troops killed two gunmen."), "troops").code == "ISRMIL"
    assert mention(code("Hamas said its fighters fired rockets."), "fighters").code == "HAMAS"
    state = code("Benjamin Netanyahu said his government would respond.", "2024-01-01")
    assert mention(state, "government").code == "ISRGOV"
    state = code("Egypt and Jordan said their armies were on alert.")
    assert mention(state, "armies").code == "MIL"  # two owners: the noun is left without a country
