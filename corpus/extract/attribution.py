"""Attribution extraction: who is quoted or cited, through which cue, saying what.

Each attribution is a (source, cue, content) triple, the unit of the PolNeAR corpus (Newell,
Margolin & Ruths, LREC 2018) and of Pareti's attribution relations (Pareti 2016, "PARC 3.0").
The extractor reads the dependency parse, in the manner of textacy's ``direct_quotations`` and of
rule-based quotation extractors for news (Pouliquen, Steinberger & Best 2007; Krestel, Bergler &
Witte 2008), but for indirect speech as well as quotations:

* a reporting verb from ``data/attribution_cues.csv`` whose subject is the source and whose clausal
  complement (``ccomp``), the clause it interrupts (``parataxis``), the quotation after its colon,
  or, for verbs marked ``object``, its direct object is the content: "X said (that) ...",
  "..., X said", "said X", "X told Y (that) ...", "X revealed ...";
* "according to X": X is the source and the clause the phrase modifies is the content;
* the subject is found through a relative pronoun ("officials, who said"), through coordination
  ("Schenker said ... and added") and through participles ("warning Tehran that ...");
* a personal pronoun as source ("he said") is resolved to the nearest earlier named person that is
  a subject or a source (the subject preference of centering theory: Grosz, Joshi & Weinstein 1995);
* a quotation that runs on over several sentences or paragraphs, or a quotation that follows an
  attributed one with no attribution of its own, is content of the same attribution (newswire
  convention).

The source is then typed (``named_person``, ``anonymous``, ``organization``, ``media``, or
``other`` for documents with no issuer and pronouns that cannot be resolved), given an affiliation
(US, Iran, Iraq, other, unknown) from the words of its own phrase, and a canonical name through the
entity normaliser of :mod:`corpus.extract.entities`. Cues inside a quotation are not extracted: they belong
to the quoted speaker's own words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING, NamedTuple

from corpus.extract.affiliation import (
    COUNTRY_NAMES,
    SHARED_PEOPLES,
    affiliation_in,
    entity_affiliations,
    office_holders,
    office_portfolios,
)
from corpus.extract.cue_model import (
    cue_features,
    cue_model,
    is_candidate,
    learned_cue_kinds,
    rule_features,
)
from corpus.extract.entities import (
    GLUED_WORDS,
    KIN_NOUNS,
    TITLES,
    WEEKDAYS_AND_MONTHS,
    EntityMention,
    alias_table,
    aliased,
    canonical_key,
    entity_mentions,
    first_name_genders,
    introduced_as_relative,
    normalise_surface,
    relative_of_the_topic,
    surname_index,
)
from corpus.extract.quotes import Quotation, find_quotations, quoted_share
from corpus.resources import data_lines, data_mapping, data_rows

if TYPE_CHECKING:  # spaCy is imported by whoever parses; reading stored tables never loads it
    from spacy.tokens import Doc, Span, Token

SOURCE_TYPES = ("named_person", "anonymous", "organization", "media", "other")
AFFILIATIONS = ("US", "Iran", "Iraq", "other", "unknown")
CUE_KINDS = ("speech", "belief", "intention", "stance", "evidence")
FACTUALITY = ("asserted", "negated", "hypothetical", "asked", "inferred")

ATTRIBUTION_COLUMNS = [
    "doc_id", "outlet", "date", "sent_id", "start_char", "end_char", "source", "source_canonical",
    "source_type", "affiliation", "affiliation_evidence", "cue", "content", "direct",
    "cue_kind", "factuality", "cue_text", "channel", "antecedent",
    "source_start", "source_end", "cue_start", "cue_end", "content_start", "content_end",
]

# Complements of these verbs are infinitives ("urged Iran to stop", "vowed to drive ... out").
XCOMP_CUES = frozenset({"urge", "warn", "vow", "promise", "pledge", "threaten", "ask", "call", "expect"})
# These take their content as a prepositional object ("warned about", "pushed back on claims").
_ABOUT = frozenset({"on", "about", "against", "of"})
PREP_CUES = {
    "warn": _ABOUT, "push": _ABOUT, "comment": _ABOUT, "complain": _ABOUT, "testify": _ABOUT, "write": _ABOUT,
    "report": _ABOUT, "caution": _ABOUT, "boast": _ABOUT, "call": frozenset({"for"}), "point": frozenset({"to"}),
    "agree": frozenset({"with", "on"}), "hint": frozenset({"at"}), "talk": _ABOUT, "refer": frozenset({"to"}),
    "focus": frozenset({"on"}),
}
# Where a statement was made: "said in a statement", "wrote on Twitter", "told CNN in an interview".
CHANNELS = frozenset({
    "statement", "interview", "tweet", "twitter", "post", "facebook", "instagram", "letter", "briefing",
    "conference", "speech", "hearing", "television", "radio", "address", "remark", "message", "email",
    "op-ed", "column", "podcast", "video", "report", "release", "testimony", "broadcast",
})
# Nouns that report speech when a possessor or a by-phrase names the speaker ("Trump's claim that ...").
NOUN_CUES = frozenset({
    "claim", "statement", "assertion", "allegation", "accusation", "warning", "denial", "remark", "comment",
    "estimate", "insistence", "argument", "suggestion", "prediction", "announcement", "promise", "pledge",
    "threat", "admission", "charge", "contention", "testimony",
})
# Verbs whose loosely attached right-hand words are taken as content when the parse gives no clause.
RIGHT_CONTENT_CUES = frozenset({"say", "add", "argue", "note", "insist", "warn", "write", "explain", "suggest",
                                "claim", "contend", "maintain", "stress", "acknowledge", "concede"})
LOOSE_DEPS = frozenset({"punct", "dobj", "dative", "npadvmod", "advmod", "cc", "agent", "nsubj", "nsubjpass"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
THING_PRONOUNS = frozenset({"it"})
# Pronouns that need an antecedent; "some", "others", "many" are typed by the source lexicon instead.
PERSONAL_PRONOUNS = PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS | frozenset({"i", "we", "you", "me", "us"})
SPEAKER_PRONOUNS = frozenset({"i", "me", "we", "us", "you"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
INDEFINITE_PRONOUNS = frozenset({"someone", "somebody", "anyone", "anybody", "everyone", "everybody", "one"})
_EDGE_PUNCT = " \n\t,;:—–-"


class Attribution(NamedTuple):
    """One attribution of an article; character offsets index ``doc.text``."""

    doc_id: str | None
    sent_id: int
    start_char: int
    end_char: int
    source: str
    source_canonical: str
    source_type: str
    affiliation: str
    affiliation_evidence: str
    cue: str
    content: str
    direct: str
    cue_kind: str
    factuality: str
    cue_text: str
    channel: str
    antecedent: str
    source_start: int
    source_end: int
    cue_start: int
    cue_end: int
    content_start: int
    content_end: int


class Cue(NamedTuple):
    lemma: str
    kind: str
    takes_object: bool


# --- lexicons -----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, Cue]:
    """Reporting, belief and evidence verbs (``data/attribution_cues.csv``), by lemma."""
    return {r["lemma"]: Cue(r["lemma"], r["kind"], r["object"] == "object") for r in data_rows("attribution_cues.csv")}


@lru_cache(maxsize=1)
def source_lexicon() -> dict[str, str]:
    """Head nouns and names -> source category (``data/source_lexicon.csv``)."""
    return data_mapping("source_lexicon.csv", "word", "category")


@lru_cache(maxsize=1)
def _media_name_words() -> frozenset[str]:
    return frozenset(data_lines("media_name_words.txt"))


# --- spans --------------------------------------------------------------------------------------

def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    return start, end


def _char_span(tokens: Iterable[Token]) -> tuple[int, int]:
    """First to last character of the tokens, without edge punctuation (by tokens: ``doc.text`` is rebuilt
    on every access, so it is read once per document, in :func:`extract_attributions`)."""
    tokens = sorted(tokens, key=lambda t: t.i)
    while len(tokens) > 1 and (tokens[0].is_space or tokens[0].text in _EDGE_PUNCT):
        tokens = tokens[1:]
    while len(tokens) > 1 and (tokens[-1].is_space or tokens[-1].text in _EDGE_PUNCT):
        tokens = tokens[:-1]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _subtree_span(token: Token, *, without: Token | None = None) -> tuple[int, int]:
    """The characters of ``token``'s subtree, leaving out ``without``'s subtree when it hangs inside."""
    excluded = set(t.i for t in without.subtree) if without is not None else set()
    tokens = [t for t in token.subtree if t.i not in excluded]
    if excluded:
        # keep only the contiguous side of the subtree that holds ``token`` itself
        cut = min(excluded)
        side = [t for t in tokens if (t.i < cut) == (token.i < cut)]
        tokens = side or tokens
    return _char_span(tokens)


# --- subject and content ------------------------------------------------------------------------

QUOTING_VERBS = frozenset({"quote", "report", "cite", "paraphrase"})


def _quoted_as_saying(verb: Token) -> Token | None:
    """The object of "IRNA quoted Abbas Mousavi as saying ...", "Reuters quoted an official as saying ...": the
    one who says, while the verb's subject is only the channel that carried the words (wire-service style)."""
    if verb.lemma_.lower() not in QUOTING_VERBS:
        return None
    has_as = any(c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" and g.tag_ == "VBG"
                                                                for g in c.children) for c in verb.children)
    # "he was quoted by the Fars News Agency as saying": in the passive the one quoted is the subject
    objects = [c for c in verb.children if c.dep_ == "dobj"] or [c for c in verb.children if c.dep_ == "nsubjpass"]
    return objects[0] if has_as and objects else None


def _agents(verb: Token) -> list[Token]:
    """The objects of the passive's "by" phrase ("was quoted by the Fars News Agency"): who did it."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _quoting_verb(cue: Token) -> Token | None:
    """The verb of "IRNA quoted X as saying" when ``cue`` is its "saying"."""
    if cue.dep_ == "pcomp" and cue.head.lower_ == "as" and cue.head.dep_ == "prep" \
            and _quoted_as_saying(cue.head.head) is not None:
        return cue.head.head
    return None


def _shared_role(core: Token) -> Token | None:
    """ "U.S. and Saudi officials say": the parser made the country the head and "Saudi officials" its conjunct;
    both nationality words modify the one plural role, whose people speak (not the United States)."""
    if core.ent_type_ not in ("GPE", "NORP") or any(c.dep_ == "det" for c in core.children):
        return None
    roles = [c for c in core.children if c.dep_ == "conj" and c.tag_ == "NNS" and c.i > core.i
             and source_lexicon().get(_role_word(c)) == "anonymous"
             and any(m.dep_ == "amod" and m.i < c.i and (m.ent_type_ in ("NORP", "GPE") or m.pos_ == "ADJ")
                     for m in c.children)]
    return roles[0] if roles else None


def _member_named(group: Token) -> Token | None:
    """ "Connolly was among those lawmakers who said ...", "Among those who criticized the strike was Sen. Rand
    Paul": the named member of the group the relative clause describes, whose report it is (the sentence says he
    is one of those who said it); "One senator who spoke highly of him is Sen. Marco Rubio": the one a copula
    identifies the described person with (an equative sentence, Higgins 1979's specificational copula)."""
    be = group.head
    if group.dep_ == "nsubj" and be.lemma_ == "be":
        named = [c for c in be.children if c.dep_ == "attr" and c.ent_type_ == "PERSON"]
        return named[0] if named else None
    if group.tag_ != "NNS" and group.lower_ != "those" or group.dep_ != "pobj" or be.lower_ != "among":
        return None
    # the parser sometimes hangs the name on "was" as a modifier ("Yet Connolly was among ..."); fronted, the
    # group comes first and the name is the inverted subject
    members = [c for c in be.head.children if c.pos_ == "PROPN"
               and (c.i < be.i and c.dep_ in ("nsubj", "advmod", "npadvmod")
                    or c.i > be.i and c.dep_ == "nsubj" and be.i < be.head.i)]
    return members[0] if members else None


def _stranded_subject(verb: Token) -> Token | None:
    """ "Iran has seized tankers and the U.S. blames Tehran": a conjoined finite verb the parser left without a
    subject, because it read the noun before it as one more object of the first clause ("tankers and the U.S."),
    has that noun as its subject; a verb that shares the first clause's subject follows the "and" at once. The
    same for a subordinate clause whose conjunction the parser read as a preposition ("as tensions threaten")."""
    if verb.dep_ not in ("conj", "advcl") or verb.tag_ not in ("VBZ", "VBD", "VBP"):
        return None
    # "..., while the country's president, returning from the UN, said ...": the parser hung the clause's subject
    # on its conjunction
    held = [s for c in verb.children if c.lower_ in SUBORDINATORS and c.i < verb.i
            for s in c.children if s.dep_ in SUBJECT_DEPS]
    if held:
        return held[0]
    # "months before USAID announced the winners": the parser took the name after the conjunction for an adverb
    misread = [c for c in verb.children if c.dep_ in ("advmod", "npadvmod") and c.i < verb.i
               and c.ent_type_ in ("ORG", "GPE", "PERSON", "NORP") and c.i
               and verb.doc[c.i - 1].lower_ in SUBORDINATORS]
    if misread:
        return misread[0]
    before = verb.i - 1
    while before > 0 and verb.doc[before].head.i == verb.i and verb.doc[before].dep_ in ("advmod", "aux", "neg"):
        before -= 1
    noun = verb.doc[before]
    if noun.text == "," and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i < noun.i \
            and any(c.dep_ == "appos" and c.i < noun.i for c in noun.head.children):
        noun = noun.head  # "after Mike Bloomberg, the former New York mayor, described": the name before its title
    if noun.pos_ not in ("NOUN", "PROPN") or not verb.head.i < noun.i:
        return None
    if verb.dep_ == "conj" and noun.dep_ == "conj" and noun.head.dep_ in ("dobj", "pobj", "conj") \
            and any(c.dep_ == "cc" for c in noun.head.children):
        return noun
    # "as heightened tensions and dramatic violence threaten to force him": the parser read the conjunction as
    # a preposition and its clause's subject as the object
    first = noun.head if noun.dep_ == "conj" else noun
    # a conjoined verb with no "and" before it is such a clause too ("Warren defended the word one day after
    # Bloomberg, the former mayor, described it")
    unjoined = verb.dep_ == "conj" and not any(c.dep_ == "cc" and verb.head.i < c.i < verb.i
                                               for c in verb.head.children)
    if (verb.dep_ == "advcl" or unjoined) and first.dep_ == "pobj" and first.head.lower_ in SUBORDINATORS:
        return first
    return None


SUBORDINATORS = frozenset({"as", "while", "because", "since", "after", "before", "until", "when", "although"})


def _after_fronted_object(subject: Token) -> Token | None:
    """ "In an interview with the newspaper Asharq al-Awsat, Crown Prince Mohammed bin Salman called on ...": the
    parser took the fronted preposition's object for the subject and the real subject for its conjunct. A
    preposition left with no object right before the "subject", and a conjunct joined by a comma alone (no
    "and"), give the misreading away; the conjunct is the speaker."""
    doc = subject.doc
    start = subject.left_edge.i
    before = doc[start - 1] if start else None
    if before is None or before.pos_ != "ADP" or any(c.dep_ in ("pobj", "pcomp") for c in before.children):
        return None
    if any(c.dep_ in ("cc", "preconj") for c in subject.children):
        return None
    joined = [c for c in subject.children if c.dep_ == "conj" and c.i > subject.i
              and doc[c.left_edge.i - 1].text == "," and c.pos_ in ("PROPN", "NOUN")]
    return joined[0] if len(joined) == 1 else None


def _subject(cue: Token, quoted: list[bool]) -> Token | None:
    """The speaker of a reporting verb: its subject, a passive agent, or the subject it shares."""
    verb = cue
    quoting = _quoting_verb(cue)
    if quoting is not None:
        return _quoted_as_saying(quoting)
    cited = _cited_source(cue, quoted)
    if cited is not None:
        return cited
    floated = _floated_quantifier_subject(cue)
    if floated is not None:
        return floated
    gerund_subject = _gerund_subject(cue)
    if gerund_subject is not None:
        return gerund_subject
    if cue.tag_ == "VBN" and cue.dep_ in ("advcl", "acl") and not any(
            c.dep_ in SUBJECT_DEPS or c.dep_ in ("agent", "dobj", "dative", "ccomp", "xcomp") for c in cue.children):
        # "invent something permanent called Europeanism", "when informed of the reporting, the lawmaker replied": a
        # passive participle's shared subject is what was named or told, not who spoke
        return None
    if cue.tag_ == "VBN" and cue.dep_ == "advcl" and (cue.lemma_.lower() in QUOTING_VERBS or cue.lemma_.lower()
                                                      in AS_REPORTS and any(c.lower_ == "as" for c in cue.children)):
        # "..., a group of lawmakers said, as quoted by the Fars News Agency", "as revealed by a poll": the agent
        agents = _agents(cue)
        if agents:
            return agents[0]
    adjunct = False  # whether the climb passed a participle set off by a comma
    for _ in range(3):
        children = list(verb.children)
        # a quotation misparsed as a second subject ("“... systems [in] Iraq,” the head ... has said")
        subjects = [c for c in children if c.dep_ == "nsubj" and not quoted[c.i]]
        if subjects:
            subject = min(subjects, key=lambda c: abs(c.i - verb.i))
            if _expletive(subject):
                return None  # "It is easy to look at all of this and insist ...": no one's report
            if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                if verb.head.pos_ in ("VERB", "AUX"):
                    # "there's a federal law in place now that says ...": the parser hung the clause on the verb;
                    # its antecedent is the noun the verb introduces
                    nouns = [c for c in verb.head.children if c.dep_ in ("attr", "dobj", "nsubj") and c.i < subject.i
                             and c.pos_ in ("NOUN", "PROPN")]
                    if nouns:
                        return nouns[-1]
                    # "a wave of criticism from other Democrats as well, who have condemned it": the parser hung
                    # the clause on the verb; the antecedent is the last word before "who" that can speak
                    before = [t for t in cue.doc[verb.head.i + 1:subject.i] if t.pos_ in ("NOUN", "PROPN")]
                    return before[-1] if before and _can_speak(before[-1]) else None
                antecedent = verb.head
                # "Conservative lawmakers and commentators who ...": a restrictive clause after a coordination is
                # the whole phrase's (its head); "not only Baghdad but also Erbil, which fears" is the last one's
                while antecedent.dep_ == "conj" and antecedent.head.pos_ in ("NOUN", "PROPN") \
                        and antecedent.tag_ == antecedent.head.tag_ and not _set_off_by_comma(verb.head, verb) \
                        and all(source_lexicon().get(t.lemma_.lower()) not in (None, "document")
                                for t in (antecedent, antecedent.head)) \
                        and not any(c.dep_ in ("relcl", "acl") for c in antecedent.head.children):
                    antecedent = antecedent.head  # not "the outlets who published ... and the readers who believed"
                return _member_named(antecedent) or antecedent
            if verb is cue and _mute_thing(subject):
                # "considered him a terrorist and Secretary of State Mike Pompeo said ...": the parser joined the
                # object complement and the next clause's subject; the one who can speak is the speaker
                joined = [c for c in subject.children if c.dep_ == "conj" and c.i < verb.i and not quoted[c.i]
                          and c.ent_type_ == "PERSON"]
                if joined:
                    return joined[-1]
            fronted = _after_fronted_object(subject)
            if fronted is not None:
                return fronted
            if verb is not cue and not _can_speak(subject):
                # "Despite claiming to prefer denuclearization, Kim's goal appears to be ...": the participle
                # shares the clause's subject, whose owner is the one who can claim
                owners = [c for c in subject.children if c.dep_ == "poss" and _can_speak(c) and not _is_time(c)]
                if owners:
                    return owners[0]
            return subject
        if any(c.dep_ == "nsubjpass" for c in children):
            agents = _agents(verb)
            passive_subject = next(c for c in children if c.dep_ == "nsubjpass")
            if verb is not cue and agents and _mute_thing(agents[0]) and _can_speak(passive_subject):
                # "McConnell was unmoved by Trump's justifications, saying ...": the participle's subject is the
                # clause's subject; a thing that moved no one is no speaker
                return passive_subject
            return agents[0] if agents else None
        if _second_report(verb) and verb.dep_ in ("conj", "advcl"):
            verb = verb.head.head  # "De Blasio said the move was made by Bratton and said, ..."
            continue
        # "X said ... and added", "warning Tehran that ...", "by warning Tehran that ..."
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            accused = (verb.head.lower_, verb.head.head.lemma_.lower()) in (("of", "accuse"), ("with", "charge"))
            if verb.head.lower_ == "for" or accused and not adjunct:
                # "Trump singled out Sanders for criticizing the strike": the one blamed or praised spoke; "Rabiei
                # accused the US and its allies of speculating": the one accused, also in the passive ("Iran has
                # been accused by Britain of claiming"); not through a comma's adjunct ("Democrats have accused
                # Mr. Trump of putting the nation on the path to war, questioning the legality": the Democrats')
                judged = [c for c in verb.head.head.children if c.dep_ == "dobj" and _can_speak(c)] or [
                    c for c in verb.head.head.children if c.dep_ == "nsubjpass" and _can_speak(c)
                    and _agents(verb.head.head)]
                if judged:
                    return judged[0]
            verb = verb.head.head
            continue
        stranded = _stranded_subject(verb)
        if stranded is not None:
            return stranded
        # object control (Rosenbaum 1967): the object of a verb that makes someone act is the subject of the
        # infinitive ("The assault prompted Secretary of State Mike Pompeo to accuse Iran"), and the object of a
        # verb of seeing or recording that of the -ing or bare verb after it ("a TV camera captured him asking
        # Biden", "video shows Trump saying": the one seen speaks, not the one who saw)
        caused = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in CAUSATIVE_VERBS
        witnessed = (verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "ccomp") or _perceived(verb)) \
            and verb.head.lemma_.lower() in WITNESSING_VERBS
        if (caused or witnessed) and verb.head.i != verb.i:
            controllers = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i and not quoted[c.i]
                           and c.tag_ not in ("WP", "WDT") and _can_speak(c)]
            if controllers:
                return controllers[0]
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
            # a participle after a comma: an adjunct, or a conjunct the parser joined with no "and" anywhere
            adjunct = adjunct or verb.dep_ in ("advcl", "conj") and verb.tag_ == "VBG" \
                and verb.doc[verb.left_edge.i - 1].text == "," \
                and not any(c.dep_ == "cc" and verb.head.i < c.i < verb.i for c in verb.head.children)
            verb = verb.head
            speaker = _quoted_as_saying(verb)
            if speaker is not None:
                return speaker  # "... quoted X as saying ..., adding that ...": X adds
            continue
        if verb.dep_ == "acomp" and verb is not cue:
            verb = verb.head  # "voters were more likely to say ...": the subject of "were"
            continue
        break
    return None


CAUSATIVE_VERBS = frozenset({"prompt", "lead", "spur", "drive", "move", "inspire", "provoke", "trigger", "cause",
                             "force", "compel", "bring", "get", "persuade", "convince"})
"""Verbs that make someone do what the infinitive says, which then happened ("prompted Pompeo to accuse", "led
some analysts to speculate"); a directive ("asked Trump to pardon", "told officials to ask") says what someone
was to do, and its object has said nothing yet (Karttunen 1971's implicative verbs against the others)."""


WITNESSING_VERBS = frozenset({"capture", "catch", "record", "film", "show", "hear", "overhear", "see", "watch",
                              "spot", "tape"})
"""Verbs of seeing or recording whose object is the subject of the -ing or bare verb after it ("captured him asking",
"heard the president say"): the one seen speaks."""


FLOATED_QUANTIFIERS = frozenset({"all", "both", "each", "most", "many", "some"})


def _floated_quantifier_subject(cue: Token) -> Token | None:
    """ "a letter signed by 122 GOP foreign policy experts, all agreeing they were united": a participle after a
    comma and a quantifier says what the plural noun before the comma did (a floated quantifier, Sportiche 1988),
    whatever the parser hung it on."""
    doc = cue.doc
    if cue.tag_ != "VBG" or cue.i < 3 or doc[cue.i - 1].lower_ not in FLOATED_QUANTIFIERS \
            or doc[cue.i - 2].text != ",":
        return None
    # the plural noun just before the comma, else the plural subject of the clause the participle hangs on
    # ("The senators met on Tuesday, both saying")
    subjects = [c for c in cue.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i]
    for noun in [doc[cue.i - 3], *subjects]:
        if noun.tag_ in ("NNS", "NNPS") and _can_speak(noun):
            return noun
    return None


def _cited_source(cue: Token, quoted: list[bool]) -> Token | None:
    """ "Reuters reported, citing Iranian state media", "Citing a US official, ABC News reported": what a report
    passes on is the cited source's, as samples 14 and 28's readers judged; a cited thing ("citing the strikes",
    "cites the 2002 AUMF") leaves the citer the speaker, and so does citing that is not a report's ("Saeed, who
    cited sources in Iraq", "Trump cited Nahmani's advocates": samples 3 and 26)."""
    if cue.lemma_.lower() != "cite" or cue.tag_ != "VBG" or cue.head.i == cue.i \
            or cue_lexicon().get(cue.head.lemma_.lower(), NO_CUE).kind != "speech":
        return None
    cited = [c for c in cue.children if c.dep_ == "dobj" and not quoted[c.i]]
    if not cited or cited[0].pos_ == "PRON":
        return None
    source = cited[0]
    kind = source_lexicon().get(source.lemma_.lower()) or source_lexicon().get(source.lower_)
    # people, unnamed sources and outlets pass a report on; a law, an index or an authority is cited as a reason
    speaks = source.ent_type_ == "PERSON" or kind in ("anonymous", "media") or _state_media(source) \
        or source.pos_ == "PROPN" and _is_media_name(" ".join(t.text for t in source.subtree if t.i <= source.i))
    return source if speaks else None


def _gerund_subject(cue: Token) -> Token | None:
    """ "reminiscent of The Wall Street Journal calling Assange an enemy": a gerund right after "of" or "like" and
    their object has that object for its subject; not a time ("much of Monday downplaying") nor the members a
    group word picks ("members of Congress defending", "one of the officials urging": the group word is)."""
    before = cue.doc[cue.i - 1] if cue.i else None
    if cue.tag_ != "VBG" or before is None or before.dep_ != "pobj" or before.head.lower_ not in ("of", "like") \
            or any(c.dep_ in SUBJECT_DEPS for c in cue.children) or not _can_speak(before) or _is_time(before):
        return None
    group = before.head.head
    if group.lemma_.lower() in source_lexicon().keys() | QUANTIFIERS or group.like_num \
            or group.lower_ in ("one", "none", "no"):
        return None
    return before


def _speaker_before_cue(cue: Token, quoted: list[bool]) -> tuple[Token, tuple[int, int]] | None:
    """Reported-clause-then-speaker when the parse lost the subject.

    "“...,” the ... David Schenker told reporters"; "..., military and intelligence officials said."
    The words between the closing quotation mark (or the last comma or dash) and the cue, when they
    hold no verb, are the speaker; the person named among them, else the last noun, is its core.
    """
    start = cue.i
    while start > cue.sent.start:
        before = cue.doc[start - 1]
        if quoted[before.i] or before.text in (",", "—", "–", ":", ";"):
            break
        start -= 1
    between = [t for t in cue.doc[start:cue.i] if not t.is_punct]
    if not between or len(between) > 25 or any(t.pos_ == "AUX" or t.tag_ in FINITE_TAGS for t in between):
        return None
    if start == cue.sent.start and (between[0].pos_ in ("SCONJ", "VERB") or cue.tag_ == "VBN"):
        return None  # "A company called Harmony ...", "In a year expected to ...": no one speaks
    # "Majorities of Democrats in five states going to the polls say ...": a participle modifies the speaker,
    # who is named before it
    verbs = [k for k, t in enumerate(between) if t.pos_ == "VERB"]
    if verbs and (verbs[0] == 0 or between[0].pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "ADV")):
        return None
    named = between[:verbs[0]] if verbs else between
    if all(_is_time(t) or t.pos_ == "ADP" for t in named):
        return _speaker_before_time(cue.doc[start], quoted)
    people = [t for t in named if t.ent_type_ == "PERSON"]
    nouns = [t for t in named if t.pos_ in ("PROPN", "NOUN", "PRON")] or [t for t in named if t.like_num]
    if not (people or nouns):
        return None  # "About 4 in 10 say ...": the share is the speaker
    return (people or (nouns[:1] if verbs else nouns[-1:]))[-1], _char_span(between)


def _speaker_before_time(first: Token, quoted: list[bool]) -> tuple[Token, tuple[int, int]] | None:
    """ "the Fed, the U.S. central bank, on Wednesday indicated": no time is a speaker; the words between the
    last comma and the cue were a time phrase set off before the verb, and the speaker is the phrase before its
    comma, the name its appositions describe."""
    before = first.i - 1
    if before < 1 or first.doc[before].text != ",":
        return None
    head = first.doc[before - 1]
    while head.dep_ == "appos" and head.head.i < head.i:
        head = head.head
    if head.pos_ not in ("NOUN", "PROPN") or quoted[head.i] or not _can_speak(head) or _is_time(head):
        return None
    return head, _char_span(t for t in head.subtree if t.i <= head.i)


def _speaker_before_aside(cue: Token, quoted: list[bool]) -> tuple[Token, tuple[int, int]] | None:
    """A speaker the parse hung elsewhere, named before an aside set off by commas right before the cue:
    "Alarmed by the unrest, Senator Harry Reid, the minority leader, said ..." (the parser took Reid for a
    conjunct of "unrest"). The person named just before the aside is the speaker; the phrase runs from the name
    (and the title before it) to the end of the aside."""
    doc, first = cue.doc, cue.sent.start
    closing = cue.i - 1
    if closing <= first or doc[closing].text != "," or quoted[closing]:
        return None
    opening = closing - 1
    while opening > first and doc[opening].text != ",":
        opening -= 1
    if opening <= first or closing - opening > 16 or any(quoted[t.i] for t in doc[opening:closing]):
        return None
    name = doc[opening - 1]
    if name.ent_type_ != "PERSON":
        return None
    start = name.i
    while start > first and doc[start].ent_iob_ == "I":
        start -= 1  # to the first word of the name
    while start - 1 >= first and doc[start - 1].dep_ == "compound" and doc[start - 1].is_title:
        start -= 1  # "Senator", "Gov."
    return name, _char_span(doc[start:closing])


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _speaker_in_aside(cue: Token, subject: Token | None,
                      quoted: list[bool]) -> tuple[Token, tuple[int, int], tuple[int, int]] | None:
    """A report set off by commas inside the reported sentence, its speaker after the verb: "Any interpretation
    of his actions, said Michael Kofman, an expert on Russia, would read this as ...", "Part of the problem,
    say experts, is the ground itself". The parser takes the phrase before the comma for the subject. The
    speaker is the phrase after the verb, up to the comma before the sentence goes on (its apposition
    included); the content is the sentence around the aside. Returns the speaker's core, its span and the
    content's span."""
    doc, sentence = cue.doc, cue.sent
    entry = cue_lexicon().get(cue.lemma_.lower())
    if entry is None or entry.takes_object:
        return None  # "His group, called the Legacy Fund, will ...": the noun after such a verb is its object
    if subject is None or subject.head.i != cue.i or subject.i >= cue.i - 1 or doc[cue.i - 1].text != "," \
            or cue.tag_ not in FINITE_TAGS or cue.i + 1 >= sentence.end \
            or doc[cue.i + 1].pos_ not in ("DET", "PROPN", "NOUN", "ADJ", "NUM") or doc[cue.i + 1].dep_ == "dative":
        return None
    before = list(doc[sentence.start:cue.i - 1])
    if any(t.tag_ in FINITE_TAGS for t in before):
        return None  # "Zimmerman, who identifies as Hispanic, told ...": the speaker before the verb
    # the sentence goes on with a finite verb after the aside ("..., would read this as ...")
    resume = next((t.i for t in doc[cue.i + 2:sentence.end - 1]
                   if t.text == "," and doc[t.i + 1].tag_ in FINITE_TAGS and not quoted[t.i]), None)
    if resume is None:
        return None
    aside = list(doc[cue.i + 1:resume])
    phrase = aside[:next((k for k, t in enumerate(aside) if t.text == ","), len(aside))]
    people = [t for t in phrase if t.ent_type_ == "PERSON"]
    nouns = [t for t in phrase if t.pos_ in ("PROPN", "NOUN")]
    if not (people or nouns) or any(t.pos_ in ("VERB", "AUX", "SCONJ") for t in phrase) \
            or any(t.tag_ == "VBG" or t.dep_ == "mark" for t in aside):
        return None  # "urged a strong stand, saying that ...": the verb's object, then a participle
    after = list(doc[resume + 1:sentence.end])
    return (people or nouns)[-1], _char_span(aside), _char_span(before + after)


def _is_time(token: Token) -> bool:
    return token.ent_type_ in ("DATE", "TIME") or token.lower_ in ("today", "yesterday", "tonight") \
        or token.lower_ in WEEKDAYS_AND_MONTHS


def _channel_prep(prep: Token) -> Token | None:
    """The channel noun of "in a statement", "on Twitter", "during a briefing"."""
    if prep.lower_ in ("in", "on", "during", "via", "through"):
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.lemma_.lower() in CHANNELS:
                return obj
    return None


def _channel(cue: Token) -> str:
    quoting = _quoting_verb(cue)
    if quoting is not None:
        carriers = [c for c in quoting.children if c.dep_ == "nsubj"]
        if carriers:  # "the IRNA news agency quoted X as saying": the outlet carried the words
            carrier = carriers[0]
            return " ".join(t.text for t in carrier.subtree if t.i == carrier.i or t.head.i == carrier.i and (
                t.dep_ == "compound" or t.dep_ == "amod" and (t.pos_ == "PROPN" or t.ent_type_)))
    for prep in cue.children:
        if prep.dep_ == "prep":
            obj = _channel_prep(prep)
            if obj is not None:
                return obj.text if obj.ent_type_ else obj.lemma_.lower()
    return ""


def _quotation_after(cue: Token, quotations: list[Quotation]) -> Quotation | None:
    """The quotation that opens right after a colon following the cue's clause ("wrote on Twitter: “...”")."""
    sentence_end = cue.sent.end
    colons = [t for t in cue.subtree if t.text == ":" and t.i > cue.i and t.i < sentence_end]
    colons += [t for t in cue.doc[cue.i + 1:min(cue.i + 3, len(cue.doc))] if t.text == ":"]
    if not colons:
        return None
    colon = min(colons, key=lambda t: t.i)
    after = colon.nbor(1) if colon.i + 1 < len(cue.doc) else None
    while after is not None and after.is_space and after.i + 1 < len(cue.doc):
        after = after.nbor(1)
    if after is None:
        return None
    for q in quotations:
        if q.start == after.idx:
            return q
    return None


def _block_after_colon(cue: Token) -> tuple[int, int] | None:
    """"Limbaugh added: And from a supposed front-runner ..." with no quotation marks: the next sentence.

    Only when the cue ends its clause with the colon (the colon is the cue's next non-space token).
    """
    doc = cue.doc
    following = [t for t in doc[cue.i + 1:cue.i + 3] if not t.is_space]
    if not following or following[0].text != ":":
        return None
    colon = following[0]
    rest = [t for t in doc[colon.i + 1:] if not t.is_space]
    if not rest:
        return None
    sentence = rest[0].sent
    end = sentence.end_char if sentence.start >= colon.i else cue.sent.end_char
    return rest[0].idx, end


def _second_report(clause: Token) -> bool:
    """A report the parser hung inside the one before it, which is a report of its own, not its content:
    "X said A and said B" (the second "said" a conjunct inside A, sharing X), "X said A, adding B" (a participle
    hung on A, sharing X), "X said A, and Y said B" (both clauses complements of the first "said"), "Half said A;
    a third said B" (the first report a complement of the second)."""
    if clause.lemma_.lower() not in cue_lexicon() or clause.pos_ not in ("VERB", "AUX"):
        return False
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    head = clause.head
    if clause.dep_ == "conj" or clause.dep_ == "advcl" and clause.tag_ == "VBG" \
            and clause.doc[clause.i - 1].text in (",", "“", '"'):
        # "Trump said things “should be wrapped up by Cleveland,” referring to ...": the participle is Trump's
        return not own_subject and head.dep_ == "ccomp" and head.head.lemma_.lower() in cue_lexicon() \
            and not _other_person_between(head)
    if clause.dep_ != "ccomp" or not own_subject or head.lemma_.lower() not in cue_lexicon():
        return False
    if clause.i > head.i:
        return any(c.dep_ == "ccomp" and head.i < c.i < clause.i for c in head.children)
    return any(c.text == ";" and clause.i < c.i < head.i for c in head.children)


def _other_person_between(clause: Token) -> bool:
    """ "They say that he threatened them and told them he would kill them": the reported clause's own subject is
    one person and the report's subject many, so a verb joined to that clause is the person's (a conjunct shares
    the nearest subject), not a second report of theirs."""
    inner = [c for c in clause.children if c.dep_ == "nsubj"]
    outer = [c for c in clause.head.children if c.dep_ == "nsubj"]
    if not inner or not outer:
        return False
    one = inner[0].lower_ in ("he", "she") or inner[0].ent_type_ == "PERSON"
    # a plural role noun ("Prosecutors"), not a name the tagger took for a plural ("Mills said")
    many = outer[0].lower_ in PLURAL_PRONOUNS or outer[0].tag_ == "NNS" and outer[0].ent_type_ != "PERSON" \
        and source_lexicon().get(outer[0].lemma_.lower()) is not None
    return one and many


def _content_tokens(clause: Token) -> list[Token]:
    """The clause's subtree without the reports of its own that hang inside it (:func:`_second_report`)."""
    reports = [t for t in clause.subtree if t.i != clause.i and _second_report(t)]
    excluded = {t.i for report in reports for t in report.subtree}
    tokens = [t for t in clause.subtree if t.i not in excluded]
    while len(tokens) > 1 and (tokens[-1].dep_ == "cc" or tokens[-1].is_punct):
        tokens = tokens[:-1]  # "... A, and [said B]"
    return tokens


def _content(cue: Token, lexicon_entry: Cue, quotations: list[Quotation]) -> tuple[int, int] | None:
    """Where the reported material lies, by the cue's dependents in order of reliability."""
    children = list(cue.children)
    # not a clause before the cue that a semicolon closes ("Trump has chided Macron ...; he said Sunday he hadn't
    # ..."): the parser took the first of two joined sentences for the second's content
    clauses = [c for c in children if c.dep_ == "ccomp" and not _second_report(c)
               and not (c.i < cue.i and any(t.text == ";" for t in cue.doc[c.right_edge.i:cue.i]))]
    if clauses:
        return _quotation_before(cue, _char_span(t for c in clauses for t in _content_tokens(c)), quotations,
                                 clauses=clauses)
    if cue.dep_ == "parataxis" and cue.head.i != cue.i:
        return _subtree_span(cue.head, without=cue)
    clauses = [c for c in children if c.dep_ == "parataxis" and c.pos_ in ("VERB", "AUX")]
    if clauses:
        return _subtree_span(clauses[0])
    after_colon = _quotation_after(cue, quotations)
    if after_colon is not None:
        return after_colon.start, after_colon.end
    block = _block_after_colon(cue)
    if block is not None:
        return block
    if cue.dep_ == "advcl" and cue.lemma_.lower() in AS_REPORTS \
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in children) \
            and not any(c.dep_ in ("dobj", "xcomp") or c.dep_ == "nsubj" and _mute_thing(c) for c in children) \
            and cue.head.lemma_.lower() not in cue_lexicon():
        # "Iran will exceed the limit, as reported by Reuters", "as the ministry reported": the clause the aside
        # hangs on is what was reported
        inside = [q for q in quotations if cue.sent.start_char <= q.start < cue.sent.end_char]
        return (inside[0].start, inside[-1].end) if inside else _subtree_span(cue.head, without=cue)
    lemma = lexicon_entry.lemma
    if lemma in XCOMP_CUES:
        infinitives = [c for c in children if c.dep_ == "xcomp"]
        if infinitives:
            return _subtree_span(infinitives[0])
    if lexicon_entry.takes_object:
        objects = [c for c in children if c.dep_ in ("dobj", "oprd") and c.lower_ not in RELATIVE_PRONOUNS]
        # "blamed Iran for the attacks": the charge is part of what is reported
        objects += [c for c in children if objects and c.dep_ == "prep" and c.lower_ == "for"]
        if objects:
            return _char_span(t for o in objects for t in o.subtree)
    if lemma in PREP_CUES:
        for prep in children:
            if prep.dep_ == "prep" and prep.lower_ in PREP_CUES[lemma]:
                objects = [o for o in prep.children if o.dep_ == "pobj"]
                if objects and not _is_time(objects[0]) and objects[0].lemma_.lower() not in CHANNELS:
                    return _subtree_span(prep)
        for clause in children:
            # "called for all candidates to lay out specifics": the parser makes "for" the mark of a clause
            if clause.dep_ == "advcl" and clause.i > cue.i and any(
                    m.dep_ == "mark" and m.lower_ in PREP_CUES[lemma] and m.i > cue.i for m in clause.children):
                return _subtree_span(clause)
    if lexicon_entry.kind == "speech" and lemma in RIGHT_CONTENT_CUES:
        # a parse that hangs the reported clause loosely on the verb ("analysts say rather than act ...")
        right = [t for c in children if c.i > cue.i and c.dep_ not in LOOSE_DEPS and not _is_time(c)
                 and not (c.dep_ == "prep" and _channel_prep(c)) for t in c.subtree]
        if len([t for t in right if not t.is_punct]) >= 3 and any(t.pos_ in ("VERB", "AUX") for t in right):
            return _char_span(right)
    if lexicon_entry.kind == "speech":
        return _quotation_in_sentence(cue, quotations)
    return None


AS_REPORTS = frozenset({"report", "say", "note", "write", "predict", "warn", "quote", "announce", "explain",
                        "tell", "claim", "suggest", "argue", "acknowledge", "confirm", "disclose", "reveal", "cite"})
"""Verbs that report in an "as" aside ("as Reuters reported", "as he predicted"); "as the probe continued" is time."""


def _quotation_in_sentence(cue: Token, quotations: list[Quotation]) -> tuple[int, int] | None:
    """The quotation of the cue's sentence nearest to it (not one the cue is inside)."""
    sentence = cue.sent
    inside = [q for q in quotations
              if q.start < sentence.end_char and q.end > sentence.start_char and not q.start <= cue.idx < q.end]
    if inside:
        nearest = min(inside, key=lambda q: abs(q.start - cue.idx))
        return nearest.start, nearest.end
    return None


def _quotation_before(cue: Token, span: tuple[int, int], quotations: list[Quotation], *,
                      clauses: list[Token] = ()) -> tuple[int, int]:
    """ "Kobani, an SDF commander, announced the end from the roof: “We have won,” he declared": a parse that makes
    the clause before a colon and a quotation the cue's complement reports only the quotation that closes just
    before the cue's subject; the narration before the colon is the reporter's. So it is when the narration
    reports a person's words itself: in "President Trump has threatened to target 52 sites, “some at a very high
    level,” he tweeted" the clause is the reporter's account of the threat, the quotation what "he" tweeted."""
    start, end = span
    subject_at = min([c.left_edge.idx for c in cue.children if c.dep_ in SUBJECT_DEPS and c.i < cue.i] or [cue.idx])
    closing = [q for q in quotations if start < q.start < q.end <= subject_at <= q.end + 3]
    if not closing:
        return span
    text = cue.doc.text  # Doc.text joins every token, so it is built only for the rare cue that needs it
    pronoun_subject = any(c.dep_ in SUBJECT_DEPS and c.lower_ in ("he", "she") for c in cue.children)
    for quotation in closing:
        if text[quotation.end:subject_at].strip(" ,\n"):
            continue
        # the quotation stands alone after a colon; a quoted phrase that ends a clause ("offered “U.S. support,”
        # the State Department said") is part of what is reported
        if text[start:quotation.start].rstrip().endswith(":") or pronoun_subject and any(
                _reports_a_person(clause) and clause.idx < quotation.start for clause in clauses):
            return quotation.start, end
    return span


def _reports_a_person(verb: Token) -> bool:
    """A speech verb whose subject is a person the article names ("President Trump has threatened")."""
    entry = cue_lexicon().get(verb.lemma_.lower())
    return entry is not None and entry.kind == "speech" and verb.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in verb.children)


def _extend_to_quotations(start: int, end: int, quotations: list[Quotation]) -> tuple[int, int]:
    """Grow a content span to the whole of every quotation it overlaps (quotations over several sentences)."""
    for q in quotations:
        if q.start < end and q.end > start:
            start, end = min(start, q.start), max(end, q.end)
    return start, end


def _directness(start: int, end: int, quotations: list[Quotation]) -> str:
    share = quoted_share(start, end, quotations)
    if share >= 0.9:
        return "direct"
    return "mixed" if share > 0 else "indirect"


# --- the source ---------------------------------------------------------------------------------

class _Source(NamedTuple):
    core: Token
    start: int
    end: int


def _inside_parentheses(token: Token) -> bool:
    before = token.doc[token.sent.start:token.i]
    return sum(t.text == "(" for t in before) > sum(t.text == ")" for t in before)


def _relative_pronoun(cue: Token, antecedent: Token) -> Token | None:
    """The relative pronoun subject of the clause ``cue`` heads (or is coordinated in) when ``antecedent`` is
    what the clause modifies: "who" in "officials, who said ... and added"."""
    verb = cue.head if cue.dep_ == "conj" else cue
    if verb.dep_ != "relcl" or verb.head.i != antecedent.i:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS), None)


def _source(subject: Token, mention_at: dict[int, tuple[str, str]], *, cue: Token) -> _Source:
    """The source phrase, and its core: a person named in it, else its head.

    A ``conj`` without a conjunction is a misparsed apposition ("Iran, Mohammad Javad Zarif, Iran's
    foreign minister, wrote"), so its person is the core and the phrase starts there.
    The phrase never holds the cue: "Iran, which has vowed to ..." is the source of "vowed" without
    its relative clause.
    """
    whole = _subtree_span(subject, without=cue) if cue in subject.subtree else _subtree_span(subject)
    relative = _relative_pronoun(cue, subject)
    if relative is not None and relative.idx >= whole[1]:
        # "Barkley, who said ...": the pronoun is the verb's own subject, standing for the phrase before it
        # (PolNeAR marks it as the source), so the source phrase runs to it
        whole = (whole[0], relative.idx + len(relative.text))
    phrase = [t for t in subject.subtree if t.i < cue.i or cue not in subject.subtree]
    if _inside_parentheses(subject) or any(GLUED_WORDS.search(t.text) for t in phrase):
        # "Rep. Mac Thornberry (R-TX)", "Rep. Eric Swalwell Eric Michael SwalwellEnes Kanter sees ... MORE": the
        # parse made the bracket or the link text the head; the person the phrase names is the speaker
        people = [t for t in phrase if mention_at.get(t.i, ("", ""))[1] == "PERSON"]
        if people:
            return _Source(people[0], *whole)
    for left in subject.lefts:
        if mention_at.get(left.i, ("", ""))[1] == "PERSON" and any(c.dep_ == "cc" for c in left.children):
            return _Source(left, *whole)  # "Trump and other top officials said": the parser hung Trump on the noun
    chain = [subject] + _appositions_of(subject)
    has_cc = any(c.dep_ == "cc" for c in subject.children)
    loose_conj = [c for c in subject.children if c.dep_ == "conj" and not has_cc]
    for token in chain + loose_conj:
        if mention_at.get(token.i, ("", ""))[1] == "PERSON":
            if token in loose_conj:
                start, end = _subtree_span(token)
                return _Source(token, start, end)
            return _Source(token, *whole)
    head_word = subject.lemma_.lower()
    if (source_lexicon().get(head_word) in ("organization", "media") or head_word in BUSINESS_PARTY_WORDS) \
            and subject.i not in mention_at:
        for token in chain[1:]:
            if mention_at.get(token.i, ("", ""))[1] == "ORG":
                # "The U.N.'s nuclear watchdog, the International Atomic Energy Agency, said", "The tanker's owner,
                # Norbulk Shipping, said", "A Saudi newspaper, Arab News, argued": the apposition names the body
                # the common noun describes
                return _Source(token, *whole)
    # "a statement from the Pentagon", "the comments by Behrouz Kamalvandi": the issuer speaks through them; "of"
    # names the issuer ("the comments of the minister") or a document inside ("a record of its conclusions"), not
    # the topic ("a summary of the meeting")
    if source_lexicon().get(head_word) == "document" or head_word in NOUN_CUES:
        for prep in subject.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
                issuers = [o for o in prep.children if o.dep_ == "pobj" and (
                    prep.lower_ != "of" or _can_speak(o) or source_lexicon().get(o.lemma_.lower()) == "document")]
                if issuers:
                    return _Source(issuers[0], *whole)
    return _Source(subject, *whole)


def _appositions_of(noun: Token) -> list[Token]:
    """The appositions that rename ``noun``: not a name right after a possessive, which the parser hung on the
    noun from its "of" phrase ("The daughter of [Iran's Gen. Qassem Soleimani] says": she is not him)."""
    return [c for c in noun.children if c.dep_ == "appos"
            and not (c.left_edge.i and c.doc[c.left_edge.i - 1].tag_ == "POS")]


BUSINESS_PARTY_WORDS = frozenset({"owner", "operator", "insurer", "contractor", "manufacturer", "maker", "lender"})
"""People nouns for a party that is as often a company: its apposition may name a body ("the owner, Norbulk
Shipping"); other people nouns' appositions that NER labels a body are mostly people ("the man ..., Salvatore
Cardile")."""


def _head_phrase(core: Token) -> str:
    """The core noun with its compounds: "White House", "State Department", "Military Times"."""
    parts = [t for t in core.lefts if t.dep_ == "compound"] + [core]
    return " ".join(t.lower_ for t in parts)


def _is_media_name(name: str) -> bool:
    key = canonical_key(name)
    if source_lexicon().get(key) == "media":
        return True
    words = key.split()
    return len(words) > 1 and (words[-1] in _media_name_words() or words[-2:] in (["news", "agency"], ["press", "agency"]))


JOURNALIST_WORDS = frozenset({"journalist", "reporter", "correspondent", "photographer", "videographer", "crew"})


def _outlet_by_compound(core: Token) -> tuple[str, str] | None:
    """ "the semi-official Tasnim news agency", "the Fars news agency": an outlet named by a proper noun before
    its kind, which NER leaves unlabelled or takes for a person; named as the alias table names it."""
    parts = [t for t in core.lefts if t.dep_ == "compound"] + [core]
    if len(parts) < 2 or not any(t.pos_ == "PROPN" for t in parts[:-1]):
        return None
    outlet = " ".join(t.text for t in core.doc[min(t.left_edge.i for t in parts[:-1]):core.i] if t.dep_ != "det")
    if core.lemma_.lower() in JOURNALIST_WORDS and _is_media_name(outlet):
        # "An Associated Press journalist said", "a New York Times reporter": the outlet whose reporting it is, as
        # the protocol's readers name a journalist's source
        return aliased(outlet), "ORG"
    phrase = " ".join(t.text for t in parts)
    if not _is_media_name(phrase):
        return None
    return aliased(phrase), "ORG"


def _outlet_in_full(mention: tuple[str, str] | None, core: Token,
                    mention_at: dict[int, tuple[str, str]]) -> tuple[str, str] | None:
    """ "the Times", "the Journal", "the Post" after "The New York Times", "The Wall Street Journal": the outlet
    the article named in full whose name ends in the short one, the nearest before the source, else any in the
    article; ``mention`` unchanged when none does. News style names an outlet once and shortens it after (AP
    Stylebook, "newspaper names")."""
    if mention is None or mention[1] == "PERSON" and " " in mention[0]:
        return mention
    short = canonical_key(mention[0]).split()
    if not short:
        return mention
    fuller = [(i, name) for i, (name, _) in mention_at.items()
              if len(name.split()) > len(short) and canonical_key(name).split()[-len(short):] == short
              and _is_media_name(name)]
    if not fuller:
        return mention
    before = [item for item in fuller if item[0] < core.i]
    return (max(before)[1] if before else min(fuller)[1]), "ORG"


SINGULAR_BODIES = frozenset({"authority"})
"""People nouns of the lexicon whose singular is one body: "Iranian authorities" are unnamed officials, "Iran's
aviation authority" is an organisation."""


def _source_type(core: Token, mention: tuple[str, str] | None) -> str:
    lexicon = source_lexicon()
    if mention is not None:
        entity, label = mention
        if label == "PERSON" and (body_type := _titled_as_body(core)):
            return body_type
        one_plural_word = " " not in entity and entity.endswith("s") and not entity.endswith("ss")
        if label == "PERSON" and one_plural_word and entity in entity_affiliations() \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in core.children):
            return "organization"  # "The Houthis say": a movement the entity table knows, which NER took for a person
        if label == "ORG" and one_plural_word and entity == core.text and lexicon.get(_role_word(core)) == "anonymous":
            return "anonymous"  # "some of the SEALs said": people of a kind, which NER can take for a body
        if label == "PERSON" and source_lexicon().get(canonical_key(entity)) != "media":
            return "named_person"  # "Politico", which NER may take for a person, stays an outlet
        if _is_media_name(entity) or _is_media_name(core.doc[core.left_edge.i:core.i + 1].text):
            return "media"
        if label in ("ORG", "GPE", "FAC") and " " not in entity and core.pos_ == "PROPN" \
                and not any(c.dep_ == "det" for c in core.children) \
                and any(w.lower_ == "who" for w in _relative_subjects(core)):
            return "named_person"  # "Saadu, who lost a thumb to shrapnel, said": a body is "which", not "who"
        if label == "ORG" and _person_by_title(core):
            return "named_person"
        if label in ("ORG", "GPE", "FAC"):
            return "organization"
    phrase = _head_phrase(core)
    lemma = core.lemma_.lower()
    if lemma in SINGULAR_BODIES and core.tag_ == "NN":
        return "organization"
    if (mention is None or mention[1] == "NORP") and _party_as_body(core):
        return "organization"
    for key in (phrase, canonical_key(core.text), lemma):
        category = lexicon.get(key)
        if category == "document":
            return "other"
        if category in ("anonymous", "organization", "media"):
            return category
    if mention is not None and mention[1] == "NORP" or mention is None and _plural_name(core):
        return "anonymous"  # "Iraqis say": unnamed people of a nation; "the SEALs said": unnamed people of a kind
    if mention is None and core.tag_ == "NNS" and core.lemma_.lower() not in NOUN_CUES and any(
            c.dep_ == "poss" and (c.lower_ in ("his", "her", "their") or c.ent_type_ == "PERSON" or c.pos_ == "PROPN")
            for c in core.children):
        return "anonymous"  # "his admirers", "Sanders's supporters", "Hook's defenders": someone's people
    return "other"


def _titled_as_body(core: Token) -> str | None:
    """The type of a name NER took for a person's that the words around it make a body's: a company or media word
    that titles it ("ship-owning company Stena Bulk", "defense publication IHS Jane's"), or a relative clause on it
    that opens with "which", the relative pronoun of things, not people ("Stena Bulk, which owns the tanker";
    Quirk et al. 1985, ch. 17, on the choice of relative pronoun). The twin of the "who" test for bodies."""
    titles = [c for c in core.children if c.dep_ in ("compound", "appos", "nmod") and c.i < core.i
              and c.pos_ == "NOUN"]
    for title in titles:
        if title.lemma_.lower() in MEDIA_TITLES:
            return "media"
        if title.lemma_.lower() in COMPANY_ANAPHORS | GROUP_ANAPHORS:
            return "organization"
    # right after the name, not after a phrase on it the parser hung the clause from the name instead ("Mark
    # Dubowitz of the Foundation for Defense of Democracies, which has backed ...")
    if any(w.lower_ == "which" and 0 < w.i - core.i <= 2 for w in _relative_subjects(core)):
        return "organization"
    return None


def _relative_subjects(noun: Token) -> list[Token]:
    """The subjects of the relative clauses on ``noun``: "who" in "Saadu, who lost a thumb", "which" in "Stena
    Bulk, which owns the tanker"."""
    return [w for c in noun.children if c.dep_ == "relcl" for w in c.children if w.dep_ in SUBJECT_DEPS]


def _person_by_title(core: Token) -> bool:
    """Whether a name NER took for a body's is a person's by the words around it: a title right before it
    ("State Department spokeswoman Morgan Ortagus", "Brigadier General Abolfazl Shekarchi") or an apposition that
    describes a person ("Morgan Evans, a freshman studying economics at the University of San Diego"). A person's
    name of two or more capitalised words, as titles and appositions mark them for readers (Quirk et al. 1985,
    17.65-17.80 on appositive noun phrases)."""
    doc = core.doc
    first = core.i
    while first and doc[first - 1].pos_ == "PROPN" and doc[first - 1].text[:1].isupper() \
            and core in doc[first - 1].ancestors:
        first -= 1
    run = doc[first:core.i + 1]
    titles = [t for t in run if t.lower_ in OFFICE_WORDS or t.lower_ in ("brigadier", "rear", "vice")]
    name = [t for t in run if t not in titles]
    if core.pos_ != "PROPN" or not 2 <= len(name) <= 3 \
            or not all(t.text[:1].isupper() and t.text[1:].replace("-", "").isalpha() and not t.text.isupper()
                       for t in name):
        return False
    before = doc[first - 1] if first else None
    titled = bool(titles) and titles[-1].i < name[0].i or before is not None \
        and before.lower_ in OFFICE_WORDS and core in before.ancestors
    return titled or _described_as_person(core)


def _described_as_person(core: Token) -> bool:
    """Whether a name has an apposition whose head is a noun for people ("Agnes Callamard, UN Special Rapporteur
    on ...", "Morgan Evans, a freshman studying economics")."""
    return any(c.dep_ == "appos" and source_lexicon().get(c.lemma_.lower()) == "anonymous" for c in core.children)


ASIDE_PREPOSITIONS = frozenset({"on", "about", "over", "regarding", "toward", "towards", "against", "with", "into",
                                "during", "after", "before", "since"})
EXPERTISE_NOUNS = frozenset({"expert", "analyst", "scholar", "specialist", "researcher", "fellow", "professor",
                             "watcher", "hand", "historian", "correspondent", "reporter", "envoy"})


ROLE_VERBS = frozenset({"be", "serve", "work", "lead", "head", "represent", "command", "run", "chair", "direct",
                        "advise", "speak", "oversee", "become"})
"""Verbs of a relative clause that say whom a source speaks for ("who heads Iraq's ...", "who serves as ...")."""


def _in_aside(token: Token, core: Token) -> bool:
    """Whether ``token`` tells what a source knows or where it was, not whom it speaks for: "an expert on Iran",
    "who served in Iraq", "an Iran expert" ("of", "to", "for", "from" are kept: "the minister of defense of Iraq",
    "an adviser to the State Department", "a spokesman for the Pentagon")."""
    if token.dep_ == "compound" and token.pos_ == "PROPN" and token.head.lemma_.lower() in EXPERTISE_NOUNS:
        return True
    while token.i != core.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ in ASIDE_PREPOSITIONS:
            return True
        if token.dep_ in ("relcl", "acl") and (token.lemma_.lower() not in ROLE_VERBS or _origin_clause(token)) \
                and not _seat_of_body(token):
            return True  # "an Army officer who was convicted of killing an Iraqi prisoner": what befell them
        token = token.head
    return False


def _seat_of_body(verb: Token) -> bool:
    """ "Jane's Terrorism and Insurgency Center, a defense information provider headquartered in London", "a
    consultancy based in Oslo": where the body a source works for sits places the source, as "London-based" does;
    where a person is posted does not ("a reporter based in Baghdad")."""
    return verb.dep_ == "acl" and verb.lower_ in ("headquartered", "based") \
        and source_lexicon().get(verb.head.lemma_.lower()) not in ("anonymous", "media")


def _origin_clause(verb: Token) -> bool:
    """ "who is from Najaf": where a source comes from, not whom it speaks for (an Iraqi-born analyst at a
    Washington think tank speaks as one)."""
    return verb.lemma_.lower() == "be" and any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children) \
        and not any(c.dep_ in ("attr", "acomp") for c in verb.children)


def _affiliation(core: Token, start: int, end: int, canonical: str) -> tuple[str, str] | None:
    """(affiliation, evidence) from the person table, then the core's own words, then the rest of the phrase."""
    if canonical in entity_affiliations():
        return entity_affiliations()[canonical], "entity table"
    # a nationality word that is a person's name ("my colleague German Lopez") places no one
    name_words = set(canonical.split()) if core.ent_type_ == "PERSON" else set()
    own = _without_host([t for t in core.subtree if t.text not in name_words
                         and t.i <= core.i and t.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod")])
    if not own and core.dep_ == "conj" and core.head.pos_ == "NOUN" and core.tag_ == core.head.tag_:
        # "U.S. diplomats and staffers": a modifier of the first of two bare conjoined nouns is both's
        own = _without_host([t for t in core.head.lefts if t.dep_ in ("amod", "compound", "poss", "nmod")])
    if core.dep_ == "conj" and _shared_role(core.head) == core:
        own = [core.head, *own]  # "U.S. and Saudi officials": the first named side first
    phrase = _without_host([t for t in core.doc.char_span(start, end, alignment_mode="expand") or []
                            if not _in_aside(t, core) and t.text not in name_words])
    for tokens in ([core], own):
        found = affiliation_in(tokens, specific_only=True) or affiliation_in(tokens)
        if found:
            return found, "source phrase"
    country = _country_meant(core)
    if country:
        return country, "antecedent"
    # an office other countries have too ("the national security adviser") counts only where no country's or
    # named body's word describes the source
    found = affiliation_in(_description(core, phrase), specific_only=True) or affiliation_in(phrase)
    return (found, "source phrase") if found else None


def _country_meant(core: Token) -> str | None:
    """The side of "the country's president" (or "the nation's"): the country (or its people) last made a subject,
    in its own sentence or the one before ("Iran on Friday released a tanker, while the country's president said
    ...", "56 Iranians were crushed ..., the country's state media is reporting"); a country only mentioned ("a
    U.S. airstrike", "soft on Iran") is not the one the phrase takes up."""
    owners = [c for c in core.children if c.dep_ == "poss" and c.lemma_.lower() in ("country", "nation")
              and any(d.lower_ == "the" for d in c.children)]
    if not owners:
        return None
    sentence = core.sent
    first = core.doc[sentence.start - 1].sent.start if sentence.start else 0
    places = [e for e in core.doc.ents if e.label_ in ("GPE", "NORP") and first <= e.start and e.end <= owners[0].i
              and e.root.dep_ in SUBJECT_DEPS]
    return affiliation_in(list(places[-1])) if places else None


def _description(core: Token, tokens: list[Token]) -> list[Token]:
    """The tokens of ``tokens`` that describe ``core`` as nouns do (apposition, modifiers, prepositional
    phrases), not through a clause: in "the administration argues it can curtail Iran's ..." nothing after
    "administration" describes it."""
    def nominal(token: Token) -> bool:
        while token.i != core.i:
            if token.head.i == token.i or token.pos_ in ("VERB", "AUX") and not (
                    token.tag_ == "VBN" and token.dep_ in ("amod", "acl")):  # "Washington-based" describes
                return False
            token = token.head
        return True
    return [t for t in tokens if nominal(t)]


HOST_TITLES = frozenset({"ambassador", "envoy", "emissary", "representative", "ambassadors", "envoys"})


PROGRAMMES = frozenset({"initiative", "program", "programme", "project", "studies", "desk"})
TOPIC_ROLES = frozenset({"expert", "watcher", "specialist", "hand", "scholar", "envoy", "hawk", "dove",
                         "analyst", "observer", "researcher", "correspondent"}) | PROGRAMMES
"""Roles and programmes a country name before them makes a topic, not a side: "Iran experts", "Saudi watchers",
"the Iran envoy" (the American envoy for Iran), "China hawks", "head of the Iraq Initiative at the Atlantic
Council in Washington"; "Iran's envoy" (a possessor) and "Iranian analysts" (an adjective) stay on that
country's side."""

THINGS_OF_STATE = frozenset({"deal", "war", "accord", "agreement", "policy", "crisis", "invasion", "conflict",
                             "sanctions", "strike", "strikes", "nuclear", "talks", "occupation", "file"})
"""Things a country's name qualifies as their topic: "an architect of the Iran nuclear deal", "a leading figure
behind the 2003 drumbeat to war in Iraq" are neither Iranian nor Iraqi."""


def _modifies_a_thing(token: Token) -> bool:
    """A country word that qualifies one of :data:`THINGS_OF_STATE` in a source's description, as a modifier
    ("the Iran nuclear deal", "Iraq and Afghanistan war veterans") or the object of its preposition ("war in
    Iraq")."""
    if token.ent_type_ not in ("GPE", "NORP", "LOC") or affiliation_in([token]) is None:
        return False  # a place, not a person the affiliation table knows ("Trump's Middle East policy")
    if token.dep_ == "conj" and token.head.i != token.i:
        return _modifies_a_thing(token.head)  # "Iraq and Afghanistan war veterans"
    if token.dep_ in ("compound", "amod", "nmod", "poss"):
        # "Iraq war veterans", which the parser may hang on the veterans beside the war
        return token.head.lemma_.lower() in THINGS_OF_STATE or any(
            c.dep_ in ("compound", "nmod") and c.lemma_.lower() in THINGS_OF_STATE and token.i < c.i < token.head.i
            for c in token.head.children)
    return token.dep_ == "pobj" and token.head.head.lemma_.lower() in THINGS_OF_STATE


def _names_an_affair(token: Token) -> bool:
    """A country word inside the name of an affair or a war, which says what a person is known for, not whose
    side they are on: "North, a controversial figure in the 1980s Iran-Contra scandal", "a veteran of the
    Iran-Iraq War" (the entity recogniser's EVENT, or the country's name hyphened to another capitalised word);
    so is the first of two hyphened nationalities: an "Iranian-American journalist" is American."""
    if token.ent_type_ == "EVENT":
        return True
    doc = token.doc
    return token.i + 2 < len(doc) and not token.whitespace_ and doc[token.i + 1].text in ("-", "–") \
        and not doc[token.i + 1].whitespace_ and doc[token.i + 2].is_title


MIGRANT_WORDS = frozenset({"immigrant", "migrant", "refugee", "seeker", "emigrant", "émigré", "emigre", "asylee"})
"""People whose "from" names the country they left, not the side they speak from."""
HERITAGE_WORDS = frozenset({"descent", "origin", "heritage", "ancestry", "extraction", "roots"})
"""Nouns a nationality word modifies to say where one's family came from ("of Iranian descent")."""


def _without_host(tokens: list[Token]) -> list[Token]:
    """The words of a title without the country an envoy is posted to or in: "Pakistani Ambassador to the U.S.
    Asad M. Khan" is Pakistan's, not the United States', "USAID's envoy in Erbil" not Iraq's; nor the country a
    role studies ("Iran experts"); nor the one a migrant left ("an immigrant from Burundi"), a family came from
    ("of Iranian descent") or one was born in ("Irish-born")."""
    return [t for t in tokens if not _is_host(t) and not _is_topic(t)]


def _is_topic(token: Token) -> bool:
    if _modifies_a_thing(token) or _names_an_affair(token):
        return True
    role = token.head
    # a foreign country only: "US experts" and "U.S. intelligence analysts" are American, "the U.N. envoy" the UN's
    return token.dep_ == "compound" and token.pos_ == "PROPN" and role.lemma_.lower() in TOPIC_ROLES \
        and role.tag_ in ("NN", "NNS", "NNP", "NNPS") and affiliation_in([token]) != "US" \
        and (token.ent_type_ in ("GPE", "NORP") or token.ent_type_ == "ORG" and role.lemma_.lower() in PROGRAMMES)


def _is_host(token: Token) -> bool:
    doc = token.doc
    if token.head.lemma_.lower() in HERITAGE_WORDS and token.dep_ in ("amod", "compound"):
        return True  # "who is of Iranian descent": where a family came from, not the side one speaks for
    if token.dep_ == "npadvmod" and token.head.lower_ == "born" \
            and any(t.tag_ == "HYPH" for t in doc[token.i + 1:token.head.i]):
        return True  # "the Irish-born Father Cornelius McGrenra": born there, a priest in New Jersey
    for i in range(token.i - 1, max(token.i - 5, 0), -1):
        word = doc[i]
        if word.lower_ in ("to", "in"):  # "Ambassador to the U.S.", "the agency's envoy in Erbil"
            return doc[i - 1].lower_ in HOST_TITLES
        if word.lower_ == "from":  # "an asylum seeker from Angola" lives where the story is, as its side
            return doc[i - 1].lemma_.lower() in MIGRANT_WORDS
        if word.ent_type_ == "PERSON" or word.is_punct and word.text != ".":
            return False
    return False


def _person_context_affiliation(name: str, earlier: list[Attribution], mention_at: dict[int, tuple[str, str]],
                                doc: Doc) -> str | None:
    """A person's affiliation from elsewhere in the article: an earlier attribution, or the titles and
    appositions around any mention ("the US State Department's ... David Schenker", "Zarif, Iran's ...")."""
    for attribution in reversed(earlier):
        if attribution.source_canonical == name and attribution.affiliation != "unknown":
            return attribution.affiliation
    # only the tokens of this person's mentions, in document order (iterating every token was the cost)
    for i in sorted(i for i, mention in mention_at.items() if mention == (name, "PERSON")):
        token = doc[i]
        if token.dep_ == "compound":
            continue
        context = [t for t in token.subtree if t.i < token.i and mention_at.get(t.i) != (name, "PERSON")
                   and t.text not in name.split()]  # "my colleague German Lopez", NER's "German" a nationality
        context += [t for c in token.children if c.dep_ == "appos" for t in c.subtree]
        found = affiliation_in(_without_host([t for t in context if not _in_aside(t, token)]))
        if found:
            return found
    return None


def _noun_context_affiliation(core: Token, words: _Words) -> str | None:
    """An unnamed body's side from the article's other mentions of the same noun: "the coalition said" where
    the article writes "the U.S.-led coalition"; only when every such mention that is placed agrees."""
    lemma = core.lemma_.lower()
    doc = core.doc
    sides = set()
    for i, (other, pos) in enumerate(zip(words.lemma, words.pos)):
        if other == lemma and pos == "NOUN" and i != core.i:
            found = affiliation_in([t for t in doc[i].subtree if t.i < i])
            if found:
                sides.add(found)
    return sides.pop() if len(sides) == 1 else None


OFFICE_WORDS = frozenset({
    "president", "secretary", "minister", "premier", "chancellor", "leader", "ayatollah", "general", "gen.",
    "senator", "sen.", "speaker", "ambassador", "envoy", "chairman", "chairwoman", "commander", "prince", "king",
    "pm", "governor", "director", "spokesman", "spokeswoman", "spokesperson", "representative", "rep.",
    "adviser", "advisor", "chief", "mayor",
    "colonel", "col.", "lieutenant", "lt.", "major", "maj.", "captain", "capt.", "admiral", "adm.", "sergeant", "sgt.",
})
RANKS = frozenset({"general", "colonel", "lieutenant", "major", "captain", "admiral", "sergeant", "commander"})
"""Military ranks: "the officer" is the person the article named with one ("Lt. Col. Alexander Vindman")."""
"""Head nouns of titles: "the president" and "the secretary of state" speak for the person the article named
in that office ("President Donald Trump", "Mike Pompeo, the secretary of state")."""


def _appositions(first: Token, mention_at: dict[int, tuple[str, str]]) -> list[Token]:
    """The words of the appositions of the mention that starts at ``first`` ("Mike Pompeo, the secretary of
    state"), found on the mention's head token."""
    mention = mention_at[first.i]
    head = first
    while mention_at.get(head.head.i) == mention and head.head.i != head.i:
        head = head.head
    return [t for c in head.children if c.dep_ == "appos" for t in c.subtree]


def _office_holders(doc: Doc, mention_at: dict[int, tuple[str, str]],
                    quoted: list[bool] | None = None) -> list[tuple[int, str, str, list[Token]]]:
    """(character offset, office word, person, title words) for every person named with a title outside
    quotations ("'Sen. Schumer is very reluctant,' the GOP senator said": the quoted senator is not the one
    speaking)."""
    holders = []
    for i, (name, label) in sorted(mention_at.items()):
        if label != "PERSON" or mention_at.get(i - 1) == (name, label) or quoted is not None and quoted[i]:
            continue
        token = doc[i]
        before = _title_before(token, mention_at) + _title_in_name(token, mention_at)
        for words in (before, _appositions(token, mention_at)):
            offices = [t for t in words if _office_word(t) in OFFICE_WORDS]
            if offices:
                holders.append((token.idx, _office_key(offices[-1]), name, words))
    return holders


def _title_before(first: Token, mention_at: dict[int, tuple[str, str]]) -> list[Token]:
    """The words of a person's title before the name that starts at ``first`` (up to five, in its sentence): a
    verb or a relative word ends the name's own phrase, so in "the British prime minister in whom Trump sees an
    ally" the title is not Trump's, nor in "French senator Nathalie Goulet high-fived Lin Nguyen's broadside"
    Nguyen's; another person's name is not part of it."""
    window = first.doc[max(first.sent.start, first.i - 5):first.i]
    breaks = [t.i for t in window if t.pos_ in ("VERB", "AUX") or t.tag_ in ("WDT", "WP", "WP$", "WRB")]
    return [t for t in window if t.i > max(breaks, default=-1) and mention_at.get(t.i, ("", ""))[1] != "PERSON"]


DEPUTY_WORDS = frozenset({"vice", "deputy", "assistant", "associate", "under"})
"""Words before a title that make it a second office: a vice president is not "the president", nor a deputy
foreign minister "the foreign minister"."""


def _title_in_name(first: Token, mention_at: dict[int, tuple[str, str]]) -> list[Token]:
    """The title words NER took into a person's name ("Gen Hajizadeh", "Brig-Gen Amir Ali Hajizadeh": titles
    without a full stop, the British style)."""
    mention = mention_at[first.i]
    title = []
    for token in first.doc[first.i:]:
        if mention_at.get(token.i) != mention or not (
                _office_word(token) in OFFICE_WORDS or token.text == "-" or token.lower_.rstrip(".") in TITLE_PREFIXES):
            break
        title.append(token)
    return title


TITLE_PREFIXES = DEPUTY_WORDS | {"brig", "brigadier", "rear", "acting"}
"""Words of a title before its office word ("Brig-Gen", "Rear Adm.", "Vice President")."""


def _office_key(title: Token) -> str:
    """The office a title word names in the holders' list, after the word of :data:`DEPUTY_WORDS` before it, if
    any ("Vice President Mike Pence": vice president; "Deputy Foreign Minister Abbas Araghchi": deputy minister)."""
    return _deputy_office(_office_word(title), title.doc[max(title.sent.start, title.i - 3):title.i])


def _deputy_office(office: str, before: Iterable[Token]) -> str:
    """``office`` after the deputy word among the words ``before`` it ("vice president"); ranks have none (a
    lieutenant general is a general)."""
    deputies = [t.lower_ for t in before if t.lower_ in DEPUTY_WORDS]
    return f"{deputies[-1]} {office}" if deputies and office not in RANKS else office


def _office_word(token: Token) -> str:
    """ "Col." -> colonel, "PM" -> minister, "Brig-Gen" -> general: the office a title word names (a hyphenated
    rank, the British style, is its last part: a lieutenant-colonel is a colonel; "vice-president" stays whole)."""
    word = token.lower_.rstrip(".")
    last = word.rsplit("-", 1)[-1].rstrip(".")
    if last != word and (last in OFFICE_SYNONYMS or last in RANKS):
        word = last
    return OFFICE_SYNONYMS.get(word, word)


def _office_holder(core: Token, start: int, end: int, holders: list[tuple[int, str, str, list[Token]]],
                   mention_at: dict[int, tuple[str, str]], quoted: list[bool] | None = None) -> str | None:
    """The person the article last named in the office a source phrase names ("the president", "the Iranian
    foreign minister"), keeping to the side the phrase names when it names one; one named inside a quotation
    (``quoted``) is talked about, not the holder just named ("'Under the terrible Obama plan ...,' the president
    tweeted")."""
    office = _office_word(core)
    if office not in OFFICE_WORDS and office != "officer" or core.tag_ in ("NNS", "NNPS") \
            or any(t.dep_ == "det" and t.lower_ in ("a", "an", "another", "any", "some") or t.dep_ == "nummod"
                   for t in core.lefts):
        return None  # "an Iranian minister", "one senior senator", "officers": unnamed, not the holder named
    if office == "officer" and not any(t.dep_ == "det" and t.lower_ == "the" for t in core.lefts):
        return None
    offices = RANKS if office == "officer" else HEADS_OF_STATE if office == "leader" else {office}
    if office == "leader" and any(t.lower_ in PARTY_WORDS for t in core.lefts):
        offices = PARTY_LEADERS  # "the Democratic leader" leads a party in Congress, not a state
    seconded = _deputy_office(office, core.lefts)
    if seconded != office:
        offices = {seconded}  # "the vice president" is the one titled so, or a vice president the story's years knew
    side = affiliation_in(list(core.doc.char_span(start, end, alignment_mode="expand") or [])) \
        if not any(c.dep_ == "poss" for c in core.children) else affiliation_in(core.lefts) or _country_meant(core)
    # "the prime minister" is not the foreign minister the article named, nor "the defense secretary" the
    # secretary of state: a holder whose title names another portfolio is not the one meant
    portfolio = _portfolio([*core.lefts, *(w for c in core.rights if c.dep_ == "prep" and c.lower_ == "of"
                                          for w in c.subtree)], core)
    titled = [(at, person, words) for at, word, person, words in holders if word in offices and at < core.idx
              and (side is None or affiliation_in(words) in (None, side)
                   and entity_affiliations().get(person, side) == side)
              and (portfolio is None or _portfolio(words) in (None, portfolio))]
    # "the Army secretary" is the one the article titled "Army Secretary", not the more cited defense secretary
    departments = {t.lower_ for t in core.lefts if t.dep_ == "compound" and t.pos_ in ("PROPN", "NOUN")}
    in_department = [entry for entry in titled if departments & {w.lower_ for w in entry[2]}]
    if in_department:
        return max(in_department, key=lambda entry: entry[0])[1]
    fitting = [(at, person) for at, person, _ in titled]
    # people the article names without the title who held the office in the story's years ("When it came to
    # Trump's turn to speak, the president told ...", "the US president" in a story that says "Donald Trump")
    known = {person: known_side for person, known_side in office_holders().get(seconded, {}).items()
             if office_portfolios().get((office, person)) in (None, portfolio)
             or portfolio is None and office_portfolios()[(office, person)] not in PARTY_PORTFOLIOS.values()}
    # a bare surname of a holder too ("McConnell referenced the amendment ... the GOP leader said")
    known_by_name = {**{person.split()[-1]: person for person in known}, **{person: person for person in known}}
    fitting += [(core.doc[i].idx, known_by_name[name]) for i, (name, label) in mention_at.items()
                if label == "PERSON" and name in known_by_name and (side is None or known[known_by_name[name]] == side)
                and core.doc[i].idx < core.idx and mention_at.get(i - 1) != (name, label)]
    if not fitting:
        return _holder_named_after(core, holders, offices, side)
    sentence_start = core.sent.start_char
    fitting_people = {person for _, person in fitting}
    quoted_at = {core.doc[i].idx for i in mention_at if quoted and quoted[i]}
    in_sentence = [person for at, person in fitting if at >= sentence_start and at not in quoted_at] + [
        name for i, (name, label) in mention_at.items() if label == "PERSON" and sentence_start <= core.doc[i].idx < core.idx
        and name in fitting_people and not (quoted and quoted[i])]
    if in_sentence:
        return in_sentence[-1]  # "When it came to Trump's turn to speak, the president told ...": the holder just named
    if offices <= RANKS:
        # a story names several officers, and "the general" is the one just named ("Gen Hajizadeh said ... according
        # to the general", in a story that names Gen Soleimani more): the latest within the last three sentences
        # (a definite description's antecedent is the most recent that fits, Vieira & Poesio 2000)
        starts = [s.start_char for s in core.doc.sents if s.start_char <= core.idx]
        recent = [(at, person) for at, person in fitting if at >= starts[max(0, len(starts) - 3)]]
        if recent:
            return max(recent)[1]
    # the most prominent holder (most mentions before the source), the latest among equals: "the president" in a
    # story about Trump that quotes "President Emmanuel Macron" is still Trump
    before = Counter(name for i, (name, label) in mention_at.items() if label == "PERSON" and core.doc[i].idx < core.idx
                     and mention_at.get(i - 1) != (name, label))
    latest = {person: at for at, person in fitting}
    return max(latest, key=lambda p: (before[p], latest[p]))


def _holder_named_after(core: Token, holders: list[tuple[int, str, str, list[Token]]], offices: Iterable[str],
                        side: str | None) -> str | None:
    """A lede's office the article names a holder of later, in a title with the same words: "Iran's naval commander
    warned Monday ... Iran's naval commander, Rear Adm. Hossein Khanzadi, issued a warning" (cataphora, Halliday &
    Hasan 1976, ch. 2). Only a title that repeats every qualifier of the office ("naval"), and one person."""
    qualifiers = {t.lower_ for t in core.lefts if t.dep_ in ("amod", "compound") and t.pos_ in ("ADJ", "NOUN", "PROPN")
                  and t.lower_ not in RANK_ADJECTIVES and affiliation_in([t]) is None}
    if not qualifiers:
        return None
    # the office's words may precede a rank ("naval commander, Rear Adm. Hossein Khanzadi"); a placed office
    # needs a holder placed the same way, by the title or else its sentence: "Iraq's prime minister" is not
    # "Prime Minister Saad Hariri" of a sentence set "In Lebanon"
    later = [(at, person) for at, word, person, words in holders if at > core.idx
             and (word in offices or core.lower_ in {w.lower_ for w in words})
             and qualifiers <= {w.lower_ for w in words}
             and (side is None or (affiliation_in(words) or affiliation_in(words[0].sent, specific_only=True)) == side)]
    return later[0][1] if len({person for _, person in later}) == 1 else None


PORTFOLIO_WORDS = frozenset({"prime", "foreign", "defense", "defence", "state", "interior", "finance", "treasury",
                             "oil", "energy", "health", "justice", "homeland", "army", "navy", "supreme"})
"""Words that say which of the offices sharing a head word is meant: "prime" or "foreign" minister, "defense"
secretary or secretary of "state", the "supreme" leader."""

PARTY_PORTFOLIOS = {"gop": "republican", "republican": "republican", "democratic": "democratic",
                    "democrat": "democratic"}
"""The party a congressional leader's phrase names ("the GOP leader"), the portfolio ``data/office_holders.csv``
gives Congress's party leaders, who are "the leader" only to a phrase naming their party."""


def _portfolio(words, core: Token | None = None) -> str | None:
    """The last portfolio word among ``words``, the one nearest a name that follows them ("Secretary of State
    Mike Pompeo and Defense Secretary Mark Esper"); "defence" is "defense", a "premier" or "PM" the prime minister."""
    if core is not None and core.lower_.rstrip(".") in ("premier", "pm"):
        return "prime"
    found = None
    for token in words:
        word = token.lower_.rstrip(".")
        if word in ("pm", "premier"):
            found = "prime"
        elif word in PORTFOLIO_WORDS:
            found = "defense" if word == "defence" else word
        elif word in PARTY_PORTFOLIOS:
            found = PARTY_PORTFOLIOS[word]
    return found


HEADS_OF_STATE = frozenset({"leader", "president", "premier", "chancellor", "king", "ayatollah"})
"""What "the Ukrainian leader" or "the Iraqi leader" can be: the article's "Ukrainian President Volodymyr
Zelenskyy" (a prime minister's title also names the office "minister", too wide to count)."""

PARTY_WORDS = frozenset({"democratic", "republican", "gop", "democrat", "majority", "minority"})
PARTY_LEADERS = frozenset({"leader", "speaker"})
"""What "the Democratic leader" or "the GOP leader" can be: the article's "Senate Minority Leader Charles
Schumer" or "Speaker Nancy Pelosi" (in the US Congress the Speaker leads the majority party)."""

SPOKES_WORDS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople"})


COMMENT_NOUNS = frozenset({"comment", "remark", "statement"})


def _commenter_after(core: Token, mention_at: dict[int, tuple[str, str]]) -> str | None:
    """The person the next sentence names as having made the comment an unnamed role reported ("Iran's Foreign
    Ministry spokesman says ... . Abbas Mousavi made the comment Sunday during a briefing": the Associated
    Press's cataphoric style, in which a role leads and the name follows), or, for a spokesman, the person the
    next sentence names for the first time with a quotation of the same comment (at least
    ``SAME_COMMENT_WORDS`` content words in common)."""
    if core.tag_ != "NN" or core.i in mention_at or not (
            core.lower_ in SPOKES_WORDS or source_lexicon().get(core.lemma_.lower()) == "anonymous"):
        return None
    doc = core.doc
    after = core.sent.end
    while after < len(doc) and doc[after].is_space:
        after += 1
    if after >= len(doc):
        return None
    root = doc[after].sent.root
    subjects = [mention_at.get(c.i) for c in root.children if c.dep_ == "nsubj"]
    named = subjects[0][0] if subjects and subjects[0] and subjects[0][1] == "PERSON" else None
    if named is not None and core.lower_ in SPOKES_WORDS and cue_lexicon().get(root.lemma_.lower(), NO_CUE).kind == "speech" \
            and min(i for i, mention in mention_at.items() if mention[0] == named) >= after \
            and len(_content_words(core.sent) & _content_words(doc[after].sent)) >= SAME_COMMENT_WORDS:
        # "Tehran's top military spokesman dismissed Trump's claims as 'delusional' ... all drones were back
        # 'safe and sound' at their bases. '... all drones ... have returned to their bases safe and sound,'
        # Brigadier General Abolfazl Shekarchi said": the spokesman, named for the first time with his quotation
        return named
    comment = any(c.dep_ == "dobj" and c.lemma_.lower() in COMMENT_NOUNS
                  and any(d.lower_ in ("the", "his", "her", "those", "these") for d in c.children)
                  for c in root.children)
    if root.lemma_.lower() not in ("make", "give", "deliver") or not comment:
        return None
    return named


SAME_COMMENT_WORDS = 4
"""Content words a spokesman's reported comment and the next sentence's quotation share when they are one comment."""
NO_CUE = Cue("", "", False)


def _content_words(sentence: Span) -> set[str]:
    return {t.lemma_.lower() for t in sentence if t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and not t.is_stop
            and len(t.text) > 2 and t.lemma_.lower() not in cue_lexicon()}


RANK_ADJECTIVES = frozenset({"top", "senior", "chief", "main", "principal", "official", "new", "deputy"})


def _titles_the_name(words: list[Token], at: int) -> bool:
    """Whether the office word among ``words`` is the title of the name at character ``at`` ("spokesman Abbas
    Mousavi", "Abbas Mousavi, the spokesman"), not a word of the clause before it ("the spokesman dismissed
    Trump's claims")."""
    offices = [t for t in words if t.lower_ in OFFICE_WORDS]
    if not offices:
        return False
    office = offices[-1]
    if office.idx > at:
        return True  # an apposition after the name
    between = [t for t in office.doc[office.i + 1:] if t.idx < at]
    return all(t.pos_ == "PROPN" or t.is_punct for t in between)


def _named_spokesperson(core: Token, holders: list[tuple[int, str, str, list[Token]]]) -> tuple[str, str] | None:
    """The spokesperson the article names, before or after, for "the ministry's spokesman" or "Tehran's top
    military spokesman": the one titled in the same department ("Foreign Ministry spokesman Abbas Mousavi"), else
    the article's only named spokesperson. Readers name the person when the article does; "a spokesman" (one of
    several) stays the body's (:func:`_spoken_for`)."""
    if core.lower_ not in SPOKES_WORDS or core.tag_ != "NN" or any(
            t.dep_ == "det" and t.lower_ in ("a", "an", "another", "one") for t in core.lefts):
        return None
    spokespeople = [(at, person, words) for at, word, person, words in holders
                    if word in SPOKES_WORDS and _titles_the_name(words, at)]
    qualifiers = {t.lower_ for t in core.subtree if t.i < core.i and t.pos_ in ("PROPN", "NOUN", "ADJ")
                  and t.lower_ not in RANK_ADJECTIVES}
    same_department = [(abs(at - core.idx), person) for at, person, words in spokespeople
                       if qualifiers & {w.lower_ for w in words}]
    if same_department:
        return min(same_department)[1], "PERSON"
    people = {person for _, person, _ in spokespeople}
    return (people.pop(), "PERSON") if len(people) == 1 else None


def _titled_leader_of_body(core: Token, holders: list[tuple[int, str, str, list[Token]]],
                           mention_at: dict[int, tuple[str, str]]) -> tuple[str, str] | None:
    """The one person the article titles, before or after, with the same role of the same named body: "The
    leader of Lebanon's Hezbollah group says" is the "Hezbollah leader Hassan Nasrallah" of another paragraph,
    as a spokesperson is the department's (:func:`_named_spokesperson`); not a holder of the role in another body
    ("militia leader Qais al-Khazali" for "the leader of the Popular Mobilization Forces")."""
    if core.lower_ not in BODY_ROLES or core.tag_ != "NN" or any(
            t.dep_ in ("det", "nummod") and t.lower_ in ("a", "an", "another", "one") for t in core.lefts):
        return None
    body = _owning_body(core, mention_at)
    if not body:
        return None
    people = {person for _, word, person, words in holders
              if word == core.lower_ and body & {w.lower_ for w in words}}
    return (people.pop(), "PERSON") if len(people) == 1 else None


def _owning_body(core: Token, mention_at: dict[int, tuple[str, str]], *, generic: bool = False) -> set[str]:
    """The name words of the named body a role belongs to ("of Lebanon's Hezbollah group", "the PMF's"), lower
    case, and with ``generic`` the words any body's name may have ("committee"); none for a country's role
    ("Iran's leader") or an unnamed body's."""
    return {t.lower_ for t in core.subtree if t.i != core.i and mention_at.get(t.i, ("", ""))[1] == "ORG"
            and t.pos_ == "PROPN" and (generic or t.lower_ not in GENERIC_BODY_WORDS)}


BODY_ROLES = frozenset({"leader", "head", "chief", "chairman", "founder", "commander", "director"})
"""Roles a named body has one holder of at a time, whom an article may title with the body's name."""


LEDE_SENTENCES = 3


def _body_words(tokens: Iterable[Token]) -> set[str]:
    """The words that name a body in a spokesperson's phrase ("for the country's atomic energy agency": atomic,
    energy), without the words any body's name may have (agency, organization) or a country's."""
    return {t.lower_ for t in tokens if t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.is_stop
            and t.lower_ not in RANK_ADJECTIVES | SPOKES_WORDS | GENERIC_BODY_WORDS and affiliation_in([t]) is None}


GENERIC_BODY_WORDS = frozenset({"agency", "organization", "organisation", "ministry", "department", "office",
                                "country", "government", "council", "committee", "group", "company"})


def _spokesperson_named_later(core: Token, mention_at: dict[int, tuple[str, str]]) -> tuple[str, str] | None:
    """ "according to a spokesman for the country's atomic energy agency" in a lede, and later "Behrouz
    Kamalvandi, a spokesman for the Atomic Energy Organization of Iran": the one person the article names later
    with an apposition that makes them a spokesperson of a body sharing a word of the lede's (cataphora, Halliday
    & Hasan 1976, ch. 2; the lede's unnamed source is the body's spokesperson the story goes on to name)."""
    if core.lower_ not in SPOKES_WORDS or core.i in mention_at:
        return None
    doc = core.doc
    starts = [s.start for s in doc.sents]
    if len(starts) > LEDE_SENTENCES and core.i >= starts[LEDE_SENTENCES]:
        return None
    body = _body_words(t for t in core.subtree if t.i != core.i)
    if not body:
        return None
    people = set()
    for i, (name, label) in mention_at.items():
        if label != "PERSON" or i <= core.i or mention_at.get(i + 1) == (name, label):
            continue
        for apposition in (c for c in doc[i].children if c.dep_ == "appos" and c.lower_ in SPOKES_WORDS):
            if body & _body_words(t for t in apposition.subtree if t.i != apposition.i):
                people.add(name)
    if not people and core.sent.end < len(doc):
        # "..., the spokesman for the country's atomic agency said Monday ... ¶ The announcement by Behrouz
        # Kamalvandi, timed for ...": the next sentence names the maker of the announcement its subject is, for the
        # first time in the article
        following = doc[core.sent.end].sent
        for token in following:
            name, label = mention_at.get(token.i, ("", ""))
            event = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "by" else None
            if label == "PERSON" and " " in name and event is not None and event.dep_ in SUBJECT_DEPS \
                    and event.lemma_.lower() in SPEECH_EVENTS | ANNOUNCEMENTS \
                    and min(i for i, m in mention_at.items() if m == (name, label)) >= following.start:
                people.add(name)
    return (people.pop(), "PERSON") if len(people) == 1 else None


ANNOUNCEMENTS = frozenset({"announcement", "remark", "comment", "warning", "declaration", "disclosure"})


def _apposed_person(core: Token, mention_at: dict[int, tuple[str, str]]) -> tuple[str, str] | None:
    """ "A spokesman for Heinz, Chris Bastardi, said": a role noun whose apposition is a person's name is that
    person (the name, not the one the spokesman speaks for), and so is a role noun in apposition to one person's
    name ("Lindsey Graham, a prominent Trump ally who has criticized ..."); "its NATO ally Turkey": a role for
    people whose
    apposition names a country or a body is that body."""
    if core.pos_ not in ("NOUN", "PROPN"):
        return None
    apposed = _appositions_of(core)
    # the parser may hang the name on the role's body: "The CEO of ... [Maple Leaf Foods, Michael McCain]"
    chained = [g for c in apposed if mention_at.get(c.i, ("", ""))[1] == "ORG" for g in c.children if g.dep_ == "appos"]
    people = [mention_at[c.i] for c in [*apposed, *chained] if mention_at.get(c.i, ("", ""))[1] == "PERSON"]
    if people and core.lower_ not in SPOKES_WORDS:
        return people[0]  # any word for a role, in the lexicon or not: "The CEO of Maple Leaf Foods, Michael McCain"
    if core.pos_ != "NOUN" or core.lemma_.lower() not in source_lexicon():
        return None
    if core.lower_ in SPOKES_WORDS:
        # the parser hangs the name on the one spoken for: "spokesman for [Heinz, Chris Bastardi]"
        apposed += [a for p in core.children if p.dep_ == "prep" and p.lower_ == "for"
                    for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"  # not "for the son, Hunter Biden"
                    for a in o.children if a.dep_ == "appos"]
    names = [mention_at[c.i] for c in apposed if mention_at.get(c.i, ("", ""))[1] == "PERSON"]
    if not names and core.dep_ == "appos" and mention_at.get(core.head.i, ("", ""))[1] == "PERSON" \
            and source_lexicon().get(core.lemma_.lower()) == "anonymous" \
            and not any(c.dep_ == "conj" for c in core.head.children):
        # "Lindsey Graham of South Carolina, a prominent Trump ally who has criticized ...": the role is the apposition
        # of a person's name, and the relative clause's speaker that person
        names = [mention_at[core.head.i]]
    if not names and source_lexicon().get(core.lemma_.lower()) == "anonymous":
        # "its NATO ally Turkey, which ...": a country or a body named in apposition to the role
        names = [(mention_at[c.i][0], "ORG") for c in apposed if c.dep_ == "appos" and c.head.i == core.i
                 and mention_at.get(c.i, ("", ""))[1] in ("GPE", "ORG")
                 and not any(g.dep_ == "conj" for g in c.children)]  # one body, not a list of members
    if not names and source_lexicon().get(core.lemma_.lower()) in ("anonymous", "organization"):
        names = [name for c in core.children if c.dep_ == "acl" and c.tag_ == "VBN"
                 and c.lemma_.lower() in ("name", "call") for name in _name_given(core, c, mention_at)]
    return names[0] if names else None


def _name_given(core: Token, participle: Token, mention_at: dict[int, tuple[str, str]]) -> list[tuple[str, str]]:
    """ "One woman named Rachel says", "a man called Ahmed told", "a group called Kataib Hezbollah said": the
    source is the name the article gives (a first name alone if that is all it gives), a person's for a word
    for people, a body's for a word for bodies."""
    given = [o for o in participle.children if o.dep_ == "oprd" and o.pos_ == "PROPN"]
    if not given:
        return []
    body = source_lexicon().get(core.lemma_.lower()) == "organization"
    name = mention_at.get(given[0].i) or (" ".join(t.text for t in given[0].subtree), "ORG" if body else "PERSON")
    return [name] if (name[1] in ("ORG", "GPE", "NORP") if body else name[1] == "PERSON") else []


PRESS_OFFICES = frozenset({"office", "service", "department", "team"})


def _spoken_for(core: Token, mention_at: dict[int, tuple[str, str]]) -> tuple[str, str] | None:
    """The body an unnamed spokesperson or press office speaks for, which the protocol and the samples' readers
    take as the speaker: "a State Department spokesperson", "a spokesman for the Pentagon", "the ministry's
    spokesman", "the Pentagon press office".
    A spokesperson for a person ("a spokesman for Schumer") stays a spokesperson."""
    press_office = core.lower_ in PRESS_OFFICES and any(c.dep_ == "compound" and c.lower_ in ("press", "media")
                                                         for c in core.children)
    if core.lower_ not in SPOKES_WORDS and not press_office or core.i in mention_at:
        return None
    bodies = [c for c in core.children if c.dep_ in ("compound", "poss", "amod") and c.lower_ not in ("press", "media")]
    bodies += [o for c in core.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at")
               for o in c.children if o.dep_ == "pobj"]
    person_words = {word for name, label in mention_at.values() if label == "PERSON" and " " in name
                    for word in name.split()}
    for body in bodies:
        mention = mention_at.get(body.i)
        if mention is not None and mention[0] in person_words:
            continue  # "a spokesman for Hook", Brian Hook named before: NER's body is the person
        if body.pos_ == "PROPN" and (mention is None or mention[1] == "PERSON"):
            # "a spokesperson for Twitter", "a spokesman for Paradigm": NER took the body for a person, or a
            # platform's name is no mention of the story; a name the article or the entity table knows as a body
            name = _body_by_name(body, mention_at, person_words)
            if name is not None:
                return name, "ORG"
        # a seat that stands for a government ("a Downing Street spokesperson", which NER calls a place)
        if mention is not None and (mention[1] in ("ORG", "GPE")
                                    or mention[1] in ("LOC", "FAC") and mention[0] in entity_affiliations()):
            # "an Iranian Foreign Ministry spokesman": a ministry NER named without its country, which the phrase
            # gives, named as readers name it ("Iranian Foreign Ministry")
            nation = [affiliation_in([t], specific_only=True) for t in [*core.lefts, *body.lefts]
                      if t.dep_ in ("amod", "compound") and t.ent_type_ in ("NORP", "GPE")
                      and mention_at.get(t.i) != mention]
            named_words = [t for t in body.subtree if mention_at.get(t.i) == mention]
            if mention[1] == "ORG" and nation and nation[0] in NATIONAL_ADJECTIVES \
                    and affiliation_in(named_words, specific_only=True) is None \
                    and mention[0] not in entity_affiliations():
                return f"{NATIONAL_ADJECTIVES[nation[0]]} {mention[0]}", "ORG"
            return mention[0], "ORG"
    return None


def _body_by_name(token: Token, mention_at: dict[int, tuple[str, str]], person_words: set[str]) -> str | None:
    """The name a proper noun and its compounds make, when it names a body: the article names a body with it
    elsewhere ("Paradigm Global Advisors" for "Paradigm"), or the entity table lists it as one word (a company,
    "Twitter"); never a word of a person the article names in full."""
    words = [t for t in token.subtree if t.i <= token.i and (t.i == token.i or t.dep_ == "compound" and t.pos_ == "PROPN")]
    name = " ".join(t.text for t in words)
    if not name[:1].isupper() or any(t.text in person_words for t in words):
        return None
    bodies = {known for known, label in mention_at.values() if label == "ORG"}
    if name in bodies or any(known.startswith(name + " ") for known in bodies) \
            or (" " not in name and name in entity_affiliations()):
        return name
    return None


def _kin_tie(entity: Span) -> str | None:
    """The family tie an article introduces a person by: "his wife, Andrea Gallagher", "Andrea Gallagher, the
    SEAL's wife" (the kinship noun right before the name, or in an apposition right after it)."""
    doc = entity.doc
    before = [t for t in doc[max(0, entity.start - 2):entity.start] if not t.is_punct]
    if before and before[-1].lemma_.lower() in KIN_NOUNS:
        return before[-1].lemma_.lower()
    if entity.end < len(doc) and doc[entity.end].text == ",":
        for token in doc[entity.end + 1:entity.end + 6]:
            if token.is_punct:
                break
            if token.lemma_.lower() in KIN_NOUNS:
                return token.lemma_.lower()
    return None


def _named_relative(core: Token, mention_at: dict[int, tuple[str, str]], *,
                    owner: str | None = None) -> tuple[str, str] | None:
    """ "Gallagher's wife said" where the article named her ("Andrea Gallagher, the SEAL's wife"): the person the
    article introduced by the same family tie to someone of the same surname (``owner``: the person a "his" or
    "her" before the noun stands for)."""
    if core.lemma_.lower() not in KIN_NOUNS:
        return None
    owners = [c for c in core.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    if not owners and not owner:
        return None
    surname = owners[0].lower_.removesuffix("'s").removesuffix("’s") if owners else owner.split()[-1].lower()
    for entity in core.doc.ents:
        name = mention_at.get(entity.start, ("", ""))
        if name[1] == "PERSON" and entity.start < core.i and name[0].lower().split()[-1:] == [surname] \
                and name[0] != owner and _kin_tie(entity) == core.lemma_.lower():
            return name
    return None


def _named_next(core: Token, mention_at: dict[int, tuple[str, str]]) -> str | None:
    """ "Iran's U.N. ambassador tells NPR that ... ¶ However, Majid Takht Ravanchi, speaking to Morning Edition,
    says ...": an unnamed holder of a country's or a body's role whom the next sentence names, as its subject, for
    the first time in the article is that person, the news lead's delayed identification (a role first, the name
    after); not one the entity table places on another side. "A senior official" and "the official" are not
    resolved this way."""
    # "Iran's U.N. ambassador", "the director of the CIA", "the leader of Lebanon's Hezbollah group"
    owned = any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in core.children) or any(
        c.dep_ == "prep" and c.lower_ == "of" and any(t.pos_ == "PROPN" for t in c.subtree) for c in core.children)
    if core.tag_ != "NN" or source_lexicon().get(core.lemma_.lower()) != "anonymous" or not owned:
        return None  # "the official said" takes up one named before, not after
    doc = core.doc
    sentence = core.sent
    if sentence.end >= len(doc):
        return None
    following = doc[sentence.end].sent
    for token in following:
        name, label = mention_at.get(token.i, ("", ""))
        subject = _subject_of(token) if label == "PERSON" and " " in name else None
        if subject is not None and subject.dep_ in SUBJECT_DEPS and subject.head.sent.start == following.start:
            first = min(i for i, m in mention_at.items() if m == (name, label))
            side, known = affiliation_in(list(core.subtree)), entity_affiliations().get(name)
            if first < following.start or side and known and side != known:
                return None  # named before, or on another side ("Iran's top diplomat warned ... Trump said")
            held = {office for office, people in office_holders().items() if name in people}
            office = _office_word(core)
            if held and office in office_holders() and office not in held:
                return None  # "The leader of the Democrats in the House said ... Donald Trump said": a president
            owners = {c.lower_ for c in core.children if c.dep_ == "poss" and c.pos_ == "PROPN"}
            theirs = {t.lower_ for t in subject.subtree if t.dep_ == "poss" and t.pos_ == "PROPN"}
            if theirs and not theirs & owners:
                return None  # "Scott's attorney said ... Gallagher's attorney Tim Parlatore said": another's
            return name
    return None


def _titled_person(core: Token, source: _Source, mention_at: dict[int, tuple[str, str]]) -> str | None:
    """ "Pakistani Ambassador to the U.S. Asad M. Khan said": the parser made the title the head of the phrase
    and the name a prepositional object; the one person the phrase names is the speaker (not a spokesperson's:
    "a spokesman for Schumer" is not Schumer)."""
    if core.lower_.rstrip(".") not in OFFICE_WORDS or core.lower_ in SPOKES_WORDS:
        return None
    inside = [core.doc[i] for i in mention_at if source.start <= core.doc[i].idx < source.end]
    named = {mention_at[t.i][0] for t in inside if mention_at[t.i][1] == "PERSON"}
    # "a former adviser to Biden", "an aide to Trump": the person the role serves, not the one speaking
    named -= {mention_at[t.i][0] for t in inside
              if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.i == core.i
              and t.head.lower_ in ("to", "for", "of", "with")
              # "Ambassador to the U.S. Asad M. Khan": the parser's object holds the country and the name; "an
              # adviser to Iran's supreme leader Ali Khamenei": the object is the titled person the adviser serves
              and (all(mention_at.get(x.i) == mention_at[t.i] for x in t.subtree if x.dep_ != "det" and not x.is_punct)
                   or any(x.lower_ in OFFICE_WORDS for x in t.subtree if x.i != t.i and x.i not in mention_at))}
    # "a Republican senator closely allied with Mitch McConnell": a person in a clause describing the role
    named -= {mention_at[t.i][0] for t in inside if _in_clause_of(t, core)}
    return named.pop() if len(named) == 1 else None


def _in_clause_of(token: Token, head: Token) -> bool:
    """Whether ``token`` sits in a participle or relative clause that modifies ``head``."""
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ in ("acl", "relcl") and token.head.i == head.i:
            return True
        token = token.head
    return False


def _describes_named(noun: Token, mention_at: dict[int, tuple[str, str]], label: str) -> bool:
    """Whether a noun is the title, apposition or description of a named entity with ``label`` ("Jewad Kadum, a
    PMU official", "PMU official Jewad Kadum": PERSON; "the monitoring group NetBlocks": ORG)."""
    return any(mention_at.get(t.i, ("", ""))[1] == label for t in [noun.head, *noun.children])


def _described_person(core: Token, mention_at: dict[int, tuple[str, str]]) -> str | None:
    """ "the LPL analyst" after "LPL Financial senior market strategist Ryan Detrick": a definite description
    whose proper-noun modifiers are in the title or apposition of a person the article named before; "the
    prosecutor" after "Navy prosecutor Cmdr. Jeff Pietrzyk": the role word itself in that title or apposition;
    "Fox host" (a headline's bare description) after "Fox Business host Stuart Varney". The most recent such
    person is the one meant (the definite description refers back to a discourse entity with that description:
    Vieira & Poesio 2000, "An empirically based system for processing definite descriptions")."""
    modifiers = {t.lower_ for t in core.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"}
    determiners = [t.lower_ for t in core.lefts if t.dep_ in ("det", "poss", "nummod")]
    # "Gallagher's attorney": a named possessor makes the role as definite as "the", and must be in the description
    owner = [t for t in core.lefts if t.dep_ == "poss" and t.pos_ == "PROPN" and t.i in mention_at]
    if owner and len(determiners) == 1:
        modifiers |= {owner[0].lower_, core.lower_}
    definite = determiners == ["the"] or bool(modifiers) and (not determiners or bool(owner))  # "the prosecutor", "Fox host"
    # "the crown prince": a title the tagger took for a proper noun, written in lower case
    common = core.pos_ == "NOUN" and core.tag_ == "NN" or core.tag_ == "NNP" and core.is_lower
    if not common or not definite \
            or source_lexicon().get(core.lemma_.lower()) in ("organization", "document", "media"):
        return None  # "the U.S. mission" is a body, whatever person's title said "mission" before
    if not modifiers:
        modifiers = {core.lower_}
    portfolio = _portfolio(core.lefts, core)  # "the defense secretary" is not the secretary of state named before
    seconded = _deputy_office(_office_word(core), core.lefts)
    # "the leader of the PMF" is not "Hezbollah leader Hassan Nasrallah"; "the head of the Iranian Investigative
    # Committee" may be "the head of the committee that oversees aviation accidents"
    body = _owning_body(core, mention_at, generic=True)
    doc = core.doc
    # "Gallagher's attorney" after "defense attorney Tim Parlatore", whose title does not say whose: the one
    # person the article titled with the role, when no title names another's
    roles_only: set[str] = set()
    for i in range(core.left_edge.i - 1, -1, -1):
        token = doc[i]
        if token.lemma_.lower() == core.lemma_.lower() and token.pos_ == "NOUN" and not _describes_named(token, mention_at, "PERSON"):
            return roles_only.pop() if len(roles_only) == 1 else None
        name, label = mention_at.get(i, ("", ""))
        if label != "PERSON" or mention_at.get(i - 1) == (name, label) or " " not in name:
            continue
        # a title right before the name ("LPL Financial senior market strategist Ryan Detrick"), or an apposition
        title = doc[max(doc[i].sent.start, i - 6):i] if i and doc[i - 1].pos_ in ("NOUN", "PROPN") else []
        # NER often takes the title into the name's span ("Crown Prince Mohammed bin Salman")
        span = [t for t in doc[i:i + 8] if mention_at.get(t.i) == (name, label) and t.lower_ not in name.lower().split()]
        # and the role the name is apposed to ("Gallagher's attorney, Tim Parlatore")
        head = doc[i]
        while mention_at.get(head.head.i) == (name, label) and head.head.i != head.i:
            head = head.head
        apposed_to = [t for t in head.head.subtree if t.i < i] if head.dep_ == "appos" and head.head.i < i else []
        words = [*title, *span, *_appositions(doc[i], mention_at), *apposed_to]
        described = {t.lower_ for t in words}
        # "the president" is not the one titled "Vice President", nor "the vice president" a president
        titles = {_office_key(t) for t in words if t.lower_ == core.lower_}
        if (not titles or seconded in titles) and (portfolio is None or _portfolio(words) in (None, portfolio)) \
                and (not body or body & described):
            if modifiers <= described:
                return name
            if owner and mention_at[owner[0].i][1] == "PERSON" and modifiers - {owner[0].lower_} <= described \
                    and not _title_names_another(doc, i, mention_at):
                roles_only.add(name)
    return roles_only.pop() if len(roles_only) == 1 else None


def _title_names_another(doc: Doc, i: int, mention_at: dict[int, tuple[str, str]]) -> bool:
    """Whether the title running up to the name at ``i`` names another person or a possessor ("Trump's attorney
    Rudy Giuliani", "Trump attorney Rudy Giuliani"); a name before a conjunction is not in it."""
    for token in reversed(doc[doc[i].sent.start:i]):
        if token.is_punct or token.dep_ == "cc" or token.pos_ in ("VERB", "AUX", "ADP"):
            return False
        if token.dep_ == "poss" or mention_at.get(token.i, ("", ""))[1] == "PERSON" and mention_at[token.i] != mention_at[i]:
            return True
    return False


EPITHET_ROLES = frozenset({"republican", "democrat", "senator", "congressman", "congresswoman", "governor",
                           "lawmaker", "legislator", "host", "anchor", "candidate", "hopeful", "frontrunner"})
"""Head nouns of the epithets news style uses for a person just named ("the Kentucky Republican" for Mitch
McConnell, "the Minnesota senator" for Amy Klobuchar, "the Fox News host" for Tucker Carlson)."""


LEGISLATOR_WORDS = frozenset({"lawmaker", "legislator", "congressman", "congresswoman"})
LEGISLATOR_TITLES = frozenset({"rep.", "rep", "sen.", "sen", "senator", "representative", "congressman",
                               "congresswoman"})
"""A member of Congress by any of these words before the name: what "the lawmaker" takes up."""

SINGULAR_DETERMINERS = frozenset({"a", "an", "one", "another"})
"""Words that open a phrase naming one unnamed person ("a Republican senator", "one GOP senator")."""


def _epithet_person(core: Token, mention_at: dict[int, tuple[str, str]], quoted: list[bool],
                    earlier: list[Attribution]) -> str | None:
    """The person a definite epithet ("the [proper-noun modifiers] Republican|senator|host ...") refers back to,
    on the side its modifiers name:

    - one the article titled with those words ("Maryland Gov. Larry Hogan" for "the Maryland Republican");
    - else the last named person quoted in the three sentences before ("Rep. Max Rose praised ..., saying ...
      'What we do not need is yet another John Bolton war,' the New York Democrat said");
    - else the person named in the nearest of the two sentences before (or earlier in its own) that names one,
      its main subject first, not one named only inside a clause about someone else ("Amy Klobuchar, who
      sparred with Pete Buttigieg").

    An indefinite role of the same head in those three sentences ("one GOP senator ... the GOP senator") is an
    unnamed source. A salience-and-recency reading of definite descriptions (Vieira & Poesio 2000; Lappin &
    Leass 1994)."""
    modifiers = [t for t in core.lefts if t.dep_ in ("compound", "amod") and t.pos_ == "PROPN"]
    determiners = [t.lower_ for t in core.lefts if t.dep_ in ("det", "poss", "nummod")]
    # "Rep. Liz Cheney (R., Wyo.) will soon introduce ..., the lawmaker told the Free Beacon": a bare "the
    # lawmaker" is the member of Congress the article titled so, and only such a one
    bare = not modifiers and core.lemma_.lower() in LEGISLATOR_WORDS and not any(t.dep_ == "amod" for t in core.lefts)
    if core.lemma_.lower() not in EPITHET_ROLES or core.tag_ in ("NNS", "NNPS") or determiners != ["the"] \
            or not (modifiers or bare) or any(c.dep_ in ("appos", "prep") or c.dep_ in ("relcl", "acl")
                                              and not _set_off_by_comma(core, c) for c in core.children) \
            or any(t.tag_ in ("JJS", "RBS") or mention_at.get(t.i, ("", ""))[1] == "PERSON"
                   for left in core.lefts for t in left.subtree):
        return None  # "the most rabid anti-Trump Democrat": any Democrat, not one named
    doc = core.doc
    side = affiliation_in(modifiers)
    words = {t.lower_ for t in modifiers}
    starts = [core.sent.start]
    for _ in range(3):
        starts.append(doc[starts[-1] - 1].sent.start if starts[-1] else 0)
    first_sentence = starts[2]
    titled, recent = None, []
    for i in range(core.left_edge.i - 1, -1, -1):
        token = doc[i]
        same_role = token.lemma_.lower() == core.lemma_.lower() or bare and token.lemma_.lower() in EPITHET_ROLES
        if i >= starts[3] and same_role and any(
                d.dep_ in ("det", "nummod") and d.lower_ in SINGULAR_DETERMINERS for d in token.lefts) \
                and not _describes_named(token, mention_at, "PERSON"):  # "Larry Hogan, a Republican" is named
            return None
        name, label = mention_at.get(i, ("", ""))
        if label != "PERSON" or mention_at.get(i - 1) == (name, label) or " " not in name or quoted[i] \
                or side is not None and entity_affiliations().get(name, side) != side:
            continue
        title = _title_before(token, mention_at) if bare else doc[max(token.sent.start, i - 6):i]
        title_words = {t.lower_ for t in [*title, *_appositions(token, mention_at)]}
        if titled is None and (title_words & LEGISLATOR_TITLES if bare else words <= title_words):
            titled = name
        about_someone_else = any(a.dep_ in ("relcl", "acl") and mention_at.get(a.head.i, ("", ""))[1] == "PERSON"
                                 for a in token.ancestors)
        if i >= first_sentence and not about_someone_else:
            recent.append((token.sent.start, _main_subject_at(doc, token.idx), i, name))
    speakers = [a.source_canonical for a in earlier if a.source_type == "named_person" and " " in a.source_canonical
                and doc[starts[3]].idx <= a.source_start < core.idx
                and (side is None or a.affiliation in (side, "unknown"))]
    if bare:
        return titled
    if titled or speakers:
        return titled or speakers[-1]
    if not recent:
        return None
    # in the nearest sentence that names someone, its main subject before the others (centering theory's
    # preferred centre, Grosz, Joshi & Weinstein 1995), else the last named
    return max(recent)[3]


OFFICE_SYNONYMS = {"pm": "minister", "premier": "minister", "gen": "general", "sen": "senator", "rep": "representative",
                   "col": "colonel", "lt": "lieutenant", "maj": "major", "capt": "captain", "adm": "admiral",
                   "sgt": "sergeant"}

NOT_ISSUERS = frozenset({"press", "news", "media", "video", "phone", "radio", "television", "tv", "web", "internet",
                         "email", "twitter", "facebook", "linkedin", "instagram", "youtube", "telegram", "court",
                         "intelligence", "status", "policy", "research", "opinion", "exit", "campaign", "act", "law",
                         "bill", "treaty", "amendment"})
"""Words that make a document's kind, not its issuer: "a press release", "a news report", "an intelligence
assessment", "a court filing", "an opinion poll", "a Foreign Agents Registration Act disclosure", "his LinkedIn
profile" (a platform, not its author)."""

RELEASE_VERBS = frozenset({"release", "issue", "publish", "post", "tweet", "file", "send", "put", "sign", "write",
                           "fire", "pen", "circulate", "distribute", "deliver"})


COMPILING_VERBS = frozenset({"keep", "compile", "conduct", "prepare", "produce", "commission", "author", "draft",
                             "do", "perform", "undertake"})
"""Verbs whose agent made a document: "a poll conducted by Gallup", "analysis done by Mark Schneider"."""

CONVERSATIONS = frozenset({"interview", "conversation", "discussion", "talk", "exchange"})
"""Documents whose words are those of the people they were held with: "according to interviews with officials"."""

SERIES_WORDS = frozenset({"one", "another", "second", "third", "fourth", "latest", "later", "new", "follow-up",
                          "subsequent", "further"})
"""Words that make a document one of a series the article has begun ("text messages by Gallagher ... One message
said", "his email ... according to a second email"): it takes up the series' author as a definite one does."""


ENACTING_VERBS = frozenset({"pass", "approve", "adopt", "introduce", "propose", "sponsor", "unveil", "submit"})
"""Verbs whose subject makes a bill, resolution or plan its own: "Parliament passed a bill that calls for ..."."""


def _vote_for(document: Token) -> Token | None:
    """The verb of a vote for or on ``document`` ("lawmakers voted for a resolution", "voted in favor of a bill",
    "parliament will vote on a resolution"), whose subject adopts it (a body's resolution is the one it votes on);
    not a vote against it."""
    token, prepositions = document, []
    while token.dep_ == "pobj" and token.head.dep_ == "prep" and len(prepositions) < 2:
        prepositions.append(token.head.lower_)
        token = token.head.head
        if token.pos_ in ("VERB", "AUX"):
            break
    if token.lemma_.lower() != "vote":
        return None
    in_favor = prepositions == ["of", "in"] and document.head.head.lower_ in ("favor", "favour")
    return token if prepositions in (["for"], ["on"]) or in_favor else None


def _own_author(document: Token) -> Token | None:
    """Who a document's own phrase says issued it: its possessor ("Trump's tweet"), the nearest proper or
    speaking modifier ("a Pentagon report"), the agent of its making ("a tally kept by The Hill") or "from"/"by"
    ("a report by the Assessment Capacities Project")."""
    for child in document.children:
        # the parser sometimes hangs a possessor on a numbered document as a modifier ("The 9-11 Commission's
        # 2004 report"), its "'s" still marking it
        possessor = child.dep_ == "poss" or child.dep_ == "nmod" and any(g.dep_ == "case" for g in child.children)
        if possessor and child.pos_ in ("PROPN", "NOUN") and not _is_time(child):
            return child  # not "Friday's memo"
    # a document's own name ("the Global Humanitarian Response Plan") names no issuer; "Ipsos Poll" does
    titled = document.pos_ == "PROPN" and sum(c.dep_ == "compound" and c.pos_ == "PROPN" for c in document.children) > 1
    for child in sorted(document.children, key=lambda c: -c.i) if not titled else ():  # the nearest names the issuer
        if child.dep_ == "amod" and child.i < document.i and len(child.text) > 1 and child.text.isupper() \
                and child.text.isalpha():
            return child  # "a USAID press release": the tagger took the agency's acronym for an adjective
        if child.dep_ == "amod" and child.i < document.i and source_lexicon().get(child.lower_) == "organization":
            return child  # "an Iranian military statement": the tagger took the body's noun for an adjective
        if child.dep_ == "compound" and (child.pos_ in ("PROPN", "NOUN") or _can_speak(child)) \
                and child.i < document.i \
                and child.ent_type_ not in ("DATE", "TIME", "LAW") and child.lemma_.lower() not in NOT_ISSUERS \
                and (child.text[:1].isupper() or _can_speak(child)):
            return child  # "a coalition statement", "a Pentagon report"; not "a fundraising email"
    for clause in document.children:
        if clause.dep_ == "acl" and clause.lemma_.lower() in RELEASE_VERBS | COMPILING_VERBS:
            agents = _agents(clause)
            if agents:
                return agents[0]  # "a tally kept by The Hill", "a poll conducted by Gallup" (not "seen by Reuters")
        if clause.dep_ == "relcl" and clause.lemma_.lower() in RELEASE_VERBS | COMPILING_VERBS:
            # "a complaint Lotito later filed", "the letter the ministry sent": the one who made it
            makers = [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")
                      and c.lower_ not in RELATIVE_PRONOUNS and _can_speak(c)]
            if makers:
                return makers[0]
    for prep in document.children:
        if prep.dep_ == "prep" and prep.lower_ == "with" and document.lemma_.lower() in CONVERSATIONS:
            people = [o for o in prep.children if o.dep_ == "pobj" and (o.text[:1].isupper() or _can_speak(o))]
            if people:
                return people[0]  # "according to interviews with officials": the officials interviewed
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
            issuers = [o for o in prep.children if o.dep_ == "pobj" and (o.text[:1].isupper() or _can_speak(o))]
            if issuers:
                return issuers[0]
        if prep.dep_ == "prep" and prep.lower_ == "in":
            # "Articles in Breitbart claimed", "a report in The New York Times": the outlet that published it
            outlets = [o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"
                       and _is_media_name(" ".join(t.text for t in o.subtree if t.i <= o.i))]
            if outlets:
                return outlets[0]
    return None


CREDIT_LINE = re.compile(r"[ \t]*\n{0,2}[ \t]*(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}), "
                         r"(?P<outlet>[A-Z][\w.&'’ -]{1,50}?)[ \t]*(?:\n|$)")
"""A credit right after a quotation, on its line or the next: "Kevin Drum, Mother Jones"."""


def _credited_after(text: str, content_end: int, quotations: list[Quotation], mention_at: dict[int, tuple[str, str]],
                    doc: Doc) -> tuple[str, str, str, str] | None:
    """(canonical, type, affiliation, evidence) of the person a quotation is credited to right after it, the
    round-up convention of a pull quote followed by "Name, Outlet" (The Flip Side: "Others argue that “...”
    Kevin Drum, Mother Jones"): "others", "critics", "some" or "one Democratic candidate" who argue are the one
    credited."""
    if not any(q.end == content_end for q in quotations):
        # a pull quote whose inner quotation marks do not pair up (an opening mark inside it, never closed) still
        # ends its paragraph with a closing mark
        paragraph_end = text.find("\n", content_end)
        paragraph = text[text.rfind("\n", 0, content_end) + 1:paragraph_end]
        if paragraph_end <= 0 or paragraph[-1:] not in "”\"" or "“" not in paragraph:
            return None
        content_end = paragraph_end
    credit = CREDIT_LINE.match(text, content_end)
    if credit is None:
        return None
    span = doc.char_span(credit.start("name"), credit.end("name"), alignment_mode="expand")
    names = {mention_at[t.i] for t in span if t.i in mention_at} if span is not None else set()
    if len(names) != 1:
        return None
    (name, label), = names
    if label != "PERSON":
        return None
    affiliation = _outlet_side(credit.group("outlet"))
    return name, "named_person", affiliation, "entity table" if affiliation != "unknown" else "none"


def _outlet_side(outlet: str) -> str:
    """The side the entity table gives an outlet named as written ("Mother Jones", "The Federalist")."""
    return entity_affiliations().get(aliased(normalise_surface(outlet)), "unknown")


PROSECUTION_DOCUMENTS = frozenset({"indictment"})
"""Documents a prosecution issues: their words are the prosecutors'."""


def _prosecution(core: Token, mention_at: dict[int, tuple[str, str]]) -> tuple[str, str, str] | None:
    """(canonical, type, affiliation) of the prosecution whose indictment ``core`` is, when the article names it:
    the Justice Department, or prosecutors (on the side their own phrase, else the department, gives).
    An indictment is the prosecutors' charging document (a grand jury returns it at their request), so "the
    indictment says" reports them, whoever it accuses; when the article names them only after, they still are."""
    doc = core.doc
    department = any(name == "Justice Department" for name, _ in mention_at.values())
    # the last named before it, else the first after ("The file, which the indictment said ..., contained talking
    # points about the company that prosecutors accuse Huawei of using")
    for token in [*reversed(doc[:core.i]), *doc[core.i + 1:]]:
        if mention_at.get(token.i, ("", ""))[0] == "Justice Department":
            return "Justice Department", "organization", "US"
        if token.lemma_.lower() == "prosecutor" and token.pos_ == "NOUN":
            side = affiliation_in(token.subtree, specific_only=True) or ("US" if department else "unknown")
            return f"prosecutor [{side}]", "anonymous", side
    return None


PUBLISHED_PIECES = frozenset({"article", "column", "op-ed", "editorial", "piece", "story", "essay", "commentary"})
"""Words one published piece goes by: "One recent Boston Globe column highlights ... according to the article"."""


def _same_document(token: Token, core: Token) -> bool:
    """Whether ``token`` may be an earlier mention of the document ``core`` names: the same noun, or two words
    for a published piece."""
    earlier, later = token.lemma_.lower(), core.lemma_.lower()
    return earlier == later or earlier in PUBLISHED_PIECES and later in PUBLISHED_PIECES


WRITTEN_IN = frozenset({"in", "on", "as", "of", "via", "through"})
WRITING_VERBS = RELEASE_VERBS | frozenset({"say", "announce", "explain", "argue", "tweet", "state", "declare"})


def _nominal_subjects(verb: Token) -> list[Token]:
    """The ``nsubj`` of ``verb``, else, for a verb conjoined to another with no subject of its own, that verb's:
    "has begun an emergency session and will likely vote", "misstated the date and said"."""
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    return own or [c for c in (verb.head.children if verb.dep_ == "conj" else ()) if c.dep_ == "nsubj"]


def _written_in(document: Token) -> Token | None:
    """The subject of the verb whose words the document holds, when it is reached from that verb through
    prepositions: "Cirincione wrote on Twitter as part of a lengthy thread that explains ...", "he said in a
    statement, which added ..." (a pronoun is resolved by the caller as any pronoun source is); not "responded
    to a letter that said", whose letter is another's."""
    token, steps = document, 0
    while token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.lower_ in WRITTEN_IN and steps < 3:
        token, steps = token.head.head, steps + 1
        if token.pos_ in ("VERB", "AUX"):
            break
    if steps == 0 or token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in WRITING_VERBS:
        return None
    subjects = [c for c in token.children if c.dep_ == "nsubj" and c.lower_ not in SPEAKER_PRONOUNS
                and source_lexicon().get(c.lemma_.lower()) != "document"]
    return subjects[0] if subjects else None


DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


def _definite(noun: Token) -> bool:
    """Whether a noun phrase is a definite description, which takes up an antecedent (Vieira & Poesio 2000)."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in noun.children)


def _document_author(core: Token, mention_at: dict[int, tuple[str, str]]) -> Token | None:
    """Who issued a document that is the grammatical source ("the statement said"): what its own phrase says
    (:func:`_own_author`), the subject of the verb that released it within the three sentences before ("The
    Pentagon released a statement. ... The statement said"), or, for a definite one, the issuer the phrase of its
    last mention there gave ("an Assessment Capacities Project report ... according to the report": a definite
    description takes up its antecedent, Vieira & Poesio 2000)."""
    own = _own_author(core)
    if own is not None:
        return own
    maker = core.head if core.dep_ == "dobj" and core.head.lemma_.lower() in RELEASE_VERBS | ENACTING_VERBS \
        else _vote_for(core)
    if maker is not None:
        # "Paul fired off a fundraising email that labeled ...", "the Senate passed a resolution that demands
        # ...": the one who sent it, in the same clause
        senders = [c for c in maker.children if c.dep_ == "nsubj" and c.lower_ not in PERSONAL_PRONOUNS
                   and source_lexicon().get(c.lemma_.lower()) != "document"]
        if senders:
            return senders[0]
    writer = _written_in(core)
    if writer is not None:
        return writer
    head = core.head.head if core.head.lower_ == "to" else core.head
    if head.lower_ == "according" and head.head.i != head.i:
        # not "At least half of the stake is owned by ..., according to business records": no report of its own;
        # "'...,' Trump says, according to the transcript": the parser hung the phrase on the quotation's verb,
        # and the report of it is the inserted "Trump says" just before
        reports = [head.head] if head.head.lemma_.lower() in cue_lexicon() else [
            c for c in head.head.children
            if c.dep_ == "parataxis" and c.i < head.i and c.lemma_.lower() in cue_lexicon()]
        subjects = [c for r in reports[:1] for c in r.children
                    if c.dep_ in SUBJECT_DEPS and c.lower_ not in PERSONAL_PRONOUNS]
        if subjects:
            return subjects[0]  # "According to a statement, the U.S. military said ...": the clause's own source
    doc = core.doc
    definite = _definite(core) or any(c.dep_ in ("det", "nummod", "amod") and c.lower_ in SERIES_WORDS
                                      for c in core.children)
    sentence_starts = [s.start for s in doc.sents if s.start <= core.i]

    def reach(token: Token) -> int:  # the start of the third sentence before ``token``'s
        starts = [start for start in sentence_starts if start <= token.i]
        return starts[-4] if len(starts) >= 4 else 0

    window_start = reach(core)
    i = core.i
    while i > window_start:
        i -= 1
        token = doc[i]
        if not _same_document(token, core):
            continue
        verb = token.head if token.dep_ in ("dobj", "nsubjpass") \
            and token.head.lemma_.lower() in RELEASE_VERBS | ENACTING_VERBS else _vote_for(token)
        if verb is not None:
            # "Iraqi lawmakers approved a resolution Sunday ... The resolution asks", "Iraq's parliament will vote
            # on a resolution ... The resolution calls for": the body that adopts it, the subject a conjoined verb
            # shares ("has begun an emergency session and will likely vote on a resolution")
            subjects = _nominal_subjects(verb)
            subjects += _agents(verb)
            if subjects and subjects[0].lower_ not in PERSONAL_PRONOUNS:
                return subjects[0]
        if definite and core.lemma_.lower() not in ADVERSARIAL_DOCUMENTS:
            # the last mention is the antecedent, whether or not it names an issuer; only a name is taken over
            # (not "its mission", "state media" that published it, "the inspector general" taken for a person)
            author = _own_author(token)
            if author is None and (_definite(token) or any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_READINGS
                                                             for c in token.children)):
                # "The 9-11 Commission's report ... Its report said ... the report said", "Trump's tweets ... The
                # earlier tweets that Twitter flagged ... Those tweets called": a definite mention takes up one
                # before it, so the chain goes on to the mention that names the issuer, three sentences before it
                window_start = min(window_start, reach(token))
                continue
            named = author is not None and (author.pos_ == "PROPN" or author.i in mention_at or (
                source_lexicon().get(author.lemma_.lower()) == "organization"
                and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in author.children)))
            return author if named else None  # "the administration's report", "a letter sent by the U.S. military"
    return None


def _state_of_document(document: Token) -> Token | None:
    """The nationality word of a document no phrase or mention gives an issuer ("The Iranian report suggested",
    "the Iranian constitution calls on"), when it names one of the story's states: the document is that state's."""
    nations = [c for c in document.children if c.dep_ == "amod" and c.i < document.i and c.ent_type_ == "NORP"
               and affiliation_in([c], specific_only=True) in COUNTRY_NAMES]
    return nations[0] if len(nations) == 1 else None


def _no_one_speaks_through(core: Token, phrase: Span | None) -> bool:
    """Whether a source is a thing no one speaks through: "the coronavirus crisis tells us", "PTSD refers to", "as
    the law called for". Not when its phrase has a person, body, document or pronoun for people in it ("the minutes
    of the meeting", "a disturbing number of them"), nor for a share of people ("twelve percent indicated"), a
    state ("the country said"), a side ("both sides"), a paper, an office ("the ayatollah") or a capitalised name
    the tagger took for a noun ("TAPPER:")."""
    return _mute_thing(core) and core.text[:1].islower() \
        and core.lemma_.lower() not in SHARE_WORDS | STATE_NOUNS | SIDE_NOUNS | PAPER_NOUNS \
        and core.lower_ not in OFFICE_WORDS \
        and not any(not _mute_thing(t) if t.pos_ == "NOUN" else _can_speak(t)
                    for t in phrase or () if t.pos_ in ("NOUN", "PROPN", "PRON"))


def _in_relative_report(token: Token, cue: Token) -> bool:
    """Whether ``token`` is in what someone reports in a relative clause inside the cue's content ("he said,
    adding that he was vice president, drawing a rebuke from Julián Castro, who observed that Biden was content"):
    another speaker's words, whose people say nothing of who "he" is."""
    for ancestor in token.ancestors:
        if ancestor.i == cue.i:
            return False
        if ancestor.dep_ == "relcl" and ancestor.lemma_.lower() in cue_lexicon():
            return True
    return False


def _role_word(core: Token) -> str:
    """The singular of an unnamed source's head noun: "officials" -> official, "Republicans" -> republican
    (spaCy leaves plural proper nouns unlemmatised)."""
    lemma = core.lemma_.lower()
    if lemma not in source_lexicon() and core.lower_ in source_lexicon():
        lemma = core.lower_  # "whistleblower", tagged JJR with the lemma "whistleblow"
    if core.tag_ in ("NNS", "NNPS") and lemma == core.lower_ and lemma.endswith("s") and not lemma.endswith("ss"):
        lemma = lemma[:-1]
    doc = core.doc
    if core.i >= 2 and doc[core.i - 1].text == "-" and not doc[core.i - 2].whitespace_ and doc[core.i - 2].head == core:
        return f"{doc[core.i - 2].lower_}-{lemma}"  # "hard-liners": the tokenizer split the hyphenated word
    return lemma


RANK_MODIFIERS = frozenset({"deputy", "assistant", "vice", "acting", "associate", "lieutenant"})
"""Words that make another office of a role: a deputy director is not the director."""


def _role(core: Token) -> str:
    """An unnamed source's role: its head noun in the singular with the words that change the office ("deputy
    director", "assistant secretary")."""
    modifiers = [t.lower_ for t in core.lefts if t.dep_ in ("amod", "compound") and t.lower_ in RANK_MODIFIERS]
    word = _role_word(core)
    return " ".join([*modifiers, TRIAL_PARTIES.get(word, SINGULAR_ROLES.get(word, word))])


TRIAL_PARTIES = {"defense": "defense lawyer", "defence": "defence lawyer", "prosecution": "prosecutor"}
"""A side of a trial speaks through its lawyers: "the defense said" reports the defense lawyers, "the prosecution
argued" the prosecutors."""
SINGULAR_ROLES = {"people": "person", "datum": "data"}
"""Plurals with another word for one of them: "people familiar with the talks" are each a person, as the role's
head noun in the singular says; "data" is a mass noun, not spaCy's lemma "datum"."""


def _plural_name(token: Token) -> bool:
    """ "the SEALs", "Kurds", "Democrats": a capitalised plural names people of a kind, not one body (a name with
    capitals inside, "RealClearPolitics", is one)."""
    stem = token.text[:-1]
    return token.tag_ in ("NNS", "NNPS") and token.lower_.endswith("s") and stem[:1].isupper() \
        and (stem.isupper() or stem[1:].islower())


PARTY_MEMBERS = {"democrats": "Democrats", "republicans": "Republicans"}
"""The plurals of the US parties' members, and the party's name as readers write it."""
PARTY_CHAMBERS = frozenset({"congressional", "house", "senate"})


def _party_as_body(core: Token) -> bool:
    """ "Democrats said", "The Republicans argued", "congressional Democrats, who ...": the members of a US party
    with nothing that picks some of them out are the party speaking as a body, as readers take them (the judges
    of the hand-checked samples named the party in 18 of the 24 such rows they read); "some (of the) Democrats",
    "two Republicans", "Georgia Republicans", "Democrats who won in Trump country" are some of its members,
    unnamed people. A bare plural's generic reading (Carlson 1977), held to the group a reader can name."""
    if core.lower_ not in PARTY_MEMBERS or core.tag_ not in ("NNS", "NNPS") or not core.text[:1].isupper() \
            or core.dep_ in ("pobj", "conj") or any(t.lemma_.lower() in POLL_WORDS for t in core.sent):
        return False  # "some of the Democrats"; "Democrats and Republicans alike"; a poll's Republicans
    for left in core.lefts:
        if not (left.dep_ == "det" and left.lower_ == "the" or left.dep_ == "punct"
                or left.dep_ in ("amod", "compound") and left.lower_ in PARTY_CHAMBERS):
            return False
    for right in core.rights:
        if right.dep_ in ("conj", "cc", "amod", "nummod") \
                or right.dep_ == "prep" and not (right.lower_ == "in" and any(
                    o.lower_ in PARTY_CHAMBERS | {"congress"} for o in right.children if o.dep_ == "pobj")) \
                or right.dep_ in ("relcl", "acl") and not _set_off_by_comma(core, right):
            return False  # a clause without a comma picks members out; one after a comma adds to the whole party
    return True


POLL_WORDS = frozenset({"poll", "survey", "percent", "%", "respondent", "voter"})
"""Words of a poll: its "Republicans" are the respondents who vote Republican, not the party."""


def _set_off_by_comma(head: Token, modifier: Token) -> bool:
    """Whether a comma parts a relative clause or participle from the noun before it: a non-restrictive
    modifier, which adds to the noun instead of picking some of it out (Quirk et al. 1985, ch. 17)."""
    words = [t.i for t in modifier.subtree if not t.is_punct]
    return modifier.i > head.i and bool(words) and any(t.text == "," for t in head.doc[head.i + 1:min(words)])


def _proper_name(core: Token) -> tuple[str, str] | None:
    """A proper noun NER left unlabelled ("Aramco said", "RealClearPolitics"), with its proper-noun modifiers: a
    person when it starts with a first name of ``data/first_names.csv`` or, two or three names in title case,
    has an apposition whose head is a noun for people; else a body (never a lower-cased role)."""
    lexicon = source_lexicon()
    if not core.text[:1].isupper() or _plural_name(core) \
            or lexicon.get(core.lemma_.lower(), "media") != "media" or lexicon.get(core.lower_, "media") != "media":
        return None  # a role word ("Officials"), not a name; an outlet's name ("Newsweek") is kept as written
    if core.pos_ != "PROPN" and (core.pos_ != "NOUN" or core.i == core.sent.start or core.text.isupper()):
        return None  # a capitalised noun inside a sentence is a name the tagger missed ("RealClearPolitics average")
    words = [t for t in core.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i >= core.i - 3] + [core]
    # no name spans a line break ("Dominique Soguel" ending a byline, "Saadu" opening the next paragraph)
    breaks = [k for k, t in enumerate(words[:-1]) if "\n" in t.whitespace_ or "\n" in core.doc[t.i + 1].text]
    words = words[breaks[-1] + 1:] if breaks else words
    name = " ".join(t.text for t in words)
    if len(words) > 1 and words[0].lower_ in first_name_genders():
        return name, "PERSON"
    if 2 <= len(words) <= 3 and all(t.text[1:].islower() for t in words) and _described_as_person(core):
        return name, "PERSON"  # "Agnes Callamard, UN Special Rapporteur on ..."
    return name, "ORG"


def _body_in_lower_case(core: Token) -> tuple[str, str] | None:
    """A body written in lower case, as The Guardian writes them ("the state department insisted"), which NER
    does not tag: the alias table's entity for the noun and its compounds."""
    if core.pos_ != "NOUN" or core.tag_ != "NN":
        return None
    words = [t for t in core.lefts if t.dep_ == "compound" and t.i >= core.i - 3] + [core]
    if len(words) < 2:
        return None
    entity = alias_table().get(canonical_key(" ".join(t.text for t in words)))
    return (entity, "ORG") if entity else None


def _handle_owner(core: Token) -> tuple[str, str] | None:
    """The person or body behind a Twitter handle the alias table knows ("@realDonaldTrump"), or a person's
    handle written as their name in camel case, from a known first name ("@DavidMuir": David Muir)."""
    handle = core.text.lstrip(".")
    if not handle.startswith("@"):
        return None
    owner = alias_table().get(canonical_key(handle))
    if not owner:
        words = re.findall(r"[A-Z][a-z]+", handle[1:])
        if 2 <= len(words) <= 3 and "".join(words) == handle[1:] and words[0].lower() in first_name_genders():
            return " ".join(words), "PERSON"
        return None
    return owner, "PERSON" if owner.split()[0].lower() in first_name_genders() else "ORG"


MEDIA_ANAPHORS = frozenset({"network", "broadcaster", "channel", "newspaper", "paper", "station", "outlet"})
MEDIA_TITLES = MEDIA_ANAPHORS | {"publication", "magazine", "journal", "website", "tabloid"}
"""Words that title an outlet's name: "defense publication IHS Jane's"."""
STATE_MEDIA_HEADS = frozenset({"television", "tv", "media", "radio", "broadcaster", "agency", "news"})


def _state_media(token: Token) -> bool:
    """ "state TV", "state-run television", "Iranian state media", "the state news agency" ("state-run" may be
    three tokens, "state" a modifier of "run")."""
    if token.lower_ not in STATE_MEDIA_HEADS and token.lemma_.lower() not in STATE_MEDIA_HEADS:
        return False
    return any(t.lower_ in ("state", "state-run", "state-owned", "government-run") for t in token.lefts) or any(
        t.lower_ == "state" and modifier.lower_ in ("run", "owned", "controlled")
        for modifier in token.lefts for t in modifier.lefts)


def _state_media_side(doc: Doc) -> str | None:
    """The side of "state TV" an article does not place: the country other than the United States the article
    names most (places and peoples), as long as it names one clearly more than any other. Outlets the US state
    runs are not called "state TV" in American reporting."""
    sides = Counter(affiliation_in(e) for e in doc.ents if e.label_ in ("GPE", "NORP"))
    sides.pop(None, None)
    sides.pop("US", None)
    ranked = sides.most_common(2)
    if not ranked or len(ranked) == 2 and ranked[1][1] * 2 > ranked[0][1]:
        return None
    return ranked[0][0]


def _media_antecedent(core: Token, mention_at: dict[int, tuple[str, str]]) -> Token | None:
    """ "the network said" after "a program aired by state television": the outlet the article last named (an
    outlet's name or state media) before a bare "the network", "the newspaper", "the broadcaster"; and "the
    company said", "the electric-vehicle maker reported": the company the article last named (an organisation
    that is not an outlet), the definite description's antecedent (the recency preference of Hobbs 1978)."""
    lemma = core.lemma_.lower()
    if not any(t.dep_ == "det" and t.lower_ == "the" for t in core.lefts):
        return None
    if lemma in COMPANY_ANAPHORS | GROUP_ANAPHORS and all(t.dep_ in ("det", "amod", "compound", "punct")
                                                          for t in core.lefts) and core.i not in mention_at:
        for token in reversed(core.doc[max(0, core.i - 200):core.i]):
            if token.lemma_.lower() == lemma and token.pos_ == "NOUN" and token.i not in mention_at \
                    and not any(t.dep_ == "det" and t.lower_ == "the" for t in token.lefts) \
                    and not _describes_named(token, mention_at, "ORG"):
                return None  # "a group of protesters ... the group said": the unnamed group introduced
            mention = mention_at.get(token.i)
            if mention is not None and mention[1] == "ORG" and not _is_media_name(mention[0]):
                return token
        return None
    if lemma not in MEDIA_ANAPHORS or [t for t in core.lefts if t.dep_ != "det"]:
        return None
    for token in reversed(core.doc[max(0, core.i - 400):core.i]):
        mention = mention_at.get(token.i)
        if mention is not None and mention[1] in ("ORG", "PERSON", "NORP") and (
                _is_media_name(mention[0]) or _is_media_name(token.doc[token.left_edge.i:token.i + 1].text)):
            return token  # NER takes "The Federalist" for a group of people
        if mention is None and _state_media(token):
            return token
    return None


GROUP_ANAPHORS = frozenset({"group", "organization", "organisation", "militia"})
"""Definite descriptions of a named body: "The internet-monitoring group NetBlocks ... The group said",
"Islamic State ... the group has claimed"."""


COMPANY_ANAPHORS = frozenset({"company", "firm", "maker", "manufacturer", "automaker", "carmaker", "airline",
                              "carrier", "retailer", "giant", "producer", "insurer", "lender", "bank", "contractor",
                              "conglomerate", "startup", "operator", "shipper", "supplier"})


MEMBER_WORDS = frozenset({"rebel", "militant", "fighter", "insurgent", "jihadist"})


def _group_by_member_word(core: Token) -> tuple[str, str] | None:
    """ "Islamic State militants claimed", "The Houthi rebels claimed": fighters named by their group, which the
    readers name as the group; a nationality ("Syrian rebels", "Kurdish fighters") names no group."""
    if core.lemma_.lower() not in MEMBER_WORDS or core.tag_ != "NNS":
        return None
    words = [t for t in core.subtree if t.i < core.i and t.dep_ in ("compound", "amod") and t.text[:1].isupper()]
    name = aliased(" ".join(t.text for t in words)) if words else ""
    return (name, "ORG") if name in entity_affiliations() else None


def _company_by_compound(core: Token, mention_at: dict[int, tuple[str, str]]) -> tuple[str, str] | None:
    """ "Germany's Lufthansa airline said": a company word whose compound NER named a body is that body."""
    if core.lemma_.lower() not in COMPANY_ANAPHORS or core.i in mention_at:
        return None
    named = [mention_at[c.i] for c in core.children
             if c.dep_ == "compound" and mention_at.get(c.i, ("", ""))[1] == "ORG"]
    return named[-1] if named else None


def _writes_for_outlet(core: Token, cue: Token, mention_at: dict[int, tuple[str, str]]) -> str | None:
    """The outlet a sentence places a named person at as its writer, or None: "The Federalist's Mollie Hemingway",
    "reported by Mollie Hemingway at The Federalist", "as X and Y point out over at In These Times", "X reported
    for Vox". The protocol types a journalist's report by the outlet (``media``); a host or a guest interviewed
    is not placed this way and stays a person."""
    def outlet(token: Token) -> str | None:
        if not token.text[:1].isupper():
            return None  # "minister of state for foreign affairs" is no magazine
        name = mention_at.get(token.i, ("", ""))[0] or token.text
        phrase = token.doc[token.left_edge.i:token.i + 1].text
        media = _is_media_name(name) or _is_media_name(phrase) or source_lexicon().get(token.lower_) == "media"
        return name if media else None

    named = [c for c in core.children if c.dep_ in ("poss", "compound")]  # "The Federalist's Mollie Hemingway"
    places = [p for h in (core, cue) for c in h.children for p in ([c] + [g for g in c.children if g.dep_ == "prep"])
              if p.dep_ == "prep" and p.lower_ in ("at", "for")]
    named += [o for place in places for o in place.children if o.dep_ == "pobj"]  # "at The Federalist"
    found = next((name for name in map(outlet, named) if name), None)
    if found:
        return found
    # "point out over at In These Times": the parser leaves "at" without its object
    after = cue.doc[cue.i + 1:min(cue.i + 10, cue.sent.end)]
    at = next((t for t in after if t.lower_ in ("at", "for") and not any(c.dep_ == "pobj" for c in t.children)), None)
    if at is None or any(t.dep_ not in ("prt", "advmod") for t in cue.doc[cue.i + 1:at.i]):
        return None
    name = []
    for token in cue.doc[at.i + 1:cue.sent.end]:
        if token.is_punct:
            break
        name.append(token.text)
    phrase = " ".join(name)
    return phrase if name and name[0][:1].isupper() and _is_media_name(phrase) else None


AGENCY_SUFFIX = re.compile(r"\s+(?:news\s+)?agency$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _entities_by_key() -> dict[str, str]:
    return {canonical_key(name): name for name in entity_affiliations()}


def _known_agency(name: str) -> str:
    """ "ISNA news agency", "Irna news agency": the agency by the name the entity table knows (ISNA, IRNA)."""
    if name in entity_affiliations() or not AGENCY_SUFFIX.search(name):
        return name
    return _entities_by_key().get(canonical_key(AGENCY_SUFFIX.sub("", name)), name)


def _media_name(core: Token, affiliation: str) -> str:
    """An outlet the article does not name: state media by their country's adjective, as readers name them
    ("Iranian state TV", "Turkish state media"; samples 3, 5 and 28), television and TV one name; placed on
    another country's side with no adjective to name it by, ``state TV [other]``; any other outlet by its words
    ("the network" stays "network")."""
    if _state_media(core):
        head = "TV" if core.lemma_.lower() in ("television", "tv") else core.lower_ if core.lower_ == "media" \
            else core.lemma_.lower()
        if affiliation in NATIONAL_ADJECTIVES:
            return f"{NATIONAL_ADJECTIVES[affiliation]} state {head}"
        adjectives = [t.text for t in core.lefts if t.tag_ == "JJ" and t.ent_type_ == "NORP"
                      and affiliation_in([t], specific_only=True) == affiliation != "unknown"]
        return f"{adjectives[0]} state {head}" if adjectives else f"state {head} [{affiliation}]"
    nations = [(t, affiliation_in([t], specific_only=True)) for t in core.lefts
               if t.dep_ in ("amod", "compound") and t.i == core.i - 1]
    nations = [(t, side) for t, side in nations if side not in (None, "unknown")]
    if nations and core.lower_ in NATIONAL_MEDIA_HEADS:
        # "Iranian television reported", "the British press": a country's outlets by its adjective, as readers
        # name them ("Iranian television")
        nation, side = nations[0]
        adjective = NATIONAL_ADJECTIVES.get(side, nation.text)
        return f"{adjective} {'TV' if core.lower_ == 'tv' else core.lower_}"
    return canonical_key(core.text)


NATIONAL_MEDIA_HEADS = frozenset({"television", "tv", "media", "press", "radio"})


def _named_body(core: Token, mention_at: dict[int, tuple[str, str]]) -> str | None:
    """ "the administration" -> the administration the article names ("Trump administration"), the most named;
    another body's bare head ("the Commission") -> the body last named with it."""
    word = core.lemma_.lower()
    if word not in NAMED_BODY_HEADS and source_lexicon().get(word) == "organization" \
            and mention_at.get(core.i, ("", ""))[0].lower() in ("", word) \
            and core.tag_ in ("NN", "NNP") and [c.lower_ for c in core.children if c.dep_ != "punct"] == ["the"]:
        # "the Federal Election Commission clarified ... Weeks later, the Commission announced": the body last
        # named with that head (definite description resolution by the head noun, Vieira & Poesio 2000)
        named = [name for i, (name, label) in sorted(mention_at.items()) if label == "ORG" and i < core.i
                 and canonical_key(name).endswith(" " + word)]
        return named[-1] if named else None
    if word not in NAMED_BODY_HEADS or core.i in mention_at:
        return None
    for child in core.children:
        name, label = mention_at.get(child.i, ("", ""))
        if affiliation_in([child]) is not None:
            continue  # "the U.S. administration": the one the article names most ("Trump administration")
        if child.dep_ in ("poss", "compound", "nmod") and canonical_key(name).endswith(" " + word):
            return name  # "the Trump administration": its own name
    if _person_possessor(core, mention_at):
        return None  # "George W. Bush's administration", "the administration of President Barack Obama": his
    named = Counter(name for name, label in mention_at.values()
                    if label in ("ORG", "PERSON") and canonical_key(name).endswith(" " + word))
    return named.most_common(1)[0][0] if named else None


NAMED_BODY_HEADS = frozenset({"administration", "campaign"})
NAMED_SOURCE_TYPES = frozenset({"named_person", "organization", "media"})
"""The source types whose canonical name is the mention's own (a person, a body, an outlet)."""
STATE_NOUNS = frozenset({"country", "nation", "state"})
"""Nouns for a state, which speaks through its government ("the country said", "a Gulf state warned")."""
SIDE_NOUNS = frozenset({"side", "camp"})
"""Nouns for a party to a dispute ("both sides claimed"), which speaks though no one in it is named; not in the
source lexicon, because a side is no antecedent for a later "it" or "they" (North Korea's "it" is not "one side")."""
PAPER_NOUNS = frozenset({"paper"})
"""A newspaper or a study, either of which speaks; not a document of the source lexicon, whose issuer search took
"the paper" (Delaware's News Journal) for the bank its story was about."""
SHARE_WORDS = frozenset({"percent", "%", "percentage", "share", "proportion", "fraction", "third", "quarter"})
QUANTIFIERS = frozenset({"some", "many", "much", "most", "several", "few", "other", "others", "another", "all", "both",
                         "one", "two",
                         "lot", "lots", "handful", "couple", "plenty", "bunch",
                         "three", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million",
                         "millions", "scores", "half", "majority", "number", "none", "each"})


PAIR_WORDS = frozenset({"pair", "two", "duo", "trio", "three"})
"""Nouns a definite article makes an anaphor of the people just named together: "the pair", "the two"."""
COLLECTIVE_NOUNS = frozenset({"group", "team", "delegation", "panel", "crowd", "contingent", "band", "gaggle"})
"""Nouns of a gathering of people that "of" names: "a group of Iranian lawmakers" are lawmakers, "a panel of
experts" experts."""
BARE_GROUP_WORDS = frozenset({"many", "some", "most", "several", "few", "others"})
"""Not "both" or "all", which float after their noun ("candidates, who both condemned ...")."""


def _quantified(core: Token) -> Token:
    """ "some of the SEALs", "many of the protesters", "57 percent of CNN viewers": the group the quantifier or
    the share picks from; "the official close to Iran's decision making", where the parser made the adjective
    the head: the noun before it ("current and former officials": the noun conjoined after it)."""
    nouns = [c for c in core.lefts if c.dep_ == "amod" and c.lemma_.lower() in source_lexicon()] \
        if core.pos_ == "ADJ" and core.lemma_.lower() not in QUANTIFIERS else []
    if nouns:
        return nouns[-1]
    if core.pos_ == "ADJ" and core.lemma_.lower() not in QUANTIFIERS:
        # "Current and former officials familiar with the matter say": the parser made the first adjective the
        # head and the noun its conjunct
        conjoined = [c for c in core.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
        if conjoined:
            return conjoined[0]
    if core.lower_ in ("another", "one") and not any(c.dep_ not in ("punct", "det") for c in core.children):
        # "'She's bleeding!' one person shouts. Another shouts: ...": the noun it leaves out, the last one of the
        # lexicon in its sentence or the one before
        before = core.doc[_sentence_before_start(core):core.i]
        elided = [t for t in before if t.pos_ == "NOUN" and t.tag_ == "NN" and t.lemma_.lower() in source_lexicon()]
        if elided:
            return elided[-1]
    cited = core.dep_ == "pobj" and core.head.lower_ == "to" and core.head.head.lower_ == "according"
    if (core.like_num and core.lower_ != "one" or core.lower_ == "both") and (core.dep_ in SUBJECT_DEPS or cited) \
            and not any(c.dep_ not in ("punct", "advmod", "acl", "relcl") for c in core.children):
        # "Democrats would need to flip four Republican senators. So far, three have said ...": a bare number is
        # the plural noun it leaves out (noun-phrase ellipsis), one of the lexicon's people in its sentence or the
        # one before: a counted one first (the set the number takes its part of), then a main clause's subject
        # ("British officials often say that some European allies ... '...,' two told me" are officials), else
        # the last; so too "according to two reached by a messaging app" after "U.S. diplomats and staffers"
        before = core.doc[_sentence_before_start(core):core.i]
        elided = [t for t in before if t.pos_ in ("NOUN", "PROPN") and t.tag_ in ("NNS", "NNPS")
                  and source_lexicon().get(_role_word(t)) == "anonymous"]
        counted = [t for t in before if t.tag_ in ("NNS", "NNPS") and any(c.dep_ == "nummod" for c in t.children)]
        subjects = [t for t in elided if t.dep_ in SUBJECT_DEPS and _in_main_clause(t)]
        if counted and counted[-1] not in elided:
            return core  # "They looked at 33 news outlets; 32 quoted ...": things counted, no people
        if elided:
            return (counted or subjects or elided)[-1]
    if core.lemma_.lower() in COLLECTIVE_NOUNS:
        # "a group of Iranian lawmakers said": the people it gathers speak (not "the group said", a body)
        members = [o for prep in core.children if prep.dep_ == "prep" and prep.lower_ == "of" for o in prep.children
                   if o.dep_ == "pobj" and o.tag_ in ("NNS", "NNPS")
                   and source_lexicon().get(_role_word(o)) == "anonymous"]
        if members:
            return members[0]
    if core.lemma_.lower() not in QUANTIFIERS | SHARE_WORDS and not core.like_num:
        return core
    if core.lower_ in BARE_GROUP_WORDS:
        # "Others, including Sen. Dianne Feinstein, have suggested ...", "Others, like Brookings's Maloney, have
        # said ...": the person named as one of them said it
        # "Some, like Sen. Bernie Sanders, say" (the parser hangs "like" on the verb), "some — like Sanders's
        # foreign policy adviser Matthew Duss — say" (the name apposed to a role)
        preps = [*core.children, *(c for c in core.head.children if core.i < c.i < core.head.i)]
        examples = [a for prep in preps if prep.dep_ == "prep" and prep.lower_ in ("including", "like")
                    for o in prep.children if o.dep_ == "pobj"
                    for a in [o, *(c for c in o.children if c.dep_ == "appos")] if a.ent_type_ == "PERSON"]
        if examples:
            return examples[0]
    for prep in core.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objects = [o for o in prep.children if o.dep_ == "pobj" and (
                o.pos_ in ("NOUN", "PROPN") or o.lower_ in PLURAL_DEMONSTRATIVES)]  # "half of those surveyed"
            if objects:
                return objects[0]
            if any(o.dep_ == "pobj" and o.lower_ in ("whom", "which") for o in prep.children):
                clause = core.head
                while clause.dep_ == "conj" and clause.head.i != clause.i:
                    clause = clause.head
                if clause.dep_ == "relcl":
                    return clause.head  # "the media, many of whom have been speculating": the media
    if core.lemma_.lower() in SHARE_WORDS or core.like_num and any(c.lower_ == "in" for c in core.children):
        # "That's well ahead of Sanders and Warren, who 47% said they trust", "Just 1 in 10 said": a share with no
        # group of its own is of the people the poll asked, named last in its sentence or the one before as a
        # share's group ("56 percent of Democrats") or a subject ("Americans by 55%-24% said")
        before = core.doc[_sentence_before_start(core):core.i]
        asked = [t for t in before if t.tag_ in ("NNS", "NNPS") and t.lemma_.lower() not in QUANTIFIERS
                 and (source_lexicon().get(_role_word(t)) == "anonymous" or t.ent_type_ == "NORP")
                 and (t.dep_ in SUBJECT_DEPS or t.dep_ == "pobj" and t.head.lower_ == "of" and (
                     t.head.head.lemma_.lower() in SHARE_WORDS or t.head.head.like_num))]
        if asked:
            return asked[-1]
    return core


def _person_possessor(core: Token, mention_at: dict[int, tuple[str, str]]) -> str | None:
    """The person a body belongs to: "Netanyahu's office", "the Sanders campaign", "the administration of
    President Barack Obama"."""
    owners = [c for c in core.children if c.dep_ in ("poss", "compound", "nmod")]
    owners += [o for c in core.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    for child in owners:
        if mention_at.get(child.i, ("", ""))[1] == "PERSON":
            return mention_at[child.i][0]
    return None


NATIONAL_ADJECTIVES = {"US": "US", "Iran": "Iranian", "Iraq": "Iraqi"}
CONTEXT_NAMED_BODIES = frozenset({"military", "army", "government"})
"""A country's own bodies, which readers name by the country the article places them in: "The military said"
in a story about Iran's armed forces is the "Iranian military" (samples 20 and 27), not an unnamed role."""


def _national_body(core: Token, affiliation: str) -> str | None:
    """An unnamed body the phrase places by a nationality word is named as readers name it: "the U.S. military"
    -> "US military", "Iran's foreign ministry" -> "Iranian foreign ministry", "the Russian military", "the
    U.S.-led coalition" -> "US-led coalition". A body placed only by the article's context is named so when it
    is a country's own (:data:`CONTEXT_NAMED_BODIES`), or is "the coalition" on the US side (the US-led one);
    other bodies keep ``role [side]``."""
    words = [t for t in core.lefts if t.dep_ in ("amod", "compound", "poss", "nmod") and t.i >= core.i - 4]
    if affiliation == "unknown":
        return None
    if core.lower_ == "government" and affiliation in COUNTRY_NAMES and not any(
            t.dep_ == "poss" and t.pos_ == "PROPN" and affiliation_in([t]) is None for t in core.lefts) \
            and any(affiliation_in([t], specific_only=True) == affiliation for t in words):
        # "the Iranian government said": a government by its country's usual name, as the protocol's readers
        # write it ("Iran"), and as "the U.S. government" already is
        return COUNTRY_NAMES[affiliation]
    if not words and core.tag_ in ("NN", "JJ"):  # "JJ": "an Iranian military statement", the body's noun as a modifier
        if core.lower_ in CONTEXT_NAMED_BODIES and affiliation in NATIONAL_ADJECTIVES:
            return f"{NATIONAL_ADJECTIVES[affiliation]} {core.lower_}"
        if core.lower_ == "coalition" and affiliation == "US":
            return "US-led coalition"
    if _led_by(core, affiliation):  # readers write the side's short name: "the U.S.-led coalition" is "US-led"
        return f"{affiliation}-led {core.lower_}"
    nation = [t for t in words if affiliation_in([t], specific_only=True) == affiliation]  # not "a liberal group"
    if not nation:
        return None
    # the country's word before a people of several countries ("Syrian Kurdish forces"), else the last
    lead = nation[-1] if (nation[-1].lower_,) not in SHARED_PEOPLES \
        else next((t for t in reversed(nation) if (t.lower_,) not in SHARED_PEOPLES), nation[-1])
    rest = [t.lower_ for t in words if t.i > lead.i and t.pos_ in ("ADJ", "NOUN", "PROPN")]
    # a named body keeps its name ("the Pentagon press office" is not the "US press office")
    # and a people of several countries keeps its own word ("Kurdish forces" are no "Iraqi forces")
    adjective = lead.text if lead.ent_type_ in ("ORG", "FAC") or (lead.lower_,) in SHARED_PEOPLES \
        else NATIONAL_ADJECTIVES.get(affiliation, lead.text)
    plural_name = core.tag_ == "NNS" and core.lower_ not in PLURAL_BODY_NAMES
    return " ".join([adjective, *rest, _role_word(core) if plural_name else core.lower_])


def _led_by(core: Token, affiliation: str) -> bool:
    """Whether the words before a body say it is led by the side's country: "the U.S.-led coalition", "the
    US-led military coalition" (one token or three)."""
    doc = core.doc
    names = COUNTRY_WORDS.get(affiliation, frozenset())  # "Kurdish-led forces" are not "Iraq-led"
    for token in doc[max(core.left_edge.i, core.i - 5):core.i]:
        if token.lower_.endswith("-led") and token.lower_[:-len("-led")] in names:
            return True
        if token.lower_ == "led" and token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in names:
            return True
    return False


COUNTRY_WORDS = {"US": frozenset({"us", "u.s.", "u.s", "america", "american"}), "Iran": frozenset({"iran", "iranian"}),
                 "Iraq": frozenset({"iraq", "iraqi"})}
"""The words that name a side's country itself, not a people or a region inside it."""


PLURAL_BODY_NAMES = frozenset({"forces", "authorities"})
"""Bodies whose name is plural: "Iraqi forces", "Iranian authorities" (not "Iraqi force")."""


def _canonical_name(core: Token, mention: tuple[str, str] | None, source_type: str, affiliation: str,
                    mention_at: dict[int, tuple[str, str]] | None = None) -> str:
    if mention is not None and source_type in NAMED_SOURCE_TYPES:
        return mention[0]
    owner = _person_possessor(core, mention_at or {})
    if owner and source_type == "organization" and core.lower_ in NAMED_BODY_HEADS:
        # as readers and NER name them: "the Obama administration", "the Trump campaign"
        return f"{owner.split()[-1]} {core.lower_}"
    if owner and source_type == "organization" and core.lower_ not in SPOKES_WORDS:
        # "Israeli Prime Minister Benjamin Netanyahu's office"; a person's spokesman stays a spokesman, as "a
        # spokesman for Schumer" does (:func:`_spoken_for`)
        return f"{owner}'s {_role_word(core)}"
    if source_type == "organization" and _party_as_body(core):
        return PARTY_MEMBERS[core.lower_]
    if source_type == "organization" and core.lower_ not in SPOKES_WORDS:
        named = _national_body(core, affiliation)
        if named:
            return named
    those = core.lower_ in PLURAL_DEMONSTRATIVES and core.pos_ in ("PRON", "DET")
    if source_type == "anonymous" and those \
            and any(c.dep_ == "acl" and c.lemma_.lower() in POLLING_VERBS for c in core.children):
        return f"respondent [{affiliation}]"  # "those polled", "those surveyed": a poll's respondents
    if source_type == "anonymous" and (those or core.lower_ in BARE_GROUP_WORDS | INDEFINITE_PRONOUNS | {"another"}):
        # "Some say", "Others warned", "Someone off-camera says", "Those who knew him said" with no group named
        # before: people the article neither names nor classes, whom the protocol's readers write as `person`,
        # never as the quantifier or the pronoun
        return f"person [{affiliation}]"
    if source_type in ("anonymous", "organization"):
        return f"{_role(core)} [{affiliation}]"
    if source_type == "media":
        return _media_name(core, affiliation)
    if core.pos_ == "NOUN" and core.text.replace("-", "").isalpha():
        # "reports say", "according to a summary": an unnamed thing in the form an unnamed person takes, so that
        # "report" and "reports" are one source
        return f"{_role(core)} [{affiliation}]"
    return canonical_key(core.text)


# --- the extractor ------------------------------------------------------------------------------

class _Draft(NamedTuple):
    cue_token: Token
    cue: str
    cue_kind: str
    cue_start: int
    cue_end: int
    subject: Token
    content: tuple[int, int]
    channel: str
    subject_span: tuple[int, int] | None = None
    factuality: str = "asserted"


NEGATING_HEADS = frozenset({"decline", "refuse", "fail", "stop", "cease", "neglect", "forget", "omit", "struggle"})
DIRECTIVE_VERBS = frozenset({"recommend", "urge", "demand", "insist", "ask", "suggest", "propose", "require",
                             "request", "order", "advise"})
"""Verbs whose "that" clause in the bare (subjunctive) form says what should happen, not what was said: "SAGE
recommended that the UK reject a lockdown", "they demanded that he resign"."""
NOT_YET_HEADS = frozenset({"plan", "intend", "want", "hope", "aim", "seek", "prepare", "try", "expect", "need", "have"})
"""Heads of an infinitive report not made yet: "plans to ask", "wants to say", "needs to explain", "has to report"
(an obligation)."""
NO_ONE = frozenset({"nobody", "none", "no one", "neither"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "can"})
FUTURE_AUX = frozenset({"will", "would", "'ll", "’ll", "shall"})
"""A report not made yet: "they said they would discuss Iran", "Pompeo will tell the committee"."""
BE_CONTRACTIONS = frozenset({"'re", "’re", "'s", "’s", "'m", "’m"})
"""Contracted forms of "be": the tagger lemmatises the curly-apostrophe ones as themselves ("You’re going to")."""
NOT_SPEECH_PARTICLES = frozenset({"off", "up", "in"})
""""called off" (cancelled), "called up" (mobilised), "called in" (summoned) report nothing."""
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
OBLIGATION_AUX = frozenset({"should", "must"})
DIRECTING_HEADS = frozenset({"direct", "order", "instruct", "urge", "ask", "require", "force", "pressure", "press",
                             "push", "encourage", "invite", "tell", "call", "allow", "permit", "authorize"})
"""Verbs that have someone else do what their infinitive says ("directs agencies to ask", "urged Congress to
condemn", "told him to say"): the infinitive's report is one still to be made."""
ACTION_READINGS = {
    "continue": frozenset({"xcomp", "dobj"}),
    "charge": frozenset({"prep:with"}),
    "add": frozenset({"dobj"}),
    "respond": frozenset({"prep:with"}),
    "react": frozenset({"prep:with"}),
    "worry": frozenset({"dobj"}),
    "read": frozenset({"prep:like"}),
    "call": frozenset({"prt:off", "prt:up"}),
    "refer": frozenset({"dobj"}),
}
"""Reporting verbs in a use that reports nothing, by the dependent that marks the use: "continued to import oil",
"continued receiving fees" (aspect: a report, if any, is the complement's own verb, "continued to insist"; '"...,"
he continued' and "continued to make statements" (:data:`LIGHT_VERB_CUES`) stay), "charged him with misconduct" (an indictment; "charged that ..." reports), "Iran responded
with a campaign of provocations" (a counter-move, unless what it responded with is words, :data:`CHANNELS` and
:data:`NOUN_CUES`: "responded with a statement"; "responded that ...", "responded by criticising" and '"...," he
responded' report), "Biden's age worries some Democrats" (the subject is what worries them: the ones who believe
are the object), "FATCA reads like a basic approach" (a likeness; "the statement reads: ..." reports), "Trump
called off the strike" and "called up reservists" (cancelling, summoning), "the Pentagon referred Foreign Policy to the
State Department" (passing a request on; "referred to him as a hero" reports)."""
INFERENCE_PARTICIPLES = frozenset({"suggest", "indicate", "signal", "show", "mean", "imply", "highlight", "underscore",
                                   "underline", "reflect", "demonstrate", "illustrate", "confirm", "prove"})
"""Verbs that, as a participle with no subject of their own after a clause whose subject is a thing ("satellites
picked up a heat signature, suggesting Iran had launched missiles"), draw an inference from the clause's event:
nobody is saying anything. After a clause whose subject can speak ("Trump attacked Pelosi, suggesting she ...") the
participle is that speaker's."""
ANONYMITY_WORDS = frozenset({"anonymity", "anonymous", "anonymously", "authorize", "authorized", "permission",
                             "permit", "allow", "clearance"})
"""Words of the anonymity formula: "requested anonymity to speak freely", "who was not authorized to discuss the
plans", "spoke on condition of anonymity to describe the talks": the infinitive says why the source is unnamed; what
the source said is carried by another cue ("said")."""


CONTACT_VERBS = frozenset({"call", "talk", "speak", "phone", "email", "e-mail", "text"})
CONTACT_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "parataxis"})
CONTACT_TOPIC_PREPS = frozenset({"about", "on", "for", "of", "over", "regarding"})
"""Verbs of contact that report words only with what was said or its topic: "When the president's team calls, you
come running", "Trump calls to the media", "Calling in to Fox & Friends, he said", "Trump talked to a Soviet
official" are a phone call, a shout, a call-in and a meeting; "called for talks", "talked about the strike" and
"spoke to reporters: ..." report."""


DURATION_WORDS = frozenset({"while", "minute", "hour", "moment", "second"})


def _contact_only(verb: Token) -> bool:
    if verb.lemma_.lower() not in CONTACT_VERBS or any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return False  # "called out the left for being silent": a rebuke, not a call
    # "he called Buckley's agent", "Hook has emailed or called ship captains": the one called is no content
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    called = objects or [c for c in verb.children if c.dep_ == "oprd"]  # the parser's "called [ship captains]"
    # a clause before a colon that opens the verb's sentence is the writer's lead-in, never what was said
    colons = [t.i for t in verb.doc[verb.sent.start:verb.i] if t.text == ":"]
    # "responders call police, fire or EMS": a body is called as a person is
    children = [c for c in verb.children if not (c in called[:1] and (_is_person(c) or c in objects and _is_body(c)))
                and not (colons and c.i < colons[-1])]
    # "In support of U.S. policy objectives to support Ukrainian sovereignty, President Trump called President
    # Zelenskyy": a clause the parser hung on the verb from before it is no content unless it is quoted
    children = [c for c in children if not (c.dep_ in ("ccomp", "xcomp") and c.i < verb.i
                                            and not any(t.is_quote for t in c.subtree))]
    if any(c.dep_ in CONTACT_CONTENT_DEPS or c.dep_ == "prep" and c.lower_ in CONTACT_TOPIC_PREPS and not any(
            o.dep_ == "pobj" and (_is_time(o) or o.lemma_.lower() in DURATION_WORDS)
            and not any(g.dep_ == "prep" for g in o.children) for o in c.children)
           or c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONTACT_TOPIC_PREPS for m in c.children)
           for c in children):
        return False  # "called for talks", "called for all sides to stand down"; not "talked for an hour"
    return not any(t.text == ":" for t in verb.doc[verb.i + 1:verb.sent.end])


def _is_body(noun: Token) -> bool:
    """An organisation: one NER tags so, or a noun of the source lexicon's bodies ("police", "ministry")."""
    return noun.ent_type_ == "ORG" or source_lexicon().get(noun.lemma_.lower()) == "organization"


def _is_person(noun: Token) -> bool:
    """A person or people: a name NER tags as a person, a personal pronoun, or a noun of the source lexicon's
    unnamed people ("agent", "captain", "official"), or a surname the alias table gives a person ("King Salman
    called Trump", where NER took Trump for an organisation)."""
    return noun.ent_type_ == "PERSON" or noun.lower_ in ("him", "her", "them", "me", "us") \
        or source_lexicon().get(noun.lemma_.lower()) == "anonymous" \
        or noun.pos_ == "PROPN" and aliased(noun.text).endswith(" " + noun.text)


def _asks_anonymity(verb: Token) -> bool:
    """ "who declined to be identified", "asked not to be named", "requested anonymity to speak freely": the terms
    of anonymity, not what was said."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in ("identify", "name")
               and any(a.dep_ == "auxpass" for a in c.children)
               or c.dep_ == "dobj" and c.lemma_.lower() == "anonymity" for c in verb.children)


DECIDED_THINGS = frozenset({"move", "offer", "proposal", "invitation",
                            "request", "bid", "effort", "motion", "appeal", "application", "petition", "permission",
                            "access", "entry", "visa", "asylum", "bail", "parole", "pardon", "waiver", "license",
                            "weapon", "arms", "aid", "assistance", "funding", "loan"})
"""What an authority grants or denies by deciding, not by saying: "a judge denied those efforts", "rejected his
appeal", "denied them entry"."""
DECISION_VERBS = frozenset({"deny", "reject", "grant", "refuse"})
CONVENED_THINGS = frozenset({"meeting", "session", "vote", "election", "summit", "hearing", "conference",
                             "referendum", "recess", "assembly"})
"""What is called by convening it: "the members who called the meeting", "called a snap election"."""


POSTING_VERBS = frozenset({"tweet", "retweet", "post", "share", "repost"})
SHARED_MEDIA = frozenset({"image", "photo", "photograph", "picture", "video", "clip", "link", "gif", "meme", "map",
                          "chart", "graphic", "cartoon", "emoji", "flag"})


def _shared_media(verb: Token) -> bool:
    """ "the president tweeted an image of an American flag without any text", "he tweeted a link to a Carlson
    piece": a post that shares a picture or a link, with no words of its own reported (no clause, no quotation
    after it), reports no one's words."""
    if verb.lemma_.lower() not in POSTING_VERBS:
        return False
    children = list(verb.children)
    shared = [c for c in children if c.dep_ == "dobj" and c.lemma_.lower() in SHARED_MEDIA]
    return bool(shared) and not any(c.dep_ in ("ccomp", "parataxis", "xcomp") for c in children) \
        and not any(t.is_quote for t in verb.doc[verb.i + 1:verb.sent.end])


DEGREE_ADVERBS = frozenset({"much", "widely", "highly", "well", "oft", "often", "long", "little", "once", "roundly",
                            "frequently", "heavily"})
"""Adverbs that grade a participle used as an adjective: "the much praised team", "a widely reported claim"."""


def _adjectival_participle(verb: Token) -> bool:
    """ "Robert Mueller's much praised progressive team found no evidence": a past participle that describes a
    noun, after a determiner or a possessive and a degree adverb, which the parser may take for the sentence's
    verb; it reports nobody's words (sample 29)."""
    if verb.tag_ not in ("VBN", "VBD") or verb.i < 2:
        return False
    adverb, before = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
    return verb.dep_ == "amod" or adverb.lower_ in DEGREE_ADVERBS and adverb.dep_ == "advmod" \
        and (before.tag_ == "POS" or before.lower_ in ("the", "a", "an", "his", "her", "its", "their", "our", "this"))


def _reduced_passive(verb: Token) -> bool:
    """ "Tiffany Trump only smiled when asked her resolution", "if asked, he would decline": a passive clause cut
    to its participle, whose understood subject is the one asked, not the one asking (sample 30)."""
    return verb.tag_ in ("VBN", "VBD") and verb.dep_ == "advcl" \
        and not any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("agent", "aux", "auxpass") for c in verb.children) \
        and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "if", "once", "after", "unless", "until", "as",
                                                               "while") and c.i == verb.i - 1 for c in verb.children)


def _questions_only(verb: Token) -> bool:
    """ "The pair mostly observed and asked questions": asking, with no question given, reports no words (a
    question with its words, "asked questions about the strike: ...", or a clause, reports them)."""
    return verb.lemma_.lower() == "ask" and any(c.dep_ == "dobj" and c.lemma_.lower() == "question"
                                                and not any(g.dep_ in ("prep", "acl", "relcl") for g in c.children)
                                                for c in verb.children) \
        and not any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in verb.children) \
        and not any(t.text == ":" or t.is_quote for t in verb.doc[verb.i + 1:verb.sent.end])


def _released_thing(verb: Token) -> bool:
    """ "Videos posted online on Sunday recorded ...", "a statement posted on its website": the participle says how
    the thing it describes came out; the thing is not its author, and what it says has a cue of its own."""
    if verb.lemma_.lower() not in RELEASE_VERBS:
        return False
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        # not "Suzanne Maloney, an Iran expert at the Brookings Institution think tank in Washington, tweeted": the
        # parser's participle of a place or of a noun it took for the main clause, after a comma
        return not _can_speak(verb.head) and not any(c.dep_ == "agent" for c in verb.children) \
            and not any(t.is_punct for t in verb.doc[verb.head.i + 1:verb.i])
    # the parser's main verb of "Videos posted online on Sunday recorded ...": a document posts nothing itself
    return not any(c.dep_ in ("dobj", "ccomp") for c in verb.children) and any(
        c.dep_ == "nsubj" and source_lexicon().get(c.lemma_.lower()) == "document" for c in verb.children)


def _action_reading(verb: Token) -> bool:
    """Whether ``verb`` is used for an act or an inference, not a report (:data:`ACTION_READINGS`,
    :data:`CONTACT_VERBS`, :data:`INFERENCE_PARTICIPLES`)."""
    if _contact_only(verb) or _inference(verb) or _asks_anonymity(verb) or _adjectival_participle(verb) \
            or _reduced_passive(verb):
        return True
    if verb.lemma_.lower() == "call" and (verb.doc[verb.i - 1].text == "," or verb.dep_ == "acl") \
            and any(c.dep_ == "oprd" and c.pos_ == "PROPN" for c in verb.children) \
            and not any(c.dep_ in ("dobj", "agent") for c in verb.children):
        return True  # "His group, called the Iraq Veterans Fund, ...", "a group called the "Army of Jesus"": a name
    if verb.lemma_.lower() == "call" and verb.tag_ == "VBN" and verb.dep_ in ("acl", "conj") \
            and any(c.dep_ == "oprd" for c in verb.children) \
            and not any(c.dep_ in ("dobj", "agent", "nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children) \
            and not any(t.is_quote or t.text in "“”\"'‘’" for t in verb.subtree if t.i > verb.i) \
            and not _can_speak(verb.head):
        # "developed a treatment regimen a decade ago called adaptive disclosure": what it is named; not a speaker's
        # quoted label the parser hung the same way ("John Bolton, ..., called Tuesday's incident “straight from
        # Iran's playbook”")
        return True
    if verb.lemma_.lower() == "say" and any(c.dep_ in ("dobj", "intj") and c.lower_ in GREETINGS for c in verb.children):
        return True  # "paratroopers ... said goodbye to their family members": a leave-taking, no words reported
    if verb.lemma_.lower() == "say" and any(c.dep_ == "dobj" and c.lemma_.lower() == "part"
                                            and any(m.lower_ == "quiet" for m in c.children) for c in verb.children) \
            and not any(t.text in (":", "“", '"') for t in verb.doc[verb.i + 1:verb.sent.end]):
        return True  # "Trump says the quiet parts about the system out loud": the writer's idiom for a style
    if verb.lemma_.lower() == "point" and any(c.dep_ == "prep" and c.lower_ == "at" for c in verb.children) \
            and not any(c.dep_ in ("ccomp", "parataxis", "dobj") or c.lower_ in ("to", "out") for c in verb.children):
        return True  # "missiles ... now pointed at the United States": aimed, not pointing anything out
    if verb.lemma_.lower() == "call" and verb.dep_ == "relcl" \
            and any(c.dep_ == "oprd" and c.pos_ == "PROPN" for c in verb.children):
        return True  # "a secret WhatsApp group they called The Sewing Circle": naming a thing, not a report
    if verb.lower_ == "think" and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_.startswith("tank"):
        return True  # "These think tanks employ experts": the parser's verb is a noun
    if _in_headline(verb):
        return True  # "(RELATED: ..., Federal Lawsuit Says)": the headline of another story
    if verb.lemma_.lower() in POSTING_VERBS and verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") \
            and verb.head.lemma_.lower() in SHARED_MEDIA | CHANNELS \
            and not any(c.dep_ in ("agent", "nsubj") for c in verb.children):
        return True  # "videos posted on Twitter showed ...": the thing posted, whose poster is not said
    if verb.lemma_.lower() == "call" and any(c.dep_ == "xcomp" and c.lemma_.lower() in SUMMONED_TO
                                             for c in verb.children):
        return True  # "calling Bolton to testify": summoning a witness, not saying anything
    if verb.lemma_.lower() == "refer" and verb.tag_ == "VBG" and verb.i and verb.doc[verb.i - 1].text == "(":
        return True  # '“#FireMcMaster” (referring to former national security adviser ...)': the writer's gloss
    if verb.lemma_.lower() == "report" and _credit_line(verb):
        return True  # "Tom Howell Jr. reported from Washington.": the byline's credit, no report in it
    if verb.lemma_.lower() == "tell" and verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be"
                                                                    for c in verb.children) \
            and not any(c.dep_ in ("dobj", "dative") for c in verb.children) \
            and any(c.dep_ == "nsubj" and not _can_speak(c) for c in verb.children):
        return True  # "Thornton Group's account of the meeting is telling:": revealing, the writer's judgement
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.lemma_.lower() in RISK_VERBS and any(
            _mute_thing(c) and c.lemma_.lower() not in NOUN_CUES
            for c in [*own, *filter(None, [_stranded_subject(verb)])]):
        return True  # "tensions threaten to force him into confrontation": a risk, not a threat anyone made
    if any(c.lemma_.lower() in TRACK_RECORDS and any(p.dep_ == "poss" for p in c.children) for c in own):
        return True  # "Trump's record suggests he is unlikely to ...": the writer reads someone's past, no one says
    if verb.lemma_.lower() == "report" and _answers_to(verb):
        return True  # "Hill, who in turn reported to John Bolton": whom she answered to, no report
    if verb.lemma_.lower() == "tell" and any(c.dep_ == "dobj" and c.lemma_.lower() in TOLD_STORIES
                                             for c in verb.children) and any(_mute_thing(c) for c in own):
        return True  # "Stunted growth tells the tale of years of hunger": a thing shows, no one tells
    # "times" in "Unusual times demand" is parsed as a time adverbial, the verb left with no subject
    fronted = [c for c in verb.children if c.dep_ == "npadvmod" and c.i < verb.i] if not own else []
    if verb.lemma_.lower() in REQUIRING_VERBS and any(c.lemma_.lower() in CIRCUMSTANCES for c in [*own, *fronted]):
        return True  # "Unusual times demand unusual measures": a need, not a demand anyone made
    if any(c.lemma_.lower() == "version" and any(m.lower_ in EARLIER_WORDS for m in c.children)
           for c in _nominal_subjects(verb)):
        return True  # "Correction: An earlier version of this column said ...": the outlet's correction notice
    if _habitual_topic(verb) or _gift(verb) or _authorship(verb) or _shared_media(verb) or _discourse_marker(verb):
        return True
    if verb.lemma_.lower() == "claim" and any(c.dep_ == "dobj" and c.lemma_.lower() in TAKEN_THINGS
                                              for c in verb.children):
        return True  # "the outbreak, which has claimed more than 3,100 lives", "claimed the title": took them
    if verb.lemma_.lower() == "claim" and any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in verb.children) \
            and not any(c.dep_ in ("ccomp", "xcomp", "oprd", "prep") for c in verb.children):
        return True  # "the scourge of suicide almost claimed Brian Vargas": took him; a claim is made about things
    if _questions_only(verb) or _released_thing(verb):
        return True
    if verb.lemma_.lower() == "post" and any(c.dep_ == "dobj" and c.lemma_.lower() in MARKET_RESULTS
                                             for c in verb.children):
        return True  # "The S&P 500 posted 103 new 52-week highs", "posted a loss": a result recorded, not words
    if verb.lemma_.lower() == "inform" and any(c.dep_ == "dobj" and _mute_thing(c) for c in verb.children) \
            and not any(c.dep_ in ("ccomp", "parataxis") or c.dep_ == "prep" and c.lower_ in _ABOUT
                        for c in verb.children):
        return True  # "his remarks informed the prosecution's arguments": shaped them; one informs people
    if verb.lemma_.lower() == "call" and any(c.lower_ == "account" and c.dep_ in ("xcomp", "pobj", "prep")
                                             or c.dep_ == "prep" and any(o.lower_ == "account" for o in c.children)
                                             for c in verb.children):
        return True  # "to call China to account": holding it answerable, not a report
    if verb.lemma_.lower() == "add" and any(c.dep_ == "prep" and c.lower_ == "to" and any(
            o.dep_ == "pobj" and not _can_speak(o) for o in c.children) for c in verb.children) \
            and not any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
        return True  # "Obama added to the mess": made it larger ("added to reporters that ..." reports)
    if _object_not_words(verb) or _written_all_over(verb):
        return True
    if verb.lemma_.lower() == "invoke" and any(c.dep_ == "dobj" and c.lemma_.lower() in INVOKED_POWERS
                                               for c in verb.children):
        return True
    marks = ACTION_READINGS.get(verb.lemma_.lower())
    return bool(marks) and any((c.dep_ in marks or f"{c.dep_}:{c.lower_}" in marks)
                               and not (c.dep_ == "prep" and any(o.lemma_.lower() in CHANNELS | NOUN_CUES
                                                                 for o in c.children))
                               and not (c.dep_ == "xcomp" and any(
                                   o.dep_ == "dobj" and o.lemma_.lower() in LIGHT_VERB_CUES.get(c.lemma_.lower(), ())
                                   for o in c.children))
                               for c in verb.children)


TOLD_STORIES = frozenset({"tale", "story"})
REQUIRING_VERBS = frozenset({"demand", "require", "dictate", "warrant"})
CIRCUMSTANCES = frozenset({"time", "situation", "circumstance", "moment", "occasion", "emergency", "condition",
                           "law", "rule", "regulation", "statute", "constitution", "principle", "logic"})
"""Things that demand or require only as a need ("Unusual times demand ...", "the law requires"); a city, a
family or moderators who demand are people (the lexicon does not know every word for them)."""
EARLIER_WORDS = frozenset({"earlier", "previous", "prior", "original", "initial", "first"})
GREETINGS = frozenset({"goodbye", "good-bye", "hello", "farewell", "grace"})
SUMMONED_TO = frozenset({"testify", "appear"})
TRACK_RECORDS = frozenset({"record", "history", "past"})
"""Someone's track record as a subject ("Biden's long record indicates"): the writer's evidence, not a document."""


def _credit_line(verb: Token) -> bool:
    """ "Tom Howell Jr. reported from Washington.", "Jane Doe reported from Baghdad and John Roe from Beirut": a
    sentence of its own whose only complement is the place the reporter worked from."""
    if verb.dep_ in ("advcl", "conj", "parataxis", "ccomp") and verb.head.lemma_ == verb.lemma_ \
            and _from_a_place_only(verb):
        # "Krauss reported from Dubai, United Arab Emirates and Karimi reported from Tehran": the parser hung the
        # second credit on the first
        return _credit_line(verb.head)
    return verb.dep_ == "ROOT" and _from_a_place_only(verb)


def _from_a_place_only(verb: Token) -> bool:
    # a bullet before the name ("⦁ Tom Howell Jr. reported from ...") can be parsed as the object
    children = [c for c in verb.children if c.dep_ not in ("punct", "nsubj", "cc", "conj")
                and any(ch.isalnum() for ch in c.text)
                and not (c.dep_ in ("advcl", "parataxis", "ccomp") and c.lemma_ == verb.lemma_ and _from_a_place_only(c))]
    return len(children) == 1 and children[0].dep_ == "prep" and children[0].lower_ == "from" \
        and any(o.ent_type_ in ("GPE", "LOC") for o in children[0].children)


SAID_THINGS = frozenset({"word", "quote", "sentiment", "view", "concern", "criticism", "position", "line", "point",
                         "message", "call", "language", "rhetoric", "theme", "oath", "idea", "assessment", "thought",
                         "question", "demand", "plea", "praise", "complaint", "fear", "hope", "opinion", "belief",
                         "conclusion", "finding", "refrain", "mantra", "slogan", "chant", "cry", "appeal", "name",
                         "list", "passage", "excerpt", "verse", "prayer", "vow", "script", "transcript", "text"})
"""What is said or written, beside :data:`NOUN_CUES` and the documents: "echoed the sentiment", "read quotes from
senators", "read his reenlistment oath"."""
WORDS_OBJECT_VERBS = {"read": False, "echo": True, "assure": True}
"""Verbs that report only when their object is words: a document, a quotation, a claim or a channel ("read a
statement", "echoed the warning"); the value says whether someone who speaks counts too ("echoed Trump" repeats
his words; "read his mark" sizes him up; "assured reporters" reports, "assured the US's role" ensured it)."""
INVOKED_POWERS = frozenset({"privilege", "right", "amendment", "clause", "act", "power", "law", "article",
                            "provision", "statute", "immunity", "authority", "procedure", "rule"})
"""What one invokes by using it, not by saying anything: "invoked executive privilege", "invoked his Fifth
Amendment rights" ("invoked the prospect of breaking up the bank", "invoked the story Kennedy told" raise words)."""


def _object_not_words(verb: Token) -> bool:
    """ "he read his mark", "the chants echoed the takeover of the embassy": a verb of
    :data:`WORDS_OBJECT_VERBS` whose direct object is no words, with no clause or quotation after it."""
    speaker_ok = WORDS_OBJECT_VERBS.get(verb.lemma_.lower())
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if speaker_ok is None or not objects or any(c.dep_ in ("ccomp", "parataxis") and c.i > verb.i
                                                for c in verb.children):
        return False
    thing = objects[0]
    if verb.lemma_.lower() == "read" and thing.lemma_.lower() in RECITED_TEXTS:
        return True  # "Gallagher read his reenlistment oath": a rite performed (samples 15 and 28), not a report
    words = thing.lemma_.lower() in NOUN_CUES | CHANNELS | SAID_THINGS \
        or source_lexicon().get(thing.lemma_.lower()) == "document" \
        or thing.pos_ == "PROPN" or any(t.is_quote for t in thing.subtree)
    return not words and not (speaker_ok and _can_speak(thing))


def _written_all_over(verb: Token) -> bool:
    """ "The speech had Pompeo written all over it": the idiom for a plain mark of someone's hand or influence, not
    something the person wrote."""
    return verb.lemma_.lower() == "write" and any(
        c.dep_ == "prep" and c.lower_ == "over" and any(a.lower_ == "all" for a in c.children) for c in verb.children) \
        and not any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)


RECITED_TEXTS = frozenset({"oath", "pledge", "vow", "prayer", "poem", "verse", "scripture", "liturgy"})
"""Set texts one reads out in a rite or a ceremony, which report nothing of the reader's."""

MARKET_RESULTS = frozenset({"high", "low", "gain", "loss", "profit", "deficit", "surplus", "record", "increase",
                            "decline", "rise", "drop", "fall", "growth", "return", "point", "percent", "%", "win",
                            "victory", "defeat", "best", "worst", "jump", "surge", "rally", "slide", "plunge"})
"""What a market, a company or a team "posts": a result it recorded, which reports no one's words."""
TAKEN_THINGS = frozenset({"life", "lives", "victim", "title", "seat", "crown", "prize", "territory", "land"})
DEMONSTRATIVES = frozenset({"that", "this", "which"})
PLURAL_DEMONSTRATIVES = frozenset({"those", "these"})
REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves"})
POLLING_VERBS = frozenset({"poll", "survey", "interview", "question", "ask", "sample"})
"""Verbs whose participle makes a poll's respondents of "those": "those polled", "those surveyed"."""


TEXT_DEIXIS = frozenset({"above", "below", "earlier", "previously", "before", "elsewhere"})


def _discourse_marker(verb: Token) -> bool:
    """ "That said, ...", "Which is to say ...", "That isn't to say ...", "Suffice it to say", "As noted above",
    "All told, ...":
    fixed phrases the writer uses to connect ideas or point within the text (discourse markers, Schiffrin 1987),
    which report no one's words."""
    if verb.tag_ == "VBN" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) \
            and any(c.lower_ in TEXT_DEIXIS for c in verb.children) \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children):
        return True  # "As noted above, war could take the form of ...": the writer's pointer to their own text
    doc = verb.doc
    if verb.lower_ == "told" and verb.i and doc[verb.i - 1].lower_ == "all" \
            and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ",":
        return True  # "All told, the US has become ...": in all
    if verb.lemma_.lower() != "say":
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.lower_ == "said" and verb.i + 1 < len(doc) and doc[verb.i + 1].text == "," and len(subjects) == 1 \
            and subjects[0].lower_ in DEMONSTRATIVES and subjects[0].i == verb.i - 1 \
            and all(t.is_space or t.is_punct or t.lower_ in ("all", "with") for t in doc[verb.sent.start:subjects[0].i]):
        return True  # "That said, Americans are not ...", "All that said, ...": no one said it
    head = verb.head
    if _infinitive(verb) and head.i != verb.i and head.lemma_.lower() in ("be", "suffice"):
        before = [c for c in head.children if c.dep_ in ("nsubj", "expl") and c.i < head.i]
        return head.lemma_.lower() == "suffice" or bool(before) and before[0].lower_ in DEMONSTRATIVES
    return False


HABIT_ADVERBS = frozenset({"much", "more", "less", "little", "often", "rarely", "seldom", "frequently",
                           "occasionally", "sometimes", "usually", "ever"})


MANNER_NOUNS = frozenset({"way", "manner", "fashion"})


def _habitual_topic(verb: Token) -> bool:
    """ "he speaks about it less now", "the only one who actually talks much about the world": how often someone
    talks about a topic, with no words of theirs reported (a habitual, not a speech event); a topic in quotation
    marks is words of theirs."""
    degree = [t for c in verb.children if c.dep_ in ("advmod", "dobj", "npadvmod")
              for t in [c, *c.children] if t is c or t.dep_ == "advmod"]  # "less now", "talks much"
    topics = [t for c in verb.children if c.dep_ == "prep" for t in c.subtree]
    # "He talks about women in disgusting ways": the manner of his talk in the simple present, a habit, no words
    # of it ("is now talking about immigration in a new way" is an event, whose words may follow)
    manner = verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(o.dep_ == "pobj" and o.lemma_.lower() in MANNER_NOUNS
                                                      for o in c.children) for c in verb.children)
    return verb.lemma_.lower() in ("speak", "talk") and (any(t.lower_ in HABIT_ADVERBS for t in degree) or manner) \
        and not any(c.dep_ in ("ccomp", "parataxis", "xcomp") for c in verb.children) \
        and not any(t.is_quote for t in topics)  # "talks frequently of the “deep state”": his words, quoted


SPOKEN_OFFERS = frozenset({"account", "explanation", "assessment", "view", "apology", "condolence", "praise",
                           "criticism", "thought", "reason", "defense", "defence", "argument", "theory", "answer",
                           "response", "reply", "detail", "opinion", "take", "insight", "perspective", "analysis",
                           "rebuttal", "word", "assurance", "guarantee", "advice", "version", "description",
                           "justification", "excuse", "rationale", "critique", "endorsement", "support", "thanks",
                           "congratulation", "prayer", "tribute", "glimpse", "hint", "clue", "suggestion",
                           "proposal", "idea", "plan", "vision", "forecast", "outlook"})
"""What is offered in words: "offered differing accounts", "offers a broader explanation", "offered a clear
statement" (with :data:`NOUN_CUES` and :data:`CHANNELS`)."""


RISK_VERBS = frozenset({"threaten", "promise", "vow", "pledge"})
"""Verbs of commitment that a thing as subject turns into likelihood: "tensions threaten to ...", "the deal
promises to ..."."""
def _answers_to(verb: Token) -> bool:
    """ "reported to John Bolton", "reporting directly into SAGE" with nothing reported (no clause, object, topic or
    quotation after it): the line of command a person works in, not a report made to someone ("reported to police
    that ...", "reported the attack to the UN", "reported to Congress on the strike" report)."""
    to_whom = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "into") for g in c.children
               if g.dep_ == "pobj" and _can_speak(g)]
    # a clause says what was reported; a name the parser hung on the verb as one ("..., COBRA") says nothing
    told = any(c.dep_ == "dobj" or c.dep_ in ("ccomp", "xcomp", "advcl", "parataxis") and c.pos_ in ("VERB", "AUX")
               or c.dep_ == "prep" and c.lower_ in ("on", "about", "that") for c in verb.children)
    after = verb.doc[verb.right_edge.i + 1] if verb.right_edge.i + 1 < len(verb.doc) else None
    return bool(to_whom) and not told and not (after is not None and after.text in (":", "“", '"'))


EVIDENCE_VERBS = INFERENCE_PARTICIPLES | {"contradict", "reaffirm", "reveal", "expose", "explain", "remind"}
"""Verbs whose subject, when it is a thing that cannot speak and is no document, is evidence the writer reads,
not a source ("the volume of criticism suggests ...", "the strike revealed the vulnerability", "the failure
underscores"): the finite twin of :data:`INFERENCE_PARTICIPLES`. A document or a person still reports ("the
report suggests", "Pompeo underscored")."""
NOT_EVIDENCE = NOUN_CUES | SHARE_WORDS | QUANTIFIERS | PAIR_WORDS
"""Subjects of an evidence verb that are still reports ("his claim suggests") or people counted ("Twelve percent
indicated", "the trio highlighted")."""
AUTHORSHIP_VERBS = frozenset({"write", "pen", "author"})


def _authorship(verb: Token) -> bool:
    """ "They write opinion columns", "she wrote a book about Iran": a work written, whose words the article does
    not report, nor does "wrote a column" (a channel with nothing said); "wrote that ...", "wrote: ...", "wrote a
    statement (:data:`NOUN_CUES`)", "wrote a column saying ..." and '"...," he wrote' report."""
    if verb.lemma_.lower() not in AUTHORSHIP_VERBS \
            or any(c.dep_ in ("ccomp", "parataxis", "xcomp") for c in verb.children) \
            or any(t.text == ":" for t in verb.doc[verb.i + 1:min(verb.i + 8, verb.sent.end)]):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.pos_ == "NOUN" and o.lemma_.lower() not in NOUN_CUES
                                 and not any(c.dep_ in ("acl", "relcl") and c.tag_ == "VBG" for c in o.children)
                                 for o in objects)


def _gift(verb: Token) -> bool:
    """ "It offered a link to a site", "offered a reward": something given, not said; an offer in words
    (:data:`SPOKEN_OFFERS`) or an offer to do something ("offered to postpone the votes") is a report."""
    if verb.lemma_.lower() != "offer" or any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in verb.children):
        return False
    objects = [c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and not any(o in SPOKEN_OFFERS or o in NOUN_CUES or o in CHANNELS for o in objects)


def _subjectless_participle(verb: Token) -> bool:
    """ "..., calling on our allies to join": an -ing clause hung on another clause, whose subject it shares."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _can_speak(token: Token) -> bool:
    """A person, a body or a place that stands for one, a pronoun for people, or a source noun of the lexicon."""
    if token.pos_ == "PRON":
        return token.lower_ not in THING_PRONOUNS
    # the word itself too: the tagger can take a noun for another word class ("whistleblower" as JJR, lemma
    # "whistleblow")
    category = source_lexicon().get(token.lemma_.lower()) or source_lexicon().get(token.lower_)
    return token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") \
        or category not in (None, "document")


def _mute_thing(token: Token) -> bool:
    """A common noun that neither speaks (:func:`_can_speak`) nor is a document: "tensions", "the failure",
    "satellite images"."""
    return token.pos_ == "NOUN" and not _can_speak(token) \
        and "document" not in (source_lexicon().get(token.lemma_.lower()), source_lexicon().get(token.lower_))


def _inference(verb: Token) -> bool:
    """Whether ``verb`` draws an inference from the clause it hangs on (:data:`INFERENCE_PARTICIPLES`)."""
    if verb.lemma_.lower() not in INFERENCE_PARTICIPLES or not _subjectless_participle(verb):
        return False
    subjects = [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS]
    return bool(subjects) and not _can_speak(subjects[0])


def _decision(verb: Token) -> bool:
    """ "A judge denied those efforts", "the members who called the meeting": a decision taken or a body convened,
    which PolNeAR annotates as attributions and a reader hears no one say (:data:`DECIDED_THINGS`,
    :data:`CONVENED_THINGS`); "called her vote a mistake" is speech."""
    objects = [c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "dative")]
    lemma = verb.lemma_.lower()
    return lemma in DECISION_VERBS and bool(DECIDED_THINGS.intersection(objects)) \
        or lemma == "call" and bool(CONVENED_THINGS.intersection(objects)) \
        and not any(c.dep_ == "oprd" for c in verb.children) \
        or lemma == "agree" and _agreed_on_a_thing(verb)


def _agreed_on_a_thing(verb: Token) -> bool:
    """ "The U.S. and Turkey agreed on a road map", "agreed to a ceasefire": a deal reached, with no words of it
    reported ("agreed that ..." and '"...," he agreed' report; samples 15 and 29)."""
    return any(c.dep_ == "prep" and c.lower_ in ("on", "to", "upon") and any(o.dep_ == "pobj" for o in c.children)
               for c in verb.children) \
        and not any(c.dep_ in ("ccomp", "parataxis", "xcomp") for c in verb.children) \
        and not any(t.is_quote for t in verb.subtree)


def _cue_kind(verb: Token, kind: str) -> str:
    """The lexicon's kind, except that an inference verb whose subject is a thing that neither speaks nor is a
    document reads evidence, not speech: "The volume of the criticism suggests ...", "Satellite images indicate
    ..." (PolNeAR counts them; a reader does not hear anyone speak); "the report suggests" stays speech; and a
    decision or a body convened (:func:`_decision`) is a stance taken, not speech."""
    if kind == "speech" and _decision(verb):
        return "stance"
    if kind != "speech" or verb.lemma_.lower() not in INFERENCE_PARTICIPLES:
        return kind
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    thing = bool(own) and _mute_thing(own[0])  # a proper noun can always speak
    measured = bool(own) and own[0].lemma_.lower() in MEASUREMENTS
    return "evidence" if thing or measured else kind


MEASUREMENTS = frozenset({"poll", "survey", "data", "study", "statistic", "figure", "census", "count", "tally"})
"""Documents that measure rather than speak: "other polls suggest Trump is not trusted" is evidence read from
numbers, as "a poll found" is (:data:`INFERENCE_PARTICIPLES`); "the report suggests" stays speech."""


def _infinitive(verb: Token) -> bool:
    """ "to claim" in "allow Trump to claim": an infinitive the parser hung as a clause."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


PERCEPTION_VERBS = frozenset({"hear", "see", "watch"})
FUTURE_MODIFIERS = frozenset({"next", "upcoming"})


def _auxiliary_words(verb: Token) -> set[str]:
    """The auxiliaries of ``verb``, lower-cased, a curly apostrophe read as a straight one ("would’ve")."""
    return {c.lower_.replace("’", "'") for c in verb.children if c.dep_ == "aux"}


def _conjunct_sharing_auxiliaries(verb: Token) -> Token | None:
    """The verb ``verb`` is conjoined to when it has no subject or auxiliary of its own, so shares that verb's
    (a bare base form after "and" or "or": "would impose ... and call"); else None."""
    if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX") or verb.tag_ not in ("VB", "VBP") \
            or any(c.dep_ in ("aux", "auxpass", "neg", *SUBJECT_DEPS) for c in verb.children):
        return None
    return verb.head


def _perceived(verb: Token) -> bool:
    """ "hear the president say we walked out": a bare infinitive under a verb of perception, which shares
    that verb's time and modality (the bare-infinitive complement of perception verbs, Quirk et al. 1985)."""
    return verb.dep_ == "ccomp" and verb.tag_ == "VB" and verb.head.lemma_.lower() in PERCEPTION_VERBS \
        and not _infinitive(verb)


def _future_time(verb: Token) -> bool:
    """ "what the candidates say about Iran in next week's debate": a present-tense verb whose own time
    modifier (not its content) lies ahead, so the words are not said yet."""
    return any(t.lower_ == "tomorrow" or t.lower_ in FUTURE_MODIFIERS and t.dep_ == "amod"  # not "next to"
               for c in verb.children if c.dep_ in ("prep", "npadvmod", "advmod") for t in c.subtree)


def _expletive(subject: Token) -> bool:
    """ "it" standing for an extraposed infinitive: "It is easy to look at all of this and insist ..."."""
    head = subject.head
    # the lemmatiser leaves the curly "’s" of "It’s easy" as it is
    return subject.lower_ == "it" and subject.dep_ == "nsubj" and (head.lemma_ == "be" or head.lower_ in ("’s", "'s")) \
        and any(c.dep_ == "acomp" for c in head.children) and any(c.dep_ == "xcomp" for c in head.children)


def _question_put(cue: Token) -> bool:
    """"Asked about the amendment, Thune said", "when asked ...", "Trump was asked": a question put to someone."""
    return cue.lemma_.lower() == "ask" and cue.tag_ == "VBN" and not any(c.dep_ == "nsubj" for c in cue.children)


WH_ADVERBS = frozenset({"how", "when", "where", "why", "whether"})


def _asks_a_question(cue: Token) -> bool:
    """ "Kelly asked whether he owed an apology", "she asked about his statement": "ask" with an indirect question
    for its complement (a clause opened by "whether", "if" or a wh-word, or "about" a topic) puts a question and
    reports no statement or claim; "asked Congress to approve", "asked that the sanctions be lifted" are requests,
    which report. A verb of deliberation with an infinitive question (:data:`DELIBERATION_VERBS`) weighs one."""
    if cue.lemma_.lower() in DELIBERATION_VERBS:
        # "discussed whether to strike Iran", "as countries debate how to combat the virus": weighing an open
        # question ("discussed the strike" and "discussed how they would respond" stay)
        return any(c.dep_ == "xcomp" and c.i > cue.i and _infinitive(c) and _opens_a_question(c)
                   for c in cue.children)
    if cue.lemma_.lower() != "ask" or any(c.dep_ == "xcomp" or c.dep_ == "dobj" and c.lower_ == "for"
                                          for c in cue.children):
        return False
    if cue.dep_ == "relcl" and cue.head.lemma_.lower() == "question" \
            or any(c.dep_ == "dobj" and c.lemma_.lower() == "question" for c in cue.children):
        return True  # "a question a lot of people are asking", "asked a question about the strike"
    for child in cue.children:
        if child.dep_ in ("ccomp", "advcl") and child.i > cue.i and _opens_a_question(child):
            return True
        if child.dep_ == "prep" and child.lower_ == "about" and child.i > cue.i:
            return True
    return False


DELIBERATION_VERBS = frozenset({"discuss", "debate", "consider", "weigh", "ponder", "deliberate", "mull"})


def _opens_a_question(clause: Token) -> bool:
    """A clause opened by "whether", "if" or a wh-word: an indirect question."""
    opening = clause.doc[clause.left_edge.i]
    return opening.lower_ in ("whether", "if") or opening.tag_ in ("WDT", "WP", "WRB") or any(
        c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children)


def _quoted_before(word: Token, verb: Token) -> bool:
    """Whether ``word`` stands in a quotation that closes before ``verb``: "'Absolutely not,' he said", where the
    parser hung the quoted "not" on "said" (the speaker's answer, not a negated report)."""
    return word.i < verb.i and any(t.text in ("”", '"', "’", "'", "''") for t in word.doc[word.i + 1:verb.i])


def _went_on(verb: Token) -> bool:
    """ "Pompeo went on to say that ...": going on to a report is making it (the parser reads "to say" as a purpose)."""
    return verb.lemma_.lower() == "go" and any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "on"
                                               for c in verb.children)


COUNTERFACTUAL_MODALS = frozenset({"would", "could", "should", "might", "must"})


def _not_a_report(cue: Token) -> str:
    """Why a cue reports nothing, or "": negated ("did not say", "declined to say", "never claimed"),
    hypothetical ("could say", "if he warns"), asked ("Did Iran warn ...?"), or inferred (a thing that cannot
    speak and is no document as the subject of :data:`EVIDENCE_VERBS`: "the failure underscores", "images
    show": the writer reads evidence, which PolNeAR annotates and the samples' readers do not). After the negation and
    modality cues of factuality annotation (Saurí & Pustejovsky 2009, FactBank). Such rows are kept, with
    their ``factuality``, because attribution corpora annotate them (PolNeAR does), and left out of the
    analyses, which count what sources asserted."""
    if _question_put(cue):
        return "asked"
    before = [t.lower_ for t in cue.doc[max(cue.sent.start, cue.i - 2):cue.i]]
    if len(before) == 2 and before[0] in COUNTERFACTUAL_MODALS and before[1] in ("’ve", "'ve", "have"):
        # "people who would’ve described themselves as liberals": the tagger can take the curly "’ve" for a noun
        # and lose the auxiliaries; the modal perfect is a counterfactual all the same
        return "hypothetical"
    if cue.dep_ == "pcomp" and cue.head.lower_ == "without":
        return "negated"  # "Trump said he'd punish Turkey, without saying where he'd draw the line"
    if cue.tag_ == "VBG" and cue.i and cue.doc[cue.i - 1].lower_ == "no":
        return "negated"  # "he's a very bad guy, and there's no denying that": nobody denies anything
    if _infinitive(cue) and any(t.lemma_.lower() in ANONYMITY_WORDS or t.lower_ in ANONYMITY_WORDS
                                for t in cue.doc[max(cue.sent.start, cue.i - 7):cue.i]):
        return "hypothetical"  # "requested anonymity to speak": the condition of anonymity, not a report
    if _infinitive(cue) and any(c.dep_ == "advmod" and c.lower_ in WH_ADVERBS for c in cue.children):
        return "hypothetical"  # "the West scrambled to figure out how to respond": a question still open
    if (cue.dep_ in ("acl", "relcl") or cue.dep_ == "advcl" and (cue.head.lemma_.lower() not in cue_lexicon()
                                                                 or _decision(cue.head))) \
            and _infinitive(cue) and not _went_on(cue.head):
        # "a resolution to condemn", "canceled a stop to talk about Iran": an aim, not a report ("stressed his
        # service to argue that ...": a report made by reporting)
        return "hypothetical"
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
    if cue.dep_ in ("ccomp", "advcl") and cue.head.lemma_.lower() in DIRECTIVE_VERBS and subjects \
            and (cue.tag_ == "VB" or cue.tag_ == "VBP" and (subjects[0].tag_ in ("NN", "NNP")
                                                             or subjects[0].lower_ in ("he", "she", "it"))) \
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in cue.children) \
            and not any(c.dep_ == "aux" for c in cue.children):
        # "SAGE recommended that the UK reject a lockdown": the bare verb after a singular subject is a
        # subjunctive, what should happen, not anything the UK said
        return "hypothetical"
    # "No one’s in Washington is explaining": a clitic the parser took for the subject stands for the one it follows
    subjects = [next((g for g in c.children if g.dep_ == "nsubj" and g.i == c.i - 1), c) if c.lower_ in ("'s", "’s")
                else c for c in subjects]
    if subjects and (subjects[0].lower_ in NO_ONE or any(c.dep_ in ("det", "preconj") and c.lower_ in ("no", "neither")
                                                         for c in subjects[0].children)):
        return "negated"  # "almost nobody asked", "no official said", "neither X nor Y responded": no one did
    if subjects and _free_choice(subjects[0], cue) and not _sentence_asks(cue):
        return "hypothetical"  # "Any politician who tells you otherwise is lying", "Whoever claims that ...": no one
    agents = _agents(cue)
    if cue.lemma_.lower() in EVIDENCE_VERBS and any(
            c.dep_ in ("nsubj", "pobj") and _mute_thing(c) and c.lemma_.lower() not in NOT_EVIDENCE
            for c in (subjects if not agents else agents)):
        # "the volume of criticism suggests", "the failure underscores", "as the case of Bill Clinton reminds us":
        # a thing is evidence; so is the agent of the passive ("has been highlighted by the infection of inmates")
        return "inferred"
    shared = cue.head if cue.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in cue.children) else cue
    if _infinitive(shared) and shared.head.pos_ == "ADJ":
        return "hypothetical"  # "it is fair to say", "It's easy to look at all this and insist": no one's report
    if _infinitive(shared) and shared.dep_ in ("xcomp", "attr", "ccomp") and shared.head.lemma_ == "be" \
            and not any(c.dep_ == "nsubj" and _can_speak(c) for c in shared.head.children):
        # "A way to halt that cycle is to insist ...", "the decision was to declare ...": a plan or an aim the
        # sentence describes, not words anyone said ("Booker was the lone participant to say ...", "the officer
        # was to testify that ..." report)
        return "hypothetical"
    if cue.tag_ == "VBG" and cue.head.lower_ == "worth":
        return "hypothetical"  # "It's also worth noting that ...": the writer's aside
    if cue.tag_ == "VBG" and cue.dep_ == "pcomp" and cue.head.lower_ in ("than", "like") \
            and not any(c.dep_ in (*SUBJECT_DEPS, "poss") for c in cue.children):
        return "hypothetical"  # "It's not more clarifying than saying that ...": a comparison, no one's words
    if cue.tag_ in ("VBP", "VBZ") and _future_time(cue) \
            and cue_lexicon().get(cue.lemma_.lower(), NO_CUE).kind == "speech":
        # "what the candidates say about Iran in next week's debate": not said yet ("by next year the institute
        # hopes to have ...": the hope is held now, the time is its content's)
        return "hypothetical"
    conjunct_of = _conjunct_sharing_auxiliaries(cue)
    if conjunct_of is not None:
        # "Congress would impose sanctions on Turkey and call for its suspension": the second verb's "would" is
        # the first's, left unsaid (ellipsis of the shared auxiliary); "did not confirm or deny": its negation
        if _auxiliary_words(conjunct_of) & (HYPOTHETICAL_AUX | FUTURE_AUX | {"'d"}):
            return "hypothetical"
        if any(c.dep_ == "neg" for c in conjunct_of.children) \
                and any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in conjunct_of.children):
            return "negated"
    chain = [cue]
    while (chain[-1].dep_ == "xcomp" or chain[-1].dep_ == "ccomp" and _infinitive(chain[-1])
           or _subjectless_participle(chain[-1]) or _perceived(chain[-1])) \
            and chain[-1].head.i != chain[-1].i and len(chain) < 4:
        chain.append(chain[-1].head)
    beyond_participle = False
    for verb in chain:
        children = list(verb.children)
        if beyond_participle:
            # "Iran could use this moment, calling on our allies": the participle shares its clause's modality,
            # not its negation or aim ("Pompeo sought to place the killing in context, noting ..." reports)
            if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX or c.dep_ == "mark" and c.lower_ in
                   HYPOTHETICAL_MARKS for c in children):
                return "hypothetical"
            continue
        beyond_participle = _subjectless_participle(verb)
        if any((c.dep_ == "neg" or c.lower_ in ("never", "not", "n't")) and not _quoted_before(c, verb)
               for c in children):
            return "negated"
        auxiliaries = _auxiliary_words(verb)
        if auxiliaries & {"would", "should", "'d"} and auxiliaries & {"have", "'ve"}:
            return "hypothetical"  # "The American people would have said ...": a counterfactual
        if verb is not cue and verb.lemma_.lower() in NEGATING_HEADS:
            return "negated"
        if verb is not cue and verb.lemma_.lower() in ("be", "have") and any(c.lower_ == "yet" for c in children):
            return "negated"  # "is yet to comment", "has yet to say": not said
        if verb is not cue and verb.lemma_.lower() in NOT_YET_HEADS:
            return "hypothetical"  # "plans to ask", "wants to say": not said yet
        below = chain[chain.index(verb) - 1] if verb is not cue else None  # the verb this one governs
        if verb is not cue and verb.lemma_.lower() in DIRECTING_HEADS and below.dep_ == "xcomp" and _infinitive(below):
            return "hypothetical"  # "The order directs agencies to ask ...", "urged Congress to condemn": not done yet
        if verb is not cue and verb.lower_ in ("going", "gon") and any(
                c.dep_ == "aux" and (c.lemma_ == "be" or c.lower_ in BE_CONTRACTIONS) for c in children):
            return "hypothetical"  # "is going to say": a report still to come ("went on to say" reports)
        if verb is not cue and _perceived(below) \
                and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in children):
            return "hypothetical"  # "you will hear the president say ...": a report still to come
        if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in children):
            return "hypothetical"
        if verb is cue and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in children):
            return "hypothetical"
        if verb is cue and any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX and cue.i - 3 <= c.i < cue.i
                               and not any(t.is_punct for t in cue.doc[c.i + 1:cue.i]) for c in children):
            # "those who accept the act should recall that ...", "It must insist on hearings": what ought to be
            # said, not what was ("'I think he should, too,' he said": the parser's "should" is the quotation's)
            return "hypothetical"
        if verb is cue and any(c.dep_ == "dobj" and (c.lower_ == "nothing" or any(
                d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in children):
            return "negated"  # "he said nothing", "Trump offered only a curt 'no comment'"
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in children):
            return "hypothetical"
        if verb is cue and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "whenever") for c in children) \
                and any(c.dep_ in SUBJECT_DEPS and c.lower_ in INDEFINITE_PRONOUNS for c in children):
            return "hypothetical"  # "when someone asks you to suffer short-term pain": anyone, any time
    # a sentence ends in its paragraph break; a question inside the quotation is the speaker's, not the reporter's
    if _sentence_asks(cue) or _asks_a_question(cue) or _left_open(cue):
        return "asked"
    return ""


def _sentence_asks(cue: Token) -> bool:
    """Whether the cue's sentence is a question: it ends in "?" (a sentence ends in its paragraph break)."""
    return cue.sent.text.rstrip(" \n\t)").endswith("?")


FREE_CHOICE_PRONOUNS = frozenset({"anyone", "anybody", "whoever", "whomever"})


def _free_choice(subject: Token, cue: Token) -> bool:
    """Whether the subject is anyone at all ("Any politician who tells you otherwise", "Anyone who says",
    "Whoever claims"): a free-choice indefinite (Vendler 1962's "any") generalises over people and reports no one's
    words; through a relative pronoun, its antecedent. "Anyone" is left to the other readings of a sentence ("if
    anyone says", "when someone asks" are hypothetical already)."""
    if subject.lower_ in RELATIVE_PRONOUNS and cue.dep_ == "relcl":
        subject = cue.head
    return subject.lower_ in FREE_CHOICE_PRONOUNS \
        or any(c.dep_ == "det" and c.lower_ == "any" for c in subject.children)


UNKNOWING_WORDS = frozenset({"unclear", "uncertain", "unknown", "wonder", "question", "doubt"})
KNOWING_WORDS = frozenset({"clear", "sure", "certain", "know"})


def _left_open(cue: Token) -> bool:
    """ "It's unclear what subset of migrants Trump is referring to", "Nobody knows what Trump meant": a report
    inside an indirect question the writer leaves open (a wh- or "whether" clause under a word of not knowing)
    says what is not known, not what was said."""
    head = cue.head
    # the parser may hang the wh-phrase apart ("unclear what subset of migrants": "subset" a clause of its own)
    asked = _opens_a_question(cue) or head.i < cue.i and any(t.tag_ in ("WDT", "WP", "WRB")
                                                           for t in cue.doc[head.i + 1:cue.left_edge.i])
    if cue.dep_ != "ccomp" or not asked:
        return False
    words = {head.lemma_.lower(), *(c.lemma_.lower() for c in head.children if c.dep_ == "acomp")}
    denied = any(c.dep_ == "neg" for c in head.children) \
        or any(c.dep_ in SUBJECT_DEPS and c.lower_ in ("nobody", "no-one") for c in head.children)
    return bool(words & UNKNOWING_WORDS) or denied and bool(words & KNOWING_WORDS)


class _Words(NamedTuple):
    """Each token's lower-cased lemma and coarse tag, read once per article: the cue loops look words up here and
    build spaCy ``Token`` objects (each access makes a new one) only for the few that may be cues."""
    lemma: list[str]
    pos: list[str]


def _words(doc: Doc) -> _Words:
    tokens = list(doc)
    return _Words([t.lemma_.lower() for t in tokens], [t.pos_ for t in tokens])


def _verb_drafts(doc: Doc, quotations: list[Quotation], kinds: frozenset[str], quoted: list[bool],
                 words: _Words) -> list[_Draft]:
    lexicon = cue_lexicon()
    drafts = []
    for i, (lemma, pos) in enumerate(zip(words.lemma, words.pos)):
        if pos not in ("VERB", "AUX") or quoted[i] or lemma not in lexicon:
            continue
        token = doc[i]
        if token.dep_ in ("amod", "compound", "aux"):
            continue
        entry = lexicon[lemma]
        if entry.kind not in kinds:
            continue
        particle = [c for c in token.children if c.dep_ in ("prt", "advmod") and c.lower_ == "back" and c.i > token.i]
        if entry.lemma == "push" and not particle:
            continue
        if entry.lemma == "point" and not any(c.lower_ in ("to", "out") for c in token.children):
            continue
        if any(c.dep_ == "prt" and c.lower_ in NOT_SPEECH_PARTICLES for c in token.children) \
                or _action_reading(token):
            continue
        subject, subject_span = _subject(token, quoted), None
        asked = _question_put(token)
        if asked:
            # "Asked by Stephanopoulos about ..., Carson said": the one who asks is the source of the question, and
            # "Asked about ..., Thune said" names no one who asked: the answer is the next verb's attribution
            askers = _agents(token)
            if not askers:
                continue
            subject = askers[0]
            subject_span = _char_span(t for t in subject.subtree if t.i <= subject.i)
        if subject is not None and _is_time(subject):
            subject = None  # "last week said", "Sunday said": a misparse, the speaker is elsewhere or unnamed
        aside = _speaker_in_aside(token, subject, quoted) if not asked else None
        if aside is not None:
            subject, subject_span, aside_content = aside
        if subject is None:
            subject, subject_span = _speaker_before_cue(token, quoted) or _speaker_before_aside(token, quoted) \
                or (None, None)
        if subject is None or quoted[subject.i]:
            continue
        content = aside_content if aside is not None else _content(token, entry, quotations)
        if content is None and asked:
            # the parser hangs what was asked on the askers ("asked by reporters about the strike")
            after = [t for t in token.subtree if t.i > subject.i and not t.is_punct]
            content = _char_span(after) if after else None
        if content is None or content[1] <= content[0]:
            continue
        cue_end = (particle[0] if particle else token)
        drafts.append(_Draft(token, entry.lemma, _cue_kind(token, entry.kind), token.idx,
                             cue_end.idx + len(cue_end.text), subject, content, _channel(token), subject_span,
                             _not_a_report(token) or "asserted"))
    return drafts


def _tokens_at(doc: Doc, text: str, pattern: re.Pattern) -> list[Token]:
    """The tokens holding a match of ``pattern`` in the article's text, in order: a cue word found in the text
    instead of by walking every token (each of which spaCy builds anew)."""
    found: dict[int, Token] = {}
    for match in pattern.finditer(text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and len(span):
            found.setdefault(span[0].i, span[0])
    return [found[i] for i in sorted(found)]


ACCORDING = re.compile(r"according", re.IGNORECASE)
DASH_MARKS = re.compile(r"--|[—–―]")
SPEECH_MARKS = re.compile(r"[:—–]")


NORM_NOUNS = frozenset({"standard", "rule", "regulation", "norm", "principle", "procedure", "protocol", "custom",
                        "tradition", "convention", "specification", "requirement", "criterion", "criteria"})
"""Things one acts in accordance with: "produces them according to standards" conforms, it cites no source."""


def _norm(thing: Token) -> bool:
    """ "according to standards", "according to strict rules": a norm without a determiner or owner is what an
    act conforms to ("in accordance with"), not a source; "according to the rules of the Senate", "according to
    research" or "according to the account" still report."""
    return thing.lemma_.lower() in NORM_NOUNS and not any(c.dep_ in ("det", "poss") for c in thing.children)


def _according_drafts(doc: Doc, quoted: list[bool], text: str) -> list[_Draft]:
    drafts = []
    for token in _tokens_at(doc, text, ACCORDING):
        if token.lower_ != "according" or quoted[token.i]:
            continue
        to = [c for c in token.children if c.lower_ == "to"]
        sources = [o for c in to for o in c.children if o.dep_ == "pobj"]
        if not sources or _norm(sources[0]):
            continue
        clause = token.head if token.head.i != token.i else None
        if clause is None:
            continue
        content = _subtree_span(clause, without=token)
        drafts.append(_Draft(token, "according to", "speech", token.idx, to[0].idx + len(to[0].text),
                             sources[0], content, ""))
    return drafts


def _noun_drafts(doc: Doc, quoted: list[bool], words: _Words) -> list[_Draft]:
    """Nominal cues with their source as possessor or by-phrase: "Trump's claim that ...", "warnings by X about ..."."""
    drafts = []
    for i, (lemma, pos) in enumerate(zip(words.lemma, words.pos)):
        if pos != "NOUN" or lemma not in NOUN_CUES or quoted[i]:
            continue
        token = doc[i]
        children = list(token.children)
        # "Sunday's announcement" is dated, not sourced
        sources = [c for c in children if c.dep_ == "poss" and c.lower_ not in ("its", "their", "our", "my", "your")
                   and not _is_time(c)]
        sources += [o for c in children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children if o.dep_ == "pobj"]
        clauses = [c for c in children if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children)]
        clauses += [c for c in children if c.dep_ == "prep" and c.lower_ in ("about", "on", "of")
                    and not any(o.dep_ == "pobj" and _is_time(o) for o in c.children)]  # not "remarks on Friday"
        if not sources or not clauses or quoted[sources[0].i]:
            continue
        drafts.append(_Draft(token, token.lemma_.lower(), "speech", token.idx, token.idx + len(token.text),
                             sources[0], _subtree_span(clauses[0]), ""))
    return drafts


PERSPECTIVE_QUANTIFIERS = frozenset({"many", "some", "others", "most"})


def _perspective_holder(noun: Token, mention_at: dict[int, tuple[str, str]]) -> bool:
    """Whether a "to" phrase names someone whose view a clause can be: a person or people (:func:`_is_person`), a
    people ("To many Iraqis, ...") or a bare quantifier ("To many, ..."): "To Sexton, Tuesday marked a turning
    point"."""
    return _is_person(noun) or mention_at.get(noun.i, ("", ""))[1] in ("PERSON", "NORP") \
        or noun.lower_ in PERSPECTIVE_QUANTIFIERS


def _perspective_drafts(doc: Doc, quoted: list[bool], mention_at: dict[int, tuple[str, str]]) -> list[_Draft]:
    """A view marked by a phrase, not a verb, opening its sentence: "To Sexton, Tuesday marked a turning point"
    (a belief of the phrase's people, PolNeAR's attribution of perspective). "For X, ..." and "in the polls"
    are not taken: on PolNeAR train they are attributions less than a third of the times they occur."""
    drafts = []
    for sentence in doc.sents:
        prep = next((t for t in sentence if not (t.is_punct or t.is_space)), None)
        if prep is None or prep.lower_ != "to" or prep.dep_ != "prep" or quoted[prep.i] or prep.head.i == prep.i:
            continue
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        phrase_end = max(t.i for t in prep.subtree)
        if not objects or phrase_end + 1 >= len(doc) or doc[phrase_end + 1].text != "," \
                or not _perspective_holder(_quantified(objects[0]), mention_at):
            continue
        drafts.append(_Draft(prep, "to", "belief", prep.idx, prep.idx + len(prep.text), objects[0],
                             _subtree_span(prep.head, without=prep), "", _subtree_span(objects[0]),
                             _not_a_report(prep.head) or "asserted"))
    return drafts


COLON_LABELS = frozenset({
    "update", "updated", "related", "photo", "photos", "video", "watch", "read", "listen", "note", "editor", "source",
    "sources", "credit", "via", "advertisement", "warning", "q", "a", "question", "answer", "subscribe", "more",
    "correction", "clarification", "disclaimer", "caption", "image", "graphic", "map", "chart", "breaking", "live",
    "opinion", "analysis", "exclusive", "transcript", "featured", "tags", "topics", "share", "follow",
    "photograph", "photographs", "picture", "pictures", "pictured", "illustration", "top", "bottom", "left", "right",
})
"""Words before a colon that label page furniture, not a speaker ("Related:", "Photo:", "Editor's note:")."""


def _ends_in_speaker(before: list[Token], name: Token) -> bool:
    """Whether the words before a colon end in a speaker: a name ("Lindsey Graham:"), a person's handle
    ("@ChrisMurphy:") or a role word of the source lexicon ("Pentagon spokesman:"), not another noun ("Macron's
    disruptions:")."""
    words = [t for t in before if not t.is_punct]
    return bool(words) and (words[-1].ent_type_ == name.ent_type_ != "" or words[-1].lemma_.lower() in source_lexicon()
                            or _handle_owner(words[-1]) is not None)


DASHES = frozenset({"—", "–", "―", "--"})
CLOSING_MARKS = "”\"'’"


def _transcript_label(before: list[Token]) -> bool:
    """A transcript's speaker label: one to three capitalised words, "PENCE:", "CHRIS WALLACE:"."""
    words = [t for t in before if not t.is_punct]
    return 0 < len(words) <= 3 and all(t.is_alpha and t.is_upper and len(t.text) > 1 for t in words)


def _label_in_quoted_transcript(colon: Token) -> bool:
    """ "\"WALLACE: Let's start with breaking news ...": a transcript quoted paragraph by paragraph, each opening
    with a quotation mark (the convention for a quotation that runs over paragraphs), its speaker label right after
    the mark at the line's start."""
    doc = colon.doc
    start = colon.i
    while start > 0 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    line = [t for t in doc[start:colon.i] if not t.is_space]
    return len(line) >= 2 and line[0].text in ('"', "“") and _transcript_label(line[1:])


def _named_elsewhere(before: list[Token], surnames: frozenset[str]) -> bool:
    """A headline's bare name that NER missed ("Pence: Gennifer Flowers won't be at debate"): one to three
    capitalised words ending in the surname of a person the article names."""
    words = [t for t in before if not t.is_punct]
    return 0 < len(words) <= 3 and all(t.text[:1].isupper() for t in words) and words[-1].lower_ in surnames


def _headline_source(before: list[Token]) -> bool:
    """A headline's unnamed source before its colon: "Poll: Clinton and Trump in dead heat", "Officials: ..."
    (one or two words ending in a word of the source lexicon that is not an outlet)."""
    words = [t for t in before if not t.is_punct]
    return 0 < len(words) <= 2 and words[0].text[:1].isupper() \
        and source_lexicon().get(words[-1].lemma_.lower()) in ("document", "anonymous", "organization")


HEADING_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for",
                                 "with", "from", "as", "vs", "vs.", "is", "be"})


def _in_capitals(words: list[Token]) -> bool:
    """Words all in capitals, two at least: a headline's style ("TRUMP WARNS IRAN")."""
    letters = [t for t in words if t.is_alpha and len(t.text) > 1]
    return len(letters) >= 2 and all(t.is_upper for t in letters)


def _heading(words: list[Token]) -> bool:
    """Title Case words with no sentence end on their line: "Escalate to Win" after "Putin:" is a section heading
    in an essay (the title-case convention of headings and headlines), not a quotation of Putin."""
    last = words[-1]
    if last.text[-1:] in SENTENCE_END_MARKS or _line_holds(last, SENTENCE_END_MARKS):
        return False
    content = [t for t in words if t.is_alpha and t.lower_ not in HEADING_SMALL_WORDS]
    return len(content) >= 2 and all(t.text[0].isupper() for t in content)


SENTENCE_END_MARKS = frozenset(".!?")
"""What ends a sentence; a closing quotation mark alone does not ("Let Them 'Walk All Over US'" is a headline)."""


def _line_holds(token: Token, marks: frozenset[str]) -> bool:
    """Whether the text after ``token``, up to the end of its line, holds one of the single characters ``marks``.
    It reads the tokens that follow one at a time and stops at the first mark or line break: ``doc.text`` joins
    every token of the document again on each use, and a line may be a whole paragraph."""
    for piece in chain([token.whitespace_], (t.text_with_ws for t in token.doc[token.i + 1:])):
        line, newline, _ = piece.partition("\n")
        if not marks.isdisjoint(line):
            return True
        if newline:
            return False
    return False


LINK_LABELS = re.compile(r"(?:fact check|related|read more|more|also read|read|see also|watch|video|opinion|analysis|"
                         r"live updates|listen|explainer)\s*:\s", re.IGNORECASE)
"""Labels a news page puts before the headline of another story it links to ("Fact check: Trump discusses ...")."""


def _short_line(doc: Doc, i: int) -> tuple[int, int] | None:
    """The token bounds of the line token ``i`` is in, or None past :data:`HEADLINE_MAX_TOKENS` either side: the
    checks for headlines run for every verb, so they read a line's tokens, never ``doc.text``."""
    start = i
    while start > 0 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
        if i - start > HEADLINE_MAX_TOKENS:
            return None
    end = i
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
        if end - i > HEADLINE_MAX_TOKENS:
            return None
    return start, end


def _linked_story_line(line: str) -> bool:
    """Whether a verb's ``line`` opens with a link label (:data:`LINK_LABELS`) and ends with no full stop: the
    headline of another story ("Fact check: Trump discusses escalation of tensions with Iran in televised speech"),
    in sentence case as many outlets write headlines."""
    return bool(LINK_LABELS.match(line)) and len(line.split()) <= 25 and line[-1:] not in ".!?\"”'’"


LINK_LABEL_LINE = re.compile(r"(?:read more|more|related|see also|also read|recommended)\b[^:\n]{0,40}:",
                             re.IGNORECASE)
"""A line of its own that introduces a list of links ("Read more from The Hill:", "Related coverage:")."""


def _listed_under_link_label(doc: Doc, bounds: tuple[int, int], line: str) -> bool:
    """Whether a verb's ``line``, with no full stop, is one of the headlines listed under a link label line
    ("Read more from The Hill:" then "Iran dismisses US claim that it was behind attack on Saudi oil plants")."""
    if not line or line[-1:] in ".!?\"”'’" or len(line.split()) > 25:
        return False
    # this runs for every verb on a short line: split off only the lines it reads, not the whole text before it
    before = doc.text[:doc[bounds[0]].idx].rstrip().rsplit("\n", 8)
    for previous in reversed(before[-8:]):
        previous = previous.strip()
        if not previous:
            continue
        if LINK_LABEL_LINE.fullmatch(previous):
            return True
        if previous[-1:] in ".!?\"”'’" or len(previous.split()) > 25:
            return False  # a sentence of the article: no list of links above
    return False


VIDEO_DURATION = re.compile(r"(?P<title>.+\S)\s+\d{1,2}:\d{2}")
"""A video's title with its running time after it, as a page's embedded player prints it ("... 01:26")."""
PLAYER_LINE = re.compile(r"^play video\b|\s[–—-]\s*video(?:\s+\w+)?$", re.IGNORECASE)
"""A video player's own line: its button label first ("Play Video 'I want answers': Justin Trudeau says ..."), or
the outlet's tag for a video last ("... downed plane in Iran – video", "– video explainer")."""


def _video_title(doc: Doc, bounds: tuple[int, int], line: str) -> bool:
    """Whether a verb's ``line`` (its token ``bounds``) is the title of an embedded video: the line the player
    prints again with its running time right after it ("Kurds say US has betrayed them, says former US diplomat"
    and then the same words with "01:26"), or that line itself. The words are a headline of the page's furniture,
    not the story's report. So is a line a player labels as its own (:data:`PLAYER_LINE`)."""
    if PLAYER_LINE.search(line):
        return True
    timed = VIDEO_DURATION.fullmatch(line)
    if timed:
        before = bounds[0] - 1
        while before >= 0 and doc[before].is_space:
            before -= 1
        other = _short_line(doc, before) if before >= 0 else None
        return other is not None and doc[other[0]:other[1]].text.strip() == timed.group("title")
    after = bounds[1]
    while after < len(doc) and doc[after].is_space:
        after += 1
    other = _short_line(doc, after) if after < len(doc) else None
    timed = VIDEO_DURATION.fullmatch(doc[other[0]:other[1]].text.strip()) if other is not None else None
    return timed is not None and timed.group("title") == line


HEADLINE_MAX_TOKENS = 40
"""Tokens a linked headline of at most 25 words can hold on either side of its verb."""


def _in_headline(verb: Token) -> bool:
    """A Title Case verb ending a Title Case run of words ("Federal Lawsuit Says", "Trump Says Iran Is Standing
    Down") that is no sentence's first word: a headline, of a link to another story or of page furniture."""
    sentence = verb.sent
    doc = verb.doc
    if verb.is_upper and len(verb.text) > 1:
        # "IRAN'S SUPREME LEADER CALLS MISSILE STRIKE A 'SLAP IN THE FACE'": a line all in capitals is the
        # headline of a linked story, however its quotation marks end it
        first = max([t.i + 1 for t in doc[sentence.start:verb.i] if "\n" in t.text] + [sentence.start])
        last = next((t.i for t in doc[verb.i + 1:sentence.end] if "\n" in t.text), sentence.end)
        line = [t for t in doc[first:last] if not t.is_space and not t.is_punct]
        if _in_capitals(line) and sum(t.is_alpha for t in line) >= 4:
            return True
    bounds = _short_line(doc, verb.i)  # read once for both checks: this runs for every verb
    own_line = doc[bounds[0]:bounds[1]].text.strip() if bounds is not None else ""
    if bounds is not None and (_linked_story_line(own_line) or _video_title(doc, bounds, own_line)
                               or _listed_under_link_label(doc, bounds, own_line)):
        return True
    if not verb.text[:1].isupper() or verb.i == sentence.start:
        return False
    start = max([t.i + 1 for t in verb.doc[sentence.start:verb.i] if t.text in ("(", "[", ":")] + [sentence.start])
    end = next((t.i for t in verb.doc[verb.i + 1:sentence.end] if t.text in (")", "]") or "\n" in t.text),
               sentence.end)
    words = [t for t in verb.doc[start:end] if not t.is_space and not t.is_punct]
    content = [t for t in words if t.is_alpha and t.lower_ not in HEADING_SMALL_WORDS]
    return len(content) >= 3 and _heading(words)


def _repeated_name(words: Span) -> bool:
    """Two capitalised words written twice in a row ("Joe Biden Joe Biden Parnas"): the text of a link to a
    person's page run into the sentence and into the next link's headline, not a speaker's label."""
    pairs = [(a.lower_, b.lower_) for a, b in zip(words, words[1:]) if a.text[:1].isupper() and b.text[:1].isupper()]
    return len(pairs) != len(set(pairs))


def _colon_drafts(doc: Doc, quoted: list[bool], text: str) -> list[_Draft]:
    """Speech marked by a colon or a dash at the start of a sentence: "Zarif: 'We do not seek war'",
    "Trump — 'Iran is standing down'", "WALLACE: Let's start" (interview transcripts, headlines, live blogs).
    The speaker is the short name before the mark (a person, a group, a body, or a transcript's capitalised
    label: no verb, at most six words, after any dash that ends a headline before it), the content what follows
    it up to the end of the sentence, or the next sentence when the mark ends its own ("TAPPER:")."""
    drafts = []
    # a colon inside a symbol ("UK:BRNX19", "10:30") marks no speech
    marks = [t for t in _tokens_at(doc, text, SPEECH_MARKS) if t.text in (":", "—", "–")
             and (not quoted[t.i] or t.text == ":" and _label_in_quoted_transcript(t))
             and not (t.text == ":" and not t.whitespace_ and t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isalnum())]
    if not marks:
        return drafts
    sentences = list(doc.sents)
    sentence_starts = [sentence.start for sentence in sentences]
    first_marks: dict[int, Token] = {}
    for mark in marks:
        first_marks.setdefault(bisect_right(sentence_starts, mark.i) - 1, mark)
    surnames = frozenset(e[-1].lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1)
    for number, mark in first_marks.items():
        sentence = sentences[number]
        before = [t for t in doc[sentence.start:mark.i] if not t.is_space]
        if before and before[0].text in ('"', "“") and _label_in_quoted_transcript(mark):
            before = before[1:]  # the quotation mark that opens a quoted transcript's paragraph
        if before and before[0].text in ("[", "("):
            continue  # "[CDC: Covid-19 death toll is twice as high ...]": a bracketed link to another story
        # a hyphen between spaces is a dash; inside a word ("a follow-up tweet") it is not
        dashes = [k for k, t in enumerate(before) if t.text in DASHES
                  or t.text == "-" and (t.whitespace_ or t.i and t.doc[t.i - 1].whitespace_)]
        if dashes:
            before = before[dashes[-1] + 1:]  # "Voters care more about ... - Frank Newport: “We found ...”"
        if before and _repeated_name(doc[max(0, before[0].i - 3):mark.i]):
            continue  # "... former Vice President Joe Biden Joe Biden Parnas: U.S. ambassador ...": link text
        after = [t for t in doc[mark.i + 1:sentence.end] if not t.is_space and not t.is_punct]
        if not after and mark.text == ":" and number + 1 < len(sentences):
            after = [t for t in sentences[number + 1] if not t.is_space and not t.is_punct]
        topic = next((k for k, t in enumerate(before) if k and t.lower_ in ("on", "about") and t.pos_ == "ADP"), None)
        if topic is not None:
            before = before[:topic]  # "Pelosi on the strike: “...”", ".@DavidMuir on the war in Afghanistan: ..."
        if not before or len(before) > 6 or len(after) < 3:
            continue
        if before[0].pos_ == "ADP" or _heading(after) or sum(t.like_email or t.like_url for t in after) * 2 >= len(after):
            continue  # "In Italy:", "Putin: Escalate to Win" (section headings), "Email: ...@thehill.com"
        if _in_capitals(before) and _in_capitals(after):
            continue  # "TRUMP WARNS IRAN: US HAS TARGETED '52 IRANIAN SITES'": a headline of another story
        if any(t.pos_ in ("VERB", "AUX") for t in before) or any(t.like_num or t.lower_ in COLON_LABELS for t in before):
            continue
        names = [t for t in before if t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or _handle_owner(t)]
        label = mark.text == ":" and (_transcript_label(before) or _named_elsewhere(before, surnames)
                                      or _headline_source(before))
        if not label and (not names or not _ends_in_speaker(before, names[-1])):
            continue  # "Macron's disruptions:" introduces the writer's list, not Macron's words
        if mark.text != ":" and not quoted[after[0].i]:
            continue  # after a dash only a quotation is speech ("Baghdad — The parliament voted" is a dateline)
        speaker = next((t for t in reversed(before) if t.ent_type_ == "PERSON"), names[-1] if names else before[-1])
        if _is_media_name(text[slice(*_char_span(before))]):
            continue  # "The Associated Press: After Trump's attacks ...", "Politico: ..." (which NER may take for a
            # person): a credit in a list of links, not speech
        content = (after[0].idx, after[-1].idx + len(after[-1].text))
        # "Reporter: “This is the most important?” “Of course.”": a transcript's question is asked, not claimed
        ends = [t.text for t in doc[after[0].i:after[-1].i + 2] if t.text in (".", "!", "?")]
        factuality = "asked" if ends[:1] == ["?"] else "asserted"
        drafts.append(_Draft(mark, mark.text, "speech", mark.idx, mark.idx + len(mark.text), speaker, content, "",
                             _char_span(before), factuality))
    return drafts


def _credit_drafts(doc: Doc, quotations: list[Quotation], quoted: list[bool], text: str) -> list[_Draft]:
    """A quotation credited after a dash: "“Mostly he promotes hate.” ― Esther Tapia", and an embedded post,
    "… — Sahil Kapur (@sahilkapur) September 1, 2016" (the epigraph and social-media embed conventions). The
    speaker is a person named right after the dash, before the line ends; the content is the quotation that ends
    just before the dash, or, for a post credited with its handle, the paragraph it closes."""
    ends = {q.end: q for q in quotations}
    drafts = []
    for dash in _tokens_at(doc, text, DASH_MARKS):
        closing = len(dash.text) - len(dash.text.lstrip(CLOSING_MARKS))  # the tokenizer glues "”―"
        if dash.text[closing:] not in DASHES or quoted[dash.i]:
            continue
        line_end = text.find("\n", dash.idx)
        line_end = len(text) if line_end < 0 else line_end
        credit = [t for t in doc[dash.i + 1:min(dash.i + 12, len(doc))] if t.idx < line_end and not t.is_space]
        people = [t for t in credit[:4] if t.ent_type_ == "PERSON"]
        if people and any(t.pos_ in ("VERB", "AUX") for t in credit if t.i < people[0].i):
            continue
        name = [t for t in credit if t.ent_iob_ != "O" and t.ent_type_ == "PERSON"
                and t.i >= people[0].i and t.i < people[0].i + 6] if people else _credit_name(credit)
        if not name:
            continue
        people = people or name[-1:]  # the surname heads the name NER missed
        gap = text[:dash.idx + closing].rstrip(" \t\xa0\n")
        # a dash opening a paragraph of its own credits only a paragraph that is all quotation (an epigraph) or a
        # post's text (its link or tags); after a reporter's paragraph it is a byline, or a post whose text is lost
        own_paragraph = text.count("\n", len(gap), dash.idx + closing) >= 2
        quotation = next((ends[k] for k in (len(gap), len(gap.rstrip(".,")), len(gap.rstrip(CLOSING_MARKS)))
                          if k in ends), None)
        paragraph = gap[gap.rfind("\n") + 1:]
        before_quotation = text[:quotation.start].rstrip(" \t\xa0") if quotation is not None else ""
        if quotation is not None and (not own_paragraph or not before_quotation or before_quotation.endswith("\n")):
            content = (quotation.start, quotation.end)
        elif not own_paragraph and paragraph[:1] in "“”\"" and paragraph[-1:] in "“”\"" and len(paragraph) > 2:
            # "”Mostly he promotes hate.” ― Esther Tapia": a line that is all quotation, its marks mismatched so
            # that no quotation was found, credited at its end
            content = (len(gap) - len(paragraph), len(gap))
        elif any(t.text.startswith("@") for t in credit) and paragraph \
                and (not own_paragraph or re.search(r"pic\.twitter\.com|https?://|(?:^|\s)[#@]\w", paragraph)):
            content = (gap.rfind("\n") + 1, len(gap))
        else:
            continue
        drafts.append(_Draft(dash, dash.text, "speech", dash.idx, dash.idx + len(dash.text), people[0], content, "",
                             _char_span(name)))
    return drafts


def _credit_name(credit: list[Token]) -> list[Token]:
    """A credit NER did not read as a person ("― Beck Pimentel", "― Christina N Luis Olidem"): the whole rest of
    the line, two to five capitalised words or initials and at most a closing full stop."""
    words = credit[:-1] if credit and credit[-1].text == "." else credit
    if not 2 <= len(words) <= 5 or not words[0].is_alpha or len(words[0].text) < 2:
        return []
    return words if all(t.text[:1].isupper() and (t.is_alpha or len(t.text.rstrip(".")) == 1) for t in words) else []


class CueCandidate(NamedTuple):
    """A verb the rules did not read, with the subject and source span the rules would give it."""
    verb: Token
    subject: Token
    source_start: int
    source_end: int
    features: list[str]
    subject_span: tuple[int, int] | None = None


def _quoted_tokens(doc: Doc, quotations: list[Quotation]) -> list[bool]:
    quoted = [False] * len(doc)
    for q in quotations:
        span = doc.char_span(q.start, q.end, alignment_mode="contract")
        for token in span or []:
            quoted[token.i] = True
    return quoted


LIGHT_VERB_CUES = {
    "make": NOUN_CUES | {"case", "point", "observation", "mention", "reference", "appeal", "plea"},
    "give": frozenset({"speech", "address", "warning", "statement", "assurance", "testimony", "account"}),
    "issue": frozenset({"statement", "warning", "denial", "threat", "ultimatum", "call", "appeal"}),
    "deliver": frozenset({"speech", "address", "warning", "message", "remarks"}),
}
"""A verb whose object names the speech act: "made the case that ...", "made the point that ...", "gave a
warning that ...", "issued a denial"; the reporting is in the noun (light-verb constructions, Jespersen 1942;
PolNeAR marks verb and noun as the cue)."""
PLAIN_WORDS = frozenset({"clear", "plain"})


def _light_verb_content(verb: Token) -> tuple[Token, tuple[int, int]] | None:
    """(the speech-act noun or "clear", the content) of a light-verb report, or None."""
    nouns = LIGHT_VERB_CUES[verb.lemma_.lower()]
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in nouns:
            # "the case that X" (a clause on the noun), "the argument for X", "no mention of X"
            clauses = [c for c in child.children if c.dep_ in ("acl", "ccomp") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
            clauses = clauses or [c for c in child.children if c.dep_ == "prep" and c.lower_ in (
                "for", "of", "about", "on", "against") and not any(o.lower_ == "own" for o in c.children)
                and not _topic_only(child, c)]
            if clauses:
                return child, _subtree_span(clauses[0])
        if child.dep_ == "ccomp" and child.lemma_.lower() in PLAIN_WORDS and verb.lemma_.lower() == "make":
            # "made clear that X", "made it clear that X" (the parser hangs the clause on "clear")
            clauses = [c for c in child.children if c.dep_ in ("csubj", "advcl", "ccomp")]
            if clauses:
                return child, _subtree_span(clauses[0])
        if child.dep_ in ("ccomp", "xcomp") and any(
                g.dep_ == "nsubj" and g.lemma_.lower() in nouns for g in child.children):
            # "made the case to grant amnesty": the parser makes the noun the subject of the infinitive
            noun = next(g for g in child.children if g.dep_ == "nsubj")
            return noun, _subtree_span(child, without=noun)
    return None


SPEECH_EVENTS = frozenset({"speech", "address", "remarks", "testimony", "statement", "message", "interview"})


def _topic_only(noun: Token, prep: Token) -> bool:
    """ "gave an address on foreign policy", "making arguments for and against each amendment": a speech
    event's topic, or both sides of a question, says what was spoken about, not what was said."""
    if prep.lower_ in ("on", "about") and noun.lemma_.lower() in SPEECH_EVENTS:
        return True
    return prep.lower_ == "for" and any(c.dep_ == "conj" and c.lower_ == "against" for c in prep.children)


def _put_it_content(verb: Token, quotations: list[Quotation]) -> tuple[Token, tuple[int, int]] | None:
    """ "As Tom Ridge put it, “...”", "Graham put it this way: “...”": the quotation that opens within a few
    words after "put it"."""
    it = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "it"]
    if not it:
        return None
    doc = verb.doc
    k = it[0].i + 1
    while k < len(doc) and (doc[k].dep_ in ("advmod", "npadvmod", "det") or doc[k].is_space):
        k += 1  # "put it this way", "put it bluntly"
    if k + 1 >= len(doc) or doc[k].text not in (",", ":"):
        return None
    k += 1
    while k < len(doc) - 1 and doc[k].is_space:
        k += 1
    found = [q for q in quotations if q.start == doc[k].idx]
    return (it[0], (found[0].start, found[0].end)) if found else None


def _light_verb_drafts(doc: Doc, quoted: list[bool], words: _Words, quotations: list[Quotation]) -> list[_Draft]:
    """Reports made with a light verb and a speech-act noun (``LIGHT_VERB_CUES``), "made (it) clear", and "put
    it" before a quotation."""
    drafts = []
    for i, (lemma, pos) in enumerate(zip(words.lemma, words.pos)):
        if pos != "VERB" or lemma not in LIGHT_VERB_CUES and lemma != "put" or quoted[i]:
            continue
        verb = doc[i]
        found = _put_it_content(verb, quotations) if lemma == "put" else _light_verb_content(verb)
        if found is None:
            continue
        subject = _subject(verb, quoted)
        if subject is None or quoted[subject.i] or _is_time(subject):
            continue
        noun, content = found
        drafts.append(_Draft(verb, f"{lemma} {noun.lemma_.lower()}", "speech", verb.idx, verb.idx + len(verb.text),
                             subject, content, _channel(verb), None, _not_a_report(verb) or "asserted"))
    return drafts


def _rule_drafts(doc: Doc, text: str, quotations: list[Quotation], quoted: list[bool], kinds: frozenset[str],
                 mention_at: dict[int, tuple[str, str]], words: _Words) -> list[_Draft]:
    drafts = _verb_drafts(doc, quotations, kinds, quoted, words)
    drafts += [d for d in _perspective_drafts(doc, quoted, mention_at) if d.cue_kind in kinds]
    if "speech" in kinds:
        drafts += _according_drafts(doc, quoted, text) + _noun_drafts(doc, quoted, words) \
            + _light_verb_drafts(doc, quoted, words, quotations) \
            + _colon_drafts(doc, quoted, text) + _credit_drafts(doc, quotations, quoted, text)
    return drafts


def cue_candidates(doc: Doc, *, drafts: list[_Draft] | None = None, quotations: list[Quotation] | None = None,
                   mention_at: dict[int, tuple[str, str]] | None = None,
                   words: _Words | None = None) -> list[CueCandidate]:
    """Every verb the learned cue model may add (:func:`corpus.extract.cue_model.learned_cue_kinds`), outside
    quotations, with a subject, that is not the cue of one of the rules' ``drafts`` (all cue kinds' when not
    given): what the model is trained on and decides. A verb inside the content the rules found is marked
    ``nested``. The lemma is checked first: finding a subject and a source phrase is the costly part."""
    addable = learned_cue_kinds()
    quotations = find_quotations(doc.text) if quotations is None else quotations
    quoted = _quoted_tokens(doc, quotations)
    mention_at = _mention_index(doc) if mention_at is None else mention_at
    words = _words(doc) if words is None else words
    if drafts is None:
        drafts = _rule_drafts(doc, doc.text, quotations, quoted, frozenset(CUE_KINDS), mention_at, words)
    taken = {d.cue_token.i for d in drafts}
    contents = [d.content for d in drafts]
    out = []
    for i, lemma in enumerate(words.lemma):
        if lemma not in addable or i in taken or quoted[i]:
            continue
        token = doc[i]
        if not is_candidate(token) or _action_reading(token):
            continue
        subject, span = _subject(token, quoted), None
        if subject is None:
            subject, span = _speaker_before_cue(token, quoted) or (None, None)  # "..., officials believe."
        if subject is None or quoted[subject.i] or subject.lower_ in SPEAKER_PRONOUNS:
            continue
        source = _source(subject, mention_at, cue=token)
        if span is not None:
            source = source._replace(start=span[0], end=span[1])
        label = mention_at.get(source.core.i, ("", ""))[1]
        nested = any(start <= token.idx < end for start, end in contents)
        out.append(CueCandidate(token, subject, source.start, source.end,
                                cue_features(token, source.core, label, nested=nested), span))
    return out


def _learned_content(verb: Token) -> tuple[int, int]:
    """The complement of a learned cue ("wants [to leave Iraq]"), else the predicate without its subject."""
    for dep in ("ccomp", "xcomp", "dobj", "prep"):
        # a phrase before the verb is its setting ("In 2015, X spoke about ..."), not what was said
        found = [c for c in verb.children if c.dep_ == dep and (c.i > verb.i or dep == "ccomp")]
        if found:
            return _char_span(t for c in found for t in c.subtree)
    right = [t for c in verb.children if c.i > verb.i and c.dep_ not in ("punct", "cc", "conj") for t in c.subtree]
    return _char_span(right) if right else (verb.idx, verb.idx + len(verb.text))


def _learned_drafts(doc: Doc, quotations: list[Quotation], rule_drafts: list[_Draft],
                    mention_at: dict[int, tuple[str, str]], kinds: frozenset[str], words: _Words) -> list[_Draft]:
    model = cue_model()
    if model is None:
        return []
    drafts = []
    for candidate in cue_candidates(doc, drafts=rule_drafts, quotations=quotations, mention_at=mention_at,
                                    words=words):
        if model.probability(candidate.features) < model.threshold:
            continue
        verb = candidate.verb
        if _action_reading(verb):
            continue
        lemma = verb.lemma_.lower()
        kind = _cue_kind(verb, learned_cue_kinds()[lemma])  # every candidate's lemma is on the list
        if kind not in kinds:
            continue
        drafts.append(_Draft(verb, lemma, kind, verb.idx, verb.idx + len(verb.text), candidate.subject,
                             _learned_content(verb), _channel(verb), candidate.subject_span,
                             _not_a_report(verb) or "asserted"))
    return drafts


def _mention_index(doc: Doc, mentions: list[EntityMention] | None = None) -> dict[int, tuple[str, str]]:
    """Token index -> (canonical entity, label) for every token inside a normalised entity mention
    (``mentions``: :func:`~corpus.extract.entities.entity_mentions` of ``doc``, when the caller has them)."""
    index = {}
    for mention in entity_mentions(doc) if mentions is None else mentions:
        span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        label = mention.label
        if label == "NORP" and span is not None and len(span) > 1 and span[-1].pos_ == "PROPN" \
                and affiliation_in([span[-1]]) is None:
            label = "ORG"  # "Saudi Aramco": a nationality word before a name is a body's name, not a people
        appositions = [c for c in span.root.children if c.dep_ == "appos"] if span is not None else []
        if label == "PERSON" and appositions and appositions[0].lemma_.lower() in BODY_APPOSITIONS:
            # "The Babylon Bee, a conservative parody website, joked": the apposition says what it is; only the
            # first ("John Ashton, a clinician and former director of Public Health England, the government
            # agency ...": the parser hangs the body's own apposition on the name too)
            label = "ORG"
        name = mention.entity
        tail = _name_after_and(span) if label == "ORG" and span is not None else None
        if tail is not None:
            name = f"{name} and {tail.text}"  # "Customs and Border Protection", NER's span stopping at "Customs"
        for token in span or []:
            index[token.i] = (name, label)
    return index


def _name_after_and(span: Span) -> Span | None:
    """The rest of one body's name NER cut at "and": "[Customs] and Border Protection" is one agency's name when
    one to three capitalised proper nouns no entity covers follow "and" and end the noun phrase; "Iran and Russia"
    (an entity after "and") names two."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].lower_ != "and" or span.text != span.text.strip():
        return None
    end = span.end + 1
    while end < len(doc) and end - span.end <= 3 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
            and not doc[end].ent_type_:
        end += 1
    if end == span.end + 1 or end - span.end > 3 or end < len(doc) and doc[end].pos_ == "PROPN":
        return None
    return doc[span.end + 1:end]


BODY_APPOSITIONS = frozenset({"website", "site", "outlet", "newspaper", "magazine", "publication", "network",
                              "company", "firm", "group", "organization", "organisation", "agency", "party",
                              "think-tank", "tank", "institute", "foundation", "nonprofit", "charity", "militia"})
"""Heads of an apposition that make a name NER took for a person's a body's."""


HONORIFIC_PRONOUNS = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she", "sir": "he"}


def _gender_evidence(core: Token, source: _Source, cue: Token | None) -> str | None:
    """A pronoun the article ties to the source: an honorific ("Mr. Gallagher"), "his"/"her" in the source
    phrase ("Gallagher, in his Navy whites"), or the subject of the reported clause ("Waxman said he has
    tried": the reporter's "he" is the speaker in indirect speech)."""
    doc = core.doc
    before = doc[core.i - 1].lower_.rstrip(".") if core.i else ""
    if before in HONORIFIC_PRONOUNS:
        return HONORIFIC_PRONOUNS[before]
    phrase = [*doc[core.left_edge.i:core.right_edge.i + 1],
              *(doc.char_span(source.start, source.end, alignment_mode="expand") or [])]
    # "His wife, Andrea Gallagher, who was by his side, said": a person introduced by a family tie is not the
    # "his" or "her" around the name, the one the tie is to is
    related = core.dep_ == "appos" and core.head.lemma_.lower() in KIN_NOUNS \
        or any(c.dep_ == "appos" and c.lemma_.lower() in KIN_NOUNS for c in core.children)
    words = set() if related else {t.lower_ for t in phrase}
    if "his" in words or "her" in words:
        return "his" if "his" in words else "her"
    if cue is not None:
        for clause in (c for c in cue.children if c.dep_ == "ccomp"):
            subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
            if subjects and subjects[0].lower_ in ("he", "she"):
                return subjects[0].lower_
    return None


def _short_body_name(doc: Doc, name: str, mention_at: dict[int, tuple[str, str]]) -> str | None:
    """ "Like the Catholic University in Erbil, the Shlama Foundation had previously applied ... Shlama had
    complained": a one-word name NER took for a person's that opens the name of the one body of that word the
    article names is that body's short form; not a person's name ("Trump" beside "the Trump Organization",
    "Reagan" beside "the Reagan administration": the article titles a person by it, or the entity table or the
    first-name list knows one)."""
    if " " in name or name.lower() in first_name_genders():
        return None
    # the bodies first: most names open none, and the scans of the article and the entity table are then spared
    bodies = {n for n, label in mention_at.values() if label == "ORG" and n.split()[0] == name and " " in n}
    if len(bodies) != 1:
        return None
    if any(n != name and label == "PERSON" and name in n.split() for n, label in mention_at.values()) \
            or any(entity.endswith(" " + name) for entity in entity_affiliations()):
        return None
    if any(t.text == name and t.i and (doc[t.i - 1].lower_.rstrip(".") in HONORIFIC_PRONOUNS
                                       or doc[t.i - 1].lower_ in OFFICE_WORDS) for t in doc):
        return None
    return bodies.pop()


def _completed_name(core: Token, name: str, source: _Source, mention_at: dict[int, tuple[str, str]],
                    cue: Token | None = None) -> str:
    """A person's name made whole from the article and the phrase around it: a first name alone is the one
    person the article named in full with it ("James" after "James Biden"); a first name coordinated with a
    full name shares its surname ("James and Hunter Biden" -> James Biden); a woman's name for a phrase that says "his" (or a
    man's for "her") gives way to the article's other person of that surname ("Gallagher, in his Navy
    whites" is not his wife Andrea Gallagher); a first name NER left out of the mention is the phrase's own
    ("Zeinab Soleimani told", NER's "Soleimani", is not the Qassem Soleimani of the article's other mentions)."""
    given = [t for t in core.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i not in mention_at
             and t.i >= core.i - 2 and t.text[:1].isupper() and t.text.isalpha() and not t.text.isupper()
             and t.lower_ not in OFFICE_WORDS and t.lower_ not in HONORIFIC_PRONOUNS and t.lower_ not in TITLES]
    if given and given[-1].i == core.i - 1 and core.i in mention_at and mention_at.get(core.i - 1) != mention_at[core.i] \
            and name.split()[-1] == core.text and name.split()[0] != given[0].text:
        return " ".join(t.text for t in given) + " " + core.text
    full = _named_in_full(name, core, mention_at)
    if full:
        return full
    if " " not in name and first_name_genders().get(name.lower()):
        for conj in (c for c in core.children if c.dep_ == "conj"):
            other = mention_at.get(conj.i, ("", ""))
            if other[1] == "PERSON" and " " in other[0]:
                return f"{name} {other[0].split()[-1]}"
    pronoun = _gender_evidence(core, source, None)
    if pronoun is None and " " in name and " " not in alias_table().get(canonical_key(name.split()[-1]), ""):
        # the reported clause's pronoun is weaker evidence: never against the story's default for a surname
        pronoun = _gender_evidence(core, source, cue)
    if pronoun and " " in name and not _fits_pronoun(name, pronoun):
        surname = name.split()[-1]
        others = sorted({n for n, label in mention_at.values() if label == "PERSON" and n != name
                         and n.split()[-1] == surname and " " in n and _fits_pronoun(n, pronoun)})
        if others:
            return others[0]
    return name


def _named_in_full(name: str, core: Token, mention_at: dict[int, tuple[str, str]]) -> str | None:
    """The full name of a person an article calls by first name after naming them in full ("James Biden ...
    James said", "Andrea Gallagher ... Andrea's confidence ... she said"): the most mentioned, when one is."""
    if " " in name:
        return None
    full = Counter(n for n, label in mention_at.values() if label == "PERSON" and " " in n
                   and n.split()[0].lower() == name.lower()).most_common(2)
    if full and (len(full) == 1 or full[0][1] > full[1][1]) and not _introduced(name, core, mention_at):
        return full[0][0]
    return None


def _not_the_one_named_in_content(core: Token, name: str, content: tuple[int, int],
                                  mention_at: dict[int, tuple[str, str]]) -> str:
    """ "'Why couldn't Whitney and I lead the company,' Waxman said": of two people with one surname, the one the
    words name by first name is not the speaker, the other is (a speaker does not name himself as a third party,
    the binding Principle C that :func:`_resolve` also applies)."""
    if core.text != name.split()[-1] or " " not in name or core.i and core.i - 1 in mention_at \
            and mention_at[core.i - 1] == mention_at.get(core.i):
        return name  # only a bare surname leaves the choice open
    words = {t.text for t in core.doc.char_span(*content, alignment_mode="expand") or []}
    if name.split()[0] not in words:
        return name
    others = {n for n, label in mention_at.values() if label == "PERSON" and " " in n and n != name
              and n.split()[-1] == name.split()[-1] and n.split()[0] not in words}
    return others.pop() if len(others) == 1 else name


def _names_in_report(name: str, content: tuple[int, int], quotations: list[Quotation], quoted: list[bool],
                     doc: Doc) -> bool:
    """Whether the words a source is quoted saying (the quotations of the content) name ``name`` by surname: a
    role's holder talked about in the third person is not its speaker (binding Principle C, as :func:`_resolve`
    applies it to pronouns). Not the writer's paraphrase, which names the speaker as a third party ("Rouhani
    told Trudeau he was committed ..., the Canadian PM said")."""
    start, end = _extend_to_quotations(*_trimmed(doc.text, *content), quotations)
    words = {t.text for t in doc.char_span(start, end, alignment_mode="expand") or [] if quoted[t.i]}
    return " " in name and name.split()[-1] in words


SELF_INTRODUCTIONS = (("this", "is"), ("i", "am"), ("i", "'m"), ("i", "’m"), ("my", "name", "is"))


def _self_introduced(core: Token, content: tuple[int, int], quotations: list[Quotation], quoted: list[bool]) -> str | None:
    """ "'This is Brian Hook from the State Department,' the Iran envoy repeated": an unnamed role whose quoted
    words open with the speaker naming himself ("This is", "I am", "My name is") is that person, the one case
    where a speaker's own words name him (binding Principle C, which :func:`_names_in_report` applies, does not
    hold for an identity statement)."""
    if source_lexicon().get(core.lemma_.lower()) != "anonymous" or core.tag_ != "NN":
        return None
    doc = core.doc
    start, end = _extend_to_quotations(*_trimmed(doc.text, *content), quotations)
    words = [t for t in doc.char_span(start, end, alignment_mode="expand") or [] if quoted[t.i] and not t.is_punct]
    for opening in SELF_INTRODUCTIONS:
        if len(words) > len(opening) and [t.lower_ for t in words[:len(opening)]] == list(opening):
            named = words[len(opening)].i
            return next((e.text for e in doc.ents if e.start == named and e.label_ == "PERSON"), None)
    return None


def _unnamed_since(holder: str, core: Token, earlier: list[Attribution],
                   mention_at: dict[int, tuple[str, str]]) -> bool:
    """Whether an unnamed source of the same role spoke after the article last named ``holder`` ("Sen. Harry Reid
    ... the GOP senator said ... The senator cited"): a definite role takes up its nearest mention (Vieira &
    Poesio 2000), which is that unnamed one, not the holder named before it."""
    named_at = max((core.doc[i].idx for i, (name, _) in mention_at.items() if name == holder and i < core.i),
                   default=None)
    role = core.lemma_.lower()
    return named_at is not None and any(
        a.source_type == "anonymous" and named_at < a.source_start < core.idx
        and a.source_canonical.split(" [")[0].split()[-1:] == [role] for a in earlier)


def _introduced(name: str, core: Token, mention_at: dict[int, tuple[str, str]]) -> bool:
    """ "Ali, a young Iraqi in Najaf": a single name the article apposes to an indefinite description, here or
    at an earlier mention, is someone it introduces, not the person named earlier with the same first name."""
    doc = core.doc
    return any(mention[0] == name and i <= core.i and any(
        c.dep_ == "appos" and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)
        for c in doc[i].children) for i, mention in mention_at.items())


def _person_by_name(core: Token, persons_by_surname: dict[str, str]) -> tuple[str, str] | None:
    """A proper noun the NER missed ("Pelosi said") that is the surname of a person named in the article,
    or a person of the alias table (Trump -> Donald Trump)."""
    if core.ent_type_ in ("ORG", "GPE", "NORP", "FAC", "LOC"):
        return None
    key = canonical_key(core.text)
    if core.pos_ == "NOUN" and core.text[:1].isupper() and key in persons_by_surname:
        return persons_by_surname[key], "PERSON"  # "Edmunds recalled": a surname the tagger took for a plural noun
    if core.pos_ != "PROPN" and not (core.dep_ in SUBJECT_DEPS and core.text[:1].isupper() and core.pos_ == "VERB") \
            and not (core.is_upper and core.is_alpha and len(core.text) > 3):
        return None  # "Trump himself was saying", "POMPEO:": the tagger took the name for a verb or an adjective
    if key in persons_by_surname:
        return persons_by_surname[key], "PERSON"
    aliased = alias_table().get(key)
    if aliased and aliased in entity_affiliations() and " " in aliased:
        return aliased, "PERSON"
    return None


def _fits_pronoun(name: str, word: str) -> bool:
    """Whether a person's first name allows the pronoun: "he" never resolves to Andrea, "she" never to Edward
    (a gender filter on antecedents, as in Lappin & Leass 1994); a name in neither list fits both."""
    gender = first_name_genders().get(name.split()[0].lower()) if " " in name else None
    if word in ("he", "him", "his"):
        return gender != "female"
    if word in ("she", "her"):
        return gender != "male"
    return True


PART_NOUNS = frozenset({"rest", "part", "much", "most", "all", "some", "bulk", "remainder", "end", "beginning",
                        "start", "half", "majority", "portion", "tone", "thrust", "substance", "heart", "core"})
"""Heads that take a part or an aspect of what follows "of" ("the rest of Warren's speech"): the possessor
inside is what the subject is about, the centre a next "she" continues."""


def _subject_of(token: Token) -> Token:
    """The subject a person's mention stands for: the mention itself, or the subject it possesses ("Miller's
    testimony was the most dramatic. He said ..." continues with Miller, the centre of centering theory)."""
    head = token.head
    if token.dep_ == "appos":
        # "Iran's ambassador to the UK, Hamid Baeidinejad, apologised": the parser may hang the name on the title's
        # last noun
        while head.dep_ in ("pobj", "prep") and head.head.i != head.i:
            head = head.head
    if head.dep_ in SUBJECT_DEPS and head.i != token.i and (
            token.dep_ in ("poss", "appos") or token.dep_ in ("dobj", "compound") and token.i > head.i):
        # "Iran's ambassador, Hamid Baeidinejad, apologised", "televangelist Pat Robertson issued" (the parser
        # hung the name on its title)
        return head
    if token.dep_ == "poss" and head.dep_ == "pobj" and head.head.lower_ == "of" \
            and head.head.head.dep_ in SUBJECT_DEPS and head.head.head.lemma_.lower() in PART_NOUNS:
        # "The rest of Warren's speech was forgettable. She said ...": the possessor inside a part of the subject
        return head.head.head
    return token


def _subject_standing(token: Token) -> bool | None:
    """Whether a person's mention is a subject a later pronoun may take up: None if it is none, else whether it is
    the subject of its sentence's main clause (the preferred centre)."""
    subject = _subject_of(token)
    swallowed_by = _fronted_place_swallowed(token)
    if subject.dep_ not in SUBJECT_DEPS and swallowed_by is None and not _relative_subject(token):
        return None
    return subject.dep_ in SUBJECT_DEPS and _in_main_clause(subject) \
        or swallowed_by is not None and swallowed_by.dep_ == "ROOT"


def _fronted_place_swallowed(token: Token) -> Token | None:
    """The verb whose subject a name is, when the parser hung the name on the place phrase that opens the sentence
    ("At Pioneer Park in San Diego, Meagan McKenna, 40, laughed ...": "McKenna" an apposition of "Diego"): the
    name's phrase runs up to the verb, set off by a comma, and the verb has no subject of its own."""
    if token.dep_ not in ("appos", "conj") or token.pos_ != "PROPN":
        return None
    doc = token.doc
    after = token.right_edge.i + 1
    if after < len(doc) and doc[after].text == ",":
        after += 1
    if after >= len(doc) or doc[after].pos_ != "VERB":
        return None
    verb = doc[after]
    opening = [c for c in verb.children if c.dep_ == "prep" and c.i == verb.sent.start]
    if not opening or token not in opening[0].subtree or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    return verb


def _relative_subject(token: Token) -> bool:
    """Whether a name is the subject of a relative clause through its pronoun ("a moment from Johnson, who was
    overheard praising Macron"): the antecedent of "who" is that clause's subject, a centre a later "he" can
    continue (Hobbs 1978 walks into the clause the same way)."""
    return any(clause.dep_ == "relcl" and any(c.dep_ in SUBJECT_DEPS and c.lower_ in ("who", "that")
                                              for c in clause.children)
               for clause in token.children)


def _in_main_clause(subject: Token) -> bool:
    """A subject of its sentence's main verb (or of a verb coordinated with it), not of a subordinate clause."""
    verb = subject.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _main_subject_at(doc: Doc, char: int) -> bool:
    """Whether the mention starting at ``char`` is (or possesses) the subject of its sentence's main clause."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return False
    subject = _subject_of(span[0])
    while subject.dep_ in ("compound", "flat") and subject.head.i != subject.i:
        subject = subject.head
    subject = _subject_of(subject)
    return subject.dep_ in SUBJECT_DEPS and _in_main_clause(subject)


def _plural_people_subjects(pronoun: Token) -> list[tuple[int, tuple[str, str, str], bool]]:
    """Unnamed people who are the subject of a clause in the pronoun's sentence (before it) or the sentence
    before, or the object of one in its own sentence, as :func:`_resolve`'s candidates: "While congressional aides were not surprised by the move, which
    they said ...", "U.S. officials braced for Iran to respond ... They warned ships", whether or not they are a
    source themselves."""
    found = []
    for token in pronoun.doc[_sentence_before_start(pronoun):pronoun.i]:
        # and, in the pronoun's own sentence, their object (Hobbs's walk reaches objects): "Trump chastised his
        # own intelligence officials a day after they contradicted ..." (the singular subject cannot be "they")
        role = token.dep_ in SUBJECT_DEPS or token.dep_ == "dobj" and token.i >= pronoun.sent.start \
            and pronoun.lower_ in PLURAL_PRONOUNS \
            and not any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in pronoun.doc[token.i + 1:pronoun.i])
        if role and token.tag_ in ("NNS", "NNPS") \
                and source_lexicon().get(_role_word(token)) == "anonymous":
            if _party_as_body(token):  # "Democrats were furious. They said ...": the party, as when it speaks
                found.append((token.idx, (PARTY_MEMBERS[token.lower_], "organization", "US"), _in_main_clause(token)))
                continue
            side = affiliation_in([t for t in token.subtree if t.i < token.i]) or "unknown"
            found.append((token.idx, (f"{_role(token)} [{side}]", "anonymous", side), _in_main_clause(token)))
    return found


def _unnamed_person_subjects(pronoun: Token, quoted: list[bool]) -> list[tuple[int, tuple[str, str, str], bool]]:
    """One unnamed person made the subject of a clause before a "he" or "she" in its own sentence, as
    :func:`_resolve`'s candidates: "When the executive refused, ..., he recalled that Hunter ... responded" is the
    executive (the subject of the sentence's first clause, the preferred centre; Grosz et al. 1995)."""
    found = []
    for token in pronoun.doc[pronoun.sent.start:pronoun.i]:
        # not an office ("the president"), whose holder the article names (:func:`_office_holder`)
        if token.dep_ == "nsubj" and token.tag_ == "NN" and not quoted[token.i] \
                and token.lower_ not in OFFICE_WORDS | RANKS | HEADS_OF_STATE \
                and source_lexicon().get(_role_word(token)) == "anonymous" \
                and _definite(token):
            side = affiliation_in([t for t in token.subtree if t.i < token.i]) or "unknown"
            found.append((token.idx, (f"{_role(token)} [{side}]", "anonymous", side), _in_main_clause(token)))
    return found


def _people_named_together(pronoun: Token, mention_at: dict[int, tuple[str, str]],
                           quoted: list[bool]) -> list[tuple[int, tuple[str, str, str], bool]]:
    """People named together in any role in the pronoun's sentence (before it) or the sentence before, as
    :func:`_resolve`'s candidates for "they": "Trump was flanked by Defense Secretary Jim Mattis and Secretary of
    State Rex Tillerson. While they both expressed deep distrust of Iran" (Hobbs's tree walk, 1978, reaches
    objects as well as subjects). The first named stands for the pair, as for a source phrase that names several
    (:func:`_names_several`)."""
    doc = pronoun.doc
    found = []
    for token in doc[_sentence_before_start(pronoun):pronoun.i]:
        if token.dep_ != "conj":
            continue
        # "A, B and C": the parser chains the conjuncts, each hung on the one before, and may take a list's
        # second name for an apposition to the first
        chain = [token.head]
        while chain[-1].head.i != chain[-1].i and (chain[-1].dep_ == "conj" or chain[-1].dep_ == "appos"
                                                   and mention_at.get(chain[-1].head.i, ("", ""))[1] == "PERSON"):
            chain.append(chain[-1].head)
        first = chain[-1]
        named, first_named = _named_or_titled(token, mention_at), _named_or_titled(first, mention_at)
        if not quoted[token.i] and not quoted[first.i] \
                and named[1] == "PERSON" == first_named[1] and named[0] != first_named[0] \
                and any(c.dep_ == "cc" and c.lower_ == "and" for link in [token, *chain] for c in link.children):
            subject = _subject_of(first)
            found.append((first.idx, _named_person(first_named[0]),
                          subject.dep_ in SUBJECT_DEPS and _in_main_clause(subject)))
    return found


def _named_or_titled(token: Token, mention_at: dict[int, tuple[str, str]]) -> tuple[str, str]:
    """The mention at ``token``, or for a title the parser made the head of a name ("Director of National
    Intelligence Dan Coats": the name is the object of "of") the one person its prepositions name."""
    if token.i in mention_at or token.lower_.rstrip(".") not in OFFICE_WORDS:
        return mention_at.get(token.i, ("", ""))
    names = {mention_at[o.i] for prep in token.children if prep.dep_ == "prep" for o in prep.children
             if o.dep_ == "pobj" and mention_at.get(o.i, ("", ""))[1] == "PERSON"}
    return names.pop() if len(names) == 1 else ("", "")


def _body_subjects(pronoun: Token, mention_at: dict[int, tuple[str, str]],
                   quoted: list[bool]) -> list[tuple[int, tuple[str, str, str], bool]]:
    """Bodies and countries named as the subject of a clause in the pronoun's sentence (before it) or the sentence
    before, as :func:`_resolve`'s candidates for "it": "Iran shot down a U.S. drone that it said was flying in
    Iranian airspace", whether or not they are a source themselves (as :func:`_plural_people_subjects` for
    "they")."""
    doc = pronoun.doc
    found = []
    for token in doc[_sentence_before_start(pronoun):pronoun.i]:
        name, label = mention_at.get(token.i, ("", ""))
        # a quotation in single quotes (the Daily Mail's style) is not among ``quoted``
        opens_quotation = token.left_edge.i > 0 and doc[token.left_edge.i - 1].text in ("'", "‘", '"', "“")
        if token.dep_ in SUBJECT_DEPS and label in ("ORG", "GPE") and not quoted[token.i] and not opens_quotation \
                and not _is_media_name(name):
            words = [t for t in token.subtree if mention_at.get(t.i) == (name, label)]
            side = affiliation_in(words) or entity_affiliations().get(aliased(name), "unknown")
            found.append((token.idx, (name, "organization", side), _in_main_clause(token)))
        elif token.dep_ in SUBJECT_DEPS and not quoted[token.i] and not opens_quotation \
                and source_lexicon().get(token.lemma_.lower()) == "organization":
            # "Iran's military recently shot down a U.S. drone that it said was flying": a country's body, for
            # the country (as "an Iranian military statement" is the state's)
            states = [(c, side) for c in token.children if c.dep_ == "poss"
                      and mention_at.get(c.i, ("", ""))[1] == "GPE"
                      and (side := affiliation_in([c], specific_only=True)) in COUNTRY_NAMES]
            if states:
                state, side = states[0]
                found.append((state.idx, (COUNTRY_NAMES[side], "organization", side), _in_main_clause(token)))
    return found


def _parenthetical(subject: Token, cue: Token | None) -> bool:
    """Whether "subject cue" is set off by commas inside a sentence: "..., he predicted, ..."."""
    doc = subject.doc
    if cue is None or subject.i == subject.sent.start or doc[subject.i - 1].text != "," or cue.i <= subject.i:
        return False
    after = cue.i + 1
    return after < len(doc) and doc[after].text == "," and cue.i - subject.i <= 2


def _names_several(doc: Doc, attribution: Attribution) -> bool:
    """Whether an attribution's source phrase coordinates people ("Gérard Araud and Ali Vaez")."""
    span = doc.char_span(attribution.source_start, attribution.source_end, alignment_mode="expand")
    return span is not None and sum(t.ent_type_ == "PERSON" and t.ent_iob_ == "B" for t in span) > 1 \
        and any(t.dep_ == "cc" and t.lower_ == "and" for t in span)


def _person_near(pronoun: Token, mention_at: dict[int, tuple[str, str]], quoted: list[bool], *,
                 own_content: tuple[int, int], named_in_content: frozenset[str],
                 word: str | None = None) -> str | None:
    """The person a "he" or "she" stands for when no source or subject before it fits: the nearest person named
    in any role in its sentence or the one before ("at one of President Trump's briefings, he said": Hobbs's
    tree walk (1978) reaches possessors and objects), else the person named as a subject after it in its own
    sentence or the next (cataphora, as in a lede: "Even when he's praising his spy chiefs, President Trump
    can't resist"; Halliday & Hasan 1976, ch. 2)."""
    word = word or pronoun.lower_
    if word not in ("he", "she"):
        return None
    doc = pronoun.doc

    def fits(i: int) -> bool:
        name, label = mention_at[i]
        return label == "PERSON" and not quoted[i] and name not in named_in_content \
            and not own_content[0] <= doc[i].idx < own_content[1] and _fits_pronoun(name, word)

    sentence = pronoun.sent
    earlier_start = _sentence_before_start(pronoun)
    before = [i for i in mention_at if earlier_start <= i < pronoun.i and fits(i)]
    if before:
        return mention_at[max(before)][0]
    later_end = doc[sentence.end].sent.end if sentence.end < len(doc) else sentence.end
    after = [i for i in mention_at if pronoun.i < i < later_end and fits(i)
             and _subject_of(doc[i]).dep_ in SUBJECT_DEPS]
    return mention_at[min(after)][0] if after else None


POSSESSIVE_READINGS = {"his": "he", "her": "she", "its": "it", "their": "they"}


def _possessor(core: Token, earlier: list[Attribution], subjects: list[tuple[int, str, bool]],
               sent_starts: list[int], mention_at: dict[int, tuple[str, str]],
               quoted: list[bool]) -> tuple[str, str, str] | None:
    """(canonical, type, affiliation) of the one a possessive pronoun before the source noun stands for ("his
    office", "its report", "their leaders"): for "its" and "their", the body named last nearby (a document's
    owner first among the earlier sources); else as the pronoun itself would be resolved (:func:`_resolve`, then
    a person named nearby for "his" and "her")."""
    pronouns = [c for c in core.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_READINGS and not quoted[c.i]]
    if not pronouns:
        return None
    pronoun = pronouns[0]
    word = POSSESSIVE_READINGS[pronoun.lower_]
    body_word = word in ("it", "they")
    document = source_lexicon().get(core.lemma_.lower()) == "document"
    if document or not body_word:
        # "Its report said": a body's document continues the body the article has been reporting
        found = _antecedent(pronoun, earlier, subjects, sent_starts, mention_at, quoted, word=word)
        if found is not None or not body_word:
            return found
    # "an American missile strike on the Iran-backed Kata'ib Hezbollah militia. Its members ...": the body
    # named last in this sentence or the one before
    doc = pronoun.doc
    first = _sentence_before_start(pronoun)
    bodies = [i for i in mention_at if first <= i < pronoun.i and mention_at[i][1] == "ORG" and not quoted[i]]
    # a subject (or its possessor) first: "The 9-11 Commission's report paid close attention to ... the
    # Taliban regime. Its report said" is the Commission's (the preferred centre, Grosz et al. 1995)
    subjects_named = [i for i in bodies if _subject_of(doc[i]).dep_ in SUBJECT_DEPS]
    if bodies:
        name = mention_at[max(subjects_named or bodies)][0]
        return name, "organization", entity_affiliations().get(aliased(name), "unknown")
    # a document's owner was looked for among the sources above already
    return None if document else _antecedent(pronoun, earlier, subjects, sent_starts, mention_at, quoted, word=word)


def _antecedent(pronoun: Token, earlier: list[Attribution], subjects: list[tuple[int, str, bool]],
                sent_starts: list[int], mention_at: dict[int, tuple[str, str]], quoted: list[bool], *,
                word: str | None = None, own_content: tuple[int, int] = (0, 0),
                named_in_content: frozenset[str] = frozenset()) -> tuple[str, str, str] | None:
    """(canonical, type, affiliation) a pronoun (read as ``word``) stands for: the source or subject
    :func:`_resolve` finds, else, for "he" and "she", the person :func:`_person_near` finds."""
    read_as = word or pronoun.lower_
    nearby = _people_named_together(pronoun, mention_at, quoted) if read_as in PLURAL_PRONOUNS \
        else _body_subjects(pronoun, mention_at, quoted) if read_as in THING_PRONOUNS \
        else _unnamed_person_subjects(pronoun, quoted) if pronoun.lower_ in PERSON_PRONOUNS else []
    # a candidate of its own sentence is what the whole search would find too (the nearest sentence comes first)
    if read_as in PERSON_PRONOUNS:
        owner = _possessor_of_relative_head(pronoun, mention_at, read_as, named_in_content) \
            or _cataphoric_subject(pronoun, mention_at, quoted, read_as)
        if owner is not None:
            return _named_person(owner)
    found = _resolve(pronoun, earlier, subjects, sent_starts, own_content=own_content,
                     named_in_content=named_in_content, word=word, nearby=nearby, within=0)
    if found is not None:
        return found
    if read_as in PERSON_PRONOUNS:
        watched = _object_named_before(pronoun, mention_at, quoted, read_as, named_in_content)
        if watched is not None:  # no candidate in its own sentence: the one its sentence has just named
            return _named_person(watched)
        owner = _fronted_possessor(pronoun, mention_at, quoted, read_as, named_in_content)
        if owner is not None:
            return _named_person(owner)
        if _opens_sentence(pronoun) and _resolve(pronoun, earlier, subjects, sent_starts, own_content=own_content,
                                                 named_in_content=named_in_content, word=word, nearby=nearby,
                                                 within=1) is None:
            example = _person_given_as_example(pronoun, mention_at, quoted, read_as, named_in_content)
            if example is not None:
                return _named_person(example)
        actor = _fronted_content_subject(pronoun, mention_at, quoted, read_as)
        if actor is not None and _resolve(pronoun, earlier, subjects, sent_starts, own_content=own_content,
                                          named_in_content=named_in_content, word=word, nearby=nearby,
                                          within=NEAR_SENTENCES) is None:
            return _named_person(actor)
    found = _resolve(pronoun, earlier, subjects, sent_starts, own_content=own_content,
                     named_in_content=named_in_content, word=word, nearby=nearby)
    if found is not None:
        return found
    near = _person_near(pronoun, mention_at, quoted, own_content=own_content, named_in_content=named_in_content,
                        word=word)
    return _named_person(near) if near else None


def _cataphoric_subject(pronoun: Token, mention_at: dict[int, tuple[str, str]], quoted: list[bool],
                        word: str) -> str | None:
    """ "Frustrated by illegal migration, an issue he pledged to address, Trump announced ...": a "he" or "she" in
    a phrase fronted before its sentence's main subject, with no person named before it in the sentence, is that
    subject (cataphora, which a fronted modifier allows and the subject's own phrase does not: Reinhart 1983's
    c-command condition, Principle C)."""
    sentence = pronoun.sent
    root = sentence.root
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > pronoun.i]
    if not subjects or quoted[pronoun.i] or any(mention_at.get(t.i, ("", ""))[1] == "PERSON"
                                                for t in sentence if t.i < pronoun.i):
        return None
    subject = subjects[0]
    name, label = mention_at.get(subject.i, ("", ""))
    # the pronoun hangs on a phrase of the main verb that ends before the subject (the parser may make a fronted
    # apposition a second subject: "..., an issue he pledged to address, Trump"), not on a report whose content
    # the main clause is ("In it, he said, North suggested ...": North is reported)
    fronted = [c for c in root.children if c.right_edge.i < subject.left_edge.i
               and c.left_edge.i <= pronoun.i <= c.right_edge.i and c.dep_ not in ("parataxis", "ccomp")]
    if label != "PERSON" or not fronted or quoted[subject.i] or not _fits_pronoun(name, word):
        return None
    return name


def _possessor_of_relative_head(pronoun: Token, mention_at: dict[int, tuple[str, str]], word: str,
                                named_in_content: frozenset[str]) -> str | None:
    """ "Acosta proceeded to quote several of Trump's earlier comments in which he said ...": the subject "he" or
    "she" of a relative clause opened by a preposition and "which" ("in which", "during which"), or by "when" right
    after the noun ("Trump's 2016 campaign, when he pledged"), is the person the noun the clause hangs on belongs
    to (:func:`_person_possessor`). Hobbs's walk (1978) meets that possessor
    inside the noun phrase, before it climbs to the main clause's subject."""
    clause = pronoun.head
    if pronoun.dep_ not in SUBJECT_DEPS:
        return None
    if clause.dep_ == "pcomp" and clause.head.dep_ == "prep" and clause.head.head.pos_ in ("NOUN", "PROPN"):
        # "Obama's opposition to what he called a dumb war": a free relative after the noun's preposition
        noun = clause.head.head
    elif clause.dep_ == "relcl" and any(c.dep_ == "prep" and c.i < pronoun.i and any(o.lower_ == "which" for o in c.children)
                                        for c in clause.children):
        noun = clause.head
    elif any(c.dep_ == "advmod" and c.lower_ == "when" and c.i == clause.left_edge.i for c in clause.children) \
            and clause.left_edge.i >= 2 and clause.doc[clause.left_edge.i - 1].text == "," \
            and clause.doc[clause.left_edge.i - 2].pos_ == "NOUN":
        # "Trump's 2016 campaign, when he pledged ...": the parser hung the "when" clause on the verb, but it
        # is the time of the noun before it, whose owner it speaks of
        noun = clause.doc[clause.left_edge.i - 2]
    else:
        return None  # "Trump attacked Biden's plan, which he said would fail": the main clause's subject
    owner = _person_possessor(noun, mention_at)
    return owner if owner and _fits_pronoun(owner, word) and owner not in named_in_content else None


def _object_named_before(pronoun: Token, mention_at: dict[int, tuple[str, str]], quoted: list[bool], word: str,
                         named_in_content: frozenset[str]) -> str | None:
    """ "I was watching Chris Matthews yesterday, and he was basically saying ...": the one person its own
    sentence names before the pronoun as a verb's direct object (or the object of "with", "against", "to"),
    outside quotation marks, when the sentence has
    no source or subject that fits (the nearest entity before any earlier sentence's: recency, Hobbs 1978)."""
    before = [t for t in pronoun.doc[pronoun.sent.start:pronoun.i]
              if mention_at.get(t.i, ("", ""))[1] == "PERSON" and not quoted[t.i]]
    if any(t.dep_ in SUBJECT_DEPS and _fits_pronoun(mention_at[t.i][0], word) for t in before):
        return None  # "Trump has chided Macron ...; he said": the subject comes first (centering)
    doc = pronoun.doc
    # not one inside a relative clause ("the military, which killed Gen. Soleimani, 'will pay,' he added") nor
    # one a quotation mark parts from the pronoun ("'I told president Erdogan ...,' he said": quoted words)
    # or the object of "with", "against", "to" ("Twitter escalated tensions with President Donald Trump, adding a
    # warning ... when he suggested ..."); not one only talked about ("When asked about Joe Biden, he said")
    people = {mention_at[t.i][0] for t in before
              if (t.dep_ in ("dobj", "appos") and t.head.pos_ in ("VERB", "PROPN", "NOUN")
                  or t.dep_ == "pobj" and t.head.lower_ in ("with", "against", "to"))
              and t.head.dep_ not in ("relcl", "acl")
              and not any(q.is_quote or q.text in "'‘’“”\"" for q in doc[t.i:pronoun.i])}
    people = {p for p in people if _fits_pronoun(p, word) and p not in named_in_content}
    return people.pop() if len(people) == 1 else None


EXAMPLE_MARKERS = frozenset({"like", "including"})


def _person_given_as_example(pronoun: Token, mention_at: dict[int, tuple[str, str]], quoted: list[bool], word: str,
                             named_in_content: frozenset[str]) -> str | None:
    """ "The change has not gone unnoticed by Intelligence Committee Republicans like Rep. Lee Zeldin. He argued":
    the one person the sentence before gives as an example of a group ("like", "including", "such as"), when
    that sentence has no source or subject that fits. Singling a person out of a group makes them the next
    sentence's centre (Grosz et al. 1995); a person named in any other role there is not taken (the speaker
    the article has been quoting stays the centre across a sentence that only mentions someone)."""
    doc = pronoun.doc
    start = _sentence_before_start(pronoun)
    if start == pronoun.sent.start:
        return None
    people = set()
    for token in doc[start:pronoun.sent.start]:
        name, label = mention_at.get(token.i, ("", ""))
        if label != "PERSON" or quoted[token.i] or token.dep_ != "pobj" or name in named_in_content:
            continue
        marker = token.head
        if marker.lower_ in EXAMPLE_MARKERS or marker.lower_ == "as" and doc[marker.i - 1].lower_ == "such":
            people.add(name)
    people = {p for p in people if _fits_pronoun(p, word)}
    return people.pop() if len(people) == 1 else None


NEAR_SENTENCES = 2


def _fronted_content_subject(pronoun: Token, mention_at: dict[int, tuple[str, str]], quoted: list[bool],
                             word: str) -> str | None:
    """ "Trump authorized a limited strike ..., but suddenly reversed himself, he said": the person named as the
    subject of reported words set before their "he said", when no one in the two sentences before could be the
    pronoun. A name fronted before the pronoun is not commanded by it, so binding's Principle C does not keep them
    apart ("John is a genius, he said" may be John's own claim); only a subject is taken, never a name inside the
    words' phrases ("Mr. Trump's policy, he predicted, ...")."""
    verb = pronoun.head
    if pronoun.dep_ != "nsubj" or verb.i < pronoun.i:
        return None
    contents = [c for c in verb.children if c.dep_ == "ccomp" and c.i < pronoun.i]
    subjects = [c for content in contents[:1] for c in content.children if c.dep_ == "nsubj" and not quoted[c.i]]
    people = {mention_at[s.i][0] for s in subjects if mention_at.get(s.i, ("", ""))[1] == "PERSON"}
    person = people.pop() if len(people) == 1 else None
    return person if person and _fits_pronoun(person, word) else None


def _fronted_possessor(pronoun: Token, mention_at: dict[int, tuple[str, str]], quoted: list[bool], word: str,
                       named_in_content: frozenset[str]) -> str | None:
    """ "In Pete Buttigieg's foreign-policy speech this Monday, he hammered home an important point. '...,' he
    said": the one person named as a possessor before the subject "he" or "she" of the pronoun's own sentence, or
    of the sentence before when that sentence's subject is the same pronoun (the pronoun continues its centre,
    Grosz et al. 1995). Hobbs's walk (1978) reaches such a possessor, left of the subject, before any earlier
    sentence; a person only talked about ("When asked about Joe Biden, he said") is no possessor."""
    doc = pronoun.doc
    owners = _possessors_before(pronoun, mention_at, quoted) \
        if pronoun.dep_ in SUBJECT_DEPS and _in_main_clause(pronoun) else set()
    if not owners:
        start = _sentence_before_start(pronoun)
        if start == pronoun.sent.start:
            return None
        subjects = [t for t in doc[start:pronoun.sent.start] if t.dep_ in SUBJECT_DEPS and t.lower_ == word
                    and t.head.dep_ == "ROOT" and not quoted[t.i]]
        if not subjects:
            return None
        owners = _possessors_before(subjects[0], mention_at, quoted)
    people = {p for p in owners if _fits_pronoun(p, word) and p not in named_in_content}
    return people.pop() if len(people) == 1 else None


def _possessors_before(subject: Token, mention_at: dict[int, tuple[str, str]], quoted: list[bool]) -> set[str]:
    """People named as a possessor ("Pete Buttigieg's speech") before ``subject`` in a phrase of its own verb (not
    in another clause: "Rouhani vowed to respond to Soleimani's killing, and Graham said ..., he said")."""
    return {mention_at[t.i][0] for t in subject.doc[subject.sent.start:subject.i]
            if t.dep_ == "poss" and mention_at.get(t.i, ("", ""))[1] == "PERSON" and not quoted[t.i]
            and _governing_verb(t) == subject.head}


def _governing_verb(token: Token) -> Token:
    """The nearest verb above ``token`` (the root when there is none)."""
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        token = token.head
    return token


def _named_person(name: str) -> tuple[str, str, str]:
    """(canonical, type, affiliation) of a person the article names, placed by the entity table if it knows them."""
    return name, "named_person", entity_affiliations().get(name, "unknown")


def _group_reach(quantifier: Token) -> int:
    """How many sentences back a bare quantifier's group may be named: one, or two when the sentence before
    opens with a bare quantifier of its own, the first half of a contrast ("Republican allies condemned the
    decision. Some focused on the harm to American interests. Others warned ...": both pick from the allies)."""
    start = quantifier.sent.start
    if not start:
        return 1
    before = quantifier.doc[start - 1].sent
    opening = [t for t in before if not t.is_punct and not t.is_space][:2]
    return 2 if any(t.lower_ in BARE_GROUP_WORDS | {"one"} and t.dep_ in SUBJECT_DEPS for t in opening) else 1


def _sentence_before_start(token: Token) -> int:
    """Index of the first token of the sentence before ``token``'s (of its own, in the first sentence)."""
    start = token.sent.start
    return token.doc[start - 1].sent.start if start else start


def _relative_clause_person(pronoun: Token, mention_at: dict[int, tuple[str, str]]) -> str | None:
    """ "Special Operator Corey Scott, who stunned the court when he said ...": a "he" or "she" inside a relative
    clause is the named person who is the clause's subject, the head the clause describes when that subject is
    "who" ("Gallagher, whom Scott accused when he said ...": Scott). The nearest subject that commands the
    pronoun comes first, as in Hobbs's tree walk (Hobbs 1978, "Resolving pronoun references"), which reaches
    the relative clause's subject before the sentence's main clause or any earlier sentence."""
    if pronoun.lower_ not in PERSON_PRONOUNS:
        return None
    for ancestor in pronoun.ancestors:
        if ancestor.dep_ != "relcl":
            continue
        subjects = [c for c in ancestor.children if c.dep_ == "nsubj" and c.i < pronoun.i]
        if not subjects:
            return None
        # "who stunned the court when he said": the clause's head; "whom Scott accused when he said": Scott
        named = ancestor.head if subjects[0].lower_ == "who" else subjects[0]
        name, label = mention_at.get(named.i, ("", ""))
        return name if label == "PERSON" and _fits_pronoun(name, pronoun.lower_) else None
    return None


def _opens_sentence(token: Token) -> bool:
    """Whether only punctuation or a quotation comes before ``token`` in its sentence ("He added", "'...,' he
    said")."""
    before = [t for t in token.sent if t.i < token.i and not t.is_punct and not t.is_space]
    if not before:
        return True
    # the sentence opens with a quotation that closes right before the pronoun, or before a comma there
    marks = [t for t in token.sent if t.i < token.i and t.text in "“”\"'‘’"]
    return len(marks) >= 2 and marks[0].i == token.sent.start and token.doc[token.i - 1].is_punct \
        and marks[-1].i >= token.i - 2


def _one_unnamed_person(attribution: Attribution) -> bool:
    """ "a senior official", "the Iranian official", "this person": a source phrase naming one unnamed person as
    the subject of its cue, or after "according to"; "the CIA director", "the general" are offices the article
    may have named a holder of."""
    words = [w.strip(",.") for w in attribution.source.lower().split()]
    role = attribution.source_canonical.split(" [")[0]
    return bool(words) and role in words and source_lexicon().get(role) == "anonymous" \
        and (words[0] in SINGULAR_DETERMINERS or words[0] in DEMONSTRATIVES | {"the"} and role not in OFFICE_WORDS)


def _person_subject_in(doc: Doc, start: int, end: int) -> bool:
    """Whether a person (a personal pronoun or a name) is a subject in the characters ``start`` to ``end``."""
    return any(t.dep_ in SUBJECT_DEPS and (t.lower_ in PERSON_PRONOUNS or t.ent_type_ == "PERSON")
               for t in doc.char_span(start, end, alignment_mode="expand") or [])


def _one_document(doc: Doc, attribution: Attribution) -> bool:
    """Whether an attribution's source phrase is one document ("the indictment", "a Pentagon statement"), which
    a later "it" may take up whoever the document was found to speak for."""
    span = doc.char_span(attribution.source_start, attribution.source_end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.tag_ == "NN" \
        and source_lexicon().get(span.root.lemma_.lower()) == "document" and attribution.cue != "according to"


SOURCE_CENTRE = 2
"""The rank of an earlier source among a pronoun's candidates in one sentence: above a main clause's subject (1)."""


def _resolve(pronoun: Token, earlier: list[Attribution], subjects: list[tuple[int, str, bool]],
             sent_starts: list[int], *, own_content: tuple[int, int] = (0, 0),
             named_in_content: frozenset[str] = frozenset(), word: str | None = None,
             within: int | None = None,
             nearby: list[tuple[int, tuple[str, str, str], bool]] = ()) -> tuple[str, str, str] | None:
    """(canonical, type, affiliation) of the antecedent of ``pronoun``: the fitting candidates of the nearest
    sentence before it, a source or the subject of a main clause first ("Miller went to Breisch when Gallagher
    was up for the award. He told Breisch ..." is Miller: the preferred centre of centering theory, Grosz,
    Joshi & Weinstein 1995), else the nearest. Nobody named inside the pronoun's own reported words
    (``own_content``) is its antecedent: "'Chief Gallagher got in my face,' he told the trial" is not Gallagher,
    and "He said he saw Gallagher stab him" is not Gallagher wherever Gallagher was last named
    (``named_in_content``, the reporter's own words after the pronoun: a name cannot be bound by a pronoun that
    commands it, Chomsky's binding Principle C; inside a quotation a speaker may name himself).
    ``word`` reads the subject as that pronoun (a bare "many" as "they"); ``within`` limits the antecedent to
    that many sentences before; ``nearby`` are more candidates found around the pronoun, whether or not they are
    sources: people named together for "they" (:func:`_people_named_together`), bodies made subjects for "it"
    (:func:`_body_subjects`)."""
    word = word or pronoun.lower_

    # one who is only the subject of someone's reported words (or the source of an attribution nested in them)
    # is not the next "he said" or "it said": the reporter goes on with the speaker (the continued centre of
    # centering theory)
    def reported(start: int) -> bool:
        # a content span that runs over its own source (a parse that hangs the whole sentence on the cue)
        # reports nobody
        return any(a.content_start <= start < a.content_end and not a.source_start <= start < a.source_end
                   for a in earlier)

    nearby = [f for f in nearby if f[2] or not reported(f[0])]  # a main clause's subject reports for itself
    if word in PERSON_PRONOUNS:
        # a source is the preferred centre, before a main clause's subject ('"...," says Michael Herzog, ... whose
        # late father, Chaim Herzog, was president. ... he says' is Michael Herzog)
        fits = [(a.source_start, (a.source_canonical, a.source_type, a.affiliation), SOURCE_CENTRE) for a in earlier
                if a.source_type == "named_person" and _fits_pronoun(a.source_canonical, word)
                and not reported(a.source_start)]
        fits += [(start, _named_person(name), main)
                 for start, name, main in subjects if _fits_pronoun(name, word) and not reported(start)]
        fits += list(nearby)
        # "..., the Iranian official said. He said the CIA had worked with ...": one unnamed person the sentence
        # before quotes, taken up by a pronoun that opens its sentence (or follows its quotation)
        if _opens_sentence(pronoun):
            before = _sentence_of(sent_starts, pronoun.idx) - 1
            # not "According to a senior official, he's telling officials ... He is considering": a person the
            # "according to" clause is about is its centre, which the next pronoun continues
            fits += [(a.source_start, (a.source_canonical, a.source_type, a.affiliation), True) for a in earlier
                     if a.source_type == "anonymous" and _one_unnamed_person(a) and not reported(a.source_start)
                     and _sentence_of(sent_starts, a.source_start) == before
                     and not (a.cue == "according to" and _person_subject_in(pronoun.doc, a.content_start, a.content_end))]
    elif word in PLURAL_PRONOUNS:
        # unnamed groups and bodies, and people named together ("Gérard Araud ... and Ali Vaez ... write. They
        # also write": the first named stands for the pair, as one row does for the first "write")
        fits = [(a.source_start, (a.source_canonical, a.source_type, a.affiliation),
                 _main_subject_at(pronoun.doc, a.source_start)) for a in earlier
                if a.source_type in ("anonymous", "organization") and a.source_canonical
                and not (a.source_type == "anonymous" and _one_unnamed_person(a)
                         and a.source.lower().split()[0] in SINGULAR_DETERMINERS)
                or a.source_type == "named_person" and _names_several(pronoun.doc, a)]
        fits += _plural_people_subjects(pronoun) + list(nearby)
    elif word in THING_PRONOUNS:
        # a party named by its members ("Democrats") is "they", never "it"
        # and a document that was the source, as whoever it was found to speak for ("The indictment also said
        # ... And it said": the prosecutors); one whose issuer is unknown is no better a source than "it"
        fits = [(a.source_start, (a.source_canonical, a.source_type, a.affiliation), True) for a in earlier
                if a.source_type in ("organization", "media")
                and a.source_canonical not in PARTY_MEMBERS.values()
                or a.source_type != "other"
                and _sentence_of(sent_starts, a.source_start) >= _sentence_of(sent_starts, pronoun.idx) - 1
                and _one_document(pronoun.doc, a)] \
            + list(nearby)
    else:
        return None
    fits = [f for f in fits if f[0] < pronoun.idx and not own_content[0] <= f[0] < own_content[1]
            and f[1][0] not in named_in_content]
    if within is not None:
        first = _sentence_of(sent_starts, pronoun.idx) - within
        fits = [f for f in fits if _sentence_of(sent_starts, f[0]) >= first]
    if not fits:
        return None
    sentence = {f[0]: _sentence_of(sent_starts, f[0]) for f in fits}
    nearest = max(sentence.values())
    in_nearest = [f for f in fits if sentence[f[0]] == nearest]
    if nearest < _sentence_of(sent_starts, pronoun.idx):  # no candidate in the pronoun's own sentence
        preferred = max(f[2] for f in in_nearest)
        main = [f for f in in_nearest if preferred and f[2] == preferred]
        return max(main or in_nearest, key=lambda f: f[0])[1]
    # in its own sentence: the subject of the main clause before anyone else ("Trump has chided Macron for
    # sending mixed signals; he said ..." is Trump), else the nearest
    main = [f for f in in_nearest if f[2]]
    return max(main or fits, key=lambda f: f[0])[1]


def extract_attributions(
    doc: Doc,
    *,
    kinds: Iterable[str] = CUE_KINDS,
    resolve_pronouns: bool = True,
    learned: bool = True,
    mentions: list[EntityMention] | None = None,
) -> list[Attribution]:
    """Every attribution of a parsed article, in text order (a pure function of ``doc``).

    ``kinds`` selects cue kinds from the cue lexicon: ``speech`` (say, tell, warn ...), ``belief``
    (believe, think ...) and ``evidence`` (a report shows, a poll found); "according to" is speech.
    ``learned`` adds the verbs the learned cue model (:mod:`corpus.extract.cue_model`) accepts among those
    the rules leave. ``mentions`` are ``entity_mentions(doc)`` when the caller has them already (the table
    builder), so that they are not found twice.
    """
    kinds = frozenset(kinds)
    text = doc.text
    quotations = find_quotations(text)
    quoted = _quoted_tokens(doc, quotations)
    mention_at = _mention_index(doc, mentions)
    words = _words(doc)
    drafts = _rule_drafts(doc, text, quotations, quoted, kinds, mention_at, words)
    learned_starts: set[int] = set()
    if learned:
        added = _learned_drafts(doc, quotations, drafts, mention_at, kinds, words)
        learned_starts = {d.cue_start for d in added}
        drafts += added
    drafts.sort(key=lambda d: d.cue_start)

    # a person named inside someone's quotation is not the antecedent of the reporter's next "he"
    person_subjects = set()
    for i, (name, label) in mention_at.items():
        main = _subject_standing(doc[i]) if label == "PERSON" and not quoted[i] else None
        if main is not None:
            person_subjects.add((doc[i].idx, name, main))
    holders = _office_holders(doc, mention_at, quoted)
    # "The Army secretary ... dodged the issue. 'I have no comment,' he told The Times": a subject that names
    # an office the article gave a person is that person
    # and its possessor ("the president's motorcade rolled out to CIA headquarters. He told staffers"), as a
    # named possessor of a subject is (:func:`_subject_of`)
    for token in doc:
        subject = token if token.dep_ in SUBJECT_DEPS else token.head if token.dep_ == "poss" \
            and token.head.dep_ in SUBJECT_DEPS else None
        if subject is not None and token.lower_ in OFFICE_WORDS and not quoted[token.i] \
                and token.i not in mention_at and any(t.lower_ == "the" for t in token.lefts):
            holder = _office_holder(token, doc[token.left_edge.i].idx, token.idx + len(token), holders, mention_at,
                                        quoted)
            if holder:
                person_subjects.add((doc[token.left_edge.i].idx, holder, _in_main_clause(subject)))
    person_subjects = sorted(person_subjects)
    sent_starts = [s.start_char for s in doc.sents]
    # one name per mention (not per token), and the proper nouns NER missed, which may be bare surnames
    people = {(i if mention_at.get(i - 1) != mention_at[i] else None, name) for i, (name, label) in mention_at.items()
              if label == "PERSON"}
    relatives = {mention_at[e.start][0] for e in doc.ents
                 if e.label_ == "PERSON" and e.start in mention_at and introduced_as_relative(e)}
    topic_relatives = {mention_at[e.start][0] for e in doc.ents
                       if e.label_ == "PERSON" and e.start in mention_at and relative_of_the_topic(e)}
    persons_by_surname = surname_index([name for start, name in people if start is not None]
                                       + [doc[i].text for i, pos in enumerate(words.pos)
                                          if pos == "PROPN" and i not in mention_at],
                                       relatives=relatives, topic_relatives=topic_relatives,
                                       subjects={name for _, name, _ in person_subjects})
    # a surname NER missed as the subject of a clause ("Hook directly emailed a ship captain") is a candidate
    # antecedent too, whether or not its clause is a report
    person_subjects = sorted(person_subjects + [
        (token.idx, found[0], _in_main_clause(token)) for token in doc
        if token.dep_ in SUBJECT_DEPS and token.pos_ == "PROPN" and token.i not in mention_at and not quoted[token.i]
        and (found := _person_by_name(token, persons_by_surname)) is not None])
    out: list[Attribution] = []
    for draft in drafts:
        source = _source(draft.subject, mention_at, cue=draft.cue_token)
        if draft.subject_span is not None:
            source = source._replace(start=draft.subject_span[0], end=draft.subject_span[1])
        core = _quantified(source.core)
        core = _shared_role(core) or core
        if core.dep_ == "appos" and core.pos_ == "NOUN" and draft.cue_token.dep_ == "relcl" \
                and draft.cue_token.head.i == core.i and mention_at.get(core.head.i, ("", ""))[1] in ("ORG", "PERSON"):
            core = core.head  # "Defense Priorities, a Washington group that argues": the one the apposition names
        if mention_at.get(core.i, ("", ""))[1] in ("ORG", "GPE"):
            # "Gil Barndollar of Defense Priorities said": NER took the whole for a body and the parser made the
            # body the head; the person the phrase opens with, "of" the body, speaks
            people = [c for c in core.lefts if c.dep_ in ("nmod", "compound") and mention_at.get(c.i, ("", ""))[1] == "PERSON"
                      and any(g.dep_ == "prep" and g.lower_ in ("of", "at", "from") for g in c.children)]
            core = people[0] if people else core
        if core.lower_ in REFLEXIVES and core.i > 0 and core.doc[core.i - 1].pos_ in ("NOUN", "PROPN"):
            # "the ads themselves cannily talk", which the parser read as a relative clause with "themselves" its
            # subject: an emphatic reflexive is no subject, the noun it stands after is
            core = core.doc[core.i - 1]
        if core.dep_ == "attr" and core.pos_ == "NOUN" and core.head.lemma_ == "be" \
                and draft.cue_token.dep_ == "relcl" and draft.cue_token.head.i == core.i:
            # "Bolton is a fierce Iran hawk who advocated ...": the one the predicate noun is said of
            named = [c for c in core.head.children
                     if c.dep_ == "nsubj" and mention_at.get(c.i, ("", ""))[1] in ("ORG", "PERSON")]
            core = named[0] if named else core
        if core.lower_ in SPEAKER_PRONOUNS and core.pos_ == "PRON":
            continue  # "I"/"you" outside a quotation (transcripts, podcasts): no speaker the article names
        if not quoted[core.i] and any(c.dep_ == "conj" and c.lower_ in ("i", "we") and c.pos_ == "PRON"
                                      for c in core.children):
            continue  # "My wife and I love the writing": the writer's own, with someone beside
        if core.lower_ in ("'s", "’s", "us") and "let" in (core.head.lemma_.lower(), core.head.head.lemma_.lower()):
            continue  # "let's talk about it": the writer's proposal, no one's report
        state_author = None
        if source_lexicon().get(core.lemma_.lower()) == "document":
            # the statement speaks for whoever issued it; "the Iranian report", which only a nationality word
            # places, for its state, named as the country
            issuer = _document_author(core, mention_at)
            state = _state_of_document(core) if issuer is None else None
            if state is not None:
                state_author = COUNTRY_NAMES[affiliation_in([state], specific_only=True)]
            core = issuer or state or core
        # the phrase of the document that names its issuer ("an Iranian military statement"), whose words place it
        issuer_phrase = core.head if core.dep_ in ("amod", "compound", "nmod", "poss") \
            and source_lexicon().get(core.head.lemma_.lower()) == "document" and core.head.i != source.core.i else None
        core = _media_antecedent(core, mention_at) or core
        body = _named_body(core, mention_at)
        commenter = _commenter_after(core, mention_at)
        # "the Commission", which NER names by itself: the body named in full before
        named_in_full = body and mention_at.get(core.i, ("", ""))[0].lower() == core.lower_ and (body, "ORG")
        mention = (state_author and (state_author, "GPE")) or (commenter and (commenter, "PERSON")) \
            or named_in_full or mention_at.get(core.i) \
            or _apposed_person(core, mention_at) \
            or _person_by_name(core, persons_by_surname) or _named_spokesperson(core, holders) \
            or _titled_leader_of_body(core, holders, mention_at) \
            or _spokesperson_named_later(core, mention_at) \
            or (body and (body, "ORG")) or _company_by_compound(core, mention_at) or _group_by_member_word(core) \
            or _spoken_for(core, mention_at) or _named_relative(core, mention_at)
        if mention is not None and mention[1] == "PERSON":
            body_name = _short_body_name(core.doc, mention[0], mention_at)
            mention = (body_name, "ORG") if body_name \
                else (_completed_name(core, mention[0], source, mention_at, draft.cue_token), "PERSON")
        if mention is not None and mention[1] == "PERSON":
            said = _extend_to_quotations(*_trimmed(text, *draft.content), quotations)
            # and the quotation that goes on in the paragraph ("'...,' Waxman said. '... Whitney and I ...'")
            line_break = text.find("\n", draft.cue_end)
            paragraph_end = line_break if line_break >= 0 else len(text)
            said = (min(said[0], draft.cue_end), max([said[1]] + [q.end for q in quotations
                                                                if draft.cue_end <= q.start < paragraph_end]))
            mention = (_not_the_one_named_in_content(core, mention[0], said, mention_at), "PERSON")
        # a second cue of the same phrase ("his office said ..., adding") is read as its first was
        possessor = _possessor(core, [a for a in out if a.source_start != source.start], person_subjects, sent_starts,
                               mention_at, quoted) if resolve_pronouns else None
        if mention is None and possessor is not None and possessor[1] == "named_person":
            mention = _named_relative(core, mention_at, owner=possessor[0])  # "his wife": the one he named so
        # "the Kentucky Republican" (NER: a party), "the Fox News host" (an outlet's name): the person just named
        epithet = _epithet_person(core, mention_at, quoted, out) if mention is None or mention[1] == "NORP" else None
        if epithet:
            mention = (epithet, "PERSON")
        if mention is None:
            holder = _titled_person(core, source, mention_at) \
                or _office_holder(core, source.start, source.end, holders, mention_at, quoted) \
                or _described_person(core, mention_at) or _named_next(core, mention_at)
            if holder and (_names_in_report(holder, draft.content, quotations, quoted, doc)
                           or _unnamed_since(holder, core, out, mention_at)):
                holder = None  # "'At least, Reid was able to make a decision,' the GOP senator said": not Reid
            holder = holder or _self_introduced(core, draft.content, quotations, quoted)
            mention = (holder, "PERSON") if holder else _proper_name(core) or _body_in_lower_case(core) \
                or _handle_owner(core)
        if mention is None or mention[1] == "PERSON" and " " not in mention[0]:
            mention = _outlet_by_compound(core) or mention
        if not epithet and (_is_media_name(core.doc[core.left_edge.i:core.i + 1].text)
                            or mention and _is_media_name(mention[0])):
            mention = _outlet_in_full(mention, core, mention_at)
        antecedent = ""
        evidence = ""
        # "Democrats have questioned the strike. But many have stressed ...": a bare quantifier is the group
        # just named, read as "they" and no further back than the sentence before
        group = _resolve(core, out, person_subjects, sent_starts, word="they", within=_group_reach(core)) \
            if resolve_pronouns and mention is None and core.lower_ in BARE_GROUP_WORDS \
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in core.children) else None
        if group is None and resolve_pronouns and mention is None and core.lower_ in PAIR_WORDS \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in core.children):
            # "Esper and Milley briefed the senators. The pair emphasized ...", "the two wrote": the people just
            # named together, read as "they" (the first named stands for them, as for a phrase naming several)
            group = _resolve(core, out, person_subjects, sent_starts, word="they", within=1,
                             nearby=_people_named_together(core, mention_at, quoted))
        if group is not None:
            canonical, source_type, affiliation = group
            if canonical in PARTY_MEMBERS.values():
                # "Democrats have questioned the strike. But many have stressed ...": many of the party's members
                canonical, source_type = f"{canonical[:-1].lower()} [{affiliation}]", "anonymous"
            antecedent = canonical
            evidence = "antecedent" if affiliation != "unknown" else ""
        elif core.lower_ in PERSONAL_PRONOUNS and core.pos_ == "PRON":
            own_content = _extend_to_quotations(*_trimmed(text, *draft.content), quotations)
            # a cue set off by commas inside its reported clause ("Mr. Trump's policy, he predicted, is going
            # to ...") reports the words before it too
            reported_from = core.sent.start_char if _parenthetical(core, draft.cue_token) else core.idx
            named_in_content = frozenset(
                name for i, (name, label) in mention_at.items()
                if label == "PERSON" and not quoted[i] and (
                    max(own_content[0], core.idx) <= doc[i].idx < own_content[1]
                    and not _in_relative_report(doc[i], draft.cue_token)
                    or reported_from <= doc[i].idx < core.idx))
            resolved = None
            if resolve_pronouns:
                described = _relative_clause_person(core, mention_at)
                resolved = _named_person(described) if described \
                    else _antecedent(core, out, person_subjects, sent_starts, mention_at, quoted,
                                     own_content=own_content, named_in_content=named_in_content)
            if resolved is None:
                canonical, source_type, affiliation = core.lower_, "other", "unknown"
            else:
                canonical, source_type, affiliation = resolved
                if source_type == "named_person":
                    canonical = _named_in_full(canonical, core, mention_at) or canonical
                antecedent = canonical
                evidence = "antecedent" if affiliation != "unknown" else ""
                if affiliation == "unknown" and source_type == "named_person":
                    affiliation = _person_context_affiliation(canonical, out, mention_at, doc) or "unknown"
                    evidence = "article context" if affiliation != "unknown" else ""
        else:
            source_type = _source_type(core, mention)
            found = _affiliation(core, source.start, source.end, mention[0] if mention else "")
            affiliation, evidence = found if found else (None, "")
            if affiliation is None and issuer_phrase is not None:
                affiliation = affiliation_in(list(issuer_phrase.lefts), specific_only=True)
                evidence = "source phrase" if affiliation else ""
            if affiliation is None and mention is not None and mention[1] == "ORG":
                # "The government added" for the "Iraqi government" named before: the side its name's words give
                affiliation = affiliation_in([doc[i] for i, named in mention_at.items() if named == mention],
                                             specific_only=True)
                evidence = "article context" if affiliation else ""
            if affiliation is None and source_type == "anonymous":
                # "the officials said", "officials said" after "US officials said": the officials named earlier
                same = [a for a in out if a.source_type == "anonymous" and a.affiliation != "unknown"
                        and a.source_canonical.startswith(_role_word(core) + " [")]
                affiliation, evidence = (same[-1].affiliation, "earlier source") if same else (None, "")
            if affiliation is None and source_type == "named_person":
                affiliation = _person_context_affiliation(mention[0] if mention else "", out, mention_at, doc)
                evidence = "article context" if affiliation else ""
            if affiliation is None and source_type in ("anonymous", "organization"):
                # "Turkey said it will not permit ISIS to return, ..., a presidential spokesman said": one who
                # reports what a country or body said, as its own subject, speaks for it
                voiced = [a for a in out if a.source_start == draft.content[0] and a.source_type == "organization"
                          and a.affiliation != "unknown" and a.cue_start < draft.content[1]]
                affiliation, evidence = (voiced[0].affiliation, "article context") if voiced else (None, evidence)
            affiliation = affiliation or "unknown"
            if affiliation == "unknown" and source_type in ("organization", "anonymous"):
                # "Trump's campaign", "Biden's allies": on the side of the person they belong to
                owner = _person_possessor(core, mention_at)
                affiliation = entity_affiliations().get(owner or "", "unknown")
                evidence = "entity table" if affiliation != "unknown" else evidence
            if affiliation == "unknown" and source_type == "anonymous":
                # "NPR's public editor", "Google's spokesman": on the side of the body that employs them
                bodies = [mention_at[c.i][0] for c in core.children if c.dep_ == "poss" and c.i in mention_at]
                affiliation = entity_affiliations().get(aliased(bodies[0]) if bodies else "", "unknown")
                evidence = "entity table" if affiliation != "unknown" else evidence
            # and a person the article names for a role noun ("the owner of the Kokuka Courageous ... Company
            # president Yutaka Katada", where the article writes "the Japanese owner"), whom nothing else places
            named_for_role = source_type == "named_person" and core.pos_ == "NOUN" and core.i not in mention_at
            if affiliation == "unknown" and (source_type in ("organization", "anonymous", "media") and mention is None
                                             or named_for_role):
                affiliation = _noun_context_affiliation(core, words) or "unknown"
                evidence = "article context" if affiliation != "unknown" else evidence
            if affiliation == "unknown" and (core.lower_ in SPOKES_WORDS or source_type == "anonymous"):
                # "a spokesman for Schumer" speaks on Schumer's side, "a person close to Rasmussen" on his
                principals = [o for c in core.children if c.dep_ == "prep" and c.lower_ == "for"
                              and core.lower_ in SPOKES_WORDS for o in c.children
                              if mention_at.get(o.i, ("", ""))[1] == "PERSON"] + [
                    o for c in core.children if c.dep_ == "amod" and c.lower_ == "close" for p in c.children
                    if p.dep_ == "prep" and p.lower_ == "to" for o in p.children
                    if mention_at.get(o.i, ("", ""))[1] == "PERSON"]
                if principals:
                    person = mention_at[principals[0].i][0]
                    affiliation = entity_affiliations().get(person) \
                        or _person_context_affiliation(person, out, mention_at, doc) or "unknown"
                    evidence = "article context" if affiliation != "unknown" else evidence
            if affiliation == "unknown" and source_type == "media" and _state_media(core):
                affiliation = _state_media_side(doc) or "unknown"
                evidence = "article context" if affiliation != "unknown" else evidence
            canonical = _canonical_name(core, mention, source_type, affiliation, mention_at)
            if source_type == "organization" and mention is None:
                canonical = aliased(canonical)  # "the U.S. central bank" is the Federal Reserve
            outlet = _writes_for_outlet(core, draft.cue_token, mention_at) if source_type == "named_person" else None
            if outlet:
                source_type = "media"  # "Mollie Hemingway at The Federalist reported": the journalist's outlet
                if affiliation == "unknown":
                    affiliation = _outlet_side(outlet)
                    evidence = "entity table" if affiliation != "unknown" else evidence
            if source_type == "media":
                # an outlet NER missed ("FARS reported") by the name the alias and affiliation tables know
                canonical = aliased(canonical)
                if canonical not in entity_affiliations() and f"The {canonical}" in entity_affiliations():
                    canonical = f"The {canonical}"  # "The Hill", whose article the normaliser dropped
                canonical = _known_agency(canonical)
                if affiliation == "unknown" and canonical in entity_affiliations():
                    affiliation, evidence = entity_affiliations()[canonical], "entity table"
        if possessor is not None and source_type == "other" and source_lexicon().get(core.lemma_.lower()) == "document":
            # "Its report said", "her Foreign Agents Registration Act disclosure says": the owner wrote it
            canonical, source_type, affiliation = possessor
            antecedent, evidence = possessor[0], "antecedent"
        elif possessor is not None and source_type in ("anonymous", "organization") and affiliation == "unknown" \
                and possessor[2] != "unknown":
            # "his office said", "his aides": on the side of the one they work for
            affiliation, evidence = possessor[2], "antecedent"
            if canonical.endswith(" [unknown]"):
                canonical = canonical.removesuffix("[unknown]") + f"[{affiliation}]"
        if possessor is not None and possessor[1] == "named_person" and source_type == "organization" \
                and core.lower_ == "office":
            # "Abdul Mahdi asked Pompeo ..., his office said": named as "Netanyahu's office" is
            # (:func:`_canonical_name`), the office of the one the pronoun stands for
            canonical = f"{possessor[0]}'s office"
            if possessor[2] != "unknown" and evidence in ("", "article context"):
                affiliation, evidence = possessor[2], "antecedent"  # the owner's side, before the article's
        if source_type == "other" and source_lexicon().get(core.lemma_.lower()) == "document":
            issuer = _document_issuer(core, out, sent_starts)
            if issuer is not None:
                canonical, source_type, affiliation = issuer.source_canonical, issuer.source_type, issuer.affiliation
                antecedent, evidence = issuer.source_canonical, "antecedent"
            elif core.lemma_.lower() in PROSECUTION_DOCUMENTS:
                prosecution = _prosecution(core, mention_at)
                if prosecution is not None:
                    canonical, source_type, affiliation = prosecution
                    antecedent, evidence = canonical, "article context" if affiliation != "unknown" else ""
        if source_type != "named_person" and core.lower_ not in PERSONAL_PRONOUNS:
            earlier = _definite_antecedent(core, out, sent_starts)
            if earlier is not None:
                canonical, source_type, affiliation = earlier.source_canonical, earlier.source_type, earlier.affiliation
                antecedent, evidence = earlier.source_canonical, "antecedent"
        if source_type == "other" and _the_country(core):
            country = _country_named_before(core, mention_at, sent_starts)
            if country is not None:  # "The country has always insisted": Iran, named just before
                canonical, source_type, affiliation = country, "organization", SIDE_OF_COUNTRY[country]
                antecedent, evidence = country, "antecedent"
        if (affiliation == "unknown" or evidence == "earlier source") and source_type in ("anonymous", "organization"):
            # "Local officials blamed Iran-backed militias", after the bases in Iraq: the place the story is in; "In
            # Tehran, a senior intelligence official told": the place the clause opens with; either before the side
            # of the officials quoted before
            local = any(c.dep_ == "amod" and c.lower_ == "local" for c in core.children) \
                or affiliation == "unknown" and _role_word(core) in STREET_ROLES
            side = _place_opening(draft.cue_token, core)
            if side is None and local:
                side = SIDE_OF_COUNTRY.get(_country_named_before(core, mention_at, sent_starts) or "")
            if side:
                affiliation, evidence = side, "article context"
                canonical = _with_side(canonical, affiliation)
        if affiliation == "unknown" and source_type == "organization" and core.lemma_.lower() in NAMED_BODY_HEADS:
            # "The Biden campaign pointed to": the campaign of a person the entity table places
            people = [(_person_by_name(c, persons_by_surname) or (aliased(c.text), ""))[0]
                      for c in core.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if people and entity_affiliations().get(people[0]):
                affiliation, evidence = entity_affiliations()[people[0]], "entity table"
        if (affiliation == "unknown" or evidence == "article context") and source_type in ("anonymous", "organization"):
            # "a spokesman for the country's atomic energy agency", Iran named just before: the country's side, which
            # the phrase's own words give (before the other mentions of "spokesman" in the article); not "the
            # nation's top intelligence official", which a US outlet writes of the US, whatever it named last
            countries = [t for t in core.subtree if t.i != core.i and _the_country(t) and t.lemma_.lower() == "country"]
            country = _country_named_before(countries[0], mention_at, sent_starts) if countries else None
            if country is not None:
                affiliation, evidence = SIDE_OF_COUNTRY[country], "antecedent"
                canonical = _with_side(canonical, affiliation)
        if source_type == "other" and core.lemma_.lower() == "report" and core.tag_ == "NNS":
            source_type = "media"  # "multiple reports on Thursday", "news reports": the press, as readers type it
        if source_type == "other" and canonical.lower() in RELATIVE_PRONOUNS | DEMONSTRATIVES:
            continue  # a relative or demonstrative pronoun nothing resolved ("and that is questioning ..."): no one
        if not any(character.isalnum() for character in canonical):
            continue  # a bracket or a mark the parser made a subject ("Ukrain [sic] said"): no one
        if affiliation == "unknown":
            evidence = "none"
        content_start, content_end = _trimmed(text, *draft.content)
        content_start, content_end = _extend_to_quotations(content_start, content_end, quotations)
        # and one unnamed "one/another" of a kind ("One Democratic presidential candidate writes, '...' ¶ Amy
        # Klobuchar, CNN"), the round-up's way of naming a pull quote's author only after it
        one_of_a_kind = source_type == "anonymous" and core.tag_ == "NN" and any(
            c.lower_ in ("one", "another") and c.dep_ in ("nummod", "det") for c in core.children)
        if source_type in ("anonymous", "other") and core.tag_ in ("NNS", "NNPS") or core.lower_ in BARE_GROUP_WORDS \
                or one_of_a_kind:
            credited = _credited_after(text, content_end, quotations, mention_at, doc)
            if credited is not None:
                canonical, source_type, affiliation, evidence = credited
        factuality = draft.factuality
        if factuality == "asserted" and source_type == "other" and mention is None and not antecedent \
                and _no_one_speaks_through(core, doc.char_span(source.start, source.end, alignment_mode="expand")):
            factuality = "inferred"  # the writer's reading of a thing, as a thing that "suggests" is (_factuality)
        start = min(source.start, draft.cue_start, content_start)
        end = max(source.end, draft.cue_end, content_end)
        cue_text = text[draft.cue_start:draft.cue_end]
        out.append(Attribution(
            doc._.doc_id if doc.has_extension("doc_id") else None,
            _sentence_of(sent_starts, draft.cue_start), start, end,
            text[source.start:source.end], canonical, source_type, affiliation, evidence,
            draft.cue, text[content_start:content_end], _directness(content_start, content_end, quotations),
            draft.cue_kind, factuality, cue_text, draft.channel, antecedent,
            source.start, source.end, draft.cue_start, draft.cue_end, content_start, content_end,
        ))
    found = _attach_continuations(text, out, quotations, sent_starts)
    model = cue_model() if learned else None
    if model is not None and model.keep_threshold > 0:
        found = [a for a, features in zip(found, rule_attribution_features(found))
                 if a.cue_start in learned_starts or not faces_keep_threshold(a)
                 or model.probability(features) >= model.keep_threshold]
    return found


PLAIN_SPEECH_CUES = frozenset({"say", "tell"})


def faces_keep_threshold(attribution: Attribution) -> bool:
    """Whether the learned cue model may drop this row of the rules: one test for training and extraction, so
    that the thresholds chosen on PolNeAR train are the ones applied. Flagged rows (negated, hypothetical, asked)
    stay, flagged: the analyses leave them out anyway. An inferred row is one the model was fitted on as
    asserted, and it faces the threshold as an asserted row would.

    A named person's or body's plain "say" or "tell" never faces it: the model learns PolNeAR's source spans, and
    the few such rows it scores low are mostly real reports, often nested ("in what the Defense Department later
    said was"), that PolNeAR's annotation draws otherwise (10 of 4,942 such rows on PolNeAR train fall below it, 3
    of them matches). On the hand-checked samples, with no keep threshold at all, 20 real attributions come back
    for one non-attribution."""
    if attribution.factuality not in ("asserted", "inferred"):
        return False
    named = attribution.source_type in NAMED_SOURCE_TYPES and attribution.source_canonical[:1].isupper()
    return not (named and attribution.cue in PLAIN_SPEECH_CUES)


def rule_attribution_features(found: list[Attribution]) -> list[list[str]]:
    """The learned cue model's features of each attribution (:func:`corpus.extract.cue_model.rule_features`)."""
    return [rule_features(cue=a.cue, cue_kind=a.cue_kind, source_type=a.source_type,
                          factuality="asserted" if a.factuality == "inferred" else a.factuality,
                          direct=a.direct, channel=a.channel, source=a.source,
                          nested=any(b is not a and b.content_start <= a.cue_start < b.content_end for b in found))
            for a in found]


SIDE_OF_COUNTRY = {country: side for side, country in COUNTRY_NAMES.items()}


STREET_ROLES = frozenset({"protester", "demonstrator", "mourner", "crowd", "resident", "hard-liner", "hardliner",
                          "organizer", "villager", "marcher", "rioter"})
"""People a story finds where it happens ("protesters chanted", "mourners shouted"): on the side of the country it
has just named, as "local officials" are."""


SIDE_TAG = re.compile(r"\[[^\]]*\]$")
"""The side a source's canonical name ends with ("official [Iran]")."""


def _with_side(canonical: str, side: str) -> str:
    """``canonical`` with the side it ends with, if any, replaced by ``side``."""
    return SIDE_TAG.sub(f"[{side}]", canonical)


def _place_opening(cue: Token, core: Token) -> str | None:
    """The side of the place a report's clause opens with, before its source: "In Tehran, a senior intelligence
    official told foreign media ...", "In Iraqi cities, demonstrators ..." (a side's country or a place in one)."""
    # the prepositional phrase hangs on the cue or on the verb whose subject the source is ("In Iraqi cities,
    # demonstrators took to the streets, vowing ...")
    for prep in [*cue.children, *(core.head.children if core.head.i != cue.i else ())]:
        if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i < core.i:
            places = [o for o in prep.children if o.dep_ == "pobj" and (o.ent_type_ in ("GPE", "NORP") or any(
                t.ent_type_ in ("GPE", "NORP") for t in o.children if t.dep_ in ("amod", "compound")))]
            if places:
                return affiliation_in(list(places[0].subtree), specific_only=True)
    return None


def _the_country(core: Token) -> bool:
    """ "the country", "the nation", with no other word: a country the article has just named."""
    modifiers = [c for c in core.children if c.dep_ not in ("punct", "case")]  # "the country's ministry" too
    return core.lemma_.lower() in ("country", "nation") and core.tag_ == "NN" and len(modifiers) == 1 \
        and modifiers[0].dep_ == "det" and modifiers[0].lower_ == "the"


def _country_named_before(core: Token, mention_at: dict[int, tuple[str, str]], sent_starts: list[int]) -> str | None:
    """The country of a side that "the country" takes up: the last place named in its sentence or the three
    before it, when that place is one of the sides' countries or in one ("Tehran" is Iran's); a place elsewhere
    named last leaves it unresolved (definite description resolution, Vieira & Poesio 2000)."""
    here = _sentence_of(sent_starts, core.idx)
    first = sent_starts[max(0, here - 3)] if sent_starts else 0
    for i in range(core.i - 1, -1, -1):
        if core.doc[i].idx < first:
            return None
        named = mention_at.get(i)
        if named is not None and named[1] == "GPE":
            start = i
            while start > 0 and mention_at.get(start - 1) == named:
                start -= 1
            side = affiliation_in(core.doc[start:i + 1], specific_only=True)
            return COUNTRY_NAMES.get(side or "")
    return None


ANAPHORIC_ROLES = frozenset({"official", "source", "spokesperson", "spokesman", "spokeswoman", "aide", "diplomat",
                             "officer", "person"}) | SPOKES_WORDS
"""Role nouns a reporter uses again for the one unnamed source just introduced: "A State Department spokesperson
said ... the official said", "a White House official ... this source said"."""


def _definite_antecedent(core: Token, earlier: list[Attribution], sent_starts: list[int]) -> Attribution | None:
    """The source a bare definite or demonstrative role ("the official", "this source", no other modifier) takes
    up again: the last attribution of the two sentences before, when it named one unnamed person of such a role
    ("a ...", "an ...", or itself definite: "according to the Western intelligence source ... the person said")
    (definite description resolution by the antecedent's head, Vieira & Poesio 2000)."""
    plural = core.tag_ == "NNS" or core.lower_ == "people"
    role = "person" if core.lower_ == "people" else core.lemma_.lower()
    if role not in ANAPHORIC_ROLES or core.tag_ != "NN" and not plural:
        return None
    modifiers = [c for c in core.children if c.dep_ not in ("punct",)]
    determiners = ("the", "these", "those") if plural else ("the", "this", "that")
    # "the four people said" after "three officials ... and a fourth close to Iran's decision making"
    if not modifiers or any((c.dep_ != "det" or c.lower_ not in determiners) and not (plural and c.dep_ == "nummod")
                            for c in modifiers) or not any(c.dep_ == "det" for c in modifiers):
        return None
    here = _sentence_of(sent_starts, core.idx)
    candidates = [a for a in earlier if a.source_start < core.idx and here - 2 <= _sentence_of(sent_starts, a.source_start) <= here]
    if not candidates:
        return None
    last = candidates[-1]
    words = last.source.lower().split()
    if plural:
        # "According to Western current and former diplomats, ... The sources told Al Jazeera": unnamed people
        # named in the plural just before, whatever the role noun
        return last if last.source_type == "anonymous" and _plural_source(last) else None
    if last.source_type not in ("anonymous", "organization") or not words \
            or words[0] not in ("a", "an", "one", "the", "this", "that") \
            or not any(w.strip(",.") in ANAPHORIC_ROLES for w in words):
        return None
    return last


def _plural_source(attribution: Attribution) -> bool:
    """Whether an unnamed source's phrase names people in the plural ("Western current and former diplomats",
    "three officials familiar with the meetings"), not one of them."""
    words = [w.strip(",.") for w in attribution.source.lower().split()]
    return bool(words) and words[0] not in ("a", "an", "one", "the", "this", "that") \
        and any(w.endswith("s") or w == "people" for w in words)


def _document_issuer(core: Token, earlier: list[Attribution], sent_starts: list[int]) -> Attribution | None:
    """A definite document whose issuer the phrase does not give (:func:`_document_author` found none): "The
    Pentagon said two bases were hit ... The statement said ...": the source of the last report of the same
    sentence or the one before, when that source is a named body (the writer goes on with the same source
    through its document, as centering's continued centre does for pronouns); a person's document is as often
    someone else's ("the report" after a senator's comment on it), so only a body's. Before that: the source of
    the last report made in a document of the same name ("said in a statement"), within :data:`CHANNEL_REACH`
    sentences."""
    if core.lemma_.lower() in ADVERSARIAL_DOCUMENTS or core.tag_ != "NN" \
            or not _definite(core):
        return None
    here = _sentence_of(sent_starts, core.idx)
    # "the coalition said in a statement ... “...,” the statement added": the one who made the statement the
    # article last mentioned, a few sentences back
    channelled = [a for a in earlier if a.cue_start < core.idx and a.channel == core.lemma_.lower()
                  and here - CHANNEL_REACH <= _sentence_of(sent_starts, a.cue_start)
                  and a.source_type in ("named_person", "organization", "anonymous", "media")]
    if channelled:
        return channelled[-1]
    candidates = [a for a in earlier if a.source_start < core.idx and here - 1 <= _sentence_of(sent_starts, a.source_start)]
    if not candidates:
        return None
    last = candidates[-1]
    return last if last.source_type == "organization" and last.source_canonical[:1].isupper() else None


CHANNEL_REACH = 4
"""Sentences back that "the statement" still means the statement an earlier report was made in."""


ADVERSARIAL_DOCUMENTS = frozenset({"indictment", "complaint", "lawsuit", "filing", "suit", "petition", "motion",
                                   "testimony", "transcript"})
"""Documents written against or about the one the article last quoted (the indictment of a company that has just
denied the charges, a lawsuit, a transcript of someone's call): never that source's own words."""


def _sentence_of(sent_starts: list[int], char: int) -> int:
    lo, hi = 0, len(sent_starts)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if sent_starts[mid] <= char:
            lo = mid
        else:
            hi = mid
    return lo


def _attach_continuations(text: str, found: list[Attribution], quotations: list[Quotation],
                          sent_starts: list[int]) -> list[Attribution]:
    """A quotation with no attribution of its own, in the sentence after a direct one, continues it."""
    out = list(found)
    for q in quotations:
        if any(a.content_start < q.end and a.content_end > q.start for a in out):
            continue
        if any(q.start <= a.cue_start < q.end for a in out):
            continue
        before = [i for i, a in enumerate(out) if a.end_char <= q.start and a.direct != "indirect"]
        if not before:
            continue
        i = max(before, key=lambda k: out[k].end_char)
        previous = out[i]
        if any(a.start_char > previous.end_char and a.start_char < q.start for a in out):
            continue
        gap = _sentence_of(sent_starts, q.start) - _sentence_of(sent_starts, previous.end_char - 1)
        if gap > 1:
            continue
        content = previous.content + " " + text[q.start:q.end]
        out[i] = previous._replace(content=content, content_end=q.end, end_char=max(previous.end_char, q.end))
    return out
