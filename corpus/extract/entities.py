"""Entity mentions and their normalisation to one canonical name per entity.

The merge rules, in order (each is data-driven where it can be, and each is tested):

1. surface clean-up: leading articles, possessives ('s, ’s), titles and honorifics (Gen., Mr,
   President, Secretary of State, ...), a company's legal suffix (Inc., Corp., Ltd), surrounding punctuation;
2. transliteration variants, token by token (``data/name_variants.csv``: Suleimani -> Soleimani,
   Qassim -> Qassem);
3. a name followed by "administration", "government", "campaign" or "regime" is that
   organisation ("the Trump administration" stays apart from Donald Trump);
4. surname-only mentions resolve to the fullest person name in the same article that ends with
   that surname (Schenker -> David Schenker), a within-document variant of the "one sense per
   discourse" heuristic (Gale, Church & Yarowsky 1992) used by coreference baselines;
5. the editable alias table (``data/entity_aliases.csv``): country forms (US, U.S., America ->
   United States) and common short forms; rows marked ``when=acting`` (the capitals Washington,
   Tehran, Baghdad) map to their country only when the parse shows the capital acting — as the subject of a verb or a possessor
   ("Washington has announced", "Tehran's strategy") — and stay places otherwise ("a Washington
   think-tank", "north of Baghdad"); rows marked ``when=the_nation`` (Americans, British, Soviets) are the
   country only as a bare plural with "the" that acts ("The Americans warn", "the Soviets boasted": the
   diplomatic usage for a government) and stay its people otherwise ("Americans say" in a poll, "thousands of
   Iranians").

Surfaces in ``data/entity_stoplist.txt`` (platforms and photo credits) are not entities.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from corpus.extract.affiliation import affiliation_in, entity_affiliations
from corpus.resources import data_lines, data_mapping, data_rows

if TYPE_CHECKING:  # spaCy is imported by whoever parses; reading stored tables never loads it
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "ENTITY_LABELS",
    "EntityMention",
    "MENTION_COLUMNS",
    "alias_table",
    "aliased",
    "canonical_key",
    "entity_mentions",
    "normalise_surface",
]

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "EVENT")
"""Labels that name actors, places and things; numbers and dates are other analyses' business."""

MENTION_COLUMNS = ["doc_id", "outlet", "date", "sent_id", "start_char", "end_char", "surface", "label", "entity"]

TITLES = (
    "secretary of state", "secretary of defense", "defense secretary", "prime minister", "foreign minister",
    "supreme leader", "vice president", "president", "secretary", "senator", "sen.", "rep.", "representative",
    "general", "gen.", "lt. gen.", "maj. gen.", "brig. gen.", "lieutenant general", "major general", "admiral",
    "brigadier general", "rear admiral", "vice admiral", "lieutenant colonel", "lieutenant commander",
    "adm.", "colonel", "col.", "lt. col.", "commander", "cdr.", "cmdr.", "captain", "capt.", "sgt.", "sergeant",
    "gen", "lt gen", "maj gen", "brig gen", "col", "lt col", "adm", "capt", "sgt",  # BBC and Guardian style
    "brig-gen", "maj-gen", "lt-gen", "lt-col", "brigadier-general", "major-general", "lieutenant-general",
    "lieutenant-colonel",  # BBC style
    "lt.", "lt", "lieutenant", "lt. cmdr.", "maj.", "cpl.", "pfc.", "spc.",
    "professor", "prof.", "prof", "judge", "rev.", "reverend",
    "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "dr.", "dr", "ayatollah", "sheikh", "king", "crown prince", "prince",
    "spokesman", "spokeswoman", "spokesperson", "ambassador", "minister", "marine corps general", "gov.", "governor",
    "sens.", "reps.",  # "Sens. Ron Johnson (R-Wis.) and ...": the plural before the first of several names
    "secdef",  # "Acting SecDef Pat Shanahan (@ActingSecDef)": the Pentagon's own abbreviation
)
_TITLE_RE = re.compile(r"^(?:(?:us|u\.s\.|iranian|iraqi|american)\s+)?(?:(?:acting|former|interim|then-?)\s*)?(?:" + "|".join(
    re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + r")\s+", re.IGNORECASE)
_ROYAL_RE = re.compile(r"^(?:[^'\s]+'s\s+|[A-Z][a-z]+\s+)?(king|queen|prince|princess|emir|sultan)\s+"
                       r"([A-Z][\w-]+(?:\s+[IVX]+)?)$", re.IGNORECASE)
"""A royal title before a single given name (with a regnal number), after a possessor or nationality word."""
ORG_HEADS = ("administration", "government", "campaign", "regime")
GOVERNMENT_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}


class EntityMention(NamedTuple):
    doc_id: str
    sent_id: int
    start_char: int
    end_char: int
    surface: str
    label: str
    entity: str


