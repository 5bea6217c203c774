"""Write a notebook from a list of (cell_type, source) pairs; used when authoring notebooks.

Usage inside Python: ``write_notebook(path, cells)`` where the first code cell is tagged
``parameters``. Kept out of the package: notebooks are edited in JupyterLab afterwards.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat


def write_notebook(path: str | Path, cells: list[tuple[str, str]]) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    tagged = False
    for kind, source in cells:
        source = source.strip("\n")
        if kind == "md":
            nb.cells.append(nbformat.v4.new_markdown_cell(source))
        else:
            cell = nbformat.v4.new_code_cell(source)
            if not tagged:
                cell.metadata["tags"] = ["parameters"]
                tagged = True
            nb.cells.append(cell)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"
    nbformat.write(nb, str(path))


if __name__ == "__main__":
    sys.exit("import write_notebook from this module")
