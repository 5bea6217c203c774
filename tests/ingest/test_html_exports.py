"""Nexis UK and Factiva HTML exports: every article with its fields, the count the file states, and nothing read
from pages that are not such exports."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from corpus.ingest.dates import parse_date
from corpus.ingest.encodings import decode_html
from corpus.ingest.html_exports import (
    looks_like_factiva_html,
    looks_like_nexis_html,
    read_factiva_html,
    read_nexis_html,
)
from corpus.ingest.records import FormatError, ParsedSource, SourceArticle


def _shared_exports() -> Path:
    """``<workspace>/shared/data/exports``, else ``$CORPUS_SHARED_DATA`` (the data folder or its ``exports``)."""
    here = Path(__file__).resolve().parents[3] / "shared" / "data" / "exports"
    if here.is_dir():
        return here
    shared = Path(os.environ.get("CORPUS_SHARED_DATA", "/nonexistent"))
    return shared / "exports" if (shared / "exports").is_dir() else shared


EXPORTS = _shared_exports()
NEXIS_FILE = EXPORTS / "nexis-uk" / "afp_2013-03-12_0501.html"
FACTIVA_FILE = EXPORTS / "factiva" / "nyt_1_1993-01-03.html"


def _head(data: bytes) -> str:
    return decode_html(data)[0][:65536]


# ---------------------------------------------------------------------------------------------------------------
# Nexis UK: a small export written here, in the layout of LexisNexis Academic / Nexis UK HTML downloads.

NEXIS_STYLE = """<STYLE TYPE="text/css"><!--
.c0 { text-align: center; }
.c1 { text-align: center; margin-top: 0em; margin-bottom: 0em; }
.c2 { font-family: Arial; font-size: 10pt; font-style: normal; font-weight: normal; }
.c3 { text-align: center; margin-left: 13%; margin-right: 13%; }
.c4 { text-align: left; }
.c5 { text-align: left; margin-top: 0em; margin-bottom: 0em; }
.c6 { font-family: Arial; font-size: 14pt; font-style: normal; font-weight: bold; }
.c7 { font-family: Arial; font-size: 10pt; font-style: normal; font-weight: bold; }
.c8 { text-align: left; margin-top: 1em; margin-bottom: 0em; }
--></STYLE>"""


def _centred(text: str, cls: str = "c0") -> str:
    return f'<BR><DIV CLASS="{cls}"><P CLASS="c1"><SPAN CLASS="c2">{text}</SPAN></P>\n</DIV>\n'


def _field(label: str, value: str) -> str:
    return (f'<BR><DIV CLASS="c4"><P CLASS="c5"><SPAN CLASS="c7">{label}: </SPAN>'
            f'<SPAN CLASS="c2">{value}</SPAN></P>\n</DIV>\n')


def _headline(text: str) -> str:
    return f'<BR><DIV CLASS="c4"><P CLASS="c5"><SPAN CLASS="c6">{text}</SPAN></P>\n</DIV>\n'


def _body(*paragraphs: str) -> str:
    ps = "".join(f'<P CLASS="c8"><SPAN CLASS="c2">{p}</SPAN></P>\n' for p in paragraphs)
    return f'<BR><DIV CLASS="c4">{ps}</DIV>\n'


def _nexis_doc(number: int, total: int, parts: str) -> str:
    return (f'<A NAME="DOC_ID_{number}_0"></A><!-- Hide XML section from browser\n<DOC NUMBER=1>\n<DOCFULL> -->\n'
            + _centred(f"{number} of {total} DOCUMENTS") + parts
            + '<!-- Hide XML section from browser\n</DOCFULL>\n</DOC> -->\n')


def _nexis_export(docs: list[str], *, meta: int | None = None, cover: str = "") -> bytes:
    meta_tag = f'<META TOPIC="null" DOCUMENTS="{meta}" UPDATED="Monday, May 4, 2015  10:00:00" />' if meta else ""
    cover_div = (f'<DIV CLASS="c4"><P CLASS="c5"><SPAN CLASS="c2">{cover}</SPAN></P>\n</DIV>\n'
                 '<DIV CLASS="c0">&nbsp;</DIV>\n') if cover else ""
    return (f"<HTML>\n<HEAD>\n{NEXIS_STYLE}\n<!-- LXNComment 1234:5678 -->\n<TITLE>&nbsp;</TITLE>\n{meta_tag}</HEAD>\n"
            f"<BODY>\n{cover_div}{''.join(docs)}</BODY>\n</HTML>\n").encode()


NEXIS_DOCS = [
    _nexis_doc(1, 3, (
        _centred('<IMG SRC="https://www.nexis.com/logo.gif" ALT="logo"><BR>The Daily Example (London)')
        + _centred("May 3, 2015 Sunday", "c3")
        + _centred("Final Edition", "c3")
        + _headline("Harbour plan &amp; the council&#8217;s vote")
        + _field("BYLINE", "Jane Doe and Ravi Patel")
        + _field("SECTION", "NEWS; Pg. 4")
        + _field("LENGTH", "52 words")
        + _field("DATELINE", "PORTSMOUTH, May 2")
        + _body("The council voted on Friday to widen the harbour.",
                "HARBOUR: Officials said<BR>work starts in June.",
                "Residents&nbsp;were   divided.")
        + _field("LOAD-DATE", "May 4, 2015")
        + _field("LANGUAGE", "ENGLISH")
        + _field("PUBLICATION-TYPE", "Newspaper")
        + _centred("Copyright 2015 Example Media Ltd<BR>All Rights Reserved")
    )),
    _nexis_doc(2, 3, (
        _centred("Beispiel Zeitung")
        + '<BR><DIV CLASS="c3"><P CLASS="c1"><SPAN CLASS="c7">4.</SPAN><SPAN CLASS="c2"> Mai 2015 Montag 9:50 PM '
          'GMT+1</SPAN><SPAN CLASS="c2">&nbsp;</SPAN></P>\n</DIV>\n'
        + _headline("Neue F&auml;hre f&uuml;r die Insel")
        + _field("AUTOR", "Erika Muster")
        + _field("RUBRIK", "LOKALES; S. 12")
        + _field("L&Auml;NGE", "31 W&ouml;rter")
        + '<BR><DIV CLASS="c4"><BR><P CLASS="c5"><SPAN CLASS="c7">HIGHLIGHT:</SPAN><SPAN CLASS="c2">&nbsp;Ein '
          'Anriss, der nicht zum Text geh&ouml;rt.<BR></SPAN></P>\n</DIV>\n'
        + _body("Die F&auml;hre f&auml;hrt ab Juni st&uuml;ndlich.")
        + _field("UPDATE", "5. Mai 2015")
        + _field("SPRACHE", "GERMAN; DEUTSCH")
        + _centred("Copyright 2015 Beispiel Verlag<BR>Alle Rechte vorbehalten")
    )),
    _nexis_doc(3, 3, (
        _centred("Example Wire")
        + _centred("5 May 2015", "c3")
        + _headline("Markets steady&#194;&nbsp;")
        + _field("LENGTH", "12 words")
        + _field("URL", "https://example.org/markets")
        + _body("Shares were flat in early trade.")
        + _field("LANGUAGE", "ENGLISH")
    )),
]


def test_nexis_export_gives_every_article_with_its_fields():
    parsed = read_nexis_html(_nexis_export(NEXIS_DOCS, meta=3), "small.html")
    assert isinstance(parsed, ParsedSource)
    assert parsed.stated_count == 3
    assert parsed.problems == []
    assert parsed.articles == [
        SourceArticle(
            text="The council voted on Friday to widen the harbour.\n\nHARBOUR: Officials said\nwork starts in "
                 "June.\n\nResidents were divided.",
            title="Harbour plan & the council\u2019s vote", outlet="The Daily Example (London)",
            date="May 3, 2015 Sunday", authors="Jane Doe and Ravi Patel", section="NEWS; Pg. 4", url="",
            dateline="PORTSMOUTH, May 2", language="ENGLISH", length="52 words"),
        SourceArticle(
            text="Die F\u00e4hre f\u00e4hrt ab Juni st\u00fcndlich.", title="Neue F\u00e4hre f\u00fcr die Insel",
            outlet="Beispiel Zeitung", date="4. Mai 2015 Montag 9:50 PM GMT+1", authors="Erika Muster",
            section="LOKALES; S. 12", language="GERMAN; DEUTSCH", length="31 W\u00f6rter"),
        SourceArticle(
            text="Shares were flat in early trade.", title="Markets steady", outlet="Example Wire", date="5 May 2015",
            url="https://example.org/markets", language="ENGLISH", length="12 words"),
    ]
    for article in parsed.articles:
        assert parse_date(article.date).problem == ""


def test_nexis_count_comes_from_the_cover_page_then_meta_then_the_document_lines():
    cover = "Download Request: Selected Items: 1-3<BR>Time Of Request: Monday, May 4, 2015"
    assert read_nexis_html(_nexis_export(NEXIS_DOCS, meta=40, cover=cover), "x").stated_count == 3
    assert read_nexis_html(_nexis_export(NEXIS_DOCS, meta=3), "x").stated_count == 3
    parsed = read_nexis_html(_nexis_export(NEXIS_DOCS), "x")
    assert (len(parsed.articles), parsed.stated_count) == (3, 3)
    listed = "Download Request: Selected Items: 1-2, 5<BR>Terms: DATE(>=2015-01-01 and <=2015-05-31)"
    assert read_nexis_html(_nexis_export(NEXIS_DOCS, meta=40, cover=listed), "x").stated_count == 3
    # The cover page is not an article.
    assert [a.title for a in read_nexis_html(_nexis_export(NEXIS_DOCS, cover=cover), "x").articles][0].startswith(
        "Harbour plan")


def test_nexis_gap_in_the_numbering_is_reported_and_the_count_kept():
    parsed = read_nexis_html(_nexis_export([NEXIS_DOCS[0], NEXIS_DOCS[2]]), "x")
    assert len(parsed.articles) == 2
    assert parsed.stated_count == 3
    assert any("missing 2" in p for p in parsed.problems)


def test_nexis_article_without_headline_or_body_is_kept_and_reported():
    bare = _nexis_doc(1, 1, _centred("Example Wire") + _centred("5 May 2015", "c3") + _field("LENGTH", "0 words"))
    parsed = read_nexis_html(_nexis_export([bare]), "x")
    assert [(a.outlet, a.date, a.title, a.text) for a in parsed.articles] == [("Example Wire", "5 May 2015", "", "")]
    assert parsed.problems == ["document 1 of 1: no headline, no body text found"]


def test_nexis_label_like_headline_and_body_stay_text():
    doc = _nexis_doc(1, 1, (
        _centred("Example Wire") + _centred("Spring 2015", "c3")
        + _headline("UPDATE: Markets fall")
        + '<BR><DIV CLASS="c4"><P CLASS="c5"><SPAN CLASS="c2">LENGTH: 9 words</SPAN></P>\n</DIV>\n'
        + _body("WASHINGTON: Shares fell in late trade, dealers said.")
        + _field("LANGUAGE", "ENGLISH")))
    parsed = read_nexis_html(_nexis_export([doc]), "x")
    assert parsed.articles == [SourceArticle(
        text="WASHINGTON: Shares fell in late trade, dealers said.", title="UPDATE: Markets fall",
        outlet="Example Wire", date="Spring 2015", language="ENGLISH", length="9 words")]


def test_nexis_without_any_styling_reads_by_position():
    def div(text: str) -> str:
        return f"<DIV><P>{text}</P></DIV>\n"

    doc = (div("1 of 1 DOCUMENTS") + div("Example Wire") + div("May 5, 2015 Tuesday") + div("Markets steady")
           + div("<B>BYLINE: </B>Ravi Patel") + div("<B>LENGTH: </B>6 words")
           + "<DIV><P>Shares were flat.</P><P>Bonds rose.</P></DIV>\n" + div("<B>LANGUAGE: </B>ENGLISH"))
    parsed = read_nexis_html(f"<HTML><BODY>{doc}</BODY></HTML>".encode(), "x")
    assert parsed.articles == [SourceArticle(
        text="Shares were flat.\n\nBonds rose.", title="Markets steady", outlet="Example Wire",
        date="May 5, 2015 Tuesday", authors="Ravi Patel", language="ENGLISH", length="6 words")]
    assert parsed.stated_count == 1


def test_nexis_markers_alone_split_articles_without_comments_or_anchors():
    docs = [re.sub(r'<A NAME="DOC_ID_\d+_0"></A>|<!--.*?-->', "", d, flags=re.DOTALL) for d in NEXIS_DOCS]
    parsed = read_nexis_html(_nexis_export(docs), "x")
    assert [a.title for a in parsed.articles] == ["Harbour plan & the council\u2019s vote",
                                                  "Neue F\u00e4hre f\u00fcr die Insel", "Markets steady"]


# ---------------------------------------------------------------------------------------------------------------
# Factiva: small exports in "Article Format" (English and German interface) and "plus Indexing" layout.

def _factiva_page(articles: str, *, summary: str = "", contents: str = "", charset: str = "UTF-8") -> str:
    return (f'<html><head>\n<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
            f'<title>Factiva</title>\n</head>\n<body class=""><div id="navcontainer" class="fcpNavContainer">'
            f'<table><tbody><tr><td class="factivalogo"><h1>Dow Jones Factiva</h1></td></tr></tbody></table></div>\n'
            f'<form name="PageBaseForm" method="post" action="/hp/printsavews.aspx?pp=Save&amp;hc=Publication">'
            f'<div id="contentWrapper"><div id="contentLeft">{contents}{articles}{summary}</div></div></form>'
            f'</body></html>')


def _factiva_article(doc_id: str, lang: str, head: list[str], headline: str, after: list[str],
                     paragraphs: list[str], provider: str = "") -> str:
    divs = "".join(f"<div>{d}</div>" if not d.startswith("<") else d for d in head)
    rest = "".join(f"<div>{d}</div>" if not d.startswith("<") else d for d in after)
    paras = "".join(f'<p class="articleParagraph {lang}articleParagraph">{p}  </p>\n' for p in paragraphs)
    extra = f"<p>{provider}</p>" if provider else ""
    return (f'<span></span><div id="article-{doc_id}" class="article"><div class="article {lang}Article"><p>\n'
            f'</p>{divs}\n<div id="hd"><span class="{lang}Headline">{headline}  </span>\n</div>{rest}\n<p></p>\n'
            f'{paras}{extra}<p>Document {doc_id}</p></div></div><br>')


def _summary(label: str, count: int | str) -> str:
    return (f'<table id="oddEvenPreview" class="searchPreview"><tbody><tr><td class="sbSummaryTitle" colspan="2">'
            f'Search Summary</td></tr><tr><td class="label">Text</td><td>harbour*</td></tr><tr><td class="label">'
            f'{label}</td><td>{count}</td></tr></tbody></table>')


def test_factiva_english_article_format():
    first = _factiva_article(
        "EXMP000020150503eb530001a", "en", ["Business; B2"], "Harbour Plan Wins Vote",
        ['<div class="author">By Jane Doe  </div>', "Special to the Example", "1,204 words", "3 May 2015",
         "14:35 GMT", "The Daily Example", "EXMP", "Late Edition", "B2", "English",
         "Copyright 2015 Example Media Ltd. All Rights Reserved."],
        ["LONDON -- The council voted to widen the <b>harbour</b>.", "Work starts in June."],
        provider="Example Digital (Full Text)")
    second = _factiva_article(
        "EXWR000020150504eb540002b", "en", [], "Markets steady",
        ["By Ravi Patel", "87 words", "4 May 2015", "Example Wire", "EXWR", "English", "(c) 2015 Example Wire"],
        ["Shares were flat."])
    parsed = read_factiva_html(_factiva_page(first + second, summary=_summary("Results Found", 2)).encode(), "x")
    assert parsed.stated_count == 2
    assert parsed.problems == []
    assert parsed.articles == [
        SourceArticle(text="LONDON -- The council voted to widen the harbour.\n\nWork starts in June.",
                      title="Harbour Plan Wins Vote", outlet="The Daily Example", date="3 May 2015",
                      authors="By Jane Doe", section="Business; B2", language="English", length="1,204 words"),
        SourceArticle(text="Shares were flat.", title="Markets steady", outlet="Example Wire", date="4 May 2015",
                      authors="By Ravi Patel", language="English", length="87 words"),
    ]


def test_factiva_german_interface_declared_utf8_but_written_in_cp1252():
    first = _factiva_article(
        "BSPZ000020150503eb530001c", "de", ["Lokales"], "Neue F\u00e4hre f\u00fcr die Insel",
        ['<div class="author">Von Erika Muster</div>', "312 W\u00f6rter", "3 Januar 1993", "Beispiel Zeitung",
         "BSPZ", "12", "Deutsch", "\u00a9 1993 Beispiel Verlag. Alle Rechte vorbehalten."],
        ["Die F\u00e4hre f\u00e4hrt ab Juni.", "Mehr folgt."])
    second = _factiva_article(
        "NYTF000020050408dp1900j9s", "en", [], "An English Article",
        ["1.877 W\u00f6rter", "9 M\u00e4rz 1993", "The Example Times", "EXTM", "Englisch", "Copyright 1993"],
        ["Text in English."])
    page = _factiva_page(first + second, summary=_summary("Gefundene Ergebnisse", 2))
    parsed = read_factiva_html(page.encode("cp1252"), "x")
    assert parsed.stated_count == 2
    assert len(parsed.problems) == 1 and "read as cp1252" in parsed.problems[0]
    assert parsed.articles == [
        SourceArticle(text="Die F\u00e4hre f\u00e4hrt ab Juni.\n\nMehr folgt.",
                      title="Neue F\u00e4hre f\u00fcr die Insel", outlet="Beispiel Zeitung", date="3 Januar 1993",
                      authors="Von Erika Muster", section="Lokales", language="Deutsch", length="312 W\u00f6rter"),
        SourceArticle(text="Text in English.", title="An English Article", outlet="The Example Times",
                      date="9 M\u00e4rz 1993", language="Englisch", length="1.877 W\u00f6rter"),
    ]
    for article in parsed.articles:
        assert parse_date(article.date).problem == ""


def test_factiva_numbered_headlines_from_a_longer_result_list():
    def numbered(number: int, doc_id: str) -> str:
        article = _factiva_article(
            doc_id, "de", [], "Bus\nf\u00e4hrt",
            ["98 W\u00f6rter", "1 April 2017", "Beispiel Online", "BSPON", "Deutsch"],
            ["Der <b>Bus</b> f\u00e4hrt\n ab Montag \u00f6fter."])
        return article.replace('class="deHeadline"', 'class="deHeadline counted"').replace(
            "<span class=\"deHeadline counted\">", f'<span class="deHeadline counted">{number}) ')

    page = _factiva_page(numbered(1, "BSPON00020170401ed4100001") + numbered(2, "BSPON00020170401ed4100002")
                         + numbered(4, "BSPON00020170401ed4100004"),
                         summary=_summary("Gefundene Ergebnisse", "1,771"))
    parsed = read_factiva_html(page.encode(), "x")
    assert parsed.stated_count == 4  # the numbering 1..4, not the 1,771 results of the search
    assert parsed.problems == ["the articles are not numbered one after another (1 to 4; missing 3)"]
    expected = ("Bus f\u00e4hrt", "Der Bus f\u00e4hrt ab Montag \u00f6fter.")
    assert [(a.title, a.text) for a in parsed.articles] == [expected] * 3


def _indexed_article(doc_id: str, rows: list[tuple[str, str]]) -> str:
    cells = "".join(f'<tr><td class="index" align="right" valign="top"><b>{code}&nbsp;</b></td>'
                    f'<td valign="top">{value}</td></tr>' for code, value in rows)
    return (f'<div id="article-{doc_id}" class="article"><div class="article enArticle">'
            f'<table border="0" width="100%">{cells}</table></div></div><br>')


def test_factiva_indexed_layout_and_contents_list():
    one = _indexed_article("EXMP000020150503eb530001a", [
        ("HD", '<span class="enHeadline">Harbour Plan Wins Vote (full headline)</span>'), ("BY", "Jane Doe"),
        ("WC", "1,204 words"), ("PD", "3 May 2015"), ("ET", "14:35"), ("SN", "The Daily Example"), ("SC", "EXMP"),
        ("SE", "Business"), ("LA", "English"), ("CY", "Copyright 2015 Example Media Ltd."),
        ("LP", '<p class="articleParagraph enarticleParagraph">Lead paragraph.</p>'),
        ("TD", '<p class="articleParagraph enarticleParagraph">Tail one.</p>'
               '<p class="articleParagraph enarticleParagraph">Tail two.</p>'),
        ("NS", "gpol : Domestic Politics"), ("AN", "Document EXMP000020150503eb530001a")])
    two = _indexed_article("EXWR000020150504eb540002b", [
        ("HD", "Markets steady"), ("WC", "87 words"), ("PD", "4 May 2015"), ("SN", "Example Wire"),
        ("LA", "English"), ("TD", "<p>Shares were flat.</p>"), ("AN", "Document EXWR000020150504eb540002b")])
    contents = ('<div id="headlines"><a href="#article-EXMP000020150503eb530001a">Harbour Plan Wins Vote</a><br>'
                '<a href="#article-EXWR000020150504eb540002b">Markets steady</a></div>')
    parsed = read_factiva_html(_factiva_page(one + two, contents=contents, summary=_summary("Results Found", 300))
                               .encode(), "x")
    assert parsed.stated_count == 2  # the contents list of this file, not the 300 results of the search
    assert parsed.problems == []
    assert parsed.articles == [
        SourceArticle(text="Lead paragraph.\n\nTail one.\n\nTail two.", title="Harbour Plan Wins Vote",
                      outlet="The Daily Example", date="3 May 2015", authors="Jane Doe", section="Business",
                      language="English", length="1,204 words"),
        SourceArticle(text="Shares were flat.", title="Markets steady", outlet="Example Wire", date="4 May 2015",
                      language="English", length="87 words"),
    ]


def test_factiva_without_a_stated_count_gives_none():
    article = _factiva_article("EXWR000020150504eb540002b", "en", [], "Markets steady",
                               ["87 words", "4 May 2015", "Example Wire", "EXWR", "English"], ["Shares were flat."])
    parsed = read_factiva_html(_factiva_page(article).encode(), "x")
    assert (len(parsed.articles), parsed.stated_count) == (1, None)


# ---------------------------------------------------------------------------------------------------------------
# Sniffing, and pages that are not exports.

NEWS_PAGE = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour plan wins council vote | The Daily Example</title>
<meta property="og:type" content="article"></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article class="article"><h1 class="headline">Harbour plan wins council vote</h1>
<div class="byline">By Jane Doe</div><time datetime="2015-05-03">3 May 2015</time>
<p class="articleParagraph">The council voted on Friday to widen the harbour, 1 of 3 documents shows.</p>
<p>Researchers searched Factiva and LexisNexis for coverage.</p></article>
<footer>Copyright 2015 Example Media Ltd. All Rights Reserved.</footer></body></html>"""


