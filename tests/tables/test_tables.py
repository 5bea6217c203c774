"""Streaming tables: equal to the per-module tables, cached per article, parsed once."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus.tables import rows as row_pipeline
from corpus.tables.rows import carried_rows
from corpus.nlp.annotate import annotate
from corpus.tables.build import TABLES, build_tables, load_tables
from conftest import ParseCounter
from reference import attributions_table, mentions_table, sentiment_table, troop_claims_table


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    keys = [c for c in ("doc_id", "sent_id", "start_char", "cue_start") if c in frame.columns]
    return frame.sort_values(keys, kind="mergesort", ignore_index=True)


def test_tables_equal_the_per_module_tables(seed_corpus, tmp_path):
    loaded = load_tables(seed_corpus, cache_dir=tmp_path)
    assert set(loaded.tables) == set(TABLES) and loaded.parsed == 5 and loaded.cached == 0
    run = annotate(seed_corpus, cache_dir=tmp_path / "docs")
    expected = {
        "entity_mentions": mentions_table(run.docs, seed_corpus),
        "attributions": attributions_table(run.docs, seed_corpus),
        "troop_claims": troop_claims_table(run.docs, seed_corpus),
        "sentiment": sentiment_table(run.docs, seed_corpus),
    }
    for name, frame in expected.items():
        got = loaded.tables[name]
        assert list(got.columns) == TABLES[name] == list(frame.columns)
        pd.testing.assert_frame_equal(_sorted(got), _sorted(frame), check_dtype=False)
    terms = loaded.tables["term_counts"]
    assert terms.groupby("doc_id")["count"].sum().gt(100).all()
    assert {"United States", "Iran", "Iraq"} <= set(loaded.tables["actor_sentences"]["actor"])


def test_warm_tables_parse_nothing(seed_corpus, tmp_path, monkeypatch):
    build_tables(seed_corpus, tmp_path / "first", cache_dir=tmp_path / "cache")
    counter = ParseCounter(monkeypatch)
    run = build_tables(seed_corpus, tmp_path / "second", cache_dir=tmp_path / "cache")
    assert (run.parsed, run.cached) == (0, 5) and counter.texts == []
    for name in TABLES:
        assert (tmp_path / "first" / f"{name}.csv").read_bytes() == (tmp_path / "second" / f"{name}.csv").read_bytes()


def test_a_changed_lexicon_reextracts_from_cached_docs_without_parsing(seed_corpus, tmp_path, monkeypatch):
    build_tables(seed_corpus, tmp_path / "first", cache_dir=tmp_path / "cache")
    annotate(seed_corpus, cache_dir=tmp_path / "cache" / "annotations")  # the parsed Docs are cached too
    monkeypatch.setattr(row_pipeline, "extractors_digest", lambda: "edited-lexicon")
    counter = ParseCounter(monkeypatch)
    run = build_tables(seed_corpus, tmp_path / "second", cache_dir=tmp_path / "cache")
    assert counter.texts == [] and run.parsed == 0
    assert len(list((tmp_path / "cache" / "tables").rglob("*.json.gz"))) == 10  # old and new rows


def test_only_the_tables_asked_for_are_loaded(seed_corpus, tmp_path):
    everything = load_tables(seed_corpus, cache_dir=tmp_path)
    some = load_tables(seed_corpus, cache_dir=tmp_path, tables=["troop_claims", "attributions"])
    assert list(some.tables) == ["troop_claims", "attributions"] and some.parsed == 0
    for name, frame in some.tables.items():
        pd.testing.assert_frame_equal(frame, everything.tables[name])
    with pytest.raises(ValueError, match="unknown table.*troops"):
        load_tables(seed_corpus, cache_dir=tmp_path, tables=["troops"])


def test_articles_with_the_same_text_keep_their_own_ids(tmp_path):
    """Syndicated copies share one cache entry; every row still names its own article and outlet."""
    text = "Iraqi officials said on Monday that 5,000 American troops would stay in Iraq. Iran condemned it."
    articles = pd.DataFrame({"doc_id": ["copy-a", "copy-b"], "outlet": ["Outlet A", "Outlet B"],
                             "date": pd.to_datetime(["2020-01-05", "2020-01-06"]), "text": [text, text]})
    for phase in ("cold", "warm"):
        loaded = load_tables(articles, cache_dir=tmp_path / "cache")
        assert loaded.cached == (2 if phase == "warm" else 0)
        for name, frame in loaded.tables.items():
            if frame.empty:
                continue
            by_doc = frame.groupby("doc_id")
            assert set(frame["doc_id"]) == {"copy-a", "copy-b"}, (phase, name)
            assert by_doc.size()["copy-a"] == by_doc.size()["copy-b"], (phase, name)
            assert (frame["outlet"] == frame["doc_id"].map({"copy-a": "Outlet A", "copy-b": "Outlet B"})).all()
    assert not loaded.tables["troop_claims"].empty and not loaded.tables["attributions"].empty


@pytest.mark.parametrize("n_process", [2])
def test_parallel_parsing_gives_the_same_tables(seed_corpus, tmp_path, n_process, monkeypatch):
    one = build_tables(seed_corpus, tmp_path / "one", use_cache=False)
    monkeypatch.setattr(row_pipeline, "PARALLEL_MIN_TEXTS", 1)
    here = ParseCounter(monkeypatch)
    two = build_tables(seed_corpus, tmp_path / "two", use_cache=False, n_process=n_process, batch_size=2)
    assert two.parsed == len(seed_corpus) and here.texts == []  # parsed, and by the workers, not this process
    for name in TABLES:
        assert one.paths[name].read_bytes() == two.paths[name].read_bytes(), name


def test_a_few_texts_are_parsed_here_whatever_n_process_says(seed_corpus, tmp_path, monkeypatch):
    here = ParseCounter(monkeypatch)
    run = build_tables(seed_corpus, tmp_path / "two", use_cache=False, n_process=2)
    assert run.parsed == len(seed_corpus) < row_pipeline.PARALLEL_MIN_TEXTS and len(here.texts) == len(seed_corpus)


_PARALLEL_SYNC = ("import sys; import corpus.tables.rows as rows; rows.PARALLEL_MIN_TEXTS = 1; "
                  "from corpus.tables.store import sync; sync(sys.argv[1], n_process=2, batch_size=1)")


@pytest.mark.slow
def test_a_killed_sync_leaves_no_parsing_worker_behind(seed_copy, tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    import psutil

    env = {**os.environ, "CORPUS_CACHE_DIR": str(tmp_path / "cache")}
    run = subprocess.Popen([sys.executable, "-c", _PARALLEL_SYNC, str(seed_copy)], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        workers = []
        while len(workers) < 2 and time.monotonic() < deadline and run.poll() is None:
            time.sleep(0.2)
            workers = [p for p in psutil.Process(run.pid).children(recursive=True)
                       if "spawn_main" in " ".join(p.cmdline())]
        assert len(workers) == 2, "the sync never started its two parsing workers"
        os.kill(run.pid, signal.SIGKILL)
        run.wait(30)
        gone_by = time.monotonic() + 60  # a worker still starting (importing spaCy) finds its parent gone when it can
        while any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE for p in workers) and time.monotonic() < gone_by:
            time.sleep(0.2)
        assert not [p.pid for p in workers if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    finally:
        if run.poll() is None:
            run.kill()


@pytest.mark.slow
def test_a_script_without_a_main_guard_is_told_what_to_do(seed_copy, tmp_path):
    import os
    import subprocess
    import sys

    script = tmp_path / "script" / "unguarded.py"  # not beside the corpus copy, which is called "corpus" too
    script.parent.mkdir()
    script.write_text(_PARALLEL_SYNC.replace("sys.argv[1]", repr(str(seed_copy))).replace("; ", "\n"), encoding="utf-8")
    env = {**os.environ, "CORPUS_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert 'put its work under `if __name__ == "__main__":`' in done.stderr


def test_tables_do_not_depend_on_the_hash_seed(tmp_path):
    """Set iteration order changes with PYTHONHASHSEED from process to process; no table may depend on it.

    A guard over the whole extraction; the surname case that once broke it is pinned by a unit test
    (``test_surname_index_does_not_depend_on_order`` in test_attribution.py), since whether the parser
    leaves a surname for that code to resolve is the model's choice.
    """
    import os
    import subprocess
    import sys

    text = ("John Smith, a senator, met Mike Smith, an envoy, and Ann Lee in Baghdad on Monday. "
            "Smith said that 500 troops would stay. Lee told reporters that the talks had failed.")
    script = ("import sys, pandas as pd; from corpus.tables.build import build_tables; "
              f"a = pd.DataFrame({{'doc_id': ['x'], 'outlet': ['O'], 'date': pd.to_datetime(['2020-01-01']), "
              f"'text': [{text!r}]}}); build_tables(a, sys.argv[1], use_cache=False, progress=False)")
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(tmp_path / seed)], check=True, env=env, capture_output=True)
    attributions = pd.read_csv(tmp_path / "1" / "attributions.csv")
    assert "Smith" in set(attributions["source"])
    for name in TABLES:
        first = (tmp_path / "1" / f"{name}.csv").read_bytes()
        assert first == (tmp_path / "2" / f"{name}.csv").read_bytes() == (tmp_path / "3" / f"{name}.csv").read_bytes(), name


def test_a_doc_without_rows_is_refused(seed_corpus):
    from spacy.tokens import Doc

    from corpus.nlp.pipeline import get_pipeline

    with pytest.raises(ValueError, match="carries no table rows"):
        carried_rows(Doc(get_pipeline().vocab, words=["Iran"]))
