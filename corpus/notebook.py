"""The one set-up call every notebook makes: style, output folder, the corpus, its outlets, its tables.

Each notebook's first code cell after ``parameters`` is::

    articles, tables, out, status = setup(corpus_path, output_dir, tables=[...], outlets=outlets,
                                          model=model_name, n_process=n_process)

so a student's copy of a notebook starts from the same place as the project's own.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from corpus.ingest.loader import CorpusWarning, load_corpus
from corpus.plots.style import apply_style
from corpus.publish.figures import output_folder
from corpus.tables.build import load_tables

__all__ = ["Setup", "SetupStatus", "setup"]


class SetupStatus(NamedTuple):
    """How the tables were made, and what loading the corpus warned about (one message each)."""

    parsed: int
    cached: int
    model: str
    load_warnings: list[str]


class Setup(NamedTuple):
    articles: pd.DataFrame
    tables: dict[str, pd.DataFrame]
    out: Path
    status: SetupStatus


def setup(corpus_path: str | Path | None, output_dir: str | Path, *, tables: Iterable[str] = (),
          outlets: Iterable[str] | None = None, model: str | None = None, n_process: int = 1) -> Setup:
    """Apply the figure style, create ``output_dir`` (and its ``tables/``), load the corpus (the seeds when
    ``corpus_path`` is None), keep only ``outlets`` (all when None) and load the named ``tables``.

    The loader's warnings are collected, not shown, so that one notebook (00) lists them and the others
    stay quiet about the same files; they are in ``status.load_warnings``.
    """
    apply_style()
    out = output_folder(output_dir)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        articles = load_corpus(corpus_path)
    load_warnings = [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]
    for other in (w for w in caught if not issubclass(w.category, CorpusWarning)):
        warnings.warn_explicit(other.message, other.category, other.filename, other.lineno)
    if outlets is not None:
        articles = articles[articles["outlet"].isin(list(outlets))].reset_index(drop=True)
    names = list(tables)
    if not names:
        return Setup(articles, {}, out, SetupStatus(0, 0, "", load_warnings))
    loaded = load_tables(articles, model=model, n_process=n_process, tables=names)
    return Setup(articles, loaded.tables, out, SetupStatus(loaded.parsed, loaded.cached, loaded.model, load_warnings))
