"""Turn a scraped news page into its article body.

A page is handled as a list of paragraphs (its non-blank lines). Each rule is a
small function that takes the paragraphs and returns them with something
removed, logging what it removed in a :class:`Removal`. Generic rules work on
any outlet; the few per-outlet rules are scoped by the ``outlets`` column of
``data/cleaning_rules.tsv``, where all the patterns live, so that a reader can
audit and extend them without touching code.

The order of the rules matters and is fixed in :data:`PIPELINE`: tails go
first (so comment threads cannot look like body paragraphs), duplicates are
removed before the head is read (so a repeated byline is seen once), and the
dateline is read last, from the first paragraph that survived.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import pandas as pd

__all__ = [
    "CleaningResult",
    "Removal",
    "clean_article",
    "cleaning_rules",
    "count_words",
    "summarise_removals",
]


class Removal(NamedTuple):
    """One piece of text a rule took out of a page."""

    rule: str
    text: str


class CleaningResult(NamedTuple):
    """The clean body and what the rules found on the way."""

    text: str
    removals: tuple[Removal, ...]
    authors: str
    dateline: str
    original_outlet: str
    date: str
    url: str
    headline: str


class Rule(NamedTuple):
    name: str
    kind: str
    outlets: frozenset[str]
    pattern: re.Pattern
    why: str


@lru_cache(maxsize=1)
def cleaning_rules() -> tuple[Rule, ...]:
    """The pattern rules of ``data/cleaning_rules.tsv``, compiled."""
    text = resources.files("corpus").joinpath("data/cleaning_rules.tsv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    rules = []
    for row in rows:
        outlets = frozenset(o.strip().casefold() for o in row["outlets"].split(";") if o.strip())
        rules.append(Rule(row["rule"], row["kind"], outlets, re.compile(row["pattern"]), row["why"]))
    return tuple(rules)


def count_words(text: str) -> int:
    """Whitespace-delimited words, the convention of the AllSides ``n_words``."""
    return len(text.split())


# --- small text helpers -------------------------------------------------------------------

_QUOTE_MAP = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)


def _fold(text: str) -> str:
    """A comparison key: case, quotes, dashes and spacing folded."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MAP).casefold()
    return re.sub(r"[\W_]+", " ", text).strip()


