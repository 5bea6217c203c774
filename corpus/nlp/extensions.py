"""The one place where the project registers its spaCy ``Doc`` extensions."""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS = ("doc_id", "outlet")


def register_extensions() -> None:
    """Register ``doc._.doc_id`` and ``doc._.outlet`` (idempotent)."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
