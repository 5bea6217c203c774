"""The duplicates policies and the per-outlet count of repeats and copies (notebook 00)."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus.analysis.overview import apply_duplicate_policy, duplicates_per_outlet


def _articles() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["a1", "a2", "b1", "c1", "d1"],
        "outlet": ["AP", "AP", "Paper", "Blog", "Daily"],
        "duplicate_of": ["", "a1", "", "", ""],
        "copy_of": ["", "", "a1", "", ""],
        # d1 credits an outlet whose original is not in the corpus
        "copy_outlet": ["", "", "AP", "", "Reuters"],
    })


def test_keep_counts_everything():
    assert apply_duplicate_policy(_articles(), "keep")["doc_id"].tolist() == ["a1", "a2", "b1", "c1", "d1"]


def test_drop_leaves_out_an_outlets_repeat_and_keeps_copies_for_the_outlet_that_ran_them():
    kept = apply_duplicate_policy(_articles(), "drop")
    assert kept["doc_id"].tolist() == ["a1", "b1", "c1", "d1"]
    assert kept.set_index("doc_id").loc["b1", "outlet"] == "Paper"


def test_original_outlet_counts_each_text_once_for_the_outlet_that_wrote_it():
    kept = apply_duplicate_policy(_articles(), "original_outlet")
    assert dict(zip(kept["doc_id"], kept["outlet"])) == {"a1": "AP", "c1": "Blog", "d1": "Reuters"}


def test_an_unknown_policy_is_refused():
    with pytest.raises(ValueError, match="keep"):
        apply_duplicate_policy(_articles(), "dedupe")


def test_duplicates_per_outlet():
    table = duplicates_per_outlet(_articles()).set_index("outlet")
    assert table.loc["AP"].to_dict() == {"n_articles": 2, "n_duplicates": 1, "n_copies": 0, "n_originals": 1}
    assert table.loc["Paper"].to_dict() == {"n_articles": 1, "n_duplicates": 0, "n_copies": 1, "n_originals": 0}
    assert table.loc["Daily", "n_copies"] == 1 and table.loc["Blog", "n_originals"] == 1
