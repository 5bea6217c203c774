"""Stage 3, extract: pure functions of one parsed ``Doc`` that return small named tuples, one per finding.

Entity mentions, attributions (source, cue, content), troop-number claims, sentence sentiment, term counts
and event names. Every module here is part of the row cache's digest (:mod:`corpus.tables.rows`).
"""

from corpus.extract.attribution import Attribution, extract_attributions
from corpus.extract.entities import EntityMention, entity_mentions
from corpus.extract.framing import doc_event_naming, doc_term_counts
from corpus.extract.sentiment import SentenceScore, doc_actor_sentences, sentence_sentiment
from corpus.extract.troops import TroopClaim, extract_troop_claims

__all__ = ["Attribution", "EntityMention", "SentenceScore", "TroopClaim", "doc_actor_sentences", "doc_event_naming",
           "doc_term_counts", "entity_mentions", "extract_attributions", "extract_troop_claims", "sentence_sentiment"]
