"""Sentence sentiment with two lexicons, honest aggregation, and sentiment towards actors.

Sentences are spaCy's sentences of the clean text (TextBlob's own splitter needs NLTK data that
cannot be downloaded here). Each is scored by TextBlob's pattern lexicon (``polarity`` in [-1, 1],
``subjectivity`` in [0, 1]; De Smedt & Daelemans 2012) and by VADER's ``compound`` score (Hutto &
Gilbert 2014). Both are also computed on the sentence with conflict-event words removed
(``data/event_words.txt``), because lexicons read "killed", "attack" and "missile" as negative
whatever the outlet's stance.

The aggregation of these rows (bootstrap means, outlet differences, sentiment towards actors) is in
:mod:`corpus.analysis.sentiment`: this module holds only what the per-article tables are extracted with,
whose source is part of the table cache key.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, NamedTuple

from corpus.resources import data_lines, data_rows

if TYPE_CHECKING:  # spaCy is imported by whoever parses; reading stored tables never loads it
    from spacy.tokens import Doc, Span

SENTIMENT_COLUMNS = ["doc_id", "outlet", "date", "sent_id", "start_char", "end_char", "text", "polarity",
                     "subjectivity", "vader", "polarity_no_events", "vader_no_events", "n_event_words"]
SCORES = ("polarity", "subjectivity", "vader", "polarity_no_events", "vader_no_events")


class SentenceScore(NamedTuple):
    doc_id: str | None
    sent_id: int
    start_char: int
    end_char: int
    text: str
    polarity: float
    subjectivity: float
    vader: float
    polarity_no_events: float
    vader_no_events: float
    n_event_words: int


@lru_cache(maxsize=1)
def event_words() -> frozenset[str]:
    """Lemmas of conflict-event words (``data/event_words.txt``)."""
    return frozenset(data_lines("event_words.txt"))


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _textblob(text: str) -> tuple[float, float]:
    # TextBlob(text).sentiment is PatternAnalyzer, which returns exactly this; calling the pattern lexicon
    # directly skips building a TextBlob (a third of the cost per sentence)
    from textblob.en import sentiment as pattern_sentiment

    polarity, subjectivity = pattern_sentiment(text)
    return float(polarity), float(subjectivity)


def score_text(text: str) -> tuple[float, float, float]:
    """(TextBlob polarity, TextBlob subjectivity, VADER compound) of one piece of text."""
    polarity, subjectivity = _textblob(text)
    return polarity, subjectivity, float(_vader().polarity_scores(text)["compound"])


def _without_events(sentence: Span) -> tuple[str, int]:
    words = event_words()
    kept, removed = [], 0
    for token in sentence:
        if token.lemma_.lower() in words or token.lower_ in words:
            removed += 1
            kept.append(token.whitespace_)
        else:
            kept.append(token.text_with_ws)
    return "".join(kept), removed


def is_scorable(sentence: Span) -> bool:
    """A sentence with at least one word (not a stray quotation mark or dash)."""
    return any(token.is_alpha for token in sentence)


def sentence_sentiment(doc: Doc) -> list[SentenceScore]:
    """Every sentence of a parsed article with both lexicons' scores, with and without event words."""
    out = []
    for sent_id, sentence in enumerate(doc.sents):
        if not is_scorable(sentence):
            continue
        text = sentence.text.strip()
        polarity, subjectivity, vader = score_text(text)
        stripped, n_events = _without_events(sentence)
        if n_events:
            polarity_ne, _, vader_ne = score_text(stripped)
        else:
            polarity_ne, vader_ne = polarity, vader
        out.append(SentenceScore(doc._.doc_id, sent_id, sentence.start_char, sentence.end_char, text,
                                 polarity, subjectivity, vader, polarity_ne, vader_ne, n_events))
    return out


# --- actors -------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def actor_lexicon() -> tuple[tuple[str, str, str], ...]:
    """(actor, match, value) rows of ``data/actors.csv``; ``match`` is ``entity`` or ``lemma``."""
    rows = data_rows("actors.csv")
    return tuple((r["actor"], r["match"], r["value"]) for r in rows)


def _actor_index(actors) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    by_entity: dict[str, set[str]] = {}
    by_lemma: dict[str, set[str]] = {}
    for actor, match, value in actors:
        if match == "entity":
            by_entity.setdefault(value, set()).add(actor)
        else:
            by_lemma.setdefault(value.lower(), set()).add(actor)
    return by_entity, by_lemma


def doc_actor_sentences(doc: Doc, entity_sentences: Iterable[tuple[int, str]],
                        actors: tuple[tuple[str, str, str], ...] | None = None) -> list[tuple[int, str]]:
    """``(sent_id, actor)`` pairs of one article, from its ``(sent_id, canonical entity)`` mentions and its lemmas."""
    by_entity, by_lemma = _actor_index(actors if actors is not None else actor_lexicon())
    pairs = {(int(sent_id), actor) for sent_id, entity in entity_sentences for actor in by_entity.get(entity, ())}
    if by_lemma:
        for sent_id, sentence in enumerate(doc.sents):
            for token in sentence:
                for actor in by_lemma.get(token.lemma_.lower(), ()):
                    pairs.add((sent_id, actor))
    return sorted(pairs)
