"""Acceptance on the seeds: each clean text is the article body alone, every paragraph once, in order.

The expected bodies are cut from the raw files by line number (read off the files by a person),
independently of the cleaning rules, so the test cannot agree with the cleaner by construction.
"""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import SEEDS

import corpus

CHROME = [
    "Your support", "donation", "commenting forum", "Comments", "No comments", "Post a Comment",
    "icon", "FILE PHOTO", "©", "Skip to main content", "Share", "About The Author",
    "multi-media journalist", "Print this page", "Recommended", "David Gardner", "Content retrieved",
    "opens new window", "MICHAEL R. GORDON", "AN HOUR AGO", "10 Mar, 2020",
]


def _lines(name: str) -> list[str]:
    text = (SEEDS / name).read_text("utf-8").replace("\u00a0", " ")
    return [" ".join(line.split()) for line in text.split("\n")]


def _expected_bodies() -> dict[str, list[str]]:
    ind = _lines("000_eadc0dd7ff185373.txt")
    nyt = _lines("001_ca1040405077a8c0.txt")
    rt = _lines("002_cf28e25cfbcb3f65.txt")
    cbn = _lines("003_96b7e084f46d1456.txt")
    ft = _lines("004_8f953dd85b129d50.txt")
    ft_body = ft[0][ft[0].index("US officials are increasingly"):]
    ft_body = ft_body.replace(
        " Recommended David Gardner Sanctions on Iran must be relaxed during the coronavirus crisis", ""
    )
    return {
        "000_eadc0dd7ff185373": [ind[6].removeprefix("Your support makes all the difference.")] + ind[7:19],
        "001_ca1040405077a8c0": [nyt[2].removeprefix("BRUSSELS — ")] + nyt[3:13],
        "002_cf28e25cfbcb3f65": [line for line in rt[5:16] if line],
        "003_96b7e084f46d1456": [cbn[6].removeprefix("JERUSALEM, Israel - ")] + [l for l in cbn[7:37] if l],
        "004_8f953dd85b129d50": [ft_body],
    }


EXPECTED = _expected_bodies()


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_clean_text_is_the_body_alone(seed_corpus, doc_id):
    row = seed_corpus.set_index("doc_id").loc[doc_id]
    paragraphs = row["text"].split("\n\n")
    assert paragraphs == EXPECTED[doc_id]
    assert row["n_words"] == sum(len(p.split()) for p in EXPECTED[doc_id])


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_no_page_chrome_left(seed_corpus, doc_id):
    text = seed_corpus.set_index("doc_id").loc[doc_id, "text"]
    for chrome in CHROME:
        assert chrome not in text, chrome


def test_first_sentences(seed_corpus):
    starts = dict(zip(seed_corpus["doc_id"], seed_corpus["text"]))
    assert starts["000_eadc0dd7ff185373"].startswith("Iran has used the continuing chaos in Iraq")
    assert starts["001_ca1040405077a8c0"].startswith("Iran is directing surveillance drones")
    assert starts["002_cf28e25cfbcb3f65"].startswith("Pulling out the ‘Iran threat’ card")
    assert starts["003_96b7e084f46d1456"].startswith("The United States believes Iran is behind")
    assert starts["004_8f953dd85b129d50"].startswith("US officials are increasingly concerned")


def test_nyt_repeats_are_removed_once_each(seed_corpus):
    text = seed_corpus.set_index("doc_id").loc["001_ca1040405077a8c0", "text"]
    assert text.count("The security crisis in Iraq was one of the topics") == 1
    assert text.count("Iran is directing surveillance drones") == 1


def test_schema_and_types(seed_corpus):
    required = {"doc_id", "source_file", "outlet", "original_outlet", "title", "date", "date_precision",
                "authors", "dateline", "url", "text_raw", "text", "n_words", "cleaning"}
    assert required <= set(seed_corpus.columns)
    assert pd.api.types.is_datetime64_any_dtype(seed_corpus["date"])
    assert seed_corpus["doc_id"].is_unique
    assert list(seed_corpus["doc_id"]) == sorted(seed_corpus["doc_id"])
    assert seed_corpus.attrs["skipped"] == []
    assert not seed_corpus["metadata_inferred"].any()
    raw = {p.stem: p.read_text("utf-8") for p in SEEDS.glob("*.txt")}
    assert all(seed_corpus["text_raw"] == seed_corpus["doc_id"].map(raw))


def test_metadata_found_in_the_text_when_the_catalog_is_silent(tmp_path, seed_corpus):
    """Without catalog rows the cleaner's findings fill byline, dateline, credit and address."""
    for path in SEEDS.glob("*.txt"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    with pytest.warns(corpus.CorpusWarning, match="5 file\\(s\\) have no metadata.csv row"):
        df = corpus.load_corpus(tmp_path)
    rows = df.set_index("doc_id")
    assert rows.loc["001_ca1040405077a8c0", "authors"] == "Michael R. Gordon"
    assert rows.loc["001_ca1040405077a8c0", "dateline"] == "BRUSSELS"
    assert rows.loc["003_96b7e084f46d1456", "dateline"] == "JERUSALEM, Israel"
    assert rows.loc["003_96b7e084f46d1456", "authors"] == "Emily Jones"
    assert rows.loc["000_eadc0dd7ff185373", "original_outlet"] == "The New York Times"
    assert rows.loc["004_8f953dd85b129d50", "authors"] == "Katrina Manson; Najmeh Bozorgmehr; Chloe Cornish"
    assert rows.loc["004_8f953dd85b129d50", "outlet"] == "Financial Times"
    assert rows.loc["004_8f953dd85b129d50", "url"] == "https://www.ft.com/content/1242d95b-54a7-4b57-9c95-406ad49f868f"
    assert rows.loc["002_cf28e25cfbcb3f65", "date"] == pd.Timestamp("2020-03-10")
    assert rows["metadata_inferred"].all()
    # The title is the first headline-like line, not the page chrome above it.
    catalog = pd.read_csv(SEEDS / "metadata.csv", dtype=str).set_index("file")
    for doc_id in ["000_eadc0dd7ff185373", "001_ca1040405077a8c0", "002_cf28e25cfbcb3f65", "003_96b7e084f46d1456"]:
        assert rows.loc[doc_id, "title"] == catalog.loc[doc_id + ".txt", "title"]
    # Without a catalog the bodies come out the same as with one.
    assert list(df["text"]) == list(seed_corpus["text"])


def test_load_reports_are_shared_not_copied_by_derived_frames(seed_corpus):
    """pandas deep-copies ``attrs`` into every derived frame; the load reports are shared instead (one record
    per file would otherwise be copied on every column access), and still compare as the lists they are."""
    derived = seed_corpus[seed_corpus["n_words"] > 0][["doc_id", "outlet"]].iloc[:2]
    for name in ("skipped", "warnings", "sources"):
        assert derived.attrs[name] is seed_corpus.attrs[name]
    assert derived.attrs["sources"] == [dict(r) for r in seed_corpus.attrs["sources"]]
    assert len(derived.attrs["sources"]) == 5
