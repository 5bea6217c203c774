"""Readers for the HTML files news databases export: Nexis UK / LexisNexis Academic and Factiva.

Contract (see :mod:`corpus.ingest.records`): ``read_nexis_html(data, name)`` and ``read_factiva_html(data, name)``
take the bytes of one ``.html`` file that holds many articles and return a :class:`ParsedSource`: one
:class:`SourceArticle` per article, in file order, with every field as written in the export (stripped, runs of
white space made one space; the body keeps its paragraphs, separated by a blank line), the number of articles the
file itself states (``None`` when it states none), and the problems that did not stop the read (each one
sentence, without the file name). Dates are returned as written; the loader reads them with
:func:`corpus.ingest.dates.parse_date`. Nothing is printed or written.

Bytes are decoded by :func:`corpus.ingest.encodings.decode_html`: a byte-order mark, UTF-8, the declared charset,
else UTF-8 with the bytes that are not valid UTF-8 read as cp1252 (Factiva pages declare UTF-8 and hold
Windows-1252 bytes).
Empty or binary input raises :class:`FormatError`; HTML that holds no article of the kind asked for gives
``ParsedSource([], None, [why])``.

``looks_like_nexis_html(head)`` and ``looks_like_factiva_html(head)`` tell, from the decoded start of a file (its
first ~64 KB), whether it is such an export; an ordinary saved news page gives ``False`` for both.

Layouts, and where the rules come from:

* Nexis UK (also LexisNexis Academic) HTML: each article is a run of flat ``<div>``s between the markers
  ``<A NAME="DOC_ID_n_0">`` / ``<!-- <DOC NUMBER=1><DOCFULL> -->``, opened by a centred "1 of 74 DOCUMENTS"
  ("Dokument 1 von 49", "Document 1 de 49"); then centred divs for the outlet and the date (maybe an edition), the
  headline, labelled fields ("BYLINE: ", "SECTION: ", "LENGTH: ", "DATELINE: "; German "AUTOR: ", "RUBRIK: ",
  "LÄNGE: "; French "LONGUEUR: "), the body, footer fields ("LOAD-DATE: ", "LANGUAGE: ", "PUBLICATION-TYPE: ")
  and a centred copyright line. After ``import_nexis`` / ``import_nexis_uk_html`` in the R package ``newspapers``
  (K. Watanabe, github.com/koheiw/newspapers, ``R/nexis-uk.R``) and the keywords of ``lnt_read`` in
  LexisNexisTools (J. B. Gruber, ``R/lnt_read.R``). Unlike ``newspapers``, which counts divs, centred divs (read
  from the page's own stylesheet) are taken as header and footer, and labelled divs are recognised by their label,
  so a missing byline or an extra edition line does not shift the fields.
* Factiva "Article Format" HTML: each article is ``<div class="article xxArticle">`` (xx the article's language
  code) with unlabelled header divs, a ``<span class="xxHeadline">``, ``<div class="author">``, and body
  paragraphs ``<p class="articleParagraph xxarticleParagraph">``; after the headline come credit, word count
  ("877 words", "877 Wörter"), date, time, source name, source code, edition, page, language and copyright, the
  optional ones left out. After ``import_factiva`` / ``extract_factiva_attrs`` in ``newspapers`` (``R/factiva.R``),
  which finds the word count and reads the date and source name after it.
* Factiva "Full Article/Report plus Indexing" HTML: the same article divs holding a table of field codes
  (HD, BY, WC, PD, ET, SN, SC, SE, ED, LA, CY, LP, TD, AN, ...), as read by ``readFactivaHTML`` in the R package
  ``tm.plugin.factiva`` (M. Bouchet-Valat); field names written out, in English or German, are read too.

Stated counts: Nexis states the articles of the download on its cover page ("Download Request: Selected Items:
1-49"), in ``<META DOCUMENTS="74">`` and in each "n of 74 DOCUMENTS" line, taken in that order (the last only when
the numbering starts at 1). Factiva states the entries of its contents list when there is one (and the titles there
are preferred); else the "Results Found" / "Gefundene Ergebnisse" line of its search summary, when that is no more
than the 100 articles Factiva saves at a time (a larger number counts the search, not the file); else the range of
its numbered headlines ("1) ...", "100) ...", numbers taken off the titles); else nothing. Numbers that skip or
repeat are reported as a problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from lxml import etree
from lxml import html as lxml_html

from corpus.ingest.dates import parse_date
from corpus.ingest.encodings import read_html_bytes
from corpus.ingest.records import FormatError, ParsedSource, SourceArticle

__all__ = [
    "looks_like_factiva_html",
    "looks_like_nexis_html",
    "read_factiva_html",
    "read_nexis_html",
]

SNIFF_CHARS = 65536
"""How much of a file the sniffers are meant to see (decoded characters)."""

# --------------------------------------------------------------------------------------------------------------
# Decoding

def _parse(data: bytes) -> tuple[lxml_html.HtmlElement, list[str]]:
    text, problem = read_html_bytes(data)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input that declares an encoding
    try:
        root = lxml_html.document_fromstring(text, parser=lxml_html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError) as err:
        raise FormatError(f"not readable as HTML ({err})") from None
    return root, [problem] if problem else []


# --------------------------------------------------------------------------------------------------------------
# Text of elements

_SKIP_TAGS = {"script", "style", "noscript", "head", "title"}
_BLOCK_TAGS = {"p", "div", "tr", "li", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol"}


_BREAK = None  # a line break (``<br>`` or a block's edge) among the text pieces; source newlines are spaces


def _walk_text(el, parts: list[str | None]) -> None:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag == "br":
        parts.append(_BREAK)
    elif tag and tag not in _SKIP_TAGS:
        if tag in _BLOCK_TAGS:
            parts.append(_BREAK)
        parts.append(el.text or "")
        for child in el:
            _walk_text(child, parts)
            parts.append(child.tail or "")
        if tag in _BLOCK_TAGS:
            parts.append(_BREAK)


def _lines(el) -> str:
    """An element's text, one line per ``<br>`` or block, white space inside each line made one space."""
    parts: list[str | None] = []
    if el.tag.lower() not in _SKIP_TAGS:
        parts.append(el.text or "")
        for child in el:
            _walk_text(child, parts)
            parts.append(child.tail or "")
    lines: list[list[str]] = [[]]
    for part in parts:
        if part is _BREAK:
            lines.append([])
        else:
            lines[-1].append(part)
    # "\u00c2\u00a0" is a no-break space encoded twice (UTF-8 read as latin-1), which Nexis exports carry.
    cleaned = (" ".join("".join(line).replace("\u00c2\u00a0", " ").split()) for line in lines)
    return "\n".join(line for line in cleaned if line)


