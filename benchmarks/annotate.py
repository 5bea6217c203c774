"""Throughput and memory of the project's annotation against bare spaCy, on the same articles.

    .venv/bin/python benchmarks/annotate.py --input ../shared/data/allsides/articles.jsonl.gz \\
        --limit 150 --n-process 2 --json results.json

The input is the AllSides corpus of Baly et al. (EMNLP 2020, "We Can Detect Your Bias"), published at
github.com/ramybaly/Article-Bias-Prediction as ``articles.jsonl.gz``: one JSON object per line with at
least ``id``, ``source`` (outlet), ``date``, ``title`` and ``text``. Any file in that format works.

In one process run, on the first ``--limit`` articles and the same model and ``--n-process``:

* ``bare``: ``nlp.pipe`` of the plain spaCy model over the clean texts, results discarded;
* ``bare_fast_pipes``: the same with the model's attribute ruler and lemmatizer replaced by the project's
  equivalents (:mod:`corpus.nlp.fast_pipes`), to show how much of the ratio those replacements make;
* ``project_cold``: reading the file and cleaning the raw texts, parsing, caching and extraction of every table
  (:func:`corpus.tables.build.build_tables`) with an empty cache;
* ``project_warm``: the same again, with the cache the cold run left.

With ``--repeat R`` (default 3) the bare phases and cold alternate R times, each cold run on an empty cache and
followed by its warm run, and the times reported are each phase's fastest, as ``timeit`` reports: this
machine's speed drifts by up to 40% within minutes, and the fastest of several runs is the least disturbed
estimate of what the work itself costs. Every run's times are kept in ``runs``.

Words per second count the words of the clean texts for all three. ``project_vs_raw_ratio`` is project
cold throughput over bare throughput (``project_vs_fast_pipes_ratio``: over ``bare_fast_pipes``); ``warm_speedup`` is cold time over warm time. Peak memory is the
resident set size high-water mark of this process and, separately, of the largest worker process (the
kernel's ``ru_maxrss``), and the largest sum over this process and its workers at one moment, both of
RSS (which counts pages a forked worker shares with its parent once per process) and of PSS (which
divides them), sampled every second. The model is loaded before any timing starts.

``--cache-dir`` keeps the cache the cold run writes (it must not exist yet), so the notebooks can then run
warm on the same articles; by default it is a temporary folder, removed at the end.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import shlex
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import psutil

from corpus.ingest.allsides import iter_jsonl_articles
from corpus.ingest.cleaning import clean_article, count_words
from corpus.nlp.fast_pipes import speed_up_pipeline
from corpus.publish.manifest import git_state
from corpus.nlp.model import BATCH_SIZE, default_model_name, load_model
from corpus.tables.build import build_tables
from corpus.tables.rows import table_pipeline


def load_articles(path: Path, limit: int) -> pd.DataFrame:
    """The project's articles table, streamed from the file: cleaning included, as in the loader; the raw
    texts are not kept (forked spaCy workers would inherit them)."""
    rows = []
    for record in iter_jsonl_articles(path, limit=limit):
        if not (record.get("text") or "").strip():
            continue
        result = clean_article(record["text"], outlet=record.get("source") or "", title=record.get("title") or "")
        rows.append({"doc_id": str(record["id"]), "outlet": record.get("source") or "unknown",
                     "date": record.get("date"), "text": result.text, "n_words": count_words(result.text)})
    articles = pd.DataFrame(rows)
    articles["date"] = pd.to_datetime(articles["date"], errors="coerce")
    return articles


def _peak_mb(who: int) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)  # ru_maxrss is in KiB on Linux


def process_kind(process: psutil.Process, me: psutil.Process) -> str:
    """``benchmark`` (this process), ``kernel`` (a notebook's ipykernel), ``runner`` (``corpus run``),
    ``worker`` (a process with spaCy loaded that the run started: the sync's parsing workers, spawned since
    session 26 and forked before), ``spawned`` (any other process started afresh by ``multiprocessing``'s
    spawn: the notebook pool, the store's duplicate finding) or ``other`` (anything else: the loader's forked
    reading processes)."""
    if process.pid == me.pid:
        return "benchmark"
    try:
        command, parent = " ".join(process.cmdline()), process.ppid()
    except psutil.Error:
        return "other"
    if "ipykernel" in command:
        return "kernel"
    if "spawn_main" in command:
        return "worker" if _has_spacy(process) else "spawned"
    if ("-m corpus run" in command or "-m corpus sync" in command) and parent == me.pid:
        return "runner"  # the processes it forks carry the same command line
    return "worker" if _has_spacy(process) else "other"


def kernel_notebook(process: psutil.Process) -> str:
    """The notebook a kernel runs: the runner sends each kernel's stderr to ``kernel.log`` in the notebook's own
    staging folder (``<stem>/kernel.log``), and the kernel keeps that file open; ``"?"`` when it does not."""
    try:
        logs = [Path(f.path) for f in process.open_files() if f.path.endswith("kernel.log")]
    except psutil.Error:
        return "?"
    return logs[0].parent.name if logs else "?"


_SPACY_LOADED: set[int] = set()


def _has_spacy(process: psutil.Process) -> bool:
    """Whether spaCy's compiled modules are mapped in ``process`` (remembered once seen: they stay)."""
    if process.pid in _SPACY_LOADED:
        return True
    try:
        maps = Path(f"/proc/{process.pid}/maps").read_text()
    except OSError:
        return False
    if "/spacy/" in maps:
        _SPACY_LOADED.add(process.pid)
        return True
    return False


class TreeMemory(threading.Thread):
    """Samples the summed RSS and PSS of this process and all its descendants, keeping the largest sums
    (and the largest RSS of any one process, for processes such as notebook kernels that ``ru_maxrss``
    of this process does not see), the largest RSS of each kind of process (:func:`process_kind`) and of each
    notebook's kernel (:func:`kernel_notebook`)."""

    def __init__(self, interval: float = 1.0):
        super().__init__(daemon=True)
        self.interval = interval
        self.peak_rss_mb = self.peak_pss_mb = self.peak_process_rss_mb = 0.0
        self.peak_rss_mb_by_kind: dict[str, float] = {}
        self.peak_kernel_rss_mb_by_notebook: dict[str, float] = {}
        self._notebook_of: dict[int, str] = {}
        self._stop_event = threading.Event()

    def run(self) -> None:
        me = psutil.Process()
        while not self._stop_event.wait(self.interval):
            rss = pss = 0
            for process in [me, *me.children(recursive=True)]:
                try:
                    info = process.memory_full_info()
                except psutil.Error:  # a worker that ended between listing and reading
                    continue
                rss, pss = rss + info.rss, pss + info.pss
                process_mb = round(info.rss / 2**20, 1)
                self.peak_process_rss_mb = max(self.peak_process_rss_mb, process_mb)
                kind = process_kind(process, me)
                self.peak_rss_mb_by_kind[kind] = max(self.peak_rss_mb_by_kind.get(kind, 0.0), process_mb)
                if kind == "kernel":
                    if process.pid not in self._notebook_of:
                        self._notebook_of[process.pid] = kernel_notebook(process)
                    notebook = self._notebook_of[process.pid]
                    self.peak_kernel_rss_mb_by_notebook[notebook] = max(
                        self.peak_kernel_rss_mb_by_notebook.get(notebook, 0.0), process_mb)
            self.peak_rss_mb = max(self.peak_rss_mb, round(rss / 2**20, 1))
            self.peak_pss_mb = max(self.peak_pss_mb, round(pss / 2**20, 1))

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", type=Path, required=True, help="articles.jsonl.gz (AllSides format)")
    parser.add_argument("--limit", type=int, default=150, help="first N articles")
    parser.add_argument("--n-process", type=int, default=1, help="spaCy worker processes, for bare and project")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--skip-bare", action="store_true", help="time only the project (for the largest sizes)")
    parser.add_argument("--repeat", type=int, default=3, help="alternate bare and project runs this many times; "
                        "report each phase's fastest (all are kept in the JSON)")
    parser.add_argument("--cache-dir", type=Path, help="keep the project's cache here (a folder that does not exist)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.cache_dir is not None and args.cache_dir.exists():
        parser.error(f"--cache-dir {args.cache_dir} exists: the cold run needs an empty cache")
    memory = TreeMemory()
    memory.start()

    model = default_model_name()
    bare_nlp = load_model(model)
    fast_nlp = None
    if not args.skip_bare:
        fast_nlp = load_model(model)
        speed_up_pipeline(fast_nlp)
    table_pipeline(model)  # the project's pipeline and extractors, loaded before timing like the bare model
    articles = load_articles(args.input, args.limit)
    n_articles, n_words = len(articles), int(articles["n_words"].sum())
    texts = articles["text"].tolist() if not args.skip_bare else []
    del articles

    result: dict = {
        "command": "benchmarks/annotate.py " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:])),
        "date": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "git": git_state(), "python": platform.python_version(), "model": f"{model} {bare_nlp.meta.get('version')}",
        "n_articles": n_articles, "n_words": n_words, "n_process": args.n_process, "batch_size": args.batch_size,
        "repeat": args.repeat,
    }
    runs = []
    for repeat in range(args.repeat):
        times = {}
        if not args.skip_bare:
            for phase, nlp in (("bare", bare_nlp), ("bare_fast_pipes", fast_nlp)):
                started = time.perf_counter()
                for _ in nlp.pipe(texts, n_process=args.n_process, batch_size=args.batch_size):
                    pass
                times[phase] = round(time.perf_counter() - started, 2)
        with tempfile.TemporaryDirectory(prefix="corpus-bench-") as tmp:
            cache_dir = args.cache_dir if args.cache_dir and repeat == args.repeat - 1 else Path(tmp) / "cache"
            for phase in ("cold", "warm"):
                started = time.perf_counter()
                articles = load_articles(args.input, args.limit)  # the project reads and cleans the file itself
                run = build_tables(articles, Path(tmp) / f"tables-{phase}", model=model, n_process=args.n_process,
                                   batch_size=args.batch_size, cache_dir=cache_dir, progress=False)
                del articles
                times[phase] = round(time.perf_counter() - started, 2)
                result[f"project_{phase}_parsed"] = run.parsed
        runs.append(times)
    del texts
    result["runs"] = runs
    result["rows"] = run.rows
    for phase, key in (("bare", "bare"), ("bare_fast_pipes", "bare_fast_pipes"), ("cold", "project_cold"),
                       ("warm", "project_warm")):
        if phase in runs[0]:
            result[f"{key}_seconds"] = min(times[phase] for times in runs)
            result[f"{key}_wps"] = round(n_words / result[f"{key}_seconds"])
    if not args.skip_bare:
        result["project_vs_raw_ratio"] = round(result["project_cold_wps"] / result["bare_wps"], 3)
        result["project_vs_fast_pipes_ratio"] = round(result["project_cold_wps"] / result["bare_fast_pipes_wps"], 3)
    result["warm_speedup"] = round(result["project_cold_seconds"] / result["project_warm_seconds"], 1)
    result["peak_rss_mb"] = _peak_mb(resource.RUSAGE_SELF)
    result["peak_rss_worker_mb"] = _peak_mb(resource.RUSAGE_CHILDREN)
    memory.stop()
    result["peak_rss_sum_mb"] = memory.peak_rss_mb
    result["peak_pss_sum_mb"] = memory.peak_pss_mb
    text = json.dumps(result, indent=2)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
