"""Article bodies from saved web pages, scored as the article-extraction-benchmark scores them.

    .venv/bin/python benchmarks/html_pages.py [--pages ../shared/data/html-pages] [--json benchmarks/html_pages.json]

The pages are a sample of Zyte's (Scrapinghub's) article-extraction-benchmark (github.com/scrapinghub/
article-extraction-benchmark, MIT): ``pages/<id>.html`` and ``ground-truth.json`` (id -> ``articleBody``, ``url``).
The metric is the benchmark's own (its ``evaluate.py``): the true and the extracted body are cut into ``\\w+``
tokens, case kept, and into overlapping 4-token shingles; per page, true positives, false positives and false
negatives are counted over the shingle multisets and normalised to sum 1, so that long articles weigh no more
than short ones; precision and recall are averaged over the pages and F1 is taken from those two means. The
± figures are the benchmark's too: 1.96 standard deviations of 1,000 bootstrap resamples of the pages (seeded
here, so a run repeats).

Methods, all on the same pages in the same run:

* ``trafilatura_benchmark_call``: ``trafilatura.extract(html, include_comments=False)`` on the page read as
  UTF-8 text, as the benchmark's ``extractors/run_trafilatura.py`` calls it;
* ``trafilatura_chosen_settings``: ``trafilatura.extract(html, **EXTRACTION_SETTINGS)``, the settings of
  :mod:`corpus.ingest.webpages`, on the same text;
* ``project_reader``: the body :func:`corpus.ingest.webpages.read_web_page` returns (before cleaning);
* ``project_pipeline``: the ``text`` column of ``corpus.load_corpus(<pages folder>)``: the reader's body through
  the project's cleaning (``clean_article(..., extracted=True)``), exactly what a corpus of saved pages gets.

``cleaning_ablation`` scores the pipeline again with each cleaning step left out in turn (the step's cost or
gain on these pages). The JSON names the worst pages of the pipeline by id and score only: no page text is
written anywhere.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import sys
import time
import warnings
from collections import Counter
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

import trafilatura

import corpus
from corpus.ingest import cleaning
from corpus.ingest.webpages import EXTRACTION_SETTINGS, read_web_page

HERE = Path(__file__).resolve().parent
DEFAULT_PAGES = HERE.parents[1] / "shared" / "data" / "html-pages"
N_BOOTSTRAP = 1000
SEED = 20240611
WORST = 10

# --- the benchmark's metric (evaluate.py of scrapinghub/article-extraction-benchmark) ---------------------------

_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def shingles(text: str, n: int = 4) -> Counter:
    """The multiset of ``n``-token shingles; a text shorter than ``n`` tokens is one shorter shingle."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def shingle_matching(true: str, pred: str) -> tuple[float, float, float]:
    """TP, FP, FN over the two shingle multisets, normalised to sum 1 (all 0 when both are empty)."""
    true_shingles, pred_shingles = shingles(true), shingles(pred)
    tp = fp = fn = 0.0
    for key in true_shingles.keys() | pred_shingles.keys():
        t, p = true_shingles.get(key, 0), pred_shingles.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (tp, fp, fn)


