"""The per-article row pipeline: one article's clean text in, the rows of every table out, cached.

:func:`table_pipeline` is the project pipeline (:mod:`corpus.nlp.pipeline`) with one last step,
``corpus_table_rows``, that runs every extractor of :mod:`corpus.extract` on the parsed ``Doc`` inside the
spaCy worker and sends back only the rows. :func:`article_rows` yields each article's rows in article order,
reading them from the row cache when it can, else from a cached parse (:mod:`corpus.nlp.cache`), else by
parsing. A row-cache key adds :func:`extractors_digest` to the parse key, so an edit to an extractor or a
lexicon re-extracts (from the cached parse) and nothing is parsed twice.
"""

from __future__ import annotations

import gzip
import json
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache
from itertools import islice
from pathlib import Path

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc
from tqdm.auto import tqdm

from corpus.extract.attribution import extract_attributions
from corpus.extract.entities import entity_mentions
from corpus.extract.framing import doc_event_naming, doc_term_counts
from corpus.extract.sentiment import doc_actor_sentences, sentence_sentiment
from corpus.extract.troops import claim_group, extract_troop_claims
from corpus.ingest.loader import CorpusWarning
from corpus.nlp.annotate import parse_texts
from corpus.nlp.cache import cache_key, entry_path, pipeline_tag, read_doc, seal, unseal, write_atomic
from corpus.nlp.model import PROGRESS_MIN_DOCS, default_model_name
from corpus.nlp.pipeline import build_pipeline
from corpus.tables.build import ROW_FIELDS, TABLE_VERSION, ArticleRows, extractors_digest
from corpus.tables.workers import MAIN_GUARD_ADVICE, check_main_guard, spawned_pool

__all__ = ["TABLE_VERSION", "ROW_FIELDS", "ArticleRows", "article_rows", "carried_rows", "doc_tables",
           "extractors_digest", "parsed_rows", "table_pipeline", "too_long"]

def doc_tables(doc: Doc) -> dict[str, list[list]]:
    """Every table's rows for one parsed article, without ``outlet`` and ``date`` (a pure function of ``doc``)."""
    mentions = entity_mentions(doc)
    attributions = extract_attributions(doc, mentions=mentions)
    claims = extract_troop_claims(doc, attributions=attributions)
    entity_sentences = [(m.sent_id, m.entity) for m in mentions]
    doc_id = doc._.doc_id
    return {
        "entity_mentions": [list(m) for m in mentions],
        "attributions": [list(a) for a in attributions],
        "troop_claims": [[*c, claim_group(c)] for c in claims],
        "sentiment": [list(s) for s in sentence_sentiment(doc)],
        "term_counts": [[doc_id, term, n] for term, n in sorted(doc_term_counts(doc).items())],
        "actor_sentences": [[doc_id, sent_id, actor] for sent_id, actor in doc_actor_sentences(doc, entity_sentences)],
        "event_naming": [[doc_id, event, term, n] for (event, term), n in
                         sorted(doc_event_naming(doc, entity_sentences).items())],
    }


WARM_UP_TEXT = "Iraqi officials said on Monday that 5,000 American troops would stay, a spokesman told Reuters."


@Language.factory("corpus_table_rows")
def make_table_rows(nlp: Language, name: str):
    """The last step of :func:`table_pipeline`: replaces each parsed ``Doc`` by its table rows."""
    return rows_in_place_of_doc


def rows_in_place_of_doc(doc: Doc) -> Doc:
    """An empty ``Doc`` carrying ``doc_tables(doc)`` as its context (read them with :func:`carried_rows`).

    With ``n_process`` > 1, spaCy serialises every ``Doc`` a worker returns and the main process
    deserialises it again; the tables need only the rows, so extracting them in the worker and sending
    back an empty ``Doc`` moves the extraction off the main process and skips that round trip. The rows
    ride in ``Doc._context``, the slot spaCy's ``nlp.pipe`` uses to carry ``as_tuples`` contexts: a worker
    pickles it beside the ``Doc``'s bytes. In ``user_data`` they would be msgpack-encoded, and srsly looks
    up its decoder entry points in the installed packages' metadata on every decode, three times per
    ``Doc`` (about 4 ms of the main process's CPU per article, measured with cProfile).
    """
    carrier = Doc(doc.vocab, words=[])
    carrier._context = doc_tables(doc)
    return carrier


