"""Aggregating sentence sentiment: honest means, outlet differences and sentiment towards actors.

Means come with percentile bootstrap intervals (Efron & Tibshirani 1993). Sentences of one article
are not independent, so where a group has two or more articles the bootstrap resamples whole
articles (a cluster bootstrap; Field & Welsh 2007); with one article it can only resample its
sentences, and the ``resampled`` column says so.

The rows come from :mod:`corpus.extract.sentiment` (through :func:`corpus.tables.load_tables`); this module reads
tables only, so editing it never invalidates the cached rows.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations

import numpy as np
import pandas as pd

from corpus.extract.sentiment import SCORES

__all__ = ["SCORE_COLUMNS", "lexicon_agreement", "bootstrap_mean", "aggregate", "outlet_differences", "describe_differences",
           "actor_sentiment"]

REPLICATE_BLOCK = 1 << 20
"""Draws whose values are summed at once (8 MB of indices and of values)."""
CACHED_DRAWS_MAX = 1 << 18
"""Largest set of draws (``n_boot`` times the group's size) kept for the next group of the same size."""
SCORE_COLUMNS = ["doc_id", "outlet", "sent_id", *SCORES, "n_event_words"]
"""The sentiment table's columns these analyses use: not the sentence's text, date or offsets, which on a large
corpus are most of the table's memory (notebook 03's ``sentiment.csv`` has them all, written from the store a
chunk at a time)."""


def lexicon_agreement(table: pd.DataFrame) -> dict:
    """How far TextBlob polarity and VADER agree: correlations and the share of sentences of the same sign."""
    both = table[["polarity", "vader"]].astype(float)
    signs = np.sign(both["polarity"].round(6)) == np.sign(both["vader"].round(6))
    nonzero = (both["polarity"].abs() > 1e-6) & (both["vader"].abs() > 1e-6)
    return {
        "n_sentences": int(len(both)),
        "pearson": float(both["polarity"].corr(both["vader"])) if len(both) > 2 else float("nan"),
        "spearman": float(both["polarity"].corr(both["vader"], method="spearman")) if len(both) > 2 else float("nan"),
        "same_sign": float(signs.mean()) if len(both) else float("nan"),
        "same_sign_when_both_nonzero": float(signs[nonzero].mean()) if nonzero.any() else float("nan"),
        "share_neutral_textblob": float((both["polarity"].abs() <= 1e-6).mean()) if len(both) else float("nan"),
        "share_neutral_vader": float((both["vader"].abs() <= 1e-6).mean()) if len(both) else float("nan"),
    }


def bootstrap_mean(values: np.ndarray, clusters: np.ndarray | None = None, *, n_boot: int = 2000,
                   seed: int = 0, level: float = 0.95) -> tuple[float, float, float, str]:
    """Mean of ``values`` with a percentile bootstrap interval: (mean, low, high, resampled).

    With ``clusters`` holding two or more distinct labels, whole clusters are resampled (each replicate
    draws as many clusters as there are, with replacement, and takes the mean of all their values);
    otherwise single values are resampled. ``resampled`` is ``"articles"`` or ``"sentences"``.
    """
    values = np.asarray(values, dtype=float)
    if len(values) == 0:
        return float("nan"), float("nan"), float("nan"), "none"
    clusters = np.asarray(clusters) if clusters is not None else np.zeros(len(values))
    replicates = _replicates(values, clusters, n_boot=n_boot, seed=seed)
    alpha = (1 - level) / 2
    low, high = np.quantile(replicates, [alpha, 1 - alpha])
    how = "articles" if len(np.unique(clusters)) >= 2 else "sentences"
    return float(values.mean()), float(low), float(high), how


def aggregate(table: pd.DataFrame, *, by: list[str], value: str, n_boot: int = 2000, seed: int = 0,
              level: float = 0.95) -> pd.DataFrame:
    """Per group: ``n_sentences, n_articles, mean, ci_low, ci_high, resampled`` of one score column."""
    values, docs = table[value].to_numpy(float), table["doc_id"].to_numpy()
    rows = []
    for keys, positions in _groups(table, by):
        mean, low, high, how = bootstrap_mean(values[positions], docs[positions], n_boot=n_boot, seed=seed,
                                              level=level)
        rows.append((*keys, value, len(positions), len(set(docs[positions])), mean, low, high, how))
    return pd.DataFrame(rows, columns=[*by, "score", "n_sentences", "n_articles", "mean", "ci_low", "ci_high",
                                       "resampled"])


def _groups(table: pd.DataFrame, by: list[str]) -> list[tuple[tuple, np.ndarray]]:
    """(keys, row positions) of each group of ``table`` by ``by``, in sorted key order, without building a
    DataFrame per group (3,000 articles' groups took longer to build than to bootstrap)."""
    indices = table.groupby(by, sort=True).indices
    return [(keys if isinstance(keys, tuple) else (keys,), indices[keys]) for keys in sorted(indices)]


def outlet_differences(table: pd.DataFrame, *, value: str, outlets: list[str], n_boot: int = 2000, seed: int = 0,
                       level: float = 0.95) -> pd.DataFrame:
    """Every pair of outlets: the difference of their means with a bootstrap interval.

    Each outlet is resampled on its own (articles when it has two or more, else sentences), and the
    interval is the percentile interval of the replicate differences. ``supported`` is whether the
    interval excludes zero.
    """
    replicates, means = {}, {}
    for i, outlet in enumerate(outlets):
        group = table[table["outlet"] == outlet]
        means[outlet] = group[value].mean()
        replicates[outlet] = _replicates(group[value].to_numpy(float), group["doc_id"].to_numpy(),
                                         n_boot=n_boot, seed=seed + i)
    alpha = (1 - level) / 2
    rows = []
    for a, b in combinations(outlets, 2):
        diff = replicates[a] - replicates[b]
        low, high = np.quantile(diff, [alpha, 1 - alpha])
        rows.append((a, b, value, float(means[a] - means[b]), float(low), float(high), bool(low > 0 or high < 0)))
    return pd.DataFrame(rows, columns=["outlet_a", "outlet_b", "score", "difference", "ci_low", "ci_high", "supported"])


def _replicates(values: np.ndarray, clusters: np.ndarray, *, n_boot: int, seed: int) -> np.ndarray:
    """Bootstrap replicates of the mean: whole clusters resampled when there are two or more, else values.

    Replicates are summed a block at a time: at once, an outlet of thousands of articles would need two more
    arrays of ``n_boot`` by its articles (hundreds of megabytes) besides the draws."""
    labels, index = np.unique(clusters, return_inverse=True)
    clustered = len(labels) >= 2
    if clustered:
        sums = np.bincount(index, weights=values, minlength=len(labels))
        sizes = np.bincount(index, minlength=len(labels)).astype(float)
    draws = _draws(seed, n_boot, len(labels) if clustered else len(values))
    replicates = np.empty(n_boot)
    step = max(1, REPLICATE_BLOCK // max(1, draws.shape[1]))
    for start in range(0, n_boot, step):
        block = draws[start:start + step]
        replicates[start:start + step] = (sums[block].sum(axis=1) / sizes[block].sum(axis=1) if clustered
                                          else values[block].mean(axis=1))
    return replicates


def _draws(seed: int, n_boot: int, size: int) -> np.ndarray:
    """The indices a replicate draws, ``n_boot`` by ``size``: the same for every group of one size, since each
    group's generator starts from the same seed, so small ones are drawn once per size and kept (read-only);
    large ones, which would hold tens of megabytes each for the kernel's life, are drawn again when asked."""
    if n_boot * size > CACHED_DRAWS_MAX:
        return _new_draws(seed, n_boot, size)
    return _cached_draws(seed, n_boot, size)


def _new_draws(seed: int, n_boot: int, size: int) -> np.ndarray:
    draws = np.random.default_rng(seed).integers(0, size, size=(n_boot, size))
    draws.flags.writeable = False
    return draws


_cached_draws = lru_cache(maxsize=64)(_new_draws)


def describe_differences(differences: pd.DataFrame, *, level: float = 0.95) -> str:
    """Plain-words summary of which outlet differences the data can and cannot support."""
    if differences.empty:
        return "There are fewer than two outlets, so no outlets can be compared."
    held = differences[differences["supported"]]
    total = len(differences)
    score = differences["score"].iloc[0]
    label = {"vader": "VADER score", "polarity": "TextBlob polarity", "subjectivity": "TextBlob subjectivity"}.get(
        score, score.replace("_", " "))
    chance = (f" With {total} comparisons, about {(1 - level) * total:.1f} would pass by chance alone even if no "
              "outlet differed, so a single pass among many is weak evidence.") if total >= 10 else ""
    text = (f"Of {total} pairs of outlets, {len(held)} differ in mean {label} by more than the "
            f"{level:.0%} bootstrap interval allows to be chance")
    if held.empty:
        return text + ": the data cannot tell any two outlets apart, so none should be ranked above another." + chance
    listed = "; ".join(f"{r.outlet_a} {'above' if r.difference > 0 else 'below'} {r.outlet_b} "
                       f"({r.difference:+.3f}, interval {r.ci_low:+.3f} to {r.ci_high:+.3f})" for r in held.itertuples())
    rest = total - len(held)
    return (text + f": {listed}. The other {rest} pair{'s' if rest != 1 else ''} cannot be told apart." + chance
            + " Where an outlet has a single article, its interval only covers sentence-to-sentence variation within "
            "that article: a difference says the two articles differ, not that the outlets do.")


def actor_sentiment(sentiment: pd.DataFrame, actor_rows: pd.DataFrame, *, n_boot: int = 2000,
                    seed: int = 0) -> pd.DataFrame:
    """Per outlet and actor: sentences that mention the actor, their mean scores with and without event
    words, and a bootstrap interval for VADER's mean."""
    joined = actor_rows[["doc_id", "sent_id", "actor"]].merge(
        sentiment[["doc_id", "sent_id", "outlet", *SCORES, "n_event_words"]], on=["doc_id", "sent_id"], how="inner")
    rows = []
    docs, events = joined["doc_id"].to_numpy(), joined["n_event_words"].to_numpy()
    vader, vader_ne = joined["vader"].to_numpy(float), joined["vader_no_events"].to_numpy(float)
    scores = {s: joined[s].to_numpy(float) for s in SCORES}
    for (outlet, actor), positions in _groups(joined, ["outlet", "actor"]):
        _, low, high, how = bootstrap_mean(vader[positions], docs[positions], n_boot=n_boot, seed=seed)
        _, low_ne, high_ne, _ = bootstrap_mean(vader_ne[positions], docs[positions], n_boot=n_boot, seed=seed)
        rows.append((outlet, actor, len(positions), len(set(docs[positions])),
                     *(float(scores[s][positions].mean()) for s in SCORES), low, high, low_ne, high_ne,
                     float((events[positions] > 0).mean()), how))
    return pd.DataFrame(rows, columns=[
        "outlet", "actor", "n_sentences", "n_articles", *SCORES, "vader_ci_low", "vader_ci_high",
        "vader_no_events_ci_low", "vader_no_events_ci_high", "share_with_event_words", "resampled"])
