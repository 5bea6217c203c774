"""Duplicate and copy detection (``corpus.ingest.duplicates``) on AllSides: precision and recall on hand-labelled
pairs, and time and memory of ``find_duplicates`` on all articles.

    .venv/bin/python benchmarks/duplicates.py [--allsides PATH] [--repeat 3] [--json benchmarks/duplicates.json]

``--allsides`` is the AllSides ``articles.jsonl.gz`` of Baly et al. (EMNLP 2020): one JSON object per line with
``id``, ``source`` (outlet), ``date`` and ``text``. By default ``../shared/data/allsides/articles.jsonl.gz`` beside
the repository, else ``$CORPUS_SHARED_DATA/allsides/articles.jsonl.gz``. The texts are used as published (not
cleaned by ``corpus.ingest.cleaning``), as they were when the pairs were labelled.

(a) Labelled pairs (``benchmarks/duplicates_labelled.csv``, drawn and labelled as ``duplicates_labelled.md``
says): for each threshold, a pair is predicted "same text" when the resemblance ``find_duplicates`` compares with
its threshold (:func:`corpus.ingest.duplicates.pair_similarity`, over the whole corpus so that outlet
boilerplate is removed as in a real run) reaches it; precision and recall are of "same text" (labels
``duplicate`` and ``copy``) against ``different``. The default threshold is also scored end to end: a pair is
predicted "same text" when the run put both articles in one cluster (this includes what LSH banding misses and
what chaining adds).

(b) ``find_duplicates`` with its defaults on every article, ``--repeat`` times (the machine's speed drifts; the
fastest run is reported, every run is kept): wall time, and the resident set size of this process before the
call and at its highest during the call (sampled every 20 ms), with the counts of duplicates and copies found.

The results go to ``--json`` and a table is printed.
"""

from __future__ import annotations

import argparse
import gzip
import inspect
import json
import os
import platform
import resource
import sys
import threading
import time
from pathlib import Path

import datasketch
import numpy as np
import pandas as pd
import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from corpus.ingest.duplicates import find_duplicates, pair_similarity  # noqa: E402

LABELS = REPO / "benchmarks" / "duplicates_labelled.csv"
THRESHOLDS = [round(t, 2) for t in np.arange(0.20, 0.901, 0.05)]
SAME_TEXT = {"duplicate", "copy"}


def default_allsides() -> Path:
    relative = REPO.parent / "shared" / "data" / "allsides" / "articles.jsonl.gz"
    env = os.environ.get("CORPUS_SHARED_DATA")
    if relative.exists() or not env:
        return relative
    return Path(env) / "allsides" / "articles.jsonl.gz"


def read_allsides(path: Path) -> pd.DataFrame:
    rows = []
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                rows.append((record["id"], record.get("source") or "", record.get("date") or "", record.get("text") or ""))
    frame = pd.DataFrame(rows, columns=["doc_id", "outlet", "date", "text"])
    frame["date"] = pd.to_datetime(frame["date"], errors="coerce")
    return frame


class PeakRSS(threading.Thread):
    """The highest resident set size of this process while running, sampled every ``interval`` seconds."""

    def __init__(self, interval: float = 0.02):
        super().__init__(daemon=True)
        self.interval, self.peak = interval, 0
        self._stop_event = threading.Event()
        self._process = psutil.Process()

    def run(self) -> None:
        while True:
            self.peak = max(self.peak, self._process.memory_info().rss)
            if self._stop_event.wait(self.interval):
                return

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        self.peak = max(self.peak, self._process.memory_info().rss)
        return self.peak


def scores(predicted: np.ndarray, truth: np.ndarray) -> dict:
    tp, fp, fn = int((predicted & truth).sum()), int((predicted & ~truth).sum()), int((~predicted & truth).sum())
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(precision, 3), "recall": round(recall, 3),
            "f1": round(f1, 3)}


def clusters_of(found: pd.DataFrame) -> dict[str, str]:
    """Each flagged article's cluster, named by its original (an article points at most two links away from it)."""
    link = found["duplicate_of"].where(found["duplicate_of"] != "", found["copy_of"])
    link = link[link != ""]
    parent = dict(zip(link.index, link))
    cluster = {}
    for doc in parent:
        top = doc
        while top in parent:
            top = parent[top]
        cluster[doc] = cluster[top] = top
    return cluster


