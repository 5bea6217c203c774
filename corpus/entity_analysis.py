"""Aggregations and figures over the entity-mentions table (notebook 01)."""

from __future__ import annotations

from itertools import combinations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

__all__ = ["top_entities", "entity_by_outlet", "cooccurrence", "plot_top_entities", "plot_heatmap", "plot_merges"]


def top_entities(mentions: pd.DataFrame, *, top_n: int, min_count: int = 1) -> pd.DataFrame:
    """Mentions, articles and outlets per canonical entity, the ``top_n`` most mentioned."""
    table = (
        mentions.groupby(["entity", "label"], as_index=False)
        .agg(n_mentions=("doc_id", "size"), n_articles=("doc_id", "nunique"), n_outlets=("outlet", "nunique"))
    )
    # An entity tagged with several labels is counted once, under its most frequent label.
    table = table.sort_values(["entity", "n_mentions"], ascending=[True, False])
    table = table.groupby("entity", as_index=False).agg(
        label=("label", "first"), n_mentions=("n_mentions", "sum"),
        n_articles=("n_articles", "max"), n_outlets=("n_outlets", "max"),
    )
    table = table[table["n_mentions"] >= min_count]
    return table.sort_values(["n_mentions", "entity"], ascending=[False, True], ignore_index=True).head(top_n)


def entity_by_outlet(
    mentions: pd.DataFrame, articles: pd.DataFrame, entities: list[str], *,
    outlets: list[str], per_1000_words: bool = True,
) -> pd.DataFrame:
    """Tidy entity x outlet table: ``entity, outlet, n_mentions, n_words, value``.

    ``value`` is mentions per 1,000 clean words of that outlet (or the raw count).
    """
    words = articles.groupby("outlet")["n_words"].sum()
    counts = (mentions[mentions["entity"].isin(entities) & mentions["outlet"].isin(outlets)]
              .groupby(["entity", "outlet"]).size())
    grid = pd.MultiIndex.from_product([entities, outlets], names=["entity", "outlet"])
    table = counts.reindex(grid, fill_value=0).rename("n_mentions").reset_index()
    table["n_words"] = table["outlet"].map(words).astype("int64")
    table["value"] = table["n_mentions"] * 1000 / table["n_words"] if per_1000_words else table["n_mentions"].astype(float)
    return table


def cooccurrence(mentions: pd.DataFrame, entities: list[str]) -> pd.DataFrame:
    """How many sentences mention both entities of each pair: ``entity_a, entity_b, n_sentences``."""
    chosen = mentions[mentions["entity"].isin(entities)]
    per_sentence = chosen.groupby(["doc_id", "sent_id"])["entity"].agg(lambda s: sorted(set(s)))
    pairs: dict[tuple[str, str], int] = {}
    for ents in per_sentence:
        for a, b in combinations(ents, 2):
            pairs[(a, b)] = pairs.get((a, b), 0) + 1
    rows = [(a, b, pairs.get((a, b), 0) if a < b else pairs.get((b, a), 0)) for a in entities for b in entities if a != b]
    return pd.DataFrame(rows, columns=["entity_a", "entity_b", "n_sentences"])


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
