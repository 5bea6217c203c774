"""Readers for Lexis exports: Nexis Uni / Lexis Advance ``.docx`` files and old LexisNexis ``.TXT`` files.

Contract (see :mod:`corpus.ingest.records`): ``read_lexis_docx(data, name)`` and ``read_lexis_txt(data, name)``
take the bytes of one export and return a :class:`~corpus.ingest.records.ParsedSource` with one
:class:`~corpus.ingest.records.SourceArticle` per article, in the order of the file; they never write or print.
Fields are the text the export gives, stripped, with runs of spaces collapsed:

* ``title``: the headline. In a DOCX that has a table of contents ("1. Headline" lines on the cover page) the
  title is the contents entry, exactly as listed there (the article's own headline line may carry additions such
  as "- Correction Appended" or a line break); without a contents list it is the article's headline line.
  Entries go to articles by position when the list has one per article (a problem names the articles whose own
  headline does not resemble their entry), else each article takes the next entry resembling its headline.
* ``outlet``, ``date``, ``section``, ``authors`` (bylines joined with "; "), ``length`` ("1238 words"),
  ``dateline``, ``language``, ``url`` (a ``URL:`` label, or the bare link Nexis Uni puts after the body) where
  the export states them. ``date`` is the date as written on the
  article's date line, cut to the date itself ("January 11, 2018 Thursday", without the edition that follows);
  an article without a date line gets its Load-Date, and a problem says so.
* ``text``: the body, paragraphs joined by a blank line; no headline or metadata lines, no "End of Document",
  no Load-Date/Classification/Graphic/Correction/Notes sections and no copyright lines. Hard-wrapped TXT lines
  are joined into paragraphs.

``stated_count`` is the count the export states: "Documents (50)" on a DOCX cover page, or N in the
"1 of N DOCUMENTS" lines of a TXT export (the most common N when the lines disagree, which is reported); ``None``
when the file says nothing. A DOCX that cannot be opened (not a
zip archive, no ``word/document.xml``) raises :class:`~corpus.ingest.records.FormatError`; a readable DOCX with no
articles in it returns ``ParsedSource([], stated_count, [problem])``.

Layout rules, and where they come from:

* Nexis Uni DOCX (LexisNexisTools ``lnt_parse_uni``; koheiw/newspapers ``import_lexis_advance_docx``): a cover
  page (User Name, Date and Time, Job Number, "Documents (N)", optionally the numbered contents list with
  Client/Matter, Search Terms lines and a "Narrowed by" table), then per article: headline, publication,
  date line, copyright, ``Label: value`` lines (Section, Length, Byline, Dateline, Highlight ...), "Body", the
  paragraphs, optional Graphic/Correction/Classification sections, Load-Date, "End of Document". Articles are
  split at "End of Document" (as ``lnt_parse_uni`` does); the cover before the first article ends at the first
  headline paragraph (Word outline level 0, which Nexis gives every article headline) or, failing that, after the
  last recognised cover line.
* A DOCX without "End of Document" markers is split at the "N of M DOCUMENTS" lines of the older layout (a Word
  conversion of an old export) or, failing that, at the outline-level-0 headline paragraphs (the
  ``w:outlineLvl``/bookmark markers that newspapers' ``import_lexis_advance_docx`` relies on).
* Old LexisNexis TXT (LexisNexisTools ``lnt_read``/``lnt_parse_nexis``): articles start at "N of M DOCUMENTS"
  ("Dokument N von M", "Document N de M"); centred publication, date and edition lines; the headline either as a
  plain paragraph before the labels or as ``HEADLINE:``; upper-case labels (BYLINE, SECTION, LENGTH, DATELINE,
  BODY); the body; then LOAD-DATE, LANGUAGE, GRAPHIC, PUBLICATION-TYPE ... and a centred copyright notice.
"""

from __future__ import annotations

import difflib
import io
import re
import zipfile
from collections import Counter
from typing import NamedTuple

import docx

from corpus.ingest.encodings import read_article_bytes
from corpus.ingest.records import FormatError, ParsedSource, SourceArticle

__all__ = ["looks_like_lexis_docx", "looks_like_lexis_txt", "read_lexis_docx", "read_lexis_txt"]


# --------------------------------------------------------------------------------------------- shared patterns

_WEEKDAYS = ("monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|"
             "sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag")
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|"
           "apr|jun|jul|aug|sep|sept|oct|nov|dec|januar|jänner|februar|märz|maerz|mai|juni|juli|oktober|"
           "dezember|okt|dez")
