"""Execute the analysis notebooks with papermill into a figure set."""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path

import yaml

from corpus.paths import NOTEBOOKS_DIR

__all__ = ["discover_notebooks", "notebook_parameters", "run_notebooks"]

log = logging.getLogger(__name__)
NOTEBOOK_NAME = re.compile(r"\d{2}_.+\.ipynb")


def discover_notebooks(notebooks_dir: str | Path | None = None) -> list[Path]:
    """The ``NN_*.ipynb`` notebooks of a folder, in their numbered order."""
    folder = Path(notebooks_dir) if notebooks_dir else NOTEBOOKS_DIR
    return sorted(p for p in folder.glob("*.ipynb") if NOTEBOOK_NAME.fullmatch(p.name))


def notebook_parameters(path: Path) -> dict[str, dict]:
    """The parameters a notebook declares in its ``parameters`` cell (name -> papermill's description)."""
    import papermill

    return papermill.inspect_notebook(str(path))


def _parse_value(text: str):
    """A ``-p`` value typed as YAML reads it (``5`` -> int, ``null`` -> None, else the string)."""
    return yaml.safe_load(text) if isinstance(text, str) else text


def run_notebooks(
    *,
    corpus_path: str | Path | None = None,
    out: str | Path = "figures",
    notebooks_dir: str | Path | None = None,
    only: list[str] | None = None,
    overrides: dict[str, str] | None = None,
) -> int:
    """Run every notebook; each gets ``corpus_path`` and its own ``output_dir`` under ``out``.

    Returns a process exit status: 0 when every notebook succeeded, 1 otherwise, 2 when the
    request itself is wrong (an unknown parameter name, no notebook selected).
    """
    import papermill

    notebooks = discover_notebooks(notebooks_dir)
    if only:
        wanted = {Path(name).stem for name in only}
        notebooks = [nb for nb in notebooks if nb.stem in wanted]
    if not notebooks:
        log.error("no notebooks to run in %s", notebooks_dir or NOTEBOOKS_DIR)
        return 2
    declared = {nb: notebook_parameters(nb) for nb in notebooks}
    overrides = {k: _parse_value(v) for k, v in (overrides or {}).items()}
    known = set().union(*(set(p) for p in declared.values()))
    unknown = sorted(set(overrides) - known)
    if unknown:
        log.error("unknown parameter(s) %s; the notebooks declare: %s", ", ".join(unknown), ", ".join(sorted(known)))
        return 2

    out = Path(out).resolve()
    corpus_abs = str(Path(corpus_path).resolve()) if corpus_path else None
    failures = 0
    for nb in notebooks:
        target = out / nb.stem
        target.mkdir(parents=True, exist_ok=True)
        params = {"corpus_path": corpus_abs, "output_dir": str(target)}
        params.update(overrides)
        params = {k: v for k, v in params.items() if k in declared[nb]}
        started = time.monotonic()
        try:
            papermill.execute_notebook(
                str(nb), str(target / nb.name), parameters=params, cwd=str(nb.parent),
                progress_bar=False, kernel_name="python3",
            )
        except papermill.PapermillExecutionError as err:
            failures += 1
            log.error("%s failed in cell %s: %s: %s", nb.name, err.exec_count, err.ename, err.evalue)
            continue
        log.info("%s done in %.1f s -> %s", nb.name, time.monotonic() - started, target)
    return 1 if failures else 0
