"""Cache keys and entries for parsed articles, in one place.

A key is the sha256 of the clean text joined with a *pipeline tag* (model name and version, the project's
:data:`PIPELINE_VERSION`, a digest of the domain patterns and the entry format), so a
changed text or pipeline never meets an old entry. Entries are written atomically (a temporary file, then a
rename), so a crash never leaves half an entry, and each is *sealed*: a header line records its key, length
and sha256, checked on every read. An entry that fails the check (truncated, emptied, bit-flipped, or copied
over another text's entry) is reported by name with a :class:`CacheWarning`, deleted, and rebuilt by the
caller; it is never read silently. The table layer (:mod:`corpus.tables.rows`) extends the tag with its
extractors' digest and keeps its own entries beside these.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import warnings
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from corpus.paths import cache_dir as default_cache_dir
from corpus.resources import data_text

if TYPE_CHECKING:  # a key is computed without loading spaCy (a notebook checks its store is current)
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = ["PIPELINE_VERSION", "patterns_digest", "CACHE_FORMAT", "CacheWarning", "model_tag", "installed_model_tag",
           "pipeline_tag", "cache_key", "annotation_cache_dir", "entry_path", "write_atomic", "seal", "unseal",
           "read_doc", "write_doc"]

PIPELINE_VERSION = "4"
"""Bump when the patterns or the pipeline (:mod:`corpus.nlp.pipeline`) change, so cached annotations are rebuilt."""

CACHE_FORMAT = "sealed-1"
"""Part of every pipeline tag: entries written before entries carried a seal are never read."""

SEAL_PREFIX = b"corpus-cache "


@lru_cache(maxsize=1)
def patterns_digest() -> str:
    """A short digest of the pattern and abbreviation files, part of every cache key (read once per process)."""
    text = data_text("entity_patterns.jsonl") + data_text("title_abbreviations.txt")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


class CacheWarning(UserWarning):
    """A cache entry that failed its check was discarded (and is rebuilt)."""


def seal(key: str, payload: bytes) -> bytes:
    """``payload`` behind a one-line header naming its key, length and sha256, so a read can check all three."""
    header = f"{key} {len(payload)} {hashlib.sha256(payload).hexdigest()}\n".encode("ascii")
    return SEAL_PREFIX + header + payload


def unseal(path: Path, key: str) -> bytes | None:
    """The payload stored at ``path`` for ``key``; None, with a :class:`CacheWarning` naming the file and the
    entry deleted, when it is missing its header, truncated, altered, or another key's entry."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    problem = _seal_problem(data, key)
    if problem is None:
        return data[data.index(b"\n") + 1:]
    warnings.warn(f"cache entry {path}: {problem}; discarded, it will be rebuilt", CacheWarning, stacklevel=2)
    path.unlink(missing_ok=True)
    return None


def _seal_problem(data: bytes, key: str) -> str | None:
    end = data.find(b"\n")
    if not data.startswith(SEAL_PREFIX) or end < 0:
        return "no header (not an entry of this cache, or cut short)"
    try:
        stored_key, length, digest = data[len(SEAL_PREFIX):end].decode("ascii").split(" ")
        length = int(length)
    except (UnicodeDecodeError, ValueError):
        return "damaged header"
    if stored_key != key:
        return f"holds the entry of another text (key {stored_key[:12]}...)"
    payload = data[end + 1:]
    if len(payload) != length:
        return f"truncated or extended ({len(payload)} bytes, {length} written)"
    if hashlib.sha256(payload).hexdigest() != digest:
        return "content altered (sha256 differs from the one written)"
    return None


def model_tag(nlp: Language) -> str:
    """The model's package-style name and version, e.g. ``en_core_web_sm-3.8.0``."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '0')}"


def installed_model_tag(name: str) -> str:
    """:func:`model_tag` of an installed model package, read from its ``meta.json`` without loading it."""
    import importlib.util
    import json

    spec = importlib.util.find_spec(name)  # found, not imported: importing a model package imports spaCy
    if spec is None or not spec.submodule_search_locations:
        raise OSError(f"no model package {name} is installed")
    package = Path(next(iter(spec.submodule_search_locations)))
    metas = sorted(package.glob("meta.json")) + sorted(package.glob("*/meta.json"))
    if not metas:
        raise OSError(f"model package {name} has no meta.json")
    meta = json.loads(metas[0].read_text(encoding="utf-8"))
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '0')}"


def pipeline_tag(nlp: Language) -> str:
    """Model tag, project pipeline version and pattern digest: the text-independent part of a key."""
    return "\x1f".join([model_tag(nlp), PIPELINE_VERSION, patterns_digest(), CACHE_FORMAT])


def cache_key(text: str, tag: str) -> str:
    """The key of one clean text under one tag (from :func:`pipeline_tag`, possibly extended)."""
    return hashlib.sha256(f"{hashlib.sha256(text.encode('utf-8')).hexdigest()}\x1f{tag}".encode("utf-8")).hexdigest()


def annotation_cache_dir(cache_dir: str | Path | None = None) -> Path:
    """The folder of parsed documents: ``cache_dir`` if given, else ``<project cache>/annotations``."""
    return Path(cache_dir) if cache_dir else default_cache_dir() / "annotations"


def entry_path(folder: Path, key: str, suffix: str = ".spacy") -> Path:
    """Where the entry of ``key`` lives: two-character fan-out folders keep directories small."""
    return folder / key[:2] / f"{key}{suffix}"


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so a crash never leaves a half-written cache entry."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)


def read_doc(path: Path, key: str, vocab: Vocab) -> Doc | None:
    """The parsed document stored at ``path`` for ``key``, or None when there is none or it fails its check."""
    payload = unseal(path, key)
    if payload is None:
        return None
    try:
        from spacy.tokens import DocBin

        return next(iter(DocBin().from_bytes(payload).get_docs(vocab)))
    except Exception as err:  # a sealed entry that spaCy cannot read was written by another spaCy: rebuild it
        warnings.warn(f"cache entry {path}: unreadable ({type(err).__name__}); discarded, it will be rebuilt",
                      CacheWarning, stacklevel=2)
        path.unlink(missing_ok=True)
        return None


def write_doc(path: Path, key: str, doc: Doc) -> None:
    """Store a parsed document (without user data) at ``path``, sealed for ``key``."""
    from spacy.tokens import DocBin

    entry = DocBin(store_user_data=False)
    entry.add(doc)
    write_atomic(path, seal(key, entry.to_bytes()))
