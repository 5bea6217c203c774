"""Speaker resolution across the corpus: the evidence each article gives about its sources, pooled.

The extractor (:mod:`corpus.extract.attribution`) resolves what one article can resolve: surnames to the
full name the article gives, pronouns to antecedents, "the president" to the person it named in that office.
What one article leaves open, the corpus often answers (after the cross-document coreference of entity
linking, e.g. Bagga & Baldwin 1998, here by name):

* a bare surname no full name in the article explains goes to the full name that surname means in the same
  outlet, else in the whole corpus (the most cited person with that surname), unless the article places the
  speaker on a side the corpus does not place that person on ("says Ali, a young Iraqi" is no Yashar Ali);
* a name the corpus more often cites with a given name before it is that fuller name ("Tayyip Erdogan" is
  "Recep Tayyip Erdogan");
* a name the corpus writes in other letter cases ("Trump Administration", "WHITE HOUSE") is written as the corpus
  most often writes it;
* a named person or body whose affiliation the article leaves ``unknown`` takes the affiliation the other
  articles give that name (the most frequent known one), and ``affiliation_evidence`` says ``corpus``;
* an unnamed holder of a one-person office whose side the phrase gives ("Iran's president", "the U.S. defense
  secretary", in ``OFFICE_PATTERNS``; for another country's, "Germany's foreign minister", the phrase must name
  the country) is the person who held it on the article's date (``data/office_terms.csv``), or, for an undated
  article, the one past or present holder the article cites, else the one person who held it over the whole span
  of the corpus's dated articles;
  the article's own naming ("President Hassan Rouhani ... the president said") is the extractor's, and comes first;
* unnamed "authorities" are an organisation, and bare or national ones on the story's sides the country ("Iranian
  authorities admitted" is Iran), as "the Iranian government" is;
* "the administration" (``administration [US]``) in a dated article is the administration of the US president on
  that date, named as readers and the corpus name it ("Trump administration"); "the previous administration" is not;
* a person, unnamed source, unnamed body or document still ``unknown`` takes the article's setting, the side
  at least ``SETTING_SHARE`` of the article's placed sources are on (at least ``SETTING_MIN_SOURCES`` of them), and
  ``affiliation_evidence`` says ``article setting``: a prior, not evidence about the source, in the spirit of
  "one sense per discourse" (Gale, Church & Yarowsky 1992). Readers of the hand-checked samples placed all but
  2 of 316 real attributions, three quarters of them US, mostly by the story the source speaks in ("a lawmaker"
  in a story about Congress, a defence lawyer in a US court-martial), and "a spokesman for the ministry" or "the
  memo" by the same story, and named organisations the article does not place (of the 48 such in the samples'
  stories with a setting, readers put 37 on its side: "the Census Bureau", "Capital One" in American stories);
  named outlets are left alone (an article about Washington quoting Al Jazeera does not make it American), and
  so are unnamed outside
  observers (``OBSERVER_ROLES``: "experts warn", "analysts say"): the setting says which side the story's
  actors are on, not where its commentators come from (of the 11 such sources in the hand-checked samples that
  the phrase does not place, readers left 7 ``unknown``, placed 3 in the US and one either way).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from corpus.extract.affiliation import COUNTRY_NAMES, affiliation_terms, generic_terms
from corpus.resources import data_rows

__all__ = ["resolve_speakers", "office_holder_on", "SETTING_SHARE", "SETTING_MIN_SOURCES"]

SETTING_SHARE = 0.6
SETTING_MIN_SOURCES = 2
PERSON_TYPES = ("named_person", "anonymous")
BODY_TYPES = ("organization", "media", "other")
OBSERVER_ROLES = frozenset({"expert", "analyst", "observer", "scholar", "academic", "researcher", "commentator",
                            "pundit", "specialist"})


def _full_names(people: pd.DataFrame) -> pd.DataFrame:
    """``surname, source_canonical, outlet, n``: how often each multi-word name is cited, per outlet."""
    full = people[people["source_canonical"].str.contains(" ", regex=False)]
    table = full.assign(surname=full["source_canonical"].str.split().str[-1].str.lower())
    return table.groupby(["surname", "source_canonical", "outlet"]).size().rename("n").reset_index()


# the office a source phrase names, most specific first; a phrase that names an office and no one else
OFFICE_PATTERNS = (
    ("director of national intelligence", r"\bdirector of national intelligence\b|\bnational intelligence director\b"),
    ("cia director", r"\bcia director\b|\bdirector of the cia\b|\bcia chief\b"
                     r"|\bdirector of the central intelligence agency\b"),
    ("joint chiefs chairman", r"\bchairman of the joint chiefs\b|\bjoint chiefs chairman\b"),
    ("foreign secretary", r"\bforeign secretary\b"),
    ("chancellor", r"\bchancellor\b(?! of the exchequer)"),
    ("secretary of state", r"\bsecretary of state\b|\bstate secretary\b"),
    ("defense secretary", r"\bdefen[cs]e secretary\b|\bsecretary of defen[cs]e\b|\bpentagon chief\b"),
    ("national security adviser", r"\bnational security advis[eo]r\b"),
    ("foreign minister", r"\bforeign minister\b"),
    ("prime minister", r"\bprime minister\b|\bpremier\b"),
    ("supreme leader", r"\bsupreme leader\b"),
    ("president", r"\bpresident\b"),
    # the press's periphrases of an office ("the nation's top intelligence official" is the DNI, "Tehran's top
    # diplomat" its foreign minister); their head ("official", "diplomat") is no office word by itself
    ("director of national intelligence", r"\btop intelligence official\b"),
    (TOP_DIPLOMAT := "top diplomat", r"\btop diplomat\b"),
)
DIPLOMACY_OFFICES = {"US": ("secretary of state",)}
"""The offices a state's "top diplomat" holds, by side; any other side's is its foreign minister (or secretary)."""
OFFICE_HEADS = frozenset({"president", "secretary", "minister", "premier", "leader", "chief", "adviser", "advisor",
                          "director", "chairman", "chancellor"})
"""The role words of those phrases, as the extractor gives an unnamed source's role (``"secretary [US]"``)."""
NOT_THE_HOLDER = re.compile(r"\b(a|an|another|any|some|one|former|ex|late|then|vice|deputy|assistant|future|next|"
                            r"elect|candidate|hopeful|presidents|ministers|secretaries|advisers|advisors|leaders)\b")
