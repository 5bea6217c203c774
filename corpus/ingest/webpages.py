"""Read a saved single-article web page (``.html``, ``.htm``) as one article.

Contract (see :mod:`corpus.ingest.records`): ``read_web_page(data, name)`` takes the page's bytes and the file's
name (for messages only) and returns a :class:`~corpus.ingest.records.ParsedSource` holding one
:class:`~corpus.ingest.records.SourceArticle`, or no article when the page holds no article text
(``ParsedSource([], None, ["no article text found ..."])``). Empty, binary and non-HTML input raises
:class:`~corpus.ingest.records.FormatError`. It never writes, never prints (trafilatura and htmldate log to
their own loggers, which have a ``NullHandler``) and never touches the network: the page is parsed here and
trafilatura and htmldate get the parsed tree, never a string they could take for an address to download.

* **Body**: the main text as trafilatura finds it (A. Barbaresi, "Trafilatura: A Web Scraping Library and
  Command-Line Tool for Text Discovery and Extraction", ACL-IJCNLP 2021 System Demonstrations, pp. 122-131),
  one paragraph per block, paragraphs separated by a blank line. The settings are
  :data:`EXTRACTION_SETTINGS`: ``favor_precision=True``, trafilatura's precision mode, which leaves out more
  of the blocks it is unsure about (on the 45 development pages of ``benchmarks/html_pages.py`` it raised the
  benchmark F1 from 0.961 to 0.970: precision 0.953 to 0.973 for recall 0.971 to 0.967; the balanced and
  recall modes, and leaving tables out, scored lower); ``include_comments=False`` (readers' comments are not
  the article); ``include_tables=True`` (trafilatura's default: a table in an article is part of its text);
  no formatting, links or images; ``deduplicate=False`` (trafilatura's duplicate filter drops repeated
  segments inside a page, and its cache is shared by every call, so a page read twice would lose text).
  Before extraction the page's whitespace is collapsed as a browser renders it (:func:`collapse_whitespace`),
  since trafilatura keeps the line breaks of the HTML source inside paragraphs.
  The body is returned *before* the project's cleaning: the loader runs
  :func:`corpus.ingest.cleaning.clean_article` on every body, with this reader's title and outlet.
* **Title, authors, URL**: the page's metadata as ``trafilatura.bare_extraction(with_metadata=True)`` reads
  it (Open Graph, JSON-LD, ``<meta name="author">``, ``<title>``, the canonical link). The site's name is
  taken off the title ("Headline | Site") and out of the authors; several authors are joined with "; ".
* **Date**: ``htmldate.find_date`` (through trafilatura) with :data:`DATE_SETTINGS`: ``original_date=True``
  (the publication date, not the last update), extensive search, no date after today; ISO ``YYYY-MM-DD``,
  empty (and a problem) when none is found.
* **Outlet**: the name :func:`corpus.ingest.loader.outlet_from_url` gives the page's address when its domain
  is a known outlet ("The New York Times"), else the page's own name for its site (``og:site_name``, or
  trafilatura's site name when it is not a bare handle), else the bare domain.
* **Language**: the ``lang`` attribute of ``<html>`` as written ("en", "en-US"), else ``og:locale``.
  **Section**: the first category the metadata names (``article:section``, JSON-LD ``articleSection``).

Decoding: :func:`corpus.ingest.encodings.decode_html` (a byte-order mark; else UTF-8 when the bytes are valid
UTF-8, since legacy-encoded text practically never is while saved pages are often re-encoded as UTF-8 with the
original ``<meta charset>`` left in place; else the declared charset; else UTF-8 with stray bytes read as
cp1252, reported as a problem).
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlparse

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from corpus.ingest.encodings import read_html_bytes
from corpus.ingest.records import FormatError, ParsedSource, SourceArticle

__all__ = ["DATE_SETTINGS", "EXTRACTION_SETTINGS", "collapse_whitespace", "read_web_page"]

EXTRACTION_SETTINGS: dict = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "include_formatting": False,
    "include_links": False,
    "include_images": False,
    "deduplicate": False,
}
"""The trafilatura options of every body this module extracts (see the module docstring for why)."""

MARKUP_SNIFF_CHARS = 65536
"""How far into the decoded page a tag must appear for the file to count as HTML."""

_MARKUP = re.compile(r"<(?:!doctype|[a-z][a-z0-9]*)[\s/>]", re.IGNORECASE)


def _parse(data: bytes) -> tuple[HtmlElement, str]:
    """The page's tree, its whitespace collapsed, and a decoding problem (or ""); FormatError for what is no page."""
    text, problem = read_html_bytes(data)
    if not _MARKUP.search(text[:MARKUP_SNIFF_CHARS]):
        raise FormatError("not an HTML page: no HTML markup found")
    # An XML declaration with an encoding makes lxml refuse a str; the bytes are decoded already.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    tree = load_html(text)
    if tree is None:
        raise FormatError("not an HTML page: the markup could not be parsed")
    collapse_whitespace(tree)
    return tree, problem


_KEEPS_WHITESPACE = frozenset({"pre", "textarea", "script", "style", "code", "listing", "plaintext", "xmp"})
_WHITESPACE_RUN = re.compile(r"[ \t\n\r\f]+")


