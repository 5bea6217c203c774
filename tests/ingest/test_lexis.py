"""Lexis exports: Nexis Uni DOCX (with and without a contents list) and old LexisNexis TXT.

(a) small exports written here, with exact fields; (b) the shared real exports, when present; (c) bad input.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from corpus.ingest.dates import parse_date
from corpus.ingest.lexis import (
    looks_like_lexis_docx,
    looks_like_lexis_txt,
    read_lexis_docx,
    read_lexis_txt,
)
from corpus.ingest.records import FormatError, ParsedSource, SourceArticle

NBSP = "\xa0"
PARA_1 = "BAGHDAD — Rockets struck the base near the airport overnight, officials said on Tuesday."
PARA_2 = "Nobody was hurt, a coalition spokesman said, and the damage was being assessed."
PARA_3 = "The attack followed a week of rising tension between Washington and Tehran."


# ------------------------------------------------------------------------------------------ building exports

def _label(document, label: str, value: str) -> None:
    """A Nexis Uni metadata line: the bold label, then a non-breaking space and the value."""
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}:").bold = True
    paragraph.add_run(f"{NBSP}{value}")


def _headline(document, text: str, *, outline: bool) -> None:
    """A headline paragraph; lines in ``text`` become line breaks; outline level 0 as Nexis Uni marks it."""
    paragraph = document.add_paragraph()
    for k, line in enumerate(text.split("\n")):
        run = paragraph.add_run(line)
        if k < len(text.split("\n")) - 1:
            run.add_break()
    if outline:
        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), "0")
        paragraph._p.get_or_add_pPr().append(level)


def _broken(document, text: str) -> None:
    """A paragraph that starts with a line break, as Nexis Uni writes Load-Date, URLs and End of Document."""
    paragraph = document.add_paragraph()
    paragraph.add_run().add_break()
    paragraph.add_run(text)


def _search_details(document) -> None:
    document.add_paragraph("Client/Matter: -None-")
    document.add_paragraph("Search Terms: iraq and iran")
    document.add_paragraph("Search Type: Natural Language ")
    document.add_paragraph("Narrowed by: ")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Content Type", "Narrowed by"
    table.cell(1, 0).text, table.cell(1, 1).text = "News", "Sources: Test Times; Content Type: News"
    document.add_paragraph("")


def _cover(document, n: int, contents: list[str] | None, *, grouped: bool = False) -> None:
    """The cover page: each contents entry followed by the search details (2018-2019 exports), or all entries
    first and the search details once (``grouped``), or no contents list at all."""
    document.add_paragraph("")
    document.add_paragraph("User Name: Test User")
    document.add_paragraph("Date and Time: Friday, January 10, 2020 9:00:00 AM EST")
    document.add_paragraph("Job Number: 12345")
    document.add_paragraph(f"Documents ({n})")
    for k, title in enumerate(contents or [], 1):
        document.add_paragraph(f"{k}. {title}")
        if not grouped:
            _search_details(document)
    if grouped or not contents:
        _search_details(document)
    document.add_paragraph("")


def _article(document, *, headline: str, outlet: str, date: str | None, labels: dict[str, str],
             body: list[str], after: list[str] = (), outline: bool = True, column: str = "",
             language: str = "ENGLISH", load_date: str = "January 9, 2020") -> None:
    """One article in the Nexis Uni layout, closed by "End of Document"."""
    _headline(document, headline, outline=outline)
    document.add_paragraph(outlet)
    if column:
        document.add_paragraph(column)
    if date:
        document.add_paragraph(date)
    document.add_paragraph("")
    _broken(document, "Copyright 2020 Test Times Company All Rights Reserved")
    for label, value in labels.items():
        _label(document, label, value)
    document.add_paragraph("Body")
    document.add_paragraph("")
    for paragraph in body:
        document.add_paragraph(paragraph)
    for line in after:
        if line.startswith("http") or line in ("Graphic", "Classification"):
            _broken(document, line)
        else:
            document.add_paragraph(line)
    if language:
        _label(document, "Language", language)
        _label(document, "Publication-Type", "Newspaper")
    _broken(document, f"Load-Date:{NBSP}{load_date}")
    document.add_paragraph("")
    _broken(document, "End of Document")
    document.add_paragraph("")


def _bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _nexis_uni(*, contents: bool, outline: bool = True, grouped: bool = False) -> bytes:
    """Three articles; the second headline has a line break and a correction notice, the third no date line."""
    document = docx.Document()
    toc = ["Rockets Hit Base Near Baghdad Airport", "Iran Warns U.S.;Talks Stall",
           "Oil Prices Climb on Gulf Fears"]
    _cover(document, 3, toc if contents else None, grouped=grouped)
    _article(document, headline="Rockets Hit Base Near Baghdad Airport", outlet="The Test Times ",
             date="January 8, 2020 Wednesday, Late Edition - Final", outline=outline,
             labels={"Section": "Section A; Column 0; Foreign Desk; Pg. 1", "Length": "812 words",
                     "Byline": "By JANE ROE and JOHN DOE", "Dateline": "BAGHDAD, Jan. 7 ",
                     "Highlight": "A summary that is not part of the body."},
             body=[PARA_1, "  " + PARA_2 + "   ", PARA_3],
             after=["https://www.test-times.example/2020/01/08/world/rockets.html", "Graphic", "",
                    "PHOTO: The base after the attack. (Photograph by A. Person)"])
    _article(document, headline="Iran Warns U.S.;\nTalks Stall - Correction Appended", outlet="The Test Times Blogs",
             column="(World Desk)", date="January 9, 2020 Thursday 10:36 EST", outline=outline,
             labels={"Section": "WORLD; middleeast", "Length": "455 words", "Byline": "Ann Example"},
             body=[PARA_2, PARA_3],
             after=["Correction", "An earlier version misstated a date.",
                    f"Correction-Date:{NBSP}January 10, 2020"], language="")
    _article(document, headline="Oil Prices Climb on Gulf Fears", outlet="Test Wire", date=None, outline=outline,
             labels={"Length": "120 words"}, body=[PARA_3], after=["Classification", ""],
             load_date="January 9, 2020")
    return _bytes(document)


# --------------------------------------------------------------------------------------- (a) DOCX, exact

def _expected_first() -> SourceArticle:
    return SourceArticle(
        text="\n\n".join([PARA_1, PARA_2, PARA_3]), title="Rockets Hit Base Near Baghdad Airport",
        outlet="The Test Times", date="January 8, 2020 Wednesday",
        authors="By JANE ROE and JOHN DOE", section="Section A; Column 0; Foreign Desk; Pg. 1",
        url="https://www.test-times.example/2020/01/08/world/rockets.html", dateline="BAGHDAD, Jan. 7",
        language="ENGLISH", length="812 words")


@pytest.mark.parametrize("grouped, outline", [(False, True), (True, True), (True, False)])
def test_nexis_uni_docx_with_contents_list(grouped, outline):
    parsed = read_lexis_docx(_nexis_uni(contents=True, grouped=grouped, outline=outline), "export.docx")
    assert isinstance(parsed, ParsedSource)
    assert parsed.stated_count == 3
    assert len(parsed.articles) == 3
    first, second, third = parsed.articles
    assert first == _expected_first()
    # The title is the contents entry, not the headline line with its break and correction notice.
    assert second == SourceArticle(
        text=f"{PARA_2}\n\n{PARA_3}", title="Iran Warns U.S.;Talks Stall", outlet="The Test Times Blogs",
        date="January 9, 2020 Thursday 10:36 EST", authors="Ann Example", section="WORLD; middleeast",
        length="455 words")
    assert third == SourceArticle(text=PARA_3, title="Oil Prices Climb on Gulf Fears", outlet="Test Wire",
                                  date="January 9, 2020", language="ENGLISH", length="120 words")
    assert parsed.problems == ["article 3: no date line; the Load-Date 'January 9, 2020' is used"]
    assert looks_like_lexis_docx(_nexis_uni(contents=True))


def test_nexis_uni_docx_without_contents_list_or_outline_levels():
    parsed = read_lexis_docx(_nexis_uni(contents=False, outline=False), "export.docx")
    assert parsed.stated_count == 3
    assert [a.title for a in parsed.articles] == [
        "Rockets Hit Base Near Baghdad Airport", "Iran Warns U.S.; Talks Stall - Correction Appended",
        "Oil Prices Climb on Gulf Fears"]
    assert parsed.articles[0] == _expected_first()
    assert [a.text for a in parsed.articles[1:]] == [f"{PARA_2}\n\n{PARA_3}", PARA_3]


def test_single_article_docx_without_cover_states_no_count():
    document = docx.Document()
    _article(document, headline="Rockets Hit Base Near Baghdad Airport", outlet="The Test Times",
             date="8 January 2020 Wednesday", labels={"Length": "812 words"}, body=[PARA_1], outline=False)
    parsed = read_lexis_docx(_bytes(document), "one.docx")
    assert parsed.stated_count is None
    assert [(a.title, a.outlet, a.date, a.text) for a in parsed.articles] == [
        ("Rockets Hit Base Near Baghdad Airport", "The Test Times", "8 January 2020 Wednesday", PARA_1)]


def test_docx_of_an_old_export_is_split_at_document_lines():
    document = docx.Document()
    for line in ["Download Request: Selected Items: 1-2", "1 of 2 DOCUMENTS", "The Test Times",
                 "January 3, 1993, Sunday, Late Edition - Final", "First Story", "LENGTH: 100 words", PARA_1,
                 "LOAD-DATE: January 3, 1993", "2 of 2 DOCUMENTS", "Test Wire", "January 4, 1993 Monday",
                 "Second Story", "BYLINE: Ann Example", PARA_2, "LANGUAGE: ENGLISH"]:
        document.add_paragraph(line)
    parsed = read_lexis_docx(_bytes(document), "old.docx")
    assert parsed.stated_count == 2
    assert [(a.title, a.outlet, a.date, a.text, a.length, a.authors, a.language) for a in parsed.articles] == [
        ("First Story", "The Test Times", "January 3, 1993, Sunday", PARA_1, "100 words", "", ""),
        ("Second Story", "Test Wire", "January 4, 1993 Monday", PARA_2, "", "Ann Example", "ENGLISH")]


# ---------------------------------------------------------------------------------------- (a) TXT, exact

MODERN_TXT = f"""\ufeff