"""Words that make an office phrase name someone other than its holder on the day: "a former president",
"the vice president", "the president-elect", plurals."""


@lru_cache(maxsize=1)
def _office_terms() -> dict[tuple[str, str], list[tuple[str, str, str, str]]]:
    """(office, side) -> (start, end, person, the words of its country for side ``other``)."""
    terms: dict[tuple[str, str], list[tuple[str, str, str, str]]] = {}
    for row in data_rows("office_terms.csv"):
        terms.setdefault((row["office"], row["side"]), []).append(
            (row["start"], row["end"], row["person"], row["country"]))
    return terms


def office_holder_on(source: str, side: str, date: str) -> str | None:
    """Who held the office ``source`` names ("Iran's president", "the U.S. defense secretary") for ``side`` on
    ``date`` (ISO), from ``data/office_terms.csv``; None when the phrase names no such office, names someone
    else (a former, vice or deputy holder, a plural) or the date is outside the table's terms."""
    return _holder_on(_terms_of_office(source, side), date)


def _holder_on(terms: list[tuple[str, str, str]], date: str) -> str | None:
    """The person whose term of ``terms`` covers ``date`` (ISO), if any."""
    if not date:
        return None
    day = str(date)[:10]
    return next((person for start, end, person in terms if start <= day < end), None)


def _terms_of_office(source: str, side: str) -> list[tuple[str, str, str]]:
    """(start, end, person) of every term of the office ``source`` names for ``side``; none when the phrase names
    no office of the table or someone other than its holder."""
    phrase = source.lower()
    if side == "unknown" or NOT_THE_HOLDER.search(phrase.replace("-", " ")):
        return []
    office = _office_named(phrase)
    offices = DIPLOMACY_OFFICES.get(side, ("foreign minister", "foreign secretary")) if office == TOP_DIPLOMAT \
        else (office,)
    # a side of many countries ("other") needs the phrase to name the country ("Germany's foreign minister")
    return [(start, end, person) for office in offices
            for start, end, person, country in _office_terms().get((office, side), ())
            if not country or re.search(rf"(?<!\w)(?:{country})(?!\w)", phrase)]


