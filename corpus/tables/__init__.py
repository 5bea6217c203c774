"""Stage 4, tables: articles in, one tidy table per extractor out (CSV files, or DataFrames).

Each article goes through parsing and every extractor once; its rows are cached per article, so a rerun
reads them. Two engines give the same tables: local (``n_process`` spaCy workers) and dask (a cluster).
"""

from importlib import import_module

__all__ = ["TABLES", "LoadedTables", "TableRun", "build_tables", "load_tables"]


def __getattr__(name: str):
    """The public names, imported on first use (PEP 562), so that reading a store never loads spaCy."""
    if name in __all__:
        return getattr(import_module("corpus.tables.build"), name)
    raise AttributeError(f"module 'corpus.tables' has no attribute {name!r}")
