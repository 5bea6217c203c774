"""The annotation cache, and entity acceptance on the seeds (uses the real spaCy model)."""

from __future__ import annotations

from corpus.nlp.annotate import annotate
from corpus.nlp.pipeline import get_pipeline
from conftest import ParseCounter
from reference import mentions_table

CHROME_WORDS = {"twitter", "share", "getty", "afp", "getty images", "comments", "print"}


def test_warm_cache_does_not_parse_and_a_changed_article_reparses_alone(seed_corpus, tmp_path, monkeypatch):
    get_pipeline()  # building the pipeline pipes the ruler's patterns; count only article parses
    counter = ParseCounter(monkeypatch)
    cold = annotate(seed_corpus, cache_dir=tmp_path)
    assert (cold.parsed, cold.cached) == (5, 0) and len(counter.texts) == 5

    counter.texts.clear()
    warm = annotate(seed_corpus, cache_dir=tmp_path)
    assert (warm.parsed, warm.cached) == (5 - 5, 5) and counter.texts == []
    assert [d.to_json() for d in warm.docs] == [d.to_json() for d in cold.docs]
    assert [d._.doc_id for d in warm.docs] == list(seed_corpus["doc_id"])

    changed = seed_corpus.copy()
    changed.loc[2, "text"] = changed.loc[2, "text"] + "\n\nA new closing paragraph, officials said."
    again = annotate(changed, cache_dir=tmp_path)
    assert (again.parsed, again.cached) == (1, 4)
    assert counter.texts == [changed.loc[2, "text"]]


def test_cache_dir_from_environment(seed_corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_CACHE_DIR", str(tmp_path))
    annotate(seed_corpus.head(1))
    assert len(list((tmp_path / "annotations").rglob("*.spacy"))) == 1


def test_seed_entities(seed_corpus, tmp_path):
    run = annotate(seed_corpus, cache_dir=tmp_path)
    mentions = mentions_table(run.docs, seed_corpus)
    soleimani = mentions[mentions["surface"].str.contains("Sol|Sul", regex=True)]
    assert set(soleimani["entity"]) == {"Qassem Soleimani"}
    assert {"The New York Times", "RT", "Financial Times"} <= set(soleimani["outlet"])
    # The NYT body repeats the Suleimani paragraph on the page; the clean text counts it once per mention.
    nyt = mentions[(mentions["outlet"] == "The New York Times") & (mentions["entity"] == "Qassem Soleimani")]
    assert len(nyt) == 2
    assert not set(mentions["surface"].str.casefold()) & CHROME_WORDS
    assert not set(mentions["entity"].str.casefold()) & CHROME_WORDS
    cbn = mentions[mentions["outlet"] == "CBN News"]
    assert set(cbn.loc[cbn["surface"] == "Schenker", "entity"]) == {"David Schenker"}
    for column in ("doc_id", "outlet", "date", "sent_id", "start_char", "end_char", "surface", "label", "entity"):
        assert column in mentions.columns
    text = dict(zip(seed_corpus["doc_id"], seed_corpus["text"]))
    assert all(text[d][s:e] == surf for d, s, e, surf in
               zip(mentions["doc_id"], mentions["start_char"], mentions["end_char"], mentions["surface"]))


def test_a_blank_line_ends_a_sentence_so_a_caption_is_not_parsed_into_the_next_paragraph():
    from corpus.nlp.pipeline import get_pipeline

    doc = get_pipeline()("He spoke first.\n\nLt. Thomas MacNeil\n\nMacNeil, who had roomed with Gallagher, was the "
                         "first to take the stand.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[1] == "Lt. Thomas MacNeil"
    assert [t.dep_ for t in doc if t.text == "MacNeil"][-1] == "nsubj"
