"""Faster equivalents of two components of the English model: the same annotations, less Python per token.

The small English model spends about a fifth of its time on news text in two rule-based components that run
Python for every token (``benchmarks/RESULTS.md``):

* ``attribute_ruler`` maps fine-grained tags (and a few words) to coarse POS, morphology and lemmas with
  179 Matcher rules. spaCy's ``Matcher`` tries every rule at every token. Almost all of the rules are
  single-token equality tests on a few attributes (``TAG``, ``LOWER``, ``DEP``, ``IS_SPACE``), so
  :class:`IndexedAttributeRuler` looks those rules up by their tested values instead, and sends only the
  other rules (several tokens, operators, attributes it does not index) through a ``Matcher`` of their own.
  Matches are applied exactly as :class:`spacy.pipeline.AttributeRuler` applies them, in rule order, so
  later rules still win.
* ``lemmatizer`` (rule mode) computes each token's lemma in Python through a ``Token`` object, tests each
  candidate form for membership in a list of known words, and caches only part of its results.
  :class:`CachedRuleLemmatizer` runs spaCy's own ``rule_lemmatize`` with those lists answering ``in`` from a
  set, remembers every lemma by (word, POS, morphology), the values spaCy's rules read, and reads and writes
  the lemmas of a whole ``Doc`` as arrays.

``tests/test_fast_pipes.py`` checks every token attribute against spaCy's own components.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from spacy.attrs import DEP, IS_ALPHA, IS_DIGIT, IS_PUNCT, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs  # what AttributeRuler.set_annotations itself uses

__all__ = ["IndexedAttributeRuler", "CachedRuleLemmatizer", "speed_up_pipeline"]

# Token attributes a rule may test and still be indexed: string attributes compare string hashes,
# flags compare 0/1, both as ``Doc.to_array`` returns them (the same values spaCy's Matcher compares).
_STRING_ATTRS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "NORM": NORM, "TAG": TAG, "DEP": DEP, "LEMMA": LEMMA}
_FLAG_ATTRS = {"IS_SPACE": IS_SPACE, "IS_ALPHA": IS_ALPHA, "IS_PUNCT": IS_PUNCT, "IS_DIGIT": IS_DIGIT}
_INDEX_PRIORITY = ("TAG", "LOWER", "ORTH", "TEXT", "NORM", "LEMMA", "DEP")
_CACHE_LIMIT = 100_000  # distinct attribute rows remembered (per memo) before it is cleared


class _Test:
    """One attribute test of an indexed rule: the column it reads, and the values it accepts or refuses."""

    __slots__ = ("column", "accept", "refuse")

    def __init__(self, column: int, accept: frozenset | None, refuse: frozenset | None):
        self.column, self.accept, self.refuse = column, accept, refuse

    def passes(self, row: tuple) -> bool:
        value = row[self.column]
        return (self.accept is None or value in self.accept) and (self.refuse is None or value not in self.refuse)


class IndexedAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` whose single-token equality rules are looked up rather than matched."""

    def __init__(self, vocab, name: str = "attribute_ruler", **kwargs):
        super().__init__(vocab, name, **kwargs)
        self._compiled = None

    def clear(self) -> None:
        super().clear()
        self._compiled = None

    def add(self, patterns, attrs, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._compiled = None

    def match(self, doc: Doc):
        """The same ``(rule, match_id, start, end)`` list as ``AttributeRuler.match``, sorted by rule."""
        columns, rules, index, unindexed, matcher, memo = self._compiled or self._compile()
        matches = []
        if len(doc) and columns:
            for position, row in enumerate(map(tuple, doc.to_array(columns).tolist())):
                hits = memo.get(row)
                if hits is None:
                    if len(memo) >= _CACHE_LIMIT:
                        memo.clear()
                    candidates = set(unindexed)
                    for column, by_value in index:
                        candidates.update(by_value.get(row[column], ()))
                    hits = memo[row] = tuple(rule for rule in sorted(candidates)
                                             if any(all(t.passes(row) for t in alt) for alt in rules[rule]))
                for rule in hits:
                    matches.append((rule, self._match_ids[rule], position, position + 1))
        if matcher is not None:
            matches.extend((int(self.vocab.strings[m_id]), m_id, s, e)
                           for m_id, s, e in matcher(doc, allow_missing=True, as_spans=False))
        matches.sort()
        return matches

    def set_annotations(self, doc: Doc, matches) -> None:
        """As ``AttributeRuler.set_annotations``, without building a ``Span`` for a one-token match."""
        slow = []
        for rule, match_id, start, end in matches:
            if end - start == 1 and self.indices[rule] in (0, -1):
                set_token_attrs(doc[start], self.attrs[rule])
            else:
                slow.append((rule, match_id, start, end))
        if slow:  # rare; the parent also raises its error for an index outside the span
            super().set_annotations(doc, slow)

    def _compile(self):
        """Split the rules into indexed single-token rules and a ``Matcher`` for the rest."""
        patterns = self.patterns  # rebuilt from the Matcher on every access
        names = sorted({key.upper() for pattern in patterns for alternative in pattern["patterns"]
                        for token in alternative for key in token if _indexable_key(key)})
        columns = [_STRING_ATTRS.get(n, _FLAG_ATTRS.get(n)) for n in names]
        position = {n: i for i, n in enumerate(names)}
        rules: dict[int, list[list[_Test]]] = {}
        index: dict[str, dict[int, list[int]]] = {}
        unindexed: list[int] = []
        matcher = Matcher(self.vocab, validate=self.validate)
        self._match_ids = [self.vocab.strings.add(str(rule)) for rule in range(len(self.attrs))]
        for rule, pattern in enumerate(patterns):
            alternatives = [_compile_token(a[0], position, self.vocab) if len(a) == 1 else None
                            for a in pattern["patterns"]]
            if any(a is None for a in alternatives):
                matcher.add(self._match_ids[rule], pattern["patterns"])
                continue
            rules[rule] = [tests for tests, _ in alternatives]
            keys = [key for _, key in alternatives]
            if any(key is None for key in keys):
                unindexed.append(rule)
                continue
            for (name, value) in keys:
                index.setdefault(name, {}).setdefault(value, []).append(rule)
        self._compiled = (columns, rules, [(position[n], by_value) for n, by_value in index.items()],
                          tuple(unindexed), matcher if len(matcher) else None, {})
        return self._compiled


def _indexable_key(key) -> bool:
    return isinstance(key, str) and (key.upper() in _STRING_ATTRS or key.upper() in _FLAG_ATTRS)


def _compile_token(spec: dict, position: dict[str, int], vocab):
    """(tests, index key) for one token pattern, or ``None`` if it uses anything but equality, ``IN`` and
    ``NOT_IN`` on the indexed attributes (such rules go through spaCy's ``Matcher`` unchanged)."""
    tests, key = [], None
    for raw_name, value in spec.items():
        name = raw_name.upper() if isinstance(raw_name, str) else None
        if name in _STRING_ATTRS:
            encode = vocab.strings.__getitem__
            if isinstance(value, str):
                accept, refuse = frozenset([encode(value)]), None
                if key is None or _INDEX_PRIORITY.index(name) < _INDEX_PRIORITY.index(key[0]):
                    key = (name, encode(value))
            elif isinstance(value, dict) and value and set(value) <= {"IN", "NOT_IN"} and all(
                    isinstance(v, str) for vs in value.values() for v in vs):
                accept = frozenset(map(encode, value["IN"])) if "IN" in value else None
                refuse = frozenset(map(encode, value["NOT_IN"])) if "NOT_IN" in value else None
            else:
                return None
        elif name in _FLAG_ATTRS and isinstance(value, bool):
            accept, refuse = frozenset([int(value)]), None
        else:
            return None
        tests.append(_Test(position[name], accept, refuse))
    if not tests:
        return None
    return tests, key


@Language.factory("corpus_indexed_attribute_ruler", default_config={"validate": False})
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool):
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)


