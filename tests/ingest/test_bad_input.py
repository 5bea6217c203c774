"""Bad input gives one clear message naming the file or row; nothing is lost or written."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from conftest import load_untouched as _load
from conftest import tree_digest

import corpus
from corpus.ingest.encodings import read_article_bytes

N_SEEDS = 5


def test_empty_file_is_skipped_and_named(seed_copy):
    (seed_copy / "empty.txt").write_bytes(b"  \n")
    df, messages = _load(seed_copy)
    assert len(df) == N_SEEDS
    assert any("empty.txt: empty file; skipped" in m for m in messages)
    assert ("empty.txt", "empty file") in df.attrs["skipped"]


def test_binary_file_is_skipped_and_named(seed_copy):
    (seed_copy / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    df, messages = _load(seed_copy)
    assert len(df) == N_SEEDS
    assert any("scan.txt: binary file" in m for m in messages)
    assert [s.file for s in df.attrs["skipped"]] == ["scan.txt"]


def test_non_utf8_text_is_decoded_as_cp1252_with_a_warning(seed_copy):
    (seed_copy / "legacy.txt").write_bytes(
        "Old page\n\nThe minister said the \u2018talks\u2019 failed \u2014 again, officials said.".encode("cp1252")
    )
    df, messages = _load(seed_copy)
    assert len(df) == N_SEEDS + 1
    row = df.set_index("doc_id").loc["legacy"]
    assert row["encoding"] == "cp1252"
    assert "\u2018talks\u2019 failed \u2014 again" in row["text"]
    assert any("legacy.txt: not valid UTF-8" in m and "decoded as cp1252" in m for m in messages)


def test_latin1_fallback_for_bytes_cp1252_cannot_decode():
    text, encoding, problem = read_article_bytes(b"Caf\xe9 \x81 closed.", "x.txt")
    assert (text, encoding) == ("Caf\xe9 \x81 closed.", "latin-1")
    assert "decoded as latin-1" in problem


def test_catalog_row_for_a_missing_file_is_reported(seed_copy):
    catalog = pd.read_csv(seed_copy / "metadata.csv", dtype=str, keep_default_na=False)
    extra = catalog.iloc[[0]].assign(file="gone.txt")
    pd.concat([catalog, extra]).to_csv(seed_copy / "metadata.csv", index=False)
    df, messages = _load(seed_copy)
    assert len(df) == N_SEEDS
    assert any("row 7 names gone.txt, which is not in the folder" in m for m in messages)
    assert [s.file for s in df.attrs["skipped"]] == ["gone.txt"]


def test_duplicate_ids_in_the_catalog_stop_with_both_rows_named(seed_copy):
    catalog = pd.read_csv(seed_copy / "metadata.csv", dtype=str, keep_default_na=False)
    pd.concat([catalog, catalog.iloc[[1]]]).to_csv(seed_copy / "metadata.csv", index=False)
    before = tree_digest(seed_copy)
    with pytest.raises(corpus.CorpusError, match=r"duplicate article ids in rows row 3 \(001_ca1040405077a8c0.txt\), row 7"):
        corpus.load_corpus(seed_copy)
    assert tree_digest(seed_copy) == before


def test_duplicate_doc_ids_among_files_keep_the_catalogued_one(seed_copy):
    (seed_copy / "000_eadc0dd7ff185373.TXT").write_bytes(b"Another copy.\n\nA body sentence here.")
    df, messages = _load(seed_copy)
    assert len(df) == N_SEEDS
    # The file the catalog names is kept; the stray copy is skipped.
    assert df.set_index("doc_id").loc["000_eadc0dd7ff185373", "source_file"] == "000_eadc0dd7ff185373.txt"
    assert df.attrs["skipped"][0].file == "000_eadc0dd7ff185373.TXT"
    assert any("duplicate doc_id '000_eadc0dd7ff185373'" in m for m in messages)
    assert len(df.attrs["skipped"]) == 1


def test_unparseable_date_warns_with_row_and_keeps_the_article(seed_copy):
    catalog = pd.read_csv(seed_copy / "metadata.csv", dtype=str, keep_default_na=False)
    catalog.loc[2, "date"] = "sometime in March"
    catalog.to_csv(seed_copy / "metadata.csv", index=False)
    df, messages = _load(seed_copy)
    assert len(df) == N_SEEDS
    row = df.set_index("doc_id").loc["002_cf28e25cfbcb3f65"]
    assert pd.isna(row["date"]) and row["date_precision"] == "unknown"
    assert any("row 4 (002_cf28e25cfbcb3f65.txt): unparseable date 'sometime in March'" in m for m in messages)


def test_catalog_without_required_columns_stops(seed_copy):
    catalog = pd.read_csv(seed_copy / "metadata.csv", dtype=str, keep_default_na=False)
    catalog.drop(columns=["outlet", "date"]).to_csv(seed_copy / "metadata.csv", index=False)
    with pytest.raises(corpus.CorpusError, match="missing required column\\(s\\) outlet, date"):
        corpus.load_corpus(seed_copy)


def test_folder_with_no_articles_stops(tmp_path):
    (tmp_path / "notes.md").write_text("not an article")
    with pytest.raises(corpus.CorpusError, match="no articles"):
        corpus.load_corpus(tmp_path)


def test_missing_folder_stops(tmp_path):
    with pytest.raises(corpus.CorpusError, match="no such folder"):
        corpus.load_corpus(tmp_path / "nowhere")


def test_folder_of_only_bad_files_stops_and_lists_them(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01")
    with pytest.raises(corpus.CorpusError, match="a.txt: empty file; b.txt: binary"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus.load_corpus(tmp_path)


def test_changed_file_is_flagged_against_its_checksum(seed_copy):
    path = seed_copy / "002_cf28e25cfbcb3f65.txt"
    path.write_bytes(path.read_bytes() + b"\nEdited.")
    df, messages = _load(seed_copy)
    assert any("002_cf28e25cfbcb3f65.txt: content differs from the sha256" in m for m in messages)


def test_uncatalogued_files_share_one_warning(seed_copy):
    (seed_copy / "x1.txt").write_text("Headline one\n\nA body sentence, officials said.", "utf-8")
    (seed_copy / "x2.txt").write_text("Headline two\n\nContent retrieved from: https://www.rt.com/news/1/.", "utf-8")
    df, messages = _load(seed_copy)
    inferred = [m for m in messages if "have no metadata.csv row" in m]
    assert len(inferred) == 1 and "x1.txt, x2.txt" in inferred[0]
    rows = df.set_index("doc_id")
    assert rows.loc["x1", "title"] == "Headline one" and rows.loc["x1", "metadata_inferred"]
    assert rows.loc["x1", "outlet"] == "unknown"


def test_catalog_that_is_not_csv_stops(seed_copy):
    # bytes that are neither UTF-8 nor behind a byte-order mark (b"\xff\xfe" now reads as UTF-16, as it should)
    (seed_copy / "metadata.csv").write_bytes(b"\xc3\x28\x00garbage")
    with pytest.raises(corpus.CorpusError, match="metadata.csv: not UTF-8"):
        corpus.load_corpus(seed_copy)