def test_ordinary_news_page_is_not_an_export():
    head = _head(NEWS_PAGE)
    assert not looks_like_nexis_html(head)
    assert not looks_like_factiva_html(head)
    for reader in (read_nexis_html, read_factiva_html):
        parsed = reader(NEWS_PAGE, "page.html")
        assert parsed.articles == [] and parsed.stated_count is None and len(parsed.problems) == 1


def test_small_exports_are_sniffed_as_their_kind():
    nexis = _head(_nexis_export(NEXIS_DOCS))
    factiva = _head(_factiva_page("").encode())
    assert looks_like_nexis_html(nexis) and not looks_like_factiva_html(nexis)
    assert looks_like_factiva_html(factiva) and not looks_like_nexis_html(factiva)


def test_export_looking_pages_without_articles_give_no_articles():
    factiva = read_factiva_html(_factiva_page('<p>Keine Artikel ausgew\u00e4hlt.</p>').encode(), "x")
    assert factiva == ParsedSource([], None, ['no Factiva articles found (no <div class="article xxArticle">)'])
    nexis = read_nexis_html(_nexis_export([], meta=5, cover="Download Request: Selected Items: 1-5"), "x")
    assert nexis.articles == [] and nexis.stated_count is None
    assert nexis.problems and nexis.problems[-1].startswith("no Nexis articles found")


