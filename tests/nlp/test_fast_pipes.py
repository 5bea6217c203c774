"""The faster attribute ruler and lemmatizer annotate exactly as spaCy's own components, with the model's rules."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from corpus.nlp.fast_pipes import CachedRuleLemmatizer, IndexedAttributeRuler, speed_up_pipeline
from corpus.nlp.model import load_model

# Sentences that reach the model's rarer rules: "but" as an adverb, "'d", reflexives, indefinite
# pronouns, contractions and multi-token lemma rules, a tab and stacked spaces (the IS_SPACE rules).
UNUSUAL = [
    "I'd rather they'd left; it's all but over, and nobody told anyone anything.",
    "Don't you think we'd have known?  He hurt himself,\tthey said, but she wasn't sure.",
    "Gonna be a long night, ain't it?  Y'all can't say whether it'll hold.",
    "Whereas the U.S. said it would, Iran's ministers said they wouldn't.",
]
ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]


@pytest.fixture(scope="module")
def pipelines():
    plain = load_model()
    indexed = load_model()
    speed_up_pipeline(indexed)
    return plain, indexed


def test_the_pipeline_uses_both_with_every_rule_and_table(pipelines):
    plain, indexed = pipelines
    ruler, lemmatizer = indexed.get_pipe("attribute_ruler"), indexed.get_pipe("lemmatizer")
    assert isinstance(ruler, IndexedAttributeRuler) and isinstance(lemmatizer, CachedRuleLemmatizer)
    assert indexed.pipe_names == plain.pipe_names
    assert ruler.patterns == plain.get_pipe("attribute_ruler").patterns
    assert lemmatizer.lookups.to_bytes() == plain.get_pipe("lemmatizer").lookups.to_bytes()
    assert lemmatizer.mode == "rule" and not lemmatizer.overwrite


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
    # twice: the second pass reads the lemmas the first one cached
    for ours, theirs in zip(indexed.pipe(texts * 2), plain.pipe(texts * 2)):
        assert (ours.to_array(ATTRS) == theirs.to_array(ATTRS)).all()
        assert [(t.lemma_, str(t.morph), t.pos_) for t in ours] == [(t.lemma_, str(t.morph), t.pos_) for t in theirs]
    assert len(indexed.get_pipe("lemmatizer")._lemma_of) > 500


def test_rules_it_cannot_index_go_through_the_matcher(pipelines):
    """A rule with an operator, a regular expression or several tokens keeps spaCy's own matching."""
    _, indexed = pipelines
    ruler = IndexedAttributeRuler(indexed.vocab)
    ruler.add([[{"LOWER": {"REGEX": "^iran"}}]], {"LEMMA": "IRAN-ish"})
    ruler.add([[{"LOWER": "new"}, {"LOWER": "york"}]], {"LEMMA": "NYC"}, index=-1)
    ruler.add([[{"TAG": "NNP"}]], {"POS": "PROPN"})
    ruler.add([[{"lower": "iranian", "tag": "JJ"}]], {"LEMMA": "later rule wins"})  # keys in any case, as spaCy
    doc = indexed.make_doc("Iranian troops left New York")
    for token, tag in zip(doc, ["JJ", "NNS", "VBD", "NNP", "NNP"]):
        token.tag_ = tag
    ruler(doc)
    assert [t.lemma_ for t in doc] == ["later rule wins", "", "", "", "NYC"]
    assert [t.pos_ for t in doc] == ["", "", "", "PROPN", "PROPN"]


def test_the_pipeline_survives_pickling(pipelines):
    """spaCy pickles the pipeline to start its workers where processes are spawned (macOS, Windows)."""
    import pickle

    _, indexed = pipelines
    text = "The soldiers were leaving their bases, two officials said; they'd been told nothing."
    copy = pickle.loads(pickle.dumps(indexed))
    assert isinstance(copy.get_pipe("lemmatizer"), CachedRuleLemmatizer)
    assert isinstance(copy.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert [(t.lemma_, t.pos_, str(t.morph)) for t in copy(text)] == [(t.lemma_, t.pos_, str(t.morph)) for t in indexed(text)]
