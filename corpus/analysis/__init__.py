"""Stage 5, analysis: tables in, tables out. Counts, shares, bootstrap intervals and log-odds across outlets;
no plotting and no parsing, so editing these modules re-extracts nothing.

One module per notebook topic: :mod:`~corpus.analysis.overview`, :mod:`~corpus.analysis.entities`,
:mod:`~corpus.analysis.attribution`, :mod:`~corpus.analysis.sentiment`, :mod:`~corpus.analysis.framing`,
:mod:`~corpus.analysis.troops`.
"""

from corpus.analysis import attribution, entities, framing, overview, sentiment, speakers, troops

__all__ = ["attribution", "entities", "framing", "overview", "sentiment", "speakers", "troops"]
