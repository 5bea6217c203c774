"""A saved web page becomes one article: the body without the page's chrome, the metadata from its markup; a page
without an article gives none and says so; what is not a page is refused."""

from __future__ import annotations

import codecs
import json
import os
import re
import socket
from collections import Counter
from pathlib import Path

import pytest

from corpus.ingest.cleaning import clean_article
from corpus.ingest.encodings import decode_html
from corpus.ingest.records import FormatError, ParsedSource
from corpus.ingest.webpages import collapse_whitespace, read_web_page

PARAGRAPHS = [
    "The harbour authority confirmed on Tuesday that the old lighthouse will be restored over the next two years, "
    "after a long campaign by residents who feared it would be left to collapse into the sea.",
    "Engineers found that the stone tower is sound, but the lantern room and the iron gallery need to be replaced, "
    "and the work will start in the spring once the winter storms have passed.",
    "The restored lighthouse will not guide ships again, the authority said, but it will open to visitors on "
    "weekends, with a small museum about the keepers who lived there for more than a century.",
]
CHROME = [
    "Weather forecast for the whole coast",
    "Finally some good news for the town, I have waited twenty years for this decision to be made.",
    "The money would be better spent on the road to the harbour, which floods every single winter.",
    "Copyright 2021 The Coastal Herald. All rights reserved.",
    "Privacy policy",
]


URL = "https://www.coastalherald.example/news/lighthouse"


