"""Which files of a corpus path hold articles, in which format, and the articles each one holds.

A corpus path is a file or a folder searched recursively (hidden files and folders skipped). Formats are told by
the name's ending and, where one ending serves several formats, by the file's first bytes:

============  ==========================================================================================
format        files
============  ==========================================================================================
txt           ``.txt``: one article per file, metadata from the folder's ``metadata.csv`` or the text
lexis-txt     ``.txt`` that begins like an old LexisNexis export ("1 of 10 DOCUMENTS")
lexis-docx    ``.docx``: Nexis Uni / Lexis exports, many articles per file
nexis-html    ``.html``/``.htm`` that is a Nexis UK export
factiva-html  ``.html``/``.htm`` that is a Factiva export
web-page      any other ``.html``/``.htm``: one saved article page (trafilatura)
jsonl         ``.jsonl``, ``.ndjson`` (also gzip-compressed, ``.gz``); ``.json`` holding an array
csv           ``.csv``, ``.tsv`` other than the catalog ``metadata.csv``
zip           ``.zip``: any of these inside
============  ==========================================================================================

:func:`read_source` returns one :class:`SourceArticle` list per file with the file's :class:`FileReport`; the
loader turns them into rows. Readers get bytes, so members of a zip are read like files; nothing is written.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from corpus.ingest.encodings import decode_text, read_article_bytes
from corpus.ingest.records import FormatError, ParsedSource, SourceArticle

__all__ = [
    "CATALOG_NAME",
    "SUPPORTED",
    "FileReport",
    "RawArticle",
    "SourceFile",
    "file_ending",
    "find_sources",
    "read_source",
    "sniff_format",
    "source_base",
    "unique_stems",
]

CATALOG_NAME = "metadata.csv"
SUPPORTED = (".txt", ".docx", ".html", ".htm", ".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".json", ".csv",
             ".tsv", ".zip")
"""Endings read as articles (compared lower-case)."""
UNSUPPORTED_ADVICE = {
    ".rtf": "RTF exports are not read: export DOCX from Nexis Uni instead",
    ".pdf": "PDF is not read: export DOCX (Nexis Uni) or HTML (Factiva) instead",
    ".doc": "old Word .doc is not read: save it as .docx",
    ".xml": "XML is not read: export JSON Lines or CSV",
}
SNIFF_CHARS = 65536
MAX_ZIP_DEPTH = 2


class SourceFile(NamedTuple):
    """An input file on disk: its path, its name relative to the corpus base (what ``source_file`` says), and
    the stem its articles' ``doc_id`` starts with (see :func:`find_sources`)."""

    path: Path
    name: str
    id_stem: str


class RawArticle(NamedTuple):
    """One article as read from a source, before cleaning: where it came from and what the source says."""

    doc_id: str
    source_file: str
    source_member: str
    """The path inside a ``.zip`` ("" for a file on disk)."""
    source_format: str
    number: int
    """1-based position in its file (1 for single-article files)."""
    text_raw: str
    meta: dict
    encoding: str
    sha256: str


class FileReport(NamedTuple):
    """What one file held: its format, the articles the file says it holds (None when it does not say), those
    read, and the problems; when none was read, the first problem says why."""

    file: str
    member: str
    """The path inside a ``.zip`` ("" for a file on disk)."""
    format: str
    stated: int | None
    parsed: int
    problems: tuple[str, ...]


def source_base(root: Path) -> Path:
    """The folder ``source_file`` names are relative to: the corpus folder, or the folder of a corpus file."""
    return root if root.is_dir() else root.parent


def file_ending(name: str) -> str:
    """The ending a file is told by, lower-case: the longest of :data:`SUPPORTED` it has, else its suffix."""
    lower = name.lower()
    for ending in sorted(SUPPORTED, key=len, reverse=True):
        if lower.endswith(ending):
            return ending
    return PurePosixPath(lower).suffix


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith((".", "~$", "__MACOSX")) for part in relative.parts)