_TIME = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s+(?:[A-Z]{2,5}|GMT|UTC)(?:[+-]\d{1,2}(?::?\d{2})?)?)?"
_DATE_TAIL = rf"(?:,?\s+(?:{_WEEKDAYS})\b\.?)?(?:,?\s+{_TIME})?"
_DATE_LEAD = rf"(?:(?:{_WEEKDAYS})\.?,?\s+)?"
DATE_PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    rf"\b{_DATE_LEAD}(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b{_DATE_TAIL}",
    rf"\b{_DATE_LEAD}\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}\b{_DATE_TAIL}",
    r"\b\d{4}-\d{2}-\d{2}\b",
    rf"\b(?:{_MONTHS})\.?,?\s+\d{{4}}\b",
)]
"""A publication date inside a longer line: month written out (English or German, as ``parse_date`` reads them)
with an optional weekday and time, or ISO; the last pattern (month and year) is for monthly magazines."""

COPYRIGHT = re.compile(r"^(?:copyright\b|©|\(c\)\s*\d{4}|all rights reserved\b|alle rechte vorbehalten\b)",
                       re.IGNORECASE)
URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)

# Labels, by the field they fill (lower-case; DOCX exports write "Length:", TXT exports "LENGTH:").
FIELD_LABELS = {
    "section": "section", "rubrik": "section", "ressort": "section", "rubrique": "section",
    "length": "length", "länge": "length", "laenge": "length", "longueur": "length", "umfang": "length",
    "byline": "authors", "author": "authors", "authors": "authors", "autor": "authors", "auteur": "authors",
    "dateline": "dateline",
    "language": "language", "sprache": "language", "langue": "language",
    "url": "url",
    "load-date": "load_date",
    "headline": "headline", "überschrift": "headline", "titel": "headline", "titre": "headline",
}
HEADER_LABELS = {
    "section", "rubrik", "ressort", "rubrique", "length", "länge", "laenge", "longueur", "umfang", "byline",
    "author", "authors", "autor", "auteur", "dateline", "headline", "überschrift", "titel", "titre", "highlight",
    "distribution", "edition", "ausgabe", "type", "series", "source", "update", "column", "abstract", "subtitle",
    "untertitel", "section-header", "body", "text", "ort",
}
"""Labels of the metadata block before the body."""
TRAILER_LABELS = {
    "load-date", "language", "sprache", "langue", "publication-type", "journal code", "journal-code",
    "subject", "organization", "person", "geographic", "industry", "company", "ticker", "city", "state",
    "country", "document-type", "correction-date", "notes", "graphic", "grafik", "url", "terms",
    "publikationstyp", "dokumenttyp", "thema", "branche", "unternehmen", "geografisch",
}
"""Labels that only follow the body: in a TXT export the first of them ends it."""
UNAMBIGUOUS_TRAILER = {"load-date", "publication-type", "journal-code", "journal code", "correction-date",
                       "document-type", "publikationstyp"}
"""Trailer labels that end a DOCX body even without the non-breaking space Nexis puts after the colon."""
BODY_ENDING = UNAMBIGUOUS_TRAILER | {"language", "sprache", "langue", "graphic", "grafik", "notes", "url"}
"""Trailer labels that end a DOCX body when written "Label:" + non-breaking space (Subject, Person ... follow
a "Classification" heading, which ends the body first)."""
TRAILER_HEADINGS = {"classification", "graphic", "correction", "notes", "klassifikation", "grafik",
                    "korrektur", "anmerkungen", "classement", "graphique"}
"""Section headings after the body (Nexis Uni "Classification", "Graphic" ...): each ends the body."""
BODY_MARKERS = {"body", "text"}
"""The heading Nexis Uni puts before the body (``lnt_parse_uni`` splits metadata from body at "Body"/"Text")."""
END_MARKER = re.compile(r"(?:^|\s)(End of Document|Ende des Dokuments|Fin du document|Einde document)\s*$")
"""The line after each Nexis Uni article (``lnt_parse_uni``'s ``end_keyword``; matched as written, case and all)."""
STATED_DOCX = re.compile(r"^(?:Documents?|Dokumente?|Résultats|Resultados|Documentos|Documenti)\s*\((\d[\d,.]*)\)$",
                         re.IGNORECASE)
TXT_START = re.compile(r"^\s*(?:(?P<n1>\d+)\s+of\s+(?P<m1>\d+)\s+DOCUMENTS?|Dokument\s+(?P<n2>\d+)\s+von\s+(?P<m2>\d+)"
                       r"|Document\s+(?P<n3>\d+)\s+de\s+(?P<m3>\d+))\s*$")
