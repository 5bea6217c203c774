"""The package's editable data tables (``corpus/data/``), read as text."""

from __future__ import annotations

from importlib import resources


def data_text(name: str) -> str:
    """The text of ``corpus/data/<name>``."""
    return resources.files("corpus").joinpath(f"data/{name}").read_text("utf-8")


def data_lines(name: str) -> list[str]:
    """The non-blank lines of a list file, without ``#`` comment lines."""
    return [line.strip() for line in data_text(name).splitlines() if line.strip() and not line.startswith("#")]
