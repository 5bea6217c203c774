"""Execute the analysis notebooks with papermill into one reproducible, self-describing figure set.

What ``out`` may be: a new folder, an empty one (a ``README.md`` alone counts as empty), or a figure set
that ``corpus run`` made (its ``manifest.json`` says so). Anything else (a file, a folder of other files,
the corpus folder or a folder inside it or around it) is refused before any work, naming the folder.

A run holds a lock on ``out`` (``.<out>.lock`` beside it): a second run on the same ``out`` is refused
with a message while the first is running. It writes into a hidden temporary folder beside ``out`` and
moves it into place only when every notebook succeeded; files of the old set that the run does not make
(a README, a user's notes) are carried into the new one, and ``--only`` replaces just those notebooks'
outputs, keeping the others. A failed run is kept under a dated name beside ``out``
(``figures.failed-<run id>``) and the previous set is left as it was. Workers die with the run: a killed
or interrupted run leaves no process behind, only its temporary folder, which the next run removes.

Before any notebook runs, the corpus's store is brought up to date (:mod:`corpus.tables.store`: only new and
changed articles are read, cleaned and parsed, with ``jobs`` workers; the manifest's ``annotation`` says how
many), its loading problems are printed and kept in the manifest and on the gallery's front page, and every parameter is checked against the notebooks' ``parameters``
cells: its name, its declared type and the bounds its comment states ("(at least 1)").
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import re
import shutil
import signal
import sys
import threading
import time
from contextlib import contextmanager
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

import yaml

from corpus.ingest.loader import CorpusError, describe_problem
from corpus.nlp.model import MAX_TEXT_CHARS
from corpus.paths import NOTEBOOKS_DIR, SEEDS_DIR
from corpus.publish.gallery import render_index
from corpus.publish.manifest import (FIGURE_SET_KIND, changes_since, corpus_fingerprint, git_state, output_hashes,
                                     software_versions)
from corpus.tables.store import RUN_STORE_ENV, sync
from corpus.tables.workers import kill_descendants, spawned_pool

__all__ = ["discover_notebooks", "notebook_parameters", "describe_parameters", "resolve_parameters",
           "check_parameters", "check_output", "run_notebooks", "ParameterError", "OutputError"]

log = logging.getLogger(__name__)
NOTEBOOK_NAME = re.compile(r"\d{2}_.+\.ipynb")
KEPT_FILES = ("README.md",)
"""An output folder holding only these counts as empty (the project's own ``figures/`` has its README)."""
ALL_NOTEBOOKS = "all"


class ParameterError(ValueError):
    """A parameter name no selected notebook declares, a value of the wrong type or out of bounds, or a
    missing or malformed parameter file."""


class OutputError(ValueError):
    """An output folder ``corpus run`` must not write into, or one another run is writing into."""


def discover_notebooks(notebooks_dir: str | Path | None = None) -> list[Path]:
    """The ``NN_*.ipynb`` notebooks of a folder, in their numbered order."""
    folder = Path(notebooks_dir) if notebooks_dir else NOTEBOOKS_DIR
    return sorted(p for p in folder.glob("*.ipynb") if NOTEBOOK_NAME.fullmatch(p.name))


def _papermill():
    """papermill, imported without jsonschema's IRI grammars: papermill imports nbformat, which imports
    jsonschema, which compiles 38 Lark grammars at import when rfc3987-syntax is installed (JupyterLab's
    jupyter-events brings it), 4.2 s in the runner and again in each worker before its first notebook (cProfile).
    Only jsonschema's "iri" format checks need them, and the notebook schema has none."""
    sys.modules.setdefault("rfc3987_syntax", None)
    import papermill

    return papermill


def notebook_parameters(path: Path) -> dict[str, dict]:
    """The parameters a notebook declares in its ``parameters`` cell (name -> papermill's description)."""
    return _papermill().inspect_notebook(str(path))


def describe_parameters(path: Path) -> str:
    """A notebook's parameters, one per line: name, type, default and comment."""
    lines = [f"{path.stem} parameters:"]
    for name, info in notebook_parameters(path).items():
        lines.append(f"  {name}: {info.get('inferred_type_name', '')} = {info.get('default', '')}"
                     f"  # {info.get('help', '')}")
    return "\n".join(lines)


def _parse_value(value):
    """A ``-p`` value typed as YAML reads it (``5`` -> int, ``null`` -> None, else the string)."""
    return yaml.safe_load(value) if isinstance(value, str) else value


def resolve_parameters(
    notebooks: list[Path], *, params_file: str | Path | None = None, overrides: dict | None = None,
    declared: dict[Path, dict] | None = None,
) -> dict[Path, dict]:
    """Each notebook's parameters from the file (``all:`` and per-notebook sections) and ``-p`` overrides.

    Raises :class:`ParameterError`, listing the valid names, when a name is declared by no notebook it
    is meant for. ``corpus_path`` and ``output_dir`` are set by the runner and cannot be given.
    """
    declared = declared if declared is not None else {nb: notebook_parameters(nb) for nb in notebooks}
    sections: dict = {}
    if params_file:
        sections = _read_params_file(Path(params_file))
        stems = {nb.stem for nb in notebooks}
        strays = sorted(set(sections) - stems - {ALL_NOTEBOOKS})
        if strays:
            raise ParameterError(f"{params_file}: no selected notebook is called {', '.join(strays)}; its sections "
                                 f"can be: {', '.join([ALL_NOTEBOOKS, *sorted(stems)])}")
    shared = {**sections.get(ALL_NOTEBOOKS, {}), **{k: _parse_value(v) for k, v in (overrides or {}).items()}}
    reserved = {"corpus_path", "output_dir"} & (set(shared) | {k for s in sections.values() for k in s})
    if reserved:
        raise ParameterError(f"{', '.join(sorted(reserved))} are set by the runner (use --corpus and --out)")
    known = set().union(*(set(p) for p in declared.values())) if declared else set()
    unknown = sorted(set(shared) - known)
    if unknown:
        raise ParameterError(f"unknown parameter {', '.join(unknown)}; the notebooks declare: {', '.join(sorted(known))}")
    resolved = {}
    for nb in notebooks:
        own = sections.get(nb.stem, {})
        wrong = sorted(set(own) - set(declared[nb]))
        if wrong:
            raise ParameterError(f"{nb.stem} has no parameter {', '.join(wrong)}; it declares: "
                                 f"{', '.join(sorted(declared[nb]))}")
        chosen = {k: v for k, v in shared.items() if k in declared[nb]}
        chosen.update(own)
        resolved[nb] = chosen
    return resolved


def _read_params_file(path: Path) -> dict:
    if not path.is_file():
        raise ParameterError(f"{path}: no such parameter file" + (" (it is a folder)" if path.is_dir() else ""))
    try:
        sections = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        raise ParameterError(f"{path}: not valid YAML: {' '.join(str(err).split())}") from None
    except UnicodeDecodeError as err:
        raise ParameterError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})") from None
    if not isinstance(sections, dict) or not all(isinstance(v, dict) for v in sections.values()):
        raise ParameterError(f"{path}: expected sections 'all:' and '<notebook>:' of name: value pairs, e.g.\n"
                             "all:\n  top_outlets: 8\n03_sentiment_framing:\n  n_boot: 500")
    return sections


