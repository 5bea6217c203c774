"""Every analysis table of a corpus, streamed article by article and cached per article.

:func:`build_tables` runs each article's clean text through the spaCy pipeline (``nlp.pipe``, batched,
``n_process`` workers) and the extractors (entities, attributions, troop claims, sentence sentiment,
term counts, actors, event names), which run as the pipeline's last step, in the workers: no ``Doc``
leaves a worker, and each table's rows are appended to its CSV file as they come. The rows of each article are cached
(``<cache>/tables/``, keyed by the text, the pipeline and a digest of the extractors' code version and
data tables), so a rerun on an unchanged corpus only reads them. An edit to a lexicon or alias file
changes the digest: the rows are extracted again, from the parsed ``Doc`` of the annotation cache when
there is one, so nothing is parsed twice.

:func:`load_tables` returns the tables as DataFrames; this is what the notebooks use.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import logging
import tempfile
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from tqdm.auto import tqdm

from corpus.annotate import _cache_path, _pipeline_tag, _write_atomic, annotation_cache_dir, cache_key
from corpus.attribution import ATTRIBUTION_COLUMNS, Attribution, extract_attributions
from corpus.entities import MENTION_COLUMNS, EntityMention, entity_mentions
from corpus.framing import doc_event_naming, doc_term_counts
from corpus.nlp import BATCH_SIZE, default_model_name
from corpus.paths import cache_dir as default_cache_dir
from corpus.pipeline import build_pipeline
from corpus.sentiment import SENTIMENT_COLUMNS, SentenceScore, doc_actor_sentences, sentence_sentiment
from corpus.troops import CLAIM_COLUMNS, TroopClaim, claim_group, extract_troop_claims

__all__ = ["TABLES", "TABLE_VERSION", "doc_tables", "table_pipeline", "build_tables", "load_tables", "TableRun",
           "LoadedTables"]

log = logging.getLogger(__name__)

TABLE_VERSION = "1"
"""Part of the cache key of every article's rows (with the extractors' source and data files)."""

# Each table: its columns in the output (``outlet`` and ``date`` are filled from the articles table).
TABLES: dict[str, list[str]] = {
    "entity_mentions": MENTION_COLUMNS,
    "attributions": ATTRIBUTION_COLUMNS,
    "troop_claims": CLAIM_COLUMNS,
    "sentiment": SENTIMENT_COLUMNS,
    "term_counts": ["doc_id", "outlet", "date", "term", "count"],
    "actor_sentences": ["doc_id", "outlet", "date", "sent_id", "actor"],
    "event_naming": ["doc_id", "outlet", "date", "event", "term", "count"],
}
ARTICLE_FIELDS = ("doc_id", "outlet", "date")
"""Columns every table takes from the articles table."""
PROGRESS_MIN_DOCS = 50
NUMERIC_COLUMNS = frozenset({
    "sent_id", "start_char", "end_char", "source_start", "source_end", "cue_start", "cue_end", "content_start",
    "content_end", "value", "low", "high", "polarity", "subjectivity", "vader", "polarity_no_events",
    "vader_no_events", "n_event_words", "count",
})


class TableRun(NamedTuple):
    """Where the tables are and how they were made."""

    paths: dict[str, Path]
    rows: dict[str, int]
    parsed: int
    cached: int
    model: str


EXTRACTOR_MODULES = ("attribution", "entities", "framing", "numbers", "quotes", "sentiment", "tables", "troops")


@lru_cache(maxsize=1)
def extractors_digest() -> str:
    """Digest of the table version, the extractors' source files and every data table they read.

    An edit to an extractor's code or to a lexicon therefore invalidates the cached rows by itself.
    """
    digest = hashlib.sha256(TABLE_VERSION.encode())
    package = resources.files("corpus")
    for module in EXTRACTOR_MODULES:
        digest.update(package.joinpath(f"{module}.py").read_bytes())
    folder = package.joinpath("data")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_file():
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:16]


def doc_tables(doc: Doc) -> dict[str, list[list]]:
    """Every table's rows for one parsed article, without ``outlet`` and ``date`` (a pure function of ``doc``)."""
    mentions = entity_mentions(doc)
    attributions = extract_attributions(doc)
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
    # SciPy, about 2 s) here, once, so the workers nlp.pipe forks inherit them instead of each loading its own.
    nlp(WARM_UP_TEXT)
    return nlp