def canonical_key(text: str) -> str:
    """Case-, quote- and space-folded key for table look-ups."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", text).strip().casefold()


@lru_cache(maxsize=1)
def _alias_rows() -> tuple[dict, ...]:
    return tuple(data_rows("entity_aliases.csv"))


@lru_cache(maxsize=1)
def alias_table() -> dict[str, str]:
    """``data/entity_aliases.csv`` as folded alias -> canonical entity (unconditional rows)."""
    return {canonical_key(r["alias"]): r["entity"] for r in _alias_rows() if not r["when"]}


def aliased(name: str) -> str:
    """``name`` as the alias table names its entity ("AP" -> "Associated Press"), else as it is."""
    return alias_table().get(canonical_key(name), name)


@lru_cache(maxsize=1)
def _acting_aliases() -> dict[str, str]:
    """Rows with ``when=acting``: a capital that names its country only when it acts."""
    return {canonical_key(r["alias"]): r["entity"] for r in _alias_rows() if r["when"] == "acting"}


@lru_cache(maxsize=1)
def _nation_aliases() -> dict[str, str]:
    """Rows with ``when=the_nation``: a people that names its country's government as "the Americans"."""
    return {canonical_key(r["alias"]): r["entity"] for r in _alias_rows() if r["when"] == "the_nation"}


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    rows = data_rows("name_variants.csv")
    return {canonical_key(r["variant"]): r["standard"] for r in rows}


@lru_cache(maxsize=1)
def _stoplist() -> frozenset[str]:
    return frozenset(canonical_key(line) for line in data_lines("entity_stoplist.txt"))


EDGE_CHARACTERS = " \"'.,;:()[]“”‘«»—–―-"
"""Stripped from both ends of a mention: quotation marks and dashes that scraped link text leaves on names."""


GLUED_WORDS = re.compile(r"[a-z]{3,}(?<!\bAbdul)(?<!\bAbdel)(?<!\bAbdol)[A-Z]")
"""Two names run together by a scraper ("WarrenBiden"); "McConnell", "MacArthur", "DeSantis" and Arabic names
written with "Abdul" joined ("AbdulKhudher", "AbdulAziz") do not match."""


_NICKNAME_RE = re.compile(r"\s+[\"“‘'][A-Za-z][\w.\- ]{0,20}[\"”’']\s+")
"""A nickname in quotation marks between a first name and a surname."""


_RANK_CODE_RE = re.compile(r"^[A-Z]{1,4}\d{1,2}\s+(?=[A-Z][a-z]+\s+[A-Z])")
"""A US Navy rating code before a name ("SO1 Dalton Tolbert", "MA2 ..."): a rank, never part of the name."""
_CORPORATE_SUFFIX_RE = re.compile(r"(?<=\w)[,.]?\s+(?:Inc|Corp|Co|Ltd|LLC|PLC|plc|LP|AG|NV)\.?$")


def normalise_surface(surface: str) -> str:
    """Rules 1-2: strip articles, possessives and titles; standardise transliterations.

    Scraper noise is repaired or refused: a name repeated inside the mention (link text such as "Trump
    Donald John Trump", "Chris Murphy Christopher Murphy") keeps its last, fullest occurrence; names run together ("Elizabeth Ann WarrenBiden")
    give "" (no entity)."""
    text = unicodedata.normalize("NFKC", surface).replace("’", "'")
    text = re.sub(r"^\s*'s\s+", "", text)  # "'s Donald Trump": NER took the clitic of "it's" into the name
    text = re.sub(r"'s?$", "", text.strip(EDGE_CHARACTERS)).strip()
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^an?\s+", "", text)  # "an Securities and Exchange Commission filing": NER took the article in
    text = re.sub(r"^another\s+", "", text)  # "yet another John Bolton war": the determiner is no first name
    text = _NICKNAME_RE.sub(" ", text)  # John "Tig" Tiegan is John Tiegan
    text = re.sub(r"[\[\]]", "", text)  # an editor's insertion: "[Christopher] Heinz" is Christopher Heinz
    text = _CORPORATE_SUFFIX_RE.sub("", text)  # "Tesla Inc." is Tesla, "Exxon Mobil Corp." is Exxon Mobil
    royal = _ROYAL_RE.match(text)
    if royal:
        # royals are known by title and given name ("King Salman", "Prince Harry", "King Abdullah II"): without
        # the title the given name would be taken for someone's surname ("Mohammed bin Salman")
        return f"{royal.group(1).title()} {royal.group(2)}"
    possessor = re.match(r"^[^']{1,40}'s\s+", text)
    if possessor and _TITLE_RE.match(text[possessor.end():]):
        text = text[possessor.end():]  # "Duke's Dr. Feaver": the university's Dr. Feaver is Feaver
    previous = None
    while previous != text:
        previous, text = text, _RANK_CODE_RE.sub("", _TITLE_RE.sub("", text)).strip()
    words = text.split()
    keys = [canonical_key(w) for w in words]
    while len(set(keys)) < len(keys):
        first = next(i for i, k in enumerate(keys) if k in keys[i + 1:])
        second = keys.index(keys[first], first + 1)
        # link text repeats a name: "Trump Donald John Trump" (the surname repeats: keep what follows its first
        # occurrence), "Charles Schumer Charles (Chuck) Ellis Schumer" (the first name repeats: keep the name
        # it opens); the form that starts with a first name is the name
        after, before = words[first + 1:], words[first:second]
        words = before if canonical_key(before[0]) in first_name_genders() and \
            canonical_key(after[0]) not in first_name_genders() else after
        keys = [canonical_key(w) for w in words]
    if any(GLUED_WORDS.search(word) for word in words):
        return ""
    variants = _variants()
    return " ".join(variants.get(canonical_key(tok), tok) for tok in words)


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """Lower-case first name -> ``male`` or ``female`` (``data/first_names.csv``)."""
    return data_mapping("first_names.csv", "name", "gender")


