"""Load a folder of article files and its catalog into one tidy DataFrame.

Nothing here writes to disk: the input folder is read only. Problems with single files or
catalog rows are reported as :class:`CorpusWarning` (one message naming the file or row), recorded in
``df.attrs["warnings"]`` (file, row, problem) and, for what was left out, in ``df.attrs["skipped"]``; problems that make the whole corpus ambiguous
(no articles, a catalog without its required columns, two rows for one file) raise
:class:`CorpusError`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import multiprocessing
import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlparse

import pandas as pd

from corpus.ingest.cleaning import CleaningResult, clean_article, count_words, summarise_removals
from corpus.ingest.dates import parse_date
from corpus.ingest.encodings import BYTE_ORDER_MARKS
from corpus.ingest.sources import (
    CATALOG_NAME,
    SUPPORTED,
    FileReport,
    RawArticle,
    SourceFile,
    file_ending,
    find_sources,
    read_source,
    source_base,
)
from corpus.paths import SEEDS_DIR

__all__ = [
    "ARTICLE_COLUMNS",
    "CATALOG_COLUMNS",
    "CATALOG_NAME",
    "DUPLICATE_COLUMNS",
    "LoadReport",
    "REQUIRED_CATALOG_COLUMNS",
    "CorpusError",
    "CorpusWarning",
    "LoadProblem",
    "Skipped",
    "corpus_source",
    "describe_problem",
    "flag_duplicates",
    "load_corpus",
    "read_catalog",
    "sha256_file",
]

REQUIRED_CATALOG_COLUMNS = ("file", "outlet", "title", "date")
CATALOG_COLUMNS = REQUIRED_CATALOG_COLUMNS + (
    "original_outlet", "date_precision", "authors", "dateline", "url", "notes", "sha256", "date_format",
)
ARTICLE_COLUMNS = (
    "doc_id", "source_file", "source_member", "source_format", "outlet", "original_outlet", "title", "date", "date_precision",
    "authors", "dateline", "section", "url", "text_raw", "text", "n_words", "n_words_raw", "cleaning",
    "removed", "metadata_inferred", "encoding", "sha256", "notes",
)
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


class LoadReport(list):
    """One of a corpus's load reports in ``DataFrame.attrs`` (``skipped``, ``warnings``, ``sources``): a list that
    every frame derived from the articles shares instead of copying.

    pandas deep-copies ``attrs`` into every frame an operation derives from another (``frame[col]``, ``iloc``,
    ``merge`` ...); with one ``sources`` record per file, a 600-file sync spent 66 of its 169 s copying them
    (cProfile, ``copy.deepcopy`` under ``NDFrame.__finalize__``), and the cost grows with the corpus. Read it,
    do not change it in place.
    """

    def __deepcopy__(self, memo: dict) -> "LoadReport":
        return self


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


SINGLE_FORMATS = ("txt", "web-page")
"""Formats with one article per file, whose catalog row (by the file's stem) supplies or overrides metadata."""
BYLINE_PREFIX = re.compile(r"^(?:by|von|par)\s+", re.IGNORECASE)
"""Exports give bylines as printed ("By ALAN RIDING"); the authors column holds the names."""
EXTRACTED_FORMATS = ("web-page",)
"""Formats whose bodies an extractor already cut out of the page (see ``clean_article(extracted=True)``)."""
DUPLICATE_COLUMNS = ("duplicate_of", "copy_of", "copy_outlet", "similarity")


def sha256_file(path: Path) -> str:
    """The sha256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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


def _merged_meta(raw: RawArticle, rows_by_stem: dict[str, dict]) -> tuple[dict, dict | None]:
    """What the source and the catalog say of an article (the catalog first), and its catalog row if any."""
    meta = dict(raw.meta)
    row = rows_by_stem.get(raw.doc_id) if raw.number == 1 and raw.source_format in SINGLE_FORMATS else None
    if row is not None:
        meta.update({k: v for k, v in row.items() if v != "" and k != "file"})
    return meta, row


def _cleaned(raw: RawArticle, meta: dict) -> CleaningResult:
    return clean_article(raw.text_raw, outlet=meta.get("outlet", ""), title=meta.get("title", ""),
                         extracted=raw.source_format in EXTRACTED_FORMATS)


def _article_row(raw: RawArticle, meta: dict, problems: _Problems, date_format: str,
                 cleaned: CleaningResult | None = None) -> dict:
    """One row of the articles table. ``meta`` is what the source and the catalog say (catalog first); a
    ``.txt`` article with neither has its title, outlet and date inferred from its text. ``cleaned`` is
    ``_cleaned(raw, meta)`` when a reading process has cleaned it already."""
    inferred = raw.source_format == "txt" and not meta.get("catalog_row")
    outlet = meta.get("outlet", "")
    text_raw = raw.text_raw
    result = cleaned if cleaned is not None else _cleaned(raw, meta)
    first_line = next((line.strip() for line in text_raw.splitlines() if line.strip()), "")
    title = meta.get("title") or result.headline or first_line[:TITLE_MAX_CHARS]
    url = meta.get("url") or result.url
    where = raw.source_file + (f"/{raw.source_member}" if raw.source_member else "")
    if inferred:
        outlet = outlet_from_url(url) if url else ""
        if outlet:  # per-outlet rules apply once the page's own address names the outlet
            result = clean_article(text_raw, outlet=outlet, title="")
        date, precision, problem = parse_date(result.date, date_format=date_format)
        if problem:
            problems.report(where, f"date {result.date!r} found in the text: {problem}; date left empty (NaT)")
    else:
        if not outlet and url:
            outlet = outlet_from_url(url)
        value, row = meta.get("date", ""), meta.get("catalog_row")
        date, precision, problem = parse_date(value, date_format=meta.get("date_format") or date_format)
        if problem and row is not None:
            problems.report(raw.source_file, f"unparseable date {value!r}: {problem}; date left empty (NaT)", row=row,
                            message=f"{CATALOG_NAME} row {row} ({raw.source_file}): unparseable date {value!r}: "
                                    f"{problem}; date left empty (NaT)")
        elif problem:
            problems.report(where, f"article {raw.number} ({raw.doc_id}): unparseable date {value!r}: {problem}; "
                            "date left empty (NaT)")
        elif not value:
            problems.report(where, f"article {raw.number} ({raw.doc_id}) has no date")
        precision = meta.get("date_precision") or precision
    return {
        "doc_id": raw.doc_id,
        "source_file": raw.source_file,
        "source_member": raw.source_member,
        "source_format": raw.source_format,
        "outlet": outlet or "unknown",
        "original_outlet": meta.get("original_outlet") or result.original_outlet or outlet or "unknown",
        "title": title,
        "date": date,
        "date_precision": precision if not pd.isna(date) else "unknown",
        "authors": BYLINE_PREFIX.sub("", meta.get("authors", "")) or result.authors,
        "dateline": meta.get("dateline") or result.dateline,
        "section": meta.get("section", ""),
        "url": url,
        "text_raw": text_raw,
        "text": result.text,
        "n_words": count_words(result.text),
        "n_words_raw": count_words(text_raw),
        "cleaning": summarise_removals(result.removals),
        "removed": result.removals,
        "metadata_inferred": inferred,
        "encoding": raw.encoding,
        "sha256": raw.sha256,
        "notes": meta.get("notes", ""),
    }


def corpus_source(path: str | Path | None) -> Path:
    """The corpus file or folder to load (the seeds by default), or a :class:`CorpusError` saying what ``path``
    is instead."""
    root = Path(path) if path is not None else SEEDS_DIR
    try:
        root.stat()
    except FileNotFoundError:
        if root.is_symlink():
            raise CorpusError(f"{root}: a symbolic link to {root.readlink()}, which does not exist") from None
        raise CorpusError(f"{root}: no such folder or file") from None
    except OSError as err:  # ELOOP: a link that leads back to itself
        raise CorpusError(f"{root}: cannot be opened ({err.strerror})") from None
    if root.is_file() and file_ending(root.name) not in SUPPORTED:
        advice = dict(find_sources(root)[1]).get(root.name, "")
        raise CorpusError(f"{root}: {advice}; a corpus is a folder, or a file in one of these formats: "
                          f"{', '.join(SUPPORTED)}")
    return root


def load_corpus(path: str | Path | None = None, *, date_format: str = "",
                only: Iterable[str] | None = None, duplicates: bool = True,
                each_batch: Callable[[pd.DataFrame], None] | None = None, batch_files: int = 1000,
                workers: int = 1) -> pd.DataFrame:
    """Load every article of a corpus file or folder (the shipped seeds by default), one row each.

    A folder is searched recursively for the formats of :mod:`corpus.ingest.sources` (``.txt`` articles, Nexis
    Uni / Lexis DOCX and TXT exports, Nexis UK and Factiva HTML exports, saved web pages, JSON Lines, CSV, and
    ``.zip`` archives of them). ``doc_id`` is a single-article file's stem, ``<stem>-<n>`` for the n-th article of
    an export; ``source_file`` (relative to the folder), ``source_member`` (inside a zip) and ``source_format``
    say where each came from. ``df.attrs["sources"]`` reports per file the articles it says it holds against
    those read.

    Metadata of ``.txt`` articles and saved pages comes from the folder's ``metadata.csv`` when it has a row
    for the file's stem (columns: ``file, outlet, title, date`` required; ``original_outlet, date_precision,
    authors, dateline, url, notes, sha256, date_format`` optional), else from the page or the text
    (``metadata_inferred`` then says so). Files and rows that cannot be used are listed in
    ``df.attrs["skipped"]`` as :class:`Skipped` records; every problem reported is in ``df.attrs["warnings"]``.

    Dates are read by :func:`corpus.ingest.dates.parse_date`: ISO or the month written out. Numeric dates in
    another order are refused unless ``date_format`` (or the row's ``date_format`` column) states the order,
    ``DMY``, ``MDY`` or ``YMD``, or gives a ``strptime`` format.

    ``duplicates`` adds ``duplicate_of``, ``copy_of``, ``copy_outlet`` and ``similarity`` (see
    :func:`corpus.ingest.duplicates.find_duplicates`). ``only`` names the source files to read (the store reads
    just the new and changed ones, and flags duplicates over the whole corpus itself); catalog rows for other
    files are then not checked, and an empty selection gives an empty table.

    ``each_batch`` is handed the articles of every ``batch_files`` source files as soon as they are read (sorted
    by ``doc_id`` within the batch), and the table returned then has no rows, only the ``attrs`` of the whole
    load, and no duplicate flags: the store writes each batch out, so that a corpus is never held whole (the
    raw and clean texts of 37,554 AllSides articles take 0.8 GB as Python strings).

    ``workers`` > 1 reads and cleans the files in that many forked processes, ``batch_files`` at a time (the
    store's sync uses its ``n_process``: the cores are otherwise idle until the parse starts); the table is the
    same.
    """
    root = corpus_source(path)
    catalog = read_catalog(root) if root.is_dir() else None
    sources, others = find_sources(root)
    if not sources:
        found = "; ".join(f"{name} ({why})" for name, why in others[:5]) or "it is empty"
        raise CorpusError(f"{root}: no articles (no file in a format this loader reads: {', '.join(SUPPORTED)}); {found}")
    if only is not None:
        wanted = set(only)
        sources = [s for s in sources if s.name in wanted]
        if not sources:
            return _frame([], [], [], [], root)
    rows_by_stem = {} if catalog is None else {Path(r["file"]).stem: r for r in catalog.to_dict("records")}
    if only is not None:  # the rows of the files not read now are not this call's to check
        rows_by_stem = {stem: row for stem, row in rows_by_stem.items() if stem in {s.id_stem for s in sources}}
    catalogued = {r["file"] for r in rows_by_stem.values()}
    # When two files share a stem, the one the catalog names is the article; the other is skipped.
    sources.sort(key=lambda s: (Path(s.name).name not in catalogued, s.name))
    problems = _Problems()
    skipped: list[Skipped] = []
    records: list[dict] = []
    reports: list[FileReport] = []
    inferred: list[str] = []
    seen_ids: dict[str, str] = {}
    used_rows: set[str] = set()
    handed_over = files_in_batch = 0
    for found, file_reports, cleaned in _read_sources(sources, rows_by_stem, workers=workers, window=batch_files):
        if each_batch is not None and files_in_batch == batch_files:
            each_batch(_frame(records, [], [], [], root))
            handed_over += len(records)
            records, files_in_batch = [], 0
        files_in_batch += 1
        reports += file_reports
        for report in file_reports:
            name = report.file + (f"/{report.member}" if report.member else "")
            for i, problem in enumerate(report.problems):
                problem += "; skipped" if report.parsed == 0 and i == 0 else ""
                problems.report(name, problem, message=f"{source_base(root) / name}: {problem}")
            if report.parsed == 0:
                skipped.append(Skipped(name, report.problems[0] if report.problems else "no articles"))
        for k, raw in enumerate(found):
            where = raw.source_file + (f"/{raw.source_member}" if raw.source_member else "")
            if raw.doc_id in seen_ids:
                reason = f"duplicate doc_id {raw.doc_id!r} (already loaded from {seen_ids[raw.doc_id]})"
                problems.report(where, f"{reason}; skipped")
                skipped.append(Skipped(where, reason))
                continue
            seen_ids[raw.doc_id] = where
            meta, row = _merged_meta(raw, rows_by_stem)
            if row is not None:
                used_rows.add(raw.doc_id)
                if row.get("sha256") and row["sha256"] != raw.sha256:
                    problems.report(where, f"content differs from the sha256 in {CATALOG_NAME}",
                                    row=row["catalog_row"], message=f"{where}: content differs from the sha256 in "
                                                                    f"{CATALOG_NAME} row {row['catalog_row']}")
            elif raw.source_format == "txt":
                inferred.append(where)
            records.append(_article_row(raw, meta, problems, date_format, cleaned[k] if cleaned else None))

    for stem, row in rows_by_stem.items():
        if stem not in used_rows and not any(Path(s.file).name == row["file"] for s in skipped):
            reason = f"{CATALOG_NAME} row {row['catalog_row']} names {row['file']}, which is not in the folder"
            problems.report(CATALOG_NAME, f"names {row['file']}, which is not in the folder; row skipped",
                            row=row["catalog_row"], message=f"{root / CATALOG_NAME}: {reason}; row skipped")
            skipped.append(Skipped(row["file"], reason))
    if inferred:
        problems.report(root.name, f"{len(inferred)} file(s) have no {CATALOG_NAME} row; title, outlet and date "
                        f"were inferred from the text: {', '.join(inferred)}",
                        message=f"{root}: {len(inferred)} file(s) have no {CATALOG_NAME} row; title, outlet and "
                                f"date were inferred from the text: {', '.join(inferred)}")
    if each_batch is not None and records:
        each_batch(_frame(records, [], [], [], root))
        handed_over += len(records)
        records = []
    if not records and not handed_over and root.is_file() and len(skipped) == 1:
        raise CorpusError(f"{root}: {skipped[0].reason}")
    if not records and not handed_over:
        raise CorpusError(f"{root}: none of the {len(reports)} file(s) could be loaded: "
                          + "; ".join(f"{s.file}: {s.reason}" for s in skipped))
    frame = _frame(records, skipped, problems, reports, root)
    if duplicates and only is None and each_batch is None:
        frame = flag_duplicates(frame)
    return frame


FILES_PER_READER = 16
"""Fewer files than this per reading process are read in this process (forking would cost more)."""

_catalog_of_reader: dict[str, dict] = {}


def _remember_catalog(rows_by_stem: dict[str, dict]) -> None:
    global _catalog_of_reader
    _catalog_of_reader = rows_by_stem


def _read_and_clean(source: SourceFile) -> tuple[list[RawArticle], list[FileReport], list[CleaningResult]]:
    found, reports = read_source(source)
    return found, reports, [_cleaned(raw, _merged_meta(raw, _catalog_of_reader)[0]) for raw in found]


def _read_sources(sources: list[SourceFile], rows_by_stem: dict[str, dict], *, workers: int,
                  window: int) -> Iterator[tuple[list[RawArticle], list[FileReport], list[CleaningResult] | None]]:
    """Each source's articles and reports, in order, with their cleaning when worker processes did it (the
    next ``window`` files are read while the loader handles the last ones; two windows are held at most)."""
    if workers <= 1 or len(sources) < workers * FILES_PER_READER:
        for source in sources:
            yield *read_source(source), None
        return
    context = multiprocessing.get_context("fork")  # the catalog rows are inherited, not sent
    with context.Pool(workers, initializer=_remember_catalog, initargs=(rows_by_stem,)) as pool:
        windows = [sources[start:start + window] for start in range(0, len(sources), window)]
        pending = pool.map_async(_read_and_clean, windows[0], chunksize=8)
        for number in range(len(windows)):
            done = pending.get()
            if number + 1 < len(windows):
                pending = pool.map_async(_read_and_clean, windows[number + 1], chunksize=8)
            yield from done


def flag_duplicates(articles: pd.DataFrame) -> pd.DataFrame:
    """``articles`` with the columns of :func:`corpus.ingest.duplicates.find_duplicates`; an article whose
    catalog names another ``original_outlet`` and whose original is not in the corpus is a copy of that outlet."""
    from corpus.ingest.duplicates import find_duplicates

    found = find_duplicates(articles[["doc_id", "outlet", "date", "text"]]).set_index("doc_id")
    out = articles.drop(columns=[c for c in DUPLICATE_COLUMNS if c in articles.columns])
    for column in DUPLICATE_COLUMNS:
        out[column] = out["doc_id"].map(found[column]).to_numpy()
    named = (out["copy_outlet"] == "") & (out["original_outlet"] != out["outlet"]) & (out["original_outlet"] != "unknown")
    out.loc[named, "copy_outlet"] = out.loc[named, "original_outlet"]
    out.attrs = dict(articles.attrs)
    return out


def _frame(records: list[dict], skipped: list[Skipped], problems: list[LoadProblem], reports: list[FileReport],
           root: Path) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=list(ARTICLE_COLUMNS))
    frame["date"] = pd.to_datetime(frame["date"])
    frame["n_words"] = frame["n_words"].astype("int64")
    frame = frame.sort_values("doc_id", ignore_index=True)
    frame.attrs["skipped"] = LoadReport(skipped)
    frame.attrs["warnings"] = LoadReport(p._asdict() for p in problems)
    frame.attrs["sources"] = LoadReport(r._asdict() | {"problems": list(r.problems)} for r in reports)
    frame.attrs["source"] = str(root.resolve())
    return frame