# The fields each cached row holds, in order (the extractors' own tuples).
_ROW_FIELDS: dict[str, list[str]] = {
    "entity_mentions": list(EntityMention._fields),
    "attributions": list(Attribution._fields),
    "troop_claims": [*TroopClaim._fields, "group"],
    "sentiment": list(SentenceScore._fields),
    "term_counts": ["doc_id", "term", "count"],
    "actor_sentences": ["doc_id", "sent_id", "actor"],
    "event_naming": ["doc_id", "event", "term", "count"],
}


def _table_cache_path(folder: Path, key: str) -> Path:
    return folder / key[:2] / f"{key}.json.gz"


def _rows_for(articles: pd.DataFrame, nlp: Language, *, n_process: int, batch_size: int, cache: Path | None,
              doc_cache: Path | None, progress: bool | None) -> Iterator[tuple[int, dict, bool]]:
    """(article position, rows by table, parsed?) in article order, parsing only articles not in the cache."""
    tag = _pipeline_tag(nlp) + "\x1f" + extractors_digest()
    keys = [cache_key(text, nlp, pipeline_tag=tag) for text in articles["text"]]
    doc_keys = [cache_key(text, nlp) for text in articles["text"]] if doc_cache is not None else None
    cached = {i for i, key in enumerate(keys) if cache is not None and _table_cache_path(cache, key).exists()}
    reusable_docs = {i for i in range(len(keys)) if i not in cached and doc_keys is not None
                     and _cache_path(doc_cache, doc_keys[i]).exists()}
    todo = [i for i in range(len(keys)) if i not in cached and i not in reusable_docs]
    show = progress if progress is not None else len(todo) > PROGRESS_MIN_DOCS
    # Plain texts, not (text, context) tuples: with as_tuples spaCy tokenises in this process and ships
    # serialised Docs to the workers, which cost about 10% of the throughput. nlp.pipe keeps the order.
    texts = (articles["text"].iloc[i] for i in todo)
    parsed = iter(tqdm(nlp.pipe(texts, n_process=n_process, batch_size=batch_size),
                       total=len(todo), disable=not show, desc="parsing", unit="doc"))
    for i in range(len(keys)):
        if i in cached:
            with gzip.open(_table_cache_path(cache, keys[i]), "rt", encoding="utf-8") as handle:
                yield i, json.load(handle), False
            continue
        if i in reusable_docs:
            rows = doc_tables(next(iter(
                DocBin().from_bytes(_cache_path(doc_cache, doc_keys[i]).read_bytes()).get_docs(nlp.vocab))))
        else:
            rows = carried_rows(next(parsed))
        if cache is not None:
            _write_atomic(_table_cache_path(cache, keys[i]), gzip.compress(
                json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), compresslevel=3))
        yield i, rows, i not in reusable_docs


