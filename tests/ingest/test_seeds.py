"""The shipped seeds are raw data: byte-identical to their catalogued checksums."""

import hashlib

import pandas as pd
from conftest import SEEDS


def test_every_seed_matches_its_catalogued_sha256():
    catalog = pd.read_csv(SEEDS / "metadata.csv", dtype=str, keep_default_na=False)
    assert len(catalog) == 5
    for row in catalog.itertuples():
        digest = hashlib.sha256((SEEDS / row.file).read_bytes()).hexdigest()
        assert digest == row.sha256, row.file


def test_catalog_lists_exactly_the_seed_files():
    catalog = pd.read_csv(SEEDS / "metadata.csv", dtype=str, keep_default_na=False)
    assert sorted(catalog["file"]) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert {"file", "outlet", "original_outlet", "title", "date", "sha256", "notes"} <= set(catalog.columns)