KIN_NOUNS = frozenset({
    "wife", "husband", "son", "daughter", "brother", "sister", "father", "mother", "widow", "widower", "niece",
    "nephew", "cousin", "uncle", "aunt", "grandson", "granddaughter", "grandfather", "grandmother", "stepson",
    "stepdaughter", "spouse", "fiancee", "fiancée", "fiance", "fiancé", "sibling", "child", "mom", "dad",
})


def _kin_nouns_before(span: Span) -> list[Token]:
    """The kinship nouns among the three words before a name ("his wife, Andrea Gallagher")."""
    return [t for t in span.doc[max(0, span.start - 3):span.start] if not t.is_punct and t.lower_ in KIN_NOUNS]


def relative_of_the_topic(span: Span) -> bool:
    """ "His wife, Andrea Gallagher": a relative introduced by a kinship noun after a possessive pronoun, whose
    "his" or "her" is someone the article is already about."""
    return any(t.i > 0 and span.doc[t.i - 1].lower_ in ("his", "her", "their") for t in _kin_nouns_before(span))


def introduced_as_relative(span: Span) -> bool:
    """ "his wife, Andrea Gallagher", "Joe Biden's son Hunter Biden", "Melania Trump, his wife": a person the
    article introduces through a family tie to someone else (a kinship noun just before the name, or an
    apposition right after it)."""
    after = [t for t in span.doc[span.end:span.end + 4]]
    return bool(_kin_nouns_before(span)) or bool(
        after and after[0].text == "," and any(t.lower_ in KIN_NOUNS for t in after[1:]))


def _is_acting(span: Span) -> bool:
    """A capital used as a government: subject of a verb, agent, or possessor."""
    return span.root.dep_ in GOVERNMENT_DEPS


def _is_the_nation(span: Span) -> bool:
    """ "The Americans warn", "the Soviets openly boasted": one word with "the" and nothing else before it, acting."""
    root = span.root
    lefts = [t for t in root.lefts if not t.is_punct]
    return len(span) == 1 and root.dep_ in GOVERNMENT_DEPS and len(lefts) == 1 and lefts[0].lower_ == "the" \
        and lefts[0].dep_ == "det"


def _starts_with_another_surname(name: str, aliases: dict[str, str]) -> bool:
    """ "Trump Graham" (two link texts run together) starts with the surname of someone else in the alias table."""
    target = aliases.get(canonical_key(name.split()[0]), "")
    return " " in target and target != name and target.split()[-1] == name.split()[0]


NAME_PARTICLES = frozenset({"al", "bin", "bint", "ibn", "van", "von", "de", "der", "da", "di", "du", "la", "le"})
"""Words that stay lower case inside a name ("Osama bin Laden", "Ursula von der Leyen")."""

_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|az|an|ar)-")


def surname_index(names: Iterable[str], *, relatives: Collection[str] = (),
                  subjects: Collection[str] = (), topic_relatives: Collection[str] = ()) -> dict[str, str]:
    """Surname key -> the person a bare surname means in an article that names ``names`` (one item per
    mention, so repeats count).

    Names whose words are all in a longer name are that person ("Javad Zarif" in "Mohammad Javad Zarif").
    Of several people with one surname, the most mentioned wins; the alias table's person for the surname
    (``data/entity_aliases.csv``: Trump -> Donald Trump, what the bare name means in this story) also counts
    every bare mention of it, so a single "Melania Trump" does not take over "Trump said". Ties go to the
    one the article made the subject of a clause (``subjects``: "Diane Foley, the mother of the late James
    Foley, welcomed ..." is the article's Foley; a subject is the more salient entity, the ranking of centering
    theory, Grosz, Joshi & Weinstein 1995), then the longer, then the later name in sort order, so the result
    does not depend on the order of ``names``.
    A person introduced through a family tie (``relatives``: "his wife, Andrea Gallagher") is what the bare
    surname means only when no one else of that surname is named, or when no one else of that surname is ever
    a subject: news style names the relative in full. A relative tied to the article's topic by a possessive
    pronoun (``topic_relatives``: "His wife, Andrea Gallagher") never takes the surname that way: the "his" is the
    one the article is about, whether or not a clause makes him its subject.
    """
    counts = Counter(names)
    bare = Counter({canonical_key(n): k for n, k in counts.items() if " " not in n})
    aliases = alias_table()
    people: dict[str, dict[str, int]] = {}
    for name in sorted((n for n in counts if " " in n and not _starts_with_another_surname(n, aliases)),
                       key=lambda n: (-len(n), n)):
        group = people.setdefault(canonical_key(name.split()[-1]), {})
        words = set(name.split())
        owner = next((p for p in group if words <= set(p.split())), name)
        group[owner] = group.get(owner, 0) + counts[name]
    for surname in [k for k in people if _PARTICLE.match(k)]:
        people.setdefault(_PARTICLE.sub("", surname), people[surname])  # "Jubeir" for "Adel al-Jubeir"
    for surname in [k for k in people if "-" in k.strip("-")]:
        people.setdefault(surname.rsplit("-", 1)[1], people[surname])  # "Ravanchi" for "Majid Takht-Ravanchi"
    index = {}
    for surname, group in people.items():
        default = aliases.get(surname, "")
        if " " in default:
            group[default] = group.get(default, 0) + bare[surname]
        principal = [p for p in group if p not in relatives] or list(group)
        if not any(p in subjects for p in principal) and not any(p in topic_relatives for p in group):
            # "Diane Foley, the mother of the late James Foley, welcomed ...": the relative is the one the article
            # makes a subject, the person she is related through is only mentioned
            principal = [p for p in group if p in subjects] or principal
        index[surname] = max(principal, key=lambda p: (group[p], p == default, p in subjects, len(p), p))
    return index


