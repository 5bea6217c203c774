"""Cache keys and entries for parsed articles, in one place.

A key is the sha256 of the clean text joined with a *pipeline tag* (model name and version, the project's
:data:`~corpus.nlp.pipeline.PIPELINE_VERSION` and a digest of the domain patterns), so a changed text or
pipeline never meets an old entry. Entries are written atomically (a temporary file, then a rename), so a
crash never leaves half an entry. The table layer (:mod:`corpus.tables.rows`) extends the tag with its
extractors' digest and keeps its own entries beside these.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from corpus.nlp.pipeline import PIPELINE_VERSION, patterns_digest
from corpus.paths import cache_dir as default_cache_dir

__all__ = ["model_tag", "pipeline_tag", "cache_key", "annotation_cache_dir", "entry_path", "write_atomic",
           "read_doc", "write_doc"]


def model_tag(nlp: Language) -> str:
    """The model's package-style name and version, e.g. ``en_core_web_sm-3.8.0``."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '0')}"


def pipeline_tag(nlp: Language) -> str:
    """Model tag, project pipeline version and pattern digest: the text-independent part of a key."""
    return "\x1f".join([model_tag(nlp), PIPELINE_VERSION, patterns_digest()])


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


def read_doc(path: Path, vocab: Vocab) -> Doc:
    """The parsed document stored at ``path``."""
    return next(iter(DocBin().from_bytes(path.read_bytes()).get_docs(vocab)))


def write_doc(path: Path, doc: Doc) -> None:
    """Store a parsed document (without user data) at ``path``."""
    entry = DocBin(store_user_data=False)
    entry.add(doc)
    write_atomic(path, entry.to_bytes())
