"""The hand-checked samples' agreement check: two blind readings of the same rows, compared as the scorer
compares a reading with the extractor."""

import importlib.util
import json
from pathlib import Path

import pandas as pd

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "attribution_sample.py"


def _script():
    spec = importlib.util.spec_from_file_location("attribution_sample", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_two_readings_agree_row_by_row_and_field_by_field(tmp_path, capsys):
    columns = ["sample_id", "is_attribution", "speaker", "source_type", "affiliation", "note"]
    first = pd.DataFrame([
        ["x1", "yes", "Donald Trump", "named_person", "US", ""],
        ["x2", "yes", "officials [US]", "anonymous", "US", ""],       # the role's head in the plural: one role
        ["x3", "yes", "Pentagon|Defense Department", "organization", "US", ""],
        ["x4", "no", "", "", "", "a linked headline"],
        ["x5", "yes", "Mike Pompeo", "named_person", "US", ""],
    ], columns=columns)
    second = pd.DataFrame([
        ["x1", "yes", "Donald Trump", "named_person", "US", ""],
        ["x2", "yes", "official [US]", "anonymous", "unknown", ""],   # same speaker, another side
        ["x3", "yes", "Defense Department", "organization", "US", ""],
        ["x4", "yes", "Joe Biden", "named_person", "US", ""],         # the readers differ on whether it reports
        ["x5", "yes", "Brian Hook", "named_person", "US", ""],        # and on who speaks
    ], columns=columns)
    first.to_csv(tmp_path / "first.csv", index=False)
    second.to_csv(tmp_path / "second.csv", index=False)
    out = tmp_path / "agree.json"
    assert _script().main(["agree", "--sample", str(tmp_path / "first.csv"), "--second", str(tmp_path / "second.csv"),
                           "--json", str(out)]) == 0
    report = json.loads(out.read_text())
    assert report["rows"] == 5
    assert report["is_attribution_agreement"] == 0.8
    assert report["non_attributions"] == {"first": 1, "second": 0, "both": 0}
    assert report["both_attributions"] == 4
    assert report["speaker_agreement"] == 0.75
    assert report["type_agreement"] == 1.0
    assert report["affiliation_agreement"] == 0.75
    capsys.readouterr()


def test_an_unnamed_source_is_compared_by_its_head_noun_before_any_post_modifier():
    match = _script().speaker_matches
    assert match("person [US]", "source [US]|person close to Brian Hook [US]")
    assert match("proponent [US]", "proponent of U.S. withdrawal [US]")
    assert match("watcher [US]", "Middle East watcher [US]")
    assert not match("official [US]", "person familiar with the official [US]")


def test_a_role_s_bracket_is_compared_as_the_side_it_names():
    match = _script().speaker_matches
    assert match("official [other]", "official [Saudi Arabia]")
    assert match("official [other]", "official [UN]|source [other]")
    assert match("official [US]", "official [State Department]")
    assert not match("official [US]", "official [Israel]")
    assert not match("official [other]", "official [Iran]")


def test_a_party_s_members_as_a_group_are_one_source_however_written():
    match = _script().speaker_matches
    assert match("Democrats", "Democrat [US]")
    assert match("Republicans", "Republican Party")
    assert match("republican [US]", "GOP|Trump [US]")
    assert not match("Democrats", "Republican [US]")
    assert not match("House Democrats", "Senate Democrats")