def _name_case(name: str) -> str:
    """A person's name written all in lower case ("archived recording (president donald trump)", a podcast
    transcript's speaker label) or all in capitals ("ARCHIVED RECORDING (PRESIDENT GEORGE W. BUSH)", "POMPEO:")
    in the case names take, a lone word of three letters or fewer kept ("AOC"); any other name as written."""
    if name.isupper() and (" " in name or len(name) > 3):
        return " ".join(w.lower() if w.lower() in NAME_PARTICLES else w[:1] + w[1:].lower() for w in name.split())
    if not name.islower():
        return name
    return " ".join(w if w in NAME_PARTICLES else w[:1].upper() + w[1:] for w in name.split())


def _canonical(span: Span, cleaned: str, persons: dict[str, str]) -> tuple[str, str]:
    """The canonical name and label of one mention (rules 3-5)."""
    label = span.label_
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.lower_ in ORG_HEADS and label in ("PERSON", "ORG", "GPE", "NORP"):
        return f"{cleaned} {after.lower_}", "ORG"
    key = canonical_key(cleaned)
    acting = _acting_aliases()
    if key in acting:
        return (acting[key], "GPE") if _is_acting(span) else (cleaned, label)
    nations = _nation_aliases()
    if key in nations and _is_the_nation(span):
        return nations[key], "GPE"
    if len(cleaned.split()) == 1 and key in persons:
        cleaned, label = persons[key], "PERSON"
        key = canonical_key(cleaned)
    elif label == "PERSON" and " " in cleaned:
        # "Abdul Mahdi" after "Adel Abdul Mahdi": a shorter form of the one person of that surname
        fuller = persons.get(canonical_key(cleaned.split()[-1]), "")
        if len(fuller.split()) > len(cleaned.split()) and set(cleaned.split()) <= set(fuller.split()):
            cleaned = fuller
            key = canonical_key(cleaned)
    aliased = alias_table().get(key, cleaned)
    if " " not in cleaned and aliased.endswith(" " + cleaned) and label in ("ORG", "GPE", "NORP", "PERSON"):
        label = "PERSON"  # a surname alias ("Trump" -> "Donald Trump") names a person, whatever NER guessed
    return aliased, label


def _lone_surnames(spans: list[Span]) -> set[str]:
    """The keys of the one-word person mentions ("Mr. Khan", "Haley said"): surnames the article uses alone."""
    return {canonical_key(e.text) for e in spans if e.label_ == "PERSON" and len(e) == 1}


def _people_inside_other_spans(spans: list[Span]) -> list[Span]:
    """ "the U.S. Asad M. Khan" (ORG): a span of another label that ends in the surname of a person the article
    names elsewhere by surname alone ("Mr. Khan", PERSON) ends in that person's name (when it looks like one: a
    known first name or a middle initial): its last capitalised words, from the first known first name among
    them ("the United Nations Nikki Haley", or all of "Nikki Haley") or else from the first that is not a place,
    nationality or organisation word, become a PERSON mention."""
    from spacy.tokens import Span

    surnames = _lone_surnames(spans)
    out = []
    for span in spans:
        if span.label_ != "PERSON" and len(span) >= 2 and canonical_key(span[-1].text) in surnames:
            tail = span.end
            while tail - 1 >= span.start and span.doc[tail - 1].pos_ == "PROPN" and span.doc[tail - 1].text[:1].isupper() \
                    and not span.doc[tail - 1].lower_.rstrip(".") in ("u.s", "us", "u.n", "un", "uk", "eu"):
                tail -= 1
            # the name begins at the run's first known first name: "the United Nations Nikki Haley", "Nikki Haley"
            first = next((t.i for t in span.doc[tail:span.end - 1] if t.lower_ in first_name_genders()), tail)
            name = span.doc[first:span.end]
            # a person's name: a known first name or a middle initial ("Asad M. Khan"), not "House Service Badge"
            looks_personal = 2 <= len(name) <= 4 and (
                name[0].lower_ in first_name_genders() or any(re.fullmatch(r"[A-Z]\.", t.text) for t in name))
            if looks_personal and canonical_key(name[0].text) not in surnames:
                out.append(Span(span.doc, name.start, name.end, label="PERSON"))
                continue
        out.append(span)
    return out


def _person_heading_a_body(spans: list[Span]) -> list[Span]:
    """ "Gil Barndollar of Defense Priorities" (ORG): a known first name (or a first word before a surname the
    article uses alone as a person) and a capitalised word before "of", "at" or "from" that open a mention of
    another label are a person, and the rest the body they are of."""
    from spacy.tokens import Span

    surnames = _lone_surnames(spans)
    out = []
    for span in spans:
        if span.label_ != "PERSON" and len(span) >= 4 \
                and (span[0].lower_ in first_name_genders() or canonical_key(span[1].text) in surnames) \
                and span[1].is_alpha and span[1].text[:1].isupper() and not span[1].text.isupper() \
                and span[1].lower_ not in RANK_WORDS and span[2].lower_ in ("of", "at", "from") \
                and "\n" not in span[:2].text_with_ws:
            body = span.start + 3 + (span[3].lower_ == "the")
            out.append(Span(span.doc, span.start, span.start + 2, label="PERSON"))
            if body < span.end:
                out.append(Span(span.doc, body, span.end, label=span.label_))
            continue
        out.append(span)
    return out


