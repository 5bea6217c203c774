"""Stage 7, explore: read the articles the tables count. An article viewer (displaCy), a keyword-in-context
concordance and the JupyterLab widgets of notebook 05."""

__all__: list[str] = []