@pytest.mark.parametrize("data, message", [(b"", "empty file"), (b"  \n", "empty file"),
                                           (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file")])
def test_empty_or_binary_input_is_a_format_error(data, message):
    for reader in (read_nexis_html, read_factiva_html):
        with pytest.raises(FormatError, match=message):
            reader(data, "x.html")


def test_decoding_follows_bom_then_declared_charset():
    page = "<html><head><title>T</title></head><body><p>\u201cF\u00e4hre\u201d</p></body></html>"
    assert decode_html(page.encode("utf-16"))[:2] == (page, "utf-16")
    declared = page.replace("<head>", '<head><meta charset="windows-1252">')
    assert decode_html(declared.encode("cp1252")) == (declared, "cp1252", "")
    latin1 = page.replace("<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">')
    assert decode_html(latin1.encode("cp1252"))[:2] == (latin1, "cp1252")  # as browsers read ISO-8859-1
    mixed = "<p>caf\u00e9 \u2013 </p>".encode() + "M\u00e4rz".encode("cp1252")
    text, encoding, problem = decode_html(mixed)
    assert (text, encoding) == ("<p>caf\u00e9 \u2013 </p>M\u00e4rz", "utf-8+cp1252")
    assert problem == "not valid UTF-8 (1 byte); those were read as cp1252"


# ---------------------------------------------------------------------------------------------------------------
# The real exports (read-only, shared): exact counts and every field, without their text in this file.

LABEL_LINE = re.compile(r"^(?:[A-Z\u00c4\u00d6\u00dc-]{3,}): ", re.MULTILINE)


def _check_common(parsed: ParsedSource, count: int) -> None:
    assert len(parsed.articles) == count
    assert parsed.stated_count == count
    for article in parsed.articles:
        assert article.title and article.text and article.outlet and article.date, article
        assert parse_date(article.date).problem == "", article.date
        assert article.title == " ".join(article.title.split())
        assert "\u00c2" not in article.title
        assert not article.text.startswith(article.title)
        assert "\n\n\n" not in article.text
        assert not re.search(r"(?:Document|Dokument) [A-Za-z0-9]{20,}|All Rights Reserved|Alle Rechte", article.text)


@pytest.mark.skipif(not NEXIS_FILE.is_file(), reason="shared Nexis UK export not available")
def test_real_nexis_uk_export():
    data = NEXIS_FILE.read_bytes()
    head = _head(data)
    assert looks_like_nexis_html(head) and not looks_like_factiva_html(head)
    parsed = read_nexis_html(data, NEXIS_FILE.name)
    assert parsed.problems == []
    _check_common(parsed, 74)
    numbered = re.findall(rb">(\d+) of 74 DOCUMENTS<", data)
    assert [int(n) for n in numbered] == list(range(1, 75))
    for article in parsed.articles:
        assert re.fullmatch(r"\d+ words", article.length)
        assert article.language and article.dateline
        assert not LABEL_LINE.search(article.text.split("\n\n")[0] + "\n" + article.text.split("\n\n")[-1])
        assert article.authors == article.section == article.url == ""  # the file has no BYLINE/SECTION/URL
    assert len({a.outlet for a in parsed.articles}) == 1
    # The headlines are the 14pt spans of the export, in order.
    big = [" ".join(re.sub(r"<[^>]+>|&[a-zA-Z#0-9]+;", " ", m.decode()).split())
           for m in re.findall(rb'<SPAN CLASS="c6">(.*?)</SPAN>', data, flags=re.DOTALL)]
    assert len(big) == 74
    assert [a.title[:20] for a in parsed.articles] == [t[:20] for t in big]


@pytest.mark.skipif(not FACTIVA_FILE.is_file(), reason="shared Factiva export not available")
def test_real_factiva_export_german_interface():
    data = FACTIVA_FILE.read_bytes()
    head = _head(data)
    assert looks_like_factiva_html(head) and not looks_like_nexis_html(head)
    parsed = read_factiva_html(data, FACTIVA_FILE.name)
    assert len(parsed.problems) == 1 and "read as cp1252" in parsed.problems[0]  # declares UTF-8, is cp1252
    _check_common(parsed, 27)
    for article in parsed.articles:
        assert re.fullmatch(r"\d+ W\u00f6rter", article.length)
        assert re.fullmatch(r"\d{1,2} \w+ 1993", article.date)
        assert article.language and article.section
        assert not article.authors or article.authors.startswith("By ")
    assert sum(bool(a.authors) for a in parsed.articles) == data.count(b'class="author"') == 21
    assert len({a.outlet for a in parsed.articles}) == 1
    assert len(parsed.articles) == data.count(b'class="enHeadline"')
    paragraphs = sum(a.text.count("\n\n") + 1 for a in parsed.articles)
    assert paragraphs == data.count(b'class="articleParagraph ')