RANK_WORDS = frozenset({w.rstrip(".") for title in TITLES for w in title.split()} | {
    "chief", "officer", "operator", "special", "warfare", "petty", "master", "staff", "detective", "deputy", "director",
    "leader", "speaker", "chairman", "chairwoman", "agent", "sheriff", "inspector", "private", "corporal",
    "pope", "saint", "st", "lord", "lady", "dame", "imam", "rabbi", "father", "sister", "brother", "uncle", "aunt"})
"""Words of a title or rank written before a name: never a first name."""


SENTENCE_ENDS = frozenset({".", "!", "?", "”", '"', "’", "'"})


def _names_ner_missed(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "... for National Security John Demers said": a known first name (``data/first_names.csv``) as the proper
    noun modifier of a capitalised word right after it on the same line, neither in any mention, is a person NER
    missed (the tagger took "Demers" for a plural noun); so the bare surname later is that person."""
    from spacy.tokens import Span

    taken = {i for span in spans for i in range(span.start, span.end)}
    # a surname NER found elsewhere is a person it knows ("I saw Eddie Gallagher ..." beside "Edward Gallagher")
    surnames = {span[-1].lower_ for span in spans if span.label_ == "PERSON"}
    added = []
    for first in doc[:-1]:
        last = doc[first.i + 1]
        if first.lower_ not in first_name_genders() or first.i in taken or last.i in taken or last.lower_ in surnames \
                or first.pos_ != "PROPN" or first.dep_ != "compound" or first.head.i != last.i \
                or not first.text[:1].isupper() or "\n" in first.whitespace_ \
                or not last.is_alpha or not last.text[:1].isupper() or last.text.isupper() \
                or last.lower_ in _lexicon_words() or last.pos_ not in ("PROPN", "NOUN") \
                or last.i + 1 < len(doc) and doc[last.i + 1].pos_ == "PROPN":
            continue
        added.append(Span(doc, first.i, last.i + 1, label="PERSON"))
    return sorted([*spans, *added], key=lambda span: span.start)


def _first_names_left_out(spans: list[Span]) -> list[Span]:
    """ "Meagan McKenna" tagged "Meagan" (GPE) and "McKenna" (PERSON): a capitalised proper noun the parser makes
    part of a person's one- or two-word mention, right before it on the same line, which NER left out or gave a
    one-word mention of another label, is the person's first name (not a title, an office or a place the phrase
    names)."""
    from spacy.tokens import Span

    out: list[Span] = []
    for span in spans:
        before = span.doc[span.start - 1] if span.start else None
        lent = out[-1] if out and out[-1].end == span.start else None
        # of two words only at a sentence's start, where NER misses a capitalised word, and with nothing named
        # before them: "Anders" of "Anders Fogh Rasmussen" (not "Whip Steve Scalise", "Journalist Yashar Ali")
        opens_sentence = before is not None and before.is_sent_start and (
            before.i == 0 or "\n" in before.doc[before.i - 1].text_with_ws
            or before.doc[before.i - 1].text in SENTENCE_ENDS)
        two_words = len(span) == 2 and lent is None and opens_sentence and before.lower_ not in _lexicon_words()
        if span.label_ == "PERSON" and (len(span) == 1 or two_words) and before is not None \
                and before.pos_ == "PROPN" and before.dep_ == "compound" and span.start <= before.head.i < span.end \
                and before.text.isalpha() \
                and before.text[:1].isupper() and not before.text.isupper() and "\n" not in before.whitespace_ \
                and _TITLE_RE.match(before.text + " ") is None and before.lower_ not in RANK_WORDS \
                and affiliation_in([before]) is None \
                and (lent is None or len(lent) == 1 and lent.label_ != "PERSON"):
            if lent is not None:
                out.pop()
            out.append(Span(span.doc, span.start - 1, span.end, label="PERSON"))
            continue
        out.append(span)
    return out


def _names_after_a_title(spans: list[Span]) -> list[Span]:
    """ "Tehran police chief Brig-Gen Hossein Rahimi" tagged "Brig-Gen" (PERSON): a person mention made only of
    title or rank words runs on over the one to three capitalised proper nouns after it on the same line, the
    name it titles (:func:`normalise_surface` then drops the title)."""
    from spacy.tokens import Span

    taken = {t.i for span in spans for t in span}
    out: list[Span] = []
    for span in spans:
        words = [w for t in span for w in t.lower_.rstrip(".").split("-") if w]
        end = span.end
        if span.label_ == "PERSON" and words and all(w.rstrip(".") in RANK_WORDS for w in words):
            doc = span.doc
            while end < len(doc) and end - span.end < 3 and end not in taken and doc[end].pos_ == "PROPN" \
                    and doc[end].text[:1].isupper() and doc[end].text.replace("-", "").isalpha() \
                    and "\n" not in doc[end - 1].whitespace_:
                end += 1
        out.append(span if end == span.end else Span(span.doc, span.start, end, label="PERSON"))
    return out


DEPARTMENT_WORDS = frozenset({"defense", "defence", "state", "treasury", "justice", "energy", "commerce", "labor",
                              "homeland", "security", "navy", "army", "interior", "health", "education", "agriculture",
                              "transportation", "veterans", "affairs", "foreign", "war"})


def _office_run_into_name(span: Span) -> int | None:
    """ "Acting Secretary of Defense Patrick Shanahan" tagged "Defense Patrick Shanahan" (ORG): a mention that
    opens with a department's words and goes on with a known first name is the person whose office the words
    name (the title's first words fell outside the span)."""
    words = list(span)
    given = next((i for i, t in enumerate(words) if t.lower_ in first_name_genders()), None)
    if given and 2 <= len(words) - given <= 3 and all(t.lower_ in DEPARTMENT_WORDS for t in words[:given]) \
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words[given:]):
        return words[given].i
    return None


