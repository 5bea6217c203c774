"""The corpus store at scale: a whole `corpus run` cold, warm, and after articles are added, against a bare parse.

    .venv/bin/python benchmarks/store_sync.py --input ../shared/data/allsides/articles.jsonl.gz \\
        --limit 3000 --added 30 --jobs 2 --json benchmarks/store-3000.json

In one process run, on the first ``--limit`` AllSides articles (written as a corpus folder in a temporary
directory, never in the repository) and a fresh cache:

* ``bare``: ``nlp.pipe`` of the plain spaCy model over the clean texts with ``--jobs`` processes, results
  discarded (the loader's clean texts, read before the clock starts);
* ``cold``: ``corpus run --jobs N`` into a new figure set: the store's sync (read, clean, parse, extract, write
  Parquet) and every notebook;
* ``bare_after``: the bare parse again, right after the cold run (the two bare parses bracket it: this
  machine's speed drifts 10-20% within the hour);
* ``warm``: the same run again, on the unchanged corpus;
* ``added``: ``--added`` more articles copied into the folder (with catalog rows), and the run again; the
  manifest's ``annotation`` must say that many were parsed. ``bare_added`` is the bare parse of just those.

Ratios: ``cold_vs_bare`` (cold time over the first bare time), ``cold_vs_bare_after``, ``cold_vs_bare_mean``
(over the mean of the two), ``added_vs_warm_plus_bare_added``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

from corpus.ingest.allsides import write_corpus_folder_from_jsonl
from corpus.ingest.loader import CorpusWarning, load_corpus
from corpus.nlp.model import BATCH_SIZE, load_model
from corpus.publish.manifest import git_state


def bare_seconds(texts: list[str], n_process: int) -> float:
    nlp = load_model()
    nlp("warm up")
    started = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=n_process, batch_size=BATCH_SIZE):
        pass
    return time.perf_counter() - started


def run_seconds(corpus: Path, out: Path, jobs: int, env: dict) -> tuple[float, dict]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "corpus", "run", "--corpus", str(corpus), "--out", str(out),
                           "--jobs", str(jobs)], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"corpus run failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return seconds, json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def clean_texts(folder: Path) -> list[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return load_corpus(folder)["text"].tolist()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", required=True)
    parser.add_argument("--limit", type=int, default=3000)
    parser.add_argument("--added", type=int, default=30)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="store-bench-") as tmp:
        tmp = Path(tmp)
        both = write_corpus_folder_from_jsonl(args.input, tmp / "all", limit=args.limit + args.added)
        catalog = pd.read_csv(both / "metadata.csv", dtype=str, keep_default_na=False)
        corpus = tmp / "corpus"
        corpus.mkdir()
        first, extra = catalog.iloc[:args.limit], catalog.iloc[args.limit:]
        for name in first["file"]:
            (corpus / name).write_bytes((both / name).read_bytes())
        first.to_csv(corpus / "metadata.csv", index=False)
        env = {**os.environ, "CORPUS_CACHE_DIR": str(tmp / "cache")}

        texts = clean_texts(corpus)
        result = {"command": "benchmarks/store_sync.py " + " ".join(argv or sys.argv[1:]), "git": git_state(),
                  "articles": len(texts), "words": sum(len(t.split()) for t in texts), "jobs": args.jobs}
        result["bare_s"] = round(bare_seconds(texts, args.jobs), 1)
        result["cold_s"], manifest = run_seconds(corpus, tmp / "figures", args.jobs, env)
        result["cold_annotation"] = manifest["annotation"]
        # the machine's speed drifts 10-20% within the hour: a second bare parse right after the cold run
        # brackets it, and the cold run is also compared with the mean of the two
        result["bare_after_s"] = round(bare_seconds(texts, args.jobs), 1)
        result["warm_s"], manifest = run_seconds(corpus, tmp / "figures", args.jobs, env)
        result["warm_annotation"] = manifest["annotation"]

        for name in extra["file"]:
            (corpus / name).write_bytes((both / name).read_bytes())
        pd.concat([first, extra]).to_csv(corpus / "metadata.csv", index=False)
        added_texts = [t for t in clean_texts(corpus) if t not in set(texts)]
        result["bare_added_s"] = round(bare_seconds(added_texts, 1), 1)
        result["added_s"], manifest = run_seconds(corpus, tmp / "figures", args.jobs, env)
        result["added_annotation"] = manifest["annotation"]
        for key in ("cold_s", "warm_s", "added_s"):
            result[key] = round(result[key], 1)
        result["cold_vs_bare"] = round(result["cold_s"] / result["bare_s"], 3)
        result["cold_vs_bare_after"] = round(result["cold_s"] / result["bare_after_s"], 3)
        result["cold_vs_bare_mean"] = round(2 * result["cold_s"] / (result["bare_s"] + result["bare_after_s"]), 3)
        result["added_vs_warm_plus_bare_added"] = round(result["added_s"] / (result["warm_s"] + result["bare_added_s"]), 3)
        result["store_bytes"] = sum(p.stat().st_size for p in (tmp / "cache" / "stores").rglob("*") if p.is_file())
        result["notebooks"] = {n["name"]: n["duration_s"] for n in manifest["notebooks"]}
    report(result, args.json)
    return 0


def repeated_run_arguments(description: str, argv: list[str] | None) -> argparse.Namespace:
    """The options of the benchmarks that repeat a measurement on the first ``--limit`` AllSides articles."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", required=True)
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json", default=None)
    return parser.parse_args(argv)


def report(result: dict, path: str | Path | None) -> None:
    """Print a benchmark's result as JSON, and write it to ``path`` when one is given."""
    text = json.dumps(result, indent=1)
    print(text)
    if path:
        Path(path).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
