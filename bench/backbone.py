"""Benchmark the NLP backbone: speed, load time, tagging, parsing and NER, for each variant, in one run.

    PYTHONPATH=src python bench/backbone.py [--model NAME=PATH ...] [--speed-docs N]

Variants: the shipped pipeline alone; with the knowledge layer merged after the NER (the product's default:
knowledge wins where it covers the model's entity, the model wins where its entity is longer); with an EntityRuler
before the NER; with one after it that only fills gaps. `--model` adds other trained pipelines (without the knowledge layer) to compare.
Accuracy is on UD English EWT test (tags, UAS, LAS; UNER PER/LOC/ORG) and on GUM's news documents (NER), read
from the DocBins that `scripts/train_backbone.py convert` writes under training/corpus/. NER scores count only
the PER/LOC/ORG labels the gold layers have (the ruler's NORP spans are not scored). Last, coreference link P/R/F
on GUM test of the actors stage's rule coreference over the shipped backbone (bench/coref_gum.py says how).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.training import Example

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "training" / "corpus"
LABELS = ("PER", "LOC", "ORG")

LOAD_SNIPPET = """
import sys, time
import spacy
from eventcoder.nlp.knowledge import add_knowledge_ruler
from eventcoder.nlp.parse import load_backbone
t = time.perf_counter()
nlp = load_backbone(sys.argv[1] or None, knowledge=False)
if sys.argv[2] != "none":
    add_knowledge_ruler(nlp, mode=sys.argv[2])
print(time.perf_counter() - t)
"""


def load_variant(path: str | None, knowledge: str) -> spacy.Language:
    from eventcoder.nlp.fixes import add_parse_fixes
    from eventcoder.nlp.knowledge import add_knowledge_ruler
    from eventcoder.nlp.parse import backbone_path

    nlp = add_parse_fixes(spacy.load(path or backbone_path()))
    if knowledge != "none":
        add_knowledge_ruler(nlp, mode=knowledge)
    return nlp


def load_seconds(path: str | None, knowledge: str) -> float:
    """Load time in a fresh process (imports done first), as a product process would pay it."""
    out = subprocess.run([sys.executable, "-c", LOAD_SNIPPET, path or "", knowledge],
                         capture_output=True, text=True, check=True, env={"PYTHONPATH": str(ROOT / "src")})
    return float(out.stdout.strip().splitlines()[-1])


def examples(nlp: spacy.Language, name: str) -> list[Example]:
    docs = DocBin().from_disk(CORPUS / f"{name}.spacy").get_docs(nlp.vocab)
    return [Example(nlp.make_doc(doc.text), doc) for doc in docs]


def tokens_per_second(nlp: spacy.Language, texts: list[str]) -> tuple[float, float]:
    """Tokens per wall-clock second and per CPU second of this process (the latter holds on a shared machine)."""
    list(nlp.pipe(texts[:20]))  # warm up
    start, cpu = time.perf_counter(), time.process_time()
    n = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
    return n / (time.perf_counter() - start), n / (time.process_time() - cpu)


def ner_scores(scores: dict) -> dict[str, tuple[float, float, float]]:
    """P/R/F per gold label from spaCy's scores."""
    per = scores.get("ents_per_type") or {}
    return {lab: (per.get(lab, {}).get("p", 0.0), per.get(lab, {}).get("r", 0.0), per.get(lab, {}).get("f", 0.0))
           for lab in LABELS}


