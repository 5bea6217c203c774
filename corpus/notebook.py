"""The one set-up call every notebook makes: style, output folder, the corpus, its outlets, its tables.

Each notebook's first code cell after ``parameters`` is::

    articles, tables, out, status = setup(corpus_path, output_dir, tables=[...], outlets=outlets,
                                          model=model_name, n_process=n_process)

so a student's copy of a notebook starts from the same place as the project's own.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from corpus.analysis.overview import DUPLICATE_POLICIES, apply_duplicate_policy
from corpus.analysis.speakers import resolve_speakers
from corpus.ingest.loader import ARTICLE_COLUMNS, DUPLICATE_COLUMNS, describe_problem
from corpus.plots.style import apply_style
from corpus.publish.figures import output_folder
from corpus.tables.build import TABLES
from corpus.tables.store import RUN_STORE_ENV, CorpusStore, open_synced, sync

__all__ = ["Setup", "SetupStatus", "TEXT_COLUMNS", "asserted_attributions", "setup"]

TEXT_COLUMNS = ("text", "text_raw", "removed")
"""The articles' columns that hold text, loaded by :func:`setup` only when asked for."""


class SetupStatus(NamedTuple):
    """How many articles this call parsed and how many it found in the store, the model, and the corpus's
    loading problems (one message each)."""

    parsed: int
    cached: int
    model: str
    load_warnings: list[str]
    store: CorpusStore
    """The synced store, for what is better asked of it than held whole: ``status.store.sql(...)``,
    :class:`corpus.explore.widgets.TableFilter`."""


class Setup(NamedTuple):
    articles: pd.DataFrame
    tables: dict[str, pd.DataFrame]
    out: Path
    status: SetupStatus


def setup(corpus_path: str | Path | None, output_dir: str | Path, *,
          tables: Iterable[str] | Mapping[str, Sequence[str]] = (),
          summed: Mapping[str, Sequence[str]] | None = None, outlets: Iterable[str] | None = None,
          model: str | None = None, n_process: int = 1, duplicates: str = "drop",
          texts: Iterable[str] = ()) -> Setup:
    """Apply the figure style, create ``output_dir`` (and its ``tables/``), bring the corpus's store up to date
    (:func:`corpus.tables.store.sync`: a no-op when another notebook already did, skipped when ``corpus run``
    synced it before starting this notebook; else the new and changed articles are parsed here, once, with a
    progress bar) and read from it the articles of
    ``outlets`` (all when None) and the named ``tables`` (or, from a mapping, the columns named for each), keeping the articles ``duplicates`` says
    (:data:`corpus.analysis.overview.DUPLICATE_POLICIES`: ``keep``, ``drop`` or ``original_outlet``); the tables
    keep the rows of those articles, under the outlet each is counted for. ``summed`` names large tables to
    aggregate in the store instead (``{"term_counts": ["outlet", "term"]}``: their ``count`` summed by those
    columns, over the same articles), so that no notebook holds a whole large table.

    The articles come without their texts unless ``texts`` names them (any of :data:`TEXT_COLUMNS`: ``text``,
    ``text_raw``, ``removed``): on a corpus of tens of thousands of articles the texts are most of what a
    notebook would hold, and most notebooks only count.

    The loading problems are not printed here: they are in ``status.load_warnings`` (notebook 00 lists them).
    """
    texts = list(texts)
    if unknown := [t for t in texts if t not in TEXT_COLUMNS]:
        raise ValueError(f"texts={unknown!r}: the article texts are {', '.join(map(repr, TEXT_COLUMNS))}")
    if duplicates not in DUPLICATE_POLICIES:
        raise ValueError(f"duplicates={duplicates!r}: use one of {', '.join(map(repr, DUPLICATE_POLICIES))}")
    apply_style()
    out = output_folder(output_dir)
    synced = open_synced(os.environ[RUN_STORE_ENV], corpus_path, model=model) if RUN_STORE_ENV in os.environ else None
    if synced is not None:  # corpus run synced this store before it started the notebooks
        store, parsed, reused = synced, 0, synced.n_articles
    else:
        store, report = sync(corpus_path, model=model, n_process=n_process)
        parsed, reused = report.parsed, report.reused
    chosen = list(outlets) if outlets is not None else None
    every = store.articles(outlets=chosen, columns=[c for c in (*ARTICLE_COLUMNS, *DUPLICATE_COLUMNS)
                                                    if c not in TEXT_COLUMNS or c in texts])
    articles = apply_duplicate_policy(every, duplicates)
    kept = articles[["doc_id", "outlet"]] if len(articles) < len(every) or duplicates == "original_outlet" else None
    loaded = {name: store.table(name, outlets=chosen if kept is None else None, articles=kept,
                                columns=tables[name] if isinstance(tables, Mapping) else None) for name in tables}
    for name, by in (summed or {}).items():
        loaded[name] = store.summed(name, by=by, articles=articles[["doc_id", "outlet"]])
    status = SetupStatus(parsed, reused, store.manifest.get("model", ""),
                         [describe_problem(p) for p in store.manifest.get("warnings", [])], store)
    return Setup(articles, loaded, out, status)


RESOLUTION_COLUMNS = ("doc_id", "outlet", "date", "source", "source_canonical", "source_type", "affiliation",
                      "affiliation_evidence", "cue_kind", "factuality", "cue_start")
"""The attribution columns :func:`corpus.analysis.speakers.resolve_speakers` reads or writes, and the two that
tell which rows it keeps."""


def asserted_attributions(store: CorpusStore, articles: pd.DataFrame, *, cue_kinds: Iterable[str]) -> pd.DataFrame:
    """The attributions of ``articles`` whose cue is one of ``cue_kinds`` and asserted (not negated,
    hypothetical, asked or inferred), every column, with speakers resolved over all the articles' attributions
    (:func:`corpus.analysis.speakers.resolve_speakers` pools the evidence of every row, kept or not).

    The resolution reads only :data:`RESOLUTION_COLUMNS`; the other columns, quoted content first, are read
    for the kept rows alone. Held whole while its kept rows were copied out, the table of all 37,554 AllSides
    articles took notebook 02's kernel past 1 GB (``benchmarks/notebooks-37554-warm-5c7d73d.json``)."""
    kinds = list(cue_kinds)
    keys = articles[["doc_id", "outlet"]]
    resolved = resolve_speakers(store.table("attributions", articles=keys, columns=RESOLUTION_COLUMNS))
    kept = resolved["cue_kind"].isin(kinds) & (resolved["factuality"] == "asserted")
    resolved = resolved[kept].reset_index(drop=True)
    listing = ", ".join("?" for _ in kinds) or "NULL"
    aligned = ["doc_id", "cue_start", "source"]
    rest = [c for c in TABLES["attributions"] if c not in RESOLUTION_COLUMNS or c in aligned]
    table = store.table("attributions", articles=keys, columns=rest, params=kinds or None,
                        where=f"factuality = 'asserted' AND cue_kind IN ({listing})")
    if len(table) != len(resolved) or not all(table[c].astype(object).equals(resolved[c].astype(object))
                                               for c in aligned):
        # both reads are ordered by article and row: only a store changed in between breaks that
        raise RuntimeError("the store's attributions changed while they were read: run the notebook again")
    for column in RESOLUTION_COLUMNS:
        table[column] = resolved[column].array
    return table[list(TABLES["attributions"])]