def carried_rows(carrier: Doc) -> dict[str, list[list]]:
    """The rows :func:`rows_in_place_of_doc` put on an empty ``Doc``, in this process or from a worker."""
    rows = carrier._context
    if not isinstance(rows, dict):
        raise ValueError("this Doc carries no table rows: was it made by the corpus_table_rows step?")
    return rows


def table_pipeline(model_name: str | None = None) -> Language:
    """The project pipeline followed by ``corpus_table_rows``, built once per process."""
    return _cached_table_pipeline(model_name or default_model_name())


@lru_cache(maxsize=4)
def _cached_table_pipeline(model_name: str) -> Language:
    nlp = build_pipeline(model_name)
    nlp.add_pipe("corpus_table_rows", last=True)
    # One sentence through every extractor loads their lexicons and lazy imports (TextBlob pulls in NLTK and
    # SciPy, about 2 s) here, once per process, before the first article is timed or parsed.
    nlp(WARM_UP_TEXT)
    return nlp


EMPTY_ROWS: dict[str, list] = {name: [] for name in ROW_FIELDS}


IN_FLIGHT_PER_WORKER = 3
"""Batches sent ahead to each parsing worker, so that none waits for the next while this process writes."""

PARALLEL_MIN_TEXTS = 40
"""Fewer texts than this are parsed in this process whatever ``n_process`` says: a spawned worker takes about
3 s to start (imports, model, warm-up), as long as this process takes to parse some 20 news articles."""


def parsed_rows(nlp: Language, texts: Iterable[str], *, model: str | None, total: int, n_process: int,
                batch_size: int, progress: bool | None) -> Iterator[dict[str, list[list]]]:
    """Each text's rows (:func:`doc_tables`), in order: parsed here by ``nlp`` (a :func:`table_pipeline`), or with
    ``n_process`` > 1 by that many worker processes, each with the :func:`table_pipeline` of ``model``.

    The workers are spawned, not forked as spaCy's own ``n_process`` forks them: a forked worker's resident
    memory counts every page of the process it was forked from, the sync's buffers and the articles read so
    far with them. On all 37,554 AllSides articles a forked worker peaked at 1,528 MB, beside a 1,370 MB sync
    (``benchmarks/RESULTS.md``). A spawned one holds only its pipeline and its batch. Each batch of
    ``batch_size`` texts is one task; results come back in order. Fewer than :data:`PARALLEL_MIN_TEXTS` texts
    are parsed here.
    """
    if n_process <= 1 or total < PARALLEL_MIN_TEXTS:
        for carrier in parse_texts(nlp, texts, total=total, n_process=1, batch_size=batch_size, progress=progress):
            yield carried_rows(carrier)
        return
    check_main_guard()
    show = progress if progress is not None else total > PROGRESS_MIN_DOCS
    model_name = model or default_model_name()
    remaining = iter(texts)
    batches = iter(lambda: list(islice(remaining, batch_size)), [])
    with spawned_pool(n_process, initializer=table_pipeline, initargs=(model_name,)) as pool, \
            tqdm(total=total, disable=not show, desc="parsing", unit="doc") as bar:
        waiting: deque = deque()
        try:
            for batch in batches:
                waiting.append(pool.submit(_batch_rows, model_name, batch, batch_size))
                if len(waiting) >= IN_FLIGHT_PER_WORKER * n_process:
                    yield from _done(waiting.popleft(), bar)
            while waiting:
                yield from _done(waiting.popleft(), bar)
        finally:
            for future in waiting:
                future.cancel()


def _done(future, bar) -> list[dict[str, list[list]]]:
    try:
        rows = future.result()
    except BrokenProcessPool as err:
        raise RuntimeError("a parsing worker ended before it finished: it was killed or ran out of memory, or "
                           f"its script has no main guard ({MAIN_GUARD_ADVICE})") from err
    bar.update(len(rows))
    return rows


