"""The nightly runner: parameters checked first, failures isolated, atomic sets, byte-identical reruns."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import textwrap
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from conftest import PROJECT, tree_digest
from corpus.cli import main as cli_main
from corpus.publish.gallery import render_index
from corpus.publish.runner import ParameterError, discover_notebooks, resolve_parameters, run_notebooks
from small_notebooks import small_notebooks  # noqa: F401  (a fixture)

def test_unknown_parameter_is_refused_before_anything_runs(small_notebooks, tmp_path, caplog):
    out = tmp_path / "figures"
    with caplog.at_level(logging.ERROR):
        status = run_notebooks(out=out, notebooks_dir=small_notebooks, overrides={"top_nn": "5"})
    assert status == 2
    assert not out.exists() and not list(tmp_path.glob(".figures*"))
    assert "unknown parameter top_nn" in caplog.text and "scale" in caplog.text


def test_runner_cannot_be_given_its_own_parameters(small_notebooks):
    with pytest.raises(ParameterError, match="set by the runner"):
        resolve_parameters(discover_notebooks(small_notebooks), overrides={"output_dir": "/elsewhere"})


def test_parameter_file_sections(small_notebooks, tmp_path):
    notebooks = discover_notebooks(small_notebooks)
    path = tmp_path / "params.yml"
    path.write_text("all:\n  scale: 2\n01_fail:\n  scale: 7\n", encoding="utf-8")
    resolved = resolve_parameters(notebooks, params_file=path, overrides={})
    assert {nb.stem: p["scale"] for nb, p in resolved.items()} == {"00_ok": 2, "01_fail": 7}
    # -p overrides the file's 'all' section, a notebook's own section overrides both
    resolved = resolve_parameters(notebooks, params_file=path, overrides={"scale": "3"})
    assert {nb.stem: p["scale"] for nb, p in resolved.items()} == {"00_ok": 3, "01_fail": 7}
    path.write_text("02_missing:\n  scale: 2\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="02_missing"):
        resolve_parameters(notebooks, params_file=path)
    path.write_text("00_ok:\n  slope: 2\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="00_ok has no parameter slope"):
        resolve_parameters(notebooks, params_file=path)


def test_help_notebook_lists_parameters(capsys):
    assert cli_main(["run", "--help-notebook", "02_source_attribution"]) == 0
    printed = capsys.readouterr().out
    for name in ("corpus_path", "output_dir", "cue_kinds", "top_sources"):
        assert name in printed
    assert cli_main(["run", "--help-notebook", "99_nothing"]) == 2


@pytest.mark.slow
def test_a_failing_notebook_leaves_the_previous_set_and_keeps_the_others(small_notebooks, tmp_path, caplog):
    out = tmp_path / "figures"
    assert run_notebooks(out=out, notebooks_dir=small_notebooks, only=["00_ok"]) == 0
    (out / "README.md").write_text("hand-written\n", encoding="utf-8")
    before = tree_digest(out)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "ok" and [n["name"] for n in manifest["notebooks"]] == ["00_ok"]
    assert (out / "tables" / "line_points.csv").is_file() and (out / "00_ok" / "line.svg").is_file()

    with caplog.at_level(logging.INFO):
        status = run_notebooks(out=out, notebooks_dir=small_notebooks, jobs=2)
    assert status == 1
    assert "01_fail FAILED" in caplog.text and "deliberate failure for the test" in caplog.text
    assert tree_digest(out) == before  # the previous set is untouched
    failed = [p for p in tmp_path.iterdir() if p.name.startswith("figures.failed-")]
    assert len(failed) == 1
    kept = json.loads((failed[0] / "manifest.json").read_text())
    statuses = {n["name"]: n for n in kept["notebooks"]}
    assert statuses["00_ok"]["status"] == "ok" and (failed[0] / "00_ok" / "line.png").is_file()
    assert statuses["01_fail"]["error"]["ename"] == "ValueError"
    assert "deliberate failure" in statuses["01_fail"]["error"]["evalue"]
    assert "deliberate failure for the test" in (failed[0] / "index.html").read_text()
    assert not list(tmp_path.glob(".figures.tmp-*"))


@pytest.mark.slow
def test_successful_run_replaces_the_set_keeps_readme_and_removes_only_dead_runs_temporaries(small_notebooks, tmp_path):
    out = tmp_path / "figures"
    out.mkdir()
    (out / "README.md").write_text("hand-written\n", encoding="utf-8")  # a README alone counts as empty
    finished = subprocess.Popen(["true"])
    finished.wait()
    stale = tmp_path / f".figures.tmp-20200101T000000Z-{finished.pid}"  # what a killed run leaves behind
    (stale / "00_ok").mkdir(parents=True)
    alive = subprocess.Popen(["sleep", "60"])
    try:
        live = tmp_path / f".figures.tmp-20200101T000001Z-{alive.pid}"  # another run's working folder
        (live / "00_ok").mkdir(parents=True)
        assert run_notebooks(out=out, notebooks_dir=small_notebooks, only=["00_ok"], overrides={"scale": "2"}) == 0
        assert not stale.exists() and live.exists()
    finally:
        alive.kill()
    assert (out / "README.md").read_text() == "hand-written\n"
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["notebooks"][0]["parameters"]["scale"] == 2
    assert list(pd.read_csv(out / "00_ok" / "line.csv")["y"]) == [2, 4, 6]
    page = (out / "index.html").read_text()
    assert "&lt;b&gt;with&lt;/b&gt; markup &amp; an ampersand" in page and "<b>with</b>" not in page
    assert 'href="00_ok/line.csv"' in page and 'href="00_ok/00_ok.ipynb"' in page


@pytest.mark.slow
def test_two_runs_on_unchanged_inputs_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_CACHE_DIR", str(tmp_path / "cache"))
    only = ["00_corpus_overview", "02_source_attribution", "03_sentiment_framing"]
    first, second = tmp_path / "first", tmp_path / "second"
    for out in (first, second):
        assert run_notebooks(out=out, only=only, overrides={"n_boot": "200"}, jobs=2) == 0
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.suffix in (".png", ".svg", ".csv"))
    assert len([f for f in files if f.suffix == ".png"]) >= 9 and any(f.suffix == ".svg" for f in files)
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel
    # the same place twice: the manifest says nothing changed
    assert run_notebooks(out=first, only=only, overrides={"n_boot": "200"}, jobs=2) == 0
    manifest = json.loads((first / "manifest.json").read_text())
    changes = manifest["changes"]
    assert changes["changed"] == [] and changes["added"] == [] and changes["removed"] == []
    assert changes["unchanged"] == len(manifest["figures"]) + len(manifest["tables"]) > 10


def test_manifest_describes_the_run(tmp_path):
    manifest = {
        "run_id": "r1", "started": "s", "finished": "f", "git": {"commit": "abc", "dirty": True},
        "software": {"python": "3.11", "spacy_model": {"name": "m", "version": "1"}},
        "corpus": {"path": "/c<orpus>", "n_files": 2, "content_sha256": "0" * 64},
        "notebooks": [{"name": "00_x", "status": "failed", "duration_s": 1.0, "executed": "00_x/00_x.ipynb",
                       "error": {"ename": "KeyError", "evalue": "'<col>'", "cell": 3}}],
        "figures": [], "tables": [], "changes": {"changed": ["a"], "added": [], "removed": [], "unchanged": 1},
    }
    page = render_index(manifest)
    assert "/c&lt;orpus&gt;" in page and "&#x27;&lt;col&gt;&#x27;" in page and "(uncommitted changes)" in page
    assert "1 changed, 0 added, 0 removed, 1 unchanged" in page


def test_real_notebooks_are_discovered_in_order():
    names = [nb.stem for nb in discover_notebooks(PROJECT / "notebooks")]
    assert names == sorted(names) and names[:5] == ["00_corpus_overview", "01_entity_frequencies",
                                                    "02_source_attribution", "03_sentiment_framing",
                                                    "04_troop_numbers"]


@pytest.mark.slow
def test_changes_against_a_given_previous_manifest(small_notebooks, tmp_path):
    night1, night2 = tmp_path / "runs" / "day1", tmp_path / "runs" / "day2"
    assert run_notebooks(out=night1, notebooks_dir=small_notebooks, only=["00_ok"]) == 0
    assert run_notebooks(out=night2, notebooks_dir=small_notebooks, only=["00_ok"], overrides={"scale": "3"},
                         previous=night1 / "manifest.json") == 0
    changes = json.loads((night2 / "manifest.json").read_text())["changes"]
    assert changes["changed"] == ["00_ok/line", "tables/line_points.csv"]
    assert changes["previous_run"] == json.loads((night1 / "manifest.json").read_text())["run_id"]


EXPORT_ARTICLE = """                              {n} of 4 DOCUMENTS

                              {outlet}

                         January {n}, 2020 {weekday}

