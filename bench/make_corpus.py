"""Generate a synthetic news corpus for speed benchmarks: N articles of 600–900 words, deterministic by seed.

Every sentence comes from templates written for this project, filled from small vocabularies of states,
leaders, places and actions, so the articles read like wire copy and exercise the whole pipeline (actors,
dates, places, quotes, events of many types) without depending on any outside text.

usage: python bench/make_corpus.py N [--seed 7] [--out corpus.jsonl]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import sys
from datetime import date, timedelta

STATES = [
    ("Iran", "Iranian", "Tehran"), ("Israel", "Israeli", "Jerusalem"), ("Egypt", "Egyptian", "Cairo"),
    ("Turkey", "Turkish", "Ankara"), ("Russia", "Russian", "Moscow"), ("China", "Chinese", "Beijing"),
    ("France", "French", "Paris"), ("Germany", "German", "Berlin"), ("Nigeria", "Nigerian", "Abuja"),
    ("Kenya", "Kenyan", "Nairobi"), ("India", "Indian", "New Delhi"), ("Pakistan", "Pakistani", "Islamabad"),
    ("Brazil", "Brazilian", "Brasilia"), ("Mexico", "Mexican", "Mexico City"), ("Japan", "Japanese", "Tokyo"),
    ("Saudi Arabia", "Saudi", "Riyadh"), ("Qatar", "Qatari", "Doha"), ("Ukraine", "Ukrainian", "Kyiv"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"), ("Indonesia", "Indonesian", "Jakarta"),
]
GROUPS = ["Hamas", "Hezbollah", "the Houthis", "al-Shabaab", "Boko Haram", "the Taliban", "the PKK", "M23"]
IGOS = ["the United Nations", "the European Union", "the African Union", "NATO", "the Arab League"]
OFFICES = ["foreign minister", "defence minister", "interior minister", "prime minister", "president"]
FIRST = ["Amina", "Karim", "Elena", "Tomas", "Farid", "Leila", "Jonas", "Mariam", "Pavel", "Sanjay", "Lucia",
         "Omar", "Yusuf", "Ingrid", "Hana", "Diego", "Nadia", "Kofi", "Rania", "Viktor"]
LAST = ["Haddad", "Okafor", "Lindqvist", "Marquez", "Rahimi", "Novak", "Tanaka", "Mensah", "Costa", "Petrov",
        "Sayegh", "Bauer", "Kamara", "Aziz", "Moreau", "Varga", "Odhiambo", "Farouk", "Sato", "Delgado"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

EVENT_TEMPLATES = [
    "{A} condemned {B} on {day} over the detention of several aid workers near the border.",
    "{A_adj} {office} {person} met {B_adj} officials in {city} on {day} to discuss trade and security.",
    "{A} imposed new sanctions on {B} after talks on the disputed border collapsed last week.",
    "{A_adj} troops fired artillery at positions held by {group} near {city}, killing at least {n} fighters.",
    "{igo} urged {A} and {B} to return to negotiations and to respect the ceasefire agreed in {month}.",
    "{A} pledged {n} million dollars in humanitarian aid to {B} following the floods.",
    "Thousands of protesters marched through {city} on {day} to demand the resignation of the {office}.",
    "{A_adj} police arrested {n} opposition activists in {city} ahead of the vote.",
    "{A} rejected a proposal from {B} to open the crossing for humanitarian convoys.",
    "{group} threatened to attack {A_adj} shipping if the blockade was not lifted.",
    "{A} and {B} signed an agreement on energy cooperation in {city} on {day}.",
    "{A_adj} forces withdrew from two villages near {city} under the terms of the truce.",
    "{A} expelled two {B_adj} diplomats, accusing them of espionage.",
    "{A} deployed additional warships to the gulf after {group} seized a tanker.",
    "{B_adj} officials accused {A} of supplying weapons to {group}.",
    "{A_adj} {office} {person} praised {B} for its role in mediating the prisoner exchange.",
    "{A} released {n} prisoners held since the clashes of {month} {year}.",
    "{A} and {B} held joint military exercises off the coast in {month}.",
    "{igo} announced an investigation into reports of abuses by {A_adj} security forces.",
    "{A} will not attend the summit in {city}, a spokesperson said on {day}.",
]
FILLER = [
    "The dispute has deepened divisions in a region already strained by years of conflict and economic decline.",
    "Analysts said the move reflected growing pressure on the government from hardliners at home.",
    "The statement did not say how many people had been affected or when further talks would take place.",
    "Prices of bread and fuel have risen sharply since the start of the year, adding to public anger.",
    "Diplomats in the capital described the atmosphere of the meeting as tense but constructive.",
    "Local residents told reporters that the roads leading to the city had been closed for most of the day.",
    "The ministry said it would publish a full account of the incident once its inquiry was complete.",
    "Observers noted that the two sides had made similar commitments before without lasting results.",
]
QUOTES = [
    "\"We will not accept any interference in our internal affairs,\" {person} told reporters in {city}.",
    "\"The door to dialogue remains open,\" {person} said, adding that both sides had to show restraint.",
    "{person} said that the government would respond firmly to any further provocation.",
]


def _fill(rng: random.Random, template: str, published: date) -> str:
    a, b = rng.sample(STATES, 2)
    past = published - timedelta(days=rng.randint(1, 6))
    sentence = template.format(
        A=a[0], A_adj=a[1], B=b[0], B_adj=b[1], city=rng.choice([a[2], b[2]]), group=rng.choice(GROUPS),
        igo=rng.choice(IGOS), office=rng.choice(OFFICES), person=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        n=rng.randint(2, 90), day=past.strftime("%A"), month=rng.choice(MONTHS), year=published.year - 1,
    )
    return sentence[0].upper() + sentence[1:]


def make_article(rng: random.Random, index: int) -> dict:
    """One synthetic article record of 600–900 words."""
    published = date(2015, 1, 1) + timedelta(days=rng.randint(0, 3650))
    a = rng.choice(STATES)
    title = f"{a[0]} faces mounting pressure as regional talks stall"
    target = rng.randint(600, 900)
    paragraphs: list[str] = [f"{a[2].upper()}, {published:%B} {published.day} -"]
    words = 0
    while words < target:
        sentences = [_fill(rng, rng.choice(EVENT_TEMPLATES), published)]
        sentences += [rng.choice(FILLER), _fill(rng, rng.choice(QUOTES + EVENT_TEMPLATES), published)]
        para = " ".join(sentences)
        paragraphs.append(para)
        words += len(para.split())
    text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
    return {"id": f"synthetic-{index:06d}", "title": title, "published": published.isoformat(), "text": text}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", help="JSONL file to write (default: standard output)")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    with open(args.out, "w", encoding="utf-8") if args.out else contextlib.nullcontext(sys.stdout) as out:
        for i in range(args.n):
            out.write(json.dumps(make_article(rng, i), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
