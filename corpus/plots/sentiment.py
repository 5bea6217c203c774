"""Sentiment figures of notebook 03; the numbers come from :mod:`corpus.analysis.sentiment`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd


__all__ = ["SCORE_LABELS", "plot_lexicon_agreement", "plot_outlet_means", "plot_differences", "plot_actor_sentiment"]

SCORE_LABELS = {"polarity": "TextBlob polarity", "vader": "VADER compound", "subjectivity": "TextBlob subjectivity",
                "polarity_no_events": "TextBlob polarity, event words removed",
                "vader_no_events": "VADER compound, event words removed"}


def plot_lexicon_agreement(table: pd.DataFrame, agreement: dict) -> plt.Figure:
    """Sentence by sentence: TextBlob polarity against VADER compound."""
    fig, ax = plt.subplots(figsize=(6.5, 6))
    if len(table) > 3000:
        image = ax.hexbin(table["polarity"], table["vader"], gridsize=40, cmap="Blues", mincnt=1, bins="log")
        fig.colorbar(image, ax=ax, label="sentences (log scale)")
    else:
        ax.scatter(table["polarity"], table["vader"], s=12, alpha=0.6, color="#4c72b0")
    ax.axhline(0, color="#999999", lw=0.8)
    ax.axvline(0, color="#999999", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("TextBlob polarity")
    ax.set_ylabel("VADER compound")
    ax.set_title(f"Do the two lexicons agree? (n={agreement['n_sentences']:,} sentences)\n"
                 f"Spearman {agreement['spearman']:.2f}; same sign when both non-zero: "
                 f"{agreement['same_sign_when_both_nonzero']:.0%}", fontsize=10)
    fig.tight_layout()
    return fig


def plot_outlet_means(means: pd.DataFrame, per_article: pd.DataFrame) -> plt.Figure:
    """One panel per score: outlet mean with its bootstrap interval, and each article's mean as a faint dot."""
    scores = list(dict.fromkeys(means["score"]))
    outlets = sorted(set(means["outlet"]))
    fig, axes = plt.subplots(1, len(scores), figsize=(5.2 * len(scores), max(2.8, 0.5 * len(outlets) + 1.5)),
                             sharey=True, squeeze=False)
    for ax, score in zip(axes[0], scores):
        part = means[means["score"] == score].set_index("outlet").reindex(outlets)
        y = np.arange(len(outlets))
        ax.errorbar(part["mean"], y, xerr=[part["mean"] - part["ci_low"], part["ci_high"] - part["mean"]],
                    fmt="o", color="#4c72b0", ecolor="#4c72b0", capsize=3, label="outlet mean, 95% interval")
        dots = per_article[per_article["score"] == score]
        for i, outlet in enumerate(outlets):
            values = dots.loc[dots["outlet"] == outlet, "mean"].to_numpy(float)
            ax.scatter(values, np.full(len(values), i + 0.22), s=10, color="#999999",
                       label="one article's mean" if i == 0 else None)
        ax.axvline(0, color="#999999", lw=0.8)
        ax.set_yticks(y, [f"{o}\n{int(part.loc[o, 'n_sentences'])} sentences, {int(part.loc[o, 'n_articles'])} "
                          f"article{'s' if part.loc[o, 'n_articles'] != 1 else ''}" for o in outlets], fontsize=8)
        ax.invert_yaxis()
        ax.set_xlabel(SCORE_LABELS.get(score, score))
    axes[0][0].legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.6 / max(len(outlets), 1)),
                      ncol=2, frameon=False)
    fig.suptitle("Mean sentence sentiment per outlet, with 95% bootstrap intervals")
    fig.tight_layout()
    return fig


def plot_differences(differences: pd.DataFrame) -> plt.Figure:
    """Forest plot of pairwise differences; intervals that exclude zero are drawn dark."""
    labels = [f"{a} − {b}" for a, b in zip(differences["outlet_a"], differences["outlet_b"])]
    fig, ax = plt.subplots(figsize=(8, max(2.5, 0.3 * len(labels) + 1.3)))
    y = np.arange(len(labels))
    colours = np.where(differences["supported"], "#c44e52", "#bbbbbb")
    ax.hlines(y, differences["ci_low"], differences["ci_high"], colors=colours, lw=2)
    ax.scatter(differences["difference"], y, color=colours, zorder=3)
    ax.axvline(0, color="#333333", lw=0.8)
    ax.set_yticks(y, labels, fontsize=8)
    ax.invert_yaxis()
    score = differences["score"].iloc[0] if len(differences) else ""
    ax.set_xlabel(f"Difference in mean {SCORE_LABELS.get(score, score)} (95% bootstrap interval)")
    ax.set_title("Which outlet differences the data support (red: interval excludes zero)")
    fig.tight_layout()
    return fig


def plot_actor_sentiment(table: pd.DataFrame) -> plt.Figure:
    """Per actor, one row per outlet: VADER mean with all words (filled) and without event words (open)."""
    actors = sorted(set(table["actor"]))
    outlets = sorted(set(table["outlet"]))
    fig, axes = plt.subplots(1, len(actors), figsize=(3.2 * len(actors) + 1.5, max(2.8, 0.45 * len(outlets) + 1.6)),
                             sharey=True, squeeze=False)
    for ax, actor in zip(axes[0], actors):
        part = table[table["actor"] == actor].set_index("outlet").reindex(outlets)
        y = np.arange(len(outlets))
        ax.hlines(y, part["vader"], part["vader_no_events"], color="#bbbbbb")
        ax.scatter(part["vader"], y, color="#4c72b0", zorder=3, label="all words")
        ax.scatter(part["vader_no_events"], y, facecolor="white", edgecolor="#4c72b0", zorder=3,
                   label="event words removed")
        for i, n in enumerate(part["n_sentences"]):
            if not np.isnan(n):
                ax.text(1.0, i, f" {int(n)}", va="center", fontsize=7, transform=ax.get_yaxis_transform())
        ax.axvline(0, color="#999999", lw=0.8)
        ax.set_xlim(-1, 1)
        ax.set_title(actor, fontsize=9)
        ax.set_yticks(y, outlets)
        ax.invert_yaxis()
        ax.set_xlabel("mean VADER")
    axes[0][0].legend(fontsize=7, loc="lower left")
    fig.suptitle("Sentiment of sentences that mention each actor (numbers: sentences)")
    fig.tight_layout()
    return fig
