"""Load, clean and annotate news articles on US-Iran military tension in Iraq (2014-2020).

The package is laid out by stage, in the order an article moves through it:

1. :mod:`corpus.ingest`: a corpus folder -> the articles DataFrame (clean text, metadata);
2. :mod:`corpus.nlp`: clean text -> parsed spaCy ``Doc`` (cached);
3. :mod:`corpus.extract`: one ``Doc`` -> named tuples (mentions, attributions, claims, sentence scores, ...);
4. :mod:`corpus.tables`: articles -> one table per extractor (local or dask engine, cached per article);
5. :mod:`corpus.analysis`: tables -> aggregated tables;
6. :mod:`corpus.plots`: aggregated tables -> figures;
7. :mod:`corpus.explore`: read an article, a concordance, widgets;
8. :mod:`corpus.publish`: figures and CSVs saved, notebooks run into a figure set with manifest and gallery.

:mod:`corpus.notebook` is the set-up call of every notebook; :mod:`corpus.cli` the command line.
Importing this package has no side effects: nothing is printed, downloaded or written.
"""

from corpus.ingest import CleaningResult, CorpusError, CorpusWarning, Removal, Skipped, clean_article, load_corpus
from corpus.paths import SEEDS_DIR

__version__ = "0.1.0"

__all__ = [
    "CleaningResult",
    "CorpusError",
    "CorpusWarning",
    "Removal",
    "SEEDS_DIR",
    "Skipped",
    "clean_article",
    "load_corpus",
]