def build_tables(
    articles: pd.DataFrame,
    out_dir: str | Path,
    *,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = BATCH_SIZE,
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
    progress: bool | None = None,
    engine: str = "local",
    scheduler=None,
    partitions: int | None = None,
    tables: Iterable[str] | None = None,
) -> TableRun:
    """Stream every article through parsing and extraction into ``out_dir/<table>.csv``.

    ``tables`` names the tables to write (default: all of :data:`TABLES`); every table's rows are
    extracted and cached either way, so asking for another table later parses nothing.

    Memory stays flat as the corpus grows: one article's ``Doc`` and rows at a time (plus spaCy's
    batch), each row written as soon as it exists. Parsed ``Doc`` objects already in the annotation
    cache of :func:`corpus.annotate.annotate` are reused rather than parsed again.

    ``engine="dask"`` sends partitions of the articles to the workers of a ``dask.distributed``
    scheduler (``scheduler``: an address, a ``Client`` or a ``LocalCluster``); each worker loads the
    model once and reads and writes the same cache. The tables are the same as the local engine's.
    """
    names = list(TABLES) if tables is None else list(tables)
    unknown = sorted(set(names) - set(TABLES))
    if unknown:
        raise ValueError(f"unknown table(s) {', '.join(unknown)}: choose from {', '.join(TABLES)}")
    root = Path(cache_dir) if cache_dir else default_cache_dir()
    cache = root / "tables" if use_cache else None
    doc_cache = annotation_cache_dir(root / "annotations" if cache_dir else None) if use_cache else None
    if engine == "dask":
        from corpus.distributed import dask_rows

        rows, model_tag = dask_rows(articles, scheduler=scheduler, partitions=partitions, model=model,
                                    batch_size=batch_size, cache=cache, doc_cache=doc_cache)
    elif engine == "local":
        nlp = table_pipeline(model)
        model_tag = f"{nlp.meta.get('name')}-{nlp.meta.get('version')}"
        rows = _rows_for(articles, nlp, n_process=n_process, batch_size=batch_size, cache=cache,
                         doc_cache=doc_cache, progress=progress)
    else:
        raise ValueError(f"unknown engine {engine!r}: use 'local' or 'dask'")
    return _write_tables(articles, rows, Path(out_dir), model_tag, names)


def _write_tables(articles: pd.DataFrame, rows: Iterable[tuple[int, dict, bool]], out_dir: Path,
                  model_tag: str, names: list[str]) -> TableRun:
    """Append each article's rows, in article order, to ``out_dir/<table>.csv`` with ``outlet`` and ``date``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    # Article-level columns come from the articles table, never from the rows: the rows belong to a text
    # (two articles with the same text share one cache entry) and are extracted before any doc_id is set.
    meta = list(zip(articles["doc_id"], articles["outlet"], articles["date"].dt.strftime("%Y-%m-%d").fillna("")))
    paths = {name: out_dir / f"{name}.csv" for name in names}
    orders = {name: [c if c in ARTICLE_FIELDS else _ROW_FIELDS[name].index(c) for c in TABLES[name]]
              for name in names}
    handles = {name: open(path, "w", encoding="utf-8", newline="") for name, path in paths.items()}
    writers = {name: csv.writer(handle, lineterminator="\n") for name, handle in handles.items()}
    counts = dict.fromkeys(names, 0)
    parsed = cached = 0
    try:
        for name, writer in writers.items():
            writer.writerow(TABLES[name])
        for i, article_rows, was_parsed in rows:
            parsed += was_parsed
            cached += not was_parsed
            article = dict(zip(ARTICLE_FIELDS, meta[i]))
            for name in names:
                table_rows, order = article_rows[name], orders[name]
                for row in table_rows:
                    writers[name].writerow([article[c] if c in article else row[c] for c in order])
                counts[name] += len(table_rows)
    finally:
        for handle in handles.values():
            handle.close()
    log.info("tables of %d articles: %d parsed, %d from cache", len(articles), parsed, cached)
    return TableRun(paths, counts, parsed, cached, model_tag)


class LoadedTables(NamedTuple):
    """The tables as DataFrames (by name, see :data:`TABLES`) and how many articles were parsed or cached."""

    tables: dict[str, pd.DataFrame]
    parsed: int
    cached: int
    model: str


def load_tables(articles: pd.DataFrame, **options) -> LoadedTables:
    """The tables as DataFrames, built through :func:`build_tables` in a temporary folder (options as there;
    ``tables=[...]`` loads only those, which matters on a large corpus: term counts alone are ~10 M rows
    for the 37,554 AllSides articles)."""
    with tempfile.TemporaryDirectory(prefix="corpus-tables-") as tmp:
        run = build_tables(articles, tmp, **options)
        # every column read as text ("" stays ""), then the numeric ones converted (an empty value is NaN)
        tables = {name: pd.read_csv(path, dtype=str, keep_default_na=False) for name, path in run.paths.items()}
    for table in tables.values():
        for column in table.columns:
            if column in NUMERIC_COLUMNS:
                table[column] = pd.to_numeric(table[column].replace("", None))
        table["date"] = pd.to_datetime(table["date"].replace("", None))
    return LoadedTables(tables, run.parsed, run.cached, run.model)
