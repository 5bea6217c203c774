"""Where a cold sync's CPU goes against a bare parse: the main process and its workers apart.

    .venv/bin/python benchmarks/sync_cpu.py --input ../shared/data/allsides/articles.jsonl.gz --limit 500 \\
        --repeat 2 --json benchmarks/sync-cpu-500.json

On the first ``--limit`` AllSides articles (a corpus folder in a temporary directory), ``--repeat`` times in turn:
``bare`` (``nlp.pipe`` of the plain model, 2 processes, as in ``store_sync.py``) and a cold
``corpus.tables.store.sync(n_process=2)`` called in this process with a fresh cache, so that the CPU seconds of
this process (``main``) and of the processes it started (``workers``: spaCy's workers, the reading processes and
the duplicates step) can be read apart with ``getrusage``. Alternating the phases keeps this machine's drift
(10-20% within the hour) out of each pair's ratio.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
import warnings
from pathlib import Path

from store_sync import bare_seconds, clean_texts, repeated_run_arguments, report

from corpus.ingest.allsides import write_corpus_folder_from_jsonl
from corpus.publish.manifest import git_state


def _cpu() -> tuple[float, float]:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def main(argv: list[str] | None = None) -> int:
    args = repeated_run_arguments(__doc__, argv)
    warnings.simplefilter("ignore")
    from corpus.tables.store import sync

    runs = []
    with tempfile.TemporaryDirectory(prefix="sync-cpu-") as tmp:
        corpus = write_corpus_folder_from_jsonl(args.input, Path(tmp) / "corpus", limit=args.limit)
        texts = clean_texts(corpus)
        for number in range(args.repeat):
            before = _cpu()
            bare = bare_seconds(texts, 2)
            middle = _cpu()
            os.environ["CORPUS_CACHE_DIR"] = str(Path(tmp) / f"cache{number}")
            started = time.perf_counter()
            sync(corpus, n_process=2, progress=False)
            seconds = time.perf_counter() - started
            after = _cpu()
            runs.append({"bare_s": round(bare, 1), "bare_cpu_main_s": round(middle[0] - before[0], 1),
                         "bare_cpu_workers_s": round(middle[1] - before[1], 1), "sync_s": round(seconds, 1),
                         "sync_cpu_main_s": round(after[0] - middle[0], 1),
                         "sync_cpu_workers_s": round(after[1] - middle[1], 1),
                         "sync_vs_bare": round(seconds / bare, 3)})
    result = {"command": "benchmarks/sync_cpu.py " + " ".join(argv or sys.argv[1:]), "git": git_state(),
              "articles": len(texts), "words": sum(len(t.split()) for t in texts), "runs": runs}
    report(result, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
