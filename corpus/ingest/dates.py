"""Publication dates read only where they cannot be misread.

Accepted as they are: ISO 8601 (``2020-01-03``, ``2020-01``, ``2020``, ``2020-01-03T10:00:00Z``) and dates with
the month written out, in English or German (``3 January 2020``, ``January 3, 2020``, ``Friday, Jan. 3, 2020
10:00 AM EST``, ``3. Januar 2020``, ``January 2020``). Refused, with the reason: relative words (``today``,
``yesterday``, ``last week``: they would become the day of the run) and numeric dates in another order
(``01/02/2020`` is 1 February in Britain and 2 January in the United States; ``3.1.2020``), unless the caller
states the order: ``date_format`` ``DMY``, ``MDY`` or ``YMD``, or a ``strptime`` format such as ``%d/%m/%Y``.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import NamedTuple

import pandas as pd

__all__ = ["DATE_ORDERS", "ParsedDate", "parse_date"]

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "mai": 5, "juni": 6, "juli": 7, "oktober": 10,
    "dezember": 12, "okt": 10, "dez": 12,
}
WEEKDAYS = ("monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
            "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag")
RELATIVE_WORDS = re.compile(r"\b(today|yesterday|tomorrow|tonight|now|ago|last|next|this|heute|gestern|morgen)\b",
                            re.IGNORECASE)
DATE_ORDERS = ("DMY", "MDY", "YMD")

_MONTH = "(?P<month>" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?"
_YEAR = r"(?P<year>\d{4})"
_LEAD = rf"(?:(?:{WEEKDAYS})\.?,?\s+)?"
_TAIL = r"(?:,?\s+(?:(?:" + WEEKDAYS + r")\b.*|\d{1,2}[:.]\d{2}.*|GMT.*|UTC.*))?"
WRITTEN = [re.compile(p, re.IGNORECASE) for p in (
    rf"{_LEAD}{_DAY}\s+{_MONTH},?\s+{_YEAR}{_TAIL}",
    rf"{_LEAD}{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TAIL}",
    rf"{_MONTH},?\s+{_YEAR}",
)]
ISO = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                 r"(?:Z|[+-]\d{2}:?\d{2})?)?)?)?")
NUMERIC = re.compile(r"(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})")


class ParsedDate(NamedTuple):
    """A date (NaT when there is none or it was refused), its precision, and why it was refused ("" if not)."""

    date: pd.Timestamp
    precision: str
    problem: str


def _day(year: int, month: int, day: int | None) -> ParsedDate:
    try:
        return ParsedDate(pd.Timestamp(year=year, month=month, day=day or 1), "day" if day else "month", "")
    except ValueError:
        return ParsedDate(pd.NaT, "unknown", f"not a calendar date (year {year}, month {month}, day {day})")


def parse_date(value: str, *, date_format: str = "") -> ParsedDate:
    """Read one date as described in the module docstring; ``date_format`` states the order of numeric dates."""
    value = " ".join(value.split())
    if not value:
        return ParsedDate(pd.NaT, "unknown", "")
    if date_format and "%" in date_format:
        try:
            return ParsedDate(pd.Timestamp(datetime.strptime(value, date_format)), "day", "")
        except ValueError:
            return ParsedDate(pd.NaT, "unknown", f"does not match the stated date_format {date_format!r}")
    iso = ISO.fullmatch(value)
    if iso:
        year, month, day = (int(g) if g else None for g in iso.group("year", "month", "day"))
        if month is None:
            return ParsedDate(pd.Timestamp(year=year, month=1, day=1), "year", "")
        return _day(year, month, day)
    for pattern in WRITTEN:
        written = pattern.fullmatch(value)
        if written:
            day = written.groupdict().get("day")
            return _day(int(written.group("year")), MONTHS[written.group("month").lower()], int(day) if day else None)
    numeric = NUMERIC.fullmatch(value)
    if numeric:
        order = date_format.upper()
        if order not in DATE_ORDERS:
            return ParsedDate(pd.NaT, "unknown", "a numeric date not in ISO order (01/02/2020 is 1 February "
                              "in Britain and 2 January in the United States); write it as YYYY-MM-DD, or state "
                              "the order with date_format (DMY, MDY or YMD)")
        parts = dict(zip(order, (int(g) for g in numeric.groups())))
        if parts["Y"] < 100:
            return ParsedDate(pd.NaT, "unknown", "a two-digit year; write the year in full")
        return _day(parts["Y"], parts["M"], parts["D"])
    if RELATIVE_WORDS.search(value):
        return ParsedDate(pd.NaT, "unknown", "a relative date, which would become the day the corpus is loaded; "
                          "give the publication date itself")
    return ParsedDate(pd.NaT, "unknown", "not a date this loader reads (ISO 8601, or the month written out)")
