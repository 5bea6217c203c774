"""Stage 1, ingest: a corpus folder in, the articles DataFrame out (one row per article, clean text and metadata).

Nothing here writes to the input folder. Cleaning removes page chrome with rules kept as data
(``data/cleaning_rules.tsv``) and reports every cut.
"""

from corpus.ingest.cleaning import CleaningResult, Removal, clean_article
from corpus.ingest.loader import CorpusError, CorpusWarning, Skipped, load_corpus

__all__ = ["CleaningResult", "CorpusError", "CorpusWarning", "Removal", "Skipped", "clean_article", "load_corpus"]
