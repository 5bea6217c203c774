"""A learned attribution cue: which verbs outside the cue lexicon (or the lexicon's rules) report a source.

PolNeAR (Newell, Margolin & Ruths 2018) annotates beliefs, stances and intentions as attributions ("Iran
wants", "officials believe", "Sanders backed"), but its annotators mark only some uses of each verb: a verb's
lemma alone is a poor cue (on PolNeAR train, "want" is an attribution 30% of the times it has a subject). A
logistic-regression classifier over the verb's lemma, its dependency frame (clausal, infinitival or object
complement), its subject's kind (person, organisation, pronoun, the noun) and its tense and modality
decides instead, in the manner of the feature-based cue classifiers of Pareti (2016, PARC 3.0) and
Krestel, Bergler & Witte (2008). The same model also scores what the rules found, and an attribution of the rules below ``keep_threshold`` is
dropped (a belief nested in another source's reported words, "call" in the sense of "name").

The weights (``data/cue_model.json``) are trained on PolNeAR **train** by ``python -m corpus.evaluate.train_cues``
(``make cue-model``); scoring is a sum of weights, so nothing but the standard library runs at extraction time.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from corpus.resources import data_mapping, data_text

if TYPE_CHECKING:  # spaCy is imported by whoever parses; reading stored tables never loads it
    from spacy.tokens import Token

MODEL_FILE = "cue_model.json"
KINDS_FILE = "learned_cue_kinds.csv"
COMPLEMENT_DEPS = ("ccomp", "xcomp", "dobj", "prep")


class CueModel(NamedTuple):
    bias: float
    threshold: float
    keep_threshold: float
    weights: dict[str, float]

    def probability(self, features: list[str]) -> float:
        score = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-score))


@lru_cache(maxsize=1)
def cue_model() -> CueModel | None:
    """The shipped weights, or None when the package has none (then only the rules run)."""
    try:
        raw = json.loads(data_text(MODEL_FILE))
    except FileNotFoundError:
        return None
    return CueModel(raw["bias"], raw["threshold"], raw.get("keep_threshold", 0.0), raw["weights"])


@lru_cache(maxsize=1)
def learned_cue_kinds() -> dict[str, str]:
    """The verbs the model may add and their cue kind (``data/learned_cue_kinds.csv``): reporting, belief,
    intention and stance verbs; PolNeAR also marks actions (voting, signing, releasing) that the project's
    analyses do not count as anyone's words, so a verb not listed is never added."""
    return data_mapping(KINDS_FILE, "lemma", "kind")


def is_candidate(token: Token) -> bool:
    """A verb in its own right (not an auxiliary or a modifier); which verbs may be added is the list's say."""
    return token.pos_ == "VERB" and token.dep_ not in ("amod", "compound", "aux", "auxpass")


def _complement(verb: Token) -> str:
    children = list(verb.children)
    for dep in COMPLEMENT_DEPS:
        found = [c for c in children if c.dep_ == dep]
        if found:
            return f"prep:{found[0].lower_}" if dep == "prep" else dep
    return "none"


def _subject_kind(subject: Token, label: str) -> tuple[str, str]:
    """(coarse, fine): the subject as a person, organisation, pronoun or noun."""
    if subject.pos_ == "PRON":
        return "pron", "pron:" + subject.lower_
    if label:
        return ("person" if label == "PERSON" else "org"), "ent:" + label
    if subject.pos_ == "PROPN":
        return "propn", "propn"
    return "noun", "noun:" + subject.lemma_.lower()


def cue_features(verb: Token, subject: Token, subject_label: str, *, nested: bool = False) -> list[str]:
    """The classifier's features of one candidate verb and its subject (strings, weights looked up by name)."""
    lemma = verb.lemma_.lower()
    complement = _complement(verb)
    coarse, fine = _subject_kind(subject, subject_label)
    morph = verb.morph
    form = "/".join(morph.get("Tense") + morph.get("VerbForm")) or "none"
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    negated = any(c.dep_ == "neg" for c in verb.children)
    head = verb.head.lemma_.lower() if verb.head.i != verb.i else "root"
    ccomp_mark = any(m.lower_ == "that" for c in verb.children if c.dep_ == "ccomp" for m in c.children)
    features = [
        f"l={lemma}", f"l={lemma}|c={complement}", f"c={complement}", f"s={fine}", f"sc={coarse}",
        f"l={lemma}|sc={coarse}", f"c={complement}|sc={coarse}", f"f={form}", f"l={lemma}|f={form}",
        f"d={verb.dep_}", f"l={lemma}|d={verb.dep_}", f"sd={subject.dep_}",
        f"h={head}|d={verb.dep_}",
    ]
    features += [f"aux={a}" for a in auxiliaries] + [f"l={lemma}|aux={a}" for a in auxiliaries]
    if negated:
        features.append("neg")
    if ccomp_mark:
        features += ["that", f"l={lemma}|that"]
    if subject.lower_ in ("who", "that", "which"):
        features.append("relative")
    if subject.i > verb.i:
        features.append("inverted")
    if nested:
        features += ["nested", f"l={lemma}|nested"]
    if any(t.text in ('"', "“", "”") for t in verb.sent):
        features += ["quote", f"l={lemma}|quote"]
    return features


def rule_features(*, cue: str, cue_kind: str, factuality: str, source_type: str, direct: str, channel: str,
                  source: str, nested: bool) -> list[str]:
    """Features of an attribution the rules found, for the same model's decision to keep it: PolNeAR's
    annotators leave out some of what the rules read (a belief inside another's reported words, "call"
    meaning "name"), and the cue, its kind, the source's type and its form tell them apart."""
    pronoun = source.lower() in ("he", "she", "they", "it", "we", "i", "you", "who")
    features = [
        "r", f"r|cue={cue}", f"r|kind={cue_kind}", f"r|fact={factuality}", f"r|st={source_type}",
        f"r|direct={direct}", f"r|cue={cue}|st={source_type}", f"r|kind={cue_kind}|direct={direct}",
        f"r|cue={cue}|direct={direct}", f"r|kind={cue_kind}|fact={factuality}",
    ]
    if channel:
        features.append("r|channel")
    if pronoun:
        features += ["r|pron", f"r|cue={cue}|pron"]
    if nested:
        features += ["r|nested", f"r|kind={cue_kind}|nested"]
    if len(source.split()) > 8:
        features.append("r|long_source")
    return features
