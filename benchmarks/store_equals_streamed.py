"""Every table read through the corpus store against the same table streamed without it, row for row.

    .venv/bin/python benchmarks/attribution_sample.py corpus --out /tmp/ii371     # the 371 Iran/Iraq articles
    .venv/bin/python benchmarks/store_equals_streamed.py --corpus /tmp/ii371 --json benchmarks/store-equals-streamed-371.json

The store is synced (``corpus.tables.store.sync``) and each table read back with ``CorpusStore.table``; the
streamed tables come from ``corpus.tables.build.load_tables`` on ``corpus.load_corpus``. Values are compared
with ``pandas.testing.assert_frame_equal`` (dtypes aside: the store's numbers come back as numbers), and the
articles table against ``load_corpus``'s.
"""

from __future__ import annotations

import argparse
import time
import warnings
from pathlib import Path

import pandas as pd
from store_sync import report

import corpus
from corpus.publish.manifest import git_state
from corpus.tables.build import TABLES, load_tables
from corpus.tables.store import sync


def _difference(expected: pd.DataFrame, got: pd.DataFrame, name: str) -> str | None:
    try:
        pd.testing.assert_frame_equal(expected.reset_index(drop=True), got, check_dtype=False, obj=name)
    except AssertionError as error:
        return str(error)[:300]
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="corpus folder or file")
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")  # the corpus's own loading warnings are not what is compared
    started = time.perf_counter()
    store, synced = sync(args.corpus)
    articles = corpus.load_corpus(args.corpus)
    streamed = load_tables(articles).tables
    tables = {}
    for name in TABLES:
        got = store.table(name)
        tables[name] = {"rows": len(streamed[name]), "store_rows": len(got),
                        "difference": _difference(streamed[name], got, name)}
    result = {"corpus": str(args.corpus), "git": git_state(), "sync": synced.as_manifest(), "tables": tables,
              "articles": {"rows": len(articles), "difference": _difference(articles, store.articles(), "articles")},
              "seconds": round(time.perf_counter() - started, 1)}
    result["all_equal"] = result["articles"]["difference"] is None and all(
        t["difference"] is None for t in tables.values())
    report(result, args.json)
    return 0 if result["all_equal"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
