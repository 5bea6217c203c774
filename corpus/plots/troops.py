"""Figures of notebook 04 (troop-number claims); the claims come from :mod:`corpus.extract.troops`, made
plottable by :func:`corpus.analysis.troops.plottable_claims`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from corpus.plots.style import panel_grid

__all__ = ["BOUND_MARKERS", "plot_claims_ledger", "plot_claim_groups"]

BOUND_MARKERS = {"exact": "o", "approx": "D", "at_least": "^", "at_most": "v", "range": "s"}
BOUND_LABELS = {"exact": "exact", "approx": "approximate", "at_least": "at least (more than, over)",
                "at_most": "at most (as many as, up to)", "range": "range (bar: low to high)"}
PALETTE = ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b2", "#937860", "#da8bc3", "#8c8c8c", "#ccb974",
           "#64b5cd"]


def _colours(outlets: list[str]) -> dict[str, str]:
    return {o: PALETTE[i % len(PALETTE)] for i, o in enumerate(outlets)}


def plot_claims_ledger(table: pd.DataFrame, *, outlets: list[str]) -> plt.Figure:
    """Every numeric claim: value (log scale) against publication date, colour by outlet, shape by bound."""
    colours = _colours(outlets)
    fig, ax = plt.subplots(figsize=(11, 5.5))
    # one artist per kind of marker, not per claim: thousands of artists took seconds to draw and save
    table = table.assign(colour=[colours.get(o, "#bbbbbb") for o in table["outlet"]])
    ranges = table[table["bound"] == "range"]
    if len(ranges):
        ax.vlines(ranges["date"], ranges["low"], ranges["high"], colors=ranges["colour"].tolist(), lw=1.5)
    for bound, part in table.groupby("bound", sort=False):
        ax.scatter(part["date"], part["y"], marker=BOUND_MARKERS[bound], color=part["colour"].tolist(), s=36,
                   edgecolor="white", linewidth=0.5, zorder=3)
    ax.set_yscale("log")
    ax.set_ylabel("Personnel claimed (log scale)")
    ax.set_xlabel("Publication date")
    ax.set_title("Every troop-number claim, by date and outlet")
    outlet_handles = [plt.Line2D([], [], marker="o", ls="", color=colours[o], label=o) for o in outlets]
    if (~table["outlet"].isin(outlets)).any():
        outlet_handles.append(plt.Line2D([], [], marker="o", ls="", color="#bbbbbb", label="other outlets"))
    bound_handles = [plt.Line2D([], [], marker=m, ls="", color="#555555", label=BOUND_LABELS[b])
                     for b, m in BOUND_MARKERS.items() if (table["bound"] == b).any()]
    first = ax.legend(handles=outlet_handles, title="outlet", fontsize=7, title_fontsize=8, loc="upper left",
                      bbox_to_anchor=(1.01, 1))
    ax.add_artist(first)
    ax.legend(handles=bound_handles, title="bound", fontsize=7, title_fontsize=8, loc="lower left",
              bbox_to_anchor=(1.01, 0))
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


MAX_DATE_LABELS_PER_ROW = 8
"""An outlet's row in a claim-group panel carries date labels only up to this many claims."""


def plot_claim_groups(table: pd.DataFrame, *, groups: list[str], outlets: list[str], columns: int = 2) -> plt.Figure:
    """One panel per claim group: what each outlet claims, side by side (log scale), labelled with dates.

    Outlets outside ``outlets`` share one grey row, "other outlets"."""
    colours = _colours(outlets)
    table = table.assign(row_name=np.where(table["outlet"].isin(outlets), table["outlet"], "other outlets"))
    per_panel = max([table[table["group"] == g]["row_name"].nunique() for g in groups] + [1])
    fig, axes = panel_grid(len(groups), columns=columns, panel_width=6.5, row_height=0.45 * per_panel + 1.6)
    unlabelled = 0
    for ax, group in zip(axes, groups):
        part = table[table["group"] == group]
        names = [o for o in outlets if (part["row_name"] == o).any()]
        names += ["other outlets"] if (part["row_name"] == "other outlets").any() else []
        for y, outlet in enumerate(names):
            claims = part[part["row_name"] == outlet]
            label_dates = len(claims) <= MAX_DATE_LABELS_PER_ROW  # more labels than this overprint each other
            unlabelled += not label_dates
            colour = colours.get(outlet, "#bbbbbb")
            ranges = claims[claims["bound"] == "range"]
            if len(ranges):
                ax.hlines([y] * len(ranges), ranges["low"], ranges["high"], color=colour, lw=1.5)
            for bound, same in claims.groupby("bound", sort=False):
                ax.scatter(same["y"], [y] * len(same), marker=BOUND_MARKERS[bound], color=colour, s=40, zorder=3)
            for row in claims.itertuples() if label_dates else ():
                ax.annotate(f"{row.date:%d %b %y}", (row.y, y), xytext=(0, 6), textcoords="offset points",
                            ha="center", fontsize=6, color="#555555")
        ax.set_yticks(range(len(names)), names, fontsize=8)
        ax.set_ylim(len(names) - 0.5, -0.7)
        ax.set_xscale("log")
        ax.set_title(f"{group} ({len(part)} claim{'s' if len(part) != 1 else ''})", fontsize=9)
        ax.set_xlabel("personnel claimed (log scale)", fontsize=8)
    handles = [plt.Line2D([], [], marker=m, ls="", color="#555555", label=BOUND_LABELS[b]) for b, m in BOUND_MARKERS.items()]
    fig.legend(handles=handles, loc="lower center", ncol=5, fontsize=7, frameon=False)
    fig.suptitle("How each outlet reports the same claim (date of each article above its marker"
                 + (f"; rows with more than {MAX_DATE_LABELS_PER_ROW} claims unlabelled, see the table)"
                    if unlabelled else ")"))
    fig.tight_layout(rect=(0, 0.04, 1, 0.96))
    return fig
