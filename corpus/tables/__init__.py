"""Stage 4, tables: articles in, one tidy table per extractor out (CSV files, or DataFrames).

Each article goes through parsing and every extractor once; its rows are cached per article, so a rerun
reads them. Two engines give the same tables: local (``n_process`` spaCy workers) and dask (a cluster).
"""

from corpus.tables.build import TABLES, LoadedTables, TableRun, build_tables, load_tables

__all__ = ["TABLES", "LoadedTables", "TableRun", "build_tables", "load_tables"]
