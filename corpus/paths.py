"""Where the project keeps things. Nothing here touches the disk at import time."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
SEEDS_DIR = PROJECT_DIR / "seeds"
NOTEBOOKS_DIR = PROJECT_DIR / "notebooks"
FIGURES_DIR = PROJECT_DIR / "figures"


def cache_dir() -> Path:
    """The annotation cache: ``$CORPUS_CACHE_DIR`` if set, else ``.cache/`` in the project."""
    return Path(os.environ.get("CORPUS_CACHE_DIR") or PROJECT_DIR / ".cache")