class _MembershipList(list):
    """A list (it serialises as one) whose ``in`` test is a set lookup."""

    def __init__(self, items=()):
        super().__init__(items)
        self._members = frozenset(self)

    def __contains__(self, item) -> bool:
        return item in self._members


class CachedRuleLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer with every result remembered by (word, POS, morphology).

    ``rule_lemmatize`` is a function of those three values and the lookup tables alone (the base-form test
    reads POS and morphology), so remembering it is exact; spaCy's own cache keeps only the results of
    the full rule path, not the base forms, which are most tokens. A token without POS still goes through
    spaCy each time, so its warning is raised as before.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._lemma_of: dict[tuple[int, int, int], int] = {}

    def initialize(self, *args, **kwargs) -> None:
        """As spaCy's, then the word lists of ``lemma_index`` answer ``in`` from a set: ``rule_lemmatize`` tests
        each candidate form against a list of up to 57,528 words, which was most of its time."""
        super().initialize(*args, **kwargs)
        index = self.lookups.get_table("lemma_index", None)
        for pos in list(index or ()):
            index[pos] = _MembershipList(index[pos])

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule" or self.overwrite:
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
            lemmas = [row[3] for row in rows]
            memo, strings = self._lemma_of, self.vocab.strings
            if len(memo) >= _CACHE_LIMIT:
                memo.clear()
            for i, (orth, pos, morph, lemma) in enumerate(rows):
                if lemma != 0:  # set by the attribute ruler; spaCy's lemmatizer keeps it too
                    continue
                known = memo.get((orth, pos, morph))
                if known is None:
                    known = strings.add(self.lemmatize(doc[i])[0])
                    if pos != 0:
                        memo[(orth, pos, morph)] = known
                lemmas[i] = known
            if rows:
                doc.from_array([LEMMA], np.asarray(lemmas, dtype=np.uint64))
            return doc
        except Exception as e:
            error_handler(self.name, self, [doc], e)


@Language.factory("corpus_cached_lemmatizer", default_config={"mode": "rule", "overwrite": False})
def make_cached_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool):
    return CachedRuleLemmatizer(nlp.vocab, None, name, mode=mode, overwrite=overwrite)


def speed_up_pipeline(nlp: Language) -> None:
    """Replace ``nlp``'s attribute ruler and English rule lemmatizer by the equivalents above (in place, same
    names, same rules and lookup tables); a pipeline without them is left as it is."""
    if "attribute_ruler" in nlp.pipe_names:
        rules: Iterable[dict] = nlp.get_pipe("attribute_ruler").patterns
        nlp.replace_pipe("attribute_ruler", "corpus_indexed_attribute_ruler").add_patterns(rules)
    if "lemmatizer" in nlp.pipe_names:
        old = nlp.get_pipe("lemmatizer")
        if type(old) is EnglishLemmatizer and old.mode == "rule":
            new = nlp.replace_pipe("lemmatizer", "corpus_cached_lemmatizer",
                                   config={"mode": old.mode, "overwrite": old.overwrite})
            new.initialize(lookups=old.lookups)
