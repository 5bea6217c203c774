"""The dask engine gives the local engine's tables, on a LocalCluster with two worker processes."""

from __future__ import annotations

import pytest

from corpus.tables.build import TABLES, build_tables

pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster_client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            yield client


WRITTEN = [
    "“We will respond,” the general told reporters. Officials said 3,000 troops were deployed.",
    "Iran-backed militias fired four rockets, according to the Iraqi military. Nobody was hurt.",
    "The Pentagon said about 5,000 US troops remain in Iraq. Critics argued that the strike was illegal.",
]


@pytest.mark.slow
def test_dask_tables_equal_local_tables_on_the_seeds(cluster_client, seed_corpus, tmp_path):
    local = build_tables(seed_corpus, tmp_path / "local", use_cache=False)
    dask = build_tables(seed_corpus, tmp_path / "dask", engine="dask", scheduler=cluster_client,
                        cache_dir=tmp_path / "cache", partitions=3)
    assert dask.parsed == 5
    for name in TABLES:
        assert local.paths[name].read_bytes() == dask.paths[name].read_bytes(), name
    again = build_tables(seed_corpus, tmp_path / "again", engine="dask", scheduler=cluster_client,
                         cache_dir=tmp_path / "cache")
    assert (again.parsed, again.cached) == (0, 5)
    for name in TABLES:
        assert local.paths[name].read_bytes() == again.paths[name].read_bytes(), name


@pytest.mark.slow
def test_dask_engine_by_scheduler_address(cluster_client, seed_corpus, tmp_path):
    import pandas as pd

    articles = pd.DataFrame({"doc_id": [f"w{i}" for i in range(len(WRITTEN))], "outlet": ["A", "B", "A"],
                             "date": pd.to_datetime(["2020-01-02", "2020-01-03", None]), "text": WRITTEN})
    local = build_tables(articles, tmp_path / "local", use_cache=False)
    dask = build_tables(articles, tmp_path / "dask", engine="dask", scheduler=cluster_client.scheduler.address,
                        use_cache=False, partitions=2)
    for name in TABLES:
        assert local.paths[name].read_bytes() == dask.paths[name].read_bytes(), name
    assert local.rows["troop_claims"] == 2 and local.rows["attributions"] >= 3


def test_dask_engine_needs_a_scheduler(seed_corpus, tmp_path):
    with pytest.raises(ValueError, match="needs a scheduler"):
        build_tables(seed_corpus.head(1), tmp_path, engine="dask", scheduler=None, use_cache=False)
