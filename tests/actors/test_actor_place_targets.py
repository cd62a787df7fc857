"""The target a place stands for when an event names no one (GUIDELINES.md, Codes: places)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from eventcoder.document import Actor, ActorMention, Place
from eventcoder.events.stage import moves_forces, place_reach_of, place_target, responsible_target, role_ref


def _target(type_: str, cameo: str, source: dict, name: str, country: str, feature: str = "city",
            military_site: bool = False) -> str | None:
    cand = SimpleNamespace(type=type_, cameo=cameo)
    place = Place(name=name, country=country, lat=None, lon=None, feature=feature)
    ref = place_target(cand, source, place, place_reach_of(type_, None), military_site)
    return ref["code"] if ref else None


ISRMIL = {"code": "ISRMIL", "country": "ISR", "sector": "MIL", "kind": "group"}
RSF = {"code": "RSF", "country": "SDN", "sector": "REB", "kind": "organization"}
ETHMIL = {"code": "ETHMIL", "country": "ETH", "sector": "MIL", "kind": "group"}


@pytest.mark.parametrize("type_, cameo, source, name, country, expected", [
    ("COERCE", "1723", ISRMIL, "Hebron", "PSE", "PSECVL"),  # a curfew on a town falls on its people
    ("COERCE", "191", RSF, "El Fasher", "SDN", "SDNCVL"),  # so does a siege, whoever lays it
    ("ASSAULT", "194", {"code": "HAMAS", "country": "PSE", "kind": "organization"}, "Tel Aviv", "ISR", "ISRCVL"),
    ("ASSAULT", "195", ISRMIL, "Gaza", "PSE", "PSE"),  # a whole territory stands for its state
    ("COERCE", "192", {"code": "RUSMIL", "country": "RUS", "kind": "group"}, "Avdiivka", "UKR", "UKR"),
    ("COERCE", "192", ETHMIL, "Mekelle", "ETH", "ETH"),  # a place seized at home is still the state's territory
    ("RETREAT", "0874", ETHMIL, "Mekelle", "ETH", None),  # leaving positions at home is aimed at no one
    ("AID", "073", {"code": "WFP", "country": None, "kind": "organization"}, "Idlib", "SYR", "SYR"),
])
def test_place_targets(type_, cameo, source, name, country, expected):
    assert _target(type_, cameo, source, name, country) == expected


def test_infrastructure_attacked_is_the_state_and_a_base_its_forces():
    ukrmil = {"code": "UKRMIL", "country": "UKR", "kind": "group"}
    assert _target("ASSAULT", "190", ukrmil, "Crimean Bridge", "UKR", feature="site") == "UKR"
    assert _target("ASSAULT", "195", ISRMIL, "T4", "SYR", feature="base") == "SYRMIL"


def test_an_attack_on_a_military_site_falls_on_the_forces_there():
    assert _target("ASSAULT", "195", ISRMIL, "Homs", "SYR", military_site=True) == "SYRMIL"


@pytest.mark.parametrize("before, target, where, expected", [
    ("The US expressed concern about the arrests of ", {"code": "TZAOPP", "country": "TZA", "sector": "OPP"}, None,
     "TZAGOV"),
    ("The UN criticised the mass trial of ", {"code": "CVL", "country": None, "sector": "CVL"}, "EGY", "EGYGOV"),
    ("The EU condemned ", {"code": "TZAOPP", "country": "TZA", "sector": "OPP"}, None, "TZAOPP"),  # no act named
    ("The EU condemned the arrests of ", {"code": "TZAGOV", "country": "TZA", "sector": "GOV"}, None, "TZAGOV"),
])
def test_criticism_of_a_repressive_act_targets_who_is_responsible(before, target, where, expected):
    assert responsible_target(before, target, where)["code"] == expected


def test_unidentified_attackers_belong_where_they_strike():
    """GUIDELINES, Codes: a bomber is XXXUAF of the country where the sentence places the attack, not of the nearest
    demonym ("killing 13 American service members")."""
    bomber = ActorMention(start=2, end=15, text="suicide bomber", sentence_index=0,
                          actor=Actor("suicide bomber", "UAF", "group", None, "UAF"), rule="sector")
    americans = ActorMention(start=60, end=68, text="American", sentence_index=0,
                             actor=Actor("United States", "USA", "state", "USA"), rule="demonym")
    assert role_ref(bomber, [bomber, americans], "AFG", "AFG")["code"] == "AFGUAF"


def _token(lower: str, dep: str, children=(), lefts=()):
    return SimpleNamespace(lower_=lower, lemma_=lower.lower(), text=lower, dep_=dep, children=list(children),
                           lefts=list(lefts))


def test_a_state_moving_its_forces_acts_through_its_military():
    """GUIDELINES, Codes: armed acts: "Israel pulled its last soldiers out", "rushed naval ships and helicopters"."""
    soldiers = _token("soldiers", "obj")
    assert moves_forces(_token("pulled", "ROOT", [soldiers]))
    ships = _token("ships", "obj", [_token("helicopters", "conj")], [_token("naval", "amod")])
    assert moves_forces(_token("rushed", "ROOT", [ships]))
    assert not moves_forces(_token("seized", "ROOT", [_token("ship", "obj")]))
    assert not moves_forces(_token("sent", "ROOT", [_token("aid", "obj")]))
    syrian = _token("forces", "obj", lefts=[_token("Syrian", "amod")])
    assert not moves_forces(_token("withdrew", "ROOT", [syrian]))