def _office_match(phrase: str) -> tuple[str, re.Match] | None:
    """The office of :data:`OFFICE_PATTERNS` a lower-case source phrase names, the most specific first, and the
    words that name it."""
    return next(((name, found) for name, pattern in OFFICE_PATTERNS if (found := re.search(pattern, phrase))), None)


def _office_named(phrase: str) -> str | None:
    found = _office_match(phrase)
    return found[0] if found else None


def _names_its_office(source: str, head: str) -> bool:
    """Whether a source's own role is the office its phrase names: an office word ("Iran's president"), or the
    head of a periphrasis ("the nation's top diplomat"); not "officials traveling with the president"."""
    if head in OFFICE_HEADS:
        return True
    found = _office_match(source.lower())
    return found is not None and found[1].group(0).split()[-1] == head


def _resolve_offices(table: pd.DataFrame) -> None:
    """Unnamed office holders ("president [Iran]" from "Iran's president") to the person in that office on the
    article's date, where the article itself never names them."""
    unnamed = (table["source_type"] == "anonymous") & (table["affiliation"] != "unknown")
    if not unnamed.any():
        return
    rows = table[unnamed]
    # the office must be the source's own role: "officials traveling with the president" are no president
    heads = rows["source_canonical"].str.extract(r"(\w+) \[[^\]]*\]$", expand=False).fillna("")
    # an undated article of the corpus: the one holder of the office over the whole span of its dated articles,
    # if there was only one (Zarif, foreign minister through all of 2019-2020; not a president who changed)
    days = pd.to_datetime(table["date"], errors="coerce").dt.strftime("%Y-%m-%d")
    span = (days.min(), days.max()) if days.notna().any() else None

    # an undated article that cites one person who ever held the office means that one ("the CIA director" in a
    # story quoting Mike Pompeo, CIA director before the corpus's span)
    doc_ids = table["doc_id"] if "doc_id" in table.columns else pd.Series("", index=table.index)
    cited = table[table["source_type"] == "named_person"].groupby(doc_ids)["source_canonical"].agg(set)

    def holder(source: str, side: str, date: str, doc_id: str) -> str | None:
        terms = _terms_of_office(source, side)
        if date or span is None:
            return _holder_on(terms, date)
        ever = {person for _, _, person in terms} & cited.get(doc_id, set())
        if len(ever) == 1:
            return ever.pop()
        first, last = _holder_on(terms, span[0]), _holder_on(terms, span[1])
        return first if first == last else None

    holders = [holder(source, side, date, doc_id) if _names_its_office(source, head) else None
               for source, side, date, head, doc_id in zip(rows["source"], rows["affiliation"],
                                                           days[rows.index].fillna(""), heads, doc_ids[rows.index])]
    found = pd.Series(holders, index=rows.index).dropna()
    table.loc[found.index, "source_canonical"] = found
    table.loc[found.index, "source_type"] = "named_person"


ADMINISTRATION = "administration [US]"
NOT_THE_SITTING = re.compile(r"\b(?:former|previous|prior|last|past|next|future|new|incoming|outgoing|then)\b")
"""Words that make "the administration" another than the one in office on the article's date."""


def _resolve_administrations(table: pd.DataFrame) -> None:
    """An unnamed US administration ("the administration said", from ``administration [US]``) to the one of the
    president in office on the article's date, as readers and the corpus name it ("Trump administration"); not
    "the previous administration", nor in an undated article."""
    dated = table["date"].astype(str).str.match(r"\d{4}-\d\d-\d\d")
    rows = table[(table["source_canonical"] == ADMINISTRATION) & dated
                 & ~table["source"].str.lower().str.contains(NOT_THE_SITTING)]
    presidents = [office_holder_on("president", "US", str(date)) for date in rows["date"]]
    named = pd.Series([f"{p.split()[-1]} administration" if p else None for p in presidents], index=rows.index)
    named = named.dropna()
    table.loc[named.index, "source_canonical"] = named


