"""Corpus paths of any supported format: discovery, doc_ids, the per-file report, JSONL/CSV/zip, bad inputs."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import warnings
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from conftest import SEEDS
from conftest import load_untouched as _load

import corpus
from corpus.ingest.sources import find_sources, sniff_format
from corpus.ingest.tabular import COLUMN_NAMES

BODY = ("Iraqi officials said on Tuesday that the base near Baghdad had been struck by rockets overnight. "
        "Nobody was hurt, a spokesman for the coalition said, and the damage was being assessed. ") * 3


def _records(n: int) -> list[dict]:
    return [{"title": f"Story {i}", "source": "Reuters" if i % 2 else "AP", "date": f"2020-01-0{i}",
             "authors": ["Jane Roe", "John Doe"], "url": f"https://example.org/{i}", "text": f"{BODY} Item {i}."}
            for i in range(1, n + 1)]


def test_jsonl_rows_become_articles_with_stem_numbered_ids(tmp_path):
    path = tmp_path / "scrape.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in _records(3)), encoding="utf-8")
    frame, messages = _load(path)
    assert frame["doc_id"].tolist() == ["scrape-1", "scrape-2", "scrape-3"]
    assert frame["source_format"].unique().tolist() == ["jsonl"]
    assert frame["source_file"].unique().tolist() == ["scrape.jsonl"]
    first = frame.iloc[0]
    assert (first["title"], first["outlet"], str(first["date"].date()), first["authors"]) == (
        "Story 1", "Reuters", "2020-01-01", "Jane Roe; John Doe")
    assert frame.attrs["sources"] == [{"file": "scrape.jsonl", "member": "", "format": "jsonl", "stated": None,
                                       "parsed": 3, "problems": []}]
    assert not messages


def test_gzipped_jsonl_and_a_csv_in_subfolders_are_found(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.jsonl.gz").write_bytes(gzip.compress(json.dumps(_records(1)[0]).encode()))
    rows = "headline,media_name,publish_date,maintext\n" + f'Wire story,AFP,2020-01-05 10:00:00,"{BODY}"\n'
    (tmp_path / "a" / "b" / "media.csv").write_text(rows, encoding="utf-8")
    frame, _ = _load(tmp_path)
    assert sorted(frame["doc_id"]) == ["media-1", "one-1"]
    row = frame.set_index("doc_id").loc["media-1"]
    assert (row["source_file"], row["title"], row["outlet"], str(row["date"].date())) == (
        "a/b/media.csv", "Wire story", "AFP", "2020-01-05")


def test_csv_without_a_text_column_is_refused_naming_its_columns(tmp_path):
    path = tmp_path / "stories.csv"
    path.write_text("stories_id,title,publish_date\n1,Hello,2020-01-01\n", encoding="utf-8")
    with pytest.raises(corpus.CorpusError) as err:
        _load(path)
    message = str(err.value)
    assert "stories.csv" in message and "no text column" in message
    assert "stories_id, title, publish_date" in message and COLUMN_NAMES["text"][0] in message


def test_zip_members_are_read_like_files(tmp_path):
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for seed in sorted(SEEDS.glob("*.txt"))[:2]:
            zf.write(seed, f"inner/{seed.name}")
        zf.writestr("rows.jsonl", "\n".join(json.dumps(r) for r in _records(2)))
        zf.writestr("notes.pdf", b"%PDF-1.4")
    frame, _ = _load(archive)
    assert len(frame) == 4
    assert set(frame["source_file"]) == {"export.zip"}
    assert sorted(frame["source_member"]) == sorted([*(f"inner/{p.name}" for p in sorted(SEEDS.glob("*.txt"))[:2]),
                                                     "rows.jsonl", "rows.jsonl"])
    assert sorted(frame["source_format"].unique()) == ["jsonl", "txt"]


def test_corrupt_zip_is_a_clear_error_naming_the_file(tmp_path):
    archive = tmp_path / "broken.zip"
    archive.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(corpus.CorpusError, match=r"broken\.zip: not a readable zip archive"):
        _load(archive)


def test_a_bad_file_beside_good_ones_is_skipped_and_named(seed_copy):
    (seed_copy / "broken.zip").write_bytes(b"not a zip")
    frame, messages = _load(seed_copy)
    assert len(frame) == 5
    assert any(m.endswith("broken.zip: not a readable zip archive (BadZipFile: File is not a zip file); skipped")
               for m in messages)
    assert "broken.zip" in [s.file for s in frame.attrs["skipped"]]


def test_folder_of_unsupported_files_names_the_formats(tmp_path):
    (tmp_path / "export.rtf").write_text("{\\rtf1 hello}", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(corpus.CorpusError) as err:
        _load(tmp_path)
    message = str(err.value)
    assert "no articles" in message and ".docx" in message and "export DOCX" in message


def test_unsupported_single_file_is_refused_with_advice(tmp_path):
    path = tmp_path / "export.rtf"
    path.write_text("{\\rtf1 hello}", encoding="utf-8")
    with pytest.raises(corpus.CorpusError, match="RTF exports are not read"):
        corpus.load_corpus(path)


def test_hidden_files_and_the_catalog_are_not_sources(seed_copy):
    (seed_copy / ".DS_Store").write_bytes(b"\x00\x01")
    (seed_copy / "~$draft.docx").write_bytes(b"lock")
    sources, others = find_sources(seed_copy)
    assert [s.name for s in sources] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert others == []


def test_formats_are_told_by_ending_and_content():
    assert sniff_format("a.txt", b"Some article text.\n\nMore.") == "txt"
    assert sniff_format("a.TXT", b"                               1 of 3 DOCUMENTS\n\n  The Times\n") == "lexis-txt"
    assert sniff_format("a.jsonl.gz", b"") == "jsonl"
    assert sniff_format("page.htm", b"<html><head><title>x</title></head><body><p>hi</p></body></html>") == "web-page"


def test_seeds_report_one_txt_article_per_file(seed_corpus):
    assert set(seed_corpus["source_format"]) == {"txt"}
    assert [r["parsed"] for r in seed_corpus.attrs["sources"]] == [1] * 5


def test_the_independent_running_a_times_report_is_a_copy(seed_corpus):
    row = seed_corpus.set_index("doc_id").iloc[0]
    assert row["outlet"] == "The Independent" and row["copy_outlet"] == "The New York Times"
    assert (seed_corpus["duplicate_of"] == "").all()


def test_a_repeated_article_is_flagged_in_its_outlet(seed_copy):
    first = sorted(seed_copy.glob("*.txt"))[1]
    shutil.copy(first, seed_copy / f"{first.stem}_web.txt")
    catalog = pd.read_csv(seed_copy / "metadata.csv", dtype=str, keep_default_na=False)
    repeat_row = catalog[catalog["file"] == first.name].assign(file=f"{first.stem}_web.txt")
    pd.concat([catalog, repeat_row]).to_csv(seed_copy / "metadata.csv", index=False)
    frame, _ = _load(seed_copy)
    repeat = frame.set_index("doc_id").loc[f"{first.stem}_web"]
    assert repeat["duplicate_of"] == first.stem
    assert repeat["similarity"] == pytest.approx(1.0)
    assert frame.set_index("doc_id").loc[first.stem, "duplicate_of"] == ""


def _shared_data() -> Path:
    env = os.environ.get("CORPUS_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[3] / "shared" / "data"


EXPORTS = _shared_data() / "exports"
STATED = {  # the counts ../shared/data/README.md gives (the R package newspapers asserts them too)
    "lexis-nexis/nyt1.docx": 50, "nexis-uk/afp_2013-03-12_0501.html": 74, "factiva/nyt_1_1993-01-03.html": 27,
    "lexisnexistools/sample.DOCX": 10, "lexisnexistools/sample.TXT": 10,
}


@pytest.mark.skipif(not EXPORTS.is_dir(), reason="../shared/data/exports is not here")
@pytest.mark.parametrize("relative", sorted(STATED))
def test_every_shared_export_loads_with_its_count_and_full_fields(relative):
    frame, _ = _load(EXPORTS / relative)
    assert len(frame) == STATED[relative]
    assert [r["stated"] for r in frame.attrs["sources"]] == [STATED[relative]]
    assert (frame["title"] != "").all() and (frame["text"].str.split().str.len() > 5).all()
    assert (frame["outlet"] != "unknown").all() and frame["date"].notna().all()
    stem = Path(relative).name.rsplit(".", 1)[0]
    assert frame["doc_id"].tolist() == sorted(f"{stem}-{n}" for n in range(1, STATED[relative] + 1))


@pytest.mark.skipif(not EXPORTS.is_dir(), reason="../shared/data/exports is not here")
def test_the_shared_folder_of_exports_loads_as_one_corpus():
    frame, messages = _load(EXPORTS)
    assert len(frame) == sum(STATED.values())
    assert "lexisnexistools/test.DOCX" in [s.file for s in frame.attrs["skipped"]]
    assert any("test.DOCX: holds no articles" in m and m.endswith("; skipped") for m in messages)


@pytest.mark.skipif(not EXPORTS.is_dir(), reason="../shared/data/exports is not here")
def test_an_export_without_articles_is_an_error_naming_the_file():
    with pytest.raises(corpus.CorpusError, match=r"test\.DOCX: holds no articles"):
        _load(EXPORTS / "lexisnexistools" / "test.DOCX")


LEXIS_TXT = """                              {n} of {stated} DOCUMENTS

                              The Test Times

                         January {n}, 2020 Friday