def normalise_whitespace(raw: str) -> str:
    """Unify newlines, turn no-break spaces into spaces, drop zero-width characters."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return "\n".join(re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n"))


# --- the cleaning context -------------------------------------------------------------------


@dataclass
class _Page:
    paragraphs: list[str]
    outlet: str
    title: str
    extracted: bool = False
    removals: list[Removal] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    dateline: str = ""
    original_outlet: str = ""
    date: str = ""
    url: str = ""

    def remove(self, rule: str, text: str) -> None:
        if text.strip():
            self.removals.append(Removal(rule, text.strip()))

    def applies(self, rule: Rule) -> bool:
        return not rule.outlets or self.outlet.casefold() in rule.outlets


def _rules_of(kind: str) -> list[Rule]:
    return [r for r in cleaning_rules() if r.kind == kind]


# --- generic rules --------------------------------------------------------------------------

TAIL_MIN_POSITION = 0.5
"""A tail marker only cuts when it stands in the second half of the page (by characters),
so that a navigation link named "Comments" near the top cannot swallow the article."""


def drop_tails(page: _Page) -> None:
    """Cut comment threads, author biographies and provenance lines, with all that follows."""
    total = sum(len(p) for p in page.paragraphs) or 1
    rules = [r for r in _rules_of("tail") if page.applies(r)]
    seen = 0
    for i, para in enumerate(page.paragraphs):
        rule = next((r for r in rules if r.pattern.fullmatch(para)), None)
        if rule is not None and seen / total >= TAIL_MIN_POSITION:
            tail = page.paragraphs[i:]
            if rule.name == "retrieved_tail":
                url = re.search(r"https?://\S+?(?=[.,;]?$)", para)
                page.url = url.group(0) if url else ""
            if rule.name == "author_bio_tail":
                page.authors.extend(_name_from_bio(tail[1:]))
            page.remove(rule.name, "\n".join(tail))
            page.paragraphs = page.paragraphs[:i]
            return drop_tails(page)
        seen += len(para)


def _name_from_bio(paragraphs: list[str]) -> list[str]:
    """An author box often spells the name one word per line ("Emily" / "Jones")."""
    words = []
    for para in paragraphs:
        if re.fullmatch(r"[A-Z][\w.'’-]*", para) and len(words) < 4:
            words.append(para)
        else:
            break
    return [" ".join(words)] if len(words) >= 2 else []


def drop_appeals(page: _Page) -> None:
    """Remove reader-revenue appeals; what preceded an appeal at the top is the page header."""
    joined = "\n".join(page.paragraphs)
    for rule in _rules_of("appeal"):
        if not page.applies(rule):
            continue
        match = rule.pattern.search(joined)
        if not match:
            continue
        page.remove(rule.name, match.group(0))
        head, rest = joined[: match.start()], joined[match.end():]
        if head.count("\n") <= 3 and len(head) < 600:
            # Title and standfirst sit above the appeal; the body starts right after it.
            page.remove("header_before_appeal", head)
            head = ""
        joined = head + ("\n" if head and not head.endswith("\n") else "") + rest
    page.paragraphs = [p.strip() for p in joined.split("\n") if p.strip()]


_SHARE_RUN = re.compile(r"(?:\s*\b(?:Save|Share|Tweet|Email|Print)\b)+\s*$")


def drop_inline_chrome(page: _Page) -> None:
    """Remove buttons run into the text; on a one-line page, the header before them goes too.

    When a page arrives as one line, standfirst, photo caption, share buttons, byline and
    timestamp precede the body with no break. The last button within the first
    ``INLINE_HEADER_MAX`` characters marks where the header ends; a byline found in that
    header becomes the authors.
    """
    rules = [r for r in _rules_of("inline") if page.applies(r)]
    out = []
    for index, para in enumerate(page.paragraphs):
        header_end = 0
        for rule in rules:
            for match in rule.pattern.finditer(para):
                if match.end() <= INLINE_HEADER_MAX and index == 0 and rule.name != "recommended_link":
                    header_end = max(header_end, match.end())
        if header_end:
            header = para[:header_end]
            page.authors.extend(_inline_byline(header))
            page.remove("inline_header", header)
            para = para[header_end:].strip()
        for rule in rules:
            for match in list(rule.pattern.finditer(para)):
                page.remove(rule.name, match.group(0))
            para = rule.pattern.sub(" ", para)
        para = re.sub(r"\s{2,}", " ", para).strip()
        if para:
            out.append(para)
    page.paragraphs = out


INLINE_HEADER_MAX = 1500

_NAME_LINK_BLOCK = re.compile(  # up to 700 characters of headlines: The Hill's longest in AllSides run to 597
    r"\b(?P<surname>[A-Z](?=[\w'’-]*[a-z])[\w'’-]+) (?:[A-Z(][\w.'’()-]* ){0,5}?(?P=surname)(?=[A-Z\"“‘'0-9])"
    r"[^\n]{0,700}? MORE\b")


def drop_name_link_blocks(page: _Page) -> None:
    """Remove the link block some sites (The Hill) hang on a person's name: "Mitch McConnell Addison (Mitch)
    Mitchell McConnellTrump admin releases trove ... What to watch for on Day 2 MORE (R-Ky.)" becomes "Mitch
    McConnell (R-Ky.)". The block is the person's full legal name run into the headlines of other stories, up to
    "MORE"; left in, it makes the headlines part of the sentence and the name a garbled source."""
    out = []
    for para in page.paragraphs:
        for match in _NAME_LINK_BLOCK.finditer(para):
            page.remove("name_link_block", match.group(0)[len(match.group("surname")):])
        para = _NAME_LINK_BLOCK.sub(lambda m: m.group("surname"), para)
        for start, end in reversed(_spaced_name_link_blocks(para)):
            page.remove("name_link_block", para[start:end])
            para = para[:start] + para[end:]
        out.append(para)
    page.paragraphs = out


# The same block with a space between the legal name and the first headline ("Joe Biden Joe Biden Parnas: U.S.
# ambassador ... MORE"), as AllSides' copies of The Hill often have it. A space leaves the regex no way to tell the
# surname from the first name, which repeats too ("Joe Biden Joe Biden"): every repeated capitalised word that may
# start the block is a candidate, and _spaced_name_link_blocks chooses among them.
_SPACED_NAME_LINK_BLOCK = re.compile(
    r"(?=(?P<block>\b(?P<surname>[A-Z](?=[\w'’-]*[a-z])[\w'’-]+) (?:[A-Z(][\w.'’()-]* ){0,5}?(?P=surname)"
    r" [A-Z\"“‘'0-9][^\n]{0,700}? MORE\b))")
NAME_LINK_NAME_CHARS = 40  # "Steny Hoyer Steny Hamilton Hoyer": a name and the legal name after it are short
_NEXT_NAME_WORD = re.compile(r" ([A-Z][\w'’-]+)")


def _name_key(word: str) -> str:
    """A word's first four letters without accents or case: "Sánchez" and "Sanchez", "Velasquez" and "Velazquez"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).casefold()[:4]


