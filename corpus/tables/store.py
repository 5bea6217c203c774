"""The corpus store: each article read, cleaned and parsed once; every table kept as Parquet; DuckDB to query.

One store per corpus, under the project's cache folder (``$CORPUS_CACHE_DIR``, default ``.cache/``) in
``stores/<folder name>-<hash of its path>/``, or where ``store=`` says; never beside the user's files.

Layout. The articles are spread over :data:`BUCKETS` buckets by a hash of their ``doc_id``; each bucket holds
one Parquet file per table (``articles`` with clean text, metadata and what cleaning removed, and every table of
:data:`~corpus.tables.build.TABLES`), named by the sync that wrote it. ``store.json`` lists every article file the
store holds (size, modification time, sha256) and every Parquet file (sha256, bytes, rows). Parquet because
pandas, DuckDB, R (``arrow::open_dataset``), Polars and dask read it as it is and files are never rewritten in
place; DuckDB because it aggregates tens of millions of rows out of core and speaks SQL.

:func:`sync` brings a store up to date: files are compared by size and modification time, and a file that
differs is confirmed by its sha256; only new and changed files are read and cleaned, and only their articles
are parsed (``n_process`` workers, or the dask engine), once; only the buckets they fall in are rewritten, and
articles new to the store go to a bucket of their own (:data:`ADDITION_BUCKETS`), so adding a few rewrites none. The
per-article row cache of :mod:`corpus.tables.rows` stays below the store, so a rewritten bucket re-reads the rows
of its unchanged articles instead of parsing them. New files are written first and ``store.json`` is swapped in
by a rename, so a killed sync leaves the previous store whole; a lock on the store serialises syncs (a second
run waits, then finds the store up to date); every Parquet file is checked against its recorded size, and against
its recorded sha256 whenever its modification time is not the one recorded, before a sync trusts it; a damaged
one is reported (:class:`~corpus.nlp.cache.CacheWarning`) and rebuilt. (A change that keeps a file's size and
restores its time on purpose is not caught: reading every file on every sync cost more than the sync itself.)

Duplicates and copies (:func:`corpus.ingest.duplicates.find_duplicates`) are flagged over the whole corpus after
the buckets are written, into ``duplicates.<sync>.parquet``; :meth:`CorpusStore.articles` adds them.
"""

from __future__ import annotations

import concurrent.futures
import fcntl
import hashlib
import json
import logging
import multiprocessing
import os
import secrets
import shutil
import tempfile
import time
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from corpus.ingest.cleaning import Removal
from corpus.ingest.loader import (ARTICLE_COLUMNS, CATALOG_NAME, DUPLICATE_COLUMNS, CorpusError, CorpusWarning,
                                  LoadReport, Skipped, corpus_source, flag_duplicates, load_corpus, read_catalog,
                                  sha256_file)
from corpus.ingest.sources import find_sources
from corpus.nlp.cache import PIPELINE_VERSION, CacheWarning, annotation_cache_dir, installed_model_tag, patterns_digest
from corpus.nlp.model import BATCH_SIZE, default_model_name
from corpus.paths import SEEDS_DIR
from corpus.paths import cache_dir as default_cache_dir
from corpus.tables.build import NUMERIC_COLUMNS, ROW_FIELDS, TABLES, extractors_digest, readers_digest
from corpus.tables.workers import check_main_guard

__all__ = ["BUCKETS", "RUN_STORE_ENV", "STORE_TABLES", "CorpusStore", "SyncReport", "store_path", "sync", "open_store",
           "open_synced"]

log = logging.getLogger(__name__)

STORE_VERSION = "2"
BUCKETS = 32
"""Buckets the articles are spread over: a changed article rewrites one bucket's files, 1/32 of the store."""
ADDITION_PREFIX = "n"
ADDITION_BUCKETS = 8
"""Articles added to a synced corpus go to a bucket of their own (``n<sync>``), so that a nightly run that adds a
few articles rewrites no bucket they would hash to (30 new articles fall into about 20 of the 32); when this many
addition buckets exist, the next sync that adds articles puts them all back in their hash buckets."""
STORE_TABLES = ("articles", *TABLES)
FREE_TEXT_COLUMNS = frozenset({"text", "content", "sentence"})
"""Text columns of the tables whose values are mostly unique (sentences, quoted content); every other text
column is a label repeated over many rows (ids, outlets, names, kinds), read as such (:meth:`CorpusStore.sql`)."""
DUCKDB_MEMORY_LIMIT = "256MB"
"""DuckDB's memory in any one process that reads the store; larger sorts and joins spill to disk."""
FETCH_VECTORS = 8
"""Rows fetched per chunk (in DuckDB vectors of 2,048) when a result has label columns (:meth:`CorpusStore.sql`)."""
PARSE_COLUMNS = ["doc_id", "source_file", "outlet", "date", "text"]
"""What parsing and the tables need of an article (the row pipeline, the dask engine, the tables' columns)."""
LOAD_BATCH_FILES = 1000
"""Input files a sync reads before it writes their articles out (by bucket, under ``STAGING_DIR``)."""
STAGING_DIR = "staging"
DUPLICATES_APART_FROM = 2000
"""From this many articles on, duplicates are found in a process of their own (see :func:`_apart`): on 37,554
AllSides articles that step peaks at 1.2 GB, which a sync's process would otherwise keep (benchmarks/RESULTS.md)."""
ROW_ORDER = "row_in_article"
"""A column every stored table has besides its own, so that a table reads back in article and row order."""