def micro(exs: list[Example]) -> tuple[float, float, float]:
    """Micro P/R/F over PER/LOC/ORG, counted directly so extra predicted labels do not count."""
    tp = fp = fn = 0
    for ex in exs:
        gold = {(e.start_char, e.end_char, e.label_) for e in ex.reference.ents if e.label_ in LABELS}
        pred = {(e.start_char, e.end_char, e.label_) for e in ex.predicted.ents if e.label_ in LABELS}
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(nlp: spacy.Language, exs: list[Example], names: bool = False) -> tuple[dict, tuple[float, float, float]]:
    """Run the pipeline over the examples' texts once; return spaCy's scores and the PER/LOC/ORG micro P/R/F.

    With `names`, person names are carried through each source document as the parse stage does through an article
    (`convert` stores the source document id with each part)."""
    from eventcoder.nlp.names import carry_names

    for ex, doc in zip(exs, nlp.pipe((ex.predicted for ex in exs), batch_size=64)):
        ex.predicted = doc
    if names:  # the parts of one source document (consecutive examples) in order, as one article
        part: list = []
        for ex in exs + [None]:
            if part and (ex is None or ex.reference.user_data.get("doc_id") != part[-1].reference.user_data.get("doc_id")):
                carry_names([e.predicted for e in part])
                part = []
            if ex is not None:
                part.append(ex)
    from spacy.scorer import Scorer

    scores = Scorer(nlp).score(exs)
    return scores, micro(exs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", action="append", default=[], help="NAME=PATH of another trained pipeline")
    parser.add_argument("--speed-docs", type=int, default=400, help="EWT test docs timed for tokens/s")
    parser.add_argument("--no-knowledge-variants", action="store_true")
    parser.add_argument("--knowledge-modes", default="merge,before,gaps",
                        help="knowledge-layer variants of the shipped model to run (comma-separated)")
    parser.add_argument("--no-coref", action="store_true", help="skip the coreference table")
    parser.add_argument("--model-knowledge", action="store_true",
                        help="run the --model pipelines with the knowledge layer too (name+knowledge)")
    parser.add_argument("--no-names", action="store_true",
                        help="knowledge variants without carrying person names through each document")
    parser.add_argument("--no-shipped", action="store_true", help="only the --model pipelines")
    parser.add_argument("--corpus", default="corpus", help="DocBin folder under training/")
    args = parser.parse_args()
    global CORPUS
    CORPUS = ROOT / "training" / args.corpus

    variants: list[tuple[str, str | None, str]] = [] if args.no_shipped else [("shipped", None, "none")]
    if not args.no_knowledge_variants and not args.no_shipped:
        names = {"merge": "shipped+knowledge", "before": "shipped+knowledge-before", "gaps": "shipped+knowledge-gaps"}
        variants += [(names[m], None, m) for m in args.knowledge_modes.split(",") if m]
    for spec in args.model:
        name, _, path = spec.partition("=")
        variants.append((name, path, "none"))
        if args.model_knowledge:
            variants.append((f"{name}+knowledge", path, "merge"))

    parse_rows, ner_rows = [], []
    for name, path, knowledge in variants:
        nlp = load_variant(path, knowledge)
        texts = [ex.reference.text for ex in examples(nlp, "ewt-test")][: args.speed_docs]
        speed = tokens_per_second(nlp, texts)
        load = load_seconds(path, knowledge)
        names = knowledge != "none" and not args.no_names
        ewt, ewt_micro = evaluate(nlp, examples(nlp, "ewt-test"), names)
        news, news_micro = evaluate(nlp, examples(nlp, "gum-news-test") + examples(nlp, "gum-news-dev"), names)
        gum, gum_micro = evaluate(nlp, examples(nlp, "gum-test"), names)
        parse_rows.append((name, *speed, load, ewt["tag_acc"], ewt["dep_uas"], ewt["dep_las"], ewt["sents_f"],
                           gum["dep_las"]))
        for corpus, scores, mic in (("EWT test", ewt, ewt_micro), ("GUM news", news, news_micro),
                                    ("GUM test", gum, gum_micro)):
            per = ner_scores(scores)
            ner_rows.append((name, corpus, *mic, *(per[lab][2] for lab in LABELS),
                             *(f"{per[lab][0]:.2f}/{per[lab][1]:.2f}" for lab in LABELS)))
        print(f"... {name} done", file=sys.stderr)

    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end of the run")
    print()
    print("| variant | tokens/s wall | tokens/s CPU | load s | TAG | UAS | LAS | sent F | GUM LAS |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, speed, cpu_speed, load, tag, uas, las, sents, gum_las in parse_rows:
        print(f"| {name} | {speed:,.0f} | {cpu_speed:,.0f} | {load:.2f} | {tag:.3f} | {uas:.3f} | {las:.3f} | {sents:.3f} | "
              f"{gum_las:.3f} |")
    print()
    print("| variant | corpus | NER P | NER R | NER F | PER F | LOC F | ORG F | PER P/R | LOC P/R | ORG P/R |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---|---|---|")
    for name, corpus, p, r, f, fper, floc, forg, prper, prloc, prorg in ner_rows:
        print(f"| {name} | {corpus} | {p:.3f} | {r:.3f} | {f:.3f} | {fper:.3f} | {floc:.3f} | {forg:.3f} | "
              f"{prper} | {prloc} | {prorg} |")

    if not args.no_coref:
        import coref_gum

        print()
        print("Coreference links on GUM test (actors-stage rules, shipped backbone with the knowledge layer):")
        print()
        print(coref_gum.table(coref_gum.score(coref_gum.gold_docs("test"))))


if __name__ == "__main__":
    main()
