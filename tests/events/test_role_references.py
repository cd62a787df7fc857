"""Roles and flags read beyond the trigger's own phrase: background phrases, forces moved, acts referred back to,
verbs of undergoing, misparsed main verbs, opposed labels and modality carried by governing verbs; on hand-built UD
parses (no trained backbone needed)."""

from __future__ import annotations

import spacy
from coding_helpers import ACTORS, build, dyads
from spacy.tokens import Doc

from eventcoder.document import Actor, ActorMention, Article, DocMeta, Sentence
from eventcoder.pipeline import Analysis

ACTORS.setdefault("MIL", Actor("troops", "MIL", "group", None, "MIL"))
ACTORS.setdefault("COL", Actor("Colombia", "COL", "state", "COL"))
ACTORS.setdefault("PRY", Actor("Paraguay", "PRY", "state", "PRY"))
ACTORS.setdefault("BEN", Actor("Benin", "BEN", "state", "BEN"))


def test_actor_in_a_background_phrase_is_no_target(stage):
    # "Colombia arrested the fugitive at the request of Paraguay ."
    rows = [("Colombia", 1, "nsubj", "PROPN"), ("arrested", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
            ("fugitive", 1, "obj", "NOUN"), ("at", 6, "case", "ADP"), ("the", 6, "det", "DET"),
            ("request", 1, "obl", "NOUN"), ("of", 8, "case", "ADP"), ("Paraguay", 6, "nmod", "PROPN"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "COL", (8, 8): "PRY"})
    stage(state)
    coerce = [d for d in dyads(state) if d[1] == "COERCE"]
    assert coerce and all(d[2] != "PRY" for d in coerce)


def test_the_forces_moved_are_not_the_target(stage):
    # "Abdollahian deployed troops to the border ." (the troops placed in Iran: IRNMIL, not the minister's IRNGOV)
    rows = [("Abdollahian", 1, "nsubj", "PROPN"), ("deployed", 1, "ROOT", "VERB"), ("troops", 1, "obj", "NOUN"),
            ("to", 5, "case", "ADP"), ("the", 5, "det", "DET"), ("border", 1, "obl", "NOUN"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRNGOV", (2, 2): "MIL"})
    stage(state)
    assert dyads(state) == {("IRNGOV", "MOBILIZE", None, False, False)}


def _article(sentences: list[tuple[list[tuple], dict[tuple[int, int], str]]]) -> Analysis:
    """An analysis of several hand-parsed sentences (rows, mentions as in coding_helpers.build)."""
    vocab = spacy.blank("en").vocab
    texts, docs = [], []
    for rows, _ in sentences:
        words = [r[0] for r in rows]
        spaces = [not (i + 1 < len(words) and words[i + 1] in {",", ".", "'s"}) for i in range(len(words))]
        docs.append(Doc(vocab, words=words, spaces=spaces, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
                        pos=[r[3] for r in rows]))
        texts.append(docs[-1].text)
    text = " ".join(texts)
    state = Analysis(article=Article(id="t", text=text, published="2021-12-25"))
    state.meta = DocMeta(id="t", title=None, published="2021-12-25", outlet=None, language="en")
    offset = 0
    for index, ((_, mentions), doc, part) in enumerate(zip(sentences, docs, texts)):
        state.sentences.append(Sentence(index=index, start=offset, end=offset + len(part), text=part, kind="body"))
        state.parses.append(doc)
        for (first, last), key in mentions.items():
            start, end = offset + doc[first].idx, offset + doc[last].idx + len(doc[last].text)
            state.mentions.append(ActorMention(start, end, text[start:end], index, ACTORS[key]))
        offset += len(part) + 1
    return state


def test_condemning_an_earlier_act_targets_its_doer(stage):
    # "Israel struck Hamas . Iran condemned the strikes ."
    struck = [("Israel", 1, "nsubj", "PROPN"), ("struck", 1, "ROOT", "VERB"), ("Hamas", 1, "obj", "PROPN"),
              (".", 1, "punct", "PUNCT")]
    condemned = [("Iran", 1, "nsubj", "PROPN"), ("condemned", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
                 ("strikes", 1, "obj", "NOUN"), (".", 1, "punct", "PUNCT")]
    state = _article([(struck, {(0, 0): "ISR", (2, 2): "HAMAS"}), (condemned, {(0, 0): "IRN"})])
    stage(state)
    accuse = [e for e in state.events if e.type == "ACCUSE"]
    assert [(e.source["code"], e.target["code"]) for e in accuse] == [("IRN", "ISRMIL")]


def test_condemning_the_move_targets_the_actor_named_before(stage):
    # "Ethiopia filled the dam . Egypt condemned the move ."
    filled = [("Ethiopia", 1, "nsubj", "PROPN"), ("filled", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
              ("dam", 1, "obj", "NOUN"), (".", 1, "punct", "PUNCT")]
    condemned = [("Egypt", 1, "nsubj", "PROPN"), ("condemned", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
                 ("move", 1, "obj", "NOUN"), (".", 1, "punct", "PUNCT")]
    ACTORS.setdefault("ETH", Actor("Ethiopia", "ETH", "state", "ETH"))
    state = _article([(filled, {(0, 0): "ETH"}), (condemned, {(0, 0): "EGY"})])
    stage(state)
    assert ("EGY", "ACCUSE", "ETH", False, False) in dyads(state)


def test_ignoring_an_ultimatum_rejects_its_maker(stage):
    # "Hamas ignored Egypt 's ultimatum ."
    rows = [("Hamas", 1, "nsubj", "PROPN"), ("ignored", 1, "ROOT", "VERB"), ("Egypt", 4, "nmod:poss", "PROPN"),
            ("'s", 2, "case", "PART"), ("ultimatum", 1, "obj", "NOUN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "HAMAS", (2, 2): "EGY"})
    stage(state)
    assert dyads(state) == {("HAMAS", "REJECT", "EGY", False, False)}  # the ultimatum is what is defied


def test_main_verb_misparsed_as_a_participle_keeps_its_subject(stage):
    # "Egypt called for a ceasefire ." parsed as a noun phrase: "called" an acl of the root "Egypt"
    rows = [("Egypt", 0, "ROOT", "PROPN"), ("called", 0, "acl", "VERB"), ("for", 4, "case", "ADP"),
            ("a", 4, "det", "DET"), ("ceasefire", 1, "obl", "NOUN"), (".", 0, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "EGY"})
    state.parses[0][1].tag_ = "VBN"
    stage(state)
    requests = [d for d in dyads(state) if d[1] == "REQUEST"]
    assert requests and all(d[0] == "EGY" and d[2] != "EGY" for d in requests)


def test_an_act_a_struggle_is_against_is_no_event(stage):
    # "The ties grew in the struggle against the Israeli occupation ."
    rows = [("The", 1, "det", "DET"), ("ties", 2, "nsubj", "NOUN"), ("grew", 2, "ROOT", "VERB"),
            ("in", 5, "case", "ADP"), ("the", 5, "det", "DET"), ("struggle", 2, "obl", "NOUN"),
            ("against", 9, "case", "ADP"), ("the", 9, "det", "DET"), ("Israeli", 9, "amod", "ADJ"),
            ("occupation", 5, "nmod", "NOUN"), (".", 2, "punct", "PUNCT")]
    state = build(rows, {(8, 8): "ISR"})
    stage(state)
    assert all(d[1] != "COERCE" for d in dyads(state))


def test_a_planned_nominal_act_is_hypothetical(stage):
    # "Hamas plans further protests against Israel ."
    rows = [("Hamas", 1, "nsubj", "PROPN"), ("plans", 1, "ROOT", "VERB"), ("further", 3, "amod", "ADJ"),
            ("protests", 1, "obj", "NOUN"), ("against", 5, "case", "ADP"), ("Israel", 3, "nmod", "PROPN"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "HAMAS", (5, 5): "ISR"})
    stage(state)
    assert ("HAMAS", "PROTEST", "ISR", False, True) in dyads(state)


def test_what_a_cause_could_lead_to_is_hypothetical(stage):
    # "Sanctions could lead Hamas to draw closer to Iran ."
    rows = [("Sanctions", 2, "nsubj", "NOUN"), ("could", 2, "aux", "AUX"), ("lead", 2, "ROOT", "VERB"),
            ("Hamas", 2, "obj", "PROPN"), ("to", 5, "mark", "PART"), ("draw", 2, "xcomp", "VERB"),
            ("closer", 5, "advmod", "ADV"), ("to", 8, "case", "ADP"), ("Iran", 5, "obl", "PROPN"),
            (".", 2, "punct", "PUNCT")]
    state = build(rows, {(3, 3): "HAMAS", (8, 8): "IRN"})
    stage(state)
    support = [d for d in dyads(state) if d[1] == "SUPPORT"]
    assert support and all(d[4] for d in support)


def test_not_taking_part_in_the_fighting_negates_it(stage):
    # "Iran was not involved in the fighting with Israel ."
    rows = [("Iran", 3, "nsubj:pass", "PROPN"), ("was", 3, "aux:pass", "AUX"), ("not", 3, "advmod", "PART"),
            ("involved", 3, "ROOT", "VERB"), ("in", 6, "case", "ADP"), ("the", 6, "det", "DET"),
            ("fighting", 3, "obl", "NOUN"), ("with", 8, "case", "ADP"), ("Israel", 6, "nmod", "PROPN"),
            (".", 3, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN", (8, 8): "ISR"})
    stage(state)
    assault = [d for d in dyads(state) if d[1] == "ASSAULT"]
    assert assault and all(d[3] for d in assault)