def _flat(el) -> str:
    """An element's text on one line."""
    return " ".join(_lines(el).split())


def _classes(el) -> list[str]:
    return (el.get("class") or "").split()


def _is_date(text: str) -> bool:
    return bool(text) and not parse_date(text).problem


def _numbering_gap(numbers: list[int], what: str) -> str:
    """A problem when the numbers an export gives its articles skip or repeat ("" when they run 1, 2, 3 ...)."""
    if not numbers:
        return ""
    missing = sorted(set(range(min(numbers), max(numbers) + 1)) - set(numbers))
    if not missing and len(set(numbers)) == len(numbers) and numbers == sorted(numbers):
        return ""
    shown = ", ".join(map(str, missing[:10])) + (" ..." if len(missing) > 10 else "")
    detail = f"missing {shown}" if missing else "numbers repeat or run out of order"
    return f"the {what} are not numbered one after another ({min(numbers)} to {max(numbers)}; {detail})"


def _leaf_divs(root) -> Iterator:
    for el in root.iter("div"):
        if next(el.iterdescendants("div"), None) is None:
            yield el


# --------------------------------------------------------------------------------------------------------------
# Nexis UK

_NEXIS_COUNT = re.compile(
    r"(?P<n>\d+)\s+(?:of|von|de|sur|di)\s+(?P<m>\d+)\s+(?:DOCUMENTS?|DOKUMENTEN?|DOCUMENTOS?|DOCUMENTI)"
    r"|(?:Dokument|Document|Documento)\s+(?P<n2>\d+)\s+(?:von|de|of|sur|di)\s+(?P<m2>\d+)",
    re.IGNORECASE)
