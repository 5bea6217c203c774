"""The entity normaliser's merge rules, on hand-built documents (no model needed), and on the seeds."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from corpus.extract.entities import entity_mentions, normalise_surface
from corpus.nlp.extensions import register_extensions

register_extensions()
VOCAB = spacy.blank("en").vocab


def make_doc(words, ents, heads=None, deps=None, doc_id="d1"):
    """A Doc with given entity IOB tags (and optionally a dependency parse)."""
    heads = heads or list(range(len(words)))
    deps = deps or ["ROOT" if i == h else "dep" for i, h in enumerate(heads)]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, ents=ents, sent_starts=[True] + [False] * (len(words) - 1))
    doc._.doc_id = doc_id
    return doc


def canon(doc):
    return [(m.surface, m.entity) for m in entity_mentions(doc)]


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Gen. Qassim Suleimani", "Qassem Soleimani"),
        ("General Suleimani", "Soleimani"),
        ("Qasem Soleimani", "Qassem Soleimani"),
        ("Mr Trump", "Trump"),
        ("President Donald Trump", "Donald Trump"),
        ("Secretary of State Mike Pompeo", "Mike Pompeo"),
        ("Iran’s", "Iran"),
        ("the Pentagon", "Pentagon"),
        ("John Kerry’s", "John Kerry"),
        ("Cdr. Sean Robertson", "Sean Robertson"),
    ],
)
def test_surface_clean_up(surface, expected):
    assert normalise_surface(surface) == expected


def test_transliterations_and_titles_merge():
    doc = make_doc(["Gen.", "Qassim", "Suleimani", "met", "Qassem", "Soleimani", "and", "Suleimani", "left"],
                   ["O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "O"])
    assert {e for _, e in canon(doc)} == {"Qassem Soleimani"}


def test_surname_resolves_to_full_name_in_the_same_article_only():
    doc = make_doc(["David", "Schenker", "spoke", ".", "Schenker", "said", "so"],
                   ["B-PERSON", "I-PERSON", "O", "O", "B-ORG", "O", "O"])
    assert canon(doc) == [("David Schenker", "David Schenker"), ("Schenker", "David Schenker")]
    other = make_doc(["Schenker", "said", "so"], ["B-PERSON", "O", "O"], doc_id="d2")
    assert canon(other) == [("Schenker", "Schenker")]


def test_country_forms_merge():
    doc = make_doc(["US", ",", "U.S.", ",", "the", "United", "States", "and", "America"],
                   ["B-GPE", "O", "B-GPE", "O", "B-GPE", "I-GPE", "I-GPE", "O", "B-GPE"])
    assert {e for _, e in canon(doc)} == {"United States"}


def test_washington_is_the_us_only_when_it_acts():
    acting = make_doc(["Washington", "announced", "it"], ["B-GPE", "O", "O"], heads=[1, 1, 1], deps=["nsubj", "ROOT", "dobj"])
    place = make_doc(["a", "Washington", "think", "-", "tank"], ["O", "B-GPE", "O", "O", "O"],
                     heads=[4, 4, 4, 4, 4], deps=["det", "compound", "compound", "punct", "ROOT"])
    assert canon(acting) == [("Washington", "United States")]
    assert canon(place) == [("Washington", "Washington")]


def test_must_not_merge_trump_and_trump_administration():
    doc = make_doc(["Donald", "Trump", "and", "the", "Trump", "administration", "and", "Mr", "Trump"],
                   ["B-PERSON", "I-PERSON", "O", "O", "B-ORG", "O", "O", "B-PERSON", "I-PERSON"])
    assert canon(doc) == [("Donald Trump", "Donald Trump"), ("Trump", "Trump administration"), ("Mr Trump", "Donald Trump")]


def test_must_not_merge_iraq_and_iran():
    doc = make_doc(["Iraq", "and", "Iran", "and", "Iraqi", "and", "Iranian"], ["B-GPE", "O", "B-GPE", "O", "B-NORP", "O", "B-NORP"])
    assert [e for _, e in canon(doc)] == ["Iraq", "Iran", "Iraqi", "Iranian"]


def test_platforms_and_credits_are_not_entities():
    doc = make_doc(["wrote", "on", "Twitter", "AFP", "Getty", "Images"], ["O", "O", "B-PERSON", "B-ORG", "B-ORG", "I-ORG"])
    assert canon(doc) == []


def test_sentence_ids_and_offsets():
    doc = Doc(VOCAB, words=["Iran", "acted", ".", "Iraq", "waited", "."], ents=["B-GPE", "O", "O", "B-GPE", "O", "O"],
              sent_starts=[True, False, False, True, False, False])
    doc._.doc_id = "d"
    mentions = entity_mentions(doc)
    assert [m.sent_id for m in mentions] == [0, 1]
    assert [doc.text[m.start_char:m.end_char] for m in mentions] == ["Iran", "Iraq"]


def test_a_span_of_another_label_ending_in_a_common_noun_stays_as_it_is():
    from corpus.extract.entities import entity_mentions
    from corpus.nlp.pipeline import get_pipeline

    doc = get_pipeline()("Badge said nothing. Left: the White House Service Badge, and the U.S. Army Reserve.")
    assert "House Service Badge" not in {m.entity for m in entity_mentions(doc) if m.label == "PERSON"}


def test_shorter_forms_and_arabic_article_surnames_are_the_full_name():
    from corpus.extract.entities import surname_index

    assert surname_index(["Adel al-Jubeir", "Jubeir"])["jubeir"] == "Adel al-Jubeir"
    from corpus.extract.entities import entity_mentions
    from corpus.nlp.pipeline import get_pipeline

    doc = get_pipeline()("Iraqi Prime Minister Adel Abdul Mahdi resigned. Abdul Mahdi said he would stay on.")
    assert {m.entity for m in entity_mentions(doc) if m.label == "PERSON"} == {"Adel Abdul Mahdi"}
