"""Dates are read only where they cannot be misread; every encoding a Windows tool saves is decoded; the corpus
hash covers exactly the files analysed."""

from __future__ import annotations

import codecs
import warnings

import pandas as pd
import pytest

import corpus
from corpus.ingest.dates import parse_date
from corpus.publish.manifest import corpus_fingerprint

SEED_ROW = "000_eadc0dd7ff185373.txt"


@pytest.mark.parametrize("value, expected, precision", [
    ("2020-01-03", "2020-01-03", "day"),
    ("2020-01", "2020-01-01", "month"),
    ("2020", "2020-01-01", "year"),
    ("2020-01-03T22:15:00Z", "2020-01-03", "day"),
    ("3 January 2020", "2020-01-03", "day"),
    ("January 3, 2020", "2020-01-03", "day"),
    ("Friday, Jan. 3, 2020 10:00 AM EST", "2020-01-03", "day"),
    ("3rd Jan 2020", "2020-01-03", "day"),
    ("3. Januar 2020", "2020-01-03", "day"),
    ("March 2020", "2020-03-01", "month"),
])
def test_unambiguous_dates_are_read(value, expected, precision):
    parsed = parse_date(value)
    assert (parsed.date, parsed.precision, parsed.problem) == (pd.Timestamp(expected), precision, "")


@pytest.mark.parametrize("value, reason", [
    ("today", "a relative date"),
    ("yesterday", "a relative date"),
    ("last week", "a relative date"),
    ("01/02/2020", "not in ISO order"),
    ("3.1.2020", "not in ISO order"),
    ("13/01/2020", "not in ISO order"),
    ("2020-02-30", "not a calendar date"),
    ("sometime in March", "not a date this loader reads"),
])
def test_ambiguous_relative_and_impossible_dates_are_refused(value, reason):
    parsed = parse_date(value)
    assert pd.isna(parsed.date) and reason in parsed.problem


@pytest.mark.parametrize("order, expected", [("DMY", "2020-02-01"), ("MDY", "2020-01-02"), ("%d/%m/%Y", "2020-02-01")])
def test_a_stated_date_order_reads_numeric_dates(order, expected):
    assert parse_date("01/02/2020", date_format=order).date == pd.Timestamp(expected)


def _set_date(folder, value, *, column_format=None):
    catalog = pd.read_csv(folder / "metadata.csv", dtype=str, keep_default_na=False)
    catalog.loc[catalog["file"] == SEED_ROW, "date"] = value
    if column_format is not None:
        catalog["date_format"] = column_format
    catalog.to_csv(folder / "metadata.csv", index=False)


def _load(folder, **options):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = corpus.load_corpus(folder, **options)
    return articles, [w.message for w in caught if issubclass(w.category, corpus.CorpusWarning)]


@pytest.mark.parametrize("value", ["today", "01/02/2020", "3.1.2020"])
def test_a_refused_catalog_date_warns_naming_file_and_row(seed_copy, value):
    _set_date(seed_copy, value)
    articles, messages = _load(seed_copy)
    row = articles.set_index("doc_id").loc[SEED_ROW.removesuffix(".txt")]
    assert pd.isna(row["date"]) and row["date_precision"] == "unknown"
    assert any(f"metadata.csv row 2 ({SEED_ROW}): unparseable date {value!r}" in str(m) for m in messages)
    problem = next(w for w in articles.attrs["warnings"] if w["file"] == SEED_ROW)
    assert problem["row"] == 2 and value in problem["problem"]
    assert next(m for m in messages if value in str(m)).problem.row == 2


def test_the_catalog_or_the_caller_can_state_the_date_order(seed_copy):
    _set_date(seed_copy, "01/02/2020", column_format="DMY")
    articles, _ = _load(seed_copy)
    assert articles.set_index("doc_id").loc[SEED_ROW.removesuffix(".txt"), "date"] == pd.Timestamp("2020-02-01")
    _set_date(seed_copy, "01/02/2020", column_format="")
    articles, _ = _load(seed_copy, date_format="MDY")
    assert articles.set_index("doc_id").loc[SEED_ROW.removesuffix(".txt"), "date"] == pd.Timestamp("2020-01-02")


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
                                           ("utf-8", codecs.BOM_UTF8), ("utf-32-le", codecs.BOM_UTF32_LE)])
def test_text_behind_a_byte_order_mark_is_decoded(tmp_path, encoding, bom):
    text = "Iraq’s parliament voted on Sunday.\n\nThe vote asked US troops to leave — 5,200 of them."
    (tmp_path / "a.txt").write_bytes(bom + text.encode(encoding))
    (tmp_path / "metadata.csv").write_bytes(codecs.BOM_UTF16_LE + (
        "file,outlet,title,date\na.txt,Example News,Vote,2020-01-05\n").encode("utf-16-le"))
    articles, messages = _load(tmp_path)
    assert articles.attrs["skipped"] == [] and messages == []
    assert articles["text_raw"].iloc[0] == text and articles["outlet"].iloc[0] == "Example News"


def test_the_corpus_hash_covers_exactly_the_files_analysed(seed_copy):
    upper = seed_copy / "extra.TXT"
    upper.write_text("An upper-case file.\n\nIt is analysed like the others.", encoding="utf-8")
    (seed_copy / "blank.txt").write_text("  \n", encoding="utf-8")  # skipped: empty
    articles, _ = _load(seed_copy)
    before = corpus_fingerprint(seed_copy, articles["source_file"])
    assert "extra.TXT" in before["files"] and "blank.txt" not in before["files"]
    assert before["n_files"] == len(articles) + 1  # and the catalog
    upper.write_text("An upper-case file, edited.\n\nIt is analysed like the others.", encoding="utf-8")
    (seed_copy / "blank.txt").write_text("   \n\n", encoding="utf-8")
    after = corpus_fingerprint(seed_copy, _load(seed_copy)[0]["source_file"])
    assert after["content_sha256"] != before["content_sha256"]
    assert {k: v for k, v in after["files"].items() if k != "extra.TXT"} == {
        k: v for k, v in before["files"].items() if k != "extra.TXT"}
