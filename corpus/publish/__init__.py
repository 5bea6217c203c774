"""Stage 8, publish: figures saved beside the CSV of exactly their data, the notebooks run with papermill into
a figure set, its ``manifest.json`` (what ran, on what, and what changed) and its ``index.html`` gallery."""

__all__: list[str] = []
