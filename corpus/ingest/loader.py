"""Load a folder of article files and its catalog into one tidy DataFrame.

Nothing here writes to disk: the input folder is read only. Problems with single files or
catalog rows are reported as :class:`CorpusWarning` (one message naming the file or row), recorded in
``df.attrs["warnings"]`` (file, row, problem) and, for what was left out, in ``df.attrs["skipped"]``; problems that make the whole corpus ambiguous
(no articles, a catalog without its required columns, two rows for one file) raise
:class:`CorpusError`.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlparse

import pandas as pd

from corpus.ingest.cleaning import clean_article, count_words, summarise_removals
from corpus.ingest.dates import parse_date
from corpus.paths import SEEDS_DIR

__all__ = [
    "ARTICLE_SUFFIX",
    "CATALOG_NAME",
    "corpus_folder",
    "describe_problem",
    "is_article_file",
    "sha256_file",
    "CorpusError",
    "CorpusWarning",
    "LoadProblem",
    "Skipped",
    "ARTICLE_COLUMNS",
    "CATALOG_COLUMNS",
    "REQUIRED_CATALOG_COLUMNS",
    "load_corpus",
    "read_article_bytes",
    "read_catalog",
]

CATALOG_NAME = "metadata.csv"
REQUIRED_CATALOG_COLUMNS = ("file", "outlet", "title", "date")
CATALOG_COLUMNS = REQUIRED_CATALOG_COLUMNS + (
    "original_outlet", "date_precision", "authors", "dateline", "url", "notes", "sha256", "date_format",
)
ARTICLE_COLUMNS = (
    "doc_id", "source_file", "outlet", "original_outlet", "title", "date", "date_precision",
    "authors", "dateline", "url", "text_raw", "text", "n_words", "n_words_raw", "cleaning",
    "removed", "metadata_inferred", "encoding", "sha256", "notes",
)
BINARY_SNIFF_BYTES = 8192
BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
                    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
"""Checked in this order: a UTF-32 little-endian mark begins with the UTF-16 one."""
TITLE_MAX_CHARS = 200


class CorpusError(ValueError):
    """The corpus as a whole cannot be loaded; the message says which file or row and why."""


class LoadProblem(NamedTuple):
    """What a :class:`CorpusWarning` says, as fields: the file, the catalog row (or None) and the problem."""

    file: str
    row: int | None
    problem: str


def describe_problem(problem: dict) -> str:
    """One line for a problem as ``attrs["warnings"]`` and the manifests keep it: "file row N: problem"."""
    row = f" row {problem['row']}" if problem.get("row") is not None else ""
    return f"{problem['file']}{row}: {problem['problem']}"


class CorpusWarning(UserWarning):
    """One file or catalog row was skipped, repaired or guessed; the message names it, ``.problem`` holds the
    same as a :class:`LoadProblem`."""

    def __init__(self, message: str, problem: LoadProblem | None = None):
        super().__init__(message)
        self.problem = problem or LoadProblem("", None, message)


class Skipped(NamedTuple):
    """A file or catalog row left out of the corpus, and why."""

    file: str
    reason: str


class _Problems(list):
    """The problems of one load, each also issued as a :class:`CorpusWarning`."""

    def report(self, file: str | Path, problem: str, *, row: int | None = None, message: str | None = None) -> None:
        record = LoadProblem(str(file), row, problem)
        self.append(record)
        warnings.warn(CorpusWarning(message or f"{file}: {problem}", record), stacklevel=3)


ARTICLE_SUFFIX = ".txt"


def is_article_file(path: Path) -> bool:
    """Whether the loader reads ``path`` as an article: a file named ``*.txt`` in any case (``.TXT`` too)."""
    return path.is_file() and path.suffix.lower() == ARTICLE_SUFFIX


def sha256_file(path: Path) -> str:
    """The sha256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_article_bytes(data: bytes, name: str) -> tuple[str | None, str, str]:
    """Decode an article file: ``(text or None, encoding, problem)``.

    A byte-order mark is obeyed (UTF-8, UTF-16 and UTF-32, as Windows tools save "Unicode text"). Empty and
    binary files give ``None`` and the problem; text that is not UTF-8 is decoded as cp1252 (the usual
    culprit in scraped English news), else latin-1, and says so.
    """
    for bom, encoding in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as err:
                return None, "", f"starts with a {encoding.upper()} byte-order mark but is not {encoding.upper()} ({err.reason})"
            return (text, encoding, "") if text.strip() else (None, "", "empty file")
    if not data.strip():
        return None, "", "empty file"
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        return None, "", "binary file (contains NUL bytes), not text"
    try:
        return data.decode("utf-8-sig"), "utf-8", ""
    except UnicodeDecodeError as err:
        where = f"byte {err.start}"
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, encoding, f"not valid UTF-8 (first bad {where}); decoded as {encoding}"
    raise AssertionError("latin-1 decodes every byte string")