_NEXIS_LABEL = re.compile(r"([A-ZÄÖÜÉÈ][A-ZÄÖÜÉÈ0-9]*(?:[-/ ][A-ZÄÖÜÉÈ0-9]+)*)\s*:\s*(.*)", re.DOTALL)
# Canonical field for each label (Nexis in English, German, French: lnt_read's keywords and newspapers').
_NEXIS_FIELDS = {
    "HEADLINE": "title", "TITEL": "title", "ÜBERSCHRIFT": "title", "TITRE": "title",
    "BYLINE": "authors", "AUTOR": "authors", "AUTHOR": "authors", "AUTEUR": "authors", "VON": "authors",
    "SECTION": "section", "RUBRIK": "section", "RUBRIQUE": "section",
    "LENGTH": "length", "LÄNGE": "length", "LONGUEUR": "length",
    "DATELINE": "dateline", "ORTSZEILE": "dateline",
    "LANGUAGE": "language", "SPRACHE": "language", "LANGUE": "language",
    "URL": "url",
}
_NEXIS_OTHER_LABELS = {
    "LOAD-DATE", "UPDATE", "PUBLICATION-TYPE", "JOURNAL-CODE", "ZEITUNGS-CODE", "GRAPHIC", "GRAFIK", "HIGHLIGHT",
    "CORRECTION-DATE", "CORRECTION", "DOCUMENT-TYPE", "DOKUMENT-TYP", "NOTES", "SOURCE", "QUELLE", "TYPE", "SERIES",
    "EDITION", "AUSGABE", "SUBJECT", "ORGANIZATION", "PERSON", "CITY", "STATE", "COUNTRY", "GEOGRAPHIC", "INDUSTRY",
    "TICKER", "COMPANY", "DISTRIBUTION", "ACC-NO", "PUBLICATION", "PUB-TYPE", "DATE", "DATUM", "PICTURE",
    "ILLUSTRATION", "BODY", "LOAD-DATE-TIME", "MAGAZINE", "COLUMN", "KOLUMNE", "TERMS",
}
_NEXIS_MARKERS = re.compile(r"<!--\s*LXNComment|<DOC\s+NUMBER\s*=|\bNAME\s*=\s*[\"']?DOC_ID_\d|"
                            r"<META\b[^>]*\bDOCUMENTS\s*=\s*[\"']?\d", re.IGNORECASE)
# "Download Request: Selected Items: 1-49" / "... All Documents: 1-500" / "... Selected Items: 1-5, 7, 9-12".
_NEXIS_COVER = re.compile(r"Download Request\s*:[^:\n]*:\s*(\d+(?:\s*-\s*\d+)?(?:\s*,\s*\d+(?:\s*-\s*\d+)?)*)\s*$",
                          re.IGNORECASE | re.MULTILINE)
_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
_CSS_RULE = re.compile(r"\.([\w-]+)\s*\{([^}]*)\}")


def _stylesheet(root) -> dict[str, dict[str, str]]:
    """``{class: {property: value}}`` from the page's own ``<style>`` blocks (Nexis uses classes c0, c1, ...)."""
    rules: dict[str, dict[str, str]] = {}
    for style in root.iter("style"):
        css = re.sub(r"/\*.*?\*/", "", style.text or "", flags=re.DOTALL)
        for name, body in _CSS_RULE.findall(css):
            props = rules.setdefault(name, {})
            for decl in body.split(";"):
                key, _, value = decl.partition(":")
                if key.strip():
                    props[key.strip().lower()] = value.strip().lower()
    return rules


class _NexisDiv:
    """One leaf div of a Nexis article, with what the layout needs to know about it."""

    def __init__(self, el, css: dict[str, dict[str, str]]):
        self.el = el
        self.text = _flat(el)
        self.paragraphs = el.findall(".//p")
        first_p = self.paragraphs[0] if self.paragraphs else None
        self.centred = self._centred(el, css) or (first_p is not None and self._centred(first_p, css, up=False))
        self.size = max((self._font_size(span, css) for span in el.iter("span")), default=0.0)
        self.label, self.value, self.label_certain = self._label(el, css)

    @staticmethod
    def _centred(el, css, *, up: bool = True) -> bool:
        for node in (el, *el.iterancestors()) if up else (el,):
            if (node.get("align") or "").lower() == "center" or node.tag == "center":
                return True
            style = (node.get("style") or "").lower().replace(" ", "")
            if "text-align:center" in style:
                return True
            if any(css.get(c, {}).get("text-align") == "center" for c in _classes(node)):
                return True
            if node.tag in ("body", "html"):
                break
        return False

    @staticmethod
    def _font_size(span, css) -> float:
        for c in _classes(span):
            size = re.match(r"([\d.]+)", css.get(c, {}).get("font-size", ""))
            if size:
                return float(size.group(1))
        return 0.0

    def _label(self, el, css) -> tuple[str, str, bool]:
        """``(label, value, certain)``: a field is one paragraph opening with "LABEL: ". It is certain when the label
        has a span (or ``<b>``) of its own, as Nexis writes them; a known label sharing its span with the value is
        taken too, except in the headline's place (see :func:`_nexis_article`), so "UPDATE: Markets fall" as a
        headline stays a headline and "WASHINGTON: ..." opening a one-paragraph body stays body text."""
        if len(self.paragraphs) > 1:
            return "", "", False
        found = _NEXIS_LABEL.fullmatch(self.text)
        if not found:
            return "", "", False
        label = found.group(1).upper()
        first = next((s for s in el.iter("span", "b", "strong") if " ".join((s.text or "").split())), None)
        own_span = first is not None and " ".join((first.text or "").split()).rstrip(": ").upper() == label \
            and (first.text or "").strip().endswith(":")
        if own_span:
            return label, found.group(2).strip(), True
        if label in _NEXIS_FIELDS or label in _NEXIS_OTHER_LABELS:
            return label, found.group(2).strip(), False
        return "", "", False