def _spaced_name_link_blocks(para: str) -> list[tuple[int, int]]:
    """(start, end) of each spaced name link block's removable part: from the end of the displayed name to
    "MORE". Of the candidate words that start blocks ending at one "MORE" within a name's length of each other,
    the last is the surname ("Biden" of "Joe Biden Joe Biden ...", "Ryan" of "Paul Ryan Paul Davis Ryan ...").
    Only the first name repeats when the legal surname is spelt otherwise or glued to a headline ("Ryan Costello
    Ryan Anthony CostellloFormer GOP ..."): then the displayed surname, the word after the first name, is kept."""
    by_end: dict[int, list[re.Match]] = {}
    for match in _SPACED_NAME_LINK_BLOCK.finditer(para):
        by_end.setdefault(match.end("block"), []).append(match)
    spans = []
    for end, candidates in sorted(by_end.items()):
        first = candidates[0].start("block")
        repeated = max((m for m in candidates if m.start("block") - first <= NAME_LINK_NAME_CHARS),
                       key=lambda m: m.start("block"))
        name = repeated.group("surname")
        start = repeated.end("surname")
        shown = _NEXT_NAME_WORD.match(para, start)
        if shown and shown.group(1) != name:
            block = para[start:end]
            again = block.find(f" {name} ", len(shown.group(0)) - 1)
            legal = block[again + len(name) + 2:].split(" ")[:3] if again >= 0 else []
            if any(_name_key(word).startswith(_name_key(shown.group(1))) for word in legal):
                start += len(shown.group(0))
        if not spans or start >= spans[-1][1]:
            spans.append((start, end))
    return spans


_PLACE_BYLINE = re.compile(
    r"((?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’.-]+) in [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?"
)


def _inline_byline(header: str) -> list[str]:
    """FT-style bylines: "Katrina Manson in Washington, Najmeh Bozorgmehr in Tehran and ..."."""
    run = re.search(
        r"((?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’.-]+ in [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?"
        r"(?:(?:, | and )(?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’.-]+ in [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?)*)",
        header,
    )
    if not run:
        return []
    names = [m.group(1) for m in _PLACE_BYLINE.finditer(run.group(0))]
    # The first name may have swallowed the button before it ("Save Katrina Manson").
    return [re.sub(r"^(?:(?:Save|Share|Print|Email|Tweet) )+", "", n) for n in names]


_ICON_TOKEN = re.compile(r"\S*icon\S*", re.IGNORECASE)
_ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
_DATE_LINE = re.compile(
    r"(?i)(?:(?:published|updated|posted|date)[:\s]+)?"
    r"(?:\w+day,? )?"
    r"(\d{1,2} [a-z]{3,9},? \d{4}|[a-z]{3,9}\.? \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:,? (?:at )?\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,4})?)?"
    r"(?: \|.*)?"
)
_CREDIT = re.compile(
    r"(?:©|\bPhoto(?:graph)?:|\(Photo\b|\bFILE PHOTO\b|\bGetty Images\b|/AP Photo\b|\bREUTERS/"
    r"|/(?:Reuters|AP|AFP|EPA|Bloomberg|Pool)\b|^FILE ?[-—–] |^In this (?:\w+ )*?(?:file )?photo\b)"
)
_CLOSING_CREDIT = re.compile(r"\((?:AP |Reuters |AFP |EPA )?Photo(?:graph)?\b[^()\n]{0,80}\)$")
CAPTION_MAX_WORDS = 40
AGENCY_CAPTION_MAX_WORDS = 90  # wire captions ("FILE - In this ... file photo, ...", "... (AP Photo/...)") run long


