"""Troop-number claims: the number parser, written sentences, and the seed acceptance list."""

from __future__ import annotations

import pytest

from corpus.nlp.annotate import annotate
from corpus.extract.numbers import parse_number
from corpus.nlp.pipeline import get_pipeline
from corpus.extract.troops import CLAIM_COLUMNS, claim_group, extract_troop_claims
from reference import troop_claims_table


@pytest.mark.parametrize("text, value", [
    ("14,000", 14000), ("5,200", 5200), ("300", 300), ("2.5", 2.5), ("five", 5), ("twenty-five", 25),
    ("five thousand", 5000), ("one hundred thousand", 100000), ("a dozen", 12), ("two dozen", 24),
    ("half a dozen", 6), ("a couple", 2), ("1.5 million", 1_500_000), ("three hundred", 300),
    ("a hundred", 100), ("a 100", 100), ("a thousand", 1000),
])
def test_parse_number(text, value):
    parsed = parse_number(text)
    assert parsed is not None and not parsed.vague and parsed.value == value


@pytest.mark.parametrize("text", ["hundreds", "thousands", "dozens", "several thousand", "a few hundred"])
def test_parse_vague_numbers(text):
    assert parse_number(text).vague and parse_number(text).value is None


@pytest.mark.parametrize("text", ["troops", "a", "the", "first", "", "many", "several"])
def test_not_numbers(text):
    assert parse_number(text) is None


def _claims(text: str):
    doc = get_pipeline()(text)
    return extract_troop_claims(doc)


def _one(text: str):
    claims = _claims(text)
    assert len(claims) == 1, claims
    return claims[0]


@pytest.mark.parametrize("text, value, low, high, bound", [
    ("The Pentagon sent about 3,000 troops.", 3000, 3000, 3000, "approx"),
    ("The Pentagon sent nearly 3,000 troops.", 3000, 3000, 3000, "approx"),
    ("The Pentagon sent some 3,000 troops.", 3000, 3000, 3000, "approx"),
    ("The Pentagon sent more than 3,000 troops.", 3000, 3000, None, "at_least"),
    ("The Pentagon sent at least 3,000 troops.", 3000, 3000, None, "at_least"),
    ("The Pentagon sent up to 3,000 troops.", 3000, None, 3000, "at_most"),
    ("The Pentagon sent no more than 3,000 troops.", 3000, None, 3000, "at_most"),
    ("The Pentagon sent 3,000 troops.", 3000, 3000, 3000, "exact"),
    ("The Pentagon sent 50,000 to 65,000 troops.", None, 50000, 65000, "range"),
    ("The Pentagon sent between 10,000 and 20,000 troops.", None, 10000, 20000, "range"),
    ("The Pentagon sent thousands of troops.", None, None, None, "vague"),
    ("The Pentagon sent two dozen Marines.", 24, 24, 24, "exact"),
    ("The Pentagon withdrew 1,000 or so troops.", 1000, 1000, 1000, "approx"),
    ("The Pentagon sent several hundred troops.", None, None, None, "vague"),
])
def test_bounds_and_ranges(text, value, low, high, bound):
    claim = _one(text)
    assert (claim.value, claim.low, claim.high, claim.bound) == (value, low, high, bound)


def test_actor_event_change_and_place():
    claim = _one("The United States has deployed 14,000 additional American troops to the Middle East since May.")
    assert (claim.actor, claim.event, claim.change, claim.unit) == ("US", "deployed", "additional", "troop")
    assert claim.place == "the Middle East" or claim.place == "Middle East"
    claim = _one("Iran has sent about 50 Quds Force officers to Baghdad.")
    assert (claim.actor, claim.unit, claim.bound) == ("Iran", "officer", "approx")
    claim = _one("The group can mobilize 10,000 Shiite militiamen.")
    assert claim.actor == "militia"


@pytest.mark.parametrize("text", [
    "The missiles have a range of 600 miles.",
    "Iran flew 70 tons of equipment to Baghdad.",
    "Security forces killed 1,000 civilians.",
    "Militants fired four rockets at the base.",
    "There have been 15 attacks since October.",
    "The strike on January 3 killed the general.",
    "It was the third attack in 2019.",
    "The deal is worth $5,000.",
])
def test_numbers_that_are_not_personnel_counts(text):
    assert _claims(text) == []