TYPE_CHECKS = {
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "str": lambda v: isinstance(v, str),
    "bool": lambda v: isinstance(v, bool),
    "list": lambda v: isinstance(v, list),
    "dict": lambda v: isinstance(v, dict),
}
TYPE_NAMES = {"int": "a whole number", "float": "a number", "str": "text", "bool": "true or false",
              "list": "a list ([a, b])", "dict": "a mapping ({a: 1})"}
CHOICES = re.compile(r"\(one of ((?:\"[^\"]*\"(?:, |,| or )?)+)\)")
"""A comment's "(one of "keep", "drop" or "original_outlet")": the values a text parameter takes."""
BOUND = re.compile(r"\((?:at least (?P<low>-?\d+(?:\.\d+)?))?(?:,? ?and )?(?:at most (?P<high>-?\d+(?:\.\d+)?))?\)")


def _value_problem(value, info: dict) -> str | None:
    """Why ``value`` does not fit a parameter's declared type and the bounds its comment states, or None."""
    declared = str(info.get("inferred_type_name") or "")
    optional = declared.startswith("Optional[") and declared.endswith("]")
    type_name = declared[len("Optional["):-1] if optional else declared
    if value is None:
        return None if optional or type_name not in TYPE_CHECKS else f"must be {TYPE_NAMES[type_name]}, not null"
    check = TYPE_CHECKS.get(type_name)
    if check is not None and not check(value):
        return (f"must be {TYPE_NAMES[type_name]}{' or null' if optional else ''}, "
                f"not {value!r} ({type(value).__name__})")
    choices = CHOICES.search(str(info.get("help") or ""))
    if choices and isinstance(value, str):
        allowed = re.findall(r'"([^"]*)"', choices.group(1))
        if value not in allowed:
            return f"must be one of {', '.join(map(repr, allowed))}, not {value!r}"
    bounds = BOUND.search(str(info.get("help") or ""))
    if bounds and isinstance(value, (int, float)) and not isinstance(value, bool):
        low, high = (float(b) if b is not None else None for b in bounds.group("low", "high"))
        if low is not None and value < low:
            return f"must be at least {bounds.group('low')}, not {value!r}"
        if high is not None and value > high:
            return f"must be at most {bounds.group('high')}, not {value!r}"
    return None


