"""Flag an outlet's repeats of its own articles (``duplicate_of``) and other outlets' texts it ran (``copy_of``,
``copy_outlet``: wire stories, syndicated columns) with MinHash locality-sensitive hashing over word shingles.

Method
------
Each text is lower-cased and cut into ``\\w+`` tokens (the tokens of ``re.findall(r"\\w+", text.lower())``); its
*shingles* are the runs of ``shingle_words`` consecutive tokens, kept as a set of 32-bit hashes. Two texts are
the same text, possibly edited, updated or trimmed, when the Jaccard similarity (*resemblance*) of their shingle
sets is at least ``threshold`` (Broder 1997, "On the resemblance and containment of documents", Compression and
Complexity of Sequences). Resemblance is estimated with MinHash signatures (Broder 1997) computed with
``datasketch``'s own permutation scheme (``affine32``: the input hash premixed by the MurmurHash3 finalizer,
then ``a * h + b mod 2**32``; the signatures equal those of ``datasketch.MinHash(num_perm, seed=1)`` updated with
the same hashes), and candidate pairs come from ``datasketch.MinHashLSH`` banding: ``b`` bands of ``r`` rows make
two texts of resemblance ``s`` a candidate with probability ``1 - (1 - s**r)**b`` (Leskovec, Rajaraman & Ullman,
*Mining of Massive Datasets*, ch. 3, "Finding Similar Items", 3.4). ``r`` is the largest band size that still
makes a pair at the threshold a candidate with probability >= 0.995. Banding lets pairs far below the threshold
through, so every candidate pair is confirmed: first by the signatures' estimated resemblance (within four
standard errors of the threshold), then exactly, on the two shingle-hash sets. Only pairs whose exact
resemblance is >= ``threshold`` count. Confirmed pairs are grouped into clusters with union-find (so a chain of
updates A ~ B ~ C is one cluster even when A and C alone would fall below the threshold).

Outlet boilerplate. A shingle found in more than ``max_outlet_repeats`` (5) articles of one outlet is that
outlet's page furniture, not article text (CNN's embedded photo galleries of a thousand words and more, newsletter
sign-ups, copyright footers, link lists), and is left out of that outlet's shingle sets. Without this, two
unrelated CNN stories that embed the same gallery reach a resemblance of 0.5 (see
``benchmarks/duplicates_labelled.md``). The count is per outlet, so a wire story run by many outlets keeps all its
shingles. An article whose outlet ran more than ``max_outlet_repeats`` versions of it loses the text they share
and is not matched; and in a small corpus, where no outlet has that many articles, nothing is removed.

Short texts. An article takes part only when its text has at least ``min_words`` (50) ``\\w+`` tokens and at least
``min_words - shingle_words + 1`` distinct shingles are left after boilerplate removal (as many as a text of
``min_words`` words has); shorter texts are never matched, as a handful of shingles makes chance resemblance
high. Their rows are empty.

Threshold. The default ``threshold=0.40`` (with ``shingle_words=3`` and ``max_outlet_repeats=5``) was measured on
173 pairs of AllSides articles drawn across resemblance bands 0.05-1.0 (plus trimmed and contained texts) and
labelled by reading the texts (``benchmarks/duplicates_labelled.csv`` and ``.md``): it has the best F1 of the
thresholds 0.20-0.90 tried, with precision 0.97 and recall 0.83 for "same text" (duplicate or copy) on that
sample (0.45: 1.00 and 0.77; 0.35: 0.88 and 0.86). On all 37,554 articles the default run makes 72 links, of
which 65 are the same text (precision 0.90). The sample over-represents high resemblance: re-weighted to the
corpus, recall is nearer 0.4, because many wire stories with an outlet's own top, and blog posts quoting an
article, share half their text at a resemblance of 0.2-0.4, where unrelated articles sharing quotations or
galleries also lie. ``benchmarks/duplicates.py`` reproduces all of this.

Choices. Three-word shingles separated the labelled pairs slightly better than four or five (best F1 0.89 against
0.88 and 0.86 with boilerplate removal). ``num_perm=64`` gives bands of two rows (32 bands): a pair at 0.40 is a
candidate with probability 0.996, and as the exact check decides, longer signatures would only cost time. On
all 37,554 AllSides articles (36 million words) a run takes about 20 s on a 2-core machine, shingling included,
and about 0.9 GB beyond the articles themselves; it found every pair at or above 0.40 that an exhaustive
inverted-index search found.

Clusters
--------
Within a cluster the *original* is the earliest-dated article (undated articles after dated ones; ties broken by
``doc_id``). For every other member:

- ``duplicate_of``: when an earlier member of the cluster has the same outlet, the ``doc_id`` of that outlet's
  first member (a web and a print edition, an updated version);
- ``copy_of``, ``copy_outlet``: when the member's outlet is not the original's, the original's ``doc_id`` and
  outlet (a wire story, a syndicated column).

Both can be set: an outlet's second version of a wire story is a duplicate of its own first version and a copy
of the wire original. So dropping rows with ``duplicate_of`` keeps one text per outlet, and dropping rows with
either keeps one text per cluster. ``similarity`` is the resemblance of the article to the article it points to
(``duplicate_of`` when set, else ``copy_of``), computed exactly on the two shingle sets (after boilerplate
removal); in a chained cluster it can be below ``threshold``.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import logging
import math
import re
import time
from typing import NamedTuple

import numpy as np
import pandas as pd
from datasketch import LeanMinHash, MinHash, MinHashLSH

__all__ = ["DUPLICATE_COLUMNS", "find_duplicates", "pair_similarity"]

log = logging.getLogger(__name__)

DUPLICATE_COLUMNS = ("duplicate_of", "copy_of", "copy_outlet", "similarity")
REQUIRED_COLUMNS = ("doc_id", "outlet", "date", "text")

_SEED = 1  # datasketch's default MinHash seed: the permutations are MinHash(num_perm, seed=1).permutations
_SCHEME = "affine32"
_MAX_SHINGLE_WORDS = 16
_CHUNK_CHARS = 2_000_000  # characters shingled at once (about 100 MB of working arrays)
_SIGNATURE_BLOCK = 1 << 19  # hash values per block of the signature computation (2 MB: stays in cache)
_LSH_RECALL_AT_THRESHOLD = 0.995
_MASK32 = np.uint64(0xFFFFFFFF)


def _constant(tag: str, i: int) -> int:
    """A fixed odd 64-bit constant, the same on every machine and numpy version."""
    return int.from_bytes(hashlib.blake2b(f"corpus.duplicates/{tag}/{i}".encode(), digest_size=8).digest(),
                          "little") | 1


_BASE = np.uint64(_constant("base", 0))
_WORD_WEIGHTS = np.array([_constant("word", i) for i in range(_MAX_SHINGLE_WORDS)], dtype=np.uint64)
_LENGTH_WEIGHT = np.uint64(_constant("length", 0))
_powers_cache: list[np.ndarray] = []


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """``_BASE ** i`` and ``_BASE ** -i`` modulo 2**64 for ``i < n`` (``_BASE`` is odd, so it has an inverse)."""
    if not _powers_cache or len(_powers_cache[0]) < n:
        size = max(n, _CHUNK_CHARS + (1 << 18))  # a chunk is _CHUNK_CHARS plus at most one text
        inverse = np.uint64(pow(int(_BASE), -1, 1 << 64))
        tables = []
        for base in (_BASE, inverse):
            table = np.full(size, base, dtype=np.uint64)
            table[0] = 1
            tables.append(np.cumprod(table))  # wraps around modulo 2**64, as intended
        _powers_cache[:] = tables
    return _powers_cache[0][:n], _powers_cache[1][:n]


@functools.cache
def _word_chars() -> np.ndarray:
    """For every code point, whether ``re``'s ``\\w`` matches it (found by ``re`` itself, once per process)."""
    every = "".join(map(chr, range(0x110000)))
    table = np.zeros(0x110000, dtype=bool)
    table[[m.start() for m in re.finditer(r"\w", every)]] = True
    return table