FIRM_WORDS = frozenset({"management", "energy", "group", "holdings", "inc", "corp", "ltd", "llc", "company",
                        "partners", "capital", "shipping", "associates", "consulting", "bank", "media", "news"})
"""Words of a firm's name ("BSM Ship Management"): never in a person's."""


@lru_cache(maxsize=1)
def _lexicon_words() -> frozenset[str]:
    """Every noun of ``data/source_lexicon.csv`` (people, bodies, documents, media): "Rystad Energy",
    "Human Rights Watch" and "the Pentagon Press Office" hold one, a person's name does not."""
    return frozenset(data_mapping("source_lexicon.csv", "word", "category"))


@lru_cache(maxsize=None)
def _lexicon_category(category: str) -> frozenset[str]:
    """The words of one category of ``data/source_lexicon.csv``."""
    return frozenset(w for w, c in data_mapping("source_lexicon.csv", "word", "category").items() if c == category)


def _people_words() -> frozenset[str]:
    """Nouns for people (category ``anonymous``): "immigrant", "expert"."""
    return _lexicon_category("anonymous")


def _described_by_apposition(span: Span) -> int | None:
    """ "Ines Mugisha, a 34-year-old immigrant from Burundi" tagged GPE, "Huda, an activist in Basra" tagged ORG,
    "Matthias Schmale, the director of Gaza's UNRWA operations" tagged WORK_OF_ART: a mention that opens with a
    known first name (any capitalised name, for a label the tables do not keep; two or three names with no
    word of the source lexicon, for an ORG: "Magnus Nysveen, head of analysis at Rystad"), holds no place or
    nationality word, and has an apposition whose head is a noun for people, or is one to such a noun ("the man
    who took it over, Salvatore Cardile"), is a person, with the name NER left out before a one-word mention
    ("Sina Toossi" of "Toossi" GPE) (the apposition is the description news style gives a
    person on first mention)."""
    words = [t for t in span if t.dep_ != "det"]
    before = span.doc[span.start - 1] if span.start else None
    # "Sina Toossi, a researcher at ...": NER left the first name out of its "Toossi"
    left_out = bool(words) and len(words) == 1 and before is not None and before.pos_ == "PROPN" \
        and not before.ent_type_ and before.is_title and before.is_alpha and before.lower_.rstrip(".") not in RANK_WORDS
    if left_out:
        words = [before, *words]
    named = words and (left_out or words[0].lower_ in first_name_genders()
                       or span.label_ not in ENTITY_LABELS and len(words) >= 2
                       or span.label_ == "ORG" and 2 <= len(words) <= 3 and all(t.text[1:].islower() for t in words)
                       and not (_lexicon_words() | FIRM_WORDS) & {t.lower_ for t in words})
    if 1 <= len(words) <= 4 and named \
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words) and affiliation_in(words) is None \
            and (any(c.dep_ == "appos" and c.lemma_.lower() in _people_words() for c in span.root.children)
                 or span.root.dep_ == "appos" and span.root.head.lemma_.lower() in _people_words()):
        return words[0].i
    return None


def _named_again(surname: Token) -> bool:
    """Whether the article uses the word alone elsewhere, as it does a person's surname ("Carlson warned")."""
    return any(t.lower_ == surname.lower_ and t.i != surname.i and t.i - 1 >= 0 and t.doc[t.i - 1].pos_ != "PROPN"
               for t in surname.doc)


def _names_after_possessive(span: Span) -> Span | None:
    """The one to three capitalised proper nouns after a mention's last possessive ("Fox News Channel's [Tucker
    Carlson]"), or None."""
    marks = [t.i for t in span if t.lower_ in ("'s", "’s")]
    tail = span.doc[marks[-1] + 1:span.end] if marks else None
    if tail is None or not 1 <= len(tail) <= 3 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in tail):
        return None
    return tail


def _reads_as_a_name(names: Span) -> bool:
    """Two or three names whose first is a known first name or whose last the article uses alone elsewhere (in any
    case: a transcript's "CARLSON:")."""
    return len(names) >= 2 and (names[0].lower_ in first_name_genders() or _named_again(names[-1]))


def _possessed_person(span: Span) -> int | None:
    """ "Fox News Channel's Tucker Carlson" tagged ORG: a mention whose last words, after a possessive, read as a
    person's name (:func:`_reads_as_a_name`) is that person (the possessor is their employer)."""
    tail = _names_after_possessive(span)
    if tail is None:
        return None
    # "Vox's Zack Beauchamp": two or three names an outlet owns are its journalist's, whether or not the first
    # is a first name the tables know
    outlet = canonical_key(span.doc[span.start:tail.start - 1].text) in _media_words()
    journalist = outlet and len(tail) >= 2 and not any(t.lower_ in _lexicon_words() for t in tail)
    return tail.start if _reads_as_a_name(tail) or journalist else None