def read_catalog(folder: Path) -> pd.DataFrame | None:
    path = folder / CATALOG_NAME
    if not path.exists():
        return None
    data = path.read_bytes()
    encoding = next((name for bom, name in BYTE_ORDER_MARKS if data.startswith(bom)), "utf-8")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise CorpusError(f"{path}: not {encoding.upper()} text ({err.reason} at byte {err.start})") from None
    try:
        catalog = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as err:
        raise CorpusError(f"{path}: cannot be read as CSV: {err}") from None
    catalog.columns = [c.strip() for c in catalog.columns]
    missing = [c for c in REQUIRED_CATALOG_COLUMNS if c not in catalog.columns]
    if missing:
        raise CorpusError(
            f"{path}: missing required column(s) {', '.join(missing)}; "
            f"a catalog needs {', '.join(REQUIRED_CATALOG_COLUMNS)} (found: {', '.join(catalog.columns)})"
        )
    for column in CATALOG_COLUMNS:
        if column not in catalog.columns:
            catalog[column] = ""
    catalog = catalog.apply(lambda col: col.str.strip())
    catalog["catalog_row"] = catalog.index + 2  # the line number a spreadsheet shows
    stems = catalog["file"].map(lambda f: Path(f).stem)
    dupes = catalog[stems.duplicated(keep=False)]
    if not dupes.empty:
        listing = ", ".join(f"row {r} ({f})" for r, f in zip(dupes["catalog_row"], dupes["file"]))
        raise CorpusError(f"{path}: duplicate article ids in rows {listing}; each file needs one row")
    return catalog


_DOMAIN_OUTLETS = {
    "ft.com": "Financial Times", "nytimes.com": "The New York Times", "rt.com": "RT",
    "cbn.com": "CBN News", "independent.co.uk": "The Independent",
    "washingtonpost.com": "The Washington Post", "theguardian.com": "The Guardian",
    "reuters.com": "Reuters", "apnews.com": "Associated Press", "cnn.com": "CNN",
    "foxnews.com": "Fox News", "bbc.co.uk": "BBC News", "bbc.com": "BBC News",
    "aljazeera.com": "Al Jazeera", "wsj.com": "The Wall Street Journal",
}


def outlet_from_url(url: str) -> str:
    """An outlet name for a page address: a known domain's name, else the bare domain."""
    host = urlparse(url).netloc.lower().removeprefix("www.")
    host = re.sub(r"^www\d*\.", "", host)
    for domain, outlet in _DOMAIN_OUTLETS.items():
        if host == domain or host.endswith("." + domain):
            return outlet
    return host


