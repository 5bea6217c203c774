"""The corpus store: tables equal to the streamed ones, incremental syncs, and a store that survives faults."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import corpus
from corpus.nlp.cache import CacheWarning
from corpus.tables import store as store_module
from corpus.tables.build import TABLES, load_tables
from corpus.tables.store import bucket_of, open_store, store_path, sync


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_CACHE_DIR", str(tmp_path / "cache"))


def _assert_same_tables(store, articles):
    streamed = load_tables(articles).tables
    for name in TABLES:
        pd.testing.assert_frame_equal(streamed[name].reset_index(drop=True), store.table(name), check_dtype=False,
                                      obj=name)
    pd.testing.assert_frame_equal(articles.reset_index(drop=True), store.articles(), check_dtype=False)


def test_every_table_through_the_store_equals_the_streamed_table(seed_corpus):
    store, report = sync()
    assert (report.articles, report.parsed, report.removed) == (5, 5, 0)
    _assert_same_tables(store, seed_corpus)
    assert store.path == store_path() and str(store.path).startswith(str(corpus.paths.cache_dir()))
    again, warm = sync()
    assert (warm.parsed, warm.reused) == (0, 5) and again.manifest["buckets"] == store.manifest["buckets"]


def test_a_corpus_read_a_few_files_at_a_time_gives_the_same_store(seed_copy, monkeypatch):
    """The sync writes each batch of files it reads to disk at once (the files of a large corpus are never all in
    memory) and finds duplicates in a process of its own; batches of two files, then an edit and a copy, give the
    tables and duplicate flags of a whole-corpus read."""
    monkeypatch.setattr(store_module, "LOAD_BATCH_FILES", 2)
    monkeypatch.setattr(store_module, "DUPLICATES_APART_FROM", 0)  # and duplicates found in a process of their own
    store, report = sync(seed_copy)
    assert report.parsed == 5
    _assert_same_tables(store, corpus.load_corpus(seed_copy))
    edited = seed_copy / "002_cf28e25cfbcb3f65.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nA spokesman said 500 Marines would stay.\n",
                      encoding="utf-8")
    shutil.copy(seed_copy / "001_ca1040405077a8c0.txt", seed_copy / "copied.txt")  # same text: rows reused
    store, report = sync(seed_copy)
    assert (report.articles, report.parsed) == (6, 1)
    assert store.articles().set_index("doc_id").loc["copied", "copy_of"] == "001_ca1040405077a8c0"
    assert not (store.path / store_module.STAGING_DIR).exists()
    with pytest.warns(corpus.CorpusWarning):
        _assert_same_tables(store, corpus.load_corpus(seed_copy))


def test_sql_and_filters(seed_corpus):
    store, _ = sync()
    counts = store.sql("SELECT outlet, count(*) AS n FROM attributions GROUP BY outlet ORDER BY outlet")
    expected = seed_corpus.merge(load_tables(seed_corpus, tables=["attributions"]).tables["attributions"],
                                 on="doc_id").groupby("outlet_x").size()
    assert dict(zip(counts["outlet"], counts["n"])) == expected.to_dict()
    rt = store.table("attributions", outlets=["RT"], columns=["doc_id", "outlet", "source"])
    assert list(rt.columns) == ["doc_id", "outlet", "source"] and set(rt["outlet"]) == {"RT"}
    assert store.articles(outlets=["RT"])["outlet"].tolist() == ["RT"]


def test_adding_changing_and_removing_articles_touch_only_their_rows(seed_copy):
    store, _ = sync(seed_copy)
    before = {b: {n: e["sha256"] for n, e in entry.items()} for b, entry in store.manifest["buckets"].items()}
    changed = seed_copy / "002_cf28e25cfbcb3f65.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nA Pentagon spokesman said 3,000 more troops would "
                       "deploy to Kuwait.\n", encoding="utf-8")
    (seed_copy / "new_article.txt").write_text("Iraq votes on US troops\n\nIraq's parliament voted on Sunday to expel "
                                               "US troops, officials said.\n", encoding="utf-8")
    removed = "004_8f953dd85b129d50.txt"
    (seed_copy / removed).unlink()
    catalog = pd.read_csv(seed_copy / "metadata.csv", dtype=str, keep_default_na=False)
    catalog = catalog[catalog["file"] != removed]
    catalog.to_csv(seed_copy / "metadata.csv", index=False)
    store, report = sync(seed_copy)
    assert (report.articles, report.removed) == (5, 1)
    assert report.parsed == 2  # the new and the changed text

    articles = corpus.load_corpus(seed_copy)
    _assert_same_tables(store, articles)
    assert "new_article" in set(store.table("attributions")["doc_id"])
    assert removed.removesuffix(".txt") not in set(store.articles()["doc_id"])

    # with the catalog left alone, an edit rewrites only the bucket of the edited article
    before = {b: {n: e["sha256"] for n, e in entry.items()} for b, entry in store.manifest["buckets"].items()}
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nOfficials said the talks would go on.\n",
                       encoding="utf-8")
    store, report = sync(seed_copy)
    after = {b: {n: e["sha256"] for n, e in entry.items()} for b, entry in store.manifest["buckets"].items()}
    touched = {b for b in after if after[b] != before.get(b)}
    assert touched == {bucket_of(changed.stem)} and report.parsed == 1
    _assert_same_tables(store, corpus.load_corpus(seed_copy))


def test_added_articles_go_to_a_bucket_of_their_own_until_there_are_too_many(seed_copy, monkeypatch):
    monkeypatch.setattr(store_module, "ADDITION_BUCKETS", 2)
    store, _ = sync(seed_copy)
    hashed = {b: {n: e["sha256"] for n, e in entry.items()} for b, entry in store.manifest["buckets"].items()}
    earlier: list[str] = []
    for n in range(3):
        (seed_copy / f"added_{n}.txt").write_text(
            f"Iraq votes {n}\n\nIraq's parliament voted on Sunday to expel US troops, official number {n} said.\n",
            encoding="utf-8")
        store, report = sync(seed_copy)
        assert report.parsed == 1
        buckets = store.manifest["buckets"]
        additions = sorted(b for b in buckets if b.startswith(store_module.ADDITION_PREFIX))
        if n < 2:
            # no hash bucket is rewritten for a new article: it lives in this sync's addition bucket
            assert {b: {k: e["sha256"] for k, e in buckets[b].items()} for b in hashed} == hashed
            assert len(additions) == n + 1
            (newest,) = set(additions) - set(earlier)
            assert store.manifest["files"][f"added_{n}.txt"]["bucket"] == newest
            earlier = additions
        else:
            # the third addition finds two addition buckets: all three articles go back to their hash buckets
            assert additions == []
            assert all("bucket" not in record for record in store.manifest["files"].values())
            assert not list(store.path.glob(f"b{store_module.ADDITION_PREFIX}*"))  # their folders are gone too
            assert {bucket_of(f"added_{k}") for k in range(3)} <= set(buckets)
        _assert_same_tables(store, corpus.load_corpus(seed_copy))
    # an added article edited later rewrites the bucket that holds it
    (seed_copy / "added_0.txt").write_text("Iraq votes\n\nThe Pentagon said 5,000 troops would stay.\n",
                                           encoding="utf-8")
    store, report = sync(seed_copy)
    assert report.parsed == 1
    _assert_same_tables(store, corpus.load_corpus(seed_copy))


def test_a_killed_sync_leaves_the_previous_store_whole(seed_copy, monkeypatch):
    store, _ = sync(seed_copy)
    tables_before = {name: store.table(name) for name in TABLES}
    (seed_copy / "new_article.txt").write_text("Iraq votes\n\nThe Pentagon said 5,000 troops would stay.\n",
                                               encoding="utf-8")
    real = store_module._write_bucket

    def dies(*args, **kwargs):
        real(*args, **kwargs)  # the new files are written ...
        raise KeyboardInterrupt  # ... and the sync is killed before it swaps the manifest

    with monkeypatch.context() as patched, pytest.raises(KeyboardInterrupt):
        patched.setattr(store_module, "_write_bucket", dies)
        sync(seed_copy)
    survivor = open_store(seed_copy)
    for name in TABLES:
        pd.testing.assert_frame_equal(tables_before[name], survivor.table(name), obj=name)
    store, report = sync(seed_copy)
    assert report.articles == 6
    named = {entry[name]["file"] for entry in store.manifest["buckets"].values() for name in entry}
    assert {f"{p.parent.name}/{p.name}" for p in store.path.glob("b*/*")} == named  # the orphans are gone


@pytest.mark.parametrize("damage", ["flip", "truncate", "delete"])
def test_a_damaged_store_file_is_reported_and_rebuilt(seed_corpus, damage):
    store, _ = sync()
    victim = store.files("attributions")[0]
    data = victim.read_bytes()
    if damage == "flip":
        victim.write_bytes(data[:100] + bytes([data[100] ^ 0xFF]) + data[101:])
    elif damage == "truncate":
        victim.write_bytes(data[: len(data) // 2])
    else:
        victim.unlink()
    with pytest.warns(CacheWarning, match=f"store file {victim}"):
        store, report = sync()
    assert report.parsed == 0  # the rows come back from the row cache; nothing is parsed again
    _assert_same_tables(store, seed_corpus)


def test_a_damaged_store_manifest_rebuilds_the_store(seed_corpus):
    store, _ = sync()
    (store.path / "store.json").write_text('{"version": "1", "buck', encoding="utf-8")
    with pytest.warns(CacheWarning, match="store.json cannot be read"):
        store, _ = sync()
    _assert_same_tables(store, seed_corpus)


@pytest.mark.slow
def test_two_syncs_at_once_both_finish_with_one_store(seed_copy, tmp_path):
    code = ("import sys; from corpus.tables.store import sync; s, r = sync(sys.argv[1], n_process=1); "
            "print(r.parsed, r.articles)")
    runs = [subprocess.Popen([sys.executable, "-c", code, str(seed_copy)], stdout=subprocess.PIPE, text=True)
            for _ in range(2)]
    outputs = [run.communicate(timeout=300)[0].split() for run in runs]
    assert [run.returncode for run in runs] == [0, 0]
    assert sorted(int(parsed) for parsed, _ in outputs) == [0, 5]  # one parsed, the other waited and reused
    _assert_same_tables(open_store(seed_copy), corpus.load_corpus(seed_copy))


@pytest.mark.slow
def test_the_dask_engine_writes_what_the_local_engine_writes(seed_corpus, tmp_path):
    distributed = pytest.importorskip("distributed")
    local, _ = sync(store=tmp_path / "local")
    shutil.rmtree(tmp_path / "cache", ignore_errors=True)  # no row cache: the workers parse
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            remote, report = sync(store=tmp_path / "dask", engine="dask", scheduler=client)
    assert report.parsed == 5
    for name in ("articles", *TABLES):
        pd.testing.assert_frame_equal(local.table(name), remote.table(name), obj=name)
    assert json.loads((tmp_path / "dask" / "store.json").read_text())["files"].keys() == local.manifest["files"].keys()


def test_an_edited_catalog_row_rereads_only_its_article(seed_copy):
    store, _ = sync(seed_copy)
    before = {b: {n: e["sha256"] for n, e in entry.items()} for b, entry in store.manifest["buckets"].items()}
    catalog = pd.read_csv(seed_copy / "metadata.csv", dtype=str, keep_default_na=False)
    catalog.loc[catalog["file"] == "003_96b7e084f46d1456.txt", "outlet"] = "CBN"
    catalog.to_csv(seed_copy / "metadata.csv", index=False)
    store, report = sync(seed_copy)
    after = {b: {n: e["sha256"] for n, e in entry.items()} for b, entry in store.manifest["buckets"].items()}
    assert {b for b in after if after[b] != before.get(b)} == {bucket_of("003_96b7e084f46d1456")}
    assert report.parsed == 0  # same text: its rows come from the row cache
    assert set(store.table("attributions", outlets=["CBN"])["doc_id"]) == {"003_96b7e084f46d1456"}
    _assert_same_tables(store, corpus.load_corpus(seed_copy))



def test_new_cleaning_rules_reclean_unchanged_files(seed_copy, monkeypatch):
    """The store holds clean texts, so new reading or cleaning code (a changed digest of ``corpus/ingest``) reads
    unchanged files again instead of serving the texts the old rules cleaned."""
    from corpus.ingest import cleaning

    store, _ = sync(seed_copy)
    assert any("Pentagon" in text for text in store.articles(columns=["text"])["text"])

    def drop_the_word(page):
        page.paragraphs = [p.replace("Pentagon", "Defense Department") for p in page.paragraphs]

    monkeypatch.setattr(cleaning, "PIPELINE", (*cleaning.PIPELINE, drop_the_word))
    monkeypatch.setattr(store_module, "readers_digest", lambda: "edited-cleaning")
    store, _ = sync(seed_copy)
    texts = store.articles(columns=["text"])["text"]
    assert not any("Pentagon" in text for text in texts)
    _assert_same_tables(store, corpus.load_corpus(seed_copy))


def _rows(n: int, outlet: str) -> str:
    return "\n".join(json.dumps({
        "title": f"{outlet} report {i}", "source": outlet, "date": f"2020-01-0{i}",
        "text": f"Iraqi officials said on day {i} that rockets struck a base near Baghdad. {outlet} reported that "
                f"about {i},000 US troops remain in Iraq, a Pentagon spokesman said. Officials said talks went on.",
    }) for i in range(1, n + 1))


def test_an_export_added_to_a_corpus_adds_exactly_its_articles_and_removing_it_removes_them(seed_copy):
    sync(seed_copy)
    (seed_copy / "wire").mkdir()
    (seed_copy / "wire" / "feed.jsonl").write_text(_rows(3, "Wire Service"), encoding="utf-8")
    store, report = sync(seed_copy)
    assert (report.articles, report.parsed) == (8, 3)
    assert store.manifest["files"]["wire/feed.jsonl"]["doc_ids"] == ["feed-1", "feed-2", "feed-3"]
    assert [r["parsed"] for r in store.articles().attrs["sources"] if r["file"] == "wire/feed.jsonl"] == [3]
    _assert_same_tables(store, corpus.load_corpus(seed_copy))
    assert set(store.table("troop_claims")["doc_id"]) >= {"feed-1", "feed-2", "feed-3"}

    (seed_copy / "wire" / "feed.jsonl").unlink()
    store, report = sync(seed_copy)
    assert (report.articles, report.parsed, report.removed) == (5, 0, 1)
    assert not any(d.startswith("feed-") for d in store.articles()["doc_id"])
    _assert_same_tables(store, corpus.load_corpus(seed_copy))


def test_a_large_table_summed_in_the_store_equals_the_pandas_sum(seed_corpus):
    store, _ = sync()
    counts = store.table("term_counts")
    expected = counts.groupby(["outlet", "term"], as_index=False)["count"].sum()
    summed = store.summed("term_counts", by=["outlet", "term"])
    pd.testing.assert_frame_equal(summed, expected, check_dtype=False)
    # restricted to some articles, each counted under the outlet given for it
    kept = store.articles(columns=["doc_id", "outlet"]).iloc[1:].assign(outlet="Pooled")
    restricted = store.summed("term_counts", by=["outlet", "term"], articles=kept)
    mine = counts[counts["doc_id"].isin(kept["doc_id"])].groupby("term", as_index=False)["count"].sum()
    pd.testing.assert_frame_equal(restricted, mine.assign(outlet="Pooled")[["outlet", "term", "count"]],
                                  check_dtype=False)
    with pytest.raises(ValueError, match="cannot sum"):
        store.summed("term_counts", by=["lemma"])


def test_a_run_token_opens_the_store_it_named_and_nothing_else(seed_copy, monkeypatch):
    from corpus.notebook import setup
    from corpus.tables.store import RUN_STORE_ENV, open_synced

    store, _ = sync(seed_copy)
    token = store.token()
    assert open_synced(token, seed_copy).manifest == store.manifest
    assert open_synced(token, seed_copy, model="en_core_web_sm_other") is None  # another pipeline
    assert open_synced(token) is None  # another corpus (the seeds)
    assert open_synced("not json", seed_copy) is None

    monkeypatch.setenv(RUN_STORE_ENV, token)
    monkeypatch.setattr("corpus.notebook.sync", lambda *a, **k: pytest.fail("synced although the run had"))
    articles, _, _, status = setup(seed_copy, seed_copy.parent / "out_a")
    assert (status.parsed, status.cached) == (0, 5) and len(articles) == 5

    (seed_copy / "new_article.txt").write_text("Iraq votes\n\nThe Pentagon said 5,000 troops would stay.\n",
                                               encoding="utf-8")
    sync(seed_copy)  # the store changed after the token was taken: the token no longer opens it
    assert open_synced(token, seed_copy) is None


def test_label_columns_share_one_string_per_value(seed_corpus):
    store, _ = sync()
    counts = store.table("term_counts")
    plain = store.sql("SELECT * EXCLUDE (row_in_article) FROM term_counts ORDER BY doc_id, row_in_article")
    pd.testing.assert_frame_equal(counts, plain)
    same = counts[counts["term"] == counts["term"].iloc[0]]["term"]
    assert len(same) > 1 and len({id(value) for value in same}) == 1  # one string for every row that holds it
    assert len({id(value) for value in counts["doc_id"]}) == counts["doc_id"].nunique()
    assert len({id(t) for t in store.table("sentiment")["text"]}) > 1  # free text is not pooled


def test_labels_are_shared_across_chunks_and_keep_missing_values(monkeypatch):
    import duckdb

    monkeypatch.setattr(store_module, "FETCH_VECTORS", 1)  # chunks of 2,048 rows
    query = ("SELECT CASE WHEN i % 11 = 0 THEN NULL ELSE 'label ' || (i % 7) END AS label, i, 'x' || i AS text "
             "FROM range(10000) t(i) ORDER BY i")
    connection = duckdb.connect()
    expected = connection.execute(query).fetch_df()
    connection.execute(query)
    fetched = store_module._fetch_shared(connection, {"label", "i"})
    pd.testing.assert_frame_equal(fetched, expected)
    assert fetched["label"].isna().sum() == 910 and fetched["i"].dtype == expected["i"].dtype
    assert len({id(v) for v in fetched["label"].dropna()}) == 7


def test_a_table_written_chunk_by_chunk_is_the_csv_of_the_whole_table(seed_corpus, tmp_path, monkeypatch):
    from corpus.publish.figures import save_store_table, save_table

    store, _ = sync()
    kept = store.articles(columns=["doc_id", "outlet"]).iloc[1:].assign(outlet="Pooled")
    whole = store.table("term_counts", articles=kept)
    assert set(whole["outlet"]) == {"Pooled"} and set(whole["doc_id"]) == set(kept["doc_id"])
    save_table(whole, tmp_path / "whole.csv", sort_by=["term"])
    fetched = store_module._shared_chunks

    def small_chunks(connection, labels):  # the seeds' tables fit in one chunk of DuckDB's
        for chunk in fetched(connection, labels):
            yield from (chunk.iloc[i:i + 100] for i in range(0, len(chunk), 100))

    monkeypatch.setattr(store_module, "_shared_chunks", small_chunks)
    pieces = list(store.chunks("term_counts", articles=kept, sort_by=["term"]))
    assert len(pieces) == -(-len(whole) // 100) > 2
    pd.testing.assert_frame_equal(pd.concat(pieces, ignore_index=True),
                                  whole.sort_values("term", kind="mergesort", ignore_index=True))
    save_store_table(store, "term_counts", tmp_path / "chunked.csv", articles=kept, sort_by=["term"])
    assert (tmp_path / "chunked.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes()
    scores = store.table("sentiment", columns=["doc_id", "sent_id", "text", "vader"], where="vader < ?", params=[0])
    assert len(scores) and (scores["vader"] < 0).all()
    assert store.count("sentiment", where="vader < ?", params=[0]) == len(scores)


def test_a_condition_may_test_a_column_not_read_with_or_without_articles_named(seed_corpus):
    store, _ = sync()
    kept = store.articles(columns=["doc_id", "outlet"]).iloc[1:]
    every = store.table("attributions", articles=kept)
    asserted = every[every["factuality"] == "asserted"].reset_index(drop=True)
    assert 0 < len(asserted) < len(every)
    for articles in (kept, None):
        read = store.table("attributions", articles=articles, columns=["doc_id", "cue_start"],
                           where="factuality = ?", params=["asserted"])
        expected = asserted if articles is not None else store.table("attributions", where="factuality = 'asserted'")
        pd.testing.assert_frame_equal(read, expected[["doc_id", "cue_start"]])


def test_notebook_02s_attributions_are_the_whole_table_resolved_then_filtered(seed_corpus):
    from corpus.analysis.speakers import resolve_speakers
    from corpus.notebook import asserted_attributions

    store, _ = sync()
    articles = store.articles(columns=["doc_id", "outlet"]).iloc[1:].assign(outlet="Pooled")
    whole = resolve_speakers(store.table("attributions", articles=articles))
    for kinds in (["speech"], ["speech", "belief", "stance"], []):
        expected = whole[whole["cue_kind"].isin(kinds) & (whole["factuality"] == "asserted")].reset_index(drop=True)
        found = asserted_attributions(store, articles, cue_kinds=kinds)
        pd.testing.assert_frame_equal(found, expected)
        assert len(found) or not kinds
    # resolution pooled over rows the filter drops: the seeds name people in rows of every kind
    assert whole["cue_kind"].nunique() > 1


def test_setup_gives_texts_only_when_asked_and_the_columns_named(tmp_path):
    from corpus.notebook import TEXT_COLUMNS, setup

    articles, tables, _, status = setup(None, tmp_path / "a", tables={"sentiment": ["doc_id", "vader"],
                                                                      "troop_claims": None})
    assert not set(TEXT_COLUMNS) & set(articles.columns) and {"doc_id", "outlet", "n_words"} <= set(articles)
    assert list(tables["sentiment"].columns) == ["doc_id", "vader"] and "sentence" in tables["troop_claims"]
    with_text, _, _, _ = setup(None, tmp_path / "b", texts=["text"])
    assert "text" in with_text and "text_raw" not in with_text
    pd.testing.assert_frame_equal(with_text.drop(columns="text"), articles)
    full = status.store.articles()
    assert with_text["text"].tolist() == full["text"].tolist()
    with pytest.raises(ValueError, match="texts=\\['body'\\]"):
        setup(None, tmp_path / "c", texts=["body"])


def test_duckdb_spills_to_a_folder_of_its_own_never_the_working_folder(seed_corpus, tmp_path, monkeypatch):
    import tempfile

    store, _ = sync()
    users_folder = tmp_path / "my_articles"
    users_folder.mkdir()
    monkeypatch.chdir(users_folder)  # a notebook's working folder may be a user's own
    setting = store.sql("SELECT current_setting('temp_directory') AS spill, "
                        "current_setting('memory_limit') AS memory")
    spill = Path(setting["spill"].iloc[0])
    assert spill.is_absolute() and spill.name.startswith("corpus-duckdb-")
    assert spill.parent == Path(tempfile.gettempdir()) and not spill.exists()  # removed after the query
    memory = setting["memory"].iloc[0]  # DuckDB shows 256 MB as "244.1 MiB"; its default is 80% of the machine
    assert memory.endswith(" MiB") and float(memory.split()[0]) < 256
    assert list(users_folder.iterdir()) == []