class SyncReport(NamedTuple):
    """What a sync did: articles in the store, parsed now, reused (rows or parse from the cache or the
    store), removed, and the seconds it took."""

    articles: int
    parsed: int
    reused: int
    removed: int
    seconds: float

    def as_manifest(self) -> dict:
        return {"articles": self.articles, "parsed": self.parsed, "reused": self.reused, "removed": self.removed,
                "seconds": round(self.seconds, 1)}


def store_path(corpus_path: str | Path | None = None, *, store: str | Path | None = None) -> Path:
    """Where the store of a corpus lives: ``store`` if given, else ``<cache>/stores/<name>-<path hash>``."""
    if store is not None:
        return Path(store)
    real = os.path.realpath(corpus_path) if corpus_path is not None else str(SEEDS_DIR)
    digest = hashlib.sha256(real.encode("utf-8")).hexdigest()[:12]
    return default_cache_dir() / "stores" / f"{Path(real).name}-{digest}"


def bucket_of(doc_id: str) -> str:
    return f"{int(hashlib.sha256(doc_id.encode('utf-8')).hexdigest()[:8], 16) % BUCKETS:02d}"


@contextmanager
def _locked(folder: Path, mode: int):
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "a+") as handle:
        fcntl.flock(handle, mode)  # a second sync waits here; readers share the lock
        yield


def _pipeline_key(model_name: str) -> str:
    """What the store's tables depend on besides the files, known without loading the model: the reading and
    cleaning code too, since the articles table holds the clean texts (an unchanged file cleaned by new rules
    is read again)."""
    return "\x1f".join([STORE_VERSION, installed_model_tag(model_name), PIPELINE_VERSION, patterns_digest(),
                         extractors_digest(), readers_digest(), str(BUCKETS)])


def _catalog_rows(root: Path) -> dict[str, str]:
    """Article stem -> a hash of its catalog row: a changed row re-reads only that article."""
    catalog = read_catalog(root) if root.is_dir() else None
    if catalog is None:
        return {}
    fields = [c for c in catalog.columns if c != "catalog_row"]
    return {Path(row["file"]).stem: hashlib.sha256(json.dumps([row[c] for c in fields]).encode("utf-8")).hexdigest()
            for row in catalog.to_dict("records")}


# --- reading ----------------------------------------------------------------------------------------------------

