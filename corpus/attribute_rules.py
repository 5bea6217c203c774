"""spaCy's attribute ruler with an indexed matcher: the same rules and the same annotations, faster.

The small English model's ``attribute_ruler`` maps fine-grained tags (and a few words) to coarse
POS, morphology and lemmas with 179 Matcher rules. spaCy's ``Matcher`` tries every rule at every
token, which costs about 11% of the whole pipeline's time on news text (``benchmarks/RESULTS.md``). Almost all
of the rules are single-token equality tests on a few attributes (``TAG``, ``LOWER``, ``DEP``,
``IS_SPACE``), so :class:`IndexedAttributeRuler` looks those rules up by their tested values
instead, and sends only the other rules (several tokens, operators, attributes it does not index) through a
``Matcher`` of their own. Matches are applied exactly as :class:`spacy.pipeline.AttributeRuler`
applies them, in rule order, so later rules still win; ``tests/test_attribute_rules.py`` checks that
every token attribute equals spaCy's own component.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.attrs import DEP, IS_ALPHA, IS_DIGIT, IS_PUNCT, IS_SPACE, LEMMA, LOWER, NORM, ORTH, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs  # what AttributeRuler.set_annotations itself uses

__all__ = ["IndexedAttributeRuler", "index_attribute_ruler"]

# Token attributes a rule may test and still be indexed: string attributes compare string hashes,
# flags compare 0/1, both as ``Doc.to_array`` returns them (the same values spaCy's Matcher compares).
_STRING_ATTRS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "NORM": NORM, "TAG": TAG, "DEP": DEP, "LEMMA": LEMMA}
_FLAG_ATTRS = {"IS_SPACE": IS_SPACE, "IS_ALPHA": IS_ALPHA, "IS_PUNCT": IS_PUNCT, "IS_DIGIT": IS_DIGIT}
_INDEX_PRIORITY = ("TAG", "LOWER", "ORTH", "TEXT", "NORM", "LEMMA", "DEP")
_CACHE_LIMIT = 200_000  # distinct attribute rows remembered before the memo is cleared


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
        names = sorted({key for pattern in self.patterns for alternative in pattern["patterns"]
                        for token in alternative for key in token if _indexable_key(key)})
        columns = [_STRING_ATTRS.get(n, _FLAG_ATTRS.get(n)) for n in names]
        position = {n: i for i, n in enumerate(names)}
        rules: dict[int, list[list[_Test]]] = {}
        index: dict[str, dict[int, list[int]]] = {}
        unindexed: list[int] = []
        matcher = Matcher(self.vocab, validate=self.validate)
        self._match_ids = [self.vocab.strings.add(str(rule)) for rule in range(len(self.attrs))]
        for rule, pattern in enumerate(self.patterns):
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
    return isinstance(key, str) and key.upper() in {**_STRING_ATTRS, **_FLAG_ATTRS}


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


def index_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> None:
    """Replace ``nlp``'s attribute ruler by an :class:`IndexedAttributeRuler` with the same rules (in place)."""
    if name not in nlp.pipe_names:
        return
    rules: Iterable[dict] = nlp.get_pipe(name).patterns
    ruler = nlp.replace_pipe(name, "corpus_indexed_attribute_ruler")
    ruler.add_patterns(rules)