# --- the seeds ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_claims(seed_corpus, tmp_path_factory):
    run = annotate(seed_corpus, cache_dir=tmp_path_factory.mktemp("cache"))
    return troop_claims_table(run.docs, seed_corpus)


def _find(table, outlet, quantity_word, unit):
    rows = table[(table["outlet"] == outlet) & table["quantity"].str.contains(quantity_word, regex=False)
                 & (table["unit"] == unit)]
    assert len(rows) == 1, f"{outlet}: {quantity_word} {unit} -> {len(rows)} rows"
    return rows.iloc[0]


@pytest.mark.parametrize("outlet, word, unit, value, bound, extra", [
    ("The Independent", "14,000", "troop", 14000, "approx", {"change": "additional"}),
    ("The New York Times", "dozen", "officer", 12, "approx", {"actor": "Iran"}),
    ("The New York Times", "2,000", "militiaman", 2000, "at_least", {"actor": "militia"}),
    ("The New York Times", "300", "adviser", 300, "at_most", {}),
    ("RT", "100", "service member", 100, "at_least", {}),
    ("CBN News", "six", "troop", 6, "exact", {}),
    ("CBN News", "14,000", "troop", 14000, "exact", {"change": "more", "actor": "US"}),
    ("Financial Times", "5,000", "troop", 5000, "exact", {"change": "remaining", "actor": "US"}),
    ("Financial Times", "two", "soldier", 2, "exact", {"actor": "US"}),
])
def test_seed_claims(seed_claims, outlet, word, unit, value, bound, extra):
    claim = _find(seed_claims, outlet, word, unit)
    assert claim["value"] == value and claim["bound"] == bound
    for column, expected in extra.items():
        assert claim[column] == expected


def test_seed_non_claims(seed_claims):
    quantities = " ".join(seed_claims["quantity"])
    for word in ("600", "70", "1,000", "four", "15"):
        assert word not in quantities.split(), word
    assert set(seed_claims["unit"]) & {"mile", "ton", "civilian", "rocket", "attack"} == set()


def test_seed_table_columns_and_offsets(seed_claims, seed_corpus):
    assert list(seed_claims.columns) == CLAIM_COLUMNS
    text = dict(zip(seed_corpus["doc_id"], seed_corpus["text"]))
    for row in seed_claims.itertuples():
        span = text[row.doc_id][row.start_char:row.end_char]
        assert row.quantity.split()[0] in span and span in row.sentence
    assert set(seed_claims["bound"]) <= {"exact", "approx", "at_least", "at_most", "range", "vague"}
    attributed = seed_claims[seed_claims["outlet"] == "RT"]
    assert attributed.iloc[0]["attribution"] == "Pentagon (according to)"


def test_a_speaker_picked_out_by_one_is_not_a_count():
    assert _claims("“They wanted the biggest bang,” one former U.S. foreign service officer said.") == []


def test_article_before_a_hedged_number():
    claim = _one("Esper said that a little bit more than 100 ISIS fighters have escaped.")
    assert (claim.value, claim.bound, claim.unit) == (100, "at_least", "fighter")


@pytest.mark.parametrize("sentence, value, change", [
    ("The deployment includes about 2,200 Marines and a helicopter unit.", 2200, ""),
    ("The Pentagon is sending an additional 3,000 Marines to the region.", 3000, "additional"),
    ("The US will send roughly 750 more Marines to Kuwait.", 750, "more"),
])
def test_marines_coordinated_additional_and_more(sentence, value, change):
    claims = extract_troop_claims(get_pipeline()(sentence))
    assert [(c.value, c.unit, c.change) for c in claims] == [(value, "marine", change)]


def test_history_given_as_context_is_its_own_group():
    claims = extract_troop_claims(get_pipeline()(
        "At the height of the war in 2007, the US had 170,000 troops in Iraq. About 5,200 US troops are there now."))
    groups = {c.value: claim_group(c) for c in claims}
    assert groups == {170000: "historical figures (context)", 5200: "US troops in Iraq"}


def test_a_merchant_crew_is_not_military_personnel():
    assert extract_troop_claims(get_pipeline()("Iran seized a British-flagged tanker with 23 sailors aboard.")) == []
    navy = extract_troop_claims(get_pipeline()("The Navy sent 300 sailors and a destroyer to the Gulf."))
    assert [c.value for c in navy] == [300]