class CorpusStore:
    """A synced store, read-only: the articles, every table, and SQL over them (DuckDB).

    ``articles()`` and ``table()`` return pandas DataFrames in article order; ``sql()`` runs any DuckDB query
    over views named after the tables (``articles``, ``attributions``, ``term_counts`` ...), which is where a
    large table should be aggregated (``store.sql("select outlet, term, sum(count) n from term_counts group by
    all")``) rather than loaded whole.
    """

    def __init__(self, path: Path, manifest: dict, *, shared_lock: bool = True):
        self.path = path
        self.manifest = manifest
        self.shared_lock = shared_lock  # off inside a sync, which holds the exclusive lock itself

    @property
    def n_articles(self) -> int:
        return sum(entry["articles"]["rows"] for entry in self.manifest["buckets"].values())

    def token(self) -> str:
        """This store as it is now (folder, pipeline, manifest digest), for :func:`open_synced`."""
        path = Path(os.path.realpath(self.path))
        return json.dumps({"path": str(path), "pipeline": self.manifest.get("pipeline"),
                           "manifest": sha256_file(path / "store.json")})

    def files(self, name: str) -> list[Path]:
        """The Parquet files of one table, bucket by bucket."""
        if name not in STORE_TABLES:
            raise ValueError(f"no table {name!r} in the store; there are: {', '.join(STORE_TABLES)}")
        return [self.path / entry[name]["file"] for _, entry in sorted(self.manifest["buckets"].items())
                if name in entry]

    def _connection(self, spill: str):
        import duckdb

        # DuckDB's default of 80% of the machine's memory would let one query in a notebook kernel take gigabytes;
        # past this limit it spills sorts and joins to ``spill`` (its default, ".tmp" in the working folder, could be
        # a user's corpus folder). Every query that needs an order says it, so insertion order need not be kept.
        connection = duckdb.connect(config={"memory_limit": DUCKDB_MEMORY_LIMIT, "threads": 2,
                                            "preserve_insertion_order": False, "temp_directory": spill})
        for name in STORE_TABLES:
            files = self.files(name)
            if files:
                listing = ", ".join(map(_sql_literal, files))
                connection.execute(f'CREATE VIEW "{name}" AS SELECT * FROM read_parquet([{listing}], union_by_name=true)')
        if self.manifest.get("duplicates"):
            duplicates = _sql_literal(self.path / self.manifest["duplicates"]["file"])
            connection.execute(f"CREATE VIEW duplicates AS SELECT * FROM read_parquet({duplicates})")
        return connection

    def sql(self, query: str, *, frames: dict[str, pd.DataFrame] | None = None, params: list | None = None,
            labels: Iterable[str] = ()) -> pd.DataFrame:
        """Run a DuckDB query over the store's tables (and ``frames``, pandas DataFrames registered under their
        keys; ``params``, the values of its ``?`` placeholders); the result as a DataFrame.

        ``labels`` names text columns whose values repeat over many rows (ids, outlets, names, kinds): the result
        is then fetched in chunks, and each distinct value is one Python string that all its rows share. A column
        of a few thousand names over millions of rows then costs a pointer a row instead of a string a row (about
        60 bytes), and the whole column never exists as separate strings."""
        with self._executed(query, frames=frames, params=params) as connection:
            labels = set(labels)
            return _fetch_shared(connection, labels) if labels else connection.fetch_df()

    @contextmanager
    def _executed(self, query: str, *, frames: dict[str, pd.DataFrame] | None, params: list | None):
        with (_locked(self.path, fcntl.LOCK_SH) if self.shared_lock else nullcontext(),
              tempfile.TemporaryDirectory(prefix="corpus-duckdb-") as spill):
            connection = self._connection(spill)
            try:
                for name, frame in (frames or {}).items():
                    connection.register(name, frame)
                connection.execute(query, params)
                yield connection
            finally:
                connection.close()

    def summed(self, name: str, *, by: Iterable[str], value: str = "count",
               articles: pd.DataFrame | None = None) -> pd.DataFrame:
        """``value`` of table ``name`` summed by the columns ``by`` in DuckDB, so that a large table (term counts,
        mentions) never reaches pandas whole. ``articles`` (``doc_id``, ``outlet``) restricts the sum to those
        articles and counts each under that ``outlet`` (the outlets a duplicates policy chose); sorted by ``by``."""
        by = list(by)
        if value not in TABLES.get(name, ()) or not set(by) <= set(TABLES.get(name, ())):
            raise ValueError(f"cannot sum {value!r} of {name!r} by {by}: its columns are "
                             f"{', '.join(TABLES.get(name, ()))}")
        if not self.files(name):
            return pd.DataFrame(columns=[*by, value])
        rows, frames, _ = self._rows_query(name, outlets=None, columns=[*by, value], articles=articles, where="",
                                           ordered=False)
        keys = ", ".join(f'"{c}"' for c in by)
        order = ", ".join(str(i + 1) for i in range(len(by)))
        return self.sql(f'SELECT {keys}, SUM("{value}")::BIGINT AS "{value}" FROM ({rows}) '
                        f"GROUP BY {order} ORDER BY {order}", frames=frames, labels=by)

    def table(self, name: str, *, outlets: Iterable[str] | None = None, columns: Iterable[str] | None = None,
              articles: pd.DataFrame | None = None, where: str = "", params: list | None = None,
              limit: int | None = None) -> pd.DataFrame:
        """One table in article and row order: the rows of ``outlets`` (all when None) or of ``articles`` (a
        frame of ``doc_id`` and ``outlet``: only those articles' rows, each under the outlet given there, as a
        duplicates policy counts it); ``columns`` (all when None); ``where``, a DuckDB condition on the
        table's columns (its ``?`` placeholders take ``params``); the first ``limit`` rows when given.

        In the extracted tables every text column but the free text of :data:`FREE_TEXT_COLUMNS` is read as
        labels (:meth:`sql`): millions of rows fit in a few hundred megabytes."""
        pieces = list(self.chunks(name, outlets=outlets, columns=columns, articles=articles, where=where,
                                  params=params, limit=limit))
        return pieces[0].reset_index(drop=True) if len(pieces) == 1 else pd.concat(pieces, ignore_index=True)

    def chunks(self, name: str, *, sort_by: Iterable[str] = (), outlets: Iterable[str] | None = None,
               columns: Iterable[str] | None = None, articles: pd.DataFrame | None = None, where: str = "",
               params: list | None = None, limit: int | None = None) -> Iterator[pd.DataFrame]:
        """The rows :meth:`table` gives, ordered by ``sort_by`` first, a chunk at a time (at least one): for
        writing out a table larger than a notebook should hold (:func:`corpus.publish.figures.save_store_table`)."""
        query, frames, wanted = self._rows_query(name, outlets=outlets, columns=columns, articles=articles,
                                                 where=where, sort_by=list(sort_by), limit=limit)
        if not self.files(name):
            yield pd.DataFrame(columns=wanted or [])
            return
        with self._executed(query, frames=frames, params=params) as connection:
            for chunk in _shared_chunks(connection, set(self._labels(name, wanted))):
                yield chunk.drop(columns=[ROW_ORDER], errors="ignore")

    @staticmethod
    def _labels(name: str, columns: list[str] | None) -> list[str]:
        if name not in TABLES:
            return []
        return [c for c in columns or [] if c not in NUMERIC_COLUMNS and c not in FREE_TEXT_COLUMNS and c != "date"]

    def count(self, name: str, *, outlets: Iterable[str] | None = None, articles: pd.DataFrame | None = None,
              where: str = "", params: list | None = None) -> int:
        """How many rows :meth:`table` would give with the same arguments."""
        if not self.files(name):
            return 0
        query, frames, _ = self._rows_query(name, outlets=outlets, columns=None, articles=articles, where=where,
                                            ordered=False)
        return int(self.sql(f"SELECT count(*) AS n FROM ({query})", frames=frames, params=params)["n"].iloc[0])

    def _rows_query(self, name: str, *, outlets, columns, articles, where, sort_by: list[str] = (),
                    limit: int | None = None, ordered: bool = True) -> tuple[str, dict | None, list | None]:
        wanted = list(columns) if columns is not None else (list(TABLES[name]) if name in TABLES else None)
        if articles is not None and name not in TABLES:
            raise ValueError(f"articles= restricts the extracted tables ({', '.join(TABLES)}), not {name!r}")
        order = [ROW_ORDER] if name in TABLES else []
        if articles is not None:
            # every column stays in the join, so that ``where`` may test one that is not read
            source = f'(SELECT t.* REPLACE (k.outlet AS outlet) FROM "{name}" t JOIN kept k ON t.doc_id = k.doc_id)'
            frames = {"kept": articles[["doc_id", "outlet"]]}
        else:
            source, frames = f'"{name}"', None
        selected = "*" if wanted is None else ", ".join(f'"{c}"' for c in [*wanted, *order])
        conditions = [f"({where})"] if where else []
        if outlets is not None:
            listing = ", ".join(map(_sql_literal, outlets)) or "NULL"
            conditions.append(f"outlet IN ({listing})")
        query = f"SELECT {selected} FROM {source}" + (" WHERE " + " AND ".join(conditions) if conditions else "")
        if ordered:
            query += " ORDER BY " + ", ".join(f'"{c}"' for c in [*sort_by, "doc_id", *order])
        query += f" LIMIT {int(limit)}" if limit is not None else ""
        return query, frames, wanted

    def articles(self, *, outlets: Iterable[str] | None = None, columns: Iterable[str] | None = None) -> pd.DataFrame:
        """The articles table, as :func:`corpus.load_corpus` gives it (``attrs`` included)."""
        columns = list(columns) if columns is not None else None
        stored = [c for c in columns if c not in DUPLICATE_COLUMNS] if columns is not None else None
        frame = self.table("articles", outlets=outlets, columns=stored)
        if "removed" in frame:
            frame["removed"] = [tuple(Removal(*r) for r in json.loads(value)) for value in frame["removed"]]
        if "date" in frame:
            frame["date"] = pd.to_datetime(frame["date"])
        duplicates = self.manifest.get("duplicates")
        if duplicates and "doc_id" in frame and (columns is None or set(DUPLICATE_COLUMNS) & set(columns)):
            flags = self.sql("SELECT * FROM duplicates").set_index("doc_id")
            for column in DUPLICATE_COLUMNS if columns is None else [c for c in DUPLICATE_COLUMNS if c in columns]:
                frame[column] = frame["doc_id"].map(flags[column]).to_numpy()
        frame.attrs["skipped"] = LoadReport(Skipped(*s) for s in self.manifest.get("skipped", []))
        frame.attrs["sources"] = LoadReport(self.manifest.get("sources", []))
        frame.attrs["warnings"] = LoadReport(self.manifest.get("warnings", []))
        frame.attrs["source"] = self.manifest.get("corpus", "")
        return frame


