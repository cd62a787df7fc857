"""Hand-built parsed sentences for the event coder: words with UD heads/labels/POS and coded actor mentions,
so each construction is tested without the trained backbone."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventcoder.document import Actor, ActorMention, Article, DocMeta, Sentence
from eventcoder.pipeline import Analysis

ACTORS = {
    "IRN": Actor("Iran", "IRN", "state", "IRN"), "USA": Actor("United States", "USA", "state", "USA"),
    "HAMAS": Actor("Hamas", "HAMAS", "organization", "PSE", "REB"),
    "GBR": Actor("Britain", "GBR", "state", "GBR"), "SAU": Actor("Saudi Arabia", "SAU", "state", "SAU"),
    "ARE": Actor("UAE", "ARE", "state", "ARE"), "EGY": Actor("Egypt", "EGY", "state", "EGY"),
    "IRNGOV": Actor("Abdollahian", "IRNGOV", "person", "IRN", "GOV", "IRNGOV"),
    "IRNMIL": Actor("Soleimani", "IRNMIL", "person", "IRN", "MIL", "IRNMIL"),
    "HAMASP": Actor("Haniyeh", "HAMAS", "person", "PSE", "REB", "HAMAS"),
    "PSECVL": Actor("Palestinians", "PSECVL", "group", "PSE", "CVL"),
    "ISR": Actor("Israel", "ISR", "state", "ISR"), "IRNEDU": Actor("Iranian students", "IRNEDU", "group", "IRN", "EDU"),
}

_VOCAB = spacy.blank("en").vocab


def build(rows: list[tuple], mentions: dict[tuple[int, int], str], parsed: bool = True) -> Analysis:
    """An analysis of one sentence. rows: (word, head index, UD label, UPOS); mentions: (first, last) word
    indexes -> key in ACTORS."""
    return article([(rows, mentions)], parsed=parsed)


def _doc(rows: list[tuple], parsed: bool) -> Doc:
    words = [r[0] for r in rows]
    spaces = [not (i + 1 < len(words) and words[i + 1] in {",", ".", "'s", "?", "’s"}) for i in range(len(words))]
    if not parsed:
        return Doc(_VOCAB, words=words, spaces=spaces)
    return Doc(_VOCAB, words=words, spaces=spaces, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
               pos=[r[3] for r in rows])


def article(sentences: list[tuple[list[tuple], dict[tuple[int, int], str]]], parsed: bool = True) -> Analysis:
    """An analysis of several hand-parsed sentences, each (rows, mentions) as for `build`, joined by spaces."""
    docs = [_doc(rows, parsed) for rows, _ in sentences]
    text = " ".join(doc.text for doc in docs)
    state = Analysis(article=Article(id="t", text=text, published="2021-12-25"))
    state.meta = DocMeta(id="t", title=None, published="2021-12-25", outlet=None, language="en")
    offset = 0
    for index, ((_, mentions), doc) in enumerate(zip(sentences, docs)):
        state.sentences.append(Sentence(index=index, start=offset, end=offset + len(doc.text), text=doc.text,
                                        kind="body"))
        state.parses.append(doc)
        for (first, last), key in mentions.items():
            start, end = offset + doc[first].idx, offset + doc[last].idx + len(doc[last].text)
            state.mentions.append(ActorMention(start, end, text[start:end], index, ACTORS[key]))
        offset += len(doc.text) + 1
    return state


def dyads(state: Analysis) -> set[tuple]:
    return {((e.source or {}).get("code"), e.type, (e.target or {}).get("code"), e.negated, e.hypothetical)
            for e in state.events}


def analysed_events(text: str, published: str = "2024-05-10") -> list:
    """The events the whole pipeline (trained backbone included) codes from `text`."""
    from eventcoder import analyze

    return analyze(text, published=published, doc_id="t").events


def factual_types(text: str, published: str = "2024-05-10") -> set[str]:
    """The types of the events told as fact (neither negated nor hypothetical) in `text`."""
    return {e.type for e in analysed_events(text, published) if not e.negated and not e.hypothetical}