def _nexis_segments(root, css) -> tuple[list[_NexisDiv], list[list[_NexisDiv]]]:
    """The cover-page divs and, per article, its divs: an article starts at a ``<DOC>`` comment, a ``DOC_ID``
    anchor or an "n of m DOCUMENTS" line (markers in a row open one article)."""
    cover: list[_NexisDiv] = []
    segments: list[list[_NexisDiv]] = []
    current: list[_NexisDiv] | None = None
    leaves = set(_leaf_divs(root))

    def start() -> list[_NexisDiv]:
        if current is not None and not current:
            return current
        segments.append([])
        return segments[-1]

    body = root.find("body")
    for el in (body if body is not None else root).iter():
        if el.tag is etree.Comment:
            if re.search(r"<DOC\b", el.text or "", re.IGNORECASE):
                current = start()
        elif el.tag == "a" and (el.get("name") or "").upper().startswith("DOC_ID_"):
            current = start()
        elif el in leaves:
            div = _NexisDiv(el, css)
            if _NEXIS_COUNT.fullmatch(div.text) and (current is None or any(
                    _NEXIS_COUNT.fullmatch(d.text) for d in current)):
                current = start()
            (cover if current is None else current).append(div)
    return cover, [s for s in segments if s]


def _nexis_article(divs: list[_NexisDiv], where: str, problems: list[str]) -> tuple[SourceArticle, int | None,
                                                                                   int | None]:
    number = total = None
    count_at = next((i for i, d in enumerate(divs) if _NEXIS_COUNT.fullmatch(d.text)), None)
    if count_at is not None:
        found = _NEXIS_COUNT.fullmatch(divs[count_at].text)
        number, total = (int(found.group("n") or found.group("n2")), int(found.group("m") or found.group("m2")))
        where = f"document {number} of {total}"
        divs = divs[count_at + 1:]
    any_centred = any(d.centred for d in divs)
    # Header: the centred divs before the first left-aligned one (outlet, date, edition). Without any styling,
    # as newspapers counts them: outlet, then date, then the headline.
    if any_centred:
        head_end = next((i for i, d in enumerate(divs) if not d.centred), len(divs))
    else:
        limit = next((i for i, d in enumerate(divs) if d.label), len(divs))
        date_at = next((i for i in range(min(limit, 3)) if _is_date(divs[i].text)), None)
        head_end = date_at + 1 if date_at is not None else min(1, limit)
    header = [d for d in divs[:head_end] if d.text]
    date_div = next((d for d in header if _is_date(d.text)), None)
    if date_div is None:  # a date parse_date cannot read ("Spring 2013"): the first other line with a year
        date_div = next((d for d in header[1:] if _YEAR.search(d.text)), None)
    outlet = next((d.text for d in header if d is not date_div), "")
    date = date_div.text if date_div else ""
    fields: dict[str, list[str]] = {}
    content: list[_NexisDiv] = []
    for position, div in enumerate(divs[head_end:]):
        if div.label and (div.label_certain or position > 0 or _NEXIS_FIELDS.get(div.label) == "title"):
            field = _NEXIS_FIELDS.get(div.label)
            if field and div.value:
                fields.setdefault(field, []).append(div.value)
        elif div.centred and any_centred:
            continue  # copyright and other centred footer lines
        elif div.text:
            content.append(div)
    title = " ".join(fields.pop("title", []))
    if not title and content:
        first = content[0]
        largest = max(d.size for d in content)
        if len(first.paragraphs) <= 1 and first.size >= largest and (len(content) > 1 or len(first.text) < 300):
            title = first.text
            content = content[1:]
    paragraphs: list[str] = []
    for div in content:
        paras = [_lines(p) for p in div.paragraphs] if div.paragraphs else _lines(div.el).split("\n")
        paragraphs.extend(p for p in paras if p)
    article = SourceArticle(
        text="\n\n".join(paragraphs), title=title, outlet=outlet, date=date,
        authors="; ".join(fields.get("authors", [])), section="; ".join(fields.get("section", [])),
        url=(fields.get("url") or [""])[0], dateline=(fields.get("dateline") or [""])[0],
        language=(fields.get("language") or [""])[0], length=(fields.get("length") or [""])[0])
    missing = [field for field, value in (("headline", article.title), ("outlet", article.outlet),
                                         ("date", article.date), ("body text", article.text)) if not value]
    if missing:
        problems.append(f"{where}: no {', no '.join(missing)} found")
    return article, number, total