"""The line that opens each article of an old LexisNexis export (``lnt_read``'s ``start_keyword``)."""
COVER_LINE = re.compile(
    r"^(?:User Name|Date and Time|Job Number|Client/Matter|Search Terms|Search Type|Narrowed by|Content Type|"
    r"Sources?|Printed by|Print Format|Download Request|Time of Request|Send To|Terms|Project ID|"
    r"Combined Source|Benutzername|Datum und Uhrzeit|Auftragsnummer|Mandant/Sache|Mandant|Suchbegriffe|Suchtyp|"
    r"Eingegrenzt durch|Inhaltstyp|Quellen?|Nom d'utilisateur|Date et heure|Numéro de la tâche)\s*:.*$"
    r"|^(?:News|Nachrichten|Actualités|Content Type|Narrowed by|Inhaltstyp|Eingegrenzt durch)$",
    re.IGNORECASE | re.DOTALL)
"""Lines of a Nexis cover page (the request, the search, the "Narrowed by" table)."""
TOC_ENTRY = re.compile(r"^(\d{1,5})\.\s*(\S.*)$", re.DOTALL)

_LABEL = re.compile(r"^(?P<label>[^\W\d_][\w\-/&. ]{0,38}?)[ \t]*:(?P<sep>[ \t\xa0]*)(?P<value>.*)$", re.DOTALL)
_TXT_LABEL = re.compile(r"^(?P<label>[A-ZÄÖÜ][A-ZÄÖÜ\-/&. ]{0,38}?):(?:[ \t\xa0]+(?P<value>.*)|[ \t\xa0]*)$")


def _clean(text: str) -> str:
    """A metadata value: every run of whitespace (non-breaking spaces and line breaks too) as one space."""
    return " ".join(text.split())


