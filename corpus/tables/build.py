"""Every analysis table of a corpus, streamed article by article into CSV files (the local engine).

:func:`build_tables` takes each article's rows from :func:`corpus.tables.rows.article_rows` (parsed with
``n_process`` workers, or cached), or from the dask engine of :mod:`corpus.tables.cluster`, and appends them
to one CSV per table as they come, with ``outlet`` and ``date`` from the articles table: no ``Doc`` and no
whole table is held. :func:`load_tables` returns the tables as DataFrames; this is what the notebooks use.
"""

from __future__ import annotations

import csv
import hashlib
import logging
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from corpus.extract.attribution import ATTRIBUTION_COLUMNS, Attribution
from corpus.extract.entities import MENTION_COLUMNS, EntityMention
from corpus.extract.sentiment import SENTIMENT_COLUMNS, SentenceScore
from corpus.extract.troops import CLAIM_COLUMNS, TroopClaim
from corpus.nlp.cache import annotation_cache_dir, model_tag
from corpus.nlp.model import BATCH_SIZE
from corpus.paths import cache_dir as default_cache_dir

__all__ = ["TABLES", "ROW_FIELDS", "TABLE_VERSION", "ArticleRows", "build_tables", "extractors_digest", "load_tables",
           "TableRun", "LoadedTables"]

log = logging.getLogger(__name__)

TABLES: dict[str, list[str]] = {
    "entity_mentions": MENTION_COLUMNS,
    "attributions": ATTRIBUTION_COLUMNS,
    "troop_claims": CLAIM_COLUMNS,
    "sentiment": SENTIMENT_COLUMNS,
    "term_counts": ["doc_id", "outlet", "date", "term", "count"],
    "actor_sentences": ["doc_id", "outlet", "date", "sent_id", "actor"],
    "event_naming": ["doc_id", "outlet", "date", "event", "term", "count"],
}
"""Each table's columns in the output (``outlet`` and ``date`` are filled from the articles table)."""
ARTICLE_FIELDS = ("doc_id", "outlet", "date")
"""Columns every table takes from the articles table."""
NUMERIC_COLUMNS = frozenset({
    "sent_id", "start_char", "end_char", "source_start", "source_end", "cue_start", "cue_end", "content_start",
    "content_end", "value", "low", "high", "polarity", "subjectivity", "vader", "polarity_no_events",
    "vader_no_events", "n_event_words", "count",
})


TABLE_VERSION = "1"
"""Part of the cache key of every article's rows (with the extractors' source and data files)."""

ROW_FIELDS: dict[str, list[str]] = {
    "entity_mentions": list(EntityMention._fields),
    "attributions": list(Attribution._fields),
    "troop_claims": [*TroopClaim._fields, "group"],
    "sentiment": list(SentenceScore._fields),
    "term_counts": ["doc_id", "term", "count"],
    "actor_sentences": ["doc_id", "sent_id", "actor"],
    "event_naming": ["doc_id", "event", "term", "count"],
}
"""The fields each row of each table holds, in order (the extractors' own tuples)."""

ArticleRows = tuple[int, dict, bool]
"""(article position, rows by table, parsed in this run?)"""


@lru_cache(maxsize=1)
def extractors_digest() -> str:
    """Digest of the table version, the source of every extractor module, of the row pipeline
    (``corpus/tables/rows.py``) and of this module (which holds :data:`ROW_FIELDS`, the rows' layout), and every
    data table.

    An edit to an extractor's code or to a lexicon therefore invalidates the cached rows by itself; the
    analysis and plotting stages are not in it, so editing them re-extracts nothing.
    """
    digest = hashlib.sha256(TABLE_VERSION.encode())
    package = resources.files("corpus")
    for entry in [*_python_sources("extract"), package.joinpath("tables", "rows.py"),
                  package.joinpath("tables", "build.py")]:
        digest.update(entry.read_bytes())
    folder = package.joinpath("data")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_file():
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def readers_digest() -> str:
    """Digest of the reading and cleaning code, every module of ``corpus/ingest/`` by name and source: the store
    holds clean texts, so an edit there re-reads unchanged files."""
    digest = hashlib.sha256()
    for entry in _python_sources("ingest"):
        digest.update(entry.name.encode())
        digest.update(entry.read_bytes())
    return digest.hexdigest()[:16]


def _python_sources(subpackage: str) -> list:
    """The ``.py`` files of one of the project's subpackages, in name order."""
    return sorted((e for e in resources.files("corpus").joinpath(subpackage).iterdir() if e.name.endswith(".py")),
                  key=lambda e: e.name)


class TableRun(NamedTuple):
    """Where the tables are and how they were made."""

    paths: dict[str, Path]
    rows: dict[str, int]
    parsed: int
    cached: int
    model: str


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
    cache of :func:`corpus.nlp.annotate` are reused rather than parsed again.

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
        from corpus.tables.cluster import dask_rows  # the parsing modules load spaCy: imported when they run

        rows, tag = dask_rows(articles, scheduler=scheduler, partitions=partitions, model=model,
                                    batch_size=batch_size, cache=cache, doc_cache=doc_cache)
    elif engine == "local":
        from corpus.tables.rows import article_rows, table_pipeline

        nlp = table_pipeline(model)
        tag = model_tag(nlp)
        rows = article_rows(articles, nlp, n_process=n_process, batch_size=batch_size, cache=cache,
                            doc_cache=doc_cache, progress=progress, model=model)
    else:
        raise ValueError(f"unknown engine {engine!r}: use 'local' or 'dask'")
    return _write_tables(articles, rows, Path(out_dir), tag, names)


def _write_tables(articles: pd.DataFrame, rows: Iterable[ArticleRows], out_dir: Path,
                  model: str, names: list[str]) -> TableRun:
    """Append each article's rows, in article order, to ``out_dir/<table>.csv`` with ``outlet`` and ``date``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    # Article-level columns come from the articles table, never from the rows: the rows belong to a text
    # (two articles with the same text share one cache entry) and are extracted before any doc_id is set.
    meta = list(zip(articles["doc_id"], articles["outlet"], articles["date"].dt.strftime("%Y-%m-%d").fillna("")))
    paths = {name: out_dir / f"{name}.csv" for name in names}
    orders = {name: [c if c in ARTICLE_FIELDS else ROW_FIELDS[name].index(c) for c in TABLES[name]]
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
    return TableRun(paths, counts, parsed, cached, model)


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
