"""CSV cells that a spreadsheet would run as a formula start with ' instead (OWASP's advice)."""

from __future__ import annotations

import pandas as pd

import corpus
from corpus.analysis.overview import article_table
from corpus.publish.figures import save_table
from corpus.publish.gallery import render_index


def test_formula_like_text_is_neutralised_and_numbers_are_not(tmp_path):
    table = pd.DataFrame({
        "title": ["=HYPERLINK(\"http://x\")", "+1 for Iran", "-dash first", "@SUM(A1)", "\ttab", "plain", None],
        "value": [-3, 1, 2, 3, 4, 5, 6],
    })
    path = save_table(table, tmp_path / "t.csv")
    written = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert written["title"].tolist() == ["'=HYPERLINK(\"http://x\")", "'+1 for Iran", "'-dash first", "'@SUM(A1)",
                                         "'\ttab", "plain", ""]
    assert written["value"].tolist()[0] == "-3"
    assert table["title"].iloc[0] == "=HYPERLINK(\"http://x\")"  # the DataFrame keeps the true text


def test_a_formula_title_in_the_articles_table_is_neutralised(seed_copy, tmp_path):
    catalog = pd.read_csv(seed_copy / "metadata.csv", dtype=str, keep_default_na=False)
    catalog.loc[0, "title"] = "=cmd|' /C calc'!A0"
    catalog.loc[1, "outlet"] = "@evil"
    catalog.to_csv(seed_copy / "metadata.csv", index=False)
    articles = corpus.load_corpus(seed_copy)
    written = pd.read_csv(save_table(article_table(articles), tmp_path / "articles.csv"), dtype=str,
                          keep_default_na=False)
    assert "'=cmd|' /C calc'!A0" in written["title"].tolist() and "'@evil" in written["outlet"].tolist()
    assert not written.map(lambda v: v.startswith(("=", "+", "@"))).any().any()


def test_the_gallery_front_page_lists_loading_problems():
    page = render_index({"run_id": "r", "notebooks": [], "figures": [], "tables": [], "warnings": [
        {"file": "a<b>.txt", "row": 4, "problem": "unparseable date 'today'"},
        {"file": "empty.txt", "row": None, "problem": "empty file; skipped"}]})
    assert "2 problem(s) loading the corpus" in page
    assert "a&lt;b&gt;.txt</code> row 4: unparseable date &#x27;today&#x27;" in page
    assert page.index("problem(s) loading") < page.index("</body>")
