"""Sentiment scoring, bootstrap aggregation, Fightin' Words log-odds and event naming."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from corpus.nlp.annotate import annotate
from corpus.analysis.framing import distinctive_terms, log_odds_dirichlet
from corpus.nlp.pipeline import get_pipeline
from corpus.extract.sentiment import sentence_sentiment
from reference import actor_sentences, event_naming, mentions_table, sentiment_table, term_counts
from corpus.analysis.sentiment import (
    actor_sentiment, aggregate, bootstrap_mean, describe_differences, outlet_differences,
)

CHROME = {"share", "twitter", "print", "comments", "comment", "icon", "donation"}


@pytest.fixture(scope="module")
def seed_run(seed_corpus, tmp_path_factory):
    return annotate(seed_corpus, cache_dir=tmp_path_factory.mktemp("cache"))


# --- log-odds: a hand-computed example ------------------------------------------------------------

def test_log_odds_matches_hand_computation():
    # a: x 3, y 1 (n=4); b: x 1, y 3 (n=4); prior alpha x=1, y=1 (alpha_0=2)
    # delta_x = log(4 / (4+2-3-1)) - log(2 / (4+2-1-1)) = log 2 - log 0.5 = 2 log 2
    # var_x = 1/4 + 1/2 = 0.75 ; z_x = 2 log 2 / sqrt(0.75)
    result = log_odds_dirichlet(pd.Series({"x": 3, "y": 1}), pd.Series({"x": 1, "y": 3}), pd.Series({"x": 1, "y": 1}))
    assert result.delta["x"] == pytest.approx(2 * math.log(2))
    assert result.variance["x"] == pytest.approx(0.75)
    assert result.zscore["x"] == pytest.approx(2 * math.log(2) / math.sqrt(0.75))
    assert result.zscore["y"] == pytest.approx(-result.zscore["x"])


def test_log_odds_uneven_example():
    # a: x 5, y 0 (n=5); b: x 1, y 4 (n=5); alpha x=0.5, y=0.5 (alpha_0=1)
    # delta_y = log(0.5 / (5+1-0-0.5)) - log(4.5 / (5+1-4-0.5)) = log(0.5/5.5) - log(4.5/1.5)
    result = log_odds_dirichlet(pd.Series({"x": 5}), pd.Series({"x": 1, "y": 4}), pd.Series({"x": 0.5, "y": 0.5}))
    expected = math.log(0.5 / 5.5) - math.log(4.5 / 1.5)
    assert result.delta["y"] == pytest.approx(expected)
    assert result.zscore["y"] == pytest.approx(expected / math.sqrt(1 / 0.5 + 1 / 4.5))


def test_distinctive_terms_one_against_the_rest():
    counts = pd.DataFrame({"outlet": ["A", "A", "B", "B", "C"], "term": ["x", "y", "x", "y", "y"],
                           "count": [6, 1, 1, 5, 5]})
    table = distinctive_terms(counts, outlets=["A", "B"], min_count=1)
    top_a = table[table["outlet"] == "A"].iloc[0]
    assert top_a["term"] == "x" and top_a["zscore"] > 0
    assert top_a["count"] == 6 and top_a["count_rest"] == 1
    pooled = pd.Series({"x": 7, "y": 11})
    expected = log_odds_dirichlet(pd.Series({"x": 6, "y": 1}), pd.Series({"x": 1, "y": 10}), pooled).zscore["x"]
    assert top_a["zscore"] == pytest.approx(expected)


def test_seed_framing_terms_have_no_chrome(seed_run, seed_corpus):
    counts = term_counts(seed_run.docs, seed_corpus)
    assert not set(counts["term"]) & CHROME
    assert not counts["term"].str.fullmatch(r"\d+|[a-z]").any()
    table = distinctive_terms(counts, outlets=sorted(seed_corpus["outlet"]), min_count=1)
    assert not set(table["term"]) & CHROME


# --- bootstrap aggregation on a synthetic table ---------------------------------------------------

def test_bootstrap_mean_is_reproducible_and_covers_the_mean():
    values = np.array([0.1, 0.2, 0.3, 0.4, 0.5] * 4)
    first = bootstrap_mean(values, n_boot=500, seed=3)
    assert first == bootstrap_mean(values, n_boot=500, seed=3)
    mean, low, high, how = first
    assert mean == pytest.approx(0.3) and low < mean < high and how == "sentences"
    constant = bootstrap_mean(np.full(10, 0.25), n_boot=200)
    assert constant[:3] == (0.25, 0.25, 0.25)


def test_cluster_bootstrap_resamples_articles():
    # two articles, all sentences equal within each: resampling sentences would give a narrow interval,
    # resampling articles gives replicates of 0.0, 0.5 or 1.0 only
    values = np.array([0.0] * 10 + [1.0] * 10)
    clusters = np.array(["a"] * 10 + ["b"] * 10)
    mean, low, high, how = bootstrap_mean(values, clusters, n_boot=2000, seed=0)
    assert how == "articles" and mean == 0.5
    assert low == 0.0 and high == 1.0


def test_aggregate_counts_and_intervals_on_a_synthetic_table():
    table = pd.DataFrame({
        "doc_id": ["d1"] * 3 + ["d2"] * 2 + ["d3"] * 4,
        "outlet": ["A"] * 5 + ["B"] * 4,
        "vader": [0.5, 0.5, 0.5, -0.5, -0.5, 0.2, 0.4, 0.6, 0.8],
    })
    result = aggregate(table, by=["outlet"], value="vader", n_boot=1000, seed=1).set_index("outlet")
    assert result.loc["A", "n_sentences"] == 5 and result.loc["A", "n_articles"] == 2
    assert result.loc["A", "mean"] == pytest.approx(0.1)
    assert result.loc["A", "resampled"] == "articles" and result.loc["B", "resampled"] == "sentences"
    assert result.loc["B", "mean"] == pytest.approx(0.5)
    assert result.loc["B", "ci_low"] < 0.5 < result.loc["B", "ci_high"]
    for outlet in ("A", "B"):
        assert result.loc[outlet, "ci_low"] <= result.loc[outlet, "mean"] <= result.loc[outlet, "ci_high"]


def test_outlet_differences_separate_signal_from_noise():
    rng = np.random.default_rng(0)
    table = pd.DataFrame({
        "doc_id": [f"a{i % 5}" for i in range(50)] + [f"b{i % 5}" for i in range(50)] + [f"c{i % 5}" for i in range(50)],
        "outlet": ["A"] * 50 + ["B"] * 50 + ["C"] * 50,
        "vader": np.concatenate([rng.normal(0.5, 0.05, 50), rng.normal(-0.5, 0.05, 50), rng.normal(-0.5, 0.05, 50)]),
    })
    diffs = outlet_differences(table, value="vader", outlets=["A", "B", "C"], n_boot=500).set_index(["outlet_a", "outlet_b"])
    assert diffs.loc[("A", "B"), "supported"] and diffs.loc[("A", "C"), "supported"]
    assert not diffs.loc[("B", "C"), "supported"]
    text = describe_differences(diffs.reset_index())
    assert "Of 3 pairs" in text and "2 differ" in text and "cannot be told apart" in text


# --- seeds ----------------------------------------------------------------------------------------

def test_every_seed_sentence_is_scored_and_no_chrome(seed_run, seed_corpus):
    table = sentiment_table(seed_run.docs, seed_corpus)
    for doc in seed_run.docs:
        scored = table[table["doc_id"] == doc._.doc_id]
        sentences = [s for s in doc.sents if any(t.is_alpha for t in s)]
        assert len(scored) == len(sentences) > 0
    text = dict(zip(seed_corpus["doc_id"], seed_corpus["text"]))
    for row in table.itertuples():
        assert text[row.doc_id][row.start_char:row.end_char].strip() == row.text
    lowered = " ".join(table["text"]).lower()
    for chrome in ("share this", "twitter icon", "print this", "make a donation", "comments"):
        assert chrome not in lowered
    assert table[["polarity", "vader"]].abs().max().max() <= 1
    assert table["subjectivity"].between(0, 1).all()


def test_event_words_are_removed_for_the_second_score():
    doc = get_pipeline()("The missile attack killed two soldiers.")
    doc._.doc_id = "x"
    (score,) = sentence_sentiment(doc)
    assert score.n_event_words == 3
    assert score.vader < 0 and score.vader_no_events == pytest.approx(0.0)


def test_actor_sentiment_counts_sentences(seed_run, seed_corpus):
    mentions = mentions_table(seed_run.docs, seed_corpus)
    sentiment = sentiment_table(seed_run.docs, seed_corpus)
    rows = actor_sentences(seed_run.docs, mentions)
    table = actor_sentiment(sentiment, rows, n_boot=200)
    assert {"United States", "Iran", "Iraq", "Iran-backed militias"} <= set(table["actor"])
    joined = rows.merge(sentiment, on=["doc_id", "sent_id"])
    expected = joined.groupby(["outlet", "actor"]).size()
    assert all(expected[(o, a)] == n for o, a, n in zip(table["outlet"], table["actor"], table["n_sentences"]))
    fm = table[(table["outlet"] == "Financial Times") & (table["actor"] == "Iran-backed militias")]
    assert len(fm) == 1 and fm.iloc[0]["n_sentences"] >= 3


def test_event_naming_on_the_seeds(seed_run, seed_corpus):
    mentions = mentions_table(seed_run.docs, seed_corpus)
    naming = event_naming(seed_run.docs, seed_corpus, mentions).set_index(["outlet", "event", "term"])["count"]
    strike = "January 2020 strike on Soleimani"
    assert naming[("RT", strike, "assassination")] == 1
    assert naming[("Financial Times", strike, "assassination")] == 1
    assert naming[("Financial Times", "Iran's role", "proxies")] >= 2
    assert naming[("The New York Times", strike, "assassination")] == 0
