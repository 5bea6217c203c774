"""JSON Lines and CSV exports: one article per record, with a text column and metadata columns.

Scrapers and news databases name their columns differently; :data:`COLUMN_NAMES` maps each field to the names
it is read from, first match wins (case and spaces ignored): news-please (``maintext``, ``date_publish``,
``source_domain``), Media Cloud (``publish_date``, ``media_name``), the AllSides file (``source``,
``authors``), and the obvious ones. A file without any text column is refused with the columns it has, so the
user can rename one. Readers are pure: ``read_jsonl``/``read_csv(data, name) -> ParsedSource``.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re

import pandas as pd

from corpus.ingest.encodings import decode_text
from corpus.ingest.records import FormatError, ParsedSource, SourceArticle

__all__ = ["COLUMN_NAMES", "read_csv", "read_json", "read_jsonl"]

COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "maintext", "content", "article_text", "articlebody", "full_text", "fulltext",
             "story_text", "article", "body_text"),
    "title": ("title", "headline", "heading", "hd"),
    "outlet": ("outlet", "source", "media_name", "publication", "publisher", "source_domain", "site_name",
               "sitename", "newspaper", "source_name", "medium"),
    "date": ("date", "publish_date", "date_publish", "published", "pub_date", "publication_date",
             "published_at", "datetime", "date_published", "pd"),
    "authors": ("authors", "author", "byline", "by", "creator"),
    "url": ("url", "link", "source_url", "guid", "canonical_url"),
    "section": ("section", "category", "topic"),
    "language": ("language", "lang"),
}
"""Field -> column names it is read from, in order of preference (compared lower-case, spaces as ``_``)."""

def _normalise(column: str) -> str:
    return re.sub(r"[\s-]+", "_", str(column).strip().lower())


def _mapping(columns: list[str]) -> dict[str, str]:
    by_name = {_normalise(c): c for c in columns}
    mapping = {}
    for field, names in COLUMN_NAMES.items():
        found = next((by_name[n] for n in names if n in by_name), None)
        if found is not None:
            mapping[field] = found
    return mapping


def _value(value) -> str:
    """A cell as text: lists (several authors) joined with "; ", missing values empty."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_value(v) for v in value if _value(v))
    if isinstance(value, dict):  # e.g. {"name": ...} author objects
        return _value(value.get("name") or value.get("title") or "")
    if isinstance(value, float) and pd.isna(value):
        return ""
    return str(value).strip()


def _articles(records: list[dict], columns: list[str]) -> ParsedSource:
    mapping = _mapping(columns)
    if "text" not in mapping:
        raise FormatError(
            f"no text column: found {', '.join(map(str, columns)) or 'no columns'}; name the article text column "
            f"one of {', '.join(COLUMN_NAMES['text'])}")
    articles, problems = [], []
    for n, record in enumerate(records, start=1):
        fields = {field: _value(record.get(column)) for field, column in mapping.items()}
        if not fields["text"]:
            problems.append(f"record {n} has an empty {mapping['text']!r}; skipped")
            continue
        articles.append(SourceArticle(**fields))
    return ParsedSource(articles, None, problems)  # a table states no count of its own


def read_jsonl(data: bytes, name: str) -> ParsedSource:
    """JSON Lines, gzip-compressed when ``name`` ends in ``.gz``: one JSON object per line."""
    if name.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as err:
            raise FormatError(f"not a readable gzip file ({err})") from None
    records, columns, problems = [], {}, []
    for number, line in enumerate(decode_text(data).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(f"line {number} is not JSON ({err.msg}); skipped")
            continue
        if not isinstance(record, dict):
            problems.append(f"line {number} is not a JSON object; skipped")
            continue
        records.append(record)
        columns.update(dict.fromkeys(record))
    if not records:
        raise FormatError("no JSON objects in the file" + (f" ({problems[0]})" if problems else ""))
    parsed = _articles(records, list(columns))
    return parsed._replace(problems=problems + list(parsed.problems))


def read_json(data: bytes, name: str) -> ParsedSource:
    """A JSON array of article objects (or an object whose one list value is that array)."""
    try:
        value = json.loads(decode_text(data))
    except json.JSONDecodeError as err:
        raise FormatError(f"not JSON ({err.msg} at line {err.lineno})") from None
    if isinstance(value, dict):
        lists = [v for v in value.values() if isinstance(v, list)]
        value = lists[0] if len(lists) == 1 else [value]
    records = [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []
    if not records:
        raise FormatError("no article objects in the JSON")
    columns = list(dict.fromkeys(k for r in records for k in r))
    return _articles(records, columns)


def read_csv(data: bytes, name: str) -> ParsedSource:
    """CSV (or TSV when ``name`` ends in ``.tsv``) with a header row."""
    text = decode_text(data)
    separator = "\t" if name.lower().endswith(".tsv") else ","
    try:
        frame = pd.read_csv(io.StringIO(text), sep=separator, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as err:
        raise FormatError(f"cannot be read as {'TSV' if separator == chr(9) else 'CSV'}: {err}") from None
    return _articles(frame.to_dict("records"), list(frame.columns))
