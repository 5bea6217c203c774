"""Small notebooks written by the tests, for runs that must be quick (a line plot, a failure, a sleep)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import nbformat
import pytest

OK_NOTEBOOK = """
import pandas as pd
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from corpus.publish import figures
out = figures.output_folder(output_dir)
data = pd.DataFrame({"x": [1, 2, 3], "y": [scale, 2 * scale, 3 * scale]})
fig, ax = plt.subplots()
ax.plot(data["x"], data["y"])
figures.save_figure(fig, data, "line", out, caption="A line <b>with</b> markup & an ampersand.", svg=True)
figures.save_table(data, out / "tables" / "line_points.csv")
"""
OTHER_NOTEBOOK = OK_NOTEBOOK.replace('"line"', '"other"').replace("line_points.csv", "other_points.csv")
FAILING_NOTEBOOK = """
raise ValueError("deliberate failure for the test")
"""
SLEEPING_NOTEBOOK = """
import pathlib, time
pathlib.Path(output_dir, "started").write_text("yes")
time.sleep(120)
"""
PARAMS = '''
corpus_path: "Optional[str]" = None  # corpus folder
output_dir: str = "out"  # where to write
scale: int = 1  # slope of the line (at least 1)
'''


def write_notebook(path: Path, body: str, parameters: str = PARAMS) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}}
    cell = nbformat.v4.new_code_cell(textwrap.dedent(parameters).strip())
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell, nbformat.v4.new_code_cell(textwrap.dedent(body).strip())]
    nbformat.write(nb, path)


@pytest.fixture
def small_notebooks(tmp_path: Path) -> Path:
    """00_ok draws a line, 01_fail raises."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    write_notebook(folder / "00_ok.ipynb", OK_NOTEBOOK)
    write_notebook(folder / "01_fail.ipynb", FAILING_NOTEBOOK)
    return folder


@pytest.fixture
def two_good_notebooks(tmp_path: Path) -> Path:
    """00_ok and 02_other each draw a line and write a table."""
    folder = tmp_path / "good_notebooks"
    folder.mkdir()
    write_notebook(folder / "00_ok.ipynb", OK_NOTEBOOK)
    write_notebook(folder / "02_other.ipynb", OTHER_NOTEBOOK)
    return folder
