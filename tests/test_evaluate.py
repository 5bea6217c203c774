"""PolNeAR scoring: brat reading, one-to-one matching, speech restriction, the command line."""

from __future__ import annotations

import json

from corpus.evaluate import GoldAttribution, Predicted, main, match, read_brat, score_document, summarise
from corpus.nlp.pipeline import get_pipeline

TEXT = ("“Taxes will rise,” Senator Jones said on Monday. Voters believe the economy is weak. "
        "According to the mayor, the bridge will close.")
# offsets: Jones 19-33 (Senator Jones), said 34-38, content 0-18; Voters 49-55, believe 56-63;
# According to 85-97, the mayor 98-107
ANN = """T1\tSource 19 32\tSenator Jones
T2\tCue 33 37\tsaid
T3\tContent 0 17;17 18\t“Taxes will rise,”
T4\tAttribution 33 37\tsaid
E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3
T5\tSource 49 55\tVoters
T6\tCue 56 63\tbelieve
T7\tContent 64 84\tthe economy is weak.
T8\tAttribution 56 63\tbelieve
E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7
T9\tCue 85 97\tAccording to
T10\tContent 109 130\tthe bridge will close
T11\tAttribution-no-source 85 97\tAccording to
E3\tAttribution-no-source:T11 Cue:T9 Content:T10
"""


def test_text_offsets_are_what_the_fixture_says():
    assert TEXT[19:32] == "Senator Jones" and TEXT[33:37] == "said" and TEXT[49:55] == "Voters"
    assert TEXT[56:63] == "believe" and TEXT[85:97] == "According to"


def test_read_brat_joins_discontinuous_spans(tmp_path):
    path = tmp_path / "doc_abcd.ann"
    path.write_text(ANN, encoding="utf-8")
    gold = read_brat(path)
    assert gold[0] == GoldAttribution(((19, 32),), ((33, 37),), ((0, 17), (17, 18)))
    assert gold[2].source == ()


def test_match_is_one_to_one_and_prefers_the_overlapping_cue():
    gold = [GoldAttribution(((0, 5),), ((10, 14),), ()), GoldAttribution(((0, 5),), ((30, 34),), ())]
    predicted = [Predicted(((0, 5),), ((30, 34),)), Predicted(((2, 4),), ((10, 14),)), Predicted(((0, 5),), ((50, 54),))]
    assert match(predicted, gold) == {0: 1, 1: 0}
    assert match(predicted, gold, need_cue=True) == {0: 1, 1: 0}
    assert match([Predicted(((6, 9),), ((10, 14),))], gold) == {}


def test_score_restricts_speech_on_both_sides():
    doc = get_pipeline()(TEXT)
    gold = [GoldAttribution(((19, 32),), ((33, 37),), ()), GoldAttribution(((49, 55),), ((56, 63),), ()),
            GoldAttribution((), ((85, 97),), ())]
    predicted = [
        Predicted(((27, 32),), ((33, 37),)),   # Jones said: right, speech
        Predicted(((49, 55),), ((56, 63),)),   # Voters believe: right, not speech
        Predicted(((98, 107),), ((85, 97),)),  # the mayor: gold has no source, so wrong
    ]
    scores = summarise(score_document(doc, predicted, gold))
    assert scores["n_gold_with_source"] == 2 and scores["n_gold_speech"] == 1
    assert (scores["source_precision"], scores["source_recall"]) == (round(2 / 3, 4), 1.0)
    # speech: 'believe' leaves both sides; 'according to' is a reporting cue that matched nothing
    assert (scores["speech_source_precision"], scores["speech_source_recall"]) == (0.5, 1.0)
    assert scores["speech_source_f1"] == round(2 * 0.5 / 1.5, 4)


def test_command_line_on_a_tiny_split(tmp_path):
    split = tmp_path / "split"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "doc.txt").write_text(TEXT, encoding="utf-8")
    (split / "attributions" / "doc_abcd.ann").write_text(ANN, encoding="utf-8")
    out = tmp_path / "scores.json"
    assert main(["attribution", "--polnear", str(split), "--json", str(out)]) == 0
    scores = json.loads(out.read_text())
    assert scores["n_documents"] == 1
    assert scores["corpus"]["source_recall"] == 1.0  # Jones (said) and Voters (believe) are both found
    assert scores["textacy"]["source_recall"] == 0.5  # textacy finds the quotation only


def _point(c, keep, add, precision, f1):
    return (c, keep, add, {"source_precision": precision, "source_f1": f1})


def test_the_cue_model_grid_prefers_the_strongest_regularisation_within_noise():
    import pytest

    from corpus.evaluate.train_cues import choose

    grid = [_point(0.25, 0.4, 0.40, 0.853, 0.7590), _point(0.5, 0.4, 0.40, 0.851, 0.7592),
            _point(1.0, 0.4, 0.35, 0.852, 0.7580)]
    assert choose(grid, min_precision=0.85)[0] == 0.25  # 0.0002 below the best: within noise
    assert choose(grid, min_precision=0.85, tolerance=0.0)[0] == 0.5
    # a clearly better point wins whatever its regularisation, and one below the precision floor never does
    grid += [_point(1.0, 0.3, 0.50, 0.860, 0.7700), _point(0.25, 0.0, 0.30, 0.840, 0.7900)]
    assert choose(grid, min_precision=0.85)[:3] == (1.0, 0.3, 0.50)
    # within the chosen regularisation, its best thresholds
    assert choose([_point(0.25, 0.2, 0.4, 0.86, 0.75), _point(0.25, 0.4, 0.4, 0.86, 0.7595),
                   _point(0.5, 0.4, 0.4, 0.86, 0.7600)], min_precision=0.85)[:2] == (0.25, 0.4)
    with pytest.raises(ValueError, match="precision"):
        choose(grid, min_precision=0.95)
