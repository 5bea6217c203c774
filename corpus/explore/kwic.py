"""The keyword-in-context concordance (KWIC; Luhn 1960): every occurrence of a term with a window of words
either side, counted per outlet."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

import pandas as pd

if TYPE_CHECKING:  # reading the store needs DuckDB; a concordance of texts in hand does not
    from corpus.tables.store import CorpusStore

__all__ = ["KwicLine", "kwic", "kwic_counts", "stored_texts"]


class KwicLine(NamedTuple):
    doc_id: str
    outlet: str
    left: str
    match: str
    right: str


def kwic(articles: pd.DataFrame, term: str, *, window: int = 8, outlets: list[str] | None = None,
         case_sensitive: bool = False, store: CorpusStore | None = None) -> pd.DataFrame:
    """Every occurrence of ``term`` (a word or phrase, whole words only) with ``window`` words either side.

    Columns ``doc_id, outlet, left, match, right``, in article and text order.

    ``articles`` hold the texts (``text``), or, with ``store``, only ``doc_id`` and ``outlet``: the texts are then
    read from the store, and only those that contain the term's first word (:func:`stored_texts`), so that a
    corpus's texts are never all held at once.
    """
    if not term.strip():
        return pd.DataFrame(columns=list(KwicLine._fields))
    chosen = articles if outlets is None else articles[articles["outlet"].isin(outlets)]
    if store is not None:
        chosen = stored_texts(store, chosen, containing=term.split()[0], case_sensitive=case_sensitive)
    words = r"\s+".join(re.escape(w) for w in term.split())
    pattern = re.compile(rf"(?<!\w){words}(?!\w)", 0 if case_sensitive else re.IGNORECASE)
    lines = []
    for doc_id, outlet, text in zip(chosen["doc_id"], chosen["outlet"], chosen["text"]):
        for match in pattern.finditer(text):
            left = " ".join(text[:match.start()].split()[-window:])
            right = " ".join(text[match.end():].split()[:window])
            lines.append(KwicLine(doc_id, outlet, left, " ".join(match.group().split()), right))
    return pd.DataFrame(lines, columns=list(KwicLine._fields))


def stored_texts(store: CorpusStore, articles: pd.DataFrame, *, containing: str | None = None,
                 case_sensitive: bool = False) -> pd.DataFrame:
    """``doc_id, outlet, text`` of ``articles`` (a frame of ``doc_id`` and ``outlet``, each article under the outlet
    given there), in their order, read from the store; with ``containing``, only the texts in which that string
    occurs (DuckDB's ``contains``, after ``lower`` unless ``case_sensitive``: a superset of a whole-word match)."""
    condition, params = "", None
    if containing is not None:
        condition = "AND contains(text, ?)" if case_sensitive else "AND contains(lower(text), lower(?))"
        params = [containing]
    keys = articles[["doc_id", "outlet"]].astype(str)
    texts = store.sql(f"SELECT doc_id, text FROM articles WHERE doc_id IN (SELECT doc_id FROM wanted) {condition}",
                      frames={"wanted": keys[["doc_id"]]}, params=params)
    return keys.merge(texts, on="doc_id", how="inner")  # in the order of ``articles``, under their outlets


def kwic_counts(lines: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Occurrences per outlet, with the outlet's articles and words and the rate per 10,000 words."""
    per_outlet = articles.groupby("outlet").agg(n_articles=("doc_id", "size"), n_words=("n_words", "sum"))
    hits = lines.groupby("outlet").size().rename("n_matches")
    table = per_outlet.join(hits, how="left").fillna({"n_matches": 0}).reset_index()
    table["n_matches"] = table["n_matches"].astype(int)
    table["per_10000_words"] = table["n_matches"] * 10000 / table["n_words"].clip(lower=1)
    return table.sort_values(["n_matches", "outlet"], ascending=[False, True], ignore_index=True)
