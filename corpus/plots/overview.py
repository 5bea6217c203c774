"""Figures that describe a corpus (notebook 00); the tables come from :mod:`corpus.analysis.overview`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

__all__ = ["plot_duplicates_per_outlet", "plot_words_per_outlet", "plot_timeline", "DENSE_TIMELINE_ARTICLES"]


def plot_words_per_outlet(table: pd.DataFrame) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(9, max(2.5, 0.35 * len(table) + 1)))
    ax.barh(table["outlet"], table["n_words"], color="#4c72b0")
    for y, (words, n) in enumerate(zip(table["n_words"], table["n_articles"])):
        ax.text(words, y, f" {words:,} words, {n} article{'s' if n != 1 else ''}", va="center", fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel("Words in clean article bodies")
    ax.set_title("How much text each outlet contributes")
    ax.set_xlim(0, table["n_words"].max() * 1.45)
    fig.tight_layout()
    return fig


def plot_duplicates_per_outlet(table: pd.DataFrame) -> plt.Figure:
    """Stacked bars per outlet: its own articles, other outlets' texts it ran, and repeats of its own."""
    fig, ax = plt.subplots(figsize=(9, max(2.5, 0.35 * len(table) + 1.4)))
    left = pd.Series(0, index=table.index)
    for column, label, colour in (("n_originals", "own articles", "#4c72b0"),
                                  ("n_copies", "another outlet's text (wire, syndication)", "#dd8452"),
                                  ("n_duplicates", "repeat of its own article", "#c44e52")):
        ax.barh(table["outlet"], table[column], left=left, color=colour, label=label)
        left = left + table[column]
    for y, (n, copies, repeats) in enumerate(zip(table["n_articles"], table["n_copies"], table["n_duplicates"])):
        ax.text(n, y, f" {n} ({copies} {'copy' if copies == 1 else 'copies'}, {repeats} "
                      f"{'repeat' if repeats == 1 else 'repeats'})", va="center", fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel("Articles")
    ax.set_title("Articles per outlet: originals, copies of other outlets' texts, repeats")
    ax.set_xlim(0, max(int(table["n_articles"].max()), 1) * 1.5)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


DENSE_TIMELINE_ARTICLES = 200
"""Above this many articles in one outlet the timeline draws faint markers without outlines."""


def plot_timeline(table: pd.DataFrame) -> plt.Figure:
    outlets = sorted(table["outlet"].unique(), key=str.casefold)
    fig, ax = plt.subplots(figsize=(10, max(2.5, 0.4 * len(outlets) + 1.2)))
    y = table["outlet"].map({o: i for i, o in enumerate(outlets)})
    sizes = 20 + 60 * table["n_words"] / max(table["n_words"].max(), 1)
    busiest = int(table["outlet"].value_counts().max()) if len(table) else 0
    if busiest > DENSE_TIMELINE_ARTICLES:
        # thousands of outlined markers merge into solid bars; faint unoutlined ones darken where dates crowd
        ax.scatter(table["date"], y, s=sizes, alpha=max(0.15, DENSE_TIMELINE_ARTICLES / busiest / 4),
                   color="#b5541c", edgecolor="none")
        ax.set_xlabel("Publication date (marker area ~ article length; darker where an outlet published more)")
    else:
        ax.scatter(table["date"], y, s=sizes, alpha=0.75, color="#dd8452", edgecolor="black", linewidth=0.5)
        ax.set_xlabel("Publication date (marker area ~ article length)")
    ax.set_yticks(range(len(outlets)), outlets)
    ax.set_ylim(-0.7, len(outlets) - 0.3)
    ax.invert_yaxis()
    ax.set_title("When each outlet published")
    ax.grid(axis="x", alpha=0.3)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig
