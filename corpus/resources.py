"""The package's editable data tables (``corpus/data/``), read as text."""

from __future__ import annotations

import csv
from importlib import resources


def data_text(name: str) -> str:
    """The text of ``corpus/data/<name>``."""
    return resources.files("corpus").joinpath(f"data/{name}").read_text("utf-8")


def data_lines(name: str) -> list[str]:
    """The non-blank lines of a list file, without ``#`` comment lines."""
    return [line.strip() for line in data_text(name).splitlines() if line.strip() and not line.startswith("#")]


def data_rows(name: str) -> list[dict[str, str]]:
    """The rows of a CSV table in ``corpus/data/``, as dicts keyed by its header."""
    return list(csv.DictReader(data_text(name).splitlines()))


def data_mapping(name: str, key: str, value: str) -> dict[str, str]:
    """A two-column look-up from a CSV table in ``corpus/data/``: ``row[key] -> row[value]``."""
    return {row[key]: row[value] for row in data_rows(name)}