def check_parameters(resolved: dict[Path, dict], declared: dict[Path, dict]) -> None:
    """Raise :class:`ParameterError` listing every value that does not fit its notebook's declaration."""
    problems = sorted({f"{name} {problem}" for nb, chosen in resolved.items() for name, value in chosen.items()
                       if (problem := _value_problem(value, declared[nb].get(name, {}))) is not None})
    if problems:
        raise ParameterError("bad parameter value: " + "; ".join(problems))


def _execute(notebook: str, executed: str, parameters: dict, cwd: str, store_token: str) -> dict:
    """Run one notebook (in a worker process); return its status, duration and error.

    Its kernel inherits ``store_token`` (:data:`~corpus.tables.store.RUN_STORE_ENV`): the store this run synced.

    The kernel's own stderr (start-up warnings, crashes) goes to ``kernel.log`` beside the executed notebook,
    so that the terminal shows one line per notebook.
    """
    papermill = _papermill()
    os.environ[RUN_STORE_ENV] = store_token  # this worker process is the run's own; kernels inherit its env
    # glibc raises its threshold for serving a large block from the heap each time one is freed, after which
    # freed DataFrame columns of a few megabytes stay in a kernel's heap; a fixed threshold hands them back
    # (measured on notebook 03's steps over 37,554 articles: about 130 MB less held). A user's own setting stays.
    os.environ.setdefault("MALLOC_MMAP_THRESHOLD_", str(KERNEL_MMAP_THRESHOLD))
    logging.getLogger("papermill").setLevel(logging.WARNING)
    kernel_log = os.open(Path(executed).with_name("kernel.log"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(kernel_log, 2)
    started = time.monotonic()
    for attempt in range(1, KERNEL_START_ATTEMPTS + 1):
        error = None
        try:
            # once the last cell has replied, every output is saved and every file the notebook wrote is closed:
            # ending the kernel at once saves the graceful shutdown's second or so per notebook
            papermill.execute_notebook(notebook, executed, parameters=parameters, cwd=cwd, progress_bar=False,
                                       kernel_name="python3", log_output=False, shutdown_kernel="immediate")
        except papermill.PapermillExecutionError as err:
            error = {"ename": err.ename, "evalue": err.evalue, "cell": err.exec_count, "cell_index": err.cell_index,
                     "source": (err.source or "").strip().splitlines()[0][:200] if err.source else ""}
        except Exception as err:  # a notebook that cannot even start is a failure of that notebook, not of the run
            error = {"ename": type(err).__name__, "evalue": str(err), "cell": None, "source": ""}
        if error is None or KERNEL_START_RACE not in error["evalue"] or attempt == KERNEL_START_ATTEMPTS:
            break
        # two kernels started at once can be handed the same free port by jupyter_client, and the second dies
        # binding it ("Address already in use" in kernel.log) before it runs a cell: start it again
        os.write(2, f"\n[corpus] kernel died at start-up (attempt {attempt}); starting it again\n".encode())
    return {"status": "failed" if error else "ok", "duration_s": round(time.monotonic() - started, 1), "error": error}


KERNEL_START_ATTEMPTS = 3
KERNEL_START_RACE = "Kernel died before replying to kernel_info"
"""nbclient's message for a kernel that died before it answered: at start-up, before any cell ran."""


KERNEL_MMAP_THRESHOLD = 1 << 20
"""Bytes from which glibc serves a block with its own mapping, in the kernels a run starts (``mallopt``)."""
SIGNAL_POLL_SECONDS = 1.0


def _worker_ready() -> None:
    """A pool worker's first task: import papermill while the run's process syncs the store."""
    _papermill()


def _start_pool(jobs: int) -> ProcessPoolExecutor:
    """The notebook workers, started (and papermill imported in them) before the store's sync, so that their
    start-up, about a second each, overlaps the sync instead of delaying the first notebooks."""
    pool = spawned_pool(jobs)
    for _ in range(jobs):
        pool.submit(_worker_ready)
    return pool


def _execute_all(notebooks: list[Path], runs: dict, staging: Path, *, jobs: int, store_token: str,
                 pool: ProcessPoolExecutor) -> dict[Path, dict]:
    """Run the notebooks in ``pool``, at most ``jobs`` at a time, in numbered order; log each start and end.

    Interrupted (Ctrl-C, SIGTERM), it kills its workers and their kernels before it re-raises."""
    results: dict[Path, dict] = {}
    waiting = list(notebooks)
    try:
        running = {}
        while waiting or running:
            while waiting and len(running) < jobs:
                nb = waiting.pop(0)
                log.info("%s started", nb.stem)
                future = pool.submit(_execute, str(nb), str(staging / nb.stem / nb.name), runs[nb], str(nb.parent),
                                     store_token)
                running[future] = nb
            # a timeout, so that the main thread wakes up: a Ctrl-C the kernel hands to another thread of this
            # process (the pool's manager thread) is only acted on when the main thread next runs Python code
            done, _ = wait(running, timeout=SIGNAL_POLL_SECONDS, return_when=FIRST_COMPLETED)
            for future in done:
                nb = running.pop(future)
                results[nb] = future.result()
                err = results[nb]["error"]
                if err:
                    log.error("%s FAILED after %.1f s in cell %s: %s: %s", nb.stem, results[nb]["duration_s"],
                              err["cell"], err["ename"], err["evalue"])
                else:
                    log.info("%s done in %.1f s", nb.stem, results[nb]["duration_s"])
    except BaseException:
        kill_descendants()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    return results


def _utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def _collect_tables(staging: Path, stems: list[str]) -> dict[str, str]:
    """Move each notebook's ``tables/*.csv`` into the set's ``tables/``; table name -> notebook."""
    target = staging / "tables"
    target.mkdir(exist_ok=True)
    owners = {}
    for stem in stems:
        folder = staging / stem / "tables"
        if not folder.is_dir():
            continue
        for table in sorted(folder.glob("*.csv")):
            if table.name in owners:
                raise RuntimeError(f"{stem} and {owners[table.name]} both write tables/{table.name}")
            shutil.move(str(table), target / table.name)
            owners[table.name] = stem
        shutil.rmtree(folder)
    return owners


GENERATED_NAMES = ("manifest.json", "index.html", "tables")
"""Top-level entries every figure set makes; the rest are its notebooks' folders and files it carries."""


class OutputCheck(NamedTuple):
    """What ``out`` holds now: the manifest of the set there (None for a new or empty folder) and, when that
    manifest could not be read, why."""

    previous: dict | None
    damaged: str


def _is_figure_set_entry(entry: Path) -> bool:
    return entry.name in GENERATED_NAMES or entry.name in KEPT_FILES or bool(re.fullmatch(r"\d{2}_.+", entry.name))


def check_output(out: Path, corpus_dir: Path) -> OutputCheck:
    """Refuse (:class:`OutputError`) an ``out`` that is not new, empty or a figure set, or that holds, or lies
    inside, the corpus; else what it holds. Nothing is written."""
    out, corpus_dir = Path(os.path.realpath(out)), Path(os.path.realpath(corpus_dir))
    if corpus_dir == out or out in corpus_dir.parents:
        raise OutputError(f"--out {out} holds the corpus {corpus_dir}: a run replaces its output folder, so "
                          "choose a folder outside the corpus; nothing was run")
    if corpus_dir in out.parents:
        raise OutputError(f"--out {out} is inside the corpus folder {corpus_dir}, which the project never writes "
                          "to; choose a folder outside it; nothing was run")
    if not out.exists():
        return OutputCheck(None, "")
    if not out.is_dir():
        raise OutputError(f"--out {out} is a file, not a folder; nothing was run")
    entries = sorted(out.iterdir())
    if all(entry.name in KEPT_FILES for entry in entries):
        return OutputCheck(None, "")
    manifest_path = out / "manifest.json"
    damaged = ""
    if manifest_path.is_file():
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as err:
            manifest, damaged = None, f"{manifest_path} cannot be read ({type(err).__name__}: {err})"
        if isinstance(manifest, dict) and (manifest.get("kind") == FIGURE_SET_KIND
                                           or {"run_id", "notebooks", "figures"} <= set(manifest)):
            return OutputCheck(manifest, "")
        if damaged and all(_is_figure_set_entry(entry) for entry in entries):
            return OutputCheck(None, damaged)
    shown = ", ".join(e.name for e in entries[:5]) + (", ..." if len(entries) > 5 else "")
    raise OutputError(f"--out {out} holds files that are not a figure set of corpus run ({shown}); a run "
                      "replaces its output folder, so choose a new or empty folder, or a figure set; nothing was run")


@contextmanager
def _output_lock(out: Path):
    """Hold ``.<out>.lock`` beside ``out`` for the run; another run on the same ``out`` is refused."""
    path = out.parent / f".{out.name}.lock"
    handle = open(path, "a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise OutputError(f"--out {out} is being written by another corpus run ({holder}); wait for it to "
                              "finish or choose another folder") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}\n")
        handle.flush()
        yield
    finally:
        handle.close()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_stale(out: Path) -> None:
    """Remove the temporary folders of earlier runs on ``out`` whose process is gone (never a live run's)."""
    for stale in [*out.parent.glob(f".{out.name}.tmp-*"), *out.parent.glob(f".{out.name}.old-*")]:
        pid = stale.name.rsplit("-", 1)[-1]
        if not (pid.isdigit() and _pid_alive(int(pid))):
            log.info("removing %s, left by a run that did not finish", stale)
            shutil.rmtree(stale, ignore_errors=True)


def _carry_over(out: Path, staging: Path, previous: dict | None, *, partial: bool) -> None:
    """Copy into ``staging`` what the set at ``out`` holds and this run does not make: a README or a user's
    notes always; with ``partial`` (``--only``) also the other notebooks' folders and tables."""
    if not out.is_dir():
        return
    if previous is not None:
        remade = {nb["name"] for nb in previous.get("notebooks", [])}
    else:  # the manifest was damaged: every notebook-like folder belongs to the old set
        remade = {entry.name for entry in out.iterdir() if re.fullmatch(r"\d{2}_.+", entry.name)}
    for entry in sorted(out.iterdir()):
        target = staging / entry.name
        if target.exists() or entry.name in GENERATED_NAMES or (entry.name in remade and not partial):
            continue
        if entry.is_dir():
            shutil.copytree(entry, target, symlinks=True)
        else:
            shutil.copy2(entry, target, follow_symlinks=False)
    if partial and (out / "tables").is_dir():
        (staging / "tables").mkdir(exist_ok=True)
        for table in sorted((out / "tables").glob("*.csv")):
            if not (staging / "tables" / table.name).exists():
                shutil.copy2(table, staging / "tables" / table.name)


def _swap_into_place(staging: Path, out: Path, run_id: str) -> None:
    """Replace ``out`` with ``staging`` by renames (what ``out`` held that the run did not make was carried over)."""
    if out.exists():
        retired = out.parent / f".{out.name}.old-{run_id}-{os.getpid()}"
        os.replace(out, retired)
        os.replace(staging, out)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        os.replace(staging, out)


def _sync_for_run(corpus_dir: Path, jobs: int) -> tuple[object, list[dict], dict, str]:
    """Bring the corpus's store up to date before any notebook runs (parsing with ``jobs`` workers), so that the
    notebooks only read it, in parallel. The articles, their problems (file, row, problem, including texts too
    long to parse), what the sync did and the store's token; a corpus that cannot be loaded is a
    :class:`CorpusError`."""
    store, report = sync(corpus_dir, n_process=max(1, jobs))
    articles = store.articles(columns=["doc_id", "source_file"])
    problems = list(store.manifest.get("warnings", []))
    too_long = store.sql(f"SELECT source_file, length(text) AS n FROM articles WHERE length(text) > {MAX_TEXT_CHARS} "
                         "ORDER BY source_file")
    for name, n in zip(too_long["source_file"], too_long["n"]):
        problems.append({"file": name, "row": None, "problem": f"{n:,} characters of clean text, over the model's "
                         f"limit of {MAX_TEXT_CHARS:,}: not parsed, no rows in any table"})
    return articles, problems, report.as_manifest(), store.token()


def _read_previous(previous: str | Path | None, check: OutputCheck) -> tuple[dict | None, str]:
    """The manifest to compare with, and a note when it could not be read."""
    if previous is None:
        return check.previous, check.damaged
    path = Path(previous)
    try:
        return json.loads(path.read_text(encoding="utf-8")), ""
    except (ValueError, UnicodeDecodeError) as err:
        return None, f"{path} cannot be read ({type(err).__name__}: {err})"


def run_notebooks(
    *,
    corpus_path: str | Path | None = None,
    out: str | Path = "figures",
    notebooks_dir: str | Path | None = None,
    only: list[str] | None = None,
    overrides: dict | None = None,
    params_file: str | Path | None = None,
    jobs: int = 1,
    previous: str | Path | None = None,
) -> int:
    """Run every notebook (or those named by ``only``) into the figure set at ``out``; return an exit status.

    ``previous`` is the manifest to compare with (default: ``out/manifest.json`` when there is one).
    0: every notebook succeeded and the set is in place. 1: a notebook failed; the partial set is
    saved beside ``out`` under a dated name and ``out`` is untouched. 2: the request is wrong (an unknown
    or ill-typed parameter, an unknown notebook, a corpus that cannot be loaded, an output folder that is
    not a figure set or is in use) and nothing ran. 128 + signal: interrupted; no process is left.
    """
    available = discover_notebooks(notebooks_dir)
    notebooks = available
    if only:
        wanted = [Path(name).stem for name in only]
        unknown = sorted(set(wanted) - {nb.stem for nb in available})
        if unknown:
            log.error("no notebook %s in %s; there are: %s", ", ".join(unknown), notebooks_dir or NOTEBOOKS_DIR,
                      ", ".join(nb.stem for nb in available) or "none")
            return 2
        notebooks = [nb for nb in available if nb.stem in wanted]
    if not notebooks:
        log.error("no notebooks to run in %s", notebooks_dir or NOTEBOOKS_DIR)
        return 2
    if previous is not None and not Path(previous).is_file():
        log.error("--previous %s: no such manifest; nothing was run", previous)
        return 2
    declared = {nb: notebook_parameters(nb) for nb in notebooks}  # each parameters cell is read once per run
    try:
        parameters = resolve_parameters(notebooks, params_file=params_file, overrides=overrides, declared=declared)
        check_parameters(parameters, declared)
    except ParameterError as err:
        log.error("%s", err)
        return 2

    # realpath, not Path.resolve: a symbolic-link loop must reach the loader's message, not raise here
    out = Path(os.path.realpath(out))
    corpus_dir = Path(os.path.realpath(corpus_path)) if corpus_path else SEEDS_DIR
    try:
        check_output(out, corpus_dir)
    except (OutputError, CorpusError) as err:
        log.error("%s", err)
        return 2
    pool = _start_pool(max(1, jobs))
    try:
        articles, problems, annotation, store_token = _sync_for_run(corpus_dir, jobs)
        out.parent.mkdir(parents=True, exist_ok=True)
        with _output_lock(out):
            check = check_output(out, corpus_dir)  # again, now that no other run can change it
            return _run_locked(notebooks, declared, parameters, out=out, corpus_dir=corpus_dir,
                               explicit_corpus=bool(corpus_path), articles=articles, problems=problems, check=check,
                               previous=previous, jobs=jobs, partial=bool(only), annotation=annotation,
                               store_token=store_token, pool=pool)
    except (OutputError, CorpusError) as err:
        log.error("%s", err)
        return 2
    except BaseException:  # interrupted: no worker or kernel outlives the run
        kill_descendants()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # a no-op after the line above


def _raise_on_sigterm(signum, frame):
    raise SystemExit(128 + signum)


def _run_locked(notebooks, declared, parameters, *, out: Path, corpus_dir: Path, explicit_corpus: bool, articles,
                problems: list[dict], check: OutputCheck, previous, jobs: int, partial: bool, annotation: dict,
                store_token: str, pool: ProcessPoolExecutor) -> int:
    started = _utc_now()
    run_id = started.strftime("%Y%m%dT%H%M%SZ")
    _remove_stale(out)
    staging = out.parent / f".{out.name}.tmp-{run_id}-{os.getpid()}"
    staging.mkdir()
    runs = {}
    for nb in notebooks:
        (staging / nb.stem).mkdir()
        runs[nb] = {**parameters[nb], "corpus_path": str(corpus_dir) if explicit_corpus else None,
                    "output_dir": str(staging / nb.stem)}
        runs[nb] = {k: v for k, v in runs[nb].items() if k in declared[nb]}

    log.info("run %s: %d notebook(s), corpus %s (%d articles), %d job(s)", run_id, len(notebooks), corpus_dir,
             len(articles), jobs)
    for problem in problems:
        log.warning("warning: %s", describe_problem(problem))
    in_main_thread = threading.current_thread() is threading.main_thread()
    earlier_handler = signal.signal(signal.SIGTERM, _raise_on_sigterm) if in_main_thread else None
    try:
        results = _execute_all(notebooks, runs, staging, jobs=max(1, jobs), store_token=store_token, pool=pool)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        log.error("run %s interrupted; no notebook process is left, %s is unchanged", run_id, out)
        raise
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, earlier_handler)

    failed = [nb for nb in notebooks if results[nb]["error"]]
    table_owners = _collect_tables(staging, [nb.stem for nb in notebooks])
    if not failed:
        _carry_over(out, staging, check.previous, partial=partial)
    figures, tables = output_hashes(staging)
    earlier, unreadable = _read_previous(previous, check)
    if unreadable:
        log.warning("warning: the previous manifest %s; every figure and table counts as added", unreadable)
    kept_owners = {t["name"]: t.get("notebook") for t in (check.previous or {}).get("tables", [])} if partial else {}
    for table in tables:
        table["notebook"] = table_owners.get(table["name"]) or kept_owners.get(table["name"])
    entries = [{"name": nb.stem, "parameters": {k: v for k, v in runs[nb].items() if k != "output_dir"},
                "defaults": {k: v.get("default") for k, v in declared[nb].items()},
                "executed": f"{nb.stem}/{nb.name}", **results[nb]} for nb in notebooks]
    if partial and not failed and check.previous:
        rerun = {nb.stem for nb in notebooks}
        entries = sorted([e for e in check.previous.get("notebooks", []) if e["name"] not in rerun] + entries,
                         key=lambda e: e["name"])
    changes = changes_since(earlier, figures, tables)
    if unreadable:
        changes["previous_unreadable"] = unreadable
    manifest = {
        "kind": FIGURE_SET_KIND,
        "run_id": run_id, "started": started.isoformat(), "finished": _utc_now().isoformat(),
        "status": "failed" if failed else "ok", "out": str(out), "git": git_state(), "software": software_versions(),
        "corpus": corpus_fingerprint(corpus_dir, articles["source_file"]),
        "warnings": problems,
        "annotation": annotation,
        "notebooks": entries,
        "figures": figures, "tables": tables,
        "changes": changes,
    }
    (staging / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", "utf-8")
    (staging / "index.html").write_text(render_index(manifest), "utf-8")

    if failed:
        kept = out.parent / f"{out.name}.failed-{run_id}"
        os.replace(staging, kept)
        log.error("%d of %d notebook(s) failed; the previous figure set at %s is unchanged; this run is in %s",
                  len(failed), len(notebooks), out, kept)
        return 1
    _swap_into_place(staging, out, run_id)
    log.info("figure set in %s: %d figures, %d tables; since the previous run %d changed, %d added, %d removed",
             out, len(figures), len(tables), len(changes["changed"]), len(changes["added"]), len(changes["removed"]))
    return 0