def _media_words() -> frozenset[str]:
    """Outlets' names (category ``media``): "vox", "npr", "cnn"."""
    return _lexicon_category("media")


def _person_after_possessor(span: Span) -> Span:
    """ "Politico's Ryan Lizza", "Brookings's Maloney" tagged PERSON whole: the person is the names after the
    possessive, the possessor their employer (:func:`_possessed_person` for the same phrase under another label):
    two or three that read as a name, or one that ends a full name elsewhere in the article ("Suzanne Maloney");
    "Beau's Delaware" or "Obama's State" keep their possessor."""
    from spacy.tokens import Span

    tail = _names_after_possessive(span) if span.label_ == "PERSON" else None
    if tail is None or tail.start == span.start + 1:
        return span  # "’s Seth": a clitic NER took in opens the mention, which the normaliser drops
    if len(tail) == 1:
        named = any(len(e) > 1 and e[-1].lower_ == tail[0].lower_ and not any(t.lower_ in ("'s", "’s") for t in e)
                    for e in span.doc.ents if e.label_ == "PERSON")
    else:
        named = _reads_as_a_name(tail)
    return Span(span.doc, tail.start, span.end, label="PERSON") if named else span


def _titled_person(span: Span) -> int | None:
    """ "Brigadier General Abolfazl Shekarchi" tagged WORK_OF_ART: a mention of a label the tables do not keep
    that is a title or rank followed by one to three capitalised words is a person."""
    title = _TITLE_RE.match(span.text) if span.label_ not in ENTITY_LABELS else None
    if title:
        rest = [t for t in span if t.idx >= span.start_char + title.end()]
        if 1 <= len(rest) <= 3 and all(t.text[:1].isupper() and t.text.replace("-", "").isalpha() for t in rest):
            return rest[0].i
    return None


def _people_in(spans: list[Span], person_from: Callable[[Span], int | None]) -> list[Span]:
    """``spans`` with each mention NER gave another label that the rule ``person_from`` reads as a person
    (it gives the index of the person's first token) replaced by a PERSON mention from there to its end."""
    from spacy.tokens import Span

    out = []
    for span in spans:
        start = person_from(span) if span.label_ != "PERSON" else None
        out.append(span if start is None else Span(span.doc, start, span.end, label="PERSON"))
    return out


def _opens_paragraph(span: Span) -> bool:
    return span.start == 0 or "\n" in span.doc[span.start - 1].text_with_ws


def _caption_credits(spans: list[Span]) -> set[tuple[str, str]]:
    """ "Dominique Soguel Dildar (l), a former Yazidi conscript ..." and "Dominique Soguel Saadu, a native of
    Sinjar": a photographer's credit the scraper ran into the caption that follows it. Person mentions that open
    a paragraph and share their first two words while going on with different names have a credit in those
    two words."""
    endings: dict[tuple[str, str], set[str]] = {}
    for span in spans:
        if span.label_ == "PERSON" and len(span) >= 3 and _opens_paragraph(span):
            endings.setdefault((span[0].text, span[1].text), set()).add(span[2:].text)
    return {prefix for prefix, names in endings.items() if len(names) >= 2}


def _credits_run_into_captions(spans: list[Span], credits: set[tuple[str, str]]) -> list[Span]:
    """The mentions :func:`_caption_credits` found, without the credit: the name is what follows it."""
    from spacy.tokens import Span

    return [Span(e.doc, e.start + 2, e.end, label="PERSON")
            if e.label_ == "PERSON" and len(e) >= 3 and _opens_paragraph(e) and (e[0].text, e[1].text) in credits
            else e for e in spans]


def _after_line_break(span: Span) -> Span:
    """A mention NER ran over a line break ("Dominique Soguel" ending a byline or caption, "Saadu" opening the
    next paragraph) is the part after the last break: no name spans two lines."""
    breaks = [t.i for t in span if "\n" in t.text or "\n" in t.whitespace_]
    if not breaks:
        return span
    from spacy.tokens import Span

    last = breaks[-1] + 1
    return Span(span.doc, last, span.end, label=span.label_) if last < span.end else span


SURNAME_PARTICLES = frozenset({"le", "la", "de", "du", "des", "di", "da", "del", "della", "van", "von", "der", "den",
                               "ter", "al", "el", "bin", "ben", "abu", "ibn", "dos", "das"})
"""Words that open a surname ("Le Drian", "van der Leyen", "Al-Malki" written "Al Malki", "bin Salman")."""


def _surname_after_particle(spans: list[Span]) -> list[Span]:
    """A person's name NER cut after a particle that opens the surname ("Jean-Yves Le" of "Jean-Yves Le Drian")
    runs on to the capitalised name that follows it; a span that word began is dropped."""
    from spacy.tokens import Span

    out, swallowed = [], set()
    for span in spans:
        doc, end = span.doc, span.end
        if span.label_ == "PERSON" and len(span) > 1 and span[-1].lower_ in SURNAME_PARTICLES \
                and end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                and "\n" not in span[-1].whitespace_:
            span = Span(doc, span.start, end + 1, label="PERSON")
            swallowed.add(end)
        out.append(span)
    return [s for s in out if s.start not in swallowed]  # the run-on spans start before the word they took


NOT_FIRST_NAMES = frozenset({"will", "may", "june", "april", "august", "mark", "bill", "grant", "hope", "faith",
                             "grace", "chance", "rich", "pat", "sue", "art", "king", "major", "dawn", "summer"})
