"""The events stage: code every parsed sentence, then date, locate, attribute, identify and deduplicate.

The lexicon index and word classes are built once in `make_stage`; per sentence the coder walks the parse once,
so its cost stays well below the parse's own.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter
from functools import lru_cache

from ..config import Config
from ..datafiles import data_lines, read_tsv
from ..dates.assign import date_for
from ..document import Actor, ActorMention, Event, Sentence
from ..geo.assign import place_for
from ..pipeline import Analysis
from ..quotes.assign import reporter_for
from .cameo import cameo_code
from .extract import Candidate, code_sentence, crowd_sectors
from .lexicon import LexiconIndex, load_modality
from .modality import WordClasses
from .plover import plover_score
from .roles import SentenceView

CODER_VERSION = "rules-2"
CODED_KINDS = frozenset({"title", "body", "caption", "quote"})  # boilerplate never yields events


def event_id(doc_id: str, sentence_index: int, start: int, end: int, type_: str, source: str | None,
             target: str | None, *qualifiers: object) -> str:
    """A stable id: the same input coded by the same coder version always gets the same id.

    The key holds everything within-article deduplication tells events apart by (final dyad, type, and the
    `qualifiers`: date and flags), so two events that survive deduplication never share an id.
    """
    key = "|".join(map(str, (doc_id, sentence_index, start, end, type_, source, target, *qualifiers,
                             CODER_VERSION)))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _identity(ref: dict | None) -> str | None:
    """An actor object's code, or its name for an actor the coder could not code."""
    return (ref.get("code") or ref.get("name")) if ref else None


def _is_bare_sector(actor: Actor) -> bool:
    """A group the actor stage could give only a sector ("protesters" → CVL, "the opposition" → OPP)."""
    return bool(actor.sector and not actor.country and actor.code == actor.sector)


def _nearest_country(mention: ActorMention, neighbours: list[ActorMention], fallback: str | None) -> str | None:
    """The country a bare sector group belongs to: that of the nearest mention in the sentence which has one
    ("Sudan's government released political prisoners" → SDN), else the article's most mentioned country."""
    best = min((m for m in neighbours if m.actor.country and m is not mention),
               key=lambda m: abs(m.start - mention.start), default=None)
    return best.actor.country if best else fallback


def role_ref(mention: ActorMention | None, neighbours: list[ActorMention], fallback: str | None,
             place_country: str | None = None) -> dict | None:
    """An event's source/target actor object; a bare sector group is placed in its country (CVL → GBRCVL):
    civilians in the country of the place the sentence names ("protesters in Kinshasa"), others by the nearest
    mention."""
    if mention is None:
        return None
    actor = mention.actor
    if actor.sector == "OPP" and mention.text.lower().split()[-1:] and mention.text.lower().split()[-1] in _CROWD:
        # the guidelines code protesters as civilians ("Protesters in Baghdad" → IRQCVL), not as the opposition
        code = (actor.country or "") + "CVL"
        actor = Actor(actor.name, code, actor.kind, actor.country, "CVL", code if actor.affiliation else None)
    if _is_bare_sector(actor):
        # a crowd protests where the sentence says; unidentified gunmen are of the country where they act
        civil = actor.sector in ("CVL", "UAF") or mention.rule == "crowd"
        country = place_country if civil and place_country else _nearest_country(
            mention, neighbours, fallback)
        if country:
            return Actor(actor.name, country + actor.sector, actor.kind, country, actor.sector,
                         actor.affiliation).ref()
    return actor.ref()


_CROWD = load_modality().get("crowd", frozenset())
_FORCES = frozenset(data_lines("actors", "forces.txt"))
_FORCE_TYPES = frozenset({"AID", "RETREAT"})  # acts done by sending or withdrawing forces


