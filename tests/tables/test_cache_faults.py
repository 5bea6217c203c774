"""A damaged cache entry is reported by name, discarded and rebuilt; it is never read silently."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from corpus.ingest.loader import CorpusWarning
from corpus.nlp.annotate import annotate
from corpus.nlp.cache import CacheWarning
from corpus.nlp.model import MAX_TEXT_CHARS
from corpus.tables.build import build_tables, load_tables


def _entries(folder):
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.endswith(".tmp"))


def _tables(run_dir):
    return {p.name: p.read_bytes() for p in sorted(run_dir.glob("*.csv"))}


@pytest.fixture
def warm(seed_corpus, tmp_path):
    """Tables of the seeds built once with a fresh cache, and their bytes."""
    build_tables(seed_corpus, tmp_path / "clean", cache_dir=tmp_path / "cache")
    return tmp_path / "cache", _tables(tmp_path / "clean")


@pytest.mark.parametrize("damage", ["truncate", "empty", "flip", "swap"])
def test_a_damaged_row_entry_is_named_discarded_and_rebuilt(seed_corpus, tmp_path, warm, damage):
    cache, clean = warm
    entries = _entries(cache / "tables")
    assert len(entries) == len(seed_corpus)
    victim = entries[0]
    data = victim.read_bytes()
    if damage == "truncate":
        victim.write_bytes(data[: len(data) // 2])
    elif damage == "empty":
        victim.write_bytes(b"")
    elif damage == "flip":
        victim.write_bytes(data[:-10] + bytes([data[-10] ^ 0x01]) + data[-9:])
    else:  # another article's entry under this article's name: unpacks cleanly, but is not this text's
        victim.write_bytes(entries[1].read_bytes())
    with pytest.warns(CacheWarning, match=f"cache entry {victim}"):
        run = build_tables(seed_corpus, tmp_path / "again", cache_dir=cache)
    assert _tables(tmp_path / "again") == clean  # the rebuilt rows are the rows
    assert run.cached == len(seed_corpus) - 1
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheWarning)  # healed: the next run reads it without a word
        build_tables(seed_corpus, tmp_path / "third", cache_dir=cache)
    assert _tables(tmp_path / "third") == clean


def test_a_truncated_parse_entry_is_reparsed(seed_corpus, tmp_path):
    folder = tmp_path / "annotations"
    first = annotate(seed_corpus, cache_dir=folder)
    victim = _entries(folder)[2]
    victim.write_bytes(victim.read_bytes()[:100])
    with pytest.warns(CacheWarning, match="truncated"):
        again = annotate(seed_corpus, cache_dir=folder)
    assert (again.parsed, again.cached) == (1, len(seed_corpus) - 1)
    assert [d.to_json() for d in again.docs] == [d.to_json() for d in first.docs]


def test_a_damaged_parse_entry_behind_the_row_cache_is_reparsed(seed_corpus, tmp_path):
    annotate(seed_corpus, cache_dir=tmp_path / "cache" / "annotations")  # parses cached; rows are not
    victim = _entries(tmp_path / "cache" / "annotations")[0]
    victim.write_bytes(b"")
    with pytest.warns(CacheWarning, match="no header"):
        run = build_tables(seed_corpus, tmp_path / "out", cache_dir=tmp_path / "cache")
    clean = build_tables(seed_corpus, tmp_path / "reference", use_cache=False)
    assert _tables(tmp_path / "out") == _tables(tmp_path / "reference") and run.rows == clean.rows


def test_a_text_longer_than_the_model_takes_is_skipped_with_a_warning_naming_it(seed_corpus):
    long_text = "Troops stayed in Iraq. " * (MAX_TEXT_CHARS // 20)
    articles = pd.concat([seed_corpus.head(1), seed_corpus.head(1).assign(
        doc_id="huge", source_file="huge.txt", text=long_text)], ignore_index=True)
    with pytest.warns(CorpusWarning, match=r"huge.txt: longer than the model's limit of 1,000,000 characters"):
        loaded = load_tables(articles, use_cache=False, tables=["entity_mentions", "sentiment"])
    assert set(loaded.tables["sentiment"]["doc_id"]) == {seed_corpus["doc_id"].iloc[0]}
    with pytest.warns(CorpusWarning, match="huge.txt"):
        run = annotate(articles, use_cache=False)
    assert len(run.docs[1]) == 0 and len(run.docs[0]) > 100
