"""Annotate articles with spaCy once, and cache the parsed documents on disk.

Every notebook gets its ``Doc`` objects from :func:`annotate`; none parses on its own.
A document is cached as a ``DocBin`` under a key made of the sha256 of its clean text, the
model's name and version, the project's :data:`~corpus.pipeline.PIPELINE_VERSION` and a
digest of the domain patterns, so a rerun parses only articles whose text (or pipeline)
changed. The cache folder is ``.cache/annotations`` in the project (git-ignored), or
``$CORPUS_CACHE_DIR/annotations``, or the ``cache_dir`` argument.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path
from typing import NamedTuple

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from tqdm.auto import tqdm

from corpus.nlp import BATCH_SIZE
from corpus.paths import cache_dir as default_cache_dir
from corpus.pipeline import PIPELINE_VERSION, get_pipeline, patterns_digest

__all__ = ["AnnotationRun", "annotate", "cache_key", "annotation_cache_dir"]

log = logging.getLogger(__name__)

PROGRESS_MIN_DOCS = 50
"""Show a progress bar only on runs long enough to need one."""


class AnnotationRun(NamedTuple):
    """Parsed documents in the order of the articles, and how many came from the cache."""

    docs: list[Doc]
    parsed: int
    cached: int
    model: str


def _model_tag(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '0')}"


def cache_key(text: str, nlp: Language, *, pipeline_tag: str | None = None) -> str:
    """The cache key of one clean text under one pipeline (``pipeline_tag`` from :func:`_pipeline_tag`)."""
    tag = pipeline_tag if pipeline_tag is not None else _pipeline_tag(nlp)
    return hashlib.sha256(f"{hashlib.sha256(text.encode('utf-8')).hexdigest()}\x1f{tag}".encode("utf-8")).hexdigest()


def _pipeline_tag(nlp: Language) -> str:
    """Model name and version, project pipeline version and pattern digest: the text-independent key part."""
    return "\x1f".join([_model_tag(nlp), PIPELINE_VERSION, patterns_digest()])


def annotation_cache_dir(cache_dir: str | Path | None = None) -> Path:
    return Path(cache_dir) if cache_dir else default_cache_dir() / "annotations"


def _cache_path(folder: Path, key: str) -> Path:
    return folder / key[:2] / f"{key}.spacy"


def _write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so a crash never leaves a half-written cache entry."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)


def annotate(
    articles: pd.DataFrame,
    *,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = BATCH_SIZE,
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
    progress: bool | None = None,
) -> AnnotationRun:
    """Parse the ``text`` of each article (cached), with ``doc._.doc_id`` and ``doc._.outlet`` set.

    ``n_process`` and ``batch_size`` go to ``nlp.pipe``. ``progress`` shows a tqdm bar (default:
    when more than :data:`PROGRESS_MIN_DOCS` articles need parsing).
    """
    nlp = get_pipeline(model)
    folder = annotation_cache_dir(cache_dir)
    tag = _pipeline_tag(nlp)
    keys = [cache_key(text, nlp, pipeline_tag=tag) for text in articles["text"]]
    docs: list[Doc | None] = [None] * len(keys)
    if use_cache:
        for i, key in enumerate(keys):
            path = _cache_path(folder, key)
            if path.exists():
                docs[i] = next(iter(DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab)))
    todo = [i for i, doc in enumerate(docs) if doc is None]
    texts = (articles["text"].iloc[i] for i in todo)
    show = progress if progress is not None else len(todo) > PROGRESS_MIN_DOCS
    parsed = nlp.pipe(texts, n_process=n_process, batch_size=batch_size)
    for i, doc in zip(todo, tqdm(parsed, total=len(todo), disable=not show, desc="parsing", unit="doc")):
        docs[i] = doc
        if use_cache:
            bin_ = DocBin(store_user_data=False)
            bin_.add(doc)
            _write_atomic(_cache_path(folder, keys[i]), bin_.to_bytes())
    for doc, doc_id, outlet in zip(docs, articles["doc_id"], articles["outlet"]):
        doc._.doc_id = doc_id
        doc._.outlet = outlet
    log.info("annotated %d articles: %d parsed, %d from cache", len(docs), len(todo), len(docs) - len(todo))
    return AnnotationRun(docs, len(todo), len(docs) - len(todo), _model_tag(nlp))
