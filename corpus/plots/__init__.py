"""Stage 6, plots: the tables of :mod:`corpus.analysis` in, matplotlib figures out (saved by
:mod:`corpus.publish.figures`). :mod:`~corpus.plots.style` holds the shared look, the small-multiples grid
and the heatmap; one module per analysis holds its figures.
"""

from corpus.plots import attribution, entities, framing, overview, sentiment, style, troops

__all__ = ["attribution", "entities", "framing", "overview", "sentiment", "style", "troops"]