def _batch_rows(model_name: str, texts: list[str], batch_size: int) -> list[dict[str, list[list]]]:
    """Runs in a worker of :func:`parsed_rows`: the rows of a batch of texts."""
    return [carried_rows(carrier) for carrier in table_pipeline(model_name).pipe(texts, batch_size=batch_size)]


def too_long(articles: pd.DataFrame, limit: int) -> list[str]:
    """The articles (source file, else doc_id) whose clean text is longer than ``limit`` characters."""
    names = articles["source_file"] if "source_file" in articles else articles["doc_id"]
    return [name for name, text in zip(names, articles["text"]) if len(text) > limit]


def _read_rows(path: Path, key: str) -> dict | None:
    payload = unseal(path, key)
    return None if payload is None else json.loads(gzip.decompress(payload))


def _write_rows(path: Path, key: str, rows: dict) -> None:
    payload = gzip.compress(json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
                            compresslevel=3)
    write_atomic(path, seal(key, payload))


def article_rows(articles: pd.DataFrame, nlp: Language, *, n_process: int, batch_size: int, cache: Path | None,
                 doc_cache: Path | None, progress: bool | None, model: str | None = None) -> Iterator[ArticleRows]:
    """Every article's rows in article order, parsing only articles whose rows and parse are not cached.

    ``nlp`` is the :func:`table_pipeline` of ``model`` (the workers of :func:`parsed_rows` build their own from
    the name); ``cache`` holds rows, ``doc_cache`` parsed documents (either None to go without). A cache entry
    that fails its check is reported, discarded and rebuilt (the article is parsed here if need be). A text
    longer than ``nlp.max_length`` is not parsed: it gets no rows, and a
    :class:`~corpus.ingest.loader.CorpusWarning` names it.
    """
    texts = articles["text"]
    parse_tag = pipeline_tag(nlp)
    row_tag = parse_tag + "\x1f" + extractors_digest()
    row_keys = [cache_key(text, row_tag) for text in texts]
    doc_keys = [cache_key(text, parse_tag) for text in texts]
    row_paths = [entry_path(cache, key, ".json.gz") if cache is not None else None for key in row_keys]
    doc_paths = [entry_path(doc_cache, key) if doc_cache is not None else None for key in doc_keys]
    skipped = {i for i, text in enumerate(texts) if len(text) > nlp.max_length}
    for name in too_long(articles, nlp.max_length):
        warnings.warn(f"{name}: longer than the model's limit of {nlp.max_length:,} characters; not parsed, "
                      "so it adds no rows to any table", CorpusWarning, stacklevel=2)
    cached = {i for i, path in enumerate(row_paths) if i not in skipped and path is not None and path.exists()}
    reusable_docs = {i for i, path in enumerate(doc_paths)
                     if i not in skipped and i not in cached and path is not None and path.exists()}
    todo = [i for i in range(len(texts)) if i not in skipped | cached | reusable_docs]
    parsed = parsed_rows(nlp, (texts.iloc[i] for i in todo), model=model, total=len(todo), n_process=n_process,
                         batch_size=batch_size, progress=progress)
    for i in range(len(texts)):
        if i in skipped:
            yield i, EMPTY_ROWS, False
            continue
        rows = _read_rows(row_paths[i], row_keys[i]) if i in cached else None
        if rows is not None:
            yield i, rows, False
            continue
        doc = read_doc(doc_paths[i], doc_keys[i], nlp.vocab) if doc_paths[i] is not None else None
        if doc is not None:
            rows, was_parsed = doc_tables(doc), False
        elif i in cached or i in reusable_docs:  # its entry failed the check: parse it now, in this process
            rows, was_parsed = carried_rows(nlp(texts.iloc[i])), True
        else:
            rows, was_parsed = next(parsed), True
        if row_paths[i] is not None:
            _write_rows(row_paths[i], row_keys[i], rows)
        yield i, rows, was_parsed