def moves_forces(trigger) -> bool:
    """Whether the act's object is the source's own forces ("Israel pulled its last soldiers out", "India rushed
    naval ships and helicopters to Sri Lanka", "Japan deployed troops to help"): a state sending, moving or
    withdrawing its forces acts through its military, whatever the act (GUIDELINES.md, Codes: armed acts)."""
    objects = [c for c in trigger.children if c.dep_ in ("obj", "dobj")]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
    def named(o) -> set[str]:  # "ships", and with its modifiers "naval ships"
        mods = " ".join(c.lower_ for c in o.lefts if c.dep_ in ("amod", "compound"))
        return {o.lower_, o.lemma_.lower(), f"{mods} {o.lower_}".strip()}

    def others(o) -> bool:  # "withdrew Syrian forces": forces another name owns are not the source's
        return any(c.text[:1].isupper() for c in o.lefts if c.dep_ in ("amod", "compound", "poss", "nmod:poss"))
    return any(named(o) & _FORCES and not others(o) for o in objects)
_ARMED_TYPES = frozenset({"MOBILIZE", "ASSAULT"})  # a state acting by arms acts through its military
_CIVIL_SECTORS = frozenset({"CVL", "OPP", "EDU", "LAB", "AGR", "MED", "REL", "JRN", "BUS", "JUD"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})


_GOVERNMENT_VOICES = frozenset({"spokesman", "spokeswoman", "spokesperson", "office", "ministry", "government"})


def own_voice(source: dict, noun: str) -> dict:
    """The reporter behind "his office said" / "a spokesman said": the source itself, or a state's government."""
    if source.get("kind") == "state" and noun in _GOVERNMENT_VOICES and source.get("country"):
        country = source["country"]
        return Actor(f"{country} government", country + "GOV", "group", country, "GOV").ref()
    return source


_MISSIONS = ("embass", "consulate", "legation", "high commission")


def _mission(mention: ActorMention | None, neighbours: list[ActorMention]) -> bool:
    """Whether a mention names a state's diplomatic mission, alone or in a list ("the embassies of Rwanda, France
    and Belgium"): acts on an embassy are acts on its state."""
    if mention is None or mention.actor.sector != "GOV":
        return False
    group = [mention] + [m for m in neighbours if mention.coordination is not None
                         and m.coordination == mention.coordination]
    return any(word in m.text.lower() for m in group for word in _MISSIONS)


def implicit_target(type_: str, source: dict | None) -> dict | None:
    """The target the guidelines read into an event that names none: citizens protest or petition their own
    government (LKAEDU PROTEST → LKAGOV); a state restricting or relaxing at home acts on its people (TZAGOV
    COERCE → TZACVL)."""
    if not source or not source.get("country"):
        return None
    country, sector = source["country"], source.get("sector")
    if type_ in ("PROTEST", "REQUEST") and sector in _CIVIL_SECTORS - {"JUD"}:
        return Actor(f"{country} government", country + "GOV", "group", country, "GOV").ref()
    if type_ in ("COERCE", "CONCEDE") and (source.get("kind") == "state" or sector in _STATE_SECTORS):
        return Actor(f"{country} civilians", country + "CVL", "group", country, "CVL").ref()
    return None


@lru_cache(maxsize=1)
def place_reach() -> dict[tuple[str, str], str]:
    """(type, mode) -> how far a place named in the clause makes its state the target (`data/events/
    place_targets.tsv`); mode "" is the type's default."""
    return {(row["type"], row["mode"]): row["reach"] for row in read_tsv("events", "place_targets.tsv")}


def place_reach_of(type_: str, mode: str | None) -> str:
    """How far an event's place makes a target (place_targets.tsv): a row for the mode wins over the type's."""
    table = place_reach()
    return table.get((type_, mode or ""), table.get((type_, ""), "none"))


_HARM_TYPES = frozenset({"ASSAULT", "COERCE"})


