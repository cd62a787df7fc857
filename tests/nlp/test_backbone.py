"""The shipped backbone: loads offline, and parses the news constructions the event coder reads correctly.

Dependency labels are Universal Dependencies (nsubj, obj, nsubj:pass, obl:agent, appos, conj; ROOT for the root).
"""

from __future__ import annotations

import pytest

from eventcoder.nlp.knowledge import MERGE_NAME, RULER_NAME
from eventcoder.nlp.parse import backbone_path, load_backbone

pytestmark = pytest.mark.backbone


@pytest.fixture(scope="module")
def nlp():
    assert backbone_path() is not None, "no trained backbone in eventcoder/models/backbone"
    return load_backbone()


def token(doc, text: str):
    return next(t for t in doc if t.text == text)


def test_shipped_pipeline_has_every_stage(nlp):
    for name in ("tok2vec", "tagger", "parser", "lemmatizer", "ner", RULER_NAME, MERGE_NAME):
        assert name in nlp.pipe_names


def test_subject_and_object_of_a_transitive_verb(nlp):
    doc = nlp("Iran condemned Britain.")
    verb = token(doc, "condemned")
    assert verb.dep_ == "ROOT"
    assert token(doc, "Iran").dep_ == "nsubj" and token(doc, "Iran").head == verb
    assert token(doc, "Britain").dep_ == "obj" and token(doc, "Britain").head == verb


def test_passive_subject(nlp):
    doc = nlp("Soleimani was killed in a US attack.")
    killed = token(doc, "killed")
    assert token(doc, "Soleimani").dep_ == "nsubj:pass"
    assert token(doc, "Soleimani").head == killed
    assert token(doc, "attack").head == killed and token(doc, "attack").dep_.startswith("obl")


def test_passive_agent(nlp):
    doc = nlp("The commander was killed by an American drone.")
    drone = token(doc, "drone")
    assert drone.head == token(doc, "killed")
    assert drone.dep_ in ("obl:agent", "obl")
    assert token(doc, "by").head == drone


def test_apposition_names_the_title(nlp):
    doc = nlp("Iran's Foreign Minister, Hossein Amir Abdollahian, called Ismail Haniyeh.")
    minister = token(doc, "Minister")
    appos = [t for t in minister.children if t.dep_ == "appos"]
    assert appos and appos[0].text in ("Hossein", "Abdollahian")
    assert token(doc, "Iran").head == minister and token(doc, "Iran").dep_ == "nmod:poss"


def test_titled_subject_with_apposition(nlp):
    doc = nlp("Iran's Foreign Minister, Hossein Amir Abdollahian, condemned the attack.")
    minister = token(doc, "Minister")
    assert minister.dep_ == "nsubj" and minister.head == token(doc, "condemned")
    assert token(doc, "attack").dep_ == "obj"


def test_conjunction_chain(nlp):
    doc = nlp("Saudi Arabia, Egypt and the UAE imposed a blockade on Qatar.")
    arabia = token(doc, "Arabia")
    assert arabia.dep_ == "nsubj" and arabia.head == token(doc, "imposed")
    conjuncts = {t.text for t in arabia.conjuncts}
    assert {"Egypt", "UAE"} <= conjuncts


def test_news_abbreviations_stay_whole(nlp):
    doc = nlp.make_doc("Gen. Qassem Soleimani met U.S. and U.K. envoys in St. Petersburg.")
    texts = [t.text for t in doc]
    for abbreviation in ("Gen.", "U.S.", "U.K.", "St."):
        assert abbreviation in texts


def test_sentences_and_lemmas(nlp):
    doc = nlp("Israeli forces killed two men in Jenin. The army said they were militants.")
    assert len(list(doc.sents)) == 2
    assert token(doc, "killed").lemma_ == "kill"
    assert token(doc, "forces").lemma_ == "force"


def test_knowledge_layer_finds_news_places(nlp):
    doc = nlp("Protesters gathered in Tehran and Baghdad on Friday.")
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents.get("Tehran") == "LOC" and ents.get("Baghdad") == "LOC"


def test_knowledge_layer_reads_facilities_and_titled_names(nlp):
    doc = nlp("The plane landed at Kandahar International Airport, said spokeswoman Maria Verhoeven.")
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents.get("Kandahar International Airport") == "LOC"
    assert ents.get("Maria Verhoeven") == "PER"
    assert "spokeswoman Maria Verhoeven" not in ents


def test_knowledge_layer_cuts_every_stacked_title(nlp):
    doc = nlp("A spokesman for the army, Brig. Gen. Fadi Abou Zeid, said the border was calm.")
    names = [e.text for e in doc.ents if e.label_ == "PER"]
    assert "Fadi Abou Zeid" in names and not any("Gen." in name for name in names)


def test_knowledge_layer_reads_organisation_names(nlp):
    doc = nlp("The Ministry of Foreign Affairs said the Supreme Court would rule on Monday.")
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents.get("Ministry of Foreign Affairs") == "ORG"
    assert ents.get("Supreme Court") == "ORG"
