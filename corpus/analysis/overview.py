"""Tables that describe a corpus (notebook 00): what is in it, from whom, and when."""

from __future__ import annotations

import pandas as pd

__all__ = ["ARTICLE_TABLE_COLUMNS", "article_table", "words_per_outlet", "timeline"]

ARTICLE_TABLE_COLUMNS = [
    "doc_id", "outlet", "original_outlet", "date", "date_precision", "title", "authors",
    "dateline", "url", "n_words", "n_words_raw", "cleaning", "metadata_inferred", "sha256",
]


def article_table(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per article without the texts: the ``articles.csv`` table."""
    return articles[ARTICLE_TABLE_COLUMNS].sort_values("doc_id", ignore_index=True)


def words_per_outlet(articles: pd.DataFrame, *, top_n: int | None = None) -> pd.DataFrame:
    """Articles and clean words per outlet, largest first; outlets past ``top_n`` pooled as "other"."""
    table = (
        articles.groupby("outlet", as_index=False)
        .agg(n_articles=("doc_id", "size"), n_words=("n_words", "sum"))
        .sort_values(["n_words", "outlet"], ascending=[False, True], ignore_index=True)
    )
    if top_n is not None and len(table) > top_n:
        rest = table.iloc[top_n:]
        other = pd.DataFrame({
            "outlet": [f"other ({len(rest)} outlets)"],
            "n_articles": [rest["n_articles"].sum()],
            "n_words": [rest["n_words"].sum()],
        })
        table = pd.concat([table.iloc[:top_n], other], ignore_index=True)
    return table


def timeline(articles: pd.DataFrame, *, outlets: list[str] | None = None) -> pd.DataFrame:
    """Dated articles with outlet and title, oldest first (undated ones are left out and counted)."""
    table = articles.loc[articles["date"].notna(), ["doc_id", "outlet", "date", "date_precision", "title", "n_words"]]
    if outlets is not None:
        table = table[table["outlet"].isin(outlets)]
    return table.sort_values(["date", "outlet", "doc_id"], ignore_index=True)
