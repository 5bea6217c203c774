"""corpus run never loses a user's files and never fails without saying why (issue 16's cases)."""

from __future__ import annotations

import fcntl
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from conftest import SEEDS, tree_digest
from corpus.publish.runner import OutputError, check_output, run_notebooks
from small_notebooks import SLEEPING_NOTEBOOK, small_notebooks, two_good_notebooks, write_notebook  # noqa: F401


def _refused(caplog, **options) -> str:
    with caplog.at_level(logging.ERROR):
        assert run_notebooks(**options) == 2
    return caplog.text


# --- what --out may be ----------------------------------------------------------------------------------------

def test_a_folder_of_other_files_is_refused_untouched(small_notebooks, tmp_path, caplog):
    out = tmp_path / "figures"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"years of work")
    (out / "README.md").write_text("mine\n", encoding="utf-8")
    before = tree_digest(out)
    text = _refused(caplog, out=out, notebooks_dir=small_notebooks, only=["00_ok"])
    assert f"--out {out} holds files that are not a figure set" in text and "thesis.docx" in text
    assert tree_digest(out) == before and not list(tmp_path.glob(".figures.tmp-*"))


def test_a_file_as_out_is_refused_untouched(small_notebooks, tmp_path, caplog):
    out = tmp_path / "results.csv"
    out.write_text("a,b\n1,2\n", encoding="utf-8")
    assert "is a file, not a folder" in _refused(caplog, out=out, notebooks_dir=small_notebooks, only=["00_ok"])
    assert out.read_text(encoding="utf-8") == "a,b\n1,2\n"
    assert [p.name for p in tmp_path.iterdir()] == [out.name, "notebooks"] or sorted(
        p.name for p in tmp_path.iterdir()) == sorted([out.name, "notebooks"])


def test_the_corpus_folder_its_parent_or_a_folder_inside_it_is_refused(seed_copy, small_notebooks, caplog):
    before = tree_digest(seed_copy)
    assert "holds the corpus" in _refused(caplog, corpus_path=seed_copy, out=seed_copy,
                                          notebooks_dir=small_notebooks, only=["00_ok"])
    assert "holds the corpus" in _refused(caplog, corpus_path=seed_copy, out=seed_copy.parent,
                                          notebooks_dir=small_notebooks, only=["00_ok"])
    assert "inside the corpus folder" in _refused(caplog, corpus_path=seed_copy, out=seed_copy / "figures",
                                                  notebooks_dir=small_notebooks, only=["00_ok"])
    assert tree_digest(seed_copy) == before


def test_what_counts_as_a_figure_set(tmp_path):
    out = tmp_path / "set"
    assert check_output(out, SEEDS).previous is None  # new
    out.mkdir()
    (out / "README.md").write_text("notes\n", encoding="utf-8")
    assert check_output(out, SEEDS).previous is None  # a README alone counts as empty
    (out / "manifest.json").write_text(json.dumps({"kind": "corpus figure set", "notebooks": []}), encoding="utf-8")
    assert check_output(out, SEEDS).previous["kind"] == "corpus figure set"
    (out / "manifest.json").write_text('{"kind": "corpus figu', encoding="utf-8")  # truncated
    damaged = check_output(out, SEEDS)
    assert damaged.previous is None and "cannot be read" in damaged.damaged
    (out / "manifest.json").write_text(json.dumps({"name": "my web page"}), encoding="utf-8")
    with pytest.raises(OutputError, match="not a figure set"):
        check_output(out, SEEDS)


# --- bad requests are refused before any work, with what is valid -----------------------------------------------

def test_misspelt_only_is_refused_even_beside_a_valid_one(small_notebooks, tmp_path, caplog):
    text = _refused(caplog, out=tmp_path / "o", notebooks_dir=small_notebooks, only=["00_ok", "01_fial"])
    assert "no notebook 01_fial" in text and "there are: 00_ok, 01_fail" in text
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("value, message", [
    ("abc", "scale must be a whole number, not 'abc'"),
    ("-3", "scale must be at least 1, not -3"),
    ("2.5", "scale must be a whole number, not 2.5"),
    ("null", "scale must be a whole number, not null"),
])
def test_parameter_values_are_checked_against_their_declaration(small_notebooks, tmp_path, caplog, value, message):
    assert message in _refused(caplog, out=tmp_path / "o", notebooks_dir=small_notebooks, only=["00_ok"],
                               overrides={"scale": value})
    assert not (tmp_path / "o").exists()


def test_real_notebooks_state_bounds_that_refuse_a_negative_count(tmp_path, caplog):
    text = _refused(caplog, out=tmp_path / "o", only=["00_corpus_overview"], overrides={"top_outlets": "-3"})
    assert "top_outlets must be at least 1, not -3" in text


