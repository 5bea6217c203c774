"""Which side a phrase places a person or body on (US, Iran, Iraq, other), looked up in one place.

Three editable tables: ``data/affiliations.csv`` maps words and short phrases ("pentagon", "iranian",
"foreign ministry") to an affiliation; ``data/entity_affiliations.csv`` maps canonical names of recurring
people, outlets and bodies to theirs. The source extractor (:mod:`corpus.extract.attribution`) and the
troop-claim extractor (:mod:`corpus.extract.troops`) both read them through these functions.
``data/office_holders.csv`` lists who held the offices the story's sources speak from (title head word, side,
person, and the portfolio word where offices share a head word: "prime" or "foreign" minister), so that "the
president" in an article that calls Trump only "Trump" is still Trump.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from corpus.resources import data_mapping, data_rows

if TYPE_CHECKING:  # spaCy is imported by whoever parses; reading stored tables never loads it
    from spacy.tokens import Token

__all__ = ["COUNTRY_NAMES", "SHARED_PEOPLES", "affiliation_terms", "generic_terms", "entity_affiliations", "affiliation_in",
           "office_holders", "office_portfolios"]

COUNTRY_NAMES = {"US": "United States", "Iran": "Iran", "Iraq": "Iraq"}
"""The story's sides by their countries' usual names, as the samples' readers name a government ("Iran")."""

@lru_cache(maxsize=1)
def affiliation_terms() -> dict[tuple[str, ...], str]:
    """Words (as token tuples) that give a source's affiliation (``data/affiliations.csv``)."""
    return {tuple(term.split()): affiliation
            for term, affiliation in data_mapping("affiliations.csv", "term", "affiliation").items()}


@lru_cache(maxsize=1)
def generic_terms() -> frozenset[tuple[str, ...]]:
    """Terms of :func:`affiliation_terms` marked ``generic``: offices and bodies other countries have too ("the
    national security adviser", "the army", "the administration"), weaker evidence than a country's or a
    named body's word."""
    return frozenset(tuple(row["term"].split()) for row in data_rows("affiliations.csv") if row["generic"] == "yes")


@lru_cache(maxsize=1)
def _longest_term() -> int:
    return max(map(len, affiliation_terms()), default=0)


@lru_cache(maxsize=1)
def entity_affiliations() -> dict[str, str]:
    """Canonical person, outlet or body -> affiliation (``data/entity_affiliations.csv``)."""
    return data_mapping("entity_affiliations.csv", "entity", "affiliation")


@lru_cache(maxsize=1)
def office_holders() -> dict[str, dict[str, str]]:
    """Office head word ("president", "minister") -> {person: side} (``data/office_holders.csv``)."""
    table: dict[str, dict[str, str]] = {}
    for row in data_rows("office_holders.csv"):
        table.setdefault(row["office"], {})[row["person"]] = row["side"]
    return table


@lru_cache(maxsize=1)
def office_portfolios() -> dict[tuple[str, str], str]:
    """(office head word, person) -> the word that says which office of that name they held ("prime" minister,
    "foreign" minister, secretary of "state"), where ``data/office_holders.csv`` gives one."""
    return {(row["office"], row["person"]): row["portfolio"] for row in data_rows("office_holders.csv")
            if row["portfolio"]}


TOPIC_ROLES = frozenset({"expert", "analyst", "hawk", "dove", "specialist", "scholar", "watcher", "observer",
                         "envoy", "hand", "czar", "historian", "researcher"})
"""Roles held toward a country or a subject, which a noun before them names: "Iran expert", "Iraq envoy"."""


SHARED_PEOPLES = frozenset({("kurdish",), ("kurd",)})
"""Words for a people of more than one country of the story: the table's side (Iraq) in a story about Iraq, and
another country's (Syria's, ``other``) in an article that names Syria more often than Iraq ("Kurdish forces" in
the Turkish offensive of October 2019 are Syrian Kurds, not Iraqi forces); the one sense per discourse of Gale,
Church & Yarowsky (1992)."""


def _shared_people_side(side: str, text: str) -> str:
    syria = len(re.findall(r"\bsyria", text, flags=re.IGNORECASE))
    return "other" if syria > len(re.findall(r"\biraq", text, flags=re.IGNORECASE)) else side


def affiliation_in(tokens: Iterable[Token], *, specific_only: bool = False) -> str | None:
    """The affiliation of the first term of :func:`affiliation_terms` among ``tokens`` (longest term first at
    each position), or None. ``specific_only`` passes over :func:`generic_terms`: "the national security
    adviser to the prime minister and head of the government PMF commission" is Iraqi."""
    terms = affiliation_terms()
    generic = generic_terms() if specific_only else frozenset()
    longest = _longest_term()
    tokens = list(tokens)
    # "Iran hawks", "an Iran expert", "the Iran envoy": a country's name as a noun modifier of a role held toward
    # it names the role's subject, not its holder's side ("Iranian experts" are on Iran's); an initialism is used
    # as the nationality word ("US experts", "the U.N. envoy")
    words = ["" if t.dep_ == "compound" and t.tag_ == "NNP" and t.head.lemma_.lower() in TOPIC_ROLES
             and t.text != t.text.upper() else t.lower_ for t in tokens]
    # a people's plural names the side its singular does ("Ukrainians" as "Ukrainian"; spaCy leaves plural proper
    # nouns unlemmatised), but not a common noun's ("Representatives of the protesters" are no US representatives)
    singular = [w[:-1] if w.endswith("s") and not w.endswith("ss") and t.text[:1].isupper()
                and t.tag_ in ("NNS", "NNPS") and (w[:-1],) not in generic_terms() else ""
                for t, w in zip(tokens, words)]
    for i in range(len(words)):
        for n in range(longest, 0, -1):
            term = tuple(words[i:i + n])
            if i + n <= len(words) and singular[i + n - 1] and term not in terms:
                term = (*term[:-1], singular[i + n - 1])
            found = terms.get(term)
            if found and term in generic:
                break  # nor a shorter term inside it ("security" of "national security adviser")
            if found and "american" in words[i + n:i + n + 2] and words[i + n] in ("-", "american"):
                return "US"  # "Iranian-American", "the National Iranian American Council": American
            if found and term in SHARED_PEOPLES:
                return _shared_people_side(found, tokens[i].doc.text)
            if found:
                return found
    return None
