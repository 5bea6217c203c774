"""Notebooks are committed clean, declare typed parameters, stay thin, and run under papermill."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import nbformat
import pandas as pd
import papermill
import pytest

from conftest import PROJECT

NOTEBOOKS = sorted((PROJECT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert any(nb.name == "00_corpus_overview.ipynb" for nb in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_outputs_are_stripped(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: strip outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_one_typed_parameters_cell(path):
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    tree = ast.parse(tagged[0].source)
    assert tree.body and all(isinstance(node, ast.AnnAssign) for node in tree.body), \
        "every parameter needs a type annotation"
    for line in tagged[0].source.splitlines():
        assert "#" in line, f"parameter without a comment: {line}"
        assert "| None" not in line, "papermill's inspector drops `X | None`; write \"Optional[X]\""
    declared = papermill.inspect_notebook(str(path))
    # papermill's inspector silently drops a line it cannot parse (an "=" in the comment, say).
    assert set(declared) == {node.target.id for node in tree.body}
    assert {"corpus_path", "output_dir"} <= set(declared)
    assert all(p["inferred_type_name"] != "None" for p in declared.values())


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_define_no_functions_or_classes(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            for node in ast.walk(ast.parse(cell.source)):
                assert not isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Lambda)), path.name


def _execute(notebook: str, tmp_path: Path, out: Path, **parameters) -> Path:
    """Run a project notebook under papermill from notebooks/, writing to ``out``; return the executed copy."""
    executed = tmp_path / "executed.ipynb"
    papermill.execute_notebook(
        str(PROJECT / "notebooks" / f"{notebook}.ipynb"), str(executed),
        parameters={"output_dir": str(out), **parameters}, cwd=str(PROJECT / "notebooks"), progress_bar=False,
    )
    return executed


def _assert_captions(out: Path, names: tuple[str, ...]) -> None:
    for name in names:
        assert json.loads((out / f"{name}.json").read_text())["caption"], name


@pytest.mark.slow
def test_overview_notebook_runs_with_default_parameters(tmp_path):
    out = tmp_path / "overview"
    _execute("00_corpus_overview", tmp_path, out)
    per_outlet = pd.read_csv(out / "words_per_outlet.csv")
    assert dict(zip(per_outlet["outlet"], per_outlet["n_words"])) == {
        "Financial Times": 751, "CBN News": 530, "The New York Times": 497, "The Independent": 349, "RT": 201,
    }
    timeline = pd.read_csv(out / "timeline.csv", parse_dates=["date"])
    assert len(timeline) == 5 and timeline["date"].is_monotonic_increasing
    articles = pd.read_csv(out / "tables" / "articles.csv")
    assert len(articles) == 5 and "text_raw" not in articles.columns
    repeats = pd.read_csv(out / "duplicates_per_outlet.csv").set_index("outlet")
    assert len(repeats) == 5 and repeats["n_duplicates"].sum() == 0
    assert repeats["n_copies"].to_dict() == {"Financial Times": 0, "CBN News": 0, "The New York Times": 0,
                                             "The Independent": 1, "RT": 0}  # seed 000 runs a Times report
    for name in ("words_per_outlet", "timeline", "duplicates_per_outlet"):
        assert (out / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        sidecar = json.loads((out / f"{name}.json").read_text())
        assert sidecar["csv"] == f"{name}.csv" and len(sidecar["caption"]) > 40


@pytest.mark.slow
def test_entity_notebook_runs_and_its_csvs_hold_the_plotted_data(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "entities"
    _execute("01_entity_frequencies", tmp_path, out)
    mentions = pd.read_csv(out / "tables" / "entity_mentions.csv")
    top = pd.read_csv(out / "top_entities.csv")
    counts = mentions["entity"].value_counts()
    assert all(counts[e] == n for e, n in zip(top["entity"], top["n_mentions"]))
    assert top["n_mentions"].is_monotonic_decreasing and top["n_mentions"].min() >= 2
    heat = pd.read_csv(out / "entity_outlet_heatmap.csv")
    assert set(heat["entity"]) == set(top["entity"])
    assert (heat["value"] - heat["n_mentions"] * 1000 / heat["n_words"]).abs().max() < 1e-3
    merges = pd.read_csv(out / "alias_merges.csv")
    assert "Qassem Soleimani" in set(merges["entity"])
    pairs = pd.read_csv(out / "entity_cooccurrence.csv")
    assert len(pairs) == len(top) * (len(top) - 1)
    _assert_captions(out, ("top_entities", "entity_outlet_heatmap", "alias_merges", "entity_cooccurrence"))


@pytest.mark.slow
def test_attribution_notebook_runs_and_its_csvs_hold_the_plotted_data(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "attribution"
    _execute("02_source_attribution", tmp_path, out)
    table = pd.read_csv(out / "tables" / "attributions.csv")
    assert {"doc_id", "outlet", "date", "sent_id", "start_char", "end_char", "source", "source_canonical",
            "source_type", "affiliation", "cue", "content", "direct"} <= set(table.columns)
    mix = pd.read_csv(out / "sourcing_mix.csv")
    counts = table.groupby(["outlet", "source_type"]).size()
    assert all(counts.get((o, t), 0) == n for o, t, n in zip(mix["outlet"], mix["source_type"], mix["n"]))
    assert (mix.groupby("outlet")["share"].sum() - 1).abs().max() < 1e-5  # CSVs hold 6 significant digits
    rate = pd.read_csv(out / "attribution_rate.csv")
    assert len(rate) == 5 and rate["n_attributions"].sum() == len(table)
    assert (rate["per_1000_words"] - rate["n_attributions"] * 1000 / rate["n_words"]).abs().max() < 1e-4
    cues = pd.read_csv(out / "cues_by_outlet.csv")
    assert "say" in set(cues["cue"])
    sources = pd.read_csv(out / "top_sources.csv")
    assert "David Schenker" in set(sources.loc[sources["outlet"] == "CBN News", "source_canonical"])
    _assert_captions(out, ("sourcing_mix", "top_sources", "cues_by_outlet", "attribution_rate"))


@pytest.mark.slow
def test_sentiment_notebook_runs_and_says_what_the_data_support(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "sentiment"
    executed = _execute("03_sentiment_framing", tmp_path, out, n_boot=300)
    scores = pd.read_csv(out / "tables" / "sentiment.csv")
    assert set(scores["outlet"]) == {"The Independent", "The New York Times", "RT", "CBN News", "Financial Times"}
    means = pd.read_csv(out / "outlet_sentiment.csv")
    for row in means.itertuples():
        own = scores.loc[scores["outlet"] == row.outlet, row.score]
        assert row.n_sentences == len(own) and abs(row.mean - own.mean()) < 1e-5
        assert row.ci_low <= row.mean <= row.ci_high
    differences = pd.read_csv(out / "outlet_differences.csv")
    assert len(differences) == 10
    terms = pd.read_csv(out / "tables" / "framing_terms.csv")
    assert not set(terms["term"]) & {"share", "twitter", "print", "comments", "icon", "donation"}
    actors = pd.read_csv(out / "tables" / "actor_sentiment.csv")
    assert {"outlet", "actor", "n_sentences", "polarity", "vader", "vader_no_events"} <= set(actors.columns)
    naming = pd.read_csv(out / "event_naming.csv")
    assert naming["count"].sum() > 0
    text = executed.read_text(encoding="utf-8")
    assert "What the data can and cannot support" in text
    assert f"Of {len(differences)} pairs of outlets, {int(differences['supported'].sum())} differ" in text
    _assert_captions(out, ("lexicon_agreement", "outlet_sentiment", "outlet_differences", "actor_sentiment",
                           "framing_terms", "event_naming"))


@pytest.mark.slow
def test_troop_notebook_runs_and_its_csvs_hold_the_plotted_data(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "troops"
    _execute("04_troop_numbers", tmp_path, out)
    claims = pd.read_csv(out / "tables" / "troop_claims.csv")
    assert {"value", "low", "high", "bound", "unit", "actor", "change", "event", "attribution", "sentence",
            "start_char", "end_char", "outlet", "date"} <= set(claims.columns)
    assert len(claims) >= 9 and set(claims["outlet"]) == {"The Independent", "The New York Times", "RT", "CBN News",
                                                          "Financial Times"}
    ledger = pd.read_csv(out / "claims_ledger.csv")
    assert len(ledger) == (claims["bound"] != "vague").sum()
    assert set(ledger["value"].dropna()) <= set(claims["value"].dropna())
    groups = pd.read_csv(out / "claim_groups.csv")
    assert "US deployments to the region" in set(groups["group"])
    deployments = groups[groups["group"] == "US deployments to the region"]
    assert {"The Independent", "CBN News"} <= set(deployments["outlet"])
    _assert_captions(out, ("claims_ledger", "claim_groups"))


@pytest.mark.slow
def test_explore_notebook_runs_unattended_with_static_outputs(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "explore"
    executed = _execute("05_explore", tmp_path, out, term="Pentagon")
    html = (out / "article.html").read_text(encoding="utf-8")
    assert 'class="spans"' in html and "SOURCE" in html and "TROOPS" in html
    lines = pd.read_csv(out / "tables" / "kwic_lines.csv")
    assert len(lines) == 4 and set(lines["match"]) == {"Pentagon"}
    counts = pd.read_csv(out / "tables" / "kwic_counts.csv")
    assert counts["n_matches"].sum() == 4
    text = executed.read_text(encoding="utf-8")
    assert "SOURCE" in text and "**4** matches of *Pentagon*" in text


@pytest.mark.slow
def test_template_copies_and_runs(tmp_path, monkeypatch, capsys):
    from corpus.cli import main as cli_main

    monkeypatch.setenv("CORPUS_CACHE_DIR", str(tmp_path / "cache"))
    assert cli_main(["new-notebook", "06_my_question", "--dir", str(tmp_path)]) == 0
    copied = tmp_path / "06_my_question.ipynb"
    assert '"../figures/06_my_question"' in nbformat.read(copied, as_version=4).cells[1].source
    assert cli_main(["new-notebook", "06_my_question", "--dir", str(tmp_path)]) == 2
    out = tmp_path / "figures" / "06_my_question"
    papermill.execute_notebook(str(copied), str(tmp_path / "executed.ipynb"), parameters={"output_dir": str(out)},
                               cwd=str(tmp_path), progress_bar=False)
    assert (out / "top_entities.png").is_file() and (out / "top_entities.csv").is_file()
    assert json.loads((out / "top_entities.json").read_text())["caption"]
