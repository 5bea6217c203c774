"""The facts of a figure-set run: what ran, on what, with which software, and what it produced.

``manifest.json`` holds the run id and times, the git commit (and whether the tree was dirty), the
Python and package versions, the spaCy model, the corpus's content hash with each file's sha256,
every notebook's parameters, status, duration and error, the sha256 of every figure and table, and
what changed since the previous manifest in the same place.
"""

from __future__ import annotations

import hashlib
import json
import platform
import subprocess
from importlib import metadata
from collections.abc import Iterable
from pathlib import Path

from corpus.ingest.loader import CATALOG_NAME, sha256_file
from corpus.ingest.sources import source_base
from corpus.paths import PROJECT_DIR

PACKAGES = ("corpus", "pandas", "numpy", "matplotlib", "spacy", "textblob", "vaderSentiment", "papermill",
            "nbformat", "ipykernel")
FIGURE_SUFFIXES = (".png", ".svg", ".csv")
FIGURE_SET_KIND = "corpus figure set"
"""``manifest.json``'s ``kind``: how ``corpus run`` knows a folder it may replace."""


def git_state(folder: Path = PROJECT_DIR) -> dict:
    """``{"commit": sha or None, "dirty": bool or None}``, None where ``folder`` is not a git checkout."""
    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=20)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return done.stdout if done.returncode == 0 else None

    commit = git("rev-parse", "HEAD")
    status = git("status", "--porcelain", "--untracked-files=no")
    return {"commit": commit.strip() if commit else None, "dirty": bool(status.strip()) if status is not None else None}


def software_versions() -> dict:
    """Python, the key packages and the spaCy model (name and version)."""
    from corpus.nlp.model import default_model_name

    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    model = default_model_name()
    try:
        model_version = metadata.version(model.replace("_", "-"))
    except metadata.PackageNotFoundError:
        model_version = None
    return {"python": platform.python_version(), "packages": versions,
            "spacy_model": {"name": model, "version": model_version}}


def corpus_fingerprint(root: Path, files: Iterable[str]) -> dict:
    """The files analysed (``files``, names relative to the corpus folder, or to the folder of a corpus file)
    and the catalog, each with its sha256, and one hash over all of them: editing, adding or removing an
    analysed file changes it, a file the loader skipped does not."""
    folder = source_base(root)
    catalog = [CATALOG_NAME] if root.is_dir() and (root / CATALOG_NAME).is_file() else []
    names = sorted({*files, *catalog})
    hashes = {name: sha256_file(folder / name) for name in names}
    combined = hashlib.sha256("".join(f"{name}\t{digest}\n" for name, digest in hashes.items()).encode()).hexdigest()
    return {"path": str(root), "content_sha256": combined, "n_files": len(hashes), "files": hashes}


def output_hashes(folder: Path) -> tuple[list[dict], list[dict]]:
    """(figures, tables) of a figure set: each figure's caption and files with sha256; each table's sha256."""
    figures, tables = [], []
    for sidecar in sorted(folder.glob("*/*.json")):
        info = json.loads(sidecar.read_text(encoding="utf-8"))
        if not {"name", "png", "csv", "caption"} <= set(info):
            continue
        notebook = sidecar.parent.name
        files = {kind: f"{notebook}/{info[kind]}" for kind in ("png", "csv", "svg") if info.get(kind)}
        figures.append({
            "notebook": notebook, "name": info["name"], "caption": info["caption"], "files": files,
            "sha256": {kind: sha256_file(folder / rel) for kind, rel in files.items()},
        })
    for table in sorted((folder / "tables").glob("*.csv")):
        tables.append({"name": table.name, "file": f"tables/{table.name}", "sha256": sha256_file(table)})
    return figures, tables


def changes_since(previous: dict | None, figures: list[dict], tables: list[dict]) -> dict:
    """Which figures and tables differ from the previous manifest (by sha256), were added or removed."""
    def keyed(manifest_figures, manifest_tables):
        out = {f"{f['notebook']}/{f['name']}": json.dumps(f["sha256"], sort_keys=True) for f in manifest_figures}
        out.update({t["file"]: t["sha256"] for t in manifest_tables})
        return out

    if previous is None:
        return {"previous_run": None, "changed": [], "added": [], "removed": [], "unchanged": 0}
    before = keyed(previous.get("figures", []), previous.get("tables", []))
    now = keyed(figures, tables)
    return {
        "previous_run": previous.get("run_id"),
        "changed": sorted(k for k in now if k in before and before[k] != now[k]),
        "added": sorted(set(now) - set(before)),
        "removed": sorted(set(before) - set(now)),
        "unchanged": sum(1 for k in now if k in before and before[k] == now[k]),
    }
