"""Quotation marks: where the direct quotations of a text start and end.

Newswire convention (AP Stylebook, "quotation marks"): a quotation that runs over several
paragraphs has no closing mark at the end of each paragraph but an opening mark at the start of
the next. A paragraph that opens a quotation and never closes it therefore continues into the next
paragraph when that one opens with a quotation mark; otherwise the quotation ends with its paragraph.
Single quotation marks are not used: in British copy they mark scare quotes ('Iran threat') and in
all copy they are apostrophes. Two of them in a row (‘‘ ... ’’), a typewriter habit some copy keeps, are the
double marks they stand for.
"""

from __future__ import annotations

import re
from typing import NamedTuple

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'
_MARKS = re.compile(r'‘‘|’’|[“”"]')
DOUBLED = {"‘‘": OPENING, "’’": CLOSING}


class Quotation(NamedTuple):
    """A direct quotation: ``start`` at its opening mark, ``end`` just after its closing mark."""

    start: int
    end: int


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"\n\s*\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _opens(text: str, index: int) -> bool:
    """Whether a straight mark at ``index`` opens a quotation (preceded by space or start, followed by a non-space)."""
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if before.isspace() or before in "([—–-:":
        return not after.isspace()
    return False


def find_quotations(text: str) -> list[Quotation]:
    """Every direct quotation in ``text``, merged across paragraphs by the newswire convention."""
    pieces: list[tuple[int, int, bool]] = []  # (start, end, left open at paragraph end)
    for para_start, para_end in _paragraphs(text):
        open_at = None
        for match in _MARKS.finditer(text, para_start, para_end):
            mark, index = DOUBLED.get(match.group(), match.group()), match.start()
            if open_at is None:
                if mark == OPENING or (mark == STRAIGHT and _opens(text, index)):
                    open_at = index
            elif mark == CLOSING or mark == STRAIGHT:
                pieces.append((open_at, match.end(), False))
                open_at = None
            elif mark == OPENING:
                # an unmatched opening mark: the earlier one was a typo; restart here
                open_at = index
        if open_at is not None:
            pieces.append((open_at, para_end, True))
    merged: list[Quotation] = []
    continuing = False
    for start, end, left_open in pieces:
        # only into the very next paragraph: one with no quotation between ("... fair. \n\n In Durham, Bossen said
        # ... \n\n “I feel ...”") ends the open one, whose closing mark the copy lost
        next_paragraph = bool(merged) and not text[merged[-1].end:start].strip()
        if continuing and next_paragraph:
            merged[-1] = Quotation(merged[-1].start, end)
        else:
            merged.append(Quotation(start, end))
        continuing = left_open
    return merged


def quoted_share(start: int, end: int, quotations: list[Quotation]) -> float:
    """The share of the characters in ``[start, end)`` that lie inside a quotation."""
    if end <= start:
        return 0.0
    inside = 0
    for q in quotations:
        lo, hi = max(start, q.start), min(end, q.end)
        if lo < hi:
            inside += hi - lo
    return inside / (end - start)
