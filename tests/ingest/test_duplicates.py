"""find_duplicates on small texts written here: a repeat in one outlet, a copy in another, an unrelated report on
the same event, short texts, outlet boilerplate, dates and order."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from datasketch import MinHash

from corpus.ingest import duplicates
from corpus.ingest.duplicates import DUPLICATE_COLUMNS, find_duplicates, pair_similarity

ARTICLE = """\
The city council of Port Alder voted late on Tuesday to close the old harbour bridge to lorries from next month,
ending a dispute that has divided shop owners, hauliers and residents of the eastern wards for almost two years.
Engineers told councillors in March that corrosion in the steel girders had spread faster than expected after a
wet winter, and that the bridge could no longer carry vehicles heavier than seven tonnes without risk. The vote
was nine to four. Mayor Ruth Okafor said the council had no choice once the inspection report was published.
"We cannot ask people to drive across a structure our own engineers say is failing," she told reporters outside
the town hall. Hauliers warned that the closure would add forty minutes to every delivery to the fish market and
the cannery, and that some firms would move their depots inland. The chamber of commerce asked for a temporary
ferry service for goods, which the council agreed to study. A replacement bridge is planned, but the regional
transport board has not yet approved its share of the cost, estimated at sixty million euros. Residents of the
eastern wards, where the bridge is the only direct road to the hospital, have asked for an exemption for
ambulances and buses. The council said emergency vehicles would still be allowed to cross at low speed, one at
a time, while a weight sensor is installed at each end of the span. Work on the sensors is due to start next
week and should take ten days. Opposition councillor Piet Varga, who voted against the closure, said the
inspection had been rushed and called for a second opinion from an independent firm. The transport board is
expected to decide on the replacement at its meeting in the autumn, and the council will publish the detour
routes for lorries on its website on Friday.
"""

CHANGED_SENTENCE = ("The vote was nine to four.", "The motion passed by nine votes to four after a three-hour debate.")

SAME_EVENT = """\
Lorries will be banned from the harbour bridge in Port Alder from next month after councillors backed the
closure on Tuesday evening. Shop owners on the eastern side of the river fear that deliveries will slow down
and that customers will stay away while the detours are in place. A fishmonger near the market said trade had
already fallen since the inspection began, and that a longer route for suppliers would push up prices. The
mayor defended the decision, pointing to an engineers' report on rusting girders, while opponents on the
council want another survey before any ban takes effect. Families in the eastern wards worry most about the
hospital, which lies across the river; the council promised that ambulances may still cross slowly. Funding
for a new bridge depends on the regional transport board, which meets in the autumn. Until then, the council
says, it will look at a ferry for freight and publish lorry routes online by the end of the week.
"""


def _frame(rows: list[tuple[str, str, str | None, str]]) -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": [r[0] for r in rows],
        "outlet": [r[1] for r in rows],
        "date": pd.to_datetime([r[2] for r in rows]),
        "text": [r[3] for r in rows],
    })


def _edited(text: str) -> str:
    edited = " ".join(text.split()).replace(*CHANGED_SENTENCE)
    assert edited != " ".join(text.split())
    return edited


def test_repeat_in_outlet_copy_elsewhere_and_same_topic_report():
    articles = _frame([
        ("times-1", "The Harbour Times", "2020-05-05", ARTICLE),
        ("times-2", "The Harbour Times", "2020-05-06", _edited(ARTICLE)),
        ("gazette-1", "Valley Gazette", "2020-05-07", ARTICLE),
        ("post-1", "Port Alder Post", "2020-05-05", SAME_EVENT),
    ])
    found = find_duplicates(articles).set_index("doc_id")
    assert list(found.columns) == list(DUPLICATE_COLUMNS)
    assert found.loc["times-2", "duplicate_of"] == "times-1" and found.loc["times-2", "copy_of"] == ""
    assert 0.4 <= found.loc["times-2", "similarity"] < 1.0
    assert found.loc["gazette-1", ["duplicate_of", "copy_of", "copy_outlet"]].tolist() == [
        "", "times-1", "The Harbour Times"]
    assert found.loc["gazette-1", "similarity"] == pytest.approx(1.0)
    for doc in ("times-1", "post-1"):
        assert found.loc[doc, ["duplicate_of", "copy_of", "copy_outlet"]].tolist() == ["", "", ""]
        assert np.isnan(found.loc[doc, "similarity"])
    assert pair_similarity(articles, pd.DataFrame({"id_a": ["times-1"], "id_b": ["post-1"]})).iloc[0] < 0.1


def test_order_index_and_dates_decide_the_original():
    rows = [
        ("b-undated", "Outlet B", None, ARTICLE),
        ("c-late", "Outlet C", "2021-03-02", ARTICLE),
        ("a-early", "Outlet A", "2021-03-01", ARTICLE),
        ("a-undated", "Outlet A", None, ARTICLE),
    ]
    articles = _frame(rows)
    articles.index = [40, 10, 30, 20]
    found = find_duplicates(articles)
    assert found.index.tolist() == [40, 10, 30, 20]
    assert found["doc_id"].tolist() == [r[0] for r in rows]
    found = found.set_index("doc_id")
    assert found.loc["a-early"].tolist()[:3] == ["", "", ""]
    assert found.loc["c-late", ["copy_of", "copy_outlet"]].tolist() == ["a-early", "Outlet A"]
    assert found.loc["b-undated", ["duplicate_of", "copy_of"]].tolist() == ["", "a-early"]
    # a later version in the original's own outlet is a duplicate only
    assert found.loc["a-undated", ["duplicate_of", "copy_of", "copy_outlet"]].tolist() == ["a-early", "", ""]


def test_same_date_is_settled_by_doc_id_and_both_flags_can_be_set():
    articles = _frame([
        ("wire-2", "Wire", "2019-01-01", ARTICLE),
        ("wire-1", "Wire", "2019-01-01", _edited(ARTICLE)),
        ("paper-1", "Paper", "2019-01-02", ARTICLE),
        ("paper-2", "Paper", "2019-01-03", _edited(ARTICLE)),
    ])
    found = find_duplicates(articles).set_index("doc_id")
    assert found.loc["wire-2", "duplicate_of"] == "wire-1"
    assert found.loc["paper-1", ["duplicate_of", "copy_of", "copy_outlet"]].tolist() == ["", "wire-1", "Wire"]
    assert found.loc["paper-2", ["duplicate_of", "copy_of", "copy_outlet"]].tolist() == ["paper-1", "wire-1", "Wire"]
    assert found.loc["paper-2", "similarity"] == pytest.approx(  # to the article it is a duplicate of
        pair_similarity(articles, pd.DataFrame({"id_a": ["paper-2"], "id_b": ["paper-1"]})).iloc[0])


def test_short_texts_are_never_matched():
    short = " ".join(ARTICLE.split()[:40])
    articles = _frame([
        ("s1", "One", "2020-01-01", short),
        ("s2", "Two", "2020-01-02", short),
        ("s3", "One", "2020-01-03", short),
    ])
    found = find_duplicates(articles)
    assert (found[["duplicate_of", "copy_of", "copy_outlet"]] == "").all().all()
    assert found["similarity"].isna().all()
    assert find_duplicates(articles, min_words=30)["copy_of"].tolist() == ["", "s1", ""]


def test_text_an_outlet_repeats_in_many_articles_is_boilerplate():
    footer = " ".join(ARTICLE.split()[:200])
    own = [" ".join(SAME_EVENT.split()[i::3]) + f" story number {i}" for i in range(3)]
    articles = _frame([(f"x{i}", "X", f"2020-02-0{i + 1}", own[i] + " " + footer) for i in range(3)])
    assert (find_duplicates(articles)["duplicate_of"] != "").sum() == 2  # the shared footer makes them alike
    found = find_duplicates(articles, max_outlet_repeats=2)  # ... unless it counts as the outlet's furniture
    assert (found["duplicate_of"] == "").all()


def test_tokens_are_those_of_re_and_signatures_those_of_datasketch():
    texts = ["Ça va? L'Élysée a dit “non” — 2020’s talks_on hold; naïve co-op ĐẠI HỌC straße ١٢٣.",
             "", "  ...  "]
    for text in texts:
        hashes, _ = duplicates._token_hashes([text])
        words = re.findall(r"\w+", text.lower())
        assert len(hashes) == len(words)
        assert len(set(hashes.tolist())) == len(set(words))
    articles = _frame([("a", "A", "2020-01-01", ARTICLE), ("b", "B", "2020-01-01", SAME_EVENT)])
    shingles = duplicates._shingle(articles, 3, 50, 5)
    signatures = duplicates._signatures(shingles, np.array([0, 1]), 32)
    for row, doc in enumerate((0, 1)):
        reference = MinHash(num_perm=32, seed=1, hashfunc=int)
        reference.update_batch(shingles.hashes[shingles.offsets[doc]:shingles.offsets[doc + 1]].tolist())
        assert (reference.hashvalues == signatures[row]).all()


def test_bad_input_is_refused_and_empty_input_is_empty():
    with pytest.raises(ValueError, match="text"):
        find_duplicates(pd.DataFrame({"doc_id": ["a"], "outlet": ["A"], "date": [pd.NaT]}))
    with pytest.raises(ValueError, match="unique"):
        find_duplicates(_frame([("a", "A", None, ARTICLE), ("a", "B", None, ARTICLE)]))
    with pytest.raises(ValueError, match="threshold"):
        find_duplicates(_frame([("a", "A", None, ARTICLE)]), threshold=0)
    empty = find_duplicates(_frame([]))
    assert empty.empty and list(empty.columns) == ["doc_id", *DUPLICATE_COLUMNS]
