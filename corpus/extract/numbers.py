"""Numbers written in news copy: "14,000", "5.2 million", "five thousand", "a dozen", "hundreds"."""

from __future__ import annotations

import re
from typing import NamedTuple

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "dozen": 12,
    "half": 0.5,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "dozen": 12}
VAGUE = frozenset({"dozens", "hundreds", "thousands", "millions", "scores", "tens"})
# vague only before a scale word: "several hundred", "a few thousand" (but "several fighters" is no amount)
VAGUE_MODIFIERS = frozenset({"several", "few", "many", "numerous"})
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


class Quantity(NamedTuple):
    """A parsed amount: ``value`` is None for vague amounts ("hundreds")."""

    value: float | None
    vague: bool


def parse_number(text: str) -> Quantity | None:
    """Parse one written amount; None when ``text`` is not a number.

    >>> parse_number("14,000").value, parse_number("five thousand").value, parse_number("a dozen").value
    (14000.0, 5000.0, 12.0)
    >>> parse_number("thousands")
    Quantity(value=None, vague=True)
    """
    words = [w for w in re.split(r"[\s\-]+", text.strip().lower()) if w and w != "and"]
    if not words:
        return None
    if any(w in VAGUE for w in words) or (
            any(w in VAGUE_MODIFIERS for w in words) and any(w in SCALES for w in words)):
        return Quantity(None, True)
    total, current, seen, article = 0.0, 0.0, False, False
    for word in words:
        if _DIGITS.match(word):
            current += float(word.replace(",", ""))
            seen = True
        elif word in SCALES and (seen or article or word == "dozen"):
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0.0
            seen = True
        elif word in UNITS and word not in ("a", "an", "half"):
            current += UNITS[word]
            seen = True
        elif word in ("a", "an"):
            article = True  # "a dozen", "a hundred": the scale word supplies the one
        elif word == "couple":
            current = 2.0  # "a couple": the article is not a one
            seen = True
        elif word == "half":
            current = (current or 1.0) * 0.5
        else:
            return None
    if not seen:
        return None
    value = total + current
    return Quantity(float(value), False)
