"""Stage 2, parse: clean text in, spaCy ``Doc`` out, each article parsed once and cached.

The project pipeline is the small English model (found by a configurable name), with two components
swapped for faster equivalents that annotate identically, title abbreviations kept whole and a domain
entity ruler; ``Doc`` extensions are registered in one place.
"""

from importlib import import_module

from corpus.nlp.annotate import AnnotationRun, annotate, parse_texts
from corpus.nlp.cache import PIPELINE_VERSION
from corpus.nlp.model import BATCH_SIZE, default_model_name, load_model

__all__ = ["AnnotationRun", "BATCH_SIZE", "PIPELINE_VERSION", "annotate", "build_pipeline", "default_model_name",
           "get_pipeline", "load_model", "parse_texts", "register_extensions"]

_HOMES = {"register_extensions": "extensions", "build_pipeline": "pipeline", "get_pipeline": "pipeline"}


def __getattr__(name: str):
    """The names whose modules import spaCy, imported on first use (PEP 562): a notebook that reads a synced
    store, or computes its key (:mod:`corpus.nlp.cache`), never loads spaCy."""
    if name in _HOMES:
        return getattr(import_module(f"corpus.nlp.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'corpus.nlp' has no attribute {name!r}")
