"""Coreference link accuracy of the actors stage's rule coreference on GUM's test split.

    PYTHONPATH=src python bench/coref_gum.py [--split test] [--show]

Each GUM test document (CC BY genres, `../shared/corpora/ud_english_gum`) is rebuilt as an article (sentences
joined by spaces, paragraphs by blank lines) and run through the product's stages up to `actors`. Scored links
are the ones event coding needs: a pronoun (he, she, him, her, it, they, them) or a definite description ("the
minister": a mention opening with "the" whose head is a common noun) that GUM puts in the chain of a person,
organisation or place named (head a proper noun) earlier in the document.

- A gold link is found when the actors stage emits a mention with rule "coref" over the anaphor (its span inside
  GUM's mention and covering the mention's head) whose actor also has a non-coref mention overlapping a named
  mention of the same GUM chain.
- Every coref mention the stage emits is a predicted link; it is right when a GUM mention around it (any kind:
  "the Secretary-General" counts) is in the chain of a named mention that the actor's own non-coref mentions
  overlap. A coref mention on no GUM mention, or on one whose chain is not that name's, is wrong.
Reported: link P/R/F overall and for pronouns and descriptions apart.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUM = ROOT.parent / "shared" / "corpora" / "ud_english_gum" / "en_gum-ud-{split}.ccby.conllu"
PRONOUNS = frozenset({"he", "she", "him", "her", "it", "they", "them"})
ACTOR_TYPES = frozenset({"person", "organization", "place"})
STAGES = ("metadata", "sentences", "parse", "actors")


def _training_script():
    """scripts/train_backbone.py, for its CoNLL-U reader and GUM bracket grammar (one parser of GUM, not two)."""
    spec = importlib.util.spec_from_file_location("train_backbone", ROOT / "scripts" / "train_backbone.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Mention:
    """A GUM mention in article character offsets, with the span of its syntactic head token."""

    start: int
    end: int
    head_start: int
    head_end: int
    chain: str
    etype: str
    kind: str  # "named", "pronoun", "description" or "other"


@dataclass
class GoldDoc:
    doc_id: str
    text: str
    mentions: list[Mention]


def _brackets(tb, misc: str) -> list[tuple[str, str, str, bool]]:
    """(kind, chain, type, single) bracket events of one token's Entity= value, in order."""
    value = next((p[7:] for p in misc.split("|") if p.startswith("Entity=")), "")
    events, pos = [], 0
    while pos < len(value):
        m = tb.OPEN.match(value, pos)
        if m:
            events.append(("open", m.group(1), m.group(2), bool(m.group(3))))
            pos = m.end()
            continue
        m = tb.CLOSE.match(value, pos)
        if m:
            events.append(("close", m.group(1), "", False))
            pos = m.end()
            continue
        pos += 1
    return events


def _kind(sent, start: int, end: int) -> tuple[str, int]:
    """What a mention is for the scorer, and its head token."""
    heads = [i for i in range(start, end) if not (start <= sent.heads[i] - 1 < end)] or [end - 1]
    head = heads[0]
    if sent.pos[head] == "PROPN":
        return "named", head
    if end - start == 1 and sent.words[head].lower() in PRONOUNS:
        return "pronoun", head
    if sent.words[start].lower() == "the" and sent.pos[head] == "NOUN":
        return "description", head
    return "other", head


def gold_docs(split: str = "test") -> list[GoldDoc]:
    """GUM documents as article texts with their mentions (character offsets into the text)."""
    tb = _training_script()
    path = Path(str(GUM).format(split=split))
    newpar: set[str] = set()
    sent_id = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar"):
            newpar.add(sent_id)  # the paragraph opens at the next sentence; keyed by the previous sent_id
        elif line.startswith("# sent_id"):
            sent_id = line.split("=", 1)[1].strip()
    docs: list[GoldDoc] = []
    previous = ""
    for sent in tb.read_conllu(path):
        if not docs or docs[-1].doc_id != sent.doc_id:
            docs.append(GoldDoc(sent.doc_id, "", []))
        doc = docs[-1]
        if doc.text:
            doc.text += "\n\n" if previous in newpar else " "
        previous = sent.sent_id
        offsets = []
        for word, space in zip(sent.words, sent.spaces):
            offsets.append((len(doc.text), len(doc.text) + len(word)))
            doc.text += word + (" " if space else "")
        doc.text = doc.text.rstrip(" ")
        stack: dict[str, list[tuple[int, str]]] = {}
        for i, misc in enumerate(sent.misc):
            for event, chain, etype, single in _brackets(tb, misc):
                if event == "open" and not single:
                    stack.setdefault(chain, []).append((i, etype))
                    continue
                if event == "open":
                    start, end = i, i + 1
                elif stack.get(chain):
                    start, etype = stack[chain].pop()
                    end = i + 1
                else:
                    continue
                kind, head = _kind(sent, start, end)
                doc.mentions.append(Mention(offsets[start][0], offsets[end - 1][1], *offsets[head],
                                            f"{sent.doc_id}:{chain}", etype, kind))
    for doc in docs:
        doc.mentions.sort(key=lambda m: (m.start, -m.end))
    return docs


