"""The keyword-in-context concordance (KWIC; Luhn 1960): every occurrence of a term with a window of words
either side, counted per outlet."""

from __future__ import annotations

import re
from typing import NamedTuple

import pandas as pd

__all__ = ["KwicLine", "kwic", "kwic_counts"]


class KwicLine(NamedTuple):
    doc_id: str
    outlet: str
    left: str
    match: str
    right: str


def kwic(articles: pd.DataFrame, term: str, *, window: int = 8, outlets: list[str] | None = None,
         case_sensitive: bool = False) -> pd.DataFrame:
    """Every occurrence of ``term`` (a word or phrase, whole words only) with ``window`` words either side.

    Columns ``doc_id, outlet, left, match, right``, in article and text order.
    """
    if not term.strip():
        return pd.DataFrame(columns=list(KwicLine._fields))
    chosen = articles if outlets is None else articles[articles["outlet"].isin(outlets)]
    words = r"\s+".join(re.escape(w) for w in term.split())
    pattern = re.compile(rf"(?<!\w){words}(?!\w)", 0 if case_sensitive else re.IGNORECASE)
    lines = []
    for doc_id, outlet, text in zip(chosen["doc_id"], chosen["outlet"], chosen["text"]):
        for match in pattern.finditer(text):
            left = " ".join(text[:match.start()].split()[-window:])
            right = " ".join(text[match.end():].split()[:window])
            lines.append(KwicLine(doc_id, outlet, left, " ".join(match.group().split()), right))
    return pd.DataFrame(lines, columns=list(KwicLine._fields))


def kwic_counts(lines: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Occurrences per outlet, with the outlet's articles and words and the rate per 10,000 words."""
    per_outlet = articles.groupby("outlet").agg(n_articles=("doc_id", "size"), n_words=("n_words", "sum"))
    hits = lines.groupby("outlet").size().rename("n_matches")
    table = per_outlet.join(hits, how="left").fillna({"n_matches": 0}).reset_index()
    table["n_matches"] = table["n_matches"].astype(int)
    table["per_10000_words"] = table["n_matches"] * 10000 / table["n_words"].clip(lower=1)
    return table.sort_values(["n_matches", "outlet"], ascending=[False, True], ignore_index=True)
