"""The project's spaCy pipeline: the small English model, title abbreviations kept whole, domain entity patterns."""

from __future__ import annotations

import json
from functools import lru_cache

from spacy.attrs import ORTH
from spacy.language import Language

from corpus.nlp.cache import PIPELINE_VERSION, patterns_digest
from corpus.nlp.extensions import register_extensions
from corpus.nlp.fast_pipes import speed_up_pipeline
from corpus.nlp.model import MAX_TEXT_CHARS, default_model_name, load_model
from corpus.resources import data_lines, data_text

__all__ = ["PIPELINE_VERSION", "build_pipeline", "get_pipeline", "domain_patterns", "patterns_digest"]


def title_abbreviations() -> list[str]:
    """Abbreviated titles kept as one token (``data/title_abbreviations.txt``)."""
    return data_lines("title_abbreviations.txt")


def domain_patterns() -> list[dict]:
    """Entity patterns for names the small model misses (``data/entity_patterns.jsonl``)."""
    return [json.loads(line) for line in data_text("entity_patterns.jsonl").splitlines() if line.strip()]


@Language.factory("corpus_domain_entities", default_config={"overwrite_ents": True})
def make_domain_entities(nlp: Language, name: str, overwrite_ents: bool):
    """An ``EntityRuler`` loaded with the project's domain patterns (phrase patterns matched on LOWER)."""
    from spacy.pipeline import EntityRuler

    ruler = EntityRuler(nlp, name=name, phrase_matcher_attr="LOWER", overwrite_ents=overwrite_ents)
    ruler.add_patterns(domain_patterns())
    return ruler


@Language.component("corpus_paragraph_breaks")
def paragraph_breaks(doc):
    """A blank line ends a sentence: the clean text separates paragraphs (and photo captions, subheads, name
    lines) by blank lines, and without this the parser joins "Lt. Thomas MacNeil" to the next paragraph's
    "MacNeil, who had roomed with Gallagher, ..." and loses its subject. The parser keeps boundaries set
    before it (spaCy's pre-set ``is_sent_start``)."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


def build_pipeline(model_name: str | None = None) -> Language:
    """Load the model, swap in the faster equivalents of :mod:`corpus.nlp.fast_pipes` (same annotations) and add
    the domain entity ruler after its statistical NER."""
    register_extensions()
    nlp = load_model(model_name)
    nlp.max_length = MAX_TEXT_CHARS
    speed_up_pipeline(nlp)
    for abbreviation in title_abbreviations():
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.add_pipe("corpus_domain_entities", after="ner")
    nlp.add_pipe("corpus_paragraph_breaks", before=nlp.pipe_names[0])
    return nlp


def get_pipeline(model_name: str | None = None) -> Language:
    """The pipeline for a model name (default: :func:`~corpus.nlp.model.default_model_name`), built once per process."""
    return _cached_pipeline(model_name or default_model_name())


@lru_cache(maxsize=4)
def _cached_pipeline(model_name: str) -> Language:
    return build_pipeline(model_name)