def find_sources(root: Path) -> tuple[list[SourceFile], list[tuple[str, str]]]:
    """The readable input files under ``root`` (sorted by name) and the others as (name, why not read).

    The catalog ``metadata.csv`` of the top folder is not a source; hidden files (``.DS_Store``, ``~$`` Word lock
    files) are not mentioned."""
    base = source_base(root)
    candidates = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    sources, others = [], []
    for path in candidates:
        relative = path.relative_to(base)
        if _is_hidden(relative) or (root.is_dir() and relative.as_posix() == CATALOG_NAME):
            continue
        suffix = file_ending(path.name)
        if suffix in SUPPORTED:
            sources.append(SourceFile(path, relative.as_posix(), _stem(path.name)))
        else:
            others.append((relative.as_posix(), UNSUPPORTED_ADVICE.get(suffix, f"{suffix or 'no ending'}: not an "
                                                                                "article format this loader reads")))
    return _unique_stems(sources), others


def _unique_stems(sources: list[SourceFile]) -> list[SourceFile]:
    stems = unique_stems([s.name for s in sources])
    return [s._replace(id_stem=stems[s.name]) for s in sources]


def unique_stems(names: list[str]) -> dict[str, str]:
    """The stem each file's ``doc_id`` starts with. Files that share a stem (``sample.DOCX`` and ``sample.TXT``,
    ``a/nyt.docx`` and ``b/nyt.docx``) get stems qualified by their ending (``sample_docx``) and, if still shared,
    their folders (``a_nyt_docx``); a ``.txt`` file keeps its stem, which its catalog row names."""
    stems = {name: _stem(name) for name in names}
    shared = Counter(stems.values())
    for name in names:
        if shared[stems[name]] > 1 and file_ending(name) != ".txt":
            stems[name] = f"{stems[name]}_{file_ending(name)[1:].replace('.', '_')}"
    still = Counter(stems.values())
    for name in names:
        if still[stems[name]] > 1 and file_ending(name) != ".txt":
            stems[name] = "_".join([*PurePosixPath(name).parent.parts, stems[name]])
    return stems


def sniff_format(name: str, data: bytes) -> str:
    """The format of a file from its name and first bytes (see the module docstring)."""
    suffix = file_ending(name)
    if suffix == ".txt":
        from corpus.ingest.lexis import looks_like_lexis_txt

        return "lexis-txt" if looks_like_lexis_txt(decode_text(data[:SNIFF_CHARS])) else "txt"
    if suffix in (".html", ".htm"):
        from corpus.ingest.html_exports import (
            looks_like_factiva_html,
            looks_like_nexis_html,
        )

        head = decode_text(data[:SNIFF_CHARS])
        if looks_like_nexis_html(head):
            return "nexis-html"
        if looks_like_factiva_html(head):
            return "factiva-html"
        return "web-page"
    return {".docx": "lexis-docx", ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl",
            ".ndjson.gz": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "csv", ".zip": "zip"}[suffix]


def _reader(source_format: str):
    if source_format == "lexis-docx":
        from corpus.ingest.lexis import read_lexis_docx as reader
    elif source_format == "lexis-txt":
        from corpus.ingest.lexis import read_lexis_txt as reader
    elif source_format == "nexis-html":
        from corpus.ingest.html_exports import read_nexis_html as reader
    elif source_format == "factiva-html":
        from corpus.ingest.html_exports import read_factiva_html as reader
    elif source_format == "web-page":
        from corpus.ingest.webpages import read_web_page as reader
    elif source_format == "jsonl":
        from corpus.ingest.tabular import read_jsonl as reader
    elif source_format == "json":
        from corpus.ingest.tabular import read_json as reader
    elif source_format == "csv":
        from corpus.ingest.tabular import read_csv as reader
    else:
        raise ValueError(f"no reader for {source_format!r}")
    return reader