def read_nexis_html(data: bytes, name: str) -> ParsedSource:
    """The articles of a Nexis UK / LexisNexis Academic HTML export (see the module docstring)."""
    root, problems = _parse(data)
    css = _stylesheet(root)
    cover, segments = _nexis_segments(root, css)
    articles: list[SourceArticle] = []
    numbers: list[int] = []
    totals: set[int] = set()
    for index, divs in enumerate(segments, 1):
        article, number, total = _nexis_article(divs, f"article {index}", problems)
        articles.append(article)
        if number is not None:
            numbers.append(number)
            totals.add(total)
    if not articles:
        return ParsedSource([], None, problems + ["no Nexis articles found (no \"1 of N DOCUMENTS\" lines or "
                                                  "DOC markers)"])
    stated = None
    cover_items = _NEXIS_COVER.search("\n".join(_lines(d.el) for d in cover))
    meta = next((m.get("documents") for m in root.iter("meta") if (m.get("documents") or "").isdigit()), None)
    if cover_items:
        stated = sum(int(last or first) - int(first) + 1
                     for first, last in re.findall(r"(\d+)(?:\s*-\s*(\d+))?", cover_items.group(1)))
    elif meta:
        stated = int(meta)
    elif numbers and numbers[0] == 1 and len(totals) == 1:
        stated = totals.pop()
    gap = _numbering_gap(numbers, "documents")
    return ParsedSource(articles, stated, problems + ([gap] if gap else []))


def looks_like_nexis_html(head: str) -> bool:
    """Whether the start of an HTML file is a Nexis UK / LexisNexis Academic export."""
    if _NEXIS_MARKERS.search(head):
        return True
    lowered = head.lower()
    return ("nexis" in lowered or "lexis" in lowered) and bool(re.search(
        r">\s*(?:\d+\s+(?:of|von|de)\s+\d+\s+(?:DOCUMENTS?|DOKUMENTEN?)|(?:Dokument|Document)\s+\d+\s+(?:von|de)\s+\d+)"
        r"\s*<", head))


# --------------------------------------------------------------------------------------------------------------
# Factiva

# Factiva accession numbers: source code padded to 8 characters, the date loaded (yyyymmdd), 9 more characters.
_ACCESSION_ID = re.compile(r"article-[A-Za-z0-9]{8}(?:19|20)\d{6}[A-Za-z0-9]{9}")
_COUNTED = re.compile(r"(\d+)\)\s*(.*)", re.DOTALL)
FACTIVA_SAVE_LIMIT = 100
"""Factiva formats at most this many articles for saving at a time; a search summary that counts more results
than this is not the count of one file."""
_ARTICLE_CLASS = re.compile(r"[a-z]{2,3}Article", re.IGNORECASE)
_HEADLINE_CLASS = re.compile(r"([a-z]{2,3})?Headline", re.IGNORECASE)
_WORDS = re.compile(r"\d[\d.,\u00a0\u202f' ]*\s*(?:words?|wörter|wort|mots?|palabras?|parole|palavras?|woorden|ord|"
                    r"sanaa|słów|slov|слов[а]?|語|字|単語|단어)", re.IGNORECASE)