def test_missing_or_malformed_params_file_is_refused(small_notebooks, tmp_path, caplog):
    assert "no such parameter file" in _refused(caplog, out=tmp_path / "o", notebooks_dir=small_notebooks,
                                                params_file=tmp_path / "missing.yml")
    bad = tmp_path / "bad.yml"
    bad.write_text("all:\n  scale: [1\n", encoding="utf-8")
    assert "bad.yml: not valid YAML" in _refused(caplog, out=tmp_path / "o", notebooks_dir=small_notebooks,
                                                 params_file=bad)
    bad.write_text("- scale\n", encoding="utf-8")
    assert "expected sections 'all:'" in _refused(caplog, out=tmp_path / "o", notebooks_dir=small_notebooks,
                                                  params_file=bad)


def test_missing_previous_manifest_is_refused(small_notebooks, tmp_path, caplog):
    text = _refused(caplog, out=tmp_path / "o", notebooks_dir=small_notebooks, only=["00_ok"],
                    previous=tmp_path / "nope" / "manifest.json")
    assert "no such manifest" in text


@pytest.mark.parametrize("make, message", [
    (lambda tmp: tmp / "absent", "no such folder"),
    (lambda tmp: (tmp / "scan.pdf").write_bytes(b"%PDF-1.4") and tmp / "scan.pdf", "PDF is not read"),
    (lambda tmp: os.symlink(tmp / "loop", tmp / "loop") or tmp / "loop", "Too many levels of symbolic links"),
])
def test_a_corpus_that_cannot_be_loaded_is_refused_before_any_notebook(small_notebooks, tmp_path, caplog, make,
                                                                        message):
    corpus_path = make(tmp_path)
    assert message in _refused(caplog, corpus_path=corpus_path, out=tmp_path / "o", notebooks_dir=small_notebooks)
    assert not (tmp_path / "o").exists()


# --- concurrency --------------------------------------------------------------------------------------------------