Download Request: Selected Items: 1-2
Time Of Request: Friday, March 20, 2018  16:51:31

Terms: iraq and iran



                               1 of 2 DOCUMENTS



                                  The Test Times

                            January 11, 2010 Monday
                                   Edition 1;
                                    Scotland

Rockets hit base near
Baghdad airport

BYLINE: Jane Roe

SECTION: NEWS; Pg. 6

LENGTH: 2,968 words

{" ".join(PARA_1.split()[:7])}
{" ".join(PARA_1.split()[7:])}

{PARA_2}

LOAD-DATE: January 11, 2010

LANGUAGE: ENGLISH

GRAPHIC: A photograph of the base

PUBLICATION-TYPE: Newspaper


                       Copyright 2010 Test Times Ltd
                              All Rights Reserved

                               2 of 2 DOCUMENTS


                            Test Wire

                            January 12, 2010

Second Story

LENGTH: 50 words

{PARA_3}


                       Copyright 2010 Test Wire
""".replace("\n", "\r\n")

CLASSIC_TXT = f"""                              1 of 1 DOCUMENT

                   Copyright 1993 The Test Times Company
                            The Test Times

                 January 3, 1993, Sunday, Late Edition - Final

SECTION: Section 1; Part 1; Page 1; Column 1; Foreign Desk

