"""Load, clean and annotate news articles on US-Iran military tension in Iraq (2014-2020).

Importing this package has no side effects: nothing is printed, downloaded or written.
"""

from corpus.cleaning import CleaningResult, Removal, clean_article
from corpus.loader import CorpusError, CorpusWarning, Skipped, load_corpus
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
