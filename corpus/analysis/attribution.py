"""Aggregations over the attributions table (notebook 02): DataFrames in, DataFrames out."""

from __future__ import annotations

import numpy as np
import pandas as pd

from corpus.extract.attribution import SOURCE_TYPES

__all__ = ["outlets_by_attributions", "sourcing_mix", "top_sources", "cues_by_outlet", "attribution_rate"]

def outlets_by_attributions(table: pd.DataFrame, *, top_n: int) -> list[str]:
    """The ``top_n`` outlets with most attributions (ties by name)."""
    counts = table.groupby("outlet").size().reset_index(name="n")
    counts = counts.sort_values(["n", "outlet"], ascending=[False, True])
    return counts["outlet"].head(top_n).tolist()


def sourcing_mix(table: pd.DataFrame, *, outlets: list[str]) -> pd.DataFrame:
    """Tidy ``outlet, source_type, n, n_outlet, share``: every outlet x type, zeros included."""
    chosen = table.loc[table["outlet"].isin(outlets), ["outlet", "source_type"]]
    counts = chosen.groupby(["outlet", "source_type"]).size()
    grid = pd.MultiIndex.from_product([outlets, list(SOURCE_TYPES)], names=["outlet", "source_type"])
    mix = counts.reindex(grid, fill_value=0).rename("n").reset_index()
    mix["n_outlet"] = mix.groupby("outlet")["n"].transform("sum")
    mix["share"] = np.where(mix["n_outlet"] > 0, mix["n"] / mix["n_outlet"].where(mix["n_outlet"] > 0, 1), 0.0)
    return mix


def top_sources(table: pd.DataFrame, *, outlets: list[str], top_n: int) -> pd.DataFrame:
    """The ``top_n`` most cited sources per outlet: ``outlet, source_canonical, source_type, n``."""
    chosen = table.loc[table["outlet"].isin(outlets), ["outlet", "source_canonical", "source_type"]]
    chosen = chosen.assign(position=range(len(chosen)))
    source = ["outlet", "source_canonical"]
    # a source's type is its most frequent one, ties to the type met first (as value_counts orders them)
    by_type = (chosen.groupby([*source, "source_type"]).agg(n=("position", "size"), first=("position", "min"))
               .reset_index().sort_values([*source, "n", "first"], ascending=[True, True, False, True]))
    counts = chosen.groupby(source).size().rename("n").reset_index()
    counts = counts.merge(by_type.drop_duplicates(source)[[*source, "source_type"]], on=source, how="left")
    counts = counts[[*source, "source_type", "n"]]
    counts = counts.sort_values(["outlet", "n", "source_canonical"], ascending=[True, False, True])
    return counts.groupby("outlet", sort=False).head(top_n).reset_index(drop=True)


def cues_by_outlet(table: pd.DataFrame, *, outlets: list[str], top_n: int) -> pd.DataFrame:
    """Tidy ``cue, outlet, n, share``: the ``top_n`` cues overall, as a share of each outlet's attributions."""
    chosen = table.loc[table["outlet"].isin(outlets), ["cue", "outlet"]]  # not a copy of every column
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