def _fmix64(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finalizer (an avalanching bijection), in place on a uint64 array."""
    h ^= h >> np.uint64(33)
    h *= np.uint64(0xFF51AFD7ED558CCD)
    h ^= h >> np.uint64(33)
    h *= np.uint64(0xC4CEB9FE1A85EC53)
    h ^= h >> np.uint64(33)
    return h


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, as datasketch applies it to input hashes before permuting (``affine32``)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def _token_hashes(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The 64-bit hash of every ``\\w+`` token of the lower-cased texts, in order, and each token's text number.

    Vectorised over code points: a token of code points ``c_0 .. c_m-1`` hashes to ``fmix64(sum(c_i * B**i) +
    m * L)`` modulo 2**64 (a polynomial hash, computed from prefix sums of ``c_j * B**j`` over the joined texts),
    so equal tokens hash equal in every text and every run.
    """
    lowered = [t.lower() for t in texts]
    text_ends = np.cumsum(np.fromiter((len(t) + 1 for t in lowered), dtype=np.int64, count=len(lowered)))
    codes = np.frombuffer(("\n".join(lowered) + "\n").encode("utf-32-le"), dtype=np.uint32)
    in_word = _word_chars()[codes]
    flips = np.flatnonzero(np.diff(in_word.view(np.int8), prepend=np.int8(0)))
    starts, ends = flips[0::2], flips[1::2]  # the joined text ends in "\n", so every token ends
    powers, inverse_powers = _powers(len(codes))
    prefix = np.empty(len(codes) + 1, dtype=np.uint64)
    prefix[0] = 0
    np.cumsum(codes.astype(np.uint64) * powers, out=prefix[1:])
    hashes = (prefix[ends] - prefix[starts]) * inverse_powers[starts]
    hashes += (ends - starts).astype(np.uint64) * _LENGTH_WEIGHT
    return _fmix64(hashes), np.searchsorted(text_ends, starts, side="right")


def _shingle_chunk(texts: list[str], shingle_words: int) -> tuple[np.ndarray, np.ndarray]:
    """Sorted, distinct ``(text number << 32) | shingle hash`` keys of the texts, and their word counts."""
    tokens, text_of = _token_hashes(texts)
    words = np.bincount(text_of, minlength=len(texts))
    n = len(tokens) - shingle_words + 1
    if n <= 0:
        return np.zeros(0, np.uint64), words
    combined = tokens[:n] * _WORD_WEIGHTS[0]
    for i in range(1, shingle_words):
        combined += tokens[i:i + n] * _WORD_WEIGHTS[i]
    combined = _fmix64(combined) >> np.uint64(32)
    whole = text_of[:n] == text_of[shingle_words - 1:]  # the shingle's first and last token in one text
    keys = (text_of[:n][whole].astype(np.uint64) << np.uint64(32)) | combined[whole]
    keys.sort()
    return keys[np.r_[True, keys[1:] != keys[:-1]]], words


class _Shingles(NamedTuple):
    """Shingle-hash sets of the articles in ``order`` (CSR: ``hashes[offsets[i]:offsets[i + 1]]``, sorted)."""

    order: np.ndarray  # row numbers of the input, grouped by outlet
    hashes: np.ndarray  # uint32
    offsets: np.ndarray  # int64, len(order) + 1
    words: np.ndarray  # word counts, in ``order``
    eligible: np.ndarray  # bool, in ``order``
    dropped: int  # boilerplate shingles removed


def _shingle(articles: pd.DataFrame, shingle_words: int, min_words: int, max_outlet_repeats: int) -> _Shingles:
    outlets = articles["outlet"].fillna("").astype(str).to_numpy()
    codes, _ = pd.factorize(outlets)
    order = np.argsort(codes, kind="stable")
    texts = articles["text"].fillna("").astype(str).to_numpy()[order].tolist()
    # each chunk's keys are split into 32-bit hashes and offsets at once: the 64-bit keys of a whole corpus
    # (36 M shingles in 37,554 AllSides articles) would double the memory the hashes need, twice over
    parts, counts_per_text, words, first = [], [], [], 0
    while first < len(texts):
        last, size = first, 0
        while last < len(texts) and (size < _CHUNK_CHARS or last == first):
            size += len(texts[last])
            last += 1
        keys, counts = _shingle_chunk(texts[first:last], shingle_words)
        bounds = np.searchsorted(keys, np.arange(last - first + 1, dtype=np.uint64) << np.uint64(32))
        counts_per_text.append(np.diff(bounds))
        parts.append((keys & _MASK32).astype(np.uint32))
        words.append(counts)
        first = last
    hashes = np.concatenate(parts) if parts else np.zeros(0, np.uint32)
    del parts
    offsets = np.r_[0, np.cumsum(np.concatenate(counts_per_text))] if counts_per_text else np.zeros(1, np.int64)
    keep = np.ones(len(hashes), dtype=bool)
    sorted_codes = codes[order]
    bounds = np.flatnonzero(np.r_[True, sorted_codes[1:] != sorted_codes[:-1], True]) if len(order) else [0]
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        if hi - lo <= max_outlet_repeats:
            continue
        outlet_hashes = hashes[offsets[lo]:offsets[hi]]
        ranked = np.sort(outlet_hashes)
        runs = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1], True])
        common = ranked[runs[:-1]][np.diff(runs) > max_outlet_repeats]
        if len(common):
            at = np.minimum(np.searchsorted(common, outlet_hashes), len(common) - 1)
            keep[offsets[lo]:offsets[hi]] = common[at] != outlet_hashes
    dropped = int(len(keep) - keep.sum())
    if dropped:
        # each offset moves back by the dropped shingles before it (a running count over all shingles would
        # take 8 bytes a shingle, 0.3 GB on 37,554 articles)
        dropped_at = np.flatnonzero(~keep)
        hashes, offsets = hashes[keep], offsets - np.searchsorted(dropped_at, offsets)
    words = np.concatenate(words) if words else np.zeros(0, np.int64)
    eligible = (words >= min_words) & (np.diff(offsets) >= max(1, min_words - shingle_words + 1))
    return _Shingles(order, hashes, offsets, words, eligible, dropped)