def precision_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def metrics(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Mean precision and recall over the pages and F1 from the two means, as the benchmark does."""
    precision = statistics.mean(precision_score(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(recall_score(*c) for c in counts if c[0] + c[2] > 0)
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / (precision + recall)}


def with_bootstrap(counts: list[tuple[float, float, float]], rng: random.Random) -> dict[str, float]:
    """The metrics and their 95% bootstrap half-widths (``*_ci``), resampling pages."""
    result = metrics(counts)
    draws: dict[str, list[float]] = {key: [] for key in result}
    for _ in range(N_BOOTSTRAP):
        sample = [counts[rng.randrange(len(counts))] for _ in counts]
        for key, value in metrics(sample).items():
            draws[key].append(value)
    result.update({f"{key}_ci": 1.96 * statistics.stdev(values) for key, values in draws.items()})
    return result


def f1_difference(a: list, b: list, rng: random.Random) -> dict[str, float]:
    """F1 of ``a`` minus F1 of ``b`` on the same pages, with its paired 95% bootstrap half-width."""
    diffs = []
    for _ in range(N_BOOTSTRAP):
        idx = [rng.randrange(len(a)) for _ in a]
        diffs.append(metrics([a[i] for i in idx])["f1"] - metrics([b[i] for i in idx])["f1"])
    return {"f1_difference": metrics(a)["f1"] - metrics(b)["f1"], "ci": 1.96 * statistics.stdev(diffs)}


def page_scores(count: tuple[float, float, float]) -> dict[str, float]:
    p, r = precision_score(*count), recall_score(*count)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


# --- the data -----------------------------------------------------------------------------------------------------


def find_pages(explicit: Path | None) -> Path:
    """``--pages``, else ``../shared/data/html-pages`` beside the repository, else ``$CORPUS_SHARED_DATA`` (the shared
    data folder, or the html-pages folder itself)."""
    candidates = [explicit] if explicit else [DEFAULT_PAGES]
    if not explicit and os.environ.get("CORPUS_SHARED_DATA"):
        shared = Path(os.environ["CORPUS_SHARED_DATA"])
        candidates += [shared / "html-pages", shared]
    for folder in candidates:
        if (folder / "ground-truth.json").is_file() and (folder / "pages").is_dir():
            return folder
    raise SystemExit(f"no html-pages data (ground-truth.json and pages/) in: {', '.join(map(str, candidates))}")


def _commit() -> str:
    """The checked-out commit, read from ``.git`` (no git command is run); "" when unknown."""
    git = HERE.parent / ".git"
    try:
        head = (git / "HEAD").read_text().strip()
        if head.startswith("ref: "):
            ref = head[5:]
            path = git / ref
            if path.is_file():
                return path.read_text().strip()[:12]
            packed = (git / "packed-refs").read_text().splitlines()
            return next(line.split()[0][:12] for line in packed if line.endswith(" " + ref))
        return head[:12]
    except (OSError, StopIteration):
        return ""


# --- the run ------------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, help="the html-pages folder (pages/<id>.html, ground-truth.json)")
    parser.add_argument("--json", type=Path, default=HERE / "html_pages.json", help="write the scores here")
    args = parser.parse_args(argv)
    folder = find_pages(args.pages)
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)
    missing = [i for i in ids if not (folder / "pages" / f"{i}.html").is_file()]
    if missing:
        raise SystemExit(f"{len(missing)} pages of ground-truth.json are missing from {folder / 'pages'}")

    outputs: dict[str, dict[str, str]] = {m: {} for m in (
        "trafilatura_benchmark_call", "trafilatura_chosen_settings", "project_reader", "project_pipeline")}
    articles = {}
    seconds: dict[str, float] = dict.fromkeys(outputs, 0.0)
    for page_id in ids:
        data = (folder / "pages" / f"{page_id}.html").read_bytes()
        html = data.decode("utf-8", errors="replace")
        start = time.perf_counter()
        outputs["trafilatura_benchmark_call"][page_id] = trafilatura.extract(html, include_comments=False) or ""
        seconds["trafilatura_benchmark_call"] += time.perf_counter() - start
        start = time.perf_counter()
        outputs["trafilatura_chosen_settings"][page_id] = trafilatura.extract(html, **EXTRACTION_SETTINGS) or ""
        seconds["trafilatura_chosen_settings"] += time.perf_counter() - start
        start = time.perf_counter()
        parsed = read_web_page(data, f"{page_id}.html")
        seconds["project_reader"] += time.perf_counter() - start
        article = parsed.articles[0] if parsed.articles else None
        articles[page_id] = article
        outputs["project_reader"][page_id] = article.text if article else ""
    start = time.perf_counter()
    with warnings.catch_warnings():  # pages without a date or article are reported in the JSON below
        warnings.simplefilter("ignore")
        loaded = corpus.load_corpus(folder / "pages", duplicates=False).set_index("doc_id")["text"]
    seconds["project_pipeline"] = time.perf_counter() - start
    outputs["project_pipeline"] = {i: loaded.get(i, "") for i in ids}

    def counts_of(texts: dict[str, str]) -> list[tuple[float, float, float]]:
        return [shingle_matching(truth[i].get("articleBody", ""), texts[i]) for i in ids]

    rng = random.Random(SEED)
    counts = {method: counts_of(texts) for method, texts in outputs.items()}
    methods = {method: {**with_bootstrap(c, rng), "seconds": round(seconds[method], 2)} for method, c in counts.items()}
    methods["trafilatura_benchmark_call"]["settings"] = {"include_comments": False}
    methods["trafilatura_chosen_settings"]["settings"] = dict(EXTRACTION_SETTINGS)
    pipeline = counts["project_pipeline"]
    differences = {
        f"project_pipeline_minus_{other}": f1_difference(pipeline, counts[other], rng)
        for other in ("trafilatura_benchmark_call", "trafilatura_chosen_settings", "project_reader")
    }

    ablation = {}
    full = cleaning.PIPELINE
    try:
        for step in full:
            cleaning.PIPELINE = tuple(s for s in full if s is not step)
            texts = {i: cleaning.clean_article(a.text, outlet=a.outlet, title=a.title, extracted=True).text if a else ""
                     for i, a in articles.items()}
            ablation[f"without_{step.__name__}"] = metrics(counts_of(texts))
    finally:
        cleaning.PIPELINE = full

    per_page = sorted(((i, page_scores(c)) for i, c in zip(ids, pipeline)), key=lambda item: item[1]["f1"])
    result = {
        "benchmark": "scrapinghub/article-extraction-benchmark, evaluate.py metric (4-gram \\w+ shingles, case kept)",
        "data": str(folder),
        "n_pages": len(ids),
        "pages_without_article": sorted(i for i, a in articles.items() if a is None),
        "methods": methods,
        "differences": differences,
        "cleaning_ablation": ablation,
        "worst_pages_project_pipeline": [{"id": i, **s} for i, s in per_page[:WORST]],
        "bootstrap": {"resamples": N_BOOTSTRAP, "seed": SEED},
        "versions": {
            "python": platform.python_version(),
            **{pkg: version(pkg) for pkg in ("trafilatura", "htmldate", "lxml", "justext", "corpus")},
            "commit": _commit(),
        },
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    print(f"{len(ids)} pages from {folder}")
    print(f"{'method':<30} {'precision':>16} {'recall':>16} {'F1':>16} {'s':>6}")
    for method, m in methods.items():
        print(f"{method:<30} {m['precision']:.4f} ± {m['precision_ci']:.3f} {m['recall']:.4f} ± {m['recall_ci']:.3f}"
              f" {m['f1']:.4f} ± {m['f1_ci']:.3f} {m['seconds']:6.1f}")
    for name, d in differences.items():
        print(f"{name}: F1 {d['f1_difference']:+.4f} ± {d['ci']:.4f}")
    print("pipeline F1 with one cleaning step left out: " + ", ".join(
        f"{name.removeprefix('without_')} {m['f1']:.4f}" for name, m in ablation.items()))
    print("worst pages (project pipeline F1): " + ", ".join(f"{i[:10]} {s['f1']:.3f}" for i, s in per_page[:WORST]))
    if args.json:
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