def _clean_body(text: str) -> str:
    """A body paragraph: runs of spaces collapsed, line breaks inside the paragraph kept, stripped."""
    lines = (re.sub(r"[ \t\xa0\u2007\u202f]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _key(text: str) -> str:
    """Letters and digits only, case-folded: to match a contents entry with a headline."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _find_date(line: str) -> str:
    """The date inside ``line`` as written (weekday and time kept, edition text dropped), or ""."""
    for pattern in DATE_PATTERNS:
        found = pattern.search(line)
        if found:
            return found.group(0).strip(" ,;")
    return ""


def _label(text: str, *, txt: bool = False) -> tuple[str, str] | None:
    """``(label lower-cased, value)`` when ``text`` is a metadata line, else None.

    DOCX: a known label, or any label followed by the non-breaking space Nexis Uni writes after the colon.
    TXT: an upper-case label that is known or hyphenated (LOAD-DATE, JOURNAL-CODE ...)."""
    text = text.strip()
    if txt:
        found = _TXT_LABEL.match(text)
        if not found:
            return None
        label = found.group("label").strip().lower()
        if label in HEADER_LABELS or label in TRAILER_LABELS or re.fullmatch(r"[a-zäöü]+(?:-[a-zäöü]+)+", label):
            return label, (found.group("value") or "").strip()
        return None
    found = _LABEL.match(text)
    if not found:
        return None
    label = found.group("label").strip().lower()
    if "\xa0" in found.group("sep") or (label in HEADER_LABELS or label in TRAILER_LABELS) and found.group("sep"):
        return label, found.group("value").strip()
    return None


# ------------------------------------------------------------------------------------------------------- TXT

def looks_like_lexis_txt(head: str) -> bool:
    """Whether ``head`` (the start of a decoded .txt file) is an old LexisNexis export: it has a line
    "1 of 10 DOCUMENTS" (or "Dokument 1 von 10", "Document 1 de 10") on its own."""
    return any(TXT_START.match(line) for line in head.splitlines())


def read_lexis_txt(data: bytes, name: str) -> ParsedSource:
    """The articles of an old LexisNexis ``.TXT`` export (see the module docstring)."""
    text, _, problem = read_article_bytes(data, name)
    if text is None:
        raise FormatError(problem)
    problems = [problem] if problem else []
    articles, stated, more = _parse_txt_lines(text.splitlines())
    if not articles:
        problems.append("no articles found: no \"N of M DOCUMENTS\" line opens an article")
    return ParsedSource(articles, stated, problems + more)


class _Para(NamedTuple):
    lines: list[str]
    """The lines as found (indentation kept)."""

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines)

    @property
    def centred(self) -> bool:
        return all(line[:1].isspace() for line in self.lines)


def _paragraphs(lines: list[str]) -> list[_Para]:
    paragraphs, current = [], []
    for line in lines:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            paragraphs.append(_Para(current))
            current = []
    if current:
        paragraphs.append(_Para(current))
    return paragraphs


def _stated_from_runs(numbers: list[tuple[int, int]], problems: list[str]) -> int | None:
    """The count stated by "N of M DOCUMENTS" lines: the M of each run of articles numbered from 1 (several runs
    when exports were concatenated), taking the most common M of a run when its lines disagree."""
    runs: list[list[tuple[int, int]]] = []
    for n, m in numbers:
        if not runs or n == 1 or (runs[-1] and n <= runs[-1][-1][0]):
            runs.append([])
        runs[-1].append((n, m))
    total = 0
    for run in runs:
        counts = Counter(m for _, m in run)
        stated, _ = counts.most_common(1)[0]
        odd = [f"{n} of {m}" for n, m in run if m != stated]
        if odd:
            problems.append(f"the article numbering disagrees on the total ({', '.join(odd)} among "
                            f"\"of {stated}\"); {stated} is taken as stated")
        total += stated
    return total if numbers else None


def _parse_txt_lines(lines: list[str]) -> tuple[list[SourceArticle], int | None, list[str]]:
    """Articles, stated count and problems of an old LexisNexis export given as lines."""
    problems: list[str] = []
    starts = []
    for index, line in enumerate(lines):
        found = TXT_START.match(line)
        if found:
            n = next(g for g in found.group("n1", "n2", "n3") if g)
            m = next(g for g in found.group("m1", "m2", "m3") if g)
            starts.append((index, int(n), int(m)))
    stated = _stated_from_runs([(n, m) for _, n, m in starts], problems)
    articles = []
    for k, (index, n, _) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        article, trouble = _parse_txt_article(_paragraphs(lines[index + 1:end]))
        articles.append(article)
        problems.extend(f"article {k + 1} (\"{n} of ...\"): {t}" for t in trouble)
    return articles, stated, problems


def _label_value(paragraph: _Para, value: str) -> str:
    """A label's value with its continuation lines (a BYLINE or HEADLINE that wraps)."""
    return _clean(" ".join([value] + [line.strip() for line in paragraph.lines[1:]]))


def _parse_txt_article(paragraphs: list[_Para]) -> tuple[SourceArticle, list[str]]:
    """One article of an old export: the paragraphs between its "N of M DOCUMENTS" line and the next."""
    labels = [_label(p.lines[0], txt=True) for p in paragraphs]
    fields: dict[str, list[str]] = {}
    for para, lab in zip(paragraphs, labels):
        if lab and lab[0] in FIELD_LABELS:
            value = _label_value(para, lab[1])
            if value:
                fields.setdefault(FIELD_LABELS[lab[0]], []).append(value)
    header_at = [i for i, lab in enumerate(labels) if lab and lab[0] in HEADER_LABELS]
    trailer_at = [i for i, lab in enumerate(labels) if lab and lab[0] not in HEADER_LABELS]
    # The unlabelled header (before the first label): centred publication, date and edition lines, a headline.
    header_end = min(header_at[:1] + trailer_at[:1] + [len(paragraphs)])
    header = paragraphs[:header_end]
    outlet = date = ""
    date_para = -1
    for i, para in enumerate(header):
        for line in para.lines:
            stripped = _clean(line)
            if COPYRIGHT.match(stripped):
                continue
            if _find_date(stripped):
                date, date_para = _find_date(stripped), i
                break
            if not outlet:
                outlet = stripped
        if date:
            break
    headline = fields.get("headline", [""])[0]
    headline_para = None
    if not headline:  # the paragraph before the labels; with no header labels, the first after the date
        after = [i for i in range(date_para + 1, header_end) if not COPYRIGHT.match(paragraphs[i].text)]
        left = [i for i in after if not paragraphs[i].centred]
        if left or after:
            headline_para = (left or after)[-1 if header_at else 0]
            headline = _clean(paragraphs[headline_para].text)
    # The body: after BODY:, else after the run of header labels, else after the headline; it ends at the
    # first trailer label (LOAD-DATE, LANGUAGE, GRAPHIC ...) or at the closing copyright notice.
    body_label = next((i for i in header_at if labels[i][0] in ("body", "text")), None)
    if body_label is not None:
        body_start = body_label
    elif header_at:
        body_start = header_at[0]
        while body_start < len(paragraphs) and labels[body_start] and labels[body_start][0] in HEADER_LABELS:
            body_start += 1
    else:
        body_start = headline_para + 1 if headline_para is not None else header_end
    body_end = next((i for i in trailer_at if i >= body_start), len(paragraphs))
    while body_end > body_start and COPYRIGHT.match(paragraphs[body_end - 1].text.strip()):
        body_end -= 1
    body_paras = []
    for i in range(body_start, body_end):
        text = paragraphs[i].text
        if labels[i] and i == body_label:
            text = _label_value(paragraphs[i], labels[i][1])
        text = _clean(text)
        if text:
            body_paras.append(text)
    problems = []
    if not date and fields.get("load_date"):
        date = fields["load_date"][0]
        problems.append(f"no date line; the Load-Date {date!r} is used")
    for what, value in (("headline", headline), ("publication", outlet), ("date", date),
                        ("body text", body_paras)):
        if not value:
            problems.append(f"no {what} found")
    return SourceArticle(
        text="\n\n".join(body_paras), title=headline, outlet=outlet, date=date,
        authors="; ".join(a.strip(" ;,") for a in fields.get("authors", [])),
        section="; ".join(fields.get("section", [])), url=fields.get("url", [""])[0],
        dateline=fields.get("dateline", [""])[0], language=fields.get("language", [""])[0], length=fields.get("length", [""])[0],
    ), problems


# ------------------------------------------------------------------------------------------------------ DOCX

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VML_LINE = "{urn:schemas-microsoft-com:vml}line"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {_W + "pPr", _W + "rPr", _W + "tcPr", _W + "del", _W + "moveFrom", _W + "txbxContent", _MC_FALLBACK,
         _W + "instrText", _W + "footnoteReference", _W + "endnoteReference"}


class _Block(NamedTuple):
    """One paragraph (or table row) of the document body, in reading order."""

    raw: str
    heading: bool = False
    """Outline level 0 (or a Heading 1/Title style): Nexis Uni gives every article headline this level."""
    rule: bool = False
    """Holds a drawn line (or has a border): Nexis Uni puts one under each section heading ("Body", "Graphic")."""
    table: bool = False

    @property
    def text(self) -> str:
        return self.raw.strip()


def looks_like_lexis_docx(data: bytes) -> bool:
    """Whether ``data`` is a DOCX whose text has the marks of a Lexis export ("End of Document" after articles,
    "Documents (N)" on the cover, or "N of M DOCUMENTS" lines). Never raises."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, RuntimeError, EOFError, NotImplementedError):
        return False
    text = re.sub(rb"<[^>]+>", b"", xml).decode("utf-8", "replace")
    return bool(re.search(r"End of Document|Ende des Dokuments|Documents \(\d+\)|\d+ of \d+ DOCUMENTS", text))


def _open_docx(data: bytes):
    """The python-docx document, or FormatError saying why the bytes are not a readable DOCX."""
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise FormatError("a Word 97-2003 .doc file, not a DOCX (save it as .docx)")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise FormatError("not a DOCX file: not a zip archive (corrupt or truncated download?)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise FormatError("not a DOCX file: the zip archive has no word/document.xml")
        return docx.Document(io.BytesIO(data))
    except FormatError:
        raise
    except Exception as err:  # python-docx and lxml raise many types for broken packages
        raise FormatError(f"not a readable DOCX file ({type(err).__name__}: {err})") from None


def _text_of(element) -> str:
    """The text of a paragraph or cell element: runs and hyperlinks, line breaks as "\\n", tabs as "\\t";
    deleted text, field codes, text boxes and compatibility fallbacks left out."""
    parts: list[str] = []

    def walk(node) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _W + "t":
                parts.append(child.text or "")
            elif tag in (_W + "br", _W + "cr"):
                parts.append("\n")
            elif tag in (_W + "tab", _W + "ptab"):
                parts.append("\t")
            elif tag in (_W + "noBreakHyphen", _W + "softHyphen"):
                parts.append("-" if tag.endswith("noBreakHyphen") else "")
            elif tag == _W + "p":
                walk(child)
                parts.append("\n")
            else:
                walk(child)

    walk(element)
    return "".join(parts)


def _paragraph_block(p) -> _Block:
    heading = rule = False
    ppr = p.find(_W + "pPr")
    if ppr is not None:
        level = ppr.find(_W + "outlineLvl")
        style = ppr.find(_W + "pStyle")
        heading = (level is not None and level.get(_W + "val") == "0") or (
            style is not None and style.get(_W + "val", "").replace(" ", "").lower() in {"heading1", "title"})
        rule = ppr.find(_W + "pBdr") is not None
    rule = rule or any(el.tag == _VML_LINE for el in p.iter())
    return _Block(_text_of(p), heading, rule)


def _blocks(document) -> list[_Block]:
    """The body in reading order: one block per paragraph and one per table row (cells joined by a tab)."""
    blocks: list[_Block] = []

    def visit(container) -> None:
        for child in container:
            tag = child.tag
            if tag == _W + "p":
                blocks.append(_paragraph_block(child))
            elif tag == _W + "tbl":
                for row in child.findall(_W + "tr"):
                    cells = [_clean_body(_text_of(cell)) for cell in row.findall(_W + "tc")]
                    blocks.append(_Block("\t".join(c.replace("\n", " ") for c in cells if c), table=True))
            elif tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
                visit(child)

    visit(document.element.body)
    return blocks


def _is_cover(block: _Block) -> bool:
    text = block.text
    return not text or block.table or bool(COVER_LINE.match(text) or STATED_DOCX.match(_clean(text))
                                           or TOC_ENTRY.match(text))


def _cover(blocks: list[_Block], limit: int) -> tuple[int, int | None, list[str]]:
    """Where the first article starts in ``blocks[:limit]``, the stated count and the contents entries.

    The cover is looked for before the first article's labels (Section:, Length: ...). The first article
    starts at the first headline paragraph (outline level 0) that is not a cover line, else after the last
    cover line; when a contents list is given and that paragraph does not match its first entry, at the first
    short paragraph that does."""
    bound = limit
    for i in range(limit):
        lab = _label(blocks[i].text) if blocks[i].text and not _is_cover(blocks[i]) else None
        if lab and lab[0] in HEADER_LABELS:
            bound = i
            break
    stated, stated_at = None, -1
    toc: list[str] = []
    toc_at: list[int] = []
    for i in range(bound):
        text = blocks[i].text
        if not text or blocks[i].table:
            continue
        found = STATED_DOCX.match(_clean(text))
        entry = TOC_ENTRY.match(text)
        if found and stated is None:
            stated, stated_at = int(re.sub(r"[,.]", "", found.group(1))), i
        elif entry and int(entry.group(1)) == len(toc) + 1 and (stated is None or len(toc) < stated):
            toc.append(re.sub(r"\s*\n\s*", " ", entry.group(2)).strip())
            toc_at.append(i)
    if stated is None and len(toc) < 2:  # a lone "1. ..." line is a headline, not a contents list
        toc, toc_at = [], []
    start = next((i for i in range(bound) if blocks[i].heading and blocks[i].text and not _is_cover(blocks[i])),
                 None)
    if start is None:
        cover = [i for i in range(bound) if blocks[i].text and (
            i == stated_at or i in toc_at or (_is_cover(blocks[i]) and not TOC_ENTRY.match(blocks[i].text)))]
        start = cover[-1] + 1 if cover else 0
    while start < limit and not blocks[start].text:
        start += 1
    if toc and start < limit and not _compatible(toc[0], blocks[start].text):
        start = next((i for i in range(start, limit) if len(blocks[i].text) <= 2 * len(toc[0]) + 40
                      and _compatible(toc[0], blocks[i].text)), start)
    return start, stated, toc


def _split_docx(blocks: list[_Block]) -> tuple[list[list[_Block]], int | None, list[str], list[str], str]:
    """Article segments, stated count, contents entries, problems and the layout used."""
    problems: list[str] = []
    segments: list[list[_Block]] = []
    ends = []
    for i, block in enumerate(blocks):
        found = END_MARKER.search(block.text)
        if found:
            before = block.text[:found.start()].strip()
            if before:  # "End of Document" run into the last paragraph
                blocks[i] = block._replace(raw=before)
                ends.append((i, True))
            else:
                ends.append((i, False))
    if ends:
        start, stated, toc = _cover(blocks, ends[0][0])
        previous = start
        for index, keep in ends:
            segments.append(blocks[previous:index + 1 if keep else index])
            previous = index + 1
        tail = [b for b in blocks[previous:] if b.text]
        if any(_label(b.text) for b in tail) or any(b.heading for b in tail):
            segments.append(blocks[previous:])
            problems.append("the last article has no \"End of Document\" line (a truncated export?); it is read "
                            "to the end of the file")
        return segments, stated, toc, problems, "nexis-uni"
    if any(TXT_START.match(b.text) for b in blocks):
        return [], None, [], problems, "txt"
    headings = [i for i, b in enumerate(blocks) if b.heading and b.text and not _is_cover(b)]
    if headings:
        start, stated, toc = _cover(blocks, len(blocks))
        starts = [i for i in headings if i >= start] or [start]
        for k, first in enumerate(starts):
            segments.append(blocks[first:starts[k + 1] if k + 1 < len(starts) else len(blocks)])
        return segments, stated, toc, problems, "headings"
    _, stated, toc = _cover(blocks, len(blocks))
    return [], stated, toc, problems, "none"


def _is_section_heading(blocks: list[_Block], i: int) -> bool:
    """A Nexis section heading ("Body", "Graphic", "Classification" ...): one to three words, not a label,
    with a drawn rule in the next paragraph."""
    text = blocks[i].text
    return (bool(text) and len(text) <= 30 and len(text.split()) <= 3 and i + 1 < len(blocks)
            and blocks[i + 1].rule and not blocks[i].rule and not _label(text))


def _trailer_start(blocks: list[_Block], start: int) -> int:
    """The first block at or after ``start`` that ends the body: a trailer section heading or label."""
    for i in range(start, len(blocks)):
        text = blocks[i].text
        if not text:
            continue
        if _clean(text).lower() in TRAILER_HEADINGS or (
                _is_section_heading(blocks, i) and _clean(text).lower() not in BODY_MARKERS):
            return i
        lab = _label(text)
        if lab and lab[0] in BODY_ENDING and (lab[0] in UNAMBIGUOUS_TRAILER or "\xa0" in text):
            return i
    return len(blocks)


def _parse_docx_article(segment: list[_Block]) -> tuple[SourceArticle, list[str]]:
    """One Nexis Uni article: headline, publication, date line, labels, "Body", paragraphs, trailer."""
    blocks = [b for b in segment if b.text or b.rule]
    while blocks and not blocks[0].text:
        blocks.pop(0)
    problems: list[str] = []
    headline = _clean(blocks[0].text)
    body_marker = next((i for i in range(1, len(blocks)) if _clean(blocks[i].text).lower() in BODY_MARKERS
                        or (_is_section_heading(blocks, i) and _clean(blocks[i].text).lower()
                            not in TRAILER_HEADINGS)), None)
    if body_marker is not None:
        header_end, body_start = body_marker, body_marker + 1
    else:  # no "Body" heading: the body follows the labels (or the date line when there are none)
        header_end = _trailer_start(blocks, 1)
        labelled = [i for i in range(1, header_end) if _label(blocks[i].text)]
        if labelled:  # the label block, across up to two unlabelled lines (a second byline line ...)
            last = labelled[0]
            for i in labelled[1:]:
                if sum(1 for j in range(last + 1, i) if blocks[j].text) > 2:
                    break
                last = i
            run = last + 1
        else:
            run = next((i for i in range(1, min(header_end, 6)) if _find_date(blocks[i].text)), 1) + 1
        header_end = body_start = min(run, len(blocks))
    body_end = _trailer_start(blocks, body_start)
    fields: dict[str, list[str]] = {}
    free: list[str] = []  # header lines before the first label: publication, column, date, copyright ...
    seen_label = False
    for i in list(range(1, header_end)) + list(range(body_end, len(blocks))):
        text = blocks[i].text
        lab = _label(text)
        if lab:
            seen_label = True
            if lab[0] in FIELD_LABELS and lab[1]:
                fields.setdefault(FIELD_LABELS[lab[0]], []).append(_clean(lab[1]))
        elif text and i < header_end and not seen_label:
            free.append(_clean(text))
    date, date_at = "", len(free)
    for i, line in enumerate(free):
        if not COPYRIGHT.match(line) and _find_date(line):
            date, date_at = _find_date(line), i
            break
    outlet = next((line for line in free[:date_at] if not COPYRIGHT.match(line)
                   and not re.fullmatch(r"\(.*\)", line) and not re.search(r"correction appended", line, re.IGNORECASE)),
                  "")
    body, url = _tidy_body([_clean_body(b.text) for b in blocks[body_start:body_end]], fields.get("url", [""])[0])
    if not date and fields.get("load_date"):
        date = fields["load_date"][0]
        problems.append(f"no date line; the Load-Date {date!r} is used")
    for what, value in (("headline", headline), ("publication", outlet), ("date", date), ("body text", body)):
        if not value:
            problems.append(f"no {what} found")
    return SourceArticle(
        text="\n\n".join(body), title=headline, outlet=outlet, date=date,
        authors="; ".join(a.strip(" ;,") for a in fields.get("authors", [])),
        section="; ".join(fields.get("section", [])), url=url,
        dateline=fields.get("dateline", [""])[0], language=fields.get("language", [""])[0],
        length=fields.get("length", [""])[0],
    ), problems


LINK_LINE = re.compile(r"^(?:Link to (?:Image|Story|the original story|PDF)|View (?:original|image)).*$",
                       re.IGNORECASE)


def _tidy_body(paragraphs: list[str], url: str) -> tuple[list[str], str]:
    """Body paragraphs without empty ones, without copyright lines and link/URL lines at either end (a URL
    there becomes the article's ``url`` when it has none), and without an "ABSTRACT" block that a
    "FULL TEXT" line ends (newspapers' ``import_lexis_advance_docx`` skips the same)."""
    body = [p for p in paragraphs if p]
    if "ABSTRACT" in body and "FULL TEXT" in body[body.index("ABSTRACT"):]:
        cut, resume = body.index("ABSTRACT"), body.index("FULL TEXT", body.index("ABSTRACT"))
        body = body[:cut] + body[resume + 1:]
    urls: list[str] = []
    while body and (URL_ONLY.match(body[-1]) or COPYRIGHT.match(body[-1]) or LINK_LINE.match(body[-1])):
        line = body.pop()
        if URL_ONLY.match(line):
            urls.insert(0, line)
    while body and (COPYRIGHT.match(body[0]) or LINK_LINE.match(body[0])):
        body.pop(0)
    return body, url or next(iter(urls), "")


def _compatible(entry: str, headline: str) -> bool:
    a, b = _key(entry), _key(headline)
    if not a or not b:
        return False
    return a == b or a.startswith(b) or b.startswith(a) or difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def _apply_contents(articles: list[SourceArticle], toc: list[str], problems: list[str]) -> list[SourceArticle]:
    """Titles from the contents list: by position when it lists as many entries as there are articles,
    else each article takes the next entry that matches its headline."""
    if not toc:
        return articles
    if len(toc) == len(articles):
        differ = [i + 1 for i, (a, t) in enumerate(zip(articles, toc)) if not _compatible(t, a.title)]
        if differ:
            problems.append(f"the contents list and the articles' own headlines differ for {len(differ)} of "
                            f"{len(articles)} articles (no. {', '.join(map(str, differ[:10]))}"
                            f"{' ...' if len(differ) > 10 else ''}); titles are taken from the contents list")
        return [a._replace(title=t) for a, t in zip(articles, toc)]
    out, cursor, unmatched = [], 0, 0
    for article in articles:
        match = next((j for j in range(cursor, len(toc)) if _compatible(toc[j], article.title)), None)
        if match is None:
            unmatched += 1
            out.append(article)
        else:
            out.append(article._replace(title=toc[match]))
            cursor = match + 1
    problems.append(f"the contents list has {len(toc)} entries for {len(articles)} articles; titles were matched "
                    f"by headline ({unmatched} article(s) keep their own headline)")
    return out


def read_lexis_docx(data: bytes, name: str) -> ParsedSource:
    """The articles of a Nexis Uni / Lexis DOCX export (see the module docstring)."""
    return _read_blocks(_blocks(_open_docx(data)))


def _read_blocks(blocks: list[_Block]) -> ParsedSource:
    segments, stated, toc, problems, layout = _split_docx(blocks)
    if layout == "txt":
        lines: list[str] = []
        for block in blocks:
            lines.extend(block.raw.split("\n"))
            lines.append("")
        articles, stated, more = _parse_txt_lines(lines)
        return ParsedSource(articles, stated, problems + more)
    articles: list[SourceArticle] = []
    for segment in segments:
        if not any(b.text for b in segment):
            continue
        article, trouble = _parse_docx_article(segment)
        number = len(articles) + 1
        articles.append(article)
        problems.extend(f"article {number}: {t}" for t in trouble)
    if not articles:
        problems.append("holds no articles (no \"End of Document\" lines, no \"N of M DOCUMENTS\" lines and no "
                        "headline paragraphs)")
        return ParsedSource([], stated, problems)
    return ParsedSource(_apply_contents(articles, toc, problems), stated, problems)