def article_page(paragraphs=PARAGRAPHS, charset="utf-8", url=URL) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="{charset}">
<title>Lighthouse to be restored | The Coastal Herald</title>
<meta property="og:title" content="Old lighthouse will be restored, harbour authority says">
<meta property="og:site_name" content="The Coastal Herald">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="2021-05-04T09:30:00+01:00">
<meta property="article:modified_time" content="2021-06-10T12:00:00+01:00">
<meta name="author" content="Maria Jones">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/weather">{CHROME[0]}</a></li></ul></nav></header>
<main><article>
<h1>Old lighthouse will be restored, harbour authority says</h1>
<p class="byline">By Maria Jones</p>
{body}
</article>
<section id="comments" class="comments"><h2>2 comments</h2>
<div class="comment"><p>{CHROME[1]}</p></div>
<div class="comment"><p>{CHROME[2]}</p></div>
</section></main>
<footer><p>{CHROME[3]}</p><ul><li><a href="/privacy">{CHROME[4]}</a></li><li><a href="/terms">Terms</a></li></ul>
</footer></body></html>"""


def test_article_page_gives_its_body_and_metadata():
    parsed = read_web_page(article_page().encode("utf-8"), "lighthouse.html")
    assert isinstance(parsed, ParsedSource) and parsed.stated_count is None and parsed.problems == []
    [article] = parsed.articles
    assert article.title == "Old lighthouse will be restored, harbour authority says"
    assert article.date == "2021-05-04"  # published, not modified
    assert article.authors == "Maria Jones"
    assert article.outlet == "The Coastal Herald"
    assert article.url == URL
    assert article.language == "en-GB"
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text.split("\n\n")
    for chrome in CHROME:
        assert chrome not in article.text
    # The loader's cleaning takes the repeated headline off; the paragraphs are the whole clean body.
    assert clean_article(article.text, outlet=article.outlet, title=article.title).text == "\n\n".join(PARAGRAPHS)


def test_known_domain_names_the_outlet_and_site_name_leaves_the_title():
    page = article_page(url="https://www.nytimes.com/2021/05/04/world/lighthouse.html")
    # Without og:title and <h1> the title comes from <title>, whose "| The Coastal Herald" goes.
    og_title = '<meta property="og:title" content="Old lighthouse will be restored, harbour authority says">\n'
    page = page.replace(og_title, "")
    page = page.replace("<h1>Old lighthouse will be restored, harbour authority says</h1>\n", "")
    [article] = read_web_page(page.encode(), "nyt.html").articles
    assert article.outlet == "The New York Times"
    assert article.title == "Lighthouse to be restored"


def test_hard_wrapped_source_lines_stay_one_paragraph():
    wrapped = [p.replace(", ", ",\n   ") for p in PARAGRAPHS]
    [article] = read_web_page(article_page(wrapped).encode(), "wrapped.html").articles
    assert [p for p in article.text.split("\n\n") if p in PARAGRAPHS] == PARAGRAPHS


def test_collapse_whitespace_keeps_preformatted_text():
    from lxml import html

    tree = html.fromstring("<div><p>one\n  two</p><pre>a\n  b</pre>\n\n<p>three</p></div>")
    collapse_whitespace(tree)
    assert [e.text for e in tree] == ["one two", "a\n  b", "three"]
    assert tree[1].tail == " "


def test_page_without_article_gives_no_article_and_says_so():
    page = """<!DOCTYPE html><html><head><title>The Coastal Herald - Home</title></head><body>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
    <footer><p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></p></footer>
    </body></html>"""
    parsed = read_web_page(page.encode(), "home.html")
    assert parsed.articles == []
    assert len(parsed.problems) == 1 and parsed.problems[0].startswith("no article text found")


@pytest.mark.parametrize("data, message", [
    (b"", "empty file"),
    (b"  \n", "empty file"),
    (b"PK\x03\x04\x00\x00binary", "binary file"),
    (b"just a line of plain text, no markup at all", "not an HTML page"),
    (b"https://www.example.com/news/article.html", "not an HTML page"),  # never taken for an address to fetch
])
def test_what_is_not_a_page_is_refused(data, message):
    with pytest.raises(FormatError, match=message):
        read_web_page(data, "bad.html")


def test_reading_never_touches_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the reader tried to open a connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    [article] = read_web_page(article_page().encode(), "lighthouse.html").articles
    assert article.date == "2021-05-04"


def test_declared_charset_is_obeyed_when_the_bytes_are_not_utf8():
    cyrillic = "Маяк восстановят в течение двух лет, сообщили в управлении порта, после долгой кампании жителей."
    page = article_page([cyrillic] + PARAGRAPHS, charset="windows-1251").encode("cp1251")
    parsed = read_web_page(page, "ru.html")
    assert parsed.problems == []
    assert cyrillic in parsed.articles[0].text


def test_undeclared_legacy_bytes_fall_back_to_windows_1252_and_say_so():
    text, encoding, problem = decode_html("<p>Caf\u00e9 \u201cnoir\u201d</p>".encode("cp1252"))
    assert (text, encoding) == ("<p>Caf\u00e9 \u201cnoir\u201d</p>", "utf-8+cp1252")  # each stray byte as cp1252
    assert problem == "not valid UTF-8 (3 bytes); those were read as cp1252"


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE),
])
def test_byte_order_mark_is_obeyed(encoding, bom):
    page = bom + article_page().encode(encoding)
    [article] = read_web_page(page, "bom.html").articles
    assert PARAGRAPHS[0] in article.text


def test_meta_charset_is_not_trusted_over_valid_utf8():
    # A page saved as UTF-8 that still declares its original charset.
    text, encoding, problem = decode_html('<meta charset="iso-8859-1"><p>Caf\u00e9</p>'.encode("utf-8"))
    assert (encoding, problem) == ("utf-8", "") and "Caf\u00e9" in text


# --- two pages of the shared benchmark sample (skipped when the data is absent) ---------------------------------

def _shared_pages() -> Path | None:
    candidates = [Path(__file__).resolve().parents[3] / "shared" / "data" / "html-pages"]
    if os.environ.get("CORPUS_SHARED_DATA"):
        shared = Path(os.environ["CORPUS_SHARED_DATA"])
        candidates += [shared / "html-pages", shared]
    return next((c for c in candidates if (c / "ground-truth.json").is_file()), None)


def _shingle_f1(true: str, pred: str) -> float:
    """The article-extraction-benchmark's per-page score: 4-gram shingles of \\w+ tokens."""
    def shingles(text):
        tokens = re.findall(r"\w+", text)
        return Counter(tuple(tokens[i:i + 4]) for i in range(max(1, len(tokens) - 3)))
    a, b = shingles(true), shingles(pred)
    tp = sum((a & b).values())
    return 2 * tp / (sum(a.values()) + sum(b.values()))


SHARED = _shared_pages()
SHARED_IDS = [
    "04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34",  # nytimes.com, a known outlet
    "098bb3e96c0acdf36efdcde45fb9cca3f8c82c7cb2071b76097a1b96155f1eb2",  # latimes.com
]


@pytest.mark.skipif(SHARED is None, reason="shared html-pages data not found")
@pytest.mark.parametrize("page_id", SHARED_IDS)
def test_shared_benchmark_pages(page_id):
    truth = json.loads((SHARED / "ground-truth.json").read_text(encoding="utf-8"))[page_id]
    parsed = read_web_page((SHARED / "pages" / f"{page_id}.html").read_bytes(), f"{page_id}.html")
    assert parsed.problems == []
    [article] = parsed.articles
    assert article.url == truth["url"]
    assert article.date == "-".join(re.search(r"/(\d{4})[/-](\d{2})[/-](\d{2})/", truth["url"]).groups())
    assert article.title and article.authors and article.outlet.endswith("Times")
    clean = clean_article(article.text, outlet=article.outlet, title=article.title).text
    assert _shingle_f1(truth["articleBody"], clean) > 0.9
