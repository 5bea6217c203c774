"""Bring the public AllSides corpus (Baly et al., EMNLP 2020) into this project's folder layout.

The corpus is published as ``articles.jsonl.gz`` (one JSON object per line with ``id, source,
source_url, date, date_raw, title, authors, topic, bias_text, bias, url, text``) and, for the
Iran/Iraq subset, as ``text/<id>.txt`` files with a ``metadata.tsv``. These helpers write a
folder that :func:`corpus.load_corpus` reads: ``<id>.txt`` files plus a ``metadata.csv``.
The source files are only read.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
from collections.abc import Collection, Iterator
from pathlib import Path

import pandas as pd

__all__ = ["catalog_from_tsv", "iter_jsonl_articles", "write_corpus_folder", "write_corpus_folder_from_jsonl"]


def catalog_from_tsv(metadata_tsv: str | Path) -> pd.DataFrame:
    """The AllSides ``metadata.tsv`` as a ``metadata.csv`` catalog of this project."""
    return _catalog(pd.read_csv(metadata_tsv, sep="\t", dtype=str, keep_default_na=False))


def _catalog(tsv: pd.DataFrame) -> pd.DataFrame:
    """AllSides fields (``id, source, title, date, authors, url, topic, bias_text``, as text) as catalog rows."""
    return pd.DataFrame({
        "file": tsv["id"] + ".txt",
        "outlet": tsv["source"],
        "original_outlet": "",
        "title": tsv["title"],
        "date": tsv["date"],
        "date_precision": tsv["date"].map(lambda d: "day" if d else "unknown"),
        "authors": tsv["authors"],
        "dateline": "",
        "url": tsv["url"],
        "notes": "AllSides topic: " + tsv["topic"] + "; bias: " + tsv["bias_text"],
    })


def iter_jsonl_articles(path: str | Path, *, limit: int | None = None) -> Iterator[dict]:
    """Stream the records of an ``articles.jsonl.gz`` (or plain ``.jsonl``) file."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for count, line in enumerate(handle):
            if limit is not None and count >= limit:
                return
            if line.strip():
                yield json.loads(line)


def write_corpus_folder(source_dir: str | Path, dest_dir: str | Path, *, link: bool = True) -> Path:
    """Make ``dest_dir`` a loadable corpus from an AllSides subset folder (``text/`` + ``metadata.tsv``).

    Article files are symlinked (or copied with ``link=False``), never modified.
    """
    source_dir, dest_dir = Path(source_dir), Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    catalog = catalog_from_tsv(source_dir / "metadata.tsv")
    for name in catalog["file"]:
        target = dest_dir / name
        if target.exists() or target.is_symlink():
            continue
        if link:
            os.symlink((source_dir / "text" / name).resolve(), target)
        else:
            shutil.copyfile(source_dir / "text" / name, target)
    catalog.to_csv(dest_dir / "metadata.csv", index=False)
    return dest_dir


def write_corpus_folder_from_jsonl(path: str | Path, dest_dir: str | Path, *, limit: int | None = None,
                                   ids: Collection[str] | None = None) -> Path:
    """Make ``dest_dir`` a loadable corpus from an ``articles.jsonl.gz``: one ``<id>.txt`` per record with
    a non-empty text (the first ``limit`` records; only those whose ``id`` is in ``ids`` when given), and a
    ``metadata.csv`` with the record's fields.

    The texts are written out as they are, so :func:`corpus.load_corpus` cleans them exactly as it
    cleans any article; ``dest_dir`` belongs outside the repository (the corpus is not ours to ship).
    """
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    fields = ("id", "source", "title", "date", "authors", "url", "topic", "bias_text")
    records = []
    for record in iter_jsonl_articles(path, limit=limit):
        text = record.get("text") or ""
        if not text.strip() or ids is not None and record["id"] not in ids:
            continue
        (dest_dir / f"{record['id']}.txt").write_text(text, encoding="utf-8")
        records.append({field: str(record.get(field) or "") for field in fields})
        records[-1]["source"] = records[-1]["source"] or "unknown"
    _catalog(pd.DataFrame(records, columns=list(fields))).to_csv(dest_dir / "metadata.csv", index=False)
    return dest_dir