def anaphors(doc: GoldDoc) -> list[Mention]:
    """Pronouns and definite descriptions of actor types whose chain is named before them."""
    named_from: dict[str, int] = {}
    for m in doc.mentions:
        if m.kind == "named" and m.chain not in named_from:
            named_from[m.chain] = m.start
    return [m for m in doc.mentions if m.kind in ("pronoun", "description") and m.etype in ACTOR_TYPES
            and named_from.get(m.chain, len(doc.text)) < m.start]


def _covers(gold: Mention, start: int, end: int) -> bool:
    return gold.start <= start and end <= gold.end and start <= gold.head_start and gold.head_end <= end


def score(docs: list[GoldDoc], pipeline=None, show: bool = False) -> dict[str, tuple[int, int, int, int]]:
    """(right predicted links, predicted links, found gold links, gold links) overall and per anaphor kind."""
    from eventcoder.config import Config
    from eventcoder.document import Article
    from eventcoder.pipeline import Analysis, Pipeline

    pipeline = pipeline or Pipeline(Config(stages=STAGES))
    counts: Counter = Counter()
    for doc in docs:
        state = Analysis(Article(id=doc.doc_id, text=doc.text))
        for _name, stage in pipeline.stages:
            stage(state)
        gold = anaphors(doc)
        named = [m for m in doc.mentions if m.kind == "named"]
        counts["all", "gold"] += len(gold)
        for m in gold:
            counts[m.kind, "gold"] += 1
        found: set[Mention] = set()
        for pm in state.mentions:
            if pm.rule != "coref":
                continue
            antecedents = [o for o in state.mentions if o.actor is pm.actor and o.rule != "coref"]
            chains = {n.chain for n in named for o in antecedents if n.start < o.end and o.start < n.end}
            over = [g for g in doc.mentions if _covers(g, pm.start, pm.end)]
            right = any(g.chain in chains for g in over)
            hit = next((g for g in gold if _covers(g, pm.start, pm.end) and g.chain in chains), None)
            if hit:
                found.add(hit)
            kind = "pronoun" if pm.text.lower() in PRONOUNS else "description"
            counts["all", "pred"] += 1
            counts[kind, "pred"] += 1
            counts["all", "right"] += right
            counts[kind, "right"] += right
            if show:
                print(f"{'OK ' if right else 'BAD'} {doc.doc_id} {pm.text!r} -> {pm.actor.name} ({pm.actor.code})")
        for m in found:
            counts["all", "tp"] += 1
            counts[m.kind, "tp"] += 1
    return {k: (counts[k, "right"], counts[k, "pred"], counts[k, "tp"], counts[k, "gold"])
            for k in ("all", "pronoun", "description")}


def prf(right: int, pred: int, found: int, gold: int) -> tuple[float, float, float]:
    p = right / pred if pred else 0.0
    r = found / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def table(scores: dict[str, tuple[int, int, int, int]]) -> str:
    rows = ["| anaphors | gold links | found | predicted | right | link P | link R | link F |",
            "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for kind, (right, pred, found, gold) in scores.items():
        p, r, f = prf(right, pred, found, gold)
        rows.append(f"| {kind} | {gold} | {found} | {pred} | {right} | {p:.3f} | {r:.3f} | {f:.3f} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="test")
    parser.add_argument("--show", action="store_true", help="print every predicted link")
    args = parser.parse_args()
    print(table(score(gold_docs(args.split), show=args.show)))


if __name__ == "__main__":
    main()