_TERRITORY_CAMEO = frozenset({"192"})  # occupying or seizing a place: an act on the state it belongs to
_WHOLE_TERRITORIES = frozenset(name.lower() for name in data_lines("actors", "territories.txt"))
_PEOPLED = frozenset(data_lines("actors", "peopled_places.txt"))
_SITES = "|".join(re.escape(w) for w in data_lines("actors", "military_sites.txt"))
_MILITARY_SITES = re.compile(rf"\b(?:{_SITES})\b", re.IGNORECASE)
_PEOPLE_BY_PLACE = re.compile(
    rf"\b(?:{'|'.join(re.escape(w) for w in data_lines('events', 'people_by_place.txt'))})\b", re.IGNORECASE)


def place_target(cand: Candidate, source: dict, place, reach: str, military_site: bool = False,
                 people: bool = False) -> dict | None:
    """The target a place stands for when the event names no one (GUIDELINES.md, Codes: places): a city, town or
    district attacked or restricted is the people there ("a curfew on the old city of Hebron" → PSECVL, "besieged
    El Fasher" → SDNCVL), or the forces of a military site hit there (`military_site`); a state, or a territory
    standing for it ("struck Gaza" → PSE), a place seized ("captured Avdiivka", "took control of Mekelle") and a place
    abroad withdrawn from ("withdrew from Kherson") are the state. `reach` is the type's row of place_targets.tsv:
    "abroad" acts done at home are aimed at no one. `people`: the clause names people by where they are."""
    country = place.country
    whole = place.feature == "country" or (place.name or "").lower() in _WHOLE_TERRITORIES
    seized = (cand.cameo or "")[:3] in _TERRITORY_CAMEO
    if cand.type in _HARM_TYPES and not whole and not seized:
        # "struck the T4 air base in Homs": the forces there; "attacked the Crimean Bridge": the state
        sector = "MIL" if military_site or place.feature == "base" else \
            "CVL" if place.feature in _PEOPLED else None
        if sector is None:
            return Actor(country, country, "state", country).ref()
        return Actor(f"{country} {sector}", country + sector, "group", country, sector).ref()
    if cand.type == "AID" and people and not whole and place.feature in _PEOPLED and country != source.get("country"):
        # "treated the wounded in Beirut hospitals", "airdropped food to families in Deir ez-Zor": aid given to
        # people named by the town abroad they are in goes to them, not to their state
        return Actor(f"{country} civilians", country + "CVL", "group", country, "CVL").ref()
    if reach == "abroad" and country == source.get("country"):
        return None  # troops or aid sent within the source's own country are aimed at no other party
    if country != source.get("country") or seized:
        return Actor(country, country, "state", country).ref()
    if cand.type == "ASSAULT":
        return Actor(f"{country} civilians", country + "CVL", "group", country, "CVL").ref()
    if source.get("kind") == "organization" and (source.get("sector") or "") not in _STATE_SECTORS:
        return Actor(country, country, "state", country).ref()  # "the Houthis released detainees in Sanaa"
    return None


_JUDGING_TYPES = frozenset({"ACCUSE", "PROTEST", "SANCTION", "THREATEN"})
_VICTIM_SECTORS = frozenset({"CVL", "OPP", "JRN", "EDU", "LAB", "AGR", "MED", "REL", "REF", "NGO", "BUS", "PTY"})
_ACTS = "|".join(re.escape(w) for w in data_lines("actors", "repressive_acts.txt"))
_ACT_OF = re.compile(rf"\b(?:{_ACTS})\s+(?:of|on|against)\s+(?:the\s+|a\s+|an\s+)?(?:[a-z\-]+\s+){{0,2}}$",
                     re.IGNORECASE)


def responsible_target(before: str, target: dict, where: str | None) -> dict:
    """The target of a criticism, protest or sanction of a repressive act is whoever is responsible for the act, not
    its victims (GUIDELINES.md, Codes): "concern about the arrests of opposition figures in Tanzania" → TZAGOV. Applies
    when the target's words follow "the arrests of" and the like (`before`: the sentence up to them) and the target is
    private people; the state is theirs, or the place's (`where`)."""
    country = target.get("country") or where
    if not country or (target.get("sector") or "") not in _VICTIM_SECTORS or not _ACT_OF.search(before):
        return target
    return Actor(f"{country} government", country + "GOV", "group", country, "GOV").ref()