def collapse_whitespace(tree: HtmlElement) -> None:
    """Collapse every run of HTML whitespace in the page's text to one space, in place, as a browser renders it.

    A line break in the page's source is only a space (``<br>`` and block elements make the visible breaks), but
    trafilatura keeps it in its text, so a hard-wrapped paragraph would come out as many short lines, which the
    cleaning then reads as headline lines. Text inside ``<pre>``, ``<code>``, ``<textarea>``, scripts and styles is
    left as it is.
    """
    stack = [(tree, tree.tag in _KEEPS_WHITESPACE)]
    while stack:
        element, keep = stack.pop()
        if not keep and element.text:
            element.text = _WHITESPACE_RUN.sub(" ", element.text)
        for child in element:
            if not keep and child.tail:
                child.tail = _WHITESPACE_RUN.sub(" ", child.tail)
            stack.append((child, keep or (isinstance(child.tag, str) and child.tag in _KEEPS_WHITESPACE)))


def _paragraphs(text: str | None) -> str:
    """trafilatura's one-line-per-block text as paragraphs separated by a blank line."""
    lines = (line.strip() for line in (text or "").splitlines())
    return "\n\n".join(line for line in lines if line)


def _key(name: str) -> str:
    return re.sub(r"[\W_]+", " ", name.casefold()).strip()


def _meta(tree: HtmlElement, prop: str) -> str:
    values = tree.xpath(f'//meta[@property="{prop}" or @name="{prop}"]/@content')
    return next((v.strip() for v in values if v and v.strip()), "")


def _outlet(url: str, og_site_name: str, sitename: str) -> str:
    """The known outlet of the page's domain, else the name the page gives itself, else the bare domain.

    ``og:site_name`` is the page's own name for itself; trafilatura's site name (also from JSON-LD or the
    Twitter handle) is taken only when it is more than one token, as a handle ("SputnikInt") is not a name.
    A name that is only the domain's first label as written there ("nj" on nj.com) says less than the domain.
    """
    from corpus.ingest.loader import (
        outlet_from_url,  # at call time: the loader imports the readers
    )

    domain = outlet_from_url(url) if url else ""
    if domain and "." not in domain:
        return domain
    label = domain.split(".")[0]
    candidates = [og_site_name, sitename if re.search(r"[\s.]", sitename) else ""]
    for name in candidates:
        if name and not re.match(r"(?i)https?://", name) and name != label:
            return name
    return domain or sitename


_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " // ")


def _title(title: str, site_names: list[str]) -> str:
    """The title without the site's name glued to its end ("Headline - Site") or start ("Site: Headline")."""
    for name in sorted({n for n in site_names if n}, key=len, reverse=True):
        site = re.escape(name)
        for sep in map(re.escape, _TITLE_SEPARATORS):
            if match := re.fullmatch(rf"(.+?){sep}{site}", title, re.IGNORECASE | re.DOTALL):
                return match.group(1).strip()
        for sep in map(re.escape, _TITLE_SEPARATORS + (": ",)):
            if match := re.fullmatch(rf"{site}{sep}(.+)", title, re.IGNORECASE | re.DOTALL):
                return match.group(1).strip()
    return title


def _authors(author: str, domain: str) -> str:
    """trafilatura's "; "-joined authors, each once, without the page's domain read as a name ("Cleveland com" on
    cleveland.com). A site's name is kept: a blog is often named after its author."""
    kept = [a.strip() for a in author.split(";") if a.strip() and (not domain or _key(a) != _key(domain))]
    return "; ".join(dict.fromkeys(kept))


DATE_SETTINGS = {"original_date": True, "extensive_search": True, "outputformat": "%Y-%m-%d"}
"""htmldate's ``find_date`` options (trafilatura passes them on): the original publication date, not the last
update; markup first, then the page's text and URL."""


MIN_ARTICLE_WORDS = 20
"""A page whose main text is shorter is a menu, an index or an error page (the shortest true body among the 45
shared benchmark pages has 67 words)."""


def read_web_page(data: bytes, name: str) -> ParsedSource:
    """One saved web page as one article (or none, with the problem, when it holds no article text)."""
    tree, problem = _parse(data)
    problems = [problem] if problem else []
    document = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        date_extraction_params={**DATE_SETTINGS, "max_date": date.today().isoformat()},
        **EXTRACTION_SETTINGS,
    )
    body = _paragraphs(document.text if document is not None else "")
    if not body:
        return ParsedSource([], None, problems + ["no article text found in the page (trafilatura extracted nothing)"])
    n_words = len(body.split())
    if n_words < MIN_ARTICLE_WORDS:
        return ParsedSource([], None, problems + [f"no article text found in the page (the main text trafilatura "
                                                  f"found is {n_words} words, fewer than {MIN_ARTICLE_WORDS}: a menu "
                                                  "or a link list, not an article)"])
    url = (document.url or "").strip()
    og_site_name = _meta(tree, "og:site_name")
    sitename = (document.sitename or "").strip()
    outlet = _outlet(url, og_site_name, sitename)
    domain = urlparse(url).netloc.lower().removeprefix("www.") if url else ""
    site_names = [outlet, og_site_name, sitename, domain]
    categories = [c.strip() for c in (document.categories or []) if c and c.strip()]
    article = SourceArticle(
        text=body,
        title=_title((document.title or "").strip(), site_names),
        outlet=outlet,
        date=(document.date or "").strip(),
        authors=_authors(document.author or "", domain),
        section=categories[0] if categories else "",
        url=url,
        language=(tree.get("lang") or _meta(tree, "og:locale")).strip(),
    )
    if not article.date:
        problems.append("no publication date found in the page")
    return ParsedSource([article], None, problems)
