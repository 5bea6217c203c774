"""What every format reader returns: the articles one input file holds, as the file gives them.

A reader is a pure function ``read_<format>(data: bytes, name: str) -> ParsedSource``: it takes the file's bytes
(so members of a ``.zip`` read the same way as files on disk) and the file's name (for messages only), and it
never writes anything. Fields are text as found in the file, stripped; the loader parses dates, cleans bodies,
assigns ``doc_id`` and checks the count. A file the reader cannot read at all (a corrupt DOCX, binary bytes)
raises :class:`FormatError` with a message that says what is wrong, without the file name (the loader adds it);
a readable file without articles (an empty export, a page with no article text) returns ``ParsedSource([],
stated_count, [why])``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

__all__ = ["FormatError", "ParsedSource", "SourceArticle"]


class FormatError(ValueError):
    """An input file that cannot be read as the format it was taken for; the message says why."""


class SourceArticle(NamedTuple):
    """One article as an export, page or row gives it. Empty strings for what the source does not say."""

    text: str
    """The body: paragraphs separated by a blank line, no headline or metadata block."""
    title: str = ""
    outlet: str = ""
    date: str = ""
    """The publication date as written in the source ("January 3, 1993 Sunday", "3 Januar 1993", ISO ...)."""
    authors: str = ""
    """Bylines joined with "; "."""
    section: str = ""
    url: str = ""
    dateline: str = ""
    language: str = ""
    length: str = ""
    """The word count the export states ("1234 words"), kept as found."""


class ParsedSource(NamedTuple):
    """The articles of one file, how many the file itself says it holds (``None`` when it does not say), and
    problems that did not stop the read (each one sentence, without the file name)."""

    articles: list[SourceArticle]
    stated_count: int | None = None
    problems: Sequence[str] = ()