def _victims_where(state: Analysis, sentence: Sentence, mention: ActorMention, target: dict) -> dict:
    """Unnamed victims of an attack ("killing hundreds of civilians") belong where it happened (a place in the
    sentence in another country: "the Mariupol theatre" → UKRCVL), not to the attacker's country."""
    spots = [(abs(span.start - mention.start), place.country) for place in state.places if place.country
             for span in place.mentions if sentence.start <= span.start < sentence.end]
    spots = [spot for spot in spots if spot[1] != target.get("country")]
    if not spots:
        return target
    country = min(spots)[1]
    actor = mention.actor
    return Actor(actor.name, country + actor.sector, actor.kind, country, actor.sector, actor.affiliation).ref()


def _mirrored(source: dict, target: dict) -> dict:
    """The other party of a mutual event coded at the source's level ("Colombian and Venezuelan troops", "India
    and China did not exchange fire" → each side's military)."""
    country, sector = target.get("country"), source.get("sector")
    if not country or target.get("code") != country or not sector or source.get("code") != (
            (source.get("country") or "") + sector):
        return target  # only a bare state opposite a state agent is raised; organisations keep their codes
    return Actor(f"{country} {sector}", country + sector, "group", country, sector).ref()


def _member_mentions(mentions: list[ActorMention], actors: list[Actor]) -> list[ActorMention]:
    """A bloc with well-defined members ("the two Koreas", "the Gulf states") acts as each member: its mention is
    replaced by one mention per member state on the same words, which the roles then fan out over."""
    known = {a.code: a for a in actors if a.kind != "person"}
    out: list[ActorMention] = []
    for mention in mentions:
        actor = mention.actor
        if len(actor.members) < 2 or actor.country or actor.sector:
            out.append(mention)
            continue
        for code in actor.members:
            member = known.get(code) or (Actor(code, code, "state", code) if len(code) == 3
                                         else Actor(code, code, "organization"))
            out.append(dataclasses.replace(mention, actor=member))
    return out


_LIST_GAP = re.compile(r"^\s*(?:,|and|or|,\s*and)\s*$")


def _shared_head_noun(mentions: list[ActorMention], text: str) -> list[ActorMention]:
    """"Saudi and Iranian officials", "Brazilian and Argentine police": a nationality adjective listed before
    another nation's agent acts through the same noun, so for event roles it is that country's agent (SAUGOV),
    although the actor stage, coding names, keeps the adjective as the state."""
    out = sorted(mentions, key=lambda m: (m.start, m.end))
    for i in range(len(out) - 1, 0, -1):
        first, second = out[i - 1], out[i]
        a, b = first.actor, second.actor
        if (first.rule != "demonym" or a.kind != "state" or not a.country or not b.sector or not b.country
                or b.code != b.country + b.sector or b.country == a.country
                or not _LIST_GAP.match(text[first.end:second.start])):
            continue
        code = a.country + b.sector
        out[i - 1] = dataclasses.replace(first, actor=Actor(first.text, code, b.kind, a.country, b.sector))
    return out


def main_country(mentions: list[ActorMention]) -> str | None:
    """The country an article is mostly about: the one its actor mentions name most often."""
    counts = Counter(m.actor.country for m in mentions if m.actor.country)
    return counts.most_common(1)[0][0] if counts else None