def test_a_second_run_on_the_same_out_is_refused_while_the_first_holds_it(small_notebooks, tmp_path, caplog):
    out = tmp_path / "figures"
    with open(tmp_path / ".figures.lock", "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        held.write("pid 4242\n")
        held.flush()
        text = _refused(caplog, out=out, notebooks_dir=small_notebooks, only=["00_ok"])
    assert "is being written by another corpus run (pid 4242)" in text
    assert not out.exists() and not list(tmp_path.glob(".figures.tmp-*"))


def _ctrl_c_as_in_a_terminal() -> None:
    # a test suite started as a background job (`make test &`, nohup) inherits SIGINT ignored, and so would the
    # run; the tests below stand for a user's Ctrl-C on a run in a terminal, where it is not
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _corpus_run(*args: str, cwd: Path) -> subprocess.Popen:
    """A run in the background whose output is read as it comes (``run.captured``): a pipe nobody reads can fill
    and stop the run (and the processes it started, which share the pipe) in the middle of a write."""
    run = subprocess.Popen([sys.executable, "-m", "corpus", "run", *args], cwd=cwd, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, preexec_fn=_ctrl_c_as_in_a_terminal)
    run.captured = []
    threading.Thread(target=lambda: run.captured.extend(run.stdout), daemon=True).start()
    return run


def _wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def _sleeping_notebooks(tmp_path: Path) -> Path:
    folder = tmp_path / "sleepy"
    folder.mkdir()
    write_notebook(folder / "00_sleep.ipynb", SLEEPING_NOTEBOOK)
    return folder


@pytest.mark.slow
def test_two_concurrent_runs_one_works_the_other_says_why(tmp_path, small_notebooks):
    sleepy = _sleeping_notebooks(tmp_path)
    first = _corpus_run("--notebooks", str(sleepy), "--out", "figures", cwd=tmp_path)
    try:
        assert _wait_for(lambda: list(tmp_path.glob(".figures.tmp-*/00_sleep/started")), 60)
        second = subprocess.run([sys.executable, "-m", "corpus", "run", "--notebooks", str(small_notebooks), "--only",
                                 "00_ok", "--out", "figures"], cwd=tmp_path, capture_output=True, text=True,
                                timeout=120)
        assert second.returncode == 2
        assert "is being written by another corpus run" in second.stderr
        assert "Traceback" not in second.stderr and list(tmp_path.glob(".figures.tmp-*/00_sleep/started"))
    finally:
        first.send_signal(signal.SIGINT)
        first.wait(60)


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_run_leaves_no_process_behind(tmp_path, how):
    sleepy = _sleeping_notebooks(tmp_path)
    run = _corpus_run("--notebooks", str(sleepy), "--out", "figures", cwd=tmp_path)
    assert _wait_for(lambda: list(tmp_path.glob(".figures.tmp-*/00_sleep/started")), 90), "".join(run.captured)
    family = psutil.Process(run.pid).children(recursive=True)
    assert any("ipykernel" in " ".join(p.cmdline()) for p in family)  # the kernel runs the notebook
    os.kill(run.pid, how)
    run.wait(30)

    def all_gone() -> bool:
        return not [p for p in family if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]

    assert _wait_for(all_gone, 20), [(p.pid, p.cmdline()) for p in family if p.is_running()]
    assert not (tmp_path / "figures").exists()
    if how == signal.SIGTERM:  # a run that is told to stop also removes its temporary folder
        assert run.returncode == 128 + signal.SIGTERM and not list(tmp_path.glob(".figures.tmp-*"))


# --- --only, README, damaged manifest -------------------------------------------------------------------------

@pytest.mark.slow
def test_only_updates_its_notebooks_and_keeps_the_rest_of_the_set(two_good_notebooks, tmp_path):
    out = tmp_path / "figures"
    assert run_notebooks(out=out, notebooks_dir=two_good_notebooks) == 0
    (out / "notes.txt").write_text("my notes\n", encoding="utf-8")
    other = tree_digest(out / "02_other")
    assert run_notebooks(out=out, notebooks_dir=two_good_notebooks, only=["00_ok"], overrides={"scale": "5"}) == 0
    assert tree_digest(out / "02_other") == other and (out / "notes.txt").read_text() == "my notes\n"
    assert sorted(p.name for p in (out / "tables").iterdir()) == ["line_points.csv", "other_points.csv"]
    manifest = json.loads((out / "manifest.json").read_text())
    assert [n["name"] for n in manifest["notebooks"]] == ["00_ok", "02_other"]
    assert {t["name"]: t["notebook"] for t in manifest["tables"]} == {"line_points.csv": "00_ok",
                                                                       "other_points.csv": "02_other"}
    assert manifest["changes"]["changed"] == ["00_ok/line", "tables/line_points.csv"]
    assert manifest["changes"]["unchanged"] == 2  # 02_other's figure and table


@pytest.mark.slow
def test_a_damaged_previous_manifest_is_reported_and_the_new_set_lands(small_notebooks, tmp_path, caplog):
    out = tmp_path / "figures"
    assert run_notebooks(out=out, notebooks_dir=small_notebooks, only=["00_ok"]) == 0
    manifest = out / "manifest.json"
    manifest.write_bytes(manifest.read_bytes()[:100])  # truncated
    with caplog.at_level(logging.WARNING):
        assert run_notebooks(out=out, notebooks_dir=small_notebooks, only=["00_ok"], overrides={"scale": "2"}) == 0
    assert "manifest.json cannot be read" in caplog.text
    fresh = json.loads(manifest.read_text())
    assert fresh["notebooks"][0]["parameters"]["scale"] == 2
    assert "cannot be read" in fresh["changes"]["previous_unreadable"]


@pytest.mark.slow
def test_loading_problems_reach_terminal_manifest_and_gallery(small_notebooks, seed_copy, tmp_path, caplog):
    (seed_copy / "empty.txt").write_text("", encoding="utf-8")
    catalog = seed_copy / "metadata.csv"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace("2019-12-05", "today"), encoding="utf-8")
    out = tmp_path / "figures"
    with caplog.at_level(logging.WARNING):
        assert run_notebooks(corpus_path=seed_copy, out=out, notebooks_dir=small_notebooks, only=["00_ok"]) == 0
    assert "empty.txt: empty file; skipped" in caplog.text and "unparseable date 'today'" in caplog.text
    manifest = json.loads((out / "manifest.json").read_text())
    problems = {(w["file"], w["row"]): w["problem"] for w in manifest["warnings"]}
    assert problems[("empty.txt", None)] == "empty file; skipped"
    assert "a relative date" in problems[("000_eadc0dd7ff185373.txt", 2)]
    assert "empty.txt" not in manifest["corpus"]["files"] and manifest["corpus"]["n_files"] == 6
    annotation = manifest["annotation"]  # the store was synced once, before the notebooks
    assert annotation["articles"] == 5 and annotation["parsed"] + annotation["reused"] == 5
    assert annotation["removed"] == 0 and annotation["seconds"] >= 0
    page = (out / "index.html").read_text()
    assert "2 problem(s) loading the corpus" in page and "empty.txt" in page