def _stem(name: str) -> str:
    stem = PurePosixPath(name).name
    suffix = file_ending(stem)
    return stem[: -len(suffix)] if suffix and stem.lower().endswith(suffix) else PurePosixPath(stem).stem


def _members(data: bytes, depth: int) -> Iterator[tuple[str, bytes]]:
    """The readable members of a zip archive, nested archives opened up to :data:`MAX_ZIP_DEPTH` deep."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = [info for info in archive.infolist() if not info.is_dir()]
        for info in sorted(names, key=lambda i: i.filename):
            if _is_hidden(Path(info.filename)) or file_ending(info.filename) not in SUPPORTED:
                continue
            member = archive.read(info)
            if file_ending(info.filename) == ".zip":
                if depth >= MAX_ZIP_DEPTH:
                    continue
                for inner, inner_data in _members(member, depth + 1):
                    yield f"{info.filename}/{inner}", inner_data
            else:
                yield info.filename, member
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, NotImplementedError) as err:
        raise FormatError(f"not a readable zip archive ({type(err).__name__}: {err})") from None


def read_source(source: SourceFile) -> tuple[list[RawArticle], list[FileReport]]:
    """The articles of one input file (every member of a zip) and a report per file read.

    A ``.txt`` article gets its stem as ``doc_id`` and no metadata (the loader applies the catalog); the n-th
    article of a many-article file gets ``<stem>-<n>``; a saved page gets its stem. Problems never raise: a file
    that cannot be read is reported with no articles."""
    data = source.path.read_bytes()
    if file_ending(source.name) == ".zip":
        try:
            members = list(_members(data, 1))
        except FormatError as err:
            return [], [FileReport(source.name, "", "zip", None, 0, (str(err),))]
        if not members:
            return [], [FileReport(source.name, "", "zip", None, 0, ("the archive holds no file this loader reads",))]
        articles, reports = [], []
        stems = unique_stems([member for member, _ in members])
        for member, member_data in members:
            found, report = _read_one(source.name, member, member_data, stems[member])
            articles += found
            reports.append(report)
        return articles, reports
    found, report = _read_one(source.name, "", data, source.id_stem)
    return found, [report]


def _read_one(file: str, member: str, data: bytes, stem: str) -> tuple[list[RawArticle], FileReport]:
    name = f"{file}/{member}" if member else file

    def report(*args) -> FileReport:
        return FileReport(file, member, *args)

    source_format = sniff_format(member or file, data)
    if source_format == "txt":
        text, encoding, problem = read_article_bytes(data, name)
        if text is None:
            return [], report(source_format, 1, 0, (problem,))
        raw = RawArticle(stem, file, member, source_format, 1, text, {}, encoding, hashlib.sha256(data).hexdigest())
        return [raw], report(source_format, 1, 1, (problem,) if problem else ())
    try:
        parsed: ParsedSource = _reader(source_format)(data, name)
    except FormatError as err:
        return [], report(source_format, None, 0, (str(err),))
    problems = list(parsed.problems)
    single = source_format == "web-page"
    articles = [_raw(article, stem if single else f"{stem}-{n}", file, member, source_format, n)
                for n, article in enumerate(parsed.articles, start=1)]
    if not articles:
        reason = problems.pop(0) if problems else ""
        problems.insert(0, reason if reason.startswith("holds no articles") else
                        "holds no articles" + (f" ({reason})" if reason else ""))
    elif parsed.stated_count is not None and parsed.stated_count != len(articles):
        problems.append(f"the file says it holds {parsed.stated_count} articles, {len(articles)} were read")
    return articles, report(source_format, parsed.stated_count, len(articles), tuple(problems))


def _raw(article: SourceArticle, doc_id: str, file: str, member: str, source_format: str, number: int) -> RawArticle:
    meta = {k: v for k, v in article._asdict().items() if k != "text" and v}
    digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    return RawArticle(doc_id, file, member, source_format, number, article.text, meta, "utf-8", digest)
