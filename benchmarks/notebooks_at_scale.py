"""A whole `corpus run` on a large corpus: time of the sync and of each notebook, peak memory by process kind.

    .venv/bin/python benchmarks/notebooks_at_scale.py --input ../shared/data/allsides/articles.jsonl.gz \\
        --corpus /tmp/allsides_full --cache-dir /tmp/allsides_cache --out /tmp/figures_full \\
        --json benchmarks/notebooks-37554.json

``--corpus`` is made from ``--input`` (``corpus.ingest.allsides.write_corpus_folder_from_jsonl``) when it has no
``metadata.csv`` yet; it belongs outside the repository. ``--cache-dir`` is the run's ``CORPUS_CACHE_DIR``: with
no store there yet the run is cold (the store's sync reads, cleans and parses every article), with the store of
an earlier run on the same articles it is warm. The notebooks run through ``corpus run --jobs N`` with their
default parameters (plus ``-p NAME VALUE`` pairs given here); times are the runner's, from its
``manifest.json`` (``annotation`` is the sync's). Peak memory is sampled every second over the runner and
every process it starts: the largest single process, the largest of each kind (``runner``, ``kernel``,
``worker``), the largest kernel of each notebook, and the largest sum. Sizes: the store on disk, the whole cache folder, and the figure set's CSV files.

``--bare`` first parses the corpus's clean texts with the plain model (``nlp.pipe``, ``--jobs`` processes, as
``store_sync.py`` does), before the run and in the same process run, so that a cold run can be compared with a
bare parse of the same texts measured beside it (``run_vs_bare``, ``sync_vs_bare``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import gc
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from annotate import TreeMemory  # noqa: E402  (the annotation benchmark's sampler)
from store_sync import bare_seconds, clean_texts  # noqa: E402

from corpus.ingest.allsides import write_corpus_folder_from_jsonl  # noqa: E402
from corpus.publish.manifest import git_state  # noqa: E402


def _bytes(paths) -> int:
    return sum(p.stat().st_size for p in paths if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", type=Path, help="articles.jsonl.gz, to make --corpus from when it is missing")
    parser.add_argument("--corpus", type=Path, required=True, help="corpus folder (.txt files and metadata.csv)")
    parser.add_argument("--cache-dir", type=Path, required=True, help="the warm cache (CORPUS_CACHE_DIR)")
    parser.add_argument("--out", type=Path, required=True, help="figure set folder")
    parser.add_argument("-p", "--param", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"))
    parser.add_argument("--jobs", type=int, default=2, help="corpus run --jobs")
    parser.add_argument("--only", action="append", default=[], metavar="NOTEBOOK",
                        help="corpus run --only (repeatable): to tell one notebook's memory from another's")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--bare", action="store_true",
                        help="parse the clean texts with the plain model first, to compare the run with")
    args = parser.parse_args(argv)
    if not (args.corpus / "metadata.csv").exists():
        if args.input is None:
            parser.error(f"{args.corpus} has no metadata.csv: give --input to make it")
        write_corpus_folder_from_jsonl(args.input, args.corpus)

    bare = None
    if args.bare:
        texts = clean_texts(args.corpus)
        bare = {"articles": len(texts), "words": sum(len(text.split()) for text in texts),
                "seconds": round(bare_seconds(texts, args.jobs), 1)}
        del texts
        gc.collect()  # the sampler below counts this process too

    command = [sys.executable, "-m", "corpus", "run", "--corpus", str(args.corpus), "--out", str(args.out),
               "--jobs", str(args.jobs), *[part for name in args.only for part in ("--only", name)],
               *[part for name, value in args.param for part in ("-p", name, value)]]
    memory = TreeMemory()
    memory.start()
    started = time.perf_counter()
    finished = subprocess.run(command, env={**os.environ, "CORPUS_CACHE_DIR": str(args.cache_dir)})
    seconds = time.perf_counter() - started
    memory.stop()
    manifest_path = args.out / "manifest.json"
    if not manifest_path.exists():  # a failed run leaves its partial set beside --out
        manifest_path = max(args.out.parent.glob(f"{args.out.name}.failed-*/manifest.json"), key=os.path.getmtime)
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    result = {
        "command": " ".join(command), "exit_code": finished.returncode, "total_seconds": round(seconds, 1),
        "git": git_state(), "n_articles": sum(1 for _ in args.corpus.glob("*.txt")),
        "notebooks": {run["name"]: {"status": run["status"], "seconds": run["duration_s"], "error": run["error"]}
                      for run in manifest["notebooks"]},
        "peak_rss_process_mb": memory.peak_process_rss_mb, "peak_rss_sum_mb": memory.peak_rss_mb,
        "peak_pss_sum_mb": memory.peak_pss_mb, "peak_rss_mb_by_kind": memory.peak_rss_mb_by_kind,
        "peak_kernel_rss_mb_by_notebook": memory.peak_kernel_rss_mb_by_notebook,
        "annotation": manifest.get("annotation"),
        "bare": bare,
        "run_vs_bare": round(seconds / bare["seconds"], 3) if bare else None,
        "sync_vs_bare": round(manifest["annotation"]["seconds"] / bare["seconds"], 3)
        if bare and manifest.get("annotation") else None,
        "store_bytes": _bytes((args.cache_dir / "stores").rglob("*")), "cache_bytes": _bytes(args.cache_dir.rglob("*")),
        "figure_set_csv_bytes": _bytes(args.out.rglob("*.csv")) if args.out.exists() else None,
    }
    text = json.dumps(result, indent=2)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)
    return finished.returncode


if __name__ == "__main__":
    raise SystemExit(main())
