"""Stage 1, ingest: a corpus file or folder in, the articles DataFrame out (one row per article, clean text,
metadata, where it came from, and whether it repeats or copies another article).

Nothing here writes anywhere: inputs are read only. :mod:`~corpus.ingest.sources` tells the format of each file
(``.txt`` with ``metadata.csv``, Nexis/Lexis DOCX and TXT exports, Nexis UK and Factiva HTML exports, saved web
pages, JSON Lines, CSV, zip) and hands its bytes to that format's reader, a pure function returning
:class:`~corpus.ingest.records.ParsedSource`; the loader parses dates, cleans bodies (rules kept as data in
``data/cleaning_rules.tsv``, every cut reported) and flags duplicates and copies
(:mod:`~corpus.ingest.duplicates`).
"""

from corpus.ingest.cleaning import CleaningResult, Removal, clean_article
from corpus.ingest.loader import CorpusError, CorpusWarning, Skipped, load_corpus
from corpus.ingest.records import FormatError, ParsedSource, SourceArticle

__all__ = ["CleaningResult", "CorpusError", "CorpusWarning", "FormatError", "ParsedSource", "Removal", "Skipped",
           "SourceArticle", "clean_article", "load_corpus"]