"""First names that are also common words ("Will Trump strike?", "in May Johnson said")."""
WEEKDAYS_AND_MONTHS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                 "january", "february", "march", "july", "september", "october", "november",
                                 "december"})


def _full_names_in_text(doc: Doc, names: list[str], surnames: dict[str, bool], *,
                        not_given: Collection[str] = ()) -> list[str]:
    """ "Ziad Avdalo" for the bare surname "Avdalo" when the article writes the full name in a sentence NER and
    the parser broke ("\n\nZiad Avdalo is a member ..."): a capitalised proper noun written right before the
    surname (a known first name, or a word the tagger takes for a name that is no title, rank, place or
    nationality), for surnames the article gives no full name of otherwise (a reader finds it the same way).
    ``surnames`` maps each one-word name to whether NER called it a person; one it called a body or a place
    ("Egeland" ORG) is completed only by a known first name ("Jan Egeland"), never a body's own first word;
    ``not_given`` are words that are no one's given name here (a photographer's credit run into a caption)."""
    named = {canonical_key(n.split()[-1]) for n in names if " " in n}
    aliases = alias_table()
    # surnames the alias table already completes ("Erdogan": Recep Tayyip Erdogan) need no guess
    bare = {n: person for n, person in surnames.items() if n[:1].isupper() and not n.isupper()
            and canonical_key(n) not in named and " " not in aliases.get(canonical_key(n), "")
            and (person or aliased(n) not in entity_affiliations())}

    def given_name(token: Token, surname: Token) -> bool:
        word = token.lower_
        one_entity = token.ent_iob_ != "O" and surname.ent_iob_ == "I"  # "Tyler Solorio" (FAC) is one name
        return token.text.isalpha() and token.text[:1].isupper() and not token.text.isupper() \
            and token.text not in not_given \
            and word not in NOT_FIRST_NAMES and word not in WEEKDAYS_AND_MONTHS and word not in RANK_WORDS \
            and not _TITLE_RE.match(token.text + " ") and affiliation_in([token]) is None \
            and (one_entity or token.ent_type_ not in ("GPE", "NORP", "ORG", "LOC", "FAC", "DATE")) \
            and (word in first_name_genders() or token.pos_ == "PROPN" and bare[surname.text])

    found = []
    for token in doc[1:]:
        if token.text not in bare:
            continue
        start = token.i
        while start > 0 and token.i - start < 3 and given_name(doc[start - 1], token) \
                and "\n" not in doc[start - 1].whitespace_:
            start -= 1
        if start < token.i:
            found.append(" ".join(t.text for t in doc[start:token.i + 1]))
    return found


def entity_mentions(doc: Doc, *, labels: tuple[str, ...] = ENTITY_LABELS) -> list[EntityMention]:
    """Every named-entity mention of a parsed article with its canonical entity (a pure function of ``doc``)."""
    stop = _stoplist()
    spans = list(doc.ents)
    for person_from in (_titled_person, _described_by_apposition, _possessed_person):
        spans = _people_in(spans, person_from)
    spans = _surname_after_particle([_person_after_possessor(_after_line_break(e)) for e in spans
                                     if e.label_ in ENTITY_LABELS])
    # a lower-case common noun NER labelled a body ("an attendee said": ORG) names nobody
    spans = [e for e in spans if len(e) and canonical_key(e.text) not in stop
             and not (e.label_ != "PERSON" and e.text.islower() and all(t.pos_ == "NOUN" for t in e))]
    spans = _people_inside_other_spans(spans)
    spans = _person_heading_a_body(spans)
    spans = _first_names_left_out(spans)
    spans = _names_ner_missed(doc, spans)
    spans = _names_after_a_title(spans)
    credits = _caption_credits(spans)
    spans = _credits_run_into_captions(spans, credits)  # after: the credit's last word is no first name left out
    spans = _people_in(spans, _office_run_into_name)
    cleaned = [_name_case(normalise_surface(e.text)) if e.label_ == "PERSON" else normalise_surface(e.text)
               for e in spans]
    # full names come from PERSON mentions; a bare surname counts whatever NER labelled it ("Trump" as ORG)
    names = [c for e, c in zip(spans, cleaned) if c and (e.label_ == "PERSON" or " " not in c)]
    surnames = {c: e.label_ == "PERSON" for e, c in zip(spans, cleaned) if c and " " not in c
                and e.label_ in ("PERSON", "ORG", "GPE")}
    persons = surname_index(names + _full_names_in_text(doc, names, surnames,
                                                        not_given={w for credit in credits for w in credit}),
                            relatives={c for e, c in zip(spans, cleaned) if e.label_ == "PERSON" and introduced_as_relative(e)},
                            topic_relatives={c for e, c in zip(spans, cleaned)
                                             if e.label_ == "PERSON" and relative_of_the_topic(e)},
                            subjects={c for e, c in zip(spans, cleaned) if e.label_ == "PERSON" and e.root.dep_ in ("nsubj", "nsubjpass")})
    sent_index = {sent.start: i for i, sent in enumerate(doc.sents)}
    out = []
    for span, clean in zip(spans, cleaned):
        if not clean:
            continue
        entity, label = _canonical(span, clean, persons)
        if label not in labels:
            continue
        out.append(EntityMention(doc._.doc_id, sent_index[span.sent.start], span.start_char, span.end_char,
                                 span.text, label, entity))
    return out