def to_event(state: Analysis, sentence_index: int, cand: Candidate, neighbours: list[ActorMention],
             home: str | None) -> Event:
    """A contract event from a candidate, with date, place and reporter from their stages' interfaces."""
    sentence = state.sentences[sentence_index]
    doc_id = state.meta.id if state.meta else state.article.id
    tok = cand.trigger.token
    t_start = sentence.start + min(tok.doc[i].idx for i in cand.trigger.tokens)
    t_end = sentence.start + max(tok.doc[i].idx + len(tok.doc[i].text) for i in cand.trigger.tokens)
    c_start, c_end = sentence.start + cand.clause[0], sentence.start + cand.clause[1]
    date, date_source = date_for(state, sentence_index, c_start, c_end, trigger=(t_start, t_end))
    place = place_for(state, sentence_index, c_start, c_end)
    reporter = reporter_for(state, sentence_index, t_start, t_end)
    if reporter is None and cand.speaker is not None and cand.speaker is not cand.source:
        reporter = cand.speaker.actor
    speaker_source = reporter if cand.first_person else None  # "We appreciate ...": the speaker acts
    reporter_ref = reporter.ref() if reporter is not None else None
    if speaker_source is not None:
        reporter_ref = None
    code = cameo_code(cand.cameo)
    here = [place.country for place in state.places if place.country
            and any(sentence.start <= span.start < sentence.end for span in place.mentions)]
    home = here[0] if here else home  # "protesters in Baghdad were beaten by security forces": Iraqi both
    where = here[0] if here else None
    source = speaker_source.ref() if speaker_source is not None else role_ref(cand.source, neighbours, home, where)
    target = role_ref(cand.target, neighbours, home, where)
    if target is not None and cand.type in _JUDGING_TYPES:
        target = responsible_target(state.text[sentence.start:cand.target.start], target, where)
    if target is not None and _mission(cand.target, neighbours):
        country = target.get("country")  # "stormed the Swedish embassy": the state whose mission it is
        target = Actor(country, country, "state", country).ref() if country else target
    if (target is not None and source is not None and cand.type in _HARM_TYPES and _is_bare_sector(cand.target.actor)
            and target.get("country") == source.get("country")):
        target = _victims_where(state, sentence, cand.target, target)
    confidence = cand.confidence
    if (source is not None and source.get("kind") == "state" and source.get("country")
            and (cand.type in _ARMED_TYPES or cand.type in _FORCE_TYPES and moves_forces(cand.trigger.token))
            and source.get("code") == source.get("country")):
        country = source["country"]  # "Poland sent 15,000 soldiers": a state's armed act is its military's
        source = Actor(f"{source.get('name')} armed forces", country + "MIL", "group", country, "MIL").ref()
    if cand.mutual and target is not None and source is not None:
        target = _mirrored(source, target)
    if (cand.type == "MOBILIZE" and target is not None and source is not None and target.get("kind") == "state"
            and target.get("country") == source.get("country")):
        target = None  # "sent troops to Washington": forces moved at home are aimed at no other party
    if target is not None and source is not None and target.get("code") == source.get("code"):
        target = None  # a group placed in the source's own country and sector is no other party
    if reporter_ref is None and cand.spokesman and source is not None:
        reporter_ref = own_voice(source, cand.spokesman)
    elif reporter_ref is not None and reporter is not None and _is_bare_sector(reporter):
        country = (source or {}).get("country") or home  # "officials said" → the officials of the story's state
        if country:
            reporter_ref = Actor(reporter.name, country + reporter.sector, reporter.kind, country,
                                 reporter.sector).ref()
    reach = place_reach_of(cand.type, cand.mode)
    if target is None and source is not None and reach != "none" and place is not None and (
            place.country and place.feature != "country" or place.country and place.country != source.get("country")):
        clause = sentence.text[cand.clause[0]:cand.clause[1]]
        target = place_target(cand, source, place, reach, bool(_MILITARY_SITES.search(clause)),
                              bool(_PEOPLE_BY_PLACE.search(sentence.text, cand.clause[0])))
    if target is None and not (cand.type == "COERCE" and cand.trigger.entry.pos == "N"):
        target = implicit_target(cand.type, source)  # a blockade or occupation named by a noun is of others
        confidence = round(confidence * 0.8, 3) if target else confidence
    location = None
    if place is not None:
        location = dataclasses.asdict(place)
    return Event(
        id=event_id(doc_id, sentence_index, t_start, t_end, cand.type, _identity(source), _identity(target),
                    date, cand.negated, cand.hypothetical),
        doc_id=doc_id, sentence_index=sentence_index, evidence=sentence.text, start=sentence.start,
        end=sentence.end, source=source, target=target, type=cand.type, mode=cand.mode,
        context=cand.contexts, cameo=cand.cameo, quad_class=code.quad_class, goldstein=code.goldstein,
        date=date, date_source=date_source, location=location, negated=cand.negated,
        hypothetical=cand.hypothetical, reported_by=reporter_ref,
        confidence=confidence, coder=cand.coder,
        trigger=" ".join(tok.doc[i].text for i in sorted(cand.trigger.tokens)),
        mentions=1, plover_score=plover_score(cand.type, cand.mode))


_FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
_BACK_REACH = 4  # sentences an act referred back to ("condemned the strikes") may lie before


def refer_back(per_sentence: dict[int, list[Event]], acts: dict[int, str],
               mentions: dict[int, list[ActorMention]]) -> None:
    """Give an event whose object refers back to an earlier act ("Iran condemned the strikes", "Egypt condemned
    the move") the doer of that act as target: the source of the latest event told as fact (not reported, negated
    or hypothetical) by another actor with the same trigger word ("struck" for "the strikes"), else of the same
    type in the sentences just before (any type for "the move"); for "the move", failing that, the first actor
    named in the sentence before."""
    earlier: list[Event] = []
    for i in sorted(per_sentence):
        for event in list(per_sentence[i]):
            act = acts.get(id(event))
            if act is None or event.target is not None or event.source is None:
                continue
            own = _ref_code(event.source)
            type_, _, lemma = act.partition(" ")
            told = [e for e in earlier if e.source and _ref_code(e.source) != own and not e.hypothetical
                    and not e.negated and e.reported_by is None]
            head = lemma.split()[-1] if lemma else ""  # "the offensive" is the act of "launched an offensive"
            prior = [e for e in told if head and e.coder.split("/")[-1].split("_")[-1] == head] or [
                e for e in told if i - e.sentence_index <= _BACK_REACH and (not type_ or e.type == type_)]
            if prior:
                last = prior[-1]  # with the other doers of the same act ("American and British warplanes struck")
                doers = [e.source for e in prior if e.sentence_index == last.sentence_index
                         and e.trigger == last.trigger and e.type == last.type]
                # an armed act is condemned as the state's ("Iran condemned the strikes" → USA, not USAMIL)
                # (but a truce the army signed is the army's: only an act of force is the state's)
                doers = [Actor(d["country"], d["country"], "state", d["country"]).ref()
                         if d.get("sector") == "MIL" and d.get("country") and last.type in _FORCE_TYPES else d
                         for d in doers]
                codes = list(dict.fromkeys(_ref_code(d) for d in doers))
                refs = [next(d for d in doers if _ref_code(d) == c) for c in codes]
                event.target = dict(refs[0])
                for ref in refs[1:]:
                    twin = dataclasses.replace(event, target=dict(ref), id=event_id(
                        event.doc_id, event.sentence_index, event.start, event.end, event.type,
                        _identity(event.source), _identity(ref), event.id))
                    per_sentence[i].append(twin)
            elif not act:
                named = [m for m in mentions.get(i - 1, []) if not m.locative and m.actor.code and m.actor.code != own]
                event.target = named[0].actor.ref() if named else None
        earlier.extend(per_sentence[i])


def drop_partial(events: list[Event]) -> list[Event]:
    """An event missing a role is dropped where the same sentence codes the same act with that role filled: the
    same type and CAMEO code ("condemned the attack and denounced Israel"), not another act of that type ("withdrew
    from the deal and reimposed sanctions": two sanctions, one with a target)."""
    def act(e: Event) -> tuple:
        return e.sentence_index, e.type, e.cameo
    full = {(act(e), _ref_code(e.source)) for e in events if e.target}
    full_src = {(act(e), _ref_code(e.target)) for e in events if e.source}
    return [e for e in events if not (
        (e.target is None and (act(e), _ref_code(e.source)) in full)
        or (e.source is None and (act(e), _ref_code(e.target)) in full_src))]


