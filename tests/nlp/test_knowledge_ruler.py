"""The knowledge layer: patterns follow the knowledge files, and the merge keeps the better of model and knowledge."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from eventcoder.nlp.knowledge import SPANS_KEY, _data, knowledge_patterns, merge_knowledge, read_tsv


def test_patterns_follow_the_actor_knowledge_base():
    patterns = dict(knowledge_patterns())
    states = read_tsv(_data("actors", "states.tsv"))
    organisations = read_tsv(_data("actors", "organizations.tsv"))
    if states:
        row = next(r for r in states if r["adjectives"] and not r["not_if"])
        assert patterns[row["name"]] == "LOC"
        assert patterns[row["adjectives"].split("|")[0]] == "NORP"
    if organisations:
        name = next(r["name"] for r in organisations if r["name"][:1].isupper())
        assert patterns[name] in ("ORG", "PER")  # a name both a person and an organisation keeps the first
    assert "Nice" not in patterns  # listed with label "-" in data/nlp/places.tsv
    assert patterns["Soviet Union"] == "LOC"  # a former state, from data/nlp/places.tsv
    party_plurals = [a for r in organisations if r.get("sector") == "PTY" for a in r.get("aliases", "").split("|")
                     if a in ("Democrats", "Tories")]
    assert all(patterns[a] == "NORP" for a in party_plurals)  # members of a party are people (people_groups.txt)


def _doc(text: str, ents: list[tuple[int, int, str]], known: list[tuple[int, int, str]]):
    doc = spacy.blank("en").make_doc(text)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    doc.spans[SPANS_KEY] = [Span(doc, s, e, label=lab) for s, e, lab in known]
    return merge_knowledge(doc)


def test_knowledge_relabels_the_same_span():
    doc = _doc("Hossein Amir Abdollahian spoke .", [(0, 3, "ORG")], [(0, 3, "PER")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Hossein Amir Abdollahian", "PER")]


def test_longer_model_entity_wins_over_knowledge_inside_it():
    doc = _doc("Environment Canada warned .", [(0, 2, "ORG")], [(1, 2, "LOC")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Environment Canada", "ORG")]


def test_longer_knowledge_match_replaces_model_fragment_and_fills_gaps():
    doc = _doc("The Gaza Strip and Iranian forces .", [(2, 3, "ORG")], [(1, 3, "LOC"), (4, 5, "NORP")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Gaza Strip", "LOC"), ("Iranian", "NORP")]


def test_model_entity_swallowing_known_names_gives_way():
    doc = _doc("Quds Force Commander Qasem Soleimani died .", [(0, 5, "ORG")], [(0, 2, "ORG"), (3, 5, "PER")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Quds Force", "ORG"), ("Qasem Soleimani", "PER")]


def test_titled_match_keeps_the_name_and_titles_leave_model_entities():
    doc = _doc("Senator Ann Dale met Professor Tom Ray .", [(0, 3, "ORG")], [(4, 7, "TITLED_PER")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Ann Dale", "ORG"), ("Tom Ray", "PER")]


def test_facility_and_title_patterns_come_from_the_data_files():
    from eventcoder.nlp.knowledge import token_patterns

    labels = {p["label"] for p in token_patterns()}
    assert labels == {"LOC", "ORG", "MISC", "TITLED_PER", "ROLE_PER"}


def test_articles_possessives_and_titles_leave_the_edges():
    doc = _doc("the New York Times quoted al-Sadr 's aide and President Bush .",
               [(0, 4, "ORG"), (5, 9, "PER")], [(11, 13, "PER")])
    assert [(e.text, e.label_) for e in doc.ents] == [("New York Times", "ORG"), ("al-Sadr", "PER"), ("Bush", "PER")]


def test_entities_take_or_leave_whole_hyphenated_words():
    # tokens: the pro - Beijing camp , Iran - backed groups , Muqtada al - Sadr , Kwok Wai - keung , Google - Mozilla
    doc = _doc("the pro-Beijing camp, Iran-backed groups, Muqtada al-Sadr, Kwok Wai-keung, Google-Mozilla",
               [(3, 4, "LOC"), (6, 7, "LOC"), (11, 12, "PER"), (16, 18, "PER"), (21, 22, "ORG")], [])
    assert [(e.text, e.label_) for e in doc.ents] == [("Muqtada al-Sadr", "PER"), ("Kwok Wai-keung", "PER"),
                                                      ("Google", "ORG")]


def test_an_event_name_drops_the_entities_at_its_head_but_keeps_names_inside():
    doc = _doc("the FIFA World Cup and the Berlin Film Festival began .",
               [(1, 4, "ORG"), (6, 9, "LOC")], [(1, 4, "MISC"), (6, 9, "MISC"), (6, 7, "LOC")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Berlin", "LOC")]


def test_newspapers_natural_features_and_events_are_read_from_the_word_lists():
    from eventcoder.nlp.knowledge import add_knowledge_ruler

    nlp = add_knowledge_ruler(spacy.blank("en"))  # no statistical NER: only the layer labels
    words = ["The", "Springfield", "Herald", "reported", "from", "the", "Ashby", "River", "before", "the",
             "Ashby", "Cup", "."]
    doc = Doc(nlp.vocab, words=words, tags=["DT", "NNP", "NNP", "VBD", "IN", "DT", "NNP", "NNP",
                                                          "IN", "DT", "NNP", "NNP", "."])
    for _, pipe in nlp.pipeline:  # the words come tagged, as the tagger would leave them
        doc = pipe(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Springfield Herald", "ORG"), ("Ashby River", "LOC")]


def test_names_after_a_role_noun_are_people_where_the_model_and_the_lists_have_nothing_else():
    doc = _doc("actor Jo Bell met singer Ada Lark and leader Vale Party .", [(5, 7, "LOC"), (9, 11, "ORG")],
               [(0, 3, "ROLE_PER"), (4, 7, "ROLE_PER"), (8, 11, "ROLE_PER"), (9, 11, "ORG")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Jo Bell", "PER"), ("Ada Lark", "PER"), ("Vale Party", "ORG")]


def test_organisation_names_with_of_for_and_and_come_from_the_head_words():
    from eventcoder.nlp.knowledge import add_knowledge_ruler

    nlp = add_knowledge_ruler(spacy.blank("en"))
    words = ["the", "Department", "of", "Housing", "and", "Urban", "Development", "and", "the", "Council", "for",
             "Arctic", "Studies", "met"]
    tags = ["DT", "NNP", "IN", "NNP", "CC", "NNP", "NNP", "CC", "DT", "NNP", "IN", "NNP", "NNP", "VBD"]
    doc = Doc(nlp.vocab, words=words, tags=tags)
    for _, pipe in nlp.pipeline:
        doc = pipe(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Department of Housing and Urban Development", "ORG"),
                                                      ("Council for Arctic Studies", "ORG")]


def test_a_trailing_function_word_leaves_the_entity():
    doc = spacy.blank("en").make_doc("Claudia Mo of Civic Party won .")
    for token, tag in zip(doc, ["NNP", "NNP", "IN", "NNP", "NNP", "VBD", "."]):
        token.tag_ = tag
    doc.ents = [Span(doc, 0, 3, label="PER")]
    doc.spans[SPANS_KEY] = []
    assert [(e.text, e.label_) for e in merge_knowledge(doc).ents] == [("Claudia Mo", "PER")]