def drop_chrome_lines(page: _Page) -> None:
    """Remove paragraphs that are page furniture: buttons, icon rows, date headers, photo credits.

    A date header's date is kept as a metadata hint. A photo caption is recognised by its
    credit (©, "Photo:", "FILE PHOTO", an agency slash) in a paragraph short enough to be a
    caption rather than a sentence that mentions an agency.
    """
    rules = [r for r in _rules_of("line") if page.applies(r)]
    out = []
    for para in page.paragraphs:
        rule = next((r for r in rules if r.pattern.fullmatch(para)), None)
        if rule is not None:
            page.remove(rule.name, para)
            continue
        tokens = para.split()
        if len(tokens) >= 8 and len(_ICON_TOKEN.findall(para)) / len(tokens) >= 0.3:
            iso = _ISO_DATE.search(para)
            page.date = page.date or (iso.group(1) if iso else "")
            page.remove("icon_row", para)
            continue
        date_line = _DATE_LINE.fullmatch(para)
        if date_line:
            page.date = page.date or date_line.group(1)
            page.remove("date_header", para)
            continue
        closing = _CLOSING_CREDIT.search(para)
        credit = _CREDIT.search(para) or closing
        limit = AGENCY_CAPTION_MAX_WORDS if credit and (credit.start() == 0 or closing) else CAPTION_MAX_WORDS
        if credit and len(tokens) <= limit and not para.rstrip().endswith(('."', ".”")):
            page.remove("photo_credit", para)
            continue
        out.append(para)
    page.paragraphs = out


_OUTLET_CREDITS = (
    "The New York Times", "New York Times", "The Washington Post", "Associated Press",
    "The Associated Press", "AP", "Reuters", "Agence France-Presse", "AFP", "Bloomberg",
    "The Guardian", "Los Angeles Times", "The Wall Street Journal", "Tribune News Service",
    "USA Today", "CNN", "Fox News", "NPR", "BBC News",
)
_CREDIT_KEYS = {_fold(name): name for name in _OUTLET_CREDITS}


def drop_syndication_credit(page: _Page) -> None:
    """A last paragraph that is only an outlet's name credits the syndicated original."""
    if page.paragraphs and _fold(page.paragraphs[-1]) in _CREDIT_KEYS:
        credit = page.paragraphs.pop()
        page.original_outlet = _CREDIT_KEYS[_fold(credit)]
        page.remove("syndication_credit", credit)


SHORT_PARAGRAPH_WORDS = 8
"""Below this length a repeat is only dropped as part of a repeated block: transcripts repeat
speaker labels ("michael barbaro") and those must stay."""


def drop_duplicate_paragraphs(page: _Page) -> None:
    """Keep the first occurrence of every paragraph (compared with case and quotes folded).

    A short paragraph is removed as a repeat only when a neighbouring long paragraph is a
    repeat too, as with a byline copied together with the body it heads. An extracted body (a web page's,
    see :func:`clean_article`) keeps its repeats: there they are content (a question asked again).
    """
    if page.extracted:
        return
    seen: set[str] = set()
    repeat = []
    for para in page.paragraphs:
        key = _fold(para)
        repeat.append(key in seen)
        seen.add(key)
    short = [len(p.split()) < SHORT_PARAGRAPH_WORDS for p in page.paragraphs]
    out = []
    for i, para in enumerate(page.paragraphs):
        in_block = any(
            0 <= j < len(repeat) and repeat[j] and not short[j] for j in (i - 1, i + 1)
        )
        if repeat[i] and (not short[i] or in_block):
            page.remove("duplicate_paragraph", para)
        else:
            out.append(para)
    page.paragraphs = out


_CAPS_NAME = re.compile(r"(?:BY )?[A-Z][A-Z.'’-]+(?: (?:[A-Z]\.|[A-Z][A-Z.'’-]+)){1,3}")
_BY_LINE = re.compile(
    r"(?i:by) ((?:[A-Z][\w.'’-]+ ?){2,4}(?:(?:, | and | & )(?:[A-Z][\w.'’-]+ ?){2,4})*)"
    r"(?:,? (?:\w+ )?(?:Staff|Reporter|Correspondent|Writer|Editor)s?)?"
)
HEADLINE_MAX_WORDS = 25


