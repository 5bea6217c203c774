"""The tables on a ``dask.distributed`` cluster (the dask engine), for corpora that outgrow one machine.

The articles are cut into contiguous partitions; each partition goes to a worker, which parses and
extracts it with the same code as the local engine (:func:`corpus.tables.rows.article_rows`) and returns its
rows. A worker builds the spaCy pipeline once per process (:func:`corpus.tables.rows.table_pipeline` is cached)
and reads and writes the same per-article cache, so the cluster needs a shared file system for the
cache to pay off; without one each worker keeps its own. The client writes the rows in article order,
so the tables equal the local engine's.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterator

import pandas as pd

from corpus.nlp.cache import model_tag
from corpus.nlp.extensions import register_extensions
from corpus.tables.rows import ArticleRows, article_rows, table_pipeline

log = logging.getLogger(__name__)

PARTITION_COLUMNS = ["doc_id", "outlet", "date", "text"]


def _partition_rows(chunk: pd.DataFrame, offset: int, *, model: str | None, batch_size: int,
                    cache: str | None, doc_cache: str | None) -> tuple[list[ArticleRows], str]:
    """Runs on a worker: the rows of one partition, positions shifted by ``offset``."""
    register_extensions()
    nlp = table_pipeline(model)
    rows = [(offset + i, rows_by_table, parsed) for i, rows_by_table, parsed in article_rows(
        chunk.reset_index(drop=True), nlp, n_process=1, batch_size=batch_size,
        cache=Path(cache) if cache else None, doc_cache=Path(doc_cache) if doc_cache else None, progress=False)]
    return rows, model_tag(nlp)


def _client(scheduler):
    from distributed import Client

    if scheduler is None:
        raise ValueError("the dask engine needs a scheduler: an address such as tcp://host:8786, or a LocalCluster")
    if isinstance(scheduler, Client):
        return scheduler, False
    return Client(scheduler), True


def dask_rows(articles: pd.DataFrame, *, scheduler, partitions: int | None, model: str | None, batch_size: int,
              cache: Path | None, doc_cache: Path | None) -> tuple[Iterator[ArticleRows], str]:
    """Every article's rows, in article order, computed on the cluster; and the model's tag."""
    client, owned = _client(scheduler)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        count = partitions or max(1, min(len(articles), 4 * n_workers))
        bounds = [round(k * len(articles) / count) for k in range(count + 1)]
        frame = articles[PARTITION_COLUMNS]
        futures = [client.submit(_partition_rows, frame.iloc[a:b], a, model=model, batch_size=batch_size,
                                 cache=str(cache) if cache else None, doc_cache=str(doc_cache) if doc_cache else None,
                                 pure=False)
                   for a, b in zip(bounds, bounds[1:]) if b > a]
        log.info("dask: %d articles in %d partitions on %d workers", len(articles), len(futures), n_workers)
        results = [future.result() for future in futures]  # in partition order, so in article order
    finally:
        if owned:
            client.close()
    tag = results[0][1] if results else ""
    return (row for rows, _ in results for row in rows), tag