def _article_row(path: Path, text_raw: str, meta: dict, encoding: str, digest: str, problems: _Problems,
                 date_format: str) -> dict:
    inferred = not meta
    outlet = meta.get("outlet", "")
    result = clean_article(text_raw, outlet=outlet, title=meta.get("title", ""))
    first_line = next((line.strip() for line in text_raw.splitlines() if line.strip()), "")
    title = meta.get("title") or result.headline or first_line[:TITLE_MAX_CHARS]
    url = meta.get("url") or result.url
    if inferred:
        outlet = outlet_from_url(url) if url else ""
        if outlet:  # per-outlet rules apply once the page's own address names the outlet
            result = clean_article(text_raw, outlet=outlet, title="")
        date, precision, problem = parse_date(result.date, date_format=date_format)
        if problem:
            problems.report(path, f"date {result.date!r} found in the text: {problem}; date left empty (NaT)")
    else:
        value, row = meta.get("date", ""), meta["catalog_row"]
        date, precision, problem = parse_date(value, date_format=meta.get("date_format") or date_format)
        if problem:
            problems.report(path.name, f"unparseable date {value!r}: {problem}; date left empty (NaT)", row=row,
                            message=f"{CATALOG_NAME} row {row} ({path.name}): unparseable date {value!r}: {problem}; "
                                    "date left empty (NaT)")
        precision = meta.get("date_precision") or precision
    return {
        "doc_id": path.stem,
        "source_file": path.name,
        "outlet": outlet or "unknown",
        "original_outlet": meta.get("original_outlet") or result.original_outlet or outlet or "unknown",
        "title": title,
        "date": date,
        "date_precision": precision if not pd.isna(date) else "unknown",
        "authors": meta.get("authors") or result.authors,
        "dateline": meta.get("dateline") or result.dateline,
        "url": url,
        "text_raw": text_raw,
        "text": result.text,
        "n_words": count_words(result.text),
        "n_words_raw": count_words(text_raw),
        "cleaning": summarise_removals(result.removals),
        "removed": result.removals,
        "metadata_inferred": inferred,
        "encoding": encoding,
        "sha256": digest,
        "notes": meta.get("notes", ""),
    }


def corpus_folder(path: str | Path | None) -> Path:
    """The folder to load, or a :class:`CorpusError` that says what ``path`` is instead."""
    folder = Path(path) if path is not None else SEEDS_DIR
    try:
        folder.stat()
    except FileNotFoundError:
        if folder.is_symlink():
            raise CorpusError(f"{folder}: a symbolic link to {folder.readlink()}, which does not exist") from None
        raise CorpusError(f"{folder}: no such folder") from None
    except OSError as err:  # ELOOP: a link that leads back to itself
        raise CorpusError(f"{folder}: cannot be opened ({err.strerror})") from None
    if not folder.is_dir():
        raise CorpusError(f"{folder}: a file, not a folder; a corpus is a folder of {ARTICLE_SUFFIX} articles "
                          f"with an optional {CATALOG_NAME}")
    return folder


