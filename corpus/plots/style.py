"""The one look of every figure: the style, small-multiple grids and the labelled heatmap.

Notebooks call :func:`apply_style` through :func:`corpus.notebook.setup`, never at import.
"""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

__all__ = ["SVG_HASH_SALT", "apply_style", "panel_grid", "plot_heatmap"]


SVG_HASH_SALT = "corpus-figures"
"""Fixed salt of the ids in SVG files, so two runs write the same bytes."""


def apply_style() -> None:
    """One readable style for every notebook (called by the notebooks, not at import)."""
    plt.rcParams.update({
        "figure.dpi": 100,
        "savefig.dpi": 120,
        "figure.figsize": (9, 5),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titlesize": 12,
        "axes.titleweight": "bold",
        "font.size": 10,
        "svg.hashsalt": SVG_HASH_SALT,
        "svg.fonttype": "none",
    })


def panel_grid(n_panels: int, *, columns: int, panel_width: float, row_height: float
               ) -> tuple[matplotlib.figure.Figure, list[matplotlib.axes.Axes]]:
    """A grid of small multiples: ``n_panels`` axes in rows of ``columns``, the unused cells hidden."""
    rows = max(1, -(-n_panels // columns))
    fig, axes = plt.subplots(rows, columns, figsize=(panel_width * columns, rows * row_height), squeeze=False)
    cells = list(axes.flat)
    for ax in cells[n_panels:]:
        ax.set_visible(False)
    return fig, cells[:n_panels]


def plot_heatmap(table: pd.DataFrame, *, row: str, col: str, value: str, title: str, cbar_label: str,
                 fmt: str = "{:.1f}", square: bool = False) -> plt.Figure:
    """A labelled heatmap of a tidy table; ``square`` puts rows and columns in one order (a pair matrix)."""
    matrix = table.pivot(index=row, columns=col, values=value)
    rows = list(dict.fromkeys(table[row]))
    columns = list(dict.fromkeys(rows + list(table[col]))) if square else list(dict.fromkeys(table[col]))
    matrix = matrix.reindex(index=rows if not square else columns, columns=columns)
    fig, ax = plt.subplots(figsize=(max(5, 0.6 * matrix.shape[1] + 3.5), max(3, 0.33 * matrix.shape[0] + 1.5)))
    image = ax.imshow(matrix.to_numpy(dtype=float), cmap="Blues", aspect="auto")
    ax.set_xticks(range(matrix.shape[1]), matrix.columns, rotation=40, ha="right")
    ax.set_yticks(range(matrix.shape[0]), matrix.index)
    values = matrix.to_numpy(dtype=float)
    high = np.nanmax(values) if values.size else 0
    if matrix.size <= 400:
        for (i, j), v in np.ndenumerate(values):
            if v and not np.isnan(v):
                ax.text(j, i, fmt.format(v), ha="center", va="center", fontsize=7,
                        color="white" if v > 0.6 * high else "black")
    fig.colorbar(image, ax=ax, label=cbar_label, shrink=0.8)
    ax.set_title(title)
    fig.tight_layout()
    return fig
