"""Troop-number claims: how many soldiers, advisers or militiamen an article says there are.

A claim is a personnel noun (``data/personnel_nouns.csv``: troops, soldiers, service members,
advisers, officers, militiamen ...) with a number attached in the parse: its ``nummod`` ("14,000
troops"), or a number that governs it through "of" ("six of their troops", "thousands of Marines",
"two of whom"). Numbers of other things (miles, tons, civilians, rockets, attacks) are never claims
because their head noun is not a personnel noun; dates, ordinals, money and percentages are left out
by their entity type. The quantity's hedges give the ``bound`` (the "approximators" and
"shields" of hedging studies: Prince, Frader & Bosk 1982); the noun's modifiers, then the
attribution's source, then a sentence that names only one side give the ``actor``; the governing
verb gives the ``event`` (``data/troop_events.csv``); claims are grouped for comparison by the
ordered rules of ``data/claim_groups.csv``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, NamedTuple

from corpus.extract.affiliation import affiliation_in
from corpus.extract.attribution import Attribution, cue_lexicon, extract_attributions
from corpus.extract.numbers import SCALES, UNITS, VAGUE, VAGUE_MODIFIERS, parse_number
from corpus.resources import data_mapping, data_rows

if TYPE_CHECKING:  # spaCy is imported by whoever parses; reading stored tables never loads it
    from spacy.tokens import Doc, Token

CLAIM_COLUMNS = ["doc_id", "outlet", "date", "value", "low", "high", "bound", "unit", "actor", "change", "event",
                 "place", "group", "attribution", "sentence", "sent_id", "start_char", "end_char", "quantity"]
BOUNDS = ("exact", "approx", "at_least", "at_most", "range", "vague")

# Hedges, longest first: (words, bound).
HEDGES = (
    (("or", "so"), "approx"), (("or", "more"), "at_least"), (("no", "more", "than"), "at_most"), (("as", "many", "as"), "at_most"), (("as", "few", "as"), "at_least"),
    (("up", "to"), "at_most"), (("fewer", "than"), "at_most"), (("less", "than"), "at_most"),
    (("more", "than"), "at_least"), (("at", "least"), "at_least"), (("upward", "of"), "at_least"),
    (("upwards", "of"), "at_least"), (("close", "to"), "approx"), (("an", "estimated"), "approx"),
    (("under",), "at_most"), (("over",), "at_least"), (("nearly",), "approx"), (("almost",), "approx"),
    (("about",), "approx"), (("roughly",), "approx"), (("around",), "approx"), (("approximately",), "approx"),
    (("some",), "approx"), (("estimated",), "approx"), (("nearly",), "approx"), (("approx",), "approx"),
)
CHANGES = {"additional": "additional", "more": "more", "extra": "additional", "another": "additional",
           "further": "additional", "remaining": "remaining", "withdrawn": "withdrawn", "deployed": "deployed",
           "new": "additional", "fresh": "additional"}
NOT_COUNTS = frozenset({"DATE", "TIME", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
MILITIA_WORDS = frozenset({"militia", "militias", "militiamen", "militiaman", "hashd", "shiite", "shia",
                           "kata'ib", "kataib", "hezbollah", "hizbollah", "paramilitary", "pmf", "pmu", "proxies",
                           "proxy", "asaib"})
COALITION_WORDS = frozenset({"coalition", "nato", "allied", "multinational"})
RELATIVES = frozenset({"whom", "which", "them"})
PLACES = frozenset({"region", "area", "theater", "theatre", "country", "base"})


class TroopClaim(NamedTuple):
    doc_id: str | None
    value: float | None
    low: float | None
    high: float | None
    bound: str
    unit: str
    actor: str
    change: str
    event: str
    place: str
    attribution: str
    sentence: str
    sent_id: int
    start_char: int
    end_char: int
    quantity: str


@lru_cache(maxsize=1)
def personnel_nouns() -> dict[str, str]:
    """Personnel noun lemma -> the actor it implies ('' for none)."""
    return data_mapping("personnel_nouns.csv", "lemma", "actor")


@lru_cache(maxsize=1)
def troop_events() -> dict[str, str]:
    return data_mapping("troop_events.csv", "lemma", "event")


@lru_cache(maxsize=1)
def claim_group_rules() -> tuple[dict, ...]:
    return tuple(data_rows("claim_groups.csv"))


# --- the parts of a claim -------------------------------------------------------------------------

def _is_number(token: Token) -> bool:
    if token.ent_type_ in NOT_COUNTS:
        return False
    word = token.lower_
    if word in ("a", "an", "half"):
        return False  # only inside an amount ("a dozen", "half a dozen"), never one by itself
    return token.like_num or word in UNITS or word in SCALES or word in VAGUE or word == "dozen"


def _unit(noun: Token) -> str | None:
    """The personnel unit of a noun ("service member", "troop"), or None."""
    nouns = personnel_nouns()
    lemma = noun.lemma_.lower()
    compounds = [c.lemma_.lower() for c in noun.lefts if c.dep_ == "compound"]
    for compound in reversed(compounds):
        if f"{compound} {lemma}" in nouns:
            return f"{compound} {lemma}"
    if lemma == "member":
        forces = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in ("force", "military", "army")]
        return "member" if forces else None
    if lemma == "force" and (noun.lower_ == "force" or "police" in compounds):
        return None  # "Quds Force", "air force", "a dozen police forces": bodies, not a count
    if lemma == "boot" and not any(p.lower_ == "on" for p in noun.children):
        return None
    if lemma not in nouns and noun.pos_ == "PROPN" and lemma.endswith("s") and lemma[:-1] in nouns:
        return lemma[:-1]  # "Marines" tagged a proper noun keeps its plural as its lemma
    return lemma if lemma in nouns else None


def _quantity_tokens(number: Token, noun: Token) -> list[Token]:
    """The words of the amount: the number with its hedges, range partner and scale words."""
    exclude = set(t.i for t in noun.subtree) if number.i < noun.i and number.head.i != noun.i else set()
    tokens = [t for t in number.subtree if t.i not in exclude and t.i < noun.i or t.i == number.i]
    if number.head.i == noun.i:
        # "50,000 to 65,000 troops", "about a dozen other officers": siblings that modify the amount
        tokens += [t for c in noun.children if c.dep_ in ("quantmod", "nummod") and c.i != number.i
                   for t in c.subtree]
    tokens = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    # a hedge printed before the amount but attached elsewhere ("some 5,000", "as many as 300")
    start = tokens[0].i if tokens else number.i
    doc = noun.doc
    if start > noun.sent.start and doc[start - 1].lower_ in VAGUE_MODIFIERS | {"a", "an"}:
        tokens.insert(0, doc[start - 1])  # "several hundred", "a few thousand", "a dozen"
        start -= 1
        if start > noun.sent.start and doc[start - 1].lower_ in ("a", "an"):
            tokens.insert(0, doc[start - 1])
            start -= 1
    for hedge, _ in HEDGES:
        n = len(hedge)
        if start - n >= noun.sent.start and tuple(t.lower_ for t in doc[start - n:start]) == hedge:
            tokens = list(doc[start - n:start]) + tokens
            break
    return [t for t in tokens if (not t.is_punct or t.text in ("-", "–")) and t.dep_ != "prep"]


def _parse_amount(tokens: list[Token]) -> tuple[float | None, float | None, float | None, str]:
    """(value, low, high, bound) of the quantity's words."""
    words = [t.lower_ for t in tokens]
    bound, hedge_at = "exact", set()
    for hedge, name in HEDGES:
        n = len(hedge)
        found = [i for i in range(len(words) - n + 1) if tuple(words[i:i + n]) == hedge]
        if found:
            bound, hedge_at = name, set(range(found[0], found[0] + n))
            break
    number_words = [t for k, t in enumerate(tokens)
                    if k not in hedge_at and (_is_number(t) or t.lower_ in VAGUE_MODIFIERS | {"a", "an", "half"})]
    # a range: two numbers joined by "to", "-", "and" (with "between") or "or"
    connectors = [i for i, w in enumerate(words) if w in ("to", "-", "–", "and", "or") and i not in hedge_at]
    if connectors and bound in ("exact", "at_most", "approx") and not (bound == "at_most" and "up" in words):
        cut = tokens[connectors[-1]].i
        left = parse_number(" ".join(t.text for t in number_words if t.i < cut))
        right = parse_number(" ".join(t.text for t in number_words if t.i > cut))
        if left and right and left.value is not None and right.value is not None:
            low, high = sorted((left.value, right.value))
            if low < high:
                return None, low, high, "range"
    quantity = parse_number(" ".join(t.text for t in number_words))
    if quantity is None:
        return None, None, None, ""
    if quantity.vague:
        return None, None, None, "vague"
    value = quantity.value
    low = value if bound in ("exact", "approx", "at_least") else None
    high = value if bound in ("exact", "approx", "at_most") else None
    return value, low, high, bound


