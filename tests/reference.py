"""Whole-corpus reference versions of the per-article extractors, for tests only.

The package builds its tables article by article (:mod:`corpus.tables`); these build the same tables from a
list of parsed ``Doc`` objects in one go, the simplest way to state what a table should hold, so the tests
can check the streamed, cached tables against them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd
from spacy.tokens import Doc

from corpus.analysis.framing import naming_by_outlet
from corpus.extract.attribution import ATTRIBUTION_COLUMNS, Attribution, extract_attributions
from corpus.extract.entities import ENTITY_LABELS, MENTION_COLUMNS, EntityMention, entity_mentions
from corpus.extract.framing import NamingTerm, doc_event_naming, doc_term_counts
from corpus.extract.sentiment import SENTIMENT_COLUMNS, SentenceScore, doc_actor_sentences, sentence_sentiment
from corpus.extract.troops import CLAIM_COLUMNS, TroopClaim, claim_group, extract_troop_claims


def mentions_table(docs: list[Doc], articles: pd.DataFrame, *, labels: tuple[str, ...] = ENTITY_LABELS) -> pd.DataFrame:
    """One row per entity mention, with ``outlet`` and ``date`` from the articles table."""
    rows = [m for doc in docs for m in entity_mentions(doc, labels=labels)]
    table = pd.DataFrame(rows, columns=list(EntityMention._fields))
    meta = articles[["doc_id", "outlet", "date"]]
    table = table.merge(meta, on="doc_id", how="left")[MENTION_COLUMNS]
    return table.sort_values(["doc_id", "start_char"], ignore_index=True)


def attributions_table(docs: Iterable[Doc], articles: pd.DataFrame, **options) -> pd.DataFrame:
    """One row per attribution, with ``outlet`` and ``date`` from the articles table."""
    rows = [a for doc in docs for a in extract_attributions(doc, **options)]
    table = pd.DataFrame(rows, columns=list(Attribution._fields))
    table = table.merge(articles[["doc_id", "outlet", "date"]], on="doc_id", how="left")
    return table[ATTRIBUTION_COLUMNS].sort_values(["doc_id", "start_char", "cue_start"], ignore_index=True)


def troop_claims_table(docs: Iterable[Doc], articles: pd.DataFrame) -> pd.DataFrame:
    """One row per claim, with ``outlet``, ``date`` and the comparison ``group``."""
    rows = []
    for doc in docs:
        for claim in extract_troop_claims(doc):
            rows.append({**claim._asdict(), "group": claim_group(claim)})
    table = pd.DataFrame(rows, columns=[*TroopClaim._fields, "group"])
    table = table.merge(articles[["doc_id", "outlet", "date"]], on="doc_id", how="left")
    return table[CLAIM_COLUMNS].sort_values(["doc_id", "start_char"], ignore_index=True)


def sentiment_table(docs: Iterable[Doc], articles: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence, with ``outlet`` and ``date`` from the articles table."""
    rows = [s for doc in docs for s in sentence_sentiment(doc)]
    table = pd.DataFrame(rows, columns=list(SentenceScore._fields))
    table = table.merge(articles[["doc_id", "outlet", "date"]], on="doc_id", how="left")
    return table[SENTIMENT_COLUMNS].sort_values(["doc_id", "sent_id"], ignore_index=True)


def actor_sentences(docs: Iterable[Doc], mentions: pd.DataFrame,
                    actors: tuple[tuple[str, str, str], ...] | None = None) -> pd.DataFrame:
    """``doc_id, sent_id, actor``: which actors each sentence mentions (by canonical entity or lemma)."""
    per_doc = {d: list(zip(g["sent_id"], g["entity"])) for d, g in mentions.groupby("doc_id")}
    rows = [(doc._.doc_id, sent_id, actor) for doc in docs
            for sent_id, actor in doc_actor_sentences(doc, per_doc.get(doc._.doc_id, []), actors)]
    return pd.DataFrame(sorted(rows), columns=["doc_id", "sent_id", "actor"])


def term_counts(docs: Iterable[Doc], articles: pd.DataFrame) -> pd.DataFrame:
    """Tidy ``outlet, term, count``: lemma counts per outlet."""
    outlet_of = dict(zip(articles["doc_id"], articles["outlet"]))
    counts: Counter = Counter()
    for doc in docs:
        outlet = outlet_of[doc._.doc_id]
        for term, n in doc_term_counts(doc).items():
            counts[(outlet, term)] += n
    table = pd.DataFrame([(o, t, n) for (o, t), n in counts.items()], columns=["outlet", "term", "count"])
    return table.sort_values(["outlet", "term"], ignore_index=True)


def event_naming(docs: Iterable[Doc], articles: pd.DataFrame, mentions: pd.DataFrame,
                 lexicon: tuple[NamingTerm, ...] | None = None) -> pd.DataFrame:
    """Tidy ``outlet, event, term, count, share``: how often each outlet uses each name for each event."""
    outlet_of = dict(zip(articles["doc_id"], articles["outlet"]))
    per_doc = {d: list(zip(g["sent_id"], g["entity"])) for d, g in mentions.groupby("doc_id")}
    rows = [(outlet_of[doc._.doc_id], event, term, n) for doc in docs
            for (event, term), n in doc_event_naming(doc, per_doc.get(doc._.doc_id, []), lexicon).items()]
    frame = pd.DataFrame(rows, columns=["outlet", "event", "term", "count"])
    return naming_by_outlet(frame, sorted(set(outlet_of.values())), lexicon)
