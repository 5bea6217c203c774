"""Throughput and memory of the project's annotation against bare spaCy, on the same articles.

    .venv/bin/python benchmarks/annotate.py --input ../shared/data/allsides/articles.jsonl.gz \\
        --limit 150 --n-process 2 --json results.json

The input is the AllSides corpus of Baly et al. (EMNLP 2020, "We Can Detect Your Bias"), published at
github.com/ramybaly/Article-Bias-Prediction as ``articles.jsonl.gz``: one JSON object per line with at
least ``id``, ``source`` (outlet), ``date``, ``title`` and ``text``. Any file in that format works.

In one process run, on the first ``--limit`` articles and the same model and ``--n-process``:

* ``bare``: ``nlp.pipe`` of the plain spaCy model over the clean texts, results discarded;
* ``project_cold``: cleaning from the raw text, parsing, caching and extraction of every table
  (:func:`corpus.tables.build_tables`) with an empty cache;
* ``project_warm``: the same again, with the cache the cold run left.

Words per second count the words of the clean texts for all three. ``project_vs_raw_ratio`` is project
cold throughput over bare throughput; ``warm_speedup`` is cold time over warm time. Peak memory is the
resident set size high-water mark of this process and, separately, of the largest worker process.
The model is loaded before any timing starts.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import shlex
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from corpus.allsides import iter_jsonl_articles
from corpus.cleaning import clean_article, count_words
from corpus.nlp import default_model_name, load_model
from corpus.pipeline import get_pipeline
from corpus.tables import build_tables


def read_articles(path: Path, limit: int) -> list[dict]:
    return [r for r in iter_jsonl_articles(path, limit=limit) if (r.get("text") or "").strip()]


def clean_articles(records: list[dict]) -> pd.DataFrame:
    """The project's articles table from raw records: cleaning included, as in the loader."""
    rows = []
    for record in records:
        result = clean_article(record["text"], outlet=record.get("source") or "", title=record.get("title") or "")
        rows.append({"doc_id": str(record["id"]), "outlet": record.get("source") or "unknown",
                     "date": record.get("date"), "text": result.text, "n_words": count_words(result.text)})
    articles = pd.DataFrame(rows)
    articles["date"] = pd.to_datetime(articles["date"], errors="coerce")
    return articles


def _peak_mb(who: int) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)  # ru_maxrss is in KiB on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", type=Path, required=True, help="articles.jsonl.gz (AllSides format)")
    parser.add_argument("--limit", type=int, default=150, help="first N articles")
    parser.add_argument("--n-process", type=int, default=1, help="spaCy worker processes, for bare and project")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--skip-bare", action="store_true", help="time only the project (for the largest sizes)")
    args = parser.parse_args(argv)

    records = read_articles(args.input, args.limit)
    model = default_model_name()
    bare_nlp = load_model(model)
    get_pipeline(model)  # the project's pipeline, built before timing
    texts = clean_articles(records)["text"].tolist()
    n_words = sum(count_words(t) for t in texts)

    result: dict = {
        "command": "benchmarks/annotate.py " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:])),
        "date": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "python": platform.python_version(), "model": f"{model} {bare_nlp.meta.get('version')}",
        "n_articles": len(records), "n_words": n_words, "n_process": args.n_process, "batch_size": args.batch_size,
    }
    if not args.skip_bare:
        started = time.perf_counter()
        for _ in bare_nlp.pipe(texts, n_process=args.n_process, batch_size=args.batch_size):
            pass
        result["bare_seconds"] = round(time.perf_counter() - started, 2)
        result["bare_wps"] = round(n_words / result["bare_seconds"])

    with tempfile.TemporaryDirectory(prefix="corpus-bench-") as tmp:
        for phase in ("cold", "warm"):
            started = time.perf_counter()
            articles = clean_articles(records)
            run = build_tables(articles, Path(tmp) / f"tables-{phase}", model=model, n_process=args.n_process,
                               batch_size=args.batch_size, cache_dir=Path(tmp) / "cache", progress=False)
            seconds = time.perf_counter() - started
            result[f"project_{phase}_seconds"] = round(seconds, 2)
            result[f"project_{phase}_wps"] = round(n_words / seconds)
            result[f"project_{phase}_parsed"] = run.parsed
        result["rows"] = run.rows
    if not args.skip_bare:
        result["project_vs_raw_ratio"] = round(result["project_cold_wps"] / result["bare_wps"], 3)
    result["warm_speedup"] = round(result["project_cold_seconds"] / result["project_warm_seconds"], 1)
    result["peak_rss_mb"] = _peak_mb(resource.RUSAGE_SELF)
    result["peak_rss_worker_mb"] = _peak_mb(resource.RUSAGE_CHILDREN)
    text = json.dumps(result, indent=2)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
