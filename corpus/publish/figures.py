"""Save figures reproducibly, each beside a CSV of exactly the data it plots.

Every figure of the project goes through :func:`save_figure`, which writes
``<name>.png`` (and ``<name>.svg`` on request), ``<name>.csv`` and ``<name>.json`` (the
caption and file names, read by the gallery). Output is byte-identical across runs on the
same inputs: matplotlib's date and software stamps are stripped, the SVG hash salt is fixed
and the CSV is written with a fixed float format and line ending.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd

from corpus.plots.style import SVG_HASH_SALT

if TYPE_CHECKING:
    from corpus.tables.store import CorpusStore

__all__ = ["FORMULA_STARTS", "SavedFigure", "neutralise_formulas", "save_figure", "save_store_table", "save_table",
           "output_folder"]

FLOAT_FORMAT = "%.6g"
CSV_OPTIONS = {"index": False, "float_format": FLOAT_FORMAT, "lineterminator": "\n", "date_format": "%Y-%m-%d"}


class SavedFigure(NamedTuple):
    name: str
    png: Path
    csv: Path
    caption: str
    svg: Path | None


def output_folder(output_dir: str | Path) -> Path:
    """Create (if needed) and return a notebook's output folder and its ``tables/``."""
    folder = Path(output_dir)
    (folder / "tables").mkdir(parents=True, exist_ok=True)
    return folder


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection")."""


def neutralise_formulas(table: pd.DataFrame) -> pd.DataFrame:
    """A copy in which every text cell that starts like a formula starts with ``'`` instead, as OWASP
    recommends, so that opening the CSV in a spreadsheet shows the text and runs nothing. Numbers are
    left as they are (a negative number is a number, not text); the DataFrames keep the true text."""
    text_columns = [c for c in table.columns if table[c].dtype == object or pd.api.types.is_string_dtype(table[c])]
    if not text_columns:
        return table
    table = table.copy(deep=False)  # copy-on-write: only the columns replaced below are new
    for column in text_columns:
        values = table[column]
        is_text = values.map(type) == str if values.dtype == object else values.notna()
        starts = pd.Series(False, index=table.index)
        starts[is_text] = values[is_text].astype(str).str.startswith(FORMULA_STARTS)
        if starts.any():
            table[column] = values.where(~starts, "'" + values[starts].astype(str))
    return table


def save_table(table: pd.DataFrame, path: str | Path, *, sort_by: list[str] | None = None) -> Path:
    """Write a tidy table as CSV, deterministically (stable sort, fixed float format, ``\\n``), with text
    cells that would start a spreadsheet formula neutralised (:func:`neutralise_formulas`)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if sort_by:
        table = table.sort_values(sort_by, kind="mergesort", ignore_index=True)
    neutralise_formulas(table).to_csv(path, **CSV_OPTIONS)
    return path


def save_store_table(store: CorpusStore, name: str, path: str | Path, *, sort_by: list[str] | None = None,
                     **selection) -> Path:
    """Write a table of the corpus store as CSV a chunk at a time (:meth:`CorpusStore.chunks
    <corpus.tables.store.CorpusStore.chunks>`, which takes the same ``selection``: ``articles``, ``columns``
    ...), byte for byte as :func:`save_table` writes the same rows from a DataFrame, for a table larger than a
    notebook should hold."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        for i, chunk in enumerate(store.chunks(name, sort_by=sort_by or (), **selection)):
            neutralise_formulas(chunk).to_csv(handle, header=i == 0, **CSV_OPTIONS)
    return path


def save_figure(
    fig: matplotlib.figure.Figure,
    data: pd.DataFrame,
    name: str,
    output_dir: str | Path,
    *,
    caption: str,
    svg: bool = False,
) -> SavedFigure:
    """Save ``fig`` as ``<name>.png`` beside ``<name>.csv`` (its data) and ``<name>.json`` (its caption).

    In a running notebook the saved PNG is shown and the figure closed (see :func:`_show_in_notebook`)."""
    folder = Path(output_dir)
    folder.mkdir(parents=True, exist_ok=True)
    png = folder / f"{name}.png"
    fig.savefig(png, bbox_inches="tight", metadata={"Software": None})
    svg_path = None
    if svg:
        svg_path = folder / f"{name}.svg"
        with plt.rc_context({"svg.hashsalt": SVG_HASH_SALT}):
            fig.savefig(svg_path, bbox_inches="tight", metadata={"Date": None, "Creator": None})
    csv = save_table(data, folder / f"{name}.csv")
    sidecar = {"name": name, "caption": caption, "png": png.name, "csv": csv.name,
               "svg": svg_path.name if svg_path else None}
    (folder / f"{name}.json").write_text(json.dumps(sidecar, indent=2, ensure_ascii=False) + "\n", "utf-8")
    _show_in_notebook(fig, png)
    return SavedFigure(name, png, csv, caption, svg_path)


def _show_in_notebook(fig: matplotlib.figure.Figure, png: Path) -> None:
    """In a notebook kernel, show the PNG just saved and close ``fig``, so that the inline backend does not draw
    it again at the end of the cell (two more passes: a tight bounding box and the render, about a third of a
    figure cell's time). The reader sees the very file the figure set holds. Elsewhere, nothing happens."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None or getattr(shell, "kernel", None) is None:
        return
    from IPython.display import Image, display

    display(Image(filename=str(png)))
    plt.close(fig)
