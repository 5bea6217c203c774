"""The indexed attribute ruler annotates exactly as spaCy's own AttributeRuler, with the model's rules."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from corpus.attribute_rules import IndexedAttributeRuler, index_attribute_ruler
from corpus.nlp import load_model

# Sentences that reach the model's rarer rules: "but" as an adverb, "'d", reflexives, indefinite
# pronouns, contractions and multi-token lemma rules, a tab and stacked spaces (the IS_SPACE rules).
UNUSUAL = [
    "I'd rather they'd left; it's all but over, and nobody told anyone anything.",
    "Don't you think we'd have known?  He hurt himself,\tthey said, but she wasn't sure.",
    "Gonna be a long night, ain't it?  Y'all can't say whether it'll hold.",
    "Whereas the U.S. said it would, Iran's ministers said they wouldn't.",
]
ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


@pytest.fixture(scope="module")
def pipelines():
    plain = load_model()
    indexed = load_model()
    index_attribute_ruler(indexed)
    return plain, indexed


def test_the_pipeline_uses_the_indexed_ruler_with_every_rule(pipelines):
    plain, indexed = pipelines
    ruler = indexed.get_pipe("attribute_ruler")
    assert isinstance(ruler, IndexedAttributeRuler)
    assert indexed.pipe_names == plain.pipe_names
    assert ruler.patterns == plain.get_pipe("attribute_ruler").patterns


def test_same_matches_and_same_annotations_as_spacy(pipelines, seed_corpus):
    plain, indexed = pipelines
    texts = [*seed_corpus["text"], *UNUSUAL]
    spacy_ruler, our_ruler = plain.get_pipe("attribute_ruler"), indexed.get_pipe("attribute_ruler")
    with plain.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        before = list(plain.pipe(texts))
    n_matches = 0
    for doc in before:
        expected = sorted({(rule, start, end) for rule, _, start, end in spacy_ruler.match(doc)})
        assert sorted({(rule, start, end) for rule, _, start, end in our_ruler.match(doc)}) == expected
        n_matches += len(expected)
    assert n_matches > sum(len(doc) for doc in before)  # most tokens match a tag rule and a word rule
    for ours, theirs in zip(indexed.pipe(texts), plain.pipe(texts)):
        assert (ours.to_array(ATTRS) == theirs.to_array(ATTRS)).all()
        assert [(t.lemma_, str(t.morph), t.pos_) for t in ours] == [(t.lemma_, str(t.morph), t.pos_) for t in theirs]


def test_rules_it_cannot_index_go_through_the_matcher(pipelines):
    """A rule with an operator, a regular expression or several tokens keeps spaCy's own matching."""
    _, indexed = pipelines
    ruler = IndexedAttributeRuler(indexed.vocab)
    ruler.add([[{"LOWER": {"REGEX": "^iran"}}]], {"LEMMA": "IRAN-ish"})
    ruler.add([[{"LOWER": "new"}, {"LOWER": "york"}]], {"LEMMA": "NYC"}, index=-1)
    ruler.add([[{"TAG": "NNP"}]], {"POS": "PROPN"})
    ruler.add([[{"LOWER": "iranian", "TAG": "JJ"}]], {"LEMMA": "later rule wins"})
    doc = indexed.make_doc("Iranian troops left New York")
    for token, tag in zip(doc, ["JJ", "NNS", "VBD", "NNP", "NNP"]):
        token.tag_ = tag
    ruler(doc)
    assert [t.lemma_ for t in doc] == ["later rule wins", "", "", "", "NYC"]
    assert [t.pos_ for t in doc] == ["", "", "", "PROPN", "PROPN"]