{title}

BYLINE: Jane Roe

LENGTH: 120 words

BODY:

WASHINGTON -- The Pentagon said on {weekday} that about {troops},000 more US troops would deploy to the Middle
East after the strike that killed Qassem Soleimani in Baghdad, a defense official said.

"We are ready for anything," Defense Secretary Mark Esper told reporters. Iran's foreign minister, Javad Zarif,
said the killing was an act of terrorism, according to state media.

LOAD-DATE: January {n}, 2020

LANGUAGE: ENGLISH

"""


@pytest.mark.slow
def test_a_corpus_of_exports_goes_through_every_notebook(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_CACHE_DIR", str(tmp_path / "cache"))
    corpus_dir = tmp_path / "exports"
    corpus_dir.mkdir()
    days = ["Wednesday", "Thursday", "Friday", "Saturday"]
    (corpus_dir / "wire.TXT").write_text("".join(
        EXPORT_ARTICLE.format(n=n, weekday=days[n - 1], outlet=["The Test Times", "Daily Test"][n % 2], troops=n + 2,
                              title=f"More troops head to the Middle East, day {n}") for n in range(1, 5)),
        encoding="utf-8")
    rows = [{"title": "Iraq votes to expel US troops", "source": "Feed News", "date": "2020-01-05",
             "text": "Iraq's parliament voted on Sunday to expel the 5,200 US troops in the country, officials said. "
                     "Prime Minister Adel Abdul Mahdi told lawmakers the vote was needed. " * 3}]
    (corpus_dir / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    before = tree_digest(corpus_dir)
    out = tmp_path / "figures"
    assert run_notebooks(corpus_path=corpus_dir, out=out, overrides={"n_boot": "200"}, jobs=2) == 0
    assert tree_digest(corpus_dir) == before
    manifest = json.loads((out / "manifest.json").read_text())
    assert [nb["status"] for nb in manifest["notebooks"]] == ["ok"] * len(discover_notebooks(PROJECT / "notebooks"))
    assert manifest["annotation"]["articles"] == 5 and set(manifest["corpus"]["files"]) == {"feed.jsonl", "wire.TXT"}
    articles = pd.read_csv(out / "tables" / "articles.csv")
    assert sorted(articles["doc_id"]) == ["feed-1", "wire-1", "wire-2", "wire-3", "wire-4"]
    assert set(articles["source_format"]) == {"jsonl", "lexis-txt"}
    claims = pd.read_csv(out / "tables" / "troop_claims.csv")
    assert set(claims["doc_id"]) >= {"wire-1", "feed-1"}


def test_a_saved_figure_is_shown_once_as_the_saved_png(tmp_path):
    """In a kernel, save_figure shows the PNG it wrote and closes the figure: one image output per figure, the
    figure set's own bytes, and no second drawing by the inline backend."""
    import base64

    from small_notebooks import write_notebook

    folder = tmp_path / "notebooks"
    folder.mkdir()
    body = """
    import pandas as pd
    import matplotlib.pyplot as plt
    from corpus.publish import figures
    out = figures.output_folder(output_dir)
    data = pd.DataFrame({"x": [1, 2, 3], "y": [scale, 2 * scale, 3 * scale]})
    fig, ax = plt.subplots()
    ax.plot(data["x"], data["y"])
    figures.save_figure(fig, data, "line", out, caption="A line.")
    print(len(plt.get_fignums()), "figures open")
    """
    write_notebook(folder / "00_inline.ipynb", body)
    out = tmp_path / "figures"
    assert run_notebooks(out=out, notebooks_dir=folder, only=["00_inline"]) == 0
    executed = nbformat.read(out / "00_inline" / "00_inline.ipynb", as_version=4)
    outputs = executed.cells[-1].outputs
    images = [o["data"]["image/png"] for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 1
    assert base64.b64decode(images[0]) == (out / "00_inline" / "line.png").read_bytes()
    assert "0 figures open" in "".join(o.get("text", "") for o in outputs)


def test_a_kernel_that_dies_at_start_up_is_started_again(tmp_path, monkeypatch):
    """jupyter_client can hand two kernels started at once the same port; the second dies before any cell runs
    (seen in CI: "Address already in use", then nbclient's "Kernel died before replying to kernel_info")."""
    import types

    from corpus.publish import runner

    attempts = []

    def execute_notebook(notebook, executed, **options):
        attempts.append(executed)
        if len(attempts) < 2:
            raise RuntimeError("Kernel died before replying to kernel_info")

    class ExecutionError(Exception):
        pass

    fake = types.SimpleNamespace(execute_notebook=execute_notebook, PapermillExecutionError=ExecutionError)
    monkeypatch.setattr(runner, "_papermill", lambda: fake)
    monkeypatch.setenv(runner.RUN_STORE_ENV, "")  # _execute sets these in its (worker) process: restored after
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", str(runner.KERNEL_MMAP_THRESHOLD))
    executed = tmp_path / "nb" / "01_x.ipynb"
    executed.parent.mkdir()
    saved_stderr = os.dup(2)  # _execute sends its process's stderr to kernel.log, as a pool worker does
    try:
        result = runner._execute("01_x.ipynb", str(executed), {}, str(tmp_path), "token")
    finally:
        os.dup2(saved_stderr, 2)
        os.close(saved_stderr)
    assert result["status"] == "ok" and len(attempts) == 2
    assert "kernel died at start-up (attempt 1)" in (executed.parent / "kernel.log").read_text()

    attempts.clear()
    monkeypatch.setattr(runner, "KERNEL_START_ATTEMPTS", 1)
    saved_stderr = os.dup(2)
    try:
        failed = runner._execute("01_x.ipynb", str(executed), {}, str(tmp_path), "token")
    finally:
        os.dup2(saved_stderr, 2)
        os.close(saved_stderr)
    assert failed["status"] == "failed" and failed["error"]["cell"] is None and len(attempts) == 1
