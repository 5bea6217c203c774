"""Aggregations and figures over the attributions table (notebook 02)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from corpus.attribution import SOURCE_TYPES
from corpus.figures import panel_grid

__all__ = ["sourcing_mix", "top_sources", "cues_by_outlet", "attribution_rate",
           "plot_sourcing_mix", "plot_top_sources", "plot_attribution_rate", "outlets_by_attributions"]

TYPE_COLOURS = {"named_person": "#4c72b0", "anonymous": "#c44e52", "organization": "#55a868",
                "media": "#8172b2", "other": "#bbbbbb"}
TYPE_LABELS = {"named_person": "named person", "anonymous": "anonymous", "organization": "organisation",
               "media": "media", "other": "other (documents, unresolved pronouns)"}


def outlets_by_attributions(table: pd.DataFrame, *, top_n: int) -> list[str]:
    """The ``top_n`` outlets with most attributions (ties by name)."""
    counts = table.groupby("outlet").size().reset_index(name="n")
    counts = counts.sort_values(["n", "outlet"], ascending=[False, True])
    return counts["outlet"].head(top_n).tolist()


def sourcing_mix(table: pd.DataFrame, *, outlets: list[str]) -> pd.DataFrame:
    """Tidy ``outlet, source_type, n, n_outlet, share``: every outlet x type, zeros included."""
    chosen = table[table["outlet"].isin(outlets)]
    counts = chosen.groupby(["outlet", "source_type"]).size()
    grid = pd.MultiIndex.from_product([outlets, list(SOURCE_TYPES)], names=["outlet", "source_type"])
    mix = counts.reindex(grid, fill_value=0).rename("n").reset_index()
    mix["n_outlet"] = mix.groupby("outlet")["n"].transform("sum")
    mix["share"] = np.where(mix["n_outlet"] > 0, mix["n"] / mix["n_outlet"].where(mix["n_outlet"] > 0, 1), 0.0)
    return mix


def top_sources(table: pd.DataFrame, *, outlets: list[str], top_n: int) -> pd.DataFrame:
    """The ``top_n`` most cited sources per outlet: ``outlet, source_canonical, source_type, n``."""
    chosen = table[table["outlet"].isin(outlets)]
    counts = (chosen.groupby(["outlet", "source_canonical"])
              .agg(source_type=("source_type", lambda s: s.value_counts().index[0]), n=("doc_id", "size"))
              .reset_index())
    counts = counts.sort_values(["outlet", "n", "source_canonical"], ascending=[True, False, True])
    return counts.groupby("outlet", sort=False).head(top_n).reset_index(drop=True)


def cues_by_outlet(table: pd.DataFrame, *, outlets: list[str], top_n: int) -> pd.DataFrame:
    """Tidy ``cue, outlet, n, share``: the ``top_n`` cues overall, as a share of each outlet's attributions."""
    chosen = table[table["outlet"].isin(outlets)]
    overall = chosen.groupby("cue").size().reset_index(name="n").sort_values(["n", "cue"], ascending=[False, True])
    cues = overall["cue"].head(top_n).tolist()
    counts = chosen[chosen["cue"].isin(cues)].groupby(["cue", "outlet"]).size()
    grid = pd.MultiIndex.from_product([cues, outlets], names=["cue", "outlet"])
    tidy = counts.reindex(grid, fill_value=0).rename("n").reset_index()
    per_outlet = chosen.groupby("outlet").size()
    tidy["share"] = tidy["n"] / tidy["outlet"].map(per_outlet).replace(0, np.nan)
    tidy["share"] = tidy["share"].fillna(0.0)
    return tidy


def attribution_rate(table: pd.DataFrame, articles: pd.DataFrame, *, outlets: list[str]) -> pd.DataFrame:
    """Per article: ``doc_id, outlet, date, n_words, n_attributions, per_1000_words`` (articles with none included)."""
    chosen = articles[articles["outlet"].isin(outlets)][["doc_id", "outlet", "date", "n_words"]]
    counts = table.groupby("doc_id").size().rename("n_attributions")
    rate = chosen.merge(counts, left_on="doc_id", right_index=True, how="left")
    rate["n_attributions"] = rate["n_attributions"].fillna(0).astype("int64")
    rate["per_1000_words"] = np.where(rate["n_words"] > 0, rate["n_attributions"] * 1000 / rate["n_words"].clip(lower=1), 0.0)
    return rate.sort_values(["outlet", "doc_id"], ignore_index=True)


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
