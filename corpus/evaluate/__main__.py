"""``python -m corpus.evaluate``: score the attribution extractor against PolNeAR (see the package docstring)."""

from corpus.evaluate import main

raise SystemExit(main())
