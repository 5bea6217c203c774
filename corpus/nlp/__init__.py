"""Stage 2, parse: clean text in, spaCy ``Doc`` out, each article parsed once and cached.

The project pipeline is the small English model (found by a configurable name), with two components
swapped for faster equivalents that annotate identically, title abbreviations kept whole and a domain
entity ruler; ``Doc`` extensions are registered in one place.
"""

from corpus.nlp.annotate import AnnotationRun, annotate, parse_texts
from corpus.nlp.extensions import register_extensions
from corpus.nlp.model import BATCH_SIZE, default_model_name, load_model
from corpus.nlp.pipeline import PIPELINE_VERSION, build_pipeline, get_pipeline

__all__ = ["AnnotationRun", "BATCH_SIZE", "PIPELINE_VERSION", "annotate", "build_pipeline", "default_model_name",
           "get_pipeline", "load_model", "parse_texts", "register_extensions"]
