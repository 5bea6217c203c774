"""Set-up, packaging, CLI and import hygiene."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib

import yaml

from conftest import PROJECT


def test_environment_yml_parses_and_installs_this_package():
    env = yaml.safe_load((PROJECT / "environment.yml").read_text())
    deps = env["dependencies"]
    assert "python=3.11" in deps and "pip" in deps
    pip_lines = next(d["pip"] for d in deps if isinstance(d, dict))
    assert "-e ." in pip_lines and "-r requirements.lock" in pip_lines
    # conda runs pip from the folder of environment.yml: check that exactly these lines install.
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--no-index", "--no-deps",
         "--no-build-isolation", *[arg for line in pip_lines for arg in line.split()]],
        cwd=PROJECT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Would install" in result.stdout and "corpus-0.1.0" in result.stdout


def test_dependencies_are_declared_once_and_pinned():
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]
    names = {d.split(">")[0].split("=")[0].split("<")[0].split("[")[0].strip().lower() for d in project["dependencies"]}
    assert {"pandas", "matplotlib", "spacy", "textblob", "papermill", "jupyterlab"} <= names
    lock = (PROJECT / "requirements.lock").read_text().lower()
    for name in names:
        assert f"\n{name}==" in "\n" + lock, f"{name} is not pinned in requirements.lock"
    assert "\npandas==3." in "\n" + lock


def test_import_has_no_side_effects(tmp_path):
    env = {**os.environ, "CORPUS_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-c", "import corpus, corpus.cli, corpus.publish.runner"],
                            cwd=tmp_path, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    assert list(tmp_path.iterdir()) == []


def test_cli_info_prints_the_corpus_table():
    result = subprocess.run([sys.executable, "-m", "corpus", "info"], capture_output=True, text=True, cwd=PROJECT)
    assert result.returncode == 0, result.stderr
    assert "Financial Times" in result.stdout and "duplicate_paragraph x18" in result.stdout
    assert "5 articles, 5 outlets, 2,328 words; 0 skipped" in result.stdout


def test_cli_info_reports_a_bad_folder_without_traceback(tmp_path):
    result = subprocess.run([sys.executable, "-m", "corpus", "info", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 2
    assert "no articles" in result.stderr and "Traceback" not in result.stderr


def test_makefile_has_help_and_the_documented_targets():
    result = subprocess.run(["make", "-s", "help"], cwd=PROJECT, capture_output=True, text=True)
    for target in ("install", "figures", "test"):
        assert target in result.stdout
