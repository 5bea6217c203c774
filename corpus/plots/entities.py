"""Figures of the entity-mentions table (notebook 01); the numbers come from :mod:`corpus.analysis.entities`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

__all__ = ["plot_top_entities", "plot_merges"]


def plot_top_entities(table: pd.DataFrame) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(9, max(3, 0.32 * len(table) + 1)))
    ax.barh(table["entity"] + "  [" + table["label"] + "]", table["n_mentions"], color="#4c72b0")
    for y, (n, arts) in enumerate(zip(table["n_mentions"], table["n_articles"])):
        ax.text(n, y, f" {n} in {arts} article{'s' if arts != 1 else ''}", va="center", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, table["n_mentions"].max() * 1.3)
    ax.set_xlabel("Mentions (after merging name variants)")
    ax.set_title("Most mentioned entities")
    fig.tight_layout()
    return fig


def plot_merges(report: pd.DataFrame) -> plt.Figure:
    """Before/after: distinct surface forms per entity against the one canonical name."""
    fig, ax = plt.subplots(figsize=(9, max(3, 0.35 * len(report) + 1)))
    y = np.arange(len(report))
    ax.barh(y, report["n_surfaces"], color="#dd8452", label="surface forms before merging")
    ax.barh(y, 1, color="#4c72b0", label="canonical entity after merging", height=0.4)
    ax.set_yticks(y, report["entity"])
    for i, text in enumerate(report["surfaces"]):
        ax.text(report["n_surfaces"].iloc[i] + 0.1, i, text if len(text) < 90 else text[:87] + "...", va="center", fontsize=7)
    ax.invert_yaxis()
    ax.set_xlim(0, report["n_surfaces"].max() + 6)
    ax.set_xlabel("Distinct surface forms (mentions per form in brackets)")
    ax.set_title("What the alias merge combined")
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    return fig