def _signatures(shingles: _Shingles, docs: np.ndarray, num_perm: int) -> np.ndarray:
    """MinHash signatures (``len(docs) x num_perm``, uint32) of the given non-empty shingle sets, exactly as
    ``datasketch.MinHash(num_perm, seed=1)`` (scheme ``affine32``) computes them from the same 32-bit hashes."""
    a, b = MinHash(num_perm=num_perm, seed=_SEED, scheme=_SCHEME).permutations
    a, b = a[:, None], b[:, None]
    starts, ends = shingles.offsets[docs], shingles.offsets[docs + 1]
    out = np.empty((len(docs), num_perm), dtype=np.uint32)
    block_size = max(1024, _SIGNATURE_BLOCK // num_perm)
    i = 0
    while i < len(docs):
        j = min(len(docs), max(i + 1, int(np.searchsorted(starts, starts[i] + block_size, side="left"))))
        lo, hi = starts[i], ends[j - 1]
        block = _fmix32(shingles.hashes[lo:hi])[None, :] * a + b
        # Segments [start, end) of the docs, with the gaps between them (shingles of articles left out)
        # as segments of their own, dropped after the reduction.
        cuts = np.empty(2 * (j - i) - 1, dtype=np.int64)
        cuts[0::2], cuts[1::2] = starts[i:j] - lo, ends[i:j - 1] - lo
        out[i:j] = np.minimum.reduceat(block, cuts, axis=1)[:, 0::2].T
        i = j
    return out


def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """``(bands, rows)``: the largest ``rows`` for which a pair at ``threshold`` is a candidate with probability
    at least 0.995 (MMDS 3.4.2: ``1 - (1 - s**r)**b``), with ``b = num_perm // r >= 2`` bands; one-row bands
    when even those fall short."""
    best = (num_perm, 1)
    for rows in range(1, num_perm // 2 + 1):
        bands = num_perm // rows
        if bands < 2:
            break
        if 1.0 - (1.0 - threshold ** rows) ** bands >= _LSH_RECALL_AT_THRESHOLD:
            best = (bands, rows)
    return best


def _resemblance(shingles: _Shingles, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Exact Jaccard similarity of the shingle-hash sets of each pair (positions in ``order``)."""
    out = np.zeros(len(left), dtype=float)
    hashes, offsets = shingles.hashes, shingles.offsets
    for n, (i, j) in enumerate(zip(left.tolist(), right.tolist())):
        x, y = hashes[offsets[i]:offsets[i + 1]], hashes[offsets[j]:offsets[j + 1]]
        if len(x) > len(y):
            x, y = y, x
        if not len(x):
            continue
        at = np.minimum(np.searchsorted(y, x), len(y) - 1)
        shared = int(np.count_nonzero(y[at] == x))
        out[n] = shared / (len(x) + len(y) - shared)
    return out


def _candidate_pairs(signatures: np.ndarray, docs: np.ndarray, threshold: float, num_perm: int) -> np.ndarray:
    """Pairs ``(i, j)``, ``i < j`` (positions in ``order``) that share a bucket of a ``MinHashLSH`` index."""
    lsh = MinHashLSH(num_perm=num_perm, params=_lsh_params(threshold, num_perm))
    with lsh.insertion_session() as session:
        for doc, row in zip(docs.tolist(), signatures):
            session.insert(doc, LeanMinHash(seed=_SEED, hashvalues=row, scheme=_SCHEME), check_duplication=False)
    pairs: set[tuple[int, int]] = set()
    for table in lsh.hashtables:  # every bucket once, instead of one query per article
        for key in table.keys():
            bucket = table.get(key)
            if len(bucket) > 1:
                pairs.update(itertools.combinations(sorted(bucket), 2))
    return np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)


def _validate(articles: pd.DataFrame, shingle_words: int, min_words: int, max_outlet_repeats: int) -> None:
    missing = [c for c in REQUIRED_COLUMNS if c not in articles.columns]
    if missing:
        raise ValueError(f"articles lacks column(s) {', '.join(missing)} (needs {', '.join(REQUIRED_COLUMNS)})")
    if not 1 <= shingle_words <= _MAX_SHINGLE_WORDS:
        raise ValueError(f"shingle_words={shingle_words!r}: must be 1 to {_MAX_SHINGLE_WORDS}")
    if min_words < shingle_words:
        raise ValueError(f"min_words={min_words!r}: must be at least shingle_words ({shingle_words})")
    if max_outlet_repeats < 1:
        raise ValueError(f"max_outlet_repeats={max_outlet_repeats!r}: must be at least 1")
    if articles["doc_id"].duplicated().any():
        raise ValueError("doc_id must be unique: " + ", ".join(
            map(str, articles.loc[articles["doc_id"].duplicated(), "doc_id"].unique()[:5])))


def find_duplicates(
    articles: pd.DataFrame,
    *,
    threshold: float = 0.40,
    num_perm: int = 64,
    shingle_words: int = 3,
    min_words: int = 50,
    max_outlet_repeats: int = 5,
) -> pd.DataFrame:
    """One row per article of ``articles`` (same order and index): ``doc_id, duplicate_of, copy_of,
    copy_outlet, similarity``.

    ``articles`` needs ``doc_id`` (unique), ``outlet``, ``date`` (datetime or parseable; NaT for undated) and
    ``text``. ``duplicate_of``, ``copy_of`` and ``copy_outlet`` are ``""`` and ``similarity`` NaN where an article
    is no repeat or copy. See the module docstring for the method, the cluster rules and how ``threshold``
    (resemblance of ``shingle_words``-word shingle sets) was measured. ``num_perm`` is the MinHash signature
    length; ``min_words`` and ``max_outlet_repeats`` set the short-text and outlet-boilerplate rules.
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold={threshold!r}: must be in (0, 1]")
    if num_perm < 4:
        raise ValueError(f"num_perm={num_perm!r}: must be at least 4")
    _validate(articles, shingle_words, min_words, max_outlet_repeats)
    started = time.perf_counter()
    n = len(articles)
    doc_ids = articles["doc_id"].astype(str).to_numpy()
    out = pd.DataFrame({"doc_id": doc_ids, "duplicate_of": "", "copy_of": "", "copy_outlet": "",
                        "similarity": np.nan}, index=articles.index)
    if n == 0:
        return out
    shingles = _shingle(articles, shingle_words, min_words, max_outlet_repeats)
    shingled = time.perf_counter()
    docs = np.flatnonzero(shingles.eligible)
    signatures = _signatures(shingles, docs, num_perm)
    signed = time.perf_counter()
    pairs = _candidate_pairs(signatures, docs, threshold, num_perm) if len(docs) > 1 else np.zeros((0, 2), np.int64)
    looked_up = time.perf_counter()

    # Confirm: the signatures' estimate first (cheap, vectorised), then exactly on the shingle sets.
    row_of = np.full(len(shingles.order), -1)
    row_of[docs] = np.arange(len(docs))
    margin = 4.0 * math.sqrt(threshold * (1.0 - threshold) / num_perm)
    estimated = np.concatenate([
        (signatures[row_of[chunk[:, 0]]] == signatures[row_of[chunk[:, 1]]]).mean(axis=1)
        for chunk in np.array_split(pairs, max(1, len(pairs) // 100_000))
    ]) if len(pairs) else np.zeros(0)
    likely = pairs[estimated >= threshold - margin]
    exact = _resemblance(shingles, likely[:, 0], likely[:, 1])
    edges = likely[exact >= threshold]

    parent = list(range(len(shingles.order)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in edges.tolist():
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    members: dict[int, list[int]] = {}
    for i in np.unique(edges).tolist():
        members.setdefault(root(i), []).append(i)

    order = shingles.order
    dates = pd.to_datetime(articles["date"], errors="coerce", utc=True).dt.tz_convert(None)
    when = dates.to_numpy(dtype="datetime64[ns]")[order].view(np.int64)
    undated = dates.isna().to_numpy()[order]
    outlets = articles["outlet"].fillna("").astype(str).to_numpy()[order]
    ids = doc_ids[order]
    rank = np.empty(len(ids), dtype=np.int64)
    rank[np.lexsort((ids, np.where(undated, 0, when), undated))] = np.arange(len(ids))
    duplicate_of, copy_of, target = {}, {}, {}
    for group in members.values():
        group.sort(key=rank.__getitem__)
        original = group[0]
        first_of_outlet = {outlets[original]: original}
        for i in group[1:]:
            if outlets[i] in first_of_outlet:
                duplicate_of[i] = target[i] = first_of_outlet[outlets[i]]
            else:
                first_of_outlet[outlets[i]] = i
            if outlets[i] != outlets[original]:
                copy_of[i] = original
                target.setdefault(i, original)
    flagged = np.array(sorted(target), dtype=np.int64)
    similarity = _resemblance(shingles, flagged, np.array([target[i] for i in flagged.tolist()], dtype=np.int64))

    for name, links in (("duplicate_of", duplicate_of), ("copy_of", copy_of), ("copy_outlet", copy_of)):
        values = np.full(n, "", dtype=object)
        if links:
            at = np.fromiter(links, dtype=np.int64, count=len(links))
            linked = np.fromiter(links.values(), dtype=np.int64, count=len(links))
            values[order[at]] = (outlets if name == "copy_outlet" else ids)[linked]
        out[name] = values
    scores = np.full(n, np.nan)
    scores[order[flagged]] = similarity
    out["similarity"] = scores
    log.info("duplicates: %d articles, %d long enough, %d boilerplate shingles left out; %d LSH candidate pairs, "
             "%d confirmed (resemblance >= %.2f) in %d clusters; %d duplicates, %d copies "
             "(shingles %.1fs, signatures %.1fs, LSH %.1fs, rest %.1fs)",
             n, len(docs), shingles.dropped, len(pairs), len(edges), threshold, len(members), len(duplicate_of),
             len(copy_of), shingled - started, signed - shingled, looked_up - signed, time.perf_counter() - looked_up)
    return out


def pair_similarity(
    articles: pd.DataFrame,
    pairs: pd.DataFrame,
    *,
    shingle_words: int = 3,
    min_words: int = 50,
    max_outlet_repeats: int = 5,
) -> pd.Series:
    """The resemblance :func:`find_duplicates` compares with its threshold, for given pairs of articles.

    ``pairs`` has columns ``id_a, id_b`` (``doc_id`` values of ``articles``); the result, aligned with ``pairs``,
    is the exact Jaccard similarity of the two shingle sets after outlet-boilerplate removal over all of
    ``articles`` (NaN where an article is missing or too short to take part).
    """
    _validate(articles, shingle_words, min_words, max_outlet_repeats)
    shingles = _shingle(articles, shingle_words, min_words, max_outlet_repeats)
    position = pd.Series(np.arange(len(shingles.order)),
                         index=articles["doc_id"].astype(str).to_numpy()[shingles.order])
    a = pairs["id_a"].astype(str).map(position)
    b = pairs["id_b"].astype(str).map(position)
    known = a.notna() & b.notna()
    left, right = a[known].to_numpy(dtype=np.int64), b[known].to_numpy(dtype=np.int64)
    usable = shingles.eligible[left] & shingles.eligible[right]
    values = np.full(len(pairs), np.nan)
    where = np.flatnonzero(known.to_numpy())[usable]
    values[where] = _resemblance(shingles, left[usable], right[usable])
    return pd.Series(values, index=pairs.index, name="similarity")
