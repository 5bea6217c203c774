"""Figures of the attributions table (notebook 02); the numbers come from :mod:`corpus.analysis.attribution`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from corpus.extract.attribution import SOURCE_TYPES
from corpus.plots.style import panel_grid

__all__ = ["TYPE_COLOURS", "TYPE_LABELS", "plot_sourcing_mix", "plot_top_sources", "plot_attribution_rate"]


TYPE_COLOURS = {"named_person": "#4c72b0", "anonymous": "#c44e52", "organization": "#55a868",
                "media": "#8172b2", "other": "#bbbbbb"}
TYPE_LABELS = {"named_person": "named person", "anonymous": "anonymous", "organization": "organisation",
               "media": "media", "other": "other (documents, unresolved pronouns)"}


def plot_sourcing_mix(mix: pd.DataFrame) -> plt.Figure:
    """Stacked horizontal bars of source-type shares per outlet, each segment labelled with its count."""
    outlets = list(dict.fromkeys(mix["outlet"]))
    fig, ax = plt.subplots(figsize=(10, max(2.5, 0.45 * len(outlets) + 1.6)))
    left = np.zeros(len(outlets))
    for source_type in SOURCE_TYPES:
        part = mix[mix["source_type"] == source_type].set_index("outlet").reindex(outlets)
        shares, counts = part["share"].to_numpy(float), part["n"].to_numpy(int)
        ax.barh(range(len(outlets)), shares, left=left, color=TYPE_COLOURS[source_type], label=TYPE_LABELS[source_type])
        for y, (x0, w, n) in enumerate(zip(left, shares, counts)):
            if n and w >= 0.05:
                ax.text(x0 + w / 2, y, str(n), ha="center", va="center", fontsize=8, color="white")
        left += shares
    totals = mix.groupby("outlet", sort=False)["n_outlet"].first().reindex(outlets)
    ax.set_yticks(range(len(outlets)), [f"{o} (n={n})" for o, n in zip(outlets, totals)])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set_xlabel("Share of the outlet's attributions (numbers in bars: attributions)")
    ax.set_title("Who each outlet cites: named, anonymous, organisational or media sources")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=3, fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def plot_top_sources(sources: pd.DataFrame, *, columns: int = 3) -> plt.Figure:
    """One small panel per outlet: its most cited sources, coloured by type."""
    outlets = list(dict.fromkeys(sources["outlet"]))
    per_panel = max(1, sources.groupby("outlet").size().max()) if len(sources) else 1
    fig, axes = panel_grid(len(outlets), columns=columns, panel_width=5, row_height=0.28 * per_panel + 1.2)
    high = sources["n"].max() if len(sources) else 1
    for ax, outlet in zip(axes, outlets):
        part = sources[sources["outlet"] == outlet]
        ax.barh(range(len(part)), part["n"], color=[TYPE_COLOURS[t] for t in part["source_type"]])
        ax.set_yticks(range(len(part)), [s if len(s) <= 32 else s[:30] + "…" for s in part["source_canonical"]],
                      fontsize=8)
        ax.set_ylim(per_panel - 0.5, -0.5)  # same bar thickness in every panel, top-down order
        ax.set_xlim(0, high * 1.1)
        ax.set_title(outlet, fontsize=9)
        ax.xaxis.get_major_locator().set_params(integer=True)
    handles = [plt.Rectangle((0, 0), 1, 1, color=TYPE_COLOURS[t]) for t in SOURCE_TYPES]
    fig.legend(handles, [TYPE_LABELS[t] for t in SOURCE_TYPES], loc="lower center", ncol=5, fontsize=8, frameon=False)
    fig.suptitle("Most cited sources per outlet (attributions; anonymous sources grouped as 'role [affiliation]')")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


def plot_attribution_rate(rate: pd.DataFrame) -> plt.Figure:
    """Attributions per 1,000 words: one dot per article, a bar at each outlet's pooled rate."""
    outlets = list(dict.fromkeys(rate.sort_values("outlet")["outlet"]))
    pooled = rate.groupby("outlet").agg(n=("n_attributions", "sum"), words=("n_words", "sum"), articles=("doc_id", "size"))
    pooled["rate"] = pooled["n"] * 1000 / pooled["words"].clip(lower=1)
    pooled = pooled.reindex(outlets)
    fig, ax = plt.subplots(figsize=(9, max(2.5, 0.4 * len(outlets) + 1.3)))
    ax.barh(range(len(outlets)), pooled["rate"], color="#dddddd", label="outlet (all its words pooled)")
    for y, outlet in enumerate(outlets):
        values = rate.loc[rate["outlet"] == outlet, "per_1000_words"].to_numpy(float)
        jitter = np.linspace(-0.15, 0.15, len(values)) if len(values) > 1 else np.zeros(1)
        ax.scatter(values, y + jitter, s=14, color="#4c72b0", zorder=3, label="one article" if y == 0 else None)
    ax.set_yticks(range(len(outlets)),
                  [f"{o} ({int(pooled.loc[o, 'articles'])} art.)" for o in outlets])
    ax.invert_yaxis()
    ax.set_xlabel("Attributions per 1,000 words of clean text")
    ax.set_title("How densely each outlet attributes its claims")
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    return fig
