"""Interactive controls for JupyterLab (ipywidgets), kept out of the notebooks so they stay thin.

Each control renders through :mod:`corpus.explore.viewer` and :mod:`corpus.explore.kwic`; under papermill the notebook shows the same
content as static output, and these controls appear only as their text form.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from corpus.explore.kwic import kwic, kwic_counts, stored_texts
from corpus.explore.viewer import render_article
from corpus.tables.build import TABLES
from corpus.tables.store import CorpusStore

__all__ = ["ArticleViewer", "Concordance", "TableFilter"]


class ArticleViewer:
    """A dropdown of articles and the chosen one's highlighted text (entities, attributions, troop claims)."""

    def __init__(self, articles: pd.DataFrame, *, model: str | None = None, value: str | None = None,
                 store: CorpusStore | None = None):
        import ipywidgets as w

        self.articles = articles
        self.model = model
        self.store = store  # where the chosen article's text is read, when ``articles`` hold none
        options = [(f"{o} — {str(t)[:70]}", d) for d, o, t in zip(articles["doc_id"], articles["outlet"], articles["title"])]
        self.picker = w.Dropdown(options=options, value=value or articles["doc_id"].iloc[0], description="Article",
                                 layout=w.Layout(width="90%"))
        self.style = w.ToggleButtons(options=[("overlapping spans", "span"), ("labels inline", "ent")], value="span")
        self.view = w.HTML()
        self.picker.observe(self._update, names="value")
        self.style.observe(self._update, names="value")
        self.widget = w.VBox([self.picker, self.style, self.view])
        self._update()

    def html(self, doc_id: str | None = None, style: str | None = None) -> str:
        from corpus.nlp.annotate import annotate

        doc_id = doc_id or self.picker.value
        row = self.articles[self.articles["doc_id"] == doc_id]
        if "text" not in row:
            row = row.assign(text=stored_texts(self.store, row)["text"].to_numpy())
        (doc,) = annotate(row, model=self.model, progress=False).docs
        title = f"{row['outlet'].iloc[0]}: {row['title'].iloc[0]}"
        return render_article(doc, style=style or self.style.value, title=title)

    def _update(self, _change=None) -> None:
        self.view.value = self.html()


class Concordance:
    """Term, outlet filter and window size; the keyword-in-context lines and the counts per outlet."""

    def __init__(self, articles: pd.DataFrame, *, term: str = "", window: int = 8, max_lines: int = 200,
                 store: CorpusStore | None = None):
        import ipywidgets as w

        self.articles = articles
        self.store = store  # where the texts are read, when ``articles`` hold none (:func:`~corpus.explore.kwic.kwic`)
        self.max_lines = max_lines
        outlets = sorted(set(articles["outlet"]))
        self.term = w.Text(value=term, description="Term", continuous_update=False)
        self.outlets = w.SelectMultiple(options=outlets, value=tuple(outlets), description="Outlets", rows=min(8, len(outlets)))
        self.window = w.IntSlider(value=window, min=2, max=25, description="Window")
        self.counts = w.HTML()
        self.lines = w.HTML()
        for control in (self.term, self.outlets, self.window):
            control.observe(self._update, names="value")
        self.widget = w.VBox([w.HBox([self.term, self.window]), self.outlets, self.counts, self.lines])
        self._update()

    def tables(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        chosen = list(self.outlets.value)
        lines = kwic(self.articles, self.term.value, window=self.window.value, outlets=chosen,
                     store=self.store if "text" not in self.articles else None)
        counts = kwic_counts(lines, self.articles[self.articles["outlet"].isin(chosen)])
        return lines, counts

    def _update(self, _change=None) -> None:
        lines, counts = self.tables()
        # classes name the tables for styling and for the browser test (the table filter shows tables too)
        self.counts.value = counts.to_html(index=False, float_format=lambda v: f"{v:.1f}", classes="corpus-kwic-counts")
        shown = lines.head(self.max_lines)
        self.lines.value = shown.to_html(index=False, classes="corpus-kwic-lines") + (
            f"<p>{len(lines) - len(shown)} more lines not shown</p>" if len(lines) > len(shown) else "")


class TableFilter:
    """A dropdown of tables, an outlet filter and a text search over one column; the matching rows.

    The rows are asked of the store (DuckDB), ``max_rows`` at a time with their total count, so that no table is
    held whole in the notebook. ``articles`` (``doc_id`` and ``outlet``) are the articles to show rows of, under
    the outlet each is counted for: the ones :func:`corpus.notebook.setup` kept."""

    def __init__(self, store: CorpusStore, names: Iterable[str], *, articles: pd.DataFrame, max_rows: int = 100):
        import ipywidgets as w

        self.store = store
        self.names = sorted(names)
        if unknown := [n for n in self.names if n not in TABLES]:
            raise ValueError(f"no table {', '.join(map(repr, unknown))}; there are: {', '.join(TABLES)}")
        self.kept = articles[["doc_id", "outlet"]].astype(str)
        self.max_rows = max_rows
        self.name = w.Dropdown(options=self.names, description="Table")
        self.outlet = w.Dropdown(options=["(all)", *sorted(set(self.kept["outlet"]))], description="Outlet")
        self.column = w.Dropdown(description="Column")
        self.query = w.Text(description="Contains", continuous_update=False)
        self.view = w.HTML()
        self.name.observe(self._columns, names="value")
        for control in (self.outlet, self.column, self.query):
            control.observe(self._update, names="value")
        self.widget = w.VBox([w.HBox([self.name, self.outlet]), w.HBox([self.column, self.query]), self.view])
        self._columns()

    def _filters(self) -> dict:
        outlets = None if self.outlet.value == "(all)" else [self.outlet.value]
        if self.query.value and self.column.value:
            return {"outlets": outlets, "where": f'contains(lower(CAST("{self.column.value}" AS VARCHAR)), lower(?))',
                    "params": [self.query.value]}
        return {"outlets": outlets}

    def rows(self, limit: int | None = None) -> pd.DataFrame:
        """The matching rows of the chosen table, in article and row order (the first ``limit`` when given)."""
        return self.store.table(self.name.value, articles=self.kept, limit=limit, **self._filters())

    def count(self) -> int:
        """How many rows of the chosen table match."""
        return self.store.count(self.name.value, articles=self.kept, **self._filters())

    def sizes(self) -> dict[str, int]:
        """Rows of each offered table, over the kept articles."""
        return {name: self.store.count(name, articles=self.kept) for name in self.names}

    def _columns(self, _change=None) -> None:
        self.column.options = list(TABLES[self.name.value])
        self._update()

    def _update(self, _change=None) -> None:
        self.view.value = (f"<p>{self.count():,} rows</p>" + self.rows(self.max_rows).to_html(index=False))
