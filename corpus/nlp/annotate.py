"""Parse articles with the project pipeline once, caching each parsed ``Doc`` on disk.

:func:`annotate` returns ``Doc`` objects (the explore notebook shows one article with them); the analysis
tables do not hold ``Doc``s but go through :mod:`corpus.tables`, which reuses these cached parses when
there are any. Keys and entries are those of :mod:`corpus.nlp.cache`: the sha256 of the clean text plus
the pipeline tag, so a rerun parses only articles whose text (or pipeline) changed. The cache folder is
``.cache/annotations`` in the project (git-ignored), or ``$CORPUS_CACHE_DIR/annotations``, or the
``cache_dir`` argument.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pandas as pd
from tqdm.auto import tqdm

from corpus.ingest.loader import CorpusWarning
from corpus.nlp.cache import annotation_cache_dir, cache_key, entry_path, model_tag, pipeline_tag, read_doc, write_doc
from corpus.nlp.model import BATCH_SIZE, PROGRESS_MIN_DOCS

if TYPE_CHECKING:  # spaCy is imported when something is parsed, not when this module is
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["AnnotationRun", "annotate", "parse_texts"]

log = logging.getLogger(__name__)


class AnnotationRun(NamedTuple):
    """Parsed documents in the order of the articles, and how many came from the cache."""

    docs: list[Doc]
    parsed: int
    cached: int
    model: str


def parse_texts(nlp: Language, texts: Iterable[str], *, total: int, n_process: int, batch_size: int,
                progress: bool | None) -> Iterator[Doc]:
    """``nlp.pipe`` over ``texts`` in order, with a tqdm bar when ``progress`` (default: more than
    :data:`~corpus.nlp.model.PROGRESS_MIN_DOCS` texts).

    Plain texts, not (text, context) tuples: with ``as_tuples`` spaCy tokenises in this process and ships
    serialised Docs to the workers, which cost about 10% of the throughput.
    """
    show = progress if progress is not None else total > PROGRESS_MIN_DOCS
    return iter(tqdm(nlp.pipe(texts, n_process=n_process, batch_size=batch_size),
                     total=total, disable=not show, desc="parsing", unit="doc"))


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

    ``n_process`` and ``batch_size`` go to ``nlp.pipe``; ``progress`` as in :func:`parse_texts`. A text longer
    than ``nlp.max_length`` is not parsed: an empty ``Doc`` stands in for it and a warning names its file.
    """
    from spacy.tokens import Doc

    from corpus.nlp.pipeline import get_pipeline

    nlp = get_pipeline(model)
    folder = annotation_cache_dir(cache_dir)
    tag = pipeline_tag(nlp)
    keys = [cache_key(text, tag) for text in articles["text"]]
    paths = [entry_path(folder, key) for key in keys]
    docs: list[Doc | None] = [None] * len(paths)
    if use_cache:
        for i, path in enumerate(paths):
            docs[i] = read_doc(path, keys[i], nlp.vocab)
    for i, text in enumerate(articles["text"]):
        if docs[i] is None and len(text) > nlp.max_length:
            name = articles["source_file"].iloc[i] if "source_file" in articles else articles["doc_id"].iloc[i]
            warnings.warn(f"{name}: longer than the model's limit of {nlp.max_length:,} characters; not parsed "
                          "(an empty document stands in for it)", CorpusWarning, stacklevel=2)
            docs[i] = Doc(nlp.vocab, words=[])
    todo = [i for i, doc in enumerate(docs) if doc is None]
    parsed = parse_texts(nlp, (articles["text"].iloc[i] for i in todo), total=len(todo), n_process=n_process,
                         batch_size=batch_size, progress=progress)
    for i, doc in zip(todo, parsed):
        docs[i] = doc
        if use_cache:
            write_doc(paths[i], keys[i], doc)
    for doc, doc_id, outlet in zip(docs, articles["doc_id"], articles["outlet"]):
        doc._.doc_id = doc_id
        doc._.outlet = outlet
    log.info("annotated %d articles: %d parsed, %d from cache", len(docs), len(todo), len(docs) - len(todo))
    return AnnotationRun(docs, len(todo), len(docs) - len(todo), model_tag(nlp))