AUTHORITIES = re.compile(r"(?:the\s+)?(?:(?P<word>[\w.-]+)\s+)?authorities(?:\s+in\s+[\w\s.-]+)?")


def _authorities_as_state(table: pd.DataFrame) -> None:
    """Unnamed "authorities" (``authority [side]``, which the extractor types as unnamed people so that the
    article's setting can place them) are a state's organs, an organisation, as the samples' readers type them;
    bare, national or placed by where they are ("authorities", "Iranian authorities", "authorities in Tehran") on
    the story's sides they are the country itself, by its usual name (as "the Iranian government" is Iran);
    "prison authorities" or "local authorities" keep their role."""
    rows = table["source_canonical"].str.match(r"authority \[[^\]]+\]$") & (table["source_type"] == "anonymous")
    table.loc[rows, "source_type"] = "organization"
    for i in table.index[rows]:
        phrase = AUTHORITIES.fullmatch(str(table.at[i, "source"]).lower().strip())
        side = table.at[i, "affiliation"]
        if phrase and side in COUNTRY_NAMES and (phrase["word"] is None or phrase["word"] in _national_words()):
            table.at[i, "source_canonical"] = COUNTRY_NAMES[side]


@lru_cache(maxsize=1)
def _national_words() -> frozenset[str]:
    """Words the affiliation table places on one country's side by themselves ("iranian", "u.s.", "british")."""
    return frozenset(term[0] for term in affiliation_terms() if len(term) == 1 and term not in generic_terms())


def _fullest_names(names: pd.Series) -> pd.Series:
    """Each name that the corpus more often cites with given names before it ("Tayyip Erdogan" beside "Recep
    Tayyip Erdogan") as that fuller name; a name the corpus cites more often than its longer form stays ("Bernie
    Sanders", not the scraped headline "Beat Bernie Sanders"), and so does one that differs inside ("John Kennedy"
    is not "John F. Kennedy")."""
    counts = names.value_counts()
    longer: dict[str, list[str]] = {}  # a name of two words or more -> the longer names that end with it
    for name in counts.index:
        words = name.split()
        for start in range(1, len(words) - 1):
            longer.setdefault(" ".join(words[start:]), []).append(name)
    fuller = {}
    for name, forms in longer.items():
        cited = [m for m in forms if counts[m] > counts.get(name, 0)]
        if name in counts.index and cited:
            fuller[name] = max(cited, key=lambda m: (counts[m], m))
    return names.map(lambda n: fuller.get(n, n))


def _usual_spellings(names: pd.Series) -> pd.Series:
    """Each name as the corpus most often writes it, letter case aside ("Trump Administration" and "WHITE HOUSE",
    from headlines and capitalised styles, as "Trump administration" and "White House"), so that one source is
    counted once (ties to one not in capitals, then to the first in sort order)."""
    usual: dict[str, str] = {}
    for name, _ in sorted(names.value_counts().items(), key=lambda item: (-item[1], item[0].isupper(), item[0])):
        usual.setdefault(name.lower(), name)
    return names.map(lambda name: usual[name.lower()])


def _usual_affiliations(people: pd.DataFrame) -> pd.Series:
    """source_canonical -> the affiliation most of its rows give (ties to the first in sort order), over the rows
    with a known one."""
    known = people[people["affiliation"] != "unknown"]
    return (known.groupby(["source_canonical", "affiliation"]).size().rename("n").reset_index()
            .sort_values(["n", "affiliation"], ascending=[False, True])
            .drop_duplicates("source_canonical").set_index("source_canonical")["affiliation"])