RUN_STORE_ENV = "CORPUS_RUN_STORE"
"""Set by ``corpus run`` for its notebooks' kernels to the :meth:`CorpusStore.token` of the store it has just
synced, so that each notebook reads that store as it is (:func:`open_synced`) instead of scanning the corpus
again: every notebook of a run then reads the same store, and none re-reads a large corpus's file list."""


def _shared_chunks(connection, labels: set[str]) -> Iterator[pd.DataFrame]:
    """The pending result of ``connection``, chunk by chunk (at least one, maybe empty), each value of its
    ``labels`` columns one Python string shared by every row that holds it, in this chunk and the ones before,
    instead of a string of its own per row."""
    pool, first = {}, True
    while True:
        chunk = connection.fetch_df_chunk(FETCH_VECTORS)
        if first and not len(chunk):  # DuckDB gives an empty text column as objects: the same dtype as rows get
            chunk = chunk.astype({c: "str" for c in chunk.columns if chunk[c].dtype == object})
        if first:  # a column the query gave as numbers or truth values stays as it is
            labels = {c for c in labels & set(chunk.columns) if pd.api.types.is_string_dtype(chunk[c])}
        for column in labels:
            codes, uniques = pd.factorize(chunk[column].to_numpy(dtype=object))
            shared = np.array([pool.setdefault(u, u) for u in uniques] + [np.nan], dtype=object)
            chunk[column] = pd.array(shared[codes], dtype=chunk[column].dtype)  # code -1 (missing) takes the nan
        if len(chunk) or first:
            yield chunk
        if not len(chunk):
            return
        first = False


def _fetch_shared(connection, labels: set[str]) -> pd.DataFrame:
    """All of :func:`_shared_chunks` as one DataFrame."""
    chunks = list(_shared_chunks(connection, labels))
    return chunks[0] if len(chunks) == 1 else pd.concat(chunks, ignore_index=True)


