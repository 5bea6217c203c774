"""Explorer helpers: displaCy highlights and the keyword-in-context concordance."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus.nlp.annotate import annotate
from corpus.explore.kwic import kwic, kwic_counts
from corpus.explore.viewer import HIGHLIGHT_KEY, highlight_spans, render_article


def test_highlights_hold_attributions_claims_and_entities(seed_corpus, tmp_path):
    run = annotate(seed_corpus, cache_dir=tmp_path)
    cbn = run.docs[list(seed_corpus["outlet"]).index("CBN News")]
    marked = highlight_spans(cbn)
    labels = {s.label_ for s in marked.spans[HIGHLIGHT_KEY]}
    assert {"SOURCE", "CUE", "CONTENT", "TROOPS", "PERSON"} <= labels
    assert HIGHLIGHT_KEY not in cbn.spans  # the input is left as it was
    sources = {s.text for s in marked.spans[HIGHLIGHT_KEY] if s.label_ == "SOURCE"}
    assert "Phillip Smyth, a research fellow for the Washington Institute and Iran expert" in sources
    html = render_article(cbn, title="CBN <News>")
    assert "CBN &lt;News&gt;" in html and "CBN <News>" not in html
    assert "TROOPS" in html and "SOURCE" in html and "Smyth" in html
    ent_html = render_article(cbn, style="ent")
    assert "TROOPS" in ent_html and "CONTENT" not in ent_html


def test_kwic_windows_and_counts():
    articles = pd.DataFrame({
        "doc_id": ["a", "b", "c"], "outlet": ["X", "X", "Y"], "n_words": [9, 6, 5],
        "text": ["one two Soleimani three four. soleimani's five",
                 "General Qassem   Soleimani was killed", "nothing to see here today"],
    })
    lines = kwic(articles, "Soleimani", window=2)
    assert list(lines["doc_id"]) == ["a", "a", "b"]
    assert (lines.iloc[0]["left"], lines.iloc[0]["match"], lines.iloc[0]["right"]) == ("one two", "Soleimani", "three four.")
    assert lines.iloc[1]["match"] == "soleimani" and lines.iloc[1]["right"] == "'s five"
    assert list(kwic(articles, "Qassem Soleimani")["doc_id"]) == ["b"]  # phrases across any whitespace
    assert kwic(articles, "Soleim").empty  # whole words only
    assert list(kwic(articles, "Soleimani", outlets=["Y"])["doc_id"]) == []
    counts = kwic_counts(lines, articles).set_index("outlet")
    assert counts.loc["X", "n_matches"] == 3 and counts.loc["Y", "n_matches"] == 0
    assert counts.loc["X", "per_10000_words"] == 3 * 10000 / 15


def test_table_filter_asks_the_store_for_the_kept_articles_rows(tmp_path):
    from corpus.explore.widgets import TableFilter
    from corpus.notebook import setup

    articles, tables, _, status = setup(None, tmp_path / "out", tables=["attributions", "troop_claims"],
                                        duplicates="original_outlet")
    browser = TableFilter(status.store, ["troop_claims", "attributions"], articles=articles, max_rows=3)
    browser.name.value = "attributions"
    assert browser.sizes() == {name: len(table) for name, table in tables.items()}
    # every row, under the outlet the duplicates policy counts it for, as setup gives the table
    pd.testing.assert_frame_equal(browser.rows(), tables["attributions"], check_dtype=False)
    assert "3 rows" not in browser.view.value and f"{len(tables['attributions']):,} rows" in browser.view.value
    browser.outlet.value = "RT"
    browser.column.value = "source"
    browser.query.value = "MCKENZIE"  # any case
    expected = tables["attributions"]
    expected = expected[(expected["outlet"] == "RT") & expected["source"].str.lower().str.contains("mckenzie")]
    assert len(expected) and browser.count() == len(expected)
    pd.testing.assert_frame_equal(browser.rows(), expected.reset_index(drop=True), check_dtype=False)
    assert len(browser.rows(limit=1)) == 1
    browser.query.value = "it's a quote ' with \" quotes"  # reaches DuckDB as a value, not as SQL
    assert browser.count() == 0 and browser.rows().empty
    with pytest.raises(ValueError, match="no table 'sentence'"):
        TableFilter(status.store, ["sentence"], articles=articles)


def test_the_concordance_and_the_viewer_read_texts_from_the_store_as_from_the_articles(tmp_path):
    from corpus.explore.kwic import stored_texts
    from corpus.explore.widgets import ArticleViewer, Concordance
    from corpus.notebook import setup

    with_texts, _, _, status = setup(None, tmp_path / "out", duplicates="original_outlet", texts=["text"])
    articles, _, _, _ = setup(None, tmp_path / "out", duplicates="original_outlet")
    assert "text" not in articles
    for term in ("Soleimani", "Qassem Soleimani", "troops", "IRAN"):
        for case_sensitive in (False, True):
            expected = kwic(with_texts, term, case_sensitive=case_sensitive)
            found = kwic(articles, term, case_sensitive=case_sensitive, store=status.store)
            pd.testing.assert_frame_equal(found, expected)
    assert len(kwic(articles, "Soleimani", store=status.store)) > 0
    # only the texts that hold the word are read, each under the outlet the articles give it
    read = stored_texts(status.store, articles, containing="Pentagon")
    assert 0 < len(read) < len(articles)
    assert read["outlet"].tolist() == articles.set_index("doc_id").loc[read["doc_id"], "outlet"].tolist()
    concordance = Concordance(articles, term="Soleimani", store=status.store)
    assert concordance.lines.value == Concordance(with_texts, term="Soleimani").lines.value
    chosen = articles["doc_id"].iloc[2]
    assert ArticleViewer(articles, value=chosen, store=status.store).html() \
        == ArticleViewer(with_texts, value=chosen).html()