def resolve_speakers(attributions: pd.DataFrame) -> pd.DataFrame:
    """The attributions table with bare surnames of named people, and unknown affiliations of named people and
    bodies, resolved from the rest of the corpus, and unnamed office holders from the article's date (a new table;
    the input is not changed)."""
    table = attributions.copy(deep=False)  # copy-on-write: only the columns resolved below become new arrays
    named = table["source_type"].isin(("named_person", "organization", "media"))
    if named.any():
        table.loc[named, "source_canonical"] = _usual_spellings(table.loc[named, "source_canonical"])
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
        sides = _usual_affiliations(table[people])
        resolved = [in_outlet.get((key, outlet), overall.get(key)) for key, outlet in zip(keys, outlets)]
        # "says Ali, a young Iraqi" is not the American journalist Yashar Ali: a name the article places on one
        # side is resolved only to a person the corpus places on the same side (not to one it leaves unplaced)
        table.loc[bare, "source_canonical"] = [
            r if isinstance(r, str) and side in ("unknown", sides.get(r)) else old
            for r, old, side in zip(resolved, table.loc[bare, "source_canonical"], table.loc[bare, "affiliation"])]
        table.loc[people, "source_canonical"] = _fullest_names(table.loc[people, "source_canonical"])
    # a named body's side is the corpus's for it as a person's is ("Stena Bulk" is Swedish wherever one article
    # says so); not an unnamed one's ("the media", "outlets": whose they are changes with the article)
    placed_by_name = named & table["source_canonical"].str.contains(r"[A-Z]", regex=True)
    usual = _usual_affiliations(table[placed_by_name])
    if len(usual):
        open_rows = placed_by_name & (table["affiliation"] == "unknown") & table["source_canonical"].isin(usual.index)
        table.loc[open_rows, "affiliation"] = table.loc[open_rows, "source_canonical"].map(usual)
        table.loc[open_rows, "affiliation_evidence"] = "corpus"
    if "doc_id" in table.columns:
        _apply_article_setting(table)
    if "date" in table.columns:
        _resolve_offices(table)  # after the setting: "the national security adviser" in a story set in Washington
        _resolve_administrations(table)
    _authorities_as_state(table)  # after the setting, which places unnamed people and bodies, not named ones
    return table


def _article_settings(table: pd.DataFrame) -> pd.Series:
    """doc_id -> the side most of the article's placed sources are on, where it is clear enough."""
    placed = table[table["affiliation"] != "unknown"]
    counts = placed.groupby(["doc_id", "affiliation"]).size().rename("n").reset_index()
    counts["placed"] = counts.groupby("doc_id")["n"].transform("sum")
    top = counts.sort_values(["doc_id", "n", "affiliation"], ascending=[True, False, True]).drop_duplicates("doc_id")
    clear = (top["n"] >= SETTING_SHARE * top["placed"]) & (top["placed"] >= SETTING_MIN_SOURCES)
    return top[clear].set_index("doc_id")["affiliation"]


def _apply_article_setting(table: pd.DataFrame) -> None:
    settings = _article_settings(table)
    names = table["source_canonical"].str.removesuffix(" [unknown]")
    observers = (table["source_type"] == "anonymous") & names.isin(OBSERVER_ROLES)
    # an unnamed body or document ("a spokesman for the ministry", "the memo") is the story's, as its people are,
    # and so is a named organisation the article does not place ("the Census Bureau"); a named outlet is left
    # alone (an American story quoting Al Jazeera does not make it American)
    unnamed_bodies = table["source_type"].isin(BODY_TYPES) & ~names.str.contains(r"[A-Z]", regex=True)
    named_bodies = (table["source_type"] == "organization") & names.str.contains(r"[A-Z]", regex=True)
    open_rows = ((table["affiliation"] == "unknown")
                 & (table["source_type"].isin(PERSON_TYPES) | unnamed_bodies | named_bodies)
                 & table["doc_id"].isin(settings.index) & ~observers)
    table.loc[open_rows, "affiliation"] = table.loc[open_rows, "doc_id"].map(settings)
    table.loc[open_rows, "affiliation_evidence"] = "article setting"
    # an unnamed source's canonical name carries its side ("official [unknown]" -> "official [US]")
    roles = open_rows & table["source_canonical"].str.endswith(" [unknown]")
    table.loc[roles, "source_canonical"] = (table.loc[roles, "source_canonical"].str.removesuffix("[unknown]")
                                            + "[" + table.loc[roles, "affiliation"] + "]")