def open_synced(token: str, corpus_path: str | Path | None = None, *, store: str | Path | None = None,
                model: str | None = None) -> CorpusStore | None:
    """The store ``token`` names, when ``corpus_path`` (or ``store``) and ``model`` lead to it and its manifest
    is still the one the token recorded; else None, and the caller syncs."""
    try:
        named = json.loads(token)
        path = Path(os.path.realpath(store_path(corpus_path, store=store)))
        if named["path"] != str(path) or named["pipeline"] != _pipeline_key(model or default_model_name()):
            return None
        written = (path / "store.json").read_bytes()  # read once: the bytes checked are the bytes opened
        if hashlib.sha256(written).hexdigest() != named["manifest"]:
            return None
        return CorpusStore(path, json.loads(written))
    except (ValueError, KeyError, TypeError, OSError, ImportError):  # ImportError: a model not installed
        return None


def open_store(corpus_path: str | Path | None = None, *, store: str | Path | None = None) -> CorpusStore:
    """The store of a corpus as it is (run :func:`sync` first to bring it up to date)."""
    path = store_path(corpus_path, store=store)
    manifest = _read_manifest(path)
    if manifest is None:
        raise CorpusError(f"{path}: no store here yet; sync the corpus first (corpus sync --corpus PATH)")
    return CorpusStore(path, manifest)