def drop_head(page: _Page) -> None:
    """Remove the title, bylines and headline-like lines that precede the first body paragraph.

    A body paragraph is recognised by ending like a sentence; short lines before it that do
    not (a repeated headline, a standfirst, a kicker) belong to the page header.
    """
    title_key = _fold(page.title) if page.title else ""
    while page.paragraphs:
        para = page.paragraphs[0]
        if title_key and _fold(para) == title_key:
            page.remove("title_line", para)
        elif _CAPS_NAME.fullmatch(para) and _fold(para) not in _CREDIT_KEYS:
            page.authors.append(re.sub(r"^BY ", "", para).title())
            page.remove("byline", para)
        elif (by := _BY_LINE.fullmatch(para)) is not None:
            page.authors.extend(n.strip() for n in re.split(r", | and | & ", by.group(1)))
            page.remove("byline", para)
        elif (not page.extracted and len(para.split()) <= HEADLINE_MAX_WORDS
              and not re.search(r"[.?!:][\"”’')\]]*$", para)):
            page.remove("headline_line", para)
        else:
            break
        page.paragraphs.pop(0)


_DATELINE = re.compile(
    r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)?)?)"
    r"(?: \((?:AP|Reuters|AFP)\))? ?[—–-]{1,2} "
)


_AGENCIES = {"AP": "Associated Press", "Reuters": "Reuters", "AFP": "Agence France-Presse"}


def split_dateline(page: _Page) -> None:
    """Move a leading dateline ("BRUSSELS —", "JERUSALEM, Israel -") out of the body."""
    if not page.paragraphs:
        return
    match = _DATELINE.match(page.paragraphs[0])
    if match and len(match.group(1)) <= 40 and match.group(1) != "FILE":
        page.dateline = match.group(1)
        agency = re.search(r"\((AP|Reuters|AFP)\)", match.group(0))
        if agency:
            page.original_outlet = page.original_outlet or _AGENCIES[agency.group(1)]
        page.remove("dateline", match.group(0))
        page.paragraphs[0] = page.paragraphs[0][match.end():]


PIPELINE: tuple[Callable[[_Page], None], ...] = (
    drop_tails,
    drop_appeals,
    drop_inline_chrome,
    drop_name_link_blocks,
    drop_chrome_lines,
    drop_syndication_credit,
    drop_duplicate_paragraphs,
    drop_head,
    split_dateline,
)


def clean_article(raw: str, *, outlet: str = "", title: str = "", extracted: bool = False) -> CleaningResult:
    """Clean one page: the body as paragraphs separated by blank lines, and what was removed.

    ``extracted`` says the body was already cut out of its page by an extractor (trafilatura, for saved web
    pages), which leaves the headline outside: leading lines without closing punctuation are then body text (a
    standfirst, a disclosure) rather than a headline, and repeated paragraphs are kept. Measured on the 45
    shared benchmark pages: word-4-gram F1 0.9678 without this, 0.9700 with it (``benchmarks/html_pages.py``).
    """
    text = normalise_whitespace(raw)
    page = _Page([p for p in text.split("\n") if p], outlet=outlet or "", title=title or "", extracted=extracted)
    for step in PIPELINE:
        step(page)
    authors = list(dict.fromkeys(a for a in page.authors if a))
    return CleaningResult(
        text="\n\n".join(page.paragraphs),
        removals=tuple(page.removals),
        authors="; ".join(authors),
        dateline=page.dateline,
        original_outlet=page.original_outlet,
        date=page.date,
        url=page.url,
        headline=_headline(page.removals),
    )


def _headline(removals: list[Removal]) -> str:
    """The first headline-like line the header rules removed: the title of an uncatalogued page."""
    for removal in removals:
        if removal.rule in ("title_line", "headline_line", "header_before_appeal"):
            return removal.text.split("\n")[0]
    return ""


def summarise_removals(removals: tuple[Removal, ...]) -> str:
    """A short report: each rule with how many pieces and characters it removed."""
    if not removals:
        return ""
    frame = pd.DataFrame(removals, columns=["rule", "text"])
    frame["chars"] = frame["text"].str.len()
    grouped = frame.groupby("rule", sort=False)["chars"].agg(["size", "sum"])
    return "; ".join(f"{rule} x{n} ({chars:,} chars)" for rule, (n, chars) in grouped.iterrows())