def _affiliation_of(tokens: Iterable[Token]) -> str | None:
    tokens = list(tokens)
    words = [t.lower_ for t in tokens]
    if any(w in MILITIA_WORDS for w in words):
        return "militia"
    if any(w in COALITION_WORDS for w in words):
        return "coalition"
    return affiliation_in(tokens)


def _actor(noun: Token, anchor: Token, unit: str, attribution: Attribution | None) -> str:
    """From the noun's own modifiers, the attribution's source (for "their troops"), or who deploys them.

    A sentence's other words are not used: "sent 3,000 soldiers to counter Iran" names the adversary."""
    implied = personnel_nouns().get(unit) or personnel_nouns().get(unit.split()[-1], "")
    modifiers = [t for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod")
                 for t in c.subtree]
    modifiers += [t for p in noun.rights if p.dep_ == "prep" and p.lower_ in ("from", "of")
                  for t in p.subtree]
    found = _affiliation_of(modifiers) or implied
    if found:
        return found
    if any(t.dep_ == "poss" and t.pos_ == "PRON" for t in noun.lefts) and attribution is not None:
        if attribution.affiliation in ("US", "Iran", "Iraq"):
            return attribution.affiliation
    # whoever sends, deploys or withdraws the troops: "the Trump administration has sent 14,000 troops"
    verb = _governing_verb(anchor)
    if verb is not None and troop_events().get(verb.lemma_.lower()) in ("deployed", "withdrawn", "stationed"):
        subjects = [t for c in verb.children if c.dep_ == "nsubj" for t in c.subtree]
        found = _affiliation_of(subjects)
        if found:
            return found
    return "unknown"