Rockets hit a base near Baghdad, number {n}

BYLINE: Jane Roe

SECTION: WORLD; Pg. 1

LENGTH: 60 words

BODY:

{body}

LOAD-DATE: January {n}, 2020

LANGUAGE: ENGLISH

"""


def test_an_export_whose_stated_count_disagrees_is_a_warning_naming_the_file(tmp_path):
    body = BODY.strip()
    path = tmp_path / "short.TXT"
    path.write_text("".join(LEXIS_TXT.format(n=n, stated=3, body=f"{body} Report {n}.") for n in (1, 2)),
                    encoding="utf-8")
    frame, messages = _load(path)
    assert len(frame) == 2 and set(frame["source_format"]) == {"lexis-txt"}
    assert frame.attrs["sources"][0]["stated"] == 3 and frame.attrs["sources"][0]["parsed"] == 2
    assert any(m.startswith(str(path)) and "says it holds 3 articles, 2 were read" in m for m in messages)
    assert frame.iloc[0]["title"] == "Rockets hit a base near Baghdad, number 1"
    assert frame.iloc[0]["authors"] == "Jane Roe"


def test_corrupt_docx_is_a_clear_error_naming_the_file(tmp_path):
    path = tmp_path / "export.docx"
    path.write_bytes(b"PK\x03\x04 truncated word file")
    with pytest.raises(corpus.CorpusError, match=r"export\.docx: "):
        _load(path)


def test_a_page_with_no_article_is_a_clear_error_naming_the_file(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text("<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a> <a href='/w'>World</a>"
                    "</nav></body></html>", encoding="utf-8")
    with pytest.raises(corpus.CorpusError, match=r"menu\.html: holds no articles"):
        _load(path)


def test_files_that_share_a_stem_get_ids_qualified_by_ending_then_folder(tmp_path):
    rows = "\n".join(json.dumps(r) for r in _records(2))
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("feed.jsonl", rows)
        zf.writestr("feed.csv", "title,text\nA,\"" + BODY + "\"\n")
        zf.writestr("a/more.jsonl", rows)
        zf.writestr("b/more.jsonl", rows)
    frame, _ = _load(archive)
    assert sorted(frame["doc_id"]) == ["a_more_jsonl-1", "a_more_jsonl-2", "b_more_jsonl-1", "b_more_jsonl-2",
                                       "feed_csv-1", "feed_jsonl-1", "feed_jsonl-2"]
    assert frame.attrs["skipped"] == []


def test_reading_only_some_files_checks_only_their_catalog_rows(seed_copy):
    first = sorted(seed_copy.glob("*.txt"))[1].name
    frame, messages = _load(seed_copy, only=[first])
    assert frame["source_file"].tolist() == [first]
    assert messages == [] and frame.attrs["skipped"] == []


def test_an_allsides_jsonl_file_becomes_a_corpus_folder_of_the_chosen_records(tmp_path):
    from corpus.ingest.allsides import write_corpus_folder_from_jsonl

    records = [{"id": f"a{i}", "source": "Reuters", "title": f"Title {i}", "date": "2020-01-0" + str(i + 1),
                "text": f"Body of article {i}. The base was hit twice, officials said." if i != 2 else " "}
               for i in range(4)]
    path = tmp_path / "articles.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in records)
    every = write_corpus_folder_from_jsonl(path, tmp_path / "every")
    chosen = write_corpus_folder_from_jsonl(path, tmp_path / "chosen", ids={"a1", "a2", "a3"})
    assert sorted(p.name for p in every.glob("*.txt")) == ["a0.txt", "a1.txt", "a3.txt"]  # a2 has no text
    assert sorted(p.name for p in chosen.glob("*.txt")) == ["a1.txt", "a3.txt"]
    assert pd.read_csv(chosen / "metadata.csv")["file"].tolist() == ["a1.txt", "a3.txt"]
    assert (chosen / "a1.txt").read_text(encoding="utf-8") == records[1]["text"]


def test_reading_processes_give_the_same_table_warnings_and_batches(tmp_path):
    # enough files for two reading processes: the seeds with their catalog, JSON Lines, catalogued and
    # uncatalogued text files, a catalog row with a bad date and one naming a missing file
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    (folder / "scrape.jsonl").write_text("\n".join(json.dumps(r) for r in _records(4)), encoding="utf-8")
    catalog = pd.read_csv(folder / "metadata.csv", dtype=str, keep_default_na=False)
    rows = []
    for i in range(40):
        (folder / f"wire{i:02d}.txt").write_text(f"Wire story {i}\n\n{BODY} Number {i}.\n", encoding="utf-8")
        if i % 3:
            rows.append({"file": f"wire{i:02d}.txt", "outlet": "Reuters", "title": f"Wire {i}",
                         "date": "2020-13-45" if i == 4 else f"2020-01-{i % 28 + 1:02d}"})
    rows.append({"file": "missing.txt", "outlet": "AP", "title": "Gone", "date": "2020-01-01"})
    pd.concat([catalog, pd.DataFrame(rows)]).to_csv(folder / "metadata.csv", index=False)

    alone, alone_messages = _load(folder)
    shared, shared_messages = _load(folder, workers=2)
    pd.testing.assert_frame_equal(shared, alone)
    assert shared.attrs == alone.attrs and shared_messages == alone_messages
    assert len(alone) == 5 + 4 + 40 and alone.attrs["warnings"] and alone.attrs["skipped"]

    batches = {1: [], 2: []}
    for workers, handed in batches.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", corpus.CorpusWarning)  # the same warnings, compared above
            corpus.load_corpus(folder, each_batch=handed.append, batch_files=7, workers=workers)
    assert [len(b) for b in batches[2]] == [len(b) for b in batches[1]] and len(batches[1]) > 2
    for one, two in zip(*batches.values()):
        pd.testing.assert_frame_equal(two, one)