def load_corpus(path: str | Path | None = None, *, date_format: str = "",
                only: Iterable[str] | None = None) -> pd.DataFrame:
    """Load every ``.txt`` article of a folder (the shipped seeds by default), one row each.

    Metadata comes from the folder's ``metadata.csv`` when it has a row for the file
    (columns: ``file, outlet, title, date`` required; ``original_outlet, date_precision,
    authors, dateline, url, notes, sha256, date_format`` optional). A file without a row still loads, with
    title, outlet and date inferred from its text and ``metadata_inferred`` set. Files and rows
    that cannot be used are listed in ``df.attrs["skipped"]`` as :class:`Skipped` records; every problem
    reported is in ``df.attrs["warnings"]`` as a dict of file, row and problem.

    Dates are read by :func:`corpus.ingest.dates.parse_date`: ISO or the month written out. Numeric dates in
    another order are refused unless ``date_format`` (or the row's ``date_format`` column) states the order,
    ``DMY``, ``MDY`` or ``YMD``, or gives a ``strptime`` format.

    ``only`` names the files to read (the store reads just the new and changed ones); catalog rows for other
    files are then not checked, and an empty selection gives an empty table.
    """
    folder = corpus_folder(path)
    catalog = read_catalog(folder)
    files = sorted(p for p in folder.iterdir() if is_article_file(p))
    if not files:
        raise CorpusError(f"{folder}: no articles (no .txt files) in this folder")
    if only is not None:
        wanted = set(only)
        files = [p for p in files if p.name in wanted]
        if catalog is not None:
            catalog = catalog[catalog["file"].map(lambda f: Path(f).stem).isin({p.stem for p in files})]
        if not files:
            return _frame([], [], [], folder)

    rows_by_stem = {} if catalog is None else {
        Path(r["file"]).stem: r for r in catalog.to_dict("records")
    }
    # When two files share a stem, the one the catalog names is the article; the other is skipped.
    catalogued = {r["file"] for r in rows_by_stem.values()}
    files.sort(key=lambda p: (p.name not in catalogued, p.name))
    problems = _Problems()
    skipped: list[Skipped] = []
    records: list[dict] = []
    inferred: list[str] = []
    seen_ids: dict[str, str] = {}
    for file in files:
        if file.stem in seen_ids:
            reason = f"duplicate doc_id {file.stem!r} (already loaded from {seen_ids[file.stem]})"
            problems.report(file.name, f"{reason}; skipped", message=f"{file}: {reason}; skipped")
            skipped.append(Skipped(file.name, reason))
            continue
        data = file.read_bytes()
        text_raw, encoding, problem = read_article_bytes(data, file.name)
        if text_raw is None:
            problems.report(file.name, f"{problem}; skipped", message=f"{file}: {problem}; skipped")
            skipped.append(Skipped(file.name, problem))
            continue
        if problem:
            problems.report(file.name, problem, message=f"{file}: {problem}")
        seen_ids[file.stem] = file.name
        digest = hashlib.sha256(data).hexdigest()
        meta = rows_by_stem.get(file.stem, {})
        if meta.get("sha256") and meta["sha256"] != digest:
            problems.report(file.name, f"content differs from the sha256 in {CATALOG_NAME}", row=meta["catalog_row"],
                            message=f"{file}: content differs from the sha256 in {CATALOG_NAME} row {meta['catalog_row']}")
        if not meta:
            inferred.append(file.name)
        records.append(_article_row(file, text_raw, meta, encoding, digest, problems, date_format))

    for stem, row in rows_by_stem.items():
        if stem not in seen_ids and not any(s.file == row["file"] for s in skipped):
            reason = f"{CATALOG_NAME} row {row['catalog_row']} names {row['file']}, which is not in the folder"
            problems.report(CATALOG_NAME, f"names {row['file']}, which is not in the folder; row skipped",
                            row=row["catalog_row"], message=f"{folder / CATALOG_NAME}: {reason}; row skipped")
            skipped.append(Skipped(row["file"], reason))
    if inferred:
        problems.report(folder.name, f"{len(inferred)} file(s) have no {CATALOG_NAME} row; title, outlet and date "
                        f"were inferred from the text: {', '.join(inferred)}",
                        message=f"{folder}: {len(inferred)} file(s) have no {CATALOG_NAME} row; title, outlet and "
                                f"date were inferred from the text: {', '.join(inferred)}")
    if not records:
        raise CorpusError(f"{folder}: none of the {len(files)} .txt file(s) could be loaded: "
                          + "; ".join(f"{s.file}: {s.reason}" for s in skipped))

    return _frame(records, skipped, problems, folder)


def _frame(records: list[dict], skipped: list[Skipped], problems: list[LoadProblem], folder: Path) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=list(ARTICLE_COLUMNS))
    frame["date"] = pd.to_datetime(frame["date"])
    frame["n_words"] = frame["n_words"].astype("int64")
    frame = frame.sort_values("doc_id", ignore_index=True)
    frame.attrs["skipped"] = skipped
    frame.attrs["warnings"] = [p._asdict() for p in problems]
    frame.attrs["source"] = str(folder.resolve())
    return frame