def labelled_results(articles: pd.DataFrame, labels: pd.DataFrame, found: pd.DataFrame, threshold: float) -> dict:
    truth = labels["label"].isin(SAME_TEXT).to_numpy()
    similarity = pair_similarity(articles, labels[["id_a", "id_b"]]).to_numpy()
    sweep = [{"threshold": t, **scores(similarity >= t, truth)} for t in sorted({*THRESHOLDS, threshold})]
    chosen = similarity >= threshold
    cluster = clusters_of(found.set_index("doc_id"))
    together = np.array([a in cluster and cluster[a] == cluster.get(b) for a, b in zip(labels["id_a"], labels["id_b"])])
    return {
        "pairs": len(labels),
        "labels": labels["label"].value_counts().to_dict(),
        "pairs_per_stratum": labels.groupby("stratum", sort=False)["label"].value_counts().unstack(fill_value=0)
                                   .to_dict(orient="index"),
        "missing_or_too_short": int(np.isnan(similarity).sum()),
        "threshold": threshold,
        "sweep": sweep,
        "at_threshold": scores(chosen, truth),
        "recall_by_label": {label: round(float(chosen[(labels["label"] == label).to_numpy()].mean()), 3)
                            for label in sorted(SAME_TEXT)},
        "end_to_end": scores(together, truth),
        "false_positives": labels.loc[chosen & ~truth, ["id_a", "id_b", "reason"]].to_dict(orient="records"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--allsides", type=Path, default=None, help="articles.jsonl.gz (default: see above)")
    parser.add_argument("--labels", type=Path, default=LABELS, help="the labelled pairs (CSV)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of find_duplicates; the fastest is reported")
    parser.add_argument("--json", type=Path, default=REPO / "benchmarks" / "duplicates.json", help="write results here")
    args = parser.parse_args(argv)
    path = args.allsides or default_allsides()
    if not path.exists():
        parser.error(f"{path} does not exist: give --allsides or set CORPUS_SHARED_DATA")

    started = time.perf_counter()
    articles = read_allsides(path)
    read_seconds = time.perf_counter() - started
    defaults = {name: p.default for name, p in inspect.signature(find_duplicates).parameters.items()
                if p.default is not inspect.Parameter.empty}

    runs, found = [], None
    for _ in range(max(1, args.repeat)):
        found = None
        before = psutil.Process().memory_info().rss
        sampler = PeakRSS()
        sampler.start()
        t0 = time.perf_counter()
        found = find_duplicates(articles)
        seconds = time.perf_counter() - t0
        peak = sampler.stop()
        runs.append({"seconds": round(seconds, 2), "rss_before_mb": round(before / 2**20, 1),
                     "peak_rss_mb": round(peak / 2**20, 1), "peak_increase_mb": round((peak - before) / 2**20, 1)})
    fastest = min(runs, key=lambda r: r["seconds"])

    duplicate = found["duplicate_of"] != ""
    copy = found["copy_of"] != ""
    outlet = found["doc_id"].map(articles.set_index("doc_id")["outlet"])
    cluster = clusters_of(found.set_index("doc_id"))
    counts = {
        "articles": len(found),
        "duplicates": int(duplicate.sum()),
        "copies": int(copy.sum()),
        "duplicate_and_copy": int((duplicate & copy).sum()),
        "articles_in_clusters": len(cluster),
        "clusters": len(set(cluster.values())),
        "largest_cluster": max(pd.Series(cluster).value_counts().tolist(), default=0),
        "duplicates_by_outlet": outlet[duplicate].value_counts().head(10).to_dict(),
        "copies_by_route": (found.loc[copy, "copy_outlet"] + " -> " + outlet[copy]).value_counts().head(10).to_dict(),
    }
    labelled = labelled_results(articles, pd.read_csv(args.labels, dtype=str, keep_default_na=False), found,
                                defaults["threshold"])

    result = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
                    "numpy": np.__version__, "pandas": pd.__version__, "datasketch": datasketch.__version__},
        "data": str(path), "n_articles": len(articles),
        "n_words": int(articles["text"].str.split().str.len().sum()),
        "read_seconds": round(read_seconds, 1),
        "parameters": defaults,
        "find_duplicates": {**fastest, "runs": runs,
                            "ru_maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)},
        "found": counts,
        "labelled": labelled,
    }
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")

    print(f"find_duplicates on {len(articles):,} AllSides articles ({result['n_words']:,} words), "
          f"defaults {defaults}")
    print(f"  time {fastest['seconds']:.1f} s (runs: {', '.join(str(r['seconds']) for r in runs)}); RSS "
          f"{fastest['rss_before_mb']:.0f} MB before, peak {fastest['peak_rss_mb']:.0f} MB "
          f"(+{fastest['peak_increase_mb']:.0f} MB)")
    print(f"  found {counts['duplicates']} duplicates and {counts['copies']} copies "
          f"({counts['duplicate_and_copy']} both) in {counts['clusters']} clusters of {counts['articles_in_clusters']} "
          f"articles")
    print(f"\nLabelled pairs: {labelled['pairs']} ({labelled['labels']}); 'same text' = duplicate or copy")
    print(f"  {'threshold':>9} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>7} {'F1':>6}")
    for row in labelled["sweep"]:
        mark = "  <- default" if row["threshold"] == defaults["threshold"] else ""
        print(f"  {row['threshold']:>9.2f} {row['tp']:>4} {row['fp']:>4} {row['fn']:>4} {row['precision']:>9.3f} "
              f"{row['recall']:>7.3f} {row['f1']:>6.3f}{mark}")
    e2e = labelled["end_to_end"]
    print(f"  end to end at {defaults['threshold']:.2f} (same cluster in the run): precision {e2e['precision']:.3f}, "
          f"recall {e2e['recall']:.3f}; recall by label {labelled['recall_by_label']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