def deduplicate(events: list[Event]) -> list[Event]:
    """The same dyad, type, date and flags said more than once in an article is one event with more mentions. Within
    one sentence, two acts of one type coded differently ("condemned the attack and blamed the government") are two
    events, not one act said twice."""
    kept: dict[tuple, Event] = {}
    for event in events:
        key = ((event.source or {}).get("code"), (event.target or {}).get("code"), event.type, event.date,
               event.negated, event.hypothetical)
        first = kept.get(key)
        if first is not None and first.sentence_index == event.sentence_index and first.cameo != event.cameo:
            key = key + (event.cameo,)  # two acts told in one sentence, not one act told twice
            first = kept.get(key)
        if first is None:
            kept[key] = event
        else:
            first.mentions += 1
            first.confidence = max(first.confidence, event.confidence)
    return list(kept.values())


def merge_headlines(events: list[Event], headline_sentences: set[int]) -> list[Event]:
    """A headline restates the story's main events: a headline event whose type matches a body event sharing an
    actor with it is that event told once more (one more mention), whatever date each was given."""
    body = [e for e in events if e.sentence_index not in headline_sentences]
    kept = list(body)
    for event in events:
        if event.sentence_index not in headline_sentences:
            continue
        codes = {_ref_code(event.source), _ref_code(event.target)} - {None}
        twin = next((b for b in body if b.type == event.type and codes & {_ref_code(b.source), _ref_code(b.target)}),
                    None)
        if twin is not None:
            twin.mentions += 1
        else:
            kept.append(event)
    return sorted(kept, key=lambda e: (e.sentence_index, e.start))


def _names_a_crowd(doc) -> bool:
    """Whether a parsed sentence names a crowd that may protest without any actor mention."""
    crowds = crowd_sectors()
    return any(t.lower_ in crowds for t in doc)


def _ref_code(ref: dict | None) -> str | None:
    return (ref or {}).get("code")


def make_stage(config: Config):
    index = LexiconIndex()
    words = WordClasses()
    # --- learned component (events/learned.py): loaded only when Config.learned_events is on ---
    typer = None
    if config.learned_events:
        from .learned import LearnedTyper, code_article
        typer = LearnedTyper()
    # --- end learned component ---

    def events_stage(state: Analysis) -> None:
        by_sentence: dict[int, list[ActorMention]] = {}
        for mention in state.mentions:
            by_sentence.setdefault(mention.sentence_index, []).append(mention)
        per_sentence: dict[int, list[Event]] = {}
        acts: dict[int, str] = {}  # id(event) -> the type of the earlier act its object refers back to
        home = main_country(state.mentions)
        for i, sentence in enumerate(state.sentences):
            doc = state.parses[i] if i < len(state.parses) else None
            if doc is None or sentence.kind not in CODED_KINDS:
                continue
            mentions = by_sentence.get(i, [])
            if not mentions and not _names_a_crowd(doc):
                continue  # no actor, no event (but "tens of thousands marched" is a protest by civilians)
            view = SentenceView(doc, sentence, _shared_head_noun(_member_mentions(mentions, state.actors), state.text))
            cands = code_sentence(view, index, words)
            per_sentence[i] = [to_event(state, i, cand, mentions, home) for cand in cands]
            acts.update({id(e): c.about_act for e, c in zip(per_sentence[i], cands) if c.about_act is not None})
        refer_back(per_sentence, acts, by_sentence)
        if typer is not None:  # learned component: revise rule events, back off where rules found none
            events = code_article(typer, state, per_sentence, by_sentence, list(per_sentence))
        else:
            events = [e for i in per_sentence for e in per_sentence[i]]
        headlines = {i for i, sentence in enumerate(state.sentences) if sentence.kind == "title"}
        state.events = deduplicate(merge_headlines(drop_partial(events), headlines))
    return events_stage