def _change(noun: Token, number: Token, quantity: list[Token]) -> str:
    own = [t.lower_ for t in noun.lefts] if number.head.i == noun.i else []
    words = own + [t.lower_ for t in quantity]
    for i, word in enumerate(words):
        if word == "more" and i + 1 < len(words) and words[i + 1] == "than":
            continue
        if word in CHANGES:
            return CHANGES[word]
    return ""


EVENT_NOUNS = {"death": "killed", "killing": "killed", "murder": "killed", "casualty": "killed", "injury": "injured",
               "deployment": "deployed", "arrival": "deployed", "dispatch": "deployed", "withdrawal": "withdrawn",
               "departure": "withdrawn", "presence": "stationed"}
PARTITIVES = frozenset({"first", "last", "all", "some", "most", "many", "half", "rest", "part", "none", "each"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative"})


def _governing_verb(token: Token) -> Token | None:
    """The verb whose argument the claim is: directly, through one preposition, or through a partitive
    ("the first of as many as 300 advisers")."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in PARTITIVES:
        token = token.head.head
    if token.dep_ in ARGUMENT_DEPS and token.head.pos_ in ("VERB", "AUX"):
        return token.head
    if token.dep_ == "pobj" and token.head.dep_ in ("prep", "agent") and token.head.head.pos_ in ("VERB", "AUX"):
        return token.head.head
    if token.dep_ == "conj":
        return _governing_verb(token.head)
    return None


def _event(anchor: Token, noun: Token) -> str:
    # a participle on the noun itself: "troops stationed in Iraq", "soldiers killed"; not a relative clause
    # with a subject of its own ("troops, two of whom were killed")
    for child in noun.children:
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("who", "that", "which")
                          for c in child.children)
        if child.dep_ in ("acl", "relcl") and not own_subject and child.lemma_.lower() in troop_events():
            return troop_events()[child.lemma_.lower()]
    # a noun of the event: "the deaths of roughly 600 servicemembers", "the deployment of 1,500 troops"
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.lemma_.lower() in EVENT_NOUNS:
        return EVENT_NOUNS[anchor.head.head.lemma_.lower()]
    verb = _governing_verb(anchor)
    if verb is None:
        return ""
    return troop_events().get(verb.lemma_.lower(), verb.lemma_.lower())


def _place(noun: Token, anchor: Token) -> str:
    verb = _governing_verb(anchor)
    holders = [noun] + ([verb] if verb is not None else [])
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "to", "into", "across", "throughout", "at"):
                for obj in prep.children:
                    if obj.dep_ == "pobj" and (obj.ent_type_ in ("GPE", "LOC", "FAC") or obj.lemma_.lower() in PLACES):
                        start = min(t.i for t in obj.subtree if t.dep_ in ("compound", "amod") or t.i == obj.i)
                        return noun.doc[start:obj.i + 1].text
    return ""


def claim_group(claim: TroopClaim) -> str:
    """The comparison group of a claim: the first rule of ``data/claim_groups.csv`` it matches."""
    place = "Iraq" if claim.place.lower().endswith("iraq") else claim.place
    values = {"actor": claim.actor, "event": claim.event, "place": place, "change": claim.change}
    for rule in claim_group_rules():
        if all(rule[k] == "*" or values[k] in rule[k].split("|") for k in values):
            return rule["group"]
    return f"other: {claim.actor} {claim.event or 'mentioned'}".strip()


def _is_speaker_determiner(noun: Token, value: float | None) -> bool:
    """ "one former U.S. foreign service officer said": "one" picks a speaker out, it counts nothing."""
    return value == 1 and noun.dep_ == "nsubj" and noun.head.lemma_.lower() in cue_lexicon()


def _attribution_for(claim_start: int, sent_id: int, attributions: list[Attribution]) -> Attribution | None:
    covering = [a for a in attributions if a.content_start <= claim_start < a.content_end]
    if covering:
        return min(covering, key=lambda a: a.content_end - a.content_start)
    same = [a for a in attributions if a.sent_id == sent_id]
    return same[0] if same else None


# --- the extractor ----------------------------------------------------------------------------------

def _candidates(doc: Doc) -> Iterable[tuple[Token, Token, str]]:
    """(number, personnel noun, unit) pairs found in the parse."""
    for token in doc:
        if not _is_number(token):
            continue
        if token.dep_ == "nummod":
            unit = _unit(token.head)
            if unit:
                yield token, token.head, unit
            continue
        if token.dep_ in ("quantmod", "compound", "conj") and token.head.dep_ == "nummod":
            continue  # part of another number ("50,000 to 65,000", "five thousand")
        # "six of their troops", "thousands of Marines", "two of whom were killed"
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                noun = obj
                if obj.lower_ in RELATIVES:
                    verb = token.head
                    noun = verb.head if verb.dep_ == "relcl" else None
                if noun is not None:
                    unit = _unit(noun)
                    if unit:
                        yield token, noun, unit


CREW_UNITS = frozenset({"sailor", "crew", "crew member", "seaman", "mariner"})
CIVILIAN_VESSELS = frozenset({"tanker", "freighter", "vessel", "ship", "cargo", "merchant", "ferry", "boat", "oil",
                              "shipping", "container", "carrier"})
NAVAL_WORDS = frozenset({"navy", "naval", "warship", "destroyer", "frigate", "submarine", "coast", "marine", "military"})


def _civilian_crew(noun: Token, unit: str) -> bool:
    """Sailors of a merchant ship are not military personnel: a crew unit in a sentence about a tanker or
    freighter that names no navy ("a tanker with 23 sailors aboard")."""
    if unit not in CREW_UNITS:
        return False
    words = {t.lemma_.lower() for t in noun.sent}
    return bool(words & CIVILIAN_VESSELS) and not words & NAVAL_WORDS - {"carrier"}


HISTORICAL_BEFORE = 2012
"""A year before this in a claim's clause makes the number history given as context (the last US troops left
Iraq in December 2011; the story's claims from 2014 on are about the return): "in 2007 the US had 170,000"."""
HISTORICAL_PHRASES = ("at the height", "at its height", "at the peak", "at its peak", "at one point")


def _historical(anchor: Token) -> bool:
    """Whether the clause that holds a claim dates it to the past (an early year, "at the height of")."""
    clause = anchor
    while clause.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and clause.head.i != clause.i:
        clause = clause.head
    tokens = list(clause.subtree)
    text = " ".join(t.lower_ for t in tokens)
    years = [int(t.text) for t in tokens if t.ent_type_ == "DATE" and t.text.isdigit() and len(t.text) == 4]
    return any(year < HISTORICAL_BEFORE for year in years) or any(p in text for p in HISTORICAL_PHRASES)


def extract_troop_claims(doc: Doc, *, attributions: list[Attribution] | None = None) -> list[TroopClaim]:
    """Every personnel-number claim of a parsed article (a pure function of ``doc``).

    ``attributions`` (from :func:`corpus.extract.attribution.extract_attributions`) are computed when not given.
    """
    attributions = extract_attributions(doc) if attributions is None else attributions
    sent_starts = {s.start: i for i, s in enumerate(doc.sents)}
    claims, seen = [], set()
    for number, noun, unit in _candidates(doc):
        if (number.i, noun.i) in seen:
            continue
        seen.add((number.i, noun.i))
        quantity = _quantity_tokens(number, noun)
        value, low, high, bound = _parse_amount(quantity)
        if not bound or _is_speaker_determiner(noun, value) or _civilian_crew(noun, unit):
            continue
        sentence = noun.sent
        sent_id = sent_starts[sentence.start]
        start = min(t.idx for t in quantity + [noun])
        end = max(t.idx + len(t.text) for t in quantity + [noun])
        attribution = _attribution_for(start, sent_id, attributions)
        anchor = number if number.head.i != noun.i else noun  # the word the sentence's verb governs
        claim = TroopClaim(
            doc._.doc_id, value, low, high, bound, unit, _actor(noun, anchor, unit, attribution),
            "historical" if _historical(anchor) else _change(noun, number, quantity), _event(anchor, noun),
            _place(noun, anchor),
            f"{attribution.source_canonical} ({attribution.cue})" if attribution is not None else "",
            sentence.text.strip(), sent_id, start, end, " ".join(t.text for t in quantity),
        )
        claims.append(claim)
    return sorted(claims, key=lambda c: c.start_char)
