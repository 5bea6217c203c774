"""Tables that describe a corpus (notebook 00): what is in it, from whom, and when."""

from __future__ import annotations

import pandas as pd

__all__ = ["ARTICLE_TABLE_COLUMNS", "DUPLICATE_POLICIES", "apply_duplicate_policy", "article_table",
           "duplicates_per_outlet", "words_per_outlet", "timeline"]

ARTICLE_TABLE_COLUMNS = [
    "doc_id", "source_file", "source_format", "outlet", "original_outlet", "date", "date_precision", "title",
    "authors", "dateline", "url", "n_words", "n_words_raw", "cleaning", "metadata_inferred", "duplicate_of",
    "copy_of", "copy_outlet", "sha256",
]
DUPLICATE_POLICIES = ("keep", "drop", "original_outlet")
"""What the notebooks do with the flags of :func:`corpus.ingest.duplicates.find_duplicates`:

- ``keep``: every article counts, duplicates too;
- ``drop`` (the default): an outlet's second copy of its own article (``duplicate_of``) is left out; another
  outlet's text it ran (``copy_of``/``copy_outlet``, a wire story) counts for the outlet that ran it, as the
  outlet chose to publish it;
- ``original_outlet``: duplicates are left out, and so is a copy whose original is in the corpus (the text counts
  once, for the outlet that wrote it); a copy whose original is not in the corpus counts for ``copy_outlet``.
"""


def apply_duplicate_policy(articles: pd.DataFrame, policy: str) -> pd.DataFrame:
    """The articles the analyses count under ``policy`` (see :data:`DUPLICATE_POLICIES`), outlets reassigned
    for ``original_outlet``. Articles without the flag columns are returned as they are."""
    if policy not in DUPLICATE_POLICIES:
        raise ValueError(f"duplicates={policy!r}: use one of {', '.join(map(repr, DUPLICATE_POLICIES))}")
    if policy == "keep" or "duplicate_of" not in articles:
        return articles
    kept = articles[articles["duplicate_of"].fillna("") == ""]
    if policy == "original_outlet":
        kept = kept[kept["copy_of"].fillna("") == ""].copy()
        moved = kept["copy_outlet"].fillna("") != ""
        kept.loc[moved, "outlet"] = kept.loc[moved, "copy_outlet"]
    kept = kept.reset_index(drop=True)
    kept.attrs = dict(articles.attrs)
    return kept


def duplicates_per_outlet(articles: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: its articles, how many repeat one of its own (``n_duplicates``), how many are another
    outlet's text (``n_copies``, wire and syndicated stories) and how many are its own originals."""
    flags = articles.assign(
        duplicate=articles["duplicate_of"].fillna("") != "",
        copy=(articles["copy_outlet"].fillna("") != "") & (articles["duplicate_of"].fillna("") == ""),
    )
    table = flags.groupby("outlet", as_index=False).agg(
        n_articles=("doc_id", "size"), n_duplicates=("duplicate", "sum"), n_copies=("copy", "sum"))
    table["n_originals"] = table["n_articles"] - table["n_duplicates"] - table["n_copies"]
    return table.sort_values(["n_articles", "outlet"], ascending=[False, True], ignore_index=True)


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
