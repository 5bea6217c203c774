"""Duplicate and copy detection (``corpus.ingest.duplicates``) on AllSides: precision and recall on hand-labelled
pairs, and time and memory of ``find_duplicates`` on all articles.

    .venv/bin/python benchmarks/duplicates.py [--allsides PATH] [--repeat 3] [--json benchmarks/duplicates.json]

``--allsides`` is the AllSides ``articles.jsonl.gz`` of Baly et al. (EMNLP 2020): one JSON object per line with
``id``, ``source`` (outlet), ``date`` and ``text``. By default ``../shared/data/allsides/articles.jsonl.gz`` beside
the repository, else ``$CORPUS_SHARED_DATA/allsides/articles.jsonl.gz``. The texts are used as published (not
cleaned by ``corpus.ingest.cleaning``), as they were when the pairs were labelled.

(a) Labelled pairs (``benchmarks/duplicates_labelled.csv``, drawn and labelled as ``duplicates_labelled.md``
says). Precision and recall are of "same text" (labels ``duplicate`` and ``copy``) against ``different``.

* Sweep, on the designed sample (every stratum but ``audit``): for each threshold, a pair is predicted "same
  text" when the resemblance ``find_duplicates`` compares with its threshold
  (:func:`corpus.ingest.duplicates.pair_similarity`, over the whole corpus so that outlet boilerplate is removed
  as in a real run) reaches it. These are precision and recall on the sample, which over-represents high
  resemblance and hard cases; ``weighted`` re-weights the band strata by the number of corpus pairs each was
  drawn from (``STRATUM_PAIRS``; the ``containment`` stratum is left out of it), an estimate for the corpus's
  pairs of resemblance >= 0.05 with a wide margin.
* End to end at the default threshold: a pair is predicted "same text" when the run put both articles in one
  cluster (this includes what LSH banding misses and what chaining adds).
* Audit: every link the run made (an article and the article it points to) is looked up among all labelled pairs
  (the ``audit`` stratum labels the links the sample did not hold), which gives the precision of all that the run
  flags on AllSides, for the default threshold and, keeping the links whose similarity reaches them, above it.

(b) ``find_duplicates`` with its defaults on every article, ``--repeat`` times (the machine's speed drifts; the
fastest run is reported, every run is kept): wall time, and the resident set size of this process before the
call and at its highest during the call (sampled every 20 ms), with the counts of duplicates and copies found;
``ru_maxrss_mb_after_runs`` is the kernel's high-water mark of the process after reading the file and the runs.

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
AUDIT = "audit"
# Pairs of AllSides articles in each band of 5-word-shingle resemblance the sample was drawn from (see
# duplicates_labelled.md): the weights of the band strata.
STRATUM_PAIRS = {"0.05-0.10": 2688, "0.10-0.20": 1417, "0.20-0.30": 693, "0.30-0.40": 212, "0.40-0.50": 90,
                 "0.50-1.00": 53}


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
                rows.append((record["id"], record.get("source") or "", record.get("date") or "",
                             record.get("text") or ""))
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


def weighted_scores(predicted: np.ndarray, truth: np.ndarray, strata: pd.Series) -> dict:
    in_bands = strata.isin(list(STRATUM_PAIRS)).to_numpy()
    weight = np.where(in_bands, (strata.map(STRATUM_PAIRS) / strata.map(strata.value_counts())).to_numpy(), 0.0)
    tp, fp, fn = ((weight * mask).sum() for mask in
                  (predicted & truth, predicted & ~truth, ~predicted & truth))
    return {"tp": round(tp, 1), "fp": round(fp, 1), "fn": round(fn, 1),
            "precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "recall": round(tp / (tp + fn), 3) if tp + fn else None}


def pair_key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def labelled_results(articles: pd.DataFrame, labels: pd.DataFrame, found: pd.DataFrame, threshold: float) -> dict:
    design = labels[labels["stratum"] != AUDIT].reset_index(drop=True)
    truth = design["label"].isin(SAME_TEXT).to_numpy()
    similarity = pair_similarity(articles, design[["id_a", "id_b"]]).to_numpy()
    sweep = [{"threshold": t, **scores(similarity >= t, truth),
              "weighted": weighted_scores(similarity >= t, truth, design["stratum"])}
             for t in sorted({*THRESHOLDS, threshold})]
    chosen = similarity >= threshold
    cluster = clusters_of(found.set_index("doc_id"))
    together = np.array([a in cluster and cluster[a] == cluster.get(b) for a, b in zip(design["id_a"], design["id_b"])])

    label_of = {pair_key(a, b): label for a, b, label in zip(labels["id_a"], labels["id_b"], labels["label"])}
    link = found["duplicate_of"].where(found["duplicate_of"] != "", found["copy_of"])
    links = found.loc[link != "", ["doc_id", "similarity"]].assign(target=link[link != ""])
    links["label"] = [label_of.get(pair_key(a, b), "") for a, b in zip(links["doc_id"], links["target"])]
    audit = []
    for t in sorted({threshold, *(x for x in THRESHOLDS if x > threshold)}):
        kept = links[links["similarity"] >= t]
        same = int(kept["label"].isin(SAME_TEXT).sum())
        audit.append({"threshold": t, "links": len(kept), "same_text": same,
                      "different": int((kept["label"] == "different").sum()),
                      "unlabelled": int((kept["label"] == "").sum()),
                      "precision": round(same / len(kept), 3) if len(kept) else None})
    return {
        "pairs": len(labels),
        "design_pairs": len(design),
        "labels": labels["label"].value_counts().to_dict(),
        "pairs_per_stratum": labels.groupby("stratum", sort=False)["label"].value_counts().unstack(fill_value=0)
                                   .to_dict(orient="index"),
        "missing_or_too_short": int(np.isnan(similarity).sum()),
        "threshold": threshold,
        "sweep": sweep,
        "at_threshold": scores(chosen, truth),
        "recall_by_label": {label: round(float(chosen[(design["label"] == label).to_numpy()].mean()), 3)
                            for label in sorted(SAME_TEXT)},
        "end_to_end": scores(together, truth),
        "false_positives": design.loc[chosen & ~truth, ["id_a", "id_b", "reason"]].to_dict(orient="records"),
        "audit_of_run_links": audit,
        "run_links_labelled_different": links.loc[links["label"] == "different", ["doc_id", "target", "similarity"]]
                                             .round(3).to_dict(orient="records"),
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
    ru_maxrss_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10, 1)  # reading + the runs

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
        "n_words": sum(len(text.split()) for text in articles["text"]),
        "read_seconds": round(read_seconds, 1),
        "parameters": defaults,
        "find_duplicates": {**fastest, "runs": runs, "ru_maxrss_mb_after_runs": ru_maxrss_mb},
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
    audited = labelled["pairs"] - labelled["design_pairs"]
    print(f"\nLabelled pairs: {labelled['design_pairs']} drawn by design + {audited} "
          f"audit ({labelled['labels']}); 'same text' = duplicate or copy")
    print(f"  {'threshold':>9} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>7} {'F1':>6}   weighted P / R")
    for row in labelled["sweep"]:
        mark = "  <- default" if row["threshold"] == defaults["threshold"] else ""
        w = row["weighted"]
        print(f"  {row['threshold']:>9.2f} {row['tp']:>4} {row['fp']:>4} {row['fn']:>4} {row['precision']:>9.3f} "
              f"{row['recall']:>7.3f} {row['f1']:>6.3f}   {w['precision'] or float('nan'):.3f} / "
              f"{w['recall'] or float('nan'):.3f}{mark}")
    e2e = labelled["end_to_end"]
    print(f"  end to end at {defaults['threshold']:.2f} (same cluster in the run): precision {e2e['precision']:.3f}, "
          f"recall {e2e['recall']:.3f}; recall by label {labelled['recall_by_label']}")
    print("  audit of every link the run made (kept if similarity >= threshold):")
    for row in labelled["audit_of_run_links"]:
        print(f"    {row['threshold']:.2f}: {row['links']} links, {row['same_text']} same text, {row['different']} "
              f"different, {row['unlabelled']} unlabelled -> precision {row['precision']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