_TIME = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*(?:[AaPp]\.?[Mm]\.?))?(?:\s*[A-Z]{2,5}(?:[+-]\d{1,2})?)?")
_SOURCE_CODE = re.compile(r"[A-Z0-9]{2,12}")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright\b|alle rechte|all rights reserved|tous droits)", re.IGNORECASE)
_DOC_ID = re.compile(r"(?:Document|Dokument|Documento|Документ|Doc)\s+[A-Za-z0-9]{10,}")
_BYLINE_START = re.compile(r"(?:By|Von|Par|Por|Di|Door|Av|Af)\s+\S", re.IGNORECASE)
_LANGUAGES = {
    "english", "englisch", "anglais", "inglés", "ingles", "inglese", "inglês", "engels", "german", "deutsch",
    "allemand", "alemán", "aleman", "tedesco", "alemão", "duits", "french", "französisch", "francais", "français",
    "francés", "frances", "francese", "francês", "frans", "spanish", "spanisch", "espagnol", "español", "espanol",
    "spagnolo", "espanhol", "spaans", "italian", "italienisch", "italien", "italiano", "italiaans", "portuguese",
    "portugiesisch", "portugais", "portugués", "portoghese", "português", "portugees", "dutch", "niederländisch",
    "néerlandais", "neerlandés", "olandese", "holandês", "nederlands", "russian", "russisch", "russe", "ruso",
    "russo", "chinese", "chinesisch", "chinois", "chino", "cinese", "chinês", "japanese", "japanisch",
    "japonais", "japonés", "giapponese", "japonês", "korean", "koreanisch", "coréen", "arabic", "arabisch",
    "arabe", "árabe", "danish", "dänisch", "swedish", "schwedisch", "norwegian", "norwegisch", "finnish",
    "finnisch", "polish", "polnisch", "turkish", "türkisch", "greek", "griechisch", "czech", "tschechisch",
    "hungarian", "ungarisch", "catalan", "katalanisch", "indonesian", "indonesisch", "malay", "hebrew",
    "hebräisch", "vietnamese", "thai", "hindi", "romanian", "rumänisch", "english (us)", "english (uk)",
}
# Factiva field codes and written-out field names (English and German interfaces) -> field.
_FACTIVA_CODES = {
    "HD": "title", "BY": "authors", "WC": "length", "PD": "date", "ET": "time", "SN": "outlet", "SC": "code",
    "SE": "section", "CLM": "column", "ED": "edition", "PG": "page", "LA": "language", "CY": "copyright",
    "LP": "lead", "TD": "body", "AN": "id", "CR": "credit", "DL": "dateline",
}
_FACTIVA_NAMES = {
    "headline": "title", "überschrift": "title", "schlagzeile": "title", "titel": "title",
    "byline": "authors", "author": "authors", "authors": "authors", "autor": "authors", "autoren": "authors",
    "word count": "length", "words": "length", "wortanzahl": "length", "wörter": "length", "anzahl wörter": "length",
    "publication date": "date", "date": "date", "datum": "date", "veröffentlichungsdatum": "date",
    "erscheinungsdatum": "date", "publikationsdatum": "date",
    "source name": "outlet", "source": "outlet", "quelle": "outlet", "quellenname": "outlet",
    "name der quelle": "outlet", "section": "section", "rubrik": "section", "ressort": "section",
    "language": "language", "sprache": "language", "lead paragraph": "lead", "lead": "lead", "vorspann": "lead",
    "einleitung": "lead", "text": "body", "haupttext": "body", "dateline": "dateline", "ortsmarke": "dateline",
}
_RESULTS_LABEL = re.compile(r"(?:results found|total results|number of results|gefundene ergebnisse|"
                            r"ergebnisse gefunden|anzahl (?:der )?ergebnisse|résultats trouvés|"
                            r"resultados encontrados|risultati trovati)\s*:?", re.IGNORECASE)
_FACTIVA_MARKERS = re.compile(
    r"<title>\s*(?:Dow Jones\s+)?Factiva\s*</title>|printsavews\.aspx|class\s*=\s*[\"']?factivalogo|"
    r"class\s*=\s*[\"']article\s+[a-z]{2,3}Article[\"']|"
    r"class\s*=\s*[\"']articleParagraph\s+[a-z]{2,3}articleParagraph[\"']", re.IGNORECASE)