LENGTH: 1234 words

HEADLINE: Iraq Says Missiles Are Moved;
Allies Watch

BYLINE: By JOHN DOE,
Special to The Test Times

DATELINE: BAGHDAD, Jan. 2

BODY:
{PARA_1}

{PARA_3}

GRAPHIC: Map of Iraq

LANGUAGE: ENGLISH
"""


def test_modern_txt_export():
    parsed = read_lexis_txt(MODERN_TXT.encode("utf-8"), "export.TXT")
    assert parsed.stated_count == 2
    assert parsed.problems == []
    assert parsed.articles == [
        SourceArticle(text=f"{PARA_1}\n\n{PARA_2}", title="Rockets hit base near Baghdad airport",
                      outlet="The Test Times", date="January 11, 2010 Monday", authors="Jane Roe",
                      section="NEWS; Pg. 6", language="ENGLISH", length="2,968 words"),
        SourceArticle(text=PARA_3, title="Second Story", outlet="Test Wire", date="January 12, 2010",
                      length="50 words"),
    ]


def test_classic_txt_export_with_headline_and_body_labels():
    parsed = read_lexis_txt(CLASSIC_TXT.encode("utf-8"), "old.txt")
    assert parsed.stated_count == 1
    assert parsed.articles == [SourceArticle(
        text=f"{PARA_1}\n\n{PARA_3}", title="Iraq Says Missiles Are Moved; Allies Watch", outlet="The Test Times",
        date="January 3, 1993, Sunday", authors="By JOHN DOE, Special to The Test Times",
        section="Section 1; Part 1; Page 1; Column 1; Foreign Desk", dateline="BAGHDAD, Jan. 2",
        language="ENGLISH", length="1234 words")]


def test_txt_article_without_header_labels():
    text = MODERN_TXT.replace("\r\nLENGTH: 50 words\r\n", "").replace(PARA_3, f"{PARA_3}\r\n\r\n{PARA_2}\r\n\r\n"
                                                                      f"LOAD-DATE: January 12, 2010")
    second = read_lexis_txt(text.encode("utf-8"), "export.TXT").articles[1]
    assert (second.title, second.outlet, second.date, second.text, second.length) == (
        "Second Story", "Test Wire", "January 12, 2010", f"{PARA_3}\n\n{PARA_2}", "")


def test_txt_encodings_and_detection():
    utf16 = read_lexis_txt(CLASSIC_TXT.encode("utf-16"), "old.txt")
    assert utf16.articles == read_lexis_txt(CLASSIC_TXT.encode("utf-8"), "old.txt").articles
    text = CLASSIC_TXT.replace("Foreign Desk", "Foreign Desk – Café")
    cp1252 = read_lexis_txt(text.encode("cp1252"), "old.txt")
    assert cp1252.articles[0].section.endswith("Foreign Desk – Café")
    first_bad = text.encode("cp1252").index("–".encode("cp1252"))
    assert cp1252.problems == [f"not valid UTF-8 (first bad byte {first_bad}); decoded as cp1252"]
    assert looks_like_lexis_txt(MODERN_TXT[:2000]) and looks_like_lexis_txt(CLASSIC_TXT[:300])
    assert not looks_like_lexis_txt(f"Rockets hit base\n\n{PARA_1}\n\nIt was 1 of 10 documents released.\n")
    nothing = read_lexis_txt(f"Rockets hit base\n\n{PARA_1}\n".encode(), "plain.txt")
    assert nothing.articles == [] and nothing.stated_count is None and len(nothing.problems) == 1


def test_txt_numbering_that_disagrees_is_reported():
    text = MODERN_TXT.replace("2 of 2 DOCUMENTS", "2 of 383 DOCUMENTS")
    parsed = read_lexis_txt(text.encode("utf-8"), "export.TXT")
    assert parsed.stated_count == 2 and len(parsed.articles) == 2
    assert len(parsed.problems) == 1 and "2 of 383" in parsed.problems[0]


# --------------------------------------------------------------------------------------- (c) bad input

def test_corrupt_docx_raises_format_error():
    with pytest.raises(FormatError, match="not a zip archive"):
        read_lexis_docx(b"PK\x03\x04 this is not really a zip", "bad.docx")
    with pytest.raises(FormatError, match="not a zip archive"):
        read_lexis_docx(_nexis_uni(contents=True)[:5000], "truncated.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(FormatError, match="no word/document.xml"):
        read_lexis_docx(buffer.getvalue(), "empty.docx")
    with pytest.raises(FormatError, match=r"\.doc file"):
        read_lexis_docx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old.docx")
    assert not looks_like_lexis_docx(b"not a zip")


def test_docx_without_articles_returns_none_and_says_so():
    document = docx.Document()
    document.add_paragraph("LexisNexis Uni Test")
    parsed = read_lexis_docx(_bytes(document), "test.docx")
    assert parsed.articles == [] and parsed.stated_count is None
    assert len(parsed.problems) == 1 and "holds no articles" in parsed.problems[0]


# ----------------------------------------------------------------------------------- (b) the real exports

def _shared_exports() -> Path:
    here = Path(__file__).resolve().parents[3] / "shared" / "data" / "exports"
    if here.is_dir():
        return here
    return Path(os.environ.get("CORPUS_SHARED_DATA", "/nonexistent")).expanduser()


EXPORTS = _shared_exports()
needs_exports = pytest.mark.skipif(not EXPORTS.is_dir(),
                                   reason="shared exports not available (set CORPUS_SHARED_DATA)")


def _export(relative: str) -> Path:
    path = EXPORTS / relative
    if not path.is_file():
        pytest.skip(f"{relative} is not among the shared exports")
    return path
METADATA_LINE = re.compile(r"^(?:Body|End of Document|Classification|Graphic|Correction|Load-Date|Language|"
                           r"Section|Length|Byline|Dateline|Highlight|Copyright|LOAD-DATE|LANGUAGE|LENGTH|BYLINE|"
                           r"SECTION|GRAPHIC|PUBLICATION-TYPE|JOURNAL-CODE)\b")


def _contents_entries(path: Path) -> list[str]:
    """The "N. Headline" lines of the cover, read directly with python-docx."""
    entries = []
    for paragraph in docx.Document(path).paragraphs:
        found = re.match(r"^(\d+)\.\s*(.+)$", paragraph.text.strip())
        if found and int(found.group(1)) == len(entries) + 1:
            entries.append(found.group(2).strip())
    return entries


def _check_complete(articles: list[SourceArticle]) -> None:
    for number, article in enumerate(articles, 1):
        assert article.title and article.outlet and article.text and article.date, number
        assert parse_date(article.date).precision == "day", (number, article.date)
        assert re.fullmatch(r"\d[\d,]* words", article.length), (number, article.length)
        for paragraph in article.text.split("\n\n"):
            assert paragraph.strip() == paragraph and paragraph, number
            assert not METADATA_LINE.match(paragraph), (number, paragraph[:60])
        for field in article:
            assert field == field.strip() and "\xa0" not in field.replace("\n", ""), number


@pytest.fixture(scope="module")
def nyt1() -> ParsedSource:
    return read_lexis_docx(_export("lexis-nexis/nyt1.docx").read_bytes(), "nyt1.docx")


@needs_exports
def test_real_nexis_uni_export_with_contents_list(nyt1):
    path = _export("lexis-nexis/nyt1.docx")
    assert len(nyt1.articles) == 50 and nyt1.stated_count == 50
    _check_complete(nyt1.articles)
    assert [a.title for a in nyt1.articles] == _contents_entries(path)
    assert {a.outlet for a in nyt1.articles} == {"The New York Times", "The New York Times Blogs"}
    first = nyt1.articles[0]
    assert (first.date, first.length, first.section, first.language) == (
        "January 10, 2018 Wednesday 10:36 EST", "1238 words", "US; politics", "")
    assert sum(int(a.length.split()[0].replace(",", "")) for a in nyt1.articles) == 73027
    assert sum(bool(a.authors) for a in nyt1.articles) == 41
    assert sum(bool(a.dateline) for a in nyt1.articles) == 19
    assert sum(a.url.startswith("http") for a in nyt1.articles) == 38
    assert [parse_date(a.date).date.year for a in nyt1.articles][:5] == [2018, 2018, 2013, 2018, 2006]
    # One article has no date line: its Load-Date stands in, and the reader says so.
    assert nyt1.problems == ["article 18: no date line; the Load-Date 'December 18, 2000' is used"]
    assert looks_like_lexis_docx(path.read_bytes())


@needs_exports
def test_real_nexis_uni_sample():
    path = _export("lexisnexistools/sample.DOCX")
    parsed = read_lexis_docx(path.read_bytes(), path.name)
    assert len(parsed.articles) == 10 and parsed.stated_count == 10
    _check_complete(parsed.articles)
    assert [a.title for a in parsed.articles] == _contents_entries(path)
    assert {a.outlet for a in parsed.articles} == {"The Guardian(London)"}
    assert [(a.date, a.length) for a in parsed.articles[:3]] == [
        ("July 1, 2019 Monday 9:20 AM GMT", "355 words"), ("July 2, 2019 Tuesday 9:33 AM GMT", "571 words"),
        ("July 4, 2019 Thursday 1:04 PM GMT", "641 words")]
    assert [a.language for a in parsed.articles].count("ENGLISH") == 1
    # The sample's contents list was edited by hand and no longer matches headlines 6-10.
    assert len(parsed.problems) == 1 and "differ for 5 of 10" in parsed.problems[0]


@needs_exports
def test_real_old_txt_sample():
    path = _export("lexisnexistools/sample.TXT")
    data = path.read_bytes()
    assert looks_like_lexis_txt(data[:4000].decode("utf-8-sig"))
    parsed = read_lexis_txt(data, path.name)
    assert len(parsed.articles) == 10 and parsed.stated_count == 10
    _check_complete(parsed.articles)
    assert [(a.outlet, a.date, a.length, a.section, a.language) for a in parsed.articles] == [
        ("Guardian.com", "January 11, 2010 Monday", "355 words", "", "ENGLISH"),
        ("Guardian", "January 11, 2010 Monday", "927 words", "", "ENGLISH"),
        ("The Sun (England)", "January 11, 2010 Monday", "677 words", "FEATURES; Pg. 6", "ENGLISH"),
        ("The Times (London)", "January 11, 2010 Monday", "453 words", "NEWS; Pg. 3", "ENGLISH"),
        ("The Times (London)", "January 11, 2010 Monday", "918 words", "EDITORIAL; Pg. 24", "ENGLISH"),
        ("The Times (London)", "January 11, 2010 Monday", "471 words", "NEWS; Pg. 8", "ENGLISH"),
        ("Guardian", "January 8, 2010", "607 words", "", "ENGLISH"),
        ("MAIL ON SUNDAY (London)", "January 10, 2010 Sunday", "698 words", "", "ENGLISH"),
        ("Sunday Mirror", "January 10, 2010 Sunday", "446 words", "NEWS; Pg. 6", "ENGLISH"),
        ("DAILY MAIL (London)", "January 9, 2010 Saturday", "2,968 words", "", "ENGLISH")]
    assert sum(bool(a.authors) for a in parsed.articles) == 9
    # Article 8 says "8 of 383 DOCUMENTS": reported, and the count the other nine state is kept.
    assert len(parsed.problems) == 1 and "8 of 383" in parsed.problems[0]


@needs_exports
def test_real_docx_without_articles():
    path = _export("lexisnexistools/test.DOCX")
    parsed = read_lexis_docx(path.read_bytes(), path.name)
    assert parsed.articles == [] and parsed.stated_count is None
    assert len(parsed.problems) == 1 and "holds no articles" in parsed.problems[0]
