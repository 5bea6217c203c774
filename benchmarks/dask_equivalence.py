"""The dask engine's tables against the local engine's, on real articles.

    .venv/bin/python benchmarks/dask_equivalence.py --input ../shared/data/allsides/articles.jsonl.gz --limit 500

Reads the first ``--limit`` articles (AllSides ``articles.jsonl.gz`` format, see ``annotate.py``), cleans
them, builds every table with the local engine and with the dask engine on a ``LocalCluster`` of two
worker processes (no cache, so both parse), and compares the CSV files byte for byte.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from annotate import load_articles  # noqa: E402  (the benchmark's own reader)

from corpus.tables.build import TABLES, build_tables  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    from distributed import Client, LocalCluster

    articles = load_articles(args.input, args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        local = build_tables(articles, Path(tmp) / "local", use_cache=False, n_process=args.workers)
        local_seconds = time.perf_counter() - started
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            started = time.perf_counter()
            dask = build_tables(articles, Path(tmp) / "dask", engine="dask", scheduler=client, use_cache=False)
            dask_seconds = time.perf_counter() - started
        equal = {name: local.paths[name].read_bytes() == dask.paths[name].read_bytes() for name in TABLES}
    print(json.dumps({"n_articles": len(articles), "rows": local.rows, "equal": equal,
                      "local_seconds": round(local_seconds, 1), "dask_seconds": round(dask_seconds, 1)}, indent=2))
    return 0 if all(equal.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