def _factiva_nodes(root) -> list:
    """The article divs: ``class="article xxArticle"``; failing that, ``id="article-<accession number>"``
    (``NYTF000020050408dp1900j9s``)."""
    nodes = [el for el in root.iter("div")
             if "article" in _classes(el) and any(_ARTICLE_CLASS.fullmatch(c) for c in _classes(el))]
    if not nodes:
        nodes = [el for el in root.iter("div") if _ACCESSION_ID.fullmatch(el.get("id") or "")]
    chosen = set(nodes)
    return [el for el in nodes if not any(a in chosen for a in el.iterancestors())]


def _article_id(node) -> str:
    for el in (node, *node.iterancestors("div")):
        ident = el.get("id") or ""
        if ident.startswith("article-"):
            return ident
    return ""


def _paragraphs(el) -> list[str]:
    paras = [p for p in el.iter("p") if _lines(p)]
    if paras:
        return [t for t in (_lines(p) for p in paras) if not _DOC_ID.fullmatch(t)]
    return [line for line in _lines(el).split("\n") if line and not _DOC_ID.fullmatch(line)]


def _headline(node) -> tuple[str, int | None]:
    """The headline and, when Factiva numbered it (``<span class="deHeadline counted">12) ...``), its number,
    which is taken off the headline."""
    span = next((s for s in node.iter("span") if any(_HEADLINE_CLASS.fullmatch(c) for c in _classes(s))), None)
    if span is None:
        hd = next((d for d in node.iter("div") if d.get("id") == "hd"), None)
        return (_flat(hd) if hd is not None else ""), None
    title = _flat(span)
    counted = _COUNTED.fullmatch(title) if "counted" in _classes(span) else None
    if counted:
        return counted.group(2), int(counted.group(1))
    return title, None


def _factiva_table(node) -> dict[str, object] | None:
    """Fields of the "plus Indexing" layout (a table of field codes), or ``None`` when the node has no such table."""
    fields: dict[str, object] = {}
    for row in node.iter("tr"):
        cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]
        if len(cells) < 2:
            continue
        label = _flat(cells[0]).rstrip(":").strip()
        field = _FACTIVA_CODES.get(label) or _FACTIVA_NAMES.get(label.lower())
        if field and field not in fields:
            fields[field] = cells[1]
    if not ({"title", "date"} <= fields.keys() and ({"body", "lead"} & fields.keys() or "outlet" in fields)):
        return None
    return fields


def _factiva_from_table(fields: dict[str, object]) -> tuple[SourceArticle, int | None]:
    def flat(field: str) -> str:
        el = fields.get(field)
        return _flat(el) if el is not None else ""

    title_el = fields.get("title")
    title, number = _headline(title_el) if title_el is not None else ("", None)
    body: list[str] = []
    for part in ("lead", "body"):
        if fields.get(part) is not None:
            body.extend(_paragraphs(fields[part]))
    return SourceArticle(
        text="\n\n".join(body), title=title or flat("title"), outlet=flat("outlet"), date=flat("date"),
        authors=flat("authors"), section="; ".join(s for s in (flat("section"), flat("column")) if s),
        dateline=flat("dateline"), language=flat("language"), length=flat("length")), number


