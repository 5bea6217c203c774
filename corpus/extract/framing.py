"""Framing, per article: the content words each article uses, and the names it gives key events.

These are the extractors of the ``term_counts`` and ``event_naming`` tables; ranking the terms that set
one outlet apart, and naming shares per outlet, are in :mod:`corpus.analysis.framing` (which reads the
tables only, so editing it never invalidates the cached rows).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, NamedTuple

import numpy as np

from corpus.resources import data_lines, data_rows

if TYPE_CHECKING:  # spaCy is imported by whoever parses; reading stored tables never loads it
    from spacy.tokens import Doc


@lru_cache(maxsize=1)
def chrome_words() -> frozenset[str]:
    """Page-furniture words never counted as framing terms (``data/chrome_words.txt``)."""
    return frozenset(data_lines("chrome_words.txt"))


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def is_term(token) -> bool:
    """A content word: alphabetic, two letters or more, not a stop word, number or page-chrome word."""
    lemma = token.lemma_.lower()
    return (token.is_alpha and len(lemma) > 1 and not token.is_stop and not token.like_num
            and lemma not in _stop_words() and lemma not in chrome_words())


def doc_term_counts(doc: Doc) -> Counter:
    """Lemma counts of one article's content words."""
    return Counter(token.lemma_.lower() for token in doc if is_term(token))


# --- naming of key events -----------------------------------------------------------------------

class NamingTerm(NamedTuple):
    event: str
    term: str
    variants: tuple[str, ...]
    context: tuple[str, ...]


@lru_cache(maxsize=1)
def naming_lexicon() -> tuple[NamingTerm, ...]:
    """Rows of ``data/event_naming.csv``."""
    rows = data_rows("event_naming.csv")
    return tuple(NamingTerm(r["event"], r["term"], tuple(r["variants"].split("|")),
                            tuple(c for c in r["context"].split("|") if c)) for r in rows)


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


@lru_cache(maxsize=4)
def _naming_matcher(vocab_id: int, vocab, lexicon: tuple[NamingTerm, ...]):
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(vocab, attr="LOWER")
    for i, row in enumerate(lexicon):
        matcher.add(str(i), [_tokenizer()(v) for v in row.variants])
    return matcher


def doc_event_naming(doc: Doc, entity_sentences: Iterable[tuple[int, str]],
                     lexicon: tuple[NamingTerm, ...] | None = None) -> Counter:
    """``(event, term) -> uses`` in one article; a term with a ``context`` counts only in sentences that
    mention one of those canonical entities. Variants match whole token sequences, case-insensitively;
    overlapping matches keep the longest."""
    from spacy.util import filter_spans

    lexicon = lexicon if lexicon is not None else naming_lexicon()
    matcher = _naming_matcher(id(doc.vocab), doc.vocab, lexicon)
    entities_in: dict[int, set[str]] = {}
    for sent_id, entity in entity_sentences:
        entities_in.setdefault(int(sent_id), set()).add(entity)
    sent_starts = [s.start for s in doc.sents]
    counts: Counter = Counter()
    for span in filter_spans(matcher(doc, as_spans=True)):
        row = lexicon[int(span.label_)]
        if row.context:
            sent_id = int(np.searchsorted(sent_starts, span.start, side="right") - 1)
            if not entities_in.get(sent_id, set()) & set(row.context):
                continue
        counts[(row.event, row.term)] += 1
    return counts
