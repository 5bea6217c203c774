"""Speaker resolution across the corpus: the evidence each article gives about its sources, pooled.

The extractor (:mod:`corpus.extract.attribution`) resolves what one article can resolve: surnames to the
full name the article gives, pronouns to antecedents, "the president" to the person it named in that office.
What one article leaves open, the corpus often answers (after the cross-document coreference of entity
linking, e.g. Bagga & Baldwin 1998, here by name):

* a bare surname no full name in the article explains goes to the full name that surname means in the same
  outlet, else in the whole corpus (the most cited person with that surname);
* a named person whose affiliation the article leaves ``unknown`` takes the affiliation the other articles
  give that person (the most frequent known one), and ``affiliation_evidence`` says ``corpus``.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["resolve_speakers"]


def _full_names(people: pd.DataFrame) -> pd.DataFrame:
    """``surname, source_canonical, outlet, n``: how often each multi-word name is cited, per outlet."""
    full = people[people["source_canonical"].str.contains(" ", regex=False)]
    table = full.assign(surname=full["source_canonical"].str.split().str[-1].str.lower())
    return table.groupby(["surname", "source_canonical", "outlet"]).size().rename("n").reset_index()


def resolve_speakers(attributions: pd.DataFrame) -> pd.DataFrame:
    """The attributions table with bare surnames and unknown affiliations of named people resolved from the
    rest of the corpus (a new table; the input is not changed)."""
    table = attributions.copy()
    people = table["source_type"] == "named_person"
    names = _full_names(table[people])
    if len(names):
        in_outlet = (names.sort_values(["n", "source_canonical"], ascending=[False, True])
                     .drop_duplicates(["surname", "outlet"]).set_index(["surname", "outlet"])["source_canonical"])
        overall = (names.groupby(["surname", "source_canonical"])["n"].sum().reset_index()
                   .sort_values(["n", "source_canonical"], ascending=[False, True])
                   .drop_duplicates("surname").set_index("surname")["source_canonical"])
        bare = people & ~table["source_canonical"].str.contains(" ", regex=False)
        keys = table.loc[bare, "source_canonical"].str.lower()
        outlets = table.loc[bare, "outlet"]
        resolved = [in_outlet.get((key, outlet), overall.get(key)) for key, outlet in zip(keys, outlets)]
        table.loc[bare, "source_canonical"] = [r if isinstance(r, str) else old for r, old
                                               in zip(resolved, table.loc[bare, "source_canonical"])]
    known = table[people & (table["affiliation"] != "unknown")]
    if len(known):
        usual = (known.groupby(["source_canonical", "affiliation"]).size().rename("n").reset_index()
                 .sort_values(["n", "affiliation"], ascending=[False, True])
                 .drop_duplicates("source_canonical").set_index("source_canonical")["affiliation"])
        open_rows = people & (table["affiliation"] == "unknown") & table["source_canonical"].isin(usual.index)
        table.loc[open_rows, "affiliation"] = table.loc[open_rows, "source_canonical"].map(usual)
        table.loc[open_rows, "affiliation_evidence"] = "corpus"
    return table