def _factiva_from_divs(node, problems: list[str], where: str) -> tuple[SourceArticle, int | None]:
    """Fields of the "Article Format" layout: unlabelled divs around the headline, found by what they hold."""
    title, number = _headline(node)
    hd = next((d for d in node.iter("div") if d.get("id") == "hd"), None)
    headline_span = next((s for s in node.iter("span") if any(_HEADLINE_CLASS.fullmatch(c) for c in _classes(s))),
                         None)
    before: list = []
    after: list = []
    seen_headline = False
    for el in node.iter():
        if el.tag == "p" and any(c.lower().endswith("articleparagraph") for c in _classes(el)):
            break
        if el is hd or el is headline_span:
            seen_headline = True
            continue
        if el.tag != "div" or next(el.iterdescendants("div"), None) is not None:
            continue
        if hd is not None and hd in el.iterancestors():
            continue
        if headline_span is not None and headline_span in el.iterdescendants():
            seen_headline = True
            continue
        (after if seen_headline else before).append(el)
    authors = [_flat(d) for d in after if "author" in _classes(d) and _flat(d)]
    plain = [d for d in after if "author" not in _classes(d)]
    texts = [_flat(d) for d in plain]
    words_at = next((i for i, t in enumerate(texts) if _WORDS.fullmatch(t)), None)
    length = date = outlet = language = ""
    if words_at is not None:
        length = texts[words_at]
        credits = texts[:words_at]
        rest = texts[words_at + 1:]
        if rest:  # the date follows the word count, read or not (newspapers takes it by position too)
            date = rest.pop(0)
        if rest and _TIME.fullmatch(rest[0]):
            rest.pop(0)
        if rest:
            outlet = rest.pop(0)
    else:
        problems.append(f"{where}: no word count line found; the date and source were looked for by their form")
        date_at = next((i for i, t in enumerate(texts) if _is_date(t)), None)
        credits = texts[:date_at] if date_at is not None else []
        rest = texts[date_at + 1:] if date_at is not None else texts
        date = texts[date_at] if date_at is not None else ""
        if rest and _TIME.fullmatch(rest[0]):
            rest.pop(0)
        outlet = rest.pop(0) if rest and not _SOURCE_CODE.fullmatch(rest[0]) else ""
    if not authors:
        authors = [t for t in credits if _BYLINE_START.match(t)]
    copyright_at = next((i for i, t in enumerate(rest) if _COPYRIGHT.search(t)), len(rest))
    language = next((t for t in rest[:copyright_at] if t.lower() in _LANGUAGES), "")
    section = "; ".join(t for t in (_flat(d) for d in before) if t)
    body = [p for p in (_lines(p) for p in node.iter("p")
                        if any(c.lower().endswith("articleparagraph") for c in _classes(p))) if p]
    if not body:
        body = [t for t in (_lines(p) for p in node.iter("p")) if t and not _DOC_ID.fullmatch(t)]
    return SourceArticle(text="\n\n".join(body), title=title, outlet=outlet, date=date, authors="; ".join(authors),
                         section=section, language=language, length=length), number


def _factiva_contents(root, ids: Iterable[str]) -> dict[str, str]:
    """Titles of a contents list: links ``href="#article-..."`` to the articles of this file, by target id."""
    wanted = set(ids)
    titles: dict[str, str] = {}
    for link in root.iter("a"):
        target = (link.get("href") or "")
        if target.startswith("#") and target[1:] in wanted and target[1:] not in titles and _flat(link):
            titles[target[1:]] = _flat(link)
    return titles


def _factiva_summary_count(root) -> int | None:
    for row in root.iter("tr"):
        cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]
        for label, value in zip(cells, cells[1:]):
            number = _flat(value).replace(",", "").replace(".", "").replace("\u00a0", "").replace(" ", "")
            if _RESULTS_LABEL.fullmatch(_flat(label)) and number.isdigit():
                return int(number)
    return None


def read_factiva_html(data: bytes, name: str) -> ParsedSource:
    """The articles of a Factiva HTML export, English or German interface (see the module docstring)."""
    root, problems = _parse(data)
    nodes = _factiva_nodes(root)
    articles: list[SourceArticle] = []
    numbers: list[int] = []
    for index, node in enumerate(nodes, 1):
        table = _factiva_table(node)
        article, number = (_factiva_from_table(table) if table is not None
                           else _factiva_from_divs(node, problems, f"article {index}"))
        articles.append(article)
        if number is not None:
            numbers.append(number)
    if not articles:
        return ParsedSource([], None, problems + ['no Factiva articles found (no <div class="article xxArticle">)'])
    ids = [_article_id(node) for node in nodes]
    contents = _factiva_contents(root, (i for i in ids if i))
    summary = _factiva_summary_count(root)
    if contents:
        articles = [a._replace(title=contents.get(i, a.title)) for a, i in zip(articles, ids)]
        stated = len(contents)
    elif summary is not None and summary <= FACTIVA_SAVE_LIMIT:
        stated = summary
    elif numbers:
        stated = max(numbers) - min(numbers) + 1
    else:
        stated = None
    for index, article in enumerate(articles, 1):
        missing = [field for field, value in (("headline", article.title), ("source name", article.outlet),
                                             ("date", article.date), ("body text", article.text)) if not value]
        if missing:
            problems.append(f"article {index}: no {', no '.join(missing)} found")
    gap = _numbering_gap(numbers, "articles")
    return ParsedSource(articles, stated, problems + ([gap] if gap else []))


def looks_like_factiva_html(head: str) -> bool:
    """Whether the start of an HTML file is a Factiva export (its page title, print/save page or article markup)."""
    return bool(_FACTIVA_MARKERS.search(head))
