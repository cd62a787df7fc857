"""The document JSON keeps the contract's keys and offsets point into the article text."""

import json

CONTRACT_KEYS = {"doc", "sentences", "actors", "places", "dates", "quotes", "events"}


def test_document_json_has_contract_keys(seed_doc):
    data = json.loads(seed_doc.to_json())
    assert set(data) >= CONTRACT_KEYS
    assert set(data["doc"]) >= {"id", "title", "published", "outlet", "language"}


def test_sentence_offsets_point_into_text(seed_doc, seed_text):
    assert seed_doc.sentences
    for s in seed_doc.sentences:
        assert seed_text[s.start:s.end] == s.text
