"""Execute the analysis notebooks with papermill into one reproducible, self-describing figure set.

A run writes into a hidden temporary folder beside ``out`` and moves it into place only when every
notebook succeeded; a failed run is kept under a dated name beside ``out`` (``figures.failed-<run id>``)
and the previous figure set is left as it was. A killed run leaves only its hidden temporary folder,
which the next run removes. Parameter names are checked against every notebook's ``parameters`` cell
before anything runs.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from datetime import datetime, timezone
from multiprocessing import get_context
from pathlib import Path

import yaml

from corpus.publish.gallery import render_index
from corpus.publish.manifest import changes_since, corpus_fingerprint, git_state, output_hashes, software_versions
from corpus.paths import NOTEBOOKS_DIR, SEEDS_DIR

__all__ = ["discover_notebooks", "notebook_parameters", "describe_parameters", "resolve_parameters",
           "run_notebooks", "ParameterError"]

log = logging.getLogger(__name__)
NOTEBOOK_NAME = re.compile(r"\d{2}_.+\.ipynb")
KEPT_FILES = ("README.md",)  # hand-written files of the output folder carried into each new set
ALL_NOTEBOOKS = "all"


class ParameterError(ValueError):
    """A parameter name no selected notebook declares, or a malformed parameter file."""


def discover_notebooks(notebooks_dir: str | Path | None = None) -> list[Path]:
    """The ``NN_*.ipynb`` notebooks of a folder, in their numbered order."""
    folder = Path(notebooks_dir) if notebooks_dir else NOTEBOOKS_DIR
    return sorted(p for p in folder.glob("*.ipynb") if NOTEBOOK_NAME.fullmatch(p.name))


def notebook_parameters(path: Path) -> dict[str, dict]:
    """The parameters a notebook declares in its ``parameters`` cell (name -> papermill's description)."""
    import papermill

    return papermill.inspect_notebook(str(path))


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
        sections = yaml.safe_load(Path(params_file).read_text(encoding="utf-8")) or {}
        if not isinstance(sections, dict) or not all(isinstance(v, dict) for v in sections.values()):
            raise ParameterError(f"{params_file}: expected sections 'all:' and '<notebook>:' of name: value pairs")
        stems = {nb.stem for nb in notebooks}
        strays = sorted(set(sections) - stems - {ALL_NOTEBOOKS})
        if strays:
            raise ParameterError(f"{params_file}: no selected notebook is called {', '.join(strays)}")
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


def _execute(notebook: str, executed: str, parameters: dict, cwd: str) -> dict:
    """Run one notebook (in a worker process); return its status, duration and error.

    The kernel's own stderr (start-up warnings, crashes) goes to ``kernel.log`` beside the executed notebook,
    so that the terminal shows one line per notebook.
    """
    import papermill

    logging.getLogger("papermill").setLevel(logging.WARNING)
    kernel_log = os.open(Path(executed).with_name("kernel.log"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(kernel_log, 2)
    started = time.monotonic()
    error = None
    try:
        papermill.execute_notebook(notebook, executed, parameters=parameters, cwd=cwd, progress_bar=False,
                                   kernel_name="python3", log_output=False)
    except papermill.PapermillExecutionError as err:
        error = {"ename": err.ename, "evalue": err.evalue, "cell": err.exec_count, "cell_index": err.cell_index,
                 "source": (err.source or "").strip().splitlines()[0][:200] if err.source else ""}
    except Exception as err:  # a notebook that cannot even start is a failure of that notebook, not of the run
        error = {"ename": type(err).__name__, "evalue": str(err), "cell": None, "source": ""}
    return {"status": "failed" if error else "ok", "duration_s": round(time.monotonic() - started, 1), "error": error}


def _execute_all(notebooks: list[Path], runs: dict, staging: Path, *, jobs: int) -> dict[Path, dict]:
    """Run the notebooks, at most ``jobs`` at a time, in numbered order; log each start and end."""
    results: dict[Path, dict] = {}
    waiting = list(notebooks)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
        running = {}
        while waiting or running:
            while waiting and len(running) < jobs:
                nb = waiting.pop(0)
                log.info("%s started", nb.stem)
                future = pool.submit(_execute, str(nb), str(staging / nb.stem / nb.name), runs[nb], str(nb.parent))
                running[future] = nb
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                nb = running.pop(future)
                results[nb] = future.result()
                err = results[nb]["error"]
                if err:
                    log.error("%s FAILED after %.1f s in cell %s: %s: %s", nb.stem, results[nb]["duration_s"],
                              err["cell"], err["ename"], err["evalue"])
                else:
                    log.info("%s done in %.1f s", nb.stem, results[nb]["duration_s"])
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


def _remove_stale(out: Path) -> None:
    for stale in out.parent.glob(f".{out.name}.tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)


def _swap_into_place(staging: Path, out: Path, run_id: str) -> None:
    """Replace ``out`` with ``staging`` by renames; hand-written files of the old set are carried over."""
    if out.exists():
        for name in KEPT_FILES:
            if (out / name).is_file() and not (staging / name).exists():
                shutil.copy2(out / name, staging / name)
        retired = out.parent / f".{out.name}.old-{run_id}"
        os.replace(out, retired)
        os.replace(staging, out)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        os.replace(staging, out)


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
    """Run every notebook into a new figure set at ``out``; return a process exit status.

    ``previous`` is the manifest to compare with (default: ``out/manifest.json`` when there is one).
    0: every notebook succeeded and the set is in place. 1: a notebook failed; the partial set is
    saved beside ``out`` under a dated name and ``out`` is untouched. 2: the request is wrong (an
    unknown parameter, no notebook selected) and nothing ran.
    """
    notebooks = discover_notebooks(notebooks_dir)
    if only:
        wanted = {Path(name).stem for name in only}
        notebooks = [nb for nb in notebooks if nb.stem in wanted]
    if not notebooks:
        log.error("no notebooks to run in %s", notebooks_dir or NOTEBOOKS_DIR)
        return 2
    declared = {nb: notebook_parameters(nb) for nb in notebooks}  # each parameters cell is read once per run
    try:
        parameters = resolve_parameters(notebooks, params_file=params_file, overrides=overrides, declared=declared)
    except ParameterError as err:
        log.error("%s", err)
        return 2

    started = _utc_now()
    run_id = started.strftime("%Y%m%dT%H%M%SZ")
    out = Path(out).resolve()
    corpus_dir = Path(corpus_path).resolve() if corpus_path else SEEDS_DIR
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(out)
    staging = out.parent / f".{out.name}.tmp-{run_id}-{os.getpid()}"
    staging.mkdir()

    runs = {}
    for nb in notebooks:
        (staging / nb.stem).mkdir()
        runs[nb] = {**parameters[nb], "corpus_path": str(corpus_dir) if corpus_path else None,
                    "output_dir": str(staging / nb.stem)}
        runs[nb] = {k: v for k, v in runs[nb].items() if k in declared[nb]}

    log.info("run %s: %d notebook(s), corpus %s, %d job(s)", run_id, len(notebooks), corpus_dir, jobs)
    results = _execute_all(notebooks, runs, staging, jobs=max(1, jobs))

    failed = [nb for nb in notebooks if results[nb]["error"]]
    table_owners = _collect_tables(staging, [nb.stem for nb in notebooks])
    figures, tables = output_hashes(staging)
    for table in tables:
        table["notebook"] = table_owners.get(table["name"])
    previous_path = Path(previous) if previous else out / "manifest.json"
    earlier = json.loads(previous_path.read_text(encoding="utf-8")) if previous_path.is_file() else None
    manifest = {
        "run_id": run_id, "started": started.isoformat(), "finished": _utc_now().isoformat(),
        "status": "failed" if failed else "ok", "out": str(out), "git": git_state(), "software": software_versions(),
        "corpus": corpus_fingerprint(corpus_dir),
        "notebooks": [{"name": nb.stem, "parameters": {k: v for k, v in runs[nb].items() if k != "output_dir"},
                       "defaults": {k: v.get("default") for k, v in declared[nb].items()},
                       "executed": f"{nb.stem}/{nb.name}", **results[nb]} for nb in notebooks],
        "figures": figures, "tables": tables,
        "changes": changes_since(earlier, figures, tables),
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
    changes = manifest["changes"]
    log.info("figure set in %s: %d figures, %d tables; since the previous run %d changed, %d added, %d removed",
             out, len(figures), len(tables), len(changes["changed"]), len(changes["added"]), len(changes["removed"]))
    return 0