def _read_manifest(path: Path) -> dict | None:
    try:
        manifest = json.loads((path / "store.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (ValueError, UnicodeDecodeError) as err:
        warnings.warn(f"store manifest {path / 'store.json'} cannot be read ({err}); the store is rebuilt",
                      CacheWarning, stacklevel=3)
        return None
    return manifest if isinstance(manifest, dict) and manifest.get("version") == STORE_VERSION else None


# --- writing ----------------------------------------------------------------------------------------------------

class _Scan(NamedTuple):
    files: dict[str, dict]  # name (relative to the corpus folder) -> size, mtime_ns, sha256
    changed: set[str]       # new or changed files
    removed: set[str]       # files the store held that are gone


def _scan(root: Path, previous: dict) -> _Scan:
    """The input files of the corpus: stat first, sha256 only where size or time differ (or are new)."""
    known = previous.get("files", {})
    files, changed = {}, set()
    for source in find_sources(root)[0]:
        stat = source.path.stat()
        record = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
        old = known.get(source.name)
        if old and old["size"] == stat.st_size and old["mtime_ns"] == stat.st_mtime_ns:
            files[source.name] = {**old}
            continue
        record["sha256"] = sha256_file(source.path)
        if not old or old.get("sha256") != record["sha256"]:
            changed.add(source.name)
        files[source.name] = {**(old or {}), **record}
    return _Scan(files, changed, set(known) - set(files))


def _verified_buckets(path: Path, previous: dict) -> tuple[dict, set[str]]:
    """The previous buckets whose every file matches its record, and the buckets that do not (see
    :func:`_intact`)."""
    good, damaged = {}, set()
    for bucket, entry in previous.get("buckets", {}).items():
        for name, record in entry.items():
            file = path / record["file"]
            if not _intact(path, record):
                warnings.warn(f"store file {file} is missing or altered (its sha256 differs from the one written); "
                              "its bucket is rebuilt", CacheWarning, stacklevel=3)
                damaged.add(bucket)
                break
        else:
            good[bucket] = entry
    return good, damaged


def _articles_frame(records: pd.DataFrame) -> pd.DataFrame:
    """Articles as stored: ``removed`` as JSON, a row order column."""
    frame = records[list(ARTICLE_COLUMNS)].copy()
    frame["removed"] = [json.dumps([list(r) for r in removed], ensure_ascii=False) for removed in frame["removed"]]
    return frame


def _table_frame(name: str, rows: list[list], meta: list[tuple]) -> pd.DataFrame:
    """One table's rows of some articles as the CSV tables read back: outlet and date from the articles, text
    columns "" for missing, numeric columns numbers, dates as dates (see :func:`corpus.tables.build.load_tables`)."""
    flat = [row for article_rows_of_table in rows for row in article_rows_of_table]
    columns = {field: [row[j] for row in flat] for j, field in enumerate(ROW_FIELDS[name])}
    for j, column in enumerate(("doc_id", "outlet", "date")):
        columns[column] = [m[j] for m, article_rows_of_table in zip(meta, rows) for _ in article_rows_of_table]
    columns[ROW_ORDER] = [position for article_rows_of_table in rows for position in range(len(article_rows_of_table))]
    frame = pd.DataFrame({column: columns[column] for column in [*TABLES[name], ROW_ORDER]})
    for column in TABLES[name]:
        if column == "date":
            frame[column] = pd.to_datetime(frame[column])
        elif column in NUMERIC_COLUMNS:
            frame[column] = pd.to_numeric(frame[column].replace("", None))
        else:
            frame[column] = pd.Series(["" if v is None else str(v) for v in columns[column]], dtype="str")
    frame[ROW_ORDER] = frame[ROW_ORDER].astype("int64")
    return frame


@contextmanager
def _parquet_writer():
    """One DuckDB connection for all the Parquet files a sync writes: opening one costs about 25 ms, which
    was most of the time of writing a bucket's file (measured on 600 articles: 257 files, 11.8 s)."""
    import duckdb

    connection = duckdb.connect()
    try:
        yield connection
    finally:
        connection.close()


def _sql_literal(value) -> str:
    """``value`` (a path, an outlet) as a quoted SQL string literal."""
    return "'" + str(value).replace("'", "''") + "'"


def _write_parquet(writer, frame: pd.DataFrame, path: Path) -> dict:
    writer.register("frame", frame)
    try:
        return _copy_to_parquet(writer, "SELECT * FROM frame", path)
    finally:
        writer.unregister("frame")


def _copy_to_parquet(writer, query: str, path: Path) -> dict:
    """Write the result of ``query`` to ``path`` (through a temporary file); its record for ``store.json``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    (rows,), = writer.execute(f"COPY ({query}) TO {_sql_literal(tmp)} (FORMAT parquet)").fetchall()
    os.replace(tmp, path)
    stat = path.stat()
    return {"sha256": sha256_file(path), "bytes": stat.st_size, "mtime_ns": stat.st_mtime_ns, "rows": rows}


def _merge_articles(writer, path: Path, bucket: str, generation: str, staged: list[Path], old_file: Path | None,
                    gone: list[str]) -> dict | None:
    """Write one bucket's articles, in ``doc_id`` order: those just read (``staged``, as :func:`_articles_frame`
    wrote them) and those of its previous file whose source file was neither read again nor removed (``gone``);
    their entry in ``store.json``, or None when the bucket has no article left."""
    parts = []
    if staged:
        parts.append(f"SELECT * FROM read_parquet([{', '.join(map(_sql_literal, staged))}], union_by_name = true)")
    if old_file is not None:
        parts.append(f"SELECT * FROM read_parquet({_sql_literal(old_file)}) "
                     "WHERE source_file NOT IN (SELECT name FROM gone)")
    if not parts:
        return None
    name = f"b{bucket}/articles.{generation}.parquet"
    writer.register("gone", pd.DataFrame({"name": pd.Series(gone, dtype="str")}))
    try:
        record = _copy_to_parquet(writer, " UNION ALL BY NAME ".join(parts) + " ORDER BY doc_id", path / name)
    finally:
        writer.unregister("gone")
    if not record["rows"]:
        (path / name).unlink()
        return None
    return {"file": name, **record}


def _parse_columns(writer, path: Path, written: dict) -> pd.DataFrame:
    """What the parse needs of the articles of the buckets ``written``, in bucket and ``doc_id`` order, with
    their bucket (``_bucket``)."""
    if not written:
        return pd.DataFrame(columns=[*PARSE_COLUMNS, "_bucket"])
    columns = ", ".join(PARSE_COLUMNS)
    query = " UNION ALL ".join(f"SELECT {columns}, '{bucket}' AS _bucket FROM read_parquet({_sql_literal(path / entry['file'])})"
                               for bucket, entry in sorted(written.items()))
    return writer.execute(query + " ORDER BY _bucket, doc_id").df()


def _write_bucket(writer, path: Path, bucket: str, generation: str, articles: pd.DataFrame,
                  rows: list[dict], written: dict) -> dict:
    """Write one bucket's tables from its articles' rows; the bucket's entry in ``store.json``, with its
    articles' file (``written``, by :func:`_write_articles`)."""
    meta = list(zip(articles["doc_id"], articles["outlet"], articles["date"].dt.normalize()))
    entry = {"articles": written}
    folder = path / f"b{bucket}"
    for name in TABLES:
        frame = _table_frame(name, [r[name] for r in rows], meta)
        record = _write_parquet(writer, frame, folder / f"{name}.{generation}.parquet")
        entry[name] = {"file": f"b{bucket}/{name}.{generation}.parquet", **record}
    return entry


def _remove_unreferenced(path: Path, manifest: dict) -> None:
    """Delete files no manifest entry names: an old generation, or what a killed sync left."""
    keep = {entry[name]["file"] for entry in manifest["buckets"].values() for name in entry}
    keep |= {manifest["duplicates"]["file"]} if manifest.get("duplicates") else set()
    for file in [*path.glob("b*/*"), *path.glob("duplicates.*")]:
        if file.relative_to(path).as_posix() not in keep:
            file.unlink(missing_ok=True)
    for folder in path.glob("b*/"):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()  # an addition bucket whose articles went back to their hash buckets


def _load_changed(root: Path, names: Iterable[str], *, each_batch, workers: int) -> pd.DataFrame:
    """Read the new and changed articles, handing them to ``each_batch`` (see :func:`load_corpus`); their
    problems go to the store manifest (``warnings``), from where the runner and the notebooks report them,
    rather than to the terminal of whoever synced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return load_corpus(root, only=names, each_batch=each_batch, batch_files=LOAD_BATCH_FILES,
                           workers=workers)


def sync(
    corpus_path: str | Path | None = None,
    *,
    store: str | Path | None = None,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = BATCH_SIZE,
    engine: str = "local",
    scheduler=None,
    progress: bool | None = None,
) -> tuple[CorpusStore, SyncReport]:
    """Bring the store of a corpus up to date (see the module docstring) and return it with what was done.

    A corpus that cannot be loaded raises :class:`~corpus.ingest.loader.CorpusError` and leaves the store as it
    was. ``engine="dask"`` parses on a ``dask.distributed`` cluster (``scheduler``: an address, a ``Client`` or
    a ``LocalCluster``), which writes the same files.
    """
    started = time.perf_counter()
    if n_process > 1 and engine == "local":
        check_main_guard()
    root = corpus_source(corpus_path)
    path = store_path(corpus_path, store=store)
    model_name = model or default_model_name()
    key = _pipeline_key(model_name)
    with _locked(path, fcntl.LOCK_EX), _parquet_writer() as writer:
        previous = _read_manifest(path) or {}
        if previous.get("pipeline") != key or previous.get("corpus") != str(root.resolve()):
            previous = {}  # another pipeline or extractor version: every bucket is rebuilt (the row cache helps)
        catalog = root / CATALOG_NAME
        catalog_sha = sha256_file(catalog) if root.is_dir() and catalog.is_file() else ""
        scan = _scan(root, previous)
        buckets, damaged = _verified_buckets(path, previous)
        generation = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{secrets.token_hex(3)}"  # unique per sync
        changed = set(scan.changed)
        if catalog_sha != previous.get("catalog_sha256"):
            rows = _catalog_rows(root)  # only the articles whose own catalog row changed are read again
            for name, record in scan.files.items():
                row = rows.get(Path(name).stem, "")
                if record.get("catalog_row") != row:
                    changed.add(name)
                record["catalog_row"] = row
        # where each file's articles live: their hash bucket, or the addition bucket of the sync that added them
        location = {name: record["bucket"] for name, record in previous.get("files", {}).items()
                    if record.get("bucket")}

        def bucket_for(name: str, doc_id: str) -> str:
            return location.get(name) or bucket_of(doc_id)

        added = sorted(name for name in changed if name not in previous.get("files", {})) if previous else []
        additions = {b for b in [*buckets, *damaged] if b.startswith(ADDITION_PREFIX)} if added else set()
        moved = []
        if len(additions) >= ADDITION_BUCKETS:
            # the additions of earlier syncs go back to their hash buckets, and this sync's with them
            moved = [name for name, bucket in location.items() if bucket in additions]
            for name in moved:
                del location[name]
        else:
            # new articles go to a bucket of their own: no bucket they would hash to is rewritten for them
            additions = set()
            for name in added:
                location[name] = f"{ADDITION_PREFIX}{generation}"
        # the articles of a damaged bucket, and those going back to their hash buckets, are read again from their
        # files (their rows come from the row cache)
        reread = changed | set(moved) | {name for name, record in scan.files.items()
                                         if any(bucket_for(name, d) in damaged for d in record.get("doc_ids", []))}

        staging = path / STAGING_DIR / generation
        fresh_ids: list[tuple[str, str]] = []

        def stage(batch: pd.DataFrame) -> None:
            # each batch of articles read goes to disk at once, by bucket: the sync never holds a corpus's texts
            homes = [bucket_for(name, doc_id) for name, doc_id in zip(batch["source_file"], batch["doc_id"])]
            fresh_ids.extend(zip(batch["source_file"], batch["doc_id"]))
            for bucket, group in batch.assign(_bucket=homes).groupby("_bucket", sort=True):
                _write_parquet(writer, _articles_frame(group), staging / bucket / f"{len(fresh_ids)}.parquet")

        loaded = _load_changed(root, sorted(reread), each_batch=stage, workers=n_process) if reread else None
        problems = list(loaded.attrs.get("warnings", [])) if loaded is not None else []
        # problems of files read before and not again; folder-wide ones are said again by the new read
        previous_problems = [p for p in previous.get("warnings", []) if p.get("file") in scan.files
                             and p.get("file") not in reread]
        skipped = [s for s in previous.get("skipped", []) if s[0] not in reread and s[0] not in scan.removed]
        skipped += [list(s) for s in (loaded.attrs.get("skipped", []) if loaded is not None else [])]
        fresh_sources = loaded.attrs.get("sources", []) if loaded is not None else []

        docs_of = {name: list(record.get("doc_ids", [])) for name, record in scan.files.items()}
        for name in reread:
            docs_of[name] = []
        for name, doc_id in fresh_ids:
            docs_of[name].append(doc_id)
        old_docs = {name: record.get("doc_ids", []) for name, record in previous.get("files", {}).items()}
        dirty = set(damaged) | additions | {bucket_of(d) for name in moved for d in docs_of.get(name, [])}
        dirty |= {bucket_for(name, d) for name in changed for d in docs_of.get(name, [])}
        dirty |= {bucket_for(name, d) for name in changed | scan.removed if name not in added
                  for d in old_docs.get(name, [])}
        if not previous:
            dirty |= {f"{b:02d}" for b in range(BUCKETS)}

        # each dirty bucket's articles, the unchanged ones from the store and the ones just read, are written
        # before the parse, which then reads only what it needs of them
        gone = sorted(reread | scan.removed)
        written = {}
        for bucket in sorted(dirty):
            old_file = buckets[bucket]["articles"]["file"] if bucket in buckets else None
            record = _merge_articles(writer, path, bucket, generation, sorted((staging / bucket).glob("*.parquet")),
                                     path / old_file if old_file else None, gone)
            if record is not None:
                written[bucket] = record
        shutil.rmtree(path / STAGING_DIR, ignore_errors=True)
        todo = _parse_columns(writer, path, written)
        parsed = 0
        new_buckets = {b: e for b, e in buckets.items() if b not in dirty}
        if len(todo):
            from corpus.tables.rows import table_pipeline  # spaCy is imported only when there is something to parse

            nlp = table_pipeline(model_name)
            rows_iter = _rows(todo, nlp, model=model, engine=engine, scheduler=scheduler, n_process=n_process,
                              batch_size=batch_size, progress=progress)
            bucket_of_row = todo["_bucket"].tolist()
            current, collected = None, []
            for i, rows, was_parsed in rows_iter:
                parsed += was_parsed
                bucket = bucket_of_row[i]
                if current is not None and bucket != current:
                    new_buckets[current] = _flush(writer, path, current, generation, todo, collected, written)
                    collected = []
                current = bucket
                collected.append((i, rows))
            if current is not None:
                new_buckets[current] = _flush(writer, path, current, generation, todo, collected, written)
        files = {name: {**{k: v for k, v in record.items() if k != "bucket"}, "doc_ids": docs_of.get(name, []),
                        **({"bucket": location[name]} if name in location else {})}
                 for name, record in scan.files.items()}
        kept_files = set(scan.files) - reread
        sources = [r for r in previous.get("sources", []) if r["file"] in kept_files]
        sources = sorted(sources + fresh_sources,
                         key=lambda r: (r["file"], r["member"]))
        duplicates = previous.get("duplicates") if not dirty and _intact(path, previous.get("duplicates")) else None
        if duplicates is None and new_buckets:
            n_articles = sum(entry["articles"]["rows"] for entry in new_buckets.values())
            if n_articles >= DUPLICATES_APART_FROM:
                duplicates = _apart(_duplicates_file, path, generation, new_buckets)
            else:
                duplicates = _write_duplicates(writer, path, generation, new_buckets)
        manifest = {
            "version": STORE_VERSION, "corpus": str(root.resolve()), "pipeline": key,
            "model": installed_model_tag(model_name),
            "catalog_sha256": catalog_sha, "files": files,
            "buckets": dict(sorted(new_buckets.items())), "duplicates": duplicates, "sources": sources,
            "warnings": previous_problems + problems, "skipped": skipped,
        }
        tmp = path / "store.json.tmp"
        tmp.write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path / "store.json")
        _remove_unreferenced(path, manifest)
    result = CorpusStore(path, manifest)
    n_articles = result.n_articles
    report = SyncReport(n_articles, parsed, n_articles - parsed, len(scan.removed), time.perf_counter() - started)
    log.info("store %s: %d articles, %d parsed, %d reused, %d removed in %.1f s", path, *report)
    return result, report


def _intact(path: Path, record: dict | None) -> bool:
    """Whether a recorded store file is there with the bytes it was written with: its size, and its sha256
    unless its modification time is still the one recorded when it was written (so that a sync with nothing to
    do does not read the whole store; anything that rewrites a file changes its time)."""
    if not record:
        return False
    try:
        stat = (path / record["file"]).stat()
    except OSError:
        return False
    if stat.st_size != record["bytes"]:
        return False
    return stat.st_mtime_ns == record.get("mtime_ns") or sha256_file(path / record["file"]) == record["sha256"]


def _apart(function, *args):
    """``function(*args)`` in a process of its own, started afresh (not forked): what it allocates is returned
    to the machine when it ends, instead of staying in this process's heap."""
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


def _duplicates_file(path: Path, generation: str, buckets: dict) -> dict:
    with _parquet_writer() as writer:
        return _write_duplicates(writer, path, generation, buckets)


def _write_duplicates(writer, path: Path, generation: str, buckets: dict) -> dict:
    """Duplicates and copies over the whole corpus (they depend on every article, so a changed bucket redoes
    them all; 37,554 articles take seconds, see benchmarks/duplicates.json)."""
    reader = CorpusStore(path, {"buckets": buckets}, shared_lock=False)
    articles = reader.table("articles", columns=["doc_id", "outlet", "original_outlet", "date", "text"])
    articles["date"] = pd.to_datetime(articles["date"])
    flags = flag_duplicates(articles)[["doc_id", *DUPLICATE_COLUMNS]]
    name = f"duplicates.{generation}.parquet"
    return {"file": name, **_write_parquet(writer, flags, path / name)}


def _flush(writer, path: Path, bucket: str, generation: str, todo: pd.DataFrame,
           collected: list[tuple[int, dict]], written: dict) -> dict:
    positions = [i for i, _ in collected]
    articles = todo.iloc[positions].drop(columns=["_bucket"]).reset_index(drop=True)
    return _write_bucket(writer, path, bucket, generation, articles, [rows for _, rows in collected],
                         written[bucket])


def _rows(articles: pd.DataFrame, nlp, *, model: str | None, engine: str, scheduler, n_process: int,
          batch_size: int, progress: bool | None):
    """Each article's rows in order: through the row cache, parsing what it lacks, locally or on dask."""
    cache = default_cache_dir() / "tables"
    doc_cache = annotation_cache_dir()
    if engine == "dask":
        from corpus.tables.cluster import dask_rows

        rows, _ = dask_rows(articles, scheduler=scheduler, partitions=None, model=model, batch_size=batch_size,
                            cache=cache, doc_cache=doc_cache)
        return rows
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}: use 'local' or 'dask'")
    from corpus.tables.rows import article_rows

    return article_rows(articles, nlp, n_process=n_process, batch_size=batch_size, cache=cache,
                        doc_cache=doc_cache, progress=progress, model=model)

