"""Figures of framing (notebook 03); the numbers come from :mod:`corpus.analysis.framing`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from corpus.plots.style import panel_grid

__all__ = ["plot_framing_terms"]


def plot_framing_terms(terms: pd.DataFrame, *, columns: int = 3) -> plt.Figure:
    """One panel per outlet: its most distinctive terms by z-score, 1.96 marked."""
    outlets = list(dict.fromkeys(terms["outlet"]))
    per_panel = max(1, terms.groupby("outlet").size().max()) if len(terms) else 1
    fig, axes = panel_grid(len(outlets), columns=columns, panel_width=4.6, row_height=0.24 * per_panel + 1.3)
    high = max(2.5, terms["zscore"].max() * 1.1) if len(terms) else 2.5
    for ax, outlet in zip(axes, outlets):
        part = terms[terms["outlet"] == outlet]
        colours = np.where(part["zscore"] >= 1.96, "#4c72b0", "#bbbbbb")
        ax.barh(range(len(part)), part["zscore"], color=colours)
        ax.set_yticks(range(len(part)), [f"{t} ({c})" for t, c in zip(part["term"], part["count"])], fontsize=8)
        ax.set_ylim(per_panel - 0.5, -0.5)
        ax.axvline(1.96, color="#c44e52", lw=0.8, ls="--")
        ax.set_xlim(0, high)
        ax.set_title(outlet, fontsize=9)
    fig.suptitle("Words that set each outlet apart from the others (log-odds z-score; count in brackets; "
                 "dashed line z = 1.96)", fontsize=10)
    fig.tight_layout()
    return fig
